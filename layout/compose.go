package layout

import (
	"encoding/binary"
	"strings"
	"sync"
	"unicode"

	"github.com/bindery-editions/bindery/layout/linebreak"
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
	matter Matter
	label  string
	lines  []placedLine
	marks  []Bookmark
	rules  []Rule // x from the text block's left edge
}

// placedLine is a flow item at its place: y is its baseline from the trim's
// top edge; x offsets are from the text block's left edge.
type placedLine struct {
	item *flowItem
	y    unit.Length
}

// book holds the state of one Render.
type book struct {
	doc   *Document
	g     geometry
	m     linebreak.Measurer
	s     lineSetter
	links bool // draw links (screen profile)

	flows     [][]flowItem // composed flow of each text part, built once
	pages     []page
	spans     map[spanKey][]pageSpan
	breaks    *pageBreakMemo // shared with other settings; nil for none
	blockPage map[string]int // block id → first page (1-based) it is set on
	opening   map[string]int // part id → physical page (1-based) it opens on
	headingY  map[string]unit.Length
	stats     Stats
	workers   int // parts composed at once
}

// spanKey names a part paginated from one side.
type spanKey struct {
	part  int
	recto bool
}

func newBook(doc *Document, g geometry, m linebreak.Measurer, s lineSetter) *book {
	return &book{doc: doc, g: g, m: m, s: s, spans: map[spanKey][]pageSpan{}}
}

// Type sizes relative to the body size, in sixteenths: a small set of
// related sizes rather than arbitrary ones (Bringhurst 3.3.1).
func (b *book) scaled(sixteenths int) unit.Length { return b.g.size * unit.Length(sixteenths) / 16 }

func (b *book) headingSize() unit.Length { return b.scaled(23) } // 15pt on 10.5
func (b *book) smallSize() unit.Length   { return b.scaled(13) } // 8.5pt on 10.5
func (b *book) quoteSize() unit.Length   { return b.scaled(15) } // 9.8pt on 10.5

