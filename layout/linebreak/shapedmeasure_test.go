package linebreak

import (
	"github.com/bindery-editions/bindery/layout/unit"
	"strings"
	"testing"
)

func TestShapedMeasurer(t *testing.T) {
	m := NewShapedMeasurer()
	size := unit.Pt(10)
	w := func(style FontStyle, text string) unit.Length { return m.Width(style, size, text) }
	// Gentium kerns T–o by −80 of 2,048 units: 0.39 pt at 10 pt.
	if kern := w(Roman, "T") + w(Roman, "o") - w(Roman, "To"); kern < unit.Pt(0.38) || kern > unit.Pt(0.40) {
		t.Errorf("\"To\" kerned by %v pt, want 0.39", kern.Points())
	}
	// The ffi ligature is one glyph, narrower than f, f and i apart.
	if w(Roman, "office") >= w(Roman, "o")+2*w(Roman, "f")+w(Roman, "i")+w(Roman, "c")+w(Roman, "e") {
		t.Error("\"office\" is no narrower with its ligature")
	}
	// The font's small capitals are narrower than capitals, and wider than
	// the lower case they replace.
	sc, caps, lower := w(SmallCaps, "dear"), w(Roman, "DEAR"), w(Roman, "dear")
	if sc >= caps || sc <= lower {
		t.Errorf("small capitals %v pt, want between lower case %v and capitals %v", sc.Points(), lower.Points(), caps.Points())
	}
	for _, style := range []FontStyle{Roman, Italic, Bold, BoldItalic, SmallCaps} {
		if w(style, "θάλασσα") <= 0 {
			t.Errorf("style %d: Greek has no width", style)
		}
		if a, d := m.Ascent(style, size), m.Descent(style, size); a <= 0 || d <= 0 || a+d < size {
			t.Errorf("style %d: ascent %v, descent %v at 10 pt", style, a.Points(), d.Points())
		}
	}
}

// BenchmarkSetParagraphShaped sets the paragraph of BenchmarkSetParagraph
// with the ShapedMeasurer, its cache warm from the first setting as it is
// for every paragraph after the first few of a book.
func BenchmarkSetParagraphShaped(b *testing.B) {
	benchmarkSetWith(b, NewShapedMeasurer())
}

func benchmarkSetWith(b *testing.B, m Measurer) {
	text := openLetterText(b)
	var para []string
	n := 0
	for _, p := range strings.Split(text, "\n\n")[10:] {
		p = strings.TrimSpace(p)
		para = append(para, p)
		if n += len(Words(p)); n >= 1000 {
			break
		}
	}
	s := NewSetter(m, english())
	spec := ParagraphSpec{Spans: []Span{{Text: strings.Join(para, " ")}}, Size: unit.Pt(10.5), Measure: unit.Pt(296), FirstIndent: unit.Pt(10.5), Hyphenate: true}
	lines := len(s.Set(spec))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s.Set(spec)
	}
	b.ReportMetric(float64(lines), "lines")
}

// BenchmarkSetParagraphShapedCold is BenchmarkSetParagraphShaped with a new
// measurer, its cache empty, for every setting: what the first paragraphs
// of a book cost.
func BenchmarkSetParagraphShapedCold(b *testing.B) {
	text := openLetterText(b)
	var para []string
	n := 0
	for _, p := range strings.Split(text, "\n\n")[10:] {
		p = strings.TrimSpace(p)
		para = append(para, p)
		if n += len(Words(p)); n >= 1000 {
			break
		}
	}
	spec := ParagraphSpec{Spans: []Span{{Text: strings.Join(para, " ")}}, Size: unit.Pt(10.5), Measure: unit.Pt(296), FirstIndent: unit.Pt(10.5), Hyphenate: true}
	m := NewShapedMeasurer()
	m.Width(Roman, unit.Pt(10), "parse the face")
	h := english()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		cold := NewShapedMeasurer() // the faces stay parsed: they are the process's
		b.StartTimer()
		NewSetter(cold, h).Set(spec)
	}
}

