package markdown

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/decode"
	"github.com/bindery-editions/bindery/edition/model"
)

// mdInlines renders inlines compactly for assertions: text as is, spans as
// kind(...), note references as [^target], line breaks as "|".
func mdInlines(ins []model.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch in.Kind {
		case model.Text:
			b.WriteString(in.Text)
		case model.Code:
			fmt.Fprintf(&b, "code(%s)", in.Text)
		case model.LineBreak:
			b.WriteString("|")
		case model.NoteRef:
			fmt.Fprintf(&b, "[^%s=%s]", in.Target, in.Text)
		case model.Link:
			fmt.Fprintf(&b, "link<%s>(%s)", in.Target, mdInlines(in.Children))
		default:
			fmt.Fprintf(&b, "%s(%s)", in.Kind, mdInlines(in.Children))
		}
	}
	return b.String()
}

// mdBlocks renders blocks one per line, children indented, with kind,
// attributes and text.
func mdBlocks(blocks []model.Block, depth int) string {
	var b strings.Builder
	for _, bl := range blocks {
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString(bl.Kind.String())
		if bl.Level > 0 {
			fmt.Fprintf(&b, "%d", bl.Level)
		}
		for _, kv := range bl.Attr {
			fmt.Fprintf(&b, " %s=%s", kv.Key, kv.Value)
		}
		if len(bl.Inlines) > 0 {
			b.WriteString(" " + mdInlines(bl.Inlines))
		}
		b.WriteString("\n")
		b.WriteString(mdBlocks(bl.Children, depth+1))
	}
	return b.String()
}

func readSample(t *testing.T) ([]byte, *model.Source) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", "markdown-sample", "text.md"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := Read("text.md", data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return data, src
}

