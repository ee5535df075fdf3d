#!/usr/bin/env bash
# Validates borderline's reports with independent, real validators:
#   - SARIF against the SARIF 2.1.0 JSON schema (tests/schemas/sarif-2.1.0.json, python3-jsonschema)
#     and with Microsoft's SARIF Multitool, including its GitHub code-scanning ingestion rules;
#   - JUnit XML against the Jenkins JUnit XSD (tests/schemas/jenkins-junit.xsd, xmllint);
#   - the examples against `borderline schema` (draft 2020-12), and the schema against the
#     loader itself: thousands of manifest variants that both must accept or both reject.
# Each validator is first shown a broken document, so a validator that accepts anything fails.
# scripts/install-deps.sh installs the validators (Debian packages and tests/validators/ via npm).
#
#   tests/validate/run.sh path/to/borderline
set -u
source "$(dirname "$0")/../lib.sh" "$1" validate
export DOTNET_CLI_TELEMETRY_OPTOUT=1
py=/usr/bin/python3
multitool=tests/validators/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

missing=()
$py -c 'import jsonschema, yaml' 2>/dev/null || missing+=("python3-jsonschema python3-yaml")
command -v xmllint >/dev/null || missing+=(libxml2-utils)
[ -x "$multitool" ] || missing+=("the SARIF Multitool (npm ci in tests/validators)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "FAIL: validators missing: ${missing[*]}; run scripts/install-deps.sh"
  echo "validate: 0 passed, 1 failed"
  exit 1
fi

examples=(examples/*.yaml examples/*.json)
waivers=tests/cli/inputs/waivers/gp10.yaml

# --- SARIF -------------------------------------------------------------------------------
"$bin" check --as-of 2025-09-01 --fail-on never --format sarif "${examples[@]}" >"$tmp/examples.sarif"
"$bin" check --as-of 2025-09-01 --fail-on never --format sarif --waivers "$waivers" \
  examples/ascend-inference-abroad.yaml examples/offshore-lease.yaml >"$tmp/waived.sarif"
# An expired waiver adds a tool notification with a location.
"$bin" check --as-of 2025-09-02 --fail-on never --format sarif --waivers "$waivers" \
  examples/ascend-inference-abroad.yaml >"$tmp/expired.sarif"
$py -c 'import json,sys; d=json.load(open(sys.argv[1])); d.pop("version"); json.dump(d, open(sys.argv[2], "w"))' \
  "$tmp/examples.sarif" "$tmp/broken.sarif"

if $py tests/validate/validate.py json-schema-invalid tests/schemas/sarif-2.1.0.json "$tmp/broken.sarif"; then ok
else ko "the SARIF schema check accepts a log without 'version'"; fi
for f in examples waived expired; do
  if $py tests/validate/validate.py json-schema tests/schemas/sarif-2.1.0.json "$tmp/$f.sarif"; then ok
  else ko "$f.sarif is not valid against the SARIF 2.1.0 schema"; fi
done

# The Multitool's exit code does not reflect its findings: read its log instead.
multitool() {
  "$multitool" validate "$1" --rule-kind "Sarif;Gh" -o "$2" --log ForceOverwrite >"$tmp/multitool.out" 2>&1
}
$py -c 'import json,sys; d=json.load(open(sys.argv[1])); del d["runs"][0]["results"][0]["locations"]; json.dump(d, open(sys.argv[2], "w"))' \
  "$tmp/examples.sarif" "$tmp/nolocation.sarif"
multitool "$tmp/nolocation.sarif" "$tmp/nolocation.log"
if ! $py tests/validate/validate.py multitool-log "$tmp/nolocation.log" >/dev/null; then ok
else ko "the SARIF Multitool accepts a result without a location"; cat "$tmp/multitool.out"; fi
for f in examples waived expired; do
  if multitool "$tmp/$f.sarif" "$tmp/$f.log" && $py tests/validate/validate.py multitool-log "$tmp/$f.log"; then ok
  else ko "SARIF Multitool (SARIF and GitHub rules) rejects $f.sarif"; cat "$tmp/multitool.out"; fi
done

# --- JUnit -------------------------------------------------------------------------------
"$bin" check --as-of 2025-09-01 --format junit "${examples[@]}" >"$tmp/examples.xml"
"$bin" check --as-of 2025-09-02 --fail-on authorization-required --format junit --waivers "$waivers" \
  "${examples[@]}" >"$tmp/waived.xml"
sed 's/<testcase name="[^"]*"/<testcase/' "$tmp/examples.xml" >"$tmp/broken.xml"
if ! xmllint --noout --schema tests/schemas/jenkins-junit.xsd "$tmp/broken.xml" 2>/dev/null; then ok
else ko "the JUnit XSD accepts a testcase without a name"; fi
for f in examples waived; do
  if xmllint --noout --schema tests/schemas/jenkins-junit.xsd "$tmp/$f.xml" 2>"$tmp/xmllint.out"; then ok
  else ko "$f.xml is not valid against the Jenkins JUnit XSD"; head -20 "$tmp/xmllint.out"; fi
done

# --- manifest JSON Schema ------------------------------------------------------------------
"$bin" schema -o "$tmp/schema.json"
if $py tests/validate/validate.py json-schema "$tmp/schema.json" "${examples[@]}"; then ok
else ko "the examples are not valid against borderline schema"; fi
sed 's/^  purpose:/  purpse:/' examples/offshore-lease.yaml >"$tmp/typo.yaml"
if $py tests/validate/validate.py json-schema-invalid "$tmp/schema.json" "$tmp/typo.yaml"; then ok
else ko "borderline schema accepts a misspelt key"; fi
# The schema and the loader accept and reject the same variants of complete manifests...
mkdir -p "$tmp/variants" "$tmp/tampered"
if $py tests/validate/differential.py "$tmp/schema.json" "$bin" "$tmp/variants"; then ok
else ko "borderline schema and the manifest loader disagree"; fi
# ...and a schema that drifted from the loader (a party's required keys dropped) is caught.
$py -c 'import json,sys; s=json.load(open(sys.argv[1])); del s["$defs"]["Party"]["required"]; json.dump(s, open(sys.argv[2], "w"))' \
  "$tmp/schema.json" "$tmp/tampered.json"
if ! $py tests/validate/differential.py "$tmp/tampered.json" "$bin" "$tmp/tampered" >/dev/null; then ok
else ko "the differential check does not notice a schema that drifted from the loader"; fi

finish
