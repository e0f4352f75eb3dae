// Package pdf writes a drawing.Drawing as a PDF file. This file is the only
// one in the project that imports fpdf: fpdf lays out the document, embeds
// and subsets the fonts and draws the rules and links, while the text is
// written as shaped glyphs (package glyphfont) in text objects of its own
// (text.go). The post-pass in finish.go then edits the objects fpdf wrote
// into what a printer or a reader asks for.
package pdf

import (
	"bytes"
	"fmt"
	"maps"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pdf/glyphfont"
	"github.com/bindery-editions/bindery/layout/unit"

	"codeberg.org/go-pdf/fpdf"

	"github.com/bindery-editions/bindery/fonts"
)

// fontFamilies are the names the four faces are registered under in fpdf;
// single tokens, so that the post-pass can find each font by its name.
var fontFamilies = [fonts.NumFaces]string{"binderyfacea", "binderyfaceb", "binderyfacec", "binderyfaced", "binderyfacee"}

// glyphFonts are the book's faces with a code for every glyph (see
// glyphfont), made once per process: a face's cmap is rewritten in about a
// millisecond, and the faces are the program's own.
var glyphFonts = func() [fonts.NumFaces]func() (*glyphfont.Font, error) {
	var out [fonts.NumFaces]func() (*glyphfont.Font, error)
	for _, f := range fonts.AllFaces {
		out[f] = sync.OnceValues(func() (*glyphfont.Font, error) {
			return glyphfont.New(fonts.TrueType(f), linebreak.BookFont(f))
		})
	}
	return out
}()

// pdfBase is the start of a PDF that depends only on its page size and
// the faces it embeds: fpdf's document with its fonts added. Adding a font
// is the slowest part of starting a PDF (fpdf parses the TrueType file and
// fingerprints its width table), so a Typesetter has a base made while the
// book is still being set (see Base).
type pdfBase struct {
	f   *fpdf.Fpdf
	err error
}

// newPDFBase starts a PDF of pages w by h embedding faces. Embed only the
// faces the pages use: an unused face would be an empty subset that
// preflight tools query.
func newPDFBase(w, h unit.Length, faces drawing.FaceSet) *pdfBase {
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: w.Points(), Ht: h.Points()},
	})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCatalogSort(true)
	// Page contents are compressed once, by the post-pass: fpdf makes a
	// new zlib writer (about 1 MB of tables) per page.
	f.SetCompression(false)
	for i, face := range fonts.AllFaces {
		if faces[face] {
			gf, err := glyphFonts[face]()
			if err != nil {
				return &pdfBase{err: err}
			}
			// Each document gets its own copy of the font: fpdf's
			// subsetter writes into the bytes it is given (its getMetrics
			// appends to a slice of them, for a font with fewer
			// horizontal metrics than glyphs, as a monospaced one has),
			// so a shared copy would carry one document's glyphs into the
			// next and builds of several seeds would differ from builds
			// of one (TestWriteLeavesFontsAlone).
			f.AddUTF8FontFromBytes(fontFamilies[i], "", bytes.Clone(gf.TTF()))
		}
	}
	return &pdfBase{f: f}
}

// Base is the start of a PDF (fpdf's document with its fonts added) being
// made on a goroutine of its own, for Write to take when its drawing turns
// out to need the same page size and faces. Adding the fonts is the slowest
// part of starting a PDF, so a caller starts a Base as soon as it knows the
// page size and faces of a book being set (layout.Setting's MediaSize and
// Faces), while the book is still being drawn.
type Base struct {
	width, height unit.Length
	faces         drawing.FaceSet
	done          chan struct{}
	base          *pdfBase

	mu    sync.Mutex
	taken bool
}

// StartBase starts making the base of a PDF of pages w by h embedding faces.
func StartBase(w, h unit.Length, faces drawing.FaceSet) *Base {
	p := &Base{width: w, height: h, faces: faces, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.base = newPDFBase(w, h, faces)
	}()
	return p
}

func (p *Base) suits(w, h unit.Length, faces drawing.FaceSet) bool {
	return !p.taken && p.width == w && p.height == h && maps.Equal(p.faces, faces)
}

