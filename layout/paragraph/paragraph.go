// Package paragraph is the line breaker a book is set with: Knuth–Plass
// (layout/linebreak) tuned for the book's faces, hyphenated by the
// patterns of the book's language and its list of exceptions, each phrase
// marked in another language by that language's patterns, remembering
// every paragraph it has set; and centred display lines balanced.
package paragraph

import (
	"fmt"
	"sync"

	"github.com/bindery-editions/bindery/layout/hyphen"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/unit"
)

// Breaker breaks a paragraph into lines: a linebreak.Setter, or a Memo of
// one.
type Breaker interface {
	Set(p linebreak.ParagraphSpec) []linebreak.Line
}

// NewSetter returns the line breaker a book is set with.
//
// Gentium's word space is narrow (0.22 em, against 0.33 in Computer Modern),
// so its glue alone stretches little and the passes within tolerance often
// fail. Font expansion of up to 2.5%, drawn with Tz, gives the letters a
// share of every adjustment (see linebreak.Setter.UseExpansion); a first pass without
// hyphenation that accepts lines up to badness 200 (TeX's \pretolerance,
// which Plain TeX sets at 100) and a hyphen penalty of 150 (TeX's 50) keep
// hyphens to the paragraphs that need them. On the open letter's 296 pt
// measure at 10.5 pt, these took the hyphenated lines from 14% to 8% of
// the lines with the word spaces' 95th percentile at 1.32 times the natural
// space (TestOpenLetterSetting in layout/linebreak).
func NewSetter(m linebreak.Measurer, h *hyphen.Hyphenator) *linebreak.Setter {
	s := linebreak.NewSetter(m, h)
	s.UseExpansion(25)
	s.FinalExpansion = 40
	s.Pretolerance = 200
	s.HyphenPenalty = 150
	return s
}

// Hyphenator returns the hyphenator of a language, knowing the words of a
// hyphenation list, or nil and a warning when the language has no
// patterns.
func Hyphenator(language string, hyphenation []string) (*hyphen.Hyphenator, string) {
	h, err := hyphen.New(language)
	if err != nil {
		return nil, fmt.Sprintf("words are not hyphenated: %v", err)
	}
	return h.WithExceptions(hyphenation), ""
}

// Phrases makes and keeps the hyphenator of each language a phrase is
// marked in (linebreak.Span.Lang), so that its cache of words serves every
// paragraph. The zero value is ready; it is safe for concurrent use.
type Phrases struct {
	mu     sync.Mutex
	byLang map[string]phraseHyphenator
}

type phraseHyphenator struct {
	h   *hyphen.Hyphenator
	err error
}

// Get returns the hyphenator of lang, or the reason there is none.
func (ph *Phrases) Get(lang string) (*hyphen.Hyphenator, error) {
	ph.mu.Lock()
	defer ph.mu.Unlock()
	if e, ok := ph.byLang[lang]; ok {
		return e.h, e.err
	}
	if ph.byLang == nil {
		ph.byLang = map[string]phraseHyphenator{}
	}
	h, err := hyphen.New(lang)
	ph.byLang[lang] = phraseHyphenator{h, err}
	return h, err
}

// Languages returns the Setter's Languages for a document hyphenated with
// book: a phrase in the document's own patterns' language is hyphenated
// with book, and so with the document's list.
func (ph *Phrases) Languages(book *hyphen.Hyphenator) func(lang string) *hyphen.Hyphenator {
	return func(lang string) *hyphen.Hyphenator {
		if book != nil {
			if id, err := hyphen.Match(lang); err == nil && id == book.Language() {
				return book
			}
		}
		h, _ := ph.Get(lang)
		return h
	}
}

// Balanced sets a centred paragraph (a heading, a title) in as few lines
// as the measure allows but with the lines as even as possible, by
// narrowing the measure symmetrically while the line count holds: "Long
// Title of / Albania" becomes "Long Title / of Albania" (Bringhurst 5.2.1
// on breaking display lines).
func Balanced(s Breaker, p linebreak.ParagraphSpec) []linebreak.Line {
	lines := s.Set(p)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := unit.Length(0), (p.Measure-p.LeftIndent-p.RightIndent)/2
	best := lines
	for hi-lo > unit.Point {
		mid := (lo + hi) / 2
		q := p
		q.LeftIndent += mid
		q.RightIndent += mid
		try := s.Set(q)
		if len(try) == len(lines) && fits(try, q.Measure-q.LeftIndent-q.RightIndent) && forced(try) <= forced(lines) {
			best, lo = try, mid
		} else {
			hi = mid
		}
	}
	return best
}

// forced counts the lines that end at a break of the last resort: a
// narrower measure that parts a word, or words bound by a no-break space
// (a title's "и" and the word it goes with), is no balance.
func forced(lines []linebreak.Line) int {
	n := 0
	for _, l := range lines {
		if l.Forced {
			n++
		}
	}
	return n
}

// fits reports whether no line is wider than width.
func fits(lines []linebreak.Line, width unit.Length) bool {
	for _, l := range lines {
		if l.Natural > width {
			return false
		}
	}
	return true
}
