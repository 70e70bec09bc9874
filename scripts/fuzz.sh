#!/usr/bin/env bash
# Fuzzes the readers users' uploads reach (cargo-fuzz, libFuzzer), on stable
# Rust. docs/fuzzing.md says what each target reaches and what stable needs.
#
#   scripts/fuzz.sh [--time SECONDS | --runs N] [--asan] [TARGET...]
#
# Without targets, every target runs, one after another, each for --time
# seconds (default 60) or --runs executions, on one core. The corpus grows in
# tests/fuzz/corpus/<target>/ and is kept: a later run continues from it.
# Each run's executions are added to tests/fuzz/executions.tsv, and the totals
# per target are printed at the end. A crash leaves its input in
# tests/fuzz/artifacts/<target>/ and makes the script exit 1.
#
#   --asan   build with AddressSanitizer (needs RUSTC_BOOTSTRAP=1 on stable,
#            which the script sets; a separate, slower build)
#   --seed   only (re)seed the corpora from the fixtures, then stop
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/tests/fuzz"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
TARGETS_ALL=(observations catalogue opensdg_meta xlsx upload)
CARGO_FUZZ_VERSION=0.13.2
step() { printf '\033[1;34m[fuzz]\033[0m %s\n' "$*" >&2; }

time_s=60 runs="" sanitizer=none seed_only=0 targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) time_s="$2"; runs=""; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --asan) sanitizer=address; shift ;;
    --seed) seed_only=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${TARGETS_ALL[@]}")
for t in "${targets[@]}"; do
  [[ " ${TARGETS_ALL[*]} " == *" $t "* ]] || { echo "no fuzz target $t (one of: ${TARGETS_ALL[*]})" >&2; exit 2; }
done

