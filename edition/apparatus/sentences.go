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
// named tells whether the sentence before it named the copy-text, so that
// it may say "It"; otherwise it names the copy-text itself, as a sentence
// after the editor's own words or first in the Note has nothing to refer
// back to.
func sentenceTakenFrom(l *locale.Locale, url, retrieved string, unrecorded, named bool) []model.Inline {
	link := map[string]model.Inline{"url": {Kind: model.Link, Target: url, Children: []model.Inline{model.Str(url)}}}
	keys := [5]locale.Key{locale.CopyTextFromUnrecorded, locale.CopyTextFromOn, locale.CopyTextFrom, locale.CopyTextUnrecorded, locale.CopyTextOn}
	if named {
		keys = [5]locale.Key{locale.TakenFromUnrecorded, locale.TakenFromOn, locale.TakenFrom, locale.TakenUnrecorded, locale.TakenOn}
	}
	switch {
	case url != "" && unrecorded:
		return fill(l, keys[0], link)
	case url != "" && retrieved != "":
		return fill(l, keys[1], link, "date", l.Date(retrieved))
	case url != "":
		return fill(l, keys[2], link)
	case unrecorded:
		return fill(l, keys[3], nil)
	case retrieved != "":
		return fill(l, keys[4], nil, "date", l.Date(retrieved))
	}
	return nil
}

// sentenceEncoding names the copy-text file's character encoding when it
// is not UTF-8 (or its ASCII subset): the file in the seed is kept as the
// archive has it, and a reader checking it against the edition must read
// it in that encoding; "" for UTF-8.
func sentenceEncoding(l *locale.Locale, e model.Encoding) string {
	if e.Name == "" || e.Name == "UTF-8" || e.Name == "US-ASCII" {
		return ""
	}
	if e.Declared {
		return l.Fill(locale.EncodedDeclared, "encoding", e.Name)
	}
	return l.Fill(locale.Encoded, "encoding", e.Name)
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

// ChangeStatements says what the edition did with the matter a reader
// recognised in the copy-text and did not print as body text, one
// sentence for each kind (src.Changes, and the lines src.Dropped leaves
// out of a kind no change names), in the order of the file, each giving
// its lines by number and never one by one (a licence of three hundred
// lines is one range): "The Project Gutenberg header and licence (lines
// 1–24 and 2183–2543) are left out." A kind of a single line quotes it,
// when it is words of the copy-text that the edition does not print in
// its place. sourcePage tells whether the edition prints the Source
// page: without one, the lines that go there are said to be left out.
// received are the texts of the lines under the text (src.Trailer) as
// the copy-text has them, for the quotation. The Note on the Text and
// bindery import's report both say the changes so.
func ChangeStatements(l *locale.Locale, src *model.Source, sourcePage bool, received []string) []string {
	statements := changeStatements(l, src, sourcePage, received)
	texts := make([]string, len(statements))
	for i, st := range statements {
		texts[i] = st.text
	}
	return texts
}

// changeStatement is a sentence of ChangeStatements, with the kind it
// speaks of ("" for the lines of the Source page left out) and the line
// its matter begins at.
type changeStatement struct {
	first int
	kind  model.ChangeKind
	text  string
}

func changeStatements(l *locale.Locale, src *model.Source, sourcePage bool, received []string) []changeStatement {
	var out []changeStatement
	var unprinted []model.LineRange // the Source page's lines, without one
	for _, c := range changesOf(src) {
		if c.Kind.Action() == model.ChangeToSourcePage && !sourcePage {
			unprinted = append(unprinted, c.Lines...)
			continue
		}
		one := oneLine(c.Lines)
		lines := linesPhrase(l, c.Lines)
		if text := quotable(c, src, received); one && text != "" {
			lines = l.Fill(locale.LineQuoted, "n", strconv.Itoa(c.Lines[0].From), "text", text)
		}
		out = append(out, changeStatement{c.Lines[0].From, c.Kind, l.Agree(locale.Change(string(c.Kind)), one, "lines", lines,
			"source", l.T(locale.Source), "notes", l.T(locale.Notes))})
	}
	if len(unprinted) > 0 {
		slices.SortFunc(unprinted, func(a, b model.LineRange) int { return a.From - b.From })
		out = append(out, changeStatement{unprinted[0].From, "", l.Agree(locale.DescribingLeftOut, oneLine(unprinted), "lines", linesPhrase(l, unprinted))})
	}
	slices.SortStableFunc(out, func(a, b changeStatement) int { return a.first - b.first })
	return out
}

// changesOf returns the source's changes, a kind's ranges together, with
// the lines left out that no change names gathered by their kind: a
// reader may leave out a line (an HTML comment) without a change.
func changesOf(src *model.Source) []model.Change {
	if src == nil {
		return nil
	}
	var out []model.Change
	at := map[model.ChangeKind]int{}
	add := func(k model.ChangeKind, rs ...model.LineRange) {
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, model.Change{Kind: k})
		}
		out[i].Lines = append(out[i].Lines, rs...)
	}
	covered := func(line int) bool {
		for _, c := range src.Changes {
			for _, r := range c.Lines {
				if line >= r.From && line <= r.To {
					return true
				}
			}
		}
		return false
	}
	for _, c := range src.Changes {
		if len(c.Lines) > 0 {
			add(c.Kind, c.Lines...)
		}
	}
	for _, d := range src.Dropped {
		if d.Reason != "" && !covered(d.Line) {
			add(d.Reason, model.LineRange{From: d.Line, To: d.Line + strings.Count(d.Text, "\n")})
		}
	}
	for i := range out {
		out[i].Lines = mergeRanges(out[i].Lines)
	}
	return out
}

