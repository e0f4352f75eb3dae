package fonts

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// TestCoverageAsStated checks the coverage table of README.md against the
// font files: for each row, the characters of the range (every graphic
// character Unicode assigns there) or the characters listed, the count each
// typeface's four faces have and the characters they lack.
func TestCoverageAsStated(t *testing.T) {
	rows := readCoverageTable(t, "README.md")
	if len(rows) < 8 {
		t.Fatalf("README.md coverage table has %d rows, want at least 8", len(rows))
	}
	for _, tf := range Typefaces {
		for _, face := range Faces {
			f, err := sfnt.Parse(tf.TrueType(face))
			if err != nil {
				t.Fatalf("%s: %v", tf.PostScriptName(face), err)
			}
			var buf sfnt.Buffer
			for _, row := range rows {
				stated, ok := row.stated[tf.Name()]
				if !ok {
					t.Fatalf("row %q has no column for %s", row.name, tf.Name())
				}
				var missing []string
				for _, r := range row.chars {
					if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
						missing = append(missing, string(r))
					}
				}
				got := fmt.Sprintf("%d/%d", len(row.chars)-len(missing), len(row.chars))
				if len(missing) > 0 && len(missing) <= maxListedMissing {
					got += " lacks " + strings.Join(missing, " ")
				}
				if got != stated {
					t.Errorf("%s, %s: README says %q, the font has %q", tf.PostScriptName(face), row.name, stated, got)
				}
			}
		}
	}
}

// maxListedMissing is how many missing characters a cell names; beyond it
// only the count is given.
const maxListedMissing = 8

// coverageRow is one row of the table: its name, its characters, and each
// typeface's cell ("n/m", then " lacks " and the characters missing when
// there are few).
type coverageRow struct {
	name   string
	chars  []rune
	stated map[string]string
}

// readCoverageTable reads the Markdown table that follows the line
// "<!-- coverage table -->": a header row naming "characters" and then the
// typefaces, and rows whose second cell is a range ("U+0100–U+017F") or
// characters in backquotes.
func readCoverageTable(t *testing.T, path string) []coverageRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var header []string
	var rows []coverageRow
	in := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "<!-- coverage table -->" {
			in = true
			continue
		}
		if !in {
			continue
		}
		if !strings.HasPrefix(line, "|") {
			if header != nil {
				break
			}
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if header == nil {
			header = cells
			continue
		}
		if strings.HasPrefix(cells[0], "---") || strings.HasPrefix(cells[0], ":--") {
			continue
		}
		if len(cells) != len(header) {
			t.Fatalf("%s:%d: %d cells, header has %d", path, n, len(cells), len(header))
		}
		chars, err := parseChars(cells[1])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		row := coverageRow{name: cells[0], chars: chars, stated: map[string]string{}}
		for i := 2; i < len(cells); i++ {
			row.stated[header[i]] = cells[i]
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// parseChars reads "U+0100–U+017F" as the graphic characters of that range
// and "`«»…`" as the characters between the backquotes.
func parseChars(cell string) ([]rune, error) {
	if strings.HasPrefix(cell, "`") && strings.HasSuffix(cell, "`") && len(cell) > 2 {
		return []rune(cell[1 : len(cell)-1]), nil
	}
	lo, hi, ok := strings.Cut(cell, "–")
	if !ok {
		return nil, fmt.Errorf("characters %q: want U+XXXX–U+YYYY or `chars`", cell)
	}
	from, err1 := strconv.ParseUint(strings.TrimPrefix(lo, "U+"), 16, 32)
	to, err2 := strconv.ParseUint(strings.TrimPrefix(hi, "U+"), 16, 32)
	if err1 != nil || err2 != nil || from > to {
		return nil, fmt.Errorf("range %q", cell)
	}
	var chars []rune
	for r := rune(from); r <= rune(to); r++ {
		if unicode.IsGraphic(r) {
			chars = append(chars, r)
		}
	}
	return chars, nil
}
