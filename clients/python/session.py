"""A scripted session through the Python client openapi-python-client generates from docs/openapi.json.

Run by scripts/clients.sh against the local runtime. It uses only the generated typed methods and
models (no raw HTTP): the generated package is imported as `coditect_api_client`. Arguments: the
API's base URL and a member's bearer token. Exits non-zero (an AssertionError) on the first step
that does not behave as the document says.
"""

import sys
import uuid

from coditect_api_client import AuthenticatedClient
from coditect_api_client.api.projects import create_project, list_projects
from coditect_api_client.api.tasks import create_task, get_task, list_project_tasks, update_task
from coditect_api_client.models import (
    CreateProjectRequest,
    CreateTaskRequest,
    GatewayMessage,
    Problem,
    Project,
    Task,
    TaskList,
    TaskPriority,
    TaskStatus,
    UpdateTaskRequest,
)
from coditect_api_client.types import UNSET

TASKS = 5
PAGE = 2


def step(text):
    print(f"python session: {text}", flush=True)


def expect(response, status, model):
    assert response.status_code == status, f"expected {status}, got {response.status_code}: {response.content!r}"
    assert isinstance(response.parsed, model), f"expected a {model.__name__}, got {response.parsed!r}"
    return response.parsed


def main(base_url, token):
    client = AuthenticatedClient(base_url=base_url, token=token, raise_on_unexpected_status=True)

    step("create a project, then replay its Idempotency-Key")
    key = "PY" + uuid.uuid4().hex[:6].upper()
    body = CreateProjectRequest(key=key, name="Python client session")
    idempotency_key = str(uuid.uuid4())
    first = create_project.sync_detailed(client=client, body=body, idempotency_key=idempotency_key)
    project = expect(first, 201, Project)
    assert "Idempotent-Replayed" not in first.headers, first.headers
    replayed = create_project.sync_detailed(client=client, body=body, idempotency_key=idempotency_key)
    assert expect(replayed, 201, Project).id == project.id
    assert replayed.headers.get("Idempotent-Replayed") == "true", replayed.headers
    assert replayed.headers.get("ETag") == first.headers.get("ETag"), (first.headers, replayed.headers)

    step(f"create {TASKS} tasks")
    created = []
    for number in range(1, TASKS + 1):
        response = create_task.sync_detailed(
            project.id, client=client,
            body=CreateTaskRequest(title=f"Task {number}", priority=TaskPriority.HIGH, tags=["client"]))
        task = expect(response, 201, Task)
        assert task.priority is TaskPriority.HIGH and task.status is TaskStatus.BACKLOG, task
        assert response.headers.get("Location"), response.headers
        created.append(task.id)

    step(f"page through them, {PAGE} a page, with the cursor")
    seen, cursor, pages = [], UNSET, 0
    while True:
        page = expect(list_project_tasks.sync_detailed(
            project.id, client=client, limit=PAGE, cursor=cursor, status=TaskStatus.BACKLOG), 200, TaskList)
        pages += 1
        assert len(page.items) <= PAGE
        seen.extend(item.id for item in page.items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert sorted(seen) == sorted(created), (seen, created)
    assert pages >= TASKS // PAGE, pages
    due = expect(list_project_tasks.sync_detailed(
        project.id, client=client, due_before="2999-12-31", due_after="2000-01-01T00:00:00Z"), 200, TaskList)
    assert due.items == [], due   # no task has a due date

    step("GET a task, then PATCH it with If-Match")
    read = get_task.sync_detailed(str(created[0]), client=client)
    expect(read, 200, Task)
    etag = read.headers["ETag"]
    patched = update_task.sync_detailed(
        str(created[0]), client=client, body=UpdateTaskRequest(status=TaskStatus.IN_PROGRESS), if_match=etag)
    assert expect(patched, 200, Task).status is TaskStatus.IN_PROGRESS
    assert patched.headers["ETag"] != etag, patched.headers

    step("a stale If-Match is a typed 412")
    stale = update_task.sync_detailed(
        str(created[0]), client=client, body=UpdateTaskRequest(priority=TaskPriority.LOW), if_match=etag)
    assert expect(stale, 412, Problem).status == 412

    step("an unknown task is a typed 404")
    missing = get_task.sync_detailed(str(uuid.uuid4()), client=client)
    assert expect(missing, 404, Problem).status == 404

    step("a bad token is a typed 401 (API Gateway's {message})")
    stranger = AuthenticatedClient(base_url=base_url, token="not-a-token", raise_on_unexpected_status=True)
    refused = list_projects.sync_detailed(client=stranger)
    assert expect(refused, 401, GatewayMessage).message == "Unauthorized"

    step("passed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
