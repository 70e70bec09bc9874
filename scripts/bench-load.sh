#!/usr/bin/env bash
# Load against the limit (issue 17): the release server under 64 and 256
# concurrent connections next to nginx serving the very same bytes from disk,
# in the same run, then a soak with the server's memory sampled.
#
#   scripts/bench-load.sh            the full run (~10 minutes, plus a build)
#   scripts/bench-load.sh --quick    5 s per run, 15 s soak: to check the script
#
# What it does (docs/load-testing.md explains how to read the output):
#   1. installs nginx (nginx-light) and wrk from Debian's packages if missing;
#   2. builds the release binary with the site inside, as scripts/deploy-check.sh
#      does (cargo only rebuilds what changed), unless LOCALGOALS_BENCH_BINARY
#      names a binary to use instead;
#   3. starts it on the demo city with a throwaway data directory, warms it up,
#      saves the HTML of `/` and `/indicators/poverty-rate` and the answer of
#      the `fetch_series` server function, and starts nginx serving those files;
#   4. runs wrk against both for each answer and connection count and prints a
#      markdown table (median and p99 latency, requests/s, errors, the ratio);
#   5. soaks the server with a mix of public pages and samples its RSS.
# The exit status is 1 when any request to the server failed (a socket error or
# a status of 400 or more), in the benchmark or the soak.
#
# Settings (environment):
#   LOCALGOALS_BENCH_BINARY  a localgoals binary to use instead of building one
#   BENCH_DURATION=30s BENCH_THREADS=2 BENCH_CONNECTIONS="64 256"
#   BENCH_TIMEOUT=2s         wrk's per-request timeout (a slower answer is an error)
#   BENCH_WARMUP=5s          wrk against each answer first, not recorded
#   BENCH_ENCODINGS=""       e.g. "gzip br": extra rows with that Accept-Encoding
#                            (nginx then serves files compressed beforehand)
#   BENCH_SOAK_DURATION=60s BENCH_SOAK_CONNECTIONS=256 BENCH_SOAK_IDLE=15 (seconds
#                            sampled before and after the soak; 0 skips the soak:
#                            BENCH_SOAK=0)
#   BENCH_DATASET=indicators/demo-city BENCH_INDICATOR=poverty-rate
#   BENCH_OUT                where the report, wrk outputs and saved answers go
#                            (default target/bench-load/<UTC time>)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.tools/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

DURATION="${BENCH_DURATION:-30s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-64 256}"
TIMEOUT="${BENCH_TIMEOUT:-2s}"
WARMUP="${BENCH_WARMUP:-5s}"
ENCODINGS="${BENCH_ENCODINGS:-}"
SOAK="${BENCH_SOAK:-1}"
SOAK_DURATION="${BENCH_SOAK_DURATION:-60s}"
SOAK_CONNECTIONS="${BENCH_SOAK_CONNECTIONS:-256}"
SOAK_IDLE="${BENCH_SOAK_IDLE:-15}"
RSS_INTERVAL=5
DATASET="${BENCH_DATASET:-indicators/demo-city}"
INDICATOR="${BENCH_INDICATOR:-poverty-rate}"
# The series a reader picks in the indicator page's selector; the selector
# POSTs it to this server function (app/src/api.rs, Leptos' default /api prefix).
SERIES="sex%3Dfemale"
SERVER_FN="/api/fetch_series"
SERVER_FN_BODY="id=$INDICATOR&series=$SERIES&locale=en"
for arg in "$@"; do
  case "$arg" in
    --quick) DURATION=5s; WARMUP=2s; SOAK_DURATION=15s; SOAK_IDLE=5 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-load.sh: unknown option $arg (use --quick, or see --help)" >&2; exit 2 ;;
  esac
done

step() { printf '\033[1;34m[bench-load]\033[0m %s\n' "$*" >&2; }
die() { printf 'bench-load.sh: %s\n' "$*" >&2; exit 1; }

OUT="${BENCH_OUT:-$ROOT/target/bench-load/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT/wrk" "$OUT/html/indicators" "$OUT/html/api" "$OUT/nginx/tmp"
REPORT="$OUT/report.md"
: >"$REPORT"
# Report lines go to the terminal and to report.md.
say() { printf '%s\n' "$*" | tee -a "$REPORT"; }

