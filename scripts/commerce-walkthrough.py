#!/usr/bin/env python3
"""Commerce and billing end to end against a running `make run` (and its stripe-mock), standard library only.

    python3 scripts/commerce-walkthrough.py [BASE_URL] [DEMO_ENV]
    (defaults: http://127.0.0.1:3000 and target/local/demo.env, as `make run` writes them)

Issue #15's "done when", steps 1 to 6: a guest's cart with two products and a discount code; its
claim by the signed-in owner (the guest's secret opens it no more); checkout with tax from the
tenant's default billing address, replayed with the same Idempotency-Key (same order, same
PaymentIntent); a signed payment_intent.succeeded that marks the payment succeeded, and its replay
that changes nothing; a partial refund, then concurrent refunds of more than what is left, of
which at most one succeeds. The platform administrator makes the products, the code and a tax
rate of a state code made up for the run. Exits non-zero at the first unexpected answer.
scripts/clients.sh runs it in `make test`.
"""
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3000"
ENV_FILE = sys.argv[2] if len(sys.argv) > 2 else "target/local/demo.env"
ENV = dict(line.strip().split("=", 1) for line in open(ENV_FILE) if "=" in line)
OWNER, ADMIN = ENV["OWNER_TOKEN"], ENV["PLATFORM_ADMIN_TOKEN"]
RUN = uuid.uuid4().hex[:6].upper()


def call(method, path, token=None, body=None, headers=None):
    """One request to the API: (status, headers, JSON body or None)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request) as response:
            status, answer, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, answer, raw = error.code, error.headers, error.read()
    return status, answer, json.loads(raw) if raw[:1] == b"{" else None


def expect(label, status, wanted, body=None):
    print(("ok   " if status == wanted else "FAIL ") + f"{label}: {status}")
    if status != wanted:
        sys.exit(f"{label}: expected {wanted}, got {status} {body}")


def same(label, actual, wanted):
    print(("ok   " if actual == wanted else "FAIL ") + f"{label}: {actual}")
    if actual != wanted:
        sys.exit(f"{label}: expected {wanted}, got {actual}")


def webhook(event_type, object_id, event_id, created=None, **fields):
    """A signed Stripe event through scripts/stripe-webhook.py (fields shape its object); its answer as printed."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stripe-webhook.py")
    command = [sys.executable, script, event_type, object_id, "--replay", event_id,
               "--secret", ENV["STRIPE_WEBHOOK_SECRET"], "--url", BASE + "/v1/webhooks/stripe"]
    for field, value in fields.items():
        command += ["--set", f"{field}={json.dumps(value)}"]
    if created is not None:
        command += ["--created", str(created)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"webhook {event_type}: {done.stdout} {done.stderr}")
    return done.stdout


# The platform administrator's catalog, a code and a tax rate for a state made up for this run.
state = "W" + RUN[:4]
products = []
for name, cents in (("Mug", 1250), ("Poster", 999)):
    status, _, product = call("POST", "/v1/products", ADMIN, {"sku": f"WALK-{RUN}-{name.upper()}", "name": name,
                                                               "price_cents": cents, "currency": "usd"})
    expect(f"platform admin adds {name}", status, 201, product)
    products.append(product["id"])
code = "WALK" + RUN
expect("platform admin adds a 10 % code", call("POST", "/v1/discount-codes", ADMIN, {"code": code, "percent_off": 10})[0], 201)
expect("platform admin adds a 7.25 % rate", call("POST", "/v1/tax-rates", ADMIN, {
    "display_name": "Walkthrough sales tax", "percentage": "7.25", "jurisdiction": "US-" + state, "country_code": "US",
    "state_code": state, "tax_type": "sales_tax"})[0], 201)
expect("owner sets the default billing address", call("POST", "/v1/billing-addresses", OWNER, {
    "full_name": "Ada Lovelace", "address_line1": "1 Market St", "city": "San Francisco", "state": state,
    "postal_code": "94105", "country_code": "US", "is_default": True})[0], 201)

# 1. A guest's cart with two products and a discount code.
status, _, cart = call("POST", "/v1/carts", None, {"items": [{"product_id": products[0], "quantity": 2},
                                                             {"product_id": products[1], "quantity": 1}],
                                                   "discount_code": code.lower()})
expect("1. a guest starts a cart with two products and a code", status, 201, cart)
secret = {"X-Cart-Secret": cart["cart_secret"]}
# 2 x 12.50 + 9.99 = 34.99; 10 % = 3.499 -> 3.50; no tax for a guest.
same("   guest totals (subtotal, discount, tax, total)",
     [cart["subtotal_cents"], cart["discount_cents"], cart["tax_cents"], cart["total_cents"]], [3499, 350, 0, 3149])
expect("   without the secret the cart is not found", call("GET", f"/v1/carts/{cart['id']}")[0], 404)

# 2. Claimed by the signed-in owner.
status, _, claimed = call("POST", f"/v1/carts/{cart['id']}/claim", OWNER, headers=secret)
expect("2. the owner claims it", status, 200, claimed)
# 31.49 x 7.25 % = 2.283025 -> 2.28; total 33.77.
same("   claimed totals with the tax estimate",
     [claimed["subtotal_cents"], claimed["discount_cents"], claimed["tax_cents"], claimed["total_cents"]],
     [3499, 350, 228, 3377])
expect("   the guest's secret opens it no more", call("GET", f"/v1/carts/{cart['id']}", headers=secret)[0], 404)

