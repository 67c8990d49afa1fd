#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
#
# The test runner behind `make test`: installs what is missing, builds, and
# runs every suite; the last line it prints is "N passed, N failed", and it
# exits non-zero when anything failed.
#
#   set-up        scripts/setup.sh test (Debian packages, npm ci)
#   build         make build, make asan (sanitizer build)
#   unit          build/test_*       (TAP-like "ok - name" / "not ok - name")
#   unit-asan     build-asan/test_*  (ASan + UBSan; a crash or report fails)
#   api           tests/api/*.test.mjs, once on SQLite, once on PostgreSQL
#   cli           tests/cli/*.test.mjs and tests/cli/*.sh
#   other Node    tests/<dir>/*.test.mjs for any other dir (e.g. browser), on SQLite;
#                 tests/browser/keten.test.mjs also on PostgreSQL
#   storing       tests/storing/storing.test.mjs on the sanitizer build, SQLite and
#                 PostgreSQL: the Nth store statement / arena block of each step
#                 of the main flows fails; a clean answer, nothing half-written
#   lint          api/openapi.json with Spectral against each tests/lint/adr-ruleset-*.yaml
#   fuzz          build-fuzz/fuzz_json for 60 s, then one target per reader of
#                 untrusted input (aanvraag, ontvangstbewijs, verdeling, klok,
#                 catalogus, bijlage, verantwoording, sociaal, monitoring) for 30 s each (libFuzzer; a crash or leak fails)
#
# Every test line "ok - ..." counts as passed, "ok - ... # SKIP ..." as
# skipped, "not ok - ..." as failed. A suite that crashes, hangs (timeout)
# or exits non-zero without naming a failing test counts as one failure
# more, and so does a build step that fails. The suites keep running after
# a failure.
#
# A throwaway PostgreSQL server runs in `scripts/pg.sh dir` (a folder under
# /tmp that the postgres user can reach wherever the clone is) for the whole run
# (scripts/pg.sh) and is stopped at exit, unless it was already running or
# DOORBRAAK_TEST_PG_URL names a server provided from outside. Suites get
# DOORBRAAK_TEST_PG (its directory, for `scripts/pg.sh createdb DIR NAME`)
# and DOORBRAAK_TEST_PG_URL (its base URL).
#
# Environment:
#   DOORBRAAK_TEST_QUICK=1       skip the sanitizer build, its unit run and the fuzzer
#   DOORBRAAK_TEST_FUZZ_SECONDS  fuzzing time (default 60)
#   DOORBRAAK_TEST_PG            directory of the throwaway PostgreSQL (default: scripts/pg.sh dir)
#   DOORBRAAK_TEST_PG_URL        use this PostgreSQL server instead of starting one
set -euo pipefail

repo_root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$repo_root"

quick=${DOORBRAAK_TEST_QUICK:-0}
export fuzz_seconds=${DOORBRAAK_TEST_FUZZ_SECONDS:-60}
log_dir=var/test-logs
pg_dir=${DOORBRAAK_TEST_PG:-$(scripts/pg.sh dir)}
started=$(date +%s)

# No telemetry from npm packages (Spectral's dependency @scarf/scarf).
export SCARF_ANALYTICS=false
export DO_NOT_TRACK=1

passed=0
failed=0
skipped=0
failures=()

