package hyphen_test

import (
	"errors"
	"fmt"

	"github.com/bindery-editions/bindery/layout/hyphen"
)

func Example() {
	h, err := hyphen.New("de-CH")
	if err != nil {
		panic(err)
	}
	left, right := h.MinFragments()
	fmt.Println(h.Language(), left, right)
	fmt.Println(h.Hyphenate("Gefängnis")) // Ge-fäng-nis, in runes

	en, _ := hyphen.New("en")
	plain, names := en.WithExceptions([]string{"Khru-shchev"}).Breaks("Khrushchev’s")
	fmt.Println(plain, names) // a name breaks only as a last resort

	_, err = hyphen.New("tr")
	fmt.Println(errors.Is(err, hyphen.ErrUnknownLanguage), err)
	// Output:
	// de-1996 2 2
	// [2 6]
	// [] [4]
	// true language "tr": no hyphenation patterns for this language
}
