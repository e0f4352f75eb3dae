package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/bindery-editions/bindery/edition/locale"
)

// Conventions are how a language prints what a typewriter writes the same
// way everywhere: quotation marks, the spaces around punctuation, and the
// words a no-break space keeps with what follows.
type Conventions struct {
	Lang string
	// Double and Single are the opening and closing marks of a quotation
	// and of a quotation inside it, as the Unicode CLDR gives them for
	// the language (its quotationStart/End and alternate forms), with the
	// choices of the national style guides where CLDR allows two.
	Double, Single [2]rune
	// SpaceBeforeHigh puts a narrow no-break space (U+202F) before ; : ! ?
	// and inside « », as French typography does (Imprimerie nationale,
	// Lexique des règles typographiques, 2002).
	SpaceBeforeHigh bool
	// SpacedDash is the dash a hyphen between two spaces becomes: the en
	// dash (Bringhurst §5.2.1; Duden's Halbgeviertstrich; the French tiret
	// demi-cadratin), or the em dash of Russian and Ukrainian printing
	// (Мильчин, Справочник издателя и автора, 2003, 5.3).
	SpacedDash rune
	// DashKeepsWord makes the space before a spaced dash one that cannot
	// break, so that no line begins with the dash, as Russian printing
	// requires (Мильчин, 5.3: "тире не должно начинать строку").
	DashKeepsWord bool

	titles, numbers map[string]bool // abbreviations before a name, before a number
	months          map[string]bool // month names, wide and abbreviated, as dates write them
}

// conventionTable gives each language its marks; others take English's.
var conventionTable = map[string]struct {
	double, single [2]rune
	spaceBefore    bool
	emDash         bool // the spaced dash is the em dash
	titles         string
	numbers        string
	months         string // month abbreviations typists use that CLDR does not list
}{
	"en": {[2]rune{'“', '”'}, [2]rune{'‘', '’'}, false, false,
		"Mr. Mrs. Ms. Dr. St. Mt. Prof. Gen. Col. Capt. Lt. Sgt. Maj. Adm. Rev. Hon. Gov. Sen. Rep. Pres. Messrs. Mme. Mlle.",
		"No. no. Nos. nos. p. pp. vol. Vol. vols. art. Art. ch. Ch. chap. Chap. fig. Fig. §", "Sept."},
	// German: „…“ and ‚…‘ (Duden, Rechtschreibung, K 162).
	"de": {[2]rune{'„', '“'}, [2]rune{'‚', '‘'}, false, false,
		"Dr. Prof. Hr. Fr. St.", "Nr. S. Bd. Abs. Art. Kap. Abb. §", ""},
	// French: « … » with narrow no-break spaces, “…” inside.
	"fr": {[2]rune{'«', '»'}, [2]rune{'“', '”'}, true, false,
		"M. MM. Mme Mmes Mlle Mlles Dr Me Mgr", "p. t. n° no vol. art. chap. §", ""},
	// Russian and Ukrainian: «…» and „…“ (Мильчин, Справочник издателя и
	// автора, 2003, 5.2).
	"ru": {[2]rune{'«', '»'}, [2]rune{'„', '“'}, false, true, "", "с. стр. т. гл. №", ""},
	"uk": {[2]rune{'«', '»'}, [2]rune{'„', '“'}, false, true, "", "с. т. №", ""},
	// Albanian: «…» and „…“, as Tirana printings of the period have them.
	"sq": {[2]rune{'«', '»'}, [2]rune{'„', '“'}, false, false, "", "f. nr. vëll.", ""},
	"el": {[2]rune{'«', '»'}, [2]rune{'“', '”'}, false, false, "", "σ. αρ.", ""},
	"it": {[2]rune{'«', '»'}, [2]rune{'“', '”'}, false, false, "", "p. pp. n.", ""},
	"es": {[2]rune{'«', '»'}, [2]rune{'“', '”'}, false, false, "D. Dña. Sr. Sra.", "p. pág. núm. n.º", ""},
	"pt": {[2]rune{'“', '”'}, [2]rune{'‘', '’'}, false, false, "Sr. Sra. Dr.", "p. pág. n.º", ""},
	"nl": {[2]rune{'“', '”'}, [2]rune{'‘', '’'}, false, false, "dhr. mevr. Dr.", "p. blz. nr.", ""},
	// Polish: „…” and «…» (Wielki słownik ortograficzny PWN, 2010).
	"pl": {[2]rune{'„', '”'}, [2]rune{'«', '»'}, false, false, "p. dr prof.", "s. nr t.", ""},
}

// For returns the conventions of a BCP 47 language tag: its base language's
// ("de-AT" takes German's), or English's for a language without its own.
func For(tag string) Conventions {
	base := "en"
	if t, err := language.Parse(tag); err == nil {
		b, _ := t.Base()
		if _, ok := conventionTable[b.String()]; ok {
			base = b.String()
		}
	}
	row := conventionTable[base]
	c := Conventions{Lang: base, Double: row.double, Single: row.single, SpaceBeforeHigh: row.spaceBefore, SpacedDash: '–',
		titles: wordSet(row.titles), numbers: wordSet(row.numbers), months: map[string]bool{}}
	if row.emDash {
		c.SpacedDash, c.DashKeepsWord = '—', true
	}
	l, _ := locale.For(tag) // a language without a table still has CLDR months
	wide, abbr := l.Months()
	for _, m := range append(append(wide, abbr...), strings.Fields(row.months)...) {
		for _, form := range []string{m, m + ".", capitalise(m), capitalise(m) + "."} {
			if !strings.HasSuffix(form, "..") {
				c.months[form] = true
			}
		}
	}
	return c
}

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// capitalise writes a month's first letter as a capital, as at the start of
// a sentence ("октября" written "Октября").
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
