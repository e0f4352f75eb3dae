// Package markdown reads a Markdown source, in the dialect pandoc reads
// (footnotes, inline notes, tables of every pandoc form, definition
// lists, line blocks, math, citations, attributes and spans with their
// language), into a model.Source, through goldmark. The archive furniture
// of Web pages is sorted out by markdown/furniture, pandoc's tables
// goldmark cannot read by markdown/pandoctable, and raw HTML kept safe by
// markdown/rawhtml.
package markdown

// This file is the only importer of goldmark. It parses a Markdown source and
// converts goldmark's tree into the edition model at once, so that no
// goldmark node (which points into the source bytes) outlives Read.

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/decode"
	"github.com/bindery-editions/bindery/edition/markdown/furniture"
	"github.com/bindery-editions/bindery/edition/markdown/metadata"
	"github.com/bindery-editions/bindery/edition/markdown/pandoctable"
	"github.com/bindery-editions/bindery/edition/markdown/rawhtml"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
	"github.com/bindery-editions/bindery/layout/texmath"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// Read reads a Markdown source (CommonMark with footnotes and YAML
// front matter) into a Source. file names the source in messages; data is its
// content. A UTF-8 byte order mark is skipped and CRLF or CR line endings are
// read as LF; invalid UTF-8, NUL bytes, an empty file, a file over
// decode.MaxSize and front matter that is not valid YAML are errors wrapping
// decode's errors or ErrFrontMatter, formatted "FILE:LINE: ..." where a line is known.
//
// A Web archive's furniture around the document (navigation, spacing
// paragraphs and rules, the page's title block, credit and source lines,
// the headings over the notes) is recognised by its shape and left out or
// moved to Source.Title and Source.Trailer, and a pandoc title block or
// MultiMarkdown metadata is read into Source.Front (package furniture); each such decision is
// reported in Source.Changes.
//
// Each heading at the shallowest level the body uses starts a Section
// titled by it; text before the first such heading forms an untitled first
// section, or sections of its own when it holds deeper headings. Deeper
// headings become Heading blocks, renumbered from level 2 with no level
// skipped. Footnotes, and a Web page's endnotes linked both ways, become
// Note blocks in Source.Notes with IDs "fn-1", "fn-2"... in order of first
// reference, referenced by NoteRef inlines. Quotes and dashes are left as
// written: typography is a later, shared pass. A block of raw HTML is
// sanitised (package rawhtml), each thing refused a warning, and becomes
// the model's own blocks when it holds only structures the model has,
// else a RawBlock; a comment is left out.
func Read(file string, data []byte) (*model.Source, error) {
	decoded, enc, warns, err := decodeMarkdown(file, data)
	if err != nil {
		return nil, err
	}
	prep := furniture.Prepare(decoded)
	src := prep.Src
	if err := metadata.CheckClosed(file, src); err != nil {
		return nil, err
	}
	md := newMarkdown(true)
	ctx := parser.NewContext()
	state := &parseState{notes: definedNotes(src)}
	ctx.Set(parseStateKey, state)
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))

	r := &markdownReader{file: file, src: src, out: &model.Source{File: file, Warnings: warns, Encoding: enc}, md: &fragmentParser{}, ids: map[string]bool{}, notes: map[int]int{}, count: new(int)}
	r.lineStarts = lineStarts(src)
	r.changes = prep.Changes
	if frontmatter.Get(ctx) != nil {
		// The YAML starts on the line under the opening "---"; the seed's
		// YAML parser reads it so that a tab or a syntax error is named
		// at its line and column as in a manifest.
		offset, body := metadata.Body(src)
		node, err := seed.ParseYAML(file, body, offset+1)
		if err != nil {
			return nil, metadata.Wrap(err)
		}
		if node != nil {
			warns, err := metadata.Fill(&r.out.Front, file, node, offset)
			if err != nil {
				return nil, err
			}
			r.out.Warnings = append(r.out.Warnings, warns...)
		}
	}
	prep.FillFront(&r.out.Front)
	r.document(doc)
	r.unreferencedNotes(state.unreferenced)
	r.resolveLinks()
	if !r.hasBody() {
		return nil, fmt.Errorf("%s: %w", file, decode.ErrNoBody)
	}
	r.out.Changes = r.changes.List(func(line int) bool {
		return line >= 1 && line <= len(r.lineStarts) && isBlank(string(lineAt(decoded, r.lineStarts, line)))
	})
	return r.out, nil
}

// lineAt returns the 1-based line n of src, without its line end.
func lineAt(src []byte, starts []int, n int) []byte {
	from := starts[n-1]
	to := len(src)
	if n < len(starts) {
		to = starts[n] - 1
	}
	return src[from:to]
}

// ErrFrontMatter is wrapped by errors in a Markdown file's YAML front
// matter (package metadata).
var ErrFrontMatter = metadata.ErrFrontMatter

// isBlank reports whether a line holds nothing but spaces.
func isBlank(l string) bool { return strings.TrimSpace(l) == "" }

// decodeMarkdown checks data and normalises it for parsing, in the
// encoding it is written in (see package decode: UTF-8, UTF-16 with its
// byte order mark, a declared or detected single-byte encoding), as the
// plain-text reader does: a Markdown file saved by a Windows editor is as
// much a user's source as a Gutenberg etext.
func decodeMarkdown(file string, data []byte) ([]byte, model.Encoding, []model.Warning, error) {
	d, err := decode.Read(file, data)
	return []byte(d.Text), d.Encoding, d.Warnings, err
}

// markdownReader converts one parsed document.
type markdownReader struct {
	file       string
	src        []byte
	lineStarts []int // byte offset of each line's start
	lineBase   int   // lines of the file before src, for a fragment read apart (a table cell)
	out        *model.Source
	top        int           // the heading level that starts sections; 0 if none
	changes    furniture.Log // the decisions that turned source text into something else
	// htmlLinks are the links of each block of raw HTML that has any, by
	// its first line, for the recognisers of navigation (package
	// furniture).
	htmlLinks map[int]htmlLinks

	md    *fragmentParser // reads fragments: cells, spans, inline notes
	ids   map[string]bool // heading identifiers given so far
	notes map[int]int     // goldmark's footnote index → the note's number
	count *int            // notes numbered so far, shared with fragment readers
}

