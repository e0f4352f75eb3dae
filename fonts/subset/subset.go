// Package subset cuts a TrueType font down to the glyphs a text needs, for
// embedding in a document (the EPUB's fonts). It keeps every glyph id where
// it was, as HarfBuzz's hb-subset --retain-gids does: the glyphs the text's
// characters reach (through cmap, composite glyphs' components and every
// substitution GSUB can make of them) keep their outlines, every other
// glyph is left empty (and its metrics zero), and the tables that name
// glyphs by id (GSUB, GPOS, GDEF) stay as they are, so kerning, ligatures, small capitals and
// marks work in a reading system as in the full font. It imports nothing
// from the project and no font library: what it reads and writes is the
// OpenType specification's table layout (Microsoft, OpenType 1.9).
package subset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
)

// droppedTables are the tables a reading system does not use: the digital
// signature, which no longer matches once glyphs go; SIL's Graphite tables
// (Silf, Glat, Gloc, Feat, Sill) and its source-location table Silt, which
// only Graphite engines read and which name glyphs the subset empties; and
// the device tables of precomputed metrics for old rasterisers (hdmx,
// LTSH, VDMX), which the OpenType specification calls optional.
var droppedTables = map[string]bool{
	"DSIG": true,
	"Silf": true, "Glat": true, "Gloc": true, "Feat": true, "Sill": true, "Silt": true,
	"hdmx": true, "LTSH": true, "VDMX": true,
}

// TrueType returns font (a TrueType font with glyf outlines) cut down to
// the characters of text: the same glyph ids, only the glyphs those
// characters can become keep their outlines and metrics, the character
// map lists only
// those characters, glyph names are dropped (post version 3) and so are
// the tables of droppedTables. A character the font lacks is left out.
// The result depends only on font and the set of characters in text.
func TrueType(font []byte, text []rune) ([]byte, error) {
	f, err := parse(font)
	if err != nil {
		return nil, err
	}
	numGlyphs := int(f.u16("maxp", 4))
	if numGlyphs == 0 {
		return nil, errors.New("subset: maxp gives no glyphs")
	}
	chars, err := f.characterMap(text)
	if err != nil {
		return nil, err
	}
	glyphs, err := f.glyphSpans(numGlyphs)
	if err != nil {
		return nil, err
	}

	keep := make([]bool, numGlyphs)
	keep[0] = true // .notdef, which a reading system draws for what is missing
	for _, c := range chars {
		if int(c.g) < numGlyphs {
			keep[c.g] = true
		}
	}
	if err := closeOver(keep, f, glyphs); err != nil {
		return nil, err
	}

	// The new glyf and loca: kept glyphs copied, the others empty. The
	// short loca (offsets halved, 16 bits) serves while glyf stays under
	// 128 kB, which a subset for a book's text does.
	var glyf []byte
	offsets := make([]int, numGlyphs+1)
	for g := range numGlyphs {
		offsets[g] = len(glyf)
		if keep[g] {
			glyf = append(glyf, f.tables["glyf"][glyphs[g].start:glyphs[g].end]...)
			if len(glyf)%2 == 1 {
				glyf = append(glyf, 0) // short loca offsets are even
			}
		}
	}
	offsets[numGlyphs] = len(glyf)
	short := len(glyf)/2 <= 0xFFFF
	var loca []byte
	for _, o := range offsets {
		if short {
			loca = binary.BigEndian.AppendUint16(loca, uint16(o/2))
		} else {
			loca = binary.BigEndian.AppendUint32(loca, uint32(o))
		}
	}

	out := map[string][]byte{}
	for tag, data := range f.tables {
		if !droppedTables[tag] {
			out[tag] = data
		}
	}
	out["glyf"], out["loca"] = glyf, loca
	out["cmap"] = writeCharacterMap(chars)
	head := slices.Clone(f.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set by write
	if short {
		binary.BigEndian.PutUint16(head[50:], 0) // indexToLocFormat
	} else {
		binary.BigEndian.PutUint16(head[50:], 1)
	}
	out["head"] = head
	if hmtx, err := emptyMetrics(f, keep); err == nil {
		out["hmtx"] = hmtx
	} else {
		return nil, err
	}
	if post := f.tables["post"]; len(post) >= 32 {
		// Version 3 keeps the italic angle and underline and drops the
		// glyph names, which only font editors read.
		post = slices.Clone(post[:32])
		binary.BigEndian.PutUint32(post, 0x00030000)
		out["post"] = post
	}
	if os2 := f.tables["OS/2"]; len(os2) >= 68 && len(chars) > 0 {
		// The first and last characters the font maps (OpenType, OS/2
		// usFirstCharIndex and usLastCharIndex: 0xFFFF for beyond the BMP).
		os2 = slices.Clone(os2)
		first, last := chars[0].r, chars[len(chars)-1].r
		binary.BigEndian.PutUint16(os2[64:], uint16(min(first, 0xFFFF)))
		binary.BigEndian.PutUint16(os2[66:], uint16(min(last, 0xFFFF)))
		out["OS/2"] = os2
	}
	return write(out), nil
}

// emptyMetrics returns hmtx with the advance and side bearing of every
// glyph not kept set to zero: nothing draws those glyphs, and the runs of
// zeros compress (hmtx is a tenth of a subset before it).
func emptyMetrics(f *sfnt, keep []bool) ([]byte, error) {
	hhea := f.tables["hhea"]
	if len(hhea) < 36 {
		return nil, errors.New("subset: hhea cut short")
	}
	long := int(binary.BigEndian.Uint16(hhea[34:])) // numberOfHMetrics
	hmtx := slices.Clone(f.tables["hmtx"])
	if long == 0 || len(hmtx) < 4*long+2*(len(keep)-long) {
		return nil, errors.New("subset: hmtx shorter than hhea and maxp say")
	}
	for g, kept := range keep {
		switch {
		case kept:
		case g < long:
			clear(hmtx[4*g : 4*g+4])
		default:
			at := 4*long + 2*(g-long)
			clear(hmtx[at : at+2])
		}
	}
	return hmtx, nil
}

// sfnt is a parsed font file: its tables by tag.
type sfnt struct {
	tables map[string][]byte
}

func parse(data []byte) (*sfnt, error) {
	if len(data) < 12 {
		return nil, errors.New("subset: not a font: too short")
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case 0x00010000, 0x74727565: // TrueType outlines ('true' on old Apple fonts)
	case 0x4F54544F:
		return nil, errors.New("subset: a CFF (OTTO) font: only TrueType outlines are subset")
	default:
		return nil, fmt.Errorf("subset: not a TrueType font (version %#08x)", v)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("subset: table directory cut short")
	}
	f := &sfnt{tables: map[string][]byte{}}
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("subset: table %s runs past the end of the font", tag)
		}
		f.tables[tag] = data[off : off+length]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "cmap", "loca", "glyf", "hmtx"} {
		if f.tables[tag] == nil {
			return nil, fmt.Errorf("subset: the font has no %s table", tag)
		}
	}
	if len(f.tables["head"]) < 54 || len(f.tables["maxp"]) < 6 {
		return nil, errors.New("subset: head or maxp cut short")
	}
	return f, nil
}

