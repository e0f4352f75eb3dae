package texmath

import (
	"strings"

	"github.com/bindery-editions/bindery/layout/unit"
)

// This file sets a formula in boxes after The TeXbook's Appendix G, with
// its font parameters taken as fractions of the size (those of Computer
// Modern's math fonts, cmsy10 and cmex10), since the book's text face has
// no MATH table to read them from. All lengths are scaled points.

// Style is the face a glyph is drawn in: the book's roman, italic or bold.
type Style int

// The faces.
const (
	Roman Style = iota
	Italic
	Bold
)

// Measurer measures glyphs in the book's faces.
type Measurer interface {
	// Width is the advance width of text.
	Width(style Style, size unit.Length, text string) unit.Length
	// Ink is how far the glyphs of text reach above the baseline and
	// below it.
	Ink(style Style, size unit.Length, text string) (above, below unit.Length)
}

// Glyph is text drawn at X, its baseline Y below the box's baseline
// (negative: above).
type Glyph struct {
	X, Y  unit.Length
	Style Style
	Size  unit.Length
	Text  string
}

// Rule is a horizontal bar from X, W long, T thick, centred on Y below the
// box's baseline (negative: above).
type Rule struct {
	X, Y, W, T unit.Length
}

// Box is a set formula: its glyphs and rules placed from its left edge and
// its baseline, and its extent.
type Box struct {
	Width, Height, Depth unit.Length
	Glyphs               []Glyph
	Rules                []Rule
}

// level is a TeX math style: display, text, script, scriptscript.
type level int

const (
	display level = iota
	textLevel
	script
	scriptScript
)

type mstyle struct {
	level   level
	cramped bool
}

func (s mstyle) sup() mstyle {
	if s.level < script {
		return mstyle{script, s.cramped}
	}
	return mstyle{scriptScript, s.cramped}
}

func (s mstyle) sub() mstyle { t := s.sup(); t.cramped = true; return t }

func (s mstyle) num() mstyle {
	switch s.level {
	case display:
		return mstyle{textLevel, s.cramped}
	case textLevel:
		return mstyle{script, s.cramped}
	}
	return mstyle{scriptScript, s.cramped}
}

func (s mstyle) den() mstyle { t := s.num(); t.cramped = true; return t }

// Typeset sets a formula at size, in display style (a formula of its own,
// centred) or text style (in a line of text).
func Typeset(n *Node, size unit.Length, displayed bool, m Measurer) Box {
	t := &typesetter{m: m, size: size}
	st := mstyle{level: textLevel}
	if displayed {
		st.level = display
	}
	b := t.set(n, st)
	return b
}

type typesetter struct {
	m    Measurer
	size unit.Length
}

// sizeOf is the type size of a style: scripts at 7/10, scriptscripts at
// 1/2 (plain TeX's 10, 7 and 5 point math fonts).
func (t *typesetter) sizeOf(s mstyle) unit.Length {
	switch s.level {
	case script:
		return t.size * 7 / 10
	case scriptScript:
		return t.size / 2
	}
	return t.size
}

// em returns f ems of style s's size.
func (t *typesetter) em(s mstyle, f float64) unit.Length {
	return unit.Length(float64(t.sizeOf(s)) * f)
}

// The font parameters, in ems (cmsy10's \fontdimen, The TeXbook p. 447).
const (
	axisHeight  = 0.25  // σ22
	xHeight     = 0.431 // σ5
	ruleThick   = 0.04  // ξ8, cmex10's default rule thickness
	num1        = 0.677 // σ8
	num2        = 0.394 // σ9
	num3        = 0.444 // σ10
	denom1      = 0.686 // σ11
	denom2      = 0.345 // σ12
	sup1        = 0.413 // σ13
	sup2        = 0.363 // σ14
	sup3        = 0.289 // σ15
	sub1        = 0.150 // σ16
	sub2        = 0.247 // σ17
	supDrop     = 0.386 // σ18
	subDrop     = 0.050 // σ19
	delim1      = 2.39  // σ20
	delim2      = 1.01  // σ21
	bigOpSpace  = 0.111 // ξ9–ξ13, roughly
	nullDelim   = 0.12  // \nulldelimiterspace, 1.2pt at 10pt
	scriptSpace = 0.05  // \scriptspace, 0.5pt at 10pt
)

