package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bindery-editions/bindery/edition/scaffold"
	"github.com/bindery-editions/bindery/edition/seed"
)

var newCommand = &command{
	name:    "new",
	args:    "SLUG",
	summary: "make a new seed folder to fill in",
	about: `Make a seed folder, seeds/SLUG unless -o says otherwise, with a commented
manifest, a stub introduction and a stub source text to replace. The values
to fill in are marked # CHECK in the manifest: a build warns of each until
the comment is deleted, and build --strict refuses them.`,
	define: func(fs *flag.FlagSet) {
		scaffoldFlags(fs, "the seed `FOLDER` to create (default seeds/SLUG)")
	},
	run: runNew,
}

var importCommand = &command{
	name:    "import",
	args:    "FILE",
	summary: "make a new seed from an archive text (.txt) or a Markdown file (.md)",
	about: `Make a new seed from an archive text (.txt) or a Markdown file (.md): the
source copied unchanged, a manifest filled with what bindery recognised
in it (title, author, dates, language), each guess marked # CHECK for you
to confirm, and the files a Markdown source names beside it (its figures'
images, its bibliography) copied under the same names.`,
	define: func(fs *flag.FlagSet) {
		scaffoldFlags(fs, "the seed `FOLDER` to create (default seeds/<slug of the file name>)")
	},
	run:      runImport,
	complete: "file",
}

func runNew(c *cli, cmd *command, args []string) int {
	dir, date, rest, code := c.scaffoldArgs(cmd, args)
	if code >= 0 {
		return code
	}
	return createSeed(scaffold.Options{Slug: rest, Dir: dir, Date: date}, c.stdout, c.stderr)
}

func runImport(c *cli, cmd *command, args []string) int {
	dir, date, file, code := c.scaffoldArgs(cmd, args)
	if code >= 0 {
		return code
	}
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(c.stderr, "bindery import: %v%s\n", err, pathHint(file))
		return exitError
	}
	base := filepath.Base(file)
	slug := seed.Slugify(base[:len(base)-len(filepath.Ext(base))])
	if dir != "" {
		slug = seed.Slugify(filepath.Base(dir))
	}
	return createSeed(scaffold.Options{Slug: slug, Dir: dir, Date: date, SourceName: file, SourceData: data}, c.stdout, c.stderr)
}

// scaffoldFlags defines the options new and import share.
func scaffoldFlags(fs *flag.FlagSet, dirHelp string) {
	fs.String("output", "", dirHelp)
	fs.String("date", "", "this edition's `DATE`, YYYY-MM-DD, written into the manifest as edition.date (default: the day of SOURCE_DATE_EPOCH when it is set, else today)")
}

// scaffoldArgs parses the options new and import share and their one
// argument. code is the exit code when the command should stop (help or a
// usage error), else -1.
func (c *cli) scaffoldArgs(cmd *command, args []string) (dir, date, arg string, code int) {
	fs := cmd.flagSet()
	rest, code := c.parse(cmd, fs, args)
	if code >= 0 {
		return "", "", "", code
	}
	if len(rest) != 1 {
		return "", "", "", c.usageError(cmd, "want one %s", cmd.args)
	}
	return fs.Lookup("output").Value.String(), fs.Lookup("date").Value.String(), rest[0], -1
}

func createSeed(opts scaffold.Options, stdout, stderr io.Writer) int {
	if opts.Dir == "" {
		opts.Dir = filepath.Join("seeds", opts.Slug)
	}
	if opts.Date == "" {
		// The edition's date is the one value here that comes from the
		// clock: it is written once into the manifest, never into a build.
		t, err := sourceDateEpoch()
		if err != nil {
			fmt.Fprintf(stderr, "bindery: %v\n", err)
			return exitUsage
		}
		if t.IsZero() {
			t = today()
		}
		opts.Date = t.Format("2006-01-02")
	}
	res, err := scaffold.Create(opts)
	if err != nil {
		fmt.Fprintf(stderr, "bindery: %v\n", err)
		return exitError
	}
	for _, f := range res.Files {
		fmt.Fprintf(stdout, "created %s\n", f)
	}
	if res.Source != nil {
		// Every decision that changed the text, so that the editor can
		// check it against the source.
		for _, l := range scaffold.Report(res.Source) {
			fmt.Fprintf(stdout, "  %s\n", l)
		}
		if len(res.Guessed) > 0 {
			fmt.Fprintf(stdout, "guessed, marked CHECK in the manifest: %s\n", strings.Join(res.Guessed, ", "))
		}
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "bindery import: warning: %s\n", w)
		}
	}
	fmt.Fprintf(stdout, "next: edit %s, then run: bindery build %s\n", filepath.Join(opts.Dir, seed.ManifestName), opts.Dir)
	return exitOK
}
