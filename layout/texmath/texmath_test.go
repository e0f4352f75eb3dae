package texmath

import (
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/layout/unit"
)

// dump writes a tree compactly: kind(children) or kind:text.
func dump(n *Node) string {
	if n == nil {
		return "_"
	}
	names := map[Kind]string{Row: "row", Ident: "mi", Number: "mn", Operator: "mo", Text: "text", Func: "fn", Frac: "frac", Sqrt: "sqrt", Scripts: "scripts", Fenced: "fenced", Accent: "accent", Space: "space", Unknown: "unknown"}
	switch n.Kind {
	case Row, Frac, Sqrt, Scripts, Accent:
		var parts []string
		for _, c := range n.Children {
			parts = append(parts, dump(c))
		}
		return names[n.Kind] + "(" + strings.Join(parts, " ") + ")"
	case Fenced:
		return "fenced" + n.Open + dump(n.Children[0]) + n.Close
	}
	return names[n.Kind] + ":" + n.Text
}

func TestParse(t *testing.T) {
	tests := []struct{ tex, want string }{
		{`x^2 + y_1`, "row(scripts(mi:x _ mn:2) mo:+ scripts(mi:y mn:1 _))"},
		{`x_i^{n+1}`, "row(scripts(mi:x mi:i row(mi:n mo:+ mn:1)))"},
		{`\frac{a}{b}`, "row(frac(mi:a mi:b))"},
		{`\sqrt[3]{x}`, "row(sqrt(mi:x row(mn:3)))"},
		{`\text{H}_2\text{O}`, "row(scripts(text:H mn:2 _) text:O)"},
		{`\alpha\leq\Gamma`, "row(mi:α mo:≤ mi:Γ)"},
		{`\sum_{i=1}^n i`, "row(scripts(mo:∑ row(mi:i mo:= mn:1) mi:n) mi:i)"},
		{`\left( a \right]`, "row(fenced(row(mi:a)])"},
		{`f'(x)`, "row(scripts(mi:f _ mo:′) mo:( mi:x mo:))"},
		{`\sin x`, "row(fn:sin mi:x)"},
		{`\hat{x}`, "row(accent(mi:x))"},
		{`3.14`, "row(mn:3.14)"},
	}
	for _, tt := range tests {
		n, problems := Parse(tt.tex)
		if got := dump(n); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.tex, got, tt.want)
		}
		if len(problems) > 0 {
			t.Errorf("%s: problems %v", tt.tex, problems)
		}
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct{ tex, want string }{
		{`\foo`, `\foo is not supported; it is printed as written`},
		{`\begin{matrix} a \end{matrix}`, `the environment \begin{matrix} is not supported`},
		{`\frac{a}`, `\frac needs two arguments in braces`},
		{`{a`, `a group opened with { is never closed`},
		{`a}`, `unmatched '}'`},
		{`x^`, `'^' with nothing after it`},
		{`\left( a`, `\left without \right`},
	}
	for _, tt := range tests {
		n, problems := Parse(tt.tex)
		if n == nil || len(problems) == 0 || !strings.HasPrefix(problems[0].Message, tt.want) {
			t.Errorf("%s: problems %v, want one starting %q", tt.tex, problems, tt.want)
		}
	}
	// What is not read stays visible, as written.
	n, _ := Parse(`a \foo b`)
	if got := dump(n); got != "row(mi:a unknown:\\foo mi:b)" {
		t.Errorf("unknown command kept as %s", got)
	}
}

