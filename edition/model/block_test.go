package model

import "testing"

func TestSameWords(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"M. SCHEURER-KESTNER", "M. Scheurer-Kestner", true},
		{"Lettre à la France.", "LETTRE À LA FRANCE", true},
		{"LETTRE A M. LOUBET", "LETTRE A M. LOUBET PRÉSIDENT DE LA RÉPUBLIQUE", false},
		{"I", "II", false},
		{"", "", false},
		{"...", "", false},
	}
	for _, tt := range tests {
		if got := SameWords(tt.a, tt.b); got != tt.want {
			t.Errorf("SameWords(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
