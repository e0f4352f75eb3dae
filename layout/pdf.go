package layout

// This file is the only one that imports fpdf. fpdf draws the pages; a short
// pass over its output then adds what fpdf cannot express (page labels, trim
// and bleed boxes in a stable order, ISO 32000 subset font names) and rebuilds
// the cross-reference table so every offset stays exact.

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"github.com/bindery-editions/bindery/fonts"
)

// pageOut is one finished page, with every position measured from the top
// left corner of the trimmed page (y grows downwards, as in fpdf).
type pageOut struct {
	runs  []glyphRun
	rules []rule
	links []linkArea
	marks []bookmark
}

// glyphRun is text drawn in one face and size with its baseline at (X, Y).
type glyphRun struct {
	X, Y Length
	Face fonts.Face
	Size Length
	Text string
	// Track is extra space after every character (the PDF's character
	// spacing, Tc), for letter-spaced small capitals: one run per word keeps
	// the word whole for text extraction.
	Track Length
	// Down turns the run a quarter clockwise about (X, Y), so it reads top
	// to bottom, as English spines do.
	Down bool
	// Scale, when not 0, is the run's horizontal scale in thousandths of
	// its natural width (the PDF's horizontal scaling, Tz, ISO 32000-1,
	// 9.3.4): font expansion of a justified line, 1000+Line.Expand.
	Scale int
	// Actual, on the first of a group of runs, is the text the group
	// stands for (ISO 32000-1, 14.9.4, ActualText): faked small capitals
	// are drawn as capitals of two sizes, which text extraction would
	// otherwise read as "D EAR" for "Dear". EndActual closes the group.
	Actual    string
	EndActual bool
}

// rule is a horizontal line, such as the short rule above notes.
type rule struct {
	X, Y, W, Thickness Length
}

// linkArea is a clickable rectangle (top left corner X, Y): either to a page
// of this document (Page, 1-based, and the y of the target) or to a URL.
type linkArea struct {
	X, Y, W, H Length
	Page       int
	TargetY    Length
	URL        string
}

// bookmark is an outline entry pointing at Y on its page.
type bookmark struct {
	Title string
	Level int
	Y     Length
}

// labelRange starts a page-label range (ISO 32000-1, 12.4.2): from physical
// page Start (0-based) the pages are numbered in Style ("r" lower-case roman,
// "D" decimal) from First.
type labelRange struct {
	Start int
	Style string
	First int
}

// pdfSpec is what the PDF carries besides its pages.
type pdfSpec struct {
	Title, Subject, Author, Keywords, Language string
	Date                                       time.Time
	Trim                                       Trim
	// Bleed is added on the three outer edges of each page (head, foot and
	// fore-edge), never at the spine, as print-on-demand printers ask.
	Bleed  Length
	Labels []labelRange
	// Cover is a single flat sheet (a wraparound cover): bleed on all four
	// sides, no spine side.
	Cover bool
}

// fontFamilies are the names the four faces are registered under in fpdf;
// single tokens, so that renaming them afterwards cannot hit a prefix.
var fontFamilies = [...]string{"binderyfacea", "binderyfaceb", "binderyfacec", "binderyfaced"}

// psNames are the faces' PostScript names, for the subset font names.
var psNames = [...]string{"CharisSIL-Regular", "CharisSIL-Italic", "CharisSIL-Bold", "CharisSIL-BoldItalic"}

// mediaSize returns the size of the PDF page: the trim plus bleed.
func (s pdfSpec) mediaSize() (w, h Length) {
	if s.Cover {
		return s.Trim.Width + 2*s.Bleed, s.Trim.Height + 2*s.Bleed
	}
	return s.Trim.Width + s.Bleed, s.Trim.Height + 2*s.Bleed
}

