package tagging

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
)

// sample is a title page, a chapter with one block of each kind that has
// an element of its own, and a contents page.
func sample() *document.Document {
	cell := func(id, text string) document.Cell {
		return document.Cell{Paras: []document.CellPara{{ID: id, Spans: []document.Span{{Text: text}}}}}
	}
	return &document.Document{Parts: []document.Part{
		{ID: "title", Kind: document.TitlePart, Title: "A Book", Blocks: []document.Block{
			{ID: "t1", Style: document.DisplayLarge, Spans: []document.Span{{Text: "A Book"}}},
		}},
		{ID: "ch", Kind: document.TextPart, Title: "Chapter", Blocks: []document.Block{
			{ID: "p1", Style: document.Body, Spans: []document.Span{{Text: "See the note"}, {Text: "1", Link: "#n1"}}},
			{ID: "li1", Style: document.ListItem, Marker: "1.", Spans: []document.Span{{Text: "one"}}},
			{ID: "li2", Style: document.ListItem, Marker: "2.", Spans: []document.Span{{Text: "two"}}},
			{ID: "q1", Style: document.Quote, Spans: []document.Span{{Text: "quoted"}}},
			{ID: "fig", Style: document.Figure, Alt: "A map", Spans: []document.Span{{Text: "The map."}}},
			{ID: "m1", Style: document.DisplayMath, Math: document.NewFormula("x^2", true)},
			{ID: "tbl", Style: document.TableBlock, Table: &document.Table{
				Head: [][]document.Cell{{cell("th1", "Year")}},
				Body: [][]document.Cell{{cell("td1", "1964")}},
			}},
			{ID: "n1", Style: document.Footnote, Marker: "1", Spans: []document.Span{{Text: "A note."}}},
			{ID: "n2", Style: document.Footnote, Spans: []document.Span{{Text: "Another, unreferred."}}},
		}},
		{ID: "contents", Kind: document.ContentsPart, Title: "Contents"},
	}}
}

// TestNew checks the structure of the sample in reading order, each
// element after its parent (its index after the "<"): the title page has
// no heading of its own, the note follows the paragraph that refers to it
// and the note nothing refers to closes its part, list items share a
// list, the figure and the formula carry their descriptions.
func TestNew(t *testing.T) {
	tree := New(sample(), nil)
	var got []string
	for _, e := range tree.Elems() {
		s := fmt.Sprintf("%s<%d", e.Type, e.Parent)
		if e.Alt != "" {
			s += "[" + e.Alt + "]"
		}
		got = append(got, s)
	}
	want := []string{
		"Document<-1",
		"Sect<0", "H1<1", // the title page: its display title
		"Sect<0", "H1<3", // the chapter and its title
		"P<3", "Note<3", "Lbl<6", "P<6", // p1, then the note it refers to
		"L<3", "LI<9", "Lbl<10", "LBody<10", "LI<9", "Lbl<13", "LBody<13",
		"BlockQuote<3", "P<16",
		"Figure<3[A map]", "Caption<3",
		"Formula<3[x^2]",
		"Table<3", "TR<21", "TH<22", "TR<21", "TD<24",
		"Note<3", "P<26", // the note nothing refers to
		"TOC<0", "H1<28",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("structure:\n got %v\nwant %v", got, want)
	}
	if e, ok := tree.Figure("fig"); !ok || e != 19 {
		t.Errorf("Figure(fig) = %d, %v; want element 18, referred to as 19", e, ok)
	}
	if _, ok := tree.Figure("p1"); ok {
		t.Error("a paragraph has a figure element")
	}
}

