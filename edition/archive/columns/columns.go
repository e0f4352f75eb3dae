// Package columns reads a typewritten table: lines whose columns a typist
// lined up with runs of spaces ("  Ships.     Guns.     Cost of one." over
// "    6     -   100   -    35,553"), or parted with tabs, cut into cells.
// Read as lines, such columns run together into a list of numbers; read
// as a table, each cell keeps its column in both editions.
//
// A column boundary is a run of columns blank in every line, and at least
// two spaces wide in every line that has words on both sides of it: a
// single space between two words is a word space, never a column rule, so
// verse and prose (whose lines share blank columns by chance, but only
// between words) are never cut into cells.
package columns

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinRows is the fewest lines a typewritten table has: two lines lined up
// by chance (an address beside a date) are not a table.
const MinRows = 3

// maxColumns bounds the columns: more is a page of figures set in a grid
// a reading system cannot show as a table either.
const maxColumns = 8

// Table is a typewritten table: its cells, row by row (a cell without
// text is ""), each column's alignment ("left" or "right"), and whether
// its first row heads the columns.
type Table struct {
	Cells [][]string
	Align []string
	Head  bool
}

// Read reads lines, as written (tabs and all), as a table, or reports
// that they are not one.
func Read(lines []string) (Table, bool) {
	if len(lines) < MinRows {
		return Table{}, false
	}
	var cells [][]string
	var aligns []string
	if tabbed(lines) {
		cells, aligns = tabCells(lines)
	} else {
		rows := make([][]rune, len(lines))
		width := 0
		for i, l := range lines {
			rows[i] = expandTabs(l)
			width = max(width, len(rows[i]))
		}
		cols := columnsOf(rows, width)
		if len(cols) < 2 || len(cols) > maxColumns {
			return Table{}, false
		}
		cells = make([][]string, len(rows))
		for i, row := range rows {
			cells[i] = make([]string, len(cols))
			for j, c := range cols {
				cells[i][j] = strings.Join(strings.Fields(string(row[min(c[0], len(row)):min(c[1], len(row))])), " ")
			}
		}
		aligns = alignments(rows, cols)
	}
	if !tableLike(cells) {
		return Table{}, false
	}
	head := headRow(cells)
	for j := range aligns {
		if figures(cells, j, head) {
			aligns[j] = "right"
		}
	}
	return Table{Cells: cells, Align: aligns, Head: head}, true
}

// tableLike reports whether cells read as a table: most rows hold two
// cells or more (a row with one is a caption or a total, which tables
// have), and the rows do not read on from one to the next as wrapped prose
// does (a row opening in lower case, "at noon.  It rained.", continues
// the line above).
func tableLike(cells [][]string) bool {
	if len(cells) == 0 || len(cells[0]) < 2 || len(cells[0]) > maxColumns {
		return false
	}
	full, runOn := 0, 0
	for i, row := range cells {
		filled, first := 0, ""
		for _, c := range row {
			if c != "" {
				if filled == 0 {
					first = c
				}
				filled++
			}
		}
		if filled >= 2 {
			full++
		}
		if r, _ := utf8.DecodeRuneInString(first); i > 0 && unicode.IsLower(r) {
			runOn++
		}
	}
	return full*2 >= len(cells) && runOn*2 <= len(cells)-1
}

// tabbed reports whether every line of b parts its fields by tabs: a
// table typed with the tab key, whose fields a short or long entry pushes
// to different tab stops, so that they line up by tab, not by column.
func tabbed(lines []string) bool {
	for _, l := range lines {
		if !strings.Contains(strings.TrimSpace(l), "\t") {
			return false
		}
	}
	return true
}

// tabCells parts each line of a tabbed table at its runs of tabs (and of
// two spaces or more), every row given as many cells as the widest.
func tabCells(lines []string) ([][]string, []string) {
	cells := make([][]string, len(lines))
	n := 0
	for i, l := range lines {
		for _, f := range fieldSep.Split(strings.TrimSpace(l), -1) {
			cells[i] = append(cells[i], strings.Join(strings.Fields(f), " "))
		}
		n = max(n, len(cells[i]))
	}
	for i := range cells {
		for len(cells[i]) < n {
			cells[i] = append(cells[i], "")
		}
	}
	aligns := make([]string, n)
	for j := range aligns {
		aligns[j] = "left"
	}
	return cells, aligns
}

