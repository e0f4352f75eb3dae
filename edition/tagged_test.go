package edition

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/printing"
	"github.com/bindery-editions/bindery/layout/document"
)

// structText sets a seed in a profile, writes its PDF and returns the
// file and what poppler reads of its structure tree (pdfinfo -struct-text:
// each element's type, indented under its parent, and its text).
func structText(t *testing.T, seed string, profile document.Profile, tagged ...bool) (pdf []byte, tree string) {
	t.Helper()
	pdfinfo := needTool(t, "pdfinfo", "poppler-utils")
	book, err := Load(seed, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	printed, err := printing.Set(book.Edition, printing.Options{Profile: profile, Tagged: len(tagged) > 0 && tagged[0]})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err = printed.WritePDF()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "book.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdfinfo, "-struct-text", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text: %v\n%s", err, out)
	}
	return pdf, string(out)
}

// element is one line of pdfinfo's tree: an element's type, or a quoted
// run of its text.
var treeLine = regexp.MustCompile(`^(\s*)(?:"(.*)"|(\w+)(?: \(\w+\))?:?)$`)

// elements returns the tree's elements in reading order, each with the
// text directly under it and its depth.
type element struct {
	typ, text string
	depth     int
}

func elements(tree string) []element {
	var out []element
	for _, l := range strings.Split(tree, "\n") {
		m := treeLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		switch {
		case m[3] != "":
			out = append(out, element{typ: m[3], depth: len(m[1])})
		case len(out) > 0:
			out[len(out)-1].text += m[2]
		}
	}
	return out
}

// TestTaggedScreenPDF reads the screen PDF of the open letter through its
// structure tree: its parts' titles as first-level headings in the order of
// the book, the editorial headings of the introduction below them, the
// letter's paragraphs with their words apart, the notes with their labels,
// each after the paragraph that refers to it, and the running heads and
// folios nowhere in it.
func TestTaggedScreenPDF(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("sets the whole letter")
	}
	pdf, tree := structText(t, openLetterSeed, document.Screen)
	for _, want := range []string{"/MarkInfo<</Marked true>>", "/StructTreeRoot", "/Lang(en)"} {
		if !bytes.Contains(bytes.ReplaceAll(pdf, []byte(" "), nil), []byte(strings.ReplaceAll(want, " ", ""))) {
			t.Errorf("the catalog lacks %s", want)
		}
	}
	els := elements(tree)
	if len(els) < 100 {
		t.Fatalf("only %d elements in the structure tree:\n%.2000s", len(els), tree)
	}
	var h1 []string
	counts := map[string]int{}
	for _, e := range els {
		counts[e.typ]++
		if e.typ == "H1" {
			// The typography ties a short numeral to its title with a
			// no-break space ("I.\u00a0The Occasion").
			h1 = append(h1, strings.ReplaceAll(strings.TrimSpace(e.text), "\u00a0", " "))
		}
	}
	wantH1 := []string{"An Open Letter", "Contents", "Introduction", "I. The Occasion of the Letter", "II. The Proposed International Meeting",
		"III. Stalin, the Party and Soviet Policy at Home", "IV. Soviet Foreign Policy and the Communist Movement", "V. The Appeal to the Soviet Communists"}
	if len(h1) < len(wantH1) || strings.Join(h1[:len(wantH1)], "|") != strings.Join(wantH1, "|") {
		t.Errorf("first-level headings %q, want them to begin %q", h1, wantH1)
	}
	for typ, least := range map[string]int{"Document": 1, "Sect": 8, "TOC": 1, "TOCI": 10, "H2": 5, "P": 100, "Note": 40, "Lbl": 40, "Link": 40} {
		if counts[typ] < least {
			t.Errorf("%d %s elements, want at least %d", counts[typ], typ, least)
		}
	}
	// The words of a paragraph read apart, and in order.
	if !strings.Contains(tree, "Dear Comrades, ") || !strings.Contains(tree, "On 5 October 1964 the Central Committee of the Party of Labor of Albania, the ruling party of the People’s Republic of Albania") {
		t.Errorf("the letter's text does not read as words in order:\n%.3000s", tree)
	}
	// A note stands after the paragraph that refers to it: the first
	// note, on Khrushchev, after a paragraph naming him.
	for i, e := range els {
		if e.typ != "Note" {
			continue
		}
		prev := ""
		for j := i - 1; j >= 0 && prev == ""; j-- {
			if els[j].depth == e.depth && els[j].typ == "P" {
				prev = els[j].text
			}
		}
		if !strings.Contains(prev, "Khrushchev") {
			t.Errorf("the first note does not follow the paragraph that refers to it: after %.200q", prev)
		}
		break
	}
	// No running head or folio reads as text: "AN OPEN LETTER" is set in
	// small capitals at the head of every verso.
	if n := strings.Count(tree, "An Open Letter "); n > 3 {
		t.Errorf("the title reads %d times: the running heads are not artifacts", n)
	}
}