# --- 1. tools -----------------------------------------------------------------
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
packages=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || packages+=(nginx-light)
command -v wrk >/dev/null 2>&1 || packages+=(wrk)
command -v curl >/dev/null 2>&1 || packages+=(curl)
case " $ENCODINGS " in
  *" br "*)
    command -v brotli >/dev/null 2>&1 || packages+=(brotli)
    [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] \
      || packages+=(libnginx-mod-http-brotli-static) ;;
esac
if [ "${#packages[@]}" -gt 0 ]; then
  step "installing ${packages[*]} (apt-get)"
  as_root apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null \
    || { as_root apt-get update >/dev/null && as_root apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null; }
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

# --- 2. the binary ------------------------------------------------------------
if [ -n "${LOCALGOALS_BENCH_BINARY:-}" ]; then
  BIN="$LOCALGOALS_BENCH_BINARY"
  [ -x "$BIN" ] || die "LOCALGOALS_BENCH_BINARY=$BIN is not an executable file"
else
  # A release site has brotli copies; without them embed-site would embed a
  # debug site (or fail), so build it the way scripts/deploy-check.sh does.
  if [ ! -e target/site/pkg/localgoals.wasm.br ]; then
    step "building the site, size-optimised (scripts/build-site.sh --release)"
    scripts/build-site.sh --release
  fi
  step "building the release binary (cargo rebuilds only what changed)"
  cargo build --release -p server --bin localgoals --features embed-site
  BIN="$ROOT/target/release/localgoals"
fi

