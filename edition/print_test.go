package edition

import (
	"reflect"
	"testing"

	"github.com/bindery-editions/bindery/layout"
)

func TestSpansOf(t *testing.T) {
	tests := []struct {
		name string
		in   []Inline
		want []layout.Span
	}{
		{"plain", []Inline{Str("a b")}, []layout.Span{{Text: "a b"}}},
		{"emphasis", []Inline{Str("a "), {Kind: Emph, Children: []Inline{Str("b")}}},
			[]layout.Span{{Text: "a "}, {Text: "b", Style: layout.Italic}}},
		{"emphasis inside emphasis turns roman",
			[]Inline{{Kind: Emph, Children: []Inline{Str("a "), {Kind: Emph, Children: []Inline{Str("b")}}}}},
			[]layout.Span{{Text: "a ", Style: layout.Italic}, {Text: "b", Style: layout.Roman}}},
		{"strong emphasis", []Inline{{Kind: Strong, Children: []Inline{{Kind: Emph, Children: []Inline{Str("x")}}}}},
			[]layout.Span{{Text: "x", Style: layout.BoldItalic}}},
		{"note reference", []Inline{Str("word"), {Kind: NoteRef, Text: "3", Target: "note-3"}},
			[]layout.Span{{Text: "word"}, {Text: "3", Super: true, Link: "#note-3"}}},
		{"link", []Inline{{Kind: Link, Target: "https://example.org", Children: []Inline{Str("here")}}},
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
	in := []Block{
		{ID: "a", Kind: Salutation, Inlines: []Inline{Str("Dear Comrades,")}},
		{ID: "b", Kind: Paragraph, Inlines: []Inline{Str("First.")}},
		{ID: "c", Kind: Paragraph, Inlines: []Inline{Str("Second.")}},
		{ID: "d", Kind: BlockQuote, Children: []Block{{ID: "e", Kind: Paragraph, Inlines: []Inline{Str("Quoted.")}}}},
		{ID: "f", Kind: List, Attr: Attr{{"ordered", "true"}}, Children: []Block{
			{ID: "g", Kind: ListItem, Children: []Block{{ID: "h", Kind: Paragraph, Inlines: []Inline{Str("One.")}}}},
			{ID: "i", Kind: ListItem, Children: []Block{{ID: "j", Kind: Paragraph, Inlines: []Inline{Str("Two.")}}}},
		}},
		{ID: "k", Kind: Signature, Inlines: []Inline{Str("The Committee")}},
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
