package locale

// The strings an edition generates, one table per language. To translate
// the edition's own words into another language, copy the English table,
// name it by the language's BCP 47 base tag and translate each string; a
// string a table lacks is given in English. The keys are the names a
// manifest overrides them by (its "strings:" key).
//
// A string may hold placeholders, {name}, which the edition fills in (a
// translation keeps each of the English string's placeholders and may move
// them). A plural string has one form per CLDR plural category of the
// language ("one", "few", "many", "other"), each under the key with the
// category after a full stop ("kept-count.few"); {n} is then the number,
// which a form may leave out ("(einmal)"), and "other" is the form for a
// category a table does not give. Quotation marks and spaces are written
// as the language prints them (French « » with U+202F inside and before ;
// : ! ?), as generated matter printed outside the text (the imprint) does
// not pass through the typography pass.

// Names of the generated parts and of the labels of the editions.
const (
	Cover          Key = "cover"           // the cover page, in the contents of a reading system
	CoverBy        Key = "cover-by"        // "by {names}": the authors, in the cover's description
	TitlePage      Key = "title-page"      // the title page, likewise
	Imprint        Key = "imprint"         // the copyright page
	Contents       Key = "contents"        // the table of contents
	Introduction   Key = "introduction"    // the editor's introduction
	NoteOnText     Key = "note-on-text"    // the account of the edition's text
	Emendations    Key = "emendations"     // the list of corrections, in the Note on the Text
	ReadingsKept   Key = "readings-kept"   // the list of readings kept, in the Note on the Text
	Notes          Key = "notes"           // the editor's notes
	WorksCited     Key = "works-cited"     // the works the notes and the introduction cite
	References     Key = "references"      // a bibliography the text itself carries
	Source         Key = "source"          // where the copy-text comes from
	SourceLines    Key = "source-lines"    // the group of apparatus entries for the lines printed under the text
	Colophon       Key = "colophon"        // how the edition was made
	Appendix       Key = "appendix"        // back matter without a name of its own
	Pages          Key = "pages"           // the list of the print edition's pages, in a reading system
	Landmarks      Key = "landmarks"       // the reading system's guide to the parts
	StartOfText    Key = "start-of-text"   // the landmark of the text's beginning
	BackToText     Key = "back-to-text"    // what a note's link back to its reference says to a screen reader
	IntroductionTo Key = "introduction-to" // "Introduction to" a member of a collection, followed by its title
	NotesTo        Key = "notes-to"        // "Notes to" a member of a collection
	NoteOnTextOf   Key = "note-on-text-of" // "A Note on the Text of" a member of a collection
	Untitled       Key = "untitled"        // a part without a title
	PartN          Key = "part-n"          // "Part {n}": an apparatus group for a part without a title
	FigureN        Key = "figure-n"        // "Figure {n}.": a numbered figure's label
	TableN         Key = "table-n"         // "Table {n}.": a numbered table's label
	PageRef        Key = "page-ref"        // "(p. {page})": the page an internal link leads to, in print
	SourceLabel    Key = "source-label"    // plural: "Source:" before a note's citations
)

// Words the sentences share.
const (
	DateForm      Key = "date"           // {day} {month} {year}: a date in running text
	FirstDay      Key = "first-day"      // the first day of a month in a date: "1", French "1er"
	And           Key = "and"            // the word before a list's last item
	TitleSubtitle Key = "title-subtitle" // a title with its subtitle, in one line
)

// The sentences of the Note on the Text: the copy-text and its provenance.
const (
	CopyTextIsEdition    Key = "copy-text-is-edition" // {published}: one of the Published forms
	PublishedByPlaceYear Key = "published-by-place-year"
	PublishedByPlace     Key = "published-by-place"
	PublishedByYear      Key = "published-by-year"
	PublishedBy          Key = "published-by"
	PublishedInPlaceYear Key = "published-in-place-year"
	PublishedInPlace     Key = "published-in-place"
	PublishedInYear      Key = "published-in-year"
	TakenFromUnrecorded  Key = "taken-from-unrecorded"
	TakenFromOn          Key = "taken-from-on"
	TakenFrom            Key = "taken-from"
	TakenUnrecorded      Key = "taken-unrecorded"
	TakenOn              Key = "taken-on"
	Checksum             Key = "checksum"
	DatedFirstPrinted    Key = "dated-first-printed"
	Dated                Key = "dated"
	FirstPrinted         Key = "first-printed"
)

// The sentences of the Note on the Text: the edition's method, the changes
// made without a list, and the apparatus.
const (
	Emended               Key = "emended"
	NotEmended            Key = "not-emended"
	Kept                  Key = "kept"
	HeadingsEditorial     Key = "headings-editorial"
	SomeHeadingsEditorial Key = "some-headings-editorial" // plural
	SilentIntro           Key = "silent-intro"
	SilentQuotes          Key = "silent-quotes"
	SilentDashes          Key = "silent-dashes"
	SilentSpacedDash      Key = "silent-spaced-dash"
	SilentEllipsis        Key = "silent-ellipsis"
	SilentNoBreakSpaces   Key = "silent-no-break-spaces" // plural
	NameSpelling          Key = "name-spelling"
	NameSpellingItem      Key = "name-spelling-item"
	TrailerMovedLine      Key = "trailer-moved-line"
	TrailerMovedLines     Key = "trailer-moved-lines" // plural
	// Where the copy-text prints the lines the Source page prints: the
	// {place} of TrailerMovedLine, TrailerMovedLines and UnderText.
	PlaceUnder         Key = "place-under"
	PlaceAbove         Key = "place-above"
	PlaceAboveAndUnder Key = "place-above-and-under"
	Dropped            Key = "dropped"
	DroppedLine        Key = "dropped-line"
	DroppedLines       Key = "dropped-lines" // {ranges}: "1–30 and 301–323"
	ListOrderParts     Key = "list-order-parts"
	ListOrder          Key = "list-order"
	EmendationForm     Key = "emendation-form"
	EmendationGround   Key = "emendation-ground"
	KeptForm           Key = "kept-form"
	KeptEverywhere     Key = "kept-everywhere"
	EntryPlace         Key = "entry-place"
	ParagraphBreak     Key = "paragraph-break"
	Transmission       Key = "transmission"
	KeptCount          Key = "kept-count" // plural
)

// The sentences of the imprint, the Source page and the colophon.
const (
	OriginalPublished  Key = "original-published"
	ThisEditionDate    Key = "this-edition-date"
	ThisEdition        Key = "this-edition"
	UnderText          Key = "under-text" // plural
	MadeWith           Key = "made-with"
	PrintTypeface      Key = "print-typeface"
	EbookTypeface      Key = "ebook-typeface"
	PrintNoHyphenation Key = "print-no-hyphenation"
	PrintHyphenation   Key = "print-hyphenation" // {patterns}: a HyphenationCredit
	PublishedYear      Key = "published-year"
	Published          Key = "published"
)

