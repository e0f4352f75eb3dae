package layout

import (
	"strconv"
	"strings"
	"sync"
)

// Typesetter sets documents with one measurer, hyphenator and line breaker,
// remembering every paragraph it has broken into lines and every part it
// has broken into pages. Settings of the same book share that work: a
// second setting that changes only its back matter (to print page
// references found by the first) breaks only the paragraphs and the parts
// that changed.
type Typesetter struct {
	m      *FontMeasurer
	lines  *memoSetter
	breaks *pageBreakMemo

	mu      sync.Mutex
	pdfBase *pendingPDFBase // the start of the next PDF, see startPDF
}

// NewTypesetter makes a typesetter for books whose words may break as the
// hyphenation list says (TeX's \hyphenation: "Khru-shchev").
func NewTypesetter(hyphenation []string) (*Typesetter, error) {
	m, err := NewFontMeasurer()
	if err != nil {
		return nil, err
	}
	s := NewSetter(m, NewHyphenator().WithExceptions(hyphenation))
	// Font expansion of up to 2%, microtype's default, which the PDF
	// writer draws with Tz: it evens the word spaces more than any
	// setting of the glue alone (see Setter.UseExpansion).
	s.UseExpansion(20)
	return &Typesetter{m: m, lines: &memoSetter{s: s, cache: map[string][]Line{}}, breaks: &pageBreakMemo{spans: map[string][]pageSpan{}}}, nil
}

// Set sets a document in pages without writing its PDF (see Setting). The
// document's own Hyphenation is ignored: the typesetter's applies.
func (t *Typesetter) Set(doc *Document) (*Setting, error) {
	st, err := set(doc, t.m, t.lines, t.breaks)
	if err != nil {
		return nil, err
	}
	t.startPDF(st)
	return st, nil
}

// startPDF gives st the start of its PDF (the document with its fonts
// added), made on a goroutine of its own while the caller goes on. When a
// book is set twice, the start made for the first setting is ready by the
// time the second, which is the one written, writes its PDF, if both have
// the same page size and faces.
func (t *Typesetter) startPDF(st *Setting) {
	w, h := st.spec.mediaSize()
	faces := st.book.facesInUse()
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.pdfBase == nil || !t.pdfBase.usable(w, h, faces) {
		t.pdfBase = startPDFBase(w, h, faces)
	}
	st.base = t.pdfBase
}

// memoSetter remembers the lines of each paragraph it has set. Callers get
// copies, so the remembered lines never change. It is safe for concurrent
// use, as parts are composed in parallel.
type memoSetter struct {
	s     *Setter
	mu    sync.Mutex
	cache map[string][]Line
}

func (ms *memoSetter) Set(p ParagraphSpec) []Line {
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
func specKey(p ParagraphSpec) string {
	var b strings.Builder
	for _, n := range []int64{int64(p.Size), int64(p.Measure), int64(p.FirstIndent), int64(p.LeftIndent), int64(p.RightIndent), int64(p.Align)} {
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
		b.WriteByte(1)
		b.WriteString(sp.Link)
		b.WriteByte(2)
		b.WriteString(sp.Text)
	}
	return b.String()
}

func copyLines(lines []Line) []Line {
	if lines == nil {
		return nil
	}
	out := make([]Line, len(lines))
	copy(out, lines)
	for i := range out {
		out[i].Pieces = append([]Piece(nil), lines[i].Pieces...)
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
