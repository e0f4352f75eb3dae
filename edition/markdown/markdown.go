package markdown

// This file is the only importer of goldmark. It parses a Markdown source and
// converts goldmark's tree into the edition model at once, so that no
// goldmark node (which points into the source bytes) outlives Read.

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/decode"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"
	"gopkg.in/yaml.v3"
)

// Read reads a Markdown source (CommonMark with footnotes and YAML
// front matter) into a Source. file names the source in messages; data is its
// content. A UTF-8 byte order mark is skipped and CRLF or CR line endings are
// read as LF; invalid UTF-8, NUL bytes, an empty file, a file over
// decode.MaxSize and front matter that is not valid YAML are errors wrapping
// decode's errors or ErrFrontMatter, formatted "FILE:LINE: ..." where a line is known.
//
// Each heading at the shallowest level the document uses starts a Section
// titled by it; text before the first such heading forms an untitled first
// section. Deeper headings become Heading blocks, renumbered from level 2.
// Footnotes become Note blocks in Source.Notes with IDs "fn-1", "fn-2"... in
// order of first reference, referenced by NoteRef inlines. Quotes and dashes
// are left as written: typography is a later, shared pass. Raw HTML has no
// place in the model and is left out, with a warning unless it is a comment.
func Read(file string, data []byte) (*model.Source, error) {
	src, warns, err := decodeMarkdown(file, data)
	if err != nil {
		return nil, err
	}
	if err := checkFrontMatterClosed(file, src); err != nil {
		return nil, err
	}
	md := goldmark.New(goldmark.WithExtensions(
		extension.Footnote,
		// YAML only: pandoc, whose keys the front matter follows, knows no
		// TOML front matter, and a "+++" line should stay text.
		&frontmatter.Extender{Formats: []frontmatter.Format{frontmatter.YAML}},
	))
	ctx := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))

	r := &markdownReader{file: file, src: src, out: &model.Source{File: file, Warnings: warns}}
	r.lineStarts = append(r.lineStarts, 0)
	for i, c := range src {
		if c == '\n' {
			r.lineStarts = append(r.lineStarts, i+1)
		}
	}
	if fm := frontmatter.Get(ctx); fm != nil {
		// The YAML starts on the line under the opening "---".
		offset, _ := frontMatterOpening(src)
		var node yaml.Node
		if err := fm.Decode(&node); err != nil {
			line, msg := seed.YAMLErrorLine(err)
			if line > 0 {
				return nil, fmt.Errorf("%s:%d: %s: %w", file, line+offset, msg, ErrFrontMatter)
			}
			return nil, fmt.Errorf("%s: %s: %w", file, msg, ErrFrontMatter)
		}
		if err := r.frontMatter(&node, offset); err != nil {
			return nil, err
		}
	}
	r.document(doc)
	if !r.hasBody() {
		return nil, fmt.Errorf("%s: %w", file, decode.ErrNoBody)
	}
	return r.out, nil
}

// ErrFrontMatter is wrapped by errors in a Markdown file's YAML front matter.
var ErrFrontMatter = errors.New("bad front matter")

// decodeMarkdown checks data and normalises it for parsing (see package
// decode).
func decodeMarkdown(file string, data []byte) ([]byte, []model.Warning, error) {
	text, warns, err := decode.Text(file, data)
	return []byte(text), warns, err
}

// frontMatterOpening returns the 1-based line of the line of dashes that
// opens front matter, and that line, or 0. It mirrors the front matter
// parser: three or more dashes and nothing else, on the first line the block
// parser sees (go.abhg.dev/goldmark/frontmatter accepts its line index 0 or 1,
// so the opening may follow one blank line).
func frontMatterOpening(src []byte) (int, []byte) {
	lines := bytes.SplitN(src, []byte("\n"), 3)
	for i := 0; i < len(lines) && i < 2; i++ {
		l := lines[i]
		if len(l) >= 3 && len(bytes.Trim(l, "-")) == 0 {
			return i + 1, l
		}
		if len(bytes.Trim(l, " \t")) != 0 {
			return 0, nil
		}
	}
	return 0, nil
}

// checkFrontMatterClosed refuses a document that opens front matter with a
// line of dashes and never closes it: the front matter parser would swallow
// the whole document.
func checkFrontMatterClosed(file string, src []byte) error {
	line, open := frontMatterOpening(src)
	if line == 0 {
		return nil
	}
	rest := bytes.SplitN(src, []byte("\n"), line+1)
	if len(rest) == line+1 {
		for _, l := range bytes.Split(rest[line], []byte("\n")) {
			if bytes.Equal(l, open) {
				return nil
			}
		}
	}
	return fmt.Errorf("%s:%d: front matter opened with %q is never closed; end it with the same line: %w", file, line, open, ErrFrontMatter)
}

