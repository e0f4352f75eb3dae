package archive

// Project Gutenberg's furniture, in every era it was written:
//
//   - 2000s on: a header of "Title:", "Author:", ... fields, then
//     "*** START OF THIS PROJECT GUTENBERG EBOOK X ***"; at the end
//     "End of the Project Gutenberg EBook of X", "*** END OF ... ***" and
//     the full licence; "Produced by ..." credits inside the markers.
//   - 1990s: asterisk-framed banner lines ("**Welcome To The World of Free
//     Plain Vanilla Electronic Texts**"), "This file should be named ...",
//     a "Small Print!" licence closed by "*END*THE SMALL PRINT!...*END*",
//     sometimes an "Information about Project Gutenberg" page, notes by
//     the Project about the etext, and a closing "End of The Project
//     Gutenberg Etext of X" line.
//
// Everything of these is dropped and reported once; the header's fields
// are kept in Source.Fields for bindery import.

import (
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
)

var (
	gutenbergStart     = newLazyRegexp(`(?i)^\*{3}\s*start of\b`)
	gutenbergEnd       = newLazyRegexp(`(?i)^\*{3}\s*end of\b`)
	gutenbergEndLine   = newLazyRegexp(`(?i)^end of (?:the )?(?:this )?project gutenberg|^end of project gutenberg`)
	smallPrintEnd      = newLazyRegexp(`(?i)^\*\s*end\s*\*?\s*the small print`)
	gutenbergMention   = newLazyRegexp(`(?i)project gutenberg|\be-?texts?\b|gutenberg\.(?:org|net)|\bsmall print\b`)
	gutenbergCredit    = newLazyRegexp(`(?i)^(?:produced by|e-?text (?:prepared|scanned) by|transcribed (?:from .* )?by|typed by|scanned by|proofread by|this e-?text was prepared by)\b`)
	gutenbergFieldLine = newLazyRegexp(`^(Title|Author|Authors|Editor|Translator|Illustrator|Release Date|Posting Date|Last Updated|Language|Character set encoding|Original publication|Produced by|Credits):\s*(.*)$`)
)

// gutenberg drops a Project Gutenberg header and footer of any era and
// keeps the header's fields.
func (r *reader) gutenberg() {
	r.gutenbergFields()
	start, end := -1, len(r.lines)
	for i, l := range r.lines {
		if start < 0 && gutenbergStart.MatchString(l.text) && strings.Contains(strings.ToLower(l.text), "gutenberg") {
			start = i
			continue
		}
		if gutenbergEnd.MatchString(l.text) && strings.Contains(strings.ToLower(l.text), "gutenberg") {
			end = i
			break
		}
	}
	if start < 0 {
		start = r.smallPrint()
	}
	if start < 0 && end == len(r.lines) && !r.gutenbergTail() {
		return
	}
	for i := range r.lines {
		if i <= start || i >= end {
			r.dropLine(i, dropGutenberg)
		}
	}
	if start >= 0 {
		r.gutenbergNotes(start+1, end)
	}
	// The closing line just inside the end marker, wrapped or not.
	for i := end - 1; i > start && i >= 0; i-- {
		if r.lines[i].text == "" {
			continue
		}
		p := paragraphStart(r.lines, i)
		if gutenbergEndLine.MatchString(r.lines[p].text) {
			for k := p; k <= i; k++ {
				r.dropLine(k, dropGutenberg)
			}
		}
		break
	}
}

// gutenbergTail drops a 1990s closing line ("End of The Project Gutenberg
// Etext of ...") and everything after it, for files that have no other
// marker; it reports whether it found one.
func (r *reader) gutenbergTail() bool {
	for i := len(r.lines) - 1; i >= 0 && i >= len(r.lines)-40; i-- {
		if gutenbergEndLine.MatchString(r.lines[i].text) {
			for k := i; k < len(r.lines); k++ {
				r.dropLine(k, dropGutenberg)
			}
			return true
		}
	}
	return false
}

// smallPrint returns the index of the line that closes a 1990s header,
// "*END*THE SMALL PRINT! ...", when the file opens with Project
// Gutenberg's banner; or, without a Small Print, the last line of the
// opening paragraphs that speak of Project Gutenberg or etexts; or -1.
func (r *reader) smallPrint() int {
	limit := min(len(r.lines), 1200)
	for i := 0; i < limit; i++ {
		if smallPrintEnd.MatchString(r.lines[i].text) {
			return i
		}
	}
	// No Small Print: the leading paragraphs about the etext.
	last := -1
	for i := 0; i < limit; {
		j := nextNonBlank(r.lines, i)
		if j < 0 {
			break
		}
		k := j
		mentions := false
		for ; k < len(r.lines) && r.lines[k].text != ""; k++ {
			if gutenbergMention.MatchString(r.lines[k].text) {
				mentions = true
			}
		}
		if !mentions {
			break
		}
		last = k - 1
		i = k
	}
	return last
}

