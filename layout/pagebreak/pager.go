package pagebreak

import "slices"

// A Pager paginates a flow, then the same flow with a paragraph or a note
// set anew, many times over: layout's search for pages left short tries a
// line more or fewer here and there, and keeps what fills a page. Each
// try gives the pages Paginate would give, ties between equal costs
// included, but searches in full only about the change.
//
// Before the change. The search is forward: the states at a position are
// final once every page that ends there has been relaxed, and a page reads
// only the items it holds and the cost of the break that ends it
// (BreakCost reads the lines either side of a break). So the states up to
// the last line before the first item changed are those of the flow as it
// was, and are copied; the pages from them that reach that line or beyond
// are relaxed again, for the states from there on only, before the search
// goes on.
//
// After the change. The items after it are those of the flow as it was,
// shifted by the lines gained or lost, and so is the least cost of going
// on from a state there to the end of the part: the Pager keeps it for the
// flow as it was (togo, found backward as the search finds costs forward).
// Once the search has passed the change, every page that starts before a
// position cut and ends at or after it has been relaxed, and the least
// cost of the whole part is the least, over the states so reached, of
// their cost plus their cost to go (or a page that ends the part before
// cut). A state whose cost and cost to go add up to more can be on no page
// break of least cost, and nothing it relaxes decides a state that is:
// a page from it costs more than the least cost of the state it reaches,
// and ties only ever hold between paths of equal cost. So the search goes
// on from cut with only the states on paths of least cost, in the order
// and with the tie rules of table.step, and finds the same pages.

// Pager paginates a flow and changed versions of it (see above).
type Pager struct {
	base, trial *table
	// clean is how many positions of the trial's tables hold what the
	// base's do.
	clean int
	// What the last Try left for Accept: the first position it searched,
	// and the one it searched in full up to (the trial's table holds the
	// search up to there).
	k, cut int
	// sparse says the last Try searched beyond cut only the paths of
	// least cost.
	sparse bool
	// Buffers of the search beyond cut.
	on    map[int32]onPath
	queue []int32
	ends  [][]pageEnd
}

// onPath is a state on a path of least cost beyond the cut, and the state
// it was reached from and the height of the page that reached it.
type onPath struct {
	from, height int32
}

// NewPager paginates items as Paginate does, and keeps its tables for
// Try.
func NewPager(items []Item, firstCap, cap int, firstRecto bool, noteArea func(lines int) int) (*Pager, []Span) {
	p := &Pager{base: tablePool.Get().(*table), trial: tablePool.Get().(*table), on: map[int32]onPath{}}
	t := p.base
	t.setup(items, firstCap, cap, firstRecto, noteArea)
	if degenerate(items) {
		return p, []Span{{From: 0, To: len(items)}}
	}
	t.search()
	size := (t.n + 1) * t.w
	t.togo = slices.Grow(t.togo[:0], size)[:size]
	t.back(t.n)
	return p, t.spans()
}

// degenerate says whether a flow has nothing to paginate but spaces.
func degenerate(items []Item) bool {
	return len(items) == 0 || skipSpaces(items, 0) == len(items)
}

// Close gives back the Pager's tables; it is not to be used again.
func (p *Pager) Close() {
	for _, t := range []*table{p.base, p.trial} {
		t.items, t.noteArea = nil, nil
		tablePool.Put(t)
	}
	p.base, p.trial = nil, nil
}

// Try returns the pages of items, the flow of the last NewPager or
// Accept changed, as Paginate would cut them.
func (p *Pager) Try(items []Item) []Span {
	a, t := p.base, p.trial
	p.sparse = false
	t.setup(items, a.firstCap, a.cap, a.firstRecto, a.noteArea)
	p.k, p.cut = 0, t.n
	if !t.kept {
		p.clean = 0
	}
	if degenerate(items) {
		p.clean = 0
		return []Span{{From: 0, To: len(items)}}
	}
	if degenerate(a.items) || t.w != a.w {
		t.search()
		p.clean = 0
		return t.spans()
	}
	nA, nB, w := a.n, t.n, t.w
	lo := 0
	for lo < nA && lo < nB && a.items[lo] == items[lo] {
		lo++
	}
	// k: the position after the last line before the change. The states
	// there and before are the base's.
	k := lo
	for k > 0 && items[k-1].Space {
		k--
	}
	p.k = k
	if k == 0 {
		t.ready = 0
		t.clearTo(0)
		t.best[t.start] = 0
	} else {
		if p.clean < k {
			from, to := p.clean*w, k*w
			copy(t.best[from:to], a.best[from:to])
			copy(t.from[from:to], a.from[from:to])
			copy(t.height[from:to], a.height[from:to])
		}
		copy(t.reach[:k], a.reach[:k])
		t.ready = k
	}
	p.clean = k
	// The pages from before k that reach it are relaxed again, in order,
	// for the states from k on: whether a page's search reaches k is told
	// by items before the change.
	for pos := range k {
		if int(a.reach[pos]) >= k {
			t.step(pos, k)
		}
	}
	// After the change: the items from nB-m on are the base's from nA-m
	// on, and a page that starts at or after their first line, tb, is
	// found the same in both, as is the cost of going on from there.
	m := 0
	for m < nA-lo && m < nB-lo && a.items[nA-1-m] == items[nB-1-m] {
		m++
	}
	shift := nB - nA
	cut := max(k, skipSpaces(items, nB-m), 1, 1+shift)
	if cut >= nB {
		for pos := k; pos < nB; pos++ {
			t.step(pos, 0)
		}
		return t.spans()
	}
	for pos := k; pos < cut; pos++ {
		t.step(pos, 0)
	}
	p.cut = cut
	// The least cost of the part: every path ends before cut, or reaches
	// a state at or after it by a page from before it.
	least := t.finalCost
	reached := min(t.ready, nB+1)
	dw := shift * w
	for i := cut * w; i < reached*w; i++ {
		if c, g := t.best[i], a.togo[i-dw]; c != unreached && g != unreached {
			least = min(least, c+g)
		}
	}
	if least == unreached {
		for pos := cut; pos < nB; pos++ {
			t.step(pos, 0)
		}
		p.cut = nB
		return t.spans()
	}
	p.sparse = true
	return p.leastPaths(least, reached)
}

