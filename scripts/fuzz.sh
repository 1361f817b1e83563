#!/usr/bin/env bash
# Fuzzes the importers with cargo-fuzz (libFuzzer) on the nightly toolchain. Not part of CI: CI replays the committed
# corpus instead (tests/fuzz_corpus.rs). Installs cargo-fuzz if it is missing.
#
#   scripts/fuzz.sh TARGET SECONDS     # one target: project, lofin365, fdp, csv or handover
#   scripts/fuzz.sh all SECONDS        # every target, SECONDS each
#   scripts/fuzz.sh install            # only install cargo-fuzz
#   scripts/fuzz.sh keep TARGET [N]    # copy into fuzz/corpus/TARGET/ at most N (default 40) inputs of fuzz/work/TARGET/
#                                      # that add the most coverage to the committed ones
#
# Seeds come from fuzz/corpus/TARGET/ (committed, read only here); what libFuzzer finds goes to fuzz/work/TARGET/
# (not committed) and crashes to fuzz/artifacts/TARGET/. A crash input can be replayed with
#   cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-...   (from the repo root)
# and, once copied into fuzz/corpus/TARGET/, by `cargo test --test fuzz_corpus`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

TARGETS=(project lofin365 fdp csv handover)
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
    -max_total_time="$seconds" -max_len=4000 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
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

# keep TARGET N: copies into the committed corpus at most N inputs of the work corpus that add coverage, greedily, in
# rounds of up to 10: each round merges the work corpus onto the committed one (libFuzzer runs the committed inputs
# first, then the rest by size, and its control file lists the coverage edges each input was first to reach) and
# takes the inputs that reached the most new edges. Names stay libFuzzer's (the content's SHA-1). Prints the edges
# covered before and after, and by everything found.
keep() {
  local target=$1 max=$2 kept=0 round
  local merged="fuzz/work/$target.keep" control="fuzz/work/$target.keep.control"
  # One round more than needed: the last one only measures.
  for round in $(seq 1 $(((max + 9) / 10 + 1))); do
    rm -rf "$merged" "$control"
    mkdir -p "$merged"
    cp "fuzz/corpus/$target/"* "$merged/"
    cargo +nightly fuzz run --fuzz-dir fuzz "$target" "$merged" "fuzz/work/$target" -- \
      -merge=1 -merge_control_file="$control" -max_len=4000 -timeout=10 >"fuzz/work/$target.keep.log" 2>&1
    local take=$((max - kept < 10 ? max - kept : 10)) got
    got=$(python3 - "$control" "fuzz/corpus/$target" "$take" <<'PY'
import os, shutil, sys
control, corpus, take = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(control).read().split("\n")
count, first = int(lines[0]), int(lines[1])
files = lines[2:2 + count]
new, covered, committed = {}, set(), set()
for line in lines[2 + count:]:
    parts = line.split()
    if len(parts) >= 2 and parts[0] == "COV":
        i, edges = int(parts[1]), set(parts[2:])
        new[i] = len(edges - covered)
        covered |= edges
        if i < first:
            committed |= edges
present = set(os.listdir(corpus))
candidates = [i for i in range(first, count)
              if new.get(i, 0) > 0 and os.path.basename(files[i]) not in present
              and os.path.getsize(files[i]) < 4000]
candidates.sort(key=lambda i: (-new[i], os.path.getsize(files[i])))
for i in candidates[:take]:
    shutil.copy(files[i], os.path.join(corpus, os.path.basename(files[i])))
print(len(candidates[:take]), len(committed), len(covered))
PY
)
    read -r n before everything <<<"$got"
    log "$target round $round: edges $before committed, $everything with everything found; kept $n more"
    kept=$((kept + n))
    ((n > 0)) || break
  done
}

case "${1:-}" in
  install) install ;;
  keep)
    install
    [[ $# -ge 2 ]] || { echo "usage: $0 keep TARGET [N]" >&2; exit 2; }
    keep "$2" "${3:-40}"
    ;;
  all)
    install
    [[ $# -eq 2 ]] || { echo "usage: $0 all SECONDS" >&2; exit 2; }
    echo '| target | seconds | runs | execs/s | work corpus (files) | new crashes | exit |'
    echo '|---|---:|---:|---:|---:|---:|---:|'
    for t in "${TARGETS[@]}"; do run "$t" "$2"; done
    ;;
  project | lofin365 | fdp | csv | handover)
    install
    [[ $# -eq 2 ]] || { echo "usage: $0 TARGET SECONDS" >&2; exit 2; }
    echo '| target | seconds | runs | execs/s | work corpus (files) | new crashes | exit |'
    echo '|---|---:|---:|---:|---:|---:|---:|'
    run "$1" "$2"
    ;;
  *)
    echo "usage: $0 {project|lofin365|fdp|csv|all} SECONDS  |  $0 keep TARGET [N]  |  $0 install" >&2
    exit 2
    ;;
esac
