package apparatus

// The sentences of the matter an edition generates: the Note on the Text,
// the imprint, the Source page, the colophon, the Works Cited. Their words
// are edition/locale's, in the book's language, each statement a string
// there, whole, so that it is translated whole; each function here states
// one fact from the facts it takes, and its caller decides whether it
// holds.

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
)

// Words returns the locale an edition's generated matter speaks in: its
// language's, with the manifest's own strings.
func Words(m model.Meta) *locale.Locale { return locale.Book(m.Language, m.Strings) }

// fill makes a sentence of inlines from the string of key: its
// placeholders filled with text from args (pairs of a name and a value,
// as locale.Fill takes them) or with an inline from inl, and the text
// between them. Runs of text are joined, so that a sentence without an
// inline argument is one Text inline.
func fill(l *locale.Locale, key locale.Key, inl map[string]model.Inline, args ...string) []model.Inline {
	var out []model.Inline
	var text strings.Builder
	last := "" // the plain text so far, for locale.Stop
	put := func(s string) {
		s = locale.Stop(last, s)
		text.WriteString(s)
		if s != "" {
			last = s
		}
	}
	for _, p := range l.Pieces(key) {
		if in, ok := inl[p.Arg]; ok && p.Arg != "" {
			if text.Len() > 0 {
				out = append(out, model.Str(text.String()))
				text.Reset()
			}
			out = append(out, in)
			last = model.PlainText([]model.Inline{in})
			continue
		}
		if p.Arg != "" {
			put(argOf(p, args))
			continue
		}
		put(p.Text)
	}
	if text.Len() > 0 {
		out = append(out, model.Str(text.String()))
	}
	return out
}

func argOf(p locale.Piece, args []string) string {
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == p.Arg {
			return args[i+1]
		}
	}
	return p.Text
}

// --- The copy-text and where it came from ---

// sentenceCopyTextIsEdition describes the copy-text from the manifest's
// original publication, when the editor wrote no source statement.
func sentenceCopyTextIsEdition(l *locale.Locale, o model.Original) string {
	return l.Fill(locale.CopyTextIsEdition, "published", publishedBy(l, o))
}

// sentenceTakenFrom says where the copy-text was taken from and when. url
// may be empty; retrieved is a date YYYY-MM-DD, "unrecorded" or empty.
func sentenceTakenFrom(l *locale.Locale, url, retrieved string, unrecorded bool) []model.Inline {
	link := map[string]model.Inline{"url": {Kind: model.Link, Target: url, Children: []model.Inline{model.Str(url)}}}
	switch {
	case url != "" && unrecorded:
		return fill(l, locale.TakenFromUnrecorded, link)
	case url != "" && retrieved != "":
		return fill(l, locale.TakenFromOn, link, "date", l.Date(retrieved))
	case url != "":
		return fill(l, locale.TakenFrom, link)
	case unrecorded:
		return fill(l, locale.TakenUnrecorded, nil)
	case retrieved != "":
		return fill(l, locale.TakenOn, nil, "date", l.Date(retrieved))
	}
	return nil
}

// sentenceChecksum gives the copy-text file's SHA-256 checksum, in groups
// of eight digits as key fingerprints are printed, so that it can be read
// and compared and breaks between lines at a group.
func sentenceChecksum(l *locale.Locale, sha256hex string) string {
	var groups []string
	for i := 0; i < len(sha256hex); i += 8 {
		groups = append(groups, sha256hex[i:min(i+8, len(sha256hex))])
	}
	return l.Fill(locale.Checksum, "checksum", strings.Join(groups, " "))
}

// sentenceDocumentDate states the document's own date and where it was
// first printed; either may be empty, not both.
func sentenceDocumentDate(l *locale.Locale, date, firstPrinted string) []model.Inline {
	printed := map[string]model.Inline{"first-printed": emphasis(firstPrinted)}
	switch {
	case date != "" && firstPrinted != "":
		return fill(l, locale.DatedFirstPrinted, printed, "date", l.Date(date))
	case date != "":
		return fill(l, locale.Dated, nil, "date", l.Date(date))
	case firstPrinted != "":
		return fill(l, locale.FirstPrinted, printed)
	}
	return nil
}

// --- The edition's method ---

func sentenceEmended(l *locale.Locale) string {
	return l.Fill(locale.Emended, "emendations", l.T(locale.Emendations))
}

func sentenceNotEmended(l *locale.Locale) string { return l.T(locale.NotEmended) }

func sentenceKept(l *locale.Locale) string {
	return l.Fill(locale.Kept, "readings-kept", l.T(locale.ReadingsKept))
}

