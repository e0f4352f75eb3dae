package rawhtml

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The content models below are those of the HTML Living Standard (§4, each
// element's "Content model"), which EPUBCheck checks an XHTML content
// document against (RSC-005). HTML's parser mends what a browser must
// (unclosed elements, stray end tags, mis-nested formatting) but leaves an
// element where the source put it when its parent may not hold it; fit
// puts it right, and says so.

// phrasing are the kept elements that are phrasing content (§3.2.5.2.5);
// every other kept element is flow content only.
var phrasing = map[atom.Atom]bool{
	atom.Span: true, atom.Br: true, atom.Em: true, atom.Strong: true, atom.I: true, atom.B: true,
	atom.U: true, atom.S: true, atom.Del: true, atom.Ins: true, atom.Sub: true, atom.Sup: true,
	atom.Small: true, atom.Cite: true, atom.Q: true, atom.Abbr: true, atom.Dfn: true, atom.Code: true,
	atom.Kbd: true, atom.Samp: true, atom.Var: true, atom.Mark: true, atom.A: true, atom.Time: true,
	atom.Wbr: true,
}

// Phrasing reports whether a kept element is phrasing content, which
// stands in running text (§3.2.5.2.5).
func Phrasing(a atom.Atom) bool { return phrasing[a] }

// transparent are the elements whose content model is their parent's
// (§3.2.5.3).
var transparent = map[atom.Atom]bool{atom.A: true, atom.Ins: true, atom.Del: true}

// holdsPhrasing reports whether an element's content is phrasing content
// only, apart from a transparent element, whose content is its parent's.
func holdsPhrasing(a atom.Atom) bool {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre:
		return true
	}
	return phrasing[a] && !transparent[a]
}

// onlyChildren are the elements whose content is certain children only
// (and inter-element white space): a list holds list items, a table its
// sections, a row its cells.
var onlyChildren = map[atom.Atom][]atom.Atom{
	atom.Ul:       {atom.Li},
	atom.Ol:       {atom.Li},
	atom.Dl:       {atom.Dt, atom.Dd, atom.Div},
	atom.Table:    {atom.Caption, atom.Colgroup, atom.Thead, atom.Tbody, atom.Tfoot},
	atom.Thead:    {atom.Tr},
	atom.Tbody:    {atom.Tr},
	atom.Tfoot:    {atom.Tr},
	atom.Tr:       {atom.Td, atom.Th},
	atom.Colgroup: {atom.Col},
}

// parents are the elements that may stand only in certain parents.
var parents = map[atom.Atom][]atom.Atom{
	atom.Li:       {atom.Ul, atom.Ol},
	atom.Dt:       {atom.Dl, atom.Div},
	atom.Dd:       {atom.Dl, atom.Div},
	atom.Caption:  {atom.Table},
	atom.Colgroup: {atom.Table},
	atom.Col:      {atom.Colgroup},
	atom.Thead:    {atom.Table},
	atom.Tbody:    {atom.Table},
	atom.Tfoot:    {atom.Table},
	atom.Tr:       {atom.Thead, atom.Tbody, atom.Tfoot},
	atom.Td:       {atom.Tr},
	atom.Th:       {atom.Tr},
}

// excluded are the elements an element may not hold at any depth: no link
// within a link, no heading, sectioning element, header or footer within
// an address, a header or footer, a term or a header cell, no table within
// its own caption, no definition within a definition.
var excluded = map[atom.Atom][]atom.Atom{
	atom.A:       {atom.A},
	atom.Dfn:     {atom.Dfn},
	atom.Address: {atom.Address, atom.Header, atom.Footer, atom.Section, atom.Aside, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6},
	atom.Header:  {atom.Header, atom.Footer},
	atom.Footer:  {atom.Header, atom.Footer},
	atom.Dt:      {atom.Header, atom.Footer, atom.Section, atom.Aside, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6},
	atom.Th:      {atom.Header, atom.Footer, atom.Section, atom.Aside, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6},
	atom.Caption: {atom.Table},
}

// fit puts n's children where their content models allow them, then fits
// each of them. inPhrasing says whether n stands where only phrasing
// content may (which a transparent n passes on to its children);
// ancestors are n's ancestors, outermost first.
func (s *sanitizer) fit(n *html.Node, inPhrasing bool, ancestors []*html.Node) {
	childPhrasing := holdsPhrasing(n.DataAtom) || transparent[n.DataAtom] && inPhrasing
	lineage := append(slices.Clip(ancestors), n)
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type != html.ElementNode {
			c = next
			continue
		}
		if childPhrasing && !phrasing[c.DataAtom] {
			// A block where only text may stand (a <div> in a <span>, a
			// list in a heading): its content stays, in its place.
			s.repair(tag(c) + " inside " + tag(n) + ", which holds only text: its content kept without it")
			next = unwrapBlock(c)
		} else if outer := excludedBy(c, lineage); outer != nil {
			if phrasing[c.DataAtom] {
				s.repair(tag(c) + " inside " + tag(outer) + ", which may not hold it: its content kept without it")
				next = unwrap(c)
			} else {
				s.repair(tag(c) + " inside " + tag(outer) + ", which may not hold it: made a <div>")
				rename(c, atom.Div)
			}
		} else if misplaced(c, n) {
			next = s.rehouse(c, n)
		}
		c = next
	}
	switch {
	case n.DataAtom == atom.Div && n.Parent != nil && n.Parent.DataAtom == atom.Dl:
		// A div in a description list groups its terms and definitions.
		s.onlyAllowed(n, []atom.Atom{atom.Dt, atom.Dd})
	case onlyChildren[n.DataAtom] != nil:
		s.onlyAllowed(n, onlyChildren[n.DataAtom])
	}
	if n.DataAtom == atom.Table {
		s.orderTable(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			s.fit(c, childPhrasing, lineage)
		}
	}
}

