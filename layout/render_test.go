package layout

import (
	"fmt"
	"github.com/bindery-editions/bindery/layout/unit"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bindery-editions/bindery/layout/linebreak"
)

// letterDocument builds a Document from the open letter's plain text: the
// title lines, imprint, a contents page, a short introduction, the body cut
// into sections at each "Dear Comrades," salutation, the closing lines and
// a colophon. It stands in for the edition model, which layout must not
// import.
func letterDocument(t testing.TB, trim string, profile Profile) *Document {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "seeds", "open-letter-1964", "source.txt"))
	if err != nil {
		t.Fatalf("reading the seed: %v", err)
	}
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	var paras []string
	for _, p := range strings.Split(text, "\n\n") {
		// The dateline and the source line share a paragraph.
		if strings.HasPrefix(p, "Tirana, October") {
			paras = append(paras, strings.SplitN(p, "\n", 2)...)
			continue
		}
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	doc := &Document{
		Title:    "An Open Letter",
		Subtitle: "To the Members of the Communist Party of the Soviet Union",
		Author:   "The Central Committee of the Party of Labor of Albania",
		Language: "en",
		Date:     time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		Trim:     trim,
		Profile:  profile,
	}
	doc.Parts = append(doc.Parts,
		Part{ID: "title", Kind: TitlePart, Matter: FrontMatter, Blocks: []Block{
			{ID: "t1", Style: DisplayLarge, Spans: []Span{{Text: "An Open Letter"}}},
			{ID: "t2", Style: Display, Spans: []Span{{Text: "To the Members of the Communist Party of the Soviet Union", Style: Italic}}},
			{ID: "t3", Style: Display, Spans: []Span{{Text: "The Central Committee of the Party of Labor of Albania", Style: SmallCaps}}},
			{Style: Break},
			{ID: "t4", Style: Display, Spans: []Span{{Text: "Bindery Editions"}}},
		}},
		Part{ID: "imprint", Kind: ImprintPart, Matter: FrontMatter, Blocks: []Block{
			{ID: "i1", Style: Small, Spans: []Span{{Text: "First published in «Zëri i Popullit», Tirana, 1964, and by the «Naim Frashëri» State Publishing House."}}},
			{ID: "i2", Style: Small, Spans: []Span{{Text: "This edition © 2026 Bindery Editions. The text is in the public domain."}}},
		}},
		Part{ID: "contents", Kind: ContentsPart, Matter: FrontMatter, Title: "Contents"},
	)
	intro := Part{ID: "introduction", Kind: TextPart, Matter: FrontMatter, Title: "Introduction", InContents: true}
	for i := 0; i < 12; i++ {
		style := Body
		if i == 0 {
			style = BodyFirst
		}
		intro.Blocks = append(intro.Blocks, Block{ID: fmt.Sprintf("intro-%d", i), Style: style, Spans: []Span{{Text: paras[10+i%7]}}})
	}
	// A footnote, to see it set at the foot of its page.
	intro.Blocks[2].Spans = append(intro.Blocks[2].Spans, Span{Text: "1", Super: true, Link: "#intro-note-1"})
	intro.Blocks = append(intro.Blocks, Block{ID: "intro-note-1", Style: Footnote, Marker: "1", Spans: []Span{
		{Text: "The Twenty-second Congress of the CPSU met in Moscow from 17 to 31 October 1961; Khrushchev's report attacked the Albanian leadership by name."}}})
	doc.Parts = append(doc.Parts, intro)
	var cur *Part
	n := 0
	for i, p := range paras {
		if i < 2 || strings.HasPrefix(p, "Click here") {
			continue // title and imprint lines, web artefact
		}
		id := fmt.Sprintf("p%d", i)
		switch {
		case p == "Dear Comrades,":
			n++
			doc.Parts = append(doc.Parts, Part{ID: fmt.Sprintf("s%d", n), Kind: TextPart, Matter: BodyMatter,
				Title: roman(n), Editorial: true, InContents: true, RunningHead: "Section " + roman(n)})
			cur = &doc.Parts[len(doc.Parts)-1]
			cur.Blocks = append(cur.Blocks, Block{ID: id, Style: Salutation, Spans: []Span{{Text: p}}})
		case strings.HasPrefix(p, "The Central Committee of the Party of Labor of Albania") && len(p) < 60:
			cur.Blocks = append(cur.Blocks, Block{ID: id, Style: Signature, Spans: []Span{{Text: p}}})
		case strings.HasPrefix(p, "Tirana, October"):
			cur.Blocks = append(cur.Blocks, Block{ID: id, Style: Dateline, Spans: []Span{{Text: p}}})
		case strings.HasPrefix(p, "Reproduced from"):
			cur.Blocks = append(cur.Blocks, Block{ID: id, Style: Attribution, Spans: []Span{{Text: p}}})
		default:
			cur.Blocks = append(cur.Blocks, Block{ID: id, Style: Body, Spans: []Span{{Text: p}}})
		}
	}
	doc.Parts = append(doc.Parts, Part{ID: "colophon", Kind: TextPart, Matter: BackMatter, Title: "Colophon", InContents: true,
		Blocks: []Block{{ID: "c1", Style: Small, Spans: []Span{{Text: "Set in Charis SIL by bindery."}}}}})
	return doc
}

