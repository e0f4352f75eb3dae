package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/bindery-editions/bindery"

// oneFileLibraries are the libraries each kept behind one file, so that
// replacing one touches one place.
var oneFileLibraries = []string{"github.com/go-shiori/go-epub", "codeberg.org/go-pdf/fpdf", "github.com/yuin/goldmark"}

// reader returns which reader a package directory belongs to, "archive"
// or "markdown" (with its subpackages), or "" for any other.
func reader(dir string) string {
	for _, r := range []string{"edition/archive", "edition/markdown"} {
		if dir == r || strings.HasPrefix(dir, r+"/") {
			return r
		}
	}
	return ""
}

// goPackage is what TestHouseRules reads of a package: its doc comment and
// the imports of each of its non-test files.
type goPackage struct {
	doc     string
	imports map[string][]string // file -> import paths
}

// readPackages parses the package clause and imports of every non-test Go
// file of the module, by package directory (slash-separated, relative to
// the module root).
func readPackages(t *testing.T, root string) map[string]*goPackage {
	t.Helper()
	pkgs := map[string]*goPackage{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		dir := filepath.ToSlash(rel)
		p := pkgs[dir]
		if p == nil {
			p = &goPackage{imports: map[string][]string{}}
			pkgs[dir] = p
		}
		if f.Doc != nil {
			p.doc += f.Doc.Text()
		}
		for _, im := range f.Imports {
			ip, _ := strconv.Unquote(im.Path.Value)
			p.imports[filepath.ToSlash(path)] = append(p.imports[filepath.ToSlash(path)], ip)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// TestHouseRules checks the shape of the house as the README describes it:
// every package says its job in a doc comment; data flows one way, so
// layout never imports edition, fonts imports nothing of ours, and a
// reader imports neither the other reader nor a writer; and each of
// go-epub, fpdf and goldmark is imported by one file only.
func TestHouseRules(t *testing.T) {
	t.Parallel()
	pkgs := readPackages(t, filepath.Join("..", ".."))
	if len(pkgs) < 20 {
		t.Fatalf("found %d packages: the walk missed the module", len(pkgs))
	}
	importers := map[string][]string{}
	for _, dir := range slices.Sorted(maps.Keys(pkgs)) {
		p := pkgs[dir]
		name := filepath.Base(dir)
		if !strings.HasPrefix(p.doc, "Package "+name+" ") && !strings.HasPrefix(p.doc, "Command ") {
			t.Errorf("%s: no doc comment saying what the package is for (want \"Package %s ...\")", dir, name)
		}
		for file, imports := range p.imports {
			for _, ip := range imports {
				switch {
				case strings.HasPrefix(dir, "layout") && strings.HasPrefix(ip, module+"/edition"):
					t.Errorf("%s imports %s: layout never imports edition", file, ip)
				case strings.HasPrefix(dir, "fonts") && strings.HasPrefix(ip, module+"/") && !strings.HasPrefix(ip, module+"/fonts"):
					t.Errorf("%s imports %s: fonts imports nothing of ours", file, ip)
				case reader(dir) != "" && reader(strings.TrimPrefix(ip, module+"/")) != "" && reader(dir) != reader(strings.TrimPrefix(ip, module+"/")):
					t.Errorf("%s imports %s: a reader imports no other reader (what both need lives below them)", file, ip)
				case reader(dir) != "" && (strings.HasPrefix(ip, module+"/edition/epub") || strings.HasPrefix(ip, module+"/edition/printing")):
					t.Errorf("%s imports %s: a reader imports no writer", file, ip)
				}
				for _, lib := range oneFileLibraries {
					if ip == lib || strings.HasPrefix(ip, lib+"/") {
						if !slices.Contains(importers[lib], file) {
							importers[lib] = append(importers[lib], file)
						}
					}
				}
			}
		}
	}
	for _, lib := range oneFileLibraries {
		if len(importers[lib]) != 1 {
			t.Errorf("%s is imported by %v: want one file", lib, importers[lib])
		}
	}
}
