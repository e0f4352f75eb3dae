package layout_test

// End-to-end tests of setting and writing: a book set by layout and drawn
// by layout/pdf, checked in the file a reader gets.

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/bindery-editions/bindery/layout"
	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pdf"
	"github.com/bindery-editions/bindery/layout/pdf/pdftest"
)

var renderOut = flag.String("render-out", "", "directory to write the test renders to, for viewing")

// setAndWrite sets doc with a new typesetter and writes its PDF.
func setAndWrite(t testing.TB, doc *document.Document) (document.Result, []byte) {
	t.Helper()
	ts, err := layout.NewTypesetter(0)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ts.Set(doc)
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.Draw()
	if err != nil {
		t.Fatal(err)
	}
	file, err := pdf.Write(d, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	return st.Result, file
}

// TestWriteLetter sets and writes the open letter at every trim and checks the
// PDF's structure and, when poppler's pdftotext is installed, its text.
func TestWriteLetter(t *testing.T) {
	for _, tc := range []struct {
		trim    string
		profile document.Profile
	}{
		{"5.5x8.5in", document.Print}, {"a5", document.Print}, {"6x9in", document.Print}, {"letter", document.Screen}, {"a4", document.Screen},
	} {
		t.Run(tc.trim, func(t *testing.T) {
			doc := layout.LetterDocument(t, tc.trim, tc.profile)
			res, pdf := setAndWrite(t, doc)
			if res.Pages%2 != 0 {
				t.Errorf("page count %d is odd", res.Pages)
			}
			facts := readPDF(t, pdf)
			if facts.pages != res.Pages {
				t.Errorf("PDF has %d pages, Result.Pages = %d", facts.pages, res.Pages)
			}
			for _, box := range []string{"TrimBox", "BleedBox", "MediaBox"} {
				if got := facts.boxes[box]; got != res.Pages {
					t.Errorf("%s on %d pages of %d", box, got, res.Pages)
				}
			}
			for _, key := range []string{"PageLabels", "Lang", "Outlines", "Metadata"} {
				if facts.catalog[key] == nil {
					t.Errorf("the catalog lacks /%s", key)
				}
			}
			if got := facts.catalog["PageMode"]; (got != nil) != (tc.profile == document.Screen) {
				t.Errorf("/PageMode %v in the %v profile: only a screen file opens with its bookmarks", got, tc.profile)
			}
			if got := facts.catalog["OutputIntents"]; (got != nil) != (tc.profile == document.Print) {
				t.Errorf("/OutputIntents %v in the %v profile: only a print file declares PDF/X", got, tc.profile)
			}
			if !bytes.Contains(pdf, []byte("+GentiumBookPlus-Regular")) {
				t.Errorf("PDF lacks a subset of GentiumBookPlus-Regular")
			}
			if bytes.Contains(pdf, []byte("/utf8")) {
				t.Errorf("PDF keeps fpdf's utf8 font names")
			}
			if tc.profile == document.Print && facts.annots > 0 {
				t.Errorf("print profile PDF has annotations")
			}
			if tc.profile == document.Screen && facts.annots == 0 {
				t.Errorf("screen profile PDF has no links")
			}
			if res.Stats.Widows != 0 || res.Stats.Orphans != 0 {
				t.Errorf("widows %d, orphans %d", res.Stats.Widows, res.Stats.Orphans)
			}
			_, again := setAndWrite(t, layout.LetterDocument(t, tc.trim, tc.profile))
			if !bytes.Equal(again, pdf) {
				t.Errorf("two renders of the same document differ")
			}
			dir := *renderOut
			if dir == "" {
				dir = t.TempDir()
			}
			file := filepath.Join(dir, "letter-"+tc.trim+".pdf")
			if err := os.WriteFile(file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d pages, stats %+v", file, res.Pages, res.Stats)
			pdftest.CheckWithQPDF(t, file)
			checkWithGhostscript(t, file)
			checkText(t, file, doc)
		})
	}
}

// pdfFacts is what the tests read of a finished PDF, through pdfcpu.
type pdfFacts struct {
	pages   int
	boxes   map[string]int       // pages with each box
	first   map[string][]float64 // the first page's boxes
	catalog types.Dict
	annots  int // pages with annotations
}

// readPDF reads a PDF with pdfcpu, as a reader other than ours would.
func readPDF(t *testing.T, file []byte) pdfFacts {
	t.Helper()
	ctx := pdftest.Read(t, file)
	facts := pdfFacts{pages: ctx.PageCount, boxes: map[string]int{}, first: map[string][]float64{}, catalog: ctx.RootDict}
	for n := 1; n <= ctx.PageCount; n++ {
		d, _, _, err := ctx.PageDict(n, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, box := range []string{"MediaBox", "TrimBox", "BleedBox"} {
			a := d.ArrayEntry(box)
			if len(a) == 4 {
				facts.boxes[box]++
			}
			if n == 1 {
				for _, v := range a {
					switch v := v.(type) {
					case types.Integer:
						facts.first[box] = append(facts.first[box], float64(v))
					case types.Float:
						facts.first[box] = append(facts.first[box], float64(v))
					}
				}
			}
		}
		if d["Annots"] != nil {
			facts.annots++
		}
	}
	return facts
}

// checkWithGhostscript interprets a file with Ghostscript, when
// installed, stopping at the first error or warning.
func checkWithGhostscript(t *testing.T, file string) {
	if _, err := exec.LookPath("gs"); err != nil {
		t.Log("gs not installed: the file is not interpreted")
		return
	}
	out, err := exec.Command("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dPDFSTOPONERROR", "-dPDFSTOPONWARNING", "-sDEVICE=nullpage", file).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("gs: %v\n%s", err, out)
	}
}

// checkText extracts the text with pdftotext, when installed, and looks for
// every body paragraph's first and last words, in order.
func checkText(t *testing.T, file string, doc *document.Document) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: text check skipped")
		return
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// Join hyphenated line ends and collapse white space.
	text := regexp.MustCompile(`-\n`).ReplaceAllString(string(out), "-")
	text = strings.Join(strings.Fields(text), " ")
	// Small capitals (the lead-ins, the running heads) are drawn as
	// capitals of two sizes but must extract as the words they stand for.
	for _, want := range []string{"Contents", "«Naim Frashëri»", "Khrushchev’s", "Dear Comrades, A grave situation", "The Central Committee of the Party of Labor of Albania taking"} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted text lacks %q", want)
		}
	}
	pos := 0
	for _, p := range doc.Parts {
		if p.Matter != document.BodyMatter {
			continue
		}
		for _, blk := range p.Blocks {
			ws := linebreak.Words(document.PlainText(blk.Spans))
			if blk.Style == document.Salutation || len(ws) < 6 {
				continue
			}
			last := ws[len(ws)-1]
			i := strings.Index(text[pos:], last)
			if i < 0 {
				t.Errorf("block %s: last word %q not found after offset %d", blk.ID, last, pos)
				continue
			}
			pos += i
		}
	}
}

// BenchmarkWritePDF writes the four-chapter book of the layout benchmarks
// (about 120 pages): the fonts subset and the file written. The pages are
// drawn afresh each time, untimed, since Write lets them go as it writes.
func BenchmarkWritePDF(b *testing.B) {
	doc := layout.BenchDocument(b, 4)
	ts, err := layout.NewTypesetter(0)
	if err != nil {
		b.Fatal(err)
	}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		st, err := ts.Set(doc)
		if err != nil {
			b.Fatal(err)
		}
		d, err := st.Draw()
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		file, err := pdf.Write(d, nil, 0)
		if err != nil {
			b.Fatal(err)
		}
		size = len(file)
	}
	b.ReportMetric(float64(size), "bytes")
}
