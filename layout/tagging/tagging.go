// Package tagging builds the logical structure of a tagged drawing (ISO
// 32000-1, 14.7–14.8; PDF/UA-1, ISO 14289-1, 7.1–7.4) as layout draws a
// book: one element for each heading, paragraph, list, note, figure, table
// cell and contents entry, in the order of the document, not of the
// pages, so that a screen reader reads a note after the paragraph that
// refers to it and a table cell by cell. Each line drawn gives its runs
// the element their text belongs to; what belongs to none is an artifact
// (running heads, folios, rules, the ornament of a break, a table's header
// set again on a later page).
package tagging

import (
	"strconv"
	"strings"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/unit"
)

// Tree holds the structure being built and the elements of the
// document's blocks.
type Tree struct {
	elems []drawing.StructElem

	block   map[string]int // the element of a block's text (or a cell paragraph's), by block ID
	figure  map[string]int // a figure block's Figure
	label   map[string]int // the Lbl of a list item's or a note's marker
	heading []int          // the H1 of each part's title, -1 for none
	part    []int          // the element of each part
	toci    map[[2]int]int // a contents entry's TOCI, by part and paragraph
	words   map[string][]string
	blocks  map[string]*document.Block
	// hyphenated holds the blocks whose last drawn line ended in an
	// inserted hyphen: the next line's first piece ends the word.
	hyphenated map[string]bool
	// phrase is the Span of the phrase in another language that ends the
	// last line drawn of a block, for a phrase that goes on at the head
	// of the next line.
	phrase map[string]langSpan
	// anon is the paragraph of the block without an id being drawn, in
	// part anonPart; -1 for none.
	anon, anonPart int
	// width measures a piece, to find the no-break spaces between two
	// pieces of one word.
	width func(linebreak.FontStyle, unit.Length, string) unit.Length
}

// add appends an element and returns its index.
func (t *Tree) add(typ string, parent int) int {
	t.elems = append(t.elems, drawing.StructElem{Type: typ, Parent: parent})
	return len(t.elems) - 1
}

// ref is an element as a run refers to it (GlyphRun.Elem).
func ref(i int) int { return i + 1 }

// New makes the structure of the document's parts and blocks. width
// measures a piece of a line as the line breaker did; nil takes two pieces
// of one word for two words.
func New(doc *document.Document, width func(linebreak.FontStyle, unit.Length, string) unit.Length) *Tree {
	t := &Tree{
		block: map[string]int{}, figure: map[string]int{}, label: map[string]int{},
		toci: map[[2]int]int{}, words: map[string][]string{}, blocks: map[string]*document.Block{},
		hyphenated: map[string]bool{}, phrase: map[string]langSpan{}, anon: -1, width: width,
	}
	root := t.add("Document", -1)
	for i := range doc.Parts {
		p := &doc.Parts[i]
		typ := "Sect"
		if p.Kind == document.ContentsPart {
			typ = "TOC"
		}
		sect := t.add(typ, root)
		t.part = append(t.part, sect)
		h := -1
		if p.Title != "" && p.Kind != document.TitlePart {
			h = t.add("H1", sect)
		}
		t.heading = append(t.heading, h)
		t.blocksOf(p, sect)
	}
	return t
}

// blocksOf adds the elements of a part's blocks under sect: each note
// after the block that first refers to it, the notes nothing refers to at
// the part's end.
func (t *Tree) blocksOf(p *document.Part, sect int) {
	notes := map[string][]*document.Block{}
	var order []string
	for i := range p.Blocks {
		blk := &p.Blocks[i]
		t.blocks[blk.ID] = blk
		if blk.Style == document.Footnote {
			id := blk.NoteID()
			if notes[id] == nil {
				order = append(order, id)
			}
			notes[id] = append(notes[id], blk)
		}
	}
	placed := map[string]bool{}
	note := func(id string, parent int) {
		if placed[id] || notes[id] == nil {
			return
		}
		placed[id] = true
		n := t.add("Note", parent)
		for _, blk := range notes[id] {
			if blk.Marker != "" {
				t.label[blk.ID] = t.add("Lbl", n)
			}
			t.block[blk.ID] = t.add("P", n)
		}
	}
	list, quote := -1, -1
	for i := range p.Blocks {
		blk := &p.Blocks[i]
		if blk.Style == document.Footnote {
			continue
		}
		if blk.Style != document.ListItem {
			list = -1
		}
		if blk.Style != document.Quote {
			quote = -1
		}
		switch blk.Style {
		case document.Break:
			// An ornament or a space: an artifact.
		case document.Subheading:
			t.block[blk.ID] = t.add("H"+strconv.Itoa(min(max(blk.Outline, 1)+1, 6)), sect)
		case document.DisplayLarge:
			t.block[blk.ID] = t.add("H1", sect)
		case document.ListItem, document.Definition:
			if list < 0 {
				list = t.add("L", sect)
			}
			li := t.add("LI", list)
			if blk.Marker != "" {
				t.label[blk.ID] = t.add("Lbl", li)
			}
			t.block[blk.ID] = t.add("LBody", li)
		case document.Quote:
			if quote < 0 {
				quote = t.add("BlockQuote", sect)
			}
			t.block[blk.ID] = t.add("P", quote)
		case document.Reference:
			t.block[blk.ID] = t.add("BibEntry", sect)
		case document.Figure:
			f := t.add("Figure", sect)
			t.elems[f].Alt = blk.Alt
			t.figure[blk.ID] = f
			if len(blk.Spans) > 0 || blk.Number != "" {
				t.block[blk.ID] = t.add("Caption", sect)
			}
		case document.DisplayMath:
			f := t.add("Formula", sect)
			if fm, ok := blk.Math.(*document.Formula); ok {
				t.elems[f].Alt = fm.TeX()
			}
			t.block[blk.ID] = f
		case document.TableBlock:
			t.table(blk, sect)
		default:
			t.block[blk.ID] = t.add("P", sect)
		}
		for _, sp := range blk.Spans {
			if id, ok := strings.CutPrefix(sp.Link, "#"); ok {
				note(id, sect)
			}
		}
	}
	for _, id := range order {
		note(id, sect)
	}
}

