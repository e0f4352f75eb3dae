package edition

import (
	"fmt"
	"path/filepath"
	"strings"
)

// loadCollection assembles an anthology: the collection's own title page,
// imprint, contents and introduction, then each member seed in turn (its
// introduction and its text), then each member's apparatus, and one
// colophon. Every identifier of a member is prefixed with its slug, so that
// two members' notes or parts never collide.
func loadCollection(dir string, m *Manifest, opts LoadOptions) (*Seed, error) {
	seed := &Seed{Dir: dir, Manifest: m, Source: &Source{File: filepath.Join(dir, ManifestName)}}
	meta := metaFrom(m, seed.Source, opts)
	ed := &Edition{Meta: meta}

	var body, back []Section
	for _, name := range m.Collection {
		member, err := Load(filepath.Join(filepath.Dir(dir), name), opts)
		if err != nil {
			return nil, fmt.Errorf("%s: collection member %q: %w", filepath.Join(dir, ManifestName), name, err)
		}
		seed.Warnings = append(seed.Warnings, member.Warnings...)
		seed.Applied = append(seed.Applied, member.Applied...)
		med := member.Edition
		title := med.Meta.Title
		prefix := med.Meta.Slug + "-"

		var intro []Section
		for _, s := range med.Front {
			if s.Role == RoleIntroduction {
				s.Title = []Inline{Str("Introduction to "), {Kind: Emph, Children: []Inline{Str(title)}}}
				intro = append(intro, s)
			}
		}
		part := append(intro, med.Body...)
		var apparatus []Section
		for _, s := range med.Back {
			if s.Role == RoleColophon {
				continue
			}
			s.Title = memberTitle(s, title)
			apparatus = append(apparatus, s)
		}
		for _, secs := range [][]Section{part, apparatus} {
			prefixIDs(secs, prefix)
			for i := range secs {
				secs[i].RunningHead = title
			}
		}
		body = append(body, part...)
		back = append(back, apparatus...)
	}

	intro, err := readIntroduction(dir, m)
	if err != nil {
		return nil, err
	}
	TypesetSections([]Section{intro})
	for _, name := range m.Parts {
		switch name {
		case "titlepage", "imprint", "contents", "introduction":
			ed.Front = append(ed.Front, frontSection(name, meta, intro))
		case "text":
			ed.Body = body
		case "note-on-text", "notes", "source":
			// Each member's apparatus follows the texts, in member order.
		case "colophon":
			ed.Back = append(back, colophon(meta))
		}
	}
	if ed.Back == nil {
		ed.Back = back
	}
	AssignIDs(ed)
	seed.Edition = ed
	return seed, nil
}

// memberTitle names a member's apparatus section after the member, so the
// contents tell apart the notes of two texts.
func memberTitle(s Section, member string) []Inline {
	it := Inline{Kind: Emph, Children: []Inline{Str(member)}}
	switch s.Role {
	case RoleNoteOnText:
		return []Inline{Str("A Note on the Text of "), it}
	case RoleEndnotes:
		return []Inline{Str("Notes to "), it}
	}
	return append(append([]Inline(nil), s.Title...), Str(": "), it)
}

// prefixIDs prefixes every section and block identifier in secs, and every
// reference to one (note references, internal links, the apparatus's block
// and emendation attributes), with prefix.
func prefixIDs(secs []Section, prefix string) {
	var inlines func([]Inline)
	inlines = func(ins []Inline) {
		for i := range ins {
			switch {
			case ins[i].Kind == NoteRef:
				ins[i].Target = prefix + ins[i].Target
			case ins[i].Kind == Link && strings.HasPrefix(ins[i].Target, "#"):
				ins[i].Target = "#" + prefix + ins[i].Target[1:]
			}
			inlines(ins[i].Children)
		}
	}
	var blocks func([]Block)
	blocks = func(bs []Block) {
		for i := range bs {
			if bs[i].ID != "" {
				bs[i].ID = prefix + bs[i].ID
			}
			for j, kv := range bs[i].Attr {
				switch kv.Key {
				case "block", "emendation", EmendationsAttr:
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
