package linebreak

import (
	"fmt"
	"sync"

	"github.com/bindery-editions/bindery/layout/shape"
	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/fonts"
)

// bookFonts parses each face of the book typeface, and Mono, on its first
// use, once per process: go-text reads every outline of a face (a few
// milliseconds), and the faces are the program's own, so every setting
// shares them.
var bookFonts = func() [fonts.NumFaces]func() *shape.Font {
	var out [fonts.NumFaces]func() *shape.Font
	for _, f := range fonts.AllFaces {
		out[f] = sync.OnceValue(func() *shape.Font {
			font, err := shape.ParseFont(fonts.PostScriptName(f), fonts.TrueType(f))
			if err != nil {
				// The fonts are embedded in the program: a parse error is
				// a build that cannot work at all.
				panic(fmt.Sprintf("measure: %v", err))
			}
			return font
		})
	}
	return out
}()

// PreloadFaces parses the faces nearly every book sets (roman, italic and
// bold) on a goroutine of its own, one after the other, and returns at
// once: a caller with other work to do before setting (reading the seed)
// has them ready when the first word is measured, where setting would
// otherwise begin by waiting 4 to 8 ms for each face in turn. One
// goroutine, not one a face, leaves the caller's work a processor.
func PreloadFaces() {
	go func() {
		for _, f := range []fonts.Face{fonts.Regular, fonts.Italic, fonts.Bold} {
			BookFont(f)
		}
	}()
}

// BookFont returns face f of the book typeface (fonts.Book), or Go Mono
// for fonts.Mono, parsed: the font every style drawn in that face is
// shaped with, and the one a PDF writer embeds for it.
func BookFont(f fonts.Face) *shape.Font { return bookFonts[f]() }

// ShapedMeasurer measures text as package shape sets it in the book
// typeface, Gentium Book Plus: kerned, with standard ligatures, and
// SmallCaps with the font's own small capitals (smcp) instead of reduced
// capitals. Every word shaped is remembered, so measuring a word again
// costs a map lookup, and Shape gives the drawing the very glyphs that
// were measured.
//
// A ShapedMeasurer is safe for concurrent use.
type ShapedMeasurer struct {
	shaper *shape.Shaper
	stacks [fonts.NumFaces]func() *shape.Stack
	styled [numStyles]func() *shape.Styled
}

// NewShapedMeasurer returns a measurer of the book typeface's faces.
func NewShapedMeasurer() *ShapedMeasurer {
	m := &ShapedMeasurer{shaper: shape.NewShaper()}
	for _, f := range fonts.AllFaces {
		m.stacks[f] = sync.OnceValue(func() *shape.Stack { return shape.NewStack(BookFont(f)) })
	}
	for style := range m.styled {
		m.styled[style] = sync.OnceValue(func() *shape.Styled { return m.shaper.Styled(m.style(FontStyle(style))) })
	}
	return m
}

// style maps a FontStyle to the face and features that set it.
func (m *ShapedMeasurer) style(style FontStyle) shape.Style {
	features := shape.Default
	switch style {
	case SmallCaps:
		features |= shape.SmallCaps
	case AllSmallCaps:
		features |= shape.SmallCaps | shape.CapsToSmallCaps
	}
	return shape.Style{Stack: m.stacks[FontFace(style)](), Features: features}
}

// Shape returns text shaped in style, for drawing what was measured: the
// same *Shaped every time.
func (m *ShapedMeasurer) Shape(style FontStyle, text string) *shape.Shaped {
	return m.styled[style]().Shape(text)
}

// Width implements Measurer.
func (m *ShapedMeasurer) Width(style FontStyle, size unit.Length, text string) unit.Length {
	return unit.Length(m.Shape(style, text).Width(int64(size)))
}

// PartWidths implements PartMeasurer: the word is shaped once, whole, and
// each part is given the advances of the glyphs that begin in it, scaled
// as running sums so that the parts add up to the word's width exactly.
func (m *ShapedMeasurer) PartWidths(widths []unit.Length, joins []Join, style FontStyle, size unit.Length, text string, cuts []int) ([]unit.Length, []Join) {
	s := m.Shape(style, text)
	var done int64       // the scaled width of the runs before this one
	var prev unit.Length // the scaled width up to the last cut
	k := 0               // the next cut
	cut := func(at int64, j Join) {
		widths = append(widths, unit.Length(at)-prev)
		joins = append(joins, j)
		prev = unit.Length(at)
		k++
	}
	for ri := range s.Runs {
		r := &s.Runs[ri]
		upem := int64(r.Font.UnitsPerEm())
		var cum int64
		for gi := range r.Glyphs {
			g := &r.Glyphs[gi]
			for k < len(cuts) && g.Cluster >= cuts[k] {
				// The cut falls before this glyph: inside the glyph before
				// it when this one begins after the cut (a ligature), or
				// between the two, kerned when the glyph before moves the
				// pen otherwise than its advance.
				var j Join
				if gi > 0 {
					p := &r.Glyphs[gi-1]
					j.Ligature = g.Cluster > cuts[k]
					if kern := int64(p.XAdvance - r.Font.Advance(p.ID)); kern != 0 && !j.Ligature {
						j.Kern = unit.Length(kern * int64(size) / upem)
					}
				}
				cut(done+cum*int64(size)/upem, j)
			}
			cum += int64(g.XAdvance)
		}
		done += cum * int64(size) / upem
	}
	for k < len(cuts) {
		cut(done, Join{Ligature: true}) // inside the last glyph
	}
	widths = append(widths, unit.Length(done)-prev)
	return widths, joins
}

// Ascent implements Measurer.
func (m *ShapedMeasurer) Ascent(style FontStyle, size unit.Length) unit.Length {
	f := BookFont(FontFace(style))
	return size * unit.Length(f.Ascent()) / unit.Length(f.UnitsPerEm())
}

// Descent implements Measurer.
func (m *ShapedMeasurer) Descent(style FontStyle, size unit.Length) unit.Length {
	f := BookFont(FontFace(style))
	return size * unit.Length(f.Descent()) / unit.Length(f.UnitsPerEm())
}

// coverage is, for each face of the book typeface, a bit for every
// character of the Basic Multilingual Plane it maps, made once per process.
var coverage = func() [fonts.NumFaces]func() *[0x10000 / 64]uint64 {
	var out [fonts.NumFaces]func() *[0x10000 / 64]uint64
	for _, f := range fonts.AllFaces {
		out[f] = sync.OnceValue(func() *[0x10000 / 64]uint64 {
			var bits [0x10000 / 64]uint64
			for r := range BookFont(f).Characters() {
				if r >= 0 && r < 0x10000 {
					bits[r/64] |= 1 << (r % 64)
				}
			}
			return &bits
		})
	}
	return out
}()

// Covers reports whether style's face can set r: it maps r, or every
// character of r's canonical decomposition, or r is a character that
// shaping leaves invisible (a zero-width joiner, a variation selector).
// White space that never reaches the font (a tab, a line feed) counts as
// covered.
func (m *ShapedMeasurer) Covers(style FontStyle, r rune) bool {
	face := FontFace(style)
	if r >= 0 && r < 0x10000 && coverage[face]()[r/64]&(1<<(r%64)) != 0 {
		return true
	}
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r >= 0x200B && r <= 0x200F, r >= 0x2060 && r <= 0x2064, r == 0xFEFF, r >= 0xFE00 && r <= 0xFE0F, r == 0x034F:
		return true // default ignorable: HarfBuzz draws nothing for them
	}
	s := m.Shape(style, string(r))
	return len(s.Missing) == 0
}