// leastPaths goes on with the search of a try from its cut with only the
// states on paths of least cost (least), those reached before the cut
// among them, and returns the pages.
func (p *Pager) leastPaths(least, reached int) []Span {
	a, t := p.base, p.trial
	w, cs, hs, cap := t.w, t.cs, t.hs, t.cap
	dw := (t.n - a.n) * w
	togo := func(s int) int { return a.togo[s-dw] }
	clear(p.on)
	p.queue = p.queue[:0]
	for i := p.cut * w; i < reached*w; i++ {
		if c, g := t.best[i], togo(i); c != unreached && g != unreached && c+g == least {
			p.on[int32(i)] = onPath{t.from[i], t.height[i]}
			p.queue = append(p.queue, int32(i))
		}
	}
	costOf := func(s int32) int { return least - togo(int(s)) }
	// reach records the page from src to state tg at cost when it lies on
	// a path of least cost: first come, as table.step's strict
	// comparisons keep, or better by step's rule for ties (replace).
	reach := func(tg int, cost int, src int32, h int, replace func(old onPath) bool) {
		if g := togo(tg); g == unreached || cost+g != least {
			return
		}
		old, ok := p.on[int32(tg)]
		if !ok {
			p.queue = append(p.queue, int32(tg))
		}
		if !ok || replace(old) {
			p.on[int32(tg)] = onPath{src, int32(h)}
		}
	}
	finalFound := t.finalCost == least
	final := func(cost int, src int32, b, h int) {
		if !finalFound && cost == least {
			finalFound = true
			t.finalCost, t.finalFrom, t.finalTo, t.finalHeight = cost, src, b, h
		}
	}
	for len(p.queue) > 0 {
		// The states at the first position left, in the order step visits
		// them: every page reaches further on.
		slices.Sort(p.queue)
		pos := t.posOf(p.queue[0])
		j := 0
		for j < len(p.queue) && t.posOf(p.queue[j]) == pos {
			j++
		}
		at := slices.Clone(p.queue[:j])
		p.queue = slices.Delete(p.queue, 0, j)
		for len(p.ends) < cs {
			p.ends = append(p.ends, nil)
		}
		listed := make([]bool, cs)
		endsOf := func(carry int) []pageEnd {
			if !listed[carry] {
				listed[carry] = true
				p.ends[carry], _ = pageEnds(p.ends[carry][:0], t.items, t.costs, t.area, pos, carry, cap, cs, t.end)
			}
			return p.ends[carry]
		}
		// Before a verso, by carry.
		for _, s := range at {
			if int(s)-pos*w >= cs {
				break
			}
			carry := t.carryOf(s)
			c := costOf(s)
			for _, cd := range endsOf(carry) {
				cost := c + cd.cost
				if cd.last {
					final(cost, s, cd.b, cd.h)
					continue
				}
				verso := 0
				if cd.h+1 < hs {
					verso = cd.h + 1
				}
				reach(t.beforeRecto(cd.b, verso, cd.out), cost, s, cd.h, func(onPath) bool { return false })
			}
		}
		// Before a recto, by facing height and carry, to the end of the
		// part.
		for _, s := range at {
			if int(s)-pos*w < cs {
				continue
			}
			c := costOf(s)
			for _, cd := range lastEnds(endsOf(t.carryOf(s))) {
				final(c+cd.cost, s, cd.b, cd.h)
			}
		}
		// Before a recto, by carry, to the states before a verso: the
		// cheapest facing height for each page, the lowest of equal ones,
		// no facing page before any.
		for carry := range cs {
			var versos []int32
			for _, s := range at {
				if int(s)-pos*w >= cs && t.carryOf(s) == carry {
					versos = append(versos, s)
				}
			}
			if len(versos) == 0 {
				continue
			}
			for _, cd := range endsOf(carry) {
				if cd.last {
					continue
				}
				c, verso := unreached, 0
				ec, ev := unreached, 0
				for _, s := range versos {
					v := t.versoOf(s)
					if v == 0 {
						c = costOf(s)
						continue
					}
					d := v - 1 - cd.h
					if d < 0 {
						d = -d
					}
					if e := costOf(s) + costImbalance*d; e < ec {
						ec, ev = e, v
					}
				}
				if ec < c {
					c, verso = ec, ev
				}
				if c == unreached {
					continue
				}
				src := int32(t.beforeRecto(pos, verso, carry))
				reach(t.beforeVerso(cd.b, cd.out), c+cd.cost, src, cd.h, func(old onPath) bool {
					return t.posOf(old.from) == pos && t.versoOf(old.from) > verso
				})
			}
		}
	}
	// Walk back from the final state, through the states on paths of
	// least cost, then the trial's tables before the cut.
	spans := []Span{{From: t.posOf(t.finalFrom), To: t.finalTo, Height: t.finalHeight}}
	for cur := t.finalFrom; int(cur) != t.start; {
		var prev int32
		var h int
		if t.posOf(cur) >= p.cut {
			o := p.on[cur]
			prev, h = o.from, int(o.height)
		} else {
			prev, h = t.from[cur], int(t.height[cur])
		}
		spans = append(spans, Span{From: t.posOf(prev), To: t.posOf(cur), Height: h, Carry: t.carryOf(cur)})
		cur = prev
	}
	return finishSpans(t.items, spans)
}

