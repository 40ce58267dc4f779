#!/usr/bin/env python3
"""Issue #14's "done when" against a running `make run`, with the standard library only.

    python3 scripts/workflow-walkthrough.py [BASE_URL] [DEMO_ENV]
    (defaults: http://127.0.0.1:3000 and target/local/demo.env, as `make run` writes them)

1. An owner publishes an approval workflow whose event trigger matches an urgent task.created.
2. A member creates an urgent task through the API: the event trigger starts an execution.
3. Two of three approvers (owner, admin, member) approve: the quorum of 2 settles the step.
4. An action creates a follow-up task in PM (PM acts on the engine's action.requested).
5. A wait step is fired by its one-time EventBridge Scheduler schedule (the local runtime fires it).
6. The execution completes; its steps, the analysis and the diagram say so.
Exits non-zero at the first answer that is not the expected one. scripts/clients.sh runs it in
`make test`.
"""
import base64
import json
import sys
import time
import urllib.error
import urllib.request
import uuid

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3000"
ENV_FILE = sys.argv[2] if len(sys.argv) > 2 else "target/local/demo.env"
ENV = dict(line.strip().split("=", 1) for line in open(ENV_FILE) if "=" in line)
OWNER, ADMIN, MEMBER = ENV["OWNER_TOKEN"], ENV["ADMIN_TOKEN"], ENV["MEMBER_TOKEN"]


def call(method, path, token=None, body=None):
    """One request to the API: (status, JSON body or raw text)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request) as response:
            status, headers, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, raw = error.code, error.headers, error.read()
    is_json = "json" in (headers.get("Content-Type") or "") and raw[:1] in (b"{", b"[")
    return status, json.loads(raw) if is_json else raw.decode()


def expect(label, status, wanted):
    print(("ok   " if status == wanted else "FAIL ") + f"{label}: {status}")
    if status != wanted:
        sys.exit(f"{label}: expected {wanted}, got {status}")


def eventually(label, probe, timeout=60):
    """Polls probe() until it returns a true value (the engine runs off the request path)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found:
            print(f"ok   {label}")
            return found
        time.sleep(0.5)
    sys.exit(f"{label}: not within {timeout} s")


