// Package metadata reads the YAML front matter a Markdown file may open
// with (pandoc's keys: title, subtitle, author, date, lang, publisher,
// rights, description, bibliography), every problem named by file, line
// and column through the seed's YAML parser, and refuses front matter that
// is opened and never closed, which the Markdown parser would take the
// whole document into.
package metadata

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
	"gopkg.in/yaml.v3"
)

// ErrFrontMatter is wrapped by errors in a Markdown file's YAML front matter.
var ErrFrontMatter = errors.New("bad front matter")

// Opening returns the 1-based line of the line of dashes that
// opens front matter, and that line, or 0. It mirrors the front matter
// parser: three or more dashes and nothing else, on the first line the block
// parser sees (go.abhg.dev/goldmark/frontmatter accepts its line index 0 or 1,
// so the opening may follow one blank line).
func Opening(src []byte) (int, []byte) {
	lines := bytes.SplitN(src, []byte("\n"), 3)
	for i := 0; i < len(lines) && i < 2; i++ {
		l := lines[i]
		if len(l) >= 3 && len(bytes.Trim(l, "-")) == 0 {
			return i + 1, l
		}
		if len(bytes.Trim(l, " \t")) != 0 {
			return 0, nil
		}
	}
	return 0, nil
}

// Wrap makes a problem of the YAML in front matter, as the seed's YAML
// parser words it, an ErrFrontMatter too.
func Wrap(err error) error { return yamlError{err} }

// yamlError is a problem of the YAML in front matter that is also an
// ErrFrontMatter.
type yamlError struct{ err error }

func (e yamlError) Error() string   { return e.err.Error() }
func (e yamlError) Unwrap() []error { return []error{e.err, ErrFrontMatter} }

// Body returns the line of the front matter's opening and the
// YAML between it and the closing line (CheckClosed has made
// sure there is one).
func Body(src []byte) (int, []byte) {
	line, open := Opening(src)
	if line == 0 {
		return 0, nil
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	var body []byte
	for _, l := range lines[line:] {
		if bytes.Equal(bytes.TrimRight(l, "\r\n"), open) {
			break
		}
		body = append(body, l...)
	}
	return line, body
}

// CheckClosed refuses a document that opens front matter with a
// line of dashes and never closes it: the front matter parser would swallow
// the whole document.
func CheckClosed(file string, src []byte) error {
	line, open := Opening(src)
	if line == 0 {
		return nil
	}
	rest := bytes.SplitN(src, []byte("\n"), line+1)
	if len(rest) == line+1 {
		for _, l := range bytes.Split(rest[line], []byte("\n")) {
			if bytes.Equal(l, open) {
				return nil
			}
		}
	}
	return fmt.Errorf("%s:%d: front matter opened with %q is never closed; end it with the same line: %w", file, line, open, ErrFrontMatter)
}

// Fill fills f from the YAML front matter of file, as seed.ParseYAML reads
// it (a mapping, or a document holding one). lineOffset is the number of
// file lines before the YAML's first line. It returns warnings for what
// it read but could not keep whole (the dates after the first of a list).
func Fill(f *model.FrontMatter, file string, m *yaml.Node, lineOffset int) ([]model.Warning, error) {
	if m != nil && m.Kind == yaml.DocumentNode {
		if len(m.Content) == 0 {
			return nil, nil
		}
		m = m.Content[0]
	}
	if m == nil || m.Kind == 0 || m.Kind == yaml.ScalarNode && m.Tag == "!!null" {
		return nil, nil
	}
	at := func(n *yaml.Node) string {
		return fmt.Sprintf("%s:%d:%d", file, n.Line+lineOffset, n.Column)
	}
	if m.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: front matter must be keys and values (title: ...), found %s: %w", at(m), seed.DescribeNode(m), ErrFrontMatter)
	}
	var warns []model.Warning
	str := map[string]*string{
		"title": &f.Title, "subtitle": &f.Subtitle, "date": &f.Date,
		"lang": &f.Language, "language": &f.Language, "publisher": &f.Publisher,
		"rights": &f.Rights, "description": &f.Description, "bibliography": &f.Bibliography,
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		key := strings.ToLower(k.Value)
		if key == "author" || key == "authors" {
			names, err := authorNames(v)
			if err != nil {
				return nil, fmt.Errorf("%s: front matter: %s: %v: %w", at(v), k.Value, err, ErrFrontMatter)
			}
			f.Authors = append(f.Authors, names...)
			continue
		}
		dst, ok := str[key]
		if !ok {
			continue // pandoc users write many keys; those not ours are theirs
		}
		// A list of dates (written, then published; a draft and its
		// revision) is a value pandoc takes as it is: the first is the
		// document's date, as the first written; the others are named
		// in a warning, so that none is dropped unsaid.
		if key == "date" && v.Kind == yaml.SequenceNode && len(v.Content) > 0 && allScalars(v.Content) {
			first := v.Content[0]
			for _, d := range v.Content[1:] {
				warns = append(warns, model.Warning{File: file, Line: d.Line + lineOffset, Col: d.Column,
					Message: fmt.Sprintf("front matter: date: %q is left out: the list's first, %q, is taken as the document's date; the manifest's original.date gives the one meant", d.Value, first.Value)})
			}
			v = first
		}
		if v.Kind != yaml.ScalarNode {
			return nil, fmt.Errorf("%s: front matter: %s: expected a string, found %s: %w", at(v), k.Value, seed.DescribeNode(v), ErrFrontMatter)
		}
		if v.Tag != "!!null" {
			*dst = strings.TrimSpace(v.Value)
		}
	}
	return warns, nil
}

// allScalars reports whether every node of ns is a scalar.
func allScalars(ns []*yaml.Node) bool {
	for _, n := range ns {
		if n.Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}

// authorNames reads pandoc's author forms: a string, a list of strings, or a
// list of mappings with a name key (or CSL's given and family keys, as
// pandoc's citation metadata writes a name). A string naming several
// people with semicolons ("Marx; Engels") is read as pandoc reads a title
// block's author line (pandoc's manual, "Extension: pandoc_title_block"):
// one author each, since no one's name holds a semicolon.
func authorNames(v *yaml.Node) ([]string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil, nil
		}
		return splitNames(v.Value), nil
	case yaml.SequenceNode:
		var names []string
		for _, item := range v.Content {
			switch item.Kind {
			case yaml.ScalarNode:
				names = append(names, splitNames(item.Value)...)
			case yaml.MappingNode:
				var name, given, family string
				for i := 0; i+1 < len(item.Content); i += 2 {
					if item.Content[i+1].Kind != yaml.ScalarNode {
						continue
					}
					val := strings.TrimSpace(item.Content[i+1].Value)
					switch item.Content[i].Value {
					case "name", "literal":
						name = val
					case "given":
						given = val
					case "family":
						family = val
					}
				}
				if name == "" {
					name = strings.TrimSpace(given + " " + family)
				}
				if name == "" {
					return nil, fmt.Errorf("line %d: an author entry needs a name", item.Line)
				}
				names = append(names, name)
			default:
				return nil, fmt.Errorf("expected a name, found %s", seed.DescribeNode(item))
			}
		}
		return names, nil
	}
	return nil, fmt.Errorf("expected a name or a list of names, found %s", seed.DescribeNode(v))
}

// splitNames returns the names a string gives, split at its semicolons.
func splitNames(v string) []string {
	var out []string
	for _, n := range strings.Split(v, ";") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
