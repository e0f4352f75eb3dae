package edition

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/epub"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

func TestLoadCollection(t *testing.T) {
	book, err := Load("../testdata/seeds/anthology-sample", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The folder named with a trailing slash, as shells complete it: its
	// members are still the folders beside it.
	if _, err := Load("../testdata/seeds/anthology-sample/", LoadOptions{}); err != nil {
		t.Errorf("with a trailing slash: %v", err)
	}
	ed := book.Edition
	var titles, heads []string
	for _, s := range ed.Body {
		titles = append(titles, s.PlainTitle())
		heads = append(heads, s.RunningHead)
	}
	// Each member contributes its half-title, its introduction, then its
	// text, under its own running head.
	want := []struct{ title, head string }{
		{"On Keeping Letters", "On Keeping Letters"},
		{"Introduction to On Keeping Letters", "On Keeping Letters"},
		{"", "On Keeping Letters"}, // the essay's untitled opening
		{"Why Letters Are Kept", "On Keeping Letters"},
		{"How Archives Lose Them", "On Keeping Letters"},
		{"What a Reader Owes", "On Keeping Letters"},
		{"What an Archive Holds", "On Keeping Letters"},
		{"A Report from the Northern District", "A Report from the Northern District"},
		{"Introduction to A Report from the Northern District", "A Report from the Northern District"},
		{"The Report", "A Report from the Northern District"},
	}
	if len(titles) != len(want) {
		t.Fatalf("body sections %q, want %d", titles, len(want))
	}
	for i, w := range want {
		if titles[i] != w.title || heads[i] != w.head {
			t.Errorf("section %d: %q under %q, want %q under %q", i, titles[i], heads[i], w.title, w.head)
		}
	}

	// A member's half-title names its creators and the publication it
	// reproduces.
	half := model.BlockText(&ed.Body[7].Blocks[0]) + " " + model.BlockText(&ed.Body[7].Blocks[1])
	if !strings.Contains(half, "The Committee of the Northern District") || !strings.Contains(half, "published in Petrograd in 1918") {
		t.Errorf("the second member's half-title says %q", half)
	}
	// The anthology's creators: its editor, then its members' authors.
	var creators []string
	for _, c := range ed.Meta.Creators {
		creators = append(creators, c.Name+" ("+c.Role+")")
	}
	if got, want := strings.Join(creators, "; "), "Bindery Editions (edt); Mira Halloran (aut); The Committee of the Northern District (aut)"; got != want {
		t.Errorf("creators %q, want %q", got, want)
	}

	// Identifiers are unique across members, and every note reference
	// points at a note that exists.
	ids := map[string]bool{}
	refs := map[string]bool{}
	var walkInlines func([]model.Inline)
	walkInlines = func(ins []model.Inline) {
		for _, in := range ins {
			if in.Kind == model.NoteRef {
				refs[in.Target] = true
			}
			walkInlines(in.Children)
		}
	}
	var walk func([]model.Block)
	walk = func(bs []model.Block) {
		for _, b := range bs {
			if ids[b.ID] {
				t.Errorf("id %q repeats", b.ID)
			}
			ids[b.ID] = true
			walkInlines(b.Inlines)
			walk(b.Children)
		}
	}
	for _, s := range ed.Sections() {
		if ids[s.ID] {
			t.Errorf("section id %q repeats", s.ID)
		}
		ids[s.ID] = true
		walk(s.Blocks)
	}
	if len(refs) == 0 {
		t.Error("no note references: the Markdown member's footnotes were lost")
	}

	// The collection has no Note on the Text of its own: its imprint
	// states where its texts come from, once.
	statement := book.Manifest.Edition.Source
	found := 0
	for _, s := range ed.Sections() {
		for i := range s.Blocks {
			if model.BlockText(&s.Blocks[i]) == statement {
				found++
				if s.Role != model.RoleImprint {
					t.Errorf("the collection's source statement is printed in %q", s.ID)
				}
			}
		}
	}
	if found != 1 {
		t.Errorf("the collection's source statement is printed %d times, want once, in its imprint", found)
	}
	for r := range refs {
		if !ids[r] || !strings.HasPrefix(r, "markdown-sample-") {
			t.Errorf("note reference %q: no such note, or not prefixed with its member's slug", r)
		}
	}
}

func TestCollectionManifestProblems(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "anthology")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("introduction.md", "An introduction.\n")
	write(seed.ManifestName, `title: A
creators: [{name: B}]
language: en
edition: {date: 2026-01-01}
introduction: introduction.md
collection:
  - no-such-seed
  - ../escape
  - anthology
`)
	_, err := seed.LoadManifest(dir)
	if err == nil {
		t.Fatal("LoadManifest accepted a collection with bad members")
	}
	for _, want := range []string{
		`manifest.yaml:7:5: collection member "no-such-seed": no seed folder`,
		`manifest.yaml:8:5: collection member "../escape" is not a seed name`,
		`manifest.yaml:9:5: a collection cannot contain itself`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestCollectionEPUB writes the anthology as an EPUB: each member opens a
// part of the book with its half-title, under which the contents nest the
// member's parts (an essay's untitled opening going by its member's
// entry); the package names the editor and the members' authors, and no
// source statement made of the anthology's title alone.
func TestCollectionEPUB(t *testing.T) {
	book, err := Load("../testdata/seeds/anthology-sample", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := epub.Write(&buf, book.Edition, epub.Options{}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
	}
	opf, nav := files["EPUB/package.opf"], files["EPUB/nav.xhtml"]
	for _, want := range []string{
		`<dc:contributor id="contributor-1">Bindery Editions</dc:contributor>`,
		`<meta refines="#contributor-1" property="role" scheme="marc:relators">edt</meta>`,
		`<dc:creator id="creator-2">Mira Halloran</dc:creator>`,
		`<dc:creator id="creator-3">The Committee of the Northern District</dc:creator>`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("package document lacks %s", want)
		}
	}
	if strings.Contains(opf, "<dc:source>Letters and Reports.") {
		t.Error("the package document's source is the anthology's title alone")
	}
	member := `<li><a href="xhtml/markdown-sample-halftitle.xhtml">On Keeping Letters</a><ol>
<li><a href="xhtml/markdown-sample-introduction.xhtml">Introduction to <em>On Keeping Letters</em></a></li>
<li><a href="xhtml/markdown-sample-why-letters-are-kept.xhtml">Why Letters Are Kept</a>`
	if !strings.Contains(nav, member) {
		t.Errorf("the contents do not nest the first member's parts under its half-title:\n%s", nav)
	}
	if strings.Contains(nav, "…") {
		t.Error("the contents name a part by its opening words")
	}
	for name, want := range map[string]string{
		"EPUB/xhtml/markdown-sample-halftitle.xhtml":    `epub:type="bodymatter part" role="doc-part"`,
		"EPUB/xhtml/markdown-sample-introduction.xhtml": `epub:type="bodymatter introduction" role="doc-introduction"`,
	} {
		if !strings.Contains(files[name], want) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
}

// TestMarkLanguage checks that a member in another language marks its
// blocks, keeping a block's own language.
func TestMarkLanguage(t *testing.T) {
	bs := []model.Block{{ID: "a"}, {ID: "b", Attr: model.Attr{{Key: "lang", Value: "fr"}}}}
	markLanguage(bs, "de")
	if bs[0].Attr.Get("lang") != "de" || bs[1].Attr.Get("lang") != "fr" {
		t.Errorf("languages %q and %q, want de and fr", bs[0].Attr.Get("lang"), bs[1].Attr.Get("lang"))
	}
}
