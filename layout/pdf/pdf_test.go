package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/pdf/pdftest"
	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/fonts"
)

// measurer shapes the tests' runs as layout does.
var measurer = linebreak.NewShapedMeasurer()

// run is a run of text at (x, y) points, shaped.
func run(x, y float64, face fonts.Face, style linebreak.FontStyle, size float64, text string) drawing.GlyphRun {
	if style == linebreak.Roman {
		style = [...]linebreak.FontStyle{linebreak.Roman, linebreak.Italic, linebreak.Bold, linebreak.BoldItalic}[face]
	}
	return drawing.GlyphRun{X: unit.Pt(x), Y: unit.Pt(y), Face: face, Style: style, Size: unit.Pt(size), Text: text, Glyphs: measurer.Shape(style, text)}
}

// smallPages is two pages of text in every face, a link and a bookmark.
func smallPages() []drawing.DrawnPage {
	bold := run(72, 140, fonts.Bold, 0, 12, "Bold")
	bold.Track = unit.Point
	return []drawing.DrawnPage{
		{
			Runs: []drawing.GlyphRun{
				run(72, 100, fonts.Regular, 0, 12, "«Guillemets» and ‘quotes’"),
				run(72, 120, fonts.Italic, 0, 12, "Italic"),
				bold,
			},
			Marks: []drawing.Bookmark{{Title: "Première partie", Level: 0, Y: 90 * unit.Point}},
			Links: []drawing.LinkArea{{X: 72 * unit.Point, Y: 90 * unit.Point, W: 100 * unit.Point, H: 12 * unit.Point, Page: 2}},
		},
		{Runs: []drawing.GlyphRun{run(72, 100, fonts.BoldItalic, 0, 12, "Bold italic")}},
	}
}

func smallSpec(bleed unit.Length) *drawing.Drawing {
	t, _ := pagedesign.LookupTrim(pagedesign.DefaultTrim)
	return &drawing.Drawing{
		Title: "Test", Author: "Tester", Language: "en-GB",
		Date:   time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC),
		Trim:   t,
		Bleed:  bleed,
		Labels: []drawing.LabelRange{{Start: 0, Style: "r", First: 1}, {Start: 1, Style: "D", First: 1}},
	}
}

// numbers returns the numbers of a PDF array.
func numbers(a types.Array) []float64 {
	var out []float64
	for _, v := range a {
		switch v := v.(type) {
		case types.Integer:
			out = append(out, float64(v))
		case types.Float:
			out = append(out, float64(v))
		}
	}
	return out
}

// TestWritePDFStructure checks what the post-pass adds, read back by
// pdfcpu: boxes, labels, language, metadata, subset font names, PDF/X.
func TestWritePDFStructure(t *testing.T) {
	spec := smallSpec(unit.Inch / 8)
	spec.PDFX = true
	pdf, err := writeSmall(spec, smallPages())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.6\n")) {
		t.Errorf("a PDF/X-4 file begins %q", pdf[:9])
	}
	ctx := pdftest.Read(t, pdf)
	if ctx.PageCount != 2 {
		t.Fatalf("%d pages, want 2", ctx.PageCount)
	}
	// 5.5x8.5in with 1/8in bleed at head, foot and fore-edge: the recto's
	// trim starts at the left edge, the verso's after the bleed.
	for n, wantTrim := range map[int]string{1: "[0 9 396 621]", 2: "[9 9 405 621]"} {
		d, _, _, err := ctx.PageDict(n, false)
		if err != nil {
			t.Fatal(err)
		}
		for box, want := range map[string]string{"MediaBox": "[0 0 405 630]", "BleedBox": "[0 0 405 630]", "TrimBox": wantTrim} {
			if got := fmt.Sprint(numbers(d.ArrayEntry(box))); got != want {
				t.Errorf("page %d: /%s %s, want %s", n, box, got, want)
			}
		}
	}
	root := ctx.RootDict
	if got := root.PDFString(); !strings.Contains(got, "/PageLabels<</Nums[0<</S/r>> 1<</S/D>>]>>") {
		t.Errorf("catalog %s: no page labels r from 1, D from 2", got)
	}
	if root["Lang"] == nil || root["Metadata"] == nil || root["PageMode"] != nil {
		t.Errorf("catalog %s: want /Lang and /Metadata, no /PageMode", root.PDFString())
	}
	intents := root.ArrayEntry("OutputIntents")
	if len(intents) != 1 {
		t.Fatalf("%d output intents, want 1", len(intents))
	}
	oi, err := ctx.DereferenceDict(intents[0])
	if err != nil {
		t.Fatal(err)
	}
	if s := oi.NameEntry("S"); s == nil || *s != "GTS_PDFX" {
		t.Errorf("output intent %s is not GTS_PDFX", oi.PDFString())
	}
	profile, _, err := ctx.DereferenceStreamDict(oi["DestOutputProfile"])
	if err != nil || profile == nil {
		t.Fatalf("no output profile: %v", err)
	}
	if err := profile.Decode(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(profile.Content, outputProfile) || string(profile.Content[12:20]) != "prtrGRAY" {
		t.Errorf("the output profile is not the grey output profile of icc/")
	}
	info, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := info["GTS_PDFXVersion"].(types.StringLiteral); v != "PDF/X-4" {
		t.Errorf("GTS_PDFXVersion %v", info["GTS_PDFXVersion"])
	}
	if v := info.NameEntry("Trapped"); v == nil || *v != "False" {
		t.Errorf("/Trapped %v", info["Trapped"])
	}
	if len(ctx.ID) != 2 {
		t.Errorf("no file identifier: %v", ctx.ID)
	}
	for _, want := range []string{"<xmp:CreateDate>2001-02-03T04:05:06Z</xmp:CreateDate>", "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>", "<pdf:Trapped>False</pdf:Trapped>"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("the XMP lacks %q", want)
		}
	}
	names := regexp.MustCompile(`/BaseFont/([A-Z]{6})\+(GentiumBookPlus-[A-Za-z]+)`).FindAllSubmatch(pdf, -1)
	if len(names) != 8 { // Type0 and CIDFontType2 of each of four faces
		t.Errorf("found %d subset-tagged font names, want 8", len(names))
	}
	if bytes.Contains(pdf, []byte("/utf8")) {
		t.Errorf("fpdf's font names survive")
	}
	again, err := writeSmall(spec, smallPages())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pdf, again) {
		t.Errorf("the same pages give different bytes")
	}
	checkQPDF(t, pdf)
	checkGhostscript(t, pdf)
}

