package printing

import (
	"fmt"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
	"github.com/bindery-editions/bindery/layout/pdf"

	"github.com/bindery-editions/bindery/layout"
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
	d, err := layout.DrawCover(Document(ed, Options{Profile: layout.Print}), pages, thickness)
	if err != nil {
		return nil, err
	}
	return pdf.Write(d, nil, 1)
}
