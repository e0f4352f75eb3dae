// Package printing is the one bridge from the model to package layout: it
// translates an edition into layout's own input (Document), sets it
// (twice when the back matter cites pages of the body) and makes the
// wraparound cover. Layout never sees the model.
package printing

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bindery-editions/bindery/edition/account"
	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/pdf"

	"github.com/bindery-editions/bindery/layout"
	"github.com/bindery-editions/bindery/layout/document"
)

// Options select how the print edition is set.
type Options struct {
	Profile document.Profile
	// PageOf returns the printed page label of the word of a block with
	// the given index (counted as linebreak.Words counts them), for the
	// page references of the Note on the Text; nil leaves them out. Set
	// sets it from a first setting of the book (the references come after
	// the body, so adding them does not move the pages they cite).
	PageOf func(blockID string, word int) string
	// NoBookmarks leaves the PDF outline out, as some print-on-demand
	// services (KDP) ask.
	NoBookmarks bool
	// Tagged asks for a tagged PDF in the print profile too (the screen
	// profile's always is).
	Tagged bool
	// Workers is how many goroutines setting and writing the book may
	// keep busy; 0 means one per processor.
	Workers int
}

// Document translates the edition into layout's own input types: the
// model drives layout, layout never sees the model.
func Document(ed *model.Edition, opts Options) *document.Document {
	m := ed.Meta
	doc := &document.Document{
		Title:      m.Title,
		Subtitle:   m.Subtitle,
		Author:     creatorNames(m.Creators),
		Subject:    m.Description,
		Keywords:   strings.Join(m.Subjects, "; "),
		Identifier: m.Identifier,
		Language:   m.Language,
		Date:       m.Modified,
		Trim:       m.Trim,
		Profile:    opts.Profile,
		// The manifest's \hyphenation list: names break only there, and
		// only as a last resort.
		Hyphenation:   m.Hyphenation,
		NoOutline:     opts.NoBookmarks,
		Tagged:        opts.Tagged,
		ISBN:          m.ISBN,
		Price:         m.Price,
		LineNumbers:   m.LineNumbers,
		ContentsDepth: m.ContentsDepth,
	}
	// The manifest's margins were checked when it was read.
	if mg, err := seed.ParseMargins(m.Margins); err == nil {
		doc.Margins = mg
	}
	if doc.ContentsDepth == 0 {
		doc.ContentsDepth = 2 // the parts and their headings
	}
	p := printer{ed: ed, opts: opts, words: apparatus.Words(m), notes: map[string]model.Block{}, referred: referredNotes(ed),
		images: map[string]*drawing.Image{}, anchors: anchors(ed), print: opts.Profile.For(m.Trim) == document.Print}
	// A link to a part leads to its first block's page.
	for _, s := range ed.Sections() {
		for _, b := range s.Blocks {
			if b.ID != "" {
				p.anchors[s.ID] = b.ID
				break
			}
		}
	}
	for _, s := range ed.Back {
		if s.Role != model.RoleEndnotes {
			continue
		}
		for _, b := range s.Blocks {
			if b.Kind == model.Note {
				p.notes[b.ID] = b
			}
		}
	}
	for _, s := range ed.Front {
		doc.Parts = append(doc.Parts, p.part(s, document.FrontMatter))
	}
	for _, s := range ed.Body {
		doc.Parts = append(doc.Parts, p.part(s, document.BodyMatter))
	}
	for _, s := range ed.Back {
		if part, ok := p.backPart(s); ok {
			doc.Parts = append(doc.Parts, part)
		}
	}
	return doc
}

