// Package access decides what an EPUB's package document may say about
// the book's accessibility. Nothing is claimed because it is usually true: while the
// sections are written, the renderer records what the claims rest on
// (Checks), and the metadata (Metadata) says what those
// records show, as EPUB Accessibility 1.1 §2 asks of the schema.org
// properties ("the metadata has to reflect the publication"). A
// conformance claim (dcterms:conformsTo) and its certifier are written only
// when the manifest asks for them and every check a WCAG 2 AA claim rests on
// holds; otherwise the build warns, naming the check that fails.
package access

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/bindery-editions/bindery/edition/model"
)

// Checks are the findings a claim rests on, gathered as the sections
// are written.
type Checks struct {
	book    string            // the book's language
	dir     string            // the folder of the content documents, left out of the names reported
	scripts map[string]script // the scripts of each language met, by tag

	// figures counts the images of the text (the cover apart); noAlt
	// are the ids of those written without a text alternative.
	figures int
	noAlt   []string
	// moving are the images that may be animated (GIF, WebP): a flashing
	// hazard the build cannot rule out.
	moving []string
	// unmarked are words in a script the language of their context is not
	// written in, outside any element that declares their language
	// (WCAG 2.1, 3.1.2 Language of Parts), each once, with its file.
	unmarked []string
	seen     map[string]bool
	// levels are the heading levels written in each content document, in
	// order; skips are where one skips a level (WCAG 2.1, 1.3.1).
	levels map[string][]int
	order  []string
}

// script is the Unicode scripts a language is written in; nil tables
// mean the build cannot tell (a language it has no script for).
type script []*unicode.RangeTable

// scriptTables maps ISO 15924 codes, as golang.org/x/text/language gives
// a language's likely script, to Unicode's script tables.
var scriptTables = map[string]script{
	"Latn": {unicode.Latin},
	"Cyrl": {unicode.Cyrillic},
	"Grek": {unicode.Greek},
	"Arab": {unicode.Arabic},
	"Hebr": {unicode.Hebrew},
	"Armn": {unicode.Armenian},
	"Geor": {unicode.Georgian},
	"Deva": {unicode.Devanagari},
	"Thai": {unicode.Thai},
	"Hans": {unicode.Han},
	"Hant": {unicode.Han},
	"Jpan": {unicode.Han, unicode.Hiragana, unicode.Katakana},
	"Kore": {unicode.Hangul, unicode.Han},
}

func (a *Checks) Init(book, dir string) {
	a.book, a.dir = book, dir
	a.scripts = map[string]script{}
	a.seen = map[string]bool{}
	a.levels = map[string][]int{}
}

// scriptOf returns the scripts language tag is written in.
func (a *Checks) scriptOf(tag string) script {
	if s, ok := a.scripts[tag]; ok {
		return s
	}
	var s script
	if t, err := language.Parse(tag); err == nil {
		if sc, conf := t.Script(); conf != language.No {
			s = scriptTables[sc.String()]
		}
	}
	a.scripts[tag] = s
	return s
}

// text checks a run of text written in the language lang for words of
// another script. It looks at every character, so it is kept cheap: in a
// Latin-script book, the ASCII letters need no look-up.
func (a *Checks) Text(lang, text, file string) {
	sc := a.scriptOf(lang)
	if sc == nil {
		return
	}
	latin := sc[0] == unicode.Latin
	for i := 0; i < len(text); {
		c, size := rune(text[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(text[i:])
		} else if latin || !unicode.IsLetter(c) {
			i++
			continue
		}
		if !unicode.IsLetter(c) || unicode.In(c, sc...) {
			i += size
			continue
		}
		// A letter of another script: the word around it.
		isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }
		start, end := i, i+size
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(text[:start])
			if !isWord(r) {
				break
			}
			start -= n
		}
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if !isWord(r) {
				break
			}
			end += n
		}
		if key := file + " " + text[start:end]; !a.seen[key] {
			a.seen[key] = true
			a.unmarked = append(a.unmarked, fmt.Sprintf("%q (%s)", text[start:end], strings.TrimPrefix(file, a.dir)))
		}
		i = end
	}
}

// image records a figure's image and its text alternative.
func (a *Checks) Image(id, alt, mediaType string) {
	a.figures++
	if strings.TrimSpace(alt) == "" {
		a.noAlt = append(a.noAlt, id)
	}
	if mediaType == "image/gif" || mediaType == "image/webp" {
		a.moving = append(a.moving, id)
	}
}

// heading records a heading of level n written in file.
func (a *Checks) Heading(file string, n int) {
	if _, ok := a.levels[file]; !ok {
		a.order = append(a.order, file)
	}
	a.levels[file] = append(a.levels[file], n)
}

// headingSkips returns where the headings of a document skip a level: a
// heading more than one level below the one before it, or a document whose
// first heading is below h2 (every section's title is an h2; the title
// page's, h1).
func headingSkips(file string, levels []int) []string {
	var out []string
	prev := 1
	for i, n := range levels {
		if n > prev+1 {
			out = append(out, fmt.Sprintf("h%d after h%d (heading %d of %s)", n, prev, i+1, file))
		}
		prev = n
	}
	return out
}

