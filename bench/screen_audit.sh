#!/usr/bin/env bash
# The cost of screening inside an audit (issue 7's "within 2x" target), on an inventory whose
# counterparties are mostly distinct: the 1M-row bench inventory with every tenant.name replaced
# by the names of bench/screen_names.py (one in five a variant of a CSL entry, the rest company
# names of common words; 100,000 names, about 57,000 distinct, cycled over the rows). Runs
# `audit` on every core with and without the imported CSL and its screening rule pack, and
# prints both times and their ratio, wall and CPU (user + system).
#   bench/screen_audit.sh [BINARY] [CSL_JSON] [ROWS]
# Defaults: build/release/borderline, /work/shared/data/csl/consolidated.json, 1000000.
# Results: bench/screening.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-build/release/borderline}
csl=${2:-/work/shared/data/csl/consolidated.json}
rows=${3:-1000000}
inventory="$here/data/inventory-$rows-1.csv"
[ -s "$inventory" ] || python3 "$here/generate.py" --rows "$rows" --seed 1 --csv "$inventory"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" parties import "$csl" -o "$tmp/csl.yaml" >/dev/null
python3 "$here/screen_names.py" "$csl" 100000 "$tmp/names.csv"
python3 - "$inventory" "$tmp/names.csv" "$tmp/inventory.csv" <<'PY'
import csv, sys
names = [r["name"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))]
src = csv.reader(open(sys.argv[1], encoding="utf-8", newline=""))
out = csv.writer(open(sys.argv[3], "w", encoding="utf-8", newline=""), lineterminator="\n")
header = next(src)
out.writerow(header)
tenant = header.index("tenant.name")
k = 0
for row in src:
    if row[tenant]:  # continuation rows of a workload leave it empty
        row[tenant] = names[k % len(names)]
        k += 1
    out.writerow(row)
PY
distinct=$(python3 -c 'import csv,sys; print(len({r["tenant.name"] for r in csv.DictReader(open(sys.argv[1])) if r["tenant.name"]}))' "$tmp/inventory.csv")
echo "inventory: $rows rows, $distinct distinct tenant names"

run() { # prints "wall cpu"
  /usr/bin/time -o "$tmp/time" -f "%e %U %S" "$bin" audit --as-of 2026-08-03 --fail-on never -q \
    "$@" "$tmp/inventory.csv" >"$tmp/out.txt" 2>/dev/null || true
  tail -1 "$tmp/time" | awk '{print $1, $2 + $3}'
}
read -r wall0 cpu0 < <(run)
read -r wall1 cpu1 < <(run --add-rules "$tmp/csl.yaml" --add-rules "$here/../rules/optional/us-csl-screening.yaml")
grep -i "us.csl" "$tmp/out.txt" | head -3 || true
echo "audit without screening: ${wall0}s wall, ${cpu0}s CPU"
echo "audit with the CSL:      ${wall1}s wall, ${cpu1}s CPU"
echo "ratio: $(echo "scale=2; $wall1 / $wall0" | bc)x wall, $(echo "scale=2; $cpu1 / $cpu0" | bc)x CPU"
