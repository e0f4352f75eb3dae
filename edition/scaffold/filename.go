package scaffold

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// titleFromFileName is the title a file's name gives when the text names
// none: a transcription that opens with its first paragraph and keeps its
// title only in the archive's catalogue and the file's name (lib.ru and
// the collections copied from it name a file "Патриотизм и
// правительство.txt"; collectors re-name it
// "tolstoy-patriotizm-i-pravitelstvo.txt"). The name loses its extension;
// a name with no space has its words joined by hyphens or underscores,
// which are parted by spaces; the archive numbers and the year at its end
// ("-pg26964", "-1993") and the author's surname at its start
// ("tolstoy-"), the parts of the "author-title-number" pattern that are
// no part of the title, are left out, as long as a word is left; and a
// name written all in lower case, as slugs are, gets a capital first
// letter. The import marks the result for checking, as a file's name may
// be transliterated or shortened.
func titleFromFileName(name string, creators []creator) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	s := strings.ReplaceAll(base, "_", " ")
	if !strings.Contains(s, " ") {
		s = strings.ReplaceAll(s, "-", " ")
	}
	words := strings.Fields(s)
	for len(words) > 1 && archiveNumber.MatchString(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) > 1 {
		first := latinKey(words[0])
		for _, c := range creators {
			if parts := strings.Fields(c.Name); len(parts) > 0 && latinKey(parts[len(parts)-1]) == first {
				words = words[1:]
				break
			}
		}
	}
	if len(words) == 0 || len(words) == 1 && archiveNumber.MatchString(words[0]) {
		return base
	}
	t := strings.Join(words, " ")
	if strings.ToLower(t) == t {
		r, n := utf8.DecodeRuneInString(t)
		t = string(unicode.ToUpper(r)) + t[n:]
	}
	return t
}

// archiveNumber is a word of a file name that numbers or dates a copy
// rather than naming the work: an archive's number ("pg26964", "26964",
// "4-0" parted into "4" and "0") or a year ("1993").
var archiveNumber = regexp.MustCompile(`(?i)^(?:pg|etext|ebook)?\d+[a-z]?$`)

// latinKey is a word for comparison across scripts and transliterations:
// lower case, Cyrillic letters transliterated, accents dropped, and the
// letters the common transliterations of Russian write differently for
// the same sound (й as i, j or y; ий as ii, iy or y) made one, so that
// "Толстой", "Tolstoy" and "Tolstoj" compare equal.
func latinKey(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case cyrillicLatin[r] != "" || r == 'ъ' || r == 'ь':
			b.WriteString(cyrillicLatin[r])
		case r == 'j' || r == 'y':
			b.WriteByte('i')
		case unicode.IsLetter(r):
			b.WriteRune(r)
		}
	}
	k := b.String()
	for strings.Contains(k, "ii") {
		k = strings.ReplaceAll(k, "ii", "i")
	}
	return k
}

// cyrillicLatin transliterates Russian letters as the common schemes
// agree (й, ы, ю and я with i, as latinKey makes y and j); the hard and
// soft signs are dropped.
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ы': "i", 'э': "e", 'ю': "iu", 'я': "ia", 'і': "i", 'ї': "i", 'є': "e", 'ґ': "g",
}

// inTextScript writes a title read from a file's name in the text's own
// script when the name is a transliteration of words the text uses: a
// Russian text filed as "patriotizm-i-pravitelstvo" uses "патриотизм",
// "и" and "правительство", whose Latin keys are the name's words, and
// its title is "Патриотизм и правительство". The words are matched
// whole; unless every word of the name is found, the name is kept as it
// is, since a partial spelling in two scripts would be no title.
func inTextScript(title string, words []string) string {
	if !isLatin(title) {
		return title
	}
	byKey := map[string]string{}
	foreign := 0
	for _, w := range words {
		if isLatin(w) {
			continue
		}
		foreign++
		k := latinKey(w)
		if _, ok := byKey[k]; !ok {
			byKey[k] = strings.ToLower(w)
		}
	}
	if foreign*2 < len(words) {
		return title // a text in the Latin script: the name is its own spelling
	}
	parts := strings.Fields(title)
	for i, p := range parts {
		w, ok := byKey[latinKey(p)]
		if !ok {
			return title
		}
		parts[i] = w
	}
	t := strings.Join(parts, " ")
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// isLatin reports whether a word's letters are all of the Latin script.
func isLatin(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters = true
		}
	}
	return letters
}

// textWords are the words of a text's paragraphs, for inTextScript.
func textWords(paragraphs []string) []string {
	var out []string
	for _, p := range paragraphs {
		out = append(out, strings.FieldsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) })...)
	}
	return slices.Clip(out)
}
