package edition

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bindery-editions/bindery/edition/model"
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

// ErrNotOurs is returned when an output path holds a file bindery did not
// write; bindery never overwrites such a file.
var ErrNotOurs = errors.New("refusing to overwrite a file bindery did not write")

// Build makes a seed's editions: the EPUB and the PDF. The PDF is always
// set, even when only the EPUB is asked for, because the EPUB carries the
// print edition's page list.
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
	if _, err := layout.LookupTrim(ed.Meta.Trim); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, seed.ManifestName), err)
	}

	// The EPUB's cover needs only the metadata: it is drawn on the other
	// core while the book is set.
	var cover func() ([]byte, error)
	if want[FormatEPUB] {
		cover = startCover(&ed.Meta)
	}
	start := time.Now()
	printed, err := setPrintEdition(ed, PrintOptions{Profile: opts.Profile, NoBookmarks: opts.NoBookmarks})
	if err != nil {
		return nil, fmt.Errorf("%s: setting the print edition: %w", dir, err)
	}
	res.Pages = printed.Pages
	setTime := time.Since(start)

	type file struct {
		format string
		name   string
		data   []byte
		took   time.Duration
		err    error
	}
	// The EPUB needs only the page starts, known once the book is set, so
	// it is written while the PDF is.
	epub := make(chan file, 1)
	if want[FormatEPUB] {
		go func() {
			start := time.Now()
			var buf bytes.Buffer
			trim := ed.Meta.Trim
			if trim == "" {
				trim = layout.DefaultTrim
			}
			err := WriteEPUB(&buf, ed, EPUBOptions{
				PageList:     printed.PageStarts,
				PrintEdition: fmt.Sprintf("%s, print edition (%s trim), %s", ed.Meta.Title, trim, ed.Meta.Publisher),
				cover:        cover,
			})
			epub <- file{FormatEPUB, ed.Meta.Slug + ".epub", buf.Bytes(), time.Since(start), err}
		}()
	}
	var files []file
	if want[FormatPDF] {
		start := time.Now()
		pdf, err := printed.WritePDF()
		if err != nil {
			return nil, fmt.Errorf("%s: writing the PDF: %w", dir, err)
		}
		files = append(files, file{FormatPDF, ed.Meta.Slug + ".pdf", pdf, setTime + time.Since(start), nil})
	}
	if want[FormatCover] {
		start := time.Now()
		cover, err := coverPDF(ed, printed.Pages, book.Manifest.Edition.PaperThickness)
		if err != nil {
			return nil, fmt.Errorf("%s: the cover: %w", filepath.Join(dir, seed.ManifestName), err)
		}
		files = append(files, file{FormatCover, ed.Meta.Slug + "-cover.pdf", cover, time.Since(start), nil})
	}
	if want[FormatEPUB] {
		f := <-epub
		if f.err != nil {
			return nil, fmt.Errorf("%s: writing the EPUB: %w", dir, f.err)
		}
		files = append(files, f)
	}
	if opts.DryRun {
		return res, nil
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return nil, fmt.Errorf("creating output folder: %w", err)
	}
	for _, f := range files {
		path := filepath.Join(opts.OutDir, f.name)
		if err := WriteFileAtomic(path, f.data, isOurs(f.format)); err != nil {
			return nil, err
		}
		res.Outputs = append(res.Outputs, Output{Format: f.format, Path: path, Size: int64(len(f.data)), Duration: f.took})
	}
	return res, nil
}

// setPrintEdition sets the book. When the back matter cites pages of the
// body (the Note on the Text's emendations), the book is set twice, as TeX
// does: the first setting gives the page of every block, the second prints
// the references. They stand after the body, so they cannot move the pages
// they cite.
func setPrintEdition(ed *model.Edition, opts PrintOptions) (*layout.Setting, error) {
	t, err := layout.NewTypesetter(ed.Meta.Hyphenation)
	if err != nil {
		return nil, err
	}
	first, err := t.Set(PrintDocument(ed, opts))
	if err != nil || !citesPages(ed) {
		return first, err
	}
	// The first setting is only measured: its PDF is never written, and
	// the second breaks again only the paragraphs that changed.
	pages := make(map[string]string, len(first.BlockPages))
	for _, bp := range first.BlockPages {
		pages[bp.BlockID] = bp.Label
	}
	opts.PageOf = func(id string) string { return pages[id] }
	return t.Set(PrintDocument(ed, opts))
}

// citesPages reports whether some block of the back matter refers to the
// page of another block.
func citesPages(ed *model.Edition) bool {
	var walk func([]model.Block) bool
	walk = func(bs []model.Block) bool {
		for _, b := range bs {
			if b.Attr.Get("block") != "" || walk(b.Children) {
				return true
			}
		}
		return false
	}
	for _, s := range ed.Back {
		if walk(s.Blocks) {
			return true
		}
	}
	return false
}

// isOurs returns a check that recognises a file bindery wrote in format:
// a PDF names bindery as its creator in the (uncompressed) document
// information; an EPUB names it in the package document's generator meta.
func isOurs(format string) func([]byte) bool {
	marker := []byte("bindery")
	if format != FormatEPUB {
		return func(existing []byte) bool { return bytes.Contains(existing, marker) }
	}
	return func(existing []byte) bool {
		zr, err := zip.NewReader(bytes.NewReader(existing), int64(len(existing)))
		if err != nil {
			return false
		}
		for _, f := range zr.File {
			if !strings.HasSuffix(f.Name, ".opf") {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				return false
			}
			opf, err := io.ReadAll(io.LimitReader(rc, 1<<20))
			rc.Close()
			return err == nil && bytes.Contains(opf, marker)
		}
		return false
	}
}

// WriteFileAtomic writes data to path through a temporary file in the same
// folder, renamed into place: a failed write leaves neither a truncated file
// nor a damaged earlier one. An existing file is replaced only when ours
// recognises it as a file bindery wrote.
func WriteFileAtomic(path string, data []byte, ours func([]byte) bool) error {
	if old, err := os.ReadFile(path); err == nil {
		if ours != nil && !ours(old) {
			return fmt.Errorf("%s: %w (move it away or choose another -o folder)", path, ErrNotOurs)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
