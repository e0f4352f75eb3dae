package scaffold

// What import can tell about a text from the text itself: the archive
// header's fields (Project Gutenberg's "Title:", "Author:", "Language:"),
// Markdown front matter and a pandoc "%" title block, the title page's
// title, byline and imprint lines, a letter's signature and dateline, and
// the language of the body by detection. Every value that is a guess is
// marked for the editor to check.

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/bindery-editions/bindery/edition/archive"
	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
)

// creator is an author, editor or translator import found; guessed
// marks one the editor must confirm.
type creator struct {
	Name, Role string
	guessed    bool
}

// inferred is what import could tell about a text; guessed holds the
// keys whose values are guesses.
type inferred struct {
	Title, Subtitle        string
	Creators               []creator
	Language               string
	Year, Date             string // original.year, original.date (YYYY-MM-DD)
	Publisher, Place       string // original.publisher, original.place
	SourceURL              string
	Description, Rights    string
	EditionPublisher       string
	guessed                map[string]bool
	titleFromFile          bool // the title is the file's name, made readable
	languageFromDetection  bool
	languageDetectionScore float64
}

func (f *inferred) guess(key string) { f.guessed[key] = true }

// languageNames maps the language names archive headers print to BCP 47.
var languageNames = map[string]string{
	"english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr", "russian": "ru",
	"italian": "it", "spanish": "es", "portuguese": "pt", "dutch": "nl", "latin": "la", "polish": "pl",
	"swedish": "sv", "danish": "da", "norwegian": "no", "finnish": "fi", "greek": "el", "hungarian": "hu",
	"czech": "cs", "albanian": "sq", "esperanto": "eo", "catalan": "ca",
}

var (
	yearRe         = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\b`) })
	etextNumber    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\[(?:e-?book|etext) #(\d+)\]`) })
	authorSplit    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*(?:;|\band\b|\bund\b|\bet\b|&)\s*`) })
	ofBy           = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(.+?),\s+by\s+(.+)$`) })
	publisherWords = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)publishing house|publishers?\b|\bpress\b|verlag|éditeur|éditions|\bbooks\b|printing|company|\bco\.|\bbiblioth(?:èque|eque|ek)\b|\blibrary\b`)
	})
	pandocBlock = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\A(?:%[^\n]*\n(?:[ \t]+[^\n]*\n)*){1,3}`) })
)

