package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition/lint"
	"github.com/bindery-editions/bindery/edition/seed"
)

var updateLintCorpus = flag.Bool("update-lint", false, "rewrite testdata/lint-corpus.golden")

const faultyText = "A Title\n\nTirana, 1964\n\n" +
	"They held the wavering position 01 revisionism for many long years in the heart of the movement.\n"

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunLint(t *testing.T) {
	t.Parallel()
	faulty := writeTemp(t, "faulty.txt", faultyText)
	clean := writeTemp(t, "clean.txt", "A Title\n\nThe text is clean and says nothing that a careful reader would want to change in any way.\n")
	tests := []struct {
		name       string
		args       []string
		code       int
		out, err   string // substrings expected in stdout and stderr
		noOut      bool
		jsonResult int // number of JSON findings expected, -1 if not JSON
	}{
		{"finding", []string{faulty}, 1, faulty + ":5:33: digit-in-word: “01” between words reads as a misread word (“of”?)", "", false, -1},
		{"clean", []string{clean}, 0, "", "", true, -1},
		{"json", []string{"--json", faulty}, 1, `"kind": "digit-in-word"`, "", false, 1},
		{"json clean", []string{"--json", clean}, 0, "[]", "", false, 0},
		{"help", []string{"--help"}, 0, "usage: bindery lint", "", false, -1},
		{"no path", nil, 2, "", "want one PATH", true, -1},
		{"two paths", []string{faulty, clean}, 2, "", "want one PATH", true, -1},
		{"bad flag", []string{"--jsn", faulty}, 2, "", "unknown option --jsn (did you mean --json?)", true, -1},
		// Markdown is linted on its text: the markup is not a finding, a
		// misread word in the text is.
		{"markdown clean", []string{writeTemp(t, "clean.md", "# Title\n\nA _plain_ **sentence** of the text.\n")}, 0, "", "", true, -1},
		{"markdown finding", []string{writeTemp(t, "faulty.md", "# Title\n\nThe position 01 revisionism is plain.\n")}, 1, "digit-in-word", "", false, -1},
		{"missing", []string{filepath.Join(t.TempDir(), "nope.txt")}, 2, "", "no such file", true, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"lint"}, tt.args...), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.out) || (tt.noOut && stdout.Len() > 0) {
				t.Errorf("stdout = %q, want %q", stdout.String(), tt.out)
			}
			if !strings.Contains(stderr.String(), tt.err) {
				t.Errorf("stderr = %q, want %q", stderr.String(), tt.err)
			}
			if tt.jsonResult >= 0 {
				var fs []lint.Finding
				if err := json.Unmarshal(stdout.Bytes(), &fs); err != nil {
					t.Fatalf("not JSON: %v\n%s", err, stdout.String())
				}
				if len(fs) != tt.jsonResult {
					t.Errorf("%d findings, want %d", len(fs), tt.jsonResult)
				}
			}
		})
	}
}

// TestRunLintSeed lints a seed folder: the manifest names the text, and the
// emendations already recorded are not reported again.
func TestRunLintSeed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("letter.txt", faultyText)
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"lint"}, []string{dir}...), &stdout, &stderr); code != 1 || !strings.Contains(stdout.String(), "letter.txt:5:33:") {
		t.Errorf("folder without manifest: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}

	// The open letter's seed: every flag is recorded as an emendation.
	book := filepath.Join("..", "..", "seeds", "open-letter-1964")
	if _, err := os.Stat(filepath.Join(book, seed.ManifestName)); err != nil {
		t.Fatalf("the open letter seed: %v", err)
	}
	stdout.Reset()
	stderr.Reset()
	if code := run(append([]string{"lint"}, []string{book}...), &stdout, &stderr); code != 0 {
		t.Errorf("open letter: exit %d, want 0 with its emendations recorded\n%s%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	if code := run(append([]string{"lint"}, []string{filepath.Join(book, "source.txt")}...), &stdout, &stderr); code != 1 {
		t.Errorf("open letter's text alone: exit %d, want 1", code)
	}
}

// TestLintCorpus keeps the findings of bindery lint on the development
// corpus's plain texts (testdata/corpus) in a golden file. Each finding
// there was judged beside its source by hand (see lint.Confidence): a new
// finding or a lost one shows in the diff for the same judgement.
func TestLintCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*.txt"))
	if err != nil || len(files) < 7 {
		t.Fatalf("corpus texts: %v %v", files, err)
	}
	var b strings.Builder
	for _, f := range files {
		var stdout, stderr bytes.Buffer
		run([]string{"lint", f}, &stdout, &stderr)
		if stderr.Len() > 0 {
			t.Errorf("%s: %s", f, stderr.String())
		}
		for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
			if l != "" {
				b.WriteString(filepath.Base(strings.TrimPrefix(l, filepath.Dir(f)+string(filepath.Separator))) + "\n")
			}
		}
	}
	golden := filepath.Join("testdata", "lint-corpus.golden")
	if *updateLintCorpus {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -run TestLintCorpus -update-lint)", err)
	}
	if b.String() != string(want) {
		t.Errorf("findings on the corpus differ from %s (judge each new one beside its source, then -update-lint):\n%s", golden, b.String())
	}
}
