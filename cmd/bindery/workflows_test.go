package main

// The GitHub Actions files are checked in two places: .ci/run runs
// actionlint over them (syntax, expressions, the inputs of known actions,
// shellcheck on each script), and the tests here check what actionlint
// cannot know: that every bindery command and option they use exists,
// that third-party actions are pinned to commits, and that the release
// notes rebuild exactly what the release holds.

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// actionFiles returns the workflow files and the composite action, parsed.
func actionFiles(t *testing.T) map[string]*yaml.Node {
	t.Helper()
	root := filepath.Join("..", "..")
	files, err := filepath.Glob(filepath.Join(root, ".github", "workflows", "*.yml"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join(root, "action.yml"))
	docs := map[string]*yaml.Node{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		rel, _ := filepath.Rel(root, f)
		docs[filepath.ToSlash(rel)] = &doc
	}
	for _, want := range []string{".github/workflows/ci.yml", ".github/workflows/release.yml", ".github/workflows/archive.yml", "action.yml"} {
		if docs[want] == nil {
			t.Errorf("%s is missing", want)
		}
	}
	return docs
}

// walkKeys calls f for each key of a mapping anywhere in n, with its
// value.
func walkKeys(n *yaml.Node, f func(key, value *yaml.Node)) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			f(n.Content[i], n.Content[i+1])
		}
	}
	for _, c := range n.Content {
		walkKeys(c, f)
	}
}

var pinned = regexp.MustCompile(`^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$`)

// TestActionsPinned checks that every action from another repository is
// pinned to a commit, with its version in a comment, so that a moved tag
// cannot change what runs; and that local ones exist.
func TestActionsPinned(t *testing.T) {
	t.Parallel()
	for name, doc := range actionFiles(t) {
		walkKeys(doc, func(k, v *yaml.Node) {
			if k.Value != "uses" {
				return
			}
			switch {
			case strings.HasPrefix(v.Value, "./"):
				path := filepath.Join("..", "..", strings.TrimPrefix(v.Value, "./"))
				if v.Value == "./" {
					path = filepath.Join("..", "..", "action.yml")
				}
				if strings.HasPrefix(v.Value, "./.bindery-src") {
					return // bindery's own checkout, made by the step before
				}
				if _, err := os.Stat(path); err != nil {
					t.Errorf("%s:%d: uses %s, which does not exist", name, v.Line, v.Value)
				}
			case !pinned.MatchString(v.Value):
				t.Errorf("%s:%d: uses %s: pin it to a full commit SHA", name, v.Line, v.Value)
			case !regexp.MustCompile(`^# v\d+\.\d+\.\d+$`).MatchString(v.LineComment):
				t.Errorf("%s:%d: uses %s without its version in a comment (# v1.2.3)", name, v.Line, v.Value)
			}
		})
	}
}

// binderyCall finds bindery's command lines in a script: "go run
// ./cmd/bindery ARGS", "bindery ARGS", and the args=(...) arrays a script
// builds for it.
var binderyCall = regexp.MustCompile(`(?m)(?:go run \./cmd/bindery\s+|^\s*bindery\s+|args\+?=\()([^\n|&;)]*)`)

// TestWorkflowCommandsExist checks every bindery command and option the
// workflows and the action run against the command table, and the files
// their scripts name.
func TestWorkflowCommandsExist(t *testing.T) {
	t.Parallel()
	calls := 0
	for name, doc := range actionFiles(t) {
		walkKeys(doc, func(k, v *yaml.Node) {
			if k.Value != "run" {
				return
			}
			for _, m := range binderyCall.FindAllStringSubmatch(v.Value, -1) {
				words := strings.Fields(strings.NewReplacer(`"`, "", "'", "").Replace(m[1]))
				cmdName := "build" // an args+=( array adds to a build's
				if len(words) > 0 && !strings.HasPrefix(words[0], "-") && !strings.HasPrefix(words[0], "$") {
					cmdName, words = words[0], words[1:]
				}
				cmd := lookup(cmdName)
				if cmd == nil {
					t.Errorf("%s:%d: bindery has no command %q", name, v.Line, cmdName)
					continue
				}
				calls++
				fs := cmd.flagSet()
				for _, w := range words {
					opt, _, _ := strings.Cut(w, "=")
					if !strings.HasPrefix(opt, "-") || opt == "-" {
						continue
					}
					if fs.Lookup(strings.TrimLeft(opt, "-")) == nil {
						t.Errorf("%s:%d: bindery %s has no option %s", name, v.Line, cmdName, opt)
					}
				}
			}
			for _, m := range regexp.MustCompile(`bash (\S+)`).FindAllStringSubmatch(v.Value, -1) {
				if _, err := os.Stat(filepath.Join("..", "..", m[1])); err != nil {
					t.Errorf("%s:%d: runs %s, which does not exist", name, v.Line, m[1])
				}
			}
		})
	}
	if calls < 4 {
		t.Errorf("found %d bindery command lines in the workflows, want the CI build, the release notes' and the action's", calls)
	}

	// The archive workflow passes the action only inputs it has.
	var inputs []string
	walkKeys(actionFiles(t)["action.yml"], func(k, v *yaml.Node) {
		if k.Value == "inputs" && v.Kind == yaml.MappingNode {
			for i := 0; i < len(v.Content); i += 2 {
				inputs = append(inputs, v.Content[i].Value)
			}
		}
	})
	walkKeys(actionFiles(t)[".github/workflows/archive.yml"], func(k, v *yaml.Node) {
		if k.Value != "steps" {
			return
		}
		for _, step := range v.Content {
			var uses string
			walkKeys(step, func(k, v *yaml.Node) {
				if k.Value == "uses" {
					uses = v.Value
				}
			})
			if uses != "./" && uses != "./.bindery-src" {
				continue
			}
			walkKeys(step, func(k, v *yaml.Node) {
				if k.Value != "with" {
					return
				}
				for i := 0; i < len(v.Content); i += 2 {
					if !slices.Contains(inputs, v.Content[i].Value) {
						t.Errorf("archive.yml:%d: the action has no input %q", v.Content[i].Line, v.Content[i].Value)
					}
				}
			})
		}
	})
}

// TestReleaseNotesRebuildTheRelease checks that the command the release
// notes give to verify the editions is the one CI builds them with, so
// that every edition in SHA256SUMS can be rebuilt and checked.
func TestReleaseNotesRebuildTheRelease(t *testing.T) {
	t.Parallel()
	build := regexp.MustCompile(`go run \./cmd/bindery build[^\n]*`)
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	ci := build.FindAllString(read("ci.yml"), -1)
	notes := build.FindAllString(read("release.yml"), -1)
	if len(ci) != 1 || len(notes) != 1 {
		t.Fatalf("found the build command %d times in ci.yml and %d in release.yml, want once each", len(ci), len(notes))
	}
	if ci[0] != notes[0] {
		t.Errorf("the release notes rebuild with %q, but CI builds the released editions with %q", notes[0], ci[0])
	}
	for _, f := range []string{"epub", "pdf", "cover"} {
		if !strings.Contains(ci[0], f) {
			t.Errorf("CI's build %q leaves out %s", ci[0], f)
		}
	}
	if strings.Contains(read("release.yml"), "--ignore-missing") {
		t.Error("the release notes check with --ignore-missing, which hides an edition that was not rebuilt")
	}
}