mkdir -p "$log_dir"
rm -f "$log_dir"/*.log

header() { printf '\n=== %s ===\n' "$*"; }
note() { printf 'test.sh: %s\n' "$*"; }

# A failure that is not a test line of a suite (build step, crash, ...).
fail_step() { # NAME REASON
    printf 'not ok - %s # %s\n' "$1" "$2"
    failed=$((failed + 1))
    failures+=("$1 ($2)")
}

slug() { printf '%s' "$*" | tr -c 'A-Za-z0-9_.-' '_'; }

# run_suite NAME TIMEOUT_S [--sanitizer] CMD [ARGS...]
# Runs CMD with a time limit, shows and keeps its output, and counts its
# test lines. Never fails itself, so `set -e` does not stop the run.
run_suite() {
    local name=$1 limit=$2
    shift 2
    local sanitizer=0
    if [ "${1:-}" = --sanitizer ]; then
        sanitizer=1
        shift
    fi
    header "$name"
    local out rc t0=$SECONDS
    out="$log_dir/$(slug "$name").log"
    # A shell function runs in a child bash so that `timeout` can bound it.
    if declare -F "$1" >/dev/null; then
        # shellcheck disable=SC2163 # exports the function named by $1
        export -f "$1"
        set -- bash -c '"$@"' run_suite "$@"
    fi
    set +e
    timeout -k 10 "$limit" "$@" </dev/null 2>&1 | tee "$out"
    rc=${PIPESTATUS[0]}
    set -e
    local p f s
    s=$(grep -cE '^ok - .*# SKIP' "$out" || true)
    p=$(grep -cE '^ok - ' "$out" || true)
    p=$((p - s))
    f=$(grep -cE '^not ok - ' "$out" || true)
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
    local prefix=""
    case $name in unit*) prefix="$name: " ;; esac
    while IFS= read -r line; do
        failures+=("$prefix${line#not ok - }")
    done < <(grep -E '^not ok - ' "$out" || true)
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        fail_step "$name" "timed out after ${limit} s"
    elif [ "$rc" -gt 128 ]; then
        fail_step "$name" "crashed (signal $((rc - 128)))"
    elif [ "$sanitizer" -eq 1 ] &&
        grep -qE 'ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:|SUMMARY: UndefinedBehaviorSanitizer' "$out"; then
        fail_step "$name" "sanitizer report (see $out)"
    elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        fail_step "$name" "exited with status $rc without a failing test line"
    elif [ "$rc" -eq 0 ] && [ "$f" -gt 0 ]; then
        note "warning: $name reported failing tests but exited 0"
    fi
    if [ $((p + f + s)) -eq 0 ] && [ "$rc" -eq 0 ]; then
        note "warning: $name reported no tests"
    fi
    printf -- '--- %s: %d passed, %d failed, %d skipped (%d s)\n' "$name" "$p" "$f" "$s" $((SECONDS - t0))
}

# step NAME CMD...: a build step; only its failure counts.
step() {
    local name=$1
    shift
    header "$name"
    local t0=$SECONDS
    if "$@" </dev/null; then
        printf -- '--- %s: done (%d s)\n' "$name" $((SECONDS - t0))
        return 0
    fi
    fail_step "$name" "failed"
    return 1
}

# The unit test binaries of a Meson build dir, from `meson introspect`,
# else by name.
unit_tests() { # BUILDDIR
    local dir=$1 list=""
    if [ -f "$dir/build.ninja" ] && command -v python3 >/dev/null 2>&1; then
        list=$(meson introspect "$dir" --tests 2>/dev/null | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    cmd = t.get("cmd") or []
    if cmd and "/test_" in cmd[0]:
        print(cmd[0])
' 2>/dev/null || true)
    fi
    if [ -z "$list" ]; then
        list=$(find "$dir" -maxdepth 1 -type f -name 'test_*' -perm -u+x 2>/dev/null | sort)
    fi
    printf '%s\n' "$list" | sed '/^$/d'
}

# --- PostgreSQL for the whole run ------------------------------------------------

pg_started_here=0
pg_ok=0
cleanup() {
    local rc=$?
    if [ "$pg_started_here" -eq 1 ]; then
        env -u DOORBRAAK_TEST_PG_URL scripts/pg.sh stop "$pg_dir" >/dev/null 2>&1 || true
    fi
    return $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_pg() {
    local url
    if [ -n "${DOORBRAAK_TEST_PG_URL:-}" ]; then
        note "PostgreSQL: using DOORBRAAK_TEST_PG_URL from the environment"
        pg_ok=1
        return 0
    fi
    if url=$(scripts/pg.sh url "$pg_dir" 2>/dev/null); then
        note "PostgreSQL: already running in $pg_dir (left running at exit)"
    elif url=$(scripts/pg.sh start "$pg_dir"); then
        pg_started_here=1
    else
        return 1
    fi
    export DOORBRAAK_TEST_PG_URL=$url
    pg_ok=1
    note "PostgreSQL: $url"
}

# --- set-up and builds ---------------------------------------------------------

step "setup: scripts/setup.sh test" scripts/setup.sh test || true

built=0
step "build: make build" make build && built=1

asan_built=0
if [ "$quick" = 1 ]; then
    note "DOORBRAAK_TEST_QUICK=1: no sanitizer build, no fuzzing"
else
    step "build: make asan" make asan && asan_built=1
fi

export DOORBRAAK_TEST_PG=$pg_dir
# Suites that need PostgreSQL fail (never skip) when it is not there.
export DOORBRAAK_TEST_PG_REQUIRED=1
header "postgresql: throwaway server"
start_pg || fail_step "postgresql: start throwaway server" "scripts/pg.sh start $pg_dir failed"

# --- unit tests ------------------------------------------------------------------

if [ "$built" -eq 1 ]; then
    while IFS= read -r bin; do
        [ -n "$bin" ] || continue
        run_suite "unit: ${bin##*/}" 300 "$bin"
    done < <(unit_tests build)
