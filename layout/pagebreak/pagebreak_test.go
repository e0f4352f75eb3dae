package pagebreak

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// flowOf builds a flow of paragraphs with the given line counts, one grid
// line each. A negative count is a subheading (one line, kept with what
// follows) preceded by a one-line space.
func flowOf(counts ...int) []Item {
	var flow []Item
	for p, n := range counts {
		if n < 0 {
			flow = append(flow, Item{Space: true, Slots: 1, Para: -1, LastNote: -1})
			flow = append(flow, Item{Slots: 1, Para: p, LineCount: 1, Keep: true, LastNote: -1})
			continue
		}
		for k := 0; k < n; k++ {
			flow = append(flow, Item{Slots: 1, Para: p, LineNo: k, LineCount: n, LastNote: -1})
		}
	}
	return flow
}

// note gives item it a footnote of lines lines, its hyphens at the line
// indexes given.
func note(it *Item, lines int, hyphens ...int) {
	it.Notes += lines
	it.LastNote = lines
	it.LongestNote = max(it.LongestNote, lines)
	it.NoteHyphens = 0
	for _, k := range hyphens {
		it.NoteHyphens |= 1 << k
	}
}

// TestSplitNoteAfterHyphen checks that splitting a note after a line that
// ends with a hyphen costs more (TeX's \brokenpenalty), so that
// "re-/pressions" is not split across the leaf when another split will do.
func TestSplitNoteAfterHyphen(t *testing.T) {
	cost := func(hyphenAt int) int {
		flow := flowOf(1, 1, 1, 1, 1, 1, 1)
		if hyphenAt >= 0 {
			note(&flow[5], 6, hyphenAt)
		} else {
			note(&flow[5], 6)
		}
		facts := flow
		area := []int{0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}
		costs := make([]int, len(flow)+1)
		ends, _ := pageEnds(nil, facts, costs, area, 0, 0, 10, 5, len(flow))
		for _, e := range ends {
			if e.b == 6 && e.out == 3 {
				return e.cost
			}
		}
		t.Fatal("no page end after six lines carrying three note lines")
		return 0
	}
	// Six lines and three of the note's six fill the page: the split
	// falls after the note's third line (index 2).
	if plain, after := cost(-1), cost(2); after-plain != costNoteHyphen {
		t.Errorf("split after a hyphen costs %d more, want %d", after-plain, costNoteHyphen)
	}
	if plain, elsewhere := cost(-1), cost(4); elsewhere != plain {
		t.Errorf("a hyphen away from the split changed the cost by %d", elsewhere-plain)
	}
}

