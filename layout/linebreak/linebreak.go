// Package linebreak breaks paragraphs into lines: the text of a paragraph,
// measured with the book's fonts and hyphenated by Liang's patterns,
// becomes a list of boxes, glue and penalties, and the Knuth–Plass
// optimum-fit algorithm chooses its breaks. It also holds the rule by which
// a paragraph's words are counted (Words), which every writer's account of
// its words follows.
package linebreak

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bindery-editions/bindery/layout/hyphen"

	"github.com/bindery-editions/bindery/layout/unit"
)

// This file breaks paragraphs into lines with the optimum-fit algorithm of
// Donald E. Knuth and Michael F. Plass, "Breaking Paragraphs into Lines",
// Software—Practice and Experience 11 (1981), 1119–1184, as TeX does it
// (TeX: The Program, §813–890): the paragraph becomes a list of boxes, glue
// and penalties; every legal breakpoint is tried against every active
// breakpoint still within reach; the chosen breaks minimise the sum of
// demerits over the whole paragraph. All lengths are integer scaled points.

// kpKind is the kind of a node in the paragraph's list (Knuth–Plass §2).
type kpKind uint8

const (
	kpBox kpKind = iota
	kpGlue
	kpPenalty
)

// kpBreakKind says in which passes a penalty is a legal breakpoint.
type kpBreakKind uint8

const (
	kpBreakAlways      kpBreakKind = iota // ordinary penalties, explicit hyphens and soft hyphens: every pass
	kpBreakHyphenation                    // found by the patterns: from the second pass on, as in TeX
	kpBreakEmergency                      // inside a word too wide for the measure: last pass only
	kpBreakName                           // in a capitalised word (Hyphenator.HyphenateNames): last pass only
)

// Penalty values (Knuth–Plass §2: +∞ forbids a break, −∞ forces one).
const (
	kpInfPenalty = 10000
	kpInfBad     = 10000 // TeX's inf_bad: the badness of an infinitely bad line
)

// kpItem is one box, glue or penalty.
//
// The small fields come first, packed together: a paragraph has thousands
// of items, and the breaker reads them again in every pass.
type kpItem struct {
	kind      kpKind
	fil       bool // glue with infinite stretch (\parfillskip)
	nbsp      bool // penalty: the +∞ penalty that keeps a no-break space from breaking
	flagged   bool // penalty: a hyphenated break (Knuth–Plass's f = 1)
	bk        kpBreakKind
	wordStart bool // box: the box begins its word
	strike    bool // box: the span's Strike
	// lang is the box's span's language (Span.Lang) as an index into the
	// paragraph's languages (spanLangs), 0 for none: a byte kept beside
	// the flags, where the item has room, rather than a string in every
	// item of every paragraph.
	lang uint8

	width   unit.Length
	stretch unit.Length // glue
	shrink  unit.Length // glue
	penalty int         // penalty
	hyphen  string      // penalty: text appended to the line's last piece when broken here
	// post, on a penalty, is what the line after a break here measures
	// more than its boxes say: the rest of a word set anew without the
	// ligature or kerning across the break.
	post unit.Length

	// A box's piece.
	text   string
	style  FontStyle
	size   unit.Length
	rise   unit.Length
	link   string
	word   int    // word index (Words) the box belongs to
	object Object // a span's object, set as this box
}

// Setter breaks paragraphs into lines. Most fields are TeX's parameters of
// the same names, in the same units; NewSetter sets Plain TeX's values except
// where noted. A Setter is not changed by Set, so one may serve many
// goroutines once configured.
//
// Set runs up to four passes, as TeX does (TeX §863), taking the first that
// finds breaks: (1) lines within Pretolerance, no hyphenation; (2) within
// Tolerance, with hyphenation; (3) if EmergencyStretch > 0, the same with
// that much more stretch on every line; (4) a last resort in which every
// line that is not overfull is feasible, its badness is 100r³ without TeX's
// cap at 10000 (so the loosest line is still made as tight as it can be),
// a word wider than the measure may break between any two characters, and
// capitalised words may be hyphenated (Hyphenator.HyphenateNames).
// No pass ever sets an overfull line, so no line is wider than its measure.
type Setter struct {
	m Measurer
	h *hyphen.Hyphenator
	// Languages returns the hyphenator of a span's language (Span.Lang),
	// or nil to hyphenate no word of it: a phrase is hyphenated by its own
	// language's patterns, never by another's. Nil Languages hyphenates
	// every span with the Setter's own. It must be safe for concurrent
	// use, as Set is.
	Languages func(lang string) *hyphen.Hyphenator

	// Pretolerance is the badness limit of the first pass, which does not
	// hyphenate; a negative value skips that pass.
	Pretolerance int
	// Tolerance is the badness limit of the second pass, which hyphenates.
	Tolerance int
	// EmergencyStretch, in ems of the paragraph's size, is added to every
	// line's stretchability in a third pass (TeX 3.0's \emergencystretch).
	// NewSetter leaves it at 0: the extra stretch makes loose lines look
	// cheap, and the last-resort pass, which measures badness truthfully,
	// set the open letter with a tighter loosest line (ratio 2.9 against
	// 3.2 with 1.5em).
	EmergencyStretch float64
	// LinePenalty is added to every line's badness before squaring.
	LinePenalty int
	// HyphenPenalty and ExHyphenPenalty are the penalties of a break at a
	// hyphenation point and after an explicit hyphen or dash.
	HyphenPenalty   int
	ExHyphenPenalty int
	// AdjDemerits are charged when adjacent lines are of fitness classes
	// more than one apart (a tight line after a loose one).
	AdjDemerits int64
	// DoubleHyphenDemerits are charged for two hyphenated lines in a row.
	DoubleHyphenDemerits int64
	// LooseTolerance is the badness limit of a paragraph set with
	// looseness (ParagraphSpec.Looseness): one line longer or shorter to
	// fill a page, it may be set a little looser or tighter than others.
	LooseTolerance int
	// NameRatio is how loose a line must otherwise be set before a name
	// is broken: in the last pass, a break inside a name (a capitalised
	// word, or one of the document's hyphenation list) costs the demerits
	// of a line stretched this much. Names are never broken in the passes
	// within tolerance. At 2 (NewSetter's), with font expansion on, a name
	// breaks rather than leave word spaces twice their width: on the open
	// letter's introduction, three lines of names set at 2.4 times the
	// space without the break, and at most 1.1 with it.
	NameRatio float64
	// StackDemerits are charged when two lines in a row begin, or end,
	// with the same fragment of three letters or more: the stacks that
	// Bringhurst (2.4.3) and Chicago (2.110) ask a compositor to avoid.
	StackDemerits int64
	// RuntDemerits are charged when a paragraph of several lines ends with
	// a lone word shorter than a fifth of the line.
	RuntDemerits int64
	// MaxHyphenRun is the most consecutive lines that may end with a hyphen
	// (inserted or explicit): 2 by default, a common house rule stricter
	// than Bringhurst's three (The Elements of Typographic Style, 2.4.3).
	// It is a hard limit except in the last-resort pass, where it is
	// broken only when nothing else fits. A hyphen at the end of the
	// paragraph's next-to-last line that leaves a word's tail alone on the
	// last is ruled out the same way (Bringhurst 2.4.8: never leave "the
	// stub-end of a hyphenated word" as a paragraph's last line).
	MaxHyphenRun int
	// FinalHyphenDemerits are charged for a hyphen at the end of the
	// paragraph's next-to-last line when the last line holds more than
	// the word's tail (TeX's \finalhyphendemerits; Plain TeX's 5000). A
	// rule there, rather than demerits, left two-line paragraphs with no
	// way to fill their first line but stretching it: in Tolstoy's
	// "Патриотизм и правительство" the line before "средство — пробуждение
	// от гипноза патриотизма." was set with word spaces 2.2 times their
	// width where "сред-" fits.
	FinalHyphenDemerits int64
	// SpaceStretchNum/SpaceStretchDen and SpaceShrinkNum/SpaceShrinkDen are
	// the interword glue's stretch and shrink as fractions of the font's
	// space. NewSetter sets 1/2 and 2/5, where TeX's cmr10 has 1/2 and 1/3:
	// Charis's space is narrower than cmr's (0.29 em against 0.33), the book
	// measure is narrow, and a slightly tight line reads better than a
	// loose one (Bringhurst, ch. 2). On the open letter (10.5 pt, 296 pt
	// measure) shrinking by 2/5 took the 95th percentile of word spaces
	// from 1.56 to 1.49 times the natural space. UseExpansion changes both.
	SpaceStretchNum, SpaceStretchDen int64
	SpaceShrinkNum, SpaceShrinkDen   int64
	// Expansion, in thousandths, lets justified lines stretch or shrink the
	// letters themselves by up to that much, as pdfTeX's font expansion
	// does (Hàn Thế Thành, "Micro-typographic extensions to the TeX
	// typesetting system", 2000; microtype's default limit is 20): the
	// line's flexibility becomes its glue's plus Expansion/1000 of its
	// letters' width, and one ratio drives both. The chosen scale is
	// Line.Expand, which the renderer must apply (PDF's Tz operator) to
	// every piece of the line, so NewSetter leaves it at 0 (off); see
	// UseExpansion.
	Expansion int
	// FinalExpansion, when above Expansion, is the font expansion the
	// last-resort pass may use: a paragraph no setting within the
	// tolerance fits is better set with its letters a little wider than
	// with word spaces twice their width or a name broken.
	FinalExpansion int
	// RaggedStretch, in ems, is the stretch at the end of each line of a
	// ragged (left, right or centred) paragraph, whose word spaces neither
	// stretch nor shrink (TeX's \rightskip=0pt plus 3em; Knuth–Plass,
	// "ragged right").
	RaggedStretch float64
}

