package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestReproducibleBuild builds the open letter twice, from two copies of the
// seed in different folders (working, temporary and output), under different
// time zones and locales, and requires byte-identical EPUB and PDF files: a
// reader who rebuilds a released edition from its tag must be able to check
// it against the published SHA256SUMS (reproducible-builds.org,
// "Definitions").
func TestReproducibleBuild(t *testing.T) {
	t.Parallel()
	heavy(t)
	bin := buildBindery(t)
	envs := [][]string{
		{"TZ=UTC", "LC_ALL=C", "LANG=C"},
		// Auckland is twelve or thirteen hours from UTC, so the local date
		// differs from the UTC date for half of every day.
		{"TZ=Pacific/Auckland", "LC_ALL=de_DE.UTF-8", "LANG=de_DE.UTF-8", "LANGUAGE=de"},
	}
	var outs [2]string
	for i, env := range envs {
		// Different depths and names, so no absolute path can hide in
		// the output unnoticed.
		work := filepath.Join(t.TempDir(), strings.Repeat("nested/", i+1))
		if err := os.MkdirAll(work, 0o755); err != nil {
			t.Fatal(err)
		}
		book := copySeed(t, work)
		tmp := filepath.Join(work, "tmp")
		if err := os.Mkdir(tmp, 0o755); err != nil {
			t.Fatal(err)
		}
		outs[i] = filepath.Join(work, fmt.Sprintf("out-%d", i))
		runBuild(t, bin, work, outs[i], book, append(env, "TMPDIR="+tmp)...)
	}
	for _, ext := range []string{".epub", ".pdf"} {
		a := readFile(t, filepath.Join(outs[0], seedSlug+ext))
		b := readFile(t, filepath.Join(outs[1], seedSlug+ext))
		if !bytes.Equal(a, b) {
			t.Errorf("%s%s differs between builds (%d and %d bytes; first difference at byte %d)",
				seedSlug, ext, len(a), len(b), firstDifference(a, b))
		}
	}
}

// TestSourceDateEpoch checks that SOURCE_DATE_EPOCH, when set, is the
// build's timestamp: the EPUB's dcterms:modified and the PDF's
// /CreationDate and /ModDate carry it, in UTC whatever the time zone
// (reproducible-builds.org, "SOURCE_DATE_EPOCH" specification).
func TestSourceDateEpoch(t *testing.T) {
	t.Parallel()
	heavy(t)
	// 2021-03-04T05:06:07Z: no part of it is the manifest's edition date.
	const epoch = 1614834367
	when := time.Unix(epoch, 0).UTC()

	bin := buildBindery(t)
	work := t.TempDir()
	book := copySeed(t, work)
	out := filepath.Join(work, "dist")
	runBuild(t, bin, work, out, book, "SOURCE_DATE_EPOCH="+strconv.Itoa(epoch), "TZ=Pacific/Auckland")

	opf := epubPackageDocument(t, filepath.Join(out, seedSlug+".epub"))
	modified := regexp.MustCompile(`<meta[^>]*property="dcterms:modified"[^>]*>([^<]*)</meta>`).FindSubmatch(opf)
	if modified == nil {
		t.Errorf("EPUB package document has no dcterms:modified")
	} else if got, want := string(modified[1]), when.Format("2006-01-02T15:04:05Z"); got != want {
		t.Errorf("EPUB dcterms:modified = %q, want %q", got, want)
	}

	pdf := readFile(t, filepath.Join(out, seedSlug+".pdf"))
	for _, key := range []string{"CreationDate", "ModDate"} {
		m := regexp.MustCompile(`/` + key + `\s*\(D:(\d{14})([^)]*)\)`).FindSubmatch(pdf)
		if m == nil {
			t.Errorf("PDF has no /%s (D:...) entry", key)
			continue
		}
		if got, want := string(m[1]), when.Format("20060102150405"); got != want {
			t.Errorf("PDF /%s = D:%s%s, want D:%s (UTC)", key, m[1], m[2], want)
		}
		// A zone suffix, if any, must say UTC: "Z" or "+00'00'".
		if z := string(m[2]); z != "" && z != "Z" && !strings.HasPrefix(z, "+00'00") && !strings.HasPrefix(z, "Z00'00") {
			t.Errorf("PDF /%s has zone %q, want UTC", key, z)
		}
	}
}

// epubPackageDocument returns the OPF named by META-INF/container.xml.
func epubPackageDocument(t *testing.T, name string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	read := func(n string) []byte {
		for _, f := range zr.File {
			if f.Name == n {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
		}
		t.Fatalf("%s: no %s in the archive", name, n)
		return nil
	}
	m := regexp.MustCompile(`full-path="([^"]+)"`).FindSubmatch(read("META-INF/container.xml"))
	if m == nil {
		t.Fatalf("%s: container.xml names no package document", name)
	}
	return read(string(m[1]))
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// firstDifference returns the index of the first byte at which a and b
// differ, or the shorter length if one is a prefix of the other.
func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
