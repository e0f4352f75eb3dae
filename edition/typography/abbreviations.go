package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// AbbreviationKind tells what an abbreviation stands before.
type AbbreviationKind int

const (
	// Initials are a person's initials before the surname: "N." in
	// "N. Khrushchev", "V. I." in "V. I. Lenin".
	Initials AbbreviationKind = iota
	// Title is an abbreviated title before a name: "Mr.", "Dr.".
	Title
	// Numbering is an abbreviated word before a number: "No.", "p.".
	Numbering
)

// Abbreviation is an abbreviation in a run of text: s[Start:End].
type Abbreviation struct {
	Start, End int
	Kind       AbbreviationKind
}

// Abbreviations finds in s, text the typography pass has set, the
// abbreviations that pass kept with what follows them by a no-break space
// (see noBreakAfter): initials before a name, a title before a name, a
// word before a number. An e-book marks them up, as Standard Ebooks'
// manual asks (8.10: <abbr>, and class "name" for initials), so that
// their full stops are not read as the ends of sentences. Consecutive
// initials are one abbreviation ("V. I.").
func (c *Conventions) Abbreviations(s string) []Abbreviation {
	if !strings.ContainsRune(s, '\u00a0') {
		return nil
	}
	var out []Abbreviation
	start := -1 // of the word being read
	for i, r := range s {
		switch {
		case r == '\u00a0':
			if start >= 0 {
				out = c.abbreviation(out, s, start, i)
			}
			start = -1
		case unicode.IsSpace(r):
			start = -1
		case start < 0:
			start = i
		}
	}
	return out
}

// abbreviation adds s[start:end], a word followed by a no-break space,
// to out when it is an abbreviation kept with the word after it.
func (c *Conventions) abbreviation(out []Abbreviation, s string, start, end int) []Abbreviation {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !strings.ContainsRune(openers, r) {
			break
		}
		start += n // as noBreakAfter, an opening bracket or quote is not the word's
	}
	word := s[start:end]
	next, _ := utf8.DecodeRuneInString(s[end+len("\u00a0"):])
	switch {
	case isInitials(word) && unicode.IsUpper(next):
		if n := len(out); n > 0 && out[n-1].Kind == Initials && out[n-1].End+len("\u00a0") == start {
			out[n-1].End = end // "V." then "I.": one group
			return out
		}
		return append(out, Abbreviation{start, end, Initials})
	case c.titles[word] && unicode.IsUpper(next):
		return append(out, Abbreviation{start, end, Title})
	case c.numbers[word] && unicode.IsDigit(next):
		return append(out, Abbreviation{start, end, Numbering})
	}
	return out
}