// Accept makes the flow of the last Try the one later tries change.
func (p *Pager) Accept() {
	a, t := p.base, p.trial
	if !degenerate(t.items) {
		// The search beyond the cut was of the paths of least cost
		// alone: the tables are searched in full from there. The cost to
		// go from the cut on is the base's, shifted; before it, it is
		// found anew.
		for pos := p.cut; pos < t.n; pos++ {
			t.step(pos, 0)
		}
		size := (t.n + 1) * t.w
		t.togo = slices.Grow(t.togo[:0], size)[:size]
		from := t.n
		if p.cut < t.n && t.w == a.w && !degenerate(a.items) {
			from = p.cut
			dw := (t.n - a.n) * t.w
			copy(t.togo[from*t.w:], a.togo[from*t.w-dw:])
		}
		t.back(from)
	}
	p.base, p.trial = t, a
	// The new base's tables hold the old one's before the position the
	// try began at.
	p.clean = min(p.clean, p.k)
	p.sparse = false
}

// back finds the least cost of going on from every state to the end of
// the part, backward through the flow: from a state before a verso, the
// least over the pages that start there of their cost and the cost to go
// from the state before a recto they reach; from one before a recto, the
// same with the balance against its facing height, found for every facing
// height in two sweeps as step finds the cheapest facing height for every
// page (the L1 distance transform). It finds it for the positions before
// to, those from to on found already; togo is sized.
func (t *table) back(to int) {
	n, w, cs, hs, cap := t.n, t.w, t.cs, t.hs, t.cap
	g := t.togo
	if to == n {
		for i := n * w; i < (n+1)*w; i++ {
			g[i] = unreached // no page starts after the last item
		}
	}
	add := func(a, b int) int {
		if a == unreached || b == unreached {
			return unreached
		}
		return a + b
	}
	const k = costImbalance
	near := make([]int, cap+1) // the least over pages of height h (at most cap)
	for pos := to - 1; pos >= 0; pos-- {
		pageCap := cap
		if pos == 0 {
			pageCap = t.firstCap
		}
		for carry := range cs {
			ends, _ := pageEnds(t.endsBy[carry][:0], t.items, t.costs, t.area, pos, carry, pageCap, cs, t.end)
			t.endsBy[carry] = ends
			gv, last, noVerso := unreached, unreached, unreached
			for h := range near {
				near[h] = unreached
			}
			for _, cd := range ends {
				if cd.last {
					gv = min(gv, cd.cost)
					last = min(last, cd.cost)
					continue
				}
				verso := 0
				if cd.h+1 < hs {
					verso = cd.h + 1
				}
				gv = min(gv, add(cd.cost, g[t.beforeRecto(cd.b, verso, cd.out)]))
				c := add(cd.cost, g[t.beforeVerso(cd.b, cd.out)])
				noVerso = min(noVerso, c)
				if cd.h > cap {
					c = add(c, k*(cd.h-cap)) // every facing page is lower
				}
				near[min(cd.h, cap)] = min(near[min(cd.h, cap)], c)
			}
			g[t.beforeVerso(pos, carry)] = gv
			g[t.beforeRecto(pos, 0, carry)] = min(last, noVerso)
			// Facing verso v is v-1 lines high: the least over page
			// heights h of near[h] + k·|v-1-h|, pages no higher, then
			// higher.
			ec := unreached
			for h := 0; h <= cap; h++ {
				ec = min(add(ec, k), near[h])
				g[t.beforeRecto(pos, h+1, carry)] = ec
			}
			ec = unreached
			for h := cap; h >= 0; h-- {
				ec = min(add(ec, k), near[h])
				i := t.beforeRecto(pos, h+1, carry)
				g[i] = min(g[i], ec, last)
			}
		}
	}
}