// lineStarts returns the byte offset of each line's start.
func lineStarts(src []byte) []int {
	out := []int{0}
	for i, c := range src {
		if c == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}

// lineOf returns the 1-based line of byte offset off.
func (r *markdownReader) lineOf(off int) int {
	if off < 0 {
		return 0
	}
	return r.lineBase + sort.Search(len(r.lineStarts), func(i int) bool { return r.lineStarts[i] > off })
}

// blockLine returns the source line a block node starts on: its own position
// where goldmark recorded one, else its first line of text, else its first
// child's.
func (r *markdownReader) blockLine(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return r.lineOf(p)
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return r.lineOf(n.Lines().At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if l := r.blockLine(c); l > 0 {
			return l
		}
	}
	return 0
}

func (r *markdownReader) warn(line int, format string, args ...any) {
	r.out.Warnings = append(r.out.Warnings, model.Warning{File: r.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (r *markdownReader) hasBody() bool {
	for _, s := range r.out.Sections {
		if len(s.Blocks) > 0 || len(s.Title) > 0 {
			return true
		}
	}
	return false
}

// document reads the top-level blocks, sorts out the archive furniture
// among them (package furniture) and cuts the body into sections.
func (r *markdownReader) document(doc ast.Node) {
	items := make([]furniture.Item, 0, doc.ChildCount())
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if fl, ok := c.(*east.FootnoteList); ok {
			r.footnotes(fl)
			continue
		}
		got := r.block(c)
		end := r.blockEnd(c)
		for _, b := range got {
			if n := len(items); n > 0 {
				switch joinCaption(&items[n-1].Block, &b) {
				case captionBefore:
					items[n-1] = furniture.Item{Block: b, End: end}
					continue
				case captionAfter:
					items[n-1].End = end
					continue
				}
			}
			it := furniture.Item{Block: b, End: end}
			if l, ok := r.htmlLinks[b.Line]; ok && b.Kind == model.RawBlock {
				it.Links, it.LinksOnly = l.targets, l.only
			}
			items = append(items, it)
		}
	}
	names := furniture.Names{NextNote: r.nextNote, NoteID: noteID, AutoID: autoIdentifier, UniqueID: r.uniqueID}
	sorted := furniture.Sort(items, r.out.Notes, r.out.Front.Title, names, &r.changes)
	r.forgetDroppedHTML(sorted.Dropped)
	r.out.Dropped = append(r.out.Dropped, sorted.Dropped...)
	r.out.Notes = append(r.out.Notes, sorted.Notes...)
	r.out.Title = append(r.out.Title, sorted.Title...)
	r.out.Byline = append(r.out.Byline, sorted.Byline...)
	r.out.Trailer = append(r.out.Trailer, sorted.Trailer...)
	body := sorted.Body
	r.top = 0
	for _, b := range body {
		if b.Kind == model.Heading && (r.top == 0 || b.Level < r.top) {
			r.top = b.Level
		}
	}
	for _, p := range r.cut(body) {
		r.levels(&p)
		r.out.Sections = append(r.out.Sections, p.Section)
	}
	for i := range r.out.Notes {
		r.nestedLevels(r.out.Notes[i].Children)
	}
}

// forgetDroppedHTML takes back the warnings about the raw HTML of blocks
// the furniture left out (a Web page's navigation, whose links to the
// site's pages were refused): what was left out is reported once, as
// furniture, not as HTML the edition could not keep.
func (r *markdownReader) forgetDroppedHTML(dropped []model.Dropped) {
	gone := map[int]bool{}
	for _, d := range dropped {
		if _, ok := r.htmlLinks[d.Line]; ok {
			gone[d.Line] = true
		}
	}
	if len(gone) == 0 {
		return
	}
	ws := r.out.Warnings[:0]
	for _, w := range r.out.Warnings {
		if !gone[w.Line] || !strings.HasPrefix(w.Message, "raw HTML: ") {
			ws = append(ws, w)
		}
	}
	r.out.Warnings = ws
}

// markAttribution makes the last paragraph of a quotation its
// attribution when it names the quotation's source on a line of its own
// after a dash ("— Theobald Wolfe Tone"), as an epigraph's or a motto's
// source is set (The Chicago Manual of Style, 13.36): short, under at
// least one paragraph of the quotation. Its words are kept as written,
// the dash too; only its kind changes, so that both editions set it apart.
func markAttribution(bs []model.Block) []model.Block {
	n := len(bs)
	if n < 2 || bs[n-1].Kind != model.Paragraph {
		return bs
	}
	text := strings.TrimSpace(model.PlainText(bs[n-1].Inlines))
	dashed := false
	for _, d := range []string{"—", "―", "--", "–"} {
		dashed = dashed || strings.HasPrefix(text, d)
	}
	if !dashed || len(strings.Fields(text)) > 12 || strings.ContainsAny(strings.TrimRight(text, "."), ".!?") && len(strings.Fields(text)) > 6 {
		return bs
	}
	bs[n-1].Kind = model.Attribution
	return bs
}

// shortTitleAttr is the heading attribute giving a part's running head.
const shortTitleAttr = "short-title"

// part is a section as cut, with the Markdown level of the headings that
// cut it.
type part struct {
	model.Section
	level int
}

// blockEnd returns the last source line of a top-level block: the last
// of its lines, or of its last child's.
func (r *markdownReader) blockEnd(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		seg := n.Lines().At(n.Lines().Len() - 1)
		return r.lineOf(max(seg.Stop-1, seg.Start))
	}
	if t, ok := n.(*tableNode); ok {
		return t.firstLine + t.lines - 1
	}
	if c := n.LastChild(); c != nil {
		if l := r.blockEnd(c); l > 0 {
			return l
		}
	}
	return r.blockLine(n)
}

// hasHeading reports whether a heading is among bs.
func hasHeading(bs []model.Block) bool {
	for _, b := range bs {
		if b.Kind == model.Heading {
			return true
		}
	}
	return false
}

// cut makes sections of the body's blocks: each heading at the shallowest
// level the blocks use opens one, titled by it; the blocks before the
// first such heading form an untitled first section, or, when they hold
// headings of their own, are cut the same way at their shallowest level,
// since no heading stands over them to hold those.
func (r *markdownReader) cut(blocks []model.Block) []part {
	top := 0
	for _, b := range blocks {
		if b.Kind == model.Heading && (top == 0 || b.Level < top) {
			top = b.Level
		}
	}
	first := len(blocks)
	for i, b := range blocks {
		if b.Kind == model.Heading && b.Level == top {
			first = i
			break
		}
	}
	var out []part
	if first > 0 {
		lead := blocks[:first]
		if top != 0 && hasHeading(lead) {
			out = r.cut(lead)
		} else {
			out = append(out, part{model.Section{Role: model.RoleChapter, Blocks: lead}, top})
		}
	}
	for i := first; i < len(blocks); i++ {
		b := blocks[i]
		if b.Kind == model.Heading && b.Level == top {
			sec := model.Section{Role: model.RoleChapter, Title: b.Inlines, RunningHead: b.Attr.Get(shortTitleAttr)}
			// A part's file is named by its identifier, so it must be
			// one a file name can be.
			if fileNameID(b.ID) {
				sec.ID = b.ID
			}
			out = append(out, part{sec, top})
			continue
		}
		cur := &out[len(out)-1]
		cur.Blocks = append(cur.Blocks, b)
	}
	return out
}

// headingID returns a heading's identifier: the one written in its
// attributes ({#id}), else one made from its text as pandoc makes it
// (pandoc's manual, "Extension: auto_identifiers"), made unique with a
// number as pandoc does.
func (r *markdownReader) headingID(n *ast.Heading, title []model.Inline) string {
	if v, ok := n.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok && len(b) > 0 {
			id := string(b)
			r.ids[id] = true
			return id
		}
	}
	return r.uniqueID(autoIdentifier(model.PlainText(title)))
}

// uniqueID returns base, or base with a number, as no heading has it yet,
// and none of the edition's own parts.
//
// The EPUB names a part's blocks by the part's identifier and a number
// ("section-1", "section-2" in the part "section"), so an identifier of
// that form clashes with the blocks of the part named by what comes
// before its number, whichever is taken first: two headings "Α΄" and
// "Β΄" once made "section" and "section-1", and the build failed on the
// duplicate. A second heading of the same text is therefore numbered
// with "_" ("section_2"), a form no block's identifier has, not with
// pandoc's "-1".
func (r *markdownReader) uniqueID(base string) string {
	if reservedID(base) {
		base += "-heading"
	}
	id := base
	for i := 2; r.ids[id] || reservedID(id) || r.blockIDClash(id); i++ {
		id = fmt.Sprintf("%s_%d", base, i)
	}
	r.ids[id] = true
	return id
}

// blockIDClash reports whether id has the form of a block's identifier in
// the part a taken identifier names ("chapter-3" beside "chapter"), or
// a taken identifier has that form in the part id would name.
func (r *markdownReader) blockIDClash(id string) bool {
	if i := strings.LastIndexByte(id, '-'); i > 0 && allDigits(id[i+1:]) && r.ids[id[:i]] {
		return true
	}
	for taken := range r.ids {
		if rest, ok := strings.CutPrefix(taken, id+"-"); ok && allDigits(rest) {
			return true
		}
	}
	return false
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// reservedID reports whether an identifier is one the edition gives its
// own parts ("introduction", "notes", "part-2"), which a heading's must
// not take.
func reservedID(id string) bool {
	switch id {
	case "titlepage", "imprint", "contents", "toc", "nav", "cover", "introduction", "note-on-text", "notes", "references", "source", "colophon":
		return true
	}
	// "part-2" names an untitled part; "introduction-3" and "part-2-4"
	// a block of a part.
	if i := strings.LastIndexByte(id, '-'); i > 0 {
		if _, err := strconv.Atoi(id[i+1:]); err == nil {
			return id[:i] == "part" || reservedID(id[:i])
		}
	}
	return false
}

// autoIdentifier makes an identifier from a heading's text: letters and
// digits lower-cased, spaces and hyphens as hyphens, everything before the
// first letter and every other character left out; "section" when nothing
// is left. Only ASCII is kept, so that the identifier can name a file; a
// Latin letter with an accent keeps its base letter ("Prólogo" is
// "prologo", "Straße" "strasse"), as readers of the language would spell
// it without accents, rather than being left out.
func autoIdentifier(s string) string {
	var b strings.Builder
	started := false
	// Greek "ου" is one sound, "ou" in every romanisation.
	for _, c := range strings.ReplaceAll(norm.NFD.String(strings.ToLower(s)), "ου", "ou") {
		if f, ok := asciiFolds[c]; ok {
			started = true
			b.WriteString(f)
			continue
		}
		if f, ok := transliterations[c]; ok {
			if f == "" {
				continue
			}
			started = true
			b.WriteString(f)
			continue
		}
		switch {
		case c >= 'a' && c <= 'z':
			started = true
			b.WriteRune(c)
		case !started:
		case c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-':
			b.WriteRune(c)
		case c == ' ' || c == '\t' || c == '\n':
			b.WriteByte('-')
		}
	}
	id := strings.Trim(b.String(), "-")
	for strings.Contains(id, "--") {
		id = strings.ReplaceAll(id, "--", "-")
	}
	if id == "" {
		return "section"
	}
	return id
}

// transliterations spell the Greek and Cyrillic letters in ASCII, after
// the ISO 843 (Greek) and the BGN/PCGN (Cyrillic) romanisations
// simplified to plain letters, so that a heading in these scripts
// ("Α΄", "Война и мир") has an identifier made from its words
// ("a", "voina-i-mir") rather than "section" for every heading, which
// numbering then tells apart only by order. Accents and breathings are
// marks NFD separates and the loop leaves out. The hard and soft signs
// are not spelt.
var transliterations = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i", 'κ': "k",
	'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t",
	'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o", 'ϝ': "w", 'ϛ': "st", 'ϟ': "q", 'ϡ': "ss",
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "iu", 'я': "ia", 'і': "i", 'ї': "i", 'є': "ie", 'ґ': "g", 'ђ': "dj", 'ј': "j", 'љ': "lj",
	'њ': "nj", 'ћ': "c", 'џ': "dz", 'ѣ': "e", 'ѳ': "f", 'ѵ': "i",
}

// asciiFolds are the Latin letters with no decomposition into a base
// letter and a mark, spelt as their languages spell them in ASCII.
var asciiFolds = map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i"}

// fileNameID reports whether an identifier can also name a file of the
// EPUB: ASCII letters, digits, '-', '_' and '.', starting with a letter.
func fileNameID(id string) bool {
	if id == "" || !(id[0] >= 'a' && id[0] <= 'z' || id[0] >= 'A' && id[0] <= 'Z') {
		return false
	}
	for _, c := range id {
		if !(c == '-' || c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// noteNumber returns the number a note is shown with: notes are numbered
// in the order the text first refers to them, footnotes and inline notes
// together, as pandoc numbers them.
func (r *markdownReader) nextNote() int {
	*r.count++
	return *r.count
}

// footnoteNumber returns the number of the footnote goldmark indexed index.
func (r *markdownReader) footnoteNumber(index int) int {
	if n, ok := r.notes[index]; ok {
		return n
	}
	n := r.nextNote()
	r.notes[index] = n
	return n
}

// noteID is the ID of note number n.
func noteID(n int) string { return "fn-" + strconv.Itoa(n) }

func (r *markdownReader) footnotes(list *east.FootnoteList) {
	for c := list.FirstChild(); c != nil; c = c.NextSibling() {
		fn, ok := c.(*east.Footnote)
		if !ok || fn.Index < 0 {
			continue
		}
		n, ok := r.notes[fn.Index]
		if !ok {
			// Referred to only from a place the reader does not keep
			// (a link reference definition, raw HTML).
			n = r.footnoteNumber(fn.Index)
		}
		note := model.Block{Kind: model.Note, ID: noteID(n), Line: r.blockLine(fn), Attr: model.Attr{{Key: "label", Value: string(fn.Ref)}}}
		note.Children = r.children(fn)
		r.out.Notes = append(r.out.Notes, note)
	}
	sort.SliceStable(r.out.Notes, func(i, j int) bool { return noteNumberOf(r.out.Notes[i].ID) < noteNumberOf(r.out.Notes[j].ID) })
}

// noteNumberOf reads the number of a note's ID ("fn-3" → 3).
func noteNumberOf(id string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "fn-"))
	return n
}

// unreferencedNotes keeps the footnotes no text refers to, which goldmark
// would drop, as notes of their own, and says so: their text is the
// author's, but where it belongs is not known.
func (r *markdownReader) unreferencedNotes(fns []*east.Footnote) {
	for _, fn := range fns {
		line := r.blockLine(fn)
		r.warn(line, "note [^%s] is never referred to; it is kept at the end of the notes", fn.Ref)
		n := r.nextNote()
		note := model.Block{Kind: model.Note, ID: noteID(n), Line: line, Attr: model.Attr{{Key: "label", Value: string(fn.Ref)}, {Key: "mark", Value: string(fn.Ref)}}}
		note.Children = r.children(fn)
		r.out.Notes = append(r.out.Notes, note)
	}
}

// children converts the block children of n.
func (r *markdownReader) children(n ast.Node) []model.Block {
	var out []model.Block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = appendBlocks(out, r.block(c))
	}
	return out
}

// appendBlocks appends blocks to a sequence, giving a table without a
// caption the paragraph "Table: caption" (or ": caption") written right
// before or after it, as pandoc does.
func appendBlocks(out, blocks []model.Block) []model.Block {
	for _, b := range blocks {
		if n := len(out); n > 0 {
			switch joinCaption(&out[n-1], &b) {
			case captionBefore:
				out[n-1] = b
				continue
			case captionAfter:
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

// How a block joins the one before it as a table's caption.
const (
	captionNone   = iota
	captionBefore // b is a table that took the paragraph before as its caption: b replaces it
	captionAfter  // b is the caption of the table before, which took it: b goes
)

// joinCaption joins a table and the caption paragraph beside it, in
// place, and says which way it went.
func joinCaption(prev, b *model.Block) int {
	switch {
	case b.Kind == model.Table && len(b.Inlines) == 0 && isCaption(*prev):
		b.Inlines = captionText(prev.Inlines)
		return captionBefore
	case b.Kind == model.Paragraph && isCaption(*b) && prev.Kind == model.Table && len(prev.Inlines) == 0:
		prev.Inlines = captionText(b.Inlines)
		return captionAfter
	}
	return captionNone
}

// isCaption reports whether a paragraph is a table's caption.
func isCaption(b model.Block) bool {
	if b.Kind != model.Paragraph || len(b.Inlines) == 0 || b.Inlines[0].Kind != model.Text {
		return false
	}
	t := b.Inlines[0].Text
	return strings.HasPrefix(t, "Table: ") || strings.HasPrefix(t, ": ")
}

// captionText strips a caption's "Table:" or ":".
func captionText(ins []model.Inline) []model.Inline {
	out := append([]model.Inline(nil), ins...)
	t := out[0].Text
	if strings.HasPrefix(t, "Table:") {
		t = t[len("Table:"):]
	} else {
		t = t[1:]
	}
	out[0].Text = strings.TrimLeft(t, " ")
	return out
}

// subheadingLevel maps a Markdown heading level below the sectioning level to
// a Heading block level, 2..6: the section title is level 1.
func (r *markdownReader) subheadingLevel(level int) int {
	l := level + 1
	if r.top > 0 {
		l = level - r.top + 1
	}
	return min(max(l, 2), 6)
}

// maxHeadingLevel is the deepest heading the edition sets: its contents
// and outline go four levels deep.
const maxHeadingLevel = 4

// levels gives the headings of a part their levels in the edition, from
// their Markdown levels: the part's title is level 1, and each heading
// stands one level under the nearest heading before it of a shallower
// Markdown level, so that no level is skipped where the source skips one
// ("###" over "#####"): a reader of the contents or a screen reader would
// find a level missing (WCAG 2.1, technique G141; Ace's heading-order
// check).
func (r *markdownReader) levels(p *part) {
	open := []int{p.level} // the Markdown levels of the headings a heading stands under
	for i := range p.Blocks {
		b := &p.Blocks[i]
		r.nestedLevels(b.Children)
		if b.Kind != model.Heading {
			continue
		}
		raw := b.Level
		for len(open) > 1 && open[len(open)-1] >= raw {
			open = open[:len(open)-1]
		}
		open = append(open, raw)
		b.Level = r.capLevel(min(len(open), 6), raw, b.Line)
	}
}

// nestedLevels gives the headings inside other blocks (a quotation, a
// div, a note, a table's cell) their levels under the sectioning level.
func (r *markdownReader) nestedLevels(bs []model.Block) {
	for i := range bs {
		b := &bs[i]
		if b.Kind == model.Heading {
			b.Level = r.capLevel(r.subheadingLevel(b.Level), b.Level, b.Line)
		}
		r.nestedLevels(b.Children)
	}
}

// capLevel returns level, or the deepest level the edition sets with a
// warning when it is deeper.
func (r *markdownReader) capLevel(level, markdown, line int) int {
	if level > maxHeadingLevel {
		r.warn(line, "heading of level %d is set as level %d: the edition's contents and outline go %d levels deep", markdown, maxHeadingLevel, maxHeadingLevel)
		return maxHeadingLevel
	}
	return level
}

// block converts one block node; it may yield none (raw HTML, link
// reference definitions).
func (r *markdownReader) block(n ast.Node) []model.Block {
	line := r.blockLine(n)
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if img, ok := loneImage(n); ok {
			return []model.Block{r.image(img, line)}
		}
		ins := r.inlines(n)
		if len(ins) == 0 {
			return nil
		}
		return []model.Block{{Kind: model.Paragraph, Inlines: ins, Line: line}}
	case *ast.Heading:
		// The Markdown level, until the document is cut into parts
		// (levels, nestedLevels).
		ins := r.inlines(n)
		h := model.Block{Kind: model.Heading, Level: n.Level, Inlines: ins, Line: line, ID: r.headingID(n, ins)}
		// {short-title="..."}: the running head of a long title (Chicago
		// 1.13), as the manifest's text.headings give one; cut gives it
		// to the part the heading opens.
		if v, ok := n.AttributeString(shortTitleAttr); ok {
			if b, ok := v.([]byte); ok {
				if t := strings.TrimSpace(string(b)); t != "" {
					h.Attr = h.Attr.Set(shortTitleAttr, t)
				}
			}
		}
		return []model.Block{h}
	case *ast.Blockquote:
		return []model.Block{{Kind: model.BlockQuote, Children: markAttribution(r.children(n)), Line: line}}
	case *ast.List:
		b := model.Block{Kind: model.List, Line: line}
		if n.IsOrdered() {
			b.Attr = b.Attr.Set("ordered", "true")
			if n.Start != 1 {
				b.Attr = b.Attr.Set("start", strconv.Itoa(n.Start))
			}
		}
		if n.IsTight {
			b.Attr = b.Attr.Set("tight", "true")
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			b.Children = append(b.Children, model.Block{Kind: model.ListItem, Children: r.children(c), Line: r.blockLine(c)})
		}
		return []model.Block{b}
	case *ast.ListItem:
		return []model.Block{{Kind: model.ListItem, Children: r.children(n), Line: line}}
	case *ast.ThematicBreak:
		return []model.Block{{Kind: model.ThematicBreak, Line: line}}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return r.codeBlock(n, line)
	case *ast.HTMLBlock:
		return r.htmlBlock(n, line)
	case *ast.LinkReferenceDefinition:
		return nil
	case *east.FootnoteList:
		r.footnotes(n)
		return nil
	case *east.FootnoteBacklink:
		// goldmark's link back to the reference, put after a note's last
		// block when that is not a paragraph: not the source's, and the
		// writers make their own.
		return nil
	case *east.Table:
		return []model.Block{r.gfmTable(n, line)}
	case *tableNode:
		return []model.Block{r.table(&n.syntax, n.firstLine)}
	case *lineBlockNode:
		return []model.Block{r.lineBlock(n, line)}
	case *divNode:
		for _, a := range n.htmlAttrs {
			r.warn(line, "raw HTML: the attribute %s of <div> left out of the edition", a)
		}
		b := model.Block{Kind: model.Div, Line: line, Attr: n.attrs.modelAttr(), Children: r.children(n)}
		return []model.Block{b}
	case *east.DefinitionList:
		b := model.Block{Kind: model.DefinitionList, Line: line}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *east.DefinitionTerm:
				b.Children = append(b.Children, model.Block{Kind: model.Term, Inlines: r.inlines(c), Line: r.blockLine(c)})
			case *east.DefinitionDescription:
				b.Children = append(b.Children, model.Block{Kind: model.Definition, Children: r.children(c), Line: r.blockLine(c)})
			}
		}
		return []model.Block{b}
	}
	// A node of a kind this reader does not know: keep its text rather
	// than lose it.
	r.warn(line, "unsupported Markdown element %s kept as a paragraph", n.Kind().String())
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return []model.Block{{Kind: model.Paragraph, Inlines: []model.Inline{model.Str(strings.TrimSpace(r.rawLines(n)))}, Line: line}}
	}
	return r.children(n)
}

// htmlLinks are the link targets of a block of raw HTML, and whether it
// holds nothing else but separators.
type htmlLinks struct {
	targets []string
	only    bool
}

// htmlBlock reads a block of raw HTML, sanitised: as the model's own
// blocks when it holds only structures the model has (htmlBlocks), else
// kept for the EPUB, with its text for the print edition. Each thing
// refused is a warning. A comment is left out without one.
func (r *markdownReader) htmlBlock(n *ast.HTMLBlock, line int) []model.Block {
	raw := r.rawLines(n)
	if n.HasClosure() {
		raw += string(n.ClosureLine.Value(r.src))
	}
	if n.HTMLBlockType == ast.HTMLBlockType2 { // a comment
		r.out.Dropped = append(r.out.Dropped, model.Dropped{Line: line, Text: raw, Reason: model.HTMLComment})
		return nil
	}
	s := rawhtml.Sanitize(raw)
	for _, what := range s.Refused {
		r.warn(line, "raw HTML: %s left out of the edition", what)
	}
	for _, what := range s.Repaired {
		r.warn(line, "raw HTML: %s", what)
	}
	if s.OnlyRule {
		// A rule alone is the thematic break Markdown writes "---" for
		// (CommonMark 0.31, §4.1), so that the recognisers of a Web
		// page's rules see it as one.
		return []model.Block{{Kind: model.ThematicBreak, Line: line}}
	}
	if len(s.Links) > 0 {
		if r.htmlLinks == nil {
			r.htmlLinks = map[int]htmlLinks{}
		}
		r.htmlLinks[line] = htmlLinks{targets: s.Links, only: s.OnlyLinks}
	}
	if s.XHTML == "" {
		r.out.Dropped = append(r.out.Dropped, model.Dropped{Line: line, Text: raw, Reason: model.RawHTML})
		return nil
	}
	// A line or list of links only stays raw, for the recognisers of a
	// Web page's navigation, which read its links as the source wrote
	// them, those the sanitiser refused too.
	if !s.OnlyLinks {
		if bs, ok := r.htmlBlocks(s.Nodes, line); ok {
			return bs
		}
	}
	b := model.Block{Kind: model.RawBlock, Line: line, Attr: model.Attr{{Key: "html", Value: s.XHTML}}}
	if s.Text != "" {
		b.Inlines = []model.Inline{model.Str(s.Text)}
	}
	return []model.Block{b}
}

// rawLines returns the source text of a block's lines.
func (r *markdownReader) rawLines(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(r.src))
	}
	return b.String()
}

