package markdown

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadCorpus reads the development corpus's Markdown documents
// (testdata/corpus), furniture and all, once per iteration.
func BenchmarkReadCorpus(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*-*.md"))
	if err != nil || len(files) == 0 {
		b.Fatalf("corpus: %v %v", files, err)
	}
	var data [][]byte
	size := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for i, d := range data {
			if _, err := Read(files[i], d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
