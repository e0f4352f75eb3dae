package layout

import (
	"slices"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/unit"
)

// This file sets tables as books set them: on the baseline grid, with
// horizontal rules only, a heavier one above and below the table and a
// light one under the header (Bringhurst 4.4; the booktabs package's
// rules: \toprule and \bottomrule .08em, \midrule .05em), no vertical
// rules, the columns as wide as their content needs, cell text wrapped
// within them, and the header set again at the head of every page a long
// table continues on. A table wider than the measure at the size of
// quotations is set in the small size of notes, and its columns then
// share the measure.

// columnGap is the space between two columns, twice booktabs' \tabcolsep
// of 6pt at 10pt, in ems of the table's size.
const columnGapEms = 1.2

// tableLayout is a table's columns and type size, chosen from its
// content.
type tableLayout struct {
	size   unit.Length
	widths []unit.Length
	gap    unit.Length
	x      unit.Length // the table's left edge, from the text block's
	width  unit.Length
}

// cellSpec returns the paragraph spec of a cell paragraph.
func (b *book) cellSpec(spans []document.Span, size, width unit.Length, align document.Align) linebreak.ParagraphSpec {
	a := linebreak.Left
	switch align {
	case document.AlignCenter:
		a = linebreak.Center
	case document.AlignRight:
		a = linebreak.Right
	}
	return linebreak.ParagraphSpec{Spans: b.sizeObjects(spans, size), Size: size, Measure: width, Align: a, Hyphenate: true}
}

// naturalWidth returns the width of spans set on one line, and the width
// of their widest word, at size.
func (b *book) naturalWidth(spans []document.Span, size unit.Length) (natural, widest unit.Length) {
	spans = b.sizeObjects(spans, size)
	lines := b.s.Set(linebreak.ParagraphSpec{Spans: spans, Size: size, Measure: 1 << 40, Align: linebreak.Left})
	for _, l := range lines {
		natural = max(natural, l.Natural)
	}
	for _, sp := range spans {
		if sp.Object != nil {
			widest = max(widest, sp.Object.Width())
			continue
		}
		for _, w := range linebreak.Words(sp.Text) {
			widest = max(widest, b.m.Width(sp.Style, size, w))
		}
	}
	return natural, widest
}

// layoutTable chooses a table's type size and column widths: each column
// as wide as its widest cell when the table fits the measure at the size
// of quotations, or at the small size; else the measure shared as CSS's
// automatic table layout shares it, each column getting its widest word
// and a share of the rest in proportion to what it would take unbroken
// (CSS 2.1, §17.5.2.2).
func (b *book) layoutTable(t *document.Table) tableLayout {
	ncol := len(t.Align)
	for _, row := range append(append([][]document.Cell(nil), t.Head...), t.Body...) {
		ncol = max(ncol, len(row))
	}
	try := func(size unit.Length) (tableLayout, []unit.Length, []unit.Length, bool) {
		nat := make([]unit.Length, ncol)
		wid := make([]unit.Length, ncol)
		for _, row := range append(append([][]document.Cell(nil), t.Head...), t.Body...) {
			for c, cell := range row {
				for _, p := range cell.Paras {
					n, w := b.naturalWidth(p.Spans, size)
					nat[c], wid[c] = max(nat[c], n), max(wid[c], w)
				}
			}
		}
		gap := unit.Length(float64(size) * columnGapEms)
		total := gap * unit.Length(max(ncol-1, 0))
		for _, n := range nat {
			total += n
		}
		tl := tableLayout{size: size, widths: nat, gap: gap, width: total}
		return tl, nat, wid, total <= b.g.Measure
	}
	tl, nat, wid, ok := try(b.quoteSize())
	if !ok {
		tl, nat, wid, ok = try(b.smallSize())
	}
	if !ok {
		avail := b.g.Measure - tl.gap*unit.Length(max(ncol-1, 0))
		var minTotal, maxTotal unit.Length
		for c := range nat {
			minTotal += wid[c]
			maxTotal += nat[c]
		}
		widths := make([]unit.Length, ncol)
		for c := range widths {
			switch {
			case minTotal >= avail:
				widths[c] = unit.Length(int64(avail) * int64(wid[c]) / int64(max(minTotal, 1)))
			default:
				widths[c] = wid[c] + unit.Length(int64(nat[c]-wid[c])*int64(avail-minTotal)/int64(max(maxTotal-minTotal, 1)))
			}
		}
		tl.widths, tl.width = widths, b.g.Measure
	}
	tl.x = max(0, (b.g.Measure-tl.width)/2)
	return tl
}

// tableRule is the thickness of booktabs' rules, in ems of the table's
// size: heavy above and below, light under the header.
func tableRule(size unit.Length, heavy bool) unit.Length {
	if heavy {
		return size * 8 / 100
	}
	return size * 5 / 100
}

