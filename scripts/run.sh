#!/usr/bin/env bash
# Sets everything up, builds the site and runs the Local Goals dashboard on
# the bundled demo city. The address is printed when the server is ready
# (default http://127.0.0.1:3000/; change it with LEPTOS_SITE_ADDR=host:port).
#
#   scripts/run.sh             the server built with the `quick-release` profile
#   scripts/run.sh --release   the server built with `release` (full speed; the
#                              first build takes twice as long)
#
# A first run on a fresh 2-core machine takes about 15 minutes (measured:
# docs/benchmarks.md); later runs start in seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PROFILE="quick-release"
for arg in "$@"; do
  case "$arg" in
    --release) PROFILE="release" ;;
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
scripts/setup.sh
# Builds the islands while the early server build goes on (its own server
# build waits for the early one and then finds nothing left to do).
scripts/build-site.sh --profile "$PROFILE"
wait "$early_build" || true

export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
export LEPTOS_SITE_ROOT="target/site" LEPTOS_SITE_PKG_DIR="pkg" LEPTOS_OUTPUT_NAME="localgoals"
echo "Starting Local Goals at http://$LEPTOS_SITE_ADDR/" >&2
exec "target/$PROFILE/localgoals" serve
