package epubcheck

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// TestRunFindsProblems checks that a broken EPUB is reported, so that a
// pass means something.
func TestRunFindsProblems(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs EPUBCheck: skipped with -short")
	}
	cmd, _ := checker()
	if cmd == nil {
		t.Skip("EPUBCheck not found")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("mimetype")
	w.Write([]byte("application/epub+zip"))
	zw.Close()
	found, _, err := run(cmd, buf.Bytes(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(found) == 0 || !strings.Contains(strings.Join(found, "\n"), "ERROR") && !strings.Contains(strings.Join(found, "\n"), "FATAL") {
		t.Errorf("an EPUB with nothing but its mimetype passed: %q", found)
	}
}
