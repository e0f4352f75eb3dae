package layout

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/drawing"
	"github.com/bindery-editions/bindery/layout/unit"
)

// constructBook sets one chapter of blocks with the fixed-width fake.
func constructBook(blocks ...document.Block) *book {
	doc := &document.Document{Title: "Constructs", Language: "en", Parts: []document.Part{
		{ID: "ch", Kind: document.TextPart, Matter: document.BodyMatter, Title: "Chapter", InContents: true, Blocks: blocks},
	}}
	return fixedBook(doc)
}

// drawnImages returns the images drawn, by page.
func drawnImages(b *book) map[int][]drawing.PlacedImage {
	out := map[int][]drawing.PlacedImage{}
	for n, p := range b.draw() {
		if len(p.Images) > 0 {
			out[n+1] = p.Images
		}
	}
	return out
}

func TestFigureFitsTextBlock(t *testing.T) {
	for _, tc := range []struct {
		name          string
		width, height int
	}{
		{"wider than the measure", 3000, 900},
		{"taller than the page", 900, 9000},
		{"small", 60, 45},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fig := document.Block{ID: "fig", Style: document.Figure, Spans: []document.Span{{Text: "A caption under the picture."}}, Number: "Figure 1.",
				Image: &drawing.Image{Name: "x.png", Format: "png", Width: tc.width, Height: tc.height}}
			b := constructBook(document.Block{ID: "p1", Style: document.BodyFirst, Spans: []document.Span{{Text: "Words before."}}}, fig,
				document.Block{ID: "p2", Style: document.Body, Spans: []document.Span{{Text: "Words after."}}})
			imgs := drawnImages(b)
			if len(imgs) != 1 {
				t.Fatalf("images on %d pages, want 1", len(imgs))
			}
			for page, ims := range imgs {
				im := ims[0]
				left := b.g.Left(page)
				top, foot := b.g.Top, b.g.Baseline(b.g.Lines-1)
				// Never beyond the text block.
				if im.X < left || im.X+im.W > left+b.g.Measure || im.Y < top || im.Y+im.H > foot {
					t.Errorf("image at %v,%v size %v×%v leaves the text block (left %v, measure %v, top %v, foot %v)", im.X, im.Y, im.W, im.H, left, b.g.Measure, top, foot)
				}
				// Its proportions kept.
				if r := float64(im.W) / float64(im.H); r < float64(tc.width)/float64(tc.height)*0.99 || r > float64(tc.width)/float64(tc.height)*1.01 {
					t.Errorf("aspect %.3f, want %.3f", r, float64(tc.width)/float64(tc.height))
				}
				if tc.name == "small" && im.W != unit.Inch*60/imageResolution {
					t.Errorf("a small image is set at %d ppi: width %v", imageResolution, im.W)
				}
				// The caption under it, on the same page.
				var capY unit.Length
				for _, pl := range b.pages[page-1].lines {
					if pl.item.blockID == "fig" && len(pl.item.line.Pieces) > 0 && capY == 0 {
						capY = pl.y
					}
				}
				if capY == 0 || capY < im.Y+im.H {
					t.Errorf("caption at %v, image foot at %v: not under it on its page", capY, im.Y+im.H)
				}
			}
			// The caption's words are counted, the label's not among them.
			if got := b.countWords()["fig"]; got != 5+2 {
				t.Errorf("figure words %d, want its caption's 5 and the label's 2", got)
			}
		})
	}
}

// tableBlock is a table of rows rows: a header row and rows of three cells.
func tableBlock(rows int, cellWords int) document.Block {
	tb := &document.Table{Align: []document.Align{document.AlignLeft, document.AlignRight, document.AlignCenter}}
	head := []document.Cell{{Paras: []document.CellPara{{ID: "h1", Spans: []document.Span{{Text: "Head"}}}}}, {Paras: []document.CellPara{{ID: "h2", Spans: []document.Span{{Text: "Two"}}}}}, {Paras: []document.CellPara{{ID: "h3", Spans: []document.Span{{Text: "Three"}}}}}}
	tb.Head = [][]document.Cell{head}
	for r := 0; r < rows; r++ {
		var row []document.Cell
		for c := 0; c < 3; c++ {
			words := make([]string, cellWords)
			for i := range words {
				words[i] = fmt.Sprintf("w%d", i)
			}
			row = append(row, document.Cell{Paras: []document.CellPara{{ID: fmt.Sprintf("r%dc%d", r, c), Spans: []document.Span{{Text: strings.Join(words, " ")}}}}})
		}
		tb.Body = append(tb.Body, row)
	}
	return document.Block{ID: "tbl", Style: document.TableBlock, Table: tb, Spans: []document.Span{{Text: "A long table."}}}
}

