// Package texmath reads the TeX math a source writes between dollars and
// gives it to both editions: as MathML for the EPUB (MathML) and as boxes
// of glyphs and rules for the print edition (Typeset), set after the rules
// of The TeXbook's Appendix G in the book's own fonts. It reads the part of
// TeX math that running text uses: letters, numbers and operators, sub-
// and superscripts, fractions, roots, Greek letters, the symbols of
// relations, arrows and sets, big operators with limits, functions such as
// \sin, \text, accents, and \left...\right delimiters. Anything else is
// kept as written and reported, so a formula is never silently wrong.
//
// The libraries the module proxy serves for this were weighed first:
// go-latex's mtex (a port of matplotlib's mathtext) sets neither
// subscripts nor superscripts nor \text, draws with its own fonts, and
// panics on a command it does not know, so it could not set a real
// document's formulas.
package texmath

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a Node is.
type Kind int

// The node kinds.
const (
	Row      Kind = iota // Children in a row
	Ident                // a variable: Text, set in italics
	Number               // digits: Text
	Operator             // Text, of Class
	Text                 // \text{...}: Text, set upright as words
	Func                 // \sin, \log: Text, set upright
	Frac                 // Children [numerator, denominator]; NoRule for \binom
	Sqrt                 // Children [body] or [body, index]
	Scripts              // Children [base, sub, sup]; sub or sup may be nil
	Fenced               // Children [body]; Open and Close are the delimiters ("" for none)
	Accent               // Children [body]; Text is the accent mark, Under for \underline
	Space                // Width in eighteenths of an em (mu); negative for \!
	Unknown              // a command not read: Text is it as written
)

// Class is a TeX atom class, which decides the space around an operator
// (The TeXbook, chapter 18).
type Class int

// The atom classes.
const (
	Ord Class = iota
	Op
	Bin
	Rel
	Open
	Close
	Punct
)

// Node is one part of a formula.
type Node struct {
	Kind     Kind
	Text     string
	Class    Class
	Children []*Node
	// Open and Close are a Fenced node's delimiters.
	Open, Close string
	// Limits puts a big operator's scripts above and below it in display
	// style (\sum, \lim), not at its side (\int).
	Limits bool
	// Large marks a big operator, drawn larger in display style.
	Large bool
	// NoRule is a fraction without its rule (\binom).
	NoRule bool
	// Under puts an accent under its body (\underline).
	Under bool
	// Font is "bf" for \mathbf, "rm" for \mathrm, "it" for \mathit, "" for
	// the default.
	Font  string
	Width int // Space: mu
}

// Problem is something in a formula that is not set as TeX would set it.
type Problem struct {
	Offset  int // byte offset in the formula
	Message string
}

func (p Problem) String() string { return p.Message }

// Parse reads a TeX formula. It never fails: what it cannot read is kept
// as an Unknown node showing what was written, and reported.
func Parse(src string) (*Node, []Problem) {
	p := &parser{src: src}
	n := p.row(0)
	for p.pos < len(p.src) {
		// a stray closing brace
		p.problem(p.pos, fmt.Sprintf("unmatched %q", p.src[p.pos]))
		p.pos++
		n.Children = append(n.Children, p.row(0).Children...)
	}
	return n, p.problems
}

type parser struct {
	src      string
	pos      int
	problems []Problem
	font     string
}

func (p *parser) problem(at int, msg string) {
	p.problems = append(p.problems, Problem{Offset: at, Message: msg})
}

// row reads atoms up to a closing brace, the end, or (when stop is not 0)
// a command that ends a group, such as \right.
func (p *parser) row(depth int) *Node {
	row := &Node{Kind: Row}
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '}':
			if depth > 0 {
				return row
			}
			return row
		case c == '^' || c == '_':
			p.pos++
			p.script(row, c)
		case c == '\'':
			// primes are superscripts
			start := p.pos
			for p.pos < len(p.src) && p.src[p.pos] == '\'' {
				p.pos++
			}
			prime := strings.Repeat("′", p.pos-start)
			p.attach(row, '^', &Node{Kind: Operator, Text: prime, Class: Ord})
		case strings.HasPrefix(p.src[p.pos:], `\right`):
			return row
		default:
			if a := p.atom(depth); a != nil {
				row.Children = append(row.Children, a)
			}
		}
	}
	return row
}

// script reads the argument of ^ or _ and attaches it to the last atom.
func (p *parser) script(row *Node, mark byte) {
	at := p.pos
	arg := p.argument()
	if arg == nil {
		p.problem(at, fmt.Sprintf("%q with nothing after it", mark))
		return
	}
	p.attach(row, mark, arg)
}

