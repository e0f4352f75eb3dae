#!/bin/sh
# archive.sh measures an archive build as BENCHMARKS.md reports it: an
# archive of SEEDS seeds (default 200) built from scratch, built again
# with nothing changed, and built again after one seed's introduction is
# edited. Run it from the repository root:
#
#	docs/bench/archive.sh [CORPUS_DIR]
#
# The seeds are copies, each under its own slug, of the repository's seeds
# (the open letter, testdata/seeds/archive-sample and markdown-sample) and
# of every .txt and .md document in CORPUS_DIR that bindery imports and
# builds (a document it cannot read yet is left out and named), taken in
# turn (a name in capitals, such as SOURCES.md, is not a document). Each timing is the best of RUNS runs (default 3) under GNU time.
# Work files go to a temporary folder, removed at the end.
set -eu

corpus=${1:-}
count=${SEEDS:-200}
runs=${RUNS:-3}
repo=$(pwd)
[ -f "$repo/go.mod" ] || { echo "archive.sh: run me from the repository root" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=0

go build -o "$work/bindery" ./cmd/bindery
bindery="$work/bindery"

# The documents: folders to copy.
mkdir -p "$work/docs"
for d in seeds/open-letter-1964 testdata/seeds/archive-sample testdata/seeds/markdown-sample; do
	cp -R "$d" "$work/docs/"
done
if [ -n "$corpus" ]; then
	for f in "$corpus"/*.txt "$corpus"/*.md; do
		[ -f "$f" ] || continue
		case $(basename "$f") in [A-Z]*) continue ;; esac # SOURCES.md, README.md
		name=$(basename "$f" | sed 's/\.[^.]*$//' | tr 'A-Z_' 'a-z-' | cut -c1-40)
		if "$bindery" import -o "$work/docs/$name" --date 2026-01-01 "$f" >/dev/null 2>&1 &&
			"$bindery" check -q "$work/docs/$name" >/dev/null 2>&1; then
			:
		else
			echo "left out (does not build yet): $(basename "$f")"
			rm -rf "${work:?}/docs/$name"
		fi
	done
fi
docs=$(ls "$work/docs")
ndocs=$(echo "$docs" | wc -l)

# The archive: seed i is document i mod ndocs, under the slug <doc>-<i>.
mkdir -p "$work/archive/seeds"
i=0
while [ "$i" -lt "$count" ]; do
	doc=$(echo "$docs" | sed -n "$((i % ndocs + 1))p")
	dst="$work/archive/seeds/$(printf '%s-%03d' "$doc" "$i")"
	cp -R "$work/docs/$doc" "$dst"
	sed -i '/^slug:/d' "$dst/manifest.yaml"
	i=$((i + 1))
done
size=$(du -sh "$work/archive/seeds" | cut -f1)
echo "$count seeds ($ndocs documents, $size of sources)"

# timed RUNS SETUP CMD...: the best wall time of CMD over RUNS runs, each
# after running SETUP (a shell command).
timed() {
	n=$1 setup=$2
	shift 2
	i=0
	: >"$work/times"
	while [ "$i" -lt "$n" ]; do
		sh -c "$setup"
		/usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >/dev/null 2>&1
		cat "$work/t" >>"$work/times"
		i=$((i + 1))
	done
	sort -n "$work/times" | awk 'NR == 1 { printf "%7.2f s wall  %7.2f s user  %6.2f s sys  %5.0f MB peak RSS", $1, $2, $3, $4 / 1024 }'
}

cd "$work/archive"
# The seed edited is a copy of the open letter, a book of 62 pages.
edit=$(find seeds -maxdepth 1 -name 'open-letter-1964-*' | sort | head -n 1)
echo "from scratch:          $(timed "$runs" "rm -rf dist" "$bindery" build -q -o dist)"
echo "nothing changed:       $(timed "$runs" ":" "$bindery" build -q -o dist)"
echo "one seed changed:      $(timed "$runs" "echo 'One more sentence.' >> $edit/introduction.md" "$bindery" build -q -o dist)"
"$bindery" build -v -o dist 2>&1 | tail -n 1
echo "one seed changed, -v:"
echo 'One more sentence.' >>"$edit/introduction.md"
"$bindery" build -o dist 2>&1 | grep -v '^up to date' | grep -v '^warning' || true
