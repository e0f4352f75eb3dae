// Package typography is the typography pass: typewriter conventions of plain text turned into
// the characters a printed book uses, as Standard Ebooks' typogrify does
// and following Bringhurst, The Elements of Typographic Style (§5.2 dashes,
// §5.5 quotation marks, §2.1.7 ellipses). Only punctuation and spaces
// change: no letter or digit is ever added, removed or moved, so the words
// of the edition stay the words of the source.
//
//	"  '     straight quotes → the language's marks by context (“ ” ‘ ’ in
//	         English, „ “ ‚ ‘ in German, « » “ ” in French; Conventions);
//	         apostrophes → ’
//	«  »     guillemets kept as printed; in French, narrow no-break spaces
//	         inside them and before ; : ! ?
//	-- ---   em dash —, spacing kept as printed (four or more hyphens, a
//	         blank for an omitted name, are kept)
//	 -       a hyphen with a space on each side → spaced en dash –
//	         (Bringhurst §5.2.1 prefers the spaced en dash to the spaced
//	         hyphen; the closed em dash would also need the spaces removed),
//	         or the language's own dash (Russian's spaced em dash)
//	...      ellipsis …; a fourth dot stays a full stop after it
//	N. Lenin no-break space after initials and abbreviated titles before a
//	         name, after "No." "p." "vol." before a number, and between a
//	         month and its day ("October 5", "5 October"), so that no line
//	         ends on an initial or separates a date (Chicago 6.116)
package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/model"
)

// Inlines returns a copy of ins with typographic quotes, dashes, ellipses
// and no-break spaces, by the conventions of lang (a BCP 47 tag), or of
// the language a span declares (its "lang" attribute, as [θάλασσα]{lang=el}
// gives it) for the text inside it. Quotes are decided with their
// neighbours across inline boundaries (an apostrophe after emphasised text
// is still an apostrophe); code, note references and bare URLs are left
// alone.
func Inlines(ins []model.Inline, lang string) []model.Inline {
	c := For(lang)
	return inlines(ins, &c)
}

func inlines(ins []model.Inline, c *Conventions) []model.Inline {
	out := cloneInlines(ins)
	type piece struct {
		in  *model.Inline // a text run to typeset, or nil for context only
		ctx string
		st  *runState // the conventions of the run's language and its quotes; nil for the block's
	}
	var pieces []piece
	// Each language met in a span has its conventions and its own state
	// of quotation: a quotation opened in a Greek phrase closes there.
	// Most blocks have none, and make no map.
	book := runState{c: c}
	var states map[string]*runState
	var collect func(ins []model.Inline, st *runState)
	collect = func(ins []model.Inline, st *runState) {
		for i := range ins {
			switch ins[i].Kind {
			case model.Text:
				pieces = append(pieces, piece{in: &ins[i], st: st})
			case model.LineBreak:
				pieces = append(pieces, piece{ctx: " "})
			case model.Code:
				pieces = append(pieces, piece{ctx: ins[i].Text})
			case model.NoteRef:
				// A note mark sits outside the sentence: "word,”[1] and".
			case model.Link:
				if t := model.PlainText(ins[i].Children); t == ins[i].Target {
					// A bare URL shown as itself: its hyphens and dots
					// are the address, not punctuation.
					pieces = append(pieces, piece{ctx: t})
					continue
				}
				collect(ins[i].Children, st)
			case model.Span:
				lang := ins[i].Attr.Get("lang")
				if lang == "" {
					collect(ins[i].Children, st)
					continue
				}
				own, ok := states[lang]
				if !ok {
					conv := For(lang)
					own = &runState{c: &conv}
					if states == nil {
						states = map[string]*runState{}
					}
					states[lang] = own
				}
				collect(ins[i].Children, own)
			default:
				collect(ins[i].Children, st)
			}
		}
	}
	collect(out, nil)
	var before rune
	for k, p := range pieces {
		text := p.ctx
		if p.in != nil {
			after := rune(0)
			for _, q := range pieces[k+1:] {
				t := q.ctx
				if q.in != nil {
					t = q.in.Text
				}
				if t != "" {
					after, _ = utf8.DecodeRuneInString(t)
					break
				}
			}
			st := p.st
			if st == nil {
				st = &book
			}
			p.in.Text = st.run(p.in.Text, before, after)
			text = p.in.Text
		}
		if text != "" {
			before, _ = utf8.DecodeLastRuneInString(text)
		}
	}
	return out
}

// Text typesets a string standing alone in lang: a title, a heading.
func Text(s, lang string) string {
	c := For(lang)
	st := runState{c: &c}
	return st.run(s, 0, 0)
}

