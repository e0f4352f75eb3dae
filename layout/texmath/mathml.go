package texmath

import (
	"strconv"
	"strings"
)

// MathML writes a formula as a MathML math element (MathML Core), which
// EPUB 3 content documents carry as they are (EPUB 3.3, §6.1.4.2). The TeX
// source is its text alternative (alttext), as assistive technology reads
// it. An Unknown node is written as the text it was.
func MathML(n *Node, tex string, display bool) string {
	var b strings.Builder
	b.WriteString(`<math xmlns="http://www.w3.org/1998/Math/MathML"`)
	if display {
		b.WriteString(` display="block"`)
	}
	b.WriteString(` alttext="` + escape(tex, true) + `">`)
	if display {
		b.WriteString("<mstyle displaystyle=\"true\">")
	}
	w := mathmlWriter{b: &b, display: display}
	w.node(n, true)
	if display {
		b.WriteString("</mstyle>")
	}
	b.WriteString("</math>")
	return b.String()
}

type mathmlWriter struct {
	b       *strings.Builder
	display bool
}

// node writes n; a Row at top level or as a script is written as mrow.
func (w mathmlWriter) node(n *Node, wrap bool) {
	b := w.b
	if n == nil {
		b.WriteString("<mrow/>")
		return
	}
	switch n.Kind {
	case Row:
		if len(n.Children) == 1 {
			w.node(n.Children[0], true)
			return
		}
		b.WriteString("<mrow>")
		for _, c := range n.Children {
			w.node(c, false)
		}
		b.WriteString("</mrow>")
	case Ident:
		attr := ""
		switch {
		case n.Font == "bf":
			attr = ` mathvariant="bold"`
		case n.Font == "rm" && len([]rune(n.Text)) == 1:
			attr = ` mathvariant="normal"`
		}
		b.WriteString("<mi" + attr + ">" + escape(n.Text, false) + "</mi>")
	case Number:
		b.WriteString("<mn>" + escape(n.Text, false) + "</mn>")
	case Operator:
		attr := ""
		if n.Large && w.display {
			attr = ` largeop="true"`
		}
		// Only \left and \right grow; a bracket typed as it is does not.
		if n.Class == Open || n.Class == Close || n.Class == Ord && (n.Text == "|" || n.Text == "/") {
			attr += ` stretchy="false"`
		}
		b.WriteString("<mo" + attr + ">" + escape(n.Text, false) + "</mo>")
	case Func:
		b.WriteString("<mi>" + escape(n.Text, false) + "</mi><mo>\u2061</mo>")
	case Text:
		attr := ""
		switch n.Font {
		case "it":
			attr = ` mathvariant="italic"`
		case "bf":
			attr = ` mathvariant="bold"`
		}
		b.WriteString("<mtext" + attr + ">" + escape(n.Text, false) + "</mtext>")
	case Frac:
		attr := ""
		if n.NoRule {
			attr = ` linethickness="0"`
		}
		b.WriteString("<mfrac" + attr + ">")
		w.node(n.Children[0], true)
		w.node(n.Children[1], true)
		b.WriteString("</mfrac>")
	case Sqrt:
		if len(n.Children) == 2 {
			b.WriteString("<mroot>")
			w.node(n.Children[0], true)
			w.node(n.Children[1], true)
			b.WriteString("</mroot>")
			return
		}
		b.WriteString("<msqrt>")
		w.node(n.Children[0], true)
		b.WriteString("</msqrt>")
	case Scripts:
		base, sub, sup := n.Children[0], n.Children[1], n.Children[2]
		limits := base != nil && base.Limits && w.display
		tag := ""
		switch {
		case sub != nil && sup != nil:
			tag = map[bool]string{false: "msubsup", true: "munderover"}[limits]
		case sub != nil:
			tag = map[bool]string{false: "msub", true: "munder"}[limits]
		default:
			tag = map[bool]string{false: "msup", true: "mover"}[limits]
		}
		b.WriteString("<" + tag + ">")
		if base != nil && base.Kind == Func {
			// the function application operator follows the scripts
			b.WriteString("<mi>" + escape(base.Text, false) + "</mi>")
		} else {
			w.node(base, true)
		}
		if sub != nil {
			w.node(sub, true)
		}
		if sup != nil {
			w.node(sup, true)
		}
		b.WriteString("</" + tag + ">")
		if base != nil && base.Kind == Func {
			b.WriteString("<mo>\u2061</mo>")
		}
	case Fenced:
		b.WriteString("<mrow>")
		if n.Open != "" {
			b.WriteString(`<mo fence="true" stretchy="true">` + escape(n.Open, false) + "</mo>")
		}
		w.node(n.Children[0], true)
		if n.Close != "" {
			b.WriteString(`<mo fence="true" stretchy="true">` + escape(n.Close, false) + "</mo>")
		}
		b.WriteString("</mrow>")
	case Accent:
		tag, attr := "mover", ` accent="true"`
		if n.Under {
			tag, attr = "munder", ` accentunder="true"`
		}
		b.WriteString("<" + tag + attr + ">")
		w.node(n.Children[0], true)
		b.WriteString(`<mo stretchy="true">` + escape(n.Text, false) + "</mo>")
		b.WriteString("</" + tag + ">")
	case Space:
		if n.Width <= 0 {
			return // a negative space (\!) only tightens the print edition
		}
		b.WriteString(`<mspace width="` + strconv.FormatFloat(float64(n.Width)/18, 'f', 3, 64) + `em"/>`)
	case Unknown:
		b.WriteString("<mtext>" + escape(n.Text, false) + "</mtext>")
	}
}

// escape escapes XML's special characters with the predefined entities.
func escape(s string, attr bool) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	if attr {
		r = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", " ")
	}
	return r.Replace(s)
}