// infer gathers what the Source and the raw file say about the text.
func infer(name string, data []byte, src *model.Source) inferred {
	f := inferred{guessed: map[string]bool{}}
	fields := map[string]string{}
	for _, x := range src.Fields {
		if _, ok := fields[x.Key]; !ok {
			fields[x.Key] = x.Value
		}
	}
	// Front matter and a pandoc title block: the writer's own statements.
	fm := src.Front
	f.Title, f.Subtitle, f.Description, f.Rights = fm.Title, fm.Subtitle, fm.Description, fm.Rights
	f.EditionPublisher = ""
	if fm.Publisher != "" {
		f.Publisher = fm.Publisher
	}
	for _, a := range fm.Authors {
		f.Creators = append(f.Creators, fieldAuthor(a))
	}
	if fm.Date != "" {
		f.Date, f.Year = isoDate(fm.Date), yearRe().FindString(fm.Date)
	}
	if fm.Language != "" {
		f.Language = fm.Language
	}
	if m := pandocBlock().Find(bytes.TrimPrefix(data, []byte("\uFEFF"))); m != nil {
		var lines []string
		for _, l := range strings.Split(strings.TrimRight(string(m), "\n"), "\n") {
			if strings.HasPrefix(l, "%") {
				lines = append(lines, strings.TrimSpace(strings.TrimPrefix(l, "%")))
			} else if len(lines) > 0 {
				lines[len(lines)-1] += " " + strings.TrimSpace(l)
			}
		}
		for i, l := range lines {
			switch {
			case l == "":
			case i == 0 && f.Title == "":
				f.Title = l
			case i == 1 && len(f.Creators) == 0:
				for _, a := range strings.Split(l, ";") {
					if a = strings.TrimSpace(a); a != "" {
						f.Creators = append(f.Creators, creator{a, "aut", false})
					}
				}
			case i == 2 && f.Date == "":
				f.Date, f.Year = isoDate(l), yearRe().FindString(l)
			}
		}
	}
	// The archive header.
	if f.Title == "" {
		if t, ok := fields["Title"]; ok {
			parts := strings.SplitN(t, "\n", 2)
			f.Title = parts[0]
			if len(parts) > 1 {
				f.Subtitle = strings.Join(strings.Fields(parts[1]), " ")
			}
		} else if m := ofBy().FindStringSubmatch(fields["Etext"]); m != nil {
			f.Title = m[1]
			f.guess("title")
			if len(f.Creators) == 0 {
				f.Creators = append(f.Creators, creator{m[2], "aut", true})
			}
		} else if t := fields["Etext"]; t != "" {
			f.Title = t
			f.guess("title")
		}
	}
	if len(f.Creators) == 0 {
		for _, key := range []string{"Author", "Authors"} {
			if a := fields[key]; a != "" {
				for _, n := range authorSplit().Split(a, -1) {
					if n = strings.TrimSpace(n); n != "" {
						f.Creators = append(f.Creators, fieldAuthor(n))
					}
				}
			}
		}
	}
	for _, kr := range [][2]string{{"Editor", "edt"}, {"Translator", "trl"}} {
		if v := fields[kr[0]]; v != "" {
			f.Creators = append(f.Creators, creator{v, kr[1], false})
		}
	}
	if f.Language == "" {
		if code, ok := languageNames[strings.ToLower(strings.TrimSpace(fields["Language"]))]; ok {
			f.Language = code
		}
	}
	if m := etextNumber().FindStringSubmatch(fields["Release Date"]); m != nil {
		f.SourceURL = "https://www.gutenberg.org/ebooks/" + m[1]
	}
	// The title page: the document's own wording, over a header's guess.
	tp := readTitlePage(src.Title)
	switch {
	case tp.title == "":
	case f.Title == "":
		f.Title, f.Subtitle = tp.title, tp.subtitle()
		f.guess("title")
		if f.Subtitle != "" {
			f.guess("subtitle")
		}
	case !f.guessed["title"] && f.Subtitle == "" && sameTitle(tp.title, f.Title) && len(tp.rest) == 1:
		// A volume of collected writings that holds one work: the
		// header declares the volume ("The Writings of Thomas Paine,
		// Vol. I"), its title page sets the same title over the work's
		// ("THE AMERICAN CRISIS."), which names what the book is.
		f.Subtitle = displayCase(strings.TrimRight(tp.rest[0], " .,;:"))
		f.guess("subtitle")
	case f.guessed["title"] && f.Subtitle == "":
		// "Lincoln's Gettysburg Address" in the banner, "Lincoln's
		// Gettysburg Address, given November 19, 1863" / "on the
		// battlefield ..." on the title page; "Civil Disobedience" in the
		// banner, "On the Duty of Civil Disobedience" on the title page.
		t, head := normTitle(tp.title), normTitle(f.Title)
		switch {
		case strings.HasPrefix(t, head+" ") && len(f.Title) < len(tp.title):
			rest := strings.TrimLeft(tp.title[len(f.Title):], " ,.:;-")
			f.Subtitle = strings.Join(append([]string{rest}, tp.rest...), " ")
			f.guess("subtitle")
		case strings.Contains(t, head):
			f.Title, f.Subtitle = tp.title, tp.subtitle()
			if f.Subtitle != "" {
				f.guess("subtitle")
			}
		}
	}
	for _, a := range tp.authors {
		switch {
		case len(f.Creators) == 0:
			f.Creators = append(f.Creators, creator{a, "aut", true})
		case f.Creators[0].guessed && f.Creators[0].Role == "aut" && len(a) > len(f.Creators[0].Name) &&
			strings.HasSuffix(strings.ToLower(a), " "+strings.ToLower(f.Creators[0].Name)):
			f.Creators[0].Name = a // "Thoreau" in the banner, "Henry David Thoreau" in the byline
		}
	}
	// A line a page's title block sets over the title is its author's
	// name as a rule, not always: a guess, and only when it reads as a
	// name (a few words, no digits).
	for _, l := range src.Byline {
		l = cleanLine(l)
		if name, ok := archive.Byline(l); ok {
			l = name
		}
		if len(f.Creators) == 0 && bylineName(l) {
			f.Creators = append(f.Creators, creator{nameCase(l), "aut", true})
		}
	}
	// Editors and translators the title page or imprint credits, or the
	// lines a transcription prints around the text (the Source page's):
	// "Translated from the German by" over a name is read there when it
	// stands apart from the title.
	creditLines := append(append([]string(nil), src.Title...), src.Imprint...)
	for i := range src.Trailer {
		creditLines = append(creditLines, blockLines(&src.Trailer[i])...)
	}
	for _, c := range credits(creditLines) {
		if !hasCreator(f.Creators, c.Name) {
			f.Creators = append(f.Creators, c)
		}
	}
	f.imprint(src.Imprint)
	if f.Year == "" && tp.year != "" {
		f.Year = tp.year
		f.guess("year")
	}
	f.infoYear(creditLines)
	// The text: signature and dateline of a letter or speech. A text
	// whose parts close with datelines of their own is a collection (of
	// letters, of numbered pamphlets): the first dates its first part,
	// not the whole, which has no one date; its year is still the year
	// the collection begins.
	var dateline string
	var dates []string // the whole dates of the datelines, one a part
	for _, s := range src.Sections {
		partDate := ""
		for _, b := range s.Blocks {
			if b.Kind == model.Dateline && partDate == "" {
				partDate = isoDate(model.PlainText(b.Inlines))
			}
		}
		if partDate != "" && !slices.Contains(dates, partDate) {
			dates = append(dates, partDate)
		}
		for _, b := range s.Blocks {
			switch b.Kind {
			case model.Signature:
				if len(f.Creators) == 0 {
					lines := strings.Split(model.PlainText(b.Inlines), "  ")
					// "Karl Marx & Frederick Engels": each signs as an author.
					for _, name := range signatories().Split(strings.TrimRight(lines[len(lines)-1], " ."), -1) {
						f.Creators = append(f.Creators, creator{nameCase(strings.TrimSpace(name)), "aut", true})
					}
				}
			case model.Dateline:
				if dateline == "" {
					dateline = model.PlainText(b.Inlines)
				}
			}
		}
	}
	if dateline != "" && f.Date == "" {
		if d := isoDate(dateline); d != "" {
			if len(dates) < 2 {
				f.Date = d
				f.guess("date")
			}
			if f.Year == "" {
				f.Year = d[:4]
				f.guess("year")
			}
		}
	}
	if f.Date == "" {
		// "Lincoln's Gettysburg Address, given November 19, 1863".
		if d := isoDate(strings.Join(src.Title, " ")); d != "" {
			f.Date = d
			f.guess("date")
		}
	}
	if f.Year == "" && f.Date != "" {
		f.Year = f.Date[:4]
		f.guess("year")
	}
	// The language of the body, by detection, when nothing declares it.
	if f.Language == "" {
		sample := bodySample(src)
		info := whatlanggo.Detect(sample)
		if !info.IsReliable() && info.Confidence <= 0.5 {
			// A short text leaves the trigrams of all the world's
			// languages in doubt (a Russian letter of two sentences
			// reads as Serbian at 0.34, and went to English): asked again
			// among the languages the edition speaks (edition/locale),
			// the question has an answer more often.
			info = whatlanggo.DetectWithOptions(sample, whatlanggo.Options{Whitelist: editionLanguages()})
		}
		if info.IsReliable() || info.Confidence > 0.5 {
			f.Language = info.Lang.Iso6391()
			f.languageFromDetection, f.languageDetectionScore = true, info.Confidence
			f.guess("language")
		}
	}
	// The title of a speech or letter that opens with a name in the
	// possessive ("Lincoln's Gettysburg Address", "Washington's Farewell
	// Address") names its speaker or writer, when nothing else names an
	// author: a guess for the editor to check. Only these kinds: other
	// titles in the possessive name a place or a character as often
	// ("Erin's Hope", "Gulliver's Travels").
	if len(f.Creators) == 0 {
		if m := possessiveTitle.FindStringSubmatch(f.Title); m != nil {
			f.Creators = append(f.Creators, creator{m[1], "aut", true})
		}
	}
	// A text that names no title is known by its file's name.
	if f.Title == "" {
		f.Title, f.titleFromFile = titleFromFileName(name, f.Creators), true
		f.Title = inTextScript(f.Title, textWords(paragraphs(src)))
		f.guess("title")
	}
	// The import's summary names the creators among the guesses when any
	// creator is one (each is marked CHECK in the manifest on its own).
	if slices.ContainsFunc(f.Creators, func(c creator) bool { return c.guessed }) {
		f.guess("creators")
	}
	return f
}

