package apparatus

import (
	"strconv"
	"strings"

	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
	"github.com/bindery-editions/bindery/layout/linebreak"
)

// NoteOnTextID is the ID of the "A Note on the Text" section.
const NoteOnTextID = "note-on-text"

// SourceLineID is the ID of the section ApplyEmendations is given for the
// lines the copy-text prints under the text (model.Source.Trailer), so that
// they can be emended too; its entries are listed under locale.SourceLines.
const SourceLineID = "source-line"

// CopyText is what an edition records of where its copy-text came from.
type CopyText struct {
	URL       string // the Web address it was taken from; may be empty
	Retrieved string // when: YYYY-MM-DD, seed.RetrievedUnrecorded, or empty
	SHA256    string // the hex SHA-256 of the copy-text file's bytes
}

// TextRecord is what "A Note on the Text" reports of an edition's text.
// Every statement of the Note is made only when the record shows it holds.
type TextRecord struct {
	Meta     model.Meta
	CopyText CopyText
	// Source is what the reader recognised: the title block, the lines it
	// left out, the lines under the text. May be nil.
	Source *model.Source
	// Body and Trailer are the text and the lines under it as this
	// edition prints them, typography done: the apparatus finds the word
	// each entry's reading stands at in them. Trailer is nil when the
	// edition has no Source page to print the lines on.
	Body    []model.Section
	Trailer []model.Block
	// TrailerReceived is the text of the lines under the text as the
	// copy-text has them, before any emendation, for the Note to quote.
	TrailerReceived []string
	Applied         []AppliedEmendation
	Kept            []KeptReading
	Changes         SilentChanges
}

// NoteOnText builds the back-matter section "A Note on the Text": the
// copy-text and its provenance (the editor's source statement, the Web
// address and date it was taken, the file's SHA-256), the document's date,
// what the edition does to the text (corrections, headings), the changes
// it makes without listing them, what it does with the lines of the file
// that are not body text (ChangeStatements), and then the emendations
// and the readings kept, each list grouped by part with the part named
// once.
//
// An entry follows the apparatus of critical editions (Greetham, Textual
// Scholarship, 1994, ch. 9): the place, this edition's reading (the
// lemma), a closing square bracket, the copy-text's reading, and the kind
// of fault. The place is the print edition's page, which the PDF writer
// adds from the item's "block" and "word" attributes (the emended block's
// ID and the index of the reading's first word among its words); in the
// ebook the lemma links to the block.
func NoteOnText(r TextRecord) model.Section {
	l := Words(r.Meta)
	sec := model.Section{
		ID:        NoteOnTextID,
		Role:      model.RoleNoteOnText,
		Title:     []model.Inline{model.Str(l.T(locale.NoteOnText))},
		Editorial: true,
	}
	para := func(ins ...model.Inline) {
		if len(ins) > 0 {
			sec.Blocks = append(sec.Blocks, model.Block{Kind: model.Paragraph, Inlines: ins, Editorial: true})
		}
	}
	// The copy-text and its provenance.
	m := r.Meta
	var prov [][]model.Inline
	named := false // the last sentence names the copy-text, for "It"
	if s := strings.TrimSpace(m.Source); s != "" {
		prov = append(prov, []model.Inline{model.Str(s)})
	} else if o := m.Original; o.Publisher != "" {
		prov = append(prov, asInlines(sentenceCopyTextIsEdition(l, o)))
		named = true
	}
	unrecorded := r.CopyText.Retrieved == seed.RetrievedUnrecorded
	retrieved := r.CopyText.Retrieved
	if unrecorded {
		retrieved = ""
	}
	prov = append(prov, sentenceTakenFrom(l, r.CopyText.URL, retrieved, unrecorded, named))
	if r.CopyText.SHA256 != "" {
		prov = append(prov, asInlines(sentenceChecksum(l, r.CopyText.SHA256)))
	}
	if r.Source != nil {
		if s := sentenceEncoding(l, r.Source.Encoding); s != "" {
			prov = append(prov, asInlines(s))
		}
	}
	prov = append(prov, sentenceDocumentDate(l, m.Original.Date, m.Original.FirstPrint))
	para(joinSentences(prov)...)

	// What the edition does to the text.
	var method []string
	if len(r.Applied) > 0 {
		method = append(method, sentenceEmended(l))
	} else {
		method = append(method, sentenceNotEmended(l))
	}
	if len(r.Kept) > 0 {
		method = append(method, sentenceKept(l))
	}
	if all, some := editorialHeadings(r.Body); all {
		method = append(method, sentenceAllHeadingsEditorial(l))
	} else if some > 0 {
		method = append(method, sentenceSomeHeadingsEditorial(l, some))
	}
	para(model.Str(strings.Join(method, " ")))

	// The changes made without a list.
	silent := r.Changes.sentences(l)
	// What the readers did with the lines that are not body text, kind by
	// kind; the spelling of the names on the title page follows the
	// statement that the edition's title page replaces the copy-text's.
	changes := changeStatements(l, r.Source, len(r.Trailer) > 0, r.TrailerReceived)
	spelling, after := "", -1
	if pairs := NameSpellings(m, r.Source); len(pairs) > 0 {
		spelling = sentenceNameSpelling(l, pairs)
	}
	for i, c := range changes {
		if c.kind.Action() == model.ChangeToTitlePage {
			after = i
		}
	}
	if spelling != "" && after < 0 {
		silent = append(silent, spelling)
	}
	// The lines under the text, said here unless a reader's change says
	// where they went.
	if len(r.Trailer) > 0 && !movesToSourcePage(r.Source) {
		line, n := "", trailerLines(r.Trailer)
		if n == 1 && len(r.TrailerReceived) == 1 {
			line = r.TrailerReceived[0]
		}
		silent = append(silent, sentenceTrailerMoved(l, line, n, trailerPlace(r.Trailer, r.Body)))
	}
	for i, c := range changes {
		silent = append(silent, c.text)
		if i == after && spelling != "" {
			silent = append(silent, spelling)
		}
	}
	if len(silent) > 0 {
		para(model.Str(l.T(locale.SilentIntro) + " " + strings.Join(silent, " ")))
	}

	printed := blockTexts(r.Body, r.Trailer)
	if len(r.Applied) > 0 {
		sec.Blocks = append(sec.Blocks, emendationList(l, r.Applied, printed)...)
	}
	if len(r.Kept) > 0 {
		sec.Blocks = append(sec.Blocks, keptList(l, r.Kept, printed)...)
	}
	return sec
}

