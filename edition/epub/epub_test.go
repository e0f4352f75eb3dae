package epub

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bindery-editions/bindery/edition/epub/epubcheck"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/layout/linebreak"

	"github.com/bindery-editions/bindery/layout/document"
)

var updateEPUB = flag.Bool("update-epub", false, "rewrite the EPUB golden files under testdata/epub")

// sampleEdition is a small edition with every block and inline kind, an
// editorial chapter, notes and every front and back matter role.
func sampleEdition() *model.Edition {
	para := func(id string, ins ...model.Inline) model.Block {
		return model.Block{Kind: model.Paragraph, ID: id, Inlines: ins}
	}
	return &model.Edition{
		Meta: model.Meta{
			Slug:     "sample",
			Title:    "An Open Letter",
			Subtitle: "To the Members of the Communist Party of the Soviet Union",
			Creators: []model.Creator{{Name: "The Central Committee of the Party of Labor of Albania", FileAs: "Party of Labor of Albania, Central Committee", Role: "aut"},
				{Name: "A. N. Editor", FileAs: "Editor, A. N.", Role: "edt"}},
			Language:    "en",
			Identifier:  "urn:uuid:0b7e5d3a-2f4c-5e1a-9d3b-6a1c2e4f5a6b",
			Description: "The 1964 open letter, with an introduction.",
			Subjects:    []string{"Communism -- Albania", "Sino-Soviet split"},
			Original: model.Original{Publisher: "The «Naim Frashëri» State Publishing House", Place: "Tirana", Year: "1964",
				Date: "1964-10-05", FirstPrint: "Zëri i Popullit"},
			Publisher: "Bindery Editions",
			Date:      "2026-11-27",
			Modified:  time.Date(2026, 11, 27, 12, 30, 45, 0, time.UTC),
			Rights:    "The text is in the public domain. The introduction is released under CC0.",
			Source:    "Transcribed from the text in an online archive.",
			Trim:      "5.5x8.5in",
		},
		Front: []model.Section{
			{ID: "titlepage", Role: model.RoleTitlePage},
			{ID: "imprint", Role: model.RoleImprint, Blocks: []model.Block{para("imprint-1", model.Str("Set in Charis SIL."))}},
			{ID: "contents", Role: model.RoleContents, Title: []model.Inline{model.Str("Contents")}},
			{ID: "introduction", Role: model.RoleIntroduction, Title: []model.Inline{model.Str("Introduction")}, Editorial: true, Blocks: []model.Block{
				para("intro-1", model.Str("The letter was issued in "), model.Inline{Kind: model.Emph, Children: []model.Inline{model.Str("October 1964")}}, model.Str(", nine days before N.\u00a0Khrushchev’s removal."), model.Inline{Kind: model.NoteRef, Target: "n1", Text: "1"}),
				{Kind: model.Heading, ID: "intro-h", Level: 2, Inlines: []model.Inline{model.Str("The split")}},
				para("intro-2", model.Str("See "), model.Inline{Kind: model.Link, Target: "#p-1-1", Children: []model.Inline{model.Str("the opening")}}, model.Str(" and "), model.Inline{Kind: model.Link, Target: "https://example.org/a?b=1&c=2", Children: []model.Inline{model.Str("an archive")}}, model.Str(" <sic> & more.")),
			}},
		},
		Body: []model.Section{
			{ID: "part-1", Role: model.RoleChapter, Title: []model.Inline{model.Str("Part One")}, Editorial: true, Blocks: []model.Block{
				{Kind: model.Salutation, ID: "p-1-0", Inlines: []model.Inline{model.Str("Dear Comrades,")}},
				para("p-1-1", model.Str("The Central Committee of the "), model.Inline{Kind: model.Strong, Children: []model.Inline{model.Str("Party of Labor")}},
					model.Str(" writes to you — in «frank» words… about "), model.Inline{Kind: model.SmallCaps, Children: []model.Inline{model.Str("the cpsu")}}, model.Str(" and its "),
					model.Inline{Kind: model.Emph, Children: []model.Inline{model.Str("leadership today")}}, model.Str("."), model.Inline{Kind: model.NoteRef, Target: "n1", Text: "1"}),
				{Kind: model.BlockQuote, ID: "q-1", Children: []model.Block{para("q-1-1", model.Str("A quoted sentence"), model.Inline{Kind: model.LineBreak}, model.Str("on two lines."))}},
				{Kind: model.List, ID: "l-1", Attr: model.Attr{{Key: "ordered", Value: "true"}}, Children: []model.Block{
					{Kind: model.ListItem, ID: "l-1-1", Inlines: []model.Inline{model.Str("first point")}},
					{Kind: model.ListItem, ID: "l-1-2", Inlines: []model.Inline{model.Str("second point with "), model.Inline{Kind: model.Code, Text: "code"}}},
				}},
				{Kind: model.ThematicBreak, ID: "b-1"},
				{Kind: model.Image, ID: "img-1", Attr: model.Attr{{Key: "src", Value: "map.png"}, {Key: "alt", Value: "A map of Europe"}}, Inlines: []model.Inline{model.Str("Europe in 1964")}},
				para("p-1-2", model.Str("After the break the letter goes on for a while, long enough that a printed page ends in the middle of it."), model.Inline{Kind: model.NoteRef, Target: "n2", Text: "2"}),
			}},
			{ID: "part-2", Role: model.RoleChapter, Title: []model.Inline{model.Str("Part Two")}, Editorial: true, Blocks: []model.Block{
				{Kind: model.Salutation, ID: "p-2-0", Inlines: []model.Inline{model.Str("Dear Comrades,")}},
				para("p-2-1", model.Str("We end here."), model.Inline{Kind: model.NoteRef, Target: "n1", Text: "1"}),
				{Kind: model.Signature, ID: "p-2-2", Inlines: []model.Inline{model.Str("The Central Committee of the Party of Labor of Albania")}},
				{Kind: model.Dateline, ID: "p-2-3", Inlines: []model.Inline{model.Str("Tirana, October 5. 1964")}},
			}},
		},
		Back: []model.Section{
			{ID: "note-on-text", Role: model.RoleNoteOnText, Title: []model.Inline{model.Str("A Note on the Text")}, Editorial: true, Blocks: []model.Block{
				para("not-1", model.Str("Two paragraphs were broken by the source."))}},
			{ID: "notes", Role: model.RoleEndnotes, Title: []model.Inline{model.Str("Notes")}, Editorial: true, Blocks: []model.Block{
				{Kind: model.Note, ID: "n1", Inlines: []model.Inline{model.Str("Khrushchev was removed on 14\u00a0October 1964.")}},
				{Kind: model.Note, ID: "n2", Children: []model.Block{para("n2-1", model.Str("A note of two paragraphs.")), para("n2-2", model.Str("The second."))}},
			}},
			{ID: "source", Role: model.RoleAppendix, Title: []model.Inline{model.Str("Source")}, Blocks: []model.Block{
				{Kind: model.Attribution, ID: "src-1", Inlines: []model.Inline{model.Str("Reproduced from «Zeri Popullit» daily, October 1964.")}}}},
			{ID: "colophon", Role: model.RoleColophon, Title: []model.Inline{model.Str("Colophon")}, Editorial: true, Blocks: []model.Block{
				{Kind: model.Centered, ID: "col-1", Inlines: []model.Inline{model.Str("Set in Charis SIL by bindery.")}}}},
		},
	}
}

