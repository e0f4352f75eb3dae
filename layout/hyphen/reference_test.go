package hyphen

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// reference is a language's patterns read the plain way, for checking the
// trie: a map from each pattern's letters to its values, as Liang's rule
// reads them, and the set of exception words.
type reference struct {
	patterns   map[string][]uint8
	exceptions map[string]bool
	order      []string // the patterns' letters in file order
}

// readReference reads l's files from disk with none of the package's
// parsing code.
func readReference(t testing.TB, l *lang) *reference {
	t.Helper()
	ref := &reference{patterns: map[string][]uint8{}, exceptions: map[string]bool{}}
	addPatterns := func(text string) {
		for _, p := range strings.Fields(text) {
			var letters []rune
			values := []uint8{0}
			for _, r := range p {
				if r >= '0' && r <= '9' {
					values[len(values)-1] = uint8(r - '0')
					continue
				}
				letters = append(letters, r)
				values = append(values, 0)
			}
			ref.patterns[string(letters)] = values
			ref.order = append(ref.order, string(letters))
		}
	}
	addExceptions := func(text string) {
		for _, w := range strings.Fields(text) {
			ref.exceptions[strings.ToLower(strings.ReplaceAll(w, "-", ""))] = true
		}
	}
	read := func(name string) string {
		data, err := os.ReadFile("patterns/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for _, name := range l.patterns {
		text := read(name)
		if !l.tex {
			addPatterns(text)
			continue
		}
		// The groups of Knuth's files, comments removed.
		var lines []string
		for _, line := range strings.Split(text, "\n") {
			line, _, _ = strings.Cut(line, "%")
			lines = append(lines, line)
		}
		text = strings.Join(lines, "\n")
		for _, group := range []struct {
			command string
			add     func(string)
		}{{`\patterns{`, addPatterns}, {`\hyphenation{`, addExceptions}} {
			for rest := text; ; {
				_, body, found := strings.Cut(rest, group.command)
				if !found {
					break
				}
				body, rest, _ = strings.Cut(body, "}")
				group.add(body)
			}
		}
	}
	for _, name := range l.exceptions {
		addExceptions(read(name))
	}
	return ref
}

// values applies every pattern that occurs in ".word." (Liang 1983, ch. 2),
// by looking up each substring: values[k] lies before rune k of ".word.".
func (ref *reference) values(word string) []uint8 {
	dotted := []rune("." + word + ".")
	values := make([]uint8, len(dotted)+1)
	for i := range dotted {
		for j := i + 1; j <= len(dotted); j++ {
			for k, v := range ref.patterns[string(dotted[i:j])] {
				values[i+k] = max(values[i+k], v)
			}
		}
	}
	return values
}

// breaks returns the breaks the patterns allow in word (lower case), with
// the minima left and right.
func (ref *reference) breaks(word string, left, right int) []int {
	values := ref.values(word)
	n := len([]rune(word))
	var breaks []int
	for b := left; b <= n-right; b++ {
		if values[b+1]%2 == 1 {
			breaks = append(breaks, b)
		}
	}
	return breaks
}

// patternWords returns words made of the letters of two patterns that
// follow each other in l's files, and the words of its exception lists:
// words that walk the trie deep, in every language.
func patternWords(t testing.TB, l *lang) []string {
	ref := readReference(t, l)
	var words []string
	for i := 0; i+1 < len(ref.order); i++ {
		w := strings.ReplaceAll(ref.order[i]+ref.order[i+1], ".", "")
		if w != "" {
			words = append(words, w)
		}
	}
	for w := range ref.exceptions {
		words = append(words, w)
	}
	return words
}

// headerMinima returns the "hyphenmins: typesetting" values in the header
// of hyph-<id>.tex, shipped as patterns/hyph-<id>.lic.txt.
func headerMinima(t testing.TB, id string) (left, right int) {
	data, err := os.ReadFile("patterns/hyph-" + id + ".lic.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(data), "% hyphenmins:")
	_, after, ok := strings.Cut(after, "typesetting:")
	if !ok {
		t.Fatalf("hyph-%s.lic.txt: no hyphenmins", id)
	}
	value := func(key string) int {
		_, v, _ := strings.Cut(after, key+":")
		v = strings.TrimLeftFunc(v, unicode.IsSpace)
		n, err := strconv.Atoi(v[:strings.IndexFunc(v, unicode.IsSpace)])
		if err != nil {
			t.Fatalf("hyph-%s.lic.txt: %s: %v", id, key, err)
		}
		return n
	}
	return value("left"), value("right")
}
