#!/usr/bin/env bash
# Properties of `audit` and `report merge` that golden files cannot show, on a generated
# inventory (bench/generate.py, seeded):
#   - audit (CSV, JSONL) and check (the same workloads as YAML) give the same results;
#   - ... on random workloads and random dates (2023-2027), verdict for verdict;
#   - output is byte-identical for any --jobs (1, 2, 8), in every format and with --screen-only;
#   - the shards of --shard i/n, merged in any order, equal a single run, in every format;
#   - merge refuses results the loaded rules would not have produced;
#   - a failed run leaves no -o file; no progress line when stderr is not a terminal.
#
#   tests/cli/audit.sh path/to/borderline
# (4,000 rows: four batches of 1,024, so that three shards all get work.)
set -u
source "$(dirname "$0")/../lib.sh" "$1" audit
date=2025-09-01
formats=(text json jsonl csv html)

python3 bench/generate.py --rows 4000 --seed 11 --csv "$tmp/inv.csv" --jsonl "$tmp/inv.jsonl" \
  --yaml "$tmp/inv.yaml" || exit 1

# --- audit and check agree ------------------------------------------------------------------
"$bin" check --as-of $date --format jsonl --fail-on never "$tmp/inv.yaml" >"$tmp/check.jsonl"
"$bin" audit --as-of $date --format jsonl --fail-on never "$tmp/inv.csv" >"$tmp/audit-csv.jsonl"
"$bin" audit --as-of $date --format jsonl --fail-on never "$tmp/inv.jsonl" >"$tmp/audit-jsonl.jsonl"
compare() {
  python3 - "$@" <<'PY'
import json, sys
def load(path):
    out = []
    for line in open(path):
        r = json.loads(line)
        findings = [(f["rule"], f["verdict"], f["status"], f["message"], f.get("remediation"),
                     f.get("statusReason"), f.get("screening")) for f in r["findings"]]
        out.append((r["workload"], r["verdict"], findings, [n["message"] for n in r.get("notices", [])]))
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
if len(a) < 1000:
    sys.exit("only %d results" % len(a))
if a != b:
    for x, y in zip(a, b):
        if x != y:
            sys.exit("first difference:\n  %s\n  %s" % (x, y))
    sys.exit("%d results against %d" % (len(a), len(b)))
PY
}
if compare "$tmp/check.jsonl" "$tmp/audit-csv.jsonl"; then ok; else ko "audit of the CSV differs from check of the YAML"; fi
if compare "$tmp/check.jsonl" "$tmp/audit-jsonl.jsonl"; then ok; else ko "audit of the JSONL differs from check of the YAML"; fi
# Verdicts are not all alike (the comparison would prove little otherwise).
if [ "$(grep -c '"verdict":"allowed","findings"' "$tmp/check.jsonl")" -gt 100 ] &&
  [ "$(grep -c '"verdict":"authorization-required","findings"' "$tmp/check.jsonl")" -gt 100 ]; then ok; else ko "generated verdicts are not varied"; fi

# The same on other random workloads (seed 12) and random dates from 2023 to 2027 (seeded):
# per workload, the verdict and the findings of check and audit agree on any date.
python3 bench/generate.py --rows 1500 --seed 12 --csv "$tmp/r.csv" --yaml "$tmp/r.yaml" || exit 1
for d in $(python3 -c 'import datetime, random; r = random.Random(12); print(*(datetime.date(2023, 1, 1) + datetime.timedelta(days=r.randrange(1826)) for _ in range(4)))'); do
  "$bin" check --as-of "$d" --format json --fail-on never "$tmp/r.yaml" |
    python3 -c 'import json, sys; [print(json.dumps(r, separators=(",", ":"))) for r in json.load(sys.stdin)["results"]]' >"$tmp/r-check.jsonl"
  "$bin" audit --as-of "$d" --format jsonl --fail-on never "$tmp/r.csv" >"$tmp/r-audit.jsonl"
  if compare "$tmp/r-check.jsonl" "$tmp/r-audit.jsonl"; then ok; else ko "check --format json and audit --format jsonl disagree on $d"; fi
done

# --- any --jobs, same bytes -----------------------------------------------------------------
for f in "${formats[@]}"; do
  for j in 1 2 8; do
    "$bin" audit --as-of $date --format "$f" --jobs $j --fail-on never "$tmp/inv.csv" >"$tmp/j$j.$f" 2>"$tmp/j$j.err"
  done
  if [ -s "$tmp/j1.$f" ] && cmp -s "$tmp/j1.$f" "$tmp/j2.$f" && cmp -s "$tmp/j1.$f" "$tmp/j8.$f"; then ok; else ko "--format $f differs between --jobs 1, 2 and 8"; fi
done
# --screen-only too, against the CSL sample (exit 1: some names match entries in force).
for f in text json; do
  for j in 1 2 8; do
    "$bin" audit --as-of $date --screen-only --add-rules tests/screening/csl-sample.yaml \
      --format "$f" --jobs $j "$tmp/inv.csv" >"$tmp/s$j.$f" 2>/dev/null
    echo "exit $?" >>"$tmp/s$j.$f"
  done
  if [ "$(wc -l <"$tmp/s1.$f")" -gt 1000 ] && cmp -s "$tmp/s1.$f" "$tmp/s2.$f" && cmp -s "$tmp/s1.$f" "$tmp/s8.$f"; then ok
  else ko "--screen-only --format $f differs between --jobs 1, 2 and 8"; fi
