package seed

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"

	"github.com/bindery-editions/bindery/layout/pagedesign"
)

// validManifest is a complete manifest; the problem tests break one thing in
// it at a time.
const validManifest = `title: A Test Letter
subtitle: To Whom It May Concern
creators:
  - name: A. Writer
    file-as: Writer, A.
language: en
original:
  publisher: The Test Press
  year: 1964
  date: 1964-10-05
edition:
  publisher: Bindery Editions
  date: 2026-01-15
  rights: Public domain.
  trim: a5
text:
  file: source.txt
  headings: [One, {title: Two Long Parts, short-title: Two}]
introduction: introduction.md
notes: notes.yaml
parts: [titlepage, contents, introduction, text, colophon]
`

// writeSeed makes a seed folder named name holding manifest and the files
// the valid manifest names, plus a few the tests refer to.
func writeSeed(t *testing.T, name, manifest string) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, name)
	if err := os.MkdirAll(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		ManifestName:      manifest,
		"source.txt":      "Dear Comrades,\n\nText.\n",
		"source.md":       "# Text\n\nText.\n",
		"source.rtf":      "{\\rtf1 Text.}\n",
		"introduction.md": "An introduction.\n",
		"notes.yaml":      "[]\n",
	}
	for f, content := range files {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "outside.md"), []byte("Outside.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestLoadManifestValid(t *testing.T) {
	dir := writeSeed(t, "test-letter", validManifest)
	m, err := LoadManifest(dir)
	if err != nil {
		t.Fatalf("LoadManifest: %v", err)
	}
	want := Manifest{
		Slug:       "test-letter",
		Title:      "A Test Letter",
		Subtitle:   "To Whom It May Concern",
		Creators:   []model.Creator{{Name: "A. Writer", FileAs: "Writer, A.", Role: "aut"}},
		Language:   "en",
		Identifier: DefaultIdentifier("test-letter"),
		Original:   ManifestOriginal{Publisher: "The Test Press", Year: "1964", Date: "1964-10-05"},
		Edition:    ManifestEdition{Publisher: "Bindery Editions", Date: "2026-01-15", Rights: "Public domain.", Trim: "a5"},
		Text:       ManifestText{File: "source.txt", Format: "archive", Headings: []Heading{{Title: "One"}, {Title: "Two Long Parts", ShortTitle: "Two"}}},

		Introduction: "introduction.md",
		Notes:        "notes.yaml",
		Parts:        []string{"titlepage", "contents", "introduction", "text", "colophon"},
	}
	got := *m
	got.dir, got.yaml = "", nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LoadManifest =\n%+v\nwant\n%+v", got, want)
	}
	if m.Dir() != dir || m.File() != filepath.Join(dir, ManifestName) {
		t.Errorf("Dir, File = %q, %q", m.Dir(), m.File())
	}
	if p, err := m.Resolve("introduction.md"); err != nil || p != filepath.Join(dir, "introduction.md") {
		t.Errorf("Resolve = %q, %v", p, err)
	}
	// ProblemAt points at the value of a key, or its nearest written parent.
	if p := m.ProblemAt("text.headings", "x", ""); p.Line != 18 || p.Col != 13 {
		t.Errorf("ProblemAt(text.headings) at %d:%d, want 18:13", p.Line, p.Col)
	}
	if p := m.ProblemAt("creators[0].role", "x", ""); p.Line != 4 || p.Col != 5 {
		t.Errorf("ProblemAt(creators[0].role) at %d:%d, want 4:5 (the entry)", p.Line, p.Col)
	}
}

// TestLoadManifestStrings reads the manifest's own words for generated
// strings, a plural form included.
func TestLoadManifestStrings(t *testing.T) {
	dir := writeSeed(t, "seed", validManifest+"strings:\n  contents: Inhaltsverzeichnis\n  kept-count.few: \"({n} раза)\"\n")
	m, err := LoadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"contents": "Inhaltsverzeichnis", "kept-count.few": "({n} раза)"}
	if !reflect.DeepEqual(m.Strings, want) {
		t.Errorf("strings = %q, want %q", m.Strings, want)
	}
}

