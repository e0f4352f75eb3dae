package seed

import (
	"bytes"
	"crypto/sha1"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/decode"
	"github.com/bindery-editions/bindery/edition/model"

	"gopkg.in/yaml.v3"

	"github.com/bindery-editions/bindery/layout"
)

// PartNames lists the parts an edition can have, in their default order.
// A manifest's parts key chooses and orders a subset of them.
var PartNames = []string{"titlepage", "imprint", "contents", "introduction", "text", "note-on-text", "notes", "source", "colophon"}

// maxManifestSize bounds the manifest file: a manifest is a page of keys, and
// a much larger file is a mistake (or an attack on the YAML parser).
const maxManifestSize = 1 << 20

// Problem is one thing wrong with a file a user wrote, located by line and
// column (1-based; 0 when unknown), with a hint on how to fix it.
type Problem struct {
	File    string
	Line    int
	Col     int
	Message string
	Hint    string
}

// String formats the problem as FILE:LINE:COL: message (hint), leaving out
// what is unknown.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(p.Message)
	if p.Hint != "" {
		fmt.Fprintf(&b, " (%s)", p.Hint)
	}
	return b.String()
}

// ManifestError reports every problem found in a manifest at once, in file
// order, so an editor fixes them in one pass instead of one build each.
type ManifestError struct {
	Problems []Problem
}

// Error lists the problems one per line.
func (e *ManifestError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// manifestPos is where a key and its value were written in the manifest.
type manifestPos struct{ keyLine, keyCol, line, col int }

// Dir returns the seed folder the manifest was loaded from.
func (m *Manifest) Dir() string { return m.dir }

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
	p := Problem{File: m.File(), Message: message, Hint: hint}
	for k := key; k != ""; k = parentKey(k) {
		if pos, ok := m.pos[k]; ok {
			p.Line, p.Col = pos.line, pos.col
			return p
		}
	}
	return p
}

// parentKey returns the dotted path one level up: "a.b[2]" → "a.b" → "a" → "".
func parentKey(k string) string {
	i := strings.LastIndexAny(k, ".[")
	if i < 0 {
		return ""
	}
	return k[:i]
}

// LoadManifest reads and checks <seedDir>/manifest.yaml. It reports every
// problem of the manifest together in a *ManifestError: unknown keys (with a
// suggestion), values of the wrong type, missing required fields, malformed
// dates, unknown trim sizes and part names, files that do not exist and paths
// that leave the seed folder. On success it fills in the defaults: slug from
// the folder name, the full list of parts, the default trim, the text format
// from the file extension, creator role "aut", and a name-based identifier.
// A manifest that cannot be read at all is an ordinary wrapped error
// (errors.Is(err, fs.ErrNotExist) when the seed has none).
func LoadManifest(seedDir string) (*Manifest, error) {
	file := filepath.Join(seedDir, ManifestName)
	if _, err := ResolveInSeed(seedDir, ManifestName); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	data, err := readManifestFile(file)
	if err != nil {
		return nil, err
	}
	return parseManifest(seedDir, file, data)
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
	d := &manifestDecoder{file: file, pos: map[string]manifestPos{}, bad: map[string]bool{}, suggested: map[string]bool{}}
	m := &Manifest{dir: seedDir}

	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		off := decode.FirstInvalidUTF8(data)
		line, col := lineColAt(data, off)
		d.add(line, col, fmt.Sprintf("not valid UTF-8 (byte offset %d)", off), "save the manifest as UTF-8")
		return nil, d.err()
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := YAMLErrorLine(err)
		d.add(line, 0, msg, "check the indentation and quoting around this line")
		return nil, d.err()
	}
	if doc.Kind == 0 || len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		d.add(1, 1, "manifest is empty", "run `bindery new SLUG` for a commented example")
		return nil, d.err()
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		d.add(root.Line, root.Column, "the manifest must be a mapping of keys to values, found "+DescribeNode(root), "write one `key: value` per line, e.g. `title: An Open Letter`")
		return nil, d.err()
	}
	d.decodeStruct(root, reflect.ValueOf(m).Elem(), "")
	d.validate(m, root)
	if len(d.problems) > 0 {
		return nil, d.err()
	}
	m.pos = d.pos
	return m, nil
}

