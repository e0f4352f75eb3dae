package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	_ "embed"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/unit"
)

// The post-pass. fpdf writes a classic PDF: one cross-reference table, its
// page contents uncompressed (we ask it to), fonts named after the
// families they were registered under, no page labels, boxes or output
// intent. finish turns that file into the one a reader or a printer is
// given, in one pass over its objects:
//
//   - the objects are found through fpdf's cross-reference table, never by
//     scanning (stream data may hold any bytes), and each dictionary to be
//     edited is parsed, edited and written back with pdfcpu's object
//     types: no regular expression touches the file;
//   - each page gets its MediaBox, TrimBox and BleedBox (ISO 32000-1,
//     14.11.2), its content stream compressed, on every processor;
//   - each font gets its subset name (9.6.4) and a ToUnicode CMap of the
//     glyphs drawn (9.10.3), from glyphfont's encoders;
//   - the catalog gets the page labels (12.4.2), and loses fpdf's
//     /PageMode /UseOutlines unless the drawing is for a screen;
//   - a print file declares PDF/X-4 (ISO 15930-7): an output intent with
//     the grey output profile in icc/, GTS_PDFXVersion and /Trapped in the
//     document information and in the XMP (see xmpPacket), and a file
//     identifier;
//   - the cross-reference table is written anew.
//
// Unchanged objects are copied byte for byte; new objects (the output
// intent and its profile) take the next numbers. Every assumption about
// fpdf's output is checked as it is used, and an output of another shape
// is an error naming what changed (TestFpdfOutputShape exercises them on
// fpdf's real output), never a quietly broken file.

//go:embed icc/Gray-output.icc
var outputProfile []byte

// finishing says what the post-pass makes of fpdf's file.
type finishing struct {
	boxes       []pageBoxes // one per page, in order
	labels      []drawing.LabelRange
	fonts       map[string]finishedFont // by the name fpdf gave the font
	pdfx        bool
	showOutline bool
	workers     int
	tags        *tagging // the marked content of a tagged file; nil for an untagged one
}

// pageBoxes are a page's media and trim boxes, in PDF space: x0 y0 x1 y1.
type pageBoxes struct {
	media, trim [4]unit.Length
}

// finishedFont is a font's subset name and ToUnicode CMap.
type finishedFont struct {
	name      string
	toUnicode []byte
}

// errShape is wrapped by every error that says fpdf's output is not what
// the post-pass expects.
var errShape = errors.New("fpdf's output changed shape")

func shapeError(format string, args ...any) error {
	return fmt.Errorf("pdf: %w: "+format, append([]any{errShape}, args...)...)
}

// pdfObject is one indirect object of fpdf's file.
type pdfObject struct {
	num    int
	offset int
	body   []byte // from "N 0 obj" to the end of "endobj"

	dict   types.Dict // parsed by parse; nil until then
	stream []byte     // the stream's data, as parse found it
	edited bool       // write dict and stream anew
}

// file is fpdf's file cut into its parts.
type file struct {
	header  []byte
	objs    []*pdfObject
	byNum   map[int]*pdfObject
	trailer types.Dict
	maxNum  int
	// pageObjs are the page objects, in order (see pages).
	pageObjs []*pdfObject
}

