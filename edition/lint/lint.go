// Package lint reads an archive text as a proofreader would and reports
// what it suspects: scannos, digits in words, doubled words, stray quotes
// and punctuation, broken paragraphs, spacing, and phrases the text writes
// two ways (consistency.go), each finding with its file, line and column,
// a suggestion where one can be made, and how often its kind proved a
// real defect (Confidence). Readings the editor has already emended are
// not reported again.
package lint

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/apparatus"
)

// Finding is one thing the lint suspects in an archive text: a likely scanno
// or a mark of damage, with where it is and what it should probably read.
type Finding struct {
	File       string `json:"file"`
	Line       int    `json:"line"` // 1-based
	Col        int    `json:"col"`  // 1-based, in characters
	Kind       string `json:"kind"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion,omitempty"`
}

// String formats the finding as FILE:LINE:COL: kind: message (suggestion),
// the form compilers use, so editors can jump to it.
func (f Finding) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Col, f.Kind, f.Message)
	if f.Suggestion != "" {
		s += " (" + f.Suggestion + ")"
	}
	return s
}

// The kinds of finding.
const (
	DigitInWord     = "digit-in-word"     // "01" for "of", "l0ve"
	Scanno          = "scanno"            // a look-alike misread: "modem" for "modern"
	StrayPunct      = "stray-punctuation" // ". As", ".to", "o-f", "is; of"
	StrayQuote      = "stray-quote"       // "serve'", "as ‘well", "Union« have"
	UnbalancedQuote = "unbalanced-quote"  // « never closed, » never opened
	DoubledWord     = "doubled-word"      // "the the"
	BrokenParagraph = "broken-paragraph"  // starts in lower case or ends without closing punctuation
	NoBreakSpaces   = "no-break-spaces"   // a run of U+00A0
	Capital         = "capital"           // capitalised mid-sentence, not a name
	Year            = "year"              // a year later than the document's own date
	Spacing         = "spacing"           // "7,1961", "« According"
	Inconsistent    = "inconsistent"      // "by no mean" once, "by no means" three times
	BrokenSentence  = "broken-sentence"   // "the meeting, is not", "but: to carry"
)

// Confidence is how often a finding of each kind proved a real defect, for
// listing findings most certain first. It was measured by hand: every
// finding of `bindery lint FILE` on the development corpus's seven plain
// texts (testdata/corpus) read beside its source line and judged a defect
// or not, 12 of 12 real (cmd/bindery/testdata/lint-corpus.golden keeps
// them), and on the open letter 48 of 48 answered by the emendations its
// editor made. The kinds with few findings keep the rate their rule
// earned on the cases it was written from.
var Confidence = map[string]float64{
	DigitInWord: 0.95, DoubledWord: 0.9, Scanno: 0.9, Inconsistent: 0.8, StrayQuote: 0.85, StrayPunct: 0.85,
	BrokenSentence: 0.7, UnbalancedQuote: 0.85, Year: 0.7, Spacing: 0.8, NoBreakSpaces: 0.7, Capital: 0.6, BrokenParagraph: 0.6,
}

