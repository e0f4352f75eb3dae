package epubcheck

import (
	"archive/zip"
	"bytes"
	"errors"
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
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("mimetype")
	w.Write([]byte("application/epub+zip"))
	zw.Close()
	found, err := Problems(buf.Bytes(), t.TempDir())
	if errors.Is(err, ErrMissing) {
		t.Skip("EPUBCheck not found")
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(found) == 0 || !strings.Contains(strings.Join(found, "\n"), "ERROR") && !strings.Contains(strings.Join(found, "\n"), "FATAL") {
		t.Errorf("an EPUB with nothing but its mimetype passed: %q", found)
	}
}
