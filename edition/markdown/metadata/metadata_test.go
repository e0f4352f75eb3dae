package metadata

import (
	"errors"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

// TestFrontMatter reads front matter from its opening line to its
// closing one, fills the keys it knows, and refuses front matter never
// closed or of the wrong shape, naming the line.
func TestFrontMatter(t *testing.T) {
	src := []byte("---\ntitle: A Title\nauthor: [B. One, C. Two]\nlang: de\nother: kept for pandoc\n---\n\nText.\n")
	if err := CheckClosed("f.md", src); err != nil {
		t.Fatal(err)
	}
	offset, body := Body(src)
	node, err := seed.ParseYAML("f.md", body, offset+1)
	if err != nil {
		t.Fatal(err)
	}
	var f model.FrontMatter
	if _, err := Fill(&f, "f.md", node, offset); err != nil {
		t.Fatal(err)
	}
	if f.Title != "A Title" || strings.Join(f.Authors, "|") != "B. One|C. Two" || f.Language != "de" {
		t.Errorf("front matter read as %+v", f)
	}
	err = CheckClosed("f.md", []byte("---\ntitle: A\n\nText.\n"))
	if !errors.Is(err, ErrFrontMatter) || !strings.Contains(err.Error(), "f.md:1:") {
		t.Errorf("unclosed front matter: %v", err)
	}
	if line, _ := Opening([]byte("Text.\n---\n")); line != 0 {
		t.Errorf("a rule after text opens front matter at line %d", line)
	}
}

// TestFrontMatterForms reads the other forms pandoc users give authors and
// dates: names split at semicolons, CSL's given and family names, and a
// list of dates, whose first is taken and each other one named in a
// warning at its line and column.
func TestFrontMatterForms(t *testing.T) {
	tests := []struct {
		name, yaml    string
		authors, date string
		warns         []string
	}{
		{name: "names split at semicolons", yaml: "author: Gottfried Keller; Johanna Spyri\n",
			authors: "Gottfried Keller|Johanna Spyri"},
		{name: "a list item with semicolons", yaml: "author:\n  - A. One; B. Two\n  - C. Three\n",
			authors: "A. One|B. Two|C. Three"},
		{name: "CSL names and pandoc's name key", yaml: "author:\n  - given: Karl\n    family: Marx\n  - name: Friedrich Engels\n    affiliation: x\n",
			authors: "Karl Marx|Friedrich Engels"},
		{name: "a comma is part of a name", yaml: "author: Marx, Karl\n", authors: "Marx, Karl"},
		{name: "a list of dates", yaml: "date:\n  - 1902-12-02\n  - 1905\n", date: "1902-12-02",
			warns: []string{`f.md:4:5: front matter: date: "1905" is left out`}},
		{name: "one date", yaml: "date: 1. März 1880\n", date: "1. März 1880"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte("---\n" + tc.yaml + "---\n\nText.\n")
			offset, body := Body(src)
			node, err := seed.ParseYAML("f.md", body, offset+1)
			if err != nil {
				t.Fatal(err)
			}
			var f model.FrontMatter
			warns, err := Fill(&f, "f.md", node, offset)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(f.Authors, "|"); got != tc.authors {
				t.Errorf("authors %q, want %q", got, tc.authors)
			}
			if f.Date != tc.date {
				t.Errorf("date %q, want %q", f.Date, tc.date)
			}
			if len(warns) != len(tc.warns) {
				t.Fatalf("warnings %v, want %v", warns, tc.warns)
			}
			for i, w := range warns {
				if !strings.HasPrefix(w.String(), tc.warns[i]) {
					t.Errorf("warning %q, want it to start %q", w.String(), tc.warns[i])
				}
			}
		})
	}
}
