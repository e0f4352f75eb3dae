package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	code = run(args, &out, &errw)
	return code, out.String(), errw.String()
}

// tinySeed writes a small Markdown seed into dir/name and returns its
// folder; extra is added to its manifest. It builds in a few
// milliseconds, for the tests of the command line's own behaviour.
func tinySeed(t *testing.T, dir, name, extra string) string {
	t.Helper()
	book := filepath.Join(dir, name)
	if err := os.MkdirAll(book, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"manifest.yaml": "title: A Small Book\ncreators: [{name: A. Writer}]\nlanguage: en\nedition: {date: 2026-01-01}\ntext: {file: text.md}\nintroduction: intro.md\n" + extra,
		"intro.md":      "An introduction of a few words.\n",
		"text.md":       "# One\n\nThe first part of the text, long enough to fill a line or two of the page.\n\n# Two\n\nThe second part.\n",
	}
	for n, data := range files {
		if err := os.WriteFile(filepath.Join(book, n), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return book
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestUsageExitCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args     []string
		code     int
		inStderr string
	}{
		{nil, exitUsage, "usage: bindery COMMAND"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"biuld"}, exitUsage, `unknown command "biuld" (did you mean "build"?)`},
		{[]string{"build", "--fromat", "epub"}, exitUsage, "unknown option --fromat (did you mean --format?)"},
		{[]string{"build", "--format", "docx"}, exitUsage, `unknown format "docx"`},
		{[]string{"build", "--format", "epbu"}, exitUsage, `unknown format "epbu" (did you mean "epub"?)`},
		{[]string{"build", "--trim", "quarto"}, exitUsage, `unknown trim size "quarto"`},
		{[]string{"build", "--profile", "web"}, exitUsage, `unknown --profile "web"`},
		{[]string{"build", "--shard", "3/2"}, exitUsage, `"3/2" is not a share`},
		{[]string{"build", "-M", "titel=X"}, exitUsage, `unknown key "titel" (did you mean "title"?)`},
		{[]string{"build", "--no-such-flag"}, exitUsage, "unknown option --no-such-flag\nusage: bindery build [options] [SEED_DIR ...]"},
		{[]string{"check", "-o", "x"}, exitUsage, "unknown option -o"},
		{[]string{"build", "-o"}, exitUsage, "option -o needs a value"},
		{[]string{"new"}, exitUsage, "usage: bindery new"},
		{[]string{"import"}, exitUsage, "usage: bindery import"},
		{[]string{"help", "biuld"}, exitUsage, `(did you mean "build"?)`},
		{[]string{"completion", "tcsh"}, exitUsage, `no completion for "tcsh"`},
		{[]string{"watch"}, exitUsage, "name one seed folder"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.inStderr) || stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q on stderr only", tt.args, code, stdout, stderr, tt.code, tt.inStderr)
		}
	}
}

