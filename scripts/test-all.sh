#!/usr/bin/env bash
# `npm test`: every suite, in the order that fails fastest. The two editor environments (code-server for the
# newest VS Code and for 1.82, minutes on a fresh machine: downloads, then native modules compiled on one core) are
# set up in the background while the Node tests run, which use about one core; each install's output is printed
# when it is needed. A failure anywhere fails the run, and background installs are stopped with it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p artifacts

declare -A pids=()
stop_background() {
  for pid in "${pids[@]}"; do kill -- "$pid" 2>/dev/null || true; done
}
trap stop_background EXIT

start_install() {
  local name=$1
  shift
  "$@" >"artifacts/$name.log" 2>&1 &
  pids[$name]=$!
}

finish_install() {
  local name=$1 status=0
  wait "${pids[$name]}" || status=$?
  unset "pids[$name]"
  sed "s/^/[$name] /" "artifacts/$name.log"
  if ((status != 0)); then
    echo "test-all: $name failed (exit $status); its output is above and in artifacts/$name.log" >&2
    exit "$status"
  fi
}

start_install editor-env npm run --silent editor-env
start_install editor-env-oldest npm run --silent editor-env:oldest

npm run test:node
npm run test:package

finish_install editor-env
npm run test:editor
# The browser tests install the VSIX into both versions.
finish_install editor-env-oldest
npm run test:browser
npm run test:editor:oldest
