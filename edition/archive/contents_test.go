package archive

import "testing"

func TestContents(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name: "a printed contents up to the entry that repeats its first",
			text: `
CONTENTS

INTRODUCTION

OF MONARCHY AND HEREDITARY SUCCESSION




INTRODUCTION


` + lorem + `



OF MONARCHY AND HEREDITARY SUCCESSION


` + lorem + `
`,
			want: []string{"section 1: INTRODUCTION", "section 2: OF MONARCHY AND HEREDITARY SUCCESSION",
				"change table-of-contents (lines 1-5): dropped"},
		},
		{
			name: "a word Contents inside the text is not a table of contents",
			text: `
` + lorem + `

Contents

` + lorem + `
`,
			dontWant: []string{"change table-of-contents (lines 5): dropped"},
		},
	})
}
