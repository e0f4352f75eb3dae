package apparatus

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/seed"
)

// Kept is a reading of the copy-text kept on purpose, as written in a
// seed's kept file: a reading a reader may take for an error, which the
// edition prints as the copy-text has it and says why, as critical editions
// account for the readings they retain as well as those they emend.
type Kept struct {
	File string `yaml:"-"` // the kept file, for messages
	Line int    `yaml:"-"` // the entry's line in File

	// Reading is the copy-text's reading, with enough context to match one
	// place in the text, or every place when All is set.
	Reading string `yaml:"reading"`
	All     bool   `yaml:"all"`    // the reading is kept wherever it occurs
	Reason  string `yaml:"reason"` // why it is kept, printed with it
}

// LoadKept reads a kept file: a YAML list of entries with the keys reading,
// all and reason. Errors name the file and the line of the entry at fault.
func LoadKept(file string) ([]Kept, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("kept readings: %w", err)
	}
	return ParseKept(file, data)
}

// ParseKept parses the contents of a kept file; file is used in messages.
// Every problem is reported at once, each at its line and column.
func ParseKept(file string, data []byte) ([]Kept, error) {
	var kept []Kept
	f, err := seed.DecodeYAML(file, data, &kept)
	if err != nil {
		return nil, err
	}
	var problems []seed.Problem
	for i := range kept {
		k := &kept[i]
		at := fmt.Sprintf("[%d]", i)
		k.File, k.Line = file, f.Line(at)
		switch {
		case strings.TrimSpace(k.Reading) == "":
			problems = append(problems, f.ProblemAt(at, "a kept reading needs a reading", "quote the copy-text's words under reading:"))
		case strings.TrimSpace(k.Reason) == "":
			problems = append(problems, f.ProblemAt(at, fmt.Sprintf("kept reading %q gives no reason", k.Reading), "say under reason: why it is kept; the Note on the Text prints it"))
		}
	}
	if len(problems) > 0 {
		return nil, &seed.FileError{Problems: problems}
	}
	return kept, nil
}

// KeptReading is a kept reading found in the text.
type KeptReading struct {
	Kept
	place
	Count int // how many times the text has it: 1 unless All
}

// place is where a reading stands: its part and block, and how many
// letters and digits of the block come before it.
type place struct {
	Section      int    // index of the section in the slice searched
	SectionID    string // its ID
	SectionTitle string // its title as plain text, if it has one
	BlockID      string
	Letters      int
	order        int // the block's position in reading order
	offset       int // byte offset in the block's text, for ordering only
}

// FindKept finds each kept reading in the text secs (after the emendations,
// before typography, as the notes are found), as whole words. A reading
// not found, or found more than once without All, is an error naming the
// kept file and line; all such errors are returned together. The result is
// in reading order of each reading's first place.
func FindKept(secs []model.Section, kept []Kept) ([]KeptReading, error) {
	var out []KeptReading
	var errs []error
	texts := plainTexts{}
	for _, k := range kept {
		var hits []place
		visitTextBlocks(secs, func(v blockVisit) {
			if v.block.Kind == model.Note {
				return
			}
			text := texts.of(v.block)
			for _, off := range findAll(text, k.Reading) {
				if wholeWords(text, off, off+len(k.Reading)) {
					hits = append(hits, place{Section: v.sec, SectionID: secs[v.sec].ID, SectionTitle: secs[v.sec].PlainTitle(),
						BlockID: v.block.ID, Letters: letterCount(text[:off]), order: v.order, offset: off})
				}
			}
		})
		switch {
		case len(hits) == 0:
			errs = append(errs, fmt.Errorf("%s:%d: kept reading matches no place in the text (%q)", k.File, k.Line, k.Reading))
		case len(hits) > 1 && !k.All:
			errs = append(errs, fmt.Errorf("%s:%d: kept reading matches %d places (give more context, or write all: true to keep it everywhere): %q", k.File, k.Line, len(hits), k.Reading))
		default:
			out = append(out, KeptReading{Kept: k, place: hits[0], Count: len(hits)})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].place.before(out[j].place) })
	return out, nil
}

// before reports whether p comes before q in reading order.
func (p place) before(q place) bool {
	if p.order != q.order {
		return p.order < q.order
	}
	return p.offset < q.offset
}