// titlePage is what a source's title page says: its title, the lines
// under it, and the names its bylines give.
type titlePage struct {
	title   string
	rest    []string // lines under the title that are not bylines or credits
	authors []string
	year    string // a line under the title that is a year alone: "(1909)"
}

// subtitle is the lines under the title, when they are few enough to be
// one: a longer run is a title page's description, not a subtitle.
func (tp titlePage) subtitle() string {
	if len(tp.rest) == 0 || len(tp.rest) > 2 {
		return ""
	}
	return strings.Join(tp.rest, " ")
}

// readTitlePage sorts the title lines the reader found: the first is the
// title; "by X" (or "by" over "X") names an author; credits are left to
// credits.
func readTitlePage(lines []string) titlePage {
	var tp titlePage
	for i := 0; i < len(lines); i++ {
		l := cleanLine(lines[i])
		name, byline := archive.Byline(l)
		switch {
		case l == "":
		case tp.title == "":
			tp.title = l
		case creditLine().MatchString(l):
			if m := creditLine().FindStringSubmatch(l); m[2] == "" {
				i++ // the name on the next line
			}
		case byline:
			tp.authors = append(tp.authors, nameCase(name))
		case strings.EqualFold(l, "by") && i+1 < len(lines):
			tp.authors = append(tp.authors, nameCase(cleanLine(lines[i+1])))
			i++
		case yearSpan.MatchString(l):
			// A span of years dates the contents of a volume ("1774 -
			// 1779"): neither the edition's year nor a subtitle.
		case repeatsNumbered(l, lines[i+1:]):
			// A work's title numbered as an item of a collection
			// ("XIX. THE AMERICAN CRISIS") over the same title alone:
			// one line of the title page, the unnumbered one.
		case yearLine.MatchString(l) && tp.year == "":
			// A year alone under a title ("(1909)" under "Erin's Hope" /
			// "The End & The Means") dates the edition, as a title page's
			// foot does: the year, not a line of the subtitle.
			tp.year = yearRe().FindString(l)
		default:
			tp.rest = append(tp.rest, l)
		}
	}
	return tp
}

