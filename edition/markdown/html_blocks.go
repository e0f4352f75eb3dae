package markdown

// This file turns a block of raw HTML, once sanitised, into the model's
// own blocks when every element of it is one the model has: a table, a
// list, a heading written in HTML are then set by the print edition as
// the same structures written in Markdown are, not as a run of their
// words. Anything else stays a model.RawBlock, which only the EPUB shows
// as HTML.

import (
	"strings"

	"github.com/bindery-editions/bindery/edition/markdown/rawhtml"
	"github.com/bindery-editions/bindery/edition/model"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlConverter converts one sanitised block of raw HTML. The parser
// gives no position inside the block, so every block takes its first
// line.
type htmlConverter struct {
	r    *markdownReader
	line int
	ok   bool // false once an element or attribute the model cannot carry is met
}

// htmlBlocks returns the model's blocks for the sanitised nodes of a
// block of raw HTML, and false when the model cannot carry all of it (or
// it holds no text), which then stays raw.
func (r *markdownReader) htmlBlocks(nodes []*html.Node, line int) ([]model.Block, bool) {
	c := &htmlConverter{r: r, line: line, ok: true}
	out := c.flow(nodes)
	if !c.ok || len(out) == 0 {
		return nil, false
	}
	// Identifiers are taken only once the whole block converts, so that
	// one that stays raw reserves none.
	r.headingIDs(out)
	return out, true
}

// headingIDs gives each heading among bs an identifier made from its
// text, as a Markdown heading without {#id} gets one (the sanitiser keeps
// no id attribute: an HTML id may clash with the edition's own).
func (r *markdownReader) headingIDs(bs []model.Block) {
	for i := range bs {
		if bs[i].Kind == model.Heading && bs[i].ID == "" {
			bs[i].ID = r.uniqueID(autoIdentifier(model.PlainText(bs[i].Inlines)))
		}
		r.headingIDs(bs[i].Children)
	}
}

// childNodes returns n's child nodes.
func childNodes(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, c)
	}
	return out
}