// NewSetter returns a Setter measuring with m and hyphenating with h (nil
// for none).
func NewSetter(m Measurer, h *hyphen.Hyphenator) *Setter {
	return &Setter{
		m:                    m,
		h:                    h,
		Pretolerance:         100,
		Tolerance:            200,
		LinePenalty:          10,
		HyphenPenalty:        50,
		ExHyphenPenalty:      50,
		AdjDemerits:          10000,
		DoubleHyphenDemerits: 10000,
		FinalHyphenDemerits:  5000,
		RuntDemerits:         50000,
		StackDemerits:        10000,
		NameRatio:            2,
		LooseTolerance:       400,
		MaxHyphenRun:         2,
		SpaceStretchNum:      1, SpaceStretchDen: 2,
		SpaceShrinkNum: 2, SpaceShrinkDen: 5,
		RaggedStretch: 3,
	}
}

// UseExpansion turns font expansion on, up to limit thousandths (20 is
// microtype's default), for a renderer that draws Line.Expand. As the
// letters now take a share of every adjustment, it gives the word spaces
// less: stretch 1/3 instead of 1/2, and TeX's shrink of 1/3 instead of 2/5,
// so a line's total flexibility stays near TeX's. On the open letter
// (10.5 pt, 296 pt measure) the 95th percentile of word spaces went from
// 1.49 to 1.27 times the natural space, the tightest 5% from 0.69 to 0.76,
// the loosest line from 2.46 to 2.32, and the hyphenated lines from 175 to
// 154. (Expansion 20 with the spaces' flexibility unchanged gave 1.39.)
func (s *Setter) UseExpansion(limit int) {
	s.Expansion = limit
	s.SpaceStretchNum, s.SpaceStretchDen = 1, 3
	s.SpaceShrinkNum, s.SpaceShrinkDen = 1, 3
}

// Superscripts (note references) are set at 0.65 of the size, raised by
// 0.35 of it, close to LaTeX's \textsuperscript.
const (
	superSizeNum, superSizeDen = 13, 20
	superRiseNum, superRiseDen = 7, 20
)

// Set breaks a paragraph into lines. No line is wider than its measure: when
// no set of breaks fits within the tolerances, a last pass accepts any loose
// line and breaks words that are wider than the measure between characters
// (only a single character wider than the whole measure could still
// overflow). A paragraph without words sets no lines.
func (s *Setter) Set(p ParagraphSpec) []Line {
	lines, _ := s.set(p)
	return lines
}

// set is Set, also returning the largest number of active breakpoints any
// pass held at once, which tests use to check that the work per breakpoint
// stays bounded however long the paragraph.
func (s *Setter) set(p ParagraphSpec) ([]Line, int) {
	target := 0 // the line count asked for by looseness
	if p.Looseness != 0 {
		n := p.BestLines
		if n == 0 {
			q := p
			q.Looseness = 0
			best, _ := s.set(q)
			n = len(best)
		}
		target = n + p.Looseness
		if target < 1 {
			return nil, 0
		}
	}
	sc := kpScratchPool.Get().(*kpScratch)
	defer kpScratchPool.Put(sc)
	items := s.items(p, sc.items)
	sc.items = items
	if len(items) == 0 {
		return nil, 0
	}
	restWidth := p.Measure - p.LeftIndent - p.RightIndent
	firstWidth := restWidth - p.FirstIndent
	ragged := p.Align != Justify
	var background unit.Length
	if ragged {
		background = ems(p.Size, s.RaggedStretch)
	}
	emergency := ems(p.Size, s.EmergencyStretch)

	passes := make([]kpPass, 0, 5)
	if s.Pretolerance >= 0 {
		passes = append(passes, kpPass{tolerance: s.Pretolerance, background: background})
	}
	passes = append(passes, kpPass{tolerance: s.Tolerance, hyphenate: p.Hyphenate, background: background})
	if emergency > 0 {
		passes = append(passes, kpPass{tolerance: s.Tolerance, hyphenate: p.Hyphenate, background: background + emergency})
	}
	passes = append(passes, kpPass{tolerance: kpFinalBadMax, hyphenate: p.Hyphenate, background: background + emergency, final: true})

	br := kpBreaker{s: s, sc: sc, items: items, firstWidth: firstWidth, restWidth: restWidth, target: target}
	if !ragged {
		br.expand = max(s.Expansion, 0)
	}
	br.sum()
	if p.Looseness != 0 {
		// Only a setting within the tolerance may be made looser or
		// tighter than the best: none is no setting. The tolerance is
		// LooseTolerance's, as a page filled is worth some looser lines.
		tol := max(s.Tolerance, s.LooseTolerance)
		if p.Strict {
			tol = s.Tolerance
		}
		passes = passes[:0]
		passes = append(passes, kpPass{tolerance: tol, hyphenate: p.Hyphenate, background: background})
	}
	for _, ps := range passes {
		if ps.final {
			sc.emergency = kpEmergencyBreaks(sc.emergency, items, min(firstWidth, restWidth), s.m)
			br.items = sc.emergency
			br.sum()
			if !ragged && s.FinalExpansion > br.expand {
				br.expand = s.FinalExpansion
			}
		}
		if breaks := br.run(ps); breaks != nil {
			return br.lines(p, breaks), br.peak
		}
	}
	return nil, br.peak // with looseness, no setting within the tolerance has that many lines
}

