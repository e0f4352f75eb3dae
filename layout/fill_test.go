package layout

import (
	"slices"
	"testing"

	"github.com/bindery-editions/bindery/layout/pagebreak"
)

// TestFillCandidates checks the order in which a short page's neighbours
// are tried: a line more, then fewer, for each paragraph, longer ones
// first, the page's own before those of the pages around it; all of them
// first within the tolerance of any paragraph (strict), then again within
// the looser tolerance that filling a page allows.
func TestFillCandidates(t *testing.T) {
	// Three pages: paragraph 0 (3 lines) and 1 (5 lines) on the first,
	// 1 going on and 2 (2 lines) on the second, 3 (4 lines) on the third.
	var flow []flowItem
	for para, n := range []int{3, 5, 2, 4} {
		for k := range n {
			flow = append(flow, flowItem{kind: itemLine, para: para, lineNo: k, lineCount: n})
		}
	}
	spans := []pagebreak.Span{{From: 0, To: 6}, {From: 6, To: 10}, {From: 10, To: 14}}
	src := partSources{paras: map[int]paraSource{0: {}, 1: {}, 2: {}, 3: {}}}
	for _, tc := range []struct {
		short int
		want  []variation
	}{
		{0, []variation{
			{1, "", 1, true}, {1, "", -1, true}, {0, "", 1, true}, {0, "", -1, true}, {2, "", 1, true}, {2, "", -1, true},
			{1, "", 1, false}, {1, "", -1, false}, {0, "", 1, false}, {0, "", -1, false}, {2, "", 1, false}, {2, "", -1, false},
		}},
		{2, []variation{
			{3, "", 1, true}, {3, "", -1, true}, {1, "", 1, true}, {1, "", -1, true}, {2, "", 1, true}, {2, "", -1, true}, {0, "", 1, true}, {0, "", -1, true},
			{3, "", 1, false}, {3, "", -1, false}, {1, "", 1, false}, {1, "", -1, false}, {2, "", 1, false}, {2, "", -1, false}, {0, "", 1, false}, {0, "", -1, false},
		}},
	} {
		if got := candidates(flow, spans, tc.short, src); !slices.Equal(got, tc.want) {
			t.Errorf("short page %d: candidates\n%v\nwant\n%v", tc.short, got, tc.want)
		}
	}
}
