# shellcheck shell=bash
# Common environment for the project's scripts: `source scripts/env.sh` from any of them.
# Puts the repo's npm tools (wasm-opt from binaryen@132) before /usr/bin, where Debian's
# older binaryen could otherwise shadow it, and cargo-installed tools (trunk, wasm-bindgen) on PATH.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  "$REPO_ROOT/node_modules/.bin:$CARGO_BIN:"*) ;;
  *) export PATH="$REPO_ROOT/node_modules/.bin:$CARGO_BIN:$PATH" ;;
esac

# wasm-bindgen-test-runner reads browser capabilities from here (default: ./webdriver.json in its cwd).
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="${WASM_BINDGEN_TEST_WEBDRIVER_JSON:-$REPO_ROOT/webdriver.json}"
