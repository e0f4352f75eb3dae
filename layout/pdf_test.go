package layout

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bindery-editions/bindery/fonts"
)

// smallPages is two pages of text in every face, a link and a bookmark.
func smallPages() []pageOut {
	return []pageOut{
		{
			runs: []glyphRun{
				{X: 72 * Point, Y: 100 * Point, Face: fonts.Regular, Size: 12 * Point, Text: "«Guillemets» and ‘quotes’"},
				{X: 72 * Point, Y: 120 * Point, Face: fonts.Italic, Size: 12 * Point, Text: "Italic"},
				{X: 72 * Point, Y: 140 * Point, Face: fonts.Bold, Size: 12 * Point, Text: "Bold", Track: Point},
			},
			marks: []bookmark{{Title: "Première partie", Level: 0, Y: 90 * Point}},
			links: []linkArea{{X: 72 * Point, Y: 90 * Point, W: 100 * Point, H: 12 * Point, Page: 2}},
		},
		{runs: []glyphRun{{X: 72 * Point, Y: 100 * Point, Face: fonts.BoldItalic, Size: 12 * Point, Text: "Bold italic"}}},
	}
}

func smallSpec(bleed Length) pdfSpec {
	t, _ := LookupTrim(DefaultTrim)
	return pdfSpec{
		Title: "Test", Author: "Tester", Language: "en-GB",
		Date:   time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC),
		Trim:   t,
		Bleed:  bleed,
		Labels: []labelRange{{Start: 0, Style: "r", First: 1}, {Start: 1, Style: "D", First: 1}},
	}
}

