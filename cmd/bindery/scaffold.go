package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/bindery-editions/bindery/edition"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("new", "bindery new [-o DIR] SLUG   (creates seeds/SLUG with a commented manifest and a stub introduction)", stderr)
	dir := fs.String("o", "", "the seed `folder` to create (default seeds/SLUG)")
	date := fs.String("date", "", "this edition's date, YYYY-MM-DD (default: from SOURCE_DATE_EPOCH, else today)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if len(rest) != 1 {
		fs.Usage()
		return exitUsage
	}
	return scaffold(edition.ScaffoldOptions{Slug: rest[0], Dir: *dir, Date: *date}, stdout, stderr)
}

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("import", "bindery import [-o SEED_DIR] FILE   (an archive text .txt or a Markdown .md becomes a new seed)", stderr)
	dir := fs.String("o", "", "the seed `folder` to create (default seeds/<slug of the file name>)")
	date := fs.String("date", "", "this edition's date, YYYY-MM-DD (default: from SOURCE_DATE_EPOCH, else today)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if len(rest) != 1 {
		fs.Usage()
		return exitUsage
	}
	data, err := os.ReadFile(rest[0])
	if err != nil {
		fmt.Fprintf(stderr, "bindery import: %v\n", err)
		return exitError
	}
	base := filepath.Base(rest[0])
	slug := edition.Slugify(base[:len(base)-len(filepath.Ext(base))])
	if *dir != "" {
		slug = edition.Slugify(filepath.Base(*dir))
	}
	return scaffold(edition.ScaffoldOptions{Slug: slug, Dir: *dir, Date: *date, SourceName: rest[0], SourceData: data}, stdout, stderr)
}

func scaffold(opts edition.ScaffoldOptions, stdout, stderr io.Writer) int {
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
	files, err := edition.Scaffold(opts)
	if err != nil {
		fmt.Fprintf(stderr, "bindery: %v\n", err)
		return exitError
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "created %s\n", f)
	}
	fmt.Fprintf(stdout, "next: edit %s, then run: bindery build %s\n", filepath.Join(opts.Dir, edition.ManifestName), opts.Dir)
	return exitOK
}