func TestRenderErrors(t *testing.T) {
	for name, doc := range map[string]*Document{
		"no parts":      {Title: "Empty"},
		"unknown trim":  {Trim: "folio", Parts: []Part{{ID: "a"}}},
		"missing id":    {Parts: []Part{{Title: "No id"}}},
		"duplicated id": {Parts: []Part{{ID: "a"}, {ID: "a"}}},
	} {
		ts, err := NewTypesetter(0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ts.Set(doc); err == nil {
			t.Errorf("%s: set without error", name)
		}
	}
}

// TestDrawNoOutline checks that NoOutline leaves the bookmarks out and
// that, without it, both profiles carry them.
func TestDrawNoOutline(t *testing.T) {
	m := linebreak.FixedMeasurer{}
	for _, tc := range []struct {
		profile   Profile
		noOutline bool
	}{{Print, false}, {Screen, false}, {Print, true}} {
		doc := bookDocument(2, 1)
		doc.Profile, doc.NoOutline = tc.profile, tc.noOutline
		st, err := set(doc, m, linebreak.NewSetter(m, nil), nil, 1)
		if err != nil {
			t.Fatal(err)
		}
		d, err := st.Draw()
		if err != nil {
			t.Fatal(err)
		}
		marks := 0
		for _, p := range d.Pages {
			marks += len(p.Marks)
		}
		if got := marks > 0; got == tc.noOutline {
			t.Errorf("profile %d, NoOutline %v: %d bookmarks drawn", tc.profile, tc.noOutline, marks)
		}
		if _, err := st.Draw(); err == nil {
			t.Error("a setting was drawn twice")
		}
	}
}

// TestAutoProfileFollowsTrim checks that a document that names no profile
// is set for the screen on a screen trim (links, the bookmarks showing) and
// for print on a book trim (PDF/X, no links), whoever chose the trim, and
// that only a print document that asks for bleed gets it.
func TestAutoProfileFollowsTrim(t *testing.T) {
	m := linebreak.FixedMeasurer{}
	for _, tc := range []struct {
		trim         string
		profile      Profile
		print, bleed bool
	}{
		{"a4", AutoProfile, false, false}, {"letter", AutoProfile, false, false}, {"5.5x8.5in", AutoProfile, true, false},
		{"a4", Print, true, false}, {"5.5x8.5in", Screen, false, false}, {"5.5x8.5in", Print, true, true},
	} {
		doc := bookDocument(2, 1)
		doc.Trim, doc.Profile, doc.Bleed = tc.trim, tc.profile, tc.bleed
		st, err := set(doc, m, linebreak.NewSetter(m, nil), nil, 1)
		if err != nil {
			t.Fatal(err)
		}
		links := st.book.links
		d, err := st.Draw()
		if err != nil {
			t.Fatal(err)
		}
		if d.PDFX != tc.print || links == tc.print || d.ShowOutline == tc.print || (d.Bleed > 0) != tc.bleed {
			t.Errorf("%s, profile %d, bleed asked %v: PDF/X %v, links %v, outline shown %v, bleed %v", tc.trim, tc.profile, tc.bleed, d.PDFX, links, d.ShowOutline, d.Bleed)
		}
	}
}

// TestMarginsAndGutter checks that the margins share the design's sums as
// the proportion says, the outer wider than the inner by default, and that
// the inner margin grows to the printers' gutter for the page count,
// taken from the outer so the text block keeps its measure.
func TestMarginsAndGutter(t *testing.T) {
	in := func(l unit.Length) float64 { return math.Round(l.Points()/72*1000) / 1000 }
	g := newGeometry(trims[DefaultTrim])
	if in(g.inner) != 0.54 || in(g.outer) != 0.81 {
		t.Errorf("default margins inner %v in, outer %v in; want 0.54 and 0.81", in(g.inner), in(g.outer))
	}
	for _, tc := range []struct {
		pages        int
		inner, outer float64
	}{
		{62, 0.54, 0.81}, {150, 0.54, 0.81}, {400, 0.625, 0.725}, {650, 0.75, 0.6}, {1000, 0.875, 0.475},
	} {
		gg := g.gutter(tc.pages)
		if in(gg.inner) != tc.inner || in(gg.outer) != tc.outer || gg.measure != g.measure {
			t.Errorf("%d pages: inner %v, outer %v, measure %v; want %v, %v and %v", tc.pages, in(gg.inner), in(gg.outer), gg.measure.Points(), tc.inner, tc.outer, g.measure.Points())
		}
	}
	even := newGeometry(trims[DefaultTrim], [4]float64{1, 1, 1, 1})
	if even.inner != even.outer || even.measure != g.measure || even.top == g.top {
		t.Errorf("margins 1:1:1:1: inner %v, outer %v, top %v", even.inner.Points(), even.outer.Points(), even.top.Points())
	}
	if screen := newGeometry(trims["a4"]); screen.inner != screen.outer {
		t.Errorf("a screen trim's margins are not symmetric")
	}
}

// TestShortHead checks the running head's shorter forms: never an
// ellipsis, cut where a phrase ends.
func TestShortHead(t *testing.T) {
	fitsIn := func(n int) func(string) bool { return func(s string) bool { return len(s) <= n } }
	for _, tc := range []struct {
		head string
		fit  int
		want string
	}{
		{"IV. Soviet Foreign Policy and the Communist Movement", 80, "IV. Soviet Foreign Policy and the Communist Movement"},
		{"IV. Soviet Foreign Policy and the Communist Movement", 30, "IV. Soviet Foreign Policy"},
		{"III. Stalin, the Party and Soviet Policy at Home", 40, "III. Stalin, the Party and Soviet Policy"},
		{"III. Stalin, the Party and Soviet Policy at Home", 25, "III. Stalin, the Party"},
		{"III. Stalin, the Party and Soviet Policy at Home", 12, "III. Stalin"},
		{"A Note on the Text: Emendations and Silent Changes", 30, "A Note on the Text"},
		{"IV. Soviet Foreign Policy and the Communist Movement", 5, "IV."},
		{"Unbreakableheadwithoutanyphrase", 10, "Unbreakableheadwithoutanyphrase"},
	} {
		got := shortHead(tc.head, fitsIn(tc.fit))
		if got != tc.want || strings.Contains(got, "…") {
			t.Errorf("shortHead(%q, %d) = %q, want %q", tc.head, tc.fit, got, tc.want)
		}
	}
}