func TestLoadManifestDefaults(t *testing.T) {
	minimal := `title: T
creators: A. Writer
language: sq
text: {file: source.md}
introduction: introduction.md
edition: {date: 2026-01-15}
`
	m, err := LoadManifest(writeSeed(t, "my-seed", minimal))
	if err != nil {
		t.Fatalf("LoadManifest: %v", err)
	}
	if m.Slug != "my-seed" {
		t.Errorf("Slug = %q, want the folder name", m.Slug)
	}
	if !reflect.DeepEqual(m.Parts, PartNames) {
		t.Errorf("Parts = %v, want %v", m.Parts, PartNames)
	}
	if m.Edition.Trim != pagedesign.DefaultTrim {
		t.Errorf("Trim = %q, want %q", m.Edition.Trim, pagedesign.DefaultTrim)
	}
	if m.Text.Format != "markdown" {
		t.Errorf("Format = %q, want markdown from .md", m.Text.Format)
	}
	if want := []model.Creator{{Name: "A. Writer", Role: "aut"}}; !reflect.DeepEqual(m.Creators, want) {
		t.Errorf("Creators = %+v, want %+v", m.Creators, want)
	}
	if m.Identifier != DefaultIdentifier("my-seed") {
		t.Errorf("Identifier = %q, want %q", m.Identifier, DefaultIdentifier("my-seed"))
	}
	// Defaults must not alias the package's list.
	m.Parts[0] = "changed"
	if PartNames[0] != "titlepage" {
		t.Fatal("default parts share storage with PartNames")
	}
}

func TestNameUUID(t *testing.T) {
	// Reference values from Python's uuid.uuid5, an independent
	// implementation of RFC 4122 §4.3.
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	if got, want := nameUUID(dns, "python.org"), "886313e1-3b8a-5372-9b90-0c9aee199e5d"; got != want {
		t.Errorf("nameUUID(DNS, python.org) = %s, want %s", got, want)
	}
	if got, want := DefaultIdentifier("open-letter-1964"), "urn:uuid:462d94a9-0681-5a8c-a5f0-8f72b75269bc"; got != want {
		t.Errorf("DefaultIdentifier(open-letter-1964) = %s, want %s", got, want)
	}
}

// posOf returns the 1-based line and column of the first occurrence of
// marker in text, so expected positions follow the test text.
func posOf(t *testing.T, text, marker string) (int, int) {
	t.Helper()
	i := strings.Index(text, marker)
	if i < 0 {
		t.Fatalf("marker %q not in test manifest", marker)
	}
	return lineColAt([]byte(text), i)
}

