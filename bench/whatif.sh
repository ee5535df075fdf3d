#!/usr/bin/env bash
# Speed of `borderline whatif` against the bundled rules (issue 6: under a second for one
# workload). For each input, the median wall time of `whatif` and of `check` on the same file
# (loading and compiling the bundled packs plus one evaluation), their ratio, and the number
# of engine evaluations whatif made. Results and how to read them: bench/whatif.md.
#
#   bench/whatif.sh [path/to/borderline] [runs]     (default: build/release/borderline, 11)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/borderline}
runs=${2:-11}
[ -x "$bin" ] || { echo "no binary at $bin (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
python3 - "$bin" "$runs" examples/offshore-lease.yaml examples/h20-china.yaml examples/workload-list.yaml \
  examples/us-health-data-cn-site.yaml tests/cli/inputs/analysis/whatif-hard.yaml <<'PY'
import json, resource, statistics, subprocess, sys, time

binary, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

# Median wall and CPU seconds of one command (CPU time is steadier on a loaded machine).
def median_seconds(args):
    wall, used = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), cpu()
        subprocess.run([binary, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall.append(time.perf_counter() - start)
        used.append(cpu() - start_cpu)
    return statistics.median(wall), statistics.median(used)

print(f"{'input':43} {'wl':>2} {'evals':>5} {'check wall/cpu s':>16} {'whatif wall/cpu s':>17} {'cpu ratio':>9}")
for f in files:
    common = ["--as-of", "2025-09-01", f]
    report = json.loads(subprocess.run([binary, "whatif", "--format", "json", *common],
                                       capture_output=True, text=True).stdout)
    evaluations = sum(r["evaluations"] for r in report["results"])
    check = median_seconds(["check", "--fail-on", "never", *common])
    whatif = median_seconds(["whatif", *common])
    print(f"{f:43} {len(report['results']):>2} {evaluations:>5} {check[0]:>7.3f} / {check[1]:.3f}"
          f" {whatif[0]:>8.3f} / {whatif[1]:.3f} {whatif[1] / check[1]:>9.2f}")
PY
