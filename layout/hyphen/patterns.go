package hyphen

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// patterns are one language's parsed files: Liang's patterns in a trie
// over the language's alphabet, and the words hyphenated by hand that
// override them (TeX's \hyphenation).
type patterns struct {
	alpha      alphabet
	trie       trie
	exceptions map[string][]int // lower-case word → break positions in runes
}

// alphabet numbers the characters that occur in a language's patterns: the
// trie's labels. Label 0 means "not in the patterns", dotLabel is the word
// edge '.', and the letters follow in the order the files first use them,
// so that the numbering is the same in every run.
type alphabet struct {
	labels  []uint8 // by rune, up to the greatest in the patterns (8 kB for Greek's U+2019): its label, or 0
	letters []rune  // by label: its rune
	// joiners are the characters of the patterns that are no letters but
	// belong to words all the same: apostrophes, to which the language's
	// loader gives a \lccode (loadhyph-fr.tex: \lccode`\'=`\'), so that
	// "l’homme" is one word to the patterns.
	joiners []rune
}

// dotLabel is the label of '.', the word edge of every pattern file.
const dotLabel = 1

// label returns r's label, or 0 when the patterns do not use r.
func (a *alphabet) label(r rune) uint8 {
	if uint(r) < uint(len(a.labels)) {
		return a.labels[r]
	}
	return 0
}

// add returns r's label, numbering r if it is new.
func (a *alphabet) add(r rune) (uint8, error) {
	if l := a.label(r); l != 0 {
		return l, nil
	}
	if len(a.letters) == 0 {
		a.letters = []rune{0, '.'}
		a.labels = make([]uint8, '.'+1)
		a.labels['.'] = dotLabel
		if r == '.' {
			return dotLabel, nil
		}
	}
	if len(a.letters) > 255 {
		return 0, fmt.Errorf("more than 255 characters in the patterns")
	}
	if int(r) >= len(a.labels) {
		a.labels = append(a.labels, make([]uint8, int(r)+1-len(a.labels))...)
	}
	l := uint8(len(a.letters))
	a.labels[r] = l
	a.letters = append(a.letters, r)
	// A hyphen in the patterns (hyph-ru, hyph-uk and hyph-pt give '-' a
	// \lccode) never joins: an explicit hyphen always splits a word here
	// (see ExplicitBreaks), so the patterns that use it never match.
	if !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '.' && !IsExplicitHyphen(r) {
		a.joiners = append(a.joiners, r)
	}
	return l, nil
}

// joins reports whether r belongs to a word though it is no letter.
func (a *alphabet) joins(r rune) bool {
	return slices.Contains(a.joiners, r)
}

// trie holds Liang's patterns as a double-array trie (Aoe, "An Efficient
// Digital Search Algorithm by Using a Double-Array Structure", IEEE
// Transactions on Software Engineering 15, 1989): the child of state s
// with label c is the cell t = cells[s].base + c if cells[t].check == s.
// As in the table Liang's own program packs (Liang 1983, ch. 3), one step
// down a word is one indexed load, whatever the size of the alphabet, and
// the table stays small: German's 36,709 patterns take 58,147 cells of 12
// bytes (0.7 MB), where a table of 45 labels a state would take 10 MB.
// State 0 is the root.
type trie struct {
	cells []cell
	ops   []op // the values of the patterns, a run per pattern
	count int  // distinct patterns stored (the tests check it against the files)
}

// cell is one state of the trie.
type cell struct {
	base  int32  // the children are at base+label
	check int32  // the parent state; freeCell when the cell is unused
	ops   uint32 // ops[ops>>8:][:ops&0xff] are the values of the pattern ending here
}

// freeCell marks an unused cell; the root is marked rootCell, so that no
// lookup ever takes it for a child.
const (
	freeCell = -1
	rootCell = -2
)

// op is one non-zero value of a pattern and its place: value val between
// the pattern's letters pos-1 and pos. Only these are kept, as TeX keeps
// them in its trie ops (TeX: The Program, parts 42–43), since most values
// of a pattern are 0.
type op struct{ pos, val uint8 }

