package document

// Result is what a setting reports of the pages it set.
type Result struct {
	Pages      int         // physical page count, even
	PageStarts []PageStart // one per page, in page order
	BlockPages []BlockPage // the page each block begins on, in reading order
	// Words counts the words set on the pages, by block ID (and part titles
	// by their TitleID): what pagination placed, so a block it could not
	// place, or placed in part, shows with fewer words than it has. Words
	// are counted as Words counts them, once each, however they break.
	Words map[string]int
	// BlockLines are the printed lines of every block, in reading order:
	// the page and line on the page each begins, for an apparatus that
	// cites "page.line" (see BlockLine).
	BlockLines []BlockLine
	// Missing are the characters no face of the book has, set as U+FFFD
	// (the replacement character) in their stead. A caller that must not
	// print a book with them treats them as errors: layout knows blocks,
	// not source files, so the caller maps each to where it was written.
	Missing []MissingChar
	// BrokenNames are the lines that end inside a name the hyphenation
	// rules protect, broken because no setting without the break keeps
	// the word spaces within bounds (see linebreak.Setter.NameRatio).
	BrokenNames []BrokenName
	// WideTables are the tables, in reading order, whose columns do not
	// fit the measure even at the smallest size layout sets a table at
	// with every word whole: they are set wider than the measure, into the
	// margins, rather than with numbers broken between their digits. The
	// caller maps each to where it was written.
	WideTables []WideTable
	Stats      Stats
	// Warnings are what the setting has to say that does not stop it,
	// such as a language without hyphenation patterns.
	Warnings []string
}

// PageStart records where a printed page begins in the text, so the EPUB can
// carry the print edition's page list.
type PageStart struct {
	Page  int    // physical page, 1-based
	Label string // the folio as printed and in /PageLabels: "iv", "17"
	// BlockID is the block whose text the page opens with; on a page of a
	// part that sets no block (the contents), the part's ID; on a blank
	// page, empty.
	BlockID string
	Word    int // index of the first word on the page among the block's words (see Words)
}

// BlockLine is one printed line of a block's text: the page it stands on
// and its number there, counting the lines of text of the page's text block
// from 1 (running heads, folios and the notes at the foot not counted;
// headings and the lines of every block are), as an apparatus cites a
// passage ("17.12"; with line numbers in the margin, every fifth line
// printed, see Document.LineNumbers).
type BlockLine struct {
	BlockID string
	Word    int    // the first word on the line among the block's words (see Words)
	Page    int    // physical page, 1-based
	Label   string // the folio as printed
	Line    int    // 1-based, on the page
}

// MissingChar is a character no face of the book has.
type MissingChar struct {
	BlockID string
	Offset  int    // byte offset in the block's text (its spans joined)
	Rune    rune   // the character
	Name    string // as "U+1F600 GRINNING FACE"
}

// BrokenName is a line that ends inside a protected name.
type BrokenName struct {
	BlockID string
	Text    string // the line's last piece, as "Solzhenit-"
}

// WideTable is a table set wider than the measure.
type WideTable struct {
	BlockID string
	// Broken is set when its words did not fit even over the margins, so
	// that the longest words of its widest columns are broken.
	Broken bool
}

// BlockPage is the printed page on which a block's first line falls, for
// page references such as the Note on the Text's list of emendations.
type BlockPage struct {
	BlockID string
	Page    int    // physical page, 1-based
	Label   string // the folio as printed
}

// Stats are measurements of the setting, for tests and reports.
type Stats struct {
	// ShortPages are the folios of the pages whose text and notes do not
	// fill the text block although their part goes on after them: a book
	// set flush bottom has none.
	ShortPages      []string
	Lines           int
	HyphenatedLines int
	MaxHyphenRun    int
	Widows          int
	Orphans         int
}
