package seed

import (
	"path/filepath"
	"strings"
)

// The formats a source text can be in (text.format).
const (
	FormatArchive  = "archive"  // plain text as an online archive publishes it
	FormatMarkdown = "markdown" // Markdown, as pandoc reads it
)

// FormatOf returns the format a source file's name says it is in, or "" when
// its extension says nothing. It is the one place a format is read from a
// file name: the manifest's default, the lint and the import all ask it.
func FormatOf(file string) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".txt", ".text":
		return FormatArchive
	case ".md", ".markdown":
		return FormatMarkdown
	}
	return ""
}
