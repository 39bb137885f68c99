#!/usr/bin/env bash
# Installs every prerequisite of Switchboard on a Debian 12 machine, idempotently:
# the Debian packages Tauri needs, the E2E tools (Xvfb, D-Bus, dunst, WebKitWebDriver,
# xclip), the UI's npm packages, tauri-driver, and the Python tools in the project-local
# virtualenv .venv-tools (the OpenAPI validator and client generator, and pywa, the
# WhatsApp client library the sandbox's webhooks are checked with). A second run on a
# ready machine only checks and returns in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TAURI_DRIVER_VERSION="2.1.0"
# scripts/check-openapi.sh validates the hub's OpenAPI document and generates a client from it.
# python-dateutil: the generated client imports it once the document has date-times.
OPENAPI_TOOLS=(openapi-spec-validator==0.9.0 openapi-python-client==0.29.1 python-dateutil==2.9.0.post0)
# crates/sandbox/tests/pywa.rs: a real Cloud API client library parses the sandbox's webhooks.
WEBHOOK_TOOLS=(pywa==4.5.0)
VENV_TOOLS=("${OPENAPI_TOOLS[@]}" "${WEBHOOK_TOOLS[@]}")

DEB_PACKAGES=(
  # build
  build-essential pkg-config libwebkit2gtk-4.1-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  libayatana-appindicator3-dev librsvg2-dev libssl-dev
  # run and test under a virtual display with a session bus
  xvfb xauth dbus dbus-x11 webkit2gtk-driver dunst xclip xdotool x11-apps x11-utils imagemagick at-spi2-core
  # Japanese customers' names and messages render as text, not boxes
  fonts-noto-cjk
  # hub storage: SQLite by default; PostgreSQL for teams with several hub instances
  # (the tests start a private server: scripts/with-postgres.sh)
  sqlite3 postgresql
  # the OpenAPI tools' virtualenv (scripts/check-openapi.sh)
  python3 python3-venv
  # crates/media: the opus crate builds its bundled libopus with cmake
  cmake
  # crates/devices: cpal's ALSA host links libasound; its tests start a private
  # PulseAudio server with null sinks (pactl configures it; the ALSA plugins route
  # ALSA clients to it)
  libasound2-dev pulseaudio pulseaudio-utils libasound2-plugins
)

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup.sh: these Debian packages are missing: ${missing[*]}" >&2
    echo "setup.sh: run this script as root (sudo scripts/setup.sh) to install them." >&2
    exit 1
  fi
  echo "setup.sh: installing ${#missing[@]} Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup.sh: Debian packages present"
fi

# The UI's packages: reinstall only when the lock file changed since the last install.
if [ -f ui/package-lock.json ]; then
  stamp=ui/node_modules/.switchboard-lock-stamp
  if [ ! -f "$stamp" ] || ! cmp -s ui/package-lock.json "$stamp"; then
    echo "setup.sh: npm ci in ui/"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
    cp ui/package-lock.json "$stamp"
  else
    echo "setup.sh: ui/node_modules up to date"
  fi
fi

# tauri-driver: pinned 2.x (crates.io's latest is a 3.0 alpha).
# (tauri-driver has no --version flag; cargo's install list knows what it installed.)
if ! command -v tauri-driver >/dev/null 2>&1 || ! cargo install --list | grep -q "^tauri-driver v$TAURI_DRIVER_VERSION:"; then
  echo "setup.sh: installing tauri-driver $TAURI_DRIVER_VERSION"
  cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked
else
  echo "setup.sh: tauri-driver $TAURI_DRIVER_VERSION present"
fi

# The Python tools, pinned, in .venv-tools (git-ignored). The stamp records what was
# installed; a run with the same pins only compares it.
venv=.venv-tools
stamp="$venv/.switchboard-stamp"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "${VENV_TOOLS[*]}" ]; then
  echo "setup.sh: installing ${VENV_TOOLS[*]} into $venv"
  python3 -m venv --clear "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${VENV_TOOLS[@]}"
  echo "${VENV_TOOLS[*]}" > "$stamp"
else
  echo "setup.sh: Python tools present ($venv)"
fi

echo "setup.sh: ready"