// layout composes and paginates the whole book. The contents page lists
// page numbers that depend on its own length, so pagination repeats until
// the numbers it prints are the numbers the parts open on (two passes, a
// third when the contents page count changed).
func (b *book) layout() {
	b.flows = make([][]flowItem, len(b.doc.Parts))
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
				b.flows[i] = b.composeText(&b.doc.Parts[i])
			}
		}()
	}
	for i := range b.doc.Parts {
		if b.doc.Parts[i].Kind == TextPart {
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
	return b.doc.Parts[i].Kind != ImprintPart
}

// paginateAll lays every part out in pages; labels gives the contents its
// page numbers (nil on the first pass).
func (b *book) paginateAll(labels map[string]string) {
	b.pages = nil
	b.opening = map[string]int{}
	b.blockPage = map[string]int{}
	b.headingY = map[string]unit.Length{}
	matter := FrontMatter
	blank := func() {
		b.pages = append(b.pages, page{kind: pageBlank, part: -1, matter: matter})
	}
	for i := range b.doc.Parts {
		p := &b.doc.Parts[i]
		switch {
		case p.Kind == ImprintPart:
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
		case TitlePart:
			b.pages = append(b.pages, page{kind: pageTitle, part: i, matter: p.Matter, lines: b.composeTitle(p)})
		case ImprintPart:
			b.pages = append(b.pages, page{kind: pageImprint, part: i, matter: p.Matter, lines: b.composeImprint(p)})
		case ContentsPart:
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
			b.pages[n].label = roman(n + 1)
		} else {
			b.pages[n].label = itoa(n - first + 1)
		}
	}
}

// firstBodyPage is the 0-based index of the first page not in the front
// matter, -1 if the book has only front matter.
func (b *book) firstBodyPage() int {
	for n, p := range b.pages {
		if p.part >= 0 && b.doc.Parts[p.part].Matter != FrontMatter {
			return n
		}
	}
	return -1
}

// labelRanges describes the labels for /PageLabels.
func (b *book) labelRanges() []LabelRange {
	first := b.firstBodyPage()
	switch {
	case first < 0:
		return []LabelRange{{Start: 0, Style: "r", First: 1}}
	case first == 0:
		return []LabelRange{{Start: 0, Style: "D", First: 1}}
	}
	return []LabelRange{{Start: 0, Style: "r", First: 1}, {Start: first, Style: "D", First: 1}}
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
func (b *book) sink() int { return b.g.lines / 6 }

// paginateFlow sets a headed part (text or contents) in pages.
func (b *book) paginateFlow(i int, flow []flowItem) {
	p := &b.doc.Parts[i]
	headLines, start := b.composeHeading(p)
	firstCap := b.g.lines - start
	recto := len(b.pages)%2 == 0
	// A text part's flow is fixed, so its pages depend only on the side
	// it opens on: keep them across the contents passes.
	key := spanKey{i, recto}
	spans, ok := b.spans[key]
	if !ok || p.Kind == ContentsPart {
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
				y := b.g.baseline(b.sink()) - b.headingSize()
				b.headingY[p.ID] = y
				pg.marks = append(pg.marks, Bookmark{Title: p.Title, Level: 0, Y: y})
			}
		}
		var notes []*footnote
		if sp.from < sp.to && k > 0 && flow[sp.from].art != nil {
			// A table's header again, at the head of a page it continues on.
			a := flow[sp.from].art
			for i := range a.repeat {
				it := &a.repeat[i]
				pg.lines = append(pg.lines, placedLine{item: it, y: b.g.baseline(slot) + it.dy})
				slot += it.slots
			}
		}
		for j := sp.from; j < sp.to; j++ {
			it := &flow[j]
			notes = append(notes, it.notes...)
			if it.kind == itemLine {
				pg.lines = append(pg.lines, placedLine{item: it, y: b.g.baseline(slot) + it.dy})
				if it.blockID != "" {
					if _, ok := b.blockPage[it.blockID]; !ok {
						b.blockPage[it.blockID] = len(b.pages) + 1
					}
				}
				if it.mark != nil {
					mk := *it.mark
					mk.Y = b.g.baseline(slot) - b.g.leading
					pg.marks = append(pg.marks, mk)
				}
			}
			slot += it.slots
		}
		carried = b.placeNotes(&pg, carried, notes, sp.carry)
		b.pages = append(b.pages, pg)
	}
}

// paginate breaks a flow into pages, or takes the pages from the memo
// shared with other settings when one of them broke the same flow on the
// same page.
func (b *book) paginate(flow []flowItem, firstCap int, recto bool) []pageSpan {
	if b.breaks == nil {
		return paginate(flow, firstCap, b.g.lines, recto, b.noteArea)
	}
	key := b.pageBreakKey(flow, firstCap, recto)
	if spans, ok := b.breaks.get(key); ok {
		return spans
	}
	spans := paginate(flow, firstCap, b.g.lines, recto, b.noteArea)
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
	put(b.g.lines)
	put(firstCap)
	put(int(b.noteLeading()))
	put(int(b.g.leading))
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
	return int((h+b.g.leading-1)/b.g.leading) + 1
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
	y := b.g.baseline(b.g.lines-1) - unit.Length(len(lines)-1)*lead
	ruleY := y - lead - b.smallSize()/2
	pg.rules = append(pg.rules, Rule{X: 0, Y: ruleY, W: b.g.measure / 5, Thickness: unit.Point * 2 / 5})
	for _, it := range lines {
		pg.lines = append(pg.lines, placedLine{item: it, y: y})
		y += lead
	}
	return next
}

