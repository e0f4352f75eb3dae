// Package pandoctable recognises, in lines of text, the tables of pandoc's
// Markdown that goldmark does not read: simple, multiline and grid tables,
// and pipe tables that open with their alignment row and have no header
// (kramdown writes them). The rules are those of pandoc's manual
// ("Tables"). Each recogniser works on the lines of the source from the
// table's first line on and reports how many it used; it knows nothing of
// goldmark, and the cells it returns are Markdown text, which the Markdown
// reader reads.
package pandoctable

import "strings"

// Table is a table as written: its columns' alignments, its header and
// body rows of cells, and a caption written with it ("Table: ...").
type Table struct {
	Align   []byte // per column: 'l', 'c', 'r' or 'd' (default)
	Widths  []int  // per column: the width written, for multiline and grid tables; nil otherwise
	Head    [][]Cell
	Body    [][]Cell
	Caption string
}

// Cell is one cell's Markdown and the line (0-based, counted from the
// table's first line) its text starts on.
type Cell struct {
	Text string
	Line int
}

// Recogniser reads a table at lines[0]: the table and the lines it takes,
// a caption after it included, or false.
type Recogniser func(lines []string) (Table, int, bool)

// Recognisers returns the recognisers worth trying at a block whose first
// two lines are first and second (none when no table can start there),
// and after how many blank lines the table and its caption have surely
// ended (0: they may hold any number), so that a parser trying it at
// every block reads no further than it must.
func Recognisers(first, second string) ([]Recogniser, int) {
	t := strings.TrimSpace(first)
	var try []Recogniser
	switch {
	case strings.HasPrefix(t, "+"):
		try = append(try, gridTable)
	case strings.HasPrefix(t, "|"):
		try = append(try, headlessPipeTable)
	case fullDashes(first):
		try = append(try, multilineTable)
	default:
		if _, ok := dashSegments(first, true); ok {
			try = append(try, multilineTable, simpleTable)
		} else if _, ok := dashSegments(second, false); ok {
			try = append(try, simpleTable)
		}
	}
	if len(try) == 0 {
		return nil, 0
	}
	// Every table but a multiline one ends at a blank line, a caption
	// after it at the next.
	blanks := 2
	if fullDashes(first) || strings.HasPrefix(t, "-") {
		blanks = 0
	}
	return try, blanks
}

// AlignmentRow reports whether l is a pipe table's alignment row
// ("|---:|:---|").
func AlignmentRow(l string) bool {
	_, ok := pipeAligns(l)
	return ok
}

// isBlank reports whether a line holds nothing but spaces.
func isBlank(l string) bool { return strings.TrimSpace(l) == "" }

// runeCols converts a line to runes, so that columns count characters, as
// pandoc counts them, not bytes.
func runeCols(l string) []rune { return []rune(strings.ReplaceAll(l, "\t", "    ")) }

// slice returns the characters of l from column a up to column b (b < 0: to
// the end), trimmed.
func slice(l []rune, a, b int) string {
	if a >= len(l) {
		return ""
	}
	if b < 0 || b > len(l) {
		b = len(l)
	}
	if a < 0 {
		a = 0
	}
	return strings.TrimSpace(string(l[a:b]))
}

// dashSegments reads a line of dashes parted by spaces, as under a simple
// table's header: the columns each run of dashes spans. It reports false for
// any other line, and for a line of one run (a thematic break or a
// multiline table's border) when more is false.
func dashSegments(l string, more bool) ([][2]int, bool) {
	// Most lines are text: refuse them before converting anything.
	if strings.Trim(l, " \t-") != "" || !strings.Contains(l, "---") {
		return nil, false
	}
	r := runeCols(strings.TrimRight(l, " \t"))
	var segs [][2]int
	for i := 0; i < len(r); {
		switch r[i] {
		case ' ':
			i++
		case '-':
			j := i
			for j < len(r) && r[j] == '-' {
				j++
			}
			segs = append(segs, [2]int{i, j})
			i = j
		default:
			return nil, false
		}
	}
	if len(segs) == 0 || len(segs) == 1 && !more {
		return nil, false
	}
	for _, s := range segs {
		if s[1]-s[0] < 3 && len(segs) > 1 {
			// "- - -" is a thematic break, not columns.
			return nil, false
		}
	}
	return segs, true
}

// fullDashes reports whether l is one run of three or more dashes: the top
// and bottom border of a multiline table.
func fullDashes(l string) bool {
	t := strings.TrimRight(l, " \t")
	return len(t) >= 3 && strings.Trim(t, "-") == "" && !strings.HasPrefix(l, " ")
}

