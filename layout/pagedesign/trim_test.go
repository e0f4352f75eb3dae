package pagedesign

import (
	"math"
	"testing"
)

// TestTrimSizes checks each trim against its size in inches or millimetres
// converted here on its own (1 in = 72 pt = 25.4 mm), to a thousandth of a
// point, the precision a PDF's boxes are written with: an A4 page is
// 595.276 by 841.890 pt.
func TestTrimSizes(t *testing.T) {
	mm := func(v float64) float64 { return v * 72 / 25.4 }
	in := func(v float64) float64 { return v * 72 }
	for _, tc := range []struct {
		name string
		w, h float64
	}{
		{"a4", mm(210), mm(297)},
		{"a5", mm(148), mm(210)},
		{"5.5x8.5in", in(5.5), in(8.5)},
		{"6x9in", in(6), in(9)},
		{"letter", in(8.5), in(11)},
	} {
		tr, err := LookupTrim(tc.name)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(tr.Width.Points()-tc.w) > 0.0005 || math.Abs(tr.Height.Points()-tc.h) > 0.0005 {
			t.Errorf("%s is %.3f x %.3f pt, want %.3f x %.3f", tc.name, tr.Width.Points(), tr.Height.Points(), tc.w, tc.h)
		}
	}
}
