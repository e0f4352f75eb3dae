package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file recognises pandoc's inline syntax that goldmark lacks: TeX
// math between dollars, citations, superscripts and subscripts, and the
// brackets of spans and inline notes. Each function reads the bytes of a
// paragraph from a trigger character on, as pandoc's manual describes the
// construct, and knows nothing of goldmark.

// mathSpan reads TeX math at the start of s, which starts with '$'
// (pandoc's tex_math_dollars): "$$...$$" is display math and may span
// lines, but not a blank one; "$...$" is inline math, whose opening dollar
// has a non-space character right after it and whose closing dollar has a
// non-space character right before it and no digit right after it, so
// that "$20 and $30" is no formula. A backslash escapes the character after
// it. It returns the TeX, whether it is display math, and the bytes read.
func mathSpan(s []byte) (tex string, display bool, n int, ok bool) {
	if len(s) < 2 || s[0] != '$' {
		return "", false, 0, false
	}
	if s[1] == '$' {
		for i := 2; i+1 < len(s); i++ {
			switch {
			case s[i] == '\\':
				i++
			case s[i] == '\n' && blankLineAt(s, i+1):
				return "", false, 0, false
			case s[i] == '$' && s[i+1] == '$':
				body := strings.TrimSpace(string(s[2:i]))
				if body == "" {
					return "", false, 0, false
				}
				return body, true, i + 2, true
			}
		}
		return "", false, 0, false
	}
	if isMathSpace(s[1]) {
		return "", false, 0, false
	}
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case s[i] == '\n' && blankLineAt(s, i+1):
			return "", false, 0, false
		case s[i] == '$':
			if isMathSpace(s[i-1]) || i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				continue
			}
			return string(s[1:i]), false, i + 1, true
		}
	}
	return "", false, 0, false
}

func isMathSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// blankLineAt reports whether the line starting at s[i] is blank.
func blankLineAt(s []byte, i int) bool {
	for ; i < len(s) && s[i] != '\n'; i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return false
		}
	}
	return true
}

// scriptSpan reads a superscript ("^2^") or subscript ("~2~") at the start
// of s, which starts with mark: pandoc's rule is that the text between the
// marks holds no unescaped space. A doubled "~~" opens strikethrough, not
// a subscript. It returns the text between the marks and the bytes read.
func scriptSpan(s []byte, mark byte) (string, int, bool) {
	if len(s) < 3 || s[0] != mark || s[1] == mark || s[1] == ' ' {
		return "", 0, false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			i++
		case c == ' ' || c == '\t' || c == '\n':
			return "", 0, false
		case c == mark:
			if i == 1 {
				return "", 0, false
			}
			return string(s[1:i]), i + 1, true
		}
	}
	return "", 0, false
}

// bracketed reads balanced square brackets at the start of s (which starts
// with '['), skipping backslash escapes and code spans, and returns the
// text between them and the bytes read through the closing bracket.
func bracketed(s []byte) (string, int, bool) {
	if len(s) == 0 || s[0] != '[' {
		return "", 0, false
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '`':
			// a code span: skip to the closing run of as many backticks
			j := i
			for j < len(s) && s[j] == '`' {
				j++
			}
			run := string(s[i:j])
			if k := strings.Index(string(s[j:]), run); k >= 0 {
				i = j + k + len(run) - 1
			} else {
				i = j - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return string(s[1:i]), i + 1, true
			}
		case '\n':
			if blankLineAt(s, i+1) {
				return "", 0, false
			}
		}
	}
	return "", 0, false
}

// citation is one work cited: [see @marx1887, p. 12] has the prefix
// "see", the key "marx1887" and the locator "p. 12"; [-@marx1887] leaves
// the author's name out.
type citation struct {
	key      string
	prefix   string
	locator  string
	noAuthor bool
}

// citationGroup reads the text inside the brackets of a bracketed citation
// ("see @a, p. 12; @b"): every part between semicolons must cite one key.
func citationGroup(s string) ([]citation, bool) {
	var out []citation
	for _, part := range strings.Split(s, ";") {
		at := -1
		for i := 0; i < len(part); i++ {
			if part[i] == '@' && (i == 0 || !isKeyByte(part[i-1])) {
				at = i
				break
			}
		}
		if at < 0 {
			return nil, false
		}
		key, n := citationKey(part[at+1:])
		if key == "" {
			return nil, false
		}
		c := citation{key: key}
		pre := part[:at]
		if strings.HasSuffix(pre, "-") {
			c.noAuthor = true
			pre = pre[:len(pre)-1]
		}
		c.prefix = strings.TrimSpace(pre)
		loc := strings.TrimSpace(part[at+1+n:])
		loc = strings.TrimSpace(strings.TrimPrefix(loc, ","))
		c.locator = loc
		out = append(out, c)
	}
	return out, len(out) > 0
}

// citationKey reads a citation key: it starts with a letter, digit or _
// and goes on with those and internal punctuation (:.#$%&-+?<>~/), which
// may not end it; "{...}" encloses any other key (pandoc's manual,
// "Citation syntax"). It returns the key and the bytes read.
func citationKey(s string) (string, int) {
	if strings.HasPrefix(s, "{") {
		if end := strings.IndexByte(s, '}'); end > 1 {
			return s[1:end], end + 1
		}
		return "", 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
		return "", 0
	}
	end := 0
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			end = i + utf8.RuneLen(r)
			continue
		}
		if strings.ContainsRune(":.#$%&-+?<>~/", r) {
			continue
		}
		break
	}
	return s[:end], end
}

// isKeyByte reports whether c could come before an '@' in a word (an email
// address), which then opens no citation.
func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}