func (t *typesetter) glyph(text string, style Style, size unit.Length) Box {
	w := t.m.Width(style, size, text)
	above, below := t.m.Ink(style, size, text)
	return Box{Width: w, Height: max(above, 0), Depth: max(below, 0), Glyphs: []Glyph{{Style: style, Size: size, Text: text}}}
}

// shifted returns b moved right by dx and down by dy.
func shifted(b Box, dx, dy unit.Length) Box {
	out := Box{Width: b.Width, Height: b.Height - dy, Depth: b.Depth + dy}
	out.Glyphs = make([]Glyph, len(b.Glyphs))
	for i, g := range b.Glyphs {
		g.X += dx
		g.Y += dy
		out.Glyphs[i] = g
	}
	out.Rules = make([]Rule, len(b.Rules))
	for i, r := range b.Rules {
		r.X += dx
		r.Y += dy
		out.Rules[i] = r
	}
	return out
}

// place adds b to the box at dx, dy, growing it to hold b.
func (into *Box) place(b Box, dx, dy unit.Length) {
	s := shifted(b, dx, dy)
	into.Glyphs = append(into.Glyphs, s.Glyphs...)
	into.Rules = append(into.Rules, s.Rules...)
	into.Height = max(into.Height, s.Height)
	into.Depth = max(into.Depth, s.Depth)
	into.Width = max(into.Width, dx+b.Width)
}

// atomClass returns the TeX class of a node.
func atomClass(n *Node) Class {
	switch n.Kind {
	case Operator:
		return n.Class
	case Func:
		return Op
	case Scripts:
		if n.Children[0] != nil {
			return atomClass(n.Children[0])
		}
	case Fenced:
		return Ord // an inner atom, spaced as an ordinary one here
	}
	return Ord
}

// spacing is The TeXbook's table of spaces between atoms (chapter 18): 0
// none, 1 thin, 2 medium, 3 thick; negative for those set only in display
// and text styles.
var spacing = [7][7]int{
	//         Ord Op Bin Rel Open Close Punct
	/*Ord*/ {0, 1, -2, -3, 0, 0, 0},
	/*Op*/ {1, 1, 0, -3, 0, 0, 0},
	/*Bin*/ {-2, -2, 0, 0, -2, 0, 0},
	/*Rel*/ {-3, -3, 0, 0, -3, 0, 0},
	/*Open*/ {0, 0, 0, 0, 0, 0, 0},
	/*Close*/ {0, 1, -2, -3, 0, 0, 0},
	/*Punct*/ {-1, -1, 0, -1, -1, -1, -1},
}

// muOf is the width of each spacing code, in mu: thin 3, medium 4, thick 5.
var muOf = [4]int{0, 3, 4, 5}

func (t *typesetter) mu(s mstyle, n int) unit.Length {
	return t.em(s, float64(n)/18)
}

// row sets atoms side by side with TeX's spaces between them; a binary
// operator with nothing to operate on is an ordinary atom (rules 5 and 6).
func (t *typesetter) row(children []*Node, s mstyle) Box {
	var out Box
	classes := make([]Class, len(children))
	for i, c := range children {
		classes[i] = atomClass(c)
	}
	prev := -1
	for i, c := range children {
		if c.Kind == Space {
			continue
		}
		if classes[i] == Bin {
			if prev < 0 || classes[prev] == Bin || classes[prev] == Op || classes[prev] == Rel || classes[prev] == Open || classes[prev] == Punct {
				classes[i] = Ord
			}
		}
		if classes[i] == Rel || classes[i] == Close || classes[i] == Punct {
			if prev >= 0 && classes[prev] == Bin {
				classes[prev] = Ord
			}
		}
		prev = i
	}
	if prev >= 0 && classes[prev] == Bin {
		classes[prev] = Ord
	}
	x := unit.Length(0)
	prev = -1
	for i, c := range children {
		if c.Kind == Space {
			x += t.mu(s, c.Width)
			continue
		}
		if prev >= 0 {
			code := spacing[classes[prev]][classes[i]]
			if code < 0 {
				if s.level <= textLevel {
					code = -code
				} else {
					code = 0
				}
			}
			x += t.mu(s, muOf[code])
		}
		b := t.set(c, s)
		out.place(b, x, 0)
		x += b.Width
		prev = i
	}
	out.Width = max(out.Width, x)
	return out
}

