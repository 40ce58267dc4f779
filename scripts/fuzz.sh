#!/usr/bin/env bash
# API fuzzing, the last step of `make test`: starts the local runtime (moto, the gateway with every
# template route, a demo tenant) on free ports, runs schemathesis against the OpenAPI document it
# serves as the demo tenant's owner - every check but one (see below), positive and negative inputs,
# the stateful phase along the document's links - and stops the runtime and its moto whatever
# happens. Fails on any 5xx, any status, header or body the document does not describe, and any
# other check that fails.
#
# Tunables: FUZZ_MAX_EXAMPLES (cases per operation and phase, default 30), FUZZ_SEED (replay a
# run: every run prints its seed), FUZZ_WORKERS (default 2), FUZZ_EXTRA_ARGS (more schemathesis
# options, e.g. --continue-on-failure), FUZZ_TIMEOUT (seconds for schemathesis, default 900).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# Functions get credentials only from the container-credentials endpoint the runtime and the tests
# start, as SnapStart functions do on AWS; access keys from this shell must not reach them.
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE

jar="$root/local/target/local.jar"
work="$root/target/fuzz"   # the runtime's working directory: its demo.env, moto.log and the reports
log="$work/runtime.log"
max_examples="${FUZZ_MAX_EXAMPLES:-30}"
workers="${FUZZ_WORKERS:-2}"
seed="${FUZZ_SEED:-$(python3 -c 'import random; print(random.randrange(1, 2**31))')}"
read -r -a extra_args <<<"${FUZZ_EXTRA_ARGS:-}"

eval "$(scripts/tools.sh)"

scripts/build-local.sh

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
PORT="$(free_port)"
MOTO_PORT="$(free_port)"
while [ "$MOTO_PORT" = "$PORT" ]; do MOTO_PORT="$(free_port)"; done

rm -rf "$work"
mkdir -p "$work"

# The runtime and its moto (a child process) run in a process group of their own: one signal to the
# group stops both, even if the JVM dies before its shutdown hook could stop moto.
pgid=""
stop_runtime() {
  [ -n "$pgid" ] || return 0
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 -- "-$pgid" 2>/dev/null || { pgid=""; return 0; }
    sleep 0.2
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
  pgid=""
}
trap stop_runtime EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== fuzz: starting the local runtime (gateway 127.0.0.1:$PORT, moto 127.0.0.1:$MOTO_PORT)"
set -m   # job control: the background job below gets its own process group, id = its pid
(cd "$work" && PORT="$PORT" MOTO_PORT="$MOTO_PORT" TEMPLATE="$root/template.yaml" MOTO_SERVER="$moto_server" \
  exec java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -jar "$jar") >"$log" 2>&1 &
pgid=$!
set +m

deadline=$((SECONDS + 120))
until grep -q "CODITECT is running at" "$log" 2>/dev/null; do
  if ! kill -0 "$pgid" 2>/dev/null; then
    echo "the local runtime exited before it was ready; its log ($log):" >&2
    cat "$log" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "the local runtime was not ready within 120 s; its log ($log):" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.5
done

env_file="$work/target/local/demo.env"
OWNER_TOKEN="$(sed -n 's/^OWNER_TOKEN=//p' "$env_file")"
PLATFORM_ADMIN_TOKEN="$(sed -n 's/^PLATFORM_ADMIN_TOKEN=//p' "$env_file")"
if [ -z "$OWNER_TOKEN" ] || [ -z "$PLATFORM_ADMIN_TOKEN" ]; then
  echo "no OWNER_TOKEN or PLATFORM_ADMIN_TOKEN in $env_file" >&2
  exit 1
fi
export OWNER_TOKEN PLATFORM_ADMIN_TOKEN   # read by the configuration below, never printed

# Ids that exist, for id parameters to draw half of the time (a drawn id is otherwise almost always
# a 404): the demo users (the subjects of their tokens), and a team and a project made here.
base="http://127.0.0.1:$PORT"
create() {
  curl -fsS -X POST "$base$1" -H "Authorization: Bearer $OWNER_TOKEN" -H 'Content-Type: application/json' \
    -d "$2" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}
team_id="$(create /v1/teams '{"name":"Fuzzed team"}')" || { echo "could not create a team to fuzz" >&2; exit 1; }
project_id="$(create /v1/projects '{"key":"FUZZ","name":"Fuzzed project"}')" \
  || { echo "could not create a project to fuzz" >&2; exit 1; }
user_ids="$(python3 - "$env_file" <<'PY'
import base64, json, sys
subjects = []
for line in open(sys.argv[1]):
    name, _, token = line.strip().partition("=")
    if name.endswith("_TOKEN") and name != "PLATFORM_ADMIN_TOKEN":
        payload = token.split(".")[1]
        subjects.append(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["sub"])
print(", ".join(json.dumps(subject) for subject in subjects))
PY
)"

