package edition

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/bindery-editions/bindery/fonts"
)

// The cover is a typographic one, drawn in Go with the edition's own
// typeface, so a build needs no image tool and two builds give the same
// bytes: the rasterizer and the PNG encoder are deterministic, and nothing
// here reads the clock or a random source.
//
// Its proportions are 1:1.5, the shape most e-book stores ask for, at a size
// that stays sharp on a large tablet.
const (
	coverWidth  = 1400
	coverHeight = 2100
	coverMargin = 150
)

var (
	coverPaper  = color.RGBA{0xf3, 0xec, 0xdc, 0xff} // unbleached paper
	coverInk    = color.RGBA{0x1f, 0x1c, 0x1a, 0xff}
	coverAccent = color.RGBA{0x8b, 0x1e, 0x1e, 0xff} // the rules and the year
)

// coverPNG draws the cover from the edition's title, subtitle, creators and
// the original's year.
func coverPNG(m *Meta) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, coverWidth, coverHeight))
	draw.Draw(img, img.Bounds(), &image.Uniform{coverPaper}, image.Point{}, draw.Src)

	faces := map[string]font.Face{}
	face := func(f fonts.Face, size float64) (font.Face, error) {
		key := fmt.Sprintf("%s/%g", f, size)
		if fc, ok := faces[key]; ok {
			return fc, nil
		}
		ft, err := opentype.Parse(fonts.TrueType(f))
		if err != nil {
			return nil, fmt.Errorf("cover: font %s: %w", f, err)
		}
		fc, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return nil, fmt.Errorf("cover: font %s: %w", f, err)
		}
		faces[key] = fc
		return fc, nil
	}
	defer func() {
		for _, fc := range faces {
			fc.Close()
		}
	}()

	measure := coverWidth - 2*coverMargin
	rule := func(y, w int) {
		x0 := (coverWidth - w) / 2
		draw.Draw(img, image.Rect(x0, y, x0+w, y+4), &image.Uniform{coverAccent}, image.Point{}, draw.Src)
	}

	// Creators above, small and spaced.
	y := 420
	var names []string
	for _, c := range m.Creators {
		names = append(names, c.Name)
	}
	if len(names) > 0 {
		fc, err := face(fonts.Regular, 46)
		if err != nil {
			return nil, err
		}
		y = drawCentered(img, fc, coverInk, strings.Join(names, " · "), measure, y, 62)
	}
	rule(y+40, 220)

	// The title, as large as the measure allows for its longest word.
	size := 150.0
	var tf font.Face
	for ; size > 60; size -= 6 {
		fc, err := face(fonts.Bold, size)
		if err != nil {
			return nil, err
		}
		if longestWord(fc, m.Title) <= measure {
			tf = fc
			break
		}
	}
	if tf == nil {
		fc, err := face(fonts.Bold, size)
		if err != nil {
			return nil, err
		}
		tf = fc
	}
	y = drawCentered(img, tf, coverInk, m.Title, measure, y+120+int(size*0.8), int(size*1.15))

	if m.Subtitle != "" {
		fc, err := face(fonts.Italic, 64)
		if err != nil {
			return nil, err
		}
		y = drawCentered(img, fc, coverInk, m.Subtitle, measure, y+90, 84)
	}
	rule(y+70, 220)

	// The original's place and year at the foot.
	foot := strings.TrimSpace(strings.Join(nonEmpty(m.Original.Place, m.Original.Year), " · "))
	if foot != "" {
		fc, err := face(fonts.Regular, 54)
		if err != nil {
			return nil, err
		}
		drawCentered(img, fc, coverAccent, foot, measure, coverHeight-220, 70)
	}

	var buf bytes.Buffer
	// BestSpeed: BestCompression took about eight times as long (most of
	// the open letter's EPUB time, see BENCHMARKS.md) for a file 5% smaller.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, coverPaletted(img)); err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	return buf.Bytes(), nil
}