// table adds a table's elements: its caption, then a row of header or
// data cells for each row (PDF/UA-1, 7.5).
func (t *Tree) table(blk *document.Block, sect int) {
	tbl := t.add("Table", sect)
	if len(blk.Spans) > 0 || blk.Number != "" {
		t.block[blk.ID] = t.add("Caption", tbl)
	}
	if blk.Table == nil {
		return
	}
	rows := func(rs [][]document.Cell, cell string) {
		for _, row := range rs {
			tr := t.add("TR", tbl)
			for _, c := range row {
				td := t.add(cell, tr)
				for _, p := range c.Paras {
					t.block[p.ID] = td
					t.words[p.ID] = linebreak.Words(document.PlainText(p.Spans))
				}
			}
		}
	}
	rows(blk.Table.Head, "TH")
	rows(blk.Table.Body, "TD")
}

// Line is what the structure reads of a line drawn on a page.
type Line struct {
	Part    int  // the part whose page the line is on, -1 for none
	Opening bool // the page opens the part: its title stands on it
	// BlockID is the block whose text the line sets, "" for none (a
	// part's title, a contents entry, a line of the title page).
	BlockID   string
	Para      int // the line's paragraph among the part's, -1 for none
	LineNo    int // the line's index in its paragraph
	FirstWord int // the first word the line sets, -1 for none
	Line      *linebreak.Line
}

// lineElem returns the element a drawn line's text belongs to, as an
// index (-1: an artifact).
func (t *Tree) lineElem(it Line) int {
	if it.BlockID != "" {
		if e, ok := t.block[it.BlockID]; ok {
			return e
		}
		return -1
	}
	if it.Part < 0 {
		return -1
	}
	switch {
	case it.Para < 0 && it.Opening && t.heading[it.Part] >= 0:
		// The part's title, set on its opening page.
		return t.heading[it.Part]
	case it.Para >= 0 && t.elems[t.part[it.Part]].Type == "TOC" && len(it.Line.Pieces) > 0:
		key := [2]int{it.Part, it.Para}
		e, ok := t.toci[key]
		if !ok {
			e = t.add("TOCI", t.part[it.Part])
			t.toci[key] = e
		}
		return e
	case it.FirstWord >= 0 && len(it.Line.Pieces) > 0:
		// A block without an id (a line of the title page or the
		// imprint): a paragraph of its own from its first line. A
		// table's header set again has no first word: an artifact.
		if it.LineNo == 0 || t.anon < 0 || t.anonPart != it.Part {
			t.anon, t.anonPart = t.add("P", t.part[it.Part]), it.Part
		}
		return t.anon
	}
	return -1
}

// wordsOf returns the words of a block's text, as Piece.Word counts them.
func (t *Tree) wordsOf(id string) []string {
	if w, ok := t.words[id]; ok {
		return w
	}
	var w []string
	if blk := t.blocks[id]; blk != nil {
		w = linebreak.Words(document.PlainText(blk.Spans))
	}
	t.words[id] = w
	return w
}

