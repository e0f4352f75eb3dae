// Package apparatus makes an edition's editorial apparatus from the seed's
// files and the readers' record of the copy-text: the emendations applied
// to the text and the readings kept on purpose (emendations.yaml,
// kept.yaml), the editor's notes anchored to their phrases and the works
// they cite (notes.yaml), the Note on the Text that states the edition's
// method and names every kind of change made, and the generated matter
// (imprint, Source page, colophon). Every sentence it writes is in the
// book's language (sentences.go, through edition/locale).
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

	"golang.org/x/text/language"

	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

// NoteSet is a seed's annotations file: the editor's notes, keyed to phrases
// of the text, and the sources they rely on.
type NoteSet struct {
	File    string
	Sources []NoteSource
	Notes   []NoteEntry
	// Words is the language of the words the notes generate (the label of
	// their citations, the title of the Works Cited): the edition's
	// (Words). Nil is English.
	Words *locale.Locale
}

func (ns *NoteSet) words() *locale.Locale {
	if ns == nil || ns.Words == nil {
		return locale.Book("en", nil)
	}
	return ns.Words
}

// NoteSource is one work the notes cite.
type NoteSource struct {
	Key   string `yaml:"key"`   // how notes refer to it, e.g. "griffith1963"
	Cite  string `yaml:"cite"`  // the full citation, Markdown-ish: *italics* and [phrases]{lang=xx} only
	Short string `yaml:"short"` // the short form notes print, e.g. "Griffith 1963"; derived from Cite when empty
	Line  int    `yaml:"-"`
}

// NoteEntry is one note: the phrase it annotates and what it says.
type NoteEntry struct {
	Phrase     string     `yaml:"phrase"`     // the words the note is attached to, as in the text
	Occurrence int        `yaml:"occurrence"` // which occurrence of Phrase in the body, 1-based; default 1
	Text       string     `yaml:"text"`       // the note, Markdown-ish: *italics* and [phrases]{lang=xx} only
	Sources    []Citation `yaml:"sources"`    // the works it relies on
	// Gloss marks a note that only translates or explains a word ("Pan:
	// Polish for lord"), whose authority is the language: it needs no
	// work cited, as the glosses of a documentary edition carry none.
	Gloss bool `yaml:"gloss"`
	Line  int  `yaml:"-"`
}

// Citation is a note's reference to a work of NoteSet.Sources, with the
// pages it relies on where they have been established. A notes file writes
// it as the key alone, "taubman2003", or as {key: pla1972, pages: 389–431}.
type Citation struct {
	Key   string `yaml:"key"`
	Pages string `yaml:"pages"` // as printed: "389", "389–431", "12, 45"
}

// SetScalar reads a citation written as its key alone.
func (c *Citation) SetScalar(key string) { c.Key = key }

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
// Every problem of the file is reported at once, each at its line and
// column (a *seed.FileError).
func ParseNotes(file string, data []byte) (*NoteSet, error) {
	var doc struct {
		Sources []NoteSource `yaml:"sources"`
		Notes   []NoteEntry  `yaml:"notes"`
	}
	f, err := seed.DecodeYAML(file, data, &doc)
	if err != nil {
		return nil, err
	}
	ns := &NoteSet{File: file, Sources: doc.Sources, Notes: doc.Notes}
	var problems []seed.Problem
	seen := map[string]int{}
	for i := range ns.Sources {
		s := &ns.Sources[i]
		at := fmt.Sprintf("sources[%d]", i)
		s.Line = f.Line(at)
		switch {
		case s.Key == "" || s.Cite == "":
			problems = append(problems, f.ProblemAt(at, "a source needs a key and a cite", "write key: and cite: under it"))
		case markupProblem(s.Cite) != "":
			problems = append(problems, f.ProblemAt(at+".cite", markupProblem(s.Cite), "mark a phrase in another language as [words]{lang=xx}, with its BCP 47 tag (pl, el, sq, ru)"))
		case seen[s.Key] > 0:
			problems = append(problems, f.ProblemAt(at+".key", fmt.Sprintf("source key %q already used on line %d", s.Key, seen[s.Key]), "give each source a key of its own"))
		default:
			seen[s.Key] = s.Line
		}
	}
	for i := range ns.Notes {
		n := &ns.Notes[i]
		at := fmt.Sprintf("notes[%d]", i)
		n.Line = f.Line(at)
		n.Text = strings.TrimSpace(n.Text)
		switch {
		case n.Phrase == "" || n.Text == "":
			problems = append(problems, f.ProblemAt(at, "a note needs a phrase and a text", "write phrase: and text: under it"))
		case n.Occurrence < 0:
			problems = append(problems, f.ProblemAt(at+".occurrence", "occurrence must be 1 or more", "count the phrase's occurrences in the text from 1"))
		case n.Occurrence == 0:
			n.Occurrence = 1
		}
		if msg := markupProblem(n.Text); msg != "" {
			problems = append(problems, f.ProblemAt(at+".text", msg, "mark a phrase in another language as [words]{lang=xx}, with its BCP 47 tag (pl, el, sq, ru)"))
		}
		for j, c := range n.Sources {
			if ns.source(c.Key) == nil {
				problems = append(problems, f.ProblemAt(fmt.Sprintf("%s.sources[%d]", at, j), fmt.Sprintf("note on %q cites unknown source %q", n.Phrase, c.Key), "add it under sources:, or correct the key"))
			}
		}
	}
	if len(problems) > 0 {
		return nil, &seed.FileError{Problems: problems}
	}
	return ns, nil
}

