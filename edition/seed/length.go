package seed

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bindery-editions/bindery/layout"
)

// DefaultPaperThickness is KDP's figure for white paper, per page.
const DefaultPaperThickness = "0.002252in"

// ParseLength reads a length written with its unit: "0.002252in",
// "0.0572mm", "0.16pt".
func ParseLength(s string) (layout.Length, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		unit   float64
	}{{"in", float64(layout.Inch)}, {"mm", float64(layout.Millimetre)}, {"pt", float64(layout.Point)}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil || v <= 0 {
				break
			}
			return layout.Length(v*u.unit + 0.5), nil
		}
	}
	return 0, fmt.Errorf("%q is not a length: write a positive number with in, mm or pt, e.g. %s", s, DefaultPaperThickness)
}
