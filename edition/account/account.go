// Package account checks that a build lost no words: it counts the words
// the model holds, block by block, and compares them with the words each
// writer reports it set, naming the place of every shortfall. A block kind
// one writer forgets, a note nothing refers to, a footnote too long for
// its page: each shows as words the model has and a writer did not set.
//
// Words are counted by the rule the print edition counts them by
// (linebreak.Words over the block's own text, without its note marks), so the
// counts of the model, the EPUB and the PDF are comparable. A writer may
// set more words than the model holds (list numbers, page references,
// brackets round an editorial heading), never fewer.
package account

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/layout/linebreak"
)

// Count is the number of words set for each block, by block ID, and for
// the title of each part of the body, by TitleKey of the section's ID.
type Count map[string]int

// TitleKey is the key a section's title is counted under.
func TitleKey(sectionID string) string { return "title:" + sectionID }

// Words returns the number of words in s: linebreak.Words's words that have a
// visible character. A run of no-break spaces, which linebreak.Words keeps as
// a word, is no word a reader could miss (a paragraph of one no-break space
// is how some Markdown converters write an empty line).
func Words(s string) int {
	n := 0
	for _, w := range linebreak.Words(s) {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsSpace(r) }) >= 0 {
			n++
		}
	}
	return n
}

// Add adds the words of s to the count of key.
func (c Count) Add(key, s string) {
	if n := Words(s); n > 0 {
		c[key] += n
	}
}

// Titled reports whether a section's title is text the edition must carry:
// the title of a part of the body, from the source or from the editor's
// text.headings. The titles of the generated parts ("Notes", "Contents")
// are the book's furniture, which a writer sets its own way.
func Titled(s *model.Section) bool {
	return s.Role == model.RoleChapter && strings.TrimSpace(s.PlainTitle()) != ""
}

// Of counts the words the edition holds: the own text of every block with
// an ID (a block's children are counted as blocks of their own) and the
// title of every part of the body.
func Of(ed *model.Edition) Count {
	c := Count{}
	for _, s := range ed.Sections() {
		if Titled(&s) {
			c.Add(TitleKey(s.ID), s.PlainTitle())
		}
		walk(s.Blocks, func(b *model.Block) {
			if b.ID != "" {
				c.Add(b.ID, model.PlainText(b.Inlines))
			}
		})
	}
	return c
}

func walk(bs []model.Block, fn func(*model.Block)) {
	for i := range bs {
		fn(&bs[i])
		walk(bs[i].Children, fn)
	}
}

// Shortfall is a part of the edition whose words a writer did not all set.
type Shortfall struct {
	Writer  string // "the EPUB", "the PDF"
	Section string // the section's title, or its ID when it has none
	Missing int    // words the model holds and the writer did not set
	// First is the first block that fell short: its kind, ID and opening
	// words, for the editor to find it.
	Kind  string
	Block string
	From  string
}

// Error reads: the PDF leaves out 4,211 words of "CHAPTER II" (first in
// note block "note-19", from "The first of these…").
func (s Shortfall) Error() string {
	where := fmt.Sprintf("%s block %q", s.Kind, s.Block)
	if s.Kind == "title" {
		where = "its title"
	}
	return fmt.Sprintf("%s leaves out %s of %q (first in %s, from %q)", s.Writer, plural(s.Missing, "word"), s.Section, where, s.From)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s + " " + word + "s"
}

// Check compares what writer set with what the edition holds, section by
// section, in reading order, and returns a shortfall for every section that
// lost words.
func Check(ed *model.Edition, writer string, set Count) []Shortfall {
	return CheckEdition(ed, "", writer, set)
}

// CheckEdition is Check for the writer of one edition, by its format name
// ("pdf", "epub"): a block marked as belonging to another edition alone
// (model.OnlyInAttr) is not owed by this one.
func CheckEdition(ed *model.Edition, format, writer string, set Count) []Shortfall {
	var out []Shortfall
	for _, s := range ed.Sections() {
		var sf *Shortfall
		miss := func(key, kind, id, text string) {
			held := Words(text)
			if held == 0 || set[key] >= held {
				return
			}
			if sf == nil {
				title := strings.TrimSpace(s.PlainTitle())
				if title == "" {
					title = s.ID
				}
				sf = &Shortfall{Writer: writer, Section: title, Kind: kind, Block: id, From: opening(text)}
			}
			sf.Missing += held - set[key]
		}
		if Titled(&s) {
			miss(TitleKey(s.ID), "title", s.ID, s.PlainTitle())
		}
		var owed func(bs []model.Block)
		owed = func(bs []model.Block) {
			for i := range bs {
				b := &bs[i]
				if format != "" && !b.In(format) {
					continue // nor its children: the block is another edition's
				}
				if b.ID != "" {
					miss(b.ID, b.Kind.String(), b.ID, model.PlainText(b.Inlines))
				}
				owed(b.Children)
			}
		}
		owed(s.Blocks)
		if sf != nil {
			out = append(out, *sf)
		}
	}
	return out
}

// opening returns the first few words of text, for a message.
func opening(text string) string {
	const n = 6
	w := linebreak.Words(text)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + "…"
}
