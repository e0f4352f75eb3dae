package archive

import (
	"strings"
	"testing"
)

// pgLicence stands for the licence after a modern header's end marker.
const pgLicence = `
*** END OF THIS PROJECT GUTENBERG EBOOK THE MEETING ***

***** This file should be named 999-0.txt or 999-0.zip *****

Updated editions will replace the previous one--the old editions
will be renamed.
`

func TestGutenberg(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "a modern header, its fields, closing line and licence left out, its credits on the Source page",
			text: `
The Project Gutenberg EBook of The Meeting, by Jane Doe

This eBook is for the use of anyone anywhere at no cost.

Title: The Meeting
       A Report

Author: Jane Doe

Language: English

*** START OF THIS PROJECT GUTENBERG EBOOK THE MEETING ***




Produced by A. Volunteer.




` + lorem + `

End of the Project Gutenberg EBook of The Meeting, by Jane Doe
` + pgLicence,
			want: []string{
				"field 1 Etext: The Meeting, by Jane Doe", "field 5 Title: The Meeting{nl}A Report", "field 8 Author: Jane Doe",
				"section 1:", "22 para x1",
				"change gutenberg-boilerplate (lines 1-12, 26-33): dropped",
				"17 attribution: Produced by A. Volunteer.", "change transcriber-notes (lines 17): moved to the Source page",
			},
		},
		{
			name: "a 1990s Small Print header and closing line, its banner not a title",
			text: `
**Welcome To The World of Free Plain Vanilla Electronic Texts**

*These Etexts Prepared By Hundreds of Volunteers and Donations*

***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***
Why is this "Small Print!" statement here?  You know: lawyers.
*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*


This etext was retranscribed by the Project in 1993.



The Meeting



` + lorem + `


End of The Project Gutenberg Etext of The Meeting
`,
			want:     []string{"section 1: The Meeting", "18 para x1", "change gutenberg-boilerplate (lines 1-10, 23): dropped"},
			dontWant: []string{"title **Welcome To The World of Free Plain Vanilla Electronic Texts**", "title *These Etexts Prepared By Hundreds of Volunteers and Donations*"},
		},
		{
			name: "a 1990s banner's date and etext number kept as the release date",
			text: `
**Welcome To The World of Free Plain Vanilla Electronic Texts**

June, 1993  [Etext #71]

***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***
Why is this "Small Print!" statement here?  You know: lawyers.
*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*

The Meeting

` + lorem + `
`,
			want:     []string{"field 3 Release Date: June, 1993 [Etext #71]", "title The Meeting"},
			dontWant: []string{"para x1 June"},
		},
	})
}

func TestGutenbergNothingToDrop(t *testing.T) {
	got := strings.Join(readOutline(t, lorem+"\n\nThe text speaks of Gutenberg's press, not of the Project.\n"), "\n")
	if strings.Contains(got, "dropped") {
		t.Errorf("a text without an archive header lost lines:\n%s", got)
	}
}
