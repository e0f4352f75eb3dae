// Package epub writes an edition as an EPUB 3 publication: the XHTML of
// each section (xhtml.go), go-epub's container (epub.go, the only importer
// of go-epub) and the finishing pass that makes it reproducible and adds
// what go-epub cannot write (finish.go), with the embedded typeface when
// the manifest asks for it (fonts.go); the cover image is drawn by
// epub/coverimage and the accessibility claims decided by epub/access. It
// reads the model and the print edition's page starts; nothing else.
package epub

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/bindery-editions/bindery/edition/account"
	"github.com/bindery-editions/bindery/edition/epub/access"
	"github.com/bindery-editions/bindery/edition/epub/coverimage"
	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"

	epub "github.com/go-shiori/go-epub"
	"github.com/vincent-petithory/dataurl"

	"github.com/bindery-editions/bindery/layout/document"
)

// This is the only file that imports go-epub. go-epub assembles the
// container: it stores the content documents, the stylesheet and the cover
// image and writes a first package document, nav and NCX. What it cannot do
// (fixed identifiers and dates, full metadata, landmarks, the page list,
// language attributes, a reproducible zip) the finishing pass in
// epubfinish.go corrects, in one place.

// go-epub assembles the publication in a folder of its storage and then
// zips the folder. Its default storage is the system's temporary directory:
// a few dozen folder and file creations and removals for each book, which
// took as long as everything else Write does. Its in-memory storage
// does the same without the disk; that storage is one map, unsynchronised
// and shared by every Epub, so goEPUBStorage makes the writes take turns
// (every use of the storage is inside Epub.WriteTo).
var goEPUBStorage sync.Mutex

func init() {
	if err := epub.Use(epub.MemoryFS); err != nil {
		panic(err) // only for an unknown storage type
	}
}

//go:embed epub.css
var epubCSS []byte

// Options are the EPUB writer's settings beyond the edition itself.
type Options struct {
	// PageList is where each page of the print edition begins, as the PDF
	// renderer reports it (document.Result.PageStarts). The EPUB carries a
	// page-break marker for each, and a page-list nav. Empty means no page
	// list.
	PageList []document.PageStart
	// PrintEdition names the print edition the page list comes from, for
	// the pageBreakSource metadata: "bindery print edition, 5.5x8.5in".
	PrintEdition string

	// Cover returns the cover image when a caller draws it ahead
	// (coverimage.PNG needs only the metadata, so it can be drawn while the book
	// is set); nil means Write draws it.
	Cover func() ([]byte, error)

	// Report, when not nil, receives what Write has to say that does not
	// stop it: a claim the manifest asked for that the book does not
	// earn.
	Report *Report

	// Footnotes sets each note in the chapter that first refers to it,
	// as an aside that reading systems show in place (Apple Books, Kobo:
	// epub:type footnote), instead of in the list of notes after the
	// text; notes nothing refers to stay in the list.
	Footnotes bool
}

// Report is what Write found besides the publication.
type Report struct {
	// Warnings name the accessibility claims the manifest asked for and
	// the checks refused, and why.
	Warnings []string
	// Accessibility is the metadata written, for a caller that shows it.
	Features, Hazards []string
	ConformsTo        string
}

// sectionBodyStandIn is the body go-epub gets for every content document.
// go-epub writes a section's body verbatim into its XHTML wrapper, and the
// finishing pass, which reads each document back anyway to add its
// language, puts the real body in place of the stand-in: the same document,
// without go-epub deflating every body only for the finishing pass to
// inflate it again (a fifth of Write's time).
const sectionBodyStandIn = "<!--bindery: section body-->"

// The names of the files Write adds besides the sections.
const (
	epubCSSName   = "epub.css"
	cssFile       = "css/" + epubCSSName // relative to EPUB/
	coverImage    = "cover.png"
	coverPageID   = "cover"
	coverPageFile = xhtmlDir + coverPageID + ".xhtml"
)

