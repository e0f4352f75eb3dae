package printing

import (
	"reflect"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"

	"github.com/bindery-editions/bindery/layout"
)

func TestSpansOf(t *testing.T) {
	tests := []struct {
		name string
		in   []model.Inline
		want []layout.Span
	}{
		{"plain", []model.Inline{model.Str("a b")}, []layout.Span{{Text: "a b"}}},
		{"emphasis", []model.Inline{model.Str("a "), {Kind: model.Emph, Children: []model.Inline{model.Str("b")}}},
			[]layout.Span{{Text: "a "}, {Text: "b", Style: layout.Italic}}},
		{"emphasis inside emphasis turns roman",
			[]model.Inline{{Kind: model.Emph, Children: []model.Inline{model.Str("a "), {Kind: model.Emph, Children: []model.Inline{model.Str("b")}}}}},
			[]layout.Span{{Text: "a ", Style: layout.Italic}, {Text: "b", Style: layout.Roman}}},
		{"strong emphasis", []model.Inline{{Kind: model.Strong, Children: []model.Inline{{Kind: model.Emph, Children: []model.Inline{model.Str("x")}}}}},
			[]layout.Span{{Text: "x", Style: layout.BoldItalic}}},
		{"note reference", []model.Inline{model.Str("word"), {Kind: model.NoteRef, Text: "3", Target: "note-3"}},
			[]layout.Span{{Text: "word"}, {Text: "3", Super: true, Mark: true, Link: "#note-3"}}},
		{"link", []model.Inline{{Kind: model.Link, Target: "https://example.org", Children: []model.Inline{model.Str("here")}}},
			[]layout.Span{{Text: "here", Link: "https://example.org"}}},
		{"phrase in another language", []model.Inline{model.Str("the sea, "), lang("el", model.Str("η "), emph(model.Str("θάλασσα"))), model.Str(".")},
			[]layout.Span{{Text: "the sea, "}, {Text: "η ", Lang: "el"}, {Text: "θάλασσα", Style: layout.Italic, Lang: "el"}, {Text: "."}}},
		{"a phrase inside a phrase", []model.Inline{lang("de", model.Str("er sagte "), lang("fr", model.Str("oui")))},
			[]layout.Span{{Text: "er sagte ", Lang: "de"}, {Text: "oui", Lang: "fr"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spansOf(tt.in, layout.Roman); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("spansOf = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func lang(tag string, ins ...model.Inline) model.Inline {
	return model.Inline{Kind: model.Span, Attr: model.Attr{{Key: "lang", Value: tag}}, Children: ins}
}

func emph(ins ...model.Inline) model.Inline { return model.Inline{Kind: model.Emph, Children: ins} }

// TestBlockLanguage checks that a block's language, and a division's
// around it, reach every span of the block that declares none of its own.
func TestBlockLanguage(t *testing.T) {
	in := []model.Block{
		{Kind: model.Div, Attr: model.Attr{{Key: "lang", Value: "de"}}, Children: []model.Block{
			{Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Wort "), lang("fr", model.Str("mot"))}},
		}},
		{Kind: model.Paragraph, Attr: model.Attr{{Key: "lang", Value: "ru"}}, Inlines: []model.Inline{model.Str("слово")}},
		{Kind: model.Paragraph, Inlines: []model.Inline{model.Str("word")}},
	}
	var got [][]string
	for _, b := range (printer{}).blocks(in, 0, true) {
		var langs []string
		for _, sp := range b.Spans {
			langs = append(langs, sp.Text+":"+sp.Lang)
		}
		got = append(got, langs)
	}
	want := [][]string{{"Wort :de", "mot:fr"}, {"слово:ru"}, {"word:"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("languages %q, want %q", got, want)
	}
}

func TestPrintBlocksStyles(t *testing.T) {
	in := []model.Block{
		{ID: "a", Kind: model.Salutation, Inlines: []model.Inline{model.Str("Dear Comrades,")}},
		{ID: "b", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("First.")}},
		{ID: "c", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Second.")}},
		{ID: "d", Kind: model.BlockQuote, Children: []model.Block{{ID: "e", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Quoted.")}}}},
		{ID: "f", Kind: model.List, Attr: model.Attr{{Key: "ordered", Value: "true"}}, Children: []model.Block{
			{ID: "g", Kind: model.ListItem, Children: []model.Block{{ID: "h", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("One.")}}}},
			{ID: "i", Kind: model.ListItem, Children: []model.Block{{ID: "j", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Two.")}}}},
		}},
		{ID: "k", Kind: model.Signature, Inlines: []model.Inline{model.Str("The Committee")}},
	}
	got := printer{}.blocks(in, 0, true)
	type styled struct {
		ID     string
		Style  layout.BlockStyle
		Marker string
	}
	var gotStyles []styled
	for _, b := range got {
		gotStyles = append(gotStyles, styled{b.ID, b.Style, b.Marker})
	}
	want := []styled{
		{"a", layout.Salutation, ""},
		{"b", layout.BodyFirst, ""}, // opens the part after its salutation: no indent
		{"c", layout.Body, ""},
		{"e", layout.Quote, ""},
		{"h", layout.ListItem, "1."},
		{"j", layout.ListItem, "2."},
		{"k", layout.Signature, ""},
	}
	if !reflect.DeepEqual(gotStyles, want) {
		t.Errorf("printBlocks styles:\n got %+v\nwant %+v", gotStyles, want)
	}
}

// TestPageOfWord checks that a reading is cited at the page its word is
// set on: a paragraph that runs from page 4 on to page 5 at its 120th word
// has its 130th word on page 5, not on its first page.
func TestPageOfWord(t *testing.T) {
	r := &layout.Result{
		BlockPages: []layout.BlockPage{{BlockID: "p1", Label: "4"}, {BlockID: "p2", Label: "6"}},
		PageStarts: []layout.PageStart{
			{BlockID: "p0", Label: "4", Word: 30},
			{BlockID: "p1", Label: "5", Word: 120},
			{BlockID: "p1", Label: "6", Word: 250},
			{BlockID: "p2", Label: "7", Word: 0}, // a page that opens with the block's first word
		},
	}
	pageOf := pageOfWord(r)
	for _, tt := range []struct {
		block string
		word  int
		want  string
	}{
		{"p1", 0, "4"}, {"p1", 119, "4"}, {"p1", 120, "5"}, {"p1", 130, "5"}, {"p1", 250, "6"}, {"p1", 900, "6"},
		{"p2", 3, "6"}, {"nowhere", 0, ""},
	} {
		if got := pageOf(tt.block, tt.word); got != tt.want {
			t.Errorf("page of word %d of %s = %q, want %q", tt.word, tt.block, got, tt.want)
		}
	}
}

// TestApparatusEntryPage checks that an apparatus entry (a list item that
// names the block and word of its reading) is marked with that word's
// page instead of a bullet, and has no marker before the pages are known.
func TestApparatusEntryPage(t *testing.T) {
	list := []model.Block{{ID: "l", Kind: model.List, Children: []model.Block{
		{ID: "e1", Kind: model.ListItem, Attr: model.Attr{{Key: "block", Value: "part-1-4"}, {Key: "word", Value: "37"}},
			Children: []model.Block{{ID: "e1p", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("of] 01")}}}},
		{ID: "e2", Kind: model.ListItem, Children: []model.Block{{ID: "e2p", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("a plain item")}}}},
	}}}
	var asked []string
	pr := printer{opts: Options{PageOf: func(id string, word int) string {
		asked = append(asked, id)
		if id == "part-1-4" && word == 37 {
			return "12"
		}
		return "?"
	}}}
	got := pr.blocks(list, 0, false)
	if len(got) != 2 || got[0].Marker != "12" || got[1].Marker != "•" {
		t.Errorf("markers = %q, %q; want the page 12 and a bullet", got[0].Marker, got[1].Marker)
	}
	if !reflect.DeepEqual(asked, []string{"part-1-4"}) {
		t.Errorf("pages asked for %v", asked)
	}
	if got := (printer{}).blocks(list, 0, false); got[0].Marker != "" {
		t.Errorf("before the pages are known the entry is marked %q", got[0].Marker)
	}
}

// TestBlockOfAnotherEdition checks that a block marked for the ebook alone
// is left out of the print edition, and one marked for print is set.
func TestBlockOfAnotherEdition(t *testing.T) {
	in := []model.Block{
		{ID: "both", Kind: model.Centered, Inlines: []model.Inline{model.Str("For both.")}},
		{ID: "ebook", Kind: model.Centered, Attr: model.Attr{{Key: model.OnlyInAttr, Value: "epub"}}, Inlines: []model.Inline{model.Str("This ebook embeds no typeface.")}},
		{ID: "print", Kind: model.Centered, Attr: model.Attr{{Key: model.OnlyInAttr, Value: "pdf"}}, Inlines: []model.Inline{model.Str("Set in Charis SIL.")}},
	}
	var ids []string
	for _, b := range (printer{}).blocks(in, 0, false) {
		ids = append(ids, b.ID)
	}
	if !reflect.DeepEqual(ids, []string{"both", "print"}) {
		t.Errorf("print sets %v, want both and print", ids)
	}
}
