package com.coditect.dms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.data.DmsKeys;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.Grant;
import com.coditect.dms.data.MemberTeamsItem;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link DmsEventsHandler} on moto, fed envelopes as EventBridge delivers them: team membership
 * from tenancy's events, idempotent under redelivery and out-of-order delivery, and a folder's grant
 * re-derived below it when the request that made it was cut short. (The template's rules that
 * deliver these are exercised end to end in the local module.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DmsMembershipEventsIT {

  private DmsApi api;
  private PermissionFixtures seed;
  private DmsEventsHandler events;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new DmsApi("dms-events");
    seed = new PermissionFixtures(api);
    events = new DmsEventsHandler(api.component);
    acme = api.env.seedTenant("ENG");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void membershipFollowsAddsAndRemovesAndIgnoresRedeliveries() {
    String user = Ids.newId();
    String red = Ids.newId();
    String blue = Ids.newId();
    send("team.member_added", red, Map.of("member_user_id", change(null, user)), "2026-12-01T10:00:00.000Z");
    send("team.member_added", blue, Map.of("member_user_id", change(null, user)), "2026-12-01T10:00:01.000Z");
    assertEquals(Set.of(red, blue), teams(user));
    send("team.member_added", red, Map.of("member_user_id", change(null, user)), "2026-12-01T10:00:00.000Z");
    assertEquals(List.of(red, blue), stored(user).teamIds(), "a redelivery adds nothing");

    send("team.member_removed", red, Map.of("member_user_id", change(user, null)), "2026-12-01T10:00:02.000Z");
    assertEquals(Set.of(blue), teams(user));
    long version = stored(user).version();
    send("team.member_removed", red, Map.of("member_user_id", change(user, null)), "2026-12-01T10:00:02.000Z");
    assertEquals(version, stored(user).version(), "a redelivered removal writes nothing");
  }

  @Test
  void aRemovalDeliveredBeforeItsAdditionLeavesTheUserOut() {
    String user = Ids.newId();
    String team = Ids.newId();
    send("team.member_removed", team, Map.of("member_user_id", change(user, null)), "2026-12-01T11:00:05.000Z");
    send("team.member_added", team, Map.of("member_user_id", change(null, user)), "2026-12-01T11:00:00.000Z");
    assertEquals(Set.of(), teams(user));
    // Re-added later: in again.
    send("team.member_added", team, Map.of("member_user_id", change(null, user)), "2026-12-01T11:00:09.000Z");
    assertEquals(Set.of(team), teams(user));
  }

  @Test
  void aDeletedTeamLeavesEveryMemberAndNoLateAdditionBringsItBack() {
    String team = Ids.newId();
    String other = Ids.newId();
    String ann = Ids.newId();
    String bob = Ids.newId();
    String late = Ids.newId();
    send("team.member_added", team, Map.of("member_user_id", change(null, ann)), "2026-12-01T12:00:00.000Z");
    send("team.member_added", team, Map.of("member_user_id", change(null, bob)), "2026-12-01T12:00:01.000Z");
    send("team.member_added", other, Map.of("member_user_id", change(null, bob)), "2026-12-01T12:00:02.000Z");

    send("team.deleted", team, Map.of("deleted_at", change(null, "2026-12-01T12:01:00.000Z")), "2026-12-01T12:01:00.000Z");
    assertEquals(Set.of(), teams(ann));
    assertEquals(Set.of(other), teams(bob));
    send("team.member_added", team, Map.of("member_user_id", change(null, late)), "2026-12-01T12:00:30.000Z");
    assertEquals(Set.of(), teams(late), "an addition delivered after the deletion stays out");
    send("team.deleted", team, Map.of(), "2026-12-01T12:01:00.000Z");
    assertEquals(Set.of(other), teams(bob));
  }

  @Test
  void teamGrantsFollowTheSyncedMembership() {
    String team = seed.team(acme.id());
    String user = api.env.seedUser(acme.id(), "member");
    DocumentItem document = seed.document(acme.id(), null, acme.ownerId());
    api.call(HttpEvents.route("POST /v1/documents/{document_id}/permissions").pathParam("document_id", document.id())
        .body("{\"team_id\":\"" + team + "\",\"permission_level\":\"edit\"}").claims(acme.owner()).build())
        .assertStatus(201);
    var effective = HttpEvents.route("GET /v1/documents/{document_id}/effective-permission")
        .pathParam("document_id", document.id()).claims(HttpEvents.claims(user, acme.id(), "member"));
    api.call(effective.build()).assertStatus(404);
    send("team.member_added", team, Map.of("member_user_id", change(null, user)), "2026-12-01T14:00:00.000Z");
    assertEquals("edit", api.call(effective.build()).text("level"));
    send("team.member_removed", team, Map.of("member_user_id", change(user, null)), "2026-12-01T14:00:01.000Z");
    api.call(effective.build()).assertStatus(404);
  }

  @Test
  void aFolderGrantCutShortIsDerivedDownTheSubtreeByItsEvent() {
    FolderItem top = seed.folder(acme.id(), null, "Cut-" + Ids.newId(), acme.ownerId());
    FolderItem child = seed.folder(acme.id(), top, "child", acme.ownerId());
    FolderItem grandchild = seed.folder(acme.id(), child, "grandchild", acme.ownerId());
    // The folder's own transaction committed, the walk below it never ran.
    Grant grant = new Grant(Ids.newId(), PermissionLevel.VIEW, null, top.id(), acme.memberId(), null, null);
    api.env.dynamoDb().putItem(b -> b.tableName(api.env.tableName()).item(FolderItem.SCHEMA.itemToMap(
        top.withGrants(List.of(grant)).nextVersion("2026-12-01T15:00:00.000Z"), true)));

    events.handleRequest(envelope("coditect.dms", "permission.granted", grant.id(),
        Map.of("folder_id", change(null, top.id())), "2026-12-01T15:00:00.000Z"), null);
    for (FolderItem folder : List.of(child, grandchild)) {
      assertEquals(List.of(grant), seed.storedFolder(acme.id(), folder.id()).grants(), folder.name());
    }
    long version = seed.storedFolder(acme.id(), grandchild.id()).version();
    events.handleRequest(envelope("coditect.dms", "permission.granted", grant.id(),
        Map.of("folder_id", change(null, top.id())), "2026-12-01T15:00:00.000Z"), null);
    assertEquals(version, seed.storedFolder(acme.id(), grandchild.id()).version(), "a redelivery rewrites nothing");
  }

  // ---------------------------------------------------------------- helpers

  private void send(String detailType, String resourceId, Map<String, Map<String, Object>> changes, String occurredAt) {
    events.handleRequest(envelope("coditect.tenancy", detailType, resourceId, changes, occurredAt), null);
  }

  private Map<String, Object> envelope(String source, String detailType, String resourceId,
      Map<String, Map<String, Object>> changes, String occurredAt) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("event_id", Ids.newId());
    detail.put("tenant_id", acme.id());
    detail.put("action", detailType);
    detail.put("resource_id", resourceId);
    detail.put("changes", changes);
    detail.put("occurred_at", occurredAt);
    return Map.of("source", source, "detail-type", detailType, "detail", detail);
  }

  private static Map<String, Object> change(String oldValue, String newValue) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("old", oldValue);
    change.put("new", newValue);
    return change;
  }

  private MemberTeamsItem stored(String userId) {
    var item = api.env.dynamoDb().getItem(b -> b.tableName(api.env.tableName()).consistentRead(true)
        .key(DmsKeys.memberTeams(new TenantId(acme.id()), userId).primaryKeyMap(MemberTeamsItem.SCHEMA))).item();
    return item == null || item.isEmpty() ? null : MemberTeamsItem.SCHEMA.mapToItem(item);
  }

  private Set<String> teams(String userId) {
    MemberTeamsItem item = stored(userId);
    return item == null || item.isDeleted() ? Set.of() : new TreeSet<>(item.teamIds());
  }
}
