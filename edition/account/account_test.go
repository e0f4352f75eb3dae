package account

import (
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"one two  three", 3},
		{"N.\u00a0Khrushchev’s group", 2}, // a no-break space joins
		{"\u00a0", 0},                     // a paragraph of one no-break space has no word
		{"a \u00a0 b", 2},
		{"line\nbreak\ttab", 3},
	} {
		if got := Words(tc.in); got != tc.want {
			t.Errorf("Words(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func testEdition() *model.Edition {
	return &model.Edition{
		Body: []model.Section{
			{ID: "part-1", Role: model.RoleChapter, Title: []model.Inline{model.Str("CHAPTER II")}, Blocks: []model.Block{
				{ID: "p1", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("one two three"), {Kind: model.NoteRef, Target: "n1", Text: "1"}}},
				{ID: "q1", Kind: model.BlockQuote, Children: []model.Block{
					{ID: "q1p", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("four five")}},
				}},
				{ID: "b1", Kind: model.ThematicBreak},
			}},
		},
		Back: []model.Section{
			{ID: "notes", Role: model.RoleEndnotes, Title: []model.Inline{model.Str("Notes")}, Blocks: []model.Block{
				{ID: "n1", Kind: model.Note, Inlines: []model.Inline{model.Str("The first of these notes.")}},
			}},
		},
	}
}

// TestOf counts a block's own text without its note marks, a container's
// children as blocks of their own, a body part's title, and not the title
// of a generated part.
func TestOf(t *testing.T) {
	got := Of(testEdition())
	want := Count{TitleKey("part-1"): 2, "p1": 3, "q1p": 2, "n1": 5}
	if len(got) != len(want) {
		t.Errorf("Of = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("Of[%q] = %d, want %d", k, got[k], v)
		}
	}
}

func TestCheck(t *testing.T) {
	ed := testEdition()
	if sfs := Check(ed, "the PDF", Of(ed)); len(sfs) != 0 {
		t.Errorf("a full count falls short: %v", sfs)
	}
	more := Of(ed)
	more["p1"] += 2 // a writer may add words: numbers, brackets
	if sfs := Check(ed, "the PDF", more); len(sfs) != 0 {
		t.Errorf("a count with more words falls short: %v", sfs)
	}
	short := Of(ed)
	delete(short, "n1")
	short["q1p"] = 1
	sfs := Check(ed, "the PDF", short)
	if len(sfs) != 2 {
		t.Fatalf("Check = %v, want two shortfalls", sfs)
	}
	if got, want := sfs[0].Error(), `the PDF leaves out 1 word of "CHAPTER II" (first in para block "q1p", from "four five")`; got != want {
		t.Errorf("shortfall 1: %s\nwant:        %s", got, want)
	}
	if got, want := sfs[1].Error(), `the PDF leaves out 5 words of "Notes" (first in note block "n1", from "The first of these notes.")`; got != want {
		t.Errorf("shortfall 2: %s\nwant:        %s", got, want)
	}
	noTitle := Of(ed)
	delete(noTitle, TitleKey("part-1"))
	if sfs := Check(ed, "the EPUB", noTitle); len(sfs) != 1 || sfs[0].Kind != "title" {
		t.Errorf("a title left out: %v", sfs)
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{1: "1 word", 2: "2 words", 4211: "4,211 words", 1234567: "1,234,567 words"} {
		if got := plural(n, "word"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
}
