package apparatus

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

// Emendation is one correction an editor makes to the copy-text, as written
// in a seed's emendations file. The source file is never changed: the
// correction is applied to the model at build time and listed in "A Note on
// the Text", as a critical edition records every departure from its
// copy-text (Greetham, Textual Scholarship, 1994, ch. 9).
//
// An entry either replaces a reading (Source → Reading) or, with Join, mends
// a paragraph the source broke in mid-sentence.
type Emendation struct {
	File string `yaml:"-"` // the emendations file, for messages
	Line int    `yaml:"-"` // the entry's line in File

	// Source is the copy-text's reading, with enough context around the
	// error to match exactly one place in the text.
	Source string `yaml:"source"`
	// Reading is the corrected reading that replaces Source.
	Reading string `yaml:"reading"`
	// Join, when set, is the text at the very end of a paragraph the source
	// broke in mid-sentence: the next paragraph is joined to it with a space.
	Join string `yaml:"join"`

	Reason string `yaml:"reason"` // one of the Reason* constants
	Note   string `yaml:"note"`   // optional editor's remark, printed with the entry
}

// The reasons an emendation may give.
const (
	// ReasonTransmission is the neutral label for a fault whose cause
	// (printing, scanning, copying) cannot be told without the printed
	// original; ocr and printer claim a cause and suit only where it is
	// known.
	ReasonTransmission    = "transmission"
	ReasonOCR             = "ocr"              // a letter or mark misread by the scan
	ReasonPrinter         = "printer"          // an error of the printed original, where it has been seen
	ReasonStrayMark       = "stray-mark"       // a mark that belongs to no word
	ReasonBrokenParagraph = "broken-paragraph" // a paragraph break in mid-sentence
	ReasonSpelling        = "spelling"         // a spelling normalised
	ReasonPunctuation     = "punctuation"      // punctuation missing or misplaced
)

// reasons are the reasons an emendation may give; the words the Note on
// the Text prints for each are edition/locale's (locale.Reason).
var reasons = []string{ReasonTransmission, ReasonOCR, ReasonPrinter, ReasonStrayMark, ReasonBrokenParagraph, ReasonSpelling, ReasonPunctuation}

// ReasonLabel returns the words the Note on the Text prints for a reason,
// in the edition's language.
func ReasonLabel(l *locale.Locale, reason string) string {
	if slices.Contains(reasons, reason) {
		return l.T(locale.Reason(reason))
	}
	return reason
}

// IsJoin reports whether the emendation joins two paragraphs.
func (e Emendation) IsJoin() bool { return e.Join != "" }

// where returns "FILE:LINE" for messages.
func (e Emendation) where() string { return fmt.Sprintf("%s:%d", e.File, e.Line) }

// LoadEmendations reads an emendations file: a YAML sequence of entries with
// the keys source, reading, join, reason and note. Errors name the file and
// the line of the entry at fault.
func LoadEmendations(file string) ([]Emendation, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("emendations: %w", err)
	}
	return ParseEmendations(file, data)
}

// ParseEmendations parses the contents of an emendations file; file is used
// in messages only. Every problem of the file is reported at once, each at
// its line and column (a *seed.FileError).
func ParseEmendations(file string, data []byte) ([]Emendation, error) {
	var ems []Emendation
	f, err := seed.DecodeYAML(file, data, &ems)
	if err != nil {
		return nil, err
	}
	var problems []seed.Problem
	for i := range ems {
		em := &ems[i]
		at := fmt.Sprintf("[%d]", i)
		em.File, em.Line = file, f.Line(at)
		bad := func(msg, hint string) { problems = append(problems, f.ProblemAt(at, msg, hint)) }
		switch {
		case em.Source != "" && em.Join != "":
			bad("an emendation has either source or join, not both", "split it into two entries")
		case em.Source == "" && em.Join == "":
			bad("emendation has neither source nor join", "quote the copy-text's reading under source:, or the end of a broken paragraph under join:")
		case em.Source != "" && !f.Has(at+".reading"):
			bad(fmt.Sprintf("emendation of %q has no reading", em.Source), "give the corrected text under reading: (\"\" to delete)")
		case em.Source != "" && em.Source == em.Reading:
			bad(fmt.Sprintf("emendation of %q changes nothing", em.Source), "correct the reading, or remove the entry")
		case em.Join != "" && f.Has(at+".reading"):
			bad("a join takes no reading", "remove reading:")
		}
		if em.Join != "" && em.Reason == "" {
			em.Reason = ReasonBrokenParagraph
		}
		if !slices.Contains(reasons, em.Reason) {
			problems = append(problems, f.ProblemAt(at+".reason", fmt.Sprintf("unknown reason %q", em.Reason), "want "+strings.Join(reasonNames(), ", ")))
		}
	}
	if len(problems) > 0 {
		return nil, &seed.FileError{Problems: problems}
	}
	return ems, nil
}