// trimOrigin returns where the trimmed page's top left corner sits on the
// PDF page of physical page n (1-based): rectos (odd pages) bleed on the
// right, versos on the left.
func (s pdfSpec) trimOrigin(n int) (x, y Length) {
	if s.Cover || n%2 == 0 {
		return s.Bleed, s.Bleed
	}
	return 0, s.Bleed
}

// pdfBase is the start of a PDF that depends only on its page size and
// the faces it embeds: fpdf's document with its fonts added. Adding a font
// is the slowest part of starting a PDF (fpdf parses the TrueType file and
// fingerprints its width table), so a Typesetter has a base made while the
// book is still being set (see pendingPDFBase).
type pdfBase struct {
	f *fpdf.Fpdf
}

// newPDFBase starts a PDF of pages w by h embedding faces. Embed only the
// faces the pages use: an unused face would be an empty subset that
// preflight tools query.
func newPDFBase(w, h Length, faces faceSet) *pdfBase {
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: w.Points(), Ht: h.Points()},
	})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCatalogSort(true)
	// Page contents are compressed once, by patchPDF (deflateContents):
	// fpdf makes a new zlib writer (about 1 MB of tables) per page.
	f.SetCompression(false)
	for i, face := range fonts.Faces {
		if faces[face] {
			f.AddUTF8FontFromBytes(fontFamilies[i], "", fonts.TrueType(face))
		}
	}
	return &pdfBase{f: f}
}

// faceSet says which faces a PDF embeds.
type faceSet map[fonts.Face]bool

// pagesFaces returns the faces drawn pages use, with the regular face
// always: it is current when bookmarks are added (fpdf encodes their
// titles as UTF-16 only when a Unicode font is).
func pagesFaces(pages []pageOut) faceSet {
	inUse := faceSet{fonts.Regular: true}
	for _, p := range pages {
		for _, r := range p.runs {
			inUse[r.Face] = true
		}
	}
	return inUse
}

// pendingPDFBase is a pdfBase being made on a goroutine of its own, for
// one writer to take when its pages turn out to need the same base.
type pendingPDFBase struct {
	width, height Length
	faces         faceSet
	done          chan struct{}
	base          *pdfBase

	mu    sync.Mutex
	taken bool
}

func startPDFBase(w, h Length, faces faceSet) *pendingPDFBase {
	p := &pendingPDFBase{width: w, height: h, faces: faces, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.base = newPDFBase(w, h, faces)
	}()
	return p
}

// usable reports whether the base is for pages w by h with faces and no
// writer has taken it yet.
func (p *pendingPDFBase) usable(w, h Length, faces faceSet) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.suits(w, h, faces)
}

func (p *pendingPDFBase) suits(w, h Length, faces faceSet) bool {
	return !p.taken && p.width == w && p.height == h && maps.Equal(p.faces, faces)
}

// take returns the base, waiting for it, if it suits pages w by h with
// faces and no other writer has taken it; otherwise nil. An fpdf document
// is written once, so a base is taken once.
func (p *pendingPDFBase) take(w, h Length, faces faceSet) *pdfBase {
	if p == nil {
		return nil
	}
	p.mu.Lock()
	ok := p.suits(w, h, faces)
	p.taken = p.taken || ok
	p.mu.Unlock()
	if !ok {
		return nil
	}
	<-p.done
	return p.base
}

