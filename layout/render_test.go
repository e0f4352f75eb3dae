package layout

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var renderOut = flag.String("render-out", "", "directory to write the test renders to, for viewing")

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

// TestRenderLetter renders the open letter at every trim and checks the
// PDF's structure and, when poppler's pdftotext is installed, its text.
func TestRenderLetter(t *testing.T) {
	for _, tc := range []struct {
		trim    string
		profile Profile
	}{
		{"5.5x8.5in", Print}, {"a5", Print}, {"6x9in", Print}, {"letter", Screen}, {"a4", Screen},
	} {
		t.Run(tc.trim, func(t *testing.T) {
			doc := letterDocument(t, tc.trim, tc.profile)
			res, err := Render(doc)
			if err != nil {
				t.Fatal(err)
			}
			pdf := res.PDF
			if res.Pages%2 != 0 {
				t.Errorf("page count %d is odd", res.Pages)
			}
			if got := bytes.Count(pdf, []byte("/Type /Page\n")); got != res.Pages {
				t.Errorf("PDF has %d page objects, Result.Pages = %d", got, res.Pages)
			}
			for _, box := range []string{"/TrimBox [", "/BleedBox [", "/MediaBox ["} {
				if got := bytes.Count(pdf, []byte(box)); got < res.Pages {
					t.Errorf("%s on %d pages of %d", box, got, res.Pages)
				}
			}
			for _, want := range []string{"/PageLabels << /Nums [ 0 << /S /r >>", "/Lang (en)", "/Outlines", "/Metadata", "+CharisSIL-Regular"} {
				if !bytes.Contains(pdf, []byte(want)) {
					t.Errorf("PDF lacks %q", want)
				}
			}
			if bytes.Contains(pdf, []byte("/utf8")) {
				t.Errorf("PDF keeps fpdf's utf8 font names")
			}
			if tc.profile == Print && bytes.Contains(pdf, []byte("/Annots")) {
				t.Errorf("print profile PDF has annotations")
			}
			if tc.profile == Screen && !bytes.Contains(pdf, []byte("/Subtype /Link")) {
				t.Errorf("screen profile PDF has no links")
			}
			if res.Stats.Widows != 0 || res.Stats.Orphans != 0 {
				t.Errorf("widows %d, orphans %d", res.Stats.Widows, res.Stats.Orphans)
			}
			again, err := Render(letterDocument(t, tc.trim, tc.profile))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.PDF, pdf) {
				t.Errorf("two renders of the same document differ")
			}
			dir := *renderOut
			if dir == "" {
				dir = t.TempDir()
			}
			file := filepath.Join(dir, "letter-"+tc.trim+".pdf")
			if err := os.WriteFile(file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d pages, stats %+v", file, res.Pages, res.Stats)
			checkWithQPDF(t, file)
			checkText(t, file, doc)
		})
	}
}

// checkWithQPDF runs qpdf --check when qpdf is installed.
func checkWithQPDF(t *testing.T, file string) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Log("qpdf not installed: structure check skipped")
		return
	}
	out, err := exec.Command("qpdf", "--check", file).CombinedOutput()
	if err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// checkText extracts the text with pdftotext, when installed, and looks for
// every body paragraph's first and last words, in order.
func checkText(t *testing.T, file string, doc *Document) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: text check skipped")
		return
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// Join hyphenated line ends and collapse white space.
	text := regexp.MustCompile(`-\n`).ReplaceAllString(string(out), "-")
	text = strings.Join(strings.Fields(text), " ")
	// Small capitals (the lead-ins, the running heads) are drawn as
	// capitals of two sizes but must extract as the words they stand for.
	for _, want := range []string{"Contents", "«Naim Frashëri»", "Khrushchev’s", "Dear Comrades, A grave situation", "The Central Committee of the Party of Labor of Albania taking"} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted text lacks %q", want)
		}
	}
	pos := 0
	for _, p := range doc.Parts {
		if p.Matter != BodyMatter {
			continue
		}
		for _, blk := range p.Blocks {
			ws := Words(plainText(blk.Spans))
			if blk.Style == Salutation || len(ws) < 6 {
				continue
			}
			last := ws[len(ws)-1]
			i := strings.Index(text[pos:], last)
			if i < 0 {
				t.Errorf("block %s: last word %q not found after offset %d", blk.ID, last, pos)
				continue
			}
			pos += i
		}
	}
}

