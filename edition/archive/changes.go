package archive

import (
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

// changeLog gathers the decisions in the order they were first taken
// (model.ChangeLog, the Markdown reader's too).
type changeLog struct{ model.ChangeLog }

// add records that lines from..to (1-based, inclusive) were handled as k.
func (c *changeLog) add(k changeKind, from, to int) { c.Add(k.kind, k.confidence, from, to) }

// list returns the decisions as model.Changes; ranges separated only by
// blank lines are one range, as a reader of the source sees them.
func (c *changeLog) list(lines []line) []model.Change {
	text := map[int]bool{} // line numbers that hold text
	for _, l := range lines {
		if l.text != "" {
			text[l.num] = true
		}
	}
	return c.List(func(n int) bool { return !text[n] })
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
