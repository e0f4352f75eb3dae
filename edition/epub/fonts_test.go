package epub

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/epub/epubcheck"
	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/fonts"
)

// embedSample is the sample edition with the colophon the build generates,
// with or without epub.embed-fonts, written as an EPUB.
func embedSample(t *testing.T, embed bool) []byte {
	t.Helper()
	ed := sampleEdition()
	ed.Meta.EmbedFonts = embed
	for i, s := range ed.Back {
		if s.Role == model.RoleColophon {
			ed.Back[i] = apparatus.Colophon(ed.Meta)
		}
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, ed, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWriteEPUBEmbedFonts checks an EPUB of a manifest with
// epub.embed-fonts: the faces of the book's typeface the text uses, listed
// in the package document, with @font-face rules in the stylesheet, the
// licence beside them and the colophon naming the typeface; and an EPUB
// without the key, which has none of them.
func TestWriteEPUBEmbedFonts(t *testing.T) {
	t.Parallel()
	l := apparatus.Words(sampleEdition().Meta)
	embedsSentence := l.Fill(locale.EbookEmbedsTypeface, "typeface", fonts.Family)
	fontFace := regexp.MustCompile(`@font-face \{\s*font-family: "` + fonts.Family + `";\s*font-style: (\w+);\s*font-weight: (\w+);\s*src: url\("\.\./fonts/([\w-]+\.ttf)"\)`)

	with := embedSample(t, true)
	names, files, _ := unzipEPUB(t, with)
	opf, css := files["EPUB/package.opf"], files["EPUB/css/epub.css"]
	want := map[string][2]string{ // file: its font-style and font-weight
		"GentiumBookPlus-Regular.ttf":    {"normal", "normal"},
		"GentiumBookPlus-Italic.ttf":     {"italic", "normal"},
		"GentiumBookPlus-Bold.ttf":       {"normal", "bold"}, // the sample has strong emphasis
		"GentiumBookPlus-BoldItalic.ttf": {"italic", "bold"},
	}
	rules := fontFace.FindAllStringSubmatch(css, -1)
	if len(rules) != len(want) {
		t.Errorf("%d @font-face rules, want %d:\n%s", len(rules), len(want), css)
	}
	for _, r := range rules {
		if w, ok := want[r[3]]; !ok || w != [2]string{r[1], r[2]} {
			t.Errorf("@font-face for %s: style %s, weight %s", r[3], r[1], r[2])
		}
	}
	if !strings.Contains(css, "body {\n\tfont-family: \""+fonts.Family+"\"") {
		t.Error("the stylesheet does not set the body in the embedded typeface")
	}
	for name := range want {
		if _, ok := files["EPUB/fonts/"+name]; !ok {
			t.Errorf("no EPUB/fonts/%s; the EPUB has %v", name, names)
		}
		if !strings.Contains(opf, `href="fonts/`+name+`" media-type="font/ttf"`) {
			t.Errorf("the package document does not list fonts/%s", name)
		}
	}
	if files["EPUB/fonts/OFL.txt"] != fonts.Book.Licence() {
		t.Error("EPUB/fonts/OFL.txt is not the typeface's licence")
	}
	// Apple Books uses an embedded face only when asked to.
	if !strings.Contains(opf, `<meta property="ibooks:specified-fonts">true</meta>`) || !strings.Contains(opf, ibooksPrefix) {
		t.Error("the package document does not ask Apple Books for the embedded fonts")
	}
	if !strings.Contains(opf, `href="fonts/OFL.txt" media-type="text/plain"`) {
		t.Error("the package document does not list the licence")
	}
	colophon := files["EPUB/xhtml/colophon.xhtml"]
	if !strings.Contains(colophon, escapeText(embedsSentence)) || strings.Contains(colophon, escapeText(l.T(locale.EbookTypeface))) {
		t.Errorf("the colophon does not say the ebook embeds %s:\n%s", fonts.Family, colophon)
	}

	// Each face has the characters it sets: the regular every letter of
	// the text, the bold only those of its strong emphasis ("Party of
	// Labor").
	covers := func(file string, r rune) bool {
		f, err := sfnt.Parse([]byte(files["EPUB/fonts/"+file]))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		g, err := f.GlyphIndex(nil, r)
		return err == nil && g != 0
	}
	for _, tc := range []struct {
		file string
		r    rune
		has  bool
	}{
		{"GentiumBookPlus-Regular.ttf", 'q', true}, // "quoted"
		{"GentiumBookPlus-Regular.ttf", '«', true},
		{"GentiumBookPlus-Regular.ttf", '…', true},
		{"GentiumBookPlus-Regular.ttf", 'ë', true}, // Frashëri
		{"GentiumBookPlus-Italic.ttf", 'q', true},
		{"GentiumBookPlus-Regular.ttf", 'Ж', false},
		{"GentiumBookPlus-Bold.ttf", 'L', true},
		{"GentiumBookPlus-Bold.ttf", 'q', false},
	} {
		if got := covers(tc.file, tc.r); got != tc.has {
			t.Errorf("%s maps %q: %v, want %v", tc.file, tc.r, got, tc.has)
		}
	}

	if again := embedSample(t, true); !bytes.Equal(again, with) {
		t.Error("two EPUBs with embedded fonts differ")
	}
	epubcheck.Check(t, with)

	names, files, _ = unzipEPUB(t, embedSample(t, false))
	for _, n := range names {
		if strings.HasPrefix(n, "EPUB/fonts/") {
			t.Errorf("without epub.embed-fonts the EPUB has %s", n)
		}
	}
	for _, bad := range []string{"@font-face", "font-family: \"" + fonts.Family} {
		if strings.Contains(files["EPUB/css/epub.css"], bad) {
			t.Errorf("without epub.embed-fonts the stylesheet has %q", bad)
		}
	}
	if opf := files["EPUB/package.opf"]; strings.Contains(opf, "fonts/") || strings.Contains(opf, "ibooks:") {
		t.Error("without epub.embed-fonts the package document lists fonts")
	}
	if c := files["EPUB/xhtml/colophon.xhtml"]; strings.Contains(c, fonts.Family) || !strings.Contains(c, escapeText(l.T(locale.EbookTypeface))) {
		t.Errorf("without epub.embed-fonts the colophon says:\n%s", c)
	}
}

// TestTextCharacters checks what the fonts are cut to: the text of the
// documents, not their markup; character references read; strong
// emphasis apart.
func TestTextCharacters(t *testing.T) {
	docs := [][]byte{
		[]byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Zz</title></head><body class="wide"><p>ab &amp; &#x416;<strong>c<em>d</em></strong>e</p><b>f</b></body></html>`),
	}
	text, strong := textCharacters(docs)
	has := func(rs []rune, r rune) bool {
		for _, x := range rs {
			if x == r {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		r            rune
		text, strong bool
	}{
		{'a', true, false}, {'A', true, false}, // upper case for synthesised small capitals
		{'&', true, false}, {'Ж', true, false}, {'ж', false, false},
		{'c', true, true}, {'d', true, true}, {'f', true, true}, {'e', true, false},
		{'w', false, false}, // only in the markup ("wide")
		{'\u2010', true, true},
	} {
		if has(text, tc.r) != tc.text || has(strong, tc.r) != tc.strong {
			t.Errorf("%q: in text %v, in strong %v; want %v, %v", tc.r, has(text, tc.r), has(strong, tc.r), tc.text, tc.strong)
		}
	}
	if _, strong := textCharacters([][]byte{[]byte("<p>plain</p>")}); strong != nil {
		t.Errorf("no strong emphasis, yet characters for bold: %q", string(strong))
	}
}