// asInlines makes a sentence a run of text.
func asInlines(s string) []model.Inline { return []model.Inline{model.Str(s)} }

// joinSentences joins sentences given as inlines with a space between.
func joinSentences(ss [][]model.Inline) []model.Inline {
	var out []model.Inline
	for _, s := range ss {
		if len(s) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, model.Str(" "))
		}
		out = append(out, s...)
	}
	return out
}

// editorialHeadings reports whether every part of the body has a heading
// the editor supplied, and how many do.
func editorialHeadings(body []model.Section) (all bool, n int) {
	for _, s := range body {
		if s.Editorial && strings.TrimSpace(s.PlainTitle()) != "" {
			n++
		}
	}
	return n > 0 && n == len(body), n
}

// blockTexts maps the ID of every text block of the body and the trailer
// to its text as printed, for WordAt.
func blockTexts(body []model.Section, trailer []model.Block) map[string]string {
	out := map[string]string{}
	var walk func(bs []model.Block)
	walk = func(bs []model.Block) {
		for i := range bs {
			if bs[i].ID != "" {
				out[bs[i].ID] = model.PlainText(bs[i].Inlines)
			}
			walk(bs[i].Children)
		}
	}
	for i := range body {
		walk(body[i].Blocks)
	}
	walk(trailer)
	return out
}

// WordAt returns the index, among the words of text as the print edition
// counts them (linebreak.Words), of the word that holds the letter or digit
// after the first letters ones: where a reading placed by its Letters
// stands once typography has changed the text's spaces and marks.
func WordAt(text string, letters int) int {
	at, n := len(text), 0
	for i, r := range text {
		if isWordRune(r) {
			if n == letters {
				at = i
				break
			}
			n++
		}
	}
	// A letter after the text so far either opens a new word or extends
	// the last one: that is the word holding the letter at "at".
	return len(linebreak.Words(text[:at]+"x")) - 1
}

// group is the entries of one part.
type group struct {
	title string
	items []model.Block
}

// groupTitle names the part an entry's reading stands in.
func groupTitle(l *locale.Locale, sectionID, title string, section int) string {
	switch {
	case sectionID == SourceLineID:
		return l.Fill(locale.SourceLines, "source", l.T(locale.Source))
	case strings.TrimSpace(title) != "":
		return title
	}
	return l.Fill(locale.PartN, "n", l.Number(section+1))
}