// composeHeading sets a part's heading on its opening page and returns the
// grid line its text starts on. Editorial titles, supplied by this edition
// rather than the source, are set in italics.
func (b *book) composeHeading(p *Part) ([]placedLine, int) {
	if p.Title == "" {
		return nil, 0
	}
	style := Roman
	if p.Editorial {
		style = Italic
	}
	size := b.headingSize()
	ind := b.g.measure / 10
	lines := b.setBalanced(linebreak.ParagraphSpec{
		Spans:       []Span{{Text: p.Title, Style: style}},
		Size:        size,
		Measure:     b.g.measure,
		LeftIndent:  ind,
		RightIndent: ind,
		Align:       linebreak.Center,
	})
	// Heading lines are a grid line and a half apart, and the text starts
	// after two empty grid lines below the last, so it stays on the grid.
	var out []placedLine
	y0 := b.g.baseline(b.sink())
	for k, l := range lines {
		it := &flowItem{kind: itemLine, slots: 1, line: l, para: -1, firstWord: -1, countID: p.TitleID}
		out = append(out, placedLine{item: it, y: y0 + unit.Length(k)*b.g.leading*3/2})
	}
	extra := (len(lines)-1)*3/2 + (len(lines)-1)%2
	return out, b.sink() + extra + 3
}

// setBalanced sets a centred paragraph (a heading, a title) in as few
// lines as the measure allows but with the lines as even as possible, by
// narrowing the measure symmetrically while the line count holds: "Long
// Title of / Albania" becomes "Long Title / of Albania" (Bringhurst 5.2.1
// on breaking display lines).
func (b *book) setBalanced(p linebreak.ParagraphSpec) []linebreak.Line { return setBalanced(b.s, p) }

func setBalanced(s lineSetter, p linebreak.ParagraphSpec) []linebreak.Line {
	lines := s.Set(p)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := unit.Length(0), (p.Measure-p.LeftIndent-p.RightIndent)/2
	best := lines
	for hi-lo > unit.Point {
		mid := (lo + hi) / 2
		q := p
		q.LeftIndent += mid
		q.RightIndent += mid
		try := s.Set(q)
		if len(try) == len(lines) && fits(try, q.Measure-q.LeftIndent-q.RightIndent) {
			best, lo = try, mid
		} else {
			hi = mid
		}
	}
	return best
}

// fits reports whether no line is wider than width.
func fits(lines []linebreak.Line, width unit.Length) bool {
	for _, l := range lines {
		if l.Natural > width {
			return false
		}
	}
	return true
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
	fontStyle   FontStyle // overrides Roman spans when not Roman
}

