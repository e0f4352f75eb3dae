package scaffold

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestImportCopiesCompanions imports a Markdown book whose figures and
// bibliography stand beside it: the seed gets each file under the name the
// source gives it, byte for byte, and a figure whose file is missing is a
// warning naming its line.
func TestImportCopiesCompanions(t *testing.T) {
	var pic bytes.Buffer
	if err := png.Encode(&pic, image.NewGray(image.Rect(0, 0, 3, 2))); err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	book := "---\ntitle: A Book\nbibliography: refs.bib\n---\n\n# One\n\n![A map](img/map.png)\n\n![Two words](my%20plate.png)\n\n![Lost](lost.png)\n\nText [@key].\n"
	files := map[string][]byte{
		"book.md":       []byte(book),
		"img/map.png":   pic.Bytes(),
		"my plate.png":  pic.Bytes(),
		"refs.bib":      []byte("@book{key, author = {A. Writer}, title = {A Work}, year = {1900}}\n"),
		"unrelated.png": pic.Bytes(),
	}
	for name, data := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(t.TempDir(), "seed")
	res, err := Create(Options{Slug: "a-book", Dir: dir, Date: "2026-12-01", SourceName: filepath.Join(src, "book.md"), SourceData: []byte(book)})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"img/map.png", "my plate.png", "refs.bib"} {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s not copied into the seed: %v", name, err)
			continue
		}
		if !bytes.Equal(got, files[name]) {
			t.Errorf("%s copied with other bytes", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "unrelated.png")); err == nil {
		t.Error("a file the source does not name was copied")
	}
	var lost bool
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "lost.png") && w.Line == 12 {
			lost = true
		}
	}
	if !lost {
		t.Errorf("no warning at line 12 for the missing lost.png: %v", res.Warnings)
	}
}

// TestImportNamesItsGuesses checks that the import's summary lists every
// manifest value it guessed, the author read from a byline among them.
func TestImportNamesItsGuesses(t *testing.T) {
	text := []byte("THE RIGHTS OF MAN\n\nBy Thomas Paine\n\n\nCHAPTER I.\n\nThe text of the first chapter, long enough to tell its language by, is written here in plain English words.\n")
	res, err := Create(Options{Slug: "rights", Dir: filepath.Join(t.TempDir(), "seed"), Date: "2026-12-01", SourceName: "rights.txt", SourceData: text})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"title", "creators", "language"} {
		if !slices.Contains(res.Guessed, want) {
			t.Errorf("guesses %v lack %s", res.Guessed, want)
		}
	}
}

// TestImportTranslatorOfTitlePage imports a text whose title page credits
// its translator apart from its title, as the reader sends to the Source
// page: the manifest names the translator, marked for checking.
func TestImportTranslatorOfTitlePage(t *testing.T) {
	text := []byte("LETTERS FROM PRISON\n\nBY\n\nANNA EXAMPLE\n\nTRANSLATED FROM THE GERMAN BY\nJOHN DOE\n\n\n\nI\n\nTHE FIRST LETTER\n\nMy dear Sonja,\n\nI have been reading again and the garden outside my window is white with snow, and the birds come every morning.\n\nYours ever,\n\nANNA.\n")
	dir := filepath.Join(t.TempDir(), "seed")
	if _, err := Create(Options{Slug: "letters", Dir: dir, Date: "2026-12-01", SourceName: "letters.txt", SourceData: text}); err != nil {
		t.Fatal(err)
	}
	manifest, err := os.ReadFile(filepath.Join(dir, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(manifest), "name: \"John Doe\"  # CHECK") || !strings.Contains(string(manifest), "role: trl") {
		t.Errorf("the manifest does not name the translator:\n%s", manifest)
	}
}
