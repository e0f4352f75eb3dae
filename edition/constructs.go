package edition

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/cite"
	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/media"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
	"github.com/bindery-editions/bindery/edition/typography"
)

// This file joins the constructs of a document to the edition: the images
// of its figures and its cover, the numbers of its figures and tables, its
// citations and reference list, and the check of its internal links.

// strictCheck is the error of a strict build that has warnings.
func strictCheck(opts LoadOptions, warns []model.Warning) error {
	if !opts.Strict || len(warns) == 0 {
		return nil
	}
	msgs := make([]string, len(warns))
	for i, w := range warns {
		msgs[i] = w.String()
	}
	return fmt.Errorf("%s (--strict turns warnings into errors)", strings.Join(msgs, "\n"))
}

// readImages reads the images of the source's figures and the manifest's
// cover.
func readImages(dir string, m *seed.Manifest, src *model.Source) (map[string]*model.Resource, []model.Warning) {
	res, warns := media.Figures(src.File, dir, src.Sections, src.Notes)
	if m.Cover != "" {
		r, err := media.Read(dir, m.Cover)
		switch {
		case err != nil:
			p := m.ProblemAt("cover", err.Error()+"; the generated cover stands in", "")
			warns = append(warns, model.Warning{File: p.File, Line: p.Line, Col: p.Col, Message: p.Message})
		case r.MediaType != "image/png" && r.MediaType != "image/jpeg":
			p := m.ProblemAt("cover", fmt.Sprintf("cover %q is not a PNG or JPEG image; the generated cover stands in", m.Cover), "")
			warns = append(warns, model.Warning{File: p.File, Line: p.Line, Col: p.Col, Message: p.Message})
		default:
			res[m.Cover] = r
		}
	}
	return res, warns
}

// introImages reads the images of the introduction's figures into res.
func introImages(dir string, m *seed.Manifest, intro model.Section, res map[string]*model.Resource) []model.Warning {
	if m.Introduction == "" {
		return nil
	}
	more, warns := media.Figures(filepath.Join(dir, m.Introduction), dir, []model.Section{intro}, nil)
	for k, v := range more {
		res[k] = v
	}
	return warns
}

// finishConstructs sets what the manifest asks of the constructs: the
// cover, the contents' depth, where print sets addresses, the numbers of
// figures and tables; and resolves the citations against the
// bibliography, adding the reference list after the notes.
func finishConstructs(dir string, m *seed.Manifest, src *model.Source, ed *model.Edition) []model.Warning {
	if _, ok := ed.Resources[m.Cover]; ok && m.Cover != "" {
		ed.Meta.Cover = m.Cover
	}
	ed.Meta.ContentsDepth = m.Edition.ContentsDepth
	ed.Meta.PrintURLs = m.Edition.PrintURLs
	if m.Edition.NumberFigures {
		numberFigures(ed.Body)
	}
	return citations(dir, m, src, ed)
}

// numberFigures numbers the figures and, apart, the tables of the body in
// reading order (Chicago 3.9, 3.54).
func numberFigures(secs []model.Section) {
	figures, tables := 0, 0
	var walk func([]model.Block)
	walk = func(bs []model.Block) {
		for i := range bs {
			switch bs[i].Kind {
			case model.Image:
				figures++
				bs[i].Attr = bs[i].Attr.Set("number", strconv.Itoa(figures))
			case model.Table:
				tables++
				bs[i].Attr = bs[i].Attr.Set("number", strconv.Itoa(tables))
			}
			walk(bs[i].Children)
		}
	}
	for i := range secs {
		walk(secs[i].Blocks)
	}
}