# 3. Checkout with tax from the default billing address, replayed with the same key.
key = {"Idempotency-Key": "walk-" + RUN}
status, _, order = call("POST", f"/v1/carts/{cart['id']}/checkout", OWNER, {}, key)
expect("3. checkout", status, 201, order)
same("   order total", order["total_cents"], 3377)
same("   billing address snapshotted", order["billing_details"]["state"], state)
status, headers, replayed = call("POST", f"/v1/carts/{cart['id']}/checkout", OWNER, {}, key)
expect("   checkout replayed with the same Idempotency-Key", status, 201, replayed)
same("   the same order and PaymentIntent", (replayed["id"], replayed["stripe_payment_intent_id"]),
     (order["id"], order["stripe_payment_intent_id"]))
payment = order["payment_id"]
same("   the payment is pending", call("GET", f"/v1/payments/{payment}", OWNER)[2]["status"], "pending")

# 4. A signed payment_intent.succeeded marks it succeeded; its replay changes nothing.
event_id = "evt_walk" + uuid.uuid4().hex[:16]
print("     " + webhook("payment_intent.succeeded", order["stripe_payment_intent_id"], event_id).splitlines()[0])
deadline = time.time() + 20
while call("GET", f"/v1/payments/{payment}", OWNER)[2]["status"] != "succeeded" and time.time() < deadline:
    time.sleep(0.25)
status, headers, paid = call("GET", f"/v1/payments/{payment}", OWNER)
same("4. the webhook marked the payment", paid["status"], "succeeded")
deadline = time.time() + 20
while call("GET", f"/v1/orders/{order['id']}", OWNER)[2]["status"] != "paid" and time.time() < deadline:
    time.sleep(0.25)
same("   and its order follows: paid", call("GET", f"/v1/orders/{order['id']}", OWNER)[2]["status"], "paid")
duplicate = webhook("payment_intent.succeeded", order["stripe_payment_intent_id"], event_id)
same("   the replayed event is a duplicate", '"duplicate":true' in duplicate.replace(" ", ""), True)
time.sleep(1)
same("   and changed nothing", call("GET", f"/v1/payments/{payment}", OWNER)[1]["ETag"], headers["ETag"])

# 5. A partial refund, then concurrent refunds of more than what is left: at most one succeeds.
status, _, refund = call("POST", f"/v1/payments/{payment}/refunds", OWNER, {"amount_cents": 1000},
                         {"Idempotency-Key": "walk-refund-" + RUN})
expect("5. a partial refund of 10.00", status, 201, refund)
with ThreadPoolExecutor(max_workers=4) as pool:
    answers = list(pool.map(lambda i: call("POST", f"/v1/payments/{payment}/refunds", OWNER, {"amount_cents": 1500},
                                           {"Idempotency-Key": f"walk-over-{RUN}-{i}"})[0], range(4)))
same("   four racing refunds of 15.00 (23.77 left): one 201, three 422", sorted(answers), [201, 422, 422, 422])
refunded = call("GET", f"/v1/payments/{payment}", OWNER)[2]
same("   refunded in all", refunded["refunded_cents"], 2500)

# 6. A subscription with a 14-day trial, synced from its webhooks, with its invoice listed.
status, _, plan = call("POST", "/v1/products", ADMIN, {"sku": f"WALK-{RUN}-PLAN", "name": "Team plan",
                                                        "price_cents": 4900, "currency": "usd", "interval": "month"})
expect("platform admin adds a monthly plan", status, 201, plan)
status, _, subscription = call("POST", "/v1/subscriptions", OWNER, {"product_id": plan["id"], "trial_days": 14},
                               {"Idempotency-Key": "walk-sub-" + RUN})
expect("6. the owner subscribes with a 14-day trial", status, 201, subscription)
sub = subscription["stripe_subscription_id"]
customer = call("GET", "/v1/tenant", OWNER)[2]["stripe_customer_id"]
same("   the tenant has its Stripe customer", customer.startswith("cus_"), True)
now = int(time.time())
trial_end = now + 14 * 86400
# Stripe's events, the later one delivered first: the subscription ends where in-order delivery would.
webhook("customer.subscription.updated", sub, "evt_walksubu" + RUN, now + 1, status="trialing",
        trial_start=now, trial_end=trial_end, cancel_at_period_end=False, customer=customer)
webhook("customer.subscription.created", sub, "evt_walksubc" + RUN, now, status="incomplete",
        trial_start=now, trial_end=trial_end, cancel_at_period_end=False, customer=customer)
invoice = "in_walk" + uuid.uuid4().hex[:16]
parent = {"type": "subscription_details", "subscription_details": {"subscription": sub}}
for kind, state, paid, offset in (("created", "draft", 0, 2), ("finalized", "open", 0, 3), ("paid", "paid", 0, 4)):
    webhook("invoice." + kind, invoice, f"evt_walkin{kind}{RUN}", now + offset, status=state, customer=customer,
            amount_due=0, amount_paid=paid, currency="usd", parent=parent,
            hosted_invoice_url="https://invoice.stripe.com/i/acct_walk/" + invoice)
deadline = time.time() + 20
invoices = []
while time.time() < deadline:
    synced = call("GET", f"/v1/subscriptions/{subscription['id']}", OWNER)[2]
    invoices = call("GET", f"/v1/invoices?subscription_id={subscription['id']}", OWNER)[2]["items"]
    if synced["status"] == "trialing" and invoices and invoices[0]["status"] == "paid":
        break
    time.sleep(0.25)
same("   synced from its webhooks: trialing until", (synced["status"], synced["trial_end"][:10]),
     ("trialing", time.strftime("%Y-%m-%d", time.gmtime(trial_end))))
same("   its invoice is listed, paid, with Stripe's page",
     (len(invoices), invoices[0]["status"] if invoices else None, bool(invoices and invoices[0]["hosted_invoice_url"])),
     (1, "paid", True))
print("commerce walkthrough: passed")
