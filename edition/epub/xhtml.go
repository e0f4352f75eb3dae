package epub

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/account"
	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/epub/access"
	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/typography"
	"github.com/bindery-editions/bindery/layout/texmath"

	"github.com/bindery-editions/bindery/layout/document"
)

// This file turns the model into the XHTML bodies of the EPUB's content
// documents. It knows nothing of go-epub: epub.go hands the bodies to the
// assembler and epubfinish.go corrects what the assembler writes around them.
//
// Semantics follow the EPUB 3 Structural Semantics Vocabulary and DPUB-ARIA
// 1.1, as Standard Ebooks uses them: every section is a <section> with an
// epub:type and, where DPUB-ARIA has one, the matching role; note references
// are epub:type="noteref" links; the print edition's page breaks are empty
// epub:type="pagebreak" spans (EPUB Accessibility 1.1, §"Page navigation").

// xhtmlDir is the folder inside EPUB/ where go-epub stores section documents;
// the nav document sits one level up, in EPUB/ itself.
const xhtmlDir = "xhtml/"

// navFile is go-epub's name for the navigation document. The edition's
// contents page is that document (see epubfinish.go), so a contents section
// has no file of its own.
const navFile = "nav.xhtml"

// xhtmlRenderer renders sections of one edition. It carries what links need
// across documents: which file holds each anchor, and where each note is
// first referenced.
type xhtmlRenderer struct {
	ed *model.Edition

	// file maps every section, block and note ID to the file (relative to
	// EPUB/) that holds it.
	file map[string]string
	// firstRef maps a note ID to the id and file of its first reference, the
	// target of the note's backlink.
	firstRef map[string]noteRefPlace
	// refCount counts references to each note as they are rendered, so the
	// second reference gets its own id.
	refCount map[string]int
	// noteMark is the mark of a note's first reference ("1"), for the
	// numbered list of notes.
	noteMark map[string]string

	// pages are the print edition's page starts still to be placed, by block
	// or section ID, in word order.
	pages  map[string][]document.PageStart
	placed []placedPage
	// words counts the words written, by block ID and, for the titles of
	// the body's parts, account.TitleKey.
	words account.Count
	// current is the file being rendered.
	current string
	// headingLevel is the level of the last heading written in the
	// current section.
	headingLevel int
	// hasMath holds the files that carry MathML, which the package
	// document declares (EPUB 3.3, §5.6.6: the mathml property).
	hasMath map[string]bool
	// images are the figures' image files, by resource name, with the
	// names they have in the publication.
	images map[string]string

	// blanks are the labels of the print edition's blank pages, by the
	// page whose marker follows them: a blank page's marker stands just
	// before the next page's. trailing are the blank pages after the last
	// page that sets anything.
	blanks   map[int][]string
	trailing []string
	// biblio holds the ids of the entries of the bibliography, whose
	// links are bibliographic references (DPUB-ARIA doc-biblioref).
	biblio map[string]bool
	// labels are the edition's own words in its language.
	labels *locale.Locale
	// lang is the language of the text being written: the book's, or an
	// element's that declares another.
	lang string
	// access gathers what the accessibility claims rest on (package access).
	access access.Checks
	// conventions are the typography of each language met, by tag, made
	// on first use: they find the abbreviations to mark (abbreviated).
	conventions map[string]*typography.Conventions
	// partition is each section's partition: "frontmatter", "bodymatter"
	// or "backmatter". members are the anthology's members, by the
	// section that opens each, with the sections that follow it
	// (memberGroups); opensMember and inMember say which sections open
	// one and which belong to one.
	partition   map[string]string
	members     map[string][]string
	opensMember map[string]bool
	inMember    map[string]bool
	// asides are the notes set as footnotes, by the file that first
	// refers to each (notes.go); moved holds their ids.
	asides map[string][]*model.Block
	moved  map[string]bool
}

type noteRefPlace struct{ id, file string }

// placedPage is a page-break marker as written, for the page-list nav.
type placedPage struct {
	Label string
	Href  string // relative to EPUB/
}

// sectionFile returns the file, relative to EPUB/, that holds section s.
func sectionFile(s *model.Section) string {
	if s.Role == model.RoleContents {
		return navFile
	}
	return xhtmlDir + s.ID + ".xhtml"
}

