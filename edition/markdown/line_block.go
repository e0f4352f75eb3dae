package markdown

import "strings"

// This file recognises pandoc's line blocks (pandoc's manual, "Line
// blocks") in the lines of the source; it knows nothing of goldmark.

// lineBlock recognises a line block: lines beginning "| " (or "|" alone),
// a line beginning with a space continuing the line before (pandoc's
// manual, "Line blocks"). It returns the lines with their leading spaces,
// which are kept, and how many source lines it used.
func lineBlock(lines []string) ([]string, int, bool) {
	var out []string
	i := 0
	for ; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \t")
		switch {
		case l == "|":
			out = append(out, "")
		case strings.HasPrefix(l, "| "):
			out = append(out, l[2:])
		case len(out) > 0 && strings.HasPrefix(lines[i], " ") && !isBlank(l):
			out[len(out)-1] += " " + strings.TrimSpace(l)
		default:
			return out, i, len(out) > 0
		}
	}
	return out, i, len(out) > 0
}

// leadingSpaces returns the count of spaces opening s.
func leadingSpaces(s string) int {
	n := 0
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}
