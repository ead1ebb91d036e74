# shellcheck shell=bash
# Throwaway PostgreSQL cluster for CI, sourced by .ci/run (and usable on its own for a quick check):
#
#   source .ci/postgres.sh
#   trap pg_stop EXIT          # set the trap first, so a half-started cluster is cleaned up too
#   pg_start                   # exports PG_PORT, PG_DIR and PG_URL (postgres://postgres@127.0.0.1:$PG_PORT)
#   pg_createdb tradegraph_test
#
# The cluster lives in a fresh temp directory owned by the `postgres` OS user, listens on 127.0.0.1 only,
# on the first free port from PG_PORT_FROM (default 55432), with trust auth, and its unix socket inside
# the temp directory (so it never clashes with a system cluster). pg_stop stops it and removes the dir.

PG_PORT_FROM=${PG_PORT_FROM:-55432}
PG_OS_USER=${PG_OS_USER:-postgres}
PG_BIN=${PG_BIN:-} # may be preset to pick a server version, e.g. /usr/lib/postgresql/15/bin
PG_DIR=            # never taken from the environment: pg_stop removes it
PG_PORT=
PG_URL=

# Newest installed server version's bin dir, e.g. /usr/lib/postgresql/15/bin; empty if none.
pg_find_bin() {
  local f newest=
  for f in /usr/lib/postgresql/*/bin/initdb; do
    [ -x "$f" ] || continue
    newest=$(printf '%s\n%s\n' "$newest" "$f" | sort -V | tail -n 1)
  done
  if [ -n "$newest" ]; then dirname "$newest"; fi
  return 0
}

# Run a command as the cluster's owner: as root, the postgres OS user (PostgreSQL refuses to run as root),
# from / (the caller's cwd may not be readable by that user); otherwise as the current user.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    "$@"
  fi
}

# True if something accepts TCP connections on 127.0.0.1:$1.
pg_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_start() {
  PG_BIN=${PG_BIN:-$(pg_find_bin)}
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "pg_start: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin" >&2
    return 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    echo "pg_start: OS user '$PG_OS_USER' does not exist" >&2
    return 1
  fi

  PG_PORT=$PG_PORT_FROM
  while pg_port_busy "$PG_PORT"; do
    PG_PORT=$((PG_PORT + 1))
    if [ "$PG_PORT" -gt $((PG_PORT_FROM + 100)) ]; then
      echo "pg_start: no free port in $PG_PORT_FROM..$((PG_PORT_FROM + 100))" >&2
      return 1
    fi
  done

  # Not $TMPDIR: the postgres user must be able to reach the directory.
  PG_DIR=$(mktemp -d /tmp/tradegraph-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then chown "$PG_OS_USER:" "$PG_DIR"; fi
  chmod 700 "$PG_DIR"

  echo "pg_start: initdb in $PG_DIR/data ($("$PG_BIN/postgres" --version))"
  pg_as_owner "$PG_BIN/initdb" --pgdata="$PG_DIR/data" --username=postgres --auth=trust \
    --encoding=UTF8 --no-locale --no-sync >"$PG_DIR/initdb.log" 2>&1 || {
    cat "$PG_DIR/initdb.log" >&2
    return 1
  }

  echo "pg_start: starting on 127.0.0.1:$PG_PORT"
  # Durability is pointless for a throwaway cluster; turning it off makes the tests faster.
  pg_as_owner "$PG_BIN/pg_ctl" --pgdata="$PG_DIR/data" --log="$PG_DIR/postgres.log" --wait --timeout=60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || {
    echo "pg_start: pg_ctl start failed; server log:" >&2
    cat "$PG_DIR/postgres.log" >&2 || true
    return 1
  }

  PG_URL="postgres://postgres@127.0.0.1:$PG_PORT"
  export PG_BIN PG_DIR PG_PORT PG_URL
}

# pg_createdb NAME: create a database in the throwaway cluster.
pg_createdb() {
  "$PG_BIN/createdb" --host=127.0.0.1 --port="$PG_PORT" --username=postgres "$1"
}

# pg_psql ARGS...: psql against the throwaway cluster.
pg_psql() {
  "$PG_BIN/psql" --host=127.0.0.1 --port="$PG_PORT" --username=postgres --no-psqlrc -v ON_ERROR_STOP=1 "$@"
}

# Stop the cluster (if it was started) and remove its directory. Safe to call more than once, and as an
# EXIT trap: it never fails and keeps the exit status the script was leaving with.
pg_stop() {
  local rc=$?
  case "${PG_DIR:-}" in
  /tmp/tradegraph-pg.*) ;;
  *) PG_DIR= ;; # only ever remove a directory that pg_start made
  esac
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
      echo "pg_stop: stopping the cluster in $PG_DIR"
      pg_as_owner "$PG_BIN/pg_ctl" --pgdata="$PG_DIR/data" --mode=immediate --wait --timeout=30 stop \
        >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR" || true
  fi
  PG_DIR=
  return "$rc"
}
