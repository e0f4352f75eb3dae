package main

import (
	"io"
	"testing"
)

// BenchmarkCLIBuild runs "bindery build" on the open letter seed as the
// command line does (flags, both formats, files written and synced), in
// process: the figure to set beside a timed run of the binary, which also
// pays for starting the process. BENCHMARKS.md compares that run with
// pandoc; docs/bench/run.sh reproduces it.
func BenchmarkCLIBuild(b *testing.B) {
	for _, tc := range []struct{ name, formats string }{
		{"epub", "epub"},
		{"pdf", "pdf"},
		{"both", "epub,pdf"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			out := b.TempDir()
			b.ReportAllocs()
			for b.Loop() {
				if code := run([]string{"build", "-q", "--force", "--format", tc.formats, "-o", out, "../../seeds/open-letter-1964"}, io.Discard, io.Discard); code != exitOK {
					b.Fatalf("bindery build exited %d", code)
				}
			}
		})
	}
}
