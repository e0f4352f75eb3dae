package layout_test

// Page depth, read from the finished file: for every page of a set book,
// where the body's last baseline stands against the depth of a full page.
// A book set flush bottom ends every page of a part but its last on the
// text block's last grid line, or, on a page with footnotes, as near to
// them as the grid allows (TeX's \flushbottom; Bringhurst 2.2.2). The
// measure is taken from the PDF's content streams, not from what layout
// meant to place, so that it checks the book a reader gets:
//
//	go test ./layout -run TestPageDepth -depth-pdf 'out/*/*.pdf'
//
// lists the short pages of each file named (a glob, or several separated
// by commas), and the letter's PDFs are held to none in TestWriteLetter.

import (
	"cmp"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/layout/pdf/pdftest"
)

var depthPDF = flag.String("depth-pdf", "", "PDF files (globs, separated by commas) whose short pages TestPageDepth lists")

// textLine is a run of text shown on one baseline in one size.
type textLine struct {
	y, size float64
	shows   int // text positionings on the line (words, or runs of them)
}

// pageText is what the depth measure reads of one page: its lines of text,
// top first, and the y of the footnote rule (0 for none).
type pageText struct {
	lines []textLine
	rule  float64
}

var (
	tfRE   = regexp.MustCompile(`([0-9.]+) Tf\b`)
	tmRE   = regexp.MustCompile(`^1 0 0 1 (-?[0-9.]+) (-?[0-9.]+) Tm$`)
	ruleRE = regexp.MustCompile(`^(-?[0-9.]+) (-?[0-9.]+) m (-?[0-9.]+) (-?[0-9.]+) l S$`)
)

// readPageText reads every page's text lines and rules from a PDF's
// content streams, as layout/pdf writes them: a size set by Tf, each run
// placed by a Tm of no scaling, and a rule stroked from m to l.
func readPageText(t *testing.T, file []byte) []pageText {
	t.Helper()
	ctx := pdftest.Read(t, file)
	var pages []pageText
	var rules [][][2]float64 // y and width of each page's rules
	for n := 1; n <= ctx.PageCount; n++ {
		d, _, _, err := ctx.PageDict(n, false)
		if err != nil {
			t.Fatalf("page %d: %v", n, err)
		}
		content, err := ctx.PageContent(d, n)
		if err != nil {
			t.Fatalf("page %d: %v", n, err)
		}
		var pg pageText
		var rs [][2]float64
		size := 0.0
		at := map[[2]float64]int{}
		for _, l := range strings.Split(string(content), "\n") {
			l = strings.TrimSpace(l)
			for _, m := range tfRE.FindAllStringSubmatch(l, -1) {
				size, _ = strconv.ParseFloat(m[1], 64)
			}
			if m := tmRE.FindStringSubmatch(l); m != nil {
				y, _ := strconv.ParseFloat(m[2], 64)
				k := [2]float64{math.Round(y*10) / 10, size}
				if _, ok := at[k]; !ok {
					at[k] = len(pg.lines)
					pg.lines = append(pg.lines, textLine{y: k[0], size: size})
				}
				pg.lines[at[k]].shows++
			}
			if m := ruleRE.FindStringSubmatch(l); m != nil && m[2] == m[4] {
				x1, _ := strconv.ParseFloat(m[1], 64)
				x2, _ := strconv.ParseFloat(m[3], 64)
				y, _ := strconv.ParseFloat(m[2], 64)
				rs = append(rs, [2]float64{y, x2 - x1})
			}
		}
		slices.SortStableFunc(pg.lines, func(a, b textLine) int { return cmp.Compare(b.y, a.y) })
		pages = append(pages, pg)
		rules = append(rules, rs)
	}
	// The footnote rule is the book's shortest (a fifth of the measure,
	// where a table's rules span it).
	shortest := math.Inf(1)
	for _, rs := range rules {
		for _, r := range rs {
			shortest = min(shortest, r[1])
		}
	}
	for n, rs := range rules {
		for _, r := range rs {
			if math.Abs(r[1]-shortest) < 0.5 {
				pages[n].rule = r[0]
			}
		}
	}
	return pages
}

// pageDepth is the measure of one page.
type pageDepth struct {
	page    int  // 1-based
	ends    bool // the page ends its part (or is blank, or not on the grid): not held to the full depth
	missing int  // grid lines the body leaves empty above the foot (or the notes)
}

// bookGrid is the text block as the pages show it.
type bookGrid struct {
	body, leading float64 // the body's size and leading
	top, foot     float64 // the first and last grid baselines
	folio         float64 // the y of folios at the foot, NaN for none
}

// mode returns the most frequent of values rounded to a tenth, the
// highest of equals.
func mode(values []float64) float64 {
	count := map[float64]int{}
	best, bestN := math.NaN(), 0
	for _, v := range values {
		v = math.Round(v*10) / 10
		count[v]++
	}
	for v, c := range count {
		if c > bestN || c == bestN && v > best {
			best, bestN = v, c
		}
	}
	return best
}

