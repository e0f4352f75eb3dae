package archive

// Sign-offs and signatures: the short lines under a letter's last
// paragraph, set right ("Herzliche Grüße" / "Rosa."), set in ("Stets
// Ihre"), or flush left over a dateline ("COMMON SENSE." /
// "PHILADELPHIA, Jan. 13, 1777."). A letter in a collection ends with
// them, so they are looked for under every paragraph, not only at the end
// of the text; a postscript after them stays a paragraph of the letter.

import (
	"strings"
	"unicode/utf8"
)

// isSignatureLine reports a line that could close a letter: short, and not
// ending a sentence (initials aside).
func isSignatureLine(s string) bool {
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 80 || wordCount(s) > 12 {
		return false
	}
	if strings.HasSuffix(s, ".") {
		f := strings.Fields(s)
		last := strings.TrimSuffix(f[len(f)-1], ".")
		// "N. Lenin", "Rosa.", "COMMON SENSE." are fine; "... the end." is not.
		return startsUpper(last) && (utf8.RuneCountInString(last) <= 3 || len(f) <= 3)
	}
	return !strings.HasSuffix(s, ";") && !strings.HasSuffix(s, "?")
}

// signatureCandidate reports a block that may be part of a signature.
func signatureCandidate(b *block) bool {
	if b.role != roleBody || len(b.lines) > 3 {
		return false
	}
	switch b.kind {
	case shapeShort, shapeByline, shapeImprint, shapeProse:
	default:
		return false // a heading in capitals is set off by its alignment or blank lines, a signature is not
	}
	if strings.ContainsAny(b.text(), "0123456789$£") {
		return false // the foot of a table
	}
	if strings.HasSuffix(b.text(), ":") {
		return false // it introduces what follows
	}
	for _, l := range b.lines {
		if wordCount(l.text) > 12 || !isSignatureLine(l.text) && !closeRe.MatchString(l.text) {
			return false
		}
	}
	return !strings.HasSuffix(b.text(), "!") || b.align == alignRight
}

// letters finds the signatures under the paragraphs of the text.
func (r *reader) letters() {
	for i := 0; i < len(r.blocks); i++ {
		p := r.blocks[i]
		if p.role != roleBody || p.kind != shapeProse && p.kind != shapeAttribution && p.kind != shapeShort {
			continue
		}
		if words := wordCount(p.text()); words < 2 || p.kind == shapeShort && words < 5 {
			continue
		}
		if strings.HasSuffix(p.last().text, ":") {
			continue // it introduces what follows, which does not sign it
		}
		// A note the transcriber put under the paragraph that refers to
		// it ("[Footnote 2: ...]"), or a block left out, may stand between
		// the last paragraph and the signature; so may a dateline
		// ("Berlin, August 1920" over "Die Herausgeber").
		j := i + 1
		for j < len(r.blocks) && outOfText(r.blocks[j]) {
			j++
		}
		for d := j; j < len(r.blocks) && r.blocks[j].role == roleBody && r.blocks[j].kind == shapeDateline && j < d+1; {
			j++
		}
		var run []*block
		for k := j; k < len(r.blocks) && len(run) < 3 && signatureCandidate(r.blocks[k]) && (k == j || r.blocks[k].gap <= 2); k++ {
			run = append(run, r.blocks[k])
		}
		for len(run) > 0 && !r.closesLetter(run, j+len(run)) {
			run = run[:len(run)-1]
		}
		for _, b := range run {
			b.role = roleSignature
		}
		if len(run) > 0 {
			i = j + len(run) - 1
		}
	}
}

// closesLetter reports whether run, ending before block next, is a
// signature: its last block is set right or centred (and every block
// before it set off from the margin or a complimentary close), or the
// run stands over a dateline or at the end of the text or of a part.
func (r *reader) closesLetter(run []*block, next int) bool {
	last := run[len(run)-1]
	for _, b := range run[:len(run)-1] {
		if b.align == alignLeft && !closeRe.MatchString(b.text()) {
			return false
		}
	}
	after := r.nextBody(next)
	if last.align == alignRight || last.align == alignCentred && len(run) > 1 {
		return last.kind != shapeHeading || after == nil || after.kind != shapeProse
	}
	if after != nil && after.kind == shapeDateline {
		return true
	}
	// Flush left or set in: a name in capitals at the end of the text or
	// over the next heading ("ÉMILE ZOLA.").
	return len(run) == 1 && capitals(last.text()) && wordCount(last.text()) <= 4 && last.gap <= 2 &&
		(after == nil || after.kind == shapeHeading || after.kind == shapeBreak || after.kind == shapeEndMark)
}

// outOfText reports a block the text no longer holds where it stands: a
// note moved to the notes, or a block left out.
func outOfText(b *block) bool {
	return b.role == roleNote || b.role == roleNoteMore || b.role == roleDropped
}

// nextBody returns the first body block from index i on, or nil.
func (r *reader) nextBody(i int) *block {
	for ; i < len(r.blocks); i++ {
		if b := r.blocks[i]; b.role == roleBody || b.role == roleSignature {
			return b
		}
	}
	return nil
}
