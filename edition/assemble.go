package edition

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/archive"
	"github.com/bindery-editions/bindery/edition/locale"
	"github.com/bindery-editions/bindery/edition/markdown"
	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/printing"
	"github.com/bindery-editions/bindery/edition/seed"
	"github.com/bindery-editions/bindery/edition/typography"
)

// Seed is a seed folder read and assembled: the edition, ready for the
// writers, and what the readers and transforms had to say.
type Book struct {
	Dir      string
	Manifest *seed.Manifest
	Edition  *model.Edition
	Source   *model.Source                 // the body as the reader recognised it
	Applied  []apparatus.AppliedEmendation // emendations applied to the body
	Warnings []model.Warning
}

// LoadOptions are the settings that do not come from the seed itself.
type LoadOptions struct {
	// Modified is the build timestamp; zero means the manifest's edition
	// date. The command line sets it from SOURCE_DATE_EPOCH.
	Modified time.Time
	// Trim overrides the manifest's trim size when not empty.
	Trim string
	// Strict turns warnings (such as missing images) into errors.
	Strict bool
	// Workers is how many goroutines a build may keep busy at once: the
	// budget of its concurrent stages (reading the seed's files, drawing
	// the cover, composing parts, writing the EPUB beside the PDF,
	// compressing pages). 0 means one per processor; 1 runs every stage
	// in turn.
	Workers int
	// Metadata holds manifest values given on the command line (-M,
	// --metadata-file); nil changes nothing.
	Metadata *seed.Metadata
}

