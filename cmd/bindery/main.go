// Command bindery turns seeds (a source text, a manifest and an editorial
// introduction) into finished editions: a reflowable EPUB 3 and a
// print-ready PDF.
//
// This package only wires the command line to package edition: it parses
// flags, prints progress and warnings, and chooses exit codes. It is the only
// code in the project that prints or exits.
package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/bindery-editions/bindery/edition/seed"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3";
// otherwise the module's build information says it (see versionString).
var version = ""

// Exit codes, as documented in the README.
const (
	exitOK          = 0   // success
	exitError       = 1   // a build or input error
	exitUsage       = 2   // the command line was wrong
	exitInterrupted = 130 // stopped by Ctrl-C (128 + SIGINT, as shells report it)
)

func main() {
	// A long book's live heap is about 150 MB; without a limit the
	// collector lets the process grow to twice that or more. A soft limit
	// of 225 MB of heap for each book built at once (one per processor
	// until buildJobs knows how many) keeps a 1,000-page build's peak
	// resident memory, which adds the program's own pages, near 240 MB:
	// under the 250 MB a long book may take. GOMEMLIMIT, when set, wins.
	var bookMemory int64
	if os.Getenv("GOMEMLIMIT") == "" {
		bookMemory = defaultBookMemory
		debug.SetMemoryLimit(int64(runtime.GOMAXPROCS(0)) * bookMemory)
	}
	// A build is short and allocates most of what it will ever hold in
	// its first tenth of a second (85 MB for a 60-page book), so any
	// collection before the memory limit is work thrown away: with a limit
	// in force the collector runs only when the limit is reached, which a
	// short book never does and a long one does as late as it can (the
	// open letter's build took 163 ms of CPU with GOGC 400 and 141 ms so).
	// Without a limit (GOMEMLIMIT=off, say), five times the live heap.
	// GOGC, when set, wins.
	if os.Getenv("GOGC") == "" {
		if debug.SetMemoryLimit(-1) < math.MaxInt64 {
			debug.SetGCPercent(-1)
		} else {
			debug.SetGCPercent(400)
		}
	}
	// The first Ctrl-C asks the running command to stop and say what it
	// wrote; a second one ends the process at once (stop restores the
	// default handling).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	c := &cli{ctx: ctx, stdout: os.Stdout, stderr: os.Stderr, watchEvery: 300 * time.Millisecond, open: openViewer, bookMemory: bookMemory}
	os.Exit(c.run(os.Args[1:]))
}

// cli is one run of the command: where it prints, what stops it, and the
// few things tests replace.
type cli struct {
	ctx            context.Context
	stdout, stderr io.Writer
	// watchEvery is how often bindery watch looks at the seed's files.
	watchEvery time.Duration
	// open shows a file in the system's viewer (bindery watch --open).
	open func(path string) error
	// bookMemory is the soft memory limit each book built at once may
	// use, or 0 to leave the process's limit alone (tests, GOMEMLIMIT).
	bookMemory int64
}

// defaultBookMemory is the soft memory limit of each book built at once
// when GOMEMLIMIT does not set one (see main).
const defaultBookMemory = 225 << 20

// run is main without the process: tests call it directly.
func run(args []string, stdout, stderr io.Writer) int {
	c := &cli{ctx: context.Background(), stdout: stdout, stderr: stderr, watchEvery: 300 * time.Millisecond, open: openViewer}
	return c.run(args)
}

func (c *cli) run(args []string) int {
	if len(args) == 0 {
		generalHelp(c.stderr)
		return exitUsage
	}
	switch args[0] {
	case "--version", "-version":
		return versionCommand.run(c, versionCommand, args[1:])
	case "--help", "-help", "-h":
		return helpCommand.run(c, helpCommand, args[1:])
	}
	if cmd := lookup(args[0]); cmd != nil {
		return cmd.run(c, cmd, args[1:])
	}
	return c.unknownCommand(args[0])
}

// unknownCommand reports a command bindery does not have, with the one
// the user most likely meant.
func (c *cli) unknownCommand(name string) int {
	fmt.Fprintf(c.stderr, "bindery: unknown command %q", name)
	switch s := seed.Suggest(name, commandNames()); {
	case s != "":
		fmt.Fprintf(c.stderr, " (did you mean %q?)", s)
	case isSeedFolder(name):
		fmt.Fprintf(c.stderr, " (to build that seed: bindery build %s)", name)
	case strings.HasPrefix(name, "-"):
		fmt.Fprintf(c.stderr, " (options follow the command: bindery build %s ...)", name)
	}
	fmt.Fprintf(c.stderr, "\nThe commands are %s. Run \"bindery help\" for more.\n", strings.Join(commandNames(), ", "))
	return exitUsage
}

func isSeedFolder(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, seed.ManifestName))
	return err == nil
}

// versionString is bindery's version: the one set at release, else the
// module version go install recorded (bindery@v1.2.0), else the commit a
// build from a checkout was made from.
func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	return versionFrom(info)
}

// versionFrom reads a version out of build information.
func versionFrom(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return "(devel)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified == "true" {
		return "(devel) " + rev + "+changes"
	}
	return "(devel) " + rev
}

// today is the only read of the clock in bindery: it dates a new seed's
// manifest, never a build.
func today() time.Time { return time.Now().UTC() }
