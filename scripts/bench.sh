#!/usr/bin/env bash
# Builds the release app and prints markdown tables: its sizes, paint and readiness times over cold loads at 1x
# and 4x CPU and the redraw after a unit click, beside two peers drawing the same bars (bench/peers/: Chart.js, and a
# bare Yew + plotters page built here); Lighthouse's scores; then the
# import benchmark: a made-up 100,000-row 지방재정365 file imported and grouped natively and as wasm32 in headless
# Chromium. A measurement, not a test. BENCH_LOADS=N cold loads (default 15), BENCH_CLICKS=N clicks (default 30),
# LIGHTHOUSE_RUNS=N Lighthouse runs per page (default 1).
#
#   scripts/bench.sh              # all three
#   scripts/bench.sh app          # the app beside its peer, and Lighthouse
#   scripts/bench.sh lighthouse   # only Lighthouse
#   scripts/bench.sh import       # only the import benchmark
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
what=${1:-all}
case "$what" in
  all | app | lighthouse | import) ;;
  *) echo "usage: $0 [all|app|lighthouse|import]" >&2; exit 2 ;;
esac
scripts/setup.sh

if [[ "$what" != import ]]; then
  echo "bench: trunk build --release" >&2
  trunk build --release >&2
  if [[ "$what" != lighthouse ]]; then
    node scripts/bench.mjs
    echo
  fi
  node scripts/lighthouse.mjs
fi

if [[ "$what" == all || "$what" == import ]]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  echo "bench: import, native (cargo run --release --example bench_import)" >&2
  cargo run --release --quiet --example bench_import >"$out/native"
  echo "bench: import, wasm32 in headless Chromium (cargo test --release --test bench_import)" >&2
  # The test is #[ignore]d so `cargo test` never runs it; its figures come out through the browser's console.
  if ! CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" cargo test --release --target wasm32-unknown-unknown \
    --test bench_import -- --include-ignored --nocapture >"$out/wasm" 2>&1; then
    cat "$out/wasm" >&2
    echo "bench: the wasm import benchmark failed" >&2
    exit 1
  fi
  echo
  grep -v '^SUMMARY' "$out/native"
  echo
  sed -n 's/^.*BENCH \(|.*\)$/\1/p' "$out/wasm"
  echo
  # The issue's aims beside both: figures only, nothing fails on them.
  { grep -h '^SUMMARY' "$out/native"; sed -n 's/^.*BENCH \(SUMMARY.*\)$/\1/p' "$out/wasm"; } | awk '
    BEGIN {
      print "| 100,000 lofin365 rows | import ms (median) | group 분야 × funding ms (median) | memory MiB |"
      print "|---|---:|---:|---:|"
    }
    {
      for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      where = ($2 == "native") ? "native (peak RSS)" : "wasm32, headless Chromium (linear memory)"
      printf "| %s | %s | %s | %s |\n", where, v["import_ms"], v["group_ms"], v["memory_mib"]
    }
    END { print "| aim (issue 8, in the browser) | ≤ 150 | ≤ 10 | ≤ 64 |" }'
fi
