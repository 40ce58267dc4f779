#!/usr/bin/env python3
"""Contacts end to end against a running `make run`, standard library only.

    python3 scripts/contacts-walkthrough.py [BASE_URL] [DEMO_ENV]
    (defaults: http://127.0.0.1:3000 and target/local/demo.env, as `make run` writes them)

Issue #16's "done when": the demo member adds two phones and two e-mail addresses (the phones as
typed, stored in E.164); one of each becomes the default (the default work phone is then the
member's phone_number in GET /v1/me); an address is verified with the code GET /local/messages
shows (sent through the local SES); the phone number is verified by SMS the same way. The run's
contacts are deleted at the end, so it can run again. Exits non-zero at the first unexpected
answer. scripts/clients.sh runs it in `make test`.
"""
import json
import random
import re
import sys
import urllib.error
import urllib.request
import uuid

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3000"
ENV_FILE = sys.argv[2] if len(sys.argv) > 2 else "target/local/demo.env"
ENV = dict(line.strip().split("=", 1) for line in open(ENV_FILE) if "=" in line)
MEMBER = ENV["MEMBER_TOKEN"]
RUN = uuid.uuid4().hex[:6]


def call(method, path, token=None, body=None):
    """One request to the API: (status, JSON body or None)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    return status, json.loads(raw) if raw[:1] == b"{" else None


def expect(label, status, wanted, body=None):
    print(("ok   " if status == wanted else "FAIL ") + f"{label}: {status}")
    if status != wanted:
        sys.exit(f"{label}: expected {wanted}, got {status} {body}")


def same(label, actual, wanted):
    print(("ok   " if actual == wanted else "FAIL ") + f"{label}: {actual}")
    if actual != wanted:
        sys.exit(f"{label}: expected {wanted}, got {actual}")


def created(label, path, body):
    status, answer = call("POST", path, MEMBER, body)
    expect(label, status, 201, answer)
    return answer


def newest_code(channel, to):
    """The code in the newest message the platform sent to `to`, as GET /local/messages shows it."""
    status, answer = call("GET", "/local/messages")
    expect("GET /local/messages", status, 200, answer)
    for item in answer["items"]:
        if item["channel"] == channel and item["to"] == to:
            return re.search(r"\b(\d{6})\b", item["body"]).group(1)
    sys.exit(f"no {channel} to {to} in /local/messages")


def main():
    status, me = call("GET", "/v1/me", MEMBER)
    expect("GET /v1/me", status, 200, me)
    owner = {"entity_type": "user", "entity_id": me["id"]}

    # 1. Two phones and two e-mail addresses, as a person types them.
    digits = f"{random.randrange(10_000):04d}"
    desk = created("a work phone, typed nationally", "/v1/phone-numbers",
                   {**owner, "phone_type": "work", "country_code": "GB", "phone_number": f"020 7123 {digits}"})
    office = created("a second work phone, with its dialing code", "/v1/phone-numbers",
                     {**owner, "phone_type": "work", "country_code": "+1",
                      "phone_number": f"(415) 555-{digits}", "extension": "12"})
    work = created("a work e-mail address", "/v1/email-addresses",
                   {**owner, "email_type": "work", "email": f"Ada.{RUN}@Analytical.EXAMPLE"})
    personal = created("a personal e-mail address", "/v1/email-addresses",
                       {**owner, "email_type": "personal", "email": f"ada.{RUN}@home.example"})

    # 4. Normalised: E.164 beside what was typed; the domain in lower case.
    same("the phone in E.164", desk["phone_number"], f"+44207123{digits}")
    same("what was typed, kept", desk["raw_input"], f"020 7123 {digits}")
    same("the other phone in E.164", office["phone_number"], f"+1415555{digits}")
    same("the address's domain in lower case", work["email"], f"Ada.{RUN}@analytical.example")

    # 2. One of each becomes the default (moving it from any earlier one, in one transaction).
    status, answer = call("PATCH", f"/v1/phone-numbers/{office['id']}", MEMBER, {"is_default": True})
    expect("make the second work phone the default", status, 200, answer)
    status, answer = call("PATCH", f"/v1/email-addresses/{work['id']}", MEMBER, {"is_default": True})
    expect("make the work address the default", status, 200, answer)
    status, answer = call("GET", "/v1/phone-numbers?phone_type=work&is_default=true", MEMBER)
    same("exactly one default work phone", [item["id"] for item in answer["items"]], [office["id"]])
    status, answer = call("GET", "/v1/email-addresses?email_type=work&is_default=true", MEMBER)
    same("exactly one default work address", [item["id"] for item in answer["items"]], [work["id"]])
    status, answer = call("GET", "/v1/me", MEMBER)
    same("the member's phone_number is the default work phone", answer["phone_number"], office["phone_number"])

    # 3. The address is verified with the code the platform sent (SES; locally kept and shown).
    status, answer = call("POST", f"/v1/email-addresses/{work['id']}/verify", MEMBER)
    expect("send a code to the address", status, 202, answer)
    code = newest_code("email", work["email"])
    status, answer = call("POST", f"/v1/email-addresses/{work['id']}/confirm", MEMBER,
                          {"code": "000000" if code != "000000" else "000001"})
    expect("a wrong code", status, 422, answer)
    status, answer = call("POST", f"/v1/email-addresses/{work['id']}/confirm", MEMBER, {"code": code})
    expect("confirm with the code from /local/messages", status, 200, answer)
    same("the address is verified", answer["is_verified"], True)
    status, answer = call("POST", f"/v1/email-addresses/{work['id']}/confirm", MEMBER, {"code": code})
    expect("the same code again", status, 422, answer)

    # And the phone by SMS (SNS; locally kept and shown too).
    status, answer = call("POST", f"/v1/phone-numbers/{desk['id']}/verify", MEMBER)
    expect("send a code by SMS", status, 202, answer)
    status, answer = call("POST", f"/v1/phone-numbers/{desk['id']}/confirm", MEMBER,
                          {"code": newest_code("sms", desk["phone_number"])})
    expect("confirm the phone", status, 200, answer)
    same("the phone is verified", answer["is_verified"], True)

    for path in (f"/v1/phone-numbers/{desk['id']}", f"/v1/phone-numbers/{office['id']}",
                 f"/v1/email-addresses/{work['id']}", f"/v1/email-addresses/{personal['id']}"):
        status, answer = call("DELETE", path, MEMBER)
        expect(f"DELETE {path.rsplit('/', 2)[-2]}", status, 204, answer)
    print("contacts walkthrough: done")


if __name__ == "__main__":
    main()
