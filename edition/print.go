package edition

import (
	"fmt"
	"strings"

	"github.com/bindery-editions/bindery/edition/model"

	"github.com/bindery-editions/bindery/layout"
)

// PrintOptions select how the print edition is set.
type PrintOptions struct {
	Profile layout.Profile
	// PageOf returns the printed page label of a block, for the page
	// references of the Note on the Text; nil leaves them out. Build sets
	// it from a first setting of the book (the references come after the
	// body, so adding them does not move the pages they cite).
	PageOf func(blockID string) string
	// NoBookmarks leaves the PDF outline out, as some print-on-demand
	// services (KDP) ask.
	NoBookmarks bool
}

// PrintDocument translates the edition into layout's own input types: the
// model drives layout, layout never sees the model.
func PrintDocument(ed *model.Edition, opts PrintOptions) *layout.Document {
	m := ed.Meta
	doc := &layout.Document{
		Title:    m.Title,
		Subtitle: m.Subtitle,
		Author:   creatorNames(m.Creators),
		Subject:  m.Description,
		Keywords: strings.Join(m.Subjects, "; "),
		Language: m.Language,
		Date:     m.Modified,
		Trim:     m.Trim,
		Profile:  opts.Profile,
		// The manifest's \hyphenation list: names break only there, and
		// only as a last resort.
		Hyphenation: m.Hyphenation,
		NoOutline:   opts.NoBookmarks,
	}
	p := printer{ed: ed, opts: opts, notes: map[string]model.Block{}}
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
		doc.Parts = append(doc.Parts, p.part(s, layout.FrontMatter))
	}
	for _, s := range ed.Body {
		doc.Parts = append(doc.Parts, p.part(s, layout.BodyMatter))
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
	ed    *model.Edition
	opts  PrintOptions
	notes map[string]model.Block // endnotes by id
}

// backPart translates a back-matter section. In print the notes stand at
// the foot of the pages that refer to them, so the endnotes section keeps
// only what is not a note: the sources the notes cite.
func (p printer) backPart(s model.Section) (layout.Part, bool) {
	if s.Role != model.RoleEndnotes {
		return p.part(s, layout.BackMatter), true
	}
	var rest []model.Block
	for _, b := range s.Blocks {
		if b.Kind == model.Note {
			continue
		}
		rest = append(rest, b)
	}
	if len(rest) == 0 {
		return layout.Part{}, false
	}
	if rest[0].Kind == model.Heading {
		// The heading becomes the part's title.
		s.Title, rest = rest[0].Inlines, rest[1:]
	}
	s.Blocks = rest
	return p.part(s, layout.BackMatter), true
}

