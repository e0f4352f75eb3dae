package archive

// Datelines: the place and date a letter or speech was written, at its
// head or under its signature. They are told by shape, in the languages of
// the archives' documents: "PHILADELPHIA, Jan. 13, 1777.", "Berlin, den
// 5. 8. 1916.", "Paris, le 1er février 1901.", "Пирогово, 10 мая 1900 г.".

import (
	"strings"

	"github.com/bindery-editions/bindery/edition/dateline"
)

// isDateline reports a line that is a place and date and nothing more
// (package dateline), whose place is a name of a few words ("PHILADELPHIA",
// "Berlin, den", "A Paris, le") or says where the text was given
// ("Delivered at the Congress Hall, Manchester,"), not a clause ("Ces
// pages ont paru dans le Figaro,").
func isDateline(s string) bool {
	place, ok := dateline.Place(s)
	return ok && (wordCount(place) <= 4 || attribRe.MatchString(s))
}

// isDatelineBlock reports a dateline of one line, or of two when the
// first is the place and the second the date, or when the second names
// the place more closely in brackets ("Berlin, den 5. 8.
// 1916." over "(Gefängnis in der Barnimstraße.)").
func isDatelineBlock(b *block) bool {
	switch len(b.lines) {
	case 1:
		return isDateline(b.lines[0].text)
	case 2:
		first, second := b.lines[0].text, b.lines[1].text
		if strings.HasSuffix(first, ",") && !isDateline(first) {
			// The place over the date, set right as letters head them:
			// "Camp near Dover," over "June 3rd, 1915."
			return isDateline(first + " " + second)
		}
		return isDateline(first) && strings.HasPrefix(second, "(") && strings.HasSuffix(strings.TrimRight(second, "."), ")")
	}
	return false
}
