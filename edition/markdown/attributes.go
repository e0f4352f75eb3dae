package markdown

import (
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
)

// This file reads pandoc's attribute blocks, the {#id .class key=value}
// written after a heading, a link, an image, a bracketed span or a fenced
// div's opening fence (pandoc's manual, "Extension: attributes"). It knows
// nothing of goldmark: markdown.go calls it on the bytes it finds.

// attributes is one attribute block: the identifier, the classes and the
// other key/value pairs, in the order written.
type attributes struct {
	id      string
	classes []string
	pairs   []model.KeyValue
}

// has reports whether the block holds class c.
func (a attributes) has(c string) bool {
	for _, x := range a.classes {
		if x == c {
			return true
		}
	}
	return false
}

// get returns the value of key, or "".
func (a attributes) get(key string) string {
	for _, kv := range a.pairs {
		if kv.Key == key {
			return kv.Value
		}
	}
	return ""
}

// parseAttributes reads an attribute block at the start of s, which must be
// '{'. It returns the attributes and the bytes read, through the closing
// '}', or false when s does not open a well-formed block: an attribute
// block holds only #ids, .classes, key=value pairs (values bare or in
// double or single quotes) and spaces, so that "{" in running text is not
// taken for one.
func parseAttributes(s []byte) (attributes, int, bool) {
	var a attributes
	if len(s) < 2 || s[0] != '{' {
		return a, 0, false
	}
	i := 1
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			i++
		}
		if i >= len(s) {
			return attributes{}, 0, false
		}
		switch c := s[i]; {
		case c == '}':
			return a, i + 1, true
		case c == '#' || c == '.':
			j := i + 1
			for j < len(s) && attrNameByte(s[j]) {
				j++
			}
			if j == i+1 {
				return attributes{}, 0, false
			}
			if c == '#' {
				a.id = string(s[i+1 : j])
			} else {
				a.classes = append(a.classes, string(s[i+1:j]))
			}
			i = j
		case c == '-' && i+1 < len(s) && (s[i+1] == '}' || s[i+1] == ' '):
			// pandoc's shorthand for .unnumbered
			a.classes = append(a.classes, "unnumbered")
			i++
		case attrNameByte(c):
			j := i
			for j < len(s) && attrNameByte(s[j]) {
				j++
			}
			if j >= len(s) || s[j] != '=' {
				return attributes{}, 0, false
			}
			key := string(s[i:j])
			j++
			v, n, ok := attrValue(s[j:])
			if !ok {
				return attributes{}, 0, false
			}
			a.pairs = append(a.pairs, model.KeyValue{Key: key, Value: v})
			i = j + n
		default:
			return attributes{}, 0, false
		}
	}
}

// attrValue reads a bare or quoted value.
func attrValue(s []byte) (string, int, bool) {
	if len(s) == 0 {
		return "", 0, false
	}
	if q := s[0]; q == '"' || q == '\'' {
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			switch {
			case s[i] == '\\' && i+1 < len(s):
				i++
				b.WriteByte(s[i])
			case s[i] == q:
				return b.String(), i + 1, true
			default:
				b.WriteByte(s[i])
			}
		}
		return "", 0, false
	}
	j := 0
	for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '}' {
		j++
	}
	return string(s[:j]), j, j > 0
}

// attrNameByte reports whether c may appear in an identifier, class or key.
func attrNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.' || c >= 0x80
}

// modelAttr returns the attributes the model keeps: the identifier as "id",
// the classes as "class", "lang" and the rest as written.
func (a attributes) modelAttr() model.Attr {
	var out model.Attr
	if a.id != "" {
		out = out.Set("id", a.id)
	}
	if len(a.classes) > 0 {
		out = out.Set("class", strings.Join(a.classes, " "))
	}
	for _, kv := range a.pairs {
		out = out.Set(kv.Key, kv.Value)
	}
	return out
}
