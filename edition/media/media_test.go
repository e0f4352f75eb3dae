package media

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/markdown"
)

// samplePNG and sampleJPEG are small images drawn the same way each time.
func samplePNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func sampleJPEG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 2), 80, uint8(y * 2), 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func TestFigures(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "seed")
	if err := os.MkdirAll(filepath.Join(book, "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		filepath.Join(book, "img", "here.png"): samplePNG(30, 20),
		filepath.Join(book, "my map.jpg"):      sampleJPEG(16, 8),
		filepath.Join(dir, "outside.png"):      samplePNG(2, 2),
		filepath.Join(book, "broken.png"):      []byte("\x89PNG\r\n\x1a\nnot really"),
		filepath.Join(book, "text.png"):        []byte("hello"),
		filepath.Join(book, "active.svg"):      []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`),
		filepath.Join(book, "plain.svg"):       []byte(`<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>`),
	}
	for f, data := range files {
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	md := "# One\n\n![Present](img/here.png)\n\n![A missing map](img/gone.png)\n\n" +
		"> ![Quoted and missing](q.png)\n\n![Escaped name](my%20map.jpg)\n\n![Outside](../outside.png)\n\n" +
		"![Remote](https://example.org/x.png)\n\n![Folder](img)\n\nNote.[^1]\n\n![Broken](broken.png)\n\n" +
		"![Not an image](text.png)\n\n![Scripted](active.svg)\n\n![Drawing](plain.svg)\n\n[^1]: ![In a note](n.png)\n"
	src, err := markdown.Read("text.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	res, warns := Figures(src.File, book, src.Sections, src.Notes)
	var got []string
	for _, w := range warns {
		got = append(got, w.String())
	}
	want := []string{
		`text.md:5: image "img/gone.png" not found; its alt text "A missing map" stands in`,
		`text.md:7: image "q.png" not found; its alt text "Quoted and missing" stands in`,
		`text.md:11: image "../outside.png" is outside the seed folder; its alt text "Outside" stands in`,
		`text.md:13: image "https://example.org/x.png" is not a file in the seed folder and is not fetched; its alt text "Remote" stands in`,
		`text.md:15: image "img" is not a file; its alt text "Folder" stands in`,
		`text.md:19: image "broken.png" cannot be read (unexpected EOF); its alt text "Broken" stands in`,
		`text.md:21: image "text.png" is not a PNG, JPEG or SVG file; its alt text "Not an image" stands in`,
		`text.md:23: image "active.svg" is an SVG document with a script or an event handler; its alt text "Scripted" stands in`,
		`text.md:25: image "plain.svg" is SVG: the EPUB shows it, the print edition sets its alt text in its place; give a PNG or JPEG for print`,
		`text.md:27: image "n.png" not found; its alt text "In a note" stands in`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r := res["img/here.png"]; r == nil || r.MediaType != "image/png" || r.Width != 30 || r.Height != 20 {
		t.Errorf("img/here.png: %+v", r)
	}
	if r := res["my%20map.jpg"]; r == nil || r.MediaType != "image/jpeg" || r.Width != 16 || r.Height != 8 {
		t.Errorf("my%%20map.jpg: %+v", r)
	}
	if len(res) != 3 {
		t.Errorf("%d images read, want 3 (two rasters and the plain SVG)", len(res))
	}
}
