package seed

// The one YAML decoder of a seed's files: the manifest, the emendations and
// the notes are decoded by the yaml tags of the structs they fill, and every
// problem (a syntax error, an unknown key, a value of the wrong type) is
// reported with its file, line and column and a hint, all at once.

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/bindery-editions/bindery/edition/decode"
	"github.com/bindery-editions/bindery/edition/model"
)

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

// FileError reports every problem found in a file a user wrote (the
// manifest, the emendations, the notes) at once, in file order, so an
// editor fixes them in one pass instead of one build each.
type FileError struct {
	Problems []Problem
}

// Error lists the problems one per line.
func (e *FileError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// keyPos is where a key and its value were written in a YAML file.
type keyPos struct{ keyLine, keyCol, line, col int }

// YAMLFile is a YAML file of a seed as DecodeYAML read it: its name and
// where each key was written, so that the checks that follow decoding can
// point at the line their problem comes from.
type YAMLFile struct {
	Name string
	pos  map[string]keyPos
}

// ProblemAt returns a Problem located at the value of key (a dotted path
// such as "text.headings", "creators[0].name" or, in a list, "[3].reason"),
// or at its nearest written parent.
func (f *YAMLFile) ProblemAt(key, message, hint string) Problem {
	p := Problem{File: f.Name, Message: message, Hint: hint}
	for k := key; k != ""; k = parentKey(k) {
		if pos, ok := f.pos[k]; ok {
			p.Line, p.Col = pos.line, pos.col
			return p
		}
	}
	return p
}

// Has reports whether key was written in the file, even with an empty
// value.
func (f *YAMLFile) Has(key string) bool {
	_, ok := f.pos[key]
	return ok
}

// Line returns the line key was written on, or 0.
func (f *YAMLFile) Line(key string) int { return f.ProblemAt(key, "", "").Line }

// DecodeYAML decodes data, the contents of the YAML file named file, into v,
// a pointer to a struct or a slice, by the yaml tags of its structs. Unknown
// keys (with the nearest known one suggested), values of the wrong type,
// aliases and syntax errors are all reported together in a *FileError, each
// at its line and column. An empty file decodes to nothing.
func DecodeYAML(file string, data []byte, v any) (*YAMLFile, error) {
	d := newYAMLDecoder(file)
	root, ok := d.parse(data)
	if !ok {
		return nil, d.err()
	}
	f := &YAMLFile{Name: file, pos: d.pos}
	if root == nil {
		return f, nil
	}
	d.decodeValue(root, reflect.ValueOf(v).Elem(), "")
	if len(d.problems) > 0 {
		return nil, d.err()
	}
	return f, nil
}

// ParseYAML parses data, YAML embedded in the file named file from line
// firstLine on (a Markdown file's front matter), into a node tree for a
// caller that reads its own forms, with the same problems DecodeYAML gives
// (a tab in the indentation, bad UTF-8, syntax) at their line and column in
// that file. It returns nil for an empty document.
func ParseYAML(file string, data []byte, firstLine int) (*yaml.Node, error) {
	d := newYAMLDecoder(file)
	root, ok := d.parse(data)
	if !ok {
		for i := range d.problems {
			if d.problems[i].Line > 0 {
				d.problems[i].Line += firstLine - 1
			}
		}
		return nil, d.err()
	}
	return root, nil
}

func newYAMLDecoder(file string) *yamlDecoder {
	return &yamlDecoder{file: file, pos: map[string]keyPos{}, bad: map[string]bool{}, suggested: map[string]bool{}}
}

// parse checks data and parses it into a node tree, returning its root (nil
// for an empty document), or false with the problem recorded.
func (d *yamlDecoder) parse(data []byte) (*yaml.Node, bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if off := decode.FirstInvalidUTF8(data); off >= 0 {
		line, col := lineColAt(data, off)
		d.add(line, col, fmt.Sprintf("not valid UTF-8 (byte offset %d)", off), "save the file as UTF-8")
		return nil, false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := YAMLErrorLine(err)
		if tl, tc := tabIndent(data, line); tl > 0 {
			d.add(tl, tc, "a tab character in the indentation", "YAML indents with spaces only: replace the tab with spaces")
			return nil, false
		}
		d.add(line, 0, msg, "check the indentation and quoting around this line")
		return nil, false
	}
	if doc.Kind == 0 || len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		return nil, true
	}
	return doc.Content[0], true
}

