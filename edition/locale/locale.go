// Package locale holds what an edition says in its own words, in the
// book's language: the names of the parts it generates ("Contents", "A
// Note on the Text"), the sentences of its generated matter, and numbers,
// plurals and dates written as the language writes them, from the Unicode
// CLDR (through github.com/go-playground/locales). The strings are one
// table per language in strings.go, which a translator extends; a manifest
// may override any of them.
package locale

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-playground/locales"
	"golang.org/x/text/language"
)

// A Key names one string an edition generates.
type Key string

// Locale is the language of an edition's own words.
type Locale struct {
	tag       string // the table's language: "en", "de"
	own       bool   // the table is the language's own, not English standing in
	strings   map[Key]string
	overrides map[Key]string
	cldr      cldrLocale
}

// For returns the locale of a BCP 47 language tag: its own table when there
// is one ("de-AT" takes "de"; no tag at all, English), else English, which is then also reported as
// an error wrapping ErrNoTable so that a build can say the book's generated
// parts are in English. Dates follow the tag's CLDR data whenever it has
// any.
func For(tag string) (*Locale, error) {
	if r, ok := made.Load(tag); ok {
		r := r.(forResult)
		return r.l, r.err
	}
	l, err := forTag(tag)
	made.Store(tag, forResult{l, err})
	return l, err
}

// made keeps the locale of each tag For was asked for: a Locale never
// changes once made (WithOverrides and Book copy it), and making one
// builds the language's CLDR tables, which every generated sentence of a
// build would otherwise build again.
var made sync.Map

type forResult struct {
	l   *Locale
	err error
}

func forTag(tag string) (*Locale, error) {
	if tag == "" {
		return forTable("en", "en", true), nil // no language given: the edition's default
	}
	t, err := language.Parse(tag)
	if err != nil {
		return forTable("en", tag, false), fmt.Errorf("language %q: %w", tag, err)
	}
	base, _ := t.Base()
	name := base.String()
	if _, ok := tables[name]; !ok {
		return forTable("en", tag, false), fmt.Errorf("language %q: %w (known: %s)", tag, ErrNoTable, strings.Join(Languages(), ", "))
	}
	return forTable(name, tag, true), nil
}

// Book returns the locale an edition speaks in: that of its language (see
// For), with the manifest's strings in place of the table's. The manifest
// was checked when it was read (seed checks each key with Known), so an
// unknown key here is ignored, as is a language without a table.
func Book(tag string, overrides map[string]string) *Locale {
	shared, _ := For(tag)
	if len(overrides) == 0 {
		return shared
	}
	l := *shared
	l.overrides = map[Key]string{}
	for k, v := range overrides {
		l.overrides[Key(k)] = v
	}
	return &l
}

// ErrNoTable is wrapped when a language has no table of strings yet.
var ErrNoTable = fmt.Errorf("the generated parts have no translation into this language, so they are in English")

func forTable(name, tag string, own bool) *Locale {
	return &Locale{tag: name, own: own, strings: tables[name], cldr: cldrFor(tag)}
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
		if !Known(k) {
			return nil, fmt.Errorf("no generated string is called %q (known: %s)", k, strings.Join(Keys(), ", "))
		}
		c.overrides[Key(k)] = v
	}
	return &c, nil
}

// Keys lists the names of the strings, sorted: English's, whose plural
// strings have the forms "one" and "other" ("kept-count.one").
func Keys() []string {
	var out []string
	for k := range tables["en"] {
		out = append(out, string(k))
	}
	sort.Strings(out)
	return out
}

// Known reports whether name is the name of a string: one of Keys, or a
// form of a plural string that English does not use but another language
// does ("kept-count.few").
func Known(name string) bool {
	if _, ok := tables["en"][Key(name)]; ok {
		return true
	}
	base, form, ok := strings.Cut(name, ".")
	if !ok || !pluralForms[form] {
		return false
	}
	_, ok = tables["en"][Key(base+".other")]
	return ok
}

// pluralForms are the CLDR plural categories a plural string may have.
var pluralForms = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

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

// Has reports whether the locale's own table (or the manifest) gives key,
// rather than English standing in.
func (l *Locale) Has(key Key) bool {
	if _, ok := l.overrides[key]; ok {
		return true
	}
	_, ok := l.strings[key]
	return ok && l.own
}

// Fill returns the string of key with each placeholder {name} replaced by
// the value args give it; args are pairs of a name and its value. A
// placeholder args do not name is left as written.
func (l *Locale) Fill(key Key, args ...string) string {
	var b strings.Builder
	for _, p := range l.Pieces(key) {
		if p.Arg == "" {
			b.WriteString(Stop(b.String(), p.Text))
			continue
		}
		b.WriteString(arg(p, args))
	}
	return b.String()
}

// Stop returns the text that follows before, without its opening full
// stop when before ends with one: the full stop of an abbreviation ends
// the sentence too ("1964 г.", "Inc."; The Chicago Manual of Style,
// 6.122), where a value filled into a string ends with one.
func Stop(before, text string) string {
	if strings.HasSuffix(before, ".") && strings.HasPrefix(text, ".") && !strings.HasSuffix(before, "..") {
		return text[1:]
	}
	return text
}