// newXHTMLRenderer indexes the edition's anchors and page starts. It fails
// on duplicate IDs, which would make links ambiguous.
func newXHTMLRenderer(ed *model.Edition, pages []document.PageStart) (*xhtmlRenderer, error) {
	r := &xhtmlRenderer{
		ed:       ed,
		file:     map[string]string{},
		firstRef: map[string]noteRefPlace{},
		refCount: map[string]int{},
		noteMark: map[string]string{},
		pages:    map[string][]document.PageStart{},
		words:    account.Count{},
		hasMath:  map[string]bool{},
		images:   map[string]string{},
		blanks:   map[int][]string{},
		biblio:   map[string]bool{},
		labels:   labelsFor(ed.Meta.Language),
		lang:     ed.Meta.Language,
	}
	r.access.Init(ed.Meta.Language, xhtmlDir)
	r.partition = map[string]string{}
	for _, p := range []struct {
		name string
		secs []model.Section
	}{{"frontmatter", ed.Front}, {"bodymatter", ed.Body}, {"backmatter", ed.Back}} {
		for _, s := range p.secs {
			r.partition[s.ID] = p.name
		}
	}
	r.members = memberGroups(ed.Body)
	r.opensMember, r.inMember = map[string]bool{}, map[string]bool{}
	for open, rest := range r.members {
		r.opensMember[open] = true
		for _, id := range rest {
			r.inMember[id] = true
		}
	}
	var index func(f string, bs []model.Block) error
	index = func(f string, bs []model.Block) error {
		for i := range bs {
			b := &bs[i]
			if b.ID != "" {
				if prev, dup := r.file[b.ID]; dup {
					return fmt.Errorf("duplicate id %q (in %s and %s)", b.ID, prev, f)
				}
				r.file[b.ID] = f
			}
			if err := indexInlineAnchors(r.file, f, b.Inlines); err != nil {
				return err
			}
			if err := index(f, b.Children); err != nil {
				return err
			}
		}
		return nil
	}
	all := ed.Sections()
	for i := range all {
		s := &all[i]
		if !fileNameID(s.ID) {
			return nil, fmt.Errorf("section %d (%s): id %q cannot name a file: use letters, digits, '-', '_' and '.'", i+1, s.Role, s.ID)
		}
		f := sectionFile(s)
		if prev, dup := r.file[s.ID]; dup {
			return nil, fmt.Errorf("duplicate id %q (in %s and %s)", s.ID, prev, f)
		}
		r.file[s.ID] = f
		if err := index(f, s.Blocks); err != nil {
			return nil, err
		}
		for _, b := range s.Blocks {
			// The entries of a bibliography, or of a list of works cited
			// among the apparatus (class "bibliography").
			if b.ID != "" && (s.Role == model.RoleBibliography || slices.Contains(strings.Fields(b.Attr.Get("class")), "bibliography")) {
				r.biblio[b.ID] = true
			}
		}
	}
	// Note references, in reading order: the first one is the backlink's
	// target. Titles are skipped because the nav repeats them without refs.
	count := map[string]int{}
	var refs func(f string, ins []model.Inline)
	refs = func(f string, ins []model.Inline) {
		for _, in := range ins {
			if in.Kind == model.NoteRef {
				count[in.Target]++
				if count[in.Target] == 1 {
					r.firstRef[in.Target] = noteRefPlace{noteRefID(in.Target, 1), f}
					r.noteMark[in.Target] = in.Text
				}
			}
			refs(f, in.Children)
		}
	}
	var walk func(f string, bs []model.Block)
	walk = func(f string, bs []model.Block) {
		for i := range bs {
			refs(f, bs[i].Inlines)
			walk(f, bs[i].Children)
		}
	}
	for i := range all {
		walk(sectionFile(&all[i]), all[i].Blocks)
	}
	var blank []string
	for _, p := range pages {
		if p.BlockID == "" {
			blank = append(blank, p.Label)
			continue
		}
		if len(blank) > 0 {
			r.blanks[p.Page] = blank
			blank = nil
		}
		r.pages[p.BlockID] = append(r.pages[p.BlockID], p)
	}
	r.trailing = blank
	for id := range r.pages {
		ps := r.pages[id]
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].Word < ps[j].Word })
	}
	return r, nil
}

// unplacedPages reports page starts whose block was never rendered, sorted
// by page, so the error names them in order.
func (r *xhtmlRenderer) unplacedPages() []document.PageStart {
	var left []document.PageStart
	for _, ps := range r.pages {
		left = append(left, ps...)
	}
	sort.Slice(left, func(i, j int) bool { return left[i].Page < left[j].Page })
	return left
}

// noteRefID is the id of the n-th reference to a note: for note "note-3"
// (NoteID) the first is "noteref-3", as NoteRefID gives it; later ones add
// "-2", "-3".
func noteRefID(note string, n int) string {
	id := "noteref-" + strings.TrimPrefix(note, "note-")
	if n == 1 {
		return id
	}
	return id + "-" + strconv.Itoa(n)
}

// href returns a link from the current file to anchor frag in file target
// (both relative to EPUB/).
func (r *xhtmlRenderer) href(target, frag string) string {
	return relHref(r.current, target, frag)
}

// relHref returns the link from document from to frag in document target,
// both given relative to EPUB/. Only two folders exist: EPUB/ (the nav) and
// EPUB/xhtml/ (everything else).
func relHref(from, target, frag string) string {
	h := target
	fromSub := strings.HasPrefix(from, xhtmlDir)
	switch {
	case fromSub && strings.HasPrefix(target, xhtmlDir):
		h = strings.TrimPrefix(target, xhtmlDir)
	case fromSub:
		h = "../" + target
	}
	if target == from {
		h = ""
	}
	if frag != "" {
		h += "#" + frag
	}
	return h
}

// sectionEpubType returns the epub:type and DPUB-ARIA role of a section:
// the partition it stands in (front, body or back matter, by where the
// edition puts it: a member's introduction in an anthology is in the body)
// and what it is. DPUB-ARIA has no role for a title page or an imprint.
func (r *xhtmlRenderer) sectionEpubType(s *model.Section) (epubType, role string) {
	partition := r.partition[s.ID]
	switch s.Role {
	case model.RoleChapter:
		if r.opensMember[s.ID] {
			// A member's half-title opens a part of the anthology
			// (Standard Ebooks sets a part's title on a page of its own).
			return partition + " part", "doc-part"
		}
		return partition + " chapter", "doc-chapter"
	case model.RoleTitlePage:
		return partition + " titlepage", ""
	case model.RoleImprint:
		return partition + " imprint", ""
	case model.RoleContents:
		return partition + " toc", "doc-toc"
	case model.RoleIntroduction:
		return partition + " introduction", "doc-introduction"
	case model.RoleNoteOnText:
		return partition + " appendix", "doc-appendix"
	case model.RoleEndnotes:
		return partition + " endnotes", "doc-endnotes"
	case model.RoleAppendix:
		return partition + " appendix", "doc-appendix"
	case model.RoleColophon:
		return partition + " colophon", "doc-colophon"
	case model.RoleBibliography:
		return partition + " bibliography", "doc-bibliography"
	}
	return partition, ""
}