// hasCitations reports whether a section cites anything.
func hasCitations(secs []model.Section) bool {
	found := false
	var inlines func([]model.Inline)
	inlines = func(ins []model.Inline) {
		for _, in := range ins {
			found = found || in.Kind == model.Cite
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
	for _, s := range secs {
		blocks(s.Blocks)
	}
	return found
}

// citations resolves the edition's citations against the bibliography
// the manifest (or the source's front matter) names, and adds the works
// cited to the book's one list of them: the Works Cited of the notes'
// sources when there is one, else a list of its own after the notes, in
// either case titled in the book's language (locale's works-cited) and
// sorted by surname (Chicago 15.16), every entry keeping the ID its
// citations link to.
func citations(dir string, m *seed.Manifest, src *model.Source, ed *model.Edition) []model.Warning {
	all := ed.Sections()
	if !hasCitations(all) {
		return nil
	}
	var warns []model.Warning
	var bib *cite.Bibliography
	name, where := m.Bibliography, m.File()
	if name == "" && src.Front.Bibliography != "" {
		name, where = filepath.ToSlash(filepath.Join(filepath.Dir(mustRel(dir, src.File)), src.Front.Bibliography)), src.File
	}
	if name != "" {
		path, err := seed.ResolveInSeed(dir, name)
		var data []byte
		if err == nil {
			data, err = os.ReadFile(path)
		}
		var entries []cite.Entry
		if err == nil {
			entries, err = cite.Load(path, data)
		}
		if err != nil {
			warns = append(warns, model.Warning{File: where, Message: fmt.Sprintf("bibliography %q cannot be read: %v; citations are printed as written", name, err)})
		} else {
			bib = cite.New(path, entries)
		}
	}
	// Citations in the text, its notes and the introduction.
	var cited []string
	seen := map[string]bool{}
	for _, group := range []struct {
		secs []model.Section
		file string
	}{{ed.Front, filepath.Join(dir, m.Introduction)}, {ed.Body, src.File}, {ed.Back, src.File}} {
		keys, w := cite.Resolve(group.secs, group.file, bib)
		warns = append(warns, w...)
		for _, k := range keys {
			if !seen[k] {
				seen[k] = true
				cited = append(cited, k)
			}
		}
	}
	if bib == nil || len(cited) == 0 {
		return warns
	}
	loc, _ := locale.For(ed.Meta.Language) // English when the language has no table
	title := []model.Inline{model.Str(loc.T(locale.WorksCited))}
	refs := model.Section{ID: "references", Role: model.RoleBibliography, Title: title, Editorial: true, Blocks: bib.References(cited)}
	typography.Sections([]model.Section{refs}, ed.Meta.Language)
	if i := slices.IndexFunc(ed.Back, func(s model.Section) bool { return s.ID == apparatus.WorksCitedID }); i >= 0 {
		// One list of the works the book cites, however it cites them.
		works := &ed.Back[i]
		works.Title, works.Role = title, model.RoleBibliography
		works.Blocks = append(works.Blocks, refs.Blocks...)
		slices.SortStableFunc(works.Blocks, func(a, b model.Block) int {
			return strings.Compare(apparatus.SortKey(model.PlainText(a.Inlines)), apparatus.SortKey(model.PlainText(b.Inlines)))
		})
		return warns
	}
	at := len(ed.Back)
	for i, s := range ed.Back {
		if s.Role == model.RoleEndnotes {
			at = i + 1
			break
		}
		if s.Role == model.RoleAppendix || s.Role == model.RoleColophon {
			at = i
			break
		}
	}
	ed.Back = append(ed.Back[:at], append([]model.Section{refs}, ed.Back[at:]...)...)
	return warns
}

// mustRel returns path relative to dir, or path when it is not inside.
func mustRel(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil {
		return r
	}
	return path
}

// checkLinks warns about every link to an anchor the edition does not
// have, which would lead nowhere in either edition (epubcheck RSC-012),
// and keeps its text without the link.
func checkLinks(ed *model.Edition, file string) []model.Warning {
	ids := map[string]bool{}
	var collect func([]model.Inline)
	collect = func(ins []model.Inline) {
		for _, in := range ins {
			if id := in.Attr.Get("id"); id != "" {
				ids[id] = true
			}
			collect(in.Children)
		}
	}
	var blocks func([]model.Block)
	blocks = func(bs []model.Block) {
		for _, b := range bs {
			if b.ID != "" {
				ids[b.ID] = true
			}
			collect(b.Inlines)
			blocks(b.Children)
		}
	}
	for _, s := range ed.Sections() {
		ids[s.ID] = true
		blocks(s.Blocks)
	}
	var warns []model.Warning
	var fix func([]model.Inline, int)
	fix = func(ins []model.Inline, line int) {
		for i := range ins {
			in := &ins[i]
			if in.Kind == model.Link && strings.HasPrefix(in.Target, "#") && !ids[in.Target[1:]] {
				warns = append(warns, model.Warning{File: file, Line: line, Message: fmt.Sprintf("link to %q leads nowhere: no heading, figure or anchor has that identifier; its text is kept without the link", in.Target)})
				in.Kind, in.Target = model.Span, ""
			}
			fix(in.Children, line)
		}
	}
	var fixBlocks func([]model.Block)
	fixBlocks = func(bs []model.Block) {
		for i := range bs {
			fix(bs[i].Inlines, bs[i].Line)
			fixBlocks(bs[i].Children)
		}
	}
	for _, secs := range [][]model.Section{ed.Front, ed.Body, ed.Back} {
		for i := range secs {
			fixBlocks(secs[i].Blocks)
		}
	}
	return warns
}

// prefixMember prepares a collection member's constructs for the
// collection's edition, as prefixIDs does its identifiers: its images are
// named with prefix (two members may each have a "map.png"), and its
// inline anchors and the citations that link to its reference list
// carry prefix too.
func prefixMember(into *model.Edition, member *model.Edition, secs []model.Section, prefix string) {
	if into.Resources == nil {
		into.Resources = map[string]*model.Resource{}
	}
	for name, r := range member.Resources {
		c := *r
		c.Name = prefix + name
		into.Resources[c.Name] = &c
	}
	var inlines func([]model.Inline)
	inlines = func(ins []model.Inline) {
		for i := range ins {
			if id := ins[i].Attr.Get("id"); id != "" {
				ins[i].Attr = append(model.Attr(nil), ins[i].Attr...).Set("id", prefix+id)
			}
			if ins[i].Kind == model.Cite && strings.HasPrefix(ins[i].Target, "#") {
				ins[i].Target = "#" + prefix + ins[i].Target[1:]
			}
			inlines(ins[i].Children)
		}
	}
	var blocks func([]model.Block)
	blocks = func(bs []model.Block) {
		for i := range bs {
			if bs[i].Kind == model.Image {
				if src := bs[i].Attr.Get("src"); member.Resources[src] != nil {
					bs[i].Attr = append(model.Attr(nil), bs[i].Attr...).Set("src", prefix+src)
				}
			}
			inlines(bs[i].Inlines)
			blocks(bs[i].Children)
		}
	}
	for i := range secs {
		blocks(secs[i].Blocks)
	}
}
