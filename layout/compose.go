package layout

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/paragraph"
	"github.com/bindery-editions/bindery/layout/tagging"
	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/fonts"
)

// pageKind is what a page is, which decides its furniture.
type pageKind int

const (
	pageBlank   pageKind = iota // no text, no head, no folio
	pageTitle                   // the title page
	pageImprint                 // the copyright page
	pageOpening                 // the first page of a part: sunk heading, no head or folio
	pageText                    // a running page: head and folio
)

// page is one physical page before drawing.
type page struct {
	kind   pageKind
	part   int // index in Document.Parts, -1 for a closing blank
	matter document.Matter
	label  string
	lines  []placedLine
	marks  []drawing.Bookmark
	rules  []drawing.Rule // x from the text block's left edge
}

// placedLine is a flow item at its place: y is its baseline from the trim's
// top edge; x offsets are from the text block's left edge.
type placedLine struct {
	item *flowItem
	y    unit.Length
	foot bool // a line of the notes at the page's foot
	// num is the line's number on its page, counting the lines of text
	// from 1 (not the part's heading, not the notes); 0 for none.
	num int
}

// book holds the state of one Render.
type book struct {
	doc *document.Document
	g   pagedesign.Geometry
	m   linebreak.Measurer
	s   paragraph.Breaker
	// sm shapes what is drawn: m itself when it shapes, as it does but in
	// tests of the arithmetic of breaking, which draw in the book's fonts.
	sm    *linebreak.ShapedMeasurer
	links bool // draw links (screen profile)
	// tags builds the logical structure of a tagged drawing while it is
	// drawn (layout/tagging); nil for an untagged one.
	tags *tagging.Tree

	flows     [][]flowItem  // composed flow of each text part, built once
	sources   []partSources // what each part's paragraphs and notes that may vary were set from
	pages     []page
	spans     map[spanKey][]pageSpan
	breaks    *pageBreakMemo // shared with other settings; nil for none
	blockPage map[string]int // block id → first page (1-based) it is set on
	opening   map[string]int // part id → physical page (1-based) it opens on
	headingY  map[string]unit.Length
	stats     document.Stats
	workers   int // parts composed at once

	// What setting the blocks found, from every worker: characters no
	// face has and names broken, each once (see faults).
	mu      sync.Mutex
	missing map[document.MissingChar]bool
	broken  map[document.BrokenName]bool
}

// spanKey names a part paginated from one side.
type spanKey struct {
	part  int
	recto bool
}

func newBook(doc *document.Document, g pagedesign.Geometry, m linebreak.Measurer, s paragraph.Breaker) *book {
	sm, ok := m.(*linebreak.ShapedMeasurer)
	if !ok {
		sm = linebreak.NewShapedMeasurer()
	}
	return &book{doc: doc, g: g, m: m, s: s, sm: sm, spans: map[spanKey][]pageSpan{}}
}

// Type sizes relative to the body size, in sixteenths: a small set of
// related sizes rather than arbitrary ones (Bringhurst 3.3.1).
func (b *book) scaled(sixteenths int) unit.Length { return b.g.Size * unit.Length(sixteenths) / 16 }

func (b *book) headingSize() unit.Length { return b.scaled(23) } // 15pt on 10.5
func (b *book) smallSize() unit.Length   { return b.scaled(13) } // 8.5pt on 10.5
func (b *book) quoteSize() unit.Length   { return b.scaled(15) } // 9.8pt on 10.5
func (b *book) backSize() unit.Length    { return b.scaled(14) } // 9.2pt on 10.5

