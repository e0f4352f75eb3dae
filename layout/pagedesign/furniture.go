package pagedesign

import (
	"fmt"
	"strings"
)

// This file holds the forms of a page's furniture: its folio, in roman
// numerals in the front matter (Chicago 1.6), and its running head,
// shortened to fit (Chicago 1.13).

// Roman returns n in lower-case roman numerals.
func Roman(n int) string {
	if n <= 0 {
		return fmt.Sprint(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// headBreakWords are the words before which a running head may be cut
// short: a shorter head ends where a phrase does.
var headBreakWords = map[string]bool{
	"and": true, "or": true, "but": true, "of": true, "in": true, "on": true, "at": true,
	"for": true, "with": true, "to": true, "from": true, "by": true, "against": true,
	"between": true, "into": true, "under": true, "over": true, "after": true, "before": true,
}

// HeadText is a title as a running head: without the full stop a source
// may close its heading with ("I. History of the Question."), as a
// running head carries no closing point (Chicago 1.13 shortens it to a
// phrase, not a sentence). A stop that ends an abbreviation of initials
// ("U.S.A.") or an ellipsis stays.
func HeadText(head string) string {
	head = strings.TrimSpace(head)
	rest, ok := strings.CutSuffix(head, ".")
	if !ok || strings.HasSuffix(rest, ".") {
		return head
	}
	last := rest[strings.LastIndexAny(rest, " \u00a0")+1:]
	if strings.Contains(last, ".") || last == "etc" {
		return head
	}
	return rest
}

// ShortHead returns the longest form of a running head that fits: the
// head itself; else what precedes a colon or dash (a title's main part);
// else the head cut before a conjunction or preposition, or at a comma, so
// that it ends where a phrase does ("IV. Soviet Foreign Policy and the
// Communist Movement" becomes "IV. Soviet Foreign Policy"); else its
// opening numeral ("IV."). It never adds an ellipsis: a running head is a
// short title, not a truncated one (Chicago 1.13). When nothing fits, the
// shortest form is returned.
func ShortHead(head string, fits func(string) bool) string {
	if fits(head) {
		return head
	}
	var forms []string
	for _, sep := range []string{": ", " — ", " – ", "; "} {
		if i := strings.Index(head, sep); i > 0 {
			forms = append(forms, head[:i])
		}
	}
	words := strings.Fields(head)
	for k := len(words) - 1; k > 0; k-- {
		prev := words[k-1]
		switch {
		case headBreakWords[strings.ToLower(words[k])]:
			forms = append(forms, strings.Join(words[:k], " "))
		case strings.HasSuffix(prev, ","):
			forms = append(forms, strings.TrimSuffix(strings.Join(words[:k], " "), ","))
		}
	}
	if len(words) > 1 && isNumeral(words[0]) {
		forms = append(forms, words[0])
	}
	best := ""
	for _, f := range forms {
		f = strings.TrimRight(f, " ,;:")
		if f != "" && fits(f) && len(f) > len(best) {
			best = f
		}
	}
	if best != "" {
		return best
	}
	shortest := head
	for _, f := range forms {
		if f != "" && len(f) < len(shortest) {
			shortest = f
		}
	}
	return shortest
}

// isNumeral reports whether a word is a part's number: roman or arabic
// numerals, with a closing point.
func isNumeral(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if w == "" {
		return false
	}
	for _, r := range w {
		if !strings.ContainsRune("IVXLCDMivxlcdm0123456789", r) {
			return false
		}
	}
	return true
}
