package layout

import "github.com/bindery-editions/bindery/layout/pagedesign"

// DefaultTrim is pagedesign.DefaultTrim, kept here for edition/scaffold
// only, until it imports layout/pagedesign: then delete this file.
const DefaultTrim = pagedesign.DefaultTrim

// TrimNames is pagedesign.TrimNames, kept for edition/scaffold as
// DefaultTrim is.
func TrimNames() []string { return pagedesign.TrimNames() }
