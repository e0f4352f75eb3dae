package archive

// Notes in the styles archives print them:
//
//   - a notes heading ("Notes", "FOOTNOTES:", "Anmerkungen") over notes
//     opening "[1]", "1." or "1)", wherever it stands: at the end, or after
//     each chapter, where the next heading closes the block;
//   - "[1] ..." blocks without a heading, once the text has referred to
//     "[1]" before them (Common Sense's notes before "FINIS");
//   - "[Footnote 1: ...]" blocks, where a transcriber put the note;
//   - "     * ..." an author's note set in under the paragraph whose "*"
//     refers to it.
//
// A reference goes to the nearest note with its mark after it, so that
// notes numbered afresh in each chapter each find their own; notes marked
// "*" are numbered in order, since an edition gathers them into one list.

import (
	"strconv"
	"strings"
)

// noteEntry is one note the reader found.
type noteEntry struct {
	block int    // index in r.blocks
	mark  string // "3", or "*" for an asterisk note
	id    string
	num   string // the mark the edition prints
	used  bool
}

type noteIndex struct {
	entries []noteEntry
	byBlock map[int]int // block index → entry
	// starRef maps the k-th asterisk reference of a block (block index
	// and k) to the note it refers to: the last asterisk before an
	// asterisk note is its reference, since the note stands under the
	// paragraph it annotates; asterisks before that one have lost their
	// note in the source and stay as printed.
	starRef map[[2]int]int
}

var noteMarker = newLazyRegexp(`^(?:\[(\d{1,3})\]|(\d{1,3})[.)](?:\s|$)|\{(\d{1,3})\})\s*`)

func (r *reader) findNotes(start int) {
	// Notes under a notes heading, up to the next heading.
	for i := start; i < len(r.blocks); i++ {
		b := r.blocks[i]
		if b.role != roleBody || b.kind != shapeNotesHeading {
			continue
		}
		r.dropBlock(b, dropNotesHeading)
		open := false
		for j := i + 1; j < len(r.blocks); j++ {
			n := r.blocks[j]
			if n.role != roleBody {
				continue
			}
			if n.kind == shapeHeading || n.kind == shapeNotesHeading || n.kind == shapeBreak || n.kind == shapeEndMark {
				break
			}
			switch {
			case n.kind == shapeNavWeak:
				r.dropBlock(n, dropNavigation)
			case n.kind == shapeAttribution:
				n.role = roleTrailer
				r.changes.add(moveSourceLine, n.first().num, n.last().num)
			case noteMarker.MatchString(n.first().text) || n.kind == shapeFootnote:
				n.role, open = roleNote, true
			case open:
				n.role = roleNoteMore
			default:
				n.role = roleNote // an unmarked note: warned about in build
				open = true
			}
			i = j
		}
	}
	// Marked notes elsewhere: "[Footnote 1: ...]", "[1] ..." referred to
	// before, and asterisk notes under their paragraph.
	referred := map[string]bool{}
	for i := start; i < len(r.blocks); i++ {
		b := r.blocks[i]
		if b.role != roleBody {
			continue
		}
		switch b.kind {
		case shapeFootnote:
			b.role = roleNote
			continue
		case shapeNoteStart:
			if m := noteStart.FindStringSubmatch(b.first().text); m != nil && referred[m[1]+m[2]] {
				b.role = roleNote
				continue
			}
		case shapeStarNote:
			if i > 0 && strings.ContainsAny(r.blocks[i-1].text()+r.prevText(i), "*†‡") {
				b.role = roleNote
				continue
			}
		}
		for _, m := range refRe.FindAllStringSubmatch(b.text(), -1) {
			referred[m[1]+m[2]] = true
		}
	}
	// Index them.
	r.notes.byBlock = map[int]int{}
	ids := map[string]bool{}
	stars := 0
	for i, b := range r.blocks {
		if b.role != roleNote {
			continue
		}
		e := noteEntry{block: i}
		t := b.first().text
		switch {
		case footnoteRe.MatchString(b.text()):
			e.mark = footnoteRe.FindStringSubmatch(b.text())[1]
		case b.kind == shapeStarNote:
			stars++
			e.mark = "*"
			e.num = strconv.Itoa(stars)
		default:
			if m := noteMarker.FindStringSubmatch(t); m != nil {
				e.mark = m[1] + m[2] + m[3]
			}
		}
		if e.num == "" {
			e.num = e.mark
		}
		base := "n" + e.num
		if e.mark == "*" {
			base = "n" + e.num
		}
		if e.num == "" {
			base = "n" + strconv.Itoa(len(r.notes.entries)+1)
		}
		e.id = base
		for k := 2; ids[e.id]; k++ {
			e.id = base + "-" + strconv.Itoa(k)
		}
		ids[e.id] = true
		r.notes.byBlock[i] = len(r.notes.entries)
		r.notes.entries = append(r.notes.entries, e)
		r.changes.add(makeNote, b.first().num, b.last().num)
	}
	r.pairStars()
}

// pairStars pairs each asterisk note with the last asterisk in the text
// before it.
func (r *reader) pairStars() {
	r.notes.starRef = map[[2]int]int{}
	last := [2]int{-1, -1}
	for i, b := range r.blocks {
		if k, ok := r.notes.byBlock[i]; ok && r.notes.entries[k].mark == "*" {
			if last[0] >= 0 {
				r.notes.starRef[last] = k
				last = [2]int{-1, -1}
			}
			continue
		}
		if b.role != roleBody {
			continue
		}
		s := r.joinLines(b, false)
		n := 0
		for j := 0; j < len(s); j++ {
			if s[j] == '*' && j > 0 && starRefAt(s, j) {
				last = [2]int{i, n}
				n++
			}
		}
	}
}

// prevText is the text of the body block before block i, skipping notes,
// so that a second asterisk note finds the paragraph above the first.
func (r *reader) prevText(i int) string {
	for j := i - 1; j >= 0; j-- {
		if b := r.blocks[j]; b.role == roleBody && b.kind == shapeProse {
			return b.text()
		}
	}
	return ""
}

// refRe is a bracketed note reference in running text, "[1]" or "{1}".
var refRe = newLazyRegexp(`\[(\d{1,3})\]|\{(\d{1,3})\}`)

// noteFor returns the note a reference with the mark made in block at
// points to: the nearest such note after it, else the last before it.
func (n *noteIndex) noteFor(mark string, at int) *noteEntry {
	var before *noteEntry
	for k := range n.entries {
		e := &n.entries[k]
		if e.mark != mark {
			continue
		}
		if e.block > at {
			return e
		}
		before = e
	}
	return before
}
