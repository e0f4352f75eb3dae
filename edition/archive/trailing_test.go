package archive

import "testing"

func TestTrailing(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "an advertisement and price list after the letter",
			text: `
` + lorem + `

                                                  The Committee.

ALSO PUBLISHED BY THE PARTY

The Housing Question ............ 2d.
The Land Question ............... 3d.
`,
			want:     []string{"5 signature: The Committee.", "change advertisement (lines 7-10): dropped"},
			dontWant: []string{"9 para x1"},
		},
		{
			name: "a source line moved to the Source page, a link and navigation left out",
			text: `
` + lorem + `

Source: Collected Works, Volume 30, pages 502-503

https://www.marxists.org/archive/index.htm

Back to index
`,
			want: []string{"trailer", "5 attribution: Source: Collected Works, Volume 30, pages 502-503",
				"change web-navigation (lines 7-9): dropped"},
		},
		{
			name: "a printer's line at the end goes to the Source page",
			text: `
` + lorem + `

Printed and published by the Trades Council, 1903.
`,
			want:     []string{"5 attribution: Printed and published by the Trades Council, 1903."},
			dontWant: []string{"1 para x2"},
		},
		{
			name: "a transcriber's notes under their own heading after the letter go to the Source page",
			text: `
` + lorem + `

Yours,

ANNA.

Transcriber's Notes:

Obvious typographical errors have been silently corrected.
`,
			want:     []string{"change transcriber-notes (lines 9-11): moved to the Source page", "trailer"},
			dontWant: []string{"para x1: Obvious"},
		},
		{
			name: "a paragraph that begins like transcriber's notes before a heading of the text stays",
			text: `
` + lorem + `

Transcriber's notes are a genre of their own, and this paragraph is about them.

CHAPTER II.

` + lorem + `
`,
			dontWant: []string{"transcriber-notes"},
		},
		{
			name: "an illustration's caption stays, as a figure without its picture",
			text: `
` + lorem + `

[Illustration: The hall of the Council]

` + lorem + `
`,
			want:     []string{"1 para x1", "5 image: The hall of the Council", "7 para x1"},
			dontWant: []string{"change illustration-placeholder (lines 5): dropped"},
		},
		{
			name: "a bare illustration placeholder is left out",
			text: `
` + lorem + `

[Illustration]

` + lorem + `
`,
			want: []string{"change illustration-placeholder (lines 5): dropped", "1 para x2"},
		},
	})
}
