#!/usr/bin/env bash
# Puts the outbox events parked by the publisher back on the bus (OutboxRedriveFunction), once the
# cause is gone: the bus is back, or a refused event was corrected. Prints what each invocation did;
# invokes again while parked events remain that it has not looked at. Events the bus still refuses
# stay parked (their ids are printed).
# Usage: scripts/redrive-events.sh [stack name, default from samconfig.toml: coditect]
# Needs the AWS CLI and credentials for the stack's account (region from AWS_REGION or the profile).
set -euo pipefail
stack="${1:-coditect}"
function="$(aws cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Outputs[?OutputKey=='OutboxRedriveFunctionName'].OutputValue" --output text)"
if [ -z "$function" ] || [ "$function" = "None" ]; then
  echo "stack $stack has no OutboxRedriveFunctionName output (deployed before the redrive existed?)" >&2
  exit 1
fi
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
while true; do
  # The alias is the SnapStart version; the function answers {"redriven", "still_parked", "still_parked_event_ids", "more"}.
  meta="$(aws lambda invoke --function-name "$function" --qualifier live --cli-binary-format raw-in-base64-out \
    --payload '{"max_events": 1000}' "$out")"
  cat "$out"; echo
  if grep -q FunctionError <<<"$meta"; then
    echo "the redrive failed; see the function's log" >&2
    exit 1
  fi
  if ! grep -Eq '"more" *: *true' "$out"; then
    break
  fi
  if grep -Eq '"redriven" *: *0[,}]' "$out"; then
    echo "nothing was redriven in this round; stopping (the bus may be unavailable)" >&2
    break
  fi
done
