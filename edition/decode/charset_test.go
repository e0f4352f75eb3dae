package decode

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func encode(t *testing.T, enc *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

func TestReadEncodings(t *testing.T) {
	german := "Briefe aus dem Gefängnis\n\nEs ist heute eine drückende feuchte Hitze, wie meist in Leipzig.\nSie müssen fort, daß ist gewiß.\n"
	french := "La vérité est en marche et rien ne l'arrêtera. Il a été à Paris, «dit-il».\n"
	russian := "Мне уже несколько раз приходилось высказывать мысль о том, что патриотизм есть чувство дурное.\n"
	for _, tc := range []struct {
		name     string
		data     []byte
		want     string // decoded text
		encoding string
		declared bool
	}{
		{"utf-8", []byte(german), german, "UTF-8", false},
		{"ascii declared", []byte("Character set encoding: ASCII\n\nPlain text.\n"), "Character set encoding: ASCII\n\nPlain text.\n", "US-ASCII", true},
		{"latin-1 declared",
			append([]byte("Character set encoding: ISO-8859-1\n\n"), encode(t, charmap.ISO8859_1, german)...),
			"Character set encoding: ISO-8859-1\n\n" + german, "ISO-8859-1", true},
		{"latin-1 undeclared", encode(t, charmap.ISO8859_1, german), german, "ISO-8859-1", false},
		{"latin-1 french with guillemets and a lone à", encode(t, charmap.ISO8859_1, french), french, "ISO-8859-1", false},
		{"windows-1252 curly quotes", encode(t, charmap.Windows1252, "“Gefängnis” – sagte er.\n"), "“Gefängnis” – sagte er.\n", "windows-1252", false},
		{"declared latin-1 with C1 bytes is windows-1252",
			append([]byte("charset=iso-8859-1\n"), encode(t, charmap.Windows1252, "“Café” crème, à la française.\n")...),
			"charset=iso-8859-1\n“Café” crème, à la française.\n", "windows-1252", false},
		{"windows-1251", encode(t, charmap.Windows1251, russian), russian, "windows-1251", false},
		{"koi8-r", encode(t, charmap.KOI8R, russian), russian, "KOI8-R", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read("f.txt", tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tc.want {
				t.Errorf("text %q, want %q", d.Text, tc.want)
			}
			if d.Encoding.Name != tc.encoding || d.Encoding.Declared != tc.declared {
				t.Errorf("encoding %+v, want %s declared=%v", d.Encoding, tc.encoding, tc.declared)
			}
			if tc.encoding != "UTF-8" && !tc.declared && d.Encoding.Confidence < MinConfidence {
				t.Errorf("confidence %.2f below %.2f", d.Encoding.Confidence, MinConfidence)
			}
		})
	}
}

func TestReadUndecidable(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		msg  string
	}{
		{"symbols only", []byte("Price \xb0\xb1\xb2\xb3 list\n"), "f.txt: byte offset 6 (line 1): not UTF-8"},
		{"undefined windows-1252 bytes", []byte("abc d\x81e\x8df\n"), "f.txt: byte offset 5 (line 1)"},
		{"declared utf-8 but broken symbols", []byte("charset=utf-8\nx \xbb\xab\n"), "f.txt: byte offset 16 (line 2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read("f.txt", tc.data)
			if !errors.Is(err, ErrUnknownEncoding) || !strings.HasPrefix(err.Error(), tc.msg) || !strings.Contains(err.Error(), "iconv") {
				t.Errorf("error %v, want %q… wrapping ErrUnknownEncoding with the iconv hint", err, tc.msg)
			}
		})
	}
}
