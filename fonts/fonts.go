// Package fonts embeds the typefaces bindery sets its editions in, each in
// four faces (regular, italic, bold, bold italic) under the SIL Open Font
// License 1.1: Charis SIL 6.101 and Gentium Book Plus 6.101 (see README.md
// for where they came from and what they cover), and the monospaced face
// that sets code, Go Mono. It imports nothing from the project.
package fonts

import (
	_ "embed"

	"golang.org/x/image/font/gofont/gomono"
)

// Family is the name of the typeface the print edition is set in, Book's,
// as it appears in CSS; TrueType and Licence serve its faces.
const Family = "Gentium Book Plus"

// Book is the typeface the editions are set in: Gentium Book Plus, for its
// kerning, real small capitals and whole Greek alphabet (README.md,
// "Choosing the book face").
const Book = GentiumBookPlus

//go:embed CharisSIL-Regular.ttf
var charisRegular []byte

//go:embed CharisSIL-Italic.ttf
var charisItalic []byte

//go:embed CharisSIL-Bold.ttf
var charisBold []byte

//go:embed CharisSIL-BoldItalic.ttf
var charisBoldItalic []byte

//go:embed OFL.txt
var charisLicence string

//go:embed GentiumBookPlus-Regular.ttf
var gentiumRegular []byte

//go:embed GentiumBookPlus-Italic.ttf
var gentiumItalic []byte

//go:embed GentiumBookPlus-Bold.ttf
var gentiumBold []byte

//go:embed GentiumBookPlus-BoldItalic.ttf
var gentiumBoldItalic []byte

//go:embed OFL-Gentium.txt
var gentiumLicence string

// Face names one of the four styles of a typeface, or the monospaced face.
type Face int

// The four faces of the family, and Mono.
const (
	Regular Face = iota
	Italic
	Bold
	BoldItalic
	// Mono is Go Mono (Bigelow & Holmes, BSD licence, from
	// golang.org/x/image), the face code is set in: a monospace with
	// serifs, which sits with a book face better than a sans does.
	Mono
)

// NumFaces is the number of faces, Mono included: the size of a table by
// face.
const NumFaces = int(Mono) + 1

// Faces lists the four faces of a typeface, in a fixed order.
var Faces = []Face{Regular, Italic, Bold, BoldItalic}

// AllFaces lists every face the print edition can draw: Book's four and
// Mono.
var AllFaces = []Face{Regular, Italic, Bold, BoldItalic, Mono}

// MonoFamily is the name of the monospaced typeface, Mono's.
const MonoFamily = "Go Mono"

// String returns the face's style name, as in "BoldItalic".
func (f Face) String() string {
	return [...]string{"Regular", "Italic", "Bold", "BoldItalic", "Mono"}[f]
}

// TrueType returns the face's TrueType (glyf) font file: of Family, or Go
// Mono for Mono. The slice is shared: callers must not modify it.
func TrueType(f Face) []byte {
	if f == Mono {
		return gomono.TTF
	}
	return Book.TrueType(f)
}

// PostScriptName returns the PostScript name of face f as TrueType gives
// it: of Family, or "GoMono".
func PostScriptName(f Face) string {
	if f == Mono {
		return "GoMono"
	}
	return Book.PostScriptName(f)
}

// Licence returns the text of Family's licence, for shipping beside
// embedded copies (the OFL asks that it accompany the fonts).
func Licence() string { return Book.Licence() }

// Typeface is one of the bundled families of four faces.
type Typeface int

// The bundled typefaces.
const (
	// CharisSIL has no kerning and only part of the Greek alphabet.
	CharisSIL Typeface = iota
	// GentiumBookPlus has GPOS kerning for Latin and Greek, real small
	// capitals, and full Latin, Greek (polytonic) and Cyrillic.
	GentiumBookPlus
)

// Typefaces lists every bundled typeface, in a fixed order.
var Typefaces = []Typeface{CharisSIL, GentiumBookPlus}

// Name returns the family name, as in "Gentium Book Plus".
func (t Typeface) Name() string {
	return [...]string{"Charis SIL", "Gentium Book Plus"}[t]
}

// PostScriptName returns face f's PostScript name, as in
// "GentiumBookPlus-BoldItalic", the name its font file gives and a PDF's
// font dictionaries repeat.
func (t Typeface) PostScriptName(f Face) string {
	return [...]string{"CharisSIL-", "GentiumBookPlus-"}[t] + f.String()
}

// TrueType returns face f's TrueType (glyf) font file. The slice is shared:
// callers must not modify it.
func (t Typeface) TrueType(f Face) []byte {
	return [...][4][]byte{
		{charisRegular, charisItalic, charisBold, charisBoldItalic},
		{gentiumRegular, gentiumItalic, gentiumBold, gentiumBoldItalic},
	}[t][f]
}

// Licence returns the typeface's licence text (the OFL with its Reserved
// Font Names), for shipping beside embedded copies.
func (t Typeface) Licence() string {
	return [...]string{charisLicence, gentiumLicence}[t]
}
