package hyphen

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sync"

	"golang.org/x/text/language"
)

// The pattern files, shipped unchanged (see patterns/README); each
// language's are parsed on its first use only.
//
//go:embed patterns/*.pat.txt patterns/*.hyp.txt patterns/hyphen.tex patterns/ushyphex.tex
var patternFiles embed.FS

// ErrUnknownLanguage is returned, wrapped, for a language without
// patterns here: its text is then better left unhyphenated than broken by
// another language's patterns.
var ErrUnknownLanguage = errors.New("no hyphenation patterns for this language")

// lang is one pattern set and the rules that go with it.
type lang struct {
	id     string // the hyph-utf8 name of the set, such as "de-1996"
	script string // ISO 15924 code of its letters: a tag naming another script has no patterns here
	// The files in patterns/: hyph-utf8's text files, or with tex the
	// \patterns and \hyphenation groups of Knuth's TeX files.
	patterns, exceptions []string
	tex                  bool
	// left and right are TeX's \lefthyphenmin and \righthyphenmin: the
	// fewest letters before and after a break.
	left, right int
	// capitalisedNouns is set for German, which capitalises every noun
	// (Duden, Die deutsche Rechtschreibung, "Groß- und Kleinschreibung"),
	// so that a capital there marks no name: such words are hyphenated as
	// any other, where elsewhere a capitalised word is left whole but as
	// a last resort (HyphenateNames).
	capitalisedNouns bool
}

// langs are the shipped pattern sets. Their minima are those of TeX
// Live's language.dat (Debian's texlive-lang-*.cnf, the lines quoted),
// which agree with the "hyphenmins: typesetting" metadata in the header
// of each hyph-XX.tex (patterns/hyph-XX.lic.txt); en-us keeps Plain TeX's
// (plain.tex: "\lefthyphenmin=2 \righthyphenmin=3 % disallow x- or -xx
// breaks"; language.us.def: "\addlanguage {USenglish}{hyphen}{}{2}{3}").
var langs = []lang{
	// Knuth's hyphen.tex (Liang's patterns) with the TUGboat exception
	// log ushyphex.tex, as bindery has always set English.
	{id: "en-us", script: "Latn", patterns: []string{"hyphen.tex", "ushyphex.tex"}, tex: true, left: 2, right: 3},
	{id: "en-gb", script: "Latn", patterns: []string{"hyph-en-gb.pat.txt"}, exceptions: []string{"hyph-en-gb.hyp.txt"},
		left: 2, right: 3}, // name=ukenglish lefthyphenmin=2 righthyphenmin=3
	{id: "de-1996", script: "Latn", patterns: []string{"hyph-de-1996.pat.txt"},
		left: 2, right: 2, capitalisedNouns: true}, // name=ngerman lefthyphenmin=2 righthyphenmin=2
	{id: "de-1901", script: "Latn", patterns: []string{"hyph-de-1901.pat.txt"},
		left: 2, right: 2, capitalisedNouns: true}, // name=german lefthyphenmin=2 righthyphenmin=2
	{id: "de-ch-1901", script: "Latn", patterns: []string{"hyph-de-ch-1901.pat.txt"},
		left: 2, right: 2, capitalisedNouns: true}, // name=swissgerman lefthyphenmin=2 righthyphenmin=2
	{id: "fr", script: "Latn", patterns: []string{"hyph-fr.pat.txt"},
		left: 2, right: 2}, // name=french lefthyphenmin=2 righthyphenmin=2
	{id: "es", script: "Latn", patterns: []string{"hyph-es.pat.txt"},
		left: 2, right: 2}, // name=spanish lefthyphenmin=2 righthyphenmin=2
	{id: "it", script: "Latn", patterns: []string{"hyph-it.pat.txt"},
		left: 2, right: 2}, // name=italian lefthyphenmin=2 righthyphenmin=2
	{id: "pt", script: "Latn", patterns: []string{"hyph-pt.pat.txt"}, exceptions: []string{"hyph-pt.hyp.txt"},
		left: 2, right: 3}, // name=portuguese lefthyphenmin=2 righthyphenmin=3
	{id: "nl", script: "Latn", patterns: []string{"hyph-nl.pat.txt"}, exceptions: []string{"hyph-nl.hyp.txt"},
		left: 2, right: 2}, // name=dutch lefthyphenmin=2 righthyphenmin=2
	{id: "pl", script: "Latn", patterns: []string{"hyph-pl.pat.txt"}, exceptions: []string{"hyph-pl.hyp.txt"},
		left: 2, right: 2}, // name=polish lefthyphenmin=2 righthyphenmin=2
	{id: "ru", script: "Cyrl", patterns: []string{"hyph-ru.pat.txt"}, exceptions: []string{"hyph-ru.hyp.txt"},
		left: 2, right: 2}, // name=russian lefthyphenmin=2 righthyphenmin=2
	{id: "uk", script: "Cyrl", patterns: []string{"hyph-uk.pat.txt"},
		left: 2, right: 2}, // name=ukrainian lefthyphenmin=2 righthyphenmin=2
	{id: "el-monoton", script: "Grek", patterns: []string{"hyph-el-monoton.pat.txt"},
		left: 1, right: 1}, // name=monogreek lefthyphenmin=1 righthyphenmin=1
	{id: "el-polyton", script: "Grek", patterns: []string{"hyph-el-polyton.pat.txt"},
		left: 1, right: 1}, // name=greek synonyms=polygreek lefthyphenmin=1 righthyphenmin=1
	{id: "sq", script: "Latn", patterns: []string{"hyph-sq.pat.txt"},
		left: 2, right: 2}, // name=albanian lefthyphenmin=2 righthyphenmin=2
}

