package epub

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"

	"github.com/bindery-editions/bindery/edition/model"

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

// coverSteps is the number of palette entries between the paper and each
// of the two colours; coverPalette explains the palette.
const coverSteps = 127

// coverPalette is the cover's 8-bit palette: the paper (index 0), then 127
// steps from the paper towards the ink (1–127, the last the ink itself) and
// 127 towards the accent (128–254). Every pixel of the cover is the paper,
// or the paper under ink or accent at some coverage (the rules and the
// anti-aliased edges of the glyphs), so the palette holds the picture with
// no visible loss, and an indexed PNG is a third the size of an RGB one and
// several times faster to encode.
var coverPalette = func() color.Palette {
	pal := make(color.Palette, 0, 1+2*coverSteps)
	pal = append(pal, coverPaper)
	for _, c := range []color.RGBA{coverInk, coverAccent} {
		for k := 1; k <= coverSteps; k++ {
			f := func(p, q uint8) uint8 {
				return uint8((int(p)*(coverSteps-k) + int(q)*k + coverSteps/2) / coverSteps)
			}
			pal = append(pal, color.RGBA{f(coverPaper.R, c.R), f(coverPaper.G, c.G), f(coverPaper.B, c.B), 0xff})
		}
	}
	return pal
}()

// coverStep maps a coverage (alpha 0–255) to its step towards a colour,
// 0–127, rounded to the nearest.
var coverStep = func() (t [256]uint8) {
	for a := range t {
		t[a] = uint8((a*coverSteps + 255/2) / 255)
	}
	return t
}()

// CoverPNG draws the cover from the edition's title, subtitle, creators and
// the original's year.
//
// The cover is never drawn in colour. The glyphs are rasterized as coverage
// (an alpha mask) and each pixel's palette index follows from its
// coverage: the step towards the ink, or towards the accent in the
// accent's few bands. This gives the picture that compositing ink over
// paper in RGBA and matching each pixel to the palette gives (to a level or
// two at glyph edges; TestCoverPixelsMatchCompositing), at a quarter of the
// memory and without the per-pixel colour search.
func CoverPNG(m *model.Meta) ([]byte, error) {
	bounds := image.Rect(0, 0, coverWidth, coverHeight)
	// ink holds the ink's coverage while the text is drawn, and the
	// palette indices after coverIndexed: one byte a pixel either way, so
	// the paletted image shares its pixels.
	ink := image.NewAlpha(bounds)
	var inked image.Rectangle  // where the ink is: all else is paper
	var accents []*image.Alpha // the accent's coverage, band by band
	drawInk := func(c centeredLines) int {
		inked = inked.Union(c.bounds())
		return c.draw(ink)
	}

	var fontErr error
	parsed := map[fonts.Face]*opentype.Font{}
	var faces []font.Face
	face := func(f fonts.Face, size float64) font.Face {
		ft, ok := parsed[f]
		if !ok {
			var err error
			if ft, err = opentype.Parse(fonts.TrueType(f)); err != nil {
				fontErr = fmt.Errorf("cover: font %s: %w", f, err)
				return nil
			}
			parsed[f] = ft
		}
		fc, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			fontErr = fmt.Errorf("cover: font %s: %w", f, err)
			return nil
		}
		faces = append(faces, fc)
		return fc
	}
	defer func() {
		for _, fc := range faces {
			fc.Close()
		}
	}()

	measure := coverWidth - 2*coverMargin
	rule := func(y, w int) {
		x0 := (coverWidth - w) / 2
		band := image.NewAlpha(image.Rect(x0, y, x0+w, y+4))
		draw.Draw(band, band.Rect, image.Opaque, image.Point{}, draw.Src)
		accents = append(accents, band)
	}

	// Creators above, small and spaced.
	y := 420
	names := coverNames(m)
	if len(names) > 0 {
		fc := face(fonts.Regular, 46)
		if fc == nil {
			return nil, fontErr
		}
		y = drawInk(setCentered(fc, strings.Join(names, " · "), measure, y, 62))
	}
	rule(y+40, 220)

	// The title, as large as the measure allows for its longest word.
	size := 150.0
	var tf font.Face
	for ; size > 60; size -= 6 {
		fc := face(fonts.Bold, size)
		if fc == nil {
			return nil, fontErr
		}
		if longestWord(fc, m.Title) <= measure {
			tf = fc
			break
		}
	}
	if tf == nil {
		if tf = face(fonts.Bold, size); tf == nil {
			return nil, fontErr
		}
	}
	y = drawInk(setCentered(tf, m.Title, measure, y+120+int(size*0.8), int(size*1.15)))

	if m.Subtitle != "" {
		fc := face(fonts.Italic, 64)
		if fc == nil {
			return nil, fontErr
		}
		y = drawInk(setCentered(fc, m.Subtitle, measure, y+90, 84))
	}
	rule(y+70, 220)

	// The original's place and year at the foot.
	foot := strings.TrimSpace(strings.Join(nonEmpty(m.Original.Place, m.Original.Year), " · "))
	if foot != "" {
		fc := face(fonts.Regular, 54)
		if fc == nil {
			return nil, fontErr
		}
		lines := setCentered(fc, foot, measure, coverHeight-220, 70)
		band := image.NewAlpha(lines.bounds().Intersect(bounds))
		lines.draw(band)
		accents = append(accents, band)
	}

	img := coverIndexed(ink, inked)
	for _, band := range accents {
		addAccent(img, band)
	}

	var buf bytes.Buffer
	// BestSpeed: BestCompression took about eight times as long (most of
	// the open letter's EPUB time, see BENCHMARKS.md) for a file 5% smaller.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	return buf.Bytes(), nil
}

