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
