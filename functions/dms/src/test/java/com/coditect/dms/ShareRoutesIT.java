package com.coditect.dms;

import static com.coditect.testing.ListAsserts.bad;
import static com.coditect.testing.ListAsserts.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.DocumentSeeds.Seeded;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET|POST /v1/documents/{document_id}/shares} and {@code PATCH|DELETE /v1/shares/{share_id}}
 * on moto: who may manage links (edit on the document), the token shown once and stored nowhere
 * but as its SHA-256, and each change's transaction with its event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareRoutesIT {

  private DmsApi api;
  private DocumentSeeds seeds;
  private ShareTestSupport shares;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new DmsApi("shares");
    seeds = new DocumentSeeds(api);
    shares = new ShareTestSupport(api);
    acme = api.env.seedTenant("ENG");
    globex = api.env.seedTenant("OPS");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  private Seeded document(SeededTenant tenant, String ownerId) {
    return seeds.document(tenant.id(), ownerId, "Q4 report", "q4.txt", "first draft", "final text");
  }

  // ---------------------------------------------------------------- POST /v1/documents/{document_id}/shares

  @Test
  void ownerOfTheDocumentCreatesALinkWhoseTokenIsShownOnceAndStoredOnlyAsItsHash() {
    Seeded doc = document(acme, acme.memberId());
    HandlerResponse created = shares.create(acme.member(), doc.id(),
        "{\"permission_level\":\"download\",\"expires_at\":\"2099-01-01T00:00:00Z\",\"password\":\"s3cret pass\","
            + "\"max_access_count\":3}");

    created.assertStatus(201);
    String id = created.text("id");
    String token = created.text("token");
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
    assertEquals("https://api.example.test/share/" + token, created.text("url"));
    assertEquals("/v1/shares/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals("download", created.text("permission_level"));
    assertEquals("2099-01-01T00:00:00.000Z", created.text("expires_at"));
    assertTrue(created.json().path("needs_password").asBoolean());
    assertEquals(3, created.json().path("max_access_count").asInt());
    assertEquals(0, created.json().path("access_count").asInt());
    assertTrue(created.json().path("is_active").asBoolean());
    assertEquals(acme.memberId(), created.text("created_by"));
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), created.dynamoCalls());

    String stored = shares.everythingStored();
    assertFalse(stored.contains(token), "the token is stored nowhere");
    assertTrue(stored.contains("PLATFORM#SHARE_TOKEN#" + DocumentSeeds.sha256(token.getBytes())), "its SHA-256 keys it");
    assertFalse(stored.contains("s3cret pass"), "the password is stored nowhere");
    assertTrue(stored.contains("$argon2id$v=19$m=19456,t=2,p=1$"), "only its Argon2id hash");

    JsonNode event = shares.events("share.created", id).get(0);
    assertEquals("share", event.path("resource_type").asText());
    assertEquals(acme.memberId(), event.path("actor").path("user_id").asText());
    assertFalse(event.toString().contains(token), "no token in the event");
    assertFalse(event.toString().contains("argon2"), "no hash in the event");

    JsonNode row = shares.activity(acme.owner(), doc.id()).json().path("items").get(0);
    assertEquals("shared", row.path("action").asText());
    assertEquals(acme.memberId(), row.path("user_id").asText());

    JsonNode listed = shares.list(acme.member(), doc.id()).json().path("items").get(0);
    assertEquals(id, listed.path("id").asText());
    assertFalse(listed.has("token"), "a list never shows a token");
    assertFalse(listed.has("url"));
  }

  @Test
  void aLinkMayPinAVersionThatExists() {
    Seeded doc = document(acme, acme.ownerId());
    HandlerResponse pinned = shares.create(acme.owner(), doc.id(), "{\"permission_level\":\"view\",\"version_number\":1}");
    pinned.assertStatus(201);
    assertEquals(1, pinned.json().path("version_number").asInt());
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), pinned.dynamoCalls());

    HandlerResponse missing = shares.create(acme.owner(), doc.id(), "{\"permission_level\":\"view\",\"version_number\":3}");
    missing.assertStatus(404);
    assertEquals(List.of("version_number"), missing.errorFields());
    assertEquals(List.of("BatchGetItem"), missing.dynamoCalls());
  }

  @Test
  void badBodiesAre400NamingTheFieldAndWriteNothing() {
    Seeded doc = document(acme, acme.ownerId());
    var owner = acme.owner();
    assertEquals(List.of("body"), bad(shares.create(owner, doc.id(), "")));
    assertEquals(List.of("permission_level"), bad(shares.create(owner, doc.id(), "{}")));
    assertEquals(List.of("permission_level"), bad(shares.create(owner, doc.id(), "{\"permission_level\":\"edit\"}")));
    assertEquals(List.of("expires_at"), bad(shares.create(owner, doc.id(),
        "{\"permission_level\":\"view\",\"expires_at\":\"tomorrow\"}")));
    HandlerResponse past = shares.create(owner, doc.id(), "{\"permission_level\":\"view\",\"expires_at\":\"2020-01-01T00:00:00Z\"}");
    assertEquals(List.of("expires_at"), bad(past));
    assertEquals(List.of("GetItem"), past.dynamoCalls());
    assertEquals(List.of("password"), bad(shares.create(owner, doc.id(), "{\"permission_level\":\"view\",\"password\":\"  \"}")));
    assertEquals(List.of("password"), bad(shares.create(owner, doc.id(),
        "{\"permission_level\":\"view\",\"password\":\"" + "x".repeat(257) + "\"}")));
    assertEquals(List.of("max_access_count"), bad(shares.create(owner, doc.id(),
        "{\"permission_level\":\"view\",\"max_access_count\":0}")));
    assertEquals(List.of("version_number"), bad(shares.create(owner, doc.id(),
        "{\"permission_level\":\"view\",\"version_number\":0}")));
    assertEquals(List.of("token"), bad(shares.create(owner, doc.id(), "{\"permission_level\":\"view\",\"token\":\"mine\"}")));
    assertEquals(List.of("document_id"), bad(shares.create(owner, "not-a-uuid", "{\"permission_level\":\"view\"}")));
    assertEquals(List.of(), ids(shares.list(owner, doc.id())), "a refused link is not written");
  }

  @Test
  void rolesTokensTenantsAndDocumentPermissionsDecideWhoManagesLinks() {
    Seeded doc = document(acme, acme.ownerId());
    String body = "{\"permission_level\":\"view\"}";
    // No token: 401 before anything is read.
    HandlerResponse anonymous = shares.create(null, doc.id(), body);
    anonymous.assertStatus(401);
    assertTrue(anonymous.dynamoCalls().isEmpty());
    shares.list(null, doc.id()).assertStatus(401);
    // A viewer may not write at all (route table): 403 before anything is read.
    HandlerResponse viewer = shares.create(acme.viewer(), doc.id(), body);
    viewer.assertStatus(403);
    assertTrue(viewer.dynamoCalls().isEmpty());
    // Another tenant's document does not exist for this caller.
    shares.create(globex.owner(), doc.id(), body).assertStatus(404);
    shares.list(globex.owner(), doc.id()).assertStatus(404);
    // A member without any grant cannot even see the document: 404, not 403.
    shares.create(acme.member(), doc.id(), body).assertStatus(404);
    shares.list(acme.member(), doc.id()).assertStatus(404);
    // With view only: the document is seen, managing its links is refused.
    seeds.grant(acme.id(), doc.id(), acme.memberId(), PermissionLevel.VIEW);
    shares.create(acme.member(), doc.id(), body).assertStatus(403);
    shares.list(acme.member(), doc.id()).assertStatus(403);
    // A viewer role with an edit grant still cannot create (the route is for contributors), but lists.
    seeds.grant(acme.id(), doc.id(), acme.viewerId(), PermissionLevel.EDIT);
    shares.list(acme.viewer(), doc.id()).assertStatus(200);
    // Edit is enough; a tenant admin needs no grant.
    seeds.grant(acme.id(), doc.id(), acme.memberId(), PermissionLevel.EDIT);
    shares.create(acme.member(), doc.id(), body).assertStatus(201);
    shares.create(acme.admin(), doc.id(), body).assertStatus(201);
    // A deleted document is not found.
    seeds.delete(acme.id(), doc.id());
    shares.create(acme.owner(), doc.id(), body).assertStatus(404);
    shares.create(acme.owner(), UUID.randomUUID().toString(), body).assertStatus(404);
  }

  // ---------------------------------------------------------------- GET /v1/documents/{document_id}/shares

  @Test
  void listsActiveLinksFirstInOneQueryAPageWithoutTokens() {
    Seeded doc = document(acme, acme.ownerId());
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      made.add(shares.create(acme.owner(), doc.id(), "{\"permission_level\":\"view\"}").text("id"));
    }
    shares.revoke(acme.owner(), made.get(0), null).assertStatus(204);

    HandlerResponse all = shares.list(acme.owner(), doc.id());
    all.assertStatus(200);
    assertEquals(List.of(made.get(1), made.get(2), made.get(3), made.get(0)), ids(all));
    assertEquals(List.of("GetItem", "Query"), all.dynamoCalls());

    HandlerResponse first = shares.list(acme.owner(), doc.id(), "limit", "3");
    assertEquals(List.of(made.get(1), made.get(2), made.get(3)), ids(first));
    assertNotNull(first.text("next_cursor"));
    HandlerResponse second = shares.list(acme.owner(), doc.id(), "limit", "3", "cursor", first.text("next_cursor"));
    assertEquals(List.of(made.get(0)), ids(second));
    assertEquals(List.of("GetItem", "Query"), second.dynamoCalls());
    assertEquals(List.of("limit"), bad(shares.list(acme.owner(), doc.id(), "limit", "0")));
  }

  // ---------------------------------------------------------------- PATCH /v1/shares/{share_id}

  @Test
  void patchChangesALinkWithIfMatchAndRecordsTheChange() {
    Seeded doc = document(acme, acme.ownerId());
    HandlerResponse created = shares.create(acme.owner(), doc.id(), "{\"permission_level\":\"view\"}");
    String id = created.text("id");

    HandlerResponse changed = shares.patch(acme.owner(), id, "\"1\"",
        "{\"permission_level\":\"download\",\"max_access_count\":5,\"expires_at\":\"2099-06-01T12:00:00Z\","
            + "\"password\":\"open sesame\"}");
    changed.assertStatus(200);
    assertEquals("\"2\"", changed.header("ETag"));
    assertEquals("download", changed.text("permission_level"));
    assertEquals(5, changed.json().path("max_access_count").asInt());
    assertEquals("2099-06-01T12:00:00.000Z", changed.text("expires_at"));
    assertTrue(changed.json().path("needs_password").asBoolean());
    assertFalse(changed.json().has("token"));
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems"), changed.dynamoCalls());
    JsonNode event = shares.events("share.updated", id).get(0);
    assertEquals("view", event.path("changes").path("permission_level").path("old").asText());
    assertEquals("download", event.path("changes").path("permission_level").path("new").asText());
    assertEquals("changed", event.path("changes").path("password").path("new").asText());
    assertFalse(event.toString().contains("open sesame"));

    HandlerResponse stale = shares.patch(acme.owner(), id, "\"1\"", "{\"max_access_count\":6}");
    stale.assertStatus(412);
    assertEquals(List.of("GetItem", "GetItem"), stale.dynamoCalls());

    HandlerResponse cleared = shares.patch(acme.owner(), id, null, "{\"max_access_count\":null,\"password\":null,"
        + "\"expires_at\":null}");
    cleared.assertStatus(200);
    assertTrue(cleared.json().path("max_access_count").isNull());
    assertFalse(cleared.json().path("needs_password").asBoolean());
    assertTrue(cleared.json().path("expires_at").isNull());

    HandlerResponse same = shares.patch(acme.owner(), id, null, "{\"max_access_count\":null}");
    same.assertStatus(200);
    assertEquals(cleared.header("ETag"), same.header("ETag"), "a change that changes nothing writes nothing");
    assertEquals(List.of("GetItem", "GetItem"), same.dynamoCalls());
  }

  @Test
  void patchRefusesBadFieldsStrangersAndTheWrongRole() {
    Seeded doc = document(acme, acme.ownerId());
    String id = shares.create(acme.owner(), doc.id(), "{\"permission_level\":\"view\"}").text("id");
    var owner = acme.owner();
    assertEquals(List.of("body"), bad(shares.patch(owner, id, null, "{}")));
    assertEquals(List.of("is_active"), bad(shares.patch(owner, id, null, "{\"is_active\":\"no\"}")));
    assertEquals(List.of("is_active"), bad(shares.patch(owner, id, null, "{\"is_active\":null}")));
    assertEquals(List.of("permission_level"), bad(shares.patch(owner, id, null, "{\"permission_level\":null}")));
    assertEquals(List.of("version_number"), bad(shares.patch(owner, id, null, "{\"version_number\":1}")));
    assertEquals(List.of("expires_at"), bad(shares.patch(owner, id, null, "{\"expires_at\":\"2001-01-01T00:00:00Z\"}")));
    assertEquals(List.of("max_access_count"), bad(shares.patch(owner, id, null, "{\"max_access_count\":-1}")));
    assertEquals(List.of("share_id"), bad(shares.patch(owner, "x", null, "{\"is_active\":false}")));
    assertEquals(List.of("If-Match"), bad(shares.patch(owner, id, "1,2", "{\"is_active\":false}")));

    shares.patch(null, id, null, "{\"is_active\":false}").assertStatus(401);
    HandlerResponse viewer = shares.patch(acme.viewer(), id, null, "{\"is_active\":false}");
    viewer.assertStatus(403);
    assertTrue(viewer.dynamoCalls().isEmpty());
    HandlerResponse foreign = shares.patch(globex.owner(), id, null, "{\"is_active\":false}");
    foreign.assertStatus(404);
    assertEquals(List.of("GetItem"), foreign.dynamoCalls());
    // A member who cannot see the document does not learn that its link exists.
    shares.patch(acme.member(), id, null, "{\"is_active\":false}").assertStatus(404);
    shares.patch(owner, UUID.randomUUID().toString(), null, "{\"is_active\":false}").assertStatus(404);
    assertTrue(shares.list(owner, doc.id()).json().path("items").get(0).path("is_active").asBoolean());
  }

  // ---------------------------------------------------------------- DELETE /v1/shares/{share_id}

  @Test
  void revokingTakesEffectAtOnce() {
    Seeded doc = document(acme, acme.ownerId());
    HandlerResponse created = shares.create(acme.owner(), doc.id(), "{\"permission_level\":\"download\"}");
    String id = created.text("id");
    String token = created.text("token");
    shares.access(token, null).assertStatus(200);

    HandlerResponse stale = shares.revoke(acme.owner(), id, "\"1\"");
    stale.assertStatus(412);
    HandlerResponse revoked = shares.revoke(acme.owner(), id, "\"2\"");
    revoked.assertStatus(204);
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems"), revoked.dynamoCalls());

    shares.access(token, null).assertStatus(410);
    shares.describe(token).assertStatus(410);
    JsonNode listed = shares.list(acme.owner(), doc.id()).json().path("items").get(0);
    assertFalse(listed.path("is_active").asBoolean());
    assertEquals(1, shares.events("share.revoked", id).size());

    // Revoking again changes nothing; making it active again brings it back.
    shares.revoke(acme.owner(), id, null).assertStatus(204);
    assertEquals(1, shares.events("share.revoked", id).size());
    shares.patch(acme.owner(), id, null, "{\"is_active\":true}").assertStatus(200);
    shares.access(token, null).assertStatus(200);

    shares.revoke(null, id, null).assertStatus(401);
    shares.revoke(acme.viewer(), id, null).assertStatus(403);
    shares.revoke(globex.admin(), id, null).assertStatus(404);
    assertEquals(List.of("share_id"), bad(shares.revoke(acme.owner(), "42", null)));
  }

  @Test
  void aWrongRoleIsRefusedBeforeAnythingIsRead() {
    for (String role : List.of("billing", "auditor")) {
      String user = api.env.seedUser(acme.id(), role);
      HandlerResponse refused = shares.create(HttpEvents.claims(user, acme.id(), role), UUID.randomUUID().toString(),
          "{\"permission_level\":\"view\"}");
      refused.assertStatus(403);
      assertTrue(refused.dynamoCalls().isEmpty());
    }
    shares.list(Map.of(), UUID.randomUUID().toString()).assertStatus(401);
  }
}