// markdownReader converts one parsed document.
type markdownReader struct {
	file       string
	src        []byte
	lineStarts []int // byte offset of each line's start
	out        *model.Source
	top        int // the heading level that starts sections; 0 if none
}

// lineOf returns the 1-based line of byte offset off.
func (r *markdownReader) lineOf(off int) int {
	if off < 0 {
		return 0
	}
	return sort.Search(len(r.lineStarts), func(i int) bool { return r.lineStarts[i] > off })
}

// blockLine returns the source line a block node starts on: its own position
// where goldmark recorded one, else its first line of text, else its first
// child's.
func (r *markdownReader) blockLine(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return r.lineOf(p)
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return r.lineOf(n.Lines().At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if l := r.blockLine(c); l > 0 {
			return l
		}
	}
	return 0
}

func (r *markdownReader) warn(line int, format string, args ...any) {
	r.out.Warnings = append(r.out.Warnings, model.Warning{File: r.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (r *markdownReader) hasBody() bool {
	for _, s := range r.out.Sections {
		if len(s.Blocks) > 0 || len(s.Title) > 0 {
			return true
		}
	}
	return false
}

// frontMatter fills Source.Front from the YAML front matter. lineOffset is
// the number of file lines before the YAML's first line.
func (r *markdownReader) frontMatter(doc *yaml.Node, lineOffset int) error {
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind == yaml.ScalarNode && m.Tag == "!!null" {
		return nil
	}
	at := func(n *yaml.Node) string {
		return fmt.Sprintf("%s:%d:%d", r.file, n.Line+lineOffset, n.Column)
	}
	if m.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: front matter must be keys and values (title: ...), found %s: %w", at(m), seed.DescribeNode(m), ErrFrontMatter)
	}
	f := &r.out.Front
	str := map[string]*string{
		"title": &f.Title, "subtitle": &f.Subtitle, "date": &f.Date,
		"lang": &f.Language, "language": &f.Language, "publisher": &f.Publisher,
		"rights": &f.Rights, "description": &f.Description,
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		key := strings.ToLower(k.Value)
		if key == "author" || key == "authors" {
			names, err := authorNames(v)
			if err != nil {
				return fmt.Errorf("%s: front matter: %s: %v: %w", at(v), k.Value, err, ErrFrontMatter)
			}
			f.Authors = append(f.Authors, names...)
			continue
		}
		dst, ok := str[key]
		if !ok {
			continue // pandoc users write many keys; those not ours are theirs
		}
		if v.Kind != yaml.ScalarNode {
			return fmt.Errorf("%s: front matter: %s: expected a string, found %s: %w", at(v), k.Value, seed.DescribeNode(v), ErrFrontMatter)
		}
		if v.Tag != "!!null" {
			*dst = strings.TrimSpace(v.Value)
		}
	}
	return nil
}

// authorNames reads pandoc's author forms: a string, a list of strings, or a
// list of mappings with a name key.
func authorNames(v *yaml.Node) ([]string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil, nil
		}
		return []string{strings.TrimSpace(v.Value)}, nil
	case yaml.SequenceNode:
		var names []string
		for _, item := range v.Content {
			switch item.Kind {
			case yaml.ScalarNode:
				names = append(names, strings.TrimSpace(item.Value))
			case yaml.MappingNode:
				found := false
				for i := 0; i+1 < len(item.Content); i += 2 {
					if item.Content[i].Value == "name" && item.Content[i+1].Kind == yaml.ScalarNode {
						names = append(names, strings.TrimSpace(item.Content[i+1].Value))
						found = true
					}
				}
				if !found {
					return nil, fmt.Errorf("line %d: an author entry needs a name", item.Line)
				}
			default:
				return nil, fmt.Errorf("expected a name, found %s", seed.DescribeNode(item))
			}
		}
		return names, nil
	}
	return nil, fmt.Errorf("expected a name or a list of names, found %s", seed.DescribeNode(v))
}

