#!/usr/bin/env bash
# Starts one stripe-mock on 127.0.0.1 for a whole test run and prints its endpoint. It runs with
# -strict-version-check: a request made with another Stripe-Version than its spec's is refused, so
# a stripe-java that no longer matches the pinned stripe-mock fails the tests instead of passing
# against the wrong API.
# Usage: stripe-mock.sh start <stripe-mock path> <state dir>  |  stripe-mock.sh stop <state dir>
set -euo pipefail
cmd="$1"
case "$cmd" in
  start)
    binary="$2"; state="$3"
    mkdir -p "$state"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
    # HTTPS, which stripe-mock also serves by default on port 12112 of every interface, goes to a
    # socket file of its own instead: two runs on one machine must not clash, and nothing uses it.
    rm -f "$state/https.sock"
    "$binary" -http-addr "127.0.0.1:$port" -https-unix "$state/https.sock" -strict-version-check \
      >"$state/stripe-mock.log" 2>&1 &
    echo $! >"$state/stripe-mock.pid"
    for _ in $(seq 1 100); do
      # Any HTTP answer (stripe-mock answers 400 without a version header it expects) means it serves.
      if [ "$(curl -s -o /dev/null -w '%{http_code}' -u sk_test_ready: "http://127.0.0.1:$port/v1/products" || true)" != 000 ]; then
        echo "http://127.0.0.1:$port"
        exit 0
      fi
      kill -0 "$(cat "$state/stripe-mock.pid")" 2>/dev/null || break
      sleep 0.2
    done
    echo "stripe-mock did not start; the end of $state/stripe-mock.log:" >&2
    tail -n 5 "$state/stripe-mock.log" >&2
    exit 1
    ;;
  stop)
    state="$2"
    if [ -f "$state/stripe-mock.pid" ]; then
      kill "$(cat "$state/stripe-mock.pid")" 2>/dev/null || true
      rm -f "$state/stripe-mock.pid"
    fi
    ;;
  *)
    echo "usage: stripe-mock.sh start <stripe-mock> <state dir> | stop <state dir>" >&2
    exit 2
    ;;
esac