// yearSpan is a title-page line that is a span of years alone.
var yearSpan = regexp.MustCompile(`^[(\[]?(?:1[5-9]\d\d|20\d\d)\s*[-–—]\s*(?:1[5-9]\d\d|20\d\d)[)\]]?\.?$`)

// itemNumber is the number a collection gives an item before its title:
// "XIX. ", "19. ", "No. 3 ".
var itemNumber = regexp.MustCompile(`^(?:[IVXLCDM]+|\d+|No\.\s*\d+)\.?\s+`)

// repeatsNumbered reports whether a line is a title with an item's number
// before it that a later line gives without one.
func repeatsNumbered(l string, later []string) bool {
	loc := itemNumber.FindStringIndex(l)
	if loc == nil {
		return false
	}
	bare := normTitle(l[loc[1]:])
	return bare != "" && slices.ContainsFunc(later, func(m string) bool { return normTitle(cleanLine(m)) == bare })
}

// sameTitle reports whether two titles are the same words, whatever
// their case and punctuation, "Volume" and "Vol." alike.
func sameTitle(a, b string) bool {
	norm := func(s string) string {
		words := strings.Fields(normTitle(s))
		for i, w := range words {
			if w == "volume" {
				words[i] = "vol"
			}
		}
		return strings.Join(words, " ")
	}
	return a != "" && norm(a) == norm(b)
}