// spanLangs returns the languages of a paragraph's spans, "" (the
// document's) first and then each other in the order met; nil for a
// paragraph without any, as most are. A box's lang indexes it.
func spanLangs(p ParagraphSpec) []string {
	var langs []string
	for i := range p.Spans {
		if l := p.Spans[i].Lang; l != "" && !slices.Contains(langs, l) {
			if langs == nil {
				langs = []string{""}
			}
			if len(langs) <= math.MaxUint8 {
				langs = append(langs, l)
			}
		}
	}
	if langs == nil {
		return noLangs
	}
	return langs
}

// noLangs is the languages of a paragraph without phrases of its own.
var noLangs = []string{""}

// langIndex returns the index of lang among langs (spanLangs), 0 for the
// document's language or one past the 255 a paragraph may have.
func langIndex(langs []string, lang string) uint8 {
	if lang == "" {
		return 0
	}
	return uint8(max(slices.Index(langs, lang), 0))
}

// nameDemerits are the demerits of a broken name: those of a line of the
// last pass stretched by NameRatio.
func (s *Setter) nameDemerits() int64 {
	d := int64(s.LinePenalty + finalBadness(s.NameRatio))
	return d * d
}

// ems converts a length in ems of size to a Length.
func ems(size unit.Length, ems float64) unit.Length {
	return unit.Length(math.Round(float64(size) * ems))
}

// items turns the paragraph's spans into boxes, glue and penalties,
// appending them to dst[:0] (scratch space reused between paragraphs).
func (s *Setter) items(p ParagraphSpec, dst []kpItem) []kpItem {
	ragged := p.Align != Justify
	items := dst[:0]
	w := itemWidths{s: s, size: p.Size, ragged: ragged, langs: spanLangs(p)}
	// Split the concatenated text into words exactly as Words does, in one
	// pass: a word may continue from one span into the next, and the
	// space before a word is set in the style of the span its first
	// whitespace character belongs to.
	words := 0         // words begun so far
	inWord := false    // the last fragment read ends a word not yet closed by whitespace
	wordStart := false // the next box begins its word
	pendingSpace := -1 // the span of the first whitespace after the last word
	// The last word's first letters, to tell a word of one letter (see
	// bound): runes counted up to two, and whether the first is a letter.
	runes, letter := 0, false
	// space appends the space before a word that begins with next (""
	// for an object), unbreakable where bound says so.
	space := func(next string) {
		if bound(p.BindShortWords && runes == 1 && letter, next) {
			items = append(items, kpItem{kind: kpPenalty, penalty: kpInfPenalty, nbsp: true})
		}
		items = append(items, w.space(p.Spans[pendingSpace].Style))
	}
	// count adds a fragment of the current word to runes and letter.
	count := func(frag string) {
		if runes == 0 {
			r, _ := utf8.DecodeRuneInString(frag)
			letter = unicode.IsLetter(r)
		}
		if runes < 2 {
			runes += min(2, utf8.RuneCountInString(frag))
		}
	}
	for si := range p.Spans {
		sp := &p.Spans[si]
		if sp.Object != nil {
			// One box, continuing a word or beginning one.
			if !inWord {
				if words > 0 {
					space("")
				}
				inWord, wordStart = true, true
				words++
				runes = 0
			}
			runes, letter = 2, false // an object is no letter
			items = append(items, kpItem{kind: kpBox, style: sp.Style, size: p.Size, link: sp.Link, word: words - 1, wordStart: wordStart, width: sp.Object.Width(), object: sp.Object})
			wordStart = false
			continue
		}
		if sp.Mark && !inWord && strings.TrimSpace(sp.Text) != "" {
			// A mark after a space is set apart but counts as no word: its
			// box continues the word before it.
			if words > 0 {
				items = append(items, w.space(p.Spans[pendingSpace].Style))
			}
			items, _ = s.fragment(items, &w, p, sp, strings.TrimSpace(sp.Text), max(words-1, 0), false)
			inWord, pendingSpace = true, -1
			continue
		}
		text := sp.Text
		start := 0
		for i := 0; i <= len(text); i++ {
			// Whitespace is ASCII, so bytes suffice: no byte of a
			// multi-byte UTF-8 sequence is ASCII.
			white := i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')
			if i < len(text) && !white {
				continue
			}
			if i > start {
				if !inWord {
					if words > 0 {
						space(text[start:i])
					}
					inWord, wordStart = true, true
					words++
					runes = 0
				}
				count(text[start:i])
				items, wordStart = s.fragment(items, &w, p, sp, text[start:i], words-1, wordStart)
			}
			if white {
				if inWord {
					inWord, pendingSpace = false, -1
				}
				if pendingSpace < 0 {
					pendingSpace = si
				}
			}
			start = i + 1
		}
	}
	if len(items) == 0 {
		return items
	}
	// The end of the paragraph: \parfillskip and a forced break
	// (Knuth–Plass §2, "the end of a paragraph").
	items = append(items,
		kpItem{kind: kpPenalty, penalty: kpInfPenalty},
		kpItem{kind: kpGlue, fil: true},
		kpItem{kind: kpPenalty, penalty: -kpInfPenalty})
	return items
}

// bound reports whether the space before a word beginning with next may
// not end a line: before a word that opens with a full stop, the rest of
// a spaced ellipsis (". . .", whose dots are never parted at a line's
// end: Chicago 13.50), and after a word of one letter when short is true
// (a display line ending in "и" or "a" reads as cut short: Russian
// typography binds one-letter words to the next, and a title is set so
// in any language). The bond is a no-break space's: a run too wide to set
// otherwise may still break there.
func bound(short bool, next string) bool {
	return short || strings.HasPrefix(next, ".")
}

// fragment appends the items of text, the part of word number word that
// lies in span sp, and reports whether the next box still begins the word
// (when text made no box).
func (s *Setter) fragment(items []kpItem, w *itemWidths, p ParagraphSpec, sp *Span, text string, word int, wordStart bool) ([]kpItem, bool) {
	size, rise := StyleSize(sp.Style, p.Size), unit.Length(0)
	if sp.Super {
		size, rise = p.Size*superSizeNum/superSizeDen, p.Size*superRiseNum/superRiseDen
	}
	box := kpItem{kind: kpBox, style: sp.Style, size: size, rise: rise, link: sp.Link, word: word, strike: sp.Strike, lang: langIndex(w.langs, sp.Lang)}
	hyph := p.Hyphenate && !sp.Super
	h := s.h
	if sp.Lang != "" && s.Languages != nil {
		h = s.Languages(sp.Lang)
	}
	// No-break spaces join words into one: unbreakable glue.
	for k := 0; ; k++ {
		part, rest, more := strings.Cut(text, "\u00a0")
		if k > 0 {
			items = append(items, kpItem{kind: kpPenalty, penalty: kpInfPenalty, nbsp: true})
			items = append(items, w.space(sp.Style))
		}
		if part != "" {
			items, wordStart = s.wordPart(items, w, box, part, h, hyph, wordStart)
		}
		if !more {
			return items, wordStart
		}
		text = rest
	}
}

