package rawhtml

import (
	"fmt"
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, raw   string
		xhtml, text string
		refused     []string
	}{
		{"a language, written for XML too", "<div lang=\"de\">\nblock\n</div>", "<div lang=\"de\" xml:lang=\"de\">\nblock\n</div>", "block", nil},
		{"styles and handlers refused, the element kept", `<p style="color:red" onclick="steal()">a &amp; b<br>c</p>`,
			"<p>a &amp; b<br/>c</p>", "a & b c", []string{"a style attribute", "an event handler (onclick)"}},
		{"a cell's alignment kept, nothing else of its style", `<table><tr><td align="RIGHT">1</td><td style="text-align: center;">2</td><td style="text-align: right; color: red">3</td><td align="justify">4</td></tr></table>`,
			`<table><tbody><tr><td style="text-align: right">1</td><td style="text-align: center">2</td><td>3</td><td>4</td></tr></tbody></table>`, "1 2 3 4", []string{"a style attribute", "the attribute align of <td>"}},
		{"a script refused with its content, an unknown element without its text", "<script>alert(1)</script><font color=red>kept</font>",
			"kept", "kept", []string{"a script (<script>)", "the element <font>, whose text is kept"}},
		{"links within the book or to the Web only", `<a href="https://x.org/">w</a> <a href="#n1">n</a> <a href="javascript:alert(1)">j</a> <a href="../x.htm">r</a>`,
			`<a href="https://x.org/">w</a> <a href="#n1">n</a> <a>j</a> <a>r</a>`, "w n j r",
			[]string{"a javascript: link", `a link to "../x.htm", a file the book does not hold`}},
		{"fetched things refused", `<img src="http://evil/p.png"><iframe src="http://evil"></iframe><form><input name=a></form>x`,
			"x", "x", []string{"a form (<form>)", "an iframe (<iframe>)", "an image (<img>)"}},
		{"a table, as a browser builds it", "<table><tr><td>a</td><td>b&lt;</td></tr></table>",
			"<table><tbody><tr><td>a</td><td>b&lt;</td></tr></tbody></table>", "a b<", nil},
		{"a comment, without a word", "<!-- a comment -->", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.raw)
			if got.XHTML != tt.xhtml || got.Text != tt.text || strings.Join(got.Refused, "|") != strings.Join(tt.refused, "|") {
				t.Errorf("Sanitize(%q) =\n%q, %q, %q\nwant\n%q, %q, %q", tt.raw, got.XHTML, got.Text, got.Refused, tt.xhtml, tt.text, tt.refused)
			}
		})
	}
}

func TestParseTag(t *testing.T) {
	tests := []struct {
		raw  string
		want string // name closing void attributes, or "" for no tag
	}{
		{`<span lang=el CLASS="x y">`, "span false false map[class:x y lang:el]"},
		{"</em>", "em true false map[]"},
		{"<br/>", "br false true map[]"},
		{"<br>", "br false true map[]"},
		{"<hr>", "hr false true map[]"},
		{"<!-- c -->", ""},
		{"<!DOCTYPE html>", ""},
		{"text", ""},
	}
	for _, tt := range tests {
		got := ""
		if tag, ok := ParseTag(tt.raw); ok {
			got = fmt.Sprintf("%s %v %v %v", tag.Name, tag.Closing, tag.Void, tag.Attr)
		}
		if got != tt.want {
			t.Errorf("ParseTag(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestRefusedWhole(t *testing.T) {
	for raw, want := range map[string]string{"<script src=x>": "a script", "<textarea>": "a form control", "<svg>": "SVG", "<em>": "", "<font>": ""} {
		tag, ok := ParseTag(raw)
		if !ok {
			t.Fatalf("ParseTag(%q) failed", raw)
		}
		if what, refused := tag.RefusedWhole(); what != want || refused != (want != "") {
			t.Errorf("%s: RefusedWhole() = %q, %v; want %q", raw, what, refused, want)
		}
	}
}

func TestSanitizeLinks(t *testing.T) {
	tests := []struct {
		name, raw string
		links     []string
		onlyLinks bool
		onlyRule  bool
	}{
		{"a list of links with separators, one left open", `<ul><li><a href="a.md">« Contents</li><li><a href="b.md">Next »</a></li></ul>`, []string{"a.md", "b.md"}, true, false},
		{"words outside the links", `<p>See <a href="a.md">one</a>.</p>`, []string{"a.md"}, false, false},
		{"a link without a target is not one", `<a name="x">Top</a> | <a href="a.md">Next</a>`, []string{"a.md"}, false, false},
		{"a refused link is still reported", `<a href="javascript:go()">Go</a>`, []string{"javascript:go()"}, true, false},
		{"no links", `<p>Text.</p>`, nil, false, false},
		{"a rule alone", "<hr>\n", nil, false, true},
		{"a rule with attributes and a comment", `<hr class="x"/><!-- foot -->`, nil, false, true},
		{"two rules", `<hr><hr>`, nil, false, false},
		{"a rule and text", `<hr>Text`, nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.raw)
			if strings.Join(got.Links, "|") != strings.Join(tt.links, "|") || got.OnlyLinks != tt.onlyLinks || got.OnlyRule != tt.onlyRule {
				t.Errorf("Sanitize(%q): links %q, only links %v, only a rule %v; want %q, %v, %v", tt.raw, got.Links, got.OnlyLinks, got.OnlyRule, tt.links, tt.onlyLinks, tt.onlyRule)
			}
		})
	}
}