// writePDF draws the pages and returns the finished file, starting from
// base when it suits them (nil: start afresh).
func writePDF(spec pdfSpec, pages []pageOut, pending *pendingPDFBase) ([]byte, error) {
	mw, mh := spec.mediaSize()
	inUse := pagesFaces(pages)
	base := pending.take(mw, mh, inUse)
	if base == nil {
		base = newPDFBase(mw, mh, inUse)
	}
	f := base.f
	f.SetCreationDate(spec.Date)
	f.SetModificationDate(spec.Date)
	f.SetTitle(spec.Title, true)
	f.SetAuthor(spec.Author, true)
	f.SetSubject(spec.Subject, true)
	f.SetKeywords(spec.Keywords, true)
	f.SetCreator("bindery", true)
	f.SetProducer("bindery", true)
	if spec.Language != "" {
		f.SetLang(spec.Language)
	}
	f.SetXmpMetadata(xmpPacket(spec))
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("pdf: loading fonts: %w", err)
	}

	// Internal links need their targets declared; fpdf resolves them when
	// it writes the file, so targets on later pages are fine.
	type target struct {
		page int
		y    Length
	}
	linkIDs := map[target]int{}
	used := make([]runeSet, len(fonts.Faces))

	tw := textWriter{f: f}
	for n, p := range pages {
		pageNo := n + 1
		ox, oy := spec.trimOrigin(pageNo)
		f.AddPage()
		f.SetTextColor(0, 0, 0)
		f.SetDrawColor(0, 0, 0)
		// A font must be current before a bookmark is added, so that fpdf
		// encodes its title as UTF-16.
		f.SetFont(fontFamilies[0], "", 10)
		for _, m := range p.marks {
			f.Bookmark(m.Title, m.Level, (oy + m.Y).Points())
		}
		// The font and the horizontal scale are set only when they change:
		// most words of a line share both, and fpdf's SetFont costs more
		// than drawing the word.
		curFace, curSize, curScale, curTrack := fonts.Regular, 10*Point, 0, Length(0)
		tw.start(mh)
		for _, r := range p.runs {
			if r.Actual != "" {
				tw.flush()
				f.RawWriteStr("/Span <</ActualText " + pdfTextString(r.Actual) + ">> BDC")
			}
			if r.Text == "" {
				if r.EndActual {
					tw.flush()
					f.RawWriteStr("EMC")
				}
				continue
			}
			if r.Face != curFace || r.Size != curSize {
				// fpdf writes its own BT /F Tf ET: the open text object
				// must end first.
				tw.flush()
				f.SetFont(fontFamilies[r.Face], "", r.Size.Points())
				curFace, curSize = r.Face, r.Size
			}
			// Tc and Tz are text state parameters: they may be set inside
			// or outside a text object and hold until changed, also
			// across text objects (ISO 32000-1, 9.3.1). fpdf has no call
			// for either. Tz 100 stands for a Scale of 0.
			if r.Track != curTrack {
				tw.op(fmt.Sprintf("%.3f Tc", r.Track.Points()))
				curTrack = r.Track
			}
			if r.Scale != curScale {
				scale := r.Scale
				if scale == 0 {
					scale = 1000
				}
				tw.op(strconv.FormatFloat(float64(scale)/10, 'f', -1, 64) + " Tz")
				curScale = r.Scale
			}
			if r.Down {
				tw.flush()
				f.TransformBegin()
				f.TransformRotate(-90, (ox + r.X).Points(), (oy + r.Y).Points())
				f.Text((ox + r.X).Points(), (oy + r.Y).Points(), r.Text)
				f.TransformEnd()
			} else {
				tw.word(ox+r.X, oy+r.Y, r.Text)
			}
			if r.EndActual {
				tw.flush()
				f.RawWriteStr("EMC")
			}
			used[r.Face].addString(r.Text)
		}
		tw.flush()
		for _, r := range p.rules {
			f.SetLineWidth(r.Thickness.Points())
			f.Line((ox + r.X).Points(), (oy + r.Y).Points(), (ox + r.X + r.W).Points(), (oy + r.Y).Points())
		}
		for _, l := range p.links {
			x, y, w, h := (ox + l.X).Points(), (oy + l.Y).Points(), l.W.Points(), l.H.Points()
			if l.URL != "" {
				f.LinkString(x, y, w, h, l.URL)
				continue
			}
			t := target{l.Page, l.TargetY}
			id, ok := linkIDs[t]
			if !ok {
				id = f.AddLink()
				_, ty := spec.trimOrigin(l.Page)
				f.SetLink(id, (ty + l.TargetY).Points(), l.Page)
				linkIDs[t] = id
			}
			f.Link(x, y, w, h, id)
		}
		// fpdf holds the page now: let the runs go, so the pages drawn
		// and the pages written are not all in memory at once.
		pages[n] = pageOut{}
	}
	markUsed(f, inUse, used)
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: writing: %w", err)
	}

	renames := map[string]string{}
	for i, face := range fonts.Faces {
		if inUse[face] {
			renames[fontFamilies[i]] = subsetTag(psNames[i], used[i].runes()) + "+" + psNames[i]
		}
	}
	boxes := make([]string, len(pages))
	for n := range pages {
		ox, oy := spec.trimOrigin(n + 1)
		// PDF y grows upwards: the trim's lower left corner is at the bleed.
		trim := fmt.Sprintf("[%s %s %s %s]", num(ox), num(oy), num(ox+spec.Trim.Width), num(oy+spec.Trim.Height))
		media := fmt.Sprintf("[0 0 %s %s]", num(mw), num(mh))
		boxes[n] = "/MediaBox " + media + " /TrimBox " + trim + " /BleedBox " + media + " /CropBox " + media
	}
	return patchPDF(buf.Bytes(), boxes, pageLabels(spec.Labels), renames)
}

