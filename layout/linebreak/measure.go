package linebreak

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/fonts"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// FontMeasurer measures text with the embedded Charis SIL faces. Advance
// widths are read once per rune and face, in font units, and a width is
// computed as sum(advance) × size / unitsPerEm with integer arithmetic, so a
// word measures the same however it is split into pieces up to the rounding
// of each piece (at most one scaled point per piece).
//
// Charis SIL 6.101 has no kerning: it carries no 'kern' table, and its GPOS
// table has only the 'mark' and 'mkmk' features (diacritic placement), no
// 'kern'. sfnt's Kern finds nothing for any pair
// (TestFontMeasurerHasNoKerning), so widths are plain sums of advances, the
// same sums a PDF viewer draws.
//
// A FontMeasurer is safe for concurrent use.
type FontMeasurer struct {
	faces [4]*measuredFace
}

// measuredFace is one parsed face and its advance cache.
type measuredFace struct {
	font       *sfnt.Font
	unitsPerEm int64
	ascent     int64 // font units, positive above the baseline
	descent    int64 // font units, positive below the baseline

	// fast holds 1 + the advance of each rune below fastRunes once it has
	// been read (0 until then), so that measuring the text's usual
	// characters takes no lock: every word of every paragraph is measured,
	// from several goroutines at once.
	fast [fastRunes]atomic.Int32

	mu       sync.Mutex // guards buf and advances
	buf      sfnt.Buffer
	advances map[rune]int64 // font units, for runes from fastRunes on
}

// fastRunes bounds the runes whose advances are kept in a table: every rune
// below U+2100, which takes in Latin with its accents, Greek, Cyrillic, the
// general punctuation block (quotation marks, dashes) and the currency
// signs. Rarer runes are kept in a map.
const fastRunes = 0x2100

// NewFontMeasurer parses the four embedded faces.
func NewFontMeasurer() (*FontMeasurer, error) {
	m := &FontMeasurer{}
	for _, f := range fonts.Faces {
		face, err := parseFace(fonts.TrueType(f))
		if err != nil {
			return nil, fmt.Errorf("measure: font %s: %w", f, err)
		}
		m.faces[f] = face
	}
	return m, nil
}