// checkGhostscript interprets a file with Ghostscript, when installed,
// stopping at the first error or warning, and checks that its ink is black
// only (the inkcov device: no cyan, magenta or yellow anywhere).
func checkGhostscript(t *testing.T, pdf []byte) {
	t.Helper()
	if _, err := exec.LookPath("gs"); err != nil {
		t.Log("gs not installed: the file is not interpreted")
		return
	}
	f := filepath.Join(t.TempDir(), "gs.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dPDFSTOPONERROR", "-dPDFSTOPONWARNING", "-sDEVICE=inkcov", "-o", "-", f).CombinedOutput()
	if err != nil {
		t.Fatalf("gs: %v\n%s", err, out)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var c, m, y, k float64
		if n, _ := fmt.Sscan(l, &c, &m, &y, &k); n == 4 && c+m+y > 0 {
			t.Errorf("ink other than black: %q", l)
		}
	}
}

// TestWriteScreenPDF checks what a screen file keeps and a print file
// leaves out: no PDF/X, the bookmarks panel open, no bleed boxes beyond
// the trim when the drawing has no bleed.
func TestWriteScreenPDF(t *testing.T) {
	spec := smallSpec(0)
	spec.ShowOutline = true
	pdf, err := writeSmall(spec, smallPages())
	if err != nil {
		t.Fatal(err)
	}
	ctx := pdftest.Read(t, pdf)
	root := ctx.RootDict
	if m := root.NameEntry("PageMode"); m == nil || *m != "UseOutlines" || root["OutputIntents"] != nil {
		t.Errorf("screen catalog %s: want /PageMode /UseOutlines and no output intent", root.PDFString())
	}
	d, _, _, err := ctx.PageDict(1, false)
	if err != nil {
		t.Fatal(err)
	}
	if m, tr := fmt.Sprint(numbers(d.ArrayEntry("MediaBox"))), fmt.Sprint(numbers(d.ArrayEntry("TrimBox"))); m != "[0 0 396 612]" || tr != m {
		t.Errorf("without bleed: media %s, trim %s, want both the trim", m, tr)
	}
}

// checkQPDF runs qpdf --check on a file, when qpdf is installed.
func checkQPDF(t *testing.T, pdf []byte) {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Log("qpdf not installed: structure not checked")
		return
	}
	f := filepath.Join(t.TempDir(), "check.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", f).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// TestSplitPDFRejects checks that a file that is not fpdf's classic layout
// is refused rather than corrupted, as a change of fpdf's shape.
func TestSplitPDFRejects(t *testing.T) {
	for name, in := range map[string]string{
		"no startxref": "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n",
		"bad offset":   "%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000003 00000 n \ntrailer\n<</Root 1 0 R>>\nstartxref\n31\n%%EOF\n",
	} {
		if _, _, _, err := splitPDF([]byte(in)); !errors.Is(err, errShape) {
			t.Errorf("%s: %v, want an error of fpdf's shape", name, err)
		}
	}
}

