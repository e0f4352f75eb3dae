package edition

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/bindery-editions/bindery/edition/account"
	"github.com/bindery-editions/bindery/edition/epub"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/printing"
)

// editionGen makes editions holding every block kind and every inline kind
// in every place a writer sets text: the introduction, the parts of the
// body (a collection member's among them), the Note on the Text and an
// appendix, and notes, both endnotes and notes inside a text, with
// paragraphs of their own.
type editionGen struct {
	r     *rand.Rand
	n     int // serial number for ids and words
	notes []model.Block
}

var genWords = strings.Fields("the letter of Tirana speaks plainly about comrades and the meeting in Moscow with its proposals answered word by word")

func (g *editionGen) id(prefix string) string {
	g.n++
	return fmt.Sprintf("%s-%d", prefix, g.n)
}

func (g *editionGen) text(words int) string {
	var b strings.Builder
	for i := 0; i < words; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(genWords[g.r.IntN(len(genWords))])
	}
	return b.String()
}

// inlines returns a run of text with inlines of kind k inside it.
func (g *editionGen) inlines(k model.InlineKind, depth int) []model.Inline {
	ins := []model.Inline{model.Str(g.text(1+g.r.IntN(12)) + " ")}
	switch k {
	case model.Text:
		ins = append(ins, model.Str(g.text(3)))
	case model.Emph, model.Strong, model.SmallCaps:
		var inner []model.Inline
		if depth < 2 {
			inner = g.inlines(model.InlineKinds()[g.r.IntN(len(model.InlineKinds()))], depth+1)
		} else {
			inner = []model.Inline{model.Str(g.text(2))}
		}
		ins = append(ins, model.Inline{Kind: k, Children: inner})
	case model.NoteRef:
		note := model.Block{Kind: model.Note, ID: g.id("note")}
		if g.r.IntN(2) == 0 {
			note.Inlines = []model.Inline{model.Str(g.text(5 + g.r.IntN(20)))}
		} else {
			for i := 0; i < 1+g.r.IntN(3); i++ {
				note.Children = append(note.Children, model.Block{Kind: model.Paragraph, ID: g.id("notepara"), Inlines: []model.Inline{model.Str(g.text(4 + g.r.IntN(30)))}})
			}
		}
		g.notes = append(g.notes, note)
		ins = append(ins, model.Inline{Kind: model.NoteRef, Target: note.ID, Text: fmt.Sprint(len(g.notes))})
	case model.Link:
		target := "https://example.org/" + g.text(1)
		if g.r.IntN(2) == 0 {
			target = "#" // filled with a block id by the caller's edition
		}
		ins = append(ins, model.Inline{Kind: model.Link, Target: target, Children: []model.Inline{model.Str(g.text(2))}})
	case model.Code:
		ins = append(ins, model.Inline{Kind: model.Code, Text: "x := " + g.text(1)})
	case model.LineBreak:
		ins = append(ins, model.Inline{Kind: model.LineBreak}, model.Str(g.text(3)))
	case model.Strikeout, model.Superscript, model.Span:
		in := model.Inline{Kind: k, Children: []model.Inline{model.Str(g.text(1 + g.r.IntN(3)))}}
		if k == model.Span {
			in.Attr = model.Attr{{Key: "lang", Value: "el"}}
		}
		ins = append(ins, in)
	case model.Subscript:
		// written against its word, as H₂O is
		ins = append(ins, model.Str(g.text(1)), model.Inline{Kind: k, Children: []model.Inline{model.Str("2")}}, model.Str("O"))
	case model.Math:
		tex := []string{`x^2 + y_1`, `\frac{a}{b}`, `\sqrt{\alpha + \beta}`, `\text{H}_2\text{O}`, `\sum_{i=1}^n i`}[g.r.IntN(5)]
		in := model.Inline{Kind: model.Math, Text: tex}
		if g.r.IntN(3) == 0 {
			in.Attr = model.Attr{{Key: "display", Value: "true"}}
		}
		ins = append(ins, in, model.Str(" and"))
	case model.Cite:
		ins = append(ins, model.Inline{Kind: model.Cite, Attr: model.Attr{{Key: "key", Value: "marx1887"}}, Children: []model.Inline{model.Str("(Marx 1887, 12)")}})
	}
	return append(ins, model.Str(" "+g.text(1+g.r.IntN(8))+"."))
}

func (g *editionGen) anyInlines() []model.Inline {
	kinds := model.InlineKinds()
	return g.inlines(kinds[g.r.IntN(len(kinds))], 0)
}

