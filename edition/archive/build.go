package archive

// build turns the blocks, as the recognisers left them, into the Source:
// the body split into sections at its top-level headings (or, in a text
// with none, at its salutations, so that a letter's parts become parts),
// lower headings as heading blocks, quotations gathered, notes in their
// own list with the references to them resolved.

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
)

func (r *reader) build() {
	for i, b := range r.blocks {
		if b.role == roleNote {
			r.buildNote(i, b)
		}
	}
	hasHeadings := len(r.levels) > 0
	var secs []model.Section
	cur := model.Section{Role: model.RoleChapter}
	hasText := func() bool {
		for _, b := range cur.Blocks {
			if b.Kind != model.Salutation && b.Kind != model.Dateline {
				return true
			}
		}
		return false
	}
	push := func() {
		if len(cur.Blocks) > 0 || len(cur.Title) > 0 {
			secs = append(secs, cur)
		}
		cur = model.Section{Role: model.RoleChapter}
	}
	var quote *model.Block
	emit := func(b *block, mb model.Block) {
		if b.quote {
			if quote == nil {
				cur.Blocks = append(cur.Blocks, model.Block{Kind: model.BlockQuote, Line: mb.Line})
				quote = &cur.Blocks[len(cur.Blocks)-1]
			}
			quote.Children = append(quote.Children, mb)
			return
		}
		quote = nil
		cur.Blocks = append(cur.Blocks, mb)
	}
	firstPara := true
	lastLevel := 1 // the level of the heading before, the section's title being 1
	for i, b := range r.blocks {
		if !b.quote {
			quote = nil
		}
		switch b.role {
		case roleDropped, roleMerged, roleNote, roleNoteMore:
		case roleTitle:
			for _, l := range b.lines {
				r.src.Title = append(r.src.Title, l.text)
			}
		case roleImprint:
			for _, l := range b.lines {
				r.src.Imprint = append(r.src.Imprint, l.text)
			}
		case roleTrailer:
			r.src.Trailer = append(r.src.Trailer, r.block(model.Attribution, i, b, true))
		case roleSignature:
			sig := r.block(model.Signature, i, b, true)
			if n := len(cur.Blocks); n > 0 && cur.Blocks[n-1].Kind == model.Signature && !b.quote {
				// A complimentary close and the signatory: one signature.
				cur.Blocks[n-1].Inlines = append(append(cur.Blocks[n-1].Inlines, model.Inline{Kind: model.LineBreak}), sig.Inlines...)
				continue
			}
			if quote != nil && b.quote {
				if n := len(quote.Children); n > 0 && quote.Children[n-1].Kind == model.Signature {
					quote.Children[n-1].Inlines = append(append(quote.Children[n-1].Inlines, model.Inline{Kind: model.LineBreak}), sig.Inlines...)
					continue
				}
			}
			emit(b, sig)
		case roleBody:
			switch b.kind {
			case shapeSalutation:
				if !hasHeadings && hasText() {
					push()
				}
				emit(b, r.block(model.Salutation, i, b, false))
				firstPara = true
				continue
			case shapeHeading:
				title := r.headingTitle(i, b)
				if b.level > 1 || r.repeatsTitle(cur, title) {
					// A heading is at most one level under the one before
					// it: a level is not skipped (WCAG 2 technique G141;
					// the EPUB Accessibility checks ask the same).
					level := min(6, max(2, b.level), lastLevel+1)
					lastLevel = level
					emit(b, model.Block{Kind: model.Heading, Level: level, Line: b.first().num, Inlines: title})
					continue
				}
				push()
				lastLevel = 1
				cur.Title = title
				firstPara = true
				continue
			case shapeDateline:
				emit(b, r.block(model.Dateline, i, b, true))
				continue
			case shapeIllustration:
				// A figure whose picture the text does not have: its
				// caption stands in its brackets in both editions.
				caption := illustrationCaption(r.joinLines(b, false))
				emit(b, model.Block{Kind: model.Image, Line: b.first().num, Attr: model.Attr{{Key: "alt", Value: model.PlainText(r.parseInlines(caption, i, false))}},
					Inlines: r.parseInlines(caption, i, true)})
				continue
			case shapeBreak:
				emit(b, model.Block{Kind: model.ThematicBreak, Line: b.first().num})
				continue
			case shapeEndMark:
				emit(b, r.block(model.Centered, i, b, true))
				continue
			case shapeAttribution:
				if b.quote {
					emit(b, r.block(model.Attribution, i, b, true))
					continue
				}
			}
			verse := b.quote && b.kind != shapeProse
			if !verse && b.align == alignCentred && (b.kind == shapeShort || b.kind == shapeHeading) {
				emit(b, r.block(model.Centered, i, b, true))
				continue
			}
			if !slices.Contains(b.soft, true) {
				// Lines the writer lined up in columns: a table.
				if t, ok := r.tableOf(b, i); ok {
					emit(b, t)
					firstPara = false
					continue
				}
			}
			if (b.quote || b.verse) && len(b.lines) > 1 && !slices.Contains(b.soft, true) {
				// Verse (or an address, a list of short lines) quoted in
				// the text: its lines kept as the writer broke them, each
				// set in as far beyond the stanza's first line as the
				// writer set it, so that the indented rhyme lines of a
				// stanza stay indented; a stanza is a line block of its
				// own, so the blank line between stanzas stays a space.
				emit(b, model.Block{Kind: model.LineBlock, Line: b.first().num, Inlines: r.parseInlines(verseLines(b, r.stanzaIndent), i, true)})
				firstPara = false
				continue
			}
			text := r.joinLines(b, verse)
			if firstPara && !b.quote {
				if m := salutationRunIn.FindStringSubmatch(text); m != nil && !strings.Contains(m[1], "\n") {
					emit(b, model.Block{Kind: model.Salutation, Line: b.first().num, Inlines: r.parseInlines(m[1], i, false)})
					text = m[2]
				}
			}
			emit(b, model.Block{Kind: model.Paragraph, Line: b.first().num, Inlines: r.parseInlines(text, i, true)})
			firstPara = false
		}
	}
	push()
	r.src.Sections = secs
	for _, e := range r.notes.entries {
		if !e.used && e.mark != "" {
			r.src.Warnings = append(r.src.Warnings, model.Warning{File: r.file, Line: r.blocks[e.block].first().num,
				Message: fmt.Sprintf("note %s is never referenced", noteLabel(e.mark))})
		}
	}
	sort.SliceStable(r.src.Dropped, func(i, j int) bool { return r.src.Dropped[i].Line < r.src.Dropped[j].Line })
}

