#!/usr/bin/env bash
# `make check`: the quick Rust gates, each blocking: fmt, clippy -D warnings, and
# every Rust test except the E2E suite (tests/e2e, the root package's `e2e` test
# target, which drives the real window; `make e2e` or `make test` run it), and the
# OpenAPI document's check (scripts/check-openapi.sh; its tools come from `make setup`).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
start=$SECONDS

if [ ! -d ui/dist ]; then
  step "UI build (the app embeds ui/dist; compiling it needs the directory)"
  npm --prefix ui run --silent build
fi
scripts/check-platform-imports.sh

step "relative links in *.md point somewhere"
scripts/check-links.sh

step "no module of a crate imports one that imports it back"
scripts/check-module-cycles.py crates/hub/src crates/domain/src crates/protocol/src \
  crates/app/src crates/sync/src crates/desktop/src src-tauri/src

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test: every crate but the app (unit, integration and doc tests)"
cargo test --workspace --exclude switchboard --locked -- --color never

step "cargo test: the app's unit and doc tests (not tests/e2e)"
cargo test -p switchboard --lib --bins --locked -- --color never
cargo test -p switchboard --doc --locked -- --color never

step "the OpenAPI document validates and generates a client (tools: make setup)"
scripts/check-openapi.sh

printf '\nmake check: all gates passed in %ss\n' "$((SECONDS - start))"
