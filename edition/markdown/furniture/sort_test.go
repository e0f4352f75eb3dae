package furniture

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

// TestSortTakesTheReadersNames sorts blocks made by hand, with names
// given as the reader would give them: the endnotes made notes and the
// numbered paragraphs made headings take their numbers and identifiers
// from Names, after those of the document read so far.
func TestSortTakesTheReadersNames(t *testing.T) {
	para := func(line int, ins ...model.Inline) Item {
		return Item{Block: model.Block{Kind: model.Paragraph, Line: line, Inlines: ins}, End: line}
	}
	mark := func(target, id string) model.Inline {
		l := model.Inline{Kind: model.Link, Target: target, Children: []model.Inline{model.Str("[1]")}}
		if id != "" {
			l.Attr = l.Attr.Set("id", id)
		}
		return l
	}
	tests := []struct {
		name  string
		items []Item
		want  string // the body, the notes and the changes, one a line
	}{
		{"an endnote linked both ways",
			[]Item{
				para(1, model.Str("Treaties."), model.Inline{Kind: model.Superscript, Children: []model.Inline{mark("#n1", "")}}),
				para(3, mark("#n1.", "n1"), model.Str(" Du Mont, VII.")),
			},
			"body para 1: Treaties.{ref note-3:3}\nnote note-3 label=1 line 3: Du Mont, VII.\nmade a note notes 3-3\n"},
		{"numbered paragraphs in sequence",
			[]Item{para(1, model.Str("I. One.")), para(3, model.Str("Text.")), para(5, model.Str("II. Two.")), para(7, model.Str("Text."))},
			"body h1 #unique(auto(I. One.)) 1: I. One.\nbody para 3: Text.\nbody h1 #unique(auto(II. Two.)) 5: II. Two.\nbody para 7: Text.\n" +
				"made a heading numbered-headings 1-1 5-5\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			read := []model.Block{{Kind: model.Note, ID: "note-1", Line: 9}, {Kind: model.Note, ID: "note-2", Line: 10}}
			count := len(read)
			names := Names{
				NextNote: func() int { count++; return count },
				NoteID:   func(n int) string { return fmt.Sprintf("note-%d", n) },
				// The reader's own rules are its business: these show
				// what was asked of them, and that the full stop ending
				// a numbered heading's identifier is cut.
				AutoID:   func(text string) string { return "auto(" + text + ")." },
				UniqueID: func(base string) string { return "unique(" + base + ")" },
			}
			var log Log
			got := Sort(tt.items, read, "", names, &log)
			var b strings.Builder
			for _, blk := range got.Body {
				kind := blk.Kind.String()
				if blk.Kind == model.Heading {
					kind = fmt.Sprintf("h%d #%s", blk.Level, blk.ID)
				}
				fmt.Fprintf(&b, "body %s %d: %s\n", kind, blk.Line, inlines(blk.Inlines))
			}
			for _, n := range got.Notes {
				fmt.Fprintf(&b, "note %s label=%s line %d: %s\n", n.ID, n.Attr.Get("label"), n.Line, inlines(n.Children[0].Inlines))
			}
			for _, c := range log.List(func(int) bool { return false }) {
				fmt.Fprintf(&b, "%s %s", c.Kind.Action(), c.Kind)
				for _, r := range c.Lines {
					fmt.Fprintf(&b, " %d-%d", r.From, r.To)
				}
				b.WriteString("\n")
			}
			if b.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tt.want)
			}
		})
	}
}

// inlines writes inlines compactly: text as is, a note reference as
// {ref target:text}.
func inlines(ins []model.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch in.Kind {
		case model.NoteRef:
			fmt.Fprintf(&b, "{ref %s:%s}", in.Target, in.Text)
		default:
			b.WriteString(model.PlainText([]model.Inline{in}))
		}
	}
	return b.String()
}