func sentenceAllHeadingsEditorial(l *locale.Locale) string { return l.T(locale.HeadingsEditorial) }

// sentenceSomeHeadingsEditorial is said when only some parts lacked a
// heading.
func sentenceSomeHeadingsEditorial(l *locale.Locale, n int) string {
	return l.Count(locale.SomeHeadingsEditorial, n)
}

// --- The changes made without a list ---

// sentenceNoBreakSpaces counts the spaces made unbreakable.
func sentenceNoBreakSpaces(l *locale.Locale, n int) string {
	return l.Count(locale.SilentNoBreakSpaces, n)
}

// sentenceNameSpelling names the words the title page and the imprint
// print otherwise than the copy-text's title block.
func sentenceNameSpelling(l *locale.Locale, pairs [][2]string) string {
	var parts []string
	for _, p := range pairs {
		parts = append(parts, l.Fill(locale.NameSpellingItem, "ours", p[1], "theirs", p[0]))
	}
	return l.Fill(locale.NameSpelling, "list", l.List(parts))
}

// sentenceTrailerMoved says where the lines printed around the text went.
// line is the one line quoted, or empty when there are several; place is
// where the copy-text prints them (trailerPlace).
func sentenceTrailerMoved(l *locale.Locale, line string, n int, place locale.Key) string {
	if line != "" {
		return l.Fill(locale.TrailerMovedLine, "line", line, "source", l.T(locale.Source), "place", l.T(place))
	}
	return l.Count(locale.TrailerMovedLines, n, "source", l.T(locale.Source), "place", l.T(place))
}

// sentenceDropped lists the lines of the copy-text file left out, each
// quoted with the reason it was left out; but the lines the reader left
// out as a run of one kind (a model.Change: a licence of three hundred
// lines) are given by their numbers alone, a kind's runs together, as
// quoting each would bury the Note under what it leaves out.
func sentenceDropped(l *locale.Locale, dropped []model.Dropped, changes []model.Change) string {
	type item struct {
		first int
		text  string
	}
	var items []item
	runs := map[int][]model.LineRange{} // the runs of each change, by its index
	reason := map[int]string{}
	for _, d := range dropped {
		if c, r, ok := droppedRun(changes, dropped, d.Line); ok {
			if rs := runs[c]; len(rs) == 0 || rs[len(rs)-1] != r {
				runs[c] = append(rs, r)
			}
			reason[c] = d.Reason
			continue
		}
		text := l.Fill(locale.DroppedLine, "n", strconv.Itoa(d.Line), "text", strings.TrimSpace(d.Text))
		if d.Reason != "" {
			text += " (" + d.Reason + ")"
		}
		items = append(items, item{d.Line, text})
	}
	for c, rs := range runs {
		var nums []string
		for _, r := range rs {
			nums = append(nums, strconv.Itoa(r.From)+"–"+strconv.Itoa(r.To))
		}
		text := l.Fill(locale.DroppedLines, "ranges", l.List(nums))
		if reason[c] != "" {
			text += " (" + reason[c] + ")"
		}
		items = append(items, item{rs[0].From, text})
	}
	slices.SortStableFunc(items, func(a, b item) int { return a.first - b.first })
	var texts []string
	for _, it := range items {
		texts = append(texts, it.text)
	}
	return l.Fill(locale.Dropped, "list", strings.Join(texts, "; "))
}

// droppedRun finds the run of dropped lines that holds line: a range of a
// change that left lines out, holding more than one of them.
func droppedRun(changes []model.Change, dropped []model.Dropped, line int) (change int, run model.LineRange, ok bool) {
	for i, c := range changes {
		if c.Action != model.ChangeDropped {
			continue
		}
		for _, r := range c.Lines {
			if line < r.From || line > r.To {
				continue
			}
			n := 0
			for _, d := range dropped {
				if d.Line >= r.From && d.Line <= r.To {
					n++
				}
			}
			return i, r, n > 1
		}
	}
	return 0, model.LineRange{}, false
}

// --- The apparatus ---

// sentenceListOrder says how the entries are ordered.
func sentenceListOrder(l *locale.Locale, groups int) string {
	if groups > 1 {
		return l.T(locale.ListOrderParts)
	}
	return l.T(locale.ListOrder)
}

// sentenceTransmission explains the label of a transmission error, which
// it quotes as a label begins a sentence.
func sentenceTransmission(l *locale.Locale) string {
	return l.Fill(locale.Transmission, "transmission", capitalise(ReasonLabel(l, ReasonTransmission)))
}

// keptCount is printed after a reading kept everywhere it occurs.
func keptCount(l *locale.Locale, n int) string { return " " + l.Count(locale.KeptCount, n) }