func (p *parser) attach(row *Node, mark byte, arg *Node) {
	var base *Node
	if n := len(row.Children); n > 0 {
		base = row.Children[n-1]
	}
	slot := 1
	if mark == '^' {
		slot = 2
	}
	if base == nil || base.Kind != Scripts || base.Children[slot] != nil {
		// a new scripted atom; an empty base when nothing precedes
		if base == nil || base.Kind == Scripts {
			base = &Node{Kind: Row}
			row.Children = append(row.Children, base)
		}
		s := &Node{Kind: Scripts, Children: []*Node{base, nil, nil}}
		row.Children[len(row.Children)-1] = s
		base = s
	}
	if mark == '^' && base.Children[2] != nil && arg.Kind == Operator && strings.HasPrefix(arg.Text, "′") {
		base.Children[2].Text += arg.Text
		return
	}
	base.Children[slot] = arg
}

// argument reads one argument: a group in braces, a command, or one
// character.
func (p *parser) argument() *Node {
	p.skipSpaces()
	if p.pos >= len(p.src) {
		return nil
	}
	if p.src[p.pos] == '{' {
		p.pos++
		r := p.row(1)
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			p.pos++
		} else {
			p.problem(p.pos, "a group opened with { is never closed")
		}
		if len(r.Children) == 1 {
			return r.Children[0]
		}
		return r
	}
	if p.src[p.pos] == '}' {
		return nil
	}
	return p.atom(1)
}

// textArgument reads a braced argument as plain text (\text{...}).
func (p *parser) textArgument() (string, bool) {
	p.skipSpaces()
	if p.pos >= len(p.src) || p.src[p.pos] != '{' {
		return "", false
	}
	depth := 0
	var b strings.Builder
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '\\' && p.pos+1 < len(p.src) && strings.IndexByte(`{}\$%&#_ `, p.src[p.pos+1]) >= 0:
			if p.src[p.pos+1] == '\\' {
				b.WriteByte(' ')
			} else {
				b.WriteByte(p.src[p.pos+1])
			}
			p.pos += 2
			continue
		case c == '{':
			depth++
			if depth > 1 {
				b.WriteByte(c)
			}
		case c == '}':
			depth--
			if depth == 0 {
				p.pos++
				return b.String(), true
			}
			b.WriteByte(c)
		case c == '~':
			b.WriteRune('\u00a0')
		default:
			b.WriteByte(c)
		}
		p.pos++
	}
	return b.String(), false
}

func (p *parser) skipSpaces() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t' || p.src[p.pos] == '\n' || p.src[p.pos] == '\r') {
		p.pos++
	}
}

// atom reads one atom.
func (p *parser) atom(depth int) *Node {
	c := p.src[p.pos]
	switch {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		p.pos++ // spaces in math mode are ignored
		return nil
	case c == '{':
		p.pos++
		r := p.row(depth + 1)
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			p.pos++
		} else {
			p.problem(p.pos, "a group opened with { is never closed")
		}
		return r
	case c == '\\':
		return p.command()
	case c >= '0' && c <= '9' || c == '.' && p.pos+1 < len(p.src) && p.src[p.pos+1] >= '0' && p.src[p.pos+1] <= '9':
		start := p.pos
		for p.pos < len(p.src) && (p.src[p.pos] >= '0' && p.src[p.pos] <= '9' || p.src[p.pos] == '.' && p.pos+1 < len(p.src) && p.src[p.pos+1] >= '0' && p.src[p.pos+1] <= '9') {
			p.pos++
		}
		return &Node{Kind: Number, Text: p.src[start:p.pos], Font: p.font}
	case c == '~':
		p.pos++
		return &Node{Kind: Space, Width: 6}
	case c == '&' || c == '#' || c == '%' || c == '$':
		p.pos++
		p.problem(p.pos-1, fmt.Sprintf("%q has no meaning here; write \\%c for the sign", c, c))
		return &Node{Kind: Unknown, Text: string(c)}
	}
	r, size := utf8.DecodeRuneInString(p.src[p.pos:])
	p.pos += size
	if op, ok := asciiOperators[r]; ok {
		return &Node{Kind: Operator, Text: op.text, Class: op.class}
	}
	if unicode.IsLetter(r) {
		if p.font == "rm" || p.font == "bf" {
			return &Node{Kind: Ident, Text: string(r), Font: p.font}
		}
		return &Node{Kind: Ident, Text: string(r), Font: p.font}
	}
	if unicode.IsDigit(r) {
		return &Node{Kind: Number, Text: string(r)}
	}
	return &Node{Kind: Operator, Text: string(r), Class: Ord}
}

