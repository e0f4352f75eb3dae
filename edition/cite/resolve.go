package cite

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
)

// citation is one work a Cite inline cites, read from its attributes.
type citation struct {
	key, prefix, locator string
	noAuthor             bool
}

// citationsOf reads a Cite inline's attributes: each "key" starts a
// citation, the "prefix", "locator" and "suppress-author" after it belong
// to it.
func citationsOf(in model.Inline) []citation {
	var out []citation
	for _, kv := range in.Attr {
		switch kv.Key {
		case "key":
			out = append(out, citation{key: kv.Value})
		case "prefix", "locator", "suppress-author":
			if len(out) == 0 {
				continue
			}
			c := &out[len(out)-1]
			switch kv.Key {
			case "prefix":
				c.prefix = kv.Value
			case "locator":
				c.locator = kv.Value
			default:
				c.noAuthor = kv.Value == "true"
			}
		}
	}
	return out
}

// Resolve sets, in place, the text of every citation in secs in the
// author-date style, linked to its entry in the reference list, and
// returns the keys cited, in order of first citation, and a warning for
// every key the bibliography lacks, naming file and the citation's line.
// A citation of an unknown key keeps the text it was written with. bib may
// be nil (no bibliography): then every citation is unknown.
func Resolve(secs []model.Section, file string, bib *Bibliography) (cited []string, warns []model.Warning) {
	seen := map[string]bool{}
	var inlines func(ins []model.Inline, line int)
	inlines = func(ins []model.Inline, line int) {
		for i := range ins {
			in := &ins[i]
			if in.Kind != model.Cite {
				inlines(in.Children, line)
				continue
			}
			at := line
			if l, err := strconv.Atoi(in.Attr.Get("line")); err == nil && l > 0 {
				at = l
			}
			cs := citationsOf(*in)
			ok := len(cs) > 0
			for _, c := range cs {
				if bib == nil {
					warns = append(warns, model.Warning{File: file, Line: at, Message: fmt.Sprintf("citation @%s: no bibliography is named; add bibliography: refs.bib to the manifest or the front matter", c.key)})
					ok = false
					continue
				}
				if _, found := bib.byKey[c.key]; !found {
					warns = append(warns, model.Warning{File: file, Line: at, Message: fmt.Sprintf("citation @%s: %s has no entry with that key; it is printed as written", c.key, bib.File)})
					ok = false
				}
			}
			if !ok {
				continue
			}
			for _, c := range cs {
				if !seen[c.key] {
					seen[c.key] = true
					cited = append(cited, c.key)
				}
			}
			in.Children = []model.Inline{model.Str(bib.citationText(cs, in.Attr.Get("mode") == "in-text"))}
			in.Target = "#" + AnchorID(cs[0].key)
		}
	}
	var blocks func([]model.Block)
	blocks = func(bs []model.Block) {
		for i := range bs {
			inlines(bs[i].Inlines, bs[i].Line)
			blocks(bs[i].Children)
		}
	}
	for i := range secs {
		inlines(secs[i].Title, 0)
		blocks(secs[i].Blocks)
	}
	return cited, warns
}

// citationText writes citations in the author-date style (Chicago
// 15.21–15.27): "(Marx 1887, 12; Engels 1845)", or, in the text, "Marx
// (1887, 12)".
func (b *Bibliography) citationText(cs []citation, inText bool) string {
	var parts []string
	for i, c := range cs {
		e := &b.entries[b.byKey[c.key]]
		var s strings.Builder
		if c.prefix != "" {
			s.WriteString(c.prefix + " ")
		}
		if inText && i == 0 {
			s.WriteString(e.authorText() + " (" + e.year())
			if c.locator != "" {
				s.WriteString(", " + c.locator)
			}
			s.WriteString(")")
			parts = append(parts, s.String())
			continue
		}
		if !c.noAuthor {
			s.WriteString(e.authorText() + " ")
		}
		s.WriteString(e.year())
		if c.locator != "" {
			s.WriteString(", " + c.locator)
		}
		parts = append(parts, s.String())
	}
	if inText {
		out := parts[0]
		if len(parts) > 1 {
			out += " (" + strings.Join(parts[1:], "; ") + ")"
		}
		return out
	}
	return "(" + strings.Join(parts, "; ") + ")"
}

