package seed

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// FuzzLoadManifest feeds arbitrary manifest bytes to the loader over a seed
// folder holding the files the valid manifest names. The loader must never
// panic, must answer the same twice, and must either return a manifest with
// every required field and default filled in, or a *FileError whose
// problems are located and in file order.
func FuzzLoadManifest(f *testing.F) {
	f.Add([]byte(validManifest))
	if data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", "markdown-sample", ManifestName)); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		"", "title: [", "- a\n- b\n", "a: &x [*x]\n", "title: *x\n", "text: {file: ../x}\n",
		"titel: x\ncreators: {}\nparts: [x, x]\nedition: {trim: b5, date: 2026-02-30}\n",
		"title: T\ncreators: A\nlanguage: en\ntext: {file: source.md}\nintroduction: introduction.md\nedition: {date: 2026-01-15}\n",
		"\xef\xbb\xbftitle: \xff\n", "? [a]\n: b\n", "<<: {title: x}\n", "title: !!binary aGk=\n",
	} {
		f.Add([]byte(s))
	}
	dir := filepath.Join(f.TempDir(), "seed")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		f.Fatal(err)
	}
	for _, name := range []string{"source.txt", "source.md", "introduction.md", "notes.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x\n"), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	file := filepath.Join(dir, ManifestName)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := parseManifest(dir, file, data)
		_, err2 := parseManifest(dir, file, data)
		if (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("two loads differ: %v / %v", err, err2)
		}
		if err != nil {
			var me *FileError
			if !errors.As(err, &me) || len(me.Problems) == 0 {
				t.Fatalf("error %v is not a FileError with problems", err)
			}
			for i, p := range me.Problems {
				if p.File != file || p.Message == "" || p.Line < 0 || p.Col < 0 {
					t.Errorf("bad problem %+v", p)
				}
				if i > 0 && (p.Line < me.Problems[i-1].Line) {
					t.Errorf("problems out of order: %v", err)
				}
			}
			return
		}
		switch {
		case m.Title == "", m.Language == "", len(m.Creators) == 0, m.Text.File == "",
			m.Introduction == "", m.Edition.Date == "", m.Slug == "", m.Identifier == "",
			m.Edition.Trim == "", m.Text.Format == "", !slices.Contains(m.Parts, "text"):
			t.Fatalf("accepted manifest lacks a required value or default: %+v", m)
		}
		for _, c := range m.Creators {
			if c.Name == "" || c.Role == "" {
				t.Fatalf("accepted creator without name or role: %+v", c)
			}
		}
	})
}
