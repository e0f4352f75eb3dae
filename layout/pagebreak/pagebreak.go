// Package pagebreak cuts a part's vertical flow into pages: the flow is a
// list of items on a baseline grid (lines, spaces, each with the
// footnotes it refers to), and the page breaks chosen are those of least
// total cost, as TeX chooses line breaks.
package pagebreak

import (
	"math"
	"slices"
	"sync"
)

// Pagination works on a baseline grid: every body line sits on one of the
// page's grid lines, and whatever else a part holds (spaces, headings,
// ornaments) takes a whole number of grid lines, so that lines back up
// through the paper and facing pages align (Bringhurst, The Elements of
// Typographic Style, 2.2.1–2.2.2). A part is first turned into a flow of
// items, each occupying some grid lines, and the flow is then cut into
// pages by choosing the page breaks that minimise a total cost, as TeX
// chooses line breaks (Knuth & Plass 1981; Plass's thesis, 1981, treats
// pagination the same way). What the cost weighs:
//
//   - a widow or an orphan (a paragraph's last line alone at the head of a
//     page, its first alone at the foot), or a heading parted from the two
//     lines that follow it: forbidden, unless nothing else is possible;
//   - facing pages of unequal height (Bringhurst 2.2.3: "balance facing
//     pages"), except at the end of a part;
//   - a hyphen on the last line of a page, which sends the reader across a
//     leaf in mid-word;
//   - a page left short, quadratically, and above everything but a widow
//     or orphan: a book is set flush bottom, every page of a part but its
//     last ending on the same line (TeX's \flushbottom), and what the
//     page breaks cannot fill, layout fills by setting a paragraph a
//     line longer or shorter;
//   - a footnote too long for its page continued at the foot of the next,
//     which costs about what a page three lines short does;
//   - a part that ends with a page of a line or two (house styles ask a
//     chapter's last page to hold a few lines at least): mended by
//     carrying lines over from the page before when that costs less.
//
// The weights put a widow or orphan far above a short page, that above a
// page-end hyphen (TeX's \brokenpenalty), and that above an unbalanced
// spread and a part's last page of a line or two.
const (
	costForbidden = 1_000_000
	costImbalance = 4000 // per grid line of difference between facing pages
	costHyphen    = 20000
	// costNoteHyphen is charged for a note split after a line that ends
	// with a hyphen: less than the text's, as the split note is already
	// charged for, and a split elsewhere in a long note is usually there
	// to be had; more would leave pages short to avoid it.
	costNoteHyphen = costHyphen / 4
	costShort      = 30000 // times the square of the lines left empty
	// costSplitNote is charged for a footnote continued on the next page:
	// about as much as a page three lines short, which is what a long
	// note that cannot be split would otherwise leave.
	costSplitNote = 3000
	// costShortLast is charged, times the square of the lines missing,
	// for a part's last page (not its first) holding fewer than
	// minLastPage grid lines: a last page of two lines costs a little more
	// than a page before it two lines short, one of one line far more.
	costShortLast = 4000
	minLastPage   = 3
	// costWhole is charged for parting a block that is never parted (a
	// short table, Item.Whole): more than any page left short, since a
	// page can be filled again (floats, a paragraph set a line longer)
	// and a parted table cannot be read as one.
	costWhole = 1_000_000_000
	// costOverfull is charged, per grid line over, for a page whose text
	// and notes overrun its text block (a line with a note too long for
	// any page, taken because a page takes at least one item): the notes
	// would stand over the text, so any page left short, any widow, is
	// better.
	costOverfull = costWhole
)

// Footnote splitting limits: a note keeps at least splitNoteMin lines on
// the page that refers to it and carries at most maxNoteCarry to the next.
// The carry is nearly a page of notes, so that a note longer than a page
// (an editor's excursus, as in Marx or Paine) begins on the page of its
// reference and runs over to the next (Chicago 14.26) rather than push its
// reference down a page and leave the pages before it short; a state is
// kept for each carry, but only as many as the longest note of a flow can
// leave, so a flow of short notes pays nothing for it.
const (
	splitNoteMin = 2
	maxNoteCarry = 30
)

