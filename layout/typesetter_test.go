package layout

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/unit"
)

// memoDocument is a small book of three chapters; last is the text of the
// last one, which a second setting may change.
func memoDocument(last string) *document.Document {
	para := strings.Repeat("Words enough to fill a few lines of a short chapter, set and broken into pages. ", 12)
	doc := &document.Document{Title: "Memo", Language: "en", Trim: "5.5x8.5in"}
	doc.Parts = append(doc.Parts, document.Part{ID: "contents", Kind: document.ContentsPart, Matter: document.FrontMatter, Title: "Contents"})
	for c, text := range []string{para, para + para, last} {
		var blocks []document.Block
		for i := 0; i < 6; i++ {
			blocks = append(blocks, document.Block{ID: fmt.Sprintf("c%dp%d", c, i), Style: document.Body, Spans: []document.Span{{Text: text}}})
		}
		doc.Parts = append(doc.Parts, document.Part{ID: fmt.Sprintf("chapter-%d", c+1), Kind: document.TextPart, Matter: document.BodyMatter,
			Title: fmt.Sprintf("Chapter %d", c+1), InContents: true, Blocks: blocks})
	}
	return doc
}

// A typesetter that has set one book sets a changed one exactly as a fresh
// typesetter does, and paginates again only the parts that changed.
func TestTypesetterPageBreakMemo(t *testing.T) {
	mustSet := func(ts *Typesetter, doc *document.Document) (*Setting, *drawing.Drawing) {
		t.Helper()
		st, err := ts.Set(doc)
		if err != nil {
			t.Fatal(err)
		}
		d, err := st.Draw()
		if err != nil {
			t.Fatal(err)
		}
		return st, d
	}
	ts, err := NewTypesetter(0)
	if err != nil {
		t.Fatal(err)
	}
	short := strings.Repeat("A last chapter, short. ", 20)
	mustSet(ts, memoDocument(short))
	known := len(ts.breaks.spans)
	if known == 0 {
		t.Fatal("the first setting left nothing in the page-break memo")
	}
	mustSet(ts, memoDocument(short))
	if n := len(ts.breaks.spans); n != known {
		t.Errorf("setting the same book again added %d page-break entries, want 0", n-known)
	}

	long := strings.Repeat("A last chapter, now much longer than it was. ", 90)
	again, againDrawing := mustSet(ts, memoDocument(long))
	if n := len(ts.breaks.spans); n <= known {
		t.Errorf("a changed chapter was not paginated again (%d entries before, %d after)", known, n)
	}
	fresh, err := NewTypesetter(0)
	if err != nil {
		t.Fatal(err)
	}
	want, wantDrawing := mustSet(fresh, memoDocument(long))
	if !reflect.DeepEqual(again.Result, want.Result) {
		t.Errorf("the memo changed the result:\n got %+v\nwant %+v", again.Result, want.Result)
	}
	if !reflect.DeepEqual(againDrawing, wantDrawing) {
		t.Error("the memo changed the drawn pages")
	}
}

// The page-break key changes with everything paginate reads, so two flows
// that would break differently never share an entry.
func TestPageBreakKeyCoversWhatPaginateReads(t *testing.T) {
	b := newBook(&document.Document{}, pagedesign.NewGeometry(pagedesign.Trim{Name: "5.5x8.5in", Width: 396 * unit.Point, Height: 612 * unit.Point}, [4]float64{}), linebreak.FixedMeasurer{}, nil)
	base := func() []flowItem {
		return []flowItem{
			{kind: itemLine, slots: 1, para: 0, lineNo: 0, lineCount: 2},
			{kind: itemLine, slots: 1, para: 0, lineNo: 1, lineCount: 2, notes: []*footnote{{lines: make([]flowItem, 3)}}},
			{kind: itemSpace, slots: 1, para: -1},
		}
	}
	ref := b.pageBreakKey(base(), 20, true)
	for _, tc := range []struct {
		name   string
		change func(f []flowItem)
	}{
		{"kind", func(f []flowItem) { f[2].kind = itemLine }},
		{"slots", func(f []flowItem) { f[0].slots = 2 }},
		{"para", func(f []flowItem) { f[1].para = 1 }},
		{"line number", func(f []flowItem) { f[1].lineNo = 0 }},
		{"line count", func(f []flowItem) { f[0].lineCount = 3 }},
		{"keep", func(f []flowItem) { f[0].keep = true }},
		{"hyphen", func(f []flowItem) { f[0].hyphen = true }},
		{"note length", func(f []flowItem) { f[1].notes[0].lines = make([]flowItem, 4) }},
		{"notes", func(f []flowItem) { f[0].notes = []*footnote{{lines: make([]flowItem, 1)}} }},
	} {
		f := base()
		tc.change(f)
		if b.pageBreakKey(f, 20, true) == ref {
			t.Errorf("%s: the key did not change", tc.name)
		}
	}
	if b.pageBreakKey(base(), 19, true) == ref {
		t.Error("first page's lines: the key did not change")
	}
	if b.pageBreakKey(base(), 20, false) == ref {
		t.Error("opening side: the key did not change")
	}
	if b.pageBreakKey(base(), 20, true) != ref {
		t.Error("the same flow gave two keys")
	}
}

