package linebreak

import (
	_ "embed"
	"fmt"
	"math"
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
	cache map[string]wordBreaks // by word as it stands in the text
}

// wordBreaks are one word's breaks for Hyphenate and for HyphenateNames,
// found together in one pass over the word and cached together, as the
// line breaker asks for both.
type wordBreaks struct {
	plain []int // Hyphenate's
	names []int // HyphenateNames'
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
	patterns   hyphenTrie
	exceptions map[string][]int // lower-case word → break positions in runes

	// Scratch space for parsing: the letters of the pattern being read,
	// and the values of the patterns read so far (the trie's values are
	// slices of it).
	letters []byte
	values  []uint8
}

// hyphenTrie holds Liang's patterns as a trie over the letters a–z and the
// word edge '.', the structure Liang's own program packs (Liang 1983,
// ch. 3): the search from one letter of a word walks down it letter by
// letter and stops as soon as no pattern continues, without building a
// string per substring. Node 0 is the root; child c of node n is
// next[n*trieLetters+c], 0 when there is none (the root is nobody's child).
// Node numbers are 16 bits, which keeps the table at 27 × 2 bytes a node
// (384 kB for hyphen.tex).
type hyphenTrie struct {
	next   []uint16
	values [][]uint8 // per node: the inter-letter values of the pattern ending there, len+1, or nil
	count  int       // patterns stored (the tests check it against the files)
}

// trieLetters is the alphabet of the patterns: '.' and a–z.
const trieLetters = 27

// trieIndex returns c's place in the trie's alphabet, or -1 for a byte the
// patterns do not use.
func trieIndex(c byte) int {
	switch {
	case c == '.':
		return 0
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 1
	}
	return -1
}

// reserve makes room for n more nodes, so that the table is not copied as
// it grows.
func (t *hyphenTrie) reserve(n int) {
	t.init()
	t.next = slices.Grow(t.next, n*trieLetters)
	t.values = slices.Grow(t.values, n)
}

// init makes the root.
func (t *hyphenTrie) init() {
	if len(t.next) == 0 {
		t.next = make([]uint16, trieLetters)
		t.values = make([][]uint8, 1)
	}
}

// add stores a pattern's letters and values, replacing an earlier pattern
// of the same letters as the map it replaces did.
func (t *hyphenTrie) add(letters []byte, values []uint8) error {
	t.init()
	n := 0
	for _, c := range letters {
		k := trieIndex(c)
		if k < 0 {
			return fmt.Errorf("pattern letter %q outside a–z", c)
		}
		child := int(t.next[n*trieLetters+k])
		if child == 0 {
			child = len(t.values)
			if child > math.MaxUint16 {
				return fmt.Errorf("more than %d trie nodes", math.MaxUint16)
			}
			t.next[n*trieLetters+k] = uint16(child)
			t.next = append(t.next, make([]uint16, trieLetters)...)
			t.values = append(t.values, nil)
		}
		n = child
	}
	if t.values[n] == nil {
		t.count++
	}
	t.values[n] = values
	return nil
}

var (
	tablesOnce sync.Once
	tables     *hyphenTables
)

