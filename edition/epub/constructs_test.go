package epub

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/epub/epubcheck"
	"github.com/bindery-editions/bindery/edition/model"
)

func testPNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x * 40), uint8(y * 40), 100, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// constructsEdition is the sample with a chapter of every construct, the
// figure's image and a cover image of its own.
func constructsEdition() *model.Edition {
	ed := sampleEdition()
	ed.Resources = map[string]*model.Resource{
		"map.png":   {Name: "map.png", MediaType: "image/png", Data: testPNG(6, 4), Width: 6, Height: 4},
		"cover.png": {Name: "cover.png", MediaType: "image/png", Data: testPNG(3, 5), Width: 3, Height: 5},
	}
	ed.Meta.Cover = "cover.png"
	str := model.Str
	cell := func(id, text string) model.Block {
		return model.Block{Kind: model.TableCell, ID: id, Inlines: []model.Inline{str(text)}}
	}
	ed.Body = append(ed.Body, model.Section{ID: "part-3", Role: model.RoleChapter, Title: []model.Inline{str("Constructs")}, Blocks: []model.Block{
		{Kind: model.Table, ID: "t-1", Attr: model.Attr{{Key: "align", Value: "left,right"}, {Key: "number", Value: "1"}}, Inlines: []model.Inline{str("Miles walked.")}, Children: []model.Block{
			{Kind: model.TableRow, ID: "t-1-h", Attr: model.Attr{{Key: "head", Value: "true"}}, Children: []model.Block{cell("t-1-h1", "Day"), cell("t-1-h2", "Miles")}},
			{Kind: model.TableRow, ID: "t-1-r1", Children: []model.Block{cell("t-1-r1c1", "Monday"), cell("t-1-r1c2", "12")}},
		}},
		{Kind: model.Heading, ID: "h-3-1", Level: 2, Inlines: []model.Inline{str("Sub one")}},
		{Kind: model.Heading, ID: "h-3-2", Level: 3, Inlines: []model.Inline{str("Sub two")}},
		{Kind: model.Paragraph, ID: "m-1", Inlines: []model.Inline{str("Water is "), {Kind: model.Math, Text: `\text{H}_2\text{O}`}, str(", "), {Kind: model.Strikeout, Children: []model.Inline{str("not")}}, str(" "),
			{Kind: model.Span, Attr: model.Attr{{Key: "lang", Value: "el"}}, Children: []model.Inline{str("θάλασσα")}}, str(" "), {Kind: model.Superscript, Children: []model.Inline{str("th")}}}},
		{Kind: model.DefinitionList, ID: "d-1", Children: []model.Block{
			{Kind: model.Term, ID: "d-1-t", Inlines: []model.Inline{str("Term")}},
			{Kind: model.Definition, ID: "d-1-d", Children: []model.Block{{Kind: model.Paragraph, ID: "d-1-d-1", Inlines: []model.Inline{str("Its meaning.")}}}},
		}},
		{Kind: model.CodeBlock, ID: "c-1", Inlines: []model.Inline{{Kind: model.Code, Text: "x < 1"}, {Kind: model.LineBreak}, {Kind: model.Code, Text: "  y"}}},
		{Kind: model.LineBlock, ID: "lb-1", Inlines: []model.Inline{str("one"), {Kind: model.LineBreak}, str("two")}},
		{Kind: model.Div, ID: "div-1", Attr: model.Attr{{Key: "lang", Value: "de"}}, Children: []model.Block{{Kind: model.Paragraph, ID: "div-1-1", Inlines: []model.Inline{str("Ein Satz.")}}}},
		{Kind: model.RawBlock, ID: "raw-1", Attr: model.Attr{{Key: "html", Value: "<p><em>Kept</em> HTML.</p>"}}, Inlines: []model.Inline{str("Kept HTML.")}},
	}})
	return ed
}

