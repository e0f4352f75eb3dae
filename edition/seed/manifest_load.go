package seed

import (
	"crypto/sha1"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/layout/pagedesign"
)

// PartNames lists the parts an edition can have, in their default order.
// A manifest's parts key chooses and orders a subset of them.
var PartNames = []string{"titlepage", "imprint", "contents", "introduction", "text", "note-on-text", "notes", "source", "colophon"}

// maxManifestSize bounds the manifest file: a manifest is a page of keys, and
// a much larger file is a mistake (or an attack on the YAML parser).
const maxManifestSize = 1 << 20

// Dir returns the seed folder the manifest was loaded from.
func (m *Manifest) Dir() string { return m.dir }

// MemberDir returns the folder of a collection's member: the seed folder of
// that name beside the collection's, however the collection's path is
// written ("seeds/anthology/", with the slash a shell completes, too).
func (m *Manifest) MemberDir(name string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(m.dir)), name)
}

// File returns the manifest's own path, for messages.
func (m *Manifest) File() string {
	if m.dir == "" {
		return ManifestName
	}
	return filepath.Join(m.dir, ManifestName)
}

// Resolve returns the path of rel, a path written in the manifest, inside the
// seed folder; see ResolveInSeed.
func (m *Manifest) Resolve(rel string) (string, error) { return ResolveInSeed(m.dir, rel) }

// ProblemAt returns a Problem located at the value of key in the manifest
// (a dotted path such as "text.headings" or "creators[0].name"), or at its
// nearest written parent, so later stages (the build, the linter) can point
// at the manifest line their finding comes from.
func (m *Manifest) ProblemAt(key, message, hint string) Problem {
	if m.yaml == nil {
		return Problem{File: m.File(), Message: message, Hint: hint}
	}
	p := m.yaml.ProblemAt(key, message, hint)
	p.File = m.File()
	return p
}

// LoadManifest reads and checks <seedDir>/manifest.yaml. It reports every
// problem of the manifest together in a *FileError: unknown keys (with a
// suggestion), values of the wrong type, missing required fields, malformed
// dates, unknown trim sizes and part names, files that do not exist and paths
// that leave the seed folder. On success it fills in the defaults: slug from
// the folder name, the full list of parts, the default trim, the text format
// from the file extension, creator role "aut", and a name-based identifier.
// A manifest that cannot be read at all is an ordinary wrapped error
// (errors.Is(err, fs.ErrNotExist) when the seed has none).
func LoadManifest(seedDir string) (*Manifest, error) {
	return loadManifest(seedDir, nil)
}

// loadManifest is LoadManifest with edit, when not nil, applied to the
// manifest's root mapping before it is decoded (see Metadata).
func loadManifest(seedDir string, edit func(*yaml.Node) *yaml.Node) (*Manifest, error) {
	file := filepath.Join(seedDir, ManifestName)
	if _, err := ResolveInSeed(seedDir, ManifestName); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	data, err := readManifestFile(file)
	if err != nil {
		return nil, err
	}
	return parseEditedManifest(seedDir, file, data, edit)
}

func readManifestFile(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("reading manifest: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("reading manifest: %w", err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a folder, not a manifest file", file)
	}
	if fi.Size() > maxManifestSize {
		return nil, fmt.Errorf("%s: manifest is %d bytes, more than the %d a manifest can be", file, fi.Size(), maxManifestSize)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading manifest: %w", err)
	}
	return data, nil
}

// parseManifest decodes and checks manifest bytes; seedDir is used for the
// default slug and to check the files the manifest names.
func parseManifest(seedDir, file string, data []byte) (*Manifest, error) {
	return parseEditedManifest(seedDir, file, data, nil)
}