// Metadata is what the package document says of the book's
// accessibility, and the warnings for the claims the manifest asked for
// and the checks did not allow.
type Metadata struct {
	Modes      []string // schema:accessMode
	Sufficient []string // schema:accessModeSufficient, each a comma-separated set
	Features   []string
	Hazards    []string
	Summary    string
	ConformsTo string
	Certifier  string
	Warnings   []string
}

// Facts are the publication's properties the metadata follows from.
type Facts struct {
	Checks   *Checks
	Pages    int  // markers of print pages written
	Complete bool // every page of the print edition has its marker
	Math     bool
	CoverAlt bool // the cover image has a text alternative
}

// describe turns the checks into the accessibility metadata.
func Describe(f Facts, asked model.Accessibility) Metadata {
	c := f.Checks
	var md Metadata
	alt := len(c.noAlt) == 0 && f.CoverAlt
	var skips []string
	for _, file := range c.order {
		skips = append(skips, headingSkips(strings.TrimPrefix(file, c.dir), c.levels[file])...)
	}

	// The cover is an image, and so are the figures: the book is read by
	// sight as well as text, and by text alone when every image has its
	// description (EPUB Accessibility 1.1 §2.1; schema.org accessMode).
	md.Modes = []string{"textual", "visual"}
	if alt {
		md.Sufficient = []string{"textual"}
	} else {
		md.Sufficient = []string{"textual,visual"}
	}

	if alt {
		// The cover is an image with its description, at least.
		md.Features = append(md.Features, "alternativeText")
	}
	if f.Math {
		md.Features = append(md.Features, "MathML")
	}
	if f.Pages > 0 {
		md.Features = append(md.Features, "pageBreakMarkers", "pageNavigation", "printPageNumbers")
	}
	md.Features = append(md.Features, "readingOrder")
	if len(skips) == 0 {
		md.Features = append(md.Features, "structuralNavigation")
	}
	md.Features = append(md.Features, "tableOfContents")

	// Text, still pictures and no sound: no hazard, unless an image may
	// move (schema.org accessibilityHazard).
	if len(c.moving) == 0 {
		md.Hazards = []string{"none"}
	} else {
		md.Hazards = []string{"unknownFlashingHazard", "noMotionSimulationHazard", "noSoundHazard"}
	}

	md.Summary = asked.Summary
	if md.Summary == "" {
		md.Summary = summary(f, alt, len(skips) == 0)
	}

	// A conformance claim rests on every check: text alternatives (WCAG
	// 1.1.1), headings in order (1.3.1), the language of every part
	// (3.1.2) and, where the book has print pages, every page in the
	// list (EPUB Accessibility 1.1 §4.1.2).
	if asked.ConformsTo == "" {
		if asked.CertifiedBy != "" {
			md.Warnings = append(md.Warnings, "accessibility: certified-by is not written without conforms-to, the claim it certifies")
		}
		return md
	}
	var fails []string
	if !f.CoverAlt {
		fails = append(fails, "the cover image has no text alternative")
	}
	if len(c.noAlt) > 0 {
		fails = append(fails, fmt.Sprintf("%d of %d images have no text alternative (%s)", len(c.noAlt), c.figures, strings.Join(firstOf(c.noAlt, 5), ", ")))
	}
	if len(c.unmarked) > 0 {
		fails = append(fails, fmt.Sprintf("%d words in another script are not marked with their language (%s)", len(c.unmarked), strings.Join(firstOf(c.unmarked, 5), ", ")))
	}
	if len(skips) > 0 {
		fails = append(fails, "headings skip a level: "+strings.Join(firstOf(skips, 3), "; "))
	}
	if f.Pages > 0 && !f.Complete {
		fails = append(fails, "the page list lacks pages of the print edition")
	}
	if len(fails) > 0 {
		md.Warnings = append(md.Warnings, fmt.Sprintf("accessibility: conforms-to %q is not claimed: %s", asked.ConformsTo, strings.Join(fails, "; ")))
		return md
	}
	md.ConformsTo = asked.ConformsTo
	md.Certifier = asked.CertifiedBy
	return md
}

// summary writes the accessibility summary from what the checks found.
func summary(f Facts, alt, nested bool) string {
	var b strings.Builder
	b.WriteString("The text is navigable by its table of contents")
	if nested {
		b.WriteString(" and by headings in a correct outline")
	}
	b.WriteString(", with landmarks and semantic markup in reading order.")
	switch {
	case f.Checks.figures == 0 && alt:
		b.WriteString(" Its only image, the cover, has a text description.")
	case f.Checks.figures == 0:
		b.WriteString(" Its only image, the cover, has no text description.")
	case alt:
		b.WriteString(" Every image has a text description.")
	default:
		fmt.Fprintf(&b, " %d of its %d images have no text description.", len(f.Checks.noAlt), f.Checks.figures+1)
	}
	if len(f.Checks.unmarked) > 0 {
		b.WriteString(" Some words in other languages are not marked with their language.")
	}
	if f.Math {
		b.WriteString(" Formulas are in MathML.")
	}
	if f.Pages > 0 {
		b.WriteString(" Page-break markers and a page list give the pages of the print edition.")
	}
	return b.String()
}

func firstOf(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(append([]string(nil), s[:n]...), "…")
}