done
# Not a terminal: no progress line, nothing on stderr.
if [ ! -s "$tmp/j2.err" ]; then ok; else ko "stderr not empty without a terminal: $(head -c 200 "$tmp/j2.err")"; fi

# --- shards merged = one run ----------------------------------------------------------------
for i in 1 2 3; do
  "$bin" audit --as-of $date --format jsonl --shard $i/3 --fail-on never "$tmp/inv.csv" >"$tmp/shard$i.jsonl"
done
if [ "$(cat "$tmp"/shard*.jsonl | wc -l)" = "$(wc -l <"$tmp/j1.jsonl")" ] && [ -s "$tmp/shard3.jsonl" ] &&
  ! cmp -s "$tmp/shard1.jsonl" "$tmp/shard2.jsonl"; then ok; else ko "shards do not partition the results"; fi
for f in "${formats[@]}"; do
  "$bin" report merge --as-of $date --format "$f" --fail-on never "$tmp/shard2.jsonl" "$tmp/shard3.jsonl" "$tmp/shard1.jsonl" >"$tmp/merged.$f"
  if cmp -s "$tmp/merged.$f" "$tmp/j1.$f"; then ok; else ko "merged shards differ from a single run (--format $f)"; fi
done
# Concatenated in input order, the shards are not in order; --order input keeps them as given.
"$bin" report merge --as-of $date --format jsonl --order input "$tmp/shard1.jsonl" "$tmp/shard2.jsonl" >"$tmp/concat.jsonl"
if cmp -s "$tmp/concat.jsonl" <(cat "$tmp/shard1.jsonl" "$tmp/shard2.jsonl"); then ok; else ko "--order input does not keep the files' order"; fi
# A part given twice is an error.
"$bin" report merge --as-of $date "$tmp/shard1.jsonl" "$tmp/shard1.jsonl" >/dev/null 2>"$tmp/err"
if [ $? = 2 ] && grep -q "given twice" "$tmp/err"; then ok; else ko "a repeated part was not refused"; fi
# Results made with other rules are refused, located at the line.
"$bin" report merge --as-of $date --rules rules/catalog --rules rules/parties --rules rules/us \
  --rules rules/eu --rules rules/ru --rules rules/my "$tmp/j1.jsonl" >/dev/null 2>"$tmp/err"
if [ $? = 2 ] && grep -qE "j1.jsonl:[0-9]+:[0-9]+: error: rule 'cn\..*' is not in the loaded rule packs" "$tmp/err"; then ok; else ko "merge accepted results of other rules: $(head -c 300 "$tmp/err")"; fi
# Standard input works as a part (a batch engine's pipe).
"$bin" report merge --as-of $date --format csv --fail-on never - <"$tmp/j1.jsonl" >"$tmp/stdin.csv"
if cmp -s "$tmp/stdin.csv" "$tmp/j1.csv"; then ok; else ko "merge from standard input differs"; fi

# --- audit from standard input --------------------------------------------------------------
"$bin" audit --as-of $date --format csv --input-format csv --fail-on never - <"$tmp/inv.csv" >"$tmp/stdin-audit.csv"
if cmp -s <(cut -d, -f1,3- "$tmp/stdin-audit.csv") <(cut -d, -f1,3- "$tmp/j1.csv"); then ok; else ko "audit of standard input differs"; fi

# --- -o: atomic, and nothing left by a failed run ------------------------------------------
"$bin" audit --as-of $date --format json --fail-on never -o "$tmp/report.json" "$tmp/inv.csv"
if cmp -s "$tmp/report.json" "$tmp/j1.json"; then ok; else ko "-o differs from stdout"; fi
{ cat "$tmp/inv.csv"; echo "late-bad-row,training,,,,,,,nvidia-h100-sxm*8,lease,ZZ,A,US,,,B,US,,,,,,,,,"; } >"$tmp/late-bad.csv"
"$bin" audit --as-of $date --format jsonl -o "$tmp/never.jsonl" "$tmp/late-bad.csv" 2>"$tmp/err"
code=$?
if [ $code = 2 ] && [ ! -e "$tmp/never.jsonl" ] && [ -z "$(ls -A "$tmp" | grep '\.tmp\.')" ] &&
  grep -q "late-bad.csv:4002:.*: error: site.country" "$tmp/err"; then ok; else ko "a failed audit left output or no located error (exit $code): $(head -c 300 "$tmp/err")"; fi
"$bin" audit --as-of $date --format json --skip-invalid --fail-on never "$tmp/late-bad.csv" >"$tmp/skip.json" 2>"$tmp/err"
if python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; sys.exit(0 if s['invalid']=={'workloads':1,'rows':1} else 1)" "$tmp/skip.json" &&
  [ "$(wc -l <"$tmp/err")" = 1 ]; then ok; else ko "--skip-invalid did not count and report the bad row"; fi

finish