var fieldSep = regexp.MustCompile(`\t[\t ]*| {2,}`)

// figures reports whether column j below the head holds figures only
// ("1,200", "£2,000", "35.5"), which line up on the right.
func figures(cells [][]string, j int, head bool) bool {
	n := 0
	for i, row := range cells {
		if i == 0 && head || row[j] == "" {
			continue
		}
		if !figureRe.MatchString(row[j]) {
			return false
		}
		n++
	}
	return n > 0
}

var figureRe = regexp.MustCompile(`^[£$€¥]?\s?[0-9][0-9,.\s]*%?$`)

// columnsOf returns the columns of the rows, each a [start, end) range of
// character positions, or nil when a boundary cannot be drawn.
func columnsOf(rows [][]rune, width int) [][2]int {
	blank := make([]bool, width)
	for c := range width {
		blank[c] = true
		for _, row := range rows {
			if c < len(row) && !unicode.IsSpace(row[c]) {
				blank[c] = false
				break
			}
		}
	}
	var cols [][2]int
	start := -1
	for c := 0; c <= width; c++ {
		if c < width && !blank[c] {
			if start < 0 {
				start = c
			}
			continue
		}
		if start < 0 {
			continue
		}
		// A blank run from c: a boundary when it is a column gap in every
		// row with words on both sides.
		end := c
		for end < width && blank[end] {
			end++
		}
		if end < width && !isColumnGap(rows, c, end) {
			c = end - 1
			continue
		}
		cols = append(cols, [2]int{start, c})
		start = -1
		c = end - 1
	}
	return cols
}

// isColumnGap reports whether the blank columns [from, to) are, in each row
// with text on both sides of them, part of a run of two spaces or more.
func isColumnGap(rows [][]rune, from, to int) bool {
	for _, row := range rows {
		if to >= len(row) {
			continue
		}
		left, right := from, to
		for left > 0 && unicode.IsSpace(row[left-1]) {
			left--
		}
		for right < len(row) && unicode.IsSpace(row[right]) {
			right++
		}
		if left == 0 || right == len(row) {
			continue // no text on one side in this row
		}
		if right-left < 2 {
			return false
		}
	}
	return true
}

// alignments tells each column's alignment: "right" when its cells end on
// one column and start on several (figures), else "left".
func alignments(rows [][]rune, cols [][2]int) []string {
	out := make([]string, len(cols))
	for j, c := range cols {
		starts, ends := map[int]bool{}, map[int]bool{}
		for _, row := range rows {
			s, e := -1, -1
			for k := c[0]; k < min(c[1], len(row)); k++ {
				if !unicode.IsSpace(row[k]) {
					if s < 0 {
						s = k
					}
					e = k
				}
			}
			if s >= 0 {
				starts[s], ends[e] = true, true
			}
		}
		out[j] = "left"
		if len(ends) == 1 && len(starts) > 1 {
			out[j] = "right"
		}
	}
	return out
}

// headRow reports whether the first row heads the columns: it holds no
// figure, and most rows below it do ("Ships. Guns. Cost of one." over
// rows of numbers).
func headRow(cells [][]string) bool {
	hasDigit := func(row []string) bool {
		return strings.ContainsFunc(strings.Join(row, ""), unicode.IsDigit)
	}
	if hasDigit(cells[0]) {
		return false
	}
	n := 0
	for _, row := range cells[1:] {
		if hasDigit(row) {
			n++
		}
	}
	return n*2 > len(cells)-1
}

// expandTabs returns a raw line's characters with its tabs expanded to the
// next stop of eight, as makeLine counts columns.
func expandTabs(s string) []rune {
	out := make([]rune, 0, utf8.RuneCountInString(s))
	for _, c := range s {
		if c == '\t' {
			for {
				out = append(out, ' ')
				if len(out)%8 == 0 {
					break
				}
			}
			continue
		}
		out = append(out, c)
	}
	return out
}