// coverPaletted converts the drawn cover to 8-bit indexed colour, which
// the PNG encoder writes a third the size and several times faster than
// RGB. Every pixel of the cover is the paper, or the paper under ink or
// accent at some coverage (the rules and the anti-aliased edges of the
// glyphs), so a palette of the paper and 127 steps towards each of the two
// colours holds it with no visible loss.
func coverPaletted(img *image.RGBA) *image.Paletted {
	const steps = 127
	pal := make(color.Palette, 0, 1+2*steps)
	pal = append(pal, coverPaper)
	mix := func(c color.RGBA, k int) color.RGBA {
		f := func(p, q uint8) uint8 { return uint8((int(p)*(steps-k) + int(q)*k + steps/2) / steps) }
		return color.RGBA{f(coverPaper.R, c.R), f(coverPaper.G, c.G), f(coverPaper.B, c.B), 0xff}
	}
	for _, c := range []color.RGBA{coverInk, coverAccent} {
		for k := 1; k <= steps; k++ {
			pal = append(pal, mix(c, k))
		}
	}
	out := image.NewPaletted(img.Bounds(), pal)
	// coverage estimates how far a pixel has gone from the paper towards
	// c, in steps, from its green and blue channels, which both colours
	// darken alike; the red channel, where they differ most, tells which.
	coverage := func(px color.RGBA, c color.RGBA) int {
		d := int(coverPaper.G) - int(c.G) + int(coverPaper.B) - int(c.B)
		n := int(coverPaper.G) - int(px.G) + int(coverPaper.B) - int(px.B)
		return min(max((n*steps+d/2)/d, 0), steps)
	}
	for y := 0; y < coverHeight; y++ {
		for x := 0; x < coverWidth; x++ {
			i := img.PixOffset(x, y)
			px := color.RGBA{img.Pix[i], img.Pix[i+1], img.Pix[i+2], 0xff}
			if px == coverPaper {
				continue // index 0
			}
			ki, ka := coverage(px, coverInk), coverage(px, coverAccent)
			ri, ra := int(mix(coverInk, ki).R)-int(px.R), int(mix(coverAccent, ka).R)-int(px.R)
			if ri*ri <= ra*ra {
				out.Pix[out.PixOffset(x, y)] = uint8(ki)
			} else if ka > 0 {
				out.Pix[out.PixOffset(x, y)] = uint8(steps + ka)
			}
		}
	}
	return out
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func longestWord(fc font.Face, s string) int {
	w := 0
	for _, word := range strings.Fields(s) {
		if x := font.MeasureString(fc, word).Ceil(); x > w {
			w = x
		}
	}
	return w
}

// drawCentered sets text in lines of at most measure pixels, each centred,
// the first baseline at y and the next ones leading pixels apart; it returns
// the last baseline. Lines are filled greedily: a cover's few lines need no
// more.
func drawCentered(img draw.Image, fc font.Face, c color.Color, text string, measure, y, leading int) int {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if line != "" && font.MeasureString(fc, try).Ceil() > measure {
			lines = append(lines, line)
			line = w
		} else {
			line = try
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	d := &font.Drawer{Dst: img, Src: &image.Uniform{c}, Face: fc}
	last := y
	for i, l := range lines {
		w := font.MeasureString(fc, l)
		last = y + i*leading
		d.Dot = fixed.Point26_6{X: fixed.I(coverWidth/2) - w/2, Y: fixed.I(last)}
		d.DrawString(l)
	}
	return last
}

// coverAlt is the cover image's text alternative: what the picture says.
func coverAlt(m *Meta) string {
	s := "Cover: " + m.Title
	if m.Subtitle != "" {
		s += ", " + m.Subtitle
	}
	var names []string
	for _, c := range m.Creators {
		names = append(names, c.Name)
	}
	if len(names) > 0 {
		s += ", by " + strings.Join(names, " and ")
	}
	if foot := nonEmpty(m.Original.Place, m.Original.Year); len(foot) > 0 {
		s += ". " + strings.Join(foot, ", ")
	}
	return s + "."
}
