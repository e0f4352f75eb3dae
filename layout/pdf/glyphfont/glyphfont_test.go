package glyphfont

import (
	"bytes"
	"encoding/binary"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/bindery-editions/bindery/fonts"
	"github.com/bindery-editions/bindery/layout/shape"
)

// gentium is Gentium Book Plus Regular, parsed and extended once.
var gentium = sync.OnceValues(func() (*shape.Font, *Font) {
	ttf := fonts.GentiumBookPlus.TrueType(fonts.Regular)
	sf, err := shape.ParseFont("GentiumBookPlus-Regular", ttf)
	if err != nil {
		panic(err)
	}
	gf, err := New(ttf, sf)
	if err != nil {
		panic(err)
	}
	return sf, gf
})

func TestEveryGlyphHasACode(t *testing.T) {
	sf, gf := gentium()
	parsed, err := sfnt.Parse(gf.TTF())
	if err != nil {
		t.Fatalf("the extended font does not parse: %v", err)
	}
	if parsed.NumGlyphs() != sf.NumGlyphs() {
		t.Fatalf("extended font has %d glyphs, the original %d", parsed.NumGlyphs(), sf.NumGlyphs())
	}
	var buf sfnt.Buffer
	seen := map[uint16]int{}
	pua := 0
	for g := 1; g < sf.NumGlyphs(); g++ {
		c := gf.Code(uint16(g), "")
		if c == 0 {
			t.Fatalf("glyph %d has no code", g)
		}
		if other, ok := seen[c]; ok {
			t.Fatalf("glyphs %d and %d share code U+%04X", other, g, c)
		}
		seen[c] = g
		// The extended cmap, read by another parser, maps the code back.
		gi, err := parsed.GlyphIndex(&buf, rune(c))
		if err != nil || int(gi) != g {
			t.Fatalf("cmap maps U+%04X to glyph %d (%v), want %d", c, gi, err, g)
		}
		if c >= puaFirst && c <= puaLast && gf.assigned[c] {
			pua++
		}
	}
	// Gentium Book Plus 6.101: 4,307 glyphs, of which 1,575 besides
	// .notdef no character of the Basic Multilingual Plane reaches.
	if pua != 1575 {
		t.Errorf("%d glyphs got Private Use codes, want 1575", pua)
	}
	// A character the font maps keeps its own code.
	for _, r := range "Aaé€θЖ" {
		g, _ := parsed.GlyphIndex(&buf, r)
		if c := gf.Code(uint16(g), string(r)); c != uint16(r) {
			t.Errorf("%c drawn as U+%04X", r, c)
		}
	}
}

// shaped shapes word and returns its glyphs for an Encoder.
func shaped(t *testing.T, sh *shape.Shaper, st *shape.Stack, word string, features shape.Features) []Glyph {
	t.Helper()
	s := sh.Shape(word, shape.Style{Stack: st, Features: features})
	if len(s.Runs) != 1 || len(s.Missing) != 0 {
		t.Fatalf("%q: %d runs, missing %v", word, len(s.Runs), s.Missing)
	}
	r := &s.Runs[0]
	var out []Glyph
	for i, g := range r.Glyphs {
		out = append(out, Glyph{ID: g.ID, Text: r.Text(word, i), Advance: g.XAdvance, XOffset: g.XOffset, YOffset: g.YOffset})
	}
	return out
}

var tjNumber = regexp.MustCompile(`\)(-?[0-9.]+)\(`)

func TestKerningInTJ(t *testing.T) {
	sf, gf := gentium()
	sh := shape.NewShaper()
	st := shape.NewStack(sf)
	enc := gf.NewEncoder()
	tj := string(enc.AppendTJ(nil, shaped(t, sh, st, "To", shape.Default), 12))
	// Gentium kerns T–o by −80 of 2,048 units, 39.06 thousandths of an em,
	// which the array adds as a positive number between the two glyphs.
	m := tjNumber.FindAllStringSubmatch(tj, -1)
	if len(m) != 1 {
		t.Fatalf("TJ for \"To\" %q: want one number", tj)
	}
	n, _ := strconv.ParseFloat(m[0][1], 64)
	if n < 38 || n > 40.5 {
		t.Errorf("kerning number %v, want about 39.06", n)
	}
	// Without kerning, only the rounding of widths is left to correct, and
	// a two-letter word stays within the limit.
	plain := string(enc.AppendTJ(nil, shaped(t, sh, st, "To", shape.Default&^shape.Kerning), 12))
	if tjNumber.MatchString(plain) || !strings.HasSuffix(plain, ") Tj\n") {
		t.Errorf("unkerned \"To\" drawn as %q: want one string in a Tj", plain)
	}
}