// memberGroups finds the members of an anthology among the body's
// sections: a run of sections under one running head (the member's
// title, edition.loadCollection) that opens with a section of that title,
// the member's half-title. It returns, for each opening section, the ids
// of the sections that follow it in its member.
func memberGroups(body []model.Section) map[string][]string {
	groups := map[string][]string{}
	for i := 0; i < len(body); {
		head := body[i].RunningHead
		j := i + 1
		for j < len(body) && head != "" && body[j].RunningHead == head {
			j++
		}
		if head != "" && strings.TrimSpace(body[i].PlainTitle()) == head {
			var rest []string
			for _, s := range body[i+1 : j] {
				rest = append(rest, s.ID)
			}
			groups[body[i].ID] = rest
		}
		i = j
	}
	return groups
}

// defaultTitle names a section that has no title of its own, for the
// contents, the NCX and the document's <title>, in the edition's words.
func defaultTitle(l *locale.Locale, r model.Role) string {
	switch r {
	case model.RoleTitlePage:
		return l.T(locale.TitlePage)
	case model.RoleImprint:
		return l.T(locale.Imprint)
	case model.RoleContents:
		return l.T(locale.Contents)
	case model.RoleIntroduction:
		return l.T(locale.Introduction)
	case model.RoleNoteOnText:
		return l.T(locale.NoteOnText)
	case model.RoleEndnotes:
		return l.T(locale.Notes)
	case model.RoleAppendix:
		return l.T(locale.Appendix)
	case model.RoleColophon:
		return l.T(locale.Colophon)
	case model.RoleBibliography:
		return l.T(locale.WorksCited)
	}
	return l.T(locale.Untitled)
}

// labelsFor returns the edition's own words in a language: its table, or
// English when the language has none.
func labelsFor(lang string) *locale.Locale {
	l, _ := locale.For(lang) // without a table, the English one
	return l
}

// bracketed reports whether a section's title is set in brackets: a heading
// the editor supplied for a part of the source document, which had none.
// Editorial front and back matter is the editor's own text, so its title is
// not bracketed; its setting marks it instead (epub.css).
func bracketed(s *model.Section) bool { return s.Editorial && s.Role == model.RoleChapter }

// sectionTitleText returns the section's title as plain text, as the
// contents, the NCX and <title> show it.
func (r *xhtmlRenderer) sectionTitleText(s *model.Section) string {
	t := strings.TrimSpace(s.PlainTitle())
	if t == "" && s.Role == model.RoleChapter {
		return openingWords(r.labels, s)
	}
	if t == "" {
		return defaultTitle(r.labels, s.Role)
	}
	if bracketed(s) {
		return "[" + t + "]"
	}
	return t
}

// titleXHTML renders a section's title for a heading or a contents entry,
// without note references.
func (r *xhtmlRenderer) titleXHTML(s *model.Section) string {
	return r.titleWith(s, stripNoteRefs)
}

// navTitleXHTML is a section's title as the contents give it: without
// its note references and anchors (contentsInlines).
func (r *xhtmlRenderer) navTitleXHTML(s *model.Section) string {
	return r.titleWith(s, contentsInlines)
}

// titleWith writes a section's title, its inlines passed through keep.
func (r *xhtmlRenderer) titleWith(s *model.Section, keep func([]model.Inline) []model.Inline) string {
	var b strings.Builder
	if strings.TrimSpace(s.PlainTitle()) == "" {
		b.WriteString(escapeText(r.sectionTitleText(s)))
		return b.String()
	}
	if bracketed(s) {
		b.WriteString("[")
	}
	r.inlines(&b, keep(s.Title), nil)
	if bracketed(s) {
		b.WriteString("]")
	}
	return b.String()
}

// headingless reports whether a section is a part of the body without a
// heading, such as the opening of an essay before its first heading: it
// gets no heading, and its opening words name it in the contents.
func headingless(s *model.Section) bool {
	return s.Role == model.RoleChapter && strings.TrimSpace(s.PlainTitle()) == ""
}

// openingWords names an untitled section by its first words
// (model.Section.OpeningWords), or by its role's name when it has none.
func openingWords(l *locale.Locale, s *model.Section) string {
	if w := s.OpeningWords(6); w != "" {
		return w
	}
	return defaultTitle(l, s.Role)
}

// contentsInlines returns a heading's inlines as an entry of the contents
// gives them, inside the entry's link: without note references; without
// the anchors a heading carries for links into it (ids, and the empty
// spans that hold them, as pandoc writes []{#001}), which stay in the
// heading itself, since in the nav document an id would be a second
// target and an empty span is refused (EPUB 3.3, the nav element: every
// span must hold text); and with its own links and citations set as their
// text, since a link may not stand inside another (HTML, the a element).
func contentsInlines(ins []model.Inline) []model.Inline {
	out := make([]model.Inline, 0, len(ins))
	for _, in := range stripNoteRefs(ins) {
		in.Children = contentsInlines(in.Children)
		if in.Attr.Get("id") != "" {
			in.Attr = append(model.Attr(nil), in.Attr...).Set("id", "")
		}
		switch {
		case in.Kind == model.Span && strings.TrimSpace(model.PlainText(in.Children)) == "":
			continue
		case in.Kind == model.Link && len(in.Children) > 0:
			out = append(out, in.Children...)
			continue
		case in.Kind == model.Link:
			out = append(out, model.Str(in.Text))
			continue
		case in.Kind == model.Cite:
			in.Target = ""
		}
		out = append(out, in)
	}
	return out
}