// findGrid finds the body size (the size most lines are set in), its
// leading (the commonest step between its lines), the foot (the lowest
// baseline of most pages, below which only folios stand) and the top.
func findGrid(pages []pageText) bookGrid {
	var sizes, steps, lows []float64
	for _, pg := range pages {
		for _, l := range pg.lines {
			sizes = append(sizes, l.size)
		}
	}
	g := bookGrid{body: mode(sizes), folio: math.NaN()}
	for _, pg := range pages {
		prev := math.NaN()
		for _, l := range pg.lines {
			if l.size != g.body {
				continue
			}
			if !math.IsNaN(prev) && prev-l.y > 0 {
				steps = append(steps, prev-l.y)
			}
			prev = l.y
		}
		if len(pg.lines) > 0 {
			lows = append(lows, pg.lines[len(pg.lines)-1].y)
		}
	}
	g.leading = mode(steps)
	low := mode(lows)
	// A folio is a line of one or two runs at the same low place on most
	// pages, a grid line or more below the text.
	shows, n := 0, 0
	for _, pg := range pages {
		if k := len(pg.lines); k > 0 && math.Abs(pg.lines[k-1].y-low) < 0.2 {
			shows += pg.lines[k-1].shows
			n++
		}
	}
	g.foot = low
	if n > 0 && float64(shows)/float64(n) <= 2 {
		g.folio = low
		var feet []float64
		for _, pg := range pages {
			if b := g.bodyLines(pg); len(b) > 0 {
				feet = append(feet, b[len(b)-1].y)
			}
		}
		g.foot = mode(feet)
	}
	var tops []float64
	for _, pg := range pages {
		if b := g.bodyLines(pg); len(b) > 0 {
			tops = append(tops, b[0].y)
		}
	}
	g.top = mode(tops)
	return g
}

// bodyLines returns a page's lines but its folio and running head: the
// head is a line of its own above the text block, a grid line or more
// above the next.
func (g bookGrid) bodyLines(pg pageText) []textLine {
	ls := pg.lines
	if !math.IsNaN(g.folio) {
		ls = slices.DeleteFunc(slices.Clone(ls), func(l textLine) bool { return math.Abs(l.y-g.folio) < 0.2 })
	}
	if g.top != 0 && len(ls) > 0 && ls[0].y > g.top+g.leading/2 {
		ls = ls[1:]
	}
	return ls
}

// onGrid reports whether y is a baseline of the grid.
func (g bookGrid) onGrid(y float64) bool {
	k := (y - g.foot) / g.leading
	return math.Abs(k-math.Round(k)) < 0.02
}

// measureDepths measures every page of a book: a page ends its part when
// the next page is blank or opens a part (its text begins below the top
// of the block), or it is the book's last.
func measureDepths(pages []pageText) (bookGrid, []pageDepth) {
	g := findGrid(pages)
	out := make([]pageDepth, len(pages))
	for n, pg := range pages {
		d := pageDepth{page: n + 1}
		body := g.bodyLines(pg)
		var notes []textLine
		if pg.rule != 0 {
			k := slices.IndexFunc(body, func(l textLine) bool { return l.y < pg.rule })
			if k >= 0 {
				body, notes = body[:k], body[k:]
			}
		}
		next := []textLine(nil)
		if n+1 < len(pages) {
			next = g.bodyLines(pages[n+1])
		}
		switch {
		case len(body) == 0 && len(notes) == 0, len(next) == 0, next[0].y < g.top-g.leading/2:
			d.ends = true
		case len(body) == 0:
			// A page of notes alone: measured by its notes.
			d.missing = max(0, int(math.Round((notes[len(notes)-1].y-g.foot)/g.leading)))
		case !g.onGrid(body[len(body)-1].y):
			d.ends = true // a page not set on the grid (a title page)
		case len(notes) == 0:
			d.missing = int(math.Round((body[len(body)-1].y - g.foot) / g.leading))
		default:
			// A body line more fits above the notes when it would stand a
			// grid line (the space and the rule) and the notes' own
			// leading above their first line.
			gap := body[len(body)-1].y - notes[0].y
			nl := g.leading
			if len(notes) > 1 {
				nl = notes[0].y - notes[1].y
			}
			d.missing = max(0, int(math.Floor((gap-nl-g.leading)/g.leading+0.01)))
		}
		out[n] = d
	}
	return g, out
}

// shortPages returns the pages held to the full depth that fall short,
// as "page(-lines)".
func shortPages(depths []pageDepth) []string {
	var out []string
	for _, d := range depths {
		if !d.ends && d.missing > 0 {
			out = append(out, fmt.Sprintf("%d(-%d)", d.page, d.missing))
		}
	}
	return out
}

// TestPageDepth lists the short pages of the files -depth-pdf names.
func TestPageDepth(t *testing.T) {
	if *depthPDF == "" {
		t.Skip("no -depth-pdf files")
	}
	var files []string
	for _, g := range strings.Split(*depthPDF, ",") {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	total := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages := readPageText(t, data)
		g, depths := measureDepths(pages)
		short := shortPages(depths)
		total += len(short)
		t.Logf("%s: %d pages, %d short %v (body %.2fpt on %.2fpt, foot %.1f)", filepath.Base(f), len(pages), len(short), short, g.body, g.leading, g.foot)
	}
	t.Logf("%d files, %d short pages", len(files), total)
}
