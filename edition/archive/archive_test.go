package archive

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/decode"
	"github.com/bindery-editions/bindery/edition/model"
)

var updateGolden = flag.Bool("update", false, "rewrite golden files under testdata/")

const openLetterPath = "../../seeds/open-letter-1964/source.txt"

func readOpenLetter(t *testing.T) ([]byte, *model.Source) {
	t.Helper()
	data, err := os.ReadFile(openLetterPath)
	if err != nil {
		t.Fatalf("the open letter's source: %v", err)
	}
	src, err := Read(openLetterPath, data)
	if err != nil {
		t.Fatal(err)
	}
	return data, src
}

func TestReadArchiveOpenLetter(t *testing.T) {
	data, src := readOpenLetter(t)
	lines := strings.Split(string(data), "\n")

	if want := []string{"An Open Letter", "To the Members of the Communist Party of the Soviet Union"}; !slices.Equal(src.Title, want) {
		t.Errorf("title = %q, want %q", src.Title, want)
	}
	if want := []string{"The «Naim Frasheri» State Publishing House", "Tirana, 1964"}; !slices.Equal(src.Imprint, want) {
		t.Errorf("imprint = %q, want %q", src.Imprint, want)
	}
	if len(src.Sections) != 5 {
		t.Fatalf("%d sections, want 5 (one per salutation)", len(src.Sections))
	}
	for i, s := range src.Sections {
		if len(s.Title) != 0 || s.Editorial {
			t.Errorf("section %d: title %q editorial=%v; the manifest supplies headings", i+1, s.PlainTitle(), s.Editorial)
		}
		if len(s.Blocks) < 2 || s.Blocks[0].Kind != model.Salutation || model.PlainText(s.Blocks[0].Inlines) != "Dear Comrades," {
			t.Errorf("section %d does not open with the salutation: %+v", i+1, s.Blocks[0])
		}
		if s.Blocks[1].Kind != model.Paragraph {
			t.Errorf("section %d: block after the salutation is %v", i+1, s.Blocks[1].Kind)
		}
		for j, b := range s.Blocks {
			if b.ID != "" {
				t.Errorf("section %d block %d has ID %q; the reader assigns none", i+1, j, b.ID)
			}
			if b.Line < 1 || b.Line > len(lines) || !strings.HasPrefix(lines[b.Line-1], archiveFirstWords(model.BlockText(&b), 3)) {
				t.Errorf("section %d block %d: line %d does not start with %q", i+1, j, b.Line, archiveFirstWords(model.BlockText(&b), 3))
			}
		}
	}
	last := src.Sections[4].Blocks
	n := len(last)
	if last[n-2].Kind != model.Signature || model.PlainText(last[n-2].Inlines) != "The Central Committee of the Party of Labor of Albania" {
		t.Errorf("signature = %v %q", last[n-2].Kind, model.PlainText(last[n-2].Inlines))
	}
	if last[n-1].Kind != model.Dateline || model.PlainText(last[n-1].Inlines) != "Tirana, October 5. 1964" {
		t.Errorf("dateline = %v %q", last[n-1].Kind, model.PlainText(last[n-1].Inlines))
	}
	if len(src.Trailer) != 1 || src.Trailer[0].Kind != model.Attribution ||
		!strings.HasPrefix(model.PlainText(src.Trailer[0].Inlines), "Reproduced from «Zeri Popullit» daily") {
		t.Errorf("trailer = %+v", src.Trailer)
	}
	if len(src.Dropped) != 1 || src.Dropped[0].Text != "Click here to return to the index of archival material." || src.Dropped[0].Reason == "" {
		t.Errorf("dropped = %+v", src.Dropped)
	}
	if len(src.Notes) != 0 || len(src.Warnings) != 0 {
		t.Errorf("notes %d, warnings %v; want none", len(src.Notes), src.Warnings)
	}

	// The two paragraphs the source breaks mid-sentence stay two: the
	// apparatus mends them, not the reader.
	paras := bodyParagraphs(src)
	for _, brk := range [][2]string{{"Eisenhower", "Kennedy, Johnson"}, {"United Nations Organization", "and to become"}} {
		found := false
		for i := 0; i+1 < len(paras); i++ {
			if strings.HasSuffix(strings.TrimSpace(paras[i]), brk[0]) && strings.HasPrefix(paras[i+1], brk[1]) {
				found = true
			}
		}
		if !found {
			t.Errorf("no paragraph ending %q followed by one starting %q", brk[0], brk[1])
		}
	}

	// Every body paragraph of the source is a body paragraph of the model,
	// verbatim, in order: the source's paragraphs are its long lines.
	var want []string
	for _, l := range lines {
		if len(l) > 80 {
			want = append(want, l)
		}
	}
	if !slices.Equal(paras, want) {
		t.Errorf("%d body paragraphs, want the source's %d long lines verbatim", len(paras), len(want))
	}
}