func stripNoteRefs(ins []model.Inline) []model.Inline {
	out := make([]model.Inline, 0, len(ins))
	for _, in := range ins {
		if in.Kind == model.NoteRef {
			continue
		}
		in.Children = stripNoteRefs(in.Children)
		out = append(out, in)
	}
	return out
}

// section renders one section's body content: a <section> element.
func (r *xhtmlRenderer) section(s *model.Section) (string, error) {
	r.current = sectionFile(s)
	var b strings.Builder
	typ, role := r.sectionEpubType(s)
	class := ""
	if s.Editorial {
		class = "editorial"
	}
	b.WriteString(`<section id="` + escapeAttr(s.ID) + `" epub:type="` + typ + `"`)
	if role != "" {
		b.WriteString(` role="` + role + `"`)
	}
	if class != "" {
		b.WriteString(` class="` + class + `"`)
	}
	if l := sectionLanguage(s); l != "" && l != r.lang {
		// A section all in another language (a member of an anthology):
		// its title too.
		b.WriteString(langAttrs(l))
		outer := r.lang
		r.lang = l
		defer func() { r.lang = outer }()
	}
	switch {
	case s.Role == model.RoleTitlePage || s.Role == model.RoleImprint || headingless(s):
		// No visible heading: the section is named for assistive technology.
		b.WriteString(` aria-label="` + escapeAttr(r.sectionTitleText(s)) + `"`)
	default:
		b.WriteString(` aria-labelledby="` + escapeAttr(s.ID) + `-title"`)
	}
	b.WriteString(">\n")
	r.sectionPageBreaks(&b, s.ID)

	switch {
	case s.Role == model.RoleTitlePage:
		r.titlePage(&b)
	case s.Role == model.RoleImprint:
		r.imprint(&b)
	case headingless(s):
		r.headingLevel = 1
	default:
		r.headingLevel = 2
		hclass := ""
		if bracketed(s) {
			hclass = ` class="editorial"`
		}
		title := r.titleXHTML(s)
		fmt.Fprintf(&b, "<h2 id=\"%s-title\" epub:type=\"title\"%s>%s</h2>\n", escapeAttr(s.ID), hclass, title)
		r.access.Heading(r.current, 2)
		if account.Titled(s) {
			r.words.Add(account.TitleKey(s.ID), xmlText(title))
		}
	}
	if err := r.blocks(&b, s.Blocks); err != nil {
		return "", fmt.Errorf("section %s: %w", s.ID, err)
	}
	if err := r.footnotes(&b); err != nil {
		return "", fmt.Errorf("section %s: %w", s.ID, err)
	}
	b.WriteString("</section>")
	return b.String(), nil
}

// sectionLanguage is the language every block of a section declares, ""
// when they do not all declare one.
func sectionLanguage(s *model.Section) string {
	lang := ""
	for i := range s.Blocks {
		l := s.Blocks[i].Attr.Get("lang")
		if l == "" || lang != "" && l != lang {
			return ""
		}
		lang = l
	}
	return lang
}

// sectionPageBreaks writes the markers of pages that open with the section
// itself (reported against its ID rather than a block's).
func (r *xhtmlRenderer) sectionPageBreaks(b *strings.Builder, id string) {
	for _, p := range r.pages[id] {
		r.pageBreak(b, p)
	}
	delete(r.pages, id)
}

// pageBreak writes the marker of page p, after those of the blank pages
// before it.
func (r *xhtmlRenderer) pageBreak(b *strings.Builder, p document.PageStart) {
	for _, l := range r.blanks[p.Page] {
		r.marker(b, l)
	}
	delete(r.blanks, p.Page)
	r.marker(b, p.Label)
}

// marker writes one page-break marker: an empty element whose label is the
// folio (EPUB 3.3 §D.4.1, DPUB-ARIA doc-pagebreak).
func (r *xhtmlRenderer) marker(b *strings.Builder, label string) {
	id := pageID(label)
	fmt.Fprintf(b, `<span epub:type="pagebreak" role="doc-pagebreak" id="%s" aria-label="%s"/>`, id, escapeAttr(label))
	r.placed = append(r.placed, placedPage{Label: label, Href: r.current + "#" + id})
}

// pageID turns a folio into an XML id: "page-17", "page-iv".
func pageID(label string) string {
	var b strings.Builder
	b.WriteString("page-")
	for _, c := range label {
		if c < utf8.RuneSelf && (c == '-' || c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			b.WriteRune(c)
		} else {
			fmt.Fprintf(&b, "_%x", c)
		}
	}
	return b.String()
}

