// Package outfile writes the files bindery makes: each through a temporary
// file in the same folder, renamed into place, so that a failed write leaves
// neither a truncated file nor a damaged earlier one, and never over a file
// bindery did not write or one its owner made read-only.
package outfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotOurs is returned when an output path holds a file bindery did not
// write; bindery never overwrites such a file.
var ErrNotOurs = errors.New("refusing to overwrite a file bindery did not write")

// ErrReadOnly is returned when an output path holds a file without write
// permission: its owner protected it (a released edition, say), and a rename
// over it would replace it silently.
var ErrReadOnly = errors.New("refusing to replace a read-only file")

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

// Check reports whether path may be written: it does not exist, or it is a
// writable file that ours (when not nil) recognises as a file bindery
// wrote. It also returns the permission bits a replacement keeps. A build
// checks every output before writing the first, so a refusal leaves all of
// them as they were.
func Check(path string, ours func([]byte) bool) (fs.FileMode, error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0o644, nil
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if info.IsDir() {
		return 0, fmt.Errorf("%s: is a folder, where an output file would go (remove it or choose another -o)", path)
	}
	if info.Mode().Perm()&0o200 == 0 {
		return 0, fmt.Errorf("%s: %w (mode %#o; to rebuild it, chmod u+w it first, or choose another -o)", path, ErrReadOnly, info.Mode().Perm())
	}
	if ours != nil {
		old, err := os.ReadFile(path)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", path, err)
		}
		if !ours(old) {
			return 0, fmt.Errorf("%s: %w (move it away or choose another -o folder)", path, ErrNotOurs)
		}
	}
	return info.Mode().Perm(), nil
}

// Write writes data to path through a temporary file in the same
// folder, renamed into place: a failed write leaves neither a truncated file
// nor a damaged earlier one. An existing file is replaced only when it is
// writable and ours recognises it as a file bindery wrote; the replacement
// keeps its permission bits.
func Write(path string, data []byte, ours func([]byte) bool) error {
	mode, err := Check(path, ours)
	if err != nil {
		return err
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
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