// samplePages is a page list over the sample: a page opening with the
// introduction's heading section, one inside an emphasis, one splitting a
// text run, one at a section, one at a thematic break.
func samplePages() []document.PageStart {
	return []document.PageStart{
		{Page: 5, Label: "v", BlockID: "introduction", Word: 0},
		{Page: 6, Label: "vi", BlockID: "intro-1", Word: 5}, // "October" inside <em>
		{Page: 9, Label: "1", BlockID: "part-1", Word: 0},
		{Page: 10, Label: "2", BlockID: "p-1-1", Word: 10}, // "you" in the middle of a text run
		{Page: 11, Label: "3", BlockID: "q-1-1", Word: 3},  // "on", after the line break
		{Page: 12, Label: "4", BlockID: "b-1", Word: 0},
		{Page: 13, Label: "5", BlockID: "p-1-2", Word: 13},
		{Page: 14, Label: "6", BlockID: "p-1-2", Word: 17},
	}
}

func sampleOptions() Options {
	return Options{PageList: samplePages(), PrintEdition: "bindery print edition, 5.5x8.5in"}
}

var sampleOnce struct {
	sync.Once
	data []byte
	err  error
}

// writeSample returns the sample EPUB, written once for all the tests that
// only read it.
func writeSample(t *testing.T) []byte {
	t.Helper()
	sampleOnce.Do(func() {
		var buf bytes.Buffer
		_, sampleOnce.err = Write(&buf, sampleEdition(), sampleOptions())
		sampleOnce.data = buf.Bytes()
	})
	if sampleOnce.err != nil {
		t.Fatalf("Write: %v", sampleOnce.err)
	}
	return sampleOnce.data
}

