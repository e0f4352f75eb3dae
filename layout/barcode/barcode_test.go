package barcode

import (
	"strings"
	"testing"
)

func modules(bs []bool) string {
	var b strings.Builder
	for _, m := range bs {
		if m {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	return b.String()
}

// TestEAN13 checks the guards and the first digit's parity of a known ISBN
// and that a wrong check digit is refused.
func TestEAN13(t *testing.T) {
	m, err := EAN13("9780306406157")
	if err != nil {
		t.Fatal(err)
	}
	s := modules(m)
	if len(s) != EAN13Modules || s[:3] != "101" || s[45:50] != "01010" || s[92:] != "101" {
		t.Errorf("guards wrong: %s", s)
	}
	// The first digit, 9, sets the parity of the left half to ABBABA:
	// the second digit, 7, in set A is 0111011.
	if s[3:10] != "0111011" {
		t.Errorf("second digit encoded %s, want 0111011", s[3:10])
	}
	if _, err := EAN13("9780306406158"); err == nil {
		t.Error("a wrong check digit was accepted")
	}
}

// TestEAN5 checks the add-on of $19.95 (51995: check value 3·(5+9+5) +
// 9·(1+9) = 147, 7: parities ABABA) and of "no price" (90000: 27, 7).
func TestEAN5(t *testing.T) {
	m, err := EAN5("51995")
	if err != nil {
		t.Fatal(err)
	}
	want := "1011" + setA[5] + "01" + setB[1] + "01" + setA[9] + "01" + setB[9] + "01" + setA[5]
	if got := modules(m); got != want || len(got) != EAN5Modules {
		t.Errorf("EAN5(51995) = %s, want %s", got, want)
	}
	// A worked example of GS1's: 52495 has check value 3·14+9·11 = 141,
	// so the parities BABAA.
	m, _ = EAN5("52495")
	want = "1011" + setB[5] + "01" + setA[2] + "01" + setB[4] + "01" + setA[9] + "01" + setA[5]
	if got := modules(m); got != want {
		t.Errorf("EAN5(52495) = %s, want %s", got, want)
	}
	for _, bad := range []string{"5199", "5199a", "519950"} {
		if _, err := EAN5(bad); err == nil {
			t.Errorf("EAN5(%q) gave no error", bad)
		}
	}
}

func TestBars(t *testing.T) {
	got := Bars([]bool{true, false, true, true, false, false, true})
	if len(got) != 3 || got[0] != (Bar{0, 1}) || got[1] != (Bar{2, 2}) || got[2] != (Bar{6, 1}) {
		t.Errorf("Bars = %v", got)
	}
}
