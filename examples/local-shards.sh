#!/usr/bin/env bash
# A lab sweep as N shards running side by side on this machine, then merged: the local form of
# examples/slurm/lab-sweep.sbatch and examples/kubernetes/lab-sweep.yaml (README: "Sweeps on a cluster").
#
#   examples/local-shards.sh N OUT [ifkit lab run arguments...]
#   examples/local-shards.sh 2 runs/quick-sharded world-check --size quick
#
# Shard k runs `ifkit lab run ... --shard k/N --jobs 1 --out OUT/shards/k` (its log: OUT/shards/k.log); the shards
# share one warm-start cache (--cache, default runs/sft-cache), where each warm start is trained once. When every
# shard has finished, `ifkit lab merge` copies their jobs into OUT and writes the reports there. Rerunning the same
# command resumes: finished jobs are not rerun, stopped ones resume from their checkpoints.
set -euo pipefail

usage="usage: $0 N OUT [ifkit lab run arguments...]"
n=${1:?$usage}
out=${2:?$usage}
shift 2
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "$0: N must be a positive integer, got '$n'; $usage" >&2; exit 2; }
ifkit=(node "$(cd "$(dirname "$0")/.." && pwd)/bin/ifkit.js")

# the merge needs the size the shards ran at
size=full
prev=
for a in "$@"; do
  [[ $prev == --size ]] && size=$a
  [[ $a == --size=* ]] && size=${a#--size=}
  [[ $a == --quick ]] && size=quick
  prev=$a
done

mkdir -p "$out/shards"
pids=()
for k in $(seq 1 "$n"); do
  # --jobs 1 first, so that a --jobs among the arguments wins
  "${ifkit[@]}" lab run --jobs 1 "$@" --shard "$k/$n" --out "$out/shards/$k" --quiet >"$out/shards/$k.log" 2>&1 &
  pids+=($!)
done
# Ctrl-C reaches the shards too (one process group): each stops its workers and says how to resume
failed=0
for k in $(seq 1 "$n"); do
  if ! wait "${pids[k - 1]}"; then
    echo "shard $k/$n did not finish: see $out/shards/$k.log" >&2
    failed=1
  fi
done
if [[ $failed != 0 ]]; then
  echo "not merging; deal with the shard logs above and rerun: $0 $n $out $*" >&2
  exit 1
fi
echo "all $n shards finished; merging into $out"
roots=()
for k in $(seq 1 "$n"); do roots+=("$out/shards/$k"); done
"${ifkit[@]}" lab merge "${roots[@]}" --out "$out" --size "$size"
