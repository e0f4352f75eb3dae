package linebreak

import (
	"errors"
	"testing"

	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/fonts"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func newFontMeasurer(t testing.TB) *FontMeasurer {
	t.Helper()
	m, err := NewFontMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestFontMeasurerWidths checks widths against the fonts' advance widths,
// read here through the glyph index rather than the measurer's cache.
func TestFontMeasurerWidths(t *testing.T) {
	m := newFontMeasurer(t)
	size := unit.Pt(10.5)
	for _, style := range []FontStyle{Roman, Italic, Bold, BoldItalic} {
		f, err := sfnt.Parse(fonts.TrueType(FontFace(style)))
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		upem := int64(f.UnitsPerEm())
		text := "Tirana, «Zëri i Popullit» — 1964"
		var units int64
		for _, r := range text {
			gi, err := f.GlyphIndex(&buf, r)
			if err != nil || gi == 0 {
				t.Fatalf("style %d: no glyph for %q", style, r)
			}
			adv, err := f.GlyphAdvance(&buf, gi, fixed.Int26_6(upem<<6), font.HintingNone)
			if err != nil {
				t.Fatal(err)
			}
			units += int64(adv) >> 6
		}
		want := unit.Length(units * int64(size) / upem)
		if got := m.Width(style, size, text); got != want {
			t.Errorf("style %d: Width = %d sp, want %d", style, got, want)
		}
	}
	// Widths add up, to within a scaled point per piece.
	a, b := m.Width(Roman, size, "comrades"), m.Width(Roman, size, "comr")+m.Width(Roman, size, "ades")
	if d := a - b; d < 0 || d > 1 {
		t.Errorf("Width(comrades) = %d, pieces %d", a, b)
	}
	if m.Width(Bold, size, "m") <= m.Width(Roman, size, "m") {
		t.Error("bold m is not wider than roman m")
	}
	if asc, desc := m.Ascent(Roman, size), m.Descent(Roman, size); asc < size/2 || asc > 2*size || desc <= 0 || desc > size {
		t.Errorf("ascent %v pt, descent %v pt at 10.5 pt", asc.Points(), desc.Points())
	}
}

// TestFontMeasurerHasNoKerning checks the premise that widths are plain
// sums of advances: Charis SIL has no kerning that sfnt can read.
func TestFontMeasurerHasNoKerning(t *testing.T) {
	for _, face := range fonts.Faces {
		f, err := sfnt.Parse(fonts.TrueType(face))
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		for _, pair := range []string{"AV", "To", "Ta", "LT", "Yo", "P.", "r,"} {
			rs := []rune(pair)
			g0, _ := f.GlyphIndex(&buf, rs[0])
			g1, _ := f.GlyphIndex(&buf, rs[1])
			k, err := f.Kern(&buf, g0, g1, fixed.I(1000), font.HintingNone)
			if err != nil && !errors.Is(err, sfnt.ErrNotFound) {
				t.Fatalf("%s %s: %v", face, pair, err)
			}
			if k != 0 {
				t.Errorf("%s: pair %q kerns by %v: widths must apply kerning", face, pair, k)
			}
		}
	}
}

func TestSmallCapsRuns(t *testing.T) {
	size := unit.Pt(10)
	small := size * 4 / 5
	got := SmallCapsRuns("Dear Comrades, 1964", size)
	want := []CapsRun{{"D", size}, {"EAR", small}, {" C", size}, {"OMRADES", small}, {", 1964", size}}
	if len(got) != len(want) {
		t.Fatalf("SmallCapsRuns = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("run %d = %v, want %v", i, got[i], want[i])
		}
	}
	// The measurer measures small capitals as the renderer draws them.
	m := newFontMeasurer(t)
	var sum unit.Length
	for _, r := range got {
		sum += m.Width(Roman, r.Size, r.Text)
	}
	if w := m.Width(SmallCaps, size, "Dear Comrades, 1964"); w != sum {
		t.Errorf("Width(SmallCaps) = %d, runs drawn %d", w, sum)
	}
}

func TestFixedMeasurer(t *testing.T) {
	var m FixedMeasurer
	// 2 pt text: every rune 1 pt, whatever the style or script.
	if w := m.Width(Italic, unit.Pt(2), "ab «ë»"); w != 6*unit.Point {
		t.Errorf("Width = %v pt, want 6", w.Points())
	}
	if a, d := m.Ascent(Roman, unit.Pt(4)), m.Descent(Roman, unit.Pt(4)); a != 3*unit.Point || d != unit.Point {
		t.Errorf("ascent %v, descent %v; want 3 and 1", a.Points(), d.Points())
	}
}