// pdfTextString writes s as a PDF text string: UTF-16BE with a byte-order
// mark, in hexadecimal so no character needs escaping.
func pdfTextString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// num formats a length in points for a PDF dictionary.
func num(l Length) string {
	return strconv.FormatFloat(math.Round(l.Points()*1000)/1000, 'f', -1, 64)
}

// subsetTag derives the six capital letters that name a font subset
// (ISO 32000-1, 9.6.4) from the face and the characters it carries (in
// ascending order), so the same text gives the same name and a different
// subset a different one.
func subsetTag(face string, runes []rune) string {
	h := sha256.New()
	h.Write([]byte(face))
	for _, r := range runes {
		fmt.Fprintf(h, ",%d", r)
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// runeSet is the set of characters drawn in one face: a bit for each
// character of the Basic Multilingual Plane, where nearly all text lies,
// and a map for the rest. Adding every character drawn to a map cost more
// than drawing it.
type runeSet struct {
	bmp   [0x10000 / 64]uint64
	other map[rune]bool
}

// addString adds the characters of s.
func (s *runeSet) addString(text string) {
	for _, r := range text {
		if r < 0x10000 {
			s.bmp[r/64] |= 1 << (r % 64)
			continue
		}
		if s.other == nil {
			s.other = map[rune]bool{}
		}
		s.other[r] = true
	}
}

// runes returns the set's characters in ascending order.
func (s *runeSet) runes() []rune {
	var list []rune
	for i, w := range s.bmp {
		for ; w != 0; w &= w - 1 {
			list = append(list, rune(i*64+bits.TrailingZeros64(w)))
		}
	}
	var more []rune
	for r := range s.other {
		more = append(more, r)
	}
	slices.Sort(more)
	return append(list, more...)
}

// pageLabels writes the /PageLabels number tree (ISO 32000-1, 12.4.2).
func pageLabels(ranges []labelRange) string {
	if len(ranges) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("/PageLabels << /Nums [")
	for _, r := range ranges {
		fmt.Fprintf(&b, " %d << /S /%s", r.Start, r.Style)
		if r.First != 1 {
			fmt.Fprintf(&b, " /St %d", r.First)
		}
		b.WriteString(" >>")
	}
	b.WriteString(" ] >>")
	return b.String()
}

// xmpPacket is the XMP metadata stream (ISO 16684-1) repeating the document
// information dictionary, as PDF/X and PDF/A readers expect.
func xmpPacket(s pdfSpec) []byte {
	date := s.Date.UTC().Format("2006-01-02T15:04:05Z")
	esc := func(v string) string {
		var b bytes.Buffer
		_ = xmlEscape(&b, v)
		return b.String()
	}
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>` + "\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">` + "\n")
	b.WriteString(`<dc:format>application/pdf</dc:format>` + "\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(s.Title))
	if s.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(s.Author))
	}
	if s.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(s.Subject))
	}
	if s.Language != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(s.Language))
	}
	if s.Keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(s.Keywords))
	}
	b.WriteString("<pdf:Producer>bindery</pdf:Producer>\n<xmp:CreatorTool>bindery</xmp:CreatorTool>\n")
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return []byte(b.String())
}

