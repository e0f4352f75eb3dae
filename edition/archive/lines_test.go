package archive

import "testing"

// TestMakePlainLine checks that the quick path for plain lines measures
// them as the general one does.
func TestMakePlainLine(t *testing.T) {
	slow := func(s string) line {
		// The general path, reached by a tab that changes nothing else.
		l := makeLine(1, s+"\t")
		return l
	}
	for _, s := range []string{
		"", "   ", "plain text", "   indented text  ", "Gefängnis in der Barnimstraße", "   Мне уже несколько раз",
		"a  b", " tab\there", "ideographic\u3000space", "form\ffeed",
	} {
		fast, ok := makePlainLine(1, s)
		want := slow(s)
		if !ok {
			continue // the general path handles it
		}
		if fast.text != want.text || fast.indent != want.indent || fast.width != want.width {
			t.Errorf("%q: quick path %+v, general %+v", s, fast, want)
		}
	}
	for _, s := range []string{"a  b", " tab\there", "ideographic\u3000space", "form\ffeed"} {
		if _, ok := makePlainLine(1, s); ok {
			t.Errorf("%q took the quick path; it needs collapsing", s)
		}
	}
}

func TestSetOnSameLine(t *testing.T) {
	for _, tc := range []struct {
		s              string
		head, tail     string
		letterhead, ok bool
	}{
		{"a wish for peace.                       COMMON SENSE.", "a wish for peace.", "COMMON SENSE.", false, true},
		{"  MINISTÈRE                      «Paris, 14 avril 1831.", "  MINISTÈRE", "«Paris, 14 avril 1831.", true, true},
		{"a sentence going on          and on", "", "", false, false},
		{"Ships.     Guns.     Cost of one.        Cost of all", "", "", false, false},
	} {
		head, tail, _, letterhead, ok := setOnSameLine(tc.s)
		if ok != tc.ok || ok && (head != tc.head || tail != tc.tail || letterhead != tc.letterhead) {
			t.Errorf("setOnSameLine(%q) = %q, %q, %v, %v", tc.s, head, tail, letterhead, ok)
		}
	}
}

func TestWordCount(t *testing.T) {
	for s, want := range map[string]int{"": 0, "one": 1, " two  words ": 2, "no-break\u00a0space": 2, "Три слова тут": 3} {
		if got := wordCount(s); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
}
