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

// markdownSeed writes a seed around a Markdown text and returns its
// folder and the text's path.
func markdownSeed(t *testing.T, text string) (dir, src string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "seed")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	manifest := "title: Tables\nlanguage: en\ncreators: [A. Writer]\nedition: {date: 2026-01-01}\ntext: {file: source.md}\nintroduction: introduction.md\n"
	for name, data := range map[string]string{"manifest.yaml": manifest, "introduction.md": "An introduction.\n", "source.md": text} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, filepath.Join(dir, "source.md")
}

// TestWideTableWarning checks that a table too wide for the page even at
// the smallest size is reported at the line it was written on, and one
// that fits is not.
func TestWideTableWarning(t *testing.T) {
	row := func(cells int, text string) string {
		return "|" + strings.Repeat(" "+text+" |", cells) + "\n"
	}
	for _, tc := range []struct {
		name  string
		cells int
		word  string
		want  string
	}{
		{"numbers that fit", 12, "81751", ""},
		{"numbers over the margins", 12, "8175124", "into the margins rather than break its numbers"},
		{"numbers too wide for the page", 20, "817512412", "breaks the longest words of its widest columns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "# Returns\n\nThe returns of the year.\n\n" + row(tc.cells, "x") + "|" + strings.Repeat("--:|", tc.cells) + "\n" + row(tc.cells, tc.word) + row(tc.cells, tc.word) + "\nThat was all.\n"
			dir, src := markdownSeed(t, text)
			res, err := Build(dir, BuildOptions{Formats: []string{FormatPDF}, DryRun: true, LoadOptions: LoadOptions{Workers: 1}})
			if err != nil {
				t.Fatal(err)
			}
			var found []string
			for _, w := range res.Book.Warnings {
				if strings.Contains(w.Message, "table too wide") {
					found = append(found, w.String())
				}
			}
			if tc.want == "" {
				if len(found) > 0 {
					t.Errorf("warnings %q, want none", found)
				}
				return
			}
			if len(found) != 1 || !strings.HasPrefix(found[0], src+":5: ") || !strings.Contains(found[0], tc.want) {
				t.Errorf("warnings %q, want one at %s:5 saying %q", found, src, tc.want)
			}
		})
	}
}
