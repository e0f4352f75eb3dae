package linebreak

import (
	"os"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/layout/unit"
)

// openLetterText returns the open letter's source text.
func openLetterText(b *testing.B) string {
	data, err := os.ReadFile("../../seeds/open-letter-1964/source.txt")
	if err != nil {
		b.Fatalf("seed text: %v", err)
	}
	return string(data)
}

// BenchmarkSetParagraph sets a long paragraph of the open letter (about
// 1,000 words, 110 lines) at 10.5 pt on the book measure with the real
// fonts; BenchmarkSetParagraphX4 sets four times as much in one paragraph,
// to show that time grows linearly with length (the active list stays
// bounded by the measure, Knuth–Plass 1981).
func BenchmarkSetParagraph(b *testing.B)   { benchmarkSet(b, 1) }
func BenchmarkSetParagraphX4(b *testing.B) { benchmarkSet(b, 4) }

func benchmarkSet(b *testing.B, times int) {
	text := openLetterText(b)
	var paras []string
	for _, p := range strings.Split(text, "\n\n") {
		paras = append(paras, strings.TrimSpace(p))
	}
	// About a thousand words of consecutive paragraphs, run together.
	var para []string
	n := 0
	for _, p := range paras[10:] {
		para = append(para, p)
		if n += len(Words(p)); n >= 1000 {
			break
		}
	}
	one := strings.Join(para, " ")
	long := strings.Repeat(one+" ", times)
	s := NewSetter(NewShapedMeasurer(), english())
	spec := ParagraphSpec{Spans: []Span{{Text: long}}, Size: unit.Pt(10.5), Measure: unit.Pt(296), FirstIndent: unit.Pt(10.5), Hyphenate: true}
	lines := len(s.Set(spec))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s.Set(spec)
	}
	b.ReportMetric(float64(len(Words(long))), "words")
	b.ReportMetric(float64(lines), "lines")
}