// Item is what the page breaker reads of one entry of a part's flow.
type Item struct {
	Space bool // vertical space: dropped at the head and foot of a page
	Slots int  // grid lines taken

	Para      int  // serial number of the paragraph within the part, -1 for none
	LineNo    int  // index of the line within its paragraph
	LineCount int  // lines in the paragraph
	Keep      bool // no page break after this item
	Whole     bool // with Keep: the item and the next are parts of a block never parted (costWhole)
	Hyphen    bool // the line ends with an inserted hyphen

	Notes       int // lines of the footnotes referenced from the item
	LastNote    int // lines of the last of them, -1 for none
	LongestNote int // lines of the longest of them
	// NoteHyphens has bit k set when line k of the last note ends with a
	// hyphen: a note split there sends the reader over the leaf mid-word.
	NoteHyphens uint64
	Head        int // grid lines set before the item when a page begins with it
}

// Span is one page's share of a flow: items[From:To], and the grid lines
// its content fills.
type Span struct {
	From, To int
	Height   int
	// Carry is how many lines of footnotes the page could not hold: the
	// tail of its last note, continued at the foot of the next page
	// before that page's own notes (Chicago 14.26; TeX splits footnotes
	// the same way, \interfootnotelinepenalty).
	Carry int
}

// BreakCost is the cost of ending a page just before items[b] (b > 0); it
// reports whether the break makes a widow or an orphan, or parts a heading
// from what follows.
func BreakCost(items []Item, b int) (cost int, widow, orphan, kept bool) {
	if b >= len(items) {
		return 0, false, false, false
	}
	prev := -1
	for i := b - 1; i >= 0; i-- {
		if !items[i].Space {
			prev = i
			break
		}
	}
	next := -1
	for i := b; i < len(items); i++ {
		if !items[i].Space {
			next = i
			break
		}
	}
	if prev < 0 || next < 0 {
		return 0, false, false, false
	}
	p, n := items[prev], items[next]
	if p.Keep {
		kept = true
		cost += costForbidden
		if p.Whole {
			cost += costWhole
		}
	}
	if p.Para >= 0 && p.Para == n.Para && p.LineCount >= 2 {
		if p.LineNo == 0 {
			orphan = true
			cost += costForbidden
		}
		if n.LineNo == n.LineCount-1 {
			widow = true
			cost += costForbidden
		}
	}
	if p.Hyphen {
		cost += costHyphen
	}
	return cost, widow, orphan, kept
}

// skipSpaces returns the first index at or after i that is not a space.
func skipSpaces(items []Item, i int) int {
	for i < len(items) && items[i].Space {
		i++
	}
	return i
}

// table is the page breaker's search over a flow: its tables of states and
// what it reads of the flow. Tables are kept for the next search (see
// tablePool), and a Pager keeps one to search a changed flow again from
// where it changed.
type table struct {
	items               []Item
	firstCap, cap       int
	firstRecto          bool
	noteArea            func(lines int) int
	n, hs, cs, w, start int
	// area[k] is the grid lines k lines of notes take; costs[b] the cost
	// of a break before item b; a page that ends at or after end ends the
	// part.
	area, costs []int
	end         int

	// best is the least cost of reaching each state, from the state it
	// was reached from and height the height of the page that reached it;
	// an int32 index is ample, since a part with 2³¹ states would need
	// tens of gigabytes for these arrays alone. from and height are read
	// only for reached states, so they need no clearing; best is cleared
	// as far as the search has looked (ready positions).
	best         []int
	from, height []int32
	ready        int
	// togo is the least cost of going on from each state to the end of
	// the part (see Pager), unreached for none.
	togo []int
	kept bool // setup kept the tables' memory, and what they held
	// reach[pos] is the furthest page end the search looked at from pos
	// (the item read last is reach-1), -1 when no state at pos was
	// reached: what a change at or after it can alter.
	reach []int32

	// The page that ends the part leads to no state: it is kept apart.
	finalCost, finalTo, finalHeight int
	finalFrom                       int32

	endsBy            [][]pageEnd
	envCost, envVerso []int
}

const unreached = math.MaxInt

// tablePool keeps tables for the next search: a book paginates every part,
// some many times, and tables of megabytes would otherwise be fresh
// memory, with its page faults and collections, each time.
var tablePool = sync.Pool{New: func() any { return new(table) }}