// layout composes and paginates the whole book. The contents page lists
// page numbers that depend on its own length, so pagination repeats until
// the numbers it prints are the numbers the parts open on (two passes, a
// third when the contents page count changed).
func (b *book) layout() {
	b.flows = make([][]flowItem, len(b.doc.Parts))
	b.sources = make([]partSources, len(b.doc.Parts))
	// Parts are composed independently, by as many workers as the budget
	// allows, each flow stored at its part's index, so the result does not
	// depend on the order the workers finish in.
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, b.workers); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				b.flows[i], b.sources[i] = b.composeText(&b.doc.Parts[i])
				b.flows[i] = b.floatFigures(i, b.fillPages(i, b.flows[i]))
			}
		}()
	}
	for i := range b.doc.Parts {
		if b.doc.Parts[i].Kind == document.TextPart {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	var labels map[string]string
	for pass := 0; pass < 5; pass++ {
		b.paginateAll(labels)
		now := b.partLabels()
		if labels != nil && sameLabels(now, labels) {
			break
		}
		labels = now
	}
	b.countStats()
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
			if p.Title != "" && p.InContents {
				y := b.g.Baseline(b.sink()) - b.headingSize()
				b.headingY[p.ID] = y
				pg.marks = append(pg.marks, drawing.Bookmark{Title: p.Title, Level: 0, Y: y})
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

// composeHeading sets a part's heading on its opening page and returns the
// grid line its text starts on. Editorial titles, supplied by this edition
// rather than the source, are set in italics.
func (b *book) composeHeading(p *document.Part) ([]placedLine, int) {
	if p.Title == "" {
		if epigraph(p) {
			// An epigraph standing as a part of its own (a motto before
			// the text) is set a third of the way down its page, as a
			// book sets its epigraph page, not at the head like text.
			return nil, b.g.Lines / 3
		}
		return nil, 0
	}
	style := document.Roman
	if p.Editorial {
		style = document.Italic
	}
	size := b.headingSize()
	ind := b.g.Measure / 10
	lines := b.setBalanced(linebreak.ParagraphSpec{
		Spans:       []document.Span{{Text: p.Title, Style: style}},
		Size:        size,
		Measure:     b.g.Measure,
		LeftIndent:  ind,
		RightIndent: ind,
		Align:       linebreak.Center,
	})
	// Heading lines are a grid line and a half apart, and the text starts
	// after two empty grid lines below the last, so it stays on the grid.
	var out []placedLine
	y0 := b.g.Baseline(b.sink())
	for k, l := range lines {
		it := &flowItem{kind: itemLine, slots: 1, line: l, para: -1, firstWord: -1, countID: p.TitleID}
		out = append(out, placedLine{item: it, y: y0 + unit.Length(k)*b.g.Leading*3/2})
	}
	extra := (len(lines)-1)*3/2 + (len(lines)-1)%2
	return out, b.sink() + extra + 3
}

// epigraph reports whether an untitled part is only a quotation and its
// attribution: an epigraph or a motto.
func epigraph(p *document.Part) bool {
	quote := false
	for _, blk := range p.Blocks {
		switch blk.Style {
		case document.Quote:
			quote = true
		case document.Attribution:
		default:
			return false
		}
	}
	return quote
}

// setBalanced sets a centred paragraph in balanced lines (see
// paragraph.Balanced).
func (b *book) setBalanced(p linebreak.ParagraphSpec) []linebreak.Line {
	return paragraph.Balanced(b.s, p)
}

// paraStyle is how one block style is set.
type paraStyle struct {
	size        unit.Length
	align       linebreak.Align
	indent      unit.Length // first-line indent
	left, right unit.Length
	spaceAbove  int // grid lines, not at the top of a part
	slots       int // grid lines per line
	keep        bool
	hyphenate   bool
	fontStyle   document.FontStyle // overrides Roman spans when not Roman
	looseness   int                // lines more (fewer) than the best setting, to fill a page
	bestLines   int                // with looseness: the best setting's line count
}

func (b *book) styleOf(blk *document.Block) paraStyle {
	em := b.g.Size
	st := paraStyle{size: b.g.Size, align: linebreak.Justify, slots: 1, hyphenate: true}
	level := unit.Length(blk.Level)
	if level < 1 {
		level = 1
	}
	switch blk.Style {
	case document.Body:
		st.indent = em
	case document.Subheading:
		st.align, st.spaceAbove, st.keep, st.hyphenate, st.fontStyle = linebreak.Center, 1, true, false, document.Italic
	case document.Quote:
		st.size = b.quoteSize()
		st.left, st.right = 3*em/2*level, 3*em/2
	case document.Salutation:
		st.align, st.spaceAbove, st.keep, st.hyphenate = linebreak.Left, 1, true, false
	case document.Signature:
		st.align, st.spaceAbove, st.hyphenate = linebreak.Right, 1, false
	case document.Dateline:
		st.align, st.hyphenate = linebreak.Right, false
	case document.Attribution:
		st.align, st.hyphenate, st.fontStyle, st.size = linebreak.Right, false, document.Italic, b.quoteSize()
	case document.Display:
		st.align, st.hyphenate = linebreak.Center, false
	case document.DisplayLarge:
		st.align, st.hyphenate, st.size, st.slots = linebreak.Center, false, b.headingSize(), 2
	case document.Small:
		st.align, st.size = linebreak.Left, b.smallSize()
	case document.Footnote:
		st.size = b.smallSize()
		if blk.Marker != "" {
			st.left = st.size * 3 / 2
		}
	case document.ListItem:
		// Ragged right: a list's entries are short, often references
		// full of names, dates and titles that cannot be hyphenated, and
		// justifying them opens wide gaps (Bringhurst 2.1.3 allows the
		// unjustified setting wherever justification would strain).
		st.left, st.align = 3*em/2*level, linebreak.Left
	case document.Reference:
		// A hanging indent, ragged right, as bibliographies are set (The
		// Chicago Manual of Style, 14.60).
		st.left, st.indent, st.align = 3*em/2, -3*em/2, linebreak.Left
	default:
		b.constructStyle(blk, &st)
	}
	return st
}

// composeText turns a text part's blocks into its flow. Notes are
// gathered at the part's end for now, set small after a space.
func (b *book) composeText(p *document.Part) ([]flowItem, partSources) {
	var flow, notes []flowItem
	src := partSources{paras: map[int]paraSource{}, notes: map[string][]paraSource{}}
	para := 0
	// Footnotes are set first, so lines that refer to them ("#id" links)
	// can carry them to their page's foot.
	footnotes := map[string]*footnote{}
	for bi := range p.Blocks {
		blk := &p.Blocks[bi]
		id := blk.NoteID()
		if blk.Style != document.Footnote || id == "" {
			continue
		}
		fn := footnotes[id]
		if fn == nil {
			fn = &footnote{blockID: id}
			footnotes[id] = fn
		}
		st := b.styleOf(blk)
		fn.lines = append(fn.lines, b.setBlock(blk, blk.Spans, st, -1)...)
		src.notes[id] = append(src.notes[id], paraSource{blk: blk, spans: blk.Spans, st: st})
	}
	// A note referred to from the text goes with its first reference; the
	// others are gathered at the part's end.
	anchored := map[string]bool{}
	for _, blk := range p.Blocks {
		for _, sp := range blk.Spans {
			if id, ok := strings.CutPrefix(sp.Link, "#"); ok && footnotes[id] != nil && blk.Style != document.Footnote {
				anchored[id] = true
			}
		}
	}
	placed := map[string]bool{}
	afterHead := true // the part's heading: no indent, no space above
	first := true
	spaceAfter := false // a figure or table went before: a line of space
	for bi := range p.Blocks {
		blk := &p.Blocks[bi]
		if blk.Style == document.Break {
			flow = append(flow, b.ornament(para))
			para++
			afterHead = true
			continue
		}
		if items := b.composeSet(blk, para); items != nil {
			// A figure, a table or a displayed formula, with a line of
			// space before it unless it opens the part.
			if len(flow) > 0 && blk.Style != document.DisplayMath {
				flow = append(flow, flowItem{kind: itemSpace, slots: 1, para: -1})
			}
			flow = append(flow, items...)
			para++
			afterHead = blk.Style == document.DisplayMath
			first = false
			spaceAfter = blk.Style != document.DisplayMath
			continue
		}
		st := b.styleOf(blk)
		// Code and verse stand apart from the prose around them by a
		// line of space, as a set-off quotation does (Chicago 13.23,
		// 13.25); their lines are blocks of their own, kept together.
		display := blk.Style == document.Code || blk.Style == document.Verse
		opens := display && (bi == 0 || p.Blocks[bi-1].Style != blk.Style)
		if (spaceAfter && !(display && !opens) || opens && !first && !afterHead) && st.spaceAbove == 0 {
			flow = append(flow, flowItem{kind: itemSpace, slots: 1, para: -1})
		}
		spaceAfter = display
		spans := blk.Spans
		if blk.Style == document.Body && afterHead {
			st.indent = 0
		}
		if p.Matter == document.BackMatter && st.size == b.g.Size {
			// Notes, apparatus and bibliography a size smaller than the
			// text, on its grid (Chicago 1.4: back matter is commonly
			// set smaller): 9 pt to the text's 10.5.
			st.size = b.backSize()
		}
		if blk.Style == document.BodyFirst || (first && p.Editorial && isProse(blk.Style)) {
			spans = leadIn(spans)
		}
		if blk.Style == document.Footnote {
			if !anchored[blk.NoteID()] {
				notes = append(notes, b.setBlock(blk, spans, st, para)...)
				para++
			}
			continue
		}
		items := b.setBlock(blk, spans, st, para)
		if len(items) >= 2 && variable(blk.Style) {
			src.paras[para] = paraSource{blk: blk, spans: spans, st: st}
		}
		para++
		for k := range items {
			for _, pc := range items[k].line.Pieces {
				if id, ok := strings.CutPrefix(pc.Link, "#"); ok && anchored[id] && !placed[id] {
					placed[id] = true
					items[k].notes = append(items[k].notes, footnotes[id])
				}
			}
		}
		if closing(blk.Style) {
			// The signature, dateline and attribution close a letter
			// together with its last lines: no page break before them.
			for k := len(flow) - 1; k >= 0; k-- {
				if flow[k].kind == itemLine {
					flow[k].keep = true
					break
				}
			}
		}
		if st.spaceAbove > 0 && len(flow) > 0 {
			flow = append(flow, flowItem{kind: itemSpace, slots: st.spaceAbove, para: -1})
		}
		flow = append(flow, items...)
		afterHead = blk.Style == document.Subheading
		first = false
	}
	if len(notes) > 0 {
		flow = append(flow, flowItem{kind: itemSpace, slots: 1, para: -1})
		flow = append(flow, notes...)
	}
	return flow, src
}

// closing reports whether a block style closes a letter or a quotation
// and so stays on the page of the text before it.
func closing(s document.BlockStyle) bool {
	return s == document.Signature || s == document.Dateline || s == document.Attribution
}

// variable reports whether a paragraph of a block style may be set a line
// longer or shorter to fill a page (see fillPages): running text, quoted
// or not, and the entries of lists and bibliographies, ragged as they are.
func variable(s document.BlockStyle) bool {
	switch s {
	case document.Body, document.BodyFirst, document.Quote, document.ListItem, document.Reference, document.Footnote:
		return true
	}
	return false
}

// isProse reports whether a block style takes a small-capitals lead-in.
func isProse(s document.BlockStyle) bool {
	return s == document.Body || s == document.BodyFirst || s == document.Salutation
}

// setBlock breaks a block into lines and makes them flow items.
func (b *book) setBlock(blk *document.Block, spans []document.Span, st paraStyle, para int) []flowItem {
	if st.fontStyle != document.Roman {
		spans = restyle(spans, st.fontStyle)
	}
	spans = b.replaceMissing(blk, spans)
	spans = b.sizeObjects(spans, st.size)
	set := b.s.Set
	if st.align == linebreak.Center {
		set = b.setBalanced
	}
	lines := set(linebreak.ParagraphSpec{
		Spans:       spans,
		Size:        st.size,
		Measure:     b.g.Measure,
		FirstIndent: st.indent,
		LeftIndent:  st.left,
		RightIndent: st.right,
		Align:       st.align,
		Hyphenate:   st.hyphenate,
		Looseness:   st.looseness,
		BestLines:   st.bestLines,
	})
	items := make([]flowItem, 0, len(lines))
	word := -1
	for k, l := range lines {
		fw := word
		for pi, pc := range l.Pieces {
			if pc.Word >= 0 {
				if pi == 0 {
					fw = pc.Word
				}
				word = pc.Word
			}
		}
		if len(l.Pieces) > 0 && l.Pieces[0].Word < 0 && fw < 0 {
			fw = 0
		}
		if fw >= 0 {
			fw += blk.WordOffset
		}
		it := flowItem{
			kind: itemLine, slots: st.slots, line: l,
			para: para, lineNo: k, lineCount: len(lines),
			keep: st.keep, hyphen: endsWithHyphen(l),
			blockID: blk.ID, firstWord: fw,
		}
		if st.slots > 1 {
			it.dy = unit.Length(st.slots-1) * b.g.Leading
		}
		if k == 0 && (blk.Style == document.ListItem || blk.Style == document.Footnote) && blk.Marker != "" {
			// The marker hangs in the indent, a third of an em from the
			// text: about a word space and a half, so that the gap reads
			// as belonging to the item, not as a hole in its line.
			w := b.m.Width(document.Roman, st.size, blk.Marker)
			it.extra = append(it.extra, drawing.GlyphRun{X: st.left - w - st.size/3, Face: fonts.Regular, Size: st.size, Text: blk.Marker})
		}
		if blk.Style == document.Subheading && k == 0 {
			it.mark = &drawing.Bookmark{Title: document.PlainText(blk.Spans), Level: max(blk.Outline, 1)}
		}
		if l.BrokenName && len(l.Pieces) > 0 {
			b.fault(nil, &document.BrokenName{BlockID: blk.ID, Text: l.Pieces[len(l.Pieces)-1].Text})
		}
		items = append(items, it)
	}
	return items
}

// replaceMissing returns spans with every character that their style's
// face cannot set replaced by U+FFFD, the replacement character, which
// the face has: a visible mark where the reader would otherwise see an
// empty box, or nothing. Each is reported (Result.Missing).
func (b *book) replaceMissing(blk *document.Block, spans []document.Span) []document.Span {
	var out []document.Span
	off := 0
	for i, sp := range spans {
		style := sp.Style
		text := sp.Text
		var repl []byte
		for k, r := range text {
			if r < 0x80 || b.sm.Covers(style, r) {
				if repl != nil {
					repl = utf8.AppendRune(repl, r)
				}
				continue
			}
			name := runenames.Name(r)
			if name == "" {
				name = "(no name)"
			}
			b.fault(&document.MissingChar{BlockID: blk.ID, Offset: off + k, Rune: r, Name: fmt.Sprintf("U+%04X %s", r, name)}, nil)
			if repl == nil {
				repl = append([]byte(nil), text[:k]...)
			}
			repl = utf8.AppendRune(repl, '\uFFFD')
		}
		off += len(text)
		if repl != nil {
			if out == nil {
				out = append([]document.Span(nil), spans...)
			}
			out[i].Text = string(repl)
		}
	}
	if out == nil {
		return spans
	}
	return out
}

// fault records a missing character or a broken name, once however often
// the block is set.
func (b *book) fault(m *document.MissingChar, n *document.BrokenName) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if m != nil {
		if b.missing == nil {
			b.missing = map[document.MissingChar]bool{}
		}
		b.missing[*m] = true
	}
	if n != nil {
		if b.broken == nil {
			b.broken = map[document.BrokenName]bool{}
		}
		b.broken[*n] = true
	}
}

// faults returns the missing characters and broken names in reading
// order: by the blocks' order in the document, then in the block.
func (b *book) faults() ([]document.MissingChar, []document.BrokenName) {
	order := map[string]int{}
	for _, p := range b.doc.Parts {
		for _, blk := range p.Blocks {
			if _, ok := order[blk.ID]; !ok {
				order[blk.ID] = len(order)
			}
		}
	}
	var missing []document.MissingChar
	for m := range b.missing {
		missing = append(missing, m)
	}
	slices.SortFunc(missing, func(x, y document.MissingChar) int {
		return cmp.Or(cmp.Compare(order[x.BlockID], order[y.BlockID]), cmp.Compare(x.BlockID, y.BlockID), cmp.Compare(x.Offset, y.Offset))
	})
	var broken []document.BrokenName
	for n := range b.broken {
		broken = append(broken, n)
	}
	slices.SortFunc(broken, func(x, y document.BrokenName) int {
		return cmp.Or(cmp.Compare(order[x.BlockID], order[y.BlockID]), cmp.Compare(x.BlockID, y.BlockID), cmp.Compare(x.Text, y.Text))
	})
	return missing, broken
}

// ornament is a section break: a grid line holding three spaced asterisks
// (an asterism), visible even when the break falls at a page's foot.
func (b *book) ornament(para int) flowItem {
	size := b.g.Size
	w := b.m.Width(document.Roman, size, "*")
	c := b.g.Measure / 2
	gap := 2 * size
	it := flowItem{kind: itemLine, slots: 1, para: para, lineCount: 1, firstWord: -1}
	for _, x := range []unit.Length{c - gap - w/2, c - w/2, c + gap - w/2} {
		it.extra = append(it.extra, drawing.GlyphRun{X: x, Face: fonts.Regular, Size: size, Text: "*"})
	}
	return it
}

// restyle sets Roman spans of a block in style (italic subheadings).
func restyle(spans []document.Span, style document.FontStyle) []document.Span {
	out := make([]document.Span, len(spans))
	for i, s := range spans {
		if s.Style == document.Roman {
			s.Style = style
		} else if s.Style == document.Italic && style == document.Italic {
			s.Style = document.Roman // emphasis inside italics is roman
		}
		out[i] = s
	}
	return out
}

// leadIn sets the first words of a section's first paragraph in small
// capitals, the book convention for an opening without a drop cap
// (Bringhurst 4.2.2): up to three words, ending early after a word that
// closes with punctuation ("Dear Comrades,"). Only a Roman first span is
// touched; the split falls at a space, so word indices do not change.
func leadIn(spans []document.Span) []document.Span {
	if len(spans) == 0 || spans[0].Style != document.Roman {
		return spans
	}
	text := spans[0].Text
	words, end, i := 0, 0, 0
	rs := []rune(text)
	for words < 3 && i < len(rs) {
		for i < len(rs) && rs[i] == ' ' {
			i++
		}
		if i >= len(rs) {
			break
		}
		for i < len(rs) && rs[i] != ' ' {
			i++
		}
		words++
		end = i
		if p := rs[i-1]; unicode.IsPunct(p) && p != '\u2019' && p != '\'' {
			break
		}
	}
	if end == 0 {
		return spans
	}
	head := string(rs[:end])
	out := []document.Span{{Text: head, Style: document.SmallCaps, Link: spans[0].Link}}
	if end < len(rs) {
		rest := spans[0]
		rest.Text = string(rs[end:])
		out = append(out, rest)
	}
	return append(out, spans[1:]...)
}

// composeTitle sets the title page: the display blocks centred in the
// upper third of the text block and the publisher's lines at its foot. The
// blocks after the part's last Break go to the foot; without a Break, the
// last block does when there are three or more.
func (b *book) composeTitle(p *document.Part) []placedLine {
	top, foot := splitTitleBlocks(p.Blocks)
	var out []placedLine
	y := b.g.Top + b.g.Leading*unit.Length(b.g.Lines)/7
	for i := range top {
		blk := &top[i]
		size, gap := b.scaled(18), b.g.Leading*3/2
		style := paraStyle{align: linebreak.Center, size: size}
		if blk.Style == document.DisplayLarge {
			size = b.scaled(40) // 26pt on 10.5
			style.size = size
			gap = 2 * b.g.Leading
		} else if blk.Style == document.Small {
			style.size = b.smallSize()
		}
		items := b.setBlock(blk, blk.Spans, style, -1)
		lead := size * 5 / 4
		if i > 0 {
			y += gap
		}
		for k := range items {
			if k == 0 {
				y += size
			} else {
				y += lead
			}
			out = append(out, placedLine{item: &items[k], y: y})
		}
	}
	// The foot, set upwards from the last grid line.
	var footLines []*flowItem
	var gaps []bool
	for i := range foot {
		blk := &foot[i]
		items := b.setBlock(blk, blk.Spans, paraStyle{align: linebreak.Center, size: b.g.Size}, -1)
		for k := range items {
			footLines = append(footLines, &items[k])
			gaps = append(gaps, k == 0 && i > 0)
		}
	}
	y = b.g.Baseline(b.g.Lines - 1)
	for k := len(footLines) - 1; k >= 0; k-- {
		out = append(out, placedLine{item: footLines[k], y: y})
		y -= b.g.Leading
		if gaps[k] {
			y -= b.g.Leading / 2
		}
	}
	return out
}

func splitTitleBlocks(blocks []document.Block) (top, foot []document.Block) {
	last := -1
	for i, blk := range blocks {
		if blk.Style == document.Break {
			last = i
		}
	}
	if last >= 0 {
		for _, blk := range blocks[:last] {
			if blk.Style != document.Break {
				top = append(top, blk)
			}
		}
		return top, blocks[last+1:]
	}
	if len(blocks) >= 3 {
		return blocks[:len(blocks)-1], blocks[len(blocks)-1:]
	}
	return blocks, nil
}

// composeImprint sets the copyright page: small type, flush left, at the
// foot of the verso, its last line on the text block's last grid line.
func (b *book) composeImprint(p *document.Part) []placedLine {
	size := b.smallSize()
	lead := size * 13 / 10
	var lines []*flowItem
	var gaps []bool
	for i := range p.Blocks {
		blk := &p.Blocks[i]
		if blk.Style == document.Break {
			continue
		}
		items := b.setBlock(blk, blk.Spans, paraStyle{align: linebreak.Left, size: size}, -1)
		for k := range items {
			lines = append(lines, &items[k])
			gaps = append(gaps, k == 0 && len(lines) > 1)
		}
	}
	var out []placedLine
	y := b.g.Baseline(b.g.Lines - 1)
	for k := len(lines) - 1; k >= 0; k-- {
		out = append([]placedLine{{item: lines[k], y: y}}, out...)
		y -= lead
		if gaps[k] {
			y -= lead / 2
		}
	}
	return out
}

// composeContents sets the contents: every part listed in it, by matter,
// with dot leaders and its page label flush right. labels is nil on the
// first pass, when the numbers are not yet known.
func (b *book) composeContents(p *document.Part, labels map[string]string) []flowItem {
	size := b.g.Size
	var flow []flowItem
	para := 0
	for _, blk := range p.Blocks { // an editor's note above the list, if any
		st := b.styleOf(&blk)
		st.indent = 0
		flow = append(flow, b.setBlock(&blk, blk.Spans, st, para)...)
		para++
	}
	if len(flow) > 0 {
		flow = append(flow, flowItem{kind: itemSpace, slots: 1, para: -1})
	}
	labelCol := b.m.Width(document.Roman, size, "0000")
	space := b.m.Width(document.Roman, size, " ")
	pitch := b.m.Width(document.Roman, size, ". ")
	prev := document.Matter(-1)
	for i, q := range b.doc.Parts {
		if !q.InContents || q.Kind == document.ContentsPart {
			continue
		}
		if prev >= 0 && q.Matter != prev {
			flow = append(flow, flowItem{kind: itemSpace, slots: 1, para: -1})
		}
		prev = q.Matter
		label := "000"
		if labels != nil {
			label = labels[q.ID]
		}
		style := document.Roman
		if q.Editorial {
			style = document.Italic
		}
		lines := b.s.Set(linebreak.ParagraphSpec{
			Spans:       []document.Span{{Text: q.Title, Style: style}},
			Size:        size,
			Measure:     b.g.Measure,
			RightIndent: labelCol + 2*size,
			FirstIndent: 0,
			Align:       linebreak.Left,
		})
		if len(lines) == 0 {
			lines = []linebreak.Line{{}}
		}
		for k, l := range lines {
			it := flowItem{kind: itemLine, slots: 1, line: l, para: para, lineNo: k, lineCount: len(lines), firstWord: -1}
			if b.links {
				it.links = append(it.links, drawing.LinkArea{X: 0, Y: -b.g.Leading + b.g.Leading/4, W: b.g.Measure, H: b.g.Leading, Page: -1 - i})
			}
			if k == len(lines)-1 {
				end := unit.Length(0)
				if n := len(l.Pieces); n > 0 {
					last := l.Pieces[n-1]
					end = last.X + b.m.Width(last.Style, last.Size, last.Text)
				}
				lw := b.m.Width(document.Roman, size, label)
				lx := b.g.Measure - lw
				it.extra = append(it.extra, drawing.GlyphRun{X: lx, Face: fonts.Regular, Size: size, Text: label})
				// Leader dots from a word space after the title to a
				// word space before the number, the room left over
				// spread over the gaps between them (as letter-spacing,
				// Tc), so that no gap on the line is wider than a word
				// space and a little.
				first, last := end+space, lx-space
				if n := int((last - first + space) / pitch); n > 0 {
					leader := strings.Repeat(". ", n)
					leader = leader[:len(leader)-1]
					w := b.m.Width(document.Roman, size, leader)
					g := drawing.GlyphRun{X: first, Face: fonts.Regular, Size: size, Text: leader}
					if n > 1 {
						g.Track = (last - first - w) / unit.Length(2*n-2)
					}
					it.extra = append(it.extra, g)
				}
			}
			flow = append(flow, it)
		}
		para++
		flow, para = b.contentsEntries(flow, &q, labels, para)
	}
	return flow
}

// draw turns the pages into what the PDF writer draws: text, running
// heads, folios, links and bookmarks.
func (b *book) draw() []drawing.DrawnPage {
	out := make([]drawing.DrawnPage, len(b.pages))
	for n := range b.pages {
		pg := &b.pages[n]
		po := &out[n]
		left := b.g.Left(n + 1)
		// A run per piece, mostly: sized once, as growing the slice run
		// by run was most of the cost of drawing. Faked small capitals
		// and the furniture may add a few.
		runs := 0
		for _, pl := range pg.lines {
			runs += len(pl.item.line.Pieces) + len(pl.item.extra)
		}
		po.Runs = make([]drawing.GlyphRun, 0, runs+runs/8+8)
		for _, pl := range pg.lines {
			b.drawLine(po, pg, pl, left)
		}
		po.Marks = append(po.Marks, pg.marks...)
		for _, r := range pg.rules {
			r.X += left
			po.Rules = append(po.Rules, r)
		}
		if pg.kind == pageText {
			b.drawFurniture(po, n, left)
		}
		if b.doc.LineNumbers {
			b.drawLineNumbers(po, pg, n, left)
		}
		po.Shape(b.sm)
	}
	return out
}

// facesInUse returns the faces draw will draw the pages in (pagesFaces of
// its result), without drawing them: each piece's face, and the regular
// face, which draws running heads, folios, markers and small capitals.
func (b *book) facesInUse() drawing.FaceSet {
	faces := drawing.FaceSet{fonts.Regular: true}
	for _, pg := range b.pages {
		for _, pl := range pg.lines {
			for _, pc := range pl.item.line.Pieces {
				faces[linebreak.FontFace(pc.Style)] = true
			}
		}
	}
	return faces
}

// drawLine draws one placed line: each piece at its X, as the line breaker
// measured it, with faked small capitals drawn run by run.
func (b *book) drawLine(po *drawing.DrawnPage, pg *page, pl placedLine, left unit.Length) {
	it := pl.item
	first, images := len(po.Runs), len(po.Images)
	po.AddLine(it.line, left, pl.y)
	drawObjects(po, b.m, it.line, left, pl.y)
	if it.art != nil {
		drawArt(po, it.art, left, pl.y)
	}
	extras := len(po.Runs)
	for _, r := range it.extra {
		r.X += left
		r.Y += pl.y
		po.Runs = append(po.Runs, r)
	}
	// In a tagged drawing, the runs and images carry their elements
	// (layout/tagging); the links below, theirs.
	e, link, linkTo := -1, -1, ""
	if b.tags != nil {
		tl := tagging.Line{Part: pg.part, Opening: pg.kind == pageOpening, BlockID: it.blockID, Para: it.para, LineNo: it.lineNo, FirstWord: it.firstWord, Line: &it.line}
		e = b.tags.TagLine(po, tl, first, extras)
		if f, ok := b.tags.Figure(it.blockID); ok {
			for i := images; i < len(po.Images); i++ {
				po.Images[i].Elem = f
			}
		}
	}
	for k, pc := range it.line.Pieces {
		y := pl.y - pc.Rise
		if pc.Link != "" && b.links {
			w := b.m.Width(pc.Style, pc.Size, pc.Text)
			la := drawing.LinkArea{X: left + pc.X, Y: y - b.m.Ascent(pc.Style, pc.Size), W: w, H: b.m.Ascent(pc.Style, pc.Size) + b.m.Descent(pc.Style, pc.Size)}
			if strings.HasPrefix(pc.Link, "#") {
				n, ok := b.opening[pc.Link[1:]]
				if !ok {
					n, ok = b.blockPage[pc.Link[1:]]
				}
				if !ok {
					continue
				}
				la.Page = n
			} else {
				la.URL = pc.Link
			}
			if b.tags != nil {
				if pc.Link != linkTo {
					link = -1
				}
				link, linkTo = b.tags.Link(po, &la, e, link, first+k, first+k+1), pc.Link
			}
			po.Links = append(po.Links, la)
		} else {
			link, linkTo = -1, ""
		}
	}
	for _, la := range it.links {
		la.X += left
		la.Y += pl.y
		if la.Page < 0 {
			id := b.doc.Parts[-1-la.Page].ID
			la.Page = b.opening[id]
			la.TargetY = b.headingY[id]
		}
		if id, ok := strings.CutPrefix(la.URL, "#"); ok {
			// a contents entry of a heading: its page
			la.URL, la.Page = "", b.blockPage[id]
			if la.Page == 0 {
				continue
			}
		}
		if b.tags != nil {
			// A contents entry: its text is the link's.
			b.tags.Link(po, &la, e, -1, first, len(po.Runs))
		}
		po.Links = append(po.Links, la)
	}
}

// drawLineNumbers prints the number of every fifth line of text in the
// outer margin, small, a pica from the text block (the usual place in a
// critical edition, where the apparatus cites page and line).
func (b *book) drawLineNumbers(po *drawing.DrawnPage, pg *page, n int, left unit.Length) {
	size := b.smallSize()
	gap := 12 * unit.Point
	for _, pl := range pg.lines {
		if pl.num == 0 || pl.num%5 != 0 {
			continue
		}
		text := itoa(pl.num)
		x := left + b.g.Measure + gap // a recto's outer margin is on the right
		if (n+1)%2 == 0 && !b.g.Screen {
			x = left - gap - b.m.Width(document.Roman, size, text)
		}
		po.Runs = append(po.Runs, drawing.GlyphRun{X: x, Y: pl.y, Face: fonts.Regular, Size: size, Text: text})
	}
}

// drawFurniture adds the running head and the folio of a running page. The
// verso carries the book's title, the recto the part's, both in letter-
// spaced small capitals centred over the text block, two grid lines above
// it; the folio is centred two grid lines below it (Bringhurst 4.3.2, 8.6).
func (b *book) drawFurniture(po *drawing.DrawnPage, n int, left unit.Length) {
	pg := &b.pages[n]
	head := b.doc.Title
	if (n+1)%2 == 1 && pg.part >= 0 {
		p := b.doc.Parts[pg.part]
		head = p.RunningHead
		if head == "" {
			head = p.Title
		}
	}
	size := b.g.Size
	y := b.g.Baseline(0) - 2*b.g.Leading
	b.spaced(po, head, size, left, y)
	folio := pg.label
	w := b.m.Width(document.Roman, size, folio)
	po.Runs = append(po.Runs, drawing.GlyphRun{X: left + (b.g.Measure-w)/2, Y: b.g.Baseline(b.g.Lines-1) + 2*b.g.Leading, Face: fonts.Regular, Size: size, Text: folio})
}

// spaced draws text in small capitals, the font's own for capitals and
// lower case alike, letter-spaced by a twentieth of the size (Bringhurst
// 3.2.2: small caps want extra tracking; kept below a tenth so text
// extraction still sees whole words), centred over the text block. A head
// too long for four fifths of the measure is shortened as
// pagedesign.ShortHead says, never cut with an ellipsis (Chicago 1.13).
func (b *book) spaced(po *drawing.DrawnPage, text string, size, left, y unit.Length) {
	track := size / 20
	space := b.m.Width(document.Roman, size, " ") + track
	type word struct {
		text string
		w    unit.Length
	}
	measure := func(t string) ([]word, unit.Length) {
		var ws []word
		var total unit.Length
		for i, f := range strings.Fields(t) {
			glyphs := 0
			for _, r := range b.sm.Shape(document.AllSmallCaps, f).Runs {
				glyphs += len(r.Glyphs)
			}
			wd := word{text: f, w: b.m.Width(document.AllSmallCaps, size, f) + track*unit.Length(glyphs-1)}
			if i > 0 {
				total += space
			}
			total += wd.w
			ws = append(ws, wd)
		}
		return ws, total
	}
	text = pagedesign.ShortHead(strings.Join(strings.Fields(text), " "), func(t string) bool {
		_, w := measure(t)
		return w <= b.g.Measure*4/5
	})
	words, total := measure(text)
	x := left + (b.g.Measure-total)/2
	for _, wd := range words {
		po.Runs = append(po.Runs, drawing.GlyphRun{X: x, Y: y, Face: fonts.Regular, Style: document.AllSmallCaps, Size: size, Text: wd.text, Track: track})
		x += wd.w + space
	}
}

// pageStarts reports where every page begins: the first line of block
// text on it; for a page of a part without block text (the contents), the
// part's ID; for a blank page, no block. A page list names every page of
// the print edition, blank ones too (EPUB Accessibility Techniques 1.1,
// "Page navigation").
func (b *book) pageStarts() []document.PageStart {
	out := make([]document.PageStart, 0, len(b.pages))
	for n, pg := range b.pages {
		ps := document.PageStart{Page: n + 1, Label: pg.label}
		if pg.part >= 0 {
			ps.BlockID = b.doc.Parts[pg.part].ID
		}
		for _, pl := range pg.lines {
			if pl.item.blockID == "" {
				continue
			}
			ps.BlockID, ps.Word = pl.item.blockID, max(pl.item.firstWord, 0)
			break
		}
		out = append(out, ps)
	}
	return out
}

// blockLines reports every numbered line of a block: its page and number.
func (b *book) blockLines() []document.BlockLine {
	var out []document.BlockLine
	for n, pg := range b.pages {
		for _, pl := range pg.lines {
			if pl.num == 0 || pl.item.blockID == "" || len(pl.item.line.Pieces) == 0 {
				continue
			}
			w := max(pl.item.firstWord, 0)
			out = append(out, document.BlockLine{BlockID: pl.item.blockID, Word: w, Page: n + 1, Label: pg.label, Line: pl.num})
		}
	}
	return out
}

// blockPages reports the page on which each block's first line falls.
func (b *book) blockPages() []document.BlockPage {
	var out []document.BlockPage
	seen := map[string]bool{}
	for n, pg := range b.pages {
		for _, pl := range pg.lines {
			id := pl.item.blockID
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			out = append(out, document.BlockPage{BlockID: id, Page: n + 1, Label: pg.label})
		}
	}
	return out
}

// countWords counts the words placed on the pages, by block ID or, for a
// part's title, its TitleID: a word is counted on the line its first piece
// is set on (Piece.Word), so a word broken across lines counts once.
func (b *book) countWords() map[string]int {
	words := map[string]int{}
	for _, pg := range b.pages {
		for _, pl := range pg.lines {
			key := pl.item.countID
			if key == "" {
				key = pl.item.blockID
			}
			if key == "" {
				continue
			}
			for _, pc := range pl.item.line.Pieces {
				if pc.Word >= 0 {
					words[key]++
				}
			}
		}
	}
	return words
}

// countStats measures the setting as paginated.
func (b *book) countStats() {
	var st document.Stats
	for i, flow := range b.flows {
		if flow == nil {
			continue
		}
		run, prevPara := 0, -2
		for _, it := range flow {
			if it.kind != itemLine || len(it.line.Pieces) == 0 {
				continue
			}
			st.Lines++
			if it.para != prevPara {
				run = 0
				prevPara = it.para
			}
			if it.line.Hyphenated {
				st.HyphenatedLines++
				run++
				if run > st.MaxHyphenRun {
					st.MaxHyphenRun = run
				}
			} else {
				run = 0
			}
		}
		// Recover the part's page spans from the pages to count faults.
		var spans []pageSpan
		pos := 0
		for _, pg := range b.pages {
			if pg.part != i || (pg.kind != pageText && pg.kind != pageOpening) {
				continue
			}
			to := pos
			for _, pl := range pg.lines {
				for k := pos; k < len(flow); k++ {
					if &flow[k] == pl.item {
						to = k + 1
					}
				}
			}
			spans = append(spans, pageSpan{From: pos, To: to})
			pos = to
		}
		w, o := spanFaults(flow, spans)
		st.Widows += w
		st.Orphans += o
	}
	for _, n := range b.shortPages() {
		st.ShortPages = append(st.ShortPages, b.pages[n].label)
	}
	b.stats = st
}

// shortPages returns the pages (0-based) of text parts whose text and
// notes do not fill the text block while their part goes on after them:
// the text ends early, or above notes that stand at the foot with a hole
// between.
func (b *book) shortPages() []int {
	var out []int
	for n, pg := range b.pages {
		if pg.kind != pageText && pg.kind != pageOpening {
			continue
		}
		if n+1 >= len(b.pages) || b.pages[n+1].part != pg.part {
			continue // the part's last page
		}
		var last unit.Length
		notes := 0
		for _, pl := range pg.lines {
			if pl.foot {
				notes++
			} else {
				last = max(last, pl.y)
			}
		}
		// The grid lines taken: to the last line of text, and the notes'.
		used := int((last-b.g.Baseline(0))/b.g.Leading) + 1
		if notes > 0 {
			used += b.noteArea(notes)
		}
		if used < b.g.Lines {
			out = append(out, n)
		}
	}
	return out
}

// endsWithHyphen reports whether a line ends in a hyphen, inserted or the
// text's own: either sends the reader across the leaf in mid-word.
func endsWithHyphen(l linebreak.Line) bool {
	if l.Hyphenated {
		return true
	}
	n := len(l.Pieces)
	return n > 0 && strings.HasSuffix(l.Pieces[n-1].Text, "-")
}
