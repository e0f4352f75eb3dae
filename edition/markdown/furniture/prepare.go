package furniture

import (
	"bytes"
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
)

// This file prepares a source's bytes before the Markdown parser reads
// them, for four things archive Markdown writes that CommonMark or HTML
// reads otherwise: a pandoc title block or MultiMarkdown metadata, a
// heading whose # marks are
// followed by a no-break space, links whose destination is a Jekyll
// (Liquid) template, and Hugo shortcodes quoting their arguments inside an
// HTML attribute's quotes. Every change keeps the byte length of each line, so that
// offsets and line numbers still point into the file as it is.

// Prepared is a source made ready for parsing, with what was done to it.
type Prepared struct {
	Src     []byte // the source to parse
	Changes Log    // the decisions taken so far; Sort adds its own
	title   titleBlock
}

// Prepare returns src made ready for parsing. It is copied first when
// anything is to be changed.
func Prepare(src []byte) Prepared {
	p := Prepared{Src: src}
	tb := pandocTitleBlock(src)
	if tb.lines == 0 {
		tb = multiMarkdownMetadata(src)
	}
	nbsp := bytes.Contains(src, []byte("#\u00a0"))
	liquid := bytes.Contains(src, []byte("]({{")) || bytes.Contains(src, []byte("]({%"))
	shortcodes := bytes.Contains(src, []byte("{{<")) || bytes.Contains(src, []byte("{{%"))
	if tb.lines == 0 && !nbsp && !liquid && !shortcodes {
		return p
	}
	out := append([]byte(nil), src...)
	p.Src = out
	if tb.lines > 0 {
		p.title = tb
		// The block is read; the parser sees blank lines in its place.
		for i := 0; i < tb.bytes; i++ {
			if out[i] != '\n' {
				out[i] = ' '
			}
		}
		p.Changes.add(moveTitleBlock, 1, tb.lines)
	}
	fenced := byte(0)
	line := 0
	for start := 0; start < len(out); line++ {
		end := bytes.IndexByte(out[start:], '\n')
		if end < 0 {
			end = len(out) - start
		}
		l := out[start : start+end]
		switch f := fenceMark(l); {
		case fenced != 0:
			if f == fenced {
				fenced = 0
			}
		case f != 0:
			fenced = f
		default:
			if nbsp && len(l) > 0 && (l[0] == '#' || l[0] == ' ') {
				if at := nbspHeading(l); at > 0 {
					// CommonMark (§4.2) asks for a space or tab after the
					// marks; a no-break space, which word processors and
					// Web pages put there, is read as the space it stands
					// for: its two bytes become two spaces.
					l[at], l[at+1] = ' ', ' '
					p.Changes.add(makeHeadingNBSP, line+1, line+1)
				}
			}
			if liquid {
				liquidDestinations(l)
			}
			if shortcodes {
				shortcodesInTags(l)
			}
		}
		start += end + 1
	}
	return p
}

// fenceMark returns the character of a code fence the line opens or
// closes ('`' or '~'), or 0: the lines inside a fence are code and left
// alone.
func fenceMark(l []byte) byte {
	t := bytes.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || len(t) < 3 {
		return 0
	}
	if c := t[0]; (c == '`' || c == '~') && t[1] == c && t[2] == c {
		return c
	}
	return 0
}

// nbspHeading returns the offset in l of a no-break space that follows a
// heading's one to six # marks (indented at most three spaces), or 0.
func nbspHeading(l []byte) int {
	i := 0
	for i < len(l) && i < 3 && l[i] == ' ' {
		i++
	}
	n := 0
	for i+n < len(l) && l[i+n] == '#' {
		n++
	}
	if n == 0 || n > 6 || !bytes.HasPrefix(l[i+n:], []byte("\u00a0")) {
		return 0
	}
	return i + n
}

// liquidMark stands for a space inside a Liquid tag of a link's
// destination, so that the destination is one word as CommonMark (§6.3)
// requires; LiquidTarget reads it back as a space.
const liquidMark = '~'

// liquidDestinations makes the link destinations in l that are Jekyll
// templates ("[Index]({{ site.baseurl }}{% link cap1index.md %})") one
// word, in place: the spaces in their tags become liquidMark. Such a link
// names a page of the site the text was published on, which the site
// generator fills in; CommonMark reads it as no link at all and would
// print the template as text. A line with a code span is left alone.
func liquidDestinations(l []byte) {
	if bytes.IndexByte(l, '`') >= 0 {
		return
	}
	for i := 0; i+3 < len(l); i++ {
		next := bytes.Index(l[i:], []byte("]({"))
		if next < 0 {
			return
		}
		i += next
		if i+3 >= len(l) || (l[i+3] != '{' && l[i+3] != '%') {
			continue
		}
		end := bytes.IndexByte(l[i+2:], ')')
		if end < 0 {
			return
		}
		dest := l[i+2 : i+2+end]
		inTag := false
		for j := 0; j+1 < len(dest); j++ {
			switch {
			case dest[j] == '{' && (dest[j+1] == '{' || dest[j+1] == '%'):
				inTag = true
			case (dest[j] == '}' || dest[j] == '%') && dest[j+1] == '}':
				inTag = false
			case inTag && dest[j] == ' ':
				dest[j] = liquidMark
			}
		}
		i += 2 + end
	}
}

