package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bindery-editions/bindery/edition"
)

// TestIncrementalBuild checks that a build skips the seeds whose files,
// options and bindery are unchanged since their outputs were written, and
// builds again exactly the ones that changed.
func TestIncrementalBuild(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var seeds []string
	for i := range 4 {
		seeds = append(seeds, tinySeed(t, dir, fmt.Sprintf("book-%d", i), ""))
	}
	out := filepath.Join(dir, "out")
	build := func(extra ...string) (rebuilt []string) {
		t.Helper()
		code, _, stderr := runCLI(t, append(append([]string{"build", "--format", "pdf", "-o", out}, extra...), seeds...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		for _, l := range strings.Split(stderr, "\n") {
			if p, ok := strings.CutPrefix(l, "wrote "); ok {
				rebuilt = append(rebuilt, strings.TrimSuffix(filepath.Base(strings.Fields(p)[0]), ".pdf"))
			}
		}
		return rebuilt
	}
	all := []string{"book-0", "book-1", "book-2", "book-3"}
	if got := build(); !slices.Equal(got, all) {
		t.Fatalf("first build wrote %v", got)
	}
	if got := build(); len(got) != 0 {
		t.Errorf("unchanged seeds rebuilt: %v", got)
	}
	// A changed file of one seed, a new file in another.
	if err := os.WriteFile(filepath.Join(seeds[1], "intro.md"), []byte("Another introduction.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(seeds[3], "plate.png"), []byte("not yet a picture"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := build(); !slices.Equal(got, []string{"book-1", "book-3"}) {
		t.Errorf("after changing book-1 and book-3, rebuilt %v", got)
	}
	// A hidden file (an editor's swap file) is no change.
	if err := os.WriteFile(filepath.Join(seeds[0], ".intro.md.swp"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := build(); len(got) != 0 {
		t.Errorf("a hidden file caused rebuilds: %v", got)
	}
	// An output deleted or changed since is made again.
	if err := os.Remove(filepath.Join(out, "book-2.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "book-0.pdf"), []byte("%PDF- bindery, edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := build(); !slices.Equal(got, []string{"book-0", "book-2"}) {
		t.Errorf("after deleting book-2.pdf and editing book-0.pdf, rebuilt %v", got)
	}
	// Other options, other outputs: all rebuilt; --force rebuilds all.
	if got := build("--trim", "a5"); !slices.Equal(got, all) {
		t.Errorf("another trim rebuilt %v", got)
	}
	if got := build("--trim", "a5", "--force"); !slices.Equal(got, all) {
		t.Errorf("--force rebuilt %v", got)
	}
	if got := build("--trim", "a5", "-M", "edition.publisher=A Press"); !slices.Equal(got, all) {
		t.Errorf("-M rebuilt %v", got)
	}
}

// TestShards checks that --shard K/N builds disjoint shares that together
// are the whole archive, stable whatever else the archive holds.
func TestShards(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var jobs []edition.Job
	for i := range 200 {
		jobs = append(jobs, edition.Job{Dir: fmt.Sprintf("seeds/s%d", i), Slug: fmt.Sprintf("book-%03d", i)})
	}
	const n = 4
	seen := map[string]int{}
	for k := 1; k <= n; k++ {
		share := edition.Shard(jobs, k, n)
		if len(share) < 200/n/2 || len(share) > 200/n*2 {
			t.Errorf("share %d/%d holds %d of 200 seeds", k, n, len(share))
		}
		for _, j := range share {
			seen[j.Slug]++
		}
		// A seed's share does not depend on the others.
		for _, j := range share {
			if got := edition.Shard([]edition.Job{j}, k, n); len(got) != 1 {
				t.Errorf("%s is in share %d with others but not alone", j.Slug, k)
			}
		}
	}
	for _, j := range jobs {
		if seen[j.Slug] != 1 {
			t.Errorf("%s is in %d shares, want 1", j.Slug, seen[j.Slug])
		}
	}

	// Through the command: two shares of four seeds write the four books
	// once each.
	var seeds []string
	for i := range 4 {
		seeds = append(seeds, tinySeed(t, dir, fmt.Sprintf("book-%d", i), ""))
	}
	written := map[string]int{}
	for k := 1; k <= 2; k++ {
		out := filepath.Join(dir, fmt.Sprintf("shard-%d", k))
		code, _, stderr := runCLI(t, append([]string{"build", "-q", "--format", "epub", "--shard", fmt.Sprintf("%d/2", k), "-o", out}, seeds...)...)
		if code != exitOK {
			t.Fatalf("shard %d: exit %d: %s", k, code, stderr)
		}
		for _, name := range listDir(t, out) {
			if strings.HasSuffix(name, ".epub") {
				written[name]++
			}
		}
	}
	if len(written) != 4 {
		t.Errorf("the shards wrote %v, want each of 4 books once", written)
	}
	for name, n := range written {
		if n != 1 {
			t.Errorf("%s written by %d shards", name, n)
		}
	}
}

// TestPrune checks that --prune removes the files of a seed no longer
// built, and nothing else.
func TestPrune(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := tinySeed(t, dir, "a", "")
	b := tinySeed(t, dir, "b", "")
	out := filepath.Join(dir, "out")
	if code, _, stderr := runCLI(t, "build", "-q", "--format", "epub", "-o", out, a, b); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "build", "--prune", "--format", "epub", "-o", out, a)
	if code != exitOK || !strings.Contains(stderr, "removed "+filepath.Join(out, "b.epub")) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if got := listDir(t, out); !slices.Equal(got, []string{".bindery", "a.epub", "notes.txt"}) {
		t.Errorf("after --prune the folder holds %v", got)
	}
}
