package edition

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A Job is one seed of a build: its folder, its slug, and the files its
// build makes.
type Job struct {
	Dir  string
	Slug string // "" when the manifest cannot be read: the build reports why
	// Outputs are the paths the build writes, by format, in the order of
	// the formats asked for.
	Outputs []string
}

// CollisionError is returned by Plan when two seeds would write the same
// output file (most often, a copied seed folder whose slug was not
// changed): the second build would silently replace the first book.
type CollisionError struct {
	Path string    // the output both would write
	Dirs [2]string // the two seed folders
	Slug string
}

func (e *CollisionError) Error() string {
	return fmt.Sprintf("%s and %s would both write %s (both have the slug %q); give one of them another slug: key in its %s, or rename its folder",
		e.Dirs[0], e.Dirs[1], e.Path, e.Slug, "manifest.yaml")
}

// Plan resolves the slug and output paths of each seed folder, drops a
// folder named twice, and refuses two seeds that would write the same file
// (a *CollisionError naming both folders), all before anything is built or
// written. A seed whose manifest cannot be read keeps an empty slug: its
// build reports the problem, and the others go on.
func Plan(dirs []string, opts BuildOptions) ([]Job, error) {
	var jobs []Job
	seen := map[string]bool{}
	writer := map[string]int{} // output path → index of the job writing it
	for _, dir := range dirs {
		id := dir
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			if abs, err := filepath.Abs(real); err == nil {
				id = abs
			}
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		job := Job{Dir: dir}
		if m, err := opts.Metadata.LoadManifest(dir); err == nil {
			job.Slug = m.Slug
			for _, f := range opts.formats() {
				job.Outputs = append(job.Outputs, opts.OutputPath(m.Slug, f))
			}
		}
		for _, out := range job.Outputs {
			key := filepath.Clean(out)
			if i, ok := writer[key]; ok {
				return nil, &CollisionError{Path: out, Dirs: [2]string{jobs[i].Dir, dir}, Slug: job.Slug}
			}
			writer[key] = len(jobs)
		}
		jobs = append(jobs, job)
	}
	return jobs, nil
}

// Shard returns the jobs of the k-th of n shares (1 ≤ k ≤ n), chosen by a
// hash of each slug: the same seed always falls in the same share, whatever
// other seeds the archive holds, so that n machines build an archive
// between them with nothing to coordinate. A seed without a slug goes by
// its folder's name, the slug it would default to.
func Shard(jobs []Job, k, n int) []Job {
	var out []Job
	for _, j := range jobs {
		name := j.Slug
		if name == "" {
			name = filepath.Base(j.Dir)
		}
		if ShardOf(name, n) == k {
			out = append(out, j)
		}
	}
	return out
}

// ShardOf returns the share (1 to n) a slug belongs to: FNV-1a, 64 bits,
// modulo n.
func ShardOf(slug string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(slug))
	return int(h.Sum64()%uint64(n)) + 1
}

// ParseShard reads "K/N", as bindery build --shard takes it.
func ParseShard(s string) (k, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	if ok {
		_, err1 := fmt.Sscanf(a, "%d", &k)
		_, err2 := fmt.Sscanf(b, "%d", &n)
		if err1 == nil && err2 == nil && n >= 1 && k >= 1 && k <= n && fmt.Sprintf("%d/%d", k, n) == s {
			return k, n, nil
		}
	}
	return 0, 0, fmt.Errorf("%q is not a share: write K/N with 1 ≤ K ≤ N, e.g. 2/8 for the second of eight", s)
}

// formats returns the formats asked for, in order; none means the EPUB and
// the PDF.
func (o *BuildOptions) formats() []string {
	if len(o.Formats) == 0 {
		return []string{FormatEPUB, FormatPDF}
	}
	return o.Formats
}

// OutputPath returns where a build writes a seed's edition in a format:
// OutFile when it is set, else <OutDir>/<slug>.epub, <slug>.pdf or
// <slug>-cover.pdf.
func (o *BuildOptions) OutputPath(slug, format string) string {
	if o.OutFile != "" {
		return o.OutFile
	}
	name := slug + "." + format
	if format == FormatCover {
		name = slug + "-cover.pdf"
	}
	return filepath.Join(o.OutDir, name)
}

// ensureFolder makes the folder outputs go to when it is missing, with its
// missing parents (as go build -o and typst do), so that a build into
// out/books/<slug> needs no mkdir first. The command line names the folders
// it made (FirstMissingFolder), so that a mistyped path is seen, not silent.
func ensureFolder(dir string) error {
	if dir == "" {
		dir = "."
	}
	info, err := os.Stat(dir)
	if err == nil {
		if !info.IsDir() {
			return fmt.Errorf("output folder %s: is a file, not a folder", dir)
		}
		return nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("output folder: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating output folder %s: %w", dir, err)
	}
	return nil
}

// FirstMissingFolder returns the outermost folder of dir's path that does
// not exist yet ("" when dir exists): the folder a build into dir will make,
// with those inside it.
func FirstMissingFolder(dir string) string {
	if dir == "" {
		return ""
	}
	missing := ""
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			return missing
		}
		missing = d
		if filepath.Dir(d) == d {
			return missing
		}
	}
}
