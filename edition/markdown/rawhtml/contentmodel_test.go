package rawhtml

import (
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestSanitizeRepairsStructure(t *testing.T) {
	tests := []struct {
		name, raw string
		xhtml     string
		repaired  []string
	}{
		{"an unclosed link in a list: the parser's copies of it around the white space between the items left out",
			"<ul>\n<li><a href=\"#a\">one</li>\n<li><a href=\"#b\">two</a></li>\n</ul>",
			"<ul>\n<li><a href=\"#a\">one</a></li>\n<li><a href=\"#b\">two</a></li>\n</ul>", nil},
		{"an unclosed link in a list: the parser's copy of it around the next item left out",
			"<ul>\n<li><a href=\"#a\">one</li>\n<li>two</li>\n</ul>",
			"<ul>\n<li><a href=\"#a\">one</a></li>\n<li>two</li>\n</ul>",
			[]string{"<a> between <ul> and its <li>: its content kept without it"}},
		{"an element holding no text directly in a list left out", "<ul><li>a</li><hr><li>b</li></ul>",
			"<ul><li>a</li><li>b</li></ul>",
			[]string{"<hr> directly inside <ul>, which may not hold it: left out, as it held no text"}},
		{"text directly in a list put in an item", "<ol><li>a</li>stray <em>text</em><li>b</li></ol>",
			"<ol><li>a</li><li>stray <em>text</em></li><li>b</li></ol>",
			[]string{"text directly inside <ol>, which may not hold it: put in a new <li>"}},
		{"an unknown element's text left directly in a list put in an item", "<ul><center>centred</center><li>b</li></ul>",
			"<ul><li>centred</li><li>b</li></ul>",
			[]string{"text directly inside <ul>, which may not hold it: put in a new <li>"}},
		{"list items outside a list given one", "<div><li>a</li> <li>b</li></div>",
			"<div><ul><li>a</li> <li>b</li></ul></div>",
			[]string{"<li> outside a list: put in a <ul>"}},
		{"terms and definitions outside a list given one", "<dt>term</dt><dd>definition</dd>",
			"<dl><dt>term</dt><dd>definition</dd></dl>",
			[]string{"<dt> outside a list: put in a <dl>"}},
		{"text in a description list made a definition", "<dl><dt>t</dt>loose</dl>",
			"<dl><dt>t</dt><dd>loose</dd></dl>",
			[]string{"text directly inside <dl>, which may not hold it: put in a new <dd>"}},
		{"a block inside an inline element unwrapped", "<span>a<div>b</div>c</span>",
			"<span>ab c</span>",
			[]string{"<div> inside <span>, which holds only text: its content kept without it"}},
		{"a list inside a heading unwrapped to its text", "<h2>Title<ul><li>one</li></ul></h2>",
			"<h2>Titleone  </h2>",
			[]string{"<li> inside <h2>, which holds only text: its content kept without it", "<ul> inside <h2>, which holds only text: its content kept without it"}},
		{"a paragraph inside emphasis at the top unwrapped", "<em><p>x</p></em>",
			"<em>x </em>",
			[]string{"<p> inside <em>, which holds only text: its content kept without it"}},
		{"a link may hold blocks where its parent may", "<div><a href=\"#x\"><p>x</p></a></div>",
			"<div><a href=\"#x\"><p>x</p></a></div>", nil},
		{"but not inside a heading", "<h2><a href=\"#x\"><span>x<div>y</div></span></a></h2>",
			"<h2><a href=\"#x\"><span>xy </span></a></h2>",
			[]string{"<div> inside <span>, which holds only text: its content kept without it"}},
		{"a heading in an address made a div", "<address><h3>Sender</h3>Street</address>",
			"<address><div>Sender</div>Street</address>",
			[]string{"<h3> inside <address>, which may not hold it: made a <div>"}},
		{"a definition within a definition unwrapped", "<dfn>a <dfn>b</dfn></dfn>",
			"<dfn>a b</dfn>",
			[]string{"<dfn> inside <dfn>, which may not hold it: its content kept without it"}},
		{"a header in a footer made a div", "<footer><header>h</header></footer>",
			"<footer><div>h</div></footer>",
			[]string{"<header> inside <footer>, which may not hold it: made a <div>"}},
		{"a figure's caption in the middle made a div", "<figure><p>a</p><figcaption>c</figcaption><p>b</p></figure>",
			"<figure><p>a</p><div>c</div><p>b</p></figure>",
			[]string{"<figcaption> outside the first or last place of a <figure>: made a <div>"}},
		{"a figure's caption outside a figure made a div", "<figcaption>c</figcaption>",
			"<div>c</div>",
			[]string{"<figcaption> outside the first or last place of a <figure>: made a <div>"}},
		{"a table's foot before its body put after it", "<table><tfoot><tr><td>f</td></tr></tfoot><tbody><tr><td>b</td></tr></tbody></table>",
			"<table><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>",
			[]string{"the parts of a <table> out of order: put as its content model asks (caption, column groups, head, bodies, foot)"}},
		{"a second head made a body", "<table><thead><tr><th>h</th></tr></thead><thead><tr><td>x</td></tr></thead></table>",
			"<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>",
			[]string{"a second <thead> in a <table>: made a <tbody>"}},
		{"a second caption joined to the first", "<table><caption>a</caption><tr><td>x</td></tr><caption>b</caption></table>",
			"<table><caption>a b</caption><tbody><tr><td>x</td></tr></tbody></table>",
			[]string{"a second <caption> in a <table>: its content joined to the first"}},
		{"a table in its own caption unwrapped to its text", "<table><caption>c<table><tr><td>x</td></tr></table></caption></table>",
			"<table><caption>c<div>x   </div></caption></table>",
			[]string{"<table> inside <caption>, which may not hold it: made a <div>", "<tbody> inside <div>, outside its table: its content kept without it", "<td> inside <div>, outside its table: its content kept without it", "<tr> inside <div>, outside its table: its content kept without it"}},
		{"stray end tags dropped, unclosed elements closed at their parent's end and reopened after it, as a browser does", "<div><p>a</b></i><em>b</div>c</span>",
			"<div><p>a<em>b</em></p></div><em>c</em>", nil},
		{"a block closes a paragraph, as a browser does", "<p>a<div>b</div>c</p>",
			"<p>a</p><div>b</div>c<p></p>", nil},
		{"mis-nested formatting mended as a browser does", "<p><b>a<i>b</b>c</i></p>",
			"<p><b>a<i>b</i></b><i>c</i></p>", nil},
		{"an empty link left out", `<p><a href="#x"></a>text</p>`, "<p>text</p>", nil},
		{"nothing to repair in a well-formed list", "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>", "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.raw)
			if got.XHTML != tt.xhtml || strings.Join(got.Repaired, "|") != strings.Join(tt.repaired, "|") {
				t.Errorf("Sanitize(%q) =\n%q, %q\nwant\n%q, %q", tt.raw, got.XHTML, got.Repaired, tt.xhtml, tt.repaired)
			}
			if problem := invalid(got.XHTML); problem != "" {
				t.Errorf("Sanitize(%q) = %q: %s", tt.raw, got.XHTML, problem)
			}
		})
	}
}

