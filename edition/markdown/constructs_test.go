package markdown

import (
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

// TestReadConstructs reads each construct of pandoc's Markdown that the
// edition carries and checks the model it becomes.
func TestReadConstructs(t *testing.T) {
	tests := []struct {
		name, md string
		want     string // model.DumpSections of the sections, without the "section" lines
	}{
		{"pipe table with caption", "| A | B |\n|--:|:-:|\n| 1 | *x* |\n\nTable: Sums.\n",
			"1 table align=right,center: Sums.\n  1 row head=true\n    1 cell: A\n    1 cell: B\n  3 row\n    3 cell: 1\n    3 cell: {emph:x}\n"},
		{"pipe table without header", "|---:|:---|\n| a | = b |\n| | = c |\n",
			"1 table align=right,left\n  2 row\n    2 cell: a\n    2 cell: = b\n  3 row\n    3 cell\n    3 cell: = c\n"},
		{"simple table", "  Right  Left\n-------  ------\n     12  ab\n    123  c\n\n: Small.\n",
			"1 table align=right,left: Small.\n  1 row head=true\n    1 cell: Right\n    1 cell: Left\n  3 row\n    3 cell: 12\n    3 cell: ab\n  4 row\n    4 cell: 123\n    4 cell: c\n"},
		{"simple table without header", "-------  ------\n     12  ab\n-------  ------\n",
			"1 table align=right,left\n  2 row\n    2 cell: 12\n    2 cell: ab\n"},
		// (A line of dashes on the first line would open front matter.)
		{"multiline table", "Names:\n\n----------------------\n Name    Description\n------- --------------\n Ada     First of\n         two lines.\n\n Bo      One.\n----------------------\n",
			"1 para: Names:\n3 table align=center,center widths=7,14\n  4 row head=true\n    4 cell: Name\n    4 cell: Description\n  6 row\n    6 cell: Ada\n    6 cell: First of two lines.\n  9 row\n    9 cell: Bo\n    9 cell: One.\n"},
		{"grid table", "+-----+------+\n| a   | - x  |\n|     | - y  |\n+=====+======+\n| 1   | two  |\n+-----+------+\n",
			"1 table align=default,default widths=5,6\n  2 row head=true\n    2 cell: a\n    2 cell\n      2 list tight=true\n        2 item\n          2 para: x\n        3 item\n          3 para: y\n  5 row\n    5 cell: 1\n    5 cell: two\n"},
		{"figure", "![A map](map.png \"Map\"){#fig-map width=50%}\n",
			"1 image #fig-map src=map.png alt=A map title=Map width=50%: A map\n"},
		{"definition list", "Term\n: Its definition.\n",
			"1 deflist\n  1 term: Term\n  2 definition\n    2 para: Its definition.\n"},
		{"line block", "| one\n|    two\n| three\n  continued\n",
			"1 lineblock: one{br}{nbsp}{nbsp}{nbsp}two{br}three continued\n"},
		{"fenced div with lang", "::: {lang=de .letter}\nEin Satz.\n\n::: inner\nNested.\n:::\n:::\n",
			"1 div class=letter lang=de\n  2 para: Ein Satz.\n  4 div class=inner\n    5 para: Nested.\n"},
		{"math", "An $x^2$ and $$\\frac{a}{b}$$ but $20 and $30.\n",
			"1 para: An {math:x^2} and {math display=true:\\frac{a}{b}} but $20 and $30.\n"},
		{"citations", "As [@a, p. 2; see @b] and @c [ch. 3] say; mail x@y.org.\n",
			"1 para: As {cite key=a locator=p. 2 key=b prefix=see line=1:[@a, p. 2; see @b]} and {cite mode=in-text key=c locator=ch. 3 line=1:@c [ch. 3]} say; mail x@y.org.\n"},
		{"inline note", "Text.^[A *note*.]\n", "1 para: Text.{ref fn-1:1}\n"},
		{"scripts, strikeout, small caps, spans", "H~2~O, 2^10^, ~~no~~, [Ab]{.smallcaps}, [θάλασσα]{lang=el}.\n",
			"1 para: H{sub:2}O, 2{sup:10}, {strike:no}, {smallcaps:Ab}, {span lang=el:θάλασσα}.\n"},
		{"superscript holding a link", "a^[\\[1\\]](#n1){#r1}^\n", "1 para: a{sup:{link #n1:[1]}}\n"},
		{"code", "`x` and\n\n```go\nfunc f() {\n  return\n}\n```\n",
			"1 para: {code:x} and\n3 codeblock language=go: {code:func f() {}{br}{code:  return}{br}{code:}}\n"},
		{"raw HTML inline", "a <sup>2</sup> <span lang=\"fr\" class=\"x\">oui</span> <b>b</b>\n",
			"1 para: a {sup:2} {span lang=fr class=x:oui} {strong:b}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Read("f.md", []byte(tt.md))
			if err != nil {
				t.Fatal(err)
			}
			if g := bodyDump(t, src); g != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", g, tt.want)
			}
			if len(src.Warnings) > 0 {
				t.Errorf("warnings: %v", src.Warnings)
			}
		})
	}
}

