package model

import "fmt"

// Source is what a reader recognised in a source file: the body and the
// furniture printed around it, before the manifest shapes it into an Edition.
// Readers return it; they never print.
type Source struct {
	File string // the source file's path, for messages

	Title   []string // title lines as printed (archive text)
	Imprint []string // imprint lines under the title: publisher, "Tirana, 1964"

	Front FrontMatter // Markdown front matter; zero for archive text

	// Sections is the body in order. An archive letter is split where a
	// salutation opens a new part; the section titles are then empty and
	// the manifest supplies editorial headings. Markdown splits at
	// top-level headings.
	Sections []Section

	// Trailer holds lines printed after the body that describe it rather
	// than belong to it: "Reproduced from «Zeri Popullit» daily, ...".
	// They go to the back matter, in order.
	Trailer []Block

	// Notes are footnote bodies (Kind Note, ID set), referenced by NoteRef
	// inlines in the sections.
	Notes []Block

	Dropped  []Dropped // lines left out of the edition, each with its reason
	Warnings []Warning
}

// FrontMatter is the metadata a Markdown file declares in YAML front matter,
// under the keys pandoc users already write.
type FrontMatter struct {
	Title       string
	Subtitle    string
	Authors     []string
	Date        string
	Language    string
	Publisher   string
	Rights      string
	Description string
	// Bibliography names the file of the works the text cites, relative
	// to the source.
	Bibliography string
}

// Dropped is a source line the reader left out, such as a web page's
// navigation link or a licence header, and why.
type Dropped struct {
	Line   int
	Text   string
	Reason string
}

// Warning is a problem that does not stop the build, returned as data for
// the command line to print.
type Warning struct {
	File    string
	Line    int // 1-based; 0 when unknown
	Col     int // 1-based, in characters; 0 when unknown
	Message string
}

// String formats the warning as FILE:LINE:COL: message.
func (w Warning) String() string {
	switch {
	case w.Line > 0 && w.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", w.File, w.Line, w.Col, w.Message)
	case w.Line > 0:
		return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Message)
	default:
		return fmt.Sprintf("%s: %s", w.File, w.Message)
	}
}
