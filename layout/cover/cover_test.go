package cover_test

// The cover is set, drawn and written by layout/pdf, and checked in the
// file a printer gets.

import (
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/bindery-editions/bindery/layout/cover"
	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/pdf"
	"github.com/bindery-editions/bindery/layout/pdf/pdftest"
	"github.com/bindery-editions/bindery/layout/unit"
)

var renderOut = flag.String("render-out", "", "directory to write the test renders to, for viewing")

// TestWriteCover checks the wraparound cover's sheet size: two trims and
// the spine, with 1/8 in bleed all round, and spine text only on a spine
// wide enough to carry it.
func TestWriteCover(t *testing.T) {
	doc := &document.Document{
		Title:    "An Open Letter",
		Subtitle: "To the Members of the Communist Party of the Soviet Union",
		Author:   "The Central Committee of the Party of Labor of Albania",
		Subject:  "An open letter of 1964 from the Party of Labor of Albania to the members of the Communist Party of the Soviet Union.",
		Language: "en",
		Date:     time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		Trim:     "6x9in",
		Profile:  document.Print,
	}
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
		d, err := cover.Draw(doc, tc.pages, tc.thickness)
		if err != nil {
			t.Fatal(err)
		}
		file, err := pdf.Write(d, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		media, trim := firstPageBox(t, file, "MediaBox"), firstPageBox(t, file, "TrimBox")
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
		pdftest.CheckWithQPDF(t, path)
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
	d, err := cover.Draw(doc, 200, unit.Inch/400)
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
	if _, err := cover.Draw(doc, 200, unit.Inch/400); err == nil {
		t.Error("a cover was drawn for an ISBN with a wrong check digit")
	}
	doc.ISBN, doc.Price = "", ""
	if _, err := cover.Draw(doc, 0, unit.Inch/400); err == nil {
		t.Errorf("a cover for 0 pages was made")
	}
}

// firstPageBox reads a box of a PDF's first page with pdfcpu, as a reader
// other than ours would.
func firstPageBox(t *testing.T, file []byte, box string) []float64 {
	t.Helper()
	ctx := pdftest.Read(t, file)
	d, _, _, err := ctx.PageDict(1, false)
	if err != nil {
		t.Fatal(err)
	}
	var out []float64
	for _, v := range d.ArrayEntry(box) {
		switch v := v.(type) {
		case types.Integer:
			out = append(out, float64(v))
		case types.Float:
			out = append(out, float64(v))
		}
	}
	return out
}
