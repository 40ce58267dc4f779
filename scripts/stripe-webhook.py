#!/usr/bin/env python3
"""Sends the local API one Stripe webhook, signed as Stripe signs (stripe-mock sends none).

Usage: scripts/stripe-webhook.py <event type> <object id> [--replay <event id>] [--secret whsec_...]
                                 [--set field=value ...] [--created <unix seconds>]

The event is Stripe's event envelope around a minimal object of the kind the id names (pi_, re_,
in_, sub_); the signing secret is this run's, from target/local/demo.env (make run writes it). The
signature is Stripe's: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>">. --set shapes the
object: `--set status=trialing --set trial_end=1767225600 --set customer=cus_...`; a value that is JSON
(a number, true, an object) is sent as that JSON, anything else as text.
"""
import argparse
import hashlib
import hmac
import json
import os
import pathlib
import time
import urllib.error
import urllib.request
import uuid

root = pathlib.Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("type", help="the event type, e.g. payment_intent.succeeded")
parser.add_argument("object_id", help="the Stripe id of the object, e.g. pi_...")
parser.add_argument("--replay", help="reuse this event id (a duplicate delivery)")
parser.add_argument("--secret", help="the signing secret (default: STRIPE_WEBHOOK_SECRET of target/local/demo.env)")
parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="a field of the object")
parser.add_argument("--created", type=int, help="the event's created time (default: now)")
parser.add_argument("--url", default=f"http://127.0.0.1:{os.environ.get('PORT', '3000')}/v1/webhooks/stripe")
args = parser.parse_args()

secret = args.secret
if secret is None:
    for line in (root / "target" / "local" / "demo.env").read_text().splitlines():
        if line.startswith("STRIPE_WEBHOOK_SECRET="):
            secret = line.split("=", 1)[1]
if not secret:
    raise SystemExit("no signing secret: start `make run` first, or pass --secret")

kinds = {"pi": "payment_intent", "re": "refund", "in": "invoice", "sub": "subscription", "ch": "charge"}
kind = kinds.get(args.object_id.split("_", 1)[0], "unknown")
obj = {"id": args.object_id, "object": kind}
if args.type.startswith("payment_intent."):
    obj["status"] = {"succeeded": "succeeded", "processing": "processing", "canceled": "canceled"}.get(
        args.type.split(".", 1)[1], "requires_payment_method")
    if obj["status"] == "succeeded":
        obj["latest_charge"] = "ch_" + uuid.uuid4().hex[:24]
for assignment in args.set:
    field, _, value = assignment.partition("=")
    try:
        obj[field] = json.loads(value)
    except ValueError:
        obj[field] = value
event = {"id": args.replay or "evt_" + uuid.uuid4().hex[:24], "object": "event", "type": args.type,
         "created": args.created or int(time.time()), "livemode": False, "pending_webhooks": 1, "data": {"object": obj}}
payload = json.dumps(event)
timestamp = int(time.time())
signature = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()
request = urllib.request.Request(args.url, data=payload.encode(), method="POST", headers={
    "Content-Type": "application/json", "Stripe-Signature": f"t={timestamp},v1={signature}"})
try:
    with urllib.request.urlopen(request) as response:
        print(response.status, response.read().decode())
except urllib.error.HTTPError as error:
    print(error.code, error.read().decode())
    raise SystemExit(1)
print(f"(replay it: scripts/stripe-webhook.py {args.type} {args.object_id} --replay {event['id']})")