// wordPart appends the boxes of part, a piece of a word between no-break
// spaces in one span, with a penalty at each allowed break: box is the
// template for its boxes, h the hyphenator of the span's language.
func (s *Setter) wordPart(items []kpItem, w *itemWidths, box kpItem, part string, h *hyphen.Hyphenator, hyph bool, wordStart bool) ([]kpItem, bool) {
	// The breaks, in runes: the hyphenator's when hyphenating, and then
	// also those in capitalised words, for the last passes; else only
	// those after explicit and soft hyphens, which are always allowed.
	// Both lists are sorted and never share a position.
	var breaks, names []int
	url := isURL(part)
	switch {
	case url:
		breaks = urlBreaks(part)
	case hyph && h != nil:
		breaks, names = h.Breaks(part)
	default:
		breaks = hyphen.ExplicitBreaks(part)
	}
	soft := strings.Contains(part, "\u00ad") // drawn only where the line breaks
	prev := 0                                // byte offset of the next box's start
	runes, off := 0, 0                       // a rune count and its byte offset in part
	i, j := 0, 0                             // next unused entries of breaks and names
	segs := w.segs[:0]
	for {
		// The next break, merging the two sorted lists; the end of the
		// part ends its last box.
		b, name, end := 0, false, false
		switch {
		case i < len(breaks) && (j >= len(names) || breaks[i] < names[j]):
			b = breaks[i]
			i++
		case j < len(names):
			b, name = names[j], true
			j++
		default:
			end = true
		}
		if end {
			off = len(part)
		} else {
			for ; runes < b; runes++ {
				_, n := utf8.DecodeRuneInString(part[off:])
				off += n
			}
		}
		seg := wordSeg{text: part[prev:off]}
		if soft {
			seg.text = strings.ReplaceAll(seg.text, "\u00ad", "")
		}
		if end {
			segs = append(segs, seg)
			break
		}
		pen := kpItem{kind: kpPenalty, flagged: true}
		switch before, _ := utf8.DecodeLastRuneInString(part[:off]); {
		case url:
			pen.penalty, pen.bk, pen.flagged = s.ExHyphenPenalty, kpBreakAlways, false
		case hyphen.IsExplicitHyphen(before):
			pen.penalty, pen.bk = s.ExHyphenPenalty, kpBreakAlways
		case before == hyphen.SoftHyphen:
			pen.penalty, pen.bk, pen.hyphen = s.HyphenPenalty, kpBreakAlways, "-"
		case name:
			pen.penalty, pen.bk, pen.hyphen = s.HyphenPenalty, kpBreakName, "-"
		default:
			pen.penalty, pen.bk, pen.hyphen = s.HyphenPenalty, kpBreakHyphenation, "-"
		}
		if pen.hyphen != "" {
			pen.width = w.hyphen(box.style, box.size)
		}
		seg.pen, seg.hasPen = pen, true
		segs = append(segs, seg)
		prev = off
	}
	w.segs = segs
	s.measureSegs(w, box.style, box.size, segs)
	for _, seg := range segs {
		if seg.text != "" {
			b2 := box
			b2.text = seg.text
			b2.wordStart = wordStart
			b2.width = seg.width
			items = append(items, b2)
			wordStart = false
		}
		if seg.hasPen {
			items = append(items, seg.pen)
		}
	}
	return items, wordStart
}

// isURL reports whether a word is a web address, which breaks at its
// punctuation and never takes a hyphen: one with a scheme, or a host and a
// path ("example.org/archive/letter.htm").
func isURL(w string) bool {
	if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") {
		return true
	}
	slash := strings.IndexByte(w, '/')
	return slash > 0 && strings.Contains(w[:slash], ".") && len(w) >= 12
}

// urlBreaks returns where a web address may break, in runes: after a
// double slash, and before a single slash, a period, a tilde, an
// underscore, a question mark, a number sign or a percent sign, as The
// Chicago Manual of Style (17th ed., 7.42) asks; never before the
// address's last character, which may be the sentence's punctuation.
func urlBreaks(w string) []int {
	rs := []rune(w)
	var out []int
	for i := 1; i < len(rs)-1; i++ {
		switch {
		case rs[i] == '/' && rs[i-1] == '/':
			if i+1 < len(rs)-1 {
				out = append(out, i+1)
			}
		case rs[i] == '/' && rs[i+1] == '/':
		case strings.ContainsRune("/.~_?#%", rs[i]) && rs[i-1] != ':':
			if len(out) == 0 || out[len(out)-1] < i {
				out = append(out, i)
			}
		}
	}
	return out
}

// wordSeg is a box of a word and the penalty that may follow it.
type wordSeg struct {
	text   string
	width  unit.Length
	pen    kpItem
	hasPen bool
}

// measureSegs measures the boxes of a word. With a PartMeasurer the boxes
// add up to the word's width as it is set whole, kerned and with its
// ligatures; where a break sets the two sides otherwise, its penalty
// carries the difference: the kerning across it, which the line ending
// there loses, or for a ligature, the two sides set anew (in its width for
// the line that ends there, in its post for the line after).
func (s *Setter) measureSegs(w *itemWidths, style FontStyle, size unit.Length, segs []wordSeg) {
	pm, ok := s.m.(PartMeasurer)
	if !ok || len(segs) < 2 {
		for k := range segs {
			if segs[k].text != "" {
				segs[k].width = s.m.Width(style, size, segs[k].text)
			}
		}
		return
	}
	var b strings.Builder
	for _, sg := range segs {
		b.WriteString(sg.text)
	}
	clean := b.String()
	cuts := w.cuts[:0]
	off := 0
	for k := 0; k < len(segs)-1; k++ {
		off += len(segs[k].text)
		if off > 0 && off < len(clean) && (len(cuts) == 0 || cuts[len(cuts)-1] < off) {
			cuts = append(cuts, off)
		}
	}
	w.cuts = cuts
	widths, joins := pm.PartWidths(w.widths[:0], w.joins[:0], style, size, clean, cuts)
	w.widths, w.joins = widths, joins
	var total unit.Length
	for _, x := range widths {
		total += x
	}
	part, c := 0, 0 // the next part and cut
	var prefix unit.Length
	off = 0
	for k := range segs {
		sg := &segs[k]
		if sg.text != "" {
			sg.width = widths[part]
			prefix += sg.width
			part++
		}
		off += len(sg.text)
		if !sg.hasPen {
			continue
		}
		for c < len(cuts) && cuts[c] < off {
			c++
		}
		if c >= len(cuts) || cuts[c] != off {
			continue
		}
		switch j := joins[c]; {
		case j.Ligature:
			head := clean[:off] + sg.pen.hyphen
			sg.pen.width = s.m.Width(style, size, head) - prefix
			sg.pen.post = s.m.Width(style, size, clean[off:]) - (total - prefix)
		case j.Kern != 0:
			sg.pen.width -= j.Kern
		}
	}
}

// itemWidths remembers, for one paragraph, the interword glue and the
// width of a hyphen in the styles and sizes met so far: every word needs
// one or the other, and a paragraph has few styles.
type itemWidths struct {
	s      *Setter
	size   unit.Length
	ragged bool
	langs  []string // the paragraph's languages (spanLangs)

	spaces  []kpItem // the glue in the style of the same index in styles
	styles  []FontStyle
	hyphens []hyphenWidth

	// scratch space of wordPart
	segs   []wordSeg
	cuts   []int
	widths []unit.Length
	joins  []Join
}

