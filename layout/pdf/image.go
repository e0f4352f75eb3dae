package pdf

import (
	"bytes"
	"fmt"
	"image"
	imgdraw "image/draw"
	"image/png"

	"github.com/bindery-editions/bindery/layout/drawing"
)

// This file prepares a figure's image for the PDF writer (pdf.go draws
// it). fpdf embeds a JPEG as it is, with the DCT filter, and a PNG's
// compressed data as it is, with the Flate filter and PNG predictors (ISO
// 32000-1, 7.4.4), but it reads only PNGs of at most 8 bits a channel and
// without interlacing; any other PNG is decoded and written again in the
// form it reads, losing nothing a printed page can show.

// pdfImage returns an image's bytes in a form fpdf reads and fpdf's name
// for its type.
func pdfImage(im *drawing.Image) ([]byte, string, error) {
	switch im.Format {
	case "jpeg":
		return im.Data, "JPG", nil
	case "png":
		if pngReadable(im.Data) {
			return im.Data, "PNG", nil
		}
		img, err := png.Decode(bytes.NewReader(im.Data))
		if err != nil {
			return nil, "", fmt.Errorf("image %s: %w", im.Name, err)
		}
		rgba := image.NewNRGBA(img.Bounds())
		imgdraw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, imgdraw.Src)
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.DefaultCompression}
		if err := enc.Encode(&buf, rgba); err != nil {
			return nil, "", fmt.Errorf("image %s: %w", im.Name, err)
		}
		return buf.Bytes(), "PNG", nil
	}
	return nil, "", fmt.Errorf("image %s: the PDF cannot embed a %s image", im.Name, im.Format)
}

// pngReadable reports whether fpdf reads a PNG as it is: its header chunk
// (PNG specification, §11.2.2) gives a bit depth of at most 8 and no
// interlacing.
func pngReadable(data []byte) bool {
	// signature (8), chunk length (4), "IHDR" (4), width, height (4 each),
	// bit depth, colour type, compression, filter, interlace (1 each)
	if len(data) < 29 || string(data[12:16]) != "IHDR" {
		return false
	}
	depth, interlace := data[24], data[28]
	return depth <= 8 && interlace == 0
}