// block returns a block of kind k, with children where the kind holds
// blocks.
func (g *editionGen) block(k model.BlockKind, depth int) model.Block {
	b := model.Block{Kind: k, ID: g.id(k.String())}
	switch k {
	case model.Heading:
		b.Level = 2 + g.r.IntN(3)
		b.Inlines = []model.Inline{model.Str(g.text(1 + g.r.IntN(6)))}
	case model.BlockQuote:
		for i := 0; i < 1+g.r.IntN(3); i++ {
			b.Children = append(b.Children, g.child(depth))
		}
	case model.List:
		if g.r.IntN(2) == 0 {
			b.Attr = b.Attr.Set("ordered", "true")
		}
		for i := 0; i < 1+g.r.IntN(4); i++ {
			b.Children = append(b.Children, g.block(model.ListItem, depth+1))
		}
	case model.ListItem:
		if g.r.IntN(3) > 0 {
			b.Inlines = g.anyInlines()
		}
		if depth < 3 && (len(b.Inlines) == 0 || g.r.IntN(3) == 0) {
			b.Children = append(b.Children, g.child(depth))
		}
	case model.ThematicBreak:
	case model.Image:
		b.Attr = model.Attr{{Key: "src", Value: "figure.png"}, {Key: "alt", Value: g.text(3)}}
		if g.r.IntN(2) == 0 {
			b.Attr = b.Attr.Set("number", fmt.Sprint(g.n))
		}
		b.Inlines = []model.Inline{model.Str(g.text(4))}
	case model.Table:
		b.Attr = model.Attr{{Key: "align", Value: "left,right,center"}}
		if g.r.IntN(2) == 0 {
			b.Inlines = []model.Inline{model.Str(g.text(5))}
		}
		head := g.block(model.TableRow, depth+1)
		head.Attr = model.Attr{{Key: "head", Value: "true"}}
		b.Children = append(b.Children, head)
		for i := 0; i < 1+g.r.IntN(12); i++ {
			b.Children = append(b.Children, g.block(model.TableRow, depth+1))
		}
	case model.TableRow:
		for i := 0; i < 3; i++ {
			b.Children = append(b.Children, g.block(model.TableCell, depth+1))
		}
	case model.TableCell:
		if g.r.IntN(4) == 0 && depth < 3 {
			b.Children = append(b.Children, g.block(model.Paragraph, depth+1), g.block(model.List, depth+1))
		} else {
			b.Inlines = []model.Inline{model.Str(g.text(1 + g.r.IntN(9)))}
		}
	case model.DefinitionList:
		for i := 0; i < 1+g.r.IntN(3); i++ {
			b.Children = append(b.Children, g.block(model.Term, depth+1), g.block(model.Definition, depth+1))
		}
	case model.Term:
		b.Inlines = []model.Inline{model.Str(g.text(1 + g.r.IntN(3)))}
	case model.Definition:
		b.Children = append(b.Children, g.child(depth))
	case model.LineBlock, model.CodeBlock:
		for i := 0; i < 1+g.r.IntN(5); i++ {
			if i > 0 {
				b.Inlines = append(b.Inlines, model.Inline{Kind: model.LineBreak})
			}
			if k == model.CodeBlock {
				b.Inlines = append(b.Inlines, model.Inline{Kind: model.Code, Text: strings.Repeat(" ", g.r.IntN(4)) + g.text(g.r.IntN(4))})
			} else {
				b.Inlines = append(b.Inlines, model.Str(g.text(2+g.r.IntN(6))))
			}
		}
	case model.Div:
		b.Attr = model.Attr{{Key: "lang", Value: "de"}}
		for i := 0; i < 1+g.r.IntN(3); i++ {
			b.Children = append(b.Children, g.child(depth))
		}
	case model.RawBlock:
		text := g.text(3 + g.r.IntN(8))
		b.Attr = model.Attr{{Key: "html", Value: "<p><em>" + text + "</em></p>"}}
		b.Inlines = []model.Inline{model.Str(text)}
	case model.Note:
		// A note inside a text, as a Markdown introduction has them.
		b.Attr = b.Attr.Set("mark", "*")
		b.Inlines = []model.Inline{model.Str(g.text(6))}
	default:
		b.Inlines = g.anyInlines()
	}
	return b
}

// child is a block inside a quotation or a list item.
func (g *editionGen) child(depth int) model.Block {
	kinds := []model.BlockKind{model.Paragraph, model.BlockQuote, model.List, model.Centered}
	if depth >= 3 {
		kinds = kinds[:1]
	}
	return g.block(kinds[g.r.IntN(len(kinds))], depth+1)
}

