package epub

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/epub/access"
	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
)

// The finishing pass: go-epub v1.2.1 assembles a valid container but
//
//   - writes dcterms:modified from the clock and leaves the manifest in map
//     order, so no two builds are alike;
//   - has no API for subtitles, creator roles and file-as, publisher, dates,
//     dc:source, rights, subjects or the accessibility metadata of EPUB
//     Accessibility 1.1;
//   - writes a nav with neither landmarks nor page list, and no lang or
//     xml:lang on any XHTML root;
//   - zips its folder (kept in memory here) in the order its file system
//     lists it, which for the in-memory one is map order, with whatever
//     timestamps the archive writer picks.
//
// So after go-epub has written the publication, this pass rewrites the
// package document, the nav (which doubles as the visible contents page) and
// the NCX from the edition, adds the language to every content document,
// puts in the bodies and the cover image go-epub held stand-ins for, and
// writes a new zip: mimetype first and stored, then a fixed order, every
// entry stamped with the edition's modification time. The timestamps are set
// in the MS-DOS fields only: setting zip.FileHeader.Modified makes Go add an
// extended-timestamp extra field, which EPUB forbids on the mimetype entry
// (OCF 3.3 §4.2.3; epubcheck PKG-005).

// epubPlan is what the finishing pass needs to know about the publication.
type epubPlan struct {
	meta         *model.Meta
	printEdition string
	docs         []epubDoc // the content documents in reading order
	pages        []placedPage
	printPages   int // pages of the print edition
	renderer     *xhtmlRenderer
	access       access.Metadata
	cover        func() ([]byte, error) // the cover image (Options.Cover)
	coverName    string                 // its file name in images/
	images       []epubImage            // the figures' images
	fonts        []embeddedFile         // the embedded fonts and their licence (Meta.EmbedFonts)
}

// epubDoc is one content document in the spine.
type epubDoc struct {
	id       string // manifest id
	href     string // relative to EPUB/
	title    string // plain text: <title>, NCX
	landmark string // epub:type in the landmarks nav, if it is one
	section  *model.Section
	pre      string // page-break markers written before the contents nav
	body     string // the body, which go-epub holds a stand-in for
}

// The folder go-epub puts the package in, and the files it writes there.
const (
	epubRoot    = "EPUB/"
	packageFile = "package.opf"
	ncxFile     = "toc.ncx"
)

