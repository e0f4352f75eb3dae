package subset

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// closeOver adds to keep every glyph a kept glyph can bring in: the
// components of composite glyphs, and what GSUB can substitute for kept
// glyphs (single, multiple, alternate, ligature and reverse-chaining
// substitutions, in any lookup, whatever feature or context calls it), until
// nothing more is added. Taking every lookup rather than the features a
// reading system turns on keeps more than the text strictly needs, and is
// what makes the subset behave as the full font whatever the stylesheet
// asks (small capitals, old-style figures, ligatures).
func closeOver(keep []bool, f *sfnt, glyphs []span) error {
	subs, err := substitutions(f.tables["GSUB"])
	if err != nil {
		return err
	}
	glyf := f.tables["glyf"]
	done := make([]bool, len(keep)) // glyphs whose components are kept
	for changed := true; changed; {
		changed = false
		add := func(g uint16) {
			if int(g) < len(keep) && !keep[g] {
				keep[g] = true
				changed = true
			}
		}
		for g := range keep {
			if keep[g] && !done[g] {
				done[g] = true
				if err := components(glyf[glyphs[g].start:glyphs[g].end], add); err != nil {
					return fmt.Errorf("subset: glyph %d: %w", g, err)
				}
			}
		}
		for _, s := range subs {
			s.apply(keep, add)
		}
	}
	return nil
}

