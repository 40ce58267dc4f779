#!/usr/bin/env bash
# Builds the local runtime jar (local/target/local.jar) when it is missing or older than any
# source, so `make run` and the fuzz step start in seconds when nothing changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar=local/target/local.jar

stale=""
if [ -f "$jar" ]; then
  # -print -quit stops at the first newer file; piping into head instead can end find with SIGPIPE,
  # which pipefail turns into a silent exit of this script.
  stale="$(find pom.xml template.yaml docs shared testing functions local -newer "$jar" -type f \
    -not -path '*/target/*' -print -quit 2>/dev/null || true)"
fi
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
  echo "building the local runtime (first run, or sources changed since the last build)..."
  # package, not install: the reactor builds what local.jar needs, and nothing lands in ~/.m2, where
  # it could shadow another checkout's modules.
  mvn -B -ntp -q -DskipTests package
fi
