// Package cite resolves a text's citations against its bibliography and
// writes the bibliography, in the author-date style of The Chicago Manual
// of Style (17th ed., chapter 15): "(Marx 1887, 12)" in the text, and a
// reference list sorted by the authors' surnames. It reads BibTeX and CSL
// JSON, the bibliographies pandoc users keep.
package cite

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Entry is one work of a bibliography.
type Entry struct {
	Key       string
	Type      string // BibTeX's (book, article, incollection…) or CSL's (book, article-journal, chapter…)
	Authors   []Name
	Editors   []Name
	Year      string
	Title     string
	Container string // the journal or the book a part appears in
	Publisher string
	Place     string
	Volume    string
	Issue     string
	Pages     string
	Edition   string
	URL       string
	DOI       string
	Line      int // where the entry starts in its file; 0 when unknown

	fields map[string]string // BibTeX's fields, as read
	suffix string            // "a", "b": parts works of one author and year (Chicago 15.19)
}

// Name is a person's name: family and given names, or one literal name
// (an organisation).
type Name struct {
	Family, Given, Literal string
}

// Load reads a bibliography, BibTeX (.bib) or CSL JSON (.json), by the
// file's extension.
func Load(file string, data []byte) ([]Entry, error) {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".bib", ".bibtex":
		return ParseBibTeX(file, data)
	case ".json":
		return ParseCSLJSON(file, data)
	}
	return nil, fmt.Errorf("%s: a bibliography must be BibTeX (.bib) or CSL JSON (.json)", file)
}

// fromFields fills a BibTeX entry's fields.
func (e *Entry) fromFields() {
	f := e.fields
	e.Authors = parseNames(f["author"])
	e.Editors = parseNames(f["editor"])
	e.Year = f["year"]
	if e.Year == "" && len(f["date"]) >= 4 {
		e.Year = f["date"][:4]
	}
	e.Title = f["title"]
	e.Container = first(f["journal"], f["journaltitle"], f["booktitle"])
	e.Publisher = first(f["publisher"], f["institution"], f["school"], f["organization"])
	e.Place = first(f["address"], f["location"])
	e.Volume, e.Issue, e.Pages, e.Edition = f["volume"], first(f["number"], f["issue"]), f["pages"], f["edition"]
	e.URL, e.DOI = f["url"], f["doi"]
}

func first(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// parseNames reads BibTeX names: "Last, First", "First Last", "Last, Jr,
// First", "{Literal Name}", parted by " and ".
func parseNames(s string) []Name {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []Name
	for _, n := range splitAnd(s) {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		parts := strings.Split(n, ",")
		switch {
		case len(parts) >= 2:
			out = append(out, Name{Family: strings.TrimSpace(parts[0]), Given: strings.TrimSpace(parts[len(parts)-1])})
		default:
			words := strings.Fields(n)
			if len(words) == 1 {
				out = append(out, Name{Literal: words[0]})
				continue
			}
			// The family name starts at the first lower-case word (von,
			// de) or is the last word.
			at := len(words) - 1
			for i := 1; i < len(words)-1; i++ {
				if r := []rune(words[i]); len(r) > 0 && unicode.IsLower(r[0]) {
					at = i
					break
				}
			}
			out = append(out, Name{Family: strings.Join(words[at:], " "), Given: strings.Join(words[:at], " ")})
		}
	}
	return out
}

// splitAnd parts a name list at " and ", outside braces.
func splitAnd(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		}
		if depth == 0 && i+5 <= len(s) && strings.EqualFold(s[i:i+5], " and ") {
			out = append(out, s[start:i])
			start = i + 5
			i += 4
		}
	}
	return append(out, s[start:])
}

// cslItem is an item of CSL JSON, as Zotero and pandoc write it.
type cslItem struct {
	ID        any       `json:"id"`
	Type      string    `json:"type"`
	Author    []cslName `json:"author"`
	Editor    []cslName `json:"editor"`
	Issued    cslDate   `json:"issued"`
	Title     string    `json:"title"`
	Container string    `json:"container-title"`
	Publisher string    `json:"publisher"`
	Place     string    `json:"publisher-place"`
	Volume    any       `json:"volume"`
	Issue     any       `json:"issue"`
	Page      any       `json:"page"`
	Edition   any       `json:"edition"`
	URL       string    `json:"URL"`
	DOI       string    `json:"DOI"`
}

type cslName struct {
	Family  string `json:"family"`
	Given   string `json:"given"`
	Literal string `json:"literal"`
}

type cslDate struct {
	DateParts [][]any `json:"date-parts"`
	Literal   string  `json:"literal"`
	Raw       string  `json:"raw"`
}

