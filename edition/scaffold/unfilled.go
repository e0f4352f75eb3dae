package scaffold

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

// checkMark opens the comment Create writes after a manifest value that is a
// placeholder or a guess ("# CHECK: fill in", "# CHECK: recognised by
// bindery import"); Unfilled finds it again.
const checkMark = "CHECK"

// stubMarks are sentences of the stub files Create writes, which a finished
// seed no longer holds: the introduction's placeholder in each language
// it may be written in, and the stub source's.
var stubMarks = func() []string {
	var marks []string
	for _, lang := range locale.Languages() {
		marks = append(marks, locale.Book(lang, nil).T(locale.IntroductionPlaceholder))
	}
	return append(marks, "Replace this file with the source text")
}()

// Unfilled finds what Create left for the editor to do in a seed: each
// manifest value still marked "# CHECK", and a stub introduction or source
// text never replaced. A build warns of each, and refuses them with
// --strict, so that no book goes out with "Unknown" for its author.
func Unfilled(m *seed.Manifest) []model.Warning {
	var warns []model.Warning
	if data, err := os.ReadFile(m.File()); err == nil {
		warns = append(warns, checkMarks(m.File(), data)...)
	}
	for _, rel := range []string{m.Introduction, m.Text.File} {
		if rel == "" {
			continue
		}
		path, err := m.Resolve(rel)
		if err != nil {
			continue // the manifest's own checks report it
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		for _, mark := range stubMarks {
			if i := bytes.Index(data, []byte(mark)); i >= 0 {
				line := bytes.Count(data[:i], []byte("\n")) + 1
				warns = append(warns, model.Warning{File: path, Line: line, Col: 1,
					Message: "still the placeholder bindery wrote (" + mark + "…): replace it before publishing"})
			}
		}
	}
	return warns
}

// checkMarks returns a warning for each line of a manifest whose value is
// followed by a "# CHECK" comment, located at the value.
func checkMarks(file string, data []byte) []model.Warning {
	var warns []model.Warning
	for n, line := range strings.Split(string(data), "\n") {
		hash := commentStart(line)
		if hash < 0 {
			continue
		}
		comment := strings.TrimSpace(line[hash+1:])
		if !strings.HasPrefix(comment, checkMark) {
			continue
		}
		entry := strings.TrimSpace(line[:hash])
		if entry == "" {
			continue // a comment on a line of its own marks no value
		}
		key, value, _ := strings.Cut(strings.TrimPrefix(entry, "- "), ":")
		col := utf8.RuneCountInString(line[:strings.Index(line, entry)]) + 1
		if i := strings.Index(line, value); value != "" && i >= 0 {
			col = utf8.RuneCountInString(line[:i+len(value)-len(strings.TrimLeft(value, " "))]) + 1
		}
		warns = append(warns, model.Warning{File: file, Line: n + 1, Col: col,
			Message: fmt.Sprintf("%s: %s is marked %q: confirm or correct it, then delete the comment", strings.TrimSpace(key), strings.TrimSpace(value), "# "+comment)})
	}
	return warns
}

// commentStart returns the index of the '#' that opens a YAML comment on
// line (at its start or after white space, outside quotes), or -1.
func commentStart(line string) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' {
				i++
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return i
		}
	}
	return -1
}
