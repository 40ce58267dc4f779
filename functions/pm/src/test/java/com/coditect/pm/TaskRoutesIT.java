package com.coditect.pm;

import static com.coditect.testing.ListAsserts.ids;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.pm.data.PmKeys;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemSize;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.WriteGate;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tasks on moto: {@code /v1/projects/{project_id}/tasks}, {@code /v1/tasks}, one task by id or key,
 * restore and history. Every role reads; owners, admins and members write; the reporter or an
 * admin deletes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskRoutesIT {

  private PmApi api;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new PmApi("tasks");
    acme = api.env.seedTenant("ENG");
    globex = api.env.seedTenant("OPS");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- POST /v1/projects/{project_id}/tasks

  @Test
  void memberCreatesTasksNumberedPerProjectInOneReadAndOneTransaction() {
    String project = api.env.seedProject(acme, "NUM");
    HandlerResponse first = create(acme.member(), project, "{\"title\":\"Fix the build\"}");
    first.assertStatus(201);
    assertEquals("NUM-1", first.text("key"));
    assertEquals("/v1/tasks/" + first.text("id"), first.header("Location"));
    assertEquals("\"1\"", first.header("ETag"));
    assertEquals("task", first.text("task_type"));
    assertEquals("backlog", first.text("status"));
    assertEquals("medium", first.text("priority"));
    assertEquals(acme.memberId(), first.text("reporter_id"));
    assertTrue(first.json().path("started_at").isNull());
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), first.dynamoCalls());

    HandlerResponse second = create(acme.member(), project, "{\"title\":\"Ship it\",\"task_type\":\"feature\","
        + "\"status\":\"in_progress\",\"priority\":\"urgent\",\"assignee_id\":\"" + acme.adminId() + "\","
        + "\"story_points\":5,\"due_date\":\"2026-12-24\",\"tags\":[\"Release\",\"q4\"],"
        + "\"custom_fields\":{\"customer\":\"Initech\",\"size\":3}}");
    second.assertStatus(201);
    assertEquals("NUM-2", second.text("key"));
    assertEquals("2026-12-24T00:00:00.000Z", second.text("due_date"));
    assertEquals(List.of("release", "q4"), texts(second.json().path("tags")));
    assertEquals("Initech", second.json().path("custom_fields").path("customer").asText());
    assertNotNull(second.text("started_at"), "created in progress: work started");
    assertTrue(second.json().path("completed_at").isNull());
  }

  @Test
  void anIdempotencyKeyIsReadWithTheCreatesOtherReadsAndReplaysTheFirstResponse() {
    String project = api.env.seedProject(acme, "IDEM");
    String key = Ids.newId();
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks").pathParam("project_id", project)
        .claims(acme.member()).header("Idempotency-Key", key).body("{\"title\":\"Once\"}").build());
    first.assertStatus(201);
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), first.dynamoCalls(), "no GetItem of its own");

    HandlerResponse again = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks").pathParam("project_id", project)
        .claims(acme.member()).header("Idempotency-Key", key).body("{\"title\":\"Once\"}").build());
    again.assertStatus(201);
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(first.text("id"), again.text("id"));
    assertEquals(List.of("BatchGetItem"), again.dynamoCalls());

    HandlerResponse other = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks").pathParam("project_id", project)
        .claims(acme.member()).header("Idempotency-Key", key).body("{\"title\":\"Twice\"}").build());
    other.assertStatus(422);
    assertEquals(List.of("Idempotency-Key"), other.errorFields());
    assertEquals(1, list(acme.owner(), project, Map.of()).json().path("items").size());
  }

  @Test
  void eachBadFieldIsA400NamingItAndNothingIsWritten() {
    String project = api.env.seedProject(acme, "BAD");
    assertBadField(project, "{}", "title");
    assertBadField(project, "{\"title\":\"   \"}", "title");
    assertBadField(project, "{\"title\":\"x\",\"status\":\"doing\"}", "status");
    assertBadField(project, "{\"title\":\"x\",\"task_type\":\"story\"}", "task_type");
    assertBadField(project, "{\"title\":\"x\",\"priority\":\"p1\"}", "priority");
    assertBadField(project, "{\"title\":\"x\",\"assignee_id\":\"bob\"}", "assignee_id");
    assertBadField(project, "{\"title\":\"x\",\"story_points\":-1}", "story_points");
    assertBadField(project, "{\"title\":\"x\",\"story_points\":2.5}", "story_points");
    assertBadField(project, "{\"title\":\"x\",\"due_date\":\"next week\"}", "due_date");
    assertBadField(project, "{\"title\":\"x\",\"tags\":[\"ok\",\"#nope\"]}", "tags[1]");
    assertBadField(project, "{\"title\":\"x\",\"tags\":\"one\"}", "tags");
    assertBadField(project, "{\"title\":\"x\",\"custom_fields\":[1]}", "custom_fields");
    assertBadField(project, "{\"title\":\"x\",\"key\":\"BAD-7\"}", "key");
    assertBadField(project, "{\"title\":\"x\",\"colour\":\"red\"}", "colour");
    assertBadField(project, "{\"title\":\"" + "x".repeat(501) + "\"}", "title");
    HandlerResponse badPath = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks")
        .pathParam("project_id", "not-a-uuid").claims(acme.member()).body("{\"title\":\"x\"}").build());
    badPath.assertStatus(400);
    assertEquals(List.of("project_id"), badPath.errorFields());

    assertEquals(0, list(acme.owner(), project, Map.of()).json().path("items").size());
  }

  @Test
  void referencesMustBeThisTenantsAndThisProjectsAndAFailedCheckWritesNothing() {
    String project = api.env.seedProject(acme, "REF");
    String otherProject = api.env.seedProject(acme, "REFB");
    String foreignSprint = seedSprint(acme, otherProject, "planned");
    String milestone = seedMilestone(globex, globex.projectId());

    assertUnprocessable(create(acme.member(), project, "{\"title\":\"x\",\"assignee_id\":\"" + globex.memberId() + "\"}"),
        "assignee_id");
    assertUnprocessable(create(acme.member(), project, "{\"title\":\"x\",\"sprint_id\":\"" + foreignSprint + "\"}"),
        "sprint_id");
    assertUnprocessable(create(acme.member(), project, "{\"title\":\"x\",\"milestone_id\":\"" + milestone + "\"}"),
        "milestone_id");
    assertUnprocessable(create(acme.member(), project, "{\"title\":\"x\",\"parent_task_id\":\"" + Ids.newId() + "\"}"),
        "parent_task_id");
    String completed = seedSprint(acme, project, "completed");
    assertUnprocessable(create(acme.member(), project, "{\"title\":\"x\",\"sprint_id\":\"" + completed + "\"}"),
        "sprint_id");

    assertEquals(0, list(acme.owner(), project, Map.of()).json().path("items").size());
    // No number was used up by the failed creates' transactions.
    create(acme.member(), project, "{\"title\":\"first\"}").assertStatus(201);
    assertEquals("REF-1", list(acme.owner(), project, Map.of()).json().path("items").get(0).path("key").asText());
  }

  @Test
  void withoutATokenItIs401AndViewersCannotWrite() {
    HandlerResponse anonymous = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks")
        .pathParam("project_id", acme.projectId()).body("{\"title\":\"x\"}").build());
    anonymous.assertStatus(401);
    create(acme.viewer(), acme.projectId(), "{\"title\":\"x\"}").assertStatus(403);
    HandlerResponse task = create(acme.member(), acme.projectId(), "{\"title\":\"viewer reads\"}");
    get(acme.viewer(), task.text("id")).assertStatus(200);
    patch(acme.viewer(), task.text("id"), null, "{\"title\":\"no\"}").assertStatus(403);
    delete(acme.viewer(), task.text("id"), null).assertStatus(403);
    api.call(HttpEvents.route("GET /v1/tasks/{task_id}").pathParam("task_id", task.text("id")).build())
        .assertStatus(401);
  }

  @Test
  void anotherTenantsProjectAndTasksAre404() {
    HandlerResponse mine = create(acme.member(), acme.projectId(), "{\"title\":\"private\"}");
    String id = mine.text("id");
    String key = mine.text("key");
    create(globex.member(), acme.projectId(), "{\"title\":\"intruder\"}").assertStatus(404);
    list(globex.owner(), acme.projectId(), Map.of()).assertStatus(404);
    list(acme.owner(), Ids.newId(), Map.of()).assertStatus(404);
    get(globex.owner(), id).assertStatus(404);
    get(globex.owner(), key).assertStatus(404);
    patch(globex.owner(), id, null, "{\"title\":\"taken\"}").assertStatus(404);
    delete(globex.owner(), id, null).assertStatus(404);
    restore(globex.owner(), id).assertStatus(404);
    activity(globex.owner(), id, Map.of()).assertStatus(404);
    HandlerResponse theirs = api.call(HttpEvents.route("GET /v1/tasks").claims(globex.owner()).query("status", "backlog").build());
    theirs.assertStatus(200);
    assertFalse(ids(theirs).contains(id));
    assertEquals("private", get(acme.viewer(), id).text("title"));
  }

  // ---------------------------------------------------------------- GET /v1/tasks/{task_id}

  @Test
  void aTaskReadsWhollyByIdInOneGetItemAndByKeyInTwo() {
    HandlerResponse created = create(acme.member(), acme.projectId(), "{\"title\":\"By key\",\"description\":\"All of it\","
        + "\"custom_fields\":{\"size\":3}}");
    HandlerResponse byId = get(acme.viewer(), created.text("id"));
    byId.assertStatus(200);
    assertEquals("\"1\"", byId.header("ETag"));
    assertEquals(List.of("GetItem"), byId.dynamoCalls());
    assertEquals("All of it", byId.text("description"));
    assertEquals(3, byId.json().path("custom_fields").path("size").asInt());
    HandlerResponse byKey = get(acme.viewer(), created.text("key"));
    byKey.assertStatus(200);
    assertEquals(byId.json(), byKey.json(), "by key, the same task: the key row gives its id");
    assertEquals(List.of("GetItem", "GetItem"), byKey.dynamoCalls());
    HandlerResponse bad = get(acme.viewer(), "eng-1");
    bad.assertStatus(400);
    assertEquals(List.of("task_id"), bad.errorFields());
    HandlerResponse unknown = get(acme.viewer(), "ENG-999999");
    unknown.assertStatus(404);
    assertEquals(List.of("GetItem"), unknown.dynamoCalls(), "an unknown key ends at its key row");
  }

  @Test
  void listRowsCarryWhatListsShowAndNotTheDescriptionOrCustomFields() {
    String project = api.env.seedProject(acme, "LEAN");
    String long10k = "d".repeat(10_000);
    String id = create(acme.member(), project, "{\"title\":\"Long\",\"status\":\"todo\",\"description\":\"" + long10k
        + "\",\"custom_fields\":{\"customer\":\"Initech\"},\"tags\":[\"lean\"]}").text("id");
    patch(acme.member(), id, null, "{\"description\":\"" + "e".repeat(10_000) + "\"}").assertStatus(200);

    HandlerResponse listed = list(acme.viewer(), project, Map.of());
    JsonNode item = listed.json().path("items").get(0);
    assertEquals(id, item.path("id").asText());
    assertEquals("todo", item.path("status").asText(), "what a list shows is there");
    assertFalse(item.has("description"), "lists leave the description out");
    assertFalse(item.has("custom_fields"), "lists leave the custom fields out");
    for (Map<String, String> filter : List.of(Map.of("status", "todo"), Map.of("tag", "lean"))) {
      assertFalse(list(acme.viewer(), project, filter).json().path("items").get(0).has("description"));
    }
    HandlerResponse whole = get(acme.viewer(), id);
    assertEquals("e".repeat(10_000), whole.text("description"));
    assertEquals("Initech", whole.json().path("custom_fields").path("customer").asText());

    // In the table: only the task's own item holds them; every row (the key row included) is small.
    TenantId tenant = new TenantId(acme.id());
    var rows = new ArrayList<Map<String, AttributeValue>>();
    for (String partition : List.of(PmKeys.projectTasks(tenant, project, false), PmKeys.tasksByStatus(tenant, project,
        "todo"), PmKeys.tasksByTag(tenant, project, "lean"), PmKeys.boardRows(tenant, project))) {
      rows.addAll(api.env.dynamoDb().query(q -> q.tableName(api.env.tableName()).keyConditionExpression("PK = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).items());
    }
    rows.add(api.env.dynamoDb().getItem(g -> g.tableName(api.env.tableName()).key(
        PmKeys.taskKeyRow(tenant, get(acme.viewer(), id).text("key")).primaryKeyMap(
            com.coditect.shared.store.UniqueItem.SCHEMA))).item());
    assertEquals(5, rows.size());
    for (Map<String, AttributeValue> row : rows) {
      assertEquals("TASK_ROW", row.get("entity_type").s());
      assertFalse(row.containsKey("description") || row.containsKey("custom_fields") || row.containsKey("ancestor_ids"),
          row.keySet().toString());
      assertTrue(ItemSize.of(row) < 1024, "a row of a 10,000-character task costs one write unit: " + ItemSize.of(row));
    }
  }

  // ---------------------------------------------------------------- PATCH /v1/tasks/{task_id}

  @Test
  void statusChangesSetStartedAndCompletedTimesAndWriteOneHistoryRowPerField() {
    HandlerResponse created = create(acme.member(), acme.projectId(), "{\"title\":\"Lifecycle\"}");
    String id = created.text("id");
    HandlerResponse started = patch(acme.member(), id, "\"1\"", "{\"status\":\"in_progress\",\"assignee_id\":\""
        + acme.memberId() + "\"}");
    started.assertStatus(200);
    assertEquals("\"2\"", started.header("ETag"));
    String startedAt = started.text("started_at");
    assertNotNull(startedAt);
    assertEquals(List.of("GetItem", "TransactWriteItems"), started.dynamoCalls());

    HandlerResponse done = patch(acme.member(), created.text("key"), null, "{\"status\":\"done\"}");
    done.assertStatus(200);
    assertNotNull(done.text("completed_at"));
    assertEquals(startedAt, done.text("started_at"));

    HandlerResponse reopened = patch(acme.member(), id, null, "{\"status\":\"in_review\"}");
    assertTrue(reopened.json().path("completed_at").isNull(), "reopening clears completed_at");
    assertEquals(startedAt, reopened.text("started_at"), "started_at is the first start");

    HandlerResponse history = activity(acme.viewer(), id, Map.of());
    history.assertStatus(200);
    assertEquals(List.of("Query"), history.dynamoCalls());
    List<String> actions = new ArrayList<>();
    history.json().path("items").forEach(row -> actions.add(row.path("action").asText() + ":"
        + row.path("field_changed").asText("") + ":" + row.path("old_value").asText("") + ">"
        + row.path("new_value").asText("")));
    assertTrue(actions.containsAll(List.of("status_changed:status:backlog>in_progress", "assigned:assignee_id:>"
        + acme.memberId(), "status_changed:status:in_progress>done", "status_changed:status:done>in_review")),
        actions.toString());
    assertEquals("created", history.json().path("items").get(history.json().path("items").size() - 1)
        .path("action").asText(), "newest first, creation last");
    assertEquals(200, activity(acme.viewer(), created.text("key"), Map.of()).status());
  }

  @Test
  void historyKeepsALongValueAsItsLengthAndDigestAndAShortOneAsItIs() throws Exception {
    String long2000 = "é".repeat(2000);
    String id = create(acme.member(), acme.projectId(), "{\"title\":\"History\",\"description\":\"" + long2000 + "\"}")
        .text("id");
    String exactly1024 = "x".repeat(1024);
    patch(acme.member(), id, null, "{\"description\":\"" + exactly1024 + "\"}").assertStatus(200);

    JsonNode row = activity(acme.viewer(), id, Map.of()).json().path("items").get(0);
    assertEquals("description", row.path("field_changed").asText());
    assertEquals(2000, row.path("old_value").path("length").asInt());
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(long2000.getBytes(UTF_8))),
        row.path("old_value").path("sha256").asText());
    assertEquals(exactly1024, row.path("new_value").asText(), "1,024 characters travel as they are");
    assertEquals(exactly1024, get(acme.viewer(), id).text("description"), "the task keeps the value");
  }

  @Test
  void patchValidatesEveryFieldAndAnEmptyChangeWritesNothing() {
    String id = create(acme.member(), acme.projectId(), "{\"title\":\"Patchable\"}").text("id");
    assertPatchBadField(id, "{}", "body");
    assertPatchBadField(id, "{\"status\":null}", "status");
    assertPatchBadField(id, "{\"title\":\"\"}", "title");
    assertPatchBadField(id, "{\"rank\":\"a\"}", "rank");
    assertPatchBadField(id, "{\"rank_after_task_id\":\"x\"}", "rank_after_task_id");
    HandlerResponse same = patch(acme.member(), id, null, "{\"title\":\"Patchable\"}");
    same.assertStatus(200);
    assertEquals("\"1\"", same.header("ETag"));
    assertEquals(List.of("GetItem"), same.dynamoCalls());
    HandlerResponse cleared = patch(acme.member(), id, null, "{\"description\":null,\"story_points\":null,\"tags\":[]}");
    cleared.assertStatus(200);
  }

  @Test
  void staleIfMatchIs412AndOfTwoConcurrentPatchesExactlyOneWins() throws Exception {
    String id = create(acme.member(), acme.projectId(), "{\"title\":\"Contended\"}").text("id");
    patch(acme.member(), id, "\"7\"", "{\"title\":\"stale\"}").assertStatus(412);
    delete(acme.member(), id, "\"7\"").assertStatus(412);

    // Both read version 1 before either writes (WriteGate lines the writes up).
    WriteGate gate = new WriteGate();
    PmHandler racing = new PmHandler(
        DaggerTestPmComponent.factory().create(api.env.appConfig(), TestInterceptors.of(gate)));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      gate.arm(2);
      List<Future<Integer>> results = new ArrayList<>();
      for (String title : List.of("first", "second")) {
        results.add(pool.submit(() -> racing.handleRequest(HttpEvents.route("PATCH /v1/tasks/{task_id}")
            .pathParam("task_id", id).claims(acme.member()).header("If-Match", "\"1\"")
            .body("{\"title\":\"" + title + "\"}").build(), null).getStatusCode()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get());
      }
      statuses.sort(Integer::compare);
      assertTrue(gate.allReadBeforeAnyWrite(), "the racers did not overlap");
      assertEquals(List.of(200, 412), statuses);
    } finally {
      gate.disarm();
      pool.shutdownNow();
    }
    assertEquals("\"2\"", get(acme.viewer(), id).header("ETag"));
  }

  @Test
  void subtasksStayInTheProjectAndCyclesAreRefused() {
    String root = create(acme.member(), acme.projectId(), "{\"title\":\"Epic\",\"task_type\":\"epic\"}").text("id");
    String child = create(acme.member(), acme.projectId(), "{\"title\":\"Story\",\"parent_task_id\":\"" + root + "\"}")
        .text("id");
    String grandchild = create(acme.member(), acme.projectId(),
        "{\"title\":\"Sub\",\"parent_task_id\":\"" + child + "\"}").text("id");

    assertUnprocessable(patch(acme.member(), root, null, "{\"parent_task_id\":\"" + grandchild + "\"}"), "parent_task_id");
    assertUnprocessable(patch(acme.member(), root, null, "{\"parent_task_id\":\"" + root + "\"}"), "parent_task_id");
    String elsewhere = api.env.seedProject(acme, "SUB");
    String foreignParent = create(acme.member(), elsewhere, "{\"title\":\"Other\"}").text("id");
    assertUnprocessable(patch(acme.member(), child, null, "{\"parent_task_id\":\"" + foreignParent + "\"}"),
        "parent_task_id");

    HandlerResponse subtasks = list(acme.viewer(), acme.projectId(), Map.of("parent_task_id", root));
    assertEquals(List.of(child), ids(subtasks));
    patch(acme.member(), grandchild, null, "{\"parent_task_id\":null}").assertStatus(200);
    assertEquals(List.of(), ids(list(acme.viewer(), acme.projectId(), Map.of("parent_task_id", child))));
  }

  @Test
  void rankPlacesATaskBetweenTwoOthersWithOneWrite() {
    String project = api.env.seedProject(acme, "RANK");
    String a = create(acme.member(), project, "{\"title\":\"a\",\"status\":\"todo\"}").text("id");
    String b = create(acme.member(), project, "{\"title\":\"b\",\"status\":\"todo\"}").text("id");
    String c = create(acme.member(), project, "{\"title\":\"c\",\"status\":\"todo\"}").text("id");
    HandlerResponse moved = patch(acme.member(), c, null, "{\"rank_after_task_id\":\"" + a + "\",\"rank_before_task_id\":\""
        + b + "\"}");
    moved.assertStatus(200);
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), moved.dynamoCalls());
    String rankA = get(acme.viewer(), a).text("rank");
    String rankB = get(acme.viewer(), b).text("rank");
    String rankC = moved.text("rank");
    assertTrue(rankA.compareTo(rankC) < 0 && rankC.compareTo(rankB) < 0, rankA + " < " + rankC + " < " + rankB);
    HandlerResponse top = patch(acme.member(), b, null, "{\"rank_before_task_id\":\"" + a + "\"}");
    assertTrue(top.text("rank").compareTo(rankA) < 0);
    assertUnprocessable(patch(acme.member(), a, null, "{\"rank_after_task_id\":\"" + a + "\"}"), "rank_after_task_id");
    assertUnprocessable(patch(acme.member(), a, null, "{\"rank_after_task_id\":\"" + rankNeighbourElsewhere() + "\"}"),
        "rank_after_task_id");
  }

  // ---------------------------------------------------------------- lists

  @Test
  void everyFilterIsOneQueryAndReturnsExactlyItsTasks() {
    String project = api.env.seedProject(acme, "LIST");
    String sprint = seedSprint(acme, project, "active");
    String milestone = seedMilestone(acme, project);
    String parent = create(acme.member(), project, "{\"title\":\"parent\"}").text("id");
    String bug = create(acme.member(), project, "{\"title\":\"bug\",\"task_type\":\"bug\",\"priority\":\"high\","
        + "\"status\":\"todo\",\"assignee_id\":\"" + acme.adminId() + "\",\"sprint_id\":\"" + sprint + "\","
        + "\"due_date\":\"2026-12-01T10:00:00Z\",\"tags\":[\"Backend\"]}").text("id");
    String feature = create(acme.member(), project, "{\"title\":\"feature\",\"task_type\":\"feature\","
        + "\"milestone_id\":\"" + milestone + "\",\"parent_task_id\":\"" + parent + "\","
        + "\"due_date\":\"2027-01-15T10:00:00Z\",\"tags\":[\"frontend\",\"backend\"]}").text("id");

    assertFilter(project, Map.of(), Set.of(parent, bug, feature));
    assertFilter(project, Map.of("status", "todo"), Set.of(bug));
    assertFilter(project, Map.of("status", "backlog"), Set.of(parent, feature));
    assertFilter(project, Map.of("assignee_id", acme.adminId()), Set.of(bug));
    assertFilter(project, Map.of("sprint_id", sprint), Set.of(bug));
    assertFilter(project, Map.of("milestone_id", milestone), Set.of(feature));
    assertFilter(project, Map.of("parent_task_id", parent), Set.of(feature));
    assertFilter(project, Map.of("task_type", "bug"), Set.of(bug));
    assertFilter(project, Map.of("priority", "medium"), Set.of(parent, feature));
    assertFilter(project, Map.of("tag", "BACKEND"), Set.of(bug, feature));
    assertFilter(project, Map.of("due_before", "2026-12-31"), Set.of(bug));
    assertFilter(project, Map.of("due_after", "2026-12-01T10:00:00Z"), Set.of(feature));
    assertFilter(project, Map.of("due_after", "2026-11-01", "due_before", "2027-02-01"), Set.of(bug, feature));
    // A range that ends before it starts holds nothing, and is not queried: DynamoDB refuses a
    // BETWEEN whose bounds are reversed (moto does not), so only the project's existence is read.
    HandlerResponse reversed = list(acme.viewer(), project, Map.of("due_after", "2027-02-01", "due_before", "2026-11-01"));
    reversed.assertStatus(200);
    assertEquals(List.of(), ids(reversed));
    assertFalse(reversed.dynamoCalls().contains("Query"), reversed.dynamoCalls().toString());
    assertFilter(project, Map.of("tag", "backend", "task_type", "feature"), Set.of(feature));
    assertFilter(project, Map.of("status", "todo", "priority", "medium"), Set.of());

    HandlerResponse bad = list(acme.viewer(), project, Map.of("status", "doing", "due_before", "soon"));
    bad.assertStatus(400);
    assertEquals(Set.of("status", "due_before"), new HashSet<>(bad.errorFields()));

    // Moving a task moves it between lists.
    patch(acme.member(), bug, null, "{\"status\":\"done\",\"sprint_id\":null,\"tags\":[]}").assertStatus(200);
    assertFilter(project, Map.of("status", "todo"), Set.of());
    assertFilter(project, Map.of("status", "done"), Set.of(bug));
    assertFilter(project, Map.of("sprint_id", sprint), Set.of());
    assertFilter(project, Map.of("tag", "backend"), Set.of(feature));
  }

  @Test
  void listsPageWithSignedCursorsBoundToTheirFilter() {
    String project = api.env.seedProject(acme, "PAGE");
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(acme.member(), project, "{\"title\":\"t" + i + "\",\"status\":\"todo\"}").text("id"));
    }
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Map<String, String> query = cursor == null ? Map.of("status", "todo", "limit", "2")
          : Map.of("status", "todo", "limit", "2", "cursor", cursor);
      HandlerResponse page = list(acme.viewer(), project, query);
      page.assertStatus(200);
      assertEquals(List.of("Query"), page.dynamoCalls());
      seen.addAll(ids(page));
      cursor = page.json().path("next_cursor").asText(null);
      if (cursor != null && pages == 0) {
        HandlerResponse replayed = list(acme.viewer(), project, Map.of("status", "done", "cursor", cursor));
        replayed.assertStatus(400);
        assertEquals(List.of("cursor"), replayed.errorFields());
      }
      pages++;
    } while (cursor != null);
    assertEquals(created, seen);
    assertTrue(pages >= 3);
  }

  @Test
  void theListAcrossProjectsIsTheCallersByDefaultAndOrderedByDueDate() {
    String one = api.env.seedProject(acme, "MINEA");
    String two = api.env.seedProject(acme, "MINEB");
    String viewerId = api.env.seedUser(acme.id(), "member");
    Map<String, String> me = HttpEvents.claims(viewerId, acme.id(), "member");
    String later = create(me, one, "{\"title\":\"later\",\"assignee_id\":\"" + viewerId
        + "\",\"due_date\":\"2027-03-01\"}").text("id");
    String sooner = create(me, two, "{\"title\":\"sooner\",\"assignee_id\":\"" + viewerId
        + "\",\"due_date\":\"2026-12-01\",\"status\":\"todo\"}").text("id");
    String undated = create(me, two, "{\"title\":\"undated\",\"assignee_id\":\"" + viewerId + "\"}").text("id");
    create(me, one, "{\"title\":\"someone else's\",\"assignee_id\":\"" + acme.adminId() + "\"}").assertStatus(201);

    HandlerResponse mine = api.call(HttpEvents.route("GET /v1/tasks").claims(me).build());
    mine.assertStatus(200);
    assertEquals(List.of(sooner, later, undated), ids(mine));
    assertEquals(List.of("Query"), mine.dynamoCalls());
    HandlerResponse explicit = api.call(HttpEvents.route("GET /v1/tasks").claims(acme.owner()).query("assignee_id", viewerId)
        .query("due_before", "2027-01-01").build());
    assertEquals(List.of(sooner), ids(explicit));
    HandlerResponse todo = api.call(HttpEvents.route("GET /v1/tasks").claims(me).query("assignee_id", "me")
        .query("status", "todo").build());
    assertEquals(List.of(sooner), ids(todo));
    HandlerResponse bad = api.call(HttpEvents.route("GET /v1/tasks").claims(me).query("assignee_id", "you").build());
    bad.assertStatus(400);
    assertEquals(List.of("assignee_id"), bad.errorFields());
  }

  // ---------------------------------------------------------------- milestones' counters

  @Test
  void milestoneCountersFollowTheTasksStates() {
    String project = api.env.seedProject(acme, "MS");
    String milestone = seedMilestone(acme, project);
    String a = create(acme.member(), project, "{\"title\":\"a\",\"milestone_id\":\"" + milestone + "\"}").text("id");
    create(acme.member(), project, "{\"title\":\"b\",\"milestone_id\":\"" + milestone + "\",\"status\":\"done\"}")
        .assertStatus(201);
    create(acme.member(), project, "{\"title\":\"c\",\"milestone_id\":\"" + milestone + "\",\"status\":\"cancelled\"}")
        .assertStatus(201);
    assertCounters(milestone, 2, 1);
    patch(acme.member(), a, null, "{\"status\":\"done\"}").assertStatus(200);
    assertCounters(milestone, 2, 2);
    patch(acme.member(), a, null, "{\"milestone_id\":null}").assertStatus(200);
    assertCounters(milestone, 1, 1);
    patch(acme.member(), a, null, "{\"milestone_id\":\"" + milestone + "\"}").assertStatus(200);
    assertCounters(milestone, 2, 2);
    delete(acme.member(), a, null).assertStatus(204);
    assertCounters(milestone, 1, 1);
    restore(acme.member(), a).assertStatus(200);
    assertCounters(milestone, 2, 2);
  }

  // ---------------------------------------------------------------- DELETE and restore

  @Test
  void deletedTasksLeaveEveryListAndComeBackOnRestore() {
    String project = api.env.seedProject(acme, "DEL");
    HandlerResponse created = create(acme.member(), project, "{\"title\":\"doomed\",\"status\":\"todo\",\"tags\":[\"x\"]}");
    String id = created.text("id");
    String key = created.text("key");

    String otherMember = api.env.seedUser(acme.id(), "member");
    delete(HttpEvents.claims(otherMember, acme.id(), "member"), id, null).assertStatus(403);

    HandlerResponse deleted = delete(acme.member(), id, "\"1\"");
    deleted.assertStatus(204);
    assertEquals(List.of("GetItem", "TransactWriteItems"), deleted.dynamoCalls());
    get(acme.viewer(), id).assertStatus(404);
    get(acme.viewer(), key).assertStatus(404);
    patch(acme.member(), id, null, "{\"title\":\"ghost\"}").assertStatus(404);
    assertFilter(project, Map.of(), Set.of());
    assertFilter(project, Map.of("status", "todo"), Set.of());
    assertFilter(project, Map.of("tag", "x"), Set.of());
    assertEquals(0, boardRows(acme, project), "deleted tasks leave the board");
    restore(acme.viewer(), id).assertStatus(403);

    HandlerResponse restored = restore(acme.admin(), id);
    restored.assertStatus(200);
    assertEquals("\"3\"", restored.header("ETag"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), restored.dynamoCalls());
    assertEquals(key, get(acme.viewer(), key).text("key"));
    assertFilter(project, Map.of("status", "todo"), Set.of(id));
    assertEquals(1, boardRows(acme, project));
    restore(acme.admin(), id).assertStatus(409);
    List<String> actions = new ArrayList<>();
    activity(acme.viewer(), id, Map.of()).json().path("items").forEach(row -> actions.add(row.path("action").asText()));
    assertEquals(List.of("restored", "deleted", "created"), actions);
  }

  @Test
  void everyWriteEmitsItsEventThroughTheOutbox() {
    String project = api.env.seedProject(acme, "EVT");
    String id = create(acme.member(), project, "{\"title\":\"evented\"}").text("id");
    patch(acme.member(), id, null, "{\"status\":\"todo\"}").assertStatus(200);
    delete(acme.member(), id, null).assertStatus(204);
    restore(acme.member(), id).assertStatus(200);
    List<String> actions = new ArrayList<>();
    List<JsonNode> changes = new ArrayList<>();
    // A test may scan: the outbox items have no list of their own (the stream carries them).
    for (var item : api.env.dynamoDb().scanPaginator(q -> q.tableName(api.env.tableName())
        .filterExpression("entity_type = :outbox")
        .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS("OUTBOX")))).items()) {
      JsonNode event = readJson(item.get("detail").s());
      if (id.equals(event.path("resource_id").asText())) {
        actions.add(event.path("action").asText());
        changes.add(event.path("changes"));
      }
    }
    assertEquals(Set.of("task.created", "task.updated", "task.deleted", "task.restored"), new HashSet<>(actions));
    assertTrue(changes.stream().anyMatch(c -> "todo".equals(c.path("status").path("new").asText())));
  }

  // ---------------------------------------------------------------- helpers

  private HandlerResponse create(Map<String, String> claims, String projectId, String body) {
    return api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks").pathParam("project_id", projectId)
        .claims(claims).body(body).build());
  }

  private HandlerResponse get(Map<String, String> claims, String taskRef) {
    return api.call(HttpEvents.route("GET /v1/tasks/{task_id}").pathParam("task_id", taskRef).claims(claims).build());
  }

  private HandlerResponse patch(Map<String, String> claims, String taskRef, String ifMatch, String body) {
    var event = HttpEvents.route("PATCH /v1/tasks/{task_id}").pathParam("task_id", taskRef).claims(claims).body(body);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private HandlerResponse delete(Map<String, String> claims, String taskRef, String ifMatch) {
    var event = HttpEvents.route("DELETE /v1/tasks/{task_id}").pathParam("task_id", taskRef).claims(claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private HandlerResponse restore(Map<String, String> claims, String taskRef) {
    return api.call(HttpEvents.route("POST /v1/tasks/{task_id}/restore").pathParam("task_id", taskRef)
        .claims(claims).build());
  }

  private HandlerResponse activity(Map<String, String> claims, String taskRef, Map<String, String> query) {
    var event = HttpEvents.route("GET /v1/tasks/{task_id}/activity").pathParam("task_id", taskRef).claims(claims);
    query.forEach(event::query);
    return api.call(event.build());
  }

  private HandlerResponse list(Map<String, String> claims, String projectId, Map<String, String> query) {
    var event = HttpEvents.route("GET /v1/projects/{project_id}/tasks").pathParam("project_id", projectId)
        .claims(claims);
    query.forEach(event::query);
    return api.call(event.build());
  }

  private void assertFilter(String project, Map<String, String> query, Set<String> expected) {
    HandlerResponse page = list(acme.viewer(), project, query);
    page.assertStatus(200);
    assertEquals(expected, new HashSet<>(ids(page)), "filter " + query);
    if (!expected.isEmpty()) {
      assertEquals(List.of("Query"), page.dynamoCalls(), "filter " + query);
    }
  }

  private void assertBadField(String project, String body, String field) {
    HandlerResponse response = create(acme.member(), project, body);
    response.assertStatus(400);
    assertTrue(response.errorFields().contains(field), field + " not in " + response.raw());
  }

  private void assertPatchBadField(String id, String body, String field) {
    HandlerResponse response = patch(acme.member(), id, null, body);
    response.assertStatus(400);
    assertTrue(response.errorFields().contains(field), field + " not in " + response.raw());
  }

  private static void assertUnprocessable(HandlerResponse response, String field) {
    response.assertStatus(422);
    assertEquals(List.of(field), response.errorFields());
  }

  private void assertCounters(String milestone, long total, long done) {
    var item = api.env.dynamoDb().getItem(g -> g.tableName(api.env.tableName())
        .key(PmKeys.milestone(new TenantId(acme.id()), milestone).primaryKeyMap(
            com.coditect.shared.store.UniqueItem.SCHEMA))).item();
    assertEquals(total, Long.parseLong(item.get("task_total").n()), "task_total");
    assertEquals(done, Long.parseLong(item.get("task_done").n()), "task_done");
  }

  private int boardRows(SeededTenant tenant, String project) {
    return api.env.dynamoDb().query(q -> q.tableName(api.env.tableName()).keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(
            PmKeys.boardRows(new TenantId(tenant.id()), project))))).count();
  }

  private String rankNeighbourElsewhere() {
    String elsewhere = api.env.seedProject(acme, "RANKB");
    return create(acme.member(), elsewhere, "{\"title\":\"far away\"}").text("id");
  }

  /** A sprint item as the sprint routes store it (only what task writes check). */
  private String seedSprint(SeededTenant tenant, String project, String status) {
    String id = Ids.newId();
    var key = PmKeys.sprint(new TenantId(tenant.id()), id);
    api.env.dynamoDb().putItem(p -> p.tableName(api.env.tableName()).item(Map.of(
        "PK", AttributeValue.fromS(key.partitionKeyValue().s()), "SK", AttributeValue.fromS("SPRINT"),
        "entity_type", AttributeValue.fromS("SPRINT"), "id", AttributeValue.fromS(id),
        "project_id", AttributeValue.fromS(project), "status", AttributeValue.fromS(status),
        "version", AttributeValue.fromN("1"))));
    return id;
  }

  /** A milestone item as the milestone routes store it (only what task writes use). */
  private String seedMilestone(SeededTenant tenant, String project) {
    String id = Ids.newId();
    var key = PmKeys.milestone(new TenantId(tenant.id()), id);
    api.env.dynamoDb().putItem(p -> p.tableName(api.env.tableName()).item(Map.of(
        "PK", AttributeValue.fromS(key.partitionKeyValue().s()), "SK", AttributeValue.fromS("MILESTONE"),
        "entity_type", AttributeValue.fromS("MILESTONE"), "id", AttributeValue.fromS(id),
        "project_id", AttributeValue.fromS(project), "task_total", AttributeValue.fromN("0"),
        "task_done", AttributeValue.fromN("0"), "version", AttributeValue.fromN("1"))));
    return id;
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static JsonNode readJson(String text) {
    try {
      return PmApi.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