// Check reads an archive text (plain text, paragraphs separated by blank
// lines, perhaps hard-wrapped) and reports likely scannos and damage,
// sorted by position. Findings that fall inside the source reading of a
// known emendation (or at the break a join mends) are not reported again.
func Check(file string, data []byte, known []apparatus.Emendation) []Finding {
	l := newLinter(file, data)
	l.collectStats()
	for i := range l.paras {
		l.lintParagraph(i)
		if l.english && l.paras[i].prose {
			l.subjectComma(i)
		}
	}
	// A comma between subject and verb that the writer sets again and
	// again is the text's punctuation (eighteenth-century writers
	// pointed for the voice), not a slip.
	if len(l.subjectCommas) < MinUsage {
		for _, c := range l.subjectCommas {
			l.report(c.para, c.at, BrokenSentence, fmt.Sprintf("comma between the subject and “%s”", c.verb), "delete it")
		}
	}
	if l.english {
		l.consistency()
	}
	// A text that leaves many quotations open at a paragraph's end runs
	// them on without reopening (Russian usage); one or two are slips.
	if len(l.oddStraight) < MinUsage {
		for _, o := range l.oddStraight {
			l.report(o[0], o[1], UnbalancedQuote, "an odd number of “\"” in this paragraph", "")
		}
	}
	l.suppress(known)
	sort.SliceStable(l.found, func(i, j int) bool {
		a, b := l.found[i], l.found[j]
		if ca, cb := Confidence[a.Kind], Confidence[b.Kind]; ca != cb {
			return ca > cb
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Kind < b.Kind
	})
	out := make([]Finding, 0, len(l.found))
	for i, f := range l.found {
		if i > 0 && f == l.found[i-1] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// lintPara is one paragraph of the text: its lines joined with spaces, and
// where each rune came from.
type lintPara struct {
	text  []rune
	line  []int // source line of each rune
	col   []int // 1-based column of each rune
	toks  []token
	prose bool // a running-text paragraph, not a title, salutation or dateline
	// display marks lines set off from the text: a table (columns parted
	// by runs of spaces), or a paragraph whose every line is set in far
	// (a centred heading, a right-aligned dateline).
	display bool
	note    bool // an editor's or transcriber's note in square brackets
	verse   bool // short lines, each ended by the writer
}

// token is a word or a single mark in a paragraph.
type token struct {
	text       string
	start, end int // rune offsets
	word       bool
}

type linter struct {
	file  string
	paras []lintPara
	found []Finding
	hits  []struct{ para, at int } // parallel to found: where, for suppression

	lowerCount    map[string]int // words seen in lower case
	capitalMid    map[string]int // words seen capitalised in mid-sentence
	doubled       map[string]int // words seen doubled ("nous nous"), lower case
	docYear       int            // the latest year printed in a dateline or imprint
	yearsInText   map[string]bool
	guillemetText bool
	// reversed is set when the text opens quotations with » and closes
	// them with « (German and Scandinavian usage: »so«).
	reversed bool
	// english is set when the text is in English: the rules that know
	// English words (look-alikes, capitals, clause punctuation,
	// consistency) are not applied to other languages.
	english bool
	// nounCapitals is set when the text capitalises common nouns as its
	// style (eighteenth-century English), so that a capitalised noun is
	// not a slip.
	nounCapitals  bool
	oddStraight   [][2]int // paragraphs with an odd number of straight quotes, and where the last is
	subjectCommas []struct {
		para, at int
		verb     string
	}
}

// wrapLimit is the line length past which a text is not hard-wrapped: its
// lines are paragraphs.
const wrapLimit = 100

func newLinter(file string, data []byte) *linter {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	l := &linter{file: file, lowerCount: map[string]int{}, capitalMid: map[string]int{}, doubled: map[string]int{}, yearsInText: map[string]bool{}}
	lines := strings.Split(text, "\n")
	hard := hardWrapped(lines)
	var cur *lintPara
	var curLines []string
	finish := func() {
		if cur != nil {
			cur.display, cur.verse = displayLines(curLines), hard && verseLines(curLines)
		}
	}
	prev := ""
	for n, line := range lines {
		if strings.TrimFunc(line, unicode.IsSpace) == "" {
			finish()
			cur, curLines = nil, nil
			continue
		}
		// Without blank lines between them, a paragraph starts on a line
		// of its own in a text that is not wrapped, and at a first-line
		// indent after a sentence's end in one that is.
		if cur != nil && (!hard || indentOf(line) >= 2 && indentOf(line) > indentOf(prev) && endsSentence(prev)) {
			finish()
			cur, curLines = nil, nil
		}
		if cur == nil {
			l.paras = append(l.paras, lintPara{})
			cur = &l.paras[len(l.paras)-1]
		} else {
			cur.text = append(cur.text, ' ')
			cur.line = append(cur.line, n+1)
			cur.col = append(cur.col, utf8.RuneCountInString(line)+1)
		}
		curLines = append(curLines, line)
		prev = line
		for c, r := range []rune(line) {
			cur.text = append(cur.text, r)
			cur.line = append(cur.line, n+1)
			cur.col = append(cur.col, c+1)
		}
	}
	finish()
	inNote := false
	for i := range l.paras {
		p := &l.paras[i]
		p.toks = tokenize(p.text)
		words := 0
		for _, t := range p.toks {
			if t.word {
				words++
			}
		}
		// An editor's note in brackets, over one paragraph or several.
		opens := len(p.toks) > 0 && p.toks[0].text == "["
		p.note = opens || inNote
		if opens || inNote {
			inNote = strings.Count(string(p.text), "[") > strings.Count(string(p.text), "]") || inNote && !strings.Contains(string(p.text), "]")
		}
		// Running text: long enough that a title, a salutation or a signature
		// line is not mistaken for a paragraph, and not a heading in
		// capitals.
		p.prose = words >= 15 && !p.display && !allCapitals(p.text)
	}
	return l
}

// enumerators open the items of a list.
var enumerators = wordSet(`first firstly 1st 1 i a`)

// allCapitals reports text whose letters are all capitals.
func allCapitals(text []rune) bool {
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// hardWrapped reports whether nine lines in ten fit in wrapLimit
// characters.
func hardWrapped(lines []string) bool {
	long, all := 0, 0
	for _, l := range lines {
		if n := utf8.RuneCountInString(strings.TrimSpace(l)); n > 0 {
			all++
			if n > wrapLimit {
				long++
			}
		}
	}
	return long*10 <= all
}

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " \t")) }

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'’”»)]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}

// displayLines reports a table or lines set in far: every line indented
// ten columns or more, or most lines holding a run of three spaces
// between their words.
func displayLines(lines []string) bool {
	far, set := 0, 0
	for _, l := range lines {
		if indentOf(l) >= 10 {
			far++
		}
		if indentOf(l) >= 10 || strings.Contains(strings.TrimSpace(l), "   ") {
			set++
		}
	}
	return far == len(lines) || set*2 > len(lines)
}

// verseLines reports two or more short lines: verse, or a list.
func verseLines(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	for _, l := range lines {
		if utf8.RuneCountInString(strings.TrimSpace(l)) > 55 {
			return false
		}
	}
	return true
}

// isWordChar reports whether r belongs in a word: letters, digits, and the
// apostrophes and hyphens inside one ("Khrushchev’s", "Marxism-Leninism"),
// which tokenize only keeps when a letter follows.
func isWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func tokenize(text []rune) []token {
	var toks []token
	for i := 0; i < len(text); {
		r := text[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case isWordChar(r):
			j := i + 1
			for j < len(text) {
				if isWordChar(text[j]) {
					j++
					continue
				}
				// An inner apostrophe or hyphen joins two runs of letters.
				if (isApostrophe(text[j]) || text[j] == '-') && j+1 < len(text) && isWordChar(text[j+1]) {
					j += 2
					continue
				}
				break
			}
			toks = append(toks, token{text: string(text[i:j]), start: i, end: j, word: true})
			i = j
		default:
			toks = append(toks, token{text: string(r), start: i, end: i + 1})
			i++
		}
	}
	return toks
}

// report records a finding at rune at of paragraph p.
func (l *linter) report(p, at int, kind, msg, suggestion string) {
	para := &l.paras[p]
	if at >= len(para.text) {
		at = len(para.text) - 1
	}
	l.found = append(l.found, Finding{File: l.file, Line: para.line[at], Col: para.col[at], Kind: kind, Message: msg, Suggestion: suggestion})
	l.hits = append(l.hits, struct{ para, at int }{p, at})
}

var yearRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(1[0-9]{3}|20[0-9]{2})\b`) })

// sentenceStart reports whether token i of p opens a sentence (or a
// quotation, or follows a colon), where a capital is expected.
func sentenceStart(p *lintPara, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := p.toks[j]
		if t.word {
			return false
		}
		switch t.text {
		case ".", "!", "?", ":", "«", "“", "‘", "\"", "'", "(", "[", "…", "—", "–", ";":
			return true
		}
	}
	return true
}

// collectStats gathers what the context rules need from the whole text:
// the words seen capitalised in mid-sentence and in lower case, the
// document's own year, its language, its quotation marks and its
// conventions.
func (l *linter) collectStats() {
	words, english := 0, 0
	openGuillemet, openReversed := 0, 0
	for i := range l.paras {
		p := &l.paras[i]
		if !p.prose {
			if len(p.toks) < 20 {
				for _, y := range yearRE().FindAllString(string(p.text), -1) {
					if n, _ := strconv.Atoi(y); n > l.docYear {
						l.docYear = n
					}
				}
			}
			continue
		}
		for j, t := range p.toks {
			if !t.word {
				// A guillemet before a word and after a space opens a
				// quotation: «so» or »so«.
				if (t.text == "«" || t.text == "»") && p.adjacent(j) && p.wordAt(j+1) != "" && p.spaceBefore(j) {
					if t.text == "«" {
						openGuillemet++
					} else {
						openReversed++
					}
				}
				if t.text == "«" || t.text == "»" {
					l.guillemetText = true
				}
				continue
			}
			words++
			lw := strings.ToLower(t.text)
			if functionWords[lw] {
				english++
			}
			if k := nextWord(p, j); k > 0 && strings.EqualFold(p.toks[k].text, t.text) {
				l.doubled[lw]++
			}
			if yearRE().MatchString(t.text) && len(t.text) == 4 {
				l.yearsInText[t.text] = true
			}
			r, _ := utf8.DecodeRuneInString(t.text)
			switch {
			case unicode.IsLower(r):
				l.lowerCount[t.text]++
			case unicode.IsUpper(r) && !sentenceStart(p, j):
				l.capitalMid[t.text]++
			}
		}
	}
	// English running text is about half function words (Brown corpus:
	// the hundred commonest words are nearly all of them); German,
	// French or Russian text shares a few of their spellings only.
	l.english = words > 0 && english*5 >= words
	l.reversed = openReversed > openGuillemet
	// Common nouns capitalised once in mid-sentence and in lower case
	// elsewhere: one or two are slips, more are the writer's style
	// (Paine's "the Means of calling the right of it in question").
	style := 0
	for i := range l.paras {
		for j := range l.paras[i].toks {
			if l.paras[i].prose && l.nounSlip(&l.paras[i], j) {
				style++
			}
		}
	}
	l.nounCapitals = style >= MinUsage
}

// nextWord returns the index of the word after token i, across quotation
// marks only ("a «a"), or -1.
func nextWord(p *lintPara, i int) int {
	for k := i + 1; k < len(p.toks); k++ {
		switch {
		case p.toks[k].word:
			return k
		case !isQuoteMark(p.toks[k].text):
			return -1
		}
	}
	return -1
}

// wordAt returns the i-th token's text if it is a word, else "".
func (p *lintPara) wordAt(i int) string {
	if i < 0 || i >= len(p.toks) || !p.toks[i].word {
		return ""
	}
	return p.toks[i].text
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (p *lintPara) adjacent(i int) bool {
	return i >= 0 && i+1 < len(p.toks) && p.toks[i].end == p.toks[i+1].start
}

// spaceBefore reports whether token i is preceded by a space or starts the
// paragraph.
func (p *lintPara) spaceBefore(i int) bool {
	s := p.toks[i].start
	return s == 0 || unicode.IsSpace(p.text[s-1])
}

// spaceAfter reports whether token i is followed by a space or ends the
// paragraph.
func (p *lintPara) spaceAfter(i int) bool {
	e := p.toks[i].end
	return e >= len(p.text) || unicode.IsSpace(p.text[e])
}

func (l *linter) lintParagraph(pi int) {
	p := &l.paras[pi]
	l.noBreakSpaces(pi)
	for i, t := range p.toks {
		if t.word {
			l.lintWord(pi, i)
		} else {
			l.lintMark(pi, i)
		}
	}
	l.quotes(pi)
	if p.prose {
		l.paragraphEdges(pi)
	}
}

// ordinalRE is a number with an ordinal or plural ending: "22nd", "2d"
// (the older English form), "1er", "2e", "3ème", "1950s".
var ordinalRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[0-9]+(st|nd|rd|th|d|s|'s|’s|es|er|re|e|ème|eme)$`)
})

