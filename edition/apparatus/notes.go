package apparatus

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/model"

	"gopkg.in/yaml.v3"
)

// NoteSet is a seed's annotations file: the editor's notes, keyed to phrases
// of the text, and the sources they rely on.
type NoteSet struct {
	File    string
	Sources []NoteSource
	Notes   []NoteEntry
}

// NoteSource is one work the notes cite.
type NoteSource struct {
	Key   string // how notes refer to it, e.g. "griffith1963"
	Cite  string // the full citation, Markdown-ish: *italics* only
	Short string // the short form notes print, e.g. "Griffith 1963"; derived from Cite when empty
	Line  int
}

// NoteEntry is one note: the phrase it annotates and what it says.
type NoteEntry struct {
	Phrase     string   // the words the note is attached to, as in the text
	Occurrence int      // which occurrence of Phrase in the body, 1-based; default 1
	Text       string   // the note, Markdown-ish: *italics* only
	Sources    []string // keys of NoteSet.Sources
	Line       int
}

// LoadNotes reads a notes file (YAML with the lists "sources" and "notes").
// Errors name the file and the line at fault; a note citing an unknown
// source key is an error.
func LoadNotes(file string) (*NoteSet, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("notes: %w", err)
	}
	return ParseNotes(file, data)
}

// ParseNotes parses the contents of a notes file; file is used in messages.
func ParseNotes(file string, data []byte) (*NoteSet, error) {
	ns := &NoteSet{File: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(doc.Content) == 0 {
		return ns, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: a notes file is a mapping with sources and notes", file, root.Line)
	}
	var errs []error
	bad := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "sources":
			if v.Kind != yaml.SequenceNode {
				bad(v.Line, "sources must be a list")
				continue
			}
			for _, n := range v.Content {
				var s struct {
					Key, Cite, Short string
				}
				if err := n.Decode(&s); err != nil {
					bad(n.Line, "source: %v", err)
					continue
				}
				if err := knownKeys(n, "key", "cite", "short"); err != nil {
					bad(n.Line, "%v", err)
					continue
				}
				if s.Key == "" || s.Cite == "" {
					bad(n.Line, "a source needs a key and a cite")
					continue
				}
				ns.Sources = append(ns.Sources, NoteSource{Key: s.Key, Cite: s.Cite, Short: s.Short, Line: n.Line})
			}
		case "notes":
			if v.Kind != yaml.SequenceNode {
				bad(v.Line, "notes must be a list")
				continue
			}
			for _, n := range v.Content {
				var e struct {
					Phrase     string
					Occurrence int
					Text       string
					Sources    []string
				}
				if err := n.Decode(&e); err != nil {
					bad(n.Line, "note: %v", err)
					continue
				}
				if err := knownKeys(n, "phrase", "occurrence", "text", "sources"); err != nil {
					bad(n.Line, "%v", err)
					continue
				}
				if e.Phrase == "" || strings.TrimSpace(e.Text) == "" {
					bad(n.Line, "a note needs a phrase and a text")
					continue
				}
				if e.Occurrence < 0 {
					bad(n.Line, "occurrence must be 1 or more")
					continue
				}
				if e.Occurrence == 0 {
					e.Occurrence = 1
				}
				ns.Notes = append(ns.Notes, NoteEntry{Phrase: e.Phrase, Occurrence: e.Occurrence,
					Text: strings.TrimSpace(e.Text), Sources: e.Sources, Line: n.Line})
			}
		default:
			bad(k.Line, "unknown key %q (want sources, notes)", k.Value)
		}
	}
	seen := map[string]int{}
	for _, s := range ns.Sources {
		if l, dup := seen[s.Key]; dup {
			bad(s.Line, "source key %q already used on line %d", s.Key, l)
		}
		seen[s.Key] = s.Line
	}
	if err := ns.checkSourceKeys(); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return ns, nil
}

// knownKeys checks that a mapping node uses only the given keys.
func knownKeys(n *yaml.Node, keys ...string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("expected a mapping")
	}
	for i := 0; i < len(n.Content); i += 2 {
		k := n.Content[i].Value
		ok := false
		for _, want := range keys {
			ok = ok || k == want
		}
		if !ok {
			return fmt.Errorf("unknown key %q (want %s)", k, strings.Join(keys, ", "))
		}
	}
	return nil
}

// checkSourceKeys reports every note citing a source key the set lacks.
func (ns *NoteSet) checkSourceKeys() error {
	var errs []error
	for _, n := range ns.Notes {
		for _, k := range n.Sources {
			if ns.source(k) == nil {
				errs = append(errs, fmt.Errorf("%s:%d: note on %q cites unknown source %q", ns.File, n.Line, n.Phrase, k))
			}
		}
	}
	return errors.Join(errs...)
}

