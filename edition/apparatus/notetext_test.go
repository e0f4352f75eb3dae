package apparatus

import (
	"slices"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
	"github.com/bindery-editions/bindery/edition/typography"
)

// fullRecord is a record of which every statement of the Note holds: a
// source statement, provenance, emendations of every kind (with a ground,
// a join, a transmission error), a reading kept twice, editorial headings,
// every kind of silent change, a name spelt otherwise, a line under the
// text and a dropped line.
func fullRecord(t *testing.T) TextRecord {
	t.Helper()
	secs := []model.Section{
		{ID: "part-1", Title: []model.Inline{model.Str("I. One")}, Editorial: true, Blocks: []model.Block{
			{ID: "part-1-1", Kind: model.Salutation, Inlines: []model.Inline{model.Str("Dear Comrades,")}, Line: 1},
			{ID: "part-1-2", Kind: model.Paragraph, Line: 3, Inlines: []model.Inline{model.Str("The wavering position 01 revisionism -- it's plain... N. Khrushchev said so - twice. Irak.")}},
		}},
		{ID: "part-2", Title: []model.Inline{model.Str("II. Two")}, Editorial: true, Blocks: []model.Block{
			{ID: "part-2-1", Kind: model.Paragraph, Line: 7, Inlines: []model.Inline{model.Str("Praise for Eisenhower")}},
			{ID: "part-2-2", Kind: model.Paragraph, Line: 9, Inlines: []model.Inline{model.Str("Kennedy and Irak.")}},
		}},
	}
	trailer := []model.Block{{ID: SourceLineID + "-1", Kind: model.Attribution, Inlines: []model.Inline{model.Str("Reproduced from «Zeri Popullit» daily.")}}}
	received := []string{model.PlainText(trailer[0].Inlines)}
	text := append(secs[:len(secs):len(secs)], model.Section{ID: SourceLineID, Blocks: trailer})
	applied, err := ApplyEmendations(text, []Emendation{
		{File: "e.yaml", Line: 1, Source: "position 01 revisionism", Reading: "position of revisionism", Reason: ReasonTransmission, Note: "as elsewhere"},
		{File: "e.yaml", Line: 2, Join: "Eisenhower", Reason: ReasonBrokenParagraph},
		{File: "e.yaml", Line: 3, Source: "«Zeri Popullit»", Reading: "«Zeri i Popullit»", Reason: ReasonSpelling},
	})
	if err != nil {
		t.Fatal(err)
	}
	copy(secs, text)
	kept, err := FindKept(secs, []Kept{{File: "k.yaml", Line: 1, Reading: "Irak", All: true, Reason: "the period’s spelling"}})
	if err != nil {
		t.Fatal(err)
	}
	changes := SilentChanges{Before: SurveyText(secs, trailer)}
	typography.Sections(secs, "en")
	typography.Blocks(trailer, "en")
	changes.After = SurveyText(secs, trailer)
	return TextRecord{
		Meta: model.Meta{Title: "A Letter", Source: "The copy-text is a transcription.",
			Original: model.Original{Publisher: "The «Naim Frashëri» State Publishing House", Place: "Tirana", Year: "1964", Date: "1964-10-05", FirstPrint: "Zëri i Popullit"}},
		CopyText: CopyText{URL: "http://example.org/letter.htm", Retrieved: "2025-05-04", SHA256: strings.Repeat("0123456789abcdef", 4)},
		Source: &model.Source{Imprint: []string{"The «Naim Frasheri» State Publishing House", "Tirana, 1964"}, Trailer: trailer,
			Encoding: model.Encoding{Name: "ISO-8859-1", Declared: true, Confidence: 1},
			Dropped:  []model.Dropped{{Line: 203, Text: "Click here", Reason: model.WebNavigation}}},
		Body: secs, Trailer: trailer, TrailerReceived: received, Applied: applied, Kept: kept, Changes: changes,
	}
}

func noteText(sec model.Section) string {
	var all []string
	for i := range sec.Blocks {
		all = append(all, model.BlockText(&sec.Blocks[i]))
	}
	return strings.Join(all, "\n")
}

