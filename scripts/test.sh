#!/usr/bin/env bash
# Every check the project has, in order, stopping at the first failure: format, lints (native and
# wasm32), native tests, browser component tests, release build, end-to-end tests on that build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

START=$SECONDS
section() { printf '\n=== %s  [%d s]\n' "$*" "$((SECONDS - START))"; }

section "setup"
scripts/setup.sh

section "cargo fmt --check"
cargo fmt --check

section "cargo clippy (native)"
cargo clippy --all-targets -- -D warnings

section "cargo clippy (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

section "cargo test (native)"
cargo test

section "cargo test (wasm32, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown

section "trunk build --release"
trunk build --release

section "end-to-end tests (node --test, Chromium)"
# Last, so the runner's own summary (# pass N / # fail 0) closes the output.
node --test tests/e2e/*.test.mjs
