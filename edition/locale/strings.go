package locale

// The strings an edition generates, one table per language. To translate
// the edition's own words into another language, copy the English table,
// name it by the language's BCP 47 base tag and translate each string; a
// string a table lacks is given in English. The keys are the names a
// manifest overrides them by (its "strings:" key).
const (
	Cover          Key = "cover"           // the cover page, in the contents of a reading system
	TitlePage      Key = "title-page"      // the title page, likewise
	Imprint        Key = "imprint"         // the copyright page
	Contents       Key = "contents"        // the table of contents
	Introduction   Key = "introduction"    // the editor's introduction
	NoteOnText     Key = "note-on-text"    // the account of the edition's text
	Emendations    Key = "emendations"     // the list of corrections, in the Note on the Text
	Notes          Key = "notes"           // the editor's notes
	WorksCited     Key = "works-cited"     // the works the notes and the introduction cite
	Source         Key = "source"          // where the copy-text comes from
	Colophon       Key = "colophon"        // how the edition was made
	Appendix       Key = "appendix"        // back matter without a name of its own
	Pages          Key = "pages"           // the list of the print edition's pages, in a reading system
	Landmarks      Key = "landmarks"       // the reading system's guide to the parts
	BackToText     Key = "back-to-text"    // what a note's link back to its reference says to a screen reader
	IntroductionTo Key = "introduction-to" // "Introduction to" a member of a collection, followed by its title
	NotesTo        Key = "notes-to"        // "Notes to" a member of a collection
	NoteOnTextOf   Key = "note-on-text-of" // "A Note on the Text of" a member of a collection
	Untitled       Key = "untitled"        // a part without a title
)

var tables = map[string]map[Key]string{
	"en": {
		Cover: "Cover", TitlePage: "Title Page", Imprint: "Imprint", Contents: "Contents",
		Introduction: "Introduction", NoteOnText: "A Note on the Text", Emendations: "Emendations",
		Notes: "Notes", WorksCited: "Works Cited", Source: "Source", Colophon: "Colophon",
		Appendix: "Appendix", Pages: "Pages", Landmarks: "Landmarks", BackToText: "Back to text",
		IntroductionTo: "Introduction to", NotesTo: "Notes to", NoteOnTextOf: "A Note on the Text of",
		Untitled: "Untitled",
	},
	"de": {
		Cover: "Umschlag", TitlePage: "Titelseite", Imprint: "Impressum", Contents: "Inhalt",
		Introduction: "Einleitung", NoteOnText: "Editorische Notiz", Emendations: "Textkorrekturen",
		Notes: "Anmerkungen", WorksCited: "Zitierte Literatur", Source: "Quelle", Colophon: "Kolophon",
		Appendix: "Anhang", Pages: "Seiten", Landmarks: "Orientierungspunkte", BackToText: "Zurück zum Text",
		IntroductionTo: "Einleitung zu", NotesTo: "Anmerkungen zu", NoteOnTextOf: "Editorische Notiz zu",
		Untitled: "Ohne Titel",
	},
	"fr": {
		Cover: "Couverture", TitlePage: "Page de titre", Imprint: "Mentions légales", Contents: "Table des matières",
		Introduction: "Introduction", NoteOnText: "Note sur le texte", Emendations: "Corrections",
		Notes: "Notes", WorksCited: "Ouvrages cités", Source: "Source", Colophon: "Colophon",
		Appendix: "Annexe", Pages: "Pages", Landmarks: "Repères", BackToText: "Retour au texte",
		IntroductionTo: "Introduction à", NotesTo: "Notes sur", NoteOnTextOf: "Note sur le texte de",
		Untitled: "Sans titre",
	},
	"ru": {
		Cover: "Обложка", TitlePage: "Титульный лист", Imprint: "Выходные сведения", Contents: "Содержание",
		Introduction: "Введение", NoteOnText: "О тексте издания", Emendations: "Исправления",
		Notes: "Примечания", WorksCited: "Цитируемая литература", Source: "Источник", Colophon: "Выходные данные",
		Appendix: "Приложение", Pages: "Страницы", Landmarks: "Ориентиры", BackToText: "Вернуться к тексту",
		IntroductionTo: "Введение к", NotesTo: "Примечания к", NoteOnTextOf: "О тексте:",
		Untitled: "Без названия",
	},
	"sq": {
		Cover: "Kopertina", TitlePage: "Faqja e titullit", Imprint: "Të dhëna botimi", Contents: "Përmbajtja",
		Introduction: "Hyrje", NoteOnText: "Shënim për tekstin", Emendations: "Korrigjime",
		Notes: "Shënime", WorksCited: "Vepra të cituara", Source: "Burimi", Colophon: "Kolofoni",
		Appendix: "Shtojcë", Pages: "Faqet", Landmarks: "Pikat kryesore", BackToText: "Kthehu te teksti",
		IntroductionTo: "Hyrje për", NotesTo: "Shënime për", NoteOnTextOf: "Shënim për tekstin e",
		Untitled: "Pa titull",
	},
}
