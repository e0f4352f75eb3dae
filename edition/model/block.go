package model

import (
	"slices"
	"strings"
	"unicode"
)

// BlockKind is the closed set of block kinds every reader produces and every
// writer handles.
type BlockKind int

// The block kinds.
const (
	Paragraph      BlockKind = iota // body text, first-line indented in print
	Heading                         // a heading inside a section; Level 2..6
	BlockQuote                      // Children hold the quoted blocks
	List                            // Children are ListItem blocks; Attr "ordered" = "true"
	ListItem                        // Children hold the item's blocks
	Salutation                      // "Dear Comrades," opening a letter or one of its parts
	Signature                       // the signatory line(s) closing a letter
	Dateline                        // place and date, at the head or foot of a document
	Attribution                     // a source line or credit under a text, set apart
	ThematicBreak                   // a section break inside a section (no text)
	Centered                        // a short centered display line (title page, colophon)
	Image                           // a figure: Attr "src", "alt", "title", "number"; Inlines hold the caption
	Note                            // an endnote or footnote body: ID is the note's id
	Table                           // Children are TableRow blocks; Inlines hold the caption; Attr "align" (one of l, c, r, d a column, comma-separated) and "widths" (relative, comma-separated)
	TableRow                        // Children are TableCell blocks; Attr "head" = "true" for a header row
	TableCell                       // Inlines hold a simple cell's text, Children a cell of blocks
	DefinitionList                  // Children are Term and Definition blocks, each term before its definitions
	Term                            // the term defined: Inlines
	Definition                      // a definition: Children hold its blocks
	LineBlock                       // lines kept as written (verse, addresses): Inlines, lines parted by LineBreak
	CodeBlock                       // preformatted text: Inlines of Code parted by LineBreak; Attr "language"
	Div                             // a group of blocks with attributes (Attr "lang", "class"): Children
	RawBlock                        // raw HTML kept for the EPUB only: Attr "html" is the sanitised XHTML, Inlines its text for the print edition
)

var blockKindNames = [...]string{"para", "heading", "blockquote", "list", "item", "salutation", "signature", "dateline", "attribution", "break", "centered", "image", "note",
	"table", "row", "cell", "deflist", "term", "definition", "lineblock", "codeblock", "div", "rawblock"}

// BlockKinds returns every block kind, for the tests that check each
// writer handles them all.
func BlockKinds() []BlockKind {
	out := make([]BlockKind, len(blockKindNames))
	for i := range out {
		out[i] = BlockKind(i)
	}
	return out
}

// String returns the kind's short name, as used in dumps.
func (k BlockKind) String() string {
	if int(k) < len(blockKindNames) {
		return blockKindNames[k]
	}
	return "unknown"
}

// Block is one block-level element. Source text blocks carry the source line
// they started on, so emendations, lint findings and errors can point at it.
type Block struct {
	Kind      BlockKind
	ID        string // stable anchor, e.g. "p-2-14"; assigned by AssignIDs
	Level     int    // heading level
	Inlines   []Inline
	Children  []Block
	Attr      Attr
	Line      int  // 1-based line in the source file; 0 for generated blocks
	Editorial bool // supplied by the editor, not in the source
}

// OnlyInAttr is the block attribute naming the one edition a block belongs
// to, by the build's format name ("pdf", "epub"): a generated statement
// true of that edition only, such as the typeface the colophon names. The
// other editions' writers leave the block out, and the word accounting does
// not count it against them.
const OnlyInAttr = "only-in"

// In reports whether the block belongs in the edition of the given format:
// every block does but one marked for another edition in OnlyInAttr.
func (b *Block) In(format string) bool {
	v := b.Attr.Get(OnlyInAttr)
	return v == "" || v == format
}

// InlineKind is the closed set of inline kinds.
type InlineKind int

// The inline kinds.
const (
	Text        InlineKind = iota // Text holds the characters
	Emph                          // italics; Children hold the content
	Strong                        // bold
	SmallCaps                     // small capitals
	NoteRef                       // Target is the note's ID; Text the mark ("1")
	Link                          // Target is the URL or "#id"
	Code                          // literal text
	LineBreak                     // a forced line break inside a block
	Strikeout                     // struck-through text: Children
	Superscript                   // Children raised
	Subscript                     // Children lowered
	Math                          // Text is TeX math; Attr "display" = "true" for display math
	Cite                          // a citation: Attr "keys" (space-separated); Children hold its text as set
	Span                          // Children with attributes: Attr "lang", "class"
)

var inlineKindNames = [...]string{"text", "emph", "strong", "smallcaps", "noteref", "link", "code", "br", "strike", "sup", "sub", "math", "cite", "span"}

// InlineKinds returns every inline kind.
func InlineKinds() []InlineKind {
	out := make([]InlineKind, len(inlineKindNames))
	for i := range out {
		out[i] = InlineKind(i)
	}
	return out
}

// String returns the kind's short name, as used in dumps.
func (k InlineKind) String() string {
	if int(k) < len(inlineKindNames) {
		return inlineKindNames[k]
	}
	return "unknown"
}

// Inline is a run of text or a span containing other inlines.
type Inline struct {
	Kind     InlineKind
	Text     string
	Target   string
	Children []Inline
	Attr     Attr
}

// Attr is an ordered bag of key/value attributes; ordered so output never
// depends on map iteration.
type Attr []KeyValue

// KeyValue is one attribute.
type KeyValue struct{ Key, Value string }

// Get returns the value for key, or "".
func (a Attr) Get(key string) string {
	for _, kv := range a {
		if kv.Key == key {
			return kv.Value
		}
	}
	return ""
}

// Set returns a with key set to value, replacing an earlier value.
func (a Attr) Set(key, value string) Attr {
	for i, kv := range a {
		if kv.Key == key {
			a[i].Value = value
			return a
		}
	}
	return append(a, KeyValue{key, value})
}

// Str is shorthand for a plain text inline.
func Str(s string) Inline { return Inline{Kind: Text, Text: s} }

// PlainText flattens inlines to their text, dropping note references.
func PlainText(ins []Inline) string {
	var b strings.Builder
	var walk func([]Inline)
	walk = func(ins []Inline) {
		for _, in := range ins {
			switch in.Kind {
			case Text, Code:
				b.WriteString(in.Text)
			case LineBreak:
				b.WriteString(" ")
			case Math:
				b.WriteString(MathWord(in.Text))
			case NoteRef:
			default:
				walk(in.Children)
			}
		}
	}
	walk(ins)
	return b.String()
}

// MathWord is how a formula counts among the words of its block: as one
// word, its TeX without spaces, joined to the text it is written against
// ("$x$-axis" is one word), whatever the writer draws for it.
func MathWord(tex string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, tex)
}

// BlockText returns the plain text of a block and its children, children
// separated by newlines.
func BlockText(b *Block) string {
	if len(b.Children) == 0 {
		return PlainText(b.Inlines)
	}
	parts := make([]string, 0, len(b.Children)+1)
	if len(b.Inlines) > 0 {
		parts = append(parts, PlainText(b.Inlines))
	}
	for i := range b.Children {
		parts = append(parts, BlockText(&b.Children[i]))
	}
	return strings.Join(parts, "\n")
}

// SameWords reports whether two texts are the same words, whatever their
// case, punctuation and spacing: "M. Scheurer-Kestner" and "M.
// SCHEURER-KESTNER". Empty texts are the same as nothing.
func SameWords(a, b string) bool {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	wa, wb := words(a), words(b)
	return len(wa) > 0 && slices.Equal(wa, wb)
}