// blocks returns every block kind once, in a random order, with some more.
func (g *editionGen) blocks() []model.Block {
	kinds := model.BlockKinds()
	for i := 0; i < 6; i++ {
		kinds = append(kinds, model.Paragraph)
	}
	g.r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	var out []model.Block
	for _, k := range kinds {
		out = append(out, g.block(k, 0))
	}
	return out
}

func (g *editionGen) edition() *model.Edition {
	ed := &model.Edition{Meta: model.Meta{
		Slug: "generated", Title: "A Generated Book", Language: "en",
		Identifier: "urn:uuid:00000000-0000-5000-8000-000000000000",
		Creators:   []model.Creator{{Name: "A. Writer", Role: "aut"}},
		Publisher:  "Bindery Editions", Date: "2026-01-01", Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Trim: "5.5x8.5in",
	}}
	ed.Resources = map[string]*model.Resource{"figure.png": testPNG(40+g.r.IntN(400), 30+g.r.IntN(600))}
	section := func(id string, role model.Role, title string) model.Section {
		s := model.Section{ID: id, Role: role, Blocks: g.blocks()}
		if title != "" {
			s.Title = []model.Inline{model.Str(title)}
		}
		return s
	}
	ed.Front = []model.Section{
		{ID: "titlepage", Role: model.RoleTitlePage, Title: []model.Inline{model.Str(ed.Meta.Title)}},
		{ID: "imprint", Role: model.RoleImprint},
		{ID: "contents", Role: model.RoleContents, Title: []model.Inline{model.Str("Contents")}},
		section("introduction", model.RoleIntroduction, "Introduction"),
	}
	ed.Body = []model.Section{
		section("part-1", model.RoleChapter, ""),
		section("part-2", model.RoleChapter, "CHAPTER II. "+g.text(4)),
		section("member-part-1", model.RoleChapter, "A Member’s Text"),
	}
	ed.Body[2].RunningHead = "A Member"
	ed.Back = []model.Section{
		section("note-on-text", model.RoleNoteOnText, "A Note on the Text"),
		section("source", model.RoleAppendix, "Source"),
	}
	notes := model.Section{ID: "notes", Role: model.RoleEndnotes, Title: []model.Inline{model.Str("Notes")}, Blocks: g.notes}
	notes.Blocks = append(notes.Blocks, model.Block{Kind: model.Heading, Level: 2, ID: "notes-sources", Inlines: []model.Inline{model.Str("Sources of the Notes")}},
		model.Block{Kind: model.Paragraph, ID: "notes-source-1", Attr: model.Attr{{Key: "class", Value: "bibliography"}}, Inlines: []model.Inline{model.Str(g.text(9))}})
	ed.Back = append(ed.Back, notes)
	// Statements true of one edition only: each writer owes only its own.
	colophon := model.Section{ID: "colophon", Role: model.RoleColophon, Title: []model.Inline{model.Str("Colophon")}}
	for _, only := range []string{"", "pdf", "epub"} {
		b := g.block(model.Centered, 0)
		if only != "" {
			b.Attr = b.Attr.Set(model.OnlyInAttr, only)
		}
		colophon.Blocks = append(colophon.Blocks, b)
	}
	ed.Back = append(ed.Back, colophon)
	// Internal links point at a block of the book.
	var fill func([]model.Inline)
	fill = func(ins []model.Inline) {
		for i := range ins {
			if ins[i].Kind == model.Link && ins[i].Target == "#" {
				ins[i].Target = "#" + ed.Body[1].Blocks[0].ID
			}
			fill(ins[i].Children)
		}
	}
	for _, s := range ed.Sections() {
		var walk func([]model.Block)
		walk = func(bs []model.Block) {
			for _, b := range bs {
				fill(b.Inlines)
				walk(b.Children)
			}
		}
		walk(s.Blocks)
	}
	return ed
}

// writeBoth sets and writes an edition and returns what each writer
// reports it set.
func writeBoth(t *testing.T, ed *model.Edition) (epubWords, pdfWords account.Count) {
	t.Helper()
	printed, err := printing.Set(ed, printing.Options{})
	if err != nil {
		t.Fatalf("setting: %v", err)
	}
	epubWords, err = epub.Write(io.Discard, ed, epub.Options{PageList: printed.PageStarts, PrintEdition: "print"})
	if err != nil {
		t.Fatalf("EPUB: %v", err)
	}
	return epubWords, printed.Words
}

