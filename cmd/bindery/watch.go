package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bindery-editions/bindery/edition"
)

var watchCommand = &command{
	name:    "watch",
	args:    "SEED_DIR",
	summary: "rebuild a seed whenever one of its files changes, for proofing",
	about: `Build one seed, then build it again each time one of its files changes
(saved from an editor, say), until Ctrl-C: keep the PDF open in a viewer that
reloads changed files and proof as you edit. With --open, the PDF is opened
in the system's viewer after the first build. A build that fails reports
its problem and the previous files stay as they were.`,
	define:   func(fs *flag.FlagSet) { defineBuildFlags(fs, "watch") },
	run:      runWatch,
	complete: "dir",
}

func runWatch(c *cli, cmd *command, args []string) int {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	f := buildFlagsOf(cmd, fs)
	fs.SetOutput(io.Discard)
	rest, code := c.parse(cmd, fs, args)
	if code >= 0 {
		return code
	}
	if len(rest) != 1 {
		return c.usageError(cmd, "name one seed folder to watch")
	}
	// A build collects its garbage only at the memory limit (see main), as
	// it exits soon after; watch lives on, so it collects as a program
	// does, rather than hold each build's garbage up to the limit.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	opts, code := c.buildOptions(cmd, f)
	if code >= 0 {
		return code
	}
	seeds, code := c.seedFolders(cmd, rest)
	if code >= 0 {
		return code
	}
	if code := c.outputOptions(cmd, f, fs, &opts, 1); code >= 0 {
		return code
	}
	if opts.Stdout != nil {
		return c.usageError(cmd, "watch writes files: give -o a folder or a file")
	}
	if _, err := edition.Plan(seeds, opts); err != nil {
		fmt.Fprintf(c.stderr, "bindery watch: %v\n", err)
		return exitError
	}
	dir := seeds[0]
	// Outputs written inside the seed folder are not changes to it.
	skip := opts.OutDir
	if opts.OutFile != "" {
		skip = opts.OutFile
	}
	skip, _ = filepath.Abs(skip)
	opened := !*f.open
	last := ""
	for {
		state, err := folderState(dir, skip)
		if err != nil {
			fmt.Fprintf(c.stderr, "bindery watch: %v\n", err)
			return exitError
		}
		if state != last {
			last = state
			res := c.watchBuild(dir, opts, *f.verbose)
			if !opened && res != nil {
				opened = true
				c.openOutput(res)
			}
			fmt.Fprintf(c.stderr, "watching %s for changes (Ctrl-C to stop)\n", dir)
		}
		select {
		case <-c.ctx.Done():
			fmt.Fprintf(c.stderr, "bindery watch: stopped\n")
			return exitOK
		case <-time.After(c.watchEvery):
		}
	}
}

// watchBuild builds once and reports it, with the time of day so that a
// rebuild is told from the one before.
func (c *cli) watchBuild(dir string, opts edition.BuildOptions, verbose bool) *edition.BuildResult {
	if verbose {
		opts.Stage = func(name string, took time.Duration) {
			fmt.Fprintf(c.stderr, "  %-44s %s\n", name, took.Round(time.Millisecond))
		}
	}
	start := time.Now()
	res, err := edition.BuildContext(c.ctx, dir, opts)
	stamp := start.Format("15:04:05")
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return nil
		}
		fmt.Fprintf(c.stderr, "%s bindery watch: %v%s\n", stamp, err, errorHint(err))
		return nil
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(c.stderr, "warning: %s\n", w)
	}
	for _, out := range res.Outputs {
		fmt.Fprintf(c.stderr, "%s wrote %s (%s, %s)\n", stamp, out.Path, humanSize(out.Size), out.Duration.Round(time.Millisecond))
	}
	return res
}

// openOutput opens the PDF the build wrote, or else its first file.
func (c *cli) openOutput(res *edition.BuildResult) {
	if len(res.Outputs) == 0 {
		return
	}
	path := res.Outputs[0].Path
	for _, out := range res.Outputs {
		if out.Format == edition.FormatPDF {
			path = out.Path
		}
	}
	if err := c.open(path); err != nil {
		fmt.Fprintf(c.stderr, "bindery watch: cannot open %s: %v (open it in a viewer that reloads changed files)\n", path, err)
	}
}

// folderState sums up the seed folder's files, by name, size and time of
// change, leaving out hidden files and skip (the output, when it is inside
// the seed): a different sum means a file changed. A seed is a handful of
// files, so looking at them a few times a second costs nothing, and works
// where change notification does not (network drives, editors that save
// by renaming a new file over the old).
func folderState(dir, skip string) (string, error) {
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if abs, err := filepath.Abs(path); err == nil && abs == skip && path != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	return b.String(), err
}

// openViewer opens a file with the system's handler for its type:
// xdg-open on Linux and the BSDs, open on macOS, start on Windows.
func openViewer(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", path)
	case "windows":
		cmd = exec.Command("cmd", "/c", "start", "", path)
	default:
		if _, err := exec.LookPath("xdg-open"); err != nil {
			return fmt.Errorf("no viewer found (xdg-open is not installed)")
		}
		cmd = exec.Command("xdg-open", path)
	}
	cmd.Stdout, cmd.Stderr = nil, nil
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