// tag names an element as a tag.
func tag(n *html.Node) string { return "<" + n.Data + ">" }

// excludedBy returns the ancestor in lineage that may not hold n, or nil.
func excludedBy(n *html.Node, lineage []*html.Node) *html.Node {
	for _, a := range lineage {
		if slices.Contains(excluded[a.DataAtom], n.DataAtom) {
			return a
		}
	}
	return nil
}

// misplaced reports whether n stands in a parent it may not: a list item
// outside a list, a row outside a table, a figure's caption other than
// its first or last child.
func misplaced(n, parent *html.Node) bool {
	if n.DataAtom == atom.Figcaption {
		return parent.DataAtom != atom.Figure || (firstElement(parent) != n && lastElement(parent) != n)
	}
	ps, ok := parents[n.DataAtom]
	if !ok {
		return false
	}
	if parent.DataAtom == atom.Div && (n.DataAtom == atom.Dt || n.DataAtom == atom.Dd) {
		return parent.Parent == nil || parent.Parent.DataAtom != atom.Dl
	}
	return !slices.Contains(ps, parent.DataAtom)
}

// rehouse puts a misplaced n right and returns the node to look at next:
// list items and a description list's terms and definitions are given the
// list they lack, a figure's caption becomes a div, and the parts of a
// table outside one leave their content in their place.
func (s *sanitizer) rehouse(n, parent *html.Node) *html.Node {
	var list atom.Atom
	switch n.DataAtom {
	case atom.Li:
		list = atom.Ul
	case atom.Dt, atom.Dd:
		list = atom.Dl
	case atom.Figcaption:
		s.repair(tag(n) + " outside the first or last place of a <figure>: made a <div>")
		rename(n, atom.Div)
		return n.NextSibling
	default:
		s.repair(tag(n) + " inside " + tag(parent) + ", outside its table: its content kept without it")
		return unwrapBlock(n)
	}
	s.repair(tag(n) + " outside a list: put in a <" + list.String() + ">")
	wrapper := &html.Node{Type: html.ElementNode, Data: list.String(), DataAtom: list}
	parent.InsertBefore(wrapper, n)
	// The run of such items, with the white space between them, goes
	// into one list.
	for c := n; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.DataAtom != n.DataAtom && !(list == atom.Dl && (c.DataAtom == atom.Dt || c.DataAtom == atom.Dd)) {
			break
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			break
		}
		parent.RemoveChild(c)
		wrapper.AppendChild(c)
		c = next
	}
	return wrapper.NextSibling
}

// onlyAllowed puts each run of n's children that n may not hold into the
// child n may hold (text directly in a list into a list item, in a row
// into a cell), or leaves it out when it holds no text.
func (s *sanitizer) onlyAllowed(n *html.Node, allowed []atom.Atom) {
	ok := func(c *html.Node) bool {
		return c.Type == html.ElementNode && slices.Contains(allowed, c.DataAtom) ||
			c.Type == html.TextNode && strings.TrimSpace(c.Data) == ""
	}
	for c := n.FirstChild; c != nil; {
		if ok(c) {
			c = c.NextSibling
			continue
		}
		if c.Type == html.ElementNode && holdsAny(c, allowed) {
			// An element between a list and its items (an unclosed <a>
			// the parser opened again around the next <li>): the items
			// are the list's, the element goes.
			s.repair(tag(c) + " between " + tag(n) + " and its " + allowedNames(allowed) + ": its content kept without it")
			c = unwrap(c)
			continue
		}
		// The run: from c to the last node not allowed before the next
		// allowed element.
		run := []*html.Node{c}
		for d := c.NextSibling; d != nil && !(d.Type == html.ElementNode && slices.Contains(allowed, d.DataAtom)); d = d.NextSibling {
			run = append(run, d)
		}
		for len(run) > 1 && ok(run[len(run)-1]) {
			run = run[:len(run)-1]
		}
		after := run[len(run)-1].NextSibling
		what := "text"
		if c.Type == html.ElementNode {
			what = tag(c)
		}
		outer := wrappersFor(n.DataAtom)
		if len(outer) == 0 || !holdsText(run) {
			why := "left out, as it held no text"
			if holdsText(run) {
				why = "left out, as it holds only columns"
			}
			s.repair(what + " directly inside " + tag(n) + ", which may not hold it: " + why)
			for _, r := range run {
				n.RemoveChild(r)
			}
			c = after
			continue
		}
		s.repair(what + " directly inside " + tag(n) + ", which may not hold it: put in a new <" + outer[0].String() + ">")
		top := &html.Node{Type: html.ElementNode, Data: outer[0].String(), DataAtom: outer[0]}
		n.InsertBefore(top, c)
		holder := top
		for _, a := range outer[1:] {
			e := &html.Node{Type: html.ElementNode, Data: a.String(), DataAtom: a}
			holder.AppendChild(e)
			holder = e
		}
		for _, r := range run {
			n.RemoveChild(r)
			holder.AppendChild(r)
		}
		c = after
	}
}

