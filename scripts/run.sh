#!/usr/bin/env bash
# `make run`: the local API. Builds when sources changed, ensures moto, then hands over to the Java
# runtime (local/), which starts moto, creates what template.yaml declares, serves every route on
# 127.0.0.1:$PORT and seeds a demo tenant. `exec` so that Ctrl-C reaches it and it stops moto.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

PORT="${PORT:-3000}"
MOTO_PORT="${MOTO_PORT:-5005}"
jar=local/target/local.jar

eval "$(scripts/tools.sh)"

scripts/build-local.sh

# The runtime gives each function the configuration Lambda would (table, bus, bucket, moto as the
# endpoint, a fresh cursor key); here it only learns where things are.
export PORT MOTO_PORT TEMPLATE=template.yaml MOTO_SERVER="$moto_server"
exec java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -jar "$jar"
