package shape

import (
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/bindery-editions/bindery/fonts"
)

// testFonts parses each bundled face once for the package's tests.
var testFonts = sync.OnceValue(func() map[string]*Font {
	out := map[string]*Font{}
	for _, tf := range fonts.Typefaces {
		for _, face := range fonts.Faces {
			name := tf.PostScriptName(face)
			f, err := ParseFont(name, tf.TrueType(face))
			if err != nil {
				panic(err)
			}
			out[name] = f
		}
	}
	return out
})

func testFont(t testing.TB, name string) *Font {
	t.Helper()
	f, ok := testFonts()[name]
	if !ok {
		t.Fatalf("no font %s", name)
	}
	return f
}

// glyphIDs returns the glyph ids of every run, in order.
func glyphIDs(s *Shaped) []uint16 {
	var ids []uint16
	for _, r := range s.Runs {
		for _, g := range r.Glyphs {
			ids = append(ids, g.ID)
		}
	}
	return ids
}

func TestKerning(t *testing.T) {
	gentium := NewStack(testFont(t, "GentiumBookPlus-Regular"))
	charis := NewStack(testFont(t, "CharisSIL-Regular"))
	sh := NewShaper()
	tests := []struct {
		stack  *Stack
		pair   string
		kerned bool
	}{
		{gentium, "To", true},
		{gentium, "AV", true},
		{gentium, "Τα", true}, // Greek capital tau, alpha
		{gentium, "oo", false},
		// Charis SIL's GPOS has no kern feature at all.
		{charis, "To", false},
		{charis, "AV", false},
	}
	for _, tt := range tests {
		first := tt.pair[:strings.IndexRune(tt.pair[1:], []rune(tt.pair)[1])+1]
		alone := sh.Shape(first, Style{Stack: tt.stack, Features: Default})
		pair := sh.Shape(tt.pair, Style{Stack: tt.stack, Features: Default})
		unkerned := sh.Shape(tt.pair, Style{Stack: tt.stack, Features: Default &^ Kerning})
		if len(pair.Runs) != 1 || len(pair.Runs[0].Glyphs) != 2 {
			t.Fatalf("%q: want one run of two glyphs, got %+v", tt.pair, pair.Runs)
		}
		lone := alone.Runs[0].Glyphs[0].XAdvance
		inPair := pair.Runs[0].Glyphs[0].XAdvance
		if got := inPair < lone; got != tt.kerned {
			t.Errorf("%s %q: advance of %q in the pair %d, alone %d; kerned = %v, want %v",
				tt.stack.fonts[0].Name(), tt.pair, first, inPair, lone, got, tt.kerned)
		}
		if u := unkerned.Runs[0].Glyphs[0].XAdvance; u != lone {
			t.Errorf("%q without kerning: advance %d, want %d as alone", tt.pair, u, lone)
		}
		if tt.kerned && pair.Width(10*65536) >= unkerned.Width(10*65536) {
			t.Errorf("%q: kerned width %d not less than unkerned %d", tt.pair, pair.Width(10*65536), unkerned.Width(10*65536))
		}
	}
}

func TestLigatures(t *testing.T) {
	st := NewStack(testFont(t, "GentiumBookPlus-Regular"))
	sh := NewShaper()
	tests := []struct {
		text     string
		features Features
		glyphs   int
		texts    []string // what each glyph sets
	}{
		{"fi", Default, 1, []string{"fi"}},
		{"fi", Default &^ Ligatures, 2, []string{"f", "i"}},
		{"office", Default, 4, []string{"o", "ffi", "c", "e"}},
		{"office", Kerning, 6, []string{"o", "f", "f", "i", "c", "e"}},
		{"flé", Default, 2, []string{"fl", "é"}},
	}
	for _, tt := range tests {
		s := sh.Shape(tt.text, Style{Stack: st, Features: tt.features})
		if len(s.Runs) != 1 {
			t.Fatalf("%q: %d runs", tt.text, len(s.Runs))
		}
		r := &s.Runs[0]
		if len(r.Glyphs) != tt.glyphs {
			t.Errorf("%q features %b: %d glyphs, want %d", tt.text, tt.features, len(r.Glyphs), tt.glyphs)
			continue
		}
		var texts []string
		for i := range r.Glyphs {
			texts = append(texts, r.Text(tt.text, i))
		}
		if strings.Join(texts, "|") != strings.Join(tt.texts, "|") {
			t.Errorf("%q: glyphs set %q, want %q", tt.text, texts, tt.texts)
		}
	}
}

