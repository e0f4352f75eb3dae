package layout

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/pagedesign"
)

// letterDocument builds a Document from the open letter's plain text: the
// title lines, imprint, a contents page, a short introduction, the body cut
// into sections at each "Dear Comrades," salutation, the closing lines and
// a colophon. It stands in for the edition model, which layout must not
// import.
func letterDocument(t testing.TB, trim string, profile document.Profile) *document.Document {
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
	doc := &document.Document{
		Title:    "An Open Letter",
		Subtitle: "To the Members of the Communist Party of the Soviet Union",
		Author:   "The Central Committee of the Party of Labor of Albania",
		Language: "en",
		Date:     time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		Trim:     trim,
		Profile:  profile,
	}
	doc.Parts = append(doc.Parts,
		document.Part{ID: "title", Kind: document.TitlePart, Matter: document.FrontMatter, Blocks: []document.Block{
			{ID: "t1", Style: document.DisplayLarge, Spans: []document.Span{{Text: "An Open Letter"}}},
			{ID: "t2", Style: document.Display, Spans: []document.Span{{Text: "To the Members of the Communist Party of the Soviet Union", Style: document.Italic}}},
			{ID: "t3", Style: document.Display, Spans: []document.Span{{Text: "The Central Committee of the Party of Labor of Albania", Style: document.SmallCaps}}},
			{Style: document.Break},
			{ID: "t4", Style: document.Display, Spans: []document.Span{{Text: "Bindery Editions"}}},
		}},
		document.Part{ID: "imprint", Kind: document.ImprintPart, Matter: document.FrontMatter, Blocks: []document.Block{
			{ID: "i1", Style: document.Small, Spans: []document.Span{{Text: "First published in «Zëri i Popullit», Tirana, 1964, and by the «Naim Frashëri» State Publishing House."}}},
			{ID: "i2", Style: document.Small, Spans: []document.Span{{Text: "This edition © 2026 Bindery Editions. The text is in the public domain."}}},
		}},
		document.Part{ID: "contents", Kind: document.ContentsPart, Matter: document.FrontMatter, Title: "Contents"},
	)
	intro := document.Part{ID: "introduction", Kind: document.TextPart, Matter: document.FrontMatter, Title: "Introduction", InContents: true}
	for i := 0; i < 12; i++ {
		style := document.Body
		if i == 0 {
			style = document.BodyFirst
		}
		intro.Blocks = append(intro.Blocks, document.Block{ID: fmt.Sprintf("intro-%d", i), Style: style, Spans: []document.Span{{Text: paras[10+i%7]}}})
	}
	// A footnote, to see it set at the foot of its page.
	intro.Blocks[2].Spans = append(intro.Blocks[2].Spans, document.Span{Text: "1", Super: true, Link: "#intro-note-1"})
	intro.Blocks = append(intro.Blocks, document.Block{ID: "intro-note-1", Style: document.Footnote, Marker: "1", Spans: []document.Span{
		{Text: "The Twenty-second Congress of the CPSU met in Moscow from 17 to 31 October 1961; Khrushchev's report attacked the Albanian leadership by name."}}})
	doc.Parts = append(doc.Parts, intro)
	var cur *document.Part
	n := 0
	for i, p := range paras {
		if i < 2 || strings.HasPrefix(p, "Click here") {
			continue // title and imprint lines, web artefact
		}
		id := fmt.Sprintf("p%d", i)
		switch {
		case p == "Dear Comrades,":
			n++
			doc.Parts = append(doc.Parts, document.Part{ID: fmt.Sprintf("s%d", n), Kind: document.TextPart, Matter: document.BodyMatter,
				Title: pagedesign.Roman(n), Editorial: true, InContents: true, RunningHead: "Section " + pagedesign.Roman(n)})
			cur = &doc.Parts[len(doc.Parts)-1]
			cur.Blocks = append(cur.Blocks, document.Block{ID: id, Style: document.Salutation, Spans: []document.Span{{Text: p}}})
		case strings.HasPrefix(p, "The Central Committee of the Party of Labor of Albania") && len(p) < 60:
			cur.Blocks = append(cur.Blocks, document.Block{ID: id, Style: document.Signature, Spans: []document.Span{{Text: p}}})
		case strings.HasPrefix(p, "Tirana, October"):
			cur.Blocks = append(cur.Blocks, document.Block{ID: id, Style: document.Dateline, Spans: []document.Span{{Text: p}}})
		case strings.HasPrefix(p, "Reproduced from"):
			cur.Blocks = append(cur.Blocks, document.Block{ID: id, Style: document.Attribution, Spans: []document.Span{{Text: p}}})
		default:
			cur.Blocks = append(cur.Blocks, document.Block{ID: id, Style: document.Body, Spans: []document.Span{{Text: p}}})
		}
	}
	doc.Parts = append(doc.Parts, document.Part{ID: "colophon", Kind: document.TextPart, Matter: document.BackMatter, Title: "Colophon", InContents: true,
		Blocks: []document.Block{{ID: "c1", Style: document.Small, Spans: []document.Span{{Text: "Set in Charis SIL by bindery."}}}}})
	return doc
}

func TestRenderErrors(t *testing.T) {
	for name, doc := range map[string]*document.Document{
		"no parts":      {Title: "Empty"},
		"unknown trim":  {Trim: "folio", Parts: []document.Part{{ID: "a"}}},
		"missing id":    {Parts: []document.Part{{Title: "No id"}}},
		"duplicated id": {Parts: []document.Part{{ID: "a"}, {ID: "a"}}},
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
		profile   document.Profile
		noOutline bool
	}{{document.Print, false}, {document.Screen, false}, {document.Print, true}} {
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
		profile      document.Profile
		print, bleed bool
	}{
		{"a4", document.AutoProfile, false, false}, {"letter", document.AutoProfile, false, false}, {"5.5x8.5in", document.AutoProfile, true, false},
		{"a4", document.Print, true, false}, {"5.5x8.5in", document.Screen, false, false}, {"5.5x8.5in", document.Print, true, true},
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
