package layout

import (
	"reflect"
	"testing"
)

func TestMemoSetterReturnsCopies(t *testing.T) {
	ms := &memoSetter{s: NewSetter(FixedMeasurer{}, NewHyphenator()), cache: map[string][]Line{}}
	spec := ParagraphSpec{Spans: []Span{{Text: "one two three four five six seven eight nine ten"}}, Size: 10 * Point, Measure: 100 * Point, Align: Justify}
	first := ms.Set(spec)
	if len(first) < 2 {
		t.Fatalf("want several lines, got %d", len(first))
	}
	want := copyLines(first)
	first[0].Pieces[0].Text = "changed" // a caller moving or editing its lines
	first[0].Pieces = first[0].Pieces[:1]
	if again := ms.Set(spec); !reflect.DeepEqual(again, want) {
		t.Errorf("the memo returned lines a caller had changed:\n got %+v\nwant %+v", again, want)
	}
	if len(ms.cache) != 1 {
		t.Errorf("%d cache entries for one paragraph set twice", len(ms.cache))
	}
	// Any difference in what Set reads is a different paragraph.
	other := spec
	other.Spans = []Span{{Text: "one two three four five six seven eight nine ten", Style: Italic}}
	ms.Set(other)
	other = spec
	other.Measure = 90 * Point
	ms.Set(other)
	if len(ms.cache) != 3 {
		t.Errorf("%d cache entries, want 3: style and measure are part of the key", len(ms.cache))
	}
}