func parseEditedManifest(seedDir, file string, data []byte, edit func(*yaml.Node) *yaml.Node) (*Manifest, error) {
	d := newYAMLDecoder(file)
	d.homes = manifestKeyHomes
	m := &Manifest{dir: seedDir}
	root, ok := d.parse(data)
	if !ok {
		return nil, d.err()
	}
	if root == nil {
		d.add(1, 1, "manifest is empty", "run `bindery new SLUG` for a commented example")
		return nil, d.err()
	}
	if root.Kind != yaml.MappingNode {
		d.add(root.Line, root.Column, "the manifest must be a mapping of keys to values, found "+DescribeNode(root), "write one `key: value` per line, e.g. `title: An Open Letter`")
		return nil, d.err()
	}
	if edit != nil {
		root = edit(root)
	}
	d.decodeStruct(root, reflect.ValueOf(m).Elem(), "")
	d.validate(m, root)
	if len(d.problems) > 0 {
		return nil, d.err()
	}
	m.yaml = &YAMLFile{Name: file, pos: d.pos}
	return m, nil
}

// validateCollection checks that each member of a collection names a seed
// folder beside this one.
func (d *yamlDecoder) validateCollection(m *Manifest, at func(string) (int, int)) {
	if len(m.Collection) > 0 && m.Text.File != "" {
		l, c := at("text.file")
		d.add(l, c, "a collection has no text of its own", "remove text: or remove collection:")
	}
	seen := map[string]bool{}
	for i, name := range m.Collection {
		l, c := at(fmt.Sprintf("collection[%d]", i))
		switch {
		case !ValidSlug(name):
			d.add(l, c, fmt.Sprintf("collection member %q is not a seed name", name), "name a seed folder beside this one by its folder name, e.g. open-letter-1964 (no slashes)")
		case seen[name]:
			d.add(l, c, fmt.Sprintf("collection member %q is listed twice", name), "list each member once")
		case name == filepath.Base(m.dir):
			d.add(l, c, "a collection cannot contain itself", "remove this entry")
		default:
			member := m.MemberDir(name)
			if _, err := os.Stat(filepath.Join(member, ManifestName)); err != nil {
				d.add(l, c, fmt.Sprintf("collection member %q: no seed folder %s with a %s", name, member, ManifestName), "check the name against the folders beside this seed")
			}
		}
		seen[name] = true
	}
}

// requiredKeys are the manifest keys without which no edition can be built,
// with an example of each for the hint.
var requiredKeys = []struct{ key, example string }{
	{"title", "title: An Open Letter"},
	{"language", "language: en"},
	{"creators", "creators: [{name: ..., role: aut}]"},
	{"text.file", "text: {file: source.txt}"},
	{"introduction", "introduction: introduction.md"},
	{"edition.date", "edition: {date: YYYY-MM-DD}"},
}

var (
	languageRE  = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)
	relatorRE   = regexp.MustCompile(`^[a-z]{3}$`)
	dateShapeRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// validate checks the decoded manifest's values and fills in defaults.
