package edition

import (
	"fmt"
	"strings"

	"github.com/bindery-editions/bindery/layout"
)

// PrintOptions select how the print edition is set.
type PrintOptions struct {
	Profile layout.Profile
}

// PrintDocument translates the edition into layout's own input types: the
// model drives layout, layout never sees the model.
func PrintDocument(ed *Edition, opts PrintOptions) *layout.Document {
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
	}
	for _, s := range ed.Front {
		doc.Parts = append(doc.Parts, printPart(ed, s, layout.FrontMatter))
	}
	for _, s := range ed.Body {
		doc.Parts = append(doc.Parts, printPart(ed, s, layout.BodyMatter))
	}
	for _, s := range ed.Back {
		doc.Parts = append(doc.Parts, printPart(ed, s, layout.BackMatter))
	}
	return doc
}

func creatorNames(cs []Creator) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	return strings.Join(names, "; ")
}

func printPart(ed *Edition, s Section, matter layout.Matter) layout.Part {
	p := layout.Part{
		ID:         s.ID,
		Kind:       layout.TextPart,
		Matter:     matter,
		Title:      s.PlainTitle(),
		Editorial:  s.Editorial && s.Role == RoleChapter,
		InContents: true,
	}
	switch s.Role {
	case RoleTitlePage:
		p.Kind, p.InContents = layout.TitlePart, false
		p.Blocks = titlePageBlocks(ed.Meta)
		return p
	case RoleImprint:
		p.Kind, p.InContents = layout.ImprintPart, false
		p.Blocks = imprintBlocks(ed.Meta, s)
		return p
	case RoleContents:
		p.Kind, p.InContents = layout.ContentsPart, false
		return p
	}
	p.Blocks = printBlocks(s.Blocks, 0, true)
	return p
}

func titlePageBlocks(m Meta) []layout.Block {
	// Only the first block carries an id, the section's own: the EPUB
	// places the title page's page-break marker at the section's start.
	bs := []layout.Block{{ID: "titlepage", Style: layout.DisplayLarge, Spans: []layout.Span{{Text: m.Title}}}}
	if m.Subtitle != "" {
		bs = append(bs, layout.Block{Style: layout.Display, Spans: []layout.Span{{Text: m.Subtitle, Style: layout.Italic}}})
	}
	bs = append(bs, layout.Block{Style: layout.Break})
	for _, c := range m.Creators {
		bs = append(bs, layout.Block{Style: layout.Display, Spans: []layout.Span{{Text: c.Name, Style: layout.SmallCaps}}})
	}
	if orig := originalLine(m.Original); orig != "" {
		bs = append(bs, layout.Block{Style: layout.Display, Spans: []layout.Span{{Text: orig}}})
	}
	if m.Publisher != "" {
		bs = append(bs, layout.Block{Style: layout.Display, Spans: []layout.Span{{Text: m.Publisher, Style: layout.SmallCaps}}})
	}
	return bs
}

// originalLine is "The «Naim Frashëri» State Publishing House, Tirana, 1964".
func originalLine(o Original) string {
	var parts []string
	for _, s := range []string{o.Publisher, o.Place, o.Year} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// ImprintLines are the imprint page's statements, shared by both writers.
func ImprintLines(m Meta) []string {
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

func imprintBlocks(m Meta, s Section) []layout.Block {
	var bs []layout.Block
	for i, l := range ImprintLines(m) {
		b := layout.Block{Style: layout.Small, Spans: []layout.Span{{Text: l}}}
		if i == 0 {
			b.ID = s.ID // the page-break marker goes at the section's start
		}
		bs = append(bs, b)
	}
	return append(bs, printBlocks(s.Blocks, 0, false)...)
}

// printBlocks flattens model blocks into layout blocks. first reports
// whether the next paragraph opens its part or follows a heading, so it is
// set without indent and with a small-capitals lead-in.
func printBlocks(bs []Block, level int, first bool) []layout.Block {
	var out []layout.Block
	for _, b := range bs {
		lb := layout.Block{ID: b.ID, Spans: spansOf(b.Inlines, layout.Roman), Level: level}
		switch b.Kind {
		case Paragraph:
			lb.Style = layout.Body
			if level > 0 {
				lb.Style = layout.Quote
			} else if first {
				lb.Style = layout.BodyFirst
			}
			first = false
		case Heading:
			lb.Style = layout.Subheading
			first = true
		case BlockQuote:
			out = append(out, printBlocks(b.Children, level+1, false)...)
			continue
		case List:
			ordered := b.Attr.Get("ordered") == "true"
			for i, item := range b.Children {
				items := printBlocks(item.Children, level+1, false)
				if len(item.Inlines) > 0 {
					items = append([]layout.Block{{ID: item.ID, Style: layout.ListItem, Spans: spansOf(item.Inlines, layout.Roman), Level: level + 1}}, items...)
				}
				for j := range items {
					if j == 0 {
						items[j].Style = layout.ListItem
						items[j].Marker = "•"
						if ordered {
							items[j].Marker = fmt.Sprintf("%d.", i+1)
						}
					}
				}
				out = append(out, items...)
			}
			continue
		case Salutation:
			lb.Style = layout.Salutation
			first = true
		case Signature:
			lb.Style = layout.Signature
		case Dateline:
			lb.Style = layout.Dateline
		case Attribution:
			lb.Style = layout.Attribution
		case ThematicBreak:
			lb.Style = layout.Break
			first = true
		case Centered:
			lb.Style = layout.Display
		case Image:
			lb.Style = layout.Display
			alt := b.Attr.Get("alt")
			if alt == "" {
				alt = "image"
			}
			lb.Spans = []layout.Span{{Text: "[" + alt + "]", Style: layout.Italic}}
		case Note:
			lb.Style = layout.ListItem
			lb.Marker = noteMark(b) + "."
		case ListItem:
			lb.Style = layout.ListItem
		}
		out = append(out, lb)
	}
	return out
}

// noteMark is the number a note is referred to by: "note-12" → "12".
func noteMark(b Block) string {
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
func spansOf(ins []Inline, style layout.FontStyle) []layout.Span {
	var out []layout.Span
	for _, in := range ins {
		switch in.Kind {
		case Text, Code:
			out = append(out, layout.Span{Text: in.Text, Style: style})
		case LineBreak:
			out = append(out, layout.Span{Text: " ", Style: style})
		case Emph:
			s := layout.Italic
			switch style {
			case layout.Italic:
				s = layout.Roman
			case layout.Bold:
				s = layout.BoldItalic
			}
			out = append(out, spansOf(in.Children, s)...)
		case Strong:
			s := layout.Bold
			if style == layout.Italic {
				s = layout.BoldItalic
			}
			out = append(out, spansOf(in.Children, s)...)
		case SmallCaps:
			out = append(out, spansOf(in.Children, layout.SmallCaps)...)
		case NoteRef:
			out = append(out, layout.Span{Text: in.Text, Style: layout.Roman, Super: true, Link: "#" + in.Target})
		case Link:
			for _, sp := range spansOf(in.Children, style) {
				sp.Link = in.Target
				out = append(out, sp)
			}
		}
	}
	return out
}
