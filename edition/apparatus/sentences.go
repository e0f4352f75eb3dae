package apparatus

// The sentences of the matter an edition generates: the Note on the Text,
// the imprint, the Source page, the colophon, the Works Cited. Each
// statement is one function or constant here, whole, so that it can be
// translated whole and each fact is worded in one place; a statement that
// depends on the document takes only the facts it states, and its caller
// decides whether it holds.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
)

// Titles of the generated sections and of their headings.
const (
	titleNoteOnText    = "A Note on the Text"
	titleEmendations   = "Emendations"
	titleKept          = "Readings kept"
	titleSource        = "Source"
	titleColophon      = "Colophon"
	titleWorksCited    = "Works Cited"
	titleImprint       = "Imprint"
	titleContents      = "Contents"
	titleSourceLine    = "The Source page" // the group of apparatus entries for the lines under the text
	titleUntitledPartN = "Part %d"         // an apparatus group for a part without a title
)

// --- The copy-text and where it came from ---

// sentenceCopyTextIsEdition describes the copy-text from the manifest's
// original publication, when the editor wrote no source statement.
func sentenceCopyTextIsEdition(o model.Original) string {
	return "The copy-text is the edition published " + publishedBy(o) + "."
}

// sentenceTakenFrom says where the copy-text was taken from and when. url
// may be empty; retrieved is a date YYYY-MM-DD, "unrecorded" or empty.
func sentenceTakenFrom(url, retrieved string, unrecorded bool) []model.Inline {
	link := model.Inline{Kind: model.Link, Target: url, Children: []model.Inline{model.Str(url)}}
	switch {
	case url != "" && unrecorded:
		return []model.Inline{model.Str("It was taken from "), link, model.Str("; the date on which it was taken was not recorded.")}
	case url != "" && retrieved != "":
		return []model.Inline{model.Str("It was taken from "), link, model.Str(" on " + longDate(retrieved) + ".")}
	case url != "":
		return []model.Inline{model.Str("It was taken from "), link, model.Str(".")}
	case unrecorded:
		return []model.Inline{model.Str("The date on which it was taken was not recorded.")}
	case retrieved != "":
		return []model.Inline{model.Str("It was taken on " + longDate(retrieved) + ".")}
	}
	return nil
}

// sentenceChecksum gives the copy-text file's SHA-256 checksum, in groups
// of eight digits as key fingerprints are printed, so that it can be read
// and compared and breaks between lines at a group.
func sentenceChecksum(sha256hex string) string {
	var groups []string
	for i := 0; i < len(sha256hex); i += 8 {
		groups = append(groups, sha256hex[i:min(i+8, len(sha256hex))])
	}
	return "The copy-text file from which this edition was made has the SHA-256 checksum " +
		strings.Join(groups, " ") + " (in groups of eight digits); the same checksum, computed on a copy, shows that the copy is that file."
}

// sentenceDocumentDate states the document's own date and where it was
// first printed; either may be empty, not both.
func sentenceDocumentDate(date, firstPrinted string) []model.Inline {
	switch {
	case date != "" && firstPrinted != "":
		return []model.Inline{model.Str("The document is dated " + longDate(date) + " and was first printed in "), emphasis(firstPrinted), model.Str(".")}
	case date != "":
		return []model.Inline{model.Str("The document is dated " + longDate(date) + ".")}
	case firstPrinted != "":
		return []model.Inline{model.Str("The document was first printed in "), emphasis(firstPrinted), model.Str(".")}
	}
	return nil
}

// --- The edition's method ---

const (
	sentenceEmended = "Corrections are made in the text, and each is listed below under “" + titleEmendations +
		"” with the reading of the copy-text it replaces."
	sentenceNotEmended = "This edition makes no correction to the words or punctuation of the copy-text."
	sentenceKept       = "Readings that may look like errors but are kept as the copy-text has them are listed under “" +
		titleKept + "”, each with the reason it is kept."
	sentenceAllHeadingsEditorial = "The copy-text has no headings of its own: the headings of its parts are the editor’s, " +
		"supplied to help the reader find the way, and are marked as editorial additions."
)

