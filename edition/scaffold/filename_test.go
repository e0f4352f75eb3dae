package scaffold

import "testing"

// TestTitleFromFileName reads the title a file's name gives a text that
// names none.
func TestTitleFromFileName(t *testing.T) {
	tolstoy := []creator{{"Лев Толстой", "aut", true}}
	for _, tc := range []struct {
		name     string
		creators []creator
		want     string
	}{
		{"tolstoy-patriotizm-i-pravitelstvo.txt", tolstoy, "Patriotizm i pravitelstvo"}, // the author's surname, transliterated, left out
		{"Патриотизм и правительство.txt", tolstoy, "Патриотизм и правительство"},       // the archive's own name, kept as written
		{"tolstoj_patriotizm.txt", tolstoy, "Patriotizm"},                               // another transliteration of the surname
		{"thoreau-civil-disobedience-pg71-1993.txt", nil, "Thoreau civil disobedience"}, // no author known: the first word stays
		{"luxemburg-briefe-aus-dem-gefaengnis-pg26964.txt", nil, "Luxemburg briefe aus dem gefaengnis"},
		{"Civil-Disobedience.txt", nil, "Civil Disobedience"},        // capitals kept
		{"Anti-Dühring, Part One.md", nil, "Anti-Dühring, Part One"}, // spaces: hyphens are the title's own
		{"26964-8.txt", nil, "26964-8"},                              // numbers only: the name as it is
		{"1984.txt", nil, "1984"},
		{"tolstoy.txt", tolstoy, "Tolstoy"}, // the surname alone is all there is
	} {
		if got := titleFromFileName(tc.name, tc.creators); got != tc.want {
			t.Errorf("titleFromFileName(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestLatinKey compares names across scripts and transliterations.
func TestLatinKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Толстой", "tolstoy"},
		{"Толстой", "Tolstoj"},
		{"Достоевский", "dostoevsky"},
		{"Горький", "gorky"},
		{"Zola", "zola"},
		{"Émile", "emile"},
	} {
		if latinKey(tc.a) != latinKey(tc.b) {
			t.Errorf("latinKey(%q) = %q, latinKey(%q) = %q: want them equal", tc.a, latinKey(tc.a), tc.b, latinKey(tc.b))
		}
	}
	if latinKey("Marx") == latinKey("Engels") {
		t.Error("different names compare equal")
	}
}

// TestInTextScript writes a transliterated file name in the text's own
// script when the text uses every word of it.
func TestInTextScript(t *testing.T) {
	russian := textWords([]string{"Мне уже несколько раз приходилось говорить, что патриотизм и правительство — одно.", "Правительство есть насилие."})
	for _, tc := range []struct {
		title string
		words []string
		want  string
	}{
		{"Patriotizm i pravitelstvo", russian, "Патриотизм и правительство"},
		{"Patriotizm i vojna", russian, "Patriotizm i vojna"},                                   // a word the text lacks: the name as it is
		{"Civil disobedience", textWords([]string{"civil disobedience"}), "Civil disobedience"}, // a Latin text
		{"Патриотизм", russian, "Патриотизм"},                                                   // already in the text's script
	} {
		if got := inTextScript(tc.title, tc.words); got != tc.want {
			t.Errorf("inTextScript(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}