func finishEPUB(raw []byte, plan *epubPlan) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, err
	}
	// Only the content documents are read back: the package document, nav
	// and NCX are written anew, the cover image replaces go-epub's stand-in,
	// and the rest (container file, stylesheet) go into the new zip as
	// go-epub compressed them.
	files := map[string]epubEntry{}
	for _, f := range zr.File {
		files[f.Name] = epubEntry{zipped: f}
	}
	// The first entry, stored (OCF 3.3 §4.2.3), whatever go-epub did.
	files["mimetype"] = epubEntry{data: []byte("application/epub+zip")}

	m := plan.meta
	lang := m.Language
	for _, d := range plan.docs {
		if d.href == navFile {
			continue
		}
		name := epubRoot + d.href
		e, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("go-epub wrote no %s", name)
		}
		data, err := readZipped(e.zipped)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if data, err = fillDocument(data, lang, d.body); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		files[name] = epubEntry{data: data}
	}

	// go-epub holds a stand-in for the cover image (see Write).
	cover, err := plan.cover()
	if err != nil {
		return nil, err
	}
	files[epubRoot+"images/"+plan.coverName] = epubEntry{data: cover}
	for _, im := range plan.images {
		files[epubRoot+im.href] = epubEntry{data: im.data}
	}

	files[epubRoot+navFile] = epubEntry{data: navDocument(plan)}
	files[epubRoot+ncxFile] = epubEntry{data: ncxDocument(plan)}
	if m.EmbedFonts {
		// The fonts are cut to the text of every document, the nav's
		// included, so they come once the documents are complete.
		docs := make([][]byte, 0, len(plan.docs))
		for _, d := range plan.docs {
			docs = append(docs, files[epubRoot+d.href].data)
		}
		added, css, err := embedFonts(docs)
		if err != nil {
			return nil, err
		}
		plan.fonts = added
		for _, f := range added {
			files[epubRoot+f.href] = epubEntry{data: f.data}
		}
		files[epubRoot+cssFile] = epubEntry{data: append(append([]byte(nil), epubCSS...), css...)}
	}
	opf, order, err := packageDocument(plan, files)
	if err != nil {
		return nil, err
	}
	files[epubRoot+packageFile] = epubEntry{data: opf}

	stamp, _ := modifiedStamp(m)
	out := bytes.NewBuffer(make([]byte, 0, len(raw)))
	zw := newEPUBZipWriter(out, stamp)
	for _, name := range order {
		if err := zw.add(name, files[name]); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// epubEntry is one file of the publication: new or rewritten contents, or
// go-epub's entry, copied as it is.
type epubEntry struct {
	data   []byte
	zipped *zip.File
}

// readZipped returns the contents of a zip entry.
func readZipped(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	buf := bytes.NewBuffer(make([]byte, 0, f.UncompressedSize64+bytes.MinRead))
	_, err = buf.ReadFrom(rc) // reads to the end, so the reader checks the CRC
	return buf.Bytes(), err
}

// fillDocument completes an XHTML document written by go-epub: it puts
// body in place of go-epub's stand-in (sectionBodyStandIn), and adds lang
// and xml:lang to the root element (EPUB 3.3 §6.1.4 asks for the language
// of every content document; Ace reports their absence).
func fillDocument(doc []byte, lang, body string) ([]byte, error) {
	const root = `<html xmlns="http://www.w3.org/1999/xhtml"`
	i := bytes.Index(doc, []byte(root))
	if i < 0 {
		return nil, errors.New("no XHTML root element")
	}
	at := i + len(root)
	j := bytes.Index(doc[at:], []byte(sectionBodyStandIn))
	if j < 0 || bytes.Count(doc, []byte(sectionBodyStandIn)) != 1 {
		return nil, errors.New("no single stand-in for the body")
	}
	j += at
	attrs := ` lang="` + escapeAttr(lang) + `" xml:lang="` + escapeAttr(lang) + `" epub:prefix="` + vocabularyPrefixes + `"`
	out := make([]byte, 0, len(doc)+len(attrs)+len(body))
	out = append(out, doc[:at]...)
	out = append(out, attrs...)
	out = append(out, doc[at:j]...)
	out = append(out, body...)
	return append(out, doc[j+len(sectionBodyStandIn):]...), nil
}

// epubDeflateLevel is the compression of the documents the finishing pass
// writes. Measured on the XHTML and XML of the open letter (150 kB) and of
// a 130-page book (530 kB): level 4 makes them 2% and 3.5% larger than the
// default level (6) in half the time on the book, and a third of the time
// of BestCompression, which saves a further 0.2–0.4%. Levels 1–3 give
// 4–22% more bytes. Level 4 is where the size stops paying for the time.
const epubDeflateLevel = 4

// epubZipWriter writes the publication's zip: every entry with the same
// timestamp and no extra fields, compressed here (or, for entries the pass
// does not rewrite, copied as go-epub compressed them) and written raw, so the
// local headers carry the sizes and no data descriptor follows (the layout
// the OCF specification describes for mimetype, used for every entry
// alike). One compressor serves every entry: a flate.Writer holds about a
// megabyte of tables.
type epubZipWriter struct {
	*zip.Writer
	stamp time.Time
	fw    *flate.Writer
	body  bytes.Buffer
}

func newEPUBZipWriter(w io.Writer, stamp time.Time) *epubZipWriter {
	return &epubZipWriter{Writer: zip.NewWriter(w), stamp: stamp}
}

// add writes one entry: e's data deflated (mimetype and images stored),
// or go-epub's entry copied in its compressed form, which the finishing
// pass has no reason to redo (the stylesheet, the container file).
func (z *epubZipWriter) add(name string, e epubEntry) error {
	fh := &zip.FileHeader{
		Name:           name,
		Method:         zip.Deflate,
		CreatorVersion: 20,
		ReaderVersion:  20,
	}
	// The MS-DOS fields alone: Modified would add the extended timestamp
	// EPUB forbids on the mimetype entry (see the top of this file).
	//lint:ignore SA1019 the deprecated fields are the ones that add no extra field
	fh.ModifiedDate, fh.ModifiedTime = msDosTime(z.stamp)
	var body io.Reader
	switch {
	case e.zipped != nil:
		f := e.zipped
		if f.Method != zip.Store && f.Method != zip.Deflate {
			return fmt.Errorf("go-epub used compression method %d", f.Method)
		}
		fh.Method, fh.CRC32 = f.Method, f.CRC32
		fh.CompressedSize64, fh.UncompressedSize64 = f.CompressedSize64, f.UncompressedSize64
		raw, err := f.OpenRaw()
		if err != nil {
			return err
		}
		body = raw
	case name == "mimetype" || strings.HasSuffix(name, ".png") || strings.HasSuffix(name, ".jpg") || strings.HasSuffix(name, ".jpeg"):
		// Images are compressed already: deflating the cover PNG again
		// takes a millisecond to save 6% of it (3 kB).
		fh.Method = zip.Store
		fh.CRC32 = crc32.ChecksumIEEE(e.data)
		fh.CompressedSize64, fh.UncompressedSize64 = uint64(len(e.data)), uint64(len(e.data))
		body = bytes.NewReader(e.data)
	default:
		z.body.Reset()
		if z.fw == nil {
			fw, err := flate.NewWriter(&z.body, epubDeflateLevel)
			if err != nil {
				return err
			}
			z.fw = fw
		} else {
			z.fw.Reset(&z.body)
		}
		if _, err := z.fw.Write(e.data); err != nil {
			return err
		}
		if err := z.fw.Close(); err != nil {
			return err
		}
		fh.CRC32 = crc32.ChecksumIEEE(e.data)
		fh.CompressedSize64, fh.UncompressedSize64 = uint64(z.body.Len()), uint64(len(e.data))
		body = &z.body
	}
	if fh.Method == zip.Store {
		fh.ReaderVersion = 10
	}
	w, err := z.CreateRaw(fh)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, body)
	return err
}

