// Package rawhtml keeps of the raw HTML a Markdown source may hold what an
// EPUB may safely carry, and reads the single tags of inline raw HTML.
//
// An EPUB is read by software that runs scripts and fetches what a
// document links to, so the EPUB keeps only HTML that carries text and its
// structure: no script, no event handler, no form, no frame or embedded
// object, nothing fetched from elsewhere. Each element and attribute left
// out is a refusal the reader turns into a warning. What is kept is
// written as XHTML, which EPUB content documents must be (EPUB 3.3,
// §6.1.2), each element where its parent may hold it: each change to the
// structure the source gave is a repair the reader warns of too. The package knows nothing of goldmark: the Markdown reader
// hands it the HTML's text.
package rawhtml

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// keptElements are the elements whose text and structure a book can carry.
var keptElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Span: true, atom.Br: true, atom.Hr: true,
	atom.Em: true, atom.Strong: true, atom.I: true, atom.B: true, atom.U: true,
	atom.S: true, atom.Del: true, atom.Ins: true, atom.Sub: true, atom.Sup: true,
	atom.Small: true, atom.Cite: true, atom.Q: true, atom.Abbr: true, atom.Dfn: true,
	atom.Code: true, atom.Pre: true, atom.Kbd: true, atom.Samp: true, atom.Var: true,
	atom.Mark: true, atom.Blockquote: true, atom.Ul: true, atom.Ol: true, atom.Li: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Caption: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Tr: true, atom.Th: true,
	atom.Td: true, atom.Colgroup: true, atom.Col: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Figure: true,
	atom.Figcaption: true, atom.Section: true, atom.Aside: true, atom.Header: true,
	atom.Footer: true, atom.Address: true, atom.A: true, atom.Time: true, atom.Wbr: true,
}

// droppedWithText are the elements refused together with their content:
// what they hold is code, a form's controls or a fetched object, not text
// of the book.
var droppedWithText = map[atom.Atom]string{
	atom.Script: "a script", atom.Noscript: "a noscript element", atom.Style: "a style sheet",
	atom.Iframe: "an iframe", atom.Frame: "a frame", atom.Frameset: "a frameset",
	atom.Object: "an embedded object", atom.Embed: "an embedded object", atom.Applet: "an applet",
	atom.Form: "a form", atom.Input: "a form control", atom.Button: "a form control",
	atom.Select: "a form control", atom.Textarea: "a form control", atom.Option: "a form control",
	atom.Link: "a link to a resource", atom.Meta: "a meta element", atom.Base: "a base element",
	atom.Audio: "audio", atom.Video: "video", atom.Source: "a media source", atom.Track: "a media track",
	atom.Canvas: "a canvas", atom.Svg: "SVG", atom.Math: "MathML", atom.Template: "a template",
	atom.Img: "an image", atom.Picture: "an image", atom.Title: "a title element", atom.Head: "a head element",
}

// keptAttributes may be written on any kept element.
var keptAttributes = map[string]bool{
	"class": true, "lang": true, "title": true, "dir": true,
	"colspan": true, "rowspan": true, "scope": true, "headers": true, "abbr": true,
	"start": true, "reversed": true, "type": true, "value": true, "datetime": true,
	"span": true,
}

// voidElements are written as empty XML elements.
var voidElements = map[atom.Atom]bool{atom.Br: true, atom.Hr: true, atom.Col: true, atom.Wbr: true}

// Sanitized is raw HTML made safe: its XHTML, its text (for the print
// edition, which sets the text alone), what was refused, and what of its
// structure was repaired; and, for the recognisers of a Web page's
// furniture, what the HTML links to and whether it is a rule alone.
type Sanitized struct {
	XHTML    string
	Text     string
	Refused  []string
	Repaired []string
	// Links are the targets of its links as the source wrote them, those
	// refused too, in order.
	Links []string
	// OnlyLinks reports whether every letter and digit of its text
	// stands in a link with a target: a list or line of links with
	// separators ("«", "|") between them.
	OnlyLinks bool
	// OnlyRule reports whether it is one horizontal rule and nothing
	// else.
	OnlyRule bool
	// Nodes are the kept HTML as a tree, the XHTML's own, for a reader
	// that turns the structures its model has into its own blocks: what
	// they hold passed the same refusals and repairs.
	Nodes []*html.Node
}