// setup readies t to search items, its tables sized but not cleared.
func (t *table) setup(items []Item, firstCap, lines int, firstRecto bool, noteArea func(lines int) int) {
	n := len(items)
	t.items, t.firstCap, t.cap, t.firstRecto, t.noteArea, t.n = items, firstCap, lines, firstRecto, noteArea, n
	// State: position (a break before items[pos]), whether the next page is
	// a recto, and if so the height of the verso it faces (+1, 0 for none),
	// and the footnote lines carried to it from the page before. Only a
	// verso is weighed against the page after it, so a state before a
	// verso needs no facing height: each position keeps cs states before a
	// verso (one per carry), then hs·cs before a recto (facing height,
	// carry), in the order the relaxation below visits them.
	t.hs = lines + 2
	// Only as many carries as the longest note can leave: a flow without
	// notes keeps the state space, and the time, it had without them.
	t.cs = 1
	allNotes := 0 // lines of notes in the whole flow
	for _, it := range items {
		if noteArea != nil && it.LongestNote > 0 {
			t.cs = max(t.cs, min(it.LongestNote-splitNoteMin, maxNoteCarry)+1)
		}
		allNotes += it.Notes
	}
	t.w = (1 + t.hs) * t.cs // states per position
	// area[k] is the grid lines k lines of notes take (none without
	// noteArea), looked up rather than computed again for every page
	// tried: a page holds at most the lines carried to it and all the
	// flow's notes.
	t.area = slices.Grow(t.area[:0], t.cs+allNotes)[:t.cs+allNotes]
	t.area[0] = 0
	for k := 1; k < len(t.area); k++ {
		if noteArea != nil {
			t.area[k] = noteArea(k)
		} else {
			t.area[k] = 0
		}
	}
	t.costs = slices.Grow(t.costs[:0], n+1)[:n+1]
	t.costs[0] = 0
	for b := 1; b <= n; b++ {
		t.costs[b], _, _, _ = BreakCost(items, b)
	}
	// A page that ends at or after end ends the part: only spaces follow.
	t.end = n
	for t.end > 0 && items[t.end-1].Space {
		t.end--
	}
	size := (n + 1) * t.w
	t.kept = cap(t.best) >= size && cap(t.from) >= size && cap(t.height) >= size
	t.best = slices.Grow(t.best[:0], size)[:size]
	t.from = slices.Grow(t.from[:0], size)[:size]
	t.height = slices.Grow(t.height[:0], size)[:size]
	t.reach = slices.Grow(t.reach[:0], n+1)[:n+1]
	t.start = t.beforeVerso(0, 0)
	if firstRecto {
		t.start = t.beforeRecto(0, 0, 0)
	}
	t.finalCost, t.finalFrom, t.finalTo, t.finalHeight = unreached, -1, 0, 0
	for len(t.endsBy) < t.cs {
		t.endsBy = append(t.endsBy, nil)
	}
	t.envCost = slices.Grow(t.envCost[:0], lines+1)[:lines+1]
	t.envVerso = slices.Grow(t.envVerso[:0], lines+1)[:lines+1]
}

func (t *table) beforeVerso(pos, carry int) int { return pos*t.w + carry }
func (t *table) beforeRecto(pos, verso, carry int) int {
	return pos*t.w + t.cs + verso*t.cs + carry
}
func (t *table) posOf(i int32) int   { return int(i) / t.w }
func (t *table) carryOf(i int32) int { return int(i) % t.w % t.cs }

// versoOf is the facing height of a state before a recto.
func (t *table) versoOf(i int32) int { return (int(i)%t.w - t.cs) / t.cs }

// clearTo marks every state at positions up to pos unreached that the
// search has not yet looked at.
func (t *table) clearTo(pos int) {
	if pos < t.ready {
		return
	}
	clear := t.best[t.ready*t.w : (pos+1)*t.w]
	for i := range clear {
		clear[i] = unreached
	}
	t.ready = pos + 1
}

// search paginates the whole flow.
func (t *table) search() {
	t.ready = 0
	t.clearTo(0)
	t.best[t.start] = 0
	for pos := 0; pos < t.n; pos++ {
		t.step(pos, 0)
	}
}

// reachFinal offers the final page, from state src to b, h high, at cost.
func (t *table) reachFinal(cost int, src int, b, h int) {
	if cost < t.finalCost {
		t.finalCost, t.finalFrom, t.finalTo, t.finalHeight = cost, int32(src), b, h
	}
}

