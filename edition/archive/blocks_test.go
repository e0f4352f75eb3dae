package archive

import "testing"

func TestBlocks(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "a bracketed note over blank lines is one block",
			text: `
  [ Anmerkungen zur Transkription:

    Im Original gesperrt gedruckter Text wurde mit _ markiert.

    Inkonsistente Schreibweisen wurden beibehalten.
  ]

` + lorem + `
`,
			want: []string{"change transcriber-notes (lines 1-6): moved to the Source page"},
		},
		{
			name: "a list of short lines is one block, not a paragraph per sentence",
			text: `
` + lorem + `
On these resolutions I shall offer several remarks.

   1st, On the sum itself.
   2d, On the several quotas.
   3d, On the manner of collection.

` + lorem + `
`,
			want:     []string{"6 blockquote", "6 lineblock: 1st, On the sum itself.{br}2d, On the several quotas.{br}3d, On the manner …"},
			dontWant: []string{"6 para", "7 lineblock"},
		},
		{
			name: "lines of a paragraph set in deeper after a sentence's end start a new one",
			text: `
It was the custom of the district to hold the meeting in the
school, because the school was the only room large enough and
the only one with a stove that worked in the winter months.
    Then the stove broke, and the meeting went to the hall of the
co-operative, where it has been ever since that winter came.
`,
			want: []string{"1 para x2"},
		},
	})
}
