package archive

// Headings and their levels. A heading stands alone: a block of at most
// three short lines that is numbered ("CHAPTER IV", "LETTER XII", "NO. 3.",
// "II. The Landlords", "3.", "A. Elementary Form"), or set in capitals and
// set off (centred, or with more blank lines before it than paragraphs
// have), or a short title-like line with a heading's blank lines around
// it. Capitals alone do not make a heading: texts print whole sentences
// in capitals for emphasis, and signatures in capitals close letters.
//
// Each heading has a style: its numbering (a keyword, roman, arabic,
// letters, "No.") or, unnumbered, its alignment. Levels follow the order
// in which the styles first appear, as reStructuredText assigns its
// section adornments ("the first style encountered will be an outermost
// title", docutils, reStructuredText Markup Specification, Sections),
// except that the keywords rank as books rank above chapters.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	roman        = `(?:[IVXLC]{1,7})`
	headingWords = `(?:VOLUME|Volume|VOL\.|Vol\.|BAND|Band|TOME|Tome|TOMO|Tomo|ТОМ|Том|CHAPTER|Chapter|BOOK|Book|ACT|Act|SCENE|Scene|AKT|Akt|AUFZUG|Aufzug|SZENE|Szene|AUFTRITT|Auftritt|ACTE|Acte|SCÈNE|Scène|ACTO|Acto|ESCENA|Escena|ATTO|Atto|SCENA|Scena|ДЕЙСТВИЕ|Действие|ЯВЛЕНИЕ|Явление|КАРТИНА|Картина|PART|Part|LETTER|Letter|SECTION|Section|ARTICLE|Article|STAVE|Stave|CANTO|Canto|` +
		`KAPITEL|Kapitel|BRIEF|Brief|TEIL|Teil|BUCH|Buch|CHAPITRE|Chapitre|LETTRE|Lettre|LIVRE|Livre|PARTIE|Partie|` +
		`ГЛАВА|Глава|ЧАСТЬ|Часть|ПИСЬМО|Письмо|КНИГА|Книга|CAPITOLO|Capitolo|CAPÍTULO|Capítulo)`
	// numberWord is a chapter's number: a numeral, or a number or
	// ordinal in words, as English, French ("CHAPITRE PREMIER"), Spanish
	// ("CAPÍTULO PRIMERO"), Italian ("CAPITOLO PRIMO") and Russian
	// ("ГЛАВА ПЕРВАЯ") books spell them.
	numberWord = `(?:[IVXLC]{1,7}|\d{1,3}|` +
		`(?i:premier|première|second|seconde|\p{L}+ième|primero|segundo|tercero|cuarto|quinto|sexto|séptimo|octavo|noveno|décimo|` +
		`primo|secondo|terzo|quarto|sesto|settimo|ottavo|nono|decimo|` +
		`перв\p{L}{2,3}|втор\p{L}{2,3}|трет\p{L}{2,3}|четв[её]рт\p{L}{2,3}|пят\p{L}{2,3}|шест\p{L}{2,3}|седьм\p{L}{2,3}|восьм\p{L}{2,3}|девят\p{L}{2,3}|десят\p{L}{2,3})|` +
		`(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|the first|the second|the third|the last))`
	// keywordPostRe is the German order, the ordinal before the word:
	// "ERSTES KAPITEL", "Zweiter Teil", "3. Buch".
	keywordPostRe = newLazyRegexp(`^(?:\d{1,3}\.|(?i:\p{L}{2,}(?:te|ste)[sr]?))\s+(KAPITEL|Kapitel|BUCH|Buch|TEIL|Teil|BRIEF|Brief|BAND|Band|ABSCHNITT|Abschnitt)\.?$`)
	// The title after the number follows a space, or a dash as plays
	// print their scenes' places ("SCENE I.--_A parlour._").
	keywordRe  = newLazyRegexp(`^(` + headingWords + `)\s+` + numberWord + `\.?(?:\s*[.:—–-]?\s+\S.*|\s*(?:--|—)\s*\S.*)?$`)
	dispatchRe = newLazyRegexp(`^(?i:no|nr|№)\.?\s*(?:` + roman + `|\d{1,3})\b\.?(?:\s+\S.*)?$`)
	romanRe    = newLazyRegexp(`^` + roman + `\.?$|^` + roman + `\.\s+\p{Lu}.*$`)
	// greek is a number in Greek alphabetic numerals with its keraia
	// ("Α΄", "ΙΒ΄", "ΣΤ΄"), as Greek books number their chapters.
	greek    = `(?:[ΙΚΛΜΝΞΟΠ]?(?:ΣΤ|[ΑΒΓΔΕϚΖΗΘ])|[ΙΚΛΜΝΞΟΠ])[΄ʹ'’]`
	greekRe  = newLazyRegexp(`^` + greek + `\.?$|^` + greek + `\.?\s+\p{Lu}.*$`)
	arabicRe = newLazyRegexp(`^\d{1,3}\.?$|^\d{1,3}\.\s+\p{Lu}.*$`)
	letterRe = newLazyRegexp(`^[A-Z]\.\s+\p{Lu}\S*(?:\s+\S+)+$`)
	lowerRe  = newLazyRegexp(`^[a-z][.)]\s+\p{Lu}\S*(?:\s+\S+)+$`)
	// headingRe is the numbered forms, for grouping lines into blocks.
	headingRe = newLazyRegexp(`^(?:` + headingWords + `\s+` + numberWord + `\.?(?:\s*[.:—–-]?\s+\S.*|\s*(?:--|—)\s*\S.*)?` +
		`|` + roman + `\.?|\d{1,3}\.?` + `|` + roman + `\.\s+\p{Lu}.*|\d{1,3}\.\s+\p{Lu}.*` +
		`|` + greek + `\.?|` + greek + `\.?\s+\p{Lu}.*)$`)
)

