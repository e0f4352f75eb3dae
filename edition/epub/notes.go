package epub

import (
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
)

// Footnotes (Options.Footnotes): each note referred to is set at the end
// of the section that first refers to it, as an <aside epub:type=
// "footnote" role="doc-footnote">, which Apple Books and Kobo show in a
// pop-up where the reference is tapped, and other reading systems at the
// end of the chapter (EPUB 3 Structural Semantics: footnote; DPUB-ARIA
// doc-footnote). Its number links back to the reference, as an endnote's
// arrow does.

// placeFootnotes moves every note referred to into the file of its first
// reference.
func (r *xhtmlRenderer) placeFootnotes() {
	r.asides, r.moved = map[string][]*model.Block{}, map[string]bool{}
	all := r.ed.Sections()
	for i := range all {
		s := &all[i]
		if s.Role != model.RoleEndnotes {
			continue
		}
		for j := range s.Blocks {
			n := &s.Blocks[j]
			ref, ok := r.firstRef[n.ID]
			// A note referred to only from the contents or from
			// another note stays in the list.
			if n.Kind != model.Note || !ok || ref.file == navFile || ref.file == sectionFile(s) || !n.In("epub") {
				continue
			}
			r.asides[ref.file] = append(r.asides[ref.file], n)
			r.moved[n.ID] = true
			r.file[n.ID] = ref.file
		}
	}
}

// allMoved reports whether a section of notes has nothing left to set.
func (r *xhtmlRenderer) allMoved(s *model.Section) bool {
	if len(r.moved) == 0 {
		return false
	}
	for _, b := range s.Blocks {
		if !r.moved[b.ID] || !b.In("epub") {
			return false
		}
	}
	return true
}

// footnotes writes the footnotes of the file being written.
func (r *xhtmlRenderer) footnotes(b *strings.Builder) error {
	for _, n := range r.asides[r.current] {
		b.WriteString(`<aside` + r.attrs(n, "footnote") + ` epub:type="footnote" role="doc-footnote">` + "\n")
		mark := r.noteMark[n.ID]
		back := ""
		if ref, ok := r.firstRef[n.ID]; ok {
			back = `<a href="` + escapeAttr(r.href(ref.file, ref.id)) + `" epub:type="backlink" role="doc-backlink" aria-label="` + escapeAttr(r.backLabel()) + `">` + escapeText(mark) + ".</a> "
		}
		if len(n.Children) == 0 {
			b.WriteString("<p>" + back)
			if err := r.blockInlines(b, n); err != nil {
				return err
			}
			b.WriteString("</p>\n")
		} else {
			if len(n.Inlines) > 0 {
				b.WriteString("<p>" + back)
				back = ""
				if err := r.blockInlines(b, n); err != nil {
					return err
				}
				b.WriteString("</p>\n")
			}
			var inner strings.Builder
			if err := r.blocks(&inner, n.Children); err != nil {
				return err
			}
			s := inner.String()
			// The number opens the note's first paragraph.
			if k := strings.Index(s, "<p"); k >= 0 && back != "" {
				if e := strings.IndexByte(s[k:], '>'); e >= 0 {
					s = s[:k+e+1] + back + s[k+e+1:]
					back = ""
				}
			}
			if back != "" {
				s = "<p>" + back + "</p>\n" + s
			}
			b.WriteString(s)
		}
		b.WriteString("</aside>\n")
	}
	return nil
}