# --- cleanup, however the script ends ----------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bench-load.XXXXXX")"
SERVER_PID=""; NGINX_PID=""; SAMPLER_PID=""
stop() {
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  # A graceful stop first; nginx and the server both finish within seconds.
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  step "process $pid did not stop within 10 s of SIGTERM: killing it"
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$SAMPLER_PID"; stop "$NGINX_PID"; stop "$SERVER_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A port nobody listens on (a connection to it is refused).
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 30000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
wait_for() { # URL PID WHAT
  for _ in $(seq 240); do
    curl -fs -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || die "$3 stopped while starting (see $OUT/$3.log)"
    sleep 0.5
  done
  die "$3 did not answer $1 within 2 minutes (see $OUT/$3.log)"
}

# --- 3. the server, the saved answers, nginx ----------------------------------
SERVER_PORT=$(free_port)
SERVER="http://127.0.0.1:$SERVER_PORT"
step "starting $BIN on $DATASET at $SERVER"
# LEPTOS_* only matter to a binary built without embed-site (as scripts/run.sh).
LEPTOS_SITE_ROOT="$ROOT/target/site" LEPTOS_SITE_PKG_DIR=pkg LEPTOS_OUTPUT_NAME=localgoals \
  RUST_LOG="${RUST_LOG:-info}" "$BIN" --data "$WORK/data" serve --dataset "$DATASET" \
  --addr "127.0.0.1:$SERVER_PORT" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
wait_for "$SERVER/healthz" "$SERVER_PID" server
rss_mib() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
RSS_STARTED="$(rss_mib)"

# Without --compressed curl sends no Accept-Encoding, like wrk: identity bytes.
curl -fsS -o "$OUT/html/index.html" "$SERVER/"
curl -fsS -o "$OUT/html/indicators/$INDICATOR.html" "$SERVER/indicators/$INDICATOR"
curl -fsS -o "$OUT/html/api/fetch_series.json" -X POST \
  -H 'Content-Type: application/x-www-form-urlencoded' --data "$SERVER_FN_BODY" "$SERVER$SERVER_FN"
grep -q '"points"\|"rows"\|"series"' "$OUT/html/api/fetch_series.json" \
  || die "$SERVER_FN did not answer with a series: $(head -c 300 "$OUT/html/api/fetch_series.json")"
for f in "$OUT"/html/index.html "$OUT"/html/indicators/*.html "$OUT"/html/api/*.json; do
  case " $ENCODINGS " in *" gzip "*) gzip -9 -n -k -f "$f" ;; esac
  case " $ENCODINGS " in *" br "*) brotli -q 11 -k -f "$f" ;; esac
done

NGINX_PORT=$(free_port)
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
NG="$OUT/nginx"
{
  # As root, nginx would hand its workers to `nobody`; keep them as this user.
  [ "$(id -u)" -eq 0 ] && echo "user $(id -un) $(id -gn);"
  case " $ENCODINGS " in
    *" br "*) echo "load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;" ;;
  esac
  cat <<EOF
worker_processes auto;
pid $NG/nginx.pid;
error_log $NG/error.log warn;
events { worker_connections 4096; }
http {
  types { text/html html; application/json json; }
  default_type application/octet-stream;
  charset utf-8;
  # The server names a charset for HTML only.
  charset_types text/html;
  access_log off;
  sendfile on;
  tcp_nopush on;
  # wrk keeps its connections open; so does the server (hyper has no limit).
  keepalive_requests 1000000;
  client_body_temp_path $NG/tmp/body;
  proxy_temp_path $NG/tmp/proxy;
  fastcgi_temp_path $NG/tmp/fastcgi;
  uwsgi_temp_path $NG/tmp/uwsgi;
  scgi_temp_path $NG/tmp/scgi;
EOF
  case " $ENCODINGS " in *" gzip "*) echo "  gzip_static on;" ;; esac
  case " $ENCODINGS " in *" br "*) echo "  brotli_static on;" ;; esac
  cat <<EOF
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $OUT/html;
    # /indicators/x -> indicators/x.html, / -> index.html
    location / { try_files \$uri.html \$uri/index.html =404; }
    # A static file cannot answer a POST: nginx gets a GET for the same bytes.
    location = $SERVER_FN { try_files /api/fetch_series.json =404; }
  }
}
EOF
} >"$NG/nginx.conf"
step "starting nginx at $NGINX_URL"
"$NGINX" -p "$NG" -c "$NG/nginx.conf" -e "$NG/error.log" -g 'daemon off;' >"$OUT/nginx.log" 2>&1 &
NGINX_PID=$!
wait_for "$NGINX_URL/" "$NGINX_PID" nginx
# Both must hand out the same bytes with the same type, or the ratio means nothing.
check_same() { # PATH FILE [curl args for the server]
  local path="$1" file="$2"; shift 2
  local ours theirs
  ours=$(curl -fsS -o "$WORK/ours" -w '%{content_type}' "$@" "$SERVER$path")
  theirs=$(curl -fsS -o "$WORK/theirs" -w '%{content_type}' "$NGINX_URL$path")
  cmp -s "$WORK/theirs" "$file" || die "nginx does not serve $file's bytes at $path"
  # Pages carry a new script nonce on every request (server/src/site/etag.rs);
  # anything else differing would mean the saved copy is not what wrk gets.
  local no_nonce='s/\(nonce\|crossorigin\)="[^"]*"//g'
  cmp -s <(sed "$no_nonce" "$WORK/ours") <(sed "$no_nonce" "$file") \
    || step "note: the server's $path differs from the saved copy between requests (beyond the nonce)"
  [ "${ours,,}" = "${theirs,,}" ] || step "note: content types differ at $path: server '$ours', nginx '$theirs'"
}
check_same / "$OUT/html/index.html"
check_same "/indicators/$INDICATOR" "$OUT/html/indicators/$INDICATOR.html"
check_same "$SERVER_FN" "$OUT/html/api/fetch_series.json" -X POST --data "$SERVER_FN_BODY"

# wrk scripts: the server-function POST, and the soak's cycle of requests.
cat >"$OUT/post.lua" <<EOF
-- The indicator page's series selector: a URL-encoded POST to $SERVER_FN.
wrk.method = "POST"
wrk.body = "$SERVER_FN_BODY"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
EOF
cat >"$OUT/soak.lua" <<'EOF'
-- Cycles through the requests listed in the file given after the URL, one
-- per line: METHOD<TAB>PATH[<TAB>BODY]. Each thread starts at its own place.
local requests = {}
local i = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 5)
end
function init(args)
  for line in io.lines(args[1]) do
    local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
    local headers = { }
    if body == "" then body = nil else
      headers["Content-Type"] = "application/x-www-form-urlencoded"
    end
    requests[#requests + 1] = wrk.format(method, path, headers, body)
  end
  i = (offset or 0) % #requests
end
function request()
  i = i % #requests + 1
  return requests[i]
end
EOF

# --- 4. the benchmark ---------------------------------------------------------
# wrk's output -> "requests/s p50_ms p99_ms errors timeouts KiB_per_answer"
# (errors: connect,
# read and write errors plus answers with a status of 400 or more; timeouts:
# answers slower than BENCH_TIMEOUT, which count as failures too).
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000
      if (v ~ /ms$/) return v + 0
      if (v ~ /m$/)  return v * 60000
      if (v ~ /s$/)  return v * 1000
      return v
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8; timeouts = $10 }
    # "12345 requests in 30.00s, 1.50GB read": wrk counts in powers of 1024.
    / requests in / {
      n = $1; b = $5 + 0
      if ($5 ~ /KB$/) b *= 1024; else if ($5 ~ /MB$/) b *= 1048576; else if ($5 ~ /GB$/) b *= 1073741824
    }
    END { printf "%.0f %.2f %.2f %d %d %.1f\n", rps, p50, p99, errors, timeouts, (n > 0) ? b / n / 1024 : 0 }
  ' "$1"
}
# run_wrk NAME URL CONNECTIONS DURATION [wrk options] -> parsed figures
run_wrk() {
  local name="$1" url="$2" conns="$3" duration="$4"; shift 4
  local file="$OUT/wrk/$name.txt"
  wrk -t"$THREADS" -c"$conns" -d"$duration" --timeout "$TIMEOUT" --latency "$@" "$url" >"$file" 2>&1 \
    || die "wrk failed: $(tail -3 "$file")"
  parse_wrk "$file"
}

git_commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || git_commit="$git_commit + uncommitted changes"
cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
say "## Load: the server against nginx on the same bytes"
say ""
say "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $git_commit"
say "- machine: $(nproc) cores (${cpu:-unknown CPU}), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "- binary: $BIN ($(du -h "$BIN" | cut -f1), built $(date -u -r "$BIN" '+%Y-%m-%d %H:%M UTC'))"
say "- $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///'); wrk -t$THREADS -c{$CONNECTIONS} -d$DURATION --timeout $TIMEOUT --latency; server and nginx on the same machine as wrk"
say "- answers: \`/\` $(wc -c <"$OUT/html/index.html") B, \`/indicators/$INDICATOR\` $(wc -c <"$OUT/html/indicators/$INDICATOR.html") B, \`POST $SERVER_FN\` ($SERVER_FN_BODY) $(wc -c <"$OUT/html/api/fetch_series.json") B; nginx answers a GET with the same bytes from disk"

targets=("home|/|" "indicator|/indicators/$INDICATOR|" "server-fn|$SERVER_FN|post")
step "warming up (wrk -d$WARMUP on each answer, not recorded)"
for t in "${targets[@]}"; do
  IFS='|' read -r name path kind <<<"$t"
  script=(); [ "$kind" = post ] && script=(-s "$OUT/post.lua")
  run_wrk "warmup-server-$name" "$SERVER$path" 64 "$WARMUP" "${script[@]}" >/dev/null
  run_wrk "warmup-nginx-$name" "$NGINX_URL$path" 64 "$WARMUP" >/dev/null
done

# A server with the page cache (server/src/site/page_cache.rs) marks answers
# from it: after the warm-up every measured answer should be a hit.
cache_state() { # PATH [curl args]
  local path="$1"; shift
  curl -fsS -o /dev/null -D - "$@" "$SERVER$path" \
    | awk -F': *' 'tolower($1) == "x-localgoals-cache" { sub(/\r$/, "", $2); state = $2 } END { print (state == "") ? "none" : state }'
}
say "- the server's x-localgoals-cache header after the warm-up: \`/\` $(cache_state /), \`/indicators/$INDICATOR\` $(cache_state "/indicators/$INDICATOR"), \`$SERVER_FN\` $(cache_state "$SERVER_FN" -X POST --data "$SERVER_FN_BODY") (none: no page cache in this binary)"
say ""
say "| answer | conns | encoding | server req/s | server p50 ms | server p99 ms | nginx req/s | nginx p50 ms | nginx p99 ms | server/nginx | errors (timeouts) server / nginx | KiB/answer server / nginx |"
say "|---|---|---|---|---|---|---|---|---|---|---|---|"
server_errors=0
aims=()
for encoding in identity $ENCODINGS; do
  headers=(); [ "$encoding" = identity ] || headers=(-H "Accept-Encoding: $encoding")
  for conns in $CONNECTIONS; do
    for t in "${targets[@]}"; do
      IFS='|' read -r name path kind <<<"$t"
      script=(); label="\`$path\`"
      [ "$kind" = post ] && { script=(-s "$OUT/post.lua"); label="\`POST $path\` (nginx: GET)"; }
      step "$name, $conns connections, $encoding: server, then nginx"
      read -r s_rps s_p50 s_p99 s_err s_slow s_kib < <(run_wrk "server-$name-c$conns-$encoding" "$SERVER$path" \
        "$conns" "$DURATION" "${headers[@]}" "${script[@]}")
      read -r n_rps n_p50 n_p99 n_err n_slow n_kib < <(run_wrk "nginx-$name-c$conns-$encoding" "$NGINX_URL$path" \
        "$conns" "$DURATION" "${headers[@]}")
      # wrk leaves answers slower than the timeout out of its percentiles: with
      # timeouts, the latencies shown are lower bounds.
      [ "$s_slow" -gt 0 ] && { s_p50="≥$s_p50"; s_p99="≥$s_p99"; }
      [ "$n_slow" -gt 0 ] && { n_p50="≥$n_p50"; n_p99="≥$n_p99"; }
      ratio=$(awk -v s="$s_rps" -v n="$n_rps" 'BEGIN { if (n > 0) printf "%.1f %%", 100 * s / n; else print "n/a" }')
      say "| $label | $conns | $encoding | $s_rps | $s_p50 | $s_p99 | $n_rps | $n_p50 | $n_p99 | $ratio | $s_err ($s_slow) / $n_err ($n_slow) | $s_kib / $n_kib |"
      server_errors=$(( server_errors + s_err + s_slow ))
      if [ "$conns" = 64 ] && [ "$encoding" = identity ]; then
        aims+=("$(awk -v l="$label" -v s="$s_rps" -v n="$n_rps" -v p="${s_p99#≥}" -v slow="$s_slow" 'BEGIN {
          printf "%s: throughput %s (>= 50 %% of nginx), p99 %s (< 20 ms)", l,
            (n > 0 && s >= n / 2) ? "met" : "NOT met", (p < 20 && slow == 0) ? "met" : "NOT met" }')")
      fi
    done
  done
done
say ""
say "Load average after: $(cut -d' ' -f1-3 /proc/loadavg). Aims at 64 connections (issue 17):"
for a in "${aims[@]}"; do say "- $a"; done
say ""

# --- 5. the soak --------------------------------------------------------------
soak_errors=0
if [ "$SOAK" != 0 ]; then
  # The mix: pages a reader visits, taken from the home page's links so it
  # follows the dataset, and the selector's server-function calls.
  home="$(curl -fsS "$SERVER/")"
  {
    printf 'GET\t%s\n' / /nl/ /progress "/indicators/$INDICATOR" "/nl/indicators/$INDICATOR"
    grep -o 'href="/indicators/[^"#?]*"' <<<"$home" | sort -u | head -8 | sed 's/^href="\(.*\)"$/GET\t\1/'
    grep -o 'href="/goals/[0-9]*"' <<<"$home" | sort -u | head -4 | sed 's/^href="\(.*\)"$/GET\t\1/'
    grep -o 'href="/districts/[^"]*"' <<<"$home" | sort -u | head -2 | sed 's/^href="\(.*\)"$/GET\t\1/'
    printf 'POST\t%s\t%s\n' "$SERVER_FN" "$SERVER_FN_BODY" \
      "$SERVER_FN" "id=$INDICATOR&series=total&locale=nl"
  } | awk '!seen[$0]++' >"$WORK/mix.all"
  # Only requests that answer 200 now: the soak counts failures under load.
  : >"$OUT/soak-mix.txt"
  while IFS=$'\t' read -r method path body; do
    args=(); [ "$method" = POST ] && args=(-X POST --data "$body")
    code=$(curl -s -o /dev/null -w '%{http_code}' "${args[@]}" "$SERVER$path")
    if [ "$code" = 200 ]; then printf '%s\t%s\t%s\n' "$method" "$path" "$body" >>"$OUT/soak-mix.txt"
    else step "left out of the soak: $method $path answered $code"; fi
  done <"$WORK/mix.all"
  sed -i 's/\t$//' "$OUT/soak-mix.txt"

  # RSS every RSS_INTERVAL s, tagged with the phase the script is in.
  echo before >"$WORK/phase"
  (
    start=$(date +%s)
    while kill -0 "$SERVER_PID" 2>/dev/null; do
      printf '%s %s %s\n' $(( $(date +%s) - start )) "$(cat "$WORK/phase")" "$(rss_mib)"
      sleep "$RSS_INTERVAL"
    done
  ) >"$OUT/rss.txt" 2>/dev/null &
  SAMPLER_PID=$!
  step "soak: ${SOAK_IDLE}s idle, $SOAK_CONNECTIONS connections for $SOAK_DURATION over $(wc -l <"$OUT/soak-mix.txt") requests, ${SOAK_IDLE}s idle"
  sleep "$SOAK_IDLE"
  echo during >"$WORK/phase"
  # The mix file is the Lua script's argument: it follows the URL.
  wrk -t"$THREADS" -c"$SOAK_CONNECTIONS" -d"$SOAK_DURATION" --timeout "$TIMEOUT" --latency \
    -s "$OUT/soak.lua" "$SERVER/" "$OUT/soak-mix.txt" >"$OUT/wrk/soak.txt" 2>&1 \
    || die "wrk failed: $(tail -3 "$OUT/wrk/soak.txt")"
  read -r k_rps k_p50 k_p99 k_err k_slow _ < <(parse_wrk "$OUT/wrk/soak.txt")
  soak_errors=$(( k_err + k_slow ))
  echo after >"$WORK/phase"
  sleep "$SOAK_IDLE"
  sleep 1
  stop "$SAMPLER_PID"; SAMPLER_PID=""

  say "## Soak: $SOAK_CONNECTIONS connections for $SOAK_DURATION"
  say ""
  say "Mix ($(wc -l <"$OUT/soak-mix.txt") requests, cycled): $(cut -f1,2 "$OUT/soak-mix.txt" | tr '\t' ' ' | paste -sd, | sed 's/,/, /g')."
  say ""
  say "$k_rps requests/s, p50 $k_p50 ms, p99 $k_p99 ms$([ "$k_slow" -gt 0 ] && echo ' (lower bounds: wrk leaves timed-out answers out)'), errors: $k_err, timeouts (over $TIMEOUT): $k_slow ($(grep -h 'requests in\|Socket errors\|Non-2xx' "$OUT/wrk/soak.txt" | sed 's/^ *//' | tr '\n' ';' | sed 's/;$//'))."
  say ""
  say "Server RSS (MiB) every ${RSS_INTERVAL}s; $RSS_STARTED MiB just after start, before the benchmark:"
  say ""
  say "| s | phase | RSS MiB |"
  say "|---|---|---|"
  while read -r t phase rss; do say "| $t | $phase | $rss |"; done <"$OUT/rss.txt"
  # Flat: after the soak's first 15 s (its warm-up), the median of the last
  # third of the samples is at most 5 % or 8 MiB (whichever is larger) above
  # the median of the first third. Medians, because single samples swing by
  # 10-20 MiB with the requests in flight at that instant.
  say ""
  say "$(awk -v warm=15 '
    function median(from, to,    i, j, t, m, k) {
      k = 0
      for (i = from; i <= to; i++) m[++k] = v[i]
      for (i = 2; i <= k; i++) for (j = i; j > 1 && m[j - 1] > m[j]; j--) { t = m[j]; m[j] = m[j - 1]; m[j - 1] = t }
      return (k % 2) ? m[(k + 1) / 2] : (m[k / 2] + m[k / 2 + 1]) / 2
    }
    $2 == "during" { if (first == "") first = $1; if ($1 - first >= warm) v[++n] = $3 }
    $2 == "after" { after = $3 }
    END {
      if (n < 3) { print "Memory: the soak was too short to judge (fewer than 3 samples after its 15 s warm-up)."; exit }
      third = int(n / 3); early = median(1, third); late = median(n - third + 1, n)
      limit = early * 0.05; if (limit < 8) limit = 8
      printf "Memory after warm-up (medians of the first and last third of the soak samples): %d MiB, then %d MiB (%+d MiB); %d MiB idle after: %s.\n",
        early, late, late - early, after, (late - early <= limit) ? "flat (within +" int(limit) " MiB)" : "GROWING (over +" int(limit) " MiB)"
    }' "$OUT/rss.txt")"
  say "VmHWM (peak RSS of the process): $(awk '/^VmHWM/ { printf "%d MiB", $2 / 1024 }' "/proc/$SERVER_PID/status")."
fi

say ""
say "wrk outputs, the saved answers and nginx.conf: $OUT"
if [ $(( server_errors + soak_errors )) -gt 0 ]; then
  step "FAILED: $server_errors errors from the server in the benchmark, $soak_errors in the soak"
  exit 1
fi
step "done: 0 errors from the server"
