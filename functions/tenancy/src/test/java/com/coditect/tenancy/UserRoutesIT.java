package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.tenancy.TenancyApi.SeededTenant;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET|PATCH /v1/me}, {@code GET|POST /v1/users}, {@code GET|PATCH|DELETE /v1/users/{user_id}}
 * on moto. Every response also passes the OpenAPI contract check in {@link TenancyApi#call}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserRoutesIT {

  private static final List<String> READ_ONE = List.of("GetItem");
  private static final List<String> READ_PAGE = List.of("Query");
  private static final List<String> CREATE = List.of("TransactWriteItems");
  private static final List<String> READ_THEN_WRITE = List.of("GetItem", "TransactWriteItems");

  private TenancyApi api;
  private SeededTenant acme;
  private SeededTenant globex;
  private String acmeAdmin;
  private String acmeMember;
  private String acmeViewer;
  private String globexMember;

  @BeforeAll
  void start() {
    api = new TenancyApi("users");
    acme = api.seedTenant("Acme");
    globex = api.seedTenant("Globex");
    acmeAdmin = api.addUser(acme, "admin");
    acmeMember = api.addUser(acme, "member");
    acmeViewer = api.addUser(acme, "viewer");
    globexMember = api.addUser(globex, "member");
  }

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  // ---------------------------------------------------------------- helpers

  private Map<String, String> admin() {
    return acme.as(acmeAdmin, "admin");
  }

  private Map<String, String> member() {
    return acme.as(acmeMember, "member");
  }

  private Map<String, String> viewer() {
    return acme.as(acmeViewer, "viewer");
  }

  private static String uniqueEmail(String label) {
    return label + "-" + UUID.randomUUID() + "@example.com";
  }

  private static String inviteBody(String email, String name, String role) {
    return "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"role\":\"" + role + "\"}";
  }

  private HandlerResponse getMe(Map<String, String> claims) {
    var event = HttpEvents.route("GET /v1/me");
    if (claims != null) {
      event.claims(claims);
    }
    return api.call(event.build());
  }

  private HandlerResponse patchMe(Map<String, String> claims, String ifMatch, String body) {
    var event = HttpEvents.route("PATCH /v1/me").body(body);
    if (claims != null) {
      event.claims(claims);
    }
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private HandlerResponse patchMe(Map<String, String> claims, String body) {
    return patchMe(claims, null, body);
  }

  /** {@code GET /v1/users} with query parameters given as name, value, name, value... */
  private HandlerResponse listUsers(Map<String, String> claims, String... query) {
    var event = HttpEvents.route("GET /v1/users");
    if (claims != null) {
      event.claims(claims);
    }
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse invite(Map<String, String> claims, String body) {
    var event = HttpEvents.route("POST /v1/users").body(body);
    if (claims != null) {
      event.claims(claims);
    }
    return api.call(event.build());
  }

  /** Invites a fresh user into {@code tenant} as its owner; returns the new id. */
  private String newUser(SeededTenant tenant, String role) {
    HandlerResponse created = invite(tenant.owner(), inviteBody(uniqueEmail(role), "New " + role, role));
    assertEquals(201, created.status(), created.raw());
    return created.text("id");
  }

  private HandlerResponse getUser(Map<String, String> claims, String userId) {
    var event = HttpEvents.route("GET /v1/users/{user_id}").pathParam("user_id", userId);
    if (claims != null) {
      event.claims(claims);
    }
    return api.call(event.build());
  }

  private HandlerResponse patchUser(Map<String, String> claims, String userId, String ifMatch, String body) {
    var event = HttpEvents.route("PATCH /v1/users/{user_id}").pathParam("user_id", userId).body(body);
    if (claims != null) {
      event.claims(claims);
    }
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private HandlerResponse patchUser(Map<String, String> claims, String userId, String body) {
    return patchUser(claims, userId, null, body);
  }

  private HandlerResponse deleteUser(Map<String, String> claims, String userId, String ifMatch) {
    var event = HttpEvents.route("DELETE /v1/users/{user_id}").pathParam("user_id", userId);
    if (claims != null) {
      event.claims(claims);
    }
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private static List<String> ids(HandlerResponse list) {
    List<String> ids = new ArrayList<>();
    list.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  /** Every id of the tenant's user list, following next_cursor with {@code limit}. */
  private List<String> allUserIds(Map<String, String> claims, int limit, String... filter) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 100; pages++) {
      List<String> query = new ArrayList<>(List.of(filter));
      query.add("limit");
      query.add(String.valueOf(limit));
      if (cursor != null) {
        query.add("cursor");
        query.add(cursor);
      }
      HandlerResponse page = listUsers(claims, query.toArray(String[]::new));
      assertEquals(200, page.status(), page.raw());
      assertEquals(READ_PAGE, page.dynamoCalls(), "every page is exactly one Query");
      assertTrue(page.json().path("items").size() <= limit, page.raw());
      ids.addAll(ids(page));
      cursor = page.text("next_cursor");
      if (cursor == null) {
        return ids;
      }
    }
    throw new AssertionError("paging did not end");
  }

  private static void assertBadRequest(HandlerResponse response, String... fields) {
    assertEquals(400, response.status(), response.raw());
    assertEquals(List.of(fields), response.errorFields(), response.raw());
    assertTrue(response.dynamoCalls().isEmpty(), "a malformed request must not touch the table: "
        + response.dynamoCalls());
  }

  /** The 400 for {@code phone_number} says where a user's phone number is set now. */
  private static void assertPointsToPhoneNumbers(HandlerResponse response) {
    String message = response.json().path("errors").path(0).path("message").asText();
    assertTrue(message.contains("default work phone") && message.contains("POST /v1/phone-numbers"),
        response.raw());
  }

  private static void assertForbiddenWithoutTableAccess(HandlerResponse response) {
    assertEquals(403, response.status(), response.raw());
    assertTrue(response.dynamoCalls().isEmpty(), "a refused role must not touch the table: "
        + response.dynamoCalls());
  }

  // ---------------------------------------------------------------- GET /v1/me

  @Test
  void meReturnsTheCallerWithEtagInOneGetItem() {
    HandlerResponse me = getMe(acme.owner());

    assertEquals(200, me.status(), me.raw());
    assertEquals(acme.ownerId(), me.text("id"));
    assertEquals("owner", me.text("role"));
    assertEquals("invited", me.text("status"));
    assertEquals("Olive Owner", me.text("name"));
    assertTrue(me.text("email").startsWith("owner-"), me.raw());
    assertTrue(me.json().get("timezone").isNull());
    assertTrue(me.json().get("notification_preferences").isObject());
    assertNotNull(me.text("created_at"));
    assertEquals("\"1\"", me.header("ETag"));
    assertEquals(READ_ONE, me.dynamoCalls());
  }

  @Test
  void meWorksForEveryRoleAndIsAlwaysTheTokensUser() {
    for (String role : List.of("admin", "member", "viewer", "billing", "auditor")) {
      String id = newUser(acme, role);
      HandlerResponse me = getMe(acme.as(id, role));
      assertEquals(200, me.status(), role + ": " + me.raw());
      assertEquals(id, me.text("id"));
      assertEquals(role, me.text("role"));
    }
  }

  @Test
  void meNeedsATenantToken() {
    assertEquals(401, getMe(null).status());
    assertEquals(401, getMe(HttpEvents.platformAdminClaims(TenancyApi.PLATFORM_ADMIN)).status());
    assertEquals(401, getMe(HttpEvents.claims(acme.ownerId(), "not-a-tenant", "owner")).status());
    assertEquals(401, getMe(HttpEvents.claims(acme.ownerId(), acme.id(), "superuser")).status());
  }

  @Test
  void meOfAUserFromAnotherTenantIs404() {
    // Globex's token naming Acme's owner as subject: the tenant comes from the token, so the user is absent.
    HandlerResponse me = getMe(globex.as(acme.ownerId(), "owner"));
    assertEquals(404, me.status(), me.raw());
    assertEquals(READ_ONE, me.dynamoCalls());
  }

  // ---------------------------------------------------------------- PATCH /v1/me

  @Test
  void updatesOwnProfileWithNewEtagInOneReadAndOneTransaction() {
    String id = newUser(acme, "member");
    Map<String, String> claims = acme.as(id, "member");
    HandlerResponse updated = patchMe(claims, "\"1\"", """
        {"name":"Mia Member","avatar_url":"https://cdn.example.com/a.png",
         "timezone":"Europe/Berlin","language":"pt-BR","notification_preferences":{"email":true,"slack":false}}""");

    assertEquals(200, updated.status(), updated.raw());
    assertEquals("Mia Member", updated.text("name"));
    assertEquals("https://cdn.example.com/a.png", updated.text("avatar_url"));
    assertEquals("Europe/Berlin", updated.text("timezone"));
    assertEquals("pt-BR", updated.text("language"));
    assertEquals(Map.of("email", true, "slack", false),
        TenancyApi.MAPPER.convertValue(updated.json().get("notification_preferences"), Map.class));
    assertEquals("member", updated.text("role"));
    assertEquals("\"2\"", updated.header("ETag"));
    assertEquals(READ_THEN_WRITE, updated.dynamoCalls());

    HandlerResponse reread = getMe(claims);
    assertEquals("Europe/Berlin", reread.text("timezone"));
    assertEquals("\"2\"", reread.header("ETag"));
  }

  @Test
  void patchMeWithNothingChangedWritesNothing() {
    String id = newUser(acme, "member");
    Map<String, String> claims = acme.as(id, "member");
    String name = getMe(claims).text("name");

    HandlerResponse same = patchMe(claims, "{\"name\":\"" + name + "\"}");
    assertEquals(200, same.status(), same.raw());
    assertEquals("\"1\"", same.header("ETag"));
    assertEquals(READ_ONE, same.dynamoCalls());
  }

  @Test
  void nullClearsNullableProfileFields() {
    String id = newUser(acme, "member");
    Map<String, String> claims = acme.as(id, "member");
    assertEquals(200, patchMe(claims, "{\"avatar_url\":\"https://cdn.example.com/b.png\",\"timezone\":\"UTC\"}")
        .status());

    HandlerResponse cleared = patchMe(claims, "{\"avatar_url\":null,\"timezone\":null}");
    assertEquals(200, cleared.status(), cleared.raw());
    assertTrue(cleared.json().get("avatar_url").isNull());
    assertTrue(cleared.json().get("timezone").isNull());
  }

  @Test
  void notificationPreferencesMergeOnPatch() {
    String id = newUser(acme, "viewer");
    Map<String, String> claims = acme.as(id, "viewer");
    assertEquals(200, patchMe(claims, "{\"notification_preferences\":{\"email\":true,\"slack\":false}}").status());

    HandlerResponse merged = patchMe(claims, "{\"notification_preferences\":{\"slack\":true,\"webhook\":false}}");
    assertEquals(200, merged.status(), merged.raw());
    assertEquals(Map.of("email", true, "slack", true, "webhook", false),
        TenancyApi.MAPPER.convertValue(merged.json().get("notification_preferences"), Map.class));
    assertEquals(Map.of("email", true, "slack", true, "webhook", false),
        TenancyApi.MAPPER.convertValue(getMe(claims).json().get("notification_preferences"), Map.class));
  }

  @Test
  void notificationPreferencesAcceptOnlyEmailSlackWebhookBooleans() {
    assertBadRequest(patchMe(member(), "{\"notification_preferences\":{\"sms\":true}}"),
        "notification_preferences.sms");
    assertBadRequest(patchMe(member(), "{\"notification_preferences\":{\"email\":\"yes\"}}"),
        "notification_preferences.email");
    assertBadRequest(patchMe(member(), "{\"notification_preferences\":\"all\"}"), "notification_preferences");
    assertBadRequest(patchMe(member(), "{\"notification_preferences\":null}"), "notification_preferences");
  }

  @Test
  void timezoneMustBeIana() {
    String id = newUser(acme, "member");
    Map<String, String> claims = acme.as(id, "member");
    HandlerResponse berlin = patchMe(claims, "{\"timezone\":\"Europe/Berlin\"}");
    assertEquals(200, berlin.status(), berlin.raw());
    assertEquals("Europe/Berlin", berlin.text("timezone"));

    assertBadRequest(patchMe(claims, "{\"timezone\":\"Mars/Olympus\"}"), "timezone");
    assertBadRequest(patchMe(claims, "{\"timezone\":\"+02:00\"}"), "timezone");
    // Java knows the SystemV/* zones, but IANA dropped them: other clients cannot resolve them.
    assertBadRequest(patchMe(claims, "{\"timezone\":\"SystemV/AST4\"}"), "timezone");
    assertBadRequest(patchMe(claims, "{\"timezone\":\"europe/berlin\"}"), "timezone");
    assertBadRequest(patchMe(claims, "{\"timezone\":\"" + "Europe/".repeat(8) + "\"}"), "timezone");
    assertEquals("Europe/Berlin", getMe(claims).text("timezone"), "a refused update must change nothing");
  }

  @Test
  void languageMustBeBcp47() {
    String id = newUser(acme, "member");
    Map<String, String> claims = acme.as(id, "member");
    HandlerResponse ok = patchMe(claims, "{\"language\":\"pt-BR\"}");
    assertEquals(200, ok.status(), ok.raw());
    assertEquals("pt-BR", ok.text("language"));

    assertBadRequest(patchMe(claims, "{\"language\":\"not a tag!\"}"), "language");
    assertBadRequest(patchMe(claims, "{\"language\":\"x-private\"}"), "language");
    assertBadRequest(patchMe(claims, "{\"language\":\"en-US-u-ca-gregory\"}"), "language");
    assertEquals("pt-BR", getMe(claims).text("language"));
  }

  @Test
  void badProfileBodiesAre400NamingEachField() {
    assertBadRequest(patchMe(member(), "{\"name\":"), "body");
    assertBadRequest(patchMe(member(), "[1,2]"), "body");
    assertBadRequest(patchMe(member(), "null"), "body");
    assertBadRequest(patchMe(member(), "{\"name\":\"X\"} {}"), "body");
    assertBadRequest(patchMe(member(), "{}"), "body");
    assertBadRequest(patchMe(member(), "{\"name\":42}"), "name");
    assertBadRequest(patchMe(member(), "{\"name\":null}"), "name");
    assertBadRequest(patchMe(member(), "{\"name\":\"   \"}"), "name");
    assertBadRequest(patchMe(member(), "{\"name\":\"" + "x".repeat(256) + "\"}"), "name");
    assertBadRequest(patchMe(member(), "{\"avatar_url\":\"not a url\"}"), "avatar_url");
    assertBadRequest(patchMe(member(), "{\"avatar_url\":\"https://x.example.com/" + "a".repeat(200) + "\"}"),
        "avatar_url");
    assertBadRequest(patchMe(member(), "{\"colour\":\"red\"}"), "colour");
    // Role and email are not profile fields: nobody changes their own role through /v1/me.
    assertBadRequest(patchMe(member(), "{\"role\":\"owner\"}"), "role");
    // One 400 names every offending field.
    assertBadRequest(patchMe(member(), "{\"name\":42,\"timezone\":\"Mars/Olympus\",\"language\":\"not a tag!\"}"),
        "name", "timezone", "language");
    assertBadRequest(patchMe(member(), "banana", "{\"name\":\"X\"}"), "If-Match");
  }

  @Test
  void patchMeRefusesPhoneNumberWhichFollowsTheDefaultWorkPhone() {
    String id = newUser(acme, "member");
    Map<String, String> claims = acme.as(id, "member");
    for (String body : List.of("{\"phone_number\":\"+14155550100\"}", "{\"phone_number\":null}",
        "{\"name\":\"Pia Phone\",\"phone_number\":\"+14155550100\"}")) {
      HandlerResponse refused = patchMe(claims, body);
      assertBadRequest(refused, "phone_number");
      assertPointsToPhoneNumbers(refused);
    }
    HandlerResponse me = getMe(claims);
    assertEquals("\"1\"", me.header("ETag"), "a refused update must change nothing");
    assertTrue(me.json().get("phone_number").isNull(), "the field stays in the response, read-only");
  }

  @Test
  void rejectsAvatarUrlsThatAreNotUris() {
    // A tenant of its own, so that an accepted URL cannot leak into the other tests' lists.
    SeededTenant probe = api.seedTenant("AvatarProbe");
    assertBadRequest(patchMe(probe.owner(), "{\"avatar_url\":\"https://cdn.example.com/\u00e4.png\"}"), "avatar_url");
  }

  @Test
  void staleIfMatchOnPatchMeIs412AndChangesNothing() {
    String id = newUser(acme, "member");
    Map<String, String> claims = acme.as(id, "member");
    String etag = getMe(claims).header("ETag");
    HandlerResponse first = patchMe(claims, etag, "{\"name\":\"First\"}");
    assertEquals(200, first.status(), first.raw());

    HandlerResponse stale = patchMe(claims, etag, "{\"name\":\"Second\"}");
    assertEquals(412, stale.status(), stale.raw());
    assertEquals(READ_ONE, stale.dynamoCalls());
    assertEquals("First", getMe(claims).text("name"));

    HandlerResponse weak = patchMe(claims, "W/" + first.header("ETag"), "{\"name\":\"Third\"}");
    assertEquals(200, weak.status(), "a weak ETag of the current version matches: " + weak.raw());
  }

  @Test
  void patchMeNeedsATenantToken() {
    assertEquals(401, patchMe(null, "{\"name\":\"X\"}").status());
    assertEquals(401, patchMe(HttpEvents.platformAdminClaims(TenancyApi.PLATFORM_ADMIN), "{\"name\":\"X\"}").status());
  }

  // ---------------------------------------------------------------- GET /v1/users

  @Test
  void ownersAndAdminsListTheTenantsUsersInOneQuery() {
    for (Map<String, String> claims : List.of(acme.owner(), admin())) {
      HandlerResponse list = listUsers(claims);
      assertEquals(200, list.status(), list.raw());
      assertEquals(READ_PAGE, list.dynamoCalls());
      List<String> ids = ids(list);
      assertTrue(ids.containsAll(List.of(acme.ownerId(), acmeAdmin, acmeMember, acmeViewer)), list.raw());
      assertTrue(list.json().has("next_cursor"));
    }
  }

  @Test
  void listsDoNotShowAnotherTenantsUsers() {
    List<String> acmeIds = allUserIds(acme.owner(), 100);
    List<String> globexIds = allUserIds(globex.owner(), 100);

    assertFalse(acmeIds.contains(globex.ownerId()));
    assertFalse(acmeIds.contains(globexMember));
    assertTrue(globexIds.containsAll(List.of(globex.ownerId(), globexMember)));
    assertFalse(globexIds.stream().anyMatch(acmeIds::contains), "the lists share no user");
    for (String status : List.of("invited", "active", "disabled")) {
      List<String> filtered = allUserIds(globex.owner(), 100, "status", status);
      assertFalse(filtered.stream().anyMatch(acmeIds::contains), status);
    }
  }

  @Test
  void membersViewersAndSideRolesCannotListUsers() {
    assertForbiddenWithoutTableAccess(listUsers(member()));
    assertForbiddenWithoutTableAccess(listUsers(viewer()));
    assertForbiddenWithoutTableAccess(listUsers(acme.as(newUser(acme, "billing"), "billing")));
    assertForbiddenWithoutTableAccess(listUsers(acme.as(newUser(acme, "auditor"), "auditor")));
  }

  @Test
  void listingUsersNeedsATenantToken() {
    assertEquals(401, listUsers(null).status());
    assertEquals(401, listUsers(HttpEvents.platformAdminClaims(TenancyApi.PLATFORM_ADMIN)).status());
  }

  @Test
  void pagingWithLimitTwoReturnsEveryUserExactlyOnceInCreationOrder() {
    SeededTenant paging = api.seedTenant("Paging");
    Set<String> expected = new HashSet<>(List.of(paging.ownerId()));
    for (int i = 0; i < 6; i++) {
      expected.add(newUser(paging, i % 2 == 0 ? "member" : "viewer"));
    }

    HandlerResponse first = listUsers(paging.owner(), "limit", "2");
    assertEquals(2, first.json().path("items").size());
    assertNotNull(first.text("next_cursor"));

    List<String> seen = allUserIds(paging.owner(), 2);
    assertEquals(expected.size(), seen.size(), "no user twice: " + seen);
    assertEquals(expected, new HashSet<>(seen));
    List<String> sorted = new ArrayList<>(seen);
    sorted.sort(null);
    assertEquals(sorted, seen, "ids are UUIDv7, so id order is creation order");
  }

  @Test
  void cursorOfOneTenantIsRejectedForAnother() {
    String acmeCursor = listUsers(acme.owner(), "limit", "1").text("next_cursor");
    assertNotNull(acmeCursor);

    assertBadRequest(listUsers(globex.owner(), "cursor", acmeCursor), "cursor");
  }

  @Test
  void tamperedOrForeignCursorsAre400() {
    String cursor = listUsers(acme.owner(), "limit", "1").text("next_cursor");
    assertNotNull(cursor);
    // Flip one character: the authentication tag no longer matches.
    String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
    assertBadRequest(listUsers(acme.owner(), "cursor", tampered), "cursor");
    // Cut off the tag (16 bytes, 22 base64 characters).
    assertBadRequest(listUsers(acme.owner(), "cursor", cursor.substring(0, cursor.length() - 22)), "cursor");
    assertBadRequest(listUsers(acme.owner(), "cursor", "not-a-cursor"), "cursor");
    assertBadRequest(listUsers(acme.owner(), "cursor", "%%%.###"), "cursor");
    // A cursor is bound to its filter too: the unfiltered list's cursor cannot page a status list.
    assertBadRequest(listUsers(acme.owner(), "status", "invited", "cursor", cursor), "cursor");
    // The untouched cursor still works.
    assertEquals(200, listUsers(acme.owner(), "limit", "1", "cursor", cursor).status());
  }

  @Test
  void badLimitIs400() {
    for (String limit : List.of("0", "101", "-1", "abc", "2.5", "1e2", "")) {
      assertBadRequest(listUsers(acme.owner(), "limit", limit), "limit");
    }
    assertEquals(200, listUsers(acme.owner(), "limit", "100").status());
    assertEquals(200, listUsers(acme.owner(), "limit", "1").status());
  }

  @Test
  void statusFilterListsOnlyUsersWithThatStatus() {
    SeededTenant statuses = api.seedTenant("Statuses");
    String active = newUser(statuses, "member");
    String disabled = newUser(statuses, "member");
    String invited = newUser(statuses, "viewer");
    String deleted = newUser(statuses, "member");
    assertEquals(200, patchUser(statuses.owner(), active, "{\"status\":\"active\"}").status());
    assertEquals(200, patchUser(statuses.owner(), disabled, "{\"status\":\"disabled\"}").status());
    assertEquals(204, deleteUser(statuses.owner(), deleted, null).status());

    assertEquals(List.of(active), allUserIds(statuses.owner(), 50, "status", "active"));
    assertEquals(List.of(disabled), allUserIds(statuses.owner(), 50, "status", "disabled"),
        "a deleted user is in no status list");
    assertEquals(List.of(statuses.ownerId(), invited), allUserIds(statuses.owner(), 50, "status", "invited"));
    HandlerResponse one = listUsers(statuses.owner(), "status", "active");
    assertEquals("active", one.json().path("items").get(0).path("status").asText());

    assertBadRequest(listUsers(statuses.owner(), "status", "deleted"), "status");
    assertBadRequest(listUsers(statuses.owner(), "status", "ACTIVE"), "status");
  }

  // ---------------------------------------------------------------- POST /v1/users

  @Test
  void adminInvitesUserWithLocationAndEtagInOneTransaction() {
    String email = uniqueEmail("new");
    HandlerResponse created = invite(admin(), inviteBody(email, "Nora New", "member"));

    assertEquals(201, created.status(), created.raw());
    String id = created.text("id");
    assertEquals("/v1/users/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals(email, created.text("email"));
    assertEquals("Nora New", created.text("name"));
    assertEquals("member", created.text("role"));
    assertEquals("invited", created.text("status"));
    assertTrue(created.json().get("phone_number").isNull());
    assertEquals(0, created.json().get("notification_preferences").size());
    assertEquals(created.text("created_at"), created.text("updated_at"));
    assertEquals(CREATE, created.dynamoCalls());

    HandlerResponse read = getUser(admin(), id);
    assertEquals(200, read.status());
    assertEquals(created.json(), read.json());
  }

  @Test
  void onlyAnOwnerMayInviteAnOwner() {
    HandlerResponse byAdmin = invite(admin(), inviteBody(uniqueEmail("o"), "Would-be Owner", "owner"));
    assertEquals(403, byAdmin.status(), byAdmin.raw());
    assertTrue(byAdmin.dynamoCalls().isEmpty());

    HandlerResponse byOwner = invite(acme.owner(), inviteBody(uniqueEmail("o"), "Co Owner", "owner"));
    assertEquals(201, byOwner.status(), byOwner.raw());
    assertEquals("owner", byOwner.text("role"));

    HandlerResponse adminByAdmin = invite(admin(), inviteBody(uniqueEmail("a"), "Other Admin", "admin"));
    assertEquals(201, adminByAdmin.status(), adminByAdmin.raw());
  }

  @Test
  void membersViewersAndSideRolesCannotInvite() {
    String body = inviteBody(uniqueEmail("x"), "X", "viewer");
    assertForbiddenWithoutTableAccess(invite(member(), body));
    assertForbiddenWithoutTableAccess(invite(viewer(), body));
    assertForbiddenWithoutTableAccess(invite(acme.as(newUser(acme, "billing"), "billing"), body));
    assertForbiddenWithoutTableAccess(invite(acme.as(newUser(acme, "auditor"), "auditor"), body));
  }

  @Test
  void invitingNeedsATenantToken() {
    String body = inviteBody(uniqueEmail("x"), "X", "viewer");
    assertEquals(401, invite(null, body).status());
    assertEquals(401, invite(HttpEvents.platformAdminClaims(TenancyApi.PLATFORM_ADMIN), body).status());
  }

  @Test
  void rejectsDuplicateEmailCaseInsensitively() {
    String email = uniqueEmail("dup");
    assertEquals(201, invite(acme.owner(), inviteBody(email, "First", "member")).status());

    HandlerResponse clash = invite(acme.owner(), inviteBody(email.toUpperCase(Locale.ROOT), "Second", "member"));
    assertEquals(409, clash.status(), clash.raw());
    assertEquals(List.of("email"), clash.errorFields());
    assertEquals(CREATE, clash.dynamoCalls());

    // The tenant owner's email (claimed when the tenant was made) is taken too.
    String ownerEmail = getMe(acme.owner()).text("email");
    HandlerResponse ownerClash = invite(acme.owner(), inviteBody(ownerEmail.toUpperCase(Locale.ROOT), "Copy", "viewer"));
    assertEquals(409, ownerClash.status(), ownerClash.raw());
    assertEquals(List.of("email"), ownerClash.errorFields());

    // Emails are unique per tenant, not across tenants.
    HandlerResponse elsewhere = invite(globex.owner(), inviteBody(email, "Same Person", "member"));
    assertEquals(201, elsewhere.status(), elsewhere.raw());
  }

  @Test
  void badInviteBodiesAre400NamingEachField() {
    String email = uniqueEmail("bad");
    assertBadRequest(invite(admin(), "{\"email\":"), "body");
    assertBadRequest(invite(admin(), "\"just a string\""), "body");
    assertBadRequest(invite(admin(), "{}"), "email", "name", "role");
    assertBadRequest(invite(admin(), "{\"email\":42,\"name\":\"N\",\"role\":\"member\"}"), "email");
    assertBadRequest(invite(admin(), inviteBody("not-an-email", "N", "member")), "email");
    assertBadRequest(invite(admin(), inviteBody("a".repeat(243) + "@example.com", "N", "member")), "email");
    assertBadRequest(invite(admin(), "{\"email\":\"" + email + "\",\"name\":[\"N\"],\"role\":\"member\"}"), "name");
    assertBadRequest(invite(admin(), inviteBody(email, "n".repeat(256), "member")), "name");
    assertBadRequest(invite(admin(), inviteBody(email, "", "member")), "name");
    assertBadRequest(invite(admin(), inviteBody(email, "N", "superuser")), "role");
    assertBadRequest(invite(admin(), inviteBody(email, "N", "Admin")), "role");
    assertBadRequest(invite(admin(), "{\"email\":\"" + email + "\",\"name\":\"N\",\"role\":\"member\","
        + "\"status\":\"active\"}"), "status");
    assertBadRequest(invite(admin(), "{\"email\":\"" + email + "\",\"name\":\"N\",\"role\":\"member\","
        + "\"tenant_id\":\"" + globex.id() + "\"}"), "tenant_id");
    HandlerResponse withPhone = invite(admin(), "{\"email\":\"" + email + "\",\"name\":\"N\",\"role\":\"member\","
        + "\"phone_number\":\"+14155550100\"}");
    assertBadRequest(withPhone, "phone_number");
    assertPointsToPhoneNumbers(withPhone);
    // Nothing of the above was created.
    assertEquals(201, invite(admin(), inviteBody(email, "N", "member")).status());
  }

  @Test
  void rejectsEmailsThatAreNotMailboxes() {
    // A tenant of its own, so that an accepted address cannot leak into the other tests' lists.
    SeededTenant probe = api.seedTenant("EmailProbe");
    for (String email : List.of("a..b@example.com", ".a@example.com", "a.@example.com", "a<b@example.com",
        "a,b@example.com", "a(b)@example.com", "a@b..com", "a@-x.com", "a@example.com.")) {
      assertBadRequest(invite(probe.owner(), inviteBody(email, "N", "member")), "email");
    }
  }

  @Test
  void inviteIdempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody() {
    String body = inviteBody(uniqueEmail("idem"), "Ida", "viewer");
    var first = api.call(HttpEvents.route("POST /v1/users").claims(admin()).header("Idempotency-Key", "inv-1")
        .body(body).build());
    var again = api.call(HttpEvents.route("POST /v1/users").claims(admin()).header("Idempotency-Key", "inv-1")
        .body(body).build());
    assertEquals(201, first.status(), first.raw());
    assertEquals(List.of("GetItem", "TransactWriteItems"), first.dynamoCalls());
    assertEquals(201, again.status(), again.raw());
    assertEquals(first.text("id"), again.text("id"));
    assertEquals(first.header("Location"), again.header("Location"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(READ_ONE, again.dynamoCalls());

    var other = api.call(HttpEvents.route("POST /v1/users").claims(admin()).header("Idempotency-Key", "inv-1")
        .body(inviteBody(uniqueEmail("idem"), "Ida", "viewer")).build());
    assertEquals(422, other.status(), other.raw());
    assertEquals(List.of("Idempotency-Key"), other.errorFields());
  }

  // ---------------------------------------------------------------- GET /v1/users/{user_id}

  @Test
  void ownersAndAdminsReadAUserOfTheirTenantWithEtagInOneGetItem() {
    for (Map<String, String> claims : List.of(acme.owner(), admin())) {
      HandlerResponse user = getUser(claims, acmeMember);
      assertEquals(200, user.status(), user.raw());
      assertEquals(acmeMember, user.text("id"));
      assertEquals("member", user.text("role"));
      assertNotNull(user.header("ETag"));
      assertEquals(READ_ONE, user.dynamoCalls());
    }
  }

  @Test
  void readingAUserFollowsTheListsRoleRule() {
    // Those who may not list the users may not read them one by one either, not even themselves
    // (their own record is GET /v1/me).
    assertForbiddenWithoutTableAccess(getUser(member(), acme.ownerId()));
    assertForbiddenWithoutTableAccess(getUser(member(), acmeMember));
    assertForbiddenWithoutTableAccess(getUser(viewer(), acmeMember));
    String billing = newUser(acme, "billing");
    assertForbiddenWithoutTableAccess(getUser(acme.as(billing, "billing"), acmeMember));
    String auditor = newUser(acme, "auditor");
    assertForbiddenWithoutTableAccess(getUser(acme.as(auditor, "auditor"), acmeMember));
    assertEquals(403, listUsers(member()).status(), "the list refuses the same roles");
    assertEquals(200, getMe(member()).status());
  }

  @Test
  void anotherTenantsUserIs404() {
    HandlerResponse foreign = getUser(acme.owner(), globexMember);
    assertEquals(404, foreign.status(), foreign.raw());
    assertEquals(READ_ONE, foreign.dynamoCalls());
    assertEquals(404, getUser(acme.owner(), UUID.randomUUID().toString()).status());
    // Same answer for an absent id and another tenant's id: no existence oracle.
    assertEquals(foreign.json().path("title"), getUser(acme.owner(), UUID.randomUUID().toString()).json().path("title"));
    assertEquals(200, getUser(globex.owner(), globexMember).status());
  }

  @Test
  void userIdInPathMustBeAUuid() {
    assertBadRequest(getUser(acme.owner(), "not-a-uuid"), "user_id");
    assertBadRequest(getUser(acme.owner(), "1234"), "user_id");
    assertBadRequest(getUser(acme.owner(), acmeMember + "0"), "user_id");
    assertBadRequest(getUser(acme.owner(), "USER#" + acmeMember), "user_id");
    HandlerResponse upper = getUser(acme.owner(), acmeMember.toUpperCase(Locale.ROOT));
    assertEquals(200, upper.status(), "a UUID in capitals is the same id: " + upper.raw());
    assertEquals(acmeMember, upper.text("id"));
  }

  @Test
  void readingAUserNeedsATenantToken() {
    assertEquals(401, getUser(null, acmeMember).status());
    assertEquals(401, getUser(null, "not-a-uuid").status(), "authentication comes before validation");
  }

  // ---------------------------------------------------------------- PATCH /v1/users/{user_id}

  @Test
  void adminChangesNameRoleAndStatusInOneReadAndOneTransaction() {
    String id = newUser(acme, "viewer");
    HandlerResponse updated = patchUser(admin(), id, "\"1\"", "{\"name\":\"Vic\",\"role\":\"member\",\"status\":\"active\"}");

    assertEquals(200, updated.status(), updated.raw());
    assertEquals(id, updated.text("id"));
    assertEquals("Vic", updated.text("name"));
    assertEquals("member", updated.text("role"));
    assertEquals("active", updated.text("status"));
    assertEquals("\"2\"", updated.header("ETag"));
    assertEquals(READ_THEN_WRITE, updated.dynamoCalls());
    assertNotEquals(updated.text("created_at"), updated.text("updated_at"));

    HandlerResponse reread = getUser(admin(), id);
    assertEquals("member", reread.text("role"));
    assertEquals("\"2\"", reread.header("ETag"));
    assertTrue(allUserIds(admin(), 100, "status", "active").contains(id));
    assertFalse(allUserIds(admin(), 100, "status", "invited").contains(id), "the status index follows the change");
  }

  @Test
  void membersAndViewersCannotChangeUsers() {
    String id = newUser(acme, "viewer");
    assertForbiddenWithoutTableAccess(patchUser(member(), id, "{\"name\":\"X\"}"));
    assertForbiddenWithoutTableAccess(patchUser(viewer(), id, "{\"role\":\"admin\"}"));
    assertForbiddenWithoutTableAccess(patchUser(acme.as(newUser(acme, "billing"), "billing"), id,
        "{\"status\":\"disabled\"}"));
    assertEquals("viewer", getUser(acme.owner(), id).text("role"));
  }

  @Test
  void onlyAnOwnerMayChangeAnOwnerOrGrantOwnership() {
    String coOwner = newUser(acme, "owner");
    String member = newUser(acme, "member");

    assertEquals(403, patchUser(admin(), coOwner, "{\"name\":\"Renamed\"}").status());
    assertEquals(403, patchUser(admin(), coOwner, "{\"role\":\"member\"}").status());
    assertEquals(403, patchUser(admin(), member, "{\"role\":\"owner\"}").status());
    assertEquals("member", getUser(admin(), member).text("role"));

    HandlerResponse promoted = patchUser(acme.owner(), member, "{\"role\":\"owner\"}");
    assertEquals(200, promoted.status(), promoted.raw());
    assertEquals("owner", promoted.text("role"));
    HandlerResponse demoted = patchUser(acme.owner(), coOwner, "{\"role\":\"admin\"}");
    assertEquals(200, demoted.status(), demoted.raw());
    assertEquals("admin", demoted.text("role"));
  }

  @Test
  void nobodyChangesTheirOwnRoleOrStatus() {
    HandlerResponse ownRole = patchUser(admin(), acmeAdmin, "{\"role\":\"owner\"}");
    assertEquals(422, ownRole.status(), ownRole.raw());
    assertEquals(List.of("role"), ownRole.errorFields());

    HandlerResponse ownerDemotesSelf = patchUser(acme.owner(), acme.ownerId(), "{\"role\":\"admin\"}");
    assertEquals(422, ownerDemotesSelf.status(), ownerDemotesSelf.raw());
    assertEquals(List.of("role"), ownerDemotesSelf.errorFields());

    HandlerResponse ownStatus = patchUser(admin(), acmeAdmin, "{\"status\":\"disabled\"}");
    assertEquals(422, ownStatus.status(), ownStatus.raw());
    assertEquals(List.of("status"), ownStatus.errorFields());

    assertEquals("admin", getMe(admin()).text("role"));
    assertEquals("owner", getMe(acme.owner()).text("role"));
  }

  @Test
  void staleIfMatchOnPatchUserIs412AndChangesNothing() {
    String id = newUser(acme, "member");
    String etag = getUser(admin(), id).header("ETag");
    assertEquals(200, patchUser(admin(), id, etag, "{\"name\":\"Fresh\"}").status());

    HandlerResponse stale = patchUser(admin(), id, etag, "{\"role\":\"viewer\"}");
    assertEquals(412, stale.status(), stale.raw());
    assertEquals(READ_ONE, stale.dynamoCalls());
    HandlerResponse after = getUser(admin(), id);
    assertEquals("member", after.text("role"));
    assertEquals("Fresh", after.text("name"));
  }

  @Test
  void patchingAnotherTenantsUserIs404AndChangesNothing() {
    HandlerResponse foreign = patchUser(acme.owner(), globexMember, "{\"name\":\"Hijacked\"}");
    assertEquals(404, foreign.status(), foreign.raw());
    assertEquals(READ_ONE, foreign.dynamoCalls());
    assertEquals(404, patchUser(acme.owner(), UUID.randomUUID().toString(), "{\"name\":\"X\"}").status());
    assertNotEquals("Hijacked", getUser(globex.owner(), globexMember).text("name"));
  }

  @Test
  void badUserPatchesAre400NamingEachField() {
    String id = newUser(acme, "member");
    assertBadRequest(patchUser(admin(), id, "{\"role\":"), "body");
    assertBadRequest(patchUser(admin(), id, "{}"), "body");
    assertBadRequest(patchUser(admin(), id, "{\"name\":true}"), "name");
    assertBadRequest(patchUser(admin(), id, "{\"name\":null}"), "name");
    assertBadRequest(patchUser(admin(), id, "{\"name\":\"" + "n".repeat(256) + "\"}"), "name");
    assertBadRequest(patchUser(admin(), id, "{\"role\":\"god\"}"), "role");
    assertBadRequest(patchUser(admin(), id, "{\"role\":null}"), "role");
    assertBadRequest(patchUser(admin(), id, "{\"status\":\"invited\"}"), "status");
    assertBadRequest(patchUser(admin(), id, "{\"status\":1}"), "status");
    assertBadRequest(patchUser(admin(), id, "{\"email\":\"new@example.com\"}"), "email");
    HandlerResponse phone = patchUser(admin(), id, "{\"phone_number\":\"+14155550100\"}");
    assertBadRequest(phone, "phone_number");
    assertPointsToPhoneNumbers(phone);
    assertBadRequest(patchUser(admin(), id, "{\"role\":\"god\",\"status\":\"gone\",\"x\":1}"), "role", "status", "x");
    assertBadRequest(patchUser(admin(), "not-a-uuid", "{\"name\":\"X\"}"), "user_id");
    assertBadRequest(patchUser(admin(), id, "0x1", "{\"name\":\"X\"}"), "If-Match");
    assertEquals("member", getUser(admin(), id).text("role"));
  }

  @Test
  void patchingAUserNeedsATenantToken() {
    assertEquals(401, patchUser(null, acmeMember, "{\"name\":\"X\"}").status());
  }

  // ---------------------------------------------------------------- DELETE /v1/users/{user_id}

  @Test
  void deletedUserDisappearsFromListsAndReadsAndItsEmailCanBeInvitedAgain() {
    String email = uniqueEmail("gone");
    HandlerResponse created = invite(admin(), inviteBody(email, "Gone Soon", "member"));
    String id = created.text("id");

    HandlerResponse deleted = deleteUser(admin(), id, created.header("ETag"));
    assertEquals(204, deleted.status(), deleted.raw());
    assertTrue(deleted.raw() == null || deleted.raw().isEmpty(), "204 has no body");
    assertEquals(READ_THEN_WRITE, deleted.dynamoCalls());

    assertEquals(404, getUser(admin(), id).status());
    assertFalse(allUserIds(admin(), 100).contains(id));
    for (String status : List.of("invited", "active", "disabled")) {
      assertFalse(allUserIds(admin(), 100, "status", status).contains(id), status);
    }
    assertEquals(404, deleteUser(admin(), id, null).status(), "deleting twice finds nothing");
    assertEquals(404, patchUser(admin(), id, "{\"name\":\"Back\"}").status());

    HandlerResponse again = invite(admin(), inviteBody(email.toUpperCase(Locale.ROOT), "Back Again", "viewer"));
    assertEquals(201, again.status(), again.raw());
    assertNotEquals(id, again.text("id"));
    HandlerResponse clash = invite(admin(), inviteBody(email, "Third", "viewer"));
    assertEquals(409, clash.status(), "the re-invited user holds the email again");
  }

  @Test
  void deletedUsersProfileIsGone() {
    String id = newUser(acme, "member");
    assertEquals(204, deleteUser(acme.owner(), id, null).status());
    assertEquals(404, getMe(acme.as(id, "member")).status());
    assertEquals(404, patchMe(acme.as(id, "member"), "{\"name\":\"Ghost\"}").status());
  }

  @Test
  void membersAndViewersCannotDeleteUsers() {
    String id = newUser(acme, "viewer");
    assertForbiddenWithoutTableAccess(deleteUser(member(), id, null));
    assertForbiddenWithoutTableAccess(deleteUser(viewer(), id, null));
    assertForbiddenWithoutTableAccess(deleteUser(acme.as(newUser(acme, "auditor"), "auditor"), id, null));
    assertEquals(200, getUser(admin(), id).status());
  }

  @Test
  void onlyAnOwnerMayDeleteAnOwner() {
    String coOwner = newUser(acme, "owner");
    HandlerResponse byAdmin = deleteUser(admin(), coOwner, null);
    assertEquals(403, byAdmin.status(), byAdmin.raw());
    assertEquals(200, getUser(admin(), coOwner).status());
    assertEquals(204, deleteUser(acme.owner(), coOwner, null).status());
  }

  @Test
  void nobodyDeletesThemselves() {
    HandlerResponse self = deleteUser(admin(), acmeAdmin, null);
    assertEquals(422, self.status(), self.raw());
    assertEquals(List.of("user_id"), self.errorFields());
    assertEquals(200, getMe(admin()).status());
  }

  @Test
  void staleIfMatchOnDeleteIs412AndKeepsTheUser() {
    String id = newUser(acme, "member");
    String etag = getUser(admin(), id).header("ETag");
    assertEquals(200, patchUser(admin(), id, "{\"name\":\"Changed\"}").status());

    HandlerResponse stale = deleteUser(admin(), id, etag);
    assertEquals(412, stale.status(), stale.raw());
    assertEquals(READ_ONE, stale.dynamoCalls());
    assertEquals(200, getUser(admin(), id).status());
  }

  @Test
  void deletingAnotherTenantsUserIs404AndKeepsIt() {
    HandlerResponse foreign = deleteUser(acme.owner(), globexMember, null);
    assertEquals(404, foreign.status(), foreign.raw());
    assertEquals(READ_ONE, foreign.dynamoCalls());
    assertEquals(200, getUser(globex.owner(), globexMember).status());
    assertTrue(allUserIds(globex.owner(), 100).contains(globexMember));
  }

  @Test
  void deleteNeedsAUuidAndATenantToken() {
    assertBadRequest(deleteUser(acme.owner(), "not-a-uuid", null), "user_id");
    assertBadRequest(deleteUser(acme.owner(), acmeMember, "yesterday"), "If-Match");
    assertEquals(401, deleteUser(null, acmeMember, null).status());
    assertEquals(200, getUser(admin(), acmeMember).status());
  }

  @Test
  void errorsAreProblemJsonCarryingTheRequestId() {
    HandlerResponse problem = patchUser(admin(), acmeMember, "{\"role\":\"god\"}");
    JsonNode json = problem.json();
    assertEquals(400, json.path("status").asInt());
    assertTrue(problem.header("Content-Type").startsWith("application/problem+json"));
    assertEquals(problem.header("X-Request-Id"), json.path("request_id").asText());
  }
}