// alignOf decides a column's alignment from where its header (or first
// row) text sits over its dashes (pandoc's manual, "Simple tables").
func alignOf(l []rune, seg [2]int, next int) byte {
	text := slice(l, seg[0], next)
	if text == "" {
		return 'd'
	}
	start := seg[0]
	for start < len(l) && l[start] == ' ' {
		start++
	}
	end := min(len(l), max(next, seg[1]))
	for end > start && (end > len(l) || l[end-1] == ' ') {
		end--
	}
	flushLeft, flushRight := start == seg[0], end == seg[1]
	switch {
	case flushLeft && flushRight:
		return 'd'
	case flushLeft:
		return 'l'
	case flushRight:
		return 'r'
	case start > seg[0] && end < seg[1]:
		return 'c'
	}
	return 'd'
}

// cellsOf cuts a row line at the columns' starts: a cell runs from its
// column's first dash to the next column's first dash, the last to the end
// of the line, as pandoc reads a simple table.
func cellsOf(l string, segs [][2]int, line int) []Cell {
	r := runeCols(l)
	cells := make([]Cell, len(segs))
	for i, s := range segs {
		end := -1
		if i+1 < len(segs) {
			end = segs[i+1][0]
		}
		start := s[0]
		if i == 0 {
			start = 0
		}
		cells[i] = Cell{Text: slice(r, start, end), Line: line}
	}
	return cells
}

// captionAt reads a caption paragraph "Table: ..." or ": ..." starting at
// lines[i] and returns it and the lines it takes, or "" and 0.
func captionAt(lines []string, i int) (string, int) {
	if i >= len(lines) {
		return "", 0
	}
	l := strings.TrimSpace(lines[i])
	var rest string
	switch {
	case strings.HasPrefix(l, "Table:"):
		rest = l[len("Table:"):]
	case strings.HasPrefix(l, ": ") || l == ":":
		rest = l[1:]
	default:
		return "", 0
	}
	parts := []string{strings.TrimSpace(rest)}
	n := 1
	for i+n < len(lines) && !isBlank(lines[i+n]) {
		parts = append(parts, strings.TrimSpace(lines[i+n]))
		n++
	}
	return strings.Join(parts, " "), n
}

// withCaption looks for a caption after a table that ended at lines[end]
// (a blank line or the end of the source): it must follow one blank line.
func withCaption(t *Table, lines []string, end int) int {
	if end < len(lines) && isBlank(lines[end]) {
		if c, n := captionAt(lines, end+1); n > 0 {
			t.Caption = c
			return end + 1 + n
		}
	}
	return end
}

// simpleTable recognises a simple table at lines[0]: a header line over a
// line of dashed column segments, then rows, one a line, to a blank line;
// or, without a header, a dashed line, rows and a closing dashed line.
func simpleTable(lines []string) (Table, int, bool) {
	var t Table
	if len(lines) < 3 || isBlank(lines[0]) {
		return t, 0, false
	}
	if segs, ok := dashSegments(lines[0], false); ok {
		// Headerless: rows until a dashed line like the first.
		end := -1
		for i := 1; i < len(lines) && !isBlank(lines[i]); i++ {
			if _, ok := dashSegments(lines[i], false); ok {
				end = i
				break
			}
		}
		if end < 2 || end+1 < len(lines) && !isBlank(lines[end+1]) {
			return t, 0, false
		}
		first := runeCols(lines[1])
		for i, s := range segs {
			next := -1
			if i+1 < len(segs) {
				next = segs[i+1][0]
			}
			t.Align = append(t.Align, alignOf(first, s, next))
		}
		for i := 1; i < end; i++ {
			t.Body = append(t.Body, cellsOf(lines[i], segs, i))
		}
		return t, withCaption(&t, lines, end+1), true
	}
	segs, ok := dashSegments(lines[1], false)
	if !ok || isBlank(lines[0]) || strings.HasPrefix(strings.TrimSpace(lines[0]), "|") {
		return t, 0, false
	}
	head := runeCols(lines[0])
	for i, s := range segs {
		next := -1
		if i+1 < len(segs) {
			next = segs[i+1][0]
		}
		t.Align = append(t.Align, alignOf(head, s, next))
	}
	t.Head = [][]Cell{cellsOf(lines[0], segs, 0)}
	i := 2
	for ; i < len(lines) && !isBlank(lines[i]); i++ {
		if _, ok := dashSegments(lines[i], false); ok {
			// A closing dashed line is allowed.
			i++
			break
		}
		t.Body = append(t.Body, cellsOf(lines[i], segs, i))
	}
	if len(t.Body) == 0 {
		return t, 0, false
	}
	return t, withCaption(&t, lines, i), true
}