func TestLoadManifestProblems(t *testing.T) {
	tests := []struct {
		name      string
		old, new  string // replace old by new in validManifest
		at        string // marker where the problem is reported; "" for 1:1
		atLine    int    // explicit line when the column is unknown
		atLineOf  string // marker of that line, when the column is unknown
		message   string
		hint      string
		symlinkTo string // make seed/<new link name> point here first
	}{
		{name: "unknown key", old: "title:", new: "titel:", at: "titel:", message: `unknown key "titel"`, hint: `did you mean "title"?`},
		{name: "unknown nested key", old: "  rights:", new: "  rigths:", at: "rigths:", message: `unknown key "edition.rigths"`, hint: `did you mean "rights"?`},
		{name: "unknown key far from any", old: "title:", new: "title: x\nzzzzzzzz:", at: "zzzzzzzz", message: `unknown key "zzzzzzzz"`, hint: "known keys here: slug, title,"},
		{name: "key at wrong level", old: "language: en", new: "language: en\nauthor: Someone", at: "author:", message: `unknown key "author"`, hint: `did you mean "creators"?`},
		{name: "list for a string", old: "title: A Test Letter", new: "title: [A, B]", at: "[A, B]", message: "title: expected a string, found a list"},
		{name: "mapping for a string", old: "language: en", new: "language:\n  code: en", at: "code:", message: "language: expected a string, found a mapping"},
		{name: "string for a list", old: "parts: [titlepage, contents, introduction, text, colophon]", new: "parts: text", at: "text\n", message: "parts: expected a list, found a string"},
		{name: "print-urls not a place", old: "  trim: a5", new: "  trim: a5\n  print-urls: margin", at: "margin", message: `edition.print-urls "margin" is not a place for addresses`, hint: "note (in a footnote)"},
		{name: "heading key misspelt", old: "short-title: Two}", new: "short-titel: Two}", at: "short-titel", message: `unknown key "text.headings[1].short-titel"`, hint: `did you mean "short-title"?`},
		{name: "string for a mapping", old: "text:\n  file: source.txt\n  headings: [One, {title: Two Long Parts, short-title: Two}]", new: "text: source.txt", at: "source.txt", message: "text: expected a mapping"},
		{name: "missing title", old: "title: A Test Letter\n", new: "", at: "subtitle", message: `missing required key "title"`, hint: "title: An Open Letter"},
		{name: "missing language", old: "language: en\n", new: "", at: "title", message: `missing required key "language"`},
		{name: "missing creators", old: "creators:\n  - name: A. Writer\n    file-as: Writer, A.\n", new: "", at: "title", message: `missing required key "creators"`},
		{name: "missing introduction", old: "introduction: introduction.md\n", new: "", at: "title", message: `missing required key "introduction"`},
		{name: "missing text.file", old: "  file: source.txt\n", new: "", at: "text:", message: `missing required key "text.file"`},
		{name: "missing edition.date", old: "  date: 2026-01-15\n", new: "", at: "edition:", message: `missing required key "edition.date"`},
		{name: "empty title", old: "title: A Test Letter", new: `title: ""`, at: `""`, message: `"title" is empty`},
		{name: "null title", old: "title: A Test Letter", new: "title: ~", at: "~", message: `"title" is empty`},
		{name: "creator without name", old: "  - name: A. Writer\n    file-as: Writer, A.", new: "  - file-as: Writer, A.", at: "file-as", message: "creators[0] has no name"},
		{name: "creator role", old: "    file-as: Writer, A.", new: "    role: author", at: "author", message: `role "author" is not a MARC relator code`, hint: "aut (author)"},
		{name: "malformed edition date", old: "date: 2026-01-15", new: "date: 2026-13-01", at: "2026-13-01", message: `edition.date "2026-13-01" is not a valid calendar date`},
		{name: "impossible day", old: "date: 2026-01-15", new: "date: 2026-02-30", at: "2026-02-30", message: `edition.date "2026-02-30" is not a valid calendar date`},
		{name: "malformed original date", old: "date: 1964-10-05", new: "date: October 5, 1964", at: "October", message: `original.date "October 5, 1964" is not a date`},
		{name: "bad language", old: "language: en", new: "language: English", at: "English", message: `language "English" is not a BCP 47 language tag`},
		{name: "unknown trim", old: "trim: a5", new: "trim: b5", at: "b5", message: `unknown trim size "b5"`, hint: "known: " + strings.Join(pagedesign.TrimNames(), ", ")},
		{name: "unknown part", old: "colophon]", new: "colophon, prologue]", at: "prologue", message: `unknown part "prologue"`, hint: "known parts: titlepage, imprint, contents"},
		{name: "misspelt part", old: "[titlepage, contents,", new: "[titlepage, contnets,", at: "contnets", message: `unknown part "contnets"`, hint: `did you mean "contents"?`},
		{name: "part twice", old: "colophon]", new: "colophon, contents]", at: "contents]", message: `part "contents" is listed twice`},
		{name: "parts without text", old: " text,", new: "", at: "[titlepage", message: `parts does not include "text"`},
		{name: "missing file", old: "file: source.txt", new: "file: sourse.txt", at: "sourse.txt", message: `text.file: file "sourse.txt" not found`, hint: `did you mean "source.txt"?`},
		{name: "missing optional file", old: "notes: notes.yaml", new: "notes: annotations.yaml", at: "annotations", message: `notes: file "annotations.yaml" not found`},
		{name: "folder not file", old: "notes: notes.yaml", new: "notes: folder", at: "folder", message: `notes: "folder" is not a regular file`},
		{name: "parent path", old: "introduction: introduction.md", new: "introduction: ../outside.md", at: "../outside.md", message: "introduction: \"../outside.md\" climbs out", hint: "inside the seed folder"},
		{name: "absolute path", old: "introduction: introduction.md", new: "introduction: /etc/hostname", at: "/etc/hostname", message: "introduction: \"/etc/hostname\" is an absolute path"},
		{name: "symlink outside", old: "introduction: introduction.md", new: "introduction: intro-link.md", at: "intro-link.md", message: "resolves outside the seed folder", symlinkTo: "../outside.md"},
		{name: "retrieved not a date", old: "  rights: Public domain.", new: "  rights: Public domain.\n  retrieved: last spring", at: "last spring", message: `edition.retrieved "last spring" is not a date in the form YYYY-MM-DD`, hint: "`unrecorded`"},
		{name: "retrieved impossible date", old: "  rights: Public domain.", new: "  rights: Public domain.\n  retrieved: 2025-02-30", at: "2025-02-30", message: `edition.retrieved "2025-02-30" is not a valid calendar date`},
		{name: "source-url without scheme", old: "  rights: Public domain.", new: "  rights: Public domain.\n  source-url: example.org/letter.htm", at: "example.org", message: `edition.source-url "example.org/letter.htm" is not a Web address`, hint: "https://"},
		{name: "source-url of another scheme", old: "  rights: Public domain.", new: "  rights: Public domain.\n  source-url: file:///home/letter.txt", at: "file:", message: `is not a Web address`},
		{name: "missing kept file", old: "notes: notes.yaml", new: "notes: notes.yaml\nkept: kept.yaml", at: "kept.yaml", message: `kept: file "kept.yaml" not found`},
		{name: "unknown format", old: "  file: source.txt", new: "  file: source.txt\n  format: html", at: "html", message: `unknown text format "html"`},
		{name: "format from extension", old: "file: source.txt", new: "file: source.rtf", at: "source.rtf", message: `cannot tell the format of "source.rtf"`, hint: "format: markdown"},
		{name: "bad slug", old: "title:", new: "slug: ../up\ntitle:", at: "../up", message: `slug "../up" cannot be a file name`},
		{name: "duplicate key", old: "language: en", new: "language: en\nlanguage: fr", at: "language: fr", message: `duplicate key "language" (first written at line 6)`},
		{name: "alias", old: "subtitle: To Whom It May Concern", new: "subtitle: &s To Whom It May Concern\ndescription: *s", at: "*s", message: "description: YAML aliases"},
		{name: "non-scalar key", old: "language: en", new: "language: en\n[a, b]: c", at: "[a, b]", message: "a key must be a plain name, found a list"},
		{name: "YAML syntax", old: "language: en", new: "language: en: fr", atLine: 6, message: "YAML syntax: mapping values are not allowed"},
		{name: "YAML unclosed list", old: "colophon]", new: "colophon", atLineOf: "parts:", message: "YAML syntax: did not find expected ',' or ']'"},
		{name: "not a mapping", old: validManifest, new: "- title\n- language\n", at: "- title", message: "the manifest must be a mapping of keys to values, found a list"},
		{name: "empty", old: validManifest, new: "# nothing yet\n", at: "# nothing", message: "manifest is empty"},
		{name: "unknown string", old: "notes: notes.yaml", new: "notes: notes.yaml\nstrings:\n  contnets: Inhalt", at: "contnets", message: `strings: no generated string is called "contnets"`, hint: `did you mean "contents"?`},
		{name: "strings not a mapping", old: "notes: notes.yaml", new: "notes: notes.yaml\nstrings: Inhalt", at: "Inhalt", message: "strings: expected a mapping"},
		{name: "string not a string", old: "notes: notes.yaml", new: "notes: notes.yaml\nstrings:\n  contents: [a, b]", at: "[a, b]", message: "strings.contents: expected a string, found a list"},
		{name: "string twice", old: "notes: notes.yaml", new: "notes: notes.yaml\nstrings:\n  contents: Inhalt\n  contents: Inhaltsverzeichnis", at: "contents: Inhaltsverzeichnis", message: `duplicate key "strings.contents" (first written at line 22)`},
		{name: "invalid UTF-8", old: "Public domain.", new: "Public \xff domain.", at: "\xff", message: "not valid UTF-8 (byte offset"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(validManifest, tt.old) {
				t.Fatalf("%q not in the valid manifest", tt.old)
			}
			text := strings.Replace(validManifest, tt.old, tt.new, 1)
			dir := writeSeed(t, "seed", text)
			if tt.symlinkTo != "" {
				if err := os.Symlink(tt.symlinkTo, filepath.Join(dir, "intro-link.md")); err != nil {
					t.Skipf("symbolic links unavailable: %v", err)
				}
			}
			_, err := LoadManifest(dir)
			var me *FileError
			if !errors.As(err, &me) {
				t.Fatalf("LoadManifest error = %v, want a *FileError", err)
			}
			if len(me.Problems) != 1 {
				t.Fatalf("got %d problems, want 1:\n%v", len(me.Problems), err)
			}
			p := me.Problems[0]
			wantLine, wantCol := 1, 1
			switch {
			case tt.atLine > 0:
				wantLine, wantCol = tt.atLine, 0
			case tt.atLineOf != "":
				wantLine, _ = posOf(t, text, tt.atLineOf)
				wantCol = 0
			case tt.at != "":
				wantLine, wantCol = posOf(t, text, tt.at)
			}
			if p.File != filepath.Join(dir, ManifestName) || p.Line != wantLine || p.Col != wantCol {
				t.Errorf("problem at %s:%d:%d, want %s:%d:%d\n%v", p.File, p.Line, p.Col, filepath.Join(dir, ManifestName), wantLine, wantCol, p)
			}
			if !strings.Contains(p.Message, tt.message) {
				t.Errorf("message %q does not contain %q", p.Message, tt.message)
			}
			if !strings.Contains(p.Hint, tt.hint) {
				t.Errorf("hint %q does not contain %q", p.Hint, tt.hint)
			}
			if p.Hint == "" {
				t.Errorf("problem %q has no hint", p.Message)
			}
		})
	}
}

