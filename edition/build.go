package edition

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bindery-editions/bindery/edition/account"
	"github.com/bindery-editions/bindery/edition/epub"
	"github.com/bindery-editions/bindery/edition/epub/coverimage"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/outfile"
	"github.com/bindery-editions/bindery/edition/printing"
	"github.com/bindery-editions/bindery/edition/scaffold"
	"github.com/bindery-editions/bindery/edition/seed"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/pagedesign"
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
	// OutDir is where outputs go, as <slug>.epub, <slug>.pdf and
	// <slug>-cover.pdf; it is created when missing, but not its parent.
	OutDir string
	// OutFile, when set, is the path of the one output of a build of one
	// format (bindery build -o book.pdf), instead of a file in OutDir.
	OutFile string
	// Stdout, when set, receives the one output of a build of one format
	// (bindery build -o -) instead of a file.
	Stdout  io.Writer
	Formats []string // FormatEPUB, FormatPDF, FormatCover; empty means the EPUB and the PDF
	Profile document.Profile
	// NoBookmarks leaves the outline out of the PDF (KDP asks for none).
	NoBookmarks bool
	// DryRun reads, checks and sets the edition without writing any file.
	DryRun bool
	// Incremental skips a seed whose outputs in OutDir were written by a
	// build of the same files, options and Version, and are unchanged
	// since (see stamp.go): the build returns what that one recorded.
	Incremental bool
	// Version identifies the bindery that builds, for the incremental
	// record; with none, nothing is skipped.
	Version string
	// Stage, when not nil, is told of each stage of the build as it ends,
	// with the time it took (bindery build -v).
	Stage func(name string, took time.Duration)
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
	Book     *Book // nil when the build was skipped
	Outputs  []Output
	Pages    int // the print edition's page count
	Warnings []model.Warning
	// Skipped is set when the outputs were up to date (Incremental): the
	// outputs, pages and warnings are those the earlier build recorded.
	Skipped bool
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
// returns a *LostWordsError and writes nothing. With Strict, any warning
// (an unfilled placeholder of bindery new, a missing image) is an error,
// and nothing is written either.
func Build(dir string, opts BuildOptions) (*BuildResult, error) {
	return BuildContext(context.Background(), dir, opts)
}

