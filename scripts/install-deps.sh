#!/usr/bin/env bash
# Installs the Debian 12 packages borderline needs to build and test, if any are missing.
# Run as root (or with sudo available). Installs nothing when everything is present.
set -euo pipefail

packages=(
  g++ make cmake            # toolchain (CMake >= 3.25 is Debian 12's)
  libcli11-dev              # command line parsing
  libyaml-cpp-dev           # YAML (and JSON) input with line/column marks
  libfmt-dev                # formatting
  nlohmann-json3-dev        # JSON output
  libssl-dev                # SHA-256 of rule packs (OpenSSL libcrypto)
  catch2                    # unit tests (Catch2 v2)
  python3                   # command-line tests generate hostile inputs
  chromium                  # tests only: the HTML audit report is checked in a real browser
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
