package access

import (
	"slices"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

// TestHeadingSkips checks the outline check on levels as written: the
// writer never skips a level, so the check is tested on its own, and the
// claim it gates through describe.
func TestHeadingSkips(t *testing.T) {
	for _, tc := range []struct {
		levels []int
		skips  int
	}{
		{[]int{2, 3, 4, 3, 3, 2}, 0},
		{[]int{1}, 0},
		{[]int{2, 4}, 1},
		{[]int{3}, 1},
		{[]int{2, 3, 5, 6, 3, 5}, 2},
	} {
		if got := headingSkips("xhtml/a.xhtml", tc.levels); len(got) != tc.skips {
			t.Errorf("levels %v: skips %q, want %d", tc.levels, got, tc.skips)
		}
	}
	var c Checks
	c.Init("en", "xhtml/")
	c.Heading("xhtml/a.xhtml", 2)
	c.Heading("xhtml/a.xhtml", 4)
	md := Describe(Facts{Checks: &c, CoverAlt: true}, model.Accessibility{ConformsTo: "WCAG"})
	if slices.Contains(md.Features, "structuralNavigation") || md.ConformsTo != "" {
		t.Errorf("headings that skip a level still claim structural navigation or conformance: %v %q", md.Features, md.ConformsTo)
	}
	if len(md.Warnings) != 1 || !strings.Contains(md.Warnings[0], "h4 after h2") {
		t.Errorf("warnings %q, want one naming the skip", md.Warnings)
	}
}

// TestForeignScripts checks which words the language check finds: letters
// of a script the context's language is not written in.
func TestForeignScripts(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		found      int
	}{
		{"en", "Plain English, with naïve café and Frashëri.", 0},
		{"en", "The paper Правда and the word λόγος.", 2},
		{"ru", "Газета Правда.", 0},
		{"ru", "Газета Pravda.", 1},
		{"de", "Straße 5 — 1964", 0},
		{"zh", "毛泽东 said", 1},
		{"x-unknown", "Правда", 0}, // a language without a script: no finding
	} {
		var c Checks
		c.Init("en", "xhtml/")
		c.Text(tc.lang, tc.text, "f")
		if len(c.unmarked) != tc.found {
			t.Errorf("%s %q: found %q, want %d", tc.lang, tc.text, c.unmarked, tc.found)
		}
	}
}