// elements returns n's child elements, skipping the white space between
// them (the sanitiser leaves nothing else where only elements may stand).
func elements(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

// htmlAttr returns the value of n's attribute key, or "".
func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// isPhrasing reports whether a node stands in running text.
func isPhrasing(n *html.Node) bool {
	return n.Type == html.TextNode || n.Type == html.ElementNode && rawhtml.Phrasing(n.DataAtom)
}

// blockAttr returns the attributes of a block element the model keeps,
// its language; a writing direction, which the model has no place for,
// keeps the whole block raw.
func (c *htmlConverter) blockAttr(n *html.Node) model.Attr {
	if htmlAttr(n, "dir") != "" {
		c.ok = false
	}
	if l := htmlAttr(n, "lang"); l != "" {
		return model.Attr{{Key: "lang", Value: l}}
	}
	return nil
}

// flow converts flow content: each block element a block, each run of
// text between them a paragraph, as a browser sets a run of text beside
// blocks in an anonymous block box (CSS 2.1, §9.2.1.1).
func (c *htmlConverter) flow(nodes []*html.Node) []model.Block {
	var out []model.Block
	var run []*html.Node
	flush := func() {
		if ins := trimInlines(c.inlines(run)); len(ins) > 0 {
			out = append(out, model.Block{Kind: model.Paragraph, Inlines: ins, Line: c.line})
		}
		run = nil
	}
	for _, n := range nodes {
		if isPhrasing(n) {
			run = append(run, n)
			continue
		}
		flush()
		if n.Type == html.ElementNode {
			out = append(out, c.block(n)...)
		}
	}
	flush()
	return out
}

// block converts one block element.
func (c *htmlConverter) block(n *html.Node) []model.Block {
	b := model.Block{Line: c.line, Attr: c.blockAttr(n)}
	switch n.DataAtom {
	case atom.P:
		b.Kind, b.Inlines = model.Paragraph, c.phrasing(n)
		if len(b.Inlines) == 0 {
			return nil
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		// The level as written, as a Markdown heading's until the
		// document is cut into parts (levels, nestedLevels).
		b.Kind, b.Level, b.Inlines = model.Heading, int(n.Data[1]-'0'), c.phrasing(n)
		if len(b.Inlines) == 0 {
			return nil
		}
	case atom.Blockquote:
		b.Kind, b.Children = model.BlockQuote, markAttribution(c.flow(childNodes(n)))
	case atom.Ul, atom.Ol:
		return []model.Block{c.list(n, b)}
	case atom.Dl:
		b.Kind, b.Children = model.DefinitionList, c.definitions(n)
	case atom.Table:
		return []model.Block{c.table(n, b)}
	case atom.Hr:
		b.Kind = model.ThematicBreak
	case atom.Pre:
		return c.pre(n)
	case atom.Div:
		// A div with nothing to say of its content is only a wrapper,
		// common around a whole Web page's text.
		if cl := cssClass(htmlAttr(n, "class")); cl != "" {
			b.Attr = b.Attr.Set("class", cl)
		}
		if len(b.Attr) == 0 {
			return c.flow(childNodes(n))
		}
		b.Kind, b.Children = model.Div, c.flow(childNodes(n))
	default:
		// A section, a figure, an address...: structures the model has
		// no kind for.
		c.ok = false
		return nil
	}
	return []model.Block{b}
}

// list converts a <ul> or <ol>. A list whose items hold no paragraph is
// tight, as a Markdown list without blank lines between its items; an
// ordered list numbered other than by decimal numbers, or backwards, or
// with an item's own number, keeps its HTML, whose numbers the model
// cannot give.
func (c *htmlConverter) list(n *html.Node, b model.Block) model.Block {
	b.Kind = model.List
	if n.DataAtom == atom.Ol {
		b.Attr = b.Attr.Set("ordered", "true")
		if t := htmlAttr(n, "type"); t != "" && t != "1" || htmlAttr(n, "reversed") != "" {
			c.ok = false
		}
		if s := htmlAttr(n, "start"); s != "" && s != "1" {
			b.Attr = b.Attr.Set("start", s)
		}
	}
	tight := true
	for _, li := range elements(n) {
		if htmlAttr(li, "value") != "" {
			c.ok = false
		}
		for _, e := range elements(li) {
			tight = tight && e.DataAtom != atom.P
		}
		b.Children = append(b.Children, model.Block{Kind: model.ListItem, Children: c.flow(childNodes(li)), Line: c.line, Attr: c.blockAttr(li)})
	}
	if tight {
		b.Attr = b.Attr.Set("tight", "true")
	}
	return b
}

// definitions converts the terms and definitions of a <dl>, with those a
// <div> in it groups.
func (c *htmlConverter) definitions(n *html.Node) []model.Block {
	var out []model.Block
	for _, e := range elements(n) {
		switch e.DataAtom {
		case atom.Dt:
			out = append(out, model.Block{Kind: model.Term, Inlines: c.phrasing(e), Line: c.line, Attr: c.blockAttr(e)})
		case atom.Dd:
			out = append(out, model.Block{Kind: model.Definition, Children: c.flow(childNodes(e)), Line: c.line, Attr: c.blockAttr(e)})
		case atom.Div:
			out = append(out, c.definitions(e)...)
		}
	}
	return out
}

// table converts a <table>: its caption, then its rows; the rows of its
// head, and the rows of header cells only before any other, are header
// rows. A cell spanning rows or columns keeps the table's HTML, as the
// model's cells span none.
func (c *htmlConverter) table(n *html.Node, b model.Block) model.Block {
	b.Kind = model.Table
	columns := 0
	body := false
	var headAligns, bodyAligns [][]string // each column's alignments, as its cells state them
	for _, part := range elements(n) {
		switch part.DataAtom {
		case atom.Caption:
			b.Inlines = c.phrasing(part)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for _, tr := range elements(part) {
				row, aligns := c.tableRow(tr)
				stated := &bodyAligns
				if part.DataAtom == atom.Thead || !body && allHeaderCells(tr) {
					row.Attr = row.Attr.Set("head", "true")
					stated = &headAligns
				} else {
					body = true
				}
				for i, a := range aligns {
					for len(*stated) <= i {
						*stated = append(*stated, nil)
					}
					if a != "" {
						(*stated)[i] = append((*stated)[i], a)
					}
				}
				columns = max(columns, len(row.Children))
				b.Children = append(b.Children, row)
			}
		}
	}
	// Every row as wide as the widest, as a Markdown table's are.
	for i := range b.Children {
		for len(b.Children[i].Children) < columns {
			b.Children[i].Children = append(b.Children[i].Children, model.Block{Kind: model.TableCell, Line: c.line})
		}
	}
	if columns == 0 {
		c.ok = false
		return b
	}
	aligns := make([]string, columns)
	for i := range aligns {
		aligns[i] = columnAlign(i, bodyAligns, headAligns)
	}
	b.Attr = b.Attr.Set("align", strings.Join(aligns, ","))
	return b
}

// columnAlign returns the model's alignment of column i: the one its body
// cells state, or failing them its header cells, when they agree; the
// model aligns a column, not a cell.
func columnAlign(i int, body, head [][]string) string {
	for _, stated := range [][][]string{body, head} {
		if i >= len(stated) || len(stated[i]) == 0 {
			continue
		}
		for _, a := range stated[i][1:] {
			if a != stated[i][0] {
				return alignNames['d']
			}
		}
		return stated[i][0]
	}
	return alignNames['d']
}

// allHeaderCells reports whether a row holds header cells only.
func allHeaderCells(tr *html.Node) bool {
	cells := elements(tr)
	for _, td := range cells {
		if td.DataAtom != atom.Th {
			return false
		}
	}
	return len(cells) > 0
}

// tableRow converts a <tr>, and returns the alignment each cell states;
// a cell of text only holds it as inlines, as a Markdown table's simple
// cell does, any other its blocks.
func (c *htmlConverter) tableRow(tr *html.Node) (model.Block, []string) {
	row := model.Block{Kind: model.TableRow, Line: c.line}
	var aligns []string
	for _, td := range elements(tr) {
		aligns = append(aligns, rawhtml.TextAlign(td))
		for _, span := range []string{"colspan", "rowspan"} {
			if v := htmlAttr(td, span); v != "" && v != "1" {
				c.ok = false
			}
		}
		cell := model.Block{Kind: model.TableCell, Line: c.line, Attr: c.blockAttr(td)}
		kids := childNodes(td)
		simple := true
		for _, k := range kids {
			simple = simple && isPhrasing(k)
		}
		if simple {
			cell.Inlines = trimInlines(c.inlines(kids))
		} else {
			cell.Children = c.flow(kids)
		}
		row.Children = append(row.Children, cell)
	}
	return row, aligns
}

// pre converts a <pre> of text, or of one <code> of text, to a code
// block; a <pre> holding other markup keeps its HTML, since the model's
// code block holds literal text only.
func (c *htmlConverter) pre(n *html.Node) []model.Block {
	text := n
	if es := elements(n); len(es) == 1 && es[0].DataAtom == atom.Code && onlyWhiteSpaceBeside(n, es[0]) {
		text = es[0]
	}
	raw, ok := plainText(text)
	if !ok {
		c.ok = false
		return nil
	}
	b := model.Block{Kind: model.CodeBlock, Line: c.line, Attr: c.blockAttr(n), Inlines: codeInlines(strings.TrimRight(raw, "\n"))}
	// "language-x", the class HTML suggests for a code element's
	// language (HTML Living Standard, §4.5.15) and pandoc writes.
	for _, cl := range strings.Fields(htmlAttr(text, "class")) {
		if l, ok := strings.CutPrefix(cl, "language-"); ok && l != "" {
			b.Attr = b.Attr.Set("language", l)
			break
		}
	}
	if len(b.Inlines) == 0 {
		return nil
	}
	return []model.Block{b}
}

// onlyWhiteSpaceBeside reports whether n holds nothing but white space
// beside its child e.
func onlyWhiteSpaceBeside(n, e *html.Node) bool {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k != e && (k.Type != html.TextNode || strings.TrimSpace(k.Data) != "") {
			return false
		}
	}
	return true
}

// plainText returns the text n holds, false when it holds an element.
func plainText(n *html.Node) (string, bool) {
	var b strings.Builder
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type != html.TextNode {
			return "", false
		}
		b.WriteString(k.Data)
	}
	return b.String(), true
}

