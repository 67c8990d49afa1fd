#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
#
# bench/indiening.sh -- the deadline benchmark (bench/indiening.md): many
# concurrent clients submit in the last part of a round; durable
# submissions per second and p99, beside the rate at which the same
# database commits a plain durable INSERT of the same size with the same
# number of committers. SQLite always; PostgreSQL on a server of its own
# with fsync=on, synchronous_commit=on and full_page_writes=on (the test
# server of scripts/pg.sh runs with fsync=off and would flatter the numbers).
# Reports; never asserts a number.
#
#   bench/indiening.sh                     SQLite and durable PostgreSQL, 60 s window
#   BENCH_VENSTER=15 bench/indiening.sh    a quick run
#   BENCH_PG=0 bench/indiening.sh          SQLite only
#
# Environment: BENCH_CLIENTS (64), BENCH_VENSTER (seconds of the last part
# of the round, 60), BENCH_VOORBEREIDING (seconds to prepare drafts, 150),
# BENCH_CONCEPTEN (at most this many drafts, 40000), DOORBRAAK_THREADS
# (server worker threads = database connections, 16), BENCH_BASIS_S
# (seconds of the baseline, 15), BENCH_PG_SNEL=1 (also the fsync=off test
# server, labelled as such).
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${BENCH_CLIENTS:-64}
VENSTER=${BENCH_VENSTER:-60}
VOORBEREIDING=${BENCH_VOORBEREIDING:-150}
CONCEPTEN=${BENCH_CONCEPTEN:-40000}
THREADS=${DOORBRAAK_THREADS:-16}
BASIS_S=${BENCH_BASIS_S:-15}
OUT=var/bench
PGDIR=$PWD/var/bench-pg-duurzaam
PGPORT=${BENCH_PG_PORT:-56432}

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

command -v node >/dev/null || die "node is not installed"
make --no-print-directory build >&2
mkdir -p "$OUT"

PG_STARTED=""
PGBIN=""
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    if [ -n "$PG_STARTED" ]; then
        as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT INT TERM

# A PostgreSQL server of its own, durable: fsync, synchronous_commit and
# full_page_writes on (the defaults); sets PG_URL. (Not in a $(...)
# subshell: PG_STARTED must reach the cleanup.)
PG_URL=""
pg_duurzaam() {
    PGBIN=/usr/lib/postgresql/15/bin
    [ -x "$PGBIN/pg_ctl" ] || PGBIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)
    [ -x "$PGBIN/pg_ctl" ] || die "PostgreSQL server binaries not found"
    mkdir -p "$PGDIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PGDIR"; fi
    if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
        as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -E UTF8 --no-locale \
            --auth-local=trust --auth-host=trust >"$PGDIR/initdb.log" 2>&1 || die "initdb failed"
    fi
    as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=200" \
        start >/dev/null || die "postgres failed to start (log: $PGDIR/log)"
    PG_STARTED=1
    "$PGBIN/psql" -X -q -At -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres \
        -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'doorbraak') THEN CREATE ROLE doorbraak SUPERUSER LOGIN; END IF; END\$\$" \
        -c "DROP DATABASE IF EXISTS dbk_bench_indiening WITH (FORCE)" -c "CREATE DATABASE dbk_bench_indiening OWNER doorbraak" >/dev/null
    say "PostgreSQL $("$PGBIN/psql" -X -At -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -c 'SHOW server_version') on port $PGPORT:" \
        "fsync=$("$PGBIN/psql" -X -At -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -c 'SHOW fsync')," \
        "synchronous_commit=$("$PGBIN/psql" -X -At -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -c 'SHOW synchronous_commit')"
    PG_URL="postgresql://doorbraak@127.0.0.1:$PGPORT/dbk_bench_indiening"
}

RESULTS=()
run_one() { # LABEL DB
    local label=$1 db=$2 res basis bytes
    say "$label: drafts for ${VOORBEREIDING} s, then $CLIENTS clients in the last ${VENSTER} s of the round"
    res=$(node bench/indiening.mjs --db "$db" --label "$label" --clients "$CLIENTS" --venster "$VENSTER" \
        --threads "$THREADS" --voorbereiding "$VOORBEREIDING" --concepten "$CONCEPTEN" \
        --uit "$OUT/indiening-$label.json" 2>"$OUT/indiening-$label.log" | tail -n1) ||
        { tail -n 20 "$OUT/indiening-$label.log" >&2; die "$label: the submission run failed"; }
    bytes=$(node -e 'console.log(JSON.parse(process.argv[1]).document_bytes)' "$res")
    say "$label: baseline, $THREADS committers, ${BASIS_S} s, $bytes bytes per row"
    basis=$(build/bench_indiening_basis "$db" "$THREADS" "$BASIS_S" "$bytes") || die "$label: baseline failed"
    printf '%s\n' "$basis" >"$OUT/indiening-$label-basis.json"
    RESULTS+=("$(node -e '
        const r = JSON.parse(process.argv[1]), b = JSON.parse(process.argv[2]);
        const ratio = r.indieningen_per_s && b.commits_per_s ? (r.indieningen_per_s / b.commits_per_s).toFixed(3) : "-";
        console.log([r.label, r.ontvangstbewijzen, r.opgeslagen_versies, r.indieningen_per_s, r.p50_ms, r.p99_ms,
          r.fouten_5xx + r.verbindingsfouten + r.overig_4xx, r.geweigerd_na_sluiting, r.laatste_voor_sluiting,
          b.commits_per_s, b.p99_ms, ratio].join("|"));' "$res" "$basis")")
}

rm -f "$OUT"/indiening.db "$OUT"/indiening.db-wal "$OUT"/indiening.db-shm
run_one sqlite "$OUT/indiening.db"
if [ "${BENCH_PG:-1}" != 0 ]; then
    pg_duurzaam
    run_one postgresql-fsync-on "$PG_URL"
fi
if [ "${BENCH_PG_SNEL:-0}" = 1 ]; then
    snel=$(scripts/pg.sh createdb var/test-pg dbk_bench_indiening_snel)
    run_one postgresql-fsync-off "$snel"
fi

{
    printf '\n%-22s %9s %9s %10s %8s %8s %7s %9s %9s | %10s %8s %7s\n' backend receipts stored 'subm/s' 'p50 ms' 'p99 ms' errors refused 'in-time' 'insert/s' 'p99 ms' ratio
    for r in "${RESULTS[@]}"; do
        IFS='|' read -r l a b c d e f g h i j k <<<"$r"
        printf '%-22s %9s %9s %10s %8s %8s %7s %9s %9s | %10s %8s %7s\n' "$l" "$a" "$b" "$c" "$d" "$e" "$f" "$g" "$h" "$i" "$j" "$k"
    done
    printf '\nclients %s, window %s s, server threads %s; SQLite WAL synchronous=FULL; PostgreSQL fsync=on, synchronous_commit=on.\n' \
        "$CLIENTS" "$VENSTER" "$THREADS"
    printf 'Details: %s/indiening-*.json\n' "$OUT"
} | tee "$OUT/indiening-samenvatting.txt"