func (ns *NoteSet) source(key string) *NoteSource {
	for i := range ns.Sources {
		if ns.Sources[i].Key == key {
			return &ns.Sources[i]
		}
	}
	return nil
}

// NoteID returns the ID of the n-th note ("note-3"); its reference in the
// text links to it, and writers give the reference the ID NoteRefID(n) for
// the backlink.
func NoteID(n int) string { return "note-" + strconv.Itoa(n) }

// NoteRefID returns the ID writers give the n-th note's reference mark.
func NoteRefID(n int) string { return "noteref-" + strconv.Itoa(n) }

// AttachNotes places the notes of ns in the body sections secs: each note's
// reference (a NoteRef inline with Target NoteID(n) and Text n) is inserted
// right after its phrase, splitting the text run, and notes are numbered in
// reading order. It returns the note bodies (Kind Note, ID NoteID(n)) in
// that order, each ending with a short citation of its sources. A phrase
// must stand as whole words; a phrase not found, or found fewer times than
// its occurrence asks, is an error naming the notes file and line.
func AttachNotes(secs []model.Section, ns *NoteSet) (notes []model.Block, err error) {
	if ns == nil || len(ns.Notes) == 0 {
		return nil, nil
	}
	if err := ns.checkSourceKeys(); err != nil {
		return nil, err
	}
	type place struct {
		entry int
		block *model.Block
		order int
		end   int // byte offset just after the phrase in the block's text
	}
	places := make([]place, 0, len(ns.Notes))
	var errs []error
	texts := plainTexts{} // the blocks do not change until every note is placed
	for i, n := range ns.Notes {
		seen := 0
		var found *place
		visitTextBlocks(secs, func(v blockVisit) {
			if found != nil || v.block.Kind == model.Note || v.block.Kind == model.Heading {
				return
			}
			text := texts.of(v.block)
			for _, off := range findAll(text, n.Phrase) {
				if !wholeWords(text, off, off+len(n.Phrase)) {
					continue
				}
				seen++
				if seen == n.Occurrence {
					found = &place{entry: i, block: v.block, order: v.order, end: markAfter(text, off+len(n.Phrase))}
					return
				}
			}
		})
		switch {
		case found != nil:
			places = append(places, *found)
		case seen == 0:
			errs = append(errs, fmt.Errorf("%s:%d: note phrase %q not found in the text", ns.File, n.Line, n.Phrase))
		default:
			errs = append(errs, fmt.Errorf("%s:%d: note phrase %q occurs %d times, not %d", ns.File, n.Line, n.Phrase, seen, n.Occurrence))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.SliceStable(places, func(i, j int) bool {
		if places[i].order != places[j].order {
			return places[i].order < places[j].order
		}
		return places[i].end < places[j].end
	})
	for num, p := range places {
		n := ns.Notes[p.entry]
		ins := parseInlineMarkup(n.Text)
		if cite := ns.shortCitation(n.Sources); cite != "" {
			ins = append(ins, model.Str(" "+cite))
		}
		notes = append(notes, model.Block{
			Kind:      model.Note,
			ID:        NoteID(num + 1),
			Inlines:   ins,
			Attr:      model.Attr{{Key: "ref", Value: NoteRefID(num + 1)}},
			Editorial: true,
		})
	}
	// Insert the marks from the end of each block backwards, so earlier
	// offsets stay valid.
	for i := len(places) - 1; i >= 0; i-- {
		p := places[i]
		ref := model.Inline{Kind: model.NoteRef, Target: NoteID(i + 1), Text: strconv.Itoa(i + 1)}
		p.block.Inlines, _ = insertInline(p.block.Inlines, p.end, ref)
	}
	return notes, nil
}

// markAfter moves a note mark's place from the end of its phrase past a
// possessive ending and closing punctuation, where a reference mark stands
// in print (The Chicago Manual of Style, 14.26: after any punctuation
// except a dash): "Khrushchev’s¹ group", "the Congress.²".
func markAfter(text string, end int) int {
	for _, suffix := range []string{"’s", "'s", "’", "'"} {
		if strings.HasPrefix(text[end:], suffix) {
			next := end + len(suffix)
			if r, _ := utf8.DecodeRuneInString(text[next:]); next == len(text) || !isWordRune(r) {
				end = next
				break
			}
		}
	}
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !strings.ContainsRune(".,;:!?»”’\")]", r) {
			break
		}
		if next, _ := utf8.DecodeRuneInString(text[end+size:]); r == '’' && isWordRune(next) {
			break // an apostrophe inside a word, not a closing quote
		}
		end += size
	}
	return end
}

// wholeWords reports whether text[start:end] neither begins nor ends inside
// a word, so that "Tito" does not match in "Titoite".
func wholeWords(text string, start, end int) bool {
	if start > 0 {
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		first, _ := utf8.DecodeRuneInString(text[start:])
		if isWordRune(before) && isWordRune(first) {
			return false
		}
	}
	if end < len(text) {
		last, _ := utf8.DecodeLastRuneInString(text[:end])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if isWordRune(last) && isWordRune(after) {
			return false
		}
	}
	return true
}

// insertInline inserts in at byte offset off of the plain text of ins,
// splitting a Text inline when off falls inside it. A mark at the end of an
// emphasised span goes after the span, not inside it. It returns the new
// slice and how much of off was left unconsumed (0 once inserted).
func insertInline(ins []model.Inline, off int, in model.Inline) ([]model.Inline, int) {
	out := make([]model.Inline, 0, len(ins)+2)
	for i, cur := range ins {
		if off < 0 {
			out = append(out, ins[i:]...)
			return out, -1
		}
		n := len(model.PlainText([]model.Inline{cur}))
		if cur.Kind == model.LineBreak {
			n = 1
		}
		switch {
		case cur.Kind == model.Text && off <= n:
			if off < n {
				out = append(out, model.Str(cur.Text[:off]), in, model.Str(cur.Text[off:]))
			} else {
				out = append(out, cur, in)
			}
			off = -1
		case off < n && len(cur.Children) > 0:
			cur.Children, _ = insertInline(cur.Children, off, in)
			out = append(out, cur)
			off = -1
		case off == n && cur.Kind != model.NoteRef:
			out = append(out, cur, in)
			off = -1
		default:
			out = append(out, cur)
			off -= n
		}
	}
	if off == 0 {
		out = append(out, in)
		off = -1
	}
	return out, off
}

// shortCitation is the citation printed at the end of a note:
// "Sources: Griffith 1963; Hamm 1963."
func (ns *NoteSet) shortCitation(keys []string) string {
	if len(keys) == 0 {
		return ""
	}
	shorts := make([]string, 0, len(keys))
	for _, k := range keys {
		if s := ns.source(k); s != nil {
			shorts = append(shorts, s.ShortForm())
		}
	}
	label := "Source: "
	if len(shorts) > 1 {
		label = "Sources: "
	}
	return label + strings.Join(shorts, "; ") + "."
}

var (
	yearPattern   = regexp.MustCompile(`\b1[5-9]\d\d\b|\b20\d\d\b`)
	italicPattern = regexp.MustCompile(`^\*([^*]+)\*`)
)

// ShortForm returns the source's short citation: Short if given, else the
// author's surname (the last word before the citation's first comma) or the
// italic title a citation starts with, followed by the last year in it.
func (s NoteSource) ShortForm() string {
	if s.Short != "" {
		return s.Short
	}
	cite := strings.TrimSpace(s.Cite)
	var name string
	if m := italicPattern.FindStringSubmatch(cite); m != nil {
		name = m[1]
	} else {
		head, _, _ := strings.Cut(cite, ",")
		f := strings.Fields(head)
		if len(f) > 0 {
			name = strings.Trim(f[len(f)-1], ".")
		}
	}
	if years := yearPattern.FindAllString(cite, -1); len(years) > 0 {
		return strings.TrimSpace(name + " " + years[len(years)-1])
	}
	if name == "" {
		return s.Key
	}
	return name
}

// parseInlineMarkup turns the notes file's Markdown-ish text into inlines:
// *italics* become Emph; an unpaired asterisk is kept as written.
func parseInlineMarkup(s string) []model.Inline {
	var out []model.Inline
	for s != "" {
		i := strings.IndexByte(s, '*')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '*')
		if j <= 0 {
			break
		}
		if i > 0 {
			out = append(out, model.Str(s[:i]))
		}
		out = append(out, model.Inline{Kind: model.Emph, Children: []model.Inline{model.Str(s[i+1 : i+1+j])}})
		s = s[i+1+j+1:]
	}
	if s != "" {
		out = append(out, model.Str(s))
	}
	return out
}

// Bibliography returns the works the notes cite, one paragraph each (ID
// "source-KEY"), in alphabetical order of their citations.
func Bibliography(ns *NoteSet) []model.Block {
	if ns == nil {
		return nil
	}
	srcs := append([]NoteSource(nil), ns.Sources...)
	sort.SliceStable(srcs, func(i, j int) bool {
		return strings.ToLower(strings.Trim(srcs[i].Cite, "*")) < strings.ToLower(strings.Trim(srcs[j].Cite, "*"))
	})
	out := make([]model.Block, 0, len(srcs))
	for _, s := range srcs {
		out = append(out, model.Block{
			Kind:      model.Paragraph,
			ID:        "source-" + s.Key,
			Inlines:   parseInlineMarkup(s.Cite),
			Attr:      model.Attr{{Key: "class", Value: "bibliography"}, {Key: "key", Value: s.Key}},
			Editorial: true,
		})
	}
	return out
}