// msDosTime encodes t, in UTC, as the zip format's MS-DOS date and time
// (two-second resolution; years before 1980 become 1980).
func msDosTime(t time.Time) (date, clock uint16) {
	t = t.UTC()
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// modifiedStamp returns the edition's modification time: Meta.Modified, or
// the edition's date at midnight UTC. It never reads the clock, so a build
// is reproducible (the caller sets Modified from SOURCE_DATE_EPOCH).
func modifiedStamp(m *model.Meta) (time.Time, error) {
	if !m.Modified.IsZero() {
		return m.Modified.UTC().Truncate(time.Second), nil
	}
	if m.Date != "" {
		t, err := time.Parse("2006-01-02", m.Date)
		if err != nil {
			return time.Time{}, fmt.Errorf("edition date %q: %w", m.Date, err)
		}
		return t, nil
	}
	return time.Time{}, errors.New("no modification time and no edition date: dcterms:modified needs one")
}

// xmlDoc starts an XHTML content document with the language on its root.
func xmlDoc(b *strings.Builder, lang, title, css string) {
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE html>\n")
	fmt.Fprintf(b, `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="%s" xml:lang="%s" epub:prefix="%s">`+"\n", escapeAttr(lang), escapeAttr(lang), vocabularyPrefixes)
	fmt.Fprintf(b, "<head>\n<title>%s</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"%s\"/>\n</head>\n", escapeText(title), css)
}

// navDocument writes the navigation document, which is also the edition's
// contents page: it stands in the spine where the contents section is, so
// the landmark pointing at it is a spine item (epubcheck RSC-011). The
// landmarks and the page list are hidden from the page and offered by the
// reading system (EPUB 3.3 §7.4.2).
func navDocument(plan *epubPlan) []byte {
	m := plan.meta
	r := plan.renderer
	r.current = navFile
	var contents *epubDoc
	for i := range plan.docs {
		if plan.docs[i].href == navFile {
			contents = &plan.docs[i]
		}
	}
	title := r.labels.T(locale.Contents)
	navID, headID := "toc", "toc-title"
	if contents != nil {
		title = contents.title
		navID, headID = contents.section.ID, contents.section.ID+"-title"
	}
	var b strings.Builder
	xmlDoc(&b, m.Language, title, cssFile)
	b.WriteString("<body>\n")
	if contents != nil {
		b.WriteString(contents.pre)
	}
	fmt.Fprintf(&b, "<nav id=\"%s\" epub:type=\"toc\" role=\"doc-toc\" aria-labelledby=\"%s\">\n", escapeAttr(navID), escapeAttr(headID))
	heading := escapeText(title)
	if contents != nil {
		heading = r.navTitleXHTML(contents.section)
	}
	fmt.Fprintf(&b, "<h2 id=\"%s\" epub:type=\"title\">%s</h2>\n<ol>\n", escapeAttr(headID), heading)
	for _, e := range contentsTree(plan, false) {
		navEntry(&b, e)
	}
	b.WriteString("</ol>\n</nav>\n")

	fmt.Fprintf(&b, "<nav id=\"landmarks\" epub:type=\"landmarks\" aria-label=\"%[1]s\" hidden=\"hidden\">\n<h2>%[1]s</h2>\n<ol>\n", escapeText(r.labels.T(locale.Landmarks)))
	for _, l := range landmarks(plan) {
		fmt.Fprintf(&b, "<li><a href=\"%s\" epub:type=\"%s\">%s</a></li>\n", escapeAttr(l.href), l.typ, escapeText(l.label))
	}
	b.WriteString("</ol>\n</nav>\n")

	if len(plan.pages) > 0 {
		fmt.Fprintf(&b, "<nav id=\"page-list\" epub:type=\"page-list\" role=\"doc-pagelist\" aria-label=\"%[1]s\" hidden=\"hidden\">\n<h2>%[1]s</h2>\n<ol>\n", escapeText(r.labels.T(locale.Pages)))
		for _, p := range plan.pages {
			fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>\n", escapeAttr(p.Href), escapeText(p.Label))
		}
		b.WriteString("</ol>\n</nav>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

type landmark struct{ typ, href, label string }

// landmarks lists the book's major parts for the reading system's "go to"
// menu: the first section of each kind.
func landmarks(plan *epubPlan) []landmark {
	var ls []landmark
	seen := map[string]bool{}
	add := func(typ, href, label string) {
		if !seen[typ] {
			seen[typ] = true
			ls = append(ls, landmark{typ, href, label})
		}
	}
	for _, d := range plan.docs {
		if d.landmark != "" {
			add(d.landmark, d.href, d.title)
			continue
		}
		if d.section == nil {
			continue
		}
		switch d.section.Role {
		case model.RoleTitlePage:
			add("titlepage", d.href, d.title)
		case model.RoleContents:
			add("toc", d.href, d.title)
		case model.RoleIntroduction:
			add("introduction", d.href, d.title)
		case model.RoleChapter:
			add("bodymatter", d.href, plan.renderer.labels.T(locale.StartOfText))
		case model.RoleEndnotes:
			add("endnotes", d.href, d.title)
		case model.RoleColophon:
			add("colophon", d.href, d.title)
		}
	}
	return ls
}

// contentsTree is what the contents list, nested: each section with its
// headings; in an anthology, each member's opening with the member's
// sections under it, a part of the member without a heading of its own
// and without headings (an essay's opening) going by its member's entry.
// The contents page lists itself only in the NCX (withContents).
func contentsTree(plan *epubPlan, withContents bool) []outlineEntry {
	r := plan.renderer
	entry := func(d *epubDoc) outlineEntry {
		e := outlineEntry{href: d.href, xhtml: r.navTitleXHTML(d.section), plain: d.title, children: r.outline(d.section)}
		if bracketed(d.section) {
			e.class = "editorial"
		}
		return e
	}
	byID := map[string]*epubDoc{}
	for i := range plan.docs {
		if s := plan.docs[i].section; s != nil {
			byID[s.ID] = &plan.docs[i]
		}
	}
	var out []outlineEntry
	for i := range plan.docs {
		d := &plan.docs[i]
		if d.section == nil || d.href == navFile && !withContents || r.inMember[d.section.ID] {
			continue
		}
		e := entry(d)
		for _, id := range r.members[d.section.ID] {
			m := byID[id]
			if m == nil {
				continue
			}
			me := entry(m)
			if headingless(m.section) && len(me.children) == 0 {
				continue
			}
			e.children = append(e.children, me)
		}
		out = append(out, e)
	}
	return out
}

// navEntry writes an entry of the nav document's contents, with its
// children.
func navEntry(b *strings.Builder, e outlineEntry) {
	class := ""
	if e.class != "" {
		class = ` class="` + e.class + `"`
	}
	fmt.Fprintf(b, "<li%s><a href=\"%s\">%s</a>", class, escapeAttr(e.href), e.xhtml)
	navList(b, e.children)
	b.WriteString("</li>\n")
}

// ncxDocument writes the EPUB 2 table of contents, for old reading systems.
func ncxDocument(plan *epubPlan) []byte {
	m := plan.meta
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"%s\">\n", escapeAttr(m.Language))
	var points strings.Builder
	n, depth := 0, 1
	depth = max(depth, ncxPoints(&points, contentsTree(plan, true), &n))
	// The page list's size and its highest arabic folio (the NCX's
	// dtb:totalPageCount and dtb:maxPageNumber, ANSI/NISO Z39.86-2005
	// §8.4.1; 0 means no pages).
	maxPage := 0
	for _, p := range plan.pages {
		if v, err := strconv.Atoi(p.Label); err == nil {
			maxPage = max(maxPage, v)
		}
	}
	fmt.Fprintf(&b, "<head>\n<meta name=\"dtb:uid\" content=\"%s\"/>\n<meta name=\"dtb:depth\" content=\"%d\"/>\n<meta name=\"dtb:totalPageCount\" content=\"%d\"/>\n<meta name=\"dtb:maxPageNumber\" content=\"%d\"/>\n</head>\n", escapeAttr(m.Identifier), depth, len(plan.pages), maxPage)
	fmt.Fprintf(&b, "<docTitle><text>%s</text></docTitle>\n", escapeText(m.Title))
	for _, c := range m.Creators {
		fmt.Fprintf(&b, "<docAuthor><text>%s</text></docAuthor>\n", escapeText(c.Name))
	}
	b.WriteString("<navMap>\n" + points.String())
	b.WriteString("</navMap>\n")
	if len(plan.pages) > 0 {
		// Each page target has a play order of its own after the nav
		// points': two entries share one only when they share a target.
		fmt.Fprintf(&b, "<pageList>\n<navLabel><text>%s</text></navLabel>\n", escapeText(plan.renderer.labels.T(locale.Pages)))
		for i, p := range plan.pages {
			typ, value := "front", ""
			if v, err := strconv.Atoi(p.Label); err == nil {
				typ, value = "normal", fmt.Sprintf(" value=\"%d\"", v)
			}
			fmt.Fprintf(&b, "<pageTarget id=\"pagetarget-%d\" type=\"%s\"%s playOrder=\"%d\"><navLabel><text>%s</text></navLabel><content src=\"%s\"/></pageTarget>\n",
				i+1, typ, value, n+i+1, escapeText(p.Label), escapeAttr(p.Href))
		}
		b.WriteString("</pageList>\n")
	}
	b.WriteString("</ncx>\n")
	return []byte(b.String())
}

// mediaTypes by file extension: go-epub sniffs content, which calls a
// stylesheet text/plain.
var mediaTypes = map[string]string{
	".xhtml": "application/xhtml+xml",
	".css":   "text/css",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".svg":   "image/svg+xml",
	".webp":  "image/webp",
	".ncx":   "application/x-dtbncx+xml",
	".ttf":   "font/ttf",
	".txt":   "text/plain",
}

// packageDocument writes the package document and returns it with the
// order of the zip's entries.
func packageDocument(plan *epubPlan, files map[string]epubEntry) ([]byte, []string, error) {
	m := plan.meta
	type item struct{ id, href, props string }
	navProps := "nav"
	if plan.renderer.hasMath[navFile] {
		navProps += " mathml" // a heading's formula, in its entry
	}
	items := []item{{"nav", navFile, navProps}, {"ncx", ncxFile, ""}, {"css", cssFile, ""}, {"cover-image", "images/" + plan.coverName, "cover-image"}}
	for _, d := range plan.docs {
		if d.href != navFile {
			props := ""
			if plan.renderer.hasMath[d.href] {
				props = "mathml"
			}
			items = append(items, item{xmlID(d.id), d.href, props})
		}
	}
	for i, im := range plan.images {
		items = append(items, item{fmt.Sprintf("figure-image-%d", i+1), im.href, ""})
	}
	for i, f := range plan.fonts {
		items = append(items, item{fmt.Sprintf("font-%d", i+1), f.href, ""})
	}
	order := []string{"mimetype", "META-INF/container.xml", epubRoot + packageFile}
	known := map[string]bool{"mimetype": true, "META-INF/container.xml": true, epubRoot + packageFile: true}
	for _, it := range items {
		name := epubRoot + it.href
		if _, ok := files[name]; !ok {
			return nil, nil, fmt.Errorf("go-epub wrote no %s", name)
		}
		order = append(order, name)
		known[name] = true
	}
	var extra []string
	for name := range files {
		if !known[name] {
			extra = append(extra, name)
		}
	}
	if len(extra) > 0 {
		sort.Strings(extra)
		return nil, nil, fmt.Errorf("unexpected files from go-epub: %s", strings.Join(extra, ", "))
	}

	var b strings.Builder
	meta := func(prop, value string) {
		if value != "" {
			fmt.Fprintf(&b, "<meta property=\"%s\">%s</meta>\n", prop, escapeText(value))
		}
	}
	dc := func(el, value string) {
		if value != "" {
			fmt.Fprintf(&b, "<dc:%s>%s</dc:%s>\n", el, escapeText(value), el)
		}
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	prefixes := "a11y: http://www.idpf.org/epub/vocab/package/a11y/#"
	if len(plan.fonts) > 0 {
		prefixes += " " + ibooksPrefix
	}
	fmt.Fprintf(&b, "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" xml:lang=\"%s\" prefix=\"%s\">\n", escapeAttr(m.Language), prefixes)
	b.WriteString("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
	fmt.Fprintf(&b, "<dc:identifier id=\"pub-id\">%s</dc:identifier>\n", escapeText(m.Identifier))
	fmt.Fprintf(&b, "<dc:title id=\"title\">%s</dc:title>\n", escapeText(m.Title))
	b.WriteString("<meta refines=\"#title\" property=\"title-type\">main</meta>\n")
	if m.Subtitle != "" {
		b.WriteString("<meta refines=\"#title\" property=\"display-seq\">1</meta>\n")
		fmt.Fprintf(&b, "<dc:title id=\"subtitle\">%s</dc:title>\n", escapeText(m.Subtitle))
		b.WriteString("<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n")
		b.WriteString("<meta refines=\"#subtitle\" property=\"display-seq\">2</meta>\n")
	}
	for i, c := range m.Creators {
		el, role := "creator", c.Role
		if role == "" {
			role = "aut"
		}
		if role != "aut" {
			el = "contributor"
		}
		id := fmt.Sprintf("%s-%d", el, i+1)
		fmt.Fprintf(&b, "<dc:%s id=\"%s\">%s</dc:%s>\n", el, id, escapeText(c.Name), el)
		fmt.Fprintf(&b, "<meta refines=\"#%s\" property=\"role\" scheme=\"marc:relators\">%s</meta>\n", id, escapeText(role))
		if c.FileAs != "" {
			fmt.Fprintf(&b, "<meta refines=\"#%s\" property=\"file-as\">%s</meta>\n", id, escapeText(c.FileAs))
		}
	}
	dc("language", m.Language)
	// The languages of whole sections besides the book's (an anthology's
	// members), after it: the first is the book's (EPUB 3.3 §5.5.3.1.4).
	seenLang := map[string]bool{m.Language: true}
	for _, d := range plan.docs {
		if d.section == nil {
			continue
		}
		if l := sectionLanguage(d.section); l != "" && !seenLang[l] {
			seenLang[l] = true
			dc("language", l)
		}
	}
	dc("publisher", m.Publisher)
	dc("date", m.Date)
	if o := apparatus.OriginalStatement(m); o != "" {
		// The publication the text reproduces; an anthology's members
		// each name theirs on their half-titles.
		dc("source", m.Title+". "+o)
	}
	dc("rights", m.Rights)
	dc("description", m.Description)
	for _, s := range m.Subjects {
		dc("subject", s)
	}
	stamp, _ := modifiedStamp(m)
	meta("dcterms:modified", stamp.Format("2006-01-02T15:04:05Z"))

	// EPUB Accessibility 1.1 §2 and the schema.org accessibility
	// properties, as the checks found the book (package access).
	a := plan.access
	for _, v := range a.Modes {
		meta("schema:accessMode", v)
	}
	for _, v := range a.Sufficient {
		meta("schema:accessModeSufficient", v)
	}
	for _, f := range a.Features {
		meta("schema:accessibilityFeature", f)
	}
	for _, h := range a.Hazards {
		meta("schema:accessibilityHazard", h)
	}
	meta("schema:accessibilitySummary", a.Summary)
	meta("dcterms:conformsTo", a.ConformsTo)
	meta("a11y:certifiedBy", a.Certifier)
	if len(plan.pages) > 0 {
		// The source of the page breaks: the print edition, by its ISBN
		// when it has one (EPUB Accessibility Techniques 1.1, §"Identify
		// the source of pagination"). The dc:source refined as the source
		// of pagination is EPUB 3.3's way (§D.4.1), which EPUBCheck 4
		// and Ace read; the pageBreakSource property that replaces it is
		// left out while EPUBCheck 4, which Debian ships, rejects it
		// (OPF-027).
		fmt.Fprintf(&b, "<dc:source id=\"pagination\">%s</dc:source>\n", escapeText(pageBreakSource(m, plan.printEdition)))
		b.WriteString("<meta refines=\"#pagination\" property=\"source-of\">pagination</meta>\n")
	}
	if len(plan.fonts) > 0 {
		// Apple Books sets a book in the reader's chosen face and uses the
		// embedded one only when the package asks for it (Apple Books
		// Asset Guide, "Fonts": ibooks:specified-fonts).
		meta("ibooks:specified-fonts", "true")
	}
	// The EPUB 2 cover declaration, still read by some reading systems.
	b.WriteString("<meta name=\"cover\" content=\"cover-image\"/>\n")
	// The generator names bindery, so a later build knows the file is its
	// own to replace (see outfile.IsOurs).
	b.WriteString("<meta name=\"generator\" content=\"bindery\"/>\n")
	b.WriteString("</metadata>\n<manifest>\n")
	for _, it := range items {
		props := ""
		if it.props != "" {
			props = ` properties="` + it.props + `"`
		}
		ext := it.href[strings.LastIndexByte(it.href, '.'):]
		fmt.Fprintf(&b, "<item id=\"%s\" href=\"%s\" media-type=\"%s\"%s/>\n", it.id, escapeAttr(it.href), mediaTypes[ext], props)
	}
	b.WriteString("</manifest>\n<spine toc=\"ncx\">\n")
	for _, d := range plan.docs {
		id := xmlID(d.id)
		if d.href == navFile {
			id = "nav"
		}
		fmt.Fprintf(&b, "<itemref idref=\"%s\"/>\n", id)
	}
	b.WriteString("</spine>\n</package>\n")
	return []byte(b.String()), order, nil
}

// ibooksPrefix declares Apple's vocabulary of package properties.
const ibooksPrefix = "ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/"

// pageBreakSource identifies the print edition the page list follows: its
// ISBN as a URN when it has one (RFC 8254), else its name.
func pageBreakSource(m *model.Meta, printEdition string) string {
	if isbn := strings.NewReplacer("-", "", " ", "").Replace(m.ISBN); isbn != "" {
		return "urn:isbn:" + isbn
	}
	return printEdition
}

// xmlID makes a manifest id from a section id: XML ids may not start with a
// digit, a hyphen or a full stop.
func xmlID(s string) string {
	if s == "" || s[0] >= '0' && s[0] <= '9' || s[0] == '-' || s[0] == '.' {
		return "x" + s
	}
	return s
}
