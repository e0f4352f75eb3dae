package furniture

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

func TestPandocTitleBlock(t *testing.T) {
	tests := []struct {
		name, md string
		want     model.FrontMatter
		lines    int
	}{
		{"three lines", "% Erin's Hope\n% James Connolly\n% 1909\n\nText.\n", model.FrontMatter{Title: "Erin's Hope", Authors: []string{"James Connolly"}, Date: "1909"}, 3},
		{"continued title, authors on lines and by semicolons", "% The Conference\n  at Berlin\n% A. One; B. Two\n  C. Three\n\nText.\n",
			model.FrontMatter{Title: "The Conference at Berlin", Authors: []string{"A. One", "B. Two", "C. Three"}}, 4},
		{"no title, an author", "%\n% A. One\n\nText.\n", model.FrontMatter{Authors: []string{"A. One"}}, 2},
		{"none", "Text with 50% of it.\n", model.FrontMatter{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := pandocTitleBlock([]byte(tt.md))
			var got model.FrontMatter
			tb.fillFront(&got)
			if got.Title != tt.want.Title || got.Date != tt.want.Date || strings.Join(got.Authors, "|") != strings.Join(tt.want.Authors, "|") || tb.lines != tt.lines {
				t.Errorf("got %+v in %d lines, want %+v in %d", got, tb.lines, tt.want, tt.lines)
			}
		})
	}
	// YAML front matter's values win over the block's, which fills the
	// rest.
	var f model.FrontMatter
	f.Title = "From YAML"
	titleBlock{title: "From the block", date: "1909"}.fillFront(&f)
	if f.Title != "From YAML" || f.Date != "1909" {
		t.Errorf("fillFront = %+v", f)
	}
}

func TestMultiMarkdownMetadata(t *testing.T) {
	tests := []struct {
		name, md string
		want     model.FrontMatter
		lines    int
	}{
		{"title, author, date", "Title: The Iron Heel\nAuthor: C. Writer\nDate: 1908\n\nText.\n",
			model.FrontMatter{Title: "The Iron Heel", Authors: []string{"C. Writer"}, Date: "1908"}, 3},
		{"keys in any case and with spaces, continued values, keys the front matter lacks",
			"TITLE: The Conference\n    at Berlin\nsub title: A Report\nAuthor: A. One; B. Two\nauthor: C. Three\nLang: de\nKeywords: Africa, 1885\nBase Header Level: 2\n\nText.\n",
			model.FrontMatter{Title: "The Conference at Berlin", Subtitle: "A Report", Authors: []string{"A. One", "B. Two", "C. Three"}, Language: "de"}, 8},
		{"a surname before the forename stays one author", "Author: Writer, C.\nRights: Public domain\n", model.FrontMatter{Authors: []string{"Writer, C."}, Rights: "Public domain"}, 2},
		{"a first paragraph opening with a key the front matter lacks", "Note: this text was found in a drawer.\n\nText.\n", model.FrontMatter{}, 0},
		{"a first paragraph with a known key but prose after it", "Date: unknown, but\nthe letter was written in spring.\n\nText.\n", model.FrontMatter{}, 0},
		{"a heading first", "# Title: A\n\nText.\n", model.FrontMatter{}, 0},
		{"a link first", "http://example.org/\n", model.FrontMatter{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Prepare([]byte(tt.md))
			var got model.FrontMatter
			p.FillFront(&got)
			if got.Title != tt.want.Title || got.Subtitle != tt.want.Subtitle || got.Date != tt.want.Date || got.Language != tt.want.Language || got.Rights != tt.want.Rights ||
				strings.Join(got.Authors, "|") != strings.Join(tt.want.Authors, "|") || p.title.lines != tt.lines {
				t.Errorf("got %+v in %d lines, want %+v in %d", got, p.title.lines, tt.want, tt.lines)
			}
			// The block is blanked for the parser, line for line.
			if tt.lines > 0 && (len(p.Src) != len(tt.md) || strings.TrimSpace(string(p.Src[:p.title.bytes])) != "") {
				t.Errorf("prepared source %q", p.Src)
			}
		})
	}
}

