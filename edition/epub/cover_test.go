package epub

import (
	"archive/zip"
	"bytes"
	"image"
	"image/png"
	"testing"

	"github.com/bindery-editions/bindery/edition/epub/coverimage"
)

// TestCoverDrawnAhead checks that a cover drawn ahead (Options.Cover, as
// Build does while the book is typeset) gives the same EPUB.
func TestCoverDrawnAhead(t *testing.T) {
	ed := sampleEdition()
	opts := sampleOptions()
	drawn, err := coverimage.PNG(&ed.Meta)
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
	if img.Bounds() != image.Rect(0, 0, coverimage.Width, coverimage.Height) {
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
	want, err := coverimage.PNG(&sampleEdition().Meta)
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