// take returns the base, waiting for it, if it suits pages w by h with
// faces and no other writer has taken it; otherwise nil. An fpdf document
// is written once, so a base is taken once.
func (p *Base) take(w, h unit.Length, faces drawing.FaceSet) *pdfBase {
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

// Write draws the drawing's pages and returns the finished file, starting
// from base when it suits them (nil: start afresh), with at most workers
// goroutines compressing pages (0: one per processor). The pages are
// released as they are drawn.
func Write(spec *drawing.Drawing, pending *Base, workers int) ([]byte, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	raw, fin, err := draw(spec, pending)
	if err != nil {
		return nil, err
	}
	fin.workers = workers
	return finish(raw, fin)
}

// draw writes the drawing's pages through fpdf and returns fpdf's file, as
// fpdf wrote it, and what the post-pass is to make of it.
func draw(spec *drawing.Drawing, pending *Base) ([]byte, finishing, error) {
	pages := spec.Pages
	mw, mh := spec.MediaSize()
	inUse := spec.Faces()
	base := pending.take(mw, mh, inUse)
	if base == nil {
		base = newPDFBase(mw, mh, inUse)
	}
	if base.err != nil {
		return nil, finishing{}, fmt.Errorf("pdf: loading fonts: %w", base.err)
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
		return nil, finishing{}, fmt.Errorf("pdf: loading fonts: %w", err)
	}

	// Internal links need their targets declared; fpdf resolves them when
	// it writes the file, so targets on later pages are fine.
	type target struct {
		page int
		y    unit.Length
	}
	linkIDs := map[target]int{}
	var encoders [fonts.NumFaces]*glyphfont.Encoder
	for _, face := range fonts.AllFaces {
		if inUse[face] {
			gf, _ := glyphFonts[face]()
			encoders[face] = gf.NewEncoder()
		}
	}
	images := map[string]bool{} // the images registered, by name

	tw := textWriter{emit: f.RawWriteStr}
	var tags *tagging
	if spec.Tagged {
		tags = newTagging(spec.Structure, len(pages))
		tw.tags = tags
	}
	// artifact wraps what draw paints outside the text, in a tagged file:
	// a marked-content sequence of the element given, or an artifact.
	artifact := func(page, elem int, paint func()) {
		if tags == nil {
			paint()
			return
		}
		f.RawWriteStr(strings.TrimSuffix(tags.mark(page, elem), "\n"))
		paint()
		f.RawWriteStr("EMC")
	}
	for n, p := range pages {
		pageNo := n + 1
		ox, oy := spec.TrimOrigin(pageNo)
		f.AddPage()
		f.SetTextColor(0, 0, 0)
		f.SetDrawColor(0, 0, 0)
		f.SetFillColor(0, 0, 0)
		// A font must be current before a bookmark is added, so that fpdf
		// encodes its title as UTF-16.
		f.SetFont(fontFamilies[0], "", 10)
		for _, m := range p.Marks {
			f.Bookmark(m.Title, m.Level, (oy + m.Y).Points())
		}
		// The font and the horizontal scale are set only when they change:
		// most words of a line share both, and fpdf's SetFont costs more
		// than drawing the word.
		curFace, curSize, curScale, curTrack := fonts.Regular, 10*unit.Point, 0, unit.Length(0)
		tw.start(mh, n)
		for i := range p.Runs {
			r := &p.Runs[i]
			if r.Text == "" {
				continue
			}
			if r.Glyphs == nil {
				return nil, finishing{}, fmt.Errorf("pdf: page %d: the run %q was not shaped", pageNo, r.Text)
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
			if err := tw.glyphs(encoders[r.Face], linebreak.BookFont(r.Face), ox+r.X, oy+r.Y, r); err != nil {
				return nil, finishing{}, fmt.Errorf("pdf: page %d: %w", pageNo, err)
			}
		}
		tw.flush()
		if len(p.Rules) > 0 || len(p.Boxes) > 0 {
			// Rules and boxes are the page's furniture: artifacts.
			artifact(n, 0, func() {
				for _, r := range p.Rules {
					f.SetLineWidth(r.Thickness.Points())
					f.Line((ox + r.X).Points(), (oy + r.Y).Points(), (ox + r.X + r.W).Points(), (oy + r.Y).Points())
				}
				for _, r := range p.Boxes {
					f.Rect((ox + r.X).Points(), (oy + r.Y).Points(), r.W.Points(), r.H.Points(), "F")
				}
			})
		}
		for _, im := range p.Images {
			var err error
			artifact(n, im.Elem, func() { err = drawImage(f, im, ox, oy, images) })
			if err != nil {
				return nil, finishing{}, fmt.Errorf("pdf: %w", err)
			}
		}
		for _, l := range p.Links {
			if tags != nil {
				tags.link(n, l.Elem, l.Text)
			}
			x, y, w, h := (ox + l.X).Points(), (oy + l.Y).Points(), l.W.Points(), l.H.Points()
			if l.URL != "" {
				f.LinkString(x, y, w, h, l.URL)
				continue
			}
			t := target{l.Page, l.TargetY}
			id, ok := linkIDs[t]
			if !ok {
				id = f.AddLink()
				_, ty := spec.TrimOrigin(l.Page)
				f.SetLink(id, (ty + l.TargetY).Points(), l.Page)
				linkIDs[t] = id
			}
			f.Link(x, y, w, h, id)
		}
		// fpdf holds the page now: let the runs go, so the pages drawn
		// and the pages written are not all in memory at once.
		pages[n] = drawing.DrawnPage{}
	}
	markUsed(f, encoders)
	var buf bytes.Buffer
	buf.Grow(64<<10 + 12<<10*len(pages)) // a page's contents, uncompressed, and the fonts
	if err := f.Output(&buf); err != nil {
		return nil, finishing{}, fmt.Errorf("pdf: writing: %w", err)
	}

	fin := finishing{
		tags:        tags,
		labels:      spec.Labels,
		fonts:       map[string]finishedFont{},
		pdfx:        spec.PDFX,
		showOutline: spec.ShowOutline,
	}
	for i, face := range fonts.AllFaces {
		if e := encoders[face]; e != nil {
			fin.fonts["utf8"+fontFamilies[i]] = finishedFont{
				name:      e.SubsetName(fonts.PostScriptName(face)),
				toUnicode: e.ToUnicode(),
			}
		}
	}
	for n := range pages {
		ox, oy := spec.TrimOrigin(n + 1)
		// PDF y grows upwards: the trim's lower left corner is at the bleed.
		fin.boxes = append(fin.boxes, pageBoxes{
			media: [4]unit.Length{0, 0, mw, mh},
			trim:  [4]unit.Length{ox, oy, ox + spec.Trim.Width, oy + spec.Trim.Height},
		})
	}
	return buf.Bytes(), fin, nil
}

// markUsed tells fpdf which codes of each face the pages drew, so that its
// subsets carry their glyphs: fpdf learns them only through its own text
// calls, and textWriter writes the words itself. The calls are made in a
// template, which shares the document's fonts and is never placed on a
// page, so what it draws is not written to the file. That the template's
// text reaches the document's subsets rests on fpdf (v0.12) sharing its
// font table with the templates it creates; the tests read the words back
// to check it.
func markUsed(f *fpdf.Fpdf, encoders [fonts.NumFaces]*glyphfont.Encoder) {
	f.CreateTemplate(func(t *fpdf.Tpl) {
		defer func() {
			if err := t.Error(); err != nil {
				f.SetError(fmt.Errorf("registering the glyphs drawn: %w", err))
			}
		}()
		for i, e := range encoders {
			if e == nil {
				continue
			}
			codes := e.Used()
			if len(codes) == 0 {
				continue
			}
			t.SetFont(fontFamilies[i], "", 10)
			t.Text(0, 0, string(codes))
		}
	})
}

// drawImage draws a figure's image, registering it with fpdf the first
// time, so that an image drawn twice is embedded once.
func drawImage(f *fpdf.Fpdf, im drawing.PlacedImage, ox, oy unit.Length, registered map[string]bool) error {
	name := im.Image.Name
	if !registered[name] {
		data, kind, err := pdfImage(im.Image)
		if err != nil {
			return err
		}
		f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(data))
		if err := f.Error(); err != nil {
			return fmt.Errorf("image %s: %w", name, err)
		}
		registered[name] = true
	}
	f.ImageOptions(name, (ox + im.X).Points(), (oy + im.Y).Points(), im.W.Points(), im.H.Points(), false, fpdf.ImageOptions{}, 0, "")
	return f.Error()
}