// TestNoteOnTextStatements makes each statement's condition false in turn
// and checks that the statement goes, and that it is there while its
// condition holds: the Note says nothing that does not hold for the
// document at hand.
func TestNoteOnTextStatements(t *testing.T) {
	full := noteText(NoteOnText(fullRecord(t)))
	tests := []struct {
		name    string
		says    string // a statement the full record makes
		falsify func(r *TextRecord)
		instead string // what the Note says then, if anything
	}{
		{"source statement", "The copy-text is a transcription.", func(r *TextRecord) { r.Meta.Source = "" },
			"The copy-text is the edition published by the «Naim Frashëri» State Publishing House, Tirana, 1964. It was taken from http://example.org/letter.htm on 4 May 2025."},
		{"Web page", "The copy-text was taken from http://example.org/letter.htm on 4 May 2025.", func(r *TextRecord) { r.CopyText.URL = "" },
			"The copy-text was taken on 4 May 2025."},
		{"date of retrieval", "on 4 May 2025", func(r *TextRecord) { r.CopyText.Retrieved = "" },
			"The copy-text was taken from http://example.org/letter.htm."},
		{"retrieval unrecorded", "on 4 May 2025", func(r *TextRecord) { r.CopyText.Retrieved = seed.RetrievedUnrecorded },
			"The copy-text was taken from http://example.org/letter.htm; the date on which it was taken was not recorded."},
		// Without a sentence of its own before it to name the copy-text,
		// the Note names it: never "It" with nothing to refer to.
		{"a sentence naming the copy-text", "The copy-text is a transcription.", func(r *TextRecord) { r.Meta.Source, r.Meta.Original.Publisher = "", "" },
			"The copy-text was taken from http://example.org/letter.htm on 4 May 2025."},
		{"a sentence naming the copy-text, nor an address", "The copy-text is a transcription.", func(r *TextRecord) {
			r.Meta.Source, r.Meta.Original.Publisher, r.CopyText.URL, r.CopyText.Retrieved = "", "", "", seed.RetrievedUnrecorded
		}, "The date on which the copy-text was taken was not recorded."},
		{"checksum", "SHA-256 checksum 01234567 89abcdef 01234567", func(r *TextRecord) { r.CopyText.SHA256 = "" }, ""},
		{"encoding", "The file is written in the ISO-8859-1 encoding, as it declares; it is read as such.", func(r *TextRecord) { r.Source.Encoding = model.Encoding{Name: "UTF-8", Confidence: 1} }, ""},
		{"encoding detected", "as it declares", func(r *TextRecord) { r.Source.Encoding.Declared = false },
			"The file is written in the ISO-8859-1 encoding, which the bytes show; it is read as such."},
		{"document date", "is dated 5 October 1964", func(r *TextRecord) { r.Meta.Original.Date = "" },
			"The document was first printed in Zëri i Popullit."},
		{"first printing", "was first printed in Zëri i Popullit", func(r *TextRecord) { r.Meta.Original.FirstPrint = "" },
			"The document is dated 5 October 1964."},
		{"corrections", sentenceEmended(en), func(r *TextRecord) { r.Applied = nil }, sentenceNotEmended(en)},
		{"the emendations list", "\nEmendations\n", func(r *TextRecord) { r.Applied = nil }, ""},
		{"readings kept", sentenceKept(en), func(r *TextRecord) { r.Kept = nil }, ""},
		{"the kept list", "\nReadings kept\n", func(r *TextRecord) { r.Kept = nil }, ""},
		{"all headings editorial", sentenceAllHeadingsEditorial(en), func(r *TextRecord) { r.Body[1].Editorial = false },
			"The headings of 1 part that have none in the copy-text are the editor’s"},
		{"no editorial headings", "headings", func(r *TextRecord) { r.Body[0].Editorial, r.Body[1].Editorial = false, false }, ""},
		{"curly quotes", "Straight quotation marks and apostrophes are printed as curly ones.", func(r *TextRecord) { r.Changes.Before.StraightQuotes = r.Changes.After.StraightQuotes }, ""},
		{"dashes", "Two or three hyphens in a row are printed as a dash.", func(r *TextRecord) { r.Changes.Before.HyphenRuns = 0 }, ""},
		{"spaced dash", "A hyphen standing between two spaces is printed as an en dash.", func(r *TextRecord) { r.Changes.Before.SpacedHyphens = 0 }, ""},
		{"ellipsis", "Three full stops in a row are printed as an ellipsis; a fourth stays a full stop after it.", func(r *TextRecord) { r.Changes.Before.Dots = 0 }, ""},
		{"no-break spaces", "the space is printed as one that cannot break: 1 time in all.", func(r *TextRecord) { r.Changes.After.NoBreakSpaces = r.Changes.Before.NoBreakSpaces }, ""},
		{"name spelling", "“Frashëri” where the copy-text has “Frasheri”", func(r *TextRecord) { r.Source.Imprint = nil }, ""},
		{"line under the text", "The line the copy-text prints under the text, “Reproduced from «Zeri Popullit» daily.”, is printed on the Source page.",
			func(r *TextRecord) { r.Trailer = nil }, ""},
		{"dropped lines", "A link of the archive’s Web page (line 203, “Click here”) is left out.", func(r *TextRecord) { r.Source.Dropped = nil }, ""},
		{"the line under the text moved by a reader", "The line the copy-text prints under the text", func(r *TextRecord) {
			r.Source.Changes = []model.Change{{Kind: model.SourceLines, Lines: []model.LineRange{{From: 201, To: 201}}}}
		}, "The line saying where the text comes from (line 201, “Reproduced from «Zeri Popullit» daily.”) is printed on the Source page."},
		{"silent changes at all", "Some changes of form are made without being listed one by one; each kind is named here once.", func(r *TextRecord) {
			r.Changes = SilentChanges{}
			r.Source.Imprint, r.Source.Dropped, r.Trailer = nil, nil, nil
		}, ""},
		{"grounds of corrections", "Where the ground of a correction is not evident, it follows the kind of fault.", func(r *TextRecord) {
			for i := range r.Applied {
				r.Applied[i].Note = ""
			}
		}, ""},
		{"paragraph sign", "The sign ¶ marks a paragraph break.", func(r *TextRecord) { r.Applied = dropJoins(r.Applied) }, ""},
		{"transmission error", "“Transmission error” names a fault whose cause, in printing, scanning or copying, cannot be told without the printed original.", func(r *TextRecord) {
			for i := range r.Applied {
				if r.Applied[i].Reason == ReasonTransmission {
					r.Applied[i].Reason = ReasonOCR
				}
			}
		}, ""},
		{"readings kept more than once", "A reading the copy-text has more than once is followed by the number of times it does, and stands where it first occurs.", func(r *TextRecord) { r.Kept[0].Count = 1 }, ""},
		{"entries in several parts", "The entries are given part by part, in the order of the text.", func(r *TextRecord) { r.Applied = r.Applied[:1]; r.Kept = nil }, "The entries are given in the order of the text."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(full, tt.says) {
				t.Fatalf("the full record's Note does not say %q:\n%s", tt.says, full)
			}
			r := fullRecord(t)
			tt.falsify(&r)
			got := noteText(NoteOnText(r))
			if strings.Contains(got, tt.says) {
				t.Errorf("the Note still says %q when it does not hold:\n%s", tt.says, got)
			}
			if tt.instead != "" && !strings.Contains(got, tt.instead) {
				t.Errorf("the Note does not say %q instead:\n%s", tt.instead, got)
			}
		})
	}
}

