package printing

import (
	"strconv"
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/linebreak"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file sets a block of raw HTML that is one table as a table. The
// Markdown reader keeps raw a table the model cannot carry, one whose
// cells span rows or columns (a Wikisource table of editions, say); the
// EPUB shows its HTML, and the print edition sets its grid rather than its
// words run together. A cell spanning columns spans them in layout's
// table too (document.Cell.Span); one spanning rows stands in its first
// row, the rows below left empty in its columns, as a printed table
// leaves a repeated year blank.

// maxSpan bounds a cell's colspan and rowspan, as HTML bounds them (HTML
// Living Standard, §4.9.11: colspan at most 1000, rowspan at most 65534);
// a table of a few rows needs no more than it has.
const maxSpan = 1000

// rawTable returns the table a raw block holds, when its sanitised XHTML
// is one table (perhaps inside elements holding nothing else), and false
// for any other raw block. Its words are counted under the block's ID, in
// the order the block's text (its Inlines) gives them: caption, then rows.
func (pr printer) rawTable(b model.Block, level int) (document.Block, bool) {
	x := b.Attr.Get("html")
	if !strings.Contains(x, "<table") {
		return document.Block{}, false
	}
	nodes, err := html.ParseFragment(strings.NewReader(x), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return document.Block{}, false
	}
	table := onlyTable(nodes)
	if table == nil {
		return document.Block{}, false
	}
	var caption []model.Inline
	type htmlRow struct {
		tr   *html.Node
		head bool
	}
	var rows []htmlRow
	var walk func(n *html.Node, head bool)
	walk = func(n *html.Node, head bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Caption:
				if caption == nil {
					caption = trimInlines(htmlInlines(c))
				}
			case atom.Thead:
				walk(c, true)
			case atom.Tbody, atom.Tfoot:
				walk(c, false)
			case atom.Tr:
				rows = append(rows, htmlRow{c, head})
			}
		}
	}
	walk(table, false)
	if len(rows) == 0 {
		return document.Block{}, false
	}
	t := &document.Table{}
	offset := len(linebreak.Words(model.PlainText(caption)))
	// below[c] is how many rows more a cell spanning rows holds column c,
	// and span[c] how many columns it holds from there.
	var below, span []int
	// The alignments the cells of one column state, in the header and in
	// the body.
	headAligns, bodyAligns := map[int][]string{}, map[int][]string{}
	inHead := true
	for _, r := range rows {
		var cells []document.Cell
		c := 0
		held := append([]int(nil), below...)
		// skip leaves the columns a cell from a row above holds empty.
		skip := func() {
			for c < len(below) && held[c] > 0 {
				n := span[c]
				held[c] = 0
				cells = append(cells, document.Cell{Span: n})
				c += n
			}
		}
		aligns := map[int][]string{}
		allHead := true
		for _, td := range elementChildren(r.tr) {
			if td.DataAtom != atom.Td && td.DataAtom != atom.Th {
				continue
			}
			skip()
			allHead = allHead && td.DataAtom == atom.Th
			cols := spanAttr(td, "colspan", 1)
			rowsDown := spanAttr(td, "rowspan", 1)
			cell := pr.htmlCell(td, b.ID, &offset)
			if cols > 1 {
				cell.Span = cols
			}
			cells = append(cells, cell)
			if cols == 1 {
				aligns[c] = append(aligns[c], cellTextAlign(td))
			}
			if rowsDown > 1 {
				for len(below) < c+1 {
					below, span = append(below, 0), append(span, 1)
				}
				// Counted down at the row's end, this row included.
				below[c], span[c] = rowsDown, cols
			}
			c += cols
		}
		skip()
		// A cell from above holds its columns for this row, whether or not
		// the row's cells reached them.
		for k := range below {
			if below[k] > 0 {
				below[k]--
			}
		}
		head := r.head || allHead && inHead && len(cells) > 0
		stated := bodyAligns
		if head && inHead {
			t.Head = append(t.Head, cells)
			stated = headAligns
		} else {
			inHead = false
			t.Body = append(t.Body, cells)
		}
		for c, a := range aligns {
			stated[c] = append(stated[c], a...)
		}
	}
	last := -1
	for c := range headAligns {
		last = max(last, c)
	}
	for c := range bodyAligns {
		last = max(last, c)
	}
	for c := 0; c <= last; c++ {
		// The body's cells say how a column is aligned, failing them
		// its header's, as the Markdown reader reads an HTML table.
		stated := bodyAligns[c]
		if len(stated) == 0 {
			stated = headAligns[c]
		}
		t.Align = append(t.Align, agreedAlign(stated))
	}
	return document.Block{ID: b.ID, Style: document.TableBlock, Table: t, Spans: pr.spans(caption, document.Roman), Level: level}, true
}

// onlyTable returns the table nodes hold when they hold nothing else but
// white space, perhaps inside elements that hold nothing else (a <div>, a
// <center>); else nil.
func onlyTable(nodes []*html.Node) *html.Node {
	var only *html.Node
	for _, n := range nodes {
		switch {
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) == "":
		case n.Type == html.ElementNode && only == nil:
			only = n
		default:
			return nil
		}
	}
	if only == nil {
		return nil
	}
	if only.DataAtom == atom.Table {
		return only
	}
	var kids []*html.Node
	for c := only.FirstChild; c != nil; c = c.NextSibling {
		kids = append(kids, c)
	}
	return onlyTable(kids)
}