// document splits the top-level blocks into sections and collects notes.
func (r *markdownReader) document(doc ast.Node) {
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok && (r.top == 0 || h.Level < r.top) {
			r.top = h.Level
		}
	}
	var cur *model.Section
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		switch n := c.(type) {
		case *ast.Heading:
			if n.Level == r.top {
				r.out.Sections = append(r.out.Sections, model.Section{Role: model.RoleChapter, Title: r.inlines(n)})
				cur = &r.out.Sections[len(r.out.Sections)-1]
				continue
			}
		case *east.FootnoteList:
			r.footnotes(n)
			continue
		}
		blocks := r.block(c)
		if len(blocks) == 0 {
			continue
		}
		if cur == nil {
			r.out.Sections = append(r.out.Sections, model.Section{Role: model.RoleChapter})
			cur = &r.out.Sections[len(r.out.Sections)-1]
		}
		cur.Blocks = append(cur.Blocks, blocks...)
	}
}

// noteID is the ID of the footnote goldmark numbered index (1-based, in order
// of first reference).
func noteID(index int) string { return "fn-" + strconv.Itoa(index) }

func (r *markdownReader) footnotes(list *east.FootnoteList) {
	for c := list.FirstChild(); c != nil; c = c.NextSibling() {
		fn, ok := c.(*east.Footnote)
		if !ok || fn.Index < 0 {
			continue
		}
		note := model.Block{Kind: model.Note, ID: noteID(fn.Index), Line: r.blockLine(fn), Attr: model.Attr{{Key: "label", Value: string(fn.Ref)}}}
		note.Children = r.children(fn)
		r.out.Notes = append(r.out.Notes, note)
	}
}

// children converts the block children of n.
func (r *markdownReader) children(n ast.Node) []model.Block {
	var out []model.Block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, r.block(c)...)
	}
	return out
}

// subheadingLevel maps a Markdown heading level below the sectioning level to
// a Heading block level, 2..6: the section title is level 1.
func (r *markdownReader) subheadingLevel(level int) int {
	l := level + 1
	if r.top > 0 {
		l = level - r.top + 1
	}
	return min(max(l, 2), 6)
}

// block converts one block node; it may yield none (raw HTML, link
// reference definitions).
func (r *markdownReader) block(n ast.Node) []model.Block {
	line := r.blockLine(n)
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if img, ok := loneImage(n); ok {
			return []model.Block{r.image(img, line)}
		}
		ins := r.inlines(n)
		if len(ins) == 0 {
			return nil
		}
		return []model.Block{{Kind: model.Paragraph, Inlines: ins, Line: line}}
	case *ast.Heading:
		return []model.Block{{Kind: model.Heading, Level: r.subheadingLevel(n.Level), Inlines: r.inlines(n), Line: line}}
	case *ast.Blockquote:
		return []model.Block{{Kind: model.BlockQuote, Children: r.children(n), Line: line}}
	case *ast.List:
		b := model.Block{Kind: model.List, Line: line}
		if n.IsOrdered() {
			b.Attr = b.Attr.Set("ordered", "true")
			if n.Start != 1 {
				b.Attr = b.Attr.Set("start", strconv.Itoa(n.Start))
			}
		}
		if n.IsTight {
			b.Attr = b.Attr.Set("tight", "true")
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			b.Children = append(b.Children, model.Block{Kind: model.ListItem, Children: r.children(c), Line: r.blockLine(c)})
		}
		return []model.Block{b}
	case *ast.ListItem:
		return []model.Block{{Kind: model.ListItem, Children: r.children(n), Line: line}}
	case *ast.ThematicBreak:
		return []model.Block{{Kind: model.ThematicBreak, Line: line}}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return r.codeBlock(n, line)
	case *ast.HTMLBlock:
		raw := r.rawLines(n)
		if n.HTMLBlockType != ast.HTMLBlockType2 { // type 2 is a comment
			r.warn(line, "raw HTML left out: the edition model has no place for it")
		}
		r.out.Dropped = append(r.out.Dropped, model.Dropped{Line: line, Text: raw, Reason: "raw HTML"})
		return nil
	case *ast.LinkReferenceDefinition:
		return nil
	case *east.FootnoteList:
		r.footnotes(n)
		return nil
	}
	// A node of a kind this reader does not know: keep its text rather
	// than lose it.
	r.warn(line, "unsupported Markdown element %s kept as a paragraph", n.Kind().String())
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return []model.Block{{Kind: model.Paragraph, Inlines: []model.Inline{model.Str(strings.TrimSpace(r.rawLines(n)))}, Line: line}}
	}
	return r.children(n)
}

// rawLines returns the source text of a block's lines.
func (r *markdownReader) rawLines(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(r.src))
	}
	return b.String()
}

