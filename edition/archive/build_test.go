package archive

import "testing"

func TestBuild(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "a letter's parts without headings are split at their salutations",
			text: `
Dear Comrades,

` + lorem + `

Dear Comrades,

` + lorem + `
`,
			want: []string{"section 1:", "1 salutation: Dear Comrades,", "section 2:", "7 salutation: Dear Comrades,"},
		},
		{
			name: "a title repeated over the text after a headnote is a heading inside the piece",
			text: `
                          M. SCHEURER-KESTNER


Ces pages ont paru dans le Figaro, le 25 novembre 1897, et on les
trouvera ici telles qu'elles ont paru, sans un mot de changé.


                          M. SCHEURER-KESTNER


Quel drame poignant, et quels personnages superbes! Devant ces
documents, d'une beauté si tragique, que la vie nous apporte.
`,
			want:     []string{"section 1: M. SCHEURER-KESTNER", "4 para x1", "8 h2: M. SCHEURER-KESTNER", "11 para x1"},
			dontWant: []string{"section 2: M. SCHEURER-KESTNER"},
		},
	})
}
