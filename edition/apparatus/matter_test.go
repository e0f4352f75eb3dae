package apparatus

import (
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/fonts"
)

// TestOriginalStatement builds the imprint's statement of the original
// from every combination of the parts a manifest may give: never "First
// published by 2024." nor "by Petrograd, 1918.".
func TestOriginalStatement(t *testing.T) {
	tests := []struct {
		o    model.Original
		want string
	}{
		{model.Original{Publisher: "The «Naim Frashëri» State Publishing House", Place: "Tirana", Year: "1964", FirstPrint: "Zëri i Popullit"},
			"The text is that of the edition published by the «Naim Frashëri» State Publishing House, Tirana, 1964. The document was first printed in Zëri i Popullit."},
		{model.Original{Year: "2024"}, "The text is that of the edition published in 2024."},
		{model.Original{Place: "Petrograd", Year: "1918"}, "The text is that of the edition published in Petrograd in 1918."},
		{model.Original{Place: "Petrograd"}, "The text is that of the edition published in Petrograd."},
		{model.Original{Publisher: "Harp Library", Year: "1909"}, "The text is that of the edition published by Harp Library in 1909."},
		{model.Original{Publisher: "Harp Library", Place: "New York"}, "The text is that of the edition published by Harp Library, New York."},
		{model.Original{Publisher: "Harp Library"}, "The text is that of the edition published by Harp Library."},
		{model.Original{FirstPrint: "Iskra"}, "The document was first printed in Iskra."},
		{model.Original{Date: "1964-10-05"}, ""}, // the document's own date is the Note's to state
		{model.Original{}, ""},
	}
	for _, tt := range tests {
		m := model.Meta{Original: tt.o}
		if got := OriginalStatement(&m); got != tt.want {
			t.Errorf("OriginalStatement(%+v) = %q, want %q", tt.o, got, tt.want)
		}
	}
}

// TestImprintLines checks that the imprint states only what the manifest
// gives, writes this edition's date out, prints the identifier (an ISBN as
// such, a UUID labelled), and leaves the source statement to the part that
// prints it.
func TestImprintLines(t *testing.T) {
	m := model.Meta{Title: "A Letter", Subtitle: "To Someone", Rights: "Public domain.", Publisher: "Bindery Editions",
		Date: "2026-11-27", Identifier: "urn:uuid:462d94a9-0681-5a8c-a5f0-8f72b75269bc", Source: "The copy-text is a transcription.",
		Original: model.Original{Year: "2024"}}
	got := strings.Join(ImprintLines(m), "\n")
	want := "A Letter: To Someone\nThe text is that of the edition published in 2024.\nPublic domain.\nThis edition published by Bindery Editions, 27 November 2026.\nIdentifier: urn:uuid:462d94a9-0681-5a8c-a5f0-8f72b75269bc"
	if got != want {
		t.Errorf("ImprintLines =\n%s\nwant\n%s", got, want)
	}
	for _, bad := range []string{"2026-11-27", "transcription"} {
		if strings.Contains(got, bad) {
			t.Errorf("the imprint prints %q", bad)
		}
	}
	m.Identifier = "urn:isbn:9780000000002"
	if got := ImprintLines(m); got[len(got)-1] != "ISBN 9780000000002" {
		t.Errorf("an ISBN identifier gives %q", got[len(got)-1])
	}
	m.Publisher, m.Identifier = "", ""
	for _, l := range ImprintLines(m) {
		if strings.HasPrefix(l, "This edition") {
			t.Errorf("an edition with no publisher says %q", l)
		}
	}
}

