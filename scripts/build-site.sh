#!/usr/bin/env bash
# Builds the site as cargo-leptos does, one package at a time (never
# --workspace, which would turn on both `ssr` and `hydrate` in `app`):
#
#   the server   cargo build -p server --bin localgoals     (app with ssr)
#   the islands  cargo build -p frontend --target wasm32…    (app with hydrate)
#   then         wasm-bindgen, wasm-opt (release), the stylesheet, the static
#                files, and brotli/gzip copies (release) in target/site
#
#   scripts/build-site.sh                  server and islands in debug (the tests)
#   scripts/build-site.sh --small-islands  debug server, size-optimised islands (run.sh)
#   scripts/build-site.sh --release        release server, size-optimised islands
#
# Size-optimised islands use the `wasm-release` profile, then wasm-opt, and
# get brotli/gzip copies.
#
# Why not `cargo leptos build`: compiling cargo-leptos itself took 19.5
# minutes on 2 cores (measured; docs/benchmarks.md), which alone would use up
# a newcomer's first run. It stays the tool for `cargo leptos watch`
# (`scripts/setup.sh --dev`). Needs wasm-bindgen and wasm-opt on PATH, which
# `scripts/setup.sh` installs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PROFILE="dev"          # the server's cargo profile
RELEASE=0              # 1: size-optimised islands
for arg in "$@"; do
  case "$arg" in
    --small-islands) RELEASE=1 ;;
    --release) PROFILE="release"; RELEASE=1 ;;
    *) echo "build-site.sh: unknown option $arg (use --small-islands or --release)" >&2; exit 2 ;;
  esac
done

OUTPUT_NAME="localgoals"              # = LEPTOS_OUTPUT_NAME in .cargo/config.toml
SITE="target/site"
PKG="$SITE/pkg"
if [ "$RELEASE" -eq 1 ]; then
  FRONT_PROFILE="wasm-release"; FRONT_DIR="wasm-release"
else
  FRONT_PROFILE="wasm-dev"; FRONT_DIR="wasm-dev"
fi
step() { printf '\033[1;34m[site]\033[0m %s\n' "$*" >&2; }

# The two halves at once: on 2 cores each fills the other's stretches where
# one big crate compiles alone. They use separate target folders.
step "building the server ($PROFILE) and the islands ($FRONT_PROFILE)"
cargo build --profile "$PROFILE" -p server --bin localgoals &
server=$!
# Stopping this script (Ctrl-C, a failed step) stops the server build too.
trap 'kill "$server" 2>/dev/null || true' EXIT
front_status=0
cargo build -p frontend --lib --target wasm32-unknown-unknown --no-default-features \
  --profile "$FRONT_PROFILE" --target-dir target/front || front_status=$?
server_status=0
wait "$server" || server_status=$?
trap - EXIT
if [ "$front_status" -ne 0 ] || [ "$server_status" -ne 0 ]; then
  echo "build-site.sh: the build failed (server: $server_status, islands: $front_status)" >&2
  exit 1
fi

step "generating the JS glue (wasm-bindgen)"
mkdir -p "$PKG"
# Compressed copies from an earlier --release build would otherwise be served
# in place of the files about to be written.
rm -f "$PKG"/*.br "$PKG"/*.gz
wasm-bindgen --target web --no-typescript --out-name "$OUTPUT_NAME" --out-dir "$PKG" \
  "target/front/wasm32-unknown-unknown/$FRONT_DIR/frontend.wasm"
# Leptos asks for `localgoals.wasm` when LEPTOS_OUTPUT_NAME is set at build time.
mv -f "$PKG/${OUTPUT_NAME}_bg.wasm" "$PKG/$OUTPUT_NAME.wasm"
if [ "$RELEASE" -eq 1 ]; then
  step "optimising the wasm for size (wasm-opt -Oz)"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$PKG/$OUTPUT_NAME.wasm" -o "$PKG/$OUTPUT_NAME.wasm"
fi

step "copying the stylesheet and static files"
cp app/style/main.css "$PKG/$OUTPUT_NAME.css"
cp -R app/public/. "$SITE/"

if [ "$RELEASE" -eq 1 ]; then
  # Brotli and gzip copies the server sends to browsers that accept them (a
  # first visit is about 4x smaller). Node's zlib does both; Node is already
  # here for binaryen's wasm-opt.
  step "compressing the static files (brotli, gzip)"
  node -e '
    const zlib = require("zlib"), fs = require("fs");
    for (const file of process.argv.slice(1)) {
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(file + ".br", zlib.brotliCompressSync(bytes, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      fs.writeFileSync(file + ".gz", zlib.gzipSync(bytes, { level: 9 }));
    }' "$PKG/$OUTPUT_NAME.wasm" "$PKG/$OUTPUT_NAME.js" "$PKG/$OUTPUT_NAME.css"
fi
step "site ready in $SITE"