// Reason is the key of the label of a kind of fault an emendation corrects
// (apparatus's Reason names: "transmission", "ocr").
func Reason(name string) Key { return Key("reason-" + name) }

// HyphenationCredit is the key of the words that credit a set of
// hyphenation patterns (layout/hyphen's identifiers: "de-1996"). A table
// needs those of its own language's sets; English has every set's, for the
// languages without a table.
func HyphenationCredit(patterns string) Key { return Key("hyphenation-" + patterns) }

var tables = map[string]map[Key]string{
	"en": {
		Cover: "Cover", CoverBy: "by {names}", TitlePage: "Title Page", Imprint: "Imprint", Contents: "Contents",
		Introduction: "Introduction", NoteOnText: "A Note on the Text", Emendations: "Emendations",
		ReadingsKept: "Readings kept", Notes: "Notes", WorksCited: "Works Cited", References: "References",
		Source: "Source", SourceLines: "The {source} page", Colophon: "Colophon", Appendix: "Appendix",
		Pages: "Pages", Landmarks: "Landmarks", StartOfText: "Start of text", BackToText: "Back to text",
		IntroductionTo: "Introduction to", NotesTo: "Notes to", NoteOnTextOf: "A Note on the Text of",
		Untitled: "Untitled", PartN: "Part {n}", FigureN: "Figure {n}.", TableN: "Table {n}.", PageRef: "(p.\u00a0{page})",
		SourceLabel + ".one": "Source:", SourceLabel + ".other": "Sources:",

		DateForm: "{day} {month} {year}", And: "and",
		FirstDay: "1", TitleSubtitle: "{title}: {subtitle}",

		CopyTextIsEdition:    "The copy-text is the edition published {published}.",
		PublishedByPlaceYear: "by {publisher}, {place}, {year}",
		PublishedByPlace:     "by {publisher}, {place}",
		PublishedByYear:      "by {publisher} in {year}",
		PublishedBy:          "by {publisher}",
		PublishedInPlaceYear: "in {place} in {year}",
		PublishedInPlace:     "in {place}",
		PublishedInYear:      "in {year}",
		TakenFromUnrecorded:  "It was taken from {url}; the date on which it was taken was not recorded.",
		TakenFromOn:          "It was taken from {url} on {date}.",
		TakenFrom:            "It was taken from {url}.",
		TakenUnrecorded:      "The date on which it was taken was not recorded.",
		TakenOn:              "It was taken on {date}.",
		Checksum: "The copy-text file from which this edition was made has the SHA-256 checksum {checksum} " +
			"(in groups of eight digits); the same checksum, computed on a copy, shows that the copy is that file.",
		DatedFirstPrinted: "The document is dated {date} and was first printed in {first-printed}.",
		Dated:             "The document is dated {date}.",
		FirstPrinted:      "The document was first printed in {first-printed}.",

		Emended:    "Corrections are made in the text, and each is listed below under “{emendations}” with the reading of the copy-text it replaces.",
		NotEmended: "This edition makes no correction to the words or punctuation of the copy-text.",
		Kept:       "Readings that may look like errors but are kept as the copy-text has them are listed under “{readings-kept}”, each with the reason it is kept.",
		HeadingsEditorial: "The copy-text has no headings of its own: the headings of its parts are the editor’s, " +
			"supplied to help the reader find the way, and are marked as editorial additions.",
		SomeHeadingsEditorial + ".one":   "The headings of {n} part that have none in the copy-text are the editor’s, and are marked as editorial additions.",
		SomeHeadingsEditorial + ".other": "The headings of {n} parts that have none in the copy-text are the editor’s, and are marked as editorial additions.",
		SilentIntro:                      "Some changes of form are made without being listed one by one; each kind is named here once.",
		SilentQuotes:                     "Straight quotation marks and apostrophes are printed as curly ones.",
		SilentDashes:                     "Two or three hyphens in a row are printed as a dash.",
		SilentSpacedDash:                 "A hyphen standing between two spaces is printed as an en dash.",
		SilentEllipsis:                   "Three full stops in a row are printed as an ellipsis; a fourth stays a full stop after it.",
		SilentNoBreakSpaces + ".one": "Where a line should not end (after an initial or an abbreviation, or between a day and its month), " +
			"the space is printed as one that cannot break: {n} time in all.",
		SilentNoBreakSpaces + ".other": "Where a line should not end (after an initial or an abbreviation, or between a day and its month), " +
			"the space is printed as one that cannot break: {n} times in all.",
		NameSpelling:                    "The title page and the imprint print {list}, as the name is written.",
		NameSpellingItem:                "“{ours}” where the copy-text has “{theirs}”",
		TrailerMovedLine:                "The line the copy-text prints {place}, “{line}”, is printed on the {source} page.",
		TrailerMovedLines + ".one":      "The line the copy-text prints {place} is printed on the {source} page.",
		TrailerMovedLines + ".other":    "The {n} lines the copy-text prints {place} are printed on the {source} page.",
		Dropped:                         "Lines of the copy-text file that are not part of the document are left out: {list}.",
		DroppedLine:                     "line {n}, “{text}”",
		DroppedLines:                    "lines {ranges}",
		ListOrderParts:                  "The entries are given part by part, in the order of the text.",
		ListOrder:                       "The entries are given in the order of the text.",
		EmendationForm:                  "Each entry gives the reading of this edition, a square bracket, the reading of the copy-text and, in parentheses, the kind of fault.",
		EmendationGround:                "Where the ground of a correction is not evident, it follows the kind of fault.",
		KeptForm:                        "Each entry gives the reading and the reason it is kept.",
		KeptEverywhere:                  "A reading the copy-text has more than once is followed by the number of times it does, and stands where it first occurs.",
		EntryPlace:                      "In the print edition an entry begins with the number of the page on which the reading stands (lines are not numbered); in the ebook the reading is a link to its place in the text.",
		ParagraphBreak:                  "The sign ¶ marks a paragraph break.",
		Transmission:                    "“{transmission}” names a fault whose cause, in printing, scanning or copying, cannot be told without the printed original.",
		KeptCount + ".one":              "({n} time)",
		KeptCount + ".other":            "({n} times)",
		Reason("transmission"):          "transmission error",
		Reason("ocr"):                   "scanning error",
		Reason("printer"):               "printer’s error",
		Reason("stray-mark"):            "stray mark",
		Reason("broken-paragraph"):      "broken paragraph",
		Reason("spelling"):              "spelling",
		Reason("punctuation"):           "punctuation",
		OriginalPublished:               "The text is that of the edition published {published}.",
		ThisEditionDate:                 "This edition published by {publisher}, {date}.",
		ThisEdition:                     "This edition published by {publisher}.",
		UnderText + ".one":              "{place}, the copy-text prints this line:",
		UnderText + ".other":            "{place}, the copy-text prints these lines:",
		PlaceUnder:                      "under the text",
		PlaceAbove:                      "above the text",
		PlaceAboveAndUnder:              "above and under the text",
		MadeWith:                        "This edition was made with bindery.",
		PrintTypeface:                   "The print edition is set in {typeface}, a typeface by SIL International released under the SIL Open Font License.",
		EbookTypeface:                   "This ebook embeds no typeface: the reading system shows it in a typeface of its own.",
		PrintNoHyphenation:              "The print edition hyphenates no words: there are no hyphenation patterns for its language.",
		PrintHyphenation:                "The print edition’s words are hyphenated by {patterns}.",
		PublishedYear:                   "Published by {publisher}, {year}.",
		Published:                       "Published by {publisher}.",
		HyphenationCredit("en-us"):      "Frank M. Liang’s patterns for American English, as published with Plain TeX, and the exceptions of TUGboat’s hyphenation exception log",
		HyphenationCredit("en-gb"):      "the hyph-utf8 project’s patterns for British English",
		HyphenationCredit("de-1996"):    "the hyph-utf8 project’s patterns for German (1996 spelling)",
		HyphenationCredit("de-1901"):    "the hyph-utf8 project’s patterns for German (1901 spelling)",
		HyphenationCredit("de-ch-1901"): "the hyph-utf8 project’s patterns for Swiss German",
		HyphenationCredit("fr"):         "the hyph-utf8 project’s patterns for French",
		HyphenationCredit("es"):         "the hyph-utf8 project’s patterns for Spanish",
		HyphenationCredit("it"):         "the hyph-utf8 project’s patterns for Italian",
		HyphenationCredit("pt"):         "the hyph-utf8 project’s patterns for Portuguese",
		HyphenationCredit("nl"):         "the hyph-utf8 project’s patterns for Dutch",
		HyphenationCredit("pl"):         "the hyph-utf8 project’s patterns for Polish",
		HyphenationCredit("ru"):         "the hyph-utf8 project’s patterns for Russian",
		HyphenationCredit("uk"):         "the hyph-utf8 project’s patterns for Ukrainian",
		HyphenationCredit("el-monoton"): "the hyph-utf8 project’s patterns for Modern Greek (monotonic)",
		HyphenationCredit("el-polyton"): "the hyph-utf8 project’s patterns for Greek (polytonic)",
		HyphenationCredit("sq"):         "the hyph-utf8 project’s patterns for Albanian",
	},

	// German: Duden's quotation marks „ “; dates as "5. Oktober 1964".
	"de": {
		Cover: "Umschlag", CoverBy: "von {names}", TitlePage: "Titelseite", Imprint: "Impressum", Contents: "Inhalt",
		Introduction: "Einleitung", NoteOnText: "Editorische Notiz", Emendations: "Textkorrekturen",
		ReadingsKept: "Beibehaltene Lesarten", Notes: "Anmerkungen", WorksCited: "Zitierte Literatur", References: "Literatur",
		Source: "Quelle", SourceLines: "Die Seite „{source}“", Colophon: "Kolophon", Appendix: "Anhang",
		Pages: "Seiten", Landmarks: "Orientierungspunkte", StartOfText: "Beginn des Textes", BackToText: "Zurück zum Text",
		IntroductionTo: "Einleitung zu", NotesTo: "Anmerkungen zu", NoteOnTextOf: "Editorische Notiz zu",
		Untitled: "Ohne Titel", PartN: "Teil {n}", FigureN: "Abbildung {n}.", TableN: "Tabelle {n}.", PageRef: "(S.\u00a0{page})",
		SourceLabel + ".one": "Quelle:", SourceLabel + ".other": "Quellen:",

		DateForm: "{day}. {month} {year}", And: "und",
		FirstDay: "1", TitleSubtitle: "{title}. {subtitle}",

		CopyTextIsEdition:    "Textgrundlage ist die Ausgabe, die {published} erschienen ist.",
		PublishedByPlaceYear: "{year} bei {publisher} in {place}",
		PublishedByPlace:     "bei {publisher} in {place}",
		PublishedByYear:      "{year} bei {publisher}",
		PublishedBy:          "bei {publisher}",
		PublishedInPlaceYear: "{year} in {place}",
		PublishedInPlace:     "in {place}",
		PublishedInYear:      "{year}",
		TakenFromUnrecorded:  "Sie stammt von {url}; wann sie abgerufen wurde, ist nicht verzeichnet.",
		TakenFromOn:          "Sie wurde am {date} von {url} abgerufen.",
		TakenFrom:            "Sie stammt von {url}.",
		TakenUnrecorded:      "Wann sie abgerufen wurde, ist nicht verzeichnet.",
		TakenOn:              "Sie wurde am {date} abgerufen.",
		Checksum: "Die Datei der Textgrundlage, aus der diese Ausgabe hergestellt wurde, hat die SHA-256-Prüfsumme {checksum} " +
			"(in Gruppen zu acht Ziffern); dieselbe Prüfsumme, an einer Kopie berechnet, weist diese als Kopie eben dieser Datei aus.",
		DatedFirstPrinted: "Das Dokument ist auf den {date} datiert und erschien zuerst in {first-printed}.",
		Dated:             "Das Dokument ist auf den {date} datiert.",
		FirstPrinted:      "Das Dokument erschien zuerst in {first-printed}.",

		Emended:    "Korrekturen sind im Text vorgenommen; jede ist unten unter „{emendations}“ mit der Lesart der Textgrundlage verzeichnet, die sie ersetzt.",
		NotEmended: "Diese Ausgabe nimmt keine Korrektur an Wortlaut oder Zeichensetzung der Textgrundlage vor.",
		Kept:       "Lesarten, die wie Fehler aussehen mögen, aber so beibehalten sind, wie die Textgrundlage sie hat, stehen unter „{readings-kept}“, jede mit dem Grund, aus dem sie beibehalten ist.",
		HeadingsEditorial: "Die Textgrundlage hat keine eigenen Überschriften: Die Überschriften ihrer Teile stammen vom Herausgeber, " +
			"sollen der Orientierung dienen und sind als Zusätze des Herausgebers gekennzeichnet.",
		SomeHeadingsEditorial + ".one":   "Die Überschrift eines Teils, der in der Textgrundlage keine hat, stammt vom Herausgeber und ist als Zusatz des Herausgebers gekennzeichnet.",
		SomeHeadingsEditorial + ".other": "Die Überschriften von {n} Teilen, die in der Textgrundlage keine haben, stammen vom Herausgeber und sind als Zusätze des Herausgebers gekennzeichnet.",
		SilentIntro:                      "Einige Änderungen der Form sind vorgenommen, ohne einzeln verzeichnet zu sein; jede Art ist hier einmal genannt.",
		SilentQuotes:                     "Gerade Anführungszeichen und Apostrophe sind als typographische gesetzt.",
		SilentDashes:                     "Zwei oder drei Bindestriche in Folge sind als Gedankenstrich gesetzt.",
		SilentSpacedDash:                 "Ein Bindestrich zwischen zwei Leerzeichen ist als Halbgeviertstrich gesetzt.",
		SilentEllipsis:                   "Drei Punkte in Folge sind als Auslassungszeichen gesetzt; ein vierter bleibt als Schlusspunkt dahinter stehen.",
		SilentNoBreakSpaces + ".one": "Wo eine Zeile nicht enden soll (nach einer Initiale oder einer Abkürzung oder zwischen Tag und Monat), " +
			"ist das Leerzeichen als geschütztes gesetzt: an einer Stelle.",
		SilentNoBreakSpaces + ".other": "Wo eine Zeile nicht enden soll (nach einer Initiale oder einer Abkürzung oder zwischen Tag und Monat), " +
			"ist das Leerzeichen als geschütztes gesetzt: an insgesamt {n} Stellen.",
		NameSpelling:                    "Titelseite und Impressum schreiben {list}, wie der Name geschrieben wird.",
		NameSpellingItem:                "„{ours}“, wo die Textgrundlage „{theirs}“ hat",
		TrailerMovedLine:                "Die Zeile, die die Textgrundlage {place} setzt, „{line}“, steht auf der Seite „{source}“.",
		TrailerMovedLines + ".one":      "Die Zeile, die die Textgrundlage {place} setzt, steht auf der Seite „{source}“.",
		TrailerMovedLines + ".other":    "Die {n} Zeilen, die die Textgrundlage {place} setzt, stehen auf der Seite „{source}“.",
		Dropped:                         "Zeilen der Datei der Textgrundlage, die nicht zum Dokument gehören, sind ausgelassen: {list}.",
		DroppedLine:                     "Zeile {n}, „{text}“",
		DroppedLines:                    "Zeilen {ranges}",
		ListOrderParts:                  "Die Einträge folgen Teil für Teil der Reihenfolge des Textes.",
		ListOrder:                       "Die Einträge folgen der Reihenfolge des Textes.",
		EmendationForm:                  "Jeder Eintrag nennt die Lesart dieser Ausgabe, eine eckige Klammer, die Lesart der Textgrundlage und in runden Klammern die Art des Fehlers.",
		EmendationGround:                "Wo der Grund einer Korrektur nicht offensichtlich ist, folgt er der Art des Fehlers.",
		KeptForm:                        "Jeder Eintrag nennt die Lesart und den Grund, aus dem sie beibehalten ist.",
		KeptEverywhere:                  "Auf eine Lesart, die die Textgrundlage mehrfach hat, folgt die Zahl ihrer Vorkommen; sie steht dort, wo sie zuerst vorkommt.",
		EntryPlace:                      "In der Druckausgabe beginnt ein Eintrag mit der Nummer der Seite, auf der die Lesart steht (die Zeilen sind nicht gezählt); im E-Book ist die Lesart ein Verweis auf ihre Stelle im Text.",
		ParagraphBreak:                  "Das Zeichen ¶ bezeichnet einen Absatzwechsel.",
		Transmission:                    "„{transmission}“ bezeichnet einen Fehler, dessen Ursache, im Druck, beim Scannen oder beim Abschreiben, ohne das gedruckte Original nicht festzustellen ist.",
		KeptCount + ".one":              "(einmal)",
		KeptCount + ".other":            "({n}-mal)",
		Reason("transmission"):          "Übertragungsfehler",
		Reason("ocr"):                   "Scanfehler",
		Reason("printer"):               "Druckfehler",
		Reason("stray-mark"):            "verirrtes Zeichen",
		Reason("broken-paragraph"):      "falscher Absatzwechsel",
		Reason("spelling"):              "Rechtschreibung",
		Reason("punctuation"):           "Zeichensetzung",
		OriginalPublished:               "Der Text folgt der Ausgabe, die {published} erschienen ist.",
		ThisEditionDate:                 "Diese Ausgabe erschien bei {publisher}, {date}.",
		ThisEdition:                     "Diese Ausgabe erschien bei {publisher}.",
		UnderText + ".one":              "{place} setzt die Textgrundlage diese Zeile:",
		UnderText + ".other":            "{place} setzt die Textgrundlage diese Zeilen:",
		PlaceUnder:                      "unter den Text",
		PlaceAbove:                      "über den Text",
		PlaceAboveAndUnder:              "über und unter den Text",
		MadeWith:                        "Diese Ausgabe wurde mit bindery hergestellt.",
		PrintTypeface:                   "Die Druckausgabe ist aus der {typeface} gesetzt, einer Schrift von SIL International, veröffentlicht unter der SIL Open Font License.",
		EbookTypeface:                   "Dieses E-Book bettet keine Schrift ein: Das Lesegerät zeigt es in einer eigenen Schrift.",
		PrintNoHyphenation:              "Die Druckausgabe trennt keine Wörter: Für ihre Sprache gibt es keine Trennmuster.",
		PrintHyphenation:                "Die Wörter der Druckausgabe sind nach {patterns} getrennt.",
		PublishedYear:                   "Verlegt bei {publisher}, {year}.",
		Published:                       "Verlegt bei {publisher}.",
		HyphenationCredit("de-1996"):    "den Trennmustern des Projekts hyph-utf8 für das Deutsche (Rechtschreibung von 1996)",
		HyphenationCredit("de-1901"):    "den Trennmustern des Projekts hyph-utf8 für das Deutsche (Rechtschreibung von 1901)",
		HyphenationCredit("de-ch-1901"): "den Trennmustern des Projekts hyph-utf8 für das Deutsche in der Schweiz",
	},

	// French: « » with narrow no-break spaces (U+202F) inside them and
	// before ; : ! ? (Lexique des règles typographiques en usage à
	// l'Imprimerie nationale).
	"fr": {
		Cover: "Couverture", CoverBy: "par {names}", TitlePage: "Page de titre", Imprint: "Mentions légales", Contents: "Table des matières",
		Introduction: "Introduction", NoteOnText: "Note sur le texte", Emendations: "Corrections",
		ReadingsKept: "Leçons conservées", Notes: "Notes", WorksCited: "Ouvrages cités", References: "Bibliographie",
		Source: "Source", SourceLines: "La page «\u202f{source}\u202f»", Colophon: "Colophon", Appendix: "Annexe",
		Pages: "Pages", Landmarks: "Repères", StartOfText: "Début du texte", BackToText: "Retour au texte",
		IntroductionTo: "Introduction à", NotesTo: "Notes sur", NoteOnTextOf: "Note sur le texte de",
		Untitled: "Sans titre", PartN: "Partie {n}", FigureN: "Figure {n}.", TableN: "Tableau {n}.", PageRef: "(p.\u00a0{page})",
		SourceLabel + ".one": "Source\u202f:", SourceLabel + ".other": "Sources\u202f:",

		DateForm: "{day} {month} {year}", And: "et",
		FirstDay: "1er", TitleSubtitle: "{title}\u202f: {subtitle}",

		CopyTextIsEdition:    "Le texte de base est celui de l’édition publiée {published}.",
		PublishedByPlaceYear: "par {publisher}, {place}, {year}",
		PublishedByPlace:     "par {publisher}, {place}",
		PublishedByYear:      "par {publisher} en {year}",
		PublishedBy:          "par {publisher}",
		PublishedInPlaceYear: "à {place} en {year}",
		PublishedInPlace:     "à {place}",
		PublishedInYear:      "en {year}",
		TakenFromUnrecorded:  "Il provient de {url}\u202f; la date à laquelle il a été relevé n’a pas été notée.",
		TakenFromOn:          "Il a été relevé sur {url} le {date}.",
		TakenFrom:            "Il provient de {url}.",
		TakenUnrecorded:      "La date à laquelle il a été relevé n’a pas été notée.",
		TakenOn:              "Il a été relevé le {date}.",
		Checksum: "Le fichier du texte de base à partir duquel cette édition a été établie a pour somme de contrôle SHA-256 {checksum} " +
			"(par groupes de huit chiffres)\u202f; la même somme, calculée sur une copie, montre que la copie est bien ce fichier.",
		DatedFirstPrinted: "Le document est daté du {date} et a paru pour la première fois dans {first-printed}.",
		Dated:             "Le document est daté du {date}.",
		FirstPrinted:      "Le document a paru pour la première fois dans {first-printed}.",

		Emended:    "Les corrections sont faites dans le texte, et chacune est indiquée ci-dessous sous «\u202f{emendations}\u202f» avec la leçon du texte de base qu’elle remplace.",
		NotEmended: "Cette édition n’apporte aucune correction aux mots ni à la ponctuation du texte de base.",
		Kept:       "Les leçons qui peuvent sembler fautives mais sont conservées telles que le texte de base les donne sont indiquées sous «\u202f{readings-kept}\u202f», chacune avec la raison de son maintien.",
		HeadingsEditorial: "Le texte de base n’a pas de titres\u202f: les titres de ses parties sont de l’éditeur, " +
			"ajoutés pour guider le lecteur, et sont signalés comme ajouts éditoriaux.",
		SomeHeadingsEditorial + ".one":   "Le titre de la partie qui n’en a pas dans le texte de base est de l’éditeur, et il est signalé comme ajout éditorial.",
		SomeHeadingsEditorial + ".other": "Les titres des {n} parties qui n’en ont pas dans le texte de base sont de l’éditeur, et ils sont signalés comme ajouts éditoriaux.",
		SilentIntro:                      "Certains changements de forme sont faits sans être relevés un à un\u202f; chaque sorte est nommée ici une fois.",
		SilentQuotes:                     "Les guillemets et les apostrophes droits sont imprimés sous leur forme typographique.",
		SilentDashes:                     "Deux ou trois traits d’union de suite sont imprimés comme un tiret.",
		SilentSpacedDash:                 "Un trait d’union entre deux espaces est imprimé comme un tiret demi-cadratin.",
		SilentEllipsis:                   "Trois points de suite sont imprimés comme des points de suspension\u202f; un quatrième reste un point après eux.",
		SilentNoBreakSpaces + ".one": "Là où une ligne ne doit pas finir (après une initiale ou une abréviation, ou entre un jour et son mois), " +
			"l’espace est imprimée insécable\u202f: {n} fois en tout.",
		SilentNoBreakSpaces + ".other": "Là où une ligne ne doit pas finir (après une initiale ou une abréviation, ou entre un jour et son mois), " +
			"l’espace est imprimée insécable\u202f: {n} fois en tout.",
		NameSpelling:                 "La page de titre et les mentions légales impriment {list}, comme le nom s’écrit.",
		NameSpellingItem:             "«\u202f{ours}\u202f» là où le texte de base a «\u202f{theirs}\u202f»",
		TrailerMovedLine:             "La ligne que le texte de base imprime {place}, «\u202f{line}\u202f», est imprimée sur la page «\u202f{source}\u202f».",
		TrailerMovedLines + ".one":   "La ligne que le texte de base imprime {place} est imprimée sur la page «\u202f{source}\u202f».",
		TrailerMovedLines + ".other": "Les {n} lignes que le texte de base imprime {place} sont imprimées sur la page «\u202f{source}\u202f».",
		Dropped:                      "Les lignes du fichier du texte de base qui ne font pas partie du document sont omises\u202f: {list}.",
		DroppedLine:                  "ligne {n}, «\u202f{text}\u202f»",
		DroppedLines:                 "lignes {ranges}",
		ListOrderParts:               "Les entrées sont données partie par partie, dans l’ordre du texte.",
		ListOrder:                    "Les entrées sont données dans l’ordre du texte.",
		EmendationForm:               "Chaque entrée donne la leçon de cette édition, un crochet fermant, la leçon du texte de base et, entre parenthèses, la nature de la faute.",
		EmendationGround:             "Quand la raison d’une correction n’est pas évidente, elle suit la nature de la faute.",
		KeptForm:                     "Chaque entrée donne la leçon et la raison de son maintien.",
		KeptEverywhere:               "Une leçon que le texte de base donne plus d’une fois est suivie du nombre de ses occurrences, et figure à la première.",
		EntryPlace:                   "Dans l’édition imprimée, une entrée commence par le numéro de la page où se trouve la leçon (les lignes ne sont pas numérotées)\u202f; dans le livre numérique, la leçon est un lien vers sa place dans le texte.",
		ParagraphBreak:               "Le signe ¶ marque un changement de paragraphe.",
		Transmission:                 "«\u202f{transmission}\u202f» désigne une faute dont la cause, à l’impression, à la numérisation ou à la copie, ne peut être établie sans l’original imprimé.",
		KeptCount + ".one":           "({n} fois)",
		KeptCount + ".other":         "({n} fois)",
		Reason("transmission"):       "erreur de transmission",
		Reason("ocr"):                "erreur de numérisation",
		Reason("printer"):            "coquille de l’original",
		Reason("stray-mark"):         "signe parasite",
		Reason("broken-paragraph"):   "paragraphe coupé",
		Reason("spelling"):           "orthographe",
		Reason("punctuation"):        "ponctuation",
		OriginalPublished:            "Le texte est celui de l’édition publiée {published}.",
		ThisEditionDate:              "Édition publiée par {publisher}, le {date}.",
		ThisEdition:                  "Édition publiée par {publisher}.",
		UnderText + ".one":           "{place}, le texte de base imprime cette ligne\u202f:",
		UnderText + ".other":         "{place}, le texte de base imprime ces lignes\u202f:",
		PlaceUnder:                   "sous le texte",
		PlaceAbove:                   "au-dessus du texte",
		PlaceAboveAndUnder:           "au-dessus et au-dessous du texte",
		MadeWith:                     "Cette édition a été réalisée avec bindery.",
		PrintTypeface:                "L’édition imprimée est composée en {typeface}, un caractère de SIL International publié sous la licence SIL Open Font License.",
		EbookTypeface:                "Ce livre numérique n’intègre aucune police\u202f: le système de lecture l’affiche dans une police qui lui est propre.",
		PrintNoHyphenation:           "L’édition imprimée ne coupe aucun mot\u202f: il n’existe pas de motifs de césure pour sa langue.",
		PrintHyphenation:             "Les mots de l’édition imprimée sont coupés selon {patterns}.",
		PublishedYear:                "Publié par {publisher}, {year}.",
		Published:                    "Publié par {publisher}.",
		HyphenationCredit("fr"):      "les motifs de césure du projet hyph-utf8 pour le français",
	},

	// Russian: «» and „“ (Мильчин, Справочник издателя и автора, 2003);
	// dates as "5 октября 1964 г."; places of publication as a
	// bibliography gives them (ГОСТ 7.1: "Тирана : Издательство, 1964"),
	// which leaves the publisher's name in the nominative.
	"ru": {
		Cover: "Обложка", CoverBy: "{names}", TitlePage: "Титульный лист", Imprint: "Выходные сведения", Contents: "Содержание",
		Introduction: "Введение", NoteOnText: "О тексте издания", Emendations: "Исправления",
		ReadingsKept: "Сохранённые чтения", Notes: "Примечания", WorksCited: "Цитируемая литература", References: "Литература",
		Source: "Источник", SourceLines: "Страница «{source}»", Colophon: "Выходные данные", Appendix: "Приложение",
		Pages: "Страницы", Landmarks: "Ориентиры", StartOfText: "Начало текста", BackToText: "Вернуться к тексту",
		IntroductionTo: "Введение к", NotesTo: "Примечания к", NoteOnTextOf: "О тексте:",
		Untitled: "Без названия", PartN: "Часть {n}", FigureN: "Рисунок {n}.", TableN: "Таблица {n}.", PageRef: "(с.\u00a0{page})",
		SourceLabel + ".one": "Источник:", SourceLabel + ".few": "Источники:", SourceLabel + ".many": "Источники:", SourceLabel + ".other": "Источники:",

		DateForm: "{day} {month} {year} г.", And: "и",
		FirstDay: "1", TitleSubtitle: "{title}: {subtitle}",

		CopyTextIsEdition:    "Основной текст — издание: {published}.",
		PublishedByPlaceYear: "{place}: {publisher}, {year}",
		PublishedByPlace:     "{place}: {publisher}",
		PublishedByYear:      "{publisher}, {year}",
		PublishedBy:          "{publisher}",
		PublishedInPlaceYear: "{place}, {year}",
		PublishedInPlace:     "{place}",
		PublishedInYear:      "{year}",
		TakenFromUnrecorded:  "Он получен по адресу {url}; дата получения не записана.",
		TakenFromOn:          "Он получен по адресу {url} {date}.",
		TakenFrom:            "Он получен по адресу {url}.",
		TakenUnrecorded:      "Дата его получения не записана.",
		TakenOn:              "Он получен {date}.",
		Checksum: "Файл основного текста, по которому подготовлено это издание, имеет контрольную сумму SHA-256 {checksum} " +
			"(группами по восемь цифр); та же сумма, вычисленная для копии, показывает, что копия и есть этот файл.",
		DatedFirstPrinted: "Документ датирован {date} и впервые напечатан в {first-printed}.",
		Dated:             "Документ датирован {date}.",
		FirstPrinted:      "Документ впервые напечатан в {first-printed}.",

		Emended:    "Исправления внесены в текст; каждое указано ниже в разделе «{emendations}» вместе с чтением основного текста, которое оно заменяет.",
		NotEmended: "Это издание не вносит исправлений ни в слова, ни в пунктуацию основного текста.",
		Kept:       "Чтения, которые могут показаться ошибками, но сохранены так, как их даёт основной текст, перечислены в разделе «{readings-kept}», каждое с причиной, по которой оно сохранено.",
		HeadingsEditorial: "В основном тексте нет собственных заголовков: заголовки его частей принадлежат редактору, " +
			"добавлены для удобства читателя и отмечены как редакторские.",
		SomeHeadingsEditorial + ".other": "Заголовки частей, у которых их нет в основном тексте (число частей: {n}), принадлежат редактору и отмечены как редакторские.",
		SilentIntro:                      "Некоторые изменения формы сделаны без перечисления каждого; каждый их вид назван здесь один раз.",
		SilentQuotes:                     "Прямые кавычки и апострофы заменены типографскими.",
		SilentDashes:                     "Два или три дефиса подряд заменены тире.",
		SilentSpacedDash:                 "Дефис между двумя пробелами заменён тире.",
		SilentEllipsis:                   "Три точки подряд заменены многоточием; четвёртая остаётся точкой после него.",
		SilentNoBreakSpaces + ".one": "Там, где строка не должна кончаться (после инициала или сокращения, между числом и месяцем, перед тире), " +
			"пробел заменён неразрывным: всего {n} раз.",
		SilentNoBreakSpaces + ".few": "Там, где строка не должна кончаться (после инициала или сокращения, между числом и месяцем, перед тире), " +
			"пробел заменён неразрывным: всего {n} раза.",
		SilentNoBreakSpaces + ".many": "Там, где строка не должна кончаться (после инициала или сокращения, между числом и месяцем, перед тире), " +
			"пробел заменён неразрывным: всего {n} раз.",
		SilentNoBreakSpaces + ".other": "Там, где строка не должна кончаться (после инициала или сокращения, между числом и месяцем, перед тире), " +
			"пробел заменён неразрывным: всего {n} раза.",
		NameSpelling:                 "На титульном листе и в выходных сведениях напечатано {list} — так пишется имя.",
		NameSpellingItem:             "«{ours}» там, где в основном тексте «{theirs}»",
		TrailerMovedLine:             "Строка «{line}», напечатанная в основном тексте {place}, перенесена на страницу «{source}».",
		TrailerMovedLines + ".one":   "{n} строка, напечатанная в основном тексте {place}, перенесена на страницу «{source}».",
		TrailerMovedLines + ".few":   "{n} строки, напечатанные в основном тексте {place}, перенесены на страницу «{source}».",
		TrailerMovedLines + ".many":  "{n} строк, напечатанных в основном тексте {place}, перенесены на страницу «{source}».",
		TrailerMovedLines + ".other": "{n} строки, напечатанные в основном тексте {place}, перенесены на страницу «{source}».",
		Dropped:                      "Строки файла основного текста, не относящиеся к документу, опущены: {list}.",
		DroppedLine:                  "строка {n}, «{text}»",
		DroppedLines:                 "строки {ranges}",
		ListOrderParts:               "Записи даны по частям, в порядке текста.",
		ListOrder:                    "Записи даны в порядке текста.",
		EmendationForm:               "Каждая запись содержит чтение этого издания, квадратную скобку, чтение основного текста и в круглых скобках вид ошибки.",
		EmendationGround:             "Если основание исправления неочевидно, оно указано после вида ошибки.",
		KeptForm:                     "Каждая запись содержит чтение и причину, по которой оно сохранено.",
		KeptEverywhere:               "За чтением, которое встречается в основном тексте несколько раз, следует число его повторений; запись стоит там, где оно встречается впервые.",
		EntryPlace:                   "В печатном издании запись начинается с номера страницы, на которой стоит чтение (строки не нумеруются); в электронной книге чтение — ссылка на его место в тексте.",
		ParagraphBreak:               "Знак ¶ обозначает границу абзаца.",
		Transmission:                 "«{transmission}» — ошибка, причину которой (при печати, сканировании или переписке) нельзя установить без печатного оригинала.",
		KeptCount + ".one":           "({n} раз)",
		KeptCount + ".few":           "({n} раза)",
		KeptCount + ".many":          "({n} раз)",
		KeptCount + ".other":         "({n} раза)",
		Reason("transmission"):       "ошибка передачи",
		Reason("ocr"):                "ошибка распознавания",
		Reason("printer"):            "опечатка оригинала",
		Reason("stray-mark"):         "лишний знак",
		Reason("broken-paragraph"):   "разорванный абзац",
		Reason("spelling"):           "орфография",
		Reason("punctuation"):        "пунктуация",
		OriginalPublished:            "Текст воспроизводится по изданию: {published}.",
		ThisEditionDate:              "Настоящее издание: {publisher}, {date}.",
		ThisEdition:                  "Настоящее издание: {publisher}.",
		UnderText + ".one":           "{place} в основном тексте напечатана строка:",
		UnderText + ".few":           "{place} в основном тексте напечатаны строки:",
		UnderText + ".many":          "{place} в основном тексте напечатаны строки:",
		UnderText + ".other":         "{place} в основном тексте напечатаны строки:",
		PlaceUnder:                   "под текстом документа",
		PlaceAbove:                   "над текстом документа",
		PlaceAboveAndUnder:           "над текстом документа и под ним",
		MadeWith:                     "Это издание подготовлено с помощью bindery.",
		PrintTypeface:                "Печатное издание набрано шрифтом {typeface} — шрифтом SIL International, выпущенным под лицензией SIL Open Font License.",
		EbookTypeface:                "Эта электронная книга не содержит встроенных шрифтов: читающая система показывает её своим шрифтом.",
		PrintNoHyphenation:           "В печатном издании слова не переносятся: для его языка нет шаблонов переноса.",
		PrintHyphenation:             "Переносы в печатном издании расставлены по {patterns}.",
		PublishedYear:                "Издатель: {publisher}, {year}.",
		Published:                    "Издатель: {publisher}.",
		HyphenationCredit("ru"):      "шаблонам переноса проекта hyph-utf8 для русского языка",
	},

	// Albanian: «» and „“, as Tirana printings of the period have them.
	"sq": {
		Cover: "Kopertina", CoverBy: "nga {names}", TitlePage: "Faqja e titullit", Imprint: "Të dhëna botimi", Contents: "Përmbajtja",
		Introduction: "Hyrje", NoteOnText: "Shënim për tekstin", Emendations: "Korrigjime",
		ReadingsKept: "Leximet e ruajtura", Notes: "Shënime", WorksCited: "Vepra të cituara", References: "Bibliografia",
		Source: "Burimi", SourceLines: "Faqja «{source}»", Colophon: "Kolofoni", Appendix: "Shtojcë",
		Pages: "Faqet", Landmarks: "Pikat kryesore", StartOfText: "Fillimi i tekstit", BackToText: "Kthehu te teksti",
		IntroductionTo: "Hyrje për", NotesTo: "Shënime për", NoteOnTextOf: "Shënim për tekstin e",
		Untitled: "Pa titull", PartN: "Pjesa {n}", FigureN: "Figura {n}.", TableN: "Tabela {n}.", PageRef: "(f.\u00a0{page})",
		SourceLabel + ".one": "Burimi:", SourceLabel + ".other": "Burimet:",

		DateForm: "{day} {month} {year}", And: "dhe",
		FirstDay: "1", TitleSubtitle: "{title}: {subtitle}",

		CopyTextIsEdition:    "Teksti bazë është botimi i dalë {published}.",
		PublishedByPlaceYear: "nga {publisher}, {place}, {year}",
		PublishedByPlace:     "nga {publisher}, {place}",
		PublishedByYear:      "nga {publisher} më {year}",
		PublishedBy:          "nga {publisher}",
		PublishedInPlaceYear: "në {place} më {year}",
		PublishedInPlace:     "në {place}",
		PublishedInYear:      "më {year}",
		TakenFromUnrecorded:  "Ai u mor nga {url}; data kur u mor nuk është shënuar.",
		TakenFromOn:          "Ai u mor nga {url} më {date}.",
		TakenFrom:            "Ai u mor nga {url}.",
		TakenUnrecorded:      "Data kur u mor nuk është shënuar.",
		TakenOn:              "Ai u mor më {date}.",
		Checksum: "Skedari i tekstit bazë, nga i cili u bë ky botim, ka shumën e kontrollit SHA-256 {checksum} " +
			"(në grupe prej tetë shifrash); e njëjta shumë, e llogaritur mbi një kopje, tregon se kopja është ai skedar.",
		DatedFirstPrinted: "Dokumenti mban datën {date} dhe u botua për herë të parë në {first-printed}.",
		Dated:             "Dokumenti mban datën {date}.",
		FirstPrinted:      "Dokumenti u botua për herë të parë në {first-printed}.",

		Emended:    "Korrigjimet janë bërë në tekst, dhe secili jepet më poshtë nën «{emendations}» bashkë me leximin e tekstit bazë që zëvendëson.",
		NotEmended: "Ky botim nuk bën asnjë korrigjim në fjalët ose në pikësimin e tekstit bazë.",
		Kept:       "Leximet që mund të duken si gabime, por ruhen siç i ka teksti bazë, jepen nën «{readings-kept}», secili me arsyen pse ruhet.",
		HeadingsEditorial: "Teksti bazë nuk ka tituj të vetët: titujt e pjesëve të tij janë të redaktorit, " +
			"të vënë për ta ndihmuar lexuesin, dhe shënohen si shtesa redaksionale.",
		SomeHeadingsEditorial + ".one":   "Titulli i pjesës që nuk ka titull në tekstin bazë është i redaktorit dhe shënohet si shtesë redaksionale.",
		SomeHeadingsEditorial + ".other": "Titujt e {n} pjesëve që nuk kanë titull në tekstin bazë janë të redaktorit dhe shënohen si shtesa redaksionale.",
		SilentIntro:                      "Disa ndryshime të formës bëhen pa u renditur një nga një; çdo lloj përmendet këtu një herë.",
		SilentQuotes:                     "Thonjëzat dhe apostrofët e drejtë shtypen në formën e tyre tipografike.",
		SilentDashes:                     "Dy ose tre vizëza radhazi shtypen si vizë.",
		SilentSpacedDash:                 "Një vizëz midis dy hapësirash shtypet si vizë e shkurtër.",
		SilentEllipsis:                   "Tri pika radhazi shtypen si shumëpikësh; një e katërt mbetet pikë pas tij.",
		SilentNoBreakSpaces + ".one": "Aty ku një rresht nuk duhet të mbarojë (pas një inicialeje a një shkurtimi, ose midis ditës dhe muajit), " +
			"hapësira shtypet e pandashme: {n} herë gjithsej.",
		SilentNoBreakSpaces + ".other": "Aty ku një rresht nuk duhet të mbarojë (pas një inicialeje a një shkurtimi, ose midis ditës dhe muajit), " +
			"hapësira shtypet e pandashme: {n} herë gjithsej.",
		NameSpelling:                 "Faqja e titullit dhe të dhënat e botimit shtypin {list}, siç shkruhet emri.",
		NameSpellingItem:             "«{ours}» aty ku teksti bazë ka «{theirs}»",
		TrailerMovedLine:             "Rreshti që teksti bazë shtyp {place}, «{line}», shtypet në faqen «{source}».",
		TrailerMovedLines + ".one":   "Rreshti që teksti bazë shtyp {place} shtypet në faqen «{source}».",
		TrailerMovedLines + ".other": "{n} rreshtat që teksti bazë shtyp {place} shtypen në faqen «{source}».",
		Dropped:                      "Rreshtat e skedarit të tekstit bazë që nuk janë pjesë e dokumentit lihen jashtë: {list}.",
		DroppedLine:                  "rreshti {n}, «{text}»",
		DroppedLines:                 "rreshtat {ranges}",
		ListOrderParts:               "Zërat jepen pjesë për pjesë, sipas rendit të tekstit.",
		ListOrder:                    "Zërat jepen sipas rendit të tekstit.",
		EmendationForm:               "Çdo zë jep leximin e këtij botimi, një kllapë katrore, leximin e tekstit bazë dhe, në kllapa, llojin e gabimit.",
		EmendationGround:             "Kur arsyeja e një korrigjimi nuk është e qartë, ajo jepet pas llojit të gabimit.",
		KeptForm:                     "Çdo zë jep leximin dhe arsyen pse ruhet.",
		KeptEverywhere:               "Një lexim që teksti bazë e ka më shumë se një herë pasohet nga numri i herëve dhe qëndron aty ku del për herë të parë.",
		EntryPlace:                   "Në botimin e shtypur një zë fillon me numrin e faqes ku qëndron leximi (rreshtat nuk numërohen); në librin elektronik leximi është lidhje me vendin e tij në tekst.",
		ParagraphBreak:               "Shenja ¶ shënon ndarjen e paragrafit.",
		Transmission:                 "«{transmission}» quhet një gabim, shkaku i të cilit, në shtypje, në skanim ose në kopjim, nuk mund të përcaktohet pa origjinalin e shtypur.",
		KeptCount + ".one":           "({n} herë)",
		KeptCount + ".other":         "({n} herë)",
		Reason("transmission"):       "gabim transmetimi",
		Reason("ocr"):                "gabim skanimi",
		Reason("printer"):            "gabim shtypi",
		Reason("stray-mark"):         "shenjë e tepërt",
		Reason("broken-paragraph"):   "paragraf i ndarë",
		Reason("spelling"):           "drejtshkrim",
		Reason("punctuation"):        "pikësim",
		OriginalPublished:            "Teksti është ai i botimit të dalë {published}.",
		ThisEditionDate:              "Ky botim doli nga {publisher}, më {date}.",
		ThisEdition:                  "Ky botim doli nga {publisher}.",
		UnderText + ".one":           "{place}, teksti bazë shtyp këtë rresht:",
		UnderText + ".other":         "{place}, teksti bazë shtyp këto rreshta:",
		PlaceUnder:                   "nën tekst",
		PlaceAbove:                   "mbi tekst",
		PlaceAboveAndUnder:           "mbi dhe nën tekst",
		MadeWith:                     "Ky botim u përgatit me bindery.",
		PrintTypeface:                "Botimi i shtypur është radhitur me {typeface}, një shkronjë e SIL International, e publikuar me licencën SIL Open Font License.",
		EbookTypeface:                "Ky libër elektronik nuk përfshin asnjë shkronjë: sistemi i leximit e shfaq me një shkronjë të vetën.",
		PrintNoHyphenation:           "Botimi i shtypur nuk ndan asnjë fjalë: nuk ka modele ndarjeje për gjuhën e tij.",
		PrintHyphenation:             "Fjalët e botimit të shtypur ndahen sipas {patterns}.",
		PublishedYear:                "Botuar nga {publisher}, {year}.",
		Published:                    "Botuar nga {publisher}.",
		HyphenationCredit("sq"):      "modeleve të ndarjes të projektit hyph-utf8 për shqipen",
	},
}
