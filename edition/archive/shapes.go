package archive

import (
	"strings"
	"unicode/utf8"
)

// shape is what a block looks like on its own.
type shape int

const (
	shapeProse        shape = iota
	shapeNav                // a navigation link or bare URL: dropped wherever it is
	shapeNavWeak            // a word like "Home" or "Index": dropped at either end
	shapeBreak              // "*       *       *": a section break
	shapeIllustration       // "[Illustration: ...]": an image not in the text
	shapeBracketNote        // "[Transcriber's note: ...]": about the transcription
	shapeFootnote           // "[Footnote 1: ...]": a note where the transcriber put it
	shapeNotesHeading       // "Notes", "FOOTNOTES:", "Anmerkungen"
	shapeNoteStart          // "[1] ..." opening a note
	shapeStarNote           // "     * ..." an author's note under its paragraph
	shapeAttribution        // "Source: ...", "Reproduced from ..."
	shapeDateline
	shapeSalutation
	shapeEndMark  // "FIN", "THE END"
	shapeContents // "CONTENTS", "Table des matières"
	shapeHeading
	shapeAdStart // "Also available", "Books by the same author"
	shapeImprint
	shapeByline
	shapeShort // short lines, no closing punctuation: a title or signature
)

func (r *reader) classify() {
	for i, b := range r.blocks {
		var next *block
		if i+1 < len(r.blocks) {
			next = r.blocks[i+1]
		}
		b.kind = r.shapeOf(b, next)
	}
}

var (
	breakRe        = newLazyRegexp(`^(?:[*•·~=-]\s*){3,}$`)
	illustrationRe = newLazyRegexp(`(?is)^\[\s*(?:illustration|image|abbildung|bild|gravure|figure)\b.*\]$`)
	footnoteRe     = newLazyRegexp(`(?s)^\[(?:Footnote|Fußnote|Note)\s*([0-9]{1,3}|[A-Za-z*†‡])\s*:\s*(.*)\]$`)
	notesHeadingRe = newLazyRegexp(`(?i)^(?:notes|footnotes|endnotes|notes and references|author'?s notes|anmerkungen|fußnoten|fussnoten|notes de l'auteur|примечания|сноски)\s*[:.]?$`)
	noteStart      = newLazyRegexp(`^(?:\[(\d{1,3})\]|\{(\d{1,3})\})\s*(.*)$`) // "[1]", or "{1}" as some transcribers mark notes
	starNoteRe     = newLazyRegexp(`^(\*|†|‡)\s+\S`)
	endMarkRe      = newLazyRegexp(`(?i)^(?:fin|finis|f i n i s|the end|ende|конец|fine)\.?$`)
	contentsRe     = newLazyRegexp(`(?i)^(?:table of )?contents[.:]?$|^table des mati[eè]res\.?$|^inhalt(?:sverzeichnis)?\.?$|^(?:оглавление|содержание)\.?$|^indice\.?$|^[íi]ndice\.?$`)
	adRe           = newLazyRegexp(`(?i)^(?:(?:also|now) (?:available|published|ready|in print)|(?:other|more|recent|new) (?:books|titles|publications|pamphlets|works)|books (?:by|from|of)\b|(?:publisher'?s )?advertisements?\b|by the same author|from the same publisher|read also\b|order (?:from|now)\b|catalogue|catalog\b|price list|list of (?:books|publications))`)
	navRe          = newLazyRegexp(`(?i)^(?:click here\b.*|top of (?:the )?page\.?|(?:back|return|go) to (?:the )?(?:top|index|contents|home|main page|archive|list|previous page|start)\b.*|<?https?://\S+>?|www\.\S+\.\S+|last updated(?: on)?:? .{0,30})$`)
	navWords       = map[string]bool{"home": true, "index": true, "top": true, "contents": true, "next": true, "previous": true, "prev": true, "back": true, "up": true, "main": true, "menu": true, "archive": true, "back to top": true, "next page": true, "previous page": true}
	attribRe       = newLazyRegexp(`(?i)^(?:reproduced|reprinted|translated|transcribed|transcription|first published|published|printed|source|taken|originally|html markup|proofread|online version|copyleft|written|delivered)\b`)
	imprintRe      = newLazyRegexp(`(?i)(?:publishing house|publishers?\b|\bpress\b|verlag|éditeur|éditions|\beditions\b|printing (?:house|office)|\bprinters\b|publications\b|copyright|alle rechte|all rights|druck von|printed (?:by|for|at)|imprimerie|tausend|\bmille\b|thousand\b)`)
	placeYear      = newLazyRegexp(`^(?:\p{Lu}[\p{L}.'’ :&-]*,?\s*)?(?:1[5-9]|20)\d\d\.?$`) // a span of years dates the contents, not the printing
	closeRe        = newLazyRegexp(`(?i)^(?:yours\b|your\b.{0,40}$|with .{0,40}greetings|fraternally|sincerely|respectfully|faithfully|in solidarity|herzlich|herzliche|ihre?\b|dein\b|deine\b|stets\b|votre\b|bien (?:à|affectueusement)|ваш|ваша|ich umarme|je vous)[^.]{0,40}[,.]?$`)
	// bylineRe is a byline, or the word of one standing alone over the
	// name: "By", "Von", "Par", "De", "От", and Greek's "Του", "Της",
	// "Υπό" before a name in the genitive.
	bylineRe = newLazyRegexp(`(?i)^(?:by|von|par|de|от|του|της|υπό)\s+(\S.*)$|^(?:by|von|par|υπό)$`)
)

