#!/usr/bin/env bash
# Installs the Debian 12 packages borderline needs to build and test, if any are missing.
# Run as root (or with sudo available). Installs nothing when everything is present.
#
#   scripts/install-deps.sh               everything CI needs: build, tests, validators, fuzzing
#   scripts/install-deps.sh --build-only  only what building the tool needs (README quick start)
set -euo pipefail

build_only=false
case "${1:-}" in
  "") ;;
  --build-only) build_only=true ;;
  *) echo "usage: $0 [--build-only]" >&2; exit 2 ;;
esac

packages=(
  g++ make cmake            # toolchain (CMake >= 3.25 is Debian 12's)
  libcli11-dev              # command line parsing
  libyaml-cpp-dev           # YAML (and JSON) input with line/column marks
  libfmt-dev                # formatting
  nlohmann-json3-dev        # JSON output
  libssl-dev                # SHA-256 of rule packs (OpenSSL libcrypto)
  libre2-dev pkg-config     # `matches` in rules: linear-time regular expressions (RE2)
)
$build_only || packages+=(
  catch2                    # unit tests (Catch2 v2)
  python3                   # command-line tests generate hostile inputs
  python3-jsonschema python3-yaml  # tests/validate: JSON Schema checks (SARIF, manifests)
  libxml2-utils             # tests/validate: xmllint checks JUnit XML against its XSD
  chromium                  # tests only: the HTML audit report is checked in a real browser
  clang libclang-rt-14-dev  # CI only: the fuzz preset (libFuzzer and the sanitizer runtimes
                            # are in libclang-rt, which clang only recommends)
)

# npm, for the SARIF validator below, unless Node.js already brings it.
$build_only || command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

$build_only && exit 0

# Microsoft's SARIF Multitool (npm, pinned in tests/validators/package-lock.json): tests/validate
# runs its SARIF and GitHub code-scanning rules on our SARIF. It ships a self-contained binary;
# its postinstall script only marks that executable, which we do here instead of running scripts.
validators="$(cd "$(dirname "$0")/.." && pwd)/tests/validators"
multitool="$validators/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -e "$multitool" ] || [ "$validators/package-lock.json" -nt "$multitool" ]; then
  echo "installing: SARIF Multitool (npm ci in tests/validators)" >&2
  npm ci --prefix "$validators" --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
  touch "$multitool"
fi
chmod u+x "$multitool"
