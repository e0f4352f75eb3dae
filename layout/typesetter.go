// Package layout sets a book in pages: it breaks the paragraphs of a
// document (layout/document) into lines (Knuth–Plass, hyphenated by
// Liang's patterns), composes each part as a flow on the page's baseline
// grid (layout/pagedesign), paginates it with its footnotes, running
// heads, folios and a contents page, and draws the pages
// (layout/drawing), which layout/pdf writes as a file. It knows nothing
// of Markdown, EPUB or seeds: its input is a Document of plain blocks
// built by edition/printing, and its one way in is Typesetter.Set.
package layout

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/hyphen"
	"github.com/bindery-editions/bindery/layout/linebreak"
)

// Typesetter sets documents with one measurer, hyphenator and line breaker,
// remembering every paragraph it has broken into lines and every part it
// has broken into pages. Settings of the same book share that work: a
// second setting that changes only its back matter (to print page
// references found by the first) breaks only the paragraphs and the parts
// that changed.
type Typesetter struct {
	m       *linebreak.ShapedMeasurer
	breaks  *pageBreakMemo
	workers int

	mu sync.Mutex
	// lines is the paragraph memo of the hyphenation list linesFor was
	// last asked for; a book keeps one list, so it rarely changes.
	lines       *memoSetter
	hyphenation string // the language and list lines was made for
	warning     string // what making it had to say

	// phrases are the hyphenators of the languages phrases are marked in
	// (Span.Lang), each made the first time a document has one.
	phrases phraseHyphenators
}

// NewTypesetter makes a typesetter that keeps at most workers goroutines
// busy composing a book's parts (0: one per processor). It is the one way
// into layout: every setting of a document goes through Set.
func NewTypesetter(workers int) (*Typesetter, error) {
	m := linebreak.NewShapedMeasurer()
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return &Typesetter{m: m, workers: workers, breaks: &pageBreakMemo{spans: map[string][]pageSpan{}}}, nil
}

// Set sets a document in pages (see Setting), its words hyphenated by the
// patterns of its language and breaking as its Hyphenation list says. A
// language without patterns is set without hyphenation, never with another
// language's, and said so in the result's Warnings.
//
// A phrase marked with its own language (Span.Lang) is hyphenated by that
// language's patterns, without the document's list, which is the
// document language's words; a phrase in a language without patterns is
// not hyphenated, and said so too.
func (t *Typesetter) Set(doc *document.Document) (*Setting, error) {
	lines, warning := t.linesFor(doc.Language, doc.Hyphenation)
	st, err := set(doc, t.m, lines, t.breaks, t.workers)
	if err != nil {
		return nil, err
	}
	if warning != "" {
		st.Warnings = append(st.Warnings, warning)
	}
	for _, lang := range phraseLanguages(doc) {
		if _, err := t.phrases.get(lang); err != nil && !transliterated(lang) {
			st.Warnings = append(st.Warnings, fmt.Sprintf("words of the phrases marked as %q are not hyphenated: %v", lang, err))
		}
	}
	return st, nil
}

// transliterated reports whether tag names a language with patterns
// written in another script than the tag's ("ru-Latn"): a transliteration
// is rightly set without hyphenation, as its words follow neither its
// language's patterns nor the book's.
func transliterated(tag string) bool {
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	if _, conf := t.Script(); conf != language.Exact {
		return false
	}
	base, _ := t.Base()
	_, err = hyphen.Match(base.String())
	return err == nil
}