// set sets one node in style s.
func (t *typesetter) set(n *Node, s mstyle) Box {
	if n == nil {
		return Box{}
	}
	size := t.sizeOf(s)
	switch n.Kind {
	case Row:
		return t.row(n.Children, s)
	case Ident:
		style := Italic
		switch n.Font {
		case "rm":
			style = Roman
		case "bf":
			style = Bold
		}
		b := t.glyph(n.Text, style, size)
		if style == Italic {
			// a little room after an italic letter, for its overhang (TeX's
			// italic correction, which the text face does not give)
			b.Width += t.em(s, 0.03)
		}
		return b
	case Number, Func:
		style := Roman
		if n.Font == "bf" {
			style = Bold
		}
		return t.glyph(n.Text, style, size)
	case Text:
		style := Roman
		switch n.Font {
		case "it":
			style = Italic
		case "bf":
			style = Bold
		}
		return t.glyph(n.Text, style, size)
	case Unknown:
		return t.glyph(n.Text, Roman, size)
	case Operator:
		if n.Large {
			return t.largeOp(n, s)
		}
		return t.glyph(n.Text, Roman, size)
	case Space:
		return Box{Width: t.mu(s, n.Width)}
	case Frac:
		return t.frac(n, s)
	case Sqrt:
		return t.sqrt(n, s)
	case Scripts:
		return t.scripts(n, s)
	case Fenced:
		return t.fenced(n, s)
	case Accent:
		return t.accent(n, s)
	}
	return Box{}
}

// largeOp sets a big operator: in display style larger, centred on the
// axis (rule 13).
func (t *typesetter) largeOp(n *Node, s mstyle) Box {
	size := t.sizeOf(s)
	if s.level == display {
		// As tall as Computer Modern's display operators: an integral 2.2
		// ems from top to foot, a sum 1.4 (cmex10's \sum and \int).
		want := t.em(s, 1.4)
		if n.Text == "∫" || n.Text == "∬" || n.Text == "∮" {
			want = t.em(s, 2.2)
		}
		if above, below := t.m.Ink(Roman, size, n.Text); above+below > 0 {
			size = unit.Length(int64(size) * int64(want) / int64(above+below))
		}
	}
	b := t.glyph(n.Text, Roman, size)
	return t.onAxis(b, s)
}

// onAxis moves a box up or down so that it is centred on the math axis.
func (t *typesetter) onAxis(b Box, s mstyle) Box {
	a := t.em(s, axisHeight)
	mid := (b.Height - b.Depth) / 2
	return shifted(b, 0, mid-a)
}

// frac sets a fraction (rule 15).
func (t *typesetter) frac(n *Node, s mstyle) Box {
	num := t.set(n.Children[0], s.num())
	den := t.set(n.Children[1], s.den())
	theta := t.em(s, ruleThick)
	a := t.em(s, axisHeight)
	var u, v, phi unit.Length
	if s.level == display {
		u, v, phi = t.em(s, num1), t.em(s, denom1), 3*theta
	} else {
		u, v, phi = t.em(s, num2), t.em(s, denom2), theta
		if n.NoRule {
			u = t.em(s, num3)
		}
	}
	if n.NoRule {
		// rule 15c: the gap between numerator and denominator
		psi := 3 * theta
		if s.level == display {
			psi = 7 * theta
		}
		if gap := (u - num.Depth) - (den.Height - v); gap < psi {
			u += (psi - gap) / 2
			v += (psi - gap) / 2
		}
	} else {
		if g := (u - num.Depth) - (a + theta/2); g < phi {
			u += phi - g
		}
		if g := (a - theta/2) - (den.Height - v); g < phi {
			v += phi - g
		}
	}
	pad := t.em(s, nullDelim)
	w := max(num.Width, den.Width)
	var out Box
	out.place(num, pad+(w-num.Width)/2, -u)
	out.place(den, pad+(w-den.Width)/2, v)
	if !n.NoRule {
		out.Rules = append(out.Rules, Rule{X: pad, Y: -a, W: w, T: theta})
	}
	out.Width = w + 2*pad
	return out
}

