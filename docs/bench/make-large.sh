#!/bin/sh
# make-large.sh writes a long Markdown book to standard output: N chapters
# ("# Chapter 1" ... "# Chapter N"), each the body of the open letter seed
# (its paragraphs, without the archive's title block and closing link).
# At 5.5x8.5in each chapter sets to about 25 pages, so 40 chapters make a
# book of about 1,000 pages.
#
# With FIGURES=1 every 25th paragraph (about every ten pages) is
# followed by a figure (harbour.png, which must stand beside the output,
# as docs/bench/run.sh puts it) and a three-column table.
#
# Usage: [FIGURES=1] docs/bench/make-large.sh N [SOURCE_TXT] > big.md
set -eu
n=${1:?usage: make-large.sh CHAPTERS [SOURCE_TXT]}
src=${2:-$(dirname "$0")/../../seeds/open-letter-1964/source.txt}

# Paragraphs are separated by blank lines. Skip the first two (title and
# publisher), drop the archive's "Click here ..." navigation line, and join
# each paragraph's lines with a space so line-leading text cannot turn into
# Markdown syntax.
body=$(awk 'BEGIN { RS = ""; skip = 2 }
	NR <= skip { next }
	/^Click here/ { next }
	{ gsub(/\n/, " "); print; print "" }' "$src")

if [ "${FIGURES:-0}" = 1 ]; then
	body=$(printf '%s\n' "$body" | awk 'BEGIN { RS = ""; ORS = "\n\n" }
		{ print }
		NR % 25 == 0 {
			k++
			print "![The harbour at dawn, plate " k ".](harbour.png)"
			print "| Year | Delegates | Parties |\n|-----:|----------:|:--------|\n| 1957 | 64 | Moscow |\n| 1960 | 81 | Moscow |\n| 1964 | 26 | invited |"
		}')
fi

i=1
while [ "$i" -le "$n" ]; do
	printf '# Chapter %d\n\n%s\n\n' "$i" "$body"
	i=$((i + 1))
done
