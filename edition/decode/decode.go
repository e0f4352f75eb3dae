// Package decode turns the bytes of a source file into the text the readers
// parse: it refuses what is not a text (too large, binary, empty, in an
// encoding it cannot tell) with an error saying where and what to do, reads
// a file in the encoding it declares or that its bytes show (see Read),
// skips a byte order mark,
// reads CRLF and CR line endings as LF, and replaces the control characters
// XML 1.0 forbids. Both readers (edition/archive, edition/markdown) decode
// through it, so a file is a text or not by one rule.
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	utf16enc "golang.org/x/text/encoding/unicode"

	"github.com/bindery-editions/bindery/edition/model"
)

// MaxSize is the largest source file a reader accepts, 50 MiB: far more
// than any document an edition reproduces, small enough that a mistaken
// path (a disk image, a video) fails at once.
const MaxSize = 50 << 20

// Errors Text wraps, so that callers can tell a user what to do.
var (
	ErrTooLarge    = errors.New("source file is over the 50 MB limit")
	ErrBinary      = errors.New("binary file (NUL byte), not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8; convert the file to UTF-8 (e.g. iconv -f windows-1252 -t utf-8)")
	// ErrUnknownEncoding is Read's error for a file that is not UTF-8,
	// declares no encoding its bytes bear out, and whose bytes do not show
	// one with confidence.
	ErrUnknownEncoding = errors.New("not UTF-8, and its encoding is neither declared nor recognisable; convert the file to UTF-8 (e.g. iconv -f windows-1252 -t utf-8)")
	ErrEmpty           = errors.New("empty source file")
	// ErrNoBody is what a reader returns for a text that holds nothing
	// but furniture (navigation, licences, front matter).
	ErrNoBody = errors.New("no body text found")
	// ErrHTMLPage is the plain-text reader's error for a whole HTML page
	// (a saved Web page), whose tags it would print as text.
	ErrHTMLPage = errors.New("an HTML page, not plain text: convert it to Markdown first (e.g. pandoc page.html -t markdown -o page.md) and use that")
)

// Decoded is a source file read as text.
type Decoded struct {
	Text     string // LF line endings, every line number of the file kept
	Warnings []model.Warning
	Encoding model.Encoding // what the bytes were read as
}

// Read is Text for files in any encoding archives use: valid UTF-8 is
// read as it is; other bytes are read in the encoding the file declares
// (Project Gutenberg's "Character set encoding: ISO-8859-1", an HTML
// charset) when the bytes bear it out, else in the single-byte encoding
// the detector recognises with at least MinConfidence. The source file
// itself is never changed. A file whose encoding cannot be told is an
// error wrapping ErrUnknownEncoding, naming the first byte that is not
// UTF-8.
func Read(file string, data []byte) (Decoded, error) {
	if len(data) > MaxSize {
		return Decoded{}, fmt.Errorf("%s: %d bytes: %w", file, len(data), ErrTooLarge)
	}
	enc := model.Encoding{}
	if text, e, ok := utf16Text(data); ok {
		// A file saved as "Unicode" by Windows: UTF-16 with its byte
		// order mark, which declares it.
		data, enc = text, e
	} else if i := FirstInvalidUTF8(data); i >= 0 {
		if j := bytes.IndexByte(data, 0); j >= 0 {
			return Decoded{}, fmt.Errorf("%s: byte offset %d: %w", file, j, ErrBinary)
		}
		text, e := singleByte(data)
		if e.Confidence < MinConfidence && !e.Declared {
			line := bytes.Count(data[:i], []byte("\n")) + 1
			return Decoded{}, fmt.Errorf("%s: byte offset %d (line %d): %w", file, i, line, ErrUnknownEncoding)
		}
		data, enc = []byte(text), e
	} else {
		enc = utf8Encoding(data)
	}
	text, warns, err := Text(file, data)
	return Decoded{Text: text, Warnings: warns, Encoding: enc}, err
}

