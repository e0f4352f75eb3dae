package archive

import (
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

func TestParseInlines(t *testing.T) {
	r := &reader{src: &model.Source{}, notes: noteIndex{entries: []noteEntry{{block: 5, mark: "1", id: "n1", num: "1"}}}}
	for _, tc := range []struct{ in, want string }{
		{"The _Sanitary Record_ of the year", "The {emph:Sanitary Record} of the year"},
		{"snake_case_name and a _lone underscore", "snake_case_name and a _lone underscore"},
		{"as shown before.[1] And [7] is no note", "as shown before.{ref n1:1} And [7] is no note"},
		{"see [Footnote 1] there", "see {ref n1:1} there"},
		{"one\ntwo", "one{br}two"},
		{"_»Robinia«_ ist", "{emph:»Robinia«} ist"},
	} {
		if got := model.DumpInlines(r.parseInlines(tc.in, 0, true)); got != tc.want {
			t.Errorf("parseInlines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestJoinLines(t *testing.T) {
	b := &block{lines: []line{{text: "the well-"}, {text: "known voice of the half-"}, {text: "starved -"}, {text: "said ten"}}, soft: []bool{true, true, true}}
	r := &reader{}
	if got, want := r.joinLines(b, false), "the well-known voice of the half-starved - said ten"; got != want {
		t.Errorf("joinLines = %q, want %q", got, want)
	}
	if got, want := r.joinLines(b, true), "the well-\nknown voice of the half-\nstarved -\nsaid ten"; got != want {
		t.Errorf("joinLines(hard) = %q, want %q", got, want)
	}
}

func TestStarRefAt(t *testing.T) {
	for _, tc := range []struct {
		s    string
		i    int
		want bool
	}{
		{"our own*;", 7, true},
		{`souls,"*`, 7, true},
		{"* opening a line", 0, false},
		{"a ** b", 2, false},
		{"a*b", 1, false},
	} {
		if got := tc.i > 0 && starRefAt(tc.s, tc.i); got != tc.want {
			t.Errorf("starRefAt(%q, %d) = %v, want %v", tc.s, tc.i, got, tc.want)
		}
	}
}

// TestPageMarkers leaves out the pages of the printed source a Gutenberg
// transcription marks in its text, without leaving a double space, and
// records where, for the Note on the Text; brackets of the text itself
// are kept.
func TestPageMarkers(t *testing.T) {
	text := "A TITLE\n\n\n" + lorem + " The history of the world.[Pg 2] I ask you [Pg 3] to remember [the men] who fell, [Pg xiv]\n"
	src, err := Read("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	for _, s := range src.Sections {
		for _, b := range s.Blocks {
			body.WriteString(model.BlockText(&b))
		}
	}
	got := body.String()
	if strings.Contains(got, "[Pg") || strings.Contains(got, "  ") || !strings.Contains(got, "world. I ask you to remember [the men] who fell,") {
		t.Errorf("the text reads %q", got)
	}
	found := false
	for _, c := range src.Changes {
		found = found || c.Kind == model.SourcePageNumbers
	}
	if !found {
		t.Errorf("no change records the page numbers left out: %+v", src.Changes)
	}
}
