package archive

// The title page: what a source prints above its text. The text begins at
// its first paragraph (or salutation), together with the heading right
// over it, a letter's dateline, and headings of a numbered style that
// recurs in the text ("BOOK I" over "CHAPTER 1"). Everything above is the
// title page: title and byline lines, then, from the first line that
// names a publisher, place and year, printer or copyright, the imprint.
// Transcribers' notes and source lines there go to the Source page; a
// printed table of contents, illustrations and navigation are left out.

import (
	"strings"
)

// titlePage assigns the blocks above the text and returns the index of
// the first body block, or -1 when there is none.
func (r *reader) titlePage() int {
	first := -1
	for i, b := range r.blocks {
		if b.role != roleBody {
			continue
		}
		// A centred sentence on a title page is a motto, not the text.
		if b.kind == shapeProse && b.align != alignCentred || b.kind == shapeSalutation || b.kind == shapeStarNote {
			first = i
			break
		}
	}
	if first < 0 {
		// No paragraph: the last block is the text, whatever it looks like.
		for i := len(r.blocks) - 1; i >= 0; i-- {
			if b := r.blocks[i]; b.role == roleBody && b.kind != shapeNav && b.kind != shapeNavWeak {
				first = i
				break
			}
		}
		if first < 0 {
			return -1
		}
	}
	start := first
	heading := false
	for j := first - 1; j >= 0; j-- {
		b := r.blocks[j]
		if b.role != roleBody {
			continue
		}
		switch {
		case b.kind == shapeDateline && !heading:
			start = j
			continue
		case b.kind == shapeShort && !heading && b.gap <= 1 && j > 0 && r.blocks[j-1].kind == shapeHeading &&
			len(r.blocks[j-1].lines) == 1 && bareNumber(r.blocks[j-1].lines[0].text):
			start = j // "THE MASTERS" under "CHAPTER I"
			continue
		case b.kind == shapeHeading && !heading:
			start, heading = j, true
			continue
		case !heading && start == first:
			if k := r.epigraphUnder(j); k >= 0 {
				start, heading, j = k, true, k
				continue
			}
		case b.kind == shapeHeading && len(b.lines) == 1 && bareNumber(b.lines[0].text) && r.blocks[start].gap <= 1 && start == j+1:
			start = j // "CHAPTER I" over "THE MASTERS"
			continue
		case b.kind == shapeHeading && isNumbered(b.style) && r.recurs(b.style, first):
			start = j
			continue
		case b.kind == shapeBreak || b.kind == shapeIllustration:
			continue
		}
		break
	}
	r.topZone(start)
	return start
}

// epigraphUnder returns the heading over an epigraph that ends at block
// j, or -1: a quotation set off from the margin ("_\"The road goes ever on
// and on.\"_") and its attribution ("--OLD SONG."), at most three blocks
// between a poem's or a chapter's title and its text. Such a quotation
// belongs to the text under the title, not to the title page above it;
// it must open with a quotation mark (or be the dash of an attribution),
// so that a title page's centred subtitle is not taken for one.
func (r *reader) epigraphUnder(j int) int {
	quoted := false
	for k := j; k >= 0 && k > j-4; k-- {
		b := r.blocks[k]
		if b.role != roleBody {
			return -1
		}
		if b.kind == shapeHeading {
			if quoted && k < j {
				return k
			}
			return -1
		}
		t := strings.TrimLeft(b.text(), "_*(")
		switch {
		case b.align == alignLeft:
			return -1
		case strings.HasPrefix(t, "--") || strings.HasPrefix(t, "—") || strings.HasPrefix(t, "―"):
			if wordCount(t) > 8 {
				return -1
			}
		case t != "" && strings.ContainsRune("\"“”«»„‘'", []rune(t)[0]):
			quoted = true
		default:
			return -1
		}
	}
	return -1
}

// recurs reports whether a heading of the style stands after block from.
func (r *reader) recurs(style string, from int) bool {
	for _, b := range r.blocks[from:] {
		if b.kind == shapeHeading && b.style == style {
			return true
		}
	}
	return false
}

// topZone sorts the blocks above the text.
func (r *reader) topZone(start int) {
	imprint := false
	for i := 0; i < start; i++ {
		b := r.blocks[i]
		if b.role != roleBody {
			continue
		}
		switch b.kind {
		case shapeNav, shapeNavWeak:
			r.dropBlock(b, dropNavigation)
		case shapeIllustration:
			r.dropBlock(b, dropIllustration)
		case shapeBreak:
			b.role = roleMerged // no words: the title page's own ornaments
		case shapeBracketNote:
			b.role = roleTrailer
			r.changes.add(moveTranscriberNote, b.first().num, b.last().num)
		case shapeAttribution:
			b.role = roleTrailer
			r.changes.add(moveSourceLine, b.first().num, b.last().num)
		default:
			if !imprint && anyLine(b, isImprintLine) {
				imprint = true
			}
			b.role = roleTitle
			if imprint {
				b.role = roleImprint
			}
			r.changes.add(moveTitlePage, b.first().num, b.last().num)
		}
	}
}

// contentsEntry reports a block that may be an entry of a printed table of
// contents: short lines, not set off by a part's blank lines.
func (r *reader) contentsEntry(b *block) bool {
	if b.role != roleBody || b.gap >= 3 {
		return false
	}
	switch b.kind {
	case shapeHeading, shapeShort, shapeByline, shapeImprint, shapeDateline:
		return true
	case shapeProse:
		// "Lettre à M. Félix Faure, président de la République": an entry
		// ends without a full stop and has no sentence in it.
		if len(b.lines) <= 2 && !endsSentence(b.text()) && wordCount(b.text()) <= 30 {
			return true
		}
		// Entries set one to a line with their pages, in one block:
		// "I. THE HAND-LOOM WEAVERS      1".
		paged := 0
		for _, l := range b.lines {
			if pageNumberRe.MatchString(l.text) {
				paged++
			}
		}
		return len(b.lines) >= 2 && paged*2 > len(b.lines)
	}
	return false
}

// pageNumberRe is a contents line ending in its page number, after the
// entry's words and perhaps leaders.
var pageNumberRe = newLazyRegexp(`\p{L}.*\s(?:\.\s?)*(?:\d{1,4}|[ivxlc]{1,7})$`)
