package main

import (
	"fmt"
	"io"
	"strings"
)

// manPage writes bindery(1) in roff's man macros (man(7)), made from the
// command table: the same synopses, descriptions and options as the help.
// docs/bindery.1 is its output; TestManPage keeps the two the same.
func manPage(w io.Writer) {
	fmt.Fprintf(w, ".\\\" bindery(1), made from the command's own help: go test ./cmd/bindery -run ManPage -update\n")
	fmt.Fprintf(w, ".TH BINDERY 1 \"\" \"bindery\" \"User Commands\"\n")
	fmt.Fprintf(w, ".SH NAME\nbindery \\- turn archive documents into an EPUB 3 e-book and a print-ready PDF\n")
	fmt.Fprintf(w, ".SH SYNOPSIS\n")
	for _, cmd := range commands {
		fmt.Fprintf(w, ".B %s\n.br\n", roff(cmd.synopsis()))
	}
	fmt.Fprintf(w, ".SH DESCRIPTION\n%s\n", roffText(`bindery makes books out of archive documents. A seed is a folder holding a
source text (a plain-text transcription, or a Markdown file), a manifest
(manifest.yaml) and an editorial introduction; bindery makes two editions of
it: a reflowable EPUB 3 and a print-ready PDF. The same seed always builds
the same files, byte for byte.`))
	fmt.Fprintf(w, ".SH COMMANDS\n")
	for _, cmd := range commands {
		fmt.Fprintf(w, ".SS %s\n%s\n", roff(cmd.synopsis()), roffText(cmd.about))
		for _, o := range cmd.options() {
			head := "\\fB" + roff(strings.TrimSpace(o.names)) + "\\fR"
			if o.arg != "" {
				head += " \\fI" + roff(o.arg) + "\\fR"
			}
			fmt.Fprintf(w, ".TP\n%s\n%s\n", head, roff(o.usage))
		}
	}
	fmt.Fprintf(w, ".SH ENVIRONMENT\n")
	fmt.Fprintf(w, ".TP\n.B SOURCE_DATE_EPOCH\n%s\n", roff("A Unix time in seconds: when set, the timestamp of every output instead of the manifest's edition.date, and the date bindery new and import write."))
	fmt.Fprintf(w, ".TP\n.B GOMEMLIMIT\n%s\n", roff(fmt.Sprintf("The soft memory limit; by default %s for each book built at once (one a processor).", humanSize(defaultBookMemory))))
	fmt.Fprintf(w, ".SH EXIT STATUS\n%s\n", roff(fmt.Sprintf("%d success; %d a build or input error; %d a usage error; %d interrupted. lint exits 1 when it finds something.", exitOK, exitError, exitUsage, exitInterrupted)))
	fmt.Fprintf(w, ".SH SEE ALSO\nThe README of bindery's repository, which describes every manifest key.\n")
}

// roff escapes text for a roff line: backslashes, and hyphens, which man
// pages set as minus signs in options.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffText sets paragraphs: blank lines become .PP, and indented lines
// (examples) are kept as they are, unfilled.
func roffText(text string) string {
	var out []string
	for i, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if i > 0 {
			out = append(out, ".PP")
		}
		if strings.HasPrefix(para, " ") {
			out = append(out, ".nf")
			for _, l := range strings.Split(para, "\n") {
				out = append(out, roff(strings.TrimSpace(l)))
			}
			out = append(out, ".fi")
			continue
		}
		for _, l := range strings.Split(para, "\n") {
			out = append(out, roff(strings.TrimSpace(l)))
		}
	}
	return strings.Join(out, "\n")
}
