package archive

import "testing"

func TestIsSalutation(t *testing.T) {
	for s, want := range map[string]bool{
		"Dear Comrades,":                    true,
		"Meine liebe kleine Sonja!":         true,
		"Monsieur le Président,":            true,
		"Messieurs les Jurés,":              true,
		"Messieurs les Sénateurs,":          true,
		"Madame,":                           true,
		"Mon cher et grand ami,":            true,
		"Sehr geehrte Herren!":              true,
		"Mr. President,":                    true,
		"Fellow-Citizens,":                  true,
		"Милостивый государь,":              true,
		"Товарищи!":                         true,
		"My Lord,":                          true,
		"Comrades and friends:":             true,
		"The committee met on Tuesday,":     false,
		"Dear me, what a day it was.":       false,
		"Monsieur le Président.":            false, // a sentence, not an address
		"Ces pages ont paru dans l'Aurore,": false,
		"Workers of the world, unite!":      false,
	} {
		if got := isSalutation(s); got != want {
			t.Errorf("isSalutation(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSalutations(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "an indented address opens the letter",
			text: `
                          DÉCLARATION AU JURY


    Messieurs les Jurés,

` + lorem + `
`,
			want: []string{"4 salutation: Messieurs les Jurés,", "6 para x1"},
		},
		{
			name: "a run-in address is set apart from the first paragraph",
			text: `
Comrades: A Russian proverb says that the committee met on the day
appointed and heard the report of the delegates, who had travelled far.
`,
			want: []string{"1 salutation: Comrades:", "1 para x1"},
		},
	})
}