// apply applies every pattern that matches a substring of word (labels
// between dotLabel edges) and keeps in values, len(word)+1 of them and
// zero on entry, the greatest value between each pair of letters (Liang
// 1983, ch. 2): values[k] lies before word[k]. From each letter the trie
// is walked down the word for as long as some pattern continues.
func (t *trie) apply(word []uint8, values []uint8) {
	cells, ops := t.cells, t.ops
	root := cells[0].base
	for i := range word {
		s, base := int32(0), root
		for _, l := range word[i:] {
			next := base + int32(l)
			c := &cells[next]
			if c.check != s {
				break // no pattern starts with word[i:j+1]
			}
			if c.ops != 0 {
				for _, o := range ops[c.ops>>8:][:c.ops&0xff] {
					if v := &values[i+int(o.pos)]; o.val > *v {
						*v = o.val
					}
				}
			}
			s, base = next, c.base
		}
	}
}

// builder collects a language's patterns and exceptions as the files are
// read, and builds the trie at the end.
type builder struct {
	p      *patterns
	keys   []patternKey
	labels []uint8 // the letters of all patterns; the keys are slices of it
	ops    []op

	// The double array under construction: nextCheck is where the search
	// for a free cell starts (the cells before it are nearly all taken).
	cells     []cell
	nextCheck int
	scratch   [][]uint8 // per depth: the labels of a state's children
	sorted    []uint32  // room for a counting sort of the keys
	counts    []int32   // by label: keys, then where they go in sorted

	exceptions []string // as written in the files, stored at the end in a map of the right size
}

// patternKey is one pattern: its letters and values, by offsets into the
// builder's shared slices (thousands of patterns make no allocation each).
type patternKey struct {
	lo, hi   uint32 // labels[lo:hi]
	opLo     uint32 // ops[opLo:][:opN]
	opN      uint8
	sequence uint32 // order in the files: a later pattern replaces an earlier one of the same letters
}

func newBuilder() *builder {
	return &builder{p: &patterns{}}
}

// addPatterns reads a hyph-utf8 pattern file (hyph-XX.pat.txt): patterns
// separated by white space, such as ".ach4" or "4b1ba".
func (b *builder) addPatterns(text string) error {
	// Room for the patterns of a file of this size, so that the slices
	// are not copied as they grow: a pattern takes 5 to 10 bytes.
	b.keys = slices.Grow(b.keys, len(text)/5)
	b.labels = slices.Grow(b.labels, len(text))
	b.ops = slices.Grow(b.ops, len(text)/2)
	for p := range strings.FieldsSeq(text) {
		if err := b.addPattern(p); err != nil {
			return err
		}
	}
	return nil
}

// addExceptions reads a hyph-utf8 exception file (hyph-XX.hyp.txt): words
// separated by white space, with their breaks as hyphens.
func (b *builder) addExceptions(text string) {
	for w := range strings.FieldsSeq(text) {
		b.exceptions = append(b.exceptions, w)
	}
}

// addTeX reads the two TeX constructs of Knuth's hyphen.tex and the
// TUGboat list ushyphex.tex: \patterns{...} and \hyphenation{...}, with %
// comments.
func (b *builder) addTeX(src string) error {
	var sb strings.Builder
	sb.Grow(len(src))
	for line := range strings.Lines(src) {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			sb.WriteString(line[:i])
			sb.WriteByte('\n')
			continue
		}
		sb.WriteString(line)
	}
	s := sb.String()
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
			if err := b.addPatterns(body); err != nil {
				return err
			}
		case "hyphenation":
			b.addExceptions(body)
		default:
			return fmt.Errorf(`unknown command \%s`, name)
		}
	}
}

// maxPatternLetters bounds a pattern's length, so that its values (one
// more than its letters) are counted in a byte.
const maxPatternLetters = 254

