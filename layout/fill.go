package layout

import (
	"slices"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagebreak"
)

// Flush bottom. Every page of a part but its last ends on the text block's
// last line, as TeX's \flushbottom has it; on a baseline grid the space
// between paragraphs cannot stretch, so a page that the rules would leave
// short (a widow or orphan avoided, a heading kept with its text, a note
// that will not fit or split) is filled by setting a paragraph or a note on
// or near it a line longer or shorter: TeX's \looseness, the compositor's
// way of making a page (Bringhurst 2.2.2 asks the same of a book set on a
// grid). Running text, notes and the entries of lists and bibliographies
// may vary: every candidate is tried first within the Tolerance of any
// paragraph (linebreak.ParagraphSpec.Strict), and only then within
// linebreak.Setter.LooseTolerance, so that the line a page needs is taken
// where it shows least. Trying them in the order found, one at the
// LooseTolerance, set Zola's "La Vérité en marche" with 23 lines whose
// word spaces are half as wide again as their width (typo-stats' loose
// lines), and 15 when tried strict first, with as many pages short.

// paraSource is what a paragraph was set from, to set it again.
type paraSource struct {
	blk   *document.Block
	spans []document.Span
	st    paraStyle
}

// partSources are what a part's paragraphs that may vary were set from:
// its justified paragraphs by serial number, and its footnotes' paragraphs
// by note.
type partSources struct {
	paras map[int]paraSource
	notes map[string][]paraSource
}

// variation is a paragraph of a flow, or a footnote, set with a looseness.
type variation struct {
	para      int
	note      string // the footnote, when not empty
	looseness int
	// strict keeps the paragraph's lines within the tolerance of any
	// paragraph (linebreak.ParagraphSpec.Strict).
	strict bool
}

// Bounds of the search: the changes tried for one short page (those that
// can be set: a paragraph of long words or addresses often has no setting
// a line longer or shorter, and is passed over without counting), and
// the paginations tried for a part, so many for each page short at first.
const (
	fillCandidates   = 12
	fillTriesPerPage = 24
	fillTriesMin     = 32
)

// fillPages returns part i's flow with paragraphs and notes set looser or
// tighter so that as few pages as can be are left short. It searches page
// by page, from the first short one, among what is set on it and on its
// neighbours, keeping a change only when it leaves fewer short pages.
func (b *book) fillPages(i int, flow []flowItem) []flowItem {
	src := b.sources[i]
	if len(src.paras) == 0 && len(src.notes) == 0 {
		return flow
	}
	_, start := b.composeHeading(&b.doc.Parts[i])
	firstCap := b.g.Lines - start
	key := ""
	if b.breaks != nil {
		key = b.pageBreakKey(flow, firstCap, true)
		if vs, ok := b.breaks.getFills(key); ok {
			for _, v := range vs {
				flow = b.vary(flow, v, src)
			}
			return flow
		}
	}
	var done []variation
	tried := map[variation]bool{}
	// Each try is paginated in full only about its change, the pages
	// before it and the cost of those after it taken from the flow as it
	// stands (pagebreak.Pager): the same pages, found in a fraction of
	// the time.
	pager, spans := pagebreak.NewPager(pageItems(flow), firstCap, b.g.Lines, true, b.noteArea)
	defer pager.Close()
	short, missing := shortSpans(spans, firstCap, b.g.Lines)
	attempt, tries := 0, 0
	budget := max(fillTriesMin, fillTriesPerPage*len(short))
	for attempt < len(short) && tries < budget {
		improved := false
		settable := map[bool]int{} // changes that could be set, strict and loose
		for _, v := range candidates(flow, spans, short[attempt], src) {
			if tried[v] {
				continue
			}
			if tries == budget || settable[true] == fillCandidates && settable[false] == fillCandidates {
				break
			}
			if settable[v.strict] == fillCandidates {
				continue // as many of the kind tried as a page is given
			}
			f2 := b.vary(flow, v, src)
			if f2 == nil {
				tried[v] = true // it cannot be set so
				continue
			}
			settable[v.strict]++
			tries++
			sp2 := pager.Try(pageItems(f2))
			// Fewer short pages, or as many with fewer lines missing: a
			// page two lines short is filled by two changes, one at a time.
			if sh2, m2 := shortSpans(sp2, firstCap, b.g.Lines); len(sh2) < len(short) || len(sh2) == len(short) && m2 < missing {
				flow, spans, short, missing = f2, sp2, sh2, m2
				pager.Accept()
				done = append(done, v)
				// A paragraph or note varies once.
				for _, strict := range []bool{true, false} {
					tried[variation{v.para, v.note, 1, strict}], tried[variation{v.para, v.note, -1, strict}] = true, true
				}
				improved = true
				break
			}
		}
		if improved {
			attempt = 0
		} else {
			attempt++
		}
	}
	if b.breaks != nil {
		b.breaks.putFills(key, done)
		// The pages found for the flow as it stands are those paginate
		// would find again: keep them.
		b.breaks.put(b.pageBreakKey(flow, firstCap, true), spans)
	}
	return flow
}

