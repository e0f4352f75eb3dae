package subset

import (
	"bytes"
	"encoding/binary"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/harfbuzz"

	"github.com/bindery-editions/bindery/fonts"
)

// sample is text the subsets are made for and shaped with: an
// introduction of the open letter and a line each of Greek, Cyrillic,
// Albanian, German and French, with ligatures and typographic punctuation.
func sample(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// featureSets are the ways the text is shaped: HarfBuzz's defaults, small
// capitals as the EPUB's headings ask (font-variant: small-caps), old-style
// figures as its body does, and ligatures and kerning off.
var featureSets = map[string]map[string]uint32{
	"default":        nil,
	"small-caps":     {"smcp": 1},
	"all-small-caps": {"smcp": 1, "c2sc": 1},
	"oldstyle":       {"onum": 1},
	"plain":          {"liga": 0, "kern": 0},
}

// TestShapesAsTheFullFont subsets each face of the book typeface to the
// sample and shapes every word of it with both: the same glyphs, advances,
// offsets and outlines, for every feature set.
func TestShapesAsTheFullFont(t *testing.T) {
	text := sample(t)
	words := strings.Fields(text)
	for _, face := range fonts.Faces {
		t.Run(face.String(), func(t *testing.T) {
			full := fonts.Book.TrueType(face)
			sub, err := TrueType(full, []rune(text))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d bytes, subset %d bytes (%.1f%%)", face, len(full), len(sub), 100*float64(len(sub))/float64(len(full)))
			fullFace, subFace := parseFace(t, full), parseFace(t, sub)
			fullFont, subFont := harfbuzz.NewFont(fullFace), harfbuzz.NewFont(subFace)
			compared := map[font.GID]bool{}
			for name, tags := range featureSets {
				var features []harfbuzz.Feature
				for tag, value := range tags {
					features = append(features, harfbuzz.Feature{Tag: ot.MustNewTag(tag), Value: value, Start: harfbuzz.FeatureGlobalStart, End: harfbuzz.FeatureGlobalEnd})
				}
				for _, w := range words {
					want, got := shape(fullFont, w, features), shape(subFont, w, features)
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("%s, %q: subset shapes %v, full font %v", name, w, got, want)
					}
					for _, g := range want {
						if compared[g.id] {
							continue
						}
						compared[g.id] = true
						if !reflect.DeepEqual(subFace.GlyphData(g.id), fullFace.GlyphData(g.id)) {
							t.Fatalf("%s, %q: glyph %d's outline differs in the subset", name, w, g.id)
						}
					}
				}
			}
		})
	}
}

type shapedGlyph struct {
	id                        font.GID
	advance, xOffset, yOffset int32
}

func shape(face *harfbuzz.Font, word string, features []harfbuzz.Feature) []shapedGlyph {
	buf := harfbuzz.NewBuffer()
	runes := []rune(word)
	buf.AddRunes(runes, 0, len(runes))
	buf.GuessSegmentProperties()
	buf.Shape(face, features)
	out := make([]shapedGlyph, len(buf.Info))
	for i, info := range buf.Info {
		p := buf.Pos[i]
		out[i] = shapedGlyph{info.Glyph, p.XAdvance, p.XOffset, p.YOffset}
	}
	return out
}

