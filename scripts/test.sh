#!/usr/bin/env bash
# Sets everything up and runs every test: unit, integration (HTTP in-process,
# CLI), and browser tests in Debian's headless Chromium (JavaScript off and on).
# Extra arguments go to `cargo nextest run` (e.g. a test name filter).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh --browser
export PATH="$ROOT/.tools/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
step() { printf '\033[1;34m[test]\033[0m %s\n' "$*" >&2; }

step "checking formatting (cargo fmt --check)"
cargo fmt --all --check

# The wasm build must stay free of polars and of tokio's networking.
step "checking the wasm dependency tree"
wasm_tree="$(cargo tree -p frontend --target wasm32-unknown-unknown -e normal --prefix none)"
forbidden="$(grep -E '^(polars[a-z_-]*|tokio|mio|hyper|axum) ' <<<"$wasm_tree" | sort -u || true)"
if [ -n "$forbidden" ]; then
  echo "the wasm front end depends on server-only crates:" >&2
  echo "$forbidden" >&2
  exit 1
fi

# Lints, with warnings as errors, for every package and feature set: the
# native side as the tests build it (app with ssr), then the wasm side (app
# with hydrate, indicators without its pipeline, the frontend).
step "linting the native side (cargo clippy -D warnings)"
cargo clippy --all-targets -p indicators -p app -p server -p tests --features app/ssr \
  -- -D warnings
step "linting the wasm side (cargo clippy -D warnings)"
cargo clippy --target wasm32-unknown-unknown -p frontend -p app --features app/hydrate \
  -- -D warnings

# The browser tests run the server binary and the site, built as run.sh
# builds them (debug here).
step "building the site and server (scripts/build-site.sh)"
scripts/build-site.sh

# The one-file binary (the site inside it, feature `embed-site`), copied
# aside: the test run below builds target/debug/localgoals again without
# the feature. tests/tests/binary.rs runs the copy alone in an empty folder
# (scripts/deploy-check.sh does the same with the release binary).
step "building the one-file binary (--features embed-site)"
cargo build -p server --bin localgoals --features embed-site
mkdir -p target/deploy
cp target/debug/localgoals target/deploy/localgoals
export LOCALGOALS_DEPLOY_BINARY="$ROOT/target/deploy/localgoals"

# A throwaway PostgreSQL server (Debian's package) for the several-replicas
# tests; stopped and removed however the tests end.
step "starting a throwaway PostgreSQL server (scripts/postgres.sh)"
postgres_env="$(scripts/postgres.sh start)" || { echo "could not start PostgreSQL for the tests" >&2; exit 1; }
eval "$postgres_env"
trap 'scripts/postgres.sh stop "${LOCALGOALS_TEST_POSTGRES_DIR:-}"' EXIT

step "running the tests"
# Per package, never --workspace: that would build `app` with both ssr and
# hydrate. app's ssr feature is the one the server uses.
status=0
cargo nextest run --no-fail-fast \
  -p indicators -p app -p server -p tests --features app/ssr "$@" || status=$?

# The workspace's tests again with PostgreSQL as the store: both storage
# paths pass the same tests. Skipped when a filter was given.
if [ "$#" -eq 0 ]; then
  step "running the workspace's tests on PostgreSQL"
  # The same packages and features as above, so nothing is built again.
  LOCALGOALS_TEST_STORE=postgres cargo nextest run --no-fail-fast \
    -p indicators -p app -p server -p tests --features app/ssr \
    -E 'package(server) & test(/^(staff|people|workspace_flow|metadata|monitoring|authorization)::/)' \
    || status=$?
fi
exit "$status"
