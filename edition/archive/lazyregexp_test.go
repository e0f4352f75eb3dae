package archive

import (
	"regexp"
	"testing"
)

// TestRegexpsCompile compiles every expression of the reader, which are
// otherwise compiled only when a text needs them.
func TestRegexpsCompile(t *testing.T) {
	if len(allRegexps) == 0 {
		t.Fatal("no expressions registered")
	}
	for _, l := range allRegexps {
		if _, err := regexp.Compile(l.expr); err != nil {
			t.Errorf("%q: %v", l.expr, err)
		}
	}
}