// codeBlock keeps a code block's lines as literal text, one forced line break
// between them, in a paragraph marked code=block: the model has no
// preformatted block, and these are rare in the documents bindery prints.
func (r *markdownReader) codeBlock(n ast.Node, line int) []model.Block {
	raw := strings.TrimRight(r.rawLines(n), "\n")
	b := model.Block{Kind: model.Paragraph, Line: line, Attr: model.Attr{{Key: "code", Value: "block"}}}
	for i, l := range strings.Split(raw, "\n") {
		if i > 0 {
			b.Inlines = append(b.Inlines, model.Inline{Kind: model.LineBreak})
		}
		if l != "" {
			b.Inlines = append(b.Inlines, model.Inline{Kind: model.Code, Text: l})
		}
	}
	if len(b.Inlines) == 0 {
		return nil
	}
	return []model.Block{b}
}

// loneImage reports whether a paragraph holds nothing but one image, which
// then stands as an image block (a figure, as pandoc makes it).
func loneImage(n ast.Node) (*ast.Image, bool) {
	var img *ast.Image
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			if img != nil {
				return nil, false
			}
			img = c
		case *east.FootnoteBacklink:
			// added by the footnote extension to a note's last paragraph
		default:
			return nil, false
		}
	}
	return img, img != nil
}

func (r *markdownReader) image(img *ast.Image, line int) model.Block {
	alt := r.inlines(img)
	b := model.Block{Kind: model.Image, Line: line, Inlines: alt}
	b.Attr = b.Attr.Set("src", unescapeMarkdown(img.Destination))
	b.Attr = b.Attr.Set("alt", model.PlainText(alt))
	if len(img.Title) > 0 {
		b.Attr = b.Attr.Set("title", unescapeMarkdown(img.Title))
	}
	return b
}

// inlines converts the inline children of n, merging adjacent text runs.
func (r *markdownReader) inlines(n ast.Node) []model.Inline {
	var out []model.Inline
	// Adjacent runs are gathered in a builder, not by concatenation, which
	// would be quadratic in a paragraph of many short lines.
	var pending strings.Builder
	flush := func() {
		if pending.Len() > 0 {
			out = append(out, model.Str(pending.String()))
			pending.Reset()
		}
	}
	add := func(in model.Inline) {
		if in.Kind == model.Text {
			pending.WriteString(in.Text)
			return
		}
		flush()
		out = append(out, in)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(r.src)
			if c.IsRaw() {
				add(model.Str(string(v)))
			} else {
				add(model.Str(unescapeMarkdown(v)))
			}
			switch {
			case c.HardLineBreak():
				add(model.Inline{Kind: model.LineBreak})
			case c.SoftLineBreak():
				// A line end inside a paragraph is a space: the text
				// reflows in both formats.
				add(model.Str(" "))
			}
		case *ast.String:
			if c.IsRaw() || c.IsCode() {
				add(model.Str(string(c.Value)))
			} else {
				add(model.Str(unescapeMarkdown(c.Value)))
			}
		case *ast.Emphasis:
			kind := model.Emph
			if c.Level >= 2 {
				kind = model.Strong
			}
			if ch := r.inlines(c); len(ch) > 0 {
				add(model.Inline{Kind: kind, Children: ch})
			}
		case *ast.CodeSpan:
			add(model.Inline{Kind: model.Code, Text: r.codeText(c)})
		case *ast.Link:
			add(model.Inline{Kind: model.Link, Target: unescapeMarkdown(c.Destination), Children: r.inlines(c)})
		case *ast.AutoLink:
			target := string(c.URL(r.src))
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(target), "mailto:") {
				target = "mailto:" + target
			}
			add(model.Inline{Kind: model.Link, Target: target, Children: []model.Inline{model.Str(string(c.Label(r.src)))}})
		case *ast.Image:
			// The model has no image inside running text; its alt text
			// stands in, as it would for a reader who cannot see it.
			r.warn(r.lineOf(r.inlinePos(c)), "image %q inside running text is shown as its alt text; put it in a paragraph of its own to keep it", string(c.Destination))
			for _, in := range r.inlines(c) {
				add(in)
			}
		case *ast.RawHTML:
			raw := r.rawSegments(c)
			switch strings.ToLower(strings.ReplaceAll(raw, " ", "")) {
			case "<br>", "<br/>":
				add(model.Inline{Kind: model.LineBreak})
			default:
				if !strings.HasPrefix(raw, "<!--") {
					r.warn(r.lineOf(r.inlinePos(c)), "raw HTML %q left out", raw)
				}
			}
		case *east.FootnoteLink:
			add(model.Inline{Kind: model.NoteRef, Target: noteID(c.Index), Text: strconv.Itoa(c.Index)})
		case *east.FootnoteBacklink:
			// The writers make their own way back from a note.
		default:
			for _, in := range r.inlines(c) {
				add(in)
			}
		}
	}
	flush()
	return out
}

