package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	t.Parallel()
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

// TestWriteRefusesReadOnly checks that a file its owner made read-only is
// neither replaced nor made writable, and that a writable file keeps its
// permission bits when it is replaced. The refusal reads the mode bits, not
// the right to write, so it holds for root too.
func TestWriteRefusesReadOnly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "book.pdf")
	ours := func(b []byte) bool { return strings.Contains(string(b), "bindery") }
	if err := os.WriteFile(path, []byte("bindery released"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := Write(path, []byte("bindery new"), ours)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "chmod u+w") {
		t.Errorf("replacing a read-only file: %v, want ErrReadOnly with a hint", err)
	}
	info, _ := os.Stat(path)
	if got, _ := os.ReadFile(path); string(got) != "bindery released" || info.Mode().Perm() != 0o444 {
		t.Errorf("the read-only file became %q, mode %#o", got, info.Mode().Perm())
	}

	shared := filepath.Join(dir, "shared.pdf")
	if err := os.WriteFile(shared, []byte("bindery"), 0o664); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o664); err != nil { // past the umask
		t.Fatal(err)
	}
	if err := Write(shared, []byte("bindery again"), ours); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(shared); info.Mode().Perm() != 0o664 {
		t.Errorf("replaced file has mode %#o, want 0664 as before", info.Mode().Perm())
	}
}
