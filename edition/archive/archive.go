package archive

// The archive-text reader. Online archives publish documents as plain text:
// a title and imprint, the body in paragraphs, a signature and dateline, a
// source line, and whatever furniture the site or the transcriber added
// (navigation links, licence headers, publishers' advertisements). The
// reader recognises each of these by its shape, never by the wording of one
// document, keeps every body word as printed and records every line it
// leaves out, with the reason, in Source.Dropped.
//
// Reading happens in stages, each a small function:
//
//	decode    size, NUL, UTF-8 checks; BOM; CRLF and CR → LF
//	markers   Project Gutenberg START/END markers and their boilerplate
//	group     lines → blocks: blank lines, indentation, deliberate breaks
//	classify  each block's shape: dateline, salutation, heading, note...
//	zones     top (title, imprint), tail (signature, dateline, source line,
//	          notes, advertisements, navigation) and the body between
//	build     sections split at salutations and numbered headings; inlines
//	          (_emphasis_, [n] note references)

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/decode"
	"github.com/bindery-editions/bindery/edition/model"
)

// Reasons recorded in Source.Dropped.
const (
	DropNavigation    = "web navigation"
	DropGutenberg     = "project gutenberg header or licence"
	DropAdvertisement = "publisher's advertisement"
	DropNotesHeading  = "notes heading; the edition sets its own"
	DropContents      = "table of contents; the edition makes its own"
)

// Read reads plain archive text into a Source. file names the source
// in messages; data is its content. Errors are formatted "FILE: byte offset
// N: ..." for encoding problems and "FILE: ..." otherwise, and wrap one of
// the Err* values above.
func Read(file string, data []byte) (*model.Source, error) {
	lines, warns, err := decodeArchive(file, data)
	if err != nil {
		return nil, err
	}
	r := &archiveReader{file: file, lines: lines, src: &model.Source{File: file, Warnings: warns}, salutations: -1}
	r.markers()
	r.group()
	if len(r.blocks) == 0 {
		return nil, fmt.Errorf("%s: %w", file, decode.ErrNoBody)
	}
	r.classify()
	if err := r.zones(); err != nil {
		return nil, err
	}
	r.build()
	if !r.hasBody() {
		return nil, fmt.Errorf("%s: %w", file, decode.ErrNoBody)
	}
	return r.src, nil
}

// srcLine is one line of the decoded source.
type srcLine struct {
	num     int    // 1-based line number
	text    string // trimmed, inner runs of spaces and tabs collapsed
	indent  int    // leading white space in columns (tab stops every 8)
	width   int    // columns up to the last non-space character
	dropped bool
}

// decodeArchive checks and decodes data (see package decode) into lines.
func decodeArchive(file string, data []byte) ([]srcLine, []model.Warning, error) {
	text, warns, err := decode.Text(file, data)
	if err != nil {
		return nil, nil, err
	}
	raw := strings.Split(text, "\n")
	lines := make([]srcLine, len(raw))
	for i, s := range raw {
		lines[i] = makeLine(i+1, s)
	}
	return lines, warns, nil
}

func makeLine(num int, s string) srcLine {
	l := srcLine{num: num}
	col := 0
	started := false
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\t':
			col += 8 - col%8
		case r == ' ' || r == '\f' || r == '\v':
			col++
		default:
			col++
		}
		isSpace := r == ' ' || r == '\t' || r == '\f' || r == '\v' || r == '\u3000'
		if isSpace {
			if !started {
				l.indent = col
			} else {
				space = true
			}
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		started = true
		b.WriteRune(r)
		l.width = col
	}
	l.text = b.String()
	if !started {
		l.indent = 0
	}
	return l
}

// archiveBlock is a run of source lines that belong together, with what the
// reader made of it.
type archiveBlock struct {
	lines []srcLine
	// soft[i] reports that the break after lines[i] is a wrap, not the
	// writer's: lines are joined there with a space instead of a line break.
	soft   []bool
	kind   shape
	role   role   // what the zones made of it
	reason string // why it was dropped
}

func (b *archiveBlock) first() srcLine { return b.lines[0] }

// text is the block's lines joined with spaces.
func (b *archiveBlock) text() string {
	parts := make([]string, len(b.lines))
	for i, l := range b.lines {
		parts[i] = l.text
	}
	return strings.Join(parts, " ")
}

type archiveReader struct {
	file   string
	lines  []srcLine
	blocks []*archiveBlock
	src    *model.Source

	hardWrapped bool // paragraphs are wrapped over several lines
	wrapWidth   int  // estimated wrap width, in columns

	notes   map[string]bool // note numbers with a note body
	noteIDs map[string]bool // note ids taken

	salutations int             // salutations in the text; -1 until counted
	referenced  map[string]bool // note numbers referenced from the body
	warned      map[string]bool // reference numbers already warned about
}

func (r *archiveReader) drop(l srcLine, reason string) {
	r.src.Dropped = append(r.src.Dropped, model.Dropped{Line: l.num, Text: l.text, Reason: reason})
}

