package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.TemplateRules;

import com.coditect.local.LocalApiHarness.Response;
import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.local.LocalApiHarness.User;
import com.coditect.testing.CloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The local API over HTTP, as a client of {@code make run} sees it: the gateway's own answers
 * (401, 404, CORS, dev tokens, schedules), the functions behind it (status codes, Location, ETag,
 * If-Match, Idempotency-Key, paging), and the events the pump puts on the bus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {

  private static final String EVERY_CODITECT_EVENT = "{\"source\":[{\"prefix\":\"coditect.\"}]}";
  private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(10);

  private LocalApiHarness harness;
  private LocalApiHarness.BusTap bus;
  private Tenant acme;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    // Before any write: a rule only sees events put on the bus after it exists.
    bus = harness.tapBus(EVERY_CODITECT_EVENT);
    acme = harness.createTenant("Acme");
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  // ------------------------------------------------------------------------------------------
  // the issue's "done when", with the demo tenant `make run` seeds and the curl it prints

  @Test
  void demoMemberCreatesAndReadsAProjectViewerMayNotAndAnotherTenantCannotSeeIt() throws Exception {
    DemoSeed.Demo demo = DemoSeed.seed(harness.baseUrl(), harness.api().tokens());
    String member = demo.tokens().get("member");

    // curl -s -X POST $BASE/v1/projects -H "Authorization: Bearer $MEMBER_TOKEN" -d '{"key":"DEMO",...}'
    Response created = harness.post("/v1/projects", member, "{\"key\":\"DEMO\",\"name\":\"Demo project\"}").expect(201);
    String projectId = created.text("id");
    assertNotNull(projectId, created.body());
    assertEquals("/v1/projects/" + projectId, created.header("Location"));
    assertNotNull(created.header("ETag"), "a 201 carries the new version's ETag");
    assertEquals("DEMO", created.text("key"));

    Response read = harness.get(created.header("Location"), member).expect(200);
    assertEquals(projectId, read.text("id"));
    assertEquals("Demo project", read.text("name"));
    assertEquals(created.header("ETag"), read.header("ETag"));

    // curl -s $BASE/v1/projects -H "Authorization: Bearer $MEMBER_TOKEN"
    Response list = harness.get("/v1/projects", member).expect(200);
    assertEquals(List.of(projectId), list.itemIds());
    assertTrue(list.json().has("next_cursor"), list.body());

    Response viewer = harness.post("/v1/projects", demo.tokens().get("viewer"),
        "{\"key\":\"VIEW\",\"name\":\"Viewer's project\"}").expect(403);
    assertTrue(viewer.isProblem(), viewer.toString());
    assertEquals(403, viewer.json().path("status").asInt());

    Tenant other = harness.createTenant("Other Corp");
    Response foreign = harness.get("/v1/projects/" + projectId, other.ownerToken()).expect(404);
    assertTrue(foreign.isProblem(), foreign.toString());
    assertFalse(foreign.body().contains("Demo project"), "a 404 must not show the other tenant's data");
    Response foreignList = harness.get("/v1/projects", other.ownerToken()).expect(200);
    assertEquals(List.of(), foreignList.itemIds());

    assertEquals(List.of(projectId), harness.get("/v1/projects", member).expect(200).itemIds(),
        "the viewer's refused create must not have made a project");
  }

  // ------------------------------------------------------------------------------------------
  // the gateway's authorizer

  @Test
  void missingOrMalformedAuthorizationIs401WithApiGatewaysBody() {
    for (String authorization : new String[] {null, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer x.y.z",
        "Token " + acme.ownerToken()}) {
      Response response = harness.request("GET", "/v1/projects").header("Authorization", authorization).send();
      assertUnauthorized(response);
    }
  }

  @Test
  void forgedExpiredAndForeignTokensAre401() throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet valid = claims(now.minusSeconds(60), now.plusSeconds(3600), DevTokens.ISSUER, DevTokens.AUDIENCE);
    DevTokens ours = harness.api().tokens();
    // Sanity: a token made this way with the gateway's key and good claims is accepted.
    harness.request("GET", "/v1/me").token(sign(valid, ours)).send().expect(200);

    Map<String, String> bad = Map.of(
        "signed by another key", new DevTokens().issue(acme.ownerId(), acme.id(), "owner", false),
        "expired", sign(claims(now.minusSeconds(7200), now.minusSeconds(60), DevTokens.ISSUER, DevTokens.AUDIENCE), ours),
        "another issuer", sign(claims(now, now.plusSeconds(3600), "https://evil.example", DevTokens.AUDIENCE), ours),
        "another audience", sign(claims(now, now.plusSeconds(3600), DevTokens.ISSUER, "someone-else"), ours),
        "no expiry", sign(claims(now, null, DevTokens.ISSUER, DevTokens.AUDIENCE), ours),
        "unsigned (alg none)", new PlainJWT(valid).serialize(),
        "payload tampered after signing", tamperRole(sign(valid, ours)),
        "not a JWT", "definitely-not-a-jwt");
    bad.forEach((what, token) -> {
      Response response = harness.request("GET", "/v1/me").token(token).send();
      assertEquals(401, response.status(), what + ": " + response);
      assertUnauthorized(response);
    });
  }

  @Test
  void aTokenWithoutATenantIs401FromTheFunction() {
    Response response = harness.get("/v1/tenant", harness.platformAdminToken()).expect(401);
    assertTrue(response.isProblem(), "the gateway accepted the token; the function refuses it: " + response);
  }

  // ------------------------------------------------------------------------------------------
  // routing

  @Test
  void unknownRoutesAre404WithApiGatewaysBodyBeforeAnyTokenCheck() {
    for (String[] request : new String[][] {
        {"GET", "/v1/nope"}, {"GET", "/"}, {"PUT", "/v1/projects"}, {"GET", "/v1/projects/a/b/c"},
        {"GET", "/v1/projects/"}, {"POST", "/v1/openapi.json"}}) {
      for (String token : new String[] {null, acme.ownerToken()}) {
        Response response = harness.request(request[0], request[1]).token(token).send();
        assertEquals(404, response.status(), response.toString());
        assertEquals(Map.of("message", "Not Found"), asMap(response), response.toString());
      }
    }
  }

  @Test
  void openApiDocumentIsPublic() {
    Response response = harness.get("/v1/openapi.json", null).expect(200);
    assertTrue(response.contentType().startsWith("application/json"), response.contentType());
    assertTrue(response.text("openapi").startsWith("3.1"), response.text("openapi"));
    JsonNode paths = response.json().path("paths");
    CloudTemplate.load().routes().forEach(route -> assertTrue(
        paths.path(route.path()).has(route.method().toLowerCase()),
        "the served OpenAPI document lacks " + route.routeKey()));
  }

  @Test
  void corsPreflightIsAnsweredWithoutAToken() {
    Response preflight = harness.request("OPTIONS", "/v1/projects")
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "PATCH")
        .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
        .send();
    assertEquals(204, preflight.status(), preflight.toString());
    assertNotNull(preflight.header("Access-Control-Allow-Origin"), "preflight lacks Access-Control-Allow-Origin");
    String allowed = preflight.header("Access-Control-Allow-Headers").toLowerCase();
    for (String header : List.of("authorization", "content-type", "if-match", "idempotency-key")) {
      assertTrue(allowed.contains(header), "Access-Control-Allow-Headers lacks " + header + ": " + allowed);
    }
    assertTrue(preflight.header("Access-Control-Allow-Methods").contains("PATCH"));

    // Actual responses carry CORS headers too, and expose what a browser client needs to read.
    Response actual = harness.request("GET", "/v1/tenant").token(acme.ownerToken())
        .header("Origin", "http://localhost:5173").send().expect(200);
    assertNotNull(actual.header("Access-Control-Allow-Origin"));
    String exposed = actual.header("Access-Control-Expose-Headers");
    assertTrue(exposed.contains("ETag") && exposed.contains("Location"), exposed);
  }

  // ------------------------------------------------------------------------------------------
  // the local-only routes

  @Test
  void localTokenMintsWorkingTokensAndNamesWhatIsMissing() {
    User member = harness.addUser(acme, "member");
    Response minted = harness.post("/local/token", null,
        "{\"tenant_id\":\"" + acme.id() + "\",\"user_id\":\"" + member.id() + "\",\"role\":\"member\"}").expect(200);
    Response me = harness.get("/v1/me", minted.text("token")).expect(200);
    assertEquals(member.id(), me.text("id"));
    assertEquals("member", me.text("role"));

    // The printed curl sends no Content-Type (curl -d: form-encoded); the body is JSON all the same.
    harness.request("POST", "/local/token").header("Content-Type", "application/x-www-form-urlencoded")
        .body("{\"tenant_id\":\"" + acme.id() + "\",\"user_id\":\"" + member.id() + "\",\"role\":\"auditor\"}")
        .send().expect(200);

    assertBadToken("{}", "user_id");
    assertBadToken("{\"user_id\":\"\",\"tenant_id\":\"" + acme.id() + "\",\"role\":\"member\"}", "user_id");
    assertBadToken("{\"user_id\":\"u#1\",\"tenant_id\":\"" + acme.id() + "\",\"role\":\"member\"}", "user_id");
    assertBadToken("{\"user_id\":\"" + member.id() + "\",\"role\":\"member\"}", "tenant_id");
    assertBadToken("{\"user_id\":\"" + member.id() + "\",\"tenant_id\":null,\"role\":\"member\"}", "tenant_id");
    assertBadToken("{\"user_id\":\"" + member.id() + "\",\"tenant_id\":\"\",\"role\":\"member\"}", "tenant_id");
    assertBadToken("{\"user_id\":\"" + member.id() + "\",\"tenant_id\":\"acme\",\"role\":\"member\"}", "tenant_id");
    assertBadToken("{\"user_id\":\"" + member.id() + "\",\"tenant_id\":\"" + acme.id() + "\"}", "role");
    assertBadToken("{\"user_id\":\"" + member.id() + "\",\"tenant_id\":\"" + acme.id() + "\",\"role\":\"superuser\"}",
        "role");
    assertBadToken("{not json", "body");
    assertEquals(405, harness.get("/local/token", null).status());

    // A platform administrator's token needs no tenant, and may create one.
    Response admin = harness.post("/local/token", null,
        "{\"user_id\":\"" + LocalApiHarness.PLATFORM_ADMIN_ID + "\",\"platform_admin\":true}").expect(200);
    harness.post("/v1/tenants", admin.text("token"),
        "{\"name\":\"Minted\",\"owner\":{\"email\":\"o@minted.example\",\"name\":\"O\"}}").expect(201);
  }

  @Test
  void schedulesAreFiredOnDemandAndUnknownOnesAre404() {
    Response unknown = harness.post("/local/schedules/NoSuchRule", null, null).expect(404);
    assertTrue(unknown.text("message").contains("NoSuchRule"), unknown.toString());
    assertEquals(405, harness.get("/local/schedules/NoSuchRule", null).status());
    for (TemplateRules.ScheduleRule rule : new TemplateRules(CloudTemplate.load()).schedules()) {
      Response fired = harness.post("/local/schedules/" + rule.name(), null, null).expect(202);
      assertEquals(rule.name(), fired.text("fired"));
    }
  }

  // ------------------------------------------------------------------------------------------
  // API conventions through the gateway

  @Test
  void pagingFollowsTheCursorThroughTheQueryString() {
    Tenant tenant = harness.createTenant("Pager");
    Set<String> created = new HashSet<>();
    for (int i = 1; i <= 3; i++) {
      created.add(harness.create("/v1/teams", tenant.ownerToken(), "{\"name\":\"Team " + i + "\"}"));
    }

    Response first = harness.get("/v1/teams?limit=2", tenant.ownerToken()).expect(200);
    assertEquals(2, first.itemIds().size(), first.body());
    String cursor = first.text("next_cursor");
    assertNotNull(cursor, "a full first page names the next: " + first.body());
    String encoded = URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    Response second = harness.get("/v1/teams?limit=2&cursor=" + encoded, tenant.ownerToken()).expect(200);
    assertEquals(1, second.itemIds().size(), second.body());
    assertTrue(second.json().path("next_cursor").isNull(), second.body());
    List<String> all = new ArrayList<>(first.itemIds());
    all.addAll(second.itemIds());
    assertEquals(created, new HashSet<>(all));
    assertEquals(3, all.size(), "no team appears twice: " + all);

    // The cursor is bound to its tenant and list, and cannot be edited.
    Response foreign = harness.get("/v1/teams?limit=2&cursor=" + encoded, acme.ownerToken()).expect(400);
    assertEquals(List.of("cursor"), foreign.errorFields());
    assertEquals(List.of("cursor"), harness.get("/v1/projects?cursor=" + encoded, tenant.ownerToken())
        .expect(400).errorFields());
    // Another first character, whatever the cursor starts with.
    String tampered = URLEncoder.encode((cursor.charAt(0) == 'x' ? "y" : "x") + cursor.substring(1), StandardCharsets.UTF_8);
    assertEquals(List.of("cursor"), harness.get("/v1/teams?cursor=" + tampered, tenant.ownerToken())
        .expect(400).errorFields());
    assertEquals(List.of("limit"), harness.get("/v1/teams?limit=0", tenant.ownerToken()).expect(400).errorFields());
    assertEquals(List.of("limit"), harness.get("/v1/teams?limit=101", tenant.ownerToken()).expect(400).errorFields());
  }

  @Test
  void etagAndIfMatchRoundTrip() {
    Response created = harness.post("/v1/projects", acme.ownerToken(), "{\"key\":\"ETAG\",\"name\":\"Locked\"}")
        .expect(201);
    String location = created.header("Location");
    String v1 = harness.get(location, acme.ownerToken()).expect(200).header("ETag");
    assertEquals(created.header("ETag"), v1);

    Response renamed = harness.patch(location, acme.ownerToken(), v1, "{\"name\":\"Renamed\"}").expect(200);
    String v2 = renamed.header("ETag");
    assertNotEquals(v1, v2);
    assertEquals(v2, harness.get(location, acme.ownerToken()).header("ETag"));

    Response stale = harness.patch(location, acme.ownerToken(), v1, "{\"name\":\"Lost update\"}").expect(412);
    assertTrue(stale.isProblem(), stale.toString());
    Response after = harness.get(location, acme.ownerToken()).expect(200);
    assertEquals("Renamed", after.text("name"), "a 412 changes nothing");
    assertEquals(v2, after.header("ETag"));

    assertEquals(List.of("If-Match"), harness.patch(location, acme.ownerToken(), "banana", "{\"name\":\"X\"}")
        .expect(400).errorFields());
    // If-Match is optional; without it the write still applies to the version it read.
    String v3 = harness.patch(location, acme.ownerToken(), null, "{\"description\":\"no If-Match\"}")
        .expect(200).header("ETag");
    assertNotEquals(v2, v3);
    harness.request("DELETE", location).token(acme.ownerToken()).header("If-Match", v2).send().expect(412);
    harness.request("DELETE", location).token(acme.ownerToken()).header("If-Match", v3).send().expect(204);
    harness.get(location, acme.ownerToken()).expect(404);
  }

  @Test
  void idempotencyKeyReplaysTheFirstResponse() {
    String key = "e2e-" + UUID.randomUUID();
    String body = "{\"key\":\"ONCE\",\"name\":\"Exactly once\"}";
    Response first = harness.request("POST", "/v1/projects").token(acme.ownerToken()).header("Idempotency-Key", key)
        .body(body).send().expect(201);
    Response again = harness.request("POST", "/v1/projects").token(acme.ownerToken()).header("Idempotency-Key", key)
        .body(body).send().expect(201);
    assertEquals(first.text("id"), again.text("id"));
    assertEquals(first.header("Location"), again.header("Location"));
    assertEquals(first.header("ETag"), again.header("ETag"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertNull(first.header("Idempotent-Replayed"));

    Response other = harness.request("POST", "/v1/projects").token(acme.ownerToken()).header("Idempotency-Key", key)
        .body("{\"key\":\"TWICE\",\"name\":\"Another\"}").send().expect(422);
    assertEquals(List.of("Idempotency-Key"), other.errorFields());

    long withKey = harness.get("/v1/projects?limit=100", acme.ownerToken()).expect(200).json().path("items")
        .findValuesAsText("key").stream().filter(k -> k.equals("ONCE") || k.equals("TWICE")).count();
    assertEquals(1, withKey, "one project for one key");
  }

  // ------------------------------------------------------------------------------------------
  // events

  @Test
  void everyCommittedWritePutsExactlyOneEventOnTheBusAndARefusedWriteNone() {
    Tenant tenant = harness.createTenant("Eventful");
    User viewer = harness.addUser(tenant, "viewer");
    String owner = tenant.ownerToken();

    String key = "e2e-" + UUID.randomUUID();
    Response created = harness.request("POST", "/v1/teams").token(owner).header("Idempotency-Key", key)
        .body("{\"name\":\"Observed\"}").send().expect(201);
    String teamId = created.text("id");
    JsonNode createdEvent = bus.awaitEvent(e -> isTeamEvent(e, tenant, "team.created"), EVENT_TIMEOUT)
        .orElseThrow(() -> new AssertionError("no team.created on the bus within " + EVENT_TIMEOUT.toSeconds()
            + " s; received " + bus.received()));
    assertEquals("coditect.tenancy", createdEvent.path("source").asText());
    JsonNode detail = createdEvent.path("detail");
    assertEquals(teamId, detail.path("resource_id").asText());
    assertEquals(tenant.id(), detail.path("tenant_id").asText());
    assertEquals(tenant.ownerId(), detail.path("actor").path("user_id").asText());
    assertEquals("POST", detail.path("request").path("method").asText());
    assertEquals("/v1/teams", detail.path("request").path("path").asText());
    assertFalse(detail.path("event_id").asText("").isBlank(), detail.toString());

    // Refused writes: none of these may put anything on the bus.
    harness.request("POST", "/v1/teams").token(owner).header("Idempotency-Key", key)
        .body("{\"name\":\"Observed\"}").send().expect(201);                          // a replay
    harness.post("/v1/teams", owner, "{\"name\":\"Observed\"}").expect(409);           // name taken
    harness.post("/v1/teams", owner, "{\"name\":\"\"}").expect(400);                   // bad body
    harness.post("/v1/teams", viewer.token(), "{\"name\":\"Viewer's\"}").expect(403);  // role
    harness.patch("/v1/teams/" + teamId, owner, "\"999\"", "{\"name\":\"Stale\"}").expect(412);
    harness.delete("/v1/teams/" + UUID.randomUUID(), owner).expect(404);

    // A committed write after them: once its event is in, theirs would have been too.
    harness.patch("/v1/teams/" + teamId, owner, created.header("ETag"), "{\"description\":\"watched\"}").expect(200);
    bus.awaitEvent(e -> isTeamEvent(e, tenant, "team.updated"), EVENT_TIMEOUT)
        .orElseThrow(() -> new AssertionError("no team.updated on the bus; received " + bus.received()));
    List<JsonNode> teamEvents = bus.drain(Duration.ofSeconds(1)).stream()
        .filter(e -> tenant.id().equals(e.path("detail").path("tenant_id").asText())
            && "team".equals(e.path("detail").path("resource_type").asText()))
        .toList();
    assertEquals(List.of("team.created", "team.updated"),
        teamEvents.stream().map(e -> e.path("detail-type").asText()).sorted().toList(),
        "exactly one event per committed write: " + teamEvents);
    teamEvents.forEach(e -> assertEquals(teamId, e.path("detail").path("resource_id").asText(), e.toString()));
    assertEquals(2, teamEvents.stream().map(e -> e.path("detail").path("event_id").asText()).distinct().count());
  }

  private static boolean isTeamEvent(JsonNode event, Tenant tenant, String detailType) {
    return detailType.equals(event.path("detail-type").asText())
        && tenant.id().equals(event.path("detail").path("tenant_id").asText());
  }

  // ------------------------------------------------------------------------------------------

  private static void assertUnauthorized(Response response) {
    assertEquals(401, response.status(), response.toString());
    assertEquals(Map.of("message", "Unauthorized"), asMap(response), response.toString());
    assertTrue(response.contentType().startsWith("application/json"), response.contentType());
  }

  private void assertBadToken(String body, String field) {
    Response response = harness.post("/local/token", null, body);
    assertEquals(400, response.status(), body + " -> " + response);
    assertTrue(response.isProblem(), response.toString());
    assertEquals(List.of(field), response.errorFields(), body + " -> " + response);
  }

  private static Map<String, Object> asMap(Response response) {
    assertNotNull(response.json(), "expected a JSON body: " + response);
    return LocalApiHarness.JSON.convertValue(response.json(), Map.class);
  }

  private JWTClaimsSet claims(Instant issued, Instant expires, String issuer, String audience) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject(acme.ownerId())
        .issueTime(java.util.Date.from(issued))
        .claim("custom:user_id", acme.ownerId())
        .claim("custom:tenant_id", acme.id())
        .claim("custom:role", "owner")
        .claim("custom:platform_admin", "false");
    if (expires != null) {
      claims.expirationTime(java.util.Date.from(expires));
    }
    return claims.build();
  }

  private static String sign(JWTClaimsSet claims, DevTokens tokens) {
    return tokens.sign(claims);
  }

  /** Swaps the payload for one with a higher role, keeping the original signature. */
  private static String tamperRole(String token) {
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"custom:role\":\"owner\"", "\"custom:role\":\"admin\"");
    assertTrue(payload.contains("\"custom:role\":\"admin\""), "the role claim was not found to tamper with: " + payload);
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }
}