// TestTaggedFigures checks that a figure carries its description, and a
// table its header cells, in the screen PDF of the Markdown sample.
func TestTaggedFigures(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("sets a whole book")
	}
	pdf, tree := structText(t, "../testdata/seeds/markdown-sample", document.Screen)
	els := elements(tree)
	counts := map[string]int{}
	for _, e := range els {
		counts[e.typ]++
	}
	for typ, n := range map[string]int{"Figure": 2, "Caption": 3, "Table": 1, "TH": 3, "TD": 9, "L": 1, "LI": 3, "Formula": 1, "BlockQuote": 1} {
		if counts[typ] < n {
			t.Errorf("%d %s elements, want at least %d", counts[typ], typ, n)
		}
	}
	// The figures' descriptions, from the Markdown's alt text, as UTF-16
	// text strings.
	if n := bytes.Count(pdf, []byte("/Alt<FEFF")); n < 3 {
		t.Errorf("%d elements with /Alt, want the two figures and the formula", n)
	}
	if n := bytes.Count(pdf, []byte("/Scope/Column")); n != counts["TH"] {
		t.Errorf("%d header cells say they head their column, of %d", n, counts["TH"])
	}
}

// TestPrintPDFUntagged checks that the print profile stays untagged unless
// asked: its files are the printer's.
func TestPrintPDFUntagged(t *testing.T) {
	if testing.Short() {
		t.Skip("sets the whole letter")
	}
	pdf, tree := structText(t, "../testdata/seeds/archive-sample", document.Print)
	if bytes.Contains(pdf, []byte("/StructTreeRoot")) || strings.Contains(tree, "Sect") {
		t.Error("the print PDF is tagged")
	}
	// Asked (edition.tagged-pdf), it is tagged, and still a PDF/X file.
	pdf, tree = structText(t, "../testdata/seeds/archive-sample", document.Print, true)
	if !bytes.Contains(pdf, []byte("/StructTreeRoot")) || !strings.Contains(tree, "Sect") || !bytes.Contains(pdf, []byte("GTS_PDFX")) {
		t.Error("the print PDF asked to be tagged is not, or is no longer PDF/X")
	}
}

// TestTaggedPhraseLanguages reads the languages sample's screen PDF through
// its structure tree: each phrase the source marks with its language is a
// Span of its own inside its paragraph, with its text (layout/tagging gives
// the Span its /Lang), so that a screen reader speaks the Greek as Greek.
func TestTaggedPhraseLanguages(t *testing.T) {
	_, tree := structText(t, languagesSeed, document.Screen)
	// A Span's own text is the quoted line right under it.
	var spans []string
	for _, m := range regexp.MustCompile(`Span \(inline\)\n\s*"([^"\n]*)"`).FindAllStringSubmatch(tree, -1) {
		spans = append(spans, m[1])
	}
	for _, want := range []string{"το λιμάνι", "η θάλασσα είναι πάντα ανήσυχη", "Dzień dobry, panie kapitanie z Łodzi"} {
		if !slices.Contains(spans, want) {
			t.Errorf("no Span reads %q; the Spans: %q", want, spans)
		}
	}
}
