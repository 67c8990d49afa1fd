#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
#
# bench/status.sh -- throughput and latency of GET /api/v1/status, and the
# server's memory, on SQLite (always) and PostgreSQL (when
# DOORBRAAK_BENCH_PG is set). Numbers are reported, never asserted: this
# script fails only when it cannot measure (build, start, wrk).
#
#   bench/status.sh                       SQLite only
#   DOORBRAAK_BENCH_PG=1 bench/status.sh  also PostgreSQL (scripts/pg.sh start var/bench-pg)
#
# Environment:
#   BENCH_DURATION  wrk duration (default 10s)
#   BENCH_WARMUP    warm-up duration (default 3s)
#   BENCH_THREADS   wrk threads (default 2)
#   BENCH_CONNS     wrk connections (default 32)
#   DOORBRAAK_THREADS  server worker threads = database connections (server default 4)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
WRK_THREADS=${BENCH_THREADS:-2}
WRK_CONNS=${BENCH_CONNS:-32}
OUT=var/bench
PGDIR=var/bench-pg

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
command -v curl >/dev/null || die "curl is not installed"

make --no-print-directory build >&2
mkdir -p "$OUT"

SERVER_PID=""
PG_STARTED=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
    if [ -n "$PG_STARTED" ]; then
        scripts/pg.sh stop "$PGDIR" >/dev/null 2>&1 || true
        PG_STARTED=""
    fi
}
trap cleanup EXIT INT TERM

# Prints "VmRSS VmHWM" of a process in kB.
mem_of() { # PID
    awk '/^VmRSS:/{r=$2} /^VmHWM:/{h=$2} END{printf "%s %s\n", r, h}' "/proc/$1/status"
}

# wrk reports latencies as 12.34us / 1.23ms / 1.02s; prints milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN{
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
        printf "%.3f", n }'
}

RESULTS=()

# Runs one benchmark against DB (a SQLite path or a postgresql:// URL).
bench_one() { # LABEL DB
    local label=$1 db=$2 log="$OUT/server-$1.log" out="$OUT/wrk-$1.txt" port="" i
    : >"$log"
    build/doorbraak --db "$db" --listen 127.0.0.1:0 serve >"$OUT/server-$label.out" 2>"$log" &
    SERVER_PID=$!
    for i in $(seq 1 100); do
        port=$(sed -n 's|.*luistert op http://[^:]*:\([0-9]*\)/.*|\1|p' "$OUT/server-$label.out" 2>/dev/null)
        [ -n "$port" ] && break
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; die "$label: server exited"; }
        sleep 0.1
    done
    [ -n "$port" ] || die "$label: server did not report its port"
    local url="http://127.0.0.1:$port/api/v1/status"
    curl -fsS "$url" | grep -q '"opslag"' || die "$label: $url does not answer as expected"

    local before after
    before=$(mem_of "$SERVER_PID")
    say "$label: warm-up $WARMUP on port $port"
    wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$WARMUP" "$url" >/dev/null
    say "$label: wrk -t$WRK_THREADS -c$WRK_CONNS -d$DURATION --latency $url"
    wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$DURATION" --latency "$url" | tee "$out" >&2
    after=$(mem_of "$SERVER_PID")

    local rps p50 p99 non2xx errors
    rps=$(awk '/^Requests\/sec:/{print $2}' "$out")
    p50=$(to_ms "$(awk '$1=="50%"{print $2}' "$out")")
    p99=$(to_ms "$(awk '$1=="99%"{print $2}' "$out")")
    non2xx=$(awk '/Non-2xx or 3xx responses:/{print $NF}' "$out")
    errors=$(awk '/Socket errors:/{sub(/.*Socket errors: /, ""); print}' "$out")
    [ -n "$rps" ] || die "$label: could not read wrk's output ($out)"

    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    # One log line per request: keep the request count and the last lines only.
    say "$label: server logged $(wc -l <"$log") lines; keeping the last 200 in $log"
    tail -n 200 "$log" >"$log.tail" && mv "$log.tail" "$log"

    RESULTS+=("$(printf '%-11s %10s %9s %9s %9s %9s %9s %9s %8s' "$label" "$rps" "$p50" "$p99" \
        ${before} ${after} "${non2xx:-0}")")
    [ -z "$errors" ] || say "$label: socket errors: $errors"
}

# --- SQLite --------------------------------------------------------------
rm -f "$OUT"/status.db "$OUT"/status.db-wal "$OUT"/status.db-shm
bench_one sqlite "$OUT/status.db"

# --- PostgreSQL ----------------------------------------------------------
if [ -n "${DOORBRAAK_BENCH_PG:-}" ]; then
    if ! scripts/pg.sh url "$PGDIR" >/dev/null 2>&1; then
        PG_STARTED=1
    fi
    scripts/pg.sh start "$PGDIR" >/dev/null
    pgurl=$(scripts/pg.sh createdb "$PGDIR" dbk_bench)
    bench_one postgresql "$pgurl"
else
    say "PostgreSQL skipped (set DOORBRAAK_BENCH_PG=1 to include it)"
fi

# --- summary -------------------------------------------------------------
echo
echo "GET /api/v1/status -- wrk -t$WRK_THREADS -c$WRK_CONNS -d$DURATION, server threads ${DOORBRAAK_THREADS:-4}, $(nproc) CPUs"
printf '%-11s %10s %9s %9s %9s %9s %9s %9s %8s\n' backend 'req/s' 'p50 ms' 'p99 ms' \
    'RSS0 kB' 'HWM0 kB' 'RSS1 kB' 'HWM1 kB' 'non-2xx'
for r in "${RESULTS[@]}"; do
    printf '%s\n' "$r"
done
echo "(RSS0/HWM0: VmRSS/VmHWM after start; RSS1/HWM1: after the run. Reported, not asserted.)"