// titlePage renders the title page from the metadata.
func (r *xhtmlRenderer) titlePage(b *strings.Builder) {
	m := &r.ed.Meta
	fmt.Fprintf(b, "<h1 id=\"titlepage-title\" epub:type=\"title\">%s</h1>\n", escapeText(m.Title))
	r.access.Heading(r.current, 1)
	if m.Subtitle != "" {
		fmt.Fprintf(b, "<p class=\"subtitle\" epub:type=\"subtitle\" role=\"doc-subtitle\">%s</p>\n", escapeText(m.Subtitle))
	}
	for _, c := range m.Creators {
		// An editor or a translator is named as such.
		name := c.Name
		switch c.Role {
		case "edt":
			name = r.labels.Fill(locale.EditedBy, "names", c.Name)
		case "trl":
			name = r.labels.Fill(locale.TranslatedBy, "names", c.Name)
		}
		fmt.Fprintf(b, "<p class=\"creator\">%s</p>\n", escapeText(name))
	}
	var orig []string
	for _, s := range []string{m.Original.Publisher, m.Original.Place, m.Original.Year} {
		if s != "" {
			orig = append(orig, escapeText(s))
		}
	}
	if len(orig) > 0 {
		fmt.Fprintf(b, "<p class=\"original\">%s</p>\n", strings.Join(orig, "<br/>"))
	}
	if m.Publisher != "" {
		fmt.Fprintf(b, "<p class=\"publisher\">%s</p>\n", escapeText(m.Publisher))
	}
}

// imprint renders the copyright and edition page from the metadata, with
// the statements the print edition sets (ImprintLines), so both say the
// same; the section's own blocks follow.
func (r *xhtmlRenderer) imprint(b *strings.Builder) {
	for _, l := range apparatus.ImprintLines(r.ed.Meta) {
		b.WriteString("<p>")
		r.publicationNames(b, l)
		b.WriteString("</p>\n")
	}
}

// blocks renders a sequence of blocks, grouping consecutive notes into one
// ordered list.
func (r *xhtmlRenderer) blocks(b *strings.Builder, bs []model.Block) error {
	for i := 0; i < len(bs); i++ {
		if !bs[i].In("epub") {
			// A statement true of another edition only (model.OnlyInAttr).
			continue
		}
		if bs[i].Kind == model.Note {
			j := i
			var ns []model.Block
			for j < len(bs) && bs[j].Kind == model.Note && bs[j].In("epub") {
				if !r.moved[bs[j].ID] {
					ns = append(ns, bs[j])
				}
				j++
			}
			if len(ns) > 0 {
				if err := r.notes(b, ns); err != nil {
					return err
				}
			}
			i = j - 1
			continue
		}
		if err := r.block(b, &bs[i]); err != nil {
			return err
		}
	}
	return nil
}

// attrs writes the id and class attributes of a block.
func (r *xhtmlRenderer) attrs(bl *model.Block, class string) string {
	var s string
	if bl.ID != "" {
		s += ` id="` + escapeAttr(bl.ID) + `"`
	}
	if c := cssClass(bl.Attr.Get("class")); c != "" {
		class = strings.TrimSpace(class + " " + c)
	}
	if bl.Editorial {
		class = strings.TrimSpace(class + " editorial")
	}
	if class != "" {
		s += ` class="` + class + `"`
	}
	return s + langAttrs(bl.Attr.Get("lang"))
}