func TestTableHeaderRepeats(t *testing.T) {
	b := constructBook(document.Block{ID: "p", Style: document.BodyFirst, Spans: []document.Span{{Text: "Before."}}}, tableBlock(120, 1))
	var tablePages []int
	for n, pg := range b.pages {
		if pg.part < 0 || len(pg.lines) == 0 {
			continue
		}
		for _, pl := range pg.lines {
			if strings.HasPrefix(pl.item.blockID, "r") {
				tablePages = append(tablePages, n)
				break
			}
		}
	}
	if len(tablePages) < 2 {
		t.Fatalf("the table took %d pages; want it to continue", len(tablePages))
	}
	for _, n := range tablePages[1:] {
		first := b.pages[n].lines[0]
		if len(first.item.line.Pieces) == 0 || first.item.line.Pieces[0].Text != "Head" || first.item.blockID != "" {
			t.Errorf("page %d opens with %+v, not the header again", n+1, first.item.line.Pieces)
		}
	}
	// Every cell's word set once; the header's too, however often repeated.
	words := b.countWords()
	if words["h1"] != 1 || words["r119c2"] != 1 {
		t.Errorf("header words %d, last cell's %d; want 1 each", words["h1"], words["r119c2"])
	}
	// A row is never parted across pages: its cells share a page.
	for r := 0; r < 120; r++ {
		pages := map[int]bool{}
		for n, pg := range b.pages {
			for _, pl := range pg.lines {
				if strings.HasPrefix(pl.item.blockID, fmt.Sprintf("r%dc", r)) {
					pages[n] = true
				}
			}
		}
		if len(pages) != 1 {
			t.Errorf("row %d on pages %v", r, pages)
		}
	}
	// The rules: a heavy one above and below, a light one under the header.
	var rules []drawing.Rule
	for _, p := range b.draw() {
		rules = append(rules, p.Rules...)
	}
	heavy, light := 0, 0
	for _, r := range rules {
		switch r.Thickness {
		case tableRule(b.quoteSize(), true):
			heavy++
		case tableRule(b.quoteSize(), false):
			light++
		}
	}
	if heavy < 2+len(tablePages)-1 || light < len(tablePages) {
		t.Errorf("%d heavy and %d light rules over %d pages", heavy, light, len(tablePages))
	}
}

func TestTableTypeSize(t *testing.T) {
	b := constructBook()
	narrow := tableBlock(2, 2)
	if tl := b.layoutTable(narrow.Table); tl.size != b.quoteSize() || tl.width > b.g.Measure {
		t.Errorf("a narrow table at %v, width %v", tl.size, tl.width)
	}
	wide := tableBlock(2, 30)
	tl := b.layoutTable(wide.Table)
	if tl.size != b.smallSize() || tl.width != b.g.Measure {
		t.Errorf("a wide table at %v (want the small size %v), width %v (want the measure %v)", tl.size, b.smallSize(), tl.width, b.g.Measure)
	}
	var sum unit.Length
	for _, w := range tl.widths {
		sum += w
	}
	if sum+2*tl.gap > b.g.Measure {
		t.Errorf("columns %v and gaps %v exceed the measure %v", tl.widths, tl.gap, b.g.Measure)
	}
}

