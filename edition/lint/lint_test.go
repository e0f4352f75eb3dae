package lint

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/apparatus"
)

// updating reports whether the tests run with -update (the package's flag
// to rewrite golden files under testdata/, defined once for all its tests).
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestLintFixtures runs the lint on the fixtures: positive.txt has faults of
// every kind (its golden lists what must be found), negative.txt the
// constructions the lint must leave alone (possessives, "that that", "a hot
// summer", names, a quotation running on across paragraphs).
func TestLintFixtures(t *testing.T) {
	for _, name := range []string{"positive", "negative"} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join("testdata", name+".txt")
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, f := range Check(name+".txt", data, nil) {
				b.WriteString(f.String() + "\n")
			}
			golden := filepath.Join("testdata", name+".golden")
			if updating() {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if b.String() != string(want) {
				t.Errorf("findings differ from %s:\n got:\n%s\nwant:\n%s", golden, b.String(), want)
			}
			if name == "negative" && b.Len() != 0 {
				t.Errorf("the negative fixture must be clean")
			}
		})
	}
}

// lintText builds a small archive text: a title, then the paragraph under
// test, so the lint sees a real document (the title's year is the
// document's date).
func lintText(para string) []byte {
	return []byte("A Title\n\nTirana, 1964\n\n" + para + "\n")
}

