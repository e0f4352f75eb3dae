// Package furniture sorts out the furniture a Web archive's page carries
// around a Markdown document, and decides what becomes of each piece: left
// out, moved to the title page, the Source page or the notes, made a
// heading, or set apart as the signature and dateline that close the
// text, every decision reported (model.Source.Changes).
//
// A Markdown file converted from a Web archive's page (pandoc from the
// Marxists Internet Archive, a Jekyll site's sources) carries the page
// around the document: navigation links, spacing paragraphs, rules, the
// page's title block with the author's name over the title, the
// transcription and mark-up credits, the date the page was last updated.
// Each recogniser knows such matter by its shape, not by any one archive's
// wording. Prepare works on the source's lines before they are parsed (a
// pandoc title block, headings whose marks are followed by a no-break
// space, Jekyll links); Sort on the document's top-level blocks as read.
// The package knows nothing of goldmark: the Markdown reader hands it
// bytes and model blocks, and the note numbers and heading identifiers it
// gives (Names).
package furniture

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/edition/dateline"
	"github.com/bindery-editions/bindery/edition/model"
)

// Item is a top-level block of the document as read, and its last source
// line: a heading keeps its Markdown level until the document is cut into
// parts. A block of raw HTML (model.RawBlock) carries the targets of its
// links, and whether it holds nothing but links and separators, so that
// the page's navigation is known in HTML as in Markdown.
type Item struct {
	model.Block
	End       int
	Links     []string
	LinksOnly bool
}

// Names gives what the reader numbers and names across the whole
// document, so that the notes and headings made here take their places
// among its own.
type Names struct {
	NextNote func() int               // the number of the document's next note
	NoteID   func(n int) string       // the identifier of note number n
	AutoID   func(text string) string // an identifier made from a heading's text
	UniqueID func(base string) string // base, or base with a number, as no other identifier of the document has it
}

// Sorted is what becomes of a document's top-level blocks.
type Sorted struct {
	Body    []model.Block   // the text, in order
	Trailer []model.Block   // moved to the Source page
	Dropped []model.Dropped // left out, with why
	Notes   []model.Block   // a Web page's endnotes, made notes
	Title   []string        // the title and subtitles, moved to the title page
	Byline  []string        // the lines set over the title (the author's name)
}

// Sort decides the fate of each item and records each decision in log.
// notes are the notes read so far; the items' references to endnotes
// become references to the notes Sorted.Notes holds, numbered after
// them.
func Sort(items []Item, notes []model.Block, title string, names Names, log *Log) Sorted {
	items, outside := openFrames(items)
	f := furnisher{names: names, log: log, notes: notes, title: title, items: make([]*item, len(items))}
	all := make([]item, len(items))
	for i, in := range items {
		all[i] = item{Block: in.Block, end: in.End, rawLinks: in.Links, rawLinksOnly: in.LinksOnly}
		f.items[i] = &all[i]
	}
	f.banner(outside)
	f.spacers()
	f.navigation()
	f.endnotes()
	f.listedNotes()
	f.zones()
	f.notesHeadings()
	f.boldHeadings()
	f.numberedHeadings()
	f.titlePage()
	f.rules()
	f.openings()
	f.closings()
	for _, it := range f.items {
		switch it.fate {
		case keep:
			f.out.Body = append(f.out.Body, it.Block)
			f.out.Body = append(f.out.Body, it.after...)
		case trailer:
			f.out.Trailer = append(f.out.Trailer, unwrapClasses(it.Block))
		}
	}
	return f.out
}

// openFrames returns items with each page frame opened: a block quotation
// or a div that holds headings and most of the document's words is the
// page's layout (an old Web page indented its whole body with
// <blockquote>, which pandoc writes as "> " on every line), not a passage
// quoted from elsewhere, since a quotation does not carry the headings of
// the document quoting it (HTML Living Standard, §4.4.4: blockquote is "a
// section that is quoted from another source"). Its blocks become
// top-level items, so that the recognisers see the page's title,
// navigation and credits and the text gets its headings. It also returns
// how many items stood before the first frame opened (0 when none was).
func openFrames(items []Item) ([]Item, int) {
	total := 0
	for i := range items {
		total += len(strings.Fields(model.BlockText(&items[i].Block)))
	}
	frame := func(b *model.Block) bool {
		if b.Kind != model.BlockQuote && b.Kind != model.Div {
			return false
		}
		return 2*len(strings.Fields(model.BlockText(b))) > total && holdsHeading(b.Children)
	}
	var open func(it Item, out []Item) []Item
	open = func(it Item, out []Item) []Item {
		if !frame(&it.Block) {
			return append(out, it)
		}
		cs := it.Children
		for i, c := range cs {
			end := it.End
			if i+1 < len(cs) && cs[i+1].Line > c.Line {
				end = cs[i+1].Line - 1
			}
			out = open(Item{Block: c, End: end}, out)
		}
		return out
	}
	var out []Item
	outside := -1
	for _, it := range items {
		before := len(out)
		out = open(it, out)
		if outside < 0 && len(out) != before+1 {
			outside = before
		}
	}
	return out, max(outside, 0)
}

// bannerWords is the most words a line over a page frame has to be the
// site's banner or breadcrumb ("Marx/Engels Internet Archive").
const bannerWords = 12

// banner leaves out the short paragraphs that stand before a page frame
// (the first n items): what the page sets outside the frame that holds
// the text is the site's name or breadcrumb, not the text's.
func (f *furnisher) banner(n int) {
	for _, it := range f.items[:n] {
		if it.Kind == model.Paragraph && len(strings.Fields(model.PlainText(it.Inlines))) <= bannerWords {
			f.set(it, dropped, dropNavigation)
		}
	}
}