func TestLoadManifestAllProblemsTogether(t *testing.T) {
	text := `titel: A Test Letter
creators:
  - name: A. Writer
    role: author
lang: en
text:
  file: ../source.txt
introduction: introduction.md
edition:
  date: 15 January 2026
  trim: b5
parts: [titlepage, text, appendix]
`
	dir := writeSeed(t, "seed", text)
	_, err := LoadManifest(dir)
	var me *FileError
	if !errors.As(err, &me) {
		t.Fatalf("LoadManifest error = %v, want a *FileError", err)
	}
	file := filepath.Join(dir, ManifestName)
	want := []string{
		file + `:1:1: unknown key "titel" (did you mean "title"?)`,
		file + `:4:11: role "author" is not a MARC relator code`,
		file + `:5:1: unknown key "lang" (did you mean "language"?)`,
		file + `:7:9: text.file: "../source.txt" climbs out`,
		file + `:10:9: edition.date "15 January 2026" is not a date in the form YYYY-MM-DD`,
		file + `:11:9: unknown trim size "b5" (known: `,
		file + `:12:26: unknown part "appendix"`,
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) || len(me.Problems) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(lines), len(want), err)
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("problem %d:\n got %s\nwant %s...", i+1, lines[i], want[i])
		}
		if !strings.HasSuffix(lines[i], ")") {
			t.Errorf("problem %d has no hint: %s", i+1, lines[i])
		}
	}
}