// printer carries what translating one section needs from the rest of the
// edition: the notes, set as footnotes where they are referred to, and the
// page references.
type printer struct {
	ed       *model.Edition
	opts     Options
	words    *locale.Locale         // the edition's own words
	notes    map[string]model.Block // endnotes by id
	referred map[string]bool        // notes some text refers to
	images   map[string]*drawing.Image
	anchors  map[string]string // inline anchor id → the block holding it
	print    bool              // the print profile: page numbers for links, addresses after them
	// noPageRefs leaves out the page after internal links, in an entry
	// that prints its page its own way (the Note on the Text's list).
	noPageRefs bool
	// urlNotes gathers the current part's notes of link addresses (nil:
	// addresses go after their links).
	urlNotes *urlNotes
	// lang is the language the block being translated declares, or one
	// around it (a Div's): its spans carry it to layout, which
	// hyphenates them by its patterns.
	lang string
}

// referredNotes returns the IDs of the notes some block of the edition
// refers to.
func referredNotes(ed *model.Edition) map[string]bool {
	out := map[string]bool{}
	var inlines func([]model.Inline)
	inlines = func(ins []model.Inline) {
		for _, in := range ins {
			if in.Kind == model.NoteRef {
				out[in.Target] = true
			}
			inlines(in.Children)
		}
	}
	var blocks func([]model.Block)
	blocks = func(bs []model.Block) {
		for _, b := range bs {
			inlines(b.Inlines)
			blocks(b.Children)
		}
	}
	for _, s := range ed.Sections() {
		blocks(s.Blocks)
	}
	return out
}

// backPart translates a back-matter section. In print the notes stand at
// the foot of the pages that refer to them, so the endnotes section keeps
// only what is not a note (the sources the notes cite) and the notes no
// text refers to, which close it.
func (p printer) backPart(s model.Section) (document.Part, bool) {
	if s.Role != model.RoleEndnotes {
		return p.part(s, document.BackMatter), true
	}
	var rest []model.Block
	for _, b := range s.Blocks {
		if b.Kind == model.Note && p.referred[b.ID] {
			continue
		}
		rest = append(rest, b)
	}
	if len(rest) == 0 {
		return document.Part{}, false
	}
	titleID := ""
	if rest[0].Kind == model.Heading {
		// The heading becomes the part's title, and its words are counted
		// as its block's.
		s.Title, titleID, rest = rest[0].Inlines, rest[0].ID, rest[1:]
	}
	s.Blocks = rest
	part := p.part(s, document.BackMatter)
	if titleID != "" {
		part.TitleID = titleID
	}
	return part, true
}

// footnotes returns the notes that blocks refer to, in order of reference,
// set as footnotes.
func (p printer) footnotes(bs []model.Block) []document.Block {
	var out []document.Block
	var walkInlines func([]model.Inline)
	walkInlines = func(ins []model.Inline) {
		for _, in := range ins {
			if in.Kind == model.NoteRef {
				if n, ok := p.notes[in.Target]; ok {
					out = append(out, p.noteBlocks(n)...)
				}
			}
			walkInlines(in.Children)
		}
	}
	var walk func([]model.Block)
	walk = func(bs []model.Block) {
		for _, b := range bs {
			walkInlines(b.Inlines)
			walk(b.Children)
		}
	}
	walk(bs)
	return out
}

func creatorNames(cs []model.Creator) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	return strings.Join(names, "; ")
}

// anyTitled reports whether a section of secs has a title.
func anyTitled(secs []model.Section) bool {
	for i := range secs {
		if strings.TrimSpace(secs[i].PlainTitle()) != "" {
			return true
		}
	}
	return false
}

