// Command bindery turns seeds (a source text, a manifest and an editorial
// introduction) into finished editions: a reflowable EPUB 3 and a
// print-ready PDF.
//
// This package only wires the command line to package edition: it parses
// flags, prints progress and warnings, and chooses exit codes. It is the only
// code in the project that prints or exits.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bindery-editions/bindery/edition"
	"github.com/bindery-editions/bindery/edition/seed"
	"github.com/bindery-editions/bindery/layout"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

// Exit codes, as documented in the README.
const (
	exitOK    = 0 // success
	exitError = 1 // a build or input error
	exitUsage = 2 // the command line was wrong
)

const usage = `bindery turns seeds into editions: an EPUB 3 e-book and a print-ready PDF.

Usage:
  bindery build [--format epub,pdf,cover] [--trim NAME] [--profile print|screen] [--no-bookmarks] [-o DIR] [-q] [--strict] [SEED_DIR ...]
  bindery check [SEED_DIR ...]
  bindery lint [--json] PATH
  bindery new [-o DIR] SLUG
  bindery import [-o SEED_DIR] FILE
  bindery --version

With no SEED_DIR, build and check take every folder under seeds/ that holds
a manifest.yaml. Run "bindery COMMAND --help" for a command's options.

Exit codes: 0 success, 1 a build or input error, 2 a usage error.
`

