#!/usr/bin/env bash
# The hub's OpenAPI document is one that standard tools accept:
#   1. openapi-spec-validator validates it;
#   2. openapi-python-client generates a client from it with no warning (a warning
#      means an endpoint or a schema was skipped: every one must make it);
#   3. the generated package imports, every module of it.
# The document comes from `switchboard-hub openapi` (the same one the hub serves at
# /api/v1/openapi.json), or from the file given as the first argument.
# The tools are pinned in scripts/setup.sh, which installs them into .venv-tools.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-tools
for tool in openapi-spec-validator openapi-python-client; do
  if [ ! -x "$venv/bin/$tool" ]; then
    echo "check-openapi.sh: $venv/bin/$tool is missing; run scripts/setup.sh" >&2
    exit 1
  fi
done
# The generator runs ruff (from the virtualenv) on what it writes.
export PATH="$PWD/$venv/bin:$PATH"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

doc="$work/openapi.json"
if [ $# -gt 0 ]; then
  cp "$1" "$doc"
else
  cargo run --quiet --locked -p switchboard-hub --bin switchboard-hub -- openapi > "$doc"
fi

# Both tools run on a bad document, so one run reports all that is wrong with it.
failed=()

echo "check-openapi.sh: openapi-spec-validator"
openapi-spec-validator --validation-errors all "$doc" || failed+=("openapi-spec-validator")

echo "check-openapi.sh: openapi-python-client generate"
package=switchboard_hub_client
log="$work/generate.log"
# The generator takes files only as application/octet-stream: the document's file
# bodies and answers (a media upload or download of any type, an image icon) are
# told to it as such (its documented content_type_overrides).
cat > "$work/generator.yml" <<'EOF'
content_type_overrides:
  "*/*": application/octet-stream
  image/*: application/octet-stream
EOF
status=0
(cd "$work" && openapi-python-client generate --path "$doc" --config "$work/generator.yml" \
  --meta none --output-path "$work/$package" --overwrite --fail-on-warning) > "$log" 2>&1 || status=$?
# A clean run prints only "Generating <path>"; anything else is a warning (a skipped
# endpoint or schema, a failed post-hook) or an error.
if [ "$status" -ne 0 ] || grep -vqE '^(Generating .*)?$' "$log"; then
  cat "$log" >&2
  echo "check-openapi.sh: the client generator skipped or refused part of the document (exit $status)" >&2
  failed+=("openapi-python-client")
fi

if [ "${#failed[@]}" -gt 0 ]; then
  echo "check-openapi.sh: FAILED: ${failed[*]}" >&2
  exit 1
fi

echo "check-openapi.sh: import the generated client"
(cd "$work" && python - "$package" "$doc" <<'EOF'
import importlib, json, pkgutil, sys

name, doc = sys.argv[1], sys.argv[2]
package = importlib.import_module(name)
found = list(pkgutil.walk_packages(package.__path__, name + "."))
for m in found:
    importlib.import_module(m.name)
endpoints = [m.name for m in found if ".api." in m.name and not m.ispkg]
methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
operations = sum(1 for item in json.load(open(doc))["paths"].values() for k in item if k in methods)
if len(endpoints) != operations:
    sys.exit(f"check-openapi.sh: {operations} operations but {len(endpoints)} generated endpoints")
print(f"check-openapi.sh: {name} imports ({len(found)} modules, {len(endpoints)} endpoints = operations)")
EOF
)
echo "check-openapi.sh: OK"
