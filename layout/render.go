package layout

import (
	"fmt"
	"strings"
	"time"

	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/unit"
)

// geometry is the page design for one trim: the text block, its type size
// and the baseline grid.
type geometry struct {
	trim    Trim
	size    unit.Length // body type size
	leading unit.Length // grid pitch
	lines   int         // grid lines in the text block
	inner   unit.Length // margin at the spine, gutter included
	outer   unit.Length // margin at the fore-edge
	top     unit.Length // trim edge to the top of the text block
	measure unit.Length // width of the text block
	screen  bool        // symmetric margins, for reading on a device
}

// design is a trim's type size and margins; the grid is derived from it.
type design struct {
	size, leading              float64 // points
	inner, outer, top, minFoot float64 // inches
}

// designs gives each named trim a text block of about 66 characters a line
// (Bringhurst 2.1.2: 45–75, 66 the ideal) in Gentium Book Plus, whose
// average character is 0.427 em wide, and the margins' sums across and
// down the page; how each sum is shared, the margins' proportion, is
// Document.Margins' (see newGeometry). Screen editions are read one page
// at a time, so their margins are symmetric.
var designs = map[string]design{
	"5.5x8.5in": {size: 10.5, leading: 14, inner: 0.75, outer: 0.6, top: 0.7, minFoot: 0.8},
	"a5":        {size: 10.5, leading: 14, inner: 0.85, outer: 0.68, top: 0.68, minFoot: 0.8},
	"6x9in":     {size: 11, leading: 14.5, inner: 0.9, outer: 0.75, top: 0.75, minFoot: 0.85},
	"letter":    {size: 13, leading: 17.5, inner: 1.6, outer: 1.6, top: 1.0, minFoot: 1.1},
	"a4":        {size: 13, leading: 17.5, inner: 1.48, outer: 1.48, top: 1.0, minFoot: 1.1},
}

// defaultMargins is the share of the margins on a book trim, inner, top,
// outer and bottom: the outer margin half as wide again as the inner, so
// that the two inner margins of a spread together are about one outer
// and a half (Bringhurst 8.5: the block sits toward the spine, the spread
// read as one), and the head and foot of each design as they are.
var defaultMargins = [4]float64{2, 0, 3, 0}

// newGeometry derives the page design for a trim. Trims without a design
// of their own get margins in the same proportions and a type size scaled
// to the page width. margins, inner:top:outer:bottom (zero for the
// default), share the design's sums of margins across and down the page,
// so the text block keeps its size whatever the proportion; a zero share
// down the page keeps the design's head and foot. A running head stands
// two grid lines above the block, and is kept a quarter inch from the
// trim, printers' safe margin.
func newGeometry(t Trim, margins ...[4]float64) geometry {
	d, ok := designs[t.Name]
	if !ok {
		scale := float64(t.Width) / float64(11*unit.Inch/2)
		d = design{size: 10.5 * scale, leading: 14 * scale, inner: 0.75 * scale, outer: 0.6 * scale, top: 0.7 * scale, minFoot: 0.8 * scale}
	}
	mg := defaultMargins
	if len(margins) > 0 && margins[0] != ([4]float64{}) {
		mg = margins[0]
	}
	if !t.Screen {
		across := d.inner + d.outer
		d.inner, d.outer = across*mg[0]/(mg[0]+mg[2]), across*mg[2]/(mg[0]+mg[2])
		if mg[1] > 0 && mg[3] > 0 {
			down := d.top + d.minFoot
			d.top, d.minFoot = down*mg[1]/(mg[1]+mg[3]), down*mg[3]/(mg[1]+mg[3])
			d.top = max(d.top, 0.25+2*d.leading/72)
		}
	}
	g := geometry{
		trim:    t,
		size:    unit.Pt(d.size),
		leading: unit.Pt(d.leading),
		inner:   unit.Pt(d.inner * 72),
		outer:   unit.Pt(d.outer * 72),
		top:     unit.Pt(d.top * 72),
		screen:  t.Screen,
	}
	g.measure = t.Width - g.inner - g.outer
	avail := t.Height - g.top - unit.Pt(d.minFoot*72) - g.size
	g.lines = int(avail/g.leading) + 1
	return g
}

// gutter returns the geometry of a book of pages pages: its inner margin
// at least the printers' minimum for a book that thick (Kindle Direct
// Publishing's table: 0.375 in up to 150 pages, 0.5 to 300, 0.625 to 500,
// 0.75 to 700, 0.875 beyond), taken from the outer margin so that the text
// block keeps its measure, down to a third of an inch.
func (g geometry) gutter(pages int) geometry {
	if g.screen {
		return g
	}
	var least unit.Length
	switch {
	case pages <= 150:
		least = unit.Inch * 3 / 8
	case pages <= 300:
		least = unit.Inch / 2
	case pages <= 500:
		least = unit.Inch * 5 / 8
	case pages <= 700:
		least = unit.Inch * 3 / 4
	default:
		least = unit.Inch * 7 / 8
	}
	if g.inner < least {
		move := min(least-g.inner, max(g.outer-unit.Inch/3, 0))
		g.inner += move
		g.outer -= move
	}
	return g
}

// left returns the distance from the trim's left edge to the text block on
// physical page n (1-based; odd pages are rectos, whose spine is on the left).
func (g geometry) left(n int) unit.Length {
	if g.screen || n%2 == 1 {
		return g.inner
	}
	return g.outer
}