// Sections typesets, in place, the titles and blocks of secs in lang, or
// in the language a block declares (its "lang" attribute) for that block
// and the blocks inside it.
func Sections(secs []model.Section, lang string) {
	c := For(lang)
	for i := range secs {
		secs[i].Title = inlines(secs[i].Title, &c)
		blocks(secs[i].Blocks, &c)
	}
}

// Blocks typesets, in place, the inlines of bs and of their children,
// recursively, in lang (see Sections).
func Blocks(bs []model.Block, lang string) {
	c := For(lang)
	blocks(bs, &c)
}

func blocks(bs []model.Block, c *Conventions) {
	for i := range bs {
		bc := c
		if l := bs[i].Attr.Get("lang"); l != "" {
			own := For(l)
			bc = &own
		}
		bs[i].Inlines = inlines(bs[i].Inlines, bc)
		blocks(bs[i].Children, bc)
	}
}

func cloneInlines(ins []model.Inline) []model.Inline {
	if ins == nil {
		return nil
	}
	out := make([]model.Inline, len(ins))
	copy(out, ins)
	for i := range out {
		out[i].Children = cloneInlines(out[i].Children)
	}
	return out
}

// runState carries what the typesetting of one block's runs needs from run
// to run: its conventions, and whether a single quotation is open, which
// tells a closing single quote from an apostrophe where they differ (‘ and
// ’ in German).
type runState struct {
	c          *Conventions
	singleOpen bool
}

