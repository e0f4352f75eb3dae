package edition

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/bindery-editions/bindery/edition/archive"
	"github.com/bindery-editions/bindery/edition/epub"
	"github.com/bindery-editions/bindery/edition/markdown"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/printing"
	"github.com/bindery-editions/bindery/edition/scaffold"
)

// The benchmarks in this file measure the build of the open letter, whole
// and stage by stage, and of a long book made of its body repeated, to show
// that time and memory grow linearly with length. BENCHMARKS.md records
// the numbers and how to reproduce them:
//
//	go test ./edition -run '^$' -bench . -benchmem
//
// Stages, in the order a build runs them:
//
//	ReadArchive, ReadMarkdown  source text → Source
//	Load                       seed folder → Edition (read, emend, notes, typography)
//	PrintDocument              Edition → document.Document
//	Render                     document.Document → PDF (line breaking, pagination, PDF writing)
//	WriteEPUB                  Edition → EPUB zip

// BenchmarkBuild is the whole build of the open letter, as "bindery build"
// runs it, without the file writes (DryRun): the PDF is always set, since
// the EPUB carries its page list, so "epub" costs nearly as much as "both".
func BenchmarkBuild(b *testing.B) {
	for _, tc := range []struct {
		name    string
		formats []string
	}{
		{"epub", []string{FormatEPUB}},
		{"pdf", []string{FormatPDF}},
		{"both", nil},
	} {
		b.Run(tc.name, func(b *testing.B) {
			opts := BuildOptions{Formats: tc.formats, DryRun: true}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Build(openLetterSeed, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildWrite is BenchmarkBuild/both with the files written (and
// synced) into a temporary folder, as the command line does.
func BenchmarkBuildWrite(b *testing.B) {
	opts := BuildOptions{OutDir: b.TempDir()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(openLetterSeed, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildLarge builds both formats of a long book: the open
// letter's body repeated as chapters, imported as a Markdown seed. Four
// chapters set to about 130 pages at 5.5×8.5 in, forty to about 1,200; the
// ns/page metric should stay flat as the book grows.
func BenchmarkBuildLarge(b *testing.B) {
	for _, chapters := range []int{4, 12, 40} {
		b.Run(fmt.Sprintf("chapters=%d", chapters), func(b *testing.B) {
			if chapters > 4 && testing.Short() {
				b.Skip("long book skipped in -short mode")
			}
			dir := largeSeed(b, chapters)
			buildPages(b, dir)
		})
	}
}

// BenchmarkReadArchive reads the open letter's archive text.
func BenchmarkReadArchive(b *testing.B) {
	data := readBenchFile(b, filepath.Join(openLetterSeed, "source.txt"))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := archive.Read("source.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadMarkdown reads the open letter's body as Markdown: four
// chapters of it (about 250 KB), the size of a short book.
func BenchmarkReadMarkdown(b *testing.B) {
	data := largeMarkdown(b, 4)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := markdown.Read("big.md", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad assembles the open letter's edition from its seed folder:
// manifest, source, introduction, emendations, notes and typography.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(openLetterSeed, LoadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrintDocument translates the edition into layout's input.
func BenchmarkPrintDocument(b *testing.B) {
	ed := loadBench(b, openLetterSeed)
	b.ReportAllocs()
	for b.Loop() {
		printing.Document(ed, printing.Options{})
	}
}

// BenchmarkPrint sets the open letter's print edition and writes its PDF:
// line breaking, hyphenation, pagination, font subsetting and PDF writing
// (layout's own benchmarks split these), with the book set twice, as the
// Note on the Text cites pages.
func BenchmarkPrint(b *testing.B) {
	ed := loadBench(b, openLetterSeed)
	var pages int
	b.ReportAllocs()
	for b.Loop() {
		book, err := printing.Set(ed, printing.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := book.WritePDF(); err != nil {
			b.Fatal(err)
		}
		pages = book.Pages
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkWriteEPUB writes the open letter's EPUB with its page list:
// XHTML serialisation, go-epub, the finishing pass and the zip.
func BenchmarkWriteEPUB(b *testing.B) {
	ed := loadBench(b, openLetterSeed)
	book, err := printing.Set(ed, printing.Options{})
	if err != nil {
		b.Fatal(err)
	}
	opts := epub.Options{PageList: book.PageStarts, PrintEdition: "print edition"}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := epub.Write(&buf, ed, opts); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/op")
}

func readBenchFile(b *testing.B, path string) []byte {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func loadBench(b *testing.B, dir string) *model.Edition {
	b.Helper()
	book, err := Load(dir, LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return book.Edition
}

// largeMarkdown returns a Markdown book of the given number of chapters,
// each the open letter's body: the same text docs/bench/make-large.sh
// writes. The archive's title block (its first two paragraphs) and its
// closing navigation link are left out; each paragraph is one line.
func largeMarkdown(b *testing.B, chapters int) []byte {
	b.Helper()
	src := readBenchFile(b, filepath.Join(openLetterSeed, "source.txt"))
	var body strings.Builder
	for i, p := range strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n\n") {
		p = strings.TrimSpace(p)
		if i < 2 || p == "" || strings.HasPrefix(p, "Click here") {
			continue
		}
		body.WriteString(strings.ReplaceAll(p, "\n", " "))
		body.WriteString("\n\n")
	}
	var md bytes.Buffer
	for i := 1; i <= chapters; i++ {
		fmt.Fprintf(&md, "# Chapter %d\n\n%s", i, body.String())
	}
	return md.Bytes()
}

// largeSeed imports a book of the given number of chapters into a new seed
// folder, as "bindery import big.md" does, and returns the folder.
func largeSeed(b *testing.B, chapters int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "big")
	_, err := scaffold.Create(scaffold.Options{Slug: "big", Dir: dir, Date: "2020-01-01", SourceName: "big.md", SourceData: largeMarkdown(b, chapters)})
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkCorpus imports every document of the development corpus
// (testdata/corpus) into a seed and builds both editions of each, the whole
// corpus in one iteration: the figure issue 14 asks to keep under two
// seconds.
func BenchmarkCorpus(b *testing.B) {
	var files []string
	for _, pat := range []string{"*.txt", "*.md"} {
		m, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", pat))
		for _, f := range m {
			if filepath.Base(f) != "SOURCES.md" {
				files = append(files, f)
			}
		}
	}
	if len(files) == 0 {
		b.Fatal("no corpus documents under testdata/corpus")
	}
	data := make([][]byte, len(files))
	for i, f := range files {
		var err error
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		root := b.TempDir()
		for i, f := range files {
			dir := filepath.Join(root, fmt.Sprintf("doc%d", i))
			if _, err := scaffold.Create(scaffold.Options{Slug: fmt.Sprintf("doc%d", i), Dir: dir, Date: "2026-12-01", SourceName: f, SourceData: data[i]}); err != nil {
				b.Fatal(err)
			}
			if _, err := Build(dir, BuildOptions{OutDir: filepath.Join(dir, "dist")}); err != nil {
				b.Fatalf("%s: %v", f, err)
			}
		}
	}
}

// BenchmarkBuildConstructs builds both formats of a book of about 1,000
// pages (33 chapters of the open letter's body) with a figure and a table
// every ten pages or so: the figures' image read, scaled and embedded, the
// tables set on the grid with their rules. The peak-MB metric is the
// process's peak resident memory (getrusage), so run it alone:
//
//	go test ./edition -run '^$' -bench BuildConstructs -benchtime 3x
func BenchmarkBuildConstructs(b *testing.B) {
	md := largeMarkdown(b, 33)
	var out strings.Builder
	paras := strings.Split(string(md), "\n\n")
	// The letter's body sets about 30 pages a chapter, in about 80
	// paragraphs: a figure and a table every 27 paragraphs.
	for i, p := range paras {
		out.WriteString(p + "\n\n")
		if i%27 == 26 {
			fmt.Fprintf(&out, "![Figure %d: the harbour at dawn](harbour.png)\n\n", i)
			fmt.Fprintf(&out, "| Kind of paper | Items | Kept since |\n|:--|--:|:-:|\n| Letters | %d | 1871 |\n| Postcards | 96 | 1902 |\n| Ledgers and diaries | 11 | 1864 |\n\nTable: Holdings in box %d.\n\n", i, i)
		}
	}
	dir := filepath.Join(b.TempDir(), "big")
	if _, err := scaffold.Create(scaffold.Options{Slug: "big", Dir: dir, Date: "2020-01-01", SourceName: "big.md", SourceData: []byte(out.String())}); err != nil {
		b.Fatal(err)
	}
	img := readBenchFile(b, filepath.Join("..", "testdata", "seeds", "markdown-sample", "harbour.png"))
	if err := os.WriteFile(filepath.Join(dir, "harbour.png"), img, 0o644); err != nil {
		b.Fatal(err)
	}
	buildPages(b, dir)
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-MB")
	}
}

// buildPages builds the seed in dir (without writing it) as often as the
// benchmark asks and reports its pages and the time per page.
func buildPages(b *testing.B, dir string) {
	opts := BuildOptions{DryRun: true}
	var pages int
	b.ReportAllocs()
	for b.Loop() {
		res, err := Build(dir, opts)
		if err != nil {
			b.Fatal(err)
		}
		pages = res.Pages
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
}
