// Package model is the document tree every reader produces and every writer
// consumes: an Edition of Sections holding a closed set of Block and Inline
// kinds, after pandoc's Pandoc Meta [Block]. It imports nothing of ours, so
// readers, transforms and writers can all depend on it and on nothing of
// each other.
package model

import (
	"strings"
	"time"
)

// Edition is a whole book: its metadata, then its parts in reading order.
type Edition struct {
	Meta  Meta
	Front []Section // title page, imprint, contents, introduction
	Body  []Section // the source document itself
	Back  []Section // note on the text, source statement, notes, colophon

	// Resources are the files the edition's blocks refer to (the image of
	// a figure, the cover), by the name a block's "src" gives, read when
	// the edition is loaded so that no writer reads a file.
	Resources map[string]*Resource
}

// Resource is a file the edition carries besides its text: an image.
type Resource struct {
	Name      string // as referred to, e.g. "harbour.png"
	MediaType string // "image/png", "image/jpeg", "image/svg+xml"
	Data      []byte
	Width     int // pixels; 0 when unknown (SVG)
	Height    int
}

// Sections returns front, body and back matter in reading order.
func (e *Edition) Sections() []Section {
	all := make([]Section, 0, len(e.Front)+len(e.Body)+len(e.Back))
	all = append(all, e.Front...)
	all = append(all, e.Body...)
	return append(all, e.Back...)
}

// Meta is the bibliographic description of the edition and of the original
// it reproduces.
type Meta struct {
	Slug        string // file-name stem of the outputs: dist/<Slug>.epub
	Title       string
	Subtitle    string
	Creators    []Creator
	Language    string // BCP 47, e.g. "en"
	Identifier  string // stable, e.g. "urn:uuid:…"; never random
	Description string
	Subjects    []string

	Original Original // the publication this edition reproduces

	Publisher string    // this edition's publisher
	Date      string    // this edition's date, YYYY-MM-DD
	Modified  time.Time // build timestamp: SOURCE_DATE_EPOCH or the manifest date, never the clock
	Rights    string
	Source    string // the source statement: where the copy-text came from

	Trim string // print trim size name, e.g. "5.5x8.5in"

	// The print edition's ISBN-13 and its barcode's price add-on, the
	// proportions of its margins ("2:3:4:6", empty for the trim's own) and
	// whether its lines are numbered in the margin.
	ISBN, Price string
	Margins     string
	LineNumbers bool

	Hyphenation []string // words with their allowed breaks, "Khru-shchev"

	// Strings are the manifest's words for the edition's generated
	// strings, by locale key ("contents": "Inhaltsverzeichnis"), in place
	// of the language's own (edition/locale).
	Strings map[string]string

	// Cover names the Resource that is the book's cover image, in place of
	// the generated cover; empty for the generated one.
	Cover string
	// ContentsDepth is how many levels of headings the print edition's
	// contents lists: 1 the parts alone, 2 their headings too (the
	// default, for 0), up to 4.
	ContentsDepth int
	// PrintURLs is where the print edition sets the address of an
	// external link: "after" the link's text, in a "note", or "none".
	PrintURLs string
	// EmbedFonts says the EPUB embeds the book's typeface (manifest
	// epub.embed-fonts), which its colophon then names.
	EmbedFonts bool

	Accessibility Accessibility
}

// Creator is an author or other contributor with a MARC relator role
// ("aut", "edt", "trl"...).
type Creator struct {
	Name   string `yaml:"name"`
	FileAs string `yaml:"file-as"`
	Role   string `yaml:"role"` // MARC relator code; default "aut"
}

// Original describes the first or copy-text publication.
type Original struct {
	Publisher  string // e.g. "The «Naim Frashëri» State Publishing House"
	Place      string // e.g. "Tirana"
	Year       string // e.g. "1964"
	Date       string // the document's own date, YYYY-MM-DD
	FirstPrint string // where it first appeared, e.g. "Zëri i Popullit"
}

// Accessibility holds the EPUB Accessibility 1.1 statements; empty fields get
// defaults from the writer.
type Accessibility struct {
	Summary     string `yaml:"summary"`
	CertifiedBy string `yaml:"certified-by"`
	ConformsTo  string `yaml:"conforms-to"`
}

// Role says what a section is, for both writers: the EPUB's epub:type and
// landmarks, the PDF's running heads and page numbering.
type Role int

// The section roles, in the order they usually appear in a book.
const (
	RoleChapter      Role = iota // a part of the body
	RoleTitlePage                // generated from Meta
	RoleImprint                  // copyright and edition page
	RoleContents                 // generated from the other sections
	RoleIntroduction             // the editorial introduction
	RoleNoteOnText               // editorial principles and emendations
	RoleEndnotes                 // annotations
	RoleAppendix                 // source statement and other back matter
	RoleColophon
	RoleBibliography // the works cited
)

var roleNames = [...]string{"chapter", "titlepage", "imprint", "toc", "introduction", "note-on-text", "endnotes", "appendix", "colophon", "bibliography"}

// String returns the role's name as used in dumps and epub:type values.
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "unknown"
}

// Section is one titled part of the book: a chapter of the body, the
// introduction, the colophon. Sections are flat; headings inside a section
// are blocks.
type Section struct {
	ID        string // stable, unique in the edition; used as file name and anchor
	Role      Role
	Title     []Inline // may be empty for the title page
	Editorial bool     // title (and, for front and back matter, text) supplied by the editor
	Blocks    []Block
	// RunningHead is the print edition's recto head for the section; empty
	// means its title. In a collection it names the member the section
	// belongs to.
	RunningHead string
}

// PlainTitle returns the section title as plain text.
func (s *Section) PlainTitle() string { return PlainText(s.Title) }

// OpeningWords names a section that has no title by its first n words, as
// an index of first lines does ("Four score and seven years ago our…"),
// for both editions' contents; "" when it has no words. Words part at
// ASCII white space only, as layout/linebreak.Words counts them: a
// no-break space joins.
func (s *Section) OpeningWords(n int) string {
	for i := range s.Blocks {
		w := strings.FieldsFunc(BlockText(&s.Blocks[i]), func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
		if len(w) == 0 {
			continue
		}
		if len(w) <= n {
			return strings.Join(w, " ")
		}
		return strings.TrimRight(strings.Join(w[:n], " "), ",;:.") + "\u2026"
	}
	return ""
}
