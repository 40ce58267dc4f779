#!/usr/bin/env bash
# `make test`: lint the template and the OpenAPI document, start one moto server, run every
# Maven test against it (the /docs page's in headless Chromium, which scripts/tools.sh installs when
# missing), and stop moto whatever happens; then run the generated clients' sessions
# (scripts/clients.sh) and fuzz the running API (scripts/fuzz.sh).
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

echo "== starting moto server"
endpoint="$(scripts/moto.sh start "$moto_server" "$state")"
trap 'scripts/moto.sh stop "$state"' EXIT
echo "moto at $endpoint"

echo "== maven tests"
MOTO_SERVER="$moto_server" CHROMIUM="$chromium" CHROMEDRIVER="$chromedriver" mvn -B -ntp verify -Dmoto.endpoint="$endpoint"

scripts/moto.sh stop "$state"   # the runtimes below start a moto of their own

echo "== client tests: generated Python and Java clients against the local runtime"
scripts/clients.sh

echo "== API fuzzing: schemathesis against the local runtime"
scripts/fuzz.sh
