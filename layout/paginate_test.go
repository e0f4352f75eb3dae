package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
	"github.com/bindery-editions/bindery/layout/paragraph"
	"github.com/bindery-editions/bindery/layout/unit"
)

// flowOf builds a flow of paragraphs with the given line counts, one grid
// line each. A negative count is a subheading (one line, kept with what
// follows) preceded by a one-line space.
func flowOf(counts ...int) []flowItem {
	var flow []flowItem
	for p, n := range counts {
		if n < 0 {
			flow = append(flow, flowItem{kind: itemSpace, slots: 1, para: -1})
			flow = append(flow, flowItem{kind: itemLine, slots: 1, para: p, lineCount: 1, keep: true})
			continue
		}
		for k := 0; k < n; k++ {
			flow = append(flow, flowItem{kind: itemLine, slots: 1, para: p, lineNo: k, lineCount: n})
		}
	}
	return flow
}

func heights(spans []pageSpan) []int {
	var h []int
	for _, s := range spans {
		h = append(h, s.Height)
	}
	return h
}

func TestPaginate(t *testing.T) {
	hyphenAt := func(flow []flowItem, i int) []flowItem { flow[i].hyphen = true; return flow }
	for _, tc := range []struct {
		name       string
		flow       []flowItem
		firstCap   int
		recto      bool
		wantBreaks []int // index of each page's first item
		wantH      []int
	}{
		{
			// 4+4+4 = 12 lines on 10-line pages: page 1 is full (flush
			// bottom), though it leaves the part's last page two lines.
			name: "plain", flow: flowOf(4, 4, 4), firstCap: 10, recto: true,
			wantBreaks: []int{0, 10}, wantH: []int{10, 2},
		},
		{
			// 4+4+5 = 13 lines: page 2 holds three, enough for a last page.
			name: "last page", flow: flowOf(4, 4, 5), firstCap: 10, recto: true,
			wantBreaks: []int{0, 10}, wantH: []int{10, 3},
		},
		{
			// 5+6 = 11 lines: a full page would leave the second
			// paragraph's last line alone on page 2 (a widow), so page 1
			// stops at 9, one short, the least it can be (fillPages would
			// then set a paragraph a line longer or shorter).
			name: "widow", flow: flowOf(5, 6), firstCap: 10, recto: true,
			wantBreaks: []int{0, 9}, wantH: []int{9, 2},
		},
		{
			// 9+4 = 13 lines: a full page would end with the second
			// paragraph's first line (an orphan), so it ends after line 9.
			name: "orphan", flow: flowOf(9, 4), firstCap: 10, recto: true,
			wantBreaks: []int{0, 9}, wantH: []int{9, 4},
		},
		{
			// 8 lines, a space and a subheading fill page 1 exactly, but
			// the heading may not end a page: it moves to page 2 with its
			// paragraph; the space at the break is dropped.
			name: "heading kept", flow: flowOf(8, -1, 5), firstCap: 10, recto: true,
			wantBreaks: []int{0, 9}, wantH: []int{8, 6},
		},
		{
			// 11+20 = 31 lines from a verso: the verso stops at 9 lines
			// (10 would widow the first paragraph); its facing recto is
			// full nonetheless (a short page costs more than an uneven
			// spread), and so is the next verso; the last page has the
			// rest.
			name: "balanced spread", flow: flowOf(11, 20), firstCap: 10, recto: false,
			wantBreaks: []int{0, 9, 19, 29}, wantH: []int{9, 10, 10, 2},
		},
		{
			// The tenth line ends with a hyphen: sending the reader over
			// the leaf mid-word costs (TeX's \brokenpenalty), but less
			// than a page left short.
			name: "hyphen at foot", flow: hyphenAt(flowOf(15, 3), 9), firstCap: 10, recto: true,
			wantBreaks: []int{0, 10}, wantH: []int{10, 8},
		},
		{
			// A sunk heading leaves 6 lines on the opening page.
			name: "opening page", flow: flowOf(3, 3, 4), firstCap: 6, recto: true,
			wantBreaks: []int{0, 6}, wantH: []int{6, 4},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spans := paginate(tc.flow, tc.firstCap, 10, tc.recto, nil)
			var breaks []int
			for _, s := range spans {
				breaks = append(breaks, s.From)
			}
			if fmt.Sprint(breaks) != fmt.Sprint(tc.wantBreaks) || fmt.Sprint(heights(spans)) != fmt.Sprint(tc.wantH) {
				t.Errorf("pages start at %v with heights %v, want %v and %v", breaks, heights(spans), tc.wantBreaks, tc.wantH)
			}
			if spans[len(spans)-1].To != len(tc.flow) {
				t.Errorf("last page ends at %d, flow has %d items", spans[len(spans)-1].To, len(tc.flow))
			}
			if w, o := spanFaults(tc.flow, spans); w+o != 0 {
				t.Errorf("%d widows, %d orphans", w, o)
			}
		})
	}
}

