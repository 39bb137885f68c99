#!/usr/bin/env bash
# Every relative link `[text](path#anchor)` in the Markdown files git knows of
# points to an existing file or directory (and, for a Markdown target, an existing
# heading). Prints `file:line: link` for each broken one and exits 1 if any.
# The work is in check-links.py; arguments limit the check to those files.
set -euo pipefail
exec python3 "$(dirname "$0")/check-links.py" "$@"
