#!/usr/bin/env bash
# Builds the local runtime jar (local/target/local.jar) when it is missing or older than any
# source, so `make run` and the fuzz step start in seconds when nothing changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar=local/target/local.jar

stale=""
if [ -f "$jar" ]; then
  stale="$(find pom.xml template.yaml docs shared testing functions local -newer "$jar" -type f \
    -not -path '*/target/*' 2>/dev/null | head -n 1)"
fi
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
  echo "building the local runtime (first run, or sources changed since the last build)..."
  mvn -B -ntp -q -DskipTests install
fi
