package epub

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/epub/epubcheck"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/layout/document"
)

// accessibleEdition is the sample edition as a book that earns every
// claim: its figure has its image and a description, every page of the
// print edition has its marker, and the manifest asks for a conformance
// claim.
func accessibleEdition() (*model.Edition, Options) {
	ed := sampleEdition()
	ed.Resources = map[string]*model.Resource{
		"map.png": {Name: "map.png", MediaType: "image/png", Data: testPNG(6, 4), Width: 6, Height: 4},
	}
	ed.Meta.Accessibility = model.Accessibility{ConformsTo: "EPUB Accessibility 1.1 - WCAG 2.1 Level AA", CertifiedBy: "Bindery Editions"}
	opts := sampleOptions()
	// Every page from 1, in order: the sample's pages renumbered.
	for i := range opts.PageList {
		opts.PageList[i].Page = i + 1
	}
	return ed, opts
}

// writeAccess writes ed and returns its package document and report.
func writeAccess(t *testing.T, ed *model.Edition, opts Options) (string, Report) {
	t.Helper()
	var rep Report
	opts.Report = &rep
	var buf bytes.Buffer
	if _, err := Write(&buf, ed, opts); err != nil {
		t.Fatal(err)
	}
	_, files, _ := unzipEPUB(t, buf.Bytes())
	return files["EPUB/package.opf"], rep
}

// TestAccessibilityClaims makes each property a claim rests on false in
// turn, and checks that the claim goes, with a warning naming the check
// when the manifest asked for the conformance claim, while the other
// claims stay.
func TestAccessibilityClaims(t *testing.T) {
	const conforms = `<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>`
	const certified = `<meta property="a11y:certifiedBy">Bindery Editions</meta>`
	feature := func(f string) string { return `<meta property="schema:accessibilityFeature">` + f + `</meta>` }

	ed, opts := accessibleEdition()
	opf, rep := writeAccess(t, ed, opts)
	for _, want := range []string{conforms, certified, feature("alternativeText"), feature("pageNavigation"),
		feature("structuralNavigation"), `<meta property="schema:accessModeSufficient">textual</meta>`,
		`<meta property="schema:accessibilityHazard">none</meta>`} {
		if !strings.Contains(opf, want) {
			t.Errorf("the accessible book's package document lacks %s", want)
		}
	}
	if len(rep.Warnings) != 0 {
		t.Errorf("the accessible book has warnings: %q", rep.Warnings)
	}

	for _, tc := range []struct {
		name    string
		spoil   func(*model.Edition, *Options)
		gone    []string // claims that must go
		kept    []string // claims that must stay
		warning string   // in the warning, when one is due
	}{
		{
			name: "an image without a description",
			spoil: func(ed *model.Edition, _ *Options) {
				img := &ed.Body[0].Blocks[5]
				img.Attr = img.Attr.Set("alt", "")
			},
			gone:    []string{conforms, certified, feature("alternativeText"), `<meta property="schema:accessModeSufficient">textual</meta>`},
			kept:    []string{feature("pageNavigation"), `<meta property="schema:accessModeSufficient">textual,visual</meta>`},
			warning: "1 of 1 images have no text alternative (img-1)",
		},
		{
			name: "a foreign word not marked",
			spoil: func(ed *model.Edition, _ *Options) {
				p := &ed.Body[1].Blocks[1]
				p.Inlines = append(p.Inlines, model.Str(" Москва."))
			},
			gone:    []string{conforms, certified},
			kept:    []string{feature("alternativeText"), feature("pageNavigation")},
			warning: `words in another script are not marked with their language ("Москва" (part-2.xhtml))`,
		},
		{
			name: "no page list",
			spoil: func(_ *model.Edition, o *Options) {
				o.PageList, o.PrintEdition = nil, ""
			},
			gone: []string{feature("pageNavigation"), feature("pageBreakMarkers"), feature("printPageNumbers"), `property="source-of"`},
			kept: []string{conforms, certified, feature("alternativeText")},
		},
		{
			name: "a page list without every page",
			spoil: func(_ *model.Edition, o *Options) {
				o.PageList = slices.Delete(slices.Clone(o.PageList), 1, 2)
			},
			gone:    []string{conforms, certified},
			kept:    []string{feature("pageNavigation")},
			warning: "the page list lacks pages of the print edition",
		},
		{
			name: "an image that may move",
			spoil: func(ed *model.Edition, _ *Options) {
				ed.Resources["map.png"].MediaType = "image/gif"
			},
			gone: []string{`<meta property="schema:accessibilityHazard">none</meta>`},
			kept: []string{`<meta property="schema:accessibilityHazard">unknownFlashingHazard</meta>`, conforms},
		},
		{
			name: "no claim asked for",
			spoil: func(ed *model.Edition, _ *Options) {
				ed.Meta.Accessibility = model.Accessibility{}
			},
			gone: []string{conforms, certified},
			kept: []string{feature("alternativeText"), feature("pageNavigation")},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ed, opts := accessibleEdition()
			tc.spoil(ed, &opts)
			opf, rep := writeAccess(t, ed, opts)
			for _, g := range tc.gone {
				if strings.Contains(opf, g) {
					t.Errorf("still claims %s", g)
				}
			}
			for _, k := range tc.kept {
				if !strings.Contains(opf, k) {
					t.Errorf("lost %s", k)
				}
			}
			switch {
			case tc.warning == "" && len(rep.Warnings) > 0:
				t.Errorf("unexpected warnings %q", rep.Warnings)
			case tc.warning != "" && (len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], tc.warning)):
				t.Errorf("warnings %q, want one saying %q", rep.Warnings, tc.warning)
			}
		})
	}

	// The same foreign word marked with its language earns the claim.
	ed, opts = accessibleEdition()
	p := &ed.Body[1].Blocks[1]
	p.Inlines = append(p.Inlines, model.Str(" "), model.Inline{Kind: model.Span, Attr: model.Attr{{Key: "lang", Value: "ru"}}, Children: []model.Inline{model.Str("Москва")}})
	if opf, rep := writeAccess(t, ed, opts); !strings.Contains(opf, conforms) || len(rep.Warnings) > 0 {
		t.Errorf("a word marked with its language still refuses the claim: %q", rep.Warnings)
	}
}