// step relaxes the states at pos, all of which have been reached that
// will be, by the pages that start there and end at or after item minB.
func (t *table) step(pos, minB int) {
	n, cs, hs, cap := t.n, t.cs, t.hs, t.cap
	best, from, height := t.best, t.from, t.height
	pageCap := cap
	if pos == 0 {
		pageCap = t.firstCap
	}
	t.clearTo(pos)
	// The breaks that can end a page starting at pos depend on pos and
	// the notes carried in, not on the side or the facing verso: list them
	// once, with the cost of everything but the balance against the verso,
	// then relax every state reached at pos with that carry.
	anyLast := false
	reach, furthest := -1, pos
	for carry := 0; carry < cs; carry++ {
		t.endsBy[carry] = t.endsBy[carry][:0]
		reached := best[t.beforeVerso(pos, carry)] != unreached
		for verso := 0; verso < hs && !reached; verso++ {
			reached = best[t.beforeRecto(pos, verso, carry)] != unreached
		}
		if !reached {
			continue
		}
		ends, scanned := pageEnds(t.endsBy[carry], t.items, t.costs, t.area, pos, carry, pageCap, cs, t.end)
		reach = max(reach, scanned)
		k := 0
		for k < len(ends) && ends[k].b < minB {
			k++
		}
		t.endsBy[carry] = ends // kept whole, for its memory
		ends = ends[k:]
		if len(ends) > 0 {
			furthest = max(furthest, ends[len(ends)-1].b)
		}
		anyLast = anyLast || len(lastEnds(ends)) > 0
	}
	t.reach[pos] = int32(reach)
	t.clearTo(min(furthest, n))
	endsOf := func(carry int) []pageEnd {
		ends := t.endsBy[carry]
		if minB > 0 {
			k := 0
			for k < len(ends) && ends[k].b < minB {
				k++
			}
			ends = ends[k:]
		}
		return ends
	}

	// Ties between equal costs must go as they always have: to the
	// first path found when the states at pos are visited before a
	// verso, then before a recto by facing height, then by carry, and
	// each state's breaks in order. A state before a verso reaches
	// states before a recto and the other way round, so the two kinds
	// can be relaxed apart, and only the final state is reached from
	// both: its updates are made in that order.
	for carry := 0; carry < cs; carry++ {
		c := best[t.beforeVerso(pos, carry)]
		if c == unreached {
			continue
		}
		src := t.beforeVerso(pos, carry)
		for _, cd := range endsOf(carry) {
			cost := c + cd.cost
			if cd.last {
				t.reachFinal(cost, src, cd.b, cd.h)
				continue
			}
			verso := 0
			if cd.h+1 < hs {
				verso = cd.h + 1
			}
			if tg := t.beforeRecto(cd.b, verso, cd.out); cost < best[tg] {
				best[tg], from[tg], height[tg] = cost, int32(src), int32(cd.h)
			}
		}
	}
	if anyLast {
		// A recto that ends the part is not weighed against its verso.
		for verso := 0; verso < hs; verso++ {
			for carry := 0; carry < cs; carry++ {
				src := t.beforeRecto(pos, verso, carry)
				if best[src] == unreached {
					continue
				}
				for _, cd := range lastEnds(endsOf(carry)) {
					t.reachFinal(best[src]+cd.cost, src, cd.b, cd.h)
				}
			}
		}
	}

	// From the states before a recto, every facing height competes
	// for the same next state, and only the balance term depends on
	// it: costImbalance per line of difference between the verso's
	// height and the recto's (none for no verso, as at the part's
	// first position, where only the starting state is). So, per
	// carry, find for every recto height h the cheapest facing height,
	// min over v of best[v] + costImbalance·|v-h|, the lower envelope
	// of cones, in two sweeps over the heights (the L1 distance
	// transform: Felzenszwalb & Huttenlocher, "Distance Transforms of
	// Sampled Functions", 2012), rather than try every facing height
	// with every break. On equal costs the lower facing height wins,
	// as it was visited first.
	const k = costImbalance
	envCost, envVerso := t.envCost, t.envVerso
	for carry := 0; carry < cs; carry++ {
		ends := endsOf(carry)
		if len(ends) == 0 {
			continue
		}
		noVerso := best[t.beforeRecto(pos, 0, carry)]
		facing := false
		for verso := 1; verso < hs && !facing; verso++ {
			facing = best[t.beforeRecto(pos, verso, carry)] != unreached
		}
		if noVerso == unreached && !facing {
			continue
		}
		if facing {
			// Facing heights at or below h, then above h; verso v is
			// a facing page v-1 lines high.
			ec, ev := unreached, 0
			for h := 0; h <= cap; h++ {
				if ec != unreached {
					ec += k
				}
				if c := best[t.beforeRecto(pos, h+1, carry)]; c < ec {
					ec, ev = c, h+1
				}
				envCost[h], envVerso[h] = ec, ev
			}
			ec, ev = unreached, 0
			for h := cap; h >= 0; h-- {
				if ec != unreached {
					ec += k
				}
				if c := best[t.beforeRecto(pos, h+1, carry)]; c <= ec {
					ec, ev = c, h+1
				}
				if ec < envCost[h] {
					envCost[h], envVerso[h] = ec, ev
				}
			}
		}
		for _, cd := range ends {
			if cd.last {
				continue
			}
			c, verso := noVerso, 0
			if facing {
				ec, ev := envCost[min(cd.h, cap)], envVerso[min(cd.h, cap)]
				if cd.h > cap && ec != unreached {
					ec += k * (cd.h - cap) // every facing page is lower
				}
				if ec < c {
					c, verso = ec, ev
				}
			}
			if c == unreached {
				continue
			}
			cost := c + cd.cost
			// Of two paths from this position of the same cost, the
			// one from the lower facing height was visited first and
			// keeps the state; of the same facing height, the one
			// from the lower carry, which was relaxed first.
			tg := t.beforeVerso(cd.b, cd.out)
			if cost < best[tg] || cost == best[tg] && t.posOf(from[tg]) == pos && t.versoOf(from[tg]) > verso {
				best[tg], from[tg], height[tg] = cost, int32(t.beforeRecto(pos, verso, carry)), int32(cd.h)
			}
		}
	}
}

