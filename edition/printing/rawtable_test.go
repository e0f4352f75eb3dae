package printing

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/account"
	"github.com/bindery-editions/bindery/edition/model"

	"github.com/bindery-editions/bindery/layout/document"
)

// grid writes a table's rows as text: each cell's paragraphs joined by
// " / ", a cell spanning columns followed by its span, "" for an empty one.
func grid(rows [][]document.Cell) []string {
	var out []string
	for _, row := range rows {
		var cells []string
		for _, c := range row {
			var paras []string
			for _, p := range c.Paras {
				var b strings.Builder
				for _, sp := range p.Spans {
					b.WriteString(sp.Text)
				}
				paras = append(paras, b.String())
			}
			s := strings.Join(paras, " / ")
			if c.Span > 1 {
				s += fmt.Sprintf("(%d)", c.Span)
			}
			cells = append(cells, s)
		}
		out = append(out, strings.Join(cells, "|"))
	}
	return out
}

// TestRawTable checks that a block of raw HTML that is one table is set
// as a table, its cells spanning rows and columns in place, and that any
// other raw block is still set as a paragraph of its text.
func TestRawTable(t *testing.T) {
	for _, tc := range []struct {
		name, html, text string
		caption          string
		head, body       []string
		align            []document.Align
	}{
		{
			name: "editions from Wikisource",
			html: `<table><caption>Ausgaben</caption><tr><th>Jahr</th><th>Ausgabe</th><th>Ort</th></tr>` +
				`<tr><td rowspan="2">1798</td><td>Erste</td><td style="text-align: right">Leipzig</td></tr>` +
				`<tr><td>Zweite, <i>verbessert</i></td><td style="text-align: right">Wien</td></tr>` +
				`<tr><td>1801</td><td colspan="2">Nachdruck ohne Ort</td></tr></table>`,
			text:    " Ausgaben  Jahr Ausgabe Ort  1798 Erste Leipzig  Zweite, verbessert Wien  1801 Nachdruck ohne Ort ",
			caption: "Ausgaben",
			head:    []string{"Jahr|Ausgabe|Ort"},
			body:    []string{"1798|Erste|Leipzig", "|Zweite, verbessert|Wien", "1801|Nachdruck ohne Ort(2)"},
			align:   []document.Align{document.AlignLeft, document.AlignLeft, document.AlignRight},
		},
		{
			name: "a cell over two rows and two columns, in a wrapper, with a head and lines",
			html: `<div><table><thead><tr><td>A</td><td>B</td><td>C</td></tr></thead><tbody>` +
				`<tr><td rowspan="2" colspan="2">wide<br/>and tall</td><td>1</td></tr>` +
				`<tr><td>2</td></tr><tr><td>x</td><td><ul><li>one</li><li>two</li></ul></td><td>3</td></tr></tbody></table></div>`,
			text: " A B C  wide and tall 1  2  x  one two  3 ",
			head: []string{"A|B|C"},
			body: []string{"wide / and tall(2)|1", "(2)|2", "x|•\u00a0one / •\u00a0two|3"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := model.Block{ID: "raw", Kind: model.RawBlock, Attr: model.Attr{{Key: "html", Value: tc.html}}, Inlines: []model.Inline{model.Str(tc.text)}}
			out, _ := (printer{}).construct(b, 0)
			if len(out) != 1 || out[0].Table == nil {
				t.Fatalf("set as %+v, want a table", out)
			}
			tb := out[0].Table
			var caption strings.Builder
			for _, sp := range out[0].Spans {
				caption.WriteString(sp.Text)
			}
			if caption.String() != tc.caption {
				t.Errorf("caption %q, want %q", caption.String(), tc.caption)
			}
			if got := grid(tb.Head); !reflect.DeepEqual(got, tc.head) {
				t.Errorf("head %q, want %q", got, tc.head)
			}
			if got := grid(tb.Body); !reflect.DeepEqual(got, tc.body) {
				t.Errorf("body %q, want %q", got, tc.body)
			}
			if tc.align != nil && !reflect.DeepEqual(tb.Align, tc.align) {
				t.Errorf("alignments %v, want %v", tb.Align, tc.align)
			}
			// Every word of the block is set under its ID, each cell's
			// first word counted from where the one before left off.
			words, next := account.Words(caption.String()), account.Words(caption.String())
			for _, row := range append(append([][]document.Cell(nil), tb.Head...), tb.Body...) {
				for _, c := range row {
					for _, p := range c.Paras {
						if p.ID != "raw" || p.WordOffset != next {
							t.Errorf("paragraph %q under %q from word %d, want %q from %d", p.Spans[0].Text, p.ID, p.WordOffset, "raw", next)
						}
						var s strings.Builder
						for _, sp := range p.Spans {
							s.WriteString(sp.Text)
						}
						n := account.Words(s.String())
						words, next = words+n, next+n
					}
				}
			}
			if want := account.Words(tc.text); words != want {
				t.Errorf("%d words set, the block has %d", words, want)
			}
		})
	}
	// Raw blocks that are not one table keep their paragraph of text.
	for _, x := range []string{
		`<p>Before.</p><table><tr><td>a</td></tr></table>`,
		`<dl><dt>a</dt><dd>b</dd></dl>`,
		`<table><caption>No rows</caption></table>`,
	} {
		b := model.Block{ID: "raw", Kind: model.RawBlock, Attr: model.Attr{{Key: "html", Value: x}}, Inlines: []model.Inline{model.Str("the text")}}
		out, _ := (printer{}).construct(b, 0)
		if len(out) != 1 || out[0].Table != nil || out[0].Style != document.Body || out[0].Spans[0].Text != "the text" {
			t.Errorf("%s set as %+v, want a paragraph of its text", x, out)
		}
	}
}
