package edition

import (
	"os"
	"os/exec"
	"testing"
)

// needTool returns the path of an external program a test reads the
// editions back with, or skips the test when it is absent; in CI, where
// .ci/run installs the program, its absence is a failure.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s not found on PATH: CI must install %s (see .ci/run)", name, pkg)
	}
	t.Skipf("skipping: %s not found on PATH (install %s to run this check)", name, pkg)
	return ""
}