// TestLintKinds checks each kind on a positive and a negative paragraph.
// Paragraphs are long enough to count as running text.
func TestLintKinds(t *testing.T) {
	const tail = " and the rest of this sentence goes on for a while to make it long."
	tests := []struct {
		name, para, kind string
		col              int // column of the expected finding; 0: none of kind expected
	}{
		{"digit word", "The wavering position 01 revisionism" + tail, DigitInWord, 23},
		{"digit inside", "The l0ve of power" + tail, DigitInWord, 5},
		{"ordinal", "The 22nd Congress and the 1950s" + tail, DigitInWord, 0},
		{"number", "About 70% of the 90 members" + tail, DigitInWord, 0},
		{"modem", "The modem revisionists" + tail, Scanno, 5},
		{"modem online", "The modem connection" + tail, Scanno, 0},
		{"modern", "The modern revisionists" + tail, Scanno, 0},
		{"hot", "The real and hot the false" + tail, Scanno, 14},
		{"hot summer", "A hot summer came" + tail, Scanno, 0},
		{"arid", "Albania arid China" + tail, Scanno, 9},
		{"arid land", "The arid land" + tail, Scanno, 0},
		{"ail", "Your militant ail your life" + tail, Scanno, 15},
		{"ail verb", "What may ail him" + tail, Scanno, 0},
		{"tbe", "Of tbe workers" + tail, Scanno, 4},
		{"cl", "The worker saicl it" + tail, Scanno, 12},
		{"clean cl", "The clear claim" + tail, Scanno, 0},
		{"stray opening", ". As a matter of fact" + tail, StrayPunct, 1},
		{"glued to word", "The door open .to opportunism" + tail, StrayPunct, 15},
		{"hyphen split", "The communists o-f the world" + tail, StrayPunct, 16},
		{"hyphen word", "The comrades-in-arms and anti-Soviet" + tail, StrayPunct, 0},
		{"semicolon", "The fight is; of a decisive importance" + tail, StrayPunct, 13},
		{"colon to", "What it means to: us" + tail, StrayPunct, 17},
		{"colon fine", "Two objectives: on one hand, to fight; they want it" + tail, StrayPunct, 0},
		{"semicolon adjective", "The most powerful; socialist country" + tail, StrayPunct, 18},
		{"initial comma", "As K. Xoxe, P, Plaku, T. Sejko" + tail, StrayPunct, 14},
		{"abbreviation", "See pp. and etc. and so" + tail, StrayPunct, 0},
		{"apostrophe after word", "Would truly serve' the cause" + tail, StrayQuote, 18},
		{"apostrophe possessive", "The workers’ parties and the peasants' unions" + tail, StrayQuote, 0},
		{"apostrophe before the", "Would really express’ the wish" + tail, StrayQuote, 21},
		{"single quote open", "To our party as ‘well, a letter" + tail, StrayQuote, 17},
		{"single quote pair", "The ‘revisionist’ label" + tail, StrayQuote, 0},
		{"apostrophe after comma", "In Stalin’s Party,' that it" + tail, StrayQuote, 19},
		{"glued guillemet", "The Soviet Union« have waged" + tail, StrayQuote, 17},
		{"unclosed", "They begin «the real history" + tail, UnbalancedQuote, 12},
		{"unopened", "They begin the real» history" + tail, UnbalancedQuote, 20},
		{"balanced", "They say «peace» and «war «within» war»" + tail, UnbalancedQuote, 0},
		{"straight odd", `He said "go and stay` + tail, UnbalancedQuote, 9},
		{"straight even", `He said "go" and "stay"` + tail, UnbalancedQuote, 0},
		{"doubled", "They dub him as a «a great" + tail, DoubledWord, 20},
		{"doubled the", "For the the people" + tail, DoubledWord, 9},
		{"that that", "He said that that was" + tail, DoubledWord, 0},
		{"lower start", "and to become in this way" + tail, BrokenParagraph, 1},
		{"no end", "He suggested a force within the United Nations Organization and the rest of this sentence goes on for a while", BrokenParagraph, 109},
		{"ends well", "He suggested a force within the United Nations Organization and the rest of this sentence goes on for a while.", BrokenParagraph, 0},
		{"nbsp", "The\u00a0\u00a0\u00a0 entire progressive mankind" + tail, NoBreakSpaces, 4},
		{"one nbsp", "The\u00a0entire progressive mankind" + tail, NoBreakSpaces, 0},
		{"With", "They made friends With the Vatican" + tail, Capital, 19},
		{"He", "For years at a stretch He has humbugged" + tail, Capital, 24},
		{"names", "They met Guy Mollet in the Hague and the Party of Labor" + tail, Capital, 0},
		{"quotation start", "He said: «The Party is right» and went" + tail, Capital, 0},
		{"year", "The 1980 Moscow Declaration and the 1960 one" + tail, Year, 5},
		{"past year", "The 1957 and 1960 Declarations" + tail, Year, 0},
		{"date comma", "On November 7,1961 they met" + tail, Spacing, 14},
		{"date full stop", "Tirana, October 5. 1964" + tail, StrayPunct, 18},
		{"date fine", "Tirana, October 5, 1964, and May 5. Then 1964 came" + tail, StrayPunct, 0},
		{"thousands", "Some 1,000 tons of grain" + tail, Spacing, 0},
		{"space after guillemet", "It runs: « According to them»" + tail, Spacing, 10},
		// What the archives' texts do by their own conventions.
		{"elided tis", "It was cold. 'Tis the business of little minds" + tail, StrayQuote, 0},
		{"elided year", "The Revolution of '75 was a time of trial" + tail, StrayQuote, 0},
		{"elided tho", "Absolute governments (tho' the disgrace of nature)" + tail, StrayQuote, 0},
		{"elision before a mark", "A drab of state, a cloth-o'-silver slut" + tail, StrayPunct, 0},
		{"older ordinal", "First, the right; 2d, the interest; 3d, the necessity" + tail, DigitInWord, 0},
		{"there there", "He found that even there there was a history" + tail, DoubledWord, 0},
		{"doubled across case", "The the people" + tail, DoubledWord, 5},
		{"stranded preposition", "The commodity you were tired of; and though" + tail, StrayPunct, 0},
		{"clause after preposition", "The evil must be put an end to; and the choice rests" + tail, StrayPunct, 0},
		{"her the possessive", "England was never famous by land; her officers" + tail, StrayPunct, 0},
		{"inverted clause", "They will become cringing and artful; honest they cannot be" + tail, StrayPunct, 0},
		{"per cent", "To raise it cent. per cent. likewise in every case" + tail, StrayPunct, 0},
		{"sum in shillings", "The land tax at 1s. in the pound was paid" + tail, StrayPunct, 0},
		{"stray full stop", "The character of Sir William has undergone revolutions. since his arrival" + tail, StrayPunct, 55},
		{"question after a comma", "Then I ask, Hath your house been burnt and your property destroyed" + tail, Capital, 0},
		{"reverent He", "I cannot suppose that God Almighty will leave us, or that He has relinquished" + tail, Capital, 0},
		{"name with of", "The Battle of Bennington has put a thousand prisoners into our hands, and the battle" + tail, Capital, 0},
		{"number of things", "It is about 2000 francs, and the 1964 letter" + tail, Year, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Check("t.txt", lintText(tt.para), nil)
			var got []Finding
			for _, f := range fs {
				if f.Kind == tt.kind {
					got = append(got, f)
				}
			}
			if tt.col == 0 {
				if len(got) > 0 {
					t.Errorf("unexpected %s: %v", tt.kind, got)
				}
				return
			}
			if len(got) != 1 || got[0].Line != 5 || got[0].Col != tt.col {
				t.Errorf("want one %s at 5:%d, got %v (all: %v)", tt.kind, tt.col, got, fs)
			}
		})
	}
}

