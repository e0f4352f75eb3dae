package edition

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
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
	pdftotext := needTool(t, "pdftotext", "poppler-utils")
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

// TestGeneratedMatterInBookLanguage loads a seed as a German and as a
// Russian book: the generated parts are named and their sentences written
// in the book's language, dates as it writes them; the manifest's
// strings: replace any of them; and a language without a table is said
// to have its generated parts in English.
func TestGeneratedMatterInBookLanguage(t *testing.T) {
	load := func(t *testing.T, manifestEdit func(string) string) *Book {
		t.Helper()
		dir := filepath.Join(t.TempDir(), "book")
		if err := os.CopyFS(dir, os.DirFS("../testdata/seeds/archive-sample")); err != nil {
			t.Fatal(err)
		}
		manifest := filepath.Join(dir, "manifest.yaml")
		data, err := os.ReadFile(manifest)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(manifest, []byte(manifestEdit(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
		book, err := Load(dir, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return book
	}
	titles := func(b *Book) []string {
		var out []string
		for _, secs := range [][]model.Section{b.Edition.Front, b.Edition.Back} {
			for _, s := range secs {
				if s.Role != model.RoleTitlePage {
					out = append(out, s.PlainTitle())
				}
			}
		}
		return out
	}
	text := func(b *Book) string {
		var out []string
		for _, s := range b.Edition.Back {
			for i := range s.Blocks {
				out = append(out, model.BlockText(&s.Blocks[i]))
			}
		}
		return strings.Join(out, "\n")
	}
	language := func(lang string) func(string) string {
		return func(m string) string { return strings.Replace(m, "language: en", "language: "+lang, 1) }
	}
	for _, tc := range []struct {
		lang   string
		titles []string
		says   []string
	}{
		{"de", []string{"Impressum", "Inhalt", "Einleitung", "Editorische Notiz", "Kolophon"},
			[]string{"Das Dokument ist auf den 21.\u00a0Januar 1918 datiert.", "Die Wörter der Druckausgabe sind nach den Trennmustern"}},
		{"ru", []string{"Выходные сведения", "Содержание", "Введение", "О тексте издания", "Выходные данные"},
			[]string{"Документ датирован 21\u00a0января 1918 г.", "Переносы в печатном издании расставлены"}},
	} {
		b := load(t, language(tc.lang))
		if got := titles(b); !slices.Equal(got, tc.titles) {
			t.Errorf("%s: parts %q, want %q", tc.lang, got, tc.titles)
		}
		all := text(b)
		for _, s := range tc.says {
			if !strings.Contains(all, s) {
				t.Errorf("%s: the generated matter does not say %q:\n%s", tc.lang, s, all)
			}
		}
		for _, w := range b.Warnings {
			if strings.Contains(w.Message, "no translation") {
				t.Errorf("%s: %s", tc.lang, w)
			}
		}
	}

	b := load(t, func(m string) string {
		return language("de")(m) + "strings:\n  contents: Inhaltsverzeichnis\n  date: \"{day}.{month}.{year}\"\n"
	})
	if got := titles(b)[1]; got != "Inhaltsverzeichnis" {
		t.Errorf("the manifest's contents: %q", got)
	}
	if all := text(b); !strings.Contains(all, "auf den 21.Januar.1918 datiert") {
		t.Errorf("the manifest's date form is not used:\n%s", all)
	}

	b = load(t, language("tr"))
	warned := false
	for _, w := range b.Warnings {
		warned = warned || strings.Contains(w.String(), "manifest.yaml:") && strings.Contains(w.Message, `language "tr"`) && strings.Contains(w.Message, "in English")
	}
	if !warned || titles(b)[1] != "Contents" {
		t.Errorf("a language without a table: parts %q, warnings %v", titles(b), b.Warnings)
	}
}