// holdsHeading reports whether blocks hold a heading, at any depth.
func holdsHeading(bs []model.Block) bool {
	for i := range bs {
		if bs[i].Kind == model.Heading || holdsHeading(bs[i].Children) {
			return true
		}
	}
	return false
}

// fate is what becomes of a top-level block.
type fate int

const (
	keep      fate = iota // body text
	dropped               // left out
	trailer               // moved to the Source page
	titlePage             // moved to the title page
	noted                 // made a note
)

// item is a top-level block of the document while the recognisers run.
type item struct {
	model.Block
	end  int // the block's last source line
	fate fate
	// rawLinks are a raw HTML block's link targets; rawLinksOnly whether
	// it holds nothing else but separators.
	rawLinks     []string
	rawLinksOnly bool
	// after are blocks made of part of it, set after it in the body.
	after []model.Block
}

// furnisher holds one document's items while the recognisers run, and
// what they make of them.
type furnisher struct {
	items []*item
	names Names
	log   *Log
	notes []model.Block // the notes read before the recognisers ran
	// title is the title the front matter gives, "" for none.
	title string
	out   Sorted
}

// set gives an item its fate and records the decision.
func (f *furnisher) set(it *item, to fate, c change) {
	it.fate = to
	f.log.add(c, it.Line, it.end)
	if to == dropped {
		// The text as a reader sees it: the page's runs of no-break
		// spaces around separators are one space.
		if t := strings.Join(strings.Fields(model.BlockText(&it.Block)), " "); t != "" {
			f.out.Dropped = append(f.out.Dropped, model.Dropped{Line: it.Line, Text: t, Reason: c.kind})
		}
	}
}

// kept returns the items still in the body, in order.
func (f *furnisher) kept() []*item {
	var out []*item
	for _, it := range f.items {
		if it.fate == keep {
			out = append(out, it)
		}
	}
	return out
}

// spacers leaves out paragraphs that hold nothing but spaces: pandoc
// keeps a Web page's "<p>&nbsp;</p>", which spaces the page out, as a
// paragraph of one no-break space.
func (f *furnisher) spacers() {
	for _, it := range f.items {
		if it.Kind == model.Paragraph && (blankInlines(it.Inlines) || onlyLineBreaks(it.Inlines)) {
			f.set(it, dropped, dropSpacers)
		}
	}
}

