package epub

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"sync"

	"github.com/bindery-editions/bindery/edition/epub/coverimage"
)

// coverStandIn is a one-pixel PNG of the paper's colour, as a data URL:
// what go-epub stores as the cover image until the finishing pass puts the
// cover in its place (see Write). It is made on first use, not when the
// program starts: the PNG encoder's zlib writer is most of a millisecond
// that every command, bindery --version too, would pay.
var coverStandIn = sync.OnceValue(func() string {
	var buf bytes.Buffer
	img := image.NewPaletted(image.Rect(0, 0, 1, 1), color.Palette{coverimage.Paper})
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // a one-pixel image into memory cannot fail
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())
})