// phrasing converts the content of an element that holds running text
// (a paragraph, a heading, a term, a caption).
func (c *htmlConverter) phrasing(n *html.Node) []model.Inline {
	return trimInlines(c.inlines(childNodes(n)))
}

// inlines converts phrasing content, merging adjacent text. White space
// collapses to one space, as HTML sets it (CSS Text 3, §4.1.1).
func (c *htmlConverter) inlines(nodes []*html.Node) []model.Inline {
	var out []model.Inline
	add := func(in model.Inline) {
		if n := len(out); n > 0 && in.Kind == model.Text && out[n-1].Kind == model.Text {
			out[n-1].Text = collapseSpace(out[n-1].Text + in.Text)
			return
		}
		out = append(out, in)
	}
	for _, n := range nodes {
		if n.Type == html.TextNode {
			add(model.Str(collapseSpace(n.Data)))
			continue
		}
		if !isPhrasing(n) {
			// A block in running text: the sanitiser leaves none but in
			// a link, whose content model is its parent's.
			c.ok = false
			continue
		}
		if htmlAttr(n, "dir") != "" {
			c.ok = false
		}
		switch n.DataAtom {
		case atom.Br:
			add(model.Inline{Kind: model.LineBreak})
		case atom.Wbr:
		case atom.A:
			ch := c.inlines(childNodes(n))
			href := htmlAttr(n, "href")
			if href == "" {
				// A link the sanitiser took the target of: its text.
				for _, in := range ch {
					add(in)
				}
				continue
			}
			add(c.r.newLink(href, ch, "", c.line))
		case atom.Code, atom.Kbd, atom.Samp:
			t, ok := plainText(n)
			if !ok {
				c.ok = false
				continue
			}
			add(model.Inline{Kind: model.Code, Text: t})
		default:
			in, ok := c.element(n)
			if !ok {
				c.ok = false
				continue
			}
			if len(in.Children) > 0 {
				add(in)
			}
		}
	}
	return out
}

