package seed

import (
	"testing"

	"github.com/bindery-editions/bindery/layout/unit"
)

func TestParseLength(t *testing.T) {
	tests := []struct {
		in   string
		want unit.Length
		ok   bool
	}{
		{"0.002252in", 10626, true}, // 0.002252 in × 4,718,592 sp/in = 10,626.3 sp
		{"1mm", unit.Millimetre, true},
		{"210mm", 39011981, true}, // 210 mm = 595.27559 pt; × 65,536 = 39,011,981.1 sp
		{" 2pt ", 2 * unit.Point, true},
		{"0.1", 0, false},
		{"-1in", 0, false},
		{"thin", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseLength(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseLength(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
