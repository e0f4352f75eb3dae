package decode

import (
	"errors"
	"testing"
)

func TestText(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		warnings       int
	}{
		{"clean", "one\ntwo\n", "one\ntwo\n", 0},
		{"crlf", "one\r\ntwo\r\n", "one\ntwo\n", 0},
		{"cr alone", "one\rtwo", "one\ntwo", 0},
		{"bom", "\uFEFFtitle\r\n", "title\n", 0},
		{"non-ascii kept", "Gefängnis\r\nМне\r\n", "Gefängnis\nМне\n", 0},
		{"form feed", "page\f\r\nnext", "page \nnext", 0},
		{"control characters on two lines", "a\x01b\r\nc\x02d\x03\r\n", "a b\nc d \n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, warns, err := Text("f.txt", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want || len(warns) != tc.warnings {
				t.Errorf("Text = %q with %d warnings, want %q with %d", got, len(warns), tc.want, tc.warnings)
			}
		})
	}
	for _, tc := range []struct {
		in   string
		want error
	}{
		{"", ErrEmpty},
		{"  \r\n\t", ErrEmpty},
		{"a\x00b", ErrBinary},
		{"caf\xe9", ErrInvalidUTF8},
	} {
		if _, _, err := Text("f.txt", []byte(tc.in)); !errors.Is(err, tc.want) {
			t.Errorf("Text(%q) error %v, want %v", tc.in, err, tc.want)
		}
	}
}

func TestDeclaration(t *testing.T) {
	for in, want := range map[string]string{
		"Title: X\r\nCharacter set encoding: ISO-8859-1\r\n": "ISO-8859-1",
		"Character set encoding: ASCII\n":                    "US-ASCII",
		`<meta charset="windows-1252">`:                      "windows-1252",
		"# -*- coding: utf-8 -*-\n":                          "UTF-8",
		"This text speaks of encoding in general terms.\n":   "",
		"A charset: is named nowhere here\n":                 "",
	} {
		if _, got := declaration([]byte(in)); got != want {
			t.Errorf("declaration(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReadUTF16 reads files saved as UTF-16 with their byte order mark,
// in both byte orders, as the mark declares, and refuses UTF-16 whose
// bytes do not bear the mark out.
func TestReadUTF16(t *testing.T) {
	text := "Genossen! »Die Zeit« ist gekommen.\nZweite Zeile.\n"
	le := []byte{0xFF, 0xFE}
	be := []byte{0xFE, 0xFF}
	for _, r := range text {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	for _, tc := range []struct {
		name string
		data []byte
		enc  string
	}{{"little-endian", le, "UTF-16LE"}, {"big-endian", be, "UTF-16BE"}} {
		d, err := Read("u.txt", tc.data)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if d.Text != text || d.Encoding.Name != tc.enc || !d.Encoding.Declared {
			t.Errorf("%s: read %q as %+v", tc.name, d.Text, d.Encoding)
		}
	}
	if _, err := Read("odd.txt", append([]byte{0xFF, 0xFE}, 'A', 0, 'B')); err == nil {
		t.Error("an odd number of UTF-16 bytes read as text")
	}
}

// TestIsHTMLPage tells a saved Web page from a plain text that holds a tag.
func TestIsHTMLPage(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"<!DOCTYPE html>\n<html><body>Text</body></html>", true},
		{"\n\n  <html lang=\"en\"><body>Text</body></html>", true},
		{"<!-- saved from url=(0042)http://example.org/ -->\n<HTML>\n<BODY>Text", true},
		{"THE TITLE\n\nA text that mentions <html> in its second paragraph.", false},
		{"<b>bold</b> at the start of a text", false},
		{"<!-- a comment never closed", false},
	} {
		if got := IsHTMLPage(tc.text); got != tc.want {
			t.Errorf("IsHTMLPage(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