func dropJoins(applied []AppliedEmendation) []AppliedEmendation {
	var out []AppliedEmendation
	for _, a := range applied {
		if !a.IsJoin() {
			out = append(out, a)
		}
	}
	return out
}

// TestNoteOnTextEntries checks the apparatus entries: grouped by part, the
// part named once, each entry naming the block and the word of its
// reading for the print edition's page, and its lemma linking there.
func TestNoteOnTextEntries(t *testing.T) {
	r := fullRecord(t)
	sec := NoteOnText(r)
	var groups []string
	var items []model.Block
	for _, b := range sec.Blocks {
		if b.Kind == model.Heading && b.Level == 3 {
			groups = append(groups, model.PlainText(b.Inlines))
		}
		if b.Kind == model.List {
			items = append(items, b.Children...)
		}
	}
	// The emendations, then the readings kept: "Irak", kept wherever it
	// occurs, stands where it first does.
	wantGroups := []string{"I. One", "II. Two", "The Source page", "I. One"}
	if strings.Join(groups, "|") != strings.Join(wantGroups, "|") {
		t.Errorf("groups %q, want %q", groups, wantGroups)
	}
	type entry struct{ block, word, text string }
	var got []entry
	for _, it := range items {
		got = append(got, entry{it.Attr.Get("block"), it.Attr.Get("word"), model.BlockText(&it)})
	}
	want := []entry{
		{"part-1-2", "3", "of] 01 (transmission error; as elsewhere)"},
		{"part-2-1", "2", "Eisenhower Kennedy] Eisenhower ¶ Kennedy (broken paragraph)"},
		{SourceLineID + "-1", "2", "«Zeri i] «Zeri (spelling)"},
		{"part-1-2", "13", "Irak (2 times): the period’s spelling"},
	}
	if len(got) != len(want) {
		t.Fatalf("entries %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d = %q, want %q", i, got[i], want[i])
		}
	}
	lemma := items[0].Children[0].Inlines[0]
	if lemma.Kind != model.Link || lemma.Target != "#part-1-2" || model.PlainText(lemma.Children) != "of" {
		t.Errorf("the first entry's lemma is %+v, want a link to its block", lemma)
	}
}