func main() {
	// A long book's live heap is about 150 MB; without a limit the
	// collector lets the process grow to twice that. A soft limit of
	// 250 MB for each book that can be built at once (one per processor)
	// keeps a 1,000-page build near 260 MB for a few percent more CPU (see
	// BENCHMARKS.md). GOMEMLIMIT, when set, wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(runtime.GOMAXPROCS(0)) * 250 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: tests call it directly.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuildCommand(args[1:], stdout, stderr, false)
	case "check":
		return runBuildCommand(args[1:], stdout, stderr, true)
	case "lint":
		return runLint(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "bindery %s\n", version)
		return exitOK
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "bindery: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// parseInterspersed parses flags that may come before, between or after the
// positional arguments ("build seeds/x -o out" as well as "build -o out
// seeds/x"), returning the positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s\n\nOptions:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

func runBuildCommand(args []string, stdout, stderr io.Writer, checkOnly bool) int {
	name, synopsis := "build", "bindery build [--format epub,pdf,cover] [--trim NAME] [--profile print|screen] [-o DIR] [-q] [--strict] [SEED_DIR ...]"
	if checkOnly {
		name, synopsis = "check", "bindery check [--strict] [SEED_DIR ...]   (reads and sets every seed, writes nothing)"
	}
	fs := newFlagSet(name, synopsis, stderr)
	outDir := fs.String("o", "dist", "output `folder`")
	formats := fs.String("format", "epub,pdf", "comma-separated `formats` to write: epub, pdf, cover (the wraparound cover for print on demand, <slug>-cover.pdf)")
	trim := fs.String("trim", "", "trim size `NAME`, overriding the manifest: "+strings.Join(layout.TrimNames(), ", "))
	profile := fs.String("profile", "", "PDF profile: print (no links, with bleed) or screen (links and bookmarks); default: screen for a4/letter, print otherwise")
	noBookmarks := fs.Bool("no-bookmarks", false, "leave the bookmarks (outline) out of the PDF, as KDP asks for print files")
	quiet := fs.Bool("q", false, "quiet: print only warnings and errors")
	strict := fs.Bool("strict", false, "treat warnings (such as missing images) as errors")
	seeds, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}

	var opts edition.BuildOptions
	opts.OutDir = *outDir
	opts.Strict = *strict
	opts.NoBookmarks = *noBookmarks
	opts.DryRun = checkOnly
	for _, f := range strings.Split(*formats, ",") {
		f = strings.TrimSpace(strings.ToLower(f))
		switch f {
		case edition.FormatEPUB, edition.FormatPDF, edition.FormatCover:
			opts.Formats = append(opts.Formats, f)
		case "":
		default:
			fmt.Fprintf(stderr, "bindery %s: unknown format %q (use epub, pdf, cover, or a list such as epub,pdf)\n", name, f)
			return exitUsage
		}
	}
	if *trim != "" {
		t, err := layout.LookupTrim(*trim)
		if err != nil {
			fmt.Fprintf(stderr, "bindery %s: --trim: %v\n", name, err)
			return exitUsage
		}
		opts.Trim = t.Name
	}
	switch *profile {
	case "print":
		opts.Profile = layout.Print
	case "screen":
		opts.Profile = layout.Screen
	case "":
		// layout chooses by the trim (layout.AutoProfile).
	default:
		fmt.Fprintf(stderr, "bindery %s: unknown --profile %q (use print or screen)\n", name, *profile)
		return exitUsage
	}
	modified, err := sourceDateEpoch()
	if err != nil {
		fmt.Fprintf(stderr, "bindery %s: %v\n", name, err)
		return exitUsage
	}
	opts.Modified = modified

	if len(seeds) == 0 {
		seeds, err = findSeeds("seeds")
		if err != nil {
			fmt.Fprintf(stderr, "bindery %s: %v\n", name, err)
			return exitError
		}
		if len(seeds) == 0 {
			fmt.Fprintf(stderr, "bindery %s: no seeds found: seeds/ has no folder with a %s (name seed folders on the command line)\n", name, seed.ManifestName)
			return exitError
		}
	}

	// Seeds are built concurrently, one per processor; reports are printed
	// in the order the seeds were named, each as soon as it and those
	// before it are done.
	type outcome struct {
		res  *edition.BuildResult
		err  error
		took time.Duration
		done chan struct{}
	}
	outcomes := make([]outcome, len(seeds))
	// One worker budget for the whole command: as many seeds at once as
	// there are processors, and each build the processors left to it.
	procs := runtime.GOMAXPROCS(0)
	concurrent := min(len(seeds), procs)
	opts.Workers = max(1, procs/concurrent)
	slots := make(chan struct{}, concurrent)
	for i, dir := range seeds {
		outcomes[i].done = make(chan struct{})
		go func(o *outcome, dir string) {
			slots <- struct{}{}
			defer func() { <-slots; close(o.done) }()
			start := time.Now()
			o.res, o.err = edition.Build(dir, opts)
			o.took = time.Since(start)
		}(&outcomes[i], dir)
	}
	var failed []string
	for i, dir := range seeds {
		o := &outcomes[i]
		<-o.done
		if o.err != nil {
			fmt.Fprintf(stderr, "bindery %s: %v\n", name, o.err)
			failed = append(failed, dir)
			continue
		}
		for _, w := range o.res.Book.Warnings {
			fmt.Fprintf(stderr, "warning: %s\n", w)
		}
		if *quiet {
			continue
		}
		if checkOnly {
			fmt.Fprintf(stderr, "%s: ok (%d print pages, %s)\n", dir, o.res.Pages, o.took.Round(time.Millisecond))
			continue
		}
		for _, out := range o.res.Outputs {
			fmt.Fprintf(stderr, "wrote %s (%s, %s)\n", out.Path, humanSize(out.Size), out.Duration.Round(time.Millisecond))
		}
	}
	if len(failed) > 0 {
		fmt.Fprintf(stderr, "bindery %s: %d of %d seeds failed: %s\n", name, len(failed), len(seeds), strings.Join(failed, ", "))
		return exitError
	}
	return exitOK
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH (reproducible-builds.org): when
// set, it is the build timestamp of every output.
func sourceDateEpoch() (time.Time, error) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Time{}, nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a whole number of seconds since 1970", v)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// findSeeds lists the folders under root that hold a manifest, sorted.
func findSeeds(root string) ([]string, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w (run bindery from the project folder, or name seed folders)", root, err)
	}
	var dirs []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		if _, err := os.Stat(filepath.Join(dir, seed.ManifestName)); err == nil {
			dirs = append(dirs, dir)
		}
	}
	sort.Strings(dirs)
	return dirs, nil
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// today is the only read of the clock in bindery: it dates a new seed's
// manifest, never a build.
func today() time.Time { return time.Now().UTC() }
