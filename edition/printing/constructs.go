package printing

import (
	"fmt"
	"strings"

	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"

	"github.com/bindery-editions/bindery/layout/document"
)

// This file translates the model's figures, tables, code, verse, formulas
// and the other constructs of a document into layout's blocks. print.go
// calls construct for the block kinds it does not set itself.

// construct translates a block of one of the constructs; ok is false for
// any other kind.
func (pr printer) construct(b model.Block, level int) ([]document.Block, bool) {
	switch b.Kind {
	case model.Image:
		return []document.Block{pr.figure(b, level)}, true
	case model.Table:
		return []document.Block{pr.table(b, level)}, true
	case model.TableRow, model.TableCell:
		t := model.Block{Kind: model.Table, Children: []model.Block{b}}
		if b.Kind == model.TableCell {
			t.Children = []model.Block{{Kind: model.TableRow, Children: []model.Block{b}}}
		}
		return []document.Block{pr.table(t, level)}, true
	case model.DefinitionList:
		var out []document.Block
		for _, c := range b.Children {
			out = append(out, pr.definitionPart(c, level)...)
		}
		return out, true
	case model.Term, model.Definition:
		return pr.definitionPart(b, level), true
	case model.LineBlock:
		return linesOf(b, document.Verse, level, pr), true
	case model.CodeBlock:
		return linesOf(b, document.Code, level, pr), true
	case model.Div:
		return pr.blocks(b.Children, level, false), true
	case model.RawBlock:
		if len(b.Inlines) == 0 {
			return nil, true
		}
		if t, ok := pr.rawTable(b, level); ok {
			return []document.Block{t}, true
		}
		style := document.Body
		if level > 0 {
			style = document.Quote
		}
		return []document.Block{{ID: b.ID, Style: style, Spans: pr.spans(b.Inlines, document.Roman), Level: level}}, true
	}
	return nil, false
}

// figure sets an image block: the picture, when the edition holds it in a
// form the PDF embeds; otherwise its description in brackets, so no text is
// lost.
func (pr printer) figure(b model.Block, level int) document.Block {
	lb := document.Block{ID: b.ID, Spans: pr.spans(b.Inlines, document.Roman), Level: level, Number: pr.figureNumber(b)}
	if im := pr.image(b.Attr.Get("src")); im != nil {
		lb.Style, lb.Image, lb.Alt = document.Figure, im, b.Attr.Get("alt")
		return lb
	}
	lb.Style = document.Display
	alt := b.Attr.Get("alt")
	if alt != "" && model.SameWords(model.PlainText(b.Inlines), alt) {
		// The caption is the alt text, the same words however the
		// typography pass has set them (as a Markdown reader makes it):
		// the description once, in its brackets, its words the caption's,
		// then the image's title, if it has one.
		lb.Spans = append(append([]document.Span{{Text: "[", Style: document.Italic}}, pr.spans(b.Inlines, document.Italic)...), document.Span{Text: "]", Style: document.Italic})
		if title := strings.TrimSpace(b.Attr.Get("title")); title != "" {
			lb.Spans = append(lb.Spans, document.Span{Text: " " + title, Style: document.Roman})
		}
		return lb
	}
	if alt == "" {
		alt = "image"
	}
	lb.Spans = append([]document.Span{{Text: "[" + alt + "]", Style: document.Italic}}, lb.Spans...)
	if len(lb.Spans) > 1 {
		lb.Spans[0].Text += " "
	}
	return lb
}

// image returns the layout image of a resource the PDF can embed: a PNG or
// a JPEG.
func (pr printer) image(name string) *drawing.Image {
	res := pr.ed.Resources[name]
	if res == nil {
		return nil
	}
	if im, ok := pr.images[name]; ok {
		return im
	}
	var format string
	switch res.MediaType {
	case "image/png":
		format = "png"
	case "image/jpeg":
		format = "jpeg"
	default:
		return nil
	}
	im := &drawing.Image{Name: name, Format: format, Data: res.Data, Width: res.Width, Height: res.Height}
	pr.images[name] = im
	return im
}

// locale is the edition's own words; English for a printer made without
// an edition.
func (pr printer) locale() *locale.Locale {
	if pr.words == nil {
		return locale.Book("", nil)
	}
	return pr.words
}

// figureNumber is a figure's or table's label in the edition's language,
// as the EPUB sets it too.
func (pr printer) figureNumber(b model.Block) string {
	n := b.Attr.Get("number")
	if n == "" {
		return ""
	}
	if b.Kind == model.Table {
		return pr.locale().Fill(locale.TableN, "n", n)
	}
	return pr.locale().Fill(locale.FigureN, "n", n)
}

