package com.coditect.dms;

import static com.coditect.testing.ListAsserts.bad;
import static com.coditect.testing.ListAsserts.ids;
import static com.coditect.testing.ListAsserts.unprocessable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.Grant;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The permission routes on moto: granting on documents and folders (a folder's grant reaching its
 * whole subtree), listing, revoking, and the effective permission with the grants behind it.
 * Documents, folders and teams are written as their owners store them ({@link PermissionFixtures}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionRoutesIT {

  private DmsApi api;
  private PermissionFixtures seed;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new DmsApi("permissions");
    seed = new PermissionFixtures(api);
    acme = api.env.seedTenant("ENG");
    globex = api.env.seedTenant("OPS");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- POST /v1/documents/{id}/permissions

  @Test
  void tenantOwnerGrantsAUserOnADocumentInOneReadAndOneTransaction() {
    DocumentItem document = seed.document(acme.id(), null, acme.ownerId());
    String user = api.env.seedUser(acme.id(), "member");
    HandlerResponse created = grantOnDocument(acme.owner(), document.id(),
        "{\"user_id\":\"" + user + "\",\"permission_level\":\"edit\"}");

    created.assertStatus(201);
    String id = created.text("id");
    assertEquals("/v1/permissions/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals(document.id(), created.text("document_id"));
    assertNull(created.text("folder_id"));
    assertEquals(user, created.text("user_id"));
    assertNull(created.text("team_id"));
    assertEquals("edit", created.text("permission_level"));
    assertEquals(acme.ownerId(), created.text("granted_by"));
    assertEquals(false, created.json().path("expired").asBoolean(true));
    assertEquals(List.of("GetItem", "TransactWriteItems"), created.dynamoCalls());

    DocumentItem stored = seed.storedDocument(acme.id(), document.id());
    assertEquals(List.of(id), stored.grants().stream().map(Grant::id).toList());
    assertEquals(document.version() + 1, stored.version());
    JsonNode event = single(seed.events("permission.granted", id));
    assertEquals("permission", event.path("resource_type").asText());
    assertEquals("edit", event.path("changes").path("permission_level").path("new").asText());

    HandlerResponse effective = effective(member(user), document.id(), null);
    effective.assertStatus(200);
    assertEquals("edit", effective.text("level"));
    assertEquals("grants", effective.text("because"));
  }

  @Test
  void aDocumentsOwnerManagesItsGrantsWithoutReadingMore() {
    DocumentItem document = seed.document(acme.id(), null, acme.memberId());
    HandlerResponse created = grantOnDocument(acme.member(), document.id(),
        "{\"user_id\":\"" + acme.viewerId() + "\",\"permission_level\":\"view\",\"expires_at\":\"2099-01-01T00:00:00Z\"}");
    created.assertStatus(201);
    assertEquals("2099-01-01T00:00:00.000Z", created.text("expires_at"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), created.dynamoCalls());
  }

  @Test
  void anAdminGrantThroughATeamOnAFolderLetsAMemberManageTheDocument() {
    FolderItem folder = seed.folder(acme.id(), null, "Legal-" + UUID.randomUUID(), acme.ownerId());
    DocumentItem document = seed.document(acme.id(), folder, acme.ownerId());
    String team = seed.team(acme.id());
    String manager = api.env.seedUser(acme.id(), "member");
    seed.memberOf(acme.id(), manager, team);
    grantOnFolder(acme.owner(), folder.id(), "{\"team_id\":\"" + team + "\",\"permission_level\":\"admin\"}")
        .assertStatus(201);

    HandlerResponse created = grantOnDocument(member(manager), document.id(),
        "{\"user_id\":\"" + acme.viewerId() + "\",\"permission_level\":\"view\"}");
    created.assertStatus(201);
    assertEquals(List.of("GetItem", "BatchGetItem", "TransactWriteItems"), created.dynamoCalls());

    HandlerResponse effective = effective(member(manager), document.id(), null);
    assertEquals("admin", effective.text("level"));
    JsonNode grant = effective.json().path("grants").get(0);
    assertEquals("team", grant.path("source").asText());
    assertEquals("inherited_via_team", grant.path("route").asText());
    assertEquals(folder.id(), grant.path("folder_id").asText());
    assertEquals(folder.name(), grant.path("folder_name").asText());
    assertEquals(team, grant.path("team_id").asText());
  }

  @Test
  void callersWithoutAdminAre403OrWhenTheyCannotViewNotFound() {
    DocumentItem document = seed.document(acme.id(), null, acme.ownerId());
    String reader = api.env.seedUser(acme.id(), "member");
    grantOnDocument(acme.owner(), document.id(), "{\"user_id\":\"" + reader + "\",\"permission_level\":\"delete\"}")
        .assertStatus(201);
    String body = "{\"user_id\":\"" + acme.viewerId() + "\",\"permission_level\":\"view\"}";

    HandlerResponse viewOnly = grantOnDocument(member(reader), document.id(), body);
    viewOnly.assertStatus(403);
    assertEquals(List.of("GetItem", "GetItem"), viewOnly.dynamoCalls());
    HandlerResponse stranger = grantOnDocument(acme.member(), document.id(), body);
    stranger.assertStatus(404);
    HandlerResponse viewerRole = grantOnDocument(acme.viewer(), document.id(), body);
    viewerRole.assertStatus(403);
    assertTrue(viewerRole.dynamoCalls().isEmpty());
    assertEquals(1, seed.storedDocument(acme.id(), document.id()).grants().size());
  }

  @Test
  void badGrantBodiesAre400NamingTheField() {
    DocumentItem document = seed.document(acme.id(), null, acme.ownerId());
    var owner = acme.owner();
    String user = acme.memberId();
    // Each field well-formed, but not exactly one principal: 422 (the schema cannot say it).
    assertEquals(List.of("user_id"), unprocessable(grantOnDocument(owner, document.id(),
        "{\"permission_level\":\"view\"}")));
    assertEquals(List.of("team_id"), unprocessable(grantOnDocument(owner, document.id(),
        "{\"user_id\":\"" + user + "\",\"team_id\":\"" + UUID.randomUUID() + "\",\"permission_level\":\"view\"}")));
    assertEquals(List.of("permission_level"), bad(grantOnDocument(owner, document.id(),
        "{\"user_id\":\"" + user + "\",\"permission_level\":\"owner\"}")));
    assertEquals(List.of("permission_level"), bad(grantOnDocument(owner, document.id(), "{\"user_id\":\"" + user + "\"}")));
    assertEquals(List.of("user_id"), bad(grantOnDocument(owner, document.id(),
        "{\"user_id\":\"nobody\",\"permission_level\":\"view\"}")));
    assertEquals(List.of("expires_at"), bad(grantOnDocument(owner, document.id(),
        "{\"user_id\":\"" + user + "\",\"permission_level\":\"view\",\"expires_at\":\"soon\"}")));
    assertEquals(List.of("document_id"), bad(grantOnDocument(owner, document.id(),
        "{\"user_id\":\"" + user + "\",\"permission_level\":\"view\",\"document_id\":\"" + document.id() + "\"}")));
    assertEquals(List.of("document_id"), bad(grantOnDocument(owner, "not-a-uuid",
        "{\"user_id\":\"" + user + "\",\"permission_level\":\"view\"}")));
    assertEquals(List.of("expires_at"), unprocessable(grantOnDocument(owner, document.id(),
        "{\"user_id\":\"" + user + "\",\"permission_level\":\"view\",\"expires_at\":\"2020-01-01T00:00:00Z\"}")));
    assertEquals(List.of(), seed.storedDocument(acme.id(), document.id()).grants(), "a refused grant writes nothing");
  }

  @Test
  void thePrincipalMustExistInTheTenantAndBeGrantedOnce() {
    DocumentItem document = seed.document(acme.id(), null, acme.ownerId());
    var owner = acme.owner();
    HandlerResponse unknownUser = grantOnDocument(owner, document.id(),
        "{\"user_id\":\"" + UUID.randomUUID() + "\",\"permission_level\":\"view\"}");
    unknownUser.assertStatus(404);
    assertEquals(List.of("user_id"), unknownUser.errorFields());
    HandlerResponse foreignUser = grantOnDocument(owner, document.id(),
        "{\"user_id\":\"" + globex.memberId() + "\",\"permission_level\":\"view\"}");
    assertEquals(List.of("user_id"), foreignUser.errorFields());
    HandlerResponse foreignTeam = grantOnDocument(owner, document.id(),
        "{\"team_id\":\"" + seed.team(globex.id()) + "\",\"permission_level\":\"view\"}");
    foreignTeam.assertStatus(404);
    assertEquals(List.of("team_id"), foreignTeam.errorFields());
    assertEquals(List.of(), seed.storedDocument(acme.id(), document.id()).grants());

    String team = seed.team(acme.id());
    grantOnDocument(owner, document.id(), "{\"team_id\":\"" + team + "\",\"permission_level\":\"view\"}").assertStatus(201);
    HandlerResponse twice = grantOnDocument(acme.admin(), document.id(),
        "{\"team_id\":\"" + team + "\",\"permission_level\":\"edit\"}");
    twice.assertStatus(409);
    assertEquals(List.of("team_id"), twice.errorFields());
    grantOnDocument(owner, document.id(), "{\"user_id\":\"" + acme.memberId() + "\",\"permission_level\":\"view\"}")
        .assertStatus(201);
    HandlerResponse userTwice = grantOnDocument(owner, document.id(),
        "{\"user_id\":\"" + acme.memberId() + "\",\"permission_level\":\"admin\"}");
    userTwice.assertStatus(409);
    assertEquals(List.of("user_id"), userTwice.errorFields());
    assertEquals(2, seed.storedDocument(acme.id(), document.id()).grants().size());
  }

  @Test
  void anotherTenantsDocumentOrFolderIs404() {
    DocumentItem theirs = seed.document(globex.id(), null, globex.ownerId());
    FolderItem theirFolder = seed.folder(globex.id(), null, "Theirs", globex.ownerId());
    String body = "{\"user_id\":\"" + acme.memberId() + "\",\"permission_level\":\"view\"}";
    HandlerResponse document = grantOnDocument(acme.owner(), theirs.id(), body);
    document.assertStatus(404);
    assertEquals(List.of("GetItem"), document.dynamoCalls());
    grantOnFolder(acme.owner(), theirFolder.id(), body).assertStatus(404);
    listOnDocument(acme.owner(), theirs.id()).assertStatus(404);
    listOnFolder(acme.owner(), theirFolder.id()).assertStatus(404);
    effective(acme.owner(), theirs.id(), null).assertStatus(404);
    String theirGrant = grantOnDocument(globex.owner(), theirs.id(),
        "{\"user_id\":\"" + globex.memberId() + "\",\"permission_level\":\"view\"}").text("id");
    HandlerResponse revoke = revoke(acme.owner(), theirGrant, null);
    revoke.assertStatus(404);
    assertEquals(List.of("GetItem"), revoke.dynamoCalls());
    assertEquals(1, seed.storedDocument(globex.id(), theirs.id()).grants().size());
  }

  @Test
  void everyRouteNeedsATenantToken() {
    DocumentItem document = seed.document(acme.id(), null, acme.ownerId());
    FolderItem folder = seed.folder(acme.id(), null, "Anon-" + UUID.randomUUID(), acme.ownerId());
    String body = "{\"user_id\":\"" + acme.memberId() + "\",\"permission_level\":\"view\"}";
    List<HandlerResponse> anonymous = List.of(grantOnDocument(null, document.id(), body),
        listOnDocument(null, document.id()), grantOnFolder(null, folder.id(), body), listOnFolder(null, folder.id()),
        revoke(null, UUID.randomUUID().toString(), null), effective(null, document.id(), null),
        grantOnDocument(HttpEvents.platformAdminClaims(UUID.randomUUID().toString()), document.id(), body));
    for (HandlerResponse response : anonymous) {
      response.assertStatus(401);
      assertTrue(response.dynamoCalls().isEmpty());
    }
  }

  @Test
  void idempotencyKeyReplaysTheGrant() {
    DocumentItem document = seed.document(acme.id(), null, acme.ownerId());
    String body = "{\"user_id\":\"" + acme.memberId() + "\",\"permission_level\":\"view\"}";
    String key = UUID.randomUUID().toString();
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/documents/{document_id}/permissions")
        .pathParam("document_id", document.id()).header("Idempotency-Key", key).body(body).claims(acme.owner()).build());
    first.assertStatus(201);
    HandlerResponse again = api.call(HttpEvents.route("POST /v1/documents/{document_id}/permissions")
        .pathParam("document_id", document.id()).header("Idempotency-Key", key).body(body).claims(acme.owner()).build());
    again.assertStatus(201);
    assertEquals(first.text("id"), again.text("id"));
    assertEquals(1, seed.storedDocument(acme.id(), document.id()).grants().size());
  }

  // ---------------------------------------------------------------- GET /v1/documents/{id}/permissions

  @Test
  void listsADocumentsGrantsNewestFirstWithExpiredOnesFlagged() throws InterruptedException {
    DocumentItem document = seed.document(acme.id(), null, acme.ownerId());
    String soon = Instant.now().plusMillis(1500).toString();
    String first = grantOnDocument(acme.owner(), document.id(),
        "{\"user_id\":\"" + acme.memberId() + "\",\"permission_level\":\"edit\",\"expires_at\":\"" + soon + "\"}").text("id");
    String second = grantOnDocument(acme.owner(), document.id(),
        "{\"team_id\":\"" + seed.team(acme.id()) + "\",\"permission_level\":\"view\"}").text("id");
    Thread.sleep(1600);

    HandlerResponse listed = listOnDocument(acme.admin(), document.id());
    listed.assertStatus(200);
    assertEquals(List.of(second, first), ids(listed));
    assertEquals(List.of(false, true), expiredFlags(listed));
    assertEquals(List.of("GetItem", "Query"), listed.dynamoCalls());

    // The member's grant has run out: shown as expired, not counted, and no longer enough to see the list.
    HandlerResponse effective = effective(acme.member(), document.id(), null);
    effective.assertStatus(404);
    HandlerResponse explained = effective(acme.owner(), document.id(), acme.memberId());
    assertNull(explained.text("level"));
    assertNull(explained.text("because"));
    JsonNode expired = explained.json().path("grants").get(0);
    assertEquals(first, expired.path("permission_id").asText());
    assertEquals("direct", expired.path("route").asText());
    assertTrue(expired.path("expired").asBoolean());

    HandlerResponse paged = listOnDocument(acme.owner(), document.id(), "limit", "1");
    assertEquals(List.of(second), ids(paged));
    HandlerResponse next = listOnDocument(acme.owner(), document.id(), "limit", "1", "cursor",
        paged.json().path("next_cursor").asText());
    assertEquals(List.of(first), ids(next));
  }

  @Test
  void listingNeedsAdminOnTheDocument() {
    DocumentItem document = seed.document(acme.id(), null, acme.ownerId());
    String reader = api.env.seedUser(acme.id(), "viewer");
    grantOnDocument(acme.owner(), document.id(), "{\"user_id\":\"" + reader + "\",\"permission_level\":\"edit\"}")
        .assertStatus(201);
    HandlerResponse viewer = listOnDocument(HttpEvents.claims(reader, acme.id(), "viewer"), document.id());
    viewer.assertStatus(403);
    assertEquals(List.of("GetItem", "GetItem"), viewer.dynamoCalls());
    listOnDocument(acme.member(), document.id()).assertStatus(404);
    assertEquals(List.of("document_id"), bad(listOnDocument(acme.owner(), "x")));
    assertEquals(List.of("limit"), bad(listOnDocument(acme.owner(), document.id(), "limit", "0")));
  }

  // ---------------------------------------------------------------- folders

  @Test
  void aFolderGrantReachesItsWholeSubtreeAndItsRevocationLeavesIt() {
    FolderItem top = seed.folder(acme.id(), null, "Projects-" + UUID.randomUUID(), acme.ownerId());
    FolderItem middle = seed.folder(acme.id(), top, "2026", acme.ownerId());
    FolderItem bottom = seed.folder(acme.id(), middle, "Q4", acme.ownerId());
    DocumentItem document = seed.document(acme.id(), bottom, acme.ownerId());
    String user = api.env.seedUser(acme.id(), "member");
    effective(member(user), document.id(), null).assertStatus(404);

    HandlerResponse created = grantOnFolder(acme.admin(), top.id(),
        "{\"user_id\":\"" + user + "\",\"permission_level\":\"edit\"}");
    created.assertStatus(201);
    assertEquals(top.id(), created.text("folder_id"));
    assertNull(created.text("document_id"));
    // The grant's transaction, then the walk below the folder: one page, one batch of two folders.
    assertEquals(List.of("GetItem", "TransactWriteItems", "Query", "TransactWriteItems"), created.dynamoCalls());
    String id = created.text("id");
    for (FolderItem folder : List.of(top, middle, bottom)) {
      assertEquals(List.of(id), seed.storedFolder(acme.id(), folder.id()).grants().stream().map(Grant::id).toList(),
          folder.name());
    }
    HandlerResponse effective = effective(member(user), document.id(), null);
    effective.assertStatus(200);
    assertEquals("edit", effective.text("level"));
    JsonNode grant = effective.json().path("grants").get(0);
    assertEquals("folder", grant.path("source").asText());
    assertEquals("inherited", grant.path("route").asText());
    assertEquals(top.id(), grant.path("folder_id").asText());
    assertEquals(top.name(), grant.path("folder_name").asText());
    assertEquals(List.of("GetItem", "BatchGetItem", "GetItem"), effective.dynamoCalls());

    HandlerResponse listed = listOnFolder(acme.member(), top.id());
    listed.assertStatus(403);
    HandlerResponse byOwner = listOnFolder(acme.owner(), top.id());
    assertEquals(List.of(id), ids(byOwner));
    assertEquals(List.of("GetItem", "Query"), byOwner.dynamoCalls());
    assertEquals(List.of(), ids(listOnFolder(acme.owner(), middle.id())), "inherited grants are listed where made");

    HandlerResponse revoked = revoke(acme.owner(), id, "\"1\"");
    revoked.assertStatus(204);
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems", "Query", "TransactWriteItems"),
        revoked.dynamoCalls());
    for (FolderItem folder : List.of(top, middle, bottom)) {
      assertEquals(List.of(), seed.storedFolder(acme.id(), folder.id()).grants(), folder.name());
    }
    effective(member(user), document.id(), null).assertStatus(404);
    assertEquals(1, seed.events("permission.revoked", id).size());
  }

  @Test
  void managingAFoldersGrantsNeedsAdminOnIt() {
    FolderItem mine = seed.folder(acme.id(), null, "Mine-" + UUID.randomUUID(), acme.memberId());
    FolderItem theirs = seed.folder(acme.id(), null, "Theirs-" + UUID.randomUUID(), acme.ownerId());
    String body = "{\"user_id\":\"" + acme.viewerId() + "\",\"permission_level\":\"view\"}";
    HandlerResponse creator = grantOnFolder(acme.member(), mine.id(), body);
    creator.assertStatus(201);
    assertEquals(List.of("GetItem", "TransactWriteItems", "Query"), creator.dynamoCalls());
    HandlerResponse stranger = grantOnFolder(acme.member(), theirs.id(), body);
    stranger.assertStatus(403);
    assertEquals(List.of("GetItem", "GetItem"), stranger.dynamoCalls());
    grantOnFolder(acme.viewer(), mine.id(), body).assertStatus(403);
    grantOnFolder(acme.owner(), UUID.randomUUID().toString(), body).assertStatus(404);
    assertEquals(List.of("folder_id"), bad(grantOnFolder(acme.owner(), "nope", body)));
    assertEquals(List.of("team_id"), unprocessable(grantOnFolder(acme.owner(), mine.id(),
        "{\"user_id\":\"" + acme.viewerId() + "\",\"team_id\":\"" + UUID.randomUUID() + "\",\"permission_level\":\"view\"}")));
  }

  // ---------------------------------------------------------------- DELETE /v1/permissions/{id}

  @Test
  void revokingTakesEffectAtOnceAndHonoursIfMatch() {
    DocumentItem document = seed.document(acme.id(), null, acme.ownerId());
    String user = api.env.seedUser(acme.id(), "member");
    String id = grantOnDocument(acme.owner(), document.id(),
        "{\"user_id\":\"" + user + "\",\"permission_level\":\"view\"}").text("id");
    assertEquals("view", effective(member(user), document.id(), null).text("level"));

    HandlerResponse stale = revoke(acme.owner(), id, "\"2\"");
    stale.assertStatus(412);
    assertEquals(List.of("GetItem"), stale.dynamoCalls());
    HandlerResponse notAdmin = revoke(member(user), id, null);
    notAdmin.assertStatus(403);
    revoke(acme.member(), id, null).assertStatus(404);
    revoke(acme.viewer(), id, null).assertStatus(403);
    assertEquals(List.of("permission_id"), bad(revoke(acme.owner(), "zzz", null)));

    HandlerResponse revoked = revoke(acme.owner(), id, "\"1\"");
    revoked.assertStatus(204);
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems"), revoked.dynamoCalls());
    assertEquals(List.of(), seed.storedDocument(acme.id(), document.id()).grants());
    effective(member(user), document.id(), null).assertStatus(404);
    revoke(acme.owner(), id, null).assertStatus(404);
    // The sentinel went with the grant: the user can be granted again.
    grantOnDocument(acme.owner(), document.id(), "{\"user_id\":\"" + user + "\",\"permission_level\":\"edit\"}")
        .assertStatus(201);
  }

  // ---------------------------------------------------------------- GET /v1/documents/{id}/effective-permission

  @Test
  void effectivePermissionExplainsRolesOwnersAndAnotherUsersGrants() {
    DocumentItem document = seed.document(acme.id(), null, acme.memberId());
    HandlerResponse admin = effective(acme.admin(), document.id(), null);
    assertEquals("admin", admin.text("level"));
    assertEquals("tenant_admin", admin.text("because"));
    assertEquals("role", admin.json().path("grants").get(0).path("source").asText());
    assertEquals(List.of("GetItem", "GetItem"), admin.dynamoCalls());

    HandlerResponse owner = effective(acme.member(), document.id(), null);
    assertEquals("admin", owner.text("level"));
    assertEquals("owner", owner.text("because"));
    assertEquals(acme.memberId(), owner.text("user_id"));

    String team = seed.team(acme.id());
    String colleague = api.env.seedUser(acme.id(), "viewer");
    seed.memberOf(acme.id(), colleague, team);
    grantOnDocument(acme.member(), document.id(), "{\"team_id\":\"" + team + "\",\"permission_level\":\"view\"}")
        .assertStatus(201);
    HandlerResponse other = effective(acme.member(), document.id(), colleague);
    other.assertStatus(200);
    assertEquals("view", other.text("level"));
    assertEquals("direct_via_team", other.json().path("grants").get(0).path("route").asText());
    assertEquals(List.of("GetItem", "BatchGetItem"), other.dynamoCalls());

    // The colleague sees their own level, but explaining someone else needs admin.
    HandlerResponse self = effective(HttpEvents.claims(colleague, acme.id(), "viewer"), document.id(), null);
    assertEquals("view", self.text("level"));
    effective(HttpEvents.claims(colleague, acme.id(), "viewer"), document.id(), acme.memberId()).assertStatus(403);
    HandlerResponse unknown = effective(acme.owner(), document.id(), UUID.randomUUID().toString());
    unknown.assertStatus(404);
    assertEquals(List.of("user_id"), unknown.errorFields());
    assertEquals(List.of("user_id"), bad(effective(acme.owner(), document.id(), "me")));
    assertEquals(List.of("document_id"), bad(effective(acme.owner(), "doc", null)));
  }

  // ---------------------------------------------------------------- helpers

  private Map<String, String> member(String userId) {
    return HttpEvents.claims(userId, acme.id(), "member");
  }

  private static JsonNode single(List<JsonNode> events) {
    assertEquals(1, events.size(), events.toString());
    return events.get(0);
  }

  private static List<Boolean> expiredFlags(HandlerResponse list) {
    List<Boolean> flags = new ArrayList<>();
    list.json().path("items").forEach(item -> flags.add(item.path("expired").asBoolean()));
    return flags;
  }

  private HandlerResponse grantOnDocument(Map<String, String> claims, String documentId, String body) {
    return api.call(withClaims(HttpEvents.route("POST /v1/documents/{document_id}/permissions")
        .pathParam("document_id", documentId).body(body), claims).build());
  }

  private HandlerResponse grantOnFolder(Map<String, String> claims, String folderId, String body) {
    return api.call(withClaims(HttpEvents.route("POST /v1/folders/{folder_id}/permissions")
        .pathParam("folder_id", folderId).body(body), claims).build());
  }

  private HandlerResponse listOnDocument(Map<String, String> claims, String documentId, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/documents/{document_id}/permissions")
        .pathParam("document_id", documentId), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse listOnFolder(Map<String, String> claims, String folderId) {
    return api.call(withClaims(HttpEvents.route("GET /v1/folders/{folder_id}/permissions")
        .pathParam("folder_id", folderId), claims).build());
  }

  private HandlerResponse revoke(Map<String, String> claims, String permissionId, String ifMatch) {
    var event = withClaims(HttpEvents.route("DELETE /v1/permissions/{permission_id}")
        .pathParam("permission_id", permissionId), claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private HandlerResponse effective(Map<String, String> claims, String documentId, String userId) {
    var event = withClaims(HttpEvents.route("GET /v1/documents/{document_id}/effective-permission")
        .pathParam("document_id", documentId), claims);
    if (userId != null) {
      event.query("user_id", userId);
    }
    return api.call(event.build());
  }

  private static HttpEvents.Builder withClaims(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }
}