type hyphenWidth struct {
	style FontStyle
	size  unit.Length
	width unit.Length
}

// space returns the interword glue in style at the paragraph's size.
func (w *itemWidths) space(style FontStyle) kpItem {
	for i, st := range w.styles {
		if st == style {
			return w.spaces[i]
		}
	}
	g := w.s.space(style, StyleSize(style, w.size), w.ragged)
	w.styles = append(w.styles, style)
	w.spaces = append(w.spaces, g)
	return g
}

// hyphen returns the width of the hyphen that a break adds, in style and
// size.
func (w *itemWidths) hyphen(style FontStyle, size unit.Length) unit.Length {
	for _, h := range w.hyphens {
		if h.style == style && h.size == size {
			return h.width
		}
	}
	width := w.s.m.Width(style, size, "-")
	w.hyphens = append(w.hyphens, hyphenWidth{style, size, width})
	return width
}

// space is the interword glue: the font's space, stretching and shrinking
// by the Setter's fractions of it. A ragged paragraph's spaces neither
// stretch nor shrink. There is no extra space after sentences: French
// spacing, as in most modern books (Bringhurst, ch. 2).
func (s *Setter) space(style FontStyle, size unit.Length, ragged bool) kpItem {
	w := s.m.Width(style, size, " ")
	g := kpItem{kind: kpGlue, width: w}
	if !ragged {
		g.stretch = unit.Length(int64(w) * s.SpaceStretchNum / s.SpaceStretchDen)
		g.shrink = unit.Length(int64(w) * s.SpaceShrinkNum / s.SpaceShrinkDen)
	}
	return g
}

// kpEmergencyBreaks returns items, in dst[:0], with a breakpoint between
// every two characters of each unbreakable run (a word, or words joined by
// no-break spaces) wider than width: the last resort that keeps every line
// within the measure.
func kpEmergencyBreaks(dst, items []kpItem, width unit.Length, m Measurer) []kpItem {
	// Find runs between legal breakpoints of any kind.
	out := dst[:0]
	start := 0
	for i := 0; i <= len(items); i++ {
		legal := i == len(items) ||
			items[i].kind == kpGlue && i > 0 && items[i-1].kind == kpBox ||
			items[i].kind == kpPenalty && items[i].penalty < kpInfPenalty
		if !legal {
			continue
		}
		run := items[start:i]
		var w unit.Length
		for _, it := range run {
			if it.kind != kpPenalty {
				w += it.width
			}
		}
		if i < len(items) && items[i].kind == kpPenalty {
			w += items[i].width // a hyphen added by breaking there
		}
		if w <= width {
			out = append(out, run...)
		} else {
			for _, it := range run {
				switch {
				case it.kind == kpBox && it.object != nil:
					out = append(out, it) // an object does not break
				case it.kind == kpBox:
					first := true
					for _, r := range it.text {
						if !first {
							out = append(out, kpItem{kind: kpPenalty, bk: kpBreakEmergency})
						}
						c := it
						c.text = string(r)
						c.width = m.Width(c.style, c.size, c.text)
						c.wordStart = it.wordStart && first
						out = append(out, c)
						first = false
					}
				case it.kind == kpPenalty && it.nbsp:
					// A no-break space in a run too wide to set: let it break.
					out = append(out, kpItem{kind: kpPenalty, bk: kpBreakEmergency})
				default:
					out = append(out, it)
				}
			}
		}
		if i < len(items) {
			out = append(out, items[i])
		}
		start = i + 1
	}
	return out
}

// kpPass is one attempt at breaking, with TeX's settings for it.
type kpPass struct {
	tolerance  int
	hyphenate  bool        // hyphenation points are breakpoints
	background unit.Length // stretch added to every line
	final      bool        // the last resort: emergency breaks, no hard limits
}

// kpScratch is the working memory of one Set call: the items, their
// running totals and the breakpoint nodes. It is taken from kpScratchPool
// and given back when the lines are set (nothing in the lines points into
// it), so that paragraph after paragraph reuses the same memory, also when
// parts are composed in parallel: each goroutine takes its own.
type kpScratch struct {
	items, emergency []kpItem
	sums             []kpSum
	active, chosen   []*kpNode
	bests            []kpBest
	nodes            kpArena
}

var kpScratchPool = sync.Pool{New: func() any { return new(kpScratch) }}

// kpBest holds the best nodes reaching a break in each class, of one line
// count.
type kpBest struct {
	line  int
	nodes [kpFitnessClasses][4]*kpNode
}

// kpArena hands out nodes from chunks that are kept for the next pass and
// paragraph, instead of allocating each node: a long paragraph makes
// thousands. Nodes stay where they are, so pointers to them hold until
// reset.
type kpArena struct {
	chunks [][]kpNode
	chunk  int // the chunk in use
	used   int // nodes used in it
}

// kpArenaChunk is the number of nodes in a chunk: a few hundred lines'
// worth of breakpoints.
const kpArenaChunk = 512

// reset makes every node free again.
func (a *kpArena) reset() { a.chunk, a.used = 0, 0 }

// new returns a pointer to a copy of n in the arena.
func (a *kpArena) new(n kpNode) *kpNode {
	p := a.next()
	*p = n
	a.take()
	return p
}

// next returns the arena's next free node, to be filled in place (a node
// copied into it would be written and read back at once, which stalls the
// processor); it stays free until take.
func (a *kpArena) next() *kpNode {
	if a.chunk == len(a.chunks) {
		a.chunks = append(a.chunks, make([]kpNode, kpArenaChunk))
	}
	return &a.chunks[a.chunk][a.used]
}

// take takes the node that next returned.
func (a *kpArena) take() {
	if a.used++; a.used == kpArenaChunk {
		a.chunk, a.used = a.chunk+1, 0
	}
}

// kpBreaker holds one paragraph's items and running totals.
type kpBreaker struct {
	s                     *Setter
	sc                    *kpScratch
	items                 []kpItem
	firstWidth, restWidth unit.Length
	expand                int // font expansion limit in thousandths; 0 in ragged paragraphs
	target                int // the line count looseness asks for; 0 for the best
	// sums[i] totals the items[:i].
	sums []kpSum
	peak int // the most active nodes seen at once
	// langs are the paragraph's languages, which a box's lang indexes
	// (spanLangs), for the pieces of its lines.
	langs []string
}

// kpSum is the running total of a paragraph's items up to a point. Its
// fields lie together because a line's are all read at once, from two
// places of the paragraph.
type kpSum struct {
	width, stretch, shrink unit.Length
	fil                    int         // glues of infinite stretch
	boxes                  unit.Length // box widths: what font expansion scales
	nboxes                 int         // box counts: each loses up to 1 sp of shrink to rounding
}

// sum computes the running totals (Knuth–Plass §"the algorithm": sums make
// each line's width a subtraction).
func (br *kpBreaker) sum() {
	br.sc.sums = resize(br.sc.sums, len(br.items)+1)
	br.sums = br.sc.sums
	br.sums[0] = kpSum{}
	for i := range br.items {
		it := &br.items[i]
		t := br.sums[i]
		switch it.kind {
		case kpBox:
			t.width += it.width
			t.boxes += it.width
			t.nboxes++
		case kpGlue:
			t.width += it.width
			t.stretch += it.stretch
			t.shrink += it.shrink
			if it.fil {
				t.fil++
			}
		}
		br.sums[i+1] = t
	}
}

