package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.tenancy.TenancyApi.SeededTenant;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.OpenApiContract;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.WriteGate;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET|POST /v1/projects} and {@code GET|PATCH|DELETE /v1/projects/{project_id}} on moto.
 * Every role reads; owners, admins and members create; only admins and the project's owner change
 * or delete a project. The key is unique per tenant and immutable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectRoutesIT {

  private static final String NOT_A_UUID = "12345";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String KEY_CHARS = LETTERS + "0123456789";

  private TenancyApi api;
  private SeededTenant acme;
  private SeededTenant globex;
  private String acmeAdmin;
  private String acmeMember;
  private String acmeOtherMember;
  private String acmeViewer;
  private String globexMember;

  @BeforeAll
  void start() {
    api = new TenancyApi("projects");
    acme = api.seedTenant("Acme");
    globex = api.seedTenant("Globex");
    acmeAdmin = api.addUser(acme, "admin");
    acmeMember = api.addUser(acme, "member");
    acmeOtherMember = api.addUser(acme, "member");
    acmeViewer = api.addUser(acme, "viewer");
    globexMember = api.addUser(globex, "member");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- POST /v1/projects

  @Test
  void memberCreatesProjectOwnedByThemInOneTransaction() {
    String key = newKey();
    HandlerResponse created = createProject(member(), "{\"key\":\"" + key + "\",\"name\":\"Engine\","
        + "\"description\":\"The engine room\"}");

    assertEquals(201, created.status(), created.raw());
    String id = created.text("id");
    assertNotNull(id);
    assertEquals("/v1/projects/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals(key, created.text("key"));
    assertEquals("Engine", created.text("name"));
    assertEquals("The engine room", created.text("description"));
    assertEquals("active", created.text("status"));
    assertEquals(acmeMember, created.text("owner_id"));
    assertEquals(created.text("created_at"), created.text("updated_at"));
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());

    HandlerResponse read = getProject(viewer(), id);
    assertEquals(200, read.status(), read.raw());
    assertEquals(key, read.text("key"));
  }

  @Test
  void adminCreatesProjectForAnotherOwner() {
    HandlerResponse created = createProject(acme.as(acmeAdmin, "admin"),
        "{\"key\":\"" + newKey() + "\",\"name\":\"Delegated\",\"owner_id\":\"" + acmeMember + "\"}");
    assertEquals(201, created.status(), created.raw());
    assertEquals(acmeMember, created.text("owner_id"));
    assertTrue(created.json().path("description").isNull());
  }

  @Test
  void viewerCannotCreateProjects() {
    HandlerResponse denied = createProject(viewer(), "{\"key\":\"" + newKey() + "\",\"name\":\"Nope\"}");
    assertEquals(403, denied.status(), denied.raw());
    assertTrue(denied.dynamoCalls().isEmpty(), "a refused request must not touch the table");
    for (String role : List.of("billing", "auditor")) {
      String user = api.addUser(acme, role);
      assertEquals(403, createProject(acme.as(user, role),
          "{\"key\":\"" + newKey() + "\",\"name\":\"Nope\"}").status(), role);
    }
  }

  @Test
  void rejectsSecondProjectWithSameKeyInTenant() {
    String key = newKey();
    assertEquals(201, createProject(acme.owner(), "{\"key\":\"" + key + "\",\"name\":\"First\"}").status());

    HandlerResponse clash = createProject(member(), "{\"key\":\"" + key + "\",\"name\":\"Second\"}");
    assertEquals(409, clash.status(), clash.raw());
    assertEquals(List.of("key"), clash.errorFields());
  }

  @Test
  void sameProjectKeyInAnotherTenantIsFine() {
    String key = newKey();
    assertEquals(201, createProject(acme.owner(), "{\"key\":\"" + key + "\",\"name\":\"Acme's\"}").status());
    HandlerResponse other = createProject(globex.owner(), "{\"key\":\"" + key + "\",\"name\":\"Globex's\"}");
    assertEquals(201, other.status(), other.raw());
    assertEquals(key, other.text("key"));
  }

  @Test
  void ownerFromAnotherTenantIs422() {
    String key = newKey();
    HandlerResponse foreign = createProject(acme.owner(),
        "{\"key\":\"" + key + "\",\"name\":\"Foreign owner\",\"owner_id\":\"" + globexMember + "\"}");
    assertEquals(422, foreign.status(), foreign.raw());
    assertEquals(List.of("owner_id"), foreign.errorFields());

    HandlerResponse unknown = createProject(acme.owner(),
        "{\"key\":\"" + key + "\",\"name\":\"Ghost owner\",\"owner_id\":\"" + UUID.randomUUID() + "\"}");
    assertEquals(422, unknown.status(), unknown.raw());
    assertEquals(List.of("owner_id"), unknown.errorFields());

    // Nothing was written: the key is still free.
    assertEquals(201, createProject(acme.owner(), "{\"key\":\"" + key + "\",\"name\":\"Real\"}").status());
  }

  @Test
  void badProjectBodiesAre400NamingEachField() {
    var owner = acme.owner();
    String key = newKey();
    assertEquals(List.of("body"), bad(createProject(owner, "{\"key\":")));
    assertEquals(List.of("body"), bad(createProject(owner, "\"just a string\"")));
    assertEquals(Set.of("key", "name"), Set.copyOf(bad(createProject(owner, "{}"))));
    assertEquals(List.of("key"), bad(createProject(owner, "{\"key\":42,\"name\":\"N\"}")));
    assertEquals(List.of("key"), bad(createProject(owner, "{\"key\":\"eng\",\"name\":\"N\"}")));
    assertEquals(List.of("key"), bad(createProject(owner, "{\"key\":\"E\",\"name\":\"N\"}")));
    assertEquals(List.of("key"), bad(createProject(owner, "{\"key\":\"1ENG\",\"name\":\"N\"}")));
    assertEquals(List.of("key"), bad(createProject(owner, "{\"key\":\"EN-G\",\"name\":\"N\"}")));
    assertEquals(List.of("key"), bad(createProject(owner, "{\"key\":\"ABCDEFGHIJK\",\"name\":\"N\"}")));
    assertEquals(List.of("name"), bad(createProject(owner, "{\"key\":\"" + key + "\",\"name\":[1]}")));
    assertEquals(List.of("name"), bad(createProject(owner, "{\"key\":\"" + key + "\",\"name\":\"\"}")));
    assertEquals(List.of("name"), bad(createProject(owner,
        "{\"key\":\"" + key + "\",\"name\":\"" + "n".repeat(256) + "\"}")));
    assertEquals(List.of("description"), bad(createProject(owner,
        "{\"key\":\"" + key + "\",\"name\":\"N\",\"description\":\"" + "d".repeat(10_001) + "\"}")));
    assertEquals(List.of("owner_id"), bad(createProject(owner,
        "{\"key\":\"" + key + "\",\"name\":\"N\",\"owner_id\":\"not-a-uuid\"}")));
    assertEquals(List.of("owner_id"), bad(createProject(owner,
        "{\"key\":\"" + key + "\",\"name\":\"N\",\"owner_id\":7}")));
    // status is not chosen at creation: every project starts active.
    assertEquals(List.of("status"), bad(createProject(owner,
        "{\"key\":\"" + key + "\",\"name\":\"N\",\"status\":\"archived\"}")));
    assertEquals(List.of("budget"), bad(createProject(owner,
        "{\"key\":\"" + key + "\",\"name\":\"N\",\"budget\":100}")));
    // The key was never taken by any of these.
    assertEquals(201, createProject(owner, "{\"key\":\"" + key + "\",\"name\":\"N\"}").status());
  }

  @Test
  void longestAllowedKeyAndNameAreAccepted() {
    String key = "Z" + randomChars(KEY_CHARS, 9);
    HandlerResponse created = createProject(acme.owner(), "{\"key\":\"" + key + "\",\"name\":\"" + "n".repeat(255) + "\"}");
    assertEquals(201, created.status(), created.raw());
    assertEquals(10, created.text("key").length());
  }

  @Test
  void idempotencyKeyReplaysTheProjectCreation() {
    String body = "{\"key\":\"" + newKey() + "\",\"name\":\"Once\"}";
    String idempotencyKey = UUID.randomUUID().toString();
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/projects").claims(member())
        .header("Idempotency-Key", idempotencyKey).body(body).build());
    HandlerResponse again = api.call(HttpEvents.route("POST /v1/projects").claims(member())
        .header("Idempotency-Key", idempotencyKey).body(body).build());
    assertEquals(201, first.status(), first.raw());
    assertEquals(201, again.status(), again.raw());
    assertEquals(first.text("id"), again.text("id"));
    assertEquals(first.header("Location"), again.header("Location"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(List.of("GetItem"), again.dynamoCalls());
  }

  @Test
  void creatingProjectNeedsATenantToken() {
    HandlerResponse anonymous = createProject(null, "{\"key\":\"" + newKey() + "\",\"name\":\"Anon\"}");
    assertEquals(401, anonymous.status(), anonymous.raw());
    assertTrue(anonymous.dynamoCalls().isEmpty());
    assertEquals(401, createProject(HttpEvents.platformAdminClaims(TenancyApi.PLATFORM_ADMIN),
        "{\"key\":\"" + newKey() + "\",\"name\":\"Anon\"}").status());
  }

  // ---------------------------------------------------------------- GET /v1/projects

  @Test
  void listsProjectsOfTheCallersTenantOnlyInOneQuery() {
    String mine = newProject(acme, "Mine");
    String theirs = newProject(globex, "Theirs");

    for (var claims : List.of(acme.owner(), member(), viewer())) {
      List<String> ids = allProjectIds(claims);
      assertTrue(ids.contains(mine));
      assertFalse(ids.contains(theirs), "another tenant's project must not be listed");
    }
    assertFalse(allProjectIds(globex.owner()).contains(mine));
    assertTrue(allProjectIds(globex.owner()).contains(theirs));

    HandlerResponse page = listProjects(viewer());
    assertEquals(200, page.status());
    assertEquals(List.of("Query"), page.dynamoCalls());
    HandlerResponse filtered = listProjects(viewer(), "status", "active");
    assertEquals(200, filtered.status());
    assertEquals(List.of("Query"), filtered.dynamoCalls());
  }

  @Test
  void pagingProjectsWithLimitTwoReturnsEachProjectExactlyOnce() {
    SeededTenant paged = api.seedTenant("Paged Projects");
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(newProject(paged, "P" + i));
    }
    assertEquals(created, Set.copyOf(pageThrough(paged.owner())));
    assertEquals(created.size(), pageThrough(paged.owner()).size());

    // The same over the status index.
    assertEquals(created, Set.copyOf(pageThrough(paged.owner(), "status", "active")));
    assertEquals(created.size(), pageThrough(paged.owner(), "status", "active").size());
  }

  @Test
  void statusFilterListsActiveOrArchivedProjects() {
    SeededTenant filtered = api.seedTenant("Filtered Projects");
    String active = newProject(filtered, "Active");
    String archived = newProject(filtered, "Archived");
    HandlerResponse archiving = patchProject(filtered.owner(), archived, null, "{\"status\":\"archived\"}");
    assertEquals(200, archiving.status(), archiving.raw());
    assertEquals("archived", archiving.text("status"));

    assertEquals(List.of(active), ids(listProjects(filtered.owner(), "status", "active")));
    assertEquals(List.of(archived), ids(listProjects(filtered.owner(), "status", "archived")));
    assertEquals(List.of(active, archived), ids(listProjects(filtered.owner())));

    // And back again.
    assertEquals(200, patchProject(filtered.owner(), archived, null, "{\"status\":\"active\"}").status());
    assertEquals(List.of(), ids(listProjects(filtered.owner(), "status", "archived")));
    assertEquals(Set.of(active, archived), Set.copyOf(ids(listProjects(filtered.owner(), "status", "active"))));
  }

  @Test
  void badStatusLimitOrCursorIs400NamingIt() {
    for (String status : List.of("deleted", "ACTIVE", "")) {
      HandlerResponse bad = listProjects(acme.owner(), "status", status);
      assertEquals(400, bad.status(), "status=" + status + ": " + bad.raw());
      assertEquals(List.of("status"), bad.errorFields());
    }
    for (String limit : List.of("0", "101", "many", "1e2")) {
      HandlerResponse bad = listProjects(acme.owner(), "limit", limit);
      assertEquals(400, bad.status(), "limit=" + limit);
      assertEquals(List.of("limit"), bad.errorFields());
    }
    assertEquals(List.of("cursor"), bad(listProjects(acme.owner(), "cursor", "not.acursor")));

    newProject(acme, "Cursor A");
    newProject(acme, "Cursor B");
    String cursor = listProjects(acme.owner(), "limit", "1").text("next_cursor");
    assertNotNull(cursor);
    assertEquals(List.of("cursor"), bad(listProjects(acme.owner(), "cursor", TeamRoutesIT.tamper(cursor))));
    // A cursor is bound to its tenant and list: not valid in another tenant, nor for another filter.
    assertEquals(List.of("cursor"), bad(listProjects(globex.owner(), "cursor", cursor)));
    assertEquals(List.of("cursor"), bad(listProjects(acme.owner(), "status", "active", "cursor", cursor)));
    assertEquals(200, listProjects(acme.owner(), "cursor", cursor).status());
  }

  @Test
  void listingProjectsNeedsATenantToken() {
    HandlerResponse anonymous = listProjects(null);
    assertEquals(401, anonymous.status(), anonymous.raw());
    assertTrue(anonymous.dynamoCalls().isEmpty());
  }

  // ---------------------------------------------------------------- GET /v1/projects/{project_id}

  @Test
  void anyRoleReadsAProjectInOneGetItem() {
    String project = newProject(acme, "Readable");
    for (var claims : List.of(acme.owner(), member(), viewer())) {
      HandlerResponse read = getProject(claims, project);
      assertEquals(200, read.status(), read.raw());
      assertEquals(project, read.text("id"));
      assertEquals("\"1\"", read.header("ETag"));
      assertEquals(List.of("GetItem"), read.dynamoCalls());
    }
  }

  @Test
  void anotherTenantsProjectIsNotFound() {
    String theirs = newProject(globex, "Secret");
    HandlerResponse read = getProject(acme.owner(), theirs);
    assertEquals(404, read.status(), read.raw());
    assertEquals(404, getProject(acme.owner(), UUID.randomUUID().toString()).status());
  }

  @Test
  void gettingProjectNeedsUuidAndToken() {
    assertEquals(List.of("project_id"), bad(getProject(acme.owner(), NOT_A_UUID)));
    String project = newProject(acme, "Token");
    HandlerResponse anonymous = getProject(null, project);
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.dynamoCalls().isEmpty());
  }

  // ---------------------------------------------------------------- PATCH /v1/projects/{project_id}

  @Test
  void adminUpdatesProjectWithOptimisticLocking() {
    String project = newProject(acme, "Before");
    String etag = getProject(acme.owner(), project).header("ETag");

    HandlerResponse updated = patchProject(acme.as(acmeAdmin, "admin"), project, etag,
        "{\"name\":\"After\",\"description\":\"Changed\",\"owner_id\":\"" + acmeMember + "\"}");
    assertEquals(200, updated.status(), updated.raw());
    assertEquals("After", updated.text("name"));
    assertEquals("Changed", updated.text("description"));
    assertEquals(acmeMember, updated.text("owner_id"));
    assertEquals("\"2\"", updated.header("ETag"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), updated.dynamoCalls());

    HandlerResponse stale = patchProject(acme.owner(), project, etag, "{\"name\":\"Lost update\"}");
    assertEquals(412, stale.status(), stale.raw());
    HandlerResponse after = getProject(acme.owner(), project);
    assertEquals("After", after.text("name"), "a refused update must change nothing");
    assertEquals("\"2\"", after.header("ETag"));
  }

  @Test
  void projectKeyIsImmutable() {
    String project = newProject(acme, "Keyed");
    String key = getProject(acme.owner(), project).text("key");
    HandlerResponse rekey = patchProject(acme.owner(), project, null, "{\"key\":\"" + newKey() + "\"}");
    assertEquals(400, rekey.status(), rekey.raw());
    assertEquals(List.of("key"), rekey.errorFields());
    HandlerResponse sameKey = patchProject(acme.owner(), project, null, "{\"key\":\"" + key + "\",\"name\":\"N\"}");
    assertEquals(List.of("key"), bad(sameKey));
    assertEquals(key, getProject(acme.owner(), project).text("key"));
  }

  @Test
  void badProjectPatchesAre400NamingEachField() {
    String project = newProject(acme, "Patchable");
    var owner = acme.owner();
    assertEquals(List.of("body"), bad(patchProject(owner, project, null, "{oops}")));
    assertEquals(List.of("body"), bad(patchProject(owner, project, null, "{}")));
    assertEquals(List.of("body"), bad(patchProject(owner, project, null, "null")));
    assertEquals(List.of("name"), bad(patchProject(owner, project, null, "{\"name\":null}")));
    assertEquals(List.of("name"), bad(patchProject(owner, project, null, "{\"name\":{}}")));
    assertEquals(List.of("name"), bad(patchProject(owner, project, null, "{\"name\":\"" + "n".repeat(256) + "\"}")));
    assertEquals(List.of("description"), bad(patchProject(owner, project, null,
        "{\"description\":\"" + "d".repeat(10_001) + "\"}")));
    assertEquals(List.of("status"), bad(patchProject(owner, project, null, "{\"status\":\"deleted\"}")));
    assertEquals(List.of("status"), bad(patchProject(owner, project, null, "{\"status\":null}")));
    assertEquals(List.of("status"), bad(patchProject(owner, project, null, "{\"status\":1}")));
    assertEquals(List.of("owner_id"), bad(patchProject(owner, project, null, "{\"owner_id\":\"someone\"}")));
    assertEquals(List.of("owner_id"), bad(patchProject(owner, project, null, "{\"owner_id\":null}")));
    assertEquals(List.of("colour"), bad(patchProject(owner, project, null, "{\"colour\":\"blue\"}")));
    assertEquals(List.of("If-Match"), bad(patchProject(owner, project, "v1", "{\"name\":\"N\"}")));
    assertEquals(List.of("project_id"), bad(patchProject(owner, NOT_A_UUID, null, "{\"name\":\"N\"}")));
    assertEquals("\"1\"", getProject(owner, project).header("ETag"), "a refused update must change nothing");
  }

  @Test
  void changingOwnerToAnotherTenantsUserIs422() {
    String project = newProject(acme, "Owned");
    HandlerResponse foreign = patchProject(acme.owner(), project, null, "{\"owner_id\":\"" + globexMember + "\"}");
    assertEquals(422, foreign.status(), foreign.raw());
    assertEquals(List.of("owner_id"), foreign.errorFields());
    HandlerResponse ghost = patchProject(acme.owner(), project, null, "{\"owner_id\":\"" + UUID.randomUUID() + "\"}");
    assertEquals(422, ghost.status(), ghost.raw());

    HandlerResponse after = getProject(acme.owner(), project);
    assertEquals(acme.ownerId(), after.text("owner_id"));
    assertEquals("\"1\"", after.header("ETag"));
  }

  @Test
  void memberUpdatesOnlyProjectsTheyOwn() {
    String own = newProject(member(), "Member's own");
    HandlerResponse updated = patchProject(member(), own, null, "{\"description\":\"mine\"}");
    assertEquals(200, updated.status(), updated.raw());

    String others = newProject(acme, "Not the member's");
    HandlerResponse denied = patchProject(member(), others, null, "{\"description\":\"hijack\"}");
    assertEquals(403, denied.status(), denied.raw());
    HandlerResponse otherMember = patchProject(acme.as(acmeOtherMember, "member"), own, null, "{\"description\":\"x\"}");
    assertEquals(403, otherMember.status(), otherMember.raw());
    assertTrue(getProject(acme.owner(), others).json().path("description").isNull());
  }

  @Test
  void viewerCannotUpdateProjectsEvenTheyOwn() {
    String project = newProject(acme, "Viewer owned", acmeViewer);
    HandlerResponse denied = patchProject(viewer(), project, null, "{\"name\":\"Mine\"}");
    assertEquals(403, denied.status(), denied.raw());
    assertEquals("Viewer owned", getProject(viewer(), project).text("name"));
  }

  @Test
  void updatingAnotherTenantsProjectIsNotFound() {
    String theirs = newProject(globex, "Theirs to keep");
    HandlerResponse patched = patchProject(acme.owner(), theirs, null, "{\"name\":\"Ours\"}");
    assertEquals(404, patched.status(), patched.raw());
    assertEquals("Theirs to keep", getProject(globex.owner(), theirs).text("name"));
  }

  @Test
  void updatingProjectNeedsAToken() {
    String project = newProject(acme, "Anon patch");
    HandlerResponse anonymous = patchProject(null, project, null, "{\"name\":\"X\"}");
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.dynamoCalls().isEmpty());
  }

  /**
   * Both PATCHes read version 1 and pass the {@code If-Match} check before either writes, so the
   * loser is stopped by the conditional write itself, not by the in-memory check. The racers run
   * on a second handler whose DynamoDB client holds each write until both reads are done and then
   * lets the writes through one at a time: moto 5.x undoes a cancelled transaction by restoring a
   * snapshot of the whole table taken when it began, so two transactions overlapping inside moto
   * can erase the winner's write — a flaw of the emulator, not of DynamoDB.
   */
  @Test
  void concurrentPatchesWithSameIfMatchLetExactlyOneWin() throws Exception {
    WriteGate gate = new WriteGate();
    TenancyHandler racing = new TenancyHandler(
        DaggerTestTenancyComponent.factory().create(api.env.appConfig(), TestInterceptors.of(gate)));
    OpenApiContract contract = OpenApiContract.load();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        String project = newProject(acme, "Contested " + round);
        String etag = getProject(acme.owner(), project).header("ETag");
        gate.arm(2);
        List<Future<APIGatewayV2HTTPResponse>> racers = new ArrayList<>();
        for (String name : List.of("Left", "Right")) {
          var event = HttpEvents.route("PATCH /v1/projects/{project_id}").claims(acme.owner())
              .pathParam("project_id", project).header("If-Match", etag)
              .body("{\"name\":\"" + name + "\"}").build();
          racers.add(pool.submit(() -> racing.handleRequest(event, null)));
        }
        List<Integer> statuses = new ArrayList<>();
        String winner = null;
        for (Future<APIGatewayV2HTTPResponse> racer : racers) {
          APIGatewayV2HTTPResponse response = racer.get(30, TimeUnit.SECONDS);
          contract.assertResponse("PATCH /v1/projects/{project_id}", response);
          statuses.add(response.getStatusCode());
          if (response.getStatusCode() == 200) {
            winner = TenancyApi.MAPPER.readTree(response.getBody()).path("name").asText();
          }
        }
        gate.disarm();
        assertTrue(gate.allReadBeforeAnyWrite(), "the racers did not overlap");
        statuses.sort(null);
        assertEquals(List.of(200, 412), statuses, "round " + round);
        HandlerResponse after = getProject(acme.owner(), project);
        assertEquals(winner, after.text("name"), "the winner's change must be the one stored");
        assertEquals("\"2\"", after.header("ETag"));
      }
    } finally {
      gate.disarm();
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- DELETE /v1/projects/{project_id}

  @Test
  void deletedProjectVanishesAndKeepsItsKeyTaken() {
    SeededTenant tenant = api.seedTenant("Deleting Projects");
    String key = newKey();
    HandlerResponse created = createProject(tenant.owner(), "{\"key\":\"" + key + "\",\"name\":\"Doomed\"}");
    assertEquals(201, created.status(), created.raw());
    String project = created.text("id");
    String kept = newProject(tenant, "Kept");

    HandlerResponse deleted = deleteProject(tenant.owner(), project, created.header("ETag"));
    assertEquals(204, deleted.status(), deleted.raw());
    assertNull(deleted.json());
    assertEquals(List.of("GetItem", "TransactWriteItems"), deleted.dynamoCalls());

    assertEquals(404, getProject(tenant.owner(), project).status());
    assertEquals(List.of(kept), ids(listProjects(tenant.owner())));
    assertEquals(List.of(kept), ids(listProjects(tenant.owner(), "status", "active")));
    assertEquals(List.of(), ids(listProjects(tenant.owner(), "status", "archived")));
    assertEquals(404, patchProject(tenant.owner(), project, null, "{\"name\":\"Zombie\"}").status());
    assertEquals(404, deleteProject(tenant.owner(), project, null).status());

    HandlerResponse reuse = createProject(tenant.owner(), "{\"key\":\"" + key + "\",\"name\":\"Reborn\"}");
    assertEquals(409, reuse.status(), reuse.raw());
    assertEquals(List.of("key"), reuse.errorFields());
  }

  @Test
  void deletedArchivedProjectLeavesTheArchivedList() {
    SeededTenant tenant = api.seedTenant("Deleting Archived");
    String project = newProject(tenant, "Old");
    assertEquals(200, patchProject(tenant.owner(), project, null, "{\"status\":\"archived\"}").status());
    assertEquals(List.of(project), ids(listProjects(tenant.owner(), "status", "archived")));

    assertEquals(204, deleteProject(tenant.owner(), project, null).status());
    assertEquals(List.of(), ids(listProjects(tenant.owner(), "status", "archived")));
  }

  @Test
  void deleteWithStaleIfMatchIs412() {
    String project = newProject(acme, "Stale delete");
    String etag = getProject(acme.owner(), project).header("ETag");
    assertEquals(200, patchProject(acme.owner(), project, null, "{\"name\":\"Moved on\"}").status());

    HandlerResponse stale = deleteProject(acme.owner(), project, etag);
    assertEquals(412, stale.status(), stale.raw());
    assertEquals(200, getProject(acme.owner(), project).status(), "a refused delete must delete nothing");
  }

  @Test
  void onlyAdminsAndTheOwnerDeleteProjects() {
    String own = newProject(member(), "Member deletes");
    String others = newProject(acme, "Admin's");
    String viewers = newProject(acme, "Viewer's", acmeViewer);

    assertEquals(403, deleteProject(member(), others, null).status());
    assertEquals(403, deleteProject(acme.as(acmeOtherMember, "member"), own, null).status());
    assertEquals(403, deleteProject(viewer(), viewers, null).status());
    assertEquals(200, getProject(acme.owner(), others).status());
    assertEquals(200, getProject(acme.owner(), viewers).status());

    assertEquals(204, deleteProject(member(), own, null).status());
    assertEquals(204, deleteProject(acme.as(acmeAdmin, "admin"), others, null).status());
  }

  @Test
  void deletingAnotherTenantsProjectIsNotFound() {
    String theirs = newProject(globex, "Survivor");
    assertEquals(404, deleteProject(acme.owner(), theirs, null).status());
    assertEquals(200, getProject(globex.owner(), theirs).status());
  }

  @Test
  void deletingProjectNeedsUuidAndToken() {
    assertEquals(List.of("project_id"), bad(deleteProject(acme.owner(), NOT_A_UUID, null)));
    String project = newProject(acme, "Anon delete");
    assertEquals(List.of("If-Match"), bad(deleteProject(acme.owner(), project, "one")));
    assertEquals(412, deleteProject(acme.owner(), project, "\"stale-etag\"").status());
    HandlerResponse anonymous = deleteProject(null, project, null);
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.dynamoCalls().isEmpty());
    assertEquals(200, getProject(acme.owner(), project).status());
  }

  // ---------------------------------------------------------------- helpers

  private Map<String, String> member() {
    return acme.as(acmeMember, "member");
  }

  private Map<String, String> viewer() {
    return acme.as(acmeViewer, "viewer");
  }

  /** A fresh valid key: a letter, then up to nine letters or digits. */
  private static String newKey() {
    return randomChars(LETTERS, 1) + randomChars(KEY_CHARS, 7);
  }

  private static String randomChars(String alphabet, int length) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < length; i++) {
      key.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return key.toString();
  }

  private static List<String> bad(HandlerResponse response) {
    assertEquals(400, response.status(), response.raw());
    return response.errorFields();
  }

  private static List<String> ids(HandlerResponse list) {
    assertEquals(200, list.status(), list.raw());
    List<String> ids = new ArrayList<>();
    list.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private String newProject(SeededTenant tenant, String name) {
    return newProject(tenant.owner(), name);
  }

  private String newProject(SeededTenant tenant, String name, String ownerId) {
    HandlerResponse created = createProject(tenant.owner(),
        "{\"key\":\"" + newKey() + "\",\"name\":\"" + name + "\",\"owner_id\":\"" + ownerId + "\"}");
    assertEquals(201, created.status(), created.raw());
    return created.text("id");
  }

  private String newProject(Map<String, String> claims, String name) {
    HandlerResponse created = createProject(claims, "{\"key\":\"" + newKey() + "\",\"name\":\"" + name + "\"}");
    assertEquals(201, created.status(), created.raw());
    return created.text("id");
  }

  /** Follows next_cursor with limit=2 to the end; every page is one Query. */
  private List<String> pageThrough(Map<String, String> claims, String... filter) {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 10; pages++) {
      List<String> query = new ArrayList<>(List.of(filter));
      query.addAll(List.of("limit", "2"));
      if (cursor != null) {
        query.addAll(List.of("cursor", cursor));
      }
      HandlerResponse page = listProjects(claims, query.toArray(String[]::new));
      assertEquals(200, page.status(), page.raw());
      assertEquals(List.of("Query"), page.dynamoCalls());
      assertTrue(page.json().path("items").size() <= 2, page.raw());
      seen.addAll(ids(page));
      cursor = page.json().path("next_cursor").isNull() ? null : page.text("next_cursor");
      if (cursor == null) {
        return seen;
      }
    }
    throw new AssertionError("paging did not end: " + seen);
  }

  private List<String> allProjectIds(Map<String, String> claims) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      HandlerResponse page = cursor == null ? listProjects(claims, "limit", "100")
          : listProjects(claims, "limit", "100", "cursor", cursor);
      ids.addAll(ids(page));
      cursor = page.json().path("next_cursor").isNull() ? null : page.text("next_cursor");
    } while (cursor != null);
    return ids;
  }

  private HandlerResponse createProject(Map<String, String> claims, String body) {
    return api.call(withClaims(HttpEvents.route("POST /v1/projects").body(body), claims).build());
  }

  private HandlerResponse listProjects(Map<String, String> claims, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/projects"), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse getProject(Map<String, String> claims, String projectId) {
    return api.call(withClaims(HttpEvents.route("GET /v1/projects/{project_id}").pathParam("project_id", projectId),
        claims).build());
  }

  private HandlerResponse patchProject(Map<String, String> claims, String projectId, String ifMatch, String body) {
    var event = withClaims(HttpEvents.route("PATCH /v1/projects/{project_id}").pathParam("project_id", projectId)
        .body(body), claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private HandlerResponse deleteProject(Map<String, String> claims, String projectId, String ifMatch) {
    var event = withClaims(HttpEvents.route("DELETE /v1/projects/{project_id}").pathParam("project_id", projectId),
        claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private static HttpEvents.Builder withClaims(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }

}
