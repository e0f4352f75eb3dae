package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bindery-editions/bindery/layout"
	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/fonts"
)

// smallPages is two pages of text in every face, a link and a bookmark.
func smallPages() []layout.DrawnPage {
	return []layout.DrawnPage{
		{
			Runs: []layout.GlyphRun{
				{X: 72 * unit.Point, Y: 100 * unit.Point, Face: fonts.Regular, Size: 12 * unit.Point, Text: "«Guillemets» and ‘quotes’"},
				{X: 72 * unit.Point, Y: 120 * unit.Point, Face: fonts.Italic, Size: 12 * unit.Point, Text: "Italic"},
				{X: 72 * unit.Point, Y: 140 * unit.Point, Face: fonts.Bold, Size: 12 * unit.Point, Text: "Bold", Track: unit.Point},
			},
			Marks: []layout.Bookmark{{Title: "Première partie", Level: 0, Y: 90 * unit.Point}},
			Links: []layout.LinkArea{{X: 72 * unit.Point, Y: 90 * unit.Point, W: 100 * unit.Point, H: 12 * unit.Point, Page: 2}},
		},
		{Runs: []layout.GlyphRun{{X: 72 * unit.Point, Y: 100 * unit.Point, Face: fonts.BoldItalic, Size: 12 * unit.Point, Text: "Bold italic"}}},
	}
}

func smallSpec(bleed unit.Length) *layout.Drawing {
	t, _ := layout.LookupTrim(layout.DefaultTrim)
	return &layout.Drawing{
		Title: "Test", Author: "Tester", Language: "en-GB",
		Date:   time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC),
		Trim:   t,
		Bleed:  bleed,
		Labels: []layout.LabelRange{{Start: 0, Style: "r", First: 1}, {Start: 1, Style: "D", First: 1}},
	}
}

// TestWritePDFStructure checks what patchPDF adds and that the rebuilt
// cross-reference table points at every object.
func TestWritePDFStructure(t *testing.T) {
	pdf, err := writeSmall(smallSpec(unit.Inch/8), smallPages())
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
	again, err := writeSmall(smallSpec(unit.Inch/8), smallPages())
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
	set := func(texts ...string) []rune {
		var s runeSet
		for _, t := range texts {
			s.addString(t)
		}
		return s.runes()
	}
	a := subsetTag("CharisSIL-Regular", set("ab"))
	if !regexp.MustCompile(`^[A-Z]{6}$`).MatchString(a) {
		t.Fatalf("tag %q is not six capitals", a)
	}
	if b := subsetTag("CharisSIL-Regular", set("b", "aab")); b != a {
		t.Errorf("same subset, tags %q and %q", a, b)
	}
	if b := subsetTag("CharisSIL-Regular", set("ac")); b == a {
		t.Errorf("different subsets share tag %q", a)
	}
	if b := subsetTag("CharisSIL-Italic", set("ab")); b == a {
		t.Errorf("different faces share tag %q", a)
	}
}

