// Package layout sets a book in pages: it breaks the paragraphs of a
// document (layout/document) into lines with the book's line breaker
// (layout/paragraph), composes each part as a flow on the page's baseline
// grid (layout/pagedesign), cuts it into pages with its footnotes
// (layout/pagebreak), adds running heads, folios and a contents page, and
// draws the pages (layout/drawing; tagged by layout/tagging), which
// layout/pdf writes as a file. It knows nothing of Markdown, EPUB or
// seeds: its input is a Document of plain blocks built by
// edition/printing, and its one way in is Typesetter.Set.
package layout

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/hyphen"
	"github.com/bindery-editions/bindery/layout/linebreak"
	"github.com/bindery-editions/bindery/layout/paragraph"
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
	lines       *paragraph.Memo
	hyphenation string // the language and list lines was made for
	warning     string // what making it had to say

	// phrases are the hyphenators of the languages phrases are marked in
	// (Span.Lang), each made the first time a document has one.
	phrases paragraph.Phrases
}

// Preload starts reading, on goroutines of their own, what every setting
// needs and a process reads once (the book's faces), so that a caller can
// have it read while it prepares the document; it returns at once.
func Preload() { linebreak.PreloadFaces() }

// PreloadLanguage starts reading, on a goroutine of its own, the
// hyphenation patterns of a language (BCP 47), which a process reads once
// and the first setting of a book in that language would otherwise read
// before it sets a word (about 2 ms for English); it returns at once. A
// language without patterns is left for Set to report.
func PreloadLanguage(tag string) {
	go func() { _, _ = hyphen.New(tag) }()
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
		if _, err := t.phrases.Get(lang); err != nil && !transliterated(lang) {
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

// linesFor returns the paragraph memo of a language and a hyphenation
// list, making it when they are not the last ones', with the warning its
// hyphenator gave.
func (t *Typesetter) linesFor(language string, hyphenation []string) (*paragraph.Memo, string) {
	key := language + "\x01" + strings.Join(hyphenation, "\x00")
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.lines == nil || t.hyphenation != key {
		h, warning := paragraph.Hyphenator(language, hyphenation)
		s := paragraph.NewSetter(t.m, h)
		s.Languages = t.phrases.Languages(h)
		t.lines, t.hyphenation, t.warning = paragraph.NewMemo(s), key, warning
	}
	return t.lines, t.warning
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
