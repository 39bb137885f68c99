#!/usr/bin/env bash
# `make e2e`: only the WebDriver suite against the real window.
# SWITCHBOARD_E2E_SCREENSHOTS=1 keeps a screenshot of each test's last screen.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
npm --prefix ui run --silent build
cargo test -p switchboard --test e2e -- "$@"
echo "e2e: screenshots of failures (if any) are in tests/e2e/artifacts/"