// composeTable sets a table: its caption above it (Chicago 3.52), then
// its rows, one grid line a line of text, each cell's lines at its
// column's place. A row is kept on one page; pages that a table continues
// on open with its header again.
func (b *book) composeTable(blk *document.Block, para int) []flowItem {
	t := blk.Table
	tl := b.layoutTable(t)
	var out []flowItem
	capSpans := blk.Spans
	if blk.Number != "" {
		capSpans = append([]document.Span{{Text: blk.Number + " ", Style: document.Italic}}, capSpans...)
	}
	if len(capSpans) > 0 {
		st := paraStyle{size: b.quoteSize(), align: linebreak.Center, slots: 1, hyphenate: true}
		caption := b.setBlock(blk, capSpans, st, para)
		if n := len(linebreak.Words(blk.Number)); n > 0 {
			for k := range caption {
				caption[k].firstWord = max(caption[k].firstWord-n, 0)
			}
		}
		for k := range caption {
			caption[k].keep = true // the caption stays with the table
		}
		out = append(out, caption...)
	}
	lead := b.g.Leading
	// Rules sit halfway between a line's descenders and the capitals of
	// the next: ruleAbove up from a baseline, ruleBelow down from one.
	asc, desc := tl.size*7/10, tl.size/4
	ruleAbove := desc + (lead-asc-desc)/2 - lead
	ruleBelow := desc + (lead-asc-desc)/2
	rule := func(y unit.Length, heavy bool) drawing.Rule {
		return drawing.Rule{X: tl.x, Y: y, W: tl.width, Thickness: tableRule(tl.size, heavy)}
	}
	var head []flowItem
	for r, row := range t.Head {
		items := b.tableRow(row, t, tl)
		if r == 0 {
			first := &items[0]
			first.art = &art{rules: []drawing.Rule{rule(ruleAbove, true)}}
		}
		if r == len(t.Head)-1 {
			last := &items[len(items)-1]
			last.keep = true // the header stays with the first row
			if last.art == nil {
				last.art = &art{}
			}
			last.art.rules = append(last.art.rules, rule(ruleBelow, false))
		}
		head = append(head, items...)
	}
	out = append(out, head...)
	// The header set again at the head of a page: its lines without their
	// blocks' ids, so its words are counted, and page starts reported, where
	// it first stands.
	var repeat []flowItem
	slots := 0
	for _, it := range head {
		it.blockID, it.countID, it.firstWord = "", "", -1
		repeat = append(repeat, it)
		slots += it.slots
	}
	if len(head) == 0 && len(t.Body) > 0 {
		// No header: the top rule over the first row, and over the first
		// row of every page the table continues on.
		repeat = []flowItem{{kind: itemSpace, slots: 0, para: -1, art: &art{rules: []drawing.Rule{rule(ruleAbove, true)}}}}
	}
	var rowEnds []int // the index in out of each body row's last item
	for r, row := range t.Body {
		items := b.tableRow(row, t, tl)
		if len(head) == 0 && r == 0 {
			items[0].art = &art{rules: []drawing.Rule{rule(ruleAbove, true)}}
		}
		if r > 0 || len(head) == 0 {
			if items[0].art == nil {
				items[0].art = &art{}
			}
			items[0].art.repeat, items[0].art.repeatSlots = repeat, slots
		}
		if r == len(t.Body)-1 {
			last := &items[len(items)-1]
			if last.art == nil {
				last.art = &art{}
			}
			last.art.rules = append(last.art.rules, rule(ruleBelow, true))
		}
		out = append(out, items...)
		rowEnds = append(rowEnds, len(out)-1)
	}
	keepRowsTogether(out, rowEnds, b.g.Lines/3)
	return out
}

// keepRowsTogether marks where a table may not be parted across pages. A
// table of at most short grid lines is not parted at all: it is a float,
// set at the head of the next page when it does not fit (floatFigures),
// as LaTeX floats a table. A longer one is not parted after its first
// body row nor before its last, so that no page holds a row alone, which a
// reader could not compare with its neighbours without turning back (the
// widow and orphan rule, applied to rows). rowEnds are the indices of
// each body row's last item in items.
func keepRowsTogether(items []flowItem, rowEnds []int, short int) {
	if len(rowEnds) == 0 {
		return
	}
	lines := 0
	for _, it := range items {
		lines += it.slots
	}
	if lines <= short {
		items[0].float = true
		for i := range items[:len(items)-1] {
			items[i].keep, items[i].whole = true, true
		}
		return
	}
	if len(rowEnds) >= 2 {
		items[rowEnds[0]].keep = true
		items[rowEnds[len(rowEnds)-2]].keep = true
	}
}

// tableRow sets one row: for each grid line it takes, one flow item per
// cell with a line there, all but the last taking no grid line of their
// own, so they share a baseline; every item but the row's last is kept
// with the next, so the row is not parted across pages.
func (b *book) tableRow(row []document.Cell, t *document.Table, tl tableLayout) []flowItem {
	type cellLines struct {
		x     unit.Length
		lines []flowItem
	}
	var cells []cellLines
	depth := 1
	x := tl.x
	for c := range tl.widths {
		var cl cellLines
		cl.x = x
		if c < len(row) {
			align := document.AlignLeft
			if c < len(t.Align) {
				align = t.Align[c]
			}
			for _, p := range row[c].Paras {
				spec := b.cellSpec(p.Spans, tl.size, tl.widths[c], align)
				lines := b.s.Set(spec)
				first := firstWords(lines, p.WordOffset)
				for k, l := range lines {
					fw := first[k]
					// The memo's pieces are shared: moved, they are copied.
					l.Pieces = slices.Clone(l.Pieces)
					for i := range l.Pieces {
						l.Pieces[i].X += x
					}
					cl.lines = append(cl.lines, flowItem{kind: itemLine, line: l, para: -1, lineNo: k, lineCount: len(lines), blockID: p.ID, firstWord: fw, hyphen: endsWithHyphen(l)})
				}
			}
		}
		depth = max(depth, len(cl.lines))
		cells = append(cells, cl)
		x += tl.widths[c] + tl.gap
	}
	var out []flowItem
	for k := 0; k < depth; k++ {
		start := len(out)
		for _, cl := range cells {
			if k < len(cl.lines) {
				it := cl.lines[k]
				it.keep = true
				out = append(out, it)
			}
		}
		if len(out) == start {
			out = append(out, flowItem{kind: itemLine, para: -1, firstWord: -1, keep: true})
		}
		out[len(out)-1].slots = 1
	}
	out[len(out)-1].keep = false
	return out
}
