package pagebreak

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// vary returns flow with one change of those layout's search for full
// pages makes, or near them: a paragraph set a line longer or shorter (its
// notes on its lines still, a hyphen here and there), a note a line or
// two longer or shorter, a space added or taken away.
func vary(r *rand.Rand, flow []Item) []Item {
	out := slices.Clone(flow)
	i := r.IntN(len(out))
	switch r.IntN(4) {
	case 0, 1: // a paragraph set anew
		if out[i].Para < 0 || out[i].Space {
			break
		}
		lo, hi := i, i
		for lo > 0 && out[lo-1].Para == out[i].Para && !out[lo-1].Space {
			lo--
		}
		for hi < len(out) && out[hi].Para == out[i].Para && !out[hi].Space {
			hi++
		}
		n := max(1, hi-lo+[]int{1, -1}[r.IntN(2)])
		var para []Item
		for k := range n {
			it := Item{Slots: 1, Para: out[i].Para, LineNo: k, LineCount: n, LastNote: -1}
			it.Hyphen = k < n-1 && r.IntN(6) == 0
			para = append(para, it)
		}
		// The old lines' notes go to the new lines, in order.
		for k, it := range out[lo:hi] {
			if it.Notes > 0 {
				to := &para[min(k, n-1)]
				to.Notes += it.Notes
				to.LastNote, to.NoteHyphens = it.LastNote, it.NoteHyphens
				to.LongestNote = max(to.LongestNote, it.LongestNote)
			}
		}
		para[n-1].Keep = out[hi-1].Keep
		out = slices.Concat(out[:lo], para, out[hi:])
	case 2: // a note set anew
		for j := range out {
			it := &out[(i+j)%len(out)]
			if it.LastNote > 0 {
				d := max(1, it.LastNote+r.IntN(5)-2) - it.LastNote
				it.Notes += d
				it.LastNote += d
				it.LongestNote = max(it.LongestNote, it.LastNote)
				break
			}
		}
	case 3: // a space added or taken away
		if out[i].Space && r.IntN(2) == 0 {
			out = slices.Delete(out, i, i+1)
		} else {
			out = slices.Insert(out, i, Item{Space: true, Slots: 1, Para: -1, LastNote: -1})
		}
	}
	return out
}

// TestPagerMatchesPaginate checks that a Pager's tries give the pages
// Paginate gives for the same flow, on random flows changed many times
// over as layout's search changes them, each change kept or not: the
// pages before a change are taken from the flow as it was, and those
// after it once the search meets the old one again, and neither may
// differ from a search of the whole flow, ties between equal costs
// included.
func TestPagerMatchesPaginate(t *testing.T) {
	r := rand.New(rand.NewPCG(1922, 4))
	cases := 60
	if testing.Short() {
		cases = 20
	}
	met := 0
	tries := 0
	for c := range cases {
		paras := 5 + r.IntN(20)
		if r.IntN(4) == 0 {
			paras = 40 + r.IntN(60)
		}
		notes := []float64{0, 0.02, 0.08, 0.25}[r.IntN(4)]
		flow := randomFlow(r, paras, notes)
		cap := 4 + r.IntN(36)
		firstCap := cap - r.IntN(min(cap, 9))
		recto := r.IntN(2) == 0
		var area func(int) int
		if notes > 0 || r.IntN(4) == 0 {
			num, den := 1+r.IntN(3), 1+r.IntN(3)
			area = func(lines int) int { return (lines*num+den-1)/den + 1 }
		}
		p, got := NewPager(flow, firstCap, cap, recto, area)
		if want := Paginate(flow, firstCap, cap, recto, area); !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d: the pager's first pages\n%v\nPaginate's\n%v", c, got, want)
		}
		for try := range 30 {
			f2 := vary(r, flow)
			got := p.Try(f2)
			tries++
			if p.sparse {
				met++
			}
			if want := Paginate(f2, firstCap, cap, recto, area); !reflect.DeepEqual(got, want) {
				t.Fatalf("case %d, try %d (%d items, pages of %d, first %d, recto %v, notes %v): the pager gives\n%v\nPaginate\n%v",
					c, try, len(f2), cap, firstCap, recto, area != nil, got, want)
			}
			if r.IntN(3) == 0 {
				p.Accept()
				flow = f2
			}
		}
		p.Close()
	}
	t.Logf("%d of %d tries searched only the paths of least cost after the change", met, tries)
}

