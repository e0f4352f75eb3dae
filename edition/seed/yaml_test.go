package seed

import (
	"errors"
	"strings"
	"testing"
)

// TestDecodeYAMLTabs checks that a tab in the indentation, which yaml.v3
// reports with a message that names neither the tab nor its column (and, for
// some errors, a line off by one), is reported at the tab's own line and
// column.
func TestDecodeYAMLTabs(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"title: A\nedition:\n  date: 2020-01-01\n\ttrim: a5\n", "m.yaml:4:1: a tab character"},
		{"title: A\nedition:\n\tdate: 2020-01-01\n", "m.yaml:3:1: a tab character"},
		{"title: A\ncreators:\n  - name: X\n\t  role: aut\n", "m.yaml:4:1: a tab character"},
		{"title: A\ncreators:\n  - name: X\n  \trole: aut\n", "m.yaml:4:3: a tab character"},
	} {
		var v struct {
			Title string `yaml:"title"`
		}
		_, err := DecodeYAML("m.yaml", []byte(tc.in), &v)
		var fe *FileError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.in, err, tc.want)
		}
	}
}

// TestDecodeYAMLList checks a file that is a list of entries, as an
// emendations file is: entries' keys are located as "[i].key", unknown keys
// get the nearest known one, and every problem is reported.
func TestDecodeYAMLList(t *testing.T) {
	type entry struct {
		Source  string `yaml:"source"`
		Reading string `yaml:"reading"`
		Count   int    `yaml:"count"`
	}
	var list []entry
	_, err := DecodeYAML("e.yaml", []byte("- source: a\n  reading: b\n- source: c\n  raeding: d\n  count: many\n"), &list)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`e.yaml:4:3: unknown key "entry 2: raeding" (did you mean "reading"?)`, `e.yaml:5:10: entry 2: count: expected a whole number, found a string`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	f, err := DecodeYAML("e.yaml", []byte("- source: a\n  reading: b\n- source: c\n  reading: d\n"), &list)
	if err != nil || len(list) != 2 || list[1].Reading != "d" {
		t.Fatalf("%v, %+v", err, list)
	}
	if p := f.ProblemAt("[1].reading", "bad", ""); p.Line != 4 || p.Col != 12 {
		t.Errorf("[1].reading at %d:%d, want 4:12", p.Line, p.Col)
	}
	if _, err := DecodeYAML("e.yaml", nil, &list); err != nil {
		t.Errorf("an empty file: %v", err)
	}
}

// citation is a struct a file may write as its key alone.
type citation struct {
	Key   string `yaml:"key"`
	Pages string `yaml:"pages"`
}

func (c *citation) SetScalar(v string) { c.Key = v }

// TestDecodeYAMLScalarForm checks that a struct implementing ScalarForm is
// read from a single value as well as from a mapping, in the same list, and
// that a struct without it still reports a scalar as the wrong type.
func TestDecodeYAMLScalarForm(t *testing.T) {
	var cites []citation
	if _, err := DecodeYAML("n.yaml", []byte("[taubman2003, {key: pla1972, pages: \"389\"}]\n"), &cites); err != nil {
		t.Fatal(err)
	}
	if want := []citation{{Key: "taubman2003"}, {Key: "pla1972", Pages: "389"}}; len(cites) != 2 || cites[0] != want[0] || cites[1] != want[1] {
		t.Errorf("cites = %+v, want %+v", cites, want)
	}
	type plain struct {
		Key string `yaml:"key"`
	}
	var plains []plain
	_, err := DecodeYAML("n.yaml", []byte("[taubman2003]\n"), &plains)
	if err == nil || !strings.Contains(err.Error(), "n.yaml:1:2: entry 1: expected a mapping (keys and values), found a string") {
		t.Errorf("a scalar for a struct without a scalar form: %v", err)
	}
}

// TestDecodeYAMLBool checks true/false values and the problem a value of
// another kind gives.
func TestDecodeYAMLBool(t *testing.T) {
	var v struct {
		All bool `yaml:"all"`
	}
	if _, err := DecodeYAML("k.yaml", []byte("all: true\n"), &v); err != nil || !v.All {
		t.Errorf("all: true gave %v, %v", v.All, err)
	}
	_, err := DecodeYAML("k.yaml", []byte("all: always\n"), &v)
	if err == nil || !strings.Contains(err.Error(), "k.yaml:1:6: all: expected true or false, found a string (write true or false)") {
		t.Errorf("all: always: %v", err)
	}
}
