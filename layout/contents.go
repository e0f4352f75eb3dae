package layout

import (
	"strings"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/fonts"
)

// This file adds a part's headings to the contents page, under the part,
// indented by level, to the depth the document asks (Chicago 1.42: a
// contents may list subheads), with their page numbers as the parts'.

// entryLabels adds to labels the page label of every heading the contents
// list.
func (b *book) entryLabels(labels map[string]string) {
	for _, p := range b.doc.Parts {
		for _, e := range p.Contents {
			if n, ok := b.blockPage[e.BlockID]; ok {
				labels[e.BlockID] = b.pages[n-1].label
			}
		}
	}
}

// contentsEntries appends the contents lines of a part's headings, as
// deep as the document's ContentsDepth, and returns the flow and the next
// paragraph number.
func (b *book) contentsEntries(flow []flowItem, q *document.Part, labels map[string]string, para int) ([]flowItem, int) {
	size := b.g.Size
	labelCol := b.m.Width(document.Roman, size, "0000")
	for _, e := range q.Contents {
		if e.Level+1 > b.doc.ContentsDepth || strings.TrimSpace(e.Title) == "" {
			continue
		}
		label := "000"
		if labels != nil {
			label = labels[e.BlockID]
		}
		indent := unit.Length(e.Level) * 3 * size / 2
		lines := b.s.Set(linebreak.ParagraphSpec{
			Spans:       []document.Span{{Text: e.Title}},
			Size:        size,
			Measure:     b.g.Measure,
			LeftIndent:  indent,
			RightIndent: labelCol + 2*size,
			Align:       linebreak.Left,
		})
		for k, l := range lines {
			it := flowItem{kind: itemLine, slots: 1, line: l, para: para, lineNo: k, lineCount: len(lines), firstWord: -1}
			if b.links {
				it.links = append(it.links, drawing.LinkArea{X: indent, Y: -b.g.Leading + b.g.Leading/4, W: b.g.Measure - indent, H: b.g.Leading, URL: "#" + e.BlockID})
			}
			if k == len(lines)-1 && label != "" {
				end := indent
				if n := len(l.Pieces); n > 0 {
					last := l.Pieces[n-1]
					end = last.X + b.m.Width(last.Style, last.Size, last.Text)
				}
				lw := b.m.Width(document.Roman, size, label)
				lx := b.g.Measure - lw
				it.extra = append(it.extra, drawing.GlyphRun{X: lx, Face: fonts.Regular, Size: size, Text: label})
				if g, ok := b.leader(size, end, lx); ok {
					it.extra = append(it.extra, g)
				}
			}
			flow = append(flow, it)
		}
		para++
	}
	return flow, para
}

// leader returns the dots that lead from a contents entry's title, ending
// at end, to its page number, beginning at label: from a word space after
// the one to a word space before the other, the room left over spread over
// the gaps between the dots (as letter-spacing, Tc), so that no gap on
// the line is wider than a word space and a little, the same for every
// entry, indented or not; false when there is no room for a dot.
func (b *book) leader(size, end, label unit.Length) (drawing.GlyphRun, bool) {
	space := b.m.Width(document.Roman, size, " ")
	pitch := b.m.Width(document.Roman, size, ". ")
	first, last := end+space, label-space
	n := 0
	if pitch > 0 {
		n = int((last - first + space) / pitch)
	}
	if n <= 0 {
		return drawing.GlyphRun{}, false
	}
	dots := strings.Repeat(". ", n)
	dots = dots[:len(dots)-1]
	g := drawing.GlyphRun{X: first, Face: fonts.Regular, Size: size, Text: dots}
	if n > 1 {
		g.Track = (last - first - b.m.Width(document.Roman, size, dots)) / unit.Length(2*n-2)
	}
	return g, true
}
