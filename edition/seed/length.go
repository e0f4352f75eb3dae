package seed

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bindery-editions/bindery/layout/unit"
)

// DefaultPaperThickness is KDP's figure for white paper, per page.
const DefaultPaperThickness = "0.002252in"

// ParseLength reads a length written with its unit: "0.002252in",
// "0.0572mm", "0.16pt".
func ParseLength(s string) (unit.Length, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix  string
		convert func(float64) unit.Length
	}{{"in", func(v float64) unit.Length { return unit.Pt(v * 72) }}, {"mm", unit.Millimetres}, {"pt", unit.Pt}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil || v <= 0 {
				break
			}
			return u.convert(v), nil
		}
	}
	return 0, fmt.Errorf("%q is not a length: write a positive number with in, mm or pt, e.g. %s", s, DefaultPaperThickness)
}
