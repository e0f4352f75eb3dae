package archive

import (
	"slices"
)

// Furniture wherever it stands, and matter after the text. Navigation
// links and bare URLs are the archive's, illustrations placeholders for
// images the file does not have; both are left out wherever they are.
// After the text: a publisher's advertisement and price list from its
// heading on (left out), source and credit lines (moved to the Source
// page), transcribers' notes (moved there too), and a printer's imprint
// (moved to the imprint).

// transcriberNotesRe is the heading of a transcriber's notes: "Transcriber's
// Notes:", "TRANSCRIBER'S NOTE", "Transcriber’s note:" and what follows.
var transcriberNotesRe = newLazyRegexp(`(?i)^\W*transcriber['’]?s?['’]?\s+notes?\b`)

// furniture drops navigation and illustration placeholders anywhere, and
// moves transcribers' notes in brackets to the Source page.
func (r *reader) furniture() {
	for _, b := range r.blocks {
		if b.role != roleBody {
			continue
		}
		switch b.kind {
		case shapeNav:
			r.dropBlock(b, dropNavigation)
		case shapeIllustration:
			// A placeholder with a caption keeps the caption, the book's
			// words under its picture (build makes it a figure without
			// its image); a bare "[Illustration]" says nothing and goes.
			if illustrationCaption(b.text()) == "" {
				r.dropBlock(b, dropIllustration)
			}
		case shapeBracketNote:
			b.role = roleTrailer
			r.changes.add(moveTranscriberNote, b.first().num, b.last().num)
		case shapeProse, shapeShort:
			// "Transcriber's Note: Italic text is marked _thus_." without
			// brackets, above the title page or anywhere: a note about the
			// transcription, whatever its brackets. A heading alone
			// ("Transcriber's Notes:") over a list is trailing's.
			if transcriberNotesRe.MatchString(b.first().text) && wordCount(b.text()) > 4 {
				b.role = roleTrailer
				r.changes.add(moveTranscriberNote, b.first().num, b.last().num)
			}
		}
	}
}

// trailing assigns the matter after the text. start is the first body
// block, which stays body.
func (r *reader) trailing(start int) {
	for i := start + 1; i < len(r.blocks); i++ {
		if b := r.blocks[i]; b.kind == shapeAdStart && b.role == roleBody {
			for _, x := range r.blocks[i:] {
				if x.role == roleBody {
					r.dropBlock(x, dropAdvertisement)
				}
			}
			break
		}
	}
	// A transcriber's notes under their own heading after the text
	// ("Transcriber's Notes:" over the corrections made), as Project
	// Gutenberg's producers add them: the heading and all after it, when
	// no heading of the text follows, describe the transcription, not the
	// document, and go to the Source page as notes in brackets do.
	for i := start + 1; i < len(r.blocks); i++ {
		b := r.blocks[i]
		if b.role != roleBody || !transcriberNotesRe.MatchString(b.first().text) {
			continue
		}
		rest := r.blocks[i:]
		if slices.ContainsFunc(rest[1:], func(x *block) bool { return x.role == roleBody && x.kind == shapeHeading }) {
			continue
		}
		for _, x := range rest {
			if x.role == roleBody {
				x.role = roleTrailer
				r.changes.add(moveTranscriberNote, x.first().num, x.last().num)
			}
		}
		break
	}
	// Backwards from the end: navigation words, source lines, printer's
	// imprints, in any order.
	for j := len(r.blocks) - 1; j > start; j-- {
		b := r.blocks[j]
		if b.role != roleBody {
			continue
		}
		switch {
		case b.kind == shapeNavWeak:
			r.dropBlock(b, dropNavigation)
			continue
		case b.kind == shapeAttribution:
			b.role = roleTrailer
			r.changes.add(moveSourceLine, b.first().num, b.last().num)
			continue
		case b.kind == shapeImprint && len(b.lines) <= 3:
			b.role = roleImprint
			r.changes.add(moveTitlePage, b.first().num, b.last().num)
			continue
		}
		break
	}
	// Navigation words at the very top of the body.
	for _, b := range r.blocks[start:] {
		if b.role != roleBody {
			continue
		}
		if b.kind != shapeNavWeak {
			break
		}
		r.dropBlock(b, dropNavigation)
	}
}