fi

if [ "$asan_built" -eq 1 ]; then
    while IFS= read -r bin; do
        [ -n "$bin" ] || continue
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
            run_suite "unit-asan: ${bin##*/}" 600 --sanitizer "$bin"
    done < <(unit_tests build-asan)
fi

# --- Node suites -----------------------------------------------------------------

if ! command -v node >/dev/null 2>&1; then
    fail_step "node suites" "node is not on PATH"
elif [ "$built" -eq 1 ]; then
    shopt -s nullglob
    for f in tests/api/*.test.mjs; do
        n=${f#tests/}
        n=${n%.test.mjs}
        DOORBRAAK_TEST_BACKEND=sqlite run_suite "$n [sqlite]" 900 node "$f"
        if [ "$pg_ok" -eq 1 ]; then
            DOORBRAAK_TEST_BACKEND=postgresql run_suite "$n [postgresql]" 900 node "$f"
        else
            fail_step "$n [postgresql]" "not run: no PostgreSQL server"
        fi
    done
    for f in tests/cli/*.test.mjs tests/cli/*.sh; do
        n=${f#tests/}
        case $f in
            *.sh) run_suite "${n%.sh}" 600 bash "$f" ;;
            *) run_suite "${n%.test.mjs}" 600 node "$f" ;;
        esac
    done
    # Any other directory of Node suites (tests/browser, ...), on SQLite.
    [ -x /usr/bin/chromium ] && export DOORBRAAK_TEST_CHROMIUM=${DOORBRAAK_TEST_CHROMIUM:-/usr/bin/chromium}
    for f in tests/*/*.test.mjs; do
        case $f in tests/api/* | tests/cli/* | tests/lib/* | tests/storing/*) continue ;; esac
        n=${f#tests/}
        DOORBRAAK_TEST_BACKEND=sqlite run_suite "${n%.test.mjs}" 900 node "$f"
        # The chain of every role also runs on PostgreSQL.
        if [ "$f" = tests/browser/keten.test.mjs ]; then
            if [ "$pg_ok" -eq 1 ]; then
                DOORBRAAK_TEST_BACKEND=postgresql run_suite "${n%.test.mjs} [postgresql]" 900 node "$f"
            else
                fail_step "${n%.test.mjs} [postgresql]" "not run: no PostgreSQL server"
            fi
        fi
    done
    shopt -u nullglob
    # Fault injection needs the sanitizer build (src/core/basis/storing.h).
    if [ "$asan_built" -eq 1 ]; then
        DOORBRAAK_BIN=build-asan/doorbraak DOORBRAAK_TEST_BACKEND=sqlite \
            run_suite "storing [sqlite]" 900 node tests/storing/storing.test.mjs
        if [ "$pg_ok" -eq 1 ]; then
            DOORBRAAK_BIN=build-asan/doorbraak DOORBRAAK_TEST_BACKEND=postgresql \
                run_suite "storing [postgresql]" 900 node tests/storing/storing.test.mjs
        else
            fail_step "storing [postgresql]" "not run: no PostgreSQL server"
        fi
    elif [ "$quick" != 1 ]; then
        fail_step "storing" "not run: the sanitizer build failed"
    fi
fi

# --- OpenAPI lint ----------------------------------------------------------------

lint_one() { # RULESET
    local spectral=node_modules/.bin/spectral name=${1##*/}
    name=${name%.yaml}
    if [ ! -x "$spectral" ]; then
        printf 'not ok - lint: api/openapi.json against %s # Spectral not installed (npm ci)\n' "$name"
        return 1
    fi
    local rc=0
    "$spectral" lint --fail-severity error -r "$1" api/openapi.json || rc=$?
    if [ "$rc" -eq 0 ]; then
        printf 'ok - lint: api/openapi.json against %s (no errors)\n' "$name"
    else
        printf 'not ok - lint: api/openapi.json against %s (errors above)\n' "$name"
    fi
    return "$rc"
}

