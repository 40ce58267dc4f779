#!/usr/bin/env bash
# Starts one moto server on 127.0.0.1 for a whole test run and prints its endpoint.
# Usage: moto.sh start <moto_server path> <state dir>  |  moto.sh stop <state dir>
set -euo pipefail
cmd="$1"
case "$cmd" in
  start)
    moto="$2"; state="$3"
    mkdir -p "$state"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
    "$moto" -H 127.0.0.1 -p "$port" >"$state/moto.log" 2>&1 &
    echo $! >"$state/moto.pid"
    for _ in $(seq 1 100); do
      if curl -fsS "http://127.0.0.1:$port/moto-api/" >/dev/null 2>&1; then
        echo "http://127.0.0.1:$port"
        exit 0
      fi
      # A moto that exited (scripts/moto_server.py refusing a moto it was not written for) is not waited for.
      kill -0 "$(cat "$state/moto.pid")" 2>/dev/null || break
      sleep 0.2
    done
    echo "moto server did not start; the end of $state/moto.log:" >&2
    tail -n 5 "$state/moto.log" >&2
    exit 1
    ;;
  stop)
    state="$2"
    if [ -f "$state/moto.pid" ]; then
      kill "$(cat "$state/moto.pid")" 2>/dev/null || true
      rm -f "$state/moto.pid"
    fi
    ;;
  *)
    echo "usage: moto.sh start <moto_server> <state dir> | stop <state dir>" >&2
    exit 2
    ;;
esac