// TestLintCapitalElsewhere: a word capitalised once in mid-sentence but in
// lower case elsewhere is flagged; one capitalised more than once is a name
// the text uses (Party, Revolution) and is not.
func TestLintCapitalElsewhere(t *testing.T) {
	text := "Title\n\nTirana, 1964\n\n" +
		"The harvest was a Harvest of shame, the harvest of a year gone wrong for the workers of the region and beyond.\n\n" +
		"Our Party and the party of the workers, the great Party of the working class, met the party again for the last time.\n"
	var caps []Finding
	for _, f := range Check("t.txt", []byte(text), nil) {
		if f.Kind == Capital {
			caps = append(caps, f)
		}
	}
	if len(caps) != 1 || caps[0].Line != 5 || caps[0].Col != 19 {
		t.Errorf("capital findings = %v, want one at 5:19", caps)
	}
}

func TestLintPositions(t *testing.T) {
	// A BOM, CRLF line ends and a hard-wrapped paragraph: the column is
	// counted in characters on the line the finding stands on.
	text := "\ufeffTitle\r\n\r\nThe «Zëri» daily, and the wavering\r\nposition 01 revisionism of the whole movement that we know so well and fight.\r\n"
	fs := Check("t.txt", []byte(text), nil)
	if len(fs) != 1 || fs[0].Line != 4 || fs[0].Col != 10 || fs[0].Kind != DigitInWord {
		t.Fatalf("findings = %v, want one digit-in-word at 4:10", fs)
	}
	want := "t.txt:4:10: digit-in-word: “01” between words reads as a misread word (“of”?)"
	if fs[0].String() != want {
		t.Errorf("String() = %q, want %q", fs[0].String(), want)
	}
	fs = Check("t.txt", []byte("Zëri l0ve\n"), nil)
	if len(fs) != 1 || fs[0].Col != 6 {
		t.Errorf("column after a non-ASCII letter: %v, want 1:6", fs)
	}
}

func TestLintKnownEmendations(t *testing.T) {
	text := lintText("They begin «the real history in 1953. The wavering position 01 revisionism of the whole movement we fight.\n\n" +
		"He suggested the setting up of an international police force within the framework of the United Nations Organization\n\nand to become a gendarme of the imperialists in the whole world and for ever.")
	all := Check("t.txt", text, nil)
	if len(all) != 4 {
		t.Fatalf("without emendations: %v, want 4 findings", all)
	}
	known := []apparatus.Emendation{
		{Source: "position 01 revisionism", Reading: "position of revisionism"},
		{Source: "in 1953.", Reading: "in 1953»."},
		{Join: "United Nations Organization"},
	}
	if rest := Check("t.txt", text, known); len(rest) != 0 {
		t.Errorf("with emendations: %v, want none", rest)
	}
	if rest := Check("t.txt", text, known[:1]); len(rest) != 3 {
		t.Errorf("with one emendation: %v, want 3", rest)
	}
}

