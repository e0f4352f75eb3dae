package layout

import (
	"strconv"
	"sync"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/texmath"
	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/fonts"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// This file sets TeX formulas in the book's faces (package texmath does
// the setting): in a line of text, as an Object the line breaker places
// like a word, and displayed, as a block of its own, centred.

// sizedFormula is a formula set at one size: the box the line breaker
// places and the page draws.
type sizedFormula struct {
	key string
	box texmath.Box
}

func (s *sizedFormula) Width() unit.Length { return s.box.Width }
func (s *sizedFormula) Key() string        { return s.key }

// setFormula sets f at size.
func (b *book) setFormula(f *document.Formula, size unit.Length) *sizedFormula {
	box := f.Typeset(size, mathMeasurer{b.m})
	return &sizedFormula{key: f.TeX() + "\x00" + strconv.FormatInt(int64(size), 10), box: box}
}

// sizeObjects sets the formulas among spans at size, so the line breaker
// knows their widths.
func (b *book) sizeObjects(spans []document.Span, size unit.Length) []document.Span {
	var out []document.Span
	for i, sp := range spans {
		f, ok := sp.Object.(*document.Formula)
		if !ok {
			continue
		}
		if out == nil {
			out = append([]document.Span(nil), spans...)
		}
		out[i].Object = b.setFormula(f, size)
	}
	if out == nil {
		return spans
	}
	return out
}

// mathFaces maps texmath's faces to the book's.
var mathFaces = [...]fonts.Face{texmath.Roman: fonts.Regular, texmath.Italic: fonts.Italic, texmath.Bold: fonts.Bold}

var mathStyles = [...]document.FontStyle{texmath.Roman: document.Roman, texmath.Italic: document.Italic, texmath.Bold: document.Bold}

// mathMeasurer measures for texmath with the line breaker's measurer, and
// the ink of glyphs from the faces' outlines.
type mathMeasurer struct{ m linebreak.Measurer }

func (mm mathMeasurer) Width(style texmath.Style, size unit.Length, text string) unit.Length {
	return mm.m.Width(mathStyles[style], size, text)
}

func (mm mathMeasurer) Ink(style texmath.Style, size unit.Length, text string) (above, below unit.Length) {
	ink := inkFaces()
	if ink == nil {
		return mm.m.Ascent(mathStyles[style], size), mm.m.Descent(mathStyles[style], size)
	}
	return ink.extent(mathFaces[style], size, text)
}

// inkTable holds the faces' outlines, to measure how far glyphs reach.
type inkTable struct {
	mu    sync.Mutex
	faces map[fonts.Face]*sfnt.Font
	buf   sfnt.Buffer
	cache map[inkKey][2]int64 // font units: top above and bottom below the baseline
}

type inkKey struct {
	face fonts.Face
	r    rune
}

// inkFaces parses the faces once; their outlines never change.
var inkFaces = sync.OnceValue(func() *inkTable {
	t := &inkTable{faces: map[fonts.Face]*sfnt.Font{}, cache: map[inkKey][2]int64{}}
	for _, f := range []fonts.Face{fonts.Regular, fonts.Italic, fonts.Bold} {
		sf, err := sfnt.Parse(fonts.TrueType(f))
		if err != nil {
			return nil
		}
		t.faces[f] = sf
	}
	return t
})

// extent returns how far text's glyphs reach above and below the baseline
// at size.
func (t *inkTable) extent(face fonts.Face, size unit.Length, text string) (above, below unit.Length) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f := t.faces[face]
	upem := int64(f.UnitsPerEm())
	var top, bottom int64
	first := true
	for _, r := range text {
		k := inkKey{face, r}
		e, ok := t.cache[k]
		if !ok {
			gi, err := f.GlyphIndex(&t.buf, r)
			if err == nil && gi != 0 {
				bounds, _, err := f.GlyphBounds(&t.buf, gi, fixed.Int26_6(upem<<6), font.HintingNone)
				if err == nil {
					// y grows downwards in sfnt's bounds.
					e = [2]int64{int64(-bounds.Min.Y) >> 6, int64(bounds.Max.Y) >> 6}
				}
			}
			t.cache[k] = e
		}
		if first || e[0] > top {
			top = e[0]
		}
		if first || e[1] > bottom {
			bottom = e[1]
		}
		first = false
	}
	return unit.Length(top * int64(size) / upem), unit.Length(bottom * int64(size) / upem)
}

// drawFormula draws a set formula with its left edge at x and its
// baseline at y.
func drawFormula(po *drawing.DrawnPage, s *sizedFormula, x, y unit.Length) {
	for _, g := range s.box.Glyphs {
		po.Runs = append(po.Runs, drawing.GlyphRun{X: x + g.X, Y: y + g.Y, Face: mathFaces[g.Style], Size: g.Size, Text: g.Text})
	}
	for _, r := range s.box.Rules {
		po.Rules = append(po.Rules, drawing.Rule{X: x + r.X, Y: y + r.Y, W: r.W, Thickness: r.T})
	}
}

// drawObjects draws the objects among a line's pieces, and the line
// through struck-out words, at the middle of the lower-case letters.
func drawObjects(po *drawing.DrawnPage, m linebreak.Measurer, l linebreak.Line, x0, y unit.Length) {
	for _, pc := range l.Pieces {
		if s, ok := pc.Object.(*sizedFormula); ok {
			drawFormula(po, s, x0+pc.X, y-pc.Rise)
		}
		if pc.Strike {
			w := linebreak.ExpandWidth(m.Width(pc.Style, pc.Size, pc.Text), l.Expand)
			po.Rules = append(po.Rules, drawing.Rule{X: x0 + pc.X, Y: y - pc.Rise - pc.Size*23/100, W: w, Thickness: pc.Size / 20})
		}
	}
}

// composeDisplayMath sets a displayed formula: centred on the measure,
// with half a grid line of space above and below it at least, on as many
// grid lines as it needs (TeX's \abovedisplayskip and \belowdisplayskip,
// rounded to the grid).
func (b *book) composeDisplayMath(blk *document.Block, para int) []flowItem {
	f, ok := blk.Math.(*document.Formula)
	if !ok {
		return nil
	}
	s := b.setFormula(f, b.g.Size)
	lead := b.g.Leading
	slots := int((s.box.Height+s.box.Depth+lead-1)/lead) + 1
	// The formula's middle at the middle of its grid lines.
	top := -b.g.Size // the first grid line's baseline less the type size
	bottom := unit.Length(slots-1)*lead + lead - b.g.Size
	mid := (top + bottom) / 2
	dy := mid + (s.box.Height-s.box.Depth)/2
	x := max((b.g.Measure-s.box.Width)/2, 0)
	line := linebreak.Line{Pieces: []linebreak.Piece{{X: x, Size: b.g.Size, Object: s, Word: 0, Rise: -dy}}}
	return []flowItem{{kind: itemLine, slots: slots, line: line, para: para, lineCount: 1, blockID: blk.ID, firstWord: blk.WordOffset}}
}