// digitLetters maps digits to the letters a scan confuses them with.
var digitLetters = map[rune][]string{
	'0': {"o"}, '1': {"l", "i", "f", "t"}, '5': {"s"}, '6': {"b"}, '8': {"b"}, '4': {"a"}, '3': {"e"},
}

// digitRepair returns the common word a digit-damaged token probably was,
// or "".
func digitRepair(w string) string {
	cands := []string{""}
	for _, r := range strings.ToLower(w) {
		alts, ok := digitLetters[r]
		if !ok {
			if unicode.IsDigit(r) {
				return ""
			}
			alts = []string{string(r)}
		}
		var next []string
		for _, c := range cands {
			for _, a := range alts {
				next = append(next, c+a)
			}
		}
		if len(next) > 64 {
			return ""
		}
		cands = next
	}
	for _, c := range cands {
		if commonWords[c] {
			return c
		}
	}
	return ""
}

func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

func (l *linter) lintWord(pi, i int) {
	p := &l.paras[pi]
	t := p.toks[i]
	w := t.text
	lw := strings.ToLower(w)
	prev, next := strings.ToLower(p.wordAt(i-1)), strings.ToLower(p.wordAt(i+1))
	if i > 0 && !p.toks[i-1].word {
		prev = ""
	}
	if i+1 < len(p.toks) && !p.toks[i+1].word {
		next = ""
	}
	hasDigit := strings.IndexFunc(w, unicode.IsDigit) >= 0
	hasLetter := strings.IndexFunc(w, unicode.IsLetter) >= 0

	// Digits inside words.
	switch {
	case hasDigit && hasLetter && !ordinalRE().MatchString(w) && strings.IndexFunc(w, unicode.IsLower) >= 0 && !strings.Contains(w, "-") &&
		(!unicode.IsDigit([]rune(w)[0]) || digitRepair(w) != ""):
		// A number before the letters is a compound ("6tägigen", "60er")
		// unless the digits read as a word's letters.
		msg := fmt.Sprintf("digit inside the word “%s”", w)
		if fix := digitRepair(w); fix != "" {
			l.report(pi, t.start, DigitInWord, msg, "“"+fix+"”?")
		} else {
			l.report(pi, t.start, DigitInWord, msg, "")
		}
	case hasDigit && !hasLetter && strings.HasPrefix(w, "0") && len(w) <= 3 && p.toks[i].word &&
		isLowerWord(p.wordAt(i-1)) && isLowerWord(p.wordAt(i+1)):
		// "position 01 revisionism": a number with a leading zero between
		// two words is a word the scan read as digits.
		if fix := digitRepair(w); fix != "" {
			l.report(pi, t.start, DigitInWord, fmt.Sprintf("“%s” between words reads as a misread word", w), "“"+fix+"”?")
		}
	}

	// Years later than the document.
	if p.prose && !p.note && !hasLetter && len(w) == 4 && yearRE().MatchString(w) && l.docYear > 0 && !quantity(p, i) {
		if y, _ := strconv.Atoi(w); y > l.docYear {
			sug := ""
			for pos := 0; pos < 4 && sug == ""; pos++ {
				for d := '0'; d <= '9'; d++ {
					c := w[:pos] + string(d) + w[pos+1:]
					if cy, _ := strconv.Atoi(c); c != w && cy <= l.docYear && l.yearsInText[c] {
						sug = "“" + c + "”, a year the text names elsewhere?"
						break
					}
				}
			}
			l.report(pi, t.start, Year, fmt.Sprintf("the year %s is later than the document’s own date (%d)", w, l.docYear), sug)
		}
	}

	if !hasLetter {
		return
	}

	// Look-alike letters.
	if l.english && isLowerWord(w) {
		if fix, why := scanno(lw, prev, next, p.wordAt(i+1)); fix != "" {
			l.report(pi, t.start, Scanno, fmt.Sprintf("“%s” %s", w, why), "“"+fix+"”?")
		}
	}

	// Hyphens splitting a word or gluing an article: "o-f", "back-the".
	if l.english && strings.Contains(w, "-") && !(i+1 < len(p.toks) && p.adjacent(i) && isApostrophe([]rune(p.toks[i+1].text)[0])) {
		// Not before an elision's apostrophe: "cloth-o'-silver".
		parts := strings.Split(w, "-")
		for _, part := range parts {
			if (utf8.RuneCountInString(part) == 1 && isLowerWord(part) && part != "a") || part == "the" {
				l.report(pi, t.start, StrayPunct, fmt.Sprintf("hyphen inside “%s” looks stray", w),
					"“"+strings.Join(parts, hyphenJoiner(parts))+"”?")
				break
			}
		}
	}

	// Doubled words: "the the", "a «a".
	if j := i + 1; j < len(p.toks) {
		k := j
		for k < len(p.toks) && !p.toks[k].word && isQuoteMark(p.toks[k].text) {
			k++
		}
		if k < len(p.toks) && p.toks[k].word && strings.EqualFold(p.toks[k].text, w) && lw != "that" && lw != "had" && lw != "there" &&
			!hasDigit && p.toks[k].start-t.end <= 3 && l.doubled[lw] < MinUsage && !doubledPronouns[lw] &&
			(p.toks[k].text == w || sentenceStart(p, i)) {
			// "nous nous" thrice in a text is French; "Sie sie" is two
			// words; "the the" is a slip.
			l.report(pi, p.toks[k].start, DoubledWord, fmt.Sprintf("“%s” is doubled", w), "delete one")
		}
	}

	// Capitals in mid-sentence.
	r, _ := utf8.DecodeRuneInString(w)
	if l.english && p.prose && unicode.IsUpper(r) && strings.ToLower(w[1:]) == w[1:] && lw != "i" && !sentenceStart(p, i) &&
		!(p.verse && lineStart(p, i)) {
		nextCap := false
		if nw := p.wordAt(i + 1); nw != "" && i+1 < len(p.toks) {
			nr, _ := utf8.DecodeRuneInString(nw)
			nextCap = unicode.IsUpper(nr)
		}
		switch {
		case functionWords[lw] && !nextCap && afterWord(p, i) && l.capitalMid[w] == 1 && utf8.RuneCountInString(w) > 1 &&
			!nounsToo[lw] && !(i+1 < len(p.toks) && p.toks[i+1].text == "." && p.adjacent(i)) && !(reverent[lw] && l.namesGod(p)):
			// Once only, and after a word: a reverent "He", a question
			// put after a comma ("I ask, Hath your house been burnt?")
			// and a month or a will are not slips.
			sug := "“" + lw + "”?"
			if clauseStarters[lw] || lw == "he" || lw == "she" {
				sug = "a full stop missing before “" + w + "”, or “" + lw + "”?"
			}
			l.report(pi, t.start, Capital, fmt.Sprintf("“%s” is capitalised in mid-sentence", w), sug)
		case !l.nounCapitals && l.nounSlip(p, i):
			l.report(pi, t.start, Capital, fmt.Sprintf("“%s” is capitalised in mid-sentence but in lower case elsewhere", w), "“"+lw+"”?")
		}
	}
}