// unzipEPUB returns the entries of an EPUB in archive order.
func unzipEPUB(t *testing.T, data []byte) (names []string, files map[string]string, zr *zip.Reader) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	files = map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
		files[f.Name] = string(b)
	}
	return names, files, zr
}

func TestWriteEPUBReproducible(t *testing.T) {
	a := writeSample(t)
	var fresh bytes.Buffer
	if _, err := Write(&fresh, sampleEdition(), sampleOptions()); err != nil {
		t.Fatal(err)
	}
	b := fresh.Bytes()
	if !bytes.Equal(a, b) {
		t.Fatalf("two writes differ (%d and %d bytes)", len(a), len(b))
	}
	// A different working directory, time zone and locale must not change
	// a byte either.
	t.Chdir(t.TempDir())
	t.Setenv("TZ", "Asia/Tokyo")
	t.Setenv("LANG", "sq_AL.UTF-8")
	t.Setenv("TMPDIR", t.TempDir())
	ed := sampleEdition()
	ed.Meta.Modified = ed.Meta.Modified.In(time.FixedZone("X", 9*3600))
	var c bytes.Buffer
	if _, err := Write(&c, ed, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, c.Bytes()) {
		t.Fatal("the output depends on the time zone of Meta.Modified")
	}
}

func TestWriteEPUBZipLayout(t *testing.T) {
	data := writeSample(t)
	names, _, zr := unzipEPUB(t, data)
	if names[0] != "mimetype" {
		t.Fatalf("first entry %q, want mimetype", names[0])
	}
	mt := zr.File[0]
	if mt.Method != zip.Store {
		t.Errorf("mimetype compressed (method %d)", mt.Method)
	}
	if len(mt.Extra) != 0 {
		t.Errorf("mimetype has an extra field (%d bytes): epubcheck PKG-005", len(mt.Extra))
	}
	// OCF: "application/epub+zip" at byte 38, right after a 30-byte local
	// header and the 8-byte name.
	if got := string(data[38 : 38+20]); got != "application/epub+zip" {
		t.Errorf("bytes 38..58 = %q", got)
	}
	want := time.Date(2026, 11, 27, 12, 30, 44, 0, time.UTC) // two-second resolution
	for _, f := range zr.File {
		if !f.Modified.Equal(want) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, want)
		}
	}
	wantOrder := []string{"mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx",
		"EPUB/css/epub.css", "EPUB/images/cover.png", "EPUB/xhtml/cover.xhtml", "EPUB/xhtml/titlepage.xhtml"}
	for i, w := range wantOrder {
		if names[i] != w {
			t.Errorf("entry %d = %s, want %s", i, names[i], w)
		}
	}
}