// styledDocument is memoDocument with italic, bold, bold italic and small
// capital words, and a part set only in roman when plain is set.
func styledDocument(plain bool) *document.Document {
	doc := memoDocument(strings.Repeat("A plain last chapter. ", 30))
	if plain {
		return doc
	}
	blocks := doc.Parts[1].Blocks
	blocks[0].Spans = append(blocks[0].Spans, document.Span{Text: " in italics", Style: document.Italic}, document.Span{Text: " and bold", Style: document.Bold})
	blocks[1].Spans = append(blocks[1].Spans, document.Span{Text: " BOTH", Style: document.BoldItalic}, document.Span{Text: " Small Capitals", Style: document.SmallCaps})
	return doc
}

// Setting.Faces, which picks the faces a PDF's start embeds before the
// pages are drawn, must name exactly the faces the drawn pages use.
func TestFacesInUseMatchesDrawnPages(t *testing.T) {
	for _, plain := range []bool{true, false} {
		ts, err := NewTypesetter(0)
		if err != nil {
			t.Fatal(err)
		}
		st, err := ts.Set(styledDocument(plain))
		if err != nil {
			t.Fatal(err)
		}
		predicted := st.Faces()
		d, err := st.Draw()
		if err != nil {
			t.Fatal(err)
		}
		drawn := d.Faces()
		if !maps.Equal(predicted, drawn) {
			t.Errorf("plain=%v: predicted faces %v, drawn %v", plain, predicted, drawn)
		}
		if !plain && len(drawn) != 4 {
			t.Errorf("the styled book draws %d faces, want all 4", len(drawn))
		}
	}
}

// TestTypesetterLanguage checks that a document is hyphenated by the
// patterns of its language, and that a language without patterns is set
// without hyphenation, and said so, rather than with another language's.
func TestTypesetterLanguage(t *testing.T) {
	ts, err := NewTypesetter(0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang       string
		hyphenated bool
		warning    string
	}{
		{"en", true, ""},
		{"tr", false, `language "tr": no hyphenation patterns`},
		{"", false, "no hyphenation patterns"},
	} {
		doc := LetterDocument(t, pagedesign.DefaultTrim, document.Print)
		doc.Language = tc.lang
		st, err := ts.Set(doc)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Stats.HyphenatedLines > 0; got != tc.hyphenated {
			t.Errorf("%q: %d hyphenated lines", tc.lang, st.Stats.HyphenatedLines)
		}
		if w := strings.Join(st.Warnings, "\n"); (tc.warning == "") != (w == "") || !strings.Contains(w, tc.warning) {
			t.Errorf("%q: warnings %q, want %q", tc.lang, w, tc.warning)
		}
	}
}

// TestTypesetterPhraseLanguage checks that a phrase marked with its
// language is hyphenated by that language's patterns in a book of
// another language (Greek, which English patterns cannot break, gets
// hyphens), and that a phrase in a language without patterns is set
// without, and said so once.
func TestTypesetterPhraseLanguage(t *testing.T) {
	ts, err := NewTypesetter(0)
	if err != nil {
		t.Fatal(err)
	}
	greek := strings.Repeat("Η πολιτιστική επανάσταση αντιμετωπίστηκε με καχυποψία από τους περισσότερους παρατηρητές. ", 12)
	for _, tc := range []struct {
		lang       string
		hyphenated bool
		warning    string
	}{
		{"el", true, ""},
		{"", false, ""},
		{"zz", false, `words of the phrases marked as "zz" are not hyphenated: language "zz": no hyphenation patterns`},
		{"el-Latn", false, ""}, // a transliteration: rightly not hyphenated, nothing to say
	} {
		doc := memoDocument(greek)
		for i := range doc.Parts[3].Blocks {
			doc.Parts[3].Blocks[i].Spans[0].Lang = tc.lang
		}
		doc.Parts[1].Blocks[0].Spans = append(doc.Parts[1].Blocks[0].Spans, document.Span{Text: " and one more", Lang: tc.lang})
		st, err := ts.Set(doc)
		if err != nil {
			t.Fatal(err)
		}
		hyphenated := false
		d, err := st.Draw()
		if err != nil {
			t.Fatal(err)
		}
		for _, pg := range d.Pages {
			for _, r := range pg.Runs {
				if strings.ContainsAny(r.Text, "αεηιουω") && strings.HasSuffix(r.Text, "-") {
					hyphenated = true
				}
			}
		}
		if hyphenated != tc.hyphenated {
			t.Errorf("phrases in %q: Greek hyphenated %v, want %v", tc.lang, hyphenated, tc.hyphenated)
		}
		if w := strings.Join(st.Warnings, "\n"); (tc.warning == "") != (w == "") || !strings.Contains(w, tc.warning) || strings.Count(w, "\n") > 0 {
			t.Errorf("phrases in %q: warnings %q, want %q", tc.lang, w, tc.warning)
		}
	}
}

