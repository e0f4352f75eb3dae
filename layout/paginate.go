package layout

import (
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagebreak"
	"github.com/bindery-editions/bindery/layout/unit"
)

// A part is set as a flow of items on the baseline grid, which
// layout/pagebreak cuts into pages by the costs it documents.

// itemKind is what a flow item is.
type itemKind int

const (
	itemLine  itemKind = iota // a line of text
	itemSpace                 // vertical space: dropped at the head and foot of a page
)

// flowItem is one entry of a part's vertical flow.
type flowItem struct {
	kind  itemKind
	slots int // grid lines taken

	line linebreak.Line // for itemLine
	dy   unit.Length    // baseline shift from the item's first grid line (headings)
	// extra are runs drawn with the line that are not Pieces (list markers,
	// dot leaders, page numbers in the contents), placed from the text
	// block's left edge and the line's baseline.
	extra []drawing.GlyphRun
	links []drawing.LinkArea // relative to the text block and the line's baseline

	para      int // serial number of the paragraph within the part, -1 for none
	lineNo    int // index of the line within its paragraph
	lineCount int // lines in the paragraph
	keep      bool
	hyphen    bool // the line ends with an inserted hyphen

	blockID   string
	firstWord int // word index (see Words) the line begins in, -1 for none
	// countID is the key the line's words are counted under in
	// Result.Words when it is not blockID (a part's title).
	countID string

	mark *drawing.Bookmark // an outline entry at this line (subheadings)

	// notes are the footnotes referenced from this line: they go to the
	// foot of the page the line is set on.
	notes []*footnote

	// art is what the item draws besides its line, and what a page that
	// begins with it sets first (a table's header): see figure.go.
	art *art
}

// footnote is a note set for the foot of the page.
type footnote struct {
	blockID string
	lines   []flowItem // set small, on the notes' own leading
}

// pageSpan is one page's share of a flow (see pagebreak.Span).
type pageSpan = pagebreak.Span

// pageItems is what the page breaker reads of a flow.
func pageItems(flow []flowItem) []pagebreak.Item {
	out := make([]pagebreak.Item, len(flow))
	for i := range flow {
		it := &flow[i]
		f := pagebreak.Item{Space: it.kind == itemSpace, Slots: it.slots, Para: it.para, LineNo: it.lineNo,
			LineCount: it.lineCount, Keep: it.keep, Hyphen: it.hyphen, LastNote: -1, Head: it.art.headSlots()}
		for _, fn := range it.notes {
			f.Notes += len(fn.lines)
			f.LastNote = len(fn.lines)
			f.LongestNote = max(f.LongestNote, len(fn.lines))
			f.NoteHyphens = 0
			for k := range min(len(fn.lines), 64) {
				if fn.lines[k].hyphen {
					f.NoteHyphens |= 1 << k
				}
			}
		}
		out[i] = f
	}
	return out
}

// paginate cuts a flow into pages (see pagebreak.Paginate).
func paginate(flow []flowItem, firstCap, cap int, firstRecto bool, noteArea func(lines int) int) []pageSpan {
	return pagebreak.Paginate(pageItems(flow), firstCap, cap, firstRecto, noteArea)
}

// spanFaults counts the widows and orphans left at the breaks between spans.
func spanFaults(flow []flowItem, spans []pageSpan) (widows, orphans int) {
	return pagebreak.Faults(pageItems(flow), spans)
}
