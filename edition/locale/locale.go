// Package locale holds what an edition says in its own words, in the
// book's language: the names of the parts it generates ("Contents", "A
// Note on the Text"), and dates written as the language writes them, from
// the Unicode CLDR (through github.com/go-playground/locales). The strings
// are one table per language in strings.go, which a translator extends;
// a manifest may override any of them.
package locale

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// A Key names one string an edition generates.
type Key string

// Locale is the language of an edition's own words.
type Locale struct {
	tag       string // the table's language: "en", "de"
	strings   map[Key]string
	overrides map[Key]string
	cldr      cldrLocale
}

// For returns the locale of a BCP 47 language tag: its own table when there
// is one ("de-AT" takes "de"), else English, which is then also reported as
// an error wrapping ErrNoTable so that a build can say the book's generated
// parts are in English. Dates follow the tag's CLDR data whenever it has
// any.
func For(tag string) (*Locale, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return forTable("en", tag), fmt.Errorf("language %q: %w", tag, err)
	}
	base, _ := t.Base()
	name := base.String()
	if _, ok := tables[name]; !ok {
		return forTable("en", tag), fmt.Errorf("language %q: %w (known: %s)", tag, ErrNoTable, strings.Join(Languages(), ", "))
	}
	return forTable(name, tag), nil
}

// ErrNoTable is wrapped when a language has no table of strings yet.
var ErrNoTable = fmt.Errorf("the generated parts have no translation into this language, so they are in English")

func forTable(name, tag string) *Locale {
	return &Locale{tag: name, strings: tables[name], cldr: cldrFor(tag)}
}

// Languages lists the languages with a table, sorted.
func Languages() []string {
	var out []string
	for k := range tables {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Language is the language of the locale's table: "en", "de".
func (l *Locale) Language() string { return l.tag }

// WithOverrides returns a copy of l in which the given strings replace the
// table's, as a manifest asks. An unknown key is an error naming it.
func (l *Locale) WithOverrides(over map[string]string) (*Locale, error) {
	c := *l
	c.overrides = map[Key]string{}
	for k, v := range over {
		if _, ok := tables["en"][Key(k)]; !ok {
			return nil, fmt.Errorf("no generated string is called %q (known: %s)", k, strings.Join(Keys(), ", "))
		}
		c.overrides[Key(k)] = v
	}
	return &c, nil
}

// Keys lists the names of the strings, sorted.
func Keys() []string {
	var out []string
	for k := range tables["en"] {
		out = append(out, string(k))
	}
	sort.Strings(out)
	return out
}

// T returns the string of key in the locale's language, or in English when
// the table lacks it.
func (l *Locale) T(key Key) string {
	if s, ok := l.overrides[key]; ok {
		return s
	}
	if s, ok := l.strings[key]; ok {
		return s
	}
	return tables["en"][key]
}

// Date writes an ISO date (YYYY-MM-DD) as the language writes a date in
// running text (CLDR's long date: "October 5, 1964", "5. Oktober 1964",
// "5 октября 1964 г."); a partial or unparsable date is returned as given.
func (l *Locale) Date(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return l.cldr.FmtDateLong(t)
}

// Months returns the names of the months as the language writes them in a
// date ("October", "Oktober", "октября"), January first, and abbreviated:
// what a typography pass keeps on one line with the day's number.
func (l *Locale) Months() (wide, abbreviated []string) {
	return l.cldr.MonthsWide(), l.cldr.MonthsAbbreviated()
}