// paginateDense is paginate as it was first written: every state at a
// position, before a verso or a recto, with every facing height and carry,
// is tried with every break, in one dense table. It is slow but plainly
// right, and kept as the reference that paginate must match span for span.
func paginateDense(items []Item, firstCap, cap int, firstRecto bool, noteArea func(lines int) int) []Span {
	n := len(items)
	if n == 0 || skipSpaces(items, 0) == n {
		return []Span{{From: 0, To: n}}
	}
	// State: position (a break before items[pos]), whether the next page is
	// a recto, and if so the height of the verso it faces (+1, 0 for none),
	// and the footnote lines carried to it from the page before.
	type state struct{ pos, recto, verso, carry int }
	hs := cap + 2
	// Only as many carries as the longest note can leave: a flow without
	// notes keeps the state space, and the time, it had without them.
	cs := 1
	if noteArea != nil {
		for _, it := range items {
			if it.LongestNote > 0 {
				cs = max(cs, min(it.LongestNote-splitNoteMin, maxNoteCarry)+1)
			}
		}
	}
	idx := func(s state) int { return ((s.pos*2+s.recto)*hs+s.verso)*cs + s.carry }
	unpack := func(i int) state {
		c := i % cs
		i /= cs
		v := i % hs
		i /= hs
		return state{pos: i / 2, recto: i % 2, verso: v, carry: c}
	}
	size := (n + 1) * 2 * hs * cs
	best := make([]int, size)
	from := make([]int, size)
	height := make([]int, size)
	for i := range best {
		best[i] = math.MaxInt
		from[i] = -1
	}
	r0 := 0
	if firstRecto {
		r0 = 1
	}
	start := state{0, r0, 0, 0}
	best[idx(start)] = 0
	final, finalCost := -1, math.MaxInt

	// The breaks that can end a page starting at pos depend on pos and
	// the notes carried in, not on the side or the facing verso: list them
	// once, with the cost of everything but the balance against the verso,
	// then relax every state reached at pos with that carry.
	costs := make([]int, n+1)
	for b := 1; b <= n; b++ {
		costs[b], _, _, _ = BreakCost(items, b)
	}
	area := func(lines int) int {
		if lines == 0 || noteArea == nil {
			return 0
		}
		return noteArea(lines)
	}
	type cand struct {
		b, h, out, cost int
		last            bool
	}
	candsBy := make([][]cand, cs)
	for pos := 0; pos < n; pos++ {
		pageCap := cap
		if pos == 0 {
			pageCap = firstCap
		}
		for carry := 0; carry < cs; carry++ {
			candsBy[carry] = candsBy[carry][:0]
			reached := false
			for recto := 0; recto < 2 && !reached; recto++ {
				for verso := 0; verso < hs; verso++ {
					if best[idx(state{pos, recto, verso, carry})] != math.MaxInt {
						reached = true
						break
					}
				}
			}
			if !reached {
				continue
			}
			cands := candsBy[carry]
			a := skipSpaces(items, pos)
			used, h, noteLines, lastNote := 0, 0, carry, 0
			textH := 0
			for b := a + 1; b <= n; b++ {
				it := items[b-1]
				used += it.Slots
				noteLines += it.Notes
				if it.LastNote >= 0 {
					lastNote = it.LastNote
				}
				if !it.Space {
					textH = used
				}
				h = textH + area(noteLines)
				// The text and the notes carried in must fit; a page
				// takes at least one item even if it overflows, but not
				// for notes carried in.
				if textH+area(carry) > pageCap && (b > a+1 || carry > 0 && textH <= pageCap) {
					break
				}
				// Notes that do not fit may leave the tail of the
				// last one for the next page.
				if it.Space && b < n {
					continue // break at the next line instead: the same page
				}
				add := func(h, out int) {
					cost := costs[b]
					if out > 0 {
						cost += costSplitNote
					}
					last := skipSpaces(items, b) == n
					if last && out > 0 {
						return // no next page in the part to carry to
					}
					if h > pageCap {
						cost += costOverfull * (h - pageCap)
					}
					if !last {
						short := max(pageCap-h, 0)
						cost += costShort * short * short
					} else if pos > 0 && h < minLastPage {
						missing := minLastPage - h
						cost += costShortLast * missing * missing
					}
					cands = append(cands, cand{b, h, out, cost, last})
				}
				// The first item is taken overfull too, in case the page
				// after a split cannot be made.
				overfull := b == a+1
				if h > pageCap {
					keep := noteLines
					for keep > carry && textH+area(keep) > pageCap {
						keep--
					}
					out := noteLines - keep
					if textH+area(keep) <= pageCap && lastNote-out >= splitNoteMin && out <= maxNoteCarry && out < cs {
						add(textH+area(keep), out)
					}
				} else {
					add(h, 0)
					overfull = false
				}
				if overfull {
					add(h, 0)
				}
			}
			candsBy[carry] = cands
		}
		// Relax in the order the states were always visited, so that ties
		// between equal costs go the same way.
		for recto := 0; recto < 2; recto++ {
			for verso := 0; verso < hs; verso++ {
				for carry := 0; carry < cs; carry++ {
					s := state{pos, recto, verso, carry}
					c := best[idx(s)]
					if c == math.MaxInt {
						continue
					}
					for _, cd := range candsBy[carry] {
						h := cd.h
						cost := c + cd.cost
						if !cd.last && recto == 1 && verso > 0 && pos != 0 {
							d := verso - 1 - h
							if d < 0 {
								d = -d
							}
							cost += costImbalance * d
						}
						ns := state{cd.b, 1 - recto, 0, cd.out}
						if recto == 0 && h+1 < hs {
							ns.verso = h + 1
						}
						if cd.last {
							if cost < finalCost {
								finalCost = cost
								final = idx(ns)
								from[idx(ns)] = idx(s)
								height[idx(ns)] = h
								best[idx(ns)] = cost
							}
							continue
						}
						if cost < best[idx(ns)] {
							best[idx(ns)] = cost
							from[idx(ns)] = idx(s)
							height[idx(ns)] = h
						}
					}
				}
			}
		}
	}
	// Walk back from the final state.
	var spans []Span
	for cur := final; cur != idx(start); cur = from[cur] {
		prev := from[cur]
		spans = append(spans, Span{From: unpack(prev).pos, To: unpack(cur).pos, Height: height[cur], Carry: unpack(cur).carry})
	}
	return finishSpans(items, spans)
}

