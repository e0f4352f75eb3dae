package pdf

import (
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Tagged PDF (ISO 32000-1, 14.7–14.8; PDF/UA-1, ISO 14289-1). The pages'
// content is marked as it is drawn: each run of text, each image, in a
// marked-content sequence with an MCID, tagged with the type of the
// structure element it belongs to (14.7.4); what belongs to no element
// (running heads, folios, rules) is an /Artifact (14.8.2.2); a hyphenated
// word reads whole through the /ActualText of a /Span around its first part
// (14.9.4). The post-pass then writes the structure tree: an element
// object for each element of the drawing's Structure, its kids the marked
// content and link annotations it holds, the parent tree that maps them
// back (14.7.4.4), the catalog's /MarkInfo and /StructTreeRoot, and each
// page's /StructParents and /Tabs /S.

// tagging records, while the pages are drawn, which marked content and
// which links belong to which element.
type tagging struct {
	elems []drawing.StructElem
	// content is each element's marked content and annotations, in the
	// order drawn.
	content [][]tagged
	// mcids are each page's elements by MCID (the parent tree's arrays);
	// links, each page's link annotations' elements, in order.
	mcids, links [][]int
	linkText     [][]string // each link's text, its alternative description
	seq          int        // a counter of what was drawn, for reading order
}

// tagged is one piece of content an element holds: a marked-content
// sequence (mcid) or a link annotation (annot, the index among its page's
// annotations), on a page (0-based), at a place in drawing order.
type tagged struct {
	page, mcid, annot, seq int
}

func newTagging(elems []drawing.StructElem, pages int) *tagging {
	return &tagging{elems: elems, content: make([][]tagged, len(elems)), mcids: make([][]int, pages), links: make([][]int, pages), linkText: make([][]string, pages)}
}

// mark returns the operator that begins a marked-content sequence of
// element elem (GlyphRun.Elem: 0 for an artifact) on page, and records it.
func (t *tagging) mark(page, elem int) string {
	if elem <= 0 || elem > len(t.elems) {
		return "/Artifact BMC\n"
	}
	e := elem - 1
	mcid := len(t.mcids[page])
	t.mcids[page] = append(t.mcids[page], e)
	t.seq++
	t.content[e] = append(t.content[e], tagged{page: page, mcid: mcid, annot: -1, seq: t.seq})
	return "/" + t.elems[e].Type + " <</MCID " + strconv.Itoa(mcid) + ">> BDC\n"
}

// link records the next link annotation of page as element elem's.
func (t *tagging) link(page, elem int, text string) {
	t.links[page] = append(t.links[page], elem-1)
	t.linkText[page] = append(t.linkText[page], text)
	if elem <= 0 || elem > len(t.elems) {
		return
	}
	t.seq++
	t.content[elem-1] = append(t.content[elem-1], tagged{page: page, mcid: -1, annot: len(t.links[page]) - 1, seq: t.seq})
}

// textString is a PDF text string in UTF-16BE with its byte order mark
// (ISO 32000-1, 7.9.2.2), written in hexadecimal, so that any text and any
// parenthesis are safe in it.
func textString(s string) types.HexLiteral {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return types.HexLiteral(strings.ToUpper(hex.EncodeToString(b)))
}

// writeStructure adds the structure tree to the file: the elements that
// hold content, the parent tree, the root; it marks the catalog and the
// pages, and makes each page's link annotations objects of their own, so
// that their Link elements can refer to them.
func (f *file) writeStructure(catalog *pdfObject, pages []*pdfObject, t *tagging) error {
	n := len(t.elems)
	// An element is kept when it or an element under it holds content;
	// its place in reading order is the first content it holds.
	first := make([]int, n)
	children := make([][]int, n)
	for i := range t.elems {
		if len(t.content[i]) > 0 {
			first[i] = t.content[i][0].seq
		}
	}
	for i := n - 1; i >= 0; i-- {
		if p := t.elems[i].Parent; p >= 0 && first[i] > 0 {
			children[p] = append(children[p], i)
			if first[p] == 0 || first[i] < first[p] {
				first[p] = first[i]
			}
		}
	}
	for i := range children {
		slices.Reverse(children[i])
	}
	root := -1
	for i, e := range t.elems {
		if e.Parent < 0 && first[i] > 0 {
			root = i
			break
		}
	}
	if root < 0 {
		return nil // nothing was tagged: an empty document
	}

	// The link annotations, each an object with its StructParent.
	annots := make([][]int, len(pages)) // object numbers
	nextKey := len(pages)
	type linkKey struct{ key, elem int }
	var linkKeys []linkKey
	for p, pg := range pages {
		arr := pg.dict.ArrayEntry("Annots")
		if len(arr) != len(t.links[p]) {
			return shapeError("page %d has %d annotations for %d links drawn", p+1, len(arr), len(t.links[p]))
		}
		for k, a := range arr {
			d, ok := a.(types.Dict)
			if !ok {
				return shapeError("an annotation of page %d is not a direct dictionary", p+1)
			}
			e := t.links[p][k]
			if text := strings.TrimSpace(t.linkText[p][k]); text != "" {
				// A link's alternative description (PDF/UA-1, 7.18.5).
				d.Update("Contents", textString(text))
			}
			if e >= 0 {
				d.Update("StructParent", types.Integer(nextKey))
				linkKeys = append(linkKeys, linkKey{nextKey, e})
				nextKey++
			}
			num := f.add(d, nil)
			annots[p] = append(annots[p], num)
			arr[k] = *types.NewIndirectRef(num, 0)
		}
		if len(arr) > 0 {
			pg.dict.Update("Annots", arr)
		}
	}

	// Object numbers for the kept elements, the root and the parent tree.
	nums := make([]int, n)
	for i := range t.elems {
		if first[i] > 0 {
			f.maxNum++
			nums[i] = f.maxNum
		}
	}
	treeRoot := f.add(types.Dict{}, nil)
	elemRef := func(i int) types.IndirectRef { return *types.NewIndirectRef(nums[i], 0) }
	pageRef := func(p int) types.IndirectRef { return *types.NewIndirectRef(pages[p].num, 0) }

	for i, e := range t.elems {
		if nums[i] == 0 {
			continue
		}
		// The kids: the element's children in the order of the
		// structure, or, where it holds content of its own too, all in
		// the order drawn.
		type kid struct {
			seq int
			obj types.Object
		}
		var kids []kid
		for _, c := range t.content[i] {
			var o types.Object
			if c.mcid >= 0 {
				o = types.Dict{"Type": types.Name("MCR"), "Pg": pageRef(c.page), "MCID": types.Integer(c.mcid)}
			} else {
				o = types.Dict{"Type": types.Name("OBJR"), "Pg": pageRef(c.page), "Obj": *types.NewIndirectRef(annots[c.page][c.annot], 0)}
			}
			kids = append(kids, kid{c.seq, o})
		}
		for _, c := range children[i] {
			kids = append(kids, kid{first[c], elemRef(c)})
		}
		if len(t.content[i]) > 0 {
			slices.SortStableFunc(kids, func(a, b kid) int { return a.seq - b.seq })
		}
		k := make(types.Array, len(kids))
		for j := range kids {
			k[j] = kids[j].obj
		}
		d := types.Dict{"Type": types.Name("StructElem"), "S": types.Name(e.Type), "K": k}
		if e.Parent >= 0 && nums[e.Parent] != 0 {
			d["P"] = elemRef(e.Parent)
		} else {
			d["P"] = *types.NewIndirectRef(treeRoot, 0)
		}
		if len(t.content[i]) > 0 {
			d["Pg"] = pageRef(t.content[i][0].page)
		}
		if e.Alt != "" {
			d["Alt"] = textString(e.Alt)
		}
		if e.Type == "TH" {
			// A header cell heads its column (ISO 32000-1, 14.8.5.7;
			// PDF/UA-1, 7.5).
			d["A"] = types.Dict{"O": types.Name("Table"), "Scope": types.Name("Column")}
		}
		if e.Lang != "" {
			d["Lang"] = textString(e.Lang)
		}
		f.objs = append(f.objs, &pdfObject{num: nums[i], dict: d, edited: true})
		f.byNum[nums[i]] = f.objs[len(f.objs)-1]
	}

	// The parent tree (ISO 32000-1, 14.7.4.4): for each page, the
	// elements of its marked content by MCID; for each link, its
	// element.
	numsArr := types.Array{}
	for p := range pages {
		if len(t.mcids[p]) == 0 {
			continue
		}
		a := make(types.Array, len(t.mcids[p]))
		for m, e := range t.mcids[p] {
			a[m] = elemRef(e)
		}
		numsArr = append(numsArr, types.Integer(p), a)
		pages[p].dict.Update("StructParents", types.Integer(p))
	}
	for _, l := range linkKeys {
		if nums[l.elem] != 0 {
			numsArr = append(numsArr, types.Integer(l.key), elemRef(l.elem))
		}
	}
	parentTree := f.add(types.Dict{"Nums": numsArr}, nil)
	tr := f.byNum[treeRoot]
	tr.dict = types.Dict{
		"Type":              types.Name("StructTreeRoot"),
		"K":                 elemRef(root),
		"ParentTree":        *types.NewIndirectRef(parentTree, 0),
		"ParentTreeNextKey": types.Integer(nextKey),
	}
	for _, pg := range pages {
		// Tab order follows the structure (PDF/UA-1, 7.18.3).
		pg.dict.Update("Tabs", types.Name("S"))
		pg.edited = true
	}
	catalog.dict.Update("StructTreeRoot", *types.NewIndirectRef(treeRoot, 0))
	catalog.dict.Update("MarkInfo", types.Dict{"Marked": types.Boolean(true)})
	// A reader's window shows the title, not the file's name (PDF/UA-1,
	// 7.1).
	catalog.dict.Update("ViewerPreferences", types.Dict{"DisplayDocTitle": types.Boolean(true)})
	return nil
}
