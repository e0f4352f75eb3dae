package linebreak

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/layout/hyphen"
	"github.com/bindery-editions/bindery/layout/unit"
)

// The tests set text with FixedMeasurer at 2 pt, so that every character,
// the space included, is exactly 1 pt wide, and give a space 1/2 pt of
// stretch and 2/5 pt (26214 sp) of shrink, whatever NewSetter's tuning.
const (
	fixedSize    = 2 * unit.Point
	fixedStretch = unit.Point / 2
	fixedShrink  = unit.Point * 2 / 5
)

func fixedSetter(h *hyphen.Hyphenator) *Setter {
	s := NewSetter(FixedMeasurer{}, h)
	s.SpaceStretchNum, s.SpaceStretchDen = 1, 2
	s.SpaceShrinkNum, s.SpaceShrinkDen = 2, 5
	return s
}

func plain(text string, measure unit.Length) ParagraphSpec {
	return ParagraphSpec{Spans: []Span{{Text: text}}, Size: fixedSize, Measure: measure}
}

// texts shows each line's pieces as FixedMeasurer sets them, with a space
// wherever a piece starts after the previous one ends.
func texts(lines []Line) []string {
	var m FixedMeasurer
	out := make([]string, len(lines))
	for i, l := range lines {
		var b strings.Builder
		for k, pc := range l.Pieces {
			if k > 0 {
				prev := l.Pieces[k-1]
				if pc.X > prev.X+m.Width(prev.Style, prev.Size, prev.Text) {
					b.WriteByte(' ')
				}
			}
			b.WriteString(pc.Text)
		}
		out[i] = b.String()
	}
	return out
}

func xs(l Line) []unit.Length {
	var out []unit.Length
	for _, pc := range l.Pieces {
		out = append(out, pc.X)
	}
	return out
}

func TestSetExactFit(t *testing.T) {
	// "aaa bbb" is 3+1+3 = 7 pt: two lines fill a 7 pt measure exactly, r = 0.
	lines := fixedSetter(nil).Set(plain("aaa bbb ccc ddd", 7*unit.Point))
	if want := []string{"aaa bbb", "ccc ddd"}; !slices.Equal(texts(lines), want) {
		t.Fatalf("lines %q, want %q", texts(lines), want)
	}
	for _, l := range lines {
		if l.Ratio != 0 || l.Natural != 7*unit.Point || l.Width != 7*unit.Point {
			t.Errorf("line %q: ratio %v natural %v width %v", texts([]Line{l}), l.Ratio, l.Natural.Points(), l.Width.Points())
		}
	}
	if got := xs(lines[0]); !slices.Equal(got, []unit.Length{0, 4 * unit.Point}) {
		t.Errorf("X = %v", got)
	}
}

// TestSetOptimumFit is the point of Knuth–Plass: first fit would take
// "aaaa bbb cc" (11 pt of 12: r = 1/(2×1/2) = 0.67) and leave "d eeeee f"
// (9 pt: r = 3/(2×1/2) = 3, badness 2700, beyond any tolerance). The optimum
// shrinks the first line instead: "aaaa bbb cc d" is 13 pt, 1 pt over, with
// 3 spaces shrinking 2/5 pt each, r = −1/1.2 = −0.83 (badness 58), and then
// "eeeee f gggg" fits exactly.
func TestSetOptimumFit(t *testing.T) {
	lines := fixedSetter(nil).Set(plain("aaaa bbb cc d eeeee f gggg hh", 12*unit.Point))
	if want := []string{"aaaa bbb cc d", "eeeee f gggg", "hh"}; !slices.Equal(texts(lines), want) {
		t.Fatalf("lines %q, want %q", texts(lines), want)
	}
	if want := -float64(unit.Point) / float64(3*fixedShrink); lines[0].Ratio != want {
		t.Errorf("ratio %v, want %v", lines[0].Ratio, want)
	}
	// The shrink is spread over the three spaces, 1/3 pt each, and the line
	// ends exactly at the measure: aaaa at 0, bbb at 4+1−1/3, cc at
	// 8+2(1−1/3), d at 11+3(1−1/3)−rounding = 12 − 1.
	l := lines[0]
	last := l.Pieces[len(l.Pieces)-1]
	if end := last.X + unit.Point; end != 12*unit.Point {
		t.Errorf("line ends at %v pt, want 12", end.Points())
	}
	if got := l.Pieces[1].X; got != 5*unit.Point-unit.Point/3 {
		t.Errorf("bbb at %d sp, want %d", got, 5*unit.Point-unit.Point/3)
	}
}

func TestSetStretch(t *testing.T) {
	// "aa bb cc" is 8 pt in 9: its two spaces stretch 1/2 pt each, r = 1
	// (badness 100, within the first pass's pretolerance); "aa bb cc dd" is
	// 11 pt, 2 pt over with 1.2 pt of shrink: overfull.
	lines := fixedSetter(nil).Set(plain("aa bb cc dd ee ff", 9*unit.Point))
	if want := []string{"aa bb cc", "dd ee ff"}; !slices.Equal(texts(lines), want) {
		t.Fatalf("lines %q, want %q", texts(lines), want)
	}
	if lines[0].Ratio != 1 || lines[1].Ratio != 0 {
		t.Errorf("ratios %v, %v; want 1 and 0 (last line at natural width)", lines[0].Ratio, lines[1].Ratio)
	}
	// Each space is 1 + 1/2 pt: aa at 0, bb at 3.5, cc at 7, ending at 9.
	if got, want := xs(lines[0]), []unit.Length{0, 7 * unit.Point / 2, 7 * unit.Point}; !slices.Equal(got, want) {
		t.Errorf("X = %v, want %v", got, want)
	}
	// The last line is set at natural width: spaces of 1 pt.
	if got, want := xs(lines[1]), []unit.Length{0, 3 * unit.Point, 6 * unit.Point}; !slices.Equal(got, want) {
		t.Errorf("last line X = %v, want %v", got, want)
	}
}

