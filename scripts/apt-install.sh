#!/usr/bin/env bash
# Installs the Debian packages named that are not installed yet, one install at a time on this machine: the
# editor environments for two VS Code versions are set up side by side by `npm test`, and two apt-get runs at once
# would fail on dpkg's lock. Idempotent: with every package present it only checks.
# usage: bash scripts/apt-install.sh LABEL PACKAGE...
set -euo pipefail
label=$1
shift
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
((${#missing[@]})) || exit 0

sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
exec 8>"${TMPDIR:-/tmp}/subscriber-csv-apt.lock"
flock 8
# Another run may have installed them while this one waited.
still=()
for pkg in "${missing[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || still+=("$pkg")
done
((${#still[@]})) || exit 0
echo "$label: apt-get install ${still[*]}"
"${sudo_cmd[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${still[@]}"
