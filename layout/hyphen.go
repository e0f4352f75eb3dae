package layout

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Knuth's Plain TeX patterns for US English (Liang 1983), shipped unchanged:
// their terms allow copying the file only unmodified. See patterns/README.
//
//go:embed patterns/hyphen.tex
var hyphenTeX string

// The TUGboat hyphenation exception log for US English, unchanged.
//
//go:embed patterns/ushyphex.tex
var ushyphexTeX string

// Hyphenation minima: at least two letters before a break and three after,
// as TeX's \lefthyphenmin=2 and \righthyphenmin=3 for English.
const (
	leftHyphenMin  = 2
	rightHyphenMin = 3
)

// softHyphen marks an allowed break in the input (U+00AD).
const softHyphen = '\u00ad'

// Hyphenator finds the places where words may be hyphenated, with Frank
// Liang's algorithm ("Word Hy-phen-a-tion by Com-put-er", Stanford, 1983)
// over Knuth's hyphen.tex patterns, overridden by the exceptions of
// hyphen.tex itself and of the TUGboat list ushyphex.tex.
type Hyphenator struct {
	t *hyphenTables
	// extra are a document's own exceptions (WithExceptions), consulted
	// before the shared tables.
	extra map[string][]int

	mu    sync.Mutex
	cache map[hyphenKey][]int
}

type hyphenKey struct {
	word  string
	names bool
}

// WithExceptions returns a copy of h that also knows words, each written
// with its allowed breaks as hyphens, as in TeX's \hyphenation ("Khru-shchev",
// "manu-script"); they take precedence over the patterns and the shipped
// exceptions. A capitalised word listed here is still hyphenated only
// where HyphenateNames is used, as a last resort.
func (h *Hyphenator) WithExceptions(words []string) *Hyphenator {
	if len(words) == 0 {
		return h
	}
	t := &hyphenTables{exceptions: map[string][]int{}}
	for k, v := range h.extra {
		t.exceptions[k] = v
	}
	for _, w := range words {
		t.addException(w)
	}
	return &Hyphenator{t: h.t, extra: t.exceptions}
}

// hyphenTables are the parsed pattern files.
type hyphenTables struct {
	patterns   map[string][]uint8 // letters (with '.' for a word edge) → inter-letter values, len+1
	maxPattern int                // longest pattern, in letters
	// prefixes holds every proper prefix of a pattern, so that the search
	// from a letter stops as soon as no pattern can begin there: a
	// dictionary walk, as Liang's packed trie does.
	prefixes   map[string]bool
	exceptions map[string][]int // lower-case word → break positions in runes
}

var (
	tablesOnce sync.Once
	tables     *hyphenTables
)

// loadTables parses the embedded pattern files once, on first use. They are
// part of the binary, so a failure to parse them is a programming error.
func loadTables() *hyphenTables {
	tablesOnce.Do(func() {
		t := &hyphenTables{patterns: make(map[string][]uint8), exceptions: make(map[string][]int)}
		for _, src := range []struct{ name, text string }{{"hyphen.tex", hyphenTeX}, {"ushyphex.tex", ushyphexTeX}} {
			if err := t.parse(src.text); err != nil {
				panic(fmt.Sprintf("layout: patterns/%s: %v", src.name, err))
			}
		}
		tables = t
	})
	return tables
}

// parse reads the two TeX constructs the pattern files use:
// \patterns{...} and \hyphenation{...}, with % comments.
func (t *hyphenTables) parse(src string) error {
	var b strings.Builder
	for line := range strings.Lines(src) {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i] + "\n"
		}
		b.WriteString(line)
	}
	s := b.String()
	for {
		i := strings.IndexByte(s, '\\')
		if i < 0 {
			return nil
		}
		s = s[i+1:]
		open := strings.IndexByte(s, '{')
		if open < 0 {
			return fmt.Errorf("command without a group")
		}
		name := strings.TrimSpace(s[:open])
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			return fmt.Errorf(`\%s: missing "}"`, name)
		}
		body := s[open+1 : open+end]
		s = s[open+end+1:]
		switch name {
		case "patterns":
			for _, p := range strings.Fields(body) {
				t.addPattern(p)
			}
		case "hyphenation":
			for _, w := range strings.Fields(body) {
				t.addException(w)
			}
		default:
			return fmt.Errorf(`unknown command \%s`, name)
		}
	}
}