// holdsAny reports whether one of n's children is one of elements.
func holdsAny(n *html.Node, elements []atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && slices.Contains(elements, c.DataAtom) {
			return true
		}
	}
	return false
}

// allowedNames names elements as tags: "<td> or <th>".
func allowedNames(elements []atom.Atom) string {
	names := make([]string, len(elements))
	for i, a := range elements {
		names[i] = "<" + a.String() + ">"
	}
	return strings.Join(names, " or ")
}

// wrappersFor returns the elements, outermost first, that content a
// parent may not hold directly goes into; none for a column group, which
// holds columns alone.
func wrappersFor(parent atom.Atom) []atom.Atom {
	switch parent {
	case atom.Ul, atom.Ol:
		return []atom.Atom{atom.Li}
	case atom.Dl, atom.Div:
		return []atom.Atom{atom.Dd}
	case atom.Tr:
		return []atom.Atom{atom.Td}
	case atom.Thead, atom.Tbody, atom.Tfoot:
		return []atom.Atom{atom.Tr, atom.Td}
	case atom.Table:
		return []atom.Atom{atom.Tbody, atom.Tr, atom.Td}
	}
	return nil
}

// tableRank is the place of a table's part: a caption first, then column
// groups, the head, the bodies, the foot (§4.9.1).
var tableRank = map[atom.Atom]int{atom.Caption: 0, atom.Colgroup: 1, atom.Thead: 2, atom.Tbody: 3, atom.Tfoot: 4}

// orderTable puts a table's parts in the order its content model asks: a
// second caption's content joins the first, a second head or foot becomes
// a body.
func (s *sanitizer) orderTable(table *html.Node) {
	var parts []*html.Node
	var caption *html.Node
	seen := map[atom.Atom]bool{}
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch {
		case c.DataAtom == atom.Caption && caption != nil:
			s.repair("a second <caption> in a <table>: its content joined to the first")
			caption.AppendChild(&html.Node{Type: html.TextNode, Data: " "})
			for d := c.FirstChild; d != nil; {
				next := d.NextSibling
				c.RemoveChild(d)
				caption.AppendChild(d)
				d = next
			}
			continue
		case c.DataAtom == atom.Caption:
			caption = c
		case (c.DataAtom == atom.Thead || c.DataAtom == atom.Tfoot) && seen[c.DataAtom]:
			s.repair("a second " + tag(c) + " in a <table>: made a <tbody>")
			rename(c, atom.Tbody)
		}
		seen[c.DataAtom] = true
		parts = append(parts, c)
	}
	sorted := slices.IsSortedFunc(parts, func(a, b *html.Node) int { return tableRank[a.DataAtom] - tableRank[b.DataAtom] })
	if sorted && len(parts) == countElements(table) {
		return
	}
	if !sorted {
		s.repair("the parts of a <table> out of order: put as its content model asks (caption, column groups, head, bodies, foot)")
	}
	slices.SortStableFunc(parts, func(a, b *html.Node) int { return tableRank[a.DataAtom] - tableRank[b.DataAtom] })
	for c := table.FirstChild; c != nil; {
		next := c.NextSibling
		table.RemoveChild(c)
		c = next
	}
	for _, p := range parts {
		table.AppendChild(p)
	}
}

func countElements(n *html.Node) int {
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			count++
		}
	}
	return count
}

func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

func lastElement(n *html.Node) *html.Node {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// holdsText reports whether nodes hold any text but white space.
func holdsText(nodes []*html.Node) bool {
	for _, n := range nodes {
		if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" {
			return true
		}
		var kids []*html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			kids = append(kids, c)
		}
		if holdsText(kids) {
			return true
		}
	}
	return false
}

func rename(n *html.Node, a atom.Atom) {
	n.DataAtom, n.Data = a, a.String()
}

// unwrap puts n's children in its place and returns the first of them, or
// what followed n when it had none.
func unwrap(n *html.Node) *html.Node {
	parent, first := n.Parent, n.FirstChild
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		parent.InsertBefore(c, n)
		c = next
	}
	next := n.NextSibling
	parent.RemoveChild(n)
	if first != nil {
		return first
	}
	return next
}

// unwrapBlock unwraps a block, a space after its content, so that its
// words do not run into the next.
func unwrapBlock(n *html.Node) *html.Node {
	n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, n.NextSibling)
	return unwrap(n)
}
