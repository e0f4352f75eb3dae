package linebreak

import (
	"strings"

	"github.com/bindery-editions/bindery/layout/unit"
)

// FontStyle selects one of the four faces, plus small capitals.
type FontStyle int

// The font styles.
const (
	Roman FontStyle = iota
	Italic
	Bold
	BoldItalic
	SmallCaps    // lower-case letters as small capitals (the font's smcp)
	AllSmallCaps // capitals too (smcp and c2sc), for running heads
	Mono         // code: the monospaced face, at MonoSize

	numStyles = iota
)

// Span is a run of text in one style. Text may contain U+00A0 no-break
// spaces, which never break, and U+00AD soft hyphens, which mark allowed
// breaks.
type Span struct {
	Text  string
	Style FontStyle
	Link  string // "#part-id" or a URL; dropped in the print profile
	Super bool   // superscript (note references)
	// Mark is a note's reference mark: set where it stands, but never a
	// word of the text, as the model's count of words leaves it out (a
	// mark after a space does not begin a word).
	Mark bool
	// Strike draws a line through the text (struck-out words).
	Strike bool
	// Lang is the BCP 47 language of the text when it is not the
	// document's ("el" for a Greek phrase in an English book): its words
	// are hyphenated by that language's patterns (Setter.Languages), and
	// a tagged PDF marks it (/Lang, PDF 32000-1 §14.9.2).
	Lang string
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

// Measurer measures text in a given style and size. ShapedMeasurer shapes
// it in the book's fonts; tests use a fixed-width fake so that
// line-breaking arithmetic can be written out in comments.
type Measurer interface {
	// Width is the advance width of text set in style at size.
	Width(style FontStyle, size unit.Length, text string) unit.Length
	// Ascent and Descent are the font's ascender height and descender depth
	// (positive) at size, for placing baselines.
	Ascent(style FontStyle, size unit.Length) unit.Length
	Descent(style FontStyle, size unit.Length) unit.Length
}

// PartMeasurer is a Measurer that measures the parts of a word as they are
// set together: with kerning and ligatures, a word is narrower than its
// parts set apart, and the boxes between its hyphenation points must add up
// to its width.
type PartMeasurer interface {
	Measurer
	// PartWidths appends to widths the width of each part of text cut at
	// cuts (ascending byte offsets strictly inside text), len(cuts)+1 of
	// them adding up to Width of text, and to joins what each cut
	// crosses: a kerned pair, whose kerning goes when the word breaks
	// there, or a ligature, which is set otherwise.
	PartWidths(widths []unit.Length, joins []Join, style FontStyle, size unit.Length, text string, cuts []int) ([]unit.Length, []Join)
}

// Join is what a cut inside a word crosses (see PartMeasurer).
type Join struct {
	Kern     unit.Length // the kerning between the glyphs on either side, in the part before
	Ligature bool        // the cut falls inside a glyph that sets several characters
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
	// Looseness asks for that many lines more (or, negative, fewer) than
	// the best setting, as TeX's \looseness does: among the settings
	// within the tolerance, the best with that many lines. When there is
	// none, Set returns no lines. Pagination uses it to fill a page.
	Looseness int
	// BestLines, with Looseness, is the line count of the paragraph's best
	// setting, when the caller knows it: Set need not find it again.
	BestLines int
	// Strict, with Looseness, keeps every line within the Setter's
	// Tolerance, as in any paragraph set for itself, rather than its
	// LooseTolerance: a page is better filled by a paragraph that takes
	// another line without showing it, when one does.
	Strict bool
	// BindShortWords keeps a word of one letter on the line of the word
	// after it, as display lines (titles, headings) are set: no line of
	// them ends in "и", "a" or "I".
	BindShortWords bool
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
	// BrokenName says the line ends inside a name the hyphenation rules
	// protect (Hyphenator.HyphenateNames), broken because no setting
	// within the tolerance exists without it.
	BrokenName bool
	// Forced says the line ends at a break of the last resort: inside a
	// word, or at a no-break space, in a run too wide for the measure.
	Forced bool
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
	Strike bool   // the span's Strike
	Lang   string // the span's Lang
}

// Words splits text into the words that Piece.Word and PageStart.Word count:
// runs separated by ASCII space, tab or newline. A no-break space (U+00A0)
// joins, so "N.\u00a0Khrushchev" is one word; the EPUB writer uses the same
// function to place page-break markers.
func Words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
}
