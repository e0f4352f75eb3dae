package layout

// Exported for the end-to-end tests (package layout_test), which write PDFs
// with layout/pdf and so cannot be in package layout.

// LetterDocument is letterDocument.
var LetterDocument = letterDocument

// BenchDocument is benchDocument.
var BenchDocument = benchDocument