// reasonNames lists the reasons an emendation may give, sorted.
func reasonNames() []string {
	return slices.Sorted(slices.Values(reasons))
}

// AppliedEmendation is an emendation as applied to the model, located for
// the Note on the Text.
type AppliedEmendation struct {
	Emendation

	// ID is the emendation's anchor, "emendation-N", numbered in reading
	// order. The emended block lists it in its "emendations" attribute, so a
	// writer can link to the block or print its page.
	ID string

	Section      int             // index of the section in the slice given to ApplyEmendations
	SectionID    string          // the section's ID, if assigned
	SectionTitle string          // the section's title as plain text, if it has one
	Paragraph    int             // 1-based, counting paragraph-like blocks in the section; 0 for furniture
	BlockKind    model.BlockKind // the emended block's kind: a paragraph, or furniture such as a dateline
	BlockID      string          // the emended block's ID, if assigned
	Line         int             // the source line of the paragraph the reading stood in
	// Letters is how many letters and digits of the emended block come
	// before this edition's reading (the lemma): its place in the block,
	// which typography does not move (see WordAt).
	Letters int

	// Before and After are the copy-text's reading and this edition's, as the
	// apparatus prints them; a paragraph break is shown as ¶.
	Before, After string

	index  int // the entry's position in the emendations list
	order  int // the block's position in reading order
	offset int // byte offset in the block's text, for ordering only
}

// EmendationsAttr is the block attribute that lists, space-separated, the IDs
// of the emendations applied to the block.
const EmendationsAttr = "emendations"

// pendingAttr marks an emended block while ApplyEmendations runs, holding the
// indices of the entries applied to it; it is replaced by EmendationsAttr.
const pendingAttr = "emendations-pending"

// ApplyEmendations applies ems, in order, to the body sections secs (an
// entry sees the text as the entries before it left it). Matching is on the
// plain text of text blocks and may cross inline boundaries; only the part
// of the text that differs between source and reading is rewritten, so
// emphasis around it survives. An entry that matches no place or more than
// one is an error naming the emendations file and line; all such errors are
// returned together. The result is in reading order.
func ApplyEmendations(secs []model.Section, ems []Emendation) ([]AppliedEmendation, error) {
	applied := make([]AppliedEmendation, 0, len(ems))
	var errs []error
	texts := plainTexts{}
	letters := map[int]int{} // entry index → letters before its lemma in its block
	for i, em := range ems {
		var a AppliedEmendation
		var err error
		if em.IsJoin() {
			a, err = applyJoin(secs, em, i, letters)
			clear(texts) // a join removes a block: the others move
		} else {
			a, err = applyReplace(secs, em, i, texts, letters)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		a.index = i
		applied = append(applied, a)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for i := range applied {
		applied[i].Letters = letters[applied[i].index]
	}
	locateApplied(secs, applied)
	return applied, nil
}

// letterCount counts the letters and digits of s: the measure of a place
// in a block that no later change of typography moves (package
// typography never adds, removes or moves one).
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if isWordRune(r) {
			n++
		}
	}
	return n
}

// shiftPlaces moves the places of the entries already applied to b that
// stand at or after the letter from, by delta letters: a correction before
// them in the same block changed how many letters precede them.
func shiftPlaces(b *model.Block, letters map[int]int, from, delta int) {
	if delta == 0 {
		return
	}
	for _, f := range strings.Fields(b.Attr.Get(pendingAttr)) {
		n, _ := strconv.Atoi(f)
		if letters[n] >= from {
			letters[n] += delta
		}
	}
}

