#!/bin/sh
# make-large.sh writes a long Markdown book to standard output: N chapters
# ("# Chapter 1" ... "# Chapter N"), each the body of the open letter seed
# (its paragraphs, without the archive's title block and closing link).
# At 5.5x8.5in each chapter sets to about 25 pages, so 40 chapters make a
# book of about 1,000 pages.
#
# Usage: docs/bench/make-large.sh N [SOURCE_TXT] > big.md
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

i=1
while [ "$i" -le "$n" ]; do
	printf '# Chapter %d\n\n%s\n\n' "$i" "$body"
	i=$((i + 1))
done