// sqrt sets a root (rule 11): the radical sign grown to the body's height,
// a rule over the body from its top, and the index, if any, over its
// opening stroke.
func (t *typesetter) sqrt(n *Node, s mstyle) Box {
	body := t.set(n.Children[0], mstyle{s.level, true})
	size := t.sizeOf(s)
	theta := t.em(s, ruleThick)
	phi := theta + theta/4
	if s.level == display {
		phi = theta + t.em(s, xHeight)/4
	}
	need := body.Height + body.Depth + phi + theta
	above, below := t.m.Ink(Roman, size, "√")
	rsize := size
	if ink := above + below; ink > 0 && ink < need {
		rsize = unit.Length(int64(size) * int64(need) / int64(ink))
	}
	rad := t.glyph("√", Roman, rsize)
	rabove, _ := t.m.Ink(Roman, rsize, "√")
	// The radical's top meets the rule over the body.
	top := body.Height + phi + theta
	rad = shifted(rad, 0, rabove-top)
	ruleT := theta * rsize / size
	var out Box
	x := unit.Length(0)
	if len(n.Children) == 2 {
		index := t.set(n.Children[1], mstyle{scriptScript, false})
		// the index sits over the radical's opening stroke, raised to
		// three fifths of its height (plain TeX's \root)
		rh := rad.Height + rad.Depth
		out.place(index, 0, rad.Depth-rh*3/5-index.Depth)
		x = max(0, index.Width-rad.Width/2)
	}
	out.place(rad, x, 0)
	x += rad.Width
	out.place(body, x+theta, 0)
	out.Rules = append(out.Rules, Rule{X: x - ruleT/2, Y: -(top - ruleT/2), W: body.Width + 2*theta + ruleT/2, T: ruleT})
	out.Height = max(out.Height, top)
	out.Width = x + body.Width + 2*theta
	return out
}

// scripts sets a nucleus with a subscript, a superscript or both (rules
// 17 and 18), or, for a big operator in display style, limits above and
// below it (rule 13a).
func (t *typesetter) scripts(n *Node, s mstyle) Box {
	baseNode, subNode, supNode := n.Children[0], n.Children[1], n.Children[2]
	base := t.set(baseNode, s)
	if baseNode != nil && baseNode.Limits && s.level == display {
		return t.limits(base, subNode, supNode, s)
	}
	simple := baseNode != nil && (baseNode.Kind == Ident || baseNode.Kind == Number || baseNode.Kind == Operator && !baseNode.Large)
	var sup, sub Box
	supStyle, subStyle := s.sup(), s.sub()
	if supNode != nil {
		sup = t.set(supNode, supStyle)
	}
	if subNode != nil {
		sub = t.set(subNode, subStyle)
	}
	var u, v unit.Length
	if !simple {
		u = base.Height - t.em(supStyle, supDrop)
		v = base.Depth + t.em(subStyle, subDrop)
	}
	theta := t.em(s, ruleThick)
	x := base.Width
	var out Box
	out.place(base, 0, 0)
	ss := t.em(s, scriptSpace)
	if supNode == nil {
		v = max(v, t.em(s, sub1), sub.Height-t.em(s, xHeight)*4/5)
		out.place(sub, x, v)
		out.Width = x + sub.Width + ss
		return out
	}
	p := t.em(s, sup1)
	switch {
	case s.level != display && s.cramped:
		p = t.em(s, sup3)
	case s.level != display:
		p = t.em(s, sup2)
	}
	u = max(u, p, sup.Depth+t.em(s, xHeight)/4)
	if subNode == nil {
		out.place(sup, x, -u)
		out.Width = x + sup.Width + ss
		return out
	}
	v = max(v, t.em(s, sub2))
	if gap := (u - sup.Depth) - (sub.Height - v); gap < 4*theta {
		v += 4*theta - gap
		if psi := t.em(s, xHeight)*4/5 - (u - sup.Depth); psi > 0 {
			u += psi
			v -= psi
		}
	}
	out.place(sup, x, -u)
	out.place(sub, x, v)
	out.Width = x + max(sup.Width, sub.Width) + ss
	return out
}

