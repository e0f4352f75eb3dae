package archive

// Datelines: the place and date a letter or speech was written, at its
// head or under its signature. They are told by shape, in the languages of
// the archives' documents: "PHILADELPHIA, Jan. 13, 1777.", "Berlin, den
// 5. 8. 1916.", "Paris, le 1er février 1901.", "Пирогово, 10 мая 1900 г.".

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	monthName = `(?i:` +
		`january|february|march|april|may|june|july|august|september|october|november|december|` +
		`jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?|` +
		`januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|` +
		`janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|` +
		`gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre|` +
		`enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|` +
		`января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|` +
		`январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)`
	dayNum  = `\d{1,2}(?:st|nd|rd|th|er|e|\.)?`
	yearNum = `(?:1[0-9]\d\d|20\d\d)(?:\s*(?:г\.|года|гг\.))?`
	// "Ende Mai 1917", "mid June 1920": a part of a month.
	monthPart = `(?:(?i:ende|mitte|anfang|early|mid|late|end of|beginning of|middle of|fin|début|mi|конец|начало|середина)[\s-]+)?`
	dateExpr  = `(?:` +
		`(?:(?i:le|den|am|the|el|il)\s+)?` + dayNum + `\s*(?:(?i:of|de)\s+)?` + monthName + `,?\s*(?:` + yearNum + `)?` +
		`|` + monthName + `\s*` + dayNum + `,?\s*(?:` + yearNum + `)?` +
		`|` + monthPart + monthName + `,?\s+` + yearNum +
		`|(?:(?i:den|le|am)\s+)?\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})` +
		`|\d{1,2}[/]\d{1,2}[/]\d{2,4}|\d{4}-\d{2}-\d{2})`
	// A place before the date ends in a comma or colon, or is one word
	// ("PHILADELPHIA May 31, 1782.").
	datelineRe = regexp.MustCompile(`^["«“„(]?(?:[^.!?()]{0,60}?[,:]\s*|\p{Lu}[\p{L}-]+\s+)?(` + dateExpr + `)\)?[.,]?\)?$`)
)

// IsDateline reports a line that is a place and date and nothing more,
// for the Markdown reader, whose texts close as plain ones do.
func IsDateline(s string) bool { return isDateline(s) }

// isDateline reports a line that is a place and date and nothing more.
func isDateline(s string) bool {
	// Every date has a digit: most lines are dismissed before the pattern.
	if !strings.ContainsAny(s, "0123456789") || utf8.RuneCountInString(s) > 80 || wordCount(s) > 12 {
		return false
	}
	m := datelineRe.FindStringSubmatchIndex(s)
	if m == nil {
		return false
	}
	// The place is a name of a few words ("PHILADELPHIA", "Berlin, den",
	// "A Paris, le") or says where the text was given ("Delivered at the
	// Congress Hall, Manchester,"), not a clause ("Ces pages ont paru dans
	// le Figaro,").
	return wordCount(s[:m[2]]) <= 4 || attribRe.MatchString(s)
}

// isDatelineBlock reports a dateline of one line, or of two when the
// second names the place more closely in brackets ("Berlin, den 5. 8.
// 1916." over "(Gefängnis in der Barnimstraße.)").
func isDatelineBlock(b *block) bool {
	switch len(b.lines) {
	case 1:
		return isDateline(b.lines[0].text)
	case 2:
		second := b.lines[1].text
		return isDateline(b.lines[0].text) && strings.HasPrefix(second, "(") && strings.HasSuffix(strings.TrimRight(second, "."), ")")
	}
	return false
}