// finish applies the post-pass to raw, fpdf's file.
func finish(raw []byte, fin finishing) ([]byte, error) {
	objs, header, trailer, err := splitPDF(raw)
	if err != nil {
		return nil, err
	}
	f := &file{header: header, byNum: map[int]*pdfObject{}}
	for i := range objs {
		o := &objs[i]
		f.objs = append(f.objs, o)
		f.byNum[o.num] = o
		f.maxNum = max(f.maxNum, o.num)
	}
	tr := string(trailer)
	t, err := model.ParseObject(&tr)
	if err != nil {
		return nil, shapeError("the trailer does not parse: %v", err)
	}
	var ok bool
	if f.trailer, ok = t.(types.Dict); !ok {
		return nil, shapeError("the trailer is not a dictionary")
	}
	catalog, err := f.dictAt(f.trailer, "Root", "Catalog")
	if err != nil {
		return nil, err
	}
	contents, resources, err := f.pages(catalog, fin.boxes)
	if err != nil {
		return nil, err
	}
	if fin.tags != nil {
		if err := f.writeStructure(catalog, f.pageObjs, fin.tags); err != nil {
			return nil, err
		}
	}
	if err := f.fonts(resources, fin.fonts); err != nil {
		return nil, err
	}
	if len(fin.labels) > 0 {
		catalog.dict.Update("PageLabels", pageLabels(fin.labels))
	}
	if !fin.showOutline {
		catalog.dict.Delete("PageMode")
	}
	catalog.edited = true
	info, err := f.dictAt(f.trailer, "Info", "")
	if err != nil {
		return nil, err
	}
	if fin.pdfx {
		f.declarePDFX(catalog, info)
		// The file identifier PDF/X asks for (ISO 32000-1, 14.4),
		// derived from the file itself so that it is reproducible.
		sum := sha256.Sum256(raw)
		id := types.HexLiteral(fmt.Sprintf("%X", sum[:16]))
		f.trailer.Update("ID", types.Array{id, id})
	}
	if err := deflateContents(contents, fin.workers); err != nil {
		return nil, err
	}
	version := "1.4" // /Lang, XMP metadata
	if fin.pdfx {
		version = "1.6" // PDF/X-4 is based on PDF 1.6
	}
	return f.write(version)
}

// parse parses o's dictionary, and finds its stream's data by the length
// the dictionary gives.
func (o *pdfObject) parse() error {
	if o.dict != nil {
		return nil
	}
	head := strconv.Itoa(o.num) + " 0 obj"
	if !bytes.HasPrefix(o.body, []byte(head)) {
		return shapeError("object %d is not at its offset", o.num)
	}
	rest := o.body[len(head):]
	end := bytes.LastIndex(rest, []byte("endobj"))
	if end < 0 {
		return shapeError("object %d has no endobj", o.num)
	}
	text := rest[:end]
	k := bytes.Index(rest, []byte(">>\nstream\n"))
	if k >= 0 {
		text = rest[:k+2]
	}
	s := string(text)
	obj, err := model.ParseObject(&s)
	if err != nil {
		return shapeError("object %d does not parse: %v", o.num, err)
	}
	d, ok := obj.(types.Dict)
	if !ok {
		return shapeError("object %d is not a dictionary", o.num)
	}
	o.dict = d
	if k >= 0 {
		n := d.IntEntry("Length")
		start := k + len(">>\nstream\n")
		if n == nil || start+*n > len(rest) || !bytes.HasPrefix(rest[start+*n:], []byte("\nendstream")) {
			return shapeError("object %d: the stream's /Length does not end it", o.num)
		}
		o.stream = rest[start : start+*n]
	}
	return nil
}

// dictAt returns the object that d's entry key refers to, parsed, checking
// its /Type when typ is not empty.
func (f *file) dictAt(d types.Dict, key, typ string) (*pdfObject, error) {
	ref := d.IndirectRefEntry(key)
	if ref == nil {
		return nil, shapeError("no indirect /%s", key)
	}
	return f.object(*ref, typ)
}

// object returns the object ref refers to, parsed, checking its /Type when
// typ is not empty.
func (f *file) object(ref types.IndirectRef, typ string) (*pdfObject, error) {
	o, ok := f.byNum[ref.ObjectNumber.Value()]
	if !ok {
		return nil, shapeError("object %d is missing", ref.ObjectNumber.Value())
	}
	if err := o.parse(); err != nil {
		return nil, err
	}
	if typ != "" {
		if t := o.dict.Type(); t == nil || *t != typ {
			return nil, shapeError("object %d is not a /%s", o.num, typ)
		}
	}
	return o, nil
}

