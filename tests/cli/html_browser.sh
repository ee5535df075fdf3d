#!/usr/bin/env bash
# The HTML audit report in a real browser (Debian's headless chromium):
#   - it renders, and its script runs (the workload table is filled, filters and sorting work,
#     driven through the link parameters #q=, #v=, #sort=);
#   - every number it shows equals the JSON report's summary;
#   - the page requests nothing from the network (Chromium's network log, with a control page
#     that does request something, to show the check would see it).
# Skipped (exit 77) when chromium is not installed: scripts/install-deps.sh installs it.
#
#   tests/cli/html_browser.sh path/to/borderline
set -u
source "$(dirname "$0")/../lib.sh" "$1" html
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium is not installed (scripts/install-deps.sh installs it for this test)"
  exit 77
fi

# A page in headless chromium: its DOM after scripts ran, and its network log.
render() {  # url dom netlog
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --user-data-dir="$tmp/profile" \
    --host-resolver-rules="MAP * ~NOTFOUND" --log-net-log="$3" --dump-dom "$1" >"$2" 2>/dev/null
}

python3 bench/generate.py --rows 3000 --seed 5 --csv "$tmp/inv.csv" || exit 1
"$bin" audit --as-of 2025-09-01 --format html --fail-on never -o "$tmp/report.html" "$tmp/inv.csv" &&
  "$bin" audit --as-of 2025-09-01 --format json --fail-on never -o "$tmp/report.json" "$tmp/inv.csv" || exit 1

render "file://$tmp/report.html" "$tmp/dom.html" "$tmp/net.json"
render "file://$tmp/report.html#v=1&sort=name" "$tmp/dom-v1.html" "$tmp/net-v1.json"
rule=us.ear.gp10.ascend
render "file://$tmp/report.html#q=$rule&sort=name&dir=desc" "$tmp/dom-q.html" "$tmp/net-q.json"

check() {
  python3 - "$tmp" "$rule" <<'PY'
import html, json, re, sys
tmp, rule = sys.argv[1], sys.argv[2]
report = json.load(open(tmp + "/report.json"))
summary, results = report["summary"], report["results"]
problems = []

def lookup(path):
    node = summary
    for part in path.split("/"):
        node = node[part]
    return node

dom = open(tmp + "/dom.html").read()
counts = re.findall(r'data-count="([^"]+)"[^>]*>([^<]*)<', dom)
if len(counts) < 20:
    problems.append("only %d counts in the page" % len(counts))
for key, text in counts:
    key = html.unescape(key)
    try:
        expected = lookup(key)
    except (KeyError, TypeError):
        problems.append("page shows %s, which the JSON summary does not have" % key)
        continue
    if int(text.replace(",", "")) != expected:
        problems.append("%s: page %s, JSON %s" % (key, text, expected))
# Every breakdown entry of the JSON is in the page.
shown = {html.unescape(k) for k, _ in counts}
for kind in ("jurisdiction", "regime", "siteCountry", "rule"):
    for name, values in summary["breakdown"][kind].items():
        for status in values:
            if "breakdown/%s/%s/%s" % (kind, name, status) not in shown:
                problems.append("page lacks breakdown/%s/%s/%s" % (kind, name, status))
for verdict in ("workloads", "prohibited", "authorization-required", "review", "allowed"):
    if verdict not in shown:
        problems.append("page lacks the %s total" % verdict)

def table(path):
    page = open(path).read()
    loaded = re.search(r'id="loaded">(\d+)<', page)
    m = re.search(r'id="shown" data-shown="(\d+)" data-matching="(\d+)" data-first="([^"]*)"', page)
    rows = len(re.findall(r'<tr class="w">', page))
    return (int(loaded.group(1)) if loaded else -1), m, rows

loaded, m, rows = table(tmp + "/dom.html")
if loaded != len(results):
    problems.append("table loaded %d rows, JSON has %d results" % (loaded, len(results)))
if not m or int(m.group(2)) != len(results) or rows != min(200, len(results)) or int(m.group(1)) != rows:
    problems.append("unfiltered table: %s, %d rows drawn" % (m and m.groups(), rows))

_, m, rows = table(tmp + "/dom-v1.html")
want = [r["workload"] for r in results if r["verdict"] == "authorization-required"]
if not m or int(m.group(2)) != len(want) or m.group(3) != min(want) or rows != min(200, len(want)):
    problems.append("verdict filter: %s, expected %d rows starting %s" % (m and m.groups(), len(want), min(want)))

_, m, rows = table(tmp + "/dom-q.html")
want = [r["workload"] for r in results
        if any(f["rule"] == rule and f["status"] == "open" for f in r["findings"])]
if len(want) < 5 or not m or int(m.group(2)) != len(want) or m.group(3) != max(want):
    problems.append("text filter %s: %s, expected %d rows starting %s" % (rule, m and m.groups(), len(want), want and max(want)))

for p in problems[:20]:
    print("  " + p)
sys.exit(1 if problems else 0)
PY
}
if check; then ok; else ko "the page does not match the JSON report"; fi

# Requests the page made (Chromium's own background requests are "not an origin").
page_requests() {
  python3 - "$1" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
for e in log["events"]:
    p = e.get("params", {})
    if e["type"] == start and "url" in p and p.get("initiator") != "not an origin":
        print(p.get("url"))
PY
}
for log in net net-v1 net-q; do
  requests=$(page_requests "$tmp/$log.json")
  if [ -z "$requests" ]; then ok; else ko "the report requested: $requests"; fi
done
# Control: the same check sees a page that does fetch something.
sed -e 's|<meta http-equiv="Content-Security-Policy"[^>]*>||' \
  -e 's|</body>|<img src="http://example.invalid/pixel.png"></body>|' "$tmp/report.html" >"$tmp/control.html"
render "file://$tmp/control.html" "$tmp/dom-control.html" "$tmp/net-control.json"
if page_requests "$tmp/net-control.json" | grep -q "example.invalid"; then ok; else ko "the network check does not see a page's requests"; fi

finish
