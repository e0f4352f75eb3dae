package archive

// Inlines: the plain-text conventions archives use inside paragraphs.
// _Underscored_ runs are italics (Project Gutenberg's convention); "[n]",
// "[Footnote n]" and an asterisk after a word are references to notes,
// when the text has such a note; "[Pg 12]", the page of the printed source
// that Project Gutenberg's proofreaders mark where it began, is left out,
// as an edition with pages of its own leaves out another's (said in the
// Note on the Text). Everything else is kept as printed.

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/model"
)

// joinLines joins a block's lines: with a space where the text was merely
// wrapped, with "\n" (a line break) where the writer broke the line, and
// with nothing after a line ending in a hyphen or dash attached to a word,
// so "well-" + "known" reads "well-known". The hyphen is kept: telling a
// printer's line-end hyphenation from a compound's hyphen needs a
// dictionary, and an edition must not change words silently.
func (r *reader) joinLines(b *block, hard bool) string {
	var s strings.Builder
	for i, l := range b.lines {
		if i > 0 {
			prev := b.lines[i-1].text
			switch {
			case attachedDash(prev) && !hard:
			case hard || i-1 < len(b.soft) && !b.soft[i-1]:
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

// parseInlines turns the text of block at into inlines: "\n" into line
// breaks, _underscored_ runs into emphasis, and, when refs is set, note
// references into links to the notes they point to.
func (r *reader) parseInlines(s string, at int, refs bool) []model.Inline {
	var out []model.Inline
	var text strings.Builder
	var closers, strongClosers []int
	if strings.IndexByte(s, '_') >= 0 {
		closers = emphClosers(s, '_')
	}
	if strings.IndexByte(s, '=') >= 0 {
		strongClosers = emphClosers(s, '=')
	}
	flush := func() {
		if text.Len() > 0 {
			out = append(out, model.Str(text.String()))
			text.Reset()
		}
	}
	ref := func(e *noteEntry) {
		flush()
		e.used = true
		out = append(out, model.Inline{Kind: model.NoteRef, Target: e.id, Text: e.num})
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
				out = append(out, model.Inline{Kind: model.Emph, Children: r.parseInlines(s[i+1:j], at, refs)})
				i = j + 1
				continue
			}
		case c == '=':
			// =Equals-signed= runs are bold, Project Gutenberg's
			// convention for a bold face (its transcribers' notes say
			// "bold text is marked =thus="). An equals sign between
			// spaces or inside a word ("a = b", "x=1") opens nothing.
			if j := emphClose(s, i, strongClosers); j > 0 {
				flush()
				out = append(out, model.Inline{Kind: model.Strong, Children: r.parseInlines(s[i+1:j], at, refs)})
				i = j + 1
				continue
			}
		case c == '[' && pageMarker.MatchString(s[i:]):
			n := len(pageMarker.FindString(s[i:]))
			if b := r.blocks[at]; b != nil {
				r.changes.add(dropPageNumbers, b.first().num, b.last().num)
			}
			i += n
			// The space on one side goes with the marker, so that no
			// double space is left where it stood ("word [Pg 2] word").
			if text.Len() > 0 && strings.HasSuffix(text.String(), " ") && i < len(s) && s[i] == ' ' {
				i++
			}
			continue
		case (c == '[' || c == '{') && refs:
			if mark, n := bracketRef(s[i:]); n > 0 {
				if e := r.notes.noteFor(mark, at); e != nil {
					ref(e)
					i += n
					continue
				}
				if isDigitString(mark) {
					r.unresolved(mark)
				}
			}
		case c == '*' && refs && i > 0 && starRefAt(s, i):
			if r.stars == nil {
				r.stars = map[int]int{}
			}
			n := r.stars[at]
			r.stars[at]++
			if k, ok := r.notes.starRef[[2]int{at, n}]; ok {
				ref(&r.notes.entries[k])
				i++
				continue
			}
		}
		text.WriteByte(c)
		i++
	}
	flush()
	return out
}

// pageMarker is Project Gutenberg's mark of a page of the printed source,
// at the start of the text it is matched against: "[Pg 12]", "[Pg xiv]".
var pageMarker = newLazyRegexp(`^\[Pg\.?\s?(?:\d{1,4}|[ivxlcdm]{1,7})\]`)

// bracketRef reads "[12]", "{12}" or "[Footnote 12]" at the start of s: the mark
// and the length, or 0.
func bracketRef(s string) (string, int) {
	closer := byte(']')
	if s[0] == '{' {
		closer = '}' // "{1}": numbers only
	}
	end := strings.IndexByte(s[:min(len(s), 16)], closer)
	if end < 2 {
		return "", 0
	}
	inner := s[1:end]
	inner = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(inner, "Footnote"), "Fußnote"))
	if inner == "" || len(inner) > 3 || !isDigitString(inner) && (closer == '}' || !(len(inner) == 1 && unicode.IsLetter(rune(inner[0])))) {
		return "", 0
	}
	return inner, end + 1
}

// starRefAt reports an asterisk right after a word or closing mark, not
// opening a line: "our own*;", "souls,"*".
func starRefAt(s string, i int) bool {
	p, _ := utf8.DecodeLastRuneInString(s[:i])
	if unicode.IsSpace(p) {
		return false
	}
	if i+1 < len(s) {
		q, _ := utf8.DecodeRuneInString(s[i+1:])
		if unicode.IsLetter(q) || unicode.IsDigit(q) || q == '*' {
			return false
		}
	}
	return true
}

func (r *reader) unresolved(mark string) {
	for _, w := range r.src.Warnings {
		if w.Message == "note reference ["+mark+"] has no note; kept as text" {
			return
		}
	}
	r.src.Warnings = append(r.src.Warnings, model.Warning{File: r.file, Message: "note reference [" + mark + "] has no note; kept as text"})
}

func isDigitString(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// emphClosers returns the positions in s of marks (underscores, or
// equals signs) that can close emphasis: after a non-space, before a
// non-word character or the end, so that snake_case and lone underscores
// stay text.
func emphClosers(s string, mark byte) []int {
	var cs []int
	for j := 1; j < len(s); j++ {
		if s[j] != mark {
			continue
		}
		p, _ := utf8.DecodeLastRuneInString(s[:j])
		if unicode.IsSpace(p) {
			continue
		}
		if j+1 < len(s) {
			if q, _ := utf8.DecodeRuneInString(s[j+1:]); wordRune(q) {
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
		if wordRune(p) {
			return -1
		}
	}
	n, _ := utf8.DecodeRuneInString(s[i+1:])
	if i+1 >= len(s) || unicode.IsSpace(n) || n == rune(s[i]) {
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

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