func TestPrepareSourceKeepsLines(t *testing.T) {
	src := []byte("% T\n% A\n\n##\u00a0H\n\n[x]({{ site.baseurl }}{% link a.md %}) `[y]({{ z }})`\n\n```\n##\u00a0code\n```\n")
	p := Prepare(src)
	if len(p.Src) != len(src) || bytes.Count(p.Src, []byte("\n")) != bytes.Count(src, []byte("\n")) {
		t.Fatalf("the prepared source is %d bytes in %d lines, want %d in %d", len(p.Src), bytes.Count(p.Src, []byte("\n")), len(src), bytes.Count(src, []byte("\n")))
	}
	want := "   \n   \n\n##  H\n\n[x]({{ site.baseurl }}{% link a.md %}) `[y]({{ z }})`\n\n```\n##\u00a0code\n```\n"
	if string(p.Src) != want {
		t.Errorf("prepared source:\n%q\nwant\n%q", p.Src, want)
	}
	if &src[0] == &p.Src[0] {
		t.Error("the source was changed in place")
	}
	line := []byte("[x]({{ site.baseurl }}{% link a_b.md %}) and [y](plain.md)")
	liquidDestinations(line)
	if got := string(line); got != "[x]({{~site.baseurl~}}{%~link~a_b.md~%}) and [y](plain.md)" {
		t.Errorf("liquidDestinations = %q", got)
	}
	if got, ok := LiquidTarget("{{~site.baseurl~}}{%~link~a_b.md~%}"); !ok || got != "{{ site.baseurl }}{% link a_b.md %}" {
		t.Errorf("liquidTarget = %q, %v", got, ok)
	}
}

func TestShortcodesInTags(t *testing.T) {
	tests := []struct{ name, line, want string }{
		{"a shortcode in an attribute takes single quotes",
			`<li><a href="{{< ref "_index.md" >}}">« Contents</a></li>`,
			`<li><a href="{{< ref '_index.md' >}}">« Contents</a></li>`},
		{"two in one attribute, and the percent form",
			`<a href="{{< ref "a.md" >}}{{% anchor "x" %}}">`,
			`<a href="{{< ref 'a.md' >}}{{% anchor 'x' %}}">`},
		{"a shortcode outside a tag is left as written",
			`{{< figure src="a.png" >}} and <em>{{< ref "b.md" >}}</em>`,
			`{{< figure src="a.png" >}} and <em>{{< ref "b.md" >}}</em>`},
		{"a line with a code span is left alone",
			"`<a href=\"{{< ref \"a.md\" >}}\">`",
			"`<a href=\"{{< ref \"a.md\" >}}\">`"},
		{"an unclosed shortcode is left alone", `<a href="{{< ref "a.md"`, `<a href="{{< ref "a.md"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := []byte(tt.line)
			shortcodesInTags(l)
			if string(l) != tt.want {
				t.Errorf("shortcodesInTags(%q) = %q, want %q", tt.line, l, tt.want)
			}
		})
	}
	// Prepare rewrites them in place, line lengths kept.
	src := []byte("Text.\n\n<ul>\n<li><a href=\"{{< ref \"a.md\" >}}\">A</a></li>\n</ul>\n")
	p := Prepare(src)
	if want := strings.ReplaceAll(string(src), `"a.md"`, `'a.md'`); string(p.Src) != want {
		t.Errorf("Prepare = %q, want %q", p.Src, want)
	}
	if got, ok := LiquidTarget("{{< ref 'a.md' >}}"); !ok || got != "{{< ref 'a.md' >}}" {
		t.Errorf("LiquidTarget(Hugo) = %q, %v", got, ok)
	}
}
