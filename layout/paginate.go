package layout

import (
	"encoding/binary"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/unit"
)

// A part is set as a flow of items on the baseline grid, which
// layout/pagebreak cuts into pages by the costs it documents. The book's
// pages are its parts' pages in order, each part opening on a recto but
// the imprint, numbered in the front matter's roman and the body's arabic
// folios, each page with its notes at the foot.

// itemKind is what a flow item is.
type itemKind int

const (
	itemLine  itemKind = iota // a line of text
	itemSpace                 // vertical space: dropped at the head and foot of a page
)

// flowItem is one entry of a part's vertical flow.
type flowItem struct {
	kind  itemKind
	slots int // grid lines taken

	line linebreak.Line // for itemLine
	dy   unit.Length    // baseline shift from the item's first grid line (headings)
	// extra are runs drawn with the line that are not Pieces (list markers,
	// dot leaders, page numbers in the contents), placed from the text
	// block's left edge and the line's baseline.
	extra []drawing.GlyphRun
	links []drawing.LinkArea // relative to the text block and the line's baseline

	para      int // serial number of the paragraph within the part, -1 for none
	lineNo    int // index of the line within its paragraph
	lineCount int // lines in the paragraph
	keep      bool
	whole     bool // with keep: the item and the next are parts of a block never parted (a short table)
	// float marks the first item of a float: a figure, or a short table,
	// which may move to the head of the next page (floatFigures).
	float  bool
	hyphen bool // the line ends with an inserted hyphen

	blockID   string
	firstWord int // word index (see Words) the line begins in, -1 for none
	// countID is the key the line's words are counted under in
	// Result.Words when it is not blockID (a part's title).
	countID string

	mark *drawing.Bookmark // an outline entry at this line (subheadings)

	// notes are the footnotes referenced from this line: they go to the
	// foot of the page the line is set on.
	notes []*footnote

	// art is what the item draws besides its line, and what a page that
	// begins with it sets first (a table's header): see figure.go.
	art *art
}

// footnote is a note set for the foot of the page.
type footnote struct {
	blockID string
	lines   []flowItem // set small, on the notes' own leading
}

// pageSpan is one page's share of a flow (see pagebreak.Span).
type pageSpan = pagebreak.Span

// pageItems is what the page breaker reads of a flow.
func pageItems(flow []flowItem) []pagebreak.Item {
	out := make([]pagebreak.Item, len(flow))
	for i := range flow {
		it := &flow[i]
		f := pagebreak.Item{Space: it.kind == itemSpace, Slots: it.slots, Para: it.para, LineNo: it.lineNo,
			LineCount: it.lineCount, Keep: it.keep, Whole: it.whole, Hyphen: it.hyphen, LastNote: -1, Head: it.art.headSlots()}
		for _, fn := range it.notes {
			f.Notes += len(fn.lines)
			f.LastNote = len(fn.lines)
			f.LongestNote = max(f.LongestNote, len(fn.lines))
			f.NoteHyphens = 0
			for k := range min(len(fn.lines), 64) {
				if fn.lines[k].hyphen {
					f.NoteHyphens |= 1 << k
				}
			}
		}
		out[i] = f
	}
	return out
}

// paginate cuts a flow into pages (see pagebreak.Paginate).
func paginate(flow []flowItem, firstCap, cap int, firstRecto bool, noteArea func(lines int) int) []pageSpan {
	return pagebreak.Paginate(pageItems(flow), firstCap, cap, firstRecto, noteArea)
}

// spanFaults counts the widows and orphans left at the breaks between spans.
func spanFaults(flow []flowItem, spans []pageSpan) (widows, orphans int) {
	return pagebreak.Faults(pageItems(flow), spans)
}