// shortSpans returns the pages of a part, but its last, whose content
// (notes included) does not reach the last grid line, and the grid lines
// they leave empty in all.
func shortSpans(spans []pageSpan, firstCap, cap int) (short []int, missing int) {
	for k := 0; k+1 < len(spans); k++ {
		c := cap
		if k == 0 {
			c = firstCap
		}
		if spans[k].Height < c {
			short = append(short, k)
			missing += c - spans[k].Height
		}
	}
	return short, missing
}

// candidates lists the changes to try for short page s: a line more or a
// line fewer for each paragraph and note that may vary on the page, then
// on the page before and the page after, longer ones first (a line's
// difference shows least in them).
func candidates(flow []flowItem, spans []pageSpan, s int, src partSources) []variation {
	var out []variation
	seen := map[variation]bool{}
	for _, k := range []int{s, s - 1, s + 1, s - 2} {
		if k < 0 || k >= len(spans) {
			continue
		}
		type cand struct {
			v     variation
			lines int
		}
		var cs []cand
		for j := spans[k].From; j < spans[k].To; j++ {
			it := &flow[j]
			if _, ok := src.paras[it.para]; ok && it.kind == itemLine && !seen[variation{para: it.para}] {
				seen[variation{para: it.para}] = true
				cs = append(cs, cand{variation{para: it.para}, it.lineCount})
			}
			for _, fn := range it.notes {
				v := variation{para: -1, note: fn.blockID}
				if _, ok := src.notes[fn.blockID]; ok && !seen[v] {
					seen[v] = true
					cs = append(cs, cand{v, len(fn.lines)})
				}
			}
		}
		slices.SortStableFunc(cs, func(x, y cand) int { return y.lines - x.lines })
		for _, c := range cs {
			for _, loose := range []int{1, -1} {
				v := c.v
				v.looseness = loose
				out = append(out, v)
			}
		}
	}
	// Each first within the tolerance of any paragraph, so that a line
	// gained or lost does not show where another paragraph can take it;
	// then within LooseTolerance.
	both := make([]variation, 0, 2*len(out))
	for _, v := range out {
		v.strict = true
		both = append(both, v)
	}
	return append(both, out...)
}

// vary returns flow with v's paragraph or note set with v's looseness, or
// nil when no setting within the tolerance has that many lines.
func (b *book) vary(flow []flowItem, v variation, src partSources) []flowItem {
	if v.note != "" {
		return b.varyNote(flow, v, src.notes[v.note])
	}
	p, ok := src.paras[v.para]
	if !ok {
		return nil
	}
	lo := slices.IndexFunc(flow, func(it flowItem) bool { return it.para == v.para })
	if lo < 0 {
		return nil
	}
	hi := lo
	for hi < len(flow) && flow[hi].para == v.para {
		hi++
	}
	st := p.st
	st.looseness, st.bestLines, st.strict = v.looseness, flow[lo].lineCount, v.strict
	items := b.setBlock(p.blk, p.spans, st, v.para)
	if len(items) == 0 {
		return nil
	}
	// The notes go with the lines that now refer to them.
	var notes []*footnote
	for _, it := range flow[lo:hi] {
		notes = append(notes, it.notes...)
	}
	for _, fn := range notes {
		at := len(items) - 1
		for k := range items {
			if slices.ContainsFunc(items[k].line.Pieces, func(pc linebreak.Piece) bool { return pc.Link == "#"+fn.blockID }) {
				at = k
				break
			}
		}
		items[at].notes = append(items[at].notes, fn)
	}
	if flow[hi-1].keep {
		items[len(items)-1].keep = true
	}
	out := make([]flowItem, 0, len(flow)+len(items)-(hi-lo))
	out = append(out, flow[:lo]...)
	out = append(out, items...)
	return append(out, flow[hi:]...)
}

// varyNote returns flow with the note of v set anew, its longest
// paragraph with v's looseness, or nil when that cannot be.
func (b *book) varyNote(flow []flowItem, v variation, paras []paraSource) []flowItem {
	if len(paras) == 0 {
		return nil
	}
	longest := 0
	for k, p := range paras {
		if len(document.PlainText(p.spans)) > len(document.PlainText(paras[longest].spans)) {
			longest = k
		}
	}
	fn := &footnote{blockID: v.note}
	for k, p := range paras {
		st := p.st
		if k == longest {
			st.looseness, st.strict = v.looseness, v.strict
		}
		lines := b.setBlock(p.blk, p.spans, st, -1)
		if len(lines) == 0 {
			return nil
		}
		fn.lines = append(fn.lines, lines...)
	}
	out := slices.Clone(flow)
	found := false
	for j := range out {
		for k, old := range out[j].notes {
			if old.blockID == v.note {
				out[j].notes = slices.Clone(out[j].notes)
				out[j].notes[k] = fn
				found = true
			}
		}
	}
	if !found {
		return nil
	}
	return out
}
