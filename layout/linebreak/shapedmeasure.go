package linebreak

import (
	"fmt"
	"github.com/bindery-editions/bindery/layout/unit"
	"sync"

	"github.com/bindery-editions/bindery/fonts"
	"github.com/bindery-editions/bindery/layout/shape"
)

// ShapedMeasurer measures text as package shape sets it in Gentium Book
// Plus: kerned, with standard ligatures, and SmallCaps with the font's own
// small capitals (smcp) instead of reduced capitals. Each face is parsed on
// its first use (parsing one takes a few milliseconds), and every word
// shaped is remembered, so measuring a word again costs a map lookup.
//
// A ShapedMeasurer is safe for concurrent use.
type ShapedMeasurer struct {
	shaper *shape.Shaper
	faces  [4]func() (*shape.Font, error)
	stacks [4]func() *shape.Stack
	styled [SmallCaps + 1]func() *shape.Styled
}

// NewShapedMeasurer returns a measurer of the Gentium Book Plus faces.
func NewShapedMeasurer() *ShapedMeasurer {
	m := &ShapedMeasurer{shaper: shape.NewShaper()}
	for _, f := range fonts.Faces {
		m.faces[f] = sync.OnceValues(func() (*shape.Font, error) {
			tf := fonts.GentiumBookPlus
			font, err := shape.ParseFont(tf.PostScriptName(f), tf.TrueType(f))
			if err != nil {
				return nil, fmt.Errorf("measure: %w", err)
			}
			return font, nil
		})
		m.stacks[f] = sync.OnceValue(func() *shape.Stack {
			font, err := m.faces[f]()
			if err != nil {
				// The fonts are embedded in the program: a parse
				// error is a build that cannot work at all.
				panic(err)
			}
			return shape.NewStack(font)
		})
	}
	for style := range m.styled {
		m.styled[style] = sync.OnceValue(func() *shape.Styled { return m.shaper.Styled(m.style(FontStyle(style))) })
	}
	return m
}

// style maps a FontStyle to the face and features that set it.
func (m *ShapedMeasurer) style(style FontStyle) shape.Style {
	features := shape.Default
	if style == SmallCaps {
		features |= shape.SmallCaps
	}
	return shape.Style{Stack: m.stacks[FontFace(style)](), Features: features}
}

// Shape returns text shaped in style, for drawing what was measured.
func (m *ShapedMeasurer) Shape(style FontStyle, text string) *shape.Shaped {
	return m.styled[style]().Shape(text)
}

// Width implements Measurer.
func (m *ShapedMeasurer) Width(style FontStyle, size unit.Length, text string) unit.Length {
	return unit.Length(m.Shape(style, text).Width(int64(size)))
}

// Ascent implements Measurer.
func (m *ShapedMeasurer) Ascent(style FontStyle, size unit.Length) unit.Length {
	f := m.stacks[FontFace(style)]().Fonts()[0]
	return size * unit.Length(f.Ascent()) / unit.Length(f.UnitsPerEm())
}

// Descent implements Measurer.
func (m *ShapedMeasurer) Descent(style FontStyle, size unit.Length) unit.Length {
	f := m.stacks[FontFace(style)]().Fonts()[0]
	return size * unit.Length(f.Descent()) / unit.Length(f.UnitsPerEm())
}
