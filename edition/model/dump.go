package model

// A stable, readable text dump of the model, for golden tests and for
// looking at what a reader made of a source (after pandoc's "native"
// writer). One block a line, indented by depth, prefixed with its source
// line; inlines written inline with braces for everything that is not
// plain text.

import (
	"fmt"
	"io"
	"strings"
)

// Dump writes a text dump of a Source: title, imprint, sections, trailer,
// notes, dropped lines and warnings, in that order.
func Dump(w io.Writer, s *Source) error {
	d := &dumper{w: w}
	d.printf("source %s\n", s.File)
	for _, t := range s.Title {
		d.printf("title %s\n", dumpString(t))
	}
	for _, t := range s.Imprint {
		d.printf("imprint %s\n", dumpString(t))
	}
	for _, t := range s.Byline {
		d.printf("byline %s\n", dumpString(t))
	}
	d.sections(s.Sections)
	if len(s.Trailer) > 0 {
		d.printf("trailer\n")
		d.blocks(s.Trailer, 1)
	}
	if len(s.Notes) > 0 {
		d.printf("notes\n")
		d.blocks(s.Notes, 1)
	}
	if len(s.Dropped) > 0 {
		d.printf("dropped\n")
		for _, x := range s.Dropped {
			d.printf("  %d %s: %s\n", x.Line, x.Reason, dumpString(x.Text))
		}
	}
	if len(s.Warnings) > 0 {
		d.printf("warnings\n")
		for _, x := range s.Warnings {
			d.printf("  %s\n", x)
		}
	}
	return d.err
}

// DumpSections writes a text dump of sections and their blocks.
func DumpSections(w io.Writer, secs []Section) error {
	d := &dumper{w: w}
	d.sections(secs)
	return d.err
}

// DumpEdition writes a text dump of a whole edition: the metadata that
// identifies it, then front, body and back matter.
func DumpEdition(w io.Writer, e *Edition) error {
	d := &dumper{w: w}
	d.printf("edition %s %s\n", e.Meta.Slug, dumpString(e.Meta.Title))
	for _, part := range []struct {
		name string
		secs []Section
	}{{"front", e.Front}, {"body", e.Body}, {"back", e.Back}} {
		d.printf("%s\n", part.name)
		d.sections(part.secs)
	}
	return d.err
}

type dumper struct {
	w   io.Writer
	err error
}

func (d *dumper) printf(format string, args ...any) {
	if d.err == nil {
		_, d.err = fmt.Fprintf(d.w, format, args...)
	}
}

func (d *dumper) sections(secs []Section) {
	for i, s := range secs {
		d.printf("section %d %s", i+1, s.Role)
		if s.ID != "" {
			d.printf(" #%s", s.ID)
		}
		if s.Editorial {
			d.printf(" editorial")
		}
		d.printf(" title=%s\n", DumpInlines(s.Title))
		d.blocks(s.Blocks, 1)
	}
}

func (d *dumper) blocks(bs []Block, depth int) {
	for _, b := range bs {
		d.printf("%s%d %s", strings.Repeat("  ", depth), b.Line, b.Kind)
		if b.Level > 0 {
			d.printf("%d", b.Level)
		}
		if b.ID != "" {
			d.printf(" #%s", b.ID)
		}
		if b.Editorial {
			d.printf(" editorial")
		}
		for _, kv := range b.Attr {
			d.printf(" %s=%s", kv.Key, dumpString(kv.Value))
		}
		if len(b.Inlines) > 0 {
			d.printf(": %s", DumpInlines(b.Inlines))
		}
		d.printf("\n")
		d.blocks(b.Children, depth+1)
	}
}

// DumpInlines writes text as is and every other inline in braces:
// {emph:...}, {ref n1:1}, {br}.
func DumpInlines(ins []Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch in.Kind {
		case Text:
			b.WriteString(dumpString(in.Text))
		case LineBreak:
			b.WriteString("{br}")
		case NoteRef:
			fmt.Fprintf(&b, "{ref %s:%s}", in.Target, dumpString(in.Text))
		case Link:
			fmt.Fprintf(&b, "{link %s:%s}", in.Target, DumpInlines(in.Children))
		case Code:
			fmt.Fprintf(&b, "{code:%s}", dumpString(in.Text))
		case Math:
			fmt.Fprintf(&b, "{math%s:%s}", dumpAttr(in.Attr), dumpString(in.Text))
		default:
			fmt.Fprintf(&b, "{%s%s:%s}", in.Kind, dumpAttr(in.Attr), DumpInlines(in.Children))
		}
	}
	return b.String()
}

