package seed

import (
	"path/filepath"
	"strings"
)

// ValidSlug reports whether s can be a seed's slug, the stem of its output
// files: letters, digits, "-", "_" and ".", not starting with "." (a hidden
// file) and at most 200 bytes, so that "<slug>-cover.pdf" is a file name on
// every system.
func ValidSlug(s string) bool {
	if s == "" || s[0] == '.' || len(s) > 200 {
		return false
	}
	for _, r := range s {
		ok := r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !ok {
			return false
		}
	}
	return true
}

// Slugify makes a slug from a title or file name: lower-case letters and
// digits, every other run of characters one hyphen.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

// DefaultSlug is the slug of a seed whose manifest names none: its folder's
// name, or that name made into a slug when it cannot be one as it is.
func DefaultSlug(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	name := filepath.Base(abs)
	if ValidSlug(name) {
		return name
	}
	if s := Slugify(name); s != "" {
		return s
	}
	return "book"
}