func sameLabels(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// partLabels returns each part's opening page label, and the page label
// of each heading the contents list.
func (b *book) partLabels() map[string]string {
	out := map[string]string{}
	for id, n := range b.opening {
		out[id] = b.pages[n-1].label
	}
	b.entryLabels(out)
	return out
}

// opensOnRecto says whether part i must start on a right-hand page: every
// part but the imprint, which takes the verso of the title page. The
// title page, the contents, the front matter's texts, every part of the
// body and the back matter's notes, bibliography and appendixes all open
// on a recto (Bringhurst 8.4; The Chicago Manual of Style 1.4, whose table
// gives "recto" for each of them).
func (b *book) opensOnRecto(i int) bool {
	return b.doc.Parts[i].Kind != document.ImprintPart
}

// paginateAll lays every part out in pages; labels gives the contents its
// page numbers (nil on the first pass).
func (b *book) paginateAll(labels map[string]string) {
	b.pages = nil
	b.opening = map[string]int{}
	b.blockPage = map[string]int{}
	b.headingY = map[string]unit.Length{}
	matter := document.FrontMatter
	blank := func() {
		b.pages = append(b.pages, page{kind: pageBlank, part: -1, matter: matter})
	}
	for i := range b.doc.Parts {
		p := &b.doc.Parts[i]
		switch {
		case p.Kind == document.ImprintPart:
			if len(b.pages)%2 == 0 {
				blank()
			}
		case b.opensOnRecto(i):
			if len(b.pages)%2 == 1 {
				blank()
			}
		}
		matter = p.Matter
		b.opening[p.ID] = len(b.pages) + 1
		switch p.Kind {
		case document.TitlePart:
			b.pages = append(b.pages, page{kind: pageTitle, part: i, matter: p.Matter, lines: b.composeTitle(p)})
		case document.ImprintPart:
			b.pages = append(b.pages, page{kind: pageImprint, part: i, matter: p.Matter, lines: b.composeImprint(p)})
		case document.ContentsPart:
			b.paginateFlow(i, b.composeContents(p, labels))
		default:
			b.paginateFlow(i, b.flows[i])
		}
	}
	if len(b.pages)%2 == 1 {
		// Printers bind sheets: an even page count, closing on a blank.
		blank()
	}
	b.assignLabels()
}

// assignLabels numbers the pages: lower-case roman through the front
// matter (blank pages counted, not printed), arabic from 1 at the first
// page of the body (Chicago Manual of Style 1.6–1.7).
func (b *book) assignLabels() {
	first := b.firstBodyPage()
	for n := range b.pages {
		if first < 0 || n < first {
			b.pages[n].label = pagedesign.Roman(n + 1)
		} else {
			b.pages[n].label = itoa(n - first + 1)
		}
	}
}

// firstBodyPage is the 0-based index of the first page not in the front
// matter, -1 if the book has only front matter.
func (b *book) firstBodyPage() int {
	for n, p := range b.pages {
		if p.part >= 0 && b.doc.Parts[p.part].Matter != document.FrontMatter {
			return n
		}
	}
	return -1
}

// labelRanges describes the labels for /PageLabels.
func (b *book) labelRanges() []drawing.LabelRange {
	first := b.firstBodyPage()
	switch {
	case first < 0:
		return []drawing.LabelRange{{Start: 0, Style: "r", First: 1}}
	case first == 0:
		return []drawing.LabelRange{{Start: 0, Style: "D", First: 1}}
	}
	return []drawing.LabelRange{{Start: 0, Style: "r", First: 1}, {Start: first, Style: "D", First: 1}}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var d []byte
	for n > 0 {
		d = append([]byte{byte('0' + n%10)}, d...)
		n /= 10
	}
	if neg {
		return "-" + string(d)
	}
	return string(d)
}

// sink is the grid line of a part heading's first baseline: about a sixth
// of the text block down, a quarter of the page from its top edge.
func (b *book) sink() int { return b.g.Lines / 6 }

// paginateFlow sets a headed part (text or contents) in pages.
func (b *book) paginateFlow(i int, flow []flowItem) {
	p := &b.doc.Parts[i]
	headLines, start := b.composeHeading(p)
	firstCap := b.g.Lines - start
	recto := len(b.pages)%2 == 0
	// A text part's flow is fixed, so its pages depend only on the side
	// it opens on: keep them across the contents passes.
	key := spanKey{i, recto}
	spans, ok := b.spans[key]
	if !ok || p.Kind == document.ContentsPart {
		spans = b.paginate(flow, firstCap, recto)
		b.spans[key] = spans
	}
	var carried []*flowItem // note lines continued from the page before
	for k, sp := range spans {
		pg := page{kind: pageText, part: i, matter: p.Matter}
		slot := 0
		if k == 0 {
			pg.kind = pageOpening
			pg.lines = append(pg.lines, headLines...)
			slot = start
			if title := p.EntryTitle(); title != "" && p.InContents {
				y := b.g.Baseline(b.sink()) - b.headingSize()
				b.headingY[p.ID] = y
				pg.marks = append(pg.marks, drawing.Bookmark{Title: title, Level: 0, Y: y})
			}
		}
		var notes []*footnote
		num := 0
		if sp.From < sp.To && k > 0 && flow[sp.From].art != nil {
			// A table's header again, at the head of a page it continues on.
			a := flow[sp.From].art
			for i := range a.repeat {
				it := &a.repeat[i]
				pg.lines = append(pg.lines, placedLine{item: it, y: b.g.Baseline(slot) + it.dy})
				slot += it.slots
			}
		}
		for j := sp.From; j < sp.To; j++ {
			it := &flow[j]
			notes = append(notes, it.notes...)
			if it.kind == itemLine {
				pl := placedLine{item: it, y: b.g.Baseline(slot) + it.dy}
				if p.Kind == document.TextPart {
					num++
					pl.num = num
				}
				pg.lines = append(pg.lines, pl)
				if it.blockID != "" {
					if _, ok := b.blockPage[it.blockID]; !ok {
						b.blockPage[it.blockID] = len(b.pages) + 1
					}
				}
				if it.mark != nil {
					mk := *it.mark
					mk.Y = b.g.Baseline(slot) - b.g.Leading
					pg.marks = append(pg.marks, mk)
				}
			}
			slot += it.slots
		}
		carried = b.placeNotes(&pg, carried, notes, sp.Carry)
		b.pages = append(b.pages, pg)
	}
}

// paginate breaks a flow into pages, or takes the pages from the memo
// shared with other settings when one of them broke the same flow on the
// same page.
func (b *book) paginate(flow []flowItem, firstCap int, recto bool) []pageSpan {
	if b.breaks == nil {
		return paginate(flow, firstCap, b.g.Lines, recto, b.noteArea)
	}
	key := b.pageBreakKey(flow, firstCap, recto)
	if spans, ok := b.breaks.get(key); ok {
		return spans
	}
	spans := paginate(flow, firstCap, b.g.Lines, recto, b.noteArea)
	b.breaks.put(key, spans)
	return spans
}

// pageBreakKey encodes everything paginate reads: the page (its grid
// lines, the first page's, the side it opens on, and what a line of notes
// takes) and, of each flow item, what breakCost and the page-end search
// read. Two flows with the same key break into the same pages.
func (b *book) pageBreakKey(flow []flowItem, firstCap int, recto bool) string {
	buf := make([]byte, 0, 16+8*len(flow))
	put := func(n int) { buf = binary.AppendVarint(buf, int64(n)) }
	put(b.g.Lines)
	put(firstCap)
	put(int(b.noteLeading()))
	put(int(b.g.Leading))
	if recto {
		put(1)
	} else {
		put(0)
	}
	put(len(flow))
	for i := range flow {
		it := &flow[i]
		flags := int(it.kind) << 2
		if it.keep {
			flags |= 1
		}
		if it.hyphen {
			flags |= 2
		}
		put(flags)
		put(it.slots)
		put(it.para)
		put(it.lineNo)
		put(it.lineCount)
		put(len(it.notes))
		for _, fn := range it.notes {
			put(len(fn.lines))
			hyphens := 0
			for k := range min(len(fn.lines), 62) {
				if fn.lines[k].hyphen {
					hyphens |= 1 << k
				}
			}
			put(hyphens)
		}
		put(it.art.headSlots())
	}
	return string(buf)
}

// noteLeading is the leading of footnotes, set small and solid-ish.
func (b *book) noteLeading() unit.Length { return b.smallSize() * 5 / 4 }

// noteArea is the grid lines that lines of footnotes take at a page's
// foot: their own leading, rounded up to whole grid lines, and one grid
// line for the space and rule above them.
func (b *book) noteArea(lines int) int {
	h := unit.Length(lines) * b.noteLeading()
	return int((h+b.g.Leading-1)/b.g.Leading) + 1
}

// placeNotes sets a page's footnotes at its foot, the last line on the
// text block's last grid line, under a short rule (Chicago 14.26): first
// the lines carried from the page before, then the page's own notes, less
// the last carry lines, which it returns for the next page.
func (b *book) placeNotes(pg *page, carried []*flowItem, notes []*footnote, carry int) []*flowItem {
	lines := append([]*flowItem(nil), carried...)
	for _, fn := range notes {
		for k := range fn.lines {
			lines = append(lines, &fn.lines[k])
		}
		if fn.blockID != "" {
			if _, ok := b.blockPage[fn.blockID]; !ok {
				b.blockPage[fn.blockID] = len(b.pages) + 1
			}
		}
	}
	carry = min(max(carry, 0), len(lines))
	lines, next := lines[:len(lines)-carry], lines[len(lines)-carry:]
	if len(lines) == 0 {
		return next
	}
	lead := b.noteLeading()
	y := b.g.Baseline(b.g.Lines-1) - unit.Length(len(lines)-1)*lead
	ruleY := y - lead - b.smallSize()/2
	pg.rules = append(pg.rules, drawing.Rule{X: 0, Y: ruleY, W: b.g.Measure / 5, Thickness: unit.Point * 2 / 5})
	for _, it := range lines {
		pg.lines = append(pg.lines, placedLine{item: it, y: y, foot: true})
		y += lead
	}
	return next
}
