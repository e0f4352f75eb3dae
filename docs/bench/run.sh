#!/bin/sh
# run.sh measures bindery as BENCHMARKS.md reports it. Run it from the
# repository root:
#
#	docs/bench/run.sh [scale|pandoc|all]     (default: all)
#
# scale   builds a long book of 4, 12 and 40 chapters (about 130, 370 and
#         1,210 pages at 5.5x8.5in) from docs/bench/make-large.sh (with
#         FIGURES=1, a figure and a table about every ten pages), imported
#         with "bindery import", and prints the wall time, CPU time and peak
#         memory of "bindery build" (both formats) for each: the best of
#         RUNS runs (default 3).
# pandoc  times pandoc's EPUB and its xelatex PDF of the open letter (a
#         plain Markdown of its title and paragraphs), and Typst 0.14's PDF
#         of the same text set as a book (5.5x8.5in, justified, hyphenated,
#         running heads, contents), against "bindery build" of the open
#         letter seed, with hyperfine, in one run.
#
# Needs: go, GNU time (/usr/bin/time), pdfinfo (poppler-utils) for page
# counts; for "pandoc": pandoc, xelatex (texlive-xetex) and hyperfine, and
# for Typst node with the npm package @myriaddreamin/typst-ts-node-compiler
# 0.7.0 (Typst 0.14) installed in $TYPST_NODE (default ~/.cache/typst-node:
# "npm install @myriaddreamin/typst-ts-node-compiler@0.7.0" there); without
# it the comparison runs without Typst.
# Work files go to a temporary folder, removed at the end.
set -eu

what=${1:-all}
runs=${RUNS:-3}
repo=$(pwd)
[ -f "$repo/go.mod" ] || { echo "run.sh: run me from the repository root" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=0

go build -o "$work/bindery" ./cmd/bindery
bindery="$work/bindery"

# best RUNS CMD...: runs CMD RUNS times under GNU time and prints the best
# wall time with the user and system time of that run, and the largest
# peak resident set of all runs.
best() {
	n=$1
	shift
	i=0
	: >"$work/times"
	while [ "$i" -lt "$n" ]; do
		/usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >/dev/null 2>&1
		cat "$work/t" >>"$work/times"
		i=$((i + 1))
	done
	sort -n "$work/times" | awk -v rss=0 '
		{ if ($4 > rss) rss = $4 }
		NR == 1 { w = $1; u = $2; s = $3 }
		END { printf "%6.2f s wall  %6.2f s user  %5.2f s sys  %5.0f MB peak RSS", w, u, s, rss / 1024 }'
}

scale() {
	echo "== long book: bindery build, both formats, best of $runs"
	printf '%-9s %-7s %s\n' chapters pages "time and memory"
	for n in ${CHAPTERS:-4 12 33 40}; do
		cp testdata/seeds/markdown-sample/harbour.png "$work/"
		sh docs/bench/make-large.sh "$n" >"$work/big$n.md"
		"$bindery" import -o "$work/big$n" "$work/big$n.md" >/dev/null
		rm -rf "$work/out$n"
		line=$(best "$runs" "$bindery" build --force -q -o "$work/out$n" "$work/big$n")
		pages=?
		if command -v pdfinfo >/dev/null; then
			pages=$(pdfinfo "$work/out$n/big$n.pdf" | awk '/^Pages:/ { print $2 }')
		fi
		printf '%-9s %-7s %s\n' "$n" "$pages" "$line"
	done
}

# letterMarkdown writes the open letter as plain Markdown: its title (a pandoc
# title block), then its paragraphs as they stand in the archive text.
letterMarkdown() {
	awk 'BEGIN { RS = ""; print "% An Open Letter\n" }
		NR <= 2 || /^Click here/ { next }
		{ gsub(/\n/, " "); print; print "" }' seeds/open-letter-1964/source.txt
}

# letterTypst writes the open letter as a Typst document set as a book:
# the trim and margins of bindery's 5.5x8.5in design, justified and
# hyphenated, a running head, a title and the contents, in Gentium Book
# Plus from fonts/; its paragraphs as they stand in the archive text.
letterTypst() {
	awk 'BEGIN {
		RS = ""
		print "#set document(title: \"An Open Letter\")"
		print "#set page(width: 5.5in, height: 8.5in, margin: (inside: 0.55in, outside: 0.8in, top: 0.7in, bottom: 0.8in),"
		print "  header: context { if counter(page).get().first() > 2 { set text(8pt); align(center, smallcaps[An Open Letter]) } },"
		print "  numbering: \"1\")"
		print "#set text(font: \"Gentium Book Plus\", size: 10.5pt, lang: \"en\", hyphenate: true)"
		print "#set par(justify: true, leading: 0.6em, first-line-indent: 1em, spacing: 0.6em)"
		print "#align(center)[#text(18pt)[An Open Letter]]"
		print "#outline()"
		print "#pagebreak()"
		print "= An Open Letter"
	}
	NR <= 2 || /^Click here/ { next }
	{ gsub(/\n/, " "); gsub(/[\\#*_`$<>@\[\]=\/~+-]/, "\\\\&"); print; print "" }' seeds/open-letter-1964/source.txt
}

# typstCompile is a Node script that compiles a Typst file to PDF with the
# Typst 0.14 compiler of @myriaddreamin/typst-ts-node-compiler.
typstCompile='const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");
const fs = require("fs");
const [src, dst, fonts] = process.argv.slice(2);
const c = NodeCompiler.create({ fontArgs: [{ fontPaths: [fonts] }] });
fs.writeFileSync(dst, c.pdf({ mainFileContent: fs.readFileSync(src, "utf8") }));'

pandoc_cmp() {
	for c in pandoc xelatex hyperfine; do
		command -v "$c" >/dev/null || { echo "run.sh: $c not found; skipping the pandoc comparison" >&2; return 0; }
	done
	echo "== open letter: pandoc and Typst against bindery"
	pandoc --version | head -1
	letterMarkdown >"$work/letter.md"
	set -- -n 'pandoc EPUB' 'pandoc letter.md -o letter.epub' \
		-n 'pandoc PDF (xelatex)' 'pandoc letter.md --pdf-engine=xelatex -o letter.pdf'
	typstNode=${TYPST_NODE:-$HOME/.cache/typst-node}/node_modules
	if command -v node >/dev/null && [ -d "$typstNode/@myriaddreamin/typst-ts-node-compiler" ]; then
		letterTypst >"$work/letter.typ"
		printf '%s\n' "$typstCompile" >"$work/typst.js"
		set -- "$@" -n 'Typst 0.14 PDF (Node)' "NODE_PATH=$typstNode node typst.js letter.typ letter-typst.pdf $repo/fonts"
	else
		echo "run.sh: node or the Typst compiler package not found; Typst left out" >&2
	fi
	cd "$work"
	hyperfine --warmup 1 --runs "${PANDOC_RUNS:-5}" --export-markdown "$work/pandoc.md" "$@" \
		-n 'bindery build (EPUB+PDF)' "$bindery build --force -q -o $work/dist $repo/seeds/open-letter-1964"
	cd "$repo"
	cat "$work/pandoc.md"
}

case $what in
scale) scale ;;
pandoc) pandoc_cmp ;;
all)
	scale
	pandoc_cmp
	;;
*)
	echo "usage: docs/bench/run.sh [scale|pandoc|all]" >&2
	exit 2
	;;
esac
