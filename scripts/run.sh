#!/usr/bin/env bash
# `make run`: set up what is missing, build, and serve doorbraak on the
# embedded SQLite database (created with demo data when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
make --no-print-directory build
export DOORBRAAK_DB="${DOORBRAAK_DB:-var/doorbraak.db}"
exec build/doorbraak serve --demo "$@"
