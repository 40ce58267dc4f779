#!/usr/bin/env bash
# `make run`: the local API. Builds when sources changed, ensures moto and stripe-mock, then hands
# over to the Java runtime (local/), which starts both, creates what template.yaml declares, serves
# every route on 127.0.0.1:$PORT and seeds a demo tenant. `exec` so that Ctrl-C reaches it and it
# stops what it started.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# Functions get credentials only from the container-credentials endpoint the runtime and the tests
# start, as SnapStart functions do on AWS; access keys from this shell must not reach them.
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE

PORT="${PORT:-3000}"
MOTO_PORT="${MOTO_PORT:-5005}"
jar=local/target/local.jar

eval "$(scripts/tools.sh)"

scripts/build-local.sh

# The runtime gives each function the configuration Lambda would (table, bus, bucket, moto as the
# endpoint, a fresh cursor key); here it only learns where things are.
STRIPE_MOCK_PORT="${STRIPE_MOCK_PORT:-12111}"
export PORT MOTO_PORT STRIPE_MOCK_PORT TEMPLATE=template.yaml MOTO_SERVER="$moto_server" STRIPE_MOCK="$stripe_mock"
exec java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -jar "$jar"
