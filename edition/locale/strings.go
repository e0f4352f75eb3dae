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
	EditedBy       Key = "edited-by"       // "Edited by {names}": an editor, on the title page
	TranslatedBy   Key = "translated-by"   // "Translated by {names}": a translator, likewise
	IdentifierIs   Key = "identifier-is"   // "Identifier: {id}": the edition's identifier, on the copyright page
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

	// IntroductionPlaceholder is what bindery import writes in the
	// introduction it leaves for the editor to write.
	IntroductionPlaceholder Key = "introduction-placeholder"
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
	Encoded              Key = "encoded"          // {encoding}: the copy-text file's character encoding, when not UTF-8
	EncodedDeclared      Key = "encoded-declared" // likewise, the file naming it
	DatedFirstPrinted    Key = "dated-first-printed"
	Dated                Key = "dated"
	FirstPrinted         Key = "first-printed"

	// The Taken forms for a Note whose sentences before them do not name
	// the copy-text, which they then name themselves.
	CopyTextFromUnrecorded Key = "copy-text-from-unrecorded"
	CopyTextFromOn         Key = "copy-text-from-on"
	CopyTextFrom           Key = "copy-text-from"
	CopyTextUnrecorded     Key = "copy-text-unrecorded"
	CopyTextOn             Key = "copy-text-on"
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

	// The place of the lines of a change (Change): one line, one line
	// quoted, or several in ranges ("1–30 and 301–323").
	LineAt     Key = "line"
	LineQuoted Key = "line-quoted"
	LinesAt    Key = "lines"
	// The lines that would go to the Source page of an edition that has
	// none: plural, its forms for one line and for more.
	DescribingLeftOut Key = "describing-left-out"
)

// The sentences of the imprint, the Source page and the colophon.
const (
	OriginalPublished   Key = "original-published"
	ThisEditionDate     Key = "this-edition-date"
	ThisEdition         Key = "this-edition"
	UnderText           Key = "under-text" // plural
	MadeWith            Key = "made-with"
	PrintTypeface       Key = "print-typeface"
	EbookTypeface       Key = "ebook-typeface"
	EbookEmbedsTypeface Key = "ebook-embeds-typeface" // {typeface}: the embedded family
	PrintNoHyphenation  Key = "print-no-hyphenation"
	PrintHyphenation    Key = "print-hyphenation" // {patterns}: a HyphenationCredit
	PublishedYear       Key = "published-year"
	Published           Key = "published"
)

// Reason is the key of the label of a kind of fault an emendation corrects
// (apparatus's Reason names: "transmission", "ocr").
func Reason(name string) Key { return Key("reason-" + name) }

// Change is the key of the sentence that says what an edition did with
// the matter of a kind a reader recognised in its copy-text
// (model.ChangeKind: "gutenberg-boilerplate"), with {lines} where it
// stands (LineAt, LineQuoted or LinesAt) and, for the kinds printed
// elsewhere, {source} or {notes}, the name of the part they are printed
// in. Its forms are grammatical number rather than count, as no number is
// printed: ".one" for a single line (a kind whose subject is singular
// however many lines it has gives only ".other"), ".other" for more.
func Change(kind string) Key { return Key("change-" + kind) }

// HyphenationCredit is the key of the words that credit a set of
// hyphenation patterns (layout/hyphen's identifiers: "de-1996"). A table
// needs those of its own language's sets; English has every set's, for the
// languages without a table.
func HyphenationCredit(patterns string) Key { return Key("hyphenation-" + patterns) }