// sentenceSomeHeadingsEditorial is said when only some parts lacked a
// heading.
func sentenceSomeHeadingsEditorial(n int) string {
	return "The headings of " + countOf(n, "part", "parts") + " that have none in the copy-text are the editor’s, and are marked as editorial additions."
}

// --- The changes made without a list ---

const (
	sentenceSilentIntro = "Some changes of form are made without being listed one by one; each kind is named here once."
	sentenceQuotes      = "Straight quotation marks and apostrophes are printed as curly ones."
	sentenceDashes      = "Two or three hyphens in a row are printed as a dash."
	sentenceSpacedDash  = "A hyphen standing between two spaces is printed as an en dash."
	sentenceEllipsis    = "Three full stops in a row are printed as an ellipsis; a fourth stays a full stop after it."
)

// sentenceNoBreakSpaces counts the spaces made unbreakable.
func sentenceNoBreakSpaces(n int) string {
	return "Where a line should not end (after an initial or an abbreviation, or between a day and its month), " +
		"the space is printed as one that cannot break: " + countOf(n, "time", "times") + " in all."
}

// sentenceNameSpelling names the words the title page and the imprint
// print otherwise than the copy-text's title block.
func sentenceNameSpelling(pairs [][2]string) string {
	var parts []string
	for _, p := range pairs {
		parts = append(parts, "“"+p[1]+"” where the copy-text has “"+p[0]+"”")
	}
	return "The title page and the imprint print " + joinList(parts) + ", as the name is written."
}

// Where the copy-text prints the lines the Source page prints
// (trailerPlace): under the text, above it (a Web page's credits under its
// title), or both.
const (
	placeUnder         = "under the text"
	placeAbove         = "above the text"
	placeAboveAndUnder = "above and under the text"
)

// sentenceTrailerMoved says where the lines printed around the text went.
// line is the one line quoted, or empty when there are several; place is
// one of the place phrases.
func sentenceTrailerMoved(line string, n int, place string) string {
	if line != "" {
		return "The line the copy-text prints " + place + ", “" + line + "”, is printed on the Source page."
	}
	return "The " + countOf(n, "line", "lines") + " the copy-text prints " + place + " are printed on the Source page."
}

// sentenceDropped lists the lines of the copy-text file left out.
func sentenceDropped(dropped []model.Dropped) string {
	var b strings.Builder
	b.WriteString("Lines of the copy-text file that are not part of the document are left out: ")
	for i, d := range dropped {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "line %d, “%s”", d.Line, strings.TrimSpace(d.Text))
		if d.Reason != "" {
			fmt.Fprintf(&b, " (%s)", d.Reason)
		}
	}
	b.WriteString(".")
	return b.String()
}

// --- The apparatus ---

// sentenceListOrder says how the entries are ordered.
func sentenceListOrder(groups int) string {
	if groups > 1 {
		return "The entries are given part by part, in the order of the text."
	}
	return "The entries are given in the order of the text."
}

const (
	sentenceEmendationForm = "Each entry gives the reading of this edition, a square bracket, the reading of the copy-text " +
		"and, in parentheses, the kind of fault."
	sentenceEmendationGround = "Where the ground of a correction is not evident, it follows the kind of fault."
	sentenceKeptForm         = "Each entry gives the reading and the reason it is kept."
	sentenceKeptEverywhere   = "A reading the copy-text has more than once is followed by the number of times it does, and stands where it first occurs."
	// sentenceEntryPlace says how an entry locates its reading in each
	// edition: the print edition cites its own page (lines are not yet
	// numbered); the ebook links.
	sentenceEntryPlace   = "In the print edition an entry begins with the number of the page on which the reading stands (lines are not numbered); in the ebook the reading is a link to its place in the text."
	sentenceParagraphBrk = "The sign ¶ marks a paragraph break."
	sentenceTransmission = "“Transmission error” names a fault whose cause, in printing, scanning or copying, cannot be told without the printed original."
)

// keptCount is printed after a reading kept everywhere it occurs.
func keptCount(n int) string { return " (" + countOf(n, "time", "times") + ")" }

// --- The imprint and the title page ---