// TestPaginateSplitNote checks that a long footnote continues on the next
// page rather than leave its page short. Pages of 10 grid lines; a note
// takes its lines plus one for the rule. Seven one-line paragraphs, the
// sixth referring to a 6-line note. Kept whole, the note (7) and the six
// lines before it (6) overflow, so page 1 would stop after 5 lines, 5
// short (400·5² = 10000). Split, page 1 holds 6 lines and 3 note lines,
// 6 + 3 + 1 = 10, for costSplitNote (3000), and carries 3 note lines to
// page 2: line 7 and the note's tail, 1 + 3 + 1 = 5. Seven lines and 4
// kept note lines would leave page 2 nothing to carry them with.
func TestPaginateSplitNote(t *testing.T) {
	flow := flowOf(1, 1, 1, 1, 1, 1, 1)
	flow[5].notes = []*footnote{{blockID: "n", lines: flowOf(6)}}
	area := func(lines int) int { return lines + 1 }
	spans := paginate(flow, 10, 10, true, area)
	if len(spans) != 2 || spans[0].To != 6 || spans[0].Height != 10 || spans[0].Carry != 3 || spans[1].Height != 5 || spans[1].Carry != 0 {
		t.Errorf("pages %+v, want 6 lines and 3 note lines (height 10) carrying 3, then height 5", spans)
	}
	// A 3-line note fits whole after the six lines (6 + 3 + 1 = 10), so
	// nothing is carried, though a split would be possible.
	flow[5].notes = []*footnote{{blockID: "n", lines: flowOf(3)}}
	for _, sp := range paginate(flow, 10, 10, true, area) {
		if sp.Carry != 0 {
			t.Errorf("a 3-line note that fits whole was split: %+v", sp)
		}
	}
}

// TestPlaceSplitNote checks that a page sets the lines carried to it
// above its own notes and returns the ones it cannot hold.
func TestPlaceSplitNote(t *testing.T) {
	b := fixedBook(bookDocument(1, 1))
	fn := &footnote{blockID: "n", lines: flowOf(5)}
	var p1, p2 page
	next := b.placeNotes(&p1, nil, []*footnote{fn}, 2)
	if len(p1.lines) != 3 || len(next) != 2 || next[0] != &fn.lines[3] {
		t.Fatalf("page 1 sets %d note lines and carries %d, want 3 and the last 2", len(p1.lines), len(next))
	}
	own := &footnote{blockID: "m", lines: flowOf(1)}
	if rest := b.placeNotes(&p2, next, []*footnote{own}, 0); len(rest) != 0 {
		t.Errorf("page 2 carries %d lines on", len(rest))
	}
	if len(p2.lines) != 3 || p2.lines[0].item != &fn.lines[3] || p2.lines[2].item != &own.lines[0] {
		t.Errorf("page 2 does not set the carried lines first, then its own note")
	}
	if last := p2.lines[2].y; last != b.g.Baseline(b.g.Lines-1) {
		t.Errorf("the last note line is at %v pt, want the last grid line", last.Points())
	}
}

// TestPaginateImpossible checks that a flow whose rules cannot all be kept
// still gets pages: a 12-line paragraph kept whole by a heading on
// 5-line pages must break somewhere.
// TestPaginateFootnotes checks that a page's footnotes take their room
// from the text: a 2-line note referred to from line 3, at one grid line
// a note line plus one for the rule, leaves 10 - 3 = 7 lines of text.
func TestPaginateFootnotes(t *testing.T) {
	flow := flowOf(12)
	flow[3].notes = []*footnote{{blockID: "n", lines: flowOf(2)}}
	area := func(lines int) int { return lines + 1 }
	spans := paginate(flow, 10, 10, true, area)
	if len(spans) != 2 || spans[0].To != 7 || spans[0].Height != 10 {
		t.Errorf("pages %v, want the first to end after 7 lines at height 10", spans)
	}
}