// inlinePos returns a byte offset for an inline node, for warnings: its own
// position, or that of its first text.
func (r *markdownReader) inlinePos(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if rh, ok := n.(*ast.RawHTML); ok && rh.Segments.Len() > 0 {
		return rh.Segments.At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if p := r.inlinePos(c); p >= 0 {
			return p
		}
	}
	if p := n.Parent(); p != nil && p.Type() == ast.TypeBlock {
		return p.Pos()
	}
	return -1
}

func (r *markdownReader) rawSegments(n *ast.RawHTML) string {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(r.src))
	}
	return b.String()
}

// codeText returns a code span's literal text; a line end inside it is a
// space (CommonMark 0.31, §6.1).
func (r *markdownReader) codeText(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(r.src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
	}
	return b.String()
}

// unescapeMarkdown resolves what CommonMark resolves in text, link
// destinations and titles (CommonMark 0.31, §2.4 and §2.5): backslash escapes
// of ASCII punctuation and entity and numeric character references, in one
// pass, so that "\&amp;" stays "&amp;". goldmark leaves this to its HTML
// writer; the model wants the characters themselves.
func unescapeMarkdown(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			b.WriteByte(v[i+1])
			i++
			continue
		}
		if c == '&' {
			if r, n := characterReference(v[i:]); n > 0 {
				b.WriteString(r)
				i += n - 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// characterReference decodes an entity ("&amp;"), decimal ("&#35;") or
// hexadecimal ("&#x22;") reference at the start of v, returning its text and
// length, or 0 if v does not start with one. Code point 0 and invalid code
// points become U+FFFD, as CommonMark requires.
func characterReference(v []byte) (string, int) {
	end := bytes.IndexByte(v, ';')
	if end < 2 || end > 40 {
		return "", 0
	}
	body := v[1:end]
	if body[0] == '#' {
		digits, base := body[1:], 10
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 || (base == 10 && len(digits) > 7) || (base == 16 && len(digits) > 6) {
			return "", 0
		}
		n, err := strconv.ParseUint(string(digits), base, 32)
		if err != nil {
			return "", 0
		}
		r := rune(n)
		switch {
		case r == '\r':
			r = ' '
		case r == 0 || !utf8.ValidRune(r) || decode.XMLForbidden(r):
			// CommonMark asks only for U+0000 to be replaced; the
			// characters XML 1.0 (§2.2) forbids go the same way, since
			// they could not be written to the EPUB.
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	for _, c := range body {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", 0
		}
	}
	if e, ok := util.LookUpHTML5EntityByName(string(body)); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}

// MissingImages returns a warning for each image of src whose file is not in
// seedDir, naming the file and the alt text that will stand in for it, the
// way pandoc warns and carries on. Remote images are warned about too: an
// EPUB must carry its images inside it. The build prints these, or stops on
// them when asked to be strict.
func MissingImages(src *model.Source, seedDir string) []model.Warning {
	var out []model.Warning
	var walk func([]model.Block)
	walk = func(blocks []model.Block) {
		for i := range blocks {
			b := &blocks[i]
			if b.Kind == model.Image {
				if msg := imageProblem(seedDir, b.Attr.Get("src")); msg != "" {
					out = append(out, model.Warning{File: src.File, Line: b.Line,
						Message: fmt.Sprintf("%s; its alt text %q stands in", msg, b.Attr.Get("alt"))})
				}
			}
			walk(b.Children)
		}
	}
	for i := range src.Sections {
		walk(src.Sections[i].Blocks)
	}
	walk(src.Notes)
	return out
}

// imageProblem says what is wrong with an image reference, or "".
func imageProblem(seedDir, ref string) string {
	if ref == "" {
		return "image with no file"
	}
	u, err := url.Parse(ref)
	if err == nil && u.Scheme != "" && len(u.Scheme) > 1 { // "C:" is a drive, not a scheme
		return fmt.Sprintf("image %q is not a file in the seed folder and is not fetched", ref)
	}
	rel := ref
	if err == nil && u.Path != "" {
		rel = u.Path // "my%20map.png" names "my map.png"
	}
	path, err := seed.ResolveInSeed(seedDir, rel)
	switch {
	case errors.Is(err, seed.ErrOutsideSeed):
		return fmt.Sprintf("image %q is outside the seed folder", ref)
	case err != nil:
		return fmt.Sprintf("image %q not found", ref)
	}
	if ok, err := seed.IsRegularFile(path); err != nil || !ok {
		return fmt.Sprintf("image %q is not a file", ref)
	}
	return ""
}
