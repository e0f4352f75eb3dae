package archive

import (
	"slices"

	"github.com/bindery-editions/bindery/edition/model"
)

// A kind of decision: what the matter is and why the reader did with it
// what it did. Each is reported once, with every line range it covers.
type changeKind struct {
	label      string // the short reason in Source.Dropped
	action     model.ChangeAction
	what, why  string
	to         string
	confidence float64
}

// The kinds of decision the recognisers take.
var (
	dropGutenberg = changeKind{"project gutenberg header or licence", model.ChangeDropped, "The Project Gutenberg header, licence and credits",
		"they belong to the archive, not to the document", "", 0.99}
	dropNavigation = changeKind{"web navigation", model.ChangeDropped, "Links and navigation of the archive's Web pages",
		"they belong to the archive, not to the document", "", 0.95}
	dropContents = changeKind{"table of contents; the edition makes its own", model.ChangeDropped, "The printed table of contents",
		"the edition makes its own", "", 0.9}
	dropIllustration = changeKind{"illustration placeholder", model.ChangeDropped, "Placeholders for illustrations not in the text",
		"the images are not part of the source file", "", 0.95}
	dropAdvertisement = changeKind{"publisher's advertisement", model.ChangeDropped, "The publisher's advertisements after the text",
		"they are not part of the document", "", 0.85}
	dropNotesHeading = changeKind{"notes heading; the edition sets its own", model.ChangeDropped, "The headings over the notes",
		"the edition sets the notes under its own heading", "", 0.9}
	moveTitlePage = changeKind{"title page", model.ChangeMoved, "The title page (title, author and imprint lines)",
		"the edition prints its own title page from the manifest", "the title page and imprint", 0.85}
	moveTranscriberNote = changeKind{"transcriber's note", model.ChangeMoved, "The transcriber's and editor's notes in square brackets",
		"they describe the transcription, not the document", "the Source page", 0.85}
	moveSourceLine = changeKind{"source line", model.ChangeMoved, "The source and credit lines",
		"they describe where the text comes from", "the Source page", 0.85}
	makeHeading = changeKind{"heading", model.ChangeHeading, "Headings",
		"their lines stand alone in the shape of a heading", "", 0.8}
	makeNote = changeKind{"note", model.ChangeNote, "The notes",
		"they are marked as notes and referred to from the text", "the notes", 0.9}
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
		out = append(out, model.Change{Action: k.action, What: k.what, Why: k.why, To: k.to, Lines: ranges, Confidence: k.confidence})
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
		r.src.Dropped = append(r.src.Dropped, model.Dropped{Line: l.num, Text: l.text, Reason: k.label})
		r.changes.add(k, l.num, l.num)
	}
}

// dropBlock leaves a block out.
func (r *reader) dropBlock(b *block, k changeKind) {
	b.role = roleDropped
	for _, l := range b.lines {
		r.src.Dropped = append(r.src.Dropped, model.Dropped{Line: l.num, Text: l.text, Reason: k.label})
	}
	r.changes.add(k, b.first().num, b.last().num)
}
