package layout

import (
	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/unit"
)

// What a setting reports of its pages (document.Result): where each page,
// block and line begins, the words set, and measurements of the setting.

// pageStarts reports where every page begins: the first line of block
// text on it; for a page of a part without block text (the contents), the
// part's ID; for a blank page, no block. A page list names every page of
// the print edition, blank ones too (EPUB Accessibility Techniques 1.1,
// "Page navigation").
func (b *book) pageStarts() []document.PageStart {
	out := make([]document.PageStart, 0, len(b.pages))
	for n, pg := range b.pages {
		ps := document.PageStart{Page: n + 1, Label: pg.label}
		if pg.part >= 0 {
			ps.BlockID = b.doc.Parts[pg.part].ID
		}
		for _, pl := range pg.lines {
			if pl.item.blockID == "" {
				continue
			}
			ps.BlockID, ps.Word = pl.item.blockID, max(pl.item.firstWord, 0)
			break
		}
		out = append(out, ps)
	}
	return out
}

// blockLines reports every numbered line of a block: its page and number.
func (b *book) blockLines() []document.BlockLine {
	var out []document.BlockLine
	for n, pg := range b.pages {
		for _, pl := range pg.lines {
			if pl.num == 0 || pl.item.blockID == "" || len(pl.item.line.Pieces) == 0 {
				continue
			}
			w := max(pl.item.firstWord, 0)
			out = append(out, document.BlockLine{BlockID: pl.item.blockID, Word: w, Page: n + 1, Label: pg.label, Line: pl.num})
		}
	}
	return out
}

// blockPages reports the page on which each block's first line falls.
func (b *book) blockPages() []document.BlockPage {
	var out []document.BlockPage
	seen := map[string]bool{}
	for n, pg := range b.pages {
		for _, pl := range pg.lines {
			id := pl.item.blockID
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			out = append(out, document.BlockPage{BlockID: id, Page: n + 1, Label: pg.label})
		}
	}
	return out
}

// countWords counts the words placed on the pages, by block ID or, for a
// part's title, its TitleID: a word is counted on the line its first piece
// is set on (Piece.Word), so a word broken across lines counts once.
func (b *book) countWords() map[string]int {
	words := map[string]int{}
	for _, pg := range b.pages {
		for _, pl := range pg.lines {
			key := pl.item.countID
			if key == "" {
				key = pl.item.blockID
			}
			if key == "" {
				continue
			}
			for _, pc := range pl.item.line.Pieces {
				if pc.Word >= 0 {
					words[key]++
				}
			}
		}
	}
	return words
}

// countStats measures the setting as paginated.
func (b *book) countStats() {
	var st document.Stats
	for i, flow := range b.flows {
		if flow == nil {
			continue
		}
		run, prevPara := 0, -2
		for _, it := range flow {
			if it.kind != itemLine || len(it.line.Pieces) == 0 {
				continue
			}
			st.Lines++
			if it.para != prevPara {
				run = 0
				prevPara = it.para
			}
			if it.line.Hyphenated {
				st.HyphenatedLines++
				run++
				if run > st.MaxHyphenRun {
					st.MaxHyphenRun = run
				}
			} else {
				run = 0
			}
		}
		// Recover the part's page spans from the pages to count faults.
		var spans []pageSpan
		pos := 0
		for _, pg := range b.pages {
			if pg.part != i || (pg.kind != pageText && pg.kind != pageOpening) {
				continue
			}
			to := pos
			for _, pl := range pg.lines {
				for k := pos; k < len(flow); k++ {
					if &flow[k] == pl.item {
						to = k + 1
					}
				}
			}
			spans = append(spans, pageSpan{From: pos, To: to})
			pos = to
		}
		w, o := spanFaults(flow, spans)
		st.Widows += w
		st.Orphans += o
	}
	for _, n := range b.shortPages() {
		st.ShortPages = append(st.ShortPages, b.pages[n].label)
	}
	b.stats = st
}

// shortPages returns the pages (0-based) of text parts whose text and
// notes do not fill the text block while their part goes on after them:
// the text ends early, or above notes that stand at the foot with a hole
// between.
func (b *book) shortPages() []int {
	var out []int
	for n := range b.pages {
		if b.linesMissing(n) > 0 {
			out = append(out, n)
		}
	}
	return out
}

// linesMissing returns how many grid lines page n (0-based) leaves empty
// when it is a page of text whose part goes on after it; 0 for any other.
func (b *book) linesMissing(n int) int {
	pg := b.pages[n]
	if pg.kind != pageText && pg.kind != pageOpening {
		return 0
	}
	if n+1 >= len(b.pages) || b.pages[n+1].part != pg.part {
		return 0 // the part's last page
	}
	var last unit.Length
	notes := 0
	for _, pl := range pg.lines {
		if pl.foot {
			notes++
		} else {
			last = max(last, pl.y)
		}
	}
	// The grid lines taken: to the last line of text, and the notes'.
	used := int((last-b.g.Baseline(0))/b.g.Leading) + 1
	if notes > 0 {
		used += b.noteArea(notes)
	}
	return max(b.g.Lines-used, 0)
}