// --- The imprint and the title page ---

// sentenceOriginal describes the publication the edition reproduces and
// where the document was first printed, built from the parts present:
// never "First published by 2024." when only a year is known.
func sentenceOriginal(l *locale.Locale, o model.Original) string {
	var s []string
	if o.Publisher != "" || o.Place != "" || o.Year != "" {
		s = append(s, l.Fill(locale.OriginalPublished, "published", publishedBy(l, o)))
	}
	if o.FirstPrint != "" {
		s = append(s, l.Fill(locale.FirstPrinted, "first-printed", o.FirstPrint))
	}
	return strings.Join(s, " ")
}

// publishedBy is "by P, Place, 1964", "in Petrograd in 1918", "by P in
// 1964", "in 2024": the phrase a sentence needs for the parts present.
func publishedBy(l *locale.Locale, o model.Original) string {
	var key locale.Key
	switch {
	case o.Publisher != "" && o.Place != "" && o.Year != "":
		key = locale.PublishedByPlaceYear
	case o.Publisher != "" && o.Place != "":
		key = locale.PublishedByPlace
	case o.Publisher != "" && o.Year != "":
		key = locale.PublishedByYear
	case o.Publisher != "":
		key = locale.PublishedBy
	case o.Place != "" && o.Year != "":
		key = locale.PublishedInPlaceYear
	case o.Place != "":
		key = locale.PublishedInPlace
	case o.Year != "":
		key = locale.PublishedInYear
	default:
		return ""
	}
	return l.Fill(key, "publisher", inProse(o.Publisher), "place", o.Place, "year", o.Year)
}

// inProse lowers the article that opens a corporate name, as running text
// prints it (The Chicago Manual of Style, ch. 8): "by the «Naim Frashëri»
// State Publishing House".
func inProse(name string) string {
	if rest, ok := strings.CutPrefix(name, "The "); ok {
		return "the " + rest
	}
	return name
}

// sentenceThisEdition names this edition's publisher and date, the date
// written out (no ISO date in prose).
func sentenceThisEdition(l *locale.Locale, publisher, date string) string {
	switch {
	case publisher != "" && date != "":
		return l.Fill(locale.ThisEditionDate, "publisher", publisher, "date", l.Date(date))
	case publisher != "":
		return l.Fill(locale.ThisEdition, "publisher", publisher)
	}
	return ""
}

// sentenceISBN prints the book's ISBN (edition.isbn) on the copyright
// page, as every language's books print it.
func sentenceISBN(isbn string) string { return "ISBN " + isbn }

// isbnLine is the identifier as an imprint prints it: only an ISBN is a
// number a reader looks for there; a UUID is for machines.
func isbnLine(identifier string) string {
	for _, p := range []string{"urn:isbn:", "isbn:", "ISBN "} {
		if rest, ok := strings.CutPrefix(identifier, p); ok {
			return sentenceISBN(rest)
		}
	}
	return ""
}

// --- The Source page ---

// sentenceUnderText introduces the lines the copy-text prints under the
// text, or wherever place says (trailerPlace).
func sentenceUnderText(l *locale.Locale, n int, place locale.Key) string {
	p := []rune(l.T(place))
	return l.Count(locale.UnderText, n, "place", string(unicode.ToUpper(p[0]))+string(p[1:]))
}

// --- The colophon ---

// sentencePrintTypeface names the print edition's typeface.
func sentencePrintTypeface(l *locale.Locale, family string) string {
	return l.Fill(locale.PrintTypeface, "typeface", family)
}

// sentencePrintHyphenation credits the hyphenation patterns of the print
// edition's language (their key, locale.HyphenationCredit), or says there
// are none.
func sentencePrintHyphenation(l *locale.Locale, credit locale.Key) string {
	if credit == "" {
		return l.T(locale.PrintNoHyphenation)
	}
	return l.Fill(locale.PrintHyphenation, "patterns", l.T(credit))
}

// sentencePublished closes the colophon.
func sentencePublished(l *locale.Locale, publisher, year string) string {
	if year == "" {
		return l.Fill(locale.Published, "publisher", publisher)
	}
	return l.Fill(locale.PublishedYear, "publisher", publisher, "year", year)
}

// --- Notes ---

// citationLabel opens a note's short citations.
func citationLabel(l *locale.Locale, n int) string { return l.Count(locale.SourceLabel, n) + " " }

// --- Words shared by the sentences ---

// capitalise writes s's first letter as a capital, as at the start of a
// sentence.
func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func emphasis(s string) model.Inline {
	return model.Inline{Kind: model.Emph, Children: []model.Inline{model.Str(s)}}
}
