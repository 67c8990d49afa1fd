#!/bin/bash
# export.sh -- the largest lists as streamed downloads through the real
# server (issue 17; bench/README.md): time and the server's peak resident
# memory added by one export (VmHWM of the server process, reset through
# /proc/PID/clear_refs right before the request). Not a test: it measures
# and prints.
#
#   bench/export.sh [DB]
#
# DB: a database made by build/bench_monitoring (default
# var/bench/monitoring.db; 5,000 projects, 26,676 signals on 2029-12-31). It is
# copied; the server runs with --demo on the copy (its demo accounts log in),
# without the demo chain and social domain.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-var/bench/monitoring.db}
kopie=var/bench/export.db
rm -f "$kopie" "$kopie-wal" "$kopie-shm"
cp "$db" "$kopie"
poort=18123
DOORBRAAK_DEMO_VERANTWOORDING=0 DOORBRAAK_DEMO_SOCIAAL=0 build/doorbraak serve --demo --db "$kopie" \
    --listen 127.0.0.1:$poort > var/bench/export.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$poort/api/v1/status" > /dev/null && break; sleep 0.2; done
jar=$(mktemp)
curl -fs -c "$jar" -H 'Content-Type: application/json' \
    -d '{"gebruikersnaam":"bestuur","wachtwoord":"demo-doorbraak-2026"}' "http://127.0.0.1:$poort/api/v1/sessies" > /dev/null
meet() { # PATH
    local rss_voor hwm
    rss_voor=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    echo 5 > /proc/$pid/clear_refs
    local uit
    uit=$(curl -fs -b "$jar" -D var/bench/export.kop -o var/bench/export.bin -w '%{time_total} %{size_download}' "http://127.0.0.1:$poort/api/v1$1")
    hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
    printf '  %-52s %6.0f ms %9d bytes, %s rows; server: %d MiB resident before, peak +%d MiB\n' "$1" \
        "$(echo "${uit% *} * 1000" | bc)" "${uit#* }" "$(awk -F": " 'tolower($1) == "doorbraak-rijen" {print $2+0}' var/bench/export.kop)" \
        $((rss_voor / 1024)) $(((hwm - rss_voor) / 1024))
}
echo "bench/export.sh: $(sqlite3 "$kopie" 'SELECT count(*) FROM beschikking') beschikkingen"
meet '/signalen?peildatum=2029-12-31&formaat=xlsx'
meet '/signalen?peildatum=2029-12-31&formaat=xlsx'
meet '/signalen?peildatum=2029-12-31&formaat=csv'
meet '/signalen?peildatum=2029-12-31'
meet '/open-data/plannen?formaat=xlsx'
meet '/programmamonitor?peildatum=2029-12-31&formaat=xlsx&lijst=geld.per_regio'
rm -f "$jar"
