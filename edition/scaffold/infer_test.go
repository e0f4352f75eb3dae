package scaffold

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/markdown"
	"github.com/bindery-editions/bindery/edition/model"
)

// TestInferTitlePage checks what import takes from a title page and
// imprint beside an archive header.
func TestInferTitlePage(t *testing.T) {
	tests := []struct {
		name                     string
		fields                   []model.Field
		title, imprint, byline   []string
		wantTitle, wantSubtitle  string
		wantCreators             []creator
		wantPublisher, wantPlace string
		wantYear                 string
	}{
		{
			name:         "the title page's line continues the banner's title: the rest is the subtitle",
			fields:       []model.Field{{Key: "Etext", Value: "Lincoln's Gettysburg Address"}},
			title:        []string{"Lincoln's Gettysburg Address, given November 19, 1863", "on the battlefield near Gettysburg, Pennsylvania, USA"},
			wantTitle:    "Lincoln's Gettysburg Address",
			wantSubtitle: "given November 19, 1863 on the battlefield near Gettysburg, Pennsylvania, USA",
			wantCreators: []creator{{"Lincoln", "aut", true}},
			wantYear:     "1863",
		},
		{
			name:         "the title page's fuller title and name over the banner's",
			fields:       []model.Field{{Key: "Etext", Value: "Civil Disobedience, by Thoreau"}},
			title:        []string{"On the Duty of Civil Disobedience", "by Henry David Thoreau"},
			wantTitle:    "On the Duty of Civil Disobedience",
			wantCreators: []creator{{"Henry David Thoreau", "aut", true}},
		},
		{
			name:         "a declared title is kept; an editor credited in capitals; a span of years is not the year",
			fields:       []model.Field{{Key: "Title", Value: "The Writings of Thomas Paine, Vol. I"}, {Key: "Author", Value: "Thomas Paine"}},
			title:        []string{"THE WRITINGS OF THOMAS PAINE, VOLUME I."},
			imprint:      []string{"COLLECTED AND EDITED BY MONCURE DANIEL CONWAY", "1774 - 1779"},
			wantTitle:    "The Writings of Thomas Paine, Vol. I",
			wantCreators: []creator{{"Thomas Paine", "aut", false}, {"Moncure Daniel Conway", "edt", true}},
		},
		{
			name:         "a volume of writings whose title page names the one work it holds, numbered and again alone",
			fields:       []model.Field{{Key: "Title", Value: "The Writings of Thomas Paine, Vol. I"}, {Key: "Author", Value: "Thomas Paine"}},
			title:        []string{"THE WRITINGS OF THOMAS PAINE, VOLUME I.", "COLLECTED AND EDITED BY MONCURE DANIEL CONWAY", "1774 - 1779", "XIX. THE AMERICAN CRISIS", "THE AMERICAN CRISIS."},
			wantTitle:    "The Writings of Thomas Paine, Vol. I",
			wantSubtitle: "The American Crisis",
			wantCreators: []creator{{"Thomas Paine", "aut", false}, {"Moncure Daniel Conway", "edt", true}},
		},
		{
			name:      "a declared title over a title page naming other things: no subtitle taken",
			fields:    []model.Field{{Key: "Title", Value: "Briefe aus dem Gefängnis"}},
			title:     []string{"ROSA LUXEMBURG", "BRIEFE AUS DEM GEFÄNGNIS"},
			wantTitle: "Briefe aus dem Gefängnis",
		},
		{
			name:          "publisher with its place under it, in the case the copyright line writes them; an editor named on the next line, a copyright line skipped",
			fields:        []model.Field{{Key: "Title", Value: "Briefe aus dem Gefängnis"}, {Key: "Author", Value: "Rosa Luxemburg"}},
			title:         []string{"ROSA LUXEMBURG", "BRIEFE AUS DEM GEFÄNGNIS"},
			imprint:       []string{"1922", "VERLAG DER JUGENDINTERNATIONALE", "BERLIN-SCHÖNEBERG", "Copyright by", "Verlag der _Jugendinternationale_, Berlin-Schöneberg", "Herausgegeben vom", "Exekutivkomitee der Kommunistischen Jugendinternationale"},
			wantTitle:     "Briefe aus dem Gefängnis",
			wantCreators:  []creator{{"Rosa Luxemburg", "aut", false}, {"Exekutivkomitee der Kommunistischen Jugendinternationale", "edt", true}},
			wantPublisher: "Verlag der Jugendinternationale", wantPlace: "Berlin-Schöneberg", wantYear: "1922",
		},
		{
			name:          "publisher lines joined, the place above them",
			fields:        []model.Field{{Key: "Title", Value: "La vérité en marche"}},
			imprint:       []string{"DIXIÈME MILLE", "PARIS", "BIBLIOTHÈQUE-CHARPENTIER", "EUGÈNE FASQUELLE, ÉDITEUR", "11, RUE DE GRENELLE, 11", "1901"},
			wantTitle:     "La vérité en marche",
			wantPublisher: "Bibliothèque-Charpentier, Eugène Fasquelle, Éditeur", wantPlace: "Paris", wantYear: "1901",
		},
		{
			name:          "place and year on one line",
			title:         []string{"OPEN LETTER", "by", "THE CENTRAL COMMITTEE"},
			imprint:       []string{"The State Publishing House", "Tirana, 1964"},
			wantTitle:     "OPEN LETTER",
			wantCreators:  []creator{{"The Central Committee", "aut", true}},
			wantPublisher: "The State Publishing House", wantPlace: "Tirana", wantYear: "1964",
		},
		{
			name:         "a translator",
			title:        []string{"Patriotism and Government", "by Leo Tolstoy", "Translated by Aylmer Maude"},
			wantTitle:    "Patriotism and Government",
			wantCreators: []creator{{"Leo Tolstoy", "aut", true}, {"Aylmer Maude", "trl", true}},
		},
		{
			name:         "a Web page's name over its title, in capitals",
			title:        []string{"The Conference at Berlin"},
			byline:       []string{"DANIEL DE LEON"},
			wantTitle:    "The Conference at Berlin",
			wantCreators: []creator{{"Daniel De Leon", "aut", true}},
		},
		{
			name:      "a line over the title that is no name",
			title:     []string{"Erin's Hope"},
			byline:    []string{"Marxists' Internet Archive: Connolly, 1909"},
			wantTitle: "Erin's Hope",
		},
		{
			name:         "a year alone under the title dates the edition and is no part of the subtitle",
			title:        []string{"Erin's Hope", "The End & The Means", "(1909)"},
			wantTitle:    "Erin's Hope",
			wantSubtitle: "The End & The Means",
			wantYear:     "1909",
		},
		{
			name:      "a possessive title that is not a speech's or letter's names no author",
			fields:    []model.Field{{Key: "Etext", Value: "Gulliver's Travels"}},
			wantTitle: "Gulliver's Travels",
		},
		{
			name:         "a letter's title in the possessive names its writer",
			title:        []string{"Washington's Farewell Address to the People of the United States"},
			wantTitle:    "Washington's Farewell Address to the People of the United States",
			wantCreators: []creator{{"Washington", "aut", true}},
		},
		{
			name:         "a short title page's second line is a subtitle",
			title:        []string{"Erin's Hope", "The End and the Means"},
			wantTitle:    "Erin's Hope",
			wantSubtitle: "The End and the Means",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := &model.Source{Fields: tt.fields, Title: tt.title, Imprint: tt.imprint, Byline: tt.byline}
			f := infer("x.txt", nil, src)
			if f.Title != tt.wantTitle || f.Subtitle != tt.wantSubtitle {
				t.Errorf("title %q, subtitle %q; want %q, %q", f.Title, f.Subtitle, tt.wantTitle, tt.wantSubtitle)
			}
			if !reflect.DeepEqual(f.Creators, tt.wantCreators) && (len(f.Creators) > 0 || len(tt.wantCreators) > 0) {
				t.Errorf("creators %+v, want %+v", f.Creators, tt.wantCreators)
			}
			if f.Publisher != tt.wantPublisher || f.Place != tt.wantPlace || f.Year != tt.wantYear {
				t.Errorf("publisher %q, place %q, year %q; want %q, %q, %q", f.Publisher, f.Place, f.Year, tt.wantPublisher, tt.wantPlace, tt.wantYear)
			}
		})
	}
}