func TestPaginateImpossible(t *testing.T) {
	flow := flowOf(12)
	spans := paginate(flow, 5, 5, true, nil)
	if len(spans) < 3 || spans[len(spans)-1].To != len(flow) {
		t.Fatalf("spans %v do not cover the flow", spans)
	}
	for _, s := range spans {
		if s.Height > 5 {
			t.Errorf("page %v overflows 5 lines", s)
		}
	}
}

// bookDocument is a small book: title page, imprint, contents, an
// introduction, chapters of n paragraphs each and a colophon.
func bookDocument(chapters, paras int) *document.Document {
	doc := &document.Document{Title: "A Test Book", Language: "en"}
	doc.Parts = []document.Part{
		{ID: "title", Kind: document.TitlePart, Matter: document.FrontMatter, Blocks: []document.Block{{ID: "t", Style: document.DisplayLarge, Spans: []document.Span{{Text: "A Test Book"}}}}},
		{ID: "imprint", Kind: document.ImprintPart, Matter: document.FrontMatter, Blocks: []document.Block{{ID: "imp", Style: document.Small, Spans: []document.Span{{Text: "Printed nowhere."}}}}},
		{ID: "contents", Kind: document.ContentsPart, Matter: document.FrontMatter, Title: "Contents"},
		{ID: "intro", Kind: document.TextPart, Matter: document.FrontMatter, Title: "Introduction", InContents: true, Blocks: []document.Block{{ID: "in", Style: document.BodyFirst, Spans: []document.Span{{Text: "A short introduction."}}}}},
	}
	for c := 1; c <= chapters; c++ {
		p := document.Part{ID: fmt.Sprintf("ch%d", c), Kind: document.TextPart, Matter: document.BodyMatter, Title: fmt.Sprintf("Chapter %d", c), InContents: true}
		for i := 0; i < paras; i++ {
			words := make([]string, 60+17*((c+i)%5))
			for k := range words {
				words[k] = fmt.Sprintf("w%d", k)
			}
			p.Blocks = append(p.Blocks, document.Block{ID: fmt.Sprintf("ch%d-p%d", c, i), Style: document.Body, Spans: []document.Span{{Text: strings.Join(words, " ")}}})
		}
		doc.Parts = append(doc.Parts, p)
	}
	doc.Parts = append(doc.Parts, document.Part{ID: "colophon", Kind: document.TextPart, Matter: document.BackMatter, Title: "Colophon", InContents: true,
		Blocks: []document.Block{{ID: "col", Style: document.Small, Spans: []document.Span{{Text: "Set in a fixed-width fake."}}}}})
	return doc
}

func fixedBook(doc *document.Document) *book {
	m := linebreak.FixedMeasurer{}
	t, _ := pagedesign.LookupTrim(pagedesign.DefaultTrim)
	b := newBook(doc, pagedesign.NewGeometry(t, [4]float64{}), m, linebreak.NewSetter(m, nil))
	b.layout()
	return b
}

