#!/usr/bin/env bash
# Screening benchmark: import the CSL, then screen N names against it (one core).
#   bench/screen.sh [BINARY] [CSL_JSON] [N]
# Defaults: build/release/borderline, /work/shared/data/csl/consolidated.json, 100000.
# Prints the import time, the start-up time (loading the list and its index) and the
# throughput of screening in names per second, start-up excluded: on one thread (-j 1) by wall
# time and by CPU time (user + system: what one core does, whatever else the machine runs),
# then on every core (the default --jobs) by wall time. Results: bench/screening.md.
set -euo pipefail
bin=${1:-build/release/borderline}
csl=${2:-/work/shared/data/csl/consolidated.json}
n=${3:-100000}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
# CPU seconds (user + system) of a command: on a shared machine wall time also counts waiting.
cpu() { local t; t=$( { TIMEFORMAT='%U %S'; time "$@" >/dev/null 2>&1 || true; } 2>&1 ); echo "$t" | awk '{print $1 + $2}'; }

python3 "$here/screen_names.py" "$csl" "$n" "$tmp/names.csv"
head -2 "$tmp/names.csv" | tail -1 >/dev/null
import=$(seconds "$bin" parties import "$csl" -o "$tmp/csl.yaml")
echo "import: ${import}s ($(grep -c '^  - name:' "$tmp/csl.yaml") entries)"
printf 'name\nAcme Widgets GmbH\n' >"$tmp/one.csv"
startup=$(seconds "$bin" screen --add-rules "$tmp/csl.yaml" --csv "$tmp/one.csv" --column name --format json -o "$tmp/one.jsonl")
echo "start-up (bundled packs + CSL index): ${startup}s"
run=$(seconds "$bin" screen -j 1 --add-rules "$tmp/csl.yaml" --csv "$tmp/names.csv" --column name --format json -o "$tmp/out.jsonl")
matched=$(grep -vc '"matches":\[\]' "$tmp/out.jsonl" || true)
echo "screen $n names: ${run}s total, $matched with a match"
echo "throughput: $(echo "$n / ($run - $startup)" | bc) names/s on one thread (start-up excluded)"
startcpu=$(cpu "$bin" screen --add-rules "$tmp/csl.yaml" --csv "$tmp/one.csv" --column name --format json -o "$tmp/one.jsonl")
runcpu=$(cpu "$bin" screen -j 1 --add-rules "$tmp/csl.yaml" --csv "$tmp/names.csv" --column name --format json -o "$tmp/out.jsonl")
echo "CPU: ${runcpu}s for $n names, ${startcpu}s start-up: $(echo "$n / ($runcpu - $startcpu)" | bc) names/s per core (start-up excluded)"
all=$(seconds "$bin" screen --add-rules "$tmp/csl.yaml" --csv "$tmp/names.csv" --column name --format json -o "$tmp/all.jsonl")
cmp -s "$tmp/out.jsonl" "$tmp/all.jsonl" || { echo "every core: output differs from -j 1" >&2; exit 1; }
echo "every core ($(nproc)): ${all}s wall, $(echo "$n / ($all - $startup)" | bc) names/s (start-up excluded)"
