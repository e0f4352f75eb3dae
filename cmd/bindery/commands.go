package main

// The command table: every command's synopsis, description and options
// live here once, and the help (bindery help, COMMAND --help), the shell
// completions, the man page and the README's commands section are all made
// from it.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/bindery-editions/bindery/edition/seed"
)

// command is one of bindery's commands.
type command struct {
	name     string
	args     string // the arguments after the options in the synopsis
	summary  string // one line, for bindery help
	about    string // paragraphs, for bindery help COMMAND and the man page
	define   func(fs *flag.FlagSet)
	run      func(c *cli, cmd *command, args []string) int
	complete string // what the positional arguments are: "dir", "file", "shell", "command" or ""
}

// commands lists the commands in the order help shows them. It is filled
// in by init, because the help command reads the table.
var commands []*command

func init() {
	commands = []*command{
		buildCommand, checkCommand, watchCommand, lintCommand, newCommand, importCommand,
		completionCommand, helpCommand, versionCommand,
	}
}

// lookup returns the command named name, or nil.
func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func commandNames() []string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return names
}

// shortNames pairs each one-letter option with its long name: both are
// defined, and help shows them together as "-o, --output".
var shortNames = map[string]string{"output": "o", "quiet": "q", "verbose": "v", "metadata": "M"}

// flagSet returns the command's options, defined and ready to parse.
func (cmd *command) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if cmd.define != nil {
		cmd.define(fs)
	}
	for long, short := range shortNames {
		if f := fs.Lookup(long); f != nil {
			fs.Var(f.Value, short, f.Usage)
		}
	}
	return fs
}

// option is one option as help shows it.
type option struct {
	names string // "-o, --output" or "    --format"
	arg   string // "PATH", or "" for a switch
	usage string
	long  string // the long name, without dashes
	short string
}

// options returns a command's options in alphabetical order of their long
// names.
func (cmd *command) options() []option {
	fs := cmd.flagSet()
	isShort := map[string]bool{}
	for _, s := range shortNames {
		isShort[s] = true
	}
	var opts []option
	fs.VisitAll(func(f *flag.Flag) {
		if isShort[f.Name] && len(f.Name) == 1 {
			return
		}
		arg, usage := flag.UnquoteUsage(f)
		if _, ok := f.Value.(interface{ IsBoolFlag() bool }); ok {
			arg = ""
		}
		o := option{names: "    --" + f.Name, arg: strings.ToUpper(arg), usage: usage, long: f.Name}
		if s, ok := shortNames[f.Name]; ok && fs.Lookup(s) != nil {
			o.names, o.short = "-"+s+", --"+f.Name, s
		}
		opts = append(opts, o)
	})
	sort.Slice(opts, func(i, j int) bool { return opts[i].long < opts[j].long })
	return opts
}

// synopsis is the command's usage line.
func (cmd *command) synopsis() string {
	s := "bindery " + cmd.name
	if len(cmd.options()) > 0 {
		s += " [options]"
	}
	if cmd.args != "" {
		s += " " + cmd.args
	}
	return s
}

// writeHelp writes a command's help: its synopsis, what it does, and its
// own options, nothing else.
func (cmd *command) writeHelp(w io.Writer) {
	fmt.Fprintf(w, "usage: %s\n\n", cmd.synopsis())
	fmt.Fprintf(w, "%s\n", wrap(cmd.about, 78, ""))
	opts := cmd.options()
	if len(opts) == 0 {
		return
	}
	fmt.Fprintf(w, "\nOptions:\n")
	for _, o := range opts {
		head := "  " + o.names
		if o.arg != "" {
			head += " " + o.arg
		}
		const col = 26
		if len(head) < col-1 {
			fmt.Fprintf(w, "%-*s%s\n", col, head, wrap(o.usage, 78-col, strings.Repeat(" ", col)))
		} else {
			fmt.Fprintf(w, "%s\n%s%s\n", head, strings.Repeat(" ", col), wrap(o.usage, 78-col, strings.Repeat(" ", col)))
		}
	}
}