// yearLine is a title-page line that is a year alone, bare or in
// parentheses or brackets.
var yearLine = regexp.MustCompile(`^[(\[]?(?:1[5-9]\d\d|20\d\d)[)\]]?\.?$`)

// creditLine is a title page's or imprint's credit to an editor or
// translator: "COLLECTED AND EDITED BY MONCURE DANIEL CONWAY",
// "Herausgegeben vom" over "Exekutivkomitee der ...", "Traduit par X".
var creditLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^((?:collected and |selected and )?edited|compiled|translated|herausgegeben|übersetzt|übertragen|traduit|édité|traduction|перевод|под редакцией)` +
		`(?:\s+(?:from(?:\s+the)?|du|de la|de l['’]|aus dem|aus der)\s*\pL+)?` + // "translated from the German by"
		`(?:\s+(?:by|von|vom|von der|par|de|и))?(?:\s+(.+?))?[.,]?$`)
})

// credits returns the editors and translators the lines credit.
func credits(lines []string) []creator {
	var out []creator
	for i := 0; i < len(lines); i++ {
		m := creditLine().FindStringSubmatch(cleanLine(lines[i]))
		if m == nil {
			continue
		}
		name := m[2]
		if name == "" && i+1 < len(lines) {
			i++
			name = strings.TrimRight(cleanLine(lines[i]), " .,")
		}
		if name == "" {
			continue
		}
		role := "edt"
		switch strings.ToLower(m[1]) {
		case "translated", "übersetzt", "übertragen", "traduit", "traduction", "перевод":
			role = "trl"
		}
		out = append(out, creator{nameCase(name), role, true})
	}
	return out
}

func hasCreator(cs []creator, name string) bool {
	for _, c := range cs {
		if strings.EqualFold(c.Name, name) {
			return true
		}
	}
	return false
}

// nameCase sets a name printed in capitals ("MONCURE DANIEL CONWAY") as
// names are written; a name in mixed case is kept as printed.
func nameCase(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = capitalised(w)
	}
	return strings.Join(words, " ")
}

// capitalised writes a lower-case word with a capital, each part of a
// hyphenated one too ("jean-paul" → "Jean-Paul").
func capitalised(w string) string {
	parts := strings.Split(w, "-")
	for j, p := range parts {
		r, n := utf8.DecodeRuneInString(p)
		parts[j] = string(unicode.ToUpper(r)) + p[n:]
	}
	return strings.Join(parts, "-")
}

// fieldAuthor is the author a header or front matter field names. A name
// given all in lower case ("vladimir lenin") is more often a site's habit
// of data entry than the author's own spelling, though not always (bell
// hooks): it is set as names are written and marked for the editor to
// confirm.
func fieldAuthor(name string) creator {
	if strings.ToLower(name) == name && strings.ToUpper(name) != name {
		return creator{nameCase(strings.ToUpper(name)), "aut", true}
	}
	return creator{nameCase(name), "aut", false}
}

// bylineName reports whether a line of a title block can be a person's
// name: one to five words, none with a digit, no sentence punctuation.
func bylineName(s string) bool {
	words := strings.Fields(s)
	return len(words) >= 1 && len(words) <= 5 && !strings.ContainsAny(s, "0123456789:;!?()[]")
}

