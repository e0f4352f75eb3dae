package model

import "slices"

// ChangeLog gathers a reader's decisions about source lines that are not
// body text, in the order each kind was first met: both readers keep one,
// so that the Note on the Text reports them alike.
type ChangeLog struct {
	kinds      []ChangeKind
	confidence map[ChangeKind]float64
	ranges     map[ChangeKind][]LineRange
}

// Add records that lines from..to (1-based, inclusive) were handled as
// kind, with the recogniser's confidence (the first given for a kind
// stands).
func (l *ChangeLog) Add(kind ChangeKind, confidence float64, from, to int) {
	if l.ranges == nil {
		l.ranges = map[ChangeKind][]LineRange{}
		l.confidence = map[ChangeKind]float64{}
	}
	if _, ok := l.ranges[kind]; !ok {
		l.kinds = append(l.kinds, kind)
		l.confidence[kind] = confidence
	}
	l.ranges[kind] = append(l.ranges[kind], LineRange{From: from, To: max(to, from)})
}

// List returns the decisions as Changes, each kind's ranges sorted and
// merged where they touch or overlap, or only blank lines part them, as a
// reader of the source sees them (blank reports whether a 1-based line is
// blank).
func (l *ChangeLog) List(blank func(line int) bool) []Change {
	var out []Change
	for _, kind := range l.kinds {
		rs := slices.Clone(l.ranges[kind])
		slices.SortFunc(rs, func(a, b LineRange) int { return a.From - b.From })
		var merged []LineRange
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
		out = append(out, Change{Kind: kind, Lines: merged, Confidence: l.confidence[kind]})
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