func TestSmallCaps(t *testing.T) {
	st := NewStack(testFont(t, "GentiumBookPlus-Regular"))
	sh := NewShaper()
	lower := sh.Shape("dear", Style{Stack: st, Features: Default})
	upper := sh.Shape("DEAR", Style{Stack: st, Features: Default})
	smcp := sh.Shape("dear", Style{Stack: st, Features: Default | SmallCaps})
	c2sc := sh.Shape("DEAR", Style{Stack: st, Features: Default | CapsToSmallCaps})
	l, u, s, c := glyphIDs(lower), glyphIDs(upper), glyphIDs(smcp), glyphIDs(c2sc)
	for i := range l {
		if s[i] == l[i] || s[i] == u[i] {
			t.Errorf("small capital %d of %q: glyph %d, same as lower case %d or capital %d", i, "dear", s[i], l[i], u[i])
		}
	}
	// Gentium draws small capitals from lower case and from capitals with
	// the same glyphs.
	if !equal(s, c) {
		t.Errorf("smcp %v and c2sc %v differ", s, c)
	}
	// Small capitals are narrower than capitals.
	if smcp.Width(65536) >= upper.Width(65536) {
		t.Errorf("small capitals %d not narrower than capitals %d", smcp.Width(65536), upper.Width(65536))
	}
}