func TestSetExpansion(t *testing.T) {
	// "aa bb cc" is 8 pt in 9, as in TestSetStretch, but letters may now
	// grow by up to 100/1000: their 6 pt add 0.6 pt of flexibility to the
	// glue's 1 pt, r = 1/1.6 = 0.625, so the letters are expanded by
	// 62.5, rounded down to 62/1000. Each 2 pt word becomes 131072×1062/1000
	// = 139198.5, rounded up to 139199 sp, 8127 sp more, 24381 for the
	// three; the glue takes the remaining 65536−24381 = 41155 sp, 20577 and
	// 20578.
	s := fixedSetter(nil)
	s.Expansion = 100
	lines := s.Set(plain("aa bb cc dd ee ff", 9*unit.Point))
	if want := []string{"aa bb cc", "dd ee ff"}; len(lines) != 2 || lines[0].Pieces[2].Text != "cc" {
		t.Fatalf("lines %+v, want %q", lines, want)
	}
	l := lines[0]
	if l.Expand != 62 || l.Ratio != 41155.0/65536 {
		t.Errorf("expand %d, ratio %v; want 62 and %v", l.Expand, l.Ratio, 41155.0/65536)
	}
	if got, want := xs(l), []unit.Length{0, 139199 + 65536 + 20577, 2*139199 + 2*65536 + 41155}; !slices.Equal(got, want) {
		t.Errorf("X = %v, want %v", got, want)
	}
	if end := l.Pieces[2].X + 139199; end != 9*unit.Point {
		t.Errorf("line ends at %d sp, want %d", end, 9*unit.Point)
	}
	// The last line is set at natural width, unexpanded.
	if lines[1].Expand != 0 || !slices.Equal(xs(lines[1]), []unit.Length{0, 3 * unit.Point, 6 * unit.Point}) {
		t.Errorf("last line expand %d, X %v", lines[1].Expand, xs(lines[1]))
	}
	// Ragged lines are never expanded.
	p := plain("aa bb cc dd ee ff", 9*unit.Point)
	p.Align = Left
	for _, l := range s.Set(p) {
		if l.Expand != 0 {
			t.Errorf("ragged line expanded by %d", l.Expand)
		}
	}
}

func TestSetIndentsAndAlign(t *testing.T) {
	// Measure 12 pt, indents of 1 pt left and right, 1 pt more on the first
	// line: the first line is 9 pt wide, starting at 2; the others 10,
	// starting at 1. "aa bb cc" is 8 pt, so the first line holds it and
	// "dd" goes down.
	tests := []struct {
		align      Align
		first, end []unit.Length
		ratio      float64
	}{
		// Justified: 1 pt over two spaces, r = 1/(2×1/2) = 1; aa at 2, bb
		// at 2+2+1.5, cc at 5.5+2+1.5, ending at 11 = 12 − 1.
		{Justify, []unit.Length{2 * unit.Point, 11 * unit.Point / 2, 9 * unit.Point}, []unit.Length{unit.Point}, 1},
		// Ragged right: natural spaces.
		{Left, []unit.Length{2 * unit.Point, 5 * unit.Point, 8 * unit.Point}, []unit.Length{unit.Point}, 0},
		// Flush right: the 1 pt left over on the first line goes before it;
		// "dd" (2 pt) ends at 11: starts at 9.
		{Right, []unit.Length{3 * unit.Point, 6 * unit.Point, 9 * unit.Point}, []unit.Length{9 * unit.Point}, 0},
		// Centred: half of it, 0.5 pt; "dd" at 1 + (10−2)/2 = 5.
		{Center, []unit.Length{5 * unit.Point / 2, 11 * unit.Point / 2, 17 * unit.Point / 2}, []unit.Length{5 * unit.Point}, 0},
	}
	for _, tt := range tests {
		p := plain("aa bb cc dd", 12*unit.Point)
		p.LeftIndent, p.RightIndent, p.FirstIndent, p.Align = unit.Point, unit.Point, unit.Point, tt.align
		lines := fixedSetter(nil).Set(p)
		if want := []string{"aa bb cc", "dd"}; !slices.Equal(texts(lines), want) {
			t.Errorf("align %d: lines %q, want %q", tt.align, texts(lines), want)
			continue
		}
		if got := xs(lines[0]); !slices.Equal(got, tt.first) {
			t.Errorf("align %d: first line X = %v, want %v", tt.align, got, tt.first)
		}
		if got := xs(lines[1]); !slices.Equal(got, tt.end) {
			t.Errorf("align %d: last line X = %v, want %v", tt.align, got, tt.end)
		}
		if lines[0].Ratio != tt.ratio || lines[0].Width != 9*unit.Point || lines[1].Width != 10*unit.Point {
			t.Errorf("align %d: ratio %v, widths %v %v", tt.align, lines[0].Ratio, lines[0].Width.Points(), lines[1].Width.Points())
		}
	}
}

