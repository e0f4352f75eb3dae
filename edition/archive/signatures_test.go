package archive

import "testing"

func TestSignatures(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "a close and a name set right, then a postscript of the letter",
			text: `
` + lorem + `

                                           Herzliche Grüße

                                                             Rosa.

Den Kindern viele Grüße.
`,
			want: []string{"1 para x1", "5 signature: Herzliche Grüße{br}Rosa.", "9 para x1"},
		},
		{
			name: "a note the transcriber put under the paragraph does not part it from its signature",
			text: `
` + lorem + ` As was said.[1]

[Footnote 1: Said in the first letter.]

                                                             ANNA.
`,
			want: []string{"7 signature: ANNA."},
		},
		{
			name: "a name in capitals closing a text",
			text: `
` + lorem + `

ÉMILE ZOLA.
`,
			want: []string{"5 signature: ÉMILE ZOLA."},
		},
		{
			name: "a line after a paragraph ending in a colon is what it introduces",
			text: `
` + lorem + ` The reply ran:

                                           «Paris, 14 avril 1831.

                                           Monsieur le Ministre.
`,
			dontWant: []string{"7 signature: Monsieur le Ministre."},
		},
		{
			name: "the last line of a table is not a signature",
			text: `
` + lorem + `

                                       Total 3,500,000
`,
			dontWant: []string{"5 signature: Total 3,500,000"},
		},
	})
}

func TestIsSignatureLine(t *testing.T) {
	for s, want := range map[string]bool{
		"COMMON SENSE.":         true,
		"Rosa.":                 true,
		"N. Lenin":              true,
		"Die Herausgeber":       true,
		"and that was the end.": false,
		"Why not?":              false,
	} {
		if got := isSignatureLine(s); got != want {
			t.Errorf("isSignatureLine(%q) = %v, want %v", s, got, want)
		}
	}
}
