package markdown

import "testing"

// TestAutoIdentifier checks the identifiers made from headings' text, which
// also name the EPUB's files: ASCII only, accented Latin letters folded to
// their base letters, not dropped.
func TestAutoIdentifier(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Prólogo", "prologo"},
		{"Die Straße nach Köln", "die-strasse-nach-koln"},
		{"Œuvres complètes", "oeuvres-completes"},
		{"Łódź 1905", "lodz-1905"},
		{"1. Introduction", "introduction"},
		{"Война и мир", "section"},
		{"Chapter II: The Wave", "chapter-ii-the-wave"},
	} {
		if got := autoIdentifier(tc.in); got != tc.want {
			t.Errorf("autoIdentifier(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
