package hyphen_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/bindery-editions/bindery/layout"
	"github.com/bindery-editions/bindery/layout/hyphen"
)

// TestEnglishMatchesLayout checks that en-US breaks every word of a large
// English word list (testdata/en-words.txt: about 22,000 distinct words as
// they stand in the open letter and seven other English texts, punctuation
// included) exactly where layout's English-only hyphenator breaks them,
// as typed, with curly apostrophes, capitalised and in capitals, with and
// without the open letter's own exceptions. It imports layout, which is
// fine while layout does not import this package; once layout/hyphen.go
// is gone, TestEnglishGolden keeps the record.
func TestEnglishMatchesLayout(t *testing.T) {
	data, err := os.ReadFile("testdata/en-words.txt")
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(string(data))
	for _, exceptions := range [][]string{nil, {"Khru-shchev"}} {
		old := layout.NewHyphenator().WithExceptions(exceptions)
		h, err := hyphen.New("en-US")
		if err != nil {
			t.Fatal(err)
		}
		h = h.WithExceptions(exceptions)
		compared, broken := 0, 0
		for _, w := range words {
			for _, v := range []string{w, strings.ReplaceAll(w, "'", "’"), capitalise(w), strings.ToUpper(w)} {
				plain, names := h.Breaks(v)
				if want := old.Hyphenate(v); !slices.Equal(plain, want) {
					t.Errorf("Hyphenate(%q) = %v, layout %v", v, plain, want)
				}
				if want := old.HyphenateNames(v); !slices.Equal(names, want) {
					t.Errorf("HyphenateNames(%q) = %v, layout %v", v, names, want)
				}
				compared++
				if len(plain)+len(names) > 0 {
					broken++
				}
			}
		}
		t.Logf("exceptions %v: %d words compared, %d with breaks", exceptions, compared, broken)
		if compared < 80000 || broken < 20000 {
			t.Errorf("compared %d words, %d with breaks: the list is too small to tell", compared, broken)
		}
	}
}

// capitalise returns w with its first letter in upper case.
func capitalise(w string) string {
	for i, r := range w {
		if unicode.IsLetter(r) {
			return w[:i] + string(unicode.ToUpper(r)) + w[i+len(string(r)):]
		}
	}
	return w
}

// BenchmarkLayoutHyphenateCold is BenchmarkHyphenateCold with layout's
// hyphenator, for comparison.
func BenchmarkLayoutHyphenateCold(b *testing.B) {
	words := openLetterWords(b)
	layout.NewHyphenator()
	b.ReportAllocs()
	for b.Loop() {
		h := layout.NewHyphenator()
		for _, w := range words {
			h.Hyphenate(w)
			h.HyphenateNames(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

// BenchmarkLayoutHyphenate is BenchmarkHyphenate with layout's
// hyphenator.
func BenchmarkLayoutHyphenate(b *testing.B) {
	words := openLetterWords(b)
	h := layout.NewHyphenator()
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			h.Hyphenate(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

func openLetterWords(b *testing.B) []string {
	data, err := os.ReadFile("testdata/open-letter.txt")
	if err != nil {
		b.Fatal(err)
	}
	return layout.Words(string(data))
}
