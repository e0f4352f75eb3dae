package main

// End-to-end tests: build the real binary, run it on the open letter's seed,
// and open what it wrote: the EPUB with archive/zip, the PDF with pdftotext.
// They prove the property the whole tool exists for: every word the archive
// holds reaches the reader, in order, in both formats.

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"math/rand/v2"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/bindery-editions/bindery/edition/epub/epubcheck"
)

const (
	// seedSlug is the first seed; its folder name is its slug.
	seedSlug = "open-letter-1964"
	// sourceSHA256 is the SHA-256 of seeds/open-letter-1964/source.txt as
	// copied from the archive. The copy-text must stay verbatim: corrections
	// belong in emendations.yaml, never in the source file.
	sourceSHA256 = "761f26ee4adeed7871bbe7d8a3ff1fab8aa7e2677d8c1ef29f9b5c69b7f79656"
)

// seedDir is the seed folder, relative to this package's directory (go test
// runs tests there).
var seedDir = filepath.Join("..", "..", "seeds", seedSlug)

// inCI reports whether the tests run in CI, where the external checkers are
// installed by .ci/run and a missing one is a failure, not a skip.
func inCI() bool { return os.Getenv("CI") == "true" }

// needTool returns the path of an external program, or skips the test when
// it is absent (fails in CI).
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if inCI() {
		t.Fatalf("%s not found on PATH: CI must install %s (see .ci/run)", name, pkg)
	}
	t.Skipf("skipping: %s not found on PATH (install %s to run this check)", name, pkg)
	return ""
}

// binary is the command built once for the tests of this package that run
// it as a process; TestMain removes it.
var binary struct {
	once      sync.Once
	dir, path string
	err       error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	os.Exit(code)
}

// buildBindery compiles the command, once for all the tests that need it,
// and returns the binary's path.
func buildBindery(t *testing.T) string {
	t.Helper()
	binary.once.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			binary.err = fmt.Errorf("the go command is needed to build bindery: %v", err)
			return
		}
		if binary.dir, binary.err = os.MkdirTemp("", "bindery-test-"); binary.err != nil {
			return
		}
		binary.path = filepath.Join(binary.dir, "bindery")
		if runtime.GOOS == "windows" {
			binary.path += ".exe"
		}
		if out, err := exec.Command(goTool, "build", "-o", binary.path, ".").CombinedOutput(); err != nil {
			binary.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
}

// heavy skips an end-to-end test under -short: go test -short ./... is the
// quick run while working; go test ./... and .ci/run run everything.
func heavy(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("an end-to-end build: skipped with -short")
	}
}

// copySeed copies the seed folder into dir/<slug> and returns that path.
// Reading every file here also tells go test's cache that the test depends
// on them, so an edited manifest or introduction reruns the test.
func copySeed(t *testing.T, dir string) string {
	t.Helper()
	dst := filepath.Join(dir, seedSlug)
	err := filepath.WalkDir(seedDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(seedDir, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatalf("copying the seed: %v", err)
	}
	return dst
}

// runBuild runs `bindery build -o out seed` in dir with the given
// environment (added to a minimal one) and fails the test on a non-zero exit.
func runBuild(t *testing.T, bin, dir, out, book string, env ...string) {
	t.Helper()
	cmd := exec.Command(bin, "build", "-q", "-o", out, book)
	cmd.Dir = dir
	cmd.Env = append(baseEnv(), env...)
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("bindery build -o %s %s: %v\n%s", out, book, err, stderr.Bytes())
	}
}

// baseEnv is the environment the builds run in: PATH and HOME only, so that
// nothing of the developer's (SOURCE_DATE_EPOCH, TZ, a locale) leaks in
// unless a test sets it.
func baseEnv() []string {
	return []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
}

// buildSeed builds the open letter once into a temporary folder and returns
// the paths of its EPUB and PDF.
func buildSeed(t *testing.T) (epubPath, pdfPath string) {
	t.Helper()
	bin := buildBindery(t)
	work := t.TempDir()
	book := copySeed(t, work)
	out := filepath.Join(work, "dist")
	runBuild(t, bin, work, out, book)
	return filepath.Join(out, seedSlug+".epub"), filepath.Join(out, seedSlug+".pdf")
}