shopt -s nullglob
rulesets=(tests/lint/adr-ruleset-*.yaml)
shopt -u nullglob
if [ ${#rulesets[@]} -eq 0 ]; then
    fail_step "lint" "no rulesets in tests/lint"
fi
for r in "${rulesets[@]}"; do
    run_suite "lint: ${r##*/}" 300 lint_one "$r"
done

# --- fuzzing ---------------------------------------------------------------------

fuzz_run() { # TARGET SECONDS
    local doel=$1 sec=$2
    local corpus=var/fuzz/corpus/$doel artifacts=var/fuzz/artifacts/$doel/
    mkdir -p "$corpus" "$artifacts"
    local rc
    # The progress lines (NEW, REDUCE, pulse) are left out of the output.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "build-fuzz/fuzz_$doel" -max_total_time="$sec" -timeout=10 -rss_limit_mb=2048 -max_len=300000 \
        -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" "fuzz/corpus/$doel" 2>&1 |
        grep -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)'
    rc=${PIPESTATUS[0]}
    if [ "$rc" -eq 0 ]; then
        printf 'ok - fuzz: fuzz_%s ran %d s without a crash or leak\n' "$doel" "$sec"
    else
        printf 'not ok - fuzz: fuzz_%s found a crash or leak (exit %d; reproducer in %s)\n' "$doel" "$rc" "$artifacts"
    fi
    return "$rc"
}

if [ "$quick" != 1 ]; then
    if step "build: make fuzz" make fuzz; then
        # The JSON decoder gets the full time; every reader behind it half of it.
        run_suite "fuzz: fuzz_json" $((fuzz_seconds + 240)) fuzz_run json "$fuzz_seconds"
        for doel in aanvraag ontvangstbewijs verdeling klok catalogus bijlage verantwoording sociaal monitoring; do
            run_suite "fuzz: fuzz_$doel" $((fuzz_seconds / 2 + 240)) fuzz_run "$doel" $((fuzz_seconds / 2))
        done
    fi
fi

# --- summary ---------------------------------------------------------------------

header "summary"
if [ ${#failures[@]} -gt 0 ]; then
    printf 'failed:\n'
    printf '  %s\n' "${failures[@]}"
fi
[ "$skipped" -gt 0 ] && printf 'skipped: %d (not counted as passed)\n' "$skipped"
printf 'time: %d s; logs in %s/\n' $(($(date +%s) - started)) "$log_dir"
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