// run typesets one run of text; before and after are the characters around
// it (0 at the start or end of the block).
func (st *runState) run(s string, before, after rune) string {
	c := st.c
	if !strings.ContainsAny(s, "-.\"' ") && !(c.SpaceBeforeHigh && strings.ContainsAny(s, "«»;:!?")) {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	prev := func() rune {
		if len(out) > 0 {
			return out[len(out)-1]
		}
		return before
	}
	at := func(i int) rune {
		if i < len(rs) {
			return rs[i]
		}
		return after
	}
	for i := 0; i < len(rs); i++ {
		ch := rs[i]
		switch ch {
		case '-':
			n := runLength(rs, i, '-')
			switch {
			case n == 2 || n == 3:
				out = append(out, '—')
				i += n - 1
				continue
			case n >= 4:
				out = append(out, rs[i:i+n]...)
				i += n - 1
				continue
			case prev() == ' ' && (at(i+1) == ' ' || i+1 == len(rs) && after == ' '):
				ch = c.SpacedDash
			}
		case '.':
			if n := runLength(rs, i, '.'); n >= 3 {
				out = append(out, '…')
				out = append(out, rs[i+3:i+n]...)
				i += n - 1
				continue
			}
		case '"':
			if opensQuote(prev()) && !isSpaceOrEnd(at(i+1)) {
				ch = c.Double[0]
			} else {
				ch = c.Double[1]
			}
		case '\'':
			p, n := prev(), at(i+1)
			switch {
			case typoAlnum(p) && typoAlnum(n):
				ch = '’' // don’t, Khrushchev’s
			case opensQuote(p) && typoAlnum(n) && !elided(rs[i+1:]):
				ch = c.Single[0]
				st.singleOpen = true
			case st.singleOpen && !typoAlnum(n):
				ch = c.Single[1]
				st.singleOpen = false
			default:
				ch = '’' // an apostrophe: workers’, ’tis, ’64
			}
		case ' ':
			if noBreakAfter(c, out, rs[i+1:], after) {
				ch = '\u00a0'
			}
		}
		out = append(out, ch)
	}
	if c.SpaceBeforeHigh {
		out = frenchSpaces(out, before, after)
	}
	if c.DashKeepsWord {
		for i := 1; i < len(out); i++ {
			if out[i] == c.SpacedDash && out[i-1] == ' ' {
				out[i-1] = '\u00a0'
			}
		}
	}
	return string(out)
}

// frenchSpaces puts a narrow no-break space (U+202F) inside guillemets and
// before the high punctuation ; : ! ?, replacing a space written there or
// adding one where none was, as French typography does; a colon or a mark
// inside a word ("10:30", "http://") is left alone. before and after are
// the characters around the run.
func frenchSpaces(rs []rune, before, after rune) []rune {
	const nnbsp = '\u202f'
	isSpace := func(r rune) bool { return r == ' ' || r == '\u00a0' }
	out := make([]rune, 0, len(rs)+4)
	for i, ch := range rs {
		next := after
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch ch {
		case '»', ';', ':', '!', '?':
			// Before the mark: the space it wants.
			p := before
			if len(out) > 0 {
				p = out[len(out)-1]
			}
			high := ch != '»'
			if high && next != 0 && !isSpace(next) && !strings.ContainsRune("»)]…\"'’;:!?", next) {
				break // inside a word or an address
			}
			if high && p != 0 && strings.ContainsRune(";:!?", p) {
				break // "?!": the space stands before the first only
			}
			switch {
			case len(out) > 0 && isSpace(p):
				out[len(out)-1] = nnbsp
			case p != 0 && p != nnbsp && !isSpace(p) && p != '«':
				out = append(out, nnbsp)
			}
		}
		out = append(out, ch)
		if ch == '«' {
			switch {
			case i+1 < len(rs) && isSpace(rs[i+1]):
				rs[i+1] = nnbsp
			case next != 0 && next != nnbsp && !isSpace(next):
				out = append(out, nnbsp)
			}
		}
	}
	return out
}

func runLength(rs []rune, i int, c rune) int {
	n := 0
	for i+n < len(rs) && rs[i+n] == c {
		n++
	}
	return n
}

// opensQuote reports whether a quote after p opens: at the start, after a
// space, an opening bracket or quote, or a dash.
func opensQuote(p rune) bool {
	return p == 0 || unicode.IsSpace(p) || strings.ContainsRune("([{«‹“‘—–-/", p)
}

func isSpaceOrEnd(r rune) bool { return r == 0 || unicode.IsSpace(r) }

func typoAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// elided reports whether the word after an apostrophe is one that commonly
// loses its first letters ('tis, 'em, 'cause) or is a two-digit year ('64,
// '60s): the apostrophe then points the other way from an opening quote.
func elided(rest []rune) bool {
	if len(rest) >= 2 && unicode.IsDigit(rest[0]) && unicode.IsDigit(rest[1]) && (len(rest) == 2 || !unicode.IsDigit(rest[2])) {
		return true
	}
	end := 0
	for end < len(rest) && unicode.IsLetter(rest[end]) {
		end++
	}
	switch strings.ToLower(string(rest[:end])) {
	case "tis", "twas", "twere", "twill", "em", "n", "cause", "til", "round", "neath", "gainst":
		return true
	}
	return false
}

// noBreakAfter reports whether the space between out (the text so far)
// and rest (the text after the space) should not break a line.
func noBreakAfter(c *Conventions, out, rest []rune, after rune) bool {
	start := len(out)
	for start > 0 && !unicode.IsSpace(out[start-1]) {
		start--
	}
	for start < len(out) && strings.ContainsRune(openers, out[start]) {
		start++
	}
	if start == len(out) {
		return false
	}
	next := after
	if len(rest) > 0 {
		next = rest[0]
	}
	// Most spaces are followed by a lower-case word and follow one that
	// is not a day number: decide those without making the word a string.
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !unicode.IsDigit(out[start]) {
		return false
	}
	word := string(out[start:])
	switch {
	case unicode.IsUpper(next) && (c.titles[word] || isInitials(word)):
		return true // N. Khrushchev, V. I. Lenin, J.V. Stalin, Mr. Smith
	case unicode.IsDigit(next) && c.numbers[word]:
		return true // No. 5, p. 44
	case unicode.IsDigit(next) && c.months[word]:
		digits := 0
		for digits < len(rest) && unicode.IsDigit(rest[digits]) {
			digits++
		}
		return digits <= 2 // October 5, not October 1964
	case isDayNumber(word):
		end := 0
		for end < len(rest) && unicode.IsLetter(rest[end]) {
			end++
		}
		if end < len(rest) && rest[end] == '.' {
			end++
		}
		return c.months[string(rest[:end])] // 5 October, 5. Oktober
	}
	return false
}

// openers are the brackets and quotation marks that open a word without
// being part of it: "(N." and "„N." are initials.
const openers = "([«“‘\"'„‚"

// isInitials reports "N." or "J.V.": capitals each followed by a full stop.
func isInitials(w string) bool {
	rs := []rune(w)
	if len(rs) < 2 || len(rs)%2 != 0 {
		return false
	}
	for i := 0; i < len(rs); i += 2 {
		if !unicode.IsUpper(rs[i]) || rs[i+1] != '.' {
			return false
		}
	}
	return true
}

// isDayNumber reports a day's number: "5", "21st", "1er" as French writes
// the first, or "5." as German writes it.
func isDayNumber(w string) bool {
	w = strings.TrimSuffix(w, ".")
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "st"), "nd"), "rd"), "th"), "er")
	return len(w) >= 1 && len(w) <= 2 && w[0] >= '0' && w[0] <= '9' && (len(w) == 1 || w[1] >= '0' && w[1] <= '9')
}
