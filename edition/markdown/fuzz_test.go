package markdown

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/decode"
	"github.com/bindery-editions/bindery/edition/model"
)

// FuzzReadMarkdown feeds arbitrary bytes to the Markdown reader. It must
// never panic, must read the same input the same way twice, must fail only
// with one of its documented errors, and on success must give blocks whose
// lines lie in the file, note references that resolve, and text that is
// valid UTF-8 free of characters XML forbids.
func FuzzReadMarkdown(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", "markdown-sample", "text.md")); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		"", "---\n", "---\ntitle: [\n---\n", "# A\n\n## B\n\ntext[^1]\n\n[^1]: note[^2]\n\n[^2]: n2\n",
		"> > > - 1. *a **b*** `c`\n", "![x](y.png)\n\n<div>\n", "a\r\nb\rc\n", "\uFEFF# T\n",
		"***\n---\n___\n", "[a]: <b>\n[a]\n", "- [^x]\n\n[^x]: > q\n", "&#0;&#x0;\\\x01\n",
		"    code\n\n```go\nx\n```\n", "Title\n=====\nSub\n---\n", "<!-- c -->\n\ntext <br/>\n",
		"Title: T\nAuthor: A;\n  B\nKeywords: k\n\nx\n",
		// Raw HTML the reader turns into the model's blocks.
		"<table><caption>c</caption><tr><th align=right>a</th></tr><tr><td><p>b</p></td></tr></table>\n\n<ul><li>x<ol start=2><li><em lang=de>y</em></li></ol></li></ul>\n\n<h3>h</h3><pre><code class=language-go>z</code></pre>\n",
		// A Web archive's furniture (package furniture).
		"% T\n  u\n% A; B\n% 1909\n\n##\u00a0H\n\n[x]({{ site.baseurl }}{% link a.md %})\n",
		"[MIA](../i.htm){#top} \\> [A](i.htm)\n\n## N\n\n# T\n\n### S\n\n* * *\n\nTranscription: X.\\\nMark-up: Y.\n\n* * *\n\n\u00a0\n\n## P\n\nI. One.\n\nt^[\\[1\\]](#n1){#n1.}^\n\nII\\. Two.\n\n### Endnotes\n\n[\\[1\\]](#n1.){#n1} N.\n\n[Top of the page](#top)\n\nLast updated on 30.7.2007\n",
	} {
		f.Add([]byte(s))
	}
	sentinels := []error{decode.ErrEmpty, decode.ErrBinary, decode.ErrInvalidUTF8, decode.ErrTooLarge, ErrFrontMatter, decode.ErrNoBody}
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := Read("f.md", data)
		src2, err2 := Read("f.md", data)
		if !reflect.DeepEqual(src, src2) || (err == nil) != (err2 == nil) {
			t.Fatal("two reads differ")
		}
		if err != nil {
			for _, s := range sentinels {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("undocumented error: %v", err)
		}
		// CR, CRLF and LF each end a line.
		norm := strings.ReplaceAll(string(data), "\r\n", "\n")
		lines := strings.Count(strings.ReplaceAll(norm, "\r", "\n"), "\n") + 1
		ids := map[string]bool{}
		for _, n := range src.Notes {
			if n.Kind != model.Note || ids[n.ID] {
				t.Fatalf("bad or duplicate note %q", n.ID)
			}
			ids[n.ID] = true
		}
		var checkInlines func([]model.Inline)
		checkInlines = func(ins []model.Inline) {
			for _, in := range ins {
				if in.Kind == model.NoteRef && !ids[in.Target] {
					t.Fatalf("note reference to missing note %q", in.Target)
				}
				if in.Attr.Get(linkLineAttr) != "" {
					t.Fatalf("a %s keeps the reader's own attribute %q", in.Kind, linkLineAttr)
				}
				for _, s := range []string{in.Text, in.Target} {
					if !utf8.ValidString(s) || strings.ContainsFunc(s, xmlForbidden) {
						t.Fatalf("text %q is not valid XML character data", s)
					}
				}
				checkInlines(in.Children)
			}
		}
		var checkBlocks func([]model.Block)
		checkBlocks = func(bs []model.Block) {
			for _, b := range bs {
				if b.Line < 1 || b.Line > lines {
					t.Fatalf("%s block at line %d of %d", b.Kind, b.Line, lines)
				}
				checkInlines(b.Inlines)
				checkBlocks(b.Children)
			}
		}
		for _, s := range src.Sections {
			checkInlines(s.Title)
			checkBlocks(s.Blocks)
		}
		checkBlocks(src.Notes)
		checkBlocks(src.Trailer)
		for _, c := range src.Changes {
			for _, r := range c.Lines {
				if r.From < 1 || r.From > r.To || r.To > lines {
					t.Fatalf("%s: lines %v of %d", c.Kind, r, lines)
				}
			}
		}
	})
}

// xmlForbidden reports characters XML 1.0 §2.2 does not allow in a document
// (CR is allowed by XML but never survives line-end normalisation here).
func xmlForbidden(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0xfffe || r == 0xffff
}
