package cite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

func load(t *testing.T, name string) *Bibliography {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	es, err := Load(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return New(name, es)
}

func cite(attrs ...string) model.Inline {
	in := model.Inline{Kind: model.Cite, Children: []model.Inline{model.Str("[as written]")}}
	for i := 0; i+1 < len(attrs); i += 2 {
		in.Attr = append(in.Attr, model.KeyValue{Key: attrs[i], Value: attrs[i+1]})
	}
	return in
}

func TestCitationText(t *testing.T) {
	bib := load(t, "refs.bib")
	tests := []struct {
		in   model.Inline
		want string
	}{
		{cite("key", "marx1887"), "(Marx 1887)"},
		{cite("key", "marx1887", "locator", "p. 12"), "(Marx 1887, p. 12)"},
		{cite("key", "marx1887", "prefix", "see", "key", "deleon1886"), "(see Marx 1887; De Leon 1886)"},
		{cite("key", "marx1887", "suppress-author", "true"), "(1887)"},
		{cite("mode", "in-text", "key", "deleon1886", "locator", "p. 3"), "De Leon (1886, p. 3)"},
		{cite("key", "luxemburg1922"), "(Luxemburg and Kautsky 1922)"},
		{cite("key", "four"), "(One et al. 1999)"},
		// two works of one author and year are told apart (Chicago 15.19)
		{cite("key", "marx1867a", "key", "marx1867b"), "(Marx 1867a; Marx 1867b)"},
	}
	for _, tt := range tests {
		secs := []model.Section{{Blocks: []model.Block{{Kind: model.Paragraph, Line: 4, Inlines: []model.Inline{tt.in}}}}}
		_, warns := Resolve(secs, "text.md", bib)
		if len(warns) > 0 {
			t.Errorf("%v: warnings %v", tt.in.Attr, warns)
		}
		got := secs[0].Blocks[0].Inlines[0]
		if model.PlainText(got.Children) != tt.want {
			t.Errorf("%v: %q, want %q", tt.in.Attr, model.PlainText(got.Children), tt.want)
		}
		if !strings.HasPrefix(got.Target, "#ref-") {
			t.Errorf("%v: target %q", tt.in.Attr, got.Target)
		}
	}
}

func TestUnknownKeyWarns(t *testing.T) {
	bib := load(t, "refs.bib")
	secs := []model.Section{{Blocks: []model.Block{{Kind: model.Paragraph, Line: 7, Inlines: []model.Inline{cite("key", "nosuch", "line", "9")}}}}}
	cited, warns := Resolve(secs, "text.md", bib)
	if len(cited) != 0 || len(warns) != 1 || warns[0].Line != 9 || warns[0].File != "text.md" || !strings.Contains(warns[0].Message, "@nosuch") {
		t.Fatalf("cited %v, warnings %v", cited, warns)
	}
	if model.PlainText(secs[0].Blocks[0].Inlines[0].Children) != "[as written]" {
		t.Error("an unknown citation lost its text")
	}
	// Without a bibliography every citation warns.
	_, warns = Resolve(secs, "text.md", nil)
	if len(warns) != 1 || !strings.Contains(warns[0].Message, "no bibliography") {
		t.Errorf("no bibliography: %v", warns)
	}
}

func TestReferenceList(t *testing.T) {
	bib := load(t, "refs.bib")
	refs := bib.References([]string{"deleon1886", "marx1887", "luxemburg1922", "marx1867a"})
	var got []string
	for _, r := range refs {
		got = append(got, model.PlainText(r.Inlines))
	}
	want := []string{
		"De Leon, Daniel. 1886. “The Conference at Berlin on the West-African Question.” Political Science Quarterly 1 (1): 103–139.",
		"Luxemburg, Rosa, and Luise Kautsky. 1922. “Briefe aus dem Gefängnis.” In Gesammelte Briefe, edited by Sonja Liebknecht, 1–80. Berlin: Verlag der Jugendinternationale.",
		"Marx, Karl. 1867a. Das Kapital. Hamburg: Otto Meissner.",
		"Marx, Karl. 1887. Capital: A Critique of Political Economy. Edited by Frederick Engels. London: Swan Sonnenschein, Lowrey & Co.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reference list:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if refs[0].ID != "ref-deleon1886" || refs[0].Attr.Get("class") != "bibliography" {
		t.Errorf("entry id %q, class %q", refs[0].ID, refs[0].Attr.Get("class"))
	}
}

func TestCSLJSON(t *testing.T) {
	bib := load(t, "refs.json")
	refs := bib.References([]string{"paine1776", "connolly1909"})
	if len(refs) != 2 {
		t.Fatalf("%d entries", len(refs))
	}
	if got := model.PlainText(refs[0].Inlines); got != "Connolly, James. 1909. Erin's Hope: The End and the Means. New York: New York Labor News Company." {
		t.Errorf("first entry %q", got)
	}
	if got := model.PlainText(refs[1].Inlines); got != "Paine, Thomas. 1776. Common Sense." {
		t.Errorf("second entry %q", got)
	}
}

func TestBibTeXErrors(t *testing.T) {
	for _, src := range []string{"@book{a, title = {never closed", "@book{, title={x}}", "@book{a, title}"} {
		if _, err := ParseBibTeX("r.bib", []byte(src)); err == nil || !strings.HasPrefix(err.Error(), "r.bib:") {
			t.Errorf("%q: error %v", src, err)
		}
	}
}

func TestParseNames(t *testing.T) {
	got := parseNames("Ludwig van Beethoven and {Project Gutenberg} and Marx, Karl and Smith, Jr, John")
	if got[0] != (Name{Family: "van Beethoven", Given: "Ludwig"}) || got[2] != (Name{Family: "Marx", Given: "Karl"}) || got[3] != (Name{Family: "Smith", Given: "John"}) {
		t.Errorf("names %+v", got)
	}
	if v := tex(`Gef{\"a}ngnis \c{c}a \v{S}ola {\ss} 1--2 x---y`); v != "Gefängnis ça Šola ß 1–2 x—y" {
		t.Errorf("tex: %q", v)
	}
}
