package archive

// Tables: a block whose lines the writer broke and lined up in columns is
// a table (edition/archive/columns reads the columns).

import (
	"strings"

	"github.com/bindery-editions/bindery/edition/archive/columns"
	"github.com/bindery-editions/bindery/edition/model"
)

// tableOf reads block b, whose lines the writer broke, as a table when its
// lines fall into columns; at is the block's index, for its notes.
func (r *reader) tableOf(b *block, at int) (model.Block, bool) {
	if len(b.lines) < columns.MinRows || r.raw == nil {
		return model.Block{}, false
	}
	lines := make([]string, len(b.lines))
	for i, l := range b.lines {
		if i > 0 && l.num == b.lines[i-1].num || l.num < 1 || l.num > len(r.raw) {
			return model.Block{}, false // a line split in two (setOnSameLine)
		}
		lines[i] = r.raw[l.num-1]
	}
	tab, ok := columns.Read(lines)
	if !ok {
		return model.Block{}, false
	}
	t := model.Block{Kind: model.Table, Line: b.first().num}
	t.Attr = t.Attr.Set("align", strings.Join(tab.Align, ","))
	for i, rc := range tab.Cells {
		row := model.Block{Kind: model.TableRow, Line: b.lines[i].num}
		if i == 0 && tab.Head {
			row.Attr = model.Attr{{Key: "head", Value: "true"}}
		}
		for _, c := range rc {
			cell := model.Block{Kind: model.TableCell, Line: b.lines[i].num}
			if c != "" {
				cell.Inlines = r.parseInlines(c, at, true)
			}
			row.Children = append(row.Children, cell)
		}
		t.Children = append(t.Children, row)
	}
	return t, true
}
