package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bindery-editions/bindery/edition"
	"github.com/bindery-editions/bindery/edition/seed"
	"github.com/bindery-editions/bindery/layout/document"
	"github.com/bindery-editions/bindery/layout/pagedesign"
)

var buildCommand = &command{
	name:    "build",
	args:    "[SEED_DIR ...]",
	summary: "make the editions of seeds (by default every folder under seeds/)",
	about: `Make the editions of the seeds named, or of every folder under seeds/ that
holds a manifest.yaml: <slug>.epub and <slug>.pdf in the output folder, each
written whole or not at all. bindery never replaces a file it did not write,
nor a read-only one, and refuses two seeds that would write the same file
before writing anything.

A seed whose files, options and bindery version are unchanged since its
outputs were written is skipped (a record of each build is kept in the
output folder's .bindery/); --force builds it all the same. A seed that
fails does not stop the others.`,
	define:   func(fs *flag.FlagSet) { defineBuildFlags(fs, "build") },
	run:      runBuildCommand,
	complete: "dir",
}

var checkCommand = &command{
	name:    "check",
	args:    "[SEED_DIR ...]",
	summary: "read and set seeds as build does, and write nothing",
	about: `Read, check and set every seed named (by default every folder under seeds/
with a manifest.yaml) as build would, report every problem and warning, and
write nothing.`,
	define:   func(fs *flag.FlagSet) { defineBuildFlags(fs, "check") },
	run:      runBuildCommand,
	complete: "dir",
}

// buildFlags are the options of build, check and watch; each command
// defines only those it uses.
type buildFlags struct {
	out, formats, trim, profile, shard, metadataFile        *string
	metadata                                                listFlag
	quiet, verbose, strict, noBookmarks, force, open, prune *bool
}

func defineBuildFlags(fs *flag.FlagSet, name string) *buildFlags {
	f := &buildFlags{}
	str := func(s string) *string { return &s }
	no := func() *bool { b := false; return &b }
	f.out, f.formats, f.trim, f.profile, f.shard, f.metadataFile = str("dist"), str(""), str(""), str(""), str(""), str("")
	f.quiet, f.verbose, f.strict, f.noBookmarks, f.force, f.open, f.prune = no(), no(), no(), no(), no(), no(), no()
	writes := name != "check"
	if writes {
		fs.StringVar(f.out, "output", "dist", "where the files go: a `PATH` to a folder, made with its parents if missing; or, when one seed is built in one format, a file such as book.pdf, its format from its extension; or - for standard output")
		fs.StringVar(f.formats, "format", "", "the `LIST` of formats to write, separated by commas: epub, pdf, and cover (the wraparound cover for print on demand, <slug>-cover.pdf); default epub,pdf")
		fs.StringVar(f.profile, "profile", "", "the PDF's `KIND`: print (no links, 1/8 in bleed) or screen (links and bookmarks); default screen for the a4 and letter trims, print for the others")
		fs.BoolVar(f.noBookmarks, "no-bookmarks", false, "leave the bookmarks (outline) out of the PDF, as KDP asks of print files")
	}
	fs.StringVar(f.trim, "trim", "", "the print page size `NAME`, overriding the manifest's: "+strings.Join(pagedesign.TrimNames(), ", "))
	fs.Var(&f.metadata, "metadata", "set a manifest value for this build, over the manifest's: `KEY=VALUE`, e.g. edition.date=2026-05-01 (repeatable; a value starting with [ or { is a YAML list or mapping)")
	fs.StringVar(f.metadataFile, "metadata-file", "", "a YAML `FILE` of manifest values that each manifest may override, such as a publisher and rights shared by an archive")
	fs.BoolVar(f.verbose, "verbose", false, "show each seed's stages with their timings, and how the work is shared out")
	if name != "watch" {
		fs.BoolVar(f.quiet, "quiet", false, "print only warnings and errors")
		fs.BoolVar(f.strict, "strict", false, "treat warnings as errors: a missing image, and the placeholders and guesses (marked # CHECK) that bindery new and import leave in a manifest")
	}
	if name == "build" {
		fs.StringVar(f.shard, "shard", "", "build only the K-th of N shares of the seeds (`K/N`), chosen by a hash of each slug, so N machines can build an archive between them")
		fs.BoolVar(f.force, "force", false, "build every seed, even those whose outputs are up to date")
		fs.BoolVar(f.prune, "prune", false, "after a build without errors, remove from the output folder the files bindery wrote there for seeds not built this time (a seed deleted or renamed since)")
	}
	if name == "watch" {
		fs.BoolVar(f.open, "open", false, "open the PDF (or the EPUB, when only that is made) in the system's viewer after the first build")
	}
	return f
}