// TagLine gives the runs a line drew the elements they belong to: the
// pieces' runs (po.Runs[first:first+len(pieces)]) and the objects' after
// them up to extras, the line's element; the extra runs from extras on,
// the Lbl of an item's marker or the line's element (the dots and page
// number of a contents entry). A word the line ends by hyphenating reads
// whole in its first part (ActualText). It returns the line's element, -1
// for an artifact.
func (t *Tree) TagLine(po *drawing.DrawnPage, it Line, first, extras int) int {
	e := t.lineElem(it)
	if e < 0 {
		return -1
	}
	for i := first; i < len(po.Runs); i++ {
		if i >= extras && strings.Trim(po.Runs[i].Text, ". \u00a0") == "" {
			continue // a contents entry's leader dots: an artifact
		}
		po.Runs[i].Elem = ref(e)
	}
	if l, ok := t.label[it.BlockID]; ok && it.LineNo == 0 && extras < len(po.Runs) {
		po.Runs[extras].Elem = ref(l)
	}
	pieces := it.Line.Pieces
	// The words of a line are drawn apart, each where the line breaker
	// put it, with no space between them: a run followed by a word space
	// draws one at its end, invisible, so that text taken from the
	// structure reads as words (PDF/UA-1, 7.2; ISO 32000-1, 14.8.2.5).
	// Two pieces of one word apart are joined by a no-break space
	// ("14\u00a0June"): it is drawn as such.
	for k, pc := range pieces {
		if pc.Object != nil || pc.Text == "" {
			continue
		}
		switch {
		case k+1 < len(pieces) && pieces[k+1].Word >= 0,
			k+1 == len(pieces) && !it.Line.Hyphenated && !strings.HasSuffix(pc.Text, "-"):
			po.Runs[first+k].Space = true
		case k+1 < len(pieces) && pieces[k+1].Object == nil && t.width != nil:
			end := pc.X + linebreak.ExpandWidth(t.width(pc.Style, pc.Size, pc.Text), it.Line.Expand)
			if pieces[k+1].X-end > pc.Size/20 {
				po.Runs[first+k].Space = true
			}
		}
	}
	t.tagPhrases(po, it, e, first)
	if it.BlockID == "" || len(pieces) == 0 {
		return e
	}
	if t.hyphenated[it.BlockID] && pieces[0].Word < 0 {
		po.Runs[first].HasActualText = true // the word is whole in the line before
	}
	last := pieces[len(pieces)-1]
	t.hyphenated[it.BlockID] = it.Line.Hyphenated
	if it.Line.Hyphenated && last.Word >= 0 {
		if w := t.wordsOf(it.BlockID); last.Word < len(w) {
			r := &po.Runs[first+len(pieces)-1]
			r.ActualText, r.HasActualText = w[last.Word], true
		}
	}
	return e
}

// langSpan is a Span element of a phrase in another language.
type langSpan struct {
	elem int
	lang string
}

// tagPhrases gives the runs of a line's pieces marked with a language of
// their own (a phrase in another language than the book's) a Span of
// that language under the line's element e, so that a screen reader
// speaks them in it (/Lang, ISO 32000-1, 14.9.2; PDF/UA-1, 7.2). A phrase
// runs on across the pieces of the line and, at its end, to the head of
// the block's next line.
func (t *Tree) tagPhrases(po *drawing.DrawnPage, it Line, e, first int) {
	pieces := it.Line.Pieces
	cur := langSpan{elem: -1}
	if prev, ok := t.phrase[it.BlockID]; ok && it.BlockID != "" && it.LineNo > 0 {
		cur = prev
	}
	for k, pc := range pieces {
		if pc.Object != nil || pc.Text == "" || po.Runs[first+k].Elem != ref(e) {
			continue
		}
		if pc.Lang == "" {
			cur = langSpan{elem: -1}
			continue
		}
		if cur.elem < 0 || cur.lang != pc.Lang || t.elems[cur.elem].Parent != e {
			cur = langSpan{elem: t.add("Span", e), lang: pc.Lang}
			t.elems[cur.elem].Lang = pc.Lang
		}
		po.Runs[first+k].Elem = ref(cur.elem)
	}
	if it.BlockID == "" {
		return
	}
	if cur.elem >= 0 {
		t.phrase[it.BlockID] = cur
	} else {
		delete(t.phrase, it.BlockID)
	}
}

// Link gives a link area of a line whose element is e, and the runs of
// the text it covers (po.Runs[from:to]), a Link element: a new one, or
// prev's when the area goes on the link before it (a link of several
// pieces). It returns the element.
func (t *Tree) Link(po *drawing.DrawnPage, la *drawing.LinkArea, e, prev, from, to int) int {
	if e < 0 {
		return -1
	}
	l := prev
	if l < 0 {
		l = t.add("Link", e)
	}
	la.Elem = ref(l)
	for i := from; i < to && i < len(po.Runs); i++ {
		if po.Runs[i].Elem == 0 {
			continue // an artifact among the link's runs: leader dots
		}
		if was := t.elems[po.Runs[i].Elem-1]; was.Type == "Span" {
			t.elems[l].Lang = was.Lang // a link in a phrase of another language speaks it
		}
		po.Runs[i].Elem = ref(l)
		if la.Text != "" {
			la.Text += " "
		}
		la.Text += po.Runs[i].Text
	}
	return l
}

// Figure returns the element a figure block's image belongs to, as a
// drawn image refers to it (drawing.PlacedImage.Elem).
func (t *Tree) Figure(blockID string) (elem int, ok bool) {
	f, ok := t.figure[blockID]
	return ref(f), ok
}

// Elems returns the structure built: the drawing's Structure.
func (t *Tree) Elems() []drawing.StructElem { return t.elems }
