#!/bin/sh
# Stops the private PulseAudio daemon that start-pulse-null.sh started in $1 (by its pid file only).
dir=${1:?usage: stop-pulse-null.sh DIR}
pidfile="$dir/pulse/pid"
[ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
exit 0