// TestSourceStatementOnce checks that the editor's source statement is
// printed by one part only: the Note on the Text, else the Source page,
// else the imprint.
func TestSourceStatementOnce(t *testing.T) {
	m := model.Meta{Title: "A Letter", Source: "The copy-text is a transcription."}
	trailer := []model.Block{{ID: "source-line-1", Kind: model.Attribution, Inlines: []model.Inline{model.Str("Reproduced from a daily.")}}}
	for _, tt := range []struct {
		parts []string
		where string
	}{
		{[]string{"imprint", "text", "note-on-text", "source"}, "note-on-text"},
		{[]string{"imprint", "text", "source"}, "source"},
		{[]string{"imprint", "text"}, "imprint"},
	} {
		if got := SourceStatementPart(tt.parts); got != tt.where {
			t.Errorf("SourceStatementPart(%v) = %q, want %q", tt.parts, got, tt.where)
		}
		imprint := FrontSection("imprint", m, model.Section{}, tt.parts)
		source, _ := SourceSection(m, trailer, nil, tt.parts)
		in := map[string]bool{
			"imprint": strings.Contains(noteText(imprint), m.Source),
			"source":  strings.Contains(noteText(source), m.Source),
		}
		for part, has := range in {
			if has != (part == tt.where) {
				t.Errorf("parts %v: the %s prints the source statement: %v", tt.parts, part, has)
			}
		}
	}
	if _, ok := SourceSection(m, nil, nil, []string{"note-on-text", "source"}); ok {
		t.Error("a Source page with nothing to print")
	}
	sec, ok := SourceSection(m, trailer, nil, []string{"note-on-text", "source"})
	if !ok || !strings.Contains(noteText(sec), "Under the text, the copy-text prints this line:\nReproduced from a daily.") {
		t.Errorf("the Source page = %q", noteText(sec))
	}
}

// TestTrailerPlace checks that the Source page and the Note on the Text
// say where the copy-text prints the lines they move: above the text (a
// Web page's credits under its title), under it, or both, and count a
// block of several lines by its lines.
func TestTrailerPlace(t *testing.T) {
	body := []model.Section{{Blocks: []model.Block{{Kind: model.Paragraph, Line: 30, Inlines: []model.Inline{model.Str("The text.")}}, {Kind: model.Paragraph, Line: 40}}}}
	credits := model.Block{Kind: model.Paragraph, Line: 22, Inlines: []model.Inline{model.Str("Transcription: A."), {Kind: model.LineBreak}, model.Str("Mark-up: B.")}}
	updated := model.Block{Kind: model.Paragraph, Line: 972, Inlines: []model.Inline{model.Str("Last updated on 30.7.2007")}}
	for _, tt := range []struct {
		name    string
		trailer []model.Block
		page    string // the Source page's opening
		note    string // the Note's sentence
	}{
		{"under", []model.Block{updated}, "Under the text, the copy-text prints this line:",
			"The line the copy-text prints under the text, “Last updated on 30.7.2007”, is printed on the Source page."},
		{"above, a block of two lines", []model.Block{credits}, "Above the text, the copy-text prints these lines:",
			"The 2 lines the copy-text prints above the text are printed on the Source page."},
		{"both", []model.Block{credits, updated}, "Above and under the text, the copy-text prints these lines:",
			"The 3 lines the copy-text prints above and under the text are printed on the Source page."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sec, _ := SourceSection(model.Meta{}, tt.trailer, body, []string{"note-on-text", "source"})
			if got := noteText(sec); !strings.HasPrefix(got, tt.page) {
				t.Errorf("the Source page = %q, want it to open %q", got, tt.page)
			}
			var received []string
			for _, b := range tt.trailer {
				received = append(received, model.PlainText(b.Inlines))
			}
			note := NoteOnText(TextRecord{Body: body, Trailer: tt.trailer, TrailerReceived: received})
			if got := noteText(note); !strings.Contains(got, tt.note) {
				t.Errorf("the Note = %q, want it to hold %q", got, tt.note)
			}
		})
	}
}

// only returns the text of the blocks of sec that stand in edition, a line
// each.
func only(sec model.Section, edition string) string {
	var lines []string
	for _, b := range sec.Blocks {
		if b.In(edition) {
			lines = append(lines, model.PlainText(b.Inlines))
		}
	}
	return strings.Join(lines, "\n")
}

