package hyphen

import (
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite golden files under testdata/")

// TestEnglishGolden keeps the record of how en-US breaks every distinct
// word of the open letter (testdata/open-letter.txt), with the book's own
// exception "Khru-shchev": one line a word, Hyphenate's breaks, a tab,
// HyphenateNames'. The file was written by this package when
// TestEnglishMatchesLayout showed it equal to layout's English-only
// hyphenator, so that the letter keeps its line breaks once that one is
// gone; rewrite it with -update only for a change meant to move them.
func TestEnglishGolden(t *testing.T) {
	h := newFor(t, "en-US").WithExceptions([]string{"Khru-shchev"})
	words := slices.Compact(slices.Sorted(slices.Values(textWords(t, "open-letter.txt"))))
	var b strings.Builder
	for _, w := range words {
		plain, names := h.Breaks(w)
		b.WriteString(marked(w, plain) + "\t" + marked(w, names) + "\n")
	}
	const golden = "testdata/en-us-open-letter.golden"
	if *updateGolden {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(b.String(), "\n")
	for i, line := range strings.Split(string(want), "\n") {
		if i >= len(got) || got[i] != line {
			t.Fatalf("%s:%d: %q, now %q (run go test -update to accept)", golden, i+1, line, got[min(i, len(got)-1)])
		}
	}
	if len(got) != len(strings.Split(string(want), "\n")) {
		t.Errorf("%s: %d lines, now %d", golden, len(strings.Split(string(want), "\n")), len(got))
	}
}