func TestReadMarkdownSample(t *testing.T) {
	data, src := readSample(t)

	wantFront := model.FrontMatter{
		Title:       "On Keeping Letters",
		Subtitle:    "A Short Essay on Archives and Their Readers",
		Authors:     []string{"Mira Halloran"},
		Date:        "2024-03-18",
		Language:    "en",
		Publisher:   "Bindery Editions",
		Rights:      "Written for the bindery test suite and placed in the public domain (CC0 1.0).",
		Description: "A short essay on why letters are kept, how archives lose them, and what a reader owes to a document that was never meant for her.",
	}
	if !reflect.DeepEqual(src.Front, wantFront) {
		t.Errorf("Front =\n%+v\nwant\n%+v", src.Front, wantFront)
	}

	var titles []string
	for _, s := range src.Sections {
		titles = append(titles, s.PlainTitle())
		if s.Editorial || s.Role != model.RoleChapter {
			t.Errorf("section %q: editorial %v, role %v", s.PlainTitle(), s.Editorial, s.Role)
		}
	}
	wantTitles := []string{"", "Why Letters Are Kept", "How Archives Lose Them", "What a Reader Owes", "What an Archive Holds"}
	if !reflect.DeepEqual(titles, wantTitles) {
		t.Fatalf("section titles = %q, want %q", titles, wantTitles)
	}

	// The structure of each section, by kind; the text of the lists and
	// quotes checks emphasis, escapes and soft line breaks.
	want := []string{
		"para Every archive begins with someone who decided not to throw a letter away. The decision is rarely recorded, and it is almost never explained.\n",
		"para A letter is kept for one of three reasons: because it is emph(useful), because it is emph(dear), or because nobody remembered to burn it. The third reason has preserved more history than the first two together.[^fn-1=1]\n" +
			"para Archivists call the survivors of neglect \"accidental collections.\" The phrase is not an insult; it is an admission that the 'official' record is only ever half the story.\n" +
			"heading2 What the Reader Brings\n" +
			"para A reader who opens a box of letters brings questions the writers never imagined. She asks who knew what, and when; they wrote about the weather, the children, and the price of coal.\n" +
			"blockquote\n" +
			"  para We do not read old letters to learn what happened. We read them to learn what it felt like not to know what would happen next.\n",
		"para Letters leave archives in ordinary ways:\n" +
			"list ordered=true tight=true\n" +
			"  item\n    para they are lent and not returned;\n" +
			"  item\n    para they are filed under the wrong name;\n" +
			"  item\n    para they are strong(weeded) by a clerk with a deadline and a narrow idea of what matters.\n" +
			"para Each loss is small. Together they decide what the future will be able to say about us.[^fn-2=2]\n" +
			"break\n" +
			"para The remedy is not to keep everything—nobody can—but to keep a record of what was thrown away, and why.\n",
		"para A private letter was written for one reader. The rest of us read it over her shoulder, and the least we owe is to say so: to quote it \"whole,\" to date it honestly, and to leave its mistakes where the writer left them.\n",
	}
	// The last section, which shows every construct, is checked by
	// TestReadMarkdownSampleGolden.
	for i, s := range src.Sections[:len(want)] {
		if got := mdBlocks(s.Blocks, 0); got != want[i] {
			t.Errorf("section %d %q:\n got:\n%s\nwant:\n%s", i, s.PlainTitle(), got, want[i])
		}
	}

	wantNotes := "note label=burn\n  para The papers of more than one statesman survive because a widow could not bring herself to light the stove.\n" +
		"note label=weeding\n  para \"Weeding\" is the archivist's own word for discarding records judged to have no lasting value.\n" +
		"note label=clerks\n  para The clerks' notebooks survive in a separate box.\n" +
		"note\n  para The word was written in the margin by a later hand.\n"
	if got := mdBlocks(src.Notes, 0); got != wantNotes {
		t.Errorf("notes:\n got:\n%s\nwant:\n%s", got, wantNotes)
	}
	for i, n := range src.Notes {
		if want := fmt.Sprintf("fn-%d", i+1); n.ID != want {
			t.Errorf("note %d ID = %q, want %q", i, n.ID, want)
		}
	}
	if len(src.Warnings) != 0 {
		t.Errorf("warnings: %v", src.Warnings)
	}

	// Every block's line holds the start of its text: line numbers count
	// the front matter and the blank lines.
	lines := strings.Split(string(data), "\n")
	var check func([]model.Block)
	check = func(blocks []model.Block) {
		for _, b := range blocks {
			if b.Line < 1 || b.Line > len(lines) {
				t.Errorf("%s block: line %d out of range", b.Kind, b.Line)
				continue
			}
			text := model.BlockText(&b)
			if b.Kind == model.ThematicBreak {
				if l := strings.TrimSpace(lines[b.Line-1]); l != "* * *" && l != "---" {
					t.Errorf("break at line %d: %q", b.Line, lines[b.Line-1])
				}
				continue
			}
			first := strings.Fields(text)[0]
			// A table's text starts with its caption, written under it; a
			// fenced block's line is its fence; a formula's words are TeX.
			fenced := b.Kind == model.Table || b.Kind == model.CodeBlock || b.Kind == model.Div || len(b.Inlines) > 0 && b.Inlines[0].Kind == model.Math
			if !fenced && !strings.Contains(lines[b.Line-1], first) {
				t.Errorf("%s %q: line %d is %q", b.Kind, first, b.Line, lines[b.Line-1])
			}
			check(b.Children)
		}
	}
	for _, s := range src.Sections {
		check(s.Blocks)
	}
	check(src.Notes)
	// And a spot check against the file, counted by hand: the first body
	// paragraph follows 12 lines of front matter and a blank line.
	if l := src.Sections[0].Blocks[0].Line; l != 14 {
		t.Errorf("first paragraph at line %d, want 14", l)
	}
}

// TestReadMarkdownLineEndings reads the sample with a BOM, CRLF and CR line
// endings and expects the very same model, line numbers included.
var updateGolden = flag.Bool("update", false, "rewrite golden files under testdata/")

