package edition

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

func TestLoadCollection(t *testing.T) {
	book, err := Load("../testdata/seeds/anthology-sample", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ed := book.Edition
	var titles, heads []string
	for _, s := range ed.Body {
		titles = append(titles, s.PlainTitle())
		heads = append(heads, s.RunningHead)
	}
	// Each member contributes its introduction, then its text, under its
	// own running head.
	want := []struct{ title, head string }{
		{"Introduction to On Keeping Letters", "On Keeping Letters"},
		{"", "On Keeping Letters"}, // the essay's untitled opening
		{"Why Letters Are Kept", "On Keeping Letters"},
		{"How Archives Lose Them", "On Keeping Letters"},
		{"What a Reader Owes", "On Keeping Letters"},
		{"What an Archive Holds", "On Keeping Letters"},
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
