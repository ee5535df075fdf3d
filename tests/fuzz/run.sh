#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each; builds nothing (cmake --preset fuzz &&
# cmake --build --preset fuzz first).
#
#   tests/fuzz/run.sh SECONDS [BUILD_DIR]     # BUILD_DIR defaults to build/fuzz
#
# For each target: seeds a corpus under BUILD_DIR/corpus/ from examples/, rules/ and
# tests/cli/inputs/ (copied, never committed), replays its regression inputs
# (tests/fuzz/regressions/<prefix>-*: crashers found earlier), then fuzzes. Fails on any crash,
# leak, timeout (-timeout) or excess memory (-rss_limit_mb); the input that did it is left in
# BUILD_DIR/artifacts/, to become a regression input once the bug is fixed.
set -euo pipefail
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [BUILD_DIR]}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath "${2:-$root/build/fuzz}")
cd "$root"
bin="$build/tests/fuzz"
corpus="$build/corpus"
artifacts="$build/artifacts"
mkdir -p "$artifacts"

# target, regression prefix, seed files
seed() {
  local dir="$corpus/$1"
  shift
  mkdir -p "$dir"
  [ $# -gt 0 ] && cp "$@" "$dir/"
  return 0
}
seed manifest examples/*.yaml examples/*.json tests/cli/inputs/*.yaml tests/cli/inputs/*.json
seed rule_pack rules/*/*.yaml tests/cli/inputs/rules/*.yaml
seed csv_inventory tests/cli/inputs/audit/*.csv
seed jsonl_inventory tests/cli/inputs/audit/*.jsonl
seed csl_import tests/screening/*.json tests/screening/*.csv
# The party index's seed: the payload of the committed sample index (its header line cut off).
mkdir -p "$corpus/party_index"
tail -n +2 tests/screening/csl-sample.yaml.idx >"$corpus/party_index/csl-sample.bin"
# The condition compiler's seeds: the `when` of every bundled rule, one file each.
mkdir -p "$corpus/condition"
python3 - "$corpus/condition" rules/*/*.yaml <<'PY'
import sys, yaml
out, n = sys.argv[1], 0
for path in sys.argv[2:]:
    for doc in yaml.safe_load_all(open(path, encoding="utf-8")):
        for rule in (doc or {}).get("rules", []) if isinstance(doc, dict) else []:
            for version in [rule] + list(rule.get("versions", []) or []):
                if isinstance(version, dict) and "when" in version:
                    n += 1
                    with open("%s/when-%04d.yaml" % (out, n), "w") as f:
                        yaml.safe_dump(version["when"], f, sort_keys=False)
if n < 10:
    sys.exit("only %d conditions found in the rule packs" % n)
PY

fail=0
for name in manifest rule_pack csv_inventory jsonl_inventory condition csl_import party_index; do
  target="$bin/fuzz_$name"
  [ -x "$target" ] || { echo "missing $target (cmake --build --preset fuzz)"; exit 2; }
  prefix=${name//_/-}
  mapfile -t regressions < <(ls tests/fuzz/regressions/"$prefix"-* 2>/dev/null)
  echo "=== fuzz_$name: ${#regressions[@]} regression inputs, then ${seconds}s"
  if [ ${#regressions[@]} -gt 0 ] && ! "$target" -timeout=10 -rss_limit_mb=2048 "${regressions[@]}" >"$artifacts/$name.log" 2>&1; then
    tail -40 "$artifacts/$name.log"
    echo "FAIL: fuzz_$name on a regression input"
    fail=1
    continue
  fi
  if ! "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$name-" "$corpus/$name" >"$artifacts/$name.log" 2>&1; then
    tail -60 "$artifacts/$name.log"
    echo "FAIL: fuzz_$name (the input is in $artifacts/)"
    fail=1
    continue
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$artifacts/$name.log" | tr '\n' ' '
  echo
done
exit $fail
