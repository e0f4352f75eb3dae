package markdown

import (
	"strings"
	"testing"
)

// TestRawHTMLAsModel reads blocks of raw HTML and checks which become the
// model's own blocks and which stay raw, and what each warns of.
func TestRawHTMLAsModel(t *testing.T) {
	tests := []struct {
		name, md string
		want     string   // model.DumpSections, without the "section" lines
		warnings []string // the start of each warning's message
	}{
		{"table with head and caption",
			"<table>\n<caption>Dates</caption>\n<thead><tr><th>Year</th><th>Event</th></tr></thead>\n<tbody><tr><td>1848</td><td><em>Revolutions</em></td></tr>\n<tr><td>1871</td></tr></tbody>\n</table>\n",
			"1 table align=default,default: Dates\n  1 row head=true\n    1 cell: Year\n    1 cell: Event\n  1 row\n    1 cell: 1848\n    1 cell: {emph:Revolutions}\n  1 row\n    1 cell: 1871\n    1 cell\n", nil},
		{"table whose first row is of header cells",
			"<table>\n<tr><th>A</th><th>B</th></tr>\n<tr><td>1</td><td><p>x</p><p>y</p></td></tr>\n<tr><th>C</th><th>D</th></tr>\n</table>\n",
			"1 table align=default,default\n  1 row head=true\n    1 cell: A\n    1 cell: B\n  1 row\n    1 cell: 1\n    1 cell\n      1 para: x\n      1 para: y\n  1 row\n    1 cell: C\n    1 cell: D\n", nil},
		{"column alignment from the cells, where they agree",
			"<table>\n<tr><th align=\"center\">Year</th><th>Event</th><th>Sum</th></tr>\n<tr><td align=\"right\">1848</td><td style=\"text-align:left\">a</td><td align=\"right\">1</td></tr>\n<tr><td align=\"right\">1871</td><td>b</td><td align=\"left\">2</td></tr>\n</table>\n",
			"1 table align=right,left,default\n  1 row head=true\n    1 cell: Year\n    1 cell: Event\n    1 cell: Sum\n  1 row\n    1 cell: 1848\n    1 cell: a\n    1 cell: 1\n  1 row\n    1 cell: 1871\n    1 cell: b\n    1 cell: 2\n", nil},
		{"nested lists",
			"<ul>\n<li>one\n<ol start=\"3\"><li>three</li><li>four</li></ol>\n</li>\n<li><p>two</p></li>\n</ul>\n",
			"1 list\n  1 item\n    1 para: one\n    1 list ordered=true start=3 tight=true\n      1 item\n        1 para: three\n      1 item\n        1 para: four\n  1 item\n    1 para: two\n", nil},
		// The levels of the Markdown headings' rules: under the part's
		// title, no level skipped.
		{"headings between Markdown headings",
			"# A\n\nText.\n\n<h2>Part <em>one</em></h2>\n\n<h4>Deeper</h4>\n\n# B\n\nMore.\n",
			"3 para: Text.\n5 heading2 #part-one: Part {emph:one}\n7 heading3 #deeper: Deeper\n11 para: More.\n", nil},
		{"mixed inline markup",
			"<p>A <b>bold</b>, <i>italic</i>, H<sub>2</sub>O, x<sup>2</sup>, <del>gone</del>, <code>f(x)</code>,<br/>\n<a href=\"https://example.org/\">a link</a>, <span lang=\"de\">ja</span>, <em lang=\"fr\">oui</em>, <span class=\"smallcaps\">Ab</span>.</p>\n",
			"1 para: A {strong:bold}, {emph:italic}, H{sub:2}O, x{sup:2}, {strike:gone}, {code:f(x)},{br} {link https://example.org/:a link}, {span lang=de:ja}, {span lang=fr:{emph:oui}}, {smallcaps:Ab}.\n", nil},
		{"definition list, quotation, code, rule",
			"<dl><dt>Term</dt><dd>Its definition.</dd></dl>\n<blockquote><p>Words.</p><p>— A. Person</p></blockquote>\n<hr>\n\n<pre><code class=\"language-go\">x := 1\n\ny := 2\n</code></pre>\n",
			"1 deflist\n  1 term: Term\n  1 definition\n    1 para: Its definition.\n1 blockquote\n  1 para: Words.\n  1 attribution: — A. Person\n1 break\n5 codeblock language=go: {code:x := 1}{br}{br}{code:y := 2}\n", nil},
		// <div> and </div> on lines of their own, blank lines around
		// them: the Markdown between is the div's, as pandoc reads it.
		{"div tags around Markdown",
			"<div class=\"poem\" style=\"margin:1em\">\n\nHat der alte\\\nHexenmeister\n\n<div lang=\"de\">\n\n*Innen.*\n\n</div>\n\n</div>\n\nAfter.\n",
			"1 div class=poem\n  3 para: Hat der alte{br}Hexenmeister\n  6 div lang=de\n    8 para: {emph:Innen.}\n14 para: After.\n",
			[]string{"raw HTML: the attribute style of <div> left out"}},
		{"a div tag never closed stays as it was",
			"<div class=\"poem\">\n\nText.\n",
			"1 div class=poem\n3 para: Text.\n", nil},
		{"div with a language, text beside blocks",
			"<div lang=\"de\">Ein Satz.\n<p>Noch einer.</p></div>\n",
			"1 div lang=de\n  1 para: Ein Satz.\n  1 para: Noch einer.\n", nil},
		{"a section, which the model lacks, stays raw",
			"<section><p>Kept <em>as is</em>.</p></section>\n",
			"1 rawblock html=<section><p>Kept <em>as is</em>.</p></section>: Kept as is.\n", nil},
		{"a cell spanning columns keeps the table raw",
			"<table><tr><td colspan=\"2\">wide</td></tr></table>\n",
			"1 rawblock html=<table><tbody><tr><td colspan=\"2\">wide</td></tr></tbody></table>: wide\n", nil},
		{"a list numbered by letters stays raw",
			"<ol type=\"a\"><li>first</li></ol>\n",
			"1 rawblock html=<ol type=\"a\"><li>first</li></ol>: first\n", nil},
		{"markup inside a pre stays raw",
			"<pre>a <b>b</b></pre>\n",
			"1 rawblock html=<pre>a <b>b</b></pre>: a b\n", nil},
		{"hostile HTML keeps only its text, with warnings",
			"<p onclick=\"steal()\">Hi <script>alert(1)</script><a href=\"javascript:alert(1)\">there</a> <a href=\"https://example.org/\" onmouseover=\"x()\">friend</a><img src=\"http://evil/p.png\"></p>\n",
			"1 para: Hi there {link https://example.org/:friend}\n",
			[]string{"raw HTML: a javascript: link left out", "raw HTML: a script (<script>) left out", "raw HTML: an event handler (onclick) left out", "raw HTML: an event handler (onmouseover) left out", "raw HTML: an image (<img>) left out"}},
		{"hostile HTML in a structure the model lacks stays safe",
			"<section><script>alert(1)</script><p style=\"x\">ok</p></section>\n",
			"1 rawblock html=<section><p>ok</p></section>: ok\n",
			[]string{"raw HTML: a script (<script>) left out", "raw HTML: a style attribute left out"}},
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
			if len(src.Warnings) != len(tt.warnings) {
				t.Fatalf("warnings %v, want %d", src.Warnings, len(tt.warnings))
			}
			for i, w := range src.Warnings {
				if !strings.HasPrefix(w.Message, tt.warnings[i]) {
					t.Errorf("warning %d: %q, want it to start %q", i, w.Message, tt.warnings[i])
				}
			}
		})
	}
}