// lineColAt returns the 1-based line and column (in characters) of byte
// offset off in b.
func lineColAt(b []byte, off int) (line, col int) {
	if off < 0 || off > len(b) {
		return 0, 0
	}
	before := b[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// YAMLErrorLine picks the line number out of a yaml.v3 syntax error, whose
// only location is in its text ("yaml: line 3: mapping values are not
// allowed in this context").
func YAMLErrorLine(err error) (int, string) {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		// yaml.v3 (decode.go, parser.fail) reports a parser error's
		// context mark, the line where the unfinished construct began,
		// without converting it from 0-based; scanner errors it converts.
		// The parser's context errors are the "did not find expected ..."
		// ones.
		if strings.HasPrefix(m[2], "did not find expected") {
			n++
		}
		return n, "YAML syntax: " + m[2]
	}
	return 0, "YAML syntax: " + strings.TrimPrefix(msg, "yaml: ")
}

// manifestDecoder walks a yaml.Node tree into a struct by its yaml tags,
// collecting problems instead of stopping at the first, and remembering where
// each key was written.
type manifestDecoder struct {
	file     string
	problems []Problem
	pos      map[string]manifestPos
	bad      map[string]bool // keys whose values had the wrong type: not also "missing"
	// suggested holds the keys an unknown key was taken for ("titel" →
	// "title"): one problem, not a second "missing title".
	suggested map[string]bool
}

// isBad reports whether key or one of its parents had a value of the wrong
// type, so its absence is not reported a second time.
func (d *manifestDecoder) isBad(key string) bool {
	for k := key; k != ""; k = parentKey(k) {
		if d.bad[k] {
			return true
		}
	}
	return false
}

func (d *manifestDecoder) add(line, col int, msg, hint string) {
	d.problems = append(d.problems, Problem{File: d.file, Line: line, Col: col, Message: msg, Hint: hint})
}

func (d *manifestDecoder) addAt(n *yaml.Node, msg, hint string) {
	d.add(n.Line, n.Column, msg, hint)
}

func (d *manifestDecoder) err() error {
	sort.SliceStable(d.problems, func(i, j int) bool {
		a, b := d.problems[i], d.problems[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return &ManifestError{Problems: d.problems}
}

// yamlKey returns a struct field's key name from its yaml tag; "" for fields
// that are not part of the manifest.
func yamlKey(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" || name == "" {
		return ""
	}
	return name
}

func joinKey(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// manifestKeyHomes points keys people write at the top level out of habit
// (from pandoc front matter or other tools) to where they belong.
var manifestKeyHomes = map[string]string{
	"author":    "creators",
	"authors":   "creators",
	"creator":   "creators",
	"lang":      "language",
	"date":      "edition.date",
	"publisher": "edition.publisher or original.publisher",
	"rights":    "edition.rights",
	"source":    "edition.source",
	"trim":      "edition.trim",
	"file":      "text.file",
	"format":    "text.format",
	"headings":  "text.headings",
	"id":        "identifier",
}

func (d *manifestDecoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	t := v.Type()
	var known []string
	fields := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		if k := yamlKey(t.Field(i)); k != "" {
			known = append(known, k)
			fields[k] = i
		}
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		if kn.Kind != yaml.ScalarNode {
			d.addAt(kn, "a key must be a plain name, found "+DescribeNode(kn), "known keys here: "+strings.Join(known, ", "))
			continue
		}
		key := kn.Value
		full := joinKey(path, key)
		if prev, dup := seen[key]; dup {
			d.addAt(kn, fmt.Sprintf("duplicate key %q (first written at line %d)", full, prev.Line), "keep one of them")
			continue
		}
		seen[key] = kn
		fi, ok := fields[key]
		if !ok {
			hint, guess := unknownKeyHint(key, path, known)
			if guess != "" {
				d.suggested[guess] = true
			}
			d.addAt(kn, fmt.Sprintf("unknown key %q", full), hint)
			continue
		}
		d.pos[full] = manifestPos{kn.Line, kn.Column, vn.Line, vn.Column}
		d.decodeValue(vn, v.Field(fi), full)
	}
}

// unknownKeyHint suggests the known key nearest in spelling, or the home of a
// key written at the wrong level, or lists the keys allowed here. guess is
// the full path of the suggested key, if there is one.
func unknownKeyHint(key, path string, known []string) (hint, guess string) {
	if path == "" {
		if home, ok := manifestKeyHomes[strings.ToLower(key)]; ok {
			return fmt.Sprintf("did you mean %q?", home), home
		}
	}
	if s := nearestName(key, known); s != "" {
		return fmt.Sprintf("did you mean %q?", s), joinKey(path, s)
	}
	return "known keys here: " + strings.Join(known, ", "), ""
}

// nearestName returns the candidate closest to name by edit distance
// (case-insensitive, "_" read as "-"), if it is close enough to be a likely
// typo: at most 2 edits, or a third of the name's length for long names.
func nearestName(name string, candidates []string) string {
	norm := strings.ReplaceAll(strings.ToLower(name), "_", "-")
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		if dist := editDistance(norm, c); dist < bestDist {
			best, bestDist = c, dist
		}
	}
	limit := max(2, utf8.RuneCountInString(name)/3)
	if bestDist <= limit && bestDist < utf8.RuneCountInString(name) {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// DescribeNode names a YAML node's shape the way a user thinks of it.
func DescribeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping (keys and values)"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "true/false"
		}
		return "a string"
	}
	return "an empty document"
}

var creatorType = reflect.TypeOf(model.Creator{})

func (d *manifestDecoder) decodeValue(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.AliasNode {
		// Aliases are refused rather than expanded: a manifest has no need
		// of them, and expanding them is how a small YAML file becomes a
		// very large one.
		d.addAt(n, fmt.Sprintf("%s: YAML aliases (*name) are not supported in a manifest", path), "write the value out in full")
		d.bad[path] = true
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.addAt(n, fmt.Sprintf("%s: expected a string, found %s", path, DescribeNode(n)), stringHint(n))
			d.bad[path] = true
			return
		}
		if n.Tag == "!!null" {
			return
		}
		// Numbers, dates and booleans are kept as written: "year: 1964"
		// means the string "1964".
		v.SetString(n.Value)
	case reflect.Struct:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return
		}
		if n.Kind != yaml.MappingNode {
			d.addAt(n, fmt.Sprintf("%s: expected a mapping (keys and values), found %s", path, DescribeNode(n)), fmt.Sprintf("write the keys of %q indented on the lines under it", path))
			d.bad[path] = true
			return
		}
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		elem := v.Type().Elem()
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return
		}
		if n.Kind == yaml.ScalarNode && elem == creatorType {
			// "creators: Jane Doe" is read as one author, as pandoc reads
			// "author: Jane Doe".
			v.Set(reflect.Append(v, reflect.ValueOf(model.Creator{Name: n.Value})))
			return
		}
		if n.Kind != yaml.SequenceNode {
			d.addAt(n, fmt.Sprintf("%s: expected a list, found %s", path, DescribeNode(n)), fmt.Sprintf("write each entry on its own line under %q, starting with \"- \"", path))
			d.bad[path] = true
			return
		}
		out := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			ip := fmt.Sprintf("%s[%d]", path, i)
			d.pos[ip] = manifestPos{item.Line, item.Column, item.Line, item.Column}
			if elem == creatorType && item.Kind == yaml.ScalarNode && item.Tag != "!!null" {
				out.Index(i).Set(reflect.ValueOf(model.Creator{Name: item.Value}))
				continue
			}
			d.decodeValue(item, out.Index(i), ip)
		}
		v.Set(out)
	default:
		// Only the kinds above occur in Manifest; a new field of another
		// kind is decoded by yaml.v3 itself, still reporting where.
		if err := n.Decode(v.Addr().Interface()); err != nil {
			d.addAt(n, fmt.Sprintf("%s: %v", path, err), "")
			d.bad[path] = true
		}
	}
}

