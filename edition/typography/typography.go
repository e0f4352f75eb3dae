// Package typography is the typography pass: typewriter conventions of plain text turned into
// the characters a printed book uses, as Standard Ebooks' typogrify does
// and following Bringhurst, The Elements of Typographic Style (§5.2 dashes,
// §5.5 quotation marks, §2.1.7 ellipses). Only punctuation and spaces
// change: no letter or digit is ever added, removed or moved, so the words
// of the edition stay the words of the source.
//
//	"  '     straight quotes → “ ” ‘ ’ by context; apostrophes → ’
//	«  »     guillemets kept as printed
//	-- ---   em dash —, spacing kept as printed (four or more hyphens, a
//	         blank for an omitted name, are kept)
//	 -       a hyphen with a space on each side → spaced en dash –
//	         (Bringhurst §5.2.1 prefers the spaced en dash to the spaced
//	         hyphen; the closed em dash would also need the spaces removed)
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
// and no-break spaces. Quotes are decided with their neighbours across
// inline boundaries (an apostrophe after emphasised text is still an
// apostrophe); code, note references and bare URLs are left alone.
func Inlines(ins []model.Inline) []model.Inline {
	out := cloneInlines(ins)
	type piece struct {
		in  *model.Inline // a text run to typeset, or nil for context only
		ctx string
	}
	var pieces []piece
	var collect func(ins []model.Inline)
	collect = func(ins []model.Inline) {
		for i := range ins {
			switch ins[i].Kind {
			case model.Text:
				pieces = append(pieces, piece{in: &ins[i]})
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
				collect(ins[i].Children)
			default:
				collect(ins[i].Children)
			}
		}
	}
	collect(out)
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
			p.in.Text = typesetRun(p.in.Text, before, after)
			text = p.in.Text
		}
		if text != "" {
			before, _ = utf8.DecodeLastRuneInString(text)
		}
	}
	return out
}

// Text typesets a string standing alone: a title, a heading.
func Text(s string) string { return typesetRun(s, 0, 0) }

// Sections typesets, in place, the titles and blocks of secs.
func Sections(secs []model.Section) {
	for i := range secs {
		secs[i].Title = Inlines(secs[i].Title)
		Blocks(secs[i].Blocks)
	}
}

// Blocks typesets, in place, the inlines of bs and of their
// children, recursively.
func Blocks(bs []model.Block) {
	for i := range bs {
		bs[i].Inlines = Inlines(bs[i].Inlines)
		Blocks(bs[i].Children)
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

// typesetRun typesets one run of text; before and after are the characters
// around it (0 at the start or end of the block).
func typesetRun(s string, before, after rune) string {
	if !strings.ContainsAny(s, "-.\"' ") {
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
		c := rs[i]
		switch c {
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
				c = '–'
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
				c = '“'
			} else {
				c = '”'
			}
		case '\'':
			p, n := prev(), at(i+1)
			switch {
			case typoAlnum(p) && typoAlnum(n):
				c = '’' // don’t, Khrushchev’s
			case opensQuote(p) && typoAlnum(n) && !elided(rs[i+1:]):
				c = '‘'
			default:
				c = '’' // a closing quote, workers’, ’tis, ’64
			}
		case ' ':
			if noBreakAfter(out, rs[i+1:], after) {
				c = '\u00a0'
			}
		}
		out = append(out, c)
	}
	return string(out)
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

// Abbreviations after which a space does not break: titles before a name,
// and words before a number.
var (
	typoTitleAbbrevs  = typoSet("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Mt.", "Prof.", "Gen.", "Col.", "Capt.", "Lt.", "Sgt.", "Maj.", "Adm.", "Rev.", "Hon.", "Gov.", "Sen.", "Rep.", "Pres.", "Messrs.", "Mme.", "Mlle.")
	typoNumberAbbrevs = typoSet("No.", "no.", "Nos.", "nos.", "p.", "pp.", "vol.", "Vol.", "vols.", "art.", "Art.", "ch.", "Ch.", "chap.", "Chap.", "fig.", "Fig.", "§")
	typoMonths        = typoSet("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
		"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.")
)

func typoSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// noBreakAfter reports whether the space between out (the text so far)
// and rest (the text after the space) should not break a line.
func noBreakAfter(out, rest []rune, after rune) bool {
	start := len(out)
	for start > 0 && !unicode.IsSpace(out[start-1]) {
		start--
	}
	for start < len(out) && strings.ContainsRune("([«“‘\"'", out[start]) {
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
	case unicode.IsUpper(next) && (typoTitleAbbrevs[word] || isInitials(word)):
		return true // N. Khrushchev, V. I. Lenin, J.V. Stalin, Mr. Smith
	case unicode.IsDigit(next) && typoNumberAbbrevs[word]:
		return true // No. 5, p. 44
	case unicode.IsDigit(next) && typoMonths[word]:
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
		return typoMonths[string(rest[:end])] // 5 October
	}
	return false
}

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

func isDayNumber(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "st"), "nd"), "rd"), "th")
	return len(w) >= 1 && len(w) <= 2 && w[0] >= '0' && w[0] <= '9' && (len(w) == 1 || w[1] >= '0' && w[1] <= '9')
}