// Sanitize parses a fragment of HTML as a browser would (HTML's fragment
// parsing algorithm, in a body), which closes what was left open, drops
// stray end tags and mends mis-nested formatting; keeps what the EPUB may
// carry; then puts each element where XHTML's content models allow it
// (fit), since the parser leaves an element where the source put it even
// when its parent may not hold it (an <a> directly in a <ul>), and
// EPUBCheck rejects such a document (RSC-005). A comment is dropped
// without a word.
func Sanitize(raw string) Sanitized {
	var out Sanitized
	context := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(raw), context)
	if err != nil {
		out.Refused = append(out.Refused, fmt.Sprintf("HTML that cannot be read (%v)", err))
		return out
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	out.Links, out.OnlyLinks = links(root)
	out.OnlyRule = onlyRule(root)
	s := &sanitizer{refusals: map[string]bool{}, repairs: map[string]bool{}}
	s.clean(root)
	s.fit(root, false, nil)
	var x, t strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		write(&x, &t, c)
		out.Nodes = append(out.Nodes, c)
	}
	out.XHTML, out.Text = strings.TrimSpace(x.String()), strings.Join(strings.Fields(t.String()), " ")
	out.Refused = sortedKeys(s.refusals)
	out.Repaired = sortedKeys(s.repairs)
	return out
}

// links returns the targets of the links under n, as written, and whether
// every letter and digit of its text stands inside one of them.
func links(n *html.Node) ([]string, bool) {
	var targets []string
	only := true
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if !inLink && strings.IndexFunc(c.Data, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
					only = false
				}
			case html.ElementNode:
				if _, ok := droppedWithText[c.DataAtom]; ok {
					only = false // a script or a form is no navigation
					continue
				}
				in := inLink
				if c.DataAtom == atom.A {
					for _, a := range c.Attr {
						if a.Namespace == "" && strings.EqualFold(a.Key, "href") {
							targets = append(targets, a.Val)
							in = true
						}
					}
				}
				walk(c, in)
			}
		}
	}
	walk(n, false)
	return targets, only && len(targets) > 0
}

// onlyRule reports whether n holds one <hr> and nothing else but white
// space and comments.
func onlyRule(n *html.Node) bool {
	rules := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Hr && c.FirstChild == nil:
			rules++
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "", c.Type == html.CommentNode:
		default:
			return false
		}
	}
	return rules == 1
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type sanitizer struct {
	refusals, repairs map[string]bool
}

func (s *sanitizer) refuse(what string) { s.refusals[what] = true }

func (s *sanitizer) repair(what string) { s.repairs[what] = true }

// clean leaves out of n's subtree what the EPUB may not carry: comments,
// the elements refused with their content, the elements a book has no use
// for (their content kept), the attributes refused.
func (s *sanitizer) clean(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.TextNode:
			// Left out here rather than only as the XHTML is written, so
			// that the text and the tree are XML's characters too.
			c.Data = xmlChars(c.Data)
		case html.ElementNode:
			if what, ok := droppedWithText[c.DataAtom]; ok {
				s.refuse(what + " (<" + c.Data + ">)")
				n.RemoveChild(c)
			} else if !keptElements[c.DataAtom] || c.Namespace != "" {
				// An element a book has no use for (<font>, <center>):
				// its text stays, the element goes.
				s.refuse("the element <" + c.Data + ">, whose text is kept")
				next = unwrap(c)
			} else {
				c.Attr = s.attributes(c)
				s.clean(c)
				if phrasing[c.DataAtom] && !voidElements[c.DataAtom] && onlySpace(c) {
					// An inline element holding nothing but white space
					// carries nothing a reader sees, and a link without
					// text is one a screen reader announces without a
					// name (WCAG 2.4.4): its space stays, it goes.
					next = unwrap(c)
				}
			}
		default:
			n.RemoveChild(c)
		}
		c = next
	}
}

// onlySpace reports whether n holds nothing but white space.
func onlySpace(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode || strings.TrimSpace(c.Data) != "" {
			return false
		}
	}
	return true
}

// write writes n as XHTML to x and its text to t.
func write(x, t *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		x.WriteString(xmlEscape(n.Data))
		t.WriteString(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	x.WriteString("<" + n.Data)
	for _, a := range n.Attr {
		fmt.Fprintf(x, ` %s="%s"`, a.Key, xmlEscapeAttr(a.Val))
	}
	if voidElements[n.DataAtom] {
		x.WriteString("/>")
		if n.DataAtom == atom.Br {
			t.WriteString(" ")
		}
		return
	}
	x.WriteString(">")
	if isBlockElement(n.DataAtom) {
		t.WriteString(" ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		write(x, t, c)
	}
	x.WriteString("</" + n.Data + ">")
	if isBlockElement(n.DataAtom) || n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		t.WriteString(" ")
	}
}

// attributes returns the attributes of n that are kept, refusing the rest:
// event handlers, styles, and links that would leave the book or reach a
// file it does not hold (epubcheck RSC-007).
func (s *sanitizer) attributes(n *html.Node) []html.Attribute {
	var out []html.Attribute
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		switch {
		case a.Namespace != "":
			s.refuse("the attribute " + a.Namespace + ":" + a.Key)
		case strings.HasPrefix(key, "on"):
			s.refuse("an event handler (" + key + ")")
		case key == "href" && n.DataAtom == atom.A:
			if ok, why := safeHref(a.Val); ok {
				out = append(out, html.Attribute{Key: key, Val: a.Val})
			} else {
				s.refuse(why)
			}
		case key == "lang":
			out = append(out, html.Attribute{Key: "lang", Val: a.Val}, html.Attribute{Key: "xml:lang", Val: a.Val})
		case keptAttributes[key]:
			out = append(out, html.Attribute{Key: key, Val: a.Val})
		case (key == "align" || key == "style") && (n.DataAtom == atom.Td || n.DataAtom == atom.Th):
			// A cell's alignment, the one thing of its presentation a
			// table's sense may depend on (a column of figures set
			// right), kept as the one declaration that states it; HTML
			// made align obsolete (HTML Living Standard, §16.2).
			if align := cellAlign(key, a.Val); align != "" {
				out = append(out, html.Attribute{Key: "style", Val: "text-align: " + align})
			} else if key == "style" {
				s.refuse("a style attribute")
			} else {
				s.refuse("the attribute " + key + " of <" + n.Data + ">")
			}
		case key == "style":
			s.refuse("a style attribute")
		default:
			s.refuse("the attribute " + key + " of <" + n.Data + ">")
		}
	}
	return out
}

