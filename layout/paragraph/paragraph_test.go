package paragraph

import (
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/unit"
)

// TestBalanced checks that a centred title keeps its line count and
// evens its lines. At 2 pt in the fixed fake every character, the space
// too, is 1 pt: on an 18 pt measure "Long Title of" (13 pt) fits over
// "Albania" (7 pt); narrowed, the two lines are "Long Title" and "of
// Albania", 10 pt each.
func TestBalanced(t *testing.T) {
	s := linebreak.NewSetter(linebreak.FixedMeasurer{}, nil)
	spec := linebreak.ParagraphSpec{Spans: []linebreak.Span{{Text: "Long Title of Albania"}}, Size: 2 * unit.Point, Measure: 18 * unit.Point, Align: linebreak.Center}
	text := func(lines []linebreak.Line) []string {
		var out []string
		for _, l := range lines {
			var words []string
			for _, pc := range l.Pieces {
				words = append(words, pc.Text)
			}
			out = append(out, strings.Join(words, " "))
		}
		return out
	}
	if got := text(s.Set(spec)); strings.Join(got, "/") != "Long Title of/Albania" {
		t.Fatalf("set unbalanced: %q, want the natural break first", got)
	}
	if got := text(Balanced(s, spec)); strings.Join(got, "/") != "Long Title/of Albania" {
		t.Errorf("balanced: %q, want \"Long Title\" over \"of Albania\"", got)
	}
	one := spec
	one.Spans = []linebreak.Span{{Text: "Albania"}}
	if got := text(Balanced(s, one)); len(got) != 1 || got[0] != "Albania" {
		t.Errorf("a one-line title balanced: %q", got)
	}
}

// TestBalancedKeepsBonds checks that balancing never narrows the measure
// until a bound word must part from its neighbour: with one-letter words
// bound, "Патриотизм и правительство" (26 pt, on a 20 pt measure: "и"
// with "правительство" is 15 pt) balances as "Патриотизм" over "и
// правительство",
// not as "Патриотизм и" over "правительство", which only a measure too
// narrow for "и правительство" would force.
func TestBalancedKeepsBonds(t *testing.T) {
	s := linebreak.NewSetter(linebreak.FixedMeasurer{}, nil)
	spec := linebreak.ParagraphSpec{Spans: []linebreak.Span{{Text: "Патриотизм и правительство"}}, Size: 2 * unit.Point, Measure: 20 * unit.Point, Align: linebreak.Center, BindShortWords: true}
	var got []string
	for _, l := range Balanced(s, spec) {
		var words []string
		for _, pc := range l.Pieces {
			words = append(words, pc.Text)
		}
		got = append(got, strings.Join(words, " "))
	}
	if strings.Join(got, "/") != "Патриотизм/и правительство" {
		t.Errorf("balanced: %q, want \"Патриотизм\" over \"и правительство\"", got)
	}
}
