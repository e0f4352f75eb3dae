package apparatus

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
)

// Survey counts the typewriter conventions of a text that the typography
// pass turns into a printed book's characters. Taken before and after that
// pass, it tells the Note on the Text which kinds of silent change the
// edition made, and only those: a documentary edition names each kind of
// change it makes without listing it (the Note's "silent changes").
type Survey struct {
	StraightQuotes int // ' and "
	HyphenRuns     int // -- and ---
	SpacedHyphens  int // a hyphen between two spaces
	Dots           int // runs of three or more full stops
	NoBreakSpaces  int // U+00A0
}

// SurveyText surveys the text of secs and of the blocks more (the lines
// under the text).
func SurveyText(secs []model.Section, more []model.Block) Survey {
	var s Survey
	add := func(text string) {
		s.StraightQuotes += strings.Count(text, "'") + strings.Count(text, `"`)
		s.HyphenRuns += runs(text, '-', 2, 3)
		s.SpacedHyphens += strings.Count(text, " - ")
		s.Dots += runs(text, '.', 3, 1<<30)
		s.NoBreakSpaces += strings.Count(text, "\u00a0")
	}
	var walk func(bs []model.Block)
	walk = func(bs []model.Block) {
		for i := range bs {
			add(model.PlainText(bs[i].Inlines))
			walk(bs[i].Children)
		}
	}
	for i := range secs {
		walk(secs[i].Blocks)
	}
	walk(more)
	return s
}

// runs counts the runs of c in text whose length is from lo to hi.
func runs(text string, c byte, lo, hi int) int {
	n := 0
	for i := 0; i < len(text); {
		if text[i] != c {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] == c {
			j++
		}
		if l := j - i; l >= lo && l <= hi {
			n++
		}
		i = j
	}
	return n
}

// SilentChanges are the surveys of the text before and after typography.
type SilentChanges struct{ Before, After Survey }

// sentences returns the statement of each kind of change the surveys show
// was made.
func (c SilentChanges) sentences(l *locale.Locale) []string {
	var out []string
	b, a := c.Before, c.After
	if a.StraightQuotes < b.StraightQuotes {
		out = append(out, l.T(locale.SilentQuotes))
	}
	if a.HyphenRuns < b.HyphenRuns {
		out = append(out, l.T(locale.SilentDashes))
	}
	if a.SpacedHyphens < b.SpacedHyphens {
		out = append(out, l.T(locale.SilentSpacedDash))
	}
	if a.Dots < b.Dots {
		out = append(out, l.T(locale.SilentEllipsis))
	}
	if n := a.NoBreakSpaces - b.NoBreakSpaces; n > 0 {
		out = append(out, sentenceNoBreakSpaces(l, n))
	}
	return out
}

// NameSpellings returns the words this edition's title page and imprint
// print with diacritics the copy-text's title block lacks (or the other
// way round), as pairs of the copy-text's word and this edition's: the
// manifest's "Frashëri" for the transcription's "Frasheri". Only accents
// count: a word in other capitals is the same word.
func NameSpellings(m model.Meta, src *model.Source) [][2]string {
	if src == nil {
		return nil
	}
	var ours []string
	for _, s := range []string{m.Title, m.Subtitle, m.Original.Publisher, m.Original.Place} {
		ours = append(ours, letterWords(s)...)
	}
	for _, c := range m.Creators {
		ours = append(ours, letterWords(c.Name)...)
	}
	var pairs [][2]string
	seen := map[string]bool{}
	for _, line := range append(append([]string(nil), src.Title...), src.Imprint...) {
		for _, theirs := range letterWords(line) {
			for _, w := range ours {
				if w != theirs && withoutAccents(w) == withoutAccents(theirs) && !seen[theirs+"\x00"+w] {
					seen[theirs+"\x00"+w] = true
					pairs = append(pairs, [2]string{theirs, w})
				}
			}
		}
	}
	return pairs
}

// letterWords splits s into its runs of letters and digits.
func letterWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) && !unicode.Is(unicode.Mn, r) })
}

// withoutAccents removes the combining marks of s after canonical
// decomposition: "Frashëri" → "Frasheri".
func withoutAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
