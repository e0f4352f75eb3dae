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
