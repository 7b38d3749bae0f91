#!/usr/bin/env bash
# The DGM paper's ablation, on this machine: for RNG seeds 1..3, a gi search with the
# `dgm` selection policy, with `hgm` (Thompson sampling on clades), `greedy` (always the
# newest best) and `random`, at the same CPU budget (examples/ablation.yaml), then the
# best variant of each run replayed on benchmarks/repair-transfer. Prints a Markdown table
# (the one in docs/results.md).
#   scripts/ablation.sh [--seeds "1 2 3"] [--policies "dgm hgm greedy random"] [--out DIR]
# Runs already finished are resumed (nothing is evaluated twice): rerunning only prints.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="1 2 3"
policies="dgm hgm greedy random"
out=runs/ablation
while (($#)); do
  case "$1" in
    --seeds) seeds=$2; shift 2 ;;
    --policies) policies=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "ablation.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
clade=${CLADE:-build/clade}
[ -x "$clade" ] || scripts/setup.sh
mkdir -p "$out"
out=$(cd "$out" && pwd)
template=examples/ablation.yaml

rows=()
for seed in $seeds; do
  for policy in $policies; do
    name="$policy-$seed"
    config="$out/$name.yaml"
    # The template with this run's archive, seed and policy; paths made absolute.
    sed -e "s|^  name: .*|  name: $name|" \
        -e "s|^  archive: .*|  archive: $out/$name.git|" \
        -e "s|^  seed: .*|  seed: $seed|" \
        -e "s|^selection: .*|selection: $policy|" \
        -e "s|^agent: \.\./|agent: $PWD/|" \
        -e "s|^benchmark: \.\./|benchmark: $PWD/|" "$template" >"$config"
    echo "== $name" >&2
    "$clade" run "$config" --json >"$out/$name.run.json"
    "$clade" replay best --benchmark benchmarks/repair-transfer --archive "$out/$name.git" \
      --json >"$out/$name.replay.json"
    rows+=("$name")
  done
done

# The seed is the same agent in every run and scores deterministically: its transfer
# score is measured once, in the first run's archive.
first=${rows[0]}
"$clade" replay seed --benchmark benchmarks/repair-transfer --archive "$out/$first.git" \
  --json >"$out/seed.replay.json"

python3 - "$out" "${rows[@]}" <<'PY'
import json, sys
out, names = sys.argv[1], sys.argv[2:]
def num(x): return "—" if x is None else f"{x:.3f}"
seed = json.load(open(f"{out}/seed.replay.json"))["variants"][0]
print(f"seed (variant 0) on repair-transfer: {num(seed.get('score'))}\n")
print("| policy | RNG seed | children | task CPU | seed | best (variant) | best | best on repair-transfer | wall time |")
print("|---|---|---|---|---|---|---|---|---|")
gains = {}  # policy -> [(gain on the tasks searched, gain on repair-transfer)] per seed
for name in names:
    policy, rng = name.rsplit("-", 1)
    run = json.load(open(f"{out}/{name}.run.json"))
    best = json.load(open(f"{out}/{name}.replay.json"))["variants"][0]
    print(f"| {policy} | {rng} | {run['children']} | {run['cpu_seconds'] / 60:.1f} min | {num(run['seed_score'])} | {run['best']} | "
          f"{num(run['best_score'])} | {num(best.get('score'))} | {run['seconds'] / 60:.1f} min |")
    gains.setdefault(policy, []).append((run["best_score"] - run["seed_score"],
                                         (best.get("score") or 0) - (seed.get("score") or 0)))

# Per policy over the RNG seeds run: the mean gain of the best over the seed, on the tasks
# searched and on repair-transfer, with a 95% confidence interval over the seeds.
sys.path.insert(0, "scripts")
from seed_interval import interval
print("\n| policy | RNG seeds | best - seed on the tasks searched, mean [95% CI] | best - seed on repair-transfer, mean [95% CI] |")
print("|---|---|---|---|")
for policy, pairs in gains.items():
    print(f"| {policy} | {len(pairs)} | {interval([p[0] for p in pairs])} | {interval([p[1] for p in pairs])} |")
PY
