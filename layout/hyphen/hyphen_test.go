package hyphen

import (
	"errors"
	"slices"
	"strings"
	"sync"
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

// newFor returns a hyphenator for tag or fails the test.
func newFor(t testing.TB, tag string) *Hyphenator {
	t.Helper()
	h, err := New(tag)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestHyphenate checks words of each language, with breaks that dictionaries
// of the language give (Duden, Larousse, the Real Academia's Ortografía,
// and so on) where the patterns agree with them. Each word that the
// patterns decide is also checked against referenceBreaks, the plain
// reading of Liang's rule over the pattern file, so the table cannot
// drift from what the patterns say.
func TestHyphenate(t *testing.T) {
	tests := []struct {
		tag, word, plain, names string
	}{
		// English: Knuth's own exceptions at the end of hyphen.tex.
		{"en", "table", "ta·ble", ""},
		{"en", "associate", "as·so·ciate", ""},
		{"en", "present", "present", ""}, // listed without hyphens: never hyphenated
		// The TUGboat list overrides the patterns' hy-phen-ation.
		{"en-US", "hyphenation", "hy·phen·a·tion", ""},
		// The exception acad-e-my loses "-my": 3 letters must follow a break.
		{"en", "academy", "acad·emy", ""},
		// Patterns, with 2 letters before and 3 after each break: the
		// patterns' a-bil-i-ty keeps only abil-ity.
		{"en", "ability", "abil·ity", ""},
		{"en", "leadership", "lead·er·ship", ""},
		{"en", "obey", "obey", ""}, // too short for 2+3
		// Punctuation around a word is not part of it.
		{"en", "(difference)", "(dif·fer·ence)", ""},
		{"en", "«revisionists»", "«re·vi·sion·ists»", ""},
		{"en", "comrades’", "com·rades’", ""},
		{"en", "don’t", "don’t", ""}, // English patterns know no apostrophe: two runs, both short
		// Names, acronyms, letters the patterns do not know, digits.
		{"en", "Brandenburg,", "Brandenburg,", "Bran·den·burg,"},
		{"en", "USSR", "USSR", ""},
		{"en", "naïve", "naïve", ""},
		{"en", "1960s", "1960s", ""},
		// Explicit hyphens and soft hyphens.
		{"en", "re-examine", "re-·ex·am·ine", ""},
		{"en", "Marxist-Leninist", "Marxist-·Leninist", "Marx·ist-Lenin·ist"},
		{"en", "x-ray", "x-ray", ""},
		{"en", "ex\u00adample", "ex\u00ad·ample", ""},
		// British English: its own patterns and exception list.
		{"en-GB", "university", "uni·ver·sity", ""}, // hyph-en-gb.hyp.txt: uni-ver-sity
		{"en-GB", "programme", "pro·gramme", ""},
		{"en-GB", "hyphenation", "hy·phen·a·tion", ""},
		// German capitalises nouns: they are hyphenated as any word.
		{"de", "Gefängnis", "Ge·fäng·nis", ""},
		{"de", "Silbentrennung", "Sil·ben·tren·nung", ""},
		{"de", "Bundesverfassungsgericht", "Bun·des·ver·fas·sungs·ge·richt", ""},
		{"de", "Schifffahrt", "Schiff·fahrt", ""},
		{"de", "Grüße", "Grü·ße", ""},
		{"de-1901", "Gefängnis", "Ge·fäng·nis", ""},
		{"de-1901", "Zucker", "Zucker", ""}, // 1901's Zuk-ker changes a letter: the patterns do not break ck
		{"de-CH-1901", "Strasse", "Stras·se", ""},
		// French: the apostrophe of elision belongs to the word.
		{"fr", "aujourd’hui", "au·jour·d’hui", ""},
		{"fr", "aujourd'hui", "au·jour·d'hui", ""},
		{"fr", "l’anticonstitutionnalité", "l’an·ti·cons·ti·tu·tion·na·li·té", ""},
		{"fr", "république", "ré·pu·blique", ""},
		{"fr", "République", "République", "Ré·pu·blique"},
		{"es", "desarrollo", "de·sa·rro·llo", ""},
		{"es", "guerra", "gue·rra", ""},
		{"es", "extraordinario", "ex·tra·or·di·na·rio", ""},
		{"it", "rivoluzione", "ri·vo·lu·zio·ne", ""},
		{"it", "dell’anima", "del·l’a·ni·ma", ""},
		{"pt", "revolução", "re·vo·lu·ção", ""},
		{"pt-BR", "desenvolvimento", "de·sen·vol·vi·mento", ""}, // 3 letters after a break
		{"nl", "ziekenhuis", "zie·ken·huis", ""},
		{"nl", "beschermengel", "be·scherm·en·gel", ""}, // hyph-nl.hyp.txt
		{"pl", "rewolucja", "re·wo·lu·cja", ""},
		{"pl", "przynajmniej", "przy·naj·mniej", ""}, // hyph-pl.hyp.txt
		{"ru", "революция", "ре·во·лю·ция", ""},
		{"ru", "правительство", "пра·ви·тель·ство", ""},
		{"ru", "Россия", "Россия", "Рос·сия"},
		{"uk", "революція", "ре·во·лю·ція", ""},
		{"uk", "м’ясо", "м’я·со", ""}, // the apostrophe is part of Ukrainian spelling
		// Greek: one letter may stand alone on either side of a break.
		{"el", "ελευθερία", "ε·λευ·θε·ρί·α", ""},
		{"el", "κυβέρνηση", "κυ·βέρ·νη·ση", ""},
		{"el", "Ελλάδα", "Ελλάδα", "Ελ·λά·δα"},
		{"el-polyton", "ἐλευθερία", "ἐ·λευ·θε·ρί·α", ""},
		{"sq", "qeveria", "qe·ve·ria", ""},
		{"sq", "shqipëria", "shqi·pë·ria", ""},
	}
	refs := map[string]*reference{}
	for _, tt := range tests {
		h := newFor(t, tt.tag)
		plain, names := h.Breaks(tt.word)
		if got := marked(tt.word, plain); got != tt.plain {
			t.Errorf("%s: Hyphenate(%q) = %q, want %q", tt.tag, tt.word, got, tt.plain)
		}
		if tt.names == "" {
			tt.names = tt.word
		}
		if got := marked(tt.word, names); got != tt.names {
			t.Errorf("%s: HyphenateNames(%q) = %q, want %q", tt.tag, tt.word, got, tt.names)
		}
		// A word of one run of letters that no exception list names is
		// decided by the patterns alone: the reference must agree.
		word := lower(tt.word)
		if strings.ContainsFunc(word, func(r rune) bool { return !h.inWord(r) }) || h.isException(word) {
			continue
		}
		ref := refs[h.Language()]
		if ref == nil {
			ref = readReference(t, h.lang)
			refs[h.Language()] = ref
		}
		want := slices.Concat(plain, names)
		if got := ref.breaks(word, h.lang.left, h.lang.right); !slices.Equal(got, want) {
			t.Errorf("%s: %q: the reference gives %q", tt.tag, tt.word, marked(tt.word, got))
		}
	}
}

// isException reports whether word is in h's exception lists.
func (h *Hyphenator) isException(word string) bool {
	_, doc := h.extra[word]
	_, shipped := h.p.exceptions[word]
	return doc || shipped
}

// TestMatch checks the choice of pattern set for BCP 47 tags.
func TestMatch(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "en-us", "en-US": "en-us", "EN-us": "en-us", "en-CA": "en-us", "en-Latn-US": "en-us",
		"en-GB": "en-gb", "en-UK": "en-gb", "en-AU": "en-gb", "en-NZ": "en-gb",
		"de": "de-1996", "de-DE": "de-1996", "de-AT": "de-1996", "de-CH": "de-1996", "de-1996": "de-1996", "de-CH-1996": "de-1996",
		"de-1901": "de-1901", "de-DE-1901": "de-1901", "de-AT-1901": "de-1901", "de-CH-1901": "de-ch-1901",
		"fr": "fr", "fr-CA": "fr", "fr-BE": "fr",
		"es": "es", "es-MX": "es", "es-419": "es",
		"it": "it", "pt": "pt", "pt-BR": "pt", "pt-PT": "pt", "nl": "nl", "nl-BE": "nl", "pl": "pl",
		"ru": "ru", "ru-RU": "ru", "uk": "uk", "uk-UA": "uk",
		"el": "el-monoton", "el-GR": "el-monoton", "el-monoton": "el-monoton", "el-polyton": "el-polyton", "el-Grek": "el-monoton",
		"sq": "sq", "sq-AL": "sq",
		"de-DE-u-co-phonebk": "de-1996", "en-US-x-house": "en-us",
	} {
		got, err := Match(tag)
		if err != nil || got != want {
			t.Errorf("Match(%q) = %q, %v; want %q", tag, got, err, want)
		}
	}
}

// TestUnknownLanguage checks that a language without patterns, a script
// the patterns are not written in, and tags that are no tags are refused,
// and never given English.
func TestUnknownLanguage(t *testing.T) {
	for _, tag := range []string{"tr", "cs", "sr", "zh", "ja", "und", "mul", "zxx", "ru-Latn", "el-Latn", "en-Cyrl", "", "english", "en_", "x-en"} {
		h, err := New(tag)
		if !errors.Is(err, ErrUnknownLanguage) || h != nil {
			t.Errorf("New(%q) = %v, %v; want ErrUnknownLanguage", tag, h, err)
		}
		if id, err := Match(tag); !errors.Is(err, ErrUnknownLanguage) || id != "" {
			t.Errorf("Match(%q) = %q, %v; want ErrUnknownLanguage", tag, id, err)
		}
	}
	if _, err := New("tr"); err == nil || !strings.Contains(err.Error(), `"tr"`) {
		t.Errorf("the error names no tag: %v", err)
	}
}

// TestLanguages checks that every tag rule names a shipped set and every
// set is reached by its own name as a tag.
func TestLanguages(t *testing.T) {
	ids := Languages()
	if len(ids) < 13 {
		t.Errorf("only %d languages: %v", len(ids), ids)
	}
	for _, r := range tagRules {
		if !slices.Contains(ids, r.id) {
			t.Errorf("tag rule for %s names %q, not shipped", r.base, r.id)
		}
	}
	for _, id := range ids {
		if got, err := Match(id); got != id {
			t.Errorf("Match(%q) = %q, %v", id, got, err)
		}
		h := newFor(t, id)
		if h.Language() != id {
			t.Errorf("New(%q).Language() = %q", id, h.Language())
		}
	}
}

// TestMinFragments checks each language's minima against the
// "hyphenmins: typesetting" metadata of its hyph-utf8 file (the header
// shipped as hyph-XX.lic.txt), and en-us against Plain TeX's 2 and 3.
func TestMinFragments(t *testing.T) {
	for _, id := range Languages() {
		h := newFor(t, id)
		left, right := h.MinFragments()
		wantLeft, wantRight := 2, 3 // plain.tex: \lefthyphenmin=2 \righthyphenmin=3
		if id != "en-us" {
			wantLeft, wantRight = headerMinima(t, id)
		}
		if left != wantLeft || right != wantRight {
			t.Errorf("%s: MinFragments() = %d, %d; the metadata say %d, %d", id, left, right, wantLeft, wantRight)
		}
	}
}

// TestMinimaHonoured checks every break found in the word lists of
// testdata, and in every language the words of the patterns themselves:
// at least MinFragments letters before and after within the run, no break
// in a word with a digit, and a capitalised run broken only by
// HyphenateNames, except in German.
func TestMinimaHonoured(t *testing.T) {
	for _, id := range Languages() {
		h := newFor(t, id)
		left, right := h.MinFragments()
		words := patternWords(t, h.lang)
		for _, c := range []struct{ lang, file string }{{"en-us", "en-words.txt"}, {"en-gb", "en-words.txt"}, {"de-1901", "de-words.txt"}, {"de-1996", "de-words.txt"}, {"fr", "fr-words.txt"}, {"ru", "ru-words.txt"}} {
			if c.lang == id {
				words = append(words, textWords(t, c.file)...)
			}
		}
		n, short := 0, 0
		for _, w := range words {
			runes := []rune(w)
			plain, names := h.Breaks(w)
			for _, list := range [][]int{plain, names} {
				for _, b := range list {
					n++
					if IsExplicitHyphen(runes[b-1]) || runes[b-1] == SoftHyphen {
						continue
					}
					i, j := b, b
					for i > 0 && h.inWord(runes[i-1]) {
						i--
					}
					for j < len(runes) && h.inWord(runes[j]) {
						j++
					}
					if b-i < left || j-b < right {
						t.Errorf("%s: %q: break %q has %d letters before and %d after", id, w, marked(w, []int{b}), b-i, j-b)
					}
					if b-i == left || j-b == right {
						short++
					}
					if strings.ContainsFunc(w, unicode.IsDigit) {
						t.Errorf("%s: %q: hyphenated a word with digits", id, w)
					}
				}
			}
			for _, b := range names {
				if h.lang.capitalisedNouns || slices.Contains(plain, b) {
					t.Errorf("%s: %q: HyphenateNames break %d", id, w, b)
				}
			}
		}
		// The minima are reached, not only kept: else a test of them
		// would tell nothing.
		if n < 50 || short == 0 {
			t.Errorf("%s: %d breaks, %d at the minimum: too few to tell", id, n, short)
		}
	}
}

// TestTrieMatchesReference checks the trie against the plain reading of
// Liang's rule: for every word of the lists in testdata and every word
// made of two patterns of the language's own file, the values found by
// walking the trie equal those of every pattern that occurs in ".word.",
// found by looking up each of its substrings in a map of the patterns.
func TestTrieMatchesReference(t *testing.T) {
	for i := range langs {
		l := &langs[i]
		h := newFor(t, l.id)
		ref := readReference(t, l)
		if h.p.trie.count != len(ref.patterns) {
			t.Errorf("%s: the trie holds %d patterns, the files %d", l.id, h.p.trie.count, len(ref.patterns))
		}
		if len(h.p.exceptions) != len(ref.exceptions) {
			t.Errorf("%s: %d exceptions parsed, the files have %d", l.id, len(h.p.exceptions), len(ref.exceptions))
		}
		words := patternWords(t, l)
		for _, c := range []struct{ lang, file string }{{"en-us", "en-words.txt"}, {"de-1996", "de-words.txt"}, {"fr", "fr-words.txt"}, {"ru", "ru-words.txt"}} {
			if c.lang == l.id {
				for _, w := range textWords(t, c.file) {
					words = append(words, strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return h.p.alpha.label(r) <= dotLabel })...)
				}
			}
		}
		checked := 0
		for _, w := range words {
			dotted := []uint8{dotLabel}
			for _, r := range w {
				dotted = append(dotted, h.p.alpha.label(r))
			}
			dotted = append(dotted, dotLabel)
			if slices.Contains(dotted, 0) {
				continue
			}
			got := make([]uint8, len(dotted)+1)
			h.p.trie.apply(dotted, got)
			if want := ref.values(w); !slices.Equal(got, want) {
				t.Errorf("%s: %q: trie values %v, patterns %v", l.id, w, got, want)
			}
			checked++
		}
		if checked < len(ref.patterns)/2 {
			t.Errorf("%s: only %d words checked", l.id, checked)
		}
	}
}

