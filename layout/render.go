package layout

import (
	"fmt"
	"time"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/paragraph"
	"github.com/bindery-editions/bindery/layout/tagging"
	"github.com/bindery-editions/bindery/layout/unit"
)

// Setting is a document set in pages: its Result is known, so a caller can
// use the page starts (for the EPUB's page list) at once, and Draw turns the
// pages into the Drawing a PDF writer draws, when the PDF is wanted: a
// setting used only for its pages (the first of two, see Typesetter) never
// draws.
//
// Each part opens on a new page; the title page, the contents, front-matter
// texts and every part of the body open on a recto, after a blank verso if
// need be, and the imprint takes the verso after the title page. On the
// title page, the blocks after the part's last Break are set at the foot
// (without a Break, the last block is when there are three or more). A
// Footnote block goes to the foot of the page of the first line that links
// to it ("#" + its ID); notes nothing links to close their part. The print
// profile drops links; both keep the outline
// unless the document's NoOutline is set; only the screen profile opens the
// file with the bookmarks showing, and only the print profile declares
// PDF/X and adds bleed, when the document asks for it.
type Setting struct {
	document.Result
	drawing   drawing.Drawing // everything but the pages, until Draw
	book      *book
	noOutline bool
}

// Draw draws the set pages. It may be called once: the composed flows are
// released as the pages are drawn.
func (st *Setting) Draw() (*drawing.Drawing, error) {
	if st.book == nil {
		return nil, fmt.Errorf("layout: this setting was already drawn")
	}
	d := st.drawing
	if d.Tagged {
		st.book.tags = tagging.New(st.book.doc, st.book.m.Width)
	}
	d.Pages = st.book.draw()
	if d.Tagged {
		d.Structure = st.book.tags.Elems()
	}
	st.book = nil
	if st.noOutline {
		for i := range d.Pages {
			d.Pages[i].Marks = nil
		}
	}
	return &d, nil
}

// MediaSize is the size of the setting's PDF pages, known before they are
// drawn.
func (st *Setting) MediaSize() (w, h unit.Length) { return st.drawing.MediaSize() }

// Faces returns the faces Draw will draw the pages in (Drawing.Faces of its
// result), without drawing them, so that a PDF writer can load them
// meanwhile.
func (st *Setting) Faces() drawing.FaceSet {
	if st.book == nil {
		return drawing.FaceSet{}
	}
	return st.book.facesInUse()
}

func set(doc *document.Document, m linebreak.Measurer, s paragraph.Breaker, breaks *pageBreakMemo, workers int) (*Setting, error) {
	trim, err := pagedesign.LookupTrim(doc.Trim)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	if err := checkDocument(doc); err != nil {
		return nil, err
	}
	profile := doc.Profile.For(doc.Trim)
	b := newBook(doc, pagedesign.NewGeometry(trim, doc.Margins), m, s)
	b.links = profile == document.Screen
	b.breaks = breaks
	b.workers = workers
	b.layout()
	// The gutter follows the page count, known now; it moves the text
	// block, never changes it.
	b.g = b.g.Gutter(len(b.pages))
	date := doc.Date
	if date.IsZero() {
		// fpdf would stamp the clock; a fixed date keeps builds reproducible.
		date = time.Unix(0, 0).UTC()
	}
	spec := drawing.Drawing{
		Title:      doc.Title,
		Subject:    doc.Subject,
		Author:     doc.Author,
		Keywords:   doc.Keywords,
		Identifier: doc.Identifier,
		Language:   doc.Language,
		Date:       date,
		Trim:       trim,
		Labels:     b.labelRanges(),
	}
	if profile == document.Print {
		spec.PDFX = true
		// Bleed only when something runs off the trim: printers take a
		// file with bleed it does not need as one that bleeds (KDP's "no
		// bleed" upload refuses it).
		if doc.Bleed {
			spec.Bleed = unit.Inch / 8
		}
	} else {
		spec.ShowOutline = true
	}
	// A screen reader reads a tagged PDF (PDF/UA-1): a book for reading on
	// a device is always tagged, a print file when the document asks.
	spec.Tagged = profile == document.Screen || doc.Tagged
	// What the result needs from the book is taken now.
	missing, broken := b.faults()
	return &Setting{
		Result: document.Result{
			Missing:     missing,
			BrokenNames: broken,
			WideTables:  b.wideTables(),
			Pages:       len(b.pages),
			PageStarts:  b.pageStarts(),
			BlockPages:  b.blockPages(),
			BlockLines:  b.blockLines(),
			Words:       b.countWords(),
			Stats:       b.stats,
		},
		drawing:   spec,
		book:      b,
		noOutline: doc.NoOutline,
	}, nil
}

// checkDocument reports what Render cannot set.
func checkDocument(doc *document.Document) error {
	if len(doc.Parts) == 0 {
		return fmt.Errorf("render: the document has no parts")
	}
	seen := map[string]bool{}
	for i, p := range doc.Parts {
		if p.ID == "" {
			return fmt.Errorf("render: part %d (%q) has no id", i+1, p.Title)
		}
		if seen[p.ID] {
			return fmt.Errorf("render: part id %q used twice", p.ID)
		}
		seen[p.ID] = true
	}
	return nil
}
