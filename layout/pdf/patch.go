package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bindery-editions/bindery/layout"
)

// pageLabels writes the /PageLabels number tree (ISO 32000-1, 12.4.2).
func pageLabels(ranges []layout.LabelRange) string {
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
func xmpPacket(s *layout.Drawing) []byte {
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
func patchPDF(raw []byte, pageBoxes []string, labels string, renames map[string]string, workers int) ([]byte, error) {
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
	if err := deflateContents(contents, workers); err != nil {
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
func deflateContents(contents []pageContents, workers int) error {
	workers = max(1, min(workers, len(contents)))
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