// TestReadArchiveOpenLetterGolden keeps the whole reading of the letter in
// a golden dump, so that any change to the reader shows as a diff.
func TestReadArchiveOpenLetterGolden(t *testing.T) {
	data, err := os.ReadFile(openLetterPath)
	if err != nil {
		t.Fatal(err)
	}
	got := archiveDumpOf(t, "source.txt", data)
	const golden = "testdata/open-letter-1964.golden"
	if *updateGolden {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("dump differs from %s (go test -update to accept)", golden)
	}
}

// TestReadArchiveOpenLetterWordCount checks that the body keeps every word:
// the source's words minus those of the lines that are not body (title,
// imprint, source line, dropped lines) are the body's words.
func TestReadArchiveOpenLetterWordCount(t *testing.T) {
	data, src := readOpenLetter(t)
	total := len(strings.Fields(string(data)))
	nonBody := 0
	for _, s := range append(append([]string{}, src.Title...), src.Imprint...) {
		nonBody += len(strings.Fields(s))
	}
	for _, b := range src.Trailer {
		nonBody += len(strings.Fields(model.BlockText(&b)))
	}
	for _, d := range src.Dropped {
		nonBody += len(strings.Fields(d.Text))
	}
	body := 0
	for _, s := range src.Sections {
		for _, b := range s.Blocks {
			body += len(strings.Fields(model.BlockText(&b)))
		}
	}
	if body != total-nonBody || body < 10000 {
		t.Errorf("body has %d words; source %d minus non-body %d = %d", body, total, nonBody, total-nonBody)
	}
}