func TestFormulaInLineAndDisplayed(t *testing.T) {
	b := constructBook(
		document.Block{ID: "p", Style: document.BodyFirst, Spans: []document.Span{{Text: "Water is "}, {Object: document.NewFormula(`\text{H}_2\text{O}`, false)}, {Text: " and more."}}},
		document.Block{ID: "p", Style: document.DisplayMath, Math: document.NewFormula(`\frac{a}{b}`, true), WordOffset: 5},
	)
	words := b.countWords()
	if words["p"] != 5+1 {
		t.Errorf("words %d, want the line's 5 and the formula's 1", words["p"])
	}
	var rules []drawing.Rule
	var glyphs []string
	for _, p := range b.draw() {
		rules = append(rules, p.Rules...)
		for _, r := range p.Runs {
			glyphs = append(glyphs, r.Text)
		}
	}
	joined := strings.Join(glyphs, "|")
	for _, want := range []string{"H", "2", "O", "a", "b"} {
		if !strings.Contains(joined, want) {
			t.Errorf("glyph %q not drawn: %s", want, joined)
		}
	}
	if len(rules) != 1 {
		t.Errorf("%d rules drawn, want the fraction's", len(rules))
	}
}

// TestContentsDepth lists a part's headings under it, indented, with
// their pages, to the depth asked, and no deeper.
func TestContentsDepth(t *testing.T) {
	for _, depth := range []int{1, 2, 3} {
		doc := bookDocument(2, 40)
		doc.ContentsDepth = depth
		ch := &doc.Parts[4]
		ch.Blocks = append(ch.Blocks, document.Block{ID: "h1", Style: document.Subheading, Spans: []document.Span{{Text: "Second thoughts"}}, Outline: 1},
			document.Block{ID: "h1-p", Style: document.Body, Spans: []document.Span{{Text: "More words."}}},
			document.Block{ID: "h2", Style: document.Subheading, Spans: []document.Span{{Text: "A finer point"}}, Outline: 2})
		ch.Contents = []document.ContentsEntry{{Title: "Second thoughts", BlockID: "h1", Level: 1}, {Title: "A finer point", BlockID: "h2", Level: 2}}
		b := fixedBook(doc)
		var contents []string
		for _, pg := range b.pages {
			if pg.part == 2 {
				for _, pl := range pg.lines {
					var words []string
					for _, pc := range pl.item.line.Pieces {
						words = append(words, pc.Text)
					}
					label := ""
					if n := len(pl.item.extra); n > 0 {
						label = pl.item.extra[0].Text
					}
					contents = append(contents, strings.Join(words, " ")+" "+label)
				}
			}
		}
		joined := strings.Join(contents, "|")
		want := map[int][2]bool{1: {false, false}, 2: {true, false}, 3: {true, true}}[depth]
		if got := strings.Contains(joined, "Second thoughts"); got != want[0] {
			t.Errorf("depth %d: level-1 heading listed %v: %s", depth, got, joined)
		}
		if got := strings.Contains(joined, "A finer point"); got != want[1] {
			t.Errorf("depth %d: level-2 heading listed %v: %s", depth, got, joined)
		}
		if depth >= 2 {
			page := b.pages[b.blockPage["h1"]-1].label
			if !strings.Contains(joined, "Second thoughts "+page) {
				t.Errorf("depth %d: the heading's page %s not printed: %s", depth, page, joined)
			}
		}
	}
}

// TestFigureFloats sets a figure too tall for what the opening page has
// left under the text before it: the figure goes to the head of the next
// page, and the text after it in the source runs on to fill the opening
// page, which ends on the last grid line like every full page.
func TestFigureFloats(t *testing.T) {
	words := func(n int, w string) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }
	// 500 by 600 pixels at 150 ppi: 4 in high, more than half a page.
	fig := document.Block{ID: "fig", Style: document.Figure, Spans: []document.Span{{Text: "A tall picture."}}, Image: &drawing.Image{Name: "x.png", Format: "png", Width: 500, Height: 600}}
	b := constructBook(document.Block{ID: "p1", Style: document.BodyFirst, Spans: []document.Span{{Text: words(60, "before")}}}, fig,
		document.Block{ID: "p2", Style: document.Body, Spans: []document.Span{{Text: words(400, "after")}}})
	if short := b.shortPages(); len(short) > 0 {
		t.Errorf("pages %v short", short)
	}
	imgs := drawnImages(b)
	var page int
	for p := range imgs {
		page = p
	}
	if len(imgs) != 1 || imgs[page][0].Y > b.g.Top+b.g.Leading {
		t.Fatalf("images %v: want one, at the head of its page (text block's top %v)", imgs, b.g.Top)
	}
	opening := -1
	for n, pg := range b.pages {
		if pg.kind == pageOpening {
			opening = n
		}
	}
	if page != opening+2 {
		t.Errorf("the figure on page %d, want %d, the page after the opening", page, opening+2)
	}
	after := false
	for _, pl := range b.pages[opening].lines {
		after = after || pl.item.blockID == "p2"
	}
	if !after {
		t.Error("no text from after the figure fills the opening page")
	}
}