def subject(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["sub"]


run = uuid.uuid4().hex[:6].upper()
approvers = [subject(OWNER), subject(ADMIN), subject(MEMBER)]

status, project = call("POST", "/v1/projects", OWNER, {"key": "WF" + run[:4], "name": f"Workflow demo {run}"})
expect("a project", status, 201)

# The follow-up task's project and reporter come from the event that started the execution.
definition = {
    "nodes": [
        {"id": "start", "type": "start", "name": "Urgent task"},
        {"id": "approve", "type": "approval", "name": "Two of three approve",
         "config": {"approvers": {"user_ids": approvers}, "quorum": 2, "expires_in": "PT1H",
                    "allow_requester": True}},
        {"id": "follow_up", "type": "action", "name": "Follow-up task",
         "config": {"action": "pm.create_task",
                    "params": {"project_id": "=trigger.detail.changes.project_id.new",
                               "reporter_id": "=trigger.detail.actor.user_id",
                               "title": "='Follow up: ' & trigger.detail.changes.title.new",
                               "priority": "high"},
                    "retry": {"max_attempts": 3, "backoff": "PT1S"}}},
        {"id": "cool_down", "type": "wait", "name": "Cool down", "config": {"duration": "PT2S"}},
        {"id": "done", "type": "end", "name": "Done"},
        {"id": "rejected", "type": "end", "name": "Rejected"},
    ],
    "edges": [
        {"from": "start", "to": "approve"},
        {"from": "approve", "to": "follow_up"},
        {"from": "approve", "to": "rejected", "on": "error"},
        {"from": "approve", "to": "rejected", "on": "timeout"},
        {"from": "follow_up", "to": "cool_down"},
        {"from": "cool_down", "to": "done"},
    ],
}
pattern = {"source": ["coditect.pm"], "detail-type": ["task.created"],
           "detail": {"changes": {"priority": {"new": ["urgent"]},
                                  "project_id": {"new": [project["id"]]}}}}
status, workflow = call("POST", "/v1/workflows", OWNER, {
    "name": f"Urgent task approval {run}", "workflow_type": "approval", "definition": definition,
    "triggers": [{"type": "event", "pattern": pattern}]})
expect("an approval workflow (draft)", status, 201)
status, checked = call("POST", f"/v1/workflows/{workflow['id']}/validate", OWNER)
expect("its static checks", status, 200)
if not checked["valid"]:
    sys.exit(f"the definition has problems: {checked['problems']}")
status, published = call("POST", f"/v1/workflows/{workflow['id']}/publish", OWNER)
expect("published (active)", status, 200)

status, task = call("POST", f"/v1/projects/{project['id']}/tasks", MEMBER,
                    {"title": f"Production is down {run}", "priority": "urgent"})
expect("an urgent task, created by a member", status, 201)


def the_execution():
    status, page = call("GET", f"/v1/workflows/{workflow['id']}/executions", OWNER)
    return page["items"][0] if status == 200 and page["items"] else None


execution = eventually("the urgent task started an execution (event trigger)", the_execution)
print("     trigger_type:", execution["trigger_type"])


def pending_approval(token):
    def probe():
        status, page = call("GET", "/v1/approvals?approver_id=me&status=pending", token)
        mine = [a for a in page.get("items", []) if a["execution_id"] == execution["id"]] if status == 200 else []
        return mine[0] if mine else None
    return probe


for label, token in (("owner", OWNER), ("admin", ADMIN)):
    approval = eventually(f"the {label}'s pending approval", pending_approval(token))
    status, decided = call("POST", f"/v1/approvals/{approval['id']}/approve", token, {"comment": f"OK by {label}"})
    expect(f"the {label} approves", status, 200)


def finished():
    status, found = call("GET", f"/v1/executions/{execution['id']}", OWNER)
    return found if status == 200 and found["status"] in ("completed", "failed", "cancelled") else None


done = eventually("the execution ended (approvals, action, wait fired by its schedule)", finished, timeout=90)
steps = {step["step_id"]: step for step in done["steps"]}
print("     status:", done["status"], " steps:", [s["step_id"] + ":" + s["status"] for s in done["steps"]])
if done["status"] != "completed":
    sys.exit(f"the execution {done['status']}: {done.get('error_message')}")
for node in ("approve", "follow_up", "cool_down", "done"):
    if steps.get(node, {}).get("status") != "completed":
        sys.exit(f"step {node} did not complete")
task_id = steps["follow_up"]["output_data"]["task_id"]
status, follow_up = call("GET", f"/v1/tasks/{task_id}", OWNER)
expect("the follow-up task in PM", status, 200)
print("     ", follow_up["title"], "/", follow_up["priority"])
status, left = call("GET", "/v1/approvals?approver_id=me&status=pending", MEMBER)
if any(a["execution_id"] == execution["id"] for a in left["items"]):
    sys.exit("the third approver still has a pending approval of a settled step")
print("ok   the third approver's approval closed with the step")

def counted():
    status, found = call("GET", f"/v1/workflows/{workflow['id']}/analysis", OWNER)
    return found if status == 200 and found["executions"]["completed"] == 1 else None


# The analysis is kept by the step and execution events, off the request path.
analysis = eventually("the analysis counts the completed execution", counted)
print("     executions:", analysis["executions"])
print("     steps:", {s["node_id"]: s["count"] for s in analysis["steps"]}, " bottleneck:", analysis["bottleneck"])
status, svg = call("GET", f"/v1/workflows/{workflow['id']}/diagram?format=svg&execution_id={execution['id']}", OWNER)
expect("the diagram of the path taken (SVG)", status, 200)
if not svg.lstrip().startswith("<") or "svg" not in svg[:200]:
    sys.exit("the diagram is not SVG")
print("done")
