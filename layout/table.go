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

// columnGapTightEms is the space between two columns of a table too wide
// for the measure at the smallest size: half an em, still more than a word
// space, so that columns stay apart.
const columnGapTightEms = 0.5

// tableLayout is a table's columns and type size, chosen from its
// content.
type tableLayout struct {
	size   unit.Length
	widths []unit.Length
	gap    unit.Length
	x      unit.Length // the table's left edge, from the text block's
	width  unit.Length
	// tooWide is set when the table's widest words do not fit the measure
	// even at tableFloor: it is set wider than the measure, and broken is
	// set when even so its widest words do not fit and are broken.
	tooWide, broken bool
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

// tableFloor is the smallest size a table is set at to keep its columns
// from wrapping: 7pt, the size of the smallest figures of a statistical
// table that stay legible in a book (Bringhurst 4.4 sets tabular matter
// a size or two below the text; Chicago 3.60 lets a wide table drop to the
// smallest legible size before it is broken or turned).
var tableFloor = unit.Pt(7)

// tableSizeStep is how far each smaller setting of a table drops, half a
// point.
var tableSizeStep = unit.Pt(0.5)

// columns returns the number of columns of a table: its alignments', or
// its widest row's, counting each cell as the columns it spans.
func columns(t *document.Table) int {
	ncol := len(t.Align)
	for _, row := range append(append([][]document.Cell(nil), t.Head...), t.Body...) {
		n := 0
		for _, cell := range row {
			n += cell.Columns()
		}
		ncol = max(ncol, n)
	}
	return ncol
}

// layoutTable chooses a table's type size and column widths: each column
// as wide as its widest cell when the table fits the measure at the size
// of quotations, or at the small size, or at a smaller one down to
// tableFloor; else, at the largest of those sizes at which every word
// fits its column, the measure shared as CSS's automatic table layout
// shares it, each column getting its widest word and a share of the rest
// in proportion to what it would take unbroken (CSS 2.1, §17.5.2.2).
// A word is never broken inside its column (a number broken between its
// digits is misread): a table whose widest words do not fit the measure
// even at tableFloor is set at that size with its columns closer and over
// the margins, and reported (tableLayout.tooWide).
func (b *book) layoutTable(t *document.Table) tableLayout {
	ncol := columns(t)
	type trial struct {
		tl       tableLayout
		nat, wid []unit.Length
	}
	try := func(size unit.Length) trial {
		nat := make([]unit.Length, ncol)
		wid := make([]unit.Length, ncol)
		gap := unit.Length(float64(size) * columnGapEms)
		// Cells of one column first; a cell spanning columns then widens
		// those it spans, evenly, by what they lack of its width.
		type spanning struct {
			c, n     int
			nat, wid unit.Length
		}
		var spans []spanning
		for _, row := range append(append([][]document.Cell(nil), t.Head...), t.Body...) {
			c := 0
			for _, cell := range row {
				n := cell.Columns()
				var cn, cw unit.Length
				for _, p := range cell.Paras {
					pn, pw := b.naturalWidth(p.Spans, size)
					cn, cw = max(cn, pn), max(cw, pw)
				}
				if n == 1 {
					nat[c], wid[c] = max(nat[c], cn), max(wid[c], cw)
				} else if len(cell.Paras) > 0 {
					spans = append(spans, spanning{c, n, cn, cw})
				}
				c += n
			}
		}
		widen := func(cols []unit.Length, c, n int, need unit.Length) {
			have := gap * unit.Length(n-1)
			for k := c; k < c+n; k++ {
				have += cols[k]
			}
			if need <= have {
				return
			}
			extra := need - have
			for k := c; k < c+n; k++ {
				share := extra / unit.Length(n)
				if k == c+n-1 {
					share = extra - share*unit.Length(n-1)
				}
				cols[k] += share
			}
		}
		for _, sp := range spans {
			widen(nat, sp.c, sp.n, sp.nat)
			widen(wid, sp.c, sp.n, sp.wid)
		}
		total := gap * unit.Length(max(ncol-1, 0))
		for _, n := range nat {
			total += n
		}
		return trial{tableLayout{size: size, widths: nat, gap: gap, width: total}, nat, wid}
	}
	fits := func(tr trial) bool { return tr.tl.width <= b.g.Measure }
	// minimum is what the table needs with every column as narrow as its
	// widest word.
	minimum := func(tr trial) unit.Length {
		total := tr.tl.gap * unit.Length(max(ncol-1, 0))
		for _, w := range tr.wid {
			total += w
		}
		return total
	}
	var trials []trial
	for _, size := range b.tableSizes() {
		tr := try(size)
		if fits(tr) {
			return b.centreTable(tr.tl)
		}
		trials = append(trials, tr)
	}
	// The size of quotations is kept for a table whose columns need not
	// wrap; one that wraps is set small (trials[0] is at the size of
	// quotations).
	for _, tr := range trials[1:] {
		if minimum(tr) > b.g.Measure {
			continue
		}
		tl := tr.tl
		tl.widths, _ = shareMeasure(tr.nat, tr.wid, b.g.Measure-tl.gap*unit.Length(max(ncol-1, 0)))
		tl.width = b.g.Measure
		return b.centreTable(tl)
	}
	// Too wide at the smallest size: the columns closer together, and,
	// if that is not enough, the table let out over both margins as far as
	// printers' safe margin, a quarter inch from the trim; what does not
	// fit even so is broken.
	tr := trials[len(trials)-1]
	tl := tr.tl
	tl.gap = unit.Length(float64(tl.size) * columnGapTightEms)
	room := b.g.Measure + 2*max(0, min(b.g.Inner, b.g.Outer)-unit.Inch/4)
	gaps := tl.gap * unit.Length(max(ncol-1, 0))
	var whole bool
	tl.widths, whole = shareMeasure(tr.nat, tr.wid, room-gaps)
	tl.width = gaps
	for _, w := range tl.widths {
		tl.width += w
	}
	tl.tooWide = tl.width > b.g.Measure || !whole
	tl.broken = !whole
	return b.centreTable(tl)
}

// shareMeasure shares avail among columns as CSS's automatic table layout
// does (CSS 2.1, §17.5.2.2): each its natural width nat when all fit;
// else each its widest word wid and a share of the rest in proportion to
// what it would take unbroken. When even the widest words do not fit,
// whole is false: the widest columns are narrowed alike, to one width
// that makes the table fit, so that only the longest words are broken
// (a file name, an address) and the narrow columns' words, numbers most
// often, stay whole.
func shareMeasure(nat, wid []unit.Length, avail unit.Length) (widths []unit.Length, whole bool) {
	var minTotal, maxTotal unit.Length
	for c := range nat {
		minTotal += wid[c]
		maxTotal += nat[c]
	}
	widths = make([]unit.Length, len(nat))
	if minTotal > avail {
		// The widest cap at which the columns, none wider than it, fit.
		capped := func(limit unit.Length) unit.Length {
			var total unit.Length
			for _, w := range wid {
				total += min(w, limit)
			}
			return total
		}
		lo, hi := unit.Length(0), slices.Max(wid)
		for lo < hi {
			mid := lo + (hi-lo+1)/2
			if capped(mid) <= avail {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		for c := range widths {
			widths[c] = min(wid[c], lo)
		}
		return widths, false
	}
	for c := range widths {
		if maxTotal <= avail {
			widths[c] = nat[c]
		} else {
			widths[c] = wid[c] + unit.Length(int64(nat[c]-wid[c])*int64(avail-minTotal)/int64(max(maxTotal-minTotal, 1)))
		}
	}
	return widths, true
}

// tableSizes are the sizes a table is tried at, largest first: the size
// of quotations, the small size, then half a point smaller each time down
// to tableFloor (or the small size, in a book whose small size is below
// it).
func (b *book) tableSizes() []unit.Length {
	sizes := []unit.Length{b.quoteSize(), b.smallSize()}
	for s := b.smallSize() - tableSizeStep; s >= tableFloor; s -= tableSizeStep {
		sizes = append(sizes, s)
	}
	return sizes
}

// centreTable centres a table on the text block: one narrower than the
// measure within it, one wider over both margins alike.
func (b *book) centreTable(tl tableLayout) tableLayout {
	tl.x = (b.g.Measure - tl.width) / 2
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
	if tl.tooWide {
		b.mu.Lock()
		if b.wide == nil {
			b.wide = map[string]bool{}
		}
		b.wide[blk.ID] = tl.broken
		b.mu.Unlock()
	}
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
	// Each column's left edge.
	xs := make([]unit.Length, len(tl.widths)+1)
	xs[0] = tl.x
	for c, w := range tl.widths {
		xs[c+1] = xs[c] + w + tl.gap
	}
	c := 0
	for _, cell := range row {
		if c >= len(tl.widths) {
			break
		}
		n := min(cell.Columns(), len(tl.widths)-c)
		x := xs[c]
		width := xs[c+n] - tl.gap - x // the columns it spans and the gaps between them
		cl := cellLines{x: x}
		align := document.AlignLeft
		if c < len(t.Align) {
			align = t.Align[c]
		}
		for _, p := range cell.Paras {
			spec := b.cellSpec(p.Spans, tl.size, width, align)
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
		depth = max(depth, len(cl.lines))
		cells = append(cells, cl)
		c += n
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
