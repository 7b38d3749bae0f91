#!/usr/bin/env bash
# Issue 19's transfer measurement: for each RNG seed, a run of examples/transfer.yaml (gi
# over the whole repair agent, 30% of benchmarks/repair held out for validation, a CPU-time
# budget) or of another preset (--config examples/transfer-kinds.yaml), then the run's
# best variant and the seed replayed on benchmarks/repair-transfer, which no part of the
# run saw. Prints a Markdown table (the ones in docs/results.md).
#   scripts/transfer.sh [--seeds "1 2 3"] [--config FILE] [--out DIR]
# Runs already finished are resumed (nothing is evaluated twice): rerunning only prints.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="1 2 3"
config_template=examples/transfer.yaml
out=
while (($#)); do
  case "$1" in
    --seeds) seeds=$2; shift 2 ;;
    --config) config_template=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "transfer.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -f "$config_template" ] || { echo "transfer.sh: no config file '$config_template'" >&2; exit 2; }
base=$(sed -n 's/^  name: *//p' "$config_template" | head -1)
[ -n "$base" ] || { echo "transfer.sh: $config_template has no run.name" >&2; exit 2; }
out=${out:-runs/$base}
clade=${CLADE:-build/clade}
[ -x "$clade" ] || scripts/setup.sh
mkdir -p "$out"
out=$(cd "$out" && pwd)

for seed in $seeds; do
  name="$base-$seed"
  config="$out/$name.yaml"
  # The preset with this run's archive and seed; its ../ paths (relative to examples/) made absolute.
  sed -e "s|^  name: .*|  name: $name|" \
      -e "s|^  archive: .*|  archive: $out/$name.git|" \
      -e "s|^  seed: .*|  seed: $seed|" \
      -e "s|^agent: \.\./|agent: $PWD/|" \
      -e "s|^benchmark: \.\./|benchmark: $PWD/|" "$config_template" >"$config"
  echo "== $name" >&2
  "$clade" run "$config" --json >"$out/$name.run.json"
  "$clade" replay best seed --benchmark benchmarks/repair-transfer --archive "$out/$name.git" \
    --json >"$out/$name.replay.json"
done

python3 - "$out" "$base" $seeds <<'PY'
import json, sys
sys.path.insert(0, "scripts")
from seed_interval import interval
out, base, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
def num(x): return "—" if x is None else f"{x:.3f}"
print("| RNG seed | children | wall time | task CPU | seed (selection) | best (variant) | best (selection) | "
      "seed on transfer | best on transfer | difference | visible-pass hidden-fail, seed / best |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
diffs, better, worse = [], 0, 0
for seed in seeds:
    run = json.load(open(f"{out}/{base}-{seed}.run.json"))
    replay = {v["id"]: v for v in json.load(open(f"{out}/{base}-{seed}.replay.json"))["variants"]}
    root, best = replay[0], replay[run["best"]]
    diff = best["score"] - root["score"]
    diffs.append(diff)
    # Paired by task: how many of the unseen tasks the best scored above or below the seed.
    before = {t["id"]: t["score"] for t in root["tasks"]}
    for task in best["tasks"]:
        better += task["score"] > before[task["id"]] + 1e-9
        worse += task["score"] < before[task["id"]] - 1e-9
    vphf = f"{root.get('visible_pass_hidden_fail', '—')} / {best.get('visible_pass_hidden_fail', '—')}"
    print(f"| {seed} | {run['children']} | {run['seconds'] / 60:.1f} min | {run['cpu_seconds'] / 60:.1f} min | "
          f"{num(run['seed_score'])} | {run['best']} | {num(run['best_score'])} | {num(root['score'])} | "
          f"{num(best['score'])} | {diff:+.3f} | {vphf} |")
print(f"\nbest - seed on repair-transfer over {len(diffs)} RNG seeds, mean [95% CI]: {interval(diffs)}; "
      f"{sum(d >= 0.03 for d in diffs)} of {len(diffs)} at +0.03 or more; "
      f"unseen tasks the best scored higher / lower than the seed: {better} / {worse}")
PY