// illustrationCaption returns the caption of an illustration's
// placeholder, "[Illustration: The harbour at dawn]", without its keyword
// and brackets; "" when it has none ("[Illustration]").
func illustrationCaption(t string) string {
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(t), "["), "]"))
	_, caption, ok := strings.Cut(t, ":")
	if !ok {
		return ""
	}
	return strings.TrimSpace(caption)
}

// shapeOf tells what block b looks like; next is the block after it, or
// nil.
func (r *reader) shapeOf(b, next *block) shape {
	t := b.text()
	one := len(b.lines) == 1
	first := b.lines[0].text
	bracketed := strings.HasPrefix(t, "[")
	// Headings, labels and marks are short; the patterns for them need not
	// be tried on paragraphs.
	short := len(t) <= 60
	switch {
	case allLines(b, func(s string) bool { return breakRe.MatchString(s) }):
		return shapeBreak
	case bracketed && illustrationRe.MatchString(t):
		return shapeIllustration
	case bracketed && footnoteRe.MatchString(t):
		return shapeFootnote
	case bracketed && strings.HasSuffix(t, "]") && !isNoteStart(first) && utf8.RuneCountInString(t) > 12 && !(one && imprintRe.MatchString(t)):
		// "[_All rights reserved._]" is the printer's, not a transcriber's.
		return shapeBracketNote
	case allLines(b, isNav):
		return shapeNav
	case one && short && contentsRe.MatchString(t):
		return shapeContents
	case allLines(b, isNavWord) && !(one && capitals(t) && (b.align == alignCentred || b.gap >= 2)):
		// "INDEX" in capitals with a heading's space is the index's
		// heading, not a link to one.
		return shapeNavWeak
	case one && short && notesHeadingRe.MatchString(t):
		return shapeNotesHeading
	case isNoteStart(first):
		return shapeNoteStart
	case starNoteRe.MatchString(first) && b.first().indent >= 1:
		return shapeStarNote
	case one && isSourceField(t):
		return shapeAttribution // "Written: 12 April 1920" is a field, not a dateline
	case len(b.lines) <= 2 && isDatelineBlock(b):
		return shapeDateline
	case one && isSalutation(t):
		return shapeSalutation
	case one && short && endMarkRe.MatchString(t):
		return shapeEndMark
	}
	if style := r.headingStyle(b, next); style != "" {
		b.style = style
		return shapeHeading
	}
	switch {
	case one && short && adRe.MatchString(t):
		return shapeAdStart
	case len(b.lines) <= 3 && isAttribution(first) && wordCount(t) <= 60:
		return shapeAttribution
	case len(b.lines) <= 4 && allLines(b, isShortLine) && anyLine(b, isImprintLine):
		return shapeImprint
	case one && wordCount(t) <= 10 && bylineRe.MatchString(t):
		return shapeByline
	case len(b.lines) <= 4 && allLines(b, isShortLine):
		return shapeShort
	}
	return shapeProse
}

// isNoteStart reports a line opening "[1] ...".
func isNoteStart(s string) bool {
	return (strings.HasPrefix(s, "[") || strings.HasPrefix(s, "{")) && noteStart.MatchString(s)
}

func isImprintLine(s string) bool { return imprintRe.MatchString(s) || placeYear.MatchString(s) }

// isShortLine is a display line: a title, an imprint, a signature.
func isShortLine(s string) bool {
	if utf8.RuneCountInString(s) > 100 || wordCount(s) > 15 {
		return false
	}
	return isSignatureLine(s) && !strings.HasSuffix(s, ",")
}

func isNav(s string) bool {
	if s != "" && strings.IndexByte("cCtTbBrRgG<hHwWlL", s[0]) >= 0 && navRe.MatchString(s) {
		return true
	}
	// A navigation bar: "Home | Index | Next".
	if strings.Count(s, "|") >= 1 {
		for _, part := range strings.Split(s, "|") {
			if !isNavWord(part) {
				return false
			}
		}
		return true
	}
	return false
}

func isNavWord(s string) bool {
	if len(s) > 40 {
		return false
	}
	s = strings.ToLower(strings.Trim(s, " []()<>«»‹›←→↑.:-"))
	return navWords[s]
}

func isAttribution(s string) bool { return attribRe.MatchString(s) }

// Byline returns the name a byline gives ("By Thomas Paine", "Von Rosa
// Luxemburg") and whether s is one with a name; the import reads the
// author from it.
func Byline(s string) (name string, ok bool) {
	m := bylineRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil || m[1] == "" {
		return "", false
	}
	return m[1], true
}

// isSourceField reports a "Source: ..." or "First published: ..." line, the
// fields archives print above or below a text to say where it came from.
func isSourceField(s string) bool {
	i := strings.IndexByte(s, ':')
	return i > 0 && i <= 30 && attribRe.MatchString(s)
}

func isFurniture(s string) bool {
	return isDateline(s) || isSalutation(s) || isHeadingLine(s) || isNav(s) || isSourceField(s)
}

func allLines(b *block, f func(string) bool) bool {
	for _, l := range b.lines {
		if !f(l.text) {
			return false
		}
	}
	return true
}

func anyLine(b *block, f func(string) bool) bool {
	for _, l := range b.lines {
		if f(l.text) {
			return true
		}
	}
	return false
}
