package archive

import "testing"

// lorem is a paragraph of running text for the cases to set headings,
// datelines and signatures around.
const lorem = `The committee met on the day appointed and heard the report of the
delegates, who had travelled from every district of the country to give
an account of the work done since the last meeting of the whole body.`

func TestHeadings(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "initials after a postscript are a signature, not a roman numeral C",
			text: `
I.


` + lorem + `

P. S. ` + lorem + `

                                           C. S.



II.


` + lorem + `
`,
			want:     []string{"section 1: I.", "4 para x2", "12 signature: C. S.", "section 2: II."},
			dontWant: []string{"12 h2: C. S.", "12 h3: C. S."},
		},
		{
			name: "a level is never skipped",
			text: `
I.


` + lorem + `

A. The First Part

` + lorem + `

1. The first point

` + lorem + `



II.


` + lorem + `

1. A point straight under the part

` + lorem + `
`,
			want:     []string{"section 1: I.", "8 h2: A. The First Part", "14 h3: 1. The first point", "section 2: II.", "29 h2: 1. A point straight under the part"},
			dontWant: []string{"29 h3: 1. A point straight under the part"},
		},
		{
			name: "a lettered sequence goes on through C, which is no roman numeral there",
			text: "I.\n\n\n" + lorem + "\n\nA. The Elementary Form of Value\n\n" + lorem + "\n\nB. The Total Form of Value\n\n" + lorem +
				"\n\nC. The General Form of Value\n\n" + lorem + "\n\n\n\nII.\n\n\n" + lorem + "\n",
			want:     []string{"section 1: I.", "8 h2: A. The Elementary Form of Value", "14 h2: B. The Total Form of Value", "20 h2: C. The General Form of Value", "section 2: II."},
			dontWant: []string{"section 2: C. The General Form of Value"},
		},
	})
}
