package seed

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// makeSeedTree builds a seed folder beside an outside folder in a fresh
// temporary directory:
//
//	seed/source.txt, seed/sub/inner.txt, seed/link-in → source.txt,
//	seed/link-out → ../outside/secret.txt, seed/dir-out → ../outside,
//	seed/dangling → nowhere.txt, outside/secret.txt
func makeSeedTree(t *testing.T) (seed string) {
	t.Helper()
	root := t.TempDir()
	seed = filepath.Join(root, "seed")
	outside := filepath.Join(root, "outside")
	for _, d := range []string{filepath.Join(seed, "sub"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{filepath.Join(seed, "source.txt"), filepath.Join(seed, "sub", "inner.txt"), filepath.Join(outside, "secret.txt")} {
		if err := os.WriteFile(f, []byte("text\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"link-in":  "source.txt",
		"link-out": filepath.Join("..", "outside", "secret.txt"),
		"dir-out":  filepath.Join("..", "outside"),
		"abs-out":  filepath.Join(outside, "secret.txt"),
		"dangling": "nowhere.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(seed, name)); err != nil {
			t.Skipf("symbolic links unavailable: %v", err)
		}
	}
	return seed
}

func TestResolveInSeed(t *testing.T) {
	seed := makeSeedTree(t)
	tests := []struct {
		rel     string
		want    string // path relative to seed, when accepted
		outside bool
		missing bool
	}{
		{rel: "source.txt", want: "source.txt"},
		{rel: "./sub/inner.txt", want: "sub/inner.txt"},
		{rel: "sub/../source.txt", want: "source.txt"},
		{rel: "link-in", want: "link-in"},
		{rel: "missing.txt", missing: true},
		{rel: "dangling", missing: true},
		{rel: "../outside/secret.txt", outside: true},
		{rel: "sub/../../outside/secret.txt", outside: true},
		{rel: "..", outside: true},
		{rel: "/etc/passwd", outside: true},
		{rel: `\etc\passwd`, outside: true},
		{rel: "link-out", outside: true},
		{rel: "abs-out", outside: true},
		{rel: "dir-out/secret.txt", outside: true},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			got, err := ResolveInSeed(seed, tt.rel)
			switch {
			case tt.outside:
				if !errors.Is(err, ErrOutsideSeed) {
					t.Fatalf("ResolveInSeed(%q) = %q, %v; want ErrOutsideSeed", tt.rel, got, err)
				}
			case tt.missing:
				if !errors.Is(err, fs.ErrNotExist) || errors.Is(err, ErrOutsideSeed) {
					t.Fatalf("ResolveInSeed(%q) error = %v; want fs.ErrNotExist", tt.rel, err)
				}
			default:
				if err != nil {
					t.Fatalf("ResolveInSeed(%q): %v", tt.rel, err)
				}
				if want := filepath.Join(seed, filepath.FromSlash(tt.want)); got != want {
					t.Errorf("ResolveInSeed(%q) = %q, want %q", tt.rel, got, want)
				}
			}
		})
	}
}

// TestResolveInSeedLinkedSeed checks that a seed folder which is itself
// reached through a symbolic link still accepts its own files: the check
// compares resolved paths on both sides.
func TestResolveInSeedLinkedSeed(t *testing.T) {
	seed := makeSeedTree(t)
	alias := filepath.Join(t.TempDir(), "alias")
	if err := os.Symlink(seed, alias); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
	if _, err := ResolveInSeed(alias, "source.txt"); err != nil {
		t.Errorf("file in a linked seed folder refused: %v", err)
	}
	if _, err := ResolveInSeed(alias, "link-out"); !errors.Is(err, ErrOutsideSeed) {
		t.Errorf("link out of a linked seed folder: err = %v, want ErrOutsideSeed", err)
	}
}
