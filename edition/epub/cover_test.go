package epub

import (
	"archive/zip"
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
	bounds := image.Rect(0, 0, coverWidth, 340)

	ref := image.NewRGBA(bounds)
	draw.Draw(ref, bounds, &image.Uniform{coverPaper}, image.Point{}, draw.Src)
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
			if want != coverPaper {
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

// TestCoverDrawnAhead checks that a cover drawn ahead (Options.Cover, as
// Build does while the book is typeset) gives the same EPUB.
func TestCoverDrawnAhead(t *testing.T) {
	ed := sampleEdition()
	opts := sampleOptions()
	drawn, err := CoverPNG(&ed.Meta)
	opts.Cover = func() ([]byte, error) { return drawn, err }
	var buf bytes.Buffer
	if _, err := Write(&buf, ed, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), writeSample(t)) {
		t.Fatal("the EPUB differs when its cover is drawn ahead")
	}
	img, err := png.Decode(bytes.NewReader(mustCover(t, opts.Cover)))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, coverWidth, coverHeight) {
		t.Fatalf("cover is %v", img.Bounds())
	}
}

func mustCover(t *testing.T, cover func() ([]byte, error)) []byte {
	t.Helper()
	data, err := cover()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestWriteEPUBCoverImage checks that the publication carries the drawn
// cover, not go-epub's one-pixel stand-in, and stores it uncompressed.
func TestWriteEPUBCoverImage(t *testing.T) {
	want, err := CoverPNG(&sampleEdition().Meta)
	if err != nil {
		t.Fatal(err)
	}
	_, files, zr := unzipEPUB(t, writeSample(t))
	name := epubRoot + "images/" + coverImage
	if files[name] != string(want) {
		t.Fatalf("%s is not the drawn cover (%d bytes, want %d)", name, len(files[name]), len(want))
	}
	for _, f := range zr.File {
		if f.Name == name && f.Method != zip.Store {
			t.Errorf("%s compressed (method %d): a PNG is compressed already", name, f.Method)
		}
	}
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
		data, err := CoverPNG(m)
		if err != nil {
			t.Fatalf("title of %d characters: %v", len(m.Title), err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != coverWidth || b.Dy() != coverHeight {
			t.Errorf("cover is %v, want %dx%d", b, coverWidth, coverHeight)
		}
	}
}