// onlyLineBreaks reports whether inlines hold nothing but spaces and line
// breaks: a paragraph holding only a <br>, which spaces a Web page's
// paragraphs apart, as the page set it or as pandoc writes it ("\" alone,
// pandoc's escaped line break, which at a paragraph's end CommonMark reads
// as a backslash: CommonMark 0.31, §6.7).
func onlyLineBreaks(ins []model.Inline) bool {
	breaks := 0
	for _, in := range ins {
		switch {
		case in.Kind == model.LineBreak:
			breaks++
		case in.Kind == model.Text && strings.TrimFunc(in.Text, unicode.IsSpace) == `\`:
			breaks++
		case in.Kind == model.Text && strings.TrimFunc(in.Text, unicode.IsSpace) == "":
		default:
			return false
		}
	}
	return breaks > 0
}

// blankInlines reports whether inlines hold nothing but spaces (a note
// reference, a formula or a line break is something).
func blankInlines(ins []model.Inline) bool {
	for _, in := range ins {
		switch in.Kind {
		case model.Text:
			if strings.TrimFunc(in.Text, unicode.IsSpace) != "" {
				return false
			}
		case model.Emph, model.Strong, model.Span, model.SmallCaps:
			if !blankInlines(in.Children) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// navigation leaves out paragraphs made of links and separators alone
// ("MIA > Archive > Connolly", "Top of the page", "Index | Next") whose
// links lead out of the document: to another page of the site (a relative
// file, a Jekyll template) or to an anchor that only navigation carries
// (the breadcrumb's {#top}). Such a paragraph is the page's navigation
// wherever it stands; a paragraph of links to Web addresses is left to the
// head and foot of the page (zones), since in the text it may be a
// reference the author gave.
func (f *furnisher) navigation() {
	for _, it := range f.items {
		if links, ok := linksOnly(it); ok && allLinks(links, func(t string) bool { return SiteLink(t) }) {
			f.set(it, dropped, dropNavigation)
		}
	}
	// Anchors: the ids the body still carries, and those navigation did.
	kept := map[string]bool{}
	for _, it := range f.kept() {
		collectIDs(&it.Block, kept)
	}
	for _, it := range f.items {
		if it.fate != keep {
			continue
		}
		links, ok := linksOnly(it)
		if ok && allLinks(links, func(t string) bool { return strings.HasPrefix(t, "#") && !kept[t[1:]] }) {
			f.set(it, dropped, dropNavigation)
		}
	}
}

// SiteLink reports whether a link leads to another page of the site the
// text was published on: a file relative to the page or a Jekyll template.
func SiteLink(target string) bool {
	if _, ok := LiquidTarget(target); ok {
		return true
	}
	return relativeFileLink(target)
}

// relativeFileLink reports whether a link target names a file relative to
// the source ("chapter2.htm", "../notes.html#n1") rather than a web
// address, an email address or an anchor in the text.
func relativeFileLink(target string) bool {
	if target == "" || strings.HasPrefix(target, "#") {
		return false
	}
	u, err := url.Parse(target)
	if err != nil {
		return true
	}
	return u.Scheme == "" && u.Host == ""
}

// linksOnly returns the link targets of a paragraph, or of a block of raw
// HTML, that holds nothing besides its links but separators: no letter or
// digit stands outside a link.
func linksOnly(it *item) ([]string, bool) {
	if it.fate != keep {
		return nil, false
	}
	if it.Kind == model.RawBlock {
		return it.rawLinks, it.rawLinksOnly && len(it.rawLinks) > 0
	}
	if it.Kind != model.Paragraph {
		return nil, false
	}
	var links []string
	ok := true
	var walk func(ins []model.Inline)
	walk = func(ins []model.Inline) {
		for _, in := range ins {
			switch in.Kind {
			case model.Link:
				links = append(links, in.Target)
			case model.Text:
				if strings.IndexFunc(in.Text, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }) >= 0 {
					ok = false
				}
			case model.LineBreak:
			case model.Emph, model.Strong, model.Span, model.SmallCaps:
				walk(in.Children)
			default:
				ok = false
			}
		}
	}
	walk(it.Inlines)
	return links, ok && len(links) > 0
}

// allLinks reports whether every link target satisfies out.
func allLinks(targets []string, out func(target string) bool) bool {
	for _, t := range targets {
		if !out(t) {
			return false
		}
	}
	return true
}

// collectIDs adds the identifiers a block and its inlines carry to ids.
func collectIDs(b *model.Block, ids map[string]bool) {
	if b.ID != "" {
		ids[b.ID] = true
	}
	var walk func(ins []model.Inline)
	walk = func(ins []model.Inline) {
		for _, in := range ins {
			if id := in.Attr.Get("id"); id != "" {
				ids[id] = true
			}
			walk(in.Children)
		}
	}
	walk(b.Inlines)
	for i := range b.Children {
		collectIDs(&b.Children[i], ids)
	}
}

// hasKind reports whether an inline of kind k is among ins, at any depth.
func hasKind(ins []model.Inline, k model.InlineKind) bool {
	for _, in := range ins {
		if in.Kind == k || hasKind(in.Children, k) {
			return true
		}
	}
	return false
}

// zones sorts the head and the foot of the page: from the start, past the
// title's headings, images and rules, and from the end, past rules, the
// paragraphs there that are the page's credits, source lines and revision
// date go to the Source page and those made of links alone are its
// navigation, up to the first paragraph that is neither. Paragraphs of
// labelled lines ("Written: 1886", "Source: ...") go with the credits when
// the zone has any, as a page's information lines, one to a paragraph;
// without credits beside them they may be the text's own (a memorandum's
// "To:" and "From:"), and the zone ends at them. In the body itself a
// "Source:" line may be the text's own, so only these zones are searched.
func (f *furnisher) zones() {
	head := func(it *item) bool {
		return it.Kind == model.Heading || it.Kind == model.ThematicBreak || it.Kind == model.Image
	}
	foot := func(it *item) bool { return it.Kind == model.ThematicBreak }
	ids := map[string]bool{}
	for _, it := range f.kept() {
		collectIDs(&it.Block, ids)
	}
	var forward, backward []*item
	for i := range f.items {
		forward = append(forward, f.items[i])
		backward = append(backward, f.items[len(f.items)-1-i])
	}
	f.zone(forward, head, ids)
	f.zone(backward, foot, ids)
}

// zoneKind is what a paragraph of the head or foot of a page is.
type zoneKind int

const (
	zonePasses   zoneKind = iota // a heading, rule or image the zone goes on past, or matter already sorted
	zoneCredits                  // credit or revision lines: to the Source page
	zoneLabelled                 // labelled lines: to the Source page beside credits
	zoneLinks                    // navigation: left out
	zoneText                     // the text: the zone ends
)

// zone sorts the items of one zone, in the order it is searched. A link
// to an anchor of the text itself (ids) is the text's own.
func (f *furnisher) zone(items []*item, passes func(*item) bool, ids map[string]bool) {
	var kinds []zoneKind
	credits := false
	for _, it := range items {
		k := zoneText
		switch links, ok := linksOnly(it); {
		case it.fate != keep || passes(it):
			k = zonePasses
		case creditBlock(it) || revisionLine(it):
			k, credits = zoneCredits, true
		case labelledBlock(it):
			k = zoneLabelled
		case ok && allLinks(links, func(t string) bool { return !strings.HasPrefix(t, "#") || !ids[t[1:]] }):
			k = zoneLinks
		}
		if k == zoneText {
			break
		}
		kinds = append(kinds, k)
	}
	for i, k := range kinds {
		it := items[i]
		switch {
		case k == zoneLabelled && !credits:
			return
		case k == zoneCredits || k == zoneLabelled:
			f.set(it, trailer, moveSourceLines)
		case k == zoneLinks:
			f.set(it, dropped, dropNavigation)
		}
	}
}

// labelLine is a line that opens with a short label and a colon:
// "Written: 1886", "First Published: Shan Van Vocht, 1896".
var labelLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\p{Lu}[\p{L}\\/ -]{0,30}:\s+\S`) })

// labelledBlock reports whether every line of a paragraph opens with a
// label.
func labelledBlock(it *item) bool {
	if it.Kind != model.Paragraph && it.Kind != model.LineBlock {
		return false
	}
	for _, l := range blockLines(it.Inlines) {
		if !labelLine().MatchString(strings.TrimSpace(l)) {
			return false
		}
	}
	return true
}

// creditLabel is the label of a line that credits the making of the
// electronic text ("Transcription:", "HTML Mark-up:",
// "Transcription\HTML Markup:", "Proofread:", "Online Version:"), or says
// who made it ("Transcribed by", "Produced by").
var creditLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:(?:transcri|html|x?html|mark-?up|proof-?read|scann|digiti[sz]|ocr\b|encod|online version|e-?text|electronic)[^:]{0,40}:|(?:transcribed|produced|prepared|digiti[sz]ed|proof-?read|scanned|marked up|encoded|converted) by\b)`)
})

// creditBlock reports whether a paragraph is a Web page's credit block: a
// line of it credits the making of the electronic text. The lines around
// that one (when written, where first published, by whose leave) are the
// same block's, pandoc's rendering of the page's information lines.
func creditBlock(it *item) bool {
	if it.Kind != model.Paragraph && it.Kind != model.LineBlock {
		return false
	}
	for _, l := range blockLines(it.Inlines) {
		if creditLabel().MatchString(strings.TrimSpace(l)) {
			return true
		}
	}
	return false
}

// revisionPattern is a page's revision date: "Last updated on 30.7.2007",
// "Page last modified: 2 May 2011".
var revisionPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:page\s+)?last\s+(?:updated|modified|revised|changed)\b[^.!?]*\d`)
})

