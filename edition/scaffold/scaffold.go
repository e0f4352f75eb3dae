// Package scaffold makes new seed folders: a commented manifest and a stub
// introduction for "bindery new", and for "bindery import" the source copied
// byte for byte with what the readers recognised in it (title, creators,
// date, language) filled in and marked for the editor to check.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/bindery-editions/bindery/edition/archive"
	"github.com/bindery-editions/bindery/edition/markdown"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/outfile"
	"github.com/bindery-editions/bindery/edition/seed"

	"github.com/bindery-editions/bindery/layout"
)

// Options describe a new seed folder.
type Options struct {
	Slug string
	Dir  string // the seed folder to create; must not exist or be empty
	Date string // this edition's date, YYYY-MM-DD

	// SourceName and SourceData, when set, are the source text to copy
	// verbatim into the seed (bindery import); empty makes a stub (bindery new).
	SourceName string
	SourceData []byte
}

// Create makes a seed folder: a commented manifest, a stub
// introduction and, for an import, the source copied byte for byte. What the
// reader recognised (title, creator, date, language) fills the manifest,
// each such value marked for the editor to check. It returns the files it
// wrote.
func Create(opts Options) ([]string, error) {
	if !seed.ValidSlug(opts.Slug) {
		return nil, fmt.Errorf("%q is not a usable slug: use lower-case letters, digits and hyphens, e.g. %q", opts.Slug, seed.Slugify(opts.Slug))
	}
	if entries, err := os.ReadDir(opts.Dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s: folder exists and is not empty; choose another with -o", opts.Dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}

	found := recognised{Title: opts.Slug, Language: "en"}
	sourceFile := "source.md"
	source := []byte(stubSource)
	if opts.SourceName != "" {
		if seed.FormatOf(opts.SourceName) != seed.FormatMarkdown {
			sourceFile = "source.txt"
		}
		source = opts.SourceData
		var err error
		if found, err = recognise(opts.SourceName, opts.SourceData); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, err
	}
	files := []struct {
		name string
		data []byte
	}{
		{seed.ManifestName, manifestTemplate(opts, found, sourceFile)},
		{"introduction.md", []byte(stubIntroduction)},
		{sourceFile, source},
	}
	var written []string
	for _, f := range files {
		path := filepath.Join(opts.Dir, f.name)
		if err := outfile.Write(path, f.data, nil); err != nil {
			return written, err
		}
		written = append(written, path)
	}
	return written, nil
}

// recognised is what import could tell about a text; Checked fields were
// guessed and must be confirmed by the editor.
type recognised struct {
	Title, Subtitle, Creator, Date, Language string
	Guessed                                  bool
}

var yearInText = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\b`)

func recognise(name string, data []byte) (recognised, error) {
	r := recognised{Language: "en", Guessed: true}
	var src *model.Source
	var err error
	if seed.FormatOf(name) == seed.FormatMarkdown {
		src, err = markdown.Read(name, data)
	} else {
		src, err = archive.Read(name, data)
	}
	if err != nil {
		return r, err
	}
	if src.Front.Title != "" {
		r.Title, r.Subtitle, r.Date = src.Front.Title, src.Front.Subtitle, src.Front.Date
		if len(src.Front.Authors) > 0 {
			r.Creator = strings.Join(src.Front.Authors, "; ")
		}
		if src.Front.Language != "" {
			r.Language = src.Front.Language
		}
	}
	if r.Title == "" && len(src.Title) > 0 {
		r.Title = src.Title[0]
		if len(src.Title) > 1 {
			r.Subtitle = strings.Join(src.Title[1:], " ")
		}
	}
	if r.Title == "" {
		r.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	// The last signature of the text is usually its author.
	for _, s := range src.Sections {
		for _, b := range s.Blocks {
			switch b.Kind {
			case model.Signature:
				if r.Creator == "" {
					r.Creator = model.PlainText(b.Inlines)
				}
			case model.Dateline:
				if r.Date == "" {
					r.Date = yearInText.FindString(model.PlainText(b.Inlines))
				}
			}
		}
	}
	if r.Date == "" {
		for _, l := range src.Imprint {
			if y := yearInText.FindString(l); y != "" {
				r.Date = y
			}
		}
	}
	return r, nil
}

func manifestTemplate(opts Options, r recognised, sourceFile string) []byte {
	check := ""
	if r.Guessed {
		check = "  # CHECK: recognised by bindery import"
	}
	creator := r.Creator
	if creator == "" {
		creator = "Unknown"
		check = "  # CHECK: fill in"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `# The book's manifest: metadata and edition settings for bindery.
# Values marked CHECK were recognised from the source text or are
# placeholders: confirm them before publishing. Paths are relative to this
# folder. See the README's manifest reference for every key.
slug: %s
title: %s%s
`, opts.Slug, yamlString(r.Title), check)
	if r.Subtitle != "" {
		fmt.Fprintf(&b, "subtitle: %s%s\n", yamlString(r.Subtitle), check)
	}
	fmt.Fprintf(&b, `creators:
  - name: %s%s
    role: aut         # MARC relator: aut author, edt editor, trl translator
language: %s%s
description: ""       # one or two neutral sentences for catalogues
subjects: []

original:             # the publication this edition reproduces
  publisher: ""
  place: ""
  year: %s
  date: ""            # the document's own date, YYYY-MM-DD

edition:
  publisher: ""       # this edition's publisher
  date: %s     # this edition's date; also the build timestamp
  rights: ""          # e.g. "Public domain. Editorial matter CC BY-SA 4.0."
  source: ""          # where the copy-text comes from
  # source-url: ""    # the Web address the copy-text was taken from
  # retrieved: ""     # when: YYYY-MM-DD, or unrecorded
  trim: %s        # print trim: %s

text:
  file: %s
  # headings: []      # editorial headings for untitled parts, in order

introduction: introduction.md
# emendations: emendations.yaml
# notes: notes.yaml
# kept: kept.yaml     # readings kept on purpose, listed in the Note on the Text
`, yamlString(creator), check, r.Language, check, yamlString(yearOnly(r.Date)), opts.Date, layout.DefaultTrim, strings.Join(layout.TrimNames(), ", "), sourceFile)
	return b.Bytes()
}

func yearOnly(date string) string { return yearInText.FindString(date) }

func yamlString(s string) string { return strconv.Quote(s) }

const stubIntroduction = `<!-- The editorial introduction: who made the document, when and why, what
followed, the people and terms a reader today will not know, and a note on
this edition's text. Factual and neutral, with its sources named at the end. -->

This introduction is still to be written.
`

const stubSource = `---
title: Untitled
---

# Untitled

Replace this file with the source text, or import one with bindery import.
`
