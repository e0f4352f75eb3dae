package layout

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bindery-editions/bindery/fonts"
	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/tagging"
	"github.com/bindery-editions/bindery/layout/unit"
)

// Drawing is the last stage: the placed lines of every page become glyph
// runs, rules, images, links and bookmarks, with the running heads and
// folios (Bringhurst 4.3.2, 8.6) and, in a tagged drawing, the structure
// element each belongs to (layout/tagging).

// draw turns the pages into what the PDF writer draws: text, running
// heads, folios, links and bookmarks.
func (b *book) draw() []drawing.DrawnPage {
	out := make([]drawing.DrawnPage, len(b.pages))
	// Each page is drawn from the book alone, into its own DrawnPage, so
	// pages are drawn by as many workers as the budget allows, each
	// taking the next page not yet drawn: the drawing is the same
	// whichever draws which. A tagged book's pages are drawn in order, as
	// the structure tree is built line by line.
	workers := min(b.workers, len(b.pages))
	if b.tags != nil || workers <= 1 {
		for n := range b.pages {
			b.drawPage(&out[n], n)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for n := int(next.Add(1)) - 1; n < len(b.pages); n = int(next.Add(1)) - 1 {
				b.drawPage(&out[n], n)
			}
		})
	}
	wg.Wait()
	return out
}

// drawPage draws page n into po.
func (b *book) drawPage(po *drawing.DrawnPage, n int) {
	pg := &b.pages[n]
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
	b.spaced(po, pagedesign.HeadText(head), size, left, y)
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