// TestMissingCharacters checks that a character no face has is reported
// with its block, offset and name, and drawn as U+FFFD, never as an empty
// box; Greek, which Gentium has, is not reported.
func TestMissingCharacters(t *testing.T) {
	ts, err := NewTypesetter(1)
	if err != nil {
		t.Fatal(err)
	}
	doc := bookDocument(1, 1)
	doc.Parts[3].Blocks[0].Spans = []document.Span{{Text: "Smile "}, {Text: "😀 and θάλασσα, ☃", Style: document.Italic}}
	st, err := ts.Set(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := []document.MissingChar{
		{BlockID: "in", Offset: 6, Rune: 0x1F600, Name: "U+1F600 GRINNING FACE"},
		{BlockID: "in", Offset: len("Smile 😀 and θάλασσα, "), Rune: 0x2603, Name: "U+2603 SNOWMAN"},
	}
	if !slices.Equal(st.Missing, want) {
		t.Errorf("missing %+v, want %+v", st.Missing, want)
	}
	d, err := st.Draw()
	if err != nil {
		t.Fatal(err)
	}
	var drawn strings.Builder
	for _, p := range d.Pages {
		for _, r := range p.Runs {
			drawn.WriteString(r.Text + " ")
			if len(r.Glyphs.Missing) > 0 {
				t.Errorf("%q is drawn with .notdef", r.Text)
			}
		}
	}
	if !strings.Contains(drawn.String(), "\uFFFD and θάλασσα, \uFFFD") {
		t.Errorf("the replacement characters are not drawn: %q", drawn.String())
	}
}

// TestBlockLinesAndLineNumbers checks that every printed line of text is
// reported with its page and its number there, counting from 1 on each
// page, and that with LineNumbers every fifth is numbered in the outer
// margin: right of the text on a recto, left on a verso.
func TestBlockLinesAndLineNumbers(t *testing.T) {
	ts, err := NewTypesetter(1)
	if err != nil {
		t.Fatal(err)
	}
	doc := LetterDocument(t, pagedesign.DefaultTrim, document.Print)
	doc.LineNumbers = true
	st, err := ts.Set(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.BlockLines) < 900 {
		t.Fatalf("%d block lines for a letter of a thousand lines", len(st.BlockLines))
	}
	prevPage, prevLine := 0, 0
	perPage := map[int]int{}
	for _, bl := range st.BlockLines {
		if bl.Page == prevPage && bl.Line <= prevLine || bl.Page < prevPage {
			t.Fatalf("line %+v out of order after page %d line %d", bl, prevPage, prevLine)
		}
		prevPage, prevLine = bl.Page, bl.Line
		perPage[bl.Page] = max(perPage[bl.Page], bl.Line)
	}
	g := pagedesign.NewGeometry(defaultTrim(), [4]float64{})
	d, err := st.Draw()
	if err != nil {
		t.Fatal(err)
	}
	numbered := 0
	for n, p := range d.Pages {
		for _, r := range p.Runs {
			k, err := strconv.Atoi(r.Text)
			if err != nil || r.Size != g.Size*13/16 || k%5 != 0 {
				continue
			}
			numbered++
			recto := (n+1)%2 == 1
			if recto && r.X < g.Left(n+1)+g.Measure || !recto && r.X > g.Left(n+1) {
				t.Errorf("page %d: line number %d at x %v, not in the outer margin", n+1, k, r.X.Points())
			}
			if k > perPage[n+1] {
				t.Errorf("page %d: line number %d, but the page has %d lines", n+1, k, perPage[n+1])
			}
		}
	}
	if numbered < 100 {
		t.Errorf("%d line numbers drawn", numbered)
	}
}
