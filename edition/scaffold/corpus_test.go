package scaffold

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

var update = flag.Bool("update", false, "rewrite the corpus outlines under testdata/corpus")

const corpusDir = "../../testdata/corpus"

// corpusFiles are the development corpus's documents (SOURCES.md says
// where each comes from), not its notes.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"*.txt", "*.md"} {
		m, err := filepath.Glob(filepath.Join(corpusDir, pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			if filepath.Base(f) != "SOURCES.md" {
				files = append(files, f)
			}
		}
	}
	if len(files) < 10 {
		t.Fatalf("%d corpus documents under %s, want 10", len(files), corpusDir)
	}
	return files
}

// TestCorpusOutlines keeps each corpus document's structure as read
// (headings with levels, datelines, salutations, signatures, notes and
// where each is referenced, what was dropped or moved and why) in a
// golden outline reviewed beside the source.
func TestCorpusOutlines(t *testing.T) {
	for _, f := range corpusFiles(t) {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src, err := read(filepath.Base(f), data)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := model.DumpOutline(&b, src); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join(corpusDir, name+".outline")
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -update to write it)", err)
			}
			if b.String() != string(want) {
				t.Errorf("outline differs from %s (go test -update, then read the diff beside the source)", golden)
			}
			if strings.HasSuffix(f, ".txt") {
				checkNoBoilerplate(t, src, boilerplate)
			} else {
				checkNoBoilerplate(t, src, webFurniture)
			}
		})
	}
}

var boilerplate = regexp.MustCompile(`(?i)project gutenberg|gutenberg\.org|\bsmall print\b|\betext\b|this ebook is for the use|\[illustration`)

// webFurniture is what a Web archive's page puts around a Markdown
// transcription: navigation, credits, its revision date, Jekyll templates.
var webFurniture = regexp.MustCompile(`(?i)top of the page|last updated|internet archive|transcription|mark-?up:|site\.baseurl|\{%`)

// checkNoBoilerplate fails when archive furniture reached the body.
func checkNoBoilerplate(t *testing.T, src *model.Source, boilerplate *regexp.Regexp) {
	t.Helper()
	var walk func(bs []model.Block)
	walk = func(bs []model.Block) {
		for _, b := range bs {
			if txt := model.BlockText(&b); boilerplate.MatchString(txt) {
				t.Errorf("line %d: boilerplate in the body: %.80q", b.Line, txt)
			}
			walk(b.Children)
		}
	}
	for _, s := range src.Sections {
		if boilerplate.MatchString(model.PlainText(s.Title)) {
			t.Errorf("boilerplate in a title: %q", model.PlainText(s.Title))
		}
		walk(s.Blocks)
	}
}