func parseFace(t *testing.T, data []byte) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestKeepsOnlyWhatTheTextReaches checks what the subset leaves out: a
// character the text lacks is not mapped, and its glyph, which nothing the
// text has can become, is empty; .notdef is kept.
func TestKeepsOnlyWhatTheTextReaches(t *testing.T) {
	full := fonts.Book.TrueType(fonts.Regular)
	fullFace := parseFace(t, full)
	sub, err := TrueType(full, []rune("Hello, world"))
	if err != nil {
		t.Fatal(err)
	}
	subFace := parseFace(t, sub)
	for _, tc := range []struct {
		r    rune
		kept bool
	}{
		{'H', true}, {'o', true}, {',', true},
		{'Q', false}, {'Ж', false}, {'λ', false},
	} {
		g, _ := fullFace.NominalGlyph(tc.r)
		_, mapped := subFace.NominalGlyph(tc.r)
		outline, _ := subFace.GlyphData(g).(font.GlyphOutline)
		hasOutline := len(outline.Segments) > 0
		if mapped != tc.kept || hasOutline != tc.kept {
			t.Errorf("%q (glyph %d): mapped %v, outline %v; want both %v", tc.r, g, mapped, hasOutline, tc.kept)
		}
	}
	if o, _ := subFace.GlyphData(0).(font.GlyphOutline); len(o.Segments) == 0 {
		t.Error(".notdef lost its outline")
	}
	// The small capital of a kept letter (h) stays (GSUB smcp), so a heading
	// in small capitals is drawn from the subset.
	h, _ := fullFace.NominalGlyph('h')
	smcp := shape(harfbuzz.NewFont(fullFace), "h", []harfbuzz.Feature{{Tag: ot.MustNewTag("smcp"), Value: 1, End: harfbuzz.FeatureGlobalEnd}})
	if len(smcp) != 1 || smcp[0].id == h {
		t.Fatalf("the full font has no small capital h: %v", smcp)
	}
	if o, _ := subFace.GlyphData(smcp[0].id).(font.GlyphOutline); len(o.Segments) == 0 {
		t.Error("the small capital of h lost its outline")
	}
}

// TestWellFormed checks the file the subsetter writes against the
// OpenType specification's rules for the table directory: tables in tag
// order on four-byte boundaries, each checksum right, the whole file
// summing to 0xB1B0AFBA, and no dropped table left.
func TestWellFormed(t *testing.T) {
	sub, err := TrueType(fonts.Book.TrueType(fonts.Italic), []rune(sample(t)))
	if err != nil {
		t.Fatal(err)
	}
	if s := checksum(sub); s != 0xB1B0AFBA {
		t.Errorf("the file sums to %#x, want 0xB1B0AFBA", s)
	}
	n := int(binary.BigEndian.Uint16(sub[4:]))
	var tags []string
	for i := range n {
		rec := sub[12+16*i:]
		tag := string(rec[:4])
		tags = append(tags, tag)
		sum, off, length := binary.BigEndian.Uint32(rec[4:]), binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if off%4 != 0 {
			t.Errorf("%s at %d, not on a four-byte boundary", tag, off)
		}
		data := sub[off : off+length]
		if tag == "head" {
			data = slices.Clone(data)
			binary.BigEndian.PutUint32(data[8:], 0)
		}
		if c := checksum(data); c != sum {
			t.Errorf("%s: checksum %#x, directory says %#x", tag, c, sum)
		}
		if droppedTables[tag] {
			t.Errorf("%s is still there", tag)
		}
	}
	if !slices.IsSorted(tags) {
		t.Errorf("tables out of order: %v", tags)
	}
	for _, want := range []string{"GSUB", "GPOS", "GDEF", "cmap", "glyf", "loca", "hmtx", "name", "post"} {
		if !slices.Contains(tags, want) {
			t.Errorf("no %s table; have %v", want, tags)
		}
	}
}

// TestDeterministic: the subset depends on the set of characters only, not
// their order or repetition.
func TestDeterministic(t *testing.T) {
	full := fonts.Book.TrueType(fonts.Bold)
	a, err := TrueType(full, []rune("the open letter"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := TrueType(full, []rune("rettel nepo eht eeee"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the same characters in another order gave another font")
	}
}

func TestRefusesWhatIsNotATrueTypeFont(t *testing.T) {
	full := fonts.Book.TrueType(fonts.Regular)
	cff := slices.Clone(full[:64])
	copy(cff, "OTTO")
	cut := slices.Clone(full[:200]) // the directory points past the end
	for name, data := range map[string][]byte{
		"empty":     nil,
		"text":      []byte("This is not a font at all, only words."),
		"CFF":       cff,
		"truncated": cut,
	} {
		if _, err := TrueType(data, []rune("abc")); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestSmallerThanTheFont measures what subsetting saves for the sample and
// checks that it saves at all (the sizes are logged, not asserted).
func TestSmallerThanTheFont(t *testing.T) {
	for _, face := range fonts.Faces {
		full := fonts.Book.TrueType(face)
		sub, err := TrueType(full, []rune(sample(t)))
		if err != nil {
			t.Fatal(err)
		}
		if len(sub) >= len(full) {
			t.Errorf("%s: subset %d bytes, not smaller than the font's %d", face, len(sub), len(full))
		}
	}
}
