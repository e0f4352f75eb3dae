package printing

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"

	"github.com/bindery-editions/bindery/layout/document"
)

func TestSpansOf(t *testing.T) {
	tests := []struct {
		name string
		in   []model.Inline
		want []document.Span
	}{
		{"plain", []model.Inline{model.Str("a b")}, []document.Span{{Text: "a b"}}},
		{"emphasis", []model.Inline{model.Str("a "), {Kind: model.Emph, Children: []model.Inline{model.Str("b")}}},
			[]document.Span{{Text: "a "}, {Text: "b", Style: document.Italic}}},
		{"emphasis inside emphasis turns roman",
			[]model.Inline{{Kind: model.Emph, Children: []model.Inline{model.Str("a "), {Kind: model.Emph, Children: []model.Inline{model.Str("b")}}}}},
			[]document.Span{{Text: "a ", Style: document.Italic}, {Text: "b", Style: document.Roman}}},
		{"strong emphasis", []model.Inline{{Kind: model.Strong, Children: []model.Inline{{Kind: model.Emph, Children: []model.Inline{model.Str("x")}}}}},
			[]document.Span{{Text: "x", Style: document.BoldItalic}}},
		{"note reference", []model.Inline{model.Str("word"), {Kind: model.NoteRef, Text: "3", Target: "note-3"}},
			[]document.Span{{Text: "word"}, {Text: "3", Super: true, Mark: true, Link: "#note-3"}}},
		{"link", []model.Inline{{Kind: model.Link, Target: "https://example.org", Children: []model.Inline{model.Str("here")}}},
			[]document.Span{{Text: "here", Link: "https://example.org"}}},
		{"code in the monospaced face, also inside emphasis",
			[]model.Inline{{Kind: model.Code, Text: "x := 1"}, {Kind: model.Emph, Children: []model.Inline{model.Str("see "), {Kind: model.Code, Text: "go"}}}},
			[]document.Span{{Text: "x := 1", Style: document.Mono}, {Text: "see ", Style: document.Italic}, {Text: "go", Style: document.Mono}}},
		{"phrase in another language", []model.Inline{model.Str("the sea, "), lang("el", model.Str("η "), emph(model.Str("θάλασσα"))), model.Str(".")},
			[]document.Span{{Text: "the sea, "}, {Text: "η ", Lang: "el"}, {Text: "θάλασσα", Style: document.Italic, Lang: "el"}, {Text: "."}}},
		{"a phrase inside a phrase", []model.Inline{lang("de", model.Str("er sagte "), lang("fr", model.Str("oui")))},
			[]document.Span{{Text: "er sagte ", Lang: "de"}, {Text: "oui", Lang: "fr"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spansOf(tt.in, document.Roman); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("spansOf = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func lang(tag string, ins ...model.Inline) model.Inline {
	return model.Inline{Kind: model.Span, Attr: model.Attr{{Key: "lang", Value: tag}}, Children: ins}
}

func emph(ins ...model.Inline) model.Inline { return model.Inline{Kind: model.Emph, Children: ins} }

// TestBlockLanguage checks that a block's language, and a division's
// around it, reach every span of the block that declares none of its own.
func TestBlockLanguage(t *testing.T) {
	in := []model.Block{
		{Kind: model.Div, Attr: model.Attr{{Key: "lang", Value: "de"}}, Children: []model.Block{
			{Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Wort "), lang("fr", model.Str("mot"))}},
		}},
		{Kind: model.Paragraph, Attr: model.Attr{{Key: "lang", Value: "ru"}}, Inlines: []model.Inline{model.Str("слово")}},
		{Kind: model.Paragraph, Inlines: []model.Inline{model.Str("word")}},
	}
	var got [][]string
	for _, b := range (printer{}).blocks(in, 0, true) {
		var langs []string
		for _, sp := range b.Spans {
			langs = append(langs, sp.Text+":"+sp.Lang)
		}
		got = append(got, langs)
	}
	want := [][]string{{"Wort :de", "mot:fr"}, {"слово:ru"}, {"word:"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("languages %q, want %q", got, want)
	}
}

func TestPrintBlocksStyles(t *testing.T) {
	in := []model.Block{
		{ID: "a", Kind: model.Salutation, Inlines: []model.Inline{model.Str("Dear Comrades,")}},
		{ID: "b", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("First.")}},
		{ID: "c", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Second.")}},
		{ID: "d", Kind: model.BlockQuote, Children: []model.Block{{ID: "e", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Quoted.")}}}},
		{ID: "f", Kind: model.List, Attr: model.Attr{{Key: "ordered", Value: "true"}}, Children: []model.Block{
			{ID: "g", Kind: model.ListItem, Children: []model.Block{{ID: "h", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("One.")}}}},
			{ID: "i", Kind: model.ListItem, Children: []model.Block{{ID: "j", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Two.")}}}},
		}},
		{ID: "k", Kind: model.Signature, Inlines: []model.Inline{model.Str("The Committee")}},
	}
	got := printer{}.blocks(in, 0, true)
	type styled struct {
		ID     string
		Style  document.BlockStyle
		Marker string
	}
	var gotStyles []styled
	for _, b := range got {
		gotStyles = append(gotStyles, styled{b.ID, b.Style, b.Marker})
	}
	want := []styled{
		{"a", document.Salutation, ""},
		{"b", document.BodyFirst, ""}, // opens the part after its salutation: no indent
		{"c", document.Body, ""},
		{"e", document.Quote, ""},
		{"h", document.ListItem, "1."},
		{"j", document.ListItem, "2."},
		{"k", document.Signature, ""},
	}
	if !reflect.DeepEqual(gotStyles, want) {
		t.Errorf("printBlocks styles:\n got %+v\nwant %+v", gotStyles, want)
	}
}

// TestPageOfWord checks that a reading is cited at the page its word is
// set on: a paragraph that runs from page 4 on to page 5 at its 120th word
// has its 130th word on page 5, not on its first page.
func TestPageOfWord(t *testing.T) {
	r := &document.Result{
		BlockPages: []document.BlockPage{{BlockID: "p1", Label: "4"}, {BlockID: "p2", Label: "6"}},
		PageStarts: []document.PageStart{
			{BlockID: "p0", Label: "4", Word: 30},
			{BlockID: "p1", Label: "5", Word: 120},
			{BlockID: "p1", Label: "6", Word: 250},
			{BlockID: "p2", Label: "7", Word: 0}, // a page that opens with the block's first word
		},
	}
	pageOf := pageOfWord(r)
	for _, tt := range []struct {
		block string
		word  int
		want  string
	}{
		{"p1", 0, "4"}, {"p1", 119, "4"}, {"p1", 120, "5"}, {"p1", 130, "5"}, {"p1", 250, "6"}, {"p1", 900, "6"},
		{"p2", 3, "6"}, {"nowhere", 0, ""},
	} {
		if got := pageOf(tt.block, tt.word); got != tt.want {
			t.Errorf("page of word %d of %s = %q, want %q", tt.word, tt.block, got, tt.want)
		}
	}
}

// TestApparatusEntryPage checks that an apparatus entry (a list item that
// names the block and word of its reading) is marked with that word's
// page instead of a bullet, and has no marker before the pages are known.
func TestApparatusEntryPage(t *testing.T) {
	list := []model.Block{{ID: "l", Kind: model.List, Children: []model.Block{
		{ID: "e1", Kind: model.ListItem, Attr: model.Attr{{Key: "block", Value: "part-1-4"}, {Key: "word", Value: "37"}},
			Children: []model.Block{{ID: "e1p", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("of] 01")}}}},
		{ID: "e2", Kind: model.ListItem, Children: []model.Block{{ID: "e2p", Kind: model.Paragraph, Inlines: []model.Inline{model.Str("a plain item")}}}},
	}}}
	var asked []string
	pr := printer{opts: Options{PageOf: func(id string, word int) string {
		asked = append(asked, id)
		if id == "part-1-4" && word == 37 {
			return "12"
		}
		return "?"
	}}}
	got := pr.blocks(list, 0, false)
	if len(got) != 2 || got[0].Marker != "12" || got[1].Marker != "•" {
		t.Errorf("markers = %q, %q; want the page 12 and a bullet", got[0].Marker, got[1].Marker)
	}
	if !reflect.DeepEqual(asked, []string{"part-1-4"}) {
		t.Errorf("pages asked for %v", asked)
	}
	if got := (printer{}).blocks(list, 0, false); got[0].Marker != "" {
		t.Errorf("before the pages are known the entry is marked %q", got[0].Marker)
	}
}

// TestBlockOfAnotherEdition checks that a block marked for the ebook alone
// is left out of the print edition, and one marked for print is set.
func TestBlockOfAnotherEdition(t *testing.T) {
	in := []model.Block{
		{ID: "both", Kind: model.Centered, Inlines: []model.Inline{model.Str("For both.")}},
		{ID: "ebook", Kind: model.Centered, Attr: model.Attr{{Key: model.OnlyInAttr, Value: "epub"}}, Inlines: []model.Inline{model.Str("This ebook embeds no typeface.")}},
		{ID: "print", Kind: model.Centered, Attr: model.Attr{{Key: model.OnlyInAttr, Value: "pdf"}}, Inlines: []model.Inline{model.Str("Set in Charis SIL.")}},
	}
	var ids []string
	for _, b := range (printer{}).blocks(in, 0, false) {
		ids = append(ids, b.ID)
	}
	if !reflect.DeepEqual(ids, []string{"both", "print"}) {
		t.Errorf("print sets %v, want both and print", ids)
	}
}

// TestURLNotes sets external links' addresses as the manifest asks: after
// the link, in a lettered footnote of the part (one per link, the link
// inside a note keeping its address after it), or not at all.
func TestURLNotes(t *testing.T) {
	link := func(text, url string) model.Inline {
		return model.Inline{Kind: model.Link, Target: url, Children: []model.Inline{model.Str(text)}}
	}
	sec := model.Section{ID: "ch", Role: model.RoleChapter, Blocks: []model.Block{
		{Kind: model.Paragraph, ID: "p1", Inlines: []model.Inline{model.Str("See "), link("the archive", "https://ica.org/"), model.Str(" and "),
			link("https://shown.org", "https://shown.org"), model.Str(" and "), link("mail", "mailto:a@b.org"), {Kind: model.NoteRef, Text: "1", Target: "n-1"}}},
	}}
	note := model.Block{Kind: model.Note, ID: "n-1", Inlines: []model.Inline{link("a site", "https://site.org")}}
	for _, tc := range []struct {
		mode     string
		text     string // the paragraph's spans, joined
		notes    []string
		noteLink string // the numbered note's link, set
	}{
		{"after", "See the archive (https://ica.org/) and https://shown.org and mail (a@b.org)1", nil, "a site (https://site.org)"},
		{"note", "See the archiveᵃ and https://shown.org and mailᵇ1", []string{"a https://ica.org/", "b a@b.org"}, "a site (https://site.org)"},
		{"none", "See the archive and https://shown.org and mail1", nil, "a site"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			ed := &model.Edition{Meta: model.Meta{PrintURLs: tc.mode}}
			pr := printer{ed: ed, print: true, notes: map[string]model.Block{"n-1": note}, referred: map[string]bool{"n-1": true}}
			part := pr.part(sec, document.BodyMatter)
			var text strings.Builder
			for _, sp := range part.Blocks[0].Spans {
				if sp.Super && sp.Link != "#n-1" {
					text.WriteString(map[string]string{"a": "ᵃ", "b": "ᵇ"}[sp.Text])
					continue
				}
				text.WriteString(sp.Text)
			}
			if text.String() != tc.text {
				t.Errorf("paragraph %q, want %q", text.String(), tc.text)
			}
			var notes []string
			for _, b := range part.Blocks[1:] {
				if b.Style != document.Footnote {
					t.Errorf("block %+v after the paragraph is not a footnote", b)
				}
				if b.Note == "n-1" {
					var got strings.Builder
					for _, sp := range b.Spans {
						got.WriteString(sp.Text)
					}
					if got.String() != tc.noteLink {
						t.Errorf("the note's link set as %q, want %q", got.String(), tc.noteLink)
					}
					continue
				}
				if b.ID != "" || !strings.HasPrefix(b.Note, "ch-url-") {
					t.Errorf("address note ID %q, Note %q", b.ID, b.Note)
				}
				notes = append(notes, b.Marker+" "+b.Spans[0].Text)
			}
			if !reflect.DeepEqual(notes, tc.notes) {
				t.Errorf("address notes %q, want %q", notes, tc.notes)
			}
		})
	}
	for n, want := range map[int]string{0: "a", 25: "z", 26: "aa", 27: "ab", 52: "ba"} {
		if got := letterMark(n); got != want {
			t.Errorf("letterMark(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestBreaksInsideEmphasis sets a verse in italics and a signature in
// small capitals whose lines are broken inside the emphasis: each line is
// a block of its own, still in its style, with every word kept.
func TestBreaksInsideEmphasis(t *testing.T) {
	br := model.Inline{Kind: model.LineBreak}
	tests := []struct {
		name  string
		block model.Block
		want  []string // each part's text and style
	}{
		{"verse in italics", model.Block{ID: "v", Kind: model.Paragraph, Inlines: []model.Inline{
			{Kind: model.Emph, Children: []model.Inline{model.Str("The sea is calm"), br, model.Str("to-night.")}}}},
			[]string{"The sea is calm/italic", "to-night./italic"}},
		{"a break nested two deep, text after it", model.Block{ID: "s", Kind: model.Signature, Inlines: []model.Inline{
			{Kind: model.Strong, Children: []model.Inline{{Kind: model.Emph, Children: []model.Inline{model.Str("For the Committee"), br, model.Str("E. H.")}}}}, br, model.Str("Tirana")}},
			[]string{"For the Committee/bolditalic", "E. H./bolditalic", "Tirana/roman"}},
		{"no break", model.Block{ID: "p", Kind: model.Paragraph, Inlines: []model.Inline{{Kind: model.Emph, Children: []model.Inline{model.Str("one line")}}}},
			[]string{"one line/italic"}},
	}
	styles := map[document.FontStyle]string{document.Roman: "roman", document.Italic: "italic", document.BoldItalic: "bolditalic"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range (printer{}).blocks([]model.Block{tt.block}, 0, false) {
				var text, style string
				for _, s := range b.Spans {
					text += s.Text
					style = styles[s.Style]
				}
				got = append(got, text+"/"+style)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parts %q, want %q", got, tt.want)
			}
		})
	}
}

// TestContentsSkipsRepeatedTitle lists a part's headings for the contents,
// but not one that repeats the part's own title in other capitals.
func TestContentsSkipsRepeatedTitle(t *testing.T) {
	bs := []model.Block{
		{Kind: model.Paragraph, Inlines: []model.Inline{model.Str("Ces pages ont paru dans le Figaro.")}},
		{Kind: model.Heading, ID: "h1", Level: 2, Inlines: []model.Inline{model.Str("M. SCHEURER-KESTNER")}},
		{Kind: model.Heading, ID: "h2", Level: 2, Inlines: []model.Inline{model.Str("Post-scriptum")}},
	}
	var got []string
	for _, e := range contentsOf("M. Scheurer-Kestner", bs) {
		got = append(got, e.BlockID)
	}
	if !reflect.DeepEqual(got, []string{"h2"}) {
		t.Errorf("contents entries %v, want only h2", got)
	}
}

func TestItalicName(t *testing.T) {
	tests := []struct {
		text, name string
		want       []document.Span
	}{
		{"First printed in Zëri i Popullit.", "Zëri i Popullit", []document.Span{{Text: "First printed in "}, {Text: "Zëri i Popullit", Style: document.Italic}, {Text: "."}}},
		{"Zëri i Popullit", "Zëri i Popullit", []document.Span{{Text: "Zëri i Popullit", Style: document.Italic}}},
		{"No periodical here.", "Pravda", []document.Span{{Text: "No periodical here."}}},
		{"Anything.", "", []document.Span{{Text: "Anything."}}},
	}
	for _, tt := range tests {
		if got := italicName(tt.text, tt.name); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("italicName(%q, %q) = %+v, want %+v", tt.text, tt.name, got, tt.want)
		}
	}
}

// TestTitlePageRoles names an editor and a translator as such on the
// print title page, in the book's language, an author by name alone.
func TestTitlePageRoles(t *testing.T) {
	m := model.Meta{Title: "Briefe", Language: "de", Creators: []model.Creator{{Name: "Rosa Luxemburg", Role: "aut"}, {Name: "Luise Kautsky", Role: "edt"}, {Name: "A. N. Other", Role: "trl"}}}
	var got []string
	for _, b := range titlePageBlocks(m)[1:4] {
		var line string
		for _, s := range b.Spans {
			if s.Style == document.SmallCaps {
				line += "[" + s.Text + "]"
			} else {
				line += s.Text
			}
		}
		got = append(got, line)
	}
	want := []string{"[Rosa Luxemburg]", "Herausgegeben von [Luise Kautsky]", "Übersetzt von [A. N. Other]"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("title page names %q, want %q", got, want)
	}
}

// TestBrokenLinesKeepTheirSetting sets blocks whose lines are parted by
// forced breaks: a signature's later lines stay flush right (without its
// space above), a centred block's centred, a quotation's in the
// quotation; a paragraph's continue it.
func TestBrokenLinesKeepTheirSetting(t *testing.T) {
	br := model.Inline{Kind: model.LineBreak}
	two := []model.Inline{model.Str("Herzliche Grüße"), br, model.Str("Rosa.")}
	tests := []struct {
		kind model.BlockKind
		want []document.BlockStyle
	}{
		{model.Signature, []document.BlockStyle{document.Signature, document.Dateline}},
		{model.Dateline, []document.BlockStyle{document.Dateline, document.Dateline}},
		{model.Centered, []document.BlockStyle{document.Display, document.Display}},
		{model.Attribution, []document.BlockStyle{document.Attribution, document.Attribution}},
		{model.Paragraph, []document.BlockStyle{document.Body, document.Continued}},
	}
	for _, tt := range tests {
		var got []document.BlockStyle
		for _, b := range (printer{}).blocks([]model.Block{{ID: "b", Kind: tt.kind, Inlines: two}}, 0, false) {
			got = append(got, b.Style)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%v: styles %v, want %v", tt.kind, got, tt.want)
		}
	}
}

// TestNoteListMarkers checks that a list in a note keeps its bullets and
// numbers, each item a step in from the note's text, and that a note
// opening with a list keeps its mark.
func TestNoteListMarkers(t *testing.T) {
	item := func(id, text string, children ...model.Block) model.Block {
		return model.Block{ID: id, Kind: model.ListItem, Inlines: []model.Inline{model.Str(text)}, Children: children}
	}
	list := func(ordered bool, items ...model.Block) model.Block {
		b := model.Block{Kind: model.List, Children: items}
		if ordered {
			b.Attr = model.Attr{{Key: "ordered", Value: "true"}}
		}
		return b
	}
	para := func(id, text string) model.Block {
		return model.Block{ID: id, Kind: model.Paragraph, Inlines: []model.Inline{model.Str(text)}}
	}
	for _, tc := range []struct {
		name string
		note model.Block
		want []string // marker|level|text
	}{
		{"bullets", model.Block{ID: "note-1", Kind: model.Note, Children: []model.Block{para("p", "The note."), list(false, item("a", "one"), item("b", "two"))}},
			[]string{"1|0|The note.", "•|1|one", "•|1|two"}},
		{"numbers, nested", model.Block{ID: "note-2", Kind: model.Note, Children: []model.Block{para("p", "The note."), list(true, item("a", "first", list(false, item("c", "inner"))), item("b", "second"))}},
			[]string{"2|0|The note.", "1.|1|first", "•|2|inner", "2.|1|second"}},
		{"a note opening with a list", model.Block{ID: "note-3", Kind: model.Note, Children: []model.Block{list(true, item("a", "first"), item("b", "second"))}},
			[]string{"3|0|1.\u00a0first", "2.|1|second"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, b := range (printer{}).noteBlocks(tc.note) {
				var s strings.Builder
				for _, sp := range b.Spans {
					s.WriteString(sp.Text)
				}
				got = append(got, fmt.Sprintf("%s|%d|%s", b.Marker, b.Level, s.String()))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestMissingImageOnce checks that a figure whose image the print edition
// cannot set gives its description once when its caption is its alt text,
// with the image's title after it, and both when the caption differs.
func TestMissingImageOnce(t *testing.T) {
	img := func(alt, title, caption string) model.Block {
		b := model.Block{ID: "f", Kind: model.Image, Attr: model.Attr{{Key: "src", Value: "gone.png"}, {Key: "alt", Value: alt}}, Inlines: []model.Inline{model.Str(caption)}}
		if title != "" {
			b.Attr = b.Attr.Set("title", title)
		}
		return b
	}
	for _, tc := range []struct {
		name string
		in   model.Block
		want string
	}{
		{"caption is the alt text", img("A map of the town", "", "A map of the town"), "[A map of the town]"},
		{"with a title", img("The harbour", "At dawn", "The harbour"), "[The harbour] At dawn"},
		{"a caption of its own", img("A map", "", "The town in 1900"), "[A map] The town in 1900"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lb := (printer{ed: &model.Edition{}}).figure(tc.in, 0)
			var s strings.Builder
			for _, sp := range lb.Spans {
				s.WriteString(sp.Text)
			}
			if s.String() != tc.want {
				t.Errorf("set %q, want %q", s.String(), tc.want)
			}
		})
	}
}

// TestUntitledTextInContents lists a text without a heading anywhere (a
// speech) in the contents by its opening words, and leaves out an untitled
// opening before titled chapters.
func TestUntitledTextInContents(t *testing.T) {
	para := func(text string) model.Block {
		return model.Block{Kind: model.Paragraph, Inlines: []model.Inline{model.Str(text)}}
	}
	speech := model.Section{ID: "part-1", Role: model.RoleChapter, Blocks: []model.Block{para("Four score and seven years ago our fathers brought forth on this continent a new nation.")}}
	chapter := model.Section{ID: "part-2", Role: model.RoleChapter, Title: []model.Inline{model.Str("Chapter I")}, Blocks: []model.Block{para("The text.")}}
	for _, tc := range []struct {
		name      string
		body      []model.Section
		wantEntry string // the untitled part's entry; "" for none
	}{
		{"a text without headings", []model.Section{speech}, "Four score and seven years ago…"},
		{"an untitled opening before a chapter", []model.Section{speech, chapter}, ""},
	} {
		ed := &model.Edition{Body: tc.body}
		p := printer{ed: ed}.part(tc.body[0], document.BodyMatter)
		if p.InContents != (tc.wantEntry != "") || p.EntryTitle() != tc.wantEntry {
			t.Errorf("%s: in contents %v as %q, want %q", tc.name, p.InContents, p.EntryTitle(), tc.wantEntry)
		}
	}
}
