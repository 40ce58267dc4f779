package com.coditect.pm;

import static com.coditect.pm.PmAsserts.withClaims;
import static com.coditect.pm.PmAsserts.withIfMatch;
import static com.coditect.testing.ListAsserts.bad;
import static com.coditect.testing.ListAsserts.ids;
import static com.coditect.testing.ListAsserts.pageThrough;
import static com.coditect.testing.ListAsserts.unprocessable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.WriteGate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sprint routes on moto: {@code GET|POST /v1/projects/{project_id}/sprints},
 * {@code GET|PATCH|DELETE /v1/sprints/{sprint_id}} and its {@code start} and {@code complete}.
 * Every role reads; owners, admins and members write. Names are unique per project; a project has
 * at most one active sprint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SprintRoutesIT {

  private static final String NOT_A_UUID = "12345";

  private PmApi api;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new PmApi("sprints");
    acme = api.env.seedTenant("ACME");
    globex = api.env.seedTenant("GLOBEX");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- POST /v1/projects/{project_id}/sprints

  @Test
  void memberCreatesPlannedSprintInOneTransaction() {
    String project = api.env.seedProject(acme, "CRE");
    HandlerResponse created = createSprint(acme.member(), project,
        "{\"name\":\"Sprint 1\",\"goal\":\"Ship the login\",\"start_date\":\"2026-03-02\",\"end_date\":\"2026-03-13\"}");

    created.assertStatus(201);
    String id = created.text("id");
    assertEquals("/v1/sprints/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals(project, created.text("project_id"));
    assertEquals("Sprint 1", created.text("name"));
    assertEquals("Ship the login", created.text("goal"));
    assertEquals("planned", created.text("status"));
    assertEquals("2026-03-02", created.text("start_date"));
    assertEquals("2026-03-13", created.text("end_date"));
    assertTrue(created.json().path("completed_at").isNull());
    assertEquals(created.text("created_at"), created.text("updated_at"));
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());

    HandlerResponse read = getSprint(acme.viewer(), id);
    read.assertStatus(200);
    assertEquals("Sprint 1", read.text("name"));
    assertEquals("\"1\"", read.header("ETag"));
    assertEquals(List.of("GetItem"), read.dynamoCalls());

    JsonNode event = onlyEvent(api, id, "sprint.created");
    assertEquals("sprint", event.path("resource_type").asText());
    assertEquals(project, event.path("changes").path("project_id").path("new").asText());
    assertEquals(acme.memberId(), event.path("actor").path("user_id").asText());
  }

  @Test
  void ownerAndAdminCreateSprintsAndGoalIsOptional() {
    String project = api.env.seedProject(acme, "ROL");
    HandlerResponse byOwner = createSprint(acme.owner(), project, sprintBody("By owner", "2026-01-05", "2026-01-16"));
    byOwner.assertStatus(201);
    assertTrue(byOwner.json().path("goal").isNull());
    createSprint(acme.admin(), project, sprintBody("By admin", "2026-01-19", "2026-01-30")).assertStatus(201);
    // A one-day sprint: the end date may equal the start date.
    createSprint(acme.admin(), project, sprintBody("One day", "2026-02-02", "2026-02-02")).assertStatus(201);
  }

  @Test
  void viewerCannotWriteSprints() {
    String project = api.env.seedProject(acme, "VWR");
    HandlerResponse denied = createSprint(acme.viewer(), project, sprintBody("Nope", "2026-01-05", "2026-01-16"));
    denied.assertStatus(403);
    assertTrue(denied.dynamoCalls().isEmpty(), "a refused request must not touch the table");

    String sprint = newSprint(project, "Viewer's target", "2026-01-05", "2026-01-16");
    for (HandlerResponse refused : List.of(
        patchSprint(acme.viewer(), sprint, null, "{\"name\":\"Hijacked\"}"),
        startSprint(acme.viewer(), sprint, null),
        completeSprint(acme.viewer(), sprint, null, null),
        deleteSprint(acme.viewer(), sprint, null))) {
      refused.assertStatus(403);
      assertTrue(refused.dynamoCalls().isEmpty());
    }
    HandlerResponse after = getSprint(acme.viewer(), sprint);
    assertEquals("Viewer's target", after.text("name"));
    assertEquals("planned", after.text("status"));
    assertEquals("\"1\"", after.header("ETag"));
    assertEquals(List.of(sprint), ids(listSprints(acme.viewer(), project)), "the refused create wrote nothing");
  }

  @Test
  void rejectsSecondSprintWithSameNameInProjectIgnoringCase() {
    String project = api.env.seedProject(acme, "DUP");
    newSprint(project, "Sprint 7", "2026-01-05", "2026-01-16");

    for (String clashing : List.of("Sprint 7", "SPRINT 7", "sprint 7")) {
      HandlerResponse clash = createSprint(acme.member(), project, sprintBody(clashing, "2026-02-02", "2026-02-13"));
      clash.assertStatus(409);
      assertEquals(List.of("name"), clash.errorFields());
    }
    assertEquals(1, ids(listSprints(acme.owner(), project)).size(), "a refused create must write nothing");

    // The name is only taken within its project and tenant.
    createSprint(acme.member(), api.env.seedProject(acme, "DUP2"), sprintBody("Sprint 7", "2026-02-02", "2026-02-13"))
        .assertStatus(201);
    createSprint(globex.member(), globex.projectId(), sprintBody("Sprint 7", "2026-02-02", "2026-02-13"))
        .assertStatus(201);
  }

  @Test
  void creatingInAMissingDeletedOrForeignProjectIs404() {
    String deleted = api.env.seedProject(acme, "GONE");
    api.env.softDelete("T#" + acme.id() + "#PROJECT#" + deleted, "PROJECT");
    for (String project : List.of(UUID.randomUUID().toString(), deleted, globex.projectId())) {
      HandlerResponse missing = createSprint(acme.owner(), project, sprintBody("Orphan", "2026-01-05", "2026-01-16"));
      missing.assertStatus(404);
      assertEquals(List.of("TransactWriteItems"), missing.dynamoCalls());
      listSprints(acme.owner(), project).assertStatus(404);
    }
    // Nothing was claimed either: the same name is still free in globex's project.
    createSprint(globex.owner(), globex.projectId(), sprintBody("Orphan", "2026-01-05", "2026-01-16"))
        .assertStatus(201);
  }

  @Test
  void badSprintBodiesAre400NamingEachField() {
    String project = api.env.seedProject(acme, "BAD");
    var owner = acme.owner();
    assertEquals(List.of("body"), bad(createSprint(owner, project, "{\"name\":")));
    assertEquals(List.of("body"), bad(createSprint(owner, project, "[1]")));
    assertEquals(Set.of("name", "start_date", "end_date"), Set.copyOf(bad(createSprint(owner, project, "{}"))));
    assertEquals(List.of("name"), bad(createSprint(owner, project, sprintBody("", "2026-01-05", "2026-01-16"))));
    assertEquals(List.of("name"), bad(createSprint(owner, project, sprintBody("   ", "2026-01-05", "2026-01-16"))));
    assertEquals(List.of("name"), bad(createSprint(owner, project,
        sprintBody("n".repeat(256), "2026-01-05", "2026-01-16"))));
    assertEquals(List.of("name"), bad(createSprint(owner, project,
        "{\"name\":7,\"start_date\":\"2026-01-05\",\"end_date\":\"2026-01-16\"}")));
    assertEquals(List.of("goal"), bad(createSprint(owner, project,
        "{\"name\":\"G\",\"goal\":\"" + "g".repeat(10_001) + "\",\"start_date\":\"2026-01-05\",\"end_date\":\"2026-01-16\"}")));
    for (String date : List.of("2026-13-01", "2026-02-30", "05/01/2026", "2026-1-5", "2026-01-05T00:00:00Z", "")) {
      assertEquals(List.of("start_date"), bad(createSprint(owner, project, sprintBody("D", date, "2026-01-16"))), date);
      assertEquals(List.of("end_date"), bad(createSprint(owner, project, sprintBody("D", "2026-01-05", date))), date);
    }
    assertEquals(List.of("start_date"), bad(createSprint(owner, project,
        "{\"name\":\"D\",\"start_date\":20260105,\"end_date\":\"2026-01-16\"}")));
    assertEquals(List.of("end_date"), bad(createSprint(owner, project,
        "{\"name\":\"D\",\"start_date\":\"2026-01-05\",\"end_date\":null}")));
    // status is not chosen at creation: every sprint starts planned.
    assertEquals(List.of("status"), bad(createSprint(owner, project,
        "{\"name\":\"S\",\"status\":\"active\",\"start_date\":\"2026-01-05\",\"end_date\":\"2026-01-16\"}")));
    assertEquals(List.of("velocity"), bad(createSprint(owner, project,
        "{\"name\":\"V\",\"velocity\":30,\"start_date\":\"2026-01-05\",\"end_date\":\"2026-01-16\"}")));
    assertEquals(List.of("project_id"), bad(createSprint(owner, NOT_A_UUID, sprintBody("P", "2026-01-05", "2026-01-16"))));
    assertEquals(List.of(), ids(listSprints(owner, project)), "no bad body may write anything");
  }

  @Test
  void endDateBeforeStartDateIs422NamingEndDate() {
    String project = api.env.seedProject(acme, "ORD");
    HandlerResponse backwards = createSprint(acme.owner(), project, sprintBody("Backwards", "2026-01-16", "2026-01-05"));
    backwards.assertStatus(422);
    assertEquals(List.of("end_date"), backwards.errorFields());
    assertTrue(backwards.dynamoCalls().isEmpty());
    assertEquals(List.of(), ids(listSprints(acme.owner(), project)));

    // On PATCH, a date sent alone is checked against the stored other date.
    String sprint = newSprint(project, "Forwards", "2026-01-05", "2026-01-16");
    for (String body : List.of("{\"end_date\":\"2026-01-04\"}", "{\"start_date\":\"2026-01-17\"}",
        "{\"start_date\":\"2026-02-10\",\"end_date\":\"2026-02-09\"}")) {
      HandlerResponse patched = patchSprint(acme.owner(), sprint, null, body);
      patched.assertStatus(422);
      assertEquals(List.of("end_date"), patched.errorFields(), body);
    }
    HandlerResponse after = getSprint(acme.owner(), sprint);
    assertEquals("2026-01-05", after.text("start_date"));
    assertEquals("2026-01-16", after.text("end_date"));
    assertEquals("\"1\"", after.header("ETag"));

    HandlerResponse moved = patchSprint(acme.owner(), sprint, null, "{\"start_date\":\"2026-01-16\"}");
    moved.assertStatus(200);
    assertEquals("2026-01-16", moved.text("start_date"));
  }

  @Test
  void idempotencyKeyReplaysTheSprintCreation() {
    String project = api.env.seedProject(acme, "IDEM");
    String body = sprintBody("Once", "2026-01-05", "2026-01-16");
    String key = UUID.randomUUID().toString();
    var event = HttpEvents.route("POST /v1/projects/{project_id}/sprints").pathParam("project_id", project)
        .claims(acme.member()).header("Idempotency-Key", key).body(body);
    HandlerResponse first = api.call(event.build());
    HandlerResponse again = api.call(event.build());
    first.assertStatus(201);
    assertEquals(List.of("GetItem", "TransactWriteItems"), first.dynamoCalls());
    again.assertStatus(201);
    assertEquals(first.text("id"), again.text("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(List.of("GetItem"), again.dynamoCalls());
    assertEquals(List.of(first.text("id")), ids(listSprints(acme.owner(), project)));

    HandlerResponse otherBody = api.call(HttpEvents.route("POST /v1/projects/{project_id}/sprints")
        .pathParam("project_id", project).claims(acme.member()).header("Idempotency-Key", key)
        .body(sprintBody("Twice", "2026-01-05", "2026-01-16")).build());
    otherBody.assertStatus(422);
    assertEquals(List.of("Idempotency-Key"), otherBody.errorFields());
  }

  @Test
  void sprintRoutesNeedATenantToken() {
    String project = api.env.seedProject(acme, "ANON");
    String sprint = newSprint(project, "Anonymous", "2026-01-05", "2026-01-16");
    for (HandlerResponse anonymous : List.of(
        createSprint(null, project, sprintBody("Anon", "2026-01-05", "2026-01-16")),
        listSprints(null, project),
        getSprint(null, sprint),
        patchSprint(null, sprint, null, "{\"name\":\"X\"}"),
        startSprint(null, sprint, null),
        completeSprint(null, sprint, null, null),
        deleteSprint(null, sprint, null))) {
      anonymous.assertStatus(401);
      assertTrue(anonymous.dynamoCalls().isEmpty());
    }
    assertEquals("\"1\"", getSprint(acme.owner(), sprint).header("ETag"));
  }

  // ---------------------------------------------------------------- GET /v1/projects/{project_id}/sprints

  @Test
  void listsAProjectsSprintsByStartDateInOneQuery() {
    String project = api.env.seedProject(acme, "LIST");
    String march = newSprint(project, "March", "2026-03-02", "2026-03-13");
    String january = newSprint(project, "January", "2026-01-05", "2026-01-16");
    String february = newSprint(project, "February", "2026-02-02", "2026-02-13");
    String elsewhere = newSprint(api.env.seedProject(acme, "LIST2"), "Elsewhere", "2026-01-01", "2026-01-02");

    for (var claims : List.of(acme.owner(), acme.member(), acme.viewer())) {
      HandlerResponse list = listSprints(claims, project);
      assertEquals(List.of(january, february, march), ids(list));
      assertEquals(List.of("Query"), list.dynamoCalls());
    }
    assertFalse(ids(listSprints(acme.owner(), project)).contains(elsewhere));
    // Another tenant's project is unknown here, just as a project id that does not exist.
    HandlerResponse foreign = listSprints(globex.owner(), project);
    assertEquals(404, foreign.status(), foreign.raw());
    assertEquals(List.of("Query", "GetItem"), foreign.dynamoCalls());
    assertEquals(404, listSprints(acme.owner(), UUID.randomUUID().toString()).status());

    // A new start date moves the sprint in the order.
    patchSprint(acme.owner(), march, null, "{\"start_date\":\"2025-12-29\"}").assertStatus(200);
    assertEquals(List.of(march, january, february), ids(listSprints(acme.owner(), project)));
  }

  @Test
  void statusFilterFollowsTheLifecycle() {
    String project = api.env.seedProject(acme, "STAT");
    String first = newSprint(project, "First", "2026-01-05", "2026-01-16");
    String second = newSprint(project, "Second", "2026-01-19", "2026-01-30");
    String third = newSprint(project, "Third", "2026-02-02", "2026-02-13");
    assertEquals(List.of(first, second, third), ids(listSprints(acme.owner(), project, "status", "planned")));

    startSprint(acme.owner(), first, null).assertStatus(200);
    patchSprint(acme.owner(), third, null, "{\"status\":\"cancelled\"}").assertStatus(200);
    HandlerResponse active = listSprints(acme.viewer(), project, "status", "active");
    assertEquals(List.of(first), ids(active));
    assertEquals(List.of("Query"), active.dynamoCalls());
    assertEquals(List.of(second), ids(listSprints(acme.owner(), project, "status", "planned")));
    assertEquals(List.of(third), ids(listSprints(acme.owner(), project, "status", "cancelled")));

    completeSprint(acme.owner(), first, null, null).assertStatus(200);
    assertEquals(List.of(), ids(listSprints(acme.owner(), project, "status", "active")));
    assertEquals(List.of(first), ids(listSprints(acme.owner(), project, "status", "completed")));
    assertEquals(List.of(first, second, third), ids(listSprints(acme.owner(), project)));
  }

  @Test
  void pagingWithLimitTwoReturnsEachSprintOnce() {
    String project = api.env.seedProject(acme, "PAGE");
    List<String> created = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      created.add(newSprint(project, "Page " + i, "2026-0" + i + "-01", "2026-0" + i + "-10"));
    }
    assertEquals(created, pageThrough(query -> listSprints(acme.owner(), project, query)));
    assertEquals(created, pageThrough(query -> listSprints(acme.owner(), project, query), "status", "planned"));
  }

  @Test
  void badStatusLimitOrCursorIs400NamingIt() {
    String project = api.env.seedProject(acme, "QRY");
    newSprint(project, "Q1", "2026-01-05", "2026-01-16");
    newSprint(project, "Q2", "2026-01-19", "2026-01-30");
    for (String status : List.of("done", "PLANNED", "")) {
      assertEquals(List.of("status"), bad(listSprints(acme.owner(), project, "status", status)), status);
    }
    for (String limit : List.of("0", "101", "ten")) {
      assertEquals(List.of("limit"), bad(listSprints(acme.owner(), project, "limit", limit)), limit);
    }
    assertEquals(List.of("cursor"), bad(listSprints(acme.owner(), project, "cursor", "not-a-cursor")));
    String cursor = listSprints(acme.owner(), project, "limit", "1").text("next_cursor");
    assertNotNull(cursor);
    // A cursor is bound to its tenant, project and filter.
    assertEquals(List.of("cursor"), bad(listSprints(globex.owner(), project, "cursor", cursor)));
    assertEquals(List.of("cursor"), bad(listSprints(acme.owner(), project, "status", "planned", "cursor", cursor)));
    assertEquals(List.of("cursor"), bad(listSprints(acme.owner(), api.env.seedProject(acme, "QRY2"), "cursor", cursor)));
    assertEquals(1, ids(listSprints(acme.owner(), project, "cursor", cursor)).size());
    assertEquals(List.of("project_id"), bad(listSprints(acme.owner(), NOT_A_UUID)));
  }

  // ---------------------------------------------------------------- GET /v1/sprints/{sprint_id}

  @Test
  void anotherTenantsOrUnknownSprintIsNotFoundOnEveryRoute() {
    String theirs = newSprintIn(globex, globex.projectId(), "Theirs", "2026-01-05", "2026-01-16");
    for (String sprint : List.of(theirs, UUID.randomUUID().toString())) {
      for (HandlerResponse missing : List.of(
          getSprint(acme.owner(), sprint),
          patchSprint(acme.owner(), sprint, null, "{\"name\":\"Ours\"}"),
          startSprint(acme.owner(), sprint, null),
          completeSprint(acme.owner(), sprint, null, null),
          deleteSprint(acme.owner(), sprint, null))) {
        missing.assertStatus(404);
        assertEquals(List.of("GetItem"), missing.dynamoCalls());
      }
    }
    HandlerResponse intact = getSprint(globex.owner(), theirs);
    assertEquals("Theirs", intact.text("name"));
    assertEquals("planned", intact.text("status"));
    assertEquals("\"1\"", intact.header("ETag"));
  }

  @Test
  void sprintIdMustBeAUuid() {
    assertEquals(List.of("sprint_id"), bad(getSprint(acme.owner(), NOT_A_UUID)));
    assertEquals(List.of("sprint_id"), bad(patchSprint(acme.owner(), NOT_A_UUID, null, "{\"name\":\"N\"}")));
    assertEquals(List.of("sprint_id"), bad(startSprint(acme.owner(), NOT_A_UUID, null)));
    assertEquals(List.of("sprint_id"), bad(completeSprint(acme.owner(), NOT_A_UUID, null, null)));
    assertEquals(List.of("sprint_id"), bad(deleteSprint(acme.owner(), NOT_A_UUID, null)));
  }

  // ---------------------------------------------------------------- PATCH /v1/sprints/{sprint_id}

  @Test
  void memberUpdatesSprintWithOptimisticLocking() {
    String project = api.env.seedProject(acme, "UPD");
    String sprint = newSprint(project, "Before", "2026-01-05", "2026-01-16");
    String etag = getSprint(acme.owner(), sprint).header("ETag");

    HandlerResponse updated = patchSprint(acme.member(), sprint, etag,
        "{\"name\":\"After\",\"goal\":\"New goal\",\"start_date\":\"2026-01-06\",\"end_date\":\"2026-01-20\"}");
    updated.assertStatus(200);
    assertEquals("After", updated.text("name"));
    assertEquals("New goal", updated.text("goal"));
    assertEquals("2026-01-06", updated.text("start_date"));
    assertEquals("2026-01-20", updated.text("end_date"));
    assertEquals("planned", updated.text("status"));
    assertEquals("\"2\"", updated.header("ETag"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), updated.dynamoCalls());
    JsonNode event = onlyEvent(api, sprint, "sprint.updated");
    assertEquals("Before", event.path("changes").path("name").path("old").asText());
    assertEquals("After", event.path("changes").path("name").path("new").asText());

    HandlerResponse stale = patchSprint(acme.owner(), sprint, etag, "{\"name\":\"Lost update\"}");
    stale.assertStatus(412);
    HandlerResponse after = getSprint(acme.owner(), sprint);
    assertEquals("After", after.text("name"), "a refused update must change nothing");
    assertEquals("\"2\"", after.header("ETag"));

    HandlerResponse cleared = patchSprint(acme.owner(), sprint, "\"2\"", "{\"goal\":null}");
    cleared.assertStatus(200);
    assertTrue(cleared.json().path("goal").isNull());
  }

  @Test
  void renamingFreesTheOldNameAndRefusesATakenOne() {
    String project = api.env.seedProject(acme, "REN");
    String sprint = newSprint(project, "Alpha", "2026-01-05", "2026-01-16");
    newSprint(project, "Beta", "2026-01-19", "2026-01-30");

    HandlerResponse taken = patchSprint(acme.owner(), sprint, null, "{\"name\":\"BETA\",\"goal\":\"g\"}");
    taken.assertStatus(409);
    assertEquals(List.of("name"), taken.errorFields());
    HandlerResponse unchanged = getSprint(acme.owner(), sprint);
    assertEquals("Alpha", unchanged.text("name"));
    assertTrue(unchanged.json().path("goal").isNull());

    // A change of case keeps the same sentinel.
    HandlerResponse recased = patchSprint(acme.owner(), sprint, null, "{\"name\":\"ALPHA\"}");
    recased.assertStatus(200);
    assertEquals("ALPHA", recased.text("name"));

    patchSprint(acme.owner(), sprint, null, "{\"name\":\"Gamma\"}").assertStatus(200);
    createSprint(acme.owner(), project, sprintBody("Alpha", "2026-02-02", "2026-02-13")).assertStatus(201);
    HandlerResponse gammaAgain = createSprint(acme.owner(), project, sprintBody("gamma", "2026-02-02", "2026-02-13"));
    gammaAgain.assertStatus(409);
    assertEquals(List.of("name"), gammaAgain.errorFields());
  }

  @Test
  void patchingStatusOnlyCancelsAPlannedSprint() {
    String project = api.env.seedProject(acme, "CAN");
    String planned = newSprint(project, "Planned", "2026-01-05", "2026-01-16");
    for (String status : List.of("active", "completed")) {
      HandlerResponse refused = patchSprint(acme.owner(), planned, null, "{\"status\":\"" + status + "\"}");
      refused.assertStatus(422);
      assertEquals(List.of("status"), refused.errorFields());
    }
    // Sending the current status changes nothing and is fine.
    HandlerResponse same = patchSprint(acme.owner(), planned, null, "{\"status\":\"planned\"}");
    same.assertStatus(200);
    assertEquals("\"1\"", same.header("ETag"));

    HandlerResponse cancelled = patchSprint(acme.owner(), planned, null, "{\"status\":\"cancelled\"}");
    cancelled.assertStatus(200);
    assertEquals("cancelled", cancelled.text("status"));
    HandlerResponse reopened = patchSprint(acme.owner(), planned, null, "{\"status\":\"planned\"}");
    reopened.assertStatus(422);
    assertEquals(List.of("status"), reopened.errorFields());

    String active = newSprint(project, "Active", "2026-01-19", "2026-01-30");
    startSprint(acme.owner(), active, null).assertStatus(200);
    HandlerResponse cancelActive = patchSprint(acme.owner(), active, null, "{\"status\":\"cancelled\",\"name\":\"X\"}");
    cancelActive.assertStatus(422);
    assertEquals(List.of("status"), cancelActive.errorFields());
    HandlerResponse stillActive = getSprint(acme.owner(), active);
    assertEquals("active", stillActive.text("status"));
    assertEquals("Active", stillActive.text("name"));
  }

  @Test
  void badSprintPatchesAre400NamingEachField() {
    String sprint = newSprint(api.env.seedProject(acme, "BADP"), "Patchable", "2026-01-05", "2026-01-16");
    var owner = acme.owner();
    assertEquals(List.of("body"), bad(patchSprint(owner, sprint, null, "{oops")));
    assertEquals(List.of("body"), bad(patchSprint(owner, sprint, null, "{}")));
    assertEquals(List.of("body"), bad(patchSprint(owner, sprint, null, "null")));
    assertEquals(List.of("name"), bad(patchSprint(owner, sprint, null, "{\"name\":null}")));
    assertEquals(List.of("name"), bad(patchSprint(owner, sprint, null, "{\"name\":\" \"}")));
    assertEquals(List.of("name"), bad(patchSprint(owner, sprint, null, "{\"name\":\"" + "n".repeat(256) + "\"}")));
    assertEquals(List.of("goal"), bad(patchSprint(owner, sprint, null, "{\"goal\":\"" + "g".repeat(10_001) + "\"}")));
    assertEquals(List.of("start_date"), bad(patchSprint(owner, sprint, null, "{\"start_date\":null}")));
    assertEquals(List.of("end_date"), bad(patchSprint(owner, sprint, null, "{\"end_date\":\"tomorrow\"}")));
    assertEquals(List.of("status"), bad(patchSprint(owner, sprint, null, "{\"status\":\"done\"}")));
    assertEquals(List.of("status"), bad(patchSprint(owner, sprint, null, "{\"status\":null}")));
    assertEquals(List.of("project_id"), bad(patchSprint(owner, sprint, null,
        "{\"project_id\":\"" + UUID.randomUUID() + "\"}")));
    assertEquals(List.of("completed_at"), bad(patchSprint(owner, sprint, null, "{\"completed_at\":null}")));
    assertEquals(List.of("If-Match"), bad(patchSprint(owner, sprint, "v1", "{\"name\":\"N\"}")));
    HandlerResponse after = getSprint(owner, sprint);
    assertEquals("\"1\"", after.header("ETag"), "a refused update must change nothing");
    assertEquals("Patchable", after.text("name"));
  }

  /**
   * Both PATCHes read version 1 and pass the {@code If-Match} check before either writes, so the
   * loser is stopped by the conditional write itself. See {@link WriteGate} for why the writes
   * reach moto one at a time.
   */
  @Test
  void concurrentPatchesWithSameIfMatchLetExactlyOneWin() throws Exception {
    String project = api.env.seedProject(acme, "RACE");
    for (int round = 0; round < 3; round++) {
      String sprint = newSprint(project, "Contested " + round, "2026-01-05", "2026-01-16");
      String etag = getSprint(acme.owner(), sprint).header("ETag");
      List<APIGatewayV2HTTPEvent> racers = new ArrayList<>();
      for (String name : List.of("Left " + round, "Right " + round)) {
        racers.add(HttpEvents.route("PATCH /v1/sprints/{sprint_id}").claims(acme.member())
            .pathParam("sprint_id", sprint).header("If-Match", etag).body("{\"name\":\"" + name + "\"}").build());
      }
      List<APIGatewayV2HTTPResponse> responses = race(api, racers);
      List<Integer> statuses = new ArrayList<>(responses.stream().map(APIGatewayV2HTTPResponse::getStatusCode).toList());
      statuses.sort(null);
      assertEquals(List.of(200, 412), statuses, "round " + round);
      String winner = PmApi.MAPPER.readTree(responses.stream().filter(r -> r.getStatusCode() == 200).findFirst()
          .orElseThrow().getBody()).path("name").asText();
      HandlerResponse after = getSprint(acme.owner(), sprint);
      assertEquals(winner, after.text("name"), "the winner's change must be the one stored");
      assertEquals("\"2\"", after.header("ETag"));
      // The loser claimed nothing: its name is still free.
      String loser = winner.startsWith("Left") ? "Right " + round : "Left " + round;
      createSprint(acme.owner(), project, sprintBody(loser, "2026-01-05", "2026-01-16")).assertStatus(201);
    }
  }

  // ---------------------------------------------------------------- POST /v1/sprints/{sprint_id}/start

  @Test
  void onlyOneSprintOfAProjectIsActiveAtATime() {
    String project = api.env.seedProject(acme, "ACT");
    String first = newSprint(project, "First", "2026-01-05", "2026-01-16");
    String second = newSprint(project, "Second", "2026-01-19", "2026-01-30");

    HandlerResponse started = startSprint(acme.member(), first, "\"1\"");
    started.assertStatus(200);
    assertEquals("active", started.text("status"));
    assertEquals("\"2\"", started.header("ETag"));
    assertTrue(started.json().path("completed_at").isNull());
    assertEquals(List.of("GetItem", "TransactWriteItems"), started.dynamoCalls());
    JsonNode event = onlyEvent(api, first, "sprint.started");
    assertEquals("planned", event.path("changes").path("status").path("old").asText());
    assertEquals("active", event.path("changes").path("status").path("new").asText());

    HandlerResponse blocked = startSprint(acme.member(), second, null);
    blocked.assertStatus(409);
    assertEquals(List.of("status"), blocked.errorFields());
    assertTrue(blocked.text("detail").contains("already has an active sprint"), blocked.raw());
    assertEquals("planned", getSprint(acme.owner(), second).text("status"));
    assertEquals(List.of(), events(api, second).stream()
        .filter(e -> e.path("action").asText().equals("sprint.started")).toList());

    // Another project's sprint starts regardless.
    String elsewhere = newSprint(api.env.seedProject(acme, "ACT2"), "Elsewhere", "2026-01-05", "2026-01-16");
    startSprint(acme.member(), elsewhere, null).assertStatus(200);

    completeSprint(acme.member(), first, null, null).assertStatus(200);
    HandlerResponse now = startSprint(acme.member(), second, null);
    now.assertStatus(200);
    assertEquals("active", now.text("status"));
  }

  @Test
  void startingASprintThatIsNotPlannedIs422() {
    String project = api.env.seedProject(acme, "NPL");
    String sprint = newSprint(project, "Once", "2026-01-05", "2026-01-16");
    startSprint(acme.owner(), sprint, null).assertStatus(200);
    HandlerResponse again = startSprint(acme.owner(), sprint, null);
    again.assertStatus(422);
    assertEquals(List.of("status"), again.errorFields());

    completeSprint(acme.owner(), sprint, null, null).assertStatus(200);
    HandlerResponse restart = startSprint(acme.owner(), sprint, null);
    restart.assertStatus(422);
    assertEquals(List.of("status"), restart.errorFields());
    assertEquals("completed", getSprint(acme.owner(), sprint).text("status"));

    String cancelled = newSprint(project, "Cancelled", "2026-01-19", "2026-01-30");
    patchSprint(acme.owner(), cancelled, null, "{\"status\":\"cancelled\"}").assertStatus(200);
    assertEquals(List.of("status"), unprocessable(startSprint(acme.owner(), cancelled, null)));
  }

  @Test
  void startAndCompleteWithStaleIfMatchAre412() {
    String sprint = newSprint(api.env.seedProject(acme, "STL"), "Stale", "2026-01-05", "2026-01-16");
    patchSprint(acme.owner(), sprint, null, "{\"goal\":\"moved on\"}").assertStatus(200);
    startSprint(acme.owner(), sprint, "\"1\"").assertStatus(412);
    assertEquals("planned", getSprint(acme.owner(), sprint).text("status"));
    startSprint(acme.owner(), sprint, "\"2\"").assertStatus(200);
    completeSprint(acme.owner(), sprint, "\"2\"", null).assertStatus(412);
    assertEquals("active", getSprint(acme.owner(), sprint).text("status"));
    completeSprint(acme.owner(), sprint, "\"3\"", null).assertStatus(200);
  }

  // ---------------------------------------------------------------- POST /v1/sprints/{sprint_id}/complete

  @Test
  void completingSendsOpenTasksToTheBacklogByDefault() {
    String project = api.env.seedProject(acme, "CMP");
    String sprint = newSprint(project, "Done soon", "2026-01-05", "2026-01-16");
    startSprint(acme.owner(), sprint, null).assertStatus(200);

    HandlerResponse completed = completeSprint(acme.member(), sprint, null, null);
    completed.assertStatus(200);
    assertEquals("completed", completed.text("status"));
    assertNotNull(completed.text("completed_at"));
    assertEquals(completed.text("updated_at"), completed.text("completed_at"));
    assertEquals("\"3\"", completed.header("ETag"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), completed.dynamoCalls());

    JsonNode changes = onlyEvent(api, sprint, "sprint.completed").path("changes");
    assertEquals(project, changes.path("project_id").path("new").asText());
    assertTrue(changes.has("move_open_tasks_to_sprint_id"));
    assertTrue(changes.path("move_open_tasks_to_sprint_id").path("new").isNull(), "null means the backlog");
    assertEquals("completed", changes.path("status").path("new").asText());

    // An empty JSON object and an explicit null say the same.
    for (String body : List.of("{}", "{\"move_open_tasks_to_sprint_id\":null}")) {
      String next = newSprint(project, "Next " + body.length(), "2026-01-19", "2026-01-30");
      startSprint(acme.owner(), next, null).assertStatus(200);
      completeSprint(acme.owner(), next, null, body).assertStatus(200);
    }
  }

  @Test
  void completingMovesOpenTasksToAnotherOpenSprintOfTheProject() {
    String project = api.env.seedProject(acme, "MOV");
    String sprint = newSprint(project, "Current", "2026-01-05", "2026-01-16");
    String next = newSprint(project, "Next", "2026-01-19", "2026-01-30");
    startSprint(acme.owner(), sprint, null).assertStatus(200);

    HandlerResponse completed = completeSprint(acme.owner(), sprint, null,
        "{\"move_open_tasks_to_sprint_id\":\"" + next + "\"}");
    completed.assertStatus(200);
    assertEquals(List.of("GetItem", "TransactWriteItems"), completed.dynamoCalls());
    JsonNode changes = onlyEvent(api, sprint, "sprint.completed").path("changes");
    assertEquals(next, changes.path("move_open_tasks_to_sprint_id").path("new").asText());
    assertEquals(project, changes.path("project_id").path("new").asText());
    // The target is only checked, never written.
    assertEquals("\"1\"", getSprint(acme.owner(), next).header("ETag"));
  }

  @Test
  void moveTargetMustBeAnotherOpenSprintOfTheSameProject() {
    String project = api.env.seedProject(acme, "TGT");
    String sprint = newSprint(project, "Completing", "2026-01-05", "2026-01-16");
    String closed = newSprint(project, "Closed", "2025-12-01", "2025-12-12");
    patchSprint(acme.owner(), closed, null, "{\"status\":\"cancelled\"}").assertStatus(200);
    String otherProject = newSprint(api.env.seedProject(acme, "TGT2"), "Other project", "2026-01-19", "2026-01-30");
    String otherTenant = newSprintIn(globex, globex.projectId(), "Other tenant", "2026-01-19", "2026-01-30");
    startSprint(acme.owner(), sprint, null).assertStatus(200);

    for (String target : List.of(otherProject, otherTenant, closed, sprint, UUID.randomUUID().toString())) {
      HandlerResponse refused = completeSprint(acme.owner(), sprint, null,
          "{\"move_open_tasks_to_sprint_id\":\"" + target + "\"}");
      refused.assertStatus(422);
      assertEquals(List.of("move_open_tasks_to_sprint_id"), refused.errorFields(), target);
    }
    HandlerResponse still = getSprint(acme.owner(), sprint);
    assertEquals("active", still.text("status"), "a refused completion must change nothing");
    assertTrue(still.json().path("completed_at").isNull());
    assertEquals("\"2\"", still.header("ETag"));
    // And the project's active slot is still taken.
    String waiting = newSprint(project, "Waiting", "2026-02-02", "2026-02-13");
    startSprint(acme.owner(), waiting, null).assertStatus(409);
    assertEquals(List.of(), events(api, sprint).stream()
        .filter(e -> e.path("action").asText().equals("sprint.completed")).toList());
  }

  @Test
  void completingASprintThatIsNotActiveIs422AndBadBodiesAre400() {
    String project = api.env.seedProject(acme, "NAC");
    String planned = newSprint(project, "Planned", "2026-01-05", "2026-01-16");
    assertEquals(List.of("status"), unprocessable(completeSprint(acme.owner(), planned, null, null)));
    assertEquals("planned", getSprint(acme.owner(), planned).text("status"));

    startSprint(acme.owner(), planned, null).assertStatus(200);
    assertEquals(List.of("move_open_tasks_to_sprint_id"), bad(completeSprint(acme.owner(), planned, null,
        "{\"move_open_tasks_to_sprint_id\":\"next one\"}")));
    assertEquals(List.of("move_open_tasks_to_sprint_id"), bad(completeSprint(acme.owner(), planned, null,
        "{\"move_open_tasks_to_sprint_id\":42}")));
    assertEquals(List.of("backlog"), bad(completeSprint(acme.owner(), planned, null, "{\"backlog\":true}")));
    assertEquals(List.of("body"), bad(completeSprint(acme.owner(), planned, null, "{")));
    assertEquals(List.of("body"), bad(completeSprint(acme.owner(), planned, null, "[]")));
    assertEquals("active", getSprint(acme.owner(), planned).text("status"));

    completeSprint(acme.owner(), planned, null, null).assertStatus(200);
    assertEquals(List.of("status"), unprocessable(completeSprint(acme.owner(), planned, null, null)));
  }

  // ---------------------------------------------------------------- DELETE /v1/sprints/{sprint_id}

  @Test
  void deletedSprintIsGoneAndFreesItsName() {
    String project = api.env.seedProject(acme, "DEL");
    HandlerResponse created = createSprint(acme.owner(), project, sprintBody("Doomed", "2026-01-05", "2026-01-16"));
    created.assertStatus(201);
    String sprint = created.text("id");
    String kept = newSprint(project, "Kept", "2026-01-19", "2026-01-30");

    HandlerResponse deleted = deleteSprint(acme.member(), sprint, created.header("ETag"));
    deleted.assertStatus(204);
    assertNull(deleted.json());
    assertEquals(List.of("GetItem", "TransactWriteItems"), deleted.dynamoCalls());

    getSprint(acme.owner(), sprint).assertStatus(404);
    deleteSprint(acme.owner(), sprint, null).assertStatus(404);
    assertEquals(List.of(kept), ids(listSprints(acme.owner(), project)));
    assertEquals(List.of(kept), ids(listSprints(acme.owner(), project, "status", "planned")));
    JsonNode changes = onlyEvent(api, sprint, "sprint.deleted").path("changes");
    assertEquals(project, changes.path("project_id").path("old").asText(), "the consumer finds the project here");
    assertEquals("Doomed", changes.path("name").path("old").asText());

    createSprint(acme.owner(), project, sprintBody("doomed", "2026-02-02", "2026-02-13")).assertStatus(201);
  }

  @Test
  void deletingTheActiveSprintFreesTheProjectsActiveSlot() {
    String project = api.env.seedProject(acme, "DACT");
    String active = newSprint(project, "Active", "2026-01-05", "2026-01-16");
    String next = newSprint(project, "Next", "2026-01-19", "2026-01-30");
    startSprint(acme.owner(), active, null).assertStatus(200);
    startSprint(acme.owner(), next, null).assertStatus(409);

    deleteSprint(acme.owner(), active, null).assertStatus(204);
    assertEquals(List.of(), ids(listSprints(acme.owner(), project, "status", "active")));
    startSprint(acme.owner(), next, null).assertStatus(200);
  }

  @Test
  void deleteWithStaleIfMatchIs412AndDeletesNothing() {
    String project = api.env.seedProject(acme, "DSTL");
    String sprint = newSprint(project, "Stale delete", "2026-01-05", "2026-01-16");
    patchSprint(acme.owner(), sprint, null, "{\"goal\":\"moved on\"}").assertStatus(200);

    HandlerResponse stale = deleteSprint(acme.owner(), sprint, "\"1\"");
    stale.assertStatus(412);
    assertEquals(List.of("GetItem"), stale.dynamoCalls());
    getSprint(acme.owner(), sprint).assertStatus(200);
    HandlerResponse clash = createSprint(acme.owner(), project, sprintBody("Stale delete", "2026-01-05", "2026-01-16"));
    clash.assertStatus(409);
    assertEquals(List.of("If-Match"), bad(deleteSprint(acme.owner(), sprint, "one")));
    deleteSprint(acme.owner(), sprint, "\"stale-etag\"").assertStatus(412);
  }

  // ---------------------------------------------------------------- helpers shared with MilestoneRoutesIT

  /** Every outbox event about {@code resourceId} (a test-only scan of this class's own table). */
  static List<JsonNode> events(PmApi api, String resourceId) {
    return api.env.outboxEvents().stream().filter(e -> resourceId.equals(e.path("resource_id").asText())).toList();
  }

  /** The one event of {@code action} about {@code resourceId}; exactly one must exist. */
  static JsonNode onlyEvent(PmApi api, String resourceId, String action) {
    List<JsonNode> matching = events(api, resourceId).stream()
        .filter(event -> action.equals(event.path("action").asText())).toList();
    assertEquals(1, matching.size(), action + " events of " + resourceId + ": " + matching);
    return matching.get(0);
  }

  /**
   * Sends two requests at once through a second handler whose writes wait until both have read,
   * then reach moto one at a time; every response must match the OpenAPI document.
   */
  static List<APIGatewayV2HTTPResponse> race(PmApi api, List<APIGatewayV2HTTPEvent> events) throws Exception {
    return WriteGate.race(interceptors -> new PmHandler(DaggerTestPmComponent.factory().create(api.env.appConfig(),
        interceptors)), events, events.size());
  }


  // ---------------------------------------------------------------- helpers

  private static String sprintBody(String name, String start, String end) {
    return "{\"name\":\"" + name + "\",\"start_date\":\"" + start + "\",\"end_date\":\"" + end + "\"}";
  }

  private String newSprint(String projectId, String name, String start, String end) {
    return newSprintIn(acme, projectId, name, start, end);
  }

  private String newSprintIn(SeededTenant tenant, String projectId, String name, String start, String end) {
    HandlerResponse created = createSprint(tenant.owner(), projectId, sprintBody(name, start, end));
    created.assertStatus(201);
    return created.text("id");
  }


  private HandlerResponse createSprint(Map<String, String> claims, String projectId, String body) {
    return api.call(withClaims(HttpEvents.route("POST /v1/projects/{project_id}/sprints")
        .pathParam("project_id", projectId).body(body), claims).build());
  }

  private HandlerResponse listSprints(Map<String, String> claims, String projectId, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/projects/{project_id}/sprints").pathParam("project_id", projectId),
        claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse getSprint(Map<String, String> claims, String sprintId) {
    return api.call(withClaims(HttpEvents.route("GET /v1/sprints/{sprint_id}").pathParam("sprint_id", sprintId),
        claims).build());
  }

  private HandlerResponse patchSprint(Map<String, String> claims, String sprintId, String ifMatch, String body) {
    return api.call(withIfMatch(withClaims(HttpEvents.route("PATCH /v1/sprints/{sprint_id}")
        .pathParam("sprint_id", sprintId).body(body), claims), ifMatch).build());
  }

  private HandlerResponse deleteSprint(Map<String, String> claims, String sprintId, String ifMatch) {
    return api.call(withIfMatch(withClaims(HttpEvents.route("DELETE /v1/sprints/{sprint_id}")
        .pathParam("sprint_id", sprintId), claims), ifMatch).build());
  }

  private HandlerResponse startSprint(Map<String, String> claims, String sprintId, String ifMatch) {
    return api.call(withIfMatch(withClaims(HttpEvents.route("POST /v1/sprints/{sprint_id}/start")
        .pathParam("sprint_id", sprintId), claims), ifMatch).build());
  }

  private HandlerResponse completeSprint(Map<String, String> claims, String sprintId, String ifMatch, String body) {
    var event = withClaims(HttpEvents.route("POST /v1/sprints/{sprint_id}/complete").pathParam("sprint_id", sprintId),
        claims);
    if (body != null) {
      event.body(body);
    }
    return api.call(withIfMatch(event, ifMatch).build());
  }

}
