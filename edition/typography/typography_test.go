package typography

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/bindery-editions/bindery/edition/archive"
	"github.com/bindery-editions/bindery/edition/model"
)

func TestTypesetString(t *testing.T) {
	const nb = "\u00a0"
	for _, tc := range []struct{ in, want string }{
		// Double quotes.
		{`"Hello," she said.`, "“Hello,” she said."},
		{`("quoted")`, "(“quoted”)"},
		{`said—"stop"`, "said—“stop”"},
		{`a lone " here`, "a lone ” here"},
		// Single quotes and apostrophes.
		{`don't`, "don’t"},
		{`Khrushchev's group`, "Khrushchev’s group"},
		{`the workers' fund`, "the workers’ fund"},
		{`He said 'yes' to it.`, "He said ‘yes’ to it."},
		{`"'Quoted' inside"`, "“‘Quoted’ inside”"},
		{`'Tis the season`, "’Tis the season"},
		{`in the '60s and '64`, "in the ’60s and ’64"},
		{`They are being' menaced`, "They are being’ menaced"},
		// As printed: guillemets, curly quotes, the letter's stray ‘.
		{"«Zeri i Popullit»", "«Zeri i Popullit»"},
		{"the party as ‘well, a leader", "the party as ‘well, a leader"},
		{"“already” ’curly’", "“already” ’curly’"},
		// Dashes.
		{"few--but enough", "few—but enough"},
		{"few -- but enough", "few — but enough"},
		{"few---but", "few—but"},
		{"Mr. ---- of that town", "Mr. ---- of that town"},
		{"agreed - on everything", "agreed – on everything"},
		{"well-known Marxist-Leninist", "well-known Marxist-Leninist"},
		{"- a list item", "- a list item"},
		{"ends with -", "ends with -"},
		// Ellipses.
		{"Wait...", "Wait…"},
		{"lists here.... We have", "lists here…. We have"},
		{"1..2", "1..2"},
		// No-break spaces.
		{"N. Khrushchev", "N." + nb + "Khrushchev"},
		{"V. I. Lenin", "V." + nb + "I." + nb + "Lenin"},
		{"J. V. Stalin and J.V. Stalin", "J." + nb + "V." + nb + "Stalin and J.V." + nb + "Stalin"},
		{"(N. Lenin)", "(N." + nb + "Lenin)"},
		{"Mr. Smith and Dr. Jones", "Mr." + nb + "Smith and Dr." + nb + "Jones"},
		{"Tirana, October 5. 1964", "Tirana, October" + nb + "5. 1964"},
		{"November 7,1961, and July 30", "November" + nb + "7,1961, and July" + nb + "30"},
		{"on 5 October 1964 and 21st May", "on 5" + nb + "October 1964 and 21st" + nb + "May"},
		{"No. 5, p. 44, vol. 3", "No." + nb + "5, p." + nb + "44, vol." + nb + "3"},
		{"the C.C. of the P.L.A.", "the C.C. of the P.L.A."},
		{"in May we met", "in May we met"},
		{"pages 14 to 19", "pages 14 to 19"},
		{"", ""},
	} {
		if got := Text(tc.in, "en"); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTypesetAcrossInlines(t *testing.T) {
	emph := func(s string) model.Inline {
		return model.Inline{Kind: model.Emph, Children: []model.Inline{model.Str(s)}}
	}
	for _, tc := range []struct {
		name string
		in   []model.Inline
		want string // model.DumpInlines of the result
	}{
		{"apostrophe after emphasis", []model.Inline{emph("Pravda"), model.Str("'s editors")}, "{emph:Pravda}’s editors"},
		{"quotes around emphasis", []model.Inline{model.Str(`He said "`), emph("stop"), model.Str(`" then`)}, "He said “{emph:stop}” then"},
		{"quote opening inside emphasis", []model.Inline{model.Str("the "), emph(`"party"`)}, "the {emph:“party”}"},
		{"spaced hyphen before a line break", []model.Inline{model.Str("agreed -"), {Kind: model.LineBreak}, model.Str("some said")}, "agreed –{br}some said"},
		{"initial before emphasis", []model.Inline{model.Str("N. "), emph("Khrushchev")}, "N.{nbsp}{emph:Khrushchev}"},
		{"note reference is transparent", []model.Inline{model.Str(`"word,`), {Kind: model.NoteRef, Target: "n1", Text: "1"}, model.Str(`" and`)}, "“word,{ref n1:1}” and"},
		{"bare URL untouched", []model.Inline{model.Str("see "), {Kind: model.Link, Target: "http://a.org/x--y...", Children: []model.Inline{model.Str("http://a.org/x--y...")}}},
			"see {link http://a.org/x--y...:http://a.org/x--y...}"},
		{"link text typeset", []model.Inline{{Kind: model.Link, Target: "#n1", Children: []model.Inline{model.Str("the 'note'")}}}, "{link #n1:the ‘note’}"},
		{"code untouched", []model.Inline{model.Str("a -- b "), {Kind: model.Code, Text: `x--y "z"`}}, "a — b {code:x--y \"z\"}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := model.DumpInlines(tc.in)
			got := Inlines(tc.in, "en")
			if s := model.DumpInlines(got); s != tc.want {
				t.Errorf("got %q, want %q", s, tc.want)
			}
			if model.DumpInlines(tc.in) != before {
				t.Errorf("Inlines changed its input: %q", model.DumpInlines(tc.in))
			}
		})
	}
}

func TestTypesetSections(t *testing.T) {
	secs := []model.Section{{
		Title: []model.Inline{model.Str(`The "Party"`)},
		Blocks: []model.Block{
			{Kind: model.Paragraph, Inlines: []model.Inline{model.Str("don't")}},
			{Kind: model.BlockQuote, Children: []model.Block{{Kind: model.Paragraph, Inlines: []model.Inline{model.Str("a--b")}}}},
		},
	}}
	Sections(secs, "en")
	if got := model.PlainText(secs[0].Title); got != "The “Party”" {
		t.Errorf("title %q", got)
	}
	if got := model.PlainText(secs[0].Blocks[0].Inlines); got != "don’t" {
		t.Errorf("paragraph %q", got)
	}
	if got := model.PlainText(secs[0].Blocks[1].Children[0].Inlines); got != "a—b" {
		t.Errorf("quoted paragraph %q", got)
	}
}

// TestTypesetOpenLetter typesets the whole letter: no straight quote, no
// double hyphen left, the same letters and digits in the same order, and a
// second pass changes nothing.
func TestTypesetOpenLetter(t *testing.T) {
	data, err := os.ReadFile("../../seeds/open-letter-1964/source.txt")
	if err != nil {
		t.Fatal(err)
	}
	src, err := archive.Read("source.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	secs := src.Sections
	before := sectionsText(secs)
	Sections(secs, "en")
	after := sectionsText(secs)
	if lettersOf(before) != lettersOf(after) {
		t.Error("typesetting changed letters or digits")
	}
	if strings.ContainsAny(after, `"'`) || strings.Contains(after, "--") {
		t.Errorf("straight quotes or double hyphens left")
	}
	for _, want := range []string{"N.\u00a0Khrushchev’s group", "October\u00a05. 1964", "as ‘well", "«Zeri i Popullit»", "here…. We"} {
		if !strings.Contains(after, want) {
			t.Errorf("typeset letter lacks %q", want)
		}
	}
	Sections(secs, "en")
	if again := sectionsText(secs); again != after {
		t.Error("a second pass changed the text")
	}
}

// languages are the conventions the tests run every language-independent
// property under.
var languages = []string{"en", "de", "fr", "ru", "sq", "pl"}

func TestTypesetKeepsLetters(t *testing.T) {
	for _, lang := range languages {
		for _, s := range []string{
			`"'Tis ' -- - ... '' "" ''' '60s`, "a - - b", "'", `"`, "-- -", "N. N. N.", "5 May 5 May 5", "« ' » “ \" ”", "\u00a0' \u00a0\"",
			"« Oui » ; non : si ! quoi ? http://x.org 10:30", "«a»", "?!", "»«",
		} {
			got := Text(s, lang)
			if lettersOf(got) != lettersOf(s) {
				t.Errorf("%s: Text(%q) = %q changed letters", lang, s, got)
			}
			if again := Text(got, lang); again != got {
				t.Errorf("%s: Text is not idempotent on %q: %q then %q", lang, s, got, again)
			}
		}
	}
}

func FuzzTypesetString(f *testing.F) {
	for _, s := range []string{`"Hello," she said--'tis N. Lenin... on May 5 - yes`, "«a» ‘b’", "J.V. Stalin", "No. 5", "« Oui » ; non !"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, lang uint8) {
		l := languages[int(lang)%len(languages)]
		got := Text(s, l)
		if lettersOf(got) != lettersOf(s) {
			t.Fatalf("%s: Text(%q) = %q changed letters", l, s, got)
		}
	})
}

// TestLanguageConventions checks each language's quotation marks and
// spaces, on text as a typist writes it.
func TestLanguageConventions(t *testing.T) {
	for _, tc := range []struct{ lang, in, want string }{
		{"en", `"a 'b' c," d's`, "“a ‘b’ c,” d’s"},
		{"de", `"Wort 'Teil' Wort" und Rosa's`, "„Wort ‚Teil‘ Wort“ und Rosa’s"},
		{"de-AT", `"Wort"`, "„Wort“"},
		{"fr", `"Oui", dit-il ; "l'homme" : non !`, "«\u202fOui\u202f», dit-il\u202f; «\u202fl’homme\u202f»\u202f: non\u202f!"},
		{"fr", "« Bonjour » et «salut»? Voir http://x.org à 10:30.", "«\u202fBonjour\u202f» et «\u202fsalut\u202f»\u202f? Voir http://x.org à 10:30."},
		{"ru", `"Слово 'внутри' слово"`, "«Слово „внутри“ слово»"},
		{"sq", `"Fjalë"`, "«Fjalë»"},
		{"pl", `"Słowo"`, "„Słowo”"},
		{"de", "am 5. Oktober 1964", "am 5.\u00a0Oktober 1964"},
		{"fr", "le 5 octobre 1964", "le 5\u00a0octobre 1964"},
		{"fr", "le 1er février 1901", "le 1er\u00a0février 1901"},
		{"ru", "5 октября 1964", "5\u00a0октября 1964"},
		{"ru", "слово - слово", "слово\u00a0— слово"}, // Russian's spaced dash is the em dash, never opening a line
		{"ru", "слово -- а слово, — и", "слово\u00a0— а слово,\u00a0— и"},
		{"ru", "— Да, — сказал он.", "— Да,\u00a0— сказал он."}, // a line of dialogue opens with its dash
		{"de", "Wort - Wort", "Wort – Wort"},
		{"en", "the «Zeri» line", "the «Zeri» line"}, // guillemets as printed: spaced only in French
		{"xx", `"Unknown"`, "“Unknown”"},             // no conventions of its own: English's
	} {
		if got := Text(tc.in, tc.lang); got != tc.want {
			t.Errorf("%s: Text(%q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

// TestBlockLanguage checks that a block in another language than the book
// is set by its own conventions, and the blocks inside it too.
func TestBlockLanguage(t *testing.T) {
	secs := []model.Section{{Blocks: []model.Block{
		{Kind: model.Paragraph, Inlines: []model.Inline{model.Str(`"English"`)}},
		{Kind: model.BlockQuote, Attr: model.Attr{{Key: "lang", Value: "de"}}, Children: []model.Block{
			{Kind: model.Paragraph, Inlines: []model.Inline{model.Str(`"Deutsch"`)}},
		}},
	}}}
	Sections(secs, "en")
	if got := model.PlainText(secs[0].Blocks[0].Inlines); got != "“English”" {
		t.Errorf("book's language: %q", got)
	}
	if got := model.PlainText(secs[0].Blocks[1].Children[0].Inlines); got != "„Deutsch“" {
		t.Errorf("block's language: %q", got)
	}
}

// TestSpanLanguage checks that a phrase marked with its language is set
// by that language's conventions, its neighbours by the block's, and that
// a quotation opened inside the phrase is closed by its own marks.
func TestSpanLanguage(t *testing.T) {
	span := func(lang string, ins ...model.Inline) model.Inline {
		return model.Inline{Kind: model.Span, Attr: model.Attr{{Key: "lang", Value: lang}}, Children: ins}
	}
	for _, tc := range []struct {
		name, lang string
		ins        []model.Inline
		want       string
	}{
		{"German phrase in English", "en", []model.Inline{model.Str(`He wrote "`), span("de", model.Str(`er sagte "nein" - so`)), model.Str(`" and left.`)},
			"He wrote “er sagte „nein“ – so” and left."},
		{"French phrase", "en", []model.Inline{model.Str("Sartre: "), span("fr", model.Str(`"l'enfer" : les autres !`))},
			"Sartre: «\u202fl’enfer\u202f»\u202f: les autres\u202f!"},
		{"English phrase in French", "fr", []model.Inline{model.Str("il dit "), span("en", model.Str(`"yes" : no`)), model.Str(" ; puis")},
			"il dit “yes” : no\u202f; puis"},
		{"Greek in italics", "en", []model.Inline{{Kind: model.Emph, Children: []model.Inline{span("el", model.Str(`"θάλασσα"`))}}, model.Str(` "sea"`)},
			"«θάλασσα» “sea”"},
		{"Russian dash", "en", []model.Inline{span("ru", model.Str("да - нет")), model.Str(" yes - no")},
			"да\u00a0— нет yes – no"},
		{"span without a language", "de", []model.Inline{{Kind: model.Span, Children: []model.Inline{model.Str(`"Wort"`)}}},
			"„Wort“"},
	} {
		got := model.PlainText(Inlines(tc.ins, tc.lang))
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func sectionsText(secs []model.Section) string {
	var b strings.Builder
	for _, s := range secs {
		for _, bl := range s.Blocks {
			b.WriteString(model.BlockText(&bl) + "\n")
		}
	}
	return b.String()
}

func lettersOf(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}