// textBlock reports whether a block's own inlines are text an emendation or
// a note may address.
func textBlock(k model.BlockKind) bool {
	switch k {
	case model.Paragraph, model.Heading, model.Salutation, model.Signature, model.Dateline, model.Attribution, model.Centered, model.ListItem, model.Note:
		return true
	}
	return false
}

// paragraphLike reports whether a block counts as a paragraph when the
// apparatus numbers paragraphs within a part (salutations and other
// furniture are not counted).
func paragraphLike(k model.BlockKind) bool {
	return k == model.Paragraph || k == model.BlockQuote || k == model.List
}

// blockVisit is one text block met in reading order.
type blockVisit struct {
	sec   int
	block *model.Block
	order int // position in reading order across all sections
}

// visitTextBlocks calls fn for every text block of secs in reading order,
// descending into block quotes and lists.
func visitTextBlocks(secs []model.Section, fn func(v blockVisit)) {
	order := 0
	var walk func(sec int, bs []model.Block)
	walk = func(sec int, bs []model.Block) {
		for i := range bs {
			b := &bs[i]
			if textBlock(b.Kind) && len(b.Inlines) > 0 {
				fn(blockVisit{sec: sec, block: b, order: order})
				order++
			}
			walk(sec, b.Children)
		}
	}
	for s := range secs {
		walk(s, secs[s].Blocks)
	}
}

// Sites returns where in the text of one paragraph the emendation applies,
// as byte ranges: each occurrence of its source reading or, for a join, the
// join text ending the paragraph (whose break the join mends). The lint asks
// it which of its findings an emendation already answers.
func (e Emendation) Sites(text string) [][2]int {
	var sites [][2]int
	switch {
	case e.Source != "":
		for _, off := range findAll(text, e.Source) {
			sites = append(sites, [2]int{off, off + len(e.Source)})
		}
	case e.Join != "" && endsWithWord(text, e.Join):
		end := len(strings.TrimRightFunc(text, unicode.IsSpace))
		sites = append(sites, [2]int{end - len(e.Join), end})
	}
	return sites
}

// findAll returns the byte offsets of every occurrence of needle in s,
// overlapping ones included (an entry must be unambiguous).
func findAll(s, needle string) []int {
	var at []int
	for off := 0; ; {
		i := strings.Index(s[off:], needle)
		if i < 0 {
			return at
		}
		at = append(at, off+i)
		_, w := utf8.DecodeRuneInString(s[off+i:])
		off += i + w
	}
}

func applyReplace(secs []model.Section, em Emendation, index int, texts plainTexts, letters map[int]int) (AppliedEmendation, error) {
	type hit struct {
		v   blockVisit
		off int
	}
	var hits []hit
	visitTextBlocks(secs, func(v blockVisit) {
		for _, off := range findAll(texts.of(v.block), em.Source) {
			hits = append(hits, hit{v, off})
		}
	})
	switch len(hits) {
	case 0:
		return AppliedEmendation{}, fmt.Errorf("%s: emendation matches no place in the text (%q)", em.where(), em.Source)
	case 1:
	default:
		return AppliedEmendation{}, fmt.Errorf("%s: emendation matches %d places (give more context): %q", em.where(), len(hits), em.Source)
	}
	h := hits[0]
	text := texts.of(h.v.block)
	before, after, lead := lemma(em.Source, em.Reading)
	at := letterCount(text[:h.off])
	shiftPlaces(h.v.block, letters, at+letterCount(em.Source), letterCount(em.Reading)-letterCount(em.Source))
	letters[index] = at + letterCount(lead)
	// Rewrite only what differs, hunk by hunk from the end, so inline
	// boundaries in the shared context (an italic word between two
	// corrections) stay where they were.
	hunks := diffHunks(em.Source, em.Reading)
	for i := len(hunks) - 1; i >= 0; i-- {
		d := hunks[i]
		h.v.block.Inlines = replaceSpan(h.v.block.Inlines, h.off+d.from, h.off+d.to, d.repl)
	}
	delete(texts, h.v.block)
	markBlock(h.v.block, index)
	return AppliedEmendation{
		Emendation: em,
		Section:    h.v.sec,
		Before:     before,
		After:      after,
		Line:       h.v.block.Line,
		offset:     h.off,
	}, nil
}

