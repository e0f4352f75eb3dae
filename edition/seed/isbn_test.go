package seed

import "testing"

func TestISBN13(t *testing.T) {
	for in, want := range map[string]string{
		"978-0-306-40615-7": "9780306406157",
		"978 1 86197 876 9": "9781861978769",
		"9790260000438":     "9790260000438",
	} {
		if got, err := ISBN13(in); err != nil || got != want {
			t.Errorf("ISBN13(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"978-0-306-40615-8", "0-306-40615-2", "977-0-306-40615-7", "978-0-306-4061X-7", ""} {
		if got, err := ISBN13(in); err == nil {
			t.Errorf("ISBN13(%q) = %q, want an error", in, got)
		}
	}
}

func TestParseMargins(t *testing.T) {
	if got, err := ParseMargins("2:3:4:6"); err != nil || got != [4]float64{2, 3, 4, 6} {
		t.Errorf("ParseMargins(2:3:4:6) = %v, %v", got, err)
	}
	for _, in := range []string{"2:3:4", "2:3:x:6", "0:3:4:6", ""} {
		if _, err := ParseMargins(in); err == nil {
			t.Errorf("ParseMargins(%q) gave no error", in)
		}
	}
}