// spans walks back from the final state to the pages found.
func (t *table) spans() []Span {
	spans := []Span{{From: t.posOf(t.finalFrom), To: t.finalTo, Height: t.finalHeight}}
	for cur := t.finalFrom; int(cur) != t.start; cur = t.from[cur] {
		prev := t.from[cur]
		spans = append(spans, Span{From: t.posOf(prev), To: t.posOf(cur), Height: int(t.height[cur]), Carry: t.carryOf(cur)})
	}
	return finishSpans(t.items, spans)
}

// Paginate cuts a part's flow into pages. The first page holds firstCap
// grid lines (less than cap when a heading is sunk on it), the others cap.
// firstRecto says whether the first page is a right-hand page; the height
// of a verso is weighed against that of the recto facing it, except when
// the recto ends the part. The result always covers every item: when the
// rules cannot all be kept the cheapest breach wins.
//
// noteArea converts a count of footnote lines into the grid lines their
// block takes at the page foot, separator included (nil: no notes). A
// page's height, for shortness and balance, counts its notes.
func Paginate(items []Item, firstCap, cap int, firstRecto bool, noteArea func(lines int) int) []Span {
	n := len(items)
	if n == 0 || skipSpaces(items, 0) == n {
		return []Span{{From: 0, To: n}}
	}
	t := tablePool.Get().(*table)
	defer tablePool.Put(t)
	t.setup(items, firstCap, cap, firstRecto, noteArea)
	t.search()
	spans := t.spans()
	t.items, t.noteArea = nil, nil
	return spans
}

// finishSpans puts the pages found walking back from the end of a flow in
// reading order, and moves each page's start past the spaces that lead
// it: they belong to no page.
func finishSpans(items []Item, spans []Span) []Span {
	slices.Reverse(spans)
	for i := range spans {
		spans[i].From = skipSpaces(items, spans[i].From)
		if spans[i].From > spans[i].To {
			spans[i].From = spans[i].To
		}
	}
	return spans
}

// pageEnd is a break that can end a page: before items[b], the page
// h grid lines high, out lines of its notes carried to the next page, at
// cost, the balance against a facing verso apart; last if the page ends
// the part.
type pageEnd struct {
	b, h, out, cost int
	last            bool
}

