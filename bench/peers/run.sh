#!/usr/bin/env bash
# borderline against peer rule engines on the same records and the same four rules
# (bench/peers/pack.yaml and its translations: jsonlogic.mjs, rulesengine.mjs, cedar.mjs,
# clips_peer.c). Every engine must find the same counts per rule, or the run fails.
#
#   bench/peers/run.sh [WORKLOADS]     # default 100000, from bench/data/inventory-1000000-1.csv
#
# Needs node and npm (npm install here), cc and libclips-dev. The peers' times cover
# evaluation only (records already in memory, in their native form). borderline runs twice:
# its whole run (process start, rule loading, CSV parsing, evaluation, report), and its engine
# alone (bench/engine/engine_bench: the records loaded first, untimed, then one pass of
# evaluation, as the peers do; built with -DBORDERLINE_BENCH=ON, ENGINE_BENCH=path to use
# another build). The ratios below are borderline's whole-run workloads/s divided by each
# engine's; the engine-alone row against a peer is that row's ratio over the peer's.
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
# The engine alone, like the peers: the same records loaded first (not timed), one pass.
engine=${ENGINE_BENCH:-../../build/release/bench/engine/engine_bench}
if [ -x "$engine" ]; then
  "$engine" "$tmp/records.csv" --rows 100000000 --passes 1 --as-of 2025-09-01 \
    --rules ../../rules/catalog --rules pack.yaml --peer-json >>"$tmp/results.jsonl"
else
  echo "($engine not built: configure with -DBORDERLINE_BENCH=ON for the engine-alone row)" >&2
fi
"$tmp/clips_peer" "$tmp/records.txt" >>"$tmp/results.jsonl"
for peer in jsonlogic rulesengine cedar; do node "$peer.mjs" "$tmp/records.json" >>"$tmp/results.jsonl"; done

python3 - "$tmp/results.jsonl" <<'PY'
import json, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
ours = runs[0]
alone = next((r for r in runs if r["engine"].startswith("borderline engine alone")), None)
rate = lambda r: r["workloads"] / r["seconds"]
print("%d workloads, 4 rules; counts per rule: %s" % (ours["workloads"], ours["counts"]))
print("%-42s %9s %13s %15s %16s %18s" % ("engine", "seconds", "workloads/s", "rule-evals/s",
                                          "whole run / it", "engine alone / it"))
failed = False
for r in runs:
    same = r["counts"] == ours["counts"] and r["workloads"] == ours["workloads"]
    failed |= not same
    print("%-42s %9.3f %13.0f %15.0f %15.2fx %17s%s" % (
        r["engine"], r["seconds"], rate(r), rate(r) * 4, rate(ours) / rate(r),
        "%.2fx" % (rate(alone) / rate(r)) if alone else "-",
        "" if same else "   DIFFERENT COUNTS: %s" % r["counts"]))
sys.exit(1 if failed else 0)
PY
