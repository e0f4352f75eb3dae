package pdf

import (
	"crypto/sha256"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/bindery-editions/bindery/layout/unit"
)

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
func num(l unit.Length) string {
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
	emit   func(string) // hands finished content to the document
	height unit.Length  // of the PDF page, to turn y upwards
	buf    []byte
	inText bool
}

// start begins a page of the given height.
func (w *textWriter) start(height unit.Length) {
	w.height = height
	w.buf = w.buf[:0]
	w.inText = false
}

// word draws text in the current font with its baseline starting at (x, y)
// on the PDF page, measured from the top left corner.
func (w *textWriter) word(x, y unit.Length, text string) {
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
