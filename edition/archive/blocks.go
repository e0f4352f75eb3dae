package archive

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// block is a run of source lines that belong together, with what the
// reader made of it.
type block struct {
	lines []line
	// soft[i] reports that the break after lines[i] is a wrap, not the
	// writer's: lines are joined there with a space instead of a line break.
	soft  []bool
	gap   int // blank lines before the block
	align alignment
	kind  shape
	style string // a heading's style (see headings.go)
	level int    // a heading's level, 1 the highest
	role  role
	quote bool // set in by indentation from the text around it
	verse bool // a stanza of a book of verse: its lines kept, not quoted

	joinedText string // text(), while the block has joined lines
	joined     int
}

func (b *block) first() line { return b.lines[0] }
func (b *block) last() line  { return b.lines[len(b.lines)-1] }

// text is the block's lines joined with spaces. It is kept, since every
// recogniser asks for it, until lines are added to the block.
func (b *block) text() string {
	if b.joined == len(b.lines) && b.joined > 0 {
		return b.joinedText
	}
	if len(b.lines) == 1 {
		b.joinedText = b.lines[0].text
	} else {
		parts := make([]string, len(b.lines))
		for i, l := range b.lines {
			parts[i] = l.text
		}
		b.joinedText = strings.Join(parts, " ")
	}
	b.joined = len(b.lines)
	return b.joinedText
}

// alignment is how a block sits between the margins.
type alignment int

const (
	alignLeft     alignment = iota // flush left, or first-line indented
	alignIndented                  // every line set in from the left
	alignCentred
	alignRight
)

// role is what the zones made of a block.
type role int

const (
	roleBody role = iota
	roleDropped
	roleTitle
	roleImprint
	roleTrailer   // a source line or transcriber's note: Source.Trailer
	roleSignature // closing a letter
	roleNote      // a note body: Source.Notes
	roleNoteMore  // a further paragraph of the note before
	roleMerged    // joined to the block before (a heading's second line)
)

