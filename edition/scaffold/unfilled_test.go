package scaffold

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/seed"
)

// TestUnfilled checks that a new seed's placeholders and an import's
// guesses are found at their lines, and that a confirmed seed has none.
func TestUnfilled(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "mybook")
	if _, err := Create(Options{Slug: "mybook", Dir: dir, Date: "2026-01-01"}); err != nil {
		t.Fatal(err)
	}
	m, err := seed.LoadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range Unfilled(m) {
		got = append(got, w.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`manifest.yaml:6:8: title: "mybook" is marked "# CHECK: fill in"`,
		`manifest.yaml:8:11: name: "Unknown" is marked "# CHECK: fill in"`,
		"introduction.md:5:1: still the placeholder",
		"source.md:7:1: still the placeholder",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning %q in:\n%s", want, all)
		}
	}

	for _, tc := range []struct{ in, want string }{
		{`title: "A # B"  # CHECK: recognised`, `1:8: title: "A # B" is marked`},
		{"title: A Book # not a check", ""},
		{"# CHECK the whole file", ""},
		{"  - name: X   # CHECK: fill in", `1:11: name: X is marked`},
	} {
		ws := checkMarks("m.yaml", []byte(tc.in))
		switch {
		case tc.want == "" && len(ws) > 0:
			t.Errorf("%q: %v, want nothing", tc.in, ws)
		case tc.want != "" && (len(ws) != 1 || !strings.Contains(ws[0].String(), tc.want)):
			t.Errorf("%q: %v, want %q", tc.in, ws, tc.want)
		}
	}
}
