package pagedesign

import (
	"math"
	"testing"

	"github.com/bindery-editions/bindery/layout/unit"
)

// TestMarginsAndGutter checks that the margins share the design's sums as
// the proportion says, the outer wider than the inner by default, and that
// the inner margin grows to the printers' gutter for the page count,
// taken from the outer so the text block keeps its measure.
func TestMarginsAndGutter(t *testing.T) {
	in := func(l unit.Length) float64 { return math.Round(l.Points()/72*1000) / 1000 }
	g := NewGeometry(trims[DefaultTrim], [4]float64{})
	if in(g.Inner) != 0.54 || in(g.Outer) != 0.81 {
		t.Errorf("default margins inner %v in, outer %v in; want 0.54 and 0.81", in(g.Inner), in(g.Outer))
	}
	for _, tc := range []struct {
		pages        int
		inner, outer float64
	}{
		{62, 0.54, 0.81}, {150, 0.54, 0.81}, {400, 0.625, 0.725}, {650, 0.75, 0.6}, {1000, 0.875, 0.475},
	} {
		gg := g.Gutter(tc.pages)
		if in(gg.Inner) != tc.inner || in(gg.Outer) != tc.outer || gg.Measure != g.Measure {
			t.Errorf("%d pages: inner %v, outer %v, measure %v; want %v, %v and %v", tc.pages, in(gg.Inner), in(gg.Outer), gg.Measure.Points(), tc.inner, tc.outer, g.Measure.Points())
		}
	}
	even := NewGeometry(trims[DefaultTrim], [4]float64{1, 1, 1, 1})
	if even.Inner != even.Outer || even.Measure != g.Measure || even.Top == g.Top {
		t.Errorf("margins 1:1:1:1: inner %v, outer %v, top %v", even.Inner.Points(), even.Outer.Points(), even.Top.Points())
	}
	if screen := NewGeometry(trims["a4"], [4]float64{}); screen.Inner != screen.Outer {
		t.Errorf("a screen trim's margins are not symmetric")
	}
}