// TestColophon checks that the typeface and hyphenation are stated for
// the print edition only, the ebook's typeface for the ebook only, that
// the hyphenation is credited to the patterns the language is set with,
// and that the colophon speaks no jargon.
func TestColophon(t *testing.T) {
	sec := Colophon(model.Meta{Title: "A Letter", Slug: "a-letter-1964", Language: "en", Publisher: "Bindery Editions", Date: "2026-11-27"})
	print, ebook := only(sec, EditionPrint), only(sec, EditionEbook)
	for _, want := range []string{"A Letter.", en.T(locale.MadeWith), fonts.Family, "Frank M. Liang’s patterns for American English", "Published by Bindery Editions, 2026."} {
		if !strings.Contains(print, want) {
			t.Errorf("the print colophon lacks %q:\n%s", want, print)
		}
	}
	if strings.Contains(print, en.T(locale.EbookTypeface)) {
		t.Error("the print colophon speaks of the ebook's typeface")
	}
	for _, bad := range []string{fonts.Family, "hyphenat", "Knuth’s patterns", "seed", "a-letter-1964"} {
		if strings.Contains(ebook, bad) {
			t.Errorf("the ebook colophon says %q:\n%s", bad, ebook)
		}
	}
	if !strings.Contains(ebook, en.T(locale.EbookTypeface)) {
		t.Errorf("the ebook colophon does not say it embeds no typeface:\n%s", ebook)
	}
	for lang, want := range map[string]string{
		"en-GB":      "British English",
		"sq":         "për shqipen",
		"de":         "für das Deutsche (Rechtschreibung von 1996)",
		"el":         "για τα νέα ελληνικά (μονοτονικό σύστημα)",
		"el-polyton": "για τα ελληνικά (πολυτονικό σύστημα)", // the Greek table's words for the other patterns
		"pl":         "według wzorców dzielenia wyrazów projektu hyph-utf8 dla języka polskiego",
		"xx":         "hyphenates no words",
	} {
		got := only(Colophon(model.Meta{Title: "T", Language: lang}), EditionPrint)
		if !strings.Contains(got, want) {
			t.Errorf("language %s: the colophon does not say %q:\n%s", lang, want, got)
		}
	}
	if got := only(Colophon(model.Meta{Title: "T", Language: "en"}), EditionPrint); strings.Contains(got, "Published by") {
		t.Errorf("a colophon with no publisher names one:\n%s", got)
	}
}

// TestColophonEmbeddedTypeface checks the e-book's colophon of a book
// that embeds its typeface (epub.embed-fonts), in every language with a
// table: it names the typeface, in the language's own words, and no longer
// says it embeds none; the print edition's colophon is the same either way.
func TestColophonEmbeddedTypeface(t *testing.T) {
	for _, lang := range locale.Languages() {
		plain := model.Meta{Title: "T", Language: lang}
		embeds := plain
		embeds.EmbedFonts = true
		l := Words(embeds)
		if lang != "en" && l.T(locale.EbookEmbedsTypeface) == en.T(locale.EbookEmbedsTypeface) {
			t.Errorf("%s: the sentence on the embedded typeface is English", lang)
		}
		ebook := only(Colophon(embeds), EditionEbook)
		if !strings.Contains(ebook, fonts.Family) || strings.Contains(ebook, l.T(locale.EbookTypeface)) {
			t.Errorf("%s: the colophon of an ebook that embeds its typeface says:\n%s", lang, ebook)
		}
		if without := only(Colophon(plain), EditionEbook); strings.Contains(without, fonts.Family) {
			t.Errorf("%s: the colophon of an ebook without fonts names one:\n%s", lang, without)
		}
		if a, b := only(Colophon(plain), EditionPrint), only(Colophon(embeds), EditionPrint); a != b {
			t.Errorf("%s: the print colophon changes with the ebook's fonts:\n%s\n%s", lang, a, b)
		}
	}
}

// TestHyphenationCredits checks that every pattern set the print edition
// may hyphenate with is credited, in English and in the language of the
// patterns where it has a table.
func TestHyphenationCredits(t *testing.T) {
	for _, tag := range []string{"en", "en-GB", "de", "de-1901", "de-CH-1901", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "el", "el-polyton", "sq"} {
		k := HyphenationCredit(tag)
		if k == "" || en.T(k) == "" {
			t.Errorf("language %s: hyphenated with patterns the colophon does not credit", tag)
		}
		if own := Words(model.Meta{Language: tag}); own.Language() != "en" && !own.Has(k) {
			t.Errorf("language %s: the patterns are credited in English", tag)
		}
	}
}