// plainTexts remembers the plain text of the blocks an emendation search
// has read: every entry searches the whole text, and all but the block it
// changes are the same for the next. Keys are block addresses, so the
// memo is cleared whenever blocks move (a join).
type plainTexts map[*model.Block]string

func (t plainTexts) of(b *model.Block) string {
	s, ok := t[b]
	if !ok {
		s = model.PlainText(b.Inlines)
		t[b] = s
	}
	return s
}

// hunk is one difference between a source reading and its correction:
// bytes [from,to) of the source become repl.
type hunk struct {
	from, to int
	repl     string
}

// diffHunks returns the differences between a and b as hunks over a's
// bytes, from the longest common subsequence of their runes (readings are
// short, so the quadratic table is small).
func diffHunks(a, b string) []hunk {
	ra, rb := []rune(a), []rune(b)
	// lcs[i][j] is the LCS length of ra[i:] and rb[j:].
	lcs := make([][]int, len(ra)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(rb)+1)
	}
	for i := len(ra) - 1; i >= 0; i-- {
		for j := len(rb) - 1; j >= 0; j-- {
			if ra[i] == rb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	// Byte offset of each rune of a.
	offA := make([]int, len(ra)+1)
	for i, r := range ra {
		offA[i+1] = offA[i] + utf8.RuneLen(r)
	}
	var hunks []hunk
	var cur *hunk
	flush := func() {
		if cur != nil {
			hunks = append(hunks, *cur)
			cur = nil
		}
	}
	open := func(i int) {
		if cur == nil {
			cur = &hunk{from: offA[i], to: offA[i]}
		}
	}
	i, j := 0, 0
	for i < len(ra) || j < len(rb) {
		switch {
		case i < len(ra) && j < len(rb) && ra[i] == rb[j]:
			flush()
			i, j = i+1, j+1
		case j < len(rb) && (i == len(ra) || lcs[i][j+1] >= lcs[i+1][j]):
			open(i)
			cur.repl += string(rb[j])
			j++
		default:
			open(i)
			i++
			cur.to = offA[i]
		}
	}
	flush()
	return hunks
}

// replaceSpan replaces bytes [start,end) of the plain text of ins with repl,
// editing the Text and Code inlines the span covers: the replacement goes
// into the first of them, the covered parts of the others are cut. Note
// references inside the span are kept.
func replaceSpan(ins []model.Inline, start, end int, repl string) []model.Inline {
	pos := 0
	placed := false
	var walk func(ins []model.Inline) []model.Inline
	walk = func(ins []model.Inline) []model.Inline {
		out := make([]model.Inline, 0, len(ins))
		for _, in := range ins {
			switch in.Kind {
			case model.Text, model.Code:
				s, e := pos, pos+len(in.Text)
				pos = e
				overlaps := start < e && s < end
				if start == end { // a pure insertion goes into the first run that reaches it
					overlaps = !placed && s <= start && start <= e
				}
				if !overlaps {
					out = append(out, in)
					continue
				}
				lo, hi := max(start, s)-s, min(end, e)-s
				text := in.Text[:lo]
				if !placed {
					text += repl
					placed = true
				}
				in.Text = text + in.Text[hi:]
				if in.Text == "" && in.Kind == model.Text {
					continue
				}
				out = append(out, in)
			case model.LineBreak:
				pos++
				out = append(out, in)
			case model.NoteRef:
				out = append(out, in)
			default:
				in.Children = walk(in.Children)
				out = append(out, in)
			}
		}
		return out
	}
	return walk(ins)
}

// lemma trims an entry's context to the words that change, as an apparatus
// prints them ("of] 01", not the whole phrase that located the error). A
// word is a run between ordinary spaces; when a word is deleted or inserted
// whole, the word before it (or after it) stays as an anchor. lead is the
// context left out before the lemma, so that its place can be found.
func lemma(source, reading string) (before, after, lead string) {
	a, b := strings.Split(source, " "), strings.Split(reading, " ")
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	if pre+suf == len(a) || pre+suf == len(b) { // a whole word deleted or inserted
		if pre > 0 {
			pre--
		} else if suf > 0 {
			suf--
		}
	}
	return visibleSpaces(strings.Join(a[pre:len(a)-suf], " ")), visibleSpaces(strings.Join(b[pre:len(b)-suf], " ")), strings.Join(b[:pre], " ")
}

// visibleSpaces names runs of no-break spaces, which a reader of the
// apparatus could not otherwise see.
func visibleSpaces(s string) string {
	var out strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if rs[i] != '\u00a0' {
			out.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] == '\u00a0' {
			j++
		}
		if j-i == 1 {
			out.WriteString("\u00a0")
		} else {
			fmt.Fprintf(&out, " [%d no-break spaces] ", j-i)
		}
		i = j
	}
	return strings.TrimSpace(strings.ReplaceAll(out.String(), "  ", " "))
}

