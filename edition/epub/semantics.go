package epub

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/dateline"
	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/typography"
)

// This file gives the parts of a letter and the names in a text the
// semantics Standard Ebooks gives them (its Manual of Style, §7 and §8,
// and its se: vocabulary, besides the z3998 structure vocabulary of the
// DAISY Consortium): salutations and signatures are typed, a dateline's
// date is a <time> a machine can read, the name of a periodical is a title
// in <i> rather than emphasis, a link to a work cited is a bibliographic
// reference, and a note's link back to its reference is a backlink.

// vocabularyPrefixes declares, on every content document's root, the
// vocabularies the epub:type values use beyond the default one (EPUB 3.3
// §D.3.1: a prefix must be declared).
const vocabularyPrefixes = `z3998: http://www.daisy.org/z3998/2012/vocab/structure/#, se: https://standardebooks.org/vocab/1.0`

// backlink writes a note's link back to its reference (EPUB 3 SSV
// backlink, DPUB-ARIA doc-backlink), named for a screen reader in the
// edition's language.
func (r *xhtmlRenderer) backlink(ref noteRefPlace) string {
	return `<a href="` + escapeAttr(r.href(ref.file, ref.id)) + `" epub:type="backlink" role="doc-backlink" aria-label="` +
		escapeAttr(r.backLabel()) + `">` + "\u21a9\ufe0e" + `</a>`
}

// backLabel names a link back to a note's reference for a screen reader.
func (r *xhtmlRenderer) backLabel() string { return r.labels.T(locale.BackToText) }

// biblioRole is the role of a link to target: a reference to an entry of
// the bibliography is a doc-biblioref (DPUB-ARIA 1.1).
func (r *xhtmlRenderer) biblioRole(target string) string {
	if id, ok := strings.CutPrefix(target, "#"); ok && r.biblio[id] {
		return ` role="doc-biblioref"`
	}
	return ""
}

// isPublication reports whether emphasised text is the name of the
// periodical the source was first printed in, which the manifest gives
// (original.first-printed): a title, set in italic wherever it is named.
func (r *xhtmlRenderer) isPublication(ins []model.Inline) bool {
	name := r.ed.Meta.Original.FirstPrint
	return name != "" && strings.EqualFold(strings.TrimSpace(model.PlainText(ins)), name)
}

// publicationNames writes text with the name of the periodical the source
// was first printed in set as a title, as the text sets it.
func (r *xhtmlRenderer) publicationNames(b *strings.Builder, text string) {
	name := r.ed.Meta.Original.FirstPrint
	for name != "" {
		i := strings.Index(text, name)
		if i < 0 {
			break
		}
		writeEscapedText(b, text[:i])
		b.WriteString(`<i epub:type="se:name.publication">`)
		writeEscapedText(b, name)
		b.WriteString("</i>")
		text = text[i+len(name):]
	}
	writeEscapedText(b, text)
}

// dateline writes a dateline, its date in a <time> element with the date
// in ISO 8601 when the text gives one a reader can parse (Standard Ebooks'
// Manual of Style, 7.8.3: "Tirana, <time datetime="1964-10-05">October 5,
// 1964</time>").
func (r *xhtmlRenderer) dateline(b *strings.Builder, bl *model.Block) error {
	b.WriteString(`<p` + r.attrs(bl, "dateline") + ` epub:type="se:letter.dateline">`)
	plain := true
	for _, in := range bl.Inlines {
		if in.Kind != model.Text {
			plain = false
		}
	}
	text := model.PlainText(bl.Inlines)
	start, end, iso := -1, -1, ""
	if plain {
		start, end, iso = dateline.Find(text, r.ed.Meta.Language)
	}
	if start < 0 {
		if err := r.blockInlines(b, bl); err != nil {
			return err
		}
		b.WriteString("</p>\n")
		return nil
	}
	r.access.Text(r.lang, text, r.current)
	cur := &wordCursor{r: r}
	if bl.ID != "" {
		cur.pages = r.pages[bl.ID]
		delete(r.pages, bl.ID)
	}
	cur.text(b, text[:start])
	b.WriteString(`<time datetime="` + iso + `">`)
	cur.text(b, text[start:end])
	b.WriteString("</time>")
	cur.text(b, text[end:])
	b.WriteString("</p>\n")
	if len(cur.pages) > 0 {
		p := cur.pages[0]
		return fmt.Errorf("block %s: page %s starts at word %d but the block has %d words", bl.ID, p.Label, p.Word, cur.word)
	}
	if bl.ID != "" && cur.word > 0 {
		r.words[bl.ID] += cur.word
	}
	return nil
}

