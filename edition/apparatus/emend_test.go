package apparatus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/archive"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/typography"
	"github.com/bindery-editions/bindery/layout/linebreak"
)

func TestParseEmendationsErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"not a list", "source: x\n", "em.yaml:1:1: the file: expected a list"},
		{"no reading", "- source: \"a b\"\n  reason: ocr\n", "em.yaml:1:3: emendation of \"a b\" has no reading"},
		{"unknown reason", "- source: a\n  reading: b\n  reason: typo\n", "em.yaml:3:11: unknown reason \"typo\""},
		{"unknown key", "- source: a\n  reading: b\n  reason: ocr\n  raeson: ocr\n", "em.yaml:4:3: unknown key \"entry 1: raeson\" (did you mean \"reason\"?)"},
		{"both", "- source: a\n  join: b\n  reading: c\n  reason: ocr\n", "em.yaml:1:3: an emendation has either source or join"},
		{"neither", "- reason: ocr\n", "em.yaml:1:3: emendation has neither source nor join"},
		{"tab", "- source: a\n\treading: b\n", "em.yaml:2:1: a tab character in the indentation"},
		{"every problem", "- source: a\n  reason: ocr\n- source: b\n  reading: b\n", "em.yaml:3:3: emendation of \"b\" changes nothing"},
		{"no change", "- source: a\n  reading: a\n  reason: ocr\n", "changes nothing"},
		{"join with reading", "- join: a\n  reading: b\n", "a join takes no reading"},
		{"second entry", "- source: a\n  reading: b\n  reason: ocr\n- source: c\n  reason: ocr\n", "em.yaml:4:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseEmendations("em.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseEmendations(t *testing.T) {
	ems, err := ParseEmendations("em.yaml", []byte(`
# comment
- source: "position 01 revisionism"
  reading: "position of revisionism"
  reason: ocr
  note: "a remark"
- join: "Eisenhower"
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []Emendation{
		{File: "em.yaml", Line: 3, Source: "position 01 revisionism", Reading: "position of revisionism", Reason: ReasonOCR, Note: "a remark"},
		{File: "em.yaml", Line: 7, Join: "Eisenhower", Reason: ReasonBrokenParagraph},
	}
	if len(ems) != len(want) {
		t.Fatalf("got %d entries, want %d", len(ems), len(want))
	}
	for i := range want {
		if ems[i] != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, ems[i], want[i])
		}
	}
}

func para(line int, ins ...model.Inline) model.Block {
	return model.Block{Kind: model.Paragraph, Line: line, Inlines: ins}
}

func emph(s string) model.Inline {
	return model.Inline{Kind: model.Emph, Children: []model.Inline{model.Str(s)}}
}

func testSections() []model.Section {
	return []model.Section{
		{ID: "part-1", Title: []model.Inline{model.Str("One")}, Blocks: []model.Block{
			{Kind: model.Salutation, Inlines: []model.Inline{model.Str("Dear Comrades,")}, Line: 1},
			para(3, model.Str("The wavering position 01 revisionism is plain.")),
			para(5, model.Str("The modem "), emph("revisionists"), model.Str(" and the hot the false.")),
		}},
		{ID: "part-2", Blocks: []model.Block{
			para(7, model.Str("Praise for Eisenhower")),
			para(9, model.Str("Kennedy, Johnson and others.")),
			para(11, model.Str("A quotation «closed».")),
		}},
	}
}

func TestApplyEmendations(t *testing.T) {
	secs := testSections()
	ems := []Emendation{
		{File: "e.yaml", Line: 20, Source: "Johnson and", Reading: "Johnson, and", Reason: ReasonPunctuation},
		{File: "e.yaml", Line: 2, Source: "position 01 revisionism", Reading: "position of revisionism", Reason: ReasonOCR},
		// Across an inline boundary: the emphasis must survive.
		{File: "e.yaml", Line: 5, Source: "modem revisionists and the hot", Reading: "modern revisionists and the not", Reason: ReasonOCR},
		{File: "e.yaml", Line: 8, Join: "Eisenhower", Reason: ReasonBrokenParagraph},
		{File: "e.yaml", Line: 11, Source: "Eisenhower Kennedy", Reading: "Eisenhower, Kennedy", Reason: ReasonPunctuation},
	}
	applied, err := ApplyEmendations(secs, ems)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := model.PlainText(secs[0].Blocks[1].Inlines), "The wavering position of revisionism is plain."; got != want {
		t.Errorf("paragraph 1 = %q, want %q", got, want)
	}
	p2 := secs[0].Blocks[2]
	if got, want := model.PlainText(p2.Inlines), "The modern revisionists and the not the false."; got != want {
		t.Errorf("paragraph 2 = %q, want %q", got, want)
	}
	if len(p2.Inlines) != 3 || p2.Inlines[1].Kind != model.Emph || model.PlainText(p2.Inlines[1].Children) != "revisionists" {
		t.Errorf("emphasis not kept: %+v", p2.Inlines)
	}
	if n := len(secs[1].Blocks); n != 2 {
		t.Fatalf("part 2 has %d blocks after the join, want 2", n)
	}
	joined := secs[1].Blocks[0]
	if got, want := model.PlainText(joined.Inlines), "Praise for Eisenhower, Kennedy, Johnson, and others."; got != want {
		t.Errorf("joined paragraph = %q, want %q", got, want)
	}
	if len(joined.Inlines) != 1 {
		t.Errorf("joined paragraph has %d inlines, want its one text run", len(joined.Inlines))
	}

	// In reading order, numbered, located.
	type loc struct {
		id        string
		section   int
		paragraph int
		line      int
		before    string
	}
	want := []loc{
		{"emendation-1", 0, 1, 3, "01"},
		{"emendation-2", 0, 2, 5, "modem revisionists and the hot"},
		{"emendation-3", 1, 1, 7, "Eisenhower ¶ Kennedy,"},
		{"emendation-4", 1, 1, 7, "Eisenhower"},
		{"emendation-5", 1, 1, 9, "Johnson"},
	}
	if len(applied) != len(want) {
		t.Fatalf("applied %d, want %d", len(applied), len(want))
	}
	for i, w := range want {
		a := applied[i]
		got := loc{a.ID, a.Section, a.Paragraph, a.Line, a.Before}
		if got != w {
			t.Errorf("applied[%d] = %+v, want %+v", i, got, w)
		}
	}
	if got := joined.Attr.Get(EmendationsAttr); got != "emendation-3 emendation-4 emendation-5" {
		t.Errorf("joined block emendations attr = %q", got)
	}
	if got := secs[0].Blocks[1].Attr.Get(EmendationsAttr); got != "emendation-1" {
		t.Errorf("block emendations attr = %q", got)
	}
	if applied[0].SectionTitle != "One" || applied[0].SectionID != "part-1" {
		t.Errorf("section = %q %q", applied[0].SectionID, applied[0].SectionTitle)
	}
}

func TestApplyEmendationsErrors(t *testing.T) {
	tests := []struct {
		name string
		em   Emendation
		want string
	}{
		{"no place", Emendation{File: "e.yaml", Line: 4, Source: "not in the text", Reading: "x", Reason: ReasonOCR},
			"e.yaml:4: emendation matches no place in the text"},
		{"two places", Emendation{File: "e.yaml", Line: 9, Source: "The ", Reading: "A ", Reason: ReasonOCR},
			"e.yaml:9: emendation matches 2 places (give more context)"},
		{"join nowhere", Emendation{File: "e.yaml", Line: 3, Join: "Kennedy", Reason: ReasonBrokenParagraph},
			"e.yaml:3: emendation matches no place"},
		{"join last", Emendation{File: "e.yaml", Line: 6, Join: "«closed».", Reason: ReasonBrokenParagraph},
			"not followed by a paragraph"},
		{"join inside a word", Emendation{File: "e.yaml", Line: 7, Join: "hower", Reason: ReasonBrokenParagraph},
			"matches no place"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ApplyEmendations(testSections(), []Emendation{tt.em})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestReplaceSpanAcrossRuns(t *testing.T) {
	tests := []struct {
		name       string
		ins        []model.Inline
		start, end int
		repl, want string
		runs       int
	}{
		{"inside one run", []model.Inline{model.Str("abcdef")}, 2, 4, "XY", "abXYef", 1},
		{"across two runs", []model.Inline{model.Str("abc"), model.Str("def")}, 2, 4, "X", "abXef", 2},
		{"swallowing a run", []model.Inline{model.Str("ab"), model.Str("c"), model.Str("de")}, 1, 4, "", "ae", 2},
		{"into emphasis", []model.Inline{model.Str("ab "), emph("cd"), model.Str(" ef")}, 3, 4, "x", "ab xd ef", 3},
		{"insertion at a boundary", []model.Inline{model.Str("ab"), model.Str("cd")}, 2, 2, "»", "ab»cd", 2},
		{"keeps a note mark", []model.Inline{model.Str("ab"), {Kind: model.NoteRef, Text: "1"}, model.Str("cd")}, 1, 3, "X", "aXd", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := replaceSpan(tt.ins, tt.start, tt.end, tt.repl)
			if model.PlainText(got) != tt.want || len(got) != tt.runs {
				t.Errorf("got %q in %d runs, want %q in %d", model.PlainText(got), len(got), tt.want, tt.runs)
			}
		})
	}
}

func TestLemma(t *testing.T) {
	tests := []struct{ source, reading, before, after, lead string }{
		{"position 01 revisionism", "position of revisionism", "01", "of", "position"},
		{"as a «a great realist", "as «a great realist", "as a", "as", ""},
		{"Soviet Union« have", "Soviet Union have", "Union«", "Union", "Soviet"},
		{"at a stretch He", "at a stretch. He", "stretch", "stretch.", "at a"},
		{"the real and hot the false", "the real and not the false", "hot", "not", "the real and"},
		{"the\u00a0\u00a0\u00a0 entire", "the entire", "the [3 no-break spaces]", "the", ""},
		{"in 1953.", "in 1953».", "1953.", "1953».", "in"},
	}
	for _, tt := range tests {
		b, a, lead := lemma(tt.source, tt.reading)
		if b != tt.before || a != tt.after || lead != tt.lead {
			t.Errorf("lemma(%q, %q) = %q, %q, %q; want %q, %q, %q", tt.source, tt.reading, b, a, lead, tt.before, tt.after, tt.lead)
		}
	}
}

// TestOpenLetterEmendations applies the open letter's emendations to the
// model the archive reader makes of it: every entry must match exactly one
// place.
func TestOpenLetterEmendations(t *testing.T) {
	book := filepath.Join("..", "..", "seeds", "open-letter-1964")
	data, err := os.ReadFile(filepath.Join(book, "source.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ems, err := LoadEmendations(filepath.Join(book, "emendations.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := archive.Read("source.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	applied, err := ApplyEmendations(withTrailer(src), ems)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != len(ems) {
		t.Fatalf("applied %d of %d", len(applied), len(ems))
	}
	var body strings.Builder
	for _, s := range src.Sections {
		for i := range s.Blocks {
			body.WriteString(model.BlockText(&s.Blocks[i]) + "\n")
		}
	}
	text := body.String()
	for _, gone := range []string{" modem ", " 01 ", "1980", "o-f", "serve'", "‘well", "Eisenhower\n", "Organization\n"} {
		if strings.Contains(text, gone) {
			t.Errorf("the emended text still has %q", gone)
		}
	}
	for _, kept := range []string{"Adjubey", "Soldjenichin", "Gjilas", "Kautzky", "Trotzky", "Eisenhower, Kennedy, Johnson", "United Nations Organization and to become"} {
		if !strings.Contains(text, kept) {
			t.Errorf("the emended text lacks %q", kept)
		}
	}
}

// TestAppliedPlaces checks that each applied emendation's Letters finds
// the word its reading stands at, in the final text and after typography
// has changed its spaces: a join moves the places of the corrections made
// in the paragraph it joins, and a correction earlier in a block moves
// those after it.
func TestAppliedPlaces(t *testing.T) {
	secs := testSections()
	secs[1].Blocks[1] = para(9, model.Str("Kennedy, Johnson and others, said N. Khrushchev...."))
	for i := range secs {
		for j := range secs[i].Blocks {
			secs[i].Blocks[j].ID = fmt.Sprintf("b-%d-%d", i, j)
		}
	}
	applied, err := ApplyEmendations(secs, []Emendation{
		{File: "e.yaml", Line: 1, Source: "Johnson and", Reading: "Johnson, and", Reason: ReasonPunctuation},
		{File: "e.yaml", Line: 2, Source: "others, said", Reading: "others», said", Reason: ReasonPunctuation},
		{File: "e.yaml", Line: 3, Source: "position 01 revisionism", Reading: "position of revisionism", Reason: ReasonOCR},
		{File: "e.yaml", Line: 4, Join: "Eisenhower", Reason: ReasonBrokenParagraph},
		{File: "e.yaml", Line: 5, Source: "The wavering", Reading: "The very wavering", Reason: ReasonSpelling},
	})
	if err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		byID := map[string]string{}
		for _, s := range secs {
			for _, b := range s.Blocks {
				byID[b.ID] = model.PlainText(b.Inlines)
			}
		}
		for _, a := range applied {
			text, ok := byID[a.BlockID]
			if !ok {
				t.Fatalf("%s: no block %q", a.ID, a.BlockID)
			}
			words := linebreak.Words(text)
			w := WordAt(text, a.Letters)
			if w < 0 || w >= len(words) {
				t.Errorf("%s: %s: word %d of %q", when, a.ID, w, text)
				continue
			}
			first := strings.Fields(a.After)[0]
			if !strings.HasPrefix(letters(words[w]), letters(first)) {
				t.Errorf("%s: %s (%q) placed at word %d %q of %q", when, a.ID, a.After, w, words[w], text)
			}
		}
	}
	check("before typography")
	typography.Sections(secs, "en")
	if !strings.Contains(model.PlainText(secs[1].Blocks[0].Inlines), "N.\u00a0Khrushchev") {
		t.Fatal("typography made no no-break space: the test tests nothing")
	}
	check("after typography")
}

// letters keeps the letters and digits of s.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if isWordRune(r) {
			return r
		}
		return -1
	}, s)
}

// withTrailer returns the text a build emends: the body's sections and the
// lines under the text, as the section SourceLineID.
func withTrailer(src *model.Source) []model.Section {
	return append(src.Sections[:len(src.Sections):len(src.Sections)], model.Section{ID: SourceLineID, Blocks: src.Trailer})
}