// TestReadMarkdownSampleGolden compares the model the sample reads into,
// dumped, with testdata/markdown-sample.dump: every construct of the
// sample's last section, with its attributes, lines and warnings.
func TestReadMarkdownSampleGolden(t *testing.T) {
	_, src := readSample(t)
	var b bytes.Buffer
	if err := model.Dump(&b, src); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "markdown-sample.dump")
	if *updateGolden {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("the sample's model differs from %s (run with -update and review the diff):\n%s", golden, b.String())
	}
}

func TestReadMarkdownLineEndings(t *testing.T) {
	data, want := readSample(t)
	variants := map[string][]byte{
		"BOM":      append([]byte("\uFEFF"), data...),
		"CRLF":     bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")),
		"CR":       bytes.ReplaceAll(data, []byte("\n"), []byte("\r")),
		"BOM+CRLF": append([]byte("\uFEFF"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...),
	}
	for _, name := range []string{"BOM", "CRLF", "CR", "BOM+CRLF"} {
		t.Run(name, func(t *testing.T) {
			got, err := Read("text.md", variants[name])
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("model differs from the LF reading")
			}
		})
	}
}

func TestReadMarkdownErrors(t *testing.T) {
	big := bytes.Repeat([]byte("word "), decode.MaxSize/5+1)
	tests := []struct {
		name string
		data string
		want error
		msg  string // the error text starts with this
	}{
		{"empty", "", decode.ErrEmpty, "f.md: "},
		{"blank", " \n\t\r\n", decode.ErrEmpty, "f.md: "},
		{"BOM only", "\uFEFF\n", decode.ErrEmpty, "f.md: "},
		{"binary", "# Title\n\nsome\x00thing", decode.ErrBinary, "f.md: byte offset 13: "},
		{"too large", string(big), decode.ErrTooLarge, "f.md: "},
		{"front matter syntax", "---\ntitle: A\nauthor: [B\n---\n\nText.\n", ErrFrontMatter, "f.md:"},
		{"front matter not a mapping", "---\n- a\n- b\n---\n\nText.\n", ErrFrontMatter, "f.md:2:1: front matter must be keys and values"},
		{"front matter wrong type", "---\ntitle: A\nsubtitle:\n  a: b\n---\n\nText.\n", ErrFrontMatter, "f.md:4:3: front matter: subtitle: expected a string, found a mapping"},
		{"front matter bad author", "---\nauthor: {a: b}\n---\n\nText.\n", ErrFrontMatter, "f.md:2:9: front matter: author: expected a name"},
		{"front matter never closed", "---\ntitle: A\n\n# Heading\n\nText.\n", ErrFrontMatter, "f.md:1: front matter opened"},
		{"front matter after a blank line", "\n----\ntitle: A\n---\n\nText.\n", ErrFrontMatter, "f.md:2: front matter opened"},
		{"front matter wrong type after a blank line", "\n---\ntitle: [A]\n---\n\nText.\n", ErrFrontMatter, "f.md:3:8: front matter: title"},
		// Tabs are named at their line and column, as in a manifest,
		// whichever of its errors the YAML parser gave.
		{"front matter tab", "---\ntitle: Hello\n\tauthor: X\n---\n\nText.\n", ErrFrontMatter, "f.md:3:1: a tab character in the indentation"},
		{"front matter tab in a list", "\n---\ntitle: A\nauthor:\n  - B\n \t- C\n---\n\nText.\n", ErrFrontMatter, "f.md:6:2: a tab character in the indentation"},
		{"only front matter", "---\ntitle: A\n---\n", decode.ErrNoBody, "f.md: "},
		{"only a comment", "<!-- hello -->\n", decode.ErrNoBody, "f.md: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("f.md", []byte(tt.data))
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.msg) {
				t.Errorf("error %q does not start with %q", err, tt.msg)
			}
		})
	}
	// A YAML syntax error is reported at its line in the file: the
	// unclosed list opens on line 3 of the file, line 2 of the YAML.
	_, err := Read("f.md", []byte("---\ntitle: A\nauthor: [B\n---\n\nText.\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "f.md:3: YAML syntax") {
		t.Errorf("front matter syntax error = %v, want it at f.md:3", err)
	}
	_, err = Read("f.md", []byte("---\ntitle: A\nsubtitle: b: c\n---\n\nText.\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "f.md:3: YAML syntax") {
		t.Errorf("front matter syntax error = %v, want it at f.md:3", err)
	}
}

func TestReadMarkdownFrontMatterForms(t *testing.T) {
	tests := []struct {
		name, front string
		want        model.FrontMatter
	}{
		{"author list", "author:\n  - A. One\n  - B. Two\n", model.FrontMatter{Authors: []string{"A. One", "B. Two"}}},
		{"author mappings", "author:\n  - name: A. One\n    affiliation: X\n", model.FrontMatter{Authors: []string{"A. One"}}},
		{"language key", "language: sq\ntitle: T\n", model.FrontMatter{Language: "sq", Title: "T"}},
		{"date as date", "date: 1964-10-05\n", model.FrontMatter{Date: "1964-10-05"}},
		{"other keys ignored", "title: T\nkeywords: [a, b]\nheader-includes: x\n", model.FrontMatter{Title: "T"}},
		{"empty", "", model.FrontMatter{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Read("f.md", []byte("---\n"+tt.front+"---\n\nText.\n"))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(src.Front, tt.want) {
				t.Errorf("Front = %+v, want %+v", src.Front, tt.want)
			}
			if got := mdBlocks(src.Sections[0].Blocks, 0); got != "para Text.\n" {
				t.Errorf("body = %q", got)
			}
		})
	}
}

func TestReadMarkdownConstructs(t *testing.T) {
	tests := []struct {
		name, md string
		want     string // mdBlocks of all sections, a section title as "# title"
		warnings int
	}{
		{"inlines", "*a* _b_ **c** `d  e` [f](http://x.org/ \"t\") <https://y.org> <z@example.org>\n",
			"para emph(a) emph(b) strong(c) code(d  e) link<http://x.org/>(f) link<https://y.org>(https://y.org) link<mailto:z@example.org>(z@example.org)\n", 0},
		{"escapes and entities", `\*not\* &amp; &#x41;&#66; &copy; \&amp; &nosuch;` + "\n",
			"para *not* & AB © &amp; &nosuch;\n", 0},
		{"line breaks", "one  \ntwo\\\nthree\nfour\n", "para one|two|three four\n", 0},
		{"raw html", "a <span>b</span> c<br>d <!-- x -->\n\n<div>\nblock\n</div>\n\n<!-- comment -->\n",
			"para a span(b) c|d \npara block\n", 0},
		{"code block", "```go\nx := 1\n\ny\n```\n\n    indented\n",
			"codeblock language=go code(x := 1)||code(y)\ncodeblock code(indented)\n", 0},
		{"lone image", "![A *map*](img/map.png \"Map\")\n", "image src=img/map.png alt=A map title=Map A emph(map)\n", 0},
		{"inline image", "See ![the map](map.png) here.\n", "para See the map here.\n", 1},
		{"loose ordered list from 3", "3. a\n\n4. b\n", "list ordered=true start=3\n  item\n    para a\n  item\n    para b\n", 0},
		{"nested", "- a\n  > q\n- b\n", "list tight=true\n  item\n    para a\n    blockquote\n      para q\n  item\n    para b\n", 0},
		{"sections at level 2", "Intro.\n\n## One\n\n### Sub\n\n#### Subsub\n\n## Two\n",
			"para Intro.\n# One\nheading2 Sub\nheading3 Subsub\n# Two\n", 0},
		{"setext", "Title\n=====\n\nText.\n\nSub\n---\n\nSecond\n======\n", "# Title\npara Text.\nheading2 Sub\n# Second\n", 0},
		{"no headings", "One.\n\nTwo.\n", "para One.\npara Two.\n", 0},
		{"unused and undefined footnotes", "a[^x] b[^nope]\n\n[^x]: X.\n[^y]: Y.\n", "para a[^fn-1=1] b[^nope]\n", 2},
		{"control characters", "a\x01b\x7fc\fd\n", "para a b c d\n", 1},
		// A rule that opens the body divides nothing: it is left out.
		{"thematic break first", "***\n\nText.\n\n***\n\nMore.\n", "para Text.\nbreak\npara More.\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Read("f.md", []byte(tt.md))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, s := range src.Sections {
				if len(s.Title) > 0 {
					b.WriteString("# " + mdInlines(s.Title) + "\n")
				}
				b.WriteString(mdBlocks(s.Blocks, 0))
			}
			if got := b.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if len(src.Warnings) != tt.warnings {
				t.Errorf("%d warnings, want %d: %v", len(src.Warnings), tt.warnings, src.Warnings)
			}
			for _, w := range src.Warnings {
				if w.File != "f.md" || w.Line < 1 {
					t.Errorf("warning without a place: %v", w)
				}
			}
		})
	}
}