// multilineTable recognises a multiline table: a border of dashes, header
// lines, dashed column segments, rows parted by blank lines, and a closing
// border; or, without a header, dashed segments, rows and a border of
// dashes.
func multilineTable(lines []string) (Table, int, bool) {
	var t Table
	if len(lines) < 4 {
		return t, 0, false
	}
	var segs [][2]int
	var headLines []string
	start := 0
	switch {
	case fullDashes(lines[0]):
		i := 1
		for i < len(lines) && !isBlank(lines[i]) {
			if s, ok := dashSegments(lines[i], true); ok && !fullDashes(lines[i]) || ok && i > 1 {
				segs = s
				break
			}
			headLines = append(headLines, lines[i])
			i++
		}
		if segs == nil || len(headLines) == 0 || i >= len(lines) {
			return t, 0, false
		}
		start = i + 1
	default:
		s, ok := dashSegments(lines[0], true)
		if !ok {
			return t, 0, false
		}
		segs, start = s, 1
	}
	// The rows: blocks of lines parted by blank lines, to a line of dashes.
	end := -1
	for i := start; i < len(lines); i++ {
		if fullDashes(lines[i]) {
			end = i
			break
		}
		if isBlank(lines[i]) && (i+1 >= len(lines) || isBlank(lines[i+1])) {
			return t, 0, false // two blank lines end the text before any border
		}
	}
	if end < 0 || end == start {
		return t, 0, false
	}
	firstRow := lines[start]
	if len(headLines) > 0 {
		firstRow = headLines[0]
	}
	fr := runeCols(firstRow)
	for i, s := range segs {
		next := -1
		if i+1 < len(segs) {
			next = segs[i+1][0]
		}
		t.Align = append(t.Align, alignOf(fr, s, next))
		t.Widths = append(t.Widths, s[1]-s[0])
	}
	block := func(ls []string, first int) []Cell {
		cells := make([]Cell, len(segs))
		for c := range segs {
			var parts []string
			for _, l := range ls {
				r := runeCols(l)
				end := -1
				if c+1 < len(segs) {
					end = segs[c+1][0]
				}
				from := segs[c][0]
				if c == 0 {
					from = 0
				}
				if p := slice(r, from, end); p != "" {
					parts = append(parts, p)
				}
			}
			cells[c] = Cell{Text: strings.Join(parts, "\n"), Line: first}
		}
		return cells
	}
	if len(headLines) > 0 {
		t.Head = [][]Cell{block(headLines, 1)}
	}
	var cur []string
	curStart := start
	for i := start; i <= end; i++ {
		if i == end || isBlank(lines[i]) {
			if len(cur) > 0 {
				t.Body = append(t.Body, block(cur, curStart))
			}
			cur, curStart = nil, i+1
			continue
		}
		cur = append(cur, lines[i])
	}
	if len(t.Body) == 0 {
		return t, 0, false
	}
	return t, withCaption(&t, lines, end+1), true
}

// gridTable recognises a grid table: rows of cells drawn with +, - and |,
// a row of = under the header; colons in a separator line give alignment.
// Cells hold Markdown blocks. Cells that span columns or rows are not
// read: such a table is left to be read as text.
func gridTable(lines []string) (Table, int, bool) {
	var t Table
	if len(lines) < 3 {
		return t, 0, false
	}
	top := strings.TrimRight(lines[0], " \t")
	if !gridBorder(top) {
		return t, 0, false
	}
	var bounds []int // the columns of the '+' of the top border
	for i, c := range runeCols(top) {
		if c == '+' {
			bounds = append(bounds, i)
		}
	}
	if len(bounds) < 2 || bounds[0] != 0 {
		return t, 0, false
	}
	ncol := len(bounds) - 1
	t.Align = gridAligns(top, bounds)
	for c := 0; c < ncol; c++ {
		t.Widths = append(t.Widths, bounds[c+1]-bounds[c]-1)
	}
	var rows [][]Cell
	headRows := -1
	var cur [][]string
	curLine := 1
	i := 1
	for ; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \t")
		r := runeCols(l)
		if gridBorder(l) {
			if len(r)-1 != bounds[ncol] {
				return t, 0, false
			}
			for _, b := range bounds {
				if b >= len(r) || r[b] != '+' {
					return t, 0, false
				}
			}
			if cur == nil {
				return t, 0, false
			}
			row := make([]Cell, ncol)
			for c := range row {
				row[c] = Cell{Text: strings.Join(trimBlock(cur[c]), "\n"), Line: curLine}
			}
			rows = append(rows, row)
			cur = nil
			if strings.Contains(l, "=") {
				if headRows >= 0 {
					return t, 0, false
				}
				headRows = len(rows)
				t.Align = gridAligns(l, bounds)
			}
			curLine = i + 1
			next := ""
			if i+1 < len(lines) {
				next = strings.TrimLeft(lines[i+1], " ")
			}
			if !strings.HasPrefix(next, "|") {
				i++
				break
			}
			continue
		}
		if len(r) == 0 || r[0] != '|' || len(r)-1 != bounds[ncol] {
			return t, 0, false
		}
		if cur == nil {
			cur = make([][]string, ncol)
		}
		for c := 0; c < ncol; c++ {
			if r[bounds[c+1]] != '|' {
				return t, 0, false // a cell spanning columns
			}
			cur[c] = append(cur[c], string(r[bounds[c]+1:bounds[c+1]]))
		}
	}
	if cur != nil || len(rows) == 0 {
		return t, 0, false
	}
	if headRows > 0 {
		t.Head, t.Body = rows[:headRows], rows[headRows:]
	} else {
		t.Body = rows
	}
	return t, withCaption(&t, lines, i), true
}