func TestSetNoBreakSpace(t *testing.T) {
	// With an ordinary space "aaaa bb" fills the 7 pt measure exactly.
	lines := fixedSetter(nil).Set(plain("aaaa bb cc", 7*unit.Point))
	if want := []string{"aaaa bb", "cc"}; !slices.Equal(texts(lines), want) {
		t.Fatalf("lines %q, want %q", texts(lines), want)
	}
	// A no-break space ties bb to cc, and "aaaa bb cc" (10 pt, 2×2/5 pt of
	// shrink) does not fit: aaaa stands alone, an underfull line with
	// nothing to stretch (ratio +Inf), rather than break the tie.
	lines = fixedSetter(nil).Set(plain("aaaa bb\u00a0cc", 7*unit.Point))
	if want := []string{"aaaa", "bb cc"}; !slices.Equal(texts(lines), want) {
		t.Fatalf("lines %q, want %q", texts(lines), want)
	}
	if !math.IsInf(lines[0].Ratio, 1) {
		t.Errorf("underfull line ratio %v, want +Inf", lines[0].Ratio)
	}
	// "bb\u00a0cc" is one word (Words): cc continues it, 1 pt of space on.
	l := lines[1]
	if len(l.Pieces) != 2 || l.Pieces[0].Word != 1 || l.Pieces[1].Word != -1 || l.Pieces[1].X != 3*unit.Point {
		t.Errorf("pieces %+v", l.Pieces)
	}
}

func TestSetBoundSpaces(t *testing.T) {
	// Each case would break at a bound space: the words on either side
	// go over together, and are still counted one by one.
	tests := []struct {
		name    string
		text    string
		measure unit.Length
		bind    bool
		want    []string
		words   int
	}{
		{"one letter, text", "aaaa и bb cc", 7 * unit.Point, false, []string{"aaaa и", "bb cc"}, 4},
		{"one letter, display", "aaaa и bb cc", 7 * unit.Point, true, []string{"aaaa", "и bb cc"}, 4},
		{"a figure is no letter", "aaaa 1 bbbb", 7 * unit.Point, true, []string{"aaaa 1", "bbbb"}, 3},
		{"two letters", "aaaa ab cccc", 7 * unit.Point, true, []string{"aaaa ab", "cccc"}, 3},
		{"spaced ellipsis", "bbb aa. . . cc", 9 * unit.Point, false, []string{"bbb", "aa. . . cc"}, 5},
		{"ellipsis before a word", "bbb aa. . .cc", 9 * unit.Point, false, []string{"bbb", "aa. . .cc"}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := plain(tt.text, tt.measure)
			p.BindShortWords = tt.bind
			lines := fixedSetter(nil).Set(p)
			if !slices.Equal(texts(lines), tt.want) {
				t.Errorf("lines %q, want %q", texts(lines), tt.want)
			}
			words := 0
			for _, l := range lines {
				for _, pc := range l.Pieces {
					if pc.Word >= 0 {
						words++
					}
				}
			}
			if words != tt.words {
				t.Errorf("%d words begun, want %d", words, tt.words)
			}
		})
	}
}

func TestSetPiecesAndWords(t *testing.T) {
	// A note mark glued to a word, and a word half in italic: Words sees
	// "The", "word1", "and", "emphasis." and each style change starts a
	// piece that continues its word (Word −1).
	spans := []Span{
		{Text: "The word"}, {Text: "1", Super: true}, {Text: " and "},
		{Text: "emph", Style: Italic}, {Text: "asis.", Link: "#x"},
	}
	lines := fixedSetter(nil).Set(ParagraphSpec{Spans: spans, Size: fixedSize, Measure: 100 * unit.Point})
	if len(lines) != 1 {
		t.Fatalf("%d lines", len(lines))
	}
	superSize := fixedSize * 13 / 20 // 85196 sp: each superscript character is half that
	want := []Piece{
		{X: 0, Text: "The", Size: fixedSize, Word: 0},
		{X: 4 * unit.Point, Text: "word", Size: fixedSize, Word: 1},
		{X: 8 * unit.Point, Text: "1", Size: superSize, Rise: fixedSize * 7 / 20, Word: -1},
		{X: 9*unit.Point + superSize/2, Text: "and", Size: fixedSize, Word: 2},
		{X: 13*unit.Point + superSize/2, Text: "emph", Style: Italic, Size: fixedSize, Word: 3},
		{X: 17*unit.Point + superSize/2, Text: "asis.", Size: fixedSize, Link: "#x", Word: -1},
	}
	if !slices.Equal(lines[0].Pieces, want) {
		t.Errorf("pieces\n%+v\nwant\n%+v", lines[0].Pieces, want)
	}
	words := Words("The word1 and emphasis.")
	for _, pc := range lines[0].Pieces {
		if pc.Word >= 0 && !strings.HasPrefix(words[pc.Word], pc.Text) {
			t.Errorf("piece %q says it begins word %d, %q", pc.Text, pc.Word, words[pc.Word])
		}
	}
}

