#!/usr/bin/env bash
# Builds the release binary with the site inside it, as docs/deploy.md
# describes, and checks the deployment promise: copied alone into an empty
# folder with a dataset, it serves the site, and the wasm arrives compressed
# with a year-long cache header (tests/tests/binary.rs).
#
# The release build takes about 25 minutes on 2 cores; scripts/test.sh runs
# the same test on the debug binary.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.tools/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
step() { printf '\033[1;34m[deploy-check]\033[0m %s\n' "$*" >&2; }

step "building the site, size-optimised (scripts/build-site.sh --release)"
scripts/build-site.sh --release
step "building the release binary with the site inside (--features embed-site)"
cargo build --release -p server --bin localgoals --features embed-site
ls -lh target/release/localgoals >&2
step "running the copied binary alone in an empty folder"
LOCALGOALS_DEPLOY_BINARY="$ROOT/target/release/localgoals" \
  cargo nextest run -p tests -E 'binary(binary)' "$@"
step "target/release/localgoals is ready to deploy (docs/deploy.md)"
