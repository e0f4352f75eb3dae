package coverimage

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"github.com/bindery-editions/bindery/fonts"
)

// TestCoverPixelsMatchCompositing checks the cover's shortcut against the
// plain way: text drawn as coverage and turned into palette indices must
// give, pixel for pixel, the colours font.Drawer gives compositing ink and
// accent over paper in RGBA, to within the rounding of the 127 steps. The
// ink's lines are set closer than their size, so glyphs overlap.
func TestCoverPixelsMatchCompositing(t *testing.T) {
	ft, err := opentype.Parse(fonts.TrueType(fonts.Italic))
	if err != nil {
		t.Fatal(err)
	}
	fc, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: 64, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	defer fc.Close()
	inkLines := setCentered(fc, "Wolves AVATAR office, effluvium: “Tirana” — Ǻ fjord ¶ Qy", 700, 80, 40)
	accentLines := setCentered(fc, "Tirana · 1964", 1100, 300, 70)
	bounds := image.Rect(0, 0, Width, 340)

	ref := image.NewRGBA(bounds)
	draw.Draw(ref, bounds, &image.Uniform{Paper}, image.Point{}, draw.Src)
	for _, set := range []struct {
		lines centeredLines
		c     color.RGBA
	}{{inkLines, coverInk}, {accentLines, coverAccent}} {
		d := &font.Drawer{Dst: ref, Src: &image.Uniform{set.c}, Face: fc}
		for i, l := range set.lines.lines {
			d.Dot = set.lines.dots[i]
			d.DrawString(l)
		}
	}

	ink := image.NewAlpha(bounds)
	inkLines.draw(ink)
	got := coverIndexed(ink, inkLines.bounds())
	band := image.NewAlpha(accentLines.bounds())
	accentLines.draw(band)
	addAccent(got, band)

	worst, marked := 0, 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			want := ref.RGBAAt(x, y)
			have := got.Palette[got.ColorIndexAt(x, y)].(color.RGBA)
			if want != Paper {
				marked++
			}
			for _, d := range []int{int(want.R) - int(have.R), int(want.G) - int(have.G), int(want.B) - int(have.B)} {
				if d < 0 {
					d = -d
				}
				if d > worst {
					worst = d
				}
				if d > 3 {
					t.Fatalf("pixel (%d,%d) = %v, composited %v", x, y, have, want)
				}
			}
		}
	}
	if marked < 10000 {
		t.Fatalf("only %d pixels drawn: the test text did not reach the image", marked)
	}
	t.Logf("%d pixels drawn; largest channel difference %d", marked, worst)
}

// TestCoverLongTitle draws covers whose title and subtitle are far longer
// than a cover holds: the text and the rules beneath it run off the image,
// which must be clipped, not fail.
func TestCoverLongTitle(t *testing.T) {
	long := strings.Repeat("An Exceedingly Long Subtitle of the Kind Eighteenth-Century Printers Set ", 20)
	for _, m := range []*model.Meta{
		{Title: "A Title", Subtitle: long},
		{Title: long, Creators: []model.Creator{{Name: "Someone"}}},
		{Title: long, Subtitle: long, Original: model.Original{Place: "London", Year: "1764"}},
	} {
		data, err := PNG(m)
		if err != nil {
			t.Fatalf("title of %d characters: %v", len(m.Title), err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
			t.Errorf("cover is %v, want %dx%d", b, Width, Height)
		}
	}
}

// TestCoverDeterministic draws the same cover twice: the bytes agree.
func TestCoverDeterministic(t *testing.T) {
	m := &model.Meta{Title: "An Open Letter", Subtitle: "To the Members of the Party", Creators: []model.Creator{{Name: "A. Writer"}}, Original: model.Original{Place: "Tirana", Year: "1964"}}
	a, err := PNG(m)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := PNG(m)
	if !bytes.Equal(a, b) {
		t.Fatal("two covers differ")
	}
	if !bytes.HasPrefix(a, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("not a PNG")
	}
}
