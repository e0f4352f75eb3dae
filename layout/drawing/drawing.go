// Package drawing is a book set and drawn, the output of layout and the
// input of the PDF writer (layout/pdf): pages of glyph runs, rules, boxes,
// images, links and bookmarks, each placed from the trimmed page's top
// left corner, with what the file carries besides them (metadata, page
// labels, bleed, the structure of a tagged PDF).
package drawing

import (
	"time"

	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/shape"
	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/fonts"
)

// DrawnPage is one finished page, with every position measured from the top
// left corner of the trimmed page (y grows downwards, as in fpdf).
type DrawnPage struct {
	Runs   []GlyphRun
	Rules  []Rule
	Boxes  []Box // filled in black
	Links  []LinkArea
	Marks  []Bookmark
	Images []PlacedImage
}

// GlyphRun is text drawn in one face and size with its baseline at (X, Y).
type GlyphRun struct {
	X, Y unit.Length
	Face fonts.Face
	// Style is how the text was shaped, when not plainly in Face: small
	// capitals. Zero means the face's own style.
	Style linebreak.FontStyle
	Size  unit.Length
	Text  string
	// Glyphs are Text shaped in Style, as it was measured: what a PDF
	// writer draws. Draw fills them in for every run.
	Glyphs *shape.Shaped
	// Track is extra space after every glyph (the PDF's character
	// spacing, Tc), for letter-spaced small capitals: one run per word keeps
	// the word whole for text extraction.
	Track unit.Length
	// Down turns the run a quarter clockwise about (X, Y), so it reads top
	// to bottom, as English spines do.
	Down bool
	// Scale, when not 0, is the run's horizontal scale in thousandths of
	// its natural width (the PDF's horizontal scaling, Tz, ISO 32000-1,
	// 9.3.4): font expansion of a justified line, 1000+Line.Expand.
	Scale int

	// Elem is the structure element the run's text belongs to, as an
	// index into Drawing.Structure plus one; 0 makes the run an artifact
	// (a running head, a folio), in a tagged drawing.
	Elem int
	// ActualText, when HasActualText, is what the run reads as (ISO
	// 32000-1, 14.9.4): the whole of a word the run begins and a
	// hyphen breaks, or nothing for the rest of such a word on the next
	// line, so that a screen reader and a search see the word whole.
	ActualText    string
	HasActualText bool
	// Space says a word space follows the run's text, in a tagged
	// drawing (a no-break space too). The PDF writer draws a space at the
	// run's end, invisible (the next run is placed on its own), so that
	// text read from the structure reads as words.
	Space bool
}

// Rule is a horizontal line, such as the short rule above notes.
type Rule struct {
	X, Y, W, Thickness unit.Length
}

// Box is a filled rectangle (top left corner X, Y), such as a bar of a
// barcode.
type Box struct {
	X, Y, W, H unit.Length
}

// LinkArea is a clickable rectangle (top left corner X, Y): either to a page
// of this document (Page, 1-based, and the y of the target) or to a URL.
type LinkArea struct {
	X, Y, W, H unit.Length
	Page       int
	TargetY    unit.Length
	URL        string
	// Elem is the Link structure element of a tagged drawing the area
	// belongs to (see GlyphRun.Elem); Text is what the link says, its
	// alternative description.
	Elem int
	Text string
}

// Bookmark is an outline entry pointing at Y on its page.
type Bookmark struct {
	Title string
	Level int
	Y     unit.Length
}

// LabelRange starts a page-label range (ISO 32000-1, 12.4.2): from physical
// page Start (0-based) the pages are numbered in Style ("r" lower-case roman,
// "D" decimal) from First.
type LabelRange struct {
	Start int
	Style string
	First int
}

// Drawing is a book set and drawn: its pages, and what the PDF carries
// besides them. The PDF writer (layout/pdf) draws it as it is.
type Drawing struct {
	Pages []DrawnPage

	Title, Subject, Author, Keywords, Language string
	Identifier                                 string // the book's (Document.Identifier)
	Date                                       time.Time
	Trim                                       pagedesign.Trim
	// Bleed is added on the three outer edges of each page (head, foot and
	// fore-edge), never at the spine, as print-on-demand printers ask.
	Bleed  unit.Length
	Labels []LabelRange
	// Cover is a single flat sheet (a wraparound cover): bleed on all four
	// sides, no spine side.
	Cover bool
	// PDFX asks for a file a printer takes as it is: PDF/X-4 (ISO
	// 15930-7), with the output intent of black ink on paper, trapping
	// declared, every box stated. The print profile sets it.
	PDFX bool
	// ShowOutline opens the file with the bookmarks panel showing, as a
	// book read on a device wants and a print file does not.
	ShowOutline bool

	// Tagged asks for a tagged PDF (ISO 32000-1, 14.8): the runs, images
	// and links carry the Structure element they belong to, everything
	// else is an artifact.
	Tagged    bool
	Structure []StructElem
}