// buildFlagsOf defines the options of cmd on fs and returns them.
func buildFlagsOf(cmd *command, fs *flag.FlagSet) *buildFlags {
	fs.Init(cmd.name, flag.ContinueOnError)
	f := defineBuildFlags(fs, cmd.name)
	for long, short := range shortNames {
		if fl := fs.Lookup(long); fl != nil {
			fs.Var(fl.Value, short, fl.Usage)
		}
	}
	return f
}

// buildOptions turns the options, all but -o, into edition.BuildOptions.
// It returns a usage or an input problem as an exit code after printing
// it.
func (c *cli) buildOptions(cmd *command, f *buildFlags) (edition.BuildOptions, int) {
	var opts edition.BuildOptions
	opts.DryRun = cmd.name == "check"
	opts.Strict = *f.strict
	opts.NoBookmarks = *f.noBookmarks
	for _, name := range strings.Split(*f.formats, ",") {
		name = strings.TrimSpace(strings.ToLower(name))
		switch name {
		case edition.FormatEPUB, edition.FormatPDF, edition.FormatCover:
			opts.Formats = append(opts.Formats, name)
		case "":
		default:
			hint := "use epub, pdf, cover, or a list such as epub,pdf"
			if s := seed.Suggest(name, []string{"epub", "pdf", "cover"}); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			return opts, c.usageError(cmd, "unknown format %q (%s)", name, hint)
		}
	}
	if *f.trim != "" {
		t, err := pagedesign.LookupTrim(*f.trim)
		if err != nil {
			return opts, c.usageError(cmd, "--trim: %v", err)
		}
		opts.Trim = t.Name
	}
	switch *f.profile {
	case "print":
		opts.Profile = document.Print
	case "screen":
		opts.Profile = document.Screen
	case "":
		// layout chooses by the trim (document.AutoProfile).
	default:
		return opts, c.usageError(cmd, "unknown --profile %q (use print or screen)", *f.profile)
	}
	modified, err := sourceDateEpoch()
	if err != nil {
		return opts, c.usageError(cmd, "%v", err)
	}
	opts.Modified = modified

	if len(f.metadata) > 0 || *f.metadataFile != "" {
		md := &seed.Metadata{}
		if *f.metadataFile != "" {
			data, err := os.ReadFile(*f.metadataFile)
			if err != nil {
				fmt.Fprintf(c.stderr, "bindery %s: --metadata-file: %v%s\n", cmd.name, err, pathHint(*f.metadataFile))
				return opts, exitError
			}
			if err := md.AddFile(*f.metadataFile, data); err != nil {
				fmt.Fprintf(c.stderr, "bindery %s: %v\n", cmd.name, err)
				return opts, exitError
			}
		}
		for _, pair := range f.metadata {
			if err := md.Set(pair); err != nil {
				return opts, c.usageError(cmd, "%v", err)
			}
		}
		opts.Metadata = md
	}

	return opts, -1
}

