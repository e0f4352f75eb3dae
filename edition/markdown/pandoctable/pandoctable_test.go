package pandoctable

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// render writes a table compactly: alignments, widths, each row's cells
// as text@line, the caption, and the lines taken.
func render(t Table, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "align=%s widths=%v", t.Align, t.Widths)
	rows := func(label string, rs [][]Cell) {
		for _, r := range rs {
			var cells []string
			for _, c := range r {
				cells = append(cells, fmt.Sprintf("%q@%d", c.Text, c.Line))
			}
			fmt.Fprintf(&b, " %s[%s]", label, strings.Join(cells, " "))
		}
	}
	rows("head", t.Head)
	rows("body", t.Body)
	if t.Caption != "" {
		fmt.Fprintf(&b, " caption=%q", t.Caption)
	}
	fmt.Fprintf(&b, " lines=%d", n)
	return b.String()
}

// TestRecognisers reads each kind of table from its lines, through the
// recognisers chosen for its first two lines, as the Markdown reader
// does; "" wants no table.
func TestRecognisers(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"simple, with a caption", "  Right  Left\n-------  ------\n     12  ab\n    123  c\n\n: Small.\n\nText.",
			`align=rl widths=[] head["Right"@0 "Left"@0] body["12"@2 "ab"@2] body["123"@3 "c"@3] caption="Small." lines=6`},
		{"simple without a header", "-------  ------\n     12  ab\n-------  ------\n\nText.",
			`align=rl widths=[] body["12"@1 "ab"@1] lines=3`},
		{"simple, its cells cut at the columns' starts, text flush with both ends of its dashes", "Name   Place\n----   -----\nAda    London town\n",
			`align=dd widths=[] head["Name"@0 "Place"@0] body["Ada"@2 "London town"@2] lines=3`},
		{"multiline", "----------------------\n Name    Description\n------- --------------\n Ada     First of\n         two lines.\n\n Bo      One.\n----------------------\n",
			`align=cc widths=[7 14] head["Name"@1 "Description"@1] body["Ada"@3 "First of\ntwo lines."@3] body["Bo"@6 "One."@6] lines=8`},
		{"multiline, two blank lines before any border", "----------------------\n Name    Description\n------- --------------\n Ada     First of\n\n\nText.\n", ""},
		{"grid, with a caption", "+-----+------+\n| a   | - x  |\n|     | - y  |\n+=====+======+\n| 1   | two  |\n+-----+------+\n\nTable: Grid.\n",
			`align=dd widths=[5 6] head["a"@1 "- x\n- y"@1] body["1"@4 "two"@4] caption="Grid." lines=8`},
		{"grid, aligned by colons", "+:----+-----:+\n| a   | b    |\n+-----+------+\n",
			`align=lr widths=[5 6] body["a"@1 "b"@1] lines=3`},
		{"grid, a cell spanning columns", "+---+---+\n| a     |\n+---+---+\n", ""},
		{"pipe without a header", "|---:|:---|\n| a | = b |\n| | = c |\n\nText.",
			`align=rl widths=[] body["a"@1 "= b"@1] body[""@2 "= c"@2] lines=3`},
		{"a thematic break", "- - -\ntext\n", ""},
		{"a list", "- one\n- two\n", ""},
		{"a paragraph", "Some text\nmore text\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := strings.Split(tt.src, "\n")
			try, _ := Recognisers(lines[0], lines[1])
			got := ""
			for _, f := range try {
				if tab, n, ok := f(lines); ok {
					got = render(tab, n)
					break
				}
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestRecognisersChoice checks which recognisers are tried at a block's
// first two lines, and how far the reader must read for them.
func TestRecognisersChoice(t *testing.T) {
	name := func(f Recogniser) string {
		n := runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
		return n[strings.LastIndexByte(n, '.')+1:]
	}
	tests := []struct {
		first, second string
		want          string
		blanks        int
	}{
		{"+---+---+", "| a | b |", "gridTable", 2},
		{"| a | b |", "|---|---|", "headlessPipeTable", 2},
		{"------------", " Name  Place", "multilineTable", 0},
		{"-----  -----", " 12    ab", "multilineTable simpleTable", 0},
		{"Name   Place", "----   -----", "simpleTable", 2},
		{"Name   Place", "------------", "", 0},
		{"- - -", "text", "", 0},
		{"Some text", "more text", "", 0},
	}
	for _, tt := range tests {
		try, blanks := Recognisers(tt.first, tt.second)
		var names []string
		for _, f := range try {
			names = append(names, name(f))
		}
		if got := strings.Join(names, " "); got != tt.want || blanks != tt.blanks {
			t.Errorf("Recognisers(%q, %q) = %q, %d; want %q, %d", tt.first, tt.second, got, blanks, tt.want, tt.blanks)
		}
	}
}

func TestAlignmentRow(t *testing.T) {
	for l, want := range map[string]bool{
		"|---:|:---|": true, "| :-: | --- |": true, "---|---": true,
		"| a | b |": false, "|": false, "| - |x|": false, "-----": false,
	} {
		if got := AlignmentRow(l); got != want {
			t.Errorf("AlignmentRow(%q) = %v, want %v", l, got, want)
		}
	}
}