// lastEnds returns the page ends of a list that end the part: they come
// last, as they are the ones furthest on.
func lastEnds(ends []pageEnd) []pageEnd {
	i := len(ends)
	for i > 0 && ends[i-1].last {
		i--
	}
	return ends[i:]
}

// pageEnds appends to ends, in order, the breaks that can end a page of
// pageCap grid lines that starts at pos with carry lines of notes carried
// to it; costs[b] is the cost of a break before item b, area[k] the grid
// lines k lines of notes take, cs the number of carries searched, and a
// page ending at or after end ends the part. It returns as well the
// furthest break it looked at: it read no item from that one on, and no
// break's cost beyond it.
func pageEnds(ends []pageEnd, items []Item, costs, area []int, pos, carry, pageCap, cs, end int) ([]pageEnd, int) {
	n := len(items)
	a := pos
	for a < n && items[a].Space {
		a++
	}
	used, h, noteLines, lastNote := 0, 0, carry, 0
	var lastHyphens uint64
	if a < n {
		used = items[a].Head
	}
	textH := 0
	for b := a + 1; b <= n; b++ {
		it := &items[b-1]
		used += it.Slots
		noteLines += it.Notes
		if it.LastNote >= 0 {
			lastNote, lastHyphens = it.LastNote, it.NoteHyphens
		}
		if !it.Space {
			textH = used
		}
		h = textH + area[noteLines]
		// The text and the notes carried in must fit. A page takes at
		// least one item even if it overflows, but not for notes carried
		// in: a page whose first line fits alone but not under them is
		// no page, and the page before must carry less.
		if textH+area[carry] > pageCap && (b > a+1 || carry > 0 && textH <= pageCap) {
			return ends, b
		}
		if it.Space && b < n {
			continue // break at the next line instead: the same page
		}
		// Notes that do not fit may leave the tail of the last one for
		// the next page. The page's first item is taken whatever it
		// holds: overfull, when its notes cannot be split, and overfull
		// as well as split when they can, since the page after a split
		// may not be made (its own first line will not fit under the
		// notes carried to it), and a page must be found.
		overfull := b == a+1
		if h > pageCap {
			// Carrying cs lines or more is ruled out below however few
			// fit, so stop looking there.
			keep := noteLines
			for keep > carry && keep > noteLines-cs && textH+area[keep] > pageCap {
				keep--
			}
			out := noteLines - keep
			if textH+area[keep] <= pageCap && lastNote-out >= splitNoteMin && out <= maxNoteCarry && out < cs {
				ends = appendEnd(ends, costs[b], pos, b, textH+area[keep], out, lastNote, lastHyphens, pageCap, end)
			}
		} else {
			ends = appendEnd(ends, costs[b], pos, b, h, 0, lastNote, lastHyphens, pageCap, end)
			overfull = false
		}
		if overfull {
			ends = appendEnd(ends, costs[b], pos, b, h, 0, lastNote, lastHyphens, pageCap, end)
		}
	}
	return ends, n
}

// appendEnd appends to ends the page end before items[b] of a page that
// starts at pos, h grid lines high, carrying out lines of its last note
// (lastNote lines, with hyphens at lastHyphens' bits) to the next page, at
// the cost of the break (breakCost) and the page's fill; a page ending at
// or after end ends the part, and carries nothing.
func appendEnd(ends []pageEnd, breakCost, pos, b, h, out, lastNote int, lastHyphens uint64, pageCap, end int) []pageEnd {
	cost := breakCost
	if out > 0 {
		cost += costSplitNote
		// A note split after a hyphenated line: TeX's \brokenpenalty
		// holds for the notes' page turn as for the text's.
		if k := lastNote - out - 1; k >= 0 && k < 64 && lastHyphens&(1<<k) != 0 {
			cost += costNoteHyphen
		}
	}
	last := b >= end
	if last && out > 0 {
		return ends // no next page in the part to carry to
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
	return append(ends, pageEnd{b, h, out, cost, last})
}

// Faults counts the widows and orphans left at the breaks between spans.
func Faults(items []Item, spans []Span) (widows, orphans int) {
	for i := 0; i+1 < len(spans); i++ {
		_, w, o, _ := BreakCost(items, spans[i].To)
		if w {
			widows++
		}
		if o {
			orphans++
		}
	}
	return widows, orphans
}