// TestChangeStatements checks the sentences of what the readers did with
// the matter that is not body text: one sentence for each kind, in the
// order of the file, its lines by their ranges (never one by one, though
// the reader left them out one by one), a single line quoted where the
// edition does not print it, the lines left out without a change gathered
// by their kind, the Source page's lines left out in an edition without
// one, and the grammar of one line and of more; in German too.
func TestChangeStatements(t *testing.T) {
	src := &model.Source{
		Changes: []model.Change{
			{Kind: model.StandaloneHeadings, Lines: []model.LineRange{{From: 40, To: 40}, {From: 90, To: 91}}},
			{Kind: model.GutenbergBoilerplate, Lines: []model.LineRange{{From: 1, To: 5}, {From: 300, To: 310}}},
			{Kind: model.TitlePageLines, Lines: []model.LineRange{{From: 6, To: 8}}},
			{Kind: model.WebNavigation, Lines: []model.LineRange{{From: 204, To: 204}}},
			{Kind: model.SourceLines, Lines: []model.LineRange{{From: 202, To: 202}}},
			{Kind: model.NoteBlocks, Lines: []model.LineRange{{From: 250, To: 260}}},
		},
		Dropped: []model.Dropped{
			{Line: 1, Text: "The Project Gutenberg EBook", Reason: model.GutenbergBoilerplate},
			{Line: 3, Text: "This eBook is for the use", Reason: model.GutenbergBoilerplate},
			{Line: 204, Text: "Click here ", Reason: model.WebNavigation},
			{Line: 300, Text: "*** END", Reason: model.GutenbergBoilerplate},
			{Line: 400, Text: "<!-- a comment\nover two lines -->", Reason: model.HTMLComment},
		},
	}
	received := []string{"Reproduced from «Zeri Popullit» daily."}
	for _, tc := range []struct {
		lang       string
		sourcePage bool
		want       []string
	}{
		{"en", true, []string{
			"The Project Gutenberg header and licence (lines 1–5 and 300–310) are left out.",
			"The lines of the copy-text’s title page (lines 6–8) are replaced by this edition’s title page and imprint.",
			"Lines standing alone in the manner of headings (lines 40 and 90–91) are set as headings.",
			"The line saying where the text comes from (line 202, “Reproduced from «Zeri Popullit» daily.”) is printed on the Source page.",
			"A link of the archive’s Web page (line 204, “Click here”) is left out.",
			"The copy-text’s notes (lines 250–260) are printed under “Notes”, each linked with its mark in the text.",
			"Comments in the file’s HTML (lines 400–401) are left out.",
		}},
		{"en", false, []string{
			"The Project Gutenberg header and licence (lines 1–5 and 300–310) are left out.",
			"The lines of the copy-text’s title page (lines 6–8) are replaced by this edition’s title page and imprint.",
			"Lines standing alone in the manner of headings (lines 40 and 90–91) are set as headings.",
			"The line that describes the copy-text rather than belongs to it (line 202) is left out.",
			"A link of the archive’s Web page (line 204, “Click here”) is left out.",
			"The copy-text’s notes (lines 250–260) are printed under “Notes”, each linked with its mark in the text.",
			"Comments in the file’s HTML (lines 400–401) are left out.",
		}},
		{"de", true, []string{
			"Vorspann und Lizenz von Project Gutenberg (Zeilen 1–5 und 300–310) sind ausgelassen.",
			"Die Zeilen der Titelseite der Textgrundlage (Zeilen 6–8) sind durch Titelseite und Impressum dieser Ausgabe ersetzt.",
			"Zeilen, die wie Überschriften für sich stehen (Zeilen 40 und 90–91), sind als Überschriften gesetzt.",
			"Die Zeile, die sagt, woher der Text stammt (Zeile 202, „Reproduced from «Zeri Popullit» daily.“), steht auf der Seite „Quelle“.",
			"Ein Verweis der Website des Archivs (Zeile 204, „Click here“) ist ausgelassen.",
			"Die Anmerkungen der Textgrundlage (Zeilen 250–260) stehen unter „Anmerkungen“, jede mit ihrem Zeichen im Text verknüpft.",
			"Kommentare im HTML der Datei (Zeilen 400–401) sind ausgelassen.",
		}},
	} {
		got := ChangeStatements(Words(model.Meta{Language: tc.lang}), src, tc.sourcePage, received)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s, Source page %v:\n%s\nwant\n%s", tc.lang, tc.sourcePage, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
	// Two lines of the Source page: neither is quoted, as the texts
	// received cannot be told apart by line.
	if got := ChangeStatements(Words(model.Meta{}), src, true, append(received, "another")); !slices.Contains(got,
		"The line saying where the text comes from (line 202) is printed on the Source page.") {
		t.Errorf("with two lines under the text: %q", got)
	}
}

// TestNameSpellingAfterTitlePage checks that the spelling of the names on
// the title page is said right after the statement that this edition's
// title page replaces the copy-text's, which it explains.
func TestNameSpellingAfterTitlePage(t *testing.T) {
	r := fullRecord(t)
	r.Source.Changes = []model.Change{
		{Kind: model.TitlePageLines, Lines: []model.LineRange{{From: 1, To: 5}}},
		{Kind: model.WebNavigation, Lines: []model.LineRange{{From: 203, To: 203}}},
	}
	want := "The lines of the copy-text’s title page (lines 1–5) are replaced by this edition’s title page and imprint. " +
		"The title page and the imprint print “Frashëri” where the copy-text has “Frasheri”, as the name is written. " +
		"A link of the archive’s Web page (line 203, “Click here”) is left out."
	if got := noteText(NoteOnText(r)); !strings.Contains(got, want) {
		t.Errorf("the Note does not say %q:\n%s", want, got)
	}
}

// TestChangeKindsSaid checks that every kind of change a reader reports
// has its sentence in every language with a table, in both grammatical
// numbers, with {lines} in it: a kind without one would print as a key.
func TestChangeKindsSaid(t *testing.T) {
	src := &model.Source{}
	for _, k := range model.ChangeKinds {
		src.Changes = append(src.Changes, model.Change{Kind: k, Lines: []model.LineRange{{From: 7, To: 7}}})
	}
	for _, lang := range locale.Languages() {
		l := Words(model.Meta{Language: lang})
		for _, one := range []bool{true, false} {
			for _, k := range model.ChangeKinds {
				key := locale.Change(string(k)) + ".other"
				if !l.Has(key) {
					t.Errorf("%s: no %q", lang, key)
				}
				s := l.Agree(locale.Change(string(k)), one, "lines", "<lines>", "source", "<source>", "notes", "<notes>")
				if !strings.Contains(s, "<lines>") || strings.Contains(s, "{") {
					t.Errorf("%s %s (one %v): %q", lang, k, one, s)
				}
			}
		}
		if got := ChangeStatements(l, src, true, nil); len(got) != len(model.ChangeKinds) {
			t.Errorf("%s: %d statements for %d kinds", lang, len(got), len(model.ChangeKinds))
		}
	}
}