// TestExceptionsOverridePatterns checks the three sources of breaks in
// order: a document's exceptions, then the shipped lists, then the
// patterns.
func TestExceptionsOverridePatterns(t *testing.T) {
	// The shipped lists override the patterns.
	for _, c := range []struct{ tag, word, list string }{
		{"nl", "beschermengel", "be·scherm·en·gel"},
		{"pl", "przynajmniej", "przy·naj·mniej"},
		{"en-GB", "university", "uni·ver·sity"},
		{"en", "hyphenation", "hy·phen·a·tion"},
	} {
		h := newFor(t, c.tag)
		ref := readReference(t, h.lang)
		left, right := h.MinFragments()
		byPatterns := marked(c.word, ref.breaks(c.word, left, right))
		if got := marked(c.word, h.Hyphenate(c.word)); got != c.list || byPatterns == c.list {
			t.Errorf("%s: %q = %q, list %q, patterns %q: the list must decide, and differ", c.tag, c.word, got, c.list, byPatterns)
		}
	}
	// A document's exceptions override both, may hold letters the
	// patterns do not, and keep the minima.
	for _, c := range []struct {
		tag        string
		exceptions []string
		word, want string
	}{
		{"en", []string{"hy-phe-na-tion"}, "hyphenation", "hy·phe·na·tion"},
		{"en", []string{"table"}, "table", "table"},
		{"en", []string{"na-ïve-ty"}, "naïvety", "na·ïvety"}, // -ty: fewer than 3 letters after
		{"de", []string{"Ge-fängnis"}, "Gefängnis", "Ge·fängnis"},
		{"nl", []string{"bescherm-engel"}, "beschermengel", "bescherm·engel"},
		{"fr", []string{"Ré-publique"}, "république", "Ré·publique"},
		{"el", []string{"ΝΟ-ΜΟΣ"}, "νομος", "νο·μος"}, // the capital sigma lowered to final ς
	} {
		h := newFor(t, c.tag).WithExceptions(c.exceptions)
		word := c.word
		if strings.HasPrefix(c.want, "Ré") {
			word = "République" // a capitalised word: a name outside German
			if got := marked(word, h.HyphenateNames(word)); got != c.want {
				t.Errorf("%s %v: HyphenateNames(%q) = %q, want %q", c.tag, c.exceptions, word, got, c.want)
			}
			continue
		}
		if got := marked(word, h.Hyphenate(word)); got != c.want {
			t.Errorf("%s %v: Hyphenate(%q) = %q, want %q", c.tag, c.exceptions, word, got, c.want)
		}
	}
	// WithExceptions leaves the hyphenator it was called on alone.
	h := newFor(t, "en")
	_ = h.WithExceptions([]string{"hy-phe-na-tion"})
	if got := marked("hyphenation", h.Hyphenate("hyphenation")); got != "hy·phen·a·tion" {
		t.Errorf("WithExceptions changed its receiver: %q", got)
	}
}