// phraseLanguages lists the languages a document's phrases are marked in,
// sorted.
func phraseLanguages(doc *document.Document) []string {
	seen := map[string]bool{}
	add := func(spans []document.Span) {
		for i := range spans {
			if spans[i].Lang != "" {
				seen[spans[i].Lang] = true
			}
		}
	}
	for _, p := range doc.Parts {
		for _, b := range p.Blocks {
			add(b.Spans)
			if b.Table != nil {
				for _, rows := range [][][]document.Cell{b.Table.Head, b.Table.Body} {
					for _, row := range rows {
						for _, c := range row {
							for _, para := range c.Paras {
								add(para.Spans)
							}
						}
					}
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// phraseHyphenators makes and keeps the hyphenator of each language a
// phrase is marked in, so that its cache of words serves every paragraph.
// It is safe for concurrent use.
type phraseHyphenators struct {
	mu     sync.Mutex
	byLang map[string]phraseHyphenator
}

type phraseHyphenator struct {
	h   *hyphen.Hyphenator
	err error
}

// get returns the hyphenator of lang, or the reason there is none.
func (ph *phraseHyphenators) get(lang string) (*hyphen.Hyphenator, error) {
	ph.mu.Lock()
	defer ph.mu.Unlock()
	if e, ok := ph.byLang[lang]; ok {
		return e.h, e.err
	}
	if ph.byLang == nil {
		ph.byLang = map[string]phraseHyphenator{}
	}
	h, err := hyphen.New(lang)
	ph.byLang[lang] = phraseHyphenator{h, err}
	return h, err
}

// languages returns the Setter's Languages for a document hyphenated with
// book: a phrase in the document's own patterns' language is hyphenated
// with book, and so with the document's list.
func (ph *phraseHyphenators) languages(book *hyphen.Hyphenator) func(lang string) *hyphen.Hyphenator {
	return func(lang string) *hyphen.Hyphenator {
		if book != nil {
			if id, err := hyphen.Match(lang); err == nil && id == book.Language() {
				return book
			}
		}
		h, _ := ph.get(lang)
		return h
	}
}

// linesFor returns the paragraph memo of a language and a hyphenation
// list, making it when they are not the last ones', with the warning its
// hyphenator gave.
func (t *Typesetter) linesFor(language string, hyphenation []string) (*memoSetter, string) {
	key := language + "\x01" + strings.Join(hyphenation, "\x00")
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.lines == nil || t.hyphenation != key {
		h, warning := hyphenatorFor(language, hyphenation)
		s := newSetter(t.m, h)
		s.Languages = t.phrases.languages(h)
		t.lines, t.hyphenation, t.warning = &memoSetter{s: s, cache: map[string][]linebreak.Line{}}, key, warning
	}
	return t.lines, t.warning
}

// newSetter returns the line breaker a book is set with.
//
// Gentium's word space is narrow (0.22 em, against 0.33 in Computer Modern),
// so its glue alone stretches little and the passes within tolerance often
// fail. Font expansion of up to 2.5%, drawn with Tz, gives the letters a
// share of every adjustment (see Setter.UseExpansion); a first pass without
// hyphenation that accepts lines up to badness 200 (TeX's \pretolerance,
// which Plain TeX sets at 100) and a hyphen penalty of 150 (TeX's 50) keep
// hyphens to the paragraphs that need them. On the open letter's 296 pt
// measure at 10.5 pt, these took the hyphenated lines from 14% to 8% of
// the lines with the word spaces' 95th percentile at 1.32 times the natural
// space (TestOpenLetterSetting in layout/linebreak).
func newSetter(m linebreak.Measurer, h *hyphen.Hyphenator) *linebreak.Setter {
	s := linebreak.NewSetter(m, h)
	s.UseExpansion(25)
	s.FinalExpansion = 40
	s.Pretolerance = 200
	s.HyphenPenalty = 150
	return s
}

// hyphenatorFor returns the hyphenator of a language, knowing the words of
// a hyphenation list, or nil and a warning when the language has no
// patterns.
func hyphenatorFor(language string, hyphenation []string) (*hyphen.Hyphenator, string) {
	h, err := hyphen.New(language)
	if err != nil {
		return nil, fmt.Sprintf("words are not hyphenated: %v", err)
	}
	return h.WithExceptions(hyphenation), ""
}

// memoSetter remembers the lines of each paragraph it has set. Callers get
// copies, so the remembered lines never change. It is safe for concurrent
// use, as parts are composed in parallel.
type memoSetter struct {
	s     *linebreak.Setter
	mu    sync.Mutex
	cache map[string][]linebreak.Line
}

func (ms *memoSetter) Set(p linebreak.ParagraphSpec) []linebreak.Line {
	key := specKey(p)
	ms.mu.Lock()
	lines, ok := ms.cache[key]
	ms.mu.Unlock()
	if !ok {
		lines = ms.s.Set(p)
		ms.mu.Lock()
		ms.cache[key] = lines
		ms.mu.Unlock()
	}
	return copyLines(lines)
}

// specKey is a paragraph's identity for the memo: everything Set reads.
func specKey(p linebreak.ParagraphSpec) string {
	var b strings.Builder
	for _, n := range []int64{int64(p.Size), int64(p.Measure), int64(p.FirstIndent), int64(p.LeftIndent), int64(p.RightIndent), int64(p.Align), int64(p.Looseness), int64(p.BestLines)} {
		b.WriteString(strconv.FormatInt(n, 10))
		b.WriteByte(',')
	}
	if p.Hyphenate {
		b.WriteByte('h')
	}
	for _, sp := range p.Spans {
		b.WriteByte(0)
		b.WriteString(strconv.Itoa(int(sp.Style)))
		if sp.Super {
			b.WriteByte('^')
		}
		if sp.Strike {
			b.WriteByte('-')
		}
		if sp.Mark {
			b.WriteByte('*')
		}
		if sp.Lang != "" {
			b.WriteByte(4)
			b.WriteString(sp.Lang)
		}
		b.WriteByte(1)
		b.WriteString(sp.Link)
		b.WriteByte(2)
		b.WriteString(sp.Text)
		if sp.Object != nil {
			b.WriteByte(3)
			b.WriteString(sp.Object.Key())
		}
	}
	return b.String()
}

func copyLines(lines []linebreak.Line) []linebreak.Line {
	if lines == nil {
		return nil
	}
	out := make([]linebreak.Line, len(lines))
	copy(out, lines)
	for i := range out {
		out[i].Pieces = append([]linebreak.Piece(nil), lines[i].Pieces...)
	}
	return out
}

// pageBreakMemo remembers the pages each part's flow was broken into,
// keyed by everything paginate reads of the flow and the page (see
// pageBreakKey), so an unchanged part of a second setting is not
// paginated again. It is safe for concurrent use.
type pageBreakMemo struct {
	mu    sync.Mutex
	spans map[string][]pageSpan
	// fills are the paragraphs fillPages set looser or tighter in a flow,
	// by the flow's key.
	fills map[string][]variation
}

func (pm *pageBreakMemo) getFills(key string) ([]variation, bool) {
	pm.mu.Lock()
	defer pm.mu.Unlock()
	v, ok := pm.fills[key]
	return v, ok
}

func (pm *pageBreakMemo) putFills(key string, v []variation) {
	pm.mu.Lock()
	defer pm.mu.Unlock()
	if pm.fills == nil {
		pm.fills = map[string][]variation{}
	}
	pm.fills[key] = v
}

func (pm *pageBreakMemo) get(key string) ([]pageSpan, bool) {
	pm.mu.Lock()
	defer pm.mu.Unlock()
	sp, ok := pm.spans[key]
	return sp, ok
}

func (pm *pageBreakMemo) put(key string, spans []pageSpan) {
	pm.mu.Lock()
	defer pm.mu.Unlock()
	pm.spans[key] = spans
}
