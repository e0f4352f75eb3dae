package linebreak

import (
	"testing"

	"github.com/bindery-editions/bindery/layout/unit"
)

type box struct{ w unit.Length }

func (b box) Width() unit.Length { return b.w }
func (b box) Key() string        { return "box" }

// TestObjectSpan sets a paragraph holding an object: it is one box of its
// width, part of the word written against it, never broken, and its piece
// carries it for drawing.
func TestObjectSpan(t *testing.T) {
	s := NewSetter(FixedMeasurer{}, nil)
	// At size 2 every character is 1pt: "ab" + a 5pt object + "c" is one
	// word of 8pt, then " dd" is the second.
	lines := s.Set(ParagraphSpec{
		Spans:   []Span{{Text: "ab"}, {Object: box{5 * unit.Point}}, {Text: "c dd"}},
		Size:    2 * unit.Point,
		Measure: 100 * unit.Point,
		Align:   Left,
	})
	if len(lines) != 1 {
		t.Fatalf("%d lines", len(lines))
	}
	var obj *Piece
	words := 0
	for i := range lines[0].Pieces {
		pc := &lines[0].Pieces[i]
		if pc.Word >= 0 {
			words++
		}
		if pc.Object != nil {
			obj = pc
		}
	}
	if obj == nil || obj.X != 2*unit.Point || obj.Word != -1 || obj.Text != "" {
		t.Errorf("object piece %+v", obj)
	}
	if words != 2 {
		t.Errorf("%d words begun, want 2", words)
	}
	// Too narrow a measure breaks around the object, never inside it.
	lines = s.Set(ParagraphSpec{Spans: []Span{{Text: "a "}, {Object: box{30 * unit.Point}}, {Text: " b"}}, Size: 2 * unit.Point, Measure: 10 * unit.Point, Align: Left})
	found := 0
	for _, l := range lines {
		for _, pc := range l.Pieces {
			if pc.Object != nil {
				found++
			}
		}
	}
	if found != 1 {
		t.Errorf("the object was set %d times", found)
	}
}
