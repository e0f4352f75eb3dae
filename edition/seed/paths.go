package seed

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrOutsideSeed is wrapped by every error for a path that would leave its
// seed folder: an absolute path, a path that climbs out with "..", or a
// symbolic link whose target lies outside. A seed is a self-contained folder
// that can be copied, archived and built anywhere; a manifest that reached
// outside it would build differently on another machine, and a shared seed
// could read any file its builder can.
var ErrOutsideSeed = errors.New("path leaves the seed folder")

// ResolveInSeed returns the path of rel, a slash-separated path written in a
// manifest or a source, joined to seedDir, after checking that it stays inside
// seedDir. It refuses absolute paths, paths that climb out with "..", and
// existing files reached through a symbolic link that resolves outside the
// seed folder (all wrapping ErrOutsideSeed). A file that does not exist is
// returned with an error wrapping fs.ErrNotExist, so callers can say "not
// found" rather than "outside". The returned path is seedDir-relative as the
// user wrote it (not the symlink target), so messages read naturally.
func ResolveInSeed(seedDir, rel string) (string, error) {
	if strings.TrimSpace(rel) == "" {
		return "", errors.New("empty path")
	}
	if strings.ContainsRune(rel, 0) {
		return "", fmt.Errorf("path %q contains a NUL byte", rel)
	}
	native := filepath.FromSlash(rel)
	// A leading slash or backslash is absolute to a reader on any system,
	// even where filepath.IsAbs would call "\x" relative (Windows).
	if filepath.IsAbs(native) || filepath.VolumeName(native) != "" ||
		strings.HasPrefix(rel, "/") || strings.HasPrefix(rel, `\`) {
		return "", fmt.Errorf("%q is an absolute path: %w", rel, ErrOutsideSeed)
	}
	clean := filepath.Clean(native)
	if clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%q climbs out with \"..\": %w", rel, ErrOutsideSeed)
	}
	joined := filepath.Join(seedDir, clean)

	root, err := filepath.EvalSymlinks(seedDir)
	if err != nil {
		return "", fmt.Errorf("seed folder: %w", err)
	}
	real, err := filepath.EvalSymlinks(joined)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			// A dangling link is reported as missing: there is nothing to
			// read, so nothing can leak.
			return joined, fmt.Errorf("%q: %w", rel, fs.ErrNotExist)
		}
		return joined, fmt.Errorf("%q: %w", rel, err)
	}
	if !insideDir(root, real) {
		return "", fmt.Errorf("%q is a symbolic link that resolves outside the seed folder: %w", rel, ErrOutsideSeed)
	}
	return joined, nil
}

// insideDir reports whether path lies inside (or is) root; both are absolute or
// both relative to the same directory, with symbolic links resolved.
func insideDir(root, path string) bool {
	absRoot, err1 := filepath.Abs(root)
	absPath, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return false
	}
	r, err := filepath.Rel(absRoot, absPath)
	if err != nil {
		return false
	}
	return r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}

// IsRegularFile reports whether path names an existing file (after links)
// that is not a directory.
func IsRegularFile(path string) (bool, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	return fi.Mode().IsRegular(), nil
}
