// Package epubcheck runs EPUBCheck, the W3C's conformance checker, for the
// tests of every package. Each distinct EPUB is checked once: the verdict
// (its problems, or none) is kept in the user's cache folder under the
// EPUB's SHA-256 and the checker's identity, so a test run whose EPUBs have not changed starts no
// Java at all, and two packages that make the same file share one check.
// A verdict on the same bytes by the same checker cannot differ, so the
// cache hides nothing; BINDERY_EPUBCHECK_CACHE=off turns it off.
//
// Where EPUBCheck is missing the check is skipped, as a subtest of its own
// so that the rest of the calling test still runs, except in CI (CI=true),
// where a missing checker is a failure. go test -short skips it too, for a
// quick run; go test ./... and .ci/run run it.
package epubcheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// debianJar is where Debian's epubcheck package puts the checker; its
// /usr/bin/epubcheck is the jar itself, run through binfmt_misc, which
// containers often lack, so the jar is run with java directly.
const debianJar = "/usr/share/java/epubcheck.jar"

// javaFlags make the JVM start quickly for one short run: the client
// compiler only, and the serial collector. They halve EPUBCheck's time on
// a small EPUB.
var javaFlags = []string{"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"}

// checker returns the command that runs EPUBCheck and an identity that
// changes when it does, or nil.
var checker = sync.OnceValues(func() ([]string, string) {
	identity := func(path string) string {
		info, err := os.Stat(path)
		if err != nil {
			return path
		}
		return fmt.Sprintf("%s %d %d", path, info.Size(), info.ModTime().UnixNano())
	}
	java, javaErr := exec.LookPath("java")
	if _, err := os.Stat(debianJar); err == nil && javaErr == nil {
		return append(append([]string{java}, javaFlags...), "-jar", debianJar), identity(debianJar)
	}
	p, err := exec.LookPath("epubcheck")
	if err != nil {
		return nil, ""
	}
	if real, err := filepath.EvalSymlinks(p); err == nil && strings.HasSuffix(real, ".jar") {
		if javaErr != nil {
			return nil, ""
		}
		return append(append([]string{java}, javaFlags...), "-jar", real), identity(real)
	}
	return []string{p}, identity(p)
})

// Available reports whether EPUBCheck can be run here.
func Available() bool {
	cmd, _ := checker()
	return cmd != nil
}

var problems = regexp.MustCompile(`(?m)^(FATAL|ERROR|WARNING)\b.*$`)

// running serialises the checks of one EPUB within a test binary.
var running sync.Map // SHA-256 → *sync.Mutex

// Check runs EPUBCheck on epub, as the subtest "epubcheck" of t, and fails
// it on any fatal error, error or warning.
func Check(t *testing.T, epub []byte) {
	t.Helper()
	t.Run("epubcheck", func(t *testing.T) {
		t.Helper()
		if testing.Short() {
			t.Skip("EPUBCheck: skipped with -short")
		}
		found, err := Problems(epub, t.TempDir())
		if errors.Is(err, ErrMissing) {
			if os.Getenv("CI") == "true" {
				t.Fatal("EPUBCheck not found: CI must install it (see .ci/run)")
			}
			t.Skip("EPUBCheck not found (install the epubcheck package to run this check)")
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range found {
			t.Errorf("epubcheck: %s", p)
		}
	})
}

// ErrMissing is returned by Problems when EPUBCheck is not installed.
var ErrMissing = errors.New("EPUBCheck not found")

// Problems returns what EPUBCheck finds wrong with epub (nothing when it
// passes), from the verdict kept on the same bytes by the same checker
// when there is one, else by running it in dir and keeping its verdict.
func Problems(epub []byte, dir string) ([]string, error) {
	cmd, id := checker()
	if cmd == nil {
		return nil, ErrMissing
	}
	sum := sha256.Sum256(epub)
	idSum := sha256.Sum256([]byte(id))
	key := hex.EncodeToString(sum[:]) + "-" + hex.EncodeToString(idSum[:6])
	mu, _ := running.LoadOrStore(key, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()

	verdict := verdictPath(key)
	if verdict != "" {
		if data, err := os.ReadFile(verdict); err == nil {
			var found []string
			if err := json.Unmarshal(data, &found); err == nil {
				return found, nil
			}
		}
	}
	found, err := run(cmd, epub, dir)
	if err != nil {
		return nil, err
	}
	if verdict != "" {
		// Written through a temporary file and renamed, so that a verdict
		// is never read half written.
		data, _ := json.Marshal(append([]string{}, found...))
		if err := os.MkdirAll(filepath.Dir(verdict), 0o755); err == nil {
			if tmp, err := os.CreateTemp(filepath.Dir(verdict), ".verdict-*"); err == nil {
				tmp.Write(data)
				tmp.Close()
				os.Rename(tmp.Name(), verdict)
			}
		}
	}
	return found, nil
}

// run runs EPUBCheck on epub, written into dir, and returns its problems
// (fatal errors, errors, warnings, or its whole output when it failed
// without naming one); none means the EPUB passed.
func run(cmd []string, epub []byte, dir string) (found []string, err error) {
	path := filepath.Join(dir, "book.epub")
	if err := os.WriteFile(path, epub, 0o644); err != nil {
		return nil, err
	}
	args := append(append([]string(nil), cmd[1:]...), "--failonwarnings", path)
	out, runErr := exec.Command(cmd[0], args...).CombinedOutput()
	for _, p := range problems.FindAll(out, -1) {
		found = append(found, string(p))
	}
	if len(found) == 0 && (runErr != nil || !bytes.Contains(out, []byte("No errors or warnings detected"))) {
		found = append(found, fmt.Sprintf("did not pass (%v):\n%s", runErr, out))
	}
	return found, nil
}

// verdictPath returns where the verdict on an EPUB is kept, or "" when
// verdicts are not kept.
func verdictPath(key string) string {
	if os.Getenv("BINDERY_EPUBCHECK_CACHE") == "off" {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "bindery-tests", "epubcheck", key)
}
