#!/usr/bin/env bash
# `make demo`: installs what is missing, builds the UI and the app, and opens
# the desktop app in demo mode (`switchboard --demo`): a hub and the Cloud API
# sandbox run inside the app on loopback, its agent is signed in, and simulated
# customers write in four languages and call. No account, no setup.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
demo: there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the
desktop window cannot open. To run it on a virtual display:

    xvfb-run -a dbus-run-session -- make demo

(add a VNC server such as x11vnc to look at it, or run `make e2e` to drive it headless).
MSG
  exit 2
fi

scripts/setup.sh
npm --prefix ui run --silent build
exec cargo run -p switchboard -- --demo
