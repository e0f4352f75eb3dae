// Package dateline recognises the line a letter or a speech prints at its
// head or under its signature to say where and when it was written, in
// the languages of the archives' documents: "PHILADELPHIA, Jan. 13,
// 1777.", "Berlin, den 5. 8. 1916.", "Paris, le 1er février 1901.",
// "Пирогово, 10 мая 1900 г.". Both readers, plain text and Markdown, use
// it, so that a document is dated the same way whatever its form; and it
// finds the date a dateline writes out, for the e-book's <time> (Find).
package dateline

import (
	"regexp"
	"strings"
	"sync"
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
		`январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь|` +
		`ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου|νοεμβρίου|δεκεμβρίου|` +
		`ιανουάριος|φεβρουάριος|μάρτιος|απρίλιος|μάιος|ιούνιος|ιούλιος|αύγουστος|σεπτέμβριος|οκτώβριος|νοέμβριος|δεκέμβριος|` +
		`stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)`
	dayNum  = `\d{1,2}(?:st|nd|rd|th|er|e|\.)?`
	yearNum = `(?:1[0-9]\d\d|20\d\d)(?:\s*(?:г\.|года|гг\.|r\.|roku|μ\.Χ\.))?`
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
	// datelineRe is compiled on a goroutine of its own from the start
	// (see init), not on the one that initialises the program: it takes
	// more than a millisecond.
	datelineRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^["«“„(]?(?:[^.!?()]{0,60}?[,:]\s*|\p{Lu}[\p{L}-]+\s+)?(` + dateExpr + `)\)?[.,]?\)?$`)
	})
)

func init() { go datelineRe() }

// Place reports whether s is a place and a date and nothing more, and
// returns the words before the date: the place ("Berlin, den"), or "" for
// a date alone, without italics marks. Every date has a digit, so most lines are dismissed before
// the pattern is tried.
func Place(s string) (place string, ok bool) {
	if !strings.ContainsAny(s, "0123456789") || utf8.RuneCountInString(s) > 80 || len(strings.Fields(s)) > 12 {
		return "", false
	}
	// Project Gutenberg marks italics with underscores, and books set a
	// dateline's date in italics ("MANCHESTER, _March, 1887_."): the marks
	// are not words.
	if strings.Contains(s, "_") {
		s = strings.ReplaceAll(s, "_", "")
	}
	m := datelineRe().FindStringSubmatchIndex(s)
	if m == nil {
		return "", false
	}
	return s[:m[2]], true
}