// Composite glyph flags (OpenType, glyf: "Composite glyph description").
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// components calls add with each component of a composite glyph; a simple
// or empty glyph has none.
func components(glyph []byte, add func(uint16)) error {
	if len(glyph) < 10 || int16(binary.BigEndian.Uint16(glyph)) >= 0 {
		return nil
	}
	at := 10
	for {
		if at+4 > len(glyph) {
			return errors.New("composite glyph cut short")
		}
		flags := binary.BigEndian.Uint16(glyph[at:])
		add(binary.BigEndian.Uint16(glyph[at+2:]))
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}

// substitution is one GSUB subtable, reduced to what the closure needs:
// for each input glyph the glyphs it can become, and for ligatures the
// glyphs that must all be kept for the ligature to be reachable.
type substitution struct {
	outputs   map[uint16][]uint16
	ligatures []ligature
}

type ligature struct {
	glyph      uint16
	components []uint16 // the first included
}

func (s substitution) apply(keep []bool, add func(uint16)) {
	for in, outs := range s.outputs {
		if int(in) < len(keep) && keep[in] {
			for _, o := range outs {
				add(o)
			}
		}
	}
	for _, l := range s.ligatures {
		all := true
		for _, c := range l.components {
			if int(c) >= len(keep) || !keep[c] {
				all = false
				break
			}
		}
		if all {
			add(l.glyph)
		}
	}
}

// GSUB lookup types (OpenType, GSUB).
const (
	gsubSingle           = 1
	gsubMultiple         = 2
	gsubAlternate        = 3
	gsubLigature         = 4
	gsubExtension        = 7
	gsubReverseChainings = 8
)

// substitutions reads every substituting subtable of every lookup of a
// GSUB table (none when the font has no GSUB). Contextual lookups (types 5
// and 6) substitute nothing themselves: they call other lookups, which are
// read in their own right.
func substitutions(gsub []byte) ([]substitution, error) {
	if gsub == nil {
		return nil, nil
	}
	r := reader{b: gsub}
	lookups := r.at(int(r.u16(8)))
	var out []substitution
	for i := range int(lookups.u16(0)) {
		lookup := lookups.at(int(lookups.u16(2 + 2*i)))
		typ := lookup.u16(0)
		for j := range int(lookup.u16(4)) {
			sub := lookup.at(int(lookup.u16(6 + 2*j)))
			t := typ
			if t == gsubExtension {
				t = sub.u16(2)
				sub = sub.at(int(sub.u32(4)))
			}
			if s, ok := readSubstitution(sub, t); ok {
				out = append(out, s)
			}
		}
		if r.firstErr() != nil {
			break
		}
	}
	if err := r.firstErr(); err != nil {
		return nil, fmt.Errorf("subset: GSUB: %w", err)
	}
	return out, nil
}

func readSubstitution(sub reader, typ uint16) (substitution, bool) {
	switch typ {
	case gsubSingle, gsubMultiple, gsubAlternate, gsubLigature, gsubReverseChainings:
	default:
		return substitution{}, false
	}
	s := substitution{outputs: map[uint16][]uint16{}}
	format := sub.u16(0)
	cov := coverage(sub.at(int(sub.u16(2))))
	switch {
	case typ == gsubSingle && format == 1:
		delta := sub.u16(4)
		for _, g := range cov {
			s.outputs[g] = []uint16{g + delta}
		}
	case typ == gsubSingle && format == 2:
		for i, g := range cov {
			s.outputs[g] = []uint16{sub.u16(6 + 2*i)}
		}
	case typ == gsubMultiple || typ == gsubAlternate:
		// A sequence (multiple) and an alternate set have one layout: a
		// count and the glyphs.
		for i, g := range cov {
			set := sub.at(int(sub.u16(6 + 2*i)))
			s.outputs[g] = set.glyphs(0)
		}
	case typ == gsubLigature:
		for i, g := range cov {
			set := sub.at(int(sub.u16(6 + 2*i)))
			for k := range int(set.u16(0)) {
				lig := set.at(int(set.u16(2 + 2*k)))
				n := int(lig.u16(2))
				comps := []uint16{g}
				for c := 1; c < n; c++ {
					comps = append(comps, lig.u16(2+2*c))
				}
				s.ligatures = append(s.ligatures, ligature{lig.u16(0), comps})
			}
		}
	case typ == gsubReverseChainings:
		back := int(sub.u16(4))
		ahead := int(sub.u16(6 + 2*back))
		subst := sub.glyphs(8 + 2*back + 2*ahead)
		for i, g := range cov {
			if i < len(subst) {
				s.outputs[g] = []uint16{subst[i]}
			}
		}
	default:
		return s, false
	}
	return s, true
}

// coverage reads a Coverage table: the glyphs in coverage-index order.
func coverage(c reader) []uint16 {
	switch c.u16(0) {
	case 1:
		return c.glyphs(2)
	case 2:
		var out []uint16
		for i := range int(c.u16(2)) {
			start, end := c.u16(4+6*i), c.u16(6+6*i)
			for g := int(start); g <= int(end); g++ {
				out = append(out, uint16(g))
			}
		}
		return out
	}
	c.fail(fmt.Errorf("coverage format %d", c.u16(0)))
	return nil
}

// reader reads a table at an offset, noting the first read out of bounds
// rather than failing each read, so the parsing code reads as the
// specification's table layouts do. Readers made with at share the error.
type reader struct {
	b   []byte
	off int
	err *error
}

func (r *reader) errp() *error {
	if r.err == nil {
		r.err = new(error)
	}
	return r.err
}

func (r reader) fail(err error) {
	if r.err != nil && *r.err == nil {
		*r.err = err
	}
}

func (r *reader) firstErr() error { return *r.errp() }

func (r reader) u16(at int) uint16 {
	p := r.off + at
	if p < 0 || p+2 > len(r.b) {
		r.fail(fmt.Errorf("read past the end at %d", p))
		return 0
	}
	return binary.BigEndian.Uint16(r.b[p:])
}

func (r reader) u32(at int) uint32 {
	p := r.off + at
	if p < 0 || p+4 > len(r.b) {
		r.fail(fmt.Errorf("read past the end at %d", p))
		return 0
	}
	return binary.BigEndian.Uint32(r.b[p:])
}

// at returns a reader of the table at offset off from this one's start.
func (r *reader) at(off int) reader {
	return reader{b: r.b, off: r.off + off, err: r.errp()}
}

// glyphs reads a count at offset at and that many glyph ids after it.
func (r reader) glyphs(at int) []uint16 {
	n := int(r.u16(at))
	if r.off+at+2+2*n > len(r.b) {
		r.fail(fmt.Errorf("glyph array past the end at %d", r.off+at))
		return nil
	}
	out := make([]uint16, n)
	for i := range out {
		out[i] = r.u16(at + 2 + 2*i)
	}
	return out
}