func (b *archiveBlock) dropAs(reason string) { b.role, b.reason = roleDropped, reason }

var (
	gutenbergStart = regexp.MustCompile(`(?i)^\*{3}\s*start of\b`)
	gutenbergEnd   = regexp.MustCompile(`(?i)^\*{3}\s*end of\b`)
	gutenbergTail  = regexp.MustCompile(`(?i)^end of (the )?project gutenberg|^end of this project gutenberg`)
)

// markers drops what surrounds a Project Gutenberg text: everything up to
// its "*** START OF ..." line, everything from its "*** END OF ..." line,
// and the "End of the Project Gutenberg EBook ..." and "Produced by ..."
// credits next to them. Without markers, leading Gutenberg header lines are
// dropped as a block.
func (r *archiveReader) markers() {
	start, end := -1, len(r.lines)
	for i, l := range r.lines {
		if start < 0 && gutenbergStart.MatchString(l.text) {
			start = i
			continue
		}
		if gutenbergEnd.MatchString(l.text) && (start >= 0 || strings.Contains(strings.ToLower(l.text), "gutenberg")) {
			end = i
			break
		}
	}
	if start < 0 && end == len(r.lines) {
		return
	}
	for i := range r.lines {
		if i <= start || i >= end {
			r.dropLine(i, DropGutenberg)
		}
	}
	// Credits just inside the markers: the first paragraph if it is a
	// "Produced by" line, the last if it is "End of the Project Gutenberg".
	if start >= 0 {
		i := nextNonBlank(r.lines, start+1)
		if i >= 0 && i < end && regexp.MustCompile(`(?i)^(produced by|e-?text prepared by|transcribed by)\b`).MatchString(r.lines[i].text) {
			for ; i < end && r.lines[i].text != ""; i++ {
				r.dropLine(i, DropGutenberg)
			}
		}
	}
	for i := end - 1; i > start && i >= 0; i-- {
		if r.lines[i].text == "" {
			continue
		}
		if gutenbergTail.MatchString(r.lines[i].text) {
			r.dropLine(i, DropGutenberg)
		}
		break
	}
}

func (r *archiveReader) dropLine(i int, reason string) {
	if r.lines[i].dropped {
		return
	}
	r.lines[i].dropped = true
	if r.lines[i].text != "" {
		r.drop(r.lines[i], reason)
	}
}

func nextNonBlank(lines []srcLine, i int) int {
	for ; i < len(lines); i++ {
		if lines[i].text != "" {
			return i
		}
	}
	return -1
}

