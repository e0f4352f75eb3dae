package edition

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/layout/document"
)

// place is where a block was written: its file and first line.
type place struct {
	file string
	line int
}

// blockPlaces maps the ID of every block of the text and the
// introduction to where it was written.
func blockPlaces(book *Book, dir string) map[string]place {
	where := map[string]place{}
	var walk func(file string, bs []model.Block)
	walk = func(file string, bs []model.Block) {
		for _, b := range bs {
			if b.ID != "" && b.Line > 0 {
				where[b.ID] = place{file, b.Line}
			}
			walk(file, b.Children)
		}
	}
	m := book.Manifest
	for _, s := range book.Edition.Body {
		walk(filepath.Join(dir, m.Text.File), s.Blocks)
	}
	for _, s := range book.Edition.Front {
		if s.Role == model.RoleIntroduction {
			walk(filepath.Join(dir, m.Introduction), s.Blocks)
		}
	}
	return where
}

// wideTableWarnings warns of each table the print edition set wider than
// its measure (document.Result.WideTables), at the line it was written.
func wideTableWarnings(book *Book, dir string, tables []document.WideTable) []model.Warning {
	if len(tables) == 0 {
		return nil
	}
	where := blockPlaces(book, dir)
	var out []model.Warning
	for _, t := range tables {
		msg := "a table too wide to set legibly: its columns do not fit the page's measure even at 7pt, so the print edition sets it into the margins rather than break its numbers; split it, or make it a list"
		if t.Broken {
			msg = "a table too wide to set legibly: its columns do not fit the page even at 7pt and over the margins, so the print edition breaks the longest words of its widest columns; split it, or make it a list"
		}
		p, ok := where[t.BlockID]
		if !ok {
			out = append(out, model.Warning{File: book.Manifest.File(), Message: "block " + t.BlockID + ": " + msg})
			continue
		}
		out = append(out, model.Warning{File: p.file, Line: p.line, Message: msg})
	}
	return out
}

// missingWarnings turns the characters no face of the print edition has
// (document.Result.Missing, by block) into warnings at the file, line and
// column where each was written: a block of the text at its line in the
// text file, of the introduction in its file, anything else at the
// manifest. The column is the character's first place on its block's
// lines.
func missingWarnings(book *Book, dir string, missing []document.MissingChar) []model.Warning {
	if len(missing) == 0 {
		return nil
	}
	where := blockPlaces(book, dir)
	m := book.Manifest
	files := map[string][]string{}
	var out []model.Warning
	// A word in a script the faces lack (Arabic, say) is one warning, not
	// one a letter: the characters found side by side on a line are
	// gathered into the warning of the first.
	var run []rune   // the characters gathered into the last warning
	var first string // the name of the first of them
	gather := func(w model.Warning, r rune) bool {
		n := len(out)
		if n == 0 || len(run) == 0 || w.Line == 0 || out[n-1].File != w.File || out[n-1].Line != w.Line || out[n-1].Col+len(run) != w.Col {
			return false
		}
		run = append(run, r)
		out[n-1].Message = fmt.Sprintf("“%s” (%d characters from %s): no face of the book has them; the print edition sets U+FFFD in their place", string(run), len(run), first)
		return true
	}
	for _, mc := range missing {
		msg := fmt.Sprintf("%s: no face of the book has it; the print edition sets U+FFFD in its place", mc.Name)
		p, ok := where[mc.BlockID]
		if !ok {
			out = append(out, model.Warning{File: m.File(), Message: "block " + mc.BlockID + ": " + msg})
			run = nil
			continue
		}
		lines, ok := files[p.file]
		if !ok {
			data, _ := os.ReadFile(p.file)
			lines = strings.Split(string(data), "\n")
			files[p.file] = lines
		}
		w := model.Warning{File: p.file, Line: p.line, Message: msg}
		for k := p.line - 1; k >= 0 && k < len(lines) && k < p.line+200; k++ {
			if i := strings.IndexRune(lines[k], mc.Rune); i >= 0 {
				w.Line, w.Col = k+1, len([]rune(lines[k][:i]))+1
				break
			}
		}
		if gather(w, mc.Rune) {
			continue
		}
		out = append(out, w)
		run, first = []rune{mc.Rune}, mc.Name
	}
	return out
}