// TestWritePDFStructure checks what patchPDF adds and that the rebuilt
// cross-reference table points at every object.
func TestWritePDFStructure(t *testing.T) {
	pdf, err := writePDF(smallSpec(Inch/8), smallPages())
	if err != nil {
		t.Fatal(err)
	}
	objs, _, trailer, err := splitPDF(pdf)
	if err != nil {
		t.Fatalf("the patched file does not parse: %v", err)
	}
	for _, o := range objs {
		if !bytes.HasPrefix(pdf[o.offset:], []byte(strconv.Itoa(o.num)+" 0 obj")) {
			t.Errorf("xref offset of object %d is wrong", o.num)
		}
	}
	if !bytes.Contains(trailer, []byte("/Root")) {
		t.Errorf("trailer lost /Root: %q", trailer)
	}
	for _, want := range []string{
		"%PDF-1.4",
		"/PageLabels << /Nums [ 0 << /S /r >> 1 << /S /D >> ] >>",
		"/Lang (en-GB)",
		// 5.5x8.5in with 1/8in bleed at head, foot and fore-edge: the
		// recto's trim starts at the left edge, the verso's after the bleed.
		"/MediaBox [0 0 405 630] /TrimBox [0 9 396 621] /BleedBox [0 0 405 630]",
		"/MediaBox [0 0 405 630] /TrimBox [9 9 405 621] /BleedBox [0 0 405 630]",
		"/CreationDate (D:20010203040506)",
		"<xmp:CreateDate>2001-02-03T04:05:06Z</xmp:CreateDate>",
	} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	names := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+(CharisSIL-[A-Za-z]+)`).FindAllSubmatch(pdf, -1)
	if len(names) != 8 { // Type0 and CIDFontType2 of each of four faces
		t.Errorf("found %d subset-tagged font names, want 8", len(names))
	}
	if bytes.Contains(pdf, []byte("/utf8")) {
		t.Errorf("fpdf's font names survive")
	}
	if n := bytes.Count(pdf, []byte("/TrimBox")); n != 2 {
		t.Errorf("%d TrimBoxes, want 2", n)
	}
	again, err := writePDF(smallSpec(Inch/8), smallPages())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pdf, again) {
		t.Errorf("the same pages give different bytes")
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		f := filepath.Join(t.TempDir(), "small.pdf")
		if err := os.WriteFile(f, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("qpdf", "--check", f).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}

// TestSubsetTag checks the tag is six capitals, stable, and changes with
// the subset or the face.
func TestSubsetTag(t *testing.T) {
	a := subsetTag("CharisSIL-Regular", map[rune]bool{'a': true, 'b': true})
	if !regexp.MustCompile(`^[A-Z]{6}$`).MatchString(a) {
		t.Fatalf("tag %q is not six capitals", a)
	}
	if b := subsetTag("CharisSIL-Regular", map[rune]bool{'b': true, 'a': true}); b != a {
		t.Errorf("same subset, tags %q and %q", a, b)
	}
	if b := subsetTag("CharisSIL-Regular", map[rune]bool{'a': true, 'c': true}); b == a {
		t.Errorf("different subsets share tag %q", a)
	}
	if b := subsetTag("CharisSIL-Italic", map[rune]bool{'a': true, 'b': true}); b == a {
		t.Errorf("different faces share tag %q", a)
	}
}

// TestSplitPDFRejects checks that a file that is not fpdf's classic layout
// is refused rather than corrupted.
func TestSplitPDFRejects(t *testing.T) {
	for name, in := range map[string]string{
		"no startxref": "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n",
		"bad offset":   "%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000003 00000 n \ntrailer\n<</Root 1 0 R>>\nstartxref\n31\n%%EOF\n",
	} {
		if _, _, _, err := splitPDF([]byte(in)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// contentText inflates every Flate stream of a PDF and joins them, so
// tests can look for content-stream operators.
func contentText(t *testing.T, pdf []byte) string {
	t.Helper()
	var out bytes.Buffer
	rest := pdf
	for {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			break
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("\nendstream"))
		if j < 0 {
			break
		}
		if r, err := zlib.NewReader(bytes.NewReader(rest[:j])); err == nil {
			_, _ = io.Copy(&out, r)
			out.WriteByte('\n')
		}
		rest = rest[j+len("\nendstream"):]
	}
	return out.String()
}

// TestWritePDFScaleAndColour checks that expanded runs are drawn after a
// Tz setting their scale, set once for consecutive runs of the same scale
// and back to 100 before an unscaled run, and that text and rules are
// painted in grey-scale black (g, G), never in RGB, as printers want text
// in K only.
func TestWritePDFScaleAndColour(t *testing.T) {
	pages := smallPages()
	pages[1].runs = append(pages[1].runs,
		glyphRun{X: 72 * Point, Y: 130 * Point, Face: fonts.Regular, Size: 12 * Point, Text: "wide", Scale: 1015},
		glyphRun{X: 110 * Point, Y: 130 * Point, Face: fonts.Regular, Size: 12 * Point, Text: "wider", Scale: 1015},
		glyphRun{X: 72 * Point, Y: 150 * Point, Face: fonts.Regular, Size: 12 * Point, Text: "plain"})
	pages[1].rules = []rule{{X: 72 * Point, Y: 140 * Point, W: 36 * Point, Thickness: Point / 2}}
	pdf, err := writePDF(smallSpec(0), pages)
	if err != nil {
		t.Fatal(err)
	}
	text := contentText(t, pdf)
	i := strings.Index(text, "101.5 Tz")
	if i < 0 {
		t.Fatalf("no 101.5 Tz in the content streams")
	}
	j := strings.Index(text[i:], "100 Tz")
	if j < 0 || strings.Count(text[i:i+j], "Tj") != 2 {
		t.Errorf("the two scaled runs are not drawn between 101.5 Tz and 100 Tz")
	}
	if !strings.Contains(text[i+j:], "Tj") {
		t.Errorf("the unscaled run is not drawn after 100 Tz")
	}
	if n := strings.Count(text, " Tz"); n != 2 {
		t.Errorf("%d Tz operators, want 2: one for the scaled runs, one to restore 100%%", n)
	}
	for _, op := range []string{" rg\n", " RG\n", " k\n", " K\n"} {
		if strings.Contains(text, op) {
			t.Errorf("content uses colour operator %q", strings.TrimSpace(op))
		}
	}
	for _, op := range []string{"0.000 g", "0.000 G"} {
		if !strings.Contains(text, op) {
			t.Errorf("content lacks grey black %q", op)
		}
	}
}
