#!/usr/bin/env bash
# Fails when a file under ui/src outside ui/src/platform/ imports @tauri-apps/*
# (a static import or export-from, a dynamic import(), a require()), printing
# each offending file:line. The UI reaches the desktop shell only through
# ui/src/platform (ARCHITECTURE.md, ui/).
set -euo pipefail
cd "$(dirname "$0")/.."

src=ui/src
q="[\"'\`]"
# `… from "@tauri-apps/…"` (import and export, the specifier's line of a
# multi-line one), `import "@tauri-apps/…"`, `import("@tauri-apps/…")`,
# `require("@tauri-apps/…")`, and a specifier alone on its line (the argument
# of a multi-line import( or require().
pattern="(\\bfrom[[:space:]]*|\\bimport[[:space:]]*\\(?[[:space:]]*|\\brequire[[:space:]]*\\([[:space:]]*|^[[:space:]]*)${q}@tauri-apps/"

found=$(grep -rnE \
  --include='*.svelte' --include='*.ts' --include='*.tsx' --include='*.mts' --include='*.cts' \
  --include='*.js' --include='*.jsx' --include='*.mjs' --include='*.cjs' \
  "$pattern" "$src" | grep -v "^$src/platform/" || true)

if [ -n "$found" ]; then
  echo "Only ui/src/platform/ may import @tauri-apps/*; these files do:" >&2
  printf '%s\n' "$found" | cut -d: -f1,2 | sed 's/^/  /' >&2
  exit 1
fi
echo "ui/src: only ui/src/platform/ imports @tauri-apps/*"
