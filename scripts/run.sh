#!/usr/bin/env bash
# Sets everything up, builds the site and runs the Local Goals dashboard on
# the bundled demo city. The address is printed when the server is ready
# (default http://127.0.0.1:3000/; change it with LEPTOS_SITE_ADDR=host:port).
#
#   scripts/run.sh             a debug server (pages in 5-35 ms) with the
#                              size-optimised islands a browser downloads
#   scripts/run.sh --release   the release server (pages in 1-3 ms); its first
#                              build takes about 25 minutes more on 2 cores
#
# A first run on a fresh 2-core machine takes about 15 minutes
# (measured: docs/benchmarks.md); later runs start in seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PROFILE="dev"; SITE_ARGS=(--small-islands); BIN="target/debug/localgoals"
for arg in "$@"; do
  case "$arg" in
    --release) PROFILE="release"; SITE_ARGS=(--release); BIN="target/release/localgoals" ;;
    *) echo "run.sh: unknown option $arg (use --release)" >&2; exit 2 ;;
  esac
done
export PATH="$ROOT/.tools/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# The server needs no tools beyond cargo: start compiling it now, while setup
# installs wasm-bindgen and wasm-opt (on 2 cores the two fill each other's
# gaps). build-site.sh then finds it built, or waits for it.
mkdir -p target
cargo build --profile "$PROFILE" -p server --bin localgoals > target/run-server-build.log 2>&1 &
early_build=$!
# A failed setup or Ctrl-C stops the early build too.
trap 'kill "$early_build" 2>/dev/null || true' EXIT
scripts/setup.sh
# Builds the islands while the early server build goes on (its own server
# build waits for the early one and then finds nothing left to do).
scripts/build-site.sh "${SITE_ARGS[@]}"
wait "$early_build" || true
trap - EXIT

export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
export LEPTOS_SITE_ROOT="target/site" LEPTOS_SITE_PKG_DIR="pkg" LEPTOS_OUTPUT_NAME="localgoals"
echo "Starting Local Goals at http://$LEPTOS_SITE_ADDR/" >&2
exec "$BIN" serve
