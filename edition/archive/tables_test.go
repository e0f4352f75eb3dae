package archive

import (
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

// TestTables reads typewritten tables and blocks that only look like them,
// and checks the cells each table gets (rows joined by " / ", cells by
// "|", a head row marked "H:") and its column alignments.
func TestTables(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		lines  string
		cells  string // "" when the block must not be a table
		aligns string
	}{
		{
			name: "figures under a head row, with leader dashes",
			lines: `  Ships.     Guns.     Cost of one.        Cost of all
    6     -   100   -    35,553    -         213,318
   12     -    90   -    29,886    -         358,632
   43     -    70   -    17,785    -         764,755`,
			// The head "Cost of one." runs over the third dash's column,
			// which so stays in the cost's cell.
			cells:  "H:Ships.||Guns.||Cost of one.|Cost of all / 6|-|100|-|35,553 -|213,318 / 12|-|90|-|29,886 -|358,632 / 43|-|70|-|17,785 -|764,755",
			aligns: "right,left,right,left,left,right",
		},
		{
			name: "words in the first column, figures in the second, no head",
			lines: `  Wheat          1,200
  Barley           840
  Oats              95`,
			cells:  "Wheat|1,200 / Barley|840 / Oats|95",
			aligns: "left,right",
		},
		{
			name:   "a tab between the columns",
			lines:  "  Name\tBorn\n  Marx\t1818\n  Engels\t1820",
			cells:  "H:Name|Born / Marx|1818 / Engels|1820",
			aligns: "left,right",
		},
		{
			name: "verse whose lines share blank columns between words is not a table",
			lines: `    The wave comes in upon the shore,
      And breaks, and is no more;
    The wave goes out beyond the bar,
      Beneath the evening star.`,
		},
		{
			name: "a list of short lines is not a table",
			lines: `   1st, On the sum itself.
   2d, On the several quotas.
   3d, On the manner of collection.`,
		},
		{
			name: "two lines lined up are too few",
			lines: `  Wheat          1,200
  Barley           840`,
		},
		{
			name: "double spaces after full stops in lines of prose are not columns",
			lines: `  He came.  She went.  They met
  at noon.  It rained.  The day
  was long.  Night fell.  Then`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := lorem + "\nAs follows:\n\n" + tc.lines + "\n\n" + lorem + "\n"
			src, err := Read("case.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			table := findTable(src)
			if tc.cells == "" {
				if table != nil {
					t.Fatalf("read as a table: %s", tableCells(table))
				}
				return
			}
			if table == nil {
				var b strings.Builder
				_ = model.DumpOutline(&b, src)
				t.Fatalf("no table read:\n%s", b.String())
			}
			if got := tableCells(table); got != tc.cells {
				t.Errorf("cells\n got %s\nwant %s", got, tc.cells)
			}
			if got := table.Attr.Get("align"); got != tc.aligns {
				t.Errorf("aligns %q, want %q", got, tc.aligns)
			}
		})
	}
}

func findTable(src *model.Source) *model.Block {
	var found *model.Block
	var walk func(bs []model.Block)
	walk = func(bs []model.Block) {
		for i := range bs {
			if bs[i].Kind == model.Table && found == nil {
				found = &bs[i]
			}
			walk(bs[i].Children)
		}
	}
	for _, s := range src.Sections {
		walk(s.Blocks)
	}
	return found
}

func tableCells(t *model.Block) string {
	var rows []string
	for _, r := range t.Children {
		var cells []string
		for _, c := range r.Children {
			cells = append(cells, model.PlainText(c.Inlines))
		}
		row := strings.Join(cells, "|")
		if r.Attr.Get("head") == "true" {
			row = "H:" + row
		}
		rows = append(rows, row)
	}
	return strings.Join(rows, " / ")
}
