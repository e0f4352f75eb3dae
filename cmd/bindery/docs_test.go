package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/bindery.1 from the help")

// TestManPage keeps docs/bindery.1 the man page the help makes; run with
// -update after changing a command.
func TestManPage(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	manPage(&buf)
	path := filepath.Join("..", "..", "docs", "bindery.1")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Errorf("docs/bindery.1 is not the man page the help makes: run go test ./cmd/bindery -run ManPage -update")
	}
	for _, cmd := range commands {
		if !strings.Contains(buf.String(), ".SS "+roff(cmd.synopsis())) {
			t.Errorf("the man page lacks %s", cmd.name)
		}
		for _, o := range cmd.options() {
			if !strings.Contains(buf.String(), "\\-\\-"+roff(o.long)) {
				t.Errorf("the man page lacks %s --%s", cmd.name, o.long)
			}
		}
	}
	if man, err := exec.LookPath("man"); err == nil {
		// man -l formats a file; troff's warnings go to stderr.
		cmd := exec.Command(man, "--warnings", "-E", "UTF-8", "-l", path)
		cmd.Env = append(os.Environ(), "MANWIDTH=80")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || stderr.Len() > 0 || !bytes.Contains(out, []byte("--metadata-file")) {
			t.Errorf("man -l docs/bindery.1: %v\n%s", err, stderr.String())
		}
	}
}

// TestREADMECommands checks that the README's commands section shows what
// bindery help prints, and names every option of every command.
func TestREADMECommands(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Commands\n")
	if !ok {
		t.Fatal("README.md has no ## Commands section")
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	_, block, _ := strings.Cut(section, "```\n")
	block, _, _ = strings.Cut(block, "```\n")
	var help bytes.Buffer
	generalHelp(&help)
	if block != help.String() {
		t.Errorf("the README's commands section does not show bindery help; it should hold, in a code block:\n%s", help.String())
	}
	for _, cmd := range commands {
		if !strings.Contains(section, "**"+cmd.name+"**") {
			t.Errorf("the README's commands section does not describe %s", cmd.name)
		}
		for _, o := range cmd.options() {
			if !strings.Contains(section, "--"+o.long) {
				t.Errorf("the README's commands section does not mention %s --%s", cmd.name, o.long)
			}
		}
	}
}

// TestCompletion runs the bash completion in bash, and checks the zsh and
// fish scripts with their shells' syntax checks where they are installed.
func TestCompletion(t *testing.T) {
	t.Parallel()
	scripts := map[string]string{}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, stdout, stderr := runCLI(t, "completion", shell)
		if code != exitOK || stderr != "" {
			t.Fatalf("completion %s: exit %d: %s", shell, code, stderr)
		}
		for _, cmd := range commands {
			if !strings.Contains(stdout, cmd.name) {
				t.Errorf("the %s completion lacks %s", shell, cmd.name)
			}
		}
		scripts[shell] = stdout
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	// What bash offers after each command line (the last word being
	// completed).
	tests := []struct{ line, want string }{
		{"bindery bu", "build"},
		{"bindery com", "completion"},
		{"bindery build --fo", "--format"},
		{"bindery build --format ", "epub,pdf,cover"},
		{"bindery build --profile sc", "screen"},
		{"bindery build --trim ", "a5"},
		{"bindery check --", "--strict"},
		{"bindery watch --o", "--open"},
		{"bindery completion f", "fish"},
		{"bindery help wa", "watch"},
	}
	for _, tt := range tests {
		words := strings.Split(tt.line, " ")
		script := scripts["bash"] + `
COMP_WORDS=(` + quoteWords(words) + `)
COMP_CWORD=` + strconv.Itoa(len(words)-1) + `
_bindery
printf '%s\n' "${COMPREPLY[@]}"
`
		out, err := exec.Command(bash, "-c", script).CombinedOutput()
		if err != nil || !strings.Contains("\n"+string(out), "\n"+tt.want+"\n") {
			t.Errorf("%q completes to %q (%v), want %q among them", tt.line, out, err, tt.want)
		}
	}
	// check offers none of build's options.
	out, _ := exec.Command(bash, "-c", scripts["bash"]+"\nCOMP_WORDS=(bindery check --)\nCOMP_CWORD=2\n_bindery\nprintf '%s\\n' \"${COMPREPLY[@]}\"").Output()
	if strings.Contains(string(out), "--output") || strings.Contains(string(out), "--format") {
		t.Errorf("check completes build's options:\n%s", out)
	}
	for _, shell := range []string{"zsh", "fish"} {
		if p, err := exec.LookPath(shell); err == nil {
			cmd := exec.Command(p, "-n")
			cmd.Stdin = strings.NewReader(scripts[shell])
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s -n: %v\n%s", shell, err, out)
			}
		}
	}
}

func quoteWords(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + w + "'"
	}
	return strings.Join(q, " ")
}