func (pr printer) part(s model.Section, matter document.Matter) document.Part {
	ed := pr.ed
	p := document.Part{
		ID:          s.ID,
		Kind:        document.TextPart,
		Matter:      matter,
		Title:       s.PlainTitle(),
		Editorial:   s.Editorial && s.Role == model.RoleChapter,
		InContents:  strings.TrimSpace(s.PlainTitle()) != "",
		RunningHead: s.RunningHead,
	}
	if !p.InContents && s.Role == model.RoleChapter && matter == document.BodyMatter && !anyTitled(ed.Body) {
		// A text without a heading anywhere (a letter, a speech) is
		// listed by its opening words, as the e-book's contents list it:
		// a contents of introduction and apparatus alone would not lead
		// to the text. An untitled opening before titled chapters (an
		// epigraph, an essay's first pages) stands before the first of
		// their entries, as books leave it.
		p.ContentsTitle = s.OpeningWords(6)
		p.InContents = p.ContentsTitle != ""
	}
	if account.Titled(&s) {
		p.TitleID = account.TitleKey(s.ID)
	}
	switch s.Role {
	case model.RoleTitlePage:
		p.Kind, p.InContents = document.TitlePart, false
		p.Blocks = titlePageBlocks(ed.Meta)
		return p
	case model.RoleImprint:
		p.Kind, p.InContents = document.ImprintPart, false
		p.Blocks = pr.imprintBlocks(ed.Meta, s)
		return p
	case model.RoleContents:
		p.Kind, p.InContents = document.ContentsPart, false
		return p
	}
	pr.urlNotes = &urlNotes{part: s.ID}
	p.Blocks = append(pr.blocks(s.Blocks, 0, true), pr.footnotes(s.Blocks)...)
	p.Blocks = append(p.Blocks, pr.urlNotes.blocks...)
	p.Contents = contentsOf(s.PlainTitle(), s.Blocks)
	return p
}

// contentsOf lists a section's headings for the contents page, but one
// that repeats the section's own title: a source that heads an article's
// editorial headnote and then the article with the same words (an
// anthology of letters reprinted from newspapers) would list each twice,
// one line under the other.
func contentsOf(title string, bs []model.Block) []document.ContentsEntry {
	var out []document.ContentsEntry
	var walk func([]model.Block)
	walk = func(bs []model.Block) {
		for _, b := range bs {
			switch b.Kind {
			case model.Heading:
				if b.ID != "" && !b.Editorial && !model.SameWords(model.PlainText(b.Inlines), title) {
					out = append(out, document.ContentsEntry{Title: model.PlainText(b.Inlines), BlockID: b.ID, Level: max(b.Level-1, 1)})
				}
			case model.Div:
				walk(b.Children)
			}
		}
	}
	walk(bs)
	return out
}

func titlePageBlocks(m model.Meta) []document.Block {
	// Only the first block carries an id, the section's own: the EPUB
	// places the title page's page-break marker at the section's start.
	bs := []document.Block{{ID: "titlepage", Style: document.DisplayLarge, Spans: []document.Span{{Text: m.Title}}}}
	if m.Subtitle != "" {
		bs = append(bs, document.Block{Style: document.Display, Spans: []document.Span{{Text: m.Subtitle, Style: document.Italic}}})
	}
	words := apparatus.Words(m)
	for _, c := range m.Creators {
		name := []document.Span{{Text: c.Name, Style: document.SmallCaps}}
		// An editor or a translator is named as such, the name in small
		// capitals as an author's, the words around it in roman.
		if key, ok := map[string]locale.Key{"edt": locale.EditedBy, "trl": locale.TranslatedBy}[c.Role]; ok {
			name = nil
			for _, p := range words.Pieces(key) {
				if p.Arg == "names" {
					name = append(name, document.Span{Text: c.Name, Style: document.SmallCaps})
				} else if p.Text != "" {
					name = append(name, document.Span{Text: p.Text})
				}
			}
		}
		bs = append(bs, document.Block{Style: document.Display, Spans: name})
	}
	// Layout sets what follows the last break at the foot of the page: the
	// original's imprint and this edition's publisher.
	bs = append(bs, document.Block{Style: document.Break})
	if orig := apparatus.OriginalLine(m.Original); orig != "" {
		bs = append(bs, document.Block{Style: document.Display, Spans: []document.Span{{Text: orig}}})
	}
	if m.Publisher != "" {
		bs = append(bs, document.Block{Style: document.Display, Spans: []document.Span{{Text: m.Publisher, Style: document.SmallCaps}}})
	}
	return bs
}