// codeBlock keeps a code block's lines as literal text, one forced line
// break between them.
func (r *markdownReader) codeBlock(n ast.Node, line int) []model.Block {
	raw := strings.TrimRight(r.rawLines(n), "\n")
	b := model.Block{Kind: model.CodeBlock, Line: line}
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		if lang := f.Language(r.src); len(lang) > 0 {
			b.Attr = b.Attr.Set("language", string(lang))
		}
	}
	b.Inlines = codeInlines(raw)
	if len(b.Inlines) == 0 {
		return nil
	}
	return []model.Block{b}
}

// codeInlines returns a code block's lines as literal text, one forced
// line break between them.
func codeInlines(raw string) []model.Inline {
	var out []model.Inline
	for i, l := range strings.Split(raw, "\n") {
		if i > 0 {
			out = append(out, model.Inline{Kind: model.LineBreak})
		}
		if l != "" {
			out = append(out, model.Inline{Kind: model.Code, Text: l})
		}
	}
	return out
}

// lineBlock keeps a line block's lines as written: a line break between
// them, their leading spaces as no-break spaces (pandoc's manual, "Line
// blocks").
func (r *markdownReader) lineBlock(n *lineBlockNode, line int) model.Block {
	b := model.Block{Kind: model.LineBlock, Line: line}
	for i, l := range n.lines {
		if i > 0 {
			b.Inlines = append(b.Inlines, model.Inline{Kind: model.LineBreak})
		}
		lead := leadingSpaces(l)
		if lead > 0 {
			b.Inlines = append(b.Inlines, model.Str(strings.Repeat("\u00a0", lead)))
		}
		b.Inlines = append(b.Inlines, r.fragmentInlines(l[lead:], line+i)...)
	}
	return b
}

