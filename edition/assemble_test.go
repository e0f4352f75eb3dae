package edition

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

const openLetterSeed = "../seeds/open-letter-1964"

func TestLoadOpenLetter(t *testing.T) {
	book, err := Load(openLetterSeed, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ed := book.Edition
	if got, want := ed.Meta.Title, "An Open Letter"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if want := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC); !ed.Meta.Modified.Equal(want) {
		t.Errorf("modified = %v, want the manifest's edition date %v", ed.Meta.Modified, want)
	}

	roles := func(secs []model.Section) []string {
		var out []string
		for _, s := range secs {
			out = append(out, s.Role.String())
		}
		return out
	}
	if got, want := strings.Join(roles(ed.Front), " "), "titlepage imprint toc introduction"; got != want {
		t.Errorf("front matter = %s, want %s", got, want)
	}
	if got, want := strings.Join(roles(ed.Back), " "), "note-on-text endnotes appendix appendix colophon"; got != want { // the Works Cited and the Source page are appendices
		t.Errorf("back matter = %s, want %s", got, want)
	}

	// Five parts, each opened by its salutation and headed editorially
	// with the manifest's headings, in order.
	if len(ed.Body) != len(book.Manifest.Text.Headings) {
		t.Fatalf("body has %d parts, manifest %d headings", len(ed.Body), len(book.Manifest.Text.Headings))
	}
	for i, s := range ed.Body {
		// Typography may tie "I." to its first word with a no-break space.
		title := strings.ReplaceAll(s.PlainTitle(), "\u00a0", " ")
		if !s.Editorial || title != book.Manifest.Text.Headings[i].Title {
			t.Errorf("part %d: title %q editorial=%v, want editorial %q", i+1, s.PlainTitle(), s.Editorial, book.Manifest.Text.Headings[i].Title)
		}
		if len(s.Blocks) == 0 || s.Blocks[0].Kind != model.Salutation {
			t.Errorf("part %d does not open with a salutation", i+1)
		}
	}

	// The source line printed under the letter is kept, in the back matter.
	var source *model.Section
	for i := range ed.Back {
		if ed.Back[i].ID == "source" {
			source = &ed.Back[i]
		}
	}
	if source == nil || !strings.Contains(sectionText(source), "Reproduced from") {
		t.Errorf("source section missing or without the source's own attribution line")
	}

	// Every block has an id, and no id repeats: the EPUB anchors and the
	// print edition's page list rely on it.
	seen := map[string]bool{}
	var walk func([]model.Block)
	walk = func(bs []model.Block) {
		for _, b := range bs {
			if b.ID == "" {
				t.Errorf("block %q has no id", model.BlockText(&b))
			}
			if seen[b.ID] {
				t.Errorf("id %q repeats", b.ID)
			}
			seen[b.ID] = true
			walk(b.Children)
		}
	}
	for _, s := range ed.Sections() {
		if seen[s.ID] {
			t.Errorf("section id %q repeats", s.ID)
		}
		seen[s.ID] = true
		walk(s.Blocks)
	}
}

func sectionText(s *model.Section) string {
	var parts []string
	for i := range s.Blocks {
		parts = append(parts, model.BlockText(&s.Blocks[i]))
	}
	return strings.Join(parts, "\n")
}

func TestLoadHeadingCountMismatch(t *testing.T) {
	dir := copySeed(t, openLetterSeed)
	manifest := filepath.Join(dir, seed.ManifestName)
	data, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	// Drop the last heading: five parts, four headings.
	lines := strings.Split(string(data), "\n")
	var kept []string
	dropped := false
	for _, l := range lines {
		if !dropped && strings.HasPrefix(strings.TrimSpace(l), "- V.") {
			dropped = true
			continue
		}
		kept = append(kept, l)
	}
	if !dropped {
		t.Fatal("test needs the manifest's fifth heading to start with \"- V.\"")
	}
	if err := os.WriteFile(manifest, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(dir, LoadOptions{})
	if err == nil || !strings.Contains(err.Error(), "4 headings") || !strings.Contains(err.Error(), "5 untitled parts") {
		t.Errorf("Load with a heading missing: err = %v, want a count mismatch naming 4 headings and 5 parts", err)
	}
}

// copySeed copies a seed folder's files into a temporary folder.
func copySeed(t *testing.T, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), filepath.Base(dir))
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestApplyHeadingsShortTitle gives untitled parts the manifest's headings,
// a heading's short-title becoming its part's running head, and refuses a
// heading without a title.
func TestApplyHeadingsShortTitle(t *testing.T) {
	m := &seed.Manifest{Text: seed.ManifestText{Headings: []seed.Heading{
		{Title: "I. The Occasion"},
		{Title: "II. Soviet Foreign Policy and the World Movement", ShortTitle: " II. Soviet Foreign Policy "},
	}}}
	body := []model.Section{{ID: "a"}, {ID: "b", Title: []model.Inline{model.Str("Own")}}, {ID: "c"}}
	if err := applyHeadings("seed", m, body); err != nil {
		t.Fatal(err)
	}
	for i, want := range []struct{ title, head string }{{"I. The Occasion", ""}, {"Own", ""}, {"II. Soviet Foreign Policy and the World Movement", "II. Soviet Foreign Policy"}} {
		if got := body[i].PlainTitle(); got != want.title || body[i].RunningHead != want.head {
			t.Errorf("part %d: %q, running head %q; want %q, %q", i, got, body[i].RunningHead, want.title, want.head)
		}
	}
	m.Text.Headings = []seed.Heading{{ShortTitle: "x"}}
	if err := applyHeadings("seed", m, []model.Section{{ID: "a"}}); err == nil || !strings.Contains(err.Error(), "text.headings[0] has no title") {
		t.Errorf("a heading without a title: %v", err)
	}
}
