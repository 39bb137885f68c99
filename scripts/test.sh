#!/usr/bin/env bash
# `make test`: every gate, each blocking. Fails on the first failing gate.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
start=$SECONDS

step "prerequisites (scripts/setup.sh)"
scripts/setup.sh

step "UI: build (the app embeds ui/dist), type check, unit tests"
npm --prefix ui run --silent build
npm --prefix ui run --silent check
NO_COLOR=1 npm --prefix ui test --silent
scripts/check-platform-imports.sh

step "relative links in *.md point somewhere"
scripts/check-links.sh

step "no module of a crate imports one that imports it back"
scripts/check-module-cycles.py crates/app/src crates/hub/src crates/domain/src crates/protocol/src crates/media/src \
  crates/cloudapi/src crates/sandbox/src \
  crates/store/src crates/sync/src crates/desktop/src crates/devices/src crates/instant/src \
  crates/demo/src crates/bench-app/src crates/bench-desktop/src

step "cargo fmt --check"
cargo fmt --all --check

step "no crate but the app depends on tauri"
scripts/check-tauri-deps.sh

step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test --workspace (unit, integration and the E2E suite against the real window)"
# The hub's storage conformance suite runs on SQLite and on a private PostgreSQL server.
scripts/with-postgres.sh cargo test --workspace --locked -- --color never

step "E2E measurement, alone: WebKit's memory over a 10,000-message thread"
cargo test -p switchboard --test e2e --locked -- --ignored --exact \
  agent_ui::scrolling_a_10k_message_thread_keeps_webkit_memory_flat --nocapture --color never

step "the hub's integration tests again, their hubs on PostgreSQL"
SWITCHBOARD_TEST_BACKEND=postgres scripts/with-postgres.sh \
  cargo test -p switchboard-hub --locked --tests -- --color never

step "the OpenAPI document validates and generates a client"
scripts/check-openapi.sh

step "generated TypeScript bindings are fresh"
scripts/check-bindings.sh

printf '\nmake test: all gates passed in %ss\n' "$((SECONDS - start))"
