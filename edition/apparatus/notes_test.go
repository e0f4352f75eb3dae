package apparatus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/archive"
	"github.com/bindery-editions/bindery/edition/model"
)

const testNotesYAML = `sources:
  - key: griffith1963
    cite: "William E. Griffith, *Albania and the Sino-Soviet Rift* (MIT Press, 1963)."
  - key: bse
    cite: "*Great Soviet Encyclopedia*, 3rd ed. (Moscow, 1970–1978)."
  - key: hamm
    cite: "Harry Hamm, *Albania: China's Beachhead in Europe* (Praeger, 1963)."
    short: "Hamm"
notes:
  - phrase: "Tito"
    text: "Josip Broz Tito (1892–1980), leader of *Yugoslavia*."
    sources: [{key: griffith1963, pages: "45–47"}, hamm]
  - phrase: "Adjubey"
    text: "Alexei Adzhubei, editor of *Izvestia*."
    sources: [bse]
  - phrase: "the Party"
    occurrence: 2
    text: "The second mention."
`

func noteSections() []model.Section {
	return []model.Section{
		{Blocks: []model.Block{
			para(1, model.Str("The writings by Adjubey and the Party are trusted.")),
			para(3, model.Str("Titoite Yugoslavia; "), emph("the Party"), model.Str(" and Tito’s clique.")),
		}},
		{Blocks: []model.Block{
			para(5, model.Str("Kautzky, Trotzky, Tito and Gjilas.")),
		}},
	}
}

func TestAttachNotes(t *testing.T) {
	ns, err := ParseNotes("notes.yaml", []byte(testNotesYAML))
	if err != nil {
		t.Fatal(err)
	}
	secs := noteSections()
	notes, err := AttachNotes(secs, ns)
	if err != nil {
		t.Fatal(err)
	}
	// Numbered in reading order, not file order: Adjubey (paragraph 1),
	// the Party's second occurrence (paragraph 2, inside the emphasis),
	// then Tito as a whole word (Titoite is not Tito).
	p1 := secs[0].Blocks[0].Inlines
	if len(p1) != 3 || p1[0].Text != "The writings by Adjubey" || p1[1].Kind != model.NoteRef || p1[1].Target != "note-1" || p1[1].Text != "1" {
		t.Errorf("paragraph 1 = %+v", p1)
	}
	p2 := secs[0].Blocks[1].Inlines
	// The mark after an emphasised phrase goes after the emphasis.
	if len(p2) < 3 || p2[1].Kind != model.Emph || p2[2].Kind != model.NoteRef || p2[2].Target != "note-2" {
		t.Errorf("paragraph 2 = %+v", p2)
	}
	if got := model.PlainText(p2); got != "Titoite Yugoslavia; the Party and Tito’s clique." {
		t.Errorf("paragraph 2 text changed: %q", got)
	}
	var marks []string
	for _, in := range p2 {
		if in.Kind == model.NoteRef {
			marks = append(marks, in.Text)
		}
	}
	if strings.Join(marks, ",") != "2,3" {
		t.Errorf("paragraph 2 marks = %v, want 2,3", marks)
	}
	if len(notes) != 3 {
		t.Fatalf("%d notes, want 3", len(notes))
	}
	for i, n := range notes {
		if n.Kind != model.Note || n.ID != NoteID(i+1) {
			t.Errorf("note %d = kind %v id %q", i+1, n.Kind, n.ID)
		}
	}
	if got := model.PlainText(notes[0].Inlines); got != "Alexei Adzhubei, editor of Izvestia. Source: Great Soviet Encyclopedia 1978." {
		t.Errorf("note 1 = %q", got)
	}
	if got := model.PlainText(notes[2].Inlines); got != "Josip Broz Tito (1892–1980), leader of Yugoslavia. Sources: Griffith 1963, 45–47; Hamm." {
		t.Errorf("note 3 = %q", got)
	}
	if notes[2].Inlines[1].Kind != model.Emph {
		t.Errorf("note 3 italics lost: %+v", notes[2].Inlines)
	}
	// Each short citation links to its work's entry in the Works Cited;
	// the pages follow the link.
	var links []string
	for _, in := range notes[2].Inlines {
		if in.Kind == model.Link {
			links = append(links, in.Target+" "+model.PlainText(in.Children))
		}
	}
	if want := []string{"#source-griffith1963 Griffith 1963", "#source-hamm Hamm"}; strings.Join(links, "|") != strings.Join(want, "|") {
		t.Errorf("note 3 links %q, want %q", links, want)
	}
}

func TestNotesErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown source", "notes:\n  - phrase: Tito\n    text: x\n    sources: [nobody]\n", "notes.yaml:4:15: note on \"Tito\" cites unknown source \"nobody\""},
		{"no text", "notes:\n  - phrase: Tito\n", "notes.yaml:2:5: a note needs a phrase and a text"},
		{"unknown key", "notes:\n  - phrase: Tito\n    txt: x\n", "notes.yaml:3:5: unknown key \"notes[0].txt\" (did you mean \"text\"?)"},
		{"duplicate source", "sources:\n  - {key: a, cite: A}\n  - {key: a, cite: B}\n", "notes.yaml:3:11: source key \"a\" already used on line 2"},
		{"top level", "- phrase: x\n", "notes.yaml:1:1: the file: expected a mapping"},
		{"every problem", "notes:\n  - phrase: A\n  - text: B\n    ocurrence: 2\n", "notes.yaml:4:5: unknown key \"notes[1].ocurrence\" (did you mean \"occurrence\"?)"},
		{"not a language", "notes:\n  - phrase: Tito\n    text: The word [morze]{lang=Polish!} means sea.\n", "notes.yaml:3:11: \"Polish!\" is not a language tag"},
		{"half a marking", "notes:\n  - phrase: Tito\n    text: The word [morze]{lang pl} means sea.\n", "notes.yaml:3:11: \"[morze]{lang pl}\" is not a phrase marked with its language"},
		{"in a citation", "sources:\n  - {key: a, cite: \"[Zëri]{lang=} 1964\"}\n", "notes.yaml:2:20: \"[Zëri]{lang=}\" is not a phrase marked with its language"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseNotes("notes.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}

	attach := []struct {
		name, yaml, want string
	}{
		{"not found", "notes:\n  - phrase: Stalin\n    text: x\n", "notes.yaml:2: note phrase \"Stalin\" not found in the text"},
		{"part of a word only", "notes:\n  - phrase: Titoit\n    text: x\n", "not found"},
		{"too few", "notes:\n  - phrase: Tito\n    occurrence: 3\n    text: x\n", "notes.yaml:2: note phrase \"Tito\" occurs 2 times, not 3"},
	}
	for _, tt := range attach {
		t.Run(tt.name, func(t *testing.T) {
			ns, err := ParseNotes("notes.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			_, err = AttachNotes(noteSections(), ns)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestShortForm(t *testing.T) {
	tests := []struct {
		src  NoteSource
		want string
	}{
		{NoteSource{Cite: "William E. Griffith, *Albania and the Sino-Soviet Rift* (MIT Press, 1963)."}, "Griffith 1963"},
		{NoteSource{Cite: "*Keesing's Contemporary Archives*, vol. 14 (1964)."}, "Keesing's Contemporary Archives 1964"},
		{NoteSource{Cite: "Nobody, untitled."}, "Nobody"},
		{NoteSource{Key: "k", Cite: "Doe, *T* (1999).", Short: "Doe"}, "Doe"},
	}
	for _, tt := range tests {
		if got := tt.src.ShortForm(); got != tt.want {
			t.Errorf("ShortForm(%q) = %q, want %q", tt.src.Cite, got, tt.want)
		}
	}
}

// TestWorksCited checks the order of a bibliography: by surname, or by
// title where there is no author, an opening article and accents ignored.
func TestWorksCited(t *testing.T) {
	ns, err := ParseNotes("notes.yaml", []byte(`sources:
  - key: press
    cite: "*The Press* (Christchurch), 2 March 1965."
  - key: luz
    cite: "Luz, Ana, *A Study* (2001)."
  - key: luthi
    cite: "Lüthi, Lorenz M., *The Sino-Soviet Split* (2008)."
  - key: gse
    cite: "*Great Soviet Encyclopedia* (1973–1983)."
  - key: griffith
    cite: "Griffith, William E., *Albania and the Sino-Soviet Rift* (1963)."
  - key: pla
    cite: "*The Party of Labor of Albania in Battle with Modern Revisionism* (1972)."
`))
	if err != nil {
		t.Fatal(err)
	}
	sec, ok := WorksCited(ns)
	if !ok || sec.ID != WorksCitedID || !sec.Editorial {
		t.Fatalf("WorksCited = %+v, %v", sec, ok)
	}
	var ids []string
	for _, b := range sec.Blocks {
		ids = append(ids, b.ID)
	}
	if got, want := strings.Join(ids, " "), "source-gse source-griffith source-luthi source-luz source-pla source-press"; got != want {
		t.Errorf("order = %s\nwant    %s", got, want)
	}
	if sec.Blocks[0].Inlines[0].Kind != model.Emph {
		t.Errorf("title not italic: %+v", sec.Blocks[0].Inlines)
	}
	if _, ok := WorksCited(&NoteSet{}); ok {
		t.Error("a Works Cited with no works")
	}
}

// TestLinkCitations checks that the introduction's short citations link
// to their works, as whole words, leaving links and unknown names alone.
func TestLinkCitations(t *testing.T) {
	ns, err := ParseNotes("notes.yaml", []byte(testNotesYAML))
	if err != nil {
		t.Fatal(err)
	}
	secs := []model.Section{{Blocks: []model.Block{
		para(1, model.Str("As shown (Griffith 1963; Hamm), and not in Griffith 19634 nor Hammer."), emph(" See Hamm.")),
		para(2, model.Inline{Kind: model.Link, Target: "https://example.org", Children: []model.Inline{model.Str("Hamm")}}),
	}}}
	LinkCitations(secs, ns)
	var links []string
	var walk func([]model.Inline)
	walk = func(ins []model.Inline) {
		for _, in := range ins {
			if in.Kind == model.Link {
				links = append(links, in.Target+" "+model.PlainText(in.Children))
				continue
			}
			walk(in.Children)
		}
	}
	for _, b := range secs[0].Blocks {
		walk(b.Inlines)
	}
	want := []string{"#source-griffith1963 Griffith 1963", "#source-hamm Hamm", "#source-hamm Hamm", "https://example.org Hamm"}
	if strings.Join(links, "|") != strings.Join(want, "|") {
		t.Errorf("links %q\nwant  %q", links, want)
	}
	if got := model.PlainText(secs[0].Blocks[0].Inlines); got != "As shown (Griffith 1963; Hamm), and not in Griffith 19634 nor Hammer. See Hamm." {
		t.Errorf("text changed: %q", got)
	}
}

// TestParseInlineMarkup reads the notes file's markup: italics, phrases
// marked with their language, either inside the other, and what is left
// as written.
func TestParseInlineMarkup(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a *b* c * d", "a |*b*| c * d"},
		{"the sea, [θάλασσα]{lang=el}.", "the sea, |el[θάλασσα]|."},
		{"[*Zëri i Popullit*]{lang=sq} and *[Trybuna Ludu]{lang=pl}*", "sq[*Zëri i Popullit*]| and |*pl[Trybuna Ludu]*"},
		{`[a [b] c]{lang="ru"}`, "ru[a [b] c]"},
		{"[no language] and [x]{.class} and [y]{lang=}", "[no language] and [x]{.class} and [y]{lang=}"},
		{"[unclosed]{lang=pl", "[unclosed]{lang=pl"},
		{"", ""},
	} {
		if got := markupDump(parseInlineMarkup(tc.in)); got != tc.want {
			t.Errorf("parseInlineMarkup(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// markupDump writes inlines back in a compact form: runs parted by "|",
// italics in asterisks, a marked phrase as its tag and brackets.
func markupDump(ins []model.Inline) string {
	var parts []string
	for _, in := range ins {
		switch in.Kind {
		case model.Text:
			parts = append(parts, in.Text)
		case model.Emph:
			parts = append(parts, "*"+markupDump(in.Children)+"*")
		case model.Span:
			parts = append(parts, in.Attr.Get("lang")+"["+markupDump(in.Children)+"]")
		}
	}
	return strings.Join(parts, "|")
}

// TestOpenLetterNotes attaches the open letter's notes, when its notes file
// exists, to its emended text: every phrase must be found.
func TestOpenLetterNotes(t *testing.T) {
	book := filepath.Join("..", "..", "seeds", "open-letter-1964")
	if _, err := os.Stat(filepath.Join(book, "notes.yaml")); err != nil {
		t.Fatalf("the open letter's notes: %v", err)
	}
	ns, err := LoadNotes(filepath.Join(book, "notes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(book, "source.txt"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := archive.Read("source.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	ems, err := LoadEmendations(filepath.Join(book, "emendations.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ApplyEmendations(withTrailer(src), ems); err != nil {
		t.Fatal(err)
	}
	notes, err := AttachNotes(src.Sections, ns)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != len(ns.Notes) {
		t.Errorf("%d notes attached, want %d", len(notes), len(ns.Notes))
	}
}

func TestMarkAfter(t *testing.T) {
	tests := []struct {
		text, phrase, want string // want: the text before the mark
	}{
		{"N. Khrushchev’s group", "Khrushchev", "N. Khrushchev’s"},
		{"N. Khrushchev's group", "Khrushchev", "N. Khrushchev's"},
		{"the 22nd Congress. Then", "Congress", "the 22nd Congress."},
		{"«Zeri i Popullit» daily", "Zeri i Popullit", "«Zeri i Popullit»"},
		{"Tito, Kardelj", "Tito", "Tito,"},
		{"Tito’sville", "Tito", "Tito"}, // not a possessive: the word goes on
		{"Tito — and", "Tito", "Tito"},  // never after a dash
	}
	for _, tt := range tests {
		end := markAfter(tt.text, strings.Index(tt.text, tt.phrase)+len(tt.phrase))
		if got := tt.text[:end]; got != tt.want {
			t.Errorf("markAfter(%q, %q) places the mark after %q, want after %q", tt.text, tt.phrase, got, tt.want)
		}
	}
}

// TestNoteWarnings checks that a note stating a year later than all its
// works is reported, that a later work cited beside them answers it, and
// that notes citing nothing are counted, glosses aside.
func TestNoteWarnings(t *testing.T) {
	ns, err := ParseNotes("notes.yaml", []byte(`sources:
  - key: scammell1984
    cite: "Scammell, Michael, *Solzhenitsyn* (1984)."
  - key: nyt2008
    cite: "*New York Times*, 4 August 2008."
notes:
  - phrase: "Soldjenichin"
    text: "Aleksandr Solzhenitsyn (1918–2008)."
    sources: [scammell1984]
  - phrase: "Tito"
    text: "Josip Broz Tito (1892–1980)."
  - phrase: "Gjilas"
    text: "Milovan Djilas (1911–1995)."
  - phrase: "Pan"
    text: "Polish: “lord”."
    gloss: true
`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range ns.Warnings() {
		got = append(got, w.String())
	}
	want := []string{
		`notes.yaml:7: the note on "Soldjenichin" states 2008, later than any work it cites (the latest is of 1984): cite a work that can support it`,
		`notes.yaml: 2 of 4 notes cite no work (the notes at lines 10, 12)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	ns.Notes[0].Sources = append(ns.Notes[0].Sources, Citation{Key: "nyt2008"})
	ns.Notes = ns.Notes[:1]
	if ws := ns.Warnings(); len(ws) != 0 {
		t.Errorf("a note with a later work cited: %v", ws)
	}
}
