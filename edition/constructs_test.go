package edition

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

// sampleCopy copies the Markdown sample seed, then edits its manifest and
// text with the replacements given (old, new, ...).
func sampleCopy(t *testing.T, manifest, text []string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "book")
	if err := os.CopyFS(dir, os.DirFS("../testdata/seeds/markdown-sample")); err != nil {
		t.Fatal(err)
	}
	edit := func(name string, pairs []string) {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		for i := 0; i+1 < len(pairs); i += 2 {
			if !strings.Contains(s, pairs[i]) && pairs[i] != "" {
				t.Fatalf("%s has no %q", name, pairs[i])
			}
			if pairs[i] == "" {
				s += pairs[i+1]
				continue
			}
			s = strings.Replace(s, pairs[i], pairs[i+1], 1)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit(seed.ManifestName, manifest)
	edit("text.md", text)
	return dir
}

// warningWith returns the first warning whose text holds s.
func warningWith(ws []model.Warning, s string) (model.Warning, bool) {
	for _, w := range ws {
		if strings.Contains(w.String(), s) {
			return w, true
		}
	}
	return model.Warning{}, false
}

func TestLoadConstructs(t *testing.T) {
	book, err := Load("../testdata/seeds/markdown-sample", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ed := book.Edition
	if len(book.Warnings) != 0 {
		t.Errorf("warnings: %v", book.Warnings)
	}
	if r := ed.Resources["harbour.png"]; r == nil || r.MediaType != "image/png" || r.Width != 600 {
		t.Errorf("harbour.png: %+v", r)
	}
	if ed.Meta.Cover != "letter.jpg" || ed.Resources["letter.jpg"].MediaType != "image/jpeg" {
		t.Errorf("cover %q", ed.Meta.Cover)
	}
	// Figures and tables numbered, apart, in reading order.
	var numbers []string
	var walk func([]model.Block)
	walk = func(bs []model.Block) {
		for _, b := range bs {
			if n := b.Attr.Get("number"); n != "" {
				numbers = append(numbers, b.Kind.String()+" "+n)
			}
			walk(b.Children)
		}
	}
	for _, s := range ed.Body {
		walk(s.Blocks)
	}
	if strings.Join(numbers, ", ") != "table 1, image 1, image 2" {
		t.Errorf("numbers: %v", numbers)
	}
	// The reference list follows the notes, sorted by surname, and the
	// citations link to it.
	var refs *model.Section
	for i, s := range ed.Back {
		if s.Role == model.RoleBibliography {
			refs = &ed.Back[i]
			if i == 0 || ed.Back[i-1].Role != model.RoleEndnotes {
				t.Errorf("the references stand after %v", ed.Back[i-1].Role)
			}
		}
	}
	if refs == nil || len(refs.Blocks) != 3 || !strings.HasPrefix(model.PlainText(refs.Blocks[0].Inlines), "Cook, Terry. 1997.") || refs.Blocks[2].ID != "ref-schellenberg1956" {
		t.Fatalf("references: %+v", refs)
	}
}

func TestLoadConstructWarnings(t *testing.T) {
	dir := sampleCopy(t, []string{"cover: letter.jpg", "cover: introduction.md"},
		[]string{"", "\nSee [nowhere](#no-such-place), [@nosuchkey], and ![A lost map](lost.png).\n"})
	book, err := Load(dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`manifest.yaml:35:8: image "introduction.md" is not a PNG, JPEG or SVG file; the generated cover stands in`,
		`text.md:148: citation @nosuchkey: `,
		`text.md:148: link to "#no-such-place" leads nowhere`,
		`text.md:148: image "lost.png" inside running text`,
	} {
		if _, ok := warningWith(book.Warnings, want); !ok {
			t.Errorf("no warning %q in %v", want, book.Warnings)
		}
	}
	if book.Edition.Meta.Cover != "" {
		t.Error("a missing cover is still named")
	}
	// --strict makes them errors.
	if _, err := Load(dir, LoadOptions{Strict: true}); err == nil || !strings.Contains(err.Error(), "--strict") {
		t.Errorf("strict: %v", err)
	}
	// A missing figure alone stops a strict build too.
	dir = sampleCopy(t, nil, []string{"(harbour.png)", "(missing.png)"})
	if _, err := Load(dir, LoadOptions{Strict: true}); err == nil || !strings.Contains(err.Error(), `image "missing.png" not found`) {
		t.Errorf("strict, missing image: %v", err)
	}
}

// TestOneListOfWorksCited cites a work of the bibliography in a book
// whose notes also cite sources: the book keeps one list of the works it
// cites, titled as the language has it, sorted by surname, every entry
// under the ID its citations link to; without the notes' list, the
// bibliography's works make one of their own after the notes.
func TestOneListOfWorksCited(t *testing.T) {
	dir := t.TempDir()
	bib := "@book{marx1867, author = {Marx, Karl}, title = {Das Kapital}, year = {1867}}\n" +
		"@book{adams1900, author = {Adams, Henry}, title = {Letters}, year = {1900}}\n"
	if err := os.WriteFile(filepath.Join(dir, "refs.bib"), []byte(bib), 0o644); err != nil {
		t.Fatal(err)
	}
	cite := func(key string) model.Inline {
		return model.Inline{Kind: model.Cite, Attr: model.Attr{{Key: "key", Value: key}}, Children: []model.Inline{model.Str("[@" + key + "]")}}
	}
	body := func() []model.Section {
		return []model.Section{{ID: "ch", Role: model.RoleChapter, Blocks: []model.Block{{Kind: model.Paragraph, ID: "p", Inlines: []model.Inline{cite("marx1867"), cite("adams1900")}}}}}
	}
	works := model.Section{ID: apparatus.WorksCitedID, Role: model.RoleAppendix, Title: []model.Inline{model.Str("Works Cited")}, Blocks: []model.Block{
		{Kind: model.Paragraph, ID: apparatus.WorkID("taubman2003"), Inlines: []model.Inline{model.Str("Taubman, William. Khrushchev. 2003.")}},
		{Kind: model.Paragraph, ID: apparatus.WorkID("griffith1963"), Inlines: []model.Inline{model.Str("Griffith, William E. Albania. 1963.")}},
	}}
	m := &seed.Manifest{Bibliography: "refs.bib"}
	src := &model.Source{File: filepath.Join(dir, "text.md")}
	for _, tc := range []struct {
		name, lang string
		back       []model.Section
		title      string
		ids        []string
	}{
		{"with the notes' list", "en", []model.Section{{ID: "notes", Role: model.RoleEndnotes}, works, {ID: "colophon", Role: model.RoleColophon}}, "Works Cited",
			[]string{"ref-adams1900", apparatus.WorkID("griffith1963"), "ref-marx1867", apparatus.WorkID("taubman2003")}},
		{"alone, in German", "de", []model.Section{{ID: "notes", Role: model.RoleEndnotes}, {ID: "colophon", Role: model.RoleColophon}}, "Zitierte Literatur",
			[]string{"ref-adams1900", "ref-marx1867"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			back := slices.Clone(tc.back)
			for i := range back {
				back[i].Blocks = slices.Clone(back[i].Blocks)
			}
			ed := &model.Edition{Meta: model.Meta{Language: tc.lang}, Body: body(), Back: back}
			if w := citations(dir, m, src, ed); len(w) > 0 {
				t.Fatalf("warnings: %v", w)
			}
			var lists []model.Section
			for _, s := range ed.Back {
				if s.Role == model.RoleBibliography {
					lists = append(lists, s)
				}
			}
			if len(lists) != 1 || len(ed.Back) != 3 || ed.Back[1].Role != model.RoleBibliography {
				t.Fatalf("back matter %v: want notes, one list of works, colophon", ed.Back)
			}
			if got := lists[0].PlainTitle(); got != tc.title {
				t.Errorf("titled %q, want %q", got, tc.title)
			}
			var ids []string
			for _, b := range lists[0].Blocks {
				ids = append(ids, b.ID)
			}
			if !slices.Equal(ids, tc.ids) {
				t.Errorf("entries %v, want %v", ids, tc.ids)
			}
			if target := ed.Body[0].Blocks[0].Inlines[0].Target; target != "#ref-marx1867" {
				t.Errorf("the citation links to %q", target)
			}
		})
	}
}

// TestIntroductionTitle checks that an introduction's lone top-level
// heading over headings of its own titles it, and is not lost, and that
// its front matter's title wins.
func TestIntroductionTitle(t *testing.T) {
	for _, tt := range []struct{ intro, title, heading string }{
		{"# The Author and the Book\n\nText.\n\n## The Book\n\nText.\n", "The Author and the Book", "The Book"},
		{"---\ntitle: Editor's Introduction\n---\n\n# The Author\n\nText.\n\n## The Book\n\nText.\n", "Editor’s Introduction", "The Book"},
		{"## The Book\n\nText.\n", "Introduction", "The Book"},
	} {
		dir := sampleCopy(t, nil, nil)
		m, err := seed.LoadManifest(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, m.Introduction), []byte(tt.intro), 0o644); err != nil {
			t.Fatal(err)
		}
		book, err := Load(dir, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var intro *model.Section
		for i := range book.Edition.Front {
			if book.Edition.Front[i].Role == model.RoleIntroduction {
				intro = &book.Edition.Front[i]
			}
		}
		if intro == nil {
			t.Fatal("no introduction")
		}
		var headings []string
		for _, b := range intro.Blocks {
			if b.Kind == model.Heading {
				headings = append(headings, model.PlainText(b.Inlines))
			}
		}
		if got := model.PlainText(intro.Title); got != tt.title || !slices.Contains(headings, tt.heading) {
			t.Errorf("introduction %q titled %q with headings %q, want %q over %q", tt.intro, got, headings, tt.title, tt.heading)
		}
	}
}