// randomFlow builds a part's flow from r: paragraphs of 1 to 14 lines,
// some lines two grid lines high, spaces between them (some runs of
// several), subheadings kept with what follows, hyphens at line ends, and
// footnotes from 1 to 24 lines on some lines, so that every rule paginate
// weighs comes into play, and spaces at the head or the foot of the flow
// now and then. paras is the number of paragraphs and notes the chance
// that a line refers to a footnote.
func randomFlow(r *rand.Rand, paras int, notes float64) []Item {
	var flow []Item
	space := func() {
		for k := r.IntN(3); k >= 0; k-- {
			flow = append(flow, Item{Space: true, Slots: 1 + r.IntN(2), Para: -1, LastNote: -1})
		}
	}
	if r.IntN(4) == 0 {
		space()
	}
	for p := range paras {
		switch r.IntN(6) {
		case 0:
			space()
		case 1: // a subheading, sometimes of two lines, kept with what follows
			space()
			for range 1 + r.IntN(2) {
				flow = append(flow, Item{Slots: 1 + r.IntN(2), Para: -1, Keep: true, LastNote: -1})
			}
		}
		n := 1 + r.IntN(14)
		if r.IntN(5) == 0 {
			n = 1 + r.IntN(3)
		}
		for k := range n {
			it := Item{Slots: 1, Para: p, LineNo: k, LineCount: n, LastNote: -1}
			if r.IntN(12) == 0 {
				it.Slots = 2
			}
			it.Hyphen = k < n-1 && r.IntN(6) == 0
			it.Keep = r.IntN(40) == 0
			if r.Float64() < notes {
				for range 1 + r.IntN(2) {
					note(&it, 1+r.IntN(24))
				}
			}
			flow = append(flow, it)
		}
	}
	if r.IntN(4) == 0 {
		space()
	}
	return flow
}

// TestPaginateMatchesDense checks Paginate against paginateDense, the
// plain dense search it replaced, on random flows: both must choose the
// same pages, ties between equal costs included, with and without notes,
// on short and tall pages, starting on either side.
func TestPaginateMatchesDense(t *testing.T) {
	r := rand.New(rand.NewPCG(1964, 8))
	cases := 600
	if testing.Short() {
		cases = 100
	}
	for c := range cases {
		paras := 1 + r.IntN(12)
		if r.IntN(8) == 0 {
			paras = 20 + r.IntN(30)
		}
		notes := 0.0
		if r.IntN(2) == 0 {
			notes = []float64{0.02, 0.08, 0.25}[r.IntN(3)]
		}
		flow := randomFlow(r, paras, notes)
		cap := 4 + r.IntN(30)
		firstCap := cap - r.IntN(min(cap, 9))
		recto := r.IntN(2) == 0
		var area func(int) int
		if notes > 0 && r.IntN(8) != 0 || r.IntN(4) == 0 {
			// Notes on a smaller leading: num/den grid lines a line, and
			// one for the rule.
			num, den := 1+r.IntN(3), 1+r.IntN(3)
			area = func(lines int) int { return (lines*num+den-1)/den + 1 }
		}
		got := Paginate(flow, firstCap, cap, recto, area)
		want := paginateDense(flow, firstCap, cap, recto, area)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d (%d items, pages of %d, first %d, recto %v, notes %v): paginate gives\n%v\nthe dense search\n%v",
				c, len(flow), cap, firstCap, recto, area != nil, got, want)
		}
	}
}

// TestPaginateTies checks Paginate against paginateDense where costs tie
// most: one-line paragraphs, so no widows, on short pages, with notes
// that overflow a page or are continued and lines too tall for a page,
// so that many paths of equal cost meet at the same state.
func TestPaginateTies(t *testing.T) {
	// Found by a longer random search: at item 10, the state carrying one
	// note line on from a verso 9 lines high and the one carrying two
	// from a verso 8 lines high reach the next state at the same cost;
	// the lower verso was tried first and must win.
	flow := flowOf(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
	for i, k := range []int{0: 6, 3: 7, 9: 4, 10: 3, 11: 7} {
		if k > 0 {
			note(&flow[i], k)
		}
	}
	area := func(lines int) int { return (3*lines+1)/2 + 1 }
	if got, want := Paginate(flow, 9, 9, true, area), paginateDense(flow, 9, 9, true, area); !reflect.DeepEqual(got, want) {
		t.Errorf("carries tied at one position: paginate gives\n%v\nthe dense search\n%v", got, want)
	}

	r := rand.New(rand.NewPCG(5, 5))
	for c := range 3000 {
		flow, firstCap, cap, recto, area := randomPart(r, 1)
		got := Paginate(flow, firstCap, cap, recto, area)
		want := paginateDense(flow, firstCap, cap, recto, area)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d (%d items, pages of %d, first %d, recto %v): paginate gives\n%v\nthe dense search\n%v",
				c, len(flow), cap, firstCap, recto, got, want)
		}
	}
}