// tabIndent finds the tab yaml.v3 stumbled on: the first tab in the leading
// white space of a line near the line the parser named (its line numbers
// are off by one for some errors, and tabs make errors of several kinds:
// "found a tab character", "cannot start any token"). It returns 0, 0 when
// there is none.
func tabIndent(data []byte, near int) (line, col int) {
	lines := bytes.Split(data, []byte("\n"))
	try := func(n int) (int, int) {
		if n < 1 || n > len(lines) {
			return 0, 0
		}
		l := lines[n-1]
		for i, c := range l {
			switch c {
			case ' ':
				continue
			case '\t':
				return n, utf8.RuneCount(l[:i]) + 1
			}
			// A tab after a key's colon is white space between tokens,
			// also forbidden before a value's indentation.
			if j := bytes.Index(l, []byte(":\t")); j >= 0 {
				return n, utf8.RuneCount(l[:j+1]) + 1
			}
			return 0, 0
		}
		return 0, 0
	}
	for _, n := range []int{near, near + 1, near - 1} {
		if l, c := try(n); l > 0 {
			return l, c
		}
	}
	if near == 0 {
		for n := 1; n <= len(lines); n++ {
			if l, c := try(n); l > 0 {
				return l, c
			}
		}
	}
	return 0, 0
}

// displayKey writes a key path for a message: "edition.trim" as it is, the
// entries of a file that is a list as "entry 4: reason", the whole file as
// "the file".
func displayKey(path string) string {
	if path == "" {
		return "the file"
	}
	if strings.HasPrefix(path, "[") {
		if end := strings.IndexByte(path, ']'); end > 0 {
			if n, err := strconv.Atoi(path[1:end]); err == nil {
				rest := strings.TrimPrefix(path[end+1:], ".")
				if rest == "" {
					return fmt.Sprintf("entry %d", n+1)
				}
				return fmt.Sprintf("entry %d: %s", n+1, rest)
			}
		}
	}
	return path
}

