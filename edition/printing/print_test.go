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
			[]layout.Span{{Text: "word"}, {Text: "3", Super: true, Link: "#note-3"}}},
		{"link", []model.Inline{{Kind: model.Link, Target: "https://example.org", Children: []model.Inline{model.Str("here")}}},
			[]layout.Span{{Text: "here", Link: "https://example.org"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spansOf(tt.in, layout.Roman); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("spansOf = %+v, want %+v", got, tt.want)
			}
		})
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