// TestEpigraphPage sets an untitled part of a quotation and its
// attribution a third of the way down its page, and an untitled part of
// text at the head of its page.
func TestEpigraphPage(t *testing.T) {
	for _, tt := range []struct {
		name   string
		blocks []document.Block
		line   func(b *book) int // the grid line of the first baseline
	}{
		{"epigraph", []document.Block{{ID: "q", Style: document.Quote, Spans: []document.Span{{Text: "Our independence must be had at all hazards."}}}, {ID: "a", Style: document.Attribution, Spans: []document.Span{{Text: "— Wolfe Tone"}}}},
			func(b *book) int { return b.g.Lines / 3 }},
		{"text", []document.Block{{ID: "p", Style: document.BodyFirst, Spans: []document.Span{{Text: "Our independence must be had at all hazards."}}}},
			func(b *book) int { return 0 }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := &document.Document{Title: "Epigraph", Language: "en", Parts: []document.Part{
				{ID: "motto", Kind: document.TextPart, Matter: document.BodyMatter, Blocks: tt.blocks},
				{ID: "ch", Kind: document.TextPart, Matter: document.BodyMatter, Title: "Chapter", InContents: true, Blocks: []document.Block{{ID: "p2", Style: document.BodyFirst, Spans: []document.Span{{Text: "Text."}}}}},
			}}
			b := fixedBook(doc)
			pg := b.pages[b.blockPage[tt.blocks[0].ID]-1]
			if len(pg.lines) == 0 || pg.lines[0].y != b.g.Baseline(tt.line(b)) {
				t.Errorf("first baseline at %v, want grid line %d (%v)", pg.lines[0].y, tt.line(b), b.g.Baseline(tt.line(b)))
			}
		})
	}
}

// TestTableRowsNotStranded sets tables after text of every length up to a
// page, so that each falls at every place on its page: a short table is
// never parted, and no page of a long one holds a single body row.
func TestTableRowsNotStranded(t *testing.T) {
	for _, rows := range []int{4, 60} {
		for words := 0; words <= 400; words += 9 {
			filler := strings.TrimSpace(strings.Repeat("word ", words+1))
			b := constructBook(document.Block{ID: "p", Style: document.BodyFirst, Spans: []document.Span{{Text: filler}}}, tableBlock(rows, 1))
			perPage := map[int]map[int]bool{} // page -> body rows on it
			for n, pg := range b.pages {
				for _, pl := range pg.lines {
					var r, c int
					if _, err := fmt.Sscanf(pl.item.blockID, "r%dc%d", &r, &c); err == nil {
						if perPage[n] == nil {
							perPage[n] = map[int]bool{}
						}
						perPage[n][r] = true
					}
				}
			}
			if rows == 4 && len(perPage) != 1 {
				t.Errorf("%d words before it: a table of %d rows parted over pages %v", words, rows, perPage)
			}
			if rows == 4 {
				// With text after it, a short table that does not fit
				// floats to the next page and the text fills this one,
				// but for a line where the text's first line would stand
				// alone above the table (an orphan).
				after := document.Block{ID: "q", Style: document.Body, Spans: []document.Span{{Text: strings.Repeat("after ", 300)}}}
				b2 := constructBook(document.Block{ID: "p", Style: document.BodyFirst, Spans: []document.Span{{Text: filler}}}, tableBlock(rows, 1), after)
				for _, n := range b2.shortPages() {
					if m := b2.linesMissing(n); m > 1 {
						t.Errorf("%d words before a %d-row table and text after it: page %d is %d lines short", words, rows, n+1, m)
					}
				}
			}
			for n, rs := range perPage {
				if len(rs) < 2 {
					t.Errorf("%d words before it: page %d holds %d row of a %d-row table", words, n+1, len(rs), rows)
				}
			}
		}
	}
}

