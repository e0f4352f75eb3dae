package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/unit"
)

// encodePNG draws a w×h image, 16 bits a channel when deep, interlacing
// being beyond image/png's encoder.
func encodePNG(t *testing.T, w, h int, deep bool) []byte {
	t.Helper()
	var img image.Image
	if deep {
		m := image.NewNRGBA64(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				m.Set(x, y, color.NRGBA64{uint16(x * 5000), uint16(y * 5000), 30000, 65535})
			}
		}
		img = m
	} else {
		m := image.NewNRGBA(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				m.Set(x, y, color.NRGBA{uint8(x * 20), uint8(y * 20), 120, 255})
			}
		}
		img = m
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPNGReadable(t *testing.T) {
	if !pngReadable(encodePNG(t, 4, 3, false)) {
		t.Error("an 8-bit PNG is readable as it is")
	}
	deep := encodePNG(t, 4, 3, true)
	if pngReadable(deep) {
		t.Error("a 16-bit PNG is not")
	}
	data, kind, err := pdfImage(&drawing.Image{Name: "deep.png", Format: "png", Data: deep})
	if err != nil || kind != "PNG" || !pngReadable(data) {
		t.Errorf("the 16-bit PNG written again: %v, %s, readable %v", err, kind, pngReadable(data))
	}
	if _, _, err := pdfImage(&drawing.Image{Name: "x.gif", Format: "gif"}); err == nil {
		t.Error("a GIF is refused")
	}
}

// TestWritePDFImages draws a PNG twice and a JPEG once: the file holds
// each image once, drawn where the drawing puts it.
func TestWritePDFImages(t *testing.T) {
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, image.NewGray(image.Rect(0, 0, 8, 8)), nil); err != nil {
		t.Fatal(err)
	}
	pngImg := &drawing.Image{Name: "a.png", Format: "png", Data: encodePNG(t, 10, 5, true), Width: 10, Height: 5}
	jpgImg := &drawing.Image{Name: "b.jpg", Format: "jpeg", Data: jb.Bytes(), Width: 8, Height: 8}
	pages := smallPages()
	pages[0].Images = []drawing.PlacedImage{{X: 72 * unit.Point, Y: 200 * unit.Point, W: 144 * unit.Point, H: 72 * unit.Point, Image: pngImg}}
	pages[1].Images = []drawing.PlacedImage{
		{X: 72 * unit.Point, Y: 200 * unit.Point, W: 100 * unit.Point, H: 50 * unit.Point, Image: pngImg},
		{X: 72 * unit.Point, Y: 300 * unit.Point, W: 80 * unit.Point, H: 80 * unit.Point, Image: jpgImg},
	}
	file, err := writeSmall(smallSpec(0), pages)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(file, []byte("/Subtype /Image")); n != 2 {
		t.Errorf("%d image objects, want 2 (one a file)", n)
	}
	if !bytes.Contains(file, []byte("/Filter /DCTDecode")) {
		t.Error("the JPEG is not embedded as it is")
	}
	if p, err := exec.LookPath("qpdf"); err == nil {
		path := filepath.Join(t.TempDir(), "images.pdf")
		if err := os.WriteFile(path, file, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(p, "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}