func (pr printer) imprintBlocks(m model.Meta, s model.Section) []document.Block {
	var bs []document.Block
	for i, l := range apparatus.ImprintLines(m) {
		b := document.Block{Style: document.Small, Spans: italicName(l, m.Original.FirstPrint)}
		if i == 0 {
			b.ID = s.ID // the page-break marker goes at the section's start
		}
		bs = append(bs, b)
	}
	return append(bs, pr.blocks(s.Blocks, 0, false)...)
}

// italicName sets text in roman with each occurrence of name in italic:
// the periodical the source was first printed in is a title wherever the
// imprint names it (Chicago 8.168), as the EPUB sets it.
func italicName(text, name string) []document.Span {
	var out []document.Span
	for name != "" {
		i := strings.Index(text, name)
		if i < 0 {
			break
		}
		if i > 0 {
			out = append(out, document.Span{Text: text[:i]})
		}
		out = append(out, document.Span{Text: name, Style: document.Italic})
		text = text[i+len(name):]
	}
	if text != "" || len(out) == 0 {
		out = append(out, document.Span{Text: text})
	}
	return out
}

// blocks flattens model blocks into layout blocks. first reports whether
// the next paragraph opens its part or follows a heading, so it is set
// without indent and with a small-capitals lead-in.
func (pr printer) blocks(bs []model.Block, level int, first bool) []document.Block {
	var out []document.Block
	outer := pr
	for _, b := range bs {
		if !b.In(apparatus.EditionPrint) {
			continue // a statement true of another edition only
		}
		pr := outer
		if lang := b.Attr.Get("lang"); lang != "" {
			pr.lang = lang
		}
		if set, ok := pr.construct(b, level); ok {
			out = append(out, set...)
			first = false
			continue
		}
		lb := document.Block{ID: b.ID, Spans: pr.spans(b.Inlines, document.Roman), Level: level}
		switch b.Kind {
		case model.Paragraph:
			lb.Style = document.Body
			if b.Attr.Get("class") == "bibliography" {
				lb.Style = document.Reference // hanging indent, ragged right
			} else if level > 0 {
				lb.Style = document.Quote
			} else if first {
				lb.Style = document.BodyFirst
			}
			first = false
		case model.Heading:
			lb.Style = document.Subheading
			lb.Outline = max(b.Level-1, 1)
			first = true
		case model.BlockQuote:
			quoted := pr.blocks(b.Children, level+1, false)
			if len(quoted) > 0 {
				quoted[0].QuoteStart, quoted[len(quoted)-1].QuoteEnd = true, true
			}
			out = append(out, quoted...)
			continue
		case model.List, model.ListItem:
			ordered := b.Attr.Get("ordered") == "true"
			items := b.Children
			if b.Kind == model.ListItem {
				// An item standing alone is set as a list of one.
				items = []model.Block{b}
			}
			for i, item := range items {
				ipr := pr
				if item.Attr.Get("block") != "" {
					// an apparatus entry: its page is added below, once
					ipr.noPageRefs = true
				}
				items := ipr.blocks(item.Children, level+1, false)
				if len(item.Inlines) > 0 {
					items = append([]document.Block{{ID: item.ID, Style: document.ListItem, Spans: spansOf(item.Inlines, document.Roman), Level: level + 1}}, items...)
				}
				if len(items) > 0 {
					items[0].Style = document.ListItem
					items[0].Marker = "•"
					if ordered {
						items[0].Marker = fmt.Sprintf("%d.", i+1)
					}
					if ref := item.Attr.Get("block"); ref != "" {
						// An apparatus entry: the page its reading stands
						// on takes the marker's place, as a critical
						// edition cites page (and line) before the lemma.
						items[0].Marker = ""
						if pr.opts.PageOf != nil {
							word, _ := strconv.Atoi(item.Attr.Get("word"))
							items[0].Marker = pr.opts.PageOf(ref, word)
						}
					}
				}
				out = append(out, items...)
			}
			continue
		case model.Salutation:
			lb.Style = document.Salutation
			first = true
		case model.Signature, model.Dateline, model.Attribution, model.Centered:
			lb.Style = fixedStyles[b.Kind]
		case model.ThematicBreak:
			lb.Style = document.Break
			first = true
		case model.Note:
			// A note inside a text (a Markdown footnote) goes to the foot
			// of the page that refers to it.
			out = append(out, pr.noteBlocks(b)...)
			continue
		}
		if parts, ok := pr.broken(lb, b.Inlines); ok {
			out = append(out, parts...)
			continue
		}
		out = append(out, lb)
	}
	return out
}