// TestReadConstructWarnings makes each warning of the reader fire, and
// checks it names the file and the line.
func TestReadConstructWarnings(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string // each a warning's "line: message" start
	}{
		{"image without alt text", "text\n\n![](map.png)\n", []string{`3: image "map.png" has no alt text`}},
		{"note reference without a note", "a[^gone]\n", []string{`1: note reference [^gone] has no note`}},
		{"note never referenced", "a\n\n[^lonely]: Never cited.\n", []string{`3: note [^lonely] is never referred to`}},
		{"math beyond what is supported", "x\n\n$\\mathscr{L} + \\begin{matrix}a\\end{matrix}$\n",
			[]string{`3: math $\mathscr{L} + \begin{matrix}a\end{matrix}$: \mathscr is not supported`, `3: math $\mathscr{L} + \begin{matrix}a\end{matrix}$: the environment \begin{matrix} is not supported`}},
		{"relative link", "See [the notes](notes.htm#n1).\n", []string{`1: link to "notes.htm#n1" is kept as text`}},
		{"heading below level four", "# A\n\n# B\n\n## C\n\n### D\n\n#### E\n\n##### F\n", []string{`11: heading of level 5 is set as level 4`}},
		{"script", "a <script>alert(1)</script> b\n", []string{`1: raw HTML: a script (<script>) left out`}},
		{"event handler", "a <span onclick=\"steal()\">b</span>\n", []string{`1: raw HTML: an event handler (onclick) left out`}},
		{"block: its structure repaired where XHTML does not allow it", "text\n\n<ul>\n<li>see <a href=\"#a\">one</li>\n<li>two</li>\n</ul>\n",
			[]string{`3: raw HTML: <a> between <ul> and its <li>: its content kept without it`}},
		{"block: every refusal", "<div onmouseover=\"x()\">\n<script src=\"http://evil/x.js\"></script>\n<form action=\"http://evil\"><input name=a></form>\n<iframe src=\"http://evil\"></iframe>\n<object data=\"x.swf\"></object>\n<img src=\"http://evil/pixel.png\">\n<a href=\"javascript:alert(1)\">js</a> <a href=\"../x.htm\">rel</a>\n<p style=\"background:url(http://evil)\">kept</p>\n</div>\n",
			[]string{
				`1: raw HTML: a form (<form>) left out`,
				`1: raw HTML: a javascript: link left out`,
				`1: raw HTML: a link to "../x.htm", a file the book does not hold left out`,
				`1: raw HTML: a script (<script>) left out`,
				`1: raw HTML: a style attribute left out`,
				`1: raw HTML: an embedded object (<object>) left out`,
				`1: raw HTML: an event handler (onmouseover) left out`,
				`1: raw HTML: an iframe (<iframe>) left out`,
				`1: raw HTML: an image (<img>) left out`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Read("f.md", []byte(tt.md))
			if err != nil {
				t.Fatal(err)
			}
			if len(src.Warnings) != len(tt.want) {
				t.Fatalf("%d warnings, want %d: %v", len(src.Warnings), len(tt.want), src.Warnings)
			}
			for i, w := range src.Warnings {
				if w.File != "f.md" || !strings.HasPrefix(w.String(), "f.md:"+tt.want[i]) {
					t.Errorf("warning %d: %v\nwant it to start f.md:%s", i, w, tt.want[i])
				}
			}
		})
	}
	// What hostile HTML leaves in the edition is only text and its
	// structure, here the model's own paragraphs.
	src, _ := Read("f.md", []byte(tests[len(tests)-1].md))
	var dump strings.Builder
	if err := model.DumpSections(&dump, src.Sections); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"script", "onmouseover", "form", "input", "iframe", "object", "img", "javascript", "evil", "style", "x.htm"} {
		if strings.Contains(dump.String(), bad) {
			t.Errorf("the edition keeps %q of the hostile HTML:\n%s", bad, dump.String())
		}
	}
	if !strings.Contains(dump.String(), "1 para: js rel\n") || !strings.Contains(dump.String(), "1 para: kept\n") {
		t.Errorf("the hostile HTML lost its text:\n%s", dump.String())
	}
}

// bodyDump is the model dump of a source's sections, a line a block, the
// section lines left out: what the construct tests compare.
func bodyDump(t *testing.T, src *model.Source) string {
	t.Helper()
	var b strings.Builder
	if err := model.DumpSections(&b, src.Sections); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(l, "section ") || l == "" {
			continue
		}
		got = append(got, strings.TrimPrefix(l, "  "))
	}
	return strings.Join(got, "\n") + "\n"
}
