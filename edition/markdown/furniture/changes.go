package furniture

import (
	"github.com/bindery-editions/bindery/edition/model"
)

// change is a kind of decision taken about source lines that are not
// body text: the kind of matter recognised (what becomes of it is the
// kind's, model.ChangeKind.Action) and how sure the recogniser is. Each is
// reported once, with every line range it covers (model.Source.Changes);
// the words that report it are edition/locale's.
type change struct {
	kind       model.ChangeKind
	confidence float64
}

// The kinds of decision. They share the archive reader's kinds where the
// matter is the same, so that the Note on the Text speaks of both kinds of
// source alike.
var (
	moveTitleBlock   = change{model.TitleBlock, 0.95}
	moveTitlePage    = change{model.TitlePageLines, 0.85}
	dropBanner       = change{model.TitleImage, 0.8}
	makeHeadingNBSP  = change{model.NBSPHeadings, 0.9}
	makeHeading      = change{model.NumberedHeadings, 0.8}
	makeHeadingBold  = change{model.StandaloneHeadings, 0.75}
	dropNavigation   = change{model.WebNavigation, 0.95}
	dropSpacers      = change{model.SpacerParagraphs, 0.95}
	dropRules        = change{model.HorizontalRules, 0.9}
	moveSourceLines  = change{model.SourceLines, 0.9}
	makeNote         = change{model.NoteBlocks, 0.9}
	dropNotesHeading = change{model.NotesHeading, 0.9}
	markClosing      = change{model.ClosingLines, 0.8}
)

// Log gathers the decisions in the order they were first taken
// (model.ChangeLog, the archive reader's too).
type Log struct{ model.ChangeLog }

// add records that lines from..to (1-based, inclusive) were handled as c.
func (l *Log) add(c change, from, to int) { l.Add(c.kind, c.confidence, from, to) }