func TestWriteEPUBMetadata(t *testing.T) {
	_, files, _ := unzipEPUB(t, writeSample(t))
	opf := files["EPUB/package.opf"]
	for _, want := range []string{
		`xml:lang="en"`,
		`<dc:identifier id="pub-id">urn:uuid:0b7e5d3a-2f4c-5e1a-9d3b-6a1c2e4f5a6b</dc:identifier>`,
		`<dc:title id="title">An Open Letter</dc:title>`,
		`<dc:title id="subtitle">To the Members of the Communist Party of the Soviet Union</dc:title>`,
		`<meta refines="#subtitle" property="title-type">subtitle</meta>`,
		`<dc:creator id="creator-1">The Central Committee of the Party of Labor of Albania</dc:creator>`,
		`<meta refines="#creator-1" property="role" scheme="marc:relators">aut</meta>`,
		`<meta refines="#creator-1" property="file-as">Party of Labor of Albania, Central Committee</meta>`,
		`<dc:contributor id="contributor-2">A. N. Editor</dc:contributor>`,
		`<meta refines="#contributor-2" property="role" scheme="marc:relators">edt</meta>`,
		`<dc:publisher>Bindery Editions</dc:publisher>`,
		`<dc:date>2026-11-27</dc:date>`,
		`<dc:source>An Open Letter. The text is that of the edition published by the «Naim Frashëri» State Publishing House, Tirana, 1964. The document was first printed in Zëri i Popullit.</dc:source>`,
		`<dc:rights>The text is in the public domain.`,
		`<dc:subject>Sino-Soviet split</dc:subject>`,
		`<dc:description>The 1964 open letter, with an introduction.</dc:description>`,
		`<meta property="dcterms:modified">2026-11-27T12:30:45Z</meta>`,
		`<meta property="schema:accessMode">textual</meta>`,
		`<meta property="schema:accessModeSufficient">textual</meta>`,
		`<meta property="schema:accessibilityFeature">printPageNumbers</meta>`,
		`<meta property="schema:accessibilityFeature">tableOfContents</meta>`,
		`<meta property="schema:accessibilityHazard">none</meta>`,
		`<meta property="schema:accessibilitySummary">`,
		`<dc:source id="pagination">bindery print edition, 5.5x8.5in</dc:source>`,
		`<meta refines="#pagination" property="source-of">pagination</meta>`,
		`<item id="cover-image" href="images/cover.png" media-type="image/png" properties="cover-image"/>`,
		`<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
		`<item id="css" href="css/epub.css" media-type="text/css"/>`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("package document lacks %s", want)
		}
	}
	// The manifest asks for no conformance claim: none is made.
	for _, unwanted := range []string{"dcterms:conformsTo", "a11y:certifiedBy", "pageBreakSource"} {
		if strings.Contains(opf, unwanted) {
			t.Errorf("package document has %s, which nothing asked for", unwanted)
		}
	}
	// The spine: cover, then the sections in order, the nav standing for
	// the contents.
	re := regexp.MustCompile(`<itemref idref="([^"]+)"/>`)
	var spine []string
	for _, m := range re.FindAllStringSubmatch(opf, -1) {
		spine = append(spine, m[1])
	}
	want := "cover titlepage imprint nav introduction part-1 part-2 note-on-text notes source colophon"
	if got := strings.Join(spine, " "); got != want {
		t.Errorf("spine %q\nwant  %q", got, want)
	}
}

func TestWriteEPUBLanguageOnEveryDocument(t *testing.T) {
	names, files, _ := unzipEPUB(t, writeSample(t))
	root := regexp.MustCompile(`<html [^>]*>`)
	n := 0
	for _, name := range names {
		if !strings.HasSuffix(name, ".xhtml") {
			continue
		}
		n++
		r := root.FindString(files[name])
		if !strings.Contains(r, ` lang="en"`) || !strings.Contains(r, ` xml:lang="en"`) {
			t.Errorf("%s: root %s lacks lang and xml:lang", name, r)
		}
	}
	if n != 11 {
		t.Errorf("%d XHTML documents, want 11", n)
	}
}