// Load reads a seed folder into an Edition: manifest, source text,
// introduction, emendations and notes, then typography and identifiers.
func Load(dir string, opts LoadOptions) (*Book, error) {
	m, err := opts.Metadata.LoadManifest(dir)
	if err != nil {
		return nil, err
	}
	if len(m.Collection) > 0 {
		return loadCollection(dir, m, opts)
	}
	book := &Book{Dir: dir, Manifest: m}
	if m.Language != "" {
		// A seed is read to be set, mostly: the patterns that will
		// hyphenate it are read while it is.
		printing.PreloadLanguage(m.Language)
	}

	// The introduction and the apparatus files do not depend on the text:
	// they are read and parsed while the text is. Their errors are still
	// reported in the order below, the first one winning.
	introduction := start(opts.Workers, func() (model.Section, error) { return readIntroduction(dir, m) })
	emendations := start(opts.Workers, func() ([]apparatus.Emendation, error) {
		return loadApparatus(dir, m.Emendations, apparatus.LoadEmendations)
	})
	noteSets := start(opts.Workers, func() (*apparatus.NoteSet, error) { return loadApparatus(dir, m.Notes, apparatus.LoadNotes) })
	keptReadings := start(opts.Workers, func() ([]apparatus.Kept, error) { return loadApparatus(dir, m.Kept, apparatus.LoadKept) })

	src, sum, err := readText(dir, m)
	if err != nil {
		return nil, err
	}
	book.Source = src
	book.Warnings = append(book.Warnings, src.Warnings...)
	resources, warns := readImages(dir, m, src)
	book.Warnings = append(book.Warnings, warns...)
	if err := strictCheck(opts, book.Warnings); err != nil {
		return nil, err
	}

	body := src.Sections
	if len(body) == 0 {
		return nil, fmt.Errorf("%s: no body text found", src.File)
	}
	if err := applyHeadings(dir, m, body); err != nil {
		return nil, err
	}
	// The body's ids are fixed before emendations and notes change it, so
	// the apparatus can name the blocks it touches.
	for i := range body {
		body[i].Role = model.RoleChapter
		if body[i].ID == "" {
			body[i].ID = fmt.Sprintf("part-%d", i+1)
		}
	}
	assignIDs(body)
	// The lines printed under the text go to the Source page; they are
	// given ids of their own so that they can be emended and cited too.
	trailer := src.Trailer
	received := make([]string, len(trailer))
	for i := range trailer {
		if trailer[i].ID == "" {
			trailer[i].ID = fmt.Sprintf("%s-%d", apparatus.SourceLineID, i+1)
		}
		received[i] = model.PlainText(trailer[i].Inlines)
	}

	if m.Emendations != "" {
		ems, err := emendations()
		if err != nil {
			return nil, err
		}
		text := append(body[:len(body):len(body)], model.Section{ID: apparatus.SourceLineID, Blocks: trailer})
		if book.Applied, err = apparatus.ApplyEmendations(text, ems); err != nil {
			return nil, err
		}
		// A join in the text changes a section's list of blocks.
		copy(body, text)
		trailer = text[len(body)].Blocks
	}
	var kept []apparatus.KeptReading
	if m.Kept != "" {
		ks, err := keptReadings()
		if err != nil {
			return nil, err
		}
		if kept, err = apparatus.FindKept(body, ks); err != nil {
			return nil, err
		}
	}

	var notes []model.Block
	var noteSet *apparatus.NoteSet
	if m.Notes != "" {
		if noteSet, err = noteSets(); err != nil {
			return nil, err
		}
		noteSet.Words = locale.Book(m.Language, m.Strings)
		if notes, err = apparatus.AttachNotes(body, noteSet); err != nil {
			return nil, err
		}
		book.Warnings = append(book.Warnings, noteSet.Warnings()...)
	}
	notes = append(src.Notes, notes...)

	intro, err := introduction()
	if err != nil {
		return nil, err
	}
	apparatus.LinkCitations([]model.Section{intro}, noteSet)

	// Typography comes after emendations and notes, which match the
	// source's own characters, and before the Note on the Text, which
	// names the kinds of change it made and cites the words of the text
	// as printed.
	changes := apparatus.SilentChanges{Before: apparatus.SurveyText(body, trailer)}
	typography.Sections(body, m.Language)
	typography.Blocks(trailer, m.Language)
	changes.After = apparatus.SurveyText(body, trailer)
	introWarns := introImages(dir, m, intro, resources)
	book.Warnings = append(book.Warnings, introWarns...)

	meta := metaFrom(m, src, opts)
	book.Warnings = append(book.Warnings, untranslated(m)...)
	ed := &model.Edition{Meta: meta, Resources: resources}
	ed.Body = body

	for _, name := range m.Parts {
		switch name {
		case "titlepage", "imprint", "contents", "introduction":
			ed.Front = append(ed.Front, apparatus.FrontSection(name, meta, intro, m.Parts))
		case "text":
			// the body's place is fixed between front and back matter
		case "note-on-text":
			record := apparatus.TextRecord{
				Meta:     meta,
				CopyText: apparatus.CopyText{URL: m.Edition.SourceURL, Retrieved: m.Edition.Retrieved, SHA256: sum},
				Source:   src, Body: body, Applied: book.Applied, Kept: kept, Changes: changes,
			}
			if slices.Contains(m.Parts, "source") {
				record.Trailer, record.TrailerReceived = trailer, received
			}
			ed.Back = append(ed.Back, apparatus.NoteOnText(record))
		case "notes":
			if len(notes) > 0 {
				ed.Back = append(ed.Back, model.Section{ID: "notes", Role: model.RoleEndnotes, Title: []model.Inline{model.Str(apparatus.Words(meta).T(locale.Notes))}, Editorial: true, Blocks: notes})
			}
			if works, ok := apparatus.WorksCited(noteSet); ok {
				ed.Back = append(ed.Back, works)
			}
		case "source":
			if sec, ok := apparatus.SourceSection(meta, trailer, body, m.Parts); ok {
				ed.Back = append(ed.Back, sec)
			}
		case "colophon":
			ed.Back = append(ed.Back, apparatus.Colophon(meta))
		}
	}

	// The generated matter, the introduction and the notes get the text's
	// typography; the text and the lines under it already have it.
	typography.Sections(ed.Front, meta.Language)
	for i := range ed.Back {
		typesetGenerated(&ed.Back[i], meta.Language)
	}
	book.Warnings = append(book.Warnings, finishConstructs(dir, m, src, ed)...)
	AssignIDs(ed)
	book.Warnings = append(book.Warnings, checkLinks(ed, src.File)...)
	if err := strictCheck(opts, book.Warnings); err != nil {
		return nil, err
	}
	book.Edition = ed
	return book, nil
}