// baseline returns the distance from the trim's top edge to grid line k.
// The first baseline sits one type size below the top of the text block,
// as TeX's \topskip does, so capitals touch the block's top edge.
func (g geometry) baseline(k int) unit.Length { return g.top + g.size + unit.Length(k)*g.leading }

// Setting is a document set in pages: its Result is known, so a caller can
// use the page starts (for the EPUB's page list) at once, and Draw turns the
// pages into the Drawing a PDF writer draws, when the PDF is wanted: a
// setting used only for its pages (the first of two, see Typesetter) never
// draws.
//
// Each part opens on a new page; the title page, the contents, front-matter
// texts and every part of the body open on a recto, after a blank verso if
// need be, and the imprint takes the verso after the title page. On the
// title page, the blocks after the part's last Break are set at the foot
// (without a Break, the last block is when there are three or more). A
// Footnote block goes to the foot of the page of the first line that links
// to it ("#" + its ID); notes nothing links to close their part. The print
// profile drops links; both keep the outline
// unless the document's NoOutline is set; only the screen profile opens the
// file with the bookmarks showing, and only the print profile declares
// PDF/X and adds bleed, when the document asks for it.
type Setting struct {
	Result
	drawing   Drawing // everything but the pages, until Draw
	book      *book
	noOutline bool
}

// Draw draws the set pages. It may be called once: the composed flows are
// released as the pages are drawn.
func (st *Setting) Draw() (*Drawing, error) {
	if st.book == nil {
		return nil, fmt.Errorf("layout: this setting was already drawn")
	}
	d := st.drawing
	if d.Tagged {
		st.book.tags = newTagger(st.book.doc)
		st.book.tags.width = st.book.m.Width
	}
	d.Pages = st.book.draw()
	if d.Tagged {
		d.Structure = st.book.tags.elems
	}
	st.book = nil
	if st.noOutline {
		for i := range d.Pages {
			d.Pages[i].Marks = nil
		}
	}
	return &d, nil
}

// MediaSize is the size of the setting's PDF pages, known before they are
// drawn.
func (st *Setting) MediaSize() (w, h unit.Length) { return st.drawing.MediaSize() }

// Faces returns the faces Draw will draw the pages in (Drawing.Faces of its
// result), without drawing them, so that a PDF writer can load them
// meanwhile.
func (st *Setting) Faces() FaceSet {
	if st.book == nil {
		return FaceSet{}
	}
	return st.book.facesInUse()
}

// lineSetter breaks a paragraph into lines (see Setter).
type lineSetter interface {
	Set(p linebreak.ParagraphSpec) []linebreak.Line
}

func set(doc *Document, m linebreak.Measurer, s lineSetter, breaks *pageBreakMemo, workers int) (*Setting, error) {
	trim, err := LookupTrim(doc.Trim)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	if err := checkDocument(doc); err != nil {
		return nil, err
	}
	profile := doc.Profile.resolve(trim)
	b := newBook(doc, newGeometry(trim, doc.Margins), m, s)
	b.links = profile == Screen
	b.breaks = breaks
	b.workers = workers
	b.layout()
	// The gutter follows the page count, known now; it moves the text
	// block, never changes it.
	b.g = b.g.gutter(len(b.pages))
	date := doc.Date
	if date.IsZero() {
		// fpdf would stamp the clock; a fixed date keeps builds reproducible.
		date = time.Unix(0, 0).UTC()
	}
	spec := Drawing{
		Title:      doc.Title,
		Subject:    doc.Subject,
		Author:     doc.Author,
		Keywords:   doc.Keywords,
		Identifier: doc.Identifier,
		Language:   doc.Language,
		Date:       date,
		Trim:       trim,
		Labels:     b.labelRanges(),
	}
	if profile == Print {
		spec.PDFX = true
		// Bleed only when something runs off the trim: printers take a
		// file with bleed it does not need as one that bleeds (KDP's "no
		// bleed" upload refuses it).
		if doc.Bleed {
			spec.Bleed = unit.Inch / 8
		}
	} else {
		spec.ShowOutline = true
	}
	// A screen reader reads a tagged PDF (PDF/UA-1): a book for reading on
	// a device is always tagged, a print file when the document asks.
	spec.Tagged = profile == Screen || doc.Tagged
	// What the result needs from the book is taken now.
	missing, broken := b.faults()
	return &Setting{
		Result: Result{
			Missing:     missing,
			BrokenNames: broken,
			Pages:       len(b.pages),
			PageStarts:  b.pageStarts(),
			BlockPages:  b.blockPages(),
			BlockLines:  b.blockLines(),
			Words:       b.countWords(),
			Stats:       b.stats,
		},
		drawing:   spec,
		book:      b,
		noOutline: doc.NoOutline,
	}, nil
}

// checkDocument reports what Render cannot set.
func checkDocument(doc *Document) error {
	if len(doc.Parts) == 0 {
		return fmt.Errorf("render: the document has no parts")
	}
	seen := map[string]bool{}
	for i, p := range doc.Parts {
		if p.ID == "" {
			return fmt.Errorf("render: part %d (%q) has no id", i+1, p.Title)
		}
		if seen[p.ID] {
			return fmt.Errorf("render: part id %q used twice", p.ID)
		}
		seen[p.ID] = true
	}
	return nil
}

// roman returns n in lower-case roman numerals.
func roman(n int) string {
	if n <= 0 {
		return fmt.Sprint(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