// coverIndexed turns the ink's coverage into the indexed cover, in place:
// each pixel's index is its step towards the ink. Only the pixels in inked
// need it: elsewhere the coverage is 0, which is the paper's index.
func coverIndexed(ink *image.Alpha, inked image.Rectangle) *image.Paletted {
	inked = inked.Intersect(ink.Rect)
	for y := inked.Min.Y; y < inked.Max.Y; y++ {
		row := ink.Pix[ink.PixOffset(inked.Min.X, y):ink.PixOffset(inked.Max.X, y)]
		for x, a := range row {
			row[x] = coverStep[a]
		}
	}
	return &image.Paletted{Pix: ink.Pix, Stride: ink.Stride, Rect: ink.Rect, Palette: coverPalette}
}

// addAccent paints a band of accent coverage onto the indexed cover. Where
// ink and accent meet (they do not on a cover set as CoverPNG sets it, but
// a long title might reach the foot), the colour with more coverage wins.
func addAccent(img *image.Paletted, band *image.Alpha) {
	// A band may lie partly or wholly off the cover: the rule under a
	// title long enough to fill it.
	r := band.Rect.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := band.Pix[band.PixOffset(r.Min.X, y):band.PixOffset(r.Max.X, y)]
		out := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for x, a := range row {
			switch k, cur := coverStep[a], out[x]; {
			case k == 0:
			case cur > coverSteps: // accent already
				out[x] = coverSteps + max(k, cur-coverSteps)
			case k >= cur:
				out[x] = coverSteps + k
			}
		}
	}
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

// centeredLines is text set in centred lines, ready to draw.
type centeredLines struct {
	face  font.Face
	lines []string
	dots  []fixed.Point26_6 // where each line starts, on its baseline
}

// setCentered sets text in lines of at most measure pixels, each centred,
// the first baseline at y and the next ones leading pixels apart. Lines are
// filled greedily: a cover's few lines need no more.
func setCentered(fc font.Face, text string, measure, y, leading int) centeredLines {
	c := centeredLines{face: fc}
	line := ""
	for _, w := range strings.Fields(text) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if line != "" && font.MeasureString(fc, try).Ceil() > measure {
			c.lines = append(c.lines, line)
			line = w
		} else {
			line = try
		}
	}
	if line != "" {
		c.lines = append(c.lines, line)
	}
	for i, l := range c.lines {
		w := font.MeasureString(fc, l)
		c.dots = append(c.dots, fixed.Point26_6{X: fixed.I(coverWidth/2) - w/2, Y: fixed.I(y + i*leading)})
	}
	if len(c.dots) == 0 {
		c.dots = append(c.dots, fixed.Point26_6{Y: fixed.I(y)}) // no text: draw reports y
	}
	return c
}