// pages gives each page its boxes and returns its content streams and the
// resource dictionaries the pages use, in order, each once.
func (f *file) pages(catalog *pdfObject, boxes []pageBoxes) ([]pageContents, []*pdfObject, error) {
	tree, err := f.dictAt(catalog.dict, "Pages", "Pages")
	if err != nil {
		return nil, nil, err
	}
	kids := tree.dict.ArrayEntry("Kids")
	if len(kids) != len(boxes) {
		return nil, nil, shapeError("the page tree has %d kids for %d pages (one level of pages expected)", len(kids), len(boxes))
	}
	var contents []pageContents
	var resources []*pdfObject
	seen := map[int]bool{}
	for i, k := range kids {
		ref, ok := k.(types.IndirectRef)
		if !ok {
			return nil, nil, shapeError("page %d is not an indirect object", i+1)
		}
		pg, err := f.object(ref, "Page")
		if err != nil {
			return nil, nil, err
		}
		b := boxes[i]
		pg.dict.Update("MediaBox", box(b.media))
		pg.dict.Update("TrimBox", box(b.trim))
		// Bleed is the media beyond the trim, when there is any: the
		// BleedBox is the MediaBox.
		pg.dict.Update("BleedBox", box(b.media))
		pg.dict.Delete("CropBox")
		pg.edited = true
		f.pageObjs = append(f.pageObjs, pg)
		c, err := f.dictAt(pg.dict, "Contents", "")
		if err != nil {
			return nil, nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		if c.stream == nil || c.dict["Filter"] != nil {
			return nil, nil, shapeError("page %d's contents are not one uncompressed stream", i+1)
		}
		contents = append(contents, pageContents{page: i + 1, obj: c})
		r, err := f.dictAt(pg.dict, "Resources", "")
		if err != nil {
			return nil, nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		if !seen[r.num] {
			seen[r.num] = true
			resources = append(resources, r)
		}
	}
	return contents, resources, nil
}

// box is a rectangle as a PDF array, each number in points rounded to a
// thousandth.
func box(r [4]unit.Length) types.Array {
	a := make(types.Array, 4)
	for i, l := range r {
		v := math.Round(l.Points()*1000) / 1000
		if v == math.Trunc(v) {
			a[i] = types.Integer(int(v))
		} else {
			a[i] = types.Float(v)
		}
	}
	return a
}

// fonts renames the Type0 fonts the resources use and gives each its
// ToUnicode CMap.
func (f *file) fonts(resources []*pdfObject, finished map[string]finishedFont) error {
	done := map[string]bool{}
	for _, r := range resources {
		d, ok := r.dict.Find("Font")
		if !ok {
			continue
		}
		fontDict, ok := d.(types.Dict)
		if !ok {
			return shapeError("the /Font resources of object %d are not a direct dictionary", r.num)
		}
		names := make([]string, 0, len(fontDict))
		for k := range fontDict {
			names = append(names, k)
		}
		slices.Sort(names)
		for _, k := range names {
			ref, ok := fontDict[k].(types.IndirectRef)
			if !ok {
				return shapeError("font /%s is not an indirect object", k)
			}
			font, err := f.object(ref, "Font")
			if err != nil {
				return err
			}
			base := font.dict.NameEntry("BaseFont")
			if base == nil {
				return shapeError("font %d has no /BaseFont", font.num)
			}
			fin, ok := finished[*base]
			if !ok || done[*base] {
				continue
			}
			if err := f.finishFont(font, fin); err != nil {
				return fmt.Errorf("font %s: %w", *base, err)
			}
			done[*base] = true
		}
	}
	for name := range finished {
		if !done[name] {
			return shapeError("no font %s in the pages' resources", name)
		}
	}
	return nil
}

// finishFont names a Type0 font, its CIDFont and their descriptor, and
// replaces its ToUnicode stream by fin's CMap.
func (f *file) finishFont(font *pdfObject, fin finishedFont) error {
	if st := font.dict.NameEntry("Subtype"); st == nil || *st != "Type0" {
		return shapeError("font %d is not a Type0 font", font.num)
	}
	font.dict.Update("BaseFont", types.Name(fin.name))
	font.edited = true
	tu, err := f.dictAt(font.dict, "ToUnicode", "")
	if err != nil {
		return err
	}
	if tu.stream == nil {
		return shapeError("the ToUnicode of font %d is not a stream", font.num)
	}
	// Left uncompressed: a few kilobytes, and a zlib writer costs a
	// megabyte of tables.
	tu.dict = types.Dict{"Length": types.Integer(len(fin.toUnicode))}
	tu.stream, tu.edited = fin.toUnicode, true
	kids := font.dict.ArrayEntry("DescendantFonts")
	if len(kids) != 1 {
		return shapeError("font %d has %d descendant fonts, not one", font.num, len(kids))
	}
	ref, ok := kids[0].(types.IndirectRef)
	if !ok {
		return shapeError("the descendant of font %d is not an indirect object", font.num)
	}
	cid, err := f.object(ref, "Font")
	if err != nil {
		return err
	}
	cid.dict.Update("BaseFont", types.Name(fin.name))
	cid.edited = true
	desc, err := f.dictAt(cid.dict, "FontDescriptor", "FontDescriptor")
	if err != nil {
		return err
	}
	desc.dict.Update("FontName", types.Name(fin.name))
	desc.edited = true
	return nil
}

// declarePDFX adds what PDF/X-4 asks of the catalog and the document
// information (ISO 15930-7:2010, 6.2): an output intent whose profile
// describes black ink on paper, the version and the trapping state.
func (f *file) declarePDFX(catalog, info *pdfObject) {
	profile := f.add(types.Dict{"N": types.Integer(1), "Length": types.Integer(len(outputProfile))}, outputProfile)
	intent := f.add(types.Dict{
		"Type":                      types.Name("OutputIntent"),
		"S":                         types.Name("GTS_PDFX"),
		"OutputCondition":           types.StringLiteral("Black ink on uncoated paper"),
		"OutputConditionIdentifier": types.StringLiteral("Custom"),
		"Info":                      types.StringLiteral("One colour, black (K) only"),
		"DestOutputProfile":         *types.NewIndirectRef(profile, 0),
	}, nil)
	catalog.dict.Update("OutputIntents", types.Array{*types.NewIndirectRef(intent, 0)})
	info.dict.Update("GTS_PDFXVersion", types.StringLiteral("PDF/X-4"))
	info.dict.Update("Trapped", types.Name("False"))
	info.edited = true
}

// add appends a new object and returns its number.
func (f *file) add(d types.Dict, stream []byte) int {
	f.maxNum++
	o := &pdfObject{num: f.maxNum, dict: d, stream: stream, edited: true}
	f.objs = append(f.objs, o)
	f.byNum[o.num] = o
	return o.num
}

// write writes the file: the header with version, the objects in order,
// a new cross-reference table and the trailer.
func (f *file) write(version string) ([]byte, error) {
	size := len(f.header) + 64*len(f.objs)
	for _, o := range f.objs {
		size += len(o.body) + len(o.stream)
	}
	out := bytes.NewBuffer(make([]byte, 0, size+20*(f.maxNum+1)))
	header := f.header
	if !bytes.HasPrefix(header, []byte("%PDF-1.")) {
		return nil, shapeError("the file does not begin %%PDF-1.")
	}
	out.WriteString("%PDF-" + version)
	out.Write(header[len("%PDF-1.x"):])
	offsets := make([]int, f.maxNum+1)
	for _, o := range f.objs {
		offsets[o.num] = out.Len()
		if !o.edited {
			out.Write(o.body)
			continue
		}
		fmt.Fprintf(out, "%d 0 obj\n", o.num)
		if o.stream != nil {
			o.dict.Update("Length", types.Integer(len(o.stream)))
		}
		out.WriteString(o.dict.PDFString())
		if o.stream != nil {
			out.WriteString("\nstream\n")
			out.Write(o.stream)
			out.WriteString("\nendstream")
		}
		out.WriteString("\nendobj\n")
	}
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", f.maxNum+1)
	for n := 1; n <= f.maxNum; n++ {
		if offsets[n] == 0 {
			out.WriteString("0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(out, "%010d 00000 n \n", offsets[n])
	}
	f.trailer.Update("Size", types.Integer(f.maxNum+1))
	out.WriteString("trailer\n")
	out.WriteString(f.trailer.PDFString())
	fmt.Fprintf(out, "\nstartxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}

// pageLabels is the /PageLabels number tree (ISO 32000-1, 12.4.2).
func pageLabels(ranges []drawing.LabelRange) types.Dict {
	nums := types.Array{}
	for _, r := range ranges {
		d := types.Dict{"S": types.Name(r.Style)}
		if r.First != 1 {
			d["St"] = types.Integer(r.First)
		}
		nums = append(nums, types.Integer(r.Start), d)
	}
	return types.Dict{"Nums": nums}
}

// splitPDF cuts a classic (non-stream xref) PDF into the bytes before the
// first object, its objects in file order, and the trailer dictionary. It
// relies on the cross-reference table, not on scanning, so stream data that
// happens to contain "endobj" cannot confuse it.
func splitPDF(raw []byte) (objs []pdfObject, header, trailer []byte, err error) {
	sx := bytes.LastIndex(raw, []byte("startxref"))
	if sx < 0 {
		return nil, nil, nil, shapeError("no startxref")
	}
	fields := strings.Fields(string(raw[sx+len("startxref"):]))
	if len(fields) == 0 {
		return nil, nil, nil, shapeError("empty startxref")
	}
	xref, err := strconv.Atoi(fields[0])
	if err != nil || xref <= 0 || xref >= len(raw) || !bytes.HasPrefix(raw[xref:], []byte("xref")) {
		return nil, nil, nil, shapeError("bad startxref %q", fields[0])
	}
	tr := bytes.Index(raw[xref:], []byte("trailer"))
	if tr < 0 {
		return nil, nil, nil, shapeError("no trailer")
	}
	table := strings.Split(strings.TrimSpace(string(raw[xref+len("xref"):xref+tr])), "\n")
	sub := strings.Fields(table[0])
	if len(sub) != 2 || sub[0] != "0" {
		return nil, nil, nil, shapeError("the cross-reference table is not one section from 0 (%q)", table[0])
	}
	count, _ := strconv.Atoi(sub[1])
	if len(table) != count+1 {
		return nil, nil, nil, shapeError("the cross-reference table lists %d entries, its header %d", len(table)-1, count)
	}
	for n := 1; n < count; n++ {
		e := strings.Fields(table[n+1])
		if len(e) != 3 || e[2] != "n" {
			continue
		}
		off, err := strconv.Atoi(e[0])
		if err != nil || off <= 0 || off >= xref {
			return nil, nil, nil, shapeError("bad offset for object %d", n)
		}
		objs = append(objs, pdfObject{num: n, offset: off})
	}
	if len(objs) == 0 {
		return nil, nil, nil, shapeError("no objects")
	}
	slices.SortFunc(objs, func(a, b pdfObject) int { return a.offset - b.offset })
	for i := range objs {
		end := xref
		if i+1 < len(objs) {
			end = objs[i+1].offset
		}
		objs[i].body = raw[objs[i].offset:end]
		if !bytes.HasPrefix(objs[i].body, []byte(strconv.Itoa(objs[i].num)+" 0 obj")) {
			return nil, nil, nil, shapeError("object %d is not at its offset", objs[i].num)
		}
	}
	header = raw[:objs[0].offset]
	t := raw[xref+tr+len("trailer") : sx]
	trailer = bytes.TrimSpace(t)
	return objs, header, trailer, nil
}

// pageContents is the content stream object of a page (1-based).
type pageContents struct {
	page int
	obj  *pdfObject
}

// deflateContents compresses the pages' content streams, the bulk of the
// compressing a book needs. The streams are independent, so they are shared
// among workers, each reusing one zlib writer for its pages: fpdf would make
// a new writer, about 1 MB of tables, per page. Each result goes to its own
// object, so the file does not depend on which worker took which page.
func deflateContents(contents []pageContents, workers int) error {
	workers = max(1, min(workers, len(contents)))
	errs := make([]error, len(contents))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
			for {
				i := int(next.Add(1)) - 1
				if i >= len(contents) {
					return
				}
				c := contents[i]
				var buf bytes.Buffer
				buf.Grow(len(c.obj.stream) / 3)
				zw.Reset(&buf)
				_, err := zw.Write(c.obj.stream)
				if err == nil {
					err = zw.Close()
				}
				if err != nil {
					errs[i] = fmt.Errorf("pdf: page %d contents: %w", c.page, err)
					continue
				}
				c.obj.dict = types.Dict{"Filter": types.Name("FlateDecode")}
				c.obj.stream, c.obj.edited = buf.Bytes(), true
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