// addPattern stores one Liang pattern: its letters as the key, its digits
// as the values between them.
func (b *builder) addPattern(p string) error {
	key := patternKey{lo: uint32(len(b.labels)), opLo: uint32(len(b.ops)), sequence: uint32(len(b.keys))}
	pos := 0 // letters so far: a digit here lies before letter pos
	for _, r := range p {
		if r >= '0' && r <= '9' {
			if r > '0' {
				b.ops = append(b.ops, op{pos: uint8(pos), val: uint8(r - '0')})
			}
			continue
		}
		l, err := b.p.alpha.add(r)
		if err != nil {
			return fmt.Errorf("pattern %q: %w", p, err)
		}
		b.labels = append(b.labels, l)
		pos++
	}
	if pos == 0 || pos > maxPatternLetters {
		return fmt.Errorf("pattern %q: %d letters", p, pos)
	}
	key.hi = uint32(len(b.labels))
	key.opN = uint8(len(b.ops) - int(key.opLo))
	b.keys = append(b.keys, key)
	return nil
}

// addException stores a word such as "as-so-ciate" in exceptions; a word
// without hyphens ("present", "project") is never hyphenated.
func addException(exceptions map[string][]int, w string) {
	word, breaks := splitException(w, nil, nil)
	exceptions[lower(string(word))] = breaks
}

// splitException appends the letters of w, an exception word, to letters,
// and its breaks, in runes, to breaks.
func splitException(w string, letters []byte, breaks []int) ([]byte, []int) {
	n := 0 // letters so far
	for _, r := range w {
		if r == '-' {
			breaks = append(breaks, n)
			continue
		}
		letters = utf8.AppendRune(letters, r)
		n++
	}
	return letters, breaks
}

// buildExceptions stores the exceptions read, with their words in one
// string and their breaks in one slice: a list of 1,766 words (ushyphex.tex)
// makes three allocations, not thousands.
func (b *builder) buildExceptions() {
	var letters []byte
	var breaks []int
	ends := make([][2]int, len(b.exceptions)) // each word's end in letters and in breaks
	for i, w := range b.exceptions {
		letters, breaks = splitException(w, letters, breaks)
		ends[i] = [2]int{len(letters), len(breaks)}
	}
	words := string(letters)
	b.p.exceptions = make(map[string][]int, len(b.exceptions))
	var prev [2]int
	for _, e := range ends {
		var bs []int // nil for a word never hyphenated
		if e[1] > prev[1] {
			bs = breaks[prev[1]:e[1]:e[1]]
		}
		b.p.exceptions[lower(words[prev[0]:e[0]])] = bs
		prev = e
	}
}

// lower returns word in lower case as the patterns spell it, rune for
// rune, so that break positions keep their places: a capital sigma at the
// end of a word becomes the final form ς, which Greek spells there
// (Unicode's Final_Sigma condition, The Unicode Standard, §3.13).
func lower(word string) string {
	if !strings.ContainsFunc(word, isCapital) {
		return word // as the files write them
	}
	rs := []rune(word)
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
		if r == 'Σ' && i > 0 && unicode.IsLetter(rs[i-1]) && (i == len(rs)-1 || !unicode.IsLetter(rs[i+1])) {
			rs[i] = 'ς'
		}
	}
	return string(rs)
}

// build makes the trie from the patterns read, a later pattern replacing
// an earlier one of the same letters, and returns the language's tables.
func (b *builder) build() (*patterns, error) {
	if len(b.ops) >= 1<<24 {
		return nil, fmt.Errorf("%d pattern values: more than a trie cell can address", len(b.ops))
	}
	b.buildExceptions()
	t := &b.p.trie
	t.ops = b.ops
	b.cells = make([]cell, 0, len(b.labels)/2+512)
	b.grow(256)
	b.cells[0].check = rootCell
	b.nextCheck = 1
	order := make([]uint32, 2*len(b.keys))
	for i := range b.keys {
		order[i] = uint32(i)
	}
	b.sorted = order[len(b.keys):]
	b.counts = make([]int32, len(b.p.alpha.letters)+1)
	if len(b.keys) > 0 {
		b.insert(0, order[:len(b.keys)], 0)
	}
	// Room after the last base for every label, so that no lookup falls
	// off the end.
	maxBase := 0
	for _, c := range b.cells {
		maxBase = max(maxBase, int(c.base))
	}
	end := maxBase + len(b.p.alpha.letters)
	b.grow(end + 1)
	t.cells = slices.Clip(b.cells)
	return b.p, nil
}