// bounds is the rectangle of pixels the lines touch.
func (c centeredLines) bounds() image.Rectangle {
	var r image.Rectangle
	for i, l := range c.lines {
		b, _ := font.BoundString(c.face, l)
		b = b.Add(c.dots[i])
		r = r.Union(image.Rect(b.Min.X.Floor(), b.Min.Y.Floor(), b.Max.X.Ceil(), b.Max.Y.Ceil()))
	}
	return r
}

// draw adds the lines' coverage to mask and returns the last baseline.
func (c centeredLines) draw(mask *image.Alpha) int {
	for i, l := range c.lines {
		drawCoverage(mask, c.face, c.dots[i], l)
	}
	return c.dots[len(c.dots)-1].Y.Round()
}

// drawCoverage draws s with fc from dot into mask, adding each glyph's
// coverage over what is there (a + d·(1−a), Porter and Duff's "over"). It
// is font.Drawer.DrawString with an opaque source, without the generic
// pixel-by-pixel path image/draw takes for an *image.Alpha destination.
func drawCoverage(mask *image.Alpha, fc font.Face, dot fixed.Point26_6, s string) {
	prev := rune(-1)
	for _, c := range s {
		if prev >= 0 {
			dot.X += fc.Kern(prev, c)
		}
		dr, gm, gp, advance, _ := fc.Glyph(dot, c)
		dot.X += advance
		prev = c
		clip := dr.Intersect(mask.Rect)
		if clip.Empty() {
			continue
		}
		gp = gp.Add(clip.Min.Sub(dr.Min))
		glyph, ok := gm.(*image.Alpha)
		if !ok {
			draw.DrawMask(mask, clip, image.Opaque, image.Point{}, gm, gp, draw.Over)
			continue
		}
		for y := 0; y < clip.Dy(); y++ {
			src := glyph.Pix[glyph.PixOffset(gp.X, gp.Y+y):][:clip.Dx()]
			dst := mask.Pix[mask.PixOffset(clip.Min.X, clip.Min.Y+y):][:clip.Dx()]
			for x, a := range src {
				if a != 0 {
					dst[x] = uint8((int(a)*255 + int(dst[x])*(255-int(a)) + 127) / 255)
				}
			}
		}
	}
}

// coverStandIn is a one-pixel PNG of the paper's colour, as a data URL:
// what go-epub stores as the cover image until the finishing pass puts the
// cover in its place (see Write). It is made on first use, not when the
// program starts: the PNG encoder's zlib writer is most of a millisecond
// that every command, bindery --version too, would pay.
var coverStandIn = sync.OnceValue(func() string {
	var buf bytes.Buffer
	img := image.NewPaletted(image.Rect(0, 0, 1, 1), coverPalette[:1])
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // a one-pixel image into memory cannot fail
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())
})

// coverAlt is the cover image's text alternative: what the picture says.
func coverAlt(m *model.Meta) string {
	s := "Cover: " + m.Title
	if m.Subtitle != "" {
		s += ", " + m.Subtitle
	}
	if names := coverNames(m); len(names) > 0 {
		s += ", by " + strings.Join(names, " and ")
	}
	if foot := nonEmpty(m.Original.Place, m.Original.Year); len(foot) > 0 {
		s += ". " + strings.Join(foot, ", ")
	}
	return s + "."
}

// coverNames are the names a cover gives: the authors, as a cover names
// an anthology by the writers it gathers rather than its editors; the
// other creators when the book names no author.
func coverNames(m *model.Meta) []string {
	var authors, others []string
	for _, c := range m.Creators {
		if c.Role == "" || c.Role == "aut" {
			authors = append(authors, c.Name)
		} else {
			others = append(others, c.Name)
		}
	}
	if len(authors) > 0 {
		return authors
	}
	return others
}