func (d *yamlDecoder) validate(m *Manifest, root *yaml.Node) {
	at := func(key string) (int, int) {
		if p, ok := d.pos[key]; ok {
			return p.line, p.col
		}
		return 0, 0
	}
	// A missing key is reported where it would be written: under its
	// parent's key, or at the top of the file.
	missingAt := func(key string) (int, int) {
		for k := parentKey(key); k != ""; k = parentKey(k) {
			if p, ok := d.pos[k]; ok {
				return p.keyLine, p.keyCol
			}
		}
		return root.Line, root.Column
	}

	values := map[string]string{
		"title": m.Title, "language": m.Language, "text.file": m.Text.File,
		"introduction": m.Introduction, "edition.date": m.Edition.Date,
	}
	for _, r := range requiredKeys {
		if d.isBad(r.key) || d.suggested[r.key] {
			continue
		}
		if r.key == "text.file" && len(m.Collection) > 0 {
			continue // a collection's text is its members'
		}
		empty := false
		if r.key == "creators" {
			empty = len(m.Creators) == 0
		} else {
			empty = strings.TrimSpace(values[r.key]) == ""
		}
		if !empty {
			continue
		}
		if l, c := at(r.key); l > 0 {
			d.add(l, c, fmt.Sprintf("%q is empty", r.key), "write, e.g., "+r.example)
		} else {
			l, c := missingAt(r.key)
			d.add(l, c, fmt.Sprintf("missing required key %q", r.key), "add, e.g., "+r.example)
		}
	}

	if m.Language != "" && !languageRE.MatchString(m.Language) {
		l, c := at("language")
		d.add(l, c, fmt.Sprintf("language %q is not a BCP 47 language tag", m.Language), "write e.g. en, en-GB, sq, ru")
	}

	for i := range m.Creators {
		key := fmt.Sprintf("creators[%d]", i)
		cr := &m.Creators[i]
		if strings.TrimSpace(cr.Name) == "" && !d.isBad(key+".name") {
			l, c := at(key)
			d.add(l, c, fmt.Sprintf("%s has no name", key), "add `name: ...` to this entry")
		}
		if cr.Role == "" {
			cr.Role = "aut"
		} else if !relatorRE.MatchString(cr.Role) {
			l, c := at(key + ".role")
			d.add(l, c, fmt.Sprintf("role %q is not a MARC relator code", cr.Role), "use a three-letter code: aut (author), edt (editor), trl (translator), ctb (contributor)")
		}
	}

	for _, key := range []string{"edition.date", "original.date", "edition.retrieved"} {
		v := map[string]string{"edition.date": m.Edition.Date, "original.date": m.Original.Date, "edition.retrieved": m.Edition.Retrieved}[key]
		if v == "" || key == "edition.retrieved" && v == RetrievedUnrecorded {
			continue
		}
		if _, err := time.Parse("2006-01-02", v); err != nil {
			l, c := at(key)
			if dateShapeRE.MatchString(v) {
				d.add(l, c, fmt.Sprintf("%s %q is not a valid calendar date", key, v), "check the month (01-12) and the day of the month")
			} else {
				hint := "write e.g. 1964-10-05"
				if key == "edition.retrieved" {
					hint = "write the date as YYYY-MM-DD, or `" + RetrievedUnrecorded + "` if it was not written down"
				}
				d.add(l, c, fmt.Sprintf("%s %q is not a date in the form YYYY-MM-DD", key, v), hint)
			}
		}
	}

	if u := m.Edition.SourceURL; u != "" {
		if parsed, err := url.Parse(u); err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
			l, c := at("edition.source-url")
			d.add(l, c, fmt.Sprintf("edition.source-url %q is not a Web address", u), "write the address in full, starting with https:// or http://")
		}
	}

	if _, err := pagedesign.LookupTrim(m.Edition.Trim); err != nil {
		l, c := at("edition.trim")
		d.add(l, c, fmt.Sprintf("unknown trim size %q", m.Edition.Trim), "known: "+strings.Join(pagedesign.TrimNames(), ", "))
	} else if m.Edition.Trim == "" {
		m.Edition.Trim = pagedesign.DefaultTrim
	}

	if len(m.Parts) == 0 && !d.bad["parts"] {
		m.Parts = append([]string(nil), PartNames...)
	} else {
		seenPart := map[string]bool{}
		hasText := false
		for i, p := range m.Parts {
			key := fmt.Sprintf("parts[%d]", i)
			l, c := at(key)
			switch {
			case !slices.Contains(PartNames, p):
				hint := "known parts: " + strings.Join(PartNames, ", ")
				if s := nearestName(p, PartNames); s != "" {
					hint = fmt.Sprintf("did you mean %q? ", s) + hint
				}
				d.add(l, c, fmt.Sprintf("unknown part %q", p), hint)
			case seenPart[p]:
				d.add(l, c, fmt.Sprintf("part %q is listed twice", p), "list each part once")
			}
			seenPart[p] = true
			hasText = hasText || p == "text"
		}
		if !hasText && !d.bad["parts"] {
			l, c := at("parts")
			d.add(l, c, `parts does not include "text"`, "add `- text` where the document itself belongs")
		}
	}

	d.validateCollection(m, at)

	if m.Edition.ISBN != "" {
		if _, err := ISBN13(m.Edition.ISBN); err != nil {
			l, c := at("edition.isbn")
			d.add(l, c, "edition.isbn: "+err.Error(), "write the ISBN-13 as the agency issued it, e.g. 978-0-306-40615-7")
		}
	}
	if p := m.Edition.Price; p != "" && !priceRE.MatchString(p) {
		l, c := at("edition.price")
		d.add(l, c, fmt.Sprintf("edition.price %q is not a five-digit price code", p), `write a currency digit and the price in cents, e.g. "51995" for $19.95, or "90000" for no price`)
	}
	if m.Edition.Price != "" && m.Edition.ISBN == "" {
		l, c := at("edition.price")
		d.add(l, c, "edition.price needs edition.isbn: the price is printed beside the ISBN's barcode", "add edition.isbn, or remove edition.price")
	}
	if mg := m.Edition.Margins; mg != "" {
		if _, err := ParseMargins(mg); err != nil {
			l, c := at("edition.margins")
			d.add(l, c, "edition.margins: "+err.Error(), `write four proportions, inner:top:outer:bottom, e.g. "2:3:4:6"`)
		}
	}
	if m.Edition.PaperThickness != "" {
		if _, err := ParseLength(m.Edition.PaperThickness); err != nil {
			l, c := at("edition.paper-thickness")
			d.add(l, c, "edition.paper-thickness: "+err.Error(), "the thickness of one page of the printer's paper, e.g. 0.002252in")
		}
	}

	switch m.Edition.PrintURLs {
	case "", "after", "note", "none":
	default:
		l, c := at("edition.print-urls")
		d.add(l, c, fmt.Sprintf("edition.print-urls %q is not a place for addresses", m.Edition.PrintURLs), "write after (the address after the link's text), note (in a footnote) or none")
	}
	switch m.EPUB.Notes {
	case "", "endnotes", "footnotes":
	default:
		l, c := at("epub.notes")
		d.add(l, c, fmt.Sprintf("epub.notes %q is not a place for notes", m.EPUB.Notes), "write endnotes (a list after the text) or footnotes (in the chapter that refers to each)")
	}
	if m.Edition.ContentsDepth < 0 || m.Edition.ContentsDepth > 4 {
		l, c := at("edition.contents-depth")
		d.add(l, c, fmt.Sprintf("edition.contents-depth %d is not a depth of headings", m.Edition.ContentsDepth), "write 1 (the parts), 2 (their headings too), 3 or 4")
	}

	for i, w := range m.Hyphenation {
		if strings.TrimSpace(w) == "" || strings.ContainsAny(w, " \t") || !strings.Contains(w, "-") {
			l, c := at(fmt.Sprintf("hyphenation[%d]", i))
			d.add(l, c, fmt.Sprintf("hyphenation entry %q is not one word with its breaks marked", w), "write the word with a hyphen at each allowed break, e.g. Khru-shchev")
		}
	}

	for _, name := range slices.Sorted(maps.Keys(m.Strings)) {
		if !locale.Known(name) {
			p := d.pos["strings."+name]
			hint := "the names are: " + strings.Join(locale.Keys(), ", ")
			if s := nearestName(name, locale.Keys()); s != "" {
				hint = fmt.Sprintf("did you mean %q? ", s) + hint
			}
			d.add(p.keyLine, p.keyCol, fmt.Sprintf("strings: no generated string is called %q", name), hint)
		}
	}

	switch m.Text.Format {
	case FormatArchive, FormatMarkdown:
	case "":
		if m.Text.File != "" {
			if m.Text.Format = FormatOf(m.Text.File); m.Text.Format == "" {
				l, c := at("text.file")
				d.add(l, c, fmt.Sprintf("cannot tell the format of %q from its extension", m.Text.File), "add `format: archive` or `format: markdown` under text:")
			}
		}
	default:
		l, c := at("text.format")
		d.add(l, c, fmt.Sprintf("unknown text format %q", m.Text.Format), "use archive (plain text from an archive) or markdown")
	}

	files := []struct {
		key, rel string
		required bool
	}{
		{"text.file", m.Text.File, true},
		{"introduction", m.Introduction, true},
		{"emendations", m.Emendations, false},
		{"notes", m.Notes, false},
		{"kept", m.Kept, false},
		{"cover", m.Cover, false},
		{"bibliography", m.Bibliography, false},
	}
	for _, f := range files {
		if strings.TrimSpace(f.rel) == "" {
			continue // missing required keys are reported above
		}
		l, c := at(f.key)
		path, err := ResolveInSeed(m.dir, f.rel)
		switch {
		case errors.Is(err, ErrOutsideSeed):
			d.add(l, c, fmt.Sprintf("%s: %v", f.key, err), "keep the file inside the seed folder and name it relative to it, e.g. source.txt")
		case errors.Is(err, fs.ErrNotExist):
			d.add(l, c, fmt.Sprintf("%s: file %q not found in the seed folder", f.key, f.rel), missingFileHint(m.dir, f.rel))
		case err != nil:
			d.add(l, c, fmt.Sprintf("%s: %v", f.key, err), "")
		default:
			if ok, err := IsRegularFile(path); err != nil || !ok {
				d.add(l, c, fmt.Sprintf("%s: %q is not a regular file", f.key, f.rel), "name a file, not a folder")
			}
		}
	}

	if m.Slug == "" {
		m.Slug = DefaultSlug(m.dir)
	} else if !ValidSlug(m.Slug) {
		l, c := at("slug")
		d.add(l, c, fmt.Sprintf("slug %q cannot be a file name", m.Slug), "use letters, digits, \"-\", \"_\" and \".\", not starting with \".\"")
	}
	if m.Identifier == "" {
		m.Identifier = DefaultIdentifier(m.Slug)
	}
}