func arg(p Piece, args []string) string {
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == p.Arg {
			return args[i+1]
		}
	}
	return p.Text
}

// Piece is a part of a string: literal text, or a placeholder (Arg is its
// name and Text how it is written, "{date}").
type Piece struct {
	Text string
	Arg  string
}

// Pieces splits the string of key into its literal text and placeholders,
// for a caller that fills a placeholder with more than text (a link, an
// italic title).
func (l *Locale) Pieces(key Key) []Piece { return split(l.T(key)) }

// split cuts s at its placeholders: "{" a name of lower-case letters,
// digits and hyphens "}". Any other brace is text.
func split(s string) []Piece {
	var out []Piece
	text := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9' || s[j] == '-') {
			j++
		}
		if j == i+1 || j == len(s) || s[j] != '}' {
			continue
		}
		if i > text {
			out = append(out, Piece{Text: s[text:i]})
		}
		out = append(out, Piece{Text: s[i : j+1], Arg: s[i+1 : j]})
		text = j + 1
		i = j
	}
	if text < len(s) {
		out = append(out, Piece{Text: s[text:]})
	}
	return out
}

// Plural returns the key of the form of the plural string key that goes
// with the number n in the language, by CLDR's cardinal plural rules:
// "kept-count.one" for 1 in English, "kept-count.few" for 3 in Russian;
// the "other" form when the table has none for n's category.
func (l *Locale) Plural(key Key, n int) Key {
	rule := l.cldr.CardinalPluralRule(float64(n), 0)
	form := Key(string(key) + "." + strings.ToLower(rule.String()))
	if _, ok := l.overrides[form]; ok {
		return form
	}
	if _, ok := l.strings[form]; ok {
		return form
	}
	return Key(string(key) + ".other")
}

// Count returns the form of the plural string key for n, its {n} the
// number as the language writes it, its other placeholders filled from
// args (see Fill).
func (l *Locale) Count(key Key, n int, args ...string) string {
	return l.Fill(l.Plural(key, n), append([]string{"n", l.Number(n)}, args...)...)
}

// Agree returns the form of the plural string key that agrees with one
// thing (its ".one" form, where the table gives one) or with more (its
// ".other"), its placeholders filled from args (see Fill): for a sentence
// whose grammar turns on whether it speaks of one thing, with no number
// printed to choose a CLDR category by ("A line ... is left out", "Lines
// ... are left out").
func (l *Locale) Agree(key Key, one bool, args ...string) string {
	form := Key(string(key) + ".other")
	if one && l.hasForm(Key(string(key)+".one"), form) {
		form = Key(string(key) + ".one")
	}
	return l.Fill(form, args...)
}

// hasForm reports whether the string T gives for key is the one meant:
// the manifest's or the table's own, or English's when the table lacks
// the plural string (other, its ".other" form) altogether.
func (l *Locale) hasForm(key, other Key) bool {
	if _, ok := l.overrides[key]; ok {
		return true
	}
	if _, ok := l.strings[key]; ok {
		return true
	}
	if _, ok := l.strings[other]; ok {
		return false
	}
	_, ok := tables["en"][key]
	return ok
}

// Number writes a whole number as the language does: "1,234", "1.234",
// "1 234".
func (l *Locale) Number(n int) string {
	if n > -1000 && n < 1000 {
		return strconv.Itoa(n)
	}
	return l.cldr.FmtNumber(float64(n), 0)
}

// List joins items as the language's prose does: "a", "a and b", "a, b
// and c".
func (l *Locale) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + l.T(And) + " " + items[len(items)-1]
}

// Date writes an ISO date (YYYY-MM-DD) as the language writes a date in
// running text: by the table's date string ("5 October 1964", "5. Oktober
// 1964", "5 октября 1964 г.") with CLDR's month names, or, for a language
// without a table, CLDR's long date. A partial or unparsable date is
// returned as given.
func (l *Locale) Date(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	if !l.Has(DateForm) {
		return l.cldr.FmtDateLong(t)
	}
	months := l.cldr.MonthsWide()
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = l.T(FirstDay)
	}
	return l.Fill(DateForm, "day", day, "month", months[t.Month()-1], "year", strconv.Itoa(t.Year()))
}

// Months returns the names of the months as the language writes them in a
// date ("October", "Oktober", "октября"), January first, and abbreviated:
// what a typography pass keeps on one line with the day's number.
func (l *Locale) Months() (wide, abbreviated []string) {
	return l.cldr.MonthsWide(), l.cldr.MonthsAbbreviated()
}

// cldrLocale is what the edition reads of a language's CLDR data.
type cldrLocale interface {
	FmtDateLong(t time.Time) string
	FmtNumber(num float64, v uint64) string
	MonthsWide() []string
	MonthsAbbreviated() []string
	CardinalPluralRule(num float64, v uint64) locales.PluralRule
	PluralsCardinal() []locales.PluralRule
}
