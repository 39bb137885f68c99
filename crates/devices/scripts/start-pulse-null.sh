#!/bin/sh
# Starts a private PulseAudio daemon with only null (virtual, clocked) devices in
# the folder $1: no sound card, no system service, works as root (it only warns).
# Devices: sink "spk" (VirtualSpeaker, the default output), sink "mic", and sink
# "cd" (VirtualSpeaker44k: 44.1 kHz stereo, a device that needs resampling); the
# default source is spk.monitor, so whatever is played comes back on the microphone
# (PULSE_DEFAULT_SOURCE=mic.monitor changes that).
# Usage: start-pulse-null.sh DIR   then talk to it with PULSE_SERVER=unix:DIR/pulse/native
#        stop-pulse-null.sh DIR    stops it (by its pid file only).
# Adapted from ../shared/recipes/webrtc-probe/scripts/start-pulse-null.sh.
set -eu
dir=${1:?usage: start-pulse-null.sh DIR}
mkdir -p "$dir" && chmod 700 "$dir"
export XDG_RUNTIME_DIR="$dir" HOME="$dir"
export PULSE_SERVER="unix:$dir/pulse/native"
# -n: ignore default.pa; load only what the tests need.
pulseaudio --daemonize=yes -n --exit-idle-time=-1 --disallow-exit --use-pid-file=yes \
  --log-target="file:$dir/pulse.log" \
  --load="module-native-protocol-unix auth-anonymous=1" \
  --load="module-null-sink sink_name=spk rate=48000 channels=1 sink_properties=device.description=VirtualSpeaker" \
  --load="module-null-sink sink_name=mic rate=48000 channels=1 sink_properties=device.description=VirtualMicFeed" \
  --load="module-null-sink sink_name=cd rate=44100 channels=2 sink_properties=device.description=VirtualSpeaker44k"
i=0
until pactl info >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -gt 50 ]; then
    echo "start-pulse-null.sh: the daemon did not answer; its log:" >&2
    cat "$dir/pulse.log" >&2 || true
    exit 1
  fi
  sleep 0.1
done
pactl set-default-sink spk
pactl set-default-source "${PULSE_DEFAULT_SOURCE:-spk.monitor}"
echo "PULSE_SERVER=$PULSE_SERVER"