func TestLoadManifestNoManifest(t *testing.T) {
	_, err := LoadManifest(t.TempDir())
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadManifest of an empty folder: %v, want fs.ErrNotExist", err)
	}
}

func TestLoadManifestLinkedOutside(t *testing.T) {
	dir := writeSeed(t, "seed", validManifest)
	outside := filepath.Join(filepath.Dir(dir), "elsewhere.yaml")
	if err := os.WriteFile(outside, []byte(validManifest), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, ManifestName)
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, file); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
	if _, err := LoadManifest(dir); !errors.Is(err, ErrOutsideSeed) {
		t.Errorf("manifest linked from outside the seed: err = %v, want ErrOutsideSeed", err)
	}
}

// TestLoadManifestSeeds loads the manifests committed with the project: the
// Markdown test seed, and every seed under seeds/.
func TestLoadManifestSeeds(t *testing.T) {
	sample := filepath.Join("..", "..", "testdata", "seeds", "markdown-sample")
	m, err := LoadManifest(sample)
	if err != nil {
		t.Fatalf("LoadManifest(%s):\n%v", sample, err)
	}
	if m.Slug != "markdown-sample" || m.Text.Format != "markdown" || m.Identifier != DefaultIdentifier("markdown-sample") {
		t.Errorf("markdown-sample: slug %q, format %q, identifier %q", m.Slug, m.Text.Format, m.Identifier)
	}
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*", ManifestName))
	for _, file := range seeds {
		dir := filepath.Dir(file)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			if _, err := LoadManifest(dir); err != nil {
				t.Errorf("LoadManifest:\n%v", err)
			}
		})
	}
}

