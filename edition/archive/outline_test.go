package archive

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

// outlineCase is one recogniser test: a text, the outline lines (see
// model.DumpOutline, trimmed) it must give and those it must not.
type outlineCase struct {
	name     string
	text     string
	want     []string
	dontWant []string
}

// runOutlineCases reads each case's text and checks its outline.
func runOutlineCases(t *testing.T, cases []outlineCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := readOutline(t, c.text)
			have := map[string]bool{}
			for _, l := range got {
				have[l] = true
			}
			for _, w := range c.want {
				if !have[w] {
					t.Errorf("outline lacks %q:\n%s", w, strings.Join(got, "\n"))
				}
			}
			for _, w := range c.dontWant {
				if have[w] {
					t.Errorf("outline has %q:\n%s", w, strings.Join(got, "\n"))
				}
			}
		})
	}
}

// readOutline reads text (lines joined with "\n", a leading newline
// dropped so that cases can open on their own line) and returns its
// outline lines, trimmed.
func readOutline(t *testing.T, text string) []string {
	t.Helper()
	src, err := Read("case.txt", []byte(strings.TrimPrefix(text, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := model.DumpOutline(&b, src); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		out = append(out, strings.TrimSpace(l))
	}
	return out
}