// outputOptions reads -o into opts: a folder, or a file when one seed is
// built in one format, or - for standard output.
func (c *cli) outputOptions(cmd *command, f *buildFlags, fs *flag.FlagSet, opts *edition.BuildOptions, seeds int) int {
	if opts.DryRun {
		return -1
	}
	formatGiven := false
	fs.Visit(func(fl *flag.Flag) { formatGiven = formatGiven || fl.Name == "format" })
	out := *f.out
	file, format, isFile := outputFile(out)
	switch {
	case out == "-":
		if seeds != 1 || len(opts.Formats) != 1 {
			return c.usageError(cmd, "-o - writes one file to standard output: name one seed and one --format")
		}
		opts.Stdout = c.stdout
	case isFile:
		if format == "" {
			return c.usageError(cmd, "-o %s: bindery writes .epub and .pdf files; to name a folder, leave out the extension or end it with /", out)
		}
		if seeds != 1 {
			return c.usageError(cmd, "-o %s names one file, but %d seeds are to be built: name one seed, or give -o a folder", out, seeds)
		}
		switch {
		case !formatGiven:
			opts.Formats = []string{format}
		case len(opts.Formats) != 1:
			return c.usageError(cmd, "-o %s names one file, but --format %s makes %d: give -o a folder", out, *f.formats, len(opts.Formats))
		case opts.Formats[0] == edition.FormatCover && format == edition.FormatPDF:
		case opts.Formats[0] != format:
			return c.usageError(cmd, "-o %s is a .%s file, but --format is %s", out, format, opts.Formats[0])
		}
		opts.OutFile = file
	default:
		opts.OutDir = out
	}
	return -1
}

// outputFile reads -o's value: a path ending in .epub or .pdf names a file
// (format is its format); another extension of letters names a file
// bindery cannot write (format ""); anything else, or an existing folder,
// names a folder.
func outputFile(out string) (path, format string, isFile bool) {
	if out == "" || out == "-" || strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)) {
		return "", "", false
	}
	if info, err := os.Stat(out); err == nil && info.IsDir() {
		return "", "", false
	}
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
	switch ext {
	case "epub":
		return out, edition.FormatEPUB, true
	case "pdf":
		return out, edition.FormatPDF, true
	case "":
		return "", "", false
	}
	for _, r := range ext {
		if r < 'a' || r > 'z' {
			return "", "", false // v1.2, out.2026: a folder
		}
	}
	return out, "", true
}

