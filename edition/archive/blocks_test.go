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

func TestCentreAxis(t *testing.T) {
	mk := func(specs ...[2]any) []line {
		var ls []line
		for _, s := range specs {
			in, text := s[0].(int), s[1].(string)
			ls = append(ls, line{text: text, indent: in, width: in + len(text)})
		}
		return ls
	}
	for _, c := range []struct {
		name string
		runs [][]line
		want int
	}{
		{"three titles on one axis", [][]line{mk([2]any{27, "SONGS OF THE ROAD"}), mk([2]any{29, "THE WAYFARER"}), mk([2]any{26, "A SONG OF THE MILL"})}, 70},
		{"two titles are not enough", [][]line{mk([2]any{27, "SONGS OF THE ROAD"}), mk([2]any{29, "THE WAYFARER"})}, 0},
		{"one signature repeated is one line", [][]line{mk([2]any{40, "COMMON SENSE."}), mk([2]any{40, "COMMON SENSE."}), mk([2]any{40, "COMMON SENSE."})}, 0},
		{"a date and a close set in to one column", [][]line{mk([2]any{40, "Camp near Dover,"}), mk([2]any{40, "_June 3rd, 1915._"}), mk([2]any{41, "Yours ever,"}), mk([2]any{40, "Folkestone, May"})}, 0},
		{"lines near the margin are not centred", [][]line{mk([2]any{4, "ab"}), mk([2]any{4, "ab"}), mk([2]any{4, "cd"})}, 0},
	} {
		if got := centreAxis(c.runs); got != c.want {
			t.Errorf("%s: centreAxis = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestFirstCase(t *testing.T) {
	for _, c := range []struct {
		s    string
		want letterCase
	}{
		{"and so on", caseLower},
		{`"It goes," he said`, caseUpper},
		{"_über_ alles", caseLower},
		{"1776, the year", caseNone},
		{"—", caseNone},
		{"Жизнь", caseUpper},
	} {
		if got := firstCase(c.s); got != c.want {
			t.Errorf("firstCase(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}
