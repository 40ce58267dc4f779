package com.coditect.pm;

import static com.coditect.pm.PmAsserts.withClaims;
import static com.coditect.testing.ListAsserts.bad;
import static com.coditect.testing.ListAsserts.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.pm.data.PmKeys;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET|POST /v1/tasks/{task_id}/comments} and {@code PATCH|DELETE .../comments/{comment_id}}
 * on moto. Any role reads; owners, admins and members comment; only the author or an admin edits
 * or deletes. Tasks are written directly, as the task routes store them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentRoutesIT {

  private static final AtomicLong TASK_NUMBERS = new AtomicLong();

  private PmApi api;
  private SeededTenant acme;
  private SeededTenant globex;
  private String otherMember;
  private Task task;

  @BeforeAll
  void start() {
    api = new PmApi("comments");
    acme = api.env.seedTenant("ENG");
    globex = api.env.seedTenant("ENG");
    otherMember = api.env.seedUser(acme.id(), "member");
    task = seedTask(api, acme);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- POST /v1/tasks/{task_id}/comments

  @Test
  void memberCommentsInOneReadAndOneTransaction() {
    HandlerResponse created = create(acme.member(), task.id(), "{\"content\":\"Looks **good** to me\"}");

    created.assertStatus(201);
    String id = created.text("id");
    assertNotNull(id);
    assertEquals("/v1/tasks/" + task.id() + "/comments/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals(task.id(), created.text("task_id"));
    assertEquals(acme.memberId(), created.text("author_id"));
    assertEquals("Looks **good** to me", created.text("content"));
    assertEquals("<p>Looks <strong>good</strong> to me</p>\n", created.text("content_html"));
    assertEquals(created.text("created_at"), created.text("updated_at"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), created.dynamoCalls());

    JsonNode activity = activityRows(api, acme, task.id()).stream()
        .filter(row -> row.path("new_value").asText().equals("\"" + id + "\"")).findFirst().orElseThrow();
    assertEquals("commented", activity.path("action").asText());
    assertEquals(acme.memberId(), activity.path("user_id").asText());
    JsonNode event = event(api, "comment.created", id);
    assertEquals("comment", event.path("resource_type").asText());
    assertEquals(acme.memberId(), event.path("actor").path("user_id").asText());
    assertEquals("Looks **good** to me", event.path("changes").path("content").path("new").asText());
  }

  @Test
  void taskKeyServesEveryCommentRoute() {
    Task keyed = seedTask(api, acme);
    HandlerResponse created = create(acme.owner(), keyed.key(), "{\"content\":\"by key\"}");
    created.assertStatus(201);
    assertEquals(keyed.id(), created.text("task_id"));
    assertEquals("/v1/tasks/" + keyed.id() + "/comments/" + created.text("id"), created.header("Location"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), created.dynamoCalls());

    HandlerResponse listed = list(acme.viewer(), keyed.key());
    assertEquals(List.of(created.text("id")), ids(listed));
    assertEquals(List.of("GetItem", "Query"), listed.dynamoCalls());

    // By key, the key row and the comment are two reads before the write.
    HandlerResponse edited = patch(acme.owner(), keyed.key(), created.text("id"), null, "{\"content\":\"edited by key\"}");
    edited.assertStatus(200);
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems"), edited.dynamoCalls());
    HandlerResponse deleted = delete(acme.owner(), keyed.key(), created.text("id"), null);
    deleted.assertStatus(204);
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems"), deleted.dynamoCalls());
  }

  @Test
  void contentIsStoredAsWrittenAndRenderedSafely() {
    String markdown = "# Title\n\nSee [docs](https://example.com/docs) and [this](javascript:alert(1)).\n\n"
        + "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n  trailing spaces  ";
    HandlerResponse created = create(acme.member(), task.id(), body(markdown));
    created.assertStatus(201);
    assertEquals(markdown, created.text("content"));
    String html = created.text("content_html");
    assertTrue(html.contains("<a href=\"https://example.com/docs\" rel=\"nofollow\">docs</a>"), html);
    for (String forbidden : List.of("<script", "alert(", "onerror", "javascript:", "<img", "<h1")) {
      assertFalse(html.contains(forbidden), forbidden + " in " + html);
    }
    HandlerResponse listed = list(acme.viewer(), task.id());
    JsonNode stored = find(listed, created.text("id"));
    assertEquals(markdown, stored.path("content").asText());
    assertEquals(html, stored.path("content_html").asText());
  }

  @Test
  void viewersAndSideRolesCannotComment() {
    Task fresh = seedTask(api, acme);
    HandlerResponse denied = create(acme.viewer(), fresh.id(), "{\"content\":\"no\"}");
    denied.assertStatus(403);
    assertTrue(denied.dynamoCalls().isEmpty(), "a refused request must not touch the table");
    for (String role : List.of("billing", "auditor")) {
      String user = api.env.seedUser(acme.id(), role);
      create(HttpEvents.claims(user, acme.id(), role), fresh.id(), "{\"content\":\"no\"}").assertStatus(403);
    }
    assertEquals(List.of(), ids(list(acme.owner(), fresh.id())));
  }

  @Test
  void badCommentBodiesAre400NamingTheFieldAndWriteNothing() {
    Task fresh = seedTask(api, acme);
    var member = acme.member();
    assertEquals(List.of("body"), bad(create(member, fresh.id(), "{\"content\":")));
    assertEquals(List.of("body"), bad(create(member, fresh.id(), "[\"content\"]")));
    assertEquals(List.of("body"), bad(create(member, fresh.id(), "")));
    assertEquals(List.of("content"), bad(create(member, fresh.id(), "{}")));
    assertEquals(List.of("content"), bad(create(member, fresh.id(), "{\"content\":null}")));
    assertEquals(List.of("content"), bad(create(member, fresh.id(), "{\"content\":\"\"}")));
    assertEquals(List.of("content"), bad(create(member, fresh.id(), "{\"content\":\" \\n\\t \"}")));
    assertEquals(List.of("content"), bad(create(member, fresh.id(), "{\"content\":42}")));
    assertEquals(List.of("content"), bad(create(member, fresh.id(), "{\"content\":[\"a\"]}")));
    assertEquals(List.of("content"), bad(create(member, fresh.id(), body("x".repeat(20_001)))));
    assertEquals(List.of("author_id"), bad(create(member, fresh.id(),
        "{\"content\":\"hi\",\"author_id\":\"" + acme.ownerId() + "\"}")));
    assertEquals(List.of("task_id"), bad(create(member, "not-a-task", "{\"content\":\"hi\"}")));
    assertEquals(List.of("task_id"), bad(create(member, "eng-1", "{\"content\":\"hi\"}")));
    assertEquals(List.of(), ids(list(acme.owner(), fresh.id())), "a refused comment must write nothing");
    assertTrue(commentedRows(api, acme, fresh.id()).isEmpty(), "no commented row");

    // The longest allowed content, counted in characters as people count them.
    String longest = "😀".repeat(20_000);
    HandlerResponse accepted = create(member, fresh.id(), body(longest));
    accepted.assertStatus(201);
    assertEquals(longest, accepted.text("content"));
  }

  @Test
  void unknownDeletedAndForeignTasksAre404AndWriteNothing() {
    Task theirs = seedTask(api, globex);
    Task deleted = seedTask(api, acme);
    deleteTask(api, acme, deleted);
    for (String ref : List.of(UUID.randomUUID().toString(), theirs.id(), deleted.id(), deleted.key(), "ENG-999999")) {
      HandlerResponse created = create(acme.owner(), ref, "{\"content\":\"into the void\"}");
      created.assertStatus(404);
      assertEquals(List.of("GetItem"), created.dynamoCalls(), ref);
      list(acme.owner(), ref).assertStatus(404);
    }
    assertEquals(List.of(), ids(list(globex.owner(), theirs.id())));
    assertTrue(commentedRows(api, globex, theirs.id()).isEmpty(), "no commented row");
  }

  @Test
  void taskDeletedBetweenReadAndWriteIs404WithoutHalfWrite() {
    // The key row still looks live, the task item is deleted: the read passes, the transaction's
    // check on the task refuses, and neither the comment nor its activity row is written.
    Task racing = seedTask(api, acme);
    api.env.softDelete(PmKeys.task(new TenantId(acme.id()), racing.id()).partitionKeyValue().s(), PmKeys.TASK);
    HandlerResponse created = create(acme.member(), racing.key(), "{\"content\":\"too late\"}");
    created.assertStatus(404);
    assertEquals(List.of("GetItem", "TransactWriteItems"), created.dynamoCalls());
    assertTrue(commentRows(api, acme, racing.id()).isEmpty());
    assertTrue(commentedRows(api, acme, racing.id()).isEmpty(), "no commented row");
  }

  @Test
  void idempotencyKeyReplaysTheComment() {
    Task fresh = seedTask(api, acme);
    String key = UUID.randomUUID().toString();
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/tasks/{task_id}/comments").claims(acme.member())
        .pathParam("task_id", fresh.id()).header("Idempotency-Key", key).body("{\"content\":\"once\"}").build());
    HandlerResponse again = api.call(HttpEvents.route("POST /v1/tasks/{task_id}/comments").claims(acme.member())
        .pathParam("task_id", fresh.id()).header("Idempotency-Key", key).body("{\"content\":\"once\"}").build());
    first.assertStatus(201);
    again.assertStatus(201);
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), first.dynamoCalls());
    assertEquals(first.text("id"), again.text("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(List.of("BatchGetItem"), again.dynamoCalls());
    assertEquals(List.of(first.text("id")), ids(list(acme.owner(), fresh.id())));
  }

  @Test
  void everyRouteNeedsATenantToken() {
    String comment = create(acme.member(), task.id(), "{\"content\":\"guarded\"}").text("id");
    List<HandlerResponse> anonymous = List.of(
        create(null, task.id(), "{\"content\":\"anon\"}"),
        list(null, task.id()),
        patch(null, task.id(), comment, null, "{\"content\":\"anon\"}"),
        delete(null, task.id(), comment, null),
        create(HttpEvents.platformAdminClaims(UUID.randomUUID().toString()), task.id(), "{\"content\":\"op\"}"));
    for (HandlerResponse response : anonymous) {
      response.assertStatus(401);
      assertTrue(response.dynamoCalls().isEmpty());
    }
    assertEquals("guarded", find(list(acme.owner(), task.id()), comment).path("content").asText());
  }

  // ---------------------------------------------------------------- GET /v1/tasks/{task_id}/comments

  @Test
  void listsNewestFirstHidesDeletedAndPagesInOneQueryEach() {
    Task fresh = seedTask(api, acme);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(acme.member(), fresh.id(), "{\"content\":\"comment " + i + "\"}").text("id"));
    }
    delete(acme.member(), fresh.id(), created.get(2), null).assertStatus(204);
    List<String> expected = List.of(created.get(4), created.get(3), created.get(1), created.get(0));

    for (var claims : List.of(acme.owner(), acme.member(), acme.viewer())) {
      HandlerResponse page = list(claims, fresh.id());
      page.assertStatus(200);
      assertEquals(expected, ids(page));
      assertEquals(List.of("Query"), page.dynamoCalls(), "the list anchor proves the task lives");
      assertTrue(page.json().path("next_cursor").isNull());
    }

    List<String> paged = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 10; pages++) {
      HandlerResponse page = cursor == null ? list(acme.viewer(), fresh.id(), "limit", "2")
          : list(acme.viewer(), fresh.id(), "limit", "2", "cursor", cursor);
      page.assertStatus(200);
      assertEquals(List.of("Query"), page.dynamoCalls(), "the list anchor proves the task lives");
      assertTrue(page.json().path("items").size() <= 2);
      paged.addAll(ids(page));
      cursor = page.json().path("next_cursor").isNull() ? null : page.text("next_cursor");
      if (cursor == null) {
        break;
      }
    }
    assertNull(cursor, "paging did not end");
    assertEquals(expected, paged);
  }

  @Test
  void badListParametersAre400NamingThem() {
    Task first = seedTask(api, acme);
    Task second = seedTask(api, acme);
    for (int i = 0; i < 3; i++) {
      create(acme.member(), first.id(), "{\"content\":\"c" + i + "\"}").assertStatus(201);
    }
    for (String limit : List.of("0", "101", "ten")) {
      assertEquals(List.of("limit"), bad(list(acme.owner(), first.id(), "limit", limit)));
    }
    assertEquals(List.of("cursor"), bad(list(acme.owner(), first.id(), "cursor", "garbage")));
    String cursor = list(acme.owner(), first.id(), "limit", "1").text("next_cursor");
    assertNotNull(cursor);
    // A cursor is bound to its tenant and task.
    assertEquals(List.of("cursor"), bad(list(acme.owner(), second.id(), "cursor", cursor)));
    list(acme.owner(), first.key(), "cursor", cursor).assertStatus(200);
    assertEquals(List.of("task_id"), bad(list(acme.owner(), "42")));
  }

  @Test
  void anotherTenantsCommentsAreNeverListed() {
    Task theirs = seedTask(api, globex);
    String secret = create(globex.member(), theirs.id(), "{\"content\":\"globex only\"}").text("id");
    list(acme.owner(), theirs.id()).assertStatus(404);
    // Both tenants' projects have the key ENG: the same human key in another tenant is another task.
    int number = Integer.parseInt(theirs.key().substring("ENG-".length()));
    int ours = 0;
    while (ours < number) {
      Task made = seedTask(api, acme);
      ours = Integer.parseInt(made.key().substring("ENG-".length()));
    }
    // (ours may have been deleted by another test: then it is a 404; never globex's comments.)
    HandlerResponse sameKey = list(acme.owner(), theirs.key());
    assertTrue(sameKey.status() == 200 || sameKey.status() == 404, sameKey.raw());
    assertFalse(sameKey.raw().contains(secret), sameKey.raw());
    assertEquals(List.of(secret), ids(list(globex.viewer(), theirs.key())));
  }

  // ---------------------------------------------------------------- PATCH /v1/tasks/{task_id}/comments/{comment_id}

  @Test
  void authorEditsContentWithOptimisticLockingAndCreatedAtStays() throws Exception {
    HandlerResponse created = create(acme.member(), task.id(), "{\"content\":\"first draft\"}");
    String id = created.text("id");
    Thread.sleep(5);

    HandlerResponse edited = patch(acme.member(), task.id(), id, created.header("ETag"), "{\"content\":\"*final*\"}");
    edited.assertStatus(200);
    assertEquals("*final*", edited.text("content"));
    assertEquals("<p><em>final</em></p>\n", edited.text("content_html"));
    assertEquals(created.text("created_at"), edited.text("created_at"));
    assertNotEquals(created.text("updated_at"), edited.text("updated_at"));
    assertEquals(acme.memberId(), edited.text("author_id"));
    assertEquals("\"2\"", edited.header("ETag"));
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), edited.dynamoCalls());
    JsonNode event = event(api, "comment.updated", id);
    assertEquals("first draft", event.path("changes").path("content").path("old").asText());
    assertEquals("*final*", event.path("changes").path("content").path("new").asText());

    HandlerResponse stale = patch(acme.member(), task.id(), id, created.header("ETag"), "{\"content\":\"lost update\"}");
    stale.assertStatus(412);
    assertEquals("*final*", find(list(acme.owner(), task.id()), id).path("content").asText(),
        "a refused update must change nothing");

    HandlerResponse unchanged = patch(acme.member(), task.id(), id, null, "{\"content\":\"*final*\"}");
    unchanged.assertStatus(200);
    assertEquals("\"2\"", unchanged.header("ETag"), "an edit that changes nothing writes nothing");
    assertEquals(List.of("BatchGetItem"), unchanged.dynamoCalls());
  }

  @Test
  void onlyTheAuthorOrAnAdminChangesAComment() {
    String id = create(acme.member(), task.id(), "{\"content\":\"mine\"}").text("id");
    var someoneElse = HttpEvents.claims(otherMember, acme.id(), "member");

    HandlerResponse denied = patch(someoneElse, task.id(), id, null, "{\"content\":\"hijacked\"}");
    denied.assertStatus(403);
    assertEquals(List.of("BatchGetItem"), denied.dynamoCalls());
    delete(someoneElse, task.id(), id, null).assertStatus(403);
    HandlerResponse viewer = patch(acme.viewer(), task.id(), id, null, "{\"content\":\"hijacked\"}");
    viewer.assertStatus(403);
    assertTrue(viewer.dynamoCalls().isEmpty());
    delete(acme.viewer(), task.id(), id, null).assertStatus(403);
    assertEquals("mine", find(list(acme.owner(), task.id()), id).path("content").asText());

    HandlerResponse moderated = patch(acme.admin(), task.id(), id, null, "{\"content\":\"[removed by admin]\"}");
    moderated.assertStatus(200);
    assertEquals(acme.memberId(), moderated.text("author_id"), "moderation keeps the author");
    delete(acme.owner(), task.id(), id, null).assertStatus(204);
  }

  @Test
  void badPatchesAre400NamingTheField() {
    String id = create(acme.member(), task.id(), "{\"content\":\"patch me\"}").text("id");
    var member = acme.member();
    assertEquals(List.of("body"), bad(patch(member, task.id(), id, null, "{nope")));
    assertEquals(List.of("content"), bad(patch(member, task.id(), id, null, "{}")));
    assertEquals(List.of("content"), bad(patch(member, task.id(), id, null, "{\"content\":null}")));
    assertEquals(List.of("content"), bad(patch(member, task.id(), id, null, "{\"content\":\"  \"}")));
    assertEquals(List.of("content"), bad(patch(member, task.id(), id, null, body("y".repeat(20_001)))));
    assertEquals(List.of("task_id"), bad(patch(member, task.id(), id, null, "{\"content\":\"ok\",\"task_id\":\"x\"}")));
    assertEquals(List.of("comment_id"), bad(patch(member, task.id(), "7", null, "{\"content\":\"ok\"}")));
    assertEquals(List.of("task_id"), bad(patch(member, "ENG_1", id, null, "{\"content\":\"ok\"}")));
    assertEquals(List.of("If-Match"), bad(patch(member, task.id(), id, "v1", "{\"content\":\"ok\"}")));
    assertEquals("patch me", find(list(acme.owner(), task.id()), id).path("content").asText());
  }

  @Test
  void commentsOfOtherTasksTenantsOrDeletedTasksAre404() {
    String id = create(acme.member(), task.id(), "{\"content\":\"here\"}").text("id");
    Task elsewhere = seedTask(api, acme);
    Task theirs = seedTask(api, globex);
    String globexComment = create(globex.member(), theirs.id(), "{\"content\":\"globex\"}").text("id");

    patch(acme.owner(), elsewhere.id(), id, null, "{\"content\":\"moved\"}").assertStatus(404);
    delete(acme.owner(), elsewhere.id(), id, null).assertStatus(404);
    patch(acme.owner(), task.id(), UUID.randomUUID().toString(), null, "{\"content\":\"ghost\"}").assertStatus(404);
    patch(acme.owner(), theirs.id(), globexComment, null, "{\"content\":\"ours now\"}").assertStatus(404);
    delete(acme.owner(), theirs.id(), globexComment, null).assertStatus(404);
    assertEquals("globex", find(list(globex.owner(), theirs.id()), globexComment).path("content").asText());

    Task doomed = seedTask(api, acme);
    String orphan = create(acme.member(), doomed.id(), "{\"content\":\"orphan\"}").text("id");
    deleteTask(api, acme, doomed);
    patch(acme.member(), doomed.id(), orphan, null, "{\"content\":\"still here?\"}").assertStatus(404);
    delete(acme.member(), doomed.id(), orphan, null).assertStatus(404);
  }

  // ---------------------------------------------------------------- DELETE /v1/tasks/{task_id}/comments/{comment_id}

  @Test
  void authorDeletesACommentSoftly() {
    Task fresh = seedTask(api, acme);
    HandlerResponse created = create(acme.member(), fresh.id(), "{\"content\":\"regret\"}");
    String id = created.text("id");

    HandlerResponse stale = delete(acme.member(), fresh.id(), id, "\"7\"");
    stale.assertStatus(412);
    assertEquals(List.of(id), ids(list(acme.owner(), fresh.id())), "a refused delete must delete nothing");

    HandlerResponse deleted = delete(acme.member(), fresh.id(), id, created.header("ETag"));
    deleted.assertStatus(204);
    assertNull(deleted.json());
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), deleted.dynamoCalls());
    assertEquals(List.of(), ids(list(acme.owner(), fresh.id())));
    Map<String, AttributeValue> row = commentRows(api, acme, fresh.id()).get(0);
    assertNotNull(row.get("deleted_at"), "soft delete keeps the row with deleted_at");
    assertEquals("regret", row.get("content").s());
    JsonNode event = event(api, "comment.deleted", id);
    assertEquals(row.get("deleted_at").s(), event.path("changes").path("deleted_at").path("new").asText());

    delete(acme.member(), fresh.id(), id, null).assertStatus(404);
    patch(acme.member(), fresh.id(), id, null, "{\"content\":\"back\"}").assertStatus(404);
    assertEquals(List.of("If-Match"), bad(delete(acme.member(), fresh.id(), id, "three")));
  }

  // ---------------------------------------------------------------- helpers shared with AttachmentRoutesIT

  /** A task as the task routes store it: the item and its key row. */
  record Task(String id, String key) {}

  /** A task of the tenant's project, made through the task routes (so it has everything a task has). */
  static Task seedTask(PmApi api, SeededTenant tenant) {
    HandlerResponse created = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks")
        .pathParam("project_id", tenant.projectId()).claims(tenant.owner())
        .body("{\"title\":\"Task " + TASK_NUMBERS.incrementAndGet() + "\",\"status\":\"todo\"}").build());
    created.assertStatus(201);
    return new Task(created.text("id"), created.text("key"));
  }

  /** Soft-deletes a task through the task routes. */
  static void deleteTask(PmApi api, SeededTenant tenant, Task task) {
    api.call(HttpEvents.route("DELETE /v1/tasks/{task_id}").pathParam("task_id", task.id()).claims(tenant.owner())
        .build()).assertStatus(204);
  }

  /** The task's history rows, as plain JSON-ish nodes. */
  static List<JsonNode> activityRows(PmApi api, SeededTenant tenant, String taskId) {
    List<JsonNode> rows = new ArrayList<>();
    for (Map<String, AttributeValue> item : partitionRows(api, tenant, taskId, PmKeys.ACTIVITY)) {
      var row = PmApi.MAPPER.createObjectNode();
      item.forEach((name, value) -> row.put(name, value.s() != null ? value.s() : value.n()));
      rows.add(row);
    }
    return rows;
  }

  /** The task's history rows that record a comment. */
  static List<JsonNode> commentedRows(PmApi api, SeededTenant tenant, String taskId) {
    return activityRows(api, tenant, taskId).stream().filter(row -> "commented".equals(row.path("action").asText()))
        .toList();
  }

  static List<Map<String, AttributeValue>> commentRows(PmApi api, SeededTenant tenant, String taskId) {
    return partitionRows(api, tenant, taskId, PmKeys.COMMENT);
  }

  static List<Map<String, AttributeValue>> partitionRows(PmApi api, SeededTenant tenant, String taskId, String label) {
    return api.env.dynamoDb().query(b -> b.tableName(api.env.tableName())
        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
        .expressionAttributeValues(Map.of(
            ":pk", AttributeValue.fromS(PmKeys.taskPartition(new TenantId(tenant.id()), taskId)),
            ":sk", AttributeValue.fromS(label + "#")))).items();
  }

  /** The one outbox event of {@code action} about {@code resourceId} (a test-only scan). */
  static JsonNode event(PmApi api, String action, String resourceId) {
    List<JsonNode> found = api.env.outboxEvents().stream().filter(e -> action.equals(e.path("action").asText()))
        .filter(e -> resourceId.equals(e.path("resource_id").asText())).toList();
    assertEquals(1, found.size(), "events " + action + " of " + resourceId + ": " + found);
    return found.get(0);
  }

  private static JsonNode find(HandlerResponse list, String id) {
    for (JsonNode item : list.json().path("items")) {
      if (item.path("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("no " + id + " in " + list.raw());
  }

  private static String body(String content) {
    return PmApi.MAPPER.createObjectNode().put("content", content).toString();
  }

  private HandlerResponse create(Map<String, String> claims, String taskRef, String body) {
    return api.call(withClaims(HttpEvents.route("POST /v1/tasks/{task_id}/comments").pathParam("task_id", taskRef)
        .body(body), claims).build());
  }

  private HandlerResponse list(Map<String, String> claims, String taskRef, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/tasks/{task_id}/comments").pathParam("task_id", taskRef), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse patch(Map<String, String> claims, String taskRef, String commentId, String ifMatch, String body) {
    var event = HttpEvents.route("PATCH /v1/tasks/{task_id}/comments/{comment_id}").pathParam("task_id", taskRef)
        .pathParam("comment_id", commentId).body(body);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(withClaims(event, claims).build());
  }

  private HandlerResponse delete(Map<String, String> claims, String taskRef, String commentId, String ifMatch) {
    var event = HttpEvents.route("DELETE /v1/tasks/{task_id}/comments/{comment_id}").pathParam("task_id", taskRef)
        .pathParam("comment_id", commentId);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(withClaims(event, claims).build());
  }

}
