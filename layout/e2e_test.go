package layout_test

// End-to-end tests of setting and writing: a book set by layout and drawn
// by layout/pdf, checked in the file a reader gets.

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/bindery-editions/bindery/layout"
	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/pdf"
	"github.com/bindery-editions/bindery/layout/unit"
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
			checkWithQPDF(t, file)
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
	model.ConfigPath = "disable" // pdfcpu would otherwise make a folder of its own
	ctx, err := api.ReadContext(bytes.NewReader(file), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatalf("pdfcpu cannot read the file: %v", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		t.Fatal(err)
	}
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

// checkWithQPDF runs qpdf --check when qpdf is installed.
func checkWithQPDF(t *testing.T, file string) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Log("qpdf not installed: structure check skipped")
		return
	}
	out, err := exec.Command("qpdf", "--check", file).CombinedOutput()
	if err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
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
			ws := linebreak.Words(layout.PlainText(blk.Spans))
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

// TestWriteCover checks the wraparound cover's sheet size: two trims and
// the spine, with 1/8 in bleed all round, and spine text only on a spine
// wide enough to carry it.
func TestWriteCover(t *testing.T) {
	doc := layout.LetterDocument(t, "6x9in", document.Print)
	doc.Subject = "An open letter of 1964 from the Party of Labor of Albania to the members of the Communist Party of the Soviet Union."
	for _, tc := range []struct {
		pages      int
		thickness  unit.Length
		wantWidth  float64 // MediaBox width in points
		spineTitle bool
	}{
		// 44 pages × 0.0025 in = 0.11 in = 7.92 pt of spine; 2 × 432 + 7.92 + 2 × 9 = 889.92.
		{44, unit.Inch / 400, 889.92, false},
		// 400 pages × 0.0025 in = 1 in = 72 pt; 2 × 432 + 72 + 18 = 954.
		{400, unit.Inch / 400, 954, true},
	} {
		d, err := layout.DrawCover(doc, tc.pages, tc.thickness)
		if err != nil {
			t.Fatal(err)
		}
		file, err := pdf.Write(d, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		doc := readPDF(t, file)
		media, trim := doc.first["MediaBox"], doc.first["TrimBox"]
		if len(media) != 4 || len(trim) != 4 {
			t.Fatalf("%d pages: no MediaBox and TrimBox", tc.pages)
		}
		if media[0] != 0 || media[1] != 0 || math.Abs(media[2]-tc.wantWidth) > 0.05 || media[3] != 666 ||
			trim[0] != 9 || trim[1] != 9 || math.Abs(trim[2]-(tc.wantWidth-9)) > 0.05 || trim[3] != 657 {
			t.Errorf("%d pages: media %v, trim %v, want width %.2f, height 666, trim 9 in from each edge", tc.pages, media, trim, tc.wantWidth)
		}
		dir := *renderOut
		if dir == "" {
			dir = t.TempDir()
		}
		path := filepath.Join(dir, fmt.Sprintf("cover-%d.pdf", tc.pages))
		if err := os.WriteFile(path, file, 0o644); err != nil {
			t.Fatal(err)
		}
		checkWithQPDF(t, path)
		if _, err := exec.LookPath("pdftotext"); err != nil {
			continue
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		if got := strings.Count(text, "An Open Letter"); (got >= 2) != tc.spineTitle || got == 0 {
			t.Errorf("%d pages: title appears %d times in %q", tc.pages, got, text)
		}
	}
	// With an ISBN and a price, the back carries the barcode: bars in the
	// box at its foot on the spine side, and the numbers in words.
	doc.ISBN, doc.Price = "978-0-306-40615-7", "51995"
	d, err := layout.DrawCover(doc, 200, unit.Inch/400)
	if err != nil {
		t.Fatal(err)
	}
	bars := d.Pages[0].Boxes
	// 30 bars in an EAN-13 (two a digit, three guards of two); 16 in the
	// add-on (two in its start, two a digit, one a separator).
	if len(bars) != 30+16 {
		t.Errorf("%d bars, want 46", len(bars))
	}
	trim, _ := pagedesign.LookupTrim(doc.Trim)
	for _, b := range bars {
		if b.X+b.W > trim.Width-unit.Inch/4 || b.X < trim.Width-unit.Inch/4-2*unit.Inch || b.Y+b.H > trim.Height-unit.Inch/4 {
			t.Errorf("bar %+v outside the barcode box of the back cover", b)
		}
	}
	var texts []string
	for _, r := range d.Pages[0].Runs {
		texts = append(texts, r.Text)
	}
	if got := strings.Join(texts, "|"); !strings.Contains(got, "ISBN 978-0-306-40615-7") || !strings.Contains(got, "51995") {
		t.Errorf("the cover's text lacks the ISBN or the price: %q", got)
	}
	doc.ISBN = "978-0-306-40615-8"
	if _, err := layout.DrawCover(doc, 200, unit.Inch/400); err == nil {
		t.Error("a cover was drawn for an ISBN with a wrong check digit")
	}
	doc.ISBN, doc.Price = "", ""
	if _, err := layout.DrawCover(doc, 0, unit.Inch/400); err == nil {
		t.Errorf("a cover for 0 pages was made")
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
