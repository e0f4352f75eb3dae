// Package edition builds a seed's editions. Load reads a seed folder through
// the readers (edition/archive, edition/markdown) into the model
// (edition/model) and runs the transforms (edition/apparatus,
// edition/typography); Build hands the result to the writers (edition/epub,
// and edition/print, which sets the book with package layout) and writes the
// files. It is orchestration only: every rule lives in the package that does
// the job.
package edition