// resize returns s with length n, reusing its array when it is large
// enough; the elements' values are left to the caller to set.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// kpNode is an active (or chosen) breakpoint.
type kpNode struct {
	pos       int // index of the break item; for the paragraph start, -1
	next      int // index of the first item of the line after it
	line      int // lines set up to this break
	fitness   int // of the line ending here
	hyphenRun int // consecutive flagged breaks ending here
	flagged   bool
	demerits  int64
	// violations counts broken rules (a third hyphen in a row, a hyphen
	// before the last line, an overfull line), which only the last-resort
	// pass admits; fewer violations beat any demerits.
	violations int
	ratio      float64
	prev       *kpNode
	// post is the width the line after this break measures more than its
	// boxes (kpItem.post); first and last are the boxes that begin and
	// end the line ending here (-1 for none), to tell stacked fragments.
	post        unit.Length
	first, last int32
	brokenName  bool
}

// better orders two ways of reaching a break: fewer broken rules first,
// then fewer demerits.
func (n *kpNode) better(o *kpNode) bool {
	if n.violations != o.violations {
		return n.violations < o.violations
	}
	return n.demerits < o.demerits
}

// Fitness classes (Knuth–Plass §"fitness classes"; TeX §817).
const (
	kpVeryLoose = iota
	kpLoose
	kpDecent
	kpTight
	kpFitnessClasses
)

// legal reports whether items[i] is a breakpoint in pass ps.
func (br *kpBreaker) legal(i int, ps kpPass) bool {
	it := &br.items[i]
	switch it.kind {
	case kpGlue:
		return i > 0 && br.items[i-1].kind == kpBox
	case kpPenalty:
		if it.penalty >= kpInfPenalty {
			return false
		}
		switch it.bk {
		case kpBreakHyphenation:
			return ps.hyphenate
		case kpBreakEmergency:
			return ps.final
		case kpBreakName:
			return ps.final && ps.hyphenate
		}
		return true
	}
	return false
}

// after returns the index of the first item of the line that follows a
// break at b: glue and penalties after a break are discarded (TeX §879).
func (br *kpBreaker) after(b int) int {
	j := b + 1
	for j < len(br.items) {
		it := &br.items[j]
		if it.kind == kpBox || it.kind == kpPenalty && it.penalty <= -kpInfPenalty {
			break
		}
		j++
	}
	return j
}

// flex is how much letters of total width w may stretch or shrink at an
// expansion limit of e thousandths.
func (br *kpBreaker) flex(w unit.Length, e int) unit.Length { return w * unit.Length(e) / 1000 }

// ExpandWidth returns width w drawn with a line's font expansion of e
// thousandths (Line.Expand), rounded up as the setter rounds it: the
// renderer advances by it between the runs of a piece it draws in parts
// (faked small capitals). Rounding up means a piece made of several boxes
// is never drawn wider than the room its boxes were given.
func ExpandWidth(w unit.Length, e int) unit.Length { return (w*unit.Length(1000+e) + 999) / 1000 }

// kpBadness is TeX's approximation of 100(t/s)³ (TeX §108), capped at kpInfBad.
func kpBadness(t, s unit.Length) int {
	if t == 0 {
		return 0
	}
	if s <= 0 {
		return kpInfBad
	}
	r := int64(t) * 297 / int64(s)
	if r > 1290 {
		return kpInfBad
	}
	return int((r*r*r + 0o400000) / 0o1000000)
}

// kpFinalBadMax caps the last pass's badness, far above TeX's 10000 (a
// ratio of 21): a line's demerits stay below 10¹², so a paragraph's sum
// cannot overflow.
const kpFinalBadMax = 1_000_000

// finalBadness is 100r³ without TeX's cap at 10000 (r ≈ 4.6), for the last
// pass: every line is feasible there, and the cube must keep telling a very
// loose line from a hopeless one so that the loosest line is as tight as it
// can be.
func finalBadness(r float64) int {
	b := 100 * r * r * r
	if b >= kpFinalBadMax {
		return kpFinalBadMax
	}
	return int(math.Round(b))
}

// run tries one pass. It returns the chosen breaks, last first, or nil when
// the pass finds none.
func (br *kpBreaker) run(ps kpPass) []*kpNode {
	br.sc.nodes.reset() // the nodes of a failed pass are no longer needed
	start := br.sc.nodes.new(kpNode{pos: -1, next: 0, fitness: kpDecent, first: -1, last: -1})
	active := append(br.sc.active[:0], start)
	defer func() { br.sc.active = active[:0] }() // keep the grown array
	for b := range br.items {
		if !br.legal(b, ps) {
			continue
		}
		it := &br.items[b]
		forced := it.kind == kpPenalty && it.penalty <= -kpInfPenalty
		last := b == len(br.items)-1
		var penWidth unit.Length
		if it.kind == kpPenalty {
			penWidth = it.width
		}
		// best[fitness][hyphenRun]: the best way to reach b in each class,
		// and with looseness in each class of each line count (TeX §835:
		// with \looseness the line number is part of the class).
		bests := br.sc.bests[:0]
		slot := func(line int) *[kpFitnessClasses][4]*kpNode {
			if br.target == 0 {
				line = 0
			}
			for i := range bests {
				if bests[i].line == line {
					return &bests[i].nodes
				}
			}
			bests = append(bests, kpBest{line: line})
			return &bests[len(bests)-1].nodes
		}
		kept := active[:0]
		var deactivated *kpNode // the best node removed for overfullness, for the last resort
		sb := &br.sums[b]       // the totals up to the break
		for _, a := range active {
			lineWidth := br.restWidth
			if a.line == 0 {
				lineWidth = br.firstWidth
			}
			sa := &br.sums[a.next]
			natural := sb.width - sa.width + penWidth + a.post
			stretch := sb.stretch - sa.stretch + ps.background
			shrink := sb.shrink - sa.shrink
			fil := sb.fil - sa.fil
			if br.expand > 0 {
				flex := br.flex(sb.boxes-sa.boxes+penWidth, br.expand)
				stretch += flex
				// Each box's shrunk width is rounded up (expanded), so
				// count on a scaled point less of shrink per box.
				shrink += max(flex-unit.Length(sb.nboxes-sa.nboxes+1), 0)
			}
			var bad int
			var ratio float64
			switch {
			case natural < lineWidth:
				switch {
				case fil > 0:
					bad = 0
				case stretch > 0:
					bad = kpBadness(lineWidth-natural, stretch)
					if ps.final {
						ratio = float64(lineWidth-natural) / float64(stretch)
						bad = finalBadness(ratio)
					}
				default:
					bad, ratio = kpInfBad, math.Inf(1)
					if ps.final {
						bad = kpFinalBadMax
					}
				}
			case natural > lineWidth:
				if natural-lineWidth > shrink {
					// Overfull: a will never fit a later break either.
					if deactivated == nil || a.better(deactivated) {
						deactivated = a
					}
					continue
				}
				bad = kpBadness(natural-lineWidth, shrink)
			}
			if !forced {
				kept = append(kept, a)
			}
			if bad > ps.tolerance {
				continue
			}
			// The adjustment ratio of a feasible line, left until now
			// to spare a division for each line the pass rejects.
			switch {
			case natural < lineWidth && fil == 0 && stretch > 0 && !ps.final:
				ratio = float64(lineWidth-natural) / float64(stretch)
			case natural > lineWidth:
				ratio = -float64(natural-lineWidth) / float64(shrink)
			}
			// The node is made in the arena's next free place and
			// kept there only if it is the best so far.
			n := br.sc.nodes.next()
			if !br.consider(n, a, b, it, bad, ratio, last, ps) {
				continue
			}
			if last && br.runt(a, b, natural, lineWidth) {
				n.demerits += br.s.RuntDemerits
			}
			run := min(n.hyphenRun, 3)
			best := slot(n.line)
			if old := best[n.fitness][run]; old == nil || n.better(old) {
				best[n.fitness][run] = n
				br.sc.nodes.take()
			}
		}
		active = kept
		added := false
		for k := range bests {
			for f := range bests[k].nodes {
				for _, n := range bests[k].nodes[f] {
					if n != nil {
						n.next = br.after(b)
						active = append(active, n)
						added = true
					}
				}
			}
		}
		br.sc.bests = bests
		br.peak = max(br.peak, len(active))
		if last && added {
			return br.chosen(active, b)
		}
		if len(active) == 0 {
			if !ps.final || deactivated == nil {
				return nil
			}
			// Last resort for a character wider than the measure (nothing
			// else can fail the final pass): TeX's artificial demerits.
			n := br.sc.nodes.new(kpNode{pos: b, next: br.after(b), line: deactivated.line + 1, fitness: kpDecent, demerits: deactivated.demerits, violations: deactivated.violations + 1, prev: deactivated, first: br.firstBox(deactivated.next), last: br.lastBox(b)})
			if it.kind == kpPenalty {
				n.post = it.post
			}
			active = append(active, n)
			if last {
				return br.chosen(active, b)
			}
		}
	}
	return nil
}

