package archive

import "testing"

func TestQuotes(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "verse quoted flush with the text, its later lines set in",
			text: `
` + lorem + `
Such men serve the state thus, not as men mainly,
but as machines, though it may be,


"Not a drum was heard, not a funeral note,
  As his corse to the rampart we hurried;
Not a soldier discharged his farewell shot
  O'er the grave where out hero was buried."


` + lorem + `
`,
			want:     []string{"1 para x1", "8 blockquote", `8 lineblock: "Not a drum was heard, not a funeral note,{br}{nbsp}{nbsp}As his corse to …`, "14 para x1"},
			dontWant: []string{"10 para x1"},
		},
		{
			name: "a stanza is one block though its lines end sentences",
			text: `
` + lorem + `
he recited the song he liked best:

    Gepriesen sei, durch wen die Welt entstund,
    Wie trefflich schuf er sie nach allen Seiten.
    Er schuf das Meer mit endlos tiefem Grund.
    Er schuf die Erde -- und Dein Angesicht!

` + lorem + `
`,
			want:     []string{"6 blockquote", "6 lineblock: Gepriesen sei, durch wen die Welt entstund,{br}Wie trefflich schuf er sie nach …"},
			dontWant: []string{"6 para", "7 lineblock"},
		},
		{
			name: "a quoted letterhead with its date on the same line",
			text: `
` + lorem + `
I give one of these documents here:

  MINISTÈRE                      «Paris, 14 avril 1831.
  DE LA GUERRE

  BUREAU DU GÉNIE

 «J'ai reçu, monsieur, la lettre que vous m'avez écrite le premier du
 mois courant, et par laquelle vous demandez à me soumettre un nouveau
 système de fortifications dont vous êtes inventeur.

` + lorem + `
`,
			want:     []string{"6 blockquote", "6 dateline: «Paris, 14 avril 1831.", "6 lineblock: MINISTÈRE{br}DE LA GUERRE", "9 para x2", "15 para x1"},
			dontWant: []string{"6 signature: MINISTÈRE", "6 dateline: MINISTÈRE «Paris, 14 avril 1831."},
		},
		{
			name: "capitals set in over a quotation are its letterhead, not a heading",
			text: `
` + lorem + `
Here is the answer he received:


  MINISTÈRE
  DE LA GUERRE

 «Le ministre de la guerre désirerait s'entretenir avec M. Zola de
 l'objet d'une lettre qu'il a écrite au Roi avant-hier.

` + lorem + `
`,
			want:     []string{"7 blockquote", "7 lineblock: MINISTÈRE{br}DE LA GUERRE", "10 para x1"},
			dontWant: []string{"7 h2: MINISTÈRE DE LA GUERRE", "section 2: MINISTÈRE DE LA GUERRE"},
		},
		{
			name: "a quoted letter's dateline goes with its salutation into the quotation",
			text: `
` + lorem + `
I add the following letter to my lawyer.

                                                Paris, 7 mars 1901.

 Mon cher et grand ami,

 Voici venir le moment où va expirer le délai de prescription, pour
 l'affaire Judet et pour l'affaire des experts. Et il nous faut prendre
 une décision.
`,
			want: []string{"6 blockquote", "6 dateline: Paris, 7 mars 1901.", "8 salutation: Mon cher et grand ami,"},
		},
	})
}

// verseBook is a book of verse as Project Gutenberg prints one: titles
// centred on the page, stanzas narrower than the page, an epigraph with
// its attribution under a title, a refrain set in, a headnote in
// parentheses.
const verseBook = `
                           SONGS OF THE ROAD

                                  BY

                         MARY ELLEN WHITCOMBE


                             THE WAYFARER


        _"The road goes ever on and on."_
                                   --OLD SONG.


    I came along the dusty way
      When all the fields were gold,
    And met a man whose hair was grey,
      Whose tale was never told.

    He leant upon a hazel staff,
      He looked upon the sky;
    He would not weep, he would not laugh,
      He would not tell me why.

        _Over the hill and over the lea,
        The road runs on to the sea._




                          A SONG OF THE MILL

              (_Written at Dedham, in the summer of 1889._)


    Turn, turn, O wheel of the mill,
    Turn for the miller's sake;
    Grind the corn on the windy hill
    For the bread the children bake.
`

func TestVerseBook(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name:     "titles centred on a page wider than the stanzas are headings",
			text:     verseBook,
			want:     []string{"section 1: THE WAYFARER", "section 2: A SONG OF THE MILL"},
			dontWant: []string{"signature: A SONG OF THE MILL", "imprint THE WAYFARER"},
		},
		{
			name:     "an epigraph under a title is the poem's, with its attribution",
			text:     verseBook,
			want:     []string{"11 blockquote", "11 para x1", "12 attribution: --OLD SONG."},
			dontWant: []string{"12 signature: --OLD SONG."},
		},
		{
			name: "stanzas are the text, their lines kept; a refrain stays set in",
			text: verseBook,
			want: []string{
				"15 lineblock: I came along the dusty way{br}{nbsp}{nbsp}When all the fields were gold,{br}And met …",
				"20 lineblock: He leant upon a hazel staff,{br}{nbsp}{nbsp}He looked upon the sky;{br}He would not …",
				"25 lineblock: {nbsp}{nbsp}{nbsp}{nbsp}{emph:Over the hill and over the lea,{br}{nbsp}{nbsp}{nbsp}{nbsp}The road runs on to the …",
			},
			dontWant: []string{"15 blockquote", "20 para x1"},
		},
		{
			name: "a headnote in parentheses is not the title's second line",
			text: verseBook,
			want: []string{"section 2: A SONG OF THE MILL", "33 centered: ({emph:Written at Dedham, in the summer of 1889.})"},
		},
	})
}
