#!/usr/bin/env bash
# Renders the report of an archive and screenshots it in headless Chromium, with the best
# variant selected (its record, mutation and diff in the side panel).
#   scripts/report-screenshot.sh ARCHIVE OUT.png [WIDTHxHEIGHT]
# Uses build/clade and build/node/node_modules/playwright-core (scripts/setup.sh installs
# both); CLADE, CLADE_PLAYWRIGHT and CLADE_CHROMIUM override them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  sed -n '2,6p' "$0" >&2
  exit 2
fi
archive="$1"
out="$2"
size="${3:-1600x1000}"
clade="${CLADE:-$root/build/clade}"
playwright="${CLADE_PLAYWRIGHT:-$root/build/node/node_modules/playwright-core}"
chromium="${CLADE_CHROMIUM:-/usr/bin/chromium}"
for need in "$clade" "$playwright/package.json" "$chromium"; do
  if [ ! -e "$need" ]; then
    echo "report-screenshot.sh: $need is missing; run scripts/setup.sh" >&2
    exit 1
  fi
done
if [[ ! "$size" =~ ^[0-9]+x[0-9]+$ ]]; then
  echo "report-screenshot.sh: size '$size' is not WIDTHxHEIGHT (e.g. 1600x1000)" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$clade" report --archive "$archive" -o "$work/report" >/dev/null
mkdir -p "$(dirname "$out")"
node "$root/tests/report/report_browser.js" --playwright "$playwright" --chromium "$chromium" \
  --page "$work/report/index.html" --click best --screenshot "$out" \
  --width "${size%x*}" --height "${size#*x}" >/dev/null
echo "wrote $out"
