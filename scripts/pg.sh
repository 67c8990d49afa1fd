#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
#
# Throwaway PostgreSQL server for tests: loopback only, trust auth, no fsync,
# entirely inside DIR; the system cluster is never touched.
#
#   scripts/pg.sh start DIR          start (initdb on first use); prints
#                                    postgresql://doorbraak@127.0.0.1:PORT/postgres
#   scripts/pg.sh createdb DIR NAME  (re)create database NAME, starting the
#                                    server if needed; prints its URL
#   scripts/pg.sh url DIR            print the base URL of a running server
#   scripts/pg.sh stop DIR           stop the server (DIR is kept)
#   scripts/pg.sh dir                print the default DIR of this clone:
#                                    /tmp/doorbraak-pg-UID-HASH (HASH of the
#                                    clone's path), a folder the postgres user
#                                    can reach even when the clone is in a
#                                    private home such as /root (mode 0700)
#
# stdout carries only the URL; diagnostics go to stderr.
#
# Environment:
#   DOORBRAAK_TEST_PG_URL  use this server instead (e.g. provided by CI):
#                          start/url print it, createdb creates NAME on it and
#                          prints the URL with NAME as database, stop does nothing.
#   DOORBRAAK_PG_BIN       PostgreSQL bin dir (default /usr/lib/postgresql/15/bin,
#                          else the newest /usr/lib/postgresql/*/bin)
#   DOORBRAAK_PG_PORT      first port to try (default 55432)
#
# As root, the server runs as user `postgres` (initdb refuses root) and DIR is
# chowned to it; as any other user it runs as that user.
set -euo pipefail

ROLE=doorbraak
prog=${0##*/}

say() { printf 'pg.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
    cat >&2 <<EOF
usage: $prog start DIR
       $prog dir
       $prog createdb DIR NAME
       $prog url DIR
       $prog stop DIR
EOF
    exit 2
}

# --- helpers -----------------------------------------------------------------

find_bin() {
    local b
    if [ -n "${DOORBRAAK_PG_BIN:-}" ]; then
        b=$DOORBRAAK_PG_BIN
    elif [ -x /usr/lib/postgresql/15/bin/postgres ]; then
        b=/usr/lib/postgresql/15/bin
    else
        b=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)
    fi
    if ! { [ -x "$b/pg_ctl" ] && [ -x "$b/initdb" ] && [ -x "$b/psql" ]; }; then
        die "PostgreSQL server binaries not found (install postgresql-15, or set DOORBRAAK_PG_BIN)"
    fi
    PGBIN=$b
}

# Run a command as the user that owns the cluster.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

psql_at() { # PORT DB SQL...
    local port=$1 db=$2
    shift 2
    PGCONNECT_TIMEOUT=10 PGOPTIONS='-c client_min_messages=warning' "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -At \
        -h 127.0.0.1 -p "$port" -d "$db" "$@"
}

port_in_use() {
    # Something accepts connections on it, or listens on it on any address.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    if command -v ss >/dev/null 2>&1; then
        [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ] && return 0
    fi
    return 1
}

