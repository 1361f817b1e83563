#!/usr/bin/env bash
# Builds the release app and prints a markdown table of its sizes and time to first chart.
# A measurement, not a test. BENCH_LOADS=N changes the number of cold loads (default 7).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
scripts/setup.sh
echo "bench: trunk build --release" >&2
trunk build --release >&2
node scripts/bench.mjs
