#!/usr/bin/env bash
# Quick start, first command: the demo hall on this machine. Sets up .venv as needed, then `hall demo`
# (every terminal in its own window) where there is a display, else the scripted day offscreen into
# ./demo-day (screenshots, printed tickets, PDF notices, summary.json). Arguments go to `hall demo`.
set -euo pipefail
source "$(dirname "$0")/env.sh"
ensure_apt runtime
ensure_venv
cd "$top"
if [[ $# -gt 0 ]]; then exec hall demo "$@"; fi
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && "${QT_QPA_PLATFORM:-}" != offscreen ]]; then exec hall demo; fi
out="${HALL_DEMO_DIR:-$top/demo-day}"
say "no display here: playing the demo day offscreen into $out"
rm -rf "$out"
exec hall demo --offscreen "$out"
