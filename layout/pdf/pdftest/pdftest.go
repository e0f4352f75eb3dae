// Package pdftest reads PDF files back for the tests of the packages that
// make them, as readers other than bindery's own: pdfcpu for the objects,
// qpdf for the structure. It is imported by tests only.
package pdftest

import (
	"bytes"
	"os/exec"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Read reads a finished file with pdfcpu, its pages counted.
func Read(t *testing.T, file []byte) *model.Context {
	t.Helper()
	model.ConfigPath = "disable" // pdfcpu would otherwise make a folder of its own
	ctx, err := api.ReadContext(bytes.NewReader(file), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatalf("pdfcpu cannot read the file: %v", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// CheckWithQPDF runs qpdf --check on a file when qpdf is installed.
func CheckWithQPDF(t *testing.T, file string) {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Log("qpdf not installed: structure check skipped")
		return
	}
	out, err := exec.Command("qpdf", "--check", file).CombinedOutput()
	if err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}
