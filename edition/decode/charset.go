package decode

// Character encodings as archives have them. Most files are UTF-8; older
// Project Gutenberg files and Web pages saved as text are often
// ISO-8859-1 or Windows-1252, and say so in their header. A file is read
// as what it declares when its bytes bear the declaration out, else as
// what the bytes show with confidence; only a file whose encoding cannot
// be told is refused.

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/ianaindex"

	"github.com/bindery-editions/bindery/edition/model"
)

// MinConfidence is the detector's score below which an undeclared,
// non-UTF-8 file is refused rather than read in a guessed encoding: a
// wrong guess would print every accented letter wrong.
const MinConfidence = 0.9

// declaredCharset finds the encodings files name in their first lines:
// Project Gutenberg's "Character set encoding:", an HTML or MIME
// "charset=", an XML declaration, an Emacs "coding:" cookie.
// Every form ends in "charset" or "coding", so the pattern is tried only
// where one of those words stands: a case-insensitive pattern scanned over
// the whole head is slow.
var declaredCharset = regexp.MustCompile(`^(?:charset|coding)\s*[:=]\s*["']?([a-z][a-z0-9_.:-]{1,30})`)

// declaration returns the encoding the start of data names, with its
// IANA name, or nil.
func declaration(data []byte) (encoding.Encoding, string) {
	head := bytes.ToLower(data[:min(len(data), 16<<10)])
	for i := 0; i < len(head); i++ {
		if head[i] != 'c' || !bytes.HasPrefix(head[i:], []byte("charset")) && !bytes.HasPrefix(head[i:], []byte("coding")) {
			continue
		}
		m := declaredCharset.FindSubmatch(head[i:])
		if m == nil {
			continue
		}
		name := strings.TrimRight(string(m[1]), ".:-")
		if strings.EqualFold(name, "ascii") || strings.EqualFold(name, "us-ascii") {
			return nil, "US-ASCII" // a subset of UTF-8, which x/text does not list
		}
		enc, err := ianaindex.IANA.Encoding(name)
		if err != nil || enc == nil {
			continue
		}
		canon, err := ianaindex.MIME.Name(enc)
		if err != nil {
			canon = name
		}
		return enc, canon
	}
	return nil, ""
}

// utf8Encoding names valid UTF-8 data: "US-ASCII" when every byte is
// ASCII and the file says so, "UTF-8" otherwise.
func utf8Encoding(data []byte) model.Encoding {
	_, name := declaration(data)
	ascii := true
	for _, c := range data {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	switch {
	case ascii && name == "US-ASCII":
		return model.Encoding{Name: name, Declared: true, Confidence: 1}
	case name == "UTF-8":
		return model.Encoding{Name: name, Declared: true, Confidence: 1}
	}
	return model.Encoding{Name: "UTF-8", Confidence: 1}
}

// singleByte decodes data that is not UTF-8: as its declared encoding
// when that is a single-byte one and decodes to text, else as what
// detect finds.
func singleByte(data []byte) (string, model.Encoding) {
	if enc, name := declaration(data); enc != nil && name != "UTF-8" && name != "US-ASCII" {
		if text, err := enc.NewDecoder().Bytes(data); err == nil && utf8.Valid(text) && !hasC1(text) {
			return string(text), model.Encoding{Name: name, Declared: true, Confidence: 1}
		}
	}
	return detect(data)
}

// hasC1 reports C1 control characters, which no text means: a file
// declared ISO-8859-1 that has them is really Windows-1252.
func hasC1(text []byte) bool {
	for _, r := range string(text) {
		if r >= 0x80 && r < 0xa0 {
			return true
		}
	}
	return false
}

// detect tells the single-byte encodings archives use apart by what their
// bytes above 0x7F decode to. In Western European text (ISO-8859-1 and
// its superset Windows-1252) the letters among them stand inside words of
// ASCII letters ("Gef\xe4ngnis") or alone ("\xe0"); in Russian text
// (Windows-1251, KOI8-R) whole words are made of them, and the two
// encodings put the lower-case letters, which running text mostly uses,
// in different halves. The confidence is the share of high letters that
// sit as the guessed script would put them; anything else is not
// recognised.
func detect(data []byte) (string, model.Encoding) {
	var letters, inASCIIWord, inHighWord, alone, c1, undefined, upperHalf int
	for i, c := range data {
		switch {
		case c < 0x80:
			continue
		case c < 0xa0:
			c1++
			// Windows-1252 leaves five bytes undefined.
			if c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d {
				undefined++
			}
			continue
		case c < 0xc0 || c == 0xd7 || c == 0xf7:
			continue // symbols: «», §, °, ×, ÷ ...
		}
		letters++
		if c >= 0xe0 {
			upperHalf++
		}
		prev, next := byteAt(data, i-1), byteAt(data, i+1)
		switch {
		case asciiLetter(prev) || asciiLetter(next):
			inASCIIWord++
		case prev >= 0xc0 || next >= 0xc0:
			inHighWord++
		default:
			alone++
		}
	}
	if letters == 0 && c1 == 0 {
		// Only symbols above 0x7F: Latin-1 reads them as printed.
		return string(mustDecode(charmap.ISO8859_1, data)), model.Encoding{Name: "ISO-8859-1", Confidence: 0.5}
	}
	var enc encoding.Encoding
	var name string
	var conf float64
	if inHighWord > inASCIIWord {
		conf = float64(inHighWord+alone) / float64(letters)
		if upperHalf*2 >= letters {
			enc, name = charmap.Windows1251, "windows-1251"
		} else {
			enc, name = charmap.KOI8R, "KOI8-R"
		}
	} else {
		conf = float64(inASCIIWord+alone) / float64(max(1, letters))
		enc, name = charmap.ISO8859_1, "ISO-8859-1"
		if c1 > 0 {
			enc, name = charmap.Windows1252, "windows-1252"
		}
		if undefined > 0 {
			conf = 0
		}
	}
	return string(mustDecode(enc, data)), model.Encoding{Name: name, Confidence: conf}
}

func mustDecode(enc encoding.Encoding, data []byte) []byte {
	text, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil
	}
	return text
}

func byteAt(data []byte, i int) byte {
	if i < 0 || i >= len(data) {
		return ' '
	}
	return data[i]
}

func asciiLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }
