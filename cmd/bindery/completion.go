package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/bindery-editions/bindery/layout/pagedesign"
)

var completionCommand = &command{
	name:    "completion",
	args:    "bash|zsh|fish",
	summary: "print a shell completion script (bash, zsh or fish)",
	about: `Print a script that completes bindery's commands, options and their values
in a shell. To load it:

    bash:  source <(bindery completion bash)    (in ~/.bashrc)
    zsh:   bindery completion zsh > "${fpath[1]}/_bindery"
    fish:  bindery completion fish > ~/.config/fish/completions/bindery.fish`,
	complete: "shell",
	run: func(c *cli, cmd *command, args []string) int {
		rest, code := c.parse(cmd, cmd.flagSet(), args)
		if code >= 0 {
			return code
		}
		if len(rest) != 1 {
			return c.usageError(cmd, "name a shell: bash, zsh or fish")
		}
		switch rest[0] {
		case "bash":
			bashCompletion(c.stdout)
		case "zsh":
			zshCompletion(c.stdout)
		case "fish":
			fishCompletion(c.stdout)
		default:
			return c.usageError(cmd, "no completion for %q: bash, zsh or fish", rest[0])
		}
		return exitOK
	},
}

// optionValues returns the values an option takes, when they are few and
// known: the formats, the trims, the profiles. A nil list with files set
// means the value is a path; neither means free text.
func optionValues(name string) (values []string, files bool) {
	switch name {
	case "format":
		return []string{"epub", "pdf", "cover", "epub,pdf", "epub,pdf,cover"}, false
	case "trim":
		return pagedesign.TrimNames(), false
	case "profile":
		return []string{"print", "screen"}, false
	case "output", "metadata-file":
		return nil, true
	}
	return nil, false
}

// argumentValues returns the words a command's positional arguments are
// chosen from, when they are words rather than paths.
func argumentValues(cmd *command) []string {
	switch cmd.complete {
	case "shell":
		return []string{"bash", "zsh", "fish"}
	case "command":
		return commandNames()
	}
	return nil
}

// brief shortens an option's help to its first clause, for the one line
// a completion menu shows.
func brief(usage string) string {
	for _, sep := range []string{": ", "; ", " (", ", e.g.", ", as "} {
		if i := strings.Index(usage, sep); i > 0 {
			usage = usage[:i]
		}
	}
	return usage
}

func takesValue(o option) bool { return o.arg != "" }

