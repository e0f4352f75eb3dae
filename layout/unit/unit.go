// Package unit is layout's one unit of length: the scaled point, 1/65536 of a
// PostScript point, as in TeX.
package unit

import "math"

// Length is a distance in scaled points, 1/65536 of a PostScript point
// (1/72 in), as in TeX: integer arithmetic keeps measuring, breaking and
// drawing in exact agreement, with no float drift between them.
type Length int64

// Units of length.
const (
	SP    Length = 1
	Point Length = 65536
	Inch  Length = 72 * Point
	// Millimetre is 1/25.4 in, rounded to the nearest scaled point
	// (185771.34 sp); a length of many millimetres is converted whole by
	// Millimetres, so that the rounding does not add up.
	Millimetre Length = (10*Inch + 127) / 254
)

// Millimetres converts millimetres to a Length, rounding to the nearest
// scaled point: Millimetres(210) is exactly the width of an A4 page.
func Millimetres(mm float64) Length { return Length(math.Round(mm * float64(Inch) / 25.4)) }

// Pt converts points to a Length, rounding to the nearest scaled point.
func Pt(points float64) Length { return Length(math.Round(points * float64(Point))) }

// Points returns l in PostScript points, for drawing calls.
func (l Length) Points() float64 { return float64(l) / float64(Point) }