func stringHint(n *yaml.Node) string {
	if n.Kind == yaml.SequenceNode {
		return "write a single value on the same line as the key; quote it if it contains \": \""
	}
	return "write a single value on the same line as the key; quote it if it contains \": \" or starts with \"{\" or \"[\""
}

// validateCollection checks that each member of a collection names a seed
// folder beside this one.
func (d *manifestDecoder) validateCollection(m *Manifest, at func(string) (int, int)) {
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
			member := filepath.Join(filepath.Dir(m.dir), name)
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
func (d *manifestDecoder) validate(m *Manifest, root *yaml.Node) {
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

	for _, key := range []string{"edition.date", "original.date"} {
		v := m.Edition.Date
		if key == "original.date" {
			v = m.Original.Date
		}
		if v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", v); err != nil {
			l, c := at(key)
			if dateShapeRE.MatchString(v) {
				d.add(l, c, fmt.Sprintf("%s %q is not a valid calendar date", key, v), "check the month (01-12) and the day of the month")
			} else {
				d.add(l, c, fmt.Sprintf("%s %q is not a date in the form YYYY-MM-DD", key, v), "write e.g. 1964-10-05")
			}
		}
	}

	if _, err := layout.LookupTrim(m.Edition.Trim); err != nil {
		l, c := at("edition.trim")
		d.add(l, c, fmt.Sprintf("unknown trim size %q", m.Edition.Trim), "known: "+strings.Join(layout.TrimNames(), ", "))
	} else if m.Edition.Trim == "" {
		m.Edition.Trim = layout.DefaultTrim
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

	if m.Edition.PaperThickness != "" {
		if _, err := ParseLength(m.Edition.PaperThickness); err != nil {
			l, c := at("edition.paper-thickness")
			d.add(l, c, "edition.paper-thickness: "+err.Error(), "the thickness of one page of the printer's paper, e.g. 0.002252in")
		}
	}

	for i, w := range m.Hyphenation {
		if strings.TrimSpace(w) == "" || strings.ContainsAny(w, " \t") || !strings.Contains(w, "-") {
			l, c := at(fmt.Sprintf("hyphenation[%d]", i))
			d.add(l, c, fmt.Sprintf("hyphenation entry %q is not one word with its breaks marked", w), "write the word with a hyphen at each allowed break, e.g. Khru-shchev")
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
