// Package fonts embeds the typefaces bindery sets its editions in: Charis SIL
// 6.101 (SIL Open Font License 1.1, see OFL.txt and README), regular, italic,
// bold and bold italic. It imports nothing from the project.
package fonts

import _ "embed"

// Family is the typeface's name as it appears in PDF font names and CSS.
const Family = "Charis SIL"

//go:embed CharisSIL-Regular.ttf
var regular []byte

//go:embed CharisSIL-Italic.ttf
var italic []byte

//go:embed CharisSIL-Bold.ttf
var bold []byte

//go:embed CharisSIL-BoldItalic.ttf
var boldItalic []byte

//go:embed OFL.txt
var licence string

// Face names one of the four styles.
type Face int

// The four faces of the family.
const (
	Regular Face = iota
	Italic
	Bold
	BoldItalic
)

// Faces lists every face, in a fixed order.
var Faces = []Face{Regular, Italic, Bold, BoldItalic}

// String returns the face's style name, as in "CharisSIL-BoldItalic".
func (f Face) String() string {
	return [...]string{"Regular", "Italic", "Bold", "BoldItalic"}[f]
}

// TrueType returns the face's TrueType (glyf) font file. The slice is shared:
// callers must not modify it.
func TrueType(f Face) []byte {
	return [...][]byte{regular, italic, bold, boldItalic}[f]
}

// Licence returns the text of the fonts' licence, for shipping beside
// embedded copies (the OFL asks that it accompany the fonts).
func Licence() string { return licence }