// TestDatelineHeadsLetter sets two letters, the second headed by its
// dateline and salutation, after text of every length up to a page, so
// that the dateline falls at every place on its page: it is never left
// at a page's foot without the letter it heads, and a dateline that
// closes a letter stays with the letter's last line.
func TestDatelineHeadsLetter(t *testing.T) {
	for words := 200; words <= 700; words += 7 {
		filler := strings.TrimSpace(strings.Repeat("word ", words))
		b := constructBook(
			document.Block{ID: "p1", Style: document.BodyFirst, Spans: []document.Span{{Text: filler}}},
			document.Block{ID: "d1", Style: document.Dateline, Spans: []document.Span{{Text: "Wronke, 21. 11. 16."}}},
			document.Block{ID: "s", Style: document.Salutation, Spans: []document.Span{{Text: "Meine geliebte kleine Sonitschka,"}}},
			document.Block{ID: "p2", Style: document.Body, Spans: []document.Span{{Text: strings.Repeat("more ", 200)}}},
			document.Block{ID: "d2", Style: document.Dateline, Spans: []document.Span{{Text: "Breslau, 2. 8. 17."}}},
		)
		if b.blockPage["d1"] != b.blockPage["s"] || b.blockPage["s"] != b.blockPage["p2"] {
			t.Errorf("%d words before: the dateline on page %d, the salutation on %d, the letter on %d", words, b.blockPage["d1"], b.blockPage["s"], b.blockPage["p2"])
		}
		last := ""
		for _, pl := range b.pages[b.blockPage["d2"]-1].lines {
			if pl.item.blockID == "p2" {
				last = "p2"
			}
		}
		if last == "" {
			t.Errorf("%d words before: the closing dateline on page %d without the letter's last line", words, b.blockPage["d2"])
		}
	}
}

// TestLetterSetApart checks that a dateline heading a letter has a line
// of space before it when text goes before, as the letter's salutation
// does, and none when it opens the part; a closing dateline has none.
func TestLetterSetApart(t *testing.T) {
	dateline := func(id string) document.Block {
		return document.Block{ID: id, Style: document.Dateline, Spans: []document.Span{{Text: "Wronke, 21. 11. 16."}}}
	}
	body := func(id string) document.Block {
		return document.Block{ID: id, Style: document.Body, Spans: []document.Span{{Text: "Ihre Rosa schreibt."}}}
	}
	salutation := document.Block{ID: "s", Style: document.Salutation, Spans: []document.Span{{Text: "Liebe Sonitschka,"}}}
	for _, tc := range []struct {
		name   string
		blocks []document.Block
		want   bool // a space item just before the dateline's line
	}{
		{"after a letter", []document.Block{body("p1"), dateline("d"), salutation, body("p2")}, true},
		{"after a letter, into its text", []document.Block{body("p1"), dateline("d"), body("p2")}, true},
		{"opening the part", []document.Block{dateline("d"), salutation, body("p2")}, false},
		{"closing a letter", []document.Block{body("p1"), dateline("d")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := constructBook()
			part := document.Part{ID: "x", Kind: document.TextPart, Blocks: tc.blocks}
			flow, _ := b.composeText(&part)
			for k, it := range flow {
				if it.kind != itemLine || it.blockID != "d" {
					continue
				}
				got := k > 0 && flow[k-1].kind == itemSpace
				if got != tc.want {
					t.Errorf("space before the dateline: %v, want %v", got, tc.want)
				}
				return
			}
			t.Fatal("no dateline line in the flow")
		})
	}
}

