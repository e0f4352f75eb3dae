package layout

import (
	"fmt"
	"time"

	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/fonts"
)

// MinSpineText is the narrowest spine that carries its title: printers
// refuse spine text on thinner books (KDP asks for more than 100 pages,
// about 0.225 in), since the fold may wander by 1/16 in either way.
const MinSpineText = unit.Inch / 4

// SpineWidth is the spine of a book of pages pages printed on paper
// paperThickness thick per page, the figure printers publish (KDP: 0.002252
// in for white paper, 0.0025 in for cream).
func SpineWidth(pages int, paperThickness unit.Length) unit.Length {
	return unit.Length(pages) * paperThickness
}

// DrawCover sets and draws a wraparound cover for print on demand: back cover,
// spine and front cover on one sheet, the trim size of the book twice plus
// the spine, with 1/8 in bleed all round. The front carries the title,
// subtitle and author; the back the document's subject (its description);
// the spine, when wide enough, title and author reading top to bottom.
func DrawCover(doc *Document, pages int, paperThickness unit.Length) (*Drawing, error) {
	trim, err := LookupTrim(doc.Trim)
	if err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	if pages <= 0 || paperThickness <= 0 {
		return nil, fmt.Errorf("cover: need a page count and a paper thickness (got %d pages, %v pt)", pages, paperThickness.Points())
	}
	m, err := linebreak.NewFontMeasurer()
	if err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	h, _ := hyphenatorFor(doc.Language, doc.Hyphenation) // the book's setting says when there is none
	s := linebreak.NewSetter(m, h)
	g := newGeometry(trim)
	spine := SpineWidth(pages, paperThickness)
	sheet := Trim{Name: "cover", Width: 2*trim.Width + spine, Height: trim.Height}

	var po DrawnPage
	// centred sets text centred in a panel starting at x0 of width w, from
	// baseline y down; it returns the baseline after the last line.
	centred := func(text string, style FontStyle, size, x0, w, y unit.Length) unit.Length {
		if text == "" {
			return y
		}
		margin := w / 8
		lines := setBalanced(s, linebreak.ParagraphSpec{Spans: []Span{{Text: text, Style: style}}, Size: size, Measure: w - 2*margin, Align: linebreak.Center})
		for _, l := range lines {
			drawPieces(&po, m, l, x0+margin, y)
			y += size * 5 / 4
		}
		return y
	}
	front := trim.Width + spine
	size := g.size
	if doc.Cover != nil {
		po.Images = append(po.Images, coverPicture(doc.Cover, front, trim, unit.Inch/8))
	} else {
		y := trim.Height / 4
		y = centred(doc.Title, Roman, size*3, front, trim.Width, y)
		y += size * 2
		centred(doc.Subtitle, Italic, size*3/2, front, trim.Width, y)
		centred(doc.Author, SmallCaps, size*3/2, front, trim.Width, trim.Height*3/4)
	}

	if doc.Subject != "" {
		lines := s.Set(linebreak.ParagraphSpec{Spans: []Span{{Text: doc.Subject}}, Size: size, Measure: g.measure, Align: linebreak.Justify, Hyphenate: true})
		x0 := (trim.Width - g.measure) / 2
		yb := trim.Height / 4
		for _, l := range lines {
			drawPieces(&po, m, l, x0, yb)
			yb += g.leading
		}
	}

	if spine >= MinSpineText {
		text := doc.Title
		if doc.Author != "" {
			text += " \u2003 " + doc.Author
		}
		ssize := min(size*5/4, spine*3/5)
		w := m.Width(Roman, ssize, text)
		if limit := trim.Height * 4 / 5; w > limit {
			ssize = ssize * limit / w
			w = m.Width(Roman, ssize, text)
		}
		// Turned clockwise, the baseline runs down the spine: centre the
		// line along it, and across it put the x-height's middle on the
		// spine's centre line.
		x := trim.Width + spine/2 - ssize*3/10
		yy := (trim.Height - w) / 2
		po.Runs = append(po.Runs, GlyphRun{X: x, Y: yy, Face: fonts.Regular, Size: ssize, Text: text, Down: true})
	}

	date := doc.Date
	if date.IsZero() {
		date = time.Unix(0, 0).UTC()
	}
	return &Drawing{
		Title: doc.Title + " (cover)", Author: doc.Author, Language: doc.Language,
		Date: date, Trim: sheet, Bleed: unit.Inch / 8, Cover: true,
		Pages: []DrawnPage{po},
	}, nil
}

// drawPieces draws a set line with its left edge at x0 and baseline y. A
// line set with font expansion (Line.Expand) is drawn with every run scaled
// horizontally by the same amount, and a run of faked small capitals
// advances by its expanded width, as the line breaker placed the pieces.
func drawPieces(po *DrawnPage, m linebreak.Measurer, l linebreak.Line, x0, y unit.Length) {
	scale := 0
	if l.Expand != 0 {
		scale = 1000 + l.Expand
	}
	for _, pc := range l.Pieces {
		x := x0 + pc.X
		if pc.Style == SmallCaps {
			runs := linebreak.SmallCapsRuns(pc.Text, pc.Size)
			for i, r := range runs {
				g := GlyphRun{X: x, Y: y - pc.Rise, Face: fonts.Regular, Size: r.Size, Text: r.Text, Scale: scale}
				if len(runs) > 1 || runs[0].Text != pc.Text {
					if i == 0 {
						g.Actual = pc.Text
					}
					g.EndActual = i == len(runs)-1
				}
				po.Runs = append(po.Runs, g)
				x += linebreak.ExpandWidth(m.Width(Roman, r.Size, r.Text), l.Expand)
			}
			continue
		}
		po.Runs = append(po.Runs, GlyphRun{X: x, Y: y - pc.Rise, Face: linebreak.FontFace(pc.Style), Size: pc.Size, Text: pc.Text, Scale: scale})
	}
}
