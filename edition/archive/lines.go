package archive

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of the decoded source.
type line struct {
	num     int    // 1-based line number
	text    string // trimmed, inner runs of spaces and tabs collapsed
	indent  int    // leading white space in columns (tab stops every 8)
	width   int    // columns up to the last non-space character
	dropped bool
}

// splitLines makes the lines of the decoded text's raw lines. A line that ends a paragraph
// and then, after a long run of spaces, holds a short signature
// ("reformation.              COMMON SENSE.") is two lines with one
// number: typists set a signature on the last line when it fit.
func splitLines(raw []string) []line {
	lines := make([]line, 0, len(raw))
	for i, s := range raw {
		if head, tail, col, letterhead, ok := setOnSameLine(s); ok && (letterhead || i+1 >= len(raw) || isBlank(raw[i+1])) {
			h, t := makeLine(i+1, head), makeLine(i+1, strings.Repeat(" ", col)+tail)
			if letterhead {
				// The date first, so that the letterhead's lines stay
				// together.
				h, t = t, h
			}
			lines = append(lines, h, t)
			continue
		}
		lines = append(lines, makeLine(i+1, s))
	}
	return lines
}

// sameLineGap is the run of spaces that separates a paragraph's last
// words from a signature set on the same line: far more than any
// justified or sentence spacing.
const sameLineGap = "          "

// setOnSameLine splits s at its first inner run of sameLineGap or more
// spaces when the text before it ends a sentence and the text after it is
// a short display line, or when the text after it is a date beside a
// letterhead; col is the column the tail starts at.
func setOnSameLine(s string) (head, tail string, col int, letterhead, ok bool) {
	trimmed := strings.TrimLeft(s, " ")
	lead := len(s) - len(trimmed)
	i := strings.Index(trimmed, sameLineGap)
	if i <= 0 || strings.Contains(s, "\t") {
		return "", "", 0, false, false
	}
	j := i
	for j < len(trimmed) && trimmed[j] == ' ' {
		j++
	}
	head, tail = s[:lead+i], trimmed[j:]
	if tail == "" || strings.Contains(tail, "  ") {
		return "", "", 0, false, false
	}
	// A letterhead beside its date: "MINISTÈRE        «Paris, 14 avril 1831."
	letterhead = isDateline(strings.TrimLeft(tail, "«»\"“„")) && wordCount(head) <= 4
	if !letterhead && (wordCount(tail) > 5 || !endsSentence(head)) {
		return "", "", 0, false, false
	}
	return head, tail, lead + j, letterhead, true
}

// makeLine measures a raw line and collapses its white space.
func makeLine(num int, s string) line {
	if l, ok := makePlainLine(num, s); ok {
		return l
	}
	l := line{num: num}
	col := 0
	started := false
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '\t' {
			col += 8 - col%8
		} else {
			col++
		}
		if r == ' ' || r == '\t' || r == '\f' || r == '\v' || r == '\u3000' {
			if !started {
				l.indent = col
			} else {
				space = true
			}
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		started = true
		b.WriteRune(r)
		l.width = col
	}
	l.text = b.String()
	if !started {
		l.indent = 0
	}
	return l
}

// makePlainLine is makeLine for the common line that needs no
// collapsing (no tabs, no inner runs of spaces), without copying its text:
// most lines of a text are such, and reading is the first thing every
// build does.
func makePlainLine(num int, s string) (line, bool) {
	lead := 0
	for lead < len(s) && s[lead] == ' ' {
		lead++
	}
	end := len(s)
	for end > lead && s[end-1] == ' ' {
		end--
	}
	if lead == end {
		return line{num: num}, !strings.ContainsAny(s, "\t\f\v\u3000")
	}
	text := s[lead:end]
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\t' || c == '\f' || c == '\v' || c == 0xe3: // 0xe3 opens U+3000 in UTF-8, among others
			return line{}, false
		case c == ' ' && text[i+1] == ' ':
			return line{}, false
		}
	}
	return line{num: num, text: text, indent: lead, width: lead + utf8.RuneCountInString(text)}, true
}

// isBlank reports a raw line of nothing but white space.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// wordCount is len(strings.Fields(s)) without the slice.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// nextNonBlank returns the index of the first line from i on that is not
// blank, or -1.
func nextNonBlank(lines []line, i int) int {
	for ; i < len(lines); i++ {
		if lines[i].text != "" {
			return i
		}
	}
	return -1
}
