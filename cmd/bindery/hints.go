package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/bindery-editions/bindery/edition/outfile"
)

// errorHint returns what to do about an error of the system's (a folder
// that may not be written, a full disk), as a line to print after it, or
// "" when the message says enough.
func errorHint(err error) string {
	switch {
	case errors.Is(err, outfile.ErrReadOnly), errors.Is(err, outfile.ErrNotOurs):
		return "" // their messages say what to do
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "\nhint: the disk (or your quota) is full: free some space, or write elsewhere with -o; files already there were not changed"
	case errors.Is(err, syscall.EROFS):
		return "\nhint: that file system is mounted read-only: write elsewhere with -o"
	case errors.Is(err, fs.ErrPermission):
		where := "the output folder"
		var pe *fs.PathError
		if errors.As(err, &pe) {
			where = filepath.Dir(pe.Path)
		}
		return "\nhint: you may not write in " + where + ": check its permissions (ls -ld " + where + "), or write elsewhere with -o"
	}
	return ""
}

// pathHint returns a hint for a path that was not found, when it looks
// like one written for another system: "seeds\mybook" names a folder with
// a backslash in its name everywhere but on Windows.
func pathHint(path string) string {
	if filepath.Separator == '/' && strings.Contains(path, `\`) {
		fixed := strings.ReplaceAll(path, `\`, "/")
		if _, err := os.Stat(fixed); err == nil {
			return " (hint: folders are separated by / here: " + fixed + ")"
		}
		return " (hint: folders are separated by / here, not \\)"
	}
	return ""
}
