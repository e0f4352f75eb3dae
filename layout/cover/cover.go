// Package cover sets and draws the wraparound cover of a book for print
// on demand: back, spine and front on one sheet, with the title, author
// and description set as the book is, the spine's title when the spine is
// wide enough, and the ISBN's barcode.
package cover

import (
	"fmt"
	"strings"
	"time"

	"github.com/bindery-editions/bindery/layout/barcode"
	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/paragraph"
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

// Draw sets and draws a wraparound cover for print on demand: back cover,
// spine and front cover on one sheet, the trim size of the book twice plus
// the spine, with 1/8 in bleed all round. The front carries the title,
// subtitle and author; the back the document's subject (its description);
// the spine, when wide enough, title and author reading top to bottom;
// with an ISBN, the back its barcode.
func Draw(doc *document.Document, pages int, paperThickness unit.Length) (*drawing.Drawing, error) {
	trim, err := pagedesign.LookupTrim(doc.Trim)
	if err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	if pages <= 0 || paperThickness <= 0 {
		return nil, fmt.Errorf("cover: need a page count and a paper thickness (got %d pages, %v pt)", pages, paperThickness.Points())
	}
	m := linebreak.NewShapedMeasurer()
	h, _ := paragraph.Hyphenator(doc.Language, doc.Hyphenation) // the book's setting says when there is none
	s := paragraph.NewSetter(m, h)
	g := pagedesign.NewGeometry(trim, [4]float64{})
	spine := SpineWidth(pages, paperThickness)
	sheet := pagedesign.Trim{Name: "cover", Width: 2*trim.Width + spine, Height: trim.Height}

	var po drawing.DrawnPage
	// centred sets text centred in a panel starting at x0 of width w, from
	// baseline y down; it returns the baseline after the last line.
	centred := func(text string, style document.FontStyle, size, x0, w, y unit.Length) unit.Length {
		if text == "" {
			return y
		}
		margin := w / 8
		lines := paragraph.Balanced(s, linebreak.ParagraphSpec{Spans: []document.Span{{Text: text, Style: style}}, Size: size, Measure: w - 2*margin, Align: linebreak.Center})
		for _, l := range lines {
			po.AddLine(l, x0+margin, y)
			y += size * 5 / 4
		}
		return y
	}
	front := trim.Width + spine
	size := g.Size
	if doc.Cover != nil {
		po.Images = append(po.Images, coverPicture(doc.Cover, front, trim, unit.Inch/8))
	} else {
		y := trim.Height / 4
		y = centred(doc.Title, document.Roman, size*3, front, trim.Width, y)
		y += size * 2
		centred(doc.Subtitle, document.Italic, size*3/2, front, trim.Width, y)
		centred(doc.Author, document.SmallCaps, size*3/2, front, trim.Width, trim.Height*3/4)
	}

	if doc.Subject != "" {
		lines := s.Set(linebreak.ParagraphSpec{Spans: []document.Span{{Text: doc.Subject}}, Size: size, Measure: g.Measure, Align: linebreak.Justify, Hyphenate: true})
		x0 := (trim.Width - g.Measure) / 2
		yb := trim.Height / 4
		for _, l := range lines {
			po.AddLine(l, x0, yb)
			yb += g.Leading
		}
	}

	if doc.ISBN != "" {
		if err := drawBarcode(&po, doc.ISBN, doc.Price, trim); err != nil {
			return nil, fmt.Errorf("cover: %w", err)
		}
	}

	if spine >= MinSpineText {
		text := doc.Title
		if doc.Author != "" {
			text += " \u2003 " + doc.Author
		}
		ssize := min(size*5/4, spine*3/5)
		w := m.Width(document.Roman, ssize, text)
		if limit := trim.Height * 4 / 5; w > limit {
			ssize = ssize * limit / w
			w = m.Width(document.Roman, ssize, text)
		}
		// Turned clockwise, the baseline runs down the spine: centre the
		// line along it, and across it put the x-height's middle on the
		// spine's centre line.
		x := trim.Width + spine/2 - ssize*3/10
		yy := (trim.Height - w) / 2
		po.Runs = append(po.Runs, drawing.GlyphRun{X: x, Y: yy, Face: fonts.Regular, Size: ssize, Text: text, Down: true})
	}

	po.Shape(m)
	date := doc.Date
	if date.IsZero() {
		date = time.Unix(0, 0).UTC()
	}
	return &drawing.Drawing{
		Title: doc.Title + " (cover)", Author: doc.Author, Language: doc.Language, Identifier: doc.Identifier,
		Date: date, Trim: sheet, Bleed: unit.Inch / 8, Cover: true, PDFX: true,
		Pages: []drawing.DrawnPage{po},
	}, nil
}

// The barcode's place and size. Printers keep a box of 2 × 1.2 in at the
// foot of the back cover, on the spine side, a quarter inch from the trim
// and the fold, for it (KDP's cover guide; IngramSpark's template puts it
// there too); the symbol is drawn at 85% of the nominal EAN-13 size, whose
// module is 0.33 mm and bars 22.85 mm high (GS1 General Specifications,
// 5.2.3.4), the smallest most retailers scan without complaint.
const (
	barcodeModule = unit.Inch * 33 * 85 / 254000 // 0.33 mm at 85%, 0.2805 mm
	barcodeBars   = 69 * barcodeModule           // 22.85 mm / 0.33 mm
	barcodeBoxW   = 2 * unit.Inch
	barcodeBoxH   = unit.Inch * 6 / 5
	barcodeInset  = unit.Inch / 4
)

// drawBarcode draws the EAN-13 of isbn, with its five-digit price add-on
// when price is set, in the barcode box of the back cover of a cover of
// trim: the ISBN written above the bars, the digits below them, the
// add-on's digits above its bars (GS1 5.2.3.2, 5.2.2.6).
func drawBarcode(po *drawing.DrawnPage, isbn, price string, trim pagedesign.Trim) error {
	digits := strings.NewReplacer("-", "", " ", "").Replace(isbn)
	main, err := barcode.EAN13(digits)
	if err != nil {
		return err
	}
	var addOn []bool
	if price != "" {
		if addOn, err = barcode.EAN5(price); err != nil {
			return err
		}
	}
	x := barcodeModule
	width := (11 + barcode.EAN13Modules + 7) * x // quiet zones
	if addOn != nil {
		width += (2 + barcode.EAN5Modules + 5) * x
	}
	textSize := 8 * unit.Point
	digitSize := 9 * unit.Point
	// The box, and the symbol centred in it.
	right := trim.Width - barcodeInset
	bottom := trim.Height - barcodeInset
	left := right - barcodeBoxW + (barcodeBoxW-width)/2
	top := bottom - barcodeBoxH + (barcodeBoxH-(textSize*3/2+barcodeBars+digitSize*3/2))/2
	po.Runs = append(po.Runs, drawing.GlyphRun{X: left + 11*x, Y: top + textSize, Face: fonts.Regular, Size: textSize, Text: "ISBN " + isbn})
	barsTop := top + textSize*3/2
	x0 := left + 11*x
	for _, b := range barcode.Bars(main) {
		h := barsTop + barcodeBars - digitSize/2
		if guard := b.Start < 3 || b.Start >= 45 && b.Start < 50 || b.Start >= 92; guard {
			h += 5 * x // the guard bars reach down between the digits
		}
		po.Boxes = append(po.Boxes, drawing.Box{X: x0 + unit.Length(b.Start)*x, Y: barsTop, W: unit.Length(b.Width) * x, H: h - barsTop})
	}
	digitY := barsTop + barcodeBars + digitSize/2
	po.Runs = append(po.Runs,
		drawing.GlyphRun{X: x0 - 8*x, Y: digitY, Face: fonts.Regular, Size: digitSize, Text: digits[:1]},
		drawing.GlyphRun{X: x0 + 6*x, Y: digitY, Face: fonts.Regular, Size: digitSize, Text: digits[1:7], Track: 2 * x},
		drawing.GlyphRun{X: x0 + 53*x, Y: digitY, Face: fonts.Regular, Size: digitSize, Text: digits[7:], Track: 2 * x})
	if addOn != nil {
		a0 := x0 + unit.Length(barcode.EAN13Modules+9)*x
		addTop := barsTop + digitSize*3/2
		for _, b := range barcode.Bars(addOn) {
			po.Boxes = append(po.Boxes, drawing.Box{X: a0 + unit.Length(b.Start)*x, Y: addTop, W: unit.Length(b.Width) * x, H: barsTop + barcodeBars - digitSize/2 + 5*x - addTop})
		}
		po.Runs = append(po.Runs, drawing.GlyphRun{X: a0 + 6*x, Y: barsTop + digitSize, Face: fonts.Regular, Size: digitSize, Text: price, Track: 3 * x})
	}
	return nil
}

// coverPicture places a cover's picture over the front panel, which
// starts at x front on the sheet, and its bleed: scaled to fill it, its
// proportions kept, any excess beyond the sheet's edge (never over the
// spine), where the trimmed-off bleed takes it.
func coverPicture(im *drawing.Image, front unit.Length, trim pagedesign.Trim, bleed unit.Length) drawing.PlacedImage {
	w, h := trim.Width+bleed, trim.Height+2*bleed
	iw, ih := unit.Length(max(im.Width, 1)), unit.Length(max(im.Height, 1))
	pw, ph := w, w*ih/iw
	if ph < h {
		ph, pw = h, h*iw/ih
	}
	return drawing.PlacedImage{X: front, Y: -bleed - (ph-h)/2, W: pw, H: ph, Image: im}
}
