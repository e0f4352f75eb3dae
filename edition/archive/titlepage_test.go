package archive

import "testing"

func TestTitlePage(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "title, byline, transcriber's note and imprint above the text",
			text: `
                             ROSA LUXEMBURG

                        BRIEFE AUS DEM GEFÄNGNIS

  [ Anmerkungen zur Transkription: Im Original gesperrt gedruckter Text
    wurde mit _ markiert. ]

                                  1922

                    VERLAG DER JUGENDINTERNATIONALE
                           BERLIN-SCHÖNEBERG



Zur Einführung


` + lorem + `
`,
			want: []string{
				"title ROSA LUXEMBURG", "title BRIEFE AUS DEM GEFÄNGNIS", "imprint 1922", "imprint VERLAG DER JUGENDINTERNATIONALE",
				"imprint BERLIN-SCHÖNEBERG", "section 1: Zur Einführung", "5 attribution: [ Anmerkungen zur Transkription: Im Original gesperrt gedruckter Text wurde mit _ …",
			},
		},
		{
			name: "an editor's credit and a span of years are title-page lines, not the imprint",
			text: `
THE WRITINGS OF THOMAS PAINE, VOLUME I.

COLLECTED AND EDITED BY MONCURE DANIEL CONWAY

1774 - 1779



` + lorem + `
`,
			want:     []string{"title COLLECTED AND EDITED BY MONCURE DANIEL CONWAY", "title 1774 - 1779"},
			dontWant: []string{"imprint 1774 - 1779", "imprint COLLECTED AND EDITED BY MONCURE DANIEL CONWAY"},
		},
		{
			name: "a numbered heading that recurs belongs to the text, not the title page",
			text: `
THE REPORT

I.

` + lorem + `

II.

` + lorem + `
`,
			want: []string{"title THE REPORT", "section 1: I.", "section 2: II."},
		},
	})
}
