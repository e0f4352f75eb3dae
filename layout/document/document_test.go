package document

import "testing"

// TestProfileFor checks that a profile chosen stands, and that the
// automatic one is the screen's on the trims made for reading on a device
// and print's on the book trims, whatever the case of the trim's name.
func TestProfileFor(t *testing.T) {
	for _, tc := range []struct {
		p    Profile
		trim string
		want Profile
	}{
		{AutoProfile, "a4", Screen},
		{AutoProfile, "Letter", Screen},
		{AutoProfile, "5.5x8.5in", Print},
		{AutoProfile, "", Print}, // the default trim, a book's
		{Print, "a4", Print},
		{Screen, "6x9in", Screen},
		{AutoProfile, "folio", AutoProfile}, // no such trim: nothing to choose by
	} {
		if got := tc.p.For(tc.trim); got != tc.want {
			t.Errorf("Profile(%d).For(%q) = %d, want %d", tc.p, tc.trim, got, tc.want)
		}
	}
}

// TestNoteID checks that the paragraphs of a note after its first name
// the note they belong to, and a note's first paragraph is the note.
func TestNoteID(t *testing.T) {
	first := Block{ID: "n1", Style: Footnote, Marker: "1."}
	second := Block{ID: "n1-2", Style: Footnote, Note: "n1"}
	if first.NoteID() != "n1" || second.NoteID() != "n1" {
		t.Errorf("note ids %q and %q, want n1 for both", first.NoteID(), second.NoteID())
	}
}