// addToGroup appends item to the last group if it is the same part's, or
// to a new one.
func addToGroup(groups []group, title string, item model.Block) []group {
	if n := len(groups); n > 0 && groups[n-1].title == title {
		groups[n-1].items = append(groups[n-1].items, item)
		return groups
	}
	return append(groups, group{title: title, items: []model.Block{item}})
}

// entryItem is one apparatus entry: lemma links to the reading's block, and
// the item's attributes tell the print edition which word's page to cite.
func entryItem(id, blockID string, word int, lemma string, rest string, attr model.Attr) model.Block {
	ins := []model.Inline{model.Str(lemma + rest)}
	if blockID != "" {
		attr = attr.Set("block", blockID).Set("word", strconv.Itoa(word))
		ins = []model.Inline{{Kind: model.Link, Target: "#" + blockID, Children: []model.Inline{model.Str(lemma)}}, model.Str(rest)}
	}
	return model.Block{
		Kind: model.ListItem, ID: id, Attr: attr, Editorial: true,
		Children: []model.Block{{Kind: model.Paragraph, Inlines: ins, Editorial: true}},
	}
}

// listBlocks sets out groups under a heading and a headnote: each group's
// part named once, then its entries.
func listBlocks(id, title, headnote, class string, groups []group) []model.Block {
	out := []model.Block{
		{Kind: model.Heading, Level: 2, ID: id, Inlines: []model.Inline{model.Str(title)}, Editorial: true},
		{Kind: model.Paragraph, Inlines: []model.Inline{model.Str(headnote)}, Editorial: true},
	}
	for _, g := range groups {
		out = append(out,
			model.Block{Kind: model.Heading, Level: 3, Inlines: []model.Inline{model.Str(g.title)}, Editorial: true},
			model.Block{Kind: model.List, Attr: model.Attr{{Key: "class", Value: class}}, Editorial: true, Children: g.items})
	}
	return out
}

// emendationList is the "Emendations" part of the Note.
func emendationList(l *locale.Locale, applied []AppliedEmendation, text map[string]string) []model.Block {
	var groups []group
	joins, grounds, transmission := false, false, false
	for _, a := range applied {
		why := ReasonLabel(l, a.Reason)
		if a.Note != "" {
			why += "; " + strings.TrimSpace(a.Note)
			grounds = true
		}
		joins = joins || a.IsJoin()
		transmission = transmission || a.Reason == ReasonTransmission
		item := entryItem(a.ID+"-entry", a.BlockID, WordAt(text[a.BlockID], a.Letters), a.After, "] "+a.Before+" ("+why+")",
			model.Attr{{Key: "emendation", Value: a.ID}})
		groups = addToGroup(groups, groupTitle(l, a.SectionID, a.SectionTitle, a.Section), item)
	}
	head := []string{sentenceListOrder(l, len(groups)), l.T(locale.EmendationForm)}
	if grounds {
		head = append(head, l.T(locale.EmendationGround))
	}
	head = append(head, l.T(locale.EntryPlace))
	if joins {
		head = append(head, l.T(locale.ParagraphBreak))
	}
	if transmission {
		head = append(head, sentenceTransmission(l))
	}
	return listBlocks("emendations", l.T(locale.Emendations), strings.Join(head, " "), "emendations", groups)
}

// keptList is the "Readings kept" part of the Note.
func keptList(l *locale.Locale, kept []KeptReading, text map[string]string) []model.Block {
	var groups []group
	everywhere := false
	for i, k := range kept {
		count := ""
		if k.Count > 1 {
			count = keptCount(l, k.Count)
			everywhere = true
		}
		item := entryItem("kept-"+strconv.Itoa(i+1)+"-entry", k.BlockID, WordAt(text[k.BlockID], k.Letters), k.Reading,
			count+": "+strings.TrimSpace(k.Reason), nil)
		groups = addToGroup(groups, groupTitle(l, k.SectionID, k.SectionTitle, k.Section), item)
	}
	head := []string{sentenceListOrder(l, len(groups)), l.T(locale.KeptForm)}
	if everywhere {
		head = append(head, l.T(locale.KeptEverywhere))
	}
	head = append(head, l.T(locale.EntryPlace))
	return listBlocks("readings-kept", l.T(locale.ReadingsKept), strings.Join(head, " "), "kept", groups)
}
