#!/usr/bin/env bash
# Installs what is missing, then serves the release build at http://127.0.0.1:8080 with reload.
# Extra arguments go to `trunk serve` (e.g. --port 8081).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
scripts/setup.sh
exec trunk serve --release "$@"