// alignNames are the model's names of the column alignments.
var alignNames = map[byte]string{'l': "left", 'c': "center", 'r': "right", 'd': "default"}

// table converts a pandoc table; its cells are Markdown, read apart.
func (r *markdownReader) table(t *pandoctable.Table, first int) model.Block {
	b := model.Block{Kind: model.Table, Line: first}
	aligns := make([]string, len(t.Align))
	for i, a := range t.Align {
		aligns[i] = alignNames[a]
	}
	b.Attr = b.Attr.Set("align", strings.Join(aligns, ","))
	if len(t.Widths) > 0 {
		ws := make([]string, len(t.Widths))
		for i, w := range t.Widths {
			ws[i] = strconv.Itoa(w)
		}
		b.Attr = b.Attr.Set("widths", strings.Join(ws, ","))
	}
	if t.Caption != "" {
		b.Inlines = r.fragmentInlines(t.Caption, first)
	}
	row := func(cells []pandoctable.Cell, head bool) model.Block {
		rb := model.Block{Kind: model.TableRow, Line: first + cellsLine(cells)}
		if head {
			rb.Attr = model.Attr{{Key: "head", Value: "true"}}
		}
		for _, c := range cells {
			rb.Children = append(rb.Children, r.cell(c.Text, first+c.Line))
		}
		return rb
	}
	for _, h := range t.Head {
		b.Children = append(b.Children, row(h, true))
	}
	for _, bo := range t.Body {
		b.Children = append(b.Children, row(bo, false))
	}
	return b
}

func cellsLine(cells []pandoctable.Cell) int {
	if len(cells) == 0 {
		return 0
	}
	return cells[0].Line
}

// cell reads a cell's Markdown: one paragraph becomes the cell's text,
// anything more its blocks.
func (r *markdownReader) cell(src string, line int) model.Block {
	c := model.Block{Kind: model.TableCell, Line: line}
	if strings.TrimSpace(src) == "" {
		return c
	}
	blocks := r.fragmentBlocks(src, line)
	if len(blocks) == 1 && blocks[0].Kind == model.Paragraph {
		c.Inlines = blocks[0].Inlines
		return c
	}
	c.Children = blocks
	return c
}

// gfmTable converts a GFM pipe table.
func (r *markdownReader) gfmTable(n *east.Table, line int) model.Block {
	b := model.Block{Kind: model.Table, Line: line}
	aligns := make([]string, len(n.Alignments))
	for i, a := range n.Alignments {
		aligns[i] = map[east.Alignment]string{east.AlignLeft: "left", east.AlignRight: "right", east.AlignCenter: "center", east.AlignNone: "default"}[a]
	}
	b.Attr = b.Attr.Set("align", strings.Join(aligns, ","))
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		rb := model.Block{Kind: model.TableRow, Line: r.blockLine(row)}
		if _, ok := row.(*east.TableHeader); ok {
			rb.Attr = model.Attr{{Key: "head", Value: "true"}}
		}
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			rb.Children = append(rb.Children, model.Block{Kind: model.TableCell, Inlines: r.inlines(c), Line: rb.Line})
		}
		b.Children = append(b.Children, rb)
	}
	return b
}

// loneImage reports whether a paragraph holds nothing but one image, which
// then stands as an image block (a figure, as pandoc makes it).
func loneImage(n ast.Node) (*ast.Image, bool) {
	var img *ast.Image
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			if img != nil {
				return nil, false
			}
			img = c
		case *east.FootnoteBacklink:
			// added by the footnote extension to a note's last paragraph
		case *attributesNode:
		default:
			return nil, false
		}
	}
	return img, img != nil
}

func (r *markdownReader) image(img *ast.Image, line int) model.Block {
	alt := r.inlines(img)
	b := model.Block{Kind: model.Image, Line: line, Inlines: alt}
	b.Attr = b.Attr.Set("src", unescapeMarkdown(img.Destination))
	b.Attr = b.Attr.Set("alt", model.PlainText(alt))
	if len(img.Title) > 0 {
		b.Attr = b.Attr.Set("title", unescapeMarkdown(img.Title))
	}
	if a, ok := attributesOf(img); ok {
		if a.id != "" {
			b.ID = a.id
		}
		for _, kv := range a.pairs {
			b.Attr = b.Attr.Set(kv.Key, kv.Value)
		}
	}
	if strings.TrimSpace(b.Attr.Get("alt")) == "" {
		r.warn(line, "image %q has no alt text: write what it shows between the brackets, ![like this](%s); the EPUB's accessibility depends on it", b.Attr.Get("src"), b.Attr.Get("src"))
	}
	return b
}

// attributesOf returns the pandoc attributes written right after a node
// ({#id .class key=value}), which the reader parsed into its next sibling.
func attributesOf(n ast.Node) (attributes, bool) {
	if a, ok := n.NextSibling().(*attributesNode); ok {
		return a.attrs, true
	}
	return attributes{}, false
}

