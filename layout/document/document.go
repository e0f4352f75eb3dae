// Package document is what a caller gives layout to set and what layout
// reports of the setting: a Document of parts of plain blocks (spans of
// text, figures, tables, formulas), built by edition/printing, and the
// Result of setting it (the page each block and line begins on, the words
// set, the characters no face has). It knows nothing of how a page is
// made.
package document

import (
	"strings"
	"time"

	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
)

// Document is everything layout needs to set a book.
type Document struct {
	Title    string // the book's title: PDF metadata and verso running heads
	Subtitle string
	Author   string
	Subject  string
	Keywords string
	// Identifier is the book's identifier ("urn:uuid:...", an ISBN URN),
	// the one its EPUB and manifest give: the PDF's XMP dc:identifier, so
	// that a library can tell the two editions are the same book.
	Identifier string
	Language   string    // BCP 47, e.g. "en": the PDF's /Lang
	Date       time.Time // creation and modification date in the PDF; never the clock

	// Hyphenation lists words with their allowed breaks marked by
	// hyphens, as TeX's \hyphenation does ("Khru-shchev"): they override
	// the patterns. Capitalised words, which are otherwise never
	// hyphenated, are broken at these points only as a last resort.
	Hyphenation []string

	Trim    string  // trim size name (see pagedesign.TrimNames); "" means the default
	Profile Profile // print or screen
	// NoOutline leaves the bookmarks (the PDF outline) out. Both profiles
	// write them by default: they cost a printer nothing and preflight
	// checks look for them, but Kindle Direct Publishing asks for print
	// files without, so an edition for it sets this.
	NoOutline bool
	// ISBN is the book's ISBN-13, as written ("978-0-306-40615-7"): the
	// cover's back carries it as an EAN-13 barcode, with Price, a
	// five-digit add-on code ("51995" for $19.95), beside it when set.
	ISBN, Price string
	// Margins are the inner, top, outer and bottom margins in proportion
	// (zero: the trim's own design); see pagedesign.NewGeometry.
	Margins [4]float64
	// LineNumbers prints the number of every fifth line of text in the
	// outer margin, for an apparatus that cites page and line.
	LineNumbers bool
	// Bleed adds 1/8 in of paper beyond the trim at the head, foot and
	// fore-edge of every page, for a book whose pages carry something
	// that runs off the edge (a picture set full bleed). A book without
	// is printed without: printers want bleed only where something bleeds.
	Bleed bool

	// ContentsDepth is how many levels the contents page lists: 1 the
	// parts, 2 their headings too (Part.Contents), up to 4.
	ContentsDepth int

	// Tagged asks for a tagged PDF in the print profile too; the screen
	// profile is always tagged.
	Tagged bool

	// Cover, when not nil, is the picture of the wraparound cover's front,
	// in place of its title and author (see layout/cover).
	Cover *drawing.Image

	Parts []Part
}

// Profile selects what the PDF carries besides the pages.
type Profile int

const (
	// AutoProfile, the zero value, chooses by the trim: Screen for the
	// trims made for reading on a device (a4, letter; Trim.Screen), Print
	// for the book trims.
	AutoProfile Profile = iota
	// Print leaves out what printers refuse, links and other annotations
	// (see also Document.NoOutline), and declares PDF/X.
	Print
	// Screen keeps links and bookmarks for reading on a device.
	Screen
)

// For returns the profile a document of the named trim is set in.
func (p Profile) For(trim string) Profile {
	t, err := pagedesign.LookupTrim(trim)
	if err != nil {
		return p
	}
	return p.resolve(t)
}

// resolve returns the profile a document of trim t is set in.
func (p Profile) resolve(t pagedesign.Trim) Profile {
	if p != AutoProfile {
		return p
	}
	if t.Screen {
		return Screen
	}
	return Print
}

// Matter says how a part's pages are numbered: front matter in lower-case
// roman, body and back matter in arabic continuing from 1.
type Matter int

// The matters.
const (
	FrontMatter Matter = iota
	BodyMatter
	BackMatter
)

// PartKind says how a part is set.
type PartKind int

// The part kinds.
const (
	TextPart     PartKind = iota // headed text: introduction, a chapter, notes
	TitlePart                    // the title page: Blocks set centred, no heading, no folio
	ImprintPart                  // the copyright page: set small at the foot of a verso
	ContentsPart                 // the table of contents, generated from the other parts
)

// Part is a unit that opens on a new page: the title page, the contents, the
// introduction, each chapter of the body.
type Part struct {
	ID          string // unique; the target of contents links and bookmarks
	Kind        PartKind
	Matter      Matter
	Title       string // heading, contents entry and bookmark ("" for none)
	RunningHead string // recto running head; defaults to Title
	Editorial   bool   // the title was supplied by the editor: set in brackets or italics
	InContents  bool   // listed in the contents page and the outline
	// ContentsTitle is the contents entry and bookmark of a part that
	// prints no title (an untitled text named by its opening words).
	ContentsTitle string
	// TitleID, when set, is the key the title's words are counted under in
	// Result.Words, for a caller that accounts for every word it sends.
	TitleID string
	Blocks  []Block
	// Contents are the part's headings the contents page may list under
	// its title, to the document's ContentsDepth.
	Contents []ContentsEntry
}

