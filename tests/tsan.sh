#!/usr/bin/env bash
# The parallel path of `audit`, `report merge` and `screen` under ThreadSanitizer (the tsan
# preset): a generated inventory (10,000 rows: 10 batches, more than the 8 workers) audited
# with --jobs 8 in every output format, from CSV and JSONL, and its shards merged (3 or 4
# batches each); its party names screened with --jobs 8
# against the CSL sample (`screen --csv` and `audit --screen-only`); any data race stops the
# run (halt_on_error).
# The outputs must also equal a single-threaded run, so a race that TSan does not see but
# that changes a byte still fails.
#
#   tests/tsan.sh build/tsan/borderline
set -euo pipefail
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" NO_COLOR=1 LC_ALL=C.UTF-8
date=2025-09-01
python3 bench/generate.py --rows 10000 --seed 8 --csv "$tmp/inv.csv" --jsonl "$tmp/inv.jsonl"
audit() { "$bin" audit --as-of $date --fail-on never --quiet "$@"; }
fail=0
for input in inv.csv inv.jsonl; do
  for f in text json jsonl csv html; do
    audit --jobs 8 --format "$f" -o "$tmp/j8.$f" "$tmp/$input"
    audit --jobs 1 --format "$f" -o "$tmp/j1.$f" "$tmp/$input"
    if cmp -s "$tmp/j1.$f" "$tmp/j8.$f"; then echo "ok: $input --format $f"
    else echo "FAIL: $input --format $f differs between --jobs 1 and 8"; fail=1; fi
  done
done
for i in 1 2 3; do audit --jobs 8 --shard $i/3 --format jsonl -o "$tmp/part$i.jsonl" "$tmp/inv.jsonl"; done
for f in json csv html; do
  "$bin" report merge --as-of $date --fail-on never --format "$f" -o "$tmp/merged.$f" \
    "$tmp/part3.jsonl" "$tmp/part1.jsonl" "$tmp/part2.jsonl"
  if cmp -s "$tmp/merged.$f" "$tmp/j1.$f"; then echo "ok: merge --format $f"
  else echo "FAIL: merged shards differ from one run (--format $f)"; fail=1; fi
done
# Every party name of the inventory (name and parentName columns), screened on 8 threads.
python3 - "$tmp/inv.csv" >"$tmp/names.csv" <<'PY'
import csv, sys
rows = csv.DictReader(open(sys.argv[1], encoding="utf-8"))
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["name"])
for row in rows:
    for column, value in row.items():
        if value and column != "model.name" and column.endswith((".name", ".parentName")):
            out.writerow([value])
PY
for f in json text; do
  for j in 1 8; do
    "$bin" screen --as-of $date --add-rules tests/screening/csl-sample.yaml --csv "$tmp/names.csv" \
      --column name --format $f --jobs $j -o "$tmp/screen-j$j.$f" || [ $? = 1 ]
  done
  if cmp -s "$tmp/screen-j1.$f" "$tmp/screen-j8.$f"; then echo "ok: screen --format $f"
  else echo "FAIL: screen --format $f differs between --jobs 1 and 8"; fail=1; fi
  for j in 1 8; do
    "$bin" audit --as-of $date --screen-only --add-rules tests/screening/csl-sample.yaml \
      --format $f --jobs $j -o "$tmp/only-j$j.$f" "$tmp/inv.csv" || [ $? = 1 ]
  done
  if cmp -s "$tmp/only-j1.$f" "$tmp/only-j8.$f"; then echo "ok: audit --screen-only --format $f"
  else echo "FAIL: audit --screen-only --format $f differs between --jobs 1 and 8"; fail=1; fi
done
exit $fail
