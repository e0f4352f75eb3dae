package paragraph

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/bindery-editions/bindery/layout/linebreak"
)

// Memo remembers the lines of each paragraph a Setter has set. Callers get
// a slice of lines of their own whose pieces are the memo's: a caller may
// replace a line or its Pieces, or append to them, but must copy the
// pieces before changing one. It is safe for concurrent use, as parts are
// composed in parallel.
type Memo struct {
	s     *linebreak.Setter
	mu    sync.Mutex
	cache map[string][]linebreak.Line
}

// NewMemo returns a memo of the paragraphs s sets.
func NewMemo(s *linebreak.Setter) *Memo {
	return &Memo{s: s, cache: map[string][]linebreak.Line{}}
}

// Set returns the lines of p, set by the memo's Setter once.
func (ms *Memo) Set(p linebreak.ParagraphSpec) []linebreak.Line {
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
	if p.Strict {
		b.WriteByte('s')
	}
	if p.BindShortWords {
		b.WriteByte('b')
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

// copyLines copies the lines but not their pieces, which every setting of
// the paragraph shares: copying them was a twentieth of a book's
// allocation, and the one caller that moves pieces (a table's cells)
// copies those it moves. The pieces are clipped to their length, so that
// appending to them copies.
func copyLines(lines []linebreak.Line) []linebreak.Line {
	if lines == nil {
		return nil
	}
	out := make([]linebreak.Line, len(lines))
	copy(out, lines)
	for i := range out {
		out[i].Pieces = slices.Clip(out[i].Pieces)
	}
	return out
}
