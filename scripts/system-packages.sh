#!/usr/bin/env bash
# The Debian packages the project needs outside the editor tests: a C++ toolchain and python3, with which `npm ci`
# builds better-sqlite3 (the sandbox's SQLite) from source, and the `sqlite3` shell, with which the crash-safety
# tests check the sandbox's database file. Run by .ci/run before `npm ci`, and by `npm run test:node` first (a
# test that needs the shell must find it, not skip). Idempotent: when everything is there it only checks.
# csvkit gives `npm run bench` its baseline (`csvclean -n`, a structure-only checker) and `time` (GNU time) the CLI's
# exact peak memory. (The editor tests' own packages, Chromium and the rest, are installed by scripts/editor-env/setup.sh.)
set -euo pipefail

PACKAGES=(build-essential python3 sqlite3 csvkit time)

bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" system-packages "${PACKAGES[@]}"
