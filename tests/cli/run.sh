#!/usr/bin/env bash
# Command-line tests: the real binary, run the way users run it.
#
#   tests/cli/run.sh path/to/borderline           # from anywhere
#   UPDATE=1 tests/cli/run.sh path/to/borderline  # rewrite golden files (then review the diff!)
#
# 1. Golden cases: each folder under tests/cli/cases/ has `args` (one argument per line, run
#    from the repository root), optional `stdin`, and the expected `stdout`, `stderr` and
#    `exit`. Output must match byte for byte.
# 2. Properties that goldens cannot show: determinism, atomic -o, hostile inputs.
set -u
source "$(dirname "$0")/../lib.sh" "$1" cli


# --- 1. golden cases ---------------------------------------------------------------------
for dir in tests/cli/cases/*/; do
  name=$(basename "$dir")
  mapfile -t args <"$dir/args"
  input=/dev/null
  [ -f "$dir/stdin" ] && input="$dir/stdin"
  timeout 60 "$bin" "${args[@]}" <"$input" >"$tmp/stdout" 2>"$tmp/stderr"
  echo $? >"$tmp/exit"
  if [ "${UPDATE:-}" = 1 ]; then
    cp "$tmp/stdout" "$tmp/stderr" "$tmp/exit" "$dir"
    ok
    continue
  fi
  good=1
  for f in stdout stderr exit; do
    if ! cmp -s "$tmp/$f" "$dir/$f"; then
      good=0
      ko "$name: $f differs"
      diff -u "$dir/$f" "$tmp/$f" | head -40
    fi
  done
  [ $good = 1 ] && ok
done

# --- 2. properties -------------------------------------------------------------------------
examples=(examples/*.yaml examples/*.json)

# Same input, rules and date: byte-identical output.
"$bin" check --as-of 2025-09-01 --format json "${examples[@]}" >"$tmp/a.json" 2>/dev/null
"$bin" check --as-of 2025-09-01 --format json "${examples[@]}" >"$tmp/b.json" 2>/dev/null
if [ -s "$tmp/a.json" ] && cmp -s "$tmp/a.json" "$tmp/b.json"; then ok; else ko "check output is not deterministic"; fi

# -o writes the same report as stdout, atomically, and leaves no temporary file behind.
"$bin" check --as-of 2025-09-01 --format json -o "$tmp/report.json" "${examples[@]}" 2>/dev/null
if cmp -s "$tmp/a.json" "$tmp/report.json" && [ -z "$(ls -A "$tmp" | grep '\.tmp\.')" ]; then ok; else ko "-o differs from stdout or left a temporary file"; fi

# A failed run leaves an existing -o file untouched and creates no new one.
echo previous >"$tmp/keep.json"
"$bin" check --as-of 2025-09-01 -o "$tmp/keep.json" tests/cli/inputs/unknown-key.yaml 2>/dev/null
code=$?
if [ $code = 2 ] && [ "$(cat "$tmp/keep.json")" = previous ]; then ok; else ko "failed run touched the -o file (exit $code)"; fi
"$bin" check --as-of 2025-09-01 -o "$tmp/new.json" tests/cli/inputs/unknown-key.yaml 2>/dev/null
if [ ! -e "$tmp/new.json" ] && [ -z "$(ls -A "$tmp" | grep '\.tmp\.')" ]; then ok; else ko "failed run created an -o file"; fi

# -o on something that is not a regular file is written directly.
if "$bin" check --as-of 2025-09-01 --fail-on never -o /dev/stdout examples/eu-inference.yaml >"$tmp/dev.txt" 2>&1 &&
  grep -q ALLOWED "$tmp/dev.txt"; then ok; else ko "-o /dev/stdout did not write the report"; fi

# An unwritable -o is a clear error with exit 2.
"$bin" check --as-of 2025-09-01 -o /nonexistent/dir/r.json examples/eu-inference.yaml 2>"$tmp/err"
code=$?
if [ $code = 2 ] && grep -q "cannot write report" "$tmp/err"; then ok; else ko "unwritable -o: exit $code"; fi

# No colour when NO_COLOR is set or output is not a terminal.
if ! grep -q $'\x1b\[' "$tmp/dev.txt"; then ok; else ko "colour escape codes in piped output"; fi

# Every example gets the verdict its header comment states (tests/cli/example-verdicts.tsv).
while IFS=$'\t' read -r file date workload expected; do
  case "$file" in '#'* | '') continue ;; esac
  actual=$("$bin" check --as-of "$date" --format json --fail-on never "$file" 2>/dev/null |
    python3 -c 'import json, sys; d = json.load(sys.stdin); print(next((r["verdict"] for r in d["results"] if r["workload"] == sys.argv[1]), "missing"))' "$workload")
  if [ "$actual" = "$expected" ]; then ok; else ko "$file as of $date: $workload is $actual, its comment says $expected"; fi
done <tests/cli/example-verdicts.tsv

# The analysis commands work on every example: exit 0 (or 1 where that means "found
# something") and well-formed JSON; whatif gives the same answer twice.
for f in "${examples[@]}"; do
  for cmd in "explain --as-of 2025-09-01" "timeline --to 2027-06-30" "whatif --as-of 2025-09-01" \
    "diff --from 2022-10-01 --to 2026-08-01"; do
    # shellcheck disable=SC2086
    "$bin" $cmd --format json "$f" >"$tmp/analysis.json" 2>"$tmp/err"
    code=$?
    if { [ $code = 0 ] || [ $code = 1 ]; } && python3 -m json.tool "$tmp/analysis.json" >/dev/null 2>&1; then ok
    else ko "${cmd%% *} on $f: exit $code or invalid JSON"; fi
  done
  "$bin" whatif --as-of 2025-09-01 --format json "$f" >"$tmp/whatif2.json" 2>/dev/null
  "$bin" whatif --as-of 2025-09-01 --format json "$f" >"$tmp/whatif1.json" 2>/dev/null
  if cmp -s "$tmp/whatif1.json" "$tmp/whatif2.json"; then ok; else ko "whatif on $f is not deterministic"; fi
done
# screen works on the name of every party of every example.
python3 - "${examples[@]}" >"$tmp/names" <<'PY'
import re, sys
# Parties are written as flow maps in the examples ({name: ..., hq: ...}), in YAML or JSON.
party = re.compile(r'(?:tenant|owner|operator|developer)"?:\s*\{\s*"?name"?:\s*(?:"([^"]*)"|([^,}]*))')
for path in sys.argv[1:]:
    for m in party.finditer(open(path, encoding="utf-8").read()):
        print((m.group(1) or m.group(2)).strip())
PY
if [ "$(wc -l <"$tmp/names")" -ge 20 ]; then ok; else ko "found too few party names in the examples"; fi
while IFS= read -r name; do
  "$bin" screen --as-of 2025-09-01 --format json "$name" >"$tmp/screen.json" 2>"$tmp/err"
  code=$?
  if { [ $code = 0 ] || [ $code = 1 ]; } && python3 -m json.tool "$tmp/screen.json" >/dev/null 2>&1; then ok
  else ko "screen '$name': exit $code or invalid JSON"; fi
done <"$tmp/names"

# screen --csv on several threads writes the same bytes as on one: 3,000 names (six batches,
# names repeating across them, some with matches) against the sample of the CSL.
python3 - >"$tmp/many.csv" <<'PY'
import csv, sys
rows = [l.rstrip("\n").split("\t") for l in open("tests/screening/labelled.tsv", encoding="utf-8")]
queries = [r[1] for r in rows if len(r) >= 2 and r[0] in ("positive", "negative")]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["id", "name"])
for i in range(3000):
    out.writerow([i, queries[(i * 7) % len(queries)] + ("" if i % 3 else " %d" % (i % 11))])
PY
for f in json text; do
  for j in 1 4; do
    "$bin" screen --as-of 2026-08-03 --add-rules tests/screening/csl-sample.yaml --csv "$tmp/many.csv" \
      --column name --format $f -j $j -o "$tmp/screen-j$j.$f" 2>/dev/null
    echo $? >>"$tmp/screen-j$j.$f"
  done
  if [ "$(grep -c '"score"\|score' "$tmp/screen-j1.$f")" -gt 100 ] && cmp -s "$tmp/screen-j1.$f" "$tmp/screen-j4.$f"; then ok
  else ko "screen --format $f: --jobs 4 differs from --jobs 1 (or too few matches to tell)"; fi
done

# A command line that would lose data is refused before anything is written (exit 2): an empty
# value after '=' (CLI11 alone would give --output the next argument, the first manifest), and
# -o naming a file the command reads (also through another spelling of its path), for every
# command that has both.
cp examples/eu-inference.yaml "$tmp/in-a.yaml"
cp examples/offshore-lease.yaml "$tmp/in-b.yaml"
cp tests/cli/inputs/audit/inventory.csv "$tmp/in.csv"
cp "$tmp/in-a.yaml" "$tmp/in-a.orig"
cp "$tmp/in-b.yaml" "$tmp/in-b.orig"
cp "$tmp/in.csv" "$tmp/in.csv.orig"
"$bin" audit --as-of 2025-09-01 --format jsonl -o "$tmp/in.jsonl" "$tmp/in.csv" 2>/dev/null
cp "$tmp/in.jsonl" "$tmp/in.jsonl.orig"
refused() { # expected message, then the command line
  local want=$1
  shift
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  if [ $code = 2 ] && grep -qF "$want" "$tmp/err" &&
    cmp -s "$tmp/in-a.yaml" "$tmp/in-a.orig" && cmp -s "$tmp/in-b.yaml" "$tmp/in-b.orig" &&
    cmp -s "$tmp/in.csv" "$tmp/in.csv.orig" && cmp -s "$tmp/in.jsonl" "$tmp/in.jsonl.orig"; then
    ok
  else
    ko "not refused (exit $code) or an input changed: $*"
    head -3 "$tmp/err"
    cp "$tmp/in-a.orig" "$tmp/in-a.yaml"
    cp "$tmp/in-b.orig" "$tmp/in-b.yaml"
    cp "$tmp/in.csv.orig" "$tmp/in.csv"
    cp "$tmp/in.jsonl.orig" "$tmp/in.jsonl"
  fi
}
empty="option --output needs a value (got an empty value after '=')"
refused "$empty" check --as-of 2025-09-01 --output= "$tmp/in-a.yaml" "$tmp/in-b.yaml"
refused "$empty" audit --as-of 2025-09-01 --output= "$tmp/in.csv"
over="refusing to overwrite input file"
refused "$over" check --as-of 2025-09-01 -o "$tmp/in-a.yaml" "$tmp/in-b.yaml" "$tmp/in-a.yaml"
refused "$over" check --as-of 2025-09-01 --output "$tmp/../$(basename "$tmp")/in-b.yaml" "$tmp/in-b.yaml"
ln -sf "$tmp/in-a.yaml" "$tmp/link.yaml"
refused "$over" check --as-of 2025-09-01 -o "$tmp/link.yaml" "$tmp/in-a.yaml"
refused "$over" check --as-of 2025-09-01 -o "$tmp/in-a.yaml" --waivers "$tmp/in-a.yaml" "$tmp/in-b.yaml"
refused "$over" check --as-of 2025-09-01 -o "$tmp/in-a.yaml" --add-rules "$tmp/in-a.yaml" "$tmp/in-b.yaml"
refused "$over" audit --as-of 2025-09-01 -o "$tmp/in.csv" "$tmp/in.csv"
refused "$over" report merge --as-of 2025-09-01 -o "$tmp/in.jsonl" "$tmp/in.jsonl"
refused "$over" explain --as-of 2025-09-01 -o "$tmp/in-a.yaml" "$tmp/in-a.yaml"
refused "$over" timeline -o "$tmp/in-a.yaml" "$tmp/in-a.yaml"
refused "$over" whatif --as-of 2025-09-01 -o "$tmp/in-a.yaml" "$tmp/in-a.yaml"
refused "$over" diff --from 2025-01-01 --to 2025-09-01 -o "$tmp/in-a.yaml" "$tmp/in-a.yaml"
refused "$over" screen --csv "$tmp/in.csv" --column name -o "$tmp/in.csv"
refused "$over" parties import -o "$tmp/in.csv" "$tmp/in.csv"
# A file that is only written is fine, and so is -o on a file that is not read.
if "$bin" check --as-of 2025-09-01 --fail-on never -o "$tmp/in.csv.out" "$tmp/in-a.yaml" 2>/dev/null &&
  [ -s "$tmp/in.csv.out" ]; then ok; else ko "-o beside an input was refused"; fi

# A .borderline.yaml that is a directory is an error naming it, not passed over (to a parent's
# config or to none).
mkdir -p "$tmp/project/.borderline.yaml" "$tmp/project/sub"
(cd "$tmp/project/sub" && "$bin" check --as-of 2025-09-01 "$root/examples/eu-inference.yaml") >/dev/null 2>"$tmp/err"
code=$?
if [ $code = 2 ] && grep -qF "../.borderline.yaml: error: is a directory" "$tmp/err"; then ok; else ko "a .borderline.yaml directory: exit $code, $(head -1 "$tmp/err")"; fi

# Hostile and malformed inputs: exit 2 with "file:line[:column]: error:" and never a crash or
# a hang. Some are generated here so that the repository holds no huge files.
hostile="$tmp/hostile"
mkdir -p "$hostile"
cp tests/cli/inputs/*.yaml tests/cli/inputs/*.json tests/fuzz/regressions/manifest-* tests/fuzz/regressions/rule-pack-* "$hostile/" 2>/dev/null
python3 - "$hostile" <<'PY'
import os, sys
d = sys.argv[1]
w = lambda name, data: open(os.path.join(d, name), "wb").write(data if isinstance(data, bytes) else data.encode())
w("deep-flow.yaml", "a: " + "[" * 100000 + "]" * 100000 + "\n")
w("deep-block.yaml", "".join("  " * i + "k%d:\n" % i for i in range(5000)))
w("deep-json.json", '{"a":' * 50000 + "1" + "}" * 50000)
bomb = "apiVersion: borderline/v1\nkind: Workload\nmetadata: {name: x}\nspec:\n  a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n"
for i in range(1, 40):
    bomb += "  a%d: &a%d [%s]\n" % (i, i, ",".join(["*a%d" % (i - 1)] * 10))
w("alias-bomb.yaml", bomb)
cats = "apiVersion: borderline/v1\nkind: Workload\nmetadata: {name: x}\nspec:\n  purpose: training\n  compute: {chips: [{model: nvidia-h100-sxm, count: 1}], acquisition: lease}\n  site: {country: MY, owner: {name: A, hq: MY}}\n  tenant: {name: B, hq: CN}\n  data:\n    - &d0 {name: a, origin: CN, categories: [persnal]}\n"
w("alias-wide.yaml", cats + "".join("    - *d0\n" for _ in range(200000)))
w("binary.yaml", bytes(range(256)) * 64)
w("nul.yaml", b"apiVersion: borderline/v1\x00\n")
w("latin1.yaml", "name: caf\xe9\n".encode("latin-1"))
w("huge-number.yaml", "apiVersion: borderline/v1\nkind: Workload\nmetadata: {name: x}\nspec:\n  purpose: training\n  model: {trainingCompute: 1e999999}\n  compute: {chips: [{model: nvidia-h100-sxm, count: 99999999999999999999999}], acquisition: lease}\n  site: {country: MY, owner: {name: A, hq: MY}}\n  tenant: {name: B, hq: CN}\n")
w("long-line.yaml", "apiVersion: borderline/v1\nkind: " + "W" * 5_000_000 + "\n")
w("only-comments.yaml", "# nothing here\n---\n# nor here\n")
w("unclosed.json", '{"apiVersion": "borderline/v1", "kind": "Workload", "metadata": {"name": "x"')
w("tabs.yaml", "apiVersion: borderline/v1\nkind: Workload\nmetadata:\n\tname: x\n")
w("scalar-doc.yaml", "just a string\n")
w("list-doc.yaml", "- a\n- b\n")
PY
for f in "$hostile"/*; do
  timeout 20 "$bin" check --as-of 2025-09-01 -o "$tmp/hostile.out" "$f" >/dev/null 2>"$tmp/err"
  code=$?
  base=$(basename "$f")
  if [ $code != 2 ]; then
    ko "hostile $base: exit $code, expected 2"
  elif ! grep -qE "^$f(:[0-9]+(:[0-9]+)?)?: error: " "$tmp/err"; then
    ko "hostile $base: no located error message"
    head -3 "$tmp/err"
  elif [ -e "$tmp/hostile.out" ]; then
    ko "hostile $base: left an output file"
  else
    ok
  fi
  rm -f "$tmp/hostile.out"
done

finish