// revisionLine reports whether a paragraph is one short line giving the
// date the page was last revised.
func revisionLine(it *item) bool {
	if it.Kind != model.Paragraph {
		return false
	}
	t := strings.TrimSpace(model.PlainText(it.Inlines))
	return len(strings.Fields(t)) <= 12 && revisionPattern().MatchString(t)
}

// blockLines returns the plain text of each line of inlines, split at
// forced line breaks.
func blockLines(ins []model.Inline) []string {
	var out []string
	start := 0
	for i, in := range ins {
		if in.Kind == model.LineBreak {
			out = append(out, model.PlainText(ins[start:i]))
			start = i + 1
		}
	}
	return append(out, model.PlainText(ins[start:]))
}

// noteLabel is the mark that opens an endnote: "[1]", "(12)", "3.", "11a",
// "*".
var noteLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:\[\d+[a-z]?\]|\(\d+[a-z]?\)|\d+[a-z]?\.?|\*{1,3}|†|‡)$`)
})

// endnotes makes notes of the paragraphs that open with a link carrying an
// identifier and a note's mark ("[\[1\]](#n1.){#n1} Du Mont, VII."), when
// the text links to that identifier: pandoc's rendering of a Web page's
// endnotes, each linked both ways with its mark in the text
// ("^[\[1\]](#n1){#n1.}^"). The mark in the text becomes a reference to
// the note, numbered with the document's other notes in the order of
// reference.
func (f *furnisher) endnotes() {
	defs := map[string]*item{}
	for _, it := range f.items {
		if it.fate != keep || it.Kind != model.Paragraph || len(it.Inlines) == 0 {
			continue
		}
		first := it.Inlines[0]
		id := first.Attr.Get("id")
		if first.Kind == model.Link && id != "" && noteLabel().MatchString(strings.TrimSpace(model.PlainText(first.Children))) {
			defs[id] = it
		}
	}
	if len(defs) == 0 {
		return
	}
	refs := newNoteNumbers[string](f.names) // by definition id
	ref := func(in model.Inline) (model.Inline, bool) {
		link := in
		if in.Kind == model.Superscript {
			var only []model.Inline
			for _, c := range in.Children {
				if c.Kind != model.Text || strings.TrimSpace(c.Text) != "" {
					only = append(only, c)
				}
			}
			if len(only) != 1 {
				return in, false
			}
			link = only[0]
		}
		if link.Kind != model.Link || !strings.HasPrefix(link.Target, "#") {
			return in, false
		}
		id := link.Target[1:]
		def, ok := defs[id]
		if !ok || def.fate != keep {
			return in, false
		}
		return refs.ref(id), true
	}
	isDef := map[*item]bool{}
	for _, d := range defs {
		isDef[d] = true
	}
	for _, it := range f.items {
		if it.fate == keep && !isDef[it] {
			replaceInlines(&it.Block, ref)
		}
	}
	for _, id := range refs.order {
		def := defs[id]
		n := refs.number[id]
		label := strings.Trim(model.PlainText(def.Inlines[0].Children), "[]().")
		rest := trimLeadingSpace(def.Inlines[1:])
		note := model.Block{Kind: model.Note, ID: f.names.NoteID(n), Line: def.Line, Attr: model.Attr{{Key: "label", Value: label}}}
		note.Children = []model.Block{{Kind: model.Paragraph, Inlines: rest, Line: def.Line}}
		f.out.Notes = append(f.out.Notes, note)
		f.set(def, noted, makeNote)
	}
}

// backLinkText is the text of a link back from a note to its mark: an
// arrow, or MediaWiki's words for one.
var backLinkText = regexp.MustCompile(`^(?:↑|\^|↩︎?|⤴|Jump up|Nach oben|Retour au texte)$`)

// refMark is a note's mark as a link in the text: "[1]" or "1".
var refMark = regexp.MustCompile(`^\[?(\d+)\]?$`)

// listedNotes makes notes of a numbered list whose items each open with
// a link back to the text ("1. [↑](#cite_ref-1) Schiller, S. 32."), when
// the text marks each of them with a raised link of its number
// ("^[\[1\]](#cite_note-1)^"): pandoc's rendering of a MediaWiki page's
// references (Wikisource, Wikipedia), whose identifiers on the list's
// items pandoc does not keep, so that only the numbers pair the marks
// with the notes. A link's target must end in its number, as
// MediaWiki's do, and every item must be marked, or the list is left as
// it is.
func (f *furnisher) listedNotes() {
	for _, it := range f.items {
		if it.fate != keep || it.Kind != model.List || it.Attr.Get("ordered") != "true" || len(it.Children) == 0 {
			continue
		}
		start := 1
		if v, err := strconv.Atoi(it.Attr.Get("start")); err == nil {
			start = v
		}
		items := map[int]model.Block{}
		for i, li := range it.Children {
			if len(li.Children) == 0 || li.Children[0].Kind != model.Paragraph || len(li.Children[0].Inlines) == 0 {
				items = nil
				break
			}
			back := li.Children[0].Inlines[0]
			if back.Kind != model.Link || !strings.HasPrefix(back.Target, "#") || !backLinkText.MatchString(strings.TrimSpace(model.PlainText(back.Children))) {
				items = nil
				break
			}
			items[start+i] = li
		}
		if items == nil {
			continue
		}
		mark := func(in model.Inline) (int, bool) {
			if in.Kind != model.Superscript {
				return 0, false
			}
			var only []model.Inline
			for _, c := range in.Children {
				if c.Kind != model.Text || strings.TrimSpace(c.Text) != "" {
					only = append(only, c)
				}
			}
			if len(only) != 1 || only[0].Kind != model.Link || !strings.HasPrefix(only[0].Target, "#") {
				return 0, false
			}
			m := refMark.FindStringSubmatch(strings.TrimSpace(model.PlainText(only[0].Children)))
			if m == nil || !strings.HasSuffix(only[0].Target, m[1]) {
				return 0, false
			}
			n, _ := strconv.Atoi(m[1])
			_, ok := items[n]
			return n, ok
		}
		marked := map[int]bool{}
		for _, x := range f.items {
			if x != it && x.fate == keep {
				replaceInlines(&x.Block, func(in model.Inline) (model.Inline, bool) {
					if n, ok := mark(in); ok {
						marked[n] = true
					}
					return in, false
				})
			}
		}
		if len(marked) != len(items) {
			continue
		}
		refs := newNoteNumbers[int](f.names) // by the list's number
		for _, x := range f.items {
			if x == it || x.fate != keep {
				continue
			}
			replaceInlines(&x.Block, func(in model.Inline) (model.Inline, bool) {
				n, ok := mark(in)
				if !ok {
					return in, false
				}
				return refs.ref(n), true
			})
		}
		for _, n := range refs.order {
			li := items[n]
			first := li.Children[0]
			first.Inlines = trimLeadingSpace(first.Inlines[1:])
			children := append([]model.Block{first}, li.Children[1:]...)
			f.out.Notes = append(f.out.Notes, model.Block{Kind: model.Note, ID: f.names.NoteID(refs.number[n]), Line: li.Line,
				Attr: model.Attr{{Key: "label", Value: strconv.Itoa(n)}}, Children: children})
		}
		f.set(it, noted, makeNote)
	}
}

// noteNumbers numbers the notes a page refers to by marks of its own at
// their first reference, in the order of the references, among the
// document's other notes (Names.NextNote).
type noteNumbers[K comparable] struct {
	names  Names
	number map[K]int // a note's key → its number
	order  []K       // the keys, in the order of their first reference
}

func newNoteNumbers[K comparable](names Names) *noteNumbers[K] {
	return &noteNumbers[K]{names: names, number: map[K]int{}}
}

// ref returns the reference to the note keyed k, numbering the note at its
// first reference.
func (nn *noteNumbers[K]) ref(k K) model.Inline {
	n, seen := nn.number[k]
	if !seen {
		n = nn.names.NextNote()
		nn.number[k] = n
		nn.order = append(nn.order, k)
	}
	return model.Inline{Kind: model.NoteRef, Target: nn.names.NoteID(n), Text: strconv.Itoa(n)}
}

// replaceInlines replaces, at any depth of a block, each inline that with
// returns true for.
func replaceInlines(b *model.Block, with func(model.Inline) (model.Inline, bool)) {
	var walk func(ins []model.Inline)
	walk = func(ins []model.Inline) {
		for i := range ins {
			if n, ok := with(ins[i]); ok {
				ins[i] = n
				continue
			}
			walk(ins[i].Children)
		}
	}
	walk(b.Inlines)
	for i := range b.Children {
		replaceInlines(&b.Children[i], with)
	}
}

// trimLeadingSpace drops the spaces that open a run of inlines.
func trimLeadingSpace(ins []model.Inline) []model.Inline {
	out := append([]model.Inline(nil), ins...)
	for len(out) > 0 && out[0].Kind == model.Text {
		t := strings.TrimLeftFunc(out[0].Text, unicode.IsSpace)
		if t != "" {
			out[0].Text = t
			break
		}
		out = out[1:]
	}
	return out
}

// notesHeadings leaves out a heading that stands over notes alone ("##
// Footnotes" over the footnotes' definitions, "### Endnotes"): the
// edition sets the notes under its own heading.
func (f *furnisher) notesHeadings() {
	for i, it := range f.items {
		if it.fate != keep || it.Kind != model.Heading {
			continue
		}
		// The heading's stretch: to the next kept heading of its level or
		// above, or the end.
		to := -1 // the line the stretch ends before; -1 for the end
		onlyNotes, notes := true, 0
		for _, x := range f.items[i+1:] {
			if x.fate == keep && x.Kind == model.Heading && x.Level <= it.Level {
				to = x.Line
				break
			}
			switch {
			case x.fate == noted:
				notes++
			case x.fate != keep || x.Kind == model.ThematicBreak:
			default:
				onlyNotes = false
			}
		}
		if !onlyNotes {
			continue
		}
		for _, ns := range [][]model.Block{f.notes, f.out.Notes} {
			for _, n := range ns {
				if n.Line > it.Line && (to < 0 || n.Line < to) {
					notes++
				}
			}
		}
		if notes > 0 {
			f.set(it, dropped, dropNotesHeading)
		}
	}
}

// boldHeadingWords is the most words a paragraph in bold alone has to be
// a heading: a title or a chapter's heading, not a passage set in bold.
const boldHeadingWords = 15

// boldParagraph returns the text of a paragraph that is one run of bold
// and nothing else ("**II**", "**The Eighteenth Brumaire**"), short, and
// not a label that leads into what follows ("**Note:**").
func boldParagraph(it *item) (string, bool) {
	if it.Kind != model.Paragraph || hasKind(it.Inlines, model.NoteRef) {
		return "", false
	}
	var strong *model.Inline
	for i := range it.Inlines {
		in := &it.Inlines[i]
		switch {
		case in.Kind == model.Strong && strong == nil:
			strong = in
		case in.Kind == model.Text && strings.TrimSpace(in.Text) == "":
		default:
			return "", false
		}
	}
	if strong == nil {
		return "", false
	}
	t := strings.TrimSpace(model.PlainText(strong.Children))
	if t == "" || len(strings.Fields(t)) > boldHeadingWords || strings.HasSuffix(t, ":") {
		return "", false
	}
	return t, true
}

// boldHeadings makes headings of the paragraphs that are a short run of
// bold and nothing else, in a document that has no heading of its own:
// a Web page that set its headings as bold paragraphs (<p><b>II</b></p>),
// or whose headings html2text and pandoc write as "**II**", has its
// divisions in no other mark. Two such paragraphs at least: one alone is
// emphasis. Those that open the document, before its first paragraph of
// text, are its title (the first, level 1) and the lines under it (level
// 2, as the title page reads subtitles); the others head the text's parts
// at level 2 under that title, or at level 1 when the document opens with
// text. The bold is the heading's mark and is not kept in its text.
func (f *furnisher) boldHeadings() {
	var found []*item
	for _, it := range f.items {
		if it.fate != keep {
			continue
		}
		if it.Kind == model.Heading {
			return
		}
		if _, ok := boldParagraph(it); ok {
			found = append(found, it)
		}
	}
	if len(found) < 2 {
		return
	}
	bold := map[*item]bool{}
	for _, it := range found {
		bold[it] = true
	}
	opening, titled := true, false
	for _, it := range f.items {
		if it.fate != keep {
			continue
		}
		if !bold[it] {
			opening = opening && it.Kind == model.ThematicBreak
			continue
		}
		level := 1
		switch {
		case opening && !titled:
			titled = true
		case titled:
			level = 2
		}
		var strong model.Inline
		for _, in := range it.Inlines {
			if in.Kind == model.Strong {
				strong = in
			}
		}
		it.Kind, it.Level = model.Heading, level
		it.Inlines = trimLeadingSpace(strong.Children)
		it.ID = f.names.UniqueID(f.names.AutoID(model.PlainText(it.Inlines)))
		f.log.add(makeHeadingBold, it.Line, it.end)
	}
}

// numberedParagraph is a paragraph that reads as a numbered heading: "I.
// History of the Question.", "II. The Intervention of Germany.", "3. The
// Conference": a roman or arabic number, a full stop, and a short title
// opening with a capital, with no sentence inside it.
var numberedParagraph = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([IVXLC]+|\d{1,2})\.\s+(\p{Lu}[^.!?:;]*)\.?$`) })

