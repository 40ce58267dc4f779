#!/usr/bin/env python3
"""Refreshes the examples of docs/openapi.json from one real session against the local runtime.

Every operation of the document gets, as its examples, the request body it was sent (if it takes
one), the path and query parameters it was called with, and the response it really gave, so the
examples are realistic by construction and double as schemathesis's seeds. Lists keep at most two
items. Run it against `make run` (it reads the tokens the runtime writes), then review the diff:

    make run                        # in another terminal
    python3 scripts/examples.py     # BASE_URL and DEMO_ENV override the defaults

OpenApiExamplesTest checks that every operation has its examples and that they fit the schemas.
"""
import hashlib
import json
import os
import re
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "docs" / "openapi.json"
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:3000")
DEMO_ENV = Path(os.environ.get("DEMO_ENV", ROOT / "target" / "local" / "demo.env"))
LIST_ITEMS_KEPT = 2


def tokens():
    found = {}
    for line in DEMO_ENV.read_text().splitlines():
        match = re.match(r"(?:export )?(\w+)=(\S+)", line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


class Session:
    """Calls the API and keeps, per operation, the first call that answered as the example shows."""

    def __init__(self, document):
        self.document = document
        self.captured = {}
        self.routes = []
        for path, item in document["paths"].items():
            pattern = "^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path) + "$"
            for method, operation in item.items():
                if method in ("get", "post", "put", "patch", "delete"):
                    self.routes.append((method.upper(), re.compile(pattern), operation["operationId"]))

    def call(self, method, url, token, body=None, headers=None, expect=None, keep=True):
        path, _, query = url.partition("?")
        request = urllib.request.Request(BASE_URL + url, method=method)
        if token:
            request.add_header("Authorization", "Bearer " + token)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, data) as response:
                status, text, answer_headers = response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            status, text, answer_headers = error.code, error.read().decode(), error.headers
        answer = json.loads(text) if text and "json" in (answer_headers.get("Content-Type") or "") else None
        if expect is not None and status != expect:
            sys.exit(f"{method} {url}: expected {expect}, got {status}: {text[:300]}")
        operation, path_values = self.operation(method, path)
        if keep and operation and operation not in self.captured:
            self.captured[operation] = {
                "path": path_values,
                "query": dict(pair.split("=", 1) for pair in query.split("&") if pair) if query else {},
                "body": body,
                "status": str(status),
                "response": answer,
                "location": answer_headers.get("Location"),
            }
        return status, answer, answer_headers

    def operation(self, method, path):
        for route_method, pattern, operation_id in self.routes:
            match = pattern.match(path)
            if route_method == method and match:
                return operation_id, match.groupdict()
        return None, {}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def session(document):
    t = tokens()
    owner, admin, member, platform = t["OWNER_TOKEN"], t["ADMIN_TOKEN"], t["MEMBER_TOKEN"], t["PLATFORM_ADMIN_TOKEN"]
    s = Session(document)
    suffix = os.urandom(2).hex()

    s.call("POST", "/v1/tenants", platform, {
        "name": "Northwind Traders", "slug": f"northwind-{suffix}",
        "owner": {"email": f"ada.lovelace+{suffix}@northwind.example", "name": "Ada Lovelace"},
        "website": "https://northwind.example", "industry": "Wholesale",
        "company_size": "medium", "billing_email": "billing@northwind.example", "tax_id": "US-94-1234567"}, expect=201)
    _, tenant, headers = s.call("GET", "/v1/tenant", owner, expect=200)
    s.call("PATCH", "/v1/tenant", owner, {"industry": "Software", "audit_retention_days": 730},
           headers={"If-Match": headers["ETag"]}, expect=200)
    _, me, headers = s.call("GET", "/v1/me", member, expect=200)
    s.call("PATCH", "/v1/me", member, {"timezone": "Europe/Lisbon", "language": "pt-PT",
                                        "notification_preferences": {"email": True, "slack": False}},
           headers={"If-Match": headers["ETag"]}, expect=200)

    _, user, _ = s.call("POST", "/v1/users", admin, {
        "email": f"grace.hopper+{suffix}@example.com", "name": "Grace Hopper", "role": "member"},
        headers={"Idempotency-Key": f"create-user-{suffix}"}, expect=201)
    s.call("GET", "/v1/users?limit=2&status=invited", admin, expect=200)
    _, _, headers = s.call("GET", f"/v1/users/{user['id']}", admin, expect=200)
    s.call("PATCH", f"/v1/users/{user['id']}", admin, {"role": "viewer"}, headers={"If-Match": headers["ETag"]}, expect=200)
    _, auditor, _ = s.call("POST", "/v1/users", admin, {
        "email": f"margaret.hamilton+{suffix}@example.com", "name": "Margaret Hamilton", "role": "auditor"}, expect=201)
    auditor_token = json.loads(urllib.request.urlopen(urllib.request.Request(
        BASE_URL + "/local/token", method="POST",
        data=json.dumps({"tenant_id": tenant["id"], "user_id": auditor["id"], "role": "auditor"}).encode())).read())["token"]

    _, team, _ = s.call("POST", "/v1/teams", admin, {"name": f"Platform {suffix}", "description": "Owns the build and the runtime."}, expect=201)
    s.call("GET", "/v1/teams?limit=2", member, expect=200)
    _, _, headers = s.call("GET", f"/v1/teams/{team['id']}", member, expect=200)
    s.call("PATCH", f"/v1/teams/{team['id']}", admin, {"description": "Owns the build, the runtime and the bench."},
           headers={"If-Match": headers["ETag"]}, expect=200)
    s.call("PUT", f"/v1/teams/{team['id']}/members/{me['id']}", admin, expect=200)

    _, project, _ = s.call("POST", "/v1/projects", member, {
        "key": "WEB" + letters(suffix),
        "name": "Website relaunch", "description": "The new public website, launched before the spring campaign."},
        expect=201)
    s.call("GET", "/v1/projects?limit=2&status=active", member, expect=200)
    _, _, headers = s.call("GET", f"/v1/projects/{project['id']}", member, expect=200)
    s.call("PATCH", f"/v1/projects/{project['id']}", member, {"description": "The new public website, live by 1 March."},
           headers={"If-Match": headers["ETag"]}, expect=200)

    _, sprint, _ = s.call("POST", f"/v1/projects/{project['id']}/sprints", member, {
        "name": "Sprint 1", "goal": "Home page and navigation", "start_date": "2027-01-04", "end_date": "2027-01-15"}, expect=201)
    _, next_sprint, _ = s.call("POST", f"/v1/projects/{project['id']}/sprints", member, {
        "name": "Sprint 2", "start_date": "2027-01-18", "end_date": "2027-01-29"}, expect=201)
    _, milestone, _ = s.call("POST", f"/v1/projects/{project['id']}/milestones", member, {
        "title": "Beta", "description": "Every page reviewed by marketing.", "due_date": "2027-02-12"}, expect=201)
    _, task, _ = s.call("POST", f"/v1/projects/{project['id']}/tasks", member, {
        "title": "Design the home page", "description": "Hero, three feature blocks and the footer.",
        "task_type": "feature", "status": "todo", "priority": "high", "assignee_id": me["id"], "sprint_id": sprint["id"],
        "milestone_id": milestone["id"], "story_points": 5, "due_date": "2027-01-12T17:00:00Z", "tags": ["design", "web"],
        "custom_fields": {"figma": "https://figma.example/file/home"}},
        headers={"Idempotency-Key": f"create-task-{suffix}"}, expect=201)
    _, subtask, _ = s.call("POST", f"/v1/projects/{project['id']}/tasks", member, {
        "title": "Pick the hero image", "parent_task_id": task["id"], "priority": "medium"}, expect=201)
    s.call("GET", f"/v1/projects/{project['id']}/tasks?limit=2&status=todo&priority=high", member, expect=200)
    s.call("GET", f"/v1/tasks?limit=2&assignee_id={me['id']}", member, expect=200)
    _, _, headers = s.call("GET", f"/v1/tasks/{task['id']}", member, expect=200)
    s.call("PATCH", f"/v1/tasks/{task['id']}", member, {"status": "in_progress", "story_points": 8},
           headers={"If-Match": headers["ETag"]}, expect=200)
    _, comment, _ = s.call("POST", f"/v1/tasks/{task['id']}/comments", member,
                           {"content": "First draft is in Figma; feedback welcome by Friday."}, expect=201)
    s.call("GET", f"/v1/tasks/{task['id']}/comments?limit=2", member, expect=200)
    s.call("PATCH", f"/v1/tasks/{task['id']}/comments/{comment['id']}", member,
           {"content": "First draft is in Figma; feedback welcome by Thursday."}, expect=200)
    wireframe = b"\x89PNG\r\n\x1a\n" + os.urandom(48205)
    _, attachment, _ = s.call("POST", f"/v1/tasks/{task['id']}/attachments", member, {
        "filename": "home-wireframe.png", "file_size_bytes": len(wireframe), "mime_type": "image/png",
        "sha256": hashlib.sha256(wireframe).hexdigest()}, expect=201)
    upload = urllib.request.Request(attachment["upload"]["url"], data=wireframe, method="PUT",
                                    headers=attachment["upload"]["headers"])
    urllib.request.urlopen(upload).read()
    s.call("GET", f"/v1/tasks/{task['id']}/attachments?limit=2", member, expect=200)
    s.call("GET", f"/v1/tasks/{task['id']}/attachments/{attachment['id']}", member, expect=200)
    s.call("DELETE", f"/v1/tasks/{task['id']}/attachments/{attachment['id']}", member, expect=204)
    s.call("GET", f"/v1/tasks/{task['id']}/activity?limit=2", member, expect=200)

    _, board, _ = s.call("POST", f"/v1/projects/{project['id']}/boards", member, {
        "name": "Website board", "board_type": "kanban", "columns": [
            {"name": "To do", "status_mapping": ["backlog", "todo"], "position": 0},
            {"name": "Doing", "status_mapping": ["in_progress", "in_review"], "position": 1},
            {"name": "Done", "status_mapping": ["done"], "position": 2}]}, expect=201)
    s.call("GET", f"/v1/projects/{project['id']}/boards?limit=2", member, expect=200)
    _, _, headers = s.call("GET", f"/v1/boards/{board['id']}?limit=2", member, expect=200)
    s.call("PATCH", f"/v1/boards/{board['id']}", member, {"name": "Website kanban"}, headers={"If-Match": headers["ETag"]}, expect=200)

    s.call("GET", f"/v1/projects/{project['id']}/sprints?limit=2&status=planned", member, expect=200)
    _, _, headers = s.call("GET", f"/v1/sprints/{sprint['id']}", member, expect=200)
    _, _, headers = s.call("PATCH", f"/v1/sprints/{sprint['id']}", member, {"goal": "Home page, navigation and footer"},
                           headers={"If-Match": headers["ETag"]}, expect=200)
    _, _, headers = s.call("POST", f"/v1/sprints/{sprint['id']}/start", member, headers={"If-Match": headers["ETag"]}, expect=200)
    s.call("POST", f"/v1/sprints/{sprint['id']}/complete", member, {"move_open_tasks_to_sprint_id": next_sprint["id"]},
           headers={"If-Match": headers["ETag"]}, expect=200)
    s.call("GET", f"/v1/projects/{project['id']}/milestones?limit=2", member, expect=200)
    _, _, headers = s.call("GET", f"/v1/milestones/{milestone['id']}", member, expect=200)
    s.call("PATCH", f"/v1/milestones/{milestone['id']}", member, {"status": "in_progress"},
           headers={"If-Match": headers["ETag"]}, expect=200)

    # The deletes, each on something made for it, so the examples above stay consistent.
    s.call("DELETE", f"/v1/tasks/{task['id']}/comments/{comment['id']}", member, expect=204)
    s.call("DELETE", f"/v1/tasks/{subtask['id']}", member, expect=204)
    s.call("POST", f"/v1/tasks/{subtask['id']}/restore", member, expect=200)
    s.call("DELETE", f"/v1/boards/{board['id']}", member, expect=204)
    s.call("DELETE", f"/v1/sprints/{next_sprint['id']}", member, expect=204)
    s.call("DELETE", f"/v1/milestones/{milestone['id']}", member, expect=204)
    s.call("DELETE", f"/v1/teams/{team['id']}/members/{me['id']}", admin, expect=204)
    s.call("DELETE", f"/v1/teams/{team['id']}", admin, expect=204)
    s.call("DELETE", f"/v1/users/{user['id']}", admin, expect=204)
    _, spare, _ = s.call("POST", "/v1/projects", member, {"key": "OLD" + letters(suffix), "name": "Old intranet"}, expect=201)
    s.call("DELETE", f"/v1/projects/{spare['id']}", owner, expect=204)

    # Entries arrive off the request path (outbox, bus, ingest): wait until the task's are in.
    for _ in range(30):
        _, page, _ = s.call("GET", "/v1/audit-logs?limit=2&action=task.updated", auditor_token, expect=200, keep=False)
        if page["items"]:
            break
        time.sleep(1)
    s.call("GET", "/v1/audit-logs?limit=2&action=task.updated", auditor_token, expect=200)
    s.call("GET", "/v1/audit-logs/verify?limit=100", auditor_token, expect=200)
    _, review, headers = s.call("POST", "/v1/audit-reviews", auditor_token, {
        "review_type": "access", "scope_start_date": "2026-10-01", "scope_end_date": "2026-12-31",
        "findings": "Two former contractors still had active accounts."}, expect=201)
    s.call("GET", "/v1/audit-reviews?limit=2", auditor_token, expect=200)
    _, _, headers = s.call("GET", f"/v1/audit-reviews/{review['id']}", auditor_token, expect=200)
    s.call("PATCH", f"/v1/audit-reviews/{review['id']}", auditor_token, {
        "status": "completed", "recommendations": "Disable accounts on the contract's end date."},
        headers={"If-Match": headers["ETag"]}, expect=200)
    _, report, _ = s.call("POST", "/v1/compliance-reports", auditor_token, {
        "report_type": "soc2", "period_start": "2026-10-01", "period_end": "2026-11-30"}, expect=202)
    s.call("GET", "/v1/compliance-reports?limit=2", auditor_token, expect=200)
    for _ in range(60):  # the report is generated off the request path, through the bus
        status, body, _ = s.call("GET", f"/v1/compliance-reports/{report['id']}", auditor_token, expect=200, keep=False)
        if body["status"] != "generating":
            break
        time.sleep(1)
    s.call("GET", f"/v1/compliance-reports/{report['id']}", auditor_token, expect=200)
    s.call("GET", f"/v1/compliance-reports/{report['id']}/file", auditor_token, expect=302)
    return s.captured


