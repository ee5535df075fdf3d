#!/usr/bin/env bash
# No silent loss (docs/audit.md, "Errors"): what `audit` leaves behind when it is killed, when
# the disk is full or the reader of its output goes away, and that every input row is
# accounted for in its summary. On a generated inventory (bench/generate.py, seeded).
#
#   tests/cli/robustness.sh path/to/borderline
#
# A check that cannot run here (mounting a small file system needs the right to mount) prints
# SKIP with the reason and is counted as skipped, not passed.
set -u
source "$(dirname "$0")/../lib.sh" "$1" robustness
mnt=""
cleanup() {
  [ -n "$mnt" ] && umount "$mnt" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
date=2025-09-01
python3 bench/generate.py --rows 20000 --seed 5 --csv "$tmp/inv.csv" --jsonl "$tmp/inv.jsonl" || exit 1

# --- killed mid-run: no partial report at -o, nothing left beside it ----------------------------
# The input comes through a FIFO that stays open, so the audit is certainly mid-run (waiting for
# more rows) when the signal comes; it is sent only once part of the report has been written
# to the temporary file (jsonl of 20,000 rows is several MiB: the 1 MiB buffer has been flushed).
written_fd() { # size of the largest regular file the process has open under $tmp/out, or 0
  local pid=$1 best=0 size
  for fd in /proc/"$pid"/fd/*; do
    case "$(readlink "$fd" 2>/dev/null)" in "$tmp/out/"*) ;; *) continue ;; esac
    size=$(stat -L -c %s "$fd" 2>/dev/null || echo 0)
    [ "$size" -gt "$best" ] && best=$size
  done
  echo "$best"
}
for sig in TERM KILL; do
  for existing in yes no; do
    rm -rf "$tmp/out" && mkdir "$tmp/out"
    [ $existing = yes ] && echo previous >"$tmp/out/report.jsonl"
    rm -f "$tmp/fifo" && mkfifo "$tmp/fifo"
    "$bin" audit --as-of $date --format jsonl --fail-on never --input-format csv \
      -o "$tmp/out/report.jsonl" - <"$tmp/fifo" 2>"$tmp/kill.err" &
    pid=$!
    exec 3>"$tmp/fifo"
    cat "$tmp/inv.csv" >&3
    written=0
    for _ in $(seq 200); do # up to 20 s under a sanitizer
      written=$(written_fd $pid)
      [ "$written" -gt 0 ] && break
      sleep 0.1
    done
    alive=no
    kill -0 $pid 2>/dev/null && alive=yes
    kill -$sig $pid
    wait $pid 2>/dev/null # (without "Killed" from the shell)
    code=$?
    exec 3>&-
    what="SIG$sig, -o file existing: $existing"
    left=$(ls -A "$tmp/out")
    if [ "$alive" != yes ] || [ "$written" = 0 ]; then
      ko "$what: the audit was not mid-run with output written (alive: $alive, written: $written)"
    elif [ $existing = yes ] && [ "$(cat "$tmp/out/report.jsonl")" != previous ]; then
      ko "$what: the existing report was changed"
    elif [ $existing = no ] && [ -e "$tmp/out/report.jsonl" ]; then
      ko "$what: a partial report was left at the -o path"
    elif [ "$left" != "$([ $existing = yes ] && echo report.jsonl)" ]; then
      ko "$what: files left beside the report: $left"
    elif [ $code != $((128 + $(kill -l $sig))) ]; then
      ko "$what: exit $code, expected death by the signal"
    else
      ok
    fi
  done
done

# --- write errors: a clear error and exit 2 ------------------------------------------------------
"$bin" audit --as-of $date --format jsonl --fail-on never -o /dev/full "$tmp/inv.csv" 2>"$tmp/err"
code=$?
if [ $code = 2 ] && grep -q "/dev/full: cannot write report: .*No space left on device" "$tmp/err"; then ok
else ko "-o /dev/full: exit $code: $(head -c 300 "$tmp/err")"; fi
"$bin" audit --as-of $date --format jsonl --fail-on never "$tmp/inv.csv" >/dev/full 2>"$tmp/err"
code=$?
if [ $code = 2 ] && grep -q "cannot write to standard output: No space left on device" "$tmp/err"; then ok
else ko "standard output on /dev/full: exit $code: $(head -c 300 "$tmp/err")"; fi
"$bin" check --as-of $date --format json --fail-on never examples/*.yaml >/dev/full 2>"$tmp/err"
code=$?
if [ $code = 2 ] && grep -q "No space left on device" "$tmp/err"; then ok
else ko "check on a full standard output: exit $code: $(head -c 300 "$tmp/err")"; fi

# A real full file system: a 512 KiB tmpfs, when this machine lets us mount one.
mkdir -p "$tmp/small"
if mount_err=$(mount -t tmpfs -o size=512k tmpfs "$tmp/small" 2>&1); then
  mnt="$tmp/small"
  echo previous >"$mnt/report.json"
  "$bin" audit --as-of $date --format json --fail-on never -o "$mnt/report.json" "$tmp/inv.csv" 2>"$tmp/err"
  code=$?
  if [ $code = 2 ] && grep -q "report.json: cannot write report: .*No space left on device" "$tmp/err" &&
    [ "$(cat "$mnt/report.json")" = previous ] && [ "$(ls -A "$mnt")" = report.json ]; then ok
  else ko "full tmpfs: exit $code, left $(ls -A "$mnt" | tr '\n' ' '): $(head -c 300 "$tmp/err")"; fi
  umount "$mnt" && mnt=""
else
  skipped "full disk on a real file system: cannot mount a tmpfs here ($mount_err); /dev/full covered the write error"
fi

# --- a closed pipe: quiet, status 0 or 141 (SIGPIPE) ---------------------------------------------
for cmd in "audit --format jsonl $tmp/inv.csv" "audit --format csv $tmp/inv.jsonl" \
  "check --format jsonl $tmp/inv.jsonl"; do
  # shellcheck disable=SC2086
  "$bin" $cmd --as-of $date --fail-on never 2>"$tmp/err" | head -1 >/dev/null
  code=${PIPESTATUS[0]}
  if { [ "$code" = 0 ] || [ "$code" = 141 ]; } && [ ! -s "$tmp/err" ]; then ok
  else ko "${cmd%% *} into a closed pipe: exit $code, stderr: $(head -c 300 "$tmp/err")"; fi
done

# --- every row accounted for ----------------------------------------------------------------------
# Some rows are made invalid (an unknown site country); with --skip-invalid the summary must
# count every workload as evaluated or invalid, and every row of an invalid workload.
python3 - "$tmp/inv.csv" "$tmp/inv.jsonl" "$tmp/bad.csv" "$tmp/bad.jsonl" "$tmp/expected" <<'PY'
import csv, json, sys
src_csv, src_jsonl, bad_csv, bad_jsonl, expected = sys.argv[1:]
rows = list(csv.reader(open(src_csv, newline="")))
header, body = rows[0], rows[1:]
country = header.index("site.country")
broken = set(range(7, len(body), 97))
for i in broken:
    body[i][country] = "ZZ"
with open(bad_csv, "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows([header] + body)
# Consecutive rows with one name are one workload; it is invalid if any of its rows is.
groups = []  # [rows, invalid]
for i, r in enumerate(body):
    if i and r[0] == body[i - 1][0]:
        groups[-1][0] += 1
        groups[-1][1] |= i in broken
    else:
        groups.append([1, i in broken])
bad_groups = [g for g in groups if g[1]]
lines = open(src_jsonl).read().splitlines()
bad_lines = set(range(5, len(lines), 89))
with open(bad_jsonl, "w") as f:
    for i, line in enumerate(lines):
        f.write((line.replace('"country":"', '"country":"Z', 1) if i in bad_lines else line) + "\n")
with open(expected, "w") as f:
    print(len(groups) - len(bad_groups), len(bad_groups), sum(g[0] for g in bad_groups), file=f)
    print(len(lines) - len(bad_lines), len(bad_lines), len(bad_lines), file=f)
PY
summary() { # evaluated, invalid workloads, invalid rows
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["workloads"], s["invalid"]["workloads"], s["invalid"]["rows"])' "$1"
}
n=1
for input in bad.csv bad.jsonl; do
  "$bin" audit --as-of $date --format json --skip-invalid --fail-on never -o "$tmp/acc.json" "$tmp/$input" 2>"$tmp/err"
  code=$?
  want=$(sed -n ${n}p "$tmp/expected")
  got=$(summary "$tmp/acc.json" 2>/dev/null)
  reported=$(grep -cE "^$tmp/$input:[0-9]+:[0-9]+: error: " "$tmp/err")
  results=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]))' "$tmp/acc.json" 2>/dev/null)
  if [ $code = 0 ] && [ "$got" = "$want" ] && [ "$results" = "${want%% *}" ] &&
    [ "$reported" -ge "$(echo "$want" | cut -d' ' -f2)" ]; then ok
  else ko "$input: evaluated/invalid/invalid rows $got, expected $want; $results results, $reported located errors (exit $code)"; fi
  n=$((n + 1))
done

finish
