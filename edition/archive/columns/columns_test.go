package columns

import (
	"strings"
	"testing"
)

// TestRead reads lines as a typewritten table, or refuses them, and checks
// the cells (rows joined by " / ", cells by "|", a head row marked "H:")
// and the columns' alignments.
func TestRead(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		lines  string
		cells  string // "" when the lines are not a table
		aligns string
	}{
		{"figures under a head of words", "  Year      Cost      Builder\n  1850     £2,000     Smith\n  1851       £300     Jones",
			"H:Year|Cost|Builder / 1850|£2,000|Smith / 1851|£300|Jones", "right,right,left"},
		{"a column one row leaves empty", "  Wheat     1,200     a\n  Barley      840\n  Oats         95     c",
			"Wheat|1,200|a / Barley|840| / Oats|95|c", "left,right,left"},
		{"tabs part the fields, not their stops", "Name\tBorn\nMarx\t1818\nEngels\t1820", "H:Name|Born / Marx|1818 / Engels|1820", "left,right"},
		{"verse: blank columns shared only between words", "The wave comes in upon the shore,\n  And breaks, and is no more;\nThe wave goes out beyond the bar,", "", ""},
		{"prose with double spaces after its stops", "  He came.  She went.  They met\n  at noon.  It rained.  The day\n  was long.  Night fell.  Then", "", ""},
		{"two rows are too few", "  Wheat     1,200\n  Barley      840", "", ""},
	} {
		tab, ok := Read(strings.Split(tc.lines, "\n"))
		if tc.cells == "" {
			if ok {
				t.Errorf("%s: read as a table: %q", tc.name, tab.Cells)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: not read as a table", tc.name)
			continue
		}
		var rows []string
		for i, r := range tab.Cells {
			row := strings.Join(r, "|")
			if i == 0 && tab.Head {
				row = "H:" + row
			}
			rows = append(rows, row)
		}
		if got := strings.Join(rows, " / "); got != tc.cells {
			t.Errorf("%s: cells\n got %s\nwant %s", tc.name, got, tc.cells)
		}
		if got := strings.Join(tab.Align, ","); got != tc.aligns {
			t.Errorf("%s: aligns %s, want %s", tc.name, got, tc.aligns)
		}
	}
}