# --- seeds: the repository's fixtures, copied in under their own names -----
seed() { # seed TARGET FILE...
  local dir="$FUZZ/corpus/$1"; shift
  mkdir -p "$dir"
  local f
  for f in "$@"; do
    [ -f "$f" ] && cp -n "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
  return 0
}
# `seed` for file names read one a line (names with spaces stay whole).
seed_lines() { local files; mapfile -t files; seed "$1" "${files[@]}"; }
# The hostile files whose names match an extended regex, one a line.
pick() { printf '%s\n' "${hostile[@]}" | grep -Ei "$1" || true; }
# A multipart body as a browser sends the upload form (boundary fixed in
# fuzz_targets/upload.rs): the CSRF token first, then the file.
multipart() { # multipart NAME FILE TOKEN > body
  printf -- '--localgoalsfuzz\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n%s\r\n' "$3"
  printf -- '--localgoalsfuzz\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\nContent-Type: application/octet-stream\r\n\r\n' "$1"
  cat "$2"
  printf -- '\r\n--localgoalsfuzz--\r\n'
}
seed_all() {
  cd "$ROOT"
  local real; real="$FUZZ/target/real-data"
  if [ ! -d "$real/canada_cif" ]; then
    mkdir -p "$real"
    zstd -dc indicators/tests/fixtures/real-data.tar.zst | tar -x -C "$real"
  fi
  # Every hostile-input file the repository keeps (issue 17) seeds too.
  local dirs; mapfile -t dirs < <(find . -path ./target -prune -o -path ./tests/fuzz -prune -o \
    -type d -name hostile -print)
  # (not its test code, and nothing over 1 MB: libFuzzer reads 64 KB of each)
  mapfile -t hostile < <([ ${#dirs[@]} -eq 0 ] || find "${dirs[@]}" -type f ! -name '*.rs' -size -1024k | sort)
  # (awk 'NR <= n', never head: head stops reading early, the writer dies of
  # SIGPIPE and pipefail made the whole script exit 141 on a second run.)
  local small_data; mapfile -t small_data < <(find "$real" -path '*/data/*' -name '*.csv' -size -6k | sort | awk 'NR <= 40')
  seed observations indicators/demo-city/observations/* server/tests/fixtures/*/observations/* \
    indicators/tests/fixtures/progress-vectors/indicator_level.csv "${small_data[@]}"
  pick '\.(csv|tsv|txt)$' | seed_lines observations
  find indicators server tests -path tests/fuzz -prune -o -name '*.xlsx' -print | seed_lines xlsx
  pick '\.(xlsx|xlsm|zip)$' | seed_lines xlsx
  # The xlsx target's XML form (fuzz_targets/xlsx.rs): each demo observation
  # CSV as sheet XML, every other one with its text in shared strings.
  python3 - "$FUZZ/corpus/xlsx" indicators/demo-city/observations/*.csv \
    server/tests/fixtures/*/observations/*.csv <<'PY'
import csv, os, sys, zipfile
from xml.sax.saxutils import escape
out = sys.argv[1]
def col(n):
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s
for i, path in enumerate(sys.argv[2:]):
    target = os.path.join(out, "seed-xml-" + os.path.basename(path) + ".xml")
    if os.path.exists(target):
        continue
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        dialect = csv.Sniffer().sniff(text[:2000], ",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(text.splitlines(), dialect))[:40]
    shared, index, xml_rows = [], {}, []
    for r, row in enumerate(rows, 1):
        cells = []
        for c, cell in enumerate(row):
            ref = f"{col(c)}{r}"
            try:
                float(cell)
                cells.append(f'<c r="{ref}"><v>{cell}</v></c>')
            except ValueError:
                if i % 2:
                    k = index.setdefault(cell, len(index))
                    if k == len(shared):
                        shared.append(cell)
                    cells.append(f'<c r="{ref}" t="s"><v>{k}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(cell)}</t></is></c>')
        xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(xml_rows) + '</sheetData></worksheet>').encode()
    if i % 2:
        sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               + "".join(f"<si><t>{escape(t)}</t></si>" for t in shared) + "</sst>").encode()
        sheet += b"\0" + sst
    with open(target, "wb") as f:
        f.write(sheet)
    if i == 0:
        with zipfile.ZipFile(os.path.join(out, "..", "..", "..", "..", "indicators/demo-city/observations/governance.xlsx")) as z:
            with open(os.path.join(out, "seed-xml-governance.xml"), "wb") as f:
                f.write(z.read("xl/worksheets/sheet1.xml"))
PY
  seed catalogue indicators/demo-city/catalogue.csv indicators/demo-city/areas.csv \
    server/tests/fixtures/*/catalogue.csv
  pick 'catalogue' | seed_lines catalogue
  find "$real" -path '*/meta/*' -name '*.md' | sort | awk 'NR <= 60' | seed_lines opensdg_meta
  find "$real" -path '*translations*' -name '*.yml' | sort | awk 'NR <= 5' | seed_lines opensdg_meta
  local dir="$FUZZ/corpus/upload" f name
  mkdir -p "$dir"
  for f in indicators/demo-city/observations/budget.csv indicators/demo-city/observations/governance.xlsx \
    indicators/demo-city/catalogue.csv indicators/demo-city/groups.csv \
    server/tests/fixtures/rights-uploads/* server/tests/fixtures/wijken/observations/wijken.csv \
    "${hostile[@]}"; do
    [ -f "$f" ] || continue
    name="$(basename "$f")"
    [ -e "$dir/seed-$name" ] || multipart "$name" "$f" token > "$dir/seed-$name"
  done
  # The refusals: a wrong token, a name with a folder, a name of no kind.
  [ -e "$dir/seed-bad-token" ] || multipart budget.csv indicators/demo-city/observations/budget.csv nope > "$dir/seed-bad-token"
  [ -e "$dir/seed-folder-name" ] || multipart ../budget.csv indicators/demo-city/observations/budget.csv token > "$dir/seed-folder-name"
  [ -e "$dir/seed-pdf" ] || multipart report.pdf indicators/demo-city/observations/budget.csv token > "$dir/seed-pdf"
  # Every kept crash input runs again first.
  local t
  for t in "${TARGETS_ALL[@]}"; do
    [ -d "$FUZZ/regressions/$t" ] && seed "$t" "$FUZZ/regressions/$t"/*
  done
  return 0
}

step "seeding tests/fuzz/corpus/ from the fixtures"
seed_all
for t in "${targets[@]}"; do
  printf '  %-14s %s seed/corpus files\n' "$t" "$(find "$FUZZ/corpus/$t" -type f | wc -l)" >&2
done
[ "$seed_only" = 0 ] || exit 0

# --- cargo-fuzz -------------------------------------------------------------
if ! cargo fuzz --version >/dev/null 2>&1; then
  step "installing cargo-fuzz $CARGO_FUZZ_VERSION (cargo install --locked)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
# --sanitizer none passes only -C flags, which stable rustc takes; ASan
# passes -Zsanitizer=address, which stable takes only with RUSTC_BOOTSTRAP=1.
# 16 codegen units: cargo-fuzz's default of 1 makes polars' crates build
# for most of an hour on 2 cores (runs are somewhat slower for it).
build_flags=(--sanitizer "$sanitizer" --codegen-units 16)
[ "$sanitizer" = none ] || export RUSTC_BOOTSTRAP=1
cd "$FUZZ"
step "building the fuzz targets (release, instrumented; the first build takes long)"
cargo fuzz build "${build_flags[@]}" >&2

# Polars and the observation reader run on one thread: one core per run.
export POLARS_MAX_THREADS=1 RAYON_NUM_THREADS=1
ledger="$FUZZ/executions.tsv"
[ -f "$ledger" ] || printf 'date\ttarget\texecutions\tseconds\texec_per_s\tcrashes\tsanitizer\n' > "$ledger"
mkdir -p "$FUZZ/logs"
failed=0
for t in "${targets[@]}"; do
  log="$FUZZ/logs/$t-$(date -u +%Y%m%dT%H%M%SZ).log"
  if [ -n "$runs" ]; then limit=(-runs="$runs"); else limit=(-max_total_time="$time_s"); fi
  step "fuzzing $t (${limit[*]}), log in ${log#"$ROOT"/}"
  started=$(date +%s)
  set +e
  cargo fuzz run "${build_flags[@]}" "$t" -- "${limit[@]}" -print_final_stats=1 \
    -timeout=60 -rss_limit_mb=4096 -max_len=65536 >"$log" 2>&1
  status=$?
  set -e
  seconds=$(( $(date +%s) - started ))
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  [ -n "$executions" ] || executions=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  executions=${executions:-0}
  per_s=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
  crashes=0
  if [ "$status" -ne 0 ]; then
    crashes=1 failed=1
    step "$t FAILED (exit $status): $(grep -m1 -E 'panicked|ERROR: libFuzzer|SUMMARY' "$log" || true)"
    grep -E 'Test unit written to|artifact_prefix' "$log" >&2 || true
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$t" "$executions" \
    "$seconds" "$per_s" "$crashes" "$sanitizer" >> "$ledger"
  printf '  %-14s %12s executions in %ss (%s/s), crashes: %s\n' "$t" "$executions" "$seconds" "$per_s" "$crashes" >&2
done

step "executions reached per target, all runs recorded in tests/fuzz/executions.tsv"
awk -F'\t' 'NR>1 { n[$2]+=$3; c[$2]+=$6; s[$2]+=$4 }
  END { for (t in n) printf "  %-14s %12d executions in %d s, %d crash run(s)\n", t, n[t], s[t], c[t] }' "$ledger" | sort >&2
exit "$failed"
