#!/usr/bin/env bash
# `make bench`: the performance benchmarks; each prints its figures.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "bench: no benchmarks yet"