// footnotes returns the notes that blocks refer to, in order of reference,
// set as footnotes.
func (p printer) footnotes(bs []model.Block) []layout.Block {
	var out []layout.Block
	var walkInlines func([]model.Inline)
	walkInlines = func(ins []model.Inline) {
		for _, in := range ins {
			if in.Kind == model.NoteRef {
				if n, ok := p.notes[in.Target]; ok {
					out = append(out, layout.Block{ID: n.ID, Style: layout.Footnote, Marker: noteMark(n), Spans: spansOf(n.Inlines, layout.Roman)})
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

func (pr printer) part(s model.Section, matter layout.Matter) layout.Part {
	ed := pr.ed
	p := layout.Part{
		ID:          s.ID,
		Kind:        layout.TextPart,
		Matter:      matter,
		Title:       s.PlainTitle(),
		Editorial:   s.Editorial && s.Role == model.RoleChapter,
		InContents:  strings.TrimSpace(s.PlainTitle()) != "", // an untitled opening has no entry
		RunningHead: s.RunningHead,
	}
	switch s.Role {
	case model.RoleTitlePage:
		p.Kind, p.InContents = layout.TitlePart, false
		p.Blocks = titlePageBlocks(ed.Meta)
		return p
	case model.RoleImprint:
		p.Kind, p.InContents = layout.ImprintPart, false
		p.Blocks = pr.imprintBlocks(ed.Meta, s)
		return p
	case model.RoleContents:
		p.Kind, p.InContents = layout.ContentsPart, false
		return p
	}
	p.Blocks = append(pr.blocks(s.Blocks, 0, true), pr.footnotes(s.Blocks)...)
	return p
}

func titlePageBlocks(m model.Meta) []layout.Block {
	// Only the first block carries an id, the section's own: the EPUB
	// places the title page's page-break marker at the section's start.
	bs := []layout.Block{{ID: "titlepage", Style: layout.DisplayLarge, Spans: []layout.Span{{Text: m.Title}}}}
	if m.Subtitle != "" {
		bs = append(bs, layout.Block{Style: layout.Display, Spans: []layout.Span{{Text: m.Subtitle, Style: layout.Italic}}})
	}
	for _, c := range m.Creators {
		bs = append(bs, layout.Block{Style: layout.Display, Spans: []layout.Span{{Text: c.Name, Style: layout.SmallCaps}}})
	}
	// Layout sets what follows the last break at the foot of the page: the
	// original's imprint and this edition's publisher.
	bs = append(bs, layout.Block{Style: layout.Break})
	if orig := originalLine(m.Original); orig != "" {
		bs = append(bs, layout.Block{Style: layout.Display, Spans: []layout.Span{{Text: orig}}})
	}
	if m.Publisher != "" {
		bs = append(bs, layout.Block{Style: layout.Display, Spans: []layout.Span{{Text: m.Publisher, Style: layout.SmallCaps}}})
	}
	return bs
}

// originalLine is "The «Naim Frashëri» State Publishing House, Tirana, 1964".
func originalLine(o model.Original) string {
	var parts []string
	for _, s := range []string{o.Publisher, o.Place, o.Year} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// ImprintLines are the imprint page's statements, shared by both writers.
func ImprintLines(m model.Meta) []string {
	var lines []string
	if m.Title != "" {
		t := m.Title
		if m.Subtitle != "" {
			t += ": " + m.Subtitle
		}
		lines = append(lines, t)
	}
	if o := originalLine(m.Original); o != "" {
		l := "First published by " + o
		if m.Original.FirstPrint != "" {
			l += "; first printed in " + m.Original.FirstPrint
		}
		lines = append(lines, l+".")
	}
	if m.Source != "" {
		lines = append(lines, m.Source)
	}
	if m.Rights != "" {
		lines = append(lines, m.Rights)
	}
	if m.Publisher != "" {
		l := "This edition: " + m.Publisher
		if m.Date != "" {
			l += ", " + m.Date
		}
		lines = append(lines, l+".")
	}
	if m.Identifier != "" {
		lines = append(lines, "Identifier: "+m.Identifier)
	}
	return lines
}

func (pr printer) imprintBlocks(m model.Meta, s model.Section) []layout.Block {
	var bs []layout.Block
	for i, l := range ImprintLines(m) {
		b := layout.Block{Style: layout.Small, Spans: []layout.Span{{Text: l}}}
		if i == 0 {
			b.ID = s.ID // the page-break marker goes at the section's start
		}
		bs = append(bs, b)
	}
	return append(bs, pr.blocks(s.Blocks, 0, false)...)
}

// blocks flattens model blocks into layout blocks. first reports whether
// the next paragraph opens its part or follows a heading, so it is set
// without indent and with a small-capitals lead-in.
func (pr printer) blocks(bs []model.Block, level int, first bool) []layout.Block {
	var out []layout.Block
	for _, b := range bs {
		lb := layout.Block{ID: b.ID, Spans: spansOf(b.Inlines, layout.Roman), Level: level}
		switch b.Kind {
		case model.Paragraph:
			lb.Style = layout.Body
			if b.Attr.Get("class") == "bibliography" {
				lb.Style = layout.Reference // hanging indent, ragged right
			} else if level > 0 {
				lb.Style = layout.Quote
			} else if first {
				lb.Style = layout.BodyFirst
			}
			first = false
		case model.Heading:
			lb.Style = layout.Subheading
			first = true
		case model.BlockQuote:
			out = append(out, pr.blocks(b.Children, level+1, false)...)
			continue
		case model.List:
			ordered := b.Attr.Get("ordered") == "true"
			for i, item := range b.Children {
				items := pr.blocks(item.Children, level+1, false)
				if len(item.Inlines) > 0 {
					items = append([]layout.Block{{ID: item.ID, Style: layout.ListItem, Spans: spansOf(item.Inlines, layout.Roman), Level: level + 1}}, items...)
				}
				if len(items) > 0 {
					items[0].Style = layout.ListItem
					items[0].Marker = "•"
					if ordered {
						items[0].Marker = fmt.Sprintf("%d.", i+1)
					}
					if ref := item.Attr.Get("block"); ref != "" && pr.opts.PageOf != nil {
						items[0].Spans = withPageRef(items[0].Spans, pr.opts.PageOf(ref))
					}
				}
				out = append(out, items...)
			}
			continue
		case model.Salutation:
			lb.Style = layout.Salutation
			first = true
		case model.Signature, model.Dateline, model.Attribution, model.Centered:
			lb.Style = fixedStyles[b.Kind]
		case model.ThematicBreak:
			lb.Style = layout.Break
			first = true
		case model.Image:
			lb.Style = layout.Display
			alt := b.Attr.Get("alt")
			if alt == "" {
				alt = "image"
			}
			lb.Spans = []layout.Span{{Text: "[" + alt + "]", Style: layout.Italic}}
		case model.Note:
			// A note inside a text (a Markdown footnote) goes to the foot
			// of the page that refers to it.
			lb.Style = layout.Footnote
			lb.Marker = noteMark(b)
		case model.ListItem:
			lb.Style = layout.ListItem
		}
		out = append(out, lb)
	}
	return out
}

// fixedStyles are the block kinds set the same way wherever they stand.
var fixedStyles = map[model.BlockKind]layout.BlockStyle{
	model.Signature:   layout.Signature,
	model.Dateline:    layout.Dateline,
	model.Attribution: layout.Attribution,
	model.Centered:    layout.Display,
}

// withPageRef adds "(p. 17)" to an apparatus entry, before the colon that
// ends its "part, paragraph" location, or at its end when it has none.
func withPageRef(spans []layout.Span, label string) []layout.Span {
	if label == "" {
		return spans
	}
	ref := " (p.\u00a0" + label + ")"
	for i, sp := range spans {
		if at := strings.Index(sp.Text, ": "); at >= 0 {
			out := append([]layout.Span(nil), spans...)
			out[i].Text = sp.Text[:at] + ref + sp.Text[at:]
			return out
		}
	}
	return append(spans, layout.Span{Text: ref})
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

// spansOf flattens inlines into styled spans. Emphasis inside italics
// switches back to roman, as in print.
func spansOf(ins []model.Inline, style layout.FontStyle) []layout.Span {
	var out []layout.Span
	for _, in := range ins {
		switch in.Kind {
		case model.Text, model.Code:
			out = append(out, layout.Span{Text: in.Text, Style: style})
		case model.LineBreak:
			out = append(out, layout.Span{Text: " ", Style: style})
		case model.Emph:
			s := layout.Italic
			switch style {
			case layout.Italic:
				s = layout.Roman
			case layout.Bold:
				s = layout.BoldItalic
			}
			out = append(out, spansOf(in.Children, s)...)
		case model.Strong:
			s := layout.Bold
			if style == layout.Italic {
				s = layout.BoldItalic
			}
			out = append(out, spansOf(in.Children, s)...)
		case model.SmallCaps:
			out = append(out, spansOf(in.Children, layout.SmallCaps)...)
		case model.NoteRef:
			out = append(out, layout.Span{Text: in.Text, Style: layout.Roman, Super: true, Link: "#" + in.Target})
		case model.Link:
			for _, sp := range spansOf(in.Children, style) {
				sp.Link = in.Target
				out = append(out, sp)
			}
		}
	}
	return out
}
