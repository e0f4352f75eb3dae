package furniture_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/markdown"
	"github.com/bindery-editions/bindery/edition/model"
)

// furnitureCase is one recogniser test: a Markdown text (a leading newline
// dropped, so that a case can open on its own line), the outline lines
// (model.DumpOutline, trimmed) it must give and those it must not.
type furnitureCase struct {
	name     string
	md       string
	want     []string
	dontWant []string
}

func runFurnitureCases(t *testing.T, cases []furnitureCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := readOutline(t, c.md)
			have := map[string]bool{}
			for _, l := range got {
				have[l] = true
			}
			for _, w := range c.want {
				if !have[w] {
					t.Errorf("outline lacks %q:\n%s", w, strings.Join(got, "\n"))
				}
			}
			for _, w := range c.dontWant {
				if have[w] {
					t.Errorf("outline has %q:\n%s", w, strings.Join(got, "\n"))
				}
			}
		})
	}
}

// readOutline reads a case's Markdown and returns its outline lines,
// trimmed.
func readOutline(t *testing.T, md string) []string {
	t.Helper()
	src, err := markdown.Read("case.md", []byte(strings.TrimPrefix(md, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := model.DumpOutline(&b, src); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		out = append(out, strings.TrimSpace(l))
	}
	return out
}

const (
	navChange     = "change web-navigation"
	rulesChange   = "change horizontal-rules"
	spacersChange = "change spacer-paragraphs"
	sourceChange  = "change source-lines"
	titleChange   = "change title-page"
)

func TestNavigation(t *testing.T) {
	runFurnitureCases(t, []furnitureCase{
		{name: "a breadcrumb of relative links, and the link back to its anchor",
			md: `
[MIA](../../index.htm){#top}  \>  [Archive](../index.htm)  \>  [Connolly](index.htm)

The text begins.

[Top of the page](#top)

The text goes on.
`,
			want: []string{"3 para x2",
				navChange + " (lines 1, 5): dropped"},
			dontWant: []string{`warning case.md:1: link to "../../index.htm" is kept as text: the file is not part of the edition; link to a web address, or to #an-identifier in the text`}},
		{name: "Jekyll links between rules",
			md: `
* * *

[**Index-** *Capital Vol.1*]({{ site.baseurl }}{% link cap1index.md %})

[**Next:** Chapter 2]({{ site.baseurl }}{% link _texts/ch02.md %})

* * *

The text.
`,
			want: []string{"9 para x1",
				navChange + " (lines 3-5): dropped",
				rulesChange + " (lines 1, 7): dropped"}},
		{name: "a Jekyll link in the text is kept as its text, with a warning",
			md: "See [the next chapter]({{ site.baseurl }}{% link ch02.md %}) for more.\n",
			want: []string{"1 para x1",
				`warning case.md:1: link to "{{ site.baseurl }}{% link ch02.md %}" is kept as text: the file is not part of the edition; link to a web address, or to #an-identifier in the text`}},
		{name: "a link back to the archive at the foot",
			md:   "The text.\n\n---\n\n[Back to the Daniel De Leon Internet Archive](../../index.htm)\n",
			want: []string{navChange + " (lines 5): dropped"}},
		{name: "links to Web addresses are navigation at the foot only",
			md: `
See the archive's list:

[The Archive](https://www.marxists.org/)

The text ends.

[Home](https://www.marxists.org/) · [Contact](https://www.marxists.org/contact.htm)
`,
			want: []string{"1 para x3", navChange + " (lines 7): dropped"}},
		{name: "a Hugo page's raw HTML navigation and rule at the foot",
			md: `
The text ends.

<hr>

<ul class="nav-links">
    <li><a href="{{< ref "_index.md" >}}">« Table of Contents</li>
    <li><a href="{{< ref "next.md" >}}">Chapter Two... »</a></li>
</ul>
`,
			want: []string{"1 para x1", navChange + " (lines 5-8): dropped", rulesChange + " (lines 3): dropped"},
			// The links to the site's pages, refused as HTML, are left
			// out with the navigation and not warned of.
			dontWant: []string{"5 rawblock: « Table of Contents Chapter Two... »", "warning case.md:5: raw HTML: a link to \"{{< ref '_index.md' >}}\", a file the book does not hold left out of the edition"}},
		{name: "raw HTML links with words between them are the text's",
			md:       "The text.\n\n<p>See <a href=\"a.htm\">one</a> and <a href=\"b.htm\">two</a>.</p>\n\nMore text.\n",
			want:     []string{"1 para x3"},
			dontWant: []string{navChange}},
		{name: "a raw HTML rule between paragraphs is the text's break",
			md:   "First.\n\n<hr/>\n\nSecond.\n",
			want: []string{"3 break"}},
		{name: "a link to the text's own heading is not navigation",
			md:       "# One\n\nText.\n\n# Two\n\n[Back to one](#one)\n",
			dontWant: []string{navChange + " (lines 7): dropped"}},
	})
}

func TestSpacersAndRules(t *testing.T) {
	runFurnitureCases(t, []furnitureCase{
		{name: "no-break spaces alone",
			md:   "First.\n\n\u00a0\n\nSecond.\n\n\u00a0\u00a0\n",
			want: []string{"1 para x2", spacersChange + " (lines 3, 7): dropped"}},
		{name: "line breaks alone, as a page set them or pandoc wrote them",
			md:   "First.\n\n\\\n\nSecond.\n\n\u00a0\\\n\n\u00a0<br>\u00a0\n",
			want: []string{"1 para x2", spacersChange + " (lines 3, 7-9): dropped"}},
		{name: "a backslash or line break with text is the text's",
			md:       "First.\n\nA\\\nB\n\n\\ and more\n",
			dontWant: []string{spacersChange}},
		{name: "a rule between paragraphs is the text's",
			md:       "First.\n\n---\n\nSecond.\n",
			want:     []string{"3 break"},
			dontWant: []string{rulesChange + " (lines 3): dropped"}},
		{name: "rules at the edges and beside each other",
			md:   "* * *\n\nFirst.\n\n* * *\n\n---\n\nSecond.\n\n---\n",
			want: []string{rulesChange + " (lines 1, 5-7, 11): dropped"}},
		{name: "rules around headings as a habit",
			md: `
# One

* * *

Text.

* * *

# Two

* * *

Text.
`,
			want: []string{rulesChange + " (lines 3, 7, 11): dropped"}},
		{name: "one rule an author set before a heading",
			md:       "# One\n\nText.\n\n---\n\n## Sub\n\nText.\n\n## Sub two\n\nText.\n\n# Two\n\nText.\n",
			want:     []string{"5 break"},
			dontWant: []string{rulesChange + " (lines 5): dropped"}},
	})
}

func TestCredits(t *testing.T) {
	runFurnitureCases(t, []furnitureCase{
		{name: "a credit block under the title, with pandoc's info labels",
			md: `
# The Conference

[Written:]{.info} 1886\
[Transcription\\HTML Markup:]{.info} [Robert Bills](mailto:a@example.org) and [David Walters](../walters.htm)

[THE]{.cap} conference at Berlin.
`,
			want: []string{"trailer", "3 para: Written: 1886 Transcription\\HTML Markup: Robert Bills and David Walters",
				sourceChange + " (lines 3-4): moved to the Source page"},
			// The link to a page of the archive, moved with the credits,
			// is kept as its text without a warning.
			dontWant: []string{`warning case.md:4: link to "../walters.htm" is kept as text: the file is not part of the edition; link to a web address, or to #an-identifier in the text`}},
		{name: "credits and the revision date at the foot",
			md: `
The text ends.

------------------------------------------------------------------------

Transcribed by Einde O'Callaghan.

Last updated on 30.7.2007
`,
			want: []string{"1 para x1", "trailer", "5 para: Transcribed by Einde O'Callaghan.", "7 para: Last updated on 30.7.2007",
				sourceChange + " (lines 5-7): moved to the Source page"}},
		{name: "information lines one to a paragraph go with the credits",
			md: `
# The Conference

[Written:]{.info} 1886

[Source:]{.info} Political Science Quarterly, March 1886.

[Transcription:]{.info} Robert Bills.

The conference at Berlin.
`,
			want: []string{"section 1: The Conference", "9 para x1", "3 para: Written: 1886", "5 para: Source: Political Science Quarterly, March 1886.",
				sourceChange + " (lines 3-7): moved to the Source page"}},
		{name: "labelled lines with no credits beside them are the text's",
			md:       "# Memorandum\n\nTo: The Committee\\\nFrom: The Secretary\n\nThe meeting is called.\n",
			want:     []string{"section 1: Memorandum", "3 para x2"},
			dontWant: []string{"trailer"}},
		{name: "a source line in the body is the text's own",
			md:   "# Harvests\n\nThe text.\n\nSource: Census of Ireland, 1901.\n\nThe text goes on.\n",
			want: []string{"3 para x3"}},
	})
}

func TestTitlePage(t *testing.T) {
	runFurnitureCases(t, []furnitureCase{
		{name: "the author's name over the title, subtitles under it, parts at the next level",
			md: `
## James Connolly

# Erin's Hope

### The End & The Means {#the-end-the-means .cr}

### (1909)

------------------------------------------------------------------------

> "Our Independence must be had at all hazards."
>
> -- Theobald Wolfe Tone

### Introduction

In publishing an American edition.

## Erin's Hope

The text.

### Ireland before the Conquest

The history.
`,
			want: []string{"title Erin's Hope", "title The End & The Means", "title (1909)",
				"section 1:", "11 blockquote", "section 2: Introduction", "section 3: Erin's Hope", "23 h2: Ireland before the Conquest",
				titleChange + " (lines 1-7): moved to the title page"},
			dontWant: []string{"title James Connolly"}},
		{name: "a title with no headings under it stays the part's heading",
			md: "![title](psq.jpg)\n\n## Daniel De Leon\n\n# The Conference\n\nThe text.\n",
			want: []string{"title The Conference", "section 1: The Conference", "7 para x1", "change title-image (lines 1): dropped",
				titleChange + " (lines 3): moved to the title page"}},
		{name: "a heading under the title with text under it is a part, not a subtitle",
			md:       "# Title\n\n## Chapter One\n\nText.\n\n## Chapter Two\n\nText.\n",
			want:     []string{"title Title", "section 1: Chapter One", "section 2: Chapter Two"},
			dontWant: []string{"title Chapter One"}},
		{name: "two headings at the top level: no title",
			md:       "# One\n\nText.\n\n# Two\n\nText.\n",
			want:     []string{"section 1: One", "section 2: Two"},
			dontWant: []string{"title One"}},
		{name: "text before the heading: no title",
			md:       "Opening words.\n\n# One\n\n## Sub\n\nText.\n",
			want:     []string{"section 2: One"},
			dontWant: []string{"title One"}},
	})
}

func TestNotesAndHeadings(t *testing.T) {
	runFurnitureCases(t, []furnitureCase{
		{name: "a Web page's endnotes linked both ways",
			md: `
The treaties of 1668,^[\[1\]](#n1){#n1.}^ and 1715.^[\[2\]](#n2){#n2.}^ Again.^[\[1\]](#n1){#n1.}^

*DANIEL DE LEON.*

------------------------------------------------------------------------

### Endnotes

[\[1\]](#n1.){#n1} Du Mont, VII. P.1. 70.

[\[2\]](#n2.){#n2} Cantillo, 467.
`,
			want: []string{"1 para x1", "3 signature: {emph:DANIEL DE LEON.}", "notes", "9 fn-1 []  <- [1 1]", "11 fn-2 []  <- [1]",
				"change notes (lines 9-11): made a note",
				"change notes-heading (lines 7): dropped",
				rulesChange + " (lines 5): dropped"}},
		{name: "a MediaWiki page's references, paired by number",
			md: "Die Ballade^[\\[1\\]](#cite_note-1)^ erschien.^[\\[2\\]](#cite_note-2)^ Oft.^[\\[1\\]](#cite_note-1)^\n\n## Einzelnachweise\n\n1.  [↑](#cite_ref-1) Schiller, S. 32.\n2.  [↑](#cite_ref-2) Dukas.\n",
			want: []string{"1 para x1", "notes", "5 fn-1 []  <- [1 1]", "6 fn-2 []  <- [1]",
				"change notes (lines 5-6): made a note", "change notes-heading (lines 3): dropped"}},
		{name: "a numbered list with an item no mark refers to stays a list",
			md:       "Text.^[\\[1\\]](#cite_note-1)^\n\n1.  [↑](#cite_ref-1) One.\n2.  [↑](#cite_ref-2) Two.\n",
			want:     []string{"3 list"},
			dontWant: []string{"notes"}},
		{name: "a raised number linking elsewhere is not a mark",
			md:       "Text.^[\\[1\\]](#chapter-2)^\n\n1.  [↑](#cite_ref-1) One.\n",
			want:     []string{"3 list"},
			dontWant: []string{"notes"}},
		{name: "a name in capitals closing the text signs it",
			md:   "The text ends.\n\n*DANIEL DE LEON.*\n\n---\n\n[Back](../index.htm)\n",
			want: []string{"1 para x1", "3 signature: {emph:DANIEL DE LEON.}"}},
		{name: "the end is not a signature, nor a name within the text",
			md:       "The text.\n\nDANIEL DE LEON.\n\nThe text goes on.\n\n*THE END.*\n",
			want:     []string{"1 para x4"},
			dontWant: []string{"3 signature: DANIEL DE LEON.", "7 signature: {emph:THE END.}"}},
		{name: "a heading over the footnotes' definitions",
			md:   "# One\n\nText.[^1]\n\n# Two\n\nText.\n\n## Footnotes\n\n[^1]: A note.\n",
			want: []string{"section 2: Two", "change notes-heading (lines 9): dropped"}},
		{name: "a heading with text under it is not the notes'",
			md:       "Text.[^1]\n\n## Notes and queries\n\nA paragraph.\n\n[^1]: A note.\n",
			want:     []string{"section 2: Notes and queries"},
			dontWant: []string{"change notes-heading (lines 3): dropped"}},
		{name: "numbered paragraphs in sequence are headings",
			md: "# The Conference\n\nOpening.\n\nI. History of the Question.\n\nText.\n\nII\\. The Intervention of Germany.\n\nText.\n",
			want: []string{"section 2: I. History of the Question.", "section 3: II. The Intervention of Germany.",
				"change numbered-headings (lines 5, 9): made a heading"}},
		{name: "one numbered paragraph is not a heading",
			md:       "Opening.\n\nI. History of the Question.\n\nText.\n",
			want:     []string{"1 para x3"},
			dontWant: []string{"section 2: I. History of the Question."}},
		{name: "bold paragraphs head a document that has no heading",
			md:   "**The Title**\n\n**An Author**\n\n* * *\n\n**I**\n\nText.\n\n**II**\n\nText.\n",
			want: []string{"title The Title", "title An Author", "section 1: I", "section 2: II", "change headings (lines 1-3, 7, 11): made a heading"}},
		{name: "bold paragraphs head the parts of a text that opens with text",
			md:   "Opening text.\n\n**First part**\n\nText.\n\n**Second part**\n\nText.\n",
			want: []string{"1 para x1", "section 2: First part", "section 3: Second part"}},
		{name: "a bold paragraph is emphasis where the document has headings",
			md:       "# One\n\nText.\n\n**Mark this.**\n\nText.\n\n**And this.**\n",
			want:     []string{"section 1: One"},
			dontWant: []string{"change headings (lines 5, 9): made a heading"}},
		{name: "one bold paragraph, a bold label, a bold passage are not headings",
			md:       "Text.\n\n**Note:**\n\nText.\n\n**Alone**\n\n**" + strings.Repeat("word ", 16) + "**\n\n**Bold** and plain.\n",
			dontWant: []string{"change headings (lines 7): made a heading", "change headings (lines 3, 7): made a heading"}},
		{name: "a no-break space after the marks",
			md:   "##\u00a0One\n\nText.\n\n##\u00a0Two\n\nText.\n\n```\n##\u00a0code\n```\n",
			want: []string{"section 1: One", "section 2: Two", "change nbsp-headings (lines 1, 5): made a heading"}},
		{name: "levels the source skips are not skipped",
			md:   "### A\n\nText.\n\n##### One\n\nText.\n\n##### Two\n\nText.\n\n#### Three\n\n##### a\n\nText.\n\n### B\n\nText.\n",
			want: []string{"5 h2: One", "9 h2: Two", "13 h2: Three", "15 h3: a"}},
	})
}

// TestPandocTitleBlockRead reads a pandoc title block into the front
// matter and leaves it out of the body.
func TestPandocTitleBlockRead(t *testing.T) {
	tests := []struct {
		name, md string
		want     model.FrontMatter
	}{
		{"three lines", "% Erin's Hope\n% James Connolly\n% 1909\n\nText.\n", model.FrontMatter{Title: "Erin's Hope", Authors: []string{"James Connolly"}, Date: "1909"}},
		{"continued title, authors on lines and by semicolons", "% The Conference\n  at Berlin\n% A. One; B. Two\n  C. Three\n\nText.\n",
			model.FrontMatter{Title: "The Conference at Berlin", Authors: []string{"A. One", "B. Two", "C. Three"}}},
		{"no title, an author", "%\n% A. One\n\nText.\n", model.FrontMatter{Authors: []string{"A. One"}}},
		{"none", "Text with 50% of it.\n", model.FrontMatter{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := markdown.Read("f.md", []byte(tt.md))
			if err != nil {
				t.Fatal(err)
			}
			got := src.Front
			if got.Title != tt.want.Title || got.Date != tt.want.Date || strings.Join(got.Authors, "|") != strings.Join(tt.want.Authors, "|") {
				t.Errorf("front matter %+v, want %+v", got, tt.want)
			}
			if body := model.BlockText(&src.Sections[0].Blocks[0]); strings.Contains(body, "%") != (tt.name == "none") {
				t.Errorf("the body opens %q", body)
			}
		})
	}
}

func TestDropCap(t *testing.T) {
	src, err := markdown.Read("f.md", []byte("[THE]{.cap} conference at Berlin.\n\n[Two]{.smallcaps} words.\n"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := model.DumpSections(&b, src.Sections); err != nil {
		t.Fatal(err)
	}
	if want := "section 1 chapter title=\n  1 para: THE conference at Berlin.\n  3 para: {smallcaps:Two} words.\n"; b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestPageFrames checks that a block quotation or div holding the page's
// headings and most of its words is opened as the page's layout, and the
// short lines over it left out as the site's banner, while a quotation in
// the text stays one.
func TestPageFrames(t *testing.T) {
	runFurnitureCases(t, []furnitureCase{
		{
			name: "whole page in a quotation and a div",
			md: `
Some Internet Archive

> ::: border
> # Theses
>
> #### I
>
> The chief defect of all hitherto existing materialism is that the
> thing is conceived only in the form of the object.
>
> #### II
>
> The question whether objective truth can be attributed to human
> thinking is not a question of theory but a practical question.
> :::
`,
			want:     []string{"title Theses", "section 1: I", "section 2: II", "change web-navigation (lines 1): dropped"},
			dontWant: []string{"3 blockquote"},
		},
		{
			name: "a quotation in the text stays one",
			md: `
# Letter

He wrote to us as follows, and we print his words as they came:

> ## A heading he quoted
>
> Short.

Then the rest of the letter goes on at length, in many more words than the
quotation holds, so that the quotation is not the page.
`,
			want:     []string{"5 blockquote"},
			dontWant: []string{"section 2: A heading he quoted"},
		},
	})
}

const closingChange = "change closing-lines"

func TestClosings(t *testing.T) {
	runFurnitureCases(t, []furnitureCase{
		{name: "an emphasised name over a place and date, each a paragraph",
			md:   "The text ends.\n\n***N. Lenin***\n\nMoscow, May 14, 1918\n\n<hr>\n",
			want: []string{"1 para x1", "3 signature: {emph:{strong:N. Lenin}}", "5 dateline: Moscow, May 14, 1918", closingChange + " (lines 3-5): set apart"}},
		{name: "names and a date then its place, the lines of one paragraph",
			md:   "The text ends.\n\nKarl Marx & Frederick Engels\\\nJune 24, 1872, London\n",
			want: []string{"3 signature: Karl Marx & Frederick Engels", "4 dateline: June 24, 1872, London", closingChange + " (lines 3-4): set apart"}},
		{name: "a dateline over the signature",
			md:   "The text ends.\n\nLondon, 1 May 1890.\n\nF. Engels.\n",
			want: []string{"3 dateline: London, 1 May 1890.", "5 signature: F. Engels."}},
		{name: "a dateline alone closing the text",
			md:   "The text ends.\n\nPHILADELPHIA, Jan. 13, 1777.\n",
			want: []string{"3 dateline: PHILADELPHIA, Jan. 13, 1777."}},
		{name: "each part's closing lines",
			md:   "# One\n\nText.\n\nJohn Smith\n\nDublin, 3 March 1909\n\n# Two\n\nText.\n",
			want: []string{"5 signature: John Smith", "7 dateline: Dublin, 3 March 1909"}},
		{name: "a name alone, even emphasised, is no signature",
			md:       "The text ends.\n\n*Karl Marx*\n",
			want:     []string{"1 para x2"},
			dontWant: []string{closingChange}},
		{name: "last words that are no name, over a date",
			md:       "The text ends.\n\nWorkers of the world, unite!\n\nMay 1, 1890\n",
			want:     []string{"1 para x2", "5 dateline: May 1, 1890"},
			dontWant: []string{"3 signature: Workers of the world, unite!"}},
		{name: "a sentence with a date, a date in the text, and a date alone in the document",
			md:       "It was written in London, May 1, 1890, and sent.\n\nMay 1, 1890\n\nThe text goes on.\n",
			want:     []string{"1 para x3"},
			dontWant: []string{closingChange}},
		{name: "a dateline with nothing over it is no closing",
			md:       "May 1, 1890\n",
			dontWant: []string{closingChange}},
		{name: "a name over a note's reference",
			md:       "The text.\n\nJohn Smith[^1]\n\nDublin, 3 March 1909\n\n[^1]: A note.\n",
			dontWant: []string{"3 signature: John Smith{ref:fn-1}"}},
	})
}