func (r *xhtmlRenderer) block(b *strings.Builder, bl *model.Block) error {
	if l := bl.Attr.Get("lang"); l != "" && l != r.lang {
		outer := r.lang
		r.lang = l
		defer func() { r.lang = outer }()
	}
	// para writes a paragraph-like block; semantics are its epub:type
	// attribute (Standard Ebooks' z3998 terms).
	para := func(tag, class, semantics string) error {
		b.WriteString("<" + tag + r.attrs(bl, class))
		if semantics != "" {
			b.WriteString(` epub:type="` + semantics + `"`)
		}
		b.WriteString(">")
		if err := r.blockInlines(b, bl); err != nil {
			return err
		}
		b.WriteString("</" + tag + ">\n")
		return nil
	}
	switch bl.Kind {
	case model.Paragraph:
		return para("p", "", "")
	case model.Heading:
		// The section title is <h2> (the title page alone has <h1>), so a
		// heading of level 2 inside a section is <h3>.
		lvl := bl.Level + 1
		if lvl < 3 {
			lvl = 3
		}
		if lvl > 6 {
			lvl = 6
		}
		// No level is skipped (WCAG 2.1, 1.3.1; Ace's heading-order): a
		// heading is at most one below the one before it.
		lvl = min(lvl, r.headingLevel+1)
		r.headingLevel = lvl
		r.access.Heading(r.current, lvl)
		// A page that opens with the heading is marked before it: inside,
		// the folio would become part of the heading's name.
		r.sectionPageBreaks(b, bl.ID)
		return para("h"+strconv.Itoa(lvl), "", "")
	case model.Salutation:
		return para("p", "salutation", "z3998:salutation")
	case model.Signature:
		return para("p", "signature", "z3998:signature")
	case model.Dateline:
		return r.dateline(b, bl)
	case model.Attribution:
		return para("p", "attribution", "")
	case model.Centered:
		return para("p", "centered", "")
	case model.ThematicBreak:
		r.wordlessPageBreaks(b, bl)
		b.WriteString("<hr" + r.attrs(bl, "") + "/>\n")
		return nil
	case model.BlockQuote:
		b.WriteString("<blockquote" + r.attrs(bl, "") + ">\n")
		if len(bl.Inlines) > 0 {
			if err := para("p", "", ""); err != nil {
				return err
			}
		}
		if err := r.blocks(b, bl.Children); err != nil {
			return err
		}
		b.WriteString("</blockquote>\n")
		return nil
	case model.List:
		tag := "ul"
		if bl.Attr.Get("ordered") == "true" {
			tag = "ol"
		}
		b.WriteString("<" + tag + r.attrs(bl, "") + ">\n")
		for i := range bl.Children {
			if err := r.block(b, &bl.Children[i]); err != nil {
				return err
			}
		}
		b.WriteString("</" + tag + ">\n")
		return nil
	case model.ListItem:
		b.WriteString("<li" + r.attrs(bl, "") + ">")
		if len(bl.Children) == 0 {
			if err := r.blockInlines(b, bl); err != nil {
				return err
			}
		} else {
			if len(bl.Inlines) > 0 {
				b.WriteString("<p>")
				if err := r.blockInlines(b, bl); err != nil {
					return err
				}
				b.WriteString("</p>")
			}
			b.WriteString("\n")
			if err := r.blocks(b, bl.Children); err != nil {
				return err
			}
		}
		b.WriteString("</li>\n")
		return nil
	case model.Image:
		return r.figure(b, bl)
	case model.Note:
		return r.notes(b, []model.Block{*bl})
	case model.Table:
		return r.table(b, bl)
	case model.TableRow, model.TableCell:
		// Rows and cells stand only in a table: one alone is set as a
		// table of one row.
		return r.table(b, &model.Block{Kind: model.Table, Children: []model.Block{rowOf(bl)}})
	case model.DefinitionList:
		b.WriteString("<dl" + r.attrs(bl, "") + ">\n")
		for i := range bl.Children {
			if err := r.block(b, &bl.Children[i]); err != nil {
				return err
			}
		}
		b.WriteString("</dl>\n")
		return nil
	case model.Term:
		return para("dt", "", "")
	case model.Definition:
		b.WriteString("<dd" + r.attrs(bl, "") + ">")
		if len(bl.Inlines) > 0 {
			if err := r.blockInlines(b, bl); err != nil {
				return err
			}
		}
		if len(bl.Children) > 0 {
			b.WriteString("\n")
			if err := r.blocks(b, bl.Children); err != nil {
				return err
			}
		}
		b.WriteString("</dd>\n")
		return nil
	case model.LineBlock:
		if ins, ok := lineInlines(bl.Inlines); ok {
			lines := *bl
			lines.Inlines = ins
			bl = &lines // para writes bl's inlines
		}
		return para("p", "line-block", "")
	case model.CodeBlock:
		return r.codeBlock(b, bl)
	case model.Div:
		b.WriteString("<div" + r.attrs(bl, "") + ">\n")
		if len(bl.Inlines) > 0 {
			if err := para("p", "", ""); err != nil {
				return err
			}
		}
		if err := r.blocks(b, bl.Children); err != nil {
			return err
		}
		b.WriteString("</div>\n")
		return nil
	case model.RawBlock:
		// Sanitised by the reader: only text and its structure. The
		// pages of the print edition that open inside it are marked
		// before it, as its words cannot be told apart in its markup.
		r.sectionPageBreaks(b, bl.ID)
		html := bl.Attr.Get("html")
		b.WriteString(`<div` + r.attrs(bl, "raw-html") + ">" + html + "</div>\n")
		if bl.ID != "" {
			r.words.Add(bl.ID, xmlText(blockBreaks.ReplaceAllString(html, " $0")))
		}
		return nil
	}
	return fmt.Errorf("block %q: unknown kind %d", bl.ID, bl.Kind)
}

// wordlessPageBreaks places, before a block that has no words (a thematic
// break, an uncaptioned figure), the markers of the pages that open with it.
func (r *xhtmlRenderer) wordlessPageBreaks(b *strings.Builder, bl *model.Block) {
	if bl.ID == "" {
		return
	}
	ps := r.pages[bl.ID]
	var rest []document.PageStart
	for _, p := range ps {
		if p.Word == 0 {
			r.pageBreak(b, p)
		} else {
			rest = append(rest, p)
		}
	}
	if len(rest) == 0 {
		delete(r.pages, bl.ID)
	} else {
		r.pages[bl.ID] = rest
	}
}

