#!/usr/bin/env bash
# Ensures the Python-based peers the build needs: moto server, cfn-lint, openapi-spec-validator.
# A tool already on PATH is used as is; anything missing is installed into .venv/ (pinned), so a
# clean machine or CI needs no manual step. Prints "name=path" lines for the caller to eval.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv"

declare -A packages=(
  [moto_server]='moto[server]==5.2.*'
  [cfn-lint]='cfn-lint==1.*'
  [openapi-spec-validator]='openapi-spec-validator==0.7.*'
)

missing=()
for tool in moto_server cfn-lint openapi-spec-validator; do
  if [ -x "$venv/bin/$tool" ] || command -v "$tool" >/dev/null 2>&1; then
    continue
  fi
  missing+=("${packages[$tool]}")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing into .venv: ${missing[*]}" >&2
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${missing[@]}" >&2
fi

for tool in moto_server cfn-lint openapi-spec-validator; do
  if [ -x "$venv/bin/$tool" ]; then
    path="$venv/bin/$tool"
  else
    path="$(command -v "$tool")"
  fi
  echo "${tool//[-]/_}=$path"
done
