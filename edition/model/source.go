package model

import "fmt"

// Source is what a reader recognised in a source file: the body and the
// furniture printed around it, before the manifest shapes it into an Edition.
// Readers return it; they never print.
type Source struct {
	File string // the source file's path, for messages

	Title   []string // title lines as printed (archive text)
	Imprint []string // imprint lines under the title: publisher, "Tirana, 1964"
	// Byline holds the lines a page's title block sets apart from the
	// title, over it (a Web page's "## James Connolly" over "# Erin's
	// Hope"), as printed: the author's name, as a rule, though a reader
	// cannot be sure of it.
	Byline []string

	Front FrontMatter // Markdown front matter; zero for archive text

	// Sections is the body in order. An archive letter is split where a
	// salutation opens a new part; the section titles are then empty and
	// the manifest supplies editorial headings. Markdown splits at
	// top-level headings.
	Sections []Section

	// Trailer holds lines printed after the body that describe it rather
	// than belong to it: "Reproduced from «Zeri Popullit» daily, ...".
	// They go to the back matter, in order.
	Trailer []Block

	// Notes are footnote bodies (Kind Note, ID set), referenced by NoteRef
	// inlines in the sections.
	Notes []Block

	Dropped  []Dropped // lines left out of the edition, each with its reason
	Warnings []Warning

	// Encoding is the character encoding the file was read as, for the
	// Note on the Text.
	Encoding Encoding

	// Fields are what an archive's header declares about the text
	// ("Title: Common Sense", "Author: Thomas Paine", "Language: English"),
	// in order, for bindery import; the header itself is dropped.
	Fields []Field

	// Changes are the reader's decisions that turned source text into
	// something other than body text (left out, moved to the front or back
	// matter, made a heading), one entry per kind with every line range
	// it covers, so that the Note on the Text can say each in a sentence
	// and bindery import can list them. Dropped keeps the lines one by one.
	Changes []Change
}

// Encoding names the character encoding a reader decoded the source from,
// and how it knew.
type Encoding struct {
	Name string // IANA name: "UTF-8", "US-ASCII", "ISO-8859-1", "windows-1252"
	// Declared is set when the file names its encoding
	// ("Character set encoding: ISO-8859-1") and the bytes bear it out;
	// otherwise the name is what the bytes show: valid UTF-8, or a
	// detector's guess.
	Declared   bool
	Confidence float64 // 0..1: 1 for valid UTF-8 or a declaration borne out
}

// Field is one "Key: value" line of an archive's header.
type Field struct {
	Key, Value string
	Line       int
}

// ChangeKind names a kind of matter a reader recognised in a source and
// did something with other than print it as body text: a stable code,
// never prose, so that the edition's generated matter can say it in the
// book's language (edition/locale's "change-" strings) and bindery import
// can report it. What becomes of the matter is the kind's (Action).
type ChangeKind string

// The kinds of matter the readers recognise.
const (
	GutenbergBoilerplate    ChangeKind = "gutenberg-boilerplate"    // Project Gutenberg's header, licence and credits
	WebNavigation           ChangeKind = "web-navigation"           // an archive's links and navigation
	TableOfContents         ChangeKind = "table-of-contents"        // the copy-text's printed contents
	IllustrationPlaceholder ChangeKind = "illustration-placeholder" // "[Illustration]" for an image the file lacks
	Advertisement           ChangeKind = "advertisement"            // a publisher's advertisement after the text
	NotesHeading            ChangeKind = "notes-heading"            // the heading over a block of notes
	HTMLComment             ChangeKind = "html-comment"             // a comment in a Markdown file's HTML
	RawHTML                 ChangeKind = "raw-html"                 // HTML with nothing an edition can print
	SpacerParagraphs        ChangeKind = "spacer-paragraphs"        // a Web page's paragraphs of a no-break space or a line break
	HorizontalRules         ChangeKind = "horizontal-rules"         // rules beside headings, navigation and credits
	TitleImage              ChangeKind = "title-image"              // an image above a Web page's title
	TitlePageLines          ChangeKind = "title-page"               // the title page's (or a printer's) title, author and imprint lines
	TitleBlock              ChangeKind = "title-block"              // a pandoc title block ("% Title")
	TranscriberNotes        ChangeKind = "transcriber-notes"        // transcribers' and editors' notes in square brackets
	SourceLines             ChangeKind = "source-lines"             // lines saying where the text comes from and who transcribed it
	StandaloneHeadings      ChangeKind = "headings"                 // lines standing alone as headings do
	NumberedHeadings        ChangeKind = "numbered-headings"        // numbered paragraphs standing alone, in sequence
	NBSPHeadings            ChangeKind = "nbsp-headings"            // "#" marks followed by a no-break space
	NoteBlocks              ChangeKind = "notes"                    // the copy-text's own notes
	ClosingLines            ChangeKind = "closing-lines"            // a signature and dateline closing a text, set apart as such
	SourcePageNumbers       ChangeKind = "source-page-numbers"      // "[Pg 12]": the printed source's page numbers marked in the text
)

