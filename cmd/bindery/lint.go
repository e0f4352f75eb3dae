package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/archive"
	"github.com/bindery-editions/bindery/edition/decode"
	"github.com/bindery-editions/bindery/edition/lint"
	"github.com/bindery-editions/bindery/edition/markdown"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

var lintCommand = &command{
	name:    "lint",
	args:    "PATH",
	summary: "report likely scanning errors and damage in an archive text",
	about: `Report likely scanning errors and damage in an archive text: digits inside
words, look-alike letters (modem for modern, hot for not), stray punctuation
and quotation marks, unbalanced guillemets, doubled words, paragraphs broken
in mid-sentence, runs of no-break spaces, capitals in mid-sentence, years
later than the document's own date.

PATH is a book folder (its manifest's text file is linted, and the
corrections already recorded in its emendations file are not reported
again) or a text file: archive plain text, whose licence headers and
navigation are skipped, or Markdown, whose text is linted, not its markup.
Findings are listed most certain first.

Each finding is printed as FILE:LINE:COL: kind: message (suggestion), the
column counted in characters.

Exit status: 0 when nothing was found, 1 when something was, 2 on a usage
or input error.`,
	define: func(fs *flag.FlagSet) {
		fs.Bool("json", false, "print the findings as a JSON array")
	},
	run:      runLint,
	complete: "file",
}

// runLint runs `bindery lint`: args are the arguments after "lint". It
// prints findings to stdout and problems to stderr, and returns the exit
// status.
func runLint(c *cli, cmd *command, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fset := cmd.flagSet()
	rest, code := c.parse(cmd, fset, args)
	if code >= 0 {
		return code
	}
	asJSON := fset.Lookup("json").Value.(flag.Getter).Get().(bool)
	if len(rest) != 1 {
		return c.usageError(cmd, "want one PATH, a seed folder or a text file")
	}
	file, known, err := lintTarget(rest[0])
	if err != nil {
		fmt.Fprintf(stderr, "bindery lint: %v\n", err)
		return 2
	}
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "bindery lint: %v\n", err)
		return 2
	}
	findings := lint.Check(file, lintableText(file, data), known)
	if asJSON {
		if findings == nil {
			findings = []lint.Finding{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(findings); err != nil {
			fmt.Fprintf(stderr, "bindery lint: %v\n", err)
			return 2
		}
	} else {
		for _, f := range findings {
			fmt.Fprintln(stdout, f)
		}
	}
	if len(findings) > 0 {
		return 1
	}
	return 0
}

// lintableText is the text the lint reads, line for line as in the file:
// an archive text in UTF-8 with the lines its reader leaves out (licence
// headers, navigation) blanked, so that boilerplate is not linted; a
// Markdown file as the text of its blocks, each at its own line, so that
// the markup is not linted. A file the readers refuse is linted as it is.
func lintableText(file string, data []byte) []byte {
	if seed.FormatOf(file) == seed.FormatMarkdown {
		src, err := markdown.Read(file, data)
		if err != nil {
			return data
		}
		lines := make([]string, bytes.Count(data, []byte("\n"))+1)
		var walk func(bs []model.Block)
		walk = func(bs []model.Block) {
			for _, b := range bs {
				if b.Line > 0 && b.Line <= len(lines) && len(b.Children) == 0 {
					lines[b.Line-1] = model.PlainText(b.Inlines)
				}
				walk(b.Children)
			}
		}
		for _, sec := range src.Sections {
			walk(sec.Blocks)
		}
		walk(src.Notes)
		return []byte(strings.Join(lines, "\n"))
	}
	d, err := decode.Read(file, data)
	if err != nil {
		return data
	}
	src, err := archive.Read(file, data)
	if err != nil {
		return []byte(d.Text)
	}
	lines := strings.Split(d.Text, "\n")
	for _, x := range src.Dropped {
		if x.Line >= 1 && x.Line <= len(lines) {
			lines[x.Line-1] = ""
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// lintTarget resolves PATH to the text file to lint and the emendations
// already recorded for it. A seed folder's text is the manifest's text file;
// without a manifest, its source.txt or its only .txt file.
func lintTarget(path string) (file string, known []apparatus.Emendation, err error) {
	info, err := os.Stat(path)
	if err != nil {
		return "", nil, err
	}
	if !info.IsDir() {
		return path, nil, nil
	}
	m, err := seed.LoadManifest(path)
	switch {
	case err == nil:
		if m.Text.File == "" {
			return "", nil, fmt.Errorf("%s: the manifest names no text file", m.File())
		}
		if file, err = m.Resolve(m.Text.File); err != nil {
			return "", nil, fmt.Errorf("%s: text.file: %w", m.File(), err)
		}
		if m.Emendations != "" {
			emFile, err := m.Resolve(m.Emendations)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", nil, fmt.Errorf("%s: emendations: %w", m.File(), err)
			}
			if err == nil {
				if known, err = apparatus.LoadEmendations(emFile); err != nil {
					return "", nil, err
				}
			}
		}
		return file, known, nil
	case errors.Is(err, fs.ErrNotExist):
		// No manifest: a folder holding one text.
		if _, err := os.Stat(filepath.Join(path, "source.txt")); err == nil {
			return filepath.Join(path, "source.txt"), nil, nil
		}
		txts, _ := filepath.Glob(filepath.Join(path, "*.txt"))
		if len(txts) == 1 {
			return txts[0], nil, nil
		}
		return "", nil, fmt.Errorf("%s: no manifest, and no single .txt file to lint", path)
	default:
		return "", nil, err
	}
}