// addPattern stores a Liang pattern such as ".ach4" or "4b1ba": the letters
// as key, the digits as the values between them.
func (t *hyphenTables) addPattern(p string) {
	var letters []rune
	values := []uint8{0}
	for _, r := range p {
		if r >= '0' && r <= '9' {
			values[len(values)-1] = uint8(r - '0')
			continue
		}
		letters = append(letters, r)
		values = append(values, 0)
	}
	key := string(letters)
	t.patterns[key] = values
	t.maxPattern = max(t.maxPattern, len(letters))
	if t.prefixes == nil {
		t.prefixes = make(map[string]bool)
	}
	for i := 1; i < len(key); i++ {
		t.prefixes[key[:i]] = true
	}
}

// addException stores a word such as "as-so-ciate"; a word without hyphens
// ("present", "project") is never hyphenated.
func (t *hyphenTables) addException(w string) {
	var letters []rune
	var breaks []int
	for _, r := range w {
		if r == '-' {
			breaks = append(breaks, len(letters))
			continue
		}
		letters = append(letters, unicode.ToLower(r))
	}
	t.exceptions[string(letters)] = breaks
}

// NewHyphenator returns a hyphenator for US English. The pattern files are
// parsed once per process, on first use, and shared read-only, so
// hyphenators are cheap and safe for concurrent use.
func NewHyphenator() *Hyphenator {
	return &Hyphenator{t: loadTables()}
}

// isExplicitHyphen reports whether r is a dash after which a line may break
// without adding a hyphen: the hyphen-minus, the Unicode hyphen and the em
// dash, after which English usage allows a break.
func isExplicitHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '—'
}

// Hyphenate returns the positions, in runes of word, where a line may break:
// a break at i puts runes [0,i) on one line and [i,len) on the next. word is
// one space-free word as it stands in the text, punctuation included.
//
// If word contains soft hyphens (U+00AD) only they are used, as TeX ignores
// patterns in a word with discretionaries: a break follows each soft hyphen,
// which is then drawn as a hyphen. Otherwise a break follows every explicit
// hyphen or em dash between letters, with at least 2 letters before and 3
// after it (no hyphen is added there), and each run of letters between is hyphenated by the patterns,
// with at least 2 letters before and 3 after each break, unless the run has a
// capital (names, acronyms), a letter outside a–z (the patterns know no
// other), or the word has a digit.
func (h *Hyphenator) Hyphenate(word string) []int {
	return h.hyphenate(word, false)
}

// HyphenateNames returns the breaks that Hyphenate refuses in capitalised
// words: runs of letters made of one capital and lower-case letters a–z
// ("Khrushchev", "Relations" in a title), hyphenated by the patterns as if
// in lower case, with the same minima. Acronyms, words with a digit and
// words with soft hyphens give none. The line breaker uses them only as a
// last resort, when no setting within its tolerance exists: a name broken
// once is a smaller fault than a line of word spaces three times too wide
// (TeX itself hyphenates capitalised words unless \uchyph=0).
func (h *Hyphenator) HyphenateNames(word string) []int {
	runes := []rune(word)
	if _, soft := explicitBreaks(runes); soft || strings.ContainsFunc(word, unicode.IsDigit) {
		return nil
	}
	all := h.hyphenate(word, true)
	plain := map[int]bool{}
	for _, b := range h.hyphenate(word, false) {
		plain[b] = true
	}
	var out []int
	for _, b := range all {
		if !plain[b] {
			out = append(out, b)
		}
	}
	return out
}

// hyphenate is Hyphenate, also hyphenating capitalised runs when names is
// set.
func (h *Hyphenator) hyphenate(word string, names bool) []int {
	k := hyphenKey{word, names}
	h.mu.Lock()
	if b, ok := h.cache[k]; ok {
		h.mu.Unlock()
		return b
	}
	h.mu.Unlock()
	b := slices.Clip(h.hyphenateUncached(word, names)) // callers may append
	h.mu.Lock()
	if h.cache == nil {
		h.cache = map[hyphenKey][]int{}
	}
	h.cache[k] = b
	h.mu.Unlock()
	return b
}

