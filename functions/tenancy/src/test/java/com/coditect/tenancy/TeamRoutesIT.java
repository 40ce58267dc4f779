package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.tenancy.TenancyApi.SeededTenant;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET|POST /v1/teams}, {@code GET|PATCH|DELETE /v1/teams/{team_id}} and
 * {@code PUT|DELETE /v1/teams/{team_id}/members/{user_id}} on moto. Reads are open to every role of
 * the tenant; writes need an owner or admin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamRoutesIT {

  private static final String NOT_A_UUID = "not-a-uuid";

  private TenancyApi api;
  private SeededTenant acme;
  private SeededTenant globex;
  private String acmeAdmin;
  private String acmeMember;
  private String acmeViewer;
  private String globexMember;

  @BeforeAll
  void start() {
    api = new TenancyApi("teams");
    acme = api.seedTenant("Acme");
    globex = api.seedTenant("Globex");
    acmeAdmin = api.addUser(acme, "admin");
    acmeMember = api.addUser(acme, "member");
    acmeViewer = api.addUser(acme, "viewer");
    globexMember = api.addUser(globex, "member");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- POST /v1/teams

  @Test
  void ownerCreatesTeamInOneTransactionWithLocationAndEtag() {
    String name = unique("Platform");
    HandlerResponse created = createTeam(acme.owner(), "{\"name\":\"" + name + "\",\"description\":\"Runs the platform\"}");

    assertEquals(201, created.status(), created.raw());
    String id = created.text("id");
    assertNotNull(id);
    assertEquals("/v1/teams/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals(name, created.text("name"));
    assertEquals("Runs the platform", created.text("description"));
    assertNotNull(created.text("created_at"));
    assertEquals(created.text("created_at"), created.text("updated_at"));
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());

    HandlerResponse read = getTeam(acme.owner(), id);
    assertEquals(200, read.status(), read.raw());
    assertEquals(name, read.text("name"));
    assertEquals("\"1\"", read.header("ETag"));
  }

  @Test
  void adminCreatesTeamWithoutDescription() {
    HandlerResponse created = createTeam(acme.as(acmeAdmin, "admin"), "{\"name\":\"" + unique("Ops") + "\"}");
    assertEquals(201, created.status(), created.raw());
    assertTrue(created.json().path("description").isNull(), created.raw());
  }

  @Test
  void membersAndViewersCannotCreateTeams() {
    for (Map<String, String> claims : List.of(acme.as(acmeMember, "member"), acme.as(acmeViewer, "viewer"))) {
      HandlerResponse denied = createTeam(claims, "{\"name\":\"" + unique("Denied") + "\"}");
      assertEquals(403, denied.status(), denied.raw());
      assertTrue(denied.dynamoCalls().isEmpty(), "a refused request must not touch the table");
    }
  }

  @Test
  void rejectsSecondTeamWithSameNameInTenant() {
    String name = unique("Design");
    assertEquals(201, createTeam(acme.owner(), "{\"name\":\"" + name + "\"}").status());

    HandlerResponse clash = createTeam(acme.owner(), "{\"name\":\"" + name + "\"}");
    assertEquals(409, clash.status(), clash.raw());
    assertEquals(List.of("name"), clash.errorFields());
  }

  @Test
  void rejectsTeamNameThatDiffersOnlyInLetterCase() {
    String name = unique("Finance");
    assertEquals(201, createTeam(acme.owner(), "{\"name\":\"" + name + "\"}").status());

    HandlerResponse clash = createTeam(acme.owner(), "{\"name\":\"" + name.toUpperCase() + "\"}");
    assertEquals(409, clash.status(), clash.raw());
    assertEquals(List.of("name"), clash.errorFields());
  }

  @Test
  void sameTeamNameInAnotherTenantIsFine() {
    String name = unique("Shared Name");
    assertEquals(201, createTeam(acme.owner(), "{\"name\":\"" + name + "\"}").status());
    HandlerResponse other = createTeam(globex.owner(), "{\"name\":\"" + name + "\"}");
    assertEquals(201, other.status(), other.raw());
  }

  @Test
  void badTeamBodiesAre400NamingEachField() {
    var owner = acme.owner();
    assertEquals(List.of("body"), bad(createTeam(owner, "{not json")));
    assertEquals(List.of("body"), bad(createTeam(owner, "[\"name\"]")));
    assertEquals(List.of("name"), bad(createTeam(owner, "{}")));
    assertEquals(List.of("name"), bad(createTeam(owner, "{\"name\":42}")));
    assertEquals(List.of("name"), bad(createTeam(owner, "{\"name\":\"   \"}")));
    assertEquals(List.of("name"), bad(createTeam(owner, "{\"name\":\"" + "x".repeat(256) + "\"}")));
    assertEquals(List.of("description"), bad(createTeam(owner,
        "{\"name\":\"" + unique("Long") + "\",\"description\":\"" + "d".repeat(10_001) + "\"}")));
    assertEquals(List.of("description"), bad(createTeam(owner,
        "{\"name\":\"" + unique("Typed") + "\",\"description\":[]}")));
    assertEquals(List.of("colour"), bad(createTeam(owner,
        "{\"name\":\"" + unique("Unknown") + "\",\"colour\":\"red\"}")));
    // Every problem at once, not only the first.
    assertEquals(Set.of("name", "description", "colour"), Set.copyOf(bad(createTeam(owner,
        "{\"name\":7,\"description\":false,\"colour\":\"red\"}"))));
  }

  @Test
  void longestAllowedTeamNameIsAccepted() {
    String name = "n".repeat(247) + UUID.randomUUID().toString().substring(0, 8);
    HandlerResponse created = createTeam(acme.owner(), "{\"name\":\"" + name + "\"}");
    assertEquals(201, created.status(), created.raw());
    assertEquals(255, created.text("name").length());
  }

  @Test
  void idempotencyKeyReplaysTheTeamCreation() {
    String body = "{\"name\":\"" + unique("Replayed") + "\"}";
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/teams").claims(acme.owner())
        .header("Idempotency-Key", "team-" + UUID.randomUUID()).body(body).build());
    assertEquals(201, first.status(), first.raw());
    String key = UUID.randomUUID().toString();
    HandlerResponse a = api.call(HttpEvents.route("POST /v1/teams").claims(acme.owner())
        .header("Idempotency-Key", key).body(body.replace("Replayed", "Again")).build());
    HandlerResponse b = api.call(HttpEvents.route("POST /v1/teams").claims(acme.owner())
        .header("Idempotency-Key", key).body(body.replace("Replayed", "Again")).build());
    assertEquals(201, a.status(), a.raw());
    assertEquals(201, b.status(), b.raw());
    assertEquals(a.text("id"), b.text("id"));
    assertEquals(a.header("Location"), b.header("Location"));
    assertEquals("true", b.header("Idempotent-Replayed"));
    assertEquals(List.of("GetItem"), b.dynamoCalls());
  }

  @Test
  void anIdempotencyRecordPastItsExpiryNoLongerHoldsItsKey() throws Exception {
    String key = UUID.randomUUID().toString();
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/teams").claims(acme.owner())
        .header("Idempotency-Key", key).body("{\"name\":\"" + unique("Long ago") + "\"}").build());
    assertEquals(201, first.status(), first.raw());
    // DynamoDB deletes an expired item up to days late (moto never): the record is still there.
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest((acme.ownerId() + "\n" + key).getBytes(StandardCharsets.UTF_8)));
    api.env.dynamoDb().updateItem(b -> b.tableName(api.env.tableName())
        .key(Map.of("PK", AttributeValue.fromS("T#" + acme.id() + "#IDEMPOTENCY#" + digest),
            "SK", AttributeValue.fromS("IDEMPOTENCY")))
        .conditionExpression("attribute_exists(PK)")
        .updateExpression("SET #ttl = :past")
        .expressionAttributeNames(Map.of("#ttl", "ttl"))
        .expressionAttributeValues(Map.of(":past", AttributeValue.fromN("1000"))));

    String again = "{\"name\":\"" + unique("Today") + "\"}";
    HandlerResponse fresh = api.call(HttpEvents.route("POST /v1/teams").claims(acme.owner())
        .header("Idempotency-Key", key).body(again).build());
    assertEquals(201, fresh.status(), fresh.raw());
    assertNull(fresh.header("Idempotent-Replayed"));
    assertFalse(first.text("id").equals(fresh.text("id")), "a new team, not the expired response");

    HandlerResponse replayed = api.call(HttpEvents.route("POST /v1/teams").claims(acme.owner())
        .header("Idempotency-Key", key).body(again).build());
    assertEquals("true", replayed.header("Idempotent-Replayed"));
    assertEquals(fresh.text("id"), replayed.text("id"));
  }

  @Test
  void creatingTeamNeedsATenantToken() {
    HandlerResponse anonymous = createTeam(null, "{\"name\":\"" + unique("Anon") + "\"}");
    assertEquals(401, anonymous.status(), anonymous.raw());
    assertTrue(anonymous.dynamoCalls().isEmpty());
    HandlerResponse platformAdmin = createTeam(HttpEvents.platformAdminClaims(TenancyApi.PLATFORM_ADMIN),
        "{\"name\":\"" + unique("Anon") + "\"}");
    assertEquals(401, platformAdmin.status(), platformAdmin.raw());
  }

  // ---------------------------------------------------------------- GET /v1/teams

  @Test
  void listsTeamsOfTheCallersTenantOnlyInOneQuery() {
    String mine = newTeam(acme, unique("Listed"));
    String theirs = newTeam(globex, unique("Hidden"));

    for (Map<String, String> claims : List.of(acme.owner(), acme.as(acmeMember, "member"),
        acme.as(acmeViewer, "viewer"))) {
      List<String> ids = allTeamIds(claims);
      assertTrue(ids.contains(mine), "own team missing for " + claims);
      assertFalse(ids.contains(theirs), "another tenant's team must not be listed");
    }
    HandlerResponse page = listTeams(acme.owner());
    assertEquals(200, page.status(), page.raw());
    assertEquals(List.of("Query"), page.dynamoCalls());

    assertFalse(allTeamIds(globex.owner()).contains(mine));
    assertTrue(allTeamIds(globex.owner()).contains(theirs));
  }

  @Test
  void billingAndAuditorRolesCanReadTeams() {
    String team = newTeam(acme, unique("Readable"));
    for (String role : List.of("billing", "auditor")) {
      String user = api.addUser(acme, role);
      assertEquals(200, listTeams(acme.as(user, role)).status());
      assertEquals(200, getTeam(acme.as(user, role), team).status());
    }
  }

  @Test
  void pagingTeamsWithLimitTwoReturnsEachTeamExactlyOnce() {
    SeededTenant paged = api.seedTenant("Paged Teams");
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(newTeam(paged, "Team " + i));
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 10; pages++) {
      HandlerResponse page = cursor == null
          ? listTeams(paged.owner(), "limit", "2")
          : listTeams(paged.owner(), "limit", "2", "cursor", cursor);
      assertEquals(200, page.status(), page.raw());
      assertEquals(List.of("Query"), page.dynamoCalls());
      assertTrue(page.json().path("items").size() <= 2, page.raw());
      page.json().path("items").forEach(item -> seen.add(item.path("id").asText()));
      cursor = page.json().path("next_cursor").isNull() ? null : page.text("next_cursor");
      if (cursor == null) {
        break;
      }
    }
    assertNull(cursor, "paging did not end");
    assertEquals(created.size(), seen.size(), "duplicates or gaps: " + seen);
    assertEquals(created, Set.copyOf(seen));
  }

  @Test
  void badLimitOrCursorIs400NamingIt() {
    for (String limit : List.of("0", "101", "-1", "ten", "2.5")) {
      HandlerResponse bad = listTeams(acme.owner(), "limit", limit);
      assertEquals(400, bad.status(), "limit=" + limit);
      assertEquals(List.of("limit"), bad.errorFields());
    }
    assertEquals(List.of("cursor"), bad(listTeams(acme.owner(), "cursor", "garbage")));

    newTeam(acme, unique("Cursor A"));
    newTeam(acme, unique("Cursor B"));
    String cursor = listTeams(acme.owner(), "limit", "1").text("next_cursor");
    assertNotNull(cursor);
    assertEquals(List.of("cursor"), bad(listTeams(acme.owner(), "cursor", tamper(cursor))));
    // A cursor is bound to its tenant: replaying acme's cursor in globex is refused, not trusted.
    assertEquals(List.of("cursor"), bad(listTeams(globex.owner(), "cursor", cursor)));
    assertEquals(200, listTeams(acme.owner(), "cursor", cursor).status());
  }

  @Test
  void listingTeamsNeedsATenantToken() {
    HandlerResponse anonymous = listTeams(null);
    assertEquals(401, anonymous.status(), anonymous.raw());
    assertTrue(anonymous.dynamoCalls().isEmpty());
  }

  // ---------------------------------------------------------------- GET /v1/teams/{team_id}

  @Test
  void getsTeamWithItsMembersInOneQuery() {
    String team = newTeam(acme, unique("With Members"));
    assertEquals(200, putMember(acme.owner(), team, acmeMember).status());
    assertEquals(200, putMember(acme.owner(), team, acmeViewer).status());

    HandlerResponse read = getTeam(acme.as(acmeViewer, "viewer"), team);
    assertEquals(200, read.status(), read.raw());
    assertEquals(List.of("Query"), read.dynamoCalls());
    assertEquals(team, read.text("id"));
    assertNotNull(read.header("ETag"));
    Set<String> members = new HashSet<>();
    for (JsonNode member : read.json().path("members")) {
      assertEquals(team, member.path("team_id").asText());
      assertNotNull(member.path("added_at").asText(null));
      members.add(member.path("user_id").asText());
    }
    assertEquals(Set.of(acmeMember, acmeViewer), members);
  }

  @Test
  void newTeamHasNoMembers() {
    String team = newTeam(acme, unique("Empty"));
    HandlerResponse read = getTeam(acme.owner(), team);
    assertEquals(200, read.status());
    assertTrue(read.json().path("members").isArray());
    assertEquals(0, read.json().path("members").size());
  }

  @Test
  void anotherTenantsTeamIsNotFound() {
    String theirs = newTeam(globex, unique("Theirs"));
    HandlerResponse read = getTeam(acme.owner(), theirs);
    assertEquals(404, read.status(), read.raw());
    assertEquals(404, getTeam(acme.owner(), UUID.randomUUID().toString()).status());
  }

  @Test
  void gettingTeamNeedsUuidAndToken() {
    assertEquals(List.of("team_id"), bad(getTeam(acme.owner(), NOT_A_UUID)));
    String team = newTeam(acme, unique("Token"));
    HandlerResponse anonymous = getTeam(null, team);
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.dynamoCalls().isEmpty());
  }

  // ---------------------------------------------------------------- PATCH /v1/teams/{team_id}

  @Test
  void adminUpdatesTeamWithOptimisticLocking() {
    String team = newTeam(acme, unique("Locked"));
    String etag = getTeam(acme.owner(), team).header("ETag");

    String name = unique("Renamed");
    HandlerResponse updated = patchTeam(acme.as(acmeAdmin, "admin"), team, etag,
        "{\"name\":\"" + name + "\",\"description\":\"new\"}");
    assertEquals(200, updated.status(), updated.raw());
    assertEquals(name, updated.text("name"));
    assertEquals("new", updated.text("description"));
    assertEquals("\"2\"", updated.header("ETag"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), updated.dynamoCalls());

    HandlerResponse stale = patchTeam(acme.owner(), team, etag, "{\"description\":\"lost update\"}");
    assertEquals(412, stale.status(), stale.raw());
    HandlerResponse after = getTeam(acme.owner(), team);
    assertEquals("new", after.text("description"), "a refused update must change nothing");
    assertEquals("\"2\"", after.header("ETag"));
  }

  @Test
  void patchWithoutIfMatchUpdatesAndCanClearDescription() {
    String team = newTeam(acme, unique("Described"));
    HandlerResponse cleared = patchTeam(acme.owner(), team, null, "{\"description\":null}");
    assertEquals(200, cleared.status(), cleared.raw());
    assertTrue(cleared.json().path("description").isNull());
  }

  @Test
  void renamedTeamFreesItsOldName() {
    String oldName = unique("Before");
    String newName = unique("After");
    String team = newTeam(acme, oldName);

    assertEquals(200, patchTeam(acme.owner(), team, null, "{\"name\":\"" + newName + "\"}").status());

    HandlerResponse reuse = createTeam(acme.owner(), "{\"name\":\"" + oldName + "\"}");
    assertEquals(201, reuse.status(), reuse.raw());
    HandlerResponse clash = createTeam(acme.owner(), "{\"name\":\"" + newName + "\"}");
    assertEquals(409, clash.status(), clash.raw());
    assertEquals(List.of("name"), clash.errorFields());
  }

  @Test
  void renamingOnlyTheLetterCaseKeepsTheName() {
    String name = unique("casey");
    String team = newTeam(acme, name);
    HandlerResponse renamed = patchTeam(acme.owner(), team, null, "{\"name\":\"" + name.toUpperCase() + "\"}");
    assertEquals(200, renamed.status(), renamed.raw());
    assertEquals(name.toUpperCase(), renamed.text("name"));

    HandlerResponse clash = createTeam(acme.owner(), "{\"name\":\"" + name + "\"}");
    assertEquals(409, clash.status(), "the team still holds its name: " + clash.raw());
  }

  @Test
  void rejectsRenameToAnotherTeamsName() {
    String taken = unique("Taken");
    newTeam(acme, taken);
    String mine = unique("Mine");
    String team = newTeam(acme, mine);

    HandlerResponse clash = patchTeam(acme.owner(), team, null, "{\"name\":\"" + taken.toLowerCase() + "\"}");
    assertEquals(409, clash.status(), clash.raw());
    assertEquals(List.of("name"), clash.errorFields());
    HandlerResponse after = getTeam(acme.owner(), team);
    assertEquals(mine, after.text("name"));
    assertEquals("\"1\"", after.header("ETag"));
  }

  @Test
  void badTeamPatchesAre400NamingEachField() {
    String team = newTeam(acme, unique("Patchable"));
    var owner = acme.owner();
    assertEquals(List.of("body"), bad(patchTeam(owner, team, null, "{\"name\":")));
    assertEquals(List.of("body"), bad(patchTeam(owner, team, null, "{}")));
    assertEquals(List.of("name"), bad(patchTeam(owner, team, null, "{\"name\":null}")));
    assertEquals(List.of("name"), bad(patchTeam(owner, team, null, "{\"name\":true}")));
    assertEquals(List.of("name"), bad(patchTeam(owner, team, null, "{\"name\":\"" + "x".repeat(256) + "\"}")));
    assertEquals(List.of("description"), bad(patchTeam(owner, team, null,
        "{\"description\":\"" + "d".repeat(10_001) + "\"}")));
    assertEquals(List.of("members"), bad(patchTeam(owner, team, null, "{\"members\":[]}")));
    assertEquals(List.of("If-Match"), bad(patchTeam(owner, team, "banana", "{\"description\":\"x\"}")));
    assertEquals(List.of("team_id"), bad(patchTeam(owner, NOT_A_UUID, null, "{\"description\":\"x\"}")));
    assertEquals("\"1\"", getTeam(owner, team).header("ETag"), "a refused update must change nothing");
  }

  @Test
  void membersAndViewersCannotUpdateTeams() {
    String team = newTeam(acme, unique("Guarded"));
    for (var claims : List.of(acme.as(acmeMember, "member"), acme.as(acmeViewer, "viewer"))) {
      HandlerResponse denied = patchTeam(claims, team, null, "{\"description\":\"x\"}");
      assertEquals(403, denied.status(), denied.raw());
      assertTrue(denied.dynamoCalls().isEmpty());
    }
  }

  @Test
  void updatingAnotherTenantsTeamIsNotFound() {
    String theirs = newTeam(globex, unique("Foreign"));
    HandlerResponse patched = patchTeam(acme.owner(), theirs, null, "{\"description\":\"mine now\"}");
    assertEquals(404, patched.status(), patched.raw());
    assertTrue(getTeam(globex.owner(), theirs).json().path("description").isNull());
  }

  @Test
  void updatingTeamNeedsAToken() {
    String team = newTeam(acme, unique("Anon Patch"));
    assertEquals(401, patchTeam(null, team, null, "{\"description\":\"x\"}").status());
  }

  // ---------------------------------------------------------------- DELETE /v1/teams/{team_id}

  @Test
  void deletedTeamVanishesAndFreesItsName() {
    String name = unique("Doomed");
    String team = newTeam(acme, name);
    String etag = getTeam(acme.owner(), team).header("ETag");

    HandlerResponse deleted = deleteTeam(acme.as(acmeAdmin, "admin"), team, etag);
    assertEquals(204, deleted.status(), deleted.raw());
    assertNull(deleted.json());
    assertEquals(List.of("GetItem", "TransactWriteItems"), deleted.dynamoCalls());

    assertEquals(404, getTeam(acme.owner(), team).status());
    assertFalse(allTeamIds(acme.owner()).contains(team));
    assertEquals(404, deleteTeam(acme.owner(), team, null).status());
    assertEquals(404, patchTeam(acme.owner(), team, null, "{\"description\":\"x\"}").status());
    assertEquals(201, createTeam(acme.owner(), "{\"name\":\"" + name + "\"}").status());
  }

  @Test
  void deleteWithStaleIfMatchIs412() {
    String team = newTeam(acme, unique("Stale Delete"));
    String etag = getTeam(acme.owner(), team).header("ETag");
    assertEquals(200, patchTeam(acme.owner(), team, null, "{\"description\":\"changed\"}").status());

    HandlerResponse stale = deleteTeam(acme.owner(), team, etag);
    assertEquals(412, stale.status(), stale.raw());
    assertEquals(200, getTeam(acme.owner(), team).status(), "a refused delete must delete nothing");
  }

  @Test
  void membersAndViewersCannotDeleteTeams() {
    String team = newTeam(acme, unique("Kept"));
    for (var claims : List.of(acme.as(acmeMember, "member"), acme.as(acmeViewer, "viewer"))) {
      HandlerResponse denied = deleteTeam(claims, team, null);
      assertEquals(403, denied.status(), denied.raw());
      assertTrue(denied.dynamoCalls().isEmpty());
    }
    assertEquals(200, getTeam(acme.owner(), team).status());
  }

  @Test
  void deletingAnotherTenantsTeamIsNotFound() {
    String theirs = newTeam(globex, unique("Survivor"));
    assertEquals(404, deleteTeam(acme.owner(), theirs, null).status());
    assertEquals(200, getTeam(globex.owner(), theirs).status());
  }

  @Test
  void deletingTeamNeedsUuidAndToken() {
    assertEquals(List.of("team_id"), bad(deleteTeam(acme.owner(), NOT_A_UUID, null)));
    String team = newTeam(acme, unique("Anon Delete"));
    assertEquals(List.of("If-Match"), bad(deleteTeam(acme.owner(), team, "W/x")));
    // A well-formed entity-tag this API never issued matches no version (RFC 9110): 412, not 400.
    assertEquals(412, deleteTeam(acme.owner(), team, "W/\"x\"").status());
    assertEquals(401, deleteTeam(null, team, null).status());
    assertEquals(200, getTeam(acme.owner(), team).status());
  }

  // ---------------------------------------------------------------- PUT /v1/teams/{team_id}/members/{user_id}

  @Test
  void addingMemberWritesOnceAndRepeatingItOnlyReads() {
    String team = newTeam(acme, unique("Joinable"));
    HandlerResponse added = putMember(acme.as(acmeAdmin, "admin"), team, acmeMember);
    assertEquals(200, added.status(), added.raw());
    assertEquals(team, added.text("team_id"));
    assertEquals(acmeMember, added.text("user_id"));
    assertNotNull(added.text("added_at"));
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), added.dynamoCalls());

    HandlerResponse again = putMember(acme.owner(), team, acmeMember);
    assertEquals(200, again.status(), again.raw());
    assertEquals(added.text("added_at"), again.text("added_at"));
    assertEquals(List.of("BatchGetItem"), again.dynamoCalls());

    assertEquals(1, getTeam(acme.owner(), team).json().path("members").size());
  }

  @Test
  void addingAnotherTenantsUserIsNotFound() {
    String team = newTeam(acme, unique("Closed"));
    HandlerResponse foreign = putMember(acme.owner(), team, globexMember);
    assertEquals(404, foreign.status(), foreign.raw());

    HandlerResponse unknown = putMember(acme.owner(), team, UUID.randomUUID().toString());
    assertEquals(404, unknown.status(), unknown.raw());
    assertEquals(foreign.json().path("detail"), unknown.json().path("detail"), "no existence oracle");
    assertEquals(0, getTeam(acme.owner(), team).json().path("members").size());
  }

  @Test
  void addingMemberToAnotherTenantsTeamIsNotFound() {
    String theirs = newTeam(globex, unique("Their Team"));
    assertEquals(404, putMember(acme.owner(), theirs, acmeMember).status());
    assertEquals(404, putMember(acme.owner(), theirs, globexMember).status());
    assertEquals(404, putMember(acme.owner(), UUID.randomUUID().toString(), acmeMember).status());
    assertEquals(0, getTeam(globex.owner(), theirs).json().path("members").size());
  }

  @Test
  void addingMemberToDeletedTeamIsNotFound() {
    String team = newTeam(acme, unique("Gone"));
    assertEquals(204, deleteTeam(acme.owner(), team, null).status());
    assertEquals(404, putMember(acme.owner(), team, acmeMember).status());
  }

  @Test
  void repeatingAMembershipOfADeletedTeamIsNotFound() {
    String team = newTeam(acme, unique("Was Here"));
    assertEquals(200, putMember(acme.owner(), team, acmeMember).status());
    assertEquals(204, deleteTeam(acme.owner(), team, null).status());
    HandlerResponse again = putMember(acme.owner(), team, acmeMember);
    assertEquals(404, again.status(), again.raw());
    assertEquals(List.of("BatchGetItem"), again.dynamoCalls());
  }

  @Test
  void membersAndViewersCannotAddMembers() {
    String team = newTeam(acme, unique("Invite Only"));
    for (var claims : List.of(acme.as(acmeMember, "member"), acme.as(acmeViewer, "viewer"))) {
      HandlerResponse denied = putMember(claims, team, acmeMember);
      assertEquals(403, denied.status(), denied.raw());
      assertTrue(denied.dynamoCalls().isEmpty());
    }
  }

  @Test
  void addingMemberNeedsUuidsAndToken() {
    String team = newTeam(acme, unique("Strict"));
    assertEquals(List.of("team_id"), bad(putMember(acme.owner(), NOT_A_UUID, acmeMember)));
    assertEquals(List.of("user_id"), bad(putMember(acme.owner(), team, NOT_A_UUID)));
    HandlerResponse anonymous = putMember(null, team, acmeMember);
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.dynamoCalls().isEmpty());
  }

  // ---------------------------------------------------------------- DELETE /v1/teams/{team_id}/members/{user_id}

  @Test
  void removingMemberIsOneTransactionAndTheyLeaveTheTeam() {
    String team = newTeam(acme, unique("Leavable"));
    assertEquals(200, putMember(acme.owner(), team, acmeMember).status());
    assertEquals(200, putMember(acme.owner(), team, acmeViewer).status());

    HandlerResponse removed = removeMember(acme.as(acmeAdmin, "admin"), team, acmeMember);
    assertEquals(204, removed.status(), removed.raw());
    assertNull(removed.json());
    assertEquals(List.of("TransactWriteItems"), removed.dynamoCalls());

    JsonNode members = getTeam(acme.owner(), team).json().path("members");
    assertEquals(1, members.size());
    assertEquals(acmeViewer, members.get(0).path("user_id").asText());

    HandlerResponse again = removeMember(acme.owner(), team, acmeMember);
    assertEquals(404, again.status(), again.raw());
  }

  @Test
  void removingNonMemberIsNotFound() {
    String team = newTeam(acme, unique("Nobody"));
    assertEquals(404, removeMember(acme.owner(), team, acmeMember).status());
    assertEquals(404, removeMember(acme.owner(), team, UUID.randomUUID().toString()).status());
    assertEquals(404, removeMember(acme.owner(), UUID.randomUUID().toString(), acmeMember).status());
  }

  @Test
  void removingMemberOfAnotherTenantsTeamIsNotFound() {
    String theirs = newTeam(globex, unique("Their Members"));
    assertEquals(200, putMember(globex.owner(), theirs, globexMember).status());

    assertEquals(404, removeMember(acme.owner(), theirs, globexMember).status());
    assertEquals(1, getTeam(globex.owner(), theirs).json().path("members").size());
  }

  @Test
  void removingMemberOfDeletedTeamIsNotFound() {
    String team = newTeam(acme, unique("Disbanded"));
    assertEquals(200, putMember(acme.owner(), team, acmeMember).status());
    assertEquals(204, deleteTeam(acme.owner(), team, null).status());

    HandlerResponse removed = removeMember(acme.owner(), team, acmeMember);
    assertEquals(404, removed.status(), removed.raw());
    assertEquals(List.of("TransactWriteItems"), removed.dynamoCalls());
  }

  @Test
  void membersAndViewersCannotRemoveMembers() {
    String team = newTeam(acme, unique("Sticky"));
    assertEquals(200, putMember(acme.owner(), team, acmeMember).status());
    for (var claims : List.of(acme.as(acmeMember, "member"), acme.as(acmeViewer, "viewer"))) {
      HandlerResponse denied = removeMember(claims, team, acmeMember);
      assertEquals(403, denied.status(), denied.raw());
      assertTrue(denied.dynamoCalls().isEmpty());
    }
    assertEquals(1, getTeam(acme.owner(), team).json().path("members").size());
  }

  @Test
  void removingMemberNeedsUuidsAndToken() {
    String team = newTeam(acme, unique("Strict Remove"));
    assertEquals(List.of("team_id"), bad(removeMember(acme.owner(), NOT_A_UUID, acmeMember)));
    assertEquals(List.of("user_id"), bad(removeMember(acme.owner(), team, NOT_A_UUID)));
    HandlerResponse anonymous = removeMember(null, team, acmeMember);
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.dynamoCalls().isEmpty());
  }

  // ---------------------------------------------------------------- helpers

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The field names of a 400. */
  private static List<String> bad(HandlerResponse response) {
    assertEquals(400, response.status(), response.raw());
    return response.errorFields();
  }

  /** Swaps one character in the middle of the sealed cursor (its ciphertext), keeping the rest. */
  static String tamper(String cursor) {
    assertTrue(cursor.length() > 4, cursor);
    int middle = cursor.length() / 2;
    char swapped = cursor.charAt(middle) == 'A' ? 'B' : 'A';
    return cursor.substring(0, middle) + swapped + cursor.substring(middle + 1);
  }

  private String newTeam(SeededTenant tenant, String name) {
    HandlerResponse created = createTeam(tenant.owner(), "{\"name\":\"" + name + "\"}");
    assertEquals(201, created.status(), created.raw());
    return created.text("id");
  }

  private List<String> allTeamIds(Map<String, String> claims) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      HandlerResponse page = cursor == null ? listTeams(claims, "limit", "100")
          : listTeams(claims, "limit", "100", "cursor", cursor);
      assertEquals(200, page.status(), page.raw());
      page.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
      cursor = page.json().path("next_cursor").isNull() ? null : page.text("next_cursor");
    } while (cursor != null);
    return ids;
  }

  private HandlerResponse createTeam(Map<String, String> claims, String body) {
    return api.call(withClaims(HttpEvents.route("POST /v1/teams").body(body), claims).build());
  }

  private HandlerResponse listTeams(Map<String, String> claims, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/teams"), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse getTeam(Map<String, String> claims, String teamId) {
    return api.call(withClaims(HttpEvents.route("GET /v1/teams/{team_id}").pathParam("team_id", teamId), claims)
        .build());
  }

  private HandlerResponse patchTeam(Map<String, String> claims, String teamId, String ifMatch, String body) {
    var event = withClaims(HttpEvents.route("PATCH /v1/teams/{team_id}").pathParam("team_id", teamId).body(body),
        claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private HandlerResponse deleteTeam(Map<String, String> claims, String teamId, String ifMatch) {
    var event = withClaims(HttpEvents.route("DELETE /v1/teams/{team_id}").pathParam("team_id", teamId), claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private HandlerResponse putMember(Map<String, String> claims, String teamId, String userId) {
    return api.call(withClaims(HttpEvents.route("PUT /v1/teams/{team_id}/members/{user_id}")
        .pathParam("team_id", teamId).pathParam("user_id", userId), claims).build());
  }

  private HandlerResponse removeMember(Map<String, String> claims, String teamId, String userId) {
    return api.call(withClaims(HttpEvents.route("DELETE /v1/teams/{team_id}/members/{user_id}")
        .pathParam("team_id", teamId).pathParam("user_id", userId), claims).build());
  }

  private static HttpEvents.Builder withClaims(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }
}
