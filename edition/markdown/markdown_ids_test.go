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
		{"Война и мир", "voina-i-mir"},
		{"Α΄", "a"},
		{"Ἀπολογία Σωκράτους", "apologia-sokratous"},
		{"Щастя й гідність", "shchastia-i-gidnist"},
		{"漢字", "section"},
		{"Chapter II: The Wave", "chapter-ii-the-wave"},
	} {
		if got := autoIdentifier(tc.in); got != tc.want {
			t.Errorf("autoIdentifier(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestUniqueID makes identifiers unique in a form that does not clash
// with the EPUB's identifiers of a part's blocks ("<part>-<n>"), in
// either order of taking.
func TestUniqueID(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		in   []string
		want []string
	}{
		{"the same text twice", []string{"section", "section", "section"}, []string{"section", "section_2", "section_3"}},
		{"a block's form after its part", []string{"chapter", "chapter-3"}, []string{"chapter", "chapter-3_2"}},
		{"a part after a block's form", []string{"chapter-3", "chapter"}, []string{"chapter-3", "chapter_2"}},
		{"numbers of other words", []string{"chapter", "chapter-one", "year-1848"}, []string{"chapter", "chapter-one", "year-1848"}},
		{"the edition's own parts", []string{"notes", "part-2"}, []string{"notes-heading", "part-2-heading"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &markdownReader{ids: map[string]bool{}}
			for i, in := range tc.in {
				if got := r.uniqueID(in); got != tc.want[i] {
					t.Errorf("uniqueID(%q) = %q, want %q", in, got, tc.want[i])
				}
			}
		})
	}
}