// table sets a table: its columns' alignments, header and body rows.
func (pr printer) table(b model.Block, level int) document.Block {
	t := &document.Table{}
	for _, a := range strings.Split(b.Attr.Get("align"), ",") {
		switch a {
		case "right":
			t.Align = append(t.Align, document.AlignRight)
		case "center":
			t.Align = append(t.Align, document.AlignCenter)
		default:
			t.Align = append(t.Align, document.AlignLeft)
		}
	}
	for _, row := range b.Children {
		var cells []document.Cell
		for _, c := range row.Children {
			cells = append(cells, pr.cell(c, row.Attr.Get("head") == "true"))
		}
		if row.Attr.Get("head") == "true" && len(t.Body) == 0 {
			t.Head = append(t.Head, cells)
		} else {
			t.Body = append(t.Body, cells)
		}
	}
	return document.Block{ID: b.ID, Style: document.TableBlock, Table: t, Spans: pr.spans(b.Inlines, document.Roman), Level: level, Number: pr.figureNumber(b)}
}

// cell gathers a cell's paragraphs: its own text, then the text of each
// block it holds, each under its block's ID.
func (pr printer) cell(c model.Block, head bool) document.Cell {
	style := document.Roman
	if head {
		style = document.Italic
	}
	var out document.Cell
	// A cell's text is parted where its lines were broken (verse set in
	// a table), each line counting its words from where the one before
	// left off.
	add := func(id string, ins []model.Inline, prefix string) {
		offset := 0
		for _, line := range splitAtBreaks(ins) {
			spans := pr.spans(line, style)
			if prefix != "" {
				spans = append([]document.Span{{Text: prefix, Style: style}}, spans...)
				prefix = ""
			}
			if len(spans) > 0 {
				out.Paras = append(out.Paras, document.CellPara{ID: id, Spans: spans, WordOffset: offset})
			}
			offset += len(linebreak.Words(model.PlainText(line)))
		}
	}
	if len(c.Inlines) > 0 {
		add(c.ID, c.Inlines, "")
	}
	var walk func([]model.Block, string)
	walk = func(bs []model.Block, prefix string) {
		for _, ch := range bs {
			p := prefix
			if ch.Kind == model.ListItem {
				p = "•\u00a0" // joined to the first word, so it adds none
			}
			if len(ch.Inlines) > 0 {
				add(ch.ID, ch.Inlines, p)
				p = ""
			}
			walk(ch.Children, p)
		}
	}
	walk(c.Children, "")
	return out
}

// definitionPart sets a term or a definition.
func (pr printer) definitionPart(b model.Block, level int) []document.Block {
	if b.Kind == model.Term {
		return []document.Block{{ID: b.ID, Style: document.Term, Spans: pr.spans(b.Inlines, document.Roman), Level: level}}
	}
	var out []document.Block
	if len(b.Inlines) > 0 {
		out = append(out, document.Block{ID: b.ID, Style: document.Definition, Spans: pr.spans(b.Inlines, document.Roman), Level: level})
	}
	for _, lb := range pr.blocks(b.Children, level, false) {
		switch lb.Style {
		case document.Body, document.BodyFirst, document.Quote, document.Continued:
			lb.Style, lb.Level = document.Definition, level
		}
		out = append(out, lb)
	}
	return out
}

// linesOf sets a block whose lines are kept as written (a line block, a
// code block): each line a layout block of style, counting its words from
// where the line before left off. Leading spaces are kept as no-break
// spaces, so code keeps its indentation and verse its indented lines.
func linesOf(b model.Block, style document.BlockStyle, level int, pr printer) []document.Block {
	var out []document.Block
	offset := 0
	for _, line := range splitAtBreaks(b.Inlines) {
		spans := pr.spans(line, document.Roman)
		for i := range spans {
			spans[i].Text = keepSpaces(spans[i].Text, i == 0)
		}
		id := b.ID
		words := len(linebreak.Words(model.PlainText(line)))
		if words == 0 {
			// A blank line keeps its place, but has no word to count or to
			// open a page with.
			spans, id = []document.Span{{Text: "\u00a0"}}, ""
		}
		out = append(out, document.Block{ID: id, Style: style, Spans: spans, Level: level, WordOffset: offset})
		offset += words
	}
	return out
}

// keepSpaces keeps the spaces of a line as written, which the line
// breaker would otherwise collapse: those that open the line, and all but
// the first of a run, become no-break spaces, so the line's words stay the
// words it has.
func keepSpaces(s string, opens bool) string {
	if !strings.Contains(s, "  ") && !(opens && strings.HasPrefix(s, " ")) {
		return s
	}
	var b strings.Builder
	prevSpace := false
	for i, c := range s {
		if c == ' ' && (prevSpace || opens && strings.TrimLeft(s[:i], " ") == "") {
			b.WriteRune('\u00a0')
			continue
		}
		prevSpace = c == ' ' || c == '\u00a0' && prevSpace
		b.WriteRune(c)
	}
	return b.String()
}

