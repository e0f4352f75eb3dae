package shape

import (
	"encoding/binary"
	"io"

	"github.com/go-text/typesetting/language"
)

// outlinesNeeded reports whether HarfBuzz may read glyph outlines to shape
// a run of script in a font with GPOS lookups and neither kerx nor morx:
// it places marks by the glyphs' extents (fallbackMarkPositioning) only
// when it does not apply the font's GPOS, and with such a font that
// happens only when the script's shaper names a GPOS script the font's
// layout did not choose, which only the Hebrew shaper does (go-text
// harfbuzz, ot_shape.go: disableGpos; HarfBuzz issue 347).
func outlinesNeeded(script language.Script) bool { return script == language.Hebrew }

// withoutOutlines returns the font file data as a go-text resource in
// which the table directory names no glyf and no loca table: their
// records are renamed, so that the rest of the file reads as it is.
func withoutOutlines(data []byte) *patchedFile {
	f := &patchedFile{data: data}
	// The table directory (OpenType, "Table directory"): the sfnt
	// version, numTables, three search fields, then a 16-byte record a
	// table, its tag first. A file too short for it, or a collection, is
	// left whole, for the loader to judge.
	if len(data) < 12 {
		return f
	}
	n := int(binary.BigEndian.Uint16(data[4:6]))
	end := 12 + 16*n
	if end > len(data) {
		return f
	}
	var head []byte
	for i := range n {
		rec := 12 + 16*i
		var tag string
		switch string(data[rec : rec+4]) {
		case "glyf":
			tag = "xgly" // no table of OpenType's
		case "loca":
			tag = "xloc"
		default:
			continue
		}
		if head == nil {
			head = append([]byte(nil), data[:end]...)
		}
		copy(head[rec:rec+4], tag)
	}
	f.head = head
	return f
}

// patchedFile reads data with its first len(head) bytes replaced by head.
type patchedFile struct {
	data, head []byte
	pos        int64
}

func (f *patchedFile) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, io.ErrUnexpectedEOF
	}
	if off >= int64(len(f.data)) {
		return 0, io.EOF
	}
	n := copy(p, f.data[off:])
	if off < int64(len(f.head)) {
		copy(p, f.head[off:])
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (f *patchedFile) Read(p []byte) (int, error) {
	n, err := f.ReadAt(p, f.pos)
	f.pos += int64(n)
	if err == io.EOF && n > 0 {
		err = nil
	}
	return n, err
}

func (f *patchedFile) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += f.pos
	case io.SeekEnd:
		offset += int64(len(f.data))
	default:
		return 0, io.ErrUnexpectedEOF
	}
	if offset < 0 {
		return 0, io.ErrUnexpectedEOF
	}
	f.pos = offset
	return offset, nil
}
