#!/usr/bin/env bash
# Runs a command with a private PostgreSQL server (Debian's packages, installed by
# scripts/setup.sh): a fresh cluster in a temporary folder, owned by an unprivileged
# user (the `postgres` account when run as root: the server refuses root), trust
# authentication on 127.0.0.1 only, on a free port. The command finds it in
# SWITCHBOARD_TEST_POSTGRES (a URL; tests create their own databases in it). The
# server is stopped and its folder removed when the command ends, however it ends.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: with-postgres.sh COMMAND [ARGS...]" >&2; exit 2; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bindir/initdb" ] || { echo "with-postgres.sh: PostgreSQL is not installed (run scripts/setup.sh)" >&2; exit 1; }

dir=$(mktemp -d /tmp/switchboard-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi
chmod 700 "$dir"

stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U switchboard --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: a throwaway test cluster (the benches say so next to their figures).
"${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export SWITCHBOARD_TEST_POSTGRES="postgres://switchboard@127.0.0.1:$port/postgres"
set +e
"$@"
rc=$?
set -e
exit "$rc"
