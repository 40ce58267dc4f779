#!/usr/bin/env bash
# `make bench`: build the Lambda jars and the bench, start a moto server, time fresh-JVM cold
# starts against a bare-client baseline and count DynamoDB calls per route; moto is stopped
# whatever happens. Not part of `make test`. BENCH_RUNS sets the runs per function (at least 10).
# BENCH_ONLY=compliance-report runs only the compliance report's memory figure (100,000 entries);
# BENCH_ONLY=cold-start only the cold-start tables; BENCH_ONLY=routes only the DynamoDB calls and
# write units per route. BENCH_JVM_FLAGS adds flags to the fresh JVMs
# (e.g. -Xlog:class+load:file=/tmp/classes-%p.log:uptime) for looking into where a cold start goes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# Functions get credentials only from the container-credentials endpoint the runtime and the tests
# start, as SnapStart functions do on AWS; access keys from this shell must not reach them.
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE
# Its own state dir, so a bench and a test run can share the machine.
state="$root/target/bench-moto"

eval "$(scripts/tools.sh)"

echo "== building every function jar and the bench"
# The bench counts calls through the functions' test components (their test-jars), whose Dagger
# code is generated against the functions' classes; an incremental build may not regenerate it
# when only a function's main code changed, so it is always built afresh.
rm -rf functions/*/target/test-classes functions/*/target/generated-test-sources
mvn -B -ntp -q -DskipTests install

# The bench runs from a copy of what was just built, so a build started meanwhile (another
# terminal, an IDE) cannot swap jars under it halfway through.
snapshot="$(mktemp -d)"
trap 'rm -rf "$snapshot"' EXIT
IFS=: read -ra deps <<< "$(cat bench/target/bench.classpath)"
cp --parents "${deps[@]}" "$snapshot"
cp --parents functions/*/target/*.jar bench/target/baseline.jar bench/target/drivers.jar "$snapshot"
cp -r bench/target/classes "$snapshot/bench-classes"
classpath="$snapshot/bench-classes"
for dep in "${deps[@]}"; do
  classpath+=":$snapshot$dep"
done

echo "== starting moto server and stripe-mock (the billing function calls Stripe)"
stripe_state="$root/target/bench-stripe-mock"
endpoint="$(scripts/moto.sh start "$moto_server" "$state")"
trap 'scripts/moto.sh stop "$state"; scripts/stripe-mock.sh stop "$stripe_state"; rm -rf "$snapshot"' EXIT
echo "moto at $endpoint"
stripe_endpoint="$(scripts/stripe-mock.sh start "$stripe_mock" "$stripe_state")"
echo "stripe-mock at $stripe_endpoint"

echo "== bench"
java -cp "$classpath" -Dmoto.endpoint="$endpoint" -Dstripe.endpoint="$stripe_endpoint" -Dproject.root="$root" -Dbench.jars="$snapshot" \
  -Dbench.runs="${BENCH_RUNS:-15}" -Dbench.only="${BENCH_ONLY:-}" \
  -Dbench.jvm_flags="${BENCH_JVM_FLAGS:-}" com.coditect.bench.Bench