// liftBreaks brings the forced line breaks inside emphasis, links and
// other inlines with children up to the top level, the inline parted
// around each ("*one\\ two*" becomes *one*, break, *two*), so that a
// line of verse in italics ends where its source ends it rather than
// running on after a space.
func liftBreaks(ins []model.Inline) []model.Inline {
	if !hasNestedBreak(ins) {
		return ins
	}
	var out []model.Inline
	for _, in := range ins {
		if len(in.Children) == 0 || !hasKind(in.Children, model.LineBreak) {
			out = append(out, in)
			continue
		}
		for i, part := range splitAtBreaks(in.Children) {
			if i > 0 {
				out = append(out, model.Inline{Kind: model.LineBreak})
			}
			if len(part) > 0 {
				c := in
				c.Children = part
				out = append(out, c)
			}
		}
	}
	return out
}

// hasNestedBreak reports whether a forced line break stands inside one
// of the inlines' children.
func hasNestedBreak(ins []model.Inline) bool {
	for _, in := range ins {
		if hasKind(in.Children, model.LineBreak) {
			return true
		}
	}
	return false
}

// hasKind reports whether an inline of kind k is among ins, at any depth.
func hasKind(ins []model.Inline, k model.InlineKind) bool {
	for _, in := range ins {
		if in.Kind == k || hasKind(in.Children, k) {
			return true
		}
	}
	return false
}

// splitAtBreaks parts inlines at their forced line breaks, those inside
// other inlines too (liftBreaks).
func splitAtBreaks(ins []model.Inline) [][]model.Inline {
	var out [][]model.Inline
	var cur []model.Inline
	for _, in := range liftBreaks(ins) {
		if in.Kind == model.LineBreak {
			out = append(out, cur)
			cur = nil
			continue
		}
		cur = append(cur, in)
	}
	return append(out, cur)
}

// continuation is the style of a paragraph's text after a forced line
// break: a quotation's or a note's lines stay in their style; the lines
// of a closing set flush right ("Herzliche Grüße" over "Rosa.", a
// signature; a place over a date) or centred stay so, without the
// signature's space above, since a letter's closing is one block
// however many lines it has; a running paragraph's continue it, not
// indented.
func continuation(s document.BlockStyle) document.BlockStyle {
	switch s {
	case document.Quote, document.Footnote, document.Dateline, document.Attribution, document.Display:
		return s
	case document.Signature:
		return document.Dateline
	}
	return document.Continued
}

// broken sets a paragraph that holds forced line breaks or displayed
// formulas: its text parted there, each part after the first continuing
// the paragraph without an indent, each displayed formula a block of its
// own, every part counting its words from where the one before left off.
// ok is false for a paragraph with neither.
func (pr printer) broken(lb document.Block, ins []model.Inline) ([]document.Block, bool) {
	ins = liftBreaks(ins)
	split := false
	for _, in := range ins {
		if in.Kind == model.LineBreak || in.Kind == model.Math && in.Attr.Get("display") == "true" {
			split = true
		}
	}
	if !split {
		return nil, false
	}
	var out []document.Block
	var cur []model.Inline
	offset := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		b := lb
		b.Spans, b.WordOffset = pr.spans(cur, document.Roman), offset
		if len(out) > 0 {
			b.Style = continuation(b.Style)
		}
		if len(out) > 0 {
			b.Marker = ""
		}
		out = append(out, b)
		offset += len(linebreak.Words(model.PlainText(cur)))
		cur = nil
	}
	for _, in := range ins {
		switch {
		case in.Kind == model.LineBreak:
			flush()
		case in.Kind == model.Math && in.Attr.Get("display") == "true":
			flush()
			out = append(out, document.Block{ID: lb.ID, Style: document.DisplayMath, Math: document.NewFormula(in.Text, true), Level: lb.Level, WordOffset: offset, Note: lb.Note})
			offset += len(linebreak.Words(model.MathWord(in.Text)))
		default:
			cur = append(cur, in)
		}
	}
	flush()
	return out, true
}

