#!/usr/bin/env bash
# The server's resident memory on a release: starts `localgoals serve
# --no-build` on DATA_DIR's current release, asks for /healthz, the home page
# and an indicator page, and prints the time to start, each answer's status
# and time, and the resident memory (VmRSS now, VmHWM the peak) after each.
#
#   scripts/bench-serve-memory.sh DATA_DIR INDICATOR_ID [LOCALGOALS_BINARY]
#
# Build a large release first, e.g. (see docs/benchmarks.md):
#   target/release/examples/bench_build synth /tmp/s1e8 100000000 2500000
#   target/release/examples/bench_build build /tmp/s1e8 /tmp/d1e8
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:?usage: bench-serve-memory.sh DATA_DIR INDICATOR_ID [BINARY]}"
indicator="${2:?an indicator id of the release}"
bin="${3:-$ROOT/target/release/localgoals}"
[ -x "$bin" ] || { echo "no $bin: run cargo build --release -p server first" >&2; exit 1; }
port=$(( 20000 + RANDOM % 20000 ))
memory() {
  awk '/^VmRSS|^VmHWM/ { printf "%s %d MiB  ", $1, $2 / 1024 }' "/proc/$pid/status"
}
start=$(date +%s%N)
LEPTOS_SITE_ROOT="$ROOT/target/site" RUST_LOG=warn \
  "$bin" --data "$data" serve --no-build --addr "127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { echo "the server stopped" >&2; exit 1; }
  sleep 0.5
done
printf 'started in %d ms; ' "$(( ($(date +%s%N) - start) / 1000000 ))"
memory; echo
for path in /healthz / "/indicators/$indicator"; do
  printf '%-32s ' "$path"
  curl -s -o /dev/null -w 'HTTP %{http_code} in %{time_total} s; ' "http://127.0.0.1:$port$path"
  memory; echo
done