// nounSlip reports a common noun capitalised in mid-sentence, once in the
// text, that the text writes in lower case elsewhere: not a name ("the
// Battle of Bennington", "the Albanian Party and State"), a possessive
// title ("the King's troops") or a word in an editor's note.
func (l *linter) nounSlip(p *lintPara, i int) bool {
	t := p.toks[i]
	w := t.text
	lw := strings.ToLower(w)
	r, _ := utf8.DecodeRuneInString(w)
	if !t.word || !unicode.IsUpper(r) || strings.ToLower(w[1:]) != w[1:] || functionWords[lw] || p.note ||
		l.capitalMid[w] != 1 || l.lowerCount[lw] < 2 || !afterWord(p, i) || sentenceStart(p, i) || nearCapital(p, i) ||
		strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") {
		return false
	}
	if nw := p.wordAt(i + 1); nw != "" {
		if nr, _ := utf8.DecodeRuneInString(nw); unicode.IsUpper(nr) {
			return false
		}
		if strings.EqualFold(nw, "of") {
			// "X of Y" with Y a name, or "of the" Y: a proper name.
			k := i + 2
			if strings.EqualFold(p.wordAt(k), "the") {
				k++
			}
			if nr, _ := utf8.DecodeRuneInString(p.wordAt(k)); unicode.IsUpper(nr) {
				return false
			}
		}
	}
	return true
}

// doubledPronouns are words a language doubles by its grammar: German
// article and relative pronoun ("auf der der Maler"), French reflexive
// ("nous nous battons") and causative ("faire faire des recherches").
var doubledPronouns = wordSet(`der die das nous vous faire`)

