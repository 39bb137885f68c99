#!/usr/bin/env bash
# `make bench`: the performance benchmarks, built in release; each prints its figures.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> hub: signed webhook ingest (rate, ack latency) and change fan-out to 100 SSE clients"
cargo run --release --locked -p switchboard-hub --bin switchboard-hub-bench