// group splits the lines into blocks. Blank lines always separate blocks;
// inside a run of non-blank lines a new block starts where a line is
// indented deeper than the one before it after a sentence ended (first-line
// indents), at a right-aligned or centred line, after a line the writer
// ended short (in hard-wrapped text), and around lines that are furniture on
// their own (a dateline, a salutation, a heading, a navigation link).
func (r *archiveReader) group() {
	var runs [][]srcLine
	var cur []srcLine
	for _, l := range r.lines {
		if l.dropped || l.text == "" {
			if len(cur) > 0 {
				runs = append(runs, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	r.measureWrap(runs)
	for _, run := range runs {
		b := &archiveBlock{}
		for i, l := range run {
			if i > 0 && r.breakBefore(run, i) {
				r.blocks = append(r.blocks, b)
				b = &archiveBlock{}
			}
			if len(b.lines) > 0 {
				b.soft = append(b.soft, !r.deliberate(run, i-1))
			}
			b.lines = append(b.lines, l)
		}
		r.blocks = append(r.blocks, b)
	}
}

// measureWrap decides whether the text is hard-wrapped and at what width.
// A text is hard-wrapped when nine lines in ten fit in 100 columns; a web
// archive text with one line per paragraph is not. The wrap width is the
// 90th wrapPercentile of the widths of lines followed by another line of the
// same paragraph, or, in a very short text, the widest line.
func (r *archiveReader) measureWrap(runs [][]srcLine) {
	var wrapped, all []int
	for _, run := range runs {
		for i, l := range run {
			all = append(all, l.width)
			if i+1 < len(run) {
				wrapped = append(wrapped, l.width)
			}
		}
	}
	if len(wrapped) == 0 || wrapPercentile(all, 90) > 100 {
		return
	}
	r.hardWrapped = true
	if len(wrapped) >= 5 {
		r.wrapWidth = wrapPercentile(wrapped, 90)
	} else {
		r.wrapWidth = wrapPercentile(all, 100)
	}
}

// wrapPercentile returns the p-th wrapPercentile of xs (sorted in place).
func wrapPercentile(xs []int, p int) int {
	sort.Ints(xs)
	return xs[min(len(xs)-1, len(xs)*p/100)]
}

// deliberate reports whether the writer ended run[i] by choice rather than
// because the next word did not fit. A greedy wrapper breaks a line only
// when the next word would overflow it (Knuth–Plass 1981 calls this
// first-fit), so a line that leaves room for the next word was ended on
// purpose. The margin of 15% allows for ragged hand wrapping.
func (r *archiveReader) deliberate(run []srcLine, i int) bool {
	if !r.hardWrapped {
		return true
	}
	if i+1 >= len(run) {
		return true
	}
	next := run[i+1].text
	fw := len([]rune(next))
	if j := strings.IndexByte(next, ' '); j >= 0 {
		fw = utf8.RuneCountInString(next[:j])
	}
	return (run[i].width+1+fw)*100 <= r.wrapWidth*85
}

// rightAligned is the indent from which a line counts as right-aligned or
// centred rather than first-line indented.
const rightAligned = 16

func (r *archiveReader) breakBefore(run []srcLine, i int) bool {
	prev, l := run[i-1], run[i]
	if l.indent >= rightAligned || prev.indent >= rightAligned {
		// Centred and right-aligned lines stand alone, unless they share
		// one indent (an indented block of verse or a quotation).
		return l.indent != prev.indent
	}
	if l.indent >= 2 && l.indent > prev.indent && endsSentence(prev.text) {
		return true
	}
	if noteStart.MatchString(l.text) && noteStart.MatchString(run[0].text) {
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
	if !endsSentence(prev.text) || !startsSentence(l.text) {
		return false
	}
	if r.hardWrapped {
		return true
	}
	// One line per paragraph: two long lines are two paragraphs; short
	// lines together are a title, an address or verse.
	return utf8.RuneCountInString(prev.text) > 80 || utf8.RuneCountInString(l.text) > 80
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'’”»)]*")
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;", r)
}

func startsSentence(s string) bool {
	s = strings.TrimLeft(s, "\"'‘“«([*_")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '—' || r == '-'
}

// shape is what a block looks like on its own.
type shape int

const (
	shapeProse   shape = iota
	shapeNav           // a navigation link: dropped wherever it is
	shapeNavWeak       // a word like "Home" or "Index": dropped at either end
	shapeAttribution
	shapeDateline
	shapeSalutation
	shapeHeading
	shapeNotesHeading
	shapeNoteStart
	shapeAdStart
	shapeImprint
	shapeByline
	shapeShort // short lines, no closing punctuation: a title or signature
)

var (
	monthName = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	ordinal   = `\d{1,2}(?:st|nd|rd|th)?`
	dateExpr  = `(?:` + monthName + `\s*` + ordinal + `(?:\s*[.,]?\s*\d{4})?` +
		`|` + ordinal + `\s+(?:of\s+)?` + monthName + `,?\s*(?:\d{4})?` +
		`|` + monthName + `,?\s+\d{4}` +
		`|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})`
	datelineRe = regexp.MustCompile(`^\(?(?:[^.!?()]{0,60}?[,:]\s*)?` + dateExpr + `\)?[.,]?\)?$`)

	salutationWords = `(?:comrades?|friends?|sirs?|madam|gentlemen|brothers?|sisters?|citizens|workers|delegates|members|colleagues|ladies and gentlemen|brothers and sisters|comrades and friends)`
	salutationHead  = `(?:(?i:my|our)\s+)?(?:(?i:dear|dearest|respected|esteemed|honou?red|beloved|fellow)\s+)*` +
		`(?:(?i:` + salutationWords + `)(?:\s+(?:and\s+)?\p{Lu}[\p{L}.’'-]*)*|(?i:dear)\s+\p{Lu}[^,:!]{0,40})`
	salutationRe    = regexp.MustCompile(`^` + salutationHead + `\s*[,:!]$`)
	salutationRunIn = regexp.MustCompile(`^(` + salutationHead + `\s*[:!])\s+(["“«‘']?\p{Lu}.*)$`)

	roman     = `(?:[IVXLC]{1,7})`
	headingRe = regexp.MustCompile(`^(?:(?:CHAPTER|Chapter|PART|Part|BOOK|Book|SECTION|Section|ARTICLE|Article)\s+(?:` + roman + `|\d{1,3}|[A-Z][A-Za-z]+)\.?(?:\s*[.:—–-]?\s+\S.*)?` +
		`|` + roman + `\.?|\d{1,3}\.?` +
		`|` + roman + `\.\s+\p{Lu}.*|\d{1,3}\.\s+\p{Lu}.*)$`)

	notesHeadingRe = regexp.MustCompile(`(?i)^(?:notes|footnotes|endnotes|notes and references)\s*:?$`)
	noteStart      = regexp.MustCompile(`^\[(\d{1,3})\]\s*(.*)$`)

	adRe = regexp.MustCompile(`(?i)^(?:(?:also|now) (?:available|published|ready|in print)|(?:other|more|recent|new) (?:books|titles|publications|pamphlets|works)|books (?:by|from|of)\b|(?:publisher'?s )?advertisements?\b|by the same author|from the same publisher|read also\b|order (?:from|now)\b|catalogue|catalog\b)`)

	navRe     = regexp.MustCompile(`(?i)^(?:click here\b.*|top of (?:the )?page\.?|(?:back|return|go) to (?:the )?(?:top|index|contents|home|main page|archive|list|previous page|start)\b.*|https?://\S+|www\.\S+\.\S+)$`)
	navWords  = map[string]bool{"home": true, "index": true, "top": true, "contents": true, "next": true, "previous": true, "prev": true, "back": true, "up": true, "main": true, "menu": true, "archive": true, "back to top": true, "next page": true, "previous page": true}
	attribRe  = regexp.MustCompile(`(?i)^(?:reproduced|reprinted|translated|transcribed|transcription|first published|published|printed|source|taken|originally|html markup|proofread|online version|copyleft|written|delivered)\b`)
	imprintRe = regexp.MustCompile(`(?i)(?:publishing house|publishers?\b|\bpress\b|verlag|éditions|\beditions\b|printing (?:house|office)|\bprinters\b|publications\b)`)
	placeYear = regexp.MustCompile(`^(?:\p{Lu}[\p{L}.'’ :&-]*,\s*)?(?:1[5-9]|20)\d\d\.?$`)
	closeRe   = regexp.MustCompile(`(?i)^(?:yours\b|with .{0,40}greetings|fraternally|sincerely|respectfully|faithfully|in solidarity)[^.]{0,40}[,.]?$`)
	bylineRe  = regexp.MustCompile(`(?i)^by\s+\S`)
)

func isDateline(s string) bool {
	return utf8.RuneCountInString(s) <= 80 && len(strings.Fields(s)) <= 12 && datelineRe.MatchString(s)
}

func isSalutation(s string) bool {
	return len(s) <= 120 && len(strings.Fields(s)) <= 8 && salutationRe.MatchString(s)
}

func isHeading(s string) bool {
	if !headingRe.MatchString(s) || len(strings.Fields(s)) > 12 {
		return false
	}
	// A title after the number is a heading's, not a sentence's: no
	// closing full stop (an initial or abbreviation aside).
	f := strings.Fields(s)
	if len(f) > 1 && strings.HasSuffix(s, ".") && utf8.RuneCountInString(f[len(f)-1]) > 3 {
		return false
	}
	return true
}

func isNav(s string) bool {
	if navRe.MatchString(s) {
		return true
	}
	// A navigation bar: "Home | Index | Next".
	if strings.Count(s, "|") >= 1 {
		for _, part := range strings.Split(s, "|") {
			if !isNavWord(part) {
				return false
			}
		}
		return true
	}
	return false
}

func isNavWord(s string) bool {
	if len(s) > 40 {
		return false
	}
	s = strings.ToLower(strings.Trim(s, " []()<>«»‹›←→↑.:-"))
	return navWords[s]
}

func isAttribution(s string) bool { return attribRe.MatchString(s) }

// isSourceField reports a "Source: ..." or "First published: ..." line, the
// fields archives print above or below a text to say where it came from.
func isSourceField(s string) bool {
	i := strings.IndexByte(s, ':')
	return i > 0 && i <= 30 && attribRe.MatchString(s)
}

func isFurniture(s string) bool {
	return isDateline(s) || isSalutation(s) || isHeading(s) || isNav(s) || isSourceField(s)
}

// isSignatureLine reports a line that could close a letter: short, and not
// ending a sentence (initials aside).
func isSignatureLine(s string) bool {
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 80 || len(strings.Fields(s)) > 12 {
		return false
	}
	if strings.HasSuffix(s, ".") {
		f := strings.Fields(s)
		return utf8.RuneCountInString(f[len(f)-1]) <= 3 // "N. Lenin" is fine, "... end." is not
	}
	return !strings.HasSuffix(s, ";") && !strings.HasSuffix(s, "?")
}

func (r *archiveReader) classify() {
	for _, b := range r.blocks {
		b.kind = r.shapeOf(b)
	}
}

func (r *archiveReader) shapeOf(b *archiveBlock) shape {
	t := b.text()
	one := len(b.lines) == 1
	first := b.lines[0].text
	switch {
	case allLines(b, isNav):
		return shapeNav
	case allLines(b, isNavWord):
		return shapeNavWeak
	case one && notesHeadingRe.MatchString(t):
		return shapeNotesHeading
	case noteStart.MatchString(first):
		return shapeNoteStart
	case one && isSourceField(t):
		return shapeAttribution // "Written: 12 April 1920" is a field, not a dateline
	case one && isDateline(t):
		return shapeDateline
	case one && isSalutation(t):
		return shapeSalutation
	case isHeading(first) && allLines(b, isShortLine):
		return shapeHeading
	case one && len(t) <= 60 && adRe.MatchString(t):
		return shapeAdStart
	case len(b.lines) <= 3 && isAttribution(first) && len(strings.Fields(t)) <= 60:
		return shapeAttribution
	case len(b.lines) <= 4 && allLines(b, isShortLine) && anyLine(b, isImprintLine):
		return shapeImprint
	case one && bylineRe.MatchString(t) && len(strings.Fields(t)) <= 10:
		return shapeByline
	case len(b.lines) <= 4 && allLines(b, isShortLine):
		return shapeShort
	}
	return shapeProse
}

func isImprintLine(s string) bool { return imprintRe.MatchString(s) || placeYear.MatchString(s) }

// isShortLine is a display line: a title, an imprint, a signature.
func isShortLine(s string) bool {
	if utf8.RuneCountInString(s) > 100 || len(strings.Fields(s)) > 15 {
		return false
	}
	return isSignatureLine(s) && !strings.HasSuffix(s, ",")
}

func allLines(b *archiveBlock, f func(string) bool) bool {
	for _, l := range b.lines {
		if !f(l.text) {
			return false
		}
	}
	return true
}

func anyLine(b *archiveBlock, f func(string) bool) bool {
	for _, l := range b.lines {
		if f(l.text) {
			return true
		}
	}
	return false
}

// role is what the zones made of a block.
type role int

const (
	roleBody role = iota
	roleDropped
	roleTitle
	roleImprint
	roleTrailer     // a source line: Source.Trailer
	roleTopDateline // a dateline above the body
	roleSignature   // closing the last section
	roleEndDateline // closing the last section
	roleNote        // a note body: Source.Notes
)

// zones finds the top of the document (title, imprint, a dateline, source
// notes), the tail (signature, dateline, source line, notes, navigation,
// advertisements) and leaves the body between them.
func (r *archiveReader) zones() error {
	// Navigation links are furniture wherever they are.
	for _, b := range r.blocks {
		if b.kind == shapeNav {
			b.dropAs(DropNavigation)
		}
	}
	r.contents()
	start := r.topZone()
	r.tailZone(start)
	for _, b := range r.blocks {
		if b.role == roleBody {
			return nil
		}
	}
	return fmt.Errorf("%s: %w", r.file, decode.ErrNoBody)
}

var contentsRe = regexp.MustCompile(`(?i)^(?:table of )?contents[.:]?$`)

// contents drops a printed table of contents: a "Contents" line and the
// heading-like entries under it, up to the entry that repeats the first
// one (where the text itself begins) or, failing that, up to the last
// heading before the first paragraph.
func (r *archiveReader) contents() {
	for i, b := range r.blocks {
		if b.role != roleBody || len(b.lines) != 1 || !contentsRe.MatchString(b.lines[0].text) {
			continue
		}
		entry := func(b *archiveBlock) bool {
			return b.role == roleBody && (b.kind == shapeHeading || b.kind == shapeShort)
		}
		j := i + 1
		if j >= len(r.blocks) || !entry(r.blocks[j]) {
			return
		}
		first := contentsKey(r.blocks[j])
		repeated := false
		for ; j < len(r.blocks) && entry(r.blocks[j]); j++ {
			if j > i+1 && contentsKey(r.blocks[j]) == first {
				repeated = true
				break
			}
		}
		if !repeated {
			j-- // the last heading is the text's own
		}
		if j <= i+1 {
			return
		}
		for _, b := range r.blocks[i:j] {
			b.dropAs(DropContents)
		}
		return
	}
}

var contentsLabel = regexp.MustCompile(`^(?:(?:chapter|part|book|section|article)\s+[^\s.:]+|[ivxlc]{1,7}\.|\d{1,3}\.)`)

// contentsKey is what a contents entry and the heading it lists share: the
// label ("chapter i", "ii.") when there is one, else the line without page
// number or leaders.
func contentsKey(b *archiveBlock) string {
	t := strings.ToLower(b.lines[0].text)
	if m := contentsLabel.FindString(t); m != "" {
		return strings.TrimSuffix(m, ".")
	}
	return strings.TrimRight(t, " .0123456789")
}

// topZone assigns the blocks above the body and returns the index of the
// first body block.
func (r *archiveReader) topZone() int {
	titleLines, imprint := 0, false
	sawDate := false
	i, last := 0, r.lastBody()
	for ; i < len(r.blocks); i++ {
		b := r.blocks[i]
		if b.role != roleBody {
			continue
		}
		if b.kind == shapeNavWeak {
			b.dropAs(DropNavigation)
			continue
		}
		if i >= last {
			break // the last block is body, whatever it looks like
		}
		switch b.kind {
		case shapeAttribution:
			if strings.Contains(b.lines[0].text, ":") {
				// "Source: ...", "First published: ..." above the text.
				b.role = roleTrailer
				continue
			}
		case shapeDateline:
			b.role, sawDate = roleTopDateline, true
			continue
		case shapeImprint:
			if !sawDate {
				b.role, imprint = roleImprint, true
				continue
			}
		case shapeByline, shapeShort:
			if !sawDate && !imprint && titleLines+len(b.lines) <= 6 {
				b.role = roleTitle
				titleLines += len(b.lines)
				continue
			}
		}
		break
	}
	return i
}

// lastBody returns the index of the last block that may be body.
func (r *archiveReader) lastBody() int {
	for i := len(r.blocks) - 1; i >= 0; i-- {
		if b := r.blocks[i]; b.role == roleBody && b.kind != shapeNavWeak {
			return i
		}
	}
	return -1
}

// tailZone assigns the blocks after the body: advertisements from their
// heading on, a notes block, and, backwards from the end in any order,
// navigation, source lines, datelines and (in a letter) up to two
// signature blocks. start is the first body block, which stays body.
func (r *archiveReader) tailZone(start int) {
	end := len(r.blocks)
	for i := start + 1; i < end; i++ {
		if r.blocks[i].kind == shapeAdStart && r.blocks[i].role == roleBody {
			for _, b := range r.blocks[i:] {
				if b.role == roleBody {
					b.dropAs(DropAdvertisement)
				}
			}
			end = i
			break
		}
	}
	// From a "Notes" heading on, everything but furniture is a note.
	for i := end - 1; i > start; i-- {
		if r.blocks[i].kind == shapeNotesHeading && r.blocks[i].role == roleBody {
			r.blocks[i].dropAs(DropNotesHeading)
			for _, b := range r.blocks[i+1 : end] {
				switch {
				case b.role != roleBody:
				case b.kind == shapeNavWeak:
					b.dropAs(DropNavigation)
				case b.kind == shapeAttribution:
					b.role = roleTrailer
				default:
					b.role = roleNote
				}
			}
			end = i
			break
		}
	}
	signatures, closed := 0, false
	for j := end - 1; j > start; j-- {
		b := r.blocks[j]
		if b.role != roleBody {
			continue
		}
		switch b.kind {
		case shapeNavWeak:
			b.dropAs(DropNavigation)
			continue
		case shapeAttribution:
			b.role = roleTrailer
			continue
		case shapeNoteStart:
			if !closed {
				b.role = roleNote
				continue
			}
		case shapeDateline:
			b.role, closed = roleEndDateline, true
			continue
		case shapeProse:
			// "With comradely greetings," above a signature.
			if signatures > 0 && signatures < 3 && len(b.lines) == 1 && closeRe.MatchString(b.lines[0].text) {
				b.role = roleSignature
				signatures++
				continue
			}
		case shapeShort, shapeByline:
			if signatures < 2 && !strings.HasSuffix(b.text(), "!") && r.letterLike(j) {
				b.role, closed = roleSignature, true
				signatures++
				continue
			}
		}
		break
	}
}

// letterLike reports whether block j may be a signature: the document has
// a salutation, or a dateline stands next to the block.
func (r *archiveReader) letterLike(j int) bool {
	if r.salutations < 0 {
		r.salutations = 0
		for _, b := range r.blocks {
			if b.kind == shapeSalutation || b.kind == shapeProse && salutationRunIn.MatchString(b.lines[0].text) {
				r.salutations++
			}
		}
	}
	if r.salutations > 0 {
		return true
	}
	for _, k := range []int{j - 1, j + 1} {
		if k >= 0 && k < len(r.blocks) && r.blocks[k].kind == shapeDateline {
			return true
		}
	}
	return false
}

var noteMarker = regexp.MustCompile(`^(?:\[(\d{1,3})\]|(\d{1,3})[.)](?:\s|$))\s*`)

// build turns the assigned blocks into the Source: notes first, so that
// body references can be matched with them, then everything in order.
func (r *archiveReader) build() {
	r.notes, r.noteIDs = map[string]bool{}, map[string]bool{}
	var last *model.Block
	for _, b := range r.blocks {
		if b.role != roleNote {
			continue
		}
		text := r.joinLines(b, false)
		m := noteMarker.FindStringSubmatch(text)
		if m == nil && last != nil {
			// A further paragraph of the note before.
			last.Inlines = append(last.Inlines, model.Inline{Kind: model.LineBreak})
			last.Inlines = append(last.Inlines, r.parseInlines(text, false)...)
			continue
		}
		num, attr := strconv.Itoa(len(r.src.Notes)+1), model.Attr(nil)
		if m != nil {
			num = m[1] + m[2]
			text = text[len(m[0]):]
			attr = model.Attr{{Key: "mark", Value: num}}
		} else {
			r.src.Warnings = append(r.src.Warnings, model.Warning{File: r.file, Line: b.first().num, Message: "note without a [n] mark; nothing can refer to it"})
		}
		// A repeated mark keeps its note under a new id; references go
		// to the first.
		id := "n" + num
		for k := 2; r.noteIDs[id]; k++ {
			id = "n" + num + "-" + strconv.Itoa(k)
		}
		if attr != nil {
			r.notes[num] = true
		}
		r.noteIDs[id] = true
		r.src.Notes = append(r.src.Notes, model.Block{Kind: model.Note, ID: id, Line: b.first().num,
			Attr: attr, Inlines: r.parseInlines(text, false)})
		last = &r.src.Notes[len(r.src.Notes)-1]
	}

	var secs []model.Section
	cur := model.Section{Role: model.RoleChapter}
	hasPara := func() bool {
		for _, b := range cur.Blocks {
			if b.Kind == model.Paragraph {
				return true
			}
		}
		return false
	}
	push := func() {
		if len(cur.Blocks) > 0 || len(cur.Title) > 0 {
			secs = append(secs, cur)
		}
		cur = model.Section{Role: model.RoleChapter}
	}
	firstPara := true
	for i := 0; i < len(r.blocks); i++ {
		b := r.blocks[i]
		switch b.role {
		case roleDropped:
			for _, l := range b.lines {
				r.drop(l, b.reason)
			}
		case roleTitle:
			for _, l := range b.lines {
				r.src.Title = append(r.src.Title, l.text)
			}
		case roleImprint:
			for _, l := range b.lines {
				r.src.Imprint = append(r.src.Imprint, l.text)
			}
		case roleTrailer:
			r.src.Trailer = append(r.src.Trailer, r.block(model.Attribution, b, false))
		case roleTopDateline, roleEndDateline:
			cur.Blocks = append(cur.Blocks, r.block(model.Dateline, b, false))
		case roleSignature:
			sig := r.block(model.Signature, b, true)
			if n := len(cur.Blocks); n > 0 && cur.Blocks[n-1].Kind == model.Signature {
				// A complimentary close and the signatory: one signature.
				cur.Blocks[n-1].Inlines = append(append(cur.Blocks[n-1].Inlines, model.Inline{Kind: model.LineBreak}), sig.Inlines...)
				continue
			}
			cur.Blocks = append(cur.Blocks, sig)
		case roleBody:
			switch b.kind {
			case shapeSalutation:
				if hasPara() {
					push()
				}
				cur.Blocks = append(cur.Blocks, r.block(model.Salutation, b, false))
				firstPara = true
				continue
			case shapeHeading:
				if hasPara() || len(cur.Title) > 0 {
					push()
				}
				cur.Title = r.headingTitle(b)
				// "CHAPTER III" over "THE PEASANTRY": the short line under a
				// bare number is the heading's title.
				if len(b.lines) == 1 && i+1 < len(r.blocks) && r.blocks[i+1].role == roleBody &&
					r.blocks[i+1].kind == shapeShort && len(r.blocks[i+1].lines) == 1 && bareHeading(b.lines[0].text) {
					i++
					cur.Title = append(cur.Title, model.Inline{Kind: model.LineBreak})
					cur.Title = append(cur.Title, r.parseInlines(r.blocks[i].lines[0].text, false)...)
				}
				firstPara = true
				continue
			case shapeDateline:
				cur.Blocks = append(cur.Blocks, r.block(model.Dateline, b, false))
				continue
			}
			text := r.joinLines(b, false)
			if firstPara {
				if m := salutationRunIn.FindStringSubmatch(text); m != nil && !strings.Contains(m[1], "\n") {
					cur.Blocks = append(cur.Blocks, model.Block{Kind: model.Salutation, Line: b.first().num, Inlines: r.parseInlines(m[1], false)})
					text = m[2]
				}
			}
			cur.Blocks = append(cur.Blocks, model.Block{Kind: model.Paragraph, Line: b.first().num, Inlines: r.parseInlines(text, true)})
			firstPara = false
		}
	}
	push()
	r.src.Sections = secs
	for _, n := range r.src.Notes {
		if mark := n.Attr.Get("mark"); mark != "" && !r.referenced[mark] {
			r.src.Warnings = append(r.src.Warnings, model.Warning{File: r.file, Line: n.Line, Message: fmt.Sprintf("note [%s] is never referenced", n.Attr.Get("mark"))})
		}
	}
	sort.SliceStable(r.src.Dropped, func(i, j int) bool { return r.src.Dropped[i].Line < r.src.Dropped[j].Line })
}

var bareHeadingRe = regexp.MustCompile(`^(?:(?:CHAPTER|Chapter|PART|Part|BOOK|Book|SECTION|Section|ARTICLE|Article)\s+\S+|[IVXLC]{1,7}\.?|\d{1,3}\.?)$`)

func bareHeading(s string) bool { return bareHeadingRe.MatchString(s) }

// headingTitle is a heading block's lines as a section title.
func (r *archiveReader) headingTitle(b *archiveBlock) []model.Inline {
	var ins []model.Inline
	for i, l := range b.lines {
		if i > 0 {
			ins = append(ins, model.Inline{Kind: model.LineBreak})
		}
		ins = append(ins, r.parseInlines(l.text, false)...)
	}
	return ins
}

func (r *archiveReader) block(kind model.BlockKind, b *archiveBlock, hard bool) model.Block {
	return model.Block{Kind: kind, Line: b.first().num, Inlines: r.parseInlines(r.joinLines(b, hard), false)}
}

func (r *archiveReader) hasBody() bool {
	for _, s := range r.src.Sections {
		for _, b := range s.Blocks {
			if b.Kind == model.Paragraph {
				return true
			}
		}
	}
	return false
}

// joinLines joins a block's lines: with a space where the text was merely
// wrapped, with "\n" (a line break) where the writer broke the line, and
// with nothing after a line ending in a hyphen or dash attached to a word,
// so "well-" + "known" reads "well-known". The hyphen is kept: telling a
// printer's line-end hyphenation from a compound's hyphen needs a
// dictionary, and an edition must not change words silently.
func (r *archiveReader) joinLines(b *archiveBlock, hard bool) string {
	var s strings.Builder
	for i, l := range b.lines {
		if i > 0 {
			prev := b.lines[i-1].text
			switch {
			case attachedDash(prev) && !hard:
			case hard || !b.soft[i-1]:
				s.WriteByte('\n')
			default:
				s.WriteByte(' ')
			}
		}
		s.WriteString(l.text)
	}
	return s.String()
}

func attachedDash(s string) bool {
	if strings.HasSuffix(s, "—") || strings.HasSuffix(s, "–") {
		return true
	}
	if !strings.HasSuffix(s, "-") {
		return false
	}
	t := strings.TrimRight(s, "-")
	rr, _ := utf8.DecodeLastRuneInString(t)
	return t != "" && (unicode.IsLetter(rr) || unicode.IsDigit(rr))
}

// parseInlines turns text into inlines: "\n" into line breaks, _underscored_
// runs into emphasis (the plain-text convention Project Gutenberg uses for
// italics), and, when refs is set, "[n]" into a reference to note n if the
// text has such a note. Everything else is kept as printed.
func (r *archiveReader) parseInlines(s string, refs bool) []model.Inline {
	var out []model.Inline
	var text strings.Builder
	var closers []int
	if strings.IndexByte(s, '_') >= 0 {
		closers = emphClosers(s)
	}
	flush := func() {
		if text.Len() > 0 {
			out = append(out, model.Str(text.String()))
			text.Reset()
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			flush()
			out = append(out, model.Inline{Kind: model.LineBreak})
			i++
			continue
		case c == '_':
			if j := emphClose(s, i, closers); j > 0 {
				flush()
				out = append(out, model.Inline{Kind: model.Emph, Children: r.parseInlines(s[i+1:j], refs)})
				i = j + 1
				continue
			}
		case c == '[' && refs:
			if j := strings.IndexByte(s[i:min(len(s), i+5)], ']'); j > 1 {
				num := s[i+1 : i+j]
				if archiveDigits(num) {
					if r.notes[num] {
						flush()
						out = append(out, model.Inline{Kind: model.NoteRef, Target: "n" + num, Text: num})
						if r.referenced == nil {
							r.referenced = map[string]bool{}
						}
						r.referenced[num] = true
						i += j + 1
						continue
					}
					if !r.warned[num] {
						if r.warned == nil {
							r.warned = map[string]bool{}
						}
						r.warned[num] = true
						r.src.Warnings = append(r.src.Warnings, model.Warning{File: r.file, Message: fmt.Sprintf("note reference [%s] has no note; kept as text", num)})
					}
				}
			}
		}
		text.WriteByte(c)
		i++
	}
	flush()
	return out
}

func archiveDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// emphClosers returns the positions in s of underscores that can close
// emphasis: after a non-space, before a non-word character or the end, so
// that snake_case and lone underscores stay text.
func emphClosers(s string) []int {
	var cs []int
	for j := 1; j < len(s); j++ {
		if s[j] != '_' {
			continue
		}
		p, _ := utf8.DecodeLastRuneInString(s[:j])
		if unicode.IsSpace(p) {
			continue
		}
		if j+1 < len(s) {
			if q, _ := utf8.DecodeRuneInString(s[j+1:]); archiveWordRune(q) {
				continue
			}
		}
		cs = append(cs, j)
	}
	return cs
}

// emphClose returns the index of the underscore closing the emphasis
// opened at s[i], or -1. An opening underscore follows a non-word character
// and precedes a non-space; closers are those emphClosers found.
func emphClose(s string, i int, closers []int) int {
	if i > 0 {
		p, _ := utf8.DecodeLastRuneInString(s[:i])
		if archiveWordRune(p) {
			return -1
		}
	}
	n, _ := utf8.DecodeRuneInString(s[i+1:])
	if i+1 >= len(s) || unicode.IsSpace(n) || n == '_' {
		return -1
	}
	k := sort.SearchInts(closers, i+2)
	// Emphasis closes within a few lines; an underscore further on is
	// another matter.
	if k < len(closers) && closers[k] < i+maxEmph {
		return closers[k]
	}
	return -1
}

const maxEmph = 2000

func archiveWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