// numberedHeadings makes headings of paragraphs that stand alone and
// number the text's divisions, when at least two of them follow each
// other in sequence from one (I., II., III.). Such headings sit one level
// under the heading before the first of them.
func (f *furnisher) numberedHeadings() {
	type numbered struct {
		it *item
		n  int
	}
	var found []numbered
	for _, it := range f.items {
		if it.fate != keep || it.Kind != model.Paragraph || it.end != it.Line || hasKind(it.Inlines, model.NoteRef) {
			continue
		}
		t := strings.TrimSpace(model.PlainText(it.Inlines))
		m := numberedParagraph().FindStringSubmatch(t)
		if m == nil || len(strings.Fields(m[2])) > 12 {
			continue
		}
		n, err := strconv.Atoi(m[1])
		if err != nil {
			n = romanValue(m[1])
		}
		if n > 0 {
			found = append(found, numbered{it, n})
		}
	}
	// The longest run in sequence from one.
	var run []numbered
	for _, x := range found {
		switch {
		case x.n == 1:
			if len(run) < 2 {
				run = []numbered{x}
			}
		case len(run) > 0 && x.n == run[len(run)-1].n+1:
			run = append(run, x)
		}
	}
	if len(run) < 2 {
		return
	}
	level := 1
	for _, it := range f.items {
		if it == run[0].it {
			break
		}
		if it.fate == keep && it.Kind == model.Heading {
			level = it.Level + 1
		}
	}
	for _, x := range run {
		x.it.Kind = model.Heading
		x.it.Level = min(level, 6)
		// The heading's full stop is no part of its identifier, which
		// names the part's file ("i.-history-of-the-question.xhtml").
		x.it.ID = f.names.UniqueID(strings.TrimRight(f.names.AutoID(model.PlainText(x.it.Inlines)), ".-"))
		f.log.add(makeHeading, x.it.Line, x.it.end)
	}
}

