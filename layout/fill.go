package layout

import (
	"slices"

	"github.com/bindery-editions/bindery/layout/linebreak"
)

// Flush bottom. Every page of a part but its last ends on the text block's
// last line, as TeX's \flushbottom has it; on a baseline grid the space
// between paragraphs cannot stretch, so a page that the rules would leave
// short (a widow or orphan avoided, a heading kept with its text, a note
// that will not split) is filled by setting a paragraph on or near it a
// line longer or shorter: TeX's \looseness, the compositor's way of
// making a page (Bringhurst 2.2.2 asks the same of a book set on a grid).
// Only justified prose may vary, within linebreak.Setter.LooseTolerance.

// paraSource is what a paragraph of a flow was set from, to set it again.
type paraSource struct {
	blk   *Block
	spans []Span
	st    paraStyle
}

// variation is a paragraph of a flow set with a looseness.
type variation struct {
	para, looseness int
}

// Bounds of the search: the candidates tried for one short page, and the
// tries for a part.
const (
	fillCandidates = 8
	fillTries      = 64
)

// fillPages returns part i's flow with paragraphs set looser or tighter so
// that as few pages as can be end short. It searches page by page, from
// the first short one, among the paragraphs on it and on its neighbours,
// keeping a change only when it leaves fewer short pages.
func (b *book) fillPages(i int, flow []flowItem) []flowItem {
	src := b.paraSrc[i]
	if len(src) == 0 {
		return flow
	}
	_, start := b.composeHeading(&b.doc.Parts[i])
	firstCap := b.g.lines - start
	key := ""
	if b.breaks != nil {
		key = b.pageBreakKey(flow, firstCap, true)
		if vs, ok := b.breaks.getFills(key); ok {
			for _, v := range vs {
				flow = b.vary(flow, v, src[v.para])
			}
			return flow
		}
	}
	var done []variation
	spans := paginate(flow, firstCap, b.g.lines, true, b.noteArea)
	short := shortSpans(spans, firstCap, b.g.lines)
	attempt, tries := 0, 0
	for attempt < len(short) && tries < fillTries {
		improved := false
		for _, v := range candidates(flow, spans, short[attempt], src) {
			tries++
			f2 := b.vary(flow, v, src[v.para])
			if f2 == nil {
				continue
			}
			sp2 := paginate(f2, firstCap, b.g.lines, true, b.noteArea)
			if sh2 := shortSpans(sp2, firstCap, b.g.lines); len(sh2) < len(short) {
				flow, spans, short = f2, sp2, sh2
				done = append(done, v)
				delete(src, v.para) // a paragraph varies once
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
	}
	return flow
}

// shortSpans returns the pages of a part, but its last, whose content
// (notes included) does not reach the last grid line.
func shortSpans(spans []pageSpan, firstCap, cap int) []int {
	var out []int
	for k := 0; k+1 < len(spans); k++ {
		c := cap
		if k == 0 {
			c = firstCap
		}
		if spans[k].height < c {
			out = append(out, k)
		}
	}
	return out
}

// candidates lists the changes to try for short page s: a line more or a
// line fewer for each paragraph that may vary on the page, then on the
// page before and the page after, longer paragraphs first (a line's
// difference shows least in them).
func candidates(flow []flowItem, spans []pageSpan, s int, src map[int]paraSource) []variation {
	var out []variation
	seen := map[int]bool{}
	for _, k := range []int{s, s - 1, s + 1} {
		if k < 0 || k >= len(spans) {
			continue
		}
		var paras []int
		for j := spans[k].from; j < spans[k].to; j++ {
			p := flow[j].para
			if _, ok := src[p]; ok && !seen[p] && flow[j].kind == itemLine {
				seen[p] = true
				paras = append(paras, p)
			}
		}
		slices.SortStableFunc(paras, func(x, y int) int { return lineCount(flow, y) - lineCount(flow, x) })
		for _, p := range paras {
			out = append(out, variation{p, 1}, variation{p, -1})
		}
	}
	if len(out) > fillCandidates {
		out = out[:fillCandidates]
	}
	return out
}

// lineCount returns the lines of paragraph para in flow.
func lineCount(flow []flowItem, para int) int {
	for _, it := range flow {
		if it.para == para {
			return it.lineCount
		}
	}
	return 0
}

// vary returns flow with paragraph v.para set with v's looseness, its
// notes carried to the lines that now refer to them, or nil when no
// setting within the tolerance has that many lines.
func (b *book) vary(flow []flowItem, v variation, src paraSource) []flowItem {
	lo := slices.IndexFunc(flow, func(it flowItem) bool { return it.para == v.para })
	if lo < 0 || src.blk == nil {
		return nil
	}
	hi := lo
	for hi < len(flow) && flow[hi].para == v.para {
		hi++
	}
	st := src.st
	st.looseness = v.looseness
	items := b.setBlock(src.blk, src.spans, st, v.para)
	if len(items) == 0 {
		return nil
	}
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