// noteBlocks sets a note as footnote paragraphs: its own text, if any, then
// the text of each block it holds (a Markdown footnote keeps its paragraphs
// there), in order, each under its own ID so that its words are accounted
// for, the first with the note's mark.
func (pr printer) noteBlocks(n model.Block) []document.Block {
	pr.urlNotes = nil // a note's links keep their addresses after them
	var out []document.Block
	add := func(id string, ins []model.Inline) {
		lb := document.Block{ID: id, Note: n.ID, Style: document.Footnote, Spans: pr.spans(ins, document.Roman)}
		if parts, ok := pr.broken(lb, ins); ok {
			out = append(out, parts...)
			return
		}
		out = append(out, lb)
	}
	if len(n.Inlines) > 0 || len(n.Children) == 0 {
		add(n.ID, n.Inlines)
	}
	// A list keeps its markers: each item indented a step past the
	// text around it (Level), its bullet or number hanging before it.
	var walk func(bs []model.Block, depth int)
	walk = func(bs []model.Block, depth int) {
		for _, c := range bs {
			if c.Kind != model.List && c.Kind != model.ListItem {
				if len(c.Inlines) > 0 {
					add(c.ID, c.Inlines)
				}
				walk(c.Children, depth)
				continue
			}
			items := c.Children
			if c.Kind == model.ListItem {
				items = []model.Block{c} // an item standing alone: a list of one
			}
			for i, item := range items {
				start := len(out)
				if len(item.Inlines) > 0 {
					add(item.ID, item.Inlines)
				}
				walk(item.Children, depth+1)
				for k := start; k < len(out); k++ {
					if out[k].Level == 0 {
						out[k].Level = depth + 1
					}
				}
				if len(out) > start {
					out[start].Marker = "•"
					if c.Attr.Get("ordered") == "true" {
						out[start].Marker = fmt.Sprintf("%d.", i+1)
					}
				}
			}
		}
	}
	walk(n.Children, 0)
	if len(out) > 0 {
		if out[0].Level > 0 {
			// A note that opens with a list: the note's mark hangs before
			// its first item, whose own marker opens its text, joined to
			// its first word by a no-break space so that it adds no word.
			out[0].Spans = append([]document.Span{{Text: out[0].Marker + "\u00a0"}}, out[0].Spans...)
			out[0].Level = 0
		}
		out[0].Marker = noteMark(n)
	}
	return out
}

// fixedStyles are the block kinds set the same way wherever they stand.
var fixedStyles = map[model.BlockKind]document.BlockStyle{
	model.Signature:   document.Signature,
	model.Dateline:    document.Dateline,
	model.Attribution: document.Attribution,
	model.Centered:    document.Display,
}

// noteMark is the number a note is referred to by: "note-12" → "12".
func noteMark(b model.Block) string {
	if m := b.Attr.Get("mark"); m != "" {
		return m
	}
	id := b.ID
	if i := strings.LastIndexAny(id, "-n"); i >= 0 && i+1 < len(id) {
		return id[i+1:]
	}
	return id
}

// spansOf flattens inlines into styled spans, for text outside the body
// (no links to resolve).
func spansOf(ins []model.Inline, style document.FontStyle) []document.Span {
	return printer{}.spans(ins, style)
}

