// Package archive reads plain-text archive documents (Project Gutenberg
// etexts of every era, Web archive transcriptions, hand-typed letters) into
// a model.Source, as an editor would mark them up.
//
// Online archives publish documents as plain text: a title page and
// imprint, the body in paragraphs with its headings, datelines,
// salutations and signatures, notes in one of several styles, and whatever
// furniture the archive added (licence headers, navigation links,
// transcribers' notes, advertisements). The reader recognises each of
// these by its shape, never by the wording of one document, keeps every
// body word as printed, and records every decision that turned text into
// something else (left out, moved to the front or back matter, made a
// heading or a note) in Source.Changes and, line by line, in
// Source.Dropped.
//
// Reading happens in stages, each a small recogniser in its own file:
//
//	lines.go       decoding, lines, a signature set on a paragraph's last line
//	gutenberg.go   Project Gutenberg headers, licences and credits of every era
//	blocks.go      lines → blocks; wrap width, alignment, blank-line gaps
//	shapes.go      what each block looks like on its own
//	headings.go    heading patterns and their levels
//	datelines.go   place and date lines, at the head or foot of a letter
//	salutations.go "Dear Comrades,", "Monsieur le Président,"
//	signatures.go  sign-offs and signatures closing a letter
//	notes.go       note blocks in their styles, and the references to them
//	quotes.go      block quotations and verse set in by indentation
//	titlepage.go   title, byline and imprint above the text
//	contents.go    printed tables of contents
//	trailing.go    matter after the text: advertisements, colophons, links
//	build.go       the Source: sections split at headings, inlines
package archive

import (
	"fmt"
	"strings"

	"github.com/bindery-editions/bindery/edition/decode"
	"github.com/bindery-editions/bindery/edition/model"
)

// Read reads plain archive text into a Source. file names the source in
// messages; data is its content, in UTF-8 or the single-byte encoding it
// declares or shows (see decode.Read). Errors are formatted "FILE: byte
// offset N: ..." for encoding problems and "FILE: ..." otherwise, and wrap
// one of decode's Err* values.
func Read(file string, data []byte) (*model.Source, error) {
	d, err := decode.Read(file, data)
	if err != nil {
		return nil, err
	}
	if decode.IsHTMLPage(d.Text) {
		return nil, fmt.Errorf("%s: %w", file, decode.ErrHTMLPage)
	}
	r := &reader{file: file, src: &model.Source{File: file, Warnings: d.Warnings, Encoding: d.Encoding}}
	r.raw = strings.Split(d.Text, "\n")
	r.lines = splitLines(r.raw)
	r.gutenberg()
	r.group()
	if len(r.blocks) == 0 {
		return nil, fmt.Errorf("%s: %w", file, decode.ErrNoBody)
	}
	r.classify()
	r.furniture()
	r.contents()
	start := r.titlePage()
	if start < 0 {
		return nil, fmt.Errorf("%s: %w", file, decode.ErrNoBody)
	}
	r.trailing(start)
	r.findNotes(start)
	r.letters()
	r.quotes()
	r.headings()
	r.build()
	if !r.hasBody() {
		return nil, fmt.Errorf("%s: %w", file, decode.ErrNoBody)
	}
	r.src.Changes = r.changes.list(r.lines)
	return r.src, nil
}

// reader holds one reading in progress.
type reader struct {
	file   string
	raw    []string // the text's lines as written, for the columns of tables
	lines  []line
	blocks []*block
	src    *model.Source

	hardWrapped  bool // paragraphs are wrapped over several lines
	wrapWidth    int  // the wrap width in columns, when hard-wrapped
	bodyIndent   int  // the usual indent of a paragraph's lines after the first
	stanzaIndent int  // the indent of a book of verse's stanzas, or -1 (usualStanzaIndent)
	axis         int  // twice the middle column of the centred lines, or 0 (centreAxis)

	changes changeLog
	levels  map[string]int // heading style → level, 1 the highest
	notes   noteIndex
	stars   map[int]int // block index → asterisks met so far in its text

	lastLetter rune // the label of the last lettered heading, "B" of "B. The Total Form"
}

// hasBody reports whether the Source has at least one body paragraph.
func (r *reader) hasBody() bool {
	var walk func(bs []model.Block) bool
	walk = func(bs []model.Block) bool {
		for _, b := range bs {
			if b.Kind == model.Paragraph || walk(b.Children) {
				return true
			}
		}
		return false
	}
	for _, s := range r.src.Sections {
		if walk(s.Blocks) {
			return true
		}
	}
	return false
}