func TestWriteEPUBConstructs(t *testing.T) {
	var buf bytes.Buffer
	words, err := Write(&buf, constructsEdition(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, files, _ := unzipEPUB(t, buf.Bytes())
	doc := files["EPUB/xhtml/part-3.xhtml"]
	for _, want := range []string{
		`<table id="t-1">`, `<caption><span class="label">Table 1.</span> Miles walked.</caption>`,
		`<thead>`, `<th id="t-1-h1" class="align-left" scope="col">Day</th>`, `<td id="t-1-r1c2" class="align-right">12</td>`,
		`<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="\text{H}_2\text{O}"><mrow><msub><mtext>H</mtext><mn>2</mn></msub><mtext>O</mtext></mrow></math>`,
		`<s>not</s>`, `<span lang="el" xml:lang="el">θάλασσα</span>`, `<sup>th</sup>`,
		`<dl id="d-1">`, `<dt id="d-1-t">Term</dt>`, `<dd id="d-1-d">`,
		"<pre id=\"c-1\"><code>x &lt; 1\n  y</code></pre>", `<p id="lb-1" class="line-block"><span>one</span><br/><span>two</span></p>`,
		`<div id="div-1" lang="de" xml:lang="de">`, `<div id="raw-1" class="raw-html"><p><em>Kept</em> HTML.</p></div>`,
		`<h3 id="h-3-1">Sub one</h3>`, `<h4 id="h-3-2">Sub two</h4>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("part-3.xhtml lacks %s", want)
		}
	}
	// The figure's image is in the publication, with its alt text.
	if p1 := files["EPUB/xhtml/part-1.xhtml"]; !strings.Contains(p1, `<img src="../images/figure-map.png" alt="A map of Europe"/>`) || !strings.Contains(p1, "<figcaption>Europe in 1964</figcaption>") {
		t.Errorf("figure:\n%s", p1)
	}
	if files["EPUB/images/figure-map.png"] != string(testPNG(6, 4)) {
		t.Error("the figure's image is not in the publication as it was")
	}
	opf := files["EPUB/package.opf"]
	for _, want := range []string{
		`<item id="figure-image-1" href="images/figure-map.png" media-type="image/png"/>`,
		`<item id="part-3" href="xhtml/part-3.xhtml" media-type="application/xhtml+xml" properties="mathml"/>`,
		`<item id="cover-image" href="images/cover.png" media-type="image/png" properties="cover-image"/>`,
		`<meta property="schema:accessibilityFeature">MathML</meta>`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("package.opf lacks %s", want)
		}
	}
	// The manifest's cover stands in for the generated one.
	if files["EPUB/images/cover.png"] != string(testPNG(3, 5)) {
		t.Error("the cover is not the manifest's image")
	}
	// Headings nest in the nav and the NCX.
	if nav := files["EPUB/nav.xhtml"]; !strings.Contains(nav, `<li><a href="xhtml/part-3.xhtml">Constructs</a><ol>`+"\n"+`<li><a href="xhtml/part-3.xhtml#h-3-1">Sub one</a><ol>`+"\n"+`<li><a href="xhtml/part-3.xhtml#h-3-2">Sub two</a></li>`) {
		t.Errorf("nav:\n%s", nav)
	}
	if ncx := files["EPUB/toc.ncx"]; !strings.Contains(ncx, `<meta name="dtb:depth" content="3"/>`) {
		t.Errorf("NCX depth:\n%s", ncx)
	}
	// Every word of the constructs is set: cells, terms, code, the raw
	// block's text, the formula as one word.
	for id, want := range map[string]int{"t-1": 2, "t-1-r1c1": 1, "d-1-t": 1, "c-1": 4, "lb-1": 2, "raw-1": 2, "m-1": 6} {
		if words[id] != want {
			t.Errorf("%s: %d words set, want %d", id, words[id], want)
		}
	}
	epubcheck.Check(t, buf.Bytes())
}

// TestURLBreaks checks where a Web address in running text may break in
// the e-book: after its slashes and before its dots and query marks, not
// inside its scheme, with the text itself unchanged.
func TestURLBreaks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"See https://example.org/a/b.html, then.", "See https://example<wbr/>.org/<wbr/>a/<wbr/>b<wbr/>.html, then."},
		{"(www.example.org/x)", "(www<wbr/>.example<wbr/>.org/<wbr/>x)"},
		{"No address here.", "No address here."},
		{"“http://a.b/c?d=1&e”", "“http://a<wbr/>.b/<wbr/>c<wbr/>?d<wbr/>=1<wbr/>&amp;e”"},
	} {
		var b strings.Builder
		urlBreaks(&b, tc.in, nil)
		if b.String() != tc.want {
			t.Errorf("urlBreaks(%q) = %q, want %q", tc.in, b.String(), tc.want)
		}
		if got := xmlText(b.String()); got != tc.in {
			t.Errorf("the text of %q reads %q", tc.in, got)
		}
	}
}

// TestLineBlocks sets each line of verse or an address in a span of its own
// (Standard Ebooks' markup), a line the source indents with no-break
// spaces in a span of its depth's class, the inlines a break stands inside
// parted line by line; a block whose break stands in a link is set as
// written. Every word is counted as before.
func TestLineBlocks(t *testing.T) {
	str := model.Str
	br := model.Inline{Kind: model.LineBreak}
	nb := func(n int) string { return strings.Repeat("\u00a0", n) }
	for _, tc := range []struct {
		name  string
		ins   []model.Inline
		want  string
		words int
	}{
		{"plain", []model.Inline{str("one"), br, str("two")},
			`<span>one</span><br/><span>two</span>`, 2},
		{"indented", []model.Inline{str("85 Sloops, bombs,"), br, str(nb(2) + "and fireships,"), br, str(nb(3) + "one"), br, str(nb(20) + "deep")},
			`<span>85 Sloops, bombs,</span><br/><span class="i1">and fireships,</span><br/><span class="i2">one</span><br/><span class="i6">deep</span>`, 7},
		{"break inside emphasis", []model.Inline{str("« "), {Kind: model.Emph, Children: []model.Inline{str("Le ministre"), br, str(nb(8) + "de la guerre.")}}},
			`<span>« <em>Le ministre</em></span><br/><span class="i4"><em>de la guerre.</em></span>`, 6},
		{"indent inside emphasis", []model.Inline{str("a"), br, {Kind: model.Emph, Children: []model.Inline{str(nb(2) + "b")}}},
			`<span>a</span><br/><span class="i1"><em>b</em></span>`, 2},
		{"line of spaces kept", []model.Inline{str("a"), br, str(nb(2)), br, str("b")},
			`<span>a</span><br/><span>` + nb(2) + `</span><br/><span>b</span>`, 3},
		{"empty line", []model.Inline{str("a"), br, br, str("b")},
			`<span>a</span><br/><span></span><br/><span>b</span>`, 2},
		{"break in a link", []model.Inline{{Kind: model.Link, Target: "https://example.org/", Children: []model.Inline{str("a"), br, str("b")}}},
			`<a href="https://example.org/">a<br/>b</a>`, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ed := sampleEdition()
			last := &ed.Body[len(ed.Body)-1]
			last.Blocks = append(last.Blocks, model.Block{Kind: model.LineBlock, ID: "lb", Inlines: tc.ins})
			var buf bytes.Buffer
			count, err := Write(&buf, ed, sampleOptions())
			if err != nil {
				t.Fatal(err)
			}
			_, files, _ := unzipEPUB(t, buf.Bytes())
			want := `<p id="lb" class="line-block">` + tc.want + `</p>`
			found := false
			for _, f := range files {
				found = found || strings.Contains(f, want)
			}
			if !found {
				t.Errorf("no document holds %s", want)
			}
			if count["lb"] != tc.words {
				t.Errorf("%d words set, want %d", count["lb"], tc.words)
			}
		})
	}
}

// TestRawTableWords counts the words of raw HTML as a reader sees them:
// the cells of a table are words apart though no space stands between
// them in the markup, so the word accounting finds every word set.
func TestRawTableWords(t *testing.T) {
	ed := sampleEdition()
	html := "<table><tr><th>Year</th><th>Event</th></tr><tr><td>1848</td><td>Revolutions</td></tr></table>"
	ed.Body[len(ed.Body)-1].Blocks = append(ed.Body[len(ed.Body)-1].Blocks, model.Block{Kind: model.RawBlock, ID: "raw-table", Attr: model.Attr{{Key: "html", Value: html}}, Inlines: []model.Inline{model.Str("Year Event 1848 Revolutions")}})
	count, err := Write(io.Discard, ed, sampleOptions())
	if err != nil {
		t.Fatal(err)
	}
	if count["raw-table"] != 4 {
		t.Errorf("the raw table counts %d words, want 4", count["raw-table"])
	}
}

// TestOutlineSkipsRepeatedTitle lists a section's headings for the nav
// document, but not one that repeats the section's own title in other
// capitals, as the print contents do.
func TestOutlineSkipsRepeatedTitle(t *testing.T) {
	heading := func(id, text string) model.Block {
		return model.Block{Kind: model.Heading, ID: id, Level: 2, Inlines: []model.Inline{model.Str(text)}}
	}
	for _, tc := range []struct {
		name, title string
		want        []string
	}{
		{"the article's heading repeats the part's title", "M. Scheurer-Kestner", []string{"Suite"}},
		{"a heading that says more is listed", "Lettre à M. Félix Faure", []string{"M. SCHEURER-KESTNER", "Suite"}},
	} {
		s := &model.Section{ID: "part-1", Title: []model.Inline{model.Str(tc.title)}, Blocks: []model.Block{
			{Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Ces pages ont paru dans le Figaro.")}},
			heading("h1", "M. SCHEURER-KESTNER"),
			heading("h2", "Suite"),
		}}
		r, err := newXHTMLRenderer(&model.Edition{Meta: model.Meta{Language: "fr"}, Body: []model.Section{*s}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range r.outline(s) {
			got = append(got, e.plain)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: outline %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestWideTable finds the tables whose columns cannot all stand side by
// side on a phone's screen, which the stylesheet sets smaller and lets
// break anywhere rather than be cut off at the screen's edge.
func TestWideTable(t *testing.T) {
	table := func(rows ...[]string) *model.Block {
		bl := &model.Block{Kind: model.Table}
		for _, r := range rows {
			row := model.Block{Kind: model.TableRow}
			for _, c := range r {
				row.Children = append(row.Children, model.Block{Kind: model.TableCell, Inlines: []model.Inline{model.Str(c)}})
			}
			bl.Children = append(bl.Children, row)
		}
		return bl
	}
	nine := make([]string, 9)
	for i := range nine {
		nine[i] = "1,000,000"
	}
	for _, tc := range []struct {
		name string
		bl   *model.Block
		want bool
	}{
		{"two columns", table([]string{"Day", "Miles"}, []string{"Monday", "12"}), false},
		// Common Sense's table of the navy: six columns, numbers of up to
		// seven characters; it stands whole on a phone.
		{"six narrow columns", table([]string{"Ships.", "", "Guns.", "", "Cost of one.", "Cost of all"}, []string{"6", "-", "100", "-", "35,553 -", "213,318"}), false},
		{"long words wrap at spaces", table([]string{"a long heading of many short words", "another heading as long as the first"}), false},
		{"nine columns of millions", table(nine, nine), true},
		{"a long unbroken word", table([]string{"Donaudampfschifffahrtsgesellschaftskapitän", "Rechtsschutzversicherungsgesellschaften"}), true},
		{"hyphens part a word", table([]string{"Donau-dampf-schiff-fahrts-gesellschafts-kapitän", "x"}), false},
	} {
		if got := wideTable(tc.bl); got != tc.want {
			t.Errorf("%s: wideTable = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestMissingImageOnce checks that a figure whose image the edition does
// not hold gives its description once when its caption is its alt text,
// as a Markdown image's is, with the image's title as its caption, and
// still both when the caption says something else.
func TestMissingImageOnce(t *testing.T) {
	ed := sampleEdition()
	str := model.Str
	img := func(id, alt, title, caption string) model.Block {
		b := model.Block{Kind: model.Image, ID: id, Attr: model.Attr{{Key: "src", Value: "gone.png"}, {Key: "alt", Value: alt}}, Inlines: []model.Inline{str(caption)}}
		if title != "" {
			b.Attr = b.Attr.Set("title", title)
		}
		return b
	}
	ed.Body = append(ed.Body, model.Section{ID: "part-3", Role: model.RoleChapter, Title: []model.Inline{str("Figures")}, Blocks: []model.Block{
		img("f-1", "A map of the town", "", "A map of the town"),
		img("f-2", "The harbour", "At dawn & after", "The harbour"),
		img("f-3", "A map", "", "The town in 1900"),
	}})
	var buf bytes.Buffer
	words, err := Write(&buf, ed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, files, _ := unzipEPUB(t, buf.Bytes())
	doc := files["EPUB/xhtml/part-3.xhtml"]
	for _, want := range []string{
		"<figure id=\"f-1\">\n<p class=\"image-description\">[A map of the town]</p>\n</figure>",
		"<figure id=\"f-2\">\n<p class=\"image-description\">[The harbour]</p>\n<figcaption>At dawn &amp; after</figcaption>\n</figure>",
		"<figure id=\"f-3\">\n<p class=\"image-description\">[A map]</p>\n<figcaption>The town in 1900</figcaption>\n</figure>",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("part-3.xhtml lacks\n%s\nin\n%s", want, doc)
		}
	}
	for id, want := range map[string]int{"f-1": 5, "f-2": 2, "f-3": 4} {
		if words[id] != want {
			t.Errorf("%s: %d words set, want %d", id, words[id], want)
		}
	}
	epubcheck.Check(t, buf.Bytes())
}
