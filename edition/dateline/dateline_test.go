package dateline

import "testing"

// TestPlace reads datelines of the archives' languages, and refuses lines
// that hold more than a place and a date.
func TestPlace(t *testing.T) {
	for _, tc := range []struct {
		line, place string
		ok          bool
	}{
		{"PHILADELPHIA, Jan. 13, 1777.", "PHILADELPHIA, ", true},
		{"Berlin, den 5. 8. 1916.", "Berlin, ", true},
		{"Paris, le 1er février 1901.", "Paris, ", true},
		{"Пирогово, 10 мая 1900 г.", "Пирогово, ", true},
		{"Moscow, May 14, 1918", "Moscow, ", true},
		{"Αθήνα, 5 Οκτωβρίου 1921.", "Αθήνα, ", true},
		{"Warszawa, 12 października 1905 r.", "Warszawa, ", true},
		{"May 14, 1918", "", true},
		{"MANCHESTER, _March, 1887_.", "MANCHESTER, ", true},
		{"_Paris, le 3 mai 1871._", "Paris, ", true},
		{"The meeting was held in Moscow on May 14, 1918, and it lasted a week.", "", false},
		{"No date in this line at all.", "", false},
	} {
		place, ok := Place(tc.line)
		if ok != tc.ok || ok && place != tc.place {
			t.Errorf("Place(%q) = %q, %v; want %q, %v", tc.line, place, ok, tc.place, tc.ok)
		}
	}
}
