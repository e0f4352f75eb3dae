package edition

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMissingCharacter checks that a character no face of the book has
// is reported at its file, line and column, by name, and that --strict
// (LoadOptions.Strict) makes it an error.
func TestMissingCharacter(t *testing.T) {
	dir := copySeed(t, openLetterSeed)
	// Without its notes the letter builds without a warning, so that
	// --strict fails on the character alone.
	manifest := filepath.Join(dir, "manifest.yaml")
	m, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(manifest, []byte(strings.Replace(string(m), "\nnotes: notes.yaml\n", "\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "source.txt")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "group did not only", "group did 😀 not only (שלום)", 1)
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	line := strings.Count(text[:strings.Index(text, "😀")], "\n") + 1
	res, err := Build(dir, BuildOptions{Formats: []string{FormatPDF}, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	var found string
	for _, w := range res.Book.Warnings {
		if strings.Contains(w.Message, "U+1F600 GRINNING FACE") {
			found = w.String()
		}
	}
	if want := src + ":" + strconv.Itoa(line) + ":31: U+1F600 GRINNING FACE"; !strings.HasPrefix(found, want) {
		t.Errorf("warning %q, want it to begin %q", found, want)
	}
	// A word of a script no face has is one warning, at its first letter.
	var hebrew []string
	for _, w := range res.Book.Warnings {
		if strings.Contains(w.Message, "HEBREW") {
			hebrew = append(hebrew, w.String())
		}
	}
	if len(hebrew) != 1 || !strings.Contains(hebrew[0], "“שלום” (4 characters from U+05E9 HEBREW LETTER SHIN)") {
		t.Errorf("warnings of the Hebrew word: %q, want one for the word", hebrew)
	}
	if _, err := Build(dir, BuildOptions{LoadOptions: LoadOptions{Strict: true}, Formats: []string{FormatPDF}, DryRun: true}); err == nil || !strings.Contains(err.Error(), "GRINNING FACE") {
		t.Errorf("strict build: %v, want an error naming the character", err)
	}
}