// TestQuotationSetOff checks that a block quotation has a line of space
// before it and after it (Chicago 13.23), none before it under a heading
// or at the part's opening, and none between its own paragraphs.
func TestQuotationSetOff(t *testing.T) {
	para := func(id string, style document.BlockStyle) document.Block {
		return document.Block{ID: id, Style: style, Spans: []document.Span{{Text: "Before the time of the conquest."}}}
	}
	quote := func() []document.Block {
		q1, q2 := para("q1", document.Quote), para("q2", document.Quote)
		q1.Level, q2.Level = 1, 1
		q1.QuoteStart, q2.QuoteEnd = true, true
		return []document.Block{q1, q2}
	}
	head := document.Block{ID: "h", Style: document.Subheading, Spans: []document.Span{{Text: "Ireland"}}}
	for _, tc := range []struct {
		name   string
		blocks []document.Block
		want   map[string]bool // a space item just before the block's first line
	}{
		{"in running text", append(append([]document.Block{para("p1", document.Body)}, quote()...), para("p2", document.Body)),
			map[string]bool{"q1": true, "q2": false, "p2": true}},
		{"under a heading", append(append([]document.Block{para("p1", document.Body), head}, quote()...), para("p2", document.Body)),
			map[string]bool{"q1": false, "q2": false, "p2": true}},
		{"opening the part", append(quote(), para("p2", document.Body)),
			map[string]bool{"q1": false, "p2": true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := constructBook()
			part := document.Part{ID: "x", Kind: document.TextPart, Blocks: tc.blocks}
			flow, _ := b.composeText(&part)
			seen := map[string]bool{}
			for k, it := range flow {
				want, checked := tc.want[it.blockID]
				if it.kind != itemLine || !checked || seen[it.blockID] {
					continue
				}
				seen[it.blockID] = true
				if got := k > 0 && flow[k-1].kind == itemSpace; got != want {
					t.Errorf("space before %s: %v, want %v", it.blockID, got, want)
				}
			}
			if len(seen) != len(tc.want) {
				t.Errorf("blocks found %v, want %v", seen, tc.want)
			}
		})
	}
}

// numberTable is a table of cols columns of rows numbers of digits digits
// each, every cell's paragraph under its own ID ("r1c2").
func numberTable(rows, cols, digits int) document.Block {
	tb := &document.Table{}
	for r := 0; r < rows; r++ {
		var row []document.Cell
		for c := 0; c < cols; c++ {
			tb.Align = append(tb.Align, document.AlignRight)
			n := strings.Repeat(fmt.Sprint((r+c)%9+1), digits)
			row = append(row, document.Cell{Paras: []document.CellPara{{ID: fmt.Sprintf("r%dc%d", r, c), Spans: []document.Span{{Text: n}}}}})
		}
		tb.Body = append(tb.Body, row)
	}
	tb.Align = tb.Align[:cols]
	return document.Block{ID: "tbl", Style: document.TableBlock, Table: tb}
}

// TestTableNumbersWhole checks that a table's numbers are never broken
// between their digits: a table too wide at the small size is set smaller,
// down to tableFloor, then with its columns closer and over the margins,
// and only then broken, and reported.
func TestTableNumbersWhole(t *testing.T) {
	for _, tc := range []struct {
		name            string
		cols, digits    int
		smaller         bool // set below the small size
		wide, broken    bool // reported, set over the margins; broken even so
		wantSingleLines bool
	}{
		{name: "fits at the size of quotations", cols: 3, digits: 4, wantSingleLines: true},
		{name: "twelve columns of five digits", cols: 12, digits: 5, smaller: true, wantSingleLines: true},
		{name: "twelve columns of seven digits", cols: 12, digits: 7, smaller: true, wide: true, wantSingleLines: true},
		{name: "twenty columns of nine digits", cols: 20, digits: 9, smaller: true, wide: true, broken: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blk := numberTable(3, tc.cols, tc.digits)
			b := constructBook(blk)
			tl := b.layoutTable(blk.Table)
			if got := tl.size < b.smallSize(); got != tc.smaller {
				t.Errorf("size %v, small size %v: want smaller %v", tl.size, b.smallSize(), tc.smaller)
			}
			if tl.size < tableFloor {
				t.Errorf("size %v below the floor %v", tl.size, tableFloor)
			}
			if got := tl.width > b.g.Measure; got != tc.wide {
				t.Errorf("width %v, measure %v: want wider %v", tl.width, b.g.Measure, tc.wide)
			}
			if tl.x+tl.width > b.g.Measure+b.g.Outer || tl.x < -b.g.Outer {
				t.Errorf("table from %v to %v runs off the page (measure %v)", tl.x, tl.x+tl.width, b.g.Measure)
			}
			var report []document.WideTable
			if tc.wide {
				report = []document.WideTable{{BlockID: "tbl", Broken: tc.broken}}
			}
			if got := b.wideTables(); !slices.Equal(got, report) {
				t.Errorf("reported %v, want %v", got, report)
			}
			lines := map[string]int{}
			for _, pg := range b.pages {
				for _, pl := range pg.lines {
					if strings.HasPrefix(pl.item.blockID, "r") {
						lines[pl.item.blockID]++
					}
				}
			}
			if len(lines) != 3*tc.cols {
				t.Fatalf("%d cells set, want %d", len(lines), 3*tc.cols)
			}
			for id, n := range lines {
				if n != 1 && tc.wantSingleLines {
					t.Errorf("cell %s set on %d lines: its number broken", id, n)
				}
			}
		})
	}
}

