package drawing

import (
	"testing"

	"github.com/bindery-editions/bindery/fonts"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/shape"
	"github.com/bindery-editions/bindery/layout/unit"
)

// TestMediaAndTrimOrigin checks where bleed goes: a book's pages bleed at
// the head, foot and fore-edge, never at the spine (a recto's spine is on
// its left), a cover's on all four sides. The trim is 400 by 600 pt and
// the bleed 9 pt.
func TestMediaAndTrimOrigin(t *testing.T) {
	trim := pagedesign.Trim{Name: "test", Width: 400 * unit.Point, Height: 600 * unit.Point}
	for _, tc := range []struct {
		cover      bool
		page       int
		w, h, x, y float64
	}{
		{false, 1, 409, 618, 0, 9}, // a recto: the spine on the left, no bleed there
		{false, 2, 409, 618, 9, 9}, // a verso: the spine on the right
		{true, 1, 418, 618, 9, 9},
	} {
		d := &Drawing{Trim: trim, Bleed: 9 * unit.Point, Cover: tc.cover}
		w, h := d.MediaSize()
		x, y := d.TrimOrigin(tc.page)
		if w.Points() != tc.w || h.Points() != tc.h || x.Points() != tc.x || y.Points() != tc.y {
			t.Errorf("cover %v, page %d: media %v x %v, trim at (%v, %v); want %v x %v at (%v, %v)",
				tc.cover, tc.page, w.Points(), h.Points(), x.Points(), y.Points(), tc.w, tc.h, tc.x, tc.y)
		}
	}
}

// TestAddLineAndShape checks that a set line is drawn a run a piece, each
// in its piece's face, scaled as the line is expanded, and that Shape
// shapes every run it is given, in the face's own style where the run
// names none.
func TestAddLineAndShape(t *testing.T) {
	sm := linebreak.NewShapedMeasurer()
	l := linebreak.Line{Expand: 12, Pieces: []linebreak.Piece{
		{X: 0, Size: 10 * unit.Point, Text: "plain", Style: linebreak.Roman},
		{X: 40 * unit.Point, Size: 10 * unit.Point, Text: "stressed", Style: linebreak.Italic, Rise: 2 * unit.Point},
	}}
	var po DrawnPage
	po.AddLine(l, 72*unit.Point, 100*unit.Point)
	po.Runs = append(po.Runs, GlyphRun{Face: fonts.Bold, Size: 10 * unit.Point, Text: "bold"})
	po.Shape(sm)
	if len(po.Runs) != 3 {
		t.Fatalf("%d runs, want 3", len(po.Runs))
	}
	r := po.Runs[1]
	if r.X != 112*unit.Point || r.Y != 98*unit.Point || r.Face != fonts.Italic || r.Scale != 1012 {
		t.Errorf("second run at (%v, %v) in face %v, scale %d; want (112, 98), italic, 1012", r.X.Points(), r.Y.Points(), r.Face, r.Scale)
	}
	for i, r := range po.Runs {
		if r.Glyphs == nil || len(r.Glyphs.Runs) == 0 {
			t.Errorf("run %d (%q) was not shaped", i, r.Text)
		}
	}
	font := func(g *shape.Shaped) *shape.Font { return g.Runs[0].Font }
	if got := font(po.Runs[2].Glyphs); got != font(sm.Shape(linebreak.Bold, "bold")) || got == font(sm.Shape(linebreak.Roman, "bold")) {
		t.Errorf("a run in the bold face is not shaped as bold text")
	}
}