// parentKey returns the dotted path one level up: "a.b[2]" → "a.b" → "a" → "".
func parentKey(k string) string {
	i := strings.LastIndexAny(k, ".[")
	if i < 0 {
		return ""
	}
	return k[:i]
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

// yamlDecoder walks a yaml.Node tree into a value by the yaml tags of its
// structs, collecting problems instead of stopping at the first, and
// remembering where each key was written.
type yamlDecoder struct {
	file     string
	problems []Problem
	pos      map[string]keyPos
	bad      map[string]bool // keys whose values had the wrong type: not also "missing"
	// suggested holds the keys an unknown key was taken for ("titel" →
	// "title"): one problem, not a second "missing title".
	suggested map[string]bool
	// homes points top-level keys people write out of habit to where they
	// belong in this kind of file ("author" → "creators").
	homes map[string]string
}

// isBad reports whether key or one of its parents had a value of the wrong
// type, so its absence is not reported a second time.
func (d *yamlDecoder) isBad(key string) bool {
	for k := key; k != ""; k = parentKey(k) {
		if d.bad[k] {
			return true
		}
	}
	return false
}

func (d *yamlDecoder) add(line, col int, msg, hint string) {
	d.problems = append(d.problems, Problem{File: d.file, Line: line, Col: col, Message: msg, Hint: hint})
}

func (d *yamlDecoder) addAt(n *yaml.Node, msg, hint string) {
	d.add(n.Line, n.Column, msg, hint)
}

func (d *yamlDecoder) err() error {
	sort.SliceStable(d.problems, func(i, j int) bool {
		a, b := d.problems[i], d.problems[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return &FileError{Problems: d.problems}
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

// manifestKeyHomes points keys people write at the top level of a manifest
// out of habit (from pandoc front matter or other tools) to where they
// belong.
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

func (d *yamlDecoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
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
			hint, guess := unknownKeyHint(key, path, known, d.homes)
			if guess != "" {
				d.suggested[guess] = true
			}
			d.addAt(kn, fmt.Sprintf("unknown key %q", displayKey(full)), hint)
			continue
		}
		d.pos[full] = keyPos{kn.Line, kn.Column, vn.Line, vn.Column}
		d.decodeValue(vn, v.Field(fi), full)
	}
}

// unknownKeyHint suggests the known key nearest in spelling, or the home of a
// key written at the wrong level, or lists the keys allowed here. guess is
// the full path of the suggested key, if there is one.
func unknownKeyHint(key, path string, known []string, homes map[string]string) (hint, guess string) {
	if path == "" {
		if home, ok := homes[strings.ToLower(key)]; ok {
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

// ScalarForm is implemented by a struct that a seed file may also write as
// a single value, its one required key alone: a note's source written
// "taubman2003" for {key: taubman2003}, as creators may be written as a
// name alone.
type ScalarForm interface {
	SetScalar(value string)
}

var scalarFormType = reflect.TypeOf((*ScalarForm)(nil)).Elem()

func (d *yamlDecoder) decodeValue(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.AliasNode {
		// Aliases are refused rather than expanded: a manifest has no need
		// of them, and expanding them is how a small YAML file becomes a
		// very large one.
		d.addAt(n, fmt.Sprintf("%s: YAML aliases (*name) are not supported here", displayKey(path)), "write the value out in full")
		d.bad[path] = true
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.addAt(n, fmt.Sprintf("%s: expected a string, found %s", displayKey(path), DescribeNode(n)), stringHint(n))
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
		if n.Kind == yaml.ScalarNode && reflect.PointerTo(v.Type()).Implements(scalarFormType) {
			v.Addr().Interface().(ScalarForm).SetScalar(n.Value)
			return
		}
		if n.Kind != yaml.MappingNode {
			d.addAt(n, fmt.Sprintf("%s: expected a mapping (keys and values), found %s", displayKey(path), DescribeNode(n)), "write its keys indented on the lines under it")
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
			d.addAt(n, fmt.Sprintf("%s: expected a list, found %s", displayKey(path), DescribeNode(n)), "write each entry on its own line, starting with \"- \"")
			d.bad[path] = true
			return
		}
		out := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			ip := fmt.Sprintf("%s[%d]", path, i)
			d.pos[ip] = keyPos{item.Line, item.Column, item.Line, item.Column}
			if elem == creatorType && item.Kind == yaml.ScalarNode && item.Tag != "!!null" {
				out.Index(i).Set(reflect.ValueOf(model.Creator{Name: item.Value}))
				continue
			}
			d.decodeValue(item, out.Index(i), ip)
		}
		v.Set(out)
	case reflect.Map:
		// A mapping of names to strings (the manifest's strings:), each
		// entry's place kept for the messages about it.
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return
		}
		if n.Kind != yaml.MappingNode || v.Type().Key().Kind() != reflect.String || v.Type().Elem().Kind() != reflect.String {
			d.addAt(n, fmt.Sprintf("%s: expected a mapping (keys and values), found %s", displayKey(path), DescribeNode(n)), "write its keys indented on the lines under it")
			d.bad[path] = true
			return
		}
		out := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			kn, vn := n.Content[i], n.Content[i+1]
			key := joinKey(path, kn.Value)
			if kn.Kind != yaml.ScalarNode {
				d.addAt(kn, "a key must be a plain name, found "+DescribeNode(kn), "")
				continue
			}
			if out.MapIndex(reflect.ValueOf(kn.Value)).IsValid() {
				d.addAt(kn, fmt.Sprintf("duplicate key %q (first written at line %d)", displayKey(key), d.pos[key].line), "keep one of them")
				continue
			}
			d.pos[key] = keyPos{kn.Line, kn.Column, vn.Line, vn.Column}
			var val string
			d.decodeValue(vn, reflect.ValueOf(&val).Elem(), key)
			out.SetMapIndex(reflect.ValueOf(kn.Value), reflect.ValueOf(val))
		}
		v.Set(out)
	case reflect.Bool:
		if n.Tag == "!!null" {
			return
		}
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.addAt(n, fmt.Sprintf("%s: expected true or false, found %s", displayKey(path), DescribeNode(n)), "write true or false")
			d.bad[path] = true
			return
		}
		v.SetBool(n.Value == "true" || n.Value == "True" || n.Value == "TRUE")
	case reflect.Int:
		if n.Tag == "!!null" {
			return
		}
		i, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			d.addAt(n, fmt.Sprintf("%s: expected a whole number, found %s", displayKey(path), DescribeNode(n)), "write digits only, e.g. 2")
			d.bad[path] = true
			return
		}
		v.SetInt(int64(i))
	default:
		// Only the kinds above occur in a seed's files; a new field of
		// another kind is decoded by yaml.v3 itself, still reporting where.
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