// TestInfoYear reads the year from a Web archive's information lines,
// first publication before writing, a single year only.
func TestInfoYear(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		want  string
	}{
		{[]string{"Written: 1886", "Provided by: the SLP, first published in pamphlet form, New York, September of 1884"}, "1886"},
		{[]string{"Written: 1916", "First Published: Vorbote, No. 2, April 1917"}, "1917"},
		{[]string{"First Published: 1917-1923", "Written: 1916"}, "1916"}, // a span dates no one publication
		{[]string{"Source: Collected Works, Volume 22, 1964"}, ""},        // the source's year is not the text's
		{[]string{"Transcription: 1997"}, ""},
		{[]string{"[1849, original title: Resistance to Civil Goverment]"}, "1849"},
		{[]string{"[1849, original title: X]", "Written: 1848"}, "1848"}, // a label over a bracketed note
		{[]string{"[Transcriber's note: 1849 edition]"}, ""},
	} {
		f := inferred{guessed: map[string]bool{}}
		f.infoYear(tc.lines)
		if f.Year != tc.want || f.guessed["year"] != (tc.want != "") {
			t.Errorf("infoYear(%q) = %q (guessed %v), want %q", tc.lines, f.Year, f.guessed["year"], tc.want)
		}
	}
}

// TestInferCollectionDate dates a text by its closing dateline, but not a
// collection whose parts close with datelines of their own: its year is
// the first part's.
func TestInferCollectionDate(t *testing.T) {
	dated := func(title, dateline string) model.Section {
		return model.Section{Title: []model.Inline{model.Str(title)}, Blocks: []model.Block{
			{Kind: model.Paragraph, Inlines: []model.Inline{model.Str("The text.")}},
			{Kind: model.Dateline, Inlines: []model.Inline{model.Str(dateline)}},
		}}
	}
	for _, tc := range []struct {
		name             string
		sections         []model.Section
		wantDate, wantYr string
	}{
		{"one dateline", []model.Section{dated("I", "Philadelphia, February 14, 1776")}, "1776-02-14", "1776"},
		{"each part dated", []model.Section{dated("I", "December 23, 1776."), dated("II", "PHILADELPHIA, Jan. 13, 1777.")}, "", "1776"},
		{"the same date twice", []model.Section{dated("I", "May 1, 1919"), dated("II", "May 1, 1919")}, "1919-05-01", "1919"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := infer("x.txt", nil, &model.Source{Sections: tc.sections})
			if f.Date != tc.wantDate || f.Year != tc.wantYr {
				t.Errorf("date %q, year %q; want %q, %q", f.Date, f.Year, tc.wantDate, tc.wantYr)
			}
		})
	}
}

