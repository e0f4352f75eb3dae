// Package pagedesign is the design of a book's page: the trims it is
// printed on, the text block each trim gets (type size, margins, the
// baseline grid, the gutter a thick book needs) and the forms of the
// page's furniture (roman folios, running heads cut short). It knows
// nothing of what is set on the page.
package pagedesign

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bindery-editions/bindery/layout/unit"
)

// Trim is a finished page size.
type Trim struct {
	Name   string
	Width  unit.Length
	Height unit.Length
	// Screen editions are for reading on a device: larger pages, links and
	// bookmarks kept, no bleed.
	Screen bool
}

// DefaultTrim is the trim used when neither manifest nor command line names one.
const DefaultTrim = "5.5x8.5in"

var trims = map[string]Trim{
	"a5":        {Name: "a5", Width: unit.Millimetres(148), Height: unit.Millimetres(210)},
	"5.5x8.5in": {Name: "5.5x8.5in", Width: 11 * unit.Inch / 2, Height: 17 * unit.Inch / 2},
	"6x9in":     {Name: "6x9in", Width: 6 * unit.Inch, Height: 9 * unit.Inch},
	"a4":        {Name: "a4", Width: unit.Millimetres(210), Height: unit.Millimetres(297), Screen: true},
	"letter":    {Name: "letter", Width: 17 * unit.Inch / 2, Height: 11 * unit.Inch, Screen: true},
}

// TrimNames lists the known trim names, sorted.
func TrimNames() []string {
	names := make([]string, 0, len(trims))
	for n := range trims {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// LookupTrim returns the trim with the given name (case-insensitive; "" is
// the default).
func LookupTrim(name string) (Trim, error) {
	if name == "" {
		name = DefaultTrim
	}
	if t, ok := trims[strings.ToLower(name)]; ok {
		return t, nil
	}
	return Trim{}, fmt.Errorf("unknown trim size %q (known: %s)", name, strings.Join(TrimNames(), ", "))
}
