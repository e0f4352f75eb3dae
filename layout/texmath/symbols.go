package texmath

// symbol is what a control sequence without arguments stands for.
type symbol struct {
	kind    Kind
	text    string
	class   Class
	limits  bool // a big operator whose scripts go above and below in display
	large   bool // a big operator, larger in display style
	upright bool // an identifier set upright (capital Greek, as TeX sets it)
}

func ident(t string) symbol        { return symbol{kind: Ident, text: t} }
func uprightIdent(t string) symbol { return symbol{kind: Ident, text: t, upright: true} }
func op(t string, c Class) symbol  { return symbol{kind: Operator, text: t, class: c} }
func fn(t string, limits bool) symbol {
	return symbol{kind: Func, text: t, class: Op, limits: limits}
}

// symbols maps control sequences to their characters, after the tables of
// The TeXbook's Appendix F and the Unicode characters MathML uses for them.
var symbols = map[string]symbol{
	// Greek: lower case italic, upper case upright (The TeXbook, ch. 16).
	"alpha": ident("α"), "beta": ident("β"), "gamma": ident("γ"), "delta": ident("δ"),
	"epsilon": ident("ϵ"), "varepsilon": ident("ε"), "zeta": ident("ζ"), "eta": ident("η"),
	"theta": ident("θ"), "vartheta": ident("ϑ"), "iota": ident("ι"), "kappa": ident("κ"),
	"lambda": ident("λ"), "mu": ident("μ"), "nu": ident("ν"), "xi": ident("ξ"),
	"omicron": ident("ο"), "pi": ident("π"), "varpi": ident("ϖ"), "rho": ident("ρ"),
	"varrho": ident("ϱ"), "sigma": ident("σ"), "varsigma": ident("ς"), "tau": ident("τ"),
	"upsilon": ident("υ"), "phi": ident("ϕ"), "varphi": ident("φ"), "chi": ident("χ"),
	"psi": ident("ψ"), "omega": ident("ω"),
	"Gamma": uprightIdent("Γ"), "Delta": uprightIdent("Δ"), "Theta": uprightIdent("Θ"),
	"Lambda": uprightIdent("Λ"), "Xi": uprightIdent("Ξ"), "Pi": uprightIdent("Π"),
	"Sigma": uprightIdent("Σ"), "Upsilon": uprightIdent("Υ"), "Phi": uprightIdent("Φ"),
	"Psi": uprightIdent("Ψ"), "Omega": uprightIdent("Ω"),

	// Letter-like symbols.
	"infty": op("∞", Ord), "partial": op("∂", Ord), "nabla": op("∇", Ord),
	"hbar": ident("ℏ"), "ell": ident("ℓ"), "aleph": uprightIdent("ℵ"), "emptyset": op("∅", Ord),
	"varnothing": op("∅", Ord), "forall": op("∀", Ord), "exists": op("∃", Ord),
	"neg": op("¬", Ord), "lnot": op("¬", Ord), "prime": op("′", Ord), "angle": op("∠", Ord),
	"triangle": op("△", Ord), "degree": op("°", Ord), "top": op("⊤", Ord), "bot": op("⊥", Ord),
	"dots": op("…", Ord), "ldots": op("…", Ord), "cdots": op("⋯", Ord), "vdots": op("⋮", Ord),
	"ddots": op("⋱", Ord), "%": op("%", Ord), "$": op("$", Ord), "&": op("&", Ord),
	"#": op("#", Ord), "_": op("_", Ord), "{": op("{", Open), "}": op("}", Close),
	"lbrace": op("{", Open), "rbrace": op("}", Close), "langle": op("⟨", Open), "rangle": op("⟩", Close),
	"lfloor": op("⌊", Open), "rfloor": op("⌋", Close), "lceil": op("⌈", Open), "rceil": op("⌉", Close),
	"|": op("‖", Ord), "vert": op("|", Ord), "Vert": op("‖", Ord), "lvert": op("|", Open), "rvert": op("|", Close),
	"backslash": op("\\", Ord),

	// Binary operations.
	"pm": op("±", Bin), "mp": op("∓", Bin), "times": op("×", Bin), "div": op("÷", Bin),
	"cdot": op("⋅", Bin), "ast": op("∗", Bin), "star": op("⋆", Bin), "circ": op("∘", Bin),
	"bullet": op("∙", Bin), "cap": op("∩", Bin), "cup": op("∪", Bin), "setminus": op("∖", Bin),
	"wedge": op("∧", Bin), "land": op("∧", Bin), "vee": op("∨", Bin), "lor": op("∨", Bin),
	"oplus": op("⊕", Bin), "otimes": op("⊗", Bin), "odot": op("⊙", Bin),

	// Relations and arrows.
	"leq": op("≤", Rel), "le": op("≤", Rel), "geq": op("≥", Rel), "ge": op("≥", Rel),
	"neq": op("≠", Rel), "ne": op("≠", Rel), "approx": op("≈", Rel), "equiv": op("≡", Rel),
	"sim": op("∼", Rel), "simeq": op("≃", Rel), "cong": op("≅", Rel), "propto": op("∝", Rel),
	"ll": op("≪", Rel), "gg": op("≫", Rel), "in": op("∈", Rel), "notin": op("∉", Rel),
	"ni": op("∋", Rel), "subset": op("⊂", Rel), "supset": op("⊃", Rel), "subseteq": op("⊆", Rel),
	"supseteq": op("⊇", Rel), "perp": op("⊥", Rel), "parallel": op("∥", Rel), "mid": op("∣", Rel),
	"to": op("→", Rel), "rightarrow": op("→", Rel), "leftarrow": op("←", Rel), "gets": op("←", Rel),
	"leftrightarrow": op("↔", Rel), "Rightarrow": op("⇒", Rel), "Leftarrow": op("⇐", Rel),
	"Leftrightarrow": op("⇔", Rel), "implies": op("⟹", Rel), "iff": op("⟺", Rel),
	"mapsto": op("↦", Rel), "uparrow": op("↑", Rel), "downarrow": op("↓", Rel),
	"longrightarrow": op("⟶", Rel), "longleftarrow": op("⟵", Rel), "doteq": op("≐", Rel),
	"colon": op(":", Punct),

	// Big operators.
	"sum":    {kind: Operator, text: "∑", class: Op, limits: true, large: true},
	"prod":   {kind: Operator, text: "∏", class: Op, limits: true, large: true},
	"coprod": {kind: Operator, text: "∐", class: Op, limits: true, large: true},
	"bigcup": {kind: Operator, text: "⋃", class: Op, limits: true, large: true},
	"bigcap": {kind: Operator, text: "⋂", class: Op, limits: true, large: true},
	"int":    {kind: Operator, text: "∫", class: Op, large: true},
	"iint":   {kind: Operator, text: "∬", class: Op, large: true},
	"oint":   {kind: Operator, text: "∮", class: Op, large: true},

	// Functions, set upright (The TeXbook, ch. 18); some take limits.
	"sin": fn("sin", false), "cos": fn("cos", false), "tan": fn("tan", false), "cot": fn("cot", false),
	"sec": fn("sec", false), "csc": fn("csc", false), "arcsin": fn("arcsin", false), "arccos": fn("arccos", false),
	"arctan": fn("arctan", false), "sinh": fn("sinh", false), "cosh": fn("cosh", false), "tanh": fn("tanh", false),
	"log": fn("log", false), "ln": fn("ln", false), "lg": fn("lg", false), "exp": fn("exp", false),
	"deg": fn("deg", false), "dim": fn("dim", false), "arg": fn("arg", false), "ker": fn("ker", false),
	"hom": fn("hom", false), "lim": fn("lim", true), "max": fn("max", true), "min": fn("min", true),
	"sup": fn("sup", true), "inf": fn("inf", true), "det": fn("det", true), "gcd": fn("gcd", true),
	"Pr": fn("Pr", true), "liminf": fn("lim inf", true), "limsup": fn("lim sup", true),
}

// spaces are the spacing commands, in mu (an eighteenth of an em).
var spaces = map[string]int{
	",": 3, "thinspace": 3, ":": 4, ">": 4, "medspace": 4, ";": 5, "thickspace": 5,
	"!": -3, "negthinspace": -3, " ": 6, "quad": 18, "qquad": 36, "enspace": 9,
}

// accents are the marks of the accent commands.
var accents = map[string]string{
	"hat": "^", "widehat": "^", "bar": "¯", "overline": "¯", "underline": "_", "vec": "→",
	"overrightarrow": "→", "dot": "˙", "ddot": "¨", "tilde": "~", "widetilde": "~",
	"check": "ˇ", "breve": "˘", "acute": "´", "grave": "`",
}

// doubleStruck are the letters \mathbb sets.
var doubleStruck = map[rune]rune{
	'N': 'ℕ', 'Z': 'ℤ', 'Q': 'ℚ', 'R': 'ℝ', 'C': 'ℂ', 'P': 'ℙ', 'H': 'ℍ',
}
