package dateline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/bindery-editions/bindery/edition/locale"
)

// datePatterns match a date written out in a language: "October 5, 1964",
// "October 5. 1964", "5 October 1964", "5. Oktober 1964", "October 1964",
// and an ISO date. The groups are named day, month and year.
type datePatterns struct {
	res    []*regexp.Regexp
	months map[string]int // lower-case name or abbreviation → 1..12
}

// datePatternsByLanguage keeps the patterns of each language made, for
// every book: compiling them costs more than writing an e-book's chapter.
var datePatternsByLanguage sync.Map // language → *datePatterns

func datePatternsFor(lang string) *datePatterns {
	if d, ok := datePatternsByLanguage.Load(lang); ok {
		return d.(*datePatterns)
	}
	l, _ := locale.For(lang) // a language without a table still has CLDR months
	d, _ := datePatternsByLanguage.LoadOrStore(lang, newDatePatterns(l))
	return d.(*datePatterns)
}

func newDatePatterns(l *locale.Locale) *datePatterns {
	d := &datePatterns{months: map[string]int{}}
	wide, abbr := l.Months()
	var names []string
	add := func(list []string) {
		for i, m := range list {
			m = strings.TrimSuffix(m, ".")
			if m == "" {
				continue
			}
			if _, dup := d.months[strings.ToLower(m)]; !dup {
				d.months[strings.ToLower(m)] = i + 1
				names = append(names, regexp.QuoteMeta(m))
			}
		}
	}
	add(wide)
	add(abbr)
	if len(names) == 0 {
		return d
	}
	// The typography pass keeps a day with its month by a no-break space
	// ("October\u00a05"): a space here is any of them.
	const sp = `[\s\x{00A0}\x{202F}]`
	month := `(?P<month>` + strings.Join(names, "|") + `)\.?`
	day := `(?P<day>[0-3]?\d)(?:st|nd|rd|th)?`
	year := `(?P<year>1\d{3}|20\d{2})`
	for _, p := range []string{
		`\b` + month + sp + `+` + day + `[.,]?` + sp + `+` + year + `\b`,
		`\b` + day + `\.?` + sp + `+` + month + `,?` + sp + `+` + year + `\b`,
		`\b` + month + `,?` + sp + `+` + year + `\b`,
		`\b(?P<year>1\d{3}|20\d{2})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)\b`,
	} {
		d.res = append(d.res, regexp.MustCompile(`(?i)`+p))
	}
	return d
}

// Find returns where in text, written in the language lang (a BCP 47
// tag), a date is written and the date in ISO 8601 ("1964-10-05", or
// "1964-10" without a day); start is -1 when the text holds none a reader
// can parse. The month names are the language's own, from the Unicode
// CLDR (edition/locale).
func Find(text, lang string) (start, end int, iso string) {
	dates := datePatternsFor(lang)
	for _, re := range dates.res {
		m := re.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		group := func(name string) string {
			i := re.SubexpIndex(name)
			if i < 0 || m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		month := dates.months[strings.ToLower(group("month"))]
		if month == 0 {
			month, _ = strconv.Atoi(group("month"))
		}
		day, _ := strconv.Atoi(group("day"))
		if month < 1 || month > 12 || day > 31 {
			continue
		}
		iso = group("year") + fmt.Sprintf("-%02d", month)
		if day > 0 {
			iso += fmt.Sprintf("-%02d", day)
		}
		return m[0], m[1], iso
	}
	return -1, -1, ""
}