// TestBookPages checks the book-level rules with the fixed-width fake:
// recto openings with blank versos, page labels, and contents numbers that
// match the pages the parts open on, also when the contents runs to a
// second page and pushes every part on.
func TestBookPages(t *testing.T) {
	for _, tc := range []struct {
		name           string
		chapters, para int
		contentsPages  int
	}{
		{"short contents", 3, 7, 1},
		{"two-page contents", 45, 2, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := bookDocument(tc.chapters, tc.para)
			b := fixedBook(doc)
			if len(b.pages)%2 != 0 {
				t.Errorf("%d pages, want an even count", len(b.pages))
			}
			if b.opening["title"] != 1 || b.opening["imprint"] != 2 || b.opening["contents"] != 3 {
				t.Errorf("title, imprint, contents on pages %d, %d, %d; want 1, 2, 3", b.opening["title"], b.opening["imprint"], b.opening["contents"])
			}
			for i, p := range doc.Parts {
				n := b.opening[p.ID]
				// Every part but the imprint opens on a recto, back
				// matter (the colophon) included.
				if p.Kind != document.ImprintPart && n%2 == 0 {
					t.Errorf("part %s opens on page %d, a verso", p.ID, n)
				}
				if n > 1 && b.pages[n-2].part != i-1 && b.pages[n-2].kind != pageBlank {
					t.Errorf("page before part %s belongs to part %d", p.ID, b.pages[n-2].part)
				}
			}
			first := b.opening["ch1"]
			for n, pg := range b.pages {
				want := pagedesign.Roman(n + 1)
				if n+1 >= first {
					want = fmt.Sprint(n + 2 - first)
				}
				if pg.label != want {
					t.Errorf("page %d labelled %q, want %q", n+1, pg.label, want)
				}
				if pg.kind == pageBlank && len(pg.lines) != 0 {
					t.Errorf("blank page %d has %d lines", n+1, len(pg.lines))
				}
			}
			// The last run of each contents line is its page label.
			var printed []string
			for _, pg := range b.pages {
				if pg.part != 2 {
					continue
				}
				for _, pl := range pg.lines {
					if len(pl.item.extra) == 0 {
						continue
					}
					var label string
					for _, r := range pl.item.extra {
						if !strings.HasPrefix(r.Text, ".") {
							label = r.Text
						}
					}
					printed = append(printed, label)
				}
			}
			contents := 0
			for _, pg := range b.pages {
				if pg.part == 2 {
					contents++
				}
			}
			if contents != tc.contentsPages {
				t.Errorf("contents takes %d pages, want %d", contents, tc.contentsPages)
			}
			var want []string
			for _, p := range doc.Parts {
				if p.InContents {
					want = append(want, b.pages[b.opening[p.ID]-1].label)
				}
			}
			if strings.Join(printed, " ") != strings.Join(want, " ") {
				t.Errorf("contents prints %v, parts open on %v", printed, want)
			}
			if b.stats.Widows+b.stats.Orphans != 0 {
				t.Errorf("stats report %d widows, %d orphans", b.stats.Widows, b.stats.Orphans)
			}
		})
	}
}

// TestPageStarts checks each reported page start against the page's
// first line: the block is the line's and the word index names the word
// the line begins with, or, when the page opens inside a hyphenated word,
// the word it continues. The letter, set with the real fonts and
// hyphenation, has such pages.
func TestPageStarts(t *testing.T) {
	checkPageStarts(t, bookDocument(2, 9), nil)
	checkPageStarts(t, letterDocument(t, pagedesign.DefaultTrim, document.Print), linebreak.NewShapedMeasurer())
}

func checkPageStarts(t *testing.T, doc *document.Document, m *linebreak.ShapedMeasurer) {
	t.Helper()
	b := fixedBook(doc)
	if m != nil {
		tr, _ := pagedesign.LookupTrim(doc.Trim)
		b = newBook(doc, pagedesign.NewGeometry(tr, [4]float64{}), m, paragraph.NewSetter(m, english()))
		b.layout()
	}
	blocks := map[string]document.Block{}
	for _, p := range doc.Parts {
		for _, blk := range p.Blocks {
			blocks[blk.ID] = blk
		}
	}
	starts := b.pageStarts()
	if len(starts) < 5 {
		t.Fatalf("only %d page starts", len(starts))
	}
	continued := 0
	for i, ps := range starts {
		pg := b.pages[ps.Page-1]
		if ps.Page != i+1 {
			t.Errorf("start %d is of page %d: every page has one, in order", i+1, ps.Page)
		}
		if ps.Label != pg.label {
			t.Errorf("page %d: label %q, page says %q", ps.Page, ps.Label, pg.label)
		}
		var first *flowItem
		for _, pl := range pg.lines {
			if pl.item.blockID != "" {
				first = pl.item
				break
			}
		}
		if first == nil {
			want := ""
			if pg.part >= 0 {
				want = doc.Parts[pg.part].ID
			}
			if ps.BlockID != want || ps.Word != 0 {
				t.Errorf("page %d sets no block: start %q word %d, want %q word 0", ps.Page, ps.BlockID, ps.Word, want)
			}
			continue
		}
		if first.blockID != ps.BlockID {
			t.Errorf("page %d: start block %q is not the page's first", ps.Page, ps.BlockID)
			continue
		}
		words := linebreak.Words(document.PlainText(blocks[ps.BlockID].Spans))
		piece := first.line.Pieces[0]
		frag := strings.TrimSuffix(piece.Text, "-")
		switch {
		case ps.Word >= len(words):
			t.Errorf("page %d: word %d of %s, which has %d words", ps.Page, ps.Word, ps.BlockID, len(words))
		case piece.Word >= 0 && !strings.HasPrefix(words[ps.Word], frag):
			t.Errorf("page %d: word %d of %s is %q, the line begins %q", ps.Page, ps.Word, ps.BlockID, words[ps.Word], piece.Text)
		case piece.Word < 0 && !strings.Contains(words[ps.Word], frag):
			t.Errorf("page %d: word %d of %s is %q, the line continues it with %q", ps.Page, ps.Word, ps.BlockID, words[ps.Word], piece.Text)
		case piece.Word < 0:
			continued++
		}
	}
	t.Logf("%d page starts, %d inside a word", len(starts), continued)
}