// u16 reads a big-endian uint16 of a table the parse checked is long
// enough.
func (f *sfnt) u16(tag string, at int) uint16 { return binary.BigEndian.Uint16(f.tables[tag][at:]) }

// span is where one glyph's data lies in glyf.
type span struct{ start, end int }

// glyphSpans reads loca: where each glyph lies in glyf.
func (f *sfnt) glyphSpans(numGlyphs int) ([]span, error) {
	loca, glyf := f.tables["loca"], f.tables["glyf"]
	long := f.u16("head", 50) == 1
	size := 2
	if long {
		size = 4
	}
	if len(loca) < size*(numGlyphs+1) {
		return nil, errors.New("subset: loca is shorter than maxp's glyph count")
	}
	at := func(i int) int {
		if long {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	spans := make([]span, numGlyphs)
	for g := range numGlyphs {
		s, e := at(g), at(g+1)
		if s > e || e > len(glyf) {
			return nil, fmt.Errorf("subset: glyph %d lies outside glyf", g)
		}
		spans[g] = span{s, e}
	}
	return spans, nil
}

// mapping is a character and the glyph the font's cmap gives it.
type mapping struct {
	r rune
	g uint16
}

// characterMap returns the glyphs the font's cmap gives the characters of
// text, in character order, each character once, without those it lacks.
func (f *sfnt) characterMap(text []rune) ([]mapping, error) {
	lookup, err := cmapLookup(f.tables["cmap"])
	if err != nil {
		return nil, err
	}
	rs := slices.Clone(text)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	var out []mapping
	for _, r := range rs {
		if g := lookup(r); g != 0 {
			out = append(out, mapping{r, g})
		}
	}
	return out, nil
}

// cmapLookup returns a function from character to glyph by the best of
// the font's Unicode subtables: format 12 (all of Unicode) or else format
// 4 (the Basic Multilingual Plane).
func cmapLookup(cmap []byte) (func(rune) uint16, error) {
	if len(cmap) < 4 {
		return nil, errors.New("subset: cmap cut short")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if len(cmap) < 4+8*n {
		return nil, errors.New("subset: cmap cut short")
	}
	var fmt4, fmt12 []byte
	for i := range n {
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		unicode := platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)
		if !unicode || off+4 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		switch binary.BigEndian.Uint16(sub) {
		case 4:
			fmt4 = sub
		case 12:
			fmt12 = sub
		}
	}
	switch {
	case fmt12 != nil:
		if len(fmt12) < 16 {
			return nil, errors.New("subset: cmap format 12 cut short")
		}
		groups := int(binary.BigEndian.Uint32(fmt12[12:]))
		if len(fmt12) < 16+12*groups {
			return nil, errors.New("subset: cmap format 12 cut short")
		}
		return func(r rune) uint16 {
			c := uint32(r)
			i := sort.Search(groups, func(i int) bool { return binary.BigEndian.Uint32(fmt12[16+12*i+4:]) >= c })
			if i == groups {
				return 0
			}
			g := fmt12[16+12*i:]
			start := binary.BigEndian.Uint32(g)
			if c < start {
				return 0
			}
			return uint16(binary.BigEndian.Uint32(g[8:]) + c - start)
		}, nil
	case fmt4 != nil:
		if len(fmt4) < 14 {
			return nil, errors.New("subset: cmap format 4 cut short")
		}
		segs := int(binary.BigEndian.Uint16(fmt4[6:])) / 2
		if len(fmt4) < 16+8*segs {
			return nil, errors.New("subset: cmap format 4 cut short")
		}
		ends, starts := 14, 16+2*segs
		deltas, ranges := starts+2*segs, starts+4*segs
		return func(r rune) uint16 {
			if r > 0xFFFF {
				return 0
			}
			c := uint16(r)
			i := sort.Search(segs, func(i int) bool { return binary.BigEndian.Uint16(fmt4[ends+2*i:]) >= c })
			if i == segs || binary.BigEndian.Uint16(fmt4[starts+2*i:]) > c {
				return 0
			}
			delta := binary.BigEndian.Uint16(fmt4[deltas+2*i:])
			ro := int(binary.BigEndian.Uint16(fmt4[ranges+2*i:]))
			if ro == 0 {
				return c + delta
			}
			// idRangeOffset counts from its own place in the array.
			at := ranges + 2*i + ro + 2*int(c-binary.BigEndian.Uint16(fmt4[starts+2*i:]))
			if at+2 > len(fmt4) {
				return 0
			}
			if g := binary.BigEndian.Uint16(fmt4[at:]); g != 0 {
				return g + delta
			}
			return 0
		}, nil
	}
	return nil, errors.New("subset: cmap has no Unicode subtable of format 4 or 12")
}

// writeCharacterMap writes a cmap of the mappings (sorted by character):
// format 4 for the Basic Multilingual Plane under the Unicode and Windows
// platforms, and format 12 for all of them when some lie beyond it (the
// OpenType specification's recommended subtables).
func writeCharacterMap(m []mapping) []byte {
	type rec struct {
		platform, encoding uint16
		sub                int
	}
	subs := [][]byte{cmapFormat4(m)}
	recs := []rec{{0, 3, 0}, {3, 1, 0}}
	if len(m) > 0 && m[len(m)-1].r > 0xFFFF {
		subs = append(subs, cmapFormat12(m))
		recs = []rec{{0, 3, 0}, {0, 4, 1}, {3, 1, 0}, {3, 10, 1}}
	}
	var b []byte
	b = binary.BigEndian.AppendUint16(b, 0)
	b = binary.BigEndian.AppendUint16(b, uint16(len(recs)))
	offsets := make([]int, len(subs))
	at := 4 + 8*len(recs)
	for i, s := range subs {
		offsets[i] = at
		at += len(s)
	}
	for _, r := range recs {
		b = binary.BigEndian.AppendUint16(b, r.platform)
		b = binary.BigEndian.AppendUint16(b, r.encoding)
		b = binary.BigEndian.AppendUint32(b, uint32(offsets[r.sub]))
	}
	for _, s := range subs {
		b = append(b, s...)
	}
	return b
}

// runs groups sorted mappings into runs of consecutive characters with
// consecutive glyphs.
func runs(m []mapping, limit rune) [][2]int {
	var out [][2]int // first and last index into m
	for i := 0; i < len(m) && m[i].r <= limit; i++ {
		if n := len(out); n > 0 {
			last := m[out[n-1][1]]
			if m[i].r == last.r+1 && m[i].g == last.g+1 {
				out[n-1][1] = i
				continue
			}
		}
		out = append(out, [2]int{i, i})
	}
	return out
}

func cmapFormat4(m []mapping) []byte {
	segs := runs(m, 0xFFFE)
	n := len(segs) + 1 // and the closing 0xFFFF segment the format asks for
	search, entrySelector := binarySearchHeader(n)
	var ends, starts, deltas []byte
	for _, s := range segs {
		first, last := m[s[0]], m[s[1]]
		ends = binary.BigEndian.AppendUint16(ends, uint16(last.r))
		starts = binary.BigEndian.AppendUint16(starts, uint16(first.r))
		deltas = binary.BigEndian.AppendUint16(deltas, first.g-uint16(first.r))
	}
	ends = binary.BigEndian.AppendUint16(ends, 0xFFFF)
	starts = binary.BigEndian.AppendUint16(starts, 0xFFFF)
	deltas = binary.BigEndian.AppendUint16(deltas, 1)
	length := 16 + 8*n
	var b []byte
	for _, v := range []int{4, length, 0, 2 * n, 2 * search, entrySelector, 2*n - 2*search} {
		b = binary.BigEndian.AppendUint16(b, uint16(v))
	}
	b = append(b, ends...)
	b = binary.BigEndian.AppendUint16(b, 0) // reservedPad
	b = append(b, starts...)
	b = append(b, deltas...)
	return append(b, make([]byte, 2*n)...) // idRangeOffsets, all 0
}

func cmapFormat12(m []mapping) []byte {
	groups := runs(m, 0x10FFFF)
	var b []byte
	b = binary.BigEndian.AppendUint16(b, 12)
	b = binary.BigEndian.AppendUint16(b, 0)
	b = binary.BigEndian.AppendUint32(b, uint32(16+12*len(groups)))
	b = binary.BigEndian.AppendUint32(b, 0) // language
	b = binary.BigEndian.AppendUint32(b, uint32(len(groups)))
	for _, g := range groups {
		b = binary.BigEndian.AppendUint32(b, uint32(m[g[0]].r))
		b = binary.BigEndian.AppendUint32(b, uint32(m[g[1]].r))
		b = binary.BigEndian.AppendUint32(b, uint32(m[g[0]].g))
	}
	return b
}

// write assembles the tables into a font file: tables in tag order, each
// on a four-byte boundary, with their checksums, and head's
// checkSumAdjustment making the whole file sum to 0xB1B0AFBA (OpenType,
// "Calculating checksums").
func write(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	search, entrySelector := binarySearchHeader(n)
	size := 12 + 16*n
	for _, t := range tags {
		size += (len(tables[t]) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*search))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*search))
	headAt := 0
	for i, t := range tags {
		data := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// checksum is the OpenType table checksum: the sum of the data as
// big-endian uint32s, the last padded with zeros.
func checksum(data []byte) uint32 {
	var sum uint32
	for len(data) >= 4 {
		sum += binary.BigEndian.Uint32(data)
		data = data[4:]
	}
	if len(data) > 0 {
		var last [4]byte
		copy(last[:], data)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}

// binarySearchHeader returns, for n entries, the largest power of two not
// above n and its logarithm: the searchRange (in entries) and
// entrySelector that the table directory and cmap format 4 give a binary
// search (OpenType, "Table directory" and "cmap" format 4).
func binarySearchHeader(n int) (search, entrySelector int) {
	search = 1
	for search*2 <= n {
		search *= 2
	}
	for 1<<(entrySelector+1) <= search {
		entrySelector++
	}
	return search, entrySelector
}
