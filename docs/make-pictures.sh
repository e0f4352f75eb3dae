#!/usr/bin/env bash
# docs/make-pictures.sh: remake the README's pictures from a fresh build.
#
#   docs/spread.png  two facing pages of the open letter's PDF (verso, recto)
#   docs/epub.png    the EPUB's first chapter as a browser engine renders it
#
# Usage: bash docs/make-pictures.sh [SEED_DIR]   (default seeds/open-letter-1964)
#
# Needs poppler-utils (pdftoppm, pdftotext, pdfinfo), ImageMagick (convert),
# unzip and chromium; on Debian: apt-get install poppler-utils imagemagick
# unzip chromium.
set -euo pipefail

cd "$(dirname "$0")/.."
seed="${1:-seeds/open-letter-1964}"
slug="$(basename "$seed")"

missing=()
for tool in pdftoppm pdftotext pdfinfo convert unzip chromium; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "make-pictures: missing ${missing[*]}; on Debian: apt-get install poppler-utils imagemagick unzip chromium" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
go run ./cmd/bindery build -q -o "$work/dist" "$seed"
pdf="$work/dist/$slug.pdf"
epub="$work/dist/$slug.epub"

# The spread: the first even (verso) page after the one where the body's
# first paragraph begins, so both pages carry running heads and folios.
first_line="$(awk 'NF && ++n == 1 { next } /^Dear Comrades/ { getline; while ($0 == "") getline; print; exit }' "$seed/source.txt" | cut -c1-40)"
pages="$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')"
start=""
for ((p = 1; p <= pages; p++)); do
  if pdftotext -f "$p" -l "$p" "$pdf" - | tr '\n' ' ' | tr -s ' ' | grep -qF "$first_line"; then
    start=$p
    break
  fi
done
if [ -z "$start" ]; then
  echo "make-pictures: the body's first line not found in $pdf" >&2
  exit 1
fi
verso=$((start + 1 + (start + 1) % 2))
recto=$((verso + 1))
pdftoppm -r 110 -f "$verso" -l "$recto" -png "$pdf" "$work/page"
pngs=("$work"/page-*.png)
convert "${pngs[@]}" -bordercolor '#c8c8c8' -border 1 +append \
  -bordercolor white -border 12 -colorspace Gray -strip docs/spread.png
echo "docs/spread.png: pages $verso and $recto of $pages"

# The EPUB: the first spine document that holds the body's first line, shown
# at a phone-like width. The extracted XHTML keeps its stylesheet and fonts.
mkdir "$work/epub"
unzip -q "$epub" -d "$work/epub"
chapter="$(grep -rlF --include='*.xhtml' "${first_line%% *} ${first_line#* }" "$work/epub" | LC_ALL=C sort | head -n 1 || true)"
if [ -z "$chapter" ]; then
  chapter="$(grep -rlF --include='*.xhtml' 'Dear Comrades' "$work/epub" | LC_ALL=C sort | head -n 1)"
fi
profile="$(mktemp -d)"
chromium --headless --no-sandbox --disable-gpu --disable-quic \
  --disable-background-networking --disable-component-update --disable-sync \
  --no-first-run --hide-scrollbars --user-data-dir="$profile" \
  --force-device-scale-factor=1 --window-size=600,900 \
  --screenshot="$work/epub.png" "file://$chapter" >/dev/null 2>&1
rm -rf "$profile"
convert "$work/epub.png" -bordercolor '#c8c8c8' -border 1 -strip docs/epub.png
echo "docs/epub.png: ${chapter#"$work/epub/"}"
