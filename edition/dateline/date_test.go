package dateline

import "testing"

// TestFind finds the dates of datelines written out in several languages
// and gives them in ISO 8601, a month without a day as a month.
func TestFind(t *testing.T) {
	for _, tc := range []struct {
		text, lang, date, iso string
	}{
		{"Tirana, October 5, 1964", "en", "October 5, 1964", "1964-10-05"},
		{"Tirana, October\u00a05, 1964", "en", "October\u00a05, 1964", "1964-10-05"}, // as the typography pass sets it
		{"Αθήνα, 5\u00a0Οκτωβρίου 1921.", "el", "5\u00a0Οκτωβρίου 1921", "1921-10-05"},
		{"Berlin, den 5. Oktober 1916.", "de", "5. Oktober 1916", "1916-10-05"},
		{"Paris, le 7 mars 1901.", "fr", "7 mars 1901", "1901-03-07"},
		{"Пирогово, 10 мая 1900 г.", "ru", "10 мая 1900", "1900-05-10"},
		{"London, June 1872", "en", "June 1872", "1872-06"},
		{"Written on 1964-10-05.", "en", "1964-10-05", "1964-10-05"},
		{"No date here.", "en", "", ""},
	} {
		start, end, iso := Find(tc.text, tc.lang)
		var date string
		if start >= 0 {
			date = tc.text[start:end]
		}
		if date != tc.date || iso != tc.iso {
			t.Errorf("Find(%q, %s) = %q, %q; want %q, %q", tc.text, tc.lang, date, iso, tc.date, tc.iso)
		}
	}
}