// gutenbergNotes drops, after the header, the credits ("Produced by ...")
// and the paragraphs in which the Project speaks of the etext (1990s
// files put a note on the transcription there), up to the first
// paragraph that does not.
func (r *reader) gutenbergNotes(from, to int) {
	for i := from; i < to; {
		j := nextNonBlank(r.lines, i)
		if j < 0 || j >= to {
			return
		}
		k := j
		for k < to && r.lines[k].text != "" {
			k++
		}
		credit := gutenbergCredit.MatchString(r.lines[j].text)
		if !credit && !r.mentionsGutenberg(j, k) {
			return
		}
		if credit {
			// The volunteers who produced the transcription are named
			// where the edition names its source, as Standard Ebooks
			// credits them: the credit is a line of the Source page.
			r.moveToSourcePage(j, k)
		} else {
			for n := j; n < k; n++ {
				r.dropLine(n, dropGutenberg)
			}
		}
		i = k
	}
}

// moveToSourcePage takes lines from..to-1, a paragraph the transcriber
// wrote of the transcription, out of the text and onto the Source page.
func (r *reader) moveToSourcePage(from, to int) {
	var words []string
	for n := from; n < to; n++ {
		r.lines[n].dropped = true
		words = append(words, r.lines[n].text)
	}
	r.src.Trailer = append(r.src.Trailer, model.Block{Kind: model.Attribution, Line: r.lines[from].num,
		Inlines: []model.Inline{model.Str(strings.Join(words, " "))}})
	r.changes.add(moveTranscriberNote, r.lines[from].num, r.lines[to-1].num)
}

func (r *reader) mentionsGutenberg(from, to int) bool {
	for n := from; n < to; n++ {
		if gutenbergMention.MatchString(r.lines[n].text) {
			return true
		}
	}
	return false
}

// paragraphStart returns the index of the first line of the paragraph
// holding line i.
func paragraphStart(lines []line, i int) int {
	for i > 0 && lines[i-1].text != "" {
		i--
	}
	return i
}

// gutenbergFields keeps the "Key: value" fields of a Project Gutenberg
// header (a value may continue on indented lines: "Title: La vérité en
// marche" / "       L'affaire Dreyfus"), and the title and author of its
// first line ("The Project Gutenberg EBook of Common Sense, by Thomas
// Paine").
func (r *reader) gutenbergFields() {
	limit := min(len(r.lines), 400)
	for i := 0; i < limit; i++ {
		l := r.lines[i]
		if gutenbergStart.MatchString(l.text) {
			break
		}
		if m := gutenbergOf.FindStringSubmatch(l.text); m != nil && i < 20 {
			r.src.Fields = append(r.src.Fields, model.Field{Key: "Etext", Value: strings.Trim(m[1], " *"), Line: l.num})
			continue
		}
		if m := gutenbergBanner.FindStringSubmatch(l.text); m != nil && i < 40 {
			// The 1990s banner dates the release and numbers the etext
			// on a line of its own ("June, 1993  [Etext #71]"), what a
			// modern header's "Release Date:" field says: kept under
			// that key, so that the etext's number gives its address.
			r.src.Fields = append(r.src.Fields, model.Field{Key: "Release Date", Value: strings.Join(strings.Fields(l.text), " "), Line: l.num})
			continue
		}
		m := gutenbergFieldLine.FindStringSubmatch(l.text)
		if m == nil || l.indent > 0 {
			continue
		}
		v := m[2]
		for k := i + 1; k < limit && r.lines[k].indent > 0 && r.lines[k].text != "" && !strings.Contains(r.lines[k].text, ":"); k++ {
			v += "\n" + r.lines[k].text
			i = k
		}
		r.src.Fields = append(r.src.Fields, model.Field{Key: m[1], Value: strings.TrimSpace(v), Line: l.num})
	}
}

// gutenbergBanner is the line of a 1990s banner that dates and numbers
// the etext: "December, 1974  [Etext #4]", "June, 1993  [Etext #71]".
var gutenbergBanner = newLazyRegexp(`(?i)^\W*(?:\pL+\.?,?\s+)?(?:\d{1,2},?\s+)?\d{4}\s*\[e-?(?:text|book)\s*#\d+\]\W*$`)

// gutenbergOf is the title line of a header: "The Project Gutenberg EBook
// of X, by Y", "Project Gutenberg's X, by Y", "**The Project Gutenberg
// Etext of X**".
var gutenbergOf = newLazyRegexp(`(?i)^\W*(?:the )?project gutenberg(?:'s|’s)?(?: e-?book| e-?text)?(?: of)?\s+(.+?)\W*$`)
