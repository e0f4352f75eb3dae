package layout

import (
	"slices"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/unit"
)

// This file sets figures: an image scaled to fit the text block, never
// beyond it, with its caption set under it, the two kept on one page
// (Chicago 3.7–3.10; Bringhurst 4.4).

// art is what a flow item draws besides its line: images, and rules (a
// table's), placed from the text block's left edge and the item's
// baseline.
type art struct {
	images []drawing.PlacedImage
	rules  []drawing.Rule
	// repeat are the items set again at the head of a page that begins
	// with this item (a table's header), taking repeatSlots grid lines.
	repeat      []flowItem
	repeatSlots int
}

// headSlots is the grid lines set before an item at the head of a page.
func (a *art) headSlots() int {
	if a == nil {
		return 0
	}
	return a.repeatSlots
}

// drawArt draws a flow item's art on a page.
func drawArt(po *drawing.DrawnPage, a *art, left, y unit.Length) {
	for _, im := range a.images {
		im.X += left
		im.Y += y
		po.Images = append(po.Images, im)
	}
	for _, r := range a.rules {
		r.X += left
		r.Y += y
		po.Rules = append(po.Rules, r)
	}
}

// imageResolution is the resolution an image is set at when it fits the
// text block: 150 pixels an inch, so that a picture made for the screen
// is neither a postage stamp nor blurred across the page.
const imageResolution = 150

// composeFigure sets a figure: the image on as many grid lines as its
// height takes, centred on the measure, and its caption, numbered if it
// has a Number, under it in the smaller size of quotations, centred. The
// whole is kept on one page: the image is scaled down until it fits one
// with its caption.
func (b *book) composeFigure(blk *document.Block, para int) []flowItem {
	im := blk.Image
	capSpans := blk.Spans
	if blk.Number != "" {
		capSpans = append([]document.Span{{Text: blk.Number + " ", Style: document.Italic}}, capSpans...)
	}
	var caption []flowItem
	if len(capSpans) > 0 {
		st := paraStyle{size: b.quoteSize(), align: linebreak.Center, slots: 1, hyphenate: true}
		caption = b.setBlock(blk, capSpans, st, para)
		// The label's words are not the block's: its words start after.
		if n := len(linebreak.Words(blk.Number)); n > 0 {
			for k := range caption {
				caption[k].firstWord = max(caption[k].firstWord-n, 0)
			}
		}
	}
	lead := b.g.Leading
	w, h := unit.Inch*unit.Length(im.Width)/imageResolution, unit.Inch*unit.Length(im.Height)/imageResolution
	if im.Width <= 0 || im.Height <= 0 {
		w, h = b.g.Measure, b.g.Measure*2/3
	}
	// At most the measure wide, and as high as a page leaves under its
	// caption and a line of space.
	maxH := unit.Length(b.g.Lines-len(caption)-1)*lead - (lead - b.g.Size)
	if w > b.g.Measure {
		h = h * b.g.Measure / w
		w = b.g.Measure
	}
	if h > maxH && maxH > 0 {
		w = w * maxH / h
		h = maxH
	}
	// The image's top at the first grid line's top (its baseline less the
	// type size), its foot on or above the last grid line it takes.
	slots := max(1, int((h+lead-b.g.Size+lead-1)/lead))
	top := -b.g.Size
	// centred in the grid lines it takes
	free := unit.Length(slots)*lead - (lead - b.g.Size) - h
	y := top + free/2
	a := &art{images: []drawing.PlacedImage{{X: (b.g.Measure - w) / 2, Y: y, W: w, H: h, Image: im}}}
	img := flowItem{kind: itemLine, slots: slots, para: -1, blockID: blk.ID, firstWord: 0, art: a, keep: len(caption) > 0, float: true}
	out := []flowItem{img}
	for k := range caption {
		caption[k].keep = k < len(caption)-1
		out = append(out, caption[k])
	}
	return out
}

// composeSet sets the blocks that are not paragraphs of text: figures,
// tables and displayed formulas; nil for any other block.
func (b *book) composeSet(blk *document.Block, para int) []flowItem {
	switch {
	case blk.Style == document.Figure && blk.Image != nil:
		return b.composeFigure(blk, para)
	case blk.Style == document.TableBlock && blk.Table != nil:
		return b.composeTable(blk, para)
	case blk.Style == document.DisplayMath && blk.Math != nil:
		return b.composeDisplayMath(blk, para)
	}
	return nil
}