is_running() {
    [ -f "$DIR/data/PG_VERSION" ] || return 1
    as_pg "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1 || return 1
    # A postmaster that died (e.g. kill -9) can linger as a zombie until it is
    # reaped, which pg_ctl still counts as running: wait for it to go away.
    local pid _
    pid=$(head -n1 "$DIR/data/postmaster.pid" 2>/dev/null | tr -dc '0-9')
    [ -n "$pid" ] || return 0
    for _ in $(seq 1 100); do
        [ -r "/proc/$pid/stat" ] || break
        [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" = Z ] || return 0
        sleep 0.1
    done
    say "postmaster $pid in $DIR has died; treating the server as stopped"
    as_pg "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1 && return 0
    return 1
}

running_port() {
    # The port of the running server: postmaster.pid line 4, else DIR/port.
    local p=""
    if [ -r "$DIR/data/postmaster.pid" ]; then
        p=$(sed -n 4p "$DIR/data/postmaster.pid" | tr -dc '0-9')
    fi
    if [ -z "$p" ] && [ -f "$DIR/port" ]; then
        p=$(tr -dc '0-9' <"$DIR/port")
    fi
    [ -n "$p" ] || die "server in $DIR is running but its port is unknown"
    printf '%s\n' "$p"
}

base_url() { printf 'postgresql://%s@127.0.0.1:%s/postgres\n' "$ROLE" "$1"; }

# The default directory of this clone's throwaway server (see the top).
default_dir() {
    local root hash
    root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
    hash=$(printf '%s' "$root" | sha256sum | cut -c1-12)
    printf '/tmp/doorbraak-pg-%s-%s\n' "$(id -u)" "$hash"
}

set_dir() {
    [ -n "${1:-}" ] || usage
    mkdir -p -- "$1"
    # A folder in a shared place must be ours (or the postgres user's, after
    # an earlier run as root), never one another user prepared.
    local owner
    owner=$(stat -c %u -- "$1")
    if [ "$owner" != "$(id -u)" ] && ! { [ "$(id -u)" -eq 0 ] && [ "$owner" = "$(id -u postgres 2>/dev/null)" ]; }; then
        die "$1 belongs to user id $owner, not to us"
    fi
    DIR=$(cd -- "$1" && pwd -P)
    # Unix socket paths are limited to 107 bytes.
    [ ${#DIR} -le 90 ] || die "DIR path too long for a Unix socket: $DIR"
    [[ $DIR != *[[:space:]]* ]] || die "DIR must not contain whitespace: $DIR"
}

init_cluster() {
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist (install postgresql)"
        chown postgres: "$DIR"
        runuser -u postgres -- test -w "$DIR" ||
            die "user postgres cannot write $DIR (a parent directory is not accessible)"
    fi
    [ -f "$DIR/data/PG_VERSION" ] && return 0
    [ -e "$DIR/data" ] && die "$DIR/data exists but is not a PostgreSQL data directory"
    say "initdb $DIR/data"
    if ! as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres -E UTF8 --no-locale \
        --auth-local=trust --auth-host=trust --no-sync >"$DIR/initdb.log" 2>&1; then
        cat "$DIR/initdb.log" >&2
        rm -rf -- "$DIR/data"
        die "initdb failed"
    fi
}

start_server() {
    local first=${DOORBRAAK_PG_PORT:-55432} port tries=0
    port=$first
    while :; do
        tries=$((tries + 1))
        [ $tries -le 100 ] || die "no free port in $first..$((first + 99))"
        if port_in_use "$port"; then
            port=$((port + 1))
            continue
        fi
        if as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null 2>&1; then
            break
        fi
        # Lost a race for the port? Try the next one; otherwise give up.
        if tail -n 20 "$DIR/log" 2>/dev/null | grep -qiE 'could not bind|address already in use|lock file .* already exists'; then
            say "port $port taken, trying $((port + 1))"
            port=$((port + 1))
            continue
        fi
        tail -n 20 "$DIR/log" >&2 2>/dev/null || true
        die "postgres failed to start (log: $DIR/log)"
    done
    printf '%s\n' "$port" >"$DIR/port"

    # Role used by the tests: superuser, login, trust auth.
    if [ "$(psql_at "$port" postgres -U postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
        psql_at "$port" postgres -U postgres -c "CREATE ROLE $ROLE SUPERUSER LOGIN" >/dev/null
    fi
    say "started PostgreSQL ($("$PGBIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port, data in $DIR/data"
}

ensure_started() { # prints nothing; sets PORT
    find_bin
    if is_running; then
        PORT=$(running_port)
        return 0
    fi
    init_cluster
    start_server
    PORT=$(running_port)
}

valid_dbname() {
    [[ $1 =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] || die "invalid database name '$1' (use [A-Za-z0-9_], max 63)"
}

# URL with its database part replaced by NAME (keeps any ?query).
url_with_db() { # URL NAME
    local url=$1 name=$2 rest query=""
    if [[ $url == *\?* ]]; then
        query="?${url#*\?}"
        url=${url%%\?*}
    fi
    rest=${url#*://}
    case $rest in
        */*) url="${url%://*}://${rest%%/*}" ;;
    esac
    printf '%s/%s%s\n' "$url" "$name" "$query"
}

# --- commands ----------------------------------------------------------------

[ $# -ge 1 ] || usage
cmd=$1
shift

case $cmd in
start)
    [ $# -eq 1 ] || usage
    if [ -n "${DOORBRAAK_TEST_PG_URL:-}" ]; then
        printf '%s\n' "$DOORBRAAK_TEST_PG_URL"
        exit 0
    fi
    set_dir "$1"
    ensure_started
    base_url "$PORT"
    ;;

url)
    [ $# -eq 1 ] || usage
    if [ -n "${DOORBRAAK_TEST_PG_URL:-}" ]; then
        printf '%s\n' "$DOORBRAAK_TEST_PG_URL"
        exit 0
    fi
    set_dir "$1"
    find_bin
    is_running || die "no server running in $DIR"
    base_url "$(running_port)"
    ;;

createdb)
    [ $# -eq 2 ] || usage
    name=$2
    valid_dbname "$name"
    if [ -n "${DOORBRAAK_TEST_PG_URL:-}" ]; then
        find_bin
        PGCONNECT_TIMEOUT=10 PGOPTIONS='-c client_min_messages=warning' "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$DOORBRAAK_TEST_PG_URL" \
            -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" \
            -c "CREATE DATABASE \"$name\"" >/dev/null
        url_with_db "$DOORBRAAK_TEST_PG_URL" "$name"
        exit 0
    fi
    set_dir "$1"
    ensure_started
    psql_at "$PORT" postgres -U "$ROLE" \
        -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" \
        -c "CREATE DATABASE \"$name\" OWNER $ROLE" >/dev/null
    printf 'postgresql://%s@127.0.0.1:%s/%s\n' "$ROLE" "$PORT" "$name"
    ;;

stop)
    [ $# -eq 1 ] || usage
    if [ -n "${DOORBRAAK_TEST_PG_URL:-}" ]; then
        exit 0
    fi
    [ -d "$1" ] || exit 0
    set_dir "$1"
    find_bin
    if is_running; then
        as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w -t 60 stop >/dev/null
        say "stopped PostgreSQL in $DIR"
    else
        say "no server running in $DIR"
    fi
    rm -f -- "$DIR/port"
    ;;

dir)
    [ $# -eq 0 ] || usage
    default_dir
    ;;

-h|--help|help)
    usage
    ;;
*)
    usage
    ;;
esac
