package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	code = run(args, &out, &errw)
	return code, out.String(), errw.String()
}

func TestUsageExitCodes(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		inStderr string
	}{
		{nil, exitUsage, "Usage:"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"build", "--format", "docx"}, exitUsage, `unknown format "docx"`},
		{[]string{"build", "--trim", "quarto"}, exitUsage, `unknown trim size "quarto"`},
		{[]string{"build", "--profile", "web"}, exitUsage, `unknown --profile "web"`},
		{[]string{"build", "--no-such-flag"}, exitUsage, "flag provided but not defined"},
		{[]string{"new"}, exitUsage, "usage: bindery new"},
		{[]string{"import"}, exitUsage, "usage: bindery import"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.code, tt.inStderr)
			}
		})
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"build", "--help"}, {"check", "-h"}, {"new", "--help"}, {"import", "--help"}, {"--version"}} {
		code, stdout, stderr := runCLI(t, args...)
		if code != exitOK {
			t.Errorf("%v: exit %d, want 0", args, code)
		}
		if stdout+stderr == "" {
			t.Errorf("%v printed nothing", args)
		}
	}
	if _, stdout, _ := runCLI(t, "--version"); !strings.HasPrefix(stdout, "bindery ") {
		t.Errorf("--version printed %q", stdout)
	}
}

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args    []string
		out     string
		seeds   []string
		formats string
	}{
		{[]string{"-o", "x", "a", "b"}, "x", []string{"a", "b"}, "epub,pdf"},
		{[]string{"a", "-o", "x", "b"}, "x", []string{"a", "b"}, "epub,pdf"},
		{[]string{"a", "b", "--format", "epub", "-o", "y"}, "y", []string{"a", "b"}, "epub"},
		{[]string{"--", "-odd-name"}, "dist", []string{"-odd-name"}, "epub,pdf"},
	}
	for _, tt := range tests {
		fs := newFlagSet("build", "", &bytes.Buffer{})
		out := fs.String("o", "dist", "")
		formats := fs.String("format", "epub,pdf", "")
		seeds, err := parseInterspersed(fs, tt.args)
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if *out != tt.out || *formats != tt.formats || !reflect.DeepEqual(seeds, tt.seeds) {
			t.Errorf("%v: -o %q --format %q seeds %q; want %q %q %q", tt.args, *out, *formats, seeds, tt.out, tt.formats, tt.seeds)
		}
	}
}

func TestBuildFailingSeedDoesNotStopOthers(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken")
	if err := os.MkdirAll(broken, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "manifest.yaml"), []byte("title: [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, "build", "-q", "--format", "epub", "-o", out, broken, "../../seeds/open-letter-1964")
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	if !strings.Contains(stderr, "1 of 2 seeds failed") || !strings.Contains(stderr, "manifest.yaml") {
		t.Errorf("stderr lacks the summary or the failing file:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "open-letter-1964.epub")); err != nil {
		t.Errorf("the good seed was not built: %v", err)
	}
}

func TestBuildNeverOverwritesForeignFile(t *testing.T) {
	out := t.TempDir()
	foreign := filepath.Join(out, "open-letter-1964.pdf")
	mine := []byte("%PDF-1.4 someone else's file\n")
	if err := os.WriteFile(foreign, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "build", "-q", "--format", "pdf", "-o", out, "../../seeds/open-letter-1964")
	if code != exitError || !strings.Contains(stderr, "did not write") {
		t.Errorf("exit %d, stderr %q; want a refusal", code, stderr)
	}
	if got, _ := os.ReadFile(foreign); !bytes.Equal(got, mine) {
		t.Error("the foreign file was changed")
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("output folder holds %d entries, want only the foreign file (no temporary files left)", len(entries))
	}

	// A file bindery wrote is replaced by the next build.
	if err := os.Remove(foreign); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if code, _, stderr := runCLI(t, "build", "-q", "-o", out, "../../seeds/open-letter-1964"); code != exitOK {
			t.Fatalf("build %d: exit %d: %s", i+1, code, stderr)
		}
	}
}

func TestNewAndImportMakeBuildableSeeds(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")

	book := filepath.Join(dir, "a-new-seed")
	if code, _, stderr := runCLI(t, "new", "-o", book, "a-new-seed"); code != exitOK {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	manifest, err := os.ReadFile(filepath.Join(book, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(manifest), "date: 2023-11-14") {
		t.Errorf("new seed's manifest does not take its date from SOURCE_DATE_EPOCH:\n%s", manifest)
	}
	if code, _, stderr := runCLI(t, "new", "-o", book, "a-new-seed"); code != exitError || !strings.Contains(stderr, "not empty") {
		t.Errorf("new over an existing seed: exit %d, stderr %q; want a refusal", code, stderr)
	}

	src := "../../seeds/open-letter-1964/source.txt"
	imported := filepath.Join(dir, "letter")
	if code, _, stderr := runCLI(t, "import", "-o", imported, src); code != exitOK {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	orig, _ := os.ReadFile(src)
	copied, err := os.ReadFile(filepath.Join(imported, "source.txt"))
	if err != nil || !bytes.Equal(orig, copied) {
		t.Errorf("import did not copy the source verbatim (err %v)", err)
	}
	manifest, _ = os.ReadFile(filepath.Join(imported, "manifest.yaml"))
	for _, want := range []string{`title: "An Open Letter"`, "CHECK", `"The Central Committee of the Party of Labor of Albania"`, `year: "1964"`} {
		if !strings.Contains(string(manifest), want) {
			t.Errorf("imported manifest lacks %s:\n%s", want, manifest)
		}
	}

	for _, s := range []string{book, imported} {
		if code, _, stderr := runCLI(t, "build", "-q", "-o", filepath.Join(dir, "out"), s); code != exitOK {
			t.Errorf("building %s: exit %d: %s", s, code, stderr)
		}
	}
}

func TestMissingImageWarnsOrFailsWhenStrict(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pictures")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"manifest.yaml": "title: Pictures\ncreators: [{name: A. Writer}]\nlanguage: en\nedition: {date: 2026-01-01}\ntext: {file: text.md}\nintroduction: intro.md\n",
		"intro.md":      "An introduction.\n",
		"text.md":       "# One\n\nBefore the plate.\n\n![A map of the district](plates/map.png)\n\nAfter the plate.\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCLI(t, "build", "-q", "-o", out, dir)
	if code != exitOK {
		t.Fatalf("build with a missing image: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "warning: ") || !strings.Contains(stderr, "text.md:5") || !strings.Contains(stderr, "plates/map.png") {
		t.Errorf("no warning naming the file, line and missing image:\n%s", stderr)
	}
	code, _, stderr = runCLI(t, "build", "-q", "--strict", "-o", out, dir)
	if code != exitError || !strings.Contains(stderr, "plates/map.png") {
		t.Errorf("--strict: exit %d, stderr %q; want exit 1 naming the image", code, stderr)
	}
}