// shortcodesInTags makes the double quotes of each Hugo shortcode that
// stands inside an HTML tag in l single quotes, in place: in
// <a href="{{< ref "_index.md" >}}"> the shortcode's quotes would close
// the attribute's (HTML Living Standard, §13.2.5.36), leaving the link a
// fragment of the template and the rest stray attributes. A shortcode's
// arguments may be quoted either way (Hugo's documentation, "Shortcodes"),
// so the template still names the same page. A shortcode outside a tag is
// text or site templating the recognisers see as written; a line with a
// code span is left alone.
func shortcodesInTags(l []byte) {
	if bytes.IndexByte(l, '`') >= 0 {
		return
	}
	for i := 0; i+2 < len(l); i++ {
		if l[i] != '{' || l[i+1] != '{' || (l[i+2] != '<' && l[i+2] != '%') {
			continue
		}
		end := bytes.Index(l[i+3:], shortcodeClose(l[i+2]))
		if end < 0 {
			return
		}
		end += i + 3
		if inTag(l[:i]) {
			for j := i + 3; j < end; j++ {
				if l[j] == '"' {
					l[j] = '\''
				}
			}
		}
		i = end + 2
	}
}

// shortcodeClose returns the marks that close a Hugo shortcode opened
// with "{{" and mark: ">}}" for "{{<", "%}}" for "{{%".
func shortcodeClose(mark byte) []byte {
	if mark == '<' {
		return []byte(">}}")
	}
	return []byte("%}}")
}

// inTag reports whether the text before reaches into an HTML tag still
// open: a "<" opening an element's name, with no ">" after it, the
// shortcodes' own marks aside.
func inTag(before []byte) bool {
	in := false
	for i := 0; i < len(before); i++ {
		switch c := before[i]; {
		case c == '{' && i+2 < len(before) && before[i+1] == '{' && (before[i+2] == '<' || before[i+2] == '%'):
			end := bytes.Index(before[i+3:], shortcodeClose(before[i+2]))
			if end < 0 {
				return in
			}
			i += 3 + end + 2
		case c == '<' && i+1 < len(before) && (before[i+1] >= 'a' && before[i+1] <= 'z' || before[i+1] >= 'A' && before[i+1] <= 'Z'):
			in = true
		case c == '>':
			in = false
		}
	}
	return in
}

// LiquidTarget reports whether a link's destination is a site generator's
// template (Jekyll's Liquid tags, Hugo's shortcodes: both open with "{{"
// or "{%"), and returns it as written, the spaces Prepare hid in its tags
// restored.
func LiquidTarget(target string) (string, bool) {
	if !strings.Contains(target, "{{") && !strings.Contains(target, "{%") {
		return target, false
	}
	return strings.ReplaceAll(target, string(liquidMark), " "), true
}

// titleBlock is a pandoc title block (pandoc's manual, "Extension:
// pandoc_title_block"): up to three lines opening with "%", giving the
// title, the authors (separated by semicolons, or one on each
// continuation line) and the date; a line opening with a space or tab
// continues the one before.
type titleBlock struct {
	title   string
	authors []string
	date    string
	// What only MultiMarkdown metadata states.
	subtitle, language, publisher, rights, description string

	lines int // the lines the block takes, 0 when there is none
	bytes int // its bytes, through the last line's end
}

// pandocTitleBlock reads a title block at the start of src.
func pandocTitleBlock(src []byte) titleBlock {
	var tb titleBlock
	if !bytes.HasPrefix(src, []byte("%")) {
		return tb
	}
	var fields [][]string
	at := 0
	for at < len(src) {
		l, next := lineFrom(src, at)
		switch {
		case strings.HasPrefix(l, "%") && len(fields) < 3:
			fields = append(fields, []string{strings.TrimSpace(l[1:])})
		case len(fields) > 0 && (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) && strings.TrimSpace(l) != "":
			f := fields[len(fields)-1]
			fields[len(fields)-1] = append(f, strings.TrimSpace(l))
		default:
			next = -1
		}
		if next < 0 {
			break
		}
		tb.lines++
		tb.bytes = next
		at = next
	}
	for i, f := range fields {
		switch i {
		case 0:
			tb.title = strings.TrimSpace(strings.Join(f, " "))
		case 1:
			for _, l := range f {
				tb.authors = append(tb.authors, splitAuthors(l)...)
			}
		case 2:
			tb.date = strings.TrimSpace(strings.Join(f, " "))
		}
	}
	return tb
}

