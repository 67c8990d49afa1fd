#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
#
# Idempotent machine set-up for doorbraak on Debian bookworm.
#
#   scripts/setup.sh run    install what building and running needs, including
#                           node, npm and `npm ci` in the repo root: the build
#                           embeds the web client's front-end packages from
#                           node_modules (web/meson.build)
#   scripts/setup.sh test   the above, plus what the test suites need
#
# Only missing Debian packages are installed: `apt-get update` runs once, and
# only when something is missing, so a second run is fast and works offline.
# Runs as root, or as a user with sudo.
set -euo pipefail

say() { printf 'setup: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
    printf 'usage: %s run|test\n' "${0##*/}" >&2
    exit 2
}

[ $# -eq 1 ] || usage
mode=$1
case $mode in
    run|test) ;;
    -h|--help|help) usage ;;
    *) usage ;;
esac

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
repo_root=$(dirname -- "$script_dir")

# --- package lists -----------------------------------------------------------

run_pkgs=(
    build-essential pkg-config meson ninja-build
    libmicrohttpd-dev libjansson-dev libsodium-dev libsqlite3-dev libpq-dev
    libhpdf-dev libmagic-dev libxlsxwriter-dev zlib1g-dev libcurl4-openssl-dev sqlite3 ca-certificates
)

test_pkgs=(
    clang-14 libclang-rt-14-dev
    postgresql wrk curl chromium
    coinor-cbc hledger python3-aiosmtpd
)

wanted=("${run_pkgs[@]}")
if [ "$mode" = test ]; then
    wanted+=("${test_pkgs[@]}")
fi
# Node, for both modes (the build needs node_modules, the suites need node):
# keep whatever node/npm is already on PATH (CI may bring its own, e.g.
# node 20 + npm 11); only fall back to Debian's packages when absent.
if ! command -v node >/dev/null 2>&1; then
    wanted+=(nodejs)
    command -v npm >/dev/null 2>&1 || wanted+=(npm)
elif ! command -v npm >/dev/null 2>&1; then
    # Debian's npm is only safe on top of Debian's own nodejs.
    node_ver=$(dpkg-query -W -f='${Version}' nodejs 2>/dev/null || true)
    if [ -n "$node_ver" ] && [[ $node_ver != *nodesource* ]]; then
        wanted+=(npm)
    else
        say "warning: node $(node --version 2>/dev/null || echo '?') is on PATH but npm is not; not installing Debian's npm over it"
    fi
fi

# --- which are missing? ------------------------------------------------------

missing=()
for p in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    say "all ${#wanted[@]} Debian packages for '$mode' already installed"
else
    say "missing Debian packages: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        as_root=()
    elif command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        die "not root and no sudo: cannot install ${missing[*]}"
    fi
    say "apt-get update"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    say "apt-get install ${missing[*]}"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
    say "installed ${#missing[@]} Debian packages"
fi

# --- npm dependencies (run and test: the build embeds the web client's packages)

if [ -f "$repo_root/package.json" ]; then
    command -v npm >/dev/null 2>&1 || die "package.json present but npm is not on PATH"
    nm="$repo_root/node_modules"
    lock="$repo_root/package-lock.json"
    if [ ! -f "$lock" ]; then
        if [ -d "$nm" ] && [ ! "$repo_root/package.json" -nt "$nm" ]; then
            say "node_modules up to date (no package-lock.json)"
        else
            say "npm install (no package-lock.json) in $repo_root"
            (cd "$repo_root" && npm install --no-audit --no-fund >&2)
            touch "$nm"
        fi
    elif [ ! -d "$nm" ] || [ "$lock" -nt "$nm" ]; then
        say "npm ci in $repo_root"
        (cd "$repo_root" && npm ci --no-audit --no-fund >&2)
        touch "$nm"
    else
        say "node_modules up to date"
    fi
fi

say "done ($mode)"