// spans flattens inlines into styled spans. Emphasis inside italics
// switches back to roman, as in print.
func (pr printer) spans(ins []model.Inline, style document.FontStyle) []document.Span {
	spansOf := pr.spans
	var out []document.Span
	for _, in := range ins {
		switch in.Kind {
		case model.Text:
			out = append(out, document.Span{Text: in.Text, Style: style})
		case model.Code:
			// Code in the monospaced face whatever the style around it,
			// as the EPUB's <code> is.
			out = append(out, document.Span{Text: in.Text, Style: document.Mono})
		case model.LineBreak:
			out = append(out, document.Span{Text: " ", Style: style})
		case model.Emph:
			s := document.Italic
			switch style {
			case document.Italic:
				s = document.Roman
			case document.Bold:
				s = document.BoldItalic
			}
			out = append(out, spansOf(in.Children, s)...)
		case model.Strong:
			s := document.Bold
			if style == document.Italic {
				s = document.BoldItalic
			}
			out = append(out, spansOf(in.Children, s)...)
		case model.SmallCaps:
			out = append(out, spansOf(in.Children, document.SmallCaps)...)
		case model.NoteRef:
			out = append(out, document.Span{Text: in.Text, Style: document.Roman, Super: true, Mark: true, Link: "#" + in.Target})
		case model.Link:
			target := pr.linkTarget(in.Target)
			for _, sp := range spansOf(in.Children, style) {
				sp.Link = target
				out = append(out, sp)
			}
			if ref := pr.pageRef(in.Target); ref != "" {
				out = append(out, document.Span{Text: ref, Style: style})
			} else if mark := pr.urlNote(in); mark.Text != "" {
				out = append(out, mark)
			} else if url := pr.urlAfter(in); url != "" {
				out = append(out, document.Span{Text: url, Style: style})
			}
		case model.Strikeout:
			for _, sp := range spansOf(in.Children, style) {
				sp.Strike = true
				out = append(out, sp)
			}
		case model.Span:
			inner := pr
			if lang := in.Attr.Get("lang"); lang != "" {
				inner.lang = lang
			}
			out = append(out, inner.spans(in.Children, style)...)
		case model.Cite:
			for _, sp := range spansOf(in.Children, style) {
				if in.Target != "" {
					sp.Link = pr.linkTarget(in.Target)
				}
				out = append(out, sp)
			}
		case model.Superscript:
			for _, sp := range spansOf(in.Children, style) {
				sp.Super = true
				out = append(out, sp)
			}
		case model.Subscript:
			text := model.PlainText(in.Children)
			if strings.ContainsAny(text, " \t\n") || text == "" {
				out = append(out, spansOf(in.Children, style)...)
				continue
			}
			// Lowered as a formula's subscript is: the line breaker knows
			// only raised text.
			out = append(out, document.Span{Object: document.NewFormula(`{}_{\text{`+texEscape(text)+`}}`, false), Style: style})
		case model.Math:
			if in.Attr.Get("display") == "true" {
				// set apart by broken; here only inside a title
				out = append(out, document.Span{Object: document.NewFormula(in.Text, false), Style: style})
				continue
			}
			out = append(out, document.Span{Object: document.NewFormula(in.Text, false), Style: style})
		}
	}
	if pr.lang != "" {
		for i := range out {
			if out[i].Lang == "" {
				out[i].Lang = pr.lang
			}
		}
	}
	return out
}