// inlines converts the inline children of n, merging adjacent text runs.
func (r *markdownReader) inlines(n ast.Node) []model.Inline {
	var out []model.Inline
	// Adjacent runs are gathered in a builder, not by concatenation, which
	// would be quadratic in a paragraph of many short lines.
	var pending strings.Builder
	flush := func() {
		if pending.Len() > 0 {
			out = append(out, model.Str(pending.String()))
			pending.Reset()
		}
	}
	add := func(in model.Inline) {
		if in.Kind == model.Text {
			pending.WriteString(in.Text)
			return
		}
		flush()
		out = append(out, in)
	}
	for node := n.FirstChild(); node != nil; {
		next := node.NextSibling()
		switch c := node.(type) {
		case *ast.Text:
			v := c.Segment.Value(r.src)
			if c.IsRaw() {
				add(model.Str(string(v)))
			} else {
				add(model.Str(unescapeMarkdown(v)))
			}
			switch {
			case c.HardLineBreak():
				add(model.Inline{Kind: model.LineBreak})
			case c.SoftLineBreak():
				// A line end inside a paragraph is a space: the text
				// reflows in both formats.
				add(model.Str(" "))
			}
		case *ast.String:
			if c.IsRaw() || c.IsCode() {
				add(model.Str(string(c.Value)))
			} else {
				add(model.Str(unescapeMarkdown(c.Value)))
			}
		case *ast.Emphasis:
			kind := model.Emph
			if c.Level >= 2 {
				kind = model.Strong
			}
			if ch := r.inlines(c); len(ch) > 0 {
				add(model.Inline{Kind: kind, Children: ch})
			}
		case *ast.CodeSpan:
			add(model.Inline{Kind: model.Code, Text: r.codeText(c)})
		case *ast.Link:
			add(r.link(unescapeMarkdown(c.Destination), r.inlines(c), c))
		case *ast.AutoLink:
			target := string(c.URL(r.src))
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(target), "mailto:") {
				target = "mailto:" + target
			}
			add(model.Inline{Kind: model.Link, Target: target, Children: []model.Inline{model.Str(string(c.Label(r.src)))}})
		case *ast.Image:
			// The model has no image inside running text; its alt text
			// stands in, as it would for a reader who cannot see it.
			r.warn(r.lineOf(r.inlinePos(c)), "image %q inside running text is shown as its alt text; put it in a paragraph of its own to keep it", string(c.Destination))
			for _, in := range r.inlines(c) {
				add(in)
			}
		case *ast.RawHTML:
			// An element's content is read with it, up to its closing tag.
			if end := r.rawInline(c, add); end != nil {
				next = end.NextSibling()
			}
		case *east.FootnoteLink:
			num := r.footnoteNumber(c.Index)
			add(model.Inline{Kind: model.NoteRef, Target: noteID(num), Text: strconv.Itoa(num)})
		case *east.FootnoteBacklink:
			// The writers make their own way back from a note.
		case *east.Strikethrough:
			add(model.Inline{Kind: model.Strikeout, Children: r.inlines(c)})
		case *mathNode:
			add(r.math(c))
		case *scriptNode:
			kind := model.Superscript
			if c.mark == '~' {
				kind = model.Subscript
			}
			add(model.Inline{Kind: kind, Children: r.fragmentInlines(c.content, r.lineOf(c.offset))})
		case *inlineNoteNode:
			add(r.inlineNote(c))
		case *spanNode:
			add(r.span(c))
		case *citeNode:
			add(r.cite(c))
		case *missingNoteNode:
			r.warn(r.lineOf(c.offset), "note reference [^%s] has no note: write one as \"[^%s]: text\" on a line of its own", c.label, c.label)
			add(model.Str("[^" + c.label + "]"))
		case *attributesNode:
			// read with the node it follows
		default:
			for _, in := range r.inlines(c) {
				add(in)
			}
		}
		node = next
	}
	flush()
	return out
}

// link converts a link, with the attributes written after it; a link to
// a file beside the source, which the EPUB does not hold, is kept as its
// text with a warning (epubcheck RSC-007).
//
// The link is kept as read, with its source line in linkLineAttr, until
// the furniture is sorted out: resolveLinks then keeps a link to a file
// as its text, with a warning when it stays in the text.
func (r *markdownReader) link(target string, children []model.Inline, n ast.Node) model.Inline {
	if t, ok := furniture.LiquidTarget(target); ok {
		target = t
	}
	id := ""
	if a, ok := attributesOf(n); ok {
		id = a.id
	}
	return r.newLink(target, children, id, r.lineOf(r.inlinePos(n)))
}

// newLink makes a link inline, with its identifier if it has one, and
// its source line for resolveLinks.
func (r *markdownReader) newLink(target string, children []model.Inline, id string, line int) model.Inline {
	in := model.Inline{Kind: model.Link, Target: target, Children: children}
	if id != "" {
		in.Attr = in.Attr.Set("id", id)
	}
	in.Attr = in.Attr.Set(linkLineAttr, strconv.Itoa(line))
	return in
}

// linkLineAttr holds a link's source line while the reader runs.
const linkLineAttr = "source-line"

// resolveLinks keeps each link to a file beside the source, which the
// EPUB does not hold (epubcheck RSC-007), or to a page of the site the
// source was published on, as its text: with a warning in the text and
// its notes, without one in the lines moved to the Source page, which
// describe the archive's page.
func (r *markdownReader) resolveLinks() {
	resolve := func(ins []model.Inline, warn bool) {
		var walk func(ins []model.Inline)
		walk = func(ins []model.Inline) {
			for i := range ins {
				in := &ins[i]
				walk(in.Children)
				if in.Kind != model.Link {
					continue
				}
				line, _ := strconv.Atoi(in.Attr.Get(linkLineAttr))
				in.Attr = withoutAttr(in.Attr, linkLineAttr)
				if !furniture.SiteLink(in.Target) {
					continue
				}
				if warn {
					r.warn(line, "link to %q is kept as text: the file is not part of the edition; link to a web address, or to #an-identifier in the text", in.Target)
				}
				*in = model.Inline{Kind: model.Span, Children: in.Children, Attr: in.Attr}
			}
		}
		walk(ins)
	}
	var blocks func(bs []model.Block, warn bool)
	blocks = func(bs []model.Block, warn bool) {
		for i := range bs {
			resolve(bs[i].Inlines, warn)
			blocks(bs[i].Children, warn)
		}
	}
	for i := range r.out.Sections {
		resolve(r.out.Sections[i].Title, true)
		blocks(r.out.Sections[i].Blocks, true)
	}
	blocks(r.out.Notes, true)
	blocks(r.out.Trailer, false)
}

// withoutAttr returns a without key; nil when nothing is left.
func withoutAttr(a model.Attr, key string) model.Attr {
	var out model.Attr
	for _, kv := range a {
		if kv.Key != key {
			out = append(out, kv)
		}
	}
	return out
}

// rawInline converts a tag of inline raw HTML: the elements the model has
// (em, strong, sup, sub, s, span with a lang or class, br) become its
// inlines, taking the siblings up to the closing tag; the elements refused
// (a script, an iframe, a form control) are left out with what they hold;
// any other tag is left out and its text kept. It returns the node it read
// up to when it read past c, else nil.
func (r *markdownReader) rawInline(c *ast.RawHTML, add func(model.Inline)) ast.Node {
	raw := r.rawSegments(c)
	line := r.lineOf(r.inlinePos(c))
	if strings.HasPrefix(raw, "<!--") {
		return nil
	}
	tag, ok := rawhtml.ParseTag(raw)
	if !ok {
		r.warn(line, "raw HTML %q left out", raw)
		return nil
	}
	if tag.Atom == atom.Br {
		add(model.Inline{Kind: model.LineBreak})
		return nil
	}
	if tag.Closing {
		r.warn(line, "raw HTML %q left out", raw)
		return nil
	}
	if what, refused := tag.RefusedWhole(); refused {
		r.warn(line, "raw HTML: %s (<%s>) left out of the edition, with what it holds", what, tag.Name)
		end := matchingClose(c, tag.Name, r.src, r.rawSegments)
		if end == nil {
			return nil
		}
		return end
	}
	for k := range tag.Attr {
		if strings.HasPrefix(k, "on") {
			r.warn(line, "raw HTML: an event handler (%s) left out of the edition", k)
		}
	}
	kind, attr, known := inlineForTag(tag)
	if !known || tag.Void {
		r.warn(line, "raw HTML %q left out; its text is kept", raw)
		return nil
	}
	end := matchingClose(c, tag.Name, r.src, r.rawSegments)
	if end == nil {
		r.warn(line, "raw HTML %q is never closed; left out", raw)
		return nil
	}
	// The siblings between the tags become the inline's children.
	holder := ast.NewParagraph()
	for s := c.NextSibling(); s != nil && s != end; {
		next := s.NextSibling()
		holder.AppendChild(holder, s)
		s = next
	}
	in := model.Inline{Kind: kind, Attr: attr, Children: r.inlines(holder)}
	add(in)
	return end
}

// matchingClose finds the sibling after c that closes the element c opens.
func matchingClose(c ast.Node, name string, src []byte, text func(*ast.RawHTML) string) ast.Node {
	depth := 0
	for s := c.NextSibling(); s != nil; s = s.NextSibling() {
		h, ok := s.(*ast.RawHTML)
		if !ok {
			continue
		}
		t, ok := rawhtml.ParseTag(text(h))
		if !ok || t.Name != name || t.Void {
			continue
		}
		if !t.Closing {
			depth++
			continue
		}
		if depth == 0 {
			return s
		}
		depth--
	}
	return nil
}

// inlineForTag maps an element of inline raw HTML to an inline kind.
func inlineForTag(t rawhtml.Tag) (model.InlineKind, model.Attr, bool) {
	var attr model.Attr
	if l := t.Attr["lang"]; l != "" {
		attr = attr.Set("lang", l)
	}
	switch t.Atom {
	case atom.Em, atom.I, atom.Cite, atom.Dfn, atom.Var:
		return model.Emph, nil, true
	case atom.Strong, atom.B:
		return model.Strong, nil, true
	case atom.Sup:
		return model.Superscript, nil, true
	case atom.Sub:
		return model.Subscript, nil, true
	case atom.S, atom.Del, atom.Strike:
		return model.Strikeout, nil, true
	case atom.Span, atom.Small, atom.Abbr, atom.Q, atom.Mark, atom.U, atom.Ins, atom.Time:
		if strings.Contains(" "+t.Attr["class"]+" ", " smallcaps ") || strings.Contains(" "+t.Attr["class"]+" ", " small-caps ") {
			return model.SmallCaps, nil, true
		}
		if c := cssClass(t.Attr["class"]); c != "" {
			attr = attr.Set("class", c)
		}
		return model.Span, attr, true
	}
	return 0, nil, false
}

// cssClass keeps the class names that are plain identifiers.
func cssClass(v string) string {
	var keep []string
	for _, c := range strings.Fields(v) {
		if fileNameID(c) {
			keep = append(keep, c)
		}
	}
	return strings.Join(keep, " ")
}

// math converts a formula, warning about what the print edition cannot
// set of it.
func (r *markdownReader) math(c *mathNode) model.Inline {
	in := model.Inline{Kind: model.Math, Text: c.tex}
	if c.display {
		in.Attr = model.Attr{{Key: "display", Value: "true"}}
	}
	for _, p := range mathProblems(c.tex) {
		r.warn(r.lineOf(c.offset), "math $%s$: %s", c.tex, p)
	}
	return in
}

