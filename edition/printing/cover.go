package printing

import (
	"fmt"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/pdf"

	"github.com/bindery-editions/bindery/layout/cover"
	"github.com/bindery-editions/bindery/layout/document"
)

// Cover sets the wraparound cover for print on demand: back, spine and
// front, the spine as wide as pages of the manifest's paper.
func Cover(ed *model.Edition, pages int, paper string) ([]byte, error) {
	if paper == "" {
		paper = seed.DefaultPaperThickness
	}
	thickness, err := seed.ParseLength(paper)
	if err != nil {
		return nil, fmt.Errorf("edition.paper-thickness: %w", err)
	}
	doc := Document(ed, Options{Profile: document.Print})
	if ed.Meta.Cover != "" {
		// The manifest's picture replaces the front's title and author.
		doc.Cover = printer{ed: ed, images: map[string]*drawing.Image{}}.image(ed.Meta.Cover)
	}
	d, err := cover.Draw(doc, pages, thickness)
	if err != nil {
		return nil, err
	}
	return pdf.Write(d, nil, 1)
}