// TestLower checks the lower-casing of exception words.
func TestLower(t *testing.T) {
	for in, want := range map[string]string{
		"Khrushchev": "khrushchev", "ǅemal": "ǆemal", "ΟΔΟΣ": "οδος", "ΟΔΟΣ’": "οδος’", "ΣΟΦΙΑ": "σοφια", "Σ": "σ",
		"ÉTÉ": "été", "ẞ": "ß", "already": "already",
	} {
		if got := lower(in); got != want {
			t.Errorf("lower(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestApostrophes checks that an apostrophe joins a word where the
// language's patterns spell words with it, and splits it elsewhere.
func TestApostrophes(t *testing.T) {
	fr := newFor(t, "fr")
	for _, w := range []string{"l’homme", "l'homme", "qu’aujourd’hui", "d'extraordinaires"} {
		straight := strings.ReplaceAll(w, "’", "'")
		curly := strings.ReplaceAll(w, "'", "’")
		if a, b := fr.Hyphenate(straight), fr.Hyphenate(curly); !slices.Equal(a, b) {
			t.Errorf("fr: %q %v but %q %v", straight, a, curly, b)
		}
	}
	// In "d'extraordinaires" the patterns see one word: no break right
	// after the apostrophe (2'2), and "d'ex" counts two letters before.
	if got := marked("d'extraordinaires", fr.Hyphenate("d'extraordinaires")); got != "d'ex·tra·or·di·naires" {
		t.Errorf("fr: d'extraordinaires = %q", got)
	}
	for _, c := range []struct{ tag, word string }{{"fr", "l’homme"}, {"it", "dell’anima"}, {"uk", "м’ясо"}, {"sq", "s’kemi"}, {"el", "απ’"}} {
		h := newFor(t, c.tag)
		for _, r := range c.word {
			if !unicode.IsLetter(r) && !h.inWord(r) {
				t.Errorf("%s: %q splits %q", c.tag, r, c.word)
			}
		}
	}
	if newFor(t, "en").inWord('’') || newFor(t, "de").inWord('\'') || newFor(t, "ru").inWord('-') {
		t.Error("an apostrophe or hyphen joins a word in English, German or Russian")
	}
}

// TestExplicitBreaks checks the breaks after dashes and soft hyphens,
// which are the same in every language.
func TestExplicitBreaks(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"re-examine", "re-·examine"},
		{"word—word", "word—·word"},
		{"x-ray", "x-ray"},
		{"ab-cde", "ab-·cde"},
		{"ab-cd", "ab-cd"}, // 3 letters must follow
		{"кое-как", "кое-·как"},
		{"ex\u00adam\u00adple", "ex\u00ad·am\u00ad·ple"},
		{"\u00adword", "\u00adword"},
		{"", ""},
	} {
		if got := marked(c.word, ExplicitBreaks(c.word)); got != c.want {
			t.Errorf("ExplicitBreaks(%q) = %q, want %q", c.word, got, c.want)
		}
	}
	// Hyphenate keeps them, and hyphenates the parts in their language.
	if got := marked("Marx-Engels-Gesamtausgabe", newFor(t, "de").Hyphenate("Marx-Engels-Gesamtausgabe")); got != "Marx-·En·gels-·Ge·samt·aus·ga·be" {
		t.Errorf("de: Marx-Engels-Gesamtausgabe = %q", got)
	}
}

// TestShortWordsSkipCache checks that the short cut for words too short to
// break gives what the full search gives.
func TestShortWordsSkipCache(t *testing.T) {
	for _, tag := range []string{"en", "el", "de"} {
		h := newFor(t, tag)
		for _, w := range []string{"", "a", "of", "the", "with", "a-b", "ab-c", "é", "naïf", "a\u00adb", "ab\u00adc", "x—y", "1960", "ελ", "και", "Ort"} {
			want := h.find(w)
			got := h.lookup(w)
			if !slices.Equal(got.plain, want.plain) || !slices.Equal(got.names, want.names) {
				t.Errorf("%s: %q: lookup %v %v, find %v %v", tag, w, got.plain, got.names, want.plain, want.names)
			}
		}
	}
}

// TestConcurrentUse hyphenates the same words from several goroutines, as
// parts of a book are composed in parallel (go test -race checks the
// locking), and compares with one goroutine's results.
func TestConcurrentUse(t *testing.T) {
	words := textWords(t, "fr-words.txt")[:2000]
	want := make([][]int, len(words))
	for i, w := range words {
		want[i] = newFor(t, "fr").Hyphenate(w)
	}
	h := newFor(t, "fr")
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range words {
				k := (i + g*500) % len(words)
				if got := h.Hyphenate(words[k]); !slices.Equal(got, want[k]) {
					t.Errorf("%q: %v, alone %v", words[k], got, want[k])
				}
			}
		})
	}
	wg.Wait()
}

// TestLazyLoading checks that looking up one language parses its files
// and no other's, once however often and from however many goroutines it
// is asked for.
func TestLazyLoading(t *testing.T) {
	r := newRegistry(patternFiles)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := r.hyphenator("fr"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if _, err := r.hyphenator("fr"); err != nil {
		t.Fatal(err)
	}
	for id, s := range r.sets {
		want := 0
		if id == "fr" {
			want = 1
		}
		if s.parses != want {
			t.Errorf("%s parsed %d times, want %d", id, s.parses, want)
		}
	}
	if _, err := r.load("xx"); !errors.Is(err, ErrUnknownLanguage) {
		t.Errorf("load(xx) = %v", err)
	}
}