// References returns the reference list of the keys cited: one paragraph
// an entry, in the list's order, each with the id citations link to.
func (b *Bibliography) References(cited []string) []model.Block {
	want := map[string]bool{}
	for _, k := range cited {
		want[k] = true
	}
	var out []model.Block
	for i := range b.entries {
		e := &b.entries[i]
		if !want[e.Key] {
			continue
		}
		out = append(out, model.Block{Kind: model.Paragraph, ID: AnchorID(e.Key), Attr: model.Attr{{Key: "class", Value: "bibliography"}}, Inlines: e.reference(), Editorial: true})
	}
	return out
}

// nameList writes an entry's names as a reference list gives them: the
// first inverted, the others in reading order (Chicago 15.9).
func nameList(ns []Name) string {
	var parts []string
	for i, n := range ns {
		if i == 0 {
			parts = append(parts, n.inverted())
		} else {
			parts = append(parts, n.natural())
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		return parts[0] + ", and " + parts[1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", and " + parts[len(parts)-1]
}

// naturalList writes names in reading order: "Karl Marx and Friedrich
// Engels".
func naturalList(ns []Name) string {
	var parts []string
	for _, n := range ns {
		parts = append(parts, n.natural())
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		return parts[0] + " and " + parts[1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", and " + parts[len(parts)-1]
}

// kind sorts an entry's type into what the reference list sets
// differently: a book, a part of a book, an article.
func (e *Entry) kind() string {
	switch e.Type {
	case "article", "article-journal", "article-magazine", "article-newspaper", "periodical":
		return "article"
	case "incollection", "inbook", "inproceedings", "chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary":
		return "chapter"
	}
	if e.Container != "" && e.Type != "book" {
		return "article"
	}
	return "book"
}

// reference writes an entry of the reference list (Chicago 15.9–15.51):
//
//	Marx, Karl. 1887. Capital. Edited by … London: Swan Sonnenschein.
//	Engels, Friedrich. 1892. "Title." Journal 3 (2): 12–30.
//	Lenin, V. I. 1917. "Title." In Book, edited by …, 1–20. Place: Publisher.
func (e *Entry) reference() []model.Inline {
	var out []model.Inline
	str := func(s string) { out = append(out, model.Str(s)) }
	emph := func(s string) {
		out = append(out, model.Inline{Kind: model.Emph, Children: []model.Inline{model.Str(s)}})
	}
	end := func(s string) string {
		if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
			return s
		}
		return s + "."
	}
	switch {
	case len(e.Authors) > 0:
		str(end(nameList(e.Authors)) + " ")
	case len(e.Editors) > 0:
		ed := "ed."
		if len(e.Editors) > 1 {
			ed = "eds."
		}
		str(nameList(e.Editors) + ", " + ed + " ")
	}
	str(e.year() + ". ")
	title := strings.TrimSpace(e.Title)
	switch e.kind() {
	case "article":
		str("“" + end(title) + "” ")
		if e.Container != "" {
			emph(e.Container)
			tail := ""
			if e.Volume != "" {
				tail += " " + e.Volume
			}
			if e.Issue != "" {
				tail += " (" + e.Issue + ")"
			}
			if e.Pages != "" {
				tail += ": " + e.Pages
			}
			str(tail + ".")
		}
	case "chapter":
		str("“" + end(title) + "” ")
		if e.Container != "" {
			str("In ")
			emph(e.Container)
			if len(e.Editors) > 0 && len(e.Authors) > 0 {
				str(", edited by " + naturalList(e.Editors))
			}
			if e.Pages != "" {
				str(", " + e.Pages)
			}
			str(".")
		}
		e.publication(str)
	default:
		if title != "" {
			emph(end(title))
		}
		if e.Edition != "" {
			str(" " + ordinalEdition(e.Edition) + ".")
		}
		if len(e.Editors) > 0 && len(e.Authors) > 0 {
			str(" Edited by " + naturalList(e.Editors) + ".")
		}
		e.publication(str)
	}
	switch {
	case e.DOI != "":
		str(" https://doi.org/" + e.DOI + ".")
	case e.URL != "":
		str(" " + e.URL + ".")
	}
	return out
}

// publication writes "Place: Publisher.".
func (e *Entry) publication(str func(string)) {
	end := func(s string) string {
		if strings.HasSuffix(s, ".") {
			return s
		}
		return s + "."
	}
	switch {
	case e.Place != "" && e.Publisher != "":
		str(" " + e.Place + ": " + end(e.Publisher))
	case e.Publisher != "":
		str(" " + end(e.Publisher))
	case e.Place != "":
		str(" " + end(e.Place))
	}
}

// ordinalEdition writes an edition as Chicago does: "2nd ed.".
func ordinalEdition(ed string) string {
	n, err := strconv.Atoi(ed)
	if err != nil {
		return ed
	}
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix + " ed"
}