// mathProblems returns what the editions cannot set of a formula as TeX
// would.
func mathProblems(tex string) []string {
	_, problems := texmath.Parse(tex)
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = p.Message
	}
	return out
}

// inlineNote converts a pandoc inline note, ^[text], into a note and a
// reference to it.
func (r *markdownReader) inlineNote(c *inlineNoteNode) model.Inline {
	n := r.nextNote()
	line := r.lineOf(c.offset)
	note := model.Block{Kind: model.Note, ID: noteID(n), Line: line}
	note.Children = []model.Block{{Kind: model.Paragraph, Line: line, Inlines: r.fragmentInlines(c.content, line)}}
	r.out.Notes = append(r.out.Notes, note)
	return model.Inline{Kind: model.NoteRef, Target: note.ID, Text: strconv.Itoa(n)}
}

// span converts a bracketed span, [text]{attributes}: the class smallcaps
// makes small capitals (pandoc's manual, "Small caps"), a lang the
// language of the text it holds.
func (r *markdownReader) span(c *spanNode) model.Inline {
	ch := r.fragmentInlines(c.content, r.lineOf(c.offset))
	if c.attrs.has("smallcaps") {
		in := model.Inline{Kind: model.SmallCaps, Children: ch}
		if lang := c.attrs.get("lang"); lang != "" {
			return model.Inline{Kind: model.Span, Attr: model.Attr{{Key: "lang", Value: lang}}, Children: []model.Inline{in}}
		}
		return in
	}
	return model.Inline{Kind: model.Span, Attr: c.attrs.modelAttr(), Children: ch}
}

// cite converts a citation: the keys and their prefixes and locators in
// its attributes, its text as written until a bibliography resolves it.
func (r *markdownReader) cite(c *citeNode) model.Inline {
	in := model.Inline{Kind: model.Cite, Children: []model.Inline{model.Str(c.raw)}}
	if c.inText {
		in.Attr = in.Attr.Set("mode", "in-text")
	}
	for _, ct := range c.cites {
		in.Attr = append(in.Attr, model.KeyValue{Key: "key", Value: ct.key})
		if ct.prefix != "" {
			in.Attr = append(in.Attr, model.KeyValue{Key: "prefix", Value: ct.prefix})
		}
		if ct.locator != "" {
			in.Attr = append(in.Attr, model.KeyValue{Key: "locator", Value: ct.locator})
		}
		if ct.noAuthor {
			in.Attr = append(in.Attr, model.KeyValue{Key: "suppress-author", Value: "true"})
		}
	}
	in.Attr = append(in.Attr, model.KeyValue{Key: "line", Value: strconv.Itoa(r.lineOf(c.offset))})
	return in
}

// fragment returns a reader for a fragment of the source read apart (a
// cell, a span's text), starting on line, sharing the notes and warnings.
func (r *markdownReader) fragment(src string, line int) (*markdownReader, ast.Node) {
	ctx := parser.NewContext()
	ctx.Set(parseStateKey, &parseState{notes: map[string]bool{}})
	data := []byte(src)
	doc := r.md.get().Parser().Parse(text.NewReader(data), parser.WithContext(ctx))
	f := &markdownReader{file: r.file, src: data, lineStarts: lineStarts(data), lineBase: line - 1, out: r.out, top: r.top, md: r.md, ids: r.ids, notes: r.notes, count: r.count}
	return f, doc
}

// fragmentInlines reads a fragment of inline Markdown.
func (r *markdownReader) fragmentInlines(src string, line int) []model.Inline {
	if strings.TrimSpace(src) == "" {
		return nil
	}
	f, doc := r.fragment(src, line)
	var out []model.Inline
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if len(out) > 0 {
			out = append(out, model.Str(" "))
		}
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
			out = append(out, f.inlines(c)...)
		default:
			for _, b := range f.block(c) {
				out = append(out, model.Str(model.BlockText(&b)))
			}
		}
	}
	return out
}

// fragmentBlocks reads a fragment of block Markdown (a grid table's cell).
func (r *markdownReader) fragmentBlocks(src string, line int) []model.Block {
	f, doc := r.fragment(src, line)
	return f.children(doc)
}

// inlinePos returns a byte offset for an inline node, for warnings: its own
// position, or that of its first text.
func (r *markdownReader) inlinePos(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if rh, ok := n.(*ast.RawHTML); ok && rh.Segments.Len() > 0 {
		return rh.Segments.At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if p := r.inlinePos(c); p >= 0 {
			return p
		}
	}
	if p := n.Parent(); p != nil && p.Type() == ast.TypeBlock {
		return p.Pos()
	}
	return -1
}

func (r *markdownReader) rawSegments(n *ast.RawHTML) string {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(r.src))
	}
	return b.String()
}

// codeText returns a code span's literal text; a line end inside it is a
// space (CommonMark 0.31, §6.1).
func (r *markdownReader) codeText(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(r.src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
	}
	return b.String()
}