// cellAlign returns the horizontal alignment an align attribute or a
// style attribute gives a cell, "" when it gives none or says anything
// else, whose safety is not worth reading CSS for.
func cellAlign(key, v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if key == "style" {
		prop, val, ok := strings.Cut(strings.TrimSuffix(v, ";"), ":")
		if !ok || strings.TrimSpace(prop) != "text-align" {
			return ""
		}
		v = strings.TrimSpace(val)
	}
	switch v {
	case "left", "center", "right":
		return v
	}
	return ""
}

// TextAlign returns the horizontal alignment kept on a sanitised cell:
// "left", "center", "right" or "".
func TextAlign(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "style" {
			return strings.TrimPrefix(a.Val, "text-align: ")
		}
	}
	return ""
}

// safeHref reports whether a link may stay in the EPUB: to a web page or an
// email address, or to an anchor of the book. A script URL never may, nor a
// relative link to a file the publication does not hold.
func safeHref(h string) (bool, string) {
	if strings.HasPrefix(h, "#") {
		return true, ""
	}
	u, err := url.Parse(strings.TrimSpace(h))
	if err != nil {
		return false, fmt.Sprintf("a link that cannot be read (%q)", h)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
		return true, ""
	case "":
		return false, fmt.Sprintf("a link to %q, a file the book does not hold", h)
	}
	return false, fmt.Sprintf("a %s: link", strings.ToLower(u.Scheme))
}

// isBlockElement reports whether an element breaks the text into blocks,
// so that its text is parted from the next by a space.
func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Blockquote, atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd,
		atom.Table, atom.Caption, atom.Tr, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Figure, atom.Figcaption, atom.Section, atom.Aside, atom.Header, atom.Footer, atom.Address, atom.Pre:
		return true
	}
	return false
}

// xmlEscape escapes character data with XML's predefined entities only,
// leaving out the characters XML may not hold.
func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(xmlChars(s))
}

func xmlEscapeAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(xmlChars(s))
}

// xmlChars leaves out of s the characters outside XML 1.0's Char
// production (§2.2): the C0 controls but tab, line feed and carriage
// return, the surrogates, U+FFFE and U+FFFF, which HTML's parser lets
// through and an XML parser rejects; bytes that are not UTF-8 become
// U+FFFD.
func xmlChars(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	isXMLChar := func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
	}
	if strings.IndexFunc(s, func(r rune) bool { return !isXMLChar(r) }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isXMLChar(r) {
			return r
		}
		return -1
	}, s)
}

// Tag is one tag of inline raw HTML: its element, whether it closes, and
// its attributes (their names in lower case).
type Tag struct {
	Name    string
	Atom    atom.Atom
	Closing bool
	Void    bool
	Attr    map[string]string
}

// ParseTag reads a single tag of inline raw HTML ("<span lang=el>",
// "</em>", "<br/>"); false for a comment, a declaration or anything else.
func ParseTag(raw string) (Tag, bool) {
	z := html.NewTokenizer(strings.NewReader(raw))
	switch z.Next() {
	case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
	default:
		return Tag{}, false
	}
	tok := z.Token()
	t := Tag{Name: tok.Data, Atom: tok.DataAtom, Closing: tok.Type == html.EndTagToken, Void: tok.Type == html.SelfClosingTagToken || voidElements[tok.DataAtom]}
	for _, a := range tok.Attr {
		if t.Attr == nil {
			t.Attr = map[string]string{}
		}
		t.Attr[strings.ToLower(a.Key)] = a.Val
	}
	return t, true
}

// RefusedWhole returns what the tag's element is (a script, a form
// control) when the edition refuses it together with what it holds.
func (t Tag) RefusedWhole() (string, bool) {
	what, ok := droppedWithText[t.Atom]
	return what, ok
}
