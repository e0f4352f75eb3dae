package archive

import "testing"

func TestNotes(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "a notes block after a chapter is closed by the next heading",
			text: `
CHAPTER I


The housing of the working population has grown worse in each of the
last ten years.[1] Three families to a house is now the rule.

FOOTNOTES:

[1] The figures are those of the Medical Officer's report.



CHAPTER II


The landlords, for their part, say that the rents do not pay for
repairs, and we have looked at the rents.[1]

FOOTNOTES:

[1] See the Sanitary Record, vol. xii.
`,
			want: []string{
				"section 1: CHAPTER I", "4 para x1", "section 2: CHAPTER II", "16 para x1",
				"9 n1 [1] The figures are those of the … <- [4]",
				"21 n1-2 [1] See the Sanitary Record, vol. xii. <- [16]",
			},
		},
		{
			name: "notes opening [n] without a heading, referred to before them",
			text: `
` + lorem + `[1]

` + lorem + `[2]

[1] Dragonetti on virtue and rewards.

[2] Thomas Anello otherwise Massanello a fisherman of Naples.
`,
			want: []string{"9 n1 [1] Dragonetti on virtue and rewards. <- [1]", "11 n2 [2] Thomas Anello otherwise Massanello a fisherman … <- [5]"},
		},
		{
			name: "a transcriber's [Footnote n: ...] where the transcriber put it",
			text: `
` + lorem + `[Footnote 1]

[Footnote 1: The delegates came from twelve districts.]

` + lorem + `
`,
			want: []string{"5 n1 [1] The delegates came from twelve districts. <- [1]", "1 para x2"},
		},
		{
			name: "an author's note set in under the paragraph its asterisk marks",
			text: `
` + lorem + ` And the fault was all our own*; we have none to blame.

     * The present winter is worth an age, if rightly employed.

` + lorem + `
`,
			want: []string{"5 n1 [1] The present winter is worth an … <- [1]", "1 para x2"},
		},
	})
}