// normTitle is a title for comparison: lower case, words only.
func normTitle(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// imprint reads the publisher, place and year from the imprint lines: the
// publisher from the lines that name a firm ("Verlag der
// Jugendinternationale"; consecutive ones joined), the place from a bare
// name beside them ("BERLIN-SCHÖNEBERG") or before a year ("Tirana,
// 1964"), the year from the first line with a single year. A span of years
// ("1774 - 1779") dates the contents, not the publication.
func (f *inferred) imprint(lines []string) {
	var ls []string
	for _, l := range lines {
		ls = append(ls, cleanLine(l))
	}
	pub := -1
	for i, l := range ls {
		if f.Publisher == "" && publisherWords().MatchString(l) && !creditLine().MatchString(l) && !rightsLine().MatchString(l) {
			p := strings.TrimRight(l, " ,.")
			if k := strings.LastIndex(p, ","); k > 0 && yearRe().MatchString(p[k:]) {
				p = p[:k]
			}
			for pub = i; pub+1 < len(ls) && publisherWords().MatchString(ls[pub+1]) && !rightsLine().MatchString(ls[pub+1]); pub++ {
				p += ", " + strings.TrimRight(ls[pub+1], " ,.")
			}
			f.Publisher = p
			f.guess("publisher")
			if f.Place == "" {
				first := i
				for _, k := range []int{pub + 1, first - 1} {
					if k >= 0 && k < len(ls) && placeName().MatchString(ls[k]) && !publisherWords().MatchString(ls[k]) {
						f.Place = strings.TrimRight(ls[k], " ,.")
						f.guess("place")
						break
					}
				}
			}
		}
		if years := yearRe().FindAllString(l, -1); len(years) == 1 && f.Year == "" {
			f.Year = years[0]
			f.guess("year")
			if k := strings.Index(l, ","); k > 0 && f.Place == "" && !publisherWords().MatchString(l[:k]) && placeName().MatchString(l[:k]) {
				f.Place = strings.TrimSpace(l[:k])
				f.guess("place")
			}
		}
	}
	f.Publisher, f.Place = mixedCase(f.Publisher, ls), mixedCase(f.Place, ls)
}

// mixedCase returns a name found in capitals on a title page ("VERLAG DER
// JUGENDINTERNATIONALE") as another line of the same page writes it in
// upper and lower case ("Copyright by Verlag der _Jugendinternationale_"),
// since the capitals are the display type's, not the name's; else the
// name as it is.
func mixedCase(name string, lines []string) string {
	if name == "" || strings.ToUpper(name) != name || strings.ToLower(name) == name {
		return name
	}
	for _, l := range lines {
		l = strings.ReplaceAll(l, "_", "")
		if strings.ToUpper(l) == l {
			continue
		}
		if i := strings.Index(strings.ToUpper(l), name); i >= 0 && i+len(name) <= len(l) && strings.EqualFold(l[i:i+len(name)], name) {
			return l[i : i+len(name)]
		}
	}
	return displayCase(name)
}

// displayCase writes a name set in capitals as a title is written when no
// line gives its own case: each word capitalised but the small words of
// the archives' languages after the first ("THE EXAMPLE PRESS" → "The
// Example Press", "VERLAG DER AKTION" → "Verlag der Aktion"); initials
// ("H. W.") and words without a vowel ("SLP") stay capitals. The import
// marks the result for checking, as the capitals hide the real case (an
// acronym with a vowel, "ILP", comes out "Ilp").
func displayCase(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		lower := strings.ToLower(w)
		switch {
		case strings.Count(w, ".") > 1 || len(w) <= 2 && strings.HasSuffix(w, "."),
			!strings.ContainsAny(lower, "aeiouyäöüéèêàâîôûåæøœаеёиоуыэюяі"):
			// initials, or an abbreviation
		case i > 0 && smallWords[strings.Trim(lower, ",.;:")]:
			words[i] = lower
		default:
			words[i] = capitalised(lower)
		}
	}
	return strings.Join(words, " ")
}

// smallWords are the articles, prepositions and conjunctions a title
// writes in lower case after its first word, in the archives' languages.
var smallWords = wordSet("a an and at by for from in of on or the to " +
	"der die das des dem den und für im zu zum zur vom " +
	"de du la le les et en aux " +
	"di del della e il " + "y el los las " + "do da dos das " +
	"и в на")

// wordSet makes a set of space-separated words.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var (
	// placeName is a bare place name on an imprint line: one to three
	// capitalised words, no digits.
	placeName = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2}[,.]?$`)
	})
	// rightsLine is a copyright or rights statement, which names a
	// publisher but is not the imprint's publisher line.
	rightsLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)copyright|rechte|rights|droits`) })
)

// paragraphs are the plain text of the body's paragraphs.
func paragraphs(src *model.Source) []string {
	var out []string
	for _, s := range src.Sections {
		for _, bl := range s.Blocks {
			if bl.Kind == model.Paragraph {
				out = append(out, model.PlainText(bl.Inlines))
			}
		}
	}
	return out
}