// gridBorder reports whether l is a grid table's border or separator line.
func gridBorder(l string) bool {
	if len(l) < 3 || l[0] != '+' || l[len(l)-1] != '+' {
		return false
	}
	for _, c := range l {
		if c != '+' && c != '-' && c != '=' && c != ':' {
			return false
		}
	}
	return strings.ContainsAny(l, "-=")
}

// gridAligns reads alignment colons in a grid table's border line.
func gridAligns(l string, bounds []int) []byte {
	r := runeCols(l)
	out := make([]byte, len(bounds)-1)
	for c := range out {
		a, b := bounds[c]+1, bounds[c+1]-1
		left := a < len(r) && r[a] == ':'
		right := b < len(r) && b >= 0 && r[b] == ':'
		switch {
		case left && right:
			out[c] = 'c'
		case left:
			out[c] = 'l'
		case right:
			out[c] = 'r'
		default:
			out[c] = 'd'
		}
	}
	return out
}

// trimBlock removes the common indentation of a cell's lines and the blank
// lines around them.
func trimBlock(ls []string) []string {
	for len(ls) > 0 && isBlank(ls[0]) {
		ls = ls[1:]
	}
	for len(ls) > 0 && isBlank(ls[len(ls)-1]) {
		ls = ls[:len(ls)-1]
	}
	indent := -1
	for _, l := range ls {
		if isBlank(l) {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " "))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	out := make([]string, len(ls))
	for i, l := range ls {
		if len(l) >= indent && indent > 0 {
			l = l[indent:]
		}
		out[i] = strings.TrimRight(l, " ")
	}
	return out
}

// pipeRow splits a pipe table row into its cells' text.
func pipeRow(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimPrefix(l, "|")
	if strings.HasSuffix(l, "|") && !strings.HasSuffix(l, "\\|") {
		l = l[:len(l)-1]
	}
	var cells []string
	var b strings.Builder
	code := false
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c == '\\' && i+1 < len(l) && l[i+1] == '|':
			b.WriteByte('|')
			i++
		case c == '`':
			code = !code
			b.WriteByte(c)
		case c == '|' && !code:
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(cells, strings.TrimSpace(b.String()))
}

// pipeAligns reads a pipe table's alignment row ("|---:|:---|"), or false
// for any other line.
func pipeAligns(l string) ([]byte, bool) {
	t := strings.TrimSpace(l)
	if !strings.Contains(t, "-") || !strings.HasPrefix(t, "|") && !strings.Contains(t, "|") {
		return nil, false
	}
	var out []byte
	for _, c := range pipeRow(t) {
		if c == "" || strings.Trim(c, "-:") != "" || !strings.Contains(c, "-") {
			return nil, false
		}
		left, right := strings.HasPrefix(c, ":"), strings.HasSuffix(c, ":")
		switch {
		case left && right:
			out = append(out, 'c')
		case left:
			out = append(out, 'l')
		case right:
			out = append(out, 'r')
		default:
			out = append(out, 'd')
		}
	}
	return out, len(out) > 0
}

// headlessPipeTable recognises a pipe table that opens with its alignment
// row and has no header, as kramdown allows and GFM does not: the rows
// follow to the first line that is not a row.
func headlessPipeTable(lines []string) (Table, int, bool) {
	var t Table
	if len(lines) < 2 {
		return t, 0, false
	}
	aligns, ok := pipeAligns(lines[0])
	if !ok || !strings.HasPrefix(strings.TrimSpace(lines[0]), "|") {
		return t, 0, false
	}
	t.Align = aligns
	i := 1
	for ; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(l, "|") {
			break
		}
		cells := pipeRow(l)
		row := make([]Cell, len(aligns))
		for c := range row {
			if c < len(cells) {
				row[c] = Cell{Text: cells[c], Line: i}
			}
		}
		t.Body = append(t.Body, row)
	}
	if len(t.Body) == 0 {
		return t, 0, false
	}
	return t, withCaption(&t, lines, i), true
}