// TestHelp checks that help goes to stdout, that each command's help is its
// own (bindery help build is not the general usage) and lists only the
// options the command takes.
func TestHelp(t *testing.T) {
	t.Parallel()
	_, general, _ := runCLI(t, "help")
	for _, cmd := range commands {
		for _, args := range [][]string{{"help", cmd.name}, {cmd.name, "--help"}, {cmd.name, "-h"}} {
			code, stdout, stderr := runCLI(t, args...)
			if code != exitOK || stderr != "" || !strings.HasPrefix(stdout, "usage: bindery "+cmd.name) || stdout == general {
				t.Errorf("%q: exit %d, stderr %q, stdout %.60q; want exit 0 and the command's own help on stdout", args, code, stderr, stdout)
			}
		}
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		if code, stdout, stderr := runCLI(t, args...); code != exitOK || stderr != "" || stdout != general || !strings.Contains(stdout, "Commands:") {
			t.Errorf("%q: exit %d, stderr %q: want the general help on stdout", args, code, stderr)
		}
	}
	tests := []struct {
		cmd       string
		has, hasn []string
	}{
		{"build", []string{"-o, --output PATH", "--format LIST", "--trim NAME", "--profile KIND", "--no-bookmarks", "-M, --metadata KEY=VALUE", "--metadata-file FILE", "--shard K/N", "--force", "-q, --quiet", "-v, --verbose", "--strict"}, []string{"--open", "--date", "--json"}},
		{"check", []string{"--strict", "--trim NAME", "-v, --verbose", "-M, --metadata"}, []string{"--output", "--format", "--profile", "--no-bookmarks", "--shard", "--force"}},
		{"watch", []string{"--open", "-o, --output PATH", "--format LIST"}, []string{"--shard", "--force", "--json"}},
		{"new", []string{"-o, --output FOLDER", "--date DATE", "YYYY-MM-DD"}, []string{"--format", "--strict"}},
		{"import", []string{"-o, --output FOLDER", "--date DATE"}, []string{"--format"}},
		{"lint", []string{"--json"}, []string{"--output", "--format"}},
		{"completion", []string{"bash", "zsh", "fish"}, []string{"--"}},
	}
	for _, tt := range tests {
		_, stdout, _ := runCLI(t, "help", tt.cmd)
		for _, s := range tt.has {
			if !strings.Contains(stdout, s) {
				t.Errorf("help %s lacks %q:\n%s", tt.cmd, s, stdout)
			}
		}
		_, options, _ := strings.Cut(stdout, "Options:")
		for _, s := range tt.hasn {
			if strings.Contains(options, s) {
				t.Errorf("help %s lists %q, which it does not take:\n%s", tt.cmd, s, stdout)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--version"}, {"version"}} {
		if code, stdout, _ := runCLI(t, args...); code != exitOK || !strings.HasPrefix(stdout, "bindery ") || strings.Contains(stdout, "dev\n") {
			t.Errorf("%q: exit %d, printed %q", args, code, stdout)
		}
	}
	rev := []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "false"}}
	tests := []struct {
		info     debug.BuildInfo
		version  string
		identity string
	}{
		// go install github.com/bindery-editions/bindery/cmd/bindery@v1.2.0
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0", "v1.2.0 go1.26.8"},
		// go build in a clean checkout
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: rev}, "(devel) 0123456789ab", "0123456789abcdef0123 go1.26.8"},
		// ... with local changes: no identity of its own
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{rev[0], {Key: "vcs.modified", Value: "true"}}}, "(devel) 0123456789ab+changes", ""},
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.1-0.20260101000000-0123456789ab+dirty"}}, "v1.2.1-0.20260101000000-0123456789ab+dirty", ""},
		// go run, go test
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, "(devel)", ""},
	}
	for _, tt := range tests {
		if got := versionFrom(&tt.info); got != tt.version {
			t.Errorf("versionFrom(%+v) = %q, want %q", tt.info.Main, got, tt.version)
		}
		if got := releaseIdentity(&tt.info); got != tt.identity {
			t.Errorf("releaseIdentity(%+v) = %q, want %q", tt.info.Main, got, tt.identity)
		}
	}
}

func TestParseInterspersed(t *testing.T) {
	t.Parallel()
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
		fs := flag.NewFlagSet("build", flag.ContinueOnError)
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
	t.Parallel()
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken")
	if err := os.MkdirAll(broken, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "manifest.yaml"), []byte("title: [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := tinySeed(t, dir, "good", "")
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, "build", "-q", "--format", "epub", "-o", out, broken, good)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	if !strings.Contains(stderr, "1 of 2 seeds failed") || !strings.Contains(stderr, "manifest.yaml") {
		t.Errorf("stderr lacks the summary or the failing file:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "good.epub")); err != nil {
		t.Errorf("the good seed was not built: %v", err)
	}
}

func TestBuildNeverOverwritesForeignFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := tinySeed(t, dir, "book", "")
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(out, "book.pdf")
	mine := []byte("%PDF-1.4 someone else's file\n")
	if err := os.WriteFile(foreign, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "build", "-q", "-o", out, book)
	if code != exitError || !strings.Contains(stderr, "did not write") {
		t.Errorf("exit %d, stderr %q; want a refusal", code, stderr)
	}
	if got, _ := os.ReadFile(foreign); !bytes.Equal(got, mine) {
		t.Error("the foreign file was changed")
	}
	// The EPUB, asked for first, was not written either: every output is
	// checked before the first is written.
	if names := listDir(t, out); !reflect.DeepEqual(names, []string{"book.pdf"}) {
		t.Errorf("output folder holds %v, want only the foreign file (no temporary files left)", names)
	}

	// A file bindery wrote is replaced by the next build.
	if err := os.Remove(foreign); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if code, _, stderr := runCLI(t, "build", "-q", "--force", "-o", out, book); code != exitOK {
			t.Fatalf("build %d: exit %d: %s", i+1, code, stderr)
		}
	}
}

