package com.coditect.dms;

import static com.coditect.testing.ListAsserts.bad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.DocumentSeeds.Seeded;
import com.coditect.dms.api.ActivityResponse;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.Principal;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /v1/documents/{document_id}/activity} on moto, and the per-user activity of the
 * spec's second index (a service method: API.md has no route for it). Rows are made by the actions
 * that record them here: sharing (a user) and downloads through a link (no user).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityRoutesIT {

  private DmsApi api;
  private DocumentSeeds seeds;
  private ShareTestSupport shares;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new DmsApi("activity");
    seeds = new DocumentSeeds(api);
    shares = new ShareTestSupport(api);
    acme = api.env.seedTenant("ENG");
    globex = api.env.seedTenant("OPS");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  private static List<String> actions(HandlerResponse page) {
    List<String> actions = new ArrayList<>();
    page.json().path("items").forEach(row -> actions.add(row.path("action").asText()));
    return actions;
  }

  @Test
  void listsADocumentsActivityNewestFirstFilteredAndPagedInOneQueryEach() {
    Seeded doc = seeds.document(acme.id(), acme.ownerId(), "Plan", "plan.txt", "bytes");
    seeds.grant(acme.id(), doc.id(), acme.memberId(), PermissionLevel.EDIT);
    String token = shares.token(acme.owner(), doc.id(), "{\"permission_level\":\"download\"}");
    shares.access(token, null).assertStatus(200);
    shares.token(acme.member(), doc.id(), "{\"permission_level\":\"view\"}");
    shares.access(token, null).assertStatus(200);

    HandlerResponse all = shares.activity(acme.owner(), doc.id());
    all.assertStatus(200);
    assertEquals(List.of("downloaded", "shared", "downloaded", "shared"), actions(all));
    assertEquals(List.of("GetItem", "Query"), all.dynamoCalls());
    JsonNode newest = all.json().path("items").get(0);
    assertEquals(doc.id(), newest.path("document_id").asText());
    assertNotNull(newest.path("created_at").asText(null));

    assertEquals(List.of("downloaded", "downloaded"), actions(shares.activity(acme.owner(), doc.id(), "action", "downloaded")));
    HandlerResponse byMember = shares.activity(acme.owner(), doc.id(), "user_id", acme.memberId());
    assertEquals(List.of("shared"), actions(byMember));
    assertEquals(acme.memberId(), byMember.json().path("items").get(0).path("user_id").asText());
    assertEquals(List.of(), actions(shares.activity(acme.owner(), doc.id(), "action", "deleted")));

    List<String> paged = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 10; pages++) {
      HandlerResponse page = cursor == null ? shares.activity(acme.owner(), doc.id(), "limit", "3")
          : shares.activity(acme.owner(), doc.id(), "limit", "3", "cursor", cursor);
      page.assertStatus(200);
      assertEquals(List.of("GetItem", "Query"), page.dynamoCalls());
      paged.addAll(actions(page));
      cursor = page.json().path("next_cursor").isNull() ? null : page.text("next_cursor");
      if (cursor == null) {
        break;
      }
    }
    assertEquals(actions(all), paged);
    // A cursor is bound to its filters.
    String first = shares.activity(acme.owner(), doc.id(), "limit", "1").text("next_cursor");
    shares.activity(acme.owner(), doc.id(), "limit", "1", "action", "shared", "cursor", first).assertStatus(400);
  }

  @Test
  void whoMayReadADocumentsActivity() {
    Seeded doc = seeds.document(acme.id(), acme.ownerId(), "Secret", "s.txt", "bytes");
    HandlerResponse anonymous = shares.activity(null, doc.id());
    anonymous.assertStatus(401);
    assertTrue(anonymous.dynamoCalls().isEmpty());
    HandlerResponse foreign = shares.activity(globex.owner(), doc.id());
    foreign.assertStatus(404);
    assertEquals(List.of("GetItem"), foreign.dynamoCalls());
    shares.activity(acme.member(), doc.id()).assertStatus(404);
    shares.activity(acme.viewer(), doc.id()).assertStatus(404);
    shares.activity(acme.owner(), UUID.randomUUID().toString()).assertStatus(404);
    // Every role may call the route; a grant of view is what the document needs.
    seeds.grant(acme.id(), doc.id(), acme.viewerId(), PermissionLevel.VIEW);
    shares.activity(acme.viewer(), doc.id()).assertStatus(200);
    String auditor = api.env.seedUser(acme.id(), "auditor");
    shares.activity(HttpEvents.claims(auditor, acme.id(), "auditor"), doc.id()).assertStatus(404);
    shares.activity(acme.admin(), doc.id()).assertStatus(200);
    seeds.delete(acme.id(), doc.id());
    shares.activity(acme.owner(), doc.id()).assertStatus(404);
  }

  @Test
  void badFiltersAre400NamingThem() {
    Seeded doc = seeds.document(acme.id(), acme.ownerId(), "Plan", "plan.txt", "bytes");
    assertEquals(List.of("action"), bad(shares.activity(acme.owner(), doc.id(), "action", "printed")));
    assertEquals(List.of("user_id"), bad(shares.activity(acme.owner(), doc.id(), "user_id", "me")));
    assertEquals(List.of("limit"), bad(shares.activity(acme.owner(), doc.id(), "limit", "101")));
    assertEquals(List.of("cursor"), bad(shares.activity(acme.owner(), doc.id(), "cursor", "garbage")));
    assertEquals(List.of("document_id"), bad(shares.activity(acme.owner(), "doc", "limit", "1")));
  }

  @Test
  void aUsersActivityAcrossDocumentsIsOneQueryForThemOrAnAdmin() {
    SeededTenant tenant = api.env.seedTenant("USR");
    Seeded one = seeds.document(tenant.id(), tenant.ownerId(), "One", "1.txt", "a");
    Seeded two = seeds.document(tenant.id(), tenant.ownerId(), "Two", "2.txt", "b");
    seeds.grant(tenant.id(), one.id(), tenant.memberId(), PermissionLevel.EDIT);
    seeds.grant(tenant.id(), two.id(), tenant.memberId(), PermissionLevel.EDIT);
    shares.token(tenant.member(), one.id(), "{\"permission_level\":\"view\"}");
    shares.token(tenant.member(), two.id(), "{\"permission_level\":\"view\"}");
    String anonymousDownload = shares.token(tenant.owner(), one.id(), "{\"permission_level\":\"download\"}");
    shares.access(anonymousDownload, null).assertStatus(200);

    var service = api.component.activityService();
    Caller member = caller(tenant, tenant.memberId(), "member");
    api.calls.reset();
    ResultPage<ActivityResponse> mine = service.ofUser(member, tenant.memberId(), new PageRequest(50, Optional.empty()));
    assertEquals(List.of("Query"), api.calls.operations());
    assertEquals(List.of(two.id(), one.id()), mine.items().stream().map(ActivityResponse::documentId).toList());
    assertTrue(mine.items().stream().allMatch(row -> row.action().equals("shared")));

    ResultPage<ActivityResponse> first = service.ofUser(caller(tenant, tenant.adminId(), "admin"), tenant.memberId(),
        new PageRequest(1, Optional.empty()));
    assertEquals(List.of(two.id()), first.items().stream().map(ActivityResponse::documentId).toList());
    ResultPage<ActivityResponse> second = service.ofUser(member, tenant.memberId(),
        new PageRequest(1, Optional.of(first.nextCursor())));
    assertEquals(List.of(one.id()), second.items().stream().map(ActivityResponse::documentId).toList());

    assertThrows(ForbiddenException.class, () -> service.ofUser(caller(tenant, tenant.viewerId(), "viewer"),
        tenant.memberId(), new PageRequest(50, Optional.empty())));
    // Another tenant's rows are another partition.
    assertEquals(List.of(), service.ofUser(caller(globex, globex.ownerId(), "owner"), tenant.memberId(),
        new PageRequest(50, Optional.empty())).items());
  }

  private static Caller caller(SeededTenant tenant, String userId, String role) {
    Principal principal = Principal.fromClaims(HttpEvents.claims(userId, tenant.id(), role)).orElseThrow();
    return new Caller(principal, Actor.of(new com.coditect.shared.http.ApiRequest(
        HttpEvents.route("GET /v1/documents/{document_id}/activity").claims(HttpEvents.claims(userId, tenant.id(), role))
            .pathParam("document_id", UUID.randomUUID().toString()).build()), principal));
  }
}