func equal(a, b []uint16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestGreekCoverage(t *testing.T) {
	sh := NewShaper()
	for _, face := range fonts.Faces {
		name := fonts.GentiumBookPlus.PostScriptName(face)
		st := NewStack(testFont(t, name))
		for _, text := range []string{"θάλασσα", "Ἀθῆναι", "ψυχή", "ΚΟΣΜΟΣ"} {
			s := sh.Shape(text, Style{Stack: st, Features: Default, Language: "el"})
			if len(s.Missing) != 0 {
				t.Errorf("%s %q: missing %v", name, text, s.Missing)
			}
			for _, g := range glyphIDs(s) {
				if g == 0 {
					t.Errorf("%s %q: .notdef drawn", name, text)
				}
			}
		}
	}
}

func TestFallback(t *testing.T) {
	charis := testFont(t, "CharisSIL-Regular")
	gentium := testFont(t, "GentiumBookPlus-Regular")
	st := NewStack(charis, gentium)
	sh := NewShaper()
	tests := []struct {
		text  string
		fonts []string // of the runs, in order
		spans []string // the text of each run
	}{
		// Charis has every letter.
		{"Dear", []string{"CharisSIL-Regular"}, []string{"Dear"}},
		// Charis has α, λ, σ, θ and the combining acute, so it sets "ά"
		// decomposed, and the word is Charis's.
		{"θάλασσα", []string{"CharisSIL-Regular"}, []string{"θάλασσα"}},
		// Charis lacks κ and ο: the whole word falls back to Gentium.
		{"κόσμε", []string{"GentiumBookPlus-Regular"}, []string{"κόσμε"}},
		// No one font has all: each character from the first that has it,
		// and one that none has from the first (as its .notdef).
		{"😀κ", []string{"CharisSIL-Regular", "GentiumBookPlus-Regular"}, []string{"😀", "κ"}},
	}
	for _, tt := range tests {
		s := sh.Shape(tt.text, Style{Stack: st, Features: Default})
		var names, spans []string
		for _, r := range s.Runs {
			names = append(names, r.Font.Name())
			spans = append(spans, tt.text[r.Start:r.End])
		}
		if strings.Join(names, " ") != strings.Join(tt.fonts, " ") || strings.Join(spans, "|") != strings.Join(tt.spans, "|") {
			t.Errorf("%q: runs %v %q, want %v %q", tt.text, names, spans, tt.fonts, tt.spans)
		}
	}
}

func TestMissing(t *testing.T) {
	st := NewStack(testFont(t, "GentiumBookPlus-Regular"), testFont(t, "CharisSIL-Regular"))
	s := NewShaper().Shape("a😀b", Style{Stack: st, Features: Default})
	if len(s.Missing) != 1 {
		t.Fatalf("missing %v, want one", s.Missing)
	}
	m := s.Missing[0]
	if m.Offset != 1 || m.Rune != 0x1F600 || m.String() != "U+1F600 GRINNING FACE" {
		t.Errorf("missing %+v (%s), want offset 1, U+1F600 GRINNING FACE", m, m)
	}
}

func TestClustersAreByteOffsets(t *testing.T) {
	st := NewStack(testFont(t, "GentiumBookPlus-Regular"))
	text := "été fi"
	s := NewShaper().Shape(text, Style{Stack: st, Features: Default})
	var got []int
	for _, g := range s.Runs[0].Glyphs {
		got = append(got, g.Cluster)
	}
	// é is two bytes: é 0, t 2, é 3, space 5, fi 6.
	want := []int{0, 2, 3, 5, 6}
	if len(got) != len(want) {
		t.Fatalf("clusters %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("clusters %v, want %v", got, want)
		}
	}
}

func TestLanguageForms(t *testing.T) {
	// Serbian and Macedonian italics have their own forms of б, г, д, п
	// and т, which Gentium selects through locl.
	st := NewStack(testFont(t, "GentiumBookPlus-Italic"))
	sh := NewShaper()
	ru := glyphIDs(sh.Shape("бгдпт", Style{Stack: st, Features: Default, Language: "ru"}))
	sr := glyphIDs(sh.Shape("бгдпт", Style{Stack: st, Features: Default, Language: "sr"}))
	if equal(ru, sr) {
		t.Errorf("Serbian italic бгдпт drawn as Russian: %v", sr)
	}
}

func TestCache(t *testing.T) {
	st := NewStack(testFont(t, "GentiumBookPlus-Regular"))
	sh := NewShaper()
	a := sh.Shape("office", Style{Stack: st, Features: Default})
	b := sh.Shape("office", Style{Stack: st, Features: Default})
	c := sh.Shape("office", Style{Stack: st, Features: Kerning})
	if a != b {
		t.Error("the same text and style shaped twice")
	}
	if a == c || len(c.Runs[0].Glyphs) == len(a.Runs[0].Glyphs) {
		t.Error("a different style returned the cached result")
	}
}

func TestConcurrentShaping(t *testing.T) {
	st := NewStack(testFont(t, "GentiumBookPlus-Regular"), testFont(t, "CharisSIL-Regular"))
	sh := NewShaper()
	words := strings.Fields("To AVAST office θάλασσα κόσμε Ἀθῆναι бгдпт fi ffl")
	want := map[string]int64{}
	for _, w := range words {
		want[w] = NewShaper().Shape(w, Style{Stack: st, Features: Default}).Width(1 << 20)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				for _, w := range words {
					if got := sh.Shape(w, Style{Stack: st, Features: Default}).Width(1 << 20); got != want[w] {
						t.Errorf("%q: width %d, want %d", w, got, want[w])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// openLetterWords returns the words of the open letter, or skips.
func openLetterWords(b *testing.B) []string {
	data, err := os.ReadFile("../../seeds/open-letter-1964/source.txt")
	if err != nil {
		b.Skipf("seed text: %v", err)
	}
	return strings.Fields(string(data))
}

// BenchmarkShapeUncached shapes every word of the open letter (about
// 10,000) with HarfBuzz, bypassing the cache.
func BenchmarkShapeUncached(b *testing.B) {
	words := openLetterWords(b)
	st := NewStack(testFont(b, "GentiumBookPlus-Regular"), testFont(b, "CharisSIL-Regular"))
	w := newWorker()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, word := range words {
			w.shape(word, Style{Stack: st, Features: Default})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

// BenchmarkShapeCold shapes every word of the open letter with a new
// Shaper: the first of each distinct word is shaped, its repeats found in
// the cache.
func BenchmarkShapeCold(b *testing.B) {
	words := openLetterWords(b)
	st := NewStack(testFont(b, "GentiumBookPlus-Regular"), testFont(b, "CharisSIL-Regular"))
	distinct := map[string]bool{}
	for _, w := range words {
		distinct[w] = true
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sh := NewShaper()
		for _, word := range words {
			sh.Shape(word, Style{Stack: st, Features: Default})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
	b.ReportMetric(float64(len(distinct)), "distinct")
}

// BenchmarkShapeCached shapes every word of the open letter again with a
// Shaper that has shaped them all: a map lookup each.
func BenchmarkShapeCached(b *testing.B) {
	words := openLetterWords(b)
	st := NewStack(testFont(b, "GentiumBookPlus-Regular"), testFont(b, "CharisSIL-Regular"))
	sh := NewShaper()
	for _, word := range words {
		sh.Shape(word, Style{Stack: st, Features: Default})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, word := range words {
			sh.Shape(word, Style{Stack: st, Features: Default})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

// BenchmarkParseFont parses Gentium Book Plus Regular, which a build does
// once for each face.
func BenchmarkParseFont(b *testing.B) {
	ttf := fonts.GentiumBookPlus.TrueType(fonts.Regular)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseFont("GentiumBookPlus-Regular", ttf); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGentiumCoversCharis checks what fonts/README.md says of the two
// typefaces: every character a face of Charis SIL maps, the same face of
// Gentium Book Plus maps too, so Charis adds nothing as a fallback.
func TestGentiumCoversCharis(t *testing.T) {
	for _, face := range fonts.Faces {
		c := testFont(t, fonts.CharisSIL.PostScriptName(face))
		g := testFont(t, fonts.GentiumBookPlus.PostScriptName(face))
		n := 0
		for r := range c.Characters() {
			n++
			if !g.Has(r) {
				t.Errorf("%s maps U+%04X, %s does not", c.Name(), r, g.Name())
			}
		}
		if n < 2000 {
			t.Errorf("%s maps only %d characters", c.Name(), n)
		}
	}
}

// TestOneScriptShortcut checks that words of one script and font, which
// skip go-text's segmenter, shape exactly as the segmenter would have them.
func TestOneScriptShortcut(t *testing.T) {
	data, err := os.ReadFile("testdata/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	fast, slow := newWorker(), newWorker()
	slow.segmentAlways = true
	for _, face := range []string{"Regular", "Italic"} {
		st := NewStack(testFont(t, "GentiumBookPlus-"+face), testFont(t, "CharisSIL-"+face))
		for _, lang := range []string{"en", "el", "sr", "ro", ""} {
			for _, w := range strings.Fields(string(data)) {
				style := Style{Stack: st, Features: Default | SmallCaps, Language: lang}
				a, b := fast.shape(w, style), slow.shape(w, style)
				if !sameShaped(a, b) {
					t.Errorf("%s %q in %q: shortcut %+v, segmenter %+v", face, w, lang, a, b)
				}
			}
		}
	}
}

func sameShaped(a, b *Shaped) bool {
	if len(a.Runs) != len(b.Runs) || len(a.Missing) != len(b.Missing) {
		return false
	}
	for i := range a.Runs {
		ra, rb := a.Runs[i], b.Runs[i]
		if ra.Font != rb.Font || ra.Start != rb.Start || ra.End != rb.End || len(ra.Glyphs) != len(rb.Glyphs) {
			return false
		}
		for j := range ra.Glyphs {
			if ra.Glyphs[j] != rb.Glyphs[j] {
				return false
			}
		}
	}
	return true
}

// BenchmarkShapeStyledCached is BenchmarkShapeCached through a Styled, as
// a measurer keeps one for each style: one map lookup a word.
func BenchmarkShapeStyledCached(b *testing.B) {
	words := openLetterWords(b)
	st := NewStack(testFont(b, "GentiumBookPlus-Regular"), testFont(b, "CharisSIL-Regular"))
	sh := NewShaper().Styled(Style{Stack: st, Features: Default})
	for _, word := range words {
		sh.Shape(word)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, word := range words {
			sh.Shape(word)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

// TestWithoutOutlines checks that a font read without its outlines (see
// ParseFont) shapes as the font read whole: Latin with combining marks,
// Greek, Cyrillic, Hebrew with points (the one script HarfBuzz may place
// marks in by their outlines, shaped with the whole font), small capitals
// and ligatures, in every bundled face.
func TestWithoutOutlines(t *testing.T) {
	texts := []string{
		"office", "Khrushchev’s", "ffl", "e\u0301te\u0301", "q\u0323\u0307", "θάλασσα", "ἀρχῇ", "Пирогово",
		"שָׁלוֹם", "בְּרֵאשִׁית", "x\u05b8", "A\u0308\u0301", "1964–1965",
	}
	for name, f := range testFonts() {
		if f.outlined == nil {
			continue // read whole: GPOS, kerx or morx ask for it
		}
		whole := *f
		whole.font, whole.outlined = f.outlined(), nil
		for _, features := range []Features{Default, Default | SmallCaps} {
			a, b := NewShaper(), NewShaper()
			for _, text := range texts {
				got := a.Shape(text, Style{Stack: NewStack(f), Features: features})
				want := b.Shape(text, Style{Stack: NewStack(&whole), Features: features})
				if len(got.Runs) != len(want.Runs) {
					t.Fatalf("%s %q: %d runs, want %d", name, text, len(got.Runs), len(want.Runs))
				}
				for i := range got.Runs {
					if g, w := got.Runs[i].Glyphs, want.Runs[i].Glyphs; !slices.Equal(g, w) {
						t.Errorf("%s %q (features %b): glyphs %v, want %v", name, text, features, g, w)
					}
				}
			}
		}
	}
}

// TestOutlinesOnlyForHebrew checks that the outlines matter where
// outlinesNeeded says, so that the test above tests something: Hebrew
// points are placed otherwise without them.
func TestOutlinesOnlyForHebrew(t *testing.T) {
	f := testFont(t, "GentiumBookPlus-Regular")
	if f.outlined == nil {
		t.Fatal("Gentium Book Plus was read with its outlines")
	}
	bare := *f
	bare.outlined = nil // shape Hebrew without the outlines too
	text := "שָׁלוֹם"
	got := NewShaper().Shape(text, Style{Stack: NewStack(&bare), Features: Default})
	want := NewShaper().Shape(text, Style{Stack: NewStack(f), Features: Default})
	same := len(got.Runs) == len(want.Runs)
	for i := 0; same && i < len(got.Runs); i++ {
		same = slices.Equal(got.Runs[i].Glyphs, want.Runs[i].Glyphs)
	}
	if same {
		t.Errorf("%q is shaped the same without outlines: outlinesNeeded need not ask for them", text)
	}
}
