package edition

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/epub"
	"github.com/bindery-editions/bindery/edition/printing"
	"github.com/bindery-editions/bindery/layout/document"
)

// TestPageListMatchesPrintEdition sets the open letter, writes its EPUB with
// the print edition's page list, and checks each marker against the PDF
// itself, read back with pdftotext: the word that follows the marker in the
// EPUB must be the word that opens the printed page.
func TestPageListMatchesPrintEdition(t *testing.T) {
	t.Parallel()
	pdftotext := needTool(t, "pdftotext", "poppler-utils")
	book, err := Load(openLetterSeed, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	printed, err := printing.Set(book.Edition, printing.Options{Profile: document.Print})
	if err != nil {
		t.Fatal(err)
	}
	var epubData bytes.Buffer
	if _, err := epub.Write(&epubData, book.Edition, epub.Options{PageList: printed.PageStarts, PrintEdition: "test"}); err != nil {
		t.Fatal(err)
	}
	afterMarker := epubWordsAfterMarkers(t, epubData.Bytes())
	pdf := t.TempDir() + "/book.pdf"
	pdfData, err := printed.WritePDF()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pdf, pdfData, 0o644); err != nil {
		t.Fatal(err)
	}

	titles := map[string]bool{strings.ToLower(book.Edition.Meta.Title): true}
	for _, sec := range book.Edition.Sections() {
		titles[strings.ToLower(strings.ReplaceAll(sec.PlainTitle(), "\u00a0", " "))] = true
	}
	checked := 0
	for _, ps := range printed.PageStarts {
		if !strings.HasPrefix(ps.BlockID, "part-") {
			continue // front and back matter pages open with headings and furniture
		}
		word, ok := afterMarker[ps.Label]
		if !ok {
			t.Errorf("page %s: no marker in the EPUB", ps.Label)
			continue
		}
		out, err := exec.Command(pdftotext, "-f", strconv.Itoa(ps.Page), "-l", strconv.Itoa(ps.Page), pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		// Skip the page's furniture and headings: the running head (the
		// book's or a part's title) and, on a part's opening page, its
		// heading.
		var lines []string
		heading := ""
		for _, l := range strings.Split(string(out), "\n") {
			l = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " ")))
			if l == "" {
				continue
			}
			if len(lines) == 0 {
				// A running head may be cut short with an ellipsis, and
				// a heading may run over two lines.
				candidate := strings.TrimSpace(heading + " " + strings.TrimSuffix(l, "…"))
				if isTitlePrefix(titles, candidate) {
					heading = candidate
					if titles[candidate] || strings.HasSuffix(l, "…") {
						heading = ""
					}
					continue
				}
			}
			lines = append(lines, l)
		}
		if len(lines) == 0 {
			t.Errorf("page %s: no text", ps.Label)
			continue
		}
		first := normalWord(strings.Fields(lines[0])[0])
		if want := strings.ToLower(normalWord(word)); first != want {
			// A page may open in the middle of a word hyphenated at the
			// foot of the page before: the marker stands before the word,
			// and the word is the last fragment there and this page's first.
			before := lastHyphenated(t, pdftotext, pdf, ps.Page-1)
			if before == "" || before+first != want {
				t.Errorf("page %s opens with %q in the PDF (after %q-), but its EPUB marker precedes %q", ps.Label, first, before, word)
			}
		}
		checked++
	}
	if checked < 20 {
		t.Errorf("checked %d body pages, want the whole body (20 or more)", checked)
	}
}

// lastHyphenated returns the fragment of a word hyphenated at the end of
// page n's last line of text, lower-cased, or "".
func lastHyphenated(t *testing.T, pdftotext, pdf string, n int) string {
	t.Helper()
	// -layout keeps the hyphen, which pdftotext's plain mode takes away,
	// joining the fragment to the line below (here the folio).
	out, err := exec.Command(pdftotext, "-layout", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range slices.Backward(strings.Split(string(out), "\n")) {
		fields := strings.Fields(l)
		if len(fields) == 0 || regexp.MustCompile(`^\d+$`).MatchString(strings.TrimSpace(l)) {
			continue // blank, or the folio
		}
		last := fields[len(fields)-1]
		if !strings.HasSuffix(last, "-") {
			return ""
		}
		return strings.ToLower(normalWord(strings.TrimSuffix(last, "-")))
	}
	return ""
}

// isTitlePrefix reports whether s begins some title.
func isTitlePrefix(titles map[string]bool, s string) bool {
	for t := range titles {
		if strings.HasPrefix(t, s) {
			return true
		}
	}
	return false
}

var markerRE = regexp.MustCompile(`<span epub:type="pagebreak"[^>]*aria-label="([^"]+)"/>`)
var tagRE = regexp.MustCompile(`<[^>]*>`)

// epubWordsAfterMarkers maps each page label to the first word that follows
// its marker in the EPUB's body files.
func epubWordsAfterMarkers(t *testing.T, epub []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(epub), int64(len(epub)))
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]string{}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xhtml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		doc := string(data)
		for _, m := range markerRE.FindAllStringSubmatchIndex(doc, -1) {
			label := doc[m[2]:m[3]]
			rest := tagRE.ReplaceAllString(doc[m[1]:], " ")
			if fs := strings.Fields(rest); len(fs) > 0 {
				words[label] = fs[0]
			}
		}
	}
	return words
}

// normalWord keeps letters and digits, so quotation marks and punctuation
// that the two formats set differently do not count.
func normalWord(w string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 0x7f && r != '«' && r != '»' && r != '“' && r != '”' && r != '‘' && r != '’' && r != '\u00a0' {
			return r
		}
		return -1
	}, strings.SplitN(w, "\u00a0", 2)[0])
}
