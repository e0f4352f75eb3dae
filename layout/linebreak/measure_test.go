package linebreak

import (
	"testing"

	"github.com/bindery-editions/bindery/layout/unit"
)

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
