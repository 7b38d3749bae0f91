#!/usr/bin/env bash
# The children a gated gi run draws before any of them passes its gate, for a range of RNG
# seeds, without evaluating them: the run is replayed on a two-task stand-in suite that
# every child fails (one task always solved, one never), so each child stops at the
# parent gate and the seed stays the only parent, as it does in the real run until its
# first improvement. Used to measure how often the quick start draws a change known to
# help (docs/results.md). Needs `evaluation.gate: parent` in CONFIG.
#   scripts/preview-draws.sh [--config FILE] [--seeds "1 2 3"] [--children N]
set -euo pipefail
cd "$(dirname "$0")/.."
config=examples/quickstart.yaml
seeds=$(seq 1 20)
children=6
while (($#)); do
  case "$1" in
    --config) config=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --children) children=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "preview-draws.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
grep -q '^ *gate: parent' "$config" ||
  { echo "preview-draws.sh: $config has no 'gate: parent'; the preview needs it" >&2; exit 2; }
[ -x build/clade ] || scripts/setup.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
suite=$work/suite
for t in never always; do
  [ $t = never ] && result="0 passed, 1 failed" || result="1 passed, 0 failed"
  mkdir -p "$suite/tasks/$t/workspace" "$suite/tasks/$t/tests"
  printf 'id: %s\nstatement: statement.md\nvisible_test: sh run_tests.sh\nhidden_test: sh .clade-tests/run.sh\n' $t >"$suite/tasks/$t/task.yaml"
  echo "a stand-in task" >"$suite/tasks/$t/statement.md"
  echo "echo '$result'" >"$suite/tasks/$t/workspace/run_tests.sh"
  echo "echo '$result'" >"$suite/tasks/$t/tests/run.sh"
done
printf 'name: preview\ntasks: tasks/*\nlimits: {agent_seconds: 20, test_seconds: 5}\n' >"$suite/suite.yaml"
dir=$(cd "$(dirname "$config")" && pwd)
for seed in $seeds; do
  # The config with absolute paths, this seed, the stand-in suite, a child budget and no
  # wall time: what is drawn does not depend on the benchmark, only on the gate stopping
  # every child.
  sed -e "s|^  archive: .*|  archive: $work/run-$seed.git|" \
      -e "s|^  seed: .*|  seed: $seed|" \
      -e "s|^agent: \(\.\./\)|agent: $dir/\1|" \
      -e "s|^benchmark: .*|benchmark: $suite|" \
      -e "s|^  iterations: .*|  iterations: $children|" \
      -e "/^  wall_time:/d" -e "/^  tasks: [0-9]/d" "$config" >"$work/run-$seed.yaml"
  build/clade run "$work/run-$seed.yaml" >/dev/null 2>&1 ||
    { echo "preview-draws.sh: the run for seed $seed failed" >&2; exit 1; }
  build/clade log --archive "$work/run-$seed.git" --json |
    python3 -c 'import json, sys
for v in json.load(sys.stdin)[1:]:
    print("seed", sys.argv[1] + ": child", str(v["id"]) + ":", v["summary"])' "$seed"
done