// TestRuneSet checks that the set lists each character once, in order,
// within the Basic Multilingual Plane and beyond it.
func TestRuneSet(t *testing.T) {
	var s runeSet
	s.addString("zé\U0001F600a\uffffzé\U00010000")
	want := []rune{'a', 'z', 'é', 0xFFFF, 0x10000, 0x1F600}
	if got := s.runes(); !slices.Equal(got, want) {
		t.Errorf("runes() = %U, want %U", got, want)
	}
	var empty runeSet
	if got := empty.runes(); len(got) != 0 {
		t.Errorf("empty set lists %U", got)
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
	pages[1].Runs = append(pages[1].Runs,
		layout.GlyphRun{X: 72 * unit.Point, Y: 130 * unit.Point, Face: fonts.Regular, Size: 12 * unit.Point, Text: "wide", Scale: 1015},
		layout.GlyphRun{X: 110 * unit.Point, Y: 130 * unit.Point, Face: fonts.Regular, Size: 12 * unit.Point, Text: "wider", Scale: 1015},
		layout.GlyphRun{X: 72 * unit.Point, Y: 150 * unit.Point, Face: fonts.Regular, Size: 12 * unit.Point, Text: "plain"})
	pages[1].Rules = []layout.Rule{{X: 72 * unit.Point, Y: 140 * unit.Point, W: 36 * unit.Point, Thickness: unit.Point / 2}}
	pdf, err := writeSmall(smallSpec(0), pages)
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

// TestHundredthsRoundsAsFpdf checks that word positions are rounded as
// fpdf's "%.2f" rounds them, ties included, so words drawn by textWriter sit
// exactly where fpdf's Text drew them.
func TestHundredthsRoundsAsFpdf(t *testing.T) {
	for _, l := range []unit.Length{
		0, 1, unit.Point, 54 * unit.Point, -3 * unit.Point / 2, unit.Point / 200,
		// Exact ties in hundredths, which go to the even neighbour:
		// 0.125 to 0.12, 0.375 to 0.38, 0.625 to 0.62.
		unit.Point / 8, 3 * unit.Point / 8, 5 * unit.Point / 8,
		unit.Pt(434.1), unit.Pt(123.456), unit.Pt(0.015), unit.Pt(99.995),
	} {
		got := string(appendHundredths(nil, hundredths(l)))
		want := fmt.Sprintf("%.2f", l.Points())
		g, _ := strconv.ParseFloat(got, 64)
		w, _ := strconv.ParseFloat(want, 64)
		if g != w {
			t.Errorf("%d sp: wrote %s, fpdf writes %s", l, got, want)
		}
	}
	for n, want := range map[int64]string{0: "0", 5: "0.05", 50: "0.5", 12345: "123.45", 1230: "12.3", -5: "-0.05", -1200: "-12"} {
		if got := string(appendHundredths(nil, n)); got != want {
			t.Errorf("appendHundredths(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestAppendUTF16String checks the two-byte codes and the escapes a
// literal string needs, in either byte of a code.
func TestAppendUTF16String(t *testing.T) {
	for in, want := range map[string]string{
		"Ab":     "\x00A\x00b",
		"(x)":    "\x00\\(\x00x\x00\\)",
		`a\`:     "\x00a\x00\\\\",
		"\u0d28": "\\r\\(", // both bytes of U+0D28 need escaping
		"é":      "\x00\xe9",
	} {
		if got := string(appendUTF16String(nil, in)); got != want {
			t.Errorf("appendUTF16String(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWritePDFTextObjects checks that words in one face and size share a
// text object, that a change of font ends it, and that the words still
// reach the font subsets and the extracted text.
func TestWritePDFTextObjects(t *testing.T) {
	pages := []layout.DrawnPage{{Runs: []layout.GlyphRun{
		{X: 72 * unit.Point, Y: 100 * unit.Point, Face: fonts.Regular, Size: 12 * unit.Point, Text: "Three"},
		{X: 110 * unit.Point, Y: 100 * unit.Point, Face: fonts.Regular, Size: 12 * unit.Point, Text: "roman"},
		{X: 150 * unit.Point, Y: 100 * unit.Point, Face: fonts.Regular, Size: 12 * unit.Point, Text: "words"},
		{X: 190 * unit.Point, Y: 100 * unit.Point, Face: fonts.Italic, Size: 12 * unit.Point, Text: "then"},
		{X: 220 * unit.Point, Y: 100 * unit.Point, Face: fonts.Italic, Size: 12 * unit.Point, Text: "italic"},
	}}}
	pdf, err := writeSmall(smallSpec(0), pages)
	if err != nil {
		t.Fatal(err)
	}
	text := contentText(t, pdf)
	var objects []int // words drawn in each text object that draws any
	for _, obj := range strings.Split(text, "BT")[1:] {
		if n := strings.Count(obj[:strings.Index(obj, "ET")], " Tj"); n > 0 {
			objects = append(objects, n)
		}
	}
	if len(objects) != 2 || objects[0] != 3 || objects[1] != 2 {
		t.Errorf("words per text object %v, want [3 2]", objects)
	}
	// The page is 612pt high with no bleed: a baseline 100pt down is at
	// y = 512 in PDF space.
	if !strings.Contains(text, "1 0 0 1 72 512 Tm") {
		t.Errorf("first word not placed at (72, 512)")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not on PATH: extraction not checked")
	}
	f := filepath.Join(t.TempDir(), "words.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", f, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	if got := strings.Join(strings.Fields(string(out)), " "); got != "Three roman words then italic" {
		t.Errorf("pdftotext reads %q", got)
	}
}

// writeSmall writes pages with the document settings of spec.
func writeSmall(spec *layout.Drawing, pages []layout.DrawnPage) ([]byte, error) {
	spec.Pages = pages
	return Write(spec, nil, 0)
}

// TestBaseTakenOnce checks that Write takes a base started for its page size
// and faces, once, and writes from it the file it writes afresh; a base for
// other faces is left alone.
func TestBaseTakenOnce(t *testing.T) {
	fresh, err := writeSmall(smallSpec(0), smallPages())
	if err != nil {
		t.Fatal(err)
	}
	d := smallSpec(0)
	d.Pages = smallPages()
	w, h := d.MediaSize()
	other := StartBase(w, h, layout.FaceSet{fonts.Regular: true})
	if got, err := Write(d, other, 0); err != nil || !bytes.Equal(got, fresh) {
		t.Fatalf("a PDF written beside a base for other faces differs (%v)", err)
	}
	if other.taken {
		t.Error("a base for other faces was taken")
	}
	d = smallSpec(0)
	d.Pages = smallPages()
	base := StartBase(w, h, d.Faces())
	got, err := Write(d, base, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !base.taken {
		t.Error("the base was not taken")
	}
	if !bytes.Equal(got, fresh) {
		t.Error("the PDF written from a base differs from one written afresh")
	}
	d = smallSpec(0)
	d.Pages = smallPages()
	if got, err := Write(d, base, 0); err != nil || !bytes.Equal(got, fresh) {
		t.Errorf("a second Write beside a taken base differs (%v)", err)
	}
}

// TestWriteNoOutline checks that a drawing without bookmarks gives a PDF
// without an outline, and one with them an outline.
func TestWriteNoOutline(t *testing.T) {
	with, err := writeSmall(smallSpec(0), smallPages())
	if err != nil {
		t.Fatal(err)
	}
	pages := smallPages()
	pages[0].Marks = nil
	without, err := writeSmall(smallSpec(0), pages)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(with, []byte("/Outlines")) || bytes.Contains(without, []byte("/Outlines")) {
		t.Error("the outline does not follow the bookmarks")
	}
}