// TestPartWidths checks that the parts of a word add up to its shaped
// width, and that a cut inside a ligature, or between kerned letters, is
// reported with what it crosses.
func TestPartWidths(t *testing.T) {
	m := NewShapedMeasurer()
	size := unit.Pt(10.5)
	for _, tt := range []struct {
		word     string
		cuts     []int
		ligature []bool
		kerned   []bool
	}{
		{"office", []int{2, 4}, []bool{true, false}, []bool{false, false}}, // o|ffi ligature|c|e: 2 is inside "ffi"
		{"Today", []int{1, 3}, []bool{false, false}, []bool{true, false}},  // T–o kerned
		{"staff", []int{4}, []bool{true}, []bool{false}},                   // inside the final "ff"
		{"word", []int{2}, []bool{false}, []bool{false}},
	} {
		widths, joins := m.PartWidths(nil, nil, Roman, size, tt.word, tt.cuts)
		var sum unit.Length
		for _, w := range widths {
			sum += w
		}
		if len(widths) != len(tt.cuts)+1 || sum != m.Width(Roman, size, tt.word) {
			t.Errorf("%q: parts %v add up to %v, the word is %v", tt.word, widths, sum, m.Width(Roman, size, tt.word))
		}
		for i, j := range joins {
			if j.Ligature != tt.ligature[i] || (j.Kern != 0) != tt.kerned[i] {
				t.Errorf("%q cut at %d: %+v, want ligature %v, kerned %v", tt.word, tt.cuts[i], j, tt.ligature[i], tt.kerned[i])
			}
		}
	}
	// The kerning of "T–o" is what "T" and "o" set apart lose.
	_, joins := m.PartWidths(nil, nil, Roman, size, "To", []int{1})
	if got, want := joins[0].Kern, m.Width(Roman, size, "To")-m.Width(Roman, size, "T")-m.Width(Roman, size, "o"); got != want && got != want+1 && got != want-1 {
		t.Errorf("kern of To %v, want %v", got, want)
	}
}

// TestMonoSetMonospaced sets a line of code in Mono: every character,
// the spaces that indent it included, advances by the same width, 0.6 em
// of Go Mono at 6/7 of the paragraph's size, so that columns line up.
func TestMonoSetMonospaced(t *testing.T) {
	m := NewShapedMeasurer()
	size := unit.Pt(10.5)
	s := NewSetter(m, english())
	code := "if x\u00a0\u00a0<\u00a01 {"
	lines := s.Set(ParagraphSpec{Spans: []Span{{Text: "Then", Style: Roman}, {Text: " "}, {Text: code, Style: Mono}}, Size: size, Measure: unit.Pt(300), Align: Left})
	if len(lines) != 1 {
		t.Fatalf("%d lines, want 1", len(lines))
	}
	want := StyleSize(Mono, size)
	if want != size*6/7 {
		t.Fatalf("Mono at %v pt in 10.5 pt text, want %v", want.Points(), (size * 6 / 7).Points())
	}
	advance := m.Width(Mono, want, "m")
	for _, text := range []string{"i", " ", "<", "{"} {
		if got := m.Width(Mono, want, text); got != advance {
			t.Errorf("%q is %v pt wide in Mono, \"m\" %v", text, got.Points(), advance.Points())
		}
	}
	// Go Mono advances 1,229 of 2,048 units: 5.4 pt at 9 pt.
	if a := advance.Points(); a < 5.3 || a > 5.5 {
		t.Errorf("a Mono character advances %v pt at 9 pt, want 5.4", a)
	}
	var code0, code1 Piece
	for _, pc := range lines[0].Pieces {
		if pc.Style == Mono {
			if pc.Size != want {
				t.Errorf("Mono piece %q at %v pt, want %v", pc.Text, pc.Size.Points(), want.Points())
			}
			if code0.Text == "" {
				code0 = pc
			}
			code1 = pc
		} else if pc.Size != size {
			t.Errorf("roman piece %q at %v pt, want %v", pc.Text, pc.Size.Points(), size.Points())
		}
	}
	// From the first character of the code to its last piece, the pen
	// moves one advance a character.
	along := advance * unit.Length(len([]rune(code))-len([]rune(code1.Text)))
	if code0.Text == "" || code1.X-code0.X != along {
		t.Errorf("the code's last piece %q at %v pt past its first, want %v: a character a %v pt", code1.Text, (code1.X - code0.X).Points(), along.Points(), advance.Points())
	}
}
