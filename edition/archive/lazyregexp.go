package archive

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regular expression compiled on a goroutine of its own
// when the program starts, or by its first use if that comes first, rather
// than by the package's initialisation: the reader's expressions (some
// long, with Unicode classes and case folding) take about 4 ms to compile,
// which every command paid on its one running goroutine before its first
// line, while the other processors stood idle. The compiled expression is
// the same whoever compiles it. allRegexps lists them, for the warming and
// for the test that compiles each.
type lazyRegexp struct {
	expr string
	re   func() *regexp.Regexp
}

var allRegexps []*lazyRegexp

func newLazyRegexp(expr string) *lazyRegexp {
	l := &lazyRegexp{expr: expr, re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
	allRegexps = append(allRegexps, l)
	return l
}

func (l *lazyRegexp) MatchString(s string) bool            { return l.re().MatchString(s) }
func (l *lazyRegexp) FindString(s string) string           { return l.re().FindString(s) }
func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.re().FindStringSubmatch(s) }
func (l *lazyRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.re().FindAllStringSubmatch(s, n)
}

// The expressions are compiled in the background from the start: a build
// reaches the reader after the rest of the program's initialisation, the
// command line and the manifest.
func init() {
	go func() {
		for _, l := range allRegexps {
			l.re()
		}
	}()
}
