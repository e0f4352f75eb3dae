package archive

// Printed tables of contents inside the text (after an introduction, say):
// a "Contents" line and the entries under it, up to the entry that repeats
// the first one, where the text itself begins, or, failing that, up to
// the last heading before the first paragraph. The edition makes its own
// contents, so the printed one is left out.

import (
	"strings"
)

func (r *reader) contents() {
	for i := 0; i < len(r.blocks); i++ {
		b := r.blocks[i]
		if b.role != roleBody || b.kind != shapeContents {
			continue
		}
		j := i + 1
		if j >= len(r.blocks) || !r.contentsEntry(r.blocks[j]) {
			continue
		}
		first := contentsKey(r.blocks[j])
		repeated := false
		for ; j < len(r.blocks) && r.contentsEntry(r.blocks[j]); j++ {
			if j > i+1 && contentsKey(r.blocks[j]) == first {
				repeated = true
				break
			}
		}
		if !repeated && j < len(r.blocks) && r.blocks[j].gap < 3 && r.blocks[j].kind == shapeProse {
			j-- // the last heading is the text's own
		}
		if j <= i+1 {
			continue
		}
		for _, x := range r.blocks[i:j] {
			r.dropBlock(x, dropContents)
		}
		i = j - 1
	}
}

var contentsLabel = newLazyRegexp(`^(?:(?:chapter|part|book|section|article|letter)\s+[^\s.:]+|[ivxlc]{1,7}\.|\d{1,3}\.)`)

// contentsKey is what a contents entry and the heading it lists share: the
// label ("chapter i", "ii.") when there is one, else the line without page
// number or leaders.
func contentsKey(b *block) string {
	t := strings.ToLower(b.lines[0].text)
	if m := contentsLabel.FindString(t); m != "" {
		return strings.TrimSuffix(m, ".")
	}
	return strings.TrimRight(t, " .0123456789")
}