func TestSourceIsVerbatim(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join(seedDir, "source.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != sourceSHA256 {
		t.Errorf("seeds/%s/source.txt has SHA-256 %s, want %s: the copy-text must stay as the archive has it; record corrections in emendations.yaml", seedSlug, got, sourceSHA256)
	}
}

// TestEditions builds the open letter once and checks both editions: the
// text of each holds every body paragraph of the source, in order, and the
// EPUB passes epubcheck.
//
// The text comparison is on word sequences: lower case, letters and digits
// only, hyphens dropped (so line-end hyphenation and "Marxist-Leninist"
// compare equal), quotes and dashes ignored. Emendations change a few words,
// and running heads, folios and note numbers add some, so the test allows a
// small loss: at least 99% of the body's words must appear in order (a
// longest common subsequence), and no paragraph may lose more than
// max(2, 5%) of its words.
func TestEditions(t *testing.T) {
	t.Parallel()
	heavy(t)
	src, err := os.ReadFile(filepath.Join(seedDir, "source.txt"))
	if err != nil {
		t.Fatal(err)
	}
	paras := bodyParagraphs(string(src))
	if len(paras) != 96 {
		t.Fatalf("found %d body paragraphs in the source, want the letter's 96", len(paras))
	}
	epubPath, pdfPath := buildSeed(t)

	t.Run("epub-text", func(t *testing.T) {
		text, err := epubText(epubPath)
		if err != nil {
			t.Fatal(err)
		}
		checkParagraphs(t, paras, words(text))
	})
	t.Run("pdf-text", func(t *testing.T) {
		pdftotext := needTool(t, "pdftotext", "poppler-utils")
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdfPath, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", pdfPath, err)
		}
		checkParagraphs(t, paras, words(string(out)))
	})
	epub, err := os.ReadFile(epubPath)
	if err != nil {
		t.Fatal(err)
	}
	epubcheck.Check(t, epub)
}

// bodyParagraphs splits the archive text into blank-line-separated
// paragraphs and returns those of the letter's body. The open letter's file
// opens with two blocks (the title lines; the imprint) and closes with three
// (the signature; the dateline and source line; the archive's web link),
// which the reader turns into title page, signature and apparatus.
func bodyParagraphs(src string) [][]string {
	src = strings.TrimPrefix(src, "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	var blocks []string
	for _, b := range regexp.MustCompile(`\n[ \t]*\n`).Split(src, -1) {
		if strings.TrimSpace(b) != "" {
			blocks = append(blocks, b)
		}
	}
	if len(blocks) < 6 {
		return nil
	}
	var paras [][]string
	for _, b := range blocks[2 : len(blocks)-3] {
		if w := words(b); len(w) > 0 {
			paras = append(paras, w)
		}
	}
	return paras
}

var (
	lineEndHyphen = regexp.MustCompile(`[-\x{2010}\x{00AD}][ \t]*\r?\n\s*`)
	ligatures     = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl")
)

// words normalises text to its sequence of words: lower case, ligatures
// undone, hyphens dropped (joining a word broken at a line end), and every
// other non-letter, non-digit rune a separator. A digit after a letter
// starts a new word, so that a note number printed against its word
// ("Congress3") leaves the word whole.
func words(text string) []string {
	text = lineEndHyphen.ReplaceAllString(text, "")
	text = ligatures.Replace(text)
	text = strings.Map(func(r rune) rune {
		switch r {
		case '-', '\u00ad', '\u2010', '\u2011':
			return -1
		}
		return r
	}, text)
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}) {
		start, prevLetter := 0, false
		for i, r := range f {
			if unicode.IsDigit(r) && prevLetter {
				out = append(out, f[start:i])
				start = i
			}
			prevLetter = unicode.IsLetter(r)
		}
		out = append(out, f[start:])
	}
	return out
}

