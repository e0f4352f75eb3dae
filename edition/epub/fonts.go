package epub

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/fonts"
	"github.com/bindery-editions/bindery/fonts/subset"
)

// The embedded typeface (manifest epub.embed-fonts): the faces of the
// book's typeface the e-book uses, each cut down to the characters of its
// text, beside their licence, with @font-face rules appended to the
// stylesheet.
//
// The SIL Open Font License allows this: "So can I embed OFL fonts in my
// document? Yes, either in full or a subset. The restrictions regarding
// font modification and redistribution do not apply, as the font is not
// intended for use outside the document" (OFL-FAQ 1.1-update6, 1.12; 1.11
// names a subset of "only the glyphs required for the text" as embedding).
// The font keeps its own names and notices, and the licence travels with
// it all the same (OFL-FAQ 1.15 and 1.16: a font in an e-book's container
// should not lose its authorship and licensing).

// fontsDir is where the embedded fonts and their licence lie, under EPUB/.
const fontsDir = "fonts/"

// fontLicenceFile is the licence of the embedded typeface, under EPUB/.
const fontLicenceFile = fontsDir + "OFL.txt"

// embeddedFile is a file the finishing pass adds to the publication
// besides the documents and images: a font or its licence.
type embeddedFile struct {
	href      string // relative to EPUB/
	mediaType string
	data      []byte
}

// fontFaceStyle is how the stylesheet asks for each face: its CSS
// font-style and font-weight.
var fontFaceStyle = map[fonts.Face][2]string{
	fonts.Regular:    {"normal", "normal"},
	fonts.Italic:     {"italic", "normal"},
	fonts.Bold:       {"normal", "bold"},
	fonts.BoldItalic: {"italic", "bold"},
}

// fontFallback follows the embedded family in the stylesheet, for a
// reading system that does not load embedded fonts: Gentium installed, else
// a serif of the system's.
const fontFallback = `"Gentium Book Plus", "Gentium Plus", Gentium, serif`

// embedFonts returns the font files for the documents (the XHTML of every
// content document and the nav) and the rules the stylesheet needs for
// them. The faces are those the stylesheet and the text can ask for:
// regular and italic always, for the text's every character (the
// stylesheet sets headings, captions and editorial words in italic), and
// bold and bold italic for the characters of strong emphasis, where the
// text has any: the stylesheet sets nothing else bold.
func embedFonts(docs [][]byte) ([]embeddedFile, string, error) {
	text, strong := textCharacters(docs)
	type want struct {
		face  fonts.Face
		chars []rune
	}
	wants := []want{{fonts.Regular, text}, {fonts.Italic, text}}
	if len(strong) > 0 {
		wants = append(wants, want{fonts.Bold, strong}, want{fonts.BoldItalic, strong})
	}
	// Each face is subset on its own goroutine: they share nothing but the
	// characters.
	files := make([]embeddedFile, len(wants))
	errs := make([]error, len(wants))
	var wg sync.WaitGroup
	for i, w := range wants {
		wg.Go(func() {
			data, err := subset.TrueType(fonts.Book.TrueType(w.face), w.chars)
			files[i] = embeddedFile{href: fontsDir + fonts.Book.PostScriptName(w.face) + ".ttf", mediaType: "font/ttf", data: data}
			errs[i] = err
		})
	}
	wg.Wait()
	var css strings.Builder
	css.WriteString("\n/* The book's typeface, embedded (epub.embed-fonts): each face cut down\n   to the characters it sets, under the SIL Open Font License (" + fontLicenceFile + "). */\n")
	for i, w := range wants {
		if errs[i] != nil {
			return nil, "", fmt.Errorf("font %s: %w", fonts.Book.PostScriptName(w.face), errs[i])
		}
		st := fontFaceStyle[w.face]
		fmt.Fprintf(&css, "\n@font-face {\n\tfont-family: %q;\n\tfont-style: %s;\n\tfont-weight: %s;\n\tsrc: url(\"../%s\") format(\"truetype\");\n}\n", fonts.Family, st[0], st[1], files[i].href)
	}
	fmt.Fprintf(&css, "\nbody {\n\tfont-family: %s;\n}\n", fontFallback)
	files = append(files, embeddedFile{href: fontLicenceFile, mediaType: "text/plain", data: []byte(fonts.Book.Licence())})
	return files, css.String(), nil
}

// textCharacters returns the characters of the documents' text (markup
// left out, character references read), and apart those of strong
// emphasis (<strong>, <b>), each with what a reading system may draw from
// the font besides: the upper case of each letter (for small capitals it
// synthesises, and for text-transform), the hyphens of automatic
// hyphenation, and the figures and full stop of list numbers. Strong's
// are none when the text has no strong emphasis.
func textCharacters(docs [][]byte) (text, strong []rune) {
	all, bold := map[rune]bool{}, map[rune]bool{}
	see := func(r rune, inStrong bool) {
		all[r] = true
		if inStrong {
			bold[r] = true
		}
	}
	for _, d := range docs {
		strongDepth := 0
		for i := 0; i < len(d); {
			c := d[i]
			switch {
			case c == '<':
				end := bytes.IndexByte(d[i:], '>')
				if end < 0 {
					end = len(d) - i - 1
				}
				switch name := tagName(d[i+1 : i+end]); name {
				case "strong", "b":
					strongDepth++
				case "/strong", "/b":
					strongDepth = max(strongDepth-1, 0)
				}
				i += end + 1
			case c == '&':
				end := bytes.IndexByte(d[i:], ';')
				if end < 0 {
					see('&', strongDepth > 0)
					i++
					continue
				}
				for _, r := range html.UnescapeString(string(d[i : i+end+1])) {
					see(r, strongDepth > 0)
				}
				i += end + 1
			default:
				r, n := utf8.DecodeRune(d[i:])
				see(r, strongDepth > 0)
				i += n
			}
		}
	}
	return withDrawnExtras(all), withDrawnExtras(bold)
}

// tagName is the name of the element a tag's insides open or (with its
// slash) close.
func tagName(tag []byte) string {
	end := bytes.IndexAny(tag, " \t\n/>")
	if len(tag) > 0 && tag[0] == '/' {
		if e := bytes.IndexAny(tag[1:], " \t\n>"); e >= 0 {
			return string(tag[:e+1])
		}
		return string(tag)
	}
	if end < 0 {
		return string(tag)
	}
	return string(tag[:end])
}

// withDrawnExtras returns the characters, sorted, with what a reading
// system may draw besides them (see textCharacters); none for none.
func withDrawnExtras(seen map[rune]bool) []rune {
	if len(seen) == 0 {
		return nil
	}
	for _, r := range "-\u2010.0123456789 \u00a0" {
		seen[r] = true
	}
	out := make([]rune, 0, 2*len(seen))
	for r := range seen {
		if unicode.IsControl(r) {
			continue
		}
		out = append(out, r)
		if u := unicode.ToUpper(r); u != r {
			out = append(out, u)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