// markBlock records on b, until locateApplied runs, that entry index was
// applied to it.
func markBlock(b *model.Block, index int) {
	v := b.Attr.Get(pendingAttr)
	if v != "" {
		v += " "
	}
	b.Attr = b.Attr.Set(pendingAttr, v+strconv.Itoa(index))
}

func applyJoin(secs []model.Section, em Emendation, index int, letters map[int]int) (AppliedEmendation, error) {
	type hit struct {
		sec  int
		list *[]model.Block
		i    int
	}
	var hits []hit
	var walk func(sec int, list *[]model.Block)
	walk = func(sec int, list *[]model.Block) {
		for i := range *list {
			b := &(*list)[i]
			if b.Kind == model.Paragraph && endsWithWord(model.PlainText(b.Inlines), em.Join) {
				hits = append(hits, hit{sec, list, i})
			}
			walk(sec, &b.Children)
		}
	}
	for s := range secs {
		walk(s, &secs[s].Blocks)
	}
	switch len(hits) {
	case 0:
		return AppliedEmendation{}, fmt.Errorf("%s: emendation matches no place in the text (no paragraph ends with %q)", em.where(), em.Join)
	case 1:
	default:
		return AppliedEmendation{}, fmt.Errorf("%s: emendation matches %d places (give more context): %d paragraphs end with %q", em.where(), len(hits), len(hits), em.Join)
	}
	h := hits[0]
	list := *h.list
	if h.i+1 >= len(list) || list[h.i+1].Kind != model.Paragraph {
		return AppliedEmendation{}, fmt.Errorf("%s: the paragraph ending %q is not followed by a paragraph to join", em.where(), em.Join)
	}
	first, next := &list[h.i], list[h.i+1]
	text := model.PlainText(first.Inlines)
	offset := len(strings.TrimRightFunc(text, unicode.IsSpace)) - len(em.Join)
	nextWord := firstWords(model.PlainText(next.Inlines), 1)
	// The places of corrections already made in the next paragraph now
	// follow the whole of this one.
	shiftPlaces(&next, letters, 0, letterCount(text))
	letters[index] = letterCount(text[:offset])
	first.Inlines = joinInlines(first.Inlines, next.Inlines)
	for _, kv := range next.Attr {
		if kv.Key == pendingAttr {
			first.Attr = first.Attr.Set(pendingAttr, first.Attr.Get(pendingAttr)+" "+kv.Value)
		}
	}
	*h.list = append(list[:h.i+1], list[h.i+2:]...)
	markBlock(first, index)
	return AppliedEmendation{
		Emendation: em,
		Section:    h.sec,
		Before:     em.Join + " ¶ " + nextWord,
		After:      em.Join + " " + nextWord,
		Line:       first.Line,
		offset:     offset,
	}, nil
}

