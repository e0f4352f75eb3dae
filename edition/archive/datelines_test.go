package archive

import "testing"

func TestIsDateline(t *testing.T) {
	for s, want := range map[string]bool{
		"PHILADELPHIA, Jan. 13, 1777.":                            true,
		"PHILADELPHIA May 31, 1782.":                              true,
		"Berlin, den 5. 8. 1916.":                                 true,
		"Wronke, Ende Mai 1917.":                                  true,
		"Paris, le 1er février 1901.":                             true,
		"Пирогово, 10 мая 1900 г.":                                true,
		"December 23, 1776.":                                      true,
		"\"October 30, 1781.":                                     true,
		"«Aix, le 25 janvier 1869.":                               true,
		"Tirana, October 5. 1964":                                 true,
		"Delivered at the Congress Hall, Manchester, May 3, 1920": true,
		"Ces pages ont paru dans le Figaro, le 25 novembre 1897.": false,
		"The meeting was held on May 3, 1920, in the hall.":       false,
		"COMMON SENSE.":                                           false,
		"1774 - 1779":                                             false,
		"We met in 1920.":                                         false,
	} {
		if got := isDateline(s); got != want {
			t.Errorf("isDateline(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDatelines(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "a dateline at the head, a place in brackets under it",
			text: `
                                             Berlin, den 5. 8. 1916.
                                        (Gefängnis in der Barnimstraße.)

                       Meine liebe kleine Sonja!

` + lorem + `
`,
			want: []string{"1 dateline: Berlin, den 5. 8. 1916.{br}(Gefängnis in der Barnimstraße.)", "4 salutation: Meine liebe kleine Sonja!"},
		},
		{
			name: "a dateline at the foot, under the signature",
			text: `
` + lorem + `

                                       COMMON SENSE.

PHILADELPHIA, Jan. 13, 1777.
`,
			want: []string{"5 signature: COMMON SENSE.", "7 dateline: PHILADELPHIA, Jan. 13, 1777."},
		},
	})
}