// elementChildren returns n's child elements.
func elementChildren(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

// spanAttr returns a cell's colspan or rowspan: def when absent or not a
// positive number, at most maxSpan.
func spanAttr(n *html.Node, key string, def int) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return def
			}
			return min(v, maxSpan)
		}
	}
	return def
}

// cellTextAlign returns the alignment the sanitiser kept on a cell, as
// "text-align: right" in its style.
func cellTextAlign(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "style" {
			return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(a.Val, "text-align:"), ";"))
		}
	}
	return ""
}

// agreedAlign is a column's alignment: the one all its cells state, else
// left, as the model aligns a column, not a cell.
func agreedAlign(stated []string) document.Align {
	if len(stated) == 0 {
		return document.AlignLeft
	}
	for _, a := range stated[1:] {
		if a != stated[0] {
			return document.AlignLeft
		}
	}
	switch strings.TrimSpace(stated[0]) {
	case "right":
		return document.AlignRight
	case "center":
		return document.AlignCenter
	}
	return document.AlignLeft
}

// htmlCell sets a cell's content: a paragraph for each run of text
// between its blocks and line breaks, a list item's opening with a
// bullet, a header cell's in italics. offset counts the block's words, so
// each paragraph's first word is known among them.
func (pr printer) htmlCell(td *html.Node, id string, offset *int) document.Cell {
	style := document.Roman
	if td.DataAtom == atom.Th {
		style = document.Italic
	}
	var cell document.Cell
	var run []model.Inline
	prefix := ""
	flush := func() {
		ins := trimInlines(run)
		run = nil
		if len(ins) == 0 {
			return
		}
		spans := pr.spans(ins, style)
		if prefix != "" {
			spans = append([]document.Span{{Text: prefix, Style: style}}, spans...)
			prefix = ""
		}
		cell.Paras = append(cell.Paras, document.CellPara{ID: id, Spans: spans, WordOffset: *offset})
		*offset += len(linebreak.Words(model.PlainText(ins)))
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode || c.Type == html.ElementNode && phrasing[c.DataAtom]:
				run = append(run, htmlInline(c)...)
			case c.Type == html.ElementNode && c.DataAtom == atom.Br:
				flush()
			case c.Type == html.ElementNode:
				flush()
				if c.DataAtom == atom.Li {
					prefix = "•\u00a0" // joined to the first word, so it adds none
				}
				walk(c)
				flush()
			}
		}
	}
	walk(td)
	flush()
	return cell
}

// phrasing are the elements of running text whose content stays in the
// paragraph around them (a <br> parts it).
var phrasing = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Cite: true, atom.Code: true,
	atom.Data: true, atom.Del: true, atom.Dfn: true, atom.Em: true, atom.I: true, atom.Ins: true, atom.Kbd: true,
	atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true,
	atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true, atom.Wbr: true,
}

// htmlInlines converts the content of an element of running text.
func htmlInlines(n *html.Node) []model.Inline {
	var out []model.Inline
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, htmlInline(c)...)
	}
	return out
}

// htmlInline converts one node of running text to the model's inlines:
// emphasis, strong text, code, raised and lowered text, struck text as
// the model has them, any other element as its content. White space
// collapses to one space, as HTML sets it (CSS Text 3, §4.1.1). A link
// is set as its text, as the block's text (Inlines) gives it.
func htmlInline(n *html.Node) []model.Inline {
	if n.Type == html.TextNode {
		return []model.Inline{model.Str(collapseSpace(n.Data))}
	}
	if n.Type != html.ElementNode {
		return nil
	}
	kids := htmlInlines(n)
	switch n.DataAtom {
	case atom.Br:
		return []model.Inline{model.Str(" ")}
	case atom.Em, atom.I, atom.Cite, atom.Dfn, atom.Var:
		return []model.Inline{{Kind: model.Emph, Children: kids}}
	case atom.Strong, atom.B:
		return []model.Inline{{Kind: model.Strong, Children: kids}}
	case atom.Code, atom.Kbd, atom.Samp:
		return []model.Inline{{Kind: model.Code, Text: model.PlainText(kids)}}
	case atom.Sup:
		return []model.Inline{{Kind: model.Superscript, Children: kids}}
	case atom.Sub:
		return []model.Inline{{Kind: model.Subscript, Children: kids}}
	case atom.S, atom.Del:
		return []model.Inline{{Kind: model.Strikeout, Children: kids}}
	}
	return kids
}

// collapseSpace collapses each run of HTML's white space to one space.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// trimInlines drops the white space that opens and closes a run of
// inlines, and merges the text split by elements left out, so that a
// paragraph neither opens nor closes with a space.
func trimInlines(ins []model.Inline) []model.Inline {
	out := make([]model.Inline, 0, len(ins))
	for _, in := range ins {
		if n := len(out); n > 0 && in.Kind == model.Text && out[n-1].Kind == model.Text {
			out[n-1].Text = collapseSpace(out[n-1].Text + in.Text)
			continue
		}
		out = append(out, in)
	}
	for len(out) > 0 && out[0].Kind == model.Text {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		if out[0].Text != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 && out[len(out)-1].Kind == model.Text {
		out[len(out)-1].Text = strings.TrimRight(out[len(out)-1].Text, " ")
		if out[len(out)-1].Text != "" {
			break
		}
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
