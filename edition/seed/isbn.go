package seed

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// priceRE is a five-digit price add-on code (EAN-5).
var priceRE = regexp.MustCompile(`^[0-9]{5}$`)

// ISBN13 returns the thirteen digits of an ISBN-13 written with or without
// hyphens or spaces, checking its prefix (978 or 979) and its check digit
// (ISO 2108: the digits weighted 1 and 3 in turn sum to a multiple of 10).
func ISBN13(s string) (string, error) {
	digits := strings.NewReplacer("-", "", " ", "").Replace(strings.TrimSpace(s))
	if len(digits) != 13 || strings.Trim(digits, "0123456789") != "" {
		return "", fmt.Errorf("%q is not an ISBN-13 (13 digits, with or without hyphens)", s)
	}
	if !strings.HasPrefix(digits, "978") && !strings.HasPrefix(digits, "979") {
		return "", fmt.Errorf("%q does not begin 978 or 979, as every ISBN-13 does", s)
	}
	sum := 0
	for i, c := range digits[:12] {
		d := int(c - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	if want := (10 - sum%10) % 10; int(digits[12]-'0') != want {
		return "", fmt.Errorf("%q has check digit %c, but its digits give %d: a digit is mistyped", s, digits[12], want)
	}
	return digits, nil
}

// ParseMargins reads margins written as four proportions,
// "inner:top:outer:bottom", each a positive number.
func ParseMargins(s string) ([4]float64, error) {
	var out [4]float64
	parts := strings.Split(s, ":")
	if len(parts) != 4 {
		return out, fmt.Errorf("%q is not four proportions inner:top:outer:bottom", s)
	}
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || v <= 0 {
			return out, fmt.Errorf("%q: %q is not a positive number", s, p)
		}
		out[i] = v
	}
	return out, nil
}