// limits sets a big operator's scripts above and below it, centred.
func (t *typesetter) limits(base Box, subNode, supNode *Node, s mstyle) Box {
	gap := t.em(s, bigOpSpace)
	var sup, sub Box
	if supNode != nil {
		sup = t.set(supNode, s.sup())
	}
	if subNode != nil {
		sub = t.set(subNode, s.sub())
	}
	w := max(base.Width, sup.Width, sub.Width)
	var out Box
	out.place(base, (w-base.Width)/2, 0)
	if supNode != nil {
		out.place(sup, (w-sup.Width)/2, -(base.Height + gap + sup.Depth))
	}
	if subNode != nil {
		out.place(sub, (w-sub.Width)/2, base.Depth+gap+sub.Height)
	}
	out.Width = w
	return out
}

// fenced sets delimiters grown to the height of what they enclose,
// centred on the axis (rule 19).
func (t *typesetter) fenced(n *Node, s mstyle) Box {
	body := t.set(n.Children[0], s)
	a := t.em(s, axisHeight)
	delta := max(body.Height-a, body.Depth+a)
	need := max(delta*2*901/1000, 2*delta-t.em(s, 0.5))
	var out Box
	x := unit.Length(0)
	delim := func(d string) {
		if d == "" {
			x += t.em(s, nullDelim)
			return
		}
		size := t.sizeOf(s)
		above, below := t.m.Ink(Roman, size, d)
		if ink := above + below; ink > 0 && ink < need {
			size = unit.Length(int64(size) * int64(need) / int64(ink))
		}
		g := t.onAxis(t.glyph(d, Roman, size), s)
		out.place(g, x, 0)
		x += g.Width
	}
	delim(n.Open)
	out.place(body, x, 0)
	x += body.Width
	delim(n.Close)
	out.Width = x
	return out
}

// accent sets a mark over (or a bar under) its body: bars as rules the
// body's width, other marks as glyphs centred over it (rule 12).
func (t *typesetter) accent(n *Node, s mstyle) Box {
	body := t.set(n.Children[0], mstyle{s.level, true})
	theta := t.em(s, ruleThick)
	var out Box
	out.place(body, 0, 0)
	switch {
	case n.Under:
		y := body.Depth + 3*theta
		out.Rules = append(out.Rules, Rule{Y: y, W: body.Width, T: theta})
		out.Depth = max(out.Depth, y+theta)
	case n.Text == "¯":
		y := body.Height + 3*theta
		out.Rules = append(out.Rules, Rule{Y: -y, W: body.Width, T: theta})
		out.Height = max(out.Height, y+theta)
	default:
		size := t.sizeOf(s)
		mark := t.glyph(n.Text, Roman, size)
		_, below := t.m.Ink(Roman, size, n.Text)
		// the mark's lowest ink a little over the body's top
		y := body.Height + theta*2 + below
		x := (body.Width - mark.Width) / 2
		if n.Children[0] != nil && n.Children[0].Kind == Ident && !strings.ContainsAny(n.Children[0].Font, "rb") {
			x += t.em(s, 0.06) // over an italic letter's slant
		}
		out.place(mark, x, -y)
	}
	out.Width = body.Width
	return out
}