func parseFace(data []byte) (*measuredFace, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	upem := int64(f.UnitsPerEm())
	face := &measuredFace{font: f, unitsPerEm: upem, advances: make(map[rune]int64)}
	// Asking for metrics at a "pixels per em" of unitsPerEm (in 26.6 fixed
	// point) returns them in font units × 64, exactly, with no hinting.
	met, err := f.Metrics(&face.buf, fixed.Int26_6(upem<<6), font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	face.ascent = int64(met.Ascent) >> 6
	face.descent = int64(met.Descent) >> 6
	return face, nil
}

// advance returns r's advance width in font units; runes the face lacks
// measure as its .notdef glyph, which is what a PDF viewer draws.
func (f *measuredFace) advance(r rune) int64 {
	fast := r >= 0 && r < fastRunes
	if fast {
		if a := f.fast[r].Load(); a != 0 {
			return int64(a - 1)
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if a, ok := f.advances[r]; ok {
		return a
	}
	var a int64
	gi, err := f.font.GlyphIndex(&f.buf, r)
	if err == nil {
		adv, err := f.font.GlyphAdvance(&f.buf, gi, fixed.Int26_6(f.unitsPerEm<<6), font.HintingNone)
		if err == nil {
			a = int64(adv) >> 6
		}
	}
	if fast && a >= 0 && a < math.MaxInt32 {
		f.fast[r].Store(int32(a + 1))
	} else {
		f.advances[r] = a
	}
	return a
}

// units sums the advances of text's runes.
func (f *measuredFace) units(text string) int64 {
	var sum int64
	for _, r := range text {
		sum += f.advance(r)
	}
	return sum
}

// scale converts font units at size to a Length, truncating.
func (f *measuredFace) scale(units int64, size unit.Length) unit.Length {
	return unit.Length(units * int64(size) / f.unitsPerEm)
}

// face maps a style to the face that draws it. Small capitals are drawn with
// the regular face (see SmallCapsRuns).
func (m *FontMeasurer) face(style FontStyle) *measuredFace {
	switch style {
	case Italic:
		return m.faces[fonts.Italic]
	case Bold:
		return m.faces[fonts.Bold]
	case BoldItalic:
		return m.faces[fonts.BoldItalic]
	default:
		return m.faces[fonts.Regular]
	}
}

// FontFace returns the embedded face that draws style: SmallCaps is drawn
// with the regular face, through SmallCapsRuns.
func FontFace(style FontStyle) fonts.Face {
	switch style {
	case Italic:
		return fonts.Italic
	case Bold:
		return fonts.Bold
	case BoldItalic:
		return fonts.BoldItalic
	default:
		return fonts.Regular
	}
}

// Width implements Measurer.
func (m *FontMeasurer) Width(style FontStyle, size unit.Length, text string) unit.Length {
	f := m.face(style)
	if style != SmallCaps {
		return f.scale(f.units(text), size)
	}
	var w unit.Length
	for _, run := range SmallCapsRuns(text, size) {
		w += f.scale(f.units(run.Text), run.Size)
	}
	return w
}

// Ascent implements Measurer.
func (m *FontMeasurer) Ascent(style FontStyle, size unit.Length) unit.Length {
	f := m.face(style)
	return f.scale(f.ascent, size)
}

// Descent implements Measurer.
func (m *FontMeasurer) Descent(style FontStyle, size unit.Length) unit.Length {
	f := m.face(style)
	return f.scale(f.descent, size)
}

// SmallCapsNum/SmallCapsDen is the size of faked small capitals relative to
// the text size: 4/5. Charis SIL's real small capitals live behind an
// OpenType feature (smcp) that a PDF writer without shaping cannot reach, so
// lower-case letters are drawn as capitals of the regular face at 0.8 of the
// size, a little more than the x-height ratio so that their strokes do not
// look starved beside the full capitals.
const (
	SmallCapsNum = 4
	SmallCapsDen = 5
)

// CapsRun is a run of a SmallCaps piece drawn at one size with the regular
// face: either original capitals and other characters at full size, or
// lower-case letters turned into capitals at the small-capitals size.
type CapsRun struct {
	Text string // as drawn: lower-case letters already upper-cased
	Size unit.Length
}

// SmallCapsRuns splits text set in SmallCaps at size into the runs that draw
// it. The measurer and the PDF renderer both use it, so that drawn small
// capitals occupy exactly the width that line breaking measured: draw each
// run with the regular face at its Size, advancing by its measured width.
func SmallCapsRuns(text string, size unit.Length) []CapsRun {
	small := size * SmallCapsNum / SmallCapsDen
	var runs []CapsRun
	var b strings.Builder
	cur := unit.Length(-1)
	flush := func() {
		if b.Len() > 0 {
			runs = append(runs, CapsRun{Text: b.String(), Size: cur})
			b.Reset()
		}
	}
	for _, r := range text {
		s := size
		if unicode.IsLower(r) {
			if u := unicode.ToUpper(r); u != r {
				r, s = u, small
			}
		}
		if s != cur {
			flush()
			cur = s
		}
		b.WriteRune(r)
	}
	flush()
	return runs
}

// FixedMeasurer is a fake font for tests: every rune, the space included, is
// half the size wide whatever the style, so that at a size of 2 points every
// character is exactly 1 point and line-breaking arithmetic can be written
// out in comments. Ascent is 3/4 of the size and descent 1/4.
type FixedMeasurer struct{}

// Width implements Measurer: size/2 per rune.
func (FixedMeasurer) Width(_ FontStyle, size unit.Length, text string) unit.Length {
	n := 0
	for range text {
		n++
	}
	return unit.Length(n) * (size / 2)
}

// Ascent implements Measurer.
func (FixedMeasurer) Ascent(_ FontStyle, size unit.Length) unit.Length { return size * 3 / 4 }

// Descent implements Measurer.
func (FixedMeasurer) Descent(_ FontStyle, size unit.Length) unit.Length { return size / 4 }
