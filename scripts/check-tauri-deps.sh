#!/usr/bin/env bash
# Only the app package (`switchboard`, src-tauri/) may reach tauri; crates/* never.
set -euo pipefail
cd "$(dirname "$0")/.."
dependents=$(cargo tree --workspace -i tauri -e normal --prefix none --format '{p}' 2>/dev/null \
  | awk '{print $1}' | sort -u)
offenders=$(echo "$dependents" | grep -E '^switchboard-' || true)
if [ -n "$offenders" ]; then
  echo "check-tauri-deps: these crates depend on tauri, which only src-tauri may:" >&2
  echo "$offenders" >&2
  exit 1
fi
echo "check-tauri-deps: tauri is reached only by: $(echo "$dependents" | grep -E '^switchboard$' || echo none)"
