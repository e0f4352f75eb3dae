package epub

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/model"
)

// This file renders the model's figures, tables, code and the inline
// attributes of spans and links as XHTML: a figure is a <figure> with its
// image and <figcaption>, a table a <table> with <caption>, <thead> and
// <th scope> (WCAG 2.1, technique H63), code a <pre>. xhtml.go calls it.

// imagesDir is the folder inside EPUB/ that holds the figures' images.
const imagesDir = "images/"

// imageFile returns the name a resource has in the publication, relative
// to EPUB/: images/ and the resource's name with any character a file name
// of an OCF container should avoid replaced (OCF 3.3, §4.3.3).
func imageFile(name string) string {
	var b strings.Builder
	for _, c := range strings.TrimLeft(path.Clean("/"+name), "/") {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_':
			b.WriteRune(c)
		default:
			b.WriteByte('_')
		}
	}
	return imagesDir + "figure-" + b.String()
}

// figure renders an image block. Its image, when the edition holds it,
// goes into the publication; otherwise the figure keeps its description in
// place of the picture, so no text is lost.
func (r *xhtmlRenderer) figure(b *strings.Builder, bl *model.Block) error {
	if len(bl.Inlines) == 0 {
		r.wordlessPageBreaks(b, bl)
	}
	b.WriteString("<figure" + r.attrs(bl, "") + ">\n")
	alt := bl.Attr.Get("alt")
	res := r.ed.Resources[bl.Attr.Get("src")]
	if res != nil && strings.HasPrefix(res.MediaType, "image/") {
		r.access.Image(bl.ID, alt, res.MediaType)
		file := imageFile(res.Name)
		r.images[res.Name] = file
		fmt.Fprintf(b, `<img src="%s" alt="%s"/>`+"\n", escapeAttr(r.href(file, "")), escapeAttr(alt))
	} else if alt != "" && model.SameWords(model.PlainText(bl.Inlines), alt) {
		// The caption is the alt text, the same words however the
		// typography pass has set them (as a Markdown reader makes it): the
		// description once, the caption's words in its brackets; the
		// image's title, if any, is the caption.
		b.WriteString(`<p class="image-description">[`)
		if err := r.blockInlines(b, bl); err != nil {
			return err
		}
		b.WriteString("]</p>\n")
		label, title := figureLabel(bl), strings.TrimSpace(bl.Attr.Get("title"))
		if label != "" || title != "" {
			b.WriteString("<figcaption>")
			if label != "" {
				b.WriteString(`<span class="label">` + escapeText(label) + "</span> ")
			}
			b.WriteString(escapeText(title) + "</figcaption>\n")
		}
		b.WriteString("</figure>\n")
		return nil
	} else {
		if alt == "" {
			alt = "image"
		}
		b.WriteString(`<p class="image-description">[` + escapeText(alt) + "]</p>\n")
	}
	label := figureLabel(bl)
	if len(bl.Inlines) > 0 || label != "" {
		b.WriteString("<figcaption>")
		if label != "" {
			b.WriteString(`<span class="label">` + escapeText(label) + "</span> ")
		}
		if err := r.blockInlines(b, bl); err != nil {
			return err
		}
		b.WriteString("</figcaption>\n")
	}
	b.WriteString("</figure>\n")
	return nil
}

// figureLabel is a numbered figure's or table's label: "Figure 3.",
// "Table 1." (Chicago 3.7, 3.52).
func figureLabel(bl *model.Block) string {
	n := bl.Attr.Get("number")
	if n == "" {
		return ""
	}
	if bl.Kind == model.Table {
		return "Table " + n + "."
	}
	return "Figure " + n + "."
}

// rowOf returns a row holding bl: the row itself, or a row of one cell.
func rowOf(bl *model.Block) model.Block {
	if bl.Kind == model.TableRow {
		return *bl
	}
	return model.Block{Kind: model.TableRow, Children: []model.Block{*bl}}
}

// columnAligns reads a table's "align" attribute.
func columnAligns(bl *model.Block) []string {
	v := bl.Attr.Get("align")
	if v == "" {
		return nil
	}
	return strings.Split(v, ",")
}