// matterRe is the title of a book's front or back matter (a play's list
// of its persons among them), which stands beside its chapters whatever their numbering ("PREFACE", "APPENDIX",
// "INDEX", "VORWORT", "ПРИЛОЖЕНИЕ"), with a number or letter of its own
// ("APPENDIX II.", "Anhang A").
var matterRe = newLazyRegexp(`^(?i:preface|introduction|foreword|prologue|epilogue|afterword|conclusion|appendix|appendices|index|glossary|bibliography|postscript|` +
	`vorwort|vorrede|einleitung|einführung|nachwort|schlusswort|schlußwort|anhang|register|` +
	`préface|avant-propos|introduction|épilogue|postface|appendice|annexe|` +
	`prólogo|prologo|prefacio|introducción|epílogo|apéndice|índice|prefazione|introduzione|epilogo|appendice|indice|` +
	`предисловие|введение|вступление|послесловие|заключение|приложение|эпилог|пролог|` +
	`dramatis person(?:ae|æ)|persons of the (?:drama|play)|characters|the characters|personen|personnages|personajes|personaggi|действующие лица)` +
	`(?:\s+(?:` + roman + `|\d{1,3}|[A-Z]))?\.?$`)

// keywordRank orders the keyword styles: a book holds parts, a part
// chapters, a chapter sections.
var keywordRank = map[string]int{
	// A play's acts hold its scenes, as parts hold chapters.
	"act": 2, "akt": 2, "aufzug": 2, "acte": 2, "acto": 2, "atto": 2, "действие": 2,
	"scene": 3, "szene": 3, "auftritt": 3, "scène": 3, "escena": 3, "scena": 3, "явление": 3, "картина": 3,
	"volume": 0, "vol.": 0, "band": 0, "tome": 0, "tomo": 0, "том": 0,
	"book": 1, "buch": 1, "abschnitt": 4, "livre": 1, "книга": 1,
	"part": 2, "teil": 2, "partie": 2, "часть": 2,
	"chapter": 3, "kapitel": 3, "chapitre": 3, "глава": 3, "capitolo": 3, "capítulo": 3, "letter": 3, "brief": 3, "lettre": 3, "письмо": 3, "stave": 3, "canto": 3,
	"section": 4, "article": 5,
}

// isHeadingLine reports a line in a numbered heading's form, which stands
// alone even inside a run of lines.
func isHeadingLine(s string) bool {
	if len(s) > 300 || !startsUpper(s) || !headingRe.MatchString(s) && !keywordPostRe.MatchString(s) || wordCount(s) > 12 {
		return false
	}
	return !sentenceAfterNumber(s)
}

