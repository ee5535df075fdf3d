#!/usr/bin/env bash
# borderline against peer rule engines on the same records and the same four rules
# (bench/peers/pack.yaml and its translations: jsonlogic.mjs, rulesengine.mjs, cedar.mjs,
# clips_peer.c). Every engine must find the same counts per rule, or the run fails.
#
#   bench/peers/run.sh [WORKLOADS]     # default 100000, from bench/data/inventory-1000000-1.csv
#
# Needs node and npm (npm install here), cc and libclips-dev. The peers' times cover
# evaluation only (records already in memory, in their native form); borderline's is its
# whole run: process start, rule loading, CSV parsing, evaluation, report. That favours the
# peers; the ratios below are borderline's workloads/s divided by each peer's.
set -euo pipefail
cd "$(dirname "$0")"
n=${1:-100000}
bin=${BORDERLINE:-../../build/release/borderline}
csv=../data/inventory-1000000-1.csv
[ -s "$csv" ] || python3 ../generate.py --rows 1000000 --seed 1 --csv "$csv"
[ -d node_modules ] || npm install --no-audit --no-fund >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 convert.py "$csv" "$n" "$tmp/records.json" "$tmp/records.txt" "$tmp/records.csv" >/dev/null
cc -O2 clips_peer.c -o "$tmp/clips_peer" -I/usr/include/clips -lclips -lm

start=$(date +%s.%N)
"$bin" audit --as-of 2025-09-01 --rules ../../rules/catalog --rules pack.yaml --format json \
  --fail-on never -q -j 1 "$tmp/records.csv" >"$tmp/borderline.json"
end=$(date +%s.%N)
python3 - "$tmp/borderline.json" "$(echo "$end - $start" | bc)" >"$tmp/results.jsonl" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
counts = {rule: c["open"] for rule, c in s["breakdown"]["rule"].items()}
print(json.dumps({"engine": "borderline (-j1, whole run)", "workloads": s["workloads"],
                  "seconds": float(sys.argv[2]), "counts": counts}))
PY
"$tmp/clips_peer" "$tmp/records.txt" >>"$tmp/results.jsonl"
for peer in jsonlogic rulesengine cedar; do node "$peer.mjs" "$tmp/records.json" >>"$tmp/results.jsonl"; done

python3 - "$tmp/results.jsonl" <<'PY'
import json, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
ours = runs[0]
print("%d workloads, 4 rules; counts per rule: %s" % (ours["workloads"], ours["counts"]))
print("%-30s %10s %14s %16s %18s" % ("engine", "seconds", "workloads/s", "rule-evals/s", "borderline / it"))
failed = False
for r in runs:
    rate = r["workloads"] / r["seconds"]
    ratio = (ours["workloads"] / ours["seconds"]) / rate
    same = r["counts"] == ours["counts"] and r["workloads"] == ours["workloads"]
    failed |= not same
    print("%-30s %10.3f %14.0f %16.0f %17.2fx%s" % (r["engine"], r["seconds"], rate, rate * 4, ratio,
                                                   "" if same else "   DIFFERENT COUNTS: %s" % r["counts"]))
sys.exit(1 if failed else 0)
PY