// wordJoined puts a word joiner (U+2060) between a word and the em dash
// that follows it, so that a line never begins with the dash (Standard
// Ebooks' typography rules; its typogrify does the same).
func wordJoined(s string) string {
	if !strings.Contains(s, "—") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 9)
	prev := ' '
	for _, c := range s {
		if c == '—' && !isWordSpace(prev) && prev != '\u2060' && prev != '—' {
			b.WriteRune('\u2060')
		}
		b.WriteRune(c)
		prev = c
	}
	return b.String()
}

// abbreviated writes a run of text with its abbreviations marked up as
// <abbr> (Standard Ebooks' manual, 8.10): initials, an abbreviated title,
// a word before a number. The typography pass has kept each with what
// follows it by a no-break space, and finds them again here
// (Conventions.Abbreviations). Standard Ebooks' class "name" for a
// person's initials is not given: "U.S." before "Government" has the
// shape of "J.V." before "Stalin", and only a reader tells them apart. A
// page-break marker stays outside the element, as it does a link.
func (r *xhtmlRenderer) abbreviated(b *strings.Builder, s string, cur *wordCursor) {
	c := r.conventions[r.lang]
	if c == nil {
		if r.conventions == nil {
			r.conventions = map[string]*typography.Conventions{}
		}
		conv := typography.For(r.lang)
		c = &conv
		r.conventions[r.lang] = c
	}
	at := 0
	for _, a := range c.Abbreviations(s) {
		urlBreaks(b, s[at:a.Start], cur)
		word := s[a.Start:a.End]
		cur.outside(b, []model.Inline{model.Str(word)})
		b.WriteString(`<abbr>`)
		cur.text(b, word)
		b.WriteString(`</abbr>`)
		at = a.End
	}
	urlBreaks(b, s[at:], cur)
}

// urlBreaks writes a run of text with a line-break opportunity (<wbr/>)
// after each slash of the Web addresses it holds, and before their dots
// and query marks, where Chicago breaks a URL (6.17: after a slash, before
// a period or most other marks): a reading system takes an address for
// one unbreakable word, which stretches a justified line to its width or
// runs past the margin. No character is added to the text.
func urlBreaks(b *strings.Builder, s string, cur *wordCursor) {
	if !strings.Contains(s, "://") && !strings.Contains(s, "www.") {
		cur.text(b, s)
		return
	}
	at := 0
	for _, f := range urlSpans(s) {
		cur.text(b, s[at:f[0]])
		u := s[f[0]:f[1]]
		last := 0
		for i := 1; i < len(u); i++ {
			c, prev := u[i], u[i-1]
			switch {
			case prev == '/' && c != '/' && i > strings.Index(u, "//")+2,
				(c == '.' || c == '?' || c == '#' || c == '&' || c == '=') && i > strings.Index(u, "//")+2:
				cur.text(b, u[last:i])
				b.WriteString("<wbr/>")
				last = i
			}
		}
		cur.text(b, u[last:])
		at = f[1]
	}
	cur.text(b, s[at:])
}

// urlSpans returns where the Web addresses of s stand: runs without white
// space that begin with a scheme's "://" or with "www.", their closing
// punctuation left out.
func urlSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && !strings.HasPrefix(s[j:], "\u00a0") {
			j++
		}
		start := i
		for start < j {
			r, n := utf8.DecodeRuneInString(s[start:j])
			if !strings.ContainsRune("([«“‘'\"", r) {
				break
			}
			start += n
		}
		end := j
		for end > start {
			r, n := utf8.DecodeLastRuneInString(s[start:end])
			if !strings.ContainsRune(".,;:!?)]»”’'\"", r) {
				break
			}
			end -= n
		}
		if word := s[start:end]; strings.Index(word, "://") > 0 || strings.HasPrefix(word, "www.") {
			out = append(out, [2]int{start, end})
		}
		if j == i {
			j++
		}
		i = j
	}
	return out
}
