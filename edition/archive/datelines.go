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
