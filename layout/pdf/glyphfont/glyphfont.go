// Package glyphfont lets a PDF writer that encodes text by character (fpdf's
// UTF-8 fonts: Type0, Identity-H, character identifier = Unicode value)
// draw shaped glyphs, including those no character maps to: ligatures,
// small capitals, alternates.
//
// New gives every glyph of a TrueType font a 16-bit code: the character the
// font maps to it, or, for a glyph no character of the Basic Multilingual
// Plane reaches, a code of the Private Use Area that the font leaves free.
// TTF returns the font with its cmap extended by those codes, unchanged
// otherwise, for the writer to embed and subset as usual. An Encoder writes
// shaped words as TJ arrays of those codes, kerned and positioned as
// shaping placed them, and records what each Private Use code stands for:
// its ToUnicode CMap maps every code drawn to its text ("fi" for the fi
// ligature, "a" for a small capital a), for the writer to give the font,
// so that search and copy give back the source. The writer's tests
// (layout/pdf) draw through fpdf and read the file back.
package glyphfont

import (
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
)

// Metrics is what the package needs to know of a font besides its file:
// the shaping package's parsed font provides it.
type Metrics interface {
	UnitsPerEm() int32
	NumGlyphs() int
	Advance(glyph uint16) int32 // in font units
	// Characters yields every character the font maps and its glyph.
	Characters() iter.Seq2[rune, uint16]
}

// The Private Use Area of the Basic Multilingual Plane, from which glyphs
// that no character reaches get their codes (Unicode 15.0, 23.5).
const (
	puaFirst = 0xE000
	puaLast  = 0xF8FF
)

// Font is a TrueType font whose every glyph has a code. It is read-only and
// safe for concurrent use.
type Font struct {
	ttf   []byte
	upem  int32
	codes []uint16 // by glyph: the code that draws it (0 for glyph 0)
	// glyphOf maps each code of the Basic Multilingual Plane to its glyph
	// (0 when the code maps to none).
	glyphOf []uint16
	// assigned marks the Private Use codes this package gave to glyphs
	// (not those the font maps itself).
	assigned []bool
	widths   []int32 // by glyph: the width a PDF reader applies, in 1/1000 em
}

// New extends the TrueType font ttf (glyf outlines) so that every glyph has
// a code. It fails when the font has more unreachable glyphs than free
// Private Use codes.
func New(ttf []byte, m Metrics) (*Font, error) {
	n := m.NumGlyphs()
	if n == 0 || n > 0xFFFF {
		return nil, fmt.Errorf("glyphfont: font has %d glyphs", n)
	}
	f := &Font{
		upem:     m.UnitsPerEm(),
		codes:    make([]uint16, n),
		glyphOf:  make([]uint16, 0x10000),
		assigned: make([]bool, 0x10000),
		widths:   make([]int32, n),
	}
	for r, g := range m.Characters() {
		if r <= 0 || r >= 0xFFFF || int(g) >= n || g == 0 {
			continue
		}
		f.glyphOf[r] = g
		if c := f.codes[g]; c == 0 || uint16(r) < c {
			f.codes[g] = uint16(r)
		}
	}
	next := rune(puaFirst)
	for g := 1; g < n; g++ {
		if f.codes[g] != 0 {
			continue
		}
		for next <= puaLast && f.glyphOf[next] != 0 {
			next++
		}
		if next > puaLast {
			return nil, fmt.Errorf("glyphfont: %d glyphs have no character and the Private Use Area is full", n-g)
		}
		f.codes[g] = uint16(next)
		f.glyphOf[next] = uint16(g)
		f.assigned[next] = true
		next++
	}
	// The width fpdf writes into the font's W array (utf8fontfile.go,
	// parseHMTXTable), computed the same way so that rounding agrees.
	scale := 1000.0 / float64(f.upem)
	for g := range f.widths {
		f.widths[g] = int32(math.Round(scale * float64(m.Advance(uint16(g)))))
	}
	cmap, err := cmapFormat4(f.glyphOf)
	if err != nil {
		return nil, err
	}
	if f.ttf, err = replaceTable(ttf, "cmap", cmap); err != nil {
		return nil, err
	}
	return f, nil
}

// TTF returns the font file with the extended cmap, for embedding. The
// slice is shared: do not modify it.
func (f *Font) TTF() []byte { return f.ttf }

// Code returns the code that draws glyph g where it sets text: the text's
// character when the font maps that character to g, so that the identity
// mapping reads it back; otherwise the glyph's own code.
func (f *Font) Code(g uint16, text string) uint16 {
	if r, ok := single(text); ok && r < 0x10000 && f.glyphOf[r] == g && g != 0 {
		return uint16(r)
	}
	if int(g) < len(f.codes) {
		return f.codes[g]
	}
	return 0
}

// Width returns the width in thousandths of an em that a PDF reader gives
// code: the width of its glyph as the embedded font's W array states it.
func (f *Font) Width(code uint16) int32 {
	return f.widths[f.glyphOf[code]]
}

// single returns text's only character.
func single(text string) (rune, bool) {
	rs := []rune(text)
	if len(rs) != 1 {
		return 0, false
	}
	return rs[0], true
}

