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

stale=""
if [ -f "$jar" ]; then
  stale="$(find pom.xml template.yaml docs shared testing functions local -newer "$jar" -type f \
    -not -path '*/target/*' 2>/dev/null | head -n 1)"
fi
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
  echo "building (first run, or sources changed since the last build)..."
  mvn -B -ntp -q -DskipTests install
fi

# The runtime gives each function the configuration Lambda would (table, bus, bucket, moto as the
# endpoint, a fresh cursor key); here it only learns where things are.
export PORT MOTO_PORT TEMPLATE=template.yaml MOTO_SERVER="$moto_server"
exec java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -jar "$jar"
