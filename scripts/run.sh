#!/usr/bin/env bash
# Sets everything up, then builds and runs the Local Goals dashboard on the
# bundled demo city. The address is printed when the server is ready
# (default http://127.0.0.1:3000/; change it with LEPTOS_SITE_ADDR=host:port).
#
# The first run builds everything in release mode (about 15 minutes on 2
# cores); later runs take seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh
export PATH="$ROOT/.tools/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
echo "Building Local Goals; it will be served at http://$LEPTOS_SITE_ADDR/" >&2
# --precompress writes brotli and gzip copies of the wasm, JS and CSS, which
# the server sends to browsers that accept them (a first visit is ~4x smaller).
exec cargo leptos serve --release --precompress
