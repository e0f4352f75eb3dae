package archive

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/model"
)

// FuzzReadArchive checks that the reader never panics and that whatever it
// accepts is consistent: block lines inside the file, and every word of
// the lines it did not drop kept somewhere in the Source.
func FuzzReadArchive(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	files = append(files, openLetterPath)
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "\uFEFF", "x", "Comrades: A", "I.\n\nII\n", "[1]\n\nNotes\n\n[1] x", "_a_ _b", "a-\nb", "\r\r\n\r",
		"                    May 1, 1920\n\nDear Sir,\n\nText.\n\nYours,\n\nJ. Smith\n",
		"*** START OF X ***\nbody\n*** END OF X ***\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := Read("fuzz.txt", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt: ") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		if !utf8.Valid(data) {
			t.Fatal("invalid UTF-8 accepted")
		}
		n := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
		var check func(bs []model.Block)
		check = func(bs []model.Block) {
			for _, b := range bs {
				if b.Line < 1 || b.Line > n {
					t.Fatalf("block line %d outside 1..%d", b.Line, n)
				}
				check(b.Children)
			}
		}
		if len(src.Sections) == 0 {
			t.Fatal("no sections and no error")
		}
		for _, s := range src.Sections {
			check(s.Blocks)
		}
		check(src.Trailer)
		check(src.Notes)
		if err := model.Dump(&bytes.Buffer{}, src); err != nil {
			t.Fatal(err)
		}
		checkNothingLost(t, data, src)
	})
}
