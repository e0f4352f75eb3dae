package locale

import (
	"errors"
	"maps"
	"strings"
	"testing"
)

// TestDate checks dates in the forms a reader of each language expects:
// the table's date string with CLDR's month names where there is a table
// (English's "5 October 1964" is the edition's house style, as the open
// letter's own dateline has it), CLDR's long date where there is none.
func TestDate(t *testing.T) {
	for _, tc := range []struct{ tag, want string }{
		{"en", "5 October 1964"},
		{"en-GB", "5 October 1964"},
		{"", "5 October 1964"},
		{"de", "5. Oktober 1964"},
		{"de-AT", "5. Oktober 1964"},
		{"fr", "5 octobre 1964"},
		{"ru", "5 октября 1964 г."},
		{"sq", "5 tetor 1964"},
		{"es", "5 de octubre de 1964"},
		{"it", "5 ottobre 1964"},
		{"pt", "5 de outubro de 1964"},
		{"pt-BR", "5 de outubro de 1964"},
		{"pl", "5 października 1964"},
		{"nl", "5 oktober 1964"},
		{"el", "5 Οκτωβρίου 1964"},
		{"uk", "5 жовтня 1964 р."},
	} {
		l, _ := For(tc.tag)
		if got := l.Date("1964-10-05"); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.tag, got, tc.want)
		}
	}
	for _, tc := range []struct{ tag, want string }{
		{"fr", "1er février 1901"}, // the first of the month is "1er" (Lexique, "Dates")
		{"en", "1 February 1901"},
		{"de", "1. Februar 1901"},
		{"it", "1º febbraio 1901"}, // the ordinal, "primo" (Treccani, "Date")
		{"es", "1 de febrero de 1901"},
		// The months in the genitive, as a date writes them: CLDR's
		// format months, not its stand-alone ones ("luty", "лютий").
		{"pl", "1 lutego 1901"},
		{"uk", "1 лютого 1901 р."},
		{"el", "1 Φεβρουαρίου 1901"},
	} {
		l, _ := For(tc.tag)
		if got := l.Date("1901-02-01"); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.tag, got, tc.want)
		}
	}
	us := Book("en-US", map[string]string{"date": "{month} {day}, {year}"})
	if got := us.Date("1964-10-05"); got != "October 5, 1964" {
		t.Errorf("a manifest's date form: %q", got)
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
// parts: each plural string in the forms the language's plural rules ask
// for (by CLDR, for every count up to 2,000), and the credits of the
// hyphenation patterns of its own language. Each translation keeps the
// placeholders of the English string, which the edition fills (a plural
// form may leave out the number). A language without a table falls back
// to English, said.
func TestTables(t *testing.T) {
	for lang, table := range tables {
		l, _ := For(lang)
		for k, en := range tables["en"] {
			base, form, plural := strings.Cut(string(k), ".")
			switch {
			case strings.HasPrefix(string(k), "hyphenation-"):
				if lang != "en" && strings.HasPrefix(strings.TrimPrefix(string(k), "hyphenation-"), lang) && table[k] == "" {
					t.Errorf("%s lacks %q", lang, k)
				}
				continue
			case plural && form == "one":
				continue // checked with the language's own categories below
			case plural:
				for n := 0; n <= 2000; n++ {
					if f := l.Plural(Key(base), n); table[f] == "" {
						t.Errorf("%s lacks %q (for %d), or its %q", lang, f, n, base+".other")
						break
					}
				}
			case table[k] == "":
				t.Errorf("%s lacks %q", lang, k)
				continue
			}
			want := placeholders(en)
			delete(want, "n")
			for _, f := range []Key{k, Key(base + ".one"), Key(base + ".few"), Key(base + ".many")} {
				tr, ok := table[f]
				if !ok || f != k && !plural {
					continue
				}
				got := placeholders(tr)
				delete(got, "n")
				if !maps.Equal(got, want) {
					t.Errorf("%s %q has placeholders %v, English %v", lang, f, got, want)
				}
			}
		}
		for k := range table {
			if !Known(string(k)) {
				t.Errorf("%s has %q, which English does not", lang, k)
			}
		}
	}
	for _, tc := range []struct{ tag, contents string }{
		{"de-CH", "Inhalt"}, {"fr", "Table des matières"}, {"ru", "Содержание"}, {"sq", "Përmbajtja"},
		{"es", "Índice"}, {"it", "Indice"}, {"pt-BR", "Índice"}, {"pl", "Spis treści"}, {"nl", "Inhoud"},
		{"el", "Περιεχόμενα"}, {"el-polyton", "Περιεχόμενα"}, {"uk", "Зміст"},
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
	for _, lang := range []string{"de", "el", "en", "es", "fr", "it", "nl", "pl", "pt", "ru", "sq", "uk"} {
		if err == nil || !strings.Contains(err.Error(), lang) {
			t.Errorf("the warning for a language without a table does not list %s: %v", lang, err)
		}
	}
	if _, err := For("not a tag!"); err == nil {
		t.Error("a malformed tag was taken")
	}
}

func placeholders(s string) map[string]bool {
	out := map[string]bool{}
	for _, p := range split(s) {
		if p.Arg != "" {
			out[p.Arg] = true
		}
	}
	return out
}

// TestCount checks plural forms and numbers by each language's CLDR rules:
// Russian's three forms for whole numbers, German's "einmal", digits
// grouped as each language groups them.
func TestCount(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		n    int
		want string
	}{
		{"en", 1, "(1 time)"}, {"en", 2, "(2 times)"}, {"en", 1234, "(1,234 times)"},
		{"de", 1, "(einmal)"}, {"de", 3, "(3-mal)"}, {"de", 1234, "(1.234-mal)"},
		{"fr", 0, "(0 fois)"}, {"fr", 1234, "(1\u202f234 fois)"},
		{"ru", 1, "(1 раз)"}, {"ru", 3, "(3 раза)"}, {"ru", 5, "(5 раз)"}, {"ru", 11, "(11 раз)"},
		{"ru", 21, "(21 раз)"}, {"ru", 22, "(22 раза)"}, {"ru", 1234, "(1\u00a0234 раза)"},
		{"sq", 2, "(2 herë)"},
		{"es", 1, "(1 vez)"}, {"es", 2, "(2 veces)"}, {"es", 1234, "(1.234 veces)"},
		{"it", 1, "(1 volta)"}, {"it", 2, "(2 volte)"},
		{"pt", 1, "(1 vez)"}, {"pt", 2, "(2 vezes)"},
		{"nl", 1, "(1 keer)"}, {"nl", 2, "(2 keer)"},
		{"el", 1, "(1 φορά)"}, {"el", 2, "(2 φορές)"},
		// Polish: "one" is 1 alone; 2–4 and 22–24, but not 12–14, "few";
		// the rest "many" (CLDR plural rules).
		{"pl", 1, "(1 raz)"}, {"pl", 2, "(2 razy)"}, {"pl", 5, "(5 razy)"}, {"pl", 12, "(12 razy)"},
		{"pl", 21, "(21 razy)"}, {"pl", 22, "(22 razy)"}, {"pl", 1234, "(1\u00a0234 razy)"},
		// Ukrainian, as Russian: "one" ends in 1 but not 11.
		{"uk", 1, "(1 раз)"}, {"uk", 3, "(3 рази)"}, {"uk", 5, "(5 разів)"}, {"uk", 11, "(11 разів)"},
		{"uk", 21, "(21 раз)"}, {"uk", 22, "(22 рази)"}, {"uk", 112, "(112 разів)"}, {"uk", 1234, "(1\u00a0234 рази)"},
		{"tr", 2, "(2 times)"}, // no table: English words
	} {
		l, _ := For(tc.tag)
		if got := l.Count(KeptCount, tc.n); got != tc.want {
			t.Errorf("%s %d: %q, want %q", tc.tag, tc.n, got, tc.want)
		}
	}
	// A sentence whose noun takes the number's form.
	for _, tc := range []struct {
		tag  string
		key  Key
		n    int
		want string
	}{
		{"pl", TrailerMovedLines, 3, "3 wiersze, które tekst podstawowy drukuje P, przeniesiono na stronę „S”."},
		{"pl", TrailerMovedLines, 5, "5 wierszy, które tekst podstawowy drukuje P, przeniesiono na stronę „S”."},
		{"uk", TrailerMovedLines, 21, "21 рядок, надрукований в основному тексті P, перенесено на сторінку «S»."},
		{"uk", UnderText, 21, "P в основному тексті надруковано 21 рядок:"},
		{"uk", UnderText, 12, "P в основному тексті надруковано 12 рядків:"},
		{"pl", SourceLabel, 1, "Źródło:"}, {"pl", SourceLabel, 3, "Źródła:"}, {"pl", SourceLabel, 5, "Źródła:"},
	} {
		l, _ := For(tc.tag)
		if got := l.Count(tc.key, tc.n, "place", "P", "source", "S"); got != tc.want {
			t.Errorf("%s %s %d: %q, want %q", tc.tag, tc.key, tc.n, got, tc.want)
		}
	}
	ru := Book("ru", map[string]string{"kept-count.few": "({n} раза!)"})
	if got := ru.Count(KeptCount, 3); got != "(3 раза!)" {
		t.Errorf("an overridden plural form: %q", got)
	}
}

// TestFill checks placeholders: filled by name, in any order, a brace
// that is no placeholder kept, and a full stop not doubled after a value
// that ends with one.
func TestFill(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"{a} and {b}", "1 and 2"},
		{"{b}, {a}.", "2, 1."},
		{"{c} {A} { } {a", "{c} {A} { } {a"},
		{"{x}.", "Inc."},
		{"{x}, then.", "Inc., then."},
		{"", ""},
	} {
		l := &Locale{strings: map[Key]string{"k": tc.s}}
		if got := l.Fill("k", "a", "1", "b", "2", "x", "Inc."); got != tc.want {
			t.Errorf("Fill(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
	if got := split("It was taken from {url} on {date}."); len(got) != 5 || got[1].Arg != "url" || got[3].Text != "{date}" || got[4].Text != "." {
		t.Errorf("split: %+v", got)
	}
}

func TestList(t *testing.T) {
	de, _ := For("de")
	en, _ := For("en")
	es, _ := For("es")
	uk, _ := For("uk")
	el, _ := For("el")
	for _, tc := range []struct {
		l     *Locale
		items []string
		want  string
	}{
		{en, nil, ""}, {en, []string{"a"}, "a"}, {en, []string{"a", "b"}, "a and b"},
		{en, []string{"a", "b", "c"}, "a, b and c"}, {de, []string{"a", "b", "c"}, "a, b und c"},
		{es, []string{"a", "b", "c"}, "a, b y c"}, {uk, []string{"a", "b"}, "a і b"}, {el, []string{"a", "b"}, "a και b"},
	} {
		if got := tc.l.List(tc.items); got != tc.want {
			t.Errorf("List(%q) = %q, want %q", tc.items, got, tc.want)
		}
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
	if _, err := l.WithOverrides(map[string]string{"kept-count.few": "x"}); err != nil {
		t.Errorf("a plural form English does not use was refused: %v", err)
	}
	for _, bad := range []string{"kept-count.several", "contents.few", "kept-count"} {
		if Known(bad) {
			t.Errorf("%q is taken for a string", bad)
		}
	}
}

func TestMonths(t *testing.T) {
	l, _ := For("ru")
	wide, abbr := l.Months()
	if len(wide) != 12 || len(abbr) != 12 || wide[9] != "октября" || abbr[9] != "окт." {
		t.Errorf("months: %q %q", wide, abbr)
	}
}

// TestAgree checks the choice of a sentence's grammatical number by
// whether it speaks of one thing, whatever CLDR's categories (Russian's
// "one" takes 21 too, French's 0): the ".one" form for one where the
// table gives it, ".other" otherwise, and a manifest's own forms first.
func TestAgree(t *testing.T) {
	headings := Change("headings")
	for _, tc := range []struct {
		tag  string
		over map[string]string
		key  Key
		one  bool
		want string
	}{
		{"en", nil, headings, true, "A line standing alone in the manner of a heading (L) is set as a heading."},
		{"en", nil, headings, false, "Lines standing alone in the manner of headings (L) are set as headings."},
		{"ru", nil, headings, true, "Строка, стоящая отдельно, как заголовок (L), набрана как заголовок."},
		{"ru", nil, headings, false, "Строки, стоящие отдельно, как заголовки (L), набраны как заголовки."},
		// A subject that is one thing however many lines it has.
		{"en", nil, Change("table-of-contents"), true, "The copy-text’s table of contents (L) is left out: the edition makes its own."},
		{"en", map[string]string{"change-headings.one": "One heading (L)."}, headings, true, "One heading (L)."},
		{"en", map[string]string{"change-headings.other": "Headings (L)."}, headings, false, "Headings (L)."},
		// A language without a table speaks English, in both numbers.
		{"tr", nil, headings, true, "A line standing alone in the manner of a heading (L) is set as a heading."},
	} {
		l := Book(tc.tag, tc.over)
		if got := l.Agree(tc.key, tc.one, "lines", "L"); got != tc.want {
			t.Errorf("%s %s one=%v: %q, want %q", tc.tag, tc.key, tc.one, got, tc.want)
		}
	}
}

// TestQuotationMarks checks that each table quotes as its language prints
// (generated matter does not pass through the typography pass): the marks
// of its own convention and no other's, and no typewriter quotation mark
// or apostrophe in any table.
func TestQuotationMarks(t *testing.T) {
	foreign := map[string]string{
		"es": "“”„‘‚", "it": "“”„‘‚", "pt": "«»„‚", "el": "“”„‘‚", "uk": "“”„‘‚", "ru": "“”„‘‚",
		"pl": "«»“‘‚", // „ ” only
		"nl": "«»„‘‚", // “ ” only
	}
	for lang, table := range tables {
		for k, s := range table {
			if strings.ContainsAny(s, `"'`) {
				t.Errorf("%s %q has a typewriter mark: %q", lang, k, s)
			}
			if marks := foreign[lang]; strings.ContainsAny(s, marks) {
				t.Errorf("%s %q quotes with another language's marks: %q", lang, k, s)
			}
		}
	}
}