func TestFieldAuthor(t *testing.T) {
	tests := []struct {
		in   string
		want creator
	}{
		{"vladimir lenin", creator{"Vladimir Lenin", "aut", true}},
		{"bell hooks", creator{"Bell Hooks", "aut", true}}, // a guess the editor may undo
		{"jean-paul marat", creator{"Jean-Paul Marat", "aut", true}},
		{"MONCURE DANIEL CONWAY", creator{"Moncure Daniel Conway", "aut", false}},
		{"Rosa Luxemburg", creator{"Rosa Luxemburg", "aut", false}},
		{"Ludwig van Beethoven", creator{"Ludwig van Beethoven", "aut", false}},
		{"毛泽东", creator{"毛泽东", "aut", false}},
	}
	for _, tt := range tests {
		if got := fieldAuthor(tt.in); got != tt.want {
			t.Errorf("fieldAuthor(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestNameCase(t *testing.T) {
	for in, want := range map[string]string{
		"MONCURE DANIEL CONWAY": "Moncure Daniel Conway",
		"ÉMILE ZOLA":            "Émile Zola",
		"JEAN-PAUL MARAT":       "Jean-Paul Marat",
		"Rosa Luxemburg":        "Rosa Luxemburg",
		"bell hooks":            "bell hooks",
	} {
		if got := nameCase(in); got != want {
			t.Errorf("nameCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCreditsFromALanguage reads translators credited with the language
// translated from, on one line or over two, in English, French and German.
func TestCreditsFromALanguage(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		want  string
	}{
		{[]string{"TRANSLATED FROM THE GERMAN BY", "JOHN DOE"}, "John Doe/trl"},
		{[]string{"Translated from the Russian by Aylmer Maude."}, "Aylmer Maude/trl"},
		{[]string{"Traduit du russe par Jean Dupont"}, "Jean Dupont/trl"},
		{[]string{"Traduction de Jean Dupont"}, "Jean Dupont/trl"},
		{[]string{"Aus dem Russischen übersetzt von Anna Muster"}, ""}, // the verb after the language: not read
	} {
		var got []string
		for _, c := range credits(tc.lines) {
			got = append(got, c.Name+"/"+c.Role)
		}
		if strings.Join(got, ",") != tc.want {
			t.Errorf("credits(%q) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}

// TestDisplayCase writes names set in capitals on a title page as titles
// are written.
func TestDisplayCase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"THE EXAMPLE PRESS", "The Example Press"},
		{"VERLAG DER AKTION", "Verlag der Aktion"},
		{"LONDON", "London"},
		{"H. W. DIETZ NACHF.", "H. W. Dietz Nachf."},
		{"SLP", "SLP"},
		{"Already Mixed", "Already Mixed"},
	} {
		if got := mixedCase(tc.in, nil); got != tc.want {
			t.Errorf("mixedCase(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestInferMarkdownDateline checks that a Markdown text's closing
// dateline, in either order of place and date, dates the document as an
// archive text's does, and its signature names the author when nothing
// else does.
func TestInferMarkdownDateline(t *testing.T) {
	tests := []struct{ name, md, date, author string }{
		{"place and date under a signature", "The text ends.\n\n***N. Lenin***\n\nMoscow, May 14, 1918\n", "1918-05-14", "N. Lenin"},
		{"date and place, the lines of one paragraph", "The text ends.\n\nKarl Marx & Frederick Engels\\\nJune 24, 1872, London\n", "1872-06-24", "Karl Marx|Frederick Engels"},
		{"no closing lines", "The text ends in London, May 14, 1918.\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := markdown.Read("text.md", []byte(tt.md))
			if err != nil {
				t.Fatal(err)
			}
			f := infer("text.md", []byte(tt.md), src)
			var names []string
			for _, c := range f.Creators {
				names = append(names, c.Name)
			}
			author := strings.Join(names, "|")
			if f.Date != tt.date || author != tt.author {
				t.Errorf("date %q, author %q; want %q, %q", f.Date, author, tt.date, tt.author)
			}
		})
	}
}

// TestBlockLines parts a block's text at its line breaks, however deep.
func TestBlockLines(t *testing.T) {
	br := model.Inline{Kind: model.LineBreak}
	for _, tc := range []struct {
		name  string
		block model.Block
		want  []string
	}{
		{"breaks at the top", model.Block{Inlines: []model.Inline{model.Str("Written: 1886"), br, model.Str("Source: a book")}}, []string{"Written: 1886", "Source: a book"}},
		{"a break inside emphasis", model.Block{Inlines: []model.Inline{{Kind: model.Emph, Children: []model.Inline{model.Str("Translated by"), br, model.Str("A. Maude")}}}}, []string{"Translated by", "A. Maude"}},
		{"no break", model.Block{Inlines: []model.Inline{model.Str("one line")}}, []string{"one line"}},
		{"paragraphs inside", model.Block{Children: []model.Block{{Inlines: []model.Inline{model.Str("a")}}, {Inlines: []model.Inline{model.Str("b")}}}}, []string{"a", "b"}},
	} {
		if got := blockLines(&tc.block); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: blockLines = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestInferLanguageOfShortText detects the language of texts too short for
// whatlanggo to be sure among all its languages, asked again among the
// edition's; a text no better known stays undetected rather than guessed.
func TestInferLanguageOfShortText(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Дорогой друг, пишу тебе из Москвы. Здесь холодно и тихо.", "ru"},
		{"Αγαπητέ φίλε, σου γράφω από την Αθήνα.", "el"},
		{"Lieber Freund, ich schreibe dir aus Berlin.", "de"},
		{"Cher ami, je t'écris de Paris.", ""},
	} {
		src := &model.Source{Sections: []model.Section{{Blocks: []model.Block{{Kind: model.Paragraph, Inlines: []model.Inline{model.Str(tc.text)}}}}}}
		if got := infer("x.txt", nil, src).Language; got != tc.want {
			t.Errorf("%q: language %q, want %q", tc.text, got, tc.want)
		}
	}
}