// editionLanguages are the languages whose generated matter the edition
// has (edition/locale), as whatlanggo names them.
func editionLanguages() map[whatlanggo.Lang]bool {
	out := map[whatlanggo.Lang]bool{}
	for _, tag := range locale.Languages() {
		for l := range whatlanggo.Langs {
			if l.Iso6391() == tag {
				out[l] = true
			}
		}
	}
	return out
}

// bodySample is about 3,000 bytes of the body's paragraphs: enough for
// the trigram statistics, and whatlanggo's confidence is not meaningful
// on much longer texts (it can turn negative).
func bodySample(src *model.Source) string {
	var b strings.Builder
	for _, s := range src.Sections {
		for _, bl := range s.Blocks {
			if bl.Kind == model.Paragraph {
				b.WriteString(model.PlainText(bl.Inlines))
				b.WriteByte('\n')
				if b.Len() > 3000 {
					return strings.ToValidUTF8(b.String()[:3000], "")
				}
			}
		}
	}
	return b.String()
}

// cleanLine undoes the plain-text markup of a title-page line: "_COMMON
// SENSE_" reads "COMMON SENSE".
func cleanLine(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 2 && strings.HasPrefix(s, "_") && strings.HasSuffix(s, "_") {
		s = s[1 : len(s)-1]
	}
	return s
}

// monthNumbers maps month names and abbreviations in the archives'
// languages to their numbers.
var monthNumbers = func() map[string]int {
	m := map[string]int{}
	for i, names := range [][]string{
		{"january", "jan", "januar", "jänner", "janvier", "gennaio", "enero", "января", "январь", "ιανουαρίου", "ιανουάριος", "stycznia"},
		{"february", "feb", "februar", "février", "fevrier", "febbraio", "febrero", "февраля", "февраль", "φεβρουαρίου", "φεβρουάριος", "lutego"},
		{"march", "mar", "märz", "mars", "marzo", "марта", "март", "μαρτίου", "μάρτιος", "marca"},
		{"april", "apr", "avril", "aprile", "abril", "апреля", "апрель", "απριλίου", "απρίλιος", "kwietnia"},
		{"may", "mai", "maggio", "mayo", "мая", "май", "μαΐου", "μάιος", "maja"},
		{"june", "jun", "juni", "juin", "giugno", "junio", "июня", "июнь", "ιουνίου", "ιούνιος", "czerwca"},
		{"july", "jul", "juli", "juillet", "luglio", "julio", "июля", "июль", "ιουλίου", "ιούλιος", "lipca"},
		{"august", "aug", "août", "aout", "agosto", "августа", "август", "αυγούστου", "αύγουστος", "sierpnia"},
		{"september", "sep", "sept", "septembre", "settembre", "septiembre", "сентября", "сентябрь", "σεπτεμβρίου", "σεπτέμβριος", "września"},
		{"october", "oct", "oktober", "octobre", "ottobre", "octubre", "октября", "октябрь", "οκτωβρίου", "οκτώβριος", "października"},
		{"november", "nov", "novembre", "noviembre", "ноября", "ноябрь", "νοεμβρίου", "νοέμβριος", "listopada"},
		{"december", "dec", "dezember", "décembre", "decembre", "dicembre", "diciembre", "декабря", "декабрь", "δεκεμβρίου", "δεκέμβριος", "grudnia"},
	} {
		for _, n := range names {
			m[n] = i + 1
		}
	}
	return m
}()

var (
	dayMonthYear = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(\d{1,2})(?:st|nd|rd|th|er|e|\.)?\s+(?:of\s+|de\s+)?([\p{L}]+)\.?,?\s+(\d{4})`)
	})
	monthDayYear = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)([\p{L}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?[.,]?\s+(\d{4})`)
	})
	numericDate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b`) })
	isoLike     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`) })
)

