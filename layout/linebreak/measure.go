package linebreak

import (
	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/fonts"
)

// FontFace returns the embedded face that draws style: the small capitals
// are the regular face's.
func FontFace(style FontStyle) fonts.Face {
	switch style {
	case Italic:
		return fonts.Italic
	case Bold:
		return fonts.Bold
	case BoldItalic:
		return fonts.BoldItalic
	case Mono:
		return fonts.Mono
	default:
		return fonts.Regular
	}
}

// StyleSize is the size style is set at in a paragraph of size: Mono is
// set at 6/7 of it, so that its x-height (0.53 em in Go Mono) meets the
// book face's (0.45 em in Gentium Book Plus): a second face is matched to
// the text by the height of its lower case, not by its nominal size.
// Every other style is set at size.
func StyleSize(style FontStyle, size unit.Length) unit.Length {
	if style == Mono {
		return size * 6 / 7
	}
	return size
}

// FixedMeasurer is a fake font for tests: every rune, the space included, is
// half the size wide whatever the style, so that at a size of 2 points every
// character is exactly 1 point and line-breaking arithmetic can be written
// out in comments. Ascent is 3/4 of the size and descent 1/4.
type FixedMeasurer struct{}

// Width implements Measurer: size/2 per rune.
func (FixedMeasurer) Width(_ FontStyle, size unit.Length, text string) unit.Length {
	n := 0
	for range text {
		n++
	}
	return unit.Length(n) * (size / 2)
}

// Ascent implements Measurer.
func (FixedMeasurer) Ascent(_ FontStyle, size unit.Length) unit.Length { return size * 3 / 4 }

// Descent implements Measurer.
func (FixedMeasurer) Descent(_ FontStyle, size unit.Length) unit.Length { return size / 4 }