// romanValue returns the value of a roman numeral in capitals, or 0.
func romanValue(s string) int {
	values := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	total := 0
	for i := 0; i < len(s); i++ {
		v := values[s[i]]
		if i+1 < len(s) && values[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || toRoman(total) != s {
		return 0
	}
	return total
}

// toRoman writes n (1..399) as a roman numeral.
func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// titlePage finds the document's title: its one heading at the top level
// when nothing but headings and images stand before it, the page's header
// (pandoc's manual, --shift-heading-level-by, reads such a heading as the
// title too). The headings before it (the author's name over the title)
// and those right under it (subtitles: headings with no text of their own
// before the next heading or the furniture that closes the title block)
// go to the title page, which the edition prints from the manifest;
// images before it are the page's banner and are left out. The title
// goes there too when the parts can be cut at the headings under it;
// with none, it stays as the heading of the one part the text is.
func (f *furnisher) titlePage() {
	kept := f.kept()
	top, count := 0, 0
	for _, it := range kept {
		if it.Kind != model.Heading {
			continue
		}
		switch {
		case top == 0 || it.Level < top:
			top, count = it.Level, 1
		case it.Level == top:
			count++
		}
	}
	if count != 1 {
		return
	}
	t := -1
	for i, it := range kept {
		if it.Kind == model.Heading && it.Level == top {
			t = i
			break
		}
		if it.Kind != model.Heading && it.Kind != model.Image {
			return
		}
	}
	// A front matter that names the title another way makes the heading
	// the text's own: the title is given, and the heading opens the text
	// under it (Quarto takes a lone top heading for the title only when
	// the metadata gives none; taking it anyway would lose the heading).
	if f.title != "" && !model.SameWords(f.title, model.PlainText(kept[t].Inlines)) {
		return
	}
	// Subtitles: headings after the title, each followed by another
	// heading, or by furniture taken out of the body before the text.
	subtitles := 0
	for j := t + 1; j < len(kept) && kept[j].Kind == model.Heading; j++ {
		next := j + 1
		closed := next >= len(kept) || kept[next].Kind == model.Heading || kept[next].Kind == model.ThematicBreak ||
			f.furnitureBetween(kept[j], kept[next])
		if !closed {
			break
		}
		subtitles++
	}
	rest := false
	for _, it := range kept[t+1+subtitles:] {
		rest = rest || it.Kind == model.Heading
	}
	title := kept[t]
	f.out.Title = append(f.out.Title, model.PlainText(title.Inlines))
	for _, it := range kept[t+1 : t+1+subtitles] {
		f.out.Title = append(f.out.Title, model.PlainText(it.Inlines))
		f.set(it, titlePage, moveTitlePage)
	}
	for _, it := range kept[:t] {
		if it.Kind == model.Image {
			f.set(it, dropped, dropBanner)
		} else {
			f.out.Byline = append(f.out.Byline, model.PlainText(it.Inlines))
			f.set(it, titlePage, moveTitlePage)
		}
	}
	if rest {
		f.set(title, titlePage, moveTitlePage)
	}
}

// furnitureBetween reports whether an item that is not kept stands
// between a and b.
func (f *furnisher) furnitureBetween(a, b *item) bool {
	in := false
	for _, it := range f.items {
		switch {
		case it == a:
			in = true
		case it == b:
			return false
		case in && it.fate != keep:
			return true
		}
	}
	return false
}

// rules leaves out the horizontal rules that mark no break in the text:
// at the start or end of the body, beside another rule once the
// furniture they framed is gone, and beside a heading where the document
// rules off its headings as a habit (half of them or more, two at least):
// a Web page rules off its header, its credits and its headings, and the
// edition's headings and pages divide the text themselves. A rule an
// author set once before a heading is kept.
func (f *furnisher) rules() {
	kept := f.kept()
	isRule := func(j int) bool { return j >= 0 && j < len(kept) && kept[j].Kind == model.ThematicBreak }
	isHeading := func(j int) bool { return j >= 0 && j < len(kept) && kept[j].Kind == model.Heading }
	headings, ruled := 0, 0
	for i, it := range kept {
		if it.Kind == model.Heading {
			headings++
			if isRule(i-1) || isRule(i+1) {
				ruled++
			}
		}
	}
	habit := ruled >= 2 && 2*ruled >= headings
	drop := make([]bool, len(kept))
	for i := range kept {
		if !isRule(i) {
			continue
		}
		edge := i == 0 || i == len(kept)-1
		drop[i] = edge || isRule(i-1) || isRule(i+1) || habit && (isHeading(i-1) || isHeading(i+1))
	}
	for i, it := range kept {
		if drop[i] {
			f.set(it, dropped, dropRules)
		}
	}
}

// openings unwraps a classed span that opens a paragraph with the text's
// first word in capitals ("[THE]{.cap} conference"): a Web page's drop
// capital, which the edition does not set (its own opening is a
// small-capitals lead-in); the letters are kept as written.
func (f *furnisher) openings() {
	for _, it := range f.items {
		if it.fate != keep || it.Kind != model.Paragraph || len(it.Inlines) == 0 {
			continue
		}
		first := it.Inlines[0]
		if first.Kind != model.Span || first.Attr.Get("class") == "" || len(first.Attr) != 1 {
			continue
		}
		t := model.PlainText(first.Children)
		if t == "" || strings.ToUpper(t) != t || len(strings.Fields(t)) > 3 {
			continue
		}
		it.Inlines = append(append([]model.Inline(nil), first.Children...), it.Inlines[1:]...)
	}
}

// unwrapClasses returns a block moved to the Source page with the spans
// that only carried a Web page's classes ("[Written:]{.info}", its
// labels' style) replaced by their text.
func unwrapClasses(b model.Block) model.Block {
	var walk func(ins []model.Inline) []model.Inline
	walk = func(ins []model.Inline) []model.Inline {
		var out []model.Inline
		for _, in := range ins {
			in.Children = walk(in.Children)
			if in.Kind == model.Span && len(in.Attr) == 1 && in.Attr[0].Key == "class" {
				out = append(out, in.Children...)
				continue
			}
			out = append(out, in)
		}
		return out
	}
	b.Inlines = walk(b.Inlines)
	for i := range b.Children {
		b.Children[i] = unwrapClasses(b.Children[i])
	}
	return b
}

// signatureLine is the name that signs a text, set in capitals with a
// full stop ("DANIEL DE LEON.", "COMMON SENSE."): two to six words; "THE
// END." and "FINIS." close a book, they do not sign it.
var signatureLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\p{Lu}[\p{Lu}.'’ -]*\p{Lu}\.$`) })

// nameWord is one word of a person's name as a signature gives it: a
// capitalised word ("Frederick", "O'Brien", "Jean-Paul"), an initial
// ("N."), or a joining word or particle ("&", "and", "de", "von").
var nameWord = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:\p{Lu}[\p{Ll}\p{Lu}'’-]*\.?|\p{Lu}\.(?:\p{Lu}\.)*|&|and|und|et|i|y|de|da|del|der|den|di|du|la|le|van|von|zu)$`)
})

// closings marks the lines that close the text, and each part the body's
// top headings cut, as they would be printed: the place and date it was
// written (a dateline: "Moscow, May 14, 1918", "June 24, 1872, London")
// and the name that signs it (a signature: "N. Lenin", "Karl Marx &
// Frederick Engels"), each on a paragraph of its own or the two as the
// lines of one. A name in capitals with a full stop signs a text alone;
// any other name only beside a dateline, since a short last paragraph of
// capitalised words may be a title or the text's own last words (a false
// signature is worse than a missed one).
func (f *furnisher) closings() {
	kept := f.kept()
	top := 0
	for _, it := range kept {
		if it.Kind == model.Heading && (top == 0 || it.Level < top) {
			top = it.Level
		}
	}
	var stretch []*item
	for _, it := range kept {
		if it.Kind == model.Heading && it.Level == top {
			f.closeStretch(stretch)
			stretch = nil
			continue
		}
		stretch = append(stretch, it)
	}
	f.closeStretch(stretch)
}

// closeStretch marks the closing lines of one stretch of the body: its
// last one or two paragraphs, after at least one block of text.
func (f *furnisher) closeStretch(items []*item) {
	last := func(n int) *item {
		if len(items) < n+1 { // text must stand before the closing lines
			return nil
		}
		it := items[len(items)-n]
		if it.Kind != model.Paragraph || hasKind(it.Inlines, model.NoteRef) {
			return nil
		}
		return it
	}
	a, b := last(2), last(1)
	if b == nil {
		return
	}
	switch lines := splitLines(b.Inlines); {
	case a != nil && len(lines) == 1 && len(splitLines(a.Inlines)) == 1 && closingPair(a.Inlines, b.Inlines):
		f.setClosing(a, kindOfClosing(a.Inlines))
		f.setClosing(b, kindOfClosing(b.Inlines))
	case len(lines) == 2 && closingPair(lines[0], lines[1]):
		// One paragraph, two lines: the first stays the item, the second
		// follows it as a block of its own.
		second := model.Block{Kind: kindOfClosing(lines[1]), Inlines: trimLeadingSpace(lines[1]), Line: b.Line + 1}
		b.Inlines = lines[0]
		f.setClosing(b, kindOfClosing(lines[0]))
		b.after = append(b.after, second)
	case len(lines) == 1 && (isDateline(b.Inlines) || signatureAlone(b.Inlines)):
		f.setClosing(b, kindOfClosing(b.Inlines))
	}
}

// closingPair reports whether two lines are a signature and a dateline,
// in either order.
func closingPair(x, y []model.Inline) bool {
	return isDateline(x) && signatureName(y) || signatureName(x) && isDateline(y)
}

// kindOfClosing returns the kind of a closing line.
func kindOfClosing(ins []model.Inline) model.BlockKind {
	if isDateline(ins) {
		return model.Dateline
	}
	return model.Signature
}

// setClosing gives a closing paragraph its kind and records the decision.
func (f *furnisher) setClosing(it *item, k model.BlockKind) {
	it.Kind = k
	f.log.add(markClosing, it.Line, it.end)
}

// splitLines returns inlines cut at their forced line breaks at the top
// level, the breaks left out; a trailing break (pandoc's "\" at a
// paragraph's end) ends no line.
func splitLines(ins []model.Inline) [][]model.Inline {
	var out [][]model.Inline
	start := 0
	for i, in := range ins {
		if in.Kind == model.LineBreak {
			out = append(out, ins[start:i])
			start = i + 1
		}
	}
	if rest := ins[start:]; strings.TrimSpace(model.PlainText(rest)) != "" || len(out) == 0 {
		out = append(out, rest)
	}
	return out
}

// isDateline reports whether a line is a place and date and nothing more
// (package dateline, with a place of a few words, as the plain-text
// reader asks), or a date followed by its place ("June 24, 1872,
// London"), as the Marxists Internet Archive's prefaces are dated.
func isDateline(ins []model.Inline) bool {
	t := strings.TrimSpace(model.PlainText(ins))
	if datedAt(t) {
		return true
	}
	at := strings.LastIndex(t, ",")
	if at < 0 {
		return false
	}
	place := strings.TrimSpace(strings.TrimSuffix(t[at+1:], "."))
	return placeName(place) && datedAt(strings.TrimSpace(t[:at]))
}

// datedAt reports a place of a few words and a date, or a date alone.
func datedAt(s string) bool {
	place, ok := dateline.Place(s)
	return ok && len(strings.Fields(place)) <= 4
}

// placeName reports whether s is a place's name: one to three capitalised
// words, no digits.
func placeName(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			return false
		}
	}
	return true
}

// signatureName reports whether a line is a name that may sign a text:
// one to eight words of a name (nameWord), opening and closing with a
// capitalised one, with a full stop at most at its end.
func signatureName(ins []model.Inline) bool {
	t := strings.TrimSuffix(strings.TrimSpace(model.PlainText(ins)), ".")
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	switch strings.ToUpper(t) {
	case "THE END", "END", "FINIS":
		return false
	}
	for i, w := range words {
		if !nameWord().MatchString(w) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(w); (i == 0 || i == len(words)-1) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// signatureAlone reports whether a last paragraph signs the text with
// nothing beside it: a name in capitals with a full stop
// (signatureLine). Another name alone, even in emphasis, may be a title
// or the text's own last words.
func signatureAlone(ins []model.Inline) bool {
	t := strings.TrimSpace(model.PlainText(ins))
	words := len(strings.Fields(t))
	return words >= 2 && words <= 6 && signatureLine().MatchString(t) && signatureName(ins)
}