// loadTables parses the embedded pattern files once, on first use. They are
// part of the binary, so a failure to parse them is a programming error.
func loadTables() *hyphenTables {
	tablesOnce.Do(func() {
		t := &hyphenTables{exceptions: make(map[string][]int, 2048)} // 1766 words
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
	b.Grow(len(src))
	for line := range strings.Lines(src) {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			b.WriteString(line[:i])
			b.WriteByte('\n')
			continue
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
			ps := strings.Fields(body)
			t.patterns.reserve(2 * len(ps)) // hyphen.tex's 4447 patterns make 7112 nodes
			t.values = slices.Grow(t.values, len(body))
			for _, p := range ps {
				if err := t.addPattern(p); err != nil {
					return err
				}
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
func (t *hyphenTables) addPattern(p string) error {
	// The values of all patterns share one array, and the letters one
	// scratch buffer: thousands of patterns are read per process.
	letters := t.letters[:0]
	start := len(t.values)
	t.values = append(t.values, 0)
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= '0' && c <= '9' {
			t.values[len(t.values)-1] = c - '0'
			continue
		}
		letters = append(letters, c)
		t.values = append(t.values, 0)
	}
	t.letters = letters
	values := t.values[start:len(t.values):len(t.values)]
	if err := t.patterns.add(letters, values); err != nil {
		return fmt.Errorf("pattern %q: %w", p, err)
	}
	return nil
}

// addException stores a word such as "as-so-ciate"; a word without hyphens
// ("present", "project") is never hyphenated.
func (t *hyphenTables) addException(w string) {
	var b strings.Builder
	b.Grow(len(w))
	var breaks []int
	n := 0 // letters so far
	for _, r := range w {
		if r == '-' {
			breaks = append(breaks, n)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
		n++
	}
	t.exceptions[b.String()] = breaks
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
	return h.lookup(word).plain
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
	return h.lookup(word).names
}

// lookup returns word's breaks from the cache, finding them on first use.
// The slices are shared: callers must not change them, and may append to
// them only because they are clipped (appending copies).
func (h *Hyphenator) lookup(word string) wordBreaks {
	// A word of fewer than 5 bytes (so fewer than 5 runes) has none: a
	// break needs 2 letters before it and 3 after, except after a soft
	// hyphen. Half the words
	// of English prose are that short, and need no lock or look-up.
	if len(word) < leftHyphenMin+rightHyphenMin && !strings.ContainsRune(word, softHyphen) {
		return wordBreaks{}
	}
	h.mu.Lock()
	wb, ok := h.cache[word]
	h.mu.Unlock()
	if ok {
		return wb
	}
	wb = h.find(word)
	h.mu.Lock()
	if h.cache == nil {
		// Room for the distinct words of a short book (the open letter
		// has about 2,000 of five letters or more), so that the map does
		// not grow step by step.
		h.cache = make(map[string]wordBreaks, 2048)
	}
	h.cache[word] = wb
	h.mu.Unlock()
	return wb
}

// maxStackWord is the length in runes up to which a word is hyphenated
// without allocating scratch space: longer words work the same, on the
// heap.
const maxStackWord = 48

// find computes word's breaks for both Hyphenate and HyphenateNames in one
// pass: each run of letters is hyphenated once, as typed for Hyphenate if
// it is all lower case, or with its capital lowered for HyphenateNames if
// it is capitalised.
func (h *Hyphenator) find(word string) wordBreaks {
	var buf [maxStackWord]rune
	runes := buf[:0]
	digit := false
	for _, r := range word {
		runes = append(runes, r)
		digit = digit || unicode.IsDigit(r)
	}
	plain, soft := explicitBreaks(runes)
	if soft || digit {
		return wordBreaks{plain: slices.Clip(plain)}
	}
	var names []int
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
		if unicode.IsUpper(run[0]) && len(run) > 1 {
			// Hyphenate refuses a capital; HyphenateNames tries the
			// run in lower case.
			names = h.appendLetterBreaks(names, i, run, true)
		} else {
			plain = h.appendLetterBreaks(plain, i, run, false)
		}
		i = j
	}
	sort.Ints(plain) // explicit breaks and the runs' breaks interleave
	return wordBreaks{plain: slices.Clip(plain), names: slices.Clip(names)}
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
	letters := 0
	for _, r := range runes {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	before := 0 // letters in runes[:i]; the dash itself is no letter, so letters-before follow it
	for i := 0; i < len(runes)-1; i++ {
		if i > 0 && isExplicitHyphen(runes[i]) && unicode.IsLetter(runes[i-1]) && unicode.IsLetter(runes[i+1]) &&
			before >= leftHyphenMin && letters-before >= rightHyphenMin {
			breaks = append(breaks, i+1)
		}
		if unicode.IsLetter(runes[i]) {
			before++
		}
	}
	return breaks, false
}

// explicitBreaksIn is explicitBreaks for a word given as a string.
func explicitBreaksIn(word string) []int {
	var buf [maxStackWord]rune
	runes := buf[:0]
	for _, r := range word {
		runes = append(runes, r)
	}
	breaks, _ := explicitBreaks(runes)
	return breaks
}

// appendLetterBreaks hyphenates one run of letters that starts at rune
// offset of its word and appends the breaks, as offsets in the word, to
// dst; it appends nothing when the run must not be hyphenated. With
// lowerFirst the run's first letter is taken in lower case (a name).
func (h *Hyphenator) appendLetterBreaks(dst []int, offset int, run []rune, lowerFirst bool) []int {
	if len(run) < leftHyphenMin+rightHyphenMin {
		return dst
	}
	// The run between word-edge dots, as the patterns spell words: ASCII
	// only, so one byte a letter.
	var buf [maxStackWord + 2]byte
	dotted := append(buf[:0], '.')
	for k, r := range run {
		if k == 0 && lowerFirst {
			r = unicode.ToLower(r)
		}
		if r < 'a' || r > 'z' {
			return dst // a capital (a name, an acronym) or a letter the patterns do not know
		}
		dotted = append(dotted, byte(r))
	}
	dotted = append(dotted, '.')
	letters := dotted[1 : len(dotted)-1]
	keep := func(b int) bool { return b >= leftHyphenMin && b <= len(run)-rightHyphenMin }
	// A document's exceptions first, then the shipped ones (the map
	// look-ups with string(letters) do not allocate).
	ex, ok := h.extra[string(letters)]
	if !ok {
		ex, ok = h.t.exceptions[string(letters)]
	}
	if ok {
		for _, b := range ex {
			if keep(b) {
				dst = append(dst, offset+b)
			}
		}
		return dst
	}
	var vbuf [maxStackWord + 3]uint8
	values := vbuf[:0]
	if len(dotted)+1 > cap(values) {
		values = make([]uint8, 0, len(dotted)+1)
	}
	values = values[:len(dotted)+1]
	h.t.patterns.apply(dotted, values)
	// values[k] lies before dotted[k]; a break before letters[b] is
	// before dotted[b+1]. Odd values allow a break (Liang 1983, ch. 2).
	for b := leftHyphenMin; b <= len(run)-rightHyphenMin; b++ {
		if values[b+1]%2 == 1 {
			dst = append(dst, offset+b)
		}
	}
	return dst
}

// apply applies every pattern that matches a substring of dotted (a word
// between '.' edges, in a–z) and keeps in values, len(dotted)+1 of them
// and zero on entry, the maximum value between each pair of letters
// (Liang 1983, ch. 2): values[k] lies before dotted[k]. From each letter
// the trie is walked down the word for as long as some pattern continues.
func (t *hyphenTrie) apply(dotted []byte, values []uint8) {
	for i := range dotted {
		n := 0
		for j := i; j < len(dotted); j++ {
			k := trieIndex(dotted[j])
			if k < 0 {
				break
			}
			n = int(t.next[n*trieLetters+k])
			if n == 0 {
				break // no pattern starts with dotted[i:j+1]
			}
			for m, v := range t.values[n] {
				values[i+m] = max(values[i+m], v)
			}
		}
	}
}
