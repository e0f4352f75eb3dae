package edition

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/bindery-editions/bindery/edition/decode"
	"github.com/bindery-editions/bindery/edition/markdown"
)

// FuzzBuildAccounts builds a seed around any text the fuzzer makes, read
// as archive plain text or as Markdown, and fails when a writer leaves out
// words the model holds: the build's own accounting (LostWordsError) is
// the property, so whatever a reader makes of a text, both editions must
// carry every word of it. Texts a reader refuses are skipped.
func FuzzBuildAccounts(f *testing.F) {
	for _, s := range []string{
		"A Title\n\nDear Comrades,\n\nA paragraph of the letter.[1]\n\n[1] A note.\n\nTirana, October 5, 1964\n",
		"CHAPTER I.\n\nText.\n\nFOOTNOTES:\n\n[1] A note that runs on.\n\nCHAPTER II.\n\nMore text.\n",
		"# One\n\nText with a note.[^1]\n\n[^1]: The note, in two paragraphs.\n\n    The second.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"# One\n\n> quoted\n\n- item with ^[an inline note]\n- $x^2$ and **bold**\n\nTerm\n: definition\n",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, isMarkdown bool) {
		dir := filepath.Join(t.TempDir(), "fuzz")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		file := "source.txt"
		if isMarkdown {
			file = "source.md"
		}
		manifest := "title: Fuzz\nlanguage: en\ncreators: [A. Writer]\nedition: {date: 2026-01-01}\ntext: {file: " + file + "}\nintroduction: introduction.md\n"
		for name, data := range map[string]string{"manifest.yaml": manifest, "introduction.md": "An introduction.\n", file: text} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, err := Build(dir, BuildOptions{DryRun: true, LoadOptions: LoadOptions{Workers: 1}})
		switch {
		case err == nil:
		case errors.Is(err, decode.ErrEmpty), errors.Is(err, decode.ErrBinary), errors.Is(err, decode.ErrInvalidUTF8),
			errors.Is(err, decode.ErrNoBody), errors.Is(err, decode.ErrUnknownEncoding), errors.Is(err, markdown.ErrFrontMatter),
			errors.Is(err, decode.ErrHTMLPage):
			// a text the reader refuses, with a reason
		default:
			t.Fatalf("%v\n--- text (markdown %v):\n%q", err, isMarkdown, text)
		}
	})
}