// TestPagerTies checks the Pager where costs tie most, as TestPaginateTies
// does Paginate: one-line paragraphs on short pages, with notes that are
// continued and lines taller than a page, so that many paths of equal
// cost meet at the same states beyond a change, and the tie rules of the
// search after it must choose as the whole search does.
func TestPagerTies(t *testing.T) {
	// Flows where two carries reach a state at the same cost from one
	// position and the lower facing height must win (the first is
	// TestPaginateTies's, the others found by a random search), each
	// tried as a change of flows that differ from it before the tie.
	tie1 := flowOf(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
	for i, k := range []int{0: 6, 3: 7, 9: 4, 10: 3, 11: 7} {
		if k > 0 {
			note(&tie1[i], k)
		}
	}
	tie2 := flowOf(1, 2, 2, 1, 1, 1, 1, 1, 2, 1, 2, 1)
	for i, k := range []int{2: 5, 3: 1, 5: 4, 8: 5, 10: 7, 14: 1} {
		if k > 0 {
			note(&tie2[i], k)
		}
	}
	tie2[4].Slots = 2
	// A third where a recto with no facing page and one with reach the
	// same state at the same cost, and the one with none must win.
	tie3 := flowOf(1, 2, 2, 2, 1, 2, 1, 1, 1, 1, 2)
	for i, k := range []int{0: 8, 1: 6, 2: 4, 3: 8, 4: 5, 9: 1, 10: 1, 13: 6} {
		if k > 0 {
			note(&tie3[i], k)
		}
	}
	tie3[3].Slots = 2
	for _, tc := range []struct {
		flow          []Item
		firstCap, cap int
		recto         bool
		area          func(int) int
		before        int // items before the tie
	}{
		{tie1, 9, 9, true, func(lines int) int { return (3*lines+1)/2 + 1 }, 9},
		{tie2, 6, 7, true, func(lines int) int { return (3*lines+1)/2 + 1 }, 5},
		{tie3, 7, 7, false, func(lines int) int { return lines + 1 }, 3},
	} {
		want := Paginate(tc.flow, tc.firstCap, tc.cap, tc.recto, tc.area)
		for i := range tc.before {
			for _, d := range []int{-1, 1, 2} {
				base := slices.Clone(tc.flow)
				base[i].Slots = max(1, base[i].Slots+d)
				p, _ := NewPager(base, tc.firstCap, tc.cap, tc.recto, tc.area)
				if got := p.Try(tc.flow); !reflect.DeepEqual(got, want) {
					t.Errorf("carries tied at one position, item %d of the flow before %d slots high: the pager gives\n%v\nPaginate\n%v", i, base[i].Slots, got, want)
				}
				p.Close()
			}
		}
	}

	r := rand.New(rand.NewPCG(5, 1964))
	cases := 1000
	if testing.Short() {
		cases = 200
	}
	for c := range cases {
		flow, firstCap, cap, recto, area := randomPart(r, 4)
		p, _ := NewPager(flow, firstCap, cap, recto, area)
		for try := range 8 {
			f2 := vary(r, flow)
			if r.IntN(2) == 0 {
				f2[r.IntN(len(f2))].Slots = 1 + r.IntN(3)
			}
			got := p.Try(f2)
			if want := Paginate(f2, firstCap, cap, recto, area); !reflect.DeepEqual(got, want) {
				t.Fatalf("case %d, try %d (%d items, pages of %d, first %d, recto %v): the pager gives\n%v\nPaginate\n%v",
					c, try, len(f2), cap, firstCap, recto, got, want)
			}
			if r.IntN(3) == 0 {
				p.Accept()
				flow = f2
			}
		}
		p.Close()
	}
}

// BenchmarkPagerTry paginates changes of BenchmarkPaginateNotes's part, one
// paragraph or note set anew at a time, as the search for full pages does,
// each kept one time in four: against BenchmarkPaginateNotes, what a try
// costs searched in full only about its change.
func BenchmarkPagerTry(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	flow := randomFlow(r, 300, 0.08)
	area := func(lines int) int { return (lines*3+3)/4 + 1 }
	p, _ := NewPager(flow, 30, 38, true, area)
	defer p.Close()
	b.ReportAllocs()
	for b.Loop() {
		f2 := vary(r, flow)
		p.Try(f2)
		if r.IntN(4) == 0 {
			p.Accept()
			flow = f2
		}
	}
}
