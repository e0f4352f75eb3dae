package furniture

import (
	"slices"

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
	dropNavigation   = change{model.WebNavigation, 0.95}
	dropSpacers      = change{model.SpacerParagraphs, 0.95}
	dropRules        = change{model.HorizontalRules, 0.9}
	moveSourceLines  = change{model.SourceLines, 0.9}
	makeNote         = change{model.NoteBlocks, 0.9}
	dropNotesHeading = change{model.NotesHeading, 0.9}
	markClosing      = change{model.ClosingLines, 0.8}
)

// Log gathers the decisions in the order they were first taken.
type Log struct {
	kinds  []change
	ranges map[model.ChangeKind][]model.LineRange
}

// add records that lines from..to (1-based, inclusive) were handled as c.
func (l *Log) add(c change, from, to int) {
	if l.ranges == nil {
		l.ranges = map[model.ChangeKind][]model.LineRange{}
	}
	if _, ok := l.ranges[c.kind]; !ok {
		l.kinds = append(l.kinds, c)
	}
	if to < from {
		to = from
	}
	l.ranges[c.kind] = append(l.ranges[c.kind], model.LineRange{From: from, To: to})
}

// List returns the decisions as model.Changes, each kind's ranges sorted
// and merged where they touch or only blank lines part them, as a reader
// of the source sees them (blank reports whether a 1-based line is blank).
func (l *Log) List(blank func(line int) bool) []model.Change {
	var out []model.Change
	for _, c := range l.kinds {
		rs := slices.Clone(l.ranges[c.kind])
		slices.SortFunc(rs, func(a, b model.LineRange) int { return a.From - b.From })
		var merged []model.LineRange
		for _, r := range rs {
			if n := len(merged); n > 0 {
				last := &merged[n-1]
				if r.From <= last.To+1 || onlyBlank(blank, last.To, r.From) {
					last.To = max(last.To, r.To)
					continue
				}
			}
			merged = append(merged, r)
		}
		out = append(out, model.Change{Kind: c.kind, Lines: merged, Confidence: c.confidence})
	}
	return out
}

// onlyBlank reports whether every line strictly between a and b is blank.
func onlyBlank(blank func(int) bool, a, b int) bool {
	for n := a + 1; n < b; n++ {
		if !blank(n) {
			return false
		}
	}
	return true
}