// anchors maps the id of every inline anchor (a link or a span with an
// id) to the block that holds it, so that a link to it leads to that
// block's page.
func anchors(ed *model.Edition) map[string]string {
	out := map[string]string{}
	var inlines func(string, []model.Inline)
	inlines = func(block string, ins []model.Inline) {
		for _, in := range ins {
			if id := in.Attr.Get("id"); id != "" {
				out[id] = block
			}
			inlines(block, in.Children)
		}
	}
	var blocks func([]model.Block)
	blocks = func(bs []model.Block) {
		for _, b := range bs {
			inlines(b.ID, b.Inlines)
			blocks(b.Children)
		}
	}
	for _, s := range ed.Sections() {
		blocks(s.Blocks)
	}
	return out
}

// linkTarget returns where a link leads in the PDF: an anchor inside a
// block leads to the block.
func (pr printer) linkTarget(target string) string {
	if id, ok := strings.CutPrefix(target, "#"); ok {
		if block, ok := pr.anchors[id]; ok && block != "" {
			return "#" + block
		}
	}
	return target
}

// pageRef is what the print edition adds after an internal link: the page
// it leads to, "(p. 12)", once a first setting has told it.
func (pr printer) pageRef(target string) string {
	if !pr.print || pr.noPageRefs || pr.opts.PageOf == nil {
		return ""
	}
	id, ok := strings.CutPrefix(pr.linkTarget(target), "#")
	if !ok {
		return ""
	}
	if label := pr.opts.PageOf(id, 0); label != "" {
		return " " + pr.locale().Fill(locale.PageRef, "page", label)
	}
	return ""
}

// printedURL is the address of an external link that the print edition
// prints, where a reader of paper can find it: none when the link shows it
// already or the manifest asks for none.
func (pr printer) printedURL(in model.Inline) string {
	if !pr.print || strings.HasPrefix(in.Target, "#") || pr.ed.Meta.PrintURLs == "none" {
		return ""
	}
	shown := strings.TrimSpace(model.PlainText(in.Children))
	target := strings.TrimPrefix(in.Target, "mailto:")
	if shown == target || shown == in.Target || strings.TrimSuffix(shown, "/") == strings.TrimSuffix(target, "/") {
		return ""
	}
	return target
}

// urlAfter is what the print edition adds after an external link, unless
// its address goes to a note: the address, in parentheses.
func (pr printer) urlAfter(in model.Inline) string {
	if url := pr.printedURL(in); url != "" {
		return " (" + url + ")"
	}
	return ""
}

// urlNote, with print-urls: note, makes a footnote of an external link's
// address and returns the mark that refers to it, to follow the link's
// text; else a Span with no text. The addresses are a second series of
// notes, lettered a, b, c… in each part, apart from the numbered notes
// the text shares with the EPUB (as an editor's notes are marked apart
// from an author's, The Chicago Manual of Style, ch. 14). A link inside a
// note keeps its address after it: notes have no notes.
func (pr printer) urlNote(in model.Inline) document.Span {
	if pr.urlNotes == nil || pr.ed.Meta.PrintURLs != "note" {
		return document.Span{}
	}
	url := pr.printedURL(in)
	if url == "" {
		return document.Span{}
	}
	un := pr.urlNotes
	mark := letterMark(len(un.blocks))
	id := fmt.Sprintf("%s-url-%s", un.part, mark)
	// No block ID: the address is the edition's addition, no word of the
	// text, and so not counted.
	un.blocks = append(un.blocks, document.Block{Note: id, Style: document.Footnote, Marker: mark, Spans: []document.Span{{Text: url}}})
	return document.Span{Text: mark, Super: true, Mark: true, Link: "#" + id}
}

// urlNotes gathers the notes of one part's link addresses (see urlNote).
type urlNotes struct {
	part   string // the part's ID, for the notes' IDs
	blocks []document.Block
}

// letterMark is the n-th (0-based) of the marks a, b, … z, aa, ab, ….
func letterMark(n int) string {
	if n < 26 {
		return string(rune('a' + n))
	}
	return letterMark(n/26-1) + string(rune('a'+n%26))
}

// hasInternalLinks reports whether some text of the sections links to a
// place in the book, whose page the print edition prints; the apparatus's
// entries, which print their pages their own way, aside.
func hasInternalLinks(parts ...[]model.Section) bool {
	found := false
	var inlines func([]model.Inline)
	inlines = func(ins []model.Inline) {
		for _, in := range ins {
			if in.Kind == model.Link && strings.HasPrefix(in.Target, "#") && len(in.Target) > 1 {
				found = true
			}
			inlines(in.Children)
		}
	}
	var blocks func([]model.Block)
	blocks = func(bs []model.Block) {
		for _, b := range bs {
			if b.Attr.Get("block") != "" {
				continue
			}
			inlines(b.Inlines)
			blocks(b.Children)
		}
	}
	for _, secs := range parts {
		for _, s := range secs {
			if !found {
				blocks(s.Blocks)
			}
		}
	}
	return found
}