// mergeRanges sorts ranges and joins those that overlap or touch.
func mergeRanges(rs []model.LineRange) []model.LineRange {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b model.LineRange) int { return a.From - b.From })
	var out []model.LineRange
	for _, r := range rs {
		if n := len(out); n > 0 && r.From <= out[n-1].To+1 {
			out[n-1].To = max(out[n-1].To, r.To)
			continue
		}
		out = append(out, r)
	}
	return out
}

// oneLine reports whether ranges hold a single line, of which a sentence
// speaks in the singular.
func oneLine(rs []model.LineRange) bool { return len(rs) == 1 && rs[0].From == rs[0].To }

// linesPhrase is "line 204" or "lines 1–24 and 2183–2543": the ranges
// joined as the language lists things, each with an en dash (The Chicago
// Manual of Style, 6.78).
func linesPhrase(l *locale.Locale, rs []model.LineRange) string {
	if oneLine(rs) {
		return l.Fill(locale.LineAt, "n", strconv.Itoa(rs[0].From))
	}
	nums := make([]string, len(rs))
	for i, r := range rs {
		nums[i] = strconv.Itoa(r.From)
		if r.To != r.From {
			nums[i] += "–" + strconv.Itoa(r.To)
		}
	}
	return l.Fill(locale.LinesAt, "ranges", l.List(nums))
}

// quotable returns the text of the one line of change c, when it is words
// of the copy-text worth quoting because the edition does not print them
// where they stood: a line left out (not an image's description or
// markup), or the one line the Source page prints.
func quotable(c model.Change, src *model.Source, received []string) string {
	switch c.Kind.Action() {
	case model.ChangeDropped:
		switch c.Kind {
		case model.TitleImage, model.HTMLComment, model.RawHTML, model.HorizontalRules, model.SpacerParagraphs:
			return ""
		}
		for _, d := range src.Dropped {
			if d.Line == c.Lines[0].From && !strings.Contains(d.Text, "\n") {
				return strings.TrimSpace(d.Text)
			}
		}
	case model.ChangeToSourcePage:
		if len(received) == 1 {
			return strings.TrimSpace(received[0])
		}
	}
	return ""
}

// movesToSourcePage reports whether a reader moved lines of the source to
// the Source page (and said so in a change).
func movesToSourcePage(src *model.Source) bool {
	for _, c := range changesOf(src) {
		if c.Kind.Action() == model.ChangeToSourcePage {
			return true
		}
	}
	return false
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

// identifierLine is the identifier as an imprint prints it: an ISBN as
// "ISBN n", the number a bookseller looks for; any other (a UUID) labelled,
// so that a printed copy names the same edition as the e-book's metadata
// and the PDF's.
func identifierLine(l *locale.Locale, identifier string) string {
	if identifier == "" {
		return ""
	}
	for _, p := range []string{"urn:isbn:", "isbn:", "ISBN "} {
		if rest, ok := strings.CutPrefix(identifier, p); ok {
			return sentenceISBN(rest)
		}
	}
	return l.Fill(locale.IdentifierIs, "id", identifier)
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

// sentenceEbookTypeface says what the e-book is shown in: the typeface it
// embeds, or the reading system's own when it embeds none.
func sentenceEbookTypeface(l *locale.Locale, embeds bool, family string) string {
	if embeds {
		return l.Fill(locale.EbookEmbedsTypeface, "typeface", family)
	}
	return l.T(locale.EbookTypeface)
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