type opInfo struct {
	text  string
	class Class
}

// asciiOperators are the characters typed as operators, with the
// characters set for them: a hyphen is a minus sign, an asterisk the
// centred asterisk operator.
var asciiOperators = map[rune]opInfo{
	'+': {"+", Bin}, '-': {"−", Bin}, '*': {"∗", Bin}, '/': {"/", Ord},
	'=': {"=", Rel}, '<': {"<", Rel}, '>': {">", Rel}, ':': {":", Rel},
	',': {",", Punct}, ';': {";", Punct}, '!': {"!", Close}, '?': {"?", Close},
	'(': {"(", Open}, '[': {"[", Open}, ')': {")", Close}, ']': {"]", Close},
	'|': {"|", Ord}, '.': {".", Ord},
}

// command reads a control sequence and what it takes.
func (p *parser) command() *Node {
	start := p.pos
	p.pos++ // the backslash
	if p.pos >= len(p.src) {
		p.problem(start, "a backslash at the end of the formula")
		return &Node{Kind: Unknown, Text: `\`}
	}
	name := ""
	if c := p.src[p.pos]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
		e := p.pos
		for e < len(p.src) && (p.src[e] >= 'a' && p.src[e] <= 'z' || p.src[e] >= 'A' && p.src[e] <= 'Z') {
			e++
		}
		name = p.src[p.pos:e]
		p.pos = e
	} else {
		name = string(c)
		p.pos++
	}
	if sym, ok := symbols[name]; ok {
		n := &Node{Kind: sym.kind, Text: sym.text, Class: sym.class, Limits: sym.limits, Large: sym.large}
		if n.Kind == Ident && sym.upright {
			n.Font = "rm"
		}
		return n
	}
	if w, ok := spaces[name]; ok {
		return &Node{Kind: Space, Width: w}
	}
	switch name {
	case "frac", "dfrac", "tfrac", "binom", "cfrac":
		num, den := p.argument(), p.argument()
		if num == nil || den == nil {
			p.problem(start, `\`+name+" needs two arguments in braces")
			return &Node{Kind: Unknown, Text: p.src[start:p.pos]}
		}
		n := &Node{Kind: Frac, Children: []*Node{num, den}}
		if name == "binom" {
			n.NoRule = true
			return &Node{Kind: Fenced, Open: "(", Close: ")", Children: []*Node{n}}
		}
		return n
	case "sqrt":
		var index *Node
		p.skipSpaces()
		if p.pos < len(p.src) && p.src[p.pos] == '[' {
			end := strings.IndexByte(p.src[p.pos:], ']')
			if end < 0 {
				p.problem(p.pos, "the index of \\sqrt opened with [ is never closed")
			} else {
				sub := &parser{src: p.src[p.pos+1 : p.pos+end]}
				index = sub.row(0)
				for _, q := range sub.problems {
					p.problem(p.pos+1+q.Offset, q.Message)
				}
				p.pos += end + 1
			}
		}
		body := p.argument()
		if body == nil {
			p.problem(start, `\sqrt needs an argument in braces`)
			return &Node{Kind: Unknown, Text: p.src[start:p.pos]}
		}
		n := &Node{Kind: Sqrt, Children: []*Node{body}}
		if index != nil {
			n.Children = append(n.Children, index)
		}
		return n
	case "text", "textrm", "textup", "mbox", "textnormal", "textit", "textbf", "emph":
		t, ok := p.textArgument()
		if !ok {
			p.problem(start, `\`+name+" needs its text in braces")
		}
		font := ""
		switch name {
		case "textit", "emph":
			font = "it"
		case "textbf":
			font = "bf"
		}
		return &Node{Kind: Text, Text: t, Font: font}
	case "mathrm", "mathbf", "mathit", "mathsf", "boldsymbol", "mathnormal":
		saved := p.font
		p.font = map[string]string{"mathrm": "rm", "mathbf": "bf", "mathit": "it", "mathsf": "rm", "boldsymbol": "bf", "mathnormal": ""}[name]
		arg := p.argument()
		p.font = saved
		if arg == nil {
			p.problem(start, `\`+name+" needs an argument in braces")
			return &Node{Kind: Unknown, Text: p.src[start:p.pos]}
		}
		return arg
	case "operatorname":
		t, ok := p.textArgument()
		if !ok {
			p.problem(start, `\operatorname needs its name in braces`)
		}
		return &Node{Kind: Func, Text: t, Class: Op}
	case "mathbb":
		t, ok := p.textArgument()
		if !ok {
			p.problem(start, `\mathbb needs a letter in braces`)
		}
		var b strings.Builder
		for _, r := range t {
			if d, ok := doubleStruck[r]; ok {
				b.WriteRune(d)
			} else {
				b.WriteRune(r)
				p.problem(start, fmt.Sprintf(`\mathbb{%c} is set as a plain %c`, r, r))
			}
		}
		return &Node{Kind: Ident, Text: b.String(), Font: "rm"}
	case "left":
		open := p.delimiter(start)
		body := p.row(1)
		close := ""
		if strings.HasPrefix(p.src[p.pos:], `\right`) {
			p.pos += len(`\right`)
			close = p.delimiter(p.pos)
		} else {
			p.problem(start, `\left without \right`)
		}
		return &Node{Kind: Fenced, Open: open, Close: close, Children: []*Node{body}}
	case "right":
		p.problem(start, `\right without \left`)
		p.delimiter(p.pos)
		return nil
	case "bigl", "bigr", "Bigl", "Bigr", "big", "Big", "biggl", "biggr", "bigg", "Bigg", "middle":
		d := p.delimiter(start)
		class := Ord
		if strings.HasSuffix(name, "l") {
			class = Open
		} else if strings.HasSuffix(name, "r") {
			class = Close
		}
		return &Node{Kind: Operator, Text: d, Class: class}
	case "hat", "bar", "vec", "dot", "ddot", "tilde", "check", "breve", "acute", "grave", "overline", "underline", "widehat", "widetilde", "overrightarrow":
		body := p.argument()
		if body == nil {
			p.problem(start, `\`+name+" needs an argument")
			return &Node{Kind: Unknown, Text: p.src[start:p.pos]}
		}
		return &Node{Kind: Accent, Text: accents[name], Under: name == "underline", Children: []*Node{body}}
	case "limits", "nolimits", "displaystyle", "textstyle", "scriptstyle":
		return nil // style switches: the setting decides
	case "begin":
		env, _ := p.textArgument()
		p.problem(start, fmt.Sprintf(`the environment \begin{%s} is not supported; it is printed as written`, env))
		end := strings.Index(p.src[p.pos:], `\end{`+env+`}`)
		if end >= 0 {
			p.pos += end + len(`\end{`+env+`}`)
		}
		return &Node{Kind: Unknown, Text: p.src[start:p.pos]}
	}
	p.problem(start, fmt.Sprintf(`\%s is not supported; it is printed as written`, name))
	return &Node{Kind: Unknown, Text: `\` + name}
}

// delimiter reads the delimiter after \left, \right or \big.
func (p *parser) delimiter(at int) string {
	p.skipSpaces()
	if p.pos >= len(p.src) {
		p.problem(at, "a delimiter is missing")
		return ""
	}
	if p.src[p.pos] == '\\' {
		n := p.command()
		if n == nil || n.Kind == Unknown {
			return ""
		}
		return n.Text
	}
	r, size := utf8.DecodeRuneInString(p.src[p.pos:])
	p.pos += size
	if r == '.' {
		return ""
	}
	return string(r)
}

// MathWord-free helpers for the writers.

// Plain returns the formula as plain text, for a text alternative: TeX's
// commands read as their characters.
func Plain(n *Node) string {
	var b strings.Builder
	var walk func(*Node)
	walk = func(n *Node) {
		if n == nil {
			return
		}
		switch n.Kind {
		case Row:
			for _, c := range n.Children {
				walk(c)
			}
		case Frac:
			b.WriteString("(")
			walk(n.Children[0])
			b.WriteString(")/(")
			walk(n.Children[1])
			b.WriteString(")")
		case Sqrt:
			b.WriteString("√(")
			walk(n.Children[0])
			b.WriteString(")")
		case Scripts:
			walk(n.Children[0])
			if n.Children[1] != nil {
				b.WriteString("_")
				walk(n.Children[1])
			}
			if n.Children[2] != nil {
				b.WriteString("^")
				walk(n.Children[2])
			}
		case Fenced:
			b.WriteString(n.Open)
			walk(n.Children[0])
			b.WriteString(n.Close)
		case Accent:
			walk(n.Children[0])
		case Space:
			b.WriteString(" ")
		default:
			b.WriteString(n.Text)
		}
	}
	walk(n)
	return b.String()
}
