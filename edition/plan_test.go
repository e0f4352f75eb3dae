package edition

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestParseShard(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		k, n int
		ok   bool
	}{
		{"1/1", 1, 1, true}, {"2/8", 2, 8, true}, {"8/8", 8, 8, true},
		{"0/8", 0, 0, false}, {"9/8", 0, 0, false}, {"2", 0, 0, false}, {"a/b", 0, 0, false}, {"02/8", 0, 0, false}, {"1/0", 0, 0, false},
	} {
		k, n, err := ParseShard(tc.in)
		if (err == nil) != tc.ok || k != tc.k || n != tc.n {
			t.Errorf("ParseShard(%q) = %d, %d, %v", tc.in, k, n, err)
		}
	}
}

// TestPlanCollisions checks that two seeds writing one file are refused,
// whether by slug or by a cover's name, and that a folder named twice is
// built once.
func TestPlanCollisions(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seed := func(name, slug string) string {
		d := filepath.Join(dir, name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		m := "title: T\ncreators: [{name: A}]\nlanguage: en\nedition: {date: 2026-01-01}\ntext: {file: t.md}\nintroduction: t.md\nslug: " + slug + "\n"
		for n, data := range map[string]string{"manifest.yaml": m, "t.md": "# T\n\nText.\n"} {
			if err := os.WriteFile(filepath.Join(d, n), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	a, b, c := seed("a", "book"), seed("b", "book"), seed("c", "book-cover")
	var ce *CollisionError
	if _, err := Plan([]string{a, b}, BuildOptions{OutDir: "out"}); !errors.As(err, &ce) || ce.Dirs != [2]string{a, b} {
		t.Errorf("same slug: %v", err)
	}
	// book's cover is book-cover.pdf, which is also book-cover's PDF.
	if _, err := Plan([]string{a, c}, BuildOptions{OutDir: "out", Formats: []string{FormatPDF, FormatCover}}); !errors.As(err, &ce) || ce.Path != filepath.Join("out", "book-cover.pdf") {
		t.Errorf("a cover's name: %v", err)
	}
	if jobs, err := Plan([]string{a, c}, BuildOptions{OutDir: "out"}); err != nil || len(jobs) != 2 {
		t.Errorf("no collision without covers: %v %v", jobs, err)
	}
	if jobs, err := Plan([]string{a, a + "/", filepath.Join(dir, ".", "a")}, BuildOptions{OutDir: "out"}); err != nil || len(jobs) != 1 {
		t.Errorf("one folder named three ways: %v %v", jobs, err)
	}
}
