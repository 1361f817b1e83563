#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping what is already there at the right
# version, so it is safe (and quick) to run before every build. Works on a fresh Debian 12 machine
# that reaches only the package registries. Messages go to stderr; stdout stays clean.
#
#   scripts/setup.sh            # then: source scripts/env.sh (the other scripts do both)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

TRUNK_VERSION=0.21.14
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk brotli)
WASM_OPT_VERSION=version_132

log() { printf 'setup: %s\n' "$*" >&2; }
# step NAME CMD...: runs one step and reports how long it took.
now_ms() { date +%s%3N; }
step() {
  local name=$1 start
  start=$(now_ms)
  shift
  STATUS=done
  "$@"
  log "$name: $STATUS ($(($(now_ms) - start)) ms)"
}

wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    STATUS=present
  else
    rustup target add wasm32-unknown-unknown >&2
    STATUS=added
  fi
}

lockfile() {
  STATUS=present
  [[ -f Cargo.lock ]] || { cargo generate-lockfile >&2; STATUS=generated; }
}

trunk_tool() {
  if [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]]; then
    STATUS="$TRUNK_VERSION present"
  else
    # Unoptimised (--debug) and without debug information: Trunk only runs cargo, wasm-bindgen, wasm-opt and
    # the hooks and copies files, so its own speed does not show (a release build of this app: 28.9 s with it,
    # 30.0 s with an optimised one), and what it writes is the same, byte for byte. Measured on 2 cores, the
    # crates already downloaded: it installs in 300 s (88 MB), against 533 s optimised without LTO and 656 s
    # with Trunk's own fat LTO.
    CARGO_PROFILE_DEV_DEBUG=false cargo install trunk --version "$TRUNK_VERSION" --locked --debug >&2
    STATUS="$TRUNK_VERSION installed"
  fi
}

# The CLI must equal the wasm-bindgen library in Cargo.lock byte for byte.
wasm_bindgen_tool() {
  local v
  v=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  [[ -n "$v" ]] || { echo "setup: no wasm-bindgen entry in Cargo.lock" >&2; return 1; }
  if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $v" &&
        "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" == *" $v" ]]; then
    STATUS="$v present"
  else
    # Not --locked: its own lock pins a webpki-roots version the registry here lacks. Optimised, unlike
    # Trunk: unoptimised it installs in 106 s instead of 234, but its test runner then takes 107–113 s over
    # the wasm32 tests instead of 29 (measured), on every test run.
    cargo install wasm-bindgen-cli --version "$v" --force >&2
    STATUS="$v installed"
  fi
}

apt_packages() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" == installed ]] || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    STATUS=present
    return
  fi
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${APT_PACKAGES[@]}" >&2
  STATUS="installed ${missing[*]}"
}

# node_modules is stale when package.json or the lock changed after npm last wrote it.
npm_packages() {
  command -v npm >/dev/null || { echo "setup: npm not found (Node.js >= 20 is needed)" >&2; return 1; }
  local stamp=node_modules/.package-lock.json
  if [[ -f "$stamp" && ! package.json -nt "$stamp" &&
        ! ( -f package-lock.json && package-lock.json -nt "$stamp" ) &&
        "$(node_modules/.bin/wasm-opt --version 2>/dev/null || true)" == *"($WASM_OPT_VERSION)"* ]]; then
    STATUS="up to date"
    return
  fi
  # --loglevel=error: @axe-core/playwright 4.14 declares node >= 22.12 but works on Node 20 (ESM import);
  # its EBADENGINE warning is noise here.
  if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund --loglevel=error >&2
    STATUS="npm ci"
  else
    npm install --no-audit --no-fund --loglevel=error >&2
    STATUS="npm install"
  fi
  [[ "$(node_modules/.bin/wasm-opt --version)" == *"($WASM_OPT_VERSION)"* ]] ||
    { echo "setup: node_modules/.bin/wasm-opt is not $WASM_OPT_VERSION" >&2; return 1; }
}

total=$(now_ms)
step "rust wasm32 target" wasm_target
step "Cargo.lock" lockfile
step "apt packages" apt_packages
step "npm packages" npm_packages
step "trunk" trunk_tool
step "wasm-bindgen-cli" wasm_bindgen_tool
step "cargo fetch" cargo fetch --quiet
log "ready in $(($(now_ms) - total)) ms"