// Write writes ed as an EPUB 3 publication to w and returns the words it
// wrote, by block (see package account). The output depends only on ed and
// opts: two calls give the same bytes.
func Write(w io.Writer, ed *model.Edition, opts Options) (account.Count, error) {
	m := &ed.Meta
	switch {
	case strings.TrimSpace(m.Title) == "":
		return nil, errors.New("epub: the edition has no title")
	case m.Language == "":
		return nil, errors.New("epub: the edition has no language")
	case m.Identifier == "":
		// The identifier is chosen once, where the manifest is read
		// (seed.DefaultIdentifier), so that every edition of a book
		// carries the same one.
		return nil, errors.New("epub: the edition has no identifier")
	}
	if len(opts.PageList) > 0 && opts.PrintEdition == "" {
		return nil, errors.New("epub: a page list needs the name of its print edition")
	}
	if _, err := modifiedStamp(m); err != nil {
		return nil, fmt.Errorf("epub: %w", err)
	}

	r, err := newXHTMLRenderer(ed, opts.PageList)
	if err != nil {
		return nil, fmt.Errorf("epub: %w", err)
	}
	if opts.Footnotes {
		r.placeFootnotes()
	}
	plan := &epubPlan{meta: m, printEdition: opts.PrintEdition}

	book, err := epub.NewEpub(m.Title)
	if err != nil {
		return nil, fmt.Errorf("epub: %w", err)
	}
	// go-epub would invent a random identifier; the finishing pass writes
	// the real metadata, but the assembler's copy should not differ.
	book.SetIdentifier(m.Identifier)
	book.SetLang(m.Language)
	book.SetDescription(m.Description)

	cssPath, err := book.AddCSS(dataurl.New(epubCSS, "text/css").String(), epubCSSName)
	if err != nil {
		return nil, fmt.Errorf("epub: stylesheet: %w", err)
	}

	// The cover is drawn while the text is serialised and assembled, and
	// goes into the zip in the finishing pass. go-epub gets a one-pixel
	// stand-in: it takes an image as a path, URL or data URL, reads a data
	// URL a character at a time (twice: to check it and to copy it) and
	// deflates the PNG once more, which together cost a tenth of Write.
	plan.cover, plan.coverName = opts.Cover, coverImage
	if plan.cover == nil {
		plan.cover = func() ([]byte, error) { return coverimage.PNG(m) }
	}
	if res := ed.Resources[m.Cover]; m.Cover != "" && res != nil {
		// The manifest's cover image replaces the drawn one.
		plan.cover = func() ([]byte, error) { return res.Data, nil }
		plan.coverName = "cover" + coverExtension(res.MediaType)
	}
	imgPath, err := book.AddImage(coverStandIn(), plan.coverName)
	if err != nil {
		return nil, fmt.Errorf("epub: cover image: %w", err)
	}
	// The cover page is an ordinary section: go-epub's own SetCover writes
	// "Cover Image" as the alternative text and a stylesheet of its own.
	coverBody := `<section id="cover" epub:type="cover">` + "\n" +
		`<img src="` + escapeAttr(imgPath) + `" alt="` + escapeAttr(coverimage.Alt(m)) + `" role="doc-cover"/>` + "\n</section>"
	if _, err := book.AddSection(sectionBodyStandIn, m.Title, coverPageID+".xhtml", cssPath); err != nil {
		return nil, fmt.Errorf("epub: cover page: %w", err)
	}
	plan.docs = append(plan.docs, epubDoc{id: coverPageID, href: coverPageFile, title: r.labels.T(locale.Cover), landmark: "cover", body: coverBody})

	all := ed.Sections()
	for i := range all {
		s := &all[i]
		if s.ID == coverPageID || s.ID == "nav" || s.ID == "toc" && s.Role != model.RoleContents {
			return nil, fmt.Errorf("epub: section id %q is reserved", s.ID)
		}
		doc := epubDoc{id: s.ID, href: sectionFile(s), title: r.sectionTitleText(s), section: s}
		switch {
		case s.Role == model.RoleEndnotes && r.allMoved(s):
			// Every note stands in the chapter that refers to it.
			continue
		case s.Role == model.RoleContents:
			// The contents page is the navigation document itself, written
			// by the finishing pass, which needs every other section first.
			doc.id = "nav"
			var pre strings.Builder
			r.current = navFile
			r.sectionPageBreaks(&pre, s.ID)
			doc.pre = pre.String()
		default:
			body, err := r.section(s)
			if err != nil {
				return nil, fmt.Errorf("epub: %w", err)
			}
			doc.body = body
			if _, err := book.AddSection(sectionBodyStandIn, doc.title, s.ID+".xhtml", cssPath); err != nil {
				return nil, fmt.Errorf("epub: section %s: %w", s.ID, err)
			}
		}
		plan.docs = append(plan.docs, doc)
	}
	if left := r.unplacedPages(); len(left) > 0 {
		return nil, fmt.Errorf("epub: page %s (block %q, word %d) is not in the edition", left[0].Label, left[0].BlockID, left[0].Word)
	}
	if len(r.trailing) > 0 {
		// The blank pages that close the print edition are marked at the
		// end of the last document.
		for i := len(plan.docs) - 1; i >= 0; i-- {
			d := &plan.docs[i]
			if d.section == nil || d.href == navFile || !strings.HasSuffix(d.body, "</section>") {
				continue
			}
			var marks strings.Builder
			r.current = d.href
			for _, l := range r.trailing {
				r.marker(&marks, l)
			}
			d.body = strings.TrimSuffix(d.body, "</section>") + marks.String() + "</section>"
			r.trailing = nil
			break
		}
	}
	plan.pages = r.placed
	plan.printPages = len(opts.PageList)
	plan.renderer = r
	plan.images = r.figureImages()
	plan.access = access.Describe(access.Facts{
		Checks:   &r.access,
		Pages:    len(r.placed),
		Complete: everyPage(opts.PageList),
		Math:     len(r.hasMath) > 0,
		CoverAlt: strings.TrimSpace(coverimage.Alt(m)) != "",
	}, m.Accessibility)
	if opts.Report != nil {
		opts.Report.Warnings = append(opts.Report.Warnings, plan.access.Warnings...)
		opts.Report.Features = plan.access.Features
		opts.Report.Hazards = plan.access.Hazards
		opts.Report.ConformsTo = plan.access.ConformsTo
	}

	var raw bytes.Buffer
	goEPUBStorage.Lock()
	_, err = book.WriteTo(&raw)
	goEPUBStorage.Unlock()
	if err != nil {
		return nil, fmt.Errorf("epub: %w", err)
	}
	out, err := finishEPUB(raw.Bytes(), plan)
	if err != nil {
		return nil, fmt.Errorf("epub: finishing: %w", err)
	}
	if _, err := w.Write(out); err != nil {
		return nil, err
	}
	return r.words, nil
}

// coverExtension is the file extension of a cover image of a media type.
func coverExtension(mediaType string) string {
	switch mediaType {
	case "image/jpeg":
		return ".jpg"
	case "image/gif":
		return ".gif"
	case "image/webp":
		return ".webp"
	case "image/svg+xml":
		return ".svg"
	}
	return ".png"
}

// everyPage reports whether a page list names every page of the print
// edition, from the first, in order.
func everyPage(pages []document.PageStart) bool {
	for i, p := range pages {
		if p.Page != i+1 {
			return false
		}
	}
	return len(pages) > 0
}
