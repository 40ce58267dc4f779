#!/usr/bin/env bash
# `make test`: lint the template and the OpenAPI document, start one moto server and one
# stripe-mock, run every Maven test against them (the /docs page's in headless Chromium, which
# scripts/tools.sh installs when missing), and stop both whatever happens; then run the generated
# clients' sessions (scripts/clients.sh) and fuzz the running API (scripts/fuzz.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# Functions get credentials only from the container-credentials endpoint the runtime and the tests
# start, as SnapStart functions do on AWS; access keys from this shell must not reach them.
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE
state="$root/target/moto"

# `browser`: also Chromium and its chromedriver, for the /docs check (local/DocsPageIT).
eval "$(scripts/tools.sh browser)"

echo "== cfn-lint template.yaml"
"$cfn_lint" template.yaml

echo "== openapi-spec-validator docs/openapi.json"
"$openapi_spec_validator" docs/openapi.json

echo "== scripts/moto_server.py refuses a moto other than the one it patches"
python3 scripts/test_moto_server.py

echo "== starting moto server and stripe-mock"
stripe_state="$root/target/stripe-mock"
trap 'scripts/moto.sh stop "$state"; scripts/stripe-mock.sh stop "$stripe_state"' EXIT
endpoint="$(scripts/moto.sh start "$moto_server" "$state")"
echo "moto at $endpoint"
stripe_endpoint="$(scripts/stripe-mock.sh start "$stripe_mock" "$stripe_state")"
echo "stripe-mock at $stripe_endpoint"

echo "== maven tests"
MOTO_SERVER="$moto_server" STRIPE_MOCK="$stripe_mock" CHROMIUM="$chromium" CHROMEDRIVER="$chromedriver" mvn -B -ntp verify \
  -Dmoto.endpoint="$endpoint" -Dstripe.endpoint="$stripe_endpoint"

scripts/moto.sh stop "$state"   # the runtimes below start a moto of their own
scripts/stripe-mock.sh stop "$stripe_state"

echo "== client tests: generated Python and Java clients against the local runtime"
scripts/clients.sh

echo "== API fuzzing: schemathesis against the local runtime"
scripts/fuzz.sh