func TestDriftStaysWithinLimit(t *testing.T) {
	sf, gf := gentium()
	sh := shape.NewShaper()
	st := shape.NewStack(sf)
	enc := gf.NewEncoder()
	word := "incomprehensibilities"
	glyphs := shaped(t, sh, st, word, shape.Default)
	tj := enc.AppendTJ(nil, glyphs, 10)
	// Replay the array as a reader does: each code advances by its W
	// width, each number moves back by itself; compare with shaping.
	pen, want := 0.0, 0.0
	k := 1000.0 / float64(sf.UnitsPerEm())
	// Strings hold the codes of consecutive glyphs, two bytes each.
	items := regexp.MustCompile(`\((?:\\.|[^\\)])*\)|-?[0-9.]+`).FindAllString(string(tj[:bytes.LastIndex(tj, []byte("]"))]), -1)
	i := 0
	for _, it := range items {
		if it[0] != '(' {
			v, _ := strconv.ParseFloat(it, 64)
			pen -= v
			continue
		}
		codes := regexp.MustCompile(`(?:\\.|[^\\]){2}`).FindAllString(it[1:len(it)-1], -1)
		for range codes {
			if d := pen - want; d > driftLimit || d < -driftLimit {
				t.Fatalf("glyph %d drawn %.2f thousandths from where shaping put it", i, d)
			}
			g := glyphs[i]
			pen += float64(gf.Width(gf.Code(g.ID, g.Text)))
			want += float64(g.Advance) * k
			i++
		}
	}
	if i != len(glyphs) {
		t.Fatalf("replayed %d glyphs of %d from %q", i, len(glyphs), tj)
	}
}

// BenchmarkAppendTJ encodes every word of the open letter, shaped
// beforehand, as a TJ operator.
func BenchmarkAppendTJ(b *testing.B) {
	data, err := os.ReadFile("../../../seeds/open-letter-1964/source.txt")
	if err != nil {
		b.Skipf("seed text: %v", err)
	}
	sf, gf := gentium()
	st := shape.NewStack(sf)
	sh := shape.NewShaper()
	var words [][]Glyph
	for _, w := range strings.Fields(string(data)) {
		s := sh.Shape(w, shape.Style{Stack: st, Features: shape.Default})
		for _, r := range s.Runs {
			var gs []Glyph
			for i, g := range r.Glyphs {
				gs = append(gs, Glyph{ID: g.ID, Text: r.Text(w, i), Advance: g.XAdvance, XOffset: g.XOffset, YOffset: g.YOffset})
			}
			words = append(words, gs)
		}
	}
	enc := gf.NewEncoder()
	var buf []byte
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			buf = enc.AppendTJ(buf[:0], w, 10)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

// BenchmarkNew extends Gentium Book Plus Regular's cmap and rewrites the
// file, which a build does once for each face it draws with.
func BenchmarkNew(b *testing.B) {
	sf, _ := gentium()
	ttf := fonts.GentiumBookPlus.TrueType(fonts.Regular)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(ttf, sf); err != nil {
			b.Fatal(err)
		}
	}
}

// TestChecksums checks the extended font's table directory against the
// data: every table's checksum (head's taken with checkSumAdjustment 0),
// and the file's, which checkSumAdjustment brings to 0xB1B0AFBA
// (OpenType, "head"), for every bundled face.
func TestChecksums(t *testing.T) {
	for _, face := range fonts.AllFaces {
		ttf := fonts.TrueType(face)
		sf, err := shape.ParseFont(fonts.PostScriptName(face), ttf)
		if err != nil {
			t.Fatal(err)
		}
		gf, err := New(ttf, sf)
		if err != nil {
			t.Fatal(err)
		}
		out := gf.TTF()
		if got := slowChecksum(out); got != 0xB1B0AFBA {
			t.Errorf("face %d: the file's checksum is %08x, want b1b0afba", face, got)
		}
		n := int(binary.BigEndian.Uint16(out[4:]))
		for i := range n {
			rec := out[12+16*i:]
			off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			data := bytes.Clone(out[off : off+length])
			if string(rec[:4]) == "head" {
				binary.BigEndian.PutUint32(data[8:], 0)
			}
			if got, want := binary.BigEndian.Uint32(rec[4:]), slowChecksum(data); got != want {
				t.Errorf("face %d: table %s's checksum is %08x, want %08x", face, rec[:4], got, want)
			}
		}
	}
}

// slowChecksum is the OpenType checksum as the specification writes it:
// the data padded with zeros to a multiple of four bytes, summed as
// big-endian words.
func slowChecksum(data []byte) uint32 {
	padded := append(bytes.Clone(data), make([]byte, (4-len(data)%4)%4)...)
	var sum uint32
	for i := 0; i < len(padded); i += 4 {
		sum += uint32(padded[i])<<24 | uint32(padded[i+1])<<16 | uint32(padded[i+2])<<8 | uint32(padded[i+3])
	}
	return sum
}