// StructElem is an element of a tagged drawing's logical structure, of
// one of the standard structure types (ISO 32000-1, 14.8.4): "Document",
// "Sect", "H1", "P", "L", "LI", "Lbl", "LBody", "Note", "Link", "Figure",
// "Caption", "Table", "TR", "TH", "TD", "BibEntry", "TOC", "TOCI",
// "BlockQuote", "Formula". The elements stand in reading order, each after
// its parent: a parent's children are in the order the slice gives, or,
// where an element holds text of its own besides children, in the order
// they are drawn.
type StructElem struct {
	Type   string
	Parent int    // index of the parent; -1 for the root
	Alt    string // a Figure's or a Formula's description
	Lang   string // the language of the element's text, when not the document's
}

// MediaSize returns the size of the PDF page: the trim plus bleed.
func (s *Drawing) MediaSize() (w, h unit.Length) {
	if s.Cover {
		return s.Trim.Width + 2*s.Bleed, s.Trim.Height + 2*s.Bleed
	}
	return s.Trim.Width + s.Bleed, s.Trim.Height + 2*s.Bleed
}

// TrimOrigin returns where the trimmed page's top left corner sits on the
// PDF page of physical page n (1-based): rectos (odd pages) bleed on the
// right, versos on the left.
func (s *Drawing) TrimOrigin(n int) (x, y unit.Length) {
	if s.Cover || n%2 == 0 {
		return s.Bleed, s.Bleed
	}
	return 0, s.Bleed
}

// FaceSet says which faces a drawing uses.
type FaceSet map[fonts.Face]bool

// Faces returns the faces the drawing's pages use, with the regular face
// always: it is current when bookmarks are added (a PDF writer may need a
// font to encode their titles).
func (s *Drawing) Faces() FaceSet {
	inUse := FaceSet{fonts.Regular: true}
	for _, p := range s.Pages {
		for _, r := range p.Runs {
			inUse[r.Face] = true
		}
	}
	return inUse
}

// PlacedImage is an image drawn on a page: its top left corner at X, Y
// (from the trimmed page's top left corner), W by H.
type PlacedImage struct {
	X, Y, W, H unit.Length
	Image      *Image
	Elem       int // the Figure element, in a tagged drawing (see GlyphRun.Elem)
}

// Image is a picture to set: its file's bytes and its size in pixels.
type Image struct {
	Name          string // unique in the document
	Format        string // "png" or "jpeg"
	Data          []byte
	Width, Height int
}

// AddLine draws a set line with its left edge at x0 and baseline y, one
// run per piece, to be shaped (see Shape) as the line breaker measured
// them. A line set with font expansion (Line.Expand) is drawn with every
// run scaled horizontally by the same amount.
func (po *DrawnPage) AddLine(l linebreak.Line, x0, y unit.Length) {
	scale := 0
	if l.Expand != 0 {
		scale = 1000 + l.Expand
	}
	for _, pc := range l.Pieces {
		po.Runs = append(po.Runs, GlyphRun{X: x0 + pc.X, Y: y - pc.Rise, Face: linebreak.FontFace(pc.Style), Style: pc.Style, Size: pc.Size, Text: pc.Text, Scale: scale})
	}
}

// Shape gives every run of the page that has none its glyphs, shaped in
// its style as the measurer measured it.
func (po *DrawnPage) Shape(sm *linebreak.ShapedMeasurer) {
	for i := range po.Runs {
		r := &po.Runs[i]
		if r.Glyphs == nil {
			r.Glyphs = sm.Shape(runStyle(r), r.Text)
		}
	}
}

// runStyle is the style a run is shaped in: its Style, or its face's.
func runStyle(r *GlyphRun) linebreak.FontStyle {
	if r.Style != linebreak.Roman {
		return r.Style
	}
	switch r.Face {
	case fonts.Italic:
		return linebreak.Italic
	case fonts.Bold:
		return linebreak.Bold
	case fonts.BoldItalic:
		return linebreak.BoldItalic
	}
	return linebreak.Roman
}