// sentenceAfterNumber reports "1. A numbered sentence that ends with a
// full stop.": a title after a number is a heading's only without a
// closing full stop (an initial or abbreviation aside).
func sentenceAfterNumber(s string) bool {
	f := strings.Fields(s)
	return len(f) > 1 && strings.HasSuffix(s, ".") && utf8.RuneCountInString(f[len(f)-1]) > 3
}

// headingStyle returns the style of a block that is a heading, or "";
// next is the block after it, or nil.
func (r *reader) headingStyle(b, next *block) string {
	if len(b.lines) > 3 {
		return ""
	}
	words := 0
	for _, l := range b.lines {
		if utf8.RuneCountInString(l.text) > 90 {
			return ""
		}
		words += wordCount(l.text)
	}
	if words > 24 {
		return ""
	}
	first, last := b.lines[0].text, b.last().text
	if strings.HasSuffix(last, ",") || strings.HasSuffix(last, ";") || strings.HasSuffix(last, ":") {
		return ""
	}
	if initialsOnly(b.text()) {
		return "" // "C. S.": a signature by initials, not the hundredth section
	}
	// "C. The General Form" after "B. The Total Form" goes on a lettered
	// sequence: it is not the hundredth roman section.
	if len(b.lines) == 1 && letterRe.MatchString(first) && !sentenceAfterNumber(first) && r.lastLetter != 0 && rune(first[0]) == r.lastLetter+1 {
		r.lastLetter = rune(first[0])
		return "letter"
	}
	switch {
	case keywordRe.MatchString(first):
		return "kw:" + strings.ToLower(keywordRe.FindStringSubmatch(first)[1])
	case keywordPostRe.MatchString(first):
		return "kw:" + strings.ToLower(keywordPostRe.FindStringSubmatch(first)[1])
	case dispatchRe.MatchString(first) && !sentenceAfterNumber(first):
		return "no"
	case romanRe.MatchString(first) && !sentenceAfterNumber(first) && len(b.lines) == 1:
		return "roman"
	case arabicRe.MatchString(first) && !sentenceAfterNumber(first) && len(b.lines) == 1:
		return "arabic"
	case greekRe.MatchString(first) && !sentenceAfterNumber(first) && len(b.lines) == 1:
		return "greek"
	case letterRe.MatchString(first) && !sentenceAfterNumber(first) && len(b.lines) == 1:
		r.lastLetter = rune(first[0])
		return "letter"
	case lowerRe.MatchString(first) && !sentenceAfterNumber(first) && len(b.lines) == 1:
		return "lower"
	}
	if b.align == alignRight || !startsUpper(first) {
		return "" // set right: a signature or a dateline, not a heading
	}
	where := "left"
	if b.align == alignCentred {
		where = "centred"
	}
	switch {
	case b.align == alignIndented && next != nil && next.align == alignIndented:
		return "" // capitals set in over a quotation: a quoted letterhead
	case len(b.lines) == 1 && matterRe.MatchString(first) && (capitals(first) || b.align == alignCentred || b.gap >= 2):
		return "matter"
	case capitals(b.text()) && (b.align == alignCentred || b.gap >= 2):
		return where
	case r.hardWrapped && b.gap >= 3 && next != nil && next.gap >= 2 && words <= 8 && !endsSentence(last):
		// "Zur Einführung" with the blank lines of a chapter heading.
		return where
	}
	return ""
}

// initialsOnly reports a line of initials alone, "C. S." or "R. L.".
func initialsOnly(s string) bool {
	f := strings.Fields(s)
	for _, w := range f {
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || w[n:] != "." {
			return false
		}
	}
	return len(f) >= 2
}

func startsUpper(s string) bool {
	s = strings.TrimLeft(s, "\"'‘“«([*_")
	c, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(c) || unicode.IsDigit(c)
}