// TestRenderCover checks the wraparound cover's sheet size: two trims and
// the spine, with 1/8 in bleed all round, and spine text only on a spine
// wide enough to carry it.
func TestRenderCover(t *testing.T) {
	doc := letterDocument(t, "6x9in", Print)
	doc.Subject = "An open letter of 1964 from the Party of Labor of Albania to the members of the Communist Party of the Soviet Union."
	for _, tc := range []struct {
		pages      int
		thickness  Length
		wantWidth  float64 // MediaBox width in points
		spineTitle bool
	}{
		// 44 pages × 0.0025 in = 0.11 in = 7.92 pt of spine; 2 × 432 + 7.92 + 2 × 9 = 889.92.
		{44, Inch / 400, 889.92, false},
		// 400 pages × 0.0025 in = 1 in = 72 pt; 2 × 432 + 72 + 18 = 954.
		{400, Inch / 400, 954, true},
	} {
		pdf, err := RenderCover(doc, tc.pages, tc.thickness)
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\] /TrimBox \[9 9 ([0-9.]+) ([0-9.]+)\]`).FindSubmatch(pdf)
		if m == nil {
			t.Fatalf("%d pages: no MediaBox and TrimBox", tc.pages)
		}
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		tw, _ := strconv.ParseFloat(string(m[3]), 64)
		if math.Abs(w-tc.wantWidth) > 0.05 || math.Abs(tw-(tc.wantWidth-9)) > 0.05 || string(m[2]) != "666" || string(m[4]) != "657" {
			t.Errorf("%d pages: boxes %s, want width %.2f, height 666, trim 9 in from each edge", tc.pages, m[0], tc.wantWidth)
		}
		dir := *renderOut
		if dir == "" {
			dir = t.TempDir()
		}
		file := filepath.Join(dir, fmt.Sprintf("cover-%d.pdf", tc.pages))
		if err := os.WriteFile(file, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		checkWithQPDF(t, file)
		if _, err := exec.LookPath("pdftotext"); err != nil {
			continue
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		if got := strings.Count(text, "An Open Letter"); (got >= 2) != tc.spineTitle || got == 0 {
			t.Errorf("%d pages: title appears %d times in %q", tc.pages, got, text)
		}
	}
	if _, err := RenderCover(doc, 0, Inch/400); err == nil {
		t.Errorf("a cover for 0 pages was made")
	}
}

func TestRenderErrors(t *testing.T) {
	for name, doc := range map[string]*Document{
		"no parts":      {Title: "Empty"},
		"unknown trim":  {Trim: "folio", Parts: []Part{{ID: "a"}}},
		"missing id":    {Parts: []Part{{Title: "No id"}}},
		"duplicated id": {Parts: []Part{{ID: "a"}, {ID: "a"}}},
	} {
		if _, err := Render(doc); err == nil {
			t.Errorf("%s: rendered without error", name)
		}
	}
}

// TestRenderNoOutline checks that NoOutline leaves the bookmarks out and
// that, without it, both profiles carry them.
func TestRenderNoOutline(t *testing.T) {
	m := FixedMeasurer{}
	for _, tc := range []struct {
		profile   Profile
		noOutline bool
	}{{Print, false}, {Screen, false}, {Print, true}} {
		doc := bookDocument(2, 1)
		doc.Profile, doc.NoOutline = tc.profile, tc.noOutline
		res, err := render(doc, m, NewSetter(m, nil))
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(res.PDF, []byte("/Outlines")); got == tc.noOutline {
			t.Errorf("profile %d, NoOutline %v: outline written = %v", tc.profile, tc.noOutline, got)
		}
	}
}