func (h *Hyphenator) hyphenateUncached(word string, names bool) []int {
	runes := []rune(word)
	breaks, soft := explicitBreaks(runes)
	if soft {
		return breaks
	}
	if !strings.ContainsFunc(word, unicode.IsDigit) {
		for i := 0; i < len(runes); {
			if !unicode.IsLetter(runes[i]) {
				i++
				continue
			}
			j := i
			for j < len(runes) && unicode.IsLetter(runes[j]) {
				j++
			}
			run := runes[i:j]
			if names && unicode.IsUpper(run[0]) && len(run) > 1 {
				run = append([]rune{unicode.ToLower(run[0])}, run[1:]...)
			}
			for _, b := range h.hyphenateLetters(run) {
				breaks = append(breaks, i+b)
			}
			i = j
		}
	}
	sort.Ints(breaks)
	return breaks
}

// explicitBreaks returns the breaks a word allows without hyphenation, and
// whether they come from soft hyphens: after each soft hyphen if it has
// any; otherwise after each explicit hyphen or em dash with at least 2
// letters before it and 3 after it in the word (the same minima as for
// hyphenation, so that "x-ray" stays whole).
func explicitBreaks(runes []rune) (breaks []int, soft bool) {
	for i, r := range runes {
		if r == softHyphen {
			soft = true
			if i > 0 && i < len(runes)-1 {
				breaks = append(breaks, i+1)
			}
		}
	}
	if soft {
		return breaks, true
	}
	letters := func(rs []rune) int {
		n := 0
		for _, r := range rs {
			if unicode.IsLetter(r) {
				n++
			}
		}
		return n
	}
	for i := 1; i < len(runes)-1; i++ {
		if isExplicitHyphen(runes[i]) && unicode.IsLetter(runes[i-1]) && unicode.IsLetter(runes[i+1]) &&
			letters(runes[:i]) >= leftHyphenMin && letters(runes[i+1:]) >= rightHyphenMin {
			breaks = append(breaks, i+1)
		}
	}
	return breaks, false
}

// hyphenateLetters hyphenates one run of letters, returning positions within
// it, or nothing when the run must not be hyphenated.
func (h *Hyphenator) hyphenateLetters(run []rune) []int {
	if len(run) < leftHyphenMin+rightHyphenMin {
		return nil
	}
	for _, r := range run {
		if r < 'a' || r > 'z' {
			return nil // a capital (a name, an acronym) or a letter the patterns do not know
		}
	}
	word := string(run)
	var candidates []int
	if ex, ok := h.extra[word]; ok {
		candidates = ex
	} else if ex, ok := h.t.exceptions[word]; ok {
		candidates = ex
	} else {
		candidates = h.liang(word)
	}
	var breaks []int
	for _, b := range candidates {
		if b >= leftHyphenMin && b <= len(run)-rightHyphenMin {
			breaks = append(breaks, b)
		}
	}
	return breaks
}

// liang applies every pattern that matches a substring of ".word." and keeps
// the maximum value between each pair of letters: odd values allow a break,
// even ones forbid it (Liang 1983, ch. 2).
func (h *Hyphenator) liang(word string) []int {
	w := "." + word + "." // ASCII only: bytes are runes
	values := make([]uint8, len(w)+1)
	for i := 0; i < len(w); i++ {
		for j := i + 1; j <= len(w) && j-i <= h.t.maxPattern; j++ {
			p, ok := h.t.patterns[w[i:j]]
			if !ok {
				if !h.t.prefixes[w[i:j]] {
					break // no longer pattern starts with w[i:j]
				}
				continue
			}
			for k, v := range p {
				values[i+k] = max(values[i+k], v)
			}
		}
	}
	// values[k] lies before w[k]; a break before word[b] is before w[b+1].
	var breaks []int
	for b := 1; b < len(word); b++ {
		if values[b+1]%2 == 1 {
			breaks = append(breaks, b)
		}
	}
	return breaks
}
