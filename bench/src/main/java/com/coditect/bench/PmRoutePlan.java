package com.coditect.bench;

import com.coditect.pm.PmHandler;
import com.coditect.shared.json.Json;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.WriteUnitMeter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One representative request per PM route (template.yaml's PmFunction), in an order where each
 * finds what it needs, counting the DynamoDB calls and write units of each. The tenant, its owner
 * (who sends every request) and the project come from tenancy's own routes ({@link RoutePlan}), so
 * PM reads them as tenancy stores them.
 *
 * <p>Where a route has a cheaper and a dearer form, the dearer one is sent: creates carry an
 * {@code Idempotency-Key} and writes an {@code If-Match}; the task is created under a parent and in
 * a sprint and a milestone, and its PATCH moves it under a new parent between two rank neighbours
 * (the most a PATCH reads in its one BatchGetItem); lists carry a filter and find something (an
 * empty first page of a project's list would cost a GetItem more, to tell "none" from "no such
 * project"); the attachment GET is the first one after the upload, which confirms the object and
 * writes; the sprint's completion moves its open tasks to another sprint. Task routes take the
 * task's id: by its key ({@code BENCH-1}) every task route costs a GetItem more to resolve it. S3
 * calls (the attachment GET's HeadObject, the DELETE's DeleteObject) are not counted.
 */
final class PmRoutePlan {

  private static final ObjectMapper MAPPER = Json.newMapper();
  /** The description length of the task whose write units have a target (README, performance). */
  static final int DESCRIBED_TASK_CHARS = 10_000;
  /**
   * What the described task's two PATCHes cost when every list row and the key row were full copies
   * of the task (measured by this plan on 2026-12-03, at commit 73650d3): the targets are a fifth.
   */
  static final long STATUS_CHANGE_UNITS_BEFORE = 428;
  static final long DESCRIPTION_CHANGE_UNITS_BEFORE = 478;
  private static final byte[] ATTACHMENT = "make bench attachment: 1, 2, 3.\n".getBytes(StandardCharsets.UTF_8);

  private final RouteCalls calls;
  private final HttpClient http = HttpClient.newHttpClient();

  PmRoutePlan(PmHandler handler, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    this.calls = new RouteCalls(handler, counter, meter);
  }

  /** A plain task of the project (not counted), e.g. the one the cold-start driver reads. */
  String createTask(Map<String, String> claims, String projectId, String title) {
    return calls.prepare("POST /v1/projects/{project_id}/tasks", event -> event.claims(claims)
        .pathParam("project_id", projectId).body(body().put("title", title).toString())).text("id");
  }

  /** Sends one request per PM route as the tenant's owner and returns the counts, in the order sent. */
  List<RouteCount> run(RoutePlan.Tenant tenant, String projectId) {
    calls.clear();
    Map<String, String> owner = tenant.owner();

    // A milestone and a sprint first: the measured task goes into both.
    String milestoneId = call("POST /v1/projects/{project_id}/milestones", event -> event.claims(owner)
        .pathParam("project_id", projectId).header("Idempotency-Key", idempotencyKey())
        .body(body().put("title", "Bench Milestone").put("due_date", "2027-06-30").toString())).text("id");
    call("GET /v1/projects/{project_id}/milestones", event -> event.claims(owner)
        .pathParam("project_id", projectId).query("status", "open"));
    Reply milestone = call("GET /v1/milestones/{milestone_id}", event -> event.claims(owner)
        .pathParam("milestone_id", milestoneId));
    Reply milestonePatched = call("PATCH /v1/milestones/{milestone_id}", event -> event.claims(owner)
        .pathParam("milestone_id", milestoneId).header("If-Match", milestone.etag())
        .body(body().put("description", "Measured by make bench").toString()));

    String sprintId = call("POST /v1/projects/{project_id}/sprints", event -> event.claims(owner)
        .pathParam("project_id", projectId).header("Idempotency-Key", idempotencyKey())
        .body(body().put("name", "Bench Sprint 1").put("start_date", "2027-01-04").put("end_date", "2027-01-15")
            .toString())).text("id");
    call("GET /v1/projects/{project_id}/sprints", event -> event.claims(owner)
        .pathParam("project_id", projectId).query("status", "planned"));
    Reply sprint = call("GET /v1/sprints/{sprint_id}", event -> event.claims(owner).pathParam("sprint_id", sprintId));
    Reply sprintPatched = call("PATCH /v1/sprints/{sprint_id}", event -> event.claims(owner)
        .pathParam("sprint_id", sprintId).header("If-Match", sprint.etag())
        .body(body().put("goal", "Measure every route").toString()));

    // The tasks the measured ones refer to: a parent for the create, a new parent and two rank
    // neighbours (created in this order, so ranked low before high) for the PATCH.
    String parentId = createTask(owner, projectId, "Bench parent");
    String newParentId = createTask(owner, projectId, "Bench new parent");
    String lowId = createTask(owner, projectId, "Bench rank low");
    String highId = createTask(owner, projectId, "Bench rank high");

    ObjectNode task = body().put("title", "Bench task").put("description", "Every field a create can check.")
        .put("task_type", "feature").put("status", "todo").put("priority", "high")
        .put("assignee_id", tenant.ownerId()).put("sprint_id", sprintId).put("milestone_id", milestoneId)
        .put("parent_task_id", parentId).put("story_points", 3).put("due_date", "2027-01-14T17:00:00Z");
    task.putArray("tags").add("bench").add("performance");
    String taskId = call("POST /v1/projects/{project_id}/tasks", event -> event.claims(owner)
        .pathParam("project_id", projectId).header("Idempotency-Key", idempotencyKey()).body(task.toString()))
        .text("id");
    Reply taskRead = call("GET /v1/tasks/{task_id}", event -> event.claims(owner).pathParam("task_id", taskId));
    // Two filters: the first picks the partition, the second narrows it with a filter expression.
    call("GET /v1/projects/{project_id}/tasks", event -> event.claims(owner).pathParam("project_id", projectId)
        .query("status", "todo").query("assignee_id", tenant.ownerId()));
    call("GET /v1/tasks", event -> event.claims(owner).query("assignee_id", "me").query("due_before", "2027-12-31"));
    Reply taskPatched = call("PATCH /v1/tasks/{task_id}", event -> event.claims(owner)
        .pathParam("task_id", taskId).header("If-Match", taskRead.etag())
        .body(body().put("parent_task_id", newParentId).put("rank_after_task_id", lowId)
            .put("rank_before_task_id", highId).toString()));
    call("GET /v1/tasks/{task_id}/activity", event -> event.claims(owner).pathParam("task_id", taskId));

    Reply comment = call("POST /v1/tasks/{task_id}/comments", event -> event.claims(owner)
        .pathParam("task_id", taskId).header("Idempotency-Key", idempotencyKey())
        .body(body().put("content", "**Measured** by `make bench`.").toString()));
    String commentId = comment.text("id");
    call("GET /v1/tasks/{task_id}/comments", event -> event.claims(owner).pathParam("task_id", taskId));
    Reply commentPatched = call("PATCH /v1/tasks/{task_id}/comments/{comment_id}", event -> event.claims(owner)
        .pathParam("task_id", taskId).pathParam("comment_id", commentId).header("If-Match", comment.etag())
        .body(body().put("content", "**Measured** by `make bench`, edited.").toString()));
    call("DELETE /v1/tasks/{task_id}/comments/{comment_id}", event -> event.claims(owner)
        .pathParam("task_id", taskId).pathParam("comment_id", commentId)
        .header("If-Match", commentPatched.etag()));

    Reply attachment = call("POST /v1/tasks/{task_id}/attachments", event -> event.claims(owner)
        .pathParam("task_id", taskId).header("Idempotency-Key", idempotencyKey())
        .body(body().put("filename", "bench.txt").put("file_size_bytes", ATTACHMENT.length)
            .put("mime_type", "text/plain").put("sha256", HexFormat.of().formatHex(sha256(ATTACHMENT))).toString()));
    String attachmentId = attachment.text("id");
    upload(attachment.json().path("upload"));
    call("GET /v1/tasks/{task_id}/attachments", event -> event.claims(owner).pathParam("task_id", taskId));
    Reply attachmentRead = call("GET /v1/tasks/{task_id}/attachments/{attachment_id}", event -> event.claims(owner)
        .pathParam("task_id", taskId).pathParam("attachment_id", attachmentId));
    call("DELETE /v1/tasks/{task_id}/attachments/{attachment_id}", event -> event.claims(owner)
        .pathParam("task_id", taskId).pathParam("attachment_id", attachmentId)
        .header("If-Match", attachmentRead.etag()));

    // Comments and attachments do not move the task's version: the PATCH's ETag still holds.
    call("DELETE /v1/tasks/{task_id}", event -> event.claims(owner).pathParam("task_id", taskId)
        .header("If-Match", taskPatched.etag()));
    // Before the sprint and milestone go, so the restore is its usual one transaction: a reference
    // gone meanwhile would cost a retry of it each.
    call("POST /v1/tasks/{task_id}/restore", event -> event.claims(owner).pathParam("task_id", taskId));

    // The board after the tasks, so its GET has tasks to place in columns.
    String boardId = call("POST /v1/projects/{project_id}/boards", event -> event.claims(owner)
        .pathParam("project_id", projectId).header("Idempotency-Key", idempotencyKey())
        .body(body().put("name", "Bench Board").put("board_type", "kanban").toString())).text("id");
    call("GET /v1/projects/{project_id}/boards", event -> event.claims(owner).pathParam("project_id", projectId));
    Reply board = call("GET /v1/boards/{board_id}", event -> event.claims(owner).pathParam("board_id", boardId));
    Reply boardPatched = call("PATCH /v1/boards/{board_id}", event -> event.claims(owner)
        .pathParam("board_id", boardId).header("If-Match", board.etag())
        .body(body().put("name", "Bench Board, renamed").toString()));
    call("DELETE /v1/boards/{board_id}", event -> event.claims(owner).pathParam("board_id", boardId)
        .header("If-Match", boardPatched.etag()));

    // The sprint's lifecycle; its completion sends the open tasks to a second sprint (not counted).
    Reply started = call("POST /v1/sprints/{sprint_id}/start", event -> event.claims(owner)
        .pathParam("sprint_id", sprintId).header("If-Match", sprintPatched.etag()));
    String nextSprintId = calls.prepare("POST /v1/projects/{project_id}/sprints", event -> event.claims(owner)
        .pathParam("project_id", projectId)
        .body(body().put("name", "Bench Sprint 2").put("start_date", "2027-01-18").put("end_date", "2027-01-29")
            .toString())).text("id");
    Reply completed = call("POST /v1/sprints/{sprint_id}/complete", event -> event.claims(owner)
        .pathParam("sprint_id", sprintId).header("If-Match", started.etag())
        .body(body().put("move_open_tasks_to_sprint_id", nextSprintId).toString()));
    call("DELETE /v1/sprints/{sprint_id}", event -> event.claims(owner).pathParam("sprint_id", sprintId)
        .header("If-Match", completed.etag()));
    call("DELETE /v1/milestones/{milestone_id}", event -> event.claims(owner)
        .pathParam("milestone_id", milestoneId).header("If-Match", milestonePatched.etag()));
    return calls.counts();
  }

  /**
   * The write units of two PATCHes of a task with a {@value #DESCRIBED_TASK_CHARS}-character
   * description, made like the measured task (assigned, due, in a sprint and a milestone, under a
   * parent, two tags): one moves it from todo to in_progress, the other replaces its description
   * with another of the same length. Its sprint, milestone and parent are its own (not counted).
   */
  List<DescribedChange> describedTask(RoutePlan.Tenant tenant, String projectId) {
    Map<String, String> owner = tenant.owner();
    String milestoneId = calls.prepare("POST /v1/projects/{project_id}/milestones", event -> event.claims(owner)
        .pathParam("project_id", projectId).body(body().put("title", "Bench described milestone").toString()))
        .text("id");
    String sprintId = calls.prepare("POST /v1/projects/{project_id}/sprints", event -> event.claims(owner)
        .pathParam("project_id", projectId).body(body().put("name", "Bench described sprint")
            .put("start_date", "2027-02-01").put("end_date", "2027-02-12").toString())).text("id");
    String parentId = createTask(owner, projectId, "Bench described parent");
    ObjectNode task = body().put("title", "Bench described task").put("description", text('d'))
        .put("task_type", "feature").put("status", "todo").put("priority", "high")
        .put("assignee_id", tenant.ownerId()).put("sprint_id", sprintId).put("milestone_id", milestoneId)
        .put("parent_task_id", parentId).put("story_points", 3).put("due_date", "2027-02-10T17:00:00Z");
    task.putArray("tags").add("bench").add("described");
    String taskId = calls.prepare("POST /v1/projects/{project_id}/tasks", event -> event.claims(owner)
        .pathParam("project_id", projectId).body(task.toString())).text("id");
    long status = calls.writeUnits("PATCH /v1/tasks/{task_id}", event -> event.claims(owner)
        .pathParam("task_id", taskId).body(body().put("status", "in_progress").toString()));
    long description = calls.writeUnits("PATCH /v1/tasks/{task_id}", event -> event.claims(owner)
        .pathParam("task_id", taskId).body(body().put("description", text('e')).toString()));
    return List.of(new DescribedChange("status todo -> in_progress", status, STATUS_CHANGE_UNITS_BEFORE),
        new DescribedChange(String.format(Locale.ROOT, "description (another %,d characters)",
            DESCRIBED_TASK_CHARS), description, DESCRIPTION_CHANGE_UNITS_BEFORE));
  }

  /** A description of {@value #DESCRIBED_TASK_CHARS} characters, each {@code c} (one UTF-8 byte). */
  private static String text(char c) {
    return String.valueOf(c).repeat(DESCRIBED_TASK_CHARS);
  }

  /** One change of the described task: its write units now and before list rows were lean. */
  record DescribedChange(String name, long units, long unitsBefore) {}

  /** A measured request: its DynamoDB calls become a row of the table. */
  private Reply call(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    return calls.measure(routeKey, shape);
  }

  /**
   * Puts the file through the presigned URL exactly as the create response says, as a client would.
   * Content-Length is left to the HTTP client, which refuses to take it as a header.
   */
  private void upload(JsonNode upload) {
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
        .method(upload.path("method").asText(), HttpRequest.BodyPublishers.ofByteArray(ATTACHMENT));
    for (Iterator<Map.Entry<String, JsonNode>> headers = upload.path("headers").fields(); headers.hasNext(); ) {
      Map.Entry<String, JsonNode> header = headers.next();
      if (!header.getKey().equalsIgnoreCase("Content-Length")) {
        put.header(header.getKey(), header.getValue().asText());
      }
    }
    try {
      HttpResponse<String> response = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the attachment upload answered " + response.statusCode() + ": "
            + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("the attachment upload failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the attachment upload", e);
    }
  }

  private static ObjectNode body() {
    return MAPPER.createObjectNode();
  }

  private static String idempotencyKey() {
    return UUID.randomUUID().toString();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