func TestWriteEPUBNoNamedEntities(t *testing.T) {
	names, files, _ := unzipEPUB(t, writeSample(t))
	ent := regexp.MustCompile(`&([a-zA-Z][a-zA-Z0-9]*);`)
	for _, name := range names {
		if !strings.HasSuffix(name, ".xhtml") && !strings.HasSuffix(name, ".opf") && !strings.HasSuffix(name, ".ncx") {
			continue // only markup can hold entities; image bytes may spell anything
		}
		for _, m := range ent.FindAllStringSubmatch(files[name], -1) {
			switch m[1] {
			case "amp", "lt", "gt", "quot":
			default:
				t.Errorf("%s: named entity %s", name, m[0])
			}
		}
	}
	intro := files["EPUB/xhtml/introduction.xhtml"]
	for _, want := range []string{"<abbr>N.</abbr>\u00a0Khrushchev’s", " &lt;sic&gt; &amp; more.", `href="https://example.org/a?b=1&amp;c=2"`, `href="part-1.xhtml#p-1-1"`} {
		if !strings.Contains(intro, want) {
			t.Errorf("introduction lacks %q", want)
		}
	}
}

// TestWriteEPUBPageBreaks checks the print edition's page list: each marker
// stands right before the word the printed page opens with, counted with
// linebreak.Words over the block's plain text, whatever inline it falls in.
func TestWriteEPUBPageBreaks(t *testing.T) {
	ed := sampleEdition()
	_, files, _ := unzipEPUB(t, writeSample(t))
	blocks := map[string]*model.Block{}
	var index func(bs []model.Block)
	index = func(bs []model.Block) {
		for i := range bs {
			blocks[bs[i].ID] = &bs[i]
			index(bs[i].Children)
		}
	}
	all := ed.Sections()
	sectionOf := map[string]string{}
	for i := range all {
		index(all[i].Blocks)
		sectionOf[all[i].ID] = all[i].ID
	}
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, p := range samplePages() {
		var doc string
		for name, content := range files {
			if strings.Contains(content, `id="`+pageID(p.Label)+`"`) {
				doc = content
				_ = name
			}
		}
		if doc == "" {
			t.Errorf("page %s: no marker", p.Label)
			continue
		}
		marker := fmt.Sprintf(`<span epub:type="pagebreak" role="doc-pagebreak" id="%s" aria-label="%s"/>`, pageID(p.Label), p.Label)
		i := strings.Index(doc, marker)
		if i < 0 {
			t.Errorf("page %s: marker not in the expected form %s", p.Label, marker)
			continue
		}
		rest := doc[i+len(marker):]
		after := tags.ReplaceAllString(rest, "")
		var want string
		if b, ok := blocks[p.BlockID]; ok && len(linebreak.Words(model.BlockText(b))) == 0 {
			// A page opening with a wordless block: the marker precedes it.
			if !strings.HasPrefix(rest, "<hr id=\""+p.BlockID+"\"") && !strings.HasPrefix(rest, "<figure id=\""+p.BlockID+"\"") {
				t.Errorf("page %s: marker not right before block %s: %.40q", p.Label, p.BlockID, rest)
			}
			continue
		} else if ok {
			words := linebreak.Words(model.BlockText(b))
			if p.Word < len(words) {
				want = words[p.Word]
			}
		} else if _, ok := sectionOf[p.BlockID]; ok {
			// A page opening with a section opens with its title.
			for i := range all {
				if all[i].ID == p.BlockID {
					want = linebreak.Words((&xhtmlRenderer{labels: labelsFor("en")}).sectionTitleText(&all[i]))[0]
				}
			}
		}
		got := linebreak.Words(after)
		if want == "" || len(got) == 0 || !strings.HasPrefix(got[0], want) {
			first := ""
			if len(got) > 0 {
				first = got[0]
			}
			t.Errorf("page %s: marker is followed by %q, want %q", p.Label, first, want)
		}
	}
	nav := files["EPUB/nav.xhtml"]
	if !strings.Contains(nav, `epub:type="page-list"`) {
		t.Fatal("nav has no page-list")
	}
	for _, p := range samplePages() {
		if !strings.Contains(nav, "#"+pageID(p.Label)+`">`+p.Label+"</a>") {
			t.Errorf("page-list lacks page %s", p.Label)
		}
	}
	// The text run split at "you" keeps its words and its neighbours.
	part1 := files["EPUB/xhtml/part-1.xhtml"]
	if !strings.Contains(part1, `writes to <span epub:type="pagebreak" role="doc-pagebreak" id="page-2" aria-label="2"/>you — in «frank» words…`) {
		t.Error("page 2's marker did not split the text run before \"you\"")
	}
}

func TestWriteEPUBPageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		page document.PageStart
		want string
	}{
		{"unknown block", document.PageStart{Label: "9", BlockID: "nowhere"}, `page 9 (block "nowhere", word 0) is not in the edition`},
		{"word past the end", document.PageStart{Label: "9", BlockID: "p-2-1", Word: 3}, "page 9 starts at word 3 but the block has 3 words"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// p-2-1 is "We end here." and a note reference: words 0 to 2.
			_, err := Write(io.Discard, sampleEdition(), Options{PageList: []document.PageStart{tc.page}, PrintEdition: "print"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestWriteEPUBSemantics(t *testing.T) {
	_, files, _ := unzipEPUB(t, writeSample(t))
	for _, tc := range []struct{ file, want string }{
		{"xhtml/cover.xhtml", `epub:type="cover"`},
		{"xhtml/cover.xhtml", `alt="Cover: An Open Letter, To the Members of the Communist Party of the Soviet Union, by The Central Committee`},
		{"xhtml/titlepage.xhtml", `<h1 id="titlepage-title" epub:type="title">An Open Letter</h1>`},
		{"xhtml/titlepage.xhtml", `epub:type="frontmatter titlepage"`},
		{"xhtml/imprint.xhtml", `epub:type="frontmatter imprint"`},
		{"xhtml/imprint.xhtml", `<p id="imprint-1">Set in Charis SIL.</p>`},
		{"xhtml/imprint.xhtml", `<p>This edition published by Bindery Editions, 27 November 2026.</p>`},
		{"xhtml/introduction.xhtml", `epub:type="frontmatter introduction" role="doc-introduction" class="editorial"`},
		{"xhtml/introduction.xhtml", `<h3 id="intro-h">The split</h3>`},
		{"xhtml/introduction.xhtml", `<a href="notes.xhtml#n1" id="noteref-n1" epub:type="noteref" role="doc-noteref">1</a>`},
		{"xhtml/part-1.xhtml", `epub:type="bodymatter chapter" role="doc-chapter"`},
		{"xhtml/part-1.xhtml", `<h2 id="part-1-title" epub:type="title" class="editorial">[Part One]</h2>`},
		{"xhtml/part-1.xhtml", `<p id="p-1-0" class="salutation" epub:type="z3998:salutation">Dear Comrades,</p>`},
		{"xhtml/part-1.xhtml", `<strong>Party of Labor</strong>`},
		{"xhtml/part-1.xhtml", `<span class="small-caps">the cpsu</span>`},
		{"xhtml/part-1.xhtml", `id="noteref-n1-2"`},
		{"xhtml/part-1.xhtml", `A quoted sentence<br/>`},
		{"xhtml/part-1.xhtml", `<ol id="l-1">`},
		{"xhtml/part-1.xhtml", `<code>code</code>`},
		{"xhtml/part-1.xhtml", `<hr id="b-1"/>`},
		{"xhtml/part-1.xhtml", `[A map of Europe]`},
		{"xhtml/part-2.xhtml", `<p id="p-2-2" class="signature" epub:type="z3998:signature">`},
		{"xhtml/part-2.xhtml", `<p id="p-2-3" class="dateline" epub:type="se:letter.dateline">Tirana, <time datetime="1964-10-05">October 5. 1964</time></p>`},
		{"xhtml/part-2.xhtml", `epub:prefix="z3998: http://www.daisy.org/z3998/2012/vocab/structure/#, se: https://standardebooks.org/vocab/1.0"`},
		{"xhtml/notes.xhtml", `epub:type="backmatter endnotes" role="doc-endnotes"`},
		{"xhtml/notes.xhtml", `<li id="n1" epub:type="endnote" value="1">`},
		{"xhtml/notes.xhtml", `href="introduction.xhtml#noteref-n1" epub:type="backlink" role="doc-backlink" aria-label="Back to text"`},
		{"xhtml/notes.xhtml", "The second.\u00a0<a href=\"part-1.xhtml#noteref-n2\" epub:type=\"backlink\" role=\"doc-backlink\""},
		{"xhtml/imprint.xhtml", `first printed in <i epub:type="se:name.publication">Zëri i Popullit</i>.`},
		{"xhtml/source.xhtml", `<p id="src-1" class="attribution">`},
		{"xhtml/colophon.xhtml", `epub:type="backmatter colophon" role="doc-colophon"`},
		{"nav.xhtml", `<nav id="contents" epub:type="toc" role="doc-toc"`},
		{"nav.xhtml", `<li class="editorial"><a href="xhtml/part-1.xhtml">[Part One]</a></li>`},
		{"nav.xhtml", `<a href="xhtml/part-1.xhtml" epub:type="bodymatter">`},
		{"nav.xhtml", `<a href="nav.xhtml" epub:type="toc">`},
		{"nav.xhtml", `<a href="xhtml/notes.xhtml" epub:type="endnotes">`},
		{"toc.ncx", `<content src="xhtml/colophon.xhtml"/>`},
		{"toc.ncx", `<meta name="dtb:uid" content="urn:uuid:0b7e5d3a-2f4c-5e1a-9d3b-6a1c2e4f5a6b"/>`},
		{"toc.ncx", `<meta name="dtb:totalPageCount" content="8"/>`},
		{"toc.ncx", `<meta name="dtb:maxPageNumber" content="6"/>`},
		{"toc.ncx", `<pageTarget id="pagetarget-1" type="front" playOrder=`},
		{"toc.ncx", `<pageTarget id="pagetarget-3" type="normal" value="1" playOrder=`},
	} {
		if !strings.Contains(files["EPUB/"+tc.file], tc.want) {
			t.Errorf("%s lacks %s", tc.file, tc.want)
		}
	}
}

func TestWriteEPUBRejectsBadSectionIDs(t *testing.T) {
	for _, id := range []string{"", "cover", "nav", "part 1", "../part", "1st"} {
		ed := sampleEdition()
		ed.Body[0].ID = id
		if _, err := Write(io.Discard, ed, Options{}); err == nil {
			t.Errorf("section id %q accepted", id)
		}
	}
}

// TestWriteEPUBEpubcheck runs EPUBCheck on the sample.
func TestWriteEPUBEpubcheck(t *testing.T) {
	t.Parallel()
	epubcheck.Check(t, writeSample(t))
}

// TestWriteEPUBGolden compares the unzipped publication, file by file, with
// testdata/epub/sample (as Standard Ebooks' tests do), so a change shows as
// a diff of the one document it touches. Run with -update-epub to accept.
func TestWriteEPUBGolden(t *testing.T) {
	names, files, _ := unzipEPUB(t, writeSample(t))
	dir := filepath.Join("testdata", "sample")
	if *updateEPUB {
		os.RemoveAll(dir)
	}
	for _, name := range names {
		if strings.HasSuffix(name, ".png") {
			continue // binary; TestCoverDeterministic covers it
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if *updateEPUB {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(files[name]), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run go test -run TestWriteEPUBGolden -update-epub)", name, err)
			continue
		}
		if string(want) != files[name] {
			t.Errorf("%s differs from %s (run with -update-epub and review the diff)", name, path)
		}
	}
}

func TestEscapeText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain words", "plain words"},
		{"A & B <i> C>", "A &amp; B &lt;i&gt; C&gt;"},
		{"tab\tline\nreturn\r", "tab\tline\nreturn\r"},
		{"nul\x00bell\x07esc\x1b.", "nulbellesc."}, // not XML 1.0 characters: dropped
		{"“Ǻ” — ½ 😀", "“Ǻ” — ½ 😀"},                 // multi-byte, kept as they are
		{"bad\xffbyte", "bad\uFFFDbyte"},           // invalid UTF-8 becomes U+FFFD
		{"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},     // an encoded surrogate, byte by byte
		{"keep \uFFFD, drop \uFFFE\uFFFF", "keep \uFFFD, drop "},
		{"&&", "&amp;&amp;"},
	} {
		if got := escapeText(tc.in); got != tc.want {
			t.Errorf("escapeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := escapeAttr(`say "&"`); got != "say &quot;&amp;&quot;" {
		t.Errorf("escapeAttr = %q", got)
	}
}

// TestNavEntriesPlain gives a chapter title and a subheading the anchors,
// links, formulas and note references sources put in headings (pandoc's
// []{#001}, a link to elsewhere, $x^2$, a note mark): the contents show
// each heading's text, with no id, no empty span and no link inside the
// entry's link, and EPUBCheck accepts the navigation document (its
// formula declared in the package document); the headings themselves
// keep their anchors.
func TestNavEntriesPlain(t *testing.T) {
	t.Parallel()
	ed := sampleEdition()
	anchor := model.Inline{Kind: model.Span, Attr: model.Attr{{Key: "id", Value: "a001"}}}
	link := model.Inline{Kind: model.Link, Target: "https://example.org/", Children: []model.Inline{model.Str("Linked")}}
	for i := range ed.Body {
		if ed.Body[i].Role != model.RoleChapter {
			continue
		}
		ed.Body[i].Title = append([]model.Inline{anchor, link, model.Str(" Title "), {Kind: model.Math, Text: "x^2"}, model.Str(" ")}, ed.Body[i].Title...)
		break
	}
	intro := &ed.Front[0]
	for i := range ed.Front {
		if ed.Front[i].ID == "introduction" {
			intro = &ed.Front[i]
		}
	}
	for i := range intro.Blocks {
		if intro.Blocks[i].Kind == model.Heading {
			intro.Blocks[i].Inlines = append([]model.Inline{{Kind: model.Span, Attr: model.Attr{{Key: "id", Value: "a002"}}}}, intro.Blocks[i].Inlines...)
		}
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, ed, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	_, files, _ := unzipEPUB(t, buf.Bytes())
	nav := files["EPUB/nav.xhtml"]
	for _, bad := range []string{`id="a001"`, `id="a002"`, "<span></span>", `href="https://example.org/"`} {
		if strings.Contains(nav, bad) {
			t.Errorf("the nav document holds %s", bad)
		}
	}
	if !strings.Contains(nav, "Linked Title") {
		t.Errorf("the chapter's entry lost its text:\n%s", nav)
	}
	var all string
	for name, f := range files {
		if strings.HasSuffix(name, ".xhtml") && name != "EPUB/nav.xhtml" {
			all += f
		}
	}
	for _, want := range []string{`id="a001"`, `id="a002"`} {
		if !strings.Contains(all, want) {
			t.Errorf("a heading lost its anchor %s", want)
		}
	}
	epubcheck.Check(t, buf.Bytes())
}