// generalHelp is bindery help with no command: the list of commands.
func generalHelp(w io.Writer) {
	fmt.Fprintf(w, "bindery turns seeds into editions: an EPUB 3 e-book and a print-ready PDF.\n\n")
	fmt.Fprintf(w, "usage: bindery COMMAND [options] [arguments]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-12s%s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun \"bindery help COMMAND\" for a command's options.\n")
	fmt.Fprintf(w, "With no SEED_DIR, build and check take every folder under seeds/ that holds\na manifest.yaml.\n")
	fmt.Fprintf(w, "Exit status: %d success, %d a build or input error, %d a usage error,\n%d interrupted (Ctrl-C).\n", exitOK, exitError, exitUsage, exitInterrupted)
}

// wrap fills text to width columns, each line after the first indented by
// indent; blank lines separate paragraphs, and lines that start with white
// space are kept as they are.
func wrap(text string, width int, indent string) string {
	var out []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		var lines []string
		var cur string
		flush := func() {
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
		}
		for _, l := range strings.Split(para, "\n") {
			if strings.HasPrefix(l, " ") {
				flush()
				lines = append(lines, l)
				continue
			}
			for _, word := range strings.Fields(l) {
				if cur != "" && len(cur)+1+len(word) > width {
					flush()
				}
				if cur == "" {
					cur = word
				} else {
					cur += " " + word
				}
			}
		}
		flush()
		out = append(out, strings.Join(lines, "\n"+indent))
	}
	return strings.Join(out, "\n\n"+indent)
}

// parse parses a command's arguments: options may come before, between or
// after the others. It returns the arguments that are not options, or an
// exit code when the command must stop: 0 after printing the help the
// arguments asked for (on stdout), 2 after a usage error (on stderr, with
// the nearest option when one was mistyped).
func (c *cli) parse(cmd *command, fs *flag.FlagSet, args []string) ([]string, int) {
	rest, err := parseInterspersed(fs, args)
	if err == nil {
		return rest, -1
	}
	if errors.Is(err, flag.ErrHelp) {
		cmd.writeHelp(c.stdout)
		return nil, exitOK
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		msg = "unknown option " + dashes(name)
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if s := seed.Suggest(name, names); s != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", dashes(s))
		}
	} else if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		msg = "option " + dashes(strings.TrimLeft(name, "-")) + " needs a value"
	} else if _, after, ok := strings.Cut(msg, "invalid boolean value"); ok {
		msg = "a switch takes no value" + after
	}
	return nil, c.usageError(cmd, "%s", msg)
}

// dashes writes an option's name as it is typed: -o, --format.
func dashes(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// usageError prints a usage problem, the command's synopsis and where its
// help is, and returns the usage exit code.
func (c *cli) usageError(cmd *command, format string, args ...any) int {
	fmt.Fprintf(c.stderr, "bindery %s: %s\nusage: %s\nRun \"bindery help %s\" for the options.\n", cmd.name, fmt.Sprintf(format, args...), cmd.synopsis(), cmd.name)
	return exitUsage
}

// parseInterspersed parses flags that may come before, between or after the
// positional arguments ("build seeds/x -o out" as well as "build -o out
// seeds/x"), returning the positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// listFlag is an option that may be given more than once (-M a=1 -M b=2).
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ", ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

var helpCommand = &command{
	name:     "help",
	args:     "[COMMAND]",
	summary:  "show the help of bindery or of a command",
	about:    "Show what bindery's commands are, or what one command does and its options.",
	complete: "command",
	run: func(c *cli, cmd *command, args []string) int {
		rest, code := c.parse(cmd, cmd.flagSet(), args)
		if code >= 0 {
			return code
		}
		switch len(rest) {
		case 0:
			generalHelp(c.stdout)
			return exitOK
		case 1:
			if sub := lookup(rest[0]); sub != nil {
				sub.writeHelp(c.stdout)
				return exitOK
			}
			return c.unknownCommand(rest[0])
		}
		return c.usageError(cmd, "name one command")
	},
}

var versionCommand = &command{
	name:    "version",
	summary: "print bindery's version (also bindery --version)",
	about:   "Print bindery's version: the release it was built from, or the commit of a build from source.",
	run: func(c *cli, cmd *command, args []string) int {
		rest, code := c.parse(cmd, cmd.flagSet(), args)
		if code >= 0 {
			return code
		}
		if len(rest) > 0 {
			return c.usageError(cmd, "takes no arguments")
		}
		fmt.Fprintf(c.stdout, "bindery %s\n", versionString())
		return exitOK
	},
}