func TestReadArchiveLineEndings(t *testing.T) {
	const text = "A Short Title\n\nDear Friends,\n\nThe first paragraph is\nwrapped over two lines.\n\nThe second one is not.\n\nThe Committee\n"
	want := archiveDumpOf(t, "x.txt", []byte(text))
	for _, tc := range []struct{ name, text string }{
		{"crlf", strings.ReplaceAll(text, "\n", "\r\n")},
		{"cr", strings.ReplaceAll(text, "\n", "\r")},
		{"bom", "\uFEFF" + text},
		{"bom+crlf", "\uFEFF" + strings.ReplaceAll(text, "\n", "\r\n")},
		{"no final newline", strings.TrimSuffix(text, "\n")},
		{"trailing spaces and tabs", strings.ReplaceAll(text, "\n", " \t\n")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := archiveDumpOf(t, "x.txt", []byte(tc.text)); got != want {
				t.Errorf("dump differs from the LF text:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	if !strings.Contains(want, "5 para: The first paragraph is wrapped over two lines.") {
		t.Errorf("hard-wrapped paragraph not joined:\n%s", want)
	}
}

func TestReadArchiveParagraphs(t *testing.T) {
	// Five wrapped lines at about 60 columns set the wrap width.
	wrapped := "It was the custom of the district to hold the meeting in the\n" +
		"school, because the school was the only room large enough and\n" +
		"the only one with a stove that worked in the winter months.\n"
	for _, tc := range []struct {
		name string
		text string
		want []string // paragraphs, plain text; "\n" is a line break
	}{
		{"blank lines", "One para here.\n\nTwo para here.\n", []string{"One para here.", "Two para here."}},
		{"wrapped", wrapped, []string{strings.ReplaceAll(strings.TrimSpace(wrapped), "\n", " ")}},
		{"indented paragraphs without blank lines",
			wrapped + "    Then the stove broke, and the meeting went to the hall of the\n" +
				"co-operative, where it has been ever since that winter.\n",
			[]string{strings.ReplaceAll(strings.TrimSpace(wrapped), "\n", " "),
				"Then the stove broke, and the meeting went to the hall of the co-operative, where it has been ever since that winter."}},
		{"short last line without blank line",
			wrapped + "Nobody minded.\nThe hall was warmer than the school had ever been, and the beer\n" +
				"was cheaper too, which carried the vote without a debate.\n",
			[]string{strings.ReplaceAll(strings.TrimSpace(wrapped), "\n", " ") + " Nobody minded.",
				"The hall was warmer than the school had ever been, and the beer was cheaper too, which carried the vote without a debate."}},
		{"hyphen at line end kept",
			wrapped + "\nThe speakers came from the capital, and the meeting heard the well-\nknown voice of the old secretary, whom the half-\nstarved audience in the hall cheered for a good five minutes -\nsome said ten - before he could begin.\n",
			[]string{strings.ReplaceAll(strings.TrimSpace(wrapped), "\n", " "),
				"The speakers came from the capital, and the meeting heard the well-known voice of the old secretary, whom the half-starved audience in the hall cheered for a good five minutes - some said ten - before he could begin."}},
		{"one line per paragraph, short lines kept as lines",
			"A paragraph that is long enough to be a paragraph on its own, written as web archives write, without any wrapping at all.\n" +
				"Another such paragraph follows at once, with no blank line before it and no indentation either, as happens in such files.\n\n" +
				"Workers of all lands,\nunite in one union.\n",
			[]string{"A paragraph that is long enough to be a paragraph on its own, written as web archives write, without any wrapping at all.",
				"Another such paragraph follows at once, with no blank line before it and no indentation either, as happens in such files.",
				"Workers of all lands,\nunite in one union."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := Read("x.txt", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range src.Sections {
				for _, b := range s.Blocks {
					got = append(got, archiveBreakText(b.Inlines))
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("paragraphs:\n%q\nwant:\n%q", got, tc.want)
			}
		})
	}
}

func TestReadArchiveTopAndSalutation(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // kind: text, in order, of the first section
	}{
		{"dateline then salutation", "Moscow, March 3, 1921\n\nDear Comrades,\n\nWe write to you today about the harvest in our district.\n",
			[]string{"dateline: Moscow, March 3, 1921", "salutation: Dear Comrades,", "para: We write to you today about the harvest in our district."}},
		{"salutation at the top", "Comrades!\n\nWe write to you today about the harvest in our district.\n",
			[]string{"salutation: Comrades!", "para: We write to you today about the harvest in our district."}},
		{"run-in salutation", "Comrades: A Russian proverb says the wolf is fed by its feet.\n",
			[]string{"salutation: Comrades:", "para: A Russian proverb says the wolf is fed by its feet."}},
		{"right-aligned dateline", "                              Paris, 12 May 1871\n\nDear Citizens,\n\nThe barricades hold.\n",
			[]string{"dateline: Paris, 12 May 1871", "salutation: Dear Citizens,", "para: The barricades hold."}},
		{"vocative comma is not run in", "Comrades, the regime stands.\n",
			[]string{"para: Comrades, the regime stands."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := Read("x.txt", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range src.Sections[0].Blocks {
				got = append(got, b.Kind.String()+": "+model.PlainText(b.Inlines))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestReadArchiveInlines(t *testing.T) {
	text := "The _Sanitary Record_ and snake_case_name and a _lone underscore.\n\nAs shown before.[1] And [7] is no note.\n\nNotes\n\n[1] A note with _emphasis_.\n"
	src, err := Read("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := model.DumpSections(&b, src.Sections); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"The {emph:Sanitary Record} and snake_case_name and a _lone underscore.",
		"As shown before.{ref n1:1} And [7] is no note.",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("dump lacks %q:\n%s", want, b.String())
		}
	}
	if len(src.Notes) != 1 || src.Notes[0].ID != "n1" || model.DumpInlines(src.Notes[0].Inlines) != "A note with {emph:emphasis}." {
		t.Errorf("notes = %+v", src.Notes)
	}
	if len(src.Warnings) != 1 || !strings.Contains(src.Warnings[0].Message, "[7]") {
		t.Errorf("warnings = %v, want one about [7]", src.Warnings)
	}
}

func TestReadArchiveNotesWithoutBlankLines(t *testing.T) {
	text := "The first claim rests on the report of the inspector for the year,[1]\n" +
		"and the second on the figures the Council itself printed last spring[2]\n" +
		"in the annual abstract, which nobody at the meeting cared to dispute.\n\n" +
		"[1] Report of the Inspector of Nuisances, the whole of the second part.\n" +
		"[2] Annual Abstract of the Borough, the tables on housing in the wards.\n"
	src, err := Read("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Notes) != 2 || src.Notes[1].ID != "n2" || src.Notes[1].Line != 6 {
		t.Fatalf("notes = %+v", src.Notes)
	}
	if n := len(src.Warnings); n != 0 {
		t.Errorf("warnings %v", src.Warnings)
	}
}

func TestReadArchiveSourceFields(t *testing.T) {
	text := "Speech at the Meeting of Railway Workers\n\n" +
		"Written: 12 April 1920\nSource: Collected Works, Volume 30, pages 502-503\n" +
		"First Published: Pravda No. 80, April 14, 1920\nTranscription/Markup: Volunteer\n\n" +
		"Comrades, I greet you on behalf of the Council. The railways are the\n" +
		"arteries of the republic, and every hour a train stands idle is an hour\n" +
		"lost to the whole country, to every town and every village in it.\n\nTop of the page\n"
	src, err := Read("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range src.Trailer {
		got = append(got, fmt.Sprintf("%d %s", b.Line, model.PlainText(b.Inlines)))
	}
	want := []string{"3 Written: 12 April 1920", "4 Source: Collected Works, Volume 30, pages 502-503",
		"5 First Published: Pravda No. 80, April 14, 1920", "6 Transcription/Markup: Volunteer"}
	if !slices.Equal(got, want) {
		t.Errorf("trailer %q, want %q", got, want)
	}
	if len(src.Sections) != 1 || len(src.Sections[0].Blocks) != 1 || len(src.Dropped) != 1 {
		t.Errorf("sections %+v dropped %+v", src.Sections, src.Dropped)
	}
}

func TestReadArchiveImprint(t *testing.T) {
	text := "THE HOUSING QUESTION\n\nLONDON: WILLIAM REEVES, 1890\n\nThe text begins here and goes on.\n"
	src, err := Read("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(src.Title, []string{"THE HOUSING QUESTION"}) || !slices.Equal(src.Imprint, []string{"LONDON: WILLIAM REEVES, 1890"}) {
		t.Errorf("title %q imprint %q", src.Title, src.Imprint)
	}
}

func TestReadArchiveErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		is   error
		msg  string
	}{
		{"empty", nil, decode.ErrEmpty, "x.txt: empty source file"},
		{"blank", []byte("\uFEFF \r\n\t\n"), decode.ErrEmpty, "x.txt: "},
		{"bom only", []byte("\uFEFF"), decode.ErrEmpty, "x.txt: empty"},
		{"binary", []byte("PK\x03\x04\x00\x00abc"), decode.ErrBinary, "x.txt: byte offset 4: "},
		{"not utf-8, encoding undecidable", []byte("Good line\nbad \xb0\xb1\xb2\n"), decode.ErrUnknownEncoding, "x.txt: byte offset 14 (line 2): not UTF-8"},
		{"undefined windows-1252 bytes", []byte("ends in \x8d\x81"), decode.ErrUnknownEncoding, "x.txt: byte offset 8 (line 1)"},
		{"too large", bytes.Repeat([]byte("word "), decode.MaxSize/5+1), decode.ErrTooLarge, "x.txt: 52428805 bytes: "},
		{"no body", []byte("Click here to return to the index.\n\nHome\n"), decode.ErrNoBody, "x.txt: no body text found"},
		{"a saved Web page", []byte("<!DOCTYPE html>\n<html><body><p>Dear comrades,</p></body></html>\n"), decode.ErrHTMLPage, "x.txt: an HTML page, not plain text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := Read("x.txt", tc.data)
			if err == nil {
				t.Fatalf("no error; read %d sections", len(src.Sections))
			}
			if !errors.Is(err, tc.is) || !strings.HasPrefix(err.Error(), tc.msg) {
				t.Errorf("error %q (is %v: %v), want prefix %q", err, tc.is, errors.Is(err, tc.is), tc.msg)
			}
		})
	}
}

func TestReadArchiveControlCharacters(t *testing.T) {
	src, err := Read("x.txt", []byte("Bell\x07 in the text.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := model.PlainText(src.Sections[0].Blocks[0].Inlines); got != "Bell in the text." {
		t.Errorf("text %q", got)
	}
	if len(src.Warnings) != 1 || src.Warnings[0].Line != 1 {
		t.Errorf("warnings %v", src.Warnings)
	}
}

// fixtureExpect is what each fixture must read into, beyond its golden dump.
var fixtureExpect = map[string]struct {
	title    []string
	sections []string // section titles
	first    []string // kinds of the first section's leading blocks
	last     []string // kinds of the last section's closing blocks
	notes    int
	trailer  int
	dropped  map[model.ChangeKind]int // kind → lines
}{
	"gutenberg": {
		title: []string{"A PLEA FOR THE WORKSHOPS", "by Thomas Ashdown"}, sections: []string{"CHAPTER I THE MASTERS", "CHAPTER II THE MEN"},
		first: []string{"para"}, last: []string{"para", "centered"}, trailer: 1, dropped: map[model.ChangeKind]int{model.GutenbergBoilerplate: 18, model.TableOfContents: 3},
	},
	"speech": {
		title: []string{"SPEECH TO THE DELEGATES OF THE TEXTILE WORKERS' CONGRESS"}, sections: []string{""},
		first: []string{"dateline", "salutation", "para", "para", "para", "para", "para", "para", "para"}, last: []string{"para"},
	},
	"letter": {
		sections: []string{""}, first: []string{"dateline", "salutation", "para", "para", "para"}, last: []string{"para", "signature"},
		dropped: map[model.ChangeKind]int{model.Advertisement: 4},
	},
	"notes": {
		title:    []string{"ON THE HOUSING QUESTION IN OUR TOWNS", "A Report to the Trades Council"},
		sections: []string{"I.", "II. THE LANDLORDS", "III"}, first: []string{"para"}, last: []string{"para"},
		notes: 2, trailer: 1, dropped: map[model.ChangeKind]int{model.WebNavigation: 3, model.NotesHeading: 1},
	},
}

func TestReadArchiveFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) < len(fixtureExpect) {
		t.Fatalf("fixtures: %v %v", files, err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src, err := Read(name+".txt", data)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := model.Dump(&b, src); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *updateGolden {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if b.String() != string(want) {
				t.Errorf("dump differs from %s (go test -update to accept):\n%s", golden, b.String())
			}
			checkNothingLost(t, data, src)

			exp, ok := fixtureExpect[name]
			if !ok {
				return
			}
			if !slices.Equal(src.Title, exp.title) {
				t.Errorf("title %q, want %q", src.Title, exp.title)
			}
			var titles []string
			for _, s := range src.Sections {
				titles = append(titles, s.PlainTitle())
			}
			if !slices.Equal(titles, exp.sections) {
				t.Fatalf("sections %q, want %q", titles, exp.sections)
			}
			first := src.Sections[0].Blocks
			if got := archiveKinds(first[:min(len(exp.first), len(first))]); !slices.Equal(got, exp.first) {
				t.Errorf("first section opens %q, want %q", got, exp.first)
			}
			last := src.Sections[len(src.Sections)-1].Blocks
			if got := archiveKinds(last[max(0, len(last)-len(exp.last)):]); !slices.Equal(got, exp.last) {
				t.Errorf("last section closes %q, want %q", got, exp.last)
			}
			if len(src.Notes) != exp.notes || len(src.Trailer) != exp.trailer {
				t.Errorf("%d notes, %d trailer blocks; want %d, %d", len(src.Notes), len(src.Trailer), exp.notes, exp.trailer)
			}
			dropped := map[model.ChangeKind]int{}
			for _, d := range src.Dropped {
				dropped[d.Reason]++
			}
			if len(dropped) != len(exp.dropped) {
				t.Errorf("dropped %v, want %v", dropped, exp.dropped)
			}
			for k, v := range exp.dropped {
				if dropped[k] != v {
					t.Errorf("dropped %v, want %v", dropped, exp.dropped)
				}
			}
			for _, s := range src.Sections {
				for _, b := range s.Blocks {
					if txt := model.BlockText(&b); archiveBoilerplate.MatchString(txt) {
						t.Errorf("archiveBoilerplate left in the body: %q", txt)
					}
				}
			}
		})
	}
}

var archiveBoilerplate = regexp.MustCompile(`(?i)gutenberg|click here|back to index|price \d|^home$`)

// checkNothingLost compares the words of the source's lines, less the
// dropped ones, with the words of everything the reader kept: the same
// words, as many times each.
func checkNothingLost(t *testing.T, data []byte, src *model.Source) {
	t.Helper()
	text := strings.TrimPrefix(string(data), "\uFEFF")
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n")
	dropped := map[int]bool{}
	for _, d := range src.Dropped {
		dropped[d.Line] = true
	}
	var in []string
	for i, l := range lines {
		if !dropped[i+1] {
			in = append(in, l)
		}
	}
	var out []string
	out = append(out, src.Title...)
	out = append(out, src.Imprint...)
	var walk func(bs []model.Block)
	walk = func(bs []model.Block) {
		for _, b := range bs {
			out = append(out, b.Attr.Get("mark"), archiveInlineWords(b.Inlines))
			walk(b.Children)
		}
	}
	for _, s := range src.Sections {
		out = append(out, archiveInlineWords(s.Title))
		walk(s.Blocks)
	}
	walk(src.Trailer)
	walk(src.Notes)
	a, b := archiveWordBag(strings.Join(in, "\n")), archiveWordBag(strings.Join(out, "\n"))
	if strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("words differ: source less dropped lines has %d, model %d\n%s", len(a), len(b), archiveBagDiff(a, b))
	}
}

// archiveInlineWords flattens inlines including note reference marks.
func archiveInlineWords(ins []model.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch in.Kind {
		case model.Text, model.Code, model.NoteRef:
			b.WriteString(" " + in.Text + " ")
		default:
			b.WriteString(" " + archiveInlineWords(in.Children) + " ")
		}
	}
	return b.String()
}

var archiveWordRe = regexp.MustCompile(`[\p{L}\p{N}]+`)

func archiveWordBag(s string) []string {
	w := archiveWordRe.FindAllString(strings.ToLower(s), -1)
	sort.Strings(w)
	return w
}

func archiveKinds(bs []model.Block) []string {
	var k []string
	for _, b := range bs {
		k = append(k, b.Kind.String())
	}
	return k
}

func bodyParagraphs(src *model.Source) []string {
	var p []string
	for _, s := range src.Sections {
		for _, b := range s.Blocks {
			if b.Kind == model.Paragraph {
				p = append(p, model.PlainText(b.Inlines))
			}
		}
	}
	return p
}

// archiveBreakText is PlainText with line breaks as "\n".
func archiveBreakText(ins []model.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch in.Kind {
		case model.LineBreak:
			b.WriteString("\n")
		case model.Text:
			b.WriteString(in.Text)
		default:
			b.WriteString(archiveBreakText(in.Children))
		}
	}
	return b.String()
}

func archiveDumpOf(t *testing.T, file string, data []byte) string {
	t.Helper()
	src, err := Read(file, data)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := model.Dump(&b, src); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func archiveFirstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// archiveBagDiff lists the words of a missing from b and of b missing from a.
func archiveBagDiff(a, b []string) string {
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	for _, w := range b {
		count[w]--
	}
	var d []string
	for w, n := range count {
		if n != 0 {
			d = append(d, fmt.Sprintf("%s:%+d", w, n))
		}
	}
	sort.Strings(d)
	return strings.Join(d, " ")
}
