// Package outfile writes the files bindery makes: each through a temporary
// file in the same folder, renamed into place, so that a failed write leaves
// neither a truncated file nor a damaged earlier one, and never over a file
// bindery did not write.
package outfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotOurs is returned when an output path holds a file bindery did not
// write; bindery never overwrites such a file.
var ErrNotOurs = errors.New("refusing to overwrite a file bindery did not write")

// IsOurs returns a check that recognises a file bindery wrote, an EPUB or a PDF:
// a PDF names bindery as its creator in the (uncompressed) document
// information; an EPUB names it in the package document's generator meta.
func IsOurs(epub bool) func([]byte) bool {
	marker := []byte("bindery")
	if !epub {
		return func(existing []byte) bool { return bytes.Contains(existing, marker) }
	}
	return func(existing []byte) bool {
		zr, err := zip.NewReader(bytes.NewReader(existing), int64(len(existing)))
		if err != nil {
			return false
		}
		for _, f := range zr.File {
			if !strings.HasSuffix(f.Name, ".opf") {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				return false
			}
			opf, err := io.ReadAll(io.LimitReader(rc, 1<<20))
			rc.Close()
			return err == nil && bytes.Contains(opf, marker)
		}
		return false
	}
}

// Write writes data to path through a temporary file in the same
// folder, renamed into place: a failed write leaves neither a truncated file
// nor a damaged earlier one. An existing file is replaced only when ours
// recognises it as a file bindery wrote.
func Write(path string, data []byte, ours func([]byte) bool) error {
	if old, err := os.ReadFile(path); err == nil {
		if ours != nil && !ours(old) {
			return fmt.Errorf("%s: %w (move it away or choose another -o folder)", path, ErrNotOurs)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
