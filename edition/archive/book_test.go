package archive

import (
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

// TestBookConventions reads the conventions of printed books as Project
// Gutenberg transcribes them: volumes, front and back matter beside the
// chapters, chapter numbers in words, contents with page numbers, notes
// in braces, bold in equals signs, a transcriber's note without brackets.
func TestBookConventions(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "volumes over chapters, a preface before them and an appendix and index after",
			text: `
                               PREFACE


` + lorem + `




                              VOLUME I




                              CHAPTER I

                        THE HAND-LOOM WEAVERS


` + lorem + `




                              VOLUME II




                             CHAPTER II

                         THE FACTORY ACTS


` + lorem + `




                              APPENDIX


` + lorem + `




                                INDEX


  Acts, Factory, 29
  Baines, Edward, 2
  Bolton, 4, 7, 18
`,
			want: []string{"section 1: PREFACE", "section 2: VOLUME I", "16 h2: CHAPTER I THE HAND-LOOM WEAVERS",
				"section 3: VOLUME II", "33 h2: CHAPTER II THE FACTORY ACTS", "45 h2: APPENDIX", "55 h2: INDEX"},
			dontWant: []string{"55 para x1"},
		},
		{
			name: "chapter numbers in words and in the German order",
			text: `
ERSTES KAPITEL

Die Weber

` + lorem + `

ZWEITES KAPITEL

Der Aufstand

` + lorem + `

CHAPITRE PREMIER

` + lorem + `

CAPÍTULO SEGUNDO

` + lorem + `

CAPITOLO TERZO

` + lorem + `

ГЛАВА ПЕРВАЯ

` + lorem + `
`,
			want: []string{"section 1: ERSTES KAPITEL Die Weber", "section 2: ZWEITES KAPITEL Der Aufstand",
				"section 3: CHAPITRE PREMIER", "section 4: CAPÍTULO SEGUNDO", "section 5: CAPITOLO TERZO", "section 6: ГЛАВА ПЕРВАЯ"},
		},
		{
			name: "a contents list with page numbers in one block is left out",
			text: `
                              CONTENTS


  CHAPTER                                                   PAGE
       I. THE HAND-LOOM WEAVERS                                1
      II. THE COMING OF THE POWER-LOOM                        14
          APPENDIX                                            29




                              CHAPTER I

` + lorem + `
`,
			want:     []string{"change table-of-contents (lines 1-7): dropped"},
			dontWant: []string{"4 para x1"},
		},
		{
			name: "notes marked in braces",
			text: `
` + lorem + `
Some of them were hanged for it.{1} The rest went into the mills.

{1} See the _Annual Register_ for 1826, p. 63.

` + lorem + `
`,
			want: []string{"6 n1 [1] See the Annual Register for 1826, … <- [1]"},
		},
		{
			name: "a transcriber's note above the title page, without brackets",
			text: `
  Transcriber's Note: Italic text is marked _thus_, bold text =thus=.
  Footnotes have been moved to the end of the chapter.


                       A HISTORY OF THE WEAVERS

                            JOHN ARMITAGE


` + lorem + `
`,
			want:     []string{"title A HISTORY OF THE WEAVERS", "change transcriber-notes (lines 1-2): moved to the Source page"},
			dontWant: []string{"1 blockquote"},
		},
		{
			name: "a bracketed reservation of rights is the imprint's",
			text: `
                       A HISTORY OF THE WEAVERS

                               LONDON
                                1887

                       [_All rights reserved._]


` + lorem + `
`,
			want: []string{"imprint [_All rights reserved._]"},
		},
		{
			name: "a dateline in italics under initials signs a preface",
			text: `
PREFACE

` + lorem + `

J. A.

MANCHESTER, _March, 1887_.
`,
			want: []string{"7 signature: J. A.", "9 dateline: MANCHESTER, {emph:March, 1887}."},
		},
		{
			name: "a play's persons, acts and scenes with their places",
			text: `
DRAMATIS PERSONAE

  MRS. BLAKE, a widow.
  MARY, a servant.


ACT I

SCENE I.--_A parlour in Mrs. Blake's house._

MRS. BLAKE. Has the post come, Mary?

MARY. Not yet, ma'am. The boy is late again, as he was on Tuesday and
on the Friday before it, and I told him so.


SCENE II.--_The same. Evening._

MRS. BLAKE. You shall have it, sir, to the last farthing.


ACT II

SCENE I.--_The garden._

MARY. It is done.
`,
			want: []string{"section 1: DRAMATIS PERSONAE", "section 2: ACT I", "9 h2: SCENE I.--{emph:A parlour in Mrs. Blake's house.}",
				"17 h2: SCENE II.--{emph:The same. Evening.}", "section 3: ACT II", "24 h2: SCENE I.--{emph:The garden.}"},
		},
		{
			name: "short letters: a date and close set right are no centred titles, a place over its date is a dateline",
			text: `
LETTERS FROM THE FRONT

By Arthur Denham


LETTER I.

                                        Camp near Dover,
                                        _June 3rd, 1915._

MY DEAR MOTHER,

We arrived here on Tuesday after a long march, and are now under
canvas in a field above the sea. The men are in good spirits, though
the food is poor and the nights are cold.

                                   Your affectionate son,
                                              ARTHUR.


LETTER II.

                                        Folkestone, _July 9th, 1915._

DEAR FATHER,

1. The soldier owes obedience to his officers in all lawful
commands.

                                   Ever your loving son,
                                              A. D.
`,
			want: []string{"section 1: LETTER I.", "8 dateline: Camp near Dover,{br}{emph:June 3rd, 1915.}", "13 para x1",
				"17 signature: Your affectionate son,{br}ARTHUR.", "27 para x1"},
			dontWant: []string{"18 h2: ARTHUR.", "27 h2: 1. The soldier owes obedience to his officers in all lawful"},
		},
	})
}

func TestBold(t *testing.T) {
	r := &reader{blocks: []*block{nil}}
	for _, c := range []struct{ in, want string }{
		{"It was =in such rooms= that", "It was {strong:in such rooms} that"},
		{"where a = b and x=1", "where a = b and x=1"},
		{"=Note.=--The date", "{strong:Note.}--The date"},
		{"a line of ==== signs", "a line of ==== signs"},
	} {
		if got := model.DumpInlines(r.parseInlines(c.in, 0, false)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}
