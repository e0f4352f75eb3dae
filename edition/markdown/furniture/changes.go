package furniture

import (
	"slices"

	"github.com/bindery-editions/bindery/edition/model"
)

// change is a kind of decision taken about source lines that are not
// body text, and why; each is reported once, with every line range it
// covers (model.Source.Changes).
type change struct {
	label      string // the short reason in Source.Dropped
	action     model.ChangeAction
	what, why  string
	to         string
	confidence float64
}

// The kinds of decision. Their wording follows the archive reader's, so
// that the Note on the Text speaks of both kinds of source alike.
var (
	moveTitleBlock = change{"pandoc title block", model.ChangeMoved, "The pandoc title block (title, authors and date)",
		"the edition prints its own title page from the manifest", "the title page", 0.95}
	moveTitlePage = change{"title page", model.ChangeMoved, "The title-page headings",
		"the edition prints its own title page from the manifest", "the title page", 0.85}
	dropBanner = change{"image above the title", model.ChangeDropped, "An image above the title",
		"the edition prints its own title page", "", 0.8}
	makeHeadingNBSP = change{"heading", model.ChangeHeading, "Lines opening with # marks and a no-break space",
		"the no-break space stands where CommonMark asks for a space", "", 0.9}
	makeHeading = change{"heading", model.ChangeHeading, "Numbered paragraphs standing alone",
		"they stand alone in the shape of a heading and number the text's divisions in sequence", "", 0.8}
	dropNavigation = change{"web navigation", model.ChangeDropped, "Links and navigation of the archive's Web page",
		"they belong to the Web page, not to the document", "", 0.95}
	dropSpacers = change{"spacing paragraph", model.ChangeDropped, "Paragraphs holding only a no-break space",
		"they space out the Web page and hold no text", "", 0.95}
	dropRules = change{"rule", model.ChangeDropped, "Horizontal rules beside headings, navigation and credits",
		"they mark no break in the text", "", 0.9}
	moveSourceLines = change{"source and credit lines", model.ChangeMoved, "The Web page's source, transcription and credit lines",
		"they describe where the text comes from", "the Source page", 0.9}
	makeNote = change{"note", model.ChangeNote, "The endnotes",
		"they are written as paragraphs that the text's note marks link to", "the notes", 0.9}
	dropNotesHeading = change{"notes heading; the edition sets its own", model.ChangeDropped, "The heading over the notes",
		"the edition sets the notes under its own heading", "", 0.9}
)

// Log gathers the decisions in the order they were first taken.
type Log struct {
	kinds  []change
	ranges map[string][]model.LineRange
}

// add records that lines from..to (1-based, inclusive) were handled as c.
func (l *Log) add(c change, from, to int) {
	if l.ranges == nil {
		l.ranges = map[string][]model.LineRange{}
	}
	if _, ok := l.ranges[c.what]; !ok {
		l.kinds = append(l.kinds, c)
	}
	if to < from {
		to = from
	}
	l.ranges[c.what] = append(l.ranges[c.what], model.LineRange{From: from, To: to})
}

// List returns the decisions as model.Changes, each kind's ranges sorted
// and merged where they touch or only blank lines part them, as a reader
// of the source sees them (blank reports whether a 1-based line is blank).
func (l *Log) List(blank func(line int) bool) []model.Change {
	var out []model.Change
	for _, c := range l.kinds {
		rs := slices.Clone(l.ranges[c.what])
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
		out = append(out, model.Change{Action: c.action, What: c.what, Why: c.why, To: c.to, Lines: merged, Confidence: c.confidence})
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
