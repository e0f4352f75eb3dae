// Package shape sets runs of text in OpenType fonts: it turns a string into
// positioned glyphs, applying the font's substitutions (ligatures, small
// capitals, old-style figures, language forms) and positioning (kerning,
// marks), and sets each character in the first font of a Stack that has
// it. The shaping is go-text/typesetting's port of HarfBuzz; this package is
// the only one that imports it, and its results are plain integers in font
// units, so that its callers stay free of it.
//
// A Shaper remembers what it has shaped: setting a book shapes the same
// words again and again (every measure of a paragraph, every repeated word),
// and a second request costs a map lookup.
package shape

import (
	"bytes"
	"fmt"
	"iter"
	"sync"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/go-text/typesetting/harfbuzz"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// Font is a parsed font file. It is read-only and safe for concurrent use;
// parse each file once and share it.
type Font struct {
	name string
	font *font.Font
	upem int32
	// ascent and descent are in font units, both positive.
	ascent, descent int32
	advances        []int32 // of every glyph, in font units
	// outlined is the font parsed with its outlines, for the one kind of
	// text HarfBuzz may position by them (see outlinesNeeded), when font
	// was parsed without; nil when font has them.
	outlined func() *font.Font
}

// ParseFont parses a TrueType or OpenType font file; name identifies it in
// messages (a PostScript name such as "GentiumBookPlus-Regular").
func ParseFont(name string, data []byte) (*Font, error) {
	// The font is read without its outlines (glyf and loca) when shaping
	// cannot look at them: go-text parses every outline of a glyf font
	// (two thirds of the time it takes to read a book face), and HarfBuzz
	// reads a glyph's outline only for its extents, which it uses only to
	// place marks when the font's GPOS is not applied (harfbuzz's
	// fallbackMarkPositioning): in a font with GPOS lookups and neither
	// kerx nor morx, for Hebrew text alone (see outlinesNeeded); and for
	// the contour points of kerx and of GPOS anchors of format 2, which
	// it reads only at a size in pixels (Face.Ppem), never set here.
	// Nothing else here reads an outline (TestWithoutOutlines).
	ld, err := ot.NewLoader(withoutOutlines(data))
	if err != nil {
		return nil, fmt.Errorf("shape: font %s: %w", name, err)
	}
	f, err := font.NewFont(ld)
	if err != nil {
		return nil, fmt.Errorf("shape: font %s: %w", name, err)
	}
	var outlined func() *font.Font
	parseWhole := func() (*ot.Loader, *font.Font, error) {
		ld, err := ot.NewLoader(bytes.NewReader(data))
		if err != nil {
			return nil, nil, fmt.Errorf("shape: font %s: %w", name, err)
		}
		f, err := font.NewFont(ld)
		if err != nil {
			return nil, nil, fmt.Errorf("shape: font %s: %w", name, err)
		}
		return ld, f, nil
	}
	if f.GPOS.Lookups == nil || len(f.Kerx) > 0 || len(f.Morx) > 0 {
		if ld, f, err = parseWhole(); err != nil {
			return nil, err
		}
	} else {
		outlined = sync.OnceValue(func() *font.Font {
			_, whole, err := parseWhole()
			if err != nil {
				// The same bytes parsed without their outlines: an
				// error here is a font that cannot work at all.
				panic(err)
			}
			return whole
		})
	}
	face := font.NewFace(f)
	ext, _ := face.FontHExtents()
	out := &Font{name: name, font: f, upem: int32(f.Upem()), ascent: int32(ext.Ascender), descent: -int32(ext.Descender), outlined: outlined}
	// Advances are read once here: go-text reads them through a Face,
	// whose caches are not safe to share.
	raw, err := ld.RawTable(ot.MustNewTag("maxp"))
	if err != nil {
		return nil, fmt.Errorf("shape: font %s: %w", name, err)
	}
	maxp, _, err := tables.ParseMaxp(raw)
	if err != nil {
		return nil, fmt.Errorf("shape: font %s: %w", name, err)
	}
	out.advances = make([]int32, maxp.NumGlyphs)
	for gid := range out.advances {
		out.advances[gid] = int32(face.HorizontalAdvance(font.GID(gid)))
	}
	return out, nil
}

// Name returns the name the font was parsed under.
func (f *Font) Name() string { return f.name }

// UnitsPerEm returns the size of the font's em square in font units: a
// length of u units at size s is u×s/UnitsPerEm.
func (f *Font) UnitsPerEm() int32 { return f.upem }

// Ascent returns the font's ascender height in font units, as its
// horizontal extents give it (OS/2 or hhea, as HarfBuzz chooses).
func (f *Font) Ascent() int32 { return f.ascent }

// Descent returns the font's descender depth in font units, positive.
func (f *Font) Descent() int32 { return f.descent }

// Has reports whether the font maps r to a glyph of its own.
func (f *Font) Has(r rune) bool {
	_, ok := f.font.NominalGlyph(r)
	return ok
}

// Advance returns the advance width of glyph id in font units.
func (f *Font) Advance(id uint16) int32 {
	if int(id) >= len(f.advances) {
		return 0
	}
	return f.advances[id]
}

// Characters yields every character the font maps and the glyph it maps
// it to, in the order of the font's cmap.
func (f *Font) Characters() iter.Seq2[rune, uint16] {
	return func(yield func(rune, uint16) bool) {
		it := f.font.Cmap.Iter()
		for it.Next() {
			r, g := it.Char()
			if !yield(r, uint16(g)) {
				return
			}
		}
	}
}

// NumGlyphs returns the number of glyphs in the font.
func (f *Font) NumGlyphs() int { return len(f.advances) }

// Stack is an ordered list of fonts, so that a book face can be followed by
// faces of matching design for what it lacks: a text is set in the first
// font that has all its characters, or failing one, each character in the
// first font that has it. A Stack is compared by identity: make one per style
// and keep it.
type Stack struct {
	fonts []*Font
}

// NewStack returns the stack of fonts, first choice first.
func NewStack(fonts ...*Font) *Stack {
	if len(fonts) == 0 {
		panic("shape: empty font stack")
	}
	return &Stack{fonts: fonts}
}

// Fonts returns the stack's fonts, first choice first.
func (s *Stack) Fonts() []*Font { return s.fonts }

// Features says which optional OpenType features apply. HarfBuzz's required
// features (ccmp, locl, mark, mkmk and the like) always apply.
type Features uint8

// The optional features. Default is what running text wants.
const (
	Kerning         Features = 1 << iota // kern: pair kerning from GPOS
	Ligatures                            // liga: standard ligatures (fi, fl, ff, ffi, ffl)
	SmallCaps                            // smcp: lower-case letters as small capitals
	CapsToSmallCaps                      // c2sc: capitals as small capitals
	OldStyleFigures                      // onum: old-style (text) figures

	Default = Kerning | Ligatures
)

// Style is how a text is to be shaped: in which fonts, with which features,
// in which language.
type Style struct {
	Stack    *Stack
	Features Features
	// Language is a BCP 47 tag ("en", "ro", "sr", "el"): fonts choose
	// language forms by it (the locl feature). Empty means English.
	Language string
}

// Glyph is one glyph of a shaped run, in the order it is drawn. Lengths are
// in font units of the run's font.
type Glyph struct {
	ID uint16 // the glyph's index in the font
	// Cluster is the byte offset in the text of the first character this
	// glyph sets. A ligature sets several characters: its cluster runs to
	// the next glyph's (or the run's end). Marks positioned on a base share
	// its cluster.
	Cluster  int
	XAdvance int32 // how far the pen moves after the glyph
	XOffset  int32 // where the glyph is drawn relative to the pen
	YOffset  int32 // positive up
}

// Run is a part of the text set in one font.
type Run struct {
	Font       *Font
	Start, End int // byte offsets of the text the run sets
	Glyphs     []Glyph
}

// Advance returns the sum of the run's glyph advances in font units.
func (r *Run) Advance() int64 {
	var a int64
	for _, g := range r.Glyphs {
		a += int64(g.XAdvance)
	}
	return a
}

// Missing is a character that no font of the stack has.
type Missing struct {
	Offset int    // byte offset in the text
	Rune   rune   // the character
	Name   string // its Unicode name, as in "GRINNING FACE"
}

// String formats the character as "U+1F600 GRINNING FACE".
func (m Missing) String() string {
	if m.Name == "" {
		return fmt.Sprintf("U+%04X", m.Rune)
	}
	return fmt.Sprintf("U+%04X %s", m.Rune, m.Name)
}

// Shaped is a shaped text: its runs in order, and the characters no font
// had (each drawn as its font's .notdef glyph). It is shared between every
// caller that shapes the same text in the same style: do not modify it.
type Shaped struct {
	Runs    []Run
	Missing []Missing
}

// Width returns the shaped text's advance width at size, in the unit of
// size (scaled points, say): each run's advance scaled by size/UnitsPerEm,
// truncated.
func (s *Shaped) Width(size int64) int64 {
	var w int64
	for i := range s.Runs {
		r := &s.Runs[i]
		w += r.Advance() * size / int64(r.Font.upem)
	}
	return w
}

// Shaper shapes text and remembers the results. It is safe for concurrent
// use: the results are shared, and each goroutine shapes with state of its
// own drawn from a pool.
type Shaper struct {
	styles  sync.Map // styleKey -> *Styled
	workers sync.Pool
}

// styleKey identifies a Style.
type styleKey struct {
	stack    *Stack
	features Features
	language string
}

// NewShaper returns a Shaper with an empty cache.
func NewShaper() *Shaper {
	return &Shaper{workers: sync.Pool{New: func() any { return newWorker() }}}
}

// Shape shapes text in style. The result is cached: shaping the same text
// in the same style again returns the same *Shaped.
func (s *Shaper) Shape(text string, style Style) *Shaped {
	return s.Styled(style).Shape(text)
}

// Styled returns the Shaper's shaping in one style, whose cache is keyed by
// the text alone: a caller that shapes many texts in a few styles keeps one
// for each and saves hashing the style at every word.
func (s *Shaper) Styled(style Style) *Styled {
	key := styleKey{style.Stack, style.Features, style.Language}
	if v, ok := s.styles.Load(key); ok {
		return v.(*Styled)
	}
	v, _ := s.styles.LoadOrStore(key, &Styled{shaper: s, style: style})
	return v.(*Styled)
}

// Styled shapes text in one style and remembers the results; it is safe
// for concurrent use. Make it with Shaper.Styled.
type Styled struct {
	shaper *Shaper
	style  Style
	cache  sync.Map // text -> *Shaped
}

// Shape shapes text in the style. The result is cached: shaping the same
// text again returns the same *Shaped.
func (s *Styled) Shape(text string) *Shaped {
	if v, ok := s.cache.Load(text); ok {
		return v.(*Shaped)
	}
	w := s.shaper.workers.Get().(*worker)
	out := w.shape(text, s.style)
	s.shaper.workers.Put(w)
	v, _ := s.cache.LoadOrStore(text, out)
	return v.(*Shaped)
}

// worker is one goroutine's shaping state: go-text's faces keep caches that
// are not safe to share, and its buffer and segmenter are reused.
type worker struct {
	buf      *harfbuzz.Buffer
	seg      shaping.Segmenter
	faces    map[*Font]*hbFace
	outlined map[*Font]*harfbuzz.Font // the fonts' outlined versions (Font.outlined)
	runes    []rune
	offsets  []int // byte offset of each rune, and len(text) at the end
	features []harfbuzz.Feature
	fontmap  fontmap
	single   []shaping.Input
	// segmentAlways turns off the one-script shortcut, for tests that
	// compare the two ways.
	segmentAlways bool
}

// hbFace is a Font as one worker shapes with it.
type hbFace struct {
	font *Font
	face *font.Face
	hb   *harfbuzz.Font
}

func newWorker() *worker {
	return &worker{buf: harfbuzz.NewBuffer(), faces: map[*Font]*hbFace{}}
}

func (w *worker) face(f *Font) *hbFace {
	if h, ok := w.faces[f]; ok {
		return h
	}
	face := font.NewFace(f.font)
	h := &hbFace{font: f, face: face, hb: harfbuzz.NewFont(face)}
	w.faces[f] = h
	return h
}

// outlinedFont returns the worker's HarfBuzz font of f's outlined version.
func (w *worker) outlinedFont(f *Font) *harfbuzz.Font {
	if hb, ok := w.outlined[f]; ok {
		return hb
	}
	if w.outlined == nil {
		w.outlined = map[*Font]*harfbuzz.Font{}
	}
	hb := harfbuzz.NewFont(font.NewFace(f.outlined()))
	w.outlined[f] = hb
	return hb
}

// fontmap resolves each character to the first font of a stack that can
// set it, for go-text's segmenter.
type fontmap struct {
	w     *worker
	stack *Stack
	only  *Font // when set, the font for every character
}

// whole returns the first font of the stack that can set every one of
// runes, or nil.
func (m fontmap) whole(runes []rune) *Font {
	for _, f := range m.stack.fonts {
		all := true
		for _, r := range runes {
			if !f.Has(r) && !f.hasDecomposed(r) {
				all = false
				break
			}
		}
		if all {
			return f
		}
	}
	return nil
}

// hasDecomposed reports whether the font maps every character of r's
// canonical decomposition, when r has one.
func (f *Font) hasDecomposed(r rune) bool {
	d := norm.NFD.String(string(r))
	if d == string(r) {
		return false
	}
	for _, c := range d {
		if !f.Has(c) {
			return false
		}
	}
	return true
}

// ResolveFace returns the face of the first font that maps r, or failing
// that the first whose fonts map every character of r's canonical
// decomposition (HarfBuzz decomposes what a font lacks precomposed: Charis
// has no "ά" but sets it as α and a combining acute), or failing that the
// first font, whose .notdef will mark the character as missing.
func (m fontmap) ResolveFace(r rune) *font.Face {
	if m.only != nil {
		return m.w.face(m.only).face
	}
	for _, f := range m.stack.fonts {
		if f.Has(r) {
			return m.w.face(f).face
		}
	}
	for _, f := range m.stack.fonts {
		if f.hasDecomposed(r) {
			return m.w.face(f).face
		}
	}
	return m.w.face(m.stack.fonts[0]).face
}

// featureTags are the OpenType tags of Features, bit by bit.
var featureTags = [...]ot.Tag{
	ot.MustNewTag("kern"), ot.MustNewTag("liga"), ot.MustNewTag("smcp"),
	ot.MustNewTag("c2sc"), ot.MustNewTag("onum"),
}

// defaultOn are the features HarfBuzz applies unless told not to: a
// Features without them turns them off.
const defaultOn = Kerning | Ligatures

func (w *worker) harfbuzzFeatures(f Features) []harfbuzz.Feature {
	w.features = w.features[:0]
	for i, tag := range featureTags {
		bit := Features(1) << i
		on := f&bit != 0
		if on == (defaultOn&bit != 0) {
			continue
		}
		v := uint32(0)
		if on {
			v = 1
		}
		w.features = append(w.features, harfbuzz.Feature{Tag: tag, Value: v, Start: harfbuzz.FeatureGlobalStart, End: harfbuzz.FeatureGlobalEnd})
	}
	return w.features
}

func (w *worker) shape(text string, style Style) *Shaped {
	out := &Shaped{}
	if text == "" {
		return out
	}
	w.runes, w.offsets = w.runes[:0], w.offsets[:0]
	for i, r := range text {
		w.runes = append(w.runes, r)
		w.offsets = append(w.offsets, i)
	}
	w.offsets = append(w.offsets, len(text))
	lang := style.Language
	if lang == "" {
		lang = "en"
	}
	input := shaping.Input{
		Text:      w.runes,
		RunStart:  0,
		RunEnd:    len(w.runes),
		Direction: di.DirectionLTR,
		Language:  language.NewLanguage(lang),
	}
	w.fontmap = fontmap{w: w, stack: style.Stack}
	// A word that one font can set whole is set in it, the first such:
	// resolving each character on its own would set a Greek word in two
	// fonts by turns when the first lacks only some of its letters.
	if f := w.fontmap.whole(w.runes); f != nil {
		w.fontmap.only = f
	}
	features := w.harfbuzzFeatures(style.Features)
	var inputs []shaping.Input
	if script, ok := oneScript(w.runes); ok && w.fontmap.only != nil && !w.segmentAlways {
		// Most words: one font, one left-to-right script. This is what
		// the segmenter finds for them, language included, without its
		// cost (a tenth of a word's).
		input.Face = w.face(w.fontmap.only).face
		input.Script = script
		input.Language = languageFor(lang, script)
		w.single = append(w.single[:0], input)
		inputs = w.single
	} else {
		inputs = w.seg.Split(input, w.fontmap)
	}
	for _, in := range inputs {
		h := w.faceOf(in.Face, style.Stack)
		w.buf.Clear()
		w.buf.AddRunes(w.runes, in.RunStart, in.RunEnd-in.RunStart)
		w.buf.Props.Direction = in.Direction.Harfbuzz()
		w.buf.Props.Script = in.Script
		w.buf.Props.Language = in.Language
		hb := h.hb
		if h.font.outlined != nil && outlinesNeeded(in.Script) {
			hb = w.outlinedFont(h.font)
		}
		w.buf.Shape(hb, features)
		run := Run{Font: h.font, Start: w.offsets[in.RunStart], End: w.offsets[in.RunEnd], Glyphs: make([]Glyph, len(w.buf.Info))}
		for i, info := range w.buf.Info {
			pos := w.buf.Pos[i]
			run.Glyphs[i] = Glyph{
				ID:       uint16(info.Glyph),
				Cluster:  w.offsets[info.Cluster],
				XAdvance: pos.XAdvance,
				XOffset:  pos.XOffset,
				YOffset:  pos.YOffset,
			}
			if info.Glyph == 0 {
				r := w.runes[info.Cluster]
				out.Missing = append(out.Missing, Missing{Offset: w.offsets[info.Cluster], Rune: r, Name: runenames.Name(r)})
			}
		}
		out.Runs = append(out.Runs, run)
	}
	return out
}

// oneScript returns the script of runes when they are all of one strong
// script written left to right, or common to every script (digits,
// punctuation); with none strong, Latin.
func oneScript(runes []rune) (language.Script, bool) {
	script := language.Latin
	strong := false
	for _, r := range runes {
		if r >= 0x0590 && r < 0x0900 || r >= 0xFB1D && r < 0xFE00 || r >= 0xFE70 && r < 0xFF00 {
			return 0, false // Hebrew, Arabic, Syriac, Thaana, N'Ko...: right to left
		}
		sc := language.LookupScript(r)
		if !sc.Strong() {
			continue
		}
		if strong && sc != script {
			return 0, false
		}
		script, strong = sc, true
	}
	return script, true
}

// languageFor returns the language a run of script in a text of language
// lang is shaped in: lang, unless it is not written in script, when the
// script's own language, as go-text's segmenter decides (so that, say,
// Greek words in an English book are shaped as Greek).
func languageFor(lang string, script language.Script) language.Language {
	id, ok := language.NewLangID(language.NewLanguage(lang))
	if !ok {
		return language.NewLanguage(lang)
	}
	if l := language.ScriptToLang[script]; l != 0 && !id.UseScript(script) {
		return l.Language()
	}
	return id.Language()
}

// faceOf returns the worker's hbFace whose go-text face is f.
func (w *worker) faceOf(f *font.Face, stack *Stack) *hbFace {
	for _, fnt := range stack.fonts {
		if h := w.face(fnt); h.face == f {
			return h
		}
	}
	return w.face(stack.fonts[0])
}

// Text returns the part of text (the text the run was shaped from) that
// glyph i sets: from its cluster to the next glyph's cluster, or the run's
// end. A ligature sets several characters ("fi"); a mark shares its base's
// cluster, so the second of the two glyphs gets "".
func (r *Run) Text(text string, i int) string {
	c := r.Glyphs[i].Cluster
	if i > 0 && r.Glyphs[i-1].Cluster == c {
		return ""
	}
	end := r.End
	for j := i + 1; j < len(r.Glyphs); j++ {
		if n := r.Glyphs[j].Cluster; n != c {
			end = n
			break
		}
	}
	return text[c:end]
}