func TestSetHyphenation(t *testing.T) {
	// hy-phen-a-tion (TUGboat exception). "xx hyphen-" is 2+1+6+1 = 10 pt:
	// with a 10 pt measure the first pass (no hyphenation) finds nothing
	// ("xx" alone cannot stretch, "xx hyphenation" is 14 pt), and the second
	// breaks there exactly; "ation yyyy" then fills the next line.
	lines := fixedSetter(english()).Set(ParagraphSpec{
		Spans: []Span{{Text: "xx hyphenation yyyy zz"}}, Size: fixedSize, Measure: 10 * unit.Point, Hyphenate: true,
	})
	if want := []string{"xx hyphen-", "ation yyyy", "zz"}; !slices.Equal(texts(lines), want) {
		t.Fatalf("lines %q, want %q", texts(lines), want)
	}
	if !lines[0].Hyphenated || lines[1].Hyphenated || lines[1].Pieces[0].Word != -1 {
		t.Errorf("hyphenated %v %v, continuation word %d", lines[0].Hyphenated, lines[1].Hyphenated, lines[1].Pieces[0].Word)
	}
	if lines[0].Natural != 10*unit.Point {
		t.Errorf("natural width %v pt counts the hyphen: want 10", lines[0].Natural.Points())
	}
	// Without Hyphenate the word stays whole, however bad the lines.
	lines = fixedSetter(english()).Set(plain("xx hyphenation yyyy zz", 10*unit.Point))
	for _, l := range lines {
		if l.Hyphenated {
			t.Errorf("hyphenated without Hyphenate: %q", texts(lines))
		}
	}
}

func TestSetExplicitAndSoftHyphens(t *testing.T) {
	// "xxxx anti-" is 10 pt: the break after the explicit hyphen fills the
	// first line exactly, in the first pass, and "party line" the second
	// ("zz" follows: no hyphen may end the next-to-last line). No hyphen is
	// added, and the line does not count as Hyphenated.
	lines := fixedSetter(nil).Set(plain("xxxx anti-party line zz", 10*unit.Point))
	if want := []string{"xxxx anti-", "party line", "zz"}; !slices.Equal(texts(lines), want) {
		t.Fatalf("lines %q, want %q", texts(lines), want)
	}
	if lines[0].Hyphenated {
		t.Error("explicit hyphen reported as inserted")
	}
	// A soft hyphen: a break there draws a hyphen ("aaaa ex-" is 8 pt,
	// "ample bb" too); elsewhere it vanishes.
	lines = fixedSetter(nil).Set(plain("aaaa ex\u00adample bb cc", 8*unit.Point))
	if want := []string{"aaaa ex-", "ample bb", "cc"}; !slices.Equal(texts(lines), want) || !lines[0].Hyphenated {
		t.Errorf("lines %q, want %q", texts(lines), want)
	}
	lines = fixedSetter(nil).Set(plain("aa ex\u00adample bb", 40*unit.Point))
	if want := []string{"aa example bb"}; !slices.Equal(texts(lines), want) {
		t.Errorf("lines %q, want %q", texts(lines), want)
	}
}

func TestSetHyphenBeforeLastLine(t *testing.T) {
	for _, tc := range []struct {
		name    string
		text    string
		measure unit.Length
		want    []string
	}{
		// "xx hyphen-" is 10 pt in 11 (r = 1/(1/2) = 2), leaving "ation"
		// alone on the last line; the rule rejects it, and "xx" goes alone
		// instead (an underfull line, but no word's tail left alone).
		{"tail alone", "xx hyphenation", 11 * unit.Point, []string{"xx", "hyphenation"}},
		// "xx hyphen-" fills 10 pt exactly and "ation yy" follows: the tail
		// has company, so the hyphen costs FinalHyphenDemerits only, and
		// wins over "xx" alone on a line with nothing to stretch.
		{"tail with a word", "xx hyphenation yy", 10 * unit.Point, []string{"xx hyphen-", "ation yy"}},
	} {
		lines := fixedSetter(english()).Set(ParagraphSpec{
			Spans: []Span{{Text: tc.text}}, Size: fixedSize, Measure: tc.measure, Hyphenate: true,
		})
		if !slices.Equal(texts(lines), tc.want) {
			t.Errorf("%s: lines %q, want %q", tc.name, texts(lines), tc.want)
		}
	}
}

func TestSetRunt(t *testing.T) {
	// In 13 pt, "aa bbbbb c d e" is 14 pt with four spaces of 2/5 pt
	// shrink: r = −1/1.6 = −0.625, badness 24, demerits (10+24)² = 1156,
	// and the last line "ff" is a runt (2 pt, under a fifth of 13).
	// "aa bbbbb c d" is 12 pt with three spaces of 1/2 pt stretch: r =
	// 1/1.5 = 0.67, badness 30, demerits (10+30)² = 1600, and the last line
	// is "e ff". Each last line adds (10+0)² = 100: 1256 against 1700, so
	// without RuntDemerits the runt wins; with 10000 it loses.
	p := plain("aa bbbbb c d e ff", 13*unit.Point)
	s := fixedSetter(nil)
	s.RuntDemerits = 0
	if want := []string{"aa bbbbb c d e", "ff"}; !slices.Equal(texts(s.Set(p)), want) {
		t.Errorf("without runt demerits: %q, want %q", texts(s.Set(p)), want)
	}
	if got, want := texts(fixedSetter(nil).Set(p)), []string{"aa bbbbb c d", "e ff"}; !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}

