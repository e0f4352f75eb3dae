package hyphen

import (
	"os"
	"strings"
	"testing"
)

// textWords returns the words of a file in testdata, split as the line
// breaker splits text (at spaces, tabs and line ends), or skips.
func textWords(tb testing.TB, name string) []string {
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return strings.FieldsFunc(string(data), func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
}

// BenchmarkHyphenateCold hyphenates every word of the open letter (about
// 10,000) with a new Hyphenator each iteration, so that every distinct
// word is found afresh as in one build of a book; BenchmarkHyphenate
// measures the cache. BenchmarkLayoutHyphenateCold and
// BenchmarkLayoutHyphenate run layout's English-only hyphenator on the
// same words.
func BenchmarkHyphenateCold(b *testing.B) {
	benchmarkCold(b, "en-US", textWords(b, "open-letter.txt"))
}

// BenchmarkHyphenateColdLanguages does the same for the German, French
// and Russian texts of testdata (each word once).
func BenchmarkHyphenateColdLanguages(b *testing.B) {
	for _, c := range []struct{ tag, file string }{{"de-1901", "de-words.txt"}, {"fr", "fr-words.txt"}, {"ru", "ru-words.txt"}} {
		b.Run(c.tag, func(b *testing.B) { benchmarkCold(b, c.tag, textWords(b, c.file)) })
	}
}

func benchmarkCold(b *testing.B, tag string, words []string) {
	if _, err := New(tag); err != nil { // parse outside the timing
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		h, _ := New(tag)
		for _, w := range words {
			h.Hyphenate(w)
			h.HyphenateNames(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

func BenchmarkHyphenate(b *testing.B) {
	words := textWords(b, "open-letter.txt")
	h, err := New("en-US")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			h.Hyphenate(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

// BenchmarkParse parses each language's files, as the first New for the
// language does once per process.
func BenchmarkParse(b *testing.B) {
	for i := range langs {
		l := &langs[i]
		b.Run(l.id, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parseSet(patternFiles, l); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