// EntryTitle is the part's entry in the contents and the outline: its
// title, or its ContentsTitle when it prints none.
func (p *Part) EntryTitle() string {
	if p.Title != "" {
		return p.Title
	}
	return p.ContentsTitle
}

// ContentsEntry is a heading inside a part: its title, the block that
// sets it (whose page the contents print) and its level under the part's
// title (1 for the part's headings).
type ContentsEntry struct {
	Title   string
	BlockID string
	Level   int
}

// BlockStyle is the closed set of ways a block is set.
type BlockStyle int

// The block styles.
const (
	Body         BlockStyle = iota // justified, first line indented unless it follows a heading or break
	BodyFirst                      // justified, no indent: opens a section (small-capitals lead-in)
	Subheading                     // a heading inside a part
	Quote                          // indented both sides, smaller
	Salutation                     // flush left, space above
	Signature                      // flush right, space above
	Dateline                       // flush right
	Attribution                    // flush right, italic, smaller
	Display                        // centred lines (title page)
	DisplayLarge                   // centred, large (the title itself)
	Small                          // small print, flush left (imprint, colophon)
	ListItem                       // hanging indent with Marker
	Break                          // a section break: space or an ornament; no text
	Footnote                       // note text, set small at the page foot
	Reference                      // a bibliography entry: hanging indent, ragged right
	Figure                         // an image (Block.Image) over its caption (Spans)
	TableBlock                     // a table (Block.Table) under its caption (Spans)
	DisplayMath                    // a formula set apart and centred (Block.Math)
	Verse                          // a line kept as written (verse, an address): flush left, a turned line indented
	Code                           // a line of preformatted text: flush left, never hyphenated
	Term                           // a term defined: flush left, italic
	Definition                     // a definition: indented like a list item
	Continued                      // a paragraph's text after a forced line break or a displayed formula: justified, not indented
)

// Block is one paragraph-like unit of text.
type Block struct {
	ID     string // stable id from the model: page starts are reported against it
	Style  BlockStyle
	Spans  []Span
	Marker string // list item marker, e.g. "1." or "•"
	Level  int    // nesting depth for quotes and lists (0 = none)
	// QuoteStart and QuoteEnd mark the first and the last block of a
	// block quotation, which a line of space sets off from the text
	// before and after it (Chicago 13.23).
	QuoteStart, QuoteEnd bool
	// Note, on a Footnote block, is the ID of the note it is a paragraph
	// of, the target of the links that refer to the note; empty means the
	// block's own ID. The paragraphs of a note are consecutive blocks, the
	// first carrying the Marker, and are set together.
	Note string

	// Image is a Figure's picture, scaled to fit the text block; Alt
	// describes it, for a reader who cannot see it (a tagged PDF's
	// Figure /Alt).
	Image *drawing.Image
	Alt   string
	// Table is a TableBlock's rows.
	Table *Table
	// Math is a DisplayMath block's formula.
	Math Object
	// Number labels a figure or a table: "Figure 3." is set before its
	// caption; empty for none.
	Number string
	// WordOffset is the index, among the words of the model's block this
	// block continues (a line of a poem, the text after a displayed
	// formula), of this block's first word, so page starts count the
	// words of the whole.
	WordOffset int
	// Outline is a Subheading's level in the outline under its part's
	// title: 1 for the part's headings, 2 and 3 below them.
	Outline int
}

// Object is a box set in a line or on its own (a formula): see
// linebreak.Object. Layout draws the objects it knows (Formula).
type Object = linebreak.Object

// Table is a table's columns and rows. Its rules, header and type size are
// layout's to choose.
type Table struct {
	Align []Align // per column
	Head  [][]Cell
	Body  [][]Cell
}

// Align is how a column's cells sit in it.
type Align int

// The column alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Cell is one cell: its paragraphs, each with the ID its words are
// counted under, and the columns it spans (0 or 1 for one: HTML's
// colspan). A row holds its cells from its first column on, a cell
// spanning columns standing for as many; a cell spanning rows is the
// caller's to give as a cell in its first row and empty ones below.
type Cell struct {
	Paras []CellPara
	Span  int
}

// Columns returns the number of columns c spans, at least 1.
func (c Cell) Columns() int { return max(c.Span, 1) }

// CellPara is one paragraph of a cell, or one line of it when the cell
// breaks its lines where it was written (WordOffset as Block's).
type CellPara struct {
	ID         string
	Spans      []Span
	WordOffset int
}

// NoteID is the note a Footnote block belongs to: its Note, or its own ID.
func (b *Block) NoteID() string {
	if b.Note != "" {
		return b.Note
	}
	return b.ID
}

// FontStyle and Span are the line breaker's: a Document's text is what it
// breaks into lines.
type (
	FontStyle = linebreak.FontStyle
	Span      = linebreak.Span
)

// The font styles.
const (
	Roman      = linebreak.Roman
	Italic     = linebreak.Italic
	Bold       = linebreak.Bold
	BoldItalic = linebreak.BoldItalic
	SmallCaps  = linebreak.SmallCaps
	// AllSmallCaps sets capitals as small capitals too (running heads).
	AllSmallCaps = linebreak.AllSmallCaps
	// Mono sets code in the monospaced face (fonts.Mono).
	Mono = linebreak.Mono
)

// PlainText joins the text of spans.
func PlainText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}
