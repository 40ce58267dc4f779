#!/usr/bin/env python3
"""The documents function end to end against a running `make run`, with the standard library only.

    python3 scripts/dms-walkthrough.py [BASE_URL] [DEMO_ENV]
    (defaults: http://127.0.0.1:3000 and target/local/demo.env, as `make run` writes them)

A folder tree, an upload through the presigned PUT and its verified completion, the same bytes
again (deduplicated: nothing uploaded, counted once in the tenant's storage_used_bytes), a download
whose SHA-256 is checked, a password-protected share link used as a recipient would (wrong
password 401, right one a download URL), the public page, the document's activity, and a member's
access through a grant on a folder two levels up, explained by effective-permission. Exits
non-zero at the first answer that is not the expected one. scripts/clients.sh runs it in `make test`.
"""
import base64
import hashlib
import json
import sys
import time
import urllib.error
import urllib.request
import uuid

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3000"
ENV_FILE = sys.argv[2] if len(sys.argv) > 2 else "target/local/demo.env"
ENV = dict(line.strip().split("=", 1) for line in open(ENV_FILE) if "=" in line)
OWNER, MEMBER = ENV["OWNER_TOKEN"], ENV["MEMBER_TOKEN"]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def call(method, path, token=None, body=None):
    """One request to the API: (status, headers, JSON body or raw bytes)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with _OPENER.open(request) as response:
            status, headers, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, raw = error.code, error.headers, error.read()
    is_json = (headers.get("Content-Type") or "").startswith("application/") and raw[:1] == b"{"
    return status, headers, json.loads(raw) if is_json else raw


def expect(label, status, wanted):
    print(("ok   " if status == wanted else "FAIL ") + f"{label}: {status}")
    if status != wanted:
        sys.exit(f"{label}: expected {wanted}, got {status}")


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.read()


def subject(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["sub"]


run = uuid.uuid4().hex[:8]
content = f"Master services agreement {run}, signed.\n".encode()
sha256 = hashlib.sha256(content).hexdigest()

status, _, top = call("POST", "/v1/folders", OWNER, {"name": f"Contracts {run}"})
expect("a top folder", status, 201)
status, _, year = call("POST", "/v1/folders", OWNER, {"name": "2026", "parent_id": top["id"]})
expect("a folder inside it", status, 201)
print("     path:", year["path"])

status, _, tenant = call("GET", "/v1/tenant", OWNER)
used_before = tenant["storage_used_bytes"]
status, _, document = call("POST", "/v1/documents", OWNER, {
    "title": "MSA", "folder_id": year["id"], "file_name": "msa.txt", "mime_type": "text/plain",
    "file_size_bytes": len(content), "checksum": sha256, "change_summary": "Signed copy"})
expect("a document announcing its file", status, 201)
upload = document["upload"]
put = urllib.request.Request(upload["url"], data=content, method="PUT")
for name, value in upload["headers"].items():
    if name.lower() not in ("content-length", "host"):
        put.add_header(name, value)
with urllib.request.urlopen(put) as response:
    expect("the bytes PUT to the presigned URL (size and SHA-256 signed)", response.status, 200)
status, _, completed = call("POST", f"/v1/documents/{document['id']}/versions/1/complete", OWNER, {})
expect("version 1 completed (S3's size and SHA-256 checked)", status, 200)

status, _, again = call("POST", "/v1/documents", OWNER, {
    "title": "MSA, a copy", "file_name": "copy.txt", "file_size_bytes": len(content), "checksum": sha256})
expect("the same bytes again", status, 201)
if again["upload_required"] or not again["deduplicated"]:
    sys.exit("the tenant's own bytes were asked for again")
print("     upload_required:", again["upload_required"], " deduplicated:", again["deduplicated"])
# Tenancy learns the total from DMS's storage.changed event, off the request path: wait for it.
for _ in range(40):
    status, _, tenant = call("GET", "/v1/tenant", OWNER)
    if tenant["storage_used_bytes"] != used_before:
        break
    time.sleep(0.25)
grown = tenant["storage_used_bytes"] - used_before
print("     the tenant's storage_used_bytes grew by", grown, "for a file of", len(content), "bytes stored once")
if grown != len(content):
    sys.exit("storage_used_bytes is not exact")

status, headers, _ = call("GET", f"/v1/documents/{document['id']}/content", OWNER)
expect("download (302 to a short-lived URL)", status, 302)
if hashlib.sha256(fetch(headers["Location"])).hexdigest() != sha256:
    sys.exit("the downloaded bytes do not match their SHA-256")
print("     downloaded bytes match their SHA-256")

status, _, share = call("POST", f"/v1/documents/{document['id']}/shares", OWNER,
                        {"permission_level": "download", "password": "correct horse", "max_access_count": 3})
expect("a share link (its token shown once)", status, 201)
token = share["token"]
status, _, details = call("GET", f"/v1/public/shares/{token}")
expect("the link's public details", status, 200)
status, _, _ = call("POST", f"/v1/public/shares/{token}/access", None, {"password": "wrong"})
expect("a wrong password", status, 401)
status, _, access = call("POST", f"/v1/public/shares/{token}/access", None, {"password": "correct horse"})
expect("the right password", status, 200)
if hashlib.sha256(fetch(access["url"])).hexdigest() != sha256:
    sys.exit("the shared download does not match its SHA-256")
status, headers, _ = call("GET", f"/share/{token}")
expect("the page a recipient opens", status, 200)

status, _, activity = call("GET", f"/v1/documents/{document['id']}/activity", OWNER)
expect("the document's activity", status, 200)
print("     actions, newest first:", [entry["action"] for entry in activity["items"]])

member = subject(MEMBER)
status, _, seen = call("GET", f"/v1/documents?folder_id={year['id']}", MEMBER)
expect("the member lists the folder before any grant", status, 200)
if seen["items"]:
    sys.exit("the member saw documents before any grant")
status, _, _ = call("POST", f"/v1/folders/{top['id']}/permissions", OWNER, {"user_id": member, "permission_level": "view"})
expect("the member granted view on the top folder", status, 201)
status, _, seen = call("GET", f"/v1/documents?folder_id={year['id']}", MEMBER)
expect("the member lists the folder after", status, 200)
if [item["id"] for item in seen["items"]] != [document["id"]]:
    sys.exit("the grant on the folder above did not reach the document")
status, _, effective = call("GET", f"/v1/documents/{document['id']}/effective-permission", MEMBER)
expect("the member's effective permission", status, 200)
reach = effective["grants"][0]
print(f"     level {effective['level']}, inherited from folder {reach['folder_name']!r}")
status, _, _ = call("PATCH", f"/v1/documents/{document['id']}", MEMBER, {"title": "Edited"})
expect("the member may view, not edit", status, 403)
print("share page:", BASE + "/share/" + token)