// insert stores keys (indices into b.keys), the patterns whose first
// depth letters lead to state s: the one that ends at s, if any, and the
// children of s, then theirs. The keys are put in order of their letter at
// depth by a counting sort, level by level: a radix sort as the trie is
// built, without comparing whole patterns.
func (b *builder) insert(s int32, keys []uint32, depth int) {
	if len(keys) == 1 {
		b.insertChain(s, keys[0], depth)
		return
	}
	// Count the keys by their next letter, the keys that end here as
	// label 0, which no letter has; place them in that order.
	counts := b.counts
	clear(counts)
	for _, i := range keys {
		counts[b.next(i, depth)]++
	}
	for len(b.scratch) <= depth {
		b.scratch = append(b.scratch, nil)
	}
	labels := b.scratch[depth][:0]
	at := int32(0)
	for l, n := range counts {
		if n > 0 {
			if l > 0 {
				labels = append(labels, uint8(l))
			}
			counts[l] = at
			at += n
		}
	}
	b.scratch[depth] = labels
	sorted := b.sorted[:len(keys)]
	for _, i := range keys {
		l := b.next(i, depth)
		sorted[counts[l]] = i
		counts[l]++
	}
	copy(keys, sorted)
	// The patterns that end here all have the same letters: the last in
	// the files wins.
	ended := 0
	for ended < len(keys) && b.next(keys[ended], depth) == 0 {
		if k := &b.keys[keys[ended]]; ended == 0 || k.sequence > b.keys[keys[0]].sequence {
			keys[0] = keys[ended]
		}
		ended++
	}
	if ended > 0 {
		k := &b.keys[keys[0]]
		b.cells[s].ops = k.opLo<<8 | uint32(k.opN)
		b.p.trie.count++
		keys = keys[ended:]
	}
	if len(keys) == 0 {
		return
	}
	base := b.findBase(labels)
	b.cells[s].base = int32(base)
	for _, l := range labels {
		b.cells[base+int(l)].check = s
	}
	for len(keys) > 0 {
		l := b.next(keys[0], depth)
		n := 1
		for n < len(keys) && b.next(keys[n], depth) == l {
			n++
		}
		b.insert(int32(base+int(l)), keys[:n], depth+1)
		keys = keys[n:]
	}
}

// insertChain stores key i, the only pattern whose first depth letters
// lead to state s: its other letters make a chain of states with one
// child each, which need no counting sort (83% of hyphen.tex's states
// have no child or one).
func (b *builder) insertChain(s int32, i uint32, depth int) {
	k := &b.keys[i]
	var one [1]uint8
	for _, l := range b.labels[k.lo+uint32(depth) : k.hi] {
		one[0] = l
		base := b.findBase(one[:])
		b.cells[s].base = int32(base)
		child := int32(base + int(l))
		b.cells[child].check = s
		s = child
	}
	b.cells[s].ops = k.opLo<<8 | uint32(k.opN)
	b.p.trie.count++
}

// next returns the label at depth of key i, or 0 if the key ends there.
func (b *builder) next(i uint32, depth int) uint8 {
	k := &b.keys[i]
	if j := k.lo + uint32(depth); j < k.hi {
		return b.labels[j]
	}
	return 0
}

// findBase returns the least base at or after the search start at which
// a cell is free for every label (sorted), the first-fit rule of Aoe's
// construction; the start moves on once the cells before the place found
// are 95% taken, as in Kudo's Darts, so that the search stays short.
func (b *builder) findBase(labels []uint8) int {
	first := int(labels[0])
	pos := max(b.nextCheck, first+1)
	taken := 0
	for ; ; pos++ {
		b.grow(pos + 256)
		if b.cells[pos].check != freeCell {
			taken++
			continue
		}
		base := pos - first
		fits := true
		for _, l := range labels[1:] {
			if b.cells[base+int(l)].check != freeCell {
				fits = false
				break
			}
		}
		if fits {
			if taken*20 >= (pos-b.nextCheck+1)*19 {
				b.nextCheck = pos
			}
			return base
		}
	}
}

// grow makes cells at least n long, the new cells free.
func (b *builder) grow(n int) {
	if n <= len(b.cells) {
		return
	}
	old := len(b.cells)
	b.cells = slices.Grow(b.cells, n-old)[:n]
	for i := old; i < n; i++ {
		b.cells[i] = cell{check: freeCell}
	}
}
