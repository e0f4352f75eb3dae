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
	if err := Fill(&f, "f.md", node, offset); err != nil {
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