// consider computes in n the node for a line from a to a break at b, and
// reports false when the pass forbids it.
func (br *kpBreaker) consider(n, a *kpNode, b int, it *kpItem, bad int, ratio float64, last bool, ps kpPass) bool {
	s := br.s
	fitness := kpDecent
	switch {
	case bad > 99 && ratio > 0:
		fitness = kpVeryLoose
	case bad > 12 && ratio > 0:
		fitness = kpLoose
	case bad > 12:
		fitness = kpTight
	}
	flagged := it.kind == kpPenalty && it.flagged
	// Demerits (Knuth–Plass eq. (7); TeX §859).
	d := int64(s.LinePenalty + bad)
	d *= d
	if it.kind == kpPenalty {
		p := int64(it.penalty)
		switch {
		case p >= 0:
			d += p * p
		case p > -kpInfPenalty:
			d -= p * p
		}
	}
	if flagged && a.flagged {
		d += s.DoubleHyphenDemerits
	}
	if fitness-a.fitness > 1 || a.fitness-fitness > 1 {
		d += s.AdjDemerits
	}
	run := 0
	if flagged {
		run = a.hyphenRun + 1
	}
	violations := a.violations
	if run > s.MaxHyphenRun {
		if !ps.final {
			return false
		}
		violations++
	}
	// A hyphen may not end the paragraph's last full line when the word's
	// tail would stand alone on the last line, which reads badly; with
	// more words after the tail it costs FinalHyphenDemerits.
	if last && a.flagged {
		switch {
		case !br.spaced(a.next, b):
			if !ps.final {
				return false
			}
			violations++
		default:
			d += s.FinalHyphenDemerits
		}
	}
	brokenName := it.kind == kpPenalty && it.bk == kpBreakName
	if brokenName {
		d += s.nameDemerits()
	}
	// The same fragment at the start, or at the end, of two lines in a
	// row stacks into a column the eye catches ("Com-" over "com-").
	first, lastBox := br.firstBox(a.next), br.lastBox(b)
	if s.StackDemerits > 0 && a.pos >= 0 {
		if br.sameText(first, a.first) {
			d += s.StackDemerits
		}
		if br.sameText(lastBox, a.last) {
			d += s.StackDemerits
		}
	}
	// Field by field: a composite literal would be built on the stack and
	// copied, and the copy stalls on reading back what was just written.
	n.pos, n.next, n.line, n.fitness = b, 0, a.line+1, fitness
	n.hyphenRun, n.flagged, n.demerits, n.violations = run, flagged, a.demerits+d, violations
	n.ratio, n.prev = ratio, a
	n.first, n.last, n.brokenName = first, lastBox, brokenName
	n.post = 0
	if it.kind == kpPenalty {
		n.post = it.post
	}
	return true
}

// firstBox returns the index of the box that begins a line starting at
// item i, or -1.
func (br *kpBreaker) firstBox(i int) int32 {
	if i < len(br.items) && br.items[i].kind == kpBox {
		return int32(i)
	}
	return -1
}

// lastBox returns the index of the box that ends a line broken at item b,
// or -1.
func (br *kpBreaker) lastBox(b int) int32 {
	for i := b - 1; i >= 0; i-- {
		switch br.items[i].kind {
		case kpBox:
			return int32(i)
		case kpGlue:
			return -1
		}
	}
	return -1
}

// sameText reports whether boxes i and j hold the same text but for case,
// a fragment of three letters or more.
func (br *kpBreaker) sameText(i, j int32) bool {
	if i < 0 || j < 0 {
		return false
	}
	a, b := br.items[i].text, br.items[j].text
	return len(a) >= 3 && len(a) == len(b) && strings.EqualFold(a, b)
}

// runt reports whether the last line, from a to the end b, is a runt: a
// lone word (no interword glue) shorter than a fifth of the line, which
// leaves a hole under a full paragraph (Bringhurst, ch. 2, on the last
// lines of paragraphs).
func (br *kpBreaker) runt(a *kpNode, b int, natural, lineWidth unit.Length) bool {
	if a.pos < 0 || natural*5 >= lineWidth {
		return false // a one-line paragraph is no runt
	}
	return br.sums[b].width-br.sums[a.next].width == br.sums[b].boxes-br.sums[a.next].boxes // no space in it
}

// spaced reports whether items[from:to] hold interword glue: a line with
// more than one word.
func (br *kpBreaker) spaced(from, to int) bool {
	return br.sums[to].width-br.sums[from].width != br.sums[to].boxes-br.sums[from].boxes
}

// chosen returns the best node at b and its predecessors, last first; with
// looseness, the best of those with the line count asked for (TeX §875
// counts from the pass's own optimum; here it is the paragraph's best
// setting, whichever pass found it), or nil when there is none.
func (br *kpBreaker) chosen(active []*kpNode, b int) []*kpNode {
	var best *kpNode
	for _, n := range active {
		if n.pos == b && (best == nil || n.better(best)) {
			best = n
		}
	}
	if br.target != 0 && best != nil {
		best = nil
		for _, n := range active {
			if n.pos == b && n.line == br.target && (best == nil || n.better(best)) {
				best = n
			}
		}
		if best == nil {
			return nil
		}
	}
	out := br.sc.chosen[:0]
	for n := best; n != nil && n.pos >= 0; n = n.prev {
		out = append(out, n)
	}
	br.sc.chosen = out
	return out
}

// lines sets the chosen breaks (last first) as lines of pieces.
func (br *kpBreaker) lines(p ParagraphSpec, breaks []*kpNode) []Line {
	br.langs = spanLangs(p)
	lines := make([]Line, 0, len(breaks))
	from := 0
	var post unit.Length
	for k := len(breaks) - 1; k >= 0; k-- {
		n := breaks[k]
		first := len(lines) == 0
		ln := br.line(p, from, n.pos, first, post)
		ln.BrokenName = n.brokenName
		if it := &br.items[n.pos]; it.kind == kpPenalty && it.bk == kpBreakEmergency {
			ln.Forced = true
		}
		lines = append(lines, ln)
		from, post = n.next, n.post
	}
	return lines
}