func (b *book) styleOf(blk *Block) paraStyle {
	em := b.g.size
	st := paraStyle{size: b.g.size, align: linebreak.Justify, slots: 1, hyphenate: true}
	level := unit.Length(blk.Level)
	if level < 1 {
		level = 1
	}
	switch blk.Style {
	case Body:
		st.indent = em
	case Subheading:
		st.align, st.spaceAbove, st.keep, st.hyphenate, st.fontStyle = linebreak.Center, 1, true, false, Italic
	case Quote:
		st.size = b.quoteSize()
		st.left, st.right = 3*em/2*level, 3*em/2
	case Salutation:
		st.align, st.spaceAbove, st.keep, st.hyphenate = linebreak.Left, 1, true, false
	case Signature:
		st.align, st.spaceAbove, st.hyphenate = linebreak.Right, 1, false
	case Dateline:
		st.align, st.hyphenate = linebreak.Right, false
	case Attribution:
		st.align, st.hyphenate, st.fontStyle, st.size = linebreak.Right, false, Italic, b.quoteSize()
	case Display:
		st.align, st.hyphenate = linebreak.Center, false
	case DisplayLarge:
		st.align, st.hyphenate, st.size, st.slots = linebreak.Center, false, b.headingSize(), 2
	case Small:
		st.align, st.size = linebreak.Left, b.smallSize()
	case Footnote:
		st.size = b.smallSize()
		if blk.Marker != "" {
			st.left = st.size * 3 / 2
		}
	case ListItem:
		// Ragged right: a list's entries are short, often references
		// full of names, dates and titles that cannot be hyphenated, and
		// justifying them opens wide gaps (Bringhurst 2.1.3 allows the
		// unjustified setting wherever justification would strain).
		st.left, st.align = 3*em/2*level, linebreak.Left
	case Reference:
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
func (b *book) composeText(p *Part) []flowItem {
	var flow, notes []flowItem
	para := 0
	// Footnotes are set first, so lines that refer to them ("#id" links)
	// can carry them to their page's foot.
	footnotes := map[string]*footnote{}
	for bi := range p.Blocks {
		blk := &p.Blocks[bi]
		id := blk.noteID()
		if blk.Style != Footnote || id == "" {
			continue
		}
		fn := footnotes[id]
		if fn == nil {
			fn = &footnote{blockID: id}
			footnotes[id] = fn
		}
		fn.lines = append(fn.lines, b.setBlock(blk, blk.Spans, b.styleOf(blk), -1)...)
	}
	// A note referred to from the text goes with its first reference; the
	// others are gathered at the part's end.
	anchored := map[string]bool{}
	for _, blk := range p.Blocks {
		for _, sp := range blk.Spans {
			if id, ok := strings.CutPrefix(sp.Link, "#"); ok && footnotes[id] != nil && blk.Style != Footnote {
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
		if blk.Style == Break {
			flow = append(flow, b.ornament(para))
			para++
			afterHead = true
			continue
		}
		if items := b.composeSet(blk, para); items != nil {
			// A figure, a table or a displayed formula, with a line of
			// space before it unless it opens the part.
			if len(flow) > 0 && blk.Style != DisplayMath {
				flow = append(flow, flowItem{kind: itemSpace, slots: 1, para: -1})
			}
			flow = append(flow, items...)
			para++
			afterHead = blk.Style == DisplayMath
			first = false
			spaceAfter = blk.Style != DisplayMath
			continue
		}
		if spaceAfter {
			flow = append(flow, flowItem{kind: itemSpace, slots: 1, para: -1})
			spaceAfter = false
		}
		st := b.styleOf(blk)
		spans := blk.Spans
		if blk.Style == Body && afterHead {
			st.indent = 0
		}
		if blk.Style == BodyFirst || (first && p.Editorial && isProse(blk.Style)) {
			spans = leadIn(spans)
		}
		if blk.Style == Footnote {
			if !anchored[blk.noteID()] {
				notes = append(notes, b.setBlock(blk, spans, st, para)...)
				para++
			}
			continue
		}
		items := b.setBlock(blk, spans, st, para)
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
		afterHead = blk.Style == Subheading
		first = false
	}
	if len(notes) > 0 {
		flow = append(flow, flowItem{kind: itemSpace, slots: 1, para: -1})
		flow = append(flow, notes...)
	}
	return flow
}

// closing reports whether a block style closes a letter or a quotation
// and so stays on the page of the text before it.
func closing(s BlockStyle) bool { return s == Signature || s == Dateline || s == Attribution }

// isProse reports whether a block style takes a small-capitals lead-in.
func isProse(s BlockStyle) bool { return s == Body || s == BodyFirst || s == Salutation }

// setBlock breaks a block into lines and makes them flow items.
func (b *book) setBlock(blk *Block, spans []Span, st paraStyle, para int) []flowItem {
	if st.fontStyle != Roman {
		spans = restyle(spans, st.fontStyle)
	}
	spans = b.sizeObjects(spans, st.size)
	set := b.s.Set
	if st.align == linebreak.Center {
		set = b.setBalanced
	}
	lines := set(linebreak.ParagraphSpec{
		Spans:       spans,
		Size:        st.size,
		Measure:     b.g.measure,
		FirstIndent: st.indent,
		LeftIndent:  st.left,
		RightIndent: st.right,
		Align:       st.align,
		Hyphenate:   st.hyphenate,
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
			it.dy = unit.Length(st.slots-1) * b.g.leading
		}
		if k == 0 && (blk.Style == ListItem || blk.Style == Footnote) && blk.Marker != "" {
			w := b.m.Width(Roman, st.size, blk.Marker)
			it.extra = append(it.extra, GlyphRun{X: st.left - w - st.size/2, Face: fonts.Regular, Size: st.size, Text: blk.Marker})
		}
		if blk.Style == Subheading && k == 0 {
			it.mark = &Bookmark{Title: plainText(blk.Spans), Level: max(blk.Outline, 1)}
		}
		items = append(items, it)
	}
	return items
}

// ornament is a section break: a grid line holding three spaced asterisks
// (an asterism), visible even when the break falls at a page's foot.
func (b *book) ornament(para int) flowItem {
	size := b.g.size
	w := b.m.Width(Roman, size, "*")
	c := b.g.measure / 2
	gap := 2 * size
	it := flowItem{kind: itemLine, slots: 1, para: para, lineCount: 1, firstWord: -1}
	for _, x := range []unit.Length{c - gap - w/2, c - w/2, c + gap - w/2} {
		it.extra = append(it.extra, GlyphRun{X: x, Face: fonts.Regular, Size: size, Text: "*"})
	}
	return it
}

// restyle sets Roman spans of a block in style (italic subheadings).
func restyle(spans []Span, style FontStyle) []Span {
	out := make([]Span, len(spans))
	for i, s := range spans {
		if s.Style == Roman {
			s.Style = style
		} else if s.Style == Italic && style == Italic {
			s.Style = Roman // emphasis inside italics is roman
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
func leadIn(spans []Span) []Span {
	if len(spans) == 0 || spans[0].Style != Roman {
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
	out := []Span{{Text: head, Style: SmallCaps, Link: spans[0].Link}}
	if end < len(rs) {
		rest := spans[0]
		rest.Text = string(rs[end:])
		out = append(out, rest)
	}
	return append(out, spans[1:]...)
}

// plainText joins the text of spans.
func plainText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// composeTitle sets the title page: the display blocks centred in the
// upper third of the text block and the publisher's lines at its foot. The
// blocks after the part's last Break go to the foot; without a Break, the
// last block does when there are three or more.
func (b *book) composeTitle(p *Part) []placedLine {
	top, foot := splitTitleBlocks(p.Blocks)
	var out []placedLine
	y := b.g.top + b.g.leading*unit.Length(b.g.lines)/7
	for i := range top {
		blk := &top[i]
		size, gap := b.scaled(18), b.g.leading*3/2
		style := paraStyle{align: linebreak.Center, size: size}
		if blk.Style == DisplayLarge {
			size = b.scaled(40) // 26pt on 10.5
			style.size = size
			gap = 2 * b.g.leading
		} else if blk.Style == Small {
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
		items := b.setBlock(blk, blk.Spans, paraStyle{align: linebreak.Center, size: b.g.size}, -1)
		for k := range items {
			footLines = append(footLines, &items[k])
			gaps = append(gaps, k == 0 && i > 0)
		}
	}
	y = b.g.baseline(b.g.lines - 1)
	for k := len(footLines) - 1; k >= 0; k-- {
		out = append(out, placedLine{item: footLines[k], y: y})
		y -= b.g.leading
		if gaps[k] {
			y -= b.g.leading / 2
		}
	}
	return out
}

func splitTitleBlocks(blocks []Block) (top, foot []Block) {
	last := -1
	for i, blk := range blocks {
		if blk.Style == Break {
			last = i
		}
	}
	if last >= 0 {
		for _, blk := range blocks[:last] {
			if blk.Style != Break {
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
func (b *book) composeImprint(p *Part) []placedLine {
	size := b.smallSize()
	lead := size * 13 / 10
	var lines []*flowItem
	var gaps []bool
	for i := range p.Blocks {
		blk := &p.Blocks[i]
		if blk.Style == Break {
			continue
		}
		items := b.setBlock(blk, blk.Spans, paraStyle{align: linebreak.Left, size: size}, -1)
		for k := range items {
			lines = append(lines, &items[k])
			gaps = append(gaps, k == 0 && len(lines) > 1)
		}
	}
	var out []placedLine
	y := b.g.baseline(b.g.lines - 1)
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
func (b *book) composeContents(p *Part, labels map[string]string) []flowItem {
	size := b.g.size
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
	labelCol := b.m.Width(Roman, size, "0000")
	space := b.m.Width(Roman, size, " ")
	pitch := b.m.Width(Roman, size, ". ")
	prev := Matter(-1)
	for i, q := range b.doc.Parts {
		if !q.InContents || q.Kind == ContentsPart {
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
		style := Roman
		if q.Editorial {
			style = Italic
		}
		lines := b.s.Set(linebreak.ParagraphSpec{
			Spans:       []Span{{Text: q.Title, Style: style}},
			Size:        size,
			Measure:     b.g.measure,
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
				it.links = append(it.links, LinkArea{X: 0, Y: -b.g.leading + b.g.leading/4, W: b.g.measure, H: b.g.leading, Page: -1 - i})
			}
			if k == len(lines)-1 {
				end := unit.Length(0)
				if n := len(l.Pieces); n > 0 {
					last := l.Pieces[n-1]
					end = last.X + b.m.Width(last.Style, last.Size, last.Text)
				}
				lw := b.m.Width(Roman, size, label)
				lx := b.g.measure - lw
				it.extra = append(it.extra, GlyphRun{X: lx, Face: fonts.Regular, Size: size, Text: label})
				// Leader dots a word space apart, with a word space and
				// at most half a dot's pitch more at each end, so no gap
				// on the line is much wider than a justified line's.
				first, last := end+space, lx-space
				if n := int((last - first + space) / pitch); n > 0 {
					x := first + (last-first-(unit.Length(n)*pitch-space))/2
					leader := strings.Repeat(". ", n)
					it.extra = append(it.extra, GlyphRun{X: x, Face: fonts.Regular, Size: size, Text: leader[:len(leader)-1]})
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
func (b *book) draw() []DrawnPage {
	out := make([]DrawnPage, len(b.pages))
	for n := range b.pages {
		pg := &b.pages[n]
		po := &out[n]
		left := b.g.left(n + 1)
		// A run per piece, mostly: sized once, as growing the slice run
		// by run was most of the cost of drawing. Faked small capitals
		// and the furniture may add a few.
		runs := 0
		for _, pl := range pg.lines {
			runs += len(pl.item.line.Pieces) + len(pl.item.extra)
		}
		po.Runs = make([]GlyphRun, 0, runs+runs/8+8)
		for _, pl := range pg.lines {
			b.drawLine(po, pl, left)
		}
		po.Marks = append(po.Marks, pg.marks...)
		for _, r := range pg.rules {
			r.X += left
			po.Rules = append(po.Rules, r)
		}
		if pg.kind == pageText {
			b.drawFurniture(po, n, left)
		}
	}
	return out
}

// facesInUse returns the faces draw will draw the pages in (pagesFaces of
// its result), without drawing them: each piece's face, and the regular
// face, which draws running heads, folios, markers and small capitals.
func (b *book) facesInUse() FaceSet {
	faces := FaceSet{fonts.Regular: true}
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
func (b *book) drawLine(po *DrawnPage, pl placedLine, left unit.Length) {
	it := pl.item
	drawPieces(po, b.m, it.line, left, pl.y)
	drawObjects(po, b.m, it.line, left, pl.y)
	if it.art != nil {
		drawArt(po, it.art, left, pl.y)
	}
	for _, pc := range it.line.Pieces {
		y := pl.y - pc.Rise
		if pc.Link != "" && b.links {
			w := b.m.Width(pc.Style, pc.Size, pc.Text)
			la := LinkArea{X: left + pc.X, Y: y - b.m.Ascent(pc.Style, pc.Size), W: w, H: b.m.Ascent(pc.Style, pc.Size) + b.m.Descent(pc.Style, pc.Size)}
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
			po.Links = append(po.Links, la)
		}
	}
	for _, r := range it.extra {
		r.X += left
		r.Y += pl.y
		po.Runs = append(po.Runs, r)
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
		po.Links = append(po.Links, la)
	}
}

// drawFurniture adds the running head and the folio of a running page. The
// verso carries the book's title, the recto the part's, both in letter-
// spaced small capitals centred over the text block, two grid lines above
// it; the folio is centred two grid lines below it (Bringhurst 4.3.2, 8.6).
func (b *book) drawFurniture(po *DrawnPage, n int, left unit.Length) {
	pg := &b.pages[n]
	head := b.doc.Title
	if (n+1)%2 == 1 && pg.part >= 0 {
		p := b.doc.Parts[pg.part]
		head = p.RunningHead
		if head == "" {
			head = p.Title
		}
	}
	size := b.g.size
	y := b.g.baseline(0) - 2*b.g.leading
	b.spaced(po, head, size, left, y)
	folio := pg.label
	w := b.m.Width(Roman, size, folio)
	po.Runs = append(po.Runs, GlyphRun{X: left + (b.g.measure-w)/2, Y: b.g.baseline(b.g.lines-1) + 2*b.g.leading, Face: fonts.Regular, Size: size, Text: folio})
}

// spaced draws text in small capitals, letter-spaced by a twentieth of the
// small capitals' size (Bringhurst 3.2.2: small caps want extra tracking;
// kept below a tenth so text extraction still sees whole words), centred
// over the text block and shortened at a word with an ellipsis when it
// would take more than four fifths of the measure.
func (b *book) spaced(po *DrawnPage, text string, size, left, y unit.Length) {
	original := strings.Fields(text)
	text = strings.ToLower(strings.Join(original, " "))
	small := size * linebreak.SmallCapsNum / linebreak.SmallCapsDen
	track := small / 20
	space := b.m.Width(Roman, small, " ") + track
	type word struct {
		runs []linebreak.CapsRun
		w    unit.Length
	}
	measure := func(t string) ([]word, unit.Length) {
		var ws []word
		var total unit.Length
		for i, f := range strings.Fields(t) {
			wd := word{runs: linebreak.SmallCapsRuns(f, size)}
			for _, r := range wd.runs {
				wd.w += b.m.Width(Roman, r.Size, r.Text) + track*unit.Length(len([]rune(r.Text)))
			}
			wd.w -= track // no tracking after the last letter
			if i > 0 {
				total += space
			}
			total += wd.w
			ws = append(ws, wd)
		}
		return ws, total
	}
	words, total := measure(text)
	for total > b.g.measure*4/5 {
		i := strings.LastIndex(strings.TrimRight(text, " …"), " ")
		if i <= 0 {
			break
		}
		text = strings.TrimRight(text[:i], " ,;:") + "…"
		words, total = measure(text)
	}
	x := left + (b.g.measure-total)/2
	for i, wd := range words {
		rx := x
		for k, r := range wd.runs {
			g := GlyphRun{X: rx, Y: y, Face: fonts.Regular, Size: r.Size, Text: r.Text, Track: track}
			// Text extraction should read the words as written, not
			// as the capitals drawn.
			if k == 0 && i < len(original) {
				g.Actual = original[i]
				if strings.HasSuffix(text, "…") && i == len(words)-1 {
					g.Actual = strings.TrimSuffix(original[i], ",") + "…"
				}
			}
			g.EndActual = k == len(wd.runs)-1
			po.Runs = append(po.Runs, g)
			rx += b.m.Width(Roman, r.Size, r.Text) + track*unit.Length(len([]rune(r.Text)))
		}
		x += wd.w + space
	}
}

// pageStarts reports, for each page, the first line of block text on it.
func (b *book) pageStarts() []PageStart {
	var out []PageStart
	for n, pg := range b.pages {
		for _, pl := range pg.lines {
			if pl.item.blockID == "" {
				continue
			}
			w := pl.item.firstWord
			if w < 0 {
				w = 0
			}
			out = append(out, PageStart{Page: n + 1, Label: pg.label, BlockID: pl.item.blockID, Word: w})
			break
		}
	}
	return out
}

// blockPages reports the page on which each block's first line falls.
func (b *book) blockPages() []BlockPage {
	var out []BlockPage
	seen := map[string]bool{}
	for n, pg := range b.pages {
		for _, pl := range pg.lines {
			id := pl.item.blockID
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			out = append(out, BlockPage{BlockID: id, Page: n + 1, Label: pg.label})
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
	var st Stats
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
			spans = append(spans, pageSpan{from: pos, to: to})
			pos = to
		}
		w, o := spanFaults(flow, spans)
		st.Widows += w
		st.Orphans += o
	}
	b.stats = st
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