// TestColophonLanguages checks the colophon and the imprint in each
// language with a table: the language's words, its date form, and no
// English sentence left.
func TestColophonLanguages(t *testing.T) {
	m := model.Meta{Title: "T", Publisher: "Bindery Editions", Date: "1964-10-05", Original: model.Original{Publisher: "Verlag", Place: "Berlin", Year: "1922"}}
	for _, tc := range []struct{ lang, colophon, imprint string }{
		{"de", "Die Wörter der Druckausgabe sind nach den Trennmustern des Projekts hyph-utf8 für das Deutsche (Rechtschreibung von 1996) getrennt.",
			"Der Text folgt der Ausgabe Verlag, Berlin 1922.\nDiese Ausgabe erschien bei Bindery Editions, 5. Oktober 1964."},
		{"fr", "Publié par Bindery Editions, 1964.", "Édition publiée par Bindery Editions, le 5 octobre 1964."},
		{"ru", "Издатель: Bindery Editions, 1964.", "Текст воспроизводится по изданию: Berlin: Verlag, 1922.\nНастоящее издание: Bindery Editions, 5 октября 1964 г."},
		{"sq", "Ky botim u përgatit me bindery.", "Ky botim doli nga Bindery Editions, më 5 tetor 1964."},
		{"es", "Publicado por Bindery Editions, 1964.", "El texto es el de la edición publicada por Verlag, Berlin, 1922.\nEdición publicada por Bindery Editions, el 5 de octubre de 1964."},
		{"it", "Pubblicato da Bindery Editions, 1964.", "Edizione pubblicata da Bindery Editions, 5 ottobre 1964."},
		{"pt", "Publicado por Bindery Editions, 1964.", "Edição publicada por Bindery Editions, a 5 de outubro de 1964."},
		{"pl", "Wydawca: Bindery Editions, 1964.", "Tekst według wydania: Berlin: Verlag, 1922.\nNiniejsze wydanie: Bindery Editions, 5 października 1964."},
		{"nl", "Uitgegeven door Bindery Editions, 1964.", "De tekst is die van de uitgave die in 1922 bij Verlag te Berlin is verschenen."},
		{"el", "Έκδοση: Bindery Editions, 1964.", "Το κείμενο ακολουθεί την έκδοση: Berlin: Verlag, 1922.\nΠαρούσα έκδοση: Bindery Editions, 5 Οκτωβρίου 1964."},
		{"uk", "Слова в друкованому виданні переносяться за шаблонами перенесення проєкту hyph-utf8 для української мови.", "Це видання: Bindery Editions, 5 жовтня 1964 р."},
	} {
		m.Language = tc.lang
		var col []string
		for _, b := range Colophon(m).Blocks {
			col = append(col, model.PlainText(b.Inlines))
		}
		got := strings.Join(col, "\n")
		imprint := strings.Join(ImprintLines(m), "\n")
		if !strings.Contains(got, tc.colophon) || !strings.Contains(imprint, tc.imprint) {
			t.Errorf("%s: colophon\n%s\nimprint\n%s\nwant %q and %q", tc.lang, got, imprint, tc.colophon, tc.imprint)
		}
		for _, english := range []string{"edition", "Published", "typeface", "hyphenat"} {
			if strings.Contains(got, english) || strings.Contains(imprint, english) {
				t.Errorf("%s: the colophon or imprint says %q:\n%s\n%s", tc.lang, english, got, imprint)
			}
		}
	}
	m.Language, m.Subtitle = "fr", "L’affaire Dreyfus"
	if got := ImprintLines(m)[0]; got != "T\u202f: L’affaire Dreyfus" {
		t.Errorf("a French title and subtitle: %q", got)
	}
	m.Subtitle = ""
	m.Language, m.Strings = "de", map[string]string{"colophon": "Druckvermerk", "made-with": "Gesetzt mit bindery."}
	sec := Colophon(m)
	if sec.PlainTitle() != "Druckvermerk" || model.PlainText(sec.Blocks[1].Inlines) != "Gesetzt mit bindery." {
		t.Errorf("the manifest's strings are not taken: %q, %q", sec.PlainTitle(), model.PlainText(sec.Blocks[1].Inlines))
	}
}

var en = locale.Book("en", nil)