// TestEveryWordSet builds generated editions with every block and inline
// kind in every place and checks that both writers set every word the
// model holds. It is the property the build's accounting enforces: when a
// writer forgets a kind, or a place, this test names it.
func TestEveryWordSet(t *testing.T) {
	t.Parallel()
	runs := 12
	if testing.Short() {
		runs = 3
	}
	for seed := 0; seed < runs; seed++ {
		g := &editionGen{r: rand.New(rand.NewPCG(uint64(seed), 1))}
		ed := g.edition()
		e, p := writeBoth(t, ed)
		for format, set := range map[string]account.Count{"epub": e, "pdf": p} {
			for _, sf := range account.CheckEdition(ed, format, "the "+strings.ToUpper(format), set) {
				t.Errorf("seed %d: %v", seed, sf)
			}
		}
	}
}

// TestAccountingSeesLoss takes words away from a writer's report and from
// the model's reach, and checks that the accounting notices both.
func TestAccountingSeesLoss(t *testing.T) {
	g := &editionGen{r: rand.New(rand.NewPCG(7, 7))}
	ed := g.edition()
	e, _ := writeBoth(t, ed)
	id := ed.Body[1].Blocks[0].ID
	for k := range e {
		if k == id {
			e[k] = 0
		}
	}
	sfs := account.CheckEdition(ed, "epub", "the EPUB", e)
	if len(sfs) != 1 || sfs[0].Block != id || !strings.Contains(sfs[0].Error(), "the EPUB leaves out") {
		t.Errorf("a block the EPUB did not set: %v", sfs)
	}

	// The PDF's report, likewise.
	printed, err := printing.Set(ed, printing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	delete(printed.Words, id)
	if sfs := account.CheckEdition(ed, "pdf", "the PDF", printed.Words); len(sfs) != 1 || sfs[0].Block != id {
		t.Errorf("a block the PDF did not set: %v", sfs)
	}

	// A block of a kind the EPUB writer does not know is an error, not a
	// silence.
	ed.Body[0].Blocks = append(ed.Body[0].Blocks, model.Block{Kind: model.BlockKind(99), ID: "odd", Inlines: []model.Inline{model.Str("words nobody sets")}})
	if _, err := epub.Write(io.Discard, ed, epub.Options{}); err == nil {
		t.Error("the EPUB writer took a block of an unknown kind without a word")
	}
}

// TestUnreferencedNoteInPrint checks that a note nothing refers to, which
// has no page foot to stand at, still reaches the PDF: it closes the notes.
func TestUnreferencedNoteInPrint(t *testing.T) {
	g := &editionGen{r: rand.New(rand.NewPCG(3, 3))}
	ed := g.edition()
	for i := range ed.Back {
		if ed.Back[i].Role == model.RoleEndnotes {
			ed.Back[i].Blocks = append(ed.Back[i].Blocks, model.Block{Kind: model.Note, ID: "lonely", Inlines: []model.Inline{model.Str("A note no text refers to.")}})
		}
	}
	_, p := writeBoth(t, ed)
	if p["lonely"] != 6 {
		t.Errorf("the PDF set %d words of the note nothing refers to, want 6", p["lonely"])
	}
}

// TestBlockOfOneEdition checks that the print edition leaves out a block
// marked for the ebook alone, and that the accounting owes it to the ebook
// only.
func TestBlockOfOneEdition(t *testing.T) {
	g := &editionGen{r: rand.New(rand.NewPCG(3, 3))}
	ed := g.edition()
	colophon := ed.Back[len(ed.Back)-1]
	var ebookOnly model.Block
	for _, b := range colophon.Blocks {
		if b.Attr.Get(model.OnlyInAttr) == "epub" {
			ebookOnly = b
		}
	}
	if ebookOnly.ID == "" {
		t.Fatal("the generated colophon has no block for the ebook alone")
	}
	_, p := writeBoth(t, ed)
	if p[ebookOnly.ID] != 0 {
		t.Errorf("the PDF set %d words of a block for the ebook alone", p[ebookOnly.ID])
	}
	if sfs := account.CheckEdition(ed, "pdf", "the PDF", p); len(sfs) != 0 {
		t.Errorf("the PDF is held to a block of the ebook's: %v", sfs)
	}
	if sfs := account.Check(ed, "the PDF", p); len(sfs) != 1 || sfs[0].Block != ebookOnly.ID {
		t.Errorf("counted for every edition, the block is owed by the PDF too: %v", sfs)
	}
}

// testPNG makes a PNG of w by h pixels, the same for the same size.
func testPNG(w, h int) *model.Resource {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return &model.Resource{Name: "figure.png", MediaType: "image/png", Data: buf.Bytes(), Width: w, Height: h}
}
