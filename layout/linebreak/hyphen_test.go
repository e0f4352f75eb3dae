package linebreak

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// marked shows word's breaks with "·", for readable test tables.
func marked(word string, breaks []int) string {
	var b strings.Builder
	k := 0
	for i, r := range []rune(word) {
		for k < len(breaks) && breaks[k] == i {
			b.WriteRune('·')
			k++
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestHyphenate(t *testing.T) {
	h := NewHyphenator()
	tests := []struct {
		word, want string
	}{
		// Knuth's own exceptions at the end of hyphen.tex.
		{"table", "ta·ble"},
		{"associate", "as·so·ciate"},
		{"present", "present"}, // listed without hyphens: never hyphenated
		{"project", "project"},
		// The TUGboat list overrides the patterns' hy-phen-ation.
		{"hyphenation", "hy·phen·a·tion"},
		// The exception acad-e-my loses "-my": 3 letters must follow a break.
		{"academy", "acad·emy"},
		// Patterns, with 2 letters before and 3 after each break: the
		// patterns' a-bil-i-ty keeps only abil-ity.
		{"ability", "abil·ity"},
		{"leadership", "lead·er·ship"},
		{"international", "in·ter·na·tional"},
		{"proletarian", "pro·le·tar·ian"},
		{"obey", "obey"}, // too short for 2+3
		// Punctuation around a word is not part of it.
		{"(difference)", "(dif·fer·ence)"},
		{"movement.", "move·ment."},
		{"«revisionists»", "«re·vi·sion·ists»"},
		{"comrades’", "com·rades’"},
		// Names, acronyms, letters the patterns do not know, digits.
		{"Khrushchev", "Khrushchev"},
		{"Marxism", "Marxism"},
		{"USSR", "USSR"},
		{"naïve", "naïve"},
		{"1960s", "1960s"},
		// Explicit hyphens and em dashes: a break after them, none added;
		// the parts are hyphenated on their own.
		{"re-examine", "re-·ex·am·ine"},
		{"Marxist-Leninist", "Marxist-·Leninist"},
		{"word—word", "word—·word"},
		{"x-ray", "x-ray"}, // one letter before the hyphen
		// Soft hyphens alone decide, as TeX ignores patterns in a word
		// with discretionaries.
		{"ex\u00adample", "ex\u00ad·ample"},
		{"in\u00adternational", "in\u00ad·ternational"},
	}
	for _, tt := range tests {
		if got := marked(tt.word, h.Hyphenate(tt.word)); got != tt.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// TestLiangPatternsAlone checks the patterns without the exception lists:
// Knuth's own example in The TeXbook, appendix H, is hy-phen-ation.
func TestLiangPatternsAlone(t *testing.T) {
	h := NewHyphenator()
	for word, want := range map[string]string{
		"hyphenation":   "hy·phen·ation",
		"concatenation": "con·cate·na·tion",
	} {
		dotted := []byte("." + word + ".")
		values := make([]uint8, len(dotted)+1)
		h.t.patterns.apply(dotted, values)
		var breaks []int // every odd value, without the 2+3 minima
		for b := 1; b < len(word); b++ {
			if values[b+1]%2 == 1 {
				breaks = append(breaks, b)
			}
		}
		if got := marked(word, breaks); got != want {
			t.Errorf("liang(%q) = %q, want %q", word, got, want)
		}
	}
}

// TestPatternCounts checks that the parser reads every pattern and
// exception: hyphen.tex has Liang's 4447 patterns and 14 exceptions.
func TestPatternCounts(t *testing.T) {
	tab := hyphenTables{exceptions: map[string][]int{}}
	if err := tab.parse(hyphenTeX); err != nil {
		t.Fatal(err)
	}
	if tab.patterns.count != 4447 || len(tab.exceptions) != 14 {
		t.Errorf("hyphen.tex: %d patterns, %d exceptions; want 4447 and 14", tab.patterns.count, len(tab.exceptions))
	}
	// ushyphex.tex lists its words one a line (a few share one) between
	// \hyphenation{ and }; a word listed twice is kept once.
	words := 0
	inList := false
	for line := range strings.Lines(ushyphexTeX) {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, `\hyphenation{`):
			inList = true
		case line == "}":
			inList = false
		case inList && !strings.HasPrefix(line, "%"):
			words += len(strings.Fields(line))
		}
	}
	ex := hyphenTables{exceptions: map[string][]int{}}
	if err := ex.parse(ushyphexTeX); err != nil {
		t.Fatal(err)
	}
	if words < 1000 || len(ex.exceptions) > words || len(ex.exceptions) < words-20 {
		t.Errorf("ushyphex.tex: %d exceptions parsed from %d words", len(ex.exceptions), words)
	}
}

// TestHyphenationMinima checks every break found in the open letter: at
// least 2 letters before and 3 after within the run of letters, and never
// in a word with a capital or a digit.
func TestHyphenationMinima(t *testing.T) {
	data, err := os.ReadFile("../../seeds/open-letter-1964/source.txt")
	if err != nil {
		t.Fatalf("seed text: %v", err)
	}
	h := NewHyphenator()
	n := 0
	for _, w := range Words(string(data)) {
		runes := []rune(w)
		for _, b := range h.Hyphenate(w) {
			n++
			if isExplicitHyphen(runes[b-1]) {
				continue
			}
			i, j := b, b
			for i > 0 && unicode.IsLetter(runes[i-1]) {
				i--
			}
			for j < len(runes) && unicode.IsLetter(runes[j]) {
				j++
			}
			if b-i < leftHyphenMin || j-b < rightHyphenMin {
				t.Errorf("%q: break %q has %d letters before and %d after", w, marked(w, []int{b}), b-i, j-b)
			}
			for _, r := range runes[i:j] {
				if unicode.IsUpper(r) {
					t.Errorf("%q: hyphenated a capitalised run at %d", w, b)
				}
			}
			if strings.ContainsFunc(w, unicode.IsDigit) {
				t.Errorf("%q: hyphenated a word with digits", w)
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d breaks found in the whole letter", n)
	}
}

// TestPatternFilesUnchanged guards hyphen.tex's terms: it may be copied
// only unmodified. The digests are those of TeX Live's files as shipped in
// Debian's texlive-base 2022.20230122-3 (see patterns/README).
func TestPatternFilesUnchanged(t *testing.T) {
	for name, want := range map[string]string{
		"hyphen.tex":   "2c18acdc04c1a066aeb1759905e7ca449f0616c314b5ed6aebe55b9d4a89b8d4",
		"ushyphex.tex": "9392bd6e14b2f34ebc31d2ba4eddb7d1266bf563bfd89c6161f63cfd7f00ef5c",
	} {
		data, err := os.ReadFile("patterns/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("patterns/%s: sha256 %s, want %s: the file must ship unchanged", name, got, want)
		}
	}
}

// BenchmarkHyphenateCold hyphenates every word of the open letter with a
// new Hyphenator each iteration, so that every distinct word is found
// afresh as in one build of a book (BenchmarkHyphenate measures the cache).
func BenchmarkHyphenateCold(b *testing.B) {
	data, err := os.ReadFile("../../seeds/open-letter-1964/source.txt")
	if err != nil {
		b.Fatalf("seed text: %v", err)
	}
	words := Words(string(data))
	loadTables()
	b.ReportAllocs()
	for b.Loop() {
		h := NewHyphenator()
		for _, w := range words {
			h.Hyphenate(w)
			h.HyphenateNames(w)
		}
	}
}

// BenchmarkHyphenTables parses the pattern files, which every process does
// once before its first hyphenation.
func BenchmarkHyphenTables(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		t := &hyphenTables{exceptions: make(map[string][]int)}
		if err := t.parse(hyphenTeX); err != nil {
			b.Fatal(err)
		}
		if err := t.parse(ushyphexTeX); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTrieMatchesPatterns checks the pattern trie against the plain reading
// of Liang's rule: for every word of the open letter, the values found by
// walking the trie equal those of every pattern that occurs in ".word.",
// found by searching for each pattern as a substring.
func TestTrieMatchesPatterns(t *testing.T) {
	data, err := os.ReadFile("../../seeds/open-letter-1964/source.txt")
	if err != nil {
		t.Fatalf("seed text: %v", err)
	}
	// The patterns as written: letters and their values.
	type pattern struct {
		letters string
		values  []uint8
	}
	var patterns []pattern
	body := hyphenTeX[strings.Index(hyphenTeX, `\patterns{`):]
	body = body[len(`\patterns{`):strings.IndexByte(body, '}')]
	for line := range strings.Lines(body) {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i]
		}
		for _, p := range strings.Fields(line) {
			var pt pattern
			pt.values = []uint8{0}
			for _, c := range []byte(p) {
				if c >= '0' && c <= '9' {
					pt.values[len(pt.values)-1] = c - '0'
					continue
				}
				pt.letters += string(c)
				pt.values = append(pt.values, 0)
			}
			patterns = append(patterns, pt)
		}
	}
	if len(patterns) != 4447 {
		t.Fatalf("read %d patterns, want 4447", len(patterns))
	}
	tab := loadTables()
	words := 0
	for _, w := range Words(strings.ToLower(string(data))) {
		w = strings.TrimFunc(w, func(r rune) bool { return r < 'a' || r > 'z' })
		if w == "" || strings.ContainsFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) {
			continue
		}
		words++
		dotted := "." + w + "."
		want := make([]uint8, len(dotted)+1)
		for _, p := range patterns {
			for i := 0; i+len(p.letters) <= len(dotted); i++ {
				if dotted[i:i+len(p.letters)] == p.letters {
					for k, v := range p.values {
						want[i+k] = max(want[i+k], v)
					}
				}
			}
		}
		got := make([]uint8, len(dotted)+1)
		tab.patterns.apply([]byte(dotted), got)
		if !slices.Equal(got, want) {
			t.Errorf("%q: trie values %v, patterns %v", w, got, want)
		}
		if words >= 300 {
			break // a few hundred words cover the patterns' kinds; the search is slow
		}
	}
	if words < 300 {
		t.Errorf("only %d words checked", words)
	}
}

// TestShortWordsSkipCache checks that the short cut for words too short to
// break gives what the full search gives.
func TestShortWordsSkipCache(t *testing.T) {
	h := NewHyphenator()
	for _, w := range []string{"", "a", "of", "the", "with", "a-b", "ab-c", "é", "naïf", "a\u00adb", "ab\u00adc", "x—y", "1960"} {
		want := h.find(w)
		got := h.lookup(w)
		if !slices.Equal(got.plain, want.plain) || !slices.Equal(got.names, want.names) {
			t.Errorf("%q: lookup %v %v, find %v %v", w, got.plain, got.names, want.plain, want.names)
		}
	}
}
