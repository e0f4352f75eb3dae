package archive

import (
	"slices"

	"github.com/bindery-editions/bindery/edition/model"
)

// A kind of decision: the kind of matter recognised (what becomes of it
// is the kind's, model.ChangeKind.Action) and how sure the recogniser is.
// Each is reported once, with every line range it covers; the words that
// report it are edition/locale's.
type changeKind struct {
	kind       model.ChangeKind
	confidence float64
}

// The kinds of decision the recognisers take.
var (
	dropGutenberg       = changeKind{model.GutenbergBoilerplate, 0.99}
	dropNavigation      = changeKind{model.WebNavigation, 0.95}
	dropContents        = changeKind{model.TableOfContents, 0.9}
	dropIllustration    = changeKind{model.IllustrationPlaceholder, 0.95}
	dropAdvertisement   = changeKind{model.Advertisement, 0.85}
	dropNotesHeading    = changeKind{model.NotesHeading, 0.9}
	moveTitlePage       = changeKind{model.TitlePageLines, 0.85}
	moveTranscriberNote = changeKind{model.TranscriberNotes, 0.85}
	moveSourceLine      = changeKind{model.SourceLines, 0.85}
	makeHeading         = changeKind{model.StandaloneHeadings, 0.8}
	makeNote            = changeKind{model.NoteBlocks, 0.9}
	dropPageNumbers     = changeKind{model.SourcePageNumbers, 0.95}
)

// changeLog gathers the decisions in the order they were first taken.
type changeLog struct {
	kinds []changeKind
	lines map[changeKind][]int
}

// add records that lines from..to (1-based, inclusive) were handled as k.
func (c *changeLog) add(k changeKind, from, to int) {
	if c.lines == nil {
		c.lines = map[changeKind][]int{}
	}
	if _, ok := c.lines[k]; !ok {
		c.kinds = append(c.kinds, k)
	}
	for n := from; n <= to; n++ {
		c.lines[k] = append(c.lines[k], n)
	}
}

// list returns the decisions as model.Changes, each line set merged into
// ranges; ranges separated only by blank or dropped lines are one range,
// as a reader of the source sees them.
func (c *changeLog) list(lines []line) []model.Change {
	text := map[int]bool{} // line numbers that hold text
	for _, l := range lines {
		if l.text != "" {
			text[l.num] = true
		}
	}
	var out []model.Change
	for _, k := range c.kinds {
		ns := c.lines[k]
		seen := map[int]bool{}
		var sorted []int
		for _, n := range ns {
			if !seen[n] {
				seen[n] = true
				sorted = append(sorted, n)
			}
		}
		slices.Sort(sorted)
		var ranges []model.LineRange
		for _, n := range sorted {
			if len(ranges) > 0 {
				last := &ranges[len(ranges)-1]
				if n == last.To+1 || onlyBlankBetween(text, last.To, n, seen) {
					last.To = n
					continue
				}
			}
			ranges = append(ranges, model.LineRange{From: n, To: n})
		}
		out = append(out, model.Change{Kind: k.kind, Lines: ranges, Confidence: k.confidence})
	}
	return out
}

// onlyBlankBetween reports whether every line strictly between a and b
// (1-based) is blank or in the same set.
func onlyBlankBetween(text map[int]bool, a, b int, same map[int]bool) bool {
	for n := a + 1; n < b; n++ {
		if text[n] && !same[n] {
			return false
		}
	}
	return true
}

// dropLine leaves lines out with the given kind, recording each non-blank
// one in Source.Dropped.
func (r *reader) dropLine(i int, k changeKind) {
	l := &r.lines[i]
	if l.dropped {
		return
	}
	l.dropped = true
	if l.text != "" {
		r.src.Dropped = append(r.src.Dropped, model.Dropped{Line: l.num, Text: l.text, Reason: k.kind})
		r.changes.add(k, l.num, l.num)
	}
}

// dropBlock leaves a block out.
func (r *reader) dropBlock(b *block, k changeKind) {
	b.role = roleDropped
	for _, l := range b.lines {
		r.src.Dropped = append(r.src.Dropped, model.Dropped{Line: l.num, Text: l.text, Reason: k.kind})
	}
	r.changes.add(k, b.first().num, b.last().num)
}