// BenchmarkPaginateNotes paginates a long random part with footnotes,
// some long enough to be continued, as in an annotated letter.
func BenchmarkPaginateNotes(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	flow := randomFlow(r, 300, 0.08)
	area := func(lines int) int { return (lines*3+3)/4 + 1 }
	b.ReportAllocs()
	for b.Loop() {
		Paginate(flow, 30, 38, true, area)
	}
}

// TestLongNoteRunsOver sets notes up to two thirds longer than a page: each
// begins at the foot of the page that refers to it and runs over to the
// next (Chicago 14.26), and no page is left short or overfull for it.
func TestLongNoteRunsOver(t *testing.T) {
	for _, lines := range []int{8, 15, 25, 32, 34} {
		counts := make([]int, 60)
		for k := range counts {
			counts[k] = 1
		}
		flow := flowOf(counts...)
		ref := 22 // on the third line of the second page, so that even the longest note can begin there
		note(&flow[ref], lines)
		const cap = 20
		spans := Paginate(flow, cap, cap, true, func(k int) int { return k + 1 })
		carried := 0
		for k, sp := range spans {
			if k+1 < len(spans) && sp.Height != cap || sp.Height > cap {
				t.Errorf("note of %d lines: page %d is %d lines high, want %d", lines, k+1, sp.Height, cap)
			}
			if sp.From <= ref && ref < sp.To {
				// The note begins on the page of its reference.
				if sp.Carry > lines-splitNoteMin {
					t.Errorf("note of %d lines: %d carried, fewer than %d left with the reference", lines, sp.Carry, splitNoteMin)
				}
				carried = sp.Carry
			} else if sp.Carry != 0 {
				t.Errorf("note of %d lines: page %d, without the reference, carries %d", lines, k+1, sp.Carry)
			}
		}
		if lines > cap-2 && carried == 0 {
			t.Errorf("note of %d lines on a page of %d: not run over", lines, cap)
		}
	}
}

// TestNoteNeverOverfull sets a note longer than a page can hold with its
// reference line (and the carry a next page can take) but for the line
// standing first on its page: the page before is left short rather than
// the notes overrun the text block.
func TestNoteNeverOverfull(t *testing.T) {
	counts := make([]int, 60)
	for k := range counts {
		counts[k] = 1
	}
	flow := flowOf(counts...)
	note(&flow[25], 36)
	const cap = 20
	for k, sp := range Paginate(flow, cap, cap, true, func(k int) int { return k + 1 }) {
		if sp.Height > cap {
			t.Errorf("page %d is %d lines high, over the %d of the text block", k+1, sp.Height, cap)
		}
	}
}

// randomPart draws a part for the random tests: least to least+29 lines,
// some with notes of 1 to 12 lines, some taller than a line, pages of 3 to
// 8 lines (the first up to 2 fewer), either side first, and a note area
// that grows with its lines at a drawn rate.
func randomPart(r *rand.Rand, least int) (flow []Item, firstCap, cap int, recto bool, area func(int) int) {
	counts := make([]int, least+r.IntN(30))
	for i := range counts {
		counts[i] = 1
	}
	flow = flowOf(counts...)
	for i := range flow {
		if r.IntN(6) == 0 {
			note(&flow[i], 1+r.IntN(12))
		}
		if r.IntN(15) == 0 {
			flow[i].Slots = 2 + r.IntN(5)
		}
	}
	cap = 3 + r.IntN(6)
	firstCap = cap - r.IntN(3)
	recto = r.IntN(2) == 0
	num, den := 1+r.IntN(3), 1+r.IntN(2)
	return flow, firstCap, cap, recto, func(lines int) int { return (lines*num+den-1)/den + 1 }
}
