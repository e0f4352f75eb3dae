package archive

// Block quotations: paragraphs whose every line is set in from where the
// text's own lines start (a quoted document set one space in, verse
// indented under the paragraph that introduces it), with a right-aligned
// attribution under them ("CHURCHILL."). A text whose paragraphs are all
// indented alike has no quotations by indentation: the indent measured is
// relative to the text's own (see measureWrap).

import (
	"slices"
	"strings"
)

func (r *reader) quotes() {
	verseBook := r.verseBook()
	r.stanzaIndent = -1
	if verseBook {
		r.stanzaIndent = r.usualStanzaIndent()
	}
	for i, b := range r.blocks {
		if verseBook && r.stanza(b) {
			// In a book of verse the stanzas are the text, not quotations
			// in it.
			b.verse = true
			continue
		}
		// Verse centred under a paragraph: short lines, not capitals.
		if b.role == roleBody && b.align == alignCentred && b.kind == shapeShort && len(b.lines) >= 2 && !capitals(b.text()) {
			b.quote = true
			continue
		}
		if b.role == roleBody && r.flushVerse(b) {
			b.quote = true
			continue
		}
		if b.role != roleBody || b.align != alignIndented {
			continue
		}
		switch b.kind {
		case shapeProse, shapeShort, shapeByline, shapeImprint:
			b.quote = true
		case shapeSalutation, shapeDateline:
			// A letter quoted whole keeps its salutation inside the
			// quotation when it is set in as far as the quotation.
			b.quote = r.quoteNear(i, b.first().indent)
		}
	}
	// A quotation's attribution: a short right-aligned line right under
	// it, "CHURCHILL." or "-- Theobald Wolfe Tone".
	for i := 1; i < len(r.blocks); i++ {
		b, prev := r.blocks[i], r.blocks[i-1]
		t := b.text()
		dash := strings.HasPrefix(t, "--") || strings.HasPrefix(t, "—") || strings.HasPrefix(t, "―")
		// A dash opens an attribution, never a letter's signature: the
		// signature reader may have taken it for one.
		if prev.quote && (b.role == roleBody || b.role == roleSignature && dash) && !b.quote && b.gap == 0 && b.align == alignRight && len(b.lines) == 1 &&
			wordCount(t) <= 6 && (dash || capitals(t) && !strings.ContainsAny(t, "0123456789")) {
			b.role = roleBody
			b.quote = true
			b.kind = shapeAttribution
		}
	}
	// Signatures set in as far as the quotation close it.
	for i, b := range r.blocks {
		if b.role == roleSignature && b.align == alignIndented && r.quoteNear(i, b.first().indent) {
			b.quote = true
		}
	}
	// A quoted letter's date, wherever it is set: between two parts of
	// the quotation, over the quoted letter's salutation, or beside its
	// letterhead.
	for i := 1; i+1 < len(r.blocks); i++ {
		b, prev, next := r.blocks[i], r.blocks[i-1], r.blocks[i+1]
		if b.quote || b.role != roleBody && b.role != roleSignature || !next.quote {
			continue
		}
		switch {
		case prev.quote && (b.kind == shapeDateline || b.role == roleSignature):
			b.quote = true
		case b.kind == shapeDateline && (next.kind == shapeSalutation || next.first().num == b.last().num):
			b.quote = true // over a salutation, or beside a letterhead on its line
		}
	}
}

// flushVerse reports verse quoted flush with the text: every line ended
// by the writer, opening with a quotation mark or with its later lines set
// in ("Not a drum was heard, not a funeral note," / "  As his corse to
// the rampart we hurried;").
func (r *reader) flushVerse(b *block) bool {
	if !r.hardWrapped || len(b.lines) < 2 || b.kind != shapeProse && b.kind != shapeShort || b.align != alignLeft {
		return false
	}
	for _, soft := range b.soft {
		if soft {
			return false
		}
	}
	if strings.ContainsRune("\"“«»„‘'", []rune(b.first().text)[0]) {
		return true
	}
	for _, l := range b.lines[1:] {
		if l.indent > b.first().indent {
			return true
		}
	}
	return false
}

// quoteNear reports whether a quotation block set in by indent stands next
// to block i.
func (r *reader) quoteNear(i, indent int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(r.blocks) {
			n := r.blocks[j]
			if n.role == roleBody && n.align == alignIndented && n.first().indent == indent && n.kind == shapeProse {
				return true
			}
		}
	}
	return false
}

// verseBook reports a text whose blocks of several lines are mostly
// broken by the writer, line by line: a book of verse, whose stanzas are
// its text. A prose text has more paragraphs wrapped than blocks of
// broken lines (addresses, tables, quoted verse).
func (r *reader) verseBook() bool {
	hard, soft := 0, 0
	for _, b := range r.blocks {
		if b.role != roleBody || len(b.lines) < 2 || b.kind != shapeProse && b.kind != shapeShort {
			continue
		}
		if slices.Contains(b.soft, true) {
			soft++
		} else {
			hard++
		}
	}
	return r.hardWrapped && hard >= 3 && hard > 2*soft
}

// stanza reports a block of a book of verse that is a stanza: lines the
// writer broke, flush or set in.
func (r *reader) stanza(b *block) bool {
	return b.role == roleBody && len(b.lines) >= 2 && (b.kind == shapeProse || b.kind == shapeShort) &&
		(b.align == alignLeft || b.align == alignIndented) && !slices.Contains(b.soft, true)
}

// usualStanzaIndent is the indent most stanzas of a book of verse open
// at: the margin its refrains are set in from.
func (r *reader) usualStanzaIndent() int {
	n := map[int]int{}
	best := -1
	for _, b := range r.blocks {
		if r.stanza(b) {
			in := b.first().indent
			for _, l := range b.lines {
				in = min(in, l.indent)
			}
			n[in]++
			if best < 0 || n[in] > n[best] || n[in] == n[best] && in < best {
				best = in
			}
		}
	}
	return best
}