// TestReadOnlyOutputRefused checks that an output its owner made read-only
// is neither replaced nor made writable, and that the message says how to
// rebuild it.
func TestReadOnlyOutputRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := tinySeed(t, dir, "book", "")
	out := filepath.Join(dir, "out")
	if code, _, stderr := runCLI(t, "build", "-q", "--format", "pdf", "-o", out, book); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	pdf := filepath.Join(out, "book.pdf")
	before, _ := os.ReadFile(pdf)
	if err := os.Chmod(pdf, 0o444); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "build", "-q", "--force", "--format", "pdf", "--trim", "a5", "-o", out, book)
	if code != exitError || !strings.Contains(stderr, "read-only") || !strings.Contains(stderr, "chmod u+w") {
		t.Errorf("exit %d, stderr %q; want a refusal with a hint", code, stderr)
	}
	info, _ := os.Stat(pdf)
	if after, _ := os.ReadFile(pdf); !bytes.Equal(before, after) || info.Mode().Perm() != 0o444 {
		t.Errorf("the read-only PDF was changed (mode now %#o)", info.Mode().Perm())
	}
}

// TestErrorHints checks the hints printed after errors of the system's.
func TestErrorHints(t *testing.T) {
	t.Parallel()
	wrapped := func(errno syscall.Errno) error {
		return fmt.Errorf("writing dist/book.pdf: %w", &fs.PathError{Op: "open", Path: "dist/.book.pdf.tmp-1", Err: errno})
	}
	tests := []struct {
		err  error
		want string
	}{
		{wrapped(syscall.EACCES), "you may not write in dist: check its permissions (ls -ld dist)"},
		{wrapped(syscall.ENOSPC), "the disk (or your quota) is full"},
		{wrapped(syscall.EROFS), "mounted read-only"},
		{errors.New("something else"), ""},
	}
	for _, tt := range tests {
		got := errorHint(tt.err)
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("errorHint(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// TestSlugCollision checks that two seeds with one slug (a copied folder
// whose manifest kept the slug) are refused, naming both folders, before
// anything is written.
func TestSlugCollision(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := tinySeed(t, dir, "first", "slug: mybook\n")
	b := tinySeed(t, dir, "copy", "slug: mybook\n")
	c := tinySeed(t, dir, "other", "")
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, "build", "-o", out, c, a, b)
	if code != exitError || !strings.Contains(stderr, a) || !strings.Contains(stderr, b) || !strings.Contains(stderr, `slug "mybook"`) {
		t.Errorf("exit %d, stderr %q; want an error naming %s and %s", code, stderr, a, b)
	}
	if names := listDir(t, out); len(names) > 0 {
		t.Errorf("the output folder holds %v: something was written", names)
	}
	// -M slug= gives every seed the same slug: refused too.
	if code, _, stderr := runCLI(t, "build", "-M", "slug=same", "-o", out, c, a); code != exitError || !strings.Contains(stderr, `slug "same"`) {
		t.Errorf("-M slug=same: exit %d, stderr %q", code, stderr)
	}
	// The same folder named twice is built once.
	if code, _, stderr := runCLI(t, "build", "-o", out, c, c+"/"); code != exitOK || strings.Count(stderr, "wrote") != 2 {
		t.Errorf("a seed named twice: exit %d, stderr %q", code, stderr)
	}
}

// TestPlaceholdersWarnOrFailWhenStrict builds a seed just made by bindery
// new: its placeholders (the slug as title, "Unknown" as author) build
// with a warning at each, and --strict refuses them, writing nothing.
func TestPlaceholdersWarnOrFailWhenStrict(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := filepath.Join(dir, "mybook")
	if code, _, stderr := runCLI(t, "new", "-o", book, "--date", "2026-01-01", "mybook"); code != exitOK {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, "build", "-q", "-o", out, book)
	manifest := filepath.Join(book, "manifest.yaml")
	for _, want := range []string{"warning: " + manifest + ":6:8: title: \"mybook\" is marked \"# CHECK: fill in\"", `name: "Unknown" is marked`, "introduction.md:5:1: still the placeholder"} {
		if code != exitOK || !strings.Contains(stderr, want) {
			t.Errorf("exit %d; stderr lacks %q:\n%s", code, want, stderr)
		}
	}
	strictOut := filepath.Join(dir, "strict")
	code, _, stderr = runCLI(t, "build", "--strict", "-o", strictOut, book)
	if code != exitError || !strings.Contains(stderr, `"Unknown" is marked`) || !strings.Contains(stderr, "--strict") {
		t.Errorf("--strict: exit %d, stderr %q", code, stderr)
	}
	if names := listDir(t, strictOut); len(names) > 0 {
		t.Errorf("--strict wrote %v", names)
	}
	// Once the guesses are confirmed (the comments deleted) and the stubs
	// replaced, --strict builds.
	data, _ := os.ReadFile(manifest)
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if i := strings.Index(l, "# CHECK"); i > 0 {
			l = strings.TrimRight(l[:i], " ")
		}
		lines = append(lines, l)
	}
	fixed := strings.NewReplacer(`"Unknown"`, `"A. Writer"`, `title: "mybook"`, `title: "My Book"`).Replace(strings.Join(lines, "\n"))
	for name, content := range map[string]string{"manifest.yaml": fixed, "introduction.md": "An introduction.\n", "source.md": "# One\n\nThe text.\n"} {
		if err := os.WriteFile(filepath.Join(book, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runCLI(t, "build", "-q", "--strict", "-o", strictOut, book); code != exitOK || stderr != "" {
		t.Errorf("confirmed seed with --strict: exit %d: %s", code, stderr)
	}
}

func TestMissingImageWarnsOrFailsWhenStrict(t *testing.T) {
	t.Parallel()
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
	// The warning is replayed when the build is up to date, and --strict
	// refuses it then too.
	if code, _, stderr := runCLI(t, "build", "-o", out, dir); code != exitOK || !strings.Contains(stderr, "up to date") || !strings.Contains(stderr, "plates/map.png") {
		t.Errorf("up-to-date build: exit %d, stderr %q; want the warning again", code, stderr)
	}
	code, _, stderr = runCLI(t, "build", "-q", "--strict", "-o", out, dir)
	if code != exitError || !strings.Contains(stderr, "plates/map.png") {
		t.Errorf("--strict: exit %d, stderr %q; want exit 1 naming the image", code, stderr)
	}
}

// TestOutputFileOrFolder checks -o as pandoc users expect it: a file when
// one seed is built in one format (the format from the extension), a
// folder otherwise, - for standard output; and no mistyped deep path made.
func TestOutputFileOrFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := tinySeed(t, dir, "a", "")
	b := tinySeed(t, dir, "b", "")

	file := filepath.Join(dir, "book.pdf")
	if code, _, stderr := runCLI(t, "build", "-q", "-o", file, a); code != exitOK {
		t.Fatalf("-o book.pdf: exit %d: %s", code, stderr)
	}
	if data, err := os.ReadFile(file); err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("-o book.pdf did not write a PDF there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".bindery")); err == nil {
		t.Error("-o book.pdf left a .bindery folder beside it")
	}
	if code, _, stderr := runCLI(t, "build", "-q", "-o", filepath.Join(dir, "Book.EPUB"), a); code != exitOK {
		t.Errorf("-o Book.EPUB: exit %d: %s", code, stderr)
	} else if data, _ := os.ReadFile(filepath.Join(dir, "Book.EPUB")); !bytes.HasPrefix(data, []byte("PK")) {
		t.Error("-o Book.EPUB is not an EPUB")
	}
	if code, _, stderr := runCLI(t, "build", "-q", "--format", "cover", "-o", filepath.Join(dir, "cover.pdf"), a); code != exitOK {
		t.Errorf("--format cover -o cover.pdf: exit %d: %s", code, stderr)
	}
	var stdout bytes.Buffer
	var stderr bytes.Buffer
	if code := run([]string{"build", "--format", "epub", "-o", "-", a}, &stdout, &stderr); code != exitOK || !bytes.HasPrefix(stdout.Bytes(), []byte("PK")) {
		t.Errorf("-o -: exit %d, %d bytes on stdout: %s", code, stdout.Len(), stderr.String())
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", file, a, b}, "names one file, but 2 seeds"},
		{[]string{"--format", "epub,pdf", "-o", file, a}, "makes 2: give -o a folder"},
		{[]string{"--format", "epub", "-o", file, a}, "is a .pdf file, but --format is epub"},
		{[]string{"-o", filepath.Join(dir, "book.docx"), a}, "bindery writes .epub and .pdf files"},
		{[]string{"-o", "-", a}, "name one seed and one --format"},
	} {
		code, _, stderr := runCLI(t, append([]string{"build"}, tc.args...)...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want %q", tc.args, code, stderr, tc.want)
		}
	}

	// A folder: made when missing, with its parents, and named.
	out := filepath.Join(dir, "dist")
	if code, _, stderr := runCLI(t, "build", "-q", "-o", out, a, b); code != exitOK || len(listDir(t, out)) != 5 {
		t.Errorf("-o dist: exit %d, folder holds %v: %s", code, listDir(t, out), stderr)
	}
	deep := filepath.Join(dir, "dsit", "books")
	code, _, stderr2 := runCLI(t, "build", "-o", deep, a)
	if code != exitOK || !strings.Contains(stderr2, "made folder "+filepath.Join(dir, "dsit")+"\n") {
		t.Errorf("-o dsit/books: exit %d, stderr %q; want the build, and dsit named as made", code, stderr2)
	}
	if len(listDir(t, deep)) == 0 {
		t.Error("-o dsit/books: nothing written there")
	}
	// An existing folder is not reported as made.
	if _, _, stderr := runCLI(t, "build", "--force", "-o", deep, a); strings.Contains(stderr, "made folder") {
		t.Errorf("-o into an existing folder: %q", stderr)
	}
}

// TestMetadataOptions checks -M and --metadata-file, in pandoc's order of
// precedence: the file under the manifest, -M over it.
func TestMetadataOptions(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := tinySeed(t, dir, "book", "")
	house := filepath.Join(dir, "house.yaml")
	if err := os.WriteFile(house, []byte("title: Not This\nedition:\n  publisher: The House Press\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, "build", "-q", "--format", "epub", "--metadata-file", house, "-M", "subtitle=A Given Subtitle", "--metadata", "edition.date=2026-03-04", "-o", out, book)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	opf := string(epubPackageDocument(t, filepath.Join(out, "book.epub")))
	for _, want := range []string{">A Small Book<", "A Given Subtitle", "The House Press", "2026-03-04"} {
		if !strings.Contains(opf, want) {
			t.Errorf("the EPUB's package document lacks %q", want)
		}
	}
	if strings.Contains(opf, "Not This") {
		t.Error("the metadata file's title won over the manifest's")
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("edition:\n\tpublisher: X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "check", "--metadata-file", bad, book); code != exitError || !strings.Contains(stderr, bad+":2:1: a tab character") {
		t.Errorf("bad metadata file: exit %d, stderr %q", code, stderr)
	}
}

// TestVerbose checks that -v shows each seed's stages with their timings.
func TestVerbose(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := tinySeed(t, dir, "book", "")
	code, _, stderr := runCLI(t, "build", "-v", "-o", filepath.Join(dir, "out"), book)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"1 seeds, 1 at a time", book + ":", "read the seed", "set the print edition (", "write the PDF", "write the EPUB", "account for every word", "write the files", "ms\n", "1 built, 0 up to date"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("-v output lacks %q:\n%s", want, stderr)
		}
	}
	if _, _, quiet := runCLI(t, "build", "-o", filepath.Join(dir, "out2"), book); strings.Contains(quiet, "read the seed") {
		t.Errorf("stages shown without -v:\n%s", quiet)
	}
}

// TestPathHints checks the hints for paths written for Windows.
func TestPathHints(t *testing.T) {
	t.Parallel()
	if filepath.Separator != '/' {
		t.Skip("on Windows a backslash separates folders")
	}
	dir := t.TempDir()
	book := tinySeed(t, dir, "book", "")
	code, _, stderr := runCLI(t, "build", strings.ReplaceAll(book, "/", `\`))
	if code != exitError || !strings.Contains(stderr, "folders are separated by / here") {
		t.Errorf("a seed folder written with backslashes: exit %d, stderr %q", code, stderr)
	}
	if err := os.MkdirAll(filepath.Join(book, "text"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(book, "text.md"), filepath.Join(book, "text", "source.md")); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(book, "manifest.yaml")
	data, _ := os.ReadFile(manifest)
	if err := os.WriteFile(manifest, bytes.Replace(data, []byte("file: text.md"), []byte(`file: 'text\source.md'`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "check", book)
	if code != exitError || !strings.Contains(stderr, `write paths with forward slashes on every system: "text/source.md"`) {
		t.Errorf("a manifest path written with a backslash: exit %d, stderr %q", code, stderr)
	}
}

// TestYAMLErrorsNameLineAndColumn checks, from the command line, that a
// tab or a syntax error in any of a seed's YAML files is reported at its
// own line and column.
func TestYAMLErrorsNameLineAndColumn(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file, content, want string
	}{
		{"manifest.yaml", "title: A Small Book\ncreators: [{name: A. Writer}]\nlanguage: en\nedition:\n  date: 2026-01-01\n\ttrim: a5\ntext: {file: text.md}\nintroduction: intro.md\n", "manifest.yaml:6:1: a tab character in the indentation"},
		{"manifest.yaml", "title: A Small Book\ncreators: [{name: A. Writer}]\nlanguage: en\nedition:\n  date: 2026-01-01\n  \ttrim: a5\ntext: {file: text.md}\nintroduction: intro.md\n", "manifest.yaml:6:3: a tab character"},
		{"emendations.yaml", "- source: \"first part\"\n\treading: \"first parts\"\n  reason: a test\n", "emendations.yaml:2:1: a tab character"},
		{"notes.yaml", "notes:\n  - anchor: \"second part\"\n\t  text: A note.\n", "notes.yaml:3:1: a tab character"},
		{"emendations.yaml", "- source: \"first part\n  reading: x\n", "emendations.yaml:"},
	} {
		dir := t.TempDir()
		extra := ""
		switch tc.file {
		case "emendations.yaml":
			extra = "emendations: emendations.yaml\n"
		case "notes.yaml":
			extra = "notes: notes.yaml\n"
		}
		book := tinySeed(t, dir, "book", extra)
		if err := os.WriteFile(filepath.Join(book, tc.file), []byte(tc.content), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runCLI(t, "check", book)
		if code != exitError || !strings.Contains(stderr, filepath.Join(book, tc.want)) && !strings.Contains(stderr, tc.want) {
			t.Errorf("%s %q: exit %d, stderr %q; want %q", tc.file, tc.content, code, stderr, tc.want)
		}
		if tc.want == "emendations.yaml:" && !regexp.MustCompile(`emendations\.yaml:\d+: YAML syntax`).MatchString(stderr) {
			t.Errorf("a syntax error without its line: %s", stderr)
		}
	}
}

// TestWatchRebuildsOnChange runs bindery watch, changes a file of the seed,
// and waits for the rebuild; then stops it as Ctrl-C would.
func TestWatchRebuildsOnChange(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := tinySeed(t, dir, "book", "")
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &syncBuffer{}
	var opened []string
	c := &cli{ctx: ctx, stdout: &bytes.Buffer{}, stderr: stderr, watchEvery: 20 * time.Millisecond,
		open: func(path string) error { opened = append(opened, path); return nil }}
	done := make(chan int)
	go func() { done <- c.run([]string{"watch", "--open", "--format", "pdf", "-o", out, book}) }()

	waitFor := func(n int) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for strings.Count(stderr.String(), " wrote ") < n {
			if time.Now().After(deadline) {
				t.Fatalf("no build %d after 20 s:\n%s", n, stderr.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor(1)
	if err := os.WriteFile(filepath.Join(book, "intro.md"), []byte("A changed introduction.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(2)
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("watch exited %d", code)
	}
	if len(opened) != 1 || opened[0] != filepath.Join(out, "book.pdf") {
		t.Errorf("--open opened %q, want the PDF once", opened)
	}
	if n := strings.Count(stderr.String(), " wrote "); n != 2 {
		t.Errorf("%d builds, want 2 (one change):\n%s", n, stderr.String())
	}
}

// syncBuffer is a bytes.Buffer safe to write from one goroutine and read
// from another.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestInterrupted cancels builds as Ctrl-C does, and checks that the report
// says what was written whole and what was not built, and that it is true
// of the files on disk.
func TestInterrupted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var seeds []string
	for i := range 6 {
		seeds = append(seeds, tinySeed(t, dir, fmt.Sprintf("book-%d", i), ""))
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithCancel(context.Background())
	// The first report of a file written is the Ctrl-C.
	stderr := &cancelOnWrite{cancel: cancel}
	c := &cli{ctx: ctx, stdout: &bytes.Buffer{}, stderr: stderr, watchEvery: time.Second, open: openViewer}
	code := c.run(append([]string{"build", "--format", "pdf", "-o", out}, seeds...))
	report := stderr.buf.String()
	if code != exitInterrupted || !strings.Contains(report, "bindery: interrupted.") {
		t.Fatalf("exit %d, report:\n%s", code, report)
	}
	_, listed, _ := strings.Cut(report, "Written whole: ")
	listed, _, _ = strings.Cut(listed, "\n")
	_, notBuilt, _ := strings.Cut(report, "Not built (their earlier files, if any, are as they were): ")
	notBuilt, _, _ = strings.Cut(notBuilt, "\n")
	for i, s := range seeds {
		pdf := filepath.Join(out, fmt.Sprintf("book-%d.pdf", i))
		_, err := os.Stat(pdf)
		inWritten := strings.Contains(listed, pdf)
		inNotBuilt := strings.Contains(notBuilt, s+",") || strings.HasSuffix(strings.TrimSpace(notBuilt), s)
		if (err == nil) != inWritten || inWritten == inNotBuilt {
			t.Errorf("%s: on disk %t, reported written %t, reported not built %t", s, err == nil, inWritten, inNotBuilt)
		}
	}
	// Nothing half written: no temporary files.
	for _, n := range listDir(t, out) {
		if strings.Contains(n, ".tmp-") {
			t.Errorf("temporary file %s left", n)
		}
	}

	// Ctrl-C before the first build ends: nothing written, every seed
	// named.
	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	var early bytes.Buffer
	c = &cli{ctx: ctx, stdout: &bytes.Buffer{}, stderr: &early, watchEvery: time.Second, open: openViewer}
	out2 := filepath.Join(dir, "out2")
	code = c.run(append([]string{"build", "--format", "pdf", "-o", out2}, seeds...))
	if code != exitInterrupted || !strings.Contains(early.String(), "No file was written.") || !strings.Contains(early.String(), "Not built (their earlier files, if any, are as they were): "+strings.Join(seeds, ", ")) {
		t.Errorf("interrupted before the first build: exit %d, report:\n%s", code, early.String())
	}
	if names := listDir(t, out2); len(names) > 0 {
		t.Errorf("interrupted before the first build, yet %v written", names)
	}
}

// cancelOnWrite collects what is written and cancels once a build reports
// a file written.
type cancelOnWrite struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	cancel func()
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if bytes.HasPrefix(p, []byte("wrote ")) {
		w.cancel()
	}
	return w.buf.Write(p)
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