// BuildContext is Build that stops between stages once ctx is done,
// returning ctx's error. Each output is renamed into place whole, so a
// build stopped while writing leaves each file either as it was or new.
func BuildContext(ctx context.Context, dir string, opts BuildOptions) (*BuildResult, error) {
	stage := func(name string, began time.Time) {
		if opts.Stage != nil {
			opts.Stage(name, time.Since(began))
		}
	}
	// Only a build into a folder keeps records: -o book.pdf leaves no
	// .bindery folder beside a file the user placed.
	incremental := opts.Incremental && opts.Version != "" && !opts.DryRun && opts.Stdout == nil && opts.OutFile == ""
	var key string
	if incremental {
		began := time.Now()
		m, err := opts.Metadata.LoadManifest(dir)
		if err != nil {
			return nil, err
		}
		if key, err = inputKey(dir, m, &opts); err != nil {
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
		prior := opts.upToDate(m.Slug, key)
		stage("compare with the last build", began)
		if prior != nil {
			res := &BuildResult{Pages: prior.Pages, Warnings: prior.Warnings, Skipped: true}
			if err := strictError(opts.Strict, res.Warnings); err != nil {
				return nil, err
			}
			outDir := filepath.Dir(filepath.Dir(opts.stampPath(m.Slug)))
			for _, out := range prior.Outputs {
				res.Outputs = append(res.Outputs, Output{Format: out.Format, Path: filepath.Join(outDir, out.Name), Size: out.Size})
			}
			return res, nil
		}
	}

	began := time.Now()
	printing.Preload() // the faces are read while the seed is
	book, err := Load(dir, opts.LoadOptions)
	if err != nil {
		return nil, err
	}
	book.Warnings = append(book.Warnings, scaffold.Unfilled(book.Manifest)...)
	stage("read the seed", began)
	if err := strictError(opts.Strict, book.Warnings); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
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
	order := opts.formats() // the files are returned in this order
	ed := book.Edition
	manifest := filepath.Join(dir, seed.ManifestName)
	if _, err := pagedesign.LookupTrim(ed.Meta.Trim); err != nil {
		return nil, fmt.Errorf("%s: %w", manifest, err)
	}

	// The EPUB's cover needs only the metadata: it is drawn on the other
	// core while the book is set.
	var cover func() ([]byte, error)
	if want[FormatEPUB] {
		cover = start(opts.Workers, func() ([]byte, error) { return coverimage.PNG(&ed.Meta) })
	}
	began = time.Now()
	printed, err := printing.Set(ed, printing.Options{Profile: opts.Profile, NoBookmarks: opts.NoBookmarks, Workers: opts.Workers, Tagged: book.Manifest.Edition.TaggedPDF})
	if err != nil {
		return nil, fmt.Errorf("%s: setting the print edition: %w", dir, err)
	}
	res.Pages = printed.Pages
	setTime := time.Since(began)
	stage(fmt.Sprintf("set the print edition (%d pages)", printed.Pages), began)
	book.Warnings = append(book.Warnings, missingWarnings(book, dir, printed.Missing)...)
	book.Warnings = append(book.Warnings, wideTableWarnings(book, dir, printed.WideTables)...)
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

	// Every edition accounts for its words (package account) as soon as
	// it is made, on the goroutine that made it, or for the PDF, whose
	// words are known once the book is set, beside the writing of its
	// file: the accounting reads the edition only.
	type file struct {
		format     string
		name       string
		data       []byte
		took       time.Duration
		shortfalls []account.Shortfall
		err        error
	}
	var pdfShortfalls func() ([]account.Shortfall, error)
	if want[FormatPDF] {
		pdfShortfalls = start(opts.Workers, func() ([]account.Shortfall, error) {
			return account.CheckEdition(ed, FormatPDF, writerName[FormatPDF], printed.Words), nil
		})
	}
	// The EPUB needs only the page starts, known once the book is set, so
	// it is written while the PDF is.
	epubDone := make(chan file, 1)
	var epubReport epub.Report
	writeEPUB := func() {
		began := time.Now()
		var buf bytes.Buffer
		trim := ed.Meta.Trim
		if trim == "" {
			trim = pagedesign.DefaultTrim
		}
		words, err := epub.Write(&buf, ed, epub.Options{
			PageList:     printed.PageStarts,
			PrintEdition: printEditionName(ed.Meta.Title, trim, ed.Meta.Publisher),
			Cover:        cover,
			Report:       &epubReport,
			Footnotes:    book.Manifest.EPUB.Notes == "footnotes",
		})
		f := file{format: FormatEPUB, name: ed.Meta.Slug + ".epub", data: buf.Bytes(), took: time.Since(began), err: err}
		if err == nil {
			f.shortfalls = account.CheckEdition(ed, FormatEPUB, writerName[FormatEPUB], words)
		}
		epubDone <- f
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
		shortfalls, _ := pdfShortfalls()
		files = append(files, file{FormatPDF, ed.Meta.Slug + ".pdf", pdf, setTime + time.Since(began), shortfalls, nil})
		stage("write the PDF", began)
	}
	if want[FormatCover] {
		began := time.Now()
		cover, err := printing.Cover(ed, printed.Pages, book.Manifest.Edition.PaperThickness)
		if err != nil {
			return nil, fmt.Errorf("%s: the cover: %w", manifest, err)
		}
		files = append(files, file{FormatCover, ed.Meta.Slug + "-cover.pdf", cover, time.Since(began), nil, nil})
		stage("draw the cover", began)
	}
	if want[FormatEPUB] {
		f := <-epubDone
		if f.err != nil {
			return nil, fmt.Errorf("%s: writing the EPUB: %w", dir, f.err)
		}
		files = append(files, f)
		for _, w := range epubReport.Warnings {
			book.Warnings = append(book.Warnings, model.Warning{File: manifest, Message: w})
		}
		if opts.Stage != nil {
			opts.Stage("write the EPUB (beside the PDF)", f.took)
		}
	}

	began = time.Now()
	lost := &LostWordsError{Manifest: manifest}
	for _, f := range files {
		lost.Shortfalls = append(lost.Shortfalls, f.shortfalls...)
	}
	if len(lost.Shortfalls) > 0 {
		return nil, lost
	}
	stage("account for every word", began)
	res.Warnings = book.Warnings
	if err := strictError(opts.Strict, res.Warnings); err != nil {
		return nil, err
	}
	if opts.DryRun {
		return res, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The files in the order the formats were asked for.
	slices.SortStableFunc(files, func(a, b file) int { return slices.Index(order, a.format) - slices.Index(order, b.format) })
	if opts.Stdout != nil {
		if len(files) != 1 {
			return nil, fmt.Errorf("%s: %d outputs cannot all go to standard output: ask for one format", dir, len(files))
		}
		if _, err := opts.Stdout.Write(files[0].data); err != nil {
			return nil, fmt.Errorf("writing to standard output: %w", err)
		}
		res.Outputs = append(res.Outputs, Output{Format: files[0].format, Path: "-", Size: int64(len(files[0].data)), Duration: files[0].took})
		return res, nil
	}

	// Every output is checked before the first is written, so that a
	// refusal (a read-only file, one bindery did not write) leaves all of
	// them as they were.
	began = time.Now()
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = opts.OutputPath(ed.Meta.Slug, f.format)
		if err := ensureFolder(filepath.Dir(paths[i])); err != nil {
			return nil, err
		}
		if _, err := outfile.Check(paths[i], outfile.IsOurs(f.format == FormatEPUB)); err != nil {
			return nil, err
		}
	}
	// The files are written at once, each on its own goroutine: most of
	// the time is the wait for the disk to sync a file, and the waits
	// overlap. A file that fails stops the list there, as when they are
	// written in turn (Workers 1), though the others may be written.
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		write := func() { errs[i] = outfile.Write(paths[i], f.data, outfile.IsOurs(f.format == FormatEPUB)) }
		if opts.Workers == 1 {
			if write(); errs[i] != nil {
				break
			}
			continue
		}
		wg.Go(write)
	}
	wg.Wait()
	for i, f := range files {
		if errs[i] != nil {
			return res, errs[i]
		}
		res.Outputs = append(res.Outputs, Output{Format: f.format, Path: paths[i], Size: int64(len(f.data)), Duration: f.took})
	}
	if incremental {
		if err := opts.writeStamp(ed.Meta.Slug, key, res); err != nil {
			return res, fmt.Errorf("recording the build for the next: %w", err)
		}
	}
	stage("write the files", began)
	return res, nil
}

// strictError returns, with strict set, an error listing the warnings.
func strictError(strict bool, warnings []model.Warning) error {
	if !strict || len(warnings) == 0 {
		return nil
	}
	msgs := make([]string, len(warnings))
	for i, w := range warnings {
		msgs[i] = w.String()
	}
	return fmt.Errorf("%s\n(--strict turns warnings into errors)", strings.Join(msgs, "\n"))
}

// writerName names an edition in a message.
var writerName = map[string]string{FormatEPUB: "the EPUB", FormatPDF: "the PDF"}

// printEditionName names the print edition an EPUB's page list follows, for
// its source of pagination: "Title, print edition (5.5x8.5in trim),
// Publisher", the publisher left out with its comma when the book has none
// (an imported document).
func printEditionName(title, trim, publisher string) string {
	name := fmt.Sprintf("%s, print edition (%s trim)", title, trim)
	if publisher != "" {
		name += ", " + publisher
	}
	return name
}
