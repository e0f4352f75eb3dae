package apparatus

import (
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

func TestParseKept(t *testing.T) {
	kept, err := ParseKept("k.yaml", []byte("# kept\n- reading: Irak\n  all: true\n  reason: the period’s spelling\n- reading: Gjilas\n  reason: Albanian\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Kept{{File: "k.yaml", Line: 2, Reading: "Irak", All: true, Reason: "the period’s spelling"}, {File: "k.yaml", Line: 5, Reading: "Gjilas", Reason: "Albanian"}}
	if len(kept) != 2 || kept[0] != want[0] || kept[1] != want[1] {
		t.Errorf("ParseKept = %+v, want %+v", kept, want)
	}
	for _, tt := range []struct{ yaml, want string }{
		{"- reason: why\n", "k.yaml:1:3: a kept reading needs a reading"},
		{"- reading: Irak\n", "k.yaml:1:3: kept reading \"Irak\" gives no reason"},
		{"- reading: Irak\n  reason: r\n  all: yes please\n", "k.yaml:3:8: entry 1: all: expected true or false"},
		{"- reading: Irak\n  raeson: r\n", "did you mean \"reason\"?"},
	} {
		if _, err := ParseKept("k.yaml", []byte(tt.yaml)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseKept(%q) = %v, want %q", tt.yaml, err, tt.want)
		}
	}
}

func TestFindKept(t *testing.T) {
	secs := []model.Section{
		{ID: "part-1", Title: []model.Inline{model.Str("One")}, Blocks: []model.Block{
			{ID: "p1", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Irak and Iraki and Trotzky.")}},
		}},
		{ID: "part-2", Blocks: []model.Block{
			{ID: "p2", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Then Irak again; so called.")}},
		}},
	}
	kept, err := FindKept(secs, []Kept{
		{File: "k.yaml", Line: 1, Reading: "so called", Reason: "open"},
		{File: "k.yaml", Line: 2, Reading: "Irak", All: true, Reason: "spelling"},
	})
	if err != nil {
		t.Fatal(err)
	}
	// In reading order of the first place; "Iraki" is not "Irak".
	if len(kept) != 2 || kept[0].Reading != "Irak" || kept[0].Count != 2 || kept[0].BlockID != "p1" || kept[0].Letters != 0 ||
		kept[1].Reading != "so called" || kept[1].BlockID != "p2" || kept[1].Letters != letterCount("Then Irak again; ") || kept[1].SectionID != "part-2" {
		t.Errorf("FindKept = %+v", kept)
	}
	for _, tt := range []struct {
		k    Kept
		want string
	}{
		{Kept{File: "k.yaml", Line: 4, Reading: "Irak", Reason: "r"}, "k.yaml:4: kept reading matches 2 places (give more context, or write all: true"},
		{Kept{File: "k.yaml", Line: 5, Reading: "Iran", Reason: "r"}, "k.yaml:5: kept reading matches no place in the text"},
		{Kept{File: "k.yaml", Line: 6, Reading: "Trotzk", All: true, Reason: "r"}, "k.yaml:6: kept reading matches no place"},
	} {
		if _, err := FindKept(secs, []Kept{tt.k}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("FindKept(%q) = %v, want %q", tt.k.Reading, err, tt.want)
		}
	}
}

// TestSurveyText counts what the typography pass changes, runs of marks
// once each.
func TestSurveyText(t *testing.T) {
	secs := []model.Section{{Blocks: []model.Block{
		{Kind: model.Paragraph, Inlines: []model.Inline{model.Str(`"It's" -- so --- and - but ---- and .... or ... N.` + "\u00a0X.")}},
	}}}
	trailer := []model.Block{{Kind: model.Attribution, Inlines: []model.Inline{model.Str("a ' mark")}}}
	got := SurveyText(secs, trailer)
	want := Survey{StraightQuotes: 4, HyphenRuns: 2, SpacedHyphens: 1, Dots: 2, NoBreakSpaces: 1}
	if got != want {
		t.Errorf("SurveyText = %+v, want %+v", got, want)
	}
}

// TestNameSpellings finds the words this edition prints with accents the
// copy-text's title block lacks, and nothing else.
func TestNameSpellings(t *testing.T) {
	m := model.Meta{Title: "An Open Letter", Original: model.Original{Publisher: "The «Naim Frashëri» State Publishing House", Place: "Tirana"},
		Creators: []model.Creator{{Name: "Enver Hoxha"}}}
	src := &model.Source{Title: []string{"AN OPEN LETTER"}, Imprint: []string{"The «Naim Frasheri» State Publishing House", "Tirana, 1964"}}
	got := NameSpellings(m, src)
	if len(got) != 1 || got[0] != [2]string{"Frasheri", "Frashëri"} {
		t.Errorf("NameSpellings = %q", got)
	}
	src.Imprint[0] = "The «Naim Frashëri» State Publishing House"
	if got := NameSpellings(m, src); len(got) != 0 {
		t.Errorf("the same spelling reported: %q", got)
	}
	if got := NameSpellings(m, nil); got != nil {
		t.Errorf("no source: %q", got)
	}
}
