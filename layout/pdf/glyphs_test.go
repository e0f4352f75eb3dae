package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pdf/pdftest"

	"github.com/bindery-editions/bindery/fonts"
)

// TestShapedText draws kerned text, ligatures, small capitals, Greek and a
// combining mark through Write, and checks the file: the words read back
// as written (pdftotext), kerning as numbers in the TJ arrays, the widths
// fpdf wrote agreeing with those the encoder assumed, an embedded subset
// with a ToUnicode map (pdffonts) and a sound structure (qpdf).
func TestShapedText(t *testing.T) {
	lines := []struct {
		word  string
		style linebreak.FontStyle
	}{
		{"office", linebreak.Roman},
		{"To", linebreak.Roman},
		{"AVOW", linebreak.Roman},
		{"Dear", linebreak.SmallCaps},
		{"nato", linebreak.SmallCaps},
		// The same small capitals from capitals: the codes already read
		// as lower case, so the word gets an ActualText.
		{"NATO", linebreak.AllSmallCaps},
		{"Ἀθῆναι", linebreak.Roman},
		{"q\u0303", linebreak.Roman}, // q with a combining tilde placed by GPOS
	}
	var runs []drawing.GlyphRun
	for i, l := range lines {
		runs = append(runs, run(20, float64(40+30*i), fonts.Regular, l.style, 14, l.word))
	}
	pdf, err := writeSmall(smallSpec(0), []drawing.DrawnPage{{Runs: runs}})
	if err != nil {
		t.Fatal(err)
	}
	content := contentText(t, pdf)
	// "To" is kerned: a number between its two codes.
	if !regexp.MustCompile(`\[\(\x00T\)-?[0-9.]+\(\x00o\)\] TJ`).MatchString(content) {
		t.Errorf("no kerned TJ for \"To\" in %q", content)
	}
	if !strings.Contains(content, "/ActualText") {
		t.Errorf("the small capitals from capitals have no ActualText")
	}
	checkWidths(t, pdf)
	if got := extract(t, pdf); got != "" {
		var want []string
		for _, l := range lines {
			want = append(want, l.word)
		}
		if got != strings.Join(want, " ") {
			t.Errorf("pdftotext reads %q, want %q", got, strings.Join(want, " "))
		}
	}
	checkQPDF(t, pdf)
	if _, err := exec.LookPath("pdffonts"); err != nil {
		t.Log("pdffonts not installed: embedding not checked")
		return
	}
	path := filepath.Join(t.TempDir(), "glyphs.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	// name, type, encoding, emb, sub, uni, object, generation
	row := regexp.MustCompile(`(?m)^[A-Z]{6}\+GentiumBookPlus-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s`)
	if !row.Match(out) {
		t.Errorf("pdffonts does not list an embedded subset with a ToUnicode map:\n%s", out)
	}
}

// checkWidths reads the W array fpdf wrote for the regular face and checks
// that every code the page draws has there the width glyphfont assumed:
// the pen positions in the TJ arrays rest on it.
func checkWidths(t *testing.T, pdf []byte) {
	t.Helper()
	ctx := pdftest.Read(t, pdf)
	gf, err := glyphFonts[fonts.Regular]()
	if err != nil {
		t.Fatal(err)
	}
	widths := map[int]int{}
	for _, e := range ctx.XRefTable.Table {
		d, ok := e.Object.(types.Dict)
		if !ok || d.Subtype() == nil || *d.Subtype() != "CIDFontType2" || !strings.HasSuffix(*d.NameEntry("BaseFont"), "-Regular") {
			continue
		}
		w, err := ctx.XRefTable.DereferenceArray(d["W"])
		if err != nil {
			t.Fatal(err)
		}
		readW(t, w, widths)
	}
	if len(widths) == 0 {
		t.Fatal("no W array for the regular face")
	}
	used := 0
	for code, got := range widths {
		if want := gf.Width(uint16(code)); int32(got) != want {
			t.Errorf("code U+%04X: W says %d, glyphfont assumed %d", code, got, want)
		}
		used++
	}
	if used < 20 {
		t.Errorf("only %d codes in the W array", used)
	}
}

// readW reads a CIDFont's W array (ISO 32000-1, 9.7.4.3) into widths.
func readW(t *testing.T, w types.Array, widths map[int]int) {
	for i := 0; i < len(w); {
		first := int(w[i].(types.Integer))
		switch next := w[i+1].(type) {
		case types.Array:
			for k, v := range next {
				widths[first+k] = int(v.(types.Integer))
			}
			i += 2
		case types.Integer:
			for c := first; c <= int(next); c++ {
				widths[c] = int(w[i+2].(types.Integer))
			}
			i += 3
		default:
			t.Fatalf("W array entry %d: %T", i, next)
		}
	}
}

// TestMonoEmbedded draws a line of code in Mono beside roman text and
// checks that the file embeds a subset of Go Mono with a ToUnicode map and
// that the code reads back as written.
func TestMonoEmbedded(t *testing.T) {
	runs := []drawing.GlyphRun{
		run(20, 40, fonts.Regular, linebreak.Roman, 12, "office"),
		run(20, 70, fonts.Mono, linebreak.Mono, 10, "x := fi(1)"),
	}
	pdf, err := writeSmall(smallSpec(0), []drawing.DrawnPage{{Runs: runs}})
	if err != nil {
		t.Fatal(err)
	}
	if got := extract(t, pdf); got != "" && got != "office x := fi(1)" {
		t.Errorf("pdftotext reads %q", got)
	}
	checkQPDF(t, pdf)
	if _, err := exec.LookPath("pdffonts"); err != nil {
		t.Skip("pdffonts not installed: embedding not checked")
	}
	path := filepath.Join(t.TempDir(), "mono.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	for _, name := range []string{"GoMono", "GentiumBookPlus-Regular"} {
		row := regexp.MustCompile(`(?m)^[A-Z]{6}\+` + name + `\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s`)
		if !row.Match(out) {
			t.Errorf("pdffonts lists no embedded subset of %s with a ToUnicode map:\n%s", name, out)
		}
	}
}