func TestNearestName(t *testing.T) {
	known := []string{"title", "subtitle", "creators", "language", "first-printed"}
	tests := []struct{ in, want string }{
		{"titel", "title"},
		{"Title", "title"},
		{"langauge", "language"},
		{"first_printed", "first-printed"},
		{"creator", "creators"},
		{"xyz", ""},
		{"t", ""},
	}
	for _, tt := range tests {
		if got := nearestName(tt.in, known); got != tt.want {
			t.Errorf("nearestName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDefaultIdentifier checks the identifier of a manifest that names none:
// a version 5 UUID URN, the same for the same slug, another for another.
func TestDefaultIdentifier(t *testing.T) {
	a, b := DefaultIdentifier("open-letter-1964"), DefaultIdentifier("open-letter-1964")
	if a != b {
		t.Fatalf("%s != %s", a, b)
	}
	if !regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(a) {
		t.Fatalf("%s is not a version 5 UUID URN", a)
	}
	if a == DefaultIdentifier("another") {
		t.Fatal("two slugs give one identifier")
	}
	// RFC 4122's name space for URLs and the name "bindery:open-letter-1964"
	// give this UUID (computed with Python's uuid.uuid5).
	if want := "urn:uuid:462d94a9-0681-5a8c-a5f0-8f72b75269bc"; a != want {
		t.Errorf("DefaultIdentifier = %s, want %s", a, want)
	}
}

// TestLoadManifestProvenance checks the keys that say where the copy-text
// was taken from and when: a date, or the word for a date nobody wrote down.
func TestLoadManifestProvenance(t *testing.T) {
	for _, retrieved := range []string{"2025-05-04", RetrievedUnrecorded} {
		text := strings.Replace(validManifest, "  rights: Public domain.", "  rights: Public domain.\n  source-url: https://example.org/letter.htm\n  retrieved: "+retrieved, 1)
		m, err := LoadManifest(writeSeed(t, "seed", text))
		if err != nil {
			t.Fatalf("retrieved %s: %v", retrieved, err)
		}
		if m.Edition.SourceURL != "https://example.org/letter.htm" || m.Edition.Retrieved != retrieved {
			t.Errorf("source-url, retrieved = %q, %q", m.Edition.SourceURL, m.Edition.Retrieved)
		}
	}
}