// capitals reports text whose letters are all capitals, with at least two
// letters.
func capitals(s string) bool {
	n := 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			if !unicode.IsUpper(c) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// bareNumber reports a heading that is only a number ("CHAPTER III",
// "IV.", "2"), under which a short line is the heading's title.
func bareNumber(s string) bool {
	f := strings.Fields(s)
	switch {
	case len(f) == 1:
		return romanRe.MatchString(s) || arabicRe.MatchString(s) || greekRe.MatchString(s)
	case len(f) == 2:
		return keywordRe.MatchString(s) || keywordPostRe.MatchString(s) || dispatchRe.MatchString(s)
	}
	return false
}

// headings settles the body's headings: a short title under a bare number
// and a second line of a centred heading join their heading; a heading's
// level follows its style.
func (r *reader) headings() {
	var styles []string
	seen := map[string]bool{}
	for i := 0; i < len(r.blocks); i++ {
		b := r.blocks[i]
		if b.role != roleBody || b.kind != shapeHeading {
			continue
		}
		// Join what belongs to the heading.
		for i+1 < len(r.blocks) {
			n := r.blocks[i+1]
			if n.role != roleBody || n.gap > 1 || len(b.lines)+len(n.lines) > 5 {
				break
			}
			// A line in parentheses or brackets under a title is a
			// headnote ("(Written at Dedham, in the summer of 1889.)"),
			// not the title's second line.
			headnote := strings.HasPrefix(strings.TrimLeft(n.text(), "_*"), "(") || strings.HasPrefix(n.text(), "[")
			sameCentred := b.align == alignCentred && n.align == alignCentred && !headnote && (n.kind == shapeShort || n.kind == shapeHeading && !isNumbered(n.style))
			underNumber := len(b.lines) == 1 && bareNumber(b.lines[0].text) && (n.kind == shapeShort || n.kind == shapeHeading && !isNumbered(n.style))
			if !sameCentred && !underNumber {
				break
			}
			b.lines = append(b.lines, n.lines...)
			b.soft = append(b.soft, true)
			b.soft = append(b.soft, n.soft...)
			n.role = roleMerged
			i++
		}
		if !seen[b.style] {
			seen[b.style] = true
			styles = append(styles, b.style)
		}
		r.changes.add(makeHeading, b.first().num, b.last().num)
	}
	// Keyword styles come first, in their rank ("BOOK" over "CHAPTER");
	// the others follow in order of appearance.
	var kws []string
	for _, s := range styles {
		if strings.HasPrefix(s, "kw:") {
			kws = append(kws, s)
		}
	}
	for i := 1; i < len(kws); i++ {
		for j := i; j > 0 && keywordRank[kws[j][3:]] < keywordRank[kws[j-1][3:]]; j-- {
			kws[j], kws[j-1] = kws[j-1], kws[j]
		}
	}
	r.levels = map[string]int{}
	ordered := kws
	for _, s := range styles {
		if !strings.HasPrefix(s, "kw:") && s != "matter" {
			ordered = append(ordered, s)
		}
	}
	// Keywords of one rank share a level: a book that calls its chapters
	// "CHAPTER" and "LETTER" by turns, or quotes another's "CAPÍTULO",
	// has them side by side.
	level, prev := 0, -1
	for _, s := range ordered {
		rank, kw := keywordRank[strings.TrimPrefix(s, "kw:")], strings.HasPrefix(s, "kw:")
		if !kw || rank != prev {
			level++
		}
		if kw {
			prev = rank
		} else {
			prev = -1
		}
		r.levels[s] = level
	}
	// Front and back matter stand beside the chapters: at the top level
	// before the text's first top-level heading (a preface before "VOLUME
	// I"), at the chapters' level after it (an appendix in the last
	// volume).
	chapter := r.chapterLevel()
	top := false
	for _, b := range r.blocks {
		if b.kind != shapeHeading || b.role != roleBody {
			continue
		}
		switch {
		case b.style != "matter":
			b.level = r.levels[b.style]
		case top:
			b.level = chapter
		default:
			b.level = 1
		}
		top = top || b.level == 1
	}
}

// chapterLevel is the level of the text's chapters: the chapter keyword's,
// else that of the most used numbered style, else the top.
func (r *reader) chapterLevel() int {
	n := map[string]int{}
	best := ""
	for _, b := range r.blocks {
		if b.kind != shapeHeading || b.role != roleBody || !isNumbered(b.style) {
			continue
		}
		if strings.HasPrefix(b.style, "kw:") && keywordRank[b.style[3:]] == 3 {
			return r.levels[b.style]
		}
		n[b.style]++
		if best == "" || n[b.style] > n[best] {
			best = b.style
		}
	}
	if best == "" {
		return 1
	}
	return r.levels[best]
}

func isNumbered(style string) bool {
	return style != "left" && style != "centred" && style != "matter"
}