// unescapeMarkdown resolves what CommonMark resolves in text, link
// destinations and titles (CommonMark 0.31, §2.4 and §2.5): backslash escapes
// of ASCII punctuation and entity and numeric character references, in one
// pass, so that "\&amp;" stays "&amp;". goldmark leaves this to its HTML
// writer; the model wants the characters themselves.
func unescapeMarkdown(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			b.WriteByte(v[i+1])
			i++
			continue
		}
		if c == '&' {
			if r, n := characterReference(v[i:]); n > 0 {
				b.WriteString(r)
				i += n - 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// characterReference decodes an entity ("&amp;"), decimal ("&#35;") or
// hexadecimal ("&#x22;") reference at the start of v, returning its text and
// length, or 0 if v does not start with one. Code point 0 and invalid code
// points become U+FFFD, as CommonMark requires.
func characterReference(v []byte) (string, int) {
	end := bytes.IndexByte(v, ';')
	if end < 2 || end > 40 {
		return "", 0
	}
	body := v[1:end]
	if body[0] == '#' {
		digits, base := body[1:], 10
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 || (base == 10 && len(digits) > 7) || (base == 16 && len(digits) > 6) {
			return "", 0
		}
		n, err := strconv.ParseUint(string(digits), base, 32)
		if err != nil {
			return "", 0
		}
		r := rune(n)
		switch {
		case r == '\r':
			r = ' '
		case r == 0 || !utf8.ValidRune(r) || decode.XMLForbidden(r):
			// CommonMark asks only for U+0000 to be replaced; the
			// characters XML 1.0 (§2.2) forbids go the same way, since
			// they could not be written to the EPUB.
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	for _, c := range body {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", 0
		}
	}
	if e, ok := util.LookUpHTML5EntityByName(string(body)); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}

// The syntax goldmark lacks is read by the parsers below, registered with
// goldmark's own (GFM tables, strikethrough, definition lists, footnotes,
// heading attributes): each recognises a construct with the goldmark-free
// functions of package pandoctable, line_block.go, inline_syntax.go and
// attributes.go, and leaves a node of its own that the conversion above
// reads.

// newMarkdown makes the goldmark parser for a source (with its front
// matter) or for a fragment read apart.
func newMarkdown(frontMatter bool) goldmark.Markdown {
	exts := []goldmark.Extender{
		extension.Footnote, extension.Table, extension.Strikethrough, extension.DefinitionList,
		pandocSyntax{},
	}
	if frontMatter {
		// YAML only: pandoc, whose keys the front matter follows, knows no
		// TOML front matter, and a "+++" line should stay text.
		exts = append(exts, &frontmatter.Extender{Formats: []frontmatter.Format{frontmatter.YAML}})
	}
	return goldmark.New(goldmark.WithExtensions(exts...), goldmark.WithParserOptions(parser.WithAttribute()))
}

// fragmentParser makes the parser of fragments when the first is read:
// most documents have none, and making a parser costs as much as reading
// a page.
type fragmentParser struct{ md goldmark.Markdown }

func (f *fragmentParser) get() goldmark.Markdown {
	if f.md == nil {
		f.md = newMarkdown(false)
	}
	return f.md
}

// pandocSyntax registers the parsers of this file.
type pandocSyntax struct{}

func (pandocSyntax) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(
			// Before the thematic break (200) and list (300) parsers, which
			// would take a table's dashed rules and a grid table's borders.
			util.Prioritized(tableParser{triggers: []byte{'-', '+', '|'}}, 90),
			util.Prioritized(tableParser{}, 90),
			util.Prioritized(lineBlockParser{}, 95),
			util.Prioritized(divParser{}, 96),
		),
		parser.WithInlineParsers(
			// Before the footnote (101) and link (200) parsers.
			util.Prioritized(bracketParser{}, 99),
			util.Prioritized(mathParser{}, 98),
			util.Prioritized(scriptParser{}, 97),
			util.Prioritized(citeParser{}, 150),
			util.Prioritized(attributesParser{}, 150),
		),
		parser.WithASTTransformers(
			// Before the footnote extension's (999), which drops the
			// footnotes no text refers to.
			util.Prioritized(unreferencedNoteKeeper{}, 500),
			util.Prioritized(htmlDivJoiner{}, 510),
		),
	)
}

// parseState is what the parsers of one document share: the labels of its
// footnotes, so that a reference to a missing one is noticed, and the
// footnotes no text refers to.
type parseState struct {
	notes        map[string]bool
	unreferenced []*east.Footnote
}

var parseStateKey = parser.NewContextKey()

func stateOf(pc parser.Context) *parseState {
	if s, ok := pc.Get(parseStateKey).(*parseState); ok {
		return s
	}
	return &parseState{notes: map[string]bool{}}
}

// definedNotes returns the labels of the footnotes a source defines: lines
// "[^label]: text", indented at most three spaces.
func definedNotes(src []byte) map[string]bool {
	out := map[string]bool{}
	for _, l := range bytes.Split(src, []byte("\n")) {
		t := bytes.TrimLeft(l, " ")
		if len(l)-len(t) > 3 || !bytes.HasPrefix(t, []byte("[^")) {
			continue
		}
		if end := bytes.Index(t, []byte("]:")); end > 2 {
			out[strings.ToLower(string(t[2:end]))] = true
		}
	}
	return out
}

// unreferencedNoteKeeper takes the footnotes no text refers to out of the
// document before goldmark's footnote extension drops them, so the reader
// can keep them and warn.
type unreferencedNoteKeeper struct{}

func (unreferencedNoteKeeper) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if list, ok := n.(*east.FootnoteList); ok {
			for c := list.FirstChild(); c != nil; {
				next := c.NextSibling()
				if fn, ok := c.(*east.Footnote); ok && fn.Index < 0 {
					list.RemoveChild(list, fn)
					st.unreferenced = append(st.unreferenced, fn)
				}
				c = next
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// sourceLines returns the lines of the source from the reader's line on,
// without their line ends: at most max of them, and none after the
// blanks-th blank line (0: no such limit), so that a recogniser tried at
// many lines reads only the block before it and the one after (a
// caption).
func sourceLines(reader text.Reader, max, blanks int) []string {
	_, seg := reader.PeekLine()
	src := reader.Source()
	start := seg.Start
	if start > len(src) {
		return nil
	}
	var out []string
	for start < len(src) && len(out) < max {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src) - start
		}
		l := string(src[start : start+end])
		out = append(out, l)
		start += end + 1
		if blanks > 0 && isBlank(l) {
			if blanks--; blanks == 0 {
				break
			}
		}
	}
	return out
}

// skipLines is a block node that takes a known number of source lines.
type skipLines struct{ left int }

func (s *skipLines) next(reader text.Reader) parser.State {
	if s.left <= 0 {
		return parser.Close
	}
	s.left--
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// tableNode is a pandoc table (simple, multiline or grid) or a pipe table
// without a header, as recognised.
type tableNode struct {
	ast.BaseBlock
	skipLines
	syntax    pandoctable.Table
	firstLine int
	lines     int // the source lines the table takes
}

var kindTable = ast.NewNodeKind("PandocTable")

func (n *tableNode) Kind() ast.NodeKind         { return kindTable }
func (n *tableNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// tableParser recognises the tables goldmark does not. It is tried at the
// start of every block, so it looks at no more than the line after before
// it knows a table may start. Two are registered: one for the lines that
// open with a dash, a plus or a bar, which goldmark gives to its triggered
// parsers first (a thematic break, a list), and one for every other line
// (a simple table's header).
type tableParser struct{ triggers []byte }

func (p tableParser) Trigger() []byte { return p.triggers }

func (tableParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if _, ok := parent.(*ast.Document); !ok {
		if _, ok := parent.(*divNode); !ok {
			return nil, parser.NoChildren
		}
	}
	// Only the line after this one can say a table starts here, for a
	// line that opens with text: look at it before copying anything.
	line, seg := reader.PeekLine()
	if c := firstNonSpace(line); c != '-' && c != '+' && c != '|' && !nextLineDashes(reader.Source(), seg.Stop) {
		return nil, parser.NoChildren
	}
	head := sourceLines(reader, 2, 0)
	if len(head) < 2 {
		return nil, parser.NoChildren
	}
	try, blanks := pandoctable.Recognisers(head[0], head[1])
	if len(try) == 0 {
		return nil, parser.NoChildren
	}
	lines := sourceLines(reader, 5000, blanks)
	for _, f := range try {
		if t, n, ok := f(lines); ok {
			_, seg := reader.PeekLine()
			node := &tableNode{syntax: t, skipLines: skipLines{left: n - 1}, lines: n}
			node.firstLine = bytes.Count(reader.Source()[:seg.Start], []byte("\n")) + 1
			reader.AdvanceToEOL()
			return node, parser.NoChildren
		}
	}
	return nil, parser.NoChildren
}

// firstNonSpace returns the first byte of line that is not a space.
func firstNonSpace(line []byte) byte {
	for _, c := range line {
		if c != ' ' && c != '\t' {
			return c
		}
	}
	return 0
}

// nextLineDashes reports whether the line starting at src[at] holds dashes
// and spaces only, with a run of three dashes: a simple table's rule.
func nextLineDashes(src []byte, at int) bool {
	if at >= len(src) {
		return false
	}
	end := bytes.IndexByte(src[at:], '\n')
	if end < 0 {
		end = len(src) - at
	}
	l := src[at : at+end]
	return len(bytes.Trim(l, " \t\r-")) == 0 && bytes.Contains(l, []byte("---"))
}

func (tableParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return node.(*tableNode).next(reader)
}
func (tableParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (tableParser) CanInterruptParagraph() bool                                { return false }
func (tableParser) CanAcceptIndentedLine() bool                                { return false }

// lineBlockNode is a pandoc line block.
type lineBlockNode struct {
	ast.BaseBlock
	skipLines
	lines []string
}

var kindLineBlock = ast.NewNodeKind("LineBlock")

func (n *lineBlockNode) Kind() ast.NodeKind         { return kindLineBlock }
func (n *lineBlockNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// lineBlockParser recognises line blocks, "| " lines; a pipe table (a row
// over an alignment row) is left to the table extension.
type lineBlockParser struct{}

func (lineBlockParser) Trigger() []byte { return []byte{'|'} }

func (lineBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if pc.BlockOffset() < 0 {
		return nil, parser.NoChildren
	}
	line, _ := reader.PeekLine()
	l := strings.TrimRight(string(line[pc.BlockOffset():]), "\r\n")
	if l != "|" && !strings.HasPrefix(l, "| ") {
		return nil, parser.NoChildren
	}
	lines := sourceLines(reader, 1000, 1)
	if len(lines) > 0 {
		lines[0] = l
	}
	if pandoctable.AlignmentRow(l) {
		return nil, parser.NoChildren
	}
	if len(lines) > 1 && pandoctable.AlignmentRow(lines[1]) {
		return nil, parser.NoChildren
	}
	out, n, ok := lineBlock(lines)
	if !ok {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return &lineBlockNode{lines: out, skipLines: skipLines{left: n - 1}}, parser.NoChildren
}

func (lineBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return node.(*lineBlockNode).next(reader)
}
func (lineBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (lineBlockParser) CanInterruptParagraph() bool                                { return false }
func (lineBlockParser) CanAcceptIndentedLine() bool                                { return false }

// divNode is a pandoc fenced div, ::: {lang=de} ... :::.
type divNode struct {
	ast.BaseBlock
	attrs attributes
	// htmlAttrs are the names of the attributes of a <div> tag the model
	// does not keep (htmlDivJoiner), each a warning.
	htmlAttrs []string
}

var kindDiv = ast.NewNodeKind("FencedDiv")

func (n *divNode) Kind() ast.NodeKind         { return kindDiv }
func (n *divNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// divFence reads a fence line: three or more colons, then for an opening
// fence attributes or a single class name, optionally followed by colons.
func divFence(line []byte) (attributes, bool, bool) {
	t := bytes.TrimSpace(line)
	n := 0
	for n < len(t) && t[n] == ':' {
		n++
	}
	if n < 3 {
		return attributes{}, false, false
	}
	rest := bytes.TrimSpace(bytes.TrimRight(bytes.TrimSpace(t[n:]), ":"))
	if len(rest) == 0 {
		return attributes{}, false, true // a closing fence
	}
	if rest[0] == '{' {
		a, used, ok := parseAttributes(rest)
		return a, ok && used == len(rest), false
	}
	if !bytes.ContainsAny(rest, " \t{}") {
		return attributes{classes: []string{string(rest)}}, true, false
	}
	return attributes{}, false, false
}

type divStack struct{ open []*divNode }

var divStackKey = parser.NewContextKey()

// divParser recognises fenced divs; a closing fence closes the innermost
// open div.
type divParser struct{}

func (divParser) Trigger() []byte { return []byte{':'} }

func (divParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	a, open, _ := divFence(line)
	if !open {
		return nil, parser.NoChildren
	}
	st, _ := pc.Get(divStackKey).(*divStack)
	if st == nil {
		st = &divStack{}
		pc.Set(divStackKey, st)
	}
	n := &divNode{attrs: a}
	st.open = append(st.open, n)
	reader.Advance(seg.Len() - 1)
	return n, parser.HasChildren
}

func (divParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, seg := reader.PeekLine()
	st, _ := pc.Get(divStackKey).(*divStack)
	if _, _, closing := divFence(line); closing && st != nil && len(st.open) > 0 && st.open[len(st.open)-1] == node {
		reader.Advance(seg.Len() - 1)
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

func (divParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if st, _ := pc.Get(divStackKey).(*divStack); st != nil {
		for i := len(st.open) - 1; i >= 0; i-- {
			if st.open[i] == node {
				st.open = append(st.open[:i], st.open[i+1:]...)
				break
			}
		}
	}
}
func (divParser) CanInterruptParagraph() bool { return true }
func (divParser) CanAcceptIndentedLine() bool { return false }

// blockRest returns the rest of the inline block from the reader's place,
// up to limit bytes: the lines of a paragraph joined as goldmark reads
// them, so that n bytes of it are block.Advance(n).
func blockRest(block text.Reader, limit int) []byte {
	line, pos := block.Position()
	defer block.SetPosition(line, pos)
	var out []byte
	for len(out) < limit {
		l, _ := block.PeekLine()
		if l == nil {
			break
		}
		out = append(out, l...)
		block.AdvanceLine()
	}
	return out
}

// lineRest returns the rest of the reader's line: most inline constructs
// close on the line they open on, and reading it copies nothing, where
// blockRest copies the rest of the paragraph.
func lineRest(block text.Reader) []byte {
	l, _ := block.PeekLine()
	return l
}

// offsetOf returns the source offset of the reader's place.
func offsetOf(block text.Reader) int {
	_, seg := block.Position()
	return seg.Start
}

// mathNode is TeX math.
type mathNode struct {
	ast.BaseInline
	tex     string
	display bool
	offset  int
}

var kindMath = ast.NewNodeKind("Math")

func (n *mathNode) Kind() ast.NodeKind         { return kindMath }
func (n *mathNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type mathParser struct{}

func (mathParser) Trigger() []byte { return []byte{'$'} }

func (mathParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if block.PrecendingCharacter() == '\\' {
		return nil
	}
	off := offsetOf(block)
	tex, display, n, ok := mathSpan(lineRest(block))
	if !ok {
		tex, display, n, ok = mathSpan(blockRest(block, 1<<16))
	}
	if !ok {
		return nil
	}
	block.Advance(n)
	return &mathNode{tex: tex, display: display, offset: off}
}

// scriptNode is a superscript (^2^) or subscript (~2~).
type scriptNode struct {
	ast.BaseInline
	mark    byte
	content string
	offset  int
}

var kindScript = ast.NewNodeKind("Script")

func (n *scriptNode) Kind() ast.NodeKind         { return kindScript }
func (n *scriptNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// inlineNoteNode is a pandoc inline note, ^[text].
type inlineNoteNode struct {
	ast.BaseInline
	content string
	offset  int
}

var kindInlineNote = ast.NewNodeKind("InlineNote")

func (n *inlineNoteNode) Kind() ast.NodeKind         { return kindInlineNote }
func (n *inlineNoteNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// scriptParser reads superscripts and subscripts and, after them (as
// pandoc tries them, so that ^[a link](#x)^ stays a superscript), inline
// notes.
type scriptParser struct{}

func (scriptParser) Trigger() []byte { return []byte{'^', '~'} }

func (scriptParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	off := offsetOf(block)
	// A script holds no line end; an inline note may.
	rest := lineRest(block)
	if len(rest) == 0 {
		return nil
	}
	if content, n, ok := scriptSpan(rest, rest[0]); ok {
		block.Advance(n)
		return &scriptNode{mark: rest[0], content: content, offset: off + 1}
	}
	if rest[0] == '^' && len(rest) > 1 && rest[1] == '[' {
		if _, _, ok := bracketed(rest[1:]); !ok {
			rest = blockRest(block, 1<<14)
		}
		if content, n, ok := bracketed(rest[1:]); ok {
			block.Advance(n + 1)
			return &inlineNoteNode{content: content, offset: off + 2}
		}
	}
	return nil
}

// spanNode is a bracketed span, [text]{attributes}.
type spanNode struct {
	ast.BaseInline
	content string
	attrs   attributes
	offset  int
}

var kindSpan = ast.NewNodeKind("BracketedSpan")

func (n *spanNode) Kind() ast.NodeKind         { return kindSpan }
func (n *spanNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// citeNode is a citation, [@key, p. 12] or @key.
type citeNode struct {
	ast.BaseInline
	cites  []citation
	raw    string
	inText bool
	offset int
}

var kindCite = ast.NewNodeKind("Citation")

func (n *citeNode) Kind() ast.NodeKind         { return kindCite }
func (n *citeNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// missingNoteNode is a footnote reference, [^label], to a note the source
// never writes.
type missingNoteNode struct {
	ast.BaseInline
	label  string
	offset int
}

var kindMissingNote = ast.NewNodeKind("MissingNote")

func (n *missingNoteNode) Kind() ast.NodeKind         { return kindMissingNote }
func (n *missingNoteNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// bracketParser reads what opens with a square bracket before the link
// and footnote parsers do: citations, [@key]; bracketed spans,
// [text]{attributes}; and references to notes that do not exist.
type bracketParser struct{}

func (bracketParser) Trigger() []byte { return []byte{'['} }

func (bracketParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	off := offsetOf(block)
	rest := lineRest(block)
	content, n, ok := bracketed(rest)
	if !ok || n == len(rest) {
		// not closed on this line, or closed at its end, where the
		// attributes or the link after it may start the next
		rest = blockRest(block, 1<<14)
		content, n, ok = bracketed(rest)
	}
	if !ok {
		return nil
	}
	if strings.HasPrefix(content, "^") {
		label := content[1:]
		if n < len(rest) && rest[n] == ':' || stateOf(pc).notes[strings.ToLower(label)] || label == "" || strings.ContainsAny(label, " \n") {
			return nil
		}
		block.Advance(n)
		return &missingNoteNode{label: label, offset: off}
	}
	after := rest[n:]
	if len(after) > 0 && after[0] == '{' {
		if a, used, ok := parseAttributes(after); ok {
			block.Advance(n + used)
			return &spanNode{content: content, attrs: a, offset: off + 1}
		}
	}
	if len(after) > 0 && (after[0] == '(' || after[0] == '[' || after[0] == ':') {
		return nil // a link
	}
	if strings.Contains(content, "@") {
		if cites, ok := citationGroup(content); ok {
			block.Advance(n)
			return &citeNode{cites: cites, raw: string(rest[:n]), offset: off}
		}
	}
	return nil
}

// citeParser reads a citation in the text, @key, or @key [p. 12].
type citeParser struct{}

func (citeParser) Trigger() []byte { return []byte{'@'} }

func (citeParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if p := block.PrecendingCharacter(); p < utf8.RuneSelf && isKeyByte(byte(p)) || p >= utf8.RuneSelf && p != utf8.RuneError {
		return nil // an email address
	}
	off := offsetOf(block)
	rest := lineRest(block)
	if len(rest) < 2 {
		return nil
	}
	key, n := citationKey(string(rest[1:]))
	if key == "" {
		return nil
	}
	c := citation{key: key}
	used := 1 + n
	if tail := rest[used:]; len(tail) > 1 && tail[0] == ' ' && tail[1] == '[' {
		if loc, m, ok := bracketed(tail[1:]); ok && !strings.Contains(loc, "@") {
			c.locator = strings.TrimSpace(loc)
			used += 1 + m
		}
	}
	block.Advance(used)
	return &citeNode{cites: []citation{c}, raw: string(rest[:used]), inText: true, offset: off}
}

// attributesNode holds pandoc attributes written right after a link, an
// image or a code span, {#id .class}; the conversion reads them with the
// node before.
type attributesNode struct {
	ast.BaseInline
	attrs attributes
}

var kindAttributes = ast.NewNodeKind("Attributes")

func (n *attributesNode) Kind() ast.NodeKind         { return kindAttributes }
func (n *attributesNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type attributesParser struct{}

func (attributesParser) Trigger() []byte { return []byte{'{'} }

func (attributesParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	switch parent.LastChild().(type) {
	case *ast.Link, *ast.Image, *ast.CodeSpan:
	default:
		return nil
	}
	a, n, ok := parseAttributes(lineRest(block))
	if !ok {
		a, n, ok = parseAttributes(blockRest(block, 1<<10))
	}
	if !ok {
		return nil
	}
	block.Advance(n)
	return &attributesNode{attrs: a}
}

// htmlDivJoiner makes a div of the blocks between a line that is only
// an opening <div> tag and the line that is only its </div>, each a block
// of raw HTML of its own because blank lines stand around them. pandoc
// reads Markdown between such tags as Markdown inside the div (pandoc's
// manual, "Extension: markdown_in_html_blocks" and "native_divs"), and
// its older versions, and editors by hand, wrote a poem or a letter as
// `<div class="poem">`, a blank line, the lines, a blank line,
// `</div>`. CommonMark ends an HTML block at a blank line (§4.6, kind 6),
// so without this the div would be set empty and its class lost for the
// text it wraps.
type htmlDivJoiner struct{}

func (htmlDivJoiner) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var walk func(parent ast.Node)
	walk = func(parent ast.Node) {
		for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
			a, ok := loneDivTag(c, src, true)
			if !ok {
				walk(c)
				continue
			}
			end := matchingDivClose(c, src)
			if end == nil {
				continue
			}
			div := &divNode{attrs: a.attrs, htmlAttrs: a.left}
			div.SetLines(c.Lines())
			parent.InsertBefore(parent, c, div)
			for x := c.NextSibling(); x != end; {
				next := x.NextSibling()
				parent.RemoveChild(parent, x)
				div.AppendChild(div, x)
				x = next
			}
			parent.RemoveChild(parent, c)
			parent.RemoveChild(parent, end)
			walk(div)
			c = div
		}
	}
	walk(doc)
}

// divTag is a lone <div> tag's attributes: those the model keeps, and the
// names of those it leaves out (a style).
type divTag struct {
	attrs attributes
	left  []string
}

// loneDivTag reports whether n is a block of raw HTML holding nothing but
// one <div> opening tag (open) or one </div> (!open), and the opening
// tag's attributes.
func loneDivTag(n ast.Node, src []byte, open bool) (divTag, bool) {
	hb, ok := n.(*ast.HTMLBlock)
	if !ok || hb.HasClosure() {
		return divTag{}, false
	}
	var raw []byte
	for i := 0; i < hb.Lines().Len(); i++ {
		seg := hb.Lines().At(i)
		raw = append(raw, seg.Value(src)...)
	}
	z := html.NewTokenizer(bytes.NewReader(bytes.TrimSpace(raw)))
	tt := z.Next()
	want := html.StartTagToken
	if !open {
		want = html.EndTagToken
	}
	if tt != want {
		return divTag{}, false
	}
	name, hasAttr := z.TagName()
	if string(name) != "div" {
		return divTag{}, false
	}
	var t divTag
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch key := string(k); key {
		case "id":
			t.attrs.id = string(v)
		case "class":
			t.attrs.classes = append(t.attrs.classes, strings.Fields(string(v))...)
		case "lang", "xml:lang":
			t.attrs.pairs = append(t.attrs.pairs, model.KeyValue{Key: "lang", Value: string(v)})
		default:
			t.left = append(t.left, key)
		}
	}
	if z.Next() != html.ErrorToken { // something follows the tag
		return divTag{}, false
	}
	return t, true
}

// matchingDivClose returns the sibling after open that is the lone
// </div> closing it, counting the lone <div> tags opened between, or nil.
func matchingDivClose(open ast.Node, src []byte) ast.Node {
	depth := 0
	for x := open.NextSibling(); x != nil; x = x.NextSibling() {
		if _, ok := loneDivTag(x, src, true); ok {
			depth++
			continue
		}
		if _, ok := loneDivTag(x, src, false); ok {
			if depth == 0 {
				return x
			}
			depth--
		}
	}
	return nil
}