// table renders a table: its caption, its header rows in <thead> with
// column headers (th scope="col"), its body rows in <tbody>.
func (r *xhtmlRenderer) table(b *strings.Builder, bl *model.Block) error {
	if len(bl.Inlines) == 0 {
		r.wordlessPageBreaks(b, bl)
	}
	class := ""
	if wideTable(bl) {
		class = "wide"
	}
	b.WriteString("<table" + r.attrs(bl, class) + ">\n")
	if label := figureLabel(bl); len(bl.Inlines) > 0 || label != "" {
		b.WriteString("<caption>")
		if label != "" {
			b.WriteString(`<span class="label">` + escapeText(label) + "</span> ")
		}
		if err := r.blockInlines(b, bl); err != nil {
			return err
		}
		b.WriteString("</caption>\n")
	}
	aligns := columnAligns(bl)
	var head, body []*model.Block
	for i := range bl.Children {
		row := &bl.Children[i]
		if row.Attr.Get("head") == "true" && len(body) == 0 {
			head = append(head, row)
		} else {
			body = append(body, row)
		}
	}
	section := func(tag string, rows []*model.Block, th bool) error {
		if len(rows) == 0 {
			return nil
		}
		b.WriteString("<" + tag + ">\n")
		for _, row := range rows {
			r.wordlessPageBreaks(b, row)
			b.WriteString("<tr" + r.attrs(row, "") + ">\n")
			for c := range row.Children {
				if err := r.cell(b, &row.Children[c], th, aligns, c); err != nil {
					return err
				}
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</" + tag + ">\n")
		return nil
	}
	if err := section("thead", head, true); err != nil {
		return err
	}
	if err := section("tbody", body, false); err != nil {
		return err
	}
	b.WriteString("</table>\n")
	return nil
}

// The measure, in ems of a table's text, a table must fit to stand whole on
// a phone held upright: 390 CSS pixels less the reading system's margins,
// at a 16-pixel text set at the table's 0.9em, is about 24em.
const phoneMeasure = 24.0

// wideTable reports whether a table's columns, each at least as wide as its
// longest word at about half an em a character and 1.2em of padding, are
// wider together than a phone's screen. The stylesheet sets such a table
// smaller and lets its cells break a word anywhere, so it never runs past
// the screen's edge, where a paginated reading system cuts it off: a
// table cannot wrap as a paragraph does, and scrolling inside a page is
// not something every reading system offers.
func wideTable(bl *model.Block) bool {
	var cols []int // the longest word of each column, in characters
	for i := range bl.Children {
		row := &bl.Children[i]
		for c := range row.Children {
			for len(cols) <= c {
				cols = append(cols, 0)
			}
			words := strings.FieldsFunc(model.BlockText(&row.Children[c]), func(r rune) bool {
				return isWordSpace(r) || r == '-' || r == '/' // a line may break after a hyphen or a slash
			})
			for _, w := range words {
				cols[c] = max(cols[c], utf8.RuneCountInString(w))
			}
		}
	}
	em := 0.0
	for _, n := range cols {
		em += 0.5*float64(n) + 1.2
	}
	return em > phoneMeasure
}

// cell renders one cell: a header cell names its column.
func (r *xhtmlRenderer) cell(b *strings.Builder, cell *model.Block, th bool, aligns []string, col int) error {
	tag, extra := "td", ""
	// An empty cell of a header row heads nothing: a header without text
	// is an error to a screen reader (axe's empty-table-header), so it is
	// an ordinary cell.
	if th && (len(cell.Inlines) > 0 || len(cell.Children) > 0) {
		tag, extra = "th", ` scope="col"`
	}
	class := ""
	if col < len(aligns) && aligns[col] != "default" && aligns[col] != "" {
		class = "align-" + aligns[col]
	}
	b.WriteString("<" + tag + r.attrs(cell, class) + extra + ">")
	if len(cell.Inlines) > 0 || len(cell.Children) == 0 {
		if err := r.blockInlines(b, cell); err != nil {
			return err
		}
	} else {
		r.wordlessPageBreaks(b, cell)
	}
	if len(cell.Children) > 0 {
		if err := r.blocks(b, cell.Children); err != nil {
			return err
		}
	}
	b.WriteString("</" + tag + ">\n")
	return nil
}

// codeBlock renders preformatted text: its lines as written, in <pre>.
func (r *xhtmlRenderer) codeBlock(b *strings.Builder, bl *model.Block) error {
	cur := &wordCursor{r: r}
	if bl.ID != "" {
		cur.pages = r.pages[bl.ID]
		delete(r.pages, bl.ID)
	}
	b.WriteString("<pre" + r.attrs(bl, "") + "><code>")
	for _, in := range bl.Inlines {
		switch in.Kind {
		case model.LineBreak:
			b.WriteString("\n")
			cur.step(' ')
		default:
			cur.text(b, model.PlainText([]model.Inline{in}))
		}
	}
	b.WriteString("</code></pre>\n")
	if len(cur.pages) > 0 {
		p := cur.pages[0]
		return fmt.Errorf("block %s: page %s starts at word %d but the block has %d words", bl.ID, p.Label, p.Word, cur.word)
	}
	if bl.ID != "" && cur.word > 0 {
		r.words[bl.ID] += cur.word
	}
	return nil
}

// wrapInlines writes inlines inside an element.
func (r *xhtmlRenderer) wrapInlines(b *strings.Builder, tag, attrs string, ins []model.Inline, cur *wordCursor) {
	b.WriteString("<" + tag + attrs + ">")
	r.inlines(b, ins, cur)
	b.WriteString("</" + tag + ">")
}

// inlineAnchor writes the id of a link or span that other links point at.
func inlineAnchor(a model.Attr) string {
	if id := a.Get("id"); id != "" && xmlName(id) {
		return ` id="` + escapeAttr(id) + `"`
	}
	return ""
}

// langAttrs writes the language of an element's text in both the forms an
// XHTML content document needs (EPUB 3.3, §6.1.4; WCAG 2.1, 3.1.2).
func langAttrs(lang string) string {
	if lang == "" {
		return ""
	}
	return ` lang="` + escapeAttr(lang) + `" xml:lang="` + escapeAttr(lang) + `"`
}

// indexInlineAnchors records the file of every inline anchor (a link or a
// span with an id), so that links to it from other files resolve.
func indexInlineAnchors(file map[string]string, f string, ins []model.Inline) error {
	for _, in := range ins {
		if id := in.Attr.Get("id"); id != "" && xmlName(id) && (in.Kind == model.Link || in.Kind == model.Span) {
			if prev, dup := file[id]; dup {
				return fmt.Errorf("duplicate id %q (in %s and %s)", id, prev, f)
			}
			file[id] = f
		}
		if err := indexInlineAnchors(file, f, in.Children); err != nil {
			return err
		}
	}
	return nil
}

// xmlName reports whether id can be an XML id: a letter or '_' first, then
// letters, digits, '-', '_' and '.'.
func xmlName(id string) bool {
	if id == "" || !(id[0] >= 'a' && id[0] <= 'z' || id[0] >= 'A' && id[0] <= 'Z' || id[0] == '_') {
		return false
	}
	for _, c := range id {
		if !(c == '-' || c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// outlineEntry is a heading inside a section, for the nested contents of
// the nav document and the NCX.
type outlineEntry struct {
	level    int
	class    string // "editorial" for a title the editor supplied
	href     string // relative to EPUB/
	xhtml    string // the heading's text as XHTML
	plain    string
	children []outlineEntry
}

// outline returns the headings of a section (levels 2 to 4), nested by
// level, for the contents: a book's headings to four levels, the section
// title being the first. A heading that repeats the section's own title
// is left out, as the print contents leave it out (printing.contentsOf):
// an anthology that heads an article's headnote and then the article
// with the same words would list each twice, one under the other.
func (r *xhtmlRenderer) outline(s *model.Section) []outlineEntry {
	title := model.PlainText(s.Title)
	var flat []outlineEntry
	var walk func([]model.Block)
	walk = func(bs []model.Block) {
		for i := range bs {
			bl := &bs[i]
			if bl.Kind == model.Heading && bl.ID != "" && bl.Level >= 2 && bl.Level <= 4 && !bl.Editorial {
				var x strings.Builder
				r.inlines(&x, contentsInlines(bl.Inlines), nil)
				plain := strings.TrimSpace(model.PlainText(contentsInlines(bl.Inlines)))
				if plain != "" && !model.SameWords(plain, title) {
					flat = append(flat, outlineEntry{level: bl.Level, href: sectionFile(s) + "#" + bl.ID, xhtml: x.String(), plain: plain})
				}
			}
			if bl.Kind == model.Div || bl.Kind == model.BlockQuote {
				walk(bl.Children)
			}
		}
	}
	walk(s.Blocks)
	var nest func(level int) []outlineEntry
	i := 0
	nest = func(level int) []outlineEntry {
		var out []outlineEntry
		for i < len(flat) && flat[i].level >= level {
			e := flat[i]
			i++
			e.children = nest(e.level + 1)
			out = append(out, e)
		}
		return out
	}
	return nest(2)
}

// navList writes nested entries of the nav document's contents.
func navList(b *strings.Builder, entries []outlineEntry) {
	if len(entries) == 0 {
		return
	}
	b.WriteString("<ol>\n")
	for _, e := range entries {
		navEntry(b, e)
	}
	b.WriteString("</ol>\n")
}

// ncxPoints writes nested navPoints of the NCX, numbering them from *n,
// and returns the depth they reach.
func ncxPoints(b *strings.Builder, entries []outlineEntry, n *int) int {
	depth := 0
	for _, e := range entries {
		*n++
		fmt.Fprintf(b, "<navPoint id=\"navpoint-%d\" playOrder=\"%d\"><navLabel><text>%s</text></navLabel><content src=\"%s\"/>", *n, *n, escapeText(e.plain), escapeAttr(e.href))
		if len(e.children) > 0 {
			b.WriteString("\n")
		}
		depth = max(depth, 1+ncxPoints(b, e.children, n))
		b.WriteString("</navPoint>\n")
	}
	return depth
}

// epubImage is an image file of the publication.
type epubImage struct {
	href      string // relative to EPUB/
	mediaType string
	data      []byte
}

// figureImages returns the images the rendered figures use, in the order
// of their names.
func (r *xhtmlRenderer) figureImages() []epubImage {
	var out []epubImage
	for name, file := range r.images {
		res := r.ed.Resources[name]
		out = append(out, epubImage{href: file, mediaType: res.MediaType, data: res.Data})
	}
	sortImages(out)
	return out
}

func sortImages(ims []epubImage) {
	sort.Slice(ims, func(i, j int) bool { return ims[i].href < ims[j].href })
}

// lineInlines returns a line block's inlines set line by line as Standard
// Ebooks sets verse (Manual of Style, 7.5.1, "Poetry, verse, and song"):
// each line a span of its own, which the stylesheet sets as a block with
// a hanging indent, so a line too long for the screen turns over indented
// under itself instead of starting level with the next line; the <br/>
// between the lines stays, for reading systems without the stylesheet. A
// line the source indents with leading spaces (no-break spaces in the
// model) loses them for the class of its depth, i1 for one or two, i2 for
// three or four and so on up to i6, as no-break spaces measure no
// predictable width and would indent a turned line's first part only.
//
// The second result is false when a line break stands inside an inline the
// lines cannot be parted through without doubling its id or its link (a
// link, a citation, a span that other links point at): the block is then
// set as written, breaks and all.
func lineInlines(ins []model.Inline) ([]model.Inline, bool) {
	lines, ok := splitLines(ins)
	if !ok {
		return nil, false
	}
	var out []model.Inline
	for i, l := range lines {
		if i > 0 {
			out = append(out, model.Inline{Kind: model.LineBreak})
		}
		l, n := stripIndent(l)
		var attr model.Attr
		if n > 0 {
			attr = model.Attr{{Key: "class", Value: "i" + strconv.Itoa(min((n+1)/2, 6))}}
		}
		out = append(out, model.Inline{Kind: model.Span, Attr: attr, Children: l})
	}
	return out, true
}

// partable reports whether an inline holding a line break can be parted
// into one copy per line: formatting only, with no id.
func partable(in model.Inline) bool {
	switch in.Kind {
	case model.Emph, model.Strong, model.SmallCaps, model.Strikeout, model.Superscript, model.Subscript:
		return true
	case model.Span:
		return in.Attr.Get("id") == ""
	}
	return false
}

// splitLines parts inlines at their line breaks, the inlines a break
// stands inside copied onto each line (see lineInlines).
func splitLines(ins []model.Inline) ([][]model.Inline, bool) {
	lines := [][]model.Inline{nil}
	for _, in := range ins {
		switch {
		case in.Kind == model.LineBreak:
			lines = append(lines, nil)
		case !hasLineBreak(in.Children):
			lines[len(lines)-1] = append(lines[len(lines)-1], in)
		case !partable(in):
			return nil, false
		default:
			inner, ok := splitLines(in.Children)
			if !ok {
				return nil, false
			}
			for j, l := range inner {
				if j > 0 {
					lines = append(lines, nil)
				}
				if len(l) > 0 {
					part := in
					part.Children = l
					lines[len(lines)-1] = append(lines[len(lines)-1], part)
				}
			}
		}
	}
	return lines, true
}

func hasLineBreak(ins []model.Inline) bool {
	for _, in := range ins {
		if in.Kind == model.LineBreak || hasLineBreak(in.Children) {
			return true
		}
	}
	return false
}

// stripIndent removes the spaces and no-break spaces a line opens with and
// returns how many no-break spaces there were: the model's indentation
// (ordinary spaces alone are word spaces the reader kept, which XHTML
// collapses). It leaves them when nothing but spaces follows, so a line of
// spaces keeps its height, or a tab does. The line's words are counted as
// before: a no-break space is part of the word it joins (isWordSpace), so
// the run and the word after it were one word and the word is one still.
func stripIndent(line []model.Inline) ([]model.Inline, int) {
	if len(line) == 0 {
		return line, 0
	}
	first := line[0]
	var n int
	switch first.Kind {
	case model.Text:
		rest := strings.TrimLeft(first.Text, " \u00a0")
		if rest == "" || isWordSpace([]rune(rest)[0]) {
			return line, 0
		}
		n = strings.Count(first.Text[:len(first.Text)-len(rest)], "\u00a0")
		first.Text = rest
	case model.Emph, model.Strong, model.SmallCaps, model.Strikeout, model.Superscript, model.Subscript, model.Span:
		first.Children, n = stripIndent(first.Children)
	}
	if n == 0 {
		return line, 0
	}
	return append([]model.Inline{first}, line[1:]...), n
}