// xmlEscape escapes the five XML special characters.
func xmlEscape(b *bytes.Buffer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")
	_, err := r.WriteString(b, s)
	return err
}

var (
	kidsRe      = regexp.MustCompile(`/Kids \[([0-9 R]*)\]`)
	mediaBoxRe  = regexp.MustCompile(`/MediaBox \[[^\]]*\]\n?`)
	trailerRoot = regexp.MustCompile(`/Root (\d+) 0 R`)
)

// pdfObject is one indirect object of a file fpdf wrote: its number and its
// bytes from "N 0 obj" to the end of "endobj".
type pdfObject struct {
	num    int
	offset int
	body   []byte
}

// patchPDF rewrites fpdf's output: each page gets its boxes (pageBoxes[i]
// replaces the MediaBox fpdf wrote), the catalog its page labels, fonts
// their subset names (renames maps fpdf's family names to the new names);
// the page contents, which fpdf left uncompressed, are compressed; then the
// cross-reference table is rebuilt. Only dictionaries are edited, and the
// page content streams compressed; no other stream is touched.
func patchPDF(raw []byte, pageBoxes []string, labels string, renames map[string]string) ([]byte, error) {
	objs, header, trailer, err := splitPDF(raw)
	if err != nil {
		return nil, err
	}
	byNum := map[int]*pdfObject{}
	for i := range objs {
		byNum[objs[i].num] = &objs[i]
	}
	m := trailerRoot.FindSubmatch(trailer)
	if m == nil {
		return nil, fmt.Errorf("pdf: trailer has no /Root")
	}
	root, _ := strconv.Atoi(string(m[1]))
	cat, ok := byNum[root]
	if !ok {
		return nil, fmt.Errorf("pdf: catalog object %d missing", root)
	}
	if labels != "" {
		cat.body = bytes.Replace(cat.body, []byte("/Type /Catalog\n"), []byte("/Type /Catalog\n"+labels+"\n"), 1)
	}

	pagesRoot, ok := byNum[1]
	if !ok {
		return nil, fmt.Errorf("pdf: page tree object 1 missing")
	}
	km := kidsRe.FindSubmatch(pagesRoot.body)
	if km == nil {
		return nil, fmt.Errorf("pdf: page tree has no /Kids")
	}
	kids := strings.Fields(strings.ReplaceAll(string(km[1]), "R", ""))
	var pageNums []int
	for i := 0; i+1 < len(kids); i += 2 {
		n, err := strconv.Atoi(kids[i])
		if err != nil {
			return nil, fmt.Errorf("pdf: bad /Kids entry %q", kids[i])
		}
		pageNums = append(pageNums, n)
	}
	if len(pageNums) != len(pageBoxes) {
		return nil, fmt.Errorf("pdf: %d pages written, %d expected", len(pageNums), len(pageBoxes))
	}
	var contents []pageContents
	for i, n := range pageNums {
		p, ok := byNum[n]
		if !ok {
			return nil, fmt.Errorf("pdf: page object %d missing", n)
		}
		if cm := contentsRe.FindSubmatch(p.body); cm != nil {
			cn, _ := strconv.Atoi(string(cm[1]))
			if c, ok := byNum[cn]; ok {
				contents = append(contents, pageContents{page: i + 1, obj: c})
			}
		}
		dict := mediaBoxRe.ReplaceAll(p.body, nil)
		p.body = bytes.Replace(dict, []byte("/Parent 1 0 R\n"), []byte("/Parent 1 0 R\n"+pageBoxes[i]+"\n"), 1)
	}
	if err := deflateContents(contents); err != nil {
		return nil, err
	}

	// Font names: only in dictionaries, before any stream keyword.
	families := make([]string, 0, len(renames))
	for k := range renames {
		families = append(families, k)
	}
	sort.Strings(families)
	for i := range objs {
		o := &objs[i]
		dict, rest := o.body, []byte(nil)
		if k := bytes.Index(o.body, []byte("stream\n")); k >= 0 {
			dict, rest = o.body[:k], o.body[k:]
		}
		if !bytes.Contains(dict, []byte("/utf8")) {
			continue
		}
		for _, fam := range families {
			dict = bytes.ReplaceAll(dict, []byte("/utf8"+fam), []byte("/"+renames[fam]))
		}
		o.body = append(append([]byte{}, dict...), rest...)
	}

	// /Lang, XMP and page labels need PDF 1.4; fpdf writes 1.3.
	header = bytes.Replace(header, []byte("%PDF-1.3"), []byte("%PDF-1.4"), 1)

	var out bytes.Buffer
	out.Write(header)
	maxNum := 0
	offsets := map[int]int{}
	for _, o := range objs {
		offsets[o.num] = out.Len()
		out.Write(o.body)
		if o.num > maxNum {
			maxNum = o.num
		}
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", maxNum+1)
	for n := 1; n <= maxNum; n++ {
		off, ok := offsets[n]
		if !ok {
			fmt.Fprintf(&out, "0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	out.WriteString("trailer\n")
	out.Write(trailer)
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}

// splitPDF cuts a classic (non-stream xref) PDF into the bytes before the
// first object, its objects in file order, and the trailer dictionary. It
// relies on the cross-reference table, not on scanning, so stream data that
// happens to contain "endobj" cannot confuse it.
func splitPDF(raw []byte) (objs []pdfObject, header, trailer []byte, err error) {
	sx := bytes.LastIndex(raw, []byte("startxref"))
	if sx < 0 {
		return nil, nil, nil, fmt.Errorf("pdf: no startxref")
	}
	fields := strings.Fields(string(raw[sx+len("startxref"):]))
	if len(fields) == 0 {
		return nil, nil, nil, fmt.Errorf("pdf: empty startxref")
	}
	xref, err := strconv.Atoi(fields[0])
	if err != nil || xref <= 0 || xref >= len(raw) || !bytes.HasPrefix(raw[xref:], []byte("xref")) {
		return nil, nil, nil, fmt.Errorf("pdf: bad startxref %q", fields[0])
	}
	tr := bytes.Index(raw[xref:], []byte("trailer"))
	if tr < 0 {
		return nil, nil, nil, fmt.Errorf("pdf: no trailer")
	}
	table := strings.Split(strings.TrimSpace(string(raw[xref+len("xref"):xref+tr])), "\n")
	if len(table) < 1 {
		return nil, nil, nil, fmt.Errorf("pdf: empty xref")
	}
	sub := strings.Fields(table[0])
	if len(sub) != 2 || sub[0] != "0" {
		return nil, nil, nil, fmt.Errorf("pdf: unexpected xref subsection %q", table[0])
	}
	count, _ := strconv.Atoi(sub[1])
	if len(table) != count+1 {
		return nil, nil, nil, fmt.Errorf("pdf: xref lists %d entries, header says %d", len(table)-1, count)
	}
	for n := 1; n < count; n++ {
		e := strings.Fields(table[n+1])
		if len(e) != 3 || e[2] != "n" {
			continue
		}
		off, err := strconv.Atoi(e[0])
		if err != nil || off <= 0 || off >= xref {
			return nil, nil, nil, fmt.Errorf("pdf: bad offset for object %d", n)
		}
		objs = append(objs, pdfObject{num: n, offset: off})
	}
	if len(objs) == 0 {
		return nil, nil, nil, fmt.Errorf("pdf: no objects")
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].offset < objs[j].offset })
	for i := range objs {
		end := xref
		if i+1 < len(objs) {
			end = objs[i+1].offset
		}
		objs[i].body = raw[objs[i].offset:end]
		if !bytes.HasPrefix(objs[i].body, []byte(strconv.Itoa(objs[i].num)+" 0 obj")) {
			return nil, nil, nil, fmt.Errorf("pdf: object %d not at its offset", objs[i].num)
		}
	}
	header = raw[:objs[0].offset]
	t := raw[xref+tr+len("trailer") : sx]
	trailer = bytes.TrimLeft(t, "\n")
	return objs, header, trailer, nil
}

var contentsRe = regexp.MustCompile(`/Contents (\d+) 0 R`)

// pageContents is the content stream object of a page (1-based).
type pageContents struct {
	page int
	obj  *pdfObject
}

// deflateContents compresses the pages' content streams, the bulk of the
// compressing a book needs. The streams are independent, so they are shared
// among as many workers as there are processors, each reusing one zlib
// writer for its pages: fpdf would make a new writer, about 1 MB of tables,
// per page. Each result goes to its own object, so the file does not depend
// on which worker took which page.
func deflateContents(contents []pageContents) error {
	workers := min(runtime.GOMAXPROCS(0), len(contents))
	errs := make([]error, len(contents))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(contents) {
					return
				}
				c := contents[i]
				body, err := deflateStream(c.obj.body, zw, &buf)
				if err != nil {
					errs[i] = fmt.Errorf("pdf: page %d contents: %w", c.page, err)
					continue
				}
				c.obj.body = body
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// deflateStream compresses the stream of an object written uncompressed
// ("N 0 obj\n<</Length L>>\nstream\n...\nendstream\nendobj\n"), with zw
// reset for it; an object already filtered is returned as it is.
func deflateStream(obj []byte, zw *zlib.Writer, buf *bytes.Buffer) ([]byte, error) {
	k := bytes.Index(obj, []byte("stream\n"))
	e := bytes.LastIndex(obj, []byte("\nendstream"))
	if k < 0 || e < k || bytes.Contains(obj[:k], []byte("/Filter")) {
		return obj, nil
	}
	head := obj[:k]
	d := bytes.Index(head, []byte("<<"))
	if d < 0 {
		return obj, nil
	}
	buf.Reset()
	zw.Reset(buf)
	if _, err := zw.Write(obj[k+len("stream\n") : e]); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(buf.Len() + 64)
	out.Write(head[:d])
	fmt.Fprintf(&out, "<</Filter /FlateDecode /Length %d>>\nstream\n", buf.Len())
	out.Write(buf.Bytes())
	out.Write(obj[e:])
	return out.Bytes(), nil
}

// textWriter writes a page's words as few text objects as it can: the words
// drawn in one face and size between two font changes share one BT … ET,
// each placed by its own text matrix (Tm, ISO 32000-1, 9.4.2). fpdf's Text
// writes a text object per call, its position formatted with fmt; for a
// book of words that was most of the time spent writing the PDF and most of
// the page contents. The words land exactly where Text put them: positions
// are rounded to hundredths of a point as Text rounds them, and stay
// absolute, since a Td relative to the word before would leave the viewer
// to add decimals in binary floating point, one pixel's antialiasing off
// here and there.
type textWriter struct {
	f      *fpdf.Fpdf
	height Length // of the PDF page, to turn y upwards
	buf    []byte
	inText bool
}

// start begins a page of the given height.
func (w *textWriter) start(height Length) {
	w.height = height
	w.buf = w.buf[:0]
	w.inText = false
}

// word draws text in the current font with its baseline starting at (x, y)
// on the PDF page, measured from the top left corner.
func (w *textWriter) word(x, y Length, text string) {
	if !w.inText {
		w.buf = append(w.buf, "BT\n"...)
		w.inText = true
	}
	w.buf = append(w.buf, "1 0 0 1 "...)
	w.buf = appendHundredths(w.buf, hundredths(x))
	w.buf = append(w.buf, ' ')
	w.buf = appendHundredths(w.buf, hundredths(w.height-y))
	w.buf = append(w.buf, " Tm ("...)
	w.buf = appendUTF16String(w.buf, text)
	w.buf = append(w.buf, ") Tj\n"...)
}

// op adds an operator line that is valid inside and outside text objects
// (a text state operator such as Tc or Tz).
func (w *textWriter) op(s string) {
	w.buf = append(w.buf, s...)
	w.buf = append(w.buf, '\n')
}

// flush ends the open text object, if any, and hands what was written to
// fpdf; it must run before any fpdf call that writes to the page.
func (w *textWriter) flush() {
	if w.inText {
		w.buf = append(w.buf, "ET\n"...)
		w.inText = false
	}
	if len(w.buf) == 0 {
		return
	}
	// RawWriteStr adds its own newline.
	w.f.RawWriteStr(string(w.buf[:len(w.buf)-1]))
	w.buf = w.buf[:0]
}

// hundredths returns l in hundredths of a point, rounded to the nearest
// and ties to even, as fpdf's "%.2f" rounds the same (exact) value.
func hundredths(l Length) int64 {
	return int64(math.RoundToEven(l.Points() * 100))
}

// appendHundredths writes n hundredths of a point as a PDF number, with no
// trailing zeros: 12345 as 123.45, 1230 as 12.3, -5 as -0.05.
func appendHundredths(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	if frac := n % 100; frac != 0 {
		b = append(b, '.', byte('0'+frac/10))
		if frac%10 != 0 {
			b = append(b, byte('0'+frac%10))
		}
	}
	return b
}

// appendUTF16String writes text as the body of a PDF literal string of
// two-byte codes, the encoding (Identity-H, code = Unicode value) fpdf's
// UTF-8 fonts use: UTF-16BE, with the bytes a literal string cannot hold as
// they are escaped as fpdf escapes them (ISO 32000-1, 7.3.4.2).
func appendUTF16String(b []byte, text string) []byte {
	put := func(c byte) {
		switch c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	for _, r := range text {
		if r > 0xFFFF {
			// fpdf's character-to-glyph map covers the Basic
			// Multilingual Plane only; the code drawn is a surrogate
			// pair, as UTF-16 has it, and shows nothing.
			r1, r2 := utf16.EncodeRune(r)
			put(byte(r1 >> 8))
			put(byte(r1))
			put(byte(r2 >> 8))
			put(byte(r2))
			continue
		}
		put(byte(r >> 8))
		put(byte(r))
	}
	return b
}

// markUsed tells fpdf which characters of each face the pages drew, so that
// its subsets carry their glyphs: fpdf learns them only through its own
// text calls, and textWriter writes the words itself. The calls are made in
// a template, which shares the document's fonts and is never placed on a
// page, so what it draws is not written to the file. That the template's
// text reaches the document's subsets rests on fpdf (v0.12) sharing its
// font table with the templates it creates; TestWritePDFTextObjects reads
// the words back to check it.
func markUsed(f *fpdf.Fpdf, inUse map[fonts.Face]bool, used []runeSet) {
	f.CreateTemplate(func(t *fpdf.Tpl) {
		defer func() {
			if err := t.Error(); err != nil {
				f.SetError(fmt.Errorf("registering the characters drawn: %w", err))
			}
		}()
		for i, face := range fonts.Faces {
			runes := used[i].runes()
			if !inUse[face] || len(runes) == 0 {
				continue
			}
			t.SetFont(fontFamilies[i], "", 10)
			t.Text(0, 0, string(runes))
		}
	})
}