// tagRules choose a pattern set for a BCP 47 tag as babel's locale files
// do (babel/locale/XX/babel-XX-YY.ini, "hyphenrules"): the first rule
// whose language matches, and whose region and variant, when given, are
// in the tag, wins. en-US stays on Knuth's patterns, where babel-en-US.ini
// names usenglishmax, so that English text breaks as it always has here.
var tagRules = []struct{ base, region, variant, id string }{
	{"en", "GB", "", "en-gb"}, // babel-en-GB.ini: hyphenrules = ukenglish
	{"en", "AU", "", "en-gb"}, // babel-en-AU.ini
	{"en", "NZ", "", "en-gb"}, // babel-en-NZ.ini
	{"en", "", "", "en-us"},
	{"de", "CH", "1901", "de-ch-1901"},  // babel-de-CH-1901.ini: swissgerman
	{"de", "", "1901", "de-1901"},       // babel-de-1901.ini, babel-de-AT-1901.ini: german
	{"de", "", "", "de-1996"},           // babel-de.ini, -de-AT, -de-CH, -de-1996: ngerman
	{"el", "", "polyton", "el-polyton"}, // babel-el-polyton.ini names none; language.dat: greek, polygreek
	{"el", "", "", "el-monoton"},        // babel-el.ini: monogreek
	{"fr", "", "", "fr"},
	{"es", "", "", "es"},
	{"it", "", "", "it"},
	{"pt", "", "", "pt"}, // babel-pt.ini, -pt-BR, -pt-PT: portuguese
	{"nl", "", "", "nl"},
	{"pl", "", "", "pl"},
	{"ru", "", "", "ru"},
	{"uk", "", "", "uk"},
	{"sq", "", "", "sq"},
}

// Languages returns the names of the shipped pattern sets, such as
// "de-1996" and "el-monoton": the results Match can give, each of them
// also a tag that New accepts.
func Languages() []string {
	ids := make([]string, len(langs))
	for i, l := range langs {
		ids[i] = l.id
	}
	return ids
}

// Match returns the name of the pattern set for tag, a BCP 47 language
// tag such as "en", "en-GB", "de-CH-1901" or "pt-BR". A tag of another
// language, or of a script the patterns are not written in ("ru-Latn"),
// gives an error that wraps ErrUnknownLanguage: Match never falls back
// on another language.
func Match(tag string) (string, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return "", fmt.Errorf("language %q: %w (%v)", tag, ErrUnknownLanguage, err)
	}
	base, conf := t.Base()
	if conf != language.Exact { // "und"
		return "", fmt.Errorf("language %q: %w", tag, ErrUnknownLanguage)
	}
	region, conf := t.Region()
	if conf != language.Exact {
		region = language.Region{}
	}
	variants := t.Variants()
	for _, r := range tagRules {
		if r.base != base.String() ||
			r.region != "" && r.region != region.String() ||
			r.variant != "" && !slices.ContainsFunc(variants, func(v language.Variant) bool { return v.String() == r.variant }) {
			continue
		}
		l := find(r.id)
		if script, conf := t.Script(); conf == language.Exact && script.String() != l.script {
			return "", fmt.Errorf("language %q: %w in script %s", tag, ErrUnknownLanguage, script)
		}
		return r.id, nil
	}
	return "", fmt.Errorf("language %q: %w", tag, ErrUnknownLanguage)
}

// find returns the pattern set named id; tagRules name only shipped sets
// (a test checks it).
func find(id string) *lang {
	for i := range langs {
		if langs[i].id == id {
			return &langs[i]
		}
	}
	panic("hyphen: no pattern set " + id)
}

// registry parses each language's files once, on first use, and keeps
// them: a book in one language never parses another's, and the tables are
// shared read-only by every Hyphenator of the language.
type registry struct {
	files fs.FS
	sets  map[string]*loadedSet // one per lang, made with the registry: never written after
}

// loadedSet is one language's tables, parsed once.
type loadedSet struct {
	lang   *lang
	once   sync.Once
	p      *patterns
	err    error
	parses int // how often the files were parsed: the tests check that it is once at most
}

func newRegistry(files fs.FS) *registry {
	r := &registry{files: files, sets: make(map[string]*loadedSet, len(langs))}
	for i := range langs {
		r.sets[langs[i].id] = &loadedSet{lang: &langs[i]}
	}
	return r
}

// shipped parses the embedded files.
var shipped = newRegistry(patternFiles)

// load returns the tables of the pattern set named id, parsing its files
// on the first call.
func (r *registry) load(id string) (*patterns, error) {
	s, ok := r.sets[id]
	if !ok {
		return nil, fmt.Errorf("pattern set %q: %w", id, ErrUnknownLanguage)
	}
	s.once.Do(func() {
		s.parses++
		s.p, s.err = parseSet(r.files, s.lang)
	})
	return s.p, s.err
}

// parseSet reads one language's files.
func parseSet(files fs.FS, l *lang) (*patterns, error) {
	b := newBuilder()
	read := func(name string) (string, error) {
		data, err := fs.ReadFile(files, "patterns/"+name)
		return string(data), err
	}
	for _, name := range l.patterns {
		text, err := read(name)
		if err == nil {
			if l.tex {
				err = b.addTeX(text)
			} else {
				err = b.addPatterns(text)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("patterns/%s: %w", name, err)
		}
	}
	for _, name := range l.exceptions {
		text, err := read(name)
		if err != nil {
			return nil, fmt.Errorf("patterns/%s: %w", name, err)
		}
		b.addExceptions(text)
	}
	return b.build()
}
