#!/usr/bin/env bash
# The parent gate against HGM's per-task scheduler (search.mode: tasks), on this machine:
# for each RNG seed, two gi runs over the quick start's mutation space (the constants of
# the repair agent's src/strategy.cc) on the first --tasks tasks of benchmarks/repair (or
# of --benchmark DIR: benchmarks/repair-kinds has gains in that space to find), each
# with the same budget of CPU time (budget.cpu_time: the CPU seconds of the children's task
# runs, so the machine's load does not change it):
#   gate   examples/quickstart.yaml's evaluation: one child at a time, its parent's
#          unsolved tasks first, the rest only when it beats its parent there
#   tasks  search.mode: tasks, two task evaluations at a time
#   tasks-cool  the same with HGM's cool-down (search.cool_down: 1): draws greedier as the
#          budget ends (docs/search.md); --modes "tasks tasks-cool" compares the two
# The seed is evaluated once and copied into every run's archive. Prints a Markdown table
# (docs/results.md): children, task evaluations and their CPU seconds, the best fully
# evaluated variant, when (wall clock) it was recorded and how much of the CPU budget had
# been spent then (from the progress lines of binaries that print it).
#   scripts/scheduler_comparison.sh [--seeds "1 2 3"] [--tasks 12] [--cpu-minutes 25]
#        [--modes "gate tasks"] [--benchmark benchmarks/repair] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="1 2 3"
tasks=12
minutes=25
out=runs/schedulers
modes="gate tasks"
benchmark=benchmarks/repair
while (($#)); do
  case "$1" in
    --seeds) seeds=$2; shift 2 ;;
    --tasks) tasks=$2; shift 2 ;;
    --cpu-minutes) minutes=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    --benchmark) benchmark=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "scheduler_comparison.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for mode in $modes; do
  case "$mode" in
    gate|tasks|tasks-cool) ;;
    *) echo "scheduler_comparison.sh: unknown mode '$mode' (gate, tasks, tasks-cool)" >&2; exit 2 ;;
  esac
done
[ -f "$benchmark/suite.yaml" ] || { echo "scheduler_comparison.sh: no suite.yaml in '$benchmark'" >&2; exit 2; }
benchmark=$(cd "$benchmark" && pwd)
clade=${CLADE:-$PWD/build/clade}  # CLADE=/path/to/a/copy keeps a rebuild from changing it mid-way
[ -x "$clade" ] || scripts/setup.sh
mkdir -p "$out"
out=$(cd "$out" && pwd)

# The seed evaluated in $out is shared by its runs: on one suite only.
if [ -f "$out/seed.benchmark" ] && [ "$(cat "$out/seed.benchmark")" != "$benchmark" ]; then
  echo "scheduler_comparison.sh: $out holds runs on $(cat "$out/seed.benchmark"); pass another --out" >&2
  exit 2
fi
if [ ! -d "$out/seed.git" ]; then
  echo "$benchmark" >"$out/seed.benchmark"
  echo "== the seed on the first $tasks tasks" >&2
  "$clade" add agents/repair --archive "$out/seed.git" >/dev/null
  "$clade" eval seed --benchmark "$benchmark" --tasks "$tasks" --workers 2 \
    --archive "$out/seed.git" --work "$out/work" >/dev/null
fi

# write_config NAME SEED MODE
write_config() {
  local name=$1 seed=$2 mode=$3
  {
    printf 'run: {name: %s, archive: %s, seed: %s}\n' "$name" "$out/$name.git" "$seed"
    printf 'agent: %s\nbenchmark: %s\n' "$PWD/agents/repair" "$benchmark"
    printf 'mutator: gi\ngi: {max_operators: 2, focus: [src/strategy.cc], operators: [constant]}\n'
    if [ "$mode" = gate ]; then
      printf 'evaluation: {gate: parent, task_workers: 2, tasks: %s}\n' "$tasks"
      printf 'workers: 1\nselection: dgm\n'
    elif [ "$mode" = tasks ]; then
      printf 'evaluation: {tasks: %s}\nsearch: {mode: tasks}\nworkers: 2\n' "$tasks"
    elif [ "$mode" = tasks-cool ]; then
      printf 'evaluation: {tasks: %s}\nsearch: {mode: tasks, cool_down: 1}\nworkers: 2\n' "$tasks"
    else
      echo "scheduler_comparison.sh: unknown mode '$mode' (gate, tasks, tasks-cool)" >&2
      exit 2
    fi
    printf 'budget: {cpu_time: %sm}\n' "$minutes"
  } >"$out/$name.yaml"
}

rows=()
for seed in $seeds; do
  for mode in $modes; do
    name="$mode-$seed"
    rows+=("$name")
    [ -f "$out/$name.run.json" ] && continue  # finished before: only the table
    write_config "$name" "$seed" "$mode"
    rm -rf "$out/$name.git"
    cp -r "$out/seed.git" "$out/$name.git"
    echo "== $name" >&2
    start=$(date +%s)
    # Each progress line with the seconds since the start, to find when the best came.
    "$clade" run "$out/$name.yaml" --work "$out/work" --json 2>&1 >"$out/$name.run.tmp" |
      while IFS= read -r line; do echo "$(($(date +%s) - start)) $line"; done >"$out/$name.log"
    mv "$out/$name.run.tmp" "$out/$name.run.json"
  done
done

python3 - "$clade" "$out" "${rows[@]}" <<'PY'
import json, re, subprocess, sys
clade, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
def num(x): return "—" if x is None else f"{x:.3f}"
def clock(s): return f"{s // 60}m{s % 60:02d}s"
print("| run | children | complete | task evaluations | task CPU s | best (variant) | best | "
      "best recorded after | task CPU spent then |")
print("|---|---|---|---|---|---|---|---|---|")
for name in names:
    run = json.load(open(f"{out}/{name}.run.json"))
    archive = f"{out}/{name}.git"
    tasks = cpu = complete = 0
    for variant in json.loads(subprocess.check_output([clade, "log", "--json", "--archive", archive])):
        if variant["id"] == 0: continue
        shown = json.loads(subprocess.check_output(
            [clade, "show", str(variant["id"]), "--json", "--archive", archive]))
        record = shown.get("record") or {}
        if record.get("cached_from") is not None: continue  # nothing ran
        tasks += len(record.get("tasks", []))
        cpu += sum(t.get("cpu_seconds", 0) for t in record.get("tasks", []))
        complete += record.get("status") == "evaluated"
    best, when, spent = run.get("best"), "—", "—"
    if best not in (None, 0):
        pattern = re.compile(rf"^(\d+) (child\s+{best} of .* evaluated |variant {best} evaluated )")
        for line in open(f"{out}/{name}.log"):
            m = pattern.match(line)
            if m:
                when = clock(int(m.group(1)))
                cpu_used = re.search(r"  cpu (\S+)/", line)
                spent = cpu_used.group(1) if cpu_used else "—"
    print(f"| {name} | {run['children']} | {complete} | {tasks} | {cpu:.0f} | {best} | "
          f"{num(run.get('best_score'))} | {when} | {spent} |")
seed = json.load(open(f"{out}/{names[0]}.run.json")).get("seed_score")
print(f"\nseed (variant 0): {num(seed)} on the same tasks")
PY
