package layout

import (
	"cmp"
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
	wide    map[string]bool // the tables too wide for the measure, true if broken (Result.WideTables)
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
// paragraph.Balanced), a word of one letter kept with the word after it,
// as display lines are set (linebreak.ParagraphSpec.BindShortWords).
func (b *book) setBalanced(p linebreak.ParagraphSpec) []linebreak.Line {
	p.BindShortWords = true
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
	strict      bool               // with looseness: within the tolerance of any paragraph
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
		if blk.Level > 0 {
			// An item of a list in a note: indented a step past the note's
			// mark for each level, its marker hanging, ragged right as a
			// list is set (see ListItem).
			st.left, st.align = st.size*3/2*unit.Length(blk.Level+1), linebreak.Left
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
		// A display opens at a change of style, and at a new block of the
		// same style (the next stanza: its lines carry another id; a blank
		// line inside a stanza carries none).
		opens := display && (bi == 0 || p.Blocks[bi-1].Style != blk.Style ||
			p.Blocks[bi-1].ID != "" && blk.ID != "" && p.Blocks[bi-1].ID != blk.ID)
		// A block quotation is set off by a line of space above, unless
		// it opens the part or follows a heading, and below (Chicago
		// 13.23); a note's paragraphs stand elsewhere.
		setOff := blk.Style != document.Footnote && (blk.QuoteStart && !first && !afterHead || bi > 0 && p.Blocks[bi-1].QuoteEnd)
		if (spaceAfter && !(display && !opens) || opens && !first && !afterHead || setOff) && st.spaceAbove == 0 {
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
		if opensLetter(p.Blocks, bi) {
			// A dateline at the head of a letter goes with the letter's
			// first lines, as a heading does with its text: never alone
			// at a page's foot.
			for k := range items {
				items[k].keep = true
			}
		} else if closing(blk.Style) {
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
		} else if opensLetter(p.Blocks, bi) && !first && !afterHead && len(flow) > 0 && flow[len(flow)-1].kind != itemSpace {
			// A letter headed by its dateline begins a line below the text
			// before it, the close of the letter before: a collection of
			// letters sets each apart, as its salutation is.
			flow = append(flow, flowItem{kind: itemSpace, slots: 1, para: -1})
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

// opensLetter reports whether block i of blocks is a dateline that heads
// a letter rather than closes one: the salutation or the letter's text
// follows it.
func opensLetter(blocks []document.Block, i int) bool {
	if blocks[i].Style != document.Dateline || i+1 >= len(blocks) {
		return false
	}
	next := blocks[i+1].Style
	return next == document.Salutation || next == document.Body || next == document.BodyFirst
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
		Strict:      st.strict,
	})
	items := make([]flowItem, 0, len(lines))
	first := firstWords(lines, blk.WordOffset)
	for k, l := range lines {
		fw := first[k]
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

// wideTables returns the IDs of the tables set wider than the measure, in
// reading order.
func (b *book) wideTables() []document.WideTable {
	var out []document.WideTable
	for _, p := range b.doc.Parts {
		for _, blk := range p.Blocks {
			broken, ok := b.wide[blk.ID]
			if ok && !slices.ContainsFunc(out, func(w document.WideTable) bool { return w.BlockID == blk.ID }) {
				out = append(out, document.WideTable{BlockID: blk.ID, Broken: broken})
			}
		}
	}
	return out
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
			Spans:       []document.Span{{Text: q.EntryTitle(), Style: style}},
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
				if g, ok := b.leader(size, end, lx); ok {
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

// endsWithHyphen reports whether a line ends in a hyphen, inserted or the
// text's own: either sends the reader across the leaf in mid-word.
func endsWithHyphen(l linebreak.Line) bool {
	if l.Hyphenated {
		return true
	}
	n := len(l.Pieces)
	return n > 0 && strings.HasSuffix(l.Pieces[n-1].Text, "-")
}

// firstWords returns, for each line of a paragraph, the word (see
// linebreak.Words, counted from offset) it begins in: the word of its
// first piece, or the word the line before ended in when the line opens
// inside a hyphenated word; -1 for a line with no word.
func firstWords(lines []linebreak.Line, offset int) []int {
	out := make([]int, len(lines))
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
			fw += offset
		}
		out[k] = fw
	}
	return out
}
