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
# The body's first line: the first non-blank line after the first salutation,
# its first five words (a drop cap or small capitals may change the case).
first_line="$(awk '/^Dear Comrades/ { found = 1; next } found && NF { print $1, $2, $3, $4, $5; exit }' "$seed/source.txt")"
pages="$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')"
start=""
for ((p = 1; p <= pages; p++)); do
  if pdftotext -f "$p" -l "$p" "$pdf" - | tr '\n' ' ' | tr -s ' ' | grep -qiF "$first_line"; then
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
chapter="$(grep -rliF --include='*.xhtml' "$first_line" "$work/epub" | LC_ALL=C sort | head -n 1 || true)"
if [ -z "$chapter" ]; then
  echo "make-pictures: the body's first line not found in $epub" >&2
  exit 1
fi
# Reading systems set the page in margins of their own: frame the chapter.
cat >"$work/epub/frame.html" <<HTML
<!DOCTYPE html>
<html><body style="margin:0;padding:28px 32px;box-sizing:border-box;height:100vh">
<iframe src="file://$chapter" style="border:0;width:100%;height:100%"></iframe>
</body></html>
HTML
profile="$(mktemp -d)"
chromium --headless --no-sandbox --disable-gpu --disable-quic \
  --disable-background-networking --disable-component-update --disable-sync \
  --no-first-run --hide-scrollbars --user-data-dir="$profile" \
  --force-device-scale-factor=1 --window-size=600,900 \
  --screenshot="$work/epub.png" "file://$work/epub/frame.html" >/dev/null 2>&1
rm -rf "$profile"
convert "$work/epub.png" -bordercolor '#c8c8c8' -border 1 -strip docs/epub.png
echo "docs/epub.png: ${chapter#"$work/epub/"}"
