#!/usr/bin/env bash
# Times Open SDG's Python pipeline (sdg-build's open_sdg_build) on an Open SDG
# data repository, and optionally `localgoals build` on the same repository in
# the same run, and prints wall time, CPU time and peak memory side by side.
#
#   scripts/bench-sdg-build.sh REPO_DIR [--python VENV_DIR] [--sdg-build CHECKOUT_DIR]
#                              [--localgoals BINARY] [--runs N] [--keep]
#
# REPO_DIR      an Open SDG data repository: data/indicator_*.csv, meta/*.md
#               (+ meta/LANG/), and optionally _prose.yml and translations/
#               (also looked for under support/).
# --python      an existing virtualenv that already has sdg-build installed.
#               Without it: .tools/sdg-venv is created (python3 -m venv, or
#               $SDG_PYTHON -m venv) and sdg-build installed into it once.
# --sdg-build   a sdg-build source checkout to `pip install -e`. Default:
#               .tools/sdg-build if it exists, else pip installs
#               git+https://github.com/open-sdg/sdg-build@$SDG_BUILD_REF
#               (2.4.0, as Statistics Canada's production does).
#               sdg-build is not on PyPI: the PyPI package named `sdg` is an
#               unrelated project. yamlmd (a dependency) is not on PyPI
#               either: .tools/yamlmd (or $YAMLMD_SRC) is used if present.
# --localgoals  a built `localgoals` binary (use a release build for figures):
#               also runs `localgoals --data TMP build REPO_DIR`. The release
#               example target/release/examples/bench_build speaks the same
#               syntax; given it, the script also times polars' raw read of
#               the same data files (`bench_build raw FILE...`: every cell as
#               text, no checks) in the same run.
# --runs N      repeat each measurement N times (default 1).
# --keep        keep the temporary output folders and logs (path printed).
#
# Measured with /usr/bin/time -v (Debian package `time`); without it, with a
# Python wrapper reading getrusage(RUSAGE_CHILDREN).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; }
die() { echo "bench-sdg-build: $*" >&2; exit 1; }
step() { printf '[bench] %s\n' "$*" >&2; }

repo=""
venv=""
checkout=""
localgoals=""
runs=1
keep=0
while (($#)); do
  case "$1" in
    --python) venv="${2:?--python needs a folder}"; shift 2 ;;
    --sdg-build) checkout="${2:?--sdg-build needs a folder}"; shift 2 ;;
    --localgoals) localgoals="${2:?--localgoals needs a binary}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) usage; die "unknown option $1" ;;
    *)
      [[ -z "$repo" ]] || die "one REPO_DIR only (got $repo and $1)"
      repo="$1"; shift ;;
  esac