// IsHTMLPage reports whether text is a whole HTML document: it opens,
// after white space and comments, with a doctype or an <html> element, as
// a saved Web page does. A plain text that merely holds a tag is not one.
func IsHTMLPage(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\uFEFF")
	for strings.HasPrefix(t, "<!--") {
		end := strings.Index(t, "-->")
		if end < 0 {
			return false
		}
		t = strings.TrimLeft(t[end+3:], " \t\r\n")
	}
	lower := strings.ToLower(t[:min(len(t), 14)])
	return strings.HasPrefix(lower, "<!doctype html") || strings.HasPrefix(lower, "<html")
}

// utf16Text reads data that opens with a UTF-16 byte order mark (FF FE
// little-endian, FE FF big-endian; The Unicode Standard, 23.8) as UTF-16,
// into UTF-8 without the mark; ok is false for any other data or when the
// bytes after the mark are not UTF-16.
func utf16Text(data []byte) (text []byte, enc model.Encoding, ok bool) {
	var order utf16enc.Endianness
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order, enc.Name = utf16enc.LittleEndian, "UTF-16LE"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order, enc.Name = utf16enc.BigEndian, "UTF-16BE"
	default:
		return nil, enc, false
	}
	if len(data)%2 != 0 {
		return nil, enc, false
	}
	out, err := utf16enc.UTF16(order, utf16enc.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil || FirstInvalidUTF8(out) >= 0 {
		return nil, enc, false
	}
	enc.Declared, enc.Confidence = true, 1
	return out, enc, true
}

// Text checks data and returns it as text with LF line endings, which keeps
// every line number of the file. Control characters other than tab, line
// feed, form feed and vertical tab become spaces, with a warning for each
// line that had one: XML 1.0 (§2.2) forbids them, so they cannot reach the
// EPUB, and a space keeps the words on either side apart as they were. Form
// feed and vertical tab become spaces too. Errors are formatted "FILE: byte
// offset N (line L): ..." where a place is known.
func Text(file string, data []byte) (string, []model.Warning, error) {
	if len(data) > MaxSize {
		return "", nil, fmt.Errorf("%s: %d bytes: %w", file, len(data), ErrTooLarge)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", nil, fmt.Errorf("%s: byte offset %d: %w", file, i, ErrBinary)
	}
	if i := FirstInvalidUTF8(data); i >= 0 {
		line := bytes.Count(data[:i], []byte("\n")) + 1
		return "", nil, fmt.Errorf("%s: byte offset %d (line %d): %w", file, i, line, ErrInvalidUTF8)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if len(bytes.TrimFunc(data, unicode.IsSpace)) == 0 {
		return "", nil, fmt.Errorf("%s: %w", file, ErrEmpty)
	}
	if clean(data) {
		return string(data), nil, nil
	}
	out := make([]byte, 0, len(data))
	var warns []model.Warning
	line, warned := 1, 0
	for i := 0; i < len(data); {
		if c := data[i]; c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' {
			out = append(out, c) // printable ASCII, most of any text
			if c == '\n' {
				line++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(data) && data[i] == '\n' {
				i++
			}
			r = '\n'
		case r == '\f' || r == '\v':
			r = ' '
		case XMLForbidden(r):
			if warned != line {
				warns = append(warns, model.Warning{File: file, Line: line, Message: "control characters replaced by spaces"})
				warned = line
			}
			r = ' '
		}
		if r == '\n' {
			line++
		}
		out = utf8.AppendRune(out, r)
	}
	return string(out), warns, nil
}

// clean reports whether data needs no change: no carriage return and no
// control character but tab and line feed, which is what most files are.
func clean(data []byte) bool {
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
			return false
		}
	}
	return !bytes.Contains(data, []byte("\uFFFE")) && !bytes.Contains(data, []byte("\uFFFF"))
}

// XMLForbidden reports the characters XML 1.0 (§2.2) does not allow in a
// document, and DEL, which no text means: C0 controls other than tab, line
// feed and carriage return, U+007F, U+FFFE and U+FFFF.
func XMLForbidden(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r == 0xfffe || r == 0xffff
}

// FirstInvalidUTF8 returns the byte offset of the first invalid UTF-8
// sequence in b, or -1. Valid text, the usual case, is checked in one pass.
func FirstInvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}
