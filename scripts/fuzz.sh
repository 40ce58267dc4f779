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

work="$root/target/fuzz"   # the runtime's working directory: its demo.env, moto.log and the reports
max_examples="${FUZZ_MAX_EXAMPLES:-30}"
workers="${FUZZ_WORKERS:-2}"
seed="${FUZZ_SEED:-$(python3 -c 'import random; print(random.randrange(1, 2**31))')}"
read -r -a extra_args <<<"${FUZZ_EXTRA_ARGS:-}"

eval "$(scripts/tools.sh)"

scripts/build-local.sh

rm -rf "$work"
mkdir -p "$work"

# shellcheck source=scripts/local-runtime.sh
. "$root/scripts/local-runtime.sh"
start_local_runtime "$work" fuzz
log="$runtime_log"

OWNER_TOKEN="$(demo_token OWNER_TOKEN)"
PLATFORM_ADMIN_TOKEN="$(demo_token PLATFORM_ADMIN_TOKEN)"
export OWNER_TOKEN PLATFORM_ADMIN_TOKEN   # read by the configuration below, never printed

# Ids that exist, for id parameters to draw half of the time (a drawn id is otherwise almost always
# a 404): the demo users (the subjects of their tokens), and a team and a project made here.
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

# Stripe's webhook: a schema-valid event is still refused without Stripe's signature, which no
# generator can make (an HMAC with the endpoint's secret), so 400 is its answer to good data too.
[[operations]]
include-operation-id = "receiveStripeWebhook"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400"]

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
"body.entity_id" = { dictionary = "users", probability = 0.5 }
TOML
# And the hooks:
# - a cursor is opaque and HMAC-signed: only one the API returned is valid, so a cursor drawn from
#   its schema (any string) is rightly a 400. Positive cases leave it out; negative cases keep it.
# - the document's "time-zone" format (an IANA tz name) is not one schemathesis knows: valid values
#   are drawn from real zone names, edge cases included.
# - nor is "date-or-date-time" (the date filters: a date, or an RFC 3339 date-time with an offset):
#   valid values are either, drawn by hypothesis.
# - an Idempotency-Key replays the first response to the same body (DESIGN.md section 7), even after
#   the resource it created was deleted: right for a client retrying, but the stateful phase replays
#   generated prefixes and would then see a "created" id that is gone (404). Positive cases send a
#   fresh key each time; negative cases keep the generated one, whose validation they test. Replays
#   themselves are tested in JUnit (the *RoutesIT idempotency tests).
cat >"$work/fuzz_hooks.py" <<'PY'
import datetime
import uuid

from hypothesis import strategies as st

import schemathesis

schemathesis.openapi.format("time-zone", st.sampled_from([
    "UTC", "Etc/GMT+5", "Etc/GMT-14", "GMT0", "EST5EDT", "Europe/Berlin", "Europe/Kyiv", "Asia/Kolkata",
    "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "America/New_York", "America/St_Johns",
    "America/Port-au-Prince", "America/Argentina/Buenos_Aires", "America/North_Dakota/New_Salem",
    "America/Indiana/Indianapolis", "Antarctica/DumontDUrville", "Africa/Casablanca",
]))

# A whole-minute offset below a day, as RFC 3339 allows; isoformat() writes seconds and, when there
# are any, microseconds.
schemathesis.openapi.format("date-or-date-time", st.one_of(
    st.dates().map(datetime.date.isoformat),
    st.builds(lambda moment, minutes: moment.replace(
        tzinfo=datetime.timezone(datetime.timedelta(minutes=minutes))).isoformat(),
        st.datetimes(min_value=datetime.datetime(1, 1, 2), max_value=datetime.datetime(9999, 12, 30)),
        st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1)),
))


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
# --url: the document's servers name the deployed API first; requests go to this runtime.
cmd=("$schemathesis" --config-file "$work/schemathesis.toml" run "$base/v1/openapi.json"
  --url "$base"
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
