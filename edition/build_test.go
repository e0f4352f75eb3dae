package edition

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/printing"
	"github.com/bindery-editions/bindery/layout/unit"

	"github.com/bindery-editions/bindery/edition/seed"

	"github.com/bindery-editions/bindery/layout"
	"github.com/bindery-editions/bindery/layout/cover"
	"github.com/bindery-editions/bindery/layout/document"
)

func TestPrintDocumentPageReferences(t *testing.T) {
	book, err := Load(openLetterSeed, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(book.Applied) == 0 {
		t.Fatal("the open letter has no emendations to cite")
	}
	// Every entry of the Note's lists names the block and the word its
	// reading stands at; the print edition marks it with that word's page.
	entries := 0
	var walk func([]model.Block)
	walk = func(bs []model.Block) {
		for _, b := range bs {
			if b.Kind == model.ListItem && b.Attr.Get("block") != "" && b.Attr.Get("word") != "" {
				entries++
			}
			walk(b.Children)
		}
	}
	for _, s := range book.Edition.Back {
		if s.ID == apparatus.NoteOnTextID {
			walk(s.Blocks)
		}
	}
	if entries <= len(book.Applied) {
		t.Errorf("%d apparatus entries name their reading's word, want one for each of the %d emendations and for each reading kept", entries, len(book.Applied))
	}
	doc := printing.Document(book.Edition, printing.Options{PageOf: func(id string, word int) string { return "17" }})
	refs := 0
	for _, p := range doc.Parts {
		if p.ID != apparatus.NoteOnTextID {
			continue
		}
		for _, b := range p.Blocks {
			if b.Marker == "17" {
				refs++
			}
		}
	}
	if refs != entries {
		t.Errorf("%d apparatus entries cite a page, want %d", refs, entries)
	}
}

// The second setting adds page numbers after the body; the body's pages
// must not move, or the numbers would be wrong.
func TestPageReferencesDoNotMoveTheBody(t *testing.T) {
	book, err := Load(openLetterSeed, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ts, err := layout.NewTypesetter(0)
	if err != nil {
		t.Fatal(err)
	}
	first, err := ts.Set(printing.Document(book.Edition, printing.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	second, err := printing.Set(book.Edition, printing.Options{Profile: document.Print})
	if err != nil {
		t.Fatal(err)
	}
	bodyPages := func(r *document.Result) []document.BlockPage {
		var out []document.BlockPage
		for _, bp := range r.BlockPages {
			if strings.HasPrefix(bp.BlockID, "part-") {
				out = append(out, bp)
			}
		}
		return out
	}
	if a, b := bodyPages(&first.Result), bodyPages(&second.Result); len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Errorf("body pages moved between settings (%d and %d blocks)", len(a), len(b))
	}
}

func TestManifestHyphenationEntries(t *testing.T) {
	dir := copySeed(t, openLetterSeed)
	path := filepath.Join(dir, seed.ManifestName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), "  - Khru-shchev", "  - Khrushchev Nikita", 1)
	if bad == string(data) {
		t.Fatal("test needs the open letter's manifest to list Khru-shchev")
	}
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = seed.LoadManifest(dir)
	if err == nil || !strings.Contains(err.Error(), `hyphenation entry "Khrushchev Nikita" is not one word`) {
		t.Errorf("LoadManifest: %v; want the bad hyphenation entry named", err)
	}
}

func TestBuildCover(t *testing.T) {
	out := t.TempDir()
	res, err := Build(openLetterSeed, BuildOptions{OutDir: out, Formats: []string{FormatCover}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Outputs) != 1 || filepath.Base(res.Outputs[0].Path) != "open-letter-1964-cover.pdf" {
		t.Fatalf("outputs %+v, want only the cover", res.Outputs)
	}
	data, err := os.ReadFile(res.Outputs[0].Path)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("cover is not a PDF (err %v)", err)
	}
	// The sheet is two covers and the spine wide, plus 1/8 in bleed each
	// side: for 5.5 in covers and the KDP white paper, 11 in + pages ×
	// 0.002252 in + 0.25 in.
	spine := cover.SpineWidth(res.Pages, 10626)
	width := (11*unit.Inch + spine + unit.Inch/4).Points()
	if !strings.Contains(string(data), fmt.Sprintf("/MediaBox [0 0 %.2f", width)) && !strings.Contains(string(data), fmt.Sprintf("%.3f", width)) {
		t.Errorf("cover sheet is not %.2f pt wide (%d pages)", width, res.Pages)
	}
}

// TestUnknownLanguageNotHyphenated checks that a book in a language without
// hyphenation patterns is built unhyphenated, never with English patterns,
// and that the build says so at the manifest's language.
func TestUnknownLanguageNotHyphenated(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "book")
	if err := os.CopyFS(dir, os.DirFS("../testdata/seeds/markdown-sample")); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, seed.ManifestName)
	data, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	data = regexp.MustCompile(`(?m)^language: .*$`).ReplaceAll(data, []byte("language: tr"))
	if err := os.WriteFile(manifest, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(dir, BuildOptions{OutDir: t.TempDir(), Formats: []string{FormatPDF}})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, w := range res.Book.Warnings {
		if strings.Contains(w.String(), `manifest.yaml:`) && strings.Contains(w.Message, `language "tr": no hyphenation patterns`) {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning about the language: %v", res.Book.Warnings)
	}
}

// TestWorkersDoNotChangeOutput builds the open letter with one worker, every
// stage in turn, and with one per processor: the files are the same.
func TestWorkersDoNotChangeOutput(t *testing.T) {
	var outs [2][]string
	for i, workers := range []int{1, 0} {
		res, err := Build(openLetterSeed, BuildOptions{OutDir: t.TempDir(), LoadOptions: LoadOptions{Workers: workers}})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range res.Outputs {
			data, err := os.ReadFile(o.Path)
			if err != nil {
				t.Fatal(err)
			}
			outs[i] = append(outs[i], string(data))
		}
	}
	if len(outs[0]) != 2 || !slices.Equal(outs[0], outs[1]) {
		t.Error("one worker and many give different files")
	}
}

// TestOneIdentifier builds the sample's three files and finds the
// manifest's identifier in each: the EPUB's package document, and the XMP
// dc:identifier of the PDF and of the cover, so that a library or a store
// can tell they are one book.
func TestOneIdentifier(t *testing.T) {
	dir := sampleCopy(t, nil, nil)
	m, err := seed.LoadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.Identifier == "" {
		t.Fatal("the sample's manifest has no identifier")
	}
	res, err := Build(dir, BuildOptions{OutDir: t.TempDir(), Formats: []string{FormatEPUB, FormatPDF, FormatCover}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Outputs) != 3 {
		t.Fatalf("outputs %+v, want three", res.Outputs)
	}
	xmp := regexp.MustCompile(`<dc:identifier>([^<]*)</dc:identifier>`)
	for _, out := range res.Outputs {
		var ids []string
		if strings.HasSuffix(out.Path, ".epub") {
			z, err := zip.OpenReader(out.Path)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range z.File {
				if strings.HasSuffix(f.Name, ".opf") {
					rc, err := f.Open()
					if err != nil {
						t.Fatal(err)
					}
					opf, _ := io.ReadAll(rc)
					rc.Close()
					for _, m := range regexp.MustCompile(`<dc:identifier[^>]*>([^<]*)</dc:identifier>`).FindAllSubmatch(opf, -1) {
						ids = append(ids, string(m[1]))
					}
				}
			}
			z.Close()
		} else {
			data, err := os.ReadFile(out.Path)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range xmp.FindAllSubmatch(data, -1) {
				ids = append(ids, string(m[1]))
			}
		}
		if !slices.Equal(ids, []string{m.Identifier}) {
			t.Errorf("%s: identifiers %q, want the manifest's %q", filepath.Base(out.Path), ids, m.Identifier)
		}
	}
	// The printed copy names the same edition on its copyright page.
	pdftotext := needTool(t, "pdftotext", "poppler-utils")
	pdf := filepath.Join(filepath.Dir(res.Outputs[0].Path), filepath.Base(dir)+".pdf")
	text, err := exec.Command(pdftotext, "-l", "4", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	if !strings.Contains(string(text), m.Identifier) {
		t.Errorf("the PDF's first pages do not print the identifier %q:\n%s", m.Identifier, text)
	}
}

// TestDatelineTime builds the open letter's EPUB and finds its dateline's
// date, as the typography pass sets it (a no-break space after the month),
// in a <time> element with the date in ISO 8601.
func TestDatelineTime(t *testing.T) {
	out := t.TempDir()
	res, err := Build(openLetterSeed, BuildOptions{OutDir: out, Formats: []string{FormatEPUB}})
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.OpenReader(res.Outputs[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var all strings.Builder
	for _, f := range z.File {
		if strings.HasSuffix(f.Name, ".xhtml") {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(rc)
			rc.Close()
			all.Write(data)
		}
	}
	if want := `<time datetime="1964-10-05">October` + "\u00a0" + `5, 1964</time>`; !strings.Contains(all.String(), want) {
		t.Errorf("the EPUB lacks %q", want)
	}
}

func TestPrintEditionName(t *testing.T) {
	for _, tc := range []struct{ title, trim, publisher, want string }{
		{"An Open Letter", "5.5x8.5in", "Bindery Editions", "An Open Letter, print edition (5.5x8.5in trim), Bindery Editions"},
		{"Common Sense", "5.5x8.5in", "", "Common Sense, print edition (5.5x8.5in trim)"},
	} {
		if got := printEditionName(tc.title, tc.trim, tc.publisher); got != tc.want {
			t.Errorf("printEditionName(%q, %q, %q) = %q, want %q", tc.title, tc.trim, tc.publisher, got, tc.want)
		}
	}
}