// TestReadMarkdownRawHTMLKept checks that raw HTML of a structure the
// model lacks (a section) stays raw, sanitised, and a comment goes.
func TestReadMarkdownRawHTMLKept(t *testing.T) {
	src, err := Read("f.md", []byte("Text.\n\n<section lang=\"de\">\nblock\n</section>\n\n<!-- a comment -->\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Dropped) != 1 || src.Dropped[0].Line != 7 {
		t.Errorf("Dropped = %+v, want the comment at line 7", src.Dropped)
	}
	if len(src.Warnings) != 0 {
		t.Errorf("Warnings = %v, want none", src.Warnings)
	}
	b := src.Sections[0].Blocks[1]
	if b.Kind != model.RawBlock || b.Line != 3 || b.Attr.Get("html") != `<section lang="de" xml:lang="de">
block
</section>` {
		t.Errorf("raw block: %+v", b)
	}
}

func TestReadMarkdownNestedFootnotes(t *testing.T) {
	md := "Body.[^a]\n\n> Quoted.[^b]\n\n[^a]: First, with a second paragraph.\n\n    Second paragraph.\n\n[^b]: In a quote.\n"
	src, err := Read("f.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	want := "note label=a\n  para First, with a second paragraph.\n  para Second paragraph.\nnote label=b\n  para In a quote.\n"
	if got := mdBlocks(src.Notes, 0); got != want {
		t.Errorf("notes:\n%s\nwant:\n%s", got, want)
	}
	if src.Notes[0].Line != 5 || src.Notes[1].Line != 9 {
		t.Errorf("note lines %d, %d; want 5, 9", src.Notes[0].Line, src.Notes[1].Line)
	}
	if got := mdInlines(src.Sections[0].Blocks[1].Children[0].Inlines); got != "Quoted.[^fn-2=2]" {
		t.Errorf("quoted note reference: %s", got)
	}
}

func TestUnescapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, `plain`},
		{`\\ \a \[`, `\ \a [`},
		{`&#0; &#x110000; &#99999999;`, "\uFFFD \uFFFD &#99999999;"},
		{`&#1;&#xFFFE;&#13;&#9;`, "\uFFFD\uFFFD \t"}, // found by FuzzReadMarkdown
		{`&amp &amp;`, `&amp &`},
		{`&;`, `&;`},
		{`trailing \`, `trailing \`},
	}
	for _, tt := range tests {
		if got := unescapeMarkdown([]byte(tt.in)); got != tt.want {
			t.Errorf("unescapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestReadMarkdownShortTitle reads a part heading's short-title
// attribute as its running head; a heading without one has none.
func TestReadMarkdownShortTitle(t *testing.T) {
	tests := []struct{ md, title, head string }{
		{"# Soviet Foreign Policy and the World Movement {short-title=\"Soviet Foreign Policy\"}\n\nText.\n", "Soviet Foreign Policy and the World Movement", "Soviet Foreign Policy"},
		{"# One {#first short-title=\"  First  \"}\n\nText.\n", "One", "First"},
		{"# Plain {#plain}\n\nText.\n", "Plain", ""},
		// Two parts, so that the first heading is not read as the
		// document's own title (package furniture).
		{"# Part\n\n## Chapter {short-title=\"Ch.\"}\n\nText.\n\n# Part Two\n\nText.\n", "Part", ""},
	}
	for _, tt := range tests {
		src, err := Read("f.md", []byte(tt.md))
		if err != nil {
			t.Fatal(err)
		}
		s := src.Sections[0]
		if got := model.PlainText(s.Title); got != tt.title || s.RunningHead != tt.head {
			t.Errorf("%q: title %q, running head %q; want %q, %q", tt.md, got, s.RunningHead, tt.title, tt.head)
		}
	}
}

// TestQuotationAttribution reads a quotation's last line after a dash as
// its attribution, and leaves a dialogue line, a long line or a lone
// paragraph as they are.
func TestQuotationAttribution(t *testing.T) {
	tests := []struct {
		md   string
		want []model.BlockKind
	}{
		{"> Our independence must be had.\n>\n> -- Theobald Wolfe Tone\n", []model.BlockKind{model.Paragraph, model.Attribution}},
		{"> Words.\n>\n> — Marx, *Capital*, 1867\n", []model.BlockKind{model.Paragraph, model.Attribution}},
		{"> — Theobald Wolfe Tone\n", []model.BlockKind{model.Paragraph}},
		{"> Words.\n>\n> — Yes, he said. We shall go there tomorrow and see.\n", []model.BlockKind{model.Paragraph, model.Paragraph}},
		{"> Words.\n>\n> Theobald Wolfe Tone\n", []model.BlockKind{model.Paragraph, model.Paragraph}},
	}
	for _, tt := range tests {
		src, err := Read("f.md", []byte("# One\n\n"+tt.md+"\n# Two\n\nText.\n"))
		if err != nil {
			t.Fatal(err)
		}
		var got []model.BlockKind
		for _, b := range src.Sections[0].Blocks {
			if b.Kind == model.BlockQuote {
				for _, c := range b.Children {
					got = append(got, c.Kind)
				}
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: kinds %v, want %v", tt.md, got, tt.want)
		}
	}
}

// TestLoneHeadingAndFrontMatterTitle reads a document whose one top-level
// heading opens it: the heading is the title (moved to the title page)
// when there is no front-matter title or when it says the same words, and
// stays the text's own heading when the front matter names another title.
func TestLoneHeadingAndFrontMatterTitle(t *testing.T) {
	body := "# The Rights of Man\n\nFirst paragraph.\n\n## Part Two\n\nSecond paragraph.\n"
	for _, tc := range []struct {
		front      string
		keepsTitle bool // the heading stays in the text
	}{
		{"", false},
		{"---\ntitle: THE RIGHTS OF MAN.\n---\n\n", false},
		{"---\ntitle: Collected Pamphlets\n---\n\n", true},
	} {
		src, err := Read("doc.md", []byte(tc.front+body))
		if err != nil {
			t.Fatal(err)
		}
		var headings []string
		for _, s := range src.Sections {
			headings = append(headings, model.PlainText(s.Title))
			for _, b := range s.Blocks {
				if b.Kind == model.Heading {
					headings = append(headings, model.PlainText(b.Inlines))
				}
			}
		}
		kept := slices.Contains(headings, "The Rights of Man")
		if kept != tc.keepsTitle {
			t.Errorf("front matter %q: the heading kept in the text %v, want %v (headings %q, title %q)", tc.front, kept, tc.keepsTitle, headings, src.Title)
		}
	}
}

// TestNoteEndingInABlock reads a footnote whose last block is not a
// paragraph (a list): goldmark then puts its backlink after the list, as a
// block of its own, which is not the source's text and draws no warning.
func TestNoteEndingInABlock(t *testing.T) {
	src, err := Read("doc.md", []byte("Text.[^a]\n\n[^a]: A note with a list:\n\n    - one\n    - two\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range src.Warnings {
		t.Errorf("warning: %s", w.Message)
	}
	if len(src.Notes) != 1 {
		t.Fatalf("notes %d, want 1", len(src.Notes))
	}
	if got := model.BlockText(&src.Notes[0]); strings.Contains(got, "↩") || !strings.Contains(got, "two") {
		t.Errorf("the note reads %q", got)
	}
}

// TestMultiMarkdownMetadataRead checks that MultiMarkdown metadata opening
// a file fills the front matter, YAML's values first, and is reported as
// the title block moved to the title page, not read as the text's first
// paragraph.
func TestMultiMarkdownMetadataRead(t *testing.T) {
	src, err := Read("f.md", []byte("Title: The Iron Heel\nAuthor: C. Writer\nDate: 1908\nLanguage: en\n\nThe text.\n"))
	if err != nil {
		t.Fatal(err)
	}
	f := src.Front
	if f.Title != "The Iron Heel" || strings.Join(f.Authors, "|") != "C. Writer" || f.Date != "1908" || f.Language != "en" {
		t.Errorf("front matter %+v", f)
	}
	if bs := src.Sections[0].Blocks; len(bs) != 1 || bs[0].Line != 6 || model.PlainText(bs[0].Inlines) != "The text." {
		t.Errorf("body %+v", bs)
	}
	if len(src.Changes) != 1 || src.Changes[0].Kind != model.TitleBlock || len(src.Changes[0].Lines) != 1 || src.Changes[0].Lines[0] != (model.LineRange{From: 1, To: 4}) {
		t.Errorf("changes %+v", src.Changes)
	}
	yamlFirst, err := Read("f.md", []byte("---\ntitle: From YAML\n---\nTitle: From the block\nAuthor: C. Writer\n\nThe text.\n"))
	if err != nil {
		t.Fatal(err)
	}
	// Metadata stands only at the file's start: after YAML front matter
	// it is the text's.
	if yamlFirst.Front.Title != "From YAML" || len(yamlFirst.Front.Authors) != 0 {
		t.Errorf("front matter after YAML %+v", yamlFirst.Front)
	}
}

// TestReadMarkdownEncodings reads Markdown files that are not UTF-8 as the
// plain-text reader reads them: a single-byte encoding the bytes show
// (or the file declares), and UTF-16 with its byte order mark; the
// encoding is recorded for the Note on the Text.
func TestReadMarkdownEncodings(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "# Titel\n\nDie Straße ist lang.\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	for _, tc := range []struct {
		name string
		data []byte
		word string
		enc  string
	}{
		{"windows-1252", []byte("# Title\n\nThe caf\xe9 \x93on the corner\x94 was the workers\x92 own, and the caf\xe9 was full.\n"), "café", "windows-1252"},
		{"UTF-16", utf16, "Straße", "UTF-16LE"},
	} {
		src, err := Read("f.md", tc.data)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var text strings.Builder
		for _, s := range src.Sections {
			for _, b := range s.Blocks {
				text.WriteString(model.BlockText(&b))
			}
		}
		if !strings.Contains(text.String(), tc.word) || src.Encoding.Name != tc.enc {
			t.Errorf("%s: read %q as %q, want %q in %s", tc.name, text.String(), src.Encoding.Name, tc.word, tc.enc)
		}
	}
}
