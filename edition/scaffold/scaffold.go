// Package scaffold makes new seed folders: a commented manifest and a stub
// introduction for "bindery new", and for "bindery import" the source copied
// byte for byte with what the readers recognised in it (title, creators,
// date, language) filled in and marked for the editor to check.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/archive"
	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/markdown"
	"github.com/bindery-editions/bindery/edition/media"
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

// Result is what Create made and, for an import, what the reader decided:
// the changes it made to the text (left out, moved, made a heading or a
// note) with their line ranges, the encoding it read, and its warnings,
// for the command line to report.
type Result struct {
	Files    []string
	Source   *model.Source // nil for bindery new
	Guessed  []string      // manifest keys whose values are guesses, marked CHECK
	Warnings []model.Warning
}

// Create makes a seed folder: a commented manifest, a stub introduction
// and, for an import, the source copied byte for byte. What the reader
// recognised fills the manifest, each guess marked "# CHECK" for the
// editor to confirm.
func Create(opts Options) (Result, error) {
	var res Result
	if !seed.ValidSlug(opts.Slug) {
		return res, fmt.Errorf("%q is not a usable slug: use lower-case letters, digits and hyphens, e.g. %q", opts.Slug, seed.Slugify(opts.Slug))
	}
	if entries, err := os.ReadDir(opts.Dir); err == nil && len(entries) > 0 {
		return res, fmt.Errorf("%s: folder exists and is not empty; choose another with -o", opts.Dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return res, err
	}

	found := inferred{Title: opts.Slug, Language: "en", guessed: map[string]bool{}}
	sourceFile := "source.md"
	source := []byte(stubSource)
	if opts.SourceName != "" {
		if seed.FormatOf(opts.SourceName) != seed.FormatMarkdown {
			sourceFile = "source.txt"
		}
		source = opts.SourceData
		src, err := read(opts.SourceName, opts.SourceData)
		if err != nil {
			return res, err
		}
		found = infer(opts.SourceName, opts.SourceData, src)
		res.Source, res.Warnings = src, src.Warnings
		for _, k := range []string{"title", "subtitle", "creators", "language", "year", "date", "publisher", "place"} {
			if found.guessed[k] {
				res.Guessed = append(res.Guessed, k)
			}
		}
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return res, err
	}
	files := []companion{
		{seed.ManifestName, manifestTemplate(opts, found, sourceFile)},
		{"introduction.md", []byte(stubIntroduction(found.Language))},
		{sourceFile, source},
	}
	if res.Source != nil {
		beside, warns := companions(opts.SourceName, res.Source)
		res.Warnings = append(res.Warnings, warns...)
		for _, c := range beside {
			if slices.ContainsFunc(files, func(f companion) bool { return f.name == c.name }) {
				res.Warnings = append(res.Warnings, model.Warning{File: opts.SourceName, Message: fmt.Sprintf("%s not copied into the seed: the seed's own file has that name; rename it beside the source", c.name)})
				continue
			}
			files = append(files, c)
		}
	}
	for _, f := range files {
		path := filepath.Join(opts.Dir, f.name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return res, err
		}
		if err := outfile.Write(path, f.data, nil); err != nil {
			return res, err
		}
		res.Files = append(res.Files, path)
	}
	return res, nil
}

// companion is a file of the new seed: one bindery writes, or one a
// source names beside it, copied under the same relative name.
type companion struct {
	name string // relative to the seed folder, in the platform's form
	data []byte
}

// companions reads the files a source names relative to itself: its
// figures' images and the bibliography its front matter names. The seed
// holds the source under a new name but in the same relation to them, so
// an imported book keeps its pictures and citations rather than building
// with alt text in their place. One that cannot be read is a warning now,
// naming the line, as the build would give it later.
func companions(sourceName string, src *model.Source) ([]companion, []model.Warning) {
	dir := filepath.Dir(sourceName)
	images, warns := media.Figures(sourceName, dir, src.Sections, src.Notes)
	var out []companion
	for _, name := range slices.Sorted(maps.Keys(images)) {
		rel := name
		if u, err := url.Parse(name); err == nil && u.Path != "" {
			rel = u.Path // "my%20map.png" is the file my map.png
		}
		out = append(out, companion{filepath.FromSlash(path.Clean(rel)), images[name].Data})
	}
	if bib := src.Front.Bibliography; bib != "" {
		full, err := seed.ResolveInSeed(dir, bib)
		var data []byte
		if err == nil {
			data, err = os.ReadFile(full)
		}
		if err != nil {
			warns = append(warns, model.Warning{File: sourceName, Message: fmt.Sprintf("bibliography %q not copied into the seed (%v): copy it beside the source there", bib, err)})
		} else {
			out = append(out, companion{filepath.FromSlash(path.Clean(filepath.ToSlash(bib))), data})
		}
	}
	return out, warns
}

// read reads a source with the reader its format calls for.
func read(name string, data []byte) (*model.Source, error) {
	if seed.FormatOf(name) == seed.FormatMarkdown {
		return markdown.Read(name, data)
	}
	return archive.Read(name, data)
}

// Report lists the reader's decisions that changed the text, a sentence
// for each kind with its line ranges, and the encoding read when it is
// not UTF-8: what bindery import prints.
func Report(src *model.Source) []string {
	var out []string
	if e := src.Encoding; e.Name != "" && e.Name != "UTF-8" && e.Name != "US-ASCII" {
		how := "detected, confidence " + strconv.FormatFloat(e.Confidence, 'f', 2, 64)
		if e.Declared {
			how = "as the file declares"
		}
		out = append(out, fmt.Sprintf("read as %s (%s); the copy in the seed is unchanged", e.Name, how))
	}
	received := make([]string, len(src.Trailer))
	for i := range src.Trailer {
		received[i] = model.PlainText(src.Trailer[i].Inlines)
	}
	// The Note on the Text's own sentences, in English, the language the
	// command speaks: one wording of each decision.
	return append(out, apparatus.ChangeStatements(locale.Book("en", nil), src, true, received)...)
}

// manifestTemplate writes the manifest with every key import could fill,
// guesses marked CHECK.
func manifestTemplate(opts Options, f inferred, sourceFile string) []byte {
	check := func(key string) string {
		switch {
		case key == "title" && f.titleFromFile:
			return "  # CHECK: from the file's name; the text names no title"
		case f.guessed[key]:
			return "  # CHECK: guessed by bindery import"
		case key == "title" && opts.SourceName == "":
			// bindery new titles the book by its slug: a placeholder.
			return "  # CHECK: fill in"
		}
		return ""
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `# The book's manifest: metadata and edition settings for bindery.
# Values marked CHECK were guessed from the source text or are
# placeholders: confirm them before publishing. Paths are relative to this
# folder. See the README's manifest reference for every key.
slug: %s
title: %s%s
`, opts.Slug, yamlString(f.Title), check("title"))
	if f.Subtitle != "" {
		fmt.Fprintf(&b, "subtitle: %s%s\n", yamlString(f.Subtitle), check("subtitle"))
	}
	b.WriteString("creators:\n")
	if len(f.Creators) == 0 {
		b.WriteString("  - name: \"Unknown\"  # CHECK: fill in\n    role: aut         # MARC relator: aut author, edt editor, trl translator\n")
	}
	for i, c := range f.Creators {
		guess := ""
		if c.guessed {
			guess = "  # CHECK: guessed by bindery import"
		}
		fmt.Fprintf(&b, "  - name: %s%s\n    role: %s", yamlString(c.Name), guess, c.Role)
		if i == 0 {
			b.WriteString("         # MARC relator: aut author, edt editor, trl translator")
		}
		b.WriteString("\n")
	}
	lang, langCheck := f.Language, check("language")
	if lang == "" {
		lang, langCheck = "en", "  # CHECK: fill in"
	} else if f.languageFromDetection {
		langCheck = fmt.Sprintf("  # CHECK: detected from the text (confidence %.2f)", f.languageDetectionScore)
	}
	fmt.Fprintf(&b, `language: %s%s
description: %s%s
subjects: []

original:             # the publication this edition reproduces
  publisher: %s%s
  place: %s%s
  year: %s%s
  date: %s%s   # the document's own date, YYYY-MM-DD

edition:
  publisher: ""       # this edition's publisher
  date: %s     # this edition's date; also the build timestamp
  rights: %s          # e.g. "Public domain. Editorial matter CC BY-SA 4.0."
  source: ""          # where the copy-text comes from, in a sentence
  source-url: %s
  retrieved: %s  # when the copy-text was taken: YYYY-MM-DD, or unrecorded
  trim: %s        # print trim: %s

text:
  file: %s
  # headings: []      # editorial headings for untitled parts, in order

introduction: introduction.md
# emendations: emendations.yaml
# notes: notes.yaml
# kept: kept.yaml     # readings kept on purpose, listed in the Note on the Text
`, lang, langCheck, yamlString(f.Description), descriptionHint(f.Description),
		yamlString(f.Publisher), check("publisher"), yamlString(f.Place), check("place"),
		yamlString(f.Year), check("year"), yamlString(f.Date), check("date"),
		opts.Date, yamlString(f.Rights), sourceURL(f.SourceURL), "unrecorded",
		layout.DefaultTrim, strings.Join(layout.TrimNames(), ", "), sourceFile)
	return b.Bytes()
}

func descriptionHint(d string) string {
	if d != "" {
		return ""
	}
	return "       # one or two neutral sentences for catalogues"
}

// sourceURL is the manifest value of edition.source-url: the address the
// import found in the text, to be checked, or none.
func sourceURL(url string) string {
	if url == "" {
		return `""      # the Web address the copy-text was taken from`
	}
	return yamlString(url) + "  # CHECK: found in the text by bindery import"
}

func yamlString(s string) string { return strconv.Quote(s) }

// stubIntroduction is the introduction Create leaves for the editor: a
// comment saying what belongs there, for the editor, and a placeholder
// sentence in the book's language, as the edition would print it.
func stubIntroduction(language string) string {
	return introductionComment + locale.Book(language, nil).T(locale.IntroductionPlaceholder) + "\n"
}

const introductionComment = `<!-- The editorial introduction: who made the document, when and why, what
followed, the people and terms a reader today will not know, and a note on
this edition's text. Factual and neutral, with its sources named at the end. -->

`

const stubSource = `---
title: Untitled
---

# Untitled

Replace this file with the source text, or import one with bindery import.
`
