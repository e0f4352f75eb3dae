package archive

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadCorpus reads every plain-text document of the development
// corpus (testdata/corpus), the reader's share of the corpus benchmark in
// package edition.
func BenchmarkReadCorpus(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus documents (%v)", err)
	}
	data := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
		size += len(data[i])
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for i, f := range files {
			if _, err := Read(filepath.Base(f), data[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
