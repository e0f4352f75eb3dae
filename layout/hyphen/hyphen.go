// Package hyphen finds where words may be hyphenated, in many languages,
// with Frank M. Liang's algorithm ("Word Hy-phen-a-tion by Com-put-er",
// Stanford, 1983) over the patterns TeX uses: Knuth's hyphen.tex with the
// TUGboat exception list for US English, and for the other languages the
// patterns of the hyph-utf8 project (hyphenation.org; Mojca Miklavec and
// Arthur Reutenauer, "Putting the Cork back in the bottle — Improving
// Unicode support in TeX", TUGboat 29, 2008), as TeX Live ships them. Each language's files are parsed on its
// first use only, and its minimum fragments are TeX's \lefthyphenmin and
// \righthyphenmin for it. Languages without patterns here are refused,
// never hyphenated with another language's.
package hyphen

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SoftHyphen marks an allowed break in the input (U+00AD).
const SoftHyphen = '\u00ad'

// Hyphenator finds the places where words of one language may be
// hyphenated. It is safe for concurrent use: the tables are shared
// read-only, and the per-word cache is locked.
type Hyphenator struct {
	lang *lang
	p    *patterns
	// shortWord is the length in bytes under which a word has no break
	// but after a soft hyphen: the minima's sum.
	shortWord int
	// extra are a document's own exceptions (WithExceptions), consulted
	// before the shipped ones.
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

// New returns a hyphenator for the language of tag, a BCP 47 tag (see
// Match). The language's pattern files are parsed on the first New for
// it, once per process, and shared, so hyphenators are cheap. A language
// without patterns gives an error that wraps ErrUnknownLanguage.
func New(tag string) (*Hyphenator, error) {
	id, err := Match(tag)
	if err != nil {
		return nil, err
	}
	return shipped.hyphenator(id)
}

// hyphenator returns a hyphenator over the registry's set id.
func (r *registry) hyphenator(id string) (*Hyphenator, error) {
	p, err := r.load(id)
	if err != nil {
		return nil, fmt.Errorf("hyphenation patterns %s: %w", id, err)
	}
	l := r.sets[id].lang
	return &Hyphenator{lang: l, p: p, shortWord: l.left + l.right}, nil
}

// Language returns the name of h's pattern set, such as "en-us" or
// "de-1996" (one of Languages).
func (h *Hyphenator) Language() string { return h.lang.id }

// MinFragments returns the fewest letters h leaves before and after a
// break made by the patterns: TeX's \lefthyphenmin and \righthyphenmin
// for the language.
func (h *Hyphenator) MinFragments() (left, right int) { return h.lang.left, h.lang.right }

// WithExceptions returns a copy of h that also knows words, each written
// with its allowed breaks as hyphens, as in TeX's \hyphenation ("Khru-shchev",
// "manu-script"); they take precedence over the patterns and the shipped
// exceptions, and may hold letters the patterns do not. A capitalised word
// listed here is still hyphenated only where HyphenateNames is used, as a
// last resort, in languages that do not capitalise nouns.
func (h *Hyphenator) WithExceptions(words []string) *Hyphenator {
	if len(words) == 0 {
		return h
	}
	extra := make(map[string][]int, len(h.extra)+len(words))
	for k, v := range h.extra {
		extra[k] = v
	}
	for _, w := range words {
		addException(extra, w)
	}
	return &Hyphenator{lang: h.lang, p: h.p, shortWord: h.shortWord, extra: extra}
}

// IsExplicitHyphen reports whether r is a dash after which a line may
// break without adding a hyphen: the hyphen-minus, the Unicode hyphen and
// the em dash, after which English usage allows a break.
func IsExplicitHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '—'
}

// Hyphenate returns the positions, in runes of word, where a line may break:
// a break at i puts runes [0,i) on one line and [i,len) on the next. word is
// one space-free word as it stands in the text, punctuation included.
//
// If word contains soft hyphens (U+00AD) only they are used, as TeX ignores
// patterns in a word with discretionaries: a break follows each soft
// hyphen, which is then drawn as a hyphen. Otherwise a break follows every
// explicit hyphen or em dash as ExplicitBreaks says (no hyphen is added
// there), and each run of letters between is hyphenated by the patterns,
// with at least MinFragments letters before and after each break, unless
// the word has a digit, or the run has a letter the patterns do not know
// (in English "naïve"), a capital after its first letter (acronyms,
// "McCarthy"), or, except in German, a capital first letter (names: see
// HyphenateNames). The run's apostrophes count as letters where the
// language's patterns spell words with them (French "l’homme").
func (h *Hyphenator) Hyphenate(word string) []int {
	return h.lookup(word).plain
}

// HyphenateNames returns the breaks that Hyphenate refuses in capitalised
// words: runs of letters made of one capital and lower-case letters
// ("Khrushchev", "Relations" in a title), hyphenated by the patterns as if
// in lower case, with the same minima. Acronyms, words with a digit and
// words with soft hyphens give none, and so does German, where Hyphenate
// takes capitalised words. The line breaker uses them only as a last
// resort, when no setting within its tolerance exists: a name broken once
// is a smaller fault than a line of word spaces three times too wide (TeX
// itself hyphenates capitalised words unless \uchyph=0).
func (h *Hyphenator) HyphenateNames(word string) []int {
	return h.lookup(word).names
}

// Breaks returns both Hyphenate's and HyphenateNames' breaks of word, with
// one look-up: two sorted lists that never share a position. The slices
// are shared: callers must not change them.
func (h *Hyphenator) Breaks(word string) (plain, names []int) {
	wb := h.lookup(word)
	return wb.plain, wb.names
}

