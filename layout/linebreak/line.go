package linebreak

import (
	"strings"

	"github.com/bindery-editions/bindery/layout/unit"
)

// FontStyle selects one of the four faces, plus small capitals (faked from
// capitals when the font has none).
type FontStyle int

// The font styles.
const (
	Roman FontStyle = iota
	Italic
	Bold
	BoldItalic
	SmallCaps
)

// Span is a run of text in one style. Text may contain U+00A0 no-break
// spaces, which never break, and U+00AD soft hyphens, which mark allowed
// breaks.
type Span struct {
	Text  string
	Style FontStyle
	Link  string // "#part-id" or a URL; dropped in the print profile
	Super bool   // superscript (note references)
	// Strike draws a line through the text (struck-out words).
	Strike bool
	// Object, when not nil, is set in place of Text as one unbreakable box
	// (a formula), part of the word its neighbours without a space
	// between form.
	Object Object
}

// Object is a box set in a line in place of text, such as a formula: the
// line breaker needs only its width; whoever draws the line draws it.
type Object interface {
	Width() unit.Length
	// Key identifies what the object shows, for a memo of set paragraphs.
	Key() string
}

// Measurer measures text in a given style and size. The font measurer reads
// advance widths from the embedded TrueType fonts; tests use a fixed-width
// fake so that line-breaking arithmetic can be written out in comments.
type Measurer interface {
	// Width is the advance width of text set in style at size.
	Width(style FontStyle, size unit.Length, text string) unit.Length
	// Ascent and Descent are the font's ascender height and descender depth
	// (positive) at size, for placing baselines.
	Ascent(style FontStyle, size unit.Length) unit.Length
	Descent(style FontStyle, size unit.Length) unit.Length
}

// Align is how a paragraph's lines sit in the measure.
type Align int

// The alignments.
const (
	Justify Align = iota // all lines but the last fill the measure
	Left
	Right
	Center
)

// ParagraphSpec is one paragraph to be broken into lines.
type ParagraphSpec struct {
	Spans       []Span
	Size        unit.Length // font size
	Measure     unit.Length // the width of the text block
	FirstIndent unit.Length // indent of the first line (paragraph indent, or hanging when negative)
	LeftIndent  unit.Length // indent of every line (quotes, lists)
	RightIndent unit.Length
	Align       Align
	Hyphenate   bool
}

// Line is one line of a set paragraph. Pieces are placed from the left edge
// of the text block, so the renderer draws each at X without measuring again.
type Line struct {
	Pieces     []Piece
	Width      unit.Length // the width available to this line (measure minus indents)
	Natural    unit.Length // the line's natural width before stretching or shrinking
	Hyphenated bool        // the line ends with an inserted hyphen
	Ratio      float64     // adjustment ratio: > 0 stretched, < 0 shrunk (Knuth–Plass r)
	// Expand is the line's font expansion in thousandths, 0 unless the
	// Setter's Expansion is on: every piece of the line is to be drawn
	// scaled horizontally by (1000+Expand)/1000 (PDF's Tz operator), which
	// is how the pieces' X positions were computed.
	Expand int
}

// Piece is a word, or a fragment of one, set in a single style.
type Piece struct {
	X     unit.Length // from the left edge of the text block
	Text  string      // as drawn, including an inserted trailing hyphen
	Style FontStyle
	Size  unit.Length
	Rise  unit.Length // baseline shift: positive raises (superscripts)
	Link  string
	// Word is the index of the word this piece begins among the paragraph's
	// words (see Words), or -1 when the piece continues a word begun by an
	// earlier piece. Page starts are reported with it.
	Word int
	// Object is the span's object (see Span) this piece sets; its Text
	// is empty.
	Object Object
	Strike bool // the span's Strike
}

// Words splits text into the words that Piece.Word and PageStart.Word count:
// runs separated by ASCII space, tab or newline. A no-break space (U+00A0)
// joins, so "N.\u00a0Khrushchev" is one word; the EPUB writer uses the same
// function to place page-break markers.
func Words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
}