// checkSourceKeys reports every note citing a source key the set lacks: a
// set built in code has not been through ParseNotes' checks.
func (ns *NoteSet) checkSourceKeys() error {
	var errs []error
	for _, n := range ns.Notes {
		for _, c := range n.Sources {
			if ns.source(c.Key) == nil {
				errs = append(errs, fmt.Errorf("%s:%d: note on %q cites unknown source %q", ns.File, n.Line, n.Phrase, c.Key))
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
		if cite := ns.shortCitation(n.Sources); len(cite) > 0 {
			ins = append(append(ins, model.Str(" ")), cite...)
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

// shortCitation is the citation printed at the end of a note, each work's
// short form linked to its entry in the Works Cited, with the pages relied
// on: "Sources: Griffith 1963, 45; Hamm 1963."
func (ns *NoteSet) shortCitation(cites []Citation) []model.Inline {
	if len(cites) == 0 {
		return nil
	}
	out := []model.Inline{model.Str(citationLabel(ns.words(), len(cites)))}
	for i, c := range cites {
		s := ns.source(c.Key)
		if s == nil {
			continue
		}
		if i > 0 {
			out = append(out, model.Str("; "))
		}
		out = append(out, model.Inline{Kind: model.Link, Target: "#" + WorkID(c.Key), Children: []model.Inline{model.Str(s.ShortForm())}})
		if p := strings.TrimSpace(c.Pages); p != "" {
			out = append(out, model.Str(", "+p))
		}
	}
	return append(out, model.Str("."))
}

// WorkID is the ID of a work's entry in the Works Cited, which short
// citations link to.
func WorkID(key string) string { return "source-" + key }

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
		name = plainMarkup(m[1])
	} else {
		head, _, _ := strings.Cut(plainMarkup(cite), ",")
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
// *italics* become Emph, and a phrase in another language marked as
// pandoc marks one, [θάλασσα]{lang=el}, a Span with its "lang" attribute
// (WCAG 2.1, 3.1.2 Language of Parts), the two nesting either way; an
// unpaired asterisk or a bracket without a language is kept as written.
func parseInlineMarkup(s string) []model.Inline {
	var out []model.Inline
	text := 0 // the start of the run of text not yet added
	flush := func(end int) {
		if end > text {
			out = append(out, model.Str(s[text:end]))
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*':
			j := strings.IndexByte(s[i+1:], '*')
			if j <= 0 {
				continue
			}
			flush(i)
			out = append(out, model.Inline{Kind: model.Emph, Children: parseInlineMarkup(s[i+1 : i+1+j])})
			i += j + 1
			text = i + 1
		case '[':
			inner, lang, end, ok := langSpan(s[i:])
			if !ok {
				continue
			}
			flush(i)
			out = append(out, model.Inline{Kind: model.Span, Attr: model.Attr{{Key: "lang", Value: lang}}, Children: parseInlineMarkup(inner)})
			i += end - 1
			text = i + 1
		}
	}
	flush(len(s))
	return out
}

// langSpan reads a phrase marked with its language at the start of s,
// "[words]{lang=tag}": its words, the tag, and the length of the markup.
func langSpan(s string) (inner, lang string, end int, ok bool) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth > 0 {
			continue
		}
		attrs, rest, found := strings.Cut(s[i+1:], "}")
		if !found || !strings.HasPrefix(attrs, "{lang=") {
			return "", "", 0, false
		}
		lang = strings.Trim(strings.TrimPrefix(attrs, "{lang="), `"`)
		if lang == "" || strings.ContainsAny(lang, " {[") {
			return "", "", 0, false
		}
		return s[1:i], lang, len(s) - len(rest), true
	}
	return "", "", 0, false
}

// markupProblem describes what is wrong with the marking of phrases in
// another language in s: a tag that is not a language's, or "]{" that
// does not close a marked phrase; "" when nothing is.
func markupProblem(s string) string {
	var check func(ins []model.Inline) string
	check = func(ins []model.Inline) string {
		for _, in := range ins {
			if lang := in.Attr.Get("lang"); lang != "" {
				if _, err := language.Parse(lang); err != nil {
					return fmt.Sprintf("%q is not a language tag", lang)
				}
			}
			if msg := check(in.Children); msg != "" {
				return msg
			}
			if i := strings.Index(in.Text, "]{"); in.Kind == model.Text && i >= 0 {
				from, to := max(0, strings.LastIndex(in.Text[:i], "[")), len(in.Text)
				if j := strings.IndexByte(in.Text[i:], '}'); j >= 0 {
					to = i + j + 1
				}
				return fmt.Sprintf("%q is not a phrase marked with its language", in.Text[from:to])
			}
		}
		return ""
	}
	return check(parseInlineMarkup(s))
}

// plainMarkup is the text of the notes file's markup, as printed.
func plainMarkup(s string) string { return model.PlainText(parseInlineMarkup(s)) }

// WorksCitedID is the ID of the "Works Cited" section.
const WorksCitedID = "works-cited"

// WorksCited returns the back-matter section listing the works the notes
// and the introduction cite, one paragraph each (ID WorkID(key)), in the
// order of a bibliography: by the author's surname, or by the title where
// there is no author, an opening article ignored (The Chicago Manual of
// Style, 14.64 and 14.75). It reports false when the notes cite no work.
func WorksCited(ns *NoteSet) (model.Section, bool) {
	sec := model.Section{ID: WorksCitedID, Role: model.RoleAppendix, Title: []model.Inline{model.Str(ns.words().T(locale.WorksCited))}, Editorial: true}
	if ns == nil || len(ns.Sources) == 0 {
		return sec, false
	}
	srcs := append([]NoteSource(nil), ns.Sources...)
	sort.SliceStable(srcs, func(i, j int) bool { return SortKey(srcs[i].Cite) < SortKey(srcs[j].Cite) })
	for _, s := range srcs {
		sec.Blocks = append(sec.Blocks, model.Block{
			Kind:      model.Paragraph,
			ID:        WorkID(s.Key),
			Inlines:   parseInlineMarkup(s.Cite),
			Attr:      model.Attr{{Key: "class", Value: "bibliography"}, {Key: "key", Value: s.Key}},
			Editorial: true,
		})
	}
	return sec, true
}

// SortKey is what a citation is alphabetised by: its words without
// markup, quotation marks or accents, an opening article dropped, in lower
// case ("*The Press* (Christchurch)" sorts as "press (christchurch)",
// "Lüthi" as "luthi").
func SortKey(cite string) string {
	s := strings.NewReplacer("“", "", "”", "", "‘", "", "’", "", "\"", "", "«", "", "»", "").Replace(plainMarkup(cite))
	s = strings.TrimSpace(s)
	for _, article := range []string{"The ", "A ", "An "} {
		if rest, ok := strings.CutPrefix(s, article); ok {
			s = rest
			break
		}
	}
	return strings.ToLower(withoutAccents(s))
}

// LinkCitations links every short citation of a work of ns in the text of
// secs (the introduction's "(Griffith 1963; Pano 1968)") to the work's
// entry in the Works Cited, as the notes' citations are. Text already in a
// link is left alone; a short form must stand as whole words.
func LinkCitations(secs []model.Section, ns *NoteSet) {
	if ns == nil || len(ns.Sources) == 0 {
		return
	}
	type form struct{ text, target string }
	var forms []form
	for _, s := range ns.Sources {
		forms = append(forms, form{s.ShortForm(), "#" + WorkID(s.Key)})
	}
	// The longest first, so that "Griffith 1963a" is not cut at "Griffith 1963".
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].text) > len(forms[j].text) })
	var link func(ins []model.Inline) []model.Inline
	link = func(ins []model.Inline) []model.Inline {
		var out []model.Inline
		for _, in := range ins {
			switch in.Kind {
			case model.Text:
				out = append(out, linkRun(in.Text, func(text string, from int) (int, int, string) {
					best, end, target := -1, 0, ""
					for _, f := range forms {
						for _, off := range findAll(text[from:], f.text) {
							at := from + off
							if wholeWords(text, at, at+len(f.text)) && (best < 0 || at < best) {
								best, end, target = at, at+len(f.text), f.target
								break
							}
						}
					}
					return best, end, target
				})...)
			case model.Link, model.Code, model.NoteRef:
				out = append(out, in)
			default:
				in.Children = link(in.Children)
				out = append(out, in)
			}
		}
		return out
	}
	var blocks func(bs []model.Block)
	blocks = func(bs []model.Block) {
		for i := range bs {
			bs[i].Inlines = link(bs[i].Inlines)
			blocks(bs[i].Children)
		}
	}
	for i := range secs {
		blocks(secs[i].Blocks)
	}
}

