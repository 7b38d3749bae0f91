#!/usr/bin/env bash
# The main job on built-in defaults. Until the search loop exists this is an end-to-end
# demo of what does: it imports examples/hello-agent as the seed of a new archive, adds
# hand-made children (one a crossover), and reads the lineage back with clade and git.
#   scripts/demo.sh [ARCHIVE]     (default: runs/demo.git, replaced on each run)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
clade=build/clade
archive=${1:-runs/demo.git}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$archive"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

step $clade add examples/hello-agent --archive "$archive" -m "seed: hello agent"

cp -r examples/hello-agent "$work/more"
sed -i 's/int attempts = 1;/int attempts = 3;/' "$work/more/src/main.cc"
step $clade add "$work/more" --parent seed --archive "$archive" -m "try three times"

cp -r examples/hello-agent "$work/quiet"
sed -i 's/std::cout << "hello-agent finished/std::clog << "hello-agent finished/' "$work/quiet/src/main.cc"
step $clade add "$work/quiet" --parent 0 --archive "$archive" -m "report on stderr"

cp -r "$work/more" "$work/both"
sed -i 's/std::cout << "hello-agent finished/std::clog << "hello-agent finished/' "$work/both/src/main.cc"
step $clade add "$work/both" --parent 1 --parent 2 --archive "$archive" -m "cross 1 and 2"

step $clade tree --archive "$archive"
step $clade log --archive "$archive"
step $clade show 3 --diff --archive "$archive"
step $clade status --archive "$archive"
step git --git-dir="$archive" log --graph --all --format='%h %s'
step $clade export 3 "$work/exported" --archive "$archive"
step ls -R "$work/exported"
step git --git-dir="$archive" fsck --strict --no-dangling

printf '\nThe archive is %s: read it with clade (see docs/cli.md) or plain git.\n' "$archive"
