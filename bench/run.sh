#!/usr/bin/env bash
# Audit throughput and memory, side by side with reading the file only (wc -l, the I/O floor).
#
#   bench/run.sh [ROWS] [SEED]      # default 1000000 rows, seed 1
#
# Uses build/release/borderline (cmake --preset release && cmake --build --preset release), or
# $BORDERLINE. Generates bench/data/inventory-ROWS-SEED.csv once (bench/generate.py). Prints one
# table: for each run the wall and CPU seconds, workloads/s, rule evaluations/s and peak RSS
# (/usr/bin/time -v). Then the same inventory ten times over through a pipe (10 x ROWS rows),
# to show that peak memory does not grow with the number of rows.
#
# Rule evaluations = workloads x rules in effect on the date (each rule considered once per
# workload, whether its quick guard or its full condition decides). The -j1 line gives the
# engine's rate per core, CSV parsing included.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
seed=${2:-1}
bin=${BORDERLINE:-build/release/borderline}
date=2025-09-01
[ -x "$bin" ] || { echo "no $bin: cmake --preset release && cmake --build --preset release" >&2; exit 2; }
mkdir -p bench/data
csv=bench/data/inventory-$rows-$seed.csv
[ -s "$csv" ] || python3 bench/generate.py --rows "$rows" --seed "$seed" --csv "$csv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Workloads and rules in effect, from the text summary.
"$bin" audit --as-of $date --fail-on never -q "$csv" >"$tmp/summary.txt"
read -r workloads rules < <(sed -nE 's/^audit of .*: ([0-9,]+) workloads?, ([0-9]+) rules in effect$/\1 \2/p' "$tmp/summary.txt" | tr -d ,)

measure() {  # label command...
  local label=$1
  shift
  /usr/bin/time -v -o "$tmp/time" "$@" >/dev/null
  local wall user sys rss
  wall=$(sed -nE 's/.*Elapsed \(wall clock\) time.*: (([0-9]+):)?([0-9.]+)$/\2 \3/p' "$tmp/time" | awk '{print ($1 == "" ? 0 : $1) * 60 + $2}')
  user=$(sed -nE 's/.*User time \(seconds\): ([0-9.]+)/\1/p' "$tmp/time")
  sys=$(sed -nE 's/.*System time \(seconds\): ([0-9.]+)/\1/p' "$tmp/time")
  rss=$(sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+)/\1/p' "$tmp/time")
  printf '%-34s %8.2f %8.2f %12s %14s %8d\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" \
    "$(awk -v w="$workloads" -v s="$wall" 'BEGIN {printf "%.0f", w / s}')" \
    "$(awk -v w="$workloads" -v r="$rules" -v s="$wall" 'BEGIN {printf "%.0f", w * r / s}')" \
    "$((rss / 1024))"
  echo "$label $wall" >>"$tmp/walls"
}

echo "borderline audit benchmark: $csv ($rows rows, $workloads workloads, $rules rules in effect on $date)"
echo "machine: $(nproc) cores, $(uname -m); load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %8s %8s %12s %14s %8s\n' run "wall s" "cpu s" workloads/s rule-evals/s "RSS MB"
measure "wc -l (read the file only)" wc -l "$csv"
measure "audit --format text (summary)" "$bin" audit --as-of $date --fail-on never -q "$csv"
measure "audit --format csv" "$bin" audit --as-of $date --fail-on never -q --format csv "$csv"
measure "audit --format jsonl" "$bin" audit --as-of $date --fail-on never -q --format jsonl "$csv"
measure "audit --format text -j1" "$bin" audit --as-of $date --fail-on never -q -j 1 "$csv"
# Ten times the rows through a pipe: the same peak memory (workloads/s counts one pass only,
# so divide by ten for the per-pass figure: it is reported per pass below).
tenfold() { { head -1 "$csv"; for _ in 1 2 3 4 5 6 7 8 9 10; do tail -n +2 "$csv"; done; } | "$bin" audit --as-of $date --fail-on never -q --input-format csv -; }
export -f tenfold
export csv bin date
workloads=$((workloads * 10)) measure "audit text, 10x rows via stdin" bash -c tenfold
awk 'NR == 1 {floor = $NF} NR == 2 {printf "audit (text) / wc -l wall-clock ratio: %.1fx\n", $NF / floor}' "$tmp/walls"