// lookup returns word's breaks from the cache, finding them on first use.
// The slices are shared: callers must not change them, and may append to
// them only because they are clipped (appending copies).
func (h *Hyphenator) lookup(word string) wordBreaks {
	// A word of fewer bytes (so fewer runes) than the minima allow has
	// no break, except after a soft hyphen (an explicit hyphen needs more
	// letters still). Half the words of English prose are that short, and
	// need no lock or look-up.
	if len(word) < h.shortWord && !strings.ContainsRune(word, SoftHyphen) {
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
// it is all lower case, or with its capital lowered: for Hyphenate in
// German, for HyphenateNames elsewhere.
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
		if !h.inWord(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && h.inWord(runes[j]) {
			j++
		}
		run := runes[i:j]
		switch {
		case !isCapital(run[0]) || len(run) == 1:
			plain = h.appendRunBreaks(plain, i, run, false)
		case h.lang.capitalisedNouns:
			plain = h.appendRunBreaks(plain, i, run, true)
		default:
			// Hyphenate refuses a capital; HyphenateNames tries the
			// run in lower case.
			names = h.appendRunBreaks(names, i, run, true)
		}
		i = j
	}
	slices.Sort(plain) // explicit breaks and the runs' breaks interleave
	return wordBreaks{plain: slices.Clip(plain), names: slices.Clip(names)}
}

// inWord reports whether r belongs to a run of letters: a letter, a
// combining mark (which must stay with its letter), or a character the
// language's patterns spell words with (an apostrophe).
func (h *Hyphenator) inWord(r rune) bool {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return true
		}
		return r == '\'' && h.p.alpha.joins(r)
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || h.p.alpha.joins(r)
}

// isCapital reports whether r is a capital: upper or title case.
func isCapital(r rune) bool { return unicode.IsUpper(r) || unicode.IsTitle(r) }

// ExplicitBreaks returns the breaks a word allows without hyphenation, in
// runes as Hyphenate's: after each soft hyphen if it has any; otherwise
// after each explicit hyphen or em dash with at least 2 letters before it
// and 3 after it in the word, whatever the language (so that "x-ray" stays
// whole), the minima bindery has always kept for English. It is what a
// line breaker uses where it does not hyphenate.
func ExplicitBreaks(word string) []int {
	var buf [maxStackWord]rune
	runes := buf[:0]
	for _, r := range word {
		runes = append(runes, r)
	}
	breaks, _ := explicitBreaks(runes)
	return breaks
}

// Minima around an explicit hyphen (see ExplicitBreaks).
const (
	explicitLeftMin  = 2
	explicitRightMin = 3
)

// explicitBreaks is ExplicitBreaks over runes, and reports whether the
// breaks come from soft hyphens.
func explicitBreaks(runes []rune) (breaks []int, soft bool) {
	for i, r := range runes {
		if r == SoftHyphen {
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
		if i > 0 && IsExplicitHyphen(runes[i]) && unicode.IsLetter(runes[i-1]) && unicode.IsLetter(runes[i+1]) &&
			before >= explicitLeftMin && letters-before >= explicitRightMin {
			breaks = append(breaks, i+1)
		}
		if unicode.IsLetter(runes[i]) {
			before++
		}
	}
	return breaks, false
}

// appendRunBreaks hyphenates one run of letters that starts at rune
// offset of its word and appends the breaks, as offsets in the word, to
// dst; it appends nothing when the run must not be hyphenated. With
// lowerFirst the run's first letter is taken in lower case (a capital).
func (h *Hyphenator) appendRunBreaks(dst []int, offset int, run []rune, lowerFirst bool) []int {
	left, right := h.lang.left, h.lang.right
	if len(run) < left+right {
		return dst
	}
	// The run in lower case as the exception lists spell it, and as the
	// patterns' labels between word-edge dots; a letter the patterns do
	// not know (a capital inside the run, "naïve" in English) leaves the
	// run to the exceptions alone.
	var kbuf [4 * maxStackWord]byte
	key := kbuf[:0]
	var lbuf [maxStackWord + 2]uint8
	dotted := append(lbuf[:0], dotLabel)
	known := true
	for k, r := range run {
		if k == 0 && lowerFirst {
			r = unicode.ToLower(r)
		}
		if r < utf8.RuneSelf {
			key = append(key, byte(r))
		} else {
			key = utf8.AppendRune(key, r)
		}
		l := h.p.alpha.label(r)
		known = known && l > dotLabel
		dotted = append(dotted, l)
	}
	dotted = append(dotted, dotLabel)
	keep := func(b int) bool { return b >= left && b <= len(run)-right }
	// A document's exceptions first, then the shipped ones (the map
	// look-ups with string(key) do not allocate).
	ex, ok := h.extra[string(key)]
	if !ok {
		ex, ok = h.p.exceptions[string(key)]
	}
	if ok {
		for _, b := range ex {
			if keep(b) {
				dst = append(dst, offset+b)
			}
		}
		return dst
	}
	if !known {
		return dst
	}
	var vbuf [maxStackWord + 3]uint8
	values := vbuf[:0]
	if len(dotted)+1 > cap(values) {
		values = make([]uint8, 0, len(dotted)+1)
	}
	values = values[:len(dotted)+1]
	h.p.trie.apply(dotted, values)
	// values[k] lies before dotted[k]; a break before run[b] is before
	// dotted[b+1]. Odd values allow a break (Liang 1983, ch. 2).
	for b := left; b <= len(run)-right; b++ {
		if values[b+1]%2 == 1 {
			dst = append(dst, offset+b)
		}
	}
	return dst
}