// TestCorpusImport imports every corpus document and checks the manifest
// keys import must infer from each.
func TestCorpusImport(t *testing.T) {
	want := map[string][]string{
		"lincoln-gettysburg-address-pg4":                  {`title: "Lincoln's Gettysburg Address"  # CHECK`, `name: "Lincoln"  # CHECK`, `source-url: "https://www.gutenberg.org/ebooks/4"  # CHECK`, `subtitle: "given November 19, 1863 on the battlefield near Gettysburg, Pennsylvania, USA"  # CHECK`, `date: "1863-11-19"  # CHECK`, `language: en  # CHECK: detected`},
		"paine-common-sense-pg147":                        {`title: "Common Sense"`, `name: "Thomas Paine"`, "language: en\n", `ebooks/147`},
		"luxemburg-briefe-aus-dem-gefaengnis-pg26964":     {`title: "Briefe aus dem Gefängnis"`, `name: "Rosa Luxemburg"`, "language: de\n", `year: "1922"  # CHECK`, `place: "Berlin-Schöneberg"  # CHECK`, `publisher: "Verlag der Jugendinternationale"  # CHECK`, "- name: \"Exekutivkomitee der Kommunistischen Jugendinternationale\"  # CHECK: guessed by bindery import\n    role: edt"},
		"zola-la-verite-en-marche-pg56808":                {`subtitle: "L'affaire Dreyfus"`, `name: "Émile Zola"`, "language: fr\n", `date: "1901-02-01"  # CHECK`, `place: "Paris"  # CHECK`},
		"tolstoy-patriotizm-i-pravitelstvo":               {`title: "Патриотизм и правительство"  # CHECK: from the file's name`, `language: ru  # CHECK: detected`, `date: "1900-05-10"  # CHECK`, `name: "Лев Толстой"  # CHECK`},
		"thoreau-civil-disobedience-pg71-1993":            {`title: "On the Duty of Civil Disobedience"  # CHECK`, `source-url: "https://www.gutenberg.org/ebooks/71"  # CHECK`, `year: "1849"  # CHECK`, `name: "Henry David Thoreau"  # CHECK`},
		"paine-american-crisis-pg3741":                    {`title: "The Writings of Thomas Paine, Vol. I"`, `subtitle: "The American Crisis"  # CHECK`, "date: \"\"   #", `year: "1776"  # CHECK`, "- name: \"Moncure Daniel Conway\"  # CHECK: guessed by bindery import\n    role: edt"},
		"marx-capital-vol1-ch01-commodities":              {`title: "Chapter 1 - Commodities"`},
		"de-leon-berlin-conference-west-african-question": {`language: en  # CHECK: detected`, `name: "Daniel De Leon"  # CHECK`, `year: "1886"  # CHECK`},
		"connolly-erins-hope-1909":                        {`language: en  # CHECK: detected`, `name: "James Connolly"  # CHECK`, `title: "Erin's Hope"`, `subtitle: "The End & The Means"  # CHECK`, `year: "1909"  # CHECK`},
	}
	for _, f := range corpusFiles(t) {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "seed")
			res, err := Create(Options{Slug: "corpus-doc", Dir: dir, Date: "2026-12-01", SourceName: f, SourceData: data})
			if err != nil {
				t.Fatal(err)
			}
			copied, err := os.ReadFile(res.Files[2])
			if err != nil || !bytes.Equal(copied, data) {
				t.Errorf("the source in the seed is not the file byte for byte (%v)", err)
			}
			manifest, err := os.ReadFile(res.Files[0])
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range want[name] {
				if !strings.Contains(string(manifest), w) {
					t.Errorf("manifest lacks %q:\n%s", w, manifest)
				}
			}
		})
	}
}

// TestImportWords checks the words import writes for the editor: the
// introduction's placeholder in the book's language (which a build then
// finds unfilled), and the report of the reader's decisions in the Note
// on the Text's own English sentences, one a kind.
func TestImportWords(t *testing.T) {
	for _, tc := range []struct {
		name, placeholder string
		report            []string
	}{
		{"paine-common-sense-pg147", "This introduction is still to be written.", []string{
			"The Project Gutenberg header and licence (lines 1–19 and 2183–2543) are left out.",
			"What a transcriber or editor wrote of the transcription (line 24, “Produced by John Campbell. HTML version by Al Haines.”) is printed on the Source page: it describes the transcription, not the document.",
			"The copy-text’s table of contents (lines 44–59) is left out: the edition makes its own.",
			"The copy-text’s notes (lines 2142–2167) are printed under “Notes”, each linked with its mark in the text.",
		}},
		{"luxemburg-briefe-aus-dem-gefaengnis-pg26964", "Diese Einleitung ist noch zu schreiben.", []string{
			"read as ISO-8859-1 (as the file declares); the copy in the seed is unchanged",
			"The heading over the notes (line 1607, “Anmerkungen”) is left out: the edition sets the notes under its own.",
		}},
		{"tolstoy-patriotizm-i-pravitelstvo", "Это введение ещё предстоит написать.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := filepath.Join(corpusDir, tc.name+".txt")
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "seed")
			res, err := Create(Options{Slug: "corpus-doc", Dir: dir, Date: "2026-12-01", SourceName: f, SourceData: data})
			if err != nil {
				t.Fatal(err)
			}
			intro, err := os.ReadFile(filepath.Join(dir, "introduction.md"))
			if err != nil || !strings.Contains(string(intro), tc.placeholder) {
				t.Errorf("introduction %q (%v), want %q in it", intro, err, tc.placeholder)
			}
			m, err := seed.LoadManifest(dir)
			if err != nil {
				t.Fatal(err)
			}
			warned := false
			for _, w := range Unfilled(m) {
				warned = warned || strings.Contains(w.Message, tc.placeholder)
			}
			if !warned {
				t.Errorf("no warning of the placeholder %q", tc.placeholder)
			}
			report := Report(res.Source)
			for _, want := range tc.report {
				if !slices.Contains(report, want) {
					t.Errorf("report lacks %q:\n%s", want, strings.Join(report, "\n"))
				}
			}
		})
	}
}