// notes renders endnotes as an ordered list, each with a backlink to its
// first reference (EPUB 3 Structural Semantics: endnote, backlink).
func (r *xhtmlRenderer) notes(b *strings.Builder, ns []model.Block) error {
	b.WriteString("<ol class=\"notes\">\n")
	for i := range ns {
		n := &ns[i]
		b.WriteString(`<li` + r.attrs(n, "") + ` epub:type="endnote"`)
		if v, err := strconv.Atoi(r.noteMark[n.ID]); err == nil && v > 0 {
			fmt.Fprintf(b, ` value="%d"`, v)
		}
		b.WriteString(">\n")
		back := ""
		if ref, ok := r.firstRef[n.ID]; ok {
			// A no-break space keeps the arrow from wrapping to a line
			// of its own.
			back = "\u00a0" + r.backlink(ref)
		}
		if len(n.Children) == 0 {
			b.WriteString("<p>")
			if err := r.blockInlines(b, n); err != nil {
				return err
			}
			b.WriteString(back + "</p>\n")
		} else {
			if len(n.Inlines) > 0 {
				b.WriteString("<p>")
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
			// The backlink closes the note's last paragraph.
			if k := strings.LastIndex(s, "</p>"); k >= 0 && back != "" {
				s = s[:k] + back + s[k:]
				back = ""
			}
			b.WriteString(s)
			if back != "" {
				b.WriteString("<p>" + strings.TrimPrefix(back, "\u00a0") + "</p>\n")
			}
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ol>\n")
	return nil
}

// wordCursor tracks word boundaries while a block's inlines are written, so
// page-break markers land before the word the print edition's page opens
// with. It counts words exactly as linebreak.Words does over PlainText.
type wordCursor struct {
	word   int  // index of the next word to start
	inWord bool // the last character written belonged to a word
	pages  []document.PageStart
	r      *xhtmlRenderer
}

// isWordSpace is linebreak.Words's separator set.
func isWordSpace(c rune) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// text writes s escaped, with a marker before every word a page opens with.
func (c *wordCursor) text(b *strings.Builder, s string) {
	if c == nil || len(c.pages) == 0 {
		if c != nil {
			// Keep counting so later markers stay right.
			for _, ch := range s {
				c.step(ch)
			}
		}
		writeEscapedText(b, s)
		return
	}
	start := 0
	for i, ch := range s {
		if !isWordSpace(ch) && !c.inWord {
			for len(c.pages) > 0 && c.pages[0].Word == c.word {
				writeEscapedText(b, s[start:i])
				start = i
				c.r.pageBreak(b, c.pages[0])
				c.pages = c.pages[1:]
			}
		}
		c.step(ch)
	}
	writeEscapedText(b, s[start:])
}

// object writes markup that stands for word, one unbroken run of the
// block's words (a formula), with the markers of the pages that open with
// it before it.
func (c *wordCursor) object(b *strings.Builder, word, markup string) {
	if c != nil {
		for _, ch := range word {
			if !isWordSpace(ch) && !c.inWord {
				for len(c.pages) > 0 && c.pages[0].Word == c.word {
					c.r.pageBreak(b, c.pages[0])
					c.pages = c.pages[1:]
				}
			}
			c.step(ch)
		}
	}
	b.WriteString(markup)
}

// outside writes, before an element that a page-break marker may not
// stand inside (a link, whose accessible name the folio would join), the
// markers of the pages that open with a word of its content ins. It counts
// the words as text and object do, without moving the cursor.
func (c *wordCursor) outside(b *strings.Builder, ins []model.Inline) {
	if c == nil || len(c.pages) == 0 {
		return
	}
	word, inWord := c.word, c.inWord
	for _, ch := range model.PlainText(ins) {
		switch {
		case isWordSpace(ch):
			inWord = false
		case !inWord:
			for len(c.pages) > 0 && c.pages[0].Word == word {
				c.r.pageBreak(b, c.pages[0])
				c.pages = c.pages[1:]
			}
			inWord = true
			word++
		}
	}
}

func (c *wordCursor) step(ch rune) {
	if isWordSpace(ch) {
		c.inWord = false
	} else if !c.inWord {
		c.inWord = true
		c.word++
	}
}

// blockInlines writes a block's inlines with the page-break markers of the
// pages that open inside it.
func (r *xhtmlRenderer) blockInlines(b *strings.Builder, bl *model.Block) error {
	cur := &wordCursor{r: r}
	if bl.ID != "" {
		cur.pages = r.pages[bl.ID]
		delete(r.pages, bl.ID)
	}
	r.inlines(b, bl.Inlines, cur)
	if len(cur.pages) > 0 {
		p := cur.pages[0]
		return fmt.Errorf("block %s: page %s starts at word %d but the block has %d words", bl.ID, p.Label, p.Word, cur.word)
	}
	if bl.ID != "" && cur.word > 0 {
		r.words[bl.ID] += cur.word
	}
	return nil
}

// inlines writes inline content. cur, when not nil, places page breaks.
func (r *xhtmlRenderer) inlines(b *strings.Builder, ins []model.Inline, cur *wordCursor) {
	for _, in := range ins {
		switch in.Kind {
		case model.Text:
			r.access.Text(r.lang, in.Text, r.current)
			r.abbreviated(b, wordJoined(in.Text), cur)
		case model.Emph:
			if r.isPublication(in.Children) {
				// A newspaper's or journal's name is a title, not
				// emphasis (Standard Ebooks' manual, 8.2.9; its se:
				// vocabulary).
				r.wrapInlines(b, "i", ` epub:type="se:name.publication"`, in.Children, cur)
				continue
			}
			b.WriteString("<em>")
			r.inlines(b, in.Children, cur)
			b.WriteString("</em>")
		case model.Strong:
			b.WriteString("<strong>")
			r.inlines(b, in.Children, cur)
			b.WriteString("</strong>")
		case model.SmallCaps:
			b.WriteString(`<span class="small-caps">`)
			r.inlines(b, in.Children, cur)
			b.WriteString("</span>")
		case model.Code:
			b.WriteString("<code>")
			cur.text(b, in.Text)
			b.WriteString("</code>")
		case model.LineBreak:
			b.WriteString("<br/>")
			if cur != nil {
				cur.step(' ')
			}
		case model.NoteRef:
			// PlainText drops note references, so they count no words.
			r.refCount[in.Target]++
			id := noteRefID(in.Target, r.refCount[in.Target])
			f := r.file[in.Target]
			if f == "" {
				f = r.current // an unresolved note still gets a well-formed link
			}
			fmt.Fprintf(b, `<a href="%s" id="%s" epub:type="noteref" role="doc-noteref">%s</a>`,
				escapeAttr(r.href(f, in.Target)), escapeAttr(id), escapeText(in.Text))
		case model.Strikeout:
			r.wrapInlines(b, "s", "", in.Children, cur)
		case model.Superscript:
			r.wrapInlines(b, "sup", "", in.Children, cur)
		case model.Subscript:
			r.wrapInlines(b, "sub", "", in.Children, cur)
		case model.Span:
			attrs := inlineAnchor(in.Attr)
			if c := cssClass(in.Attr.Get("class")); c != "" {
				attrs += ` class="` + c + `"`
			}
			lang := in.Attr.Get("lang")
			attrs += langAttrs(lang)
			if lang != "" {
				outer := r.lang
				r.lang = lang
				r.wrapInlines(b, "span", attrs, in.Children, cur)
				r.lang = outer
				continue
			}
			r.wrapInlines(b, "span", attrs, in.Children, cur)
		case model.Cite:
			if in.Target != "" {
				target := in.Target
				if f, ok := r.file[strings.TrimPrefix(target, "#")]; ok {
					target = r.href(f, strings.TrimPrefix(target, "#"))
				}
				cur.outside(b, in.Children)
				r.wrapInlines(b, "a", ` class="citation" href="`+escapeAttr(target)+`"`+r.biblioRole(in.Target), in.Children, cur)
			} else {
				r.wrapInlines(b, "span", ` class="citation"`, in.Children, cur)
			}
		case model.Math:
			node, _ := texmath.Parse(in.Text)
			cur.object(b, model.MathWord(in.Text), texmath.MathML(node, in.Text, in.Attr.Get("display") == "true"))
			r.hasMath[r.current] = true
		case model.Link:
			target := in.Target
			if strings.HasPrefix(target, "#") {
				if f, ok := r.file[target[1:]]; ok {
					target = r.href(f, target[1:])
				}
			}
			cur.outside(b, in.Children)
			b.WriteString(`<a href="` + escapeAttr(target) + `"` + inlineAnchor(in.Attr) + r.biblioRole(in.Target) + `>`)
			r.inlines(b, in.Children, cur)
			if len(in.Children) == 0 {
				// PlainText ignores a link's own Text, so no words are counted.
				b.WriteString(escapeText(in.Text))
			}
			b.WriteString("</a>")
		}
	}
}

// blockBreaks are the tags of the elements a reader sees as apart from
// their neighbours (cells, items, paragraphs, line breaks), whose words do
// not run on into the next element's though no space stands between them
// in the markup ("<td>1848</td><td>Revolutions</td>").
var blockBreaks = regexp.MustCompile(`<(?:t[dhr]|li|p|div|br|h[1-6]|d[tdl]|blockquote|caption|table|thead|tbody|tfoot|[ou]l|pre|figure|figcaption|hr|section|aside|header|footer)\b[^>]*>`)

// xmlText returns the character data of an XHTML fragment: its text
// without tags, entities resolved, as a reader sees it.
func xmlText(fragment string) string {
	var b strings.Builder
	in := false
	for _, c := range fragment {
		switch {
		case c == '<':
			in = true
		case c == '>':
			in = false
		case !in:
			b.WriteRune(c)
		}
	}
	return html.UnescapeString(b.String())
}

// escapeText escapes character data for XHTML. Only the XML predefined
// entities are used: EPUB content documents are XML, and HTML's named
// entities (&nbsp;, &mdash;) are undefined there (epubcheck RSC-016).
// Characters XML forbids are dropped.
func escapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	writeEscapedText(&b, s)
	return b.String()
}

// writeEscapedText writes s to b as escapeText returns it. Runs of
// characters that need nothing are copied whole: the text of a book is
// nearly all such runs, and this is most of the XHTML serialisation.
func writeEscapedText(b *strings.Builder, s string) {
	start := 0 // of the run not yet written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError && xmlChar(r) {
				i += size
				continue
			}
		}
		b.WriteString(s[start:i])
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == utf8.RuneError:
			// Invalid UTF-8 (or a U+FFFD written out): the replacement
			// character, as ranging over the string gives.
			b.WriteRune(utf8.RuneError)
		}
		// Anything else is a character XML 1.0 does not allow: dropped.
		i += size
		start = i
	}
	b.WriteString(s[start:])
}

