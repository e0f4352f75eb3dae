package layout

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
	// Millimetre is rounded to the nearest scaled point.
	Millimetre Length = 185795 // 72/25.4 pt
)

// Pt converts points to a Length, rounding to the nearest scaled point.
func Pt(points float64) Length { return Length(math.Round(points * float64(Point))) }

// Points returns l in PostScript points, for drawing calls.
func (l Length) Points() float64 { return float64(l) / float64(Point) }