func noteLabel(mark string) string {
	if mark == "*" {
		return "*"
	}
	return "[" + mark + "]"
}

// repeatsTitle reports a heading that repeats the title of the section it
// would close, as books print a piece's title on its half-title and again
// over its text: it becomes a heading inside the section.
func (r *reader) repeatsTitle(cur model.Section, title []model.Inline) bool {
	if len(cur.Title) == 0 {
		return false
	}
	paras := 0
	for _, b := range cur.Blocks {
		switch b.Kind {
		case model.Heading:
			return false
		case model.Paragraph:
			paras++
		}
	}
	if paras == 0 {
		return false // a part's title over its first chapter, not a repeat
	}
	a, b := normTitle(model.PlainText(cur.Title)), normTitle(model.PlainText(title))
	return a != "" && (a == b || strings.HasPrefix(b, a+" "))
}

func normTitle(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.Trim(s, " .:"))), " ")
}

// buildNote adds a note block (and the paragraphs that continue it) to
// Source.Notes.
func (r *reader) buildNote(i int, b *block) {
	k, ok := r.notes.byBlock[i]
	if !ok {
		return
	}
	e := r.notes.entries[k]
	text := r.joinLines(b, false)
	if m := footnoteRe.FindStringSubmatch(text); m != nil {
		text = m[2]
	} else if e.mark == "*" {
		text = strings.TrimSpace(strings.TrimLeft(text, "*†‡"))
	} else if m := noteMarker.FindString(text); m != "" {
		text = text[len(m):]
	}
	note := model.Block{Kind: model.Note, ID: e.id, Line: b.first().num, Inlines: r.parseInlines(text, i, false)}
	if e.mark != "" {
		note.Attr = model.Attr{{Key: "mark", Value: e.num}}
	} else {
		r.src.Warnings = append(r.src.Warnings, model.Warning{File: r.file, Line: b.first().num, Message: "note without a [n] mark; nothing can refer to it"})
	}
	for j := i + 1; j < len(r.blocks) && (r.blocks[j].role == roleNoteMore || r.blocks[j].role != roleNote && r.blocks[j].role != roleBody && r.blocks[j].role != roleSignature); j++ {
		if r.blocks[j].role != roleNoteMore {
			continue
		}
		note.Inlines = append(note.Inlines, model.Inline{Kind: model.LineBreak})
		note.Inlines = append(note.Inlines, r.parseInlines(r.joinLines(r.blocks[j], false), j, false)...)
	}
	r.src.Notes = append(r.src.Notes, note)
}

// headingTitle is a heading block's lines as one title: the source's line
// breaks in a heading are its typesetting, and the edition sets its own
// headings, running heads and contents entries.
func (r *reader) headingTitle(i int, b *block) []model.Inline {
	var t strings.Builder
	for k, l := range b.lines {
		if k > 0 && !attachedDash(b.lines[k-1].text) {
			t.WriteByte(' ')
		}
		t.WriteString(l.text)
	}
	return r.parseInlines(t.String(), i, true)
}

// verseLines is a block's lines parted by "\n", each opened by a no-break
// space for every column it is set in beyond the block's least indented
// line (at most eight: deeper indents in typescript centre a line, which
// a book sets in by a few ems at most). A stanza of a book of verse is
// measured from base, the indent of the book's stanzas, so that a refrain
// set in under them stays set in.
func verseLines(b *block, base int) string {
	least := b.first().indent
	for _, l := range b.lines {
		least = min(least, l.indent)
	}
	if b.verse && base >= 0 {
		least = min(least, base)
	}
	var s strings.Builder
	for i, l := range b.lines {
		if i > 0 {
			s.WriteByte('\n')
		}
		s.WriteString(strings.Repeat("\u00a0", min(8, l.indent-least)))
		s.WriteString(l.text)
	}
	return s.String()
}

func (r *reader) block(kind model.BlockKind, i int, b *block, hard bool) model.Block {
	return model.Block{Kind: kind, Line: b.first().num, Inlines: r.parseInlines(r.joinLines(b, hard), i, kind == model.Paragraph)}
}
