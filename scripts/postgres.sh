#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's package: a new
# cluster in a temporary folder, on a free port, trusted local connections.
#
#   eval "$(scripts/postgres.sh start)"   exports LOCALGOALS_TEST_POSTGRES (and
#                                         LOCALGOALS_TEST_POSTGRES_DIR)
#   scripts/postgres.sh stop DIR          stops it and removes the folder
#
# PostgreSQL refuses to run as root: as root, the server runs as the
# `postgres` user that Debian's package creates.
set -euo pipefail

bin_dir() {
  local initdb
  initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)"
  if [ -n "$initdb" ]; then dirname "$initdb"; return; fi
  if command -v initdb >/dev/null; then dirname "$(command -v initdb)"; return; fi
  echo "postgres.sh: PostgreSQL is not installed; run scripts/setup.sh --browser" >&2
  exit 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    BIN="$(bin_dir)"
    DIR="$(mktemp -d /tmp/localgoals-pg.XXXXXX)"
    # Nothing left behind if the cluster does not come up.
    trap 'rm -rf "$DIR"' ERR
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$DIR"; fi
    as_owner "$BIN/initdb" -D "$DIR/data" -A trust -U postgres >/dev/null
    # A free port: a random one that nothing answers on (a few tries, in
    # case another program takes it first).
    started=0
    for _ in 1 2 3 4 5; do
      PORT=$(( 20000 + RANDOM % 40000 ))
      if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then continue; fi
      if as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" \
        -o "-p $PORT -k $DIR -h 127.0.0.1 -c fsync=off -c max_connections=200" -w start >/dev/null; then
        started=1
        break
      fi
    done
    if [ "$started" -ne 1 ]; then
      echo "postgres.sh: PostgreSQL did not start; its log follows" >&2
      cat "$DIR/log" >&2 || true
      rm -rf "$DIR"
      exit 1
    fi
    trap - ERR
    echo "export LOCALGOALS_TEST_POSTGRES=postgres://postgres@127.0.0.1:$PORT/postgres"
    echo "export LOCALGOALS_TEST_POSTGRES_DIR=$DIR"
    ;;
  stop)
    DIR="${2:-}"
    [ -n "$DIR" ] || exit 0
    BIN="$(bin_dir)"
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: scripts/postgres.sh start | stop DIR" >&2
    exit 2
    ;;
esac
