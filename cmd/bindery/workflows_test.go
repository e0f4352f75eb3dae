package main

import (
	"io"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rhysd/actionlint"
)

// TestWorkflowsLint runs actionlint over the GitHub Actions workflows, so a
// broken release pipeline fails here rather than on the day of a tag. It
// checks syntax, expressions, job dependencies, the inputs of known actions
// and reusable workflow calls; with shellcheck on PATH (CI installs it) it
// also checks every run: script.
func TestWorkflowsLint(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("..", "..", ".github", "workflows", "*.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("found %d workflow files %v, want ci.yml and release.yml", len(files), files)
	}

	opts := &actionlint.LinterOptions{WorkingDir: filepath.Join("..", "..")}
	if path, err := exec.LookPath("shellcheck"); err == nil {
		opts.Shellcheck = path
	} else {
		t.Log("shellcheck not on PATH: run: scripts are not checked")
	}
	linter, err := actionlint.NewLinter(io.Discard, opts)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := linter.LintFiles(files, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("%s:%d:%d: %s [%s]", f.Filepath, f.Line, f.Column, f.Message, f.Kind)
	}
}