func TestSetHyphenRunLimit(t *testing.T) {
	// At 13 pt, "xx hyphena-", "tion hyphena-", "tion hyphen-", "ation hy-"
	// is the cheapest setting if runs are unlimited: four hyphens in a row.
	text := "xx hyphenation hyphenation hyphenation hyphenation zz yy"
	p := ParagraphSpec{Spans: []Span{{Text: text}}, Size: fixedSize, Measure: 13 * unit.Point, Hyphenate: true}
	s := fixedSetter(english())
	s.MaxHyphenRun = 10
	if run := longestHyphenRun(s.Set(p)); run < 3 {
		t.Fatalf("unlimited: longest run %d; the test needs a paragraph that wants 3", run)
	}
	if run := longestHyphenRun(fixedSetter(english()).Set(p)); run > 2 {
		t.Errorf("limited to 2: longest run %d", run)
	}
}

// longestHyphenRun counts consecutive lines ending in a hyphen, inserted or
// explicit, as a reader (and typo-stats) sees them.
func longestHyphenRun(lines []Line) int {
	run, longest := 0, 0
	for _, l := range lines {
		if n := len(l.Pieces); n > 0 && strings.HasSuffix(l.Pieces[n-1].Text, "-") {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

func TestSetWordWiderThanMeasure(t *testing.T) {
	// "bbbbbbbbbbbb" is 12 pt in a 5 pt measure: the last resort breaks it
	// between characters, with no hyphen, rather than overfill a line.
	lines := fixedSetter(nil).Set(plain("aa bbbbbbbbbbbb cc", 5*unit.Point))
	var all strings.Builder
	for _, l := range lines {
		if l.Natural > l.Width {
			t.Errorf("line %q is %v pt in %v", texts([]Line{l}), l.Natural.Points(), l.Width.Points())
		}
		for _, pc := range l.Pieces {
			all.WriteString(pc.Text)
		}
	}
	if all.String() != "aabbbbbbbbbbbbcc" {
		t.Errorf("text %q", all.String())
	}
}

// TestSetNeverOverfull sets random paragraphs, of real and invented words,
// styles, note marks, no-break spaces and soft hyphens, in random measures
// and indents, with and without font expansion, and checks what must always hold: no piece ends beyond the
// right edge of its line, every character comes out once and in order,
// words are numbered as Words numbers them, and, whenever the measure
// leaves room for the longest word, no more than two hyphens in a row and
// none before the last line.
func TestSetNeverOverfull(t *testing.T) {
	vocab := []string{
		"the", "of", "and", "a", "to", "communist", "international", "hyphenation",
		"Khrushchev’s", "Marxist-Leninist", "re-examine", "revisionists,", "«Zëri»",
		"movement.", "1964", "proletarian", "extraordinarily", "leadership", "N.\u00a0Khrushchev",
		"ex\u00adample", "counter-revolutionary", "incomprehensibilities", "I", "—", "it’s",
	}
	r := rand.New(rand.NewPCG(1964, 10))
	h := english()
	m := FixedMeasurer{}
	for iter := range 400 {
		var spans []Span
		var words []string
		for range 1 + r.IntN(60) {
			w := vocab[r.IntN(len(vocab))]
			words = append(words, w)
			sp := Span{Text: w + " ", Style: FontStyle(r.IntN(5))}
			if r.IntN(10) == 0 {
				// A note mark glued to the word.
				spans = append(spans, Span{Text: w, Style: sp.Style}, Span{Text: "12", Super: true}, Span{Text: " "})
				words[len(words)-1] += "12"
				continue
			}
			spans = append(spans, sp)
		}
		longest := 0
		for _, w := range words {
			longest = max(longest, len([]rune(w)))
		}
		p := ParagraphSpec{
			Spans:     spans,
			Size:      fixedSize,
			Measure:   unit.Length(2+r.IntN(40)) * unit.Point,
			Align:     Align(r.IntN(4)),
			Hyphenate: r.IntN(4) != 0,
		}
		if r.IntN(3) == 0 {
			p.LeftIndent = unit.Length(r.IntN(3)) * unit.Point
			p.RightIndent = unit.Length(r.IntN(3)) * unit.Point
			p.FirstIndent = unit.Length(r.IntN(5)-2) * unit.Point
		}
		if p.Measure-p.LeftIndent-p.RightIndent-max(p.FirstIndent, 0) < 2*unit.Point {
			continue // no room for two characters: nothing can be promised
		}
		s := fixedSetter(h)
		s.Expansion = 20 * r.IntN(3)
		lines := s.Set(p)
		var got strings.Builder
		lastWord := -1
		for k, l := range lines {
			left, width := p.LeftIndent, p.Measure-p.LeftIndent-p.RightIndent
			if k == 0 {
				left, width = left+p.FirstIndent, width-p.FirstIndent
			}
			for _, pc := range l.Pieces {
				if end := pc.X + ExpandWidth(m.Width(pc.Style, pc.Size, pc.Text), l.Expand); pc.X < left || end > left+width {
					t.Fatalf("iter %d: line %d %q: piece %q spans %v–%v pt, line is %v–%v",
						iter, k, texts([]Line{l}), pc.Text, pc.X.Points(), end.Points(), left.Points(), (left + width).Points())
				}
				if pc.Word >= 0 {
					if pc.Word != lastWord+1 {
						t.Fatalf("iter %d: word %d after %d", iter, pc.Word, lastWord)
					}
					lastWord = pc.Word
				}
				text := pc.Text
				if l.Hyphenated && &pc == &l.Pieces[len(l.Pieces)-1] {
					text = strings.TrimSuffix(text, "-")
				}
				got.WriteString(text)
			}
			if l.Hyphenated {
				s := got.String()
				got.Reset()
				got.WriteString(strings.TrimSuffix(s, "-"))
			}
		}
		want := strings.NewReplacer(" ", "", "\u00a0", "", "\u00ad", "").Replace(strings.Join(words, " "))
		if got.String() != want {
			t.Fatalf("iter %d: text\n%q\nwant\n%q", iter, got.String(), want)
		}
		if lastWord != len(words)-1 {
			t.Fatalf("iter %d: %d words numbered, %d in the text", iter, lastWord+1, len(words))
		}
		if unit.Length(longest+2)*unit.Point <= p.Measure-p.LeftIndent-p.RightIndent-max(p.FirstIndent, 0) {
			if run := longestHyphenRun(lines); run > 2 {
				t.Errorf("iter %d: %d hyphens in a row: %q", iter, run, texts(lines))
			}
			// A word's tail alone on the last line (Setter.MaxHyphenRun).
			if n := len(lines); n > 1 && lines[n-2].Hyphenated && !strings.Contains(texts(lines[n-1:])[0], " ") {
				t.Errorf("iter %d: hyphen before a lone last word: %q", iter, texts(lines))
			}
		}
	}
}

// TestSetActiveListBounded checks what keeps Knuth–Plass near-linear: a
// breakpoint stays active only while a line from it could still reach the
// current position, so the active list is as long for a paragraph of 4,000
// words as for one of 1,000, and each breakpoint costs the same.
func TestSetActiveListBounded(t *testing.T) {
	data, err := os.ReadFile("../../seeds/open-letter-1964/source.txt")
	if err != nil {
		t.Fatalf("seed text: %v", err)
	}
	body := strings.Join(strings.Fields(string(data)), " ")
	words := strings.Fields(body)
	one := strings.Join(words[1000:2000], " ")
	s := NewSetter(NewShapedMeasurer(), english())
	spec := func(text string) ParagraphSpec {
		return ParagraphSpec{Spans: []Span{{Text: text}}, Size: unit.Pt(10.5), Measure: unit.Pt(296), Hyphenate: true}
	}
	lines1, peak1 := s.set(spec(one))
	lines4, peak4 := s.set(spec(strings.Repeat(one+" ", 4)))
	t.Logf("1,000 words: %d lines, at most %d active; 4,000 words: %d lines, at most %d active", len(lines1), peak1, len(lines4), peak4)
	if peak1 == 0 || peak4 > peak1+peak1/2 {
		t.Errorf("active list grew from %d to %d with the paragraph", peak1, peak4)
	}
}

// TestOpenLetterSetting sets every paragraph of the open letter as the book
// does (10.5 pt Gentium Book Plus, shaped, on a 296 pt measure, with the
// book's font expansion, pretolerance and hyphen penalty) and reports the
// spread of word spaces; it fails on an overfull line, a run of three
// hyphens, more than 9% of the lines hyphenated, or a clear loss of
// quality.
func TestOpenLetterSetting(t *testing.T) {
	data, err := os.ReadFile("../../seeds/open-letter-1964/source.txt")
	if err != nil {
		t.Fatalf("seed text: %v", err)
	}
	s := NewSetter(NewShapedMeasurer(), english())
	s.UseExpansion(25)
	s.Pretolerance, s.HyphenPenalty = 200, 150
	st := setOpenLetter(s, string(data))
	t.Logf("%d paragraphs, %d lines (%d justified), %d hyphenated, longest run %d; glue ratio p50 %.2f p95 %.2f max %.2f; word space p05 %.2f p95 %.2f max %.2f of natural",
		st.paragraphs, st.lines, st.justified, st.hyphenated, st.longestRun, st.ratioP50, st.ratioP95, st.ratioMax, st.gapP05, st.gapP95, st.gapMax)
	if st.overfull > 0 || st.longestRun > 2 {
		t.Errorf("%d overfull lines, longest hyphen run %d", st.overfull, st.longestRun)
	}
	if share := float64(st.hyphenated) / float64(st.lines); share >= 0.09 {
		t.Errorf("%.1f%% of the lines hyphenated, want under 9%%", 100*share)
	}
	// Regression bounds, a little above today's (p95 1.32, max 2.05).
	if st.gapP95 > 1.35 || st.gapMax > 2.1 {
		t.Errorf("word spaces p95 %.2f, max %.2f: the setting got looser", st.gapP95, st.gapMax)
	}
}

type letterStats struct {
	paragraphs, lines, justified, hyphenated, longestRun, overfull int
	ratioP50, ratioP95, ratioMax, gapP05, gapP95, gapMax           float64
}

func setOpenLetter(s *Setter, text string) letterStats {
	m := s.m
	var st letterStats
	var ratios []float64
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		st.paragraphs++
		lines := s.Set(ParagraphSpec{
			Spans: []Span{{Text: para}}, Size: unit.Pt(10.5), Measure: unit.Pt(296), FirstIndent: unit.Pt(10.5), Hyphenate: true,
		})
		st.lines += len(lines)
		st.longestRun = max(st.longestRun, longestHyphenRun(lines))
		for i, l := range lines {
			last := l.Pieces[len(l.Pieces)-1]
			right := l.Width // the right edge of the measure, from the block's left
			if i == 0 {
				right += unit.Pt(10.5) // the indent
			}
			if last.X+ExpandWidth(m.Width(last.Style, last.Size, last.Text), l.Expand) > right {
				st.overfull++
			}
			if strings.HasSuffix(last.Text, "-") {
				st.hyphenated++
			}
			if i < len(lines)-1 && len(l.Pieces) > 1 {
				st.justified++
				ratios = append(ratios, l.Ratio)
			}
		}
	}
	sort.Float64s(ratios)
	pct := func(q float64) float64 { return ratios[int(q*float64(len(ratios)-1))] }
	gap := func(r float64) float64 {
		if r < 0 {
			return 1 + r*float64(s.SpaceShrinkNum)/float64(s.SpaceShrinkDen)
		}
		return 1 + r*float64(s.SpaceStretchNum)/float64(s.SpaceStretchDen)
	}
	st.ratioP50, st.ratioP95, st.ratioMax = pct(0.5), pct(0.95), ratios[len(ratios)-1]
	st.gapP05, st.gapP95, st.gapMax = gap(pct(0.05)), gap(st.ratioP95), gap(st.ratioMax)
	return st
}

// TestSetNamesLastResort checks that a capitalised word is hyphenated only
// when no setting within the tolerance exists, at the breaks the document
// gives it (Hyphenator.WithExceptions).
func TestSetNamesLastResort(t *testing.T) {
	h := english().WithExceptions([]string{"Bran-den-burg"})
	if got := h.Hyphenate("Brandenburg"); len(got) != 0 {
		t.Errorf("Hyphenate(Brandenburg) = %v: a capitalised word in an ordinary pass", got)
	}
	if got, want := h.HyphenateNames("Brandenburg,"), []int{4, 7}; !slices.Equal(got, want) {
		t.Errorf("HyphenateNames(Brandenburg,) = %v, want %v", got, want)
	}
	for _, w := range []string{"NATO", "Brandenburg1", "Bran\u00addenburg"} {
		if got := h.HyphenateNames(w); len(got) != 0 {
			t.Errorf("HyphenateNames(%q) = %v, want none", w, got)
		}
	}
	// Measure 11 pt. "xx Brandenburg" is 14 pt and "Brandenburg" alone
	// 11: no pass within tolerance can set "xx", which has no glue to
	// stretch, alone on a line. The last resort may break the name:
	// "xx Branden-" is 2+1+7+1 = 11 pt and "burg yyy zz" 4+1+3+1+2 = 11 pt,
	// two exact fits instead of a line with nothing to stretch; "wwwww"
	// ends the paragraph, so the hyphen is not on its next-to-last line.
	spec := ParagraphSpec{Spans: []Span{{Text: "xx Brandenburg yyy zz wwwww"}}, Size: fixedSize, Measure: 11 * unit.Point, Hyphenate: true}
	if got, want := texts(fixedSetter(h).Set(spec)), []string{"xx Branden-", "burg yyy zz", "wwwww"}; !slices.Equal(got, want) {
		t.Errorf("with the name's breaks: %q, want %q", got, want)
	}
	// Without hyphenation the name stays whole and "xx" stands alone.
	spec.Hyphenate = false
	if got, want := texts(fixedSetter(h).Set(spec)), []string{"xx", "Brandenburg", "yyy zz", "wwwww"}; !slices.Equal(got, want) {
		t.Errorf("without hyphenation: %q, want %q", got, want)
	}
	// When the paragraph sets within tolerance the name is not broken:
	// at 17 pt "xx Brandenburg yy" is 2+1+11+1+2 = 17 pt, an exact fit in
	// the first pass, although "xx Branden-" would also be possible.
	spec = ParagraphSpec{Spans: []Span{{Text: "xx Brandenburg yy zzzz"}}, Size: fixedSize, Measure: 17 * unit.Point, Hyphenate: true}
	if got, want := texts(fixedSetter(h).Set(spec)), []string{"xx Brandenburg yy", "zzzz"}; !slices.Equal(got, want) {
		t.Errorf("within tolerance: %q, want %q", got, want)
	}
}

// english returns the US English hyphenator the tests set text with.
func english() *hyphen.Hyphenator {
	h, err := hyphen.New("en-US")
	if err != nil {
		panic(err)
	}
	return h
}

// TestURLBreaks checks where web addresses may break (Chicago 7.42) and
// that other words with a slash are left alone.
func TestURLBreaks(t *testing.T) {
	for _, tt := range []struct {
		word string
		url  bool
		want []int
	}{
		{"revolutionarydemocracy.org/archive/openletter.htm", true, []int{22, 26, 34, 45}},
		{"https://example.org/a", true, []int{8, 15, 19}},
		{"and/or", false, nil},
		{"1964/65", false, nil},
	} {
		if got := isURL(tt.word); got != tt.url {
			t.Errorf("isURL(%q) = %v", tt.word, got)
		}
		if !tt.url {
			continue
		}
		if got := urlBreaks(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("urlBreaks(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	// A URL wider than the measure breaks at its punctuation, without a
	// hyphen: at 2 pt a character is 1 pt, so 26 pt holds
	// "revolutionarydemocracy.org" (26) and then the rest (23), and no
	// other break leaves both lines within the measure.
	lines := fixedSetter(english()).Set(ParagraphSpec{Spans: []Span{{Text: "revolutionarydemocracy.org/archive/openletter.htm"}}, Size: fixedSize, Measure: 26 * unit.Point, Hyphenate: true})
	if got, want := texts(lines), []string{"revolutionarydemocracy.org", "/archive/openletter.htm"}; !slices.Equal(got, want) {
		t.Errorf("set as %q, want %q", got, want)
	}
}

// TestSetLooseness checks that a paragraph set with looseness 1 has one
// line more than its best setting, or none when no setting within the
// tolerance has, and -1 one line fewer; and that a Strict setting is the
// one a Setter whose LooseTolerance is its Tolerance finds, so that it
// exists for fewer paragraphs than one within the LooseTolerance.
func TestSetLooseness(t *testing.T) {
	data, err := os.ReadFile("../../seeds/open-letter-1964/source.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := NewSetter(NewShapedMeasurer(), english())
	s.UseExpansion(25)
	within := *s
	within.LooseTolerance = s.Tolerance
	paras := strings.Split(string(data), "\n\n")
	counts := map[bool]int{}
	for _, tc := range []struct {
		looseness int
		strict    bool
	}{{1, false}, {-1, false}, {1, true}, {-1, true}} {
		set := 0
		for _, para := range paras[10:60] {
			spec := ParagraphSpec{Spans: []Span{{Text: strings.Join(strings.Fields(para), " ")}}, Size: unit.Pt(10.5), Measure: unit.Pt(296), FirstIndent: unit.Pt(10.5), Hyphenate: true}
			n := len(s.Set(spec))
			spec.Looseness, spec.Strict = tc.looseness, tc.strict
			lines := s.Set(spec)
			if tc.strict {
				spec.Strict = false
				if want := within.Set(spec); !slices.Equal(texts(lines), texts(want)) {
					t.Errorf("looseness %d, strict: %q, want %q", tc.looseness, texts(lines), texts(want))
				}
			}
			if lines == nil {
				continue
			}
			set++
			if len(lines) != n+tc.looseness {
				t.Errorf("looseness %d: %d lines, the best setting has %d", tc.looseness, len(lines), n)
			}
		}
		t.Logf("looseness %d, strict %v: %d of 50 paragraphs", tc.looseness, tc.strict, set)
		if set == 0 {
			t.Errorf("looseness %d, strict %v: no paragraph of 50 set", tc.looseness, tc.strict)
		}
		counts[tc.strict] += set
	}
	if counts[true] >= counts[false] {
		t.Errorf("%d strict settings, %d within the LooseTolerance: want fewer strict", counts[true], counts[false])
	}
}

// TestSetMarkAfterSpace checks that a note mark set apart from the word
// before it begins no word: the model counts none for it, and the words
// after it keep their numbers.
func TestSetMarkAfterSpace(t *testing.T) {
	spans := []Span{{Text: "The word "}, {Text: "7", Super: true, Mark: true}, {Text: " and more"}}
	lines := fixedSetter(nil).Set(ParagraphSpec{Spans: spans, Size: fixedSize, Measure: 100 * unit.Point})
	if len(lines) != 1 {
		t.Fatalf("%d lines", len(lines))
	}
	var got []string
	for _, pc := range lines[0].Pieces {
		got = append(got, fmt.Sprintf("%s:%d", pc.Text, pc.Word))
	}
	if want := []string{"The:0", "word:1", "7:-1", "and:2", "more:3"}; !slices.Equal(got, want) {
		t.Errorf("pieces %v, want %v", got, want)
	}
}

// TestSpanLanguage checks that a phrase marked with its language is
// hyphenated by that language's patterns, and one in a language without
// patterns not at all. At 2 pt a character is 1 pt, so a 6 pt measure
// holds "engli-" exactly: German breaks "eng-li-sche" and so sets
// "engli-" and "sche", where English breaks "en-glis-che", whose "englis-"
// is 7 pt, too wide.
func TestSpanLanguage(t *testing.T) {
	german, err := hyphen.New("de")
	if err != nil {
		t.Fatal(err)
	}
	s := fixedSetter(english())
	s.Languages = func(lang string) *hyphen.Hyphenator {
		if lang == "de" {
			return german
		}
		return nil
	}
	set := func(lang string) []Line {
		return s.Set(ParagraphSpec{Spans: []Span{{Text: "englische", Lang: lang}}, Size: fixedSize, Measure: 6 * unit.Point, Hyphenate: true})
	}
	de := set("de")
	if got, want := texts(de), []string{"engli-", "sche"}; !slices.Equal(got, want) {
		t.Errorf("German: %q, want %q", got, want)
	}
	for _, l := range de {
		for _, pc := range l.Pieces {
			if pc.Lang != "de" {
				t.Errorf("piece %q has language %q, want the span's", pc.Text, pc.Lang)
			}
		}
	}
	if got := texts(set("")); slices.Contains(got, "engli-") || !strings.HasSuffix(got[0], "-") {
		t.Errorf("the book's English: %q, want English breaks", got)
	}
	for _, l := range set("xx") {
		if l.Hyphenated {
			t.Errorf("a language without patterns is hyphenated: %q", texts(set("xx")))
		}
	}
}
