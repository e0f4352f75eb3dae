package outfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "book.pdf")
	ours := func(b []byte) bool { return strings.Contains(string(b), "bindery") }

	if err := Write(path, []byte("bindery one"), ours); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("bindery two"), ours); err != nil {
		t.Fatalf("replacing our own file: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "bindery two" {
		t.Errorf("file holds %q", got)
	}

	foreign := filepath.Join(dir, "theirs.pdf")
	if err := os.WriteFile(foreign, []byte("not ours"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(foreign, []byte("bindery"), ours); err == nil {
		t.Error("a foreign file was replaced")
	}

	// A write into a folder that cannot take it fails without leaving a
	// temporary file or touching the earlier output.
	if err := Write(filepath.Join(dir, "missing", "x.pdf"), []byte("bindery"), ours); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only book.pdf and theirs.pdf", names)
	}
}