// dumpAttr writes attributes as " key=value" pairs.
func dumpAttr(a Attr) string {
	var b strings.Builder
	for _, kv := range a {
		fmt.Fprintf(&b, " %s=%s", kv.Key, dumpString(kv.Value))
	}
	return b.String()
}

// dumpString makes invisible characters visible: a no-break space is
// written {nbsp}, a newline {nl}.
func dumpString(s string) string {
	return strings.NewReplacer("\u00a0", "{nbsp}", "\n", "{nl}").Replace(s)
}

// DumpOutline writes the structure of a Source, for reviewing a reader's
// decisions beside the source: the encoding and header fields, title and
// imprint lines, each section with its headings, datelines, salutations,
// signatures, quotations and note references (runs of paragraphs are
// counted, with their first words), the notes with the lines that refer
// to them, the trailer, the changes with their line ranges, and the
// warnings.
func DumpOutline(w io.Writer, s *Source) error {
	d := &dumper{w: w}
	d.printf("source %s\n", s.File)
	enc := s.Encoding.Name
	if s.Encoding.Declared {
		enc += " (declared)"
	}
	d.printf("encoding %s\n", enc)
	for _, f := range s.Fields {
		d.printf("field %d %s: %s\n", f.Line, f.Key, dumpString(f.Value))
	}
	for _, t := range s.Title {
		d.printf("title %s\n", dumpString(t))
	}
	for _, t := range s.Imprint {
		d.printf("imprint %s\n", dumpString(t))
	}
	for _, t := range s.Byline {
		d.printf("byline %s\n", dumpString(t))
	}
	refs := map[string][]int{}
	for i, sec := range s.Sections {
		d.printf("section %d: %s\n", i+1, DumpInlines(sec.Title))
		d.outline(sec.Blocks, 1, refs)
	}
	if len(s.Notes) > 0 {
		d.printf("notes\n")
		for _, n := range s.Notes {
			d.printf("  %d %s [%s] %s <- %v\n", n.Line, n.ID, n.Attr.Get("mark"), firstWords(PlainText(n.Inlines), 6), refs[n.ID])
		}
	}
	if len(s.Trailer) > 0 {
		d.printf("trailer\n")
		for _, b := range s.Trailer {
			d.printf("  %d %s: %s\n", b.Line, b.Kind, firstWords(PlainText(b.Inlines), 12))
		}
	}
	for _, c := range s.Changes {
		var rs []string
		for _, r := range c.Lines {
			rs = append(rs, r.String())
		}
		d.printf("change %s (lines %s): %s\n", c.Kind, strings.Join(rs, ", "), c.Kind.Action())
	}
	for _, x := range s.Warnings {
		d.printf("warning %s\n", x)
	}
	return d.err
}

// outline writes blocks for DumpOutline, counting runs of paragraphs and
// noting the lines that refer to each note.
func (d *dumper) outline(bs []Block, depth int, refs map[string][]int) {
	ind := strings.Repeat("  ", depth)
	paras, first := 0, 0
	flush := func() {
		if paras > 0 {
			d.printf("%s%d para x%d\n", ind, first, paras)
			paras = 0
		}
	}
	for _, b := range bs {
		collectRefs(b.Inlines, b.Line, refs)
		if b.Kind == Paragraph {
			if paras == 0 {
				first = b.Line
			}
			paras++
			continue
		}
		flush()
		switch b.Kind {
		case Heading:
			d.printf("%s%d h%d: %s\n", ind, b.Line, b.Level, DumpInlines(b.Inlines))
		case BlockQuote, List, ListItem:
			d.printf("%s%d %s\n", ind, b.Line, b.Kind)
			d.outline(b.Children, depth+1, refs)
		case ThematicBreak:
			d.printf("%s%d break\n", ind, b.Line)
		default:
			d.printf("%s%d %s: %s\n", ind, b.Line, b.Kind, firstWords(DumpInlines(b.Inlines), 12))
		}
	}
	flush()
}

func collectRefs(ins []Inline, line int, refs map[string][]int) {
	for _, in := range ins {
		if in.Kind == NoteRef {
			refs[in.Target] = append(refs[in.Target], line)
		}
		collectRefs(in.Children, line, refs)
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(dumpString(s))
	if len(f) > n {
		return strings.Join(f[:n], " ") + " …"
	}
	return strings.Join(f, " ")
}
