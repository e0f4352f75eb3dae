package archive

import (
	"reflect"
	"testing"

	"github.com/bindery-editions/bindery/edition/model"
)

func TestChangeLog(t *testing.T) {
	lines := []line{{num: 1, text: "a"}, {num: 2}, {num: 3, text: "b"}, {num: 4, text: "body"}, {num: 5, text: "c"}, {num: 6, text: "d"}}
	var c changeLog
	c.add(dropGutenberg, 5, 6)
	c.add(dropGutenberg, 1, 1)
	c.add(dropGutenberg, 3, 3)
	c.add(makeHeading, 4, 4)
	got := c.list(lines)
	if len(got) != 2 || got[0].Kind != model.GutenbergBoilerplate || got[1].Kind.Action() != model.ChangeHeading {
		t.Fatalf("changes %+v", got)
	}
	// Lines 1 and 3 are one range across the blank line 2; line 4 holds
	// text of another kind, so 5-6 is a range of its own.
	if want := []model.LineRange{{From: 1, To: 3}, {From: 5, To: 6}}; !reflect.DeepEqual(got[0].Lines, want) {
		t.Errorf("ranges %v, want %v", got[0].Lines, want)
	}
}
