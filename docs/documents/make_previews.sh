#!/bin/sh
# Regenerate the pictures in this folder from a fresh demo office (Kabupaten Solok):
# every document type as PDF through `dinas-desk --demo documents sample`, then the first
# page (and the second of a multi-page document) at 60 dpi, and both receipt previews.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
DINAS_DESK_DATA_DIR="$work/data" "$root/.venv/bin/python" -m desktop --demo documents sample "$work/out"
rm -f "$here"/*.png
for pdf in "$work"/out/*.pdf; do
    pdftoppm -r 60 -png -f 1 -l 2 "$pdf" "$here/$(basename "$pdf" .pdf)"
done
cp "$work"/out/struk_*.png "$here/"
ls "$here"
