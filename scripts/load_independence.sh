#!/usr/bin/env bash
# Does a task's outcome depend on the machine's load? Evaluates an agent on a suite twice,
# once with nothing else started and once beside two CPU-bound processes (each in a session
# of its own, as another user's jobs would be), and compares the per-task results.
#   scripts/load_independence.sh [AGENT] [SUITE] [--tasks N] [--workers N]
# Defaults: agents/repair on benchmarks/repair, every task, 2 workers. Writes both JSON
# results and the comparison under runs/load-independence/; exit 0 when every task has
# the same status and score in both, 1 otherwise (the differing tasks are listed).
set -euo pipefail
cd "$(dirname "$0")/.."
agent=agents/repair
suite=benchmarks/repair
extra=()
workers=2
positional=0
while [ $# -gt 0 ]; do
  case "$1" in
    --tasks) extra+=("$1" "$2"); shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) if [ $positional -eq 0 ]; then agent=$1; else suite=$1; fi
       positional=$((positional + 1)); shift ;;
  esac
done
extra+=(--workers "$workers")
out=runs/load-independence
mkdir -p "$out"
burners=()
stop_burners() {
  for pid in "${burners[@]}"; do kill -9 -- "-$pid" 2>/dev/null || true; done
  burners=()
}
trap stop_burners EXIT

evaluate() {  # NAME
  local start=$SECONDS
  build/clade eval "$agent" --benchmark "$suite" --work "$(mktemp -d)" --json "${extra[@]}" \
    >"$out/$1.json" 2>"$out/$1.log"
  echo "$1: $((SECONDS - start)) s of wall clock" | tee -a "$out/summary.txt"
}

: >"$out/summary.txt"
evaluate idle
for _ in 1 2; do
  setsid timeout 7200 sh -c 'while :; do :; done' &
  burners+=($!)
done
evaluate loaded
stop_burners

jq -r --slurpfile loaded "$out/loaded.json" '
  [.tasks[] as $t | ($loaded[0].tasks[] | select(.id == $t.id)) as $l
   | select($t.status != $l.status or $t.score != $l.score)
   | "\($t.id): idle \($t.status) \($t.score), loaded \($l.status) \($l.score)"] as $diff
  | "idle score \(.score), loaded score \($loaded[0].score); tasks differing: \($diff | length) of \(.tasks | length)",
    $diff[]' "$out/idle.json" | tee -a "$out/summary.txt"
[ "$(jq -r --slurpfile loaded "$out/loaded.json" \
     '[.tasks[] as $t | ($loaded[0].tasks[] | select(.id == $t.id)) | select(.status != $t.status or .score != $t.score)] | length' \
     "$out/idle.json")" = 0 ]