func bashCompletion(w io.Writer) {
	fmt.Fprintf(w, "# bash completion for bindery, made by \"bindery completion bash\".\n")
	fmt.Fprintf(w, "_bindery() {\n")
	fmt.Fprintf(w, "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
	fmt.Fprintf(w, "  COMPREPLY=()\n")
	fmt.Fprintf(w, "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n")
	fmt.Fprintf(w, "    mapfile -t COMPREPLY < <(compgen -W %q -- \"$cur\")\n", strings.Join(append(commandNames(), "--help", "--version"), " "))
	fmt.Fprintf(w, "    return\n  fi\n")
	fmt.Fprintf(w, "  case \"${COMP_WORDS[1]}\" in\n")
	for _, cmd := range commands {
		fmt.Fprintf(w, "  %s)\n", cmd.name)
		var names []string
		fmt.Fprintf(w, "    case \"$prev\" in\n")
		for _, o := range cmd.options() {
			names = append(names, "--"+o.long)
			pattern := "--" + o.long
			if o.short != "" {
				names = append(names, "-"+o.short)
				pattern = "-" + o.short + "|" + pattern
			}
			if !takesValue(o) {
				continue
			}
			values, files := optionValues(o.long)
			switch {
			case values != nil:
				fmt.Fprintf(w, "    %s) mapfile -t COMPREPLY < <(compgen -W %q -- \"$cur\"); return ;;\n", pattern, strings.Join(values, " "))
			case files:
				fmt.Fprintf(w, "    %s) mapfile -t COMPREPLY < <(compgen -f -- \"$cur\"); return ;;\n", pattern)
			default:
				fmt.Fprintf(w, "    %s) return ;;\n", pattern)
			}
		}
		fmt.Fprintf(w, "    esac\n")
		names = append(names, "--help")
		fmt.Fprintf(w, "    if [[ \"$cur\" == -* ]]; then\n")
		fmt.Fprintf(w, "      mapfile -t COMPREPLY < <(compgen -W %q -- \"$cur\")\n", strings.Join(names, " "))
		switch {
		case argumentValues(cmd) != nil:
			fmt.Fprintf(w, "    else\n      mapfile -t COMPREPLY < <(compgen -W %q -- \"$cur\")\n", strings.Join(argumentValues(cmd), " "))
		case cmd.complete == "dir":
			fmt.Fprintf(w, "    else\n      mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")\n")
		case cmd.complete == "file":
			fmt.Fprintf(w, "    else\n      mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n")
		}
		fmt.Fprintf(w, "    fi\n    ;;\n")
	}
	fmt.Fprintf(w, "  esac\n}\n")
	fmt.Fprintf(w, "complete -o filenames -o bashdefault -F _bindery bindery\n")
}

// zshQuote escapes text for an _arguments description.
func zshQuote(s string) string {
	return strings.NewReplacer("'", "'\\''", "[", "\\[", "]", "\\]", ":", "\\:").Replace(s)
}

func zshCompletion(w io.Writer) {
	fmt.Fprintf(w, "#compdef bindery\n# zsh completion for bindery, made by \"bindery completion zsh\".\n\n")
	fmt.Fprintf(w, "_bindery() {\n  local -a commands\n  commands=(\n")
	for _, cmd := range commands {
		fmt.Fprintf(w, "    '%s:%s'\n", cmd.name, zshQuote(cmd.summary))
	}
	fmt.Fprintf(w, "  )\n  if (( CURRENT == 2 )); then\n    _describe 'command' commands\n    return\n  fi\n")
	fmt.Fprintf(w, "  local cmd=$words[2]\n  shift words\n  (( CURRENT-- ))\n  case $cmd in\n")
	for _, cmd := range commands {
		fmt.Fprintf(w, "  %s)\n    _arguments -s \\\n", cmd.name)
		for _, o := range cmd.options() {
			desc := zshQuote(brief(o.usage))
			action := ""
			if takesValue(o) {
				values, files := optionValues(o.long)
				switch {
				case values != nil:
					action = fmt.Sprintf(":%s:(%s)", strings.ToLower(o.arg), strings.Join(values, " "))
				case files:
					action = fmt.Sprintf(":%s:_files", strings.ToLower(o.arg))
				default:
					action = fmt.Sprintf(":%s: ", strings.ToLower(o.arg))
				}
			}
			repeat := ""
			if o.long == "metadata" {
				repeat = "*"
			}
			if o.short != "" {
				fmt.Fprintf(w, "      '%s(-%s --%s)'{-%s,--%s}'[%s]%s' \\\n", repeat, o.short, o.long, o.short, o.long, desc, action)
			} else {
				fmt.Fprintf(w, "      '%s--%s[%s]%s' \\\n", repeat, o.long, desc, action)
			}
		}
		switch {
		case argumentValues(cmd) != nil:
			fmt.Fprintf(w, "      '*:%s:(%s)'\n", strings.ToLower(cmd.args), strings.Join(argumentValues(cmd), " "))
		case cmd.complete == "dir":
			fmt.Fprintf(w, "      '*:seed folder:_files -/'\n")
		case cmd.complete == "file":
			fmt.Fprintf(w, "      '*:file:_files'\n")
		default:
			fmt.Fprintf(w, "      '*: :'\n")
		}
		fmt.Fprintf(w, "    ;;\n")
	}
	fmt.Fprintf(w, "  esac\n}\n\n_bindery \"$@\"\n")
}

func fishCompletion(w io.Writer) {
	quote := func(s string) string {
		return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
	}
	fmt.Fprintf(w, "# fish completion for bindery, made by \"bindery completion fish\".\n")
	fmt.Fprintf(w, "complete -c bindery -f\n")
	for _, cmd := range commands {
		fmt.Fprintf(w, "complete -c bindery -n __fish_use_subcommand -a %s -d %s\n", cmd.name, quote(cmd.summary))
	}
	for _, cmd := range commands {
		cond := fmt.Sprintf("-n '__fish_seen_subcommand_from %s'", cmd.name)
		for _, o := range cmd.options() {
			line := fmt.Sprintf("complete -c bindery %s -l %s", cond, o.long)
			if o.short != "" {
				line += " -s " + o.short
			}
			if takesValue(o) {
				values, files := optionValues(o.long)
				switch {
				case values != nil:
					line += " -x -a " + quote(strings.Join(values, " "))
				case files:
					line += " -r -F"
				default:
					line += " -x"
				}
			}
			fmt.Fprintf(w, "%s -d %s\n", line, quote(brief(o.usage)))
		}
		switch {
		case argumentValues(cmd) != nil:
			fmt.Fprintf(w, "complete -c bindery %s -a %s\n", cond, quote(strings.Join(argumentValues(cmd), " ")))
		case cmd.complete == "dir":
			fmt.Fprintf(w, "complete -c bindery %s -a '(__fish_complete_directories)'\n", cond)
		case cmd.complete == "file":
			fmt.Fprintf(w, "complete -c bindery %s -F\n", cond)
		}
	}
}
