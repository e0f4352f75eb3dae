package pagedesign

import "github.com/bindery-editions/bindery/layout/unit"

// Geometry is the page design for one trim: the text block, its type size
// and the baseline grid.
type Geometry struct {
	Trim    Trim
	Size    unit.Length // body type size
	Leading unit.Length // grid pitch
	Lines   int         // grid lines in the text block
	Inner   unit.Length // margin at the spine, gutter included
	Outer   unit.Length // margin at the fore-edge
	Top     unit.Length // trim edge to the top of the text block
	Measure unit.Length // width of the text block
	Screen  bool        // symmetric margins, for reading on a device
}

// design is a trim's type size and margins; the grid is derived from it.
type design struct {
	size, leading              float64 // points
	inner, outer, top, minFoot float64 // inches
}

// designs gives each named trim a text block of about 66 characters a line
// (Bringhurst 2.1.2: 45–75, 66 the ideal) in Gentium Book Plus, whose
// average character is 0.427 em wide, and the margins' sums across and
// down the page; how each sum is shared, the margins' proportion, is the
// book's to choose (see NewGeometry). Screen editions are read one page
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

// NewGeometry derives the page design for a trim. Trims without a design
// of their own get margins in the same proportions and a type size scaled
// to the page width. margins, inner:top:outer:bottom (zero for the
// default), share the design's sums of margins across and down the page,
// so the text block keeps its size whatever the proportion; a zero share
// down the page keeps the design's head and foot. A running head stands
// two grid lines above the block, and is kept a quarter inch from the
// trim, printers' safe margin.
func NewGeometry(t Trim, margins [4]float64) Geometry {
	d, ok := designs[t.Name]
	if !ok {
		scale := float64(t.Width) / float64(11*unit.Inch/2)
		d = design{size: 10.5 * scale, leading: 14 * scale, inner: 0.75 * scale, outer: 0.6 * scale, top: 0.7 * scale, minFoot: 0.8 * scale}
	}
	mg := defaultMargins
	if margins != ([4]float64{}) {
		mg = margins
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
	g := Geometry{
		Trim:    t,
		Size:    unit.Pt(d.size),
		Leading: unit.Pt(d.leading),
		Inner:   unit.Pt(d.inner * 72),
		Outer:   unit.Pt(d.outer * 72),
		Top:     unit.Pt(d.top * 72),
		Screen:  t.Screen,
	}
	g.Measure = t.Width - g.Inner - g.Outer
	avail := t.Height - g.Top - unit.Pt(d.minFoot*72) - g.Size
	g.Lines = int(avail/g.Leading) + 1
	return g
}

// Gutter returns the geometry of a book of pages pages: its inner margin
// at least the printers' minimum for a book that thick (Kindle Direct
// Publishing's table: 0.375 in up to 150 pages, 0.5 to 300, 0.625 to 500,
// 0.75 to 700, 0.875 beyond), taken from the outer margin so that the text
// block keeps its measure, down to a third of an inch.
func (g Geometry) Gutter(pages int) Geometry {
	if g.Screen {
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
	if g.Inner < least {
		move := min(least-g.Inner, max(g.Outer-unit.Inch/3, 0))
		g.Inner += move
		g.Outer -= move
	}
	return g
}

// Left returns the distance from the trim's left edge to the text block on
// physical page n (1-based; odd pages are rectos, whose spine is on the left).
func (g Geometry) Left(n int) unit.Length {
	if g.Screen || n%2 == 1 {
		return g.Inner
	}
	return g.Outer
}

// Baseline returns the distance from the trim's top edge to grid line k.
// The first baseline sits one type size below the top of the text block,
// as TeX's \topskip does, so capitals touch the block's top edge.
func (g Geometry) Baseline(k int) unit.Length { return g.Top + g.Size + unit.Length(k)*g.Leading }