// TestFootnotePlacement checks that a note lands at the foot of the page
// that refers to it, under a rule, below every line of text.
func TestFootnotePlacement(t *testing.T) {
	doc := bookDocument(1, 9)
	ch := &doc.Parts[4]
	ref := &ch.Blocks[5]
	ref.Spans = append(ref.Spans, document.Span{Text: "1", Super: true, Link: "#fn-1"})
	ch.Blocks = append(ch.Blocks, document.Block{ID: "fn-1", Style: document.Footnote, Marker: "1", Spans: []document.Span{{Text: strings.Repeat("note words ", 30)}}})
	b := fixedBook(doc)
	refPage, notePage := 0, 0
	for n, pg := range b.pages {
		for _, pl := range pg.lines {
			if pl.item.blockID == ref.ID && len(pl.item.notes) > 0 {
				refPage = n + 1
			}
			if pl.item.blockID == "fn-1" {
				notePage = n + 1
				for _, other := range pg.lines {
					if other.item.blockID != "fn-1" && other.y >= pl.y {
						t.Errorf("text line at y %v below the note line at %v", other.y.Points(), pl.y.Points())
					}
				}
				if len(pg.rules) != 1 {
					t.Errorf("page %d has %d rules, want 1 above the note", n+1, len(pg.rules))
				}
			}
		}
	}
	if refPage == 0 || refPage != notePage {
		t.Errorf("reference on page %d, note on page %d", refPage, notePage)
	}
	if b.stats.Widows+b.stats.Orphans != 0 {
		t.Errorf("%d widows, %d orphans", b.stats.Widows, b.stats.Orphans)
	}
}

// stubSetter returns the same lines for every paragraph.
type stubSetter []linebreak.Line

func (s stubSetter) Set(linebreak.ParagraphSpec) []linebreak.Line { return s }

// TestFirstWordAcrossHyphen checks the word a line starting inside a
// hyphenated word reports: the word begun on the line before.
func TestFirstWordAcrossHyphen(t *testing.T) {
	lines := stubSetter{
		{Pieces: []linebreak.Piece{{Text: "one", Word: 0}, {Text: "hy-", Word: 1}}, Hyphenated: true},
		{Pieces: []linebreak.Piece{{Text: "phen", Word: -1}, {Text: "two", Word: 2}}},
		{Pieces: []linebreak.Piece{{Text: "three", Word: 3}}},
	}
	tr, _ := pagedesign.LookupTrim(pagedesign.DefaultTrim)
	b := newBook(&document.Document{}, pagedesign.NewGeometry(tr, [4]float64{}), linebreak.FixedMeasurer{}, lines)
	blk := &document.Block{ID: "b", Style: document.Body, Spans: []document.Span{{Text: "one hyphen two three"}}}
	items := b.setBlock(blk, blk.Spans, b.styleOf(blk), 0)
	var got []int
	for _, it := range items {
		got = append(got, it.firstWord)
	}
	if fmt.Sprint(got) != "[0 1 3]" {
		t.Errorf("first words %v, want [0 1 3]", got)
	}
	if !items[0].hyphen || items[1].hyphen {
		t.Errorf("hyphen flags %v %v, want true false", items[0].hyphen, items[1].hyphen)
	}
}