// untranslated warns when the book's language has no table of the
// edition's own words, which are then English.
func untranslated(m *seed.Manifest) []model.Warning {
	if _, err := locale.For(m.Language); errors.Is(err, locale.ErrNoTable) {
		p := m.ProblemAt("language", fmt.Sprintf("language %q: %v (edition/locale has %s); the manifest's strings: can give each", m.Language, locale.ErrNoTable, strings.Join(locale.Languages(), ", ")), "")
		return []model.Warning{{File: p.File, Line: p.Line, Col: p.Col, Message: p.Message}}
	}
	return nil
}

// loadApparatus reads the apparatus file the manifest names (emendations,
// notes) with load; nothing when it names none.
func loadApparatus[T any](dir, name string, load func(path string) (T, error)) (T, error) {
	var none T
	if name == "" {
		return none, nil
	}
	path, err := seed.ResolveInSeed(dir, name)
	if err != nil {
		return none, err
	}
	return load(path)
}

// start runs f in its own goroutine, or at once when the worker budget is
// one, and returns a function that waits for its result; the function may
// be called any number of times, from any goroutine.
func start[T any](workers int, f func() (T, error)) func() (T, error) {
	if workers == 1 {
		v, err := f()
		return func() (T, error) { return v, err }
	}
	done := make(chan struct{})
	var v T
	var err error
	go func() {
		defer close(done)
		v, err = f()
	}()
	return func() (T, error) {
		<-done
		return v, err
	}
}

// typesetGenerated gives a back-matter section the text's typography,
// leaving out the lines under the text (the Source page's), which were
// typeset with the text.
func typesetGenerated(sec *model.Section, lang string) {
	sec.Title = typography.Inlines(sec.Title, lang)
	for i := range sec.Blocks {
		if !strings.HasPrefix(sec.Blocks[i].ID, apparatus.SourceLineID+"-") {
			typography.Blocks(sec.Blocks[i:i+1], lang)
		}
	}
}

// readText reads the copy-text; sum is the hex SHA-256 of its bytes, as
// received, which the Note on the Text prints.
func readText(dir string, m *seed.Manifest) (src *model.Source, sum string, err error) {
	path, err := seed.ResolveInSeed(dir, m.Text.File)
	if err != nil {
		return nil, "", err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("reading source text: %w", err)
	}
	sum = fmt.Sprintf("%x", sha256.Sum256(data))
	// The manifest has the format, from text.format or the file's name.
	if m.Text.Format == seed.FormatMarkdown {
		src, err = markdown.Read(path, data)
	} else {
		src, err = archive.Read(path, data)
	}
	return src, sum, err
}

// readIntroduction reads the editorial introduction (Markdown) into one
// section; its own headings become subheadings.
func readIntroduction(dir string, m *seed.Manifest) (model.Section, error) {
	title := locale.Book(m.Language, m.Strings).T(locale.Introduction)
	sec := model.Section{ID: "introduction", Role: model.RoleIntroduction, Title: []model.Inline{model.Str(title)}, Editorial: true}
	if m.Introduction == "" {
		return sec, nil
	}
	path, err := seed.ResolveInSeed(dir, m.Introduction)
	if err != nil {
		return sec, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return sec, fmt.Errorf("reading introduction: %w", err)
	}
	src, err := markdown.Read(path, data)
	if err != nil {
		return sec, err
	}
	switch {
	case src.Front.Title != "":
		sec.Title = []model.Inline{model.Str(src.Front.Title)}
	case len(src.Title) > 0 && (len(src.Sections) == 0 || src.Sections[0].PlainTitle() != src.Title[0]):
		// A lone "#" heading over the introduction's own headings is
		// its title (markdown.Read), which no part keeps.
		sec.Title = []model.Inline{model.Str(src.Title[0])}
	}
	for _, s := range src.Sections {
		if len(s.Title) > 0 {
			sec.Blocks = append(sec.Blocks, model.Block{Kind: model.Heading, Level: 2, Inlines: s.Title})
		}
		sec.Blocks = append(sec.Blocks, s.Blocks...)
	}
	if len(src.Notes) > 0 {
		sec.Blocks = append(sec.Blocks, src.Notes...)
	}
	// The introduction's footnotes are numbered apart from the text's:
	// prefix their ids so the two sets never collide.
	secs := []model.Section{sec}
	prefixIDs(secs, "intro-")
	secs[0].ID = sec.ID
	return secs[0], nil
}

