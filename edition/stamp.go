package edition

// Incremental builds: beside its outputs a build keeps a record of what
// made them (a hash of the seed's files, the options and bindery's own
// version), so that the next build of an unchanged seed is skipped, as make
// skips a target newer than its prerequisites; but by content, not by
// time, because a fresh checkout (a CI runner's) gives every file a new
// modification time.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bindery-editions/bindery/edition/model"
	"github.com/bindery-editions/bindery/edition/outfile"
	"github.com/bindery-editions/bindery/edition/seed"
)

// StampFolder is the folder, inside the output folder, that holds the
// records of incremental builds: one <slug>.json for each seed.
const StampFolder = ".bindery"

// stampFormat names the layout of a record and of the hash it keeps; a
// change to either changes it, so that no old record is trusted.
const stampFormat = "bindery build record 1"

// stamp is what a build records of itself beside its outputs.
type stamp struct {
	Key      string          `json:"key"` // inputKey of the build
	Pages    int             `json:"pages"`
	Outputs  []stampOutput   `json:"outputs"`
	Warnings []model.Warning `json:"warnings,omitempty"`
}

// stampOutput is one output as it was written: a later change to it (a
// deleted or edited file) means it must be made again.
type stampOutput struct {
	Format  string `json:"format"`
	Name    string `json:"name"` // in the stamp's output folder
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime"` // nanoseconds since 1970
}

// stampPath returns where the record of a seed's build lives.
func (o *BuildOptions) stampPath(slug string) string {
	return filepath.Join(o.OutDir, StampFolder, slug+".json")
}

// inputKey hashes everything a build's outputs depend on: bindery's version,
// the options that change the files, and every file of the seed folder
// (and of a collection's members), by name and content. Hidden files and
// editors' backups (.name, name~) are left out, and so is the output
// folder when it lies inside the seed.
func inputKey(dir string, m *seed.Manifest, opts *BuildOptions) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\nversion %s\nformats %q\ntrim %q\nprofile %d\nno-bookmarks %t\nmodified %d\nmetadata %q\n",
		stampFormat, opts.Version, opts.formats(), opts.Trim, opts.Profile, opts.NoBookmarks, opts.Modified.Unix(), opts.Metadata.Key())
	for _, f := range opts.formats() {
		fmt.Fprintf(h, "output %s\n", filepath.Base(opts.OutputPath(m.Slug, f)))
	}
	skip, _ := filepath.Abs(opts.OutDir)
	folders := []string{dir}
	for _, name := range m.Collection {
		folders = append(folders, filepath.Join(filepath.Dir(dir), name))
	}
	for i, folder := range folders {
		fmt.Fprintf(h, "folder %d\n", i)
		err := filepath.WalkDir(folder, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != folder && (strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if abs, err := filepath.Abs(path); err == nil && abs == skip && path != folder {
					return filepath.SkipDir
				}
				return nil
			}
			rel, err := filepath.Rel(folder, path)
			if err != nil {
				return err
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			fh := sha256.New()
			n, err := io.Copy(fh, f)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "file %q %d %x\n", filepath.ToSlash(rel), n, fh.Sum(nil))
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// upToDate returns the record of an earlier build whose key is key and
// whose outputs are all still as it wrote them, or nil.
func (o *BuildOptions) upToDate(slug, key string) *stamp {
	data, err := os.ReadFile(o.stampPath(slug))
	if err != nil {
		return nil
	}
	var s stamp
	if json.Unmarshal(data, &s) != nil || s.Key != key || len(s.Outputs) == 0 {
		return nil
	}
	dir := filepath.Dir(filepath.Dir(o.stampPath(slug)))
	for _, out := range s.Outputs {
		info, err := os.Stat(filepath.Join(dir, out.Name))
		if err != nil || info.Size() != out.Size || info.ModTime().UnixNano() != out.ModTime {
			return nil
		}
	}
	formats := make([]string, len(s.Outputs))
	for i, out := range s.Outputs {
		formats[i] = out.Format
	}
	want := slices.Clone(o.formats())
	slices.Sort(formats)
	slices.Sort(want)
	if !slices.Equal(formats, want) {
		return nil
	}
	return &s
}

// writeStamp records a build beside its outputs.
func (o *BuildOptions) writeStamp(slug, key string, res *BuildResult) error {
	s := stamp{Key: key, Pages: res.Pages, Warnings: res.Warnings}
	for _, out := range res.Outputs {
		info, err := os.Stat(out.Path)
		if err != nil {
			return err
		}
		s.Outputs = append(s.Outputs, stampOutput{Format: out.Format, Name: filepath.Base(out.Path), Size: info.Size(), ModTime: info.ModTime().UnixNano()})
	}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	path := o.stampPath(slug)
	if err := ensureFolder(filepath.Dir(path)); err != nil {
		return err
	}
	return outfile.Write(path, append(data, '\n'), nil)
}

// Prune removes from outDir the files of seeds that are no longer built
// there: those an earlier incremental build recorded for a slug not in
// keep, and their records. Only files bindery recorded writing are
// removed. It returns the paths it removed.
func Prune(outDir string, keep []string) ([]string, error) {
	records, err := filepath.Glob(filepath.Join(outDir, StampFolder, "*.json"))
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, rec := range records {
		slug := strings.TrimSuffix(filepath.Base(rec), ".json")
		if slices.Contains(keep, slug) {
			continue
		}
		data, err := os.ReadFile(rec)
		if err != nil {
			return removed, err
		}
		var s stamp
		if err := json.Unmarshal(data, &s); err != nil {
			return removed, fmt.Errorf("%s: %w", rec, err)
		}
		for _, out := range s.Outputs {
			path := filepath.Join(outDir, out.Name)
			if err := os.Remove(path); err == nil {
				removed = append(removed, path)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return removed, err
			}
		}
		if err := os.Remove(rec); err != nil {
			return removed, err
		}
	}
	return removed, nil
}