// seedFolders returns the seed folders named, or every folder under seeds/
// with a manifest; an exit code when there are none or one cannot be
// found.
func (c *cli) seedFolders(cmd *command, args []string) ([]string, int) {
	if len(args) == 0 {
		seeds, err := findSeeds("seeds")
		if err != nil {
			fmt.Fprintf(c.stderr, "bindery %s: %v\n", cmd.name, err)
			return nil, exitError
		}
		if len(seeds) == 0 {
			fmt.Fprintf(c.stderr, "bindery %s: no seeds found: seeds/ has no folder with a %s (name seed folders on the command line)\n", cmd.name, seed.ManifestName)
			return nil, exitError
		}
		return seeds, -1
	}
	var seeds []string
	bad := false
	for _, a := range args {
		// A manifest named instead of its folder means the folder.
		if filepath.Base(a) == seed.ManifestName {
			if info, err := os.Stat(a); err == nil && !info.IsDir() {
				a = filepath.Dir(a)
			}
		}
		info, err := os.Stat(a)
		switch {
		case err != nil:
			fmt.Fprintf(c.stderr, "bindery %s: %s: no such seed folder%s\n", cmd.name, a, pathHint(a))
			bad = true
		case !info.IsDir():
			fmt.Fprintf(c.stderr, "bindery %s: %s: not a folder (name the seed folder that holds the %s)\n", cmd.name, a, seed.ManifestName)
			bad = true
		default:
			seeds = append(seeds, a)
		}
	}
	if bad {
		return nil, exitError
	}
	return seeds, -1
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

func runBuildCommand(c *cli, cmd *command, args []string) int {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	f := buildFlagsOf(cmd, fs)
	fs.SetOutput(io.Discard)
	rest, code := c.parse(cmd, fs, args)
	if code >= 0 {
		return code
	}
	opts, code := c.buildOptions(cmd, f)
	if code >= 0 {
		return code
	}
	k, n := 1, 1
	if *f.shard != "" {
		var err error
		if k, n, err = edition.ParseShard(*f.shard); err != nil {
			return c.usageError(cmd, "--shard: %v", err)
		}
	}
	seeds, code := c.seedFolders(cmd, rest)
	if code >= 0 {
		return code
	}
	if code := c.outputOptions(cmd, f, fs, &opts, len(seeds)); code >= 0 {
		return code
	}
	jobs, err := edition.Plan(seeds, opts)
	if err != nil {
		fmt.Fprintf(c.stderr, "bindery %s: %v\nNothing was written.\n", cmd.name, err)
		return exitError
	}
	all := len(jobs)
	if *f.shard != "" {
		if opts.OutFile != "" || opts.Stdout != nil {
			return c.usageError(cmd, "--shard writes into a folder: give -o a folder")
		}
		jobs = edition.Shard(jobs, k, n)
	}
	if !opts.DryRun && opts.Stdout == nil {
		opts.Incremental = !*f.force
		opts.Version = buildIdentity()
	}
	// A missing output folder is made with its parents; saying so shows a
	// mistyped path at once.
	made := ""
	if !opts.DryRun && opts.Stdout == nil {
		if opts.OutFile != "" {
			made = edition.FirstMissingFolder(filepath.Dir(opts.OutFile))
		} else {
			made = edition.FirstMissingFolder(opts.OutDir)
		}
	}
	code = c.buildJobs(cmd, jobs, all, opts, *f.quiet, *f.verbose)
	if made != "" && !*f.quiet {
		if _, err := os.Stat(made); err == nil {
			fmt.Fprintf(c.stderr, "made folder %s\n", made)
		}
	}
	if *f.prune && code == exitOK {
		if opts.OutDir == "" {
			return c.usageError(cmd, "--prune cleans an output folder: give -o a folder")
		}
		var keep []string
		for _, j := range jobs {
			keep = append(keep, j.Slug)
		}
		removed, err := edition.Prune(opts.OutDir, keep)
		for _, p := range removed {
			if !*f.quiet {
				fmt.Fprintf(c.stderr, "removed %s\n", p)
			}
		}
		if err != nil {
			fmt.Fprintf(c.stderr, "bindery %s: --prune: %v%s\n", cmd.name, err, errorHint(err))
			return exitError
		}
	}
	return code
}

// outcome is what became of one seed's build.
type outcome struct {
	res    *edition.BuildResult
	err    error
	took   time.Duration
	stages []string
	done   chan struct{}
	ran    bool // false when the build was never started (interrupted)
}

// buildJobs builds the seeds concurrently and prints each one's report in
// the order they were named, as soon as it and those before it are done.
func (c *cli) buildJobs(cmd *command, jobs []edition.Job, all int, opts edition.BuildOptions, quiet, verbose bool) int {
	// One worker budget for the whole command: as many seeds at once as
	// there are processors, and each build the processors left to it.
	procs := runtime.GOMAXPROCS(0)
	concurrent := max(1, min(len(jobs), procs))
	opts.Workers = max(1, procs/concurrent)
	if c.bookMemory > 0 {
		// main's soft limit, for the books built at once.
		debug.SetMemoryLimit(int64(concurrent) * c.bookMemory)
	}
	if verbose {
		share := ""
		if len(jobs) != all {
			share = fmt.Sprintf(" (this share of %d)", all)
		}
		limit := "none"
		if l := debug.SetMemoryLimit(-1); l < math.MaxInt64 {
			limit = humanSize(l)
		}
		fmt.Fprintf(c.stderr, "%d seeds%s, %d at a time with %d workers each; memory limit %s\n",
			len(jobs), share, concurrent, opts.Workers, limit)
	}
	outcomes := make([]outcome, len(jobs))
	slots := make(chan struct{}, concurrent)
	for i, job := range jobs {
		outcomes[i].done = make(chan struct{})
		go func(o *outcome, dir string) {
			defer close(o.done)
			select {
			case slots <- struct{}{}:
			case <-c.ctx.Done():
				return
			}
			defer func() { <-slots }()
			if c.ctx.Err() != nil {
				return
			}
			o.ran = true
			seedOpts := opts
			if verbose {
				seedOpts.Stage = func(name string, took time.Duration) {
					o.stages = append(o.stages, fmt.Sprintf("  %-44s %s", name, took.Round(time.Millisecond)))
				}
			}
			start := time.Now()
			o.res, o.err = edition.BuildContext(c.ctx, dir, seedOpts)
			o.took = time.Since(start)
		}(&outcomes[i], job.Dir)
	}
	var failed []string
	var built, skipped int
	for i, job := range jobs {
		o := &outcomes[i]
		<-o.done
		if !o.ran || errors.Is(o.err, c.ctx.Err()) && c.ctx.Err() != nil {
			continue
		}
		if verbose {
			fmt.Fprintf(c.stderr, "%s:\n%s\n", job.Dir, strings.Join(o.stages, "\n"))
		}
		if o.res != nil {
			for _, w := range o.res.Warnings {
				fmt.Fprintf(c.stderr, "warning: %s\n", w)
			}
		}
		if o.err != nil {
			fmt.Fprintf(c.stderr, "bindery %s: %v%s\n", cmd.name, o.err, errorHint(o.err))
			if o.res != nil {
				for _, out := range o.res.Outputs {
					fmt.Fprintf(c.stderr, "wrote %s before the error\n", out.Path)
				}
			}
			failed = append(failed, job.Dir)
			continue
		}
		switch {
		case o.res.Skipped:
			skipped++
		default:
			built++
		}
		if quiet {
			continue
		}
		switch {
		case opts.DryRun:
			fmt.Fprintf(c.stderr, "%s: ok (%d print pages, %s)\n", job.Dir, o.res.Pages, o.took.Round(time.Millisecond))
		case o.res.Skipped:
			var paths []string
			for _, out := range o.res.Outputs {
				paths = append(paths, out.Path)
			}
			fmt.Fprintf(c.stderr, "up to date: %s\n", strings.Join(paths, ", "))
		default:
			for _, out := range o.res.Outputs {
				if out.Path == "-" {
					continue
				}
				fmt.Fprintf(c.stderr, "wrote %s (%s, %s)\n", out.Path, humanSize(out.Size), out.Duration.Round(time.Millisecond))
			}
		}
	}
	if c.ctx.Err() != nil {
		c.reportInterrupted(jobs, outcomes)
		return exitInterrupted
	}
	if len(failed) > 0 {
		fmt.Fprintf(c.stderr, "bindery %s: %d of %d seeds failed: %s\n", cmd.name, len(failed), len(jobs), strings.Join(failed, ", "))
		return exitError
	}
	if verbose && !opts.DryRun {
		fmt.Fprintf(c.stderr, "%d built, %d up to date\n", built, skipped)
	}
	return exitOK
}

// reportInterrupted says, after Ctrl-C, which files were written whole and
// which seeds were not built: every output is renamed into place whole,
// so nothing is half written.
func (c *cli) reportInterrupted(jobs []edition.Job, outcomes []outcome) {
	var wrote, notBuilt []string
	for i, job := range jobs {
		o := &outcomes[i]
		if o.res != nil && !o.res.Skipped {
			for _, out := range o.res.Outputs {
				wrote = append(wrote, out.Path)
			}
		}
		if o.err != nil || !o.ran {
			notBuilt = append(notBuilt, job.Dir)
		}
	}
	fmt.Fprintf(c.stderr, "bindery: interrupted.\n")
	if len(wrote) > 0 {
		fmt.Fprintf(c.stderr, "Written whole: %s\n", strings.Join(wrote, ", "))
	} else {
		fmt.Fprintf(c.stderr, "No file was written.\n")
	}
	if len(notBuilt) > 0 {
		fmt.Fprintf(c.stderr, "Not built (their earlier files, if any, are as they were): %s\n", strings.Join(notBuilt, ", "))
	}
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

var buildIdentity = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if ok {
		if id := releaseIdentity(info); id != "" {
			return id
		}
	}
	// A build from changed sources has no name of its own: its
	// executable stands for it, by path, size and time of writing, which
	// change whenever go build or go run writes a new one. (Hashing its
	// contents would cost more than building a small book.)
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("executable %s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
})

// releaseIdentity names the bindery that builds, for the record an
// incremental build keeps, when its build information names it exactly: a
// module version, or a commit with no local changes, with the Go release
// (the files are compressed by Go's own libraries). Otherwise "".
func releaseIdentity(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" || v == "(devel)" || strings.Contains(v, "+dirty") {
		v = ""
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev == "" || modified != "false" {
			return ""
		}
		v = rev
	}
	return v + " " + info.GoVersion
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
