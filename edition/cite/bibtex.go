package cite

import (
	"fmt"
	"strings"
	"unicode"
)

// This file reads BibTeX: @type{key, field = {value}, field = "value",
// field = 1887, field = abbreviation # "text"}, with @string
// abbreviations, @comment and @preamble skipped, and the TeX a value holds
// (accents such as {\"o}, dashes, braces that keep capitals) turned into
// the characters it stands for. Names are read as BibTeX reads them:
// "Last, First", "First von Last", "Last, Jr, First", parted by " and ".

// ParseBibTeX reads a BibTeX file; file names it in errors, which give
// its line.
func ParseBibTeX(file string, data []byte) ([]Entry, error) {
	p := &bibParser{file: file, src: string(data), line: 1, strings: map[string]string{
		"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
		"jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
	}}
	var out []Entry
	for {
		at := strings.IndexByte(p.src[p.pos:], '@')
		if at < 0 {
			return out, nil
		}
		p.advance(at + 1)
		typ := strings.ToLower(p.ident())
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != '{' && p.src[p.pos] != '(' {
			continue // an @ in a comment between entries
		}
		closer := byte('}')
		if p.src[p.pos] == '(' {
			closer = ')'
		}
		startLine := p.line
		p.advance(1)
		switch typ {
		case "comment", "preamble":
			if err := p.skipGroup(closer); err != nil {
				return nil, err
			}
			continue
		case "string":
			name := strings.ToLower(p.ident())
			p.skipSpace()
			if !p.eat('=') {
				return nil, p.errorf("@string %s: expected =", name)
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			p.strings[name] = v
			p.skipSpace()
			p.eat(closer)
			continue
		}
		p.skipSpace()
		key := p.until(",", closer)
		if key == "" {
			return nil, p.errorf("@%s has no key", typ)
		}
		e := Entry{Key: strings.TrimSpace(key), Type: typ, Line: startLine, fields: map[string]string{}}
		for {
			p.skipSpace()
			if p.eat(closer) {
				break
			}
			if !p.eat(',') && p.pos >= len(p.src) {
				return nil, fmt.Errorf("%s:%d: entry %q is never closed", file, startLine, e.Key)
			}
			p.skipSpace()
			if p.eat(closer) {
				break
			}
			name := strings.ToLower(p.ident())
			if name == "" {
				return nil, p.errorf("entry %q: expected a field name", e.Key)
			}
			p.skipSpace()
			if !p.eat('=') {
				return nil, p.errorf("entry %q, field %s: expected =", e.Key, name)
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			e.fields[name] = v
		}
		e.fromFields()
		out = append(out, e)
	}
}

type bibParser struct {
	file    string
	src     string
	pos     int
	line    int
	strings map[string]string
}

func (p *bibParser) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", p.file, p.line, fmt.Sprintf(format, args...))
}

func (p *bibParser) advance(n int) {
	for i := 0; i < n && p.pos < len(p.src); i++ {
		if p.src[p.pos] == '\n' {
			p.line++
		}
		p.pos++
	}
}

func (p *bibParser) skipSpace() {
	for p.pos < len(p.src) && strings.IndexByte(" \t\r\n", p.src[p.pos]) >= 0 {
		p.advance(1)
	}
}

func (p *bibParser) eat(c byte) bool {
	if p.pos < len(p.src) && p.src[p.pos] == c {
		p.advance(1)
		return true
	}
	return false
}

func (p *bibParser) ident() string {
	p.skipSpace()
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '=' || c == ',' || c == '{' || c == '}' || c == '(' || c == ')' || c == '#' || c == '"' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		p.advance(1)
	}
	return p.src[start:p.pos]
}

// until reads up to one of the stop characters.
func (p *bibParser) until(stop string, closer byte) string {
	start := p.pos
	for p.pos < len(p.src) && strings.IndexByte(stop, p.src[p.pos]) < 0 && p.src[p.pos] != closer {
		p.advance(1)
	}
	return p.src[start:p.pos]
}

func (p *bibParser) skipGroup(closer byte) error {
	depth := 0
	start := p.line
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		p.advance(1)
		switch {
		case c == '{':
			depth++
		case c == '}' && depth > 0:
			depth--
		case c == closer && depth == 0:
			return nil
		}
	}
	return fmt.Errorf("%s:%d: a group is never closed", p.file, start)
}

// value reads a field's value: parts joined by #.
func (p *bibParser) value() (string, error) {
	var b strings.Builder
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return "", p.errorf("a value is missing")
		}
		switch c := p.src[p.pos]; {
		case c == '{':
			s, err := p.braced()
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case c == '"':
			p.advance(1)
			start, depth := p.pos, 0
			for p.pos < len(p.src) && !(p.src[p.pos] == '"' && depth == 0) {
				switch p.src[p.pos] {
				case '{':
					depth++
				case '}':
					depth--
				}
				p.advance(1)
			}
			if p.pos >= len(p.src) {
				return "", p.errorf("a quoted value is never closed")
			}
			b.WriteString(p.src[start:p.pos])
			p.advance(1)
		default:
			word := p.ident()
			if word == "" {
				return "", p.errorf("a value is missing")
			}
			if v, ok := p.strings[strings.ToLower(word)]; ok {
				b.WriteString(v)
			} else {
				b.WriteString(word)
			}
		}
		p.skipSpace()
		if !p.eat('#') {
			return tex(b.String()), nil
		}
	}
}