// endsWithWord reports whether text, trailing space aside, ends with suffix
// and suffix starts at a word boundary.
func endsWithWord(text, suffix string) bool {
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	if !strings.HasSuffix(text, suffix) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:len(text)-len(suffix)])
	first, _ := utf8.DecodeRuneInString(suffix)
	return before == utf8.RuneError || !(isWordRune(before) && isWordRune(first))
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// firstWords returns the first n space-separated words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// joinInlines appends b to a with one space between, merging the Text
// inlines that meet so a paragraph of one Text inline stays one.
func joinInlines(a, b []model.Inline) []model.Inline {
	out := append([]model.Inline(nil), a...)
	if n := len(out); n > 0 && out[n-1].Kind == model.Text {
		out[n-1].Text = strings.TrimRightFunc(out[n-1].Text, unicode.IsSpace)
	}
	rest := append([]model.Inline(nil), b...)
	if len(rest) > 0 && rest[0].Kind == model.Text {
		rest[0].Text = strings.TrimLeftFunc(rest[0].Text, unicode.IsSpace)
	}
	if n := len(out); n > 0 && out[n-1].Kind == model.Text && len(rest) > 0 && rest[0].Kind == model.Text {
		out[n-1].Text += " " + rest[0].Text
		return append(out, rest[1:]...)
	}
	out = append(out, model.Str(" "))
	return append(out, rest...)
}

// locateApplied fills in where each applied emendation now stands (section
// ID and title, paragraph number, block ID), sorts the list into reading
// order, numbers the entries and replaces the pending marks on the blocks
// with their EmendationsAttr.
func locateApplied(secs []model.Section, applied []AppliedEmendation) {
	byIndex := map[int]int{} // entry index in the file → position in applied
	for i := range applied {
		byIndex[entryIndex(&applied[i])] = i
	}
	type mark struct {
		b     *model.Block
		order int
	}
	var marks []mark
	order := 0
	for s := range secs {
		para := 0
		var walk func(bs []model.Block, top bool)
		walk = func(bs []model.Block, top bool) {
			for i := range bs {
				b := &bs[i]
				if top && paragraphLike(b.Kind) {
					para++
				}
				if v := b.Attr.Get(pendingAttr); v != "" {
					for _, f := range strings.Fields(v) {
						n, _ := strconv.Atoi(f)
						if j, ok := byIndex[n]; ok {
							a := &applied[j]
							a.Section, a.SectionID, a.SectionTitle = s, secs[s].ID, secs[s].PlainTitle()
							a.Paragraph, a.BlockID, a.BlockKind = max(para, 1), b.ID, b.Kind
							if top && !paragraphLike(b.Kind) {
								a.Paragraph = 0 // a salutation, signature or dateline: named, not counted
							}
							a.order = order
							// Where the correction now stands in the block:
							// a join may have moved text after others.
							find := a.Reading
							if a.IsJoin() {
								find = a.After
							}
							if at := strings.Index(model.PlainText(b.Inlines), find); at >= 0 {
								a.offset = at
							}
						}
					}
					marks = append(marks, mark{b, order})
				}
				order++
				walk(b.Children, false)
			}
		}
		walk(secs[s].Blocks, true)
	}
	sort.SliceStable(applied, func(i, j int) bool {
		if applied[i].order != applied[j].order {
			return applied[i].order < applied[j].order
		}
		return applied[i].offset < applied[j].offset
	})
	ids := map[int]string{}
	for i := range applied {
		applied[i].ID = fmt.Sprintf("emendation-%d", i+1)
		ids[entryIndex(&applied[i])] = applied[i].ID
	}
	for _, m := range marks {
		var list []string
		for _, f := range strings.Fields(m.b.Attr.Get(pendingAttr)) {
			n, _ := strconv.Atoi(f)
			list = append(list, ids[n])
		}
		sort.Slice(list, func(i, j int) bool { return idNumber(list[i]) < idNumber(list[j]) })
		attr := m.b.Attr[:0:0]
		for _, kv := range m.b.Attr {
			if kv.Key != pendingAttr {
				attr = append(attr, kv)
			}
		}
		m.b.Attr = attr.Set(EmendationsAttr, strings.Join(list, " "))
	}
}

func idNumber(id string) int {
	n, _ := strconv.Atoi(id[strings.LastIndexByte(id, '-')+1:])
	return n
}

// entryIndex is the entry's position in the list given to ApplyEmendations.
func entryIndex(a *AppliedEmendation) int { return a.index }