// linkRun splits text into runs and links at the places next finds, in
// order; next returns the start, end and target of the first place at or
// after from, or a start of -1.
func linkRun(text string, next func(text string, from int) (start, end int, target string)) []model.Inline {
	var out []model.Inline
	from := 0
	for {
		start, end, target := next(text, from)
		if start < 0 {
			break
		}
		if start > from {
			out = append(out, model.Str(text[from:start]))
		}
		out = append(out, model.Inline{Kind: model.Link, Target: target, Children: []model.Inline{model.Str(text[start:end])}})
		from = end
	}
	if from < len(text) || len(out) == 0 {
		out = append(out, model.Str(text[from:]))
	}
	return out
}

// Warnings returns what an editor should know of the notes before
// publishing: notes that state a year later than every work they cite (a
// death in 2008 cited to a book of 2003 cannot be supported by it), and, in
// one warning, the notes that cite no work at all but glosses.
func (ns *NoteSet) Warnings() []model.Warning {
	if ns == nil {
		return nil
	}
	var out []model.Warning
	var uncited []string
	for _, n := range ns.Notes {
		if len(n.Sources) == 0 {
			if !n.Gloss {
				uncited = append(uncited, strconv.Itoa(n.Line))
			}
			continue
		}
		latest := 0
		for _, c := range n.Sources {
			s := ns.source(c.Key)
			if s == nil {
				continue
			}
			years := yearPattern.FindAllString(s.Cite, -1)
			if len(years) == 0 {
				latest = 1 << 30 // an undated work: nothing to compare
				break
			}
			for _, y := range years {
				latest = max(latest, atoi(y))
			}
		}
		stated := 0
		for _, y := range yearPattern.FindAllString(n.Text, -1) {
			stated = max(stated, atoi(y))
		}
		if stated > latest {
			out = append(out, model.Warning{File: ns.File, Line: n.Line,
				Message: fmt.Sprintf("the note on %q states %d, later than any work it cites (the latest is of %d): cite a work that can support it", n.Phrase, stated, latest)})
		}
	}
	if len(uncited) > 0 {
		out = append(out, model.Warning{File: ns.File,
			Message: fmt.Sprintf("%d of %d notes cite no work (the notes at lines %s)", len(uncited), len(ns.Notes), strings.Join(uncited, ", "))})
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
