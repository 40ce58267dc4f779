package com.coditect.pm;

import static com.coditect.pm.PmAsserts.withClaims;
import static com.coditect.pm.PmAsserts.withIfMatch;
import static com.coditect.pm.SprintRoutesIT.events;
import static com.coditect.pm.SprintRoutesIT.onlyEvent;
import static com.coditect.testing.ListAsserts.bad;
import static com.coditect.testing.ListAsserts.ids;
import static com.coditect.testing.ListAsserts.pageThrough;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.OpenApiContract;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.WriteGate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The milestone routes on moto: {@code GET|POST /v1/projects/{project_id}/milestones} and
 * {@code GET|PATCH|DELETE /v1/milestones/{milestone_id}}. Titles are unique per project;
 * {@code progress_percent} is computed from the task counters that task writes keep, which no
 * milestone write may overwrite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MilestoneRoutesIT {

  private static final String NOT_A_UUID = "12345";

  private PmApi api;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new PmApi("milestones");
    acme = api.env.seedTenant("ACME");
    globex = api.env.seedTenant("GLOBEX");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- POST /v1/projects/{project_id}/milestones

  @Test
  void memberCreatesOpenMilestoneWithZeroProgressInOneTransaction() {
    String project = api.env.seedProject(acme, "CRE");
    HandlerResponse created = createMilestone(acme.member(), project,
        "{\"title\":\"Beta launch\",\"description\":\"Public beta\",\"due_date\":\"2026-06-30\"}");

    created.assertStatus(201);
    String id = created.text("id");
    assertEquals("/v1/milestones/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals(project, created.text("project_id"));
    assertEquals("Beta launch", created.text("title"));
    assertEquals("Public beta", created.text("description"));
    assertEquals("open", created.text("status"));
    assertEquals("2026-06-30", created.text("due_date"));
    assertEquals(0, created.json().path("progress_percent").asInt(-1));
    assertTrue(created.json().path("completed_at").isNull());
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());
    Map<String, AttributeValue> stored = storedItem(id);
    assertEquals("0", stored.get("task_total").n());
    assertEquals("0", stored.get("task_done").n());

    HandlerResponse read = getMilestone(acme.viewer(), id);
    read.assertStatus(200);
    assertEquals("Beta launch", read.text("title"));
    assertEquals("\"1\"", read.header("ETag"));
    assertEquals(List.of("GetItem"), read.dynamoCalls());

    JsonNode event = onlyEvent(api, id, "milestone.created");
    assertEquals("milestone", event.path("resource_type").asText());
    assertEquals(project, event.path("changes").path("project_id").path("new").asText());
  }

  @Test
  void createdWithStatusCompletedHasCompletedAtAndOptionalFieldsMayBeNull() {
    String project = api.env.seedProject(acme, "OPT");
    HandlerResponse done = createMilestone(acme.owner(), project, "{\"title\":\"Already done\",\"status\":\"completed\"}");
    done.assertStatus(201);
    assertEquals("completed", done.text("status"));
    assertEquals(done.text("created_at"), done.text("completed_at"));
    assertTrue(done.json().path("due_date").isNull());
    assertTrue(done.json().path("description").isNull());

    HandlerResponse nulls = createMilestone(acme.admin(), project,
        "{\"title\":\"Nulls\",\"description\":null,\"status\":null,\"due_date\":null}");
    nulls.assertStatus(201);
    assertEquals("open", nulls.text("status"));
    assertTrue(nulls.json().path("completed_at").isNull());
  }

  @Test
  void viewerCannotWriteMilestones() {
    String project = api.env.seedProject(acme, "VWR");
    HandlerResponse denied = createMilestone(acme.viewer(), project, "{\"title\":\"Nope\"}");
    denied.assertStatus(403);
    assertTrue(denied.dynamoCalls().isEmpty(), "a refused request must not touch the table");

    String milestone = newMilestone(project, "{\"title\":\"Viewer's target\"}");
    for (HandlerResponse refused : List.of(
        patchMilestone(acme.viewer(), milestone, null, "{\"title\":\"Hijacked\"}"),
        deleteMilestone(acme.viewer(), milestone, null))) {
      refused.assertStatus(403);
      assertTrue(refused.dynamoCalls().isEmpty());
    }
    HandlerResponse after = getMilestone(acme.viewer(), milestone);
    assertEquals("Viewer's target", after.text("title"));
    assertEquals("\"1\"", after.header("ETag"));
    assertEquals(List.of(milestone), ids(listMilestones(acme.viewer(), project)), "the refused create wrote nothing");
  }

  @Test
  void rejectsSecondMilestoneWithSameTitleInProjectIgnoringCase() {
    String project = api.env.seedProject(acme, "DUP");
    newMilestone(project, "{\"title\":\"GA\"}");
    for (String clashing : List.of("GA", "ga", "Ga")) {
      HandlerResponse clash = createMilestone(acme.member(), project, "{\"title\":\"" + clashing + "\"}");
      clash.assertStatus(409);
      assertEquals(List.of("title"), clash.errorFields());
    }
    assertEquals(1, ids(listMilestones(acme.owner(), project)).size(), "a refused create must write nothing");
    createMilestone(acme.member(), api.env.seedProject(acme, "DUP2"), "{\"title\":\"GA\"}").assertStatus(201);
    createMilestone(globex.member(), globex.projectId(), "{\"title\":\"GA\"}").assertStatus(201);
  }

  @Test
  void creatingInAMissingDeletedOrForeignProjectIs404() {
    String deleted = api.env.seedProject(acme, "GONE");
    api.env.softDelete("T#" + acme.id() + "#PROJECT#" + deleted, "PROJECT");
    for (String project : List.of(UUID.randomUUID().toString(), deleted, globex.projectId())) {
      HandlerResponse missing = createMilestone(acme.owner(), project, "{\"title\":\"Orphan\"}");
      missing.assertStatus(404);
      assertEquals(List.of("TransactWriteItems"), missing.dynamoCalls());
      listMilestones(acme.owner(), project).assertStatus(404);
    }
    createMilestone(globex.owner(), globex.projectId(), "{\"title\":\"Orphan\"}").assertStatus(201);
  }

  @Test
  void badMilestoneBodiesAre400NamingEachField() {
    String project = api.env.seedProject(acme, "BAD");
    var owner = acme.owner();
    assertEquals(List.of("body"), bad(createMilestone(owner, project, "{\"title\"")));
    assertEquals(List.of("body"), bad(createMilestone(owner, project, "\"GA\"")));
    assertEquals(List.of("title"), bad(createMilestone(owner, project, "{}")));
    assertEquals(List.of("title"), bad(createMilestone(owner, project, "{\"title\":\"\"}")));
    assertEquals(List.of("title"), bad(createMilestone(owner, project, "{\"title\":null}")));
    assertEquals(List.of("title"), bad(createMilestone(owner, project, "{\"title\":\"" + "t".repeat(256) + "\"}")));
    assertEquals(List.of("description"), bad(createMilestone(owner, project,
        "{\"title\":\"D\",\"description\":\"" + "d".repeat(10_001) + "\"}")));
    assertEquals(List.of("status"), bad(createMilestone(owner, project, "{\"title\":\"S\",\"status\":\"late\"}")));
    assertEquals(List.of("status"), bad(createMilestone(owner, project, "{\"title\":\"S\",\"status\":3}")));
    assertEquals(List.of("due_date"), bad(createMilestone(owner, project, "{\"title\":\"D\",\"due_date\":\"2026-02-30\"}")));
    assertEquals(List.of("due_date"), bad(createMilestone(owner, project, "{\"title\":\"D\",\"due_date\":\"next week\"}")));
    assertEquals(List.of("task_total"), bad(createMilestone(owner, project, "{\"title\":\"C\",\"task_total\":5}")));
    assertEquals(List.of("project_id"), bad(createMilestone(owner, NOT_A_UUID, "{\"title\":\"P\"}")));

    HandlerResponse computed = createMilestone(owner, project, "{\"title\":\"P\",\"progress_percent\":50}");
    assertEquals(List.of("progress_percent"), bad(computed));
    assertTrue(computed.json().path("errors").get(0).path("message").asText().startsWith("is computed"), computed.raw());
    assertEquals(List.of(), ids(listMilestones(owner, project)), "no bad body may write anything");
    assertEquals(201, createMilestone(owner, project, "{\"title\":\"P\"}").status(), "the title was never taken");
  }

  @Test
  void idempotencyKeyReplaysTheMilestoneCreation() {
    String project = api.env.seedProject(acme, "IDEM");
    String key = UUID.randomUUID().toString();
    var event = HttpEvents.route("POST /v1/projects/{project_id}/milestones").pathParam("project_id", project)
        .claims(acme.member()).header("Idempotency-Key", key).body("{\"title\":\"Once\"}");
    HandlerResponse first = api.call(event.build());
    HandlerResponse again = api.call(event.build());
    first.assertStatus(201);
    assertEquals(List.of("GetItem", "TransactWriteItems"), first.dynamoCalls());
    again.assertStatus(201);
    assertEquals(first.text("id"), again.text("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(List.of("GetItem"), again.dynamoCalls());
    assertEquals(List.of(first.text("id")), ids(listMilestones(acme.owner(), project)));
  }

  @Test
  void milestoneRoutesNeedATenantToken() {
    String project = api.env.seedProject(acme, "ANON");
    String milestone = newMilestone(project, "{\"title\":\"Anonymous\"}");
    for (HandlerResponse anonymous : List.of(
        createMilestone(null, project, "{\"title\":\"Anon\"}"),
        listMilestones(null, project),
        getMilestone(null, milestone),
        patchMilestone(null, milestone, null, "{\"title\":\"X\"}"),
        deleteMilestone(null, milestone, null))) {
      anonymous.assertStatus(401);
      assertTrue(anonymous.dynamoCalls().isEmpty());
    }
    assertEquals("\"1\"", getMilestone(acme.owner(), milestone).header("ETag"));
  }

  // ---------------------------------------------------------------- GET /v1/projects/{project_id}/milestones

  @Test
  void listsAProjectsMilestonesByDueDateUndatedLastInOneQuery() {
    String project = api.env.seedProject(acme, "LIST");
    String undated = newMilestone(project, "{\"title\":\"Someday\"}");
    String june = newMilestone(project, "{\"title\":\"June\",\"due_date\":\"2026-06-30\"}");
    String march = newMilestone(project, "{\"title\":\"March\",\"due_date\":\"2026-03-31\"}");
    String elsewhere = newMilestone(api.env.seedProject(acme, "LIST2"), "{\"title\":\"Elsewhere\"}");

    for (var claims : List.of(acme.owner(), acme.member(), acme.viewer())) {
      HandlerResponse list = listMilestones(claims, project);
      assertEquals(List.of(march, june, undated), ids(list));
      assertEquals(List.of("Query"), list.dynamoCalls());
    }
    assertTrue(!ids(listMilestones(acme.owner(), project)).contains(elsewhere));
    HandlerResponse foreign = listMilestones(globex.owner(), project);
    assertEquals(404, foreign.status(), "another tenant's project is unknown here: " + foreign.raw());
    assertEquals(List.of("Query", "GetItem"), foreign.dynamoCalls());
    assertEquals(404, listMilestones(acme.owner(), UUID.randomUUID().toString()).status());

    // Dating and undating move a milestone in the order (its index keys are rewritten in place).
    patchMilestone(acme.owner(), undated, null, "{\"due_date\":\"2026-01-31\"}").assertStatus(200);
    patchMilestone(acme.owner(), june, null, "{\"due_date\":null}").assertStatus(200);
    assertEquals(List.of(undated, march, june), ids(listMilestones(acme.owner(), project)));
  }

  @Test
  void statusFilterFollowsStatusChanges() {
    String project = api.env.seedProject(acme, "STAT");
    String first = newMilestone(project, "{\"title\":\"First\",\"due_date\":\"2026-01-31\"}");
    String second = newMilestone(project, "{\"title\":\"Second\",\"due_date\":\"2026-02-28\"}");
    assertEquals(List.of(first, second), ids(listMilestones(acme.owner(), project, "status", "open")));

    patchMilestone(acme.owner(), first, null, "{\"status\":\"in_progress\"}").assertStatus(200);
    HandlerResponse inProgress = listMilestones(acme.viewer(), project, "status", "in_progress");
    assertEquals(List.of(first), ids(inProgress));
    assertEquals(List.of("Query"), inProgress.dynamoCalls());
    assertEquals(List.of(second), ids(listMilestones(acme.owner(), project, "status", "open")));
    assertEquals(List.of(), ids(listMilestones(acme.owner(), project, "status", "completed")));
  }

  @Test
  void pagingAndBadQueriesOfTheList() {
    String project = api.env.seedProject(acme, "PAGE");
    List<String> created = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      created.add(newMilestone(project, "{\"title\":\"M" + i + "\",\"due_date\":\"2026-0" + i + "-15\"}"));
    }
    assertEquals(created, pageThrough(query -> listMilestones(acme.owner(), project, query)));
    assertEquals(created, pageThrough(query -> listMilestones(acme.owner(), project, query), "status", "open"));

    for (String status : List.of("done", "OPEN", "")) {
      assertEquals(List.of("status"), bad(listMilestones(acme.owner(), project, "status", status)), status);
    }
    assertEquals(List.of("limit"), bad(listMilestones(acme.owner(), project, "limit", "0")));
    assertEquals(List.of("cursor"), bad(listMilestones(acme.owner(), project, "cursor", "forged")));
    String cursor = listMilestones(acme.owner(), project, "limit", "1").text("next_cursor");
    assertNotNull(cursor);
    assertEquals(List.of("cursor"), bad(listMilestones(globex.owner(), project, "cursor", cursor)));
    assertEquals(List.of("cursor"), bad(listMilestones(acme.owner(), project, "status", "open", "cursor", cursor)));
    assertEquals(List.of("project_id"), bad(listMilestones(acme.owner(), NOT_A_UUID)));
  }

  // ---------------------------------------------------------------- GET /v1/milestones/{milestone_id}

  @Test
  void anotherTenantsOrUnknownMilestoneIsNotFoundOnEveryRoute() {
    HandlerResponse theirsCreated = createMilestone(globex.owner(), globex.projectId(), "{\"title\":\"Theirs\"}");
    theirsCreated.assertStatus(201);
    String theirs = theirsCreated.text("id");
    for (String milestone : List.of(theirs, UUID.randomUUID().toString())) {
      for (HandlerResponse missing : List.of(
          getMilestone(acme.owner(), milestone),
          patchMilestone(acme.owner(), milestone, null, "{\"title\":\"Ours\"}"),
          deleteMilestone(acme.owner(), milestone, null))) {
        missing.assertStatus(404);
        assertEquals(List.of("GetItem"), missing.dynamoCalls());
      }
    }
    HandlerResponse intact = getMilestone(globex.owner(), theirs);
    assertEquals("Theirs", intact.text("title"));
    assertEquals("\"1\"", intact.header("ETag"));
    assertEquals(List.of("milestone_id"), bad(getMilestone(acme.owner(), NOT_A_UUID)));
    assertEquals(List.of("milestone_id"), bad(patchMilestone(acme.owner(), NOT_A_UUID, null, "{\"title\":\"T\"}")));
    assertEquals(List.of("milestone_id"), bad(deleteMilestone(acme.owner(), NOT_A_UUID, null)));
  }

  @Test
  void progressIsTheDoneShareOfCountedTasksRoundedDown() {
    String milestone = newMilestone(api.env.seedProject(acme, "PRG"), "{\"title\":\"Progress\"}");
    assertEquals(0, progress(getMilestone(acme.owner(), milestone)));
    addToCounters(milestone, 3, 1);
    assertEquals(33, progress(getMilestone(acme.owner(), milestone)));
    addToCounters(milestone, 0, 1);
    assertEquals(66, progress(getMilestone(acme.owner(), milestone)));
    addToCounters(milestone, 0, 1);
    assertEquals(100, progress(getMilestone(acme.owner(), milestone)));
    addToCounters(milestone, 4, 0);
    assertEquals(42, progress(getMilestone(acme.owner(), milestone)), "3 of 7");
  }

  // ---------------------------------------------------------------- PATCH /v1/milestones/{milestone_id}

  @Test
  void memberUpdatesMilestoneWithOptimisticLocking() {
    String project = api.env.seedProject(acme, "UPD");
    String milestone = newMilestone(project, "{\"title\":\"Before\",\"description\":\"Old\",\"due_date\":\"2026-05-01\"}");
    String etag = getMilestone(acme.owner(), milestone).header("ETag");

    HandlerResponse updated = patchMilestone(acme.member(), milestone, etag,
        "{\"title\":\"After\",\"description\":null,\"due_date\":\"2026-05-15\",\"status\":\"in_progress\"}");
    updated.assertStatus(200);
    assertEquals("After", updated.text("title"));
    assertTrue(updated.json().path("description").isNull());
    assertEquals("2026-05-15", updated.text("due_date"));
    assertEquals("in_progress", updated.text("status"));
    assertTrue(updated.json().path("completed_at").isNull());
    assertEquals("\"2\"", updated.header("ETag"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), updated.dynamoCalls());
    assertTrue(!storedItem(milestone).containsKey("description"), "a cleared field is removed from the item");
    JsonNode event = onlyEvent(api, milestone, "milestone.updated");
    assertEquals("Before", event.path("changes").path("title").path("old").asText());
    assertEquals("After", event.path("changes").path("title").path("new").asText());

    HandlerResponse stale = patchMilestone(acme.owner(), milestone, etag, "{\"title\":\"Lost update\"}");
    stale.assertStatus(412);
    HandlerResponse after = getMilestone(acme.owner(), milestone);
    assertEquals("After", after.text("title"), "a refused update must change nothing");
    assertEquals("\"2\"", after.header("ETag"));

    // A change that changes nothing writes nothing.
    HandlerResponse same = patchMilestone(acme.owner(), milestone, null, "{\"title\":\"After\"}");
    same.assertStatus(200);
    assertEquals("\"2\"", same.header("ETag"));
    assertEquals(List.of("GetItem"), same.dynamoCalls());
  }

  @Test
  void completedAtIsSetOnCompletionAndClearedOnReopening() {
    String milestone = newMilestone(api.env.seedProject(acme, "CMP"), "{\"title\":\"Ship\"}");
    HandlerResponse completed = patchMilestone(acme.owner(), milestone, null, "{\"status\":\"completed\"}");
    completed.assertStatus(200);
    assertEquals(completed.text("updated_at"), completed.text("completed_at"));

    HandlerResponse retitled = patchMilestone(acme.owner(), milestone, null, "{\"title\":\"Shipped\"}");
    assertEquals(completed.text("completed_at"), retitled.text("completed_at"), "kept while still completed");

    HandlerResponse reopened = patchMilestone(acme.owner(), milestone, null, "{\"status\":\"open\"}");
    reopened.assertStatus(200);
    assertTrue(reopened.json().path("completed_at").isNull());
    assertTrue(!storedItem(milestone).containsKey("completed_at"));
  }

  /**
   * The counters belong to task writes: setting them directly (as a task write's {@code ADD} does)
   * and then patching the milestone must leave them, and the progress they give, intact.
   */
  @Test
  void patchingKeepsTheTaskCountersAndTheirProgress() {
    String milestone = newMilestone(api.env.seedProject(acme, "CNT"), "{\"title\":\"Counted\"}");
    addToCounters(milestone, 3, 1);

    HandlerResponse patched = patchMilestone(acme.owner(), milestone, "\"1\"", "{\"title\":\"Counted again\"}");
    patched.assertStatus(200);
    assertEquals(33, progress(patched));
    Map<String, AttributeValue> stored = storedItem(milestone);
    assertEquals("3", stored.get("task_total").n());
    assertEquals("1", stored.get("task_done").n());
    assertEquals("Counted again", stored.get("title").s());
    assertEquals(33, progress(getMilestone(acme.owner(), milestone)));
  }

  /**
   * A task write's {@code ADD} that lands between the PATCH's read and its write is kept: the
   * PATCH writes only the attributes it changes (a whole-item put would write back the counts it
   * read, and its version condition would not notice, since counting does not bump the version).
   */
  @Test
  void aCountChangeBetweenReadAndWriteIsNotLost() {
    String milestone = newMilestone(api.env.seedProject(acme, "RACECNT"), "{\"title\":\"Racing counters\"}");
    addToCounters(milestone, 2, 0);
    WriteGate gate = new WriteGate();
    PmHandler gated = new PmHandler(
        DaggerTestPmComponent.factory().create(api.env.appConfig(), TestInterceptors.of(gate)));
    gate.beforeNextWrite(() -> addToCounters(milestone, 2, 3));

    var event = HttpEvents.route("PATCH /v1/milestones/{milestone_id}").claims(acme.owner())
        .pathParam("milestone_id", milestone).body("{\"description\":\"patched meanwhile\"}").build();
    APIGatewayV2HTTPResponse response = gated.handleRequest(event, null);
    OpenApiContract.load().assertResponse(event.getRouteKey(), response);
    assertEquals(200, response.getStatusCode(), response.getBody());

    Map<String, AttributeValue> stored = storedItem(milestone);
    assertEquals("4", stored.get("task_total").n());
    assertEquals("3", stored.get("task_done").n());
    assertEquals("patched meanwhile", stored.get("description").s());
    assertEquals(75, progress(getMilestone(acme.owner(), milestone)));
  }

  @Test
  void retitlingFreesTheOldTitleAndRefusesATakenOne() {
    String project = api.env.seedProject(acme, "REN");
    String milestone = newMilestone(project, "{\"title\":\"Alpha\"}");
    newMilestone(project, "{\"title\":\"Beta\"}");

    HandlerResponse taken = patchMilestone(acme.owner(), milestone, null, "{\"title\":\"beta\",\"status\":\"cancelled\"}");
    taken.assertStatus(409);
    assertEquals(List.of("title"), taken.errorFields());
    HandlerResponse unchanged = getMilestone(acme.owner(), milestone);
    assertEquals("Alpha", unchanged.text("title"));
    assertEquals("open", unchanged.text("status"));
    assertEquals("\"1\"", unchanged.header("ETag"));

    patchMilestone(acme.owner(), milestone, null, "{\"title\":\"ALPHA\"}").assertStatus(200);
    patchMilestone(acme.owner(), milestone, null, "{\"title\":\"Gamma\"}").assertStatus(200);
    createMilestone(acme.owner(), project, "{\"title\":\"alpha\"}").assertStatus(201);
    HandlerResponse gamma = createMilestone(acme.owner(), project, "{\"title\":\"GAMMA\"}");
    gamma.assertStatus(409);
    assertEquals(List.of("title"), gamma.errorFields());
  }

  @Test
  void badMilestonePatchesAre400NamingEachField() {
    String milestone = newMilestone(api.env.seedProject(acme, "BADP"), "{\"title\":\"Patchable\"}");
    var owner = acme.owner();
    assertEquals(List.of("body"), bad(patchMilestone(owner, milestone, null, "{")));
    assertEquals(List.of("body"), bad(patchMilestone(owner, milestone, null, "{}")));
    assertEquals(List.of("title"), bad(patchMilestone(owner, milestone, null, "{\"title\":null}")));
    assertEquals(List.of("title"), bad(patchMilestone(owner, milestone, null, "{\"title\":\"" + "t".repeat(256) + "\"}")));
    assertEquals(List.of("description"), bad(patchMilestone(owner, milestone, null,
        "{\"description\":\"" + "d".repeat(10_001) + "\"}")));
    assertEquals(List.of("status"), bad(patchMilestone(owner, milestone, null, "{\"status\":null}")));
    assertEquals(List.of("status"), bad(patchMilestone(owner, milestone, null, "{\"status\":\"slipped\"}")));
    assertEquals(List.of("due_date"), bad(patchMilestone(owner, milestone, null, "{\"due_date\":\"31.12.2026\"}")));
    assertEquals(List.of("progress_percent"), bad(patchMilestone(owner, milestone, null, "{\"progress_percent\":100}")));
    assertEquals(List.of("progress_percent"), bad(patchMilestone(owner, milestone, null,
        "{\"title\":\"T\",\"progress_percent\":null}")));
    assertEquals(List.of("task_done"), bad(patchMilestone(owner, milestone, null, "{\"task_done\":1}")));
    assertEquals(List.of("If-Match"), bad(patchMilestone(owner, milestone, "W/1", "{\"title\":\"T\"}")));
    HandlerResponse after = getMilestone(owner, milestone);
    assertEquals("\"1\"", after.header("ETag"), "a refused update must change nothing");
    assertEquals("Patchable", after.text("title"));
  }

  @Test
  void concurrentPatchesWithSameIfMatchLetExactlyOneWin() throws Exception {
    String project = api.env.seedProject(acme, "RACE");
    for (int round = 0; round < 3; round++) {
      String milestone = newMilestone(project, "{\"title\":\"Contested " + round + "\"}");
      String etag = getMilestone(acme.owner(), milestone).header("ETag");
      List<APIGatewayV2HTTPEvent> racers = new ArrayList<>();
      for (String description : List.of("left", "right")) {
        racers.add(HttpEvents.route("PATCH /v1/milestones/{milestone_id}").claims(acme.member())
            .pathParam("milestone_id", milestone).header("If-Match", etag)
            .body("{\"description\":\"" + description + "\"}").build());
      }
      List<APIGatewayV2HTTPResponse> responses = SprintRoutesIT.race(api, racers);
      List<Integer> statuses = new ArrayList<>(responses.stream().map(APIGatewayV2HTTPResponse::getStatusCode).toList());
      statuses.sort(null);
      assertEquals(List.of(200, 412), statuses, "round " + round);
      String winner = PmApi.MAPPER.readTree(responses.stream().filter(r -> r.getStatusCode() == 200).findFirst()
          .orElseThrow().getBody()).path("description").asText();
      HandlerResponse after = getMilestone(acme.owner(), milestone);
      assertEquals(winner, after.text("description"), "the winner's change must be the one stored");
      assertEquals("\"2\"", after.header("ETag"));
    }
  }

  // ---------------------------------------------------------------- DELETE /v1/milestones/{milestone_id}

  @Test
  void deletedMilestoneIsGoneAndFreesItsTitle() {
    String project = api.env.seedProject(acme, "DEL");
    HandlerResponse created = createMilestone(acme.owner(), project, "{\"title\":\"Doomed\",\"due_date\":\"2026-04-01\"}");
    created.assertStatus(201);
    String milestone = created.text("id");
    String kept = newMilestone(project, "{\"title\":\"Kept\"}");

    HandlerResponse deleted = deleteMilestone(acme.member(), milestone, created.header("ETag"));
    deleted.assertStatus(204);
    assertNull(deleted.json());
    assertEquals(List.of("GetItem", "TransactWriteItems"), deleted.dynamoCalls());
    assertNull(storedItem(milestone), "a hard delete leaves no item");

    getMilestone(acme.owner(), milestone).assertStatus(404);
    deleteMilestone(acme.owner(), milestone, null).assertStatus(404);
    assertEquals(List.of(kept), ids(listMilestones(acme.owner(), project)));
    assertEquals(List.of(kept), ids(listMilestones(acme.owner(), project, "status", "open")));
    JsonNode changes = onlyEvent(api, milestone, "milestone.deleted").path("changes");
    assertEquals(project, changes.path("project_id").path("old").asText(), "the consumer finds the project here");

    createMilestone(acme.owner(), project, "{\"title\":\"DOOMED\"}").assertStatus(201);
  }

  @Test
  void deleteWithStaleIfMatchIs412AndDeletesNothing() {
    String project = api.env.seedProject(acme, "DSTL");
    String milestone = newMilestone(project, "{\"title\":\"Stale delete\"}");
    patchMilestone(acme.owner(), milestone, null, "{\"description\":\"moved on\"}").assertStatus(200);

    HandlerResponse stale = deleteMilestone(acme.owner(), milestone, "\"1\"");
    stale.assertStatus(412);
    assertEquals(List.of("GetItem"), stale.dynamoCalls());
    getMilestone(acme.owner(), milestone).assertStatus(200);
    assertEquals(409, createMilestone(acme.owner(), project, "{\"title\":\"Stale delete\"}").status());
    assertEquals(List.of("milestone.created", "milestone.updated"), events(api, milestone).stream()
        .map(e -> e.path("action").asText()).sorted().toList());
  }

  // ---------------------------------------------------------------- helpers

  /** What a task write does to a milestone's counters: {@code ADD}, in place, without a version bump. */
  private void addToCounters(String milestoneId, int total, int done) {
    api.env.dynamoDb().updateItem(b -> b.tableName(api.env.tableName())
        .key(milestoneKey(milestoneId))
        .updateExpression("ADD task_total :total, task_done :done")
        .conditionExpression("attribute_exists(PK)")
        .expressionAttributeValues(Map.of(":total", AttributeValue.fromN(Integer.toString(total)),
            ":done", AttributeValue.fromN(Integer.toString(done)))));
  }

  /** The milestone's item as stored, or null. */
  private Map<String, AttributeValue> storedItem(String milestoneId) {
    var item = api.env.dynamoDb().getItem(b -> b.tableName(api.env.tableName()).key(milestoneKey(milestoneId)));
    return item.hasItem() ? item.item() : null;
  }

  private Map<String, AttributeValue> milestoneKey(String milestoneId) {
    return Map.of("PK", AttributeValue.fromS("T#" + acme.id() + "#MILESTONE#" + milestoneId),
        "SK", AttributeValue.fromS("MILESTONE"));
  }

  private static int progress(HandlerResponse response) {
    response.assertStatus(200);
    return response.json().path("progress_percent").asInt(-1);
  }

  private String newMilestone(String projectId, String body) {
    HandlerResponse created = createMilestone(acme.owner(), projectId, body);
    created.assertStatus(201);
    return created.text("id");
  }


  private HandlerResponse createMilestone(Map<String, String> claims, String projectId, String body) {
    return api.call(withClaims(HttpEvents.route("POST /v1/projects/{project_id}/milestones")
        .pathParam("project_id", projectId).body(body), claims).build());
  }

  private HandlerResponse listMilestones(Map<String, String> claims, String projectId, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/projects/{project_id}/milestones")
        .pathParam("project_id", projectId), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse getMilestone(Map<String, String> claims, String milestoneId) {
    return api.call(withClaims(HttpEvents.route("GET /v1/milestones/{milestone_id}")
        .pathParam("milestone_id", milestoneId), claims).build());
  }

  private HandlerResponse patchMilestone(Map<String, String> claims, String milestoneId, String ifMatch, String body) {
    return api.call(withIfMatch(withClaims(HttpEvents.route("PATCH /v1/milestones/{milestone_id}")
        .pathParam("milestone_id", milestoneId).body(body), claims), ifMatch).build());
  }

  private HandlerResponse deleteMilestone(Map<String, String> claims, String milestoneId, String ifMatch) {
    return api.call(withIfMatch(withClaims(HttpEvents.route("DELETE /v1/milestones/{milestone_id}")
        .pathParam("milestone_id", milestoneId), claims), ifMatch).build());
  }
}