// TestOpenLetterEmendationsAnswerLint checks that the open letter's recorded
// emendations answer every finding of the lint on its copy-text, which has
// findings without them.
func TestOpenLetterEmendationsAnswerLint(t *testing.T) {
	book := filepath.Join("..", "..", "seeds", "open-letter-1964")
	data, err := os.ReadFile(filepath.Join(book, "source.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ems, err := apparatus.LoadEmendations(filepath.Join(book, "emendations.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if f := Check("source.txt", data, ems); len(f) != 0 {
		t.Errorf("lint still reports %d findings with the emendations known, first: %v", len(f), f[0])
	}
	if f := Check("source.txt", data, nil); len(f) == 0 {
		t.Error("lint reports nothing on the unemended letter")
	}
}

// TestLintConventions checks that what a text does throughout is its
// convention, not a defect, while the same thing once is reported.
func TestLintConventions(t *testing.T) {
	para := func(s string) string {
		return s + " and the rest of this sentence goes on for a while to make it long.\n\n"
	}
	kinds := func(text string) map[string]int {
		n := map[string]int{}
		for _, f := range Check("t.txt", []byte("A Title\n\nTirana, 1964\n\n"+text), nil) {
			n[f.Kind]++
		}
		return n
	}
	once := para("The international meeting, is not inspired by concern")
	thrice := once + para("The cause of America, is the cause of all mankind") + para("The summer soldier, will shrink from the service")
	if n := kinds(once)[BrokenSentence]; n != 1 {
		t.Errorf("one comma between subject and verb: %d findings, want 1", n)
	}
	if n := kinds(thrice)[BrokenSentence]; n != 0 {
		t.Errorf("the writer's own pointing, three times: %d findings, want 0", n)
	}
	nouns := para("The harvest was a Harvest of shame for the harvest") + para("The spring came, and the next Spring was worse than the spring") +
		para("Such tyranny, and such Tyranny again, is still tyranny")
	if n := kinds(nouns)[Capital]; n != 0 {
		t.Errorf("common nouns capitalised as the writer's style: %d findings, want 0", n)
	}
	if n := kinds(para("The harvest was a Harvest of shame for the harvest"))[Capital]; n != 1 {
		t.Errorf("one capitalised noun: %d findings, want 1", n)
	}
	odd := para(`He said "go and stay`)
	if n := kinds(odd)[UnbalancedQuote]; n != 1 {
		t.Errorf("one paragraph with an odd quote: %d findings, want 1", n)
	}
	if n := kinds(odd + odd + odd)[UnbalancedQuote]; n != 0 {
		t.Errorf("quotations run on without reopening throughout: %d findings, want 0", n)
	}
}

// TestLintOtherLanguages checks the rules on German and French text: the
// English rules are not applied, German quotation marks open with »,
// grammar's doubled words are not slips.
func TestLintOtherLanguages(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // kinds, in order; none for a clean text
	}{
		{"german quotes and nouns", "Ich saß vormittag 2 Stunden in den Anlagen am Teich und las im »Reichen Mann«. Die Sache ist brillant, sagte sie, »das muß ein feines Buch sein«.\n", nil},
		{"german doubled article", "Es war eine große Palette, auf der der Maler nach fleißiger Tagesarbeit seine Pinsel abwischte, und Sie kennen sie.\n", nil},
		{"german ordinal and time", "Tausend Dank für Ihre lieben Zeilen vom 10. und für die guten Gaben, die um 3,19 mit der Post kamen, wie immer.\n", nil},
		{"german compound with a number", "Da es dazu just nach einem 6tägigen Aufenthalt in den 60er Jahren kam, war es schön und gut.\n", nil},
		{"german unbalanced", "Sie sagte »das muß ein feines Buch sein und ging dann fort in den Garten, wo die Vögel sangen.\n", []string{UnbalancedQuote}},
		{"french reflexive", "Si même nous nous trompons, vous vous trompez aussi, et nous nous retrouverons devant le jury, messieurs, nous nous battons.\n", nil},
		{"french slip", "Il y a là, monsieur, une annotation au crayon qui ne ne paraît pas être de la même main que le reste.\n", []string{DoubledWord}},
		{"french inversion", "Que se passe-t-il donc pour que ce crime, qui, à un autre moment, a-t-on dit, soit oublié de tous?\n", nil},
		{"french elision", "Une feuille comme l'_Echo de Paris_, cette feuille littéraire, si répandue, publia le 1er mars la lettre.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range Check("t.txt", []byte("Titel\n\n"+tt.text), nil) {
				got = append(got, f.Kind)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("findings %v, want %v", Check("t.txt", []byte("Titel\n\n"+tt.text), nil), tt.want)
			}
		})
	}
}