// braced reads a value in braces, keeping inner braces for tex.
func (p *bibParser) braced() (string, error) {
	start := p.line
	p.advance(1)
	depth := 0
	from := p.pos
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case '\\':
			p.advance(1)
		case '{':
			depth++
		case '}':
			if depth == 0 {
				s := p.src[from:p.pos]
				p.advance(1)
				return s, nil
			}
			depth--
		}
		p.advance(1)
	}
	return "", fmt.Errorf("%s:%d: a value in braces is never closed", p.file, start)
}

// accentMarks are TeX's accent commands and the combining marks they put
// on the letter that follows.
var accentMarks = map[byte]rune{
	'"': '\u0308', '\'': '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304',
	'.': '\u0307', 'c': '\u0327', 'v': '\u030c', 'u': '\u0306', 'H': '\u030b', 'k': '\u0328', 'r': '\u030a',
}

// texLetters are TeX's commands for letters of their own.
var texLetters = map[string]string{
	"ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å",
	"l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "&": "&", "%": "%", "$": "$", "#": "#", "_": "_",
	"textendash": "–", "textemdash": "—", "S": "§", "P": "¶", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
}

// tex turns the TeX of a BibTeX value into text: accents composed, letters
// and dashes as characters, braces and commands removed, spaces collapsed.
func tex(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{' || c == '}':
		case c == '~':
			b.WriteRune('\u00a0')
		case c == '-' && strings.HasPrefix(s[i:], "---"):
			b.WriteRune('—')
			i += 2
		case c == '-' && strings.HasPrefix(s[i:], "--"):
			b.WriteRune('–')
			i++
		case c == '\\' && i+1 < len(s):
			i++
			d := s[i]
			if mark, ok := accentMarks[d]; ok && (!unicode.IsLetter(rune(d)) || i+1 < len(s) && (s[i+1] == '{' || s[i+1] == ' ')) {
				// \"o, \"{o}, \c{c}, \v c
				j := i + 1
				for j < len(s) && (s[j] == '{' || s[j] == ' ') {
					j++
				}
				if j < len(s) {
					letter := s[j]
					if letter == '\\' && j+1 < len(s) && (s[j+1] == 'i' || s[j+1] == 'j') {
						j++
						letter = s[j]
					}
					b.WriteString(compose(rune(letter), mark))
					i = j
					for i+1 < len(s) && s[i+1] == '}' {
						i++
					}
				}
				continue
			}
			j := i
			for j < len(s) && unicode.IsLetter(rune(s[j])) {
				j++
			}
			name := s[i:j]
			if name == "" {
				name = string(d)
				j = i + 1
			}
			if l, ok := texLetters[name]; ok {
				b.WriteString(l)
			}
			// other commands (\emph, \textit) leave their argument; a space
			// after a command's name ends the name
			i = j - 1
			if unicode.IsLetter(rune(name[0])) && i+1 < len(s) && s[i+1] == ' ' {
				i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// compose puts a combining mark on a letter, as one character where
// Unicode has one.
func compose(letter, mark rune) string {
	if c, ok := composed[[2]rune{letter, mark}]; ok {
		return string(c)
	}
	return string(letter) + string(mark)
}

// composed are the precomposed letters of the accents bibliographies use.
var composed = func() map[[2]rune]rune {
	m := map[[2]rune]rune{}
	for _, pair := range []struct {
		mark  rune
		pairs string
	}{
		{'\u0308', "aäeëiïoöuüyÿAÄEËIÏOÖUÜYŸ"},
		{'\u0301', "aáeéiíoóuúyýcćnńsśzźAÁEÉIÍOÓUÚYÝCĆNŃSŚZŹ"},
		{'\u0300', "aàeèiìoòuùAÀEÈIÌOÒUÙ"},
		{'\u0302', "aâeêiîoôuûAÂEÊIÎOÔUÛ"},
		{'\u0303', "aãnñoõAÃNÑOÕ"},
		{'\u0327', "cçsşCÇSŞ"},
		{'\u030c', "cčsšzžrřeěCČSŠZŽRŘEĚ"},
		{'\u0306', "aăgğAĂGĞ"},
		{'\u030b', "oőuűOŐUŰ"},
		{'\u0328', "aąeęAĄEĘ"},
		{'\u030a', "aåuůAÅUŮ"},
		{'\u0307', "zżZŻ"},
		{'\u0304', "aāeēiīoōuūAĀEĒIĪOŌUŪ"},
	} {
		r := []rune(pair.pairs)
		for i := 0; i+1 < len(r); i += 2 {
			m[[2]rune{r[i], pair.mark}] = r[i+1]
		}
	}
	return m
}()