// applyHeadings gives untitled body sections the manifest's editorial
// headings, in order.
func applyHeadings(dir string, m *seed.Manifest, body []model.Section) error {
	untitled := 0
	for _, s := range body {
		if len(s.Title) == 0 {
			untitled++
		}
	}
	if len(m.Text.Headings) == 0 {
		return nil
	}
	if len(m.Text.Headings) != untitled {
		return fmt.Errorf("%s: text.headings gives %d headings but the text has %d untitled parts; give one heading per part",
			filepath.Join(dir, seed.ManifestName), len(m.Text.Headings), untitled)
	}
	next := 0
	for i := range body {
		if len(body[i].Title) == 0 {
			h := m.Text.Headings[next]
			if strings.TrimSpace(h.Title) == "" {
				return fmt.Errorf("%s: text.headings[%d] has no title; write the heading, or {title: ..., short-title: ...}",
					filepath.Join(dir, seed.ManifestName), next)
			}
			body[i].Title = []model.Inline{model.Str(h.Title)}
			body[i].RunningHead = strings.TrimSpace(h.ShortTitle)
			body[i].Editorial = true
			next++
		}
	}
	return nil
}

func metaFrom(m *seed.Manifest, src *model.Source, opts LoadOptions) model.Meta {
	meta := model.Meta{
		Slug:          m.Slug,
		Title:         m.Title,
		Subtitle:      m.Subtitle,
		Creators:      m.Creators,
		Language:      m.Language,
		Identifier:    m.Identifier,
		Description:   m.Description,
		Subjects:      m.Subjects,
		Publisher:     m.Edition.Publisher,
		Date:          m.Edition.Date,
		Rights:        m.Edition.Rights,
		Source:        m.Edition.Source,
		Trim:          m.Edition.Trim,
		ISBN:          m.Edition.ISBN,
		Price:         m.Edition.Price,
		Margins:       m.Edition.Margins,
		LineNumbers:   m.Edition.LineNumbers,
		Hyphenation:   m.Hyphenation,
		Strings:       m.Strings,
		Accessibility: m.Accessibility,
		EmbedFonts:    m.EPUB.EmbedFonts,
		Original: model.Original{
			Publisher:  m.Original.Publisher,
			Place:      m.Original.Place,
			Year:       m.Original.Year,
			Date:       m.Original.Date,
			FirstPrint: m.Original.FirstPrint,
		},
	}
	if opts.Trim != "" {
		meta.Trim = opts.Trim
	}
	// Display text from the manifest gets the same typography as the text.
	for _, f := range []*string{&meta.Title, &meta.Subtitle, &meta.Description, &meta.Rights, &meta.Source, &meta.Original.Publisher} {
		*f = typography.Text(*f, meta.Language)
	}
	meta.Creators = append([]model.Creator(nil), meta.Creators...)
	for i := range meta.Creators {
		meta.Creators[i].Name = typography.Text(meta.Creators[i].Name, meta.Language)
	}
	meta.Modified = opts.Modified
	if meta.Modified.IsZero() {
		if t, err := time.Parse("2006-01-02", m.Edition.Date); err == nil {
			meta.Modified = t.UTC()
		}
	}
	return meta
}

// AssignIDs gives every block a stable identifier derived from its section
// and position ("part-2-14"), keeping ids a reader already set (notes).
func AssignIDs(ed *model.Edition) {
	for _, secs := range [][]model.Section{ed.Front, ed.Body, ed.Back} {
		assignIDs(secs)
	}
}

func assignIDs(secs []model.Section) {
	for i := range secs {
		n := 0
		var walk func(bs []model.Block)
		walk = func(bs []model.Block) {
			for j := range bs {
				n++
				if bs[j].ID == "" {
					bs[j].ID = fmt.Sprintf("%s-%d", secs[i].ID, n)
				}
				walk(bs[j].Children)
			}
		}
		walk(secs[i].Blocks)
	}
}