// TestTableSpanningCell checks that a cell spanning columns is set across
// them: its line as wide as the columns and the gap between them, the
// cells after it in the columns after those it spans.
func TestTableSpanningCell(t *testing.T) {
	cell := func(id, text string, span int) document.Cell {
		return document.Cell{Span: span, Paras: []document.CellPara{{ID: id, Spans: []document.Span{{Text: text}}}}}
	}
	tb := &document.Table{Body: [][]document.Cell{
		{cell("a", "one", 0), cell("b", "two", 0), cell("c", "three", 0)},
		{cell("d", "a long cell over two columns", 2), cell("e", "end", 0)},
	}}
	b := constructBook(document.Block{ID: "tbl", Style: document.TableBlock, Table: tb})
	tl := b.layoutTable(tb)
	if len(tl.widths) != 3 {
		t.Fatalf("%d columns, want 3", len(tl.widths))
	}
	x := map[string]unit.Length{}
	lines := map[string]int{}
	for _, pg := range b.pages {
		for _, pl := range pg.lines {
			if id := pl.item.blockID; id != "" && len(pl.item.line.Pieces) > 0 {
				x[id] = pl.item.line.Pieces[0].X
				lines[id]++
			}
		}
	}
	if x["d"] != x["a"] || x["e"] != x["c"] {
		t.Errorf("spanning cell at %v (column 1 at %v), the next at %v (column 3 at %v)", x["d"], x["a"], x["e"], x["c"])
	}
	if lines["d"] != 1 {
		t.Errorf("the spanning cell set on %d lines, want 1", lines["d"])
	}
	// The spanning cell is wider than the columns it spans would be
	// without it, and shares the width with them.
	if span := tl.widths[0] + tl.gap + tl.widths[1]; span < b.m.Width(document.Roman, tl.size, "a long cell over two columns") {
		t.Errorf("columns 1 and 2 %v wide, narrower than the cell spanning them", span)
	}
}

// TestShareMeasure checks how the measure is shared among a table's
// columns: their natural widths when all fit, else their widest words
// and shares of the rest, else the widest columns narrowed alike so that
// the narrow columns' words stay whole.
func TestShareMeasure(t *testing.T) {
	for _, tc := range []struct {
		name     string
		nat, wid []unit.Length
		avail    unit.Length
		want     []unit.Length
		whole    bool
	}{
		{"all fit", []unit.Length{10, 20}, []unit.Length{5, 5}, 40, []unit.Length{10, 20}, true},
		{"wrapped in proportion", []unit.Length{10, 30}, []unit.Length{5, 5}, 20, []unit.Length{6, 13}, true}, // rounded down,
		{"a long name broken, the numbers whole", []unit.Length{100, 12, 10}, []unit.Length{100, 12, 10}, 60, []unit.Length{38, 12, 10}, false},
		{"the two widest narrowed alike", []unit.Length{50, 40, 10}, []unit.Length{50, 40, 10}, 70, []unit.Length{30, 30, 10}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, whole := shareMeasure(tc.nat, tc.wid, tc.avail)
			if !slices.Equal(got, tc.want) || whole != tc.whole {
				t.Errorf("shareMeasure = %v, %v; want %v, %v", got, whole, tc.want, tc.whole)
			}
		})
	}
}