// ChangeKinds lists every kind, for the tables that must say each.
var ChangeKinds = []ChangeKind{
	GutenbergBoilerplate, WebNavigation, TableOfContents, IllustrationPlaceholder, Advertisement,
	NotesHeading, HTMLComment, RawHTML, SpacerParagraphs, HorizontalRules, TitleImage,
	TitlePageLines, TitleBlock, TranscriberNotes, SourceLines,
	StandaloneHeadings, NumberedHeadings, NBSPHeadings, NoteBlocks, ClosingLines, SourcePageNumbers,
}

// ChangeAction is what becomes of the matter of a kind.
type ChangeAction int

// The actions.
const (
	ChangeDropped      ChangeAction = iota // left out of the edition
	ChangeToTitlePage                      // Source.Title, Imprint, Byline: replaced by the edition's title page and imprint
	ChangeToSourcePage                     // Source.Trailer: printed on the Source page
	ChangeHeading                          // made a heading
	ChangeNote                             // made a note
	ChangeSetApart                         // set apart as what it is (a signature, a dateline)
)

var changeActionNames = [...]string{"dropped", "moved to the title page", "moved to the Source page", "made a heading", "made a note", "set apart"}

// String returns the action's name, as dumps print it.
func (a ChangeAction) String() string {
	if int(a) < len(changeActionNames) {
		return changeActionNames[a]
	}
	return "unknown"
}

// Action is what becomes of matter of kind k: one fate for each kind, so
// that a sentence can say it.
func (k ChangeKind) Action() ChangeAction {
	switch k {
	case TitlePageLines, TitleBlock:
		return ChangeToTitlePage
	case TranscriberNotes, SourceLines:
		return ChangeToSourcePage
	case StandaloneHeadings, NumberedHeadings, NBSPHeadings:
		return ChangeHeading
	case NoteBlocks:
		return ChangeNote
	case ClosingLines:
		return ChangeSetApart
	}
	return ChangeDropped
}

// Change is one kind of decision with every place it was taken: the
// Project Gutenberg header and licence, lines 1-187 and 301-323, left out.
type Change struct {
	Kind       ChangeKind
	Lines      []LineRange // in order, merged where adjacent
	Confidence float64     // 0..1: how sure the reader is of the recognition
}

// LineRange is an inclusive range of 1-based source lines.
type LineRange struct{ From, To int }

// String formats the range "12" or "12-30".
func (r LineRange) String() string {
	if r.From == r.To {
		return fmt.Sprint(r.From)
	}
	return fmt.Sprintf("%d-%d", r.From, r.To)
}

// FrontMatter is the metadata a Markdown file declares in YAML front matter,
// under the keys pandoc users already write.
type FrontMatter struct {
	Title       string
	Subtitle    string
	Authors     []string
	Date        string
	Language    string
	Publisher   string
	Rights      string
	Description string
	// Bibliography names the file of the works the text cites, relative
	// to the source.
	Bibliography string
}

// Dropped is a source line the reader left out, such as a web page's
// navigation link or a licence header, and the kind of matter it is.
type Dropped struct {
	Line   int
	Text   string
	Reason ChangeKind
}

// Warning is a problem that does not stop the build, returned as data for
// the command line to print.
type Warning struct {
	File    string
	Line    int // 1-based; 0 when unknown
	Col     int // 1-based, in characters; 0 when unknown
	Message string
}

// String formats the warning as FILE:LINE:COL: message.
func (w Warning) String() string {
	switch {
	case w.Line > 0 && w.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", w.File, w.Line, w.Col, w.Message)
	case w.Line > 0:
		return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Message)
	default:
		return fmt.Sprintf("%s: %s", w.File, w.Message)
	}
}
