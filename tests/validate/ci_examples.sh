#!/usr/bin/env bash
# Runs the CI examples of examples/ci/ as their pipelines would, in a scratch repository whose
# deploy/ holds the examples: the GitHub Actions report and gate steps, the GitLab job script,
# the pre-commit hook's command, and the sample .borderline.yaml found from a subdirectory.
#
#   tests/validate/ci_examples.sh path/to/borderline
set -u
source "$(dirname "$0")/../lib.sh" "$1" ci-examples
py=/usr/bin/python3

# A scratch consumer repository: manifests under deploy/, borderline on PATH.
repo="$tmp/repo"
mkdir -p "$repo/deploy/apac" "$repo/compliance" "$tmp/bin"
cp examples/*.yaml "$repo/deploy/"
mv "$repo/deploy/offshore-lease.yaml" "$repo/deploy/apac/"
ln -s "$bin" "$tmp/bin/borderline"
export PATH="$tmp/bin:$PATH"

# Every file parses as YAML; prints the `run`/`script` text of a step when asked.
steps() {
  $py - "$@" <<'PY'
import sys, yaml
path, what = sys.argv[1], sys.argv[2]
doc = yaml.safe_load(open(path))
if what == "github":
    for step in doc["jobs"]["check"]["steps"]:
        if step.get("name") == sys.argv[3]:
            print(step["run"])
elif what == "gitlab":
    print("\n".join(doc["borderline"]["script"]))
elif what == "hook":
    hook = doc[0] if isinstance(doc, list) else doc["repos"][0]["hooks"][0]
    assert all(k in hook for k in ("id", "name", "entry", "language")), hook
    print(hook["entry"]); print(hook["files"])
PY
}
for f in examples/ci/*.yml examples/ci/*.yaml .pre-commit-hooks.yaml; do
  if $py -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$f"; then ok; else ko "$f is not valid YAML"; fi
done

# GitHub Actions: the report step writes all three reports, the gate fails on the findings.
summary="$tmp/summary.md"
(cd "$repo" && GITHUB_STEP_SUMMARY="$summary" bash -e -c "$(steps "$root/examples/ci/github-actions.yml" github "Reports (SARIF, JUnit, Markdown)")")
if [ $? = 0 ] && [ -s "$repo/borderline.sarif" ] && [ -s "$repo/borderline-junit.xml" ] && grep -q "^## " "$summary"; then ok
else ko "GitHub Actions report step"; fi
if grep -q '"uri": "deploy/apac/offshore-lease.yaml"' "$repo/borderline.sarif" &&
  $py tests/validate/validate.py json-schema tests/schemas/sarif-2.1.0.json "$repo/borderline.sarif"; then ok
else ko "GitHub Actions SARIF: not valid or not relative to the repository root"; fi
(cd "$repo" && bash -e -c "$(steps "$root/examples/ci/github-actions.yml" github Gate)") >/dev/null
code=$?
if [ $code = 1 ]; then ok; else ko "GitHub Actions gate: exit $code, expected 1 (the examples need review)"; fi
rm -f "$repo"/borderline*

# GitLab CI: the job script leaves its artifacts and fails at the gate.
(cd "$repo" && bash -c "$(steps "$root/examples/ci/gitlab-ci.yml" gitlab)") >/dev/null
code=$?
if [ $code = 1 ] && [ -s "$repo/borderline.sarif" ] && [ -s "$repo/borderline.md" ] &&
  xmllint --noout --schema tests/schemas/jenkins-junit.xsd "$repo/borderline-junit.xml" 2>/dev/null; then ok
else ko "GitLab job: exit $code or missing/invalid artifacts"; fi
rm -f "$repo"/borderline*

# pre-commit: the hook's files pattern matches manifests under deploy/ and its command runs.
mapfile -t hook < <(steps .pre-commit-hooks.yaml hook)
if $py -c 'import re, sys; sys.exit(0 if re.search(sys.argv[1], "deploy/apac/x.yaml") and not re.search(sys.argv[1], "src/x.yaml") else 1)' "${hook[1]}"; then ok
else ko "pre-commit hook files pattern"; fi
(cd "$repo" && ${hook[0]} --fail-on never deploy/eu-inference.yaml deploy/apac/offshore-lease.yaml >/dev/null)
if [ $? = 0 ]; then ok; else ko "pre-commit hook entry '${hook[0]}' does not run"; fi

# The sample config, found upward from a subdirectory; its relative waivers path resolves
# against the config's directory. failOn authorization-required: the REVIEW example passes
# (its GP10 finding is waived until 2026-03-31 anyway), the lease example fails.
cp examples/ci/borderline.yaml "$repo/.borderline.yaml"
cp examples/ci/waivers.yaml "$repo/compliance/waivers.yaml"
(cd "$repo/deploy/apac" && borderline check --as-of 2026-03-31 ../ascend-inference-abroad.yaml >"$tmp/out" 2>&1)
code=$?
if [ $code = 0 ] && grep -q "waived until 2026-03-31" "$tmp/out" && grep -q "(../../compliance/waivers.yaml:" "$tmp/out"; then ok
else ko "config found upward: exit $code"; cat "$tmp/out"; fi
(cd "$repo/deploy/apac" && borderline check --as-of 2026-04-01 ../ascend-inference-abroad.yaml >"$tmp/out" 2>&1)
code=$?
if [ $code = 0 ] && grep -q "expired on 2026-03-31" "$tmp/out"; then ok
else ko "config: expired waiver not reported (exit $code)"; cat "$tmp/out"; fi
(cd "$repo/deploy/apac" && borderline check --as-of 2026-04-01 offshore-lease.yaml >/dev/null 2>&1)
code=$?
if [ $code = 1 ]; then ok; else ko "config failOn: exit $code, expected 1"; fi
(cd "$repo/deploy/apac" && borderline check --no-config --as-of 2026-04-01 ../ascend-inference-abroad.yaml >"$tmp/out" 2>&1)
code=$?
if [ $code = 1 ] && ! grep -q "waived until\|expired on" "$tmp/out"; then ok; else ko "--no-config still read the config (exit $code)"; fi
# An unknown key in a discovered config is an error with its location, whatever the command line.
printf 'apiVersion: borderline/v1\nkind: Config\nfailon: never\n' >"$repo/.borderline.yaml"
(cd "$repo/deploy" && borderline check eu-inference.yaml >/dev/null 2>"$tmp/err")
code=$?
if [ $code = 2 ] && grep -q "^../.borderline.yaml:3:1: error: unknown key 'failon' in config file" "$tmp/err"; then ok
else ko "bad discovered config: exit $code"; cat "$tmp/err"; fi

finish
