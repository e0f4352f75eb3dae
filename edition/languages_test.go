package edition

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const languagesSeed = "../testdata/seeds/languages-sample"

// languagesPhrases are the phrases the languages sample marks, each with
// its language, as the edition prints them: Greek in both its orthographies,
// Cyrillic of two languages, Latin with the letters of Latin Extended-A and
// -B the European languages use.
var languagesPhrases = []struct{ lang, text string }{
	{"el", "το λιμάνι"},
	{"el", "η θάλασσα είναι πάντα ανήσυχη"},
	{"el-polyton", "ἡ θάλασσα δίδωσι καὶ λαμβάνει"},
	{"ru", "Пролетарии всех стран, соединяйтесь"},
	{"uk", "Ґанок, їжак і єнот чекають на березі"},
	{"pl", "Zażółć gęślą jaźń"},
	{"pl", "Dzień dobry, panie kapitanie z Łodzi"},
	{"sq", "Të gjithë për një, një për të gjithë"},
	{"sq", "Çdo ëndërr ka një çelës"},
	{"ro", "știință și țară, în ordine"},
}

// TestLanguagesSetEveryCharacter builds the languages sample and reads its
// PDF back with pdftotext: every phrase comes back exactly, no character
// is missing from the fonts, and the one language without hyphenation
// patterns (Romanian) is said to be set without.
func TestLanguagesSetEveryCharacter(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is required in CI")
		}
		t.Skip("pdftotext not found (install poppler-utils)")
	}
	out := t.TempDir()
	res, err := Build(languagesSeed, BuildOptions{OutDir: out, Formats: []string{FormatPDF}})
	if err != nil {
		t.Fatal(err)
	}
	var warnings []string
	for _, w := range res.Book.Warnings {
		warnings = append(warnings, w.String())
	}
	all := strings.Join(warnings, "\n")
	if strings.Contains(all, "missing") || strings.Contains(all, "U+") {
		t.Errorf("characters missing from the fonts:\n%s", all)
	}
	if !strings.Contains(all, `phrases marked as "ro" are not hyphenated`) || strings.Count(all, "not hyphenated") != 1 {
		t.Errorf("warnings %q, want one for Romanian's phrases alone", all)
	}
	text, err := exec.Command(pdftotext, filepath.Join(out, "languages-sample.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// A word hyphenated at a line's end is joined again; every space,
	// the no-break ones too, is one space.
	flat := strings.Join(strings.Fields(strings.ReplaceAll(string(text), "-\n", "")), " ")
	for _, p := range languagesPhrases {
		if !strings.Contains(flat, p.text) {
			t.Errorf("the PDF does not give back %q (%s)", p.text, p.lang)
		}
	}
}

// TestLanguagesMarkedInEPUB builds the languages sample's EPUB and checks
// that every phrase stands in an element that declares its language in
// both lang and xml:lang (EPUB 3.3, §6.1.4; WCAG 2.1, 3.1.2), and that the
// German division declares its own.
func TestLanguagesMarkedInEPUB(t *testing.T) {
	out := t.TempDir()
	if _, err := Build(languagesSeed, BuildOptions{OutDir: out, Formats: []string{FormatEPUB}}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(filepath.Join(out, "languages-sample.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	marked := map[string]string{} // text of an element declaring a language → its language
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xhtml") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		for text, lang := range languageElements(t, r) {
			marked[text] = lang
		}
		r.Close()
	}
	for _, p := range languagesPhrases {
		if got, ok := marked[p.text]; !ok || got != p.lang {
			t.Errorf("%q is marked %q in the EPUB, want lang and xml:lang %q", p.text, got, p.lang)
		}
	}
	found := false
	for text, lang := range marked {
		if lang == "de" && strings.Contains(text, "Donaudampfschifffahrtsgesellschaft") && strings.Contains(text, "„") {
			found = true
		}
	}
	if !found {
		t.Errorf("the German division is not marked de, or not set with German quotation marks: %q", marked)
	}
}

// languageElements returns the text of every element of an XHTML file that
// declares a language with lang and xml:lang alike, with that language; an
// element declaring two different ones fails the test.
func languageElements(t *testing.T, r io.Reader) map[string]string {
	t.Helper()
	type open struct {
		lang string
		text strings.Builder
	}
	var stack []*open
	out := map[string]string{}
	d := xml.NewDecoder(r)
	d.Strict = false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			var lang, xmlLang string
			for _, a := range tok.Attr {
				switch {
				case a.Name.Local == "lang" && a.Name.Space == "":
					lang = a.Value
				case a.Name.Local == "lang":
					xmlLang = a.Value
				}
			}
			if lang != xmlLang {
				t.Errorf("<%s> has lang %q and xml:lang %q", tok.Name.Local, lang, xmlLang)
			}
			if tok.Name.Local == "html" {
				lang = "" // the document's own language
			}
			stack = append(stack, &open{lang: lang})
		case xml.CharData:
			for _, o := range stack {
				o.text.Write(tok)
			}
		case xml.EndElement:
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if o.lang != "" {
				out[strings.Join(strings.Fields(o.text.String()), " ")] = o.lang
			}
		}
	}
}