// texEscape escapes the characters TeX's \text gives a meaning.
func texEscape(s string) string {
	return strings.NewReplacer(`\`, `\textbackslash `, "{", `\{`, "}", `\}`, "$", `\$`, "%", `\%`, "&", `\&`, "#", `\#`, "_", `\_`).Replace(s)
}

// Book is the print edition set in pages: what the setting reports
// (page starts, block pages, statistics) at once, its PDF on demand.
type Book struct {
	*layout.Setting
	base    *pdf.Base
	workers int
}

// WritePDF draws the pages and writes the PDF. It may be called once.
func (b *Book) WritePDF() ([]byte, error) {
	d, err := b.Draw()
	if err != nil {
		return nil, err
	}
	return pdf.Write(d, b.base, b.workers)
}

// Preload starts reading what setting a book needs and a process reads
// once (the book's faces), on goroutines of their own, and returns at once:
// called before the edition is loaded, it is read meanwhile.
func Preload() { layout.Preload() }

// PreloadLanguage starts reading the hyphenation patterns of a book's
// language, on a goroutine of its own, and returns at once (see
// layout.PreloadLanguage).
func PreloadLanguage(tag string) { layout.PreloadLanguage(tag) }

// Set sets the book in pages. When the back matter cites pages of the
// body (the Note on the Text's emendations), the book is set twice, as TeX
// does: the first setting gives the page of every block, the second prints
// the references. They stand after the body, so they cannot move the pages
// they cite. The PDF's fonts are loaded, on a goroutine of their own, as
// soon as the first setting knows the page size and the faces.
func Set(ed *model.Edition, opts Options) (*Book, error) {
	t, err := layout.NewTypesetter(opts.Workers)
	if err != nil {
		return nil, err
	}
	first, err := t.Set(Document(ed, opts))
	if err != nil {
		return nil, err
	}
	var base *pdf.Base
	if opts.Workers != 1 {
		w, h := first.MediaSize()
		base = pdf.StartBase(w, h, first.Faces())
	}
	print := opts.Profile.For(ed.Meta.Trim) == document.Print
	bodyRefs := print && hasInternalLinks(ed.Front, ed.Body)
	if !citesPages(ed) && !bodyRefs && !(print && hasInternalLinks(ed.Back)) {
		return &Book{Setting: first, base: base, workers: opts.Workers}, nil
	}
	// The first setting is only measured: its PDF is never written, and
	// the second breaks again only the paragraphs that changed. References
	// from the back matter cannot move the pages they cite; references
	// inside the body can, so the book is set again until the pages it
	// prints are the pages it cites, as LaTeX is run again (three
	// settings more at most).
	setting := first
	for pass := 0; pass < 3; pass++ {
		opts.PageOf = pageOfWord(&setting.Result)
		next, err := t.Set(Document(ed, opts))
		if err != nil {
			return nil, err
		}
		stable := !bodyRefs || samePages(setting.BlockPages, next.BlockPages)
		setting = next
		if stable || pass > 0 && !bodyRefs {
			break
		}
	}
	return &Book{Setting: setting, base: base, workers: opts.Workers}, nil
}

// samePages reports whether two settings put every block on the same page.
func samePages(a, b []document.BlockPage) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// pageOfWord returns where a setting placed each word of a block: the page
// of the block's first line, or of a later page the block runs on to, from
// the word that page begins with. A reading in a paragraph that spans two
// pages is cited at its own page, not at its paragraph's first.
func pageOfWord(r *document.Result) func(blockID string, word int) string {
	first := make(map[string]string, len(r.BlockPages))
	for _, bp := range r.BlockPages {
		first[bp.BlockID] = bp.Label
	}
	later := map[string][]document.PageStart{}
	for _, ps := range r.PageStarts {
		if ps.Word > 0 {
			later[ps.BlockID] = append(later[ps.BlockID], ps)
		}
	}
	return func(id string, word int) string {
		label := first[id]
		for _, ps := range later[id] {
			if ps.Word <= word {
				label = ps.Label
			}
		}
		return label
	}
}

// citesPages reports whether some block of the back matter refers to the
// page of another block.
func citesPages(ed *model.Edition) bool {
	var walk func([]model.Block) bool
	walk = func(bs []model.Block) bool {
		for _, b := range bs {
			if b.Attr.Get("block") != "" || walk(b.Children) {
				return true
			}
		}
		return false
	}
	for _, s := range ed.Back {
		if walk(s.Blocks) {
			return true
		}
	}
	return false
}