// checkParagraphs asserts that the body as a whole keeps at least 99% of
// its words in order, and that each paragraph keeps all but max(2, 5%) of
// its words.
func checkParagraphs(t *testing.T, paras [][]string, text []string) {
	t.Helper()
	kept, total, problems := compareParagraphs(paras, text)
	ratio := float64(kept) / float64(total)
	t.Logf("%d of %d body words in order (%.2f%%); %d words extracted", kept, total, 100*ratio, len(text))
	if ratio < 0.99 {
		t.Errorf("only %.2f%% of the body's words appear in order, want at least 99%%", 100*ratio)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// compareParagraphs aligns the paragraphs' words, in order, with text (a
// longest common subsequence) and returns how many of all their words it
// kept, of how many, and a problem for each paragraph that lost more than
// max(2, 5%) of its words.
func compareParagraphs(paras [][]string, text []string) (kept, total int, problems []string) {
	var body []string
	for _, p := range paras {
		body = append(body, p...)
	}
	match := lcsAlign(body, text)
	at := 0
	for n, p := range paras {
		var missing []string
		for i, w := range p {
			if match[at+i] < 0 {
				missing = append(missing, w)
			}
		}
		at += len(p)
		kept += len(p) - len(missing)
		if len(missing) > max(2, len(p)/20) {
			problems = append(problems, fmt.Sprintf("paragraph %d (%q...) lost %d of its %d words: %s",
				n+1, strings.Join(p[:min(6, len(p))], " "), len(missing), len(p), strings.Join(missing, " ")))
		}
	}
	return kept, len(body), problems
}

func TestCompareParagraphs(t *testing.T) {
	t.Parallel()
	paras := [][]string{
		strings.Fields("dear comrades"),
		strings.Fields("a grave situation has been created in the movement"),
		strings.Fields("the originators and principal culprits for this situation"),
		strings.Fields("the party of labor has urged the leadership"),
	}
	join := func(idx ...int) []string {
		var out []string
		for _, i := range idx {
			out = append(out, "folio", "12") // running heads, folios, note numbers
			out = append(out, paras[i]...)
		}
		return out
	}
	emended := join(0, 1, 2, 3)
	emended[slices.Index(emended, "movement")] = "movements"
	// 2 + 9 + 8 + 8 = 27 words in all.
	tests := []struct {
		name     string
		text     []string
		kept     int
		problems int
	}{
		{"whole, with furniture between", join(0, 1, 2, 3), 27, 0},
		{"a paragraph lost", join(0, 1, 3), 27 - 8, 1},
		{"two paragraphs swapped: the longer kept", join(0, 2, 1, 3), 27 - 8, 1},
		{"one word emended", emended, 27 - 1, 0},
		{"nothing extracted", nil, 0, 3}, // "dear comrades" loses only 2
	}
	for _, tt := range tests {
		kept, total, problems := compareParagraphs(paras, tt.text)
		if kept != tt.kept || total != 27 || len(problems) != tt.problems {
			t.Errorf("%s: kept %d of %d with problems %q; want %d of 27 with %d problems", tt.name, kept, total, problems, tt.kept, tt.problems)
		}
	}
}

// lcsLength returns the length of the longest common subsequence of a and b.
func lcsLength(a, b []string) int {
	n := 0
	for _, j := range lcsAlign(a, b) {
		if j >= 0 {
			n++
		}
	}
	return n
}

// lcsAlign returns a longest common subsequence of a and b as an alignment:
// match[i] is the index in b of the word a[i] is matched with, or -1. The
// rows of the dynamic programme are computed with the bit-parallel algorithm
// of Allison and Dix (1986) as refined by Hyyrö (2004), 64 cells to a
// machine word, and kept for the traceback: 10,000 source words against
// 16,000 extracted ones take 2.6 million word operations and 21 MB, instead
// of 160 million cells.
//
// Bit i of row j is 0 where LCS(a[:i+1], b[:j]) exceeds LCS(a[:i], b[:j]),
// so LCS(a[:i], b[:j]) is the number of zeros among the row's first i bits.
func lcsAlign(a, b []string) []int {
	match := make([]int, len(a))
	for i := range match {
		match[i] = -1
	}
	if len(a) == 0 || len(b) == 0 {
		return match
	}
	n := (len(a) + 63) / 64
	// eq[w] has bit i set where a[i] == w.
	eq := make(map[string][]uint64)
	for i, w := range a {
		m := eq[w]
		if m == nil {
			m = make([]uint64, n)
			eq[w] = m
		}
		m[i/64] |= 1 << (i % 64)
	}
	rows := make([]uint64, (len(b)+1)*n)
	row := func(j int) []uint64 { return rows[j*n : (j+1)*n] }
	for k := range row(0) {
		row(0)[k] = ^uint64(0)
	}
	zero := make([]uint64, n)
	for j, w := range b {
		m := eq[w]
		if m == nil {
			m = zero
		}
		prev, next := row(j), row(j+1)
		var carry uint64
		for k := range next {
			u := prev[k] & m[k]
			sum, c := bits.Add64(prev[k], u, carry)
			carry = c
			next[k] = sum | (prev[k] &^ m[k])
		}
	}
	// lcs returns LCS(a[:i], b[:j]).
	lcs := func(i, j int) int {
		r, ones := row(j), 0
		for k := 0; k < i/64; k++ {
			ones += bits.OnesCount64(r[k])
		}
		if i%64 != 0 {
			ones += bits.OnesCount64(r[i/64] & (1<<(i%64) - 1))
		}
		return i - ones
	}
	for i, j := len(a), len(b); i > 0 && j > 0; {
		here := lcs(i, j)
		switch {
		case a[i-1] == b[j-1] && lcs(i-1, j-1)+1 == here:
			i, j = i-1, j-1
			match[i] = j
		case lcs(i, j-1) == here:
			j--
		default:
			i--
		}
	}
	return match
}

func TestLCSLength(t *testing.T) {
	t.Parallel()
	long := strings.Fields(strings.Repeat("a b c d e f g ", 40)) // 280 words: several machine words
	tests := []struct {
		a, b string
		want int
	}{
		{"", "a b", 0},
		{"a b c", "a b c", 3},
		{"a b c", "c b a", 1},
		{"a b c d", "a x c y d", 3},
		{"the grave situation", "running head the very grave 12 situation", 3},
		{"x y", "a b", 0},
	}
	for _, tt := range tests {
		if got := lcsLength(strings.Fields(tt.a), strings.Fields(tt.b)); got != tt.want {
			t.Errorf("lcsLength(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	// Across machine words: dropping every seventh word of 280 keeps 240,
	// and the full sequence against itself keeps all 280.
	var dropped []string
	for i, w := range long {
		if i%7 != 3 {
			dropped = append(dropped, w)
		}
	}
	if got := lcsLength(long, dropped); got != 240 {
		t.Errorf("lcsLength(280 words, 240 of them) = %d, want 240", got)
	}
	if got := lcsLength(long, long); got != 280 {
		t.Errorf("lcsLength(280 words, itself) = %d, want 280", got)
	}
	// Against the textbook quadratic recurrence, on sequences from a small
	// alphabet (many partial matches) that cross machine-word boundaries.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		a, b := randomWords(rng, rng.IntN(200)), randomWords(rng, rng.IntN(200))
		if got, want := lcsLength(a, b), lcsQuadratic(a, b); got != want {
			t.Fatalf("lcsLength(%q, %q) = %d, want %d", a, b, got, want)
		}
		last := -1
		for i, j := range lcsAlign(a, b) {
			if j < 0 {
				continue
			}
			if j <= last || a[i] != b[j] {
				t.Fatalf("lcsAlign(%q, %q) matches a[%d]=%q with b[%d]=%q after b[%d]", a, b, i, a[i], j, b[j], last)
			}
			last = j
		}
	}
}

func randomWords(rng *rand.Rand, n int) []string {
	w := make([]string, n)
	for i := range w {
		w[i] = string(rune('a' + rng.IntN(4)))
	}
	return w
}

// lcsQuadratic is the O(len(a)·len(b)) dynamic programme (Cormen et al.,
// Introduction to Algorithms, §14.4), the reference for lcsLength.
func lcsQuadratic(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestWords(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"N. Khrushchev’s group", "n khrushchev s group"},
		{"Marxist-Leninist", "marxistleninist"},
		{"Marxist-\nLeninist", "marxistleninist"},
		{"commu-\n  nist", "communist"},
		{"«Zëri i Popullit»", "zëri i popullit"},
		{"“quoted” — and so on…", "quoted and so on"},
		{"ﬁrst", "first"},
		{"the 22nd Congress3 of", "the 22nd congress 3 of"},
	}
	for _, tt := range tests {
		if got := strings.Join(words(tt.in), " "); got != tt.want {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// epubText returns the text of an EPUB's spine documents, in reading order,
// with a line break at every block element.
func epubText(name string) (string, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return "", err
	}
	defer zr.Close()
	files := make(map[string]*zip.File)
	for _, f := range zr.File {
		files[f.Name] = f
	}
	read := func(n string) ([]byte, error) {
		f, ok := files[n]
		if !ok {
			return nil, fmt.Errorf("%s: no %s in the archive", name, n)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(rc)
	}

	container, err := read("META-INF/container.xml")
	if err != nil {
		return "", err
	}
	var c struct {
		Rootfiles []struct {
			Path string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := xml.Unmarshal(container, &c); err != nil || len(c.Rootfiles) == 0 {
		return "", fmt.Errorf("%s: META-INF/container.xml names no package document: %v", name, err)
	}
	opfPath := c.Rootfiles[0].Path
	opf, err := read(opfPath)
	if err != nil {
		return "", err
	}
	var pkg struct {
		Items []struct {
			ID   string `xml:"id,attr"`
			Href string `xml:"href,attr"`
		} `xml:"manifest>item"`
		Spine []struct {
			IDRef string `xml:"idref,attr"`
		} `xml:"spine>itemref"`
	}
	if err := xml.Unmarshal(opf, &pkg); err != nil {
		return "", fmt.Errorf("%s: %s: %w", name, opfPath, err)
	}
	hrefs := make(map[string]string)
	for _, it := range pkg.Items {
		hrefs[it.ID] = it.Href
	}
	var text strings.Builder
	for _, ref := range pkg.Spine {
		href, ok := hrefs[ref.IDRef]
		if !ok {
			return "", fmt.Errorf("%s: spine item %q is not in the manifest", name, ref.IDRef)
		}
		doc, err := read(path.Join(path.Dir(opfPath), href))
		if err != nil {
			return "", err
		}
		if err := xhtmlText(&text, doc); err != nil {
			return "", fmt.Errorf("%s: %s: %w", name, href, err)
		}
	}
	return text.String(), nil
}

// xhtmlText appends the character data of an XHTML document's body to w,
// with a newline before each block-level element. Note references
// (epub:type="noteref") are left out: their numbers are the edition's, not
// the source's words.
func xhtmlText(w *strings.Builder, doc []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	inBody := false
	skip := 0 // depth inside a note reference
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if skip > 0 || isNoteRef(el) {
				skip++
				continue
			}
			switch el.Name.Local {
			case "body":
				inBody = true
			case "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "blockquote", "tr", "dd", "dt", "hr":
				w.WriteByte('\n')
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if el.Name.Local == "body" {
				inBody = false
			}
		case xml.CharData:
			if inBody && skip == 0 {
				w.Write(el)
			}
		}
	}
}

// isNoteRef reports whether el is a note reference (EPUB 3 Structural
// Semantics Vocabulary "noteref"; DPUB-ARIA "doc-noteref").
func isNoteRef(el xml.StartElement) bool {
	for _, a := range el.Attr {
		if a.Name.Local != "type" && a.Name.Local != "role" {
			continue
		}
		if f := strings.Fields(a.Value); slices.Contains(f, "noteref") || slices.Contains(f, "doc-noteref") {
			return true
		}
	}
	return false
}
