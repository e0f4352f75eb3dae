package document

import (
	"github.com/bindery-editions/bindery/layout/texmath"
	"github.com/bindery-editions/bindery/layout/unit"
)

// Formula is a TeX formula to set. A caller makes it with NewFormula and
// puts it in a Span's Object (in a line) or a DisplayMath block's Math;
// layout sets it at the size of the text it stands in.
type Formula struct {
	tex     string
	display bool
	node    *texmath.Node
}

// NewFormula reads a TeX formula for setting; display sets it in TeX's
// display style, as a formula set apart from the text.
func NewFormula(tex string, display bool) *Formula {
	n, _ := texmath.Parse(tex)
	return &Formula{tex: tex, display: display, node: n}
}

// Width is 0: a Formula is only a request, which layout sets at the size
// of the text it stands in.
func (f *Formula) Width() unit.Length { return 0 }

// Key identifies the formula.
func (f *Formula) Key() string { return f.tex }

// TeX returns the formula as written, which describes it to a reader who
// cannot see it (a tagged PDF's Formula /Alt).
func (f *Formula) TeX() string { return f.tex }

// Typeset sets the formula at size, measured by m (see texmath.Typeset).
func (f *Formula) Typeset(size unit.Length, m texmath.Measurer) texmath.Box {
	return texmath.Typeset(f.node, size, f.display, m)
}
