#!/usr/bin/env bash
# Ensures the peers the build needs: the Python-based moto server, cfn-lint, openapi-spec-validator,
# schemathesis (API fuzzing, scripts/fuzz.sh), openapi-python-client (the client tests,
# scripts/clients.sh), and the Go-built stripe-mock.
# A tool already on PATH is used as is; anything missing is installed into .venv/ (pinned), so a
# clean machine or CI needs no manual step. Prints "name=path" lines for the caller to eval.
# moto always runs through scripts/moto-server (DynamoDB transactions without table copies, see
# scripts/moto_server.py), with the .venv's Python or python3, whichever has exactly the moto
# version that script patches (its EXPECTED_MOTO_VERSION); when neither has, it goes into .venv.
# `scripts/tools.sh browser` (scripts/test.sh) also ensures a headless browser for local/DocsPageIT:
# $CHROMIUM/$CHROMEDRIVER when set, else chromium and chromedriver on PATH, else Debian's chromium
# and chromium-driver, installed with apt-get (as root, or through sudo).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv"
moto_version="$(sed -n 's/^EXPECTED_MOTO_VERSION = "\(.*\)"$/\1/p' "$root/scripts/moto_server.py")"
[ -n "$moto_version" ] || { echo "no EXPECTED_MOTO_VERSION in scripts/moto_server.py" >&2; exit 1; }

# The client tests generate with exactly this version: what a new user of the API runs.
openapi_python_client_version=0.29.1

declare -A packages=(
  [moto_server]="moto[server]==$moto_version"
  [cfn-lint]='cfn-lint==1.*'
  [openapi-spec-validator]='openapi-spec-validator==0.7.*'
  [schemathesis]='schemathesis==4.*'
  [openapi-python-client]="openapi-python-client==$openapi_python_client_version"
)
tools=(moto_server cfn-lint openapi-spec-validator schemathesis openapi-python-client)

# True when this Python has moto's server in the pinned version (scripts/moto-server asks the same).
pinned_moto() {
  "$1" -c "import sys, moto, moto.server; sys.exit(moto.__version__ != '$moto_version')" 2>/dev/null
}

has_moto() {
  { [ -x "$venv/bin/python" ] && pinned_moto "$venv/bin/python"; } || pinned_moto python3
}

# schemathesis from PATH only in the pinned major: scripts/fuzz.sh uses the 4.x command line.
# openapi-python-client, in .venv too, only in its pinned version.
pinned() {
  case "$1" in
    schemathesis) [[ "$("$2" --version 2>/dev/null)" == *"version 4."* ]] ;;
    openapi-python-client) [[ "$("$2" --version 2>/dev/null)" == *"version: $openapi_python_client_version" ]] ;;
    *) true ;;
  esac
}

on_path() {
  command -v "$1" >/dev/null 2>&1 && pinned "$1" "$(command -v "$1")"
}

in_venv() {
  [ -x "$venv/bin/$1" ] && pinned "$1" "$venv/bin/$1"
}

missing=()
for tool in "${tools[@]}"; do
  if [ "$tool" = moto_server ]; then
    has_moto || missing+=("${packages[$tool]}")
  elif ! in_venv "$tool" && ! on_path "$tool"; then
    missing+=("${packages[$tool]}")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing into .venv: ${missing[*]}" >&2
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${missing[@]}" >&2
fi

for tool in "${tools[@]}"; do
  if [ "$tool" = moto_server ]; then
    path="$root/scripts/moto-server"
  elif in_venv "$tool"; then
    path="$venv/bin/$tool"
  else
    path="$(command -v "$tool")"
  fi
  echo "${tool//[-]/_}=$path"
done

# stripe-mock, Stripe's official mock of its API, in exactly the version whose OpenAPI spec is the
# API version of the stripe-java the root pom pins (README, "Stripe locally"; StripeMockPairingIT
# checks the pair on every run). Built from the Go module proxy with `go install` into .tools/, by
# version, so changing the pin builds the new one.
stripe_mock_version=v0.202.0
stripe_mock="$root/.tools/stripe-mock-$stripe_mock_version/stripe-mock"
if [ ! -x "$stripe_mock" ]; then
  # Go from PATH, else where Go's own installer puts it.
  go="$(command -v go || true)"
  [ -n "$go" ] || [ ! -x /usr/local/go/bin/go ] || go=/usr/local/go/bin/go
  [ -n "$go" ] \
    || { echo "stripe-mock $stripe_mock_version is built with Go's \`go install\`, and there is no go on PATH or in /usr/local/go: install Go, or put stripe-mock $stripe_mock_version at $stripe_mock" >&2; exit 1; }
  echo "installing stripe-mock $stripe_mock_version (go install) into .tools/" >&2
  GOBIN="$(dirname "$stripe_mock")" "$go" install "github.com/stripe/stripe-mock@$stripe_mock_version" >&2
fi
echo "stripe_mock=$stripe_mock"

[ "${1:-}" = browser ] || exit 0

# Debian's chromium-driver is built from the same source as its chromium, so the two always match;
# Debian stable's security updates move both, which is why no exact version is pinned here.
browser_missing() {
  echo "DocsPageIT needs Chromium and its chromedriver: $1" >&2
  echo "Install Debian's chromium and chromium-driver, or set CHROMIUM and CHROMEDRIVER to a Chromium/Chrome and the chromedriver of the same major version." >&2
  exit 1
}
chromium="${CHROMIUM:-$(command -v chromium || true)}"
chromedriver="${CHROMEDRIVER:-$(command -v chromedriver || true)}"
if [ -z "$chromium" ] || [ -z "$chromedriver" ]; then
  command -v apt-get >/dev/null 2>&1 || browser_missing "not on PATH, and no apt-get to install them"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=(env)
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo env)
  else
    browser_missing "not on PATH, and installing them needs root (or sudo)"
  fi
  echo "installing chromium and chromium-driver (apt-get)" >&2
  { "${as_root[@]}" apt-get update -qq \
      && "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        chromium chromium-driver; } >&2 \
    || browser_missing "apt-get install chromium chromium-driver failed"
  chromium="$(command -v chromium)" && chromedriver="$(command -v chromedriver)" \
    || browser_missing "installed, but not on PATH"
fi
# chromedriver refuses a browser of another major version; say so before the test starts.
chromium_major="$("$chromium" --version 2>/dev/null | grep -o '[0-9][0-9]*\.' | head -n 1)"
driver_major="$("$chromedriver" --version 2>/dev/null | grep -o '[0-9][0-9]*\.' | head -n 1)"
[ -n "$chromium_major" ] && [ "$chromium_major" = "$driver_major" ] \
  || browser_missing "$chromium ($("$chromium" --version 2>/dev/null | head -n 1)) and $chromedriver ($("$chromedriver" --version 2>/dev/null | head -n 1)) are not the same major version"
echo "chromium=$chromium"
echo "chromedriver=$chromedriver"