done
[[ -n "$repo" ]] || { usage; die "REPO_DIR is missing"; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number"
[[ -d "$repo" ]] || die "$repo is not a folder"
repo="$(cd "$repo" && pwd)"
[[ -d "$repo/data" && -d "$repo/meta" ]] || die "$repo has no data/ and meta/ folders"
compgen -G "$repo/data/indicator_*.csv" >/dev/null || die "$repo/data has no indicator_*.csv"
if [[ -n "$localgoals" ]]; then
  [[ -x "$localgoals" ]] || die "$localgoals is not an executable"
  localgoals="$(cd "$(dirname "$localgoals")" && pwd)/$(basename "$localgoals")"
fi

# --- Python environment with sdg-build -------------------------------------
SDG_BUILD_REF="${SDG_BUILD_REF:-2.4.0}"
has_sdg_build() { "$1/bin/python" -c 'import sdg.open_sdg' >/dev/null 2>&1; }

if [[ -n "$venv" ]]; then
  [[ -x "$venv/bin/python" ]] || die "$venv is not a virtualenv (no bin/python)"
  has_sdg_build "$venv" || die "$venv has no sdg-build (python -c 'import sdg.open_sdg' fails)"
else
  venv="$ROOT/.tools/sdg-venv"
  if [[ -z "$checkout" && -f "$ROOT/.tools/sdg-build/setup.py" ]]; then
    checkout="$ROOT/.tools/sdg-build"
  fi
  if [[ -n "$checkout" ]]; then
    [[ -f "$checkout/setup.py" ]] || die "$checkout is not a sdg-build checkout (no setup.py)"
    checkout="$(cd "$checkout" && pwd)"
    source_id="checkout $checkout"
  else
    source_id="git+https://github.com/open-sdg/sdg-build@$SDG_BUILD_REF"
  fi
  stamp="$venv/.sdg-build-source"
  if has_sdg_build "$venv" && [[ -f "$stamp" && "$(cat "$stamp")" == "$source_id" ]]; then
    step "using $venv (sdg-build from ${source_id})"
  else
    if [[ ! -x "$venv/bin/python" ]]; then
      step "creating $venv with ${SDG_PYTHON:-python3}"
      mkdir -p "$(dirname "$venv")"
      "${SDG_PYTHON:-python3}" -m venv "$venv"
    fi
    pip=("$venv/bin/python" -m pip --disable-pip-version-check)
    "${pip[@]}" install --quiet --upgrade pip
    yamlmd_src="${YAMLMD_SRC:-}"
    if [[ -z "$yamlmd_src" ]]; then
      if [[ -n "$checkout" && -f "$(dirname "$checkout")/yamlmd/setup.py" ]]; then
        yamlmd_src="$(dirname "$checkout")/yamlmd"
      else
        yamlmd_src="git+https://github.com/dougmet/yamlmd"
      fi
    fi
    step "installing yamlmd from $yamlmd_src"
    "${pip[@]}" install --quiet "$yamlmd_src"
    # The pins of Statistics Canada's scripts/requirements.txt.
    step "installing sdg-build from $source_id"
    if [[ -n "$checkout" ]]; then
      "${pip[@]}" install --quiet -e "$checkout" 'frictionless==4.40.8' 'pydantic==1.*' 'numpy==1.26.4' packaging
    else
      "${pip[@]}" install --quiet "$source_id" 'frictionless==4.40.8' 'pydantic==1.*' 'numpy==1.26.4' packaging \
        || die "could not install $source_id (no GitHub access? then pass --sdg-build CHECKOUT)"
    fi
    has_sdg_build "$venv" || die "sdg-build did not install into $venv"
    printf '%s\n' "$source_id" >"$stamp"
  fi
fi
py="$venv/bin/python"
sdg_version="$("$py" -c 'import importlib.metadata as m; print(m.version("sdg"))' 2>/dev/null || echo '?')"
sdg_location="$("$py" -c 'import os, sdg; print(os.path.dirname(os.path.dirname(sdg.__file__)))')"
sdg_commit="$(git -C "$sdg_location" rev-parse --short HEAD 2>/dev/null || echo '-')"
py_version="$("$py" -c 'import platform; print(platform.python_version())')"

# --- Measuring ---------------------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/bench-sdg-build.XXXXXX")"
if ((keep)); then
  trap 'echo "outputs and logs kept in $tmp" >&2' EXIT
else
  trap 'rm -rf "$tmp"' EXIT
fi

# measure OUT_FILE LOG_FILE CMD...: runs CMD with stdout and stderr in
# LOG_FILE and writes "wall_seconds peak_kib cpu_seconds" to OUT_FILE.
measure() {
  local out="$1" log="$2"
  shift 2
  if [[ -x /usr/bin/time ]]; then
    local report="$out.time-v"
    if ! /usr/bin/time -v -o "$report" "$@" >"$log" 2>&1; then
      tail -n 30 "$log" >&2
      die "failed: $* (log: $log)"
    fi
    awk -F': ' '
      /Elapsed \(wall clock\) time/ { n = split($NF, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
      /Maximum resident set size/ { kib = $NF }
      /User time \(seconds\)/ { u = $NF }
      /System time \(seconds\)/ { s = $NF }
      END { printf "%.2f %d %.2f\n", w, kib, u + s }' "$report" >"$out"
  else
    # Wall time of the child, and the largest RSS among waited-for children
    # (ru_maxrss is in KiB on Linux).
    if ! python3 -c '
import resource, subprocess, sys, time
out, log, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
t0 = time.perf_counter()
with open(log, "wb") as fh:
    rc = subprocess.call(cmd, stdout=fh, stderr=subprocess.STDOUT)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as fh:
    fh.write("%.2f %d %.2f\n" % (wall, ru.ru_maxrss, ru.ru_utime + ru.ru_stime))
sys.exit(rc)
' "$out" "$log" "$@"; then
      tail -n 30 "$log" >&2
      die "failed: $* (log: $log)"
    fi
  fi
}

# --- sdg-build configuration ---------------------------------------------------
# What Statistics Canada's config_data.yml does, minus what needs the network
# (the remote sdg-translations repository) and the map layers (GeoJSON).
find_first() { local f; for f in "$@"; do [[ -e "$repo/$f" ]] && { echo "$f"; return; }; done; }
schema_file="$(find_first _prose.yml support/_prose.yml)"
translations_dir="$(find_first translations support/translations)"
if [[ -n "${SDG_LANGUAGES:-}" ]]; then
  read -r -a languages <<<"$SDG_LANGUAGES"
elif [[ -n "$translations_dir" ]]; then
  mapfile -t languages < <(find "$repo/$translations_dir" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
else
  mapfile -t languages < <({ echo en; find "$repo/meta" -mindepth 1 -maxdepth 1 -type d -printf '%f\n'; } | sort -u)
fi
((${#languages[@]})) || languages=(en)
# Last-updated dates from git, as in production, only where REPO_DIR is a git work tree.
git_dates=false
if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then git_dates=true; fi

config="$tmp/config_data.yml"
{
  echo "# Written by scripts/bench-sdg-build.sh"
  echo "src_dir: '$repo'"
  # Relative: frictionless (data packages) refuses absolute paths as unsafe.
  echo "site_dir: sdg-site"
  if [[ -n "$schema_file" ]]; then
    echo "schema_file: '$schema_file'"
  else
    echo "schema: []"
  fi
  echo "languages:"
  printf '  - %s\n' "${languages[@]}"
  echo "inputs:"
  echo "  - class: InputCsvData"
  echo "    path_pattern: data/*-*.csv"
  echo "    dtype:"
  echo "      GeoCode: str"
  echo "  - class: InputYamlMdMeta"
  echo "    path_pattern: meta/*-*.md"
  echo "    git: $git_dates"
  echo "    git_data_dir: data"
  echo "translations:"
  if [[ -n "$translations_dir" ]]; then
    echo "  - class: TranslationInputYaml"
    echo "    source: '$translations_dir'"
  else
    echo "  []"
  fi
  echo "reporting_status_extra_fields: []"
  echo "map_layers: []"
  echo "docs_branding: SDG data build documentation"
} >"$config"

cat >"$tmp/run_sdg_build.py" <<'PY'
import os
import sys
from sdg.open_sdg import open_sdg_build

# site_dir is relative to the config file's folder, as in a data repository.
os.chdir(os.path.dirname(os.path.abspath(sys.argv[1])))
if not open_sdg_build(config=sys.argv[1]):
    sys.exit("open_sdg_build reported a failed write")
PY

rows=()
sdg_times=()
sdg_kib=()
lg_times=()
lg_kib=()
for ((i = 1; i <= runs; i++)); do
  rm -rf "$tmp/sdg-site"
  # Other work on the machine slows the wall time (not much the CPU time).
  step "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  step "sdg-build $sdg_version ($sdg_commit, Python $py_version) on $repo, run $i/$runs"
  measure "$tmp/sdg.$i" "$tmp/sdg-build.$i.log" "$py" "$tmp/run_sdg_build.py" "$config"
  read -r wall kib cpu <"$tmp/sdg.$i"
  sdg_times+=("$wall"); sdg_kib+=("$kib")
  rows+=("sdg-build $sdg_version@$sdg_commit|$wall|$cpu|$kib")
  if [[ -n "$localgoals" ]]; then
    rm -rf "$tmp/lg-data"
    step "localgoals build on $repo, run $i/$runs"
    measure "$tmp/lg.$i" "$tmp/localgoals.$i.log" "$localgoals" --data "$tmp/lg-data" build "$repo"
    read -r wall kib cpu <"$tmp/lg.$i"
    lg_times+=("$wall"); lg_kib+=("$kib")
    rows+=("localgoals build|$wall|$cpu|$kib")
    if [[ "$(basename "$localgoals")" == bench_build* ]]; then
      step "polars raw read of the same files, run $i/$runs"
      mapfile -t data_files < <(find "$repo/data" -name 'indicator_*.csv' | sort)
      measure "$tmp/raw.$i" "$tmp/raw.$i.log" "$localgoals" raw "${data_files[@]}"
      read -r wall kib cpu <"$tmp/raw.$i"
      rows+=("polars raw read (text)|$wall|$cpu|$kib")
    fi
  fi
done

# What sdg-build produced (from the last run).
"$py" - "$tmp/sdg-site" "${languages[0]}" <<'PY' >&2
import glob, json, os, sys
site, lang = sys.argv[1], sys.argv[2]
files = [os.path.join(d, f) for d, _, fs in os.walk(site) for f in fs]
size = sum(os.path.getsize(f) for f in files)
statuses = {}
for path in glob.glob(os.path.join(site, lang, 'meta', '*.json')):
    with open(path, encoding='utf-8') as fh:
        meta = json.load(fh)
    if not isinstance(meta, dict):  # schema.json
        continue
    status = meta.get('progress_status') or '(none)'
    statuses[status] = statuses.get(status, 0) + 1
print('[bench] sdg-build wrote %d files, %.1f MiB, in %s' % (len(files), size / 2**20, site))
print('[bench] progress_status in %s/meta: %s' % (lang, ', '.join(
    '%s %d' % kv for kv in sorted(statuses.items(), key=lambda kv: -kv[1]))))
PY
warnings="$(grep -c -i 'warn' "$tmp/sdg-build.$runs.log" || true)"
step "sdg-build log: ${warnings} warning lines (kept with --keep)"
if [[ -n "$localgoals" ]]; then
  step "localgoals: $(grep -m 1 'observations' "$tmp/localgoals.$runs.log" | sed 's/^ *//')"
fi

echo
echo "repository: $repo ($(find "$repo/data" -name 'indicator_*.csv' | wc -l) data files), $(nproc) cores"
printf '%-26s %9s %9s %9s\n' tool seconds cpu_s peak_MiB
for row in "${rows[@]}"; do
  IFS='|' read -r tool wall cpu kib <<<"$row"
  printf '%-26s %9.2f %9.2f %9.1f\n' "$tool" "$wall" "$cpu" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
done
if [[ -n "$localgoals" ]]; then
  # Ratios of the medians: how many times more sdg-build takes.
  median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  awk -v st="$(median "${sdg_times[@]}")" -v lt="$(median "${lg_times[@]}")" \
    -v sm="$(median "${sdg_kib[@]}")" -v lm="$(median "${lg_kib[@]}")" \
    'BEGIN { printf "sdg-build / localgoals: time x%.1f, peak memory x%.1f\n", st / (lt > 0 ? lt : 0.01), sm / (lm > 0 ? lm : 1) }'
fi