# The configuration: what the API's contract (API.md, DESIGN.md §7) fixes and schemathesis cannot
# read from the document.
# - Every operation runs as the demo tenant's owner; creating a tenant needs the platform admin.
# - A schema-valid request may still break a business rule (422: deleting yourself, a reference to
#   a user the tenant does not have, an Idempotency-Key reused with another body), name a version
#   that is no longer current (412), or announce an attachment above the deployment's size limit
#   (413: PM_MAX_ATTACHMENT_BYTES is configuration, not schema): all valid requests answered correctly.
# - Ids that exist (above), as dictionaries for the id parameters.
cat >"$work/schemathesis.toml" <<TOML
[auth.openapi.bearer]
bearer = "\${OWNER_TOKEN}"

[[operations]]
include-operation-id = "createTenant"
headers = { Authorization = "Bearer \${PLATFORM_ADMIN_TOKEN}" }

[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "413", "422", "429"]

[dictionaries.users]
values = [$user_ids]

[dictionaries.teams]
values = ["$team_id"]

[dictionaries.projects]
values = ["$project_id"]

[parameters]
"path.user_id" = { dictionary = "users", probability = 0.5 }
"path.team_id" = { dictionary = "teams", probability = 0.5 }
"path.project_id" = { dictionary = "projects", probability = 0.5 }
"body.owner_id" = { dictionary = "users", probability = 0.5 }
TOML
# And the hooks:
# - a cursor is opaque and HMAC-signed: only one the API returned is valid, so a cursor drawn from
#   its schema (any string) is rightly a 400. Positive cases leave it out; negative cases keep it.
# - the document's "time-zone" format (an IANA tz name) is not one schemathesis knows: valid values
#   are drawn from real zone names, edge cases included.
# - an Idempotency-Key replays the first response to the same body (DESIGN.md section 7), even after
#   the resource it created was deleted: right for a client retrying, but the stateful phase replays
#   generated prefixes and would then see a "created" id that is gone (404). Positive cases send a
#   fresh key each time; negative cases keep the generated one, whose validation they test. Replays
#   themselves are tested in JUnit (the *RoutesIT idempotency tests).
cat >"$work/fuzz_hooks.py" <<'PY'
import uuid

from hypothesis import strategies as st

import schemathesis

schemathesis.openapi.format("time-zone", st.sampled_from([
    "UTC", "Etc/GMT+5", "Etc/GMT-14", "GMT0", "EST5EDT", "Europe/Berlin", "Europe/Kyiv", "Asia/Kolkata",
    "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "America/New_York", "America/St_Johns",
    "America/Port-au-Prince", "America/Argentina/Buenos_Aires", "America/North_Dakota/New_Salem",
    "America/Indiana/Indianapolis", "Antarctica/DumontDUrville", "Africa/Casablanca",
]))


@schemathesis.hook
def map_case(context, case):
    meta = case.meta
    if case.query and "cursor" in case.query and meta is not None and meta.generation.mode.is_positive:
        case.query = {name: value for name, value in case.query.items() if name != "cursor"}
    if case.headers and "Idempotency-Key" in case.headers and meta is not None and meta.generation.mode.is_positive:
        case.headers["Idempotency-Key"] = str(uuid.uuid4())
    return case
PY

# Every check but unsupported_method, which wants 405 + Allow for a method a path does not declare:
# API Gateway answers such a request itself, before any function runs, with 404 {"message":"Not
# Found"} (an HTTP API has no 405), and the local gateway does the same. Those requests are still
# sent (the coverage phase tries undeclared methods), and every other check applies to the answers.
cmd=("$schemathesis" --config-file "$work/schemathesis.toml" run "$base/v1/openapi.json"
  --checks all
  --exclude-checks unsupported_method
  --mode all
  --phases examples,coverage,fuzzing,stateful
  --max-examples "$max_examples"
  --seed "$seed"
  --workers "$workers"
  --request-timeout 10
  --generation-database none
  --no-color
  --report junit --report-dir "$work/report"
  ${extra_args[@]+"${extra_args[@]}"})
limit=()
if command -v timeout >/dev/null 2>&1; then
  limit=(timeout --foreground "${FUZZ_TIMEOUT:-900}")   # foreground: Ctrl-C reaches schemathesis too
fi

echo "== fuzz: schemathesis $("$schemathesis" --version | sed 's/.*version //'), seed $seed (FUZZ_SEED=$seed replays it)"
printf '%q ' "${cmd[@]}"
echo
started=$SECONDS
status=0
# From $work, so that schemathesis' and hypothesis' caches (.schemathesis/, .hypothesis/) stay in target/.
(cd "$work" && PYTHONPATH="$work${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=fuzz_hooks \
  ${limit[@]+"${limit[@]}"} "${cmd[@]}") || status=$?
echo "== fuzz: schemathesis finished in $((SECONDS - started)) s with exit status $status"
if [ "$status" -eq 124 ]; then
  echo "schemathesis did not finish within ${FUZZ_TIMEOUT:-900} s" >&2
fi
if [ "$status" -ne 0 ]; then
  echo "the runtime's log: $log; JUnit report: $work/report" >&2
fi
exit "$status"
