# Sourced by scripts/fuzz.sh and scripts/clients.sh: starts the local runtime (moto, the gateway with
# every template route, a demo tenant) on free ports in a process group of its own, and stops it.
#
#   start_local_runtime WORK_DIR LABEL   # sets base (http://127.0.0.1:PORT), env_file (demo tokens),
#                                        # runtime_log; exits with the log on failure
#   stop_local_runtime                   # idempotent; also installed as the EXIT trap
#
# Needs root (the repository), moto_server and stripe_mock (from scripts/tools.sh) set by the
# caller, and local/target/local.jar built (scripts/build-local.sh). Every port is a free one: the
# runtime's stripe-mock too, so two runtimes (and `make run`) never meet.

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# The runtime and its moto (a child process) run in a process group of their own: one signal to the
# group stops both, even if the JVM dies before its shutdown hook could stop moto.
runtime_pgid=""
stop_local_runtime() {
  [ -n "$runtime_pgid" ] || return 0
  kill -TERM -- "-$runtime_pgid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 -- "-$runtime_pgid" 2>/dev/null || { runtime_pgid=""; return 0; }
    sleep 0.2
  done
  kill -KILL -- "-$runtime_pgid" 2>/dev/null || true
  runtime_pgid=""
}

start_local_runtime() {
  local work="$1" label="$2" port moto_port stripe_mock_port
  port="$(free_port)"
  moto_port="$(free_port)"
  while [ "$moto_port" = "$port" ]; do moto_port="$(free_port)"; done
  stripe_mock_port="$(free_port)"
  while [ "$stripe_mock_port" = "$port" ] || [ "$stripe_mock_port" = "$moto_port" ]; do
    stripe_mock_port="$(free_port)"
  done
  runtime_log="$work/runtime.log"
  trap stop_local_runtime EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  echo "== $label: starting the local runtime (gateway 127.0.0.1:$port, moto 127.0.0.1:$moto_port, stripe-mock 127.0.0.1:$stripe_mock_port)"
  set -m   # job control: the background job below gets its own process group, id = its pid
  (cd "$work" && PORT="$port" MOTO_PORT="$moto_port" TEMPLATE="$root/template.yaml" MOTO_SERVER="$moto_server" \
    STRIPE_MOCK="$stripe_mock" STRIPE_MOCK_PORT="$stripe_mock_port" exec java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -jar "$root/local/target/local.jar") >"$runtime_log" 2>&1 &
  runtime_pgid=$!
  set +m

  local deadline=$((SECONDS + 120))
  until grep -q "CODITECT is running at" "$runtime_log" 2>/dev/null; do
    if ! kill -0 "$runtime_pgid" 2>/dev/null; then
      echo "the local runtime exited before it was ready; its log ($runtime_log):" >&2
      cat "$runtime_log" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "the local runtime was not ready within 120 s; its log ($runtime_log):" >&2
      cat "$runtime_log" >&2
      exit 1
    fi
    sleep 0.5
  done
  base="http://127.0.0.1:$port"
  env_file="$work/target/local/demo.env"
}

# The value of NAME in the runtime's demo.env (a token); fails when it is missing.
demo_token() {
  local value
  value="$(sed -n "s/^$1=//p" "$env_file")"
  [ -n "$value" ] || { echo "no $1 in $env_file" >&2; return 1; }
  printf '%s' "$value"
}
