package lint

// Inconsistency within a text: the same word or phrase written two ways,
// one of them rare. A proofreader checks a doubtful reading against the
// text's own usage before any dictionary (Chicago Manual of Style, 17th
// ed., 2.95-2.96, on consistency in copyediting): "by no mean" once
// against "by no means" three times, "worker's parties" once against
// "workers parties" eleven times, "comrades-in-arm" once against
// "comrades-in-arms". And punctuation that breaks a sentence: a comma
// between a subject and its verb, a colon after a word that cannot end
// a clause.

import (
	"fmt"
	"strings"
)

// MinUsage is how many times the usual form must occur before a single
// other form is reported against it.
const MinUsage = 3

// consistency reports phrases written once in a form that the text
// otherwise writes another way at least MinUsage times: a plural's final
// s missing from the last word of a three-word phrase, a stray apostrophe
// in a two-word phrase, a hyphenated compound missing its final s.
func (l *linter) consistency() {
	type at struct{ para, tok int }
	counts := map[string]int{}
	first := map[string]at{}
	add := func(key string, p, t int) {
		counts[key]++
		if _, ok := first[key]; !ok {
			first[key] = at{p, t}
		}
	}
	words := func(p *lintPara, i, n int) ([]string, bool) {
		var ws []string
		for j := i; j < len(p.toks) && len(ws) < n; j++ {
			if !p.toks[j].word {
				return nil, false // punctuation ends a phrase
			}
			ws = append(ws, strings.ToLower(p.toks[j].text))
		}
		return ws, len(ws) == n
	}
	for pi := range l.paras {
		p := &l.paras[pi]
		if !p.prose {
			continue
		}
		for i := range p.toks {
			if !p.toks[i].word {
				continue
			}
			add(strings.ToLower(p.toks[i].text), pi, i)
			if ws, ok := words(p, i, 2); ok {
				add(strings.Join(ws, " "), pi, i)
			}
			if ws, ok := words(p, i, 3); ok {
				add(strings.Join(ws, " "), pi, i)
			}
		}
	}
	for key, n := range counts {
		if n != 1 {
			continue
		}
		ws := strings.Fields(key)
		var other string
		switch {
		case len(ws) == 3 && !strings.HasSuffix(ws[2], "s") && prepositions[ws[0]] && functionWords[ws[1]] && !determiners[ws[1]] && !functionWords[ws[2]]:
			// "by no mean": an idiom of a preposition, a quantifier and
			// one noun. After an article the noun may be singular or
			// plural as the sense wants ("of the time", "of the times").
			other = ws[0] + " " + ws[1] + " " + ws[2] + "s"
		case len(ws) == 2 && (strings.HasSuffix(ws[0], "'s") || strings.HasSuffix(ws[0], "’s")):
			other = strings.TrimSuffix(strings.TrimSuffix(ws[0], "'s"), "’s") + "s " + ws[1]
		case len(ws) == 1 && strings.Count(ws[0], "-") >= 2 && !strings.HasSuffix(ws[0], "s"):
			other = ws[0] + "s"
			if counts[other] >= 1 {
				l.reportInconsistent(first[key].para, first[key].tok, key, other, counts[other])
			}
			continue
		default:
			continue
		}
		if counts[other] >= MinUsage {
			l.reportInconsistent(first[key].para, first[key].tok, key, other, counts[other])
		}
	}
}

func (l *linter) reportInconsistent(pi, ti int, rare, usual string, n int) {
	times := fmt.Sprintf("%d times", n)
	if n == 1 {
		times = "once"
	}
	l.report(pi, l.paras[pi].toks[ti].start, Inconsistent,
		fmt.Sprintf("“%s” here, but “%s” %s elsewhere in the text", rare, usual, times), "“"+usual+"”?")
}

// determiners are the articles and possessives, after which a noun's
// number follows the sense.
var determiners = wordSet(`the a an this that these those my your his her its our their`)

var prepositions = wordSet(`of to in for on with at by from into onto upon about against between through during before after above below under over among without within along across behind beyond`)

// subjectOpeners open a noun phrase that can be a sentence's subject.
var subjectOpeners = wordSet(`the this that these those a an their his her its our your my`)

// verbsAfterSubject are the verbs a stray comma most often parts from
// their subject.
var verbsAfterSubject = wordSet(`is are was were has have had does did will would can could should must`)

// subjectComma reports "the international meeting, is not inspired": a
// comma right before a verb, when the words since the sentence began hold
// no other comma, no verb of their own that the comma could close, and
// start with a determiner, so that they read as the verb's subject.
func (l *linter) subjectComma(pi int) {
	p := &l.paras[pi]
	start := 0 // the sentence's first token; -1 after a comma
	for i, t := range p.toks {
		switch t.text {
		case ".", "!", "?":
			start = i + 1
			continue
		case ",":
		default:
			continue
		}
		next := strings.ToLower(p.wordAt(i + 1))
		if start < 0 || !verbsAfterSubject[next] || i-start < 2 || i-start > 12 || !subjectOpeners[strings.ToLower(p.wordAt(start))] {
			start = -1 // only the sentence's first comma can part its subject from its verb
			continue
		}
		clean := true
		for j := start; j < i; j++ {
			w := strings.ToLower(p.toks[j].text)
			if !p.toks[j].word || verbsAfterSubject[w] || w == "which" || w == "who" || w == "that" && j > start {
				clean = false
				break
			}
		}
		if clean {
			l.subjectCommas = append(l.subjectCommas, struct {
				para, at int
				verb     string
			}{pi, t.start, p.wordAt(i + 1)})
		}
		start = -1
	}
}