// constructStyle is how the blocks of the constructs are set that are
// paragraphs: a line of verse or of code flush left, never justified, a
// turned line indented (Chicago 13.25 for verse); code never hyphenated;
// a term in italics; a definition indented as a list item's text.
func (b *book) constructStyle(blk *document.Block, st *paraStyle) {
	em := b.g.Size
	switch blk.Style {
	case document.Verse:
		// The first line at the quotation's indent (none in the text), a
		// turned line 1.5 em further in; in a quotation, at its size.
		st.align, st.left, st.indent = linebreak.Left, em*3/2*unit.Length(blk.Level+1), -em*3/2
		if blk.Level > 0 {
			st.size = b.quoteSize()
		}
	case document.Code:
		st.align, st.hyphenate, st.size = linebreak.Left, false, b.quoteSize()
		st.left = em * 3 / 2 * unit.Length(blk.Level)
	case document.Term:
		st.align, st.hyphenate, st.fontStyle, st.keep = linebreak.Left, false, document.Italic, true
		st.left = em * 3 / 2 * unit.Length(blk.Level)
	case document.Definition:
		st.align = linebreak.Left
		st.left = em*3/2*unit.Length(blk.Level) + em*3/2
	case document.Figure, document.TableBlock:
		// without its image or rows: its caption, centred
		st.align, st.size = linebreak.Center, b.quoteSize()
	case document.DisplayMath:
		st.align = linebreak.Center
	case document.Continued:
		st.indent = 0
	}
}

// floatTries bounds the figures floated in one part.
const floatTries = 16

// floatFigures lets the figures of part i float: a figure too tall for
// what is left of a page goes to the head of the next, and the text that
// follows it in the source runs on to fill the page it would have left
// short, as LaTeX places a float "here, or at the top of a page" ([tp]).
// The figure moves forward only, past the lines that fill the page, so it
// stands at most a page after the text that leads up to it. A move is kept
// only when it leaves fewer short pages, or as many with fewer lines
// missing. It runs after fillPages, which sets a paragraph anew only while
// its lines stand together.
func (b *book) floatFigures(i int, flow []flowItem) []flowItem {
	if !slices.ContainsFunc(flow, func(it flowItem) bool { return it.float }) {
		return flow
	}
	_, start := b.composeHeading(&b.doc.Parts[i])
	firstCap, cap := b.g.Lines-start, b.g.Lines
	spans := paginate(flow, firstCap, cap, true, b.noteArea)
	short, missing := shortSpans(spans, firstCap, cap)
	for tries := 0; tries < floatTries; tries++ {
		moved := false
		for _, k := range short {
			c := cap
			if k == 0 {
				c = firstCap
			}
			gap := c - spans[k].Height
			for _, lines := range []int{gap, gap - 1, gap + 1} {
				f2, now := floatFigure(flow, spans[k+1].From, lines)
				if f2 == nil {
					continue
				}
				sp2 := paginate(f2, firstCap, cap, true, b.noteArea)
				if !slices.ContainsFunc(sp2, func(s pageSpan) bool { return s.From == now }) {
					continue // it would not stand at the head of a page
				}
				if sh2, m2 := shortSpans(sp2, firstCap, cap); len(sh2) < len(short) || len(sh2) == len(short) && m2 < missing {
					flow, spans, short, missing = f2, sp2, sh2, m2
					moved = true
					break
				}
			}
			if moved {
				break
			}
		}
		if !moved {
			break
		}
	}
	return flow
}

// floatFigure returns flow with the figure that begins at item at (its
// image, the caption kept with it, and the spaces around them) moved past
// the grid lines of text that follow it, lines of them, and where its
// image now stands; nil when no figure begins there or the text after it
// has no such lines (it ends, or another figure, table or formula comes
// first).
func floatFigure(flow []flowItem, at, lines int) ([]flowItem, int) {
	if lines < 1 || at >= len(flow) || !flow[at].float {
		return nil, 0
	}
	g0, g1 := at, at+1
	for g0 > 0 && flow[g0-1].kind == itemSpace {
		g0--
	}
	for g1 < len(flow) && flow[g1-1].keep {
		g1++
	}
	for g1 < len(flow) && flow[g1].kind == itemSpace {
		g1++
	}
	end, taken := g1, 0
	for taken < lines {
		if end >= len(flow) || flow[end].art != nil || flow[end].kind != itemLine && flow[end].kind != itemSpace {
			return nil, 0
		}
		taken += flow[end].slots
		end++
	}
	if taken != lines || flow[end-1].kind != itemLine || flow[end-1].keep {
		return nil, 0 // the lines would not fill the page, or part a heading from its text
	}
	out := make([]flowItem, 0, len(flow))
	out = append(out, flow[:g0]...)
	out = append(out, flow[g1:end]...)
	out = append(out, flow[g0:g1]...)
	return append(out, flow[end:]...), at + end - g1
}