// element converts an element of running text by the rule inline raw
// HTML in a Markdown paragraph follows (inlineForTag), keeping a
// language the rule's kind does not carry in a span around it.
func (c *htmlConverter) element(n *html.Node) (model.Inline, bool) {
	t := rawhtml.Tag{Name: n.Data, Atom: n.DataAtom}
	for _, a := range n.Attr {
		if t.Attr == nil {
			t.Attr = map[string]string{}
		}
		t.Attr[a.Key] = a.Val
	}
	kind, a, ok := inlineForTag(t)
	if !ok {
		return model.Inline{}, false
	}
	in := model.Inline{Kind: kind, Attr: a, Children: c.inlines(childNodes(n))}
	if l := htmlAttr(n, "lang"); l != "" && in.Attr.Get("lang") == "" && len(in.Children) > 0 {
		in = model.Inline{Kind: model.Span, Attr: model.Attr{{Key: "lang", Value: l}}, Children: []model.Inline{in}}
	}
	return in, true
}

// collapseSpace collapses each run of HTML's white space (space, tab,
// line feed, form feed, carriage return: HTML Living Standard, §2.3.3)
// to one space; a no-break space is no white space.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\t\n\f\r") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// trimInlines leaves out the white space at the start and end of a
// block's text, which HTML does not set.
func trimInlines(ins []model.Inline) []model.Inline {
	for len(ins) > 0 && ins[0].Kind == model.Text {
		ins[0].Text = strings.TrimLeft(ins[0].Text, " ")
		if ins[0].Text != "" {
			break
		}
		ins = ins[1:]
	}
	for n := len(ins); n > 0 && ins[n-1].Kind == model.Text; n = len(ins) {
		ins[n-1].Text = strings.TrimRight(ins[n-1].Text, " ")
		if ins[n-1].Text != "" {
			break
		}
		ins = ins[:n-1]
	}
	if len(ins) == 0 {
		return nil
	}
	return ins
}
