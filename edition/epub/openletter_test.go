package epub

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/epub/epubcheck"
	"github.com/bindery-editions/bindery/layout/linebreak"

	"github.com/bindery-editions/bindery/edition/archive"
	"github.com/bindery-editions/bindery/edition/markdown"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"

	"github.com/bindery-editions/bindery/layout/document"
)

// seedEdition puts a seed together the simple way, to try the EPUB writer
// on a real text: the body (under the manifest's editorial headings, if it
// has them), the introduction, the notes, the source line. Block IDs are
// numbered here; the build has its own assembly.
func seedEdition(t *testing.T, book string) *model.Edition {
	t.Helper()
	man, err := seed.LoadManifest(book)
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(book, name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	reader := archive.Read
	if man.Text.Format == "markdown" {
		reader = markdown.Read
	}
	src, err := reader(man.Text.File, read(man.Text.File))
	if err != nil {
		t.Fatal(err)
	}
	intro, err := markdown.Read(man.Introduction, read(man.Introduction))
	if err != nil {
		t.Fatal(err)
	}
	date, err := time.Parse("2006-01-02", man.Edition.Date)
	if err != nil {
		t.Fatal(err)
	}
	ed := &model.Edition{Meta: model.Meta{
		Slug: man.Slug, Title: man.Title, Subtitle: man.Subtitle, Creators: man.Creators, Language: man.Language,
		Identifier: man.Identifier, Description: man.Description, Subjects: man.Subjects,
		Original: model.Original{Publisher: man.Original.Publisher, Place: man.Original.Place, Year: man.Original.Year,
			Date: man.Original.Date, FirstPrint: man.Original.FirstPrint},
		Publisher: man.Edition.Publisher, Date: man.Edition.Date, Modified: date, Rights: man.Edition.Rights,
		Source: man.Edition.Source, Trim: man.Edition.Trim, Accessibility: man.Accessibility,
	}}
	var introBlocks []model.Block
	for _, s := range intro.Sections {
		if len(s.Title) > 0 && len(introBlocks) > 0 {
			introBlocks = append(introBlocks, model.Block{Kind: model.Heading, Level: 2, Inlines: s.Title})
		}
		introBlocks = append(introBlocks, s.Blocks...)
	}
	ed.Front = []model.Section{
		{ID: "titlepage", Role: model.RoleTitlePage},
		{ID: "imprint", Role: model.RoleImprint},
		{ID: "contents", Role: model.RoleContents, Title: []model.Inline{model.Str("Contents")}},
		{ID: "introduction", Role: model.RoleIntroduction, Title: []model.Inline{model.Str("Introduction")}, Editorial: true, Blocks: introBlocks},
	}
	for i, s := range src.Sections {
		if s.ID == "" { // a Markdown heading names its part
			s.ID = fmt.Sprintf("part-%d", i+1)
		}
		s.Role = model.RoleChapter
		if i < len(man.Text.Headings) {
			s.Title, s.Editorial = []model.Inline{model.Str(man.Text.Headings[i].Title)}, true
		}
		ed.Body = append(ed.Body, s)
	}
	if man.Notes != "" {
		ns, err := apparatus.LoadNotes(filepath.Join(book, man.Notes))
		if err != nil {
			t.Fatal(err)
		}
		notes, err := apparatus.AttachNotes(ed.Body, ns)
		if err != nil {
			t.Fatal(err)
		}
		ed.Back = append(ed.Back, model.Section{ID: "notes", Role: model.RoleEndnotes, Title: []model.Inline{model.Str("Notes")}, Editorial: true, Blocks: notes})
		// The notes' short citations link to the Works Cited.
		if works, ok := apparatus.WorksCited(ns); ok {
			ed.Back = append(ed.Back, works)
		}
	} else if len(src.Notes) > 0 {
		ed.Back = append(ed.Back, model.Section{ID: "notes", Role: model.RoleEndnotes, Title: []model.Inline{model.Str("Notes")}, Blocks: src.Notes})
	}
	ed.Back = append(ed.Back,
		model.Section{ID: "source", Role: model.RoleAppendix, Title: []model.Inline{model.Str("Source")}, Blocks: append(src.Trailer,
			model.Block{Kind: model.Paragraph, Inlines: []model.Inline{model.Str(man.Edition.Source)}})},
		model.Section{ID: "colophon", Role: model.RoleColophon, Title: []model.Inline{model.Str("Colophon")}, Editorial: true,
			Blocks: []model.Block{{Kind: model.Centered, Inlines: []model.Inline{model.Str("Set in Charis SIL.")}}}})
	for i := range ed.Front {
		numberBlocks(ed.Front[i].ID, ed.Front[i].Blocks)
	}
	for i := range ed.Body {
		numberBlocks(ed.Body[i].ID, ed.Body[i].Blocks)
	}
	for i := range ed.Back {
		numberBlocks(ed.Back[i].ID, ed.Back[i].Blocks)
	}
	return ed
}

// numberBlocks gives blocks without an ID one, "<section>-<n>".
func numberBlocks(prefix string, bs []model.Block) {
	n := 0
	var walk func(bs []model.Block)
	walk = func(bs []model.Block) {
		for i := range bs {
			n++
			if bs[i].ID == "" {
				bs[i].ID = fmt.Sprintf("%s-%d", prefix, n)
			}
			walk(bs[i].Children)
		}
	}
	walk(bs)
}

// everyNWords makes a page list the way the PDF renderer reports one: a
// page start every n words of the body, counted with linebreak.Words.
func everyNWords(ed *model.Edition, n int) []document.PageStart {
	var pages []document.PageStart
	count := 0
	var walk func(bs []model.Block)
	walk = func(bs []model.Block) {
		for i := range bs {
			b := &bs[i]
			if len(b.Children) > 0 {
				walk(b.Children)
				continue
			}
			for w := range linebreak.Words(model.PlainText(b.Inlines)) {
				if count%n == 0 {
					p := len(pages) + 1
					pages = append(pages, document.PageStart{Page: p, Label: fmt.Sprint(p), BlockID: b.ID, Word: w})
				}
				count++
			}
		}
	}
	for i := range ed.Body {
		walk(ed.Body[i].Blocks)
	}
	return pages
}

// TestWriteEPUBOpenLetter writes the open letter with a page list and checks
// that every body paragraph is in the book, in order, that each page marker
// stands before its word, and, when EPUBCheck is installed, that it is valid.
func TestWriteEPUBOpenLetter(t *testing.T) {
	t.Parallel()
	testWriteEPUBSeed(t, filepath.Join("..", "..", "seeds", "open-letter-1964"), 25)
}

// TestWriteEPUBMarkdownSeed does the same for the Markdown test seed, whose
// first part has no heading and whose notes are footnotes.
func TestWriteEPUBMarkdownSeed(t *testing.T) {
	t.Parallel()
	data := testWriteEPUBSeed(t, filepath.Join("..", "..", "testdata", "seeds", "markdown-sample"), 2)
	_, files, _ := unzipEPUB(t, data)
	// The essay's opening, before its first heading, has no heading of its
	// own: its first words name it.
	if doc := files["EPUB/xhtml/part-1.xhtml"]; strings.Contains(doc, "<h2") || !strings.Contains(doc, `aria-label="Every archive begins with someone who…"`) {
		t.Errorf("untitled opening section:\n%s", doc)
	}
	if nav := files["EPUB/nav.xhtml"]; !strings.Contains(nav, `<a href="xhtml/part-1.xhtml">Every archive begins with someone who…</a>`) {
		t.Errorf("contents entry of the untitled opening:\n%s", nav)
	}
}

func testWriteEPUBSeed(t *testing.T, book string, minPages int) []byte {
	ed := seedEdition(t, book)
	pages := everyNWords(ed, 200)
	if len(pages) < minPages {
		t.Fatalf("only %d pages: the text was not read", len(pages))
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, ed, Options{PageList: pages, PrintEdition: "bindery print edition, 5.5x8.5in"}); err != nil {
		t.Fatal(err)
	}
	names, files, _ := unzipEPUB(t, buf.Bytes())

	// The body's text, in reading order, with tags and markers removed.
	// Note references and line breaks go first: PlainText drops the one
	// and reads the other as a space.
	tags := regexp.MustCompile(`<[^>]*>`)
	refs := regexp.MustCompile(`<a [^>]*epub:type="noteref"[^>]*>[^<]*</a>`)
	// A formula counts as the word its TeX makes (model.MathWord).
	maths := regexp.MustCompile(`<math [^>]*alttext="([^"]*)"[^>]*>.*?</math>`)
	var text strings.Builder
	for _, name := range names {
		if strings.HasPrefix(name, "EPUB/xhtml/") && !strings.HasSuffix(name, "/cover.xhtml") {
			s := refs.ReplaceAllString(files[name], "")
			s = maths.ReplaceAllStringFunc(s, func(m string) string {
				return model.MathWord(html.UnescapeString(maths.FindStringSubmatch(m)[1]))
			})
			s = strings.ReplaceAll(s, "<br/>", " ")
			text.WriteString(tags.ReplaceAllString(s, ""))
		}
	}
	flat := strings.Join(linebreak.Words(strings.NewReplacer("\u2060", "", "&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(text.String())), " ")
	at := 0
	for i := range ed.Body {
		for _, b := range ed.Body[i].Blocks {
			want := strings.Join(linebreak.Words(model.BlockText(&b)), " ")
			k := strings.Index(flat[at:], want)
			if k < 0 {
				t.Errorf("block %s missing or out of order: %.60q", b.ID, want)
				continue
			}
			at += k + len(want)
		}
	}

	// Each page's marker is followed by the word the page opens with.
	words := map[string][]string{}
	var index func(bs []model.Block)
	index = func(bs []model.Block) {
		for i := range bs {
			words[bs[i].ID] = linebreak.Words(model.PlainText(bs[i].Inlines))
			index(bs[i].Children)
		}
	}
	for i := range ed.Body {
		index(ed.Body[i].Blocks)
	}
	all := strings.Join(func() []string {
		var s []string
		for _, n := range names {
			s = append(s, files[n])
		}
		return s
	}(), "\n")
	for _, p := range pages {
		marker := fmt.Sprintf(`id="%s" aria-label="%s"/>`, pageID(p.Label), p.Label)
		i := strings.Index(all, marker)
		if i < 0 {
			t.Errorf("page %s: no marker", p.Label)
			continue
		}
		next := linebreak.Words(tags.ReplaceAllString(all[i+len(marker):min(len(all), i+len(marker)+400)], ""))
		if want := words[p.BlockID][p.Word]; len(next) == 0 || !strings.HasPrefix(next[0], want) {
			t.Errorf("page %s: marker before %q, want %q", p.Label, next, want)
		}
	}

	epubcheck.Check(t, buf.Bytes())
	return buf.Bytes()
}