// TestFpdfOutputShape runs the post-pass on fpdf's real output and fails,
// saying what to look at, when fpdf writes its files otherwise than the
// post-pass expects (see finish.go): a classic cross-reference table, one
// level of pages with one uncompressed content stream each, Type0 fonts
// named "utf8" and their family with one descendant and a ToUnicode
// stream. Upgrading fpdf must keep this test passing.
func TestFpdfOutputShape(t *testing.T) {
	spec := smallSpec(0)
	spec.Pages = smallPages()
	raw, fin, err := draw(spec, nil)
	if err != nil {
		t.Fatal(err)
	}
	fin.workers = 1
	if _, err := finish(raw, fin); err != nil {
		if errors.Is(err, errShape) {
			t.Fatalf("fpdf's output no longer has the shape the post-pass in finish.go relies on: %v", err)
		}
		t.Fatal(err)
	}
	for _, want := range []string{"%PDF-1.", "\nxref\n0 ", "/Type /Font", "/BaseFont /utf8binderyfacea", "/ToUnicode "} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("fpdf's output lacks %q: the post-pass's assumptions must be revisited", want)
		}
	}
	// A font the pages do not use is an error, not a silent omission.
	fin.fonts["utf8nosuch"] = finishedFont{name: "X"}
	if _, err := finish(raw, fin); !errors.Is(err, errShape) {
		t.Errorf("a font missing from the file gave %v", err)
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
	wide, wider := run(72, 130, fonts.Regular, 0, 12, "wide"), run(110, 130, fonts.Regular, 0, 12, "wider")
	wide.Scale, wider.Scale = 1015, 1015
	pages[1].Runs = append(pages[1].Runs, wide, wider, run(72, 150, fonts.Regular, 0, 12, "plain"))
	pages[1].Rules = []drawing.Rule{{X: 72 * unit.Point, Y: 140 * unit.Point, W: 36 * unit.Point, Thickness: unit.Point / 2}}
	pages[1].Boxes = []drawing.Box{{X: 72 * unit.Point, Y: 160 * unit.Point, W: unit.Point, H: 36 * unit.Point}}
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
	if j < 0 || strings.Count(text[i:i+j], " TJ")+strings.Count(text[i:i+j], " Tj") != 2 {
		t.Errorf("the two scaled runs are not drawn between 101.5 Tz and 100 Tz")
	}
	if !strings.Contains(text[i+j:], " TJ") && !strings.Contains(text[i+j:], " Tj") {
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
	for _, op := range []string{"0.000 g", "0.000 G", " re f"} {
		if !strings.Contains(text, op) {
			t.Errorf("content lacks %q", op)
		}
	}
}

// TestHundredthsRoundsAsFpdf checks that word positions are rounded as
// fpdf's "%.2f" rounds them, ties included.
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

// TestWritePDFTextObjects checks that words in one face and size share a
// text object, that a change of font ends it, and that the words still
// reach the font subsets and the extracted text.
func TestWritePDFTextObjects(t *testing.T) {
	pages := []drawing.DrawnPage{{Runs: []drawing.GlyphRun{
		run(72, 100, fonts.Regular, 0, 12, "Three"),
		run(110, 100, fonts.Regular, 0, 12, "roman"),
		run(150, 100, fonts.Regular, 0, 12, "words"),
		run(190, 100, fonts.Italic, 0, 12, "then"),
		run(220, 100, fonts.Italic, 0, 12, "italic"),
	}}}
	pdf, err := writeSmall(smallSpec(0), pages)
	if err != nil {
		t.Fatal(err)
	}
	text := contentText(t, pdf)
	var objects []int // words drawn in each text object that draws any
	for _, obj := range strings.Split(text, "BT")[1:] {
		if n := strings.Count(obj[:strings.Index(obj, "ET")], " TJ") + strings.Count(obj[:strings.Index(obj, "ET")], " Tj"); n > 0 {
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
	if got := extract(t, pdf); got != "" && got != "Three roman words then italic" {
		t.Errorf("pdftotext reads %q", got)
	}
}

// extract returns the text pdftotext reads from a PDF, its white space
// collapsed, or "" when pdftotext is not installed.
func extract(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not on PATH: extraction not checked")
		return ""
	}
	f := filepath.Join(t.TempDir(), "words.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// writeSmall writes pages with the document settings of spec.
func writeSmall(spec *drawing.Drawing, pages []drawing.DrawnPage) ([]byte, error) {
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
	other := StartBase(w, h, drawing.FaceSet{fonts.Regular: true})
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

// TestWriteLeavesFontsAlone writes PDFs setting different Go Mono text in
// one process, as a build of several seeds does, and checks that each is
// the file it is when written first: fpdf's subsetter writes into the font
// bytes it is given for a font whose horizontal metrics are shorter than
// its glyph count (a monospaced one), so a shared copy would carry one
// document's glyphs into the next (see newPDFBase).
func TestWriteLeavesFontsAlone(t *testing.T) {
	texts := []string{"func main() {}", "WXYZ qjk 0123", "func main() {}"}
	var files [][]byte
	for _, text := range texts {
		pdf, err := writeSmall(smallSpec(0), []drawing.DrawnPage{{Runs: []drawing.GlyphRun{run(72, 100, fonts.Mono, linebreak.Mono, 10, text)}}})
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, pdf)
	}
	if !bytes.Equal(files[0], files[2]) {
		t.Error("the same page written again, after another, gives another file")
	}
}
