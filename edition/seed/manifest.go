// Package seed reads a seed folder: its manifest (manifest.yaml) into a
// Manifest with every value checked, the one YAML decoder every seed file
// goes through (problems named by file, line and column, with "did you
// mean" for a mistyped key), the paths a seed may name (never outside
// it), slugs, source formats, lengths, margins and ISBNs, and the values
// a build sets over the manifest's (-M, --metadata-file).
package seed

import "github.com/bindery-editions/bindery/edition/model"

// ManifestName is the manifest's file name inside a seed folder.
const ManifestName = "manifest.yaml"

// Manifest is a seed's manifest.yaml: the edition's metadata and settings.
// Keys are kebab-case in YAML. Paths are relative to the seed folder and may
// not leave it.
type Manifest struct {
	Slug        string          `yaml:"slug"` // output file stem; defaults to the folder name
	Title       string          `yaml:"title"`
	Subtitle    string          `yaml:"subtitle"`
	Creators    []model.Creator `yaml:"creators"`
	Language    string          `yaml:"language"`
	Identifier  string          `yaml:"identifier"` // defaults to a name-based UUID of the slug
	Description string          `yaml:"description"`
	Subjects    []string        `yaml:"subjects"`

	Original ManifestOriginal `yaml:"original"`
	Edition  ManifestEdition  `yaml:"edition"`

	Text         ManifestText `yaml:"text"`
	Introduction string       `yaml:"introduction"` // Markdown file; required
	Emendations  string       `yaml:"emendations"`  // YAML file; optional
	Notes        string       `yaml:"notes"`        // YAML file; optional
	// Kept names a YAML file listing readings of the copy-text kept on
	// purpose, printed in "A Note on the Text"; optional.
	Kept string `yaml:"kept"`
	// Cover is an image (PNG or JPEG) that replaces the generated cover
	// of the EPUB and the front of the wraparound cover; optional.
	Cover string `yaml:"cover"`
	// Bibliography is the works the text cites, as BibTeX (.bib) or CSL
	// JSON (.json); optional (a Markdown source may name it in its front
	// matter instead).
	Bibliography string `yaml:"bibliography"`

	// Parts is the order of the edition's parts, by name: titlepage,
	// imprint, contents, introduction, text, note-on-text, notes, source,
	// colophon. Defaults to that list.
	Parts []string `yaml:"parts"`

	Accessibility model.Accessibility `yaml:"accessibility"`

	// EPUB holds what only the e-book is asked.
	EPUB ManifestEPUB `yaml:"epub"`

	// Hyphenation lists words with their allowed breaks marked by hyphens,
	// as TeX's \hyphenation does: "Khru-shchev". The print edition never
	// breaks a name otherwise, and breaks these only when no line can be set
	// without it.
	Hyphenation []string `yaml:"hyphenation"`

	// Strings gives the edition's own words for strings it generates, by
	// their names in edition/locale ("contents: Inhaltsverzeichnis"), in
	// place of the book's language's.
	Strings map[string]string `yaml:"strings"`

	// Collection gathers other seeds into one anthology edition: each
	// entry names a seed folder beside this one (a slug, not a path). Each
	// member brings its introduction, text and apparatus as a part of the
	// book; this manifest's introduction opens the whole. A collection has
	// no text of its own.
	Collection []string `yaml:"collection"`

	// Set by LoadManifest: the seed folder (see Dir and Resolve) and where
	// each key was written (see ProblemAt).
	dir  string
	yaml *YAMLFile
}

// ManifestOriginal describes the publication the edition reproduces.
type ManifestOriginal struct {
	Publisher  string `yaml:"publisher"`
	Place      string `yaml:"place"`
	Year       string `yaml:"year"`
	Date       string `yaml:"date"` // the document's own date, YYYY-MM-DD
	FirstPrint string `yaml:"first-printed"`
}