// line sets items[from:to] as one line, to being the break; post is the
// width its first word measures more than its boxes (kpNode.post).
func (br *kpBreaker) line(p ParagraphSpec, from, to int, first bool, post unit.Length) Line {
	brk := &br.items[to]
	width, left := br.restWidth, p.LeftIndent
	if first {
		width, left = br.firstWidth, p.LeftIndent+p.FirstIndent
	}
	natural := br.sums[to].width - br.sums[from].width + post
	if brk.kind == kpPenalty {
		natural += brk.width
	}
	stretch := br.sums[to].stretch - br.sums[from].stretch
	shrink := br.sums[to].shrink - br.sums[from].shrink
	fil := br.sums[to].fil - br.sums[from].fil
	ln := Line{Width: width, Natural: natural, Hyphenated: brk.kind == kpPenalty && brk.hyphen != ""}

	// Justified lines distribute the difference over their glue in
	// proportion to each glue's stretch or shrink, with running rounding so
	// that the line ends exactly at its width; ragged ones keep natural
	// spaces and move instead. With font expansion, the letters take their
	// share first, at the same ratio as the glue (Thành 2000, 3.2), rounded
	// to a whole thousandth, and the glue takes what remains.
	extra := width - natural
	var total unit.Length
	x := left
	expand := 0
	switch {
	case p.Align == Right:
		x += max(extra, 0)
		extra = 0
	case p.Align == Center:
		x += max(extra, 0) / 2
		extra = 0
	case p.Align == Left:
		extra = 0
	case extra > 0 && fil > 0:
		extra = 0 // the last line: \parfillskip takes the rest
	case extra != 0 && br.expand > 0:
		letters := br.sums[to].boxes - br.sums[from].boxes
		if brk.kind == kpPenalty {
			letters += brk.width
		}
		flex := br.flex(letters, br.expand)
		glue := stretch
		if extra < 0 {
			glue = shrink
		}
		if flex+glue > 0 {
			// Whole thousandths, rounded down: when stretching the
			// letters take a little less than their share and the glue,
			// which can always stretch, the rest; when shrinking they
			// take a little more, so the glue is never asked for more
			// shrink than it has.
			r := float64(extra) / float64(flex+glue)
			expand = int(math.Floor(r * float64(br.expand)))
			if extra > 0 {
				expand = int(r * float64(br.expand))
			}
			expand = min(max(expand, -br.expand), br.expand)
		}
		ln.Expand = expand
		// What the letters took, piece by piece as they will be placed.
		var grown unit.Length
		for i := from; i < to; i++ {
			if it := &br.items[i]; it.kind == kpBox {
				grown += ExpandWidth(it.width, expand) - it.width
			}
		}
		if brk.kind == kpPenalty {
			grown += ExpandWidth(brk.width, expand) - brk.width
		}
		extra -= grown
		if extra > 0 {
			total = stretch
		} else {
			total = shrink
		}
		switch {
		case total > 0:
			ln.Ratio = float64(extra) / float64(total)
		case extra > 0:
			ln.Ratio = math.Inf(1)
		}
		if extra < 0 {
			extra = max(extra, -total)
		}
		if total == 0 {
			extra = 0
		}
	case extra > 0:
		total = stretch
		if total > 0 {
			ln.Ratio = float64(extra) / float64(total)
		} else {
			// Nothing to stretch (a lone word): set flush left, and say
			// how bad it is as TeX would, with an infinite ratio.
			ln.Ratio = math.Inf(1)
			extra = 0
		}
	case extra < 0:
		total = shrink
		if total > 0 {
			ln.Ratio = float64(extra) / float64(total)
		}
		extra = max(extra, -total)
	}
	// The boxes of a word set in one style make one piece. Its text is
	// joined once the piece is complete (joined), not box by box.
	ln.Pieces = make([]Piece, 0, br.countPieces(from, to))
	var cum unit.Length
	var done unit.Length
	var prevBox bool
	pieceStart, pieceEnd := -1, -1 // the first and last box of the last piece
	joined := func() {
		if pieceEnd > pieceStart {
			ln.Pieces[len(ln.Pieces)-1].Text = br.joinText(pieceStart, pieceEnd)
		}
	}
	for i := from; i < to; i++ {
		it := &br.items[i]
		switch it.kind {
		case kpBox:
			last := len(ln.Pieces) - 1
			if prevBox && !it.wordStart && last >= 0 && it.object == nil && ln.Pieces[last].Object == nil && ln.Pieces[last].sameFace(it, br.langs[it.lang]) {
				pieceEnd = i
				x += ExpandWidth(it.width, expand)
				continue
			}
			joined()
			pieceStart, pieceEnd = i, i
			word := -1
			if it.wordStart {
				word = it.word
			}
			ln.Pieces = append(ln.Pieces, Piece{X: x, Text: it.text, Style: it.style, Size: it.size, Rise: it.rise, Link: it.link, Word: word, Object: it.object, Strike: it.strike, Lang: br.langs[it.lang]})
			x += ExpandWidth(it.width, expand)
			prevBox = true
		case kpGlue:
			x += it.width + post
			post = 0
			if extra != 0 && total > 0 {
				var part unit.Length
				if extra > 0 {
					part = it.stretch
				} else {
					part = it.shrink
				}
				cum += part
				adj := unit.Length(int64(extra) * int64(cum) / int64(total))
				x += adj - done
				done = adj
			}
			prevBox = false
		}
	}
	joined()
	if ln.Hyphenated && len(ln.Pieces) > 0 {
		ln.Pieces[len(ln.Pieces)-1].Text += brk.hyphen
	}
	return ln
}

// sameFace reports whether box it, in language lang, is drawn like piece
// pc, so that it may continue pc's text.
func (pc *Piece) sameFace(it *kpItem, lang string) bool {
	return pc.Style == it.style && pc.Size == it.size && pc.Rise == it.rise && pc.Link == it.link && pc.Strike == it.strike && pc.Lang == lang
}

// countPieces returns the number of pieces line makes of items[from:to]:
// a box starts a piece unless it continues the word of the box before it
// (with only penalties between) in the same face.
func (br *kpBreaker) countPieces(from, to int) int {
	n := 0
	var piece *kpItem // the box that began the last piece
	prevBox := false
	for i := from; i < to; i++ {
		it := &br.items[i]
		switch it.kind {
		case kpBox:
			if prevBox && !it.wordStart && piece != nil && it.object == nil && piece.object == nil && it.style == piece.style && it.size == piece.size && it.rise == piece.rise && it.link == piece.link && it.strike == piece.strike {
				continue
			}
			n++
			piece, prevBox = it, true
		case kpGlue:
			prevBox = false
		}
	}
	return n
}

// joinText returns the texts of the boxes in items[first:last+1] joined:
// the pieces of one word, between which only penalties stand.
func (br *kpBreaker) joinText(first, last int) string {
	n := 0
	for i := first; i <= last; i++ {
		if it := &br.items[i]; it.kind == kpBox {
			n += len(it.text)
		}
	}
	var b strings.Builder
	b.Grow(n)
	for i := first; i <= last; i++ {
		if it := &br.items[i]; it.kind == kpBox {
			b.WriteString(it.text)
		}
	}
	return b.String()
}