// FuzzSanitizeValid checks that whatever HTML comes in, what goes out is
// well-formed XML whose elements stand where HTML's content models let
// them.
func FuzzSanitizeValid(f *testing.F) {
	for _, seed := range []string{
		"<ul><li><a href=\"{{< ref \"x.md\" >}}\">a</li><li>b</a></li></ul>",
		"<table><tr><td>a<table><caption>x<li>y</table></td>z</tr></table>",
		"<h1><div><ul><li><p>a</h1>b",
		"<dl><div><dt>a</div>b<dd>c</dl><dd>d",
		"<span><table><tr><td><em><div>x</em></div>",
		"<address><footer><header><h1>x</address>",
		"<a href=#x><div><a href=#y>in</a></div></a>",
		"<colgroup><col>x</colgroup><figure><p>a<figcaption>c</figcaption><p>b</figure>",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got := Sanitize(raw)
		if problem := invalid(got.XHTML); problem != "" {
			t.Errorf("Sanitize(%q) = %q: %s", raw, got.XHTML, problem)
		}
	})
}

// invalid checks an XHTML fragment against the content model rules named
// in the HTML Living Standard that the sanitiser must keep, written out
// here apart from the sanitiser's own tables, and returns the first
// broken, or "".
func invalid(fragment string) string {
	d := xml.NewDecoder(strings.NewReader("<div>" + fragment + "</div>"))
	var stack []string
	inlineOnly := func() bool {
		for i := len(stack) - 1; i >= 0; i-- {
			switch stack[i] {
			case "a", "ins", "del":
				continue
			case "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "span", "em", "strong", "i", "b", "u", "s",
				"sub", "sup", "small", "cite", "q", "abbr", "dfn", "code", "kbd", "samp", "var", "mark", "time":
				return true
			}
			return false
		}
		return false
	}
	children := map[string][]string{
		"ul": {"li"}, "ol": {"li"}, "dl": {"dt", "dd", "div"}, "tr": {"td", "th"},
		"table": {"caption", "colgroup", "thead", "tbody", "tfoot"}, "thead": {"tr"}, "tbody": {"tr"}, "tfoot": {"tr"}, "colgroup": {"col"},
	}
	needs := map[string][]string{
		"li": {"ul", "ol"}, "dt": {"dl", "div"}, "dd": {"dl", "div"}, "tr": {"thead", "tbody", "tfoot"}, "td": {"tr"}, "th": {"tr"},
		"thead": {"table"}, "tbody": {"table"}, "tfoot": {"table"}, "caption": {"table"}, "colgroup": {"table"}, "col": {"colgroup"}, "figcaption": {"figure"},
	}
	flowOnly := map[string]bool{"p": true, "div": true, "ul": true, "ol": true, "li": true, "dl": true, "table": true, "h1": true, "h2": true, "h3": true,
		"h4": true, "h5": true, "h6": true, "blockquote": true, "hr": true, "pre": true, "section": true, "aside": true, "header": true,
		"footer": true, "address": true, "figure": true, "figcaption": true}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return ""
		}
		if err != nil {
			return "not well-formed XML: " + err.Error()
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			parent := "div" // the writer's frame around a raw block
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			if allowed, ok := children[parent]; ok && !slices.Contains(allowed, name) {
				return "<" + name + "> in <" + parent + ">"
			}
			if ps, ok := needs[name]; ok && !slices.Contains(ps, parent) {
				return "<" + name + "> in <" + parent + ">"
			}
			if flowOnly[name] && inlineOnly() {
				return "<" + name + "> where only text may stand"
			}
			if name == "a" && slices.Contains(stack, "a") || name == "dfn" && slices.Contains(stack, "dfn") {
				return "<" + name + "> within itself"
			}
			stack = append(stack, name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 && strings.TrimSpace(string(tok)) != "" {
				if _, ok := children[stack[len(stack)-1]]; ok {
					return "text in <" + stack[len(stack)-1] + ">"
				}
			}
		}
	}
}