// group splits the lines into blocks. Blank lines always separate blocks;
// inside a run of non-blank lines a new block starts where a line is
// indented deeper than the one before it after a sentence ended (first-line
// indents), at a right-aligned or centred line, after a line the writer
// ended short (in hard-wrapped text), and around lines that are furniture on
// their own (a dateline, a salutation, a heading, a navigation link).
func (r *reader) group() {
	type run struct {
		lines []line
		gap   int
	}
	var runs []run
	var cur []line
	gap := 0
	for _, l := range r.lines {
		if l.dropped || l.text == "" {
			if len(cur) > 0 {
				runs = append(runs, run{cur, gap})
				cur, gap = nil, 0
			}
			if !l.dropped {
				gap++
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		runs = append(runs, run{cur, gap})
	}
	all := make([][]line, len(runs))
	for i, rn := range runs {
		all[i] = rn.lines
	}
	r.measureWrap(all)
	for _, rn := range runs {
		b := &block{gap: rn.gap}
		verse := r.verseLike(rn.lines)
		for i, l := range rn.lines {
			if i > 0 && r.breakBefore(rn.lines, i, verse) {
				r.blocks = append(r.blocks, b)
				b = &block{}
			}
			if len(b.lines) > 0 {
				b.soft = append(b.soft, !r.deliberate(rn.lines, i-1))
			}
			b.lines = append(b.lines, l)
		}
		r.blocks = append(r.blocks, b)
	}
	r.mergeBrackets()
	for _, b := range r.blocks {
		b.align = r.alignOf(b)
	}
}

// mergeBrackets makes one block of a bracketed note that runs over blank
// lines ("[ Anmerkungen zur Transkription:" ... "]"), so that it is
// recognised whole.
func (r *reader) mergeBrackets() {
	var out []*block
	for i := 0; i < len(r.blocks); i++ {
		b := r.blocks[i]
		t := b.text()
		if !strings.HasPrefix(t, "[") || strings.Count(t, "[") <= strings.Count(t, "]") {
			out = append(out, b)
			continue
		}
		j := i + 1
		for j < len(r.blocks) && j < i+12 && !strings.HasSuffix(r.blocks[j].text(), "]") {
			j++
		}
		if j >= len(r.blocks) || j >= i+12 {
			out = append(out, b)
			continue
		}
		for _, nb := range r.blocks[i+1 : j+1] {
			b.soft = append(b.soft, false)
			b.lines = append(b.lines, nb.lines...)
			b.soft = append(b.soft, nb.soft...)
		}
		out = append(out, b)
		i = j
	}
	r.blocks = out
}

// measureWrap decides whether the text is hard-wrapped and at what width.
// A text is hard-wrapped when nine lines in ten fit in 100 columns; a web
// archive text with one line per paragraph is not. The wrap width is the
// 90th percentile of the widths of lines wrapped in mid-sentence (followed
// by a line of the same paragraph that opens in lower case): a line
// followed by one that opens with a capital may be a verse line, and a
// book of verse measured by its own lines would take its longer lines for
// wrapped ones and run its stanzas together. With too few such lines (a
// very short text, verse), it is the widest line. The body
// indent is the most common indent of those following lines.
func (r *reader) measureWrap(runs [][]line) {
	var wrapped, all, midSentence []int
	cased, upper := 0, 0
	indents := map[int]int{}
	for _, run := range runs {
		for i, l := range run {
			all = append(all, l.width)
			if i+1 < len(run) {
				wrapped = append(wrapped, l.width)
				switch firstCase(run[i+1].text) {
				case caseLower:
					midSentence = append(midSentence, l.width)
					cased++
				case caseUpper:
					cased++
					upper++
				}
			}
			if i > 0 {
				indents[l.indent]++
			}
		}
	}
	best := 0
	for ind, n := range indents {
		if n > indents[best] || n == indents[best] && ind < best {
			best = ind
		}
	}
	r.bodyIndent = best
	r.axis = centreAxis(runs)
	if len(wrapped) == 0 || percentile(all, 90) > 100 {
		return
	}
	r.hardWrapped = true
	switch {
	case len(midSentence) >= 5:
		r.wrapWidth = percentile(midSentence, 90)
	case len(wrapped) >= 5 && upper*5 >= len(wrapped)*4:
		// Lines that go on with a capital, nearly all: verse or a list,
		// not wrapped prose. The page is as wide as the widest line, or
		// as the axis the titles are centred on.
		r.wrapWidth = max(percentile(all, 100), r.axis)
	case len(wrapped) >= 5:
		r.wrapWidth = percentile(wrapped, 90)
	default:
		r.wrapWidth = percentile(all, 100)
	}
}

// letterCase is the case of a line's first letter.
type letterCase int

const (
	caseNone letterCase = iota
	caseLower
	caseUpper
)

// firstCase tells the case of the first letter of s, past opening
// punctuation.
func firstCase(s string) letterCase {
	for _, c := range s {
		switch {
		case unicode.IsLower(c):
			return caseLower
		case unicode.IsUpper(c):
			return caseUpper
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			return caseNone
		}
	}
	return caseNone
}

// centreAxis returns the axis (twice the middle column) that the text's
// centred lines share, or 0 when fewer than three different lines share
// one. A book of verse has no paragraphs wrapped at the page's width, so
// the wrap width measured from its stanzas is narrower than the page its
// titles were centred on; the titles themselves say where the middle is.
// Different lines at three indents at least are counted, so that one
// signature repeated under each letter, or a letter's date and close set
// in to one column, does not pass for centred titles.
func centreAxis(runs [][]line) int {
	texts := map[int]map[string]bool{}
	indents := map[int]map[int]bool{}
	for _, run := range runs {
		for _, l := range run {
			if l.indent < 8 {
				continue
			}
			mid := l.indent + l.width
			if texts[mid] == nil {
				texts[mid] = map[string]bool{}
				indents[mid] = map[int]bool{}
			}
			texts[mid][l.text] = true
			indents[mid][l.indent] = true
		}
	}
	best, bestN := 0, 0
	for mid := range texts {
		n, in := 0, map[int]bool{}
		for d := -2; d <= 2; d++ {
			n += len(texts[mid+d])
			for i := range indents[mid+d] {
				in[i] = true
			}
		}
		if len(in) < 3 {
			continue // lines set in alike: a letter's close and its date, set right
		}
		if n > bestN || n == bestN && mid < best {
			best, bestN = mid, n
		}
	}
	if bestN < 3 {
		return 0
	}
	return best
}

// percentile returns the p-th percentile of xs (sorted in place).
func percentile(xs []int, p int) int {
	sort.Ints(xs)
	return xs[min(len(xs)-1, len(xs)*p/100)]
}

// deliberate reports whether the writer ended run[i] by choice rather than
// because the next word did not fit. A greedy wrapper breaks a line only
// when the next word would overflow it (Knuth–Plass 1981 calls this
// first-fit), so a line that leaves room for the next word was ended on
// purpose. The margin of 15% allows for ragged hand wrapping.
func (r *reader) deliberate(run []line, i int) bool {
	if !r.hardWrapped || i+1 >= len(run) {
		return true
	}
	next := run[i+1].text
	fw := utf8.RuneCountInString(next)
	if j := strings.IndexByte(next, ' '); j >= 0 {
		fw = utf8.RuneCountInString(next[:j])
	}
	return (run[i].width+1+fw)*100 <= r.wrapWidth*85
}

// rightAligned is the indent from which a line counts as right-aligned or
// centred rather than first-line indented.
const rightAligned = 16

// verseLike reports a run of lines each ended by the writer, in a
// hard-wrapped text: verse, a list or a table, whose lines end sentences
// without ending paragraphs. A run of prose paragraphs has full lines.
func (r *reader) verseLike(run []line) bool {
	if !r.hardWrapped || len(run) < 2 {
		return false
	}
	for i := 0; i+1 < len(run); i++ {
		if !r.deliberate(run, i) || run[i].indent >= rightAligned {
			return false
		}
	}
	return true
}

func (r *reader) breakBefore(run []line, i int, verse bool) bool {
	prev, l := run[i-1], run[i]
	if l.indent >= rightAligned || prev.indent >= rightAligned {
		// Centred and right-aligned lines stand alone, unless they share
		// one indent (an indented block of verse or a quotation) or are
		// centred on one axis (a title over two lines).
		return l.indent != prev.indent && !r.sameAxis(prev, l)
	}
	if l.indent >= 2 && l.indent > prev.indent && endsSentence(prev.text) {
		return true
	}
	if isNoteStart(l.text) && isNoteStart(run[0].text) {
		return true // "[2] ..." under "[1] ...": a list of notes
	}
	if isSourceField(l.text) && isSourceField(run[0].text) {
		return true // "Source: ..." under "Written: ...": a list of fields
	}
	if !r.deliberate(run, i-1) {
		return false
	}
	if isFurniture(l.text) || isFurniture(prev.text) {
		return true
	}
	if isAttribution(l.text) && (isDateline(prev.text) || isSignatureLine(prev.text)) {
		return true
	}
	if verse || !endsSentence(prev.text) || !startsSentence(l.text) {
		return false
	}
	if r.hardWrapped {
		return true
	}
	// One line per paragraph: two long lines are two paragraphs; short
	// lines together are a title, an address or verse.
	return utf8.RuneCountInString(prev.text) > 80 || utf8.RuneCountInString(l.text) > 80
}

// measure is the width the text is set to: the wrap width, or a typical
// typewritten line when the text is not wrapped.
func (r *reader) measure() int {
	if r.wrapWidth > 0 {
		return r.wrapWidth
	}
	return 72
}

// sameAxis reports whether two lines are centred on one axis.
func (r *reader) sameAxis(a, b line) bool {
	ca, cb := a.indent*2+utf8.RuneCountInString(a.text), b.indent*2+utf8.RuneCountInString(b.text)
	return a.indent >= 4 && b.indent >= 4 && abs(ca-cb) <= 4
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// alignOf tells a block's alignment from its lines: centred when its
// lines' middles sit at the measure's middle, right-aligned when it is
// set in far but not centred, indented when every line is set in. A line
// on the axis the text's titles share is centred too (see centreAxis).
func (r *reader) alignOf(b *block) alignment {
	m := r.measure()
	centred, far, in := true, true, true
	for _, l := range b.lines {
		mid := l.indent*2 + utf8.RuneCountInString(l.text)
		if l.indent < 4 || abs(mid-m) > max(6, m/8) && (r.axis == 0 || abs(mid-r.axis) > 3) {
			centred = false
		}
		if l.indent < rightAligned {
			far = false
		}
		if l.indent <= r.bodyIndent {
			in = false
		}
	}
	switch {
	case centred:
		return alignCentred
	case far:
		return alignRight
	case in:
		return alignIndented
	}
	return alignLeft
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'’”»)]*_")
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;", r)
}

func startsSentence(s string) bool {
	s = strings.TrimLeft(s, "\"'‘“«([*_-—– ")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}
