package archive

import "testing"

func TestShapes(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "section breaks, an end mark, a navigation bar",
			text: `
Home | Archive | Index

` + lorem + `

                   *       *       *       *       *

` + lorem + `


                                  FIN
`,
			want: []string{"3 para x1", "7 break", "9 para x1", "14 centered: FIN",
				"change web-navigation (lines 1): dropped"},
		},
		{
			name: "a source field is not a dateline",
			text: `
Written: 12 April 1920
Source: Collected Works, Volume 30

` + lorem + `
`,
			dontWant: []string{"1 dateline: Written: 12 April 1920"},
			want:     []string{"1 attribution: Written: 12 April 1920"},
		},
	})
}

func TestIsNav(t *testing.T) {
	for s, want := range map[string]bool{
		"Home | Archive | Index":       true,
		"https://www.marxists.org/":    true,
		"Top of the page":              true,
		"Last updated on 30.7.2007":    true,
		"Back to the index":            true,
		"The home of the people":       false,
		"Return to the land, he said.": false,
	} {
		if got := isNav(s); got != want {
			t.Errorf("isNav(%q) = %v, want %v", s, got, want)
		}
	}
}
