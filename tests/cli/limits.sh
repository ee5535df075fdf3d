#!/usr/bin/env bash
# Every limit of docs/limits.md, one check each (in the table's order): just past the limit is
# an error located at file:line[:column] with exit 2, never a crash, a hang or a silently
# shortened result; at the limit (where that can be built cheaply) the input is accepted.
#
#   tests/cli/limits.sh path/to/borderline
set -u
source "$(dirname "$0")/../lib.sh" "$1" limits
date=2025-09-01

# refused LIMIT FILE LOCATION MESSAGE [COMMAND...]: exit 2 and "FILE:LOCATION: error: ...MESSAGE"
# (LOCATION a regex such as '[0-9]+:[0-9]+'). COMMAND defaults to check.
refused() {
  local limit=$1 file=$2 loc=$3 message=$4
  shift 4
  local cmd=("$@")
  [ ${#cmd[@]} = 0 ] && cmd=(check)
  timeout 120 "$bin" "${cmd[@]}" --as-of $date --fail-on never "$file" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  local where="$file${loc:+:$loc}"
  if [ $code = 2 ] && grep -qE "^$where: error: .*$message" "$tmp/err"; then ok
  else ko "$limit: exit $code, expected 2 and '$where: error: ...$message'; got: $(head -c 300 "$tmp/err")"; fi
}
# accepted LIMIT FILE [COMMAND...]: loads (exit 0) with nothing on stderr.
accepted() {
  local limit=$1 file=$2
  shift 2
  local cmd=("$@")
  [ ${#cmd[@]} = 0 ] && cmd=(check)
  timeout 120 "$bin" "${cmd[@]}" --as-of $date --fail-on never "$file" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  if [ $code = 0 ] && [ ! -s "$tmp/err" ]; then ok
  else ko "$limit: at the limit, exit $code: $(head -c 300 "$tmp/err")"; fi
}

python3 - "$tmp" <<'PY'
import os, sys
d = sys.argv[1]
def w(name, text):
    with open(os.path.join(d, name), "wb") as f:
        f.write(text if isinstance(text, bytes) else text.encode())
head = "apiVersion: borderline/v1\nkind: Workload\nmetadata: {name: %s}\nspec:\n"
def manifest(name="x", count="8", subjects="1000", source="a"):
    return (head % name + "  purpose: training\n"
            "  compute: {chips: [{model: nvidia-h100-sxm, count: %s}], acquisition: lease}\n"
            "  site: {country: MY, owner: {name: A, hq: MY}}\n"
            "  tenant: {name: B, hq: SG}\n"
            "  data: [{name: %s, origin: SG, categories: [personal], subjects: %s}]\n") % (count, source, subjects)
# encoding
w("nul.yaml", b"apiVersion: borderline/v1\nkind: Wo\x00rkload\n")
w("latin1.yaml", "apiVersion: borderline/v1\nkind: caf\xe9\n".encode("latin-1"))
w("bom.yaml", b"\xef\xbb\xbf" + manifest().encode())
# nesting: 100 levels are the limit (under an unknown key, so a plain error follows), 101 too many
nest = lambda n: head % "x" + "  extra: " + "[" * n + "]" * n + "\n"
w("nest-100.yaml", nest(98))   # the document (1), spec (2) and 98 lists = 100 levels
w("nest-101.yaml", nest(99))
w("nest-deep.yaml", "a: " + "[" * 100000 + "]" * 100000 + "\n")
w("nest-deep.json", '{"a":' * 100000 + "1" + "}" * 100000)
w("nest-deep.jsonl", '{"a":' * 100000 + "1" + "}" * 100000 + "\n")
w("nest-deep-rules.yaml", "apiVersion: borderline/v1\nkind: RulePack\nrules:\n  - when: " + "{not: " * 5000 + "{purpose: training}" + "}" * 5000 + "\n")
# alias expansion
# (1,300,000 aliases of one data source: each is read whole, about 8 values)
w("alias-bomb.yaml", manifest().replace("  data: [{", "  data: [&d {") [:-2] + ",*d" * 1300000 + "]\n")
# string length: a data source's name (free text) of 64 KiB loads, one byte more does not
w("string-64k.yaml", manifest(source="n" * 65536))
w("string-64k1.yaml", manifest(source="n" * 65537))
# regular expressions on the longest strings: the bundled rules match chip names (an inline
# chip's name of 64 KiB), a rule pack may backtrack catastrophically ("(a+)+$" on a tenant
# name of 64 KiB that almost matches); RE2 matches in linear time without recursion
w("chip-name-64k.json", open("examples/inline-chip.json").read().replace("Example NPU X1", "X" * 65536))
w("tenant-a64k.yaml", manifest().replace("tenant: {name: B,", "tenant: {name: %s!," % ("a" * 65535)))
w("backtracking-rules.yaml", "apiVersion: borderline/v1\nkind: RulePack\n"
  "metadata: {name: rx, title: Backtracking, jurisdiction: US, version: '1', reviewed: 2025-01-01}\n"
  "rules:\n  - id: us.rx.backtrack\n    title: Backtracking\n    regime: sanctions\n"
  "    effective: 2024-01-01\n    when: {tenant.name: {matches: '(a+)+$'}}\n    verdict: review\n"
  "    message: m\n    citations: [{ref: Test citation, provenance: primary, note: test}]\n")
# workloads per file: 100,000 aliases of one workload load (then fail as duplicate names,
# which is a later check); 100,001 stop at the limit
items = lambda n: ("apiVersion: borderline/v1\nkind: WorkloadList\nmetadata: {name: l}\nitems:\n  - &w\n"
                   + "".join("    " + l + "\n" for l in manifest().split("\n")[2:] if l)
                   + "  - *w\n" * (n - 1))
w("workloads-100000.yaml", items(100000))
w("workloads-100001.yaml", items(100001))
# chip count and data subjects
w("count-max.yaml", manifest(count="100000000"))
w("count-over.yaml", manifest(count="100000001"))
w("subjects-max.yaml", manifest(subjects="100000000000"))
w("subjects-over.yaml", manifest(subjects="100000000001"))
# whole numbers beyond 2^53 and numbers out of range
w("inexact.yaml", manifest(subjects="9007199254740993"))
w("overflow.yaml", manifest(count="1e999"))
# workload names: 253 characters, and 254
w("name-253.yaml", manifest(name="n" * 253))
w("name-254.yaml", manifest(name="n" * 254))
# errors per run: 60 bad countries, 50 reported, then "too many errors"
w("errors.yaml", "apiVersion: borderline/v1\nkind: WorkloadList\nmetadata: {name: l}\nitems:\n"
  + "".join("  - metadata: {name: w%d}\n    spec: {purpose: training, compute: {chips: [{model: nvidia-h100-sxm, count: 8}], acquisition: lease}, site: {country: ZZ, owner: {name: A, hq: MY}}, tenant: {name: B, hq: SG}}\n" % i for i in range(60)))
# CSV: a field of 64 KiB and one byte more; a record of 1 MiB and more (an unclosed quote)
cols = "name,purpose,chips,compute.acquisition,site.country,site.owner.name,site.owner.hq,tenant.name,tenant.hq,data.origin,data.categories\n"
row = lambda owner: "w1,training,nvidia-h100-sxm*8,lease,MY,%s,MY,B,SG,SG,personal\n" % owner
w("field-64k.csv", cols + row("o" * 65536))
w("field-64k1.csv", cols + row("o" * 65537))
w("record-long.csv", cols + row("ok") + 'w2,training,"' + "x" * (1 << 21) + "\n")
w("record-long.jsonl", '{"kind": "Workload", "a": "' + "x" * (1 << 21) + '"}\n')
PY

# size of one manifest: a sparse file just over 256 MiB (nothing is read before the size check)
truncate -s $((256 * 1024 * 1024 + 1)) "$tmp/big.yaml"
refused "file size" "$tmp/big.yaml" "" "file is 268435457 bytes; the limit is 268435456 bytes"
# encoding
refused "encoding (NUL)" "$tmp/nul.yaml" "2:9" "NUL byte"
refused "encoding (UTF-8)" "$tmp/latin1.yaml" "2:10" "invalid UTF-8"
accepted "encoding (BOM)" "$tmp/bom.yaml"
# nesting depth
refused "nesting depth 100" "$tmp/nest-100.yaml" "5:3" "unknown key 'extra'"
refused "nesting depth 101" "$tmp/nest-101.yaml" "5:108" "nested more than 100 levels deep"
refused "nesting 100k [" "$tmp/nest-deep.yaml" "1:103" "nested more than 100 levels deep"
refused "nesting 100k {" "$tmp/nest-deep.json" "1:501" "nested more than 100 levels deep"
refused "nesting in JSONL" "$tmp/nest-deep.jsonl" "1:501" "nested more than 100 levels deep" audit
"$bin" rules list --rules "$tmp/nest-deep-rules.yaml" >/dev/null 2>"$tmp/err"
code=$?
if [ $code = 2 ] && grep -qE "^$tmp/nest-deep-rules.yaml:4:[0-9]+: error: .*nested more than 100 levels deep" "$tmp/err"; then ok
else ko "nesting in a rule pack: exit $code: $(head -c 300 "$tmp/err")"; fi
# alias expansion
refused "alias expansion" "$tmp/alias-bomb.yaml" "[0-9]+:[0-9]+" "more than 10000000 values"
# string length
accepted "string 64 KiB" "$tmp/string-64k.yaml"
refused "string 64 KiB + 1" "$tmp/string-64k1.yaml" "9:17" "a value of 65537 bytes; the limit is 65536 bytes"
accepted "inline chip name of 64 KiB, matched by the bundled rules' regexes" "$tmp/chip-name-64k.json"
accepted "tenant name of 64 KiB, a backtracking regex" "$tmp/tenant-a64k.yaml" check --add-rules "$tmp/backtracking-rules.yaml"
# workloads per file
refused "workloads 100,000" "$tmp/workloads-100000.yaml" "[0-9]+:[0-9]+" "duplicate workload name 'x'"
refused "workloads 100,001" "$tmp/workloads-100001.yaml" "[0-9]+:[0-9]+" "more than 100000 workloads in one file"
# chip count, data subjects
accepted "chip count 100,000,000" "$tmp/count-max.yaml"
refused "chip count 100,000,001" "$tmp/count-over.yaml" "6:53" "count"
accepted "subjects 100,000,000,000" "$tmp/subjects-max.yaml"
refused "subjects 100,000,000,001" "$tmp/subjects-over.yaml" "9:[0-9]+" "subjects"
# whole numbers and numbers
refused "inexact whole number" "$tmp/inexact.yaml" "9:[0-9]+" "subjects"
refused "number out of range" "$tmp/overflow.yaml" "6:53" "count"
# workload names
accepted "name of 253 characters" "$tmp/name-253.yaml"
refused "name of 254 characters" "$tmp/name-254.yaml" "3:18" "name"
# errors per run
"$bin" check --as-of $date "$tmp/errors.yaml" >/dev/null 2>"$tmp/err"
code=$?
if [ $code = 2 ] && [ "$(grep -c ': error: ' "$tmp/err")" = 51 ] && tail -1 "$tmp/err" | grep -q "too many errors"; then ok
else ko "errors per run: exit $code, $(grep -c ': error: ' "$tmp/err") errors"; fi
# CSV field and record lengths (audit)
accepted "CSV field 64 KiB" "$tmp/field-64k.csv" audit
refused "CSV field 64 KiB + 1" "$tmp/field-64k1.csv" "2:40" "CSV field of 65537 bytes; the limit is 65536 bytes" audit
refused "CSV record 1 MiB" "$tmp/record-long.csv" "3:1" "CSV record longer than 1048576 bytes" audit
refused "JSONL line 1 MiB" "$tmp/record-long.jsonl" "1:1" "JSONL line longer than 1048576 bytes" audit
# ...and with --skip-invalid the long field is one invalid row, counted; the long record stops
"$bin" audit --as-of $date --format json --skip-invalid --fail-on never "$tmp/field-64k1.csv" >"$tmp/out" 2>/dev/null
if python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; sys.exit(s["invalid"]!={"workloads":1,"rows":1})' "$tmp/out"; then ok
else ko "CSV field 64 KiB + 1 with --skip-invalid: not counted as one invalid row"; fi
refused "CSV record 1 MiB, --skip-invalid" "$tmp/record-long.csv" "3:1" "CSV record longer" audit --skip-invalid

# memory of audit: bounded by the batches in flight, not the rows. 5 times the rows (the same
# 20,000 rows five times over: repeated names are separate workloads when not consecutive)
# must not take much more memory.
python3 bench/generate.py --rows 20000 --seed 4 --csv "$tmp/m1.csv" || exit 1
{ cat "$tmp/m1.csv"; for _ in 1 2 3 4; do tail -n +2 "$tmp/m1.csv"; done; } >"$tmp/m5.csv"
peak() { # peak resident set of one audit, in KiB
  python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' \
    "$bin" audit --as-of $date --fail-on never --jobs 2 --format jsonl "$1"
}
m1=$(peak "$tmp/m1.csv")
m5=$(peak "$tmp/m5.csv")
if [ "$m5" -lt $((m1 * 3 / 2 + 20000)) ]; then ok
else ko "audit memory grows with the rows: $m1 KiB for 20,000 rows, $m5 KiB for 100,000"; fi

# worker threads: --jobs 1 to 1,024 (a usage error past it, for every command that takes it)
for cmd in "audit $tmp/m1.csv" "report merge --as-of $date /dev/null" "screen Acme"; do
  # shellcheck disable=SC2086
  "$bin" $cmd --jobs 1025 >/dev/null 2>"$tmp/err"
  code=$?
  if [ $code = 2 ] && grep -q -- "--jobs 1025 is more than 1024 threads" "$tmp/err"; then ok
  else ko "${cmd%% *} --jobs 1025: exit $code: $(head -c 200 "$tmp/err")"; fi
done
if "$bin" audit --as-of $date --fail-on never -q --jobs 1024 "$tmp/m1.csv" >/dev/null 2>"$tmp/err"; then ok
else ko "audit --jobs 1024 (the limit) failed: $(head -c 200 "$tmp/err")"; fi

# names in audit: unique only among consecutive rows; a repeat further on is another workload
{ cat "$tmp/m1.csv"; sed -n 2p "$tmp/m1.csv"; } >"$tmp/repeat.csv"
a=$("$bin" audit --as-of $date --format jsonl --fail-on never "$tmp/m1.csv" | wc -l)
b=$("$bin" audit --as-of $date --format jsonl --fail-on never "$tmp/repeat.csv" | wc -l)
if [ "$b" = $((a + 1)) ]; then ok; else ko "a non-consecutive repeated name: $a then $b workloads"; fi

# rows of the HTML table: --html-rows (default 20,000); the totals count every workload
"$bin" audit --as-of $date --format html --html-rows 100 --fail-on never "$tmp/m1.csv" >"$tmp/t.html"
if grep -q "The table holds 100 of the $(python3 -c "print(f'{$a:,}')") workloads" "$tmp/t.html"; then ok
else ko "--html-rows 100 does not say the table holds 100 of $a workloads"; fi

finish
