package com.coditect.dms;

import static com.coditect.testing.ListAsserts.bad;
import static com.coditect.testing.ListAsserts.ids;
import static com.coditect.testing.ListAsserts.pageThrough;
import static com.coditect.testing.ListAsserts.unprocessable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.data.DmsKeys;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.Grant;
import com.coditect.dms.data.MemberTeamsItem;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The folder routes on moto: {@code GET|POST /v1/folders} and
 * {@code GET|PATCH|DELETE /v1/folders/{folder_id}}. Names are unique among a parent's live folders
 * (ignoring case); a rename or move carries the subtree's paths along; a delete hides the subtree
 * and a restore ({@code PATCH {"deleted_at": null}}) brings back exactly what it hid.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderRoutesIT {

  private DmsApi api;
  private FolderCalls folders;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new DmsApi("folders");
    folders = new FolderCalls(api);
    acme = api.env.seedTenant("ACME");
    globex = api.env.seedTenant("GLOBEX");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- POST /v1/folders, GET

  @Test
  void memberCreatesTopFolderAndFolderInsideWithPathsInOneTransactionEach() {
    HandlerResponse top = folders.create(acme.member(),
        "{\"name\":\"Contracts\",\"description\":\"Signed ones\",\"project_id\":\"" + acme.projectId() + "\"}");
    top.assertStatus(201);
    String topId = top.text("id");
    assertEquals("/v1/folders/" + topId, top.header("Location"));
    assertEquals("\"1\"", top.header("ETag"));
    assertEquals("/Contracts", top.text("path"));
    assertEquals("Signed ones", top.text("description"));
    assertEquals(acme.projectId(), top.text("project_id"));
    assertEquals(acme.memberId(), top.text("created_by"));
    assertTrue(top.json().path("parent_id").isNull());
    assertTrue(top.json().path("deleted_at").isNull());
    assertEquals(List.of("TransactWriteItems"), top.dynamoCalls());

    HandlerResponse inside = folders.create(acme.member(), "{\"name\":\"2026\",\"parent_id\":\"" + topId + "\"}");
    inside.assertStatus(201);
    assertEquals("/Contracts/2026", inside.text("path"));
    assertEquals(topId, inside.text("parent_id"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), inside.dynamoCalls(), "the parent read, then one write");

    HandlerResponse read = folders.get(acme.viewer(), inside.text("id"));
    read.assertStatus(200);
    assertEquals("/Contracts/2026", read.text("path"));
    assertEquals("\"1\"", read.header("ETag"));
    assertEquals(List.of("GetItem"), read.dynamoCalls());

    JsonNode event = folders.onlyEvent(inside.text("id"), "folder.created");
    assertEquals("folder", event.path("resource_type").asText());
    assertEquals("/Contracts/2026", event.path("changes").path("path").path("new").asText());
  }

  @Test
  void listsAParentsLiveFoldersByNameOneQueryPerPage() {
    String parent = folders.folder(acme.member(), null, "List parent " + UUID.randomUUID());
    String c = folders.folder(acme.member(), parent, "charlie");
    String a = folders.folder(acme.member(), parent, "Alpha");
    String b = folders.folder(acme.member(), parent, "bravo");
    String gone = folders.folder(acme.member(), parent, "delta");
    folders.delete(acme.member(), gone, null).assertStatus(204);

    HandlerResponse page = folders.list(acme.viewer(), "parent_id", parent);
    assertEquals(List.of("Query"), page.dynamoCalls());
    assertEquals(List.of(a, b, c), ids(page));
    // By name as stored (A before lower case), deleted ones left out.
    assertEquals(List.of(a, b, c), pageThrough(q -> folders.list(acme.viewer(), q), "parent_id", parent));

    List<String> top = ids(folders.list(acme.viewer()));
    assertTrue(top.contains(parent));
    assertFalse(top.contains(a), "folders inside a folder are not at the top");
    assertFalse(ids(folders.list(globex.owner())).contains(parent), "another tenant's top folders are its own");

    String empty = folders.folder(acme.member(), null, "Empty " + UUID.randomUUID());
    HandlerResponse none = folders.list(acme.viewer(), "parent_id", empty);
    assertEquals(List.of(), ids(none));
    assertEquals(List.of("Query", "GetItem"), none.dynamoCalls(), "an empty first page checks the parent");
  }

  @Test
  void namesAreUniqueAmongAParentsLiveFoldersIgnoringCase() {
    String parent = folders.folder(acme.member(), null, "Unique " + UUID.randomUUID());
    folders.folder(acme.member(), parent, "Invoices");
    for (String clashing : List.of("Invoices", "INVOICES", "invoices")) {
      HandlerResponse clash = folders.create(acme.member(), "{\"name\":\"" + clashing + "\",\"parent_id\":\"" + parent
          + "\"}");
      clash.assertStatus(409);
      assertEquals(List.of("name"), clash.errorFields());
    }
    assertEquals(1, ids(folders.list(acme.owner(), "parent_id", parent)).size(), "a refused create writes nothing");
    String other = folders.folder(acme.member(), null, "Other " + UUID.randomUUID());
    folders.folder(acme.member(), other, "Invoices");
    folders.folder(globex.member(), null, "Invoices");
  }

  @Test
  void badFolderBodiesAre400NamingTheField() {
    var owner = acme.owner();
    assertEquals(List.of("body"), bad(folders.create(owner, "{\"name\"")));
    assertEquals(List.of("name"), bad(folders.create(owner, "{}")));
    assertEquals(List.of("name"), bad(folders.create(owner, "{\"name\":\"\"}")));
    assertEquals(List.of("name"), bad(folders.create(owner, "{\"name\":null}")));
    assertEquals(List.of("name"), bad(folders.create(owner, "{\"name\":7}")));
    assertEquals(List.of("name"), bad(folders.create(owner, "{\"name\":\"" + "n".repeat(256) + "\"}")));
    for (String name : List.of("a/b", "/", ".", "..", "tab\\there", "bell\\u0007", " lead", "trail ")) {
      assertEquals(List.of("name"), bad(folders.create(owner, "{\"name\":\"" + name + "\"}")), name);
    }
    assertEquals(List.of("description"), bad(folders.create(owner,
        "{\"name\":\"D\",\"description\":\"" + "d".repeat(10_001) + "\"}")));
    assertEquals(List.of("parent_id"), bad(folders.create(owner, "{\"name\":\"P\",\"parent_id\":\"12345\"}")));
    assertEquals(List.of("project_id"), bad(folders.create(owner, "{\"name\":\"P\",\"project_id\":\"x\"}")));
    assertEquals(List.of("path"), bad(folders.create(owner, "{\"name\":\"P\",\"path\":\"/P\"}")));
    assertEquals(List.of("folder_id"), bad(folders.get(owner, "12345")));
    assertEquals(List.of("parent_id"), bad(folders.list(owner, "parent_id", "12345")));

    String folder = folders.folder(owner, null, "Bad patches " + UUID.randomUUID());
    assertEquals(List.of("body"), bad(folders.patch(owner, folder, null, "{}")));
    assertEquals(List.of("name"), bad(folders.patch(owner, folder, null, "{\"name\":null}")));
    assertEquals(List.of("name"), bad(folders.patch(owner, folder, null, "{\"name\":\"..\"}")));
    assertEquals(List.of("parent_id"), bad(folders.patch(owner, folder, null, "{\"parent_id\":\"nope\"}")));
    // Well-formed, but not a change a folder takes: 422 (the schema cannot say it).
    assertEquals(List.of("deleted_at"), unprocessable(folders.patch(owner, folder, null,
        "{\"deleted_at\":\"2026-01-01T00:00:00.000Z\"}")));
    assertEquals(List.of("deleted_at"), unprocessable(folders.patch(owner, folder, null,
        "{\"deleted_at\":null,\"name\":\"Both\"}")));
    assertEquals(List.of("If-Match"), bad(folders.patch(owner, folder, "v1", "{\"name\":\"X\"}")));
    assertEquals("\"1\"", folders.get(owner, folder).header("ETag"), "no bad body wrote anything");
  }

  @Test
  void everyRouteNeedsAToken() {
    String folder = folders.folder(acme.owner(), null, "Tokens " + UUID.randomUUID());
    for (HandlerResponse refused : List.of(folders.list(null), folders.create(null, "{\"name\":\"X\"}"),
        folders.get(null, folder), folders.patch(null, folder, null, "{\"name\":\"X\"}"),
        folders.delete(null, folder, null))) {
      refused.assertStatus(401);
      assertTrue(refused.dynamoCalls().isEmpty());
    }
  }

  @Test
  void viewersCannotWriteAndMembersNeedEditOnTheFolder() {
    String mine = folders.folder(acme.member(), null, "Member's " + UUID.randomUUID());
    for (HandlerResponse refused : List.of(folders.create(acme.viewer(), "{\"name\":\"V\"}"),
        folders.patch(acme.viewer(), mine, null, "{\"name\":\"V\"}"), folders.delete(acme.viewer(), mine, null))) {
      refused.assertStatus(403);
      assertTrue(refused.dynamoCalls().isEmpty(), "the route's roles refuse before any read");
    }

    String otherMember = api.env.seedUser(acme.id(), "member");
    Map<String, String> other = HttpEvents.claims(otherMember, acme.id(), "member");
    HandlerResponse inside = folders.create(other, "{\"name\":\"Mine now\",\"parent_id\":\"" + mine + "\"}");
    inside.assertStatus(403);
    assertEquals(List.of("GetItem"), inside.dynamoCalls(), "no team grant reaches the folder: no teams read");
    folders.patch(other, mine, null, "{\"name\":\"Taken over\"}").assertStatus(403);
    folders.delete(other, mine, null).assertStatus(403);
    folders.get(other, mine).assertStatus(200);

    // The creator has admin on it; tenant owners and admins have admin everywhere.
    folders.folder(acme.member(), mine, "Creator's");
    folders.folder(acme.admin(), mine, "Admin's");
    folders.patch(acme.owner(), mine, null, "{\"description\":\"Owner was here\"}").assertStatus(200);
  }

  @Test
  void anotherTenantsFoldersAndProjectsAreNotFound() {
    String theirs = folders.folder(globex.owner(), null, "Globex only");
    var owner = acme.owner();
    for (HandlerResponse missing : List.of(folders.get(owner, theirs),
        folders.patch(owner, theirs, null, "{\"name\":\"Mine\"}"), folders.delete(owner, theirs, null))) {
      missing.assertStatus(404);
      assertEquals(List.of("GetItem"), missing.dynamoCalls());
    }
    HandlerResponse parent = folders.create(owner, "{\"name\":\"Into theirs\",\"parent_id\":\"" + theirs + "\"}");
    parent.assertStatus(404);
    assertEquals(List.of("parent_id"), parent.errorFields());
    assertEquals(List.of("parent_id"), folders.list(owner, "parent_id", theirs).errorFields());
    assertEquals(List.of("parent_id"), folders.create(owner, "{\"name\":\"Unknown parent\",\"parent_id\":\""
        + UUID.randomUUID() + "\"}").errorFields());

    String deletedProject = api.env.seedProject(acme, "GONE");
    api.env.softDelete("T#" + acme.id() + "#PROJECT#" + deletedProject, "PROJECT");
    for (String project : List.of(globex.projectId(), deletedProject, UUID.randomUUID().toString())) {
      HandlerResponse unknown = folders.create(owner, "{\"name\":\"Linked\",\"project_id\":\"" + project + "\"}");
      unknown.assertStatus(404);
      assertEquals(List.of("project_id"), unknown.errorFields());
      assertEquals(List.of("TransactWriteItems"), unknown.dynamoCalls());
    }
    assertEquals(theirs, folders.get(globex.viewer(), theirs).text("id"));
  }

  @Test
  void aTeamsGrantOnTheFolderLetsItsMembersWorkInsideAndIsReadOnlyThen() {
    String folder = folders.folder(acme.owner(), null, "Team space " + UUID.randomUUID());
    String teamMember = api.env.seedUser(acme.id(), "member");
    Map<String, String> claims = HttpEvents.claims(teamMember, acme.id(), "member");
    String body = "{\"name\":\"By the team\",\"parent_id\":\"" + folder + "\"}";
    folders.create(claims, body).assertStatus(403);

    // As the permission routes and tenancy's events leave them: a team's edit grant on the folder,
    // and the member in that team.
    String team = UUID.randomUUID().toString();
    TenantId tenant = new TenantId(acme.id());
    FolderItem read = FolderItem.SCHEMA.mapToItem(folders.stored(acme.id(), folder));
    FolderItem granted = read.withGrants(List.of(new Grant(UUID.randomUUID().toString(), PermissionLevel.EDIT, null,
        folder, null, team, null)));
    api.env.dynamoDb().putItem(p -> p.tableName(api.env.tableName()).item(FolderItem.SCHEMA.itemToMap(granted, true)));
    MemberTeamsItem teams = MemberTeamsItem.builder()
        .meta(ItemMeta.at(DmsKeys.memberTeams(tenant, teamMember), MemberTeamsItem.ENTITY))
        .userId(teamMember).teamIds(List.of(team)).build();
    api.env.dynamoDb().putItem(p -> p.tableName(api.env.tableName()).item(MemberTeamsItem.SCHEMA.itemToMap(teams, true)));

    HandlerResponse created = folders.create(claims, body);
    created.assertStatus(201);
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems"), created.dynamoCalls(),
        "the parent, the member's teams (a team's grant reaches it), the write");
    HandlerResponse byAdmin = folders.create(acme.admin(), "{\"name\":\"By an admin\",\"parent_id\":\"" + folder
        + "\"}");
    assertEquals(List.of("GetItem", "TransactWriteItems"), byAdmin.dynamoCalls(), "an admin's teams never matter");
  }

  @Test
  void anIdempotencyKeyReplaysTheCreation() {
    String key = UUID.randomUUID().toString();
    var event = HttpEvents.route("POST /v1/folders").claims(acme.member()).header("Idempotency-Key", key)
        .body("{\"name\":\"Once " + key + "\"}");
    HandlerResponse first = api.call(event.build());
    first.assertStatus(201);
    assertEquals(List.of("GetItem", "TransactWriteItems"), first.dynamoCalls());
    HandlerResponse again = api.call(event.build());
    again.assertStatus(201);
    assertEquals(first.text("id"), again.text("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(List.of("GetItem"), again.dynamoCalls());
  }

  // ---------------------------------------------------------------- PATCH: rename, move

  @Test
  void renameCarriesTheSubtreesPathsAndAClashIs409() {
    String root = folders.folder(acme.member(), null, "Rename root " + UUID.randomUUID());
    String a = folders.folder(acme.member(), root, "a");
    String b = folders.folder(acme.member(), a, "b");
    folders.folder(acme.member(), root, "taken");
    String rootPath = folders.path(acme.owner(), root);

    HandlerResponse clash = folders.patch(acme.member(), a, "\"1\"", "{\"name\":\"TAKEN\"}");
    clash.assertStatus(409);
    assertEquals(List.of("name"), clash.errorFields());

    HandlerResponse stale = folders.patch(acme.member(), a, "\"7\"", "{\"name\":\"x\"}");
    stale.assertStatus(412);
    assertEquals(List.of("GetItem"), stale.dynamoCalls());

    HandlerResponse renamed = folders.patch(acme.member(), a, "\"1\"", "{\"name\":\"a longer name\"}");
    renamed.assertStatus(200);
    assertEquals("\"2\"", renamed.header("ETag"));
    assertEquals(rootPath + "/a longer name", renamed.text("path"));
    assertEquals(List.of("GetItem", "Query", "TransactWriteItems", "Query", "PutItem"),
        renamed.dynamoCalls(), "read, the subtree's depth, the write, then the subtree (one folder: one put)");
    assertEquals(rootPath + "/a longer name/b", folders.path(acme.owner(), b));
    JsonNode event = folders.onlyEvent(a, "folder.updated");
    assertEquals(rootPath + "/a", event.path("changes").path("path").path("old").asText());

    HandlerResponse caseOnly = folders.patch(acme.member(), a, null, "{\"name\":\"A LONGER NAME\"}");
    caseOnly.assertStatus(200);
    assertEquals(List.of("GetItem", "TransactWriteItems", "Query", "PutItem"), caseOnly.dynamoCalls(),
        "a path no longer needs no depth check");
    assertEquals(rootPath + "/A LONGER NAME/b", folders.path(acme.owner(), b));
    folders.folder(acme.member(), root, "a"); // the old name is free again

    HandlerResponse described = folders.patch(acme.member(), a, null, "{\"description\":\"Only this\"}");
    assertEquals(List.of("GetItem", "TransactWriteItems"), described.dynamoCalls());
    HandlerResponse same = folders.patch(acme.member(), a, null, "{\"description\":\"Only this\"}");
    assertEquals(List.of("GetItem"), same.dynamoCalls(), "a change that changes nothing writes nothing");
    assertEquals(described.header("ETag"), same.header("ETag"));
  }

  @Test
  void moveCarriesTheSubtreeAndRefusesItsOwnSubtree() {
    String from = folders.folder(acme.member(), null, "From " + UUID.randomUUID());
    String to = folders.folder(acme.member(), null, "To " + UUID.randomUUID());
    String moving = folders.folder(acme.member(), from, "moving");
    String child = folders.folder(acme.member(), moving, "child");
    String grandchild = folders.folder(acme.member(), child, "grandchild");
    String toPath = folders.path(acme.owner(), to);

    for (String target : List.of(moving, child, grandchild)) {
      HandlerResponse cycle = folders.patch(acme.member(), moving, null, "{\"parent_id\":\"" + target + "\"}");
      assertEquals(List.of("parent_id"), unprocessable(cycle), target);
    }
    HandlerResponse gone = folders.patch(acme.member(), moving, null, "{\"parent_id\":\"" + UUID.randomUUID() + "\"}");
    gone.assertStatus(404);
    assertEquals(List.of("parent_id"), gone.errorFields());

    HandlerResponse moved = folders.patch(acme.member(), moving, "\"1\"", "{\"parent_id\":\"" + to + "\"}");
    moved.assertStatus(200);
    assertEquals(toPath + "/moving", moved.text("path"));
    assertEquals(to, moved.text("parent_id"));
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems", "Query", "TransactWriteItems"),
        moved.dynamoCalls(), "a shorter path needs no depth check; the subtree is one batch");
    assertEquals(toPath + "/moving/child", folders.path(acme.owner(), child));
    assertEquals(toPath + "/moving/child/grandchild", folders.path(acme.owner(), grandchild));
    assertEquals(List.of(to, moving, child),
        folders.stored(acme.id(), grandchild).get("ancestor_ids").l().stream().map(v -> v.s()).toList());
    assertFalse(ids(folders.list(acme.owner(), "parent_id", from)).contains(moving));
    assertEquals(List.of(moving), ids(folders.list(acme.owner(), "parent_id", to)));
    assertNotNull(folders.onlyEvent(moving, "folder.moved").path("changes").path("path").path("old").asText(null));

    HandlerResponse toTop = folders.patch(acme.member(), moving, null, "{\"parent_id\":null,\"name\":\"Top "
        + UUID.randomUUID() + "\"}");
    toTop.assertStatus(200);
    assertTrue(toTop.json().path("parent_id").isNull());
    assertEquals(toTop.text("path") + "/child/grandchild", folders.path(acme.owner(), grandchild));
  }

  @Test
  void aPathOver2000CharactersAnywhereInTheSubtreeIs422() {
    String root = folders.folder(acme.member(), null, "Deep " + UUID.randomUUID());
    String parent = root;
    String deepest = null;
    // Seven levels of 255 characters reach about 1,830 characters of path.
    for (int level = 0; level < 7; level++) {
      deepest = folders.folder(acme.member(), parent, Character.toString('a' + level).repeat(255));
      parent = deepest;
    }
    int deepestLength = folders.path(acme.owner(), deepest).length();
    int room = 2000 - deepestLength;
    HandlerResponse tooLong = folders.create(acme.member(), "{\"name\":\"" + "z".repeat(room) + "\",\"parent_id\":\""
        + deepest + "\"}");
    assertEquals(List.of("name"), unprocessable(tooLong));
    folders.create(acme.member(), "{\"name\":\"" + "z".repeat(room - 1) + "\",\"parent_id\":\"" + deepest + "\"}")
        .assertStatus(201);

    HandlerResponse rename = folders.patch(acme.member(), root, null, "{\"name\":\"Deeper " + UUID.randomUUID()
        + "\"}");
    assertEquals(List.of("name"), unprocessable(rename));
    String longTop = folders.folder(acme.member(), null, "Long " + "l".repeat(200));
    String second = folders.folder(acme.member(), root, "b");
    HandlerResponse move = folders.patch(acme.member(), second, null, "{\"parent_id\":\"" + longTop + "\"}");
    move.assertStatus(200);
    HandlerResponse moveRoot = folders.patch(acme.member(), root, null, "{\"parent_id\":\"" + longTop + "\"}");
    assertEquals(List.of("parent_id"), unprocessable(moveRoot));
    assertTrue(folders.path(acme.owner(), deepest).startsWith(folders.path(acme.owner(), root) + "/"),
        "a refused move writes nothing");
  }

  // ---------------------------------------------------------------- DELETE and restore

  @Test
  void deleteHidesTheSubtreeAndRestoreBringsBackExactlyWhatItHid() {
    String name = "Subtree " + UUID.randomUUID();
    String root = folders.folder(acme.member(), null, name);
    String kept = folders.folder(acme.member(), root, "kept");
    String keptChild = folders.folder(acme.member(), kept, "kept child");
    String before = folders.folder(acme.member(), root, "deleted before");
    String beforeChild = folders.folder(acme.member(), before, "its child");
    folders.delete(acme.member(), before, "\"1\"").assertStatus(204);

    HandlerResponse stale = folders.delete(acme.member(), root, "\"9\"");
    stale.assertStatus(412);
    HandlerResponse deleted = folders.delete(acme.member(), root, "\"1\"");
    deleted.assertStatus(204);
    assertEquals(List.of("GetItem", "TransactWriteItems", "Query", "TransactWriteItems"), deleted.dynamoCalls(),
        "the folder, then its live subtree in one batch");

    HandlerResponse shown = folders.get(acme.viewer(), root);
    shown.assertStatus(200);
    assertNotNull(shown.text("deleted_at"));
    for (String hidden : List.of(kept, keptChild, beforeChild)) {
      folders.get(acme.viewer(), hidden).assertStatus(404);
    }
    assertNotNull(folders.get(acme.viewer(), before).text("deleted_at"), "deleted itself: still shown");
    assertEquals(List.of("parent_id"), folders.list(acme.viewer(), "parent_id", root).errorFields());
    assertFalse(ids(folders.list(acme.viewer())).contains(root));
    assertEquals(List.of("parent_id"), folders.create(acme.member(), "{\"name\":\"In deleted\",\"parent_id\":\""
        + root + "\"}").errorFields());
    HandlerResponse change = folders.patch(acme.member(), root, null, "{\"name\":\"Renamed while deleted\"}");
    change.assertStatus(409);
    assertEquals(List.of("deleted_at"), change.errorFields());
    folders.delete(acme.member(), root, null).assertStatus(404);
    folders.patch(acme.member(), kept, null, "{\"deleted_at\":null}").assertStatus(404);

    // The name is free while it is deleted; a restore then needs it back.
    String taker = folders.folder(acme.member(), null, name.toUpperCase());
    HandlerResponse clash = folders.patch(acme.member(), root, null, "{\"deleted_at\":null}");
    clash.assertStatus(409);
    assertEquals(List.of("name"), clash.errorFields());
    folders.delete(acme.member(), taker, null).assertStatus(204);

    String version = folders.get(acme.owner(), root).header("ETag");
    assertEquals(412, folders.patch(acme.member(), root, "\"1\"", "{\"deleted_at\":null}").status());
    HandlerResponse restored = folders.patch(acme.member(), root, version, "{\"deleted_at\":null}");
    restored.assertStatus(200);
    assertTrue(restored.json().path("deleted_at").isNull());
    assertEquals(List.of("GetItem", "TransactWriteItems", "Query", "TransactWriteItems"), restored.dynamoCalls());
    assertTrue(folders.get(acme.viewer(), kept).json().path("deleted_at").isNull());
    assertTrue(folders.get(acme.viewer(), keptChild).json().path("deleted_at").isNull());
    assertNotNull(folders.get(acme.viewer(), before).text("deleted_at"), "deleted before: stays deleted");
    folders.get(acme.viewer(), beforeChild).assertStatus(404);
    assertEquals(List.of(kept), ids(folders.list(acme.viewer(), "parent_id", root)));
    assertTrue(ids(folders.list(acme.viewer())).contains(root));
    assertEquals(1, folders.events(root).stream().filter(e -> e.path("action").asText().equals("folder.restored"))
        .count());

    HandlerResponse again = folders.patch(acme.member(), root, null, "{\"deleted_at\":null}");
    assertEquals(List.of("GetItem"), again.dynamoCalls(), "restoring a live folder changes nothing");

    // The one deleted before comes back on its own, with what its delete hid.
    folders.patch(acme.member(), before, null, "{\"deleted_at\":null}").assertStatus(200);
    folders.get(acme.viewer(), beforeChild).assertStatus(200);
  }

  @Test
  void aFolderWhoseParentIsDeletedCannotBeRestoredBeforeIt() {
    String parent = folders.folder(acme.member(), null, "Parent " + UUID.randomUUID());
    String child = folders.folder(acme.member(), parent, "child");
    folders.delete(acme.member(), child, null).assertStatus(204);
    folders.delete(acme.member(), parent, null).assertStatus(204);
    HandlerResponse refused = folders.patch(acme.member(), child, null, "{\"deleted_at\":null}");
    refused.assertStatus(409);
    assertEquals(List.of("parent_id"), refused.errorFields());
    folders.patch(acme.member(), parent, null, "{\"deleted_at\":null}").assertStatus(200);
    folders.patch(acme.member(), child, null, "{\"deleted_at\":null}").assertStatus(200);
    assertEquals(List.of(child), ids(folders.list(acme.viewer(), "parent_id", parent)));
  }
}
