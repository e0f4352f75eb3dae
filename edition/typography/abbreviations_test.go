package typography

import (
	"strings"
	"testing"
)

// TestAbbreviations checks what the typography pass's no-break spaces are
// found to keep together, on text the pass has set.
func TestAbbreviations(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []string // each abbreviation, its kind after a slash
	}{
		{"en", "N. Khrushchev and V. I. Lenin met Mr. Smith (p. 44).", []string{"N./0", "V.\u00a0I./0", "Mr./1", "p./2"}},
		{"en", "“J.V. Stalin,” said No. 5.", []string{"J.V./0", "No./2"}},
		{"en", "He came in. Then left.", nil},
		{"en", "the A. and B. rivers", nil}, // initials before no name are not kept together
		{"de", "Dr. Liebknecht schrieb auf S. 12.", []string{"Dr./1", "S./2"}},
	} {
		c := For(tc.lang)
		set := Text(tc.text, tc.lang)
		var got []string
		for _, a := range c.Abbreviations(set) {
			got = append(got, set[a.Start:a.End]+"/"+string(rune('0'+a.Kind)))
		}
		if strings.Join(got, " | ") != strings.Join(tc.want, " | ") {
			t.Errorf("%s %q: %q, want %q", tc.lang, set, got, tc.want)
		}
	}
}
