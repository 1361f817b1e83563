#!/usr/bin/env bash
# Fuzzes the importers with cargo-fuzz (libFuzzer) on the nightly toolchain. Not part of CI: CI replays the committed
# corpus instead (tests/fuzz_corpus.rs). Installs cargo-fuzz if it is missing.
#
#   scripts/fuzz.sh TARGET SECONDS     # one target: project, lofin365, fdp or csv
#   scripts/fuzz.sh all SECONDS        # every target, SECONDS each
#   scripts/fuzz.sh install            # only install cargo-fuzz
#
# Seeds come from fuzz/corpus/TARGET/ (committed, read only here); what libFuzzer finds goes to fuzz/work/TARGET/
# (not committed) and crashes to fuzz/artifacts/TARGET/. A crash input can be replayed with
#   cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-...   (from the repo root)
# and, once copied into fuzz/corpus/TARGET/, by `cargo test --test fuzz_corpus`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

TARGETS=(project lofin365 fdp csv)
CARGO_FUZZ_VERSION=0.13.2

log() { printf 'fuzz: %s\n' "$*" >&2; }

install() {
  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal >&2
  if [[ "$(cargo fuzz --version 2>/dev/null || true)" == "cargo-fuzz $CARGO_FUZZ_VERSION"* ]]; then
    return
  fi
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked >&2
}

# run TARGET SECONDS: prints one summary line (target, seconds, runs, execs/s, corpus, crashes) on stdout.
run() {
  local target=$1 seconds=$2 log_file
  mkdir -p "fuzz/work/$target" "fuzz/artifacts/$target"
  log_file="fuzz/work/$target.log"
  local before
  before=$(find "fuzz/artifacts/$target" -type f | wc -l)
  log "$target: ${seconds}s (log: $log_file)"
  # -max_len: the seeds are < 4 KB and the bugs worth finding need no more; -timeout catches a slow (quadratic)
  # path as a crash; the first corpus directory is where libFuzzer writes, the committed seeds are only read.
  set +e
  cargo +nightly fuzz run --fuzz-dir fuzz "$target" "fuzz/work/$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$log_file" 2>&1
  local rc=$?
  set -e
  local runs execs after
  runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log_file")
  execs=$(awk '/stat::average_exec_per_sec/ { print $2 }' "$log_file")
  after=$(find "fuzz/artifacts/$target" -type f | wc -l)
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$target" "$seconds" "${runs:-?}" "${execs:-?}" \
    "$(find "fuzz/work/$target" -type f | wc -l)" "$((after - before))" "$rc"
  if ((rc != 0)); then
    log "$target: libFuzzer exited $rc; the panic:"
    grep -m5 -E "panicked at|ERROR: libFuzzer|SUMMARY" "$log_file" >&2 || true
  fi
}

case "${1:-}" in
  install) install ;;
  all)
    install
    [[ $# -eq 2 ]] || { echo "usage: $0 all SECONDS" >&2; exit 2; }
    echo '| target | seconds | runs | execs/s | work corpus (files) | new crashes | exit |'
    echo '|---|---:|---:|---:|---:|---:|---:|'
    for t in "${TARGETS[@]}"; do run "$t" "$2"; done
    ;;
  project | lofin365 | fdp | csv)
    install
    [[ $# -eq 2 ]] || { echo "usage: $0 TARGET SECONDS" >&2; exit 2; }
    echo '| target | seconds | runs | execs/s | work corpus (files) | new crashes | exit |'
    echo '|---|---:|---:|---:|---:|---:|---:|'
    run "$1" "$2"
    ;;
  *)
    echo "usage: $0 {project|lofin365|fdp|csv|all} SECONDS  |  $0 install" >&2
    exit 2
    ;;
esac