// TestTagLine checks what a drawn line's runs are given: the element of
// their block, a space after each word, a hyphenated word read whole
// where it begins and as nothing where it ends, and a contents entry's
// leader dots left an artifact.
func TestTagLine(t *testing.T) {
	tree := New(sample(), nil)
	draw := func(l Line, extra ...string) (*drawing.DrawnPage, int) {
		var po drawing.DrawnPage
		po.AddLine(*l.Line, 0, 0)
		for _, text := range extra {
			po.Runs = append(po.Runs, drawing.GlyphRun{Text: text})
		}
		return &po, tree.TagLine(&po, l, 0, len(l.Line.Pieces))
	}
	first := &linebreak.Line{Hyphenated: true, Pieces: []linebreak.Piece{{Text: "See", Word: 0}, {Text: "the", Word: 1}, {Text: "no", Word: 2}}}
	po, e := draw(Line{Part: 1, BlockID: "p1", Para: 0, FirstWord: 0, Line: first})
	if e != 5 {
		t.Fatalf("p1's line tagged as element %d, want 5", e)
	}
	for i, r := range po.Runs {
		if r.Elem != 6 {
			t.Errorf("run %d (%q) refers to %d, want 6", i, r.Text, r.Elem)
		}
	}
	if !po.Runs[0].Space || !po.Runs[1].Space || po.Runs[2].Space {
		t.Errorf("spaces after the runs: %v %v %v; want after the whole words only", po.Runs[0].Space, po.Runs[1].Space, po.Runs[2].Space)
	}
	if r := po.Runs[2]; !r.HasActualText || r.ActualText != "note1" {
		t.Errorf("the hyphenated word reads %q (%v), want the whole word", r.ActualText, r.HasActualText)
	}
	second := &linebreak.Line{Pieces: []linebreak.Piece{{Text: "te1", Word: -1}}}
	po, _ = draw(Line{Part: 1, BlockID: "p1", Para: 0, LineNo: 1, FirstWord: 2, Line: second})
	if r := po.Runs[0]; !r.HasActualText || r.ActualText != "" {
		t.Errorf("the rest of the hyphenated word reads %q (%v), want nothing", r.ActualText, r.HasActualText)
	}
	entry := &linebreak.Line{Pieces: []linebreak.Piece{{Text: "Chapter", Word: -1}}}
	po, e = draw(Line{Part: 2, Para: 0, FirstWord: -1, Line: entry}, "3", ". . .")
	if got := tree.Elems()[e].Type; got != "TOCI" {
		t.Errorf("a contents entry tagged %s, want TOCI", got)
	}
	if po.Runs[0].Elem != e+1 || po.Runs[1].Elem != e+1 || po.Runs[2].Elem != 0 {
		t.Errorf("contents entry runs refer to %d, %d, %d; want the entry, the entry and none (the leader)", po.Runs[0].Elem, po.Runs[1].Elem, po.Runs[2].Elem)
	}
	if _, e := draw(Line{Part: 1, Para: -1, FirstWord: -1, Line: &linebreak.Line{}}); e != -1 {
		t.Errorf("an empty line of no block is element %d, want an artifact", e)
	}
}

// TestTagPhrases checks that the pieces of a phrase in another language
// are given a Span of that language inside their line's element, one Span
// for the phrase however many pieces and lines it takes, and that the
// text around it stays the paragraph's.
func TestTagPhrases(t *testing.T) {
	tree := New(sample(), nil)
	draw := func(l Line) *drawing.DrawnPage {
		var po drawing.DrawnPage
		po.AddLine(*l.Line, 0, 0)
		tree.TagLine(&po, l, 0, len(l.Line.Pieces))
		return &po
	}
	first := &linebreak.Line{Pieces: []linebreak.Piece{{Text: "See", Word: 0}, {Text: "το", Word: 1, Lang: "el"}, {Text: "λιμάνι", Word: 2, Lang: "el"}}}
	second := &linebreak.Line{Pieces: []linebreak.Piece{{Text: "ακόμα", Word: 3, Lang: "el"}, {Text: "and", Word: 4}, {Text: "Łódź", Word: 5, Lang: "pl"}}}
	po1 := draw(Line{Part: 1, BlockID: "p1", Para: 0, FirstWord: 0, Line: first})
	po2 := draw(Line{Part: 1, BlockID: "p1", Para: 0, LineNo: 1, FirstWord: 3, Line: second})
	elems := tree.Elems()
	lang := func(r drawing.GlyphRun) string {
		e := elems[r.Elem-1]
		if e.Type != "Span" {
			return e.Type
		}
		if e.Parent != 5 {
			t.Errorf("the Span of %q is under element %d, want the paragraph (5)", r.Text, e.Parent)
		}
		return e.Lang
	}
	got := []string{lang(po1.Runs[0]), lang(po1.Runs[1]), lang(po1.Runs[2]), lang(po2.Runs[0]), lang(po2.Runs[1]), lang(po2.Runs[2])}
	if want := []string{"P", "el", "el", "el", "P", "pl"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the runs' languages %v, want %v", got, want)
	}
	if po1.Runs[1].Elem != po2.Runs[0].Elem {
		t.Error("a phrase broken over two lines is two Spans")
	}
}
