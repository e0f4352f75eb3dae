package locale

import (
	"errors"
	"testing"
)

// TestDate checks dates against CLDR's long date for each language the
// issue names (the forms a reader of each expects).
func TestDate(t *testing.T) {
	for _, tc := range []struct{ tag, want string }{
		{"en", "October 5, 1964"},
		{"en-GB", "5 October 1964"},
		{"de", "5. Oktober 1964"},
		{"de-AT", "5. Oktober 1964"},
		{"fr", "5 octobre 1964"},
		{"ru", "5 октября 1964 г."},
		{"sq", "5 tetor 1964"},
		{"el", "5 Οκτωβρίου 1964"},
	} {
		l, _ := For(tc.tag)
		if got := l.Date("1964-10-05"); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.tag, got, tc.want)
		}
	}
	l, _ := For("en")
	for _, partial := range []string{"1964", "1964-10", "not a date"} {
		if got := l.Date(partial); got != partial {
			t.Errorf("Date(%q) = %q, want it as given", partial, got)
		}
	}
}

// TestTables checks that every table has every key the English one has, so
// a book in a language with a table has no English word in its generated
// parts, and that a language without one falls back to English, said.
func TestTables(t *testing.T) {
	for lang, table := range tables {
		for k := range tables["en"] {
			if table[k] == "" {
				t.Errorf("%s lacks %q", lang, k)
			}
		}
		for k := range table {
			if _, ok := tables["en"][k]; !ok {
				t.Errorf("%s has %q, which English does not", lang, k)
			}
		}
	}
	for _, tc := range []struct{ tag, contents string }{
		{"de-CH", "Inhalt"}, {"fr", "Table des matières"}, {"ru", "Содержание"}, {"sq", "Përmbajtja"},
	} {
		l, err := For(tc.tag)
		if err != nil || l.T(Contents) != tc.contents {
			t.Errorf("%s: %q, %v", tc.tag, l.T(Contents), err)
		}
	}
	l, err := For("tr")
	if !errors.Is(err, ErrNoTable) || l.T(Contents) != "Contents" {
		t.Errorf("tr: %q, %v; want English and ErrNoTable", l.T(Contents), err)
	}
	if _, err := For("not a tag!"); err == nil {
		t.Error("a malformed tag was taken")
	}
}

func TestOverrides(t *testing.T) {
	l, _ := For("de")
	o, err := l.WithOverrides(map[string]string{"contents": "Inhaltsverzeichnis"})
	if err != nil || o.T(Contents) != "Inhaltsverzeichnis" || o.T(Notes) != "Anmerkungen" || l.T(Contents) != "Inhalt" {
		t.Errorf("override: %q %q %q, %v", o.T(Contents), o.T(Notes), l.T(Contents), err)
	}
	if _, err := l.WithOverrides(map[string]string{"contnets": "x"}); err == nil {
		t.Error("an unknown key was taken")
	}
}

func TestMonths(t *testing.T) {
	l, _ := For("ru")
	wide, abbr := l.Months()
	if len(wide) != 12 || len(abbr) != 12 || wide[9] != "октября" || abbr[9] != "окт." {
		t.Errorf("months: %q %q", wide, abbr)
	}
}