// possessiveTitle is the title of a speech or letter opening with one
// capitalised name in the possessive.
var possessiveTitle = regexp.MustCompile(`^(\p{Lu}\p{Ll}+)['’]s\s+(?:\p{Lu}[\p{L}-]*\s+){0,3}(?:Address|Speech|Oration|Proclamation|Message|Sermon|Lecture|Letters?|Inaugural)\b`)

// infoLabel is a line of the information block a Web archive prints
// above a text (the Marxists Internet Archive's "Written: 1886",
// "First Published: Political Science Quarterly, March 1886",
// "Delivered: 1 May 1919"), with the rank of its date as the year of the
// publication an edition reproduces: first publication first, then
// publication, then writing or delivery.
var infoLabel = regexp.MustCompile(`(?i)^(first published|published|written|delivered|date)\s*:\s*(.*)$`)

// bracketYear is a transcriber's note in square brackets that opens
// with the text's year ("[1849, original title: Resistance to Civil
// Government]"), ranked below any labelled line.
var bracketYear = regexp.MustCompile(`^\[\s*(1[5-9]\d\d|20\d\d)\s*[,:;]`)

var infoRank = map[string]int{"first published": 0, "published": 1, "written": 2, "delivered": 2, "date": 3}

// infoYear takes the year from an archive's information lines when
// nothing else gave one: the year of the best-ranked label that names a
// single year ("Written: 1886"; not a span, "1917-1923").
func (f *inferred) infoYear(lines []string) {
	if f.Year != "" {
		return
	}
	best := len(infoRank)
	for _, l := range lines {
		if m := bracketYear.FindStringSubmatch(cleanLine(l)); m != nil && best == len(infoRank) {
			f.Year = m[1] // a transcriber's "[1849, original title: ...]"
			continue
		}
		m := infoLabel.FindStringSubmatch(cleanLine(l))
		if m == nil {
			continue
		}
		rank := infoRank[strings.ToLower(m[1])]
		if years := yearRe().FindAllString(m[2], -1); len(years) == 1 && rank < best {
			best, f.Year = rank, years[0]
		}
	}
	if f.Year != "" {
		f.guess("year")
	}
}

// blockLines is a block's text line by line: its paragraphs, and its
// lines parted by line breaks at any depth ("Written: 1886\" over
// "Provided by: ..." in a Web archive's information block), which
// model.PlainText joins with spaces.
func blockLines(b *model.Block) []string {
	lines := []string{""}
	var walk func([]model.Inline)
	walk = func(ins []model.Inline) {
		for _, in := range ins {
			switch {
			case in.Kind == model.LineBreak:
				lines = append(lines, "")
			case len(in.Children) > 0:
				walk(in.Children)
			default:
				lines[len(lines)-1] += model.PlainText([]model.Inline{in})
			}
		}
	}
	walk(b.Inlines)
	if len(b.Inlines) == 0 {
		lines = nil
	}
	for i := range b.Children {
		lines = append(lines, blockLines(&b.Children[i])...)
	}
	return lines
}

// signatories parts the names of a signature signed by several.
var signatories = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+(?:&|and)\s+`) })

// isoDate reads the date in a dateline or front-matter date as
// YYYY-MM-DD, or "" when it names no whole date. Two-digit years in
// numeric dates ("7. 7. 16.") are read in the 1900s, the century of most
// archive letters; the editor confirms them.
func isoDate(s string) string {
	if m := isoLike().FindStringSubmatch(s); m != nil {
		return m[0]
	}
	format := func(y, mo, d int) string {
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			return ""
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
	}
	if m := dayMonthYear().FindStringSubmatch(s); m != nil {
		if mo, ok := monthNumbers[strings.ToLower(m[2])]; ok {
			d, _ := strconv.Atoi(m[1])
			y, _ := strconv.Atoi(m[3])
			return format(y, mo, d)
		}
	}
	if m := monthDayYear().FindStringSubmatch(s); m != nil {
		if mo, ok := monthNumbers[strings.ToLower(m[1])]; ok {
			d, _ := strconv.Atoi(m[2])
			y, _ := strconv.Atoi(m[3])
			return format(y, mo, d)
		}
	}
	if m := numericDate().FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		if y < 100 {
			y += 1900
		}
		return format(y, mo, d)
	}
	return ""
}
