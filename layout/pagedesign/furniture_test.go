package pagedesign

import (
	"strings"
	"testing"
)

func TestRoman(t *testing.T) {
	for n, want := range map[int]string{1: "i", 4: "iv", 9: "ix", 14: "xiv", 40: "xl", 1994: "mcmxciv"} {
		if got := Roman(n); got != want {
			t.Errorf("Roman(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestHeadText(t *testing.T) {
	for _, tc := range []struct{ head, want string }{
		{"I. History of the Question.", "I. History of the Question"},
		{"I. History of the Question", "I. History of the Question"},
		{"IV.", "IV"},
		{"Lessons from the U.S.A.", "Lessons from the U.S.A."},
		{"Goods, chattels, etc.", "Goods, chattels, etc."},
		{"And so on...", "And so on..."},
		{" Trailing space. ", "Trailing space"},
	} {
		if got := HeadText(tc.head); got != tc.want {
			t.Errorf("HeadText(%q) = %q, want %q", tc.head, got, tc.want)
		}
	}
}

// TestShortHead checks the running head's shorter forms: never an
// ellipsis, cut where a phrase ends.
func TestShortHead(t *testing.T) {
	fitsIn := func(n int) func(string) bool { return func(s string) bool { return len(s) <= n } }
	for _, tc := range []struct {
		head string
		fit  int
		want string
	}{
		{"IV. Soviet Foreign Policy and the Communist Movement", 80, "IV. Soviet Foreign Policy and the Communist Movement"},
		{"IV. Soviet Foreign Policy and the Communist Movement", 30, "IV. Soviet Foreign Policy"},
		{"III. Stalin, the Party and Soviet Policy at Home", 40, "III. Stalin, the Party and Soviet Policy"},
		{"III. Stalin, the Party and Soviet Policy at Home", 25, "III. Stalin, the Party"},
		{"III. Stalin, the Party and Soviet Policy at Home", 12, "III. Stalin"},
		{"A Note on the Text: Emendations and Silent Changes", 30, "A Note on the Text"},
		{"IV. Soviet Foreign Policy and the Communist Movement", 5, "IV."},
		{"Unbreakableheadwithoutanyphrase", 10, "Unbreakableheadwithoutanyphrase"},
	} {
		got := ShortHead(tc.head, fitsIn(tc.fit))
		if got != tc.want || strings.Contains(got, "…") {
			t.Errorf("ShortHead(%q, %d) = %q, want %q", tc.head, tc.fit, got, tc.want)
		}
	}
}