// cmapFormat4 writes a cmap table with one subtable, Windows Unicode BMP
// (platform 3, encoding 1) in format 4, mapping every code to glyphOf[code]
// (OpenType 1.9, "cmap", format 4): one segment per run of consecutive
// codes whose glyphs are consecutive too, and the final 0xFFFF segment.
func cmapFormat4(glyphOf []uint16) ([]byte, error) {
	type segment struct{ start, end, delta uint16 }
	var segs []segment
	for c := 1; c < 0xFFFF; c++ {
		g := glyphOf[c]
		if g == 0 {
			continue
		}
		if k := len(segs) - 1; k >= 0 && int(segs[k].end)+1 == c && uint16(c)+segs[k].delta == g {
			segs[k].end = uint16(c)
			continue
		}
		segs = append(segs, segment{uint16(c), uint16(c), g - uint16(c)})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	length := 16 + 8*n
	if length > 0xFFFF {
		return nil, fmt.Errorf("glyphfont: cmap needs %d segments, more than format 4 holds", n)
	}
	searchRange := 2
	entrySelector := 0
	for searchRange*2 <= 2*n {
		searchRange *= 2
		entrySelector++
	}
	b := make([]byte, 0, 12+length)
	// cmap header and its one encoding record.
	b = binary.BigEndian.AppendUint16(b, 0) // version
	b = binary.BigEndian.AppendUint16(b, 1) // numTables
	b = binary.BigEndian.AppendUint16(b, 3) // Windows
	b = binary.BigEndian.AppendUint16(b, 1) // Unicode BMP
	b = binary.BigEndian.AppendUint32(b, 12)
	// format 4 subtable
	for _, v := range []int{4, length, 0, 2 * n, searchRange, entrySelector, 2*n - searchRange} {
		b = binary.BigEndian.AppendUint16(b, uint16(v))
	}
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, s.end)
	}
	b = binary.BigEndian.AppendUint16(b, 0) // reservedPad
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, s.start)
	}
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, s.delta)
	}
	for range segs {
		b = binary.BigEndian.AppendUint16(b, 0) // idRangeOffset
	}
	return b, nil
}

// replaceTable returns the TrueType font ttf with table tag's contents
// replaced by data, every other table as it was, the table directory and
// the head table's checkSumAdjustment updated (OpenType 1.9, "Organization
// of an OpenType font").
func replaceTable(ttf []byte, tag string, data []byte) ([]byte, error) {
	if len(ttf) < 12 {
		return nil, errors.New("glyphfont: font file too short")
	}
	version := binary.BigEndian.Uint32(ttf)
	if version != 0x00010000 && version != 0x74727565 { // 1.0, 'true'
		return nil, fmt.Errorf("glyphfont: not a TrueType font (version %08x)", version)
	}
	numTables := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*numTables {
		return nil, errors.New("glyphfont: table directory cut short")
	}
	type table struct {
		tag  string
		data []byte
	}
	tables := make([]table, numTables)
	found := false
	for i := range tables {
		rec := ttf[12+16*i:]
		off, n := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(n) > uint64(len(ttf)) {
			return nil, fmt.Errorf("glyphfont: table %q runs past the end of the file", rec[:4])
		}
		tables[i] = table{string(rec[:4]), ttf[off : off+n]}
		if tables[i].tag == tag {
			tables[i].data = data
			found = true
		}
	}
	if !found {
		return nil, fmt.Errorf("glyphfont: font has no %q table", tag)
	}
	slices.SortFunc(tables, func(a, b table) int {
		return int(binary.BigEndian.Uint32([]byte(a.tag))) - int(binary.BigEndian.Uint32([]byte(b.tag)))
	})
	size := 12 + 16*numTables
	for _, t := range tables {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*numTables, size)
	copy(out, ttf[:12])
	headAt := -1
	// The file's checksum, for head's checkSumAdjustment, is the sum of
	// the directory's and of every table's, each table starting on a
	// word and padded with zeros: the tables are summed once.
	var tableSums uint32
	for i, t := range tables {
		off := len(out)
		rec := out[12+16*i:]
		copy(rec, t.tag)
		sum := checksum(t.data)
		if t.tag == "head" {
			if len(t.data) < 12 {
				return nil, errors.New("glyphfont: head table too short")
			}
			headAt = off
			// The checksum of head is taken with checkSumAdjustment 0.
			sum -= binary.BigEndian.Uint32(t.data[8:])
		}
		binary.BigEndian.PutUint32(rec[4:], sum)
		tableSums += sum
		binary.BigEndian.PutUint32(rec[8:], uint32(off))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt < 0 {
		return nil, errors.New("glyphfont: font has no head table")
	}
	// head's checksum above was taken with checkSumAdjustment 0, as it
	// stands in the file while the file's is taken.
	binary.BigEndian.PutUint32(out[headAt+8:], 0)
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-(checksum(out[:12+16*numTables])+tableSums))
	return out, nil
}

// checksum is the OpenType table checksum: the sum of the data as
// big-endian 32-bit words, the last padded with zeros.
func checksum(data []byte) uint32 {
	var sum uint32
	i := 0
	for ; i+4 <= len(data); i += 4 {
		sum += binary.BigEndian.Uint32(data[i:])
	}
	if i < len(data) {
		var w [4]byte
		copy(w[:], data[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
