#!/usr/bin/env bash
# `make bench`: the performance benchmarks, built in release; each prints its figures.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> hub: signed webhook ingest against a bare receiver, change fan-out to 100 SSE clients, sends at 20 and 200,000 conversations, acks during a 10,000-item batch"
cargo run --release --locked -p switchboard-hub --bin switchboard-hub-bench

echo "==> hub on PostgreSQL (a private server): webhook ingest on one and two instances beside SQLite, change-feed delay from instance B to an SSE client on instance A (target p99 < 50 ms)"
scripts/with-postgres.sh cargo run --release --locked -p switchboard-hub --bin switchboard-hub-pg-bench

echo "==> desktop store: 100,000 conversations and 1,000,000 messages from a hub into the store through the sync engine, apply rate beside raw rusqlite, thread pages, full-text search in ja/de/fr/en"
cargo run --release --locked -p switchboard-desktop-bench --bin switchboard-desktop-bench

echo "==> desktop: call webhook → D-Bus Notify latency (the app's core and notify-rust on a private bus, 200 calls, target p99 < 50 ms)"
cargo run --release --locked -p switchboard-app-bench --bin switchboard-notify-bench

echo "==> desktop: memory of the running app (PSS of all its processes) with an empty store and with 1,000,000 messages"
npm --prefix ui run --silent build
cargo build --release --locked -p switchboard
cargo run --release --locked -p switchboard-app-bench --bin switchboard-memory-bench

echo "==> calls: the media engine on loopback against Meta's side (switchboard-media): answer → first customer audio over 50 calls (target p99 < 50 ms); one 10 s call's tone, loss, jitter-buffer delay and CPU (target < 5 % of a core)"
cargo run --release --locked -p switchboard-media --example call_cost -- setup 50
cargo run --release --locked -p switchboard-media --example call_cost -- 10