// ParseCSLJSON reads a CSL JSON bibliography: an array of items.
func ParseCSLJSON(file string, data []byte) ([]Entry, error) {
	var items []cslItem
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, fmt.Errorf("%s: not CSL JSON (an array of items): %w", file, err)
	}
	out := make([]Entry, 0, len(items))
	for i, it := range items {
		e := Entry{Key: anyString(it.ID), Type: it.Type, Title: it.Title, Container: it.Container, Publisher: it.Publisher,
			Place: it.Place, Volume: anyString(it.Volume), Issue: anyString(it.Issue), Pages: anyString(it.Page),
			Edition: anyString(it.Edition), URL: it.URL, DOI: it.DOI}
		if e.Key == "" {
			return nil, fmt.Errorf("%s: item %d has no id", file, i+1)
		}
		for _, n := range it.Author {
			e.Authors = append(e.Authors, Name(n))
		}
		for _, n := range it.Editor {
			e.Editors = append(e.Editors, Name(n))
		}
		switch {
		case len(it.Issued.DateParts) > 0 && len(it.Issued.DateParts[0]) > 0:
			e.Year = anyString(it.Issued.DateParts[0][0])
		case len(it.Issued.Literal) >= 4:
			e.Year = it.Issued.Literal[:4]
		case len(it.Issued.Raw) >= 4:
			e.Year = it.Issued.Raw[:4]
		}
		out = append(out, e)
	}
	return out, nil
}

func anyString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

// surname is how a name sorts and is cited.
func (n Name) surname() string {
	if n.Literal != "" {
		return n.Literal
	}
	return n.Family
}

// inverted is a name as a reference list's first name stands: "Marx, Karl".
func (n Name) inverted() string {
	if n.Literal != "" || n.Given == "" {
		return n.surname()
	}
	return n.Family + ", " + n.Given
}

// natural is a name in reading order: "Friedrich Engels".
func (n Name) natural() string {
	if n.Literal != "" || n.Given == "" {
		return n.surname()
	}
	return n.Given + " " + n.Family
}

// names returns who an entry is filed under: its authors, or its editors.
func (e *Entry) names() []Name {
	if len(e.Authors) > 0 {
		return e.Authors
	}
	return e.Editors
}

// authorText is the authors as a citation names them (Chicago 15.29):
// one, two ("Marx and Engels"), three ("Marx, Engels, and Lenin"), or the
// first and "et al." for four or more.
func (e *Entry) authorText() string {
	ns := e.names()
	switch len(ns) {
	case 0:
		if e.Title != "" {
			return shortTitle(e.Title)
		}
		return e.Key
	case 1:
		return ns[0].surname()
	case 2:
		return ns[0].surname() + " and " + ns[1].surname()
	case 3:
		return ns[0].surname() + ", " + ns[1].surname() + ", and " + ns[2].surname()
	}
	return ns[0].surname() + " et al."
}

// shortTitle is a title cut to its first four words, for a work without
// an author.
func shortTitle(t string) string {
	w := strings.Fields(t)
	if len(w) > 4 {
		w = w[:4]
	}
	return strings.Join(w, " ")
}

// year is the entry's year with its suffix, "n.d." when it has none.
func (e *Entry) year() string {
	y := e.Year
	if y == "" {
		y = "n.d."
	}
	return y + e.suffix
}

// sortKey orders the reference list: by the first author's surname, then
// the others', then the year and the title (Chicago 15.16–15.18).
func (e *Entry) sortKey() string {
	var b strings.Builder
	for _, n := range e.names() {
		b.WriteString(strings.ToLower(n.surname() + " " + n.Given + "\x01"))
	}
	if len(e.names()) == 0 {
		b.WriteString(strings.ToLower(e.Title) + "\x01")
	}
	b.WriteString("\x02" + e.Year + "\x02" + strings.ToLower(e.Title))
	return b.String()
}

// Bibliography is a loaded bibliography: its entries by key, sorted.
type Bibliography struct {
	File    string
	entries []Entry
	byKey   map[string]int
}

// New makes a bibliography of entries, sorted as the reference list
// stands, with works of one author in one year told apart by a letter
// (Chicago 15.19).
func New(file string, entries []Entry) *Bibliography {
	es := append([]Entry(nil), entries...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].sortKey() < es[j].sortKey() })
	for i := 0; i < len(es); {
		j := i + 1
		for j < len(es) && es[j].authorText() == es[i].authorText() && es[j].Year == es[i].Year {
			j++
		}
		if j-i > 1 {
			for k := i; k < j; k++ {
				es[k].suffix = string(rune('a' + (k-i)%26))
			}
		}
		i = j
	}
	b := &Bibliography{File: file, entries: es, byKey: map[string]int{}}
	for i, e := range es {
		b.byKey[e.Key] = i
	}
	return b
}

// AnchorID is the id of a reference list entry, which citations link to.
func AnchorID(key string) string {
	var b strings.Builder
	b.WriteString("ref-")
	for _, c := range key {
		if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '_' || c == '.') {
			b.WriteRune(c)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}
