package edition

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/bindery-editions/bindery/edition/apparatus"
	"github.com/bindery-editions/bindery/edition/archive"
	"github.com/bindery-editions/bindery/edition/markdown"
	"github.com/bindery-editions/bindery/edition/model"
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
}

// Load reads a seed folder into an Edition: manifest, source text,
// introduction, emendations and notes, then typography and identifiers.
func Load(dir string, opts LoadOptions) (*Book, error) {
	m, err := seed.LoadManifest(dir)
	if err != nil {
		return nil, err
	}
	if len(m.Collection) > 0 {
		return loadCollection(dir, m, opts)
	}
	book := &Book{Dir: dir, Manifest: m}

	// The introduction and the apparatus files do not depend on the text:
	// they are read and parsed while the text is. Their errors are still
	// reported in the order below, the first one winning.
	introduction := start(opts.Workers, func() (model.Section, error) { return readIntroduction(dir, m) })
	emendations := start(opts.Workers, func() ([]apparatus.Emendation, error) {
		return loadApparatus(dir, m.Emendations, apparatus.LoadEmendations)
	})
	noteSets := start(opts.Workers, func() (*apparatus.NoteSet, error) { return loadApparatus(dir, m.Notes, apparatus.LoadNotes) })

	src, err := readText(dir, m)
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

	if m.Emendations != "" {
		ems, err := emendations()
		if err != nil {
			return nil, err
		}
		if book.Applied, err = apparatus.ApplyEmendations(body, ems); err != nil {
			return nil, err
		}
	}

	var notes []model.Block
	var noteSet *apparatus.NoteSet
	if m.Notes != "" {
		if noteSet, err = noteSets(); err != nil {
			return nil, err
		}
		if notes, err = apparatus.AttachNotes(body, noteSet); err != nil {
			return nil, err
		}
	}
	notes = append(src.Notes, notes...)

	intro, err := introduction()
	if err != nil {
		return nil, err
	}
	introWarns := introImages(dir, m, intro, resources)
	book.Warnings = append(book.Warnings, introWarns...)

	meta := metaFrom(m, src, opts)
	ed := &model.Edition{Meta: meta, Resources: resources}
	ed.Body = body

	for _, name := range m.Parts {
		switch name {
		case "titlepage", "imprint", "contents", "introduction":
			ed.Front = append(ed.Front, apparatus.FrontSection(name, meta, intro))
		case "text":
			// the body's place is fixed between front and back matter
		case "note-on-text":
			ed.Back = append(ed.Back, apparatus.NoteOnText(meta, book.Applied, src))
		case "notes":
			if len(notes) > 0 {
				blocks := append([]model.Block(nil), notes...)
				if noteSet != nil {
					if bib := apparatus.Bibliography(noteSet); len(bib) > 0 {
						blocks = append(blocks, model.Block{Kind: model.Heading, Level: 2, Inlines: []model.Inline{model.Str("Sources of the Notes")}, Editorial: true})
						blocks = append(blocks, bib...)
					}
				}
				ed.Back = append(ed.Back, model.Section{ID: "notes", Role: model.RoleEndnotes, Title: []model.Inline{model.Str("Notes")}, Editorial: true, Blocks: blocks})
			}
		case "source":
			ed.Back = append(ed.Back, apparatus.SourceSection(meta, src))
		case "colophon":
			ed.Back = append(ed.Back, apparatus.Colophon(meta))
		}
	}

	// Typography comes after emendations and notes, which match the source's
	// own characters.
	for _, secs := range [][]model.Section{ed.Front, ed.Body, ed.Back} {
		typography.Sections(secs)
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

func readText(dir string, m *seed.Manifest) (*model.Source, error) {
	path, err := seed.ResolveInSeed(dir, m.Text.File)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading source text: %w", err)
	}
	// The manifest has the format, from text.format or the file's name.
	if m.Text.Format == seed.FormatMarkdown {
		return markdown.Read(path, data)
	}
	return archive.Read(path, data)
}

// readIntroduction reads the editorial introduction (Markdown) into one
// section; its own headings become subheadings.
func readIntroduction(dir string, m *seed.Manifest) (model.Section, error) {
	sec := model.Section{ID: "introduction", Role: model.RoleIntroduction, Title: []model.Inline{model.Str("Introduction")}, Editorial: true}
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
	if src.Front.Title != "" {
		sec.Title = []model.Inline{model.Str(src.Front.Title)}
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
			body[i].Title = []model.Inline{model.Str(m.Text.Headings[next])}
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
		Hyphenation:   m.Hyphenation,
		Accessibility: m.Accessibility,
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
		*f = typography.Text(*f)
	}
	meta.Creators = append([]model.Creator(nil), meta.Creators...)
	for i := range meta.Creators {
		meta.Creators[i].Name = typography.Text(meta.Creators[i].Name)
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