// ManifestEdition holds this edition's own particulars.
type ManifestEdition struct {
	Publisher string `yaml:"publisher"`
	Date      string `yaml:"date"` // YYYY-MM-DD; also the build timestamp unless SOURCE_DATE_EPOCH is set
	Rights    string `yaml:"rights"`
	Source    string `yaml:"source"` // the source statement
	// SourceURL is the Web address the copy-text (text.file) was taken
	// from, as a reader would type it; printed in "A Note on the Text".
	SourceURL string `yaml:"source-url"`
	// Retrieved is the date the copy-text was taken from SourceURL,
	// YYYY-MM-DD, or RetrievedUnrecorded where nobody wrote it down, so
	// that the edition says so rather than guessing.
	Retrieved string `yaml:"retrieved"`
	Trim      string `yaml:"trim"` // print trim size name; default 5.5x8.5in
	// PaperThickness is the thickness of one page (leaf side) of the
	// printer's paper, for the cover's spine: "0.002252in" (KDP white, the
	// default), "0.0025in" (KDP cream), or in mm or pt.
	PaperThickness string `yaml:"paper-thickness"`
	// ISBN is the print edition's ISBN-13 ("978-1-23456-789-7"), printed
	// on the copyright page and drawn as a barcode on the back cover.
	ISBN string `yaml:"isbn"`
	// Price is the barcode's five-digit price add-on: a currency digit (5
	// for US dollars, 0 for pounds) and the price in cents, "51995" for
	// $19.95, or "90000" for none.
	Price string `yaml:"price"`
	// Margins are the page's inner, top, outer and bottom margins in
	// proportion, "2:3:4:6" (the classical canon); the text block keeps
	// its measure and depth, and the inner margin grows to the printer's
	// gutter for the page count. Empty means the trim's own design.
	Margins string `yaml:"margins"`
	// LineNumbers prints a line number every five lines in the outer
	// margin of the text, which the apparatus then cites as page.line.
	LineNumbers bool `yaml:"line-numbers"`
	// NumberFigures labels figures and tables "Figure 1.", "Table 1."
	// in both editions.
	NumberFigures bool `yaml:"number-figures"`
	// ContentsDepth is how many levels the print edition's contents list:
	// 1 the parts, 2 (the default) their headings too, up to 4.
	ContentsDepth int `yaml:"contents-depth"`
	// PrintURLs is where the print edition sets an external link's
	// address: "after" its text (the default), in a footnote ("note") or
	// "none".
	PrintURLs string `yaml:"print-urls"`
	// TaggedPDF tags the print profile's PDF too, for a reader who reads
	// it with a screen reader (the screen profile's always is).
	TaggedPDF bool `yaml:"tagged-pdf"`
}

// ManifestEPUB holds the e-book's own choices.
type ManifestEPUB struct {
	// Notes is where the e-book sets the notes: "endnotes" (the
	// default), a list of their own after the text, or "footnotes", each
	// in the chapter that first refers to it, which reading systems show
	// in place.
	Notes string `yaml:"notes"`
	// EmbedFonts embeds the book's typeface (fonts.Book) in the e-book,
	// each face it uses cut down to the characters of the text, with its
	// licence; the reading system's own typeface otherwise.
	EmbedFonts bool `yaml:"embed-fonts"`
}

// RetrievedUnrecorded is the value of edition.retrieved for a copy-text
// whose date of retrieval was not written down.
const RetrievedUnrecorded = "unrecorded"

// ManifestText names the source document and how to read it.
type ManifestText struct {
	File   string `yaml:"file"`
	Format string `yaml:"format"` // "archive" or "markdown"; default from the file extension
	// Headings are editorial headings for the body's parts, in order, for
	// sources that have none of their own (a letter divided by its
	// salutations). They are marked as editorial in both formats.
	Headings []Heading `yaml:"headings"`
}

// Heading is an editorial heading of text.headings: written as its title
// alone, or as {title: ..., short-title: ...} when the title is too long
// for a running head (Chicago 1.13: a shortened form, never an ellipsis).
type Heading struct {
	Title      string `yaml:"title"`
	ShortTitle string `yaml:"short-title"`
}

// SetScalar reads a heading written as its title alone.
func (h *Heading) SetScalar(title string) { h.Title = title }
