#!/usr/bin/env bash
# Quick start, second command: the test suite (what .ci/run calls). Installs what it needs (Debian
# packages, PostgreSQL started, .venv from requirements.lock), then runs pytest; arguments go to pytest.
set -euo pipefail
source "$(dirname "$0")/env.sh"
ensure_apt all
ensure_postgres
ensure_venv
cd "$top"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# HALL_TEST_WORKERS=N runs the suite on N processes (pytest-xdist, one test file per process at a time);
# the default is one process; CI runs two (.ci/run).
workers=()
[[ "${HALL_TEST_WORKERS:-0}" != 0 ]] && workers=(-n "$HALL_TEST_WORKERS" --dist loadfile)
exec python -m pytest -q -p no:cacheprovider --durations=15 "${workers[@]}" "$@"