// escapeAttr escapes an attribute value written between double quotes.
func escapeAttr(s string) string {
	return strings.ReplaceAll(escapeText(s), `"`, "&quot;")
}

// xmlChar reports whether c may appear in an XML 1.0 document.
func xmlChar(c rune) bool {
	return c == '\t' || c == '\n' || c == '\r' ||
		c >= 0x20 && c <= 0xD7FF ||
		c >= 0xE000 && c <= 0xFFFD ||
		c >= 0x10000 && c <= 0x10FFFF
}

// cssClass keeps the class names of a block's "class" attribute that are
// plain identifiers, so a reader's attribute can never break the markup.
func cssClass(v string) string {
	var keep []string
	for _, c := range strings.Fields(v) {
		ok := true
		for _, r := range c {
			if !(r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				ok = false
			}
		}
		if ok {
			keep = append(keep, c)
		}
	}
	return strings.Join(keep, " ")
}

// fileNameID reports whether a section ID can serve as a file name and an
// XML id in the publication: ASCII letters, digits, '-', '_' and '.', not
// starting with a digit, '-' or '.'.
func fileNameID(id string) bool {
	if id == "" || id[0] == '-' || id[0] == '.' || id[0] >= '0' && id[0] <= '9' {
		return false
	}
	for _, r := range id {
		if !(r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}
