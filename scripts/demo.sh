#!/usr/bin/env bash
# The main job on built-in defaults: an evolutionary search over the repair agent with the
# gi mutator (no model, no key), examples/quickstart.yaml. Then a look at the lineage.
#   scripts/demo.sh            run (or resume, or show) the quick start
#   scripts/demo.sh --fresh    start it again from scratch
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
clade=build/clade
config=examples/quickstart.yaml
archive=runs/quickstart.git
if [[ "${1:-}" == "--fresh" ]]; then rm -rf "$archive"; fi

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

step $clade doctor
step $clade run "$config"
step $clade tree --archive "$archive"
step $clade show best --diff --archive "$archive"
step git --git-dir="$archive" log --graph --format='%h %s' --glob='refs/clade/variants/*' -n 40

cat <<TEXT

The archive is $archive: plain git, read it with clade (docs/cli.md) or git.
Look further:
  $clade tree --archive $archive
  git --git-dir $archive log --graph --oneline --glob='refs/clade/variants/*'
  $clade show best --diff --archive $archive
  $clade replay best seed --benchmark benchmarks/repair-transfer --archive $archive
  $clade report --archive $archive -o runs/quickstart-report
TEXT
