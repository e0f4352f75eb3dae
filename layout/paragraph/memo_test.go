package paragraph

import (
	"reflect"
	"slices"
	"testing"

	"github.com/bindery-editions/bindery/layout/hyphen"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/unit"
)

// TestMemoReturnsCopies checks that the memo's lines are the caller's to
// replace, shorten or append to (their pieces, shared, are not to be
// changed in place), and that everything Set reads tells two paragraphs
// apart.
func TestMemoReturnsCopies(t *testing.T) {
	ms := NewMemo(linebreak.NewSetter(linebreak.FixedMeasurer{}, english(t)))
	spec := linebreak.ParagraphSpec{Spans: []linebreak.Span{{Text: "one two three four five six seven eight nine ten"}}, Size: 10 * unit.Point, Measure: 100 * unit.Point, Align: linebreak.Justify}
	first := ms.Set(spec)
	if len(first) < 2 {
		t.Fatalf("want several lines, got %d", len(first))
	}
	want := copyLines(first)
	for i := range want {
		want[i].Pieces = slices.Clone(want[i].Pieces)
	}
	// A caller moving its lines, shortening one, appending to another.
	first[0].Width = 0
	first[0].Pieces = first[0].Pieces[:1]
	first[1].Pieces = append(first[1].Pieces, linebreak.Piece{Text: "added"})
	first[1].Pieces[0].X = -1 // the appended line's own copy
	if again := ms.Set(spec); !reflect.DeepEqual(again, want) {
		t.Errorf("the memo returned lines a caller had changed:\n got %+v\nwant %+v", again, want)
	}
	if len(ms.cache) != 1 {
		t.Errorf("%d cache entries for one paragraph set twice", len(ms.cache))
	}
	// Any difference in what Set reads is a different paragraph.
	other := spec
	other.Spans = []linebreak.Span{{Text: "one two three four five six seven eight nine ten", Style: linebreak.Italic}}
	ms.Set(other)
	other = spec
	other.Measure = 90 * unit.Point
	ms.Set(other)
	if len(ms.cache) != 3 {
		t.Errorf("%d cache entries, want 3: style and measure are part of the key", len(ms.cache))
	}
}

// english returns the US English hyphenator the tests set text with.
func english(t *testing.T) *hyphen.Hyphenator {
	h, err := hyphen.New("en-US")
	if err != nil {
		t.Fatal(err)
	}
	return h
}
