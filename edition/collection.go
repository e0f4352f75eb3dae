package edition

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
	"github.com/bindery-editions/bindery/edition/typography"
)

// loadCollection assembles an anthology: the collection's own title page,
// imprint, contents and introduction, then each member seed in turn (its
// half-title, its introduction and its text), then each member's
// apparatus, and one colophon. Every identifier of a member is prefixed
// with its slug, so that two members' notes or parts never collide. The
// anthology's creators are its own (its editors) and then its members'.
func loadCollection(dir string, m *seed.Manifest, opts LoadOptions) (*Book, error) {
	book := &Book{Dir: dir, Manifest: m, Source: &model.Source{File: filepath.Join(dir, seed.ManifestName)}}
	meta := metaFrom(m, book.Source, opts)
	words := apparatus.Words(meta)
	book.Warnings = append(book.Warnings, untranslated(m)...)
	ed := &model.Edition{Meta: meta}

	var body, back []model.Section
	// Metadata given for the build is the collection's, not its members'.
	memberOpts := opts
	memberOpts.Metadata = nil
	for _, name := range m.Collection {
		member, err := Load(m.MemberDir(name), memberOpts)
		if err != nil {
			return nil, fmt.Errorf("%s: collection member %q: %w", filepath.Join(dir, seed.ManifestName), name, err)
		}
		book.Warnings = append(book.Warnings, member.Warnings...)
		book.Applied = append(book.Applied, member.Applied...)
		med := member.Edition
		title := med.Meta.Title
		prefix := med.Meta.Slug + "-"

		meta.Creators = addCreators(meta.Creators, med.Meta.Creators)
		var intro []model.Section
		for _, s := range med.Front {
			if s.Role == model.RoleIntroduction {
				s.Title = []model.Inline{model.Str(words.T(locale.IntroductionTo) + " "), {Kind: model.Emph, Children: []model.Inline{model.Str(title)}}}
				intro = append(intro, s)
			}
		}
		part := append([]model.Section{halfTitle(&med.Meta)}, intro...)
		part = append(part, med.Body...)
		var apparatus []model.Section
		for _, s := range med.Back {
			if s.Role == model.RoleColophon {
				continue
			}
			s.Title = memberTitle(words, s, title)
			apparatus = append(apparatus, s)
		}
		for _, secs := range [][]model.Section{part, apparatus} {
			prefixMember(ed, med, secs, prefix)
			prefixIDs(secs, prefix)
			for i := range secs {
				secs[i].RunningHead = title
				if med.Meta.Language != meta.Language {
					// A member in another language than the anthology's
					// says so, block by block, as a Markdown div would
					// (WCAG 2.1, 3.1.2).
					markLanguage(secs[i].Blocks, med.Meta.Language)
				}
			}
		}
		body = append(body, part...)
		back = append(back, apparatus...)
	}

	ed.Meta.Creators = meta.Creators
	intro, err := readIntroduction(dir, m)
	if err != nil {
		return nil, err
	}
	typography.Sections([]model.Section{intro}, meta.Language)
	for _, name := range m.Parts {
		switch name {
		case "titlepage", "imprint", "contents", "introduction":
			// A collection has no Note on the Text or Source page of its
			// own (its members have theirs): its imprint states its source.
			ed.Front = append(ed.Front, apparatus.FrontSection(name, meta, intro, nil))
		case "text":
			ed.Body = body
		case "note-on-text", "notes", "source":
			// Each member's apparatus follows the texts, in member order.
		case "colophon":
			ed.Back = append(back, apparatus.Colophon(meta))
		}
	}
	if ed.Back == nil {
		ed.Back = back
	}
	AssignIDs(ed)
	book.Edition = ed
	return book, nil
}

// memberTitle names a member's apparatus section after the member, so the
// contents tell apart the notes of two texts.
func memberTitle(words *locale.Locale, s model.Section, member string) []model.Inline {
	it := model.Inline{Kind: model.Emph, Children: []model.Inline{model.Str(member)}}
	switch s.Role {
	case model.RoleNoteOnText:
		return []model.Inline{model.Str(words.T(locale.NoteOnTextOf) + " "), it}
	case model.RoleEndnotes:
		return []model.Inline{model.Str(words.T(locale.NotesTo) + " "), it}
	}
	return append(append([]model.Inline(nil), s.Title...), model.Str(": "), it)
}

// halfTitle is a member's own opening in an anthology: its title, its
// subtitle, its creators and the publication it reproduces, where the
// member's parts begin (Chicago 1.47: each part of a book opens with its
// own title). Its title is its running head, which is how the writers tell
// a member's opening from its other parts (see epub's memberGroups).
func halfTitle(m *model.Meta) model.Section {
	s := model.Section{ID: "halftitle", Role: model.RoleChapter, Title: []model.Inline{model.Str(m.Title)}}
	centered := func(text string) {
		s.Blocks = append(s.Blocks, model.Block{Kind: model.Centered, Inlines: []model.Inline{model.Str(text)}, Editorial: true})
	}
	if m.Subtitle != "" {
		centered(m.Subtitle)
	}
	for _, c := range m.Creators {
		centered(c.Name)
	}
	if o := apparatus.OriginalStatement(m); o != "" {
		s.Blocks = append(s.Blocks, model.Block{Kind: model.Paragraph, Inlines: []model.Inline{model.Str(o)}, Editorial: true})
	}
	return s
}

// markLanguage gives every block without a language of its own the
// language lang.
func markLanguage(bs []model.Block, lang string) {
	for i := range bs {
		if bs[i].Attr.Get("lang") == "" {
			bs[i].Attr = append(model.Attr(nil), bs[i].Attr...).Set("lang", lang)
		}
	}
}

// addCreators adds to an anthology's creators those of a member not named
// already in the same role: the members' authors after the editors.
func addCreators(to, member []model.Creator) []model.Creator {
	role := func(c model.Creator) string {
		if c.Role == "" {
			return "aut"
		}
		return c.Role
	}
	for _, c := range member {
		dup := false
		for _, d := range to {
			dup = dup || d.Name == c.Name && role(d) == role(c)
		}
		if !dup {
			to = append(to, c)
		}
	}
	return to
}

// prefixIDs prefixes every section and block identifier in secs, and every
// reference to one (note references, internal links, the apparatus's block
// and emendation attributes), with prefix.
func prefixIDs(secs []model.Section, prefix string) {
	var inlines func([]model.Inline)
	inlines = func(ins []model.Inline) {
		for i := range ins {
			switch {
			case ins[i].Kind == model.NoteRef:
				ins[i].Target = prefix + ins[i].Target
			case ins[i].Kind == model.Link && strings.HasPrefix(ins[i].Target, "#"):
				ins[i].Target = "#" + prefix + ins[i].Target[1:]
			}
			inlines(ins[i].Children)
		}
	}
	var blocks func([]model.Block)
	blocks = func(bs []model.Block) {
		for i := range bs {
			if bs[i].ID != "" {
				bs[i].ID = prefix + bs[i].ID
			}
			for j, kv := range bs[i].Attr {
				switch kv.Key {
				case "block", "emendation", apparatus.EmendationsAttr:
					ids := strings.Fields(kv.Value)
					for k := range ids {
						ids[k] = prefix + ids[k]
					}
					bs[i].Attr[j].Value = strings.Join(ids, " ")
				}
			}
			inlines(bs[i].Inlines)
			blocks(bs[i].Children)
		}
	}
	for i := range secs {
		secs[i].ID = prefix + secs[i].ID
		inlines(secs[i].Title)
		blocks(secs[i].Blocks)
	}
}
