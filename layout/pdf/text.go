package pdf

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/pdf/glyphfont"
	"github.com/bindery-editions/bindery/layout/shape"
	"github.com/bindery-editions/bindery/layout/unit"
)

// textWriter writes a page's words as few text objects as it can: the words
// drawn in one face and size between two font changes share one BT … ET,
// each placed by its own text matrix (Tm, ISO 32000-1, 9.4.2) and drawn as
// a TJ array of its shaped glyphs, kerned. Positions are rounded to
// hundredths of a point, as fpdf rounds its own, and stay absolute, since a
// Td relative to the word before would leave the viewer to add decimals in
// binary floating point, one pixel's antialiasing off here and there.
type textWriter struct {
	emit    func(string) // hands finished content to the document
	height  unit.Length  // of the PDF page, to turn y upwards
	buf     []byte
	inText  bool
	scratch []glyphfont.Glyph

	// In a tagged file, tags records the marked content, page is the
	// page's index and marked the element whose sequence is open
	// (GlyphRun.Elem), -1 for none.
	tags   *tagging
	page   int
	marked int
}

// start begins a page of the given height.
func (w *textWriter) start(height unit.Length, page int) {
	w.height = height
	w.buf = w.buf[:0]
	w.inText = false
	w.page, w.marked = page, -1
}

// glyphs draws a run's shaped glyphs in the current font, its baseline
// starting at (x, y) on the PDF page, measured from the top left corner;
// a run turned Down reads top to bottom. font is the face the run must be
// shaped in.
func (w *textWriter) glyphs(enc *glyphfont.Encoder, font *shape.Font, x, y unit.Length, r *drawing.GlyphRun) error {
	w.scratch = w.scratch[:0]
	for ri := range r.Glyphs.Runs {
		run := &r.Glyphs.Runs[ri]
		if run.Font != font {
			return fmt.Errorf("%q is shaped in %s, not in the face it is drawn in", r.Text, run.Font.Name())
		}
		for i, g := range run.Glyphs {
			w.scratch = append(w.scratch, glyphfont.Glyph{ID: g.ID, Text: run.Text(r.Text, i), Advance: g.XAdvance, XOffset: g.XOffset, YOffset: g.YOffset})
		}
	}
	if w.tags != nil && r.Space {
		if id, ok := spaceGlyph(font); ok {
			w.scratch = append(w.scratch, glyphfont.Glyph{ID: id, Text: " ", Advance: font.Advance(id)})
		}
	}
	if !w.inText {
		w.buf = append(w.buf, "BT\n"...)
		w.inText = true
	}
	if w.tags != nil {
		// A marked-content sequence begun in a text object ends in it
		// (ISO 32000-1, 14.6): flush closes it. A run with its own
		// ActualText has a sequence of its own, which carries it, rather
		// than a span nested in its element's: poppler, for one, ends an
		// element's text at the first nested EMC.
		if r.Elem != w.marked || r.HasActualText {
			w.endMarked()
			mark := w.tags.mark(w.page, r.Elem)
			if r.HasActualText {
				mark = strings.Replace(mark, ">> BDC", " /ActualText <"+string(textString(r.ActualText))+">>> BDC", 1)
				mark = strings.Replace(mark, "/Artifact BMC", "/Artifact <</ActualText <"+string(textString(r.ActualText))+">>> BDC", 1)
			}
			w.buf = append(w.buf, mark...)
			w.marked = r.Elem
		}
	}
	if r.Down {
		// A quarter turn clockwise (ISO 32000-1, 8.3.3).
		w.buf = append(w.buf, "0 -1 1 0 "...)
	} else {
		w.buf = append(w.buf, "1 0 0 1 "...)
	}
	w.buf = appendHundredths(w.buf, hundredths(x))
	w.buf = append(w.buf, ' ')
	w.buf = appendHundredths(w.buf, hundredths(w.height-y))
	w.buf = append(w.buf, " Tm\n"...)
	at := len(w.buf)
	w.buf = enc.AppendTJ(w.buf, w.scratch, r.Size.Points())
	if w.tags != nil && (r.HasActualText || bytes.Contains(w.buf[at:], []byte("/ActualText"))) {
		// The run's own sequence ends with it; so does one that holds
		// the encoder's span (see above).
		w.endMarked()
	}
	return nil
}

// endMarked ends the open marked-content sequence, if any.
func (w *textWriter) endMarked() {
	if w.marked >= 0 {
		w.buf = append(w.buf, "EMC\n"...)
		w.marked = -1
	}
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
		w.endMarked()
		w.buf = append(w.buf, "ET\n"...)
		w.inText = false
	}
	if len(w.buf) == 0 {
		return
	}
	// The emitter adds its own newline, as fpdf's RawWriteStr does.
	w.emit(string(w.buf[:len(w.buf)-1]))
	w.buf = w.buf[:0]
}

// hundredths returns l in hundredths of a point, rounded to the nearest
// and ties to even, as fpdf's "%.2f" rounds the same (exact) value.
func hundredths(l unit.Length) int64 {
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

// spaceGlyphs are the space glyph of each face, found once.
var spaceGlyphs sync.Map // *shape.Font → uint16, or -1 for none

// spaceGlyph returns the glyph a font maps the space to.
func spaceGlyph(f *shape.Font) (uint16, bool) {
	if v, ok := spaceGlyphs.Load(f); ok {
		id := v.(int)
		return uint16(id), id >= 0
	}
	id := -1
	for r, g := range f.Characters() {
		if r == ' ' {
			id = int(g)
			break
		}
	}
	spaceGlyphs.Store(f, id)
	return uint16(max(id, 0)), id >= 0
}
