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
			want:     []string{"5 signature: The Committee.", "dropped The publisher's advertisements after the text (lines 7-10): they are not part of the document"},
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
				"dropped Links and navigation of the archive's Web pages (lines 7-9): they belong to the archive, not to the document"},
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
			name: "an illustration placeholder anywhere is left out",
			text: `
` + lorem + `

[Illustration: The hall of the Council]

` + lorem + `
`,
			want: []string{"dropped Placeholders for illustrations not in the text (lines 5): the images are not part of the source file", "1 para x2"},
		},
	})
}