var tables = map[string]map[Key]string{
	"en": {
		Cover: "Cover", CoverBy: "by {names}",
		EditedBy: "Edited by {names}", TranslatedBy: "Translated by {names}", IdentifierIs: "Identifier: {id}", TitlePage: "Title Page", Imprint: "Imprint", Contents: "Contents",
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

		CopyTextFromUnrecorded: "The copy-text was taken from {url}; the date on which it was taken was not recorded.",
		CopyTextFromOn:         "The copy-text was taken from {url} on {date}.",
		CopyTextFrom:           "The copy-text was taken from {url}.",
		CopyTextUnrecorded:     "The date on which the copy-text was taken was not recorded.",
		CopyTextOn:             "The copy-text was taken on {date}.",

		Encoded: "The file is written in the {encoding} encoding, which the bytes show; it is read as such.", EncodedDeclared: "The file is written in the {encoding} encoding, as it declares; it is read as such.",
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
		EbookEmbedsTypeface:             "This ebook is set in {typeface}, which it embeds, cut down to the characters of its text, under the SIL Open Font License.",
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

		LineAt:     "line {n}",
		LineQuoted: "line {n}, “{text}”",
		LinesAt:    "lines {ranges}",

		IntroductionPlaceholder: "This introduction is still to be written.",

		DescribingLeftOut + ".one":                    "The line that describes the copy-text rather than belongs to it ({lines}) is left out.",
		DescribingLeftOut + ".other":                  "The lines that describe the copy-text rather than belong to it ({lines}) are left out.",
		Change("gutenberg-boilerplate") + ".one":      "A line of the Project Gutenberg header or licence ({lines}) is left out.",
		Change("gutenberg-boilerplate") + ".other":    "The Project Gutenberg header and licence ({lines}) are left out.",
		Change("web-navigation") + ".one":             "A link of the archive’s Web page ({lines}) is left out.",
		Change("web-navigation") + ".other":           "The links and navigation of the archive’s Web pages ({lines}) are left out.",
		Change("table-of-contents") + ".other":        "The copy-text’s table of contents ({lines}) is left out: the edition makes its own.",
		Change("source-page-numbers") + ".one":        "The page number of the printed source that the transcription marks within the text ({lines}, as “[Pg 12]”) is left out.",
		Change("source-page-numbers") + ".other":      "The page numbers of the printed source that the transcription marks within the text ({lines}, as “[Pg 12]”) are left out.",
		Change("illustration-placeholder") + ".one":   "A placeholder for an illustration the file does not have ({lines}) is left out.",
		Change("illustration-placeholder") + ".other": "Placeholders for illustrations the file does not have ({lines}) are left out.",
		Change("advertisement") + ".one":              "A publisher’s advertisement after the text ({lines}) is left out.",
		Change("advertisement") + ".other":            "The publisher’s advertisements after the text ({lines}) are left out.",
		Change("notes-heading") + ".one":              "The heading over the notes ({lines}) is left out: the edition sets the notes under its own.",
		Change("notes-heading") + ".other":            "The headings over the notes ({lines}) are left out: the edition sets the notes under its own.",
		Change("html-comment") + ".one":               "A comment in the file’s HTML ({lines}) is left out.",
		Change("html-comment") + ".other":             "Comments in the file’s HTML ({lines}) are left out.",
		Change("raw-html") + ".other":                 "HTML that holds nothing the edition can print ({lines}) is left out.",
		Change("spacer-paragraphs") + ".one":          "A paragraph holding only a no-break space or a line break ({lines}) is left out.",
		Change("spacer-paragraphs") + ".other":        "Paragraphs holding only a no-break space or a line break ({lines}) are left out.",
		Change("horizontal-rules") + ".one":           "A horizontal rule beside a heading, navigation or credits ({lines}) is left out: it marks no break in the text.",
		Change("horizontal-rules") + ".other":         "Horizontal rules beside headings, navigation and credits ({lines}) are left out: they mark no break in the text.",
		Change("title-image") + ".other":              "The image above the title ({lines}) is left out.",
		Change("title-page") + ".one":                 "A line of the copy-text’s title page ({lines}) is replaced by this edition’s title page and imprint.",
		Change("title-page") + ".other":               "The lines of the copy-text’s title page ({lines}) are replaced by this edition’s title page and imprint.",
		Change("title-block") + ".other":              "The title block at the head of the file ({lines}) is replaced by this edition’s title page.",
		Change("transcriber-notes") + ".other":        "What a transcriber or editor wrote of the transcription, in square brackets or under a heading of its own ({lines}), is printed on the {source} page: it describes the transcription, not the document.",
		Change("source-lines") + ".one":               "The line saying where the text comes from ({lines}) is printed on the {source} page.",
		Change("source-lines") + ".other":             "The lines saying where the text comes from and who transcribed it ({lines}) are printed on the {source} page.",
		Change("headings") + ".one":                   "A line standing alone in the manner of a heading ({lines}) is set as a heading.",
		Change("headings") + ".other":                 "Lines standing alone in the manner of headings ({lines}) are set as headings.",
		Change("numbered-headings") + ".one":          "A numbered paragraph standing alone ({lines}) is set as a heading.",
		Change("numbered-headings") + ".other":        "Numbered paragraphs standing alone ({lines}) are set as headings: they number the text’s divisions in sequence.",
		Change("nbsp-headings") + ".one":              "A line opening with # marks and a no-break space ({lines}) is set as a heading: the no-break space stands where Markdown asks for a space.",
		Change("nbsp-headings") + ".other":            "Lines opening with # marks and a no-break space ({lines}) are set as headings: the no-break space stands where Markdown asks for a space.",
		Change("notes") + ".one":                      "The copy-text’s note ({lines}) is printed under “{notes}”, linked with its mark in the text.",
		Change("notes") + ".other":                    "The copy-text’s notes ({lines}) are printed under “{notes}”, each linked with its mark in the text.",
		Change("closing-lines") + ".one":              "The line closing the text ({lines}) is set as its signature or dateline.",
		Change("closing-lines") + ".other":            "The lines closing the text ({lines}) are set as its signature and dateline.",
	},

	// German: Duden's quotation marks „ “; dates as "5. Oktober 1964".
	"de": {
		Cover: "Umschlag", CoverBy: "von {names}",
		EditedBy: "Herausgegeben von {names}", TranslatedBy: "Übersetzt von {names}", IdentifierIs: "Kennung: {id}", TitlePage: "Titelseite", Imprint: "Impressum", Contents: "Inhalt",
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

		CopyTextFromUnrecorded: "Die Textgrundlage stammt von {url}; wann sie abgerufen wurde, ist nicht verzeichnet.",
		CopyTextFromOn:         "Die Textgrundlage wurde am {date} von {url} abgerufen.",
		CopyTextFrom:           "Die Textgrundlage stammt von {url}.",
		CopyTextUnrecorded:     "Wann die Textgrundlage abgerufen wurde, ist nicht verzeichnet.",
		CopyTextOn:             "Die Textgrundlage wurde am {date} abgerufen.",

		Encoded: "Die Datei ist in der Zeichenkodierung {encoding} geschrieben, wie ihre Bytes zeigen, und wird so gelesen.", EncodedDeclared: "Die Datei ist in der Zeichenkodierung {encoding} geschrieben, wie sie angibt, und wird so gelesen.",
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
		EbookEmbedsTypeface:             "Dieses E-Book ist aus der {typeface} gesetzt, die es, auf die Zeichen seines Textes beschränkt, unter der SIL Open Font License eingebettet enthält.",
		PrintNoHyphenation:              "Die Druckausgabe trennt keine Wörter: Für ihre Sprache gibt es keine Trennmuster.",
		PrintHyphenation:                "Die Wörter der Druckausgabe sind nach {patterns} getrennt.",
		PublishedYear:                   "Verlegt bei {publisher}, {year}.",
		Published:                       "Verlegt bei {publisher}.",
		HyphenationCredit("de-1996"):    "den Trennmustern des Projekts hyph-utf8 für das Deutsche (Rechtschreibung von 1996)",
		HyphenationCredit("de-1901"):    "den Trennmustern des Projekts hyph-utf8 für das Deutsche (Rechtschreibung von 1901)",
		HyphenationCredit("de-ch-1901"): "den Trennmustern des Projekts hyph-utf8 für das Deutsche in der Schweiz",

		LineAt:     "Zeile {n}",
		LineQuoted: "Zeile {n}, „{text}“",
		LinesAt:    "Zeilen {ranges}",

		IntroductionPlaceholder: "Diese Einleitung ist noch zu schreiben.",

		DescribingLeftOut + ".one":                    "Die Zeile, die die Textgrundlage beschreibt, statt zu ihr zu gehören ({lines}), ist ausgelassen.",
		DescribingLeftOut + ".other":                  "Die Zeilen, die die Textgrundlage beschreiben, statt zu ihr zu gehören ({lines}), sind ausgelassen.",
		Change("gutenberg-boilerplate") + ".one":      "Eine Zeile aus Vorspann oder Lizenz von Project Gutenberg ({lines}) ist ausgelassen.",
		Change("gutenberg-boilerplate") + ".other":    "Vorspann und Lizenz von Project Gutenberg ({lines}) sind ausgelassen.",
		Change("web-navigation") + ".one":             "Ein Verweis der Website des Archivs ({lines}) ist ausgelassen.",
		Change("web-navigation") + ".other":           "Die Verweise und die Navigation der Website des Archivs ({lines}) sind ausgelassen.",
		Change("table-of-contents") + ".other":        "Das Inhaltsverzeichnis der Textgrundlage ({lines}) ist ausgelassen: Die Ausgabe hat ein eigenes.",
		Change("source-page-numbers") + ".one":        "Die Seitenzahl der gedruckten Vorlage, die die Übertragung im Text vermerkt ({lines}, wie „[Pg 12]“), ist ausgelassen.",
		Change("source-page-numbers") + ".other":      "Die Seitenzahlen der gedruckten Vorlage, die die Übertragung im Text vermerkt ({lines}, wie „[Pg 12]“), sind ausgelassen.",
		Change("illustration-placeholder") + ".one":   "Ein Platzhalter für eine Abbildung, die die Datei nicht enthält ({lines}), ist ausgelassen.",
		Change("illustration-placeholder") + ".other": "Platzhalter für Abbildungen, die die Datei nicht enthält ({lines}), sind ausgelassen.",
		Change("advertisement") + ".one":              "Eine Verlagsanzeige nach dem Text ({lines}) ist ausgelassen.",
		Change("advertisement") + ".other":            "Die Verlagsanzeigen nach dem Text ({lines}) sind ausgelassen.",
		Change("notes-heading") + ".one":              "Die Überschrift über den Anmerkungen ({lines}) ist ausgelassen: Die Ausgabe setzt die Anmerkungen unter ihre eigene.",
		Change("notes-heading") + ".other":            "Die Überschriften über den Anmerkungen ({lines}) sind ausgelassen: Die Ausgabe setzt die Anmerkungen unter ihre eigene.",
		Change("html-comment") + ".one":               "Ein Kommentar im HTML der Datei ({lines}) ist ausgelassen.",
		Change("html-comment") + ".other":             "Kommentare im HTML der Datei ({lines}) sind ausgelassen.",
		Change("raw-html") + ".other":                 "HTML, das nichts Druckbares enthält ({lines}), ist ausgelassen.",
		Change("spacer-paragraphs") + ".one":          "Ein Absatz, der nur ein geschütztes Leerzeichen oder einen Zeilenumbruch enthält ({lines}), ist ausgelassen.",
		Change("spacer-paragraphs") + ".other":        "Absätze, die nur ein geschütztes Leerzeichen oder einen Zeilenumbruch enthalten ({lines}), sind ausgelassen.",
		Change("horizontal-rules") + ".one":           "Eine waagerechte Linie neben einer Überschrift, der Navigation oder den Angaben zur Herkunft ({lines}) ist ausgelassen: Sie bezeichnet keinen Einschnitt im Text.",
		Change("horizontal-rules") + ".other":         "Waagerechte Linien neben Überschriften, Navigation und Angaben zur Herkunft ({lines}) sind ausgelassen: Sie bezeichnen keinen Einschnitt im Text.",
		Change("title-image") + ".other":              "Das Bild über dem Titel ({lines}) ist ausgelassen.",
		Change("title-page") + ".one":                 "Eine Zeile der Titelseite der Textgrundlage ({lines}) ist durch Titelseite und Impressum dieser Ausgabe ersetzt.",
		Change("title-page") + ".other":               "Die Zeilen der Titelseite der Textgrundlage ({lines}) sind durch Titelseite und Impressum dieser Ausgabe ersetzt.",
		Change("title-block") + ".other":              "Der Titelblock am Anfang der Datei ({lines}) ist durch die Titelseite dieser Ausgabe ersetzt.",
		Change("transcriber-notes") + ".other":        "Was Bearbeiter oder Herausgeber zur Übertragung angemerkt haben, in eckigen Klammern oder unter eigener Überschrift ({lines}), steht auf der Seite „{source}“: Es beschreibt die Übertragung, nicht das Dokument.",
		Change("source-lines") + ".one":               "Die Zeile, die sagt, woher der Text stammt ({lines}), steht auf der Seite „{source}“.",
		Change("source-lines") + ".other":             "Die Zeilen, die sagen, woher der Text stammt und wer ihn übertragen hat ({lines}), stehen auf der Seite „{source}“.",
		Change("headings") + ".one":                   "Eine Zeile, die wie eine Überschrift für sich steht ({lines}), ist als Überschrift gesetzt.",
		Change("headings") + ".other":                 "Zeilen, die wie Überschriften für sich stehen ({lines}), sind als Überschriften gesetzt.",
		Change("numbered-headings") + ".one":          "Ein nummerierter Absatz, der für sich steht ({lines}), ist als Überschrift gesetzt.",
		Change("numbered-headings") + ".other":        "Nummerierte Absätze, die für sich stehen ({lines}), sind als Überschriften gesetzt: Sie zählen die Abschnitte des Textes der Reihe nach.",
		Change("nbsp-headings") + ".one":              "Eine Zeile, die mit #-Zeichen und einem geschützten Leerzeichen beginnt ({lines}), ist als Überschrift gesetzt: Das geschützte Leerzeichen steht, wo Markdown ein Leerzeichen verlangt.",
		Change("nbsp-headings") + ".other":            "Zeilen, die mit #-Zeichen und einem geschützten Leerzeichen beginnen ({lines}), sind als Überschriften gesetzt: Das geschützte Leerzeichen steht, wo Markdown ein Leerzeichen verlangt.",
		Change("notes") + ".one":                      "Die Anmerkung der Textgrundlage ({lines}) steht unter „{notes}“, mit ihrem Zeichen im Text verknüpft.",
		Change("notes") + ".other":                    "Die Anmerkungen der Textgrundlage ({lines}) stehen unter „{notes}“, jede mit ihrem Zeichen im Text verknüpft.",
		Change("closing-lines") + ".one":              "Die Zeile, die den Text schließt ({lines}), ist als seine Unterschrift oder Datumszeile gesetzt.",
		Change("closing-lines") + ".other":            "Die Zeilen, die den Text schließen ({lines}), sind als seine Unterschrift und Datumszeile gesetzt.",
	},

	// French: « » with narrow no-break spaces (U+202F) inside them and
	// before ; : ! ? (Lexique des règles typographiques en usage à
	// l'Imprimerie nationale).
	"fr": {
		Cover: "Couverture", CoverBy: "par {names}",
		EditedBy: "Édité par {names}", TranslatedBy: "Traduit par {names}", IdentifierIs: "Identifiant\u202f: {id}", TitlePage: "Page de titre", Imprint: "Mentions légales", Contents: "Table des matières",
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

		CopyTextFromUnrecorded: "Le texte de base provient de {url}\u202f; la date à laquelle il a été relevé n’a pas été notée.",
		CopyTextFromOn:         "Le texte de base a été relevé sur {url} le {date}.",
		CopyTextFrom:           "Le texte de base provient de {url}.",
		CopyTextUnrecorded:     "La date à laquelle le texte de base a été relevé n’a pas été notée.",
		CopyTextOn:             "Le texte de base a été relevé le {date}.",

		Encoded: "Le fichier est écrit dans le codage {encoding}, comme le montrent ses octets, et il est lu ainsi.", EncodedDeclared: "Le fichier est écrit dans le codage {encoding}, comme il le déclare, et il est lu ainsi.",
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
		EbookEmbedsTypeface:          "Ce livre numérique est composé en {typeface}, qu’il intègre, réduite aux caractères de son texte, sous la licence SIL Open Font License.",
		PrintNoHyphenation:           "L’édition imprimée ne coupe aucun mot\u202f: il n’existe pas de motifs de césure pour sa langue.",
		PrintHyphenation:             "Les mots de l’édition imprimée sont coupés selon {patterns}.",
		PublishedYear:                "Publié par {publisher}, {year}.",
		Published:                    "Publié par {publisher}.",
		HyphenationCredit("fr"):      "les motifs de césure du projet hyph-utf8 pour le français",

		LineAt:     "ligne {n}",
		LineQuoted: "ligne {n}, «\u202f{text}\u202f»",
		LinesAt:    "lignes {ranges}",

		IntroductionPlaceholder: "Cette introduction reste à écrire.",

		DescribingLeftOut + ".one":                    "La ligne qui décrit le texte de base au lieu d’en faire partie ({lines}) est omise.",
		DescribingLeftOut + ".other":                  "Les lignes qui décrivent le texte de base au lieu d’en faire partie ({lines}) sont omises.",
		Change("gutenberg-boilerplate") + ".one":      "Une ligne de l’en-tête ou de la licence du Projet Gutenberg ({lines}) est omise.",
		Change("gutenberg-boilerplate") + ".other":    "L’en-tête et la licence du Projet Gutenberg ({lines}) sont omis.",
		Change("web-navigation") + ".one":             "Un lien de la page Web de l’archive ({lines}) est omis.",
		Change("web-navigation") + ".other":           "Les liens et la navigation des pages Web de l’archive ({lines}) sont omis.",
		Change("table-of-contents") + ".other":        "La table des matières du texte de base ({lines}) est omise\u202f: l’édition fait la sienne.",
		Change("source-page-numbers") + ".one":        "Le numéro de page de la source imprimée que la transcription note dans le texte ({lines}, comme «\u202f[Pg 12]\u202f») est omis.",
		Change("source-page-numbers") + ".other":      "Les numéros de page de la source imprimée que la transcription note dans le texte ({lines}, comme «\u202f[Pg 12]\u202f») sont omis.",
		Change("illustration-placeholder") + ".one":   "Un emplacement réservé à une illustration absente du fichier ({lines}) est omis.",
		Change("illustration-placeholder") + ".other": "Les emplacements réservés à des illustrations absentes du fichier ({lines}) sont omis.",
		Change("advertisement") + ".one":              "Une annonce de l’éditeur placée après le texte ({lines}) est omise.",
		Change("advertisement") + ".other":            "Les annonces de l’éditeur placées après le texte ({lines}) sont omises.",
		Change("notes-heading") + ".one":              "Le titre placé au-dessus des notes ({lines}) est omis\u202f: l’édition donne les notes sous son propre titre.",
		Change("notes-heading") + ".other":            "Les titres placés au-dessus des notes ({lines}) sont omis\u202f: l’édition donne les notes sous son propre titre.",
		Change("html-comment") + ".one":               "Un commentaire du HTML du fichier ({lines}) est omis.",
		Change("html-comment") + ".other":             "Les commentaires du HTML du fichier ({lines}) sont omis.",
		Change("raw-html") + ".other":                 "Le HTML qui ne contient rien d’imprimable ({lines}) est omis.",
		Change("spacer-paragraphs") + ".one":          "Un paragraphe ne contenant qu’une espace insécable ou un saut de ligne ({lines}) est omis.",
		Change("spacer-paragraphs") + ".other":        "Les paragraphes ne contenant qu’une espace insécable ou un saut de ligne ({lines}) sont omis.",
		Change("horizontal-rules") + ".one":           "Un filet horizontal voisin d’un titre, de la navigation ou des mentions de source ({lines}) est omis\u202f: il ne marque aucune coupure du texte.",
		Change("horizontal-rules") + ".other":         "Les filets horizontaux voisins des titres, de la navigation et des mentions de source ({lines}) sont omis\u202f: ils ne marquent aucune coupure du texte.",
		Change("title-image") + ".other":              "L’image placée au-dessus du titre ({lines}) est omise.",
		Change("title-page") + ".one":                 "Une ligne de la page de titre du texte de base ({lines}) est remplacée par la page de titre et les mentions légales de cette édition.",
		Change("title-page") + ".other":               "Les lignes de la page de titre du texte de base ({lines}) sont remplacées par la page de titre et les mentions légales de cette édition.",
		Change("title-block") + ".other":              "Le bloc de titre en tête du fichier ({lines}) est remplacé par la page de titre de cette édition.",
		Change("transcriber-notes") + ".other":        "Ce qu’un transcripteur ou un éditeur a noté sur la transcription, entre crochets ou sous un titre propre ({lines}), est imprimé sur la page «\u202f{source}\u202f»\u202f: cela décrit la transcription, non le document.",
		Change("source-lines") + ".one":               "La ligne qui dit d’où vient le texte ({lines}) est imprimée sur la page «\u202f{source}\u202f».",
		Change("source-lines") + ".other":             "Les lignes qui disent d’où vient le texte et qui l’a transcrit ({lines}) sont imprimées sur la page «\u202f{source}\u202f».",
		Change("headings") + ".one":                   "Une ligne isolée à la manière d’un titre ({lines}) est composée en titre.",
		Change("headings") + ".other":                 "Les lignes isolées à la manière de titres ({lines}) sont composées en titres.",
		Change("numbered-headings") + ".one":          "Un paragraphe numéroté isolé ({lines}) est composé en titre.",
		Change("numbered-headings") + ".other":        "Les paragraphes numérotés isolés ({lines}) sont composés en titres\u202f: ils numérotent dans l’ordre les divisions du texte.",
		Change("nbsp-headings") + ".one":              "Une ligne commençant par des signes # et une espace insécable ({lines}) est composée en titre\u202f: l’espace insécable se trouve là où Markdown demande une espace.",
		Change("nbsp-headings") + ".other":            "Les lignes commençant par des signes # et une espace insécable ({lines}) sont composées en titres\u202f: l’espace insécable se trouve là où Markdown demande une espace.",
		Change("notes") + ".one":                      "La note du texte de base ({lines}) est imprimée sous «\u202f{notes}\u202f», liée à son appel dans le texte.",
		Change("notes") + ".other":                    "Les notes du texte de base ({lines}) sont imprimées sous «\u202f{notes}\u202f», chacune liée à son appel dans le texte.",
		Change("closing-lines") + ".one":              "La ligne qui clôt le texte ({lines}) est composée comme sa signature ou sa date.",
		Change("closing-lines") + ".other":            "Les lignes qui closent le texte ({lines}) sont composées comme sa signature et sa date.",
	},

	// Russian: «» and „“ (Мильчин, Справочник издателя и автора, 2003);
	// dates as "5 октября 1964 г."; places of publication as a
	// bibliography gives them (ГОСТ 7.1: "Тирана : Издательство, 1964"),
	// which leaves the publisher's name in the nominative.
	"ru": {
		Cover: "Обложка", CoverBy: "{names}",
		EditedBy: "Редактор: {names}", TranslatedBy: "Переводчик: {names}", IdentifierIs: "Идентификатор: {id}", TitlePage: "Титульный лист", Imprint: "Выходные сведения", Contents: "Содержание",
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

		CopyTextFromUnrecorded: "Основной текст получен по адресу {url}; дата получения не записана.",
		CopyTextFromOn:         "Основной текст получен по адресу {url} {date}.",
		CopyTextFrom:           "Основной текст получен по адресу {url}.",
		CopyTextUnrecorded:     "Дата получения основного текста не записана.",
		CopyTextOn:             "Основной текст получен {date}.",

		Encoded: "Файл записан в кодировке {encoding}, как показывают его байты, и прочитан в ней.", EncodedDeclared: "Файл записан в кодировке {encoding}, как указано в нём самом, и прочитан в ней.",
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
		EbookEmbedsTypeface:          "Эта электронная книга набрана шрифтом {typeface}, встроенным в неё лишь в объёме знаков её текста, по лицензии SIL Open Font License.",
		PrintNoHyphenation:           "В печатном издании слова не переносятся: для его языка нет шаблонов переноса.",
		PrintHyphenation:             "Переносы в печатном издании расставлены по {patterns}.",
		PublishedYear:                "Издатель: {publisher}, {year}.",
		Published:                    "Издатель: {publisher}.",
		HyphenationCredit("ru"):      "шаблонам переноса проекта hyph-utf8 для русского языка",

		LineAt:     "строка {n}",
		LineQuoted: "строка {n}, «{text}»",
		LinesAt:    "строки {ranges}",

		IntroductionPlaceholder: "Это введение ещё предстоит написать.",

		DescribingLeftOut + ".one":                    "Строка, которая описывает основной текст, а не входит в него ({lines}), опущена.",
		DescribingLeftOut + ".other":                  "Строки, которые описывают основной текст, а не входят в него ({lines}), опущены.",
		Change("gutenberg-boilerplate") + ".one":      "Строка служебного заголовка или лицензии проекта «Гутенберг» ({lines}) опущена.",
		Change("gutenberg-boilerplate") + ".other":    "Служебный заголовок и лицензия проекта «Гутенберг» ({lines}) опущены.",
		Change("web-navigation") + ".one":             "Ссылка с веб-страницы архива ({lines}) опущена.",
		Change("web-navigation") + ".other":           "Ссылки и навигация веб-страниц архива ({lines}) опущены.",
		Change("table-of-contents") + ".other":        "Оглавление основного текста ({lines}) опущено: издание даёт собственное.",
		Change("source-page-numbers") + ".one":        "Номер страницы печатного источника, отмеченный в тексте при подготовке ({lines}, как «[Pg 12]»), опущен.",
		Change("source-page-numbers") + ".other":      "Номера страниц печатного источника, отмеченные в тексте при подготовке ({lines}, как «[Pg 12]»), опущены.",
		Change("illustration-placeholder") + ".one":   "Указание на иллюстрацию, которой нет в файле ({lines}), опущено.",
		Change("illustration-placeholder") + ".other": "Указания на иллюстрации, которых нет в файле ({lines}), опущены.",
		Change("advertisement") + ".one":              "Издательское объявление после текста ({lines}) опущено.",
		Change("advertisement") + ".other":            "Издательские объявления после текста ({lines}) опущены.",
		Change("notes-heading") + ".one":              "Заголовок над примечаниями ({lines}) опущен: издание помещает примечания под собственным заголовком.",
		Change("notes-heading") + ".other":            "Заголовки над примечаниями ({lines}) опущены: издание помещает примечания под собственным заголовком.",
		Change("html-comment") + ".one":               "Комментарий в HTML-разметке файла ({lines}) опущен.",
		Change("html-comment") + ".other":             "Комментарии в HTML-разметке файла ({lines}) опущены.",
		Change("raw-html") + ".other":                 "HTML-разметка, в которой нет ничего, что можно напечатать ({lines}), опущена.",
		Change("spacer-paragraphs") + ".one":          "Абзац, состоящий только из неразрывного пробела или разрыва строки ({lines}), опущен.",
		Change("spacer-paragraphs") + ".other":        "Абзацы, состоящие только из неразрывного пробела или разрыва строки ({lines}), опущены.",
		Change("horizontal-rules") + ".one":           "Горизонтальная линейка рядом с заголовком, навигацией или сведениями об источнике ({lines}) опущена: она не отмечает деления текста.",
		Change("horizontal-rules") + ".other":         "Горизонтальные линейки рядом с заголовками, навигацией и сведениями об источнике ({lines}) опущены: они не отмечают делений текста.",
		Change("title-image") + ".other":              "Изображение над заглавием ({lines}) опущено.",
		Change("title-page") + ".one":                 "Строка титульного листа основного текста ({lines}) заменена титульным листом и выходными сведениями этого издания.",
		Change("title-page") + ".other":               "Строки титульного листа основного текста ({lines}) заменены титульным листом и выходными сведениями этого издания.",
		Change("title-block") + ".other":              "Блок заглавия в начале файла ({lines}) заменён титульным листом этого издания.",
		Change("transcriber-notes") + ".other":        "Написанное подготовителем текста или редактором о подготовке текста, в квадратных скобках или под отдельным заголовком ({lines}), перенесено на страницу «{source}»: это описание подготовки текста, а не часть документа.",
		Change("source-lines") + ".one":               "Строка, сообщающая, откуда взят текст ({lines}), перенесена на страницу «{source}».",
		Change("source-lines") + ".other":             "Строки, сообщающие, откуда взят текст и кто его подготовил ({lines}), перенесены на страницу «{source}».",
		Change("headings") + ".one":                   "Строка, стоящая отдельно, как заголовок ({lines}), набрана как заголовок.",
		Change("headings") + ".other":                 "Строки, стоящие отдельно, как заголовки ({lines}), набраны как заголовки.",
		Change("numbered-headings") + ".one":          "Отдельно стоящий нумерованный абзац ({lines}) набран как заголовок.",
		Change("numbered-headings") + ".other":        "Отдельно стоящие нумерованные абзацы ({lines}) набраны как заголовки: они по порядку нумеруют разделы текста.",
		Change("nbsp-headings") + ".one":              "Строка, начинающаяся знаками # и неразрывным пробелом ({lines}), набрана как заголовок: неразрывный пробел стоит там, где Markdown требует пробела.",
		Change("nbsp-headings") + ".other":            "Строки, начинающиеся знаками # и неразрывным пробелом ({lines}), набраны как заголовки: неразрывный пробел стоит там, где Markdown требует пробела.",
		Change("notes") + ".one":                      "Примечание основного текста ({lines}) помещено в раздел «{notes}» и связано со своим знаком в тексте.",
		Change("notes") + ".other":                    "Примечания основного текста ({lines}) помещены в раздел «{notes}», каждое связано со своим знаком в тексте.",
		Change("closing-lines") + ".one":              "Строка, завершающая текст ({lines}), набрана как его подпись или дата.",
		Change("closing-lines") + ".other":            "Строки, завершающие текст ({lines}), набраны как его подпись и дата.",
	},

	// Albanian: «» and „“, as Tirana printings of the period have them.
	"sq": {
		Cover: "Kopertina", CoverBy: "nga {names}",
		EditedBy: "Redaktoi: {names}", TranslatedBy: "Përktheu: {names}", IdentifierIs: "Identifikuesi: {id}", TitlePage: "Faqja e titullit", Imprint: "Të dhëna botimi", Contents: "Përmbajtja",
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

		CopyTextFromUnrecorded: "Teksti bazë u mor nga {url}; data kur u mor nuk është shënuar.",
		CopyTextFromOn:         "Teksti bazë u mor nga {url} më {date}.",
		CopyTextFrom:           "Teksti bazë u mor nga {url}.",
		CopyTextUnrecorded:     "Data kur u mor teksti bazë nuk është shënuar.",
		CopyTextOn:             "Teksti bazë u mor më {date}.",

		Encoded: "Skedari është shkruar në kodimin {encoding}, siç e tregojnë bajtet e tij, dhe lexohet si i tillë.", EncodedDeclared: "Skedari është shkruar në kodimin {encoding}, siç e deklaron vetë, dhe lexohet si i tillë.",
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
		EbookEmbedsTypeface:          "Ky libër elektronik është radhitur me {typeface}, të cilën e përfshin, vetëm me shenjat e tekstit të tij, me licencën SIL Open Font License.",
		PrintNoHyphenation:           "Botimi i shtypur nuk ndan asnjë fjalë: nuk ka modele ndarjeje për gjuhën e tij.",
		PrintHyphenation:             "Fjalët e botimit të shtypur ndahen sipas {patterns}.",
		PublishedYear:                "Botuar nga {publisher}, {year}.",
		Published:                    "Botuar nga {publisher}.",
		HyphenationCredit("sq"):      "modeleve të ndarjes të projektit hyph-utf8 për shqipen",

		LineAt:     "rreshti {n}",
		LineQuoted: "rreshti {n}, «{text}»",
		LinesAt:    "rreshtat {ranges}",

		IntroductionPlaceholder: "Kjo hyrje ende nuk është shkruar.",

		DescribingLeftOut + ".one":                    "Rreshti që e përshkruan tekstin bazë, në vend që të jetë pjesë e tij ({lines}), lihet jashtë.",
		DescribingLeftOut + ".other":                  "Rreshtat që e përshkruajnë tekstin bazë, në vend që të jenë pjesë e tij ({lines}), lihen jashtë.",
		Change("gutenberg-boilerplate") + ".one":      "Një rresht i kokës ose i licencës së Projektit Gutenberg ({lines}) lihet jashtë.",
		Change("gutenberg-boilerplate") + ".other":    "Koka dhe licenca e Projektit Gutenberg ({lines}) lihen jashtë.",
		Change("web-navigation") + ".one":             "Një lidhje e faqes së internetit të arkivit ({lines}) lihet jashtë.",
		Change("web-navigation") + ".other":           "Lidhjet dhe navigimi i faqeve të internetit të arkivit ({lines}) lihen jashtë.",
		Change("table-of-contents") + ".other":        "Përmbajtja e tekstit bazë ({lines}) lihet jashtë: botimi bën të vetën.",
		Change("source-page-numbers") + ".one":        "Numri i faqes së burimit të shtypur që transkriptimi e shënon brenda tekstit ({lines}, si «[Pg 12]») lihet jashtë.",
		Change("source-page-numbers") + ".other":      "Numrat e faqeve të burimit të shtypur që transkriptimi i shënon brenda tekstit ({lines}, si «[Pg 12]») lihen jashtë.",
		Change("illustration-placeholder") + ".one":   "Një shenjë për një ilustrim që skedari nuk e ka ({lines}) lihet jashtë.",
		Change("illustration-placeholder") + ".other": "Shenjat për ilustrime që skedari nuk i ka ({lines}) lihen jashtë.",
		Change("advertisement") + ".one":              "Një reklamë e botuesit pas tekstit ({lines}) lihet jashtë.",
		Change("advertisement") + ".other":            "Reklamat e botuesit pas tekstit ({lines}) lihen jashtë.",
		Change("notes-heading") + ".one":              "Titulli mbi shënimet ({lines}) lihet jashtë: botimi i vendos shënimet nën titullin e vet.",
		Change("notes-heading") + ".other":            "Titujt mbi shënimet ({lines}) lihen jashtë: botimi i vendos shënimet nën titullin e vet.",
		Change("html-comment") + ".one":               "Një koment në HTML-në e skedarit ({lines}) lihet jashtë.",
		Change("html-comment") + ".other":             "Komentet në HTML-në e skedarit ({lines}) lihen jashtë.",
		Change("raw-html") + ".other":                 "HTML-ja që nuk përmban asgjë të shtypshme ({lines}) lihet jashtë.",
		Change("spacer-paragraphs") + ".one":          "Një paragraf që ka vetëm një hapësirë të pandashme ose një ndërprerje rreshti ({lines}) lihet jashtë.",
		Change("spacer-paragraphs") + ".other":        "Paragrafët që kanë vetëm një hapësirë të pandashme ose një ndërprerje rreshti ({lines}) lihen jashtë.",
		Change("horizontal-rules") + ".one":           "Një vijë horizontale pranë një titulli, navigimit ose të dhënave të burimit ({lines}) lihet jashtë: ajo nuk shënon ndarje në tekst.",
		Change("horizontal-rules") + ".other":         "Vijat horizontale pranë titujve, navigimit dhe të dhënave të burimit ({lines}) lihen jashtë: ato nuk shënojnë ndarje në tekst.",
		Change("title-image") + ".other":              "Figura mbi titull ({lines}) lihet jashtë.",
		Change("title-page") + ".one":                 "Një rresht i faqes së titullit të tekstit bazë ({lines}) zëvendësohet nga faqja e titullit dhe të dhënat e këtij botimi.",
		Change("title-page") + ".other":               "Rreshtat e faqes së titullit të tekstit bazë ({lines}) zëvendësohen nga faqja e titullit dhe të dhënat e këtij botimi.",
		Change("title-block") + ".other":              "Blloku i titullit në krye të skedarit ({lines}) zëvendësohet nga faqja e titullit e këtij botimi.",
		Change("transcriber-notes") + ".other":        "Ajo që transkriptuesi ose redaktori shkroi për transkriptimin, në kllapa katrore ose nën një titull më vete ({lines}), shtypet në faqen «{source}»: ajo përshkruan transkriptimin, jo dokumentin.",
		Change("source-lines") + ".one":               "Rreshti që tregon nga vjen teksti ({lines}) shtypet në faqen «{source}».",
		Change("source-lines") + ".other":             "Rreshtat që tregojnë nga vjen teksti dhe kush e transkriptoi ({lines}) shtypen në faqen «{source}».",
		Change("headings") + ".one":                   "Një rresht që qëndron më vete si titull ({lines}) radhitet si titull.",
		Change("headings") + ".other":                 "Rreshtat që qëndrojnë më vete si tituj ({lines}) radhiten si tituj.",
		Change("numbered-headings") + ".one":          "Një paragraf i numëruar që qëndron më vete ({lines}) radhitet si titull.",
		Change("numbered-headings") + ".other":        "Paragrafët e numëruar që qëndrojnë më vete ({lines}) radhiten si tituj: ata numërojnë me radhë ndarjet e tekstit.",
		Change("nbsp-headings") + ".one":              "Një rresht që fillon me shenja # dhe një hapësirë të pandashme ({lines}) radhitet si titull: hapësira e pandashme qëndron aty ku Markdown kërkon një hapësirë.",
		Change("nbsp-headings") + ".other":            "Rreshtat që fillojnë me shenja # dhe një hapësirë të pandashme ({lines}) radhiten si tituj: hapësira e pandashme qëndron aty ku Markdown kërkon një hapësirë.",
		Change("notes") + ".one":                      "Shënimi i tekstit bazë ({lines}) shtypet nën «{notes}», i lidhur me shenjën e vet në tekst.",
		Change("notes") + ".other":                    "Shënimet e tekstit bazë ({lines}) shtypen nën «{notes}», secili i lidhur me shenjën e vet në tekst.",
		Change("closing-lines") + ".one":              "Rreshti që mbyll tekstin ({lines}) radhitet si nënshkrimi ose data e tij.",
		Change("closing-lines") + ".other":            "Rreshtat që mbyllin tekstin ({lines}) radhiten si nënshkrimi dhe data e tij.",
	},
}