def letters(suffix):
    """Two capital letters from the run's random suffix, so a project key is new on every run."""
    return "".join(chr(ord("A") + int(digit, 16) % 26) for digit in suffix[:2])


def trimmed(value):
    """Lists keep their first items, so the document stays readable; URLs point at S3, not the local moto."""
    if isinstance(value, str):
        return re.sub(r"^http://127\.0\.0\.1:\d+/([a-z0-9-]+)/", r"https://\1.s3.us-east-1.amazonaws.com/", value)
    if isinstance(value, list):
        return [trimmed(item) for item in value]
    if isinstance(value, dict):
        return {key: trimmed(item[:LIST_ITEMS_KEPT] if key in ("items", "tasks") and isinstance(item, list) else item)
                for key, item in value.items()}
    return value


def write(document, captured):
    components = document["components"].get("parameters", {})
    for item in document["paths"].values():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            call = captured.get(operation["operationId"])
            if call is None:
                continue
            if call["body"] is not None and "requestBody" in operation:
                operation["requestBody"]["content"]["application/json"]["example"] = call["body"]
            response = operation["responses"].get(call["status"])
            if response and call["response"] is not None:
                for media in response.get("content", {}).values():
                    media["example"] = trimmed(call["response"])
            location = response.get("headers", {}).get("Location") if response else None
            # A shared header definition ($ref) is the same for every operation: it keeps no example.
            if location is not None and "$ref" not in location and call["location"]:
                location["example"] = trimmed(call["location"])
            values = {**call["path"], **call["query"]}
            for parameter in item.get("parameters", []) + operation.get("parameters", []):
                shared = "$ref" in parameter
                target = components[parameter["$ref"].split("/")[-1]] if shared else parameter
                # The paging parameters are the same everywhere, and a cursor is only good for its list.
                if target["name"] in values and target["name"] not in ("limit", "cursor"):
                    if not shared or "example" not in target:
                        target["example"] = coerce(values[target["name"]])


def coerce(text):
    return int(text) if text.isdigit() else text


def main():
    document = json.loads(DOCUMENT.read_text())
    captured = session(document)
    if "getOpenApi" not in captured:
        captured["getOpenApi"] = {"path": {}, "query": {}, "body": None, "status": "200", "response": {
            "openapi": document["openapi"], "info": document["info"], "paths": {}}, "location": None}
    missing = sorted(op["operationId"] for item in document["paths"].values() for m, op in item.items()
                     if m in ("get", "post", "put", "patch", "delete") and op["operationId"] not in captured)
    write(document, captured)
    DOCUMENT.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    print(f"examples written for {len(captured)} operations" + (f"; none for {missing}" if missing else ""))


if __name__ == "__main__":
    main()
