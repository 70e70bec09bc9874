#!/usr/bin/env bash
# Installs everything Local Goals needs to build, run and test, on a fresh
# Debian/Ubuntu machine or a developer's laptop. Idempotent: each step checks
# first, so a second run takes a second or two.
#
#   scripts/setup.sh            toolchain + what builds the site (wasm target,
#                               wasm-bindgen, wasm-opt)
#   scripts/setup.sh --browser  also what the tests need: cargo-nextest,
#                               Chromium + ChromeDriver, poppler-utils (the
#                               report's PDF is read back), PostgreSQL (the
#                               tests start a throwaway server of their own)
#   scripts/setup.sh --dev      also cargo-leptos, for `cargo leptos watch`
#
# Nothing here downloads a prebuilt binary from a project website: tools come
# from crates.io (built from source), the npm registry or Debian's packages, so
# it works behind a registry-only proxy.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"            # project-local tools (git-ignored)
CARGO_LEPTOS_VERSION="0.3.11"
AXE_VERSION="4.14.1"            # npm package: WCAG checks injected into pages by the browser tests
BINARYEN_VERSION="132.0.0"      # npm package; Debian's wasm-opt 108 breaks the wasm at run time
WANT_BROWSER=0
WANT_DEV=0
for arg in "$@"; do
  case "$arg" in
    --browser) WANT_BROWSER=1 ;;
    --dev) WANT_DEV=1 ;;
    *) echo "setup.sh: unknown option $arg (use --browser or --dev)" >&2; exit 2 ;;
  esac
done

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$TOOLS/bin:$PATH"

need_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Rust and the wasm target -------------------------------------------------
if ! command -v cargo >/dev/null; then
  echo "Rust is not installed. Install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Builds crate NAME at VERSION from its crates.io source into ~/.cargo/bin,
# after pinning the given dependencies (because their published lock files
# need a newer rustc or name a yanked crate). Args: NAME VERSION FEATURES PIN...
install_from_source() {
  local name="$1" version="$2" features="$3"; shift 3
  local work; work="$(mktemp -d)"
  mkdir -p "$work/fetch/src"
  printf '[package]\nname = "fetch-%s"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\n%s = "=%s"\n' \
    "$name" "$name" "$version" > "$work/fetch/Cargo.toml"
  touch "$work/fetch/src/lib.rs"
  (cd "$work/fetch" && cargo fetch --quiet)
  local src
  src="$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"$name-$version" | head -1)"
  cp -r "$src" "$work/src"
  (
    cd "$work/src"
    for pin in "$@"; do cargo update --quiet -p "${pin%@*}" --precise "${pin#*@}"; done
    # A build profile for tools, not for speed records: their own release
    # profiles ask for fat LTO on one codegen unit (22 minutes for
    # cargo-leptos on 2 cores). Unoptimised they compile in a fraction of the
    # time, and wasm-bindgen still handles the islands' wasm in about a second.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_DEBUG=false \
    CARGO_PROFILE_RELEASE_INCREMENTAL=false \
      CARGO_TARGET_DIR="$TOOL_TARGET" cargo install --quiet --locked --path . ${features:+--features "$features"}
  )
  rm -rf "$work"
}

# cargo-leptos and wasm-bindgen-cli share a build folder: what they have in
# common (syn, serde, tokio …) is compiled once. Removed when setup ends.
TOOL_TARGET="$(mktemp -d)"
trap 'rm -rf "$TOOL_TARGET"' EXIT

# --- cargo-leptos, for `cargo leptos watch` only (pinned, never downloads) ----
# The two README commands build the site with scripts/build-site.sh instead:
# compiling cargo-leptos took 19.5 minutes here, most of a first run.
if [ "$WANT_DEV" -eq 1 ] && ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION from source (several minutes on 2 cores)"
  # 0.3.11's lock file wants rustc 1.96 through cargo-util-schemas 0.14.2.
  install_from_source cargo-leptos "$CARGO_LEPTOS_VERSION" no_downloads cargo-util-schemas@0.14.1
fi

# --- wasm-bindgen-cli at exactly the version in Cargo.lock --------------------
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"
if [ -z "$WB_VERSION" ]; then echo "setup.sh: no wasm-bindgen in Cargo.lock" >&2; exit 1; fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  log "installing wasm-bindgen-cli $WB_VERSION from source (a minute or two)"
  # Its lock file names webpki-roots 1.0.11, which was yanked.
  install_from_source wasm-bindgen-cli "$WB_VERSION" "" webpki-roots@1.0.10
fi

# --- wasm-opt from npm's binaryen (cargo-leptos uses it for --release) --------
if ! "$TOOLS/bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  if ! command -v npm >/dev/null; then
    log "installing Node.js and npm (for binaryen's wasm-opt)"
    need_root apt-get update -qq
    need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  log "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm into .tools/"
  mkdir -p "$TOOLS/npm" "$TOOLS/bin"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/npm" "binaryen@$BINARYEN_VERSION" >/dev/null
  ln -sf "$TOOLS/npm/node_modules/binaryen/bin/wasm-opt" "$TOOLS/bin/wasm-opt"
fi

# --- axe-core from npm: the browser tests' accessibility checks -------------
if [ "$WANT_BROWSER" -eq 1 ] && ! grep -qs "\"version\": \"$AXE_VERSION\"" "$TOOLS/npm/node_modules/axe-core/package.json"; then
  log "installing axe-core $AXE_VERSION from npm into .tools/"
  mkdir -p "$TOOLS/npm"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/npm" "axe-core@$AXE_VERSION" >/dev/null
fi

# --- cargo-nextest, for the tests: one summary line for the whole run -------
if [ "$WANT_BROWSER" -eq 1 ] && ! cargo nextest --version >/dev/null 2>&1; then
  log "installing cargo-nextest"
  cargo install --quiet --locked cargo-nextest
fi

# --- Chromium + ChromeDriver for the browser tests ----------------------------
if [ "$WANT_BROWSER" -eq 1 ] && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }; then
  log "installing Debian's chromium and chromium-driver"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# --- poppler-utils: the report tests read the PDF back ------------------------
if [ "$WANT_BROWSER" -eq 1 ] && ! { command -v pdftotext >/dev/null && command -v pdffonts >/dev/null; }; then
  log "installing Debian's poppler-utils (pdftotext, pdffonts, pdfinfo)"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

# --- PostgreSQL for the several-replicas tests (never started here) --------
if [ "$WANT_BROWSER" -eq 1 ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
  log "installing Debian's postgresql"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

log "ready: $(wasm-bindgen --version), wasm-opt $("$TOOLS/bin/wasm-opt" --version | awk '{print $3}')$([ "$WANT_DEV" -eq 1 ] && echo ", $(cargo leptos --version)")"
