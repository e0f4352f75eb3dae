package glyphfont

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Glyph is one shaped glyph to draw, in font units of the font.
type Glyph struct {
	ID uint16
	// Text is the source text the glyph sets: "fi" for a ligature, "" for
	// a mark that follows its base in the same cluster (the base carries
	// the cluster's text).
	Text    string
	Advance int32 // the pen's move after the glyph, kerning included
	XOffset int32
	YOffset int32 // positive up
}

// driftLimit is how far, in thousandths of an em, the drawn pen may stray
// from where shaping put it before a TJ adjustment brings it back: a PDF
// reader advances each glyph by its W width, rounded to a thousandth, and a
// word's rounding adds up. A thousandth of an em is 0.01 pt at 10 pt.
const driftLimit = 1.0

// Encoder writes the shaped text of one document in one font and records
// the codes it drew. It is not safe for concurrent use; draw a document's
// pages in order, so that what a code stands for is settled by its first
// use and the file does not depend on scheduling.
type Encoder struct {
	font *Font
	used []bool            // by code
	text map[uint16]string // the Private Use codes this package assigned: their text

	// scratch space of AppendTJ
	codes        []uint16
	source, read []byte
}

// NewEncoder returns an Encoder for one document.
func (f *Font) NewEncoder() *Encoder {
	return &Encoder{font: f, used: make([]bool, 0x10000), text: map[uint16]string{}}
}

// readAs returns what a reader of the ToUnicode CMap gets for code: the
// character itself, or for an assigned code the text of its first use.
func (e *Encoder) readAs(code uint16) string {
	if e.font.assigned[code] {
		return e.text[code]
	}
	return string(rune(code))
}

// AppendTJ appends a TJ operator (a Tj when no number is needed) that
// draws glyphs at size (in points) from
// the current text position, each where shaping placed it: kerning and
// mark offsets become the array's numbers, vertical offsets a text rise
// (Ts) restored to 0 afterwards (ISO 32000-1, 9.4.3 and 9.3.7). When the
// ToUnicode CMap would not read the glyphs back as their text (a small
// capital drawn both for "a" and for "A"), the operator is wrapped in a
// span whose ActualText is the text (ISO 32000-1, 14.9.4).
func (e *Encoder) AppendTJ(b []byte, glyphs []Glyph, size float64) []byte {
	e.codes, e.source, e.read = e.codes[:0], e.source[:0], e.read[:0]
	for _, g := range glyphs {
		c := e.font.Code(g.ID, g.Text)
		e.codes = append(e.codes, c)
		e.used[c] = true
		if e.font.assigned[c] {
			if e.text[c] == "" && g.Text != "" {
				e.text[c] = g.Text
			}
			e.read = append(e.read, e.text[c]...)
		} else {
			e.read = utf8.AppendRune(e.read, rune(c))
		}
		e.source = append(e.source, g.Text...)
	}
	codes := e.codes
	exact := bytes.Equal(e.source, e.read)
	if !exact {
		b = append(b, "/Span <</ActualText "...)
		b = appendTextString(b, string(e.source))
		b = append(b, ">> BDC\n"...)
	}
	k := 1000 / float64(e.font.upem) // font units to thousandths of an em
	pen, want := 0.0, 0.0
	rise := int32(0)
	open := false  // the array is open
	inStr := false // so is a string of codes in it
	start := 0     // where the open array begins in b
	plain := true  // the open array is one string: a Tj draws it
	for i, g := range glyphs {
		if g.YOffset != rise {
			if inStr {
				b = append(b, ')')
				inStr = false
			}
			if open {
				b = closeArray(b, start, plain)
				open = false
			}
			rise = g.YOffset
			b = appendNumber(b, float64(rise)*size/float64(e.font.upem))
			b = append(b, " Ts\n"...)
		}
		if !open {
			start, plain = len(b), true
			b = append(b, '[')
			open = true
		}
		// A number n in a TJ array moves the pen by -n thousandths.
		if adj := pen - (want + float64(g.XOffset)*k); math.Abs(adj) >= driftLimit || (g.XOffset != 0 && adj != 0) {
			n := math.Round(adj*100) / 100
			if inStr {
				b = append(b, ')')
				inStr = false
			}
			b = appendNumber(b, n)
			plain = false
			pen -= n
		}
		// Codes with no number between them share a string: a word
		// without kerning is one string, as a Tj would draw it.
		if !inStr {
			b = append(b, '(')
			inStr = true
		}
		b = appendCodeBytes(b, codes[i])
		pen += float64(e.font.Width(codes[i]))
		want += float64(g.Advance) * k
	}
	if inStr {
		b = append(b, ')')
	}
	if open {
		b = closeArray(b, start, plain)
	}
	if rise != 0 {
		b = append(b, "0 Ts\n"...)
	}
	if !exact {
		b = append(b, "EMC\n"...)
	}
	return b
}

// closeArray ends the TJ array that begins at b[start]; an array of one
// string, a word drawn without kerning or correction, becomes a Tj of that
// string, four bytes shorter.
func closeArray(b []byte, start int, plain bool) []byte {
	if plain {
		b = append(b[:start], b[start+1:]...)
		return append(b, " Tj\n"...)
	}
	return append(b, "] TJ\n"...)
}

// appendCodeBytes appends code's two bytes to a PDF literal string,
// escaping the bytes a literal string cannot hold as they are (ISO
// 32000-1, 7.3.4.2).
func appendCodeBytes(b []byte, code uint16) []byte {
	for _, c := range [2]byte{byte(code >> 8), byte(code)} {
		switch c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendNumber appends v, which has at most two decimals, as a PDF number.
func appendNumber(b []byte, v float64) []byte {
	return strconv.AppendFloat(b, math.Round(v*100)/100, 'f', -1, 64)
}

// appendTextString appends s as a PDF text string: UTF-16BE with a
// byte-order mark, in hexadecimal.
func appendTextString(b []byte, s string) []byte {
	b = append(b, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = fmt.Appendf(b, "%04X", u)
	}
	return append(b, '>')
}

// Used returns the codes drawn, in ascending order, as the characters a
// writer that subsets by character must be told of.
func (e *Encoder) Used() []rune {
	var out []rune
	for c, u := range e.used {
		if u {
			out = append(out, rune(c))
		}
	}
	return out
}

// SubsetName returns the font's name in the PDF, a subset tag and name:
// six capital letters derived from the codes drawn, "+", and name (ISO
// 32000-1, 9.6.4), so that the same text gives the same name and another
// subset another.
func (e *Encoder) SubsetName(name string) string {
	h := sha256.New()
	h.Write([]byte(name))
	for _, c := range e.Used() {
		fmt.Fprintf(h, ",%d", c)
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag) + "+" + name
}

// ToUnicode returns the ToUnicode CMap (ISO 32000-1, 9.10.3) of the codes
// drawn: every code to its character, an assigned Private Use code to the
// text of its first use, in blocks of at most 100 entries.
func (e *Encoder) ToUnicode() []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var entries []string
	for _, c := range e.Used() {
		text := e.readAs(uint16(c))
		if text == "" {
			continue
		}
		var hex strings.Builder
		for _, u := range utf16.Encode([]rune(text)) {
			fmt.Fprintf(&hex, "%04X", u)
		}
		entries = append(entries, fmt.Sprintf("<%04X> <%s>\n", c, hex.String()))
	}
	for len(entries) > 0 {
		n := min(100, len(entries))
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, s := range entries[:n] {
			b.WriteString(s)
		}
		b.WriteString("endbfchar\n")
		entries = entries[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