// sentenceOriginal describes the publication the edition reproduces and
// where the document was first printed, built from the parts present:
// never "First published by 2024." when only a year is known.
func sentenceOriginal(o model.Original) string {
	var s []string
	if o.Publisher != "" || o.Place != "" || o.Year != "" {
		s = append(s, "The text is that of the edition published "+publishedBy(o)+".")
	}
	if o.FirstPrint != "" {
		s = append(s, "The document was first printed in "+o.FirstPrint+".")
	}
	return strings.Join(s, " ")
}

// publishedBy is "by P, Place, 1964", "in Petrograd in 1918", "by P in
// 1964", "in 2024": the phrase a sentence needs for the parts present.
func publishedBy(o model.Original) string {
	var s string
	switch {
	case o.Publisher != "" && o.Place != "" && o.Year != "":
		s = "by " + inProse(o.Publisher) + ", " + o.Place + ", " + o.Year
	case o.Publisher != "" && o.Place != "":
		s = "by " + inProse(o.Publisher) + ", " + o.Place
	case o.Publisher != "" && o.Year != "":
		s = "by " + inProse(o.Publisher) + " in " + o.Year
	case o.Publisher != "":
		s = "by " + inProse(o.Publisher)
	case o.Place != "" && o.Year != "":
		s = "in " + o.Place + " in " + o.Year
	case o.Place != "":
		s = "in " + o.Place
	case o.Year != "":
		s = "in " + o.Year
	}
	return s
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
func sentenceThisEdition(publisher, date string) string {
	switch {
	case publisher != "" && date != "":
		return "This edition published by " + publisher + ", " + longDate(date) + "."
	case publisher != "":
		return "This edition published by " + publisher + "."
	}
	return ""
}

// isbnLine is the identifier as an imprint prints it: only an ISBN is a
// number a reader looks for there; a UUID is for machines.
// sentenceISBN prints the book's ISBN (edition.isbn) on the copyright page.
func sentenceISBN(isbn string) string { return "ISBN " + isbn }

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
// text, or wherever place says.
func sentenceUnderText(n int, place string) string {
	p := strings.ToUpper(place[:1]) + place[1:]
	if n == 1 {
		return p + ", the copy-text prints this line:"
	}
	return p + ", the copy-text prints these lines:"
}

// --- The colophon ---

// sentenceMadeWith names the program the edition was made with.
const sentenceMadeWith = "This edition was made with bindery."

// sentencePrintTypeface names the print edition's typeface.
func sentencePrintTypeface(family string) string {
	return "The print edition is set in " + family + ", a typeface by SIL International released under the SIL Open Font License."
}

// sentenceEbookTypeface is the ebook's: it embeds none.
const sentenceEbookTypeface = "This ebook embeds no typeface: the reading system shows it in a typeface of its own."

// sentencePrintHyphenation credits the hyphenation patterns of the print
// edition's language, or says there are none.
func sentencePrintHyphenation(credit string) string {
	if credit == "" {
		return "The print edition hyphenates no words: there are no hyphenation patterns for its language."
	}
	return "The print edition’s words are hyphenated by " + credit + "."
}

// sentencePublished closes the colophon.
func sentencePublished(publisher, year string) string {
	if year == "" {
		return "Published by " + publisher + "."
	}
	return "Published by " + publisher + ", " + year + "."
}

// --- Notes ---

// citationLabel opens a note's short citations.
func citationLabel(n int) string {
	if n > 1 {
		return "Sources: "
	}
	return "Source: "
}

// --- Words shared by the sentences ---

// longDate writes YYYY-MM-DD as "5 October 1964"; anything else is returned
// as given.
func longDate(iso string) string {
	months := [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	var y, mo, d int
	if n, err := fmt.Sscanf(iso, "%4d-%2d-%2d", &y, &mo, &d); err != nil || n != 3 || mo < 1 || mo > 12 || len(iso) != 10 {
		return iso
	}
	return fmt.Sprintf("%d %s %d", d, months[mo-1], y)
}

// countOf writes a count with its noun: "1 time", "109 times", "2 parts".
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s + " " + many
}

// joinList joins items as prose does: "a", "a and b", "a, b and c".
func joinList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func emphasis(s string) model.Inline {
	return model.Inline{Kind: model.Emph, Children: []model.Inline{model.Str(s)}}
}
