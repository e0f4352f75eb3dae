package layout

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/hyphen"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/paragraph"
)

// openLetterText returns the open letter's source text.
func openLetterText(b *testing.B) string {
	data, err := os.ReadFile("../seeds/open-letter-1964/source.txt")
	if err != nil {
		b.Fatalf("seed text: %v", err)
	}
	return string(data)
}

// benchDocument is a book of the given number of chapters, each the open
// letter's body (about 30 pages at 5.5×8.5 in), with a title page and a
// contents page: the shape of the long book in BENCHMARKS.md, built
// without package edition.
func benchDocument(b *testing.B, chapters int) *document.Document {
	b.Helper()
	var blocks []document.Block
	for i, p := range strings.Split(openLetterText(b), "\n\n") {
		p = strings.TrimSpace(strings.ReplaceAll(p, "\n", " "))
		if i < 2 || p == "" || strings.HasPrefix(p, "Click here") {
			continue
		}
		style := document.Body
		if len(blocks) == 0 {
			style = document.Salutation
		}
		blocks = append(blocks, document.Block{ID: fmt.Sprintf("p%d", len(blocks)+1), Style: style, Spans: []document.Span{{Text: p}}})
	}
	doc := &document.Document{Title: "A Long Book", Author: "Bindery", Language: "en", Trim: "5.5x8.5in", Profile: document.Screen}
	doc.Parts = append(doc.Parts,
		document.Part{ID: "title", Kind: document.TitlePart, Matter: document.FrontMatter, Blocks: []document.Block{{Style: document.DisplayLarge, Spans: []document.Span{{Text: doc.Title}}}}},
		document.Part{ID: "contents", Kind: document.ContentsPart, Matter: document.FrontMatter, Title: "Contents"})
	for c := 1; c <= chapters; c++ {
		doc.Parts = append(doc.Parts, document.Part{ID: fmt.Sprintf("chapter-%d", c), Kind: document.TextPart, Matter: document.BodyMatter,
			Title: fmt.Sprintf("Chapter %d", c), InContents: true, Blocks: blocks})
	}
	return doc
}

// BenchmarkSet sets and draws a book of 1 and 4 chapters (about 30 and
// 120 pages): every stage below, one after the other, but writing the PDF
// (see BenchmarkWritePDF in layout/pdf).
func BenchmarkSet(b *testing.B) {
	for _, chapters := range []int{1, 4} {
		b.Run(fmt.Sprintf("chapters=%d", chapters), func(b *testing.B) {
			doc := benchDocument(b, chapters)
			var pages int
			b.ReportAllocs()
			for b.Loop() {
				ts, err := NewTypesetter(0)
				if err != nil {
					b.Fatal(err)
				}
				st, err := ts.Set(doc)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := st.Draw(); err != nil {
					b.Fatal(err)
				}
				pages = st.Pages
			}
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
		})
	}
}

// The stage benchmarks split the setting of the four-chapter book (about
// 120 pages): Compose breaks every paragraph into lines (measuring,
// hyphenation, Knuth–Plass), Paginate cuts the composed flows into pages,
// and Draw places the lines, running heads and folios (BenchmarkWritePDF,
// in the end-to-end tests, then writes the file). Each runs the stages
// before it outside the timer.

// benchBook returns the four-chapter book ready for layout, as render
// prepares it.
func benchBook(b *testing.B) *book {
	b.Helper()
	doc := benchDocument(b, 4)
	m := linebreak.NewShapedMeasurer()
	s := paragraph.NewSetter(m, english())
	trim, err := pagedesign.LookupTrim(doc.Trim)
	if err != nil {
		b.Fatal(err)
	}
	return newBook(doc, pagedesign.NewGeometry(trim, [4]float64{}), m, s)
}

func BenchmarkStageCompose(b *testing.B) {
	bk := benchBook(b)
	b.ReportAllocs()
	for b.Loop() {
		for i := range bk.doc.Parts {
			if p := &bk.doc.Parts[i]; p.Kind == document.TextPart {
				bk.composeText(p)
			}
		}
	}
}

func BenchmarkStagePaginate(b *testing.B) {
	bk := benchBook(b)
	bk.layout()
	b.ReportAllocs()
	for b.Loop() {
		bk.spans = map[spanKey][]pageSpan{} // forget the cached page breaks
		bk.paginateAll(nil)
		bk.paginateAll(bk.partLabels())
	}
	b.ReportMetric(float64(len(bk.pages)), "pages")
}

func BenchmarkStageDraw(b *testing.B) {
	bk := benchBook(b)
	bk.layout()
	b.ReportAllocs()
	for b.Loop() {
		bk.draw()
	}
}

// english returns the US English hyphenator the tests set text with.
func english() *hyphen.Hyphenator {
	h, err := hyphen.New("en-US")
	if err != nil {
		panic(err)
	}
	return h
}