// metadataKeys are the MultiMarkdown metadata keys (MultiMarkdown 6's
// manual, "Metadata") whose value the front matter takes, by their
// lower-case names without spaces, as MultiMarkdown compares them.
// keywords has no place in the front matter; its line is still the
// block's.
var metadataKeys = map[string]func(tb *titleBlock, v string){
	"title":       func(tb *titleBlock, v string) { tb.title = v },
	"subtitle":    func(tb *titleBlock, v string) { tb.subtitle = v },
	"author":      func(tb *titleBlock, v string) { tb.authors = append(tb.authors, splitAuthors(v)...) },
	"authors":     func(tb *titleBlock, v string) { tb.authors = append(tb.authors, splitAuthors(v)...) },
	"date":        func(tb *titleBlock, v string) { tb.date = v },
	"language":    func(tb *titleBlock, v string) { tb.language = v },
	"lang":        func(tb *titleBlock, v string) { tb.language = v },
	"publisher":   func(tb *titleBlock, v string) { tb.publisher = v },
	"rights":      func(tb *titleBlock, v string) { tb.rights = v },
	"copyright":   func(tb *titleBlock, v string) { tb.rights = v },
	"description": func(tb *titleBlock, v string) { tb.description = v },
	"abstract":    func(tb *titleBlock, v string) { tb.description = v },
	"keywords":    func(*titleBlock, string) {},
}

// splitAuthors splits a line of authors at its semicolons, as pandoc's
// title block does; not at commas, which stand inside a name written
// "Surname, Forename".
func splitAuthors(v string) []string {
	var out []string
	for _, a := range strings.Split(v, ";") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// metadataKey returns the key of a "Key: value" line, lower-cased
// without spaces, and its value; false when the line is not one. A key
// is letters, digits, spaces, hyphens and underscores, starting with a
// letter (MultiMarkdown 6's manual, "Metadata").
func metadataKey(l string) (string, string, bool) {
	k, v, ok := strings.Cut(l, ":")
	if !ok || k == "" || !(k[0] >= 'a' && k[0] <= 'z' || k[0] >= 'A' && k[0] <= 'Z') {
		return "", "", false
	}
	for _, c := range k {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '-' || c == '_') {
			return "", "", false
		}
	}
	return strings.ToLower(strings.ReplaceAll(k, " ", "")), strings.TrimSpace(v), true
}

// multiMarkdownMetadata reads MultiMarkdown metadata at the start of src:
// "Key: value" lines up to the first blank line, a line opening with a
// space or tab continuing the one before. It is taken only when its first
// key is one the front matter knows (Title, Author, Date...) and every
// line of the block is metadata, so that a first paragraph opening
// "Note: ..." stays the text's.
func multiMarkdownMetadata(src []byte) titleBlock {
	var tb titleBlock
	var keys, values []string
	at := 0
	for at < len(src) {
		l, next := lineFrom(src, at)
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			break
		}
		if len(keys) > 0 && (l[0] == ' ' || l[0] == '\t') {
			values[len(values)-1] += " " + strings.TrimSpace(l)
		} else if k, v, ok := metadataKey(l); ok {
			keys, values = append(keys, k), append(values, v)
		} else {
			return titleBlock{}
		}
		tb.lines++
		tb.bytes = next
		at = next
	}
	if len(keys) == 0 || metadataKeys[keys[0]] == nil {
		return titleBlock{}
	}
	for i, k := range keys {
		if set := metadataKeys[k]; set != nil {
			set(&tb, values[i])
		}
	}
	return tb
}

// FillFront gives the front matter what the source's pandoc title block
// or MultiMarkdown metadata declares, where the YAML front matter does
// not.
func (p Prepared) FillFront(f *model.FrontMatter) { p.title.fillFront(f) }

// fillFront gives the front matter what a title block declares, where the
// YAML front matter does not.
func (tb titleBlock) fillFront(f *model.FrontMatter) {
	if f.Title == "" {
		f.Title = tb.title
	}
	if len(f.Authors) == 0 {
		f.Authors = tb.authors
	}
	if f.Date == "" {
		f.Date = tb.date
	}
	for _, field := range []struct {
		to   *string
		from string
	}{
		{&f.Subtitle, tb.subtitle}, {&f.Language, tb.language}, {&f.Publisher, tb.publisher},
		{&f.Rights, tb.rights}, {&f.Description, tb.description},
	} {
		if *field.to == "" {
			*field.to = field.from
		}
	}
}

// lineFrom returns the line of src that starts at byte at, without its
// line end, and where the next one starts.
func lineFrom(src []byte, at int) (line string, next int) {
	end := bytes.IndexByte(src[at:], '\n')
	if end < 0 {
		return string(src[at:]), len(src)
	}
	return string(src[at : at+end]), at + end + 1
}
