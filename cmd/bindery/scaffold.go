package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bindery-editions/bindery/edition/scaffold"
	"github.com/bindery-editions/bindery/edition/seed"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	dir, date, rest, code := scaffoldFlags("new", "bindery new [-o DIR] SLUG   (creates seeds/SLUG with a commented manifest and a stub introduction)",
		"the seed `folder` to create (default seeds/SLUG)", args, stderr)
	if code >= 0 {
		return code
	}
	return createSeed(scaffold.Options{Slug: rest, Dir: dir, Date: date}, stdout, stderr)
}

func runImport(args []string, stdout, stderr io.Writer) int {
	dir, date, file, code := scaffoldFlags("import", "bindery import [-o SEED_DIR] FILE   (an archive text .txt or a Markdown .md becomes a new seed)",
		"the seed `folder` to create (default seeds/<slug of the file name>)", args, stderr)
	if code >= 0 {
		return code
	}
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "bindery import: %v\n", err)
		return exitError
	}
	base := filepath.Base(file)
	slug := seed.Slugify(base[:len(base)-len(filepath.Ext(base))])
	if dir != "" {
		slug = seed.Slugify(filepath.Base(dir))
	}
	return createSeed(scaffold.Options{Slug: slug, Dir: dir, Date: date, SourceName: file, SourceData: data}, stdout, stderr)
}

// scaffoldFlags parses the options new and import share and their one
// argument. code is the exit code when the command should stop (help or a
// usage error), else -1.
func scaffoldFlags(name, synopsis, dirHelp string, args []string, stderr io.Writer) (dir, date, arg string, code int) {
	fs := newFlagSet(name, synopsis, stderr)
	dirFlag := fs.String("o", "", dirHelp)
	dateFlag := fs.String("date", "", "this edition's date, YYYY-MM-DD (default: from SOURCE_DATE_EPOCH, else today)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", "", "", exitOK
		}
		return "", "", "", exitUsage
	}
	if len(rest) != 1 {
		fs.Usage()
		return "", "", "", exitUsage
	}
	return *dirFlag, *dateFlag, rest[0], -1
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