// TestRaggedLists checks that list items and references are set ragged
// right: every word space keeps its natural width (with FixedMeasurer a
// character, the space included, is half the type size wide), and a
// reference hangs: its first line at the margin, the others 1.5 em in.
func TestRaggedLists(t *testing.T) {
	b := fixedBook(bookDocument(1, 1))
	words := make([]string, 80)
	for k := range words {
		words[k] = fmt.Sprintf("r%d", k*7%100)
	}
	for _, style := range []document.BlockStyle{document.ListItem, document.Reference} {
		blk := &document.Block{ID: "x", Style: style, Marker: "•", Spans: []document.Span{{Text: strings.Join(words, " ")}}}
		items := b.setBlock(blk, blk.Spans, b.styleOf(blk), 0)
		if len(items) < 3 {
			t.Fatalf("style %d: %d lines, want several", style, len(items))
		}
		size := b.g.Size
		for k, it := range items {
			l := it.line
			for i := 1; i < len(l.Pieces); i++ {
				prev := l.Pieces[i-1]
				if gap := l.Pieces[i].X - (prev.X + unit.Length(len([]rune(prev.Text)))*size/2); gap != size/2 {
					t.Errorf("style %d line %d: a word space of %v pt, want %v", style, k, gap.Points(), (size / 2).Points())
				}
			}
			if style == document.Reference {
				want := 3 * size / 2
				if k == 0 {
					want = 0
				}
				if l.Pieces[0].X != want {
					t.Errorf("reference line %d starts at %v pt, want %v", k, l.Pieces[0].X.Points(), want.Points())
				}
			}
		}
	}
}

// TestFillPages sets the open letter and counts, part by part, the pages
// the page breaks alone leave short and those left once fillPages has set
// paragraphs a line longer or shorter: fewer, with fewer lines missing.
func TestFillPages(t *testing.T) {
	m := linebreak.NewShapedMeasurer()
	doc := letterDocument(t, pagedesign.DefaultTrim, document.Print)
	b := newBook(doc, pagedesign.NewGeometry(defaultTrim(), [4]float64{}), m, paragraph.NewSetter(m, english()))
	before, after, missingBefore, missingAfter := 0, 0, 0, 0
	for i := range doc.Parts {
		if doc.Parts[i].Kind != document.TextPart {
			continue
		}
		b.flows = make([][]flowItem, len(doc.Parts))
		b.sources = make([]partSources, len(doc.Parts))
		flow, src := b.composeText(&doc.Parts[i])
		b.sources[i] = src
		_, start := b.composeHeading(&doc.Parts[i])
		firstCap := b.g.Lines - start
		short, missing := shortSpans(paginate(flow, firstCap, b.g.Lines, true, b.noteArea), firstCap, b.g.Lines)
		before, missingBefore = before+len(short), missingBefore+missing
		filled := b.fillPages(i, flow)
		short, missing = shortSpans(paginate(filled, firstCap, b.g.Lines, true, b.noteArea), firstCap, b.g.Lines)
		after, missingAfter = after+len(short), missingAfter+missing
	}
	t.Logf("short pages: %d (%d lines) from the page breaks alone, %d (%d lines) filled", before, missingBefore, after, missingAfter)
	if before == 0 || after >= before || missingAfter >= missingBefore {
		t.Errorf("short pages: %d (%d lines) before filling, %d (%d lines) after", before, missingBefore, after, missingAfter)
	}
}

// defaultTrim is the trim of a document that names none.
func defaultTrim() pagedesign.Trim {
	t, _ := pagedesign.LookupTrim("")
	return t
}

// TestNoteListIndent checks that an item of a list in a note is set a
// step in from the note's text for each level, its marker hanging before
// it.
func TestNoteListIndent(t *testing.T) {
	b := fixedBook(bookDocument(1, 1))
	size := b.smallSize()
	for _, tc := range []struct {
		level  int
		marker string
		want   unit.Length
	}{
		{0, "1", 3 * size / 2},
		{1, "•", 3 * size},
		{2, "2.", 9 * size / 2},
	} {
		blk := &document.Block{ID: "x", Style: document.Footnote, Marker: tc.marker, Level: tc.level, Spans: []document.Span{{Text: "an item"}}}
		items := b.setBlock(blk, blk.Spans, b.styleOf(blk), 0)
		if len(items) != 1 || len(items[0].line.Pieces) == 0 || len(items[0].extra) != 1 {
			t.Fatalf("level %d: set as %+v, want one line with its marker", tc.level, items)
		}
		if x := items[0].line.Pieces[0].X; x != tc.want {
			t.Errorf("level %d: text at %v pt, want %v", tc.level, x.Points(), tc.want.Points())
		}
		if m := items[0].extra[0]; m.Text != tc.marker || m.X >= tc.want {
			t.Errorf("level %d: marker %q at %v pt, want %q before the text", tc.level, m.Text, m.X.Points(), tc.marker)
		}
	}
}
