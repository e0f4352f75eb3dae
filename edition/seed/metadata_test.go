package seed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMetadata checks pandoc's order of precedence: a metadata file under
// the manifest, -M pairs over it; and that metadata is checked as a
// manifest is, naming where each value came from.
func TestMetadata(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		ManifestName:      "title: Own Title\ncreators: [{name: A. Writer}]\nlanguage: en\nedition: {date: 2026-01-01, rights: Own rights.}\ntext: {file: text.md}\nintroduction: intro.md\n",
		"text.md":         "# One\n\nText.\n",
		"intro.md":        "An introduction.\n",
		"house.yaml":      "edition:\n  publisher: A Small Press\n  rights: House rights.\n",
		"bad-house.yaml":  "edition:\n  publsher: A Small Press\n",
		"list-house.yaml": "- edition\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) []byte { b, _ := os.ReadFile(filepath.Join(dir, name)); return b }

	var md Metadata
	if err := md.AddFile("house.yaml", read("house.yaml")); err != nil {
		t.Fatal(err)
	}
	for _, pair := range []string{"title=Given Title", "subjects=[History, Albania]", "edition.date=2026-02-02", "epub.embed-fonts=true", "subtitle=true"} {
		if err := md.Set(pair); err != nil {
			t.Fatalf("-M %s: %v", pair, err)
		}
	}
	m, err := md.LoadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "Given Title" || m.Edition.Publisher != "A Small Press" || m.Edition.Rights != "Own rights." ||
		m.Edition.Date != "2026-02-02" || strings.Join(m.Subjects, "|") != "History|Albania" || m.Language != "en" ||
		!m.EPUB.EmbedFonts || m.Subtitle != "true" {
		t.Errorf("merged manifest: %+v", m)
	}
	// The shared metadata is not changed by a merge: a second seed gets
	// the same.
	if again, err := md.LoadManifest(dir); err != nil || again.Edition.Publisher != "A Small Press" || again.Title != "Given Title" {
		t.Errorf("second load: %v %+v", err, again)
	}
	plain, err := LoadManifest(dir)
	if err != nil || plain.Title != "Own Title" || plain.Edition.Publisher != "" {
		t.Errorf("LoadManifest without metadata: %v %+v", err, plain)
	}

	for _, tc := range []struct {
		set, file, want string
	}{
		{set: "titel=X", want: `-M titel=X: unknown key "titel" (did you mean "title"?)`},
		{set: "title", want: "-M title: want KEY=VALUE"},
		{set: "subjects={a: b}", want: "-M subjects={a: b}: subjects: expected a list"},
		{file: "bad-house.yaml", want: `bad-house.yaml:2:3: unknown key "edition.publsher" (did you mean "publisher"?)`},
		{file: "list-house.yaml", want: "list-house.yaml:1:1: a metadata file must be a mapping"},
	} {
		var md Metadata
		var err error
		if tc.set != "" {
			err = md.Set(tc.set)
		} else {
			err = md.AddFile(tc.file, read(tc.file))
		}
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s%s: %v, want %q", tc.set, tc.file, err, tc.want)
		}
	}

	// A bad value that only the whole manifest's checks catch is still
	// reported.
	var late Metadata
	if err := late.Set("edition.date=yesterday"); err != nil {
		t.Fatal(err)
	}
	if _, err := late.LoadManifest(dir); err == nil || !strings.Contains(err.Error(), "yesterday") {
		t.Errorf("-M edition.date=yesterday: %v, want an error naming the value", err)
	}
}