// missingFileHint suggests a file of the seed folder whose name is close to
// the one written, or says where the path was looked for.
func missingFileHint(dir, rel string) string {
	if strings.Contains(rel, `\`) {
		// A path copied from Windows: manifests are read the same on
		// every system, where only "/" separates folders.
		return fmt.Sprintf("write paths with forward slashes on every system: %q", strings.ReplaceAll(rel, `\`, "/"))
	}
	entries, err := os.ReadDir(filepath.Join(dir, filepath.Dir(filepath.FromSlash(rel))))
	if err == nil {
		var names []string
		for _, e := range entries {
			if !e.IsDir() {
				names = append(names, e.Name())
			}
		}
		if s := nearestName(filepath.Base(rel), names); s != "" {
			return fmt.Sprintf("did you mean %q?", filepath.ToSlash(filepath.Join(filepath.Dir(filepath.FromSlash(rel)), s)))
		}
	}
	return "paths are relative to the seed folder"
}

// uuidNamespaceURL is the RFC 4122 Appendix C name space for URLs, used
// because "bindery:<slug>" is a URI.
var uuidNamespaceURL = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// DefaultIdentifier returns the identifier of an edition whose manifest names
// none: "urn:uuid:" and the name-based (SHA-1, version 5) UUID of
// "bindery:"+slug in the URL name space. The same slug always gives the same
// identifier, so rebuilding an edition never makes a reading system think it
// is a new book.
func DefaultIdentifier(slug string) string {
	return "urn:uuid:" + nameUUID(uuidNamespaceURL, "bindery:"+slug)
}

// nameUUID computes a version 5 UUID as RFC 4122 §4.3 describes: SHA-1 of the
// name space's bytes followed by the name, truncated to 16 bytes, with the
// version (5) in the high nibble of byte 6 and the variant (10xx) in byte 8.
func nameUUID(namespace [16]byte, name string) string {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
