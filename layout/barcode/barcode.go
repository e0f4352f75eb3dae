// Package barcode encodes the bars of a book's EAN-13 (its ISBN) and of the
// five-digit price add-on printed beside it (EAN-5), as modules: narrow
// columns, each a bar or a space. It is the only importer of
// github.com/boombuler/barcode, which encodes the EAN-13; the add-on, which
// that library does not have, is encoded here from the GS1 General
// Specifications (5.2.2.6).
package barcode

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/boombuler/barcode/ean"
)

// EAN13Modules is the width of an EAN-13 symbol in modules, quiet zones
// apart; its guard bars are modules 0–2, 45–49 and 92–94.
const EAN13Modules = 95

// EAN5Modules is the width of the five-digit add-on in modules.
const EAN5Modules = 47

// EAN13 returns the modules of the EAN-13 symbol of a 13-digit code (an
// ISBN-13 without hyphens), true for a bar. The code's check digit must be
// right.
func EAN13(code string) ([]bool, error) {
	bc, err := ean.Encode(code)
	if err != nil {
		return nil, fmt.Errorf("barcode: EAN-13 %q: %w", code, err)
	}
	if bc.Content() != code {
		return nil, fmt.Errorf("barcode: EAN-13 %q: the check digit is wrong", code)
	}
	w := bc.Bounds().Dx()
	if w != EAN13Modules {
		return nil, fmt.Errorf("barcode: EAN-13 %q: %d modules, want %d", code, w, EAN13Modules)
	}
	out := make([]bool, w)
	for x := range out {
		out[x] = color.GrayModel.Convert(bc.At(x, 0)).(color.Gray).Y < 128
	}
	return out, nil
}

// The digits' patterns, seven modules each (GS1 General Specifications,
// 5.2.1.2.1): set A (odd parity) and set B (even parity).
var (
	setA = [10]string{"0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011"}
	setB = [10]string{"0100111", "0110011", "0011011", "0100001", "0011101", "0111001", "0000101", "0010001", "0001001", "0010111"}
	// addOnParity is the sets of the five digits by the add-on's check
	// value, A or B (GS1 5.2.2.6.2).
	addOnParity = [10]string{"BBAAA", "BABAA", "BAABA", "BAAAB", "ABBAA", "AABBA", "AAABB", "ABABA", "ABAAB", "AABAB"}
)

// EAN5 returns the modules of the five-digit add-on of code, true for a
// bar: a start pattern, then the digits in sets A and B as their check
// value says (three times the odd-placed digits and nine times the
// even-placed, modulo 10), each after a two-module separator.
func EAN5(code string) ([]bool, error) {
	if len(code) != 5 || strings.Trim(code, "0123456789") != "" {
		return nil, fmt.Errorf("barcode: add-on %q is not five digits", code)
	}
	check := 0
	for i, c := range code {
		d := int(c - '0')
		if i%2 == 0 {
			check += 3 * d
		} else {
			check += 9 * d
		}
	}
	parity := addOnParity[check%10]
	var b strings.Builder
	b.WriteString("1011")
	for i, c := range code {
		if i > 0 {
			b.WriteString("01")
		}
		if parity[i] == 'A' {
			b.WriteString(setA[c-'0'])
		} else {
			b.WriteString(setB[c-'0'])
		}
	}
	out := make([]bool, b.Len())
	for i, c := range b.String() {
		out[i] = c == '1'
	}
	return out, nil
}

// Bar is a run of bar modules: from module Start, Width wide.
type Bar struct {
	Start, Width int
}

// Bars returns the runs of bars of modules, left to right.
func Bars(modules []bool) []Bar {
	var out []Bar
	for i := 0; i < len(modules); i++ {
		if !modules[i] {
			continue
		}
		j := i
		for j < len(modules) && modules[j] {
			j++
		}
		out = append(out, Bar{i, j - i})
		i = j
	}
	return out
}