// nounsToo are function words that are also nouns or names, capitalised
// as such: the month, a last will, the letters of the alphabet.
var nounsToo = wordSet(`may will no`)

// reverent are the pronouns a writer capitalises for God.
var reverent = wordSet(`he him his thee thou thy`)

// divine are the names of God in the archives' languages.
var divine = wordSet(`god lord almighty providence creator christ gott herr dieu seigneur бог господь`)

// namesGod reports a paragraph that names God, where a capitalised "He"
// is reverence, not a slip.
func (l *linter) namesGod(p *lintPara) bool {
	for _, t := range p.toks {
		if t.word && divine[strings.ToLower(t.text)] {
			r, _ := utf8.DecodeRuneInString(t.text)
			if unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// afterWord reports whether token i follows a word, not a mark: after a
// comma or a dash a capital may open a quoted question or a new clause.
func afterWord(p *lintPara, i int) bool {
	return i > 0 && p.toks[i-1].word
}

// lineStart reports whether token i begins a source line.
func lineStart(p *lintPara, i int) bool {
	s := p.toks[i].start
	return s == 0 || p.line[s-1] != p.line[s]
}

// quantity reports a four-digit number counting things ("2000 francs",
// "2000 лет", "1000 men"), not a year: a lower-case word follows it that
// is not a function word.
func quantity(p *lintPara, i int) bool {
	n := p.wordAt(i + 1)
	return n != "" && isLowerWord(n) && !functionWords[strings.ToLower(n)]
}

// nearCapital reports whether a capitalised word other than a sentence's
// first stands within three words before token i: "the Albanian Party and
// State" and "the Voice of the People" are names, not stray capitals.
func nearCapital(p *lintPara, i int) bool {
	seen := 0
	for j := i - 1; j >= 0 && seen < 3; j-- {
		if !p.toks[j].word {
			return false
		}
		seen++
		r, _ := utf8.DecodeRuneInString(p.toks[j].text)
		if unicode.IsUpper(r) && !sentenceStart(p, j) {
			return true
		}
	}
	return false
}

func hyphenJoiner(parts []string) string {
	for _, p := range parts {
		if p == "the" {
			return " "
		}
	}
	return ""
}

var months = wordSet(`january february march april may june july august september october november december`)

var modals = wordSet(`do does did will would could should must might shall may can`)

// scanno judges a lower-case word against the look-alikes a scan produces
// (rn/m, cl/d, li/h, tb/th...) and, for real words, against its context. It
// returns the likely reading and why, or "".
func scanno(w, prev, next, nextRaw string) (fix, why string) {
	nextFunction := determinersAndFunction[next]
	switch w {
	case "hot":
		if nextFunction || modals[prev] {
			return "not", "before “" + next + "” reads as “not” misread"
		}
		return "", ""
	case "arid":
		nr, _ := utf8.DecodeRuneInString(nextRaw)
		if nextFunction || unicode.IsUpper(nr) {
			return "and", "reads as “and” misread (ri for n)"
		}
		return "", ""
	case "ail":
		if nextFunction || next == "kinds" || next == "sorts" || next == "over" || next == "other" || next == "others" ||
			prev == "at" || prev == "of" || prev == "above" || prev == "for" || prev == "by" || prev == "with" || prev == "from" {
			return "all", "reads as “all” misread (i for l)"
		}
		return "", ""
	case "arc":
		if prev == "we" || prev == "they" || prev == "you" || prev == "there" || prev == "these" || prev == "those" {
			return "are", "after “" + prev + "” reads as “are” misread (c for e)"
		}
		return "", ""
	case "bad":
		if (prev == "he" || prev == "she" || prev == "they" || prev == "we" || prev == "who" || prev == "it" || prev == "i") &&
			(next == "been" || next == "not" || next == "already" || next == "never" || next == "to" || next == "no") {
			return "had", "before “" + next + "” reads as “had” misread (b for h)"
		}
		return "", ""
	}
	if commonWords[w] {
		return "", ""
	}
	// Letter groups no English word has, each a known misreading.
	for _, s := range []struct{ bad, good string }{{"tb", "th"}, {"wb", "wh"}, {"tli", "th"}, {"rn", "m"}} {
		if strings.HasPrefix(w, s.bad) && len(w) > len(s.bad) {
			return s.good + w[len(s.bad):], "begins with “" + s.bad + "”, a misreading of “" + s.good + "”"
		}
	}
	if strings.HasSuffix(w, "cl") && len(w) > 3 && w != "incl" {
		return w[:len(w)-2] + "d", "ends in “cl”, a misreading of “d”"
	}
	if strings.Contains(w, "vv") {
		return strings.ReplaceAll(w, "vv", "w"), "has “vv”, a misreading of “w”"
	}
	// rn read as m, and m as rn: the look-alike is a common word, the word
	// as printed is not.
	for i := 0; i+1 <= len(w); i++ {
		if w[i] == 'm' {
			if c := w[:i] + "rn" + w[i+1:]; commonWords[c] && !techAfterModem(w, next) {
				return c, "reads as “" + c + "” misread (rn as m)"
			}
		}
		if i+2 <= len(w) && w[i:i+2] == "rn" {
			if c := w[:i] + "m" + w[i+2:]; commonWords[c] {
				return c, "reads as “" + c + "” misread (m as rn)"
			}
		}
	}
	return "", ""
}

// techAfterModem keeps "modem" when the context really is a modem's.
func techAfterModem(w, next string) bool {
	return w == "modem" && (next == "connection" || next == "line" || next == "speed" || next == "cable" || next == "port")
}

func isQuoteMark(s string) bool {
	switch s {
	case "«", "»", "“", "”", "‘", "’", "\"", "'", "„":
		return true
	}
	return false
}

// lintMark checks a punctuation token.
func (l *linter) lintMark(pi, i int) {
	p := &l.paras[pi]
	t := p.toks[i]
	m := t.text
	prevWord, nextWord := p.wordAt(i-1), p.wordAt(i+1)

	switch m {
	case ".", ",", ";", ":":
		// A paragraph that opens with punctuation: ". As a matter of fact".
		if i == 0 && m != ":" && !(m == "." && len(p.toks) > 1 && p.toks[1].text == ".") {
			// ". . ." or "...." opening a letter marks an omission.
			l.report(pi, t.start, StrayPunct, fmt.Sprintf("paragraph opens with “%s”", m), "delete it")
			return
		}
		// A spaced ellipsis, ". . .", is the reader's markup for one.
		if m == "." && i > 0 && p.toks[i-1].text == "." {
			return
		}
		// A mark glued to the front of a word after a space: "open .to".
		if p.spaceBefore(i) && nextWord != "" && p.adjacent(i) && isLowerWord(nextWord) {
			l.report(pi, t.start, StrayPunct, fmt.Sprintf("“%s” stands before the word “%s”", m, nextWord), "delete it")
			return
		}
		// A comma between digits that is no thousands separator: "7,1961".
		if m == "," && l.english && i > 0 && p.adjacent(i-1) && p.adjacent(i) && prevWord != "" && nextWord != "" &&
			isDigits(prevWord) && isDigits(nextWord) && len(nextWord) != 3 {
			l.report(pi, t.start, Spacing, "no space after the comma in “"+prevWord+","+nextWord+"”", "“"+prevWord+", "+nextWord+"”")
			return
		}
		// A semicolon or colon where no clause ends.
		if l.english && (m == ";" || m == ":") && prevWord != "" && p.adjacent(i-1) {
			lp, ln := strings.ToLower(prevWord), strings.ToLower(nextWord)
			// "artful; honest they cannot be" opens an inverted clause.
			inverted := subjectPronouns[strings.ToLower(p.wordAt(i+2))]
			stray := clauseFinalNever[lp] || objectPronouns[ln] || m == ";" && ln == "of" && verbsAfterSubject[lp] ||
				(adjectiveLike(lp) && isLowerWord(nextWord) && !clauseStarters[ln] && !functionWords[ln] && !inverted)
			if stray && nextWord != "" && !p.adjacent(i) {
				l.report(pi, t.start, StrayPunct, fmt.Sprintf("“%s” after “%s” ends no clause", m, prevWord), "delete it")
			}
		}
		// A full stop between day and year: "October 5. 1964".
		if m == "." && i >= 2 && months[strings.ToLower(p.wordAt(i-2))] && isDigits(prevWord) && len(prevWord) <= 2 &&
			p.adjacent(i-1) && isDigits(nextWord) && len(nextWord) == 4 {
			l.report(pi, t.start, StrayPunct, "full stop between the day and the year in “"+p.wordAt(i-2)+" "+prevWord+". "+nextWord+"”",
				"“"+p.wordAt(i-2)+" "+prevWord+", "+nextWord+"”")
			return
		}
		// A full stop before a lower-case word: a stray mark or a lost capital.
		if m == "." && nextWord != "" && !p.adjacent(i) && isLowerWord(nextWord) && prevWord != "" && p.adjacent(i-1) &&
			!abbreviation(prevWord) && !strings.ContainsAny(prevWord, "0123456789") && !shortCapital(prevWord) {
			// Not after an ordinal ("vom 10. und"), a sum ("1s. in the
			// pound") or an abbreviated name or title ("Th. Mann", "MM.
			// les membres").
			l.report(pi, t.start, StrayPunct, "full stop before the lower-case “"+nextWord+"”", "a comma, or delete it?")
		}
		// A mark inside a word: "wor,d".
		if (m == "," || m == ";" || m == ":") && p.adjacent(i-1) && p.adjacent(i) && prevWord != "" && nextWord != "" &&
			isLowerWord(prevWord) && isLowerWord(nextWord) {
			l.report(pi, t.start, StrayPunct, fmt.Sprintf("“%s” inside “%s%s%s”", m, prevWord, m, nextWord), "delete it")
		}
		// An initial followed by a comma in a list of names: "K. Xoxe, P, Plaku".
		if m == "," && prevWord != "" && utf8.RuneCountInString(prevWord) == 1 && unicode.IsUpper([]rune(prevWord)[0]) &&
			p.adjacent(i-1) && nextWord != "" && !p.adjacent(i) {
			nr, _ := utf8.DecodeRuneInString(nextWord)
			if unicode.IsUpper(nr) && utf8.RuneCountInString(nextWord) > 1 && (i < 2 || !p.toks[i-2].word) {
				l.report(pi, t.start, StrayPunct, "comma after the initial “"+prevWord+"”", "“"+prevWord+". "+nextWord+"”?")
			}
		}
	case "_":
		// _Emphasis_ is the reader's markup for italics: an underscore
		// touching a word is markup, a lone one is stray.
		if !(i > 0 && p.adjacent(i-1)) && !p.adjacent(i) && !p.note {
			// A transcriber's note names the mark ("marked with _").
			l.report(pi, t.start, StrayPunct, "stray mark “_”", "delete it")
		}
	case "~", "|", "^", "{", "}", "<", ">", "\\", "¬", "•":
		l.report(pi, t.start, StrayPunct, fmt.Sprintf("stray mark “%s”", m), strayMarkSuggestion(m, nextWord != "" && p.adjacent(i), l.guillemetText))
	case "'", "’":
		l.apostrophe(pi, i)
	case "‘":
		// An opening single quote needs a closing one after it.
		if !closesLater(p, i) {
			l.report(pi, t.start, StrayQuote, "opening “‘” is never closed", "delete it")
		}
	case "«", "“", "»":
		if m != l.openGuillemet() && m != "“" {
			return // a closing mark
		}
		// An opening quote glued to the word before and followed by a space
		// opens nothing: "Soviet Union« have".
		if i > 0 && p.adjacent(i-1) && p.toks[i-1].word && p.spaceAfter(i) {
			l.report(pi, t.start, StrayQuote, fmt.Sprintf("“%s” after “%s” opens no quotation", m, prevWord), "delete it")
			return
		}
		if !p.spaceBefore(i) && i > 0 && p.toks[i-1].word {
			return
		}
		// "« »" names the marks themselves.
		if p.spaceAfter(i) && i+1 < len(p.toks) && p.toks[i+1].text != l.closeGuillemet() && p.toks[i+1].text != "”" {
			l.report(pi, t.start, Spacing, fmt.Sprintf("space after the opening “%s”", m), "delete it")
		}
	}
}

// elided are words printed with an apostrophe for a letter left out at
// their end (tho', thro') or start ('tis, 'twas).
var elided = wordSet(`tho thro o th tis twas twere twill twould em gainst mid midst neath tween twixt`)

// subjectPronouns open a clause.
var subjectPronouns = wordSet(`i we you he she it they there`)

// shortCapital reports an abbreviated name or title: a capitalised word of
// at most three letters ("Th", "Pf", "MM", "St").
func shortCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && utf8.RuneCountInString(w) <= 3
}

// openGuillemet and closeGuillemet are the guillemets that open and close
// a quotation in this text: «so» in French and in translations, »so« in
// German.
func (l *linter) openGuillemet() string {
	if l.reversed {
		return "»"
	}
	return "«"
}

func (l *linter) closeGuillemet() string {
	if l.reversed {
		return "«"
	}
	return "»"
}

// adjectiveLike reports whether w ends like an English adjective, the kind
// of word that precedes its noun rather than ending a clause.
func adjectiveLike(w string) bool {
	for _, suf := range []string{"ful", "ist", "ive", "ous", "ic"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

var abbreviations = wordSet(`etc e.g i.e vs cf no nos st mr mrs dr prof pp p vol vols ed eds co inc ltd jr sr gen col capt lt ch sec fig op viz approx cent intro`)

func abbreviation(w string) bool {
	return utf8.RuneCountInString(w) == 1 || abbreviations[strings.ToLower(w)]
}

func strayMarkSuggestion(m string, beforeWord, guillemets bool) string {
	if m == "~" && beforeWord && guillemets {
		return "“«”?"
	}
	return "delete it"
}

// apostrophe checks a straight or right single quote that is not inside a
// word (tokenize keeps those in the word).
func (l *linter) apostrophe(pi, i int) {
	p := &l.paras[pi]
	t := p.toks[i]
	prev := p.wordAt(i - 1)
	glued := i > 0 && p.adjacent(i-1)
	switch {
	case glued && p.adjacent(i) && i+1 < len(p.toks) && !isQuoteMark(p.toks[i+1].text) && !strings.ContainsAny(p.toks[i+1].text, ",.;:!?)"):
		// Inside a word, before a mark: "l'_Echo de Paris_", "cloth-o'-silver".
		return
	case glued && prev != "":
		// After a word: a plural possessive ("workers’") or a closing quote;
		// after a word not ending in s, with no quotation open, it is stray.
		// A possessive needs its noun: before "the" or "of" ("express’ the
		// opinion") the mark is stray even after an s.
		next := strings.ToLower(p.wordAt(i + 1))
		// German names ending in s, z, x or ß take the apostrophe alone
		// ("Arno Holz' Phantasus", Duden, Apostroph); "tho'" is elided.
		lp := strings.ToLower(prev)
		possessive := (strings.ContainsAny(lp[len(lp)-1:], "szx") || strings.HasSuffix(lp, "ß")) && !functionWords[next] || elided[lp]
		if possessive || openSingleBefore(p, i) {
			return
		}
		l.report(pi, t.start, StrayQuote, fmt.Sprintf("“%s” after “%s” closes no quotation", t.text, prev), "“"+prev+"”")
	case glued && i > 0 && !p.toks[i-1].word && strings.ContainsAny(p.toks[i-1].text, ",.;:") && !openSingleBefore(p, i):
		l.report(pi, t.start, StrayQuote, fmt.Sprintf("“%s” after “%s” closes no quotation", t.text, p.toks[i-1].text), "delete it")
	case !glued && p.adjacent(i) && p.wordAt(i+1) != "":
		// An opening straight quote before a word: it must close later.
		if nw := strings.ToLower(p.wordAt(i + 1)); t.text == "'" && !closesLater(p, i) && !elided[nw] && !isDigits(nw) {
			// Not "'Tis" nor "'75".
			l.report(pi, t.start, StrayQuote, "opening “'” is never closed", "delete it")
		}
	}
}

// openSingleBefore reports whether an opening single quote stands earlier in
// the paragraph, so that a ’ here may close it.
func openSingleBefore(p *lintPara, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := p.toks[j]
		if t.text == "‘" || (t.text == "'" && p.adjacent(j) && p.wordAt(j+1) != "" && (j == 0 || !p.adjacent(j-1))) {
			return true
		}
	}
	return false
}

// closesLater reports whether a closing single quote (’ or ' after a word
// and not inside it) follows token i in the paragraph.
func closesLater(p *lintPara, i int) bool {
	for j := i + 1; j < len(p.toks); j++ {
		t := p.toks[j]
		if isApostrophe([]rune(t.text)[0]) && !t.word && j > 0 && p.adjacent(j-1) && p.spaceAfterOrMark(j) {
			return true
		}
	}
	return false
}

func (p *lintPara) spaceAfterOrMark(i int) bool {
	e := p.toks[i].end
	return e >= len(p.text) || !isWordChar(p.text[e])
}

// quotes checks that guillemets and double quotation marks balance within
// the paragraph. A quotation running on into the next paragraph is left
// open by convention when that paragraph opens with a quotation mark
// (Chicago Manual of Style, 17th ed., 13.30).
func (l *linter) quotes(pi int) {
	p := &l.paras[pi]
	type open struct {
		mark string
		at   int
	}
	var stack []open
	op, cl := l.openGuillemet(), l.closeGuillemet()
	pairs := map[string]string{cl: op, "”": "“"}
	for i, t := range p.toks {
		switch t.text {
		case op, "“":
			if i > 0 && p.adjacent(i-1) && p.toks[i-1].word && p.spaceAfter(i) {
				continue // a stray mark, reported by lintMark
			}
			stack = append(stack, open{t.text, t.start})
		case "~":
			// A misread « (reported as a stray mark) still opens what the
			// » after it closes.
			if p.adjacent(i) && p.wordAt(i+1) != "" {
				stack = append(stack, open{op, t.start})
			}
		case cl, "”":
			if n := len(stack); n > 0 && stack[n-1].mark == pairs[t.text] {
				stack = stack[:n-1]
				continue
			}
			l.report(pi, t.start, UnbalancedQuote, fmt.Sprintf("closing “%s” with no opening “%s”", t.text, pairs[t.text]), "")
		}
	}
	// Straight double quotes open and close alike: an odd count is one too
	// many or too few, and the last one is the likeliest culprit.
	var straight []int
	for _, t := range p.toks {
		if t.text == "\"" {
			straight = append(straight, t.start)
		}
	}
	if len(straight)%2 == 1 && !l.runsOn(pi, "\"") {
		l.oddStraight = append(l.oddStraight, [2]int{pi, straight[len(straight)-1]})
	}
	if len(stack) == 0 {
		return
	}
	if l.runsOn(pi, op) || l.runsOn(pi, "“") {
		return
	}
	closer := map[string]string{op: cl, "“": "”"}
	for _, o := range stack {
		l.report(pi, o.at, UnbalancedQuote, fmt.Sprintf("opening “%s” is never closed in this paragraph", o.mark),
			"add “"+closer[o.mark]+"” where the quotation ends")
	}
}

// runsOn reports a quotation left open at the end of paragraph pi that
// goes on in the next paragraphs: one of the next three opens with the
// mark again (Chicago Manual of Style, 17th ed., 13.30) after at most a
// few lines set within the quotation (a letterhead, a table).
func (l *linter) runsOn(pi int, mark string) bool {
	for k := pi + 1; k < len(l.paras) && k <= pi+5; k++ {
		if nt := l.paras[k].toks; len(nt) > 0 && nt[0].text == mark {
			return true
		}
		if l.paras[k].prose && !l.paras[k].verse {
			return false
		}
	}
	return false
}

// paragraphEdges flags running-text paragraphs that start in lower case or
// end without closing punctuation: the marks of a paragraph the source broke
// in mid-sentence.
func (l *linter) paragraphEdges(pi int) {
	p := &l.paras[pi]
	// A German or Scandinavian letter goes on in lower case after its
	// salutation ("Meine geliebte Sonitschka," / "ich erfuhr ...").
	afterAddress := pi > 0 && len(l.paras[pi-1].toks) > 0 && l.paras[pi-1].toks[len(l.paras[pi-1].toks)-1].text == ","
	if w := p.wordAt(0); w != "" && isLowerWord(w) && !afterAddress {
		l.report(pi, p.toks[0].start, BrokenParagraph, "paragraph starts in lower case", "join it to the paragraph before?")
	}
	end := len(p.toks) - 1
	// A note mark or the close of emphasis after the last word: "of a
	// million.*", "OF _AMERICA._".
	for end > 0 && (p.toks[end].text == "*" || p.toks[end].text == "_") {
		end--
	}
	last := p.toks[end]
	switch last.text {
	case ".", "!", "?", "…", "»", "«", "”", "’", "\"", "'", ")", "]", ":", "—":
		return
	case "-":
		if end > 0 && p.toks[end-1].text == "-" {
			return // "--", a dash before what follows
		}
	}
	if pi+1 < len(l.paras) {
		next := &l.paras[pi+1]
		if len(next.toks) > 0 && (isQuoteMark(next.toks[0].text) || next.display || enumerators[strings.ToLower(next.wordAt(0))]) ||
			!next.prose && len(next.toks) <= 6 {
			// It introduces a quotation, a table or a list ("Some of
			// which are," / "FIRST. - It is ..."), or closes a letter
			// over its signature ("Ich umarme Sie herzlichst" / "Ihre
			// Rosa.").
			return
		}
	}
	msg := "paragraph ends without closing punctuation"
	if last.text == "," || last.text == ";" {
		msg = "paragraph ends with “" + last.text + "”"
	}
	l.report(pi, last.end-1, BrokenParagraph, msg, "join the next paragraph to it?")
}

// noBreakSpaces flags runs of two or more no-break spaces, a web page's
// way of indenting or spacing that has no place in running text.
func (l *linter) noBreakSpaces(pi int) {
	p := &l.paras[pi]
	for i := 0; i < len(p.text); i++ {
		if !isNoBreak(p.text[i]) {
			continue
		}
		j := i
		for j < len(p.text) && (isNoBreak(p.text[j]) || p.text[j] == ' ') {
			j++
		}
		n := 0
		for _, r := range p.text[i:j] {
			if isNoBreak(r) {
				n++
			}
		}
		if n >= 2 {
			l.report(pi, i, NoBreakSpaces, fmt.Sprintf("a run of %d no-break spaces", n), "one space")
		}
		i = j
	}
}

func isNoBreak(r rune) bool { return r == '\u00a0' || r == '\u2007' || r == '\u202f' }

// suppress drops findings inside the source reading of a known emendation,
// and at the two edges of a break a join mends.
func (l *linter) suppress(known []apparatus.Emendation) {
	if len(known) == 0 {
		return
	}
	type span struct{ para, from, to int }
	var spans []span
	// A quotation mark supplied or removed anywhere in a paragraph settles
	// that paragraph's balance, wherever the unbalanced mark stands.
	quoteFixed := map[int]bool{}
	for pi := range l.paras {
		text := string(l.paras[pi].text)
		for _, em := range known {
			sites := em.Sites(text)
			if len(sites) > 0 && em.Source != "" && changesQuotes(em.Source, em.Reading) {
				quoteFixed[pi] = true
			}
			for _, site := range sites {
				from := utf8.RuneCountInString(text[:site[0]])
				spans = append(spans, span{pi, from, from + utf8.RuneCountInString(text[site[0]:site[1]])})
				if em.IsJoin() && pi+1 < len(l.paras) {
					spans = append(spans, span{pi + 1, 0, 1})
				}
			}
		}
	}
	keep := l.found[:0]
	keepHits := l.hits[:0]
	for k, f := range l.found {
		h := l.hits[k]
		inside := f.Kind == UnbalancedQuote && quoteFixed[h.para]
		for _, s := range spans {
			if s.para == h.para && h.at >= s.from && h.at < s.to {
				inside = true
				break
			}
		}
		if !inside {
			keep = append(keep, f)
			keepHits = append(keepHits, h)
		}
	}
	l.found, l.hits = keep, keepHits
}

// changesQuotes reports whether an emendation adds or removes a double
// quotation mark or guillemet.
func changesQuotes(from, to string) bool {
	for _, m := range []string{"«", "»", "“", "”", "\""} {
		if strings.Count(from, m) != strings.Count(to, m) {
			return true
		}
	}
	return false
}