func TestMathML(t *testing.T) {
	tests := []struct {
		tex     string
		display bool
		want    string
	}{
		{`x^2`, false, `<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="x^2"><msup><mi>x</mi><mn>2</mn></msup></math>`},
		{`\frac{a}{b}`, true, `<math xmlns="http://www.w3.org/1998/Math/MathML" display="block" alttext="\frac{a}{b}"><mstyle displaystyle="true"><mfrac><mi>a</mi><mi>b</mi></mfrac></mstyle></math>`},
		{`\sqrt{x}<1`, false, `<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="\sqrt{x}&lt;1"><mrow><msqrt><mi>x</mi></msqrt><mo>&lt;</mo><mn>1</mn></mrow></math>`},
		{`\text{H}_2`, false, `<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="\text{H}_2"><msub><mtext>H</mtext><mn>2</mn></msub></math>`},
		{`\sum_{i}^{n}`, true, `<math xmlns="http://www.w3.org/1998/Math/MathML" display="block" alttext="\sum_{i}^{n}"><mstyle displaystyle="true"><munderover><mo largeop="true">∑</mo><mi>i</mi><mi>n</mi></munderover></mstyle></math>`},
	}
	for _, tt := range tests {
		n, _ := Parse(tt.tex)
		if got := MathML(n, tt.tex, tt.display); got != tt.want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.tex, got, tt.want)
		}
	}
}

// fixed is a fake measurer: every character half the size wide, reaching
// 3/4 of the size above the baseline and 1/4 below.
type fixed struct{}

func (fixed) Width(_ Style, size unit.Length, text string) unit.Length {
	return unit.Length(len([]rune(text))) * size / 2
}

func (fixed) Ink(_ Style, size unit.Length, text string) (unit.Length, unit.Length) {
	return size * 3 / 4, size / 4
}

func TestTypeset(t *testing.T) {
	size := 10 * unit.Point
	set := func(tex string, display bool) Box {
		n, _ := Parse(tex)
		return Typeset(n, size, display, fixed{})
	}
	glyph := func(b Box, text string) Glyph {
		for _, g := range b.Glyphs {
			if g.Text == text {
				return g
			}
		}
		t.Fatalf("no glyph %q in %+v", text, b.Glyphs)
		return Glyph{}
	}

	// A superscript is smaller and raised; a subscript smaller and lowered.
	b := set(`x^2_1`, false)
	two, one := glyph(b, "2"), glyph(b, "1")
	if two.Size != size*7/10 || two.Y >= 0 || one.Y <= 0 || two.X <= glyph(b, "x").X {
		t.Errorf("scripts: 2 at %+v, 1 at %+v", two, one)
	}

	// A fraction's numerator stands over its rule, the rule over the
	// denominator, the rule on the math axis (a quarter em up).
	b = set(`\frac{a}{b}`, true)
	a, den := glyph(b, "a"), glyph(b, "b")
	if len(b.Rules) != 1 || !(a.Y < b.Rules[0].Y && b.Rules[0].Y < den.Y) || b.Rules[0].Y != -size/4 {
		t.Errorf("fraction: a %+v, rule %+v, b %+v", a, b.Rules, den)
	}
	// In text style the parts are smaller than in display style.
	if ts := glyph(set(`\frac{a}{b}`, false), "a"); ts.Size >= a.Size {
		t.Errorf("text-style numerator %v, display %v", ts.Size, a.Size)
	}

	// A root's rule covers its body, above it.
	b = set(`\sqrt{x}`, false)
	x := glyph(b, "x")
	if len(b.Rules) != 1 || b.Rules[0].Y >= x.Y-size*3/4 || b.Rules[0].X+b.Rules[0].W < x.X+size/2 {
		t.Errorf("root: rule %+v, body %+v", b.Rules, x)
	}

	// Relations get thick spaces, binary operations medium ones (The
	// TeXbook, chapter 18): a = b is wider than a+b set tight.
	eq, plus := set(`a=b`, false), set(`a+b`, false)
	// each of the three characters is 5pt; = takes 2×5mu, + 2×4mu
	if eq.Width <= plus.Width || eq.Width < 3*size/2+2*5*size/18 {
		t.Errorf("a=b %v, a+b %v", eq.Width, plus.Width)
	}

	// Limits of a display sum go above and below it, centred.
	b = set(`\sum_{i}^{n}`, true)
	if n, i := glyph(b, "n"), glyph(b, "i"); !(n.Y < 0 && i.Y > 0) {
		t.Errorf("limits: n %+v, i %+v", n, i)
	}
}