// TestEveryPage checks the page list's completeness.
func TestEveryPage(t *testing.T) {
	pages := func(ns ...int) []document.PageStart {
		var out []document.PageStart
		for _, n := range ns {
			out = append(out, document.PageStart{Page: n})
		}
		return out
	}
	for _, tc := range []struct {
		ps   []document.PageStart
		want bool
	}{
		{pages(1, 2, 3), true},
		{pages(1, 3), false},
		{pages(2, 3), false},
		{nil, false},
	} {
		if got := everyPage(tc.ps); got != tc.want {
			t.Errorf("%v: %v, want %v", tc.ps, got, tc.want)
		}
	}
}

// TestWriteEPUBFootnotes sets the sample's notes as footnotes: each in the
// chapter that first refers to it, as an aside whose number links back,
// the reference linking to it there, and no list of notes left.
func TestWriteEPUBFootnotes(t *testing.T) {
	opts := sampleOptions()
	opts.Footnotes = true
	var buf bytes.Buffer
	words, err := Write(&buf, sampleEdition(), opts)
	if err != nil {
		t.Fatal(err)
	}
	_, files, _ := unzipEPUB(t, buf.Bytes())
	for _, tc := range []struct{ file, want string }{
		{"xhtml/introduction.xhtml", `<aside id="n1" class="footnote" epub:type="footnote" role="doc-footnote">` + "\n" +
			`<p><a href="#noteref-n1" epub:type="backlink" role="doc-backlink" aria-label="Back to text">1.</a> Khrushchev was removed`},
		{"xhtml/introduction.xhtml", `<a href="#n1" id="noteref-n1" epub:type="noteref" role="doc-noteref">1</a>`},
		{"xhtml/part-1.xhtml", `<aside id="n2" class="footnote" epub:type="footnote" role="doc-footnote">`},
		{"xhtml/part-1.xhtml", `<p id="n2-1"><a href="#noteref-n2" epub:type="backlink" role="doc-backlink" aria-label="Back to text">2.</a> A note of two paragraphs.</p>`},
		{"xhtml/part-2.xhtml", `<a href="introduction.xhtml#n1" id="noteref-n1-3"`},
	} {
		if !strings.Contains(files["EPUB/"+tc.file], tc.want) {
			t.Errorf("%s lacks %s", tc.file, tc.want)
		}
	}
	if _, ok := files["EPUB/xhtml/notes.xhtml"]; ok || strings.Contains(files["EPUB/package.opf"], "notes.xhtml") {
		t.Error("the list of notes is still in the book, though every note stands in its chapter")
	}
	if words["n1"] == 0 || words["n2-2"] == 0 {
		t.Errorf("the footnotes' words are not counted: %v", words)
	}
	epubcheck.Check(t, buf.Bytes())
}

// TestSectionLanguage checks that a section whose blocks all declare one
// language declares it too, so that its title is read in it (an
// anthology's member in another language), and that the check of foreign
// words follows it.
func TestSectionLanguage(t *testing.T) {
	ed, opts := accessibleEdition()
	part := &ed.Body[1]
	part.Title = []model.Inline{model.Str("Письмо")}
	for i := range part.Blocks {
		part.Blocks[i].Attr = part.Blocks[i].Attr.Set("lang", "ru")
		part.Blocks[i].Inlines = []model.Inline{model.Str("Москва, 1964.")}
	}
	var buf bytes.Buffer
	var rep Report
	opts.Report = &rep
	if _, err := Write(&buf, ed, opts); err != nil {
		t.Fatal(err)
	}
	_, files, _ := unzipEPUB(t, buf.Bytes())
	if !strings.Contains(files["EPUB/xhtml/part-2.xhtml"], `role="doc-chapter" class="editorial" lang="ru" xml:lang="ru"`) {
		t.Errorf("the section does not declare its language:\n%s", files["EPUB/xhtml/part-2.xhtml"])
	}
	if len(rep.Warnings) > 0 {
		t.Errorf("words in the section's own language taken for foreign ones: %q", rep.Warnings)
	}
	if opf := files["EPUB/package.opf"]; !strings.Contains(opf, "<dc:language>en</dc:language>\n<dc:language>ru</dc:language>") {
		t.Error("the package document does not name the section's language after the book's")
	}
	if got := sectionLanguage(&model.Section{Blocks: []model.Block{{Attr: model.Attr{{Key: "lang", Value: "de"}}}, {}}}); got != "" {
		t.Errorf("a section with a block of no language is in %q", got)
	}
}
