package edition

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bindery-editions/bindery/edition/account"
	"github.com/bindery-editions/bindery/edition/epub"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/outfile"
	"github.com/bindery-editions/bindery/edition/printing"
	"github.com/bindery-editions/bindery/edition/seed"

	"github.com/bindery-editions/bindery/layout"
)

// Formats bindery writes.
const (
	FormatEPUB  = "epub"
	FormatPDF   = "pdf"
	FormatCover = "cover" // the wraparound cover PDF, <slug>-cover.pdf
)

// BuildOptions are the settings of one build.
type BuildOptions struct {
	LoadOptions
	OutDir  string   // where outputs go; created if missing
	Formats []string // FormatEPUB, FormatPDF, FormatCover; empty means the EPUB and the PDF
	Profile layout.Profile
	// NoBookmarks leaves the outline out of the PDF (KDP asks for none).
	NoBookmarks bool
	// DryRun reads, checks and sets the edition without writing any file.
	DryRun bool
}

// Output is one file a build wrote.
type Output struct {
	Format   string
	Path     string
	Size     int64
	Duration time.Duration // time spent making this output
}

// BuildResult is what Build returns for one seed.
type BuildResult struct {
	Book    *Book
	Outputs []Output
	Pages   int // the print edition's page count
}

// LostWordsError is the error of a build in which a writer set fewer words
// than the edition holds: a book with text missing is not a book, so no
// output is written.
type LostWordsError struct {
	Manifest   string // the seed's manifest, which the message names
	Shortfalls []account.Shortfall
}

func (e *LostWordsError) Error() string {
	lines := make([]string, len(e.Shortfalls))
	for i, sf := range e.Shortfalls {
		lines[i] = e.Manifest + ": " + sf.Error()
	}
	return strings.Join(lines, "\n")
}

// Build makes a seed's editions: the EPUB and the PDF. The PDF is always
// set, even when only the EPUB is asked for, because the EPUB carries the
// print edition's page list. Every edition written accounts for its words
// (package account): when one set fewer words than the model holds, Build
// returns a *LostWordsError and writes nothing.
func Build(dir string, opts BuildOptions) (*BuildResult, error) {
	book, err := Load(dir, opts.LoadOptions)
	if err != nil {
		return nil, err
	}
	res := &BuildResult{Book: book}
	want := map[string]bool{}
	for _, f := range opts.Formats {
		want[f] = true
	}
	if len(opts.Formats) == 0 {
		want[FormatEPUB], want[FormatPDF] = true, true
	}
	ed := book.Edition
	manifest := filepath.Join(dir, seed.ManifestName)
	if _, err := layout.LookupTrim(ed.Meta.Trim); err != nil {
		return nil, fmt.Errorf("%s: %w", manifest, err)
	}

	// The EPUB's cover needs only the metadata: it is drawn on the other
	// core while the book is set.
	var cover func() ([]byte, error)
	if want[FormatEPUB] {
		cover = start(opts.Workers, func() ([]byte, error) { return epub.CoverPNG(&ed.Meta) })
	}
	began := time.Now()
	printed, err := printing.Set(ed, printing.Options{Profile: opts.Profile, NoBookmarks: opts.NoBookmarks, Workers: opts.Workers})
	if err != nil {
		return nil, fmt.Errorf("%s: setting the print edition: %w", dir, err)
	}
	res.Pages = printed.Pages
	setTime := time.Since(began)
	book.Warnings = append(book.Warnings, missingWarnings(book, dir, printed.Missing)...)
	if opts.Strict && len(printed.Missing) > 0 {
		var msgs []string
		for _, w := range missingWarnings(book, dir, printed.Missing) {
			msgs = append(msgs, w.String())
		}
		return nil, fmt.Errorf("%s (--strict turns warnings into errors)", strings.Join(msgs, "\n"))
	}
	for _, w := range printed.Warnings {
		// What the setting says concerns the language the manifest names.
		p := book.Manifest.ProblemAt("language", w, "")
		book.Warnings = append(book.Warnings, model.Warning{File: p.File, Line: p.Line, Col: p.Col, Message: w})
	}

	type file struct {
		format string
		name   string
		data   []byte
		took   time.Duration
		words  account.Count
		err    error
	}
	// The EPUB needs only the page starts, known once the book is set, so
	// it is written while the PDF is.
	epubDone := make(chan file, 1)
	writeEPUB := func() {
		began := time.Now()
		var buf bytes.Buffer
		trim := ed.Meta.Trim
		if trim == "" {
			trim = layout.DefaultTrim
		}
		words, err := epub.Write(&buf, ed, epub.Options{
			PageList:     printed.PageStarts,
			PrintEdition: fmt.Sprintf("%s, print edition (%s trim), %s", ed.Meta.Title, trim, ed.Meta.Publisher),
			Cover:        cover,
		})
		epubDone <- file{FormatEPUB, ed.Meta.Slug + ".epub", buf.Bytes(), time.Since(began), words, err}
	}
	switch {
	case !want[FormatEPUB]:
	case opts.Workers == 1:
		writeEPUB()
	default:
		go writeEPUB()
	}
	var files []file
	if want[FormatPDF] {
		began := time.Now()
		pdf, err := printed.WritePDF()
		if err != nil {
			return nil, fmt.Errorf("%s: writing the PDF: %w", dir, err)
		}
		files = append(files, file{FormatPDF, ed.Meta.Slug + ".pdf", pdf, setTime + time.Since(began), printed.Words, nil})
	}
	if want[FormatCover] {
		began := time.Now()
		cover, err := printing.Cover(ed, printed.Pages, book.Manifest.Edition.PaperThickness)
		if err != nil {
			return nil, fmt.Errorf("%s: the cover: %w", manifest, err)
		}
		files = append(files, file{FormatCover, ed.Meta.Slug + "-cover.pdf", cover, time.Since(began), nil, nil})
	}
	if want[FormatEPUB] {
		f := <-epubDone
		if f.err != nil {
			return nil, fmt.Errorf("%s: writing the EPUB: %w", dir, f.err)
		}
		files = append(files, f)
	}

	lost := &LostWordsError{Manifest: manifest}
	for _, f := range files {
		if f.words != nil {
			lost.Shortfalls = append(lost.Shortfalls, account.Check(ed, writerName[f.format], f.words)...)
		}
	}
	if len(lost.Shortfalls) > 0 {
		return nil, lost
	}
	if opts.DryRun {
		return res, nil
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return nil, fmt.Errorf("creating output folder: %w", err)
	}
	for _, f := range files {
		path := filepath.Join(opts.OutDir, f.name)
		if err := outfile.Write(path, f.data, outfile.IsOurs(f.format == FormatEPUB)); err != nil {
			return nil, err
		}
		res.Outputs = append(res.Outputs, Output{Format: f.format, Path: path, Size: int64(len(f.data)), Duration: f.took})
	}
	return res, nil
}

// writerName names an edition in a message.
var writerName = map[string]string{FormatEPUB: "the EPUB", FormatPDF: "the PDF"}
