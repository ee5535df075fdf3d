# The start and end every shell test script shares. Source it with the binary and a name:
#
#   source "$(dirname "$0")/../lib.sh" "$1" cli      # (tests/tsan.sh: "$(dirname "$0")/lib.sh")
#
# It sets `bin` (the borderline binary, absolute), `root` (the repository, made the working
# directory, so cases name files as users would), `tmp` (a scratch folder removed on exit:
# a script that needs more cleaning replaces the trap and removes "$tmp" itself), plain
# reproducible output (no colour, UTF-8 C locale), the counters and `ok`, `ko "why"`,
# `skipped "why"`. The script ends with `finish`: the counts, and its exit status.
bin=$(realpath "$1")
test_name=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR=1 LC_ALL=C.UTF-8
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); }
ko() {
  fail=$((fail + 1))
  echo "FAIL: $*"
}
skipped() {
  skip=$((skip + 1))
  echo "SKIP: $*"
}
finish() {
  local skips=""
  [ "$skip" = 0 ] || skips=", $skip skipped"
  echo "$test_name: $pass passed, $fail failed$skips"
  [ "$fail" = 0 ]
}
