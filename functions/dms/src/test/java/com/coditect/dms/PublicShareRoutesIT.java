package com.coditect.dms;

import static com.coditect.testing.ListAsserts.bad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.dms.DocumentSeeds.Seeded;
import com.coditect.dms.domain.ShareTokens;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.OpenApiContract;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The public routes of a share link on moto: {@code GET /v1/public/shares/{token}},
 * {@code POST .../access} and the page {@code GET /share/{token}}. No bearer token: unknown tokens
 * are 404, revoked, expired and used-up links 410, a wrong password 401 and, after five, 429;
 * access is counted atomically (50 parallel requests, 10 allowed: exactly 10 URLs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicShareRoutesIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private DmsApi api;
  private DocumentSeeds seeds;
  private ShareTestSupport shares;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new DmsApi("public-shares");
    seeds = new DocumentSeeds(api);
    shares = new ShareTestSupport(api);
    acme = api.env.seedTenant("ENG");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  private Seeded document() {
    return seeds.document(acme.id(), acme.ownerId(), "Board <b>pack</b> & notes", "pack.txt", "version one bytes",
        "version two, the current bytes");
  }

  // ---------------------------------------------------------------- GET /v1/public/shares/{token}

  @Test
  void anyoneWithTheTokenSeesWhatItSharesWithoutCountingAnAccess() {
    Seeded doc = document();
    String token = shares.token(acme.owner(), doc.id(),
        "{\"permission_level\":\"download\",\"password\":\"pw\",\"expires_at\":\"2099-01-01T00:00:00Z\"}");
    HandlerResponse shown = shares.describe(token);
    shown.assertStatus(200);
    assertEquals("Board <b>pack</b> & notes", shown.text("title"));
    assertEquals("pack.txt", shown.text("file_name"));
    assertEquals("version two, the current bytes".length(), shown.json().path("file_size_bytes").asInt());
    assertEquals("text/plain", shown.text("mime_type"));
    assertTrue(shown.json().path("needs_password").asBoolean());
    assertEquals("2099-01-01T00:00:00.000Z", shown.text("expires_at"));
    assertEquals("download", shown.text("permission_level"));
    assertEquals(List.of("GetItem", "BatchGetItem"), shown.dynamoCalls());
    assertEquals(0, shares.list(acme.owner(), doc.id()).json().path("items").get(0).path("access_count").asInt());
  }

  @Test
  void unknownTokensAre404AndMalformedOnesCostNoRead() {
    HandlerResponse malformed = shares.describe("not-a-token");
    malformed.assertStatus(404);
    assertTrue(malformed.dynamoCalls().isEmpty());
    HandlerResponse unknown = shares.describe(ShareTokens.newToken());
    unknown.assertStatus(404);
    assertEquals(List.of("GetItem"), unknown.dynamoCalls());
    shares.access(ShareTokens.newToken(), "{}").assertStatus(404);
    shares.access("x".repeat(44), "{}").assertStatus(404);
  }

  @Test
  void revokedExpiredExhaustedAndDeletedLinksAre410() {
    Seeded doc = document();
    HandlerResponse created = shares.create(acme.owner(), doc.id(), "{\"permission_level\":\"download\"}");
    String token = created.text("token");
    shares.access(token, null).assertStatus(200);
    shares.revoke(acme.owner(), created.text("id"), null).assertStatus(204);
    shares.describe(token).assertStatus(410);
    shares.access(token, null).assertStatus(410);

    HandlerResponse expiring = shares.create(acme.owner(), doc.id(), "{\"permission_level\":\"download\"}");
    shares.setShareAttribute(acme.id(), expiring.text("id"), "expires_at",
        AttributeValue.fromS(Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS).toString()));
    shares.describe(expiring.text("token")).assertStatus(410);
    HandlerResponse expired = shares.access(expiring.text("token"), null);
    expired.assertStatus(410);
    assertEquals(List.of("GetItem", "BatchGetItem"), expired.dynamoCalls());

    String once = shares.token(acme.owner(), doc.id(), "{\"permission_level\":\"download\",\"max_access_count\":1}");
    shares.access(once, null).assertStatus(200);
    shares.access(once, null).assertStatus(410);
    shares.describe(once).assertStatus(410);

    String live = shares.token(acme.owner(), doc.id(), "{\"permission_level\":\"download\"}");
    seeds.delete(acme.id(), doc.id());
    shares.describe(live).assertStatus(410);
    shares.access(live, null).assertStatus(410);
  }

  // ---------------------------------------------------------------- POST /v1/public/shares/{token}/access

  @Test
  void aDownloadLinkGivesAShortLivedUrlToTheCurrentFileAndRecordsTheAccess() throws Exception {
    Seeded doc = document();
    HandlerResponse created = shares.create(acme.owner(), doc.id(), "{\"permission_level\":\"download\"}");
    String token = created.text("token");

    HandlerResponse access = shares.access(token, "{}");
    access.assertStatus(200);
    assertEquals(List.of("GetItem", "BatchGetItem", "TransactWriteItems"), access.dynamoCalls());
    Instant expires = Instant.parse(access.text("expires_at"));
    assertTrue(expires.isAfter(Instant.now()) && expires.isBefore(Instant.now().plusSeconds(301)), expires.toString());
    assertTrue(access.text("url").contains("response-content-disposition=attachment"), access.text("url"));
    assertEquals(doc.currentChecksum(), sha256Of(access.text("url")));
    HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(access.text("url"))).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("attachment; filename=\"pack.txt\"; filename*=UTF-8''pack.txt",
        download.headers().firstValue("Content-Disposition").orElse(null), "browsers save it under its name");
    // No body at all is the same as {} for a link without a password.
    shares.access(token, null).assertStatus(200);

    JsonNode listed = shares.list(acme.owner(), doc.id()).json().path("items").get(0);
    assertEquals(2, listed.path("access_count").asInt());
    assertTrue(listed.hasNonNull("last_accessed_at"));
    JsonNode row = shares.activity(acme.owner(), doc.id(), "action", "downloaded").json().path("items").get(0);
    assertTrue(row.path("user_id").isNull());
    assertEquals("203.0.113.7", row.path("ip_address").asText());
    assertEquals("Mozilla/5.0 (share test)", row.path("user_agent").asText());

    List<JsonNode> events = shares.events("share.accessed", created.text("id"));
    assertEquals(2, events.size());
    JsonNode event = events.get(0);
    assertTrue(event.path("actor").path("user_id").isNull());
    assertEquals("203.0.113.7", event.path("actor").path("ip").asText());
    assertEquals("/v1/public/shares/{token}/access", event.path("request").path("path").asText());
    assertFalse(event.toString().contains(token), "the token never reaches the audit log");
  }

  @Test
  void aPinnedLinkHandsOutItsVersionEvenAfterNewerOnes() throws Exception {
    Seeded doc = document();
    String token = shares.token(acme.owner(), doc.id(), "{\"permission_level\":\"download\",\"version_number\":1}");
    HandlerResponse shown = shares.describe(token);
    assertEquals("v1-pack.txt", shown.text("file_name"));
    assertEquals("version one bytes".length(), shown.json().path("file_size_bytes").asInt());
    HandlerResponse access = shares.access(token, null);
    access.assertStatus(200);
    assertEquals(doc.checksums().get(0), sha256Of(access.text("url")));
    assertTrue(access.text("url").contains("v1-pack.txt"), access.text("url"));
  }

  @Test
  void aViewLinkShowsDetailsButGivesNoFile() {
    Seeded doc = document();
    String token = shares.token(acme.owner(), doc.id(), "{\"permission_level\":\"view\"}");
    shares.describe(token).assertStatus(200);
    HandlerResponse refused = shares.access(token, null);
    refused.assertStatus(403);
    assertEquals(List.of("GetItem", "BatchGetItem"), refused.dynamoCalls());
    assertEquals(0, shares.list(acme.owner(), doc.id()).json().path("items").get(0).path("access_count").asInt());
  }

  @Test
  void badBodiesAre400NamingTheField() {
    Seeded doc = document();
    String token = shares.token(acme.owner(), doc.id(), "{\"permission_level\":\"download\",\"password\":\"pw\"}");
    assertEquals(List.of("password"), bad(shares.access(token, "{\"password\":42}")));
    assertEquals(List.of("pass"), bad(shares.access(token, "{\"pass\":\"pw\"}")));
    assertEquals(List.of("body"), bad(shares.access(token, "{\"password\":")));
    assertEquals(List.of("body"), bad(shares.access(token, "[]")));
  }

  @Test
  void wrongPasswordsAre401AndFiveInARowLockTheLinkFor15Minutes() {
    Seeded doc = document();
    HandlerResponse created = shares.create(acme.owner(), doc.id(),
        "{\"permission_level\":\"download\",\"password\":\"correct horse\"}");
    String token = created.text("token");

    HandlerResponse missing = shares.access(token, "{}");
    missing.assertStatus(401);
    assertEquals(List.of("GetItem", "BatchGetItem", "UpdateItem"), missing.dynamoCalls());
    shares.access(token, "{\"password\":\"correct horse\"}").assertStatus(200);
    // A success starts the count again: four more wrong ones do not lock.
    for (int i = 0; i < 4; i++) {
      shares.access(token, "{\"password\":\"wrong " + i + "\"}").assertStatus(401);
    }
    shares.access(token, "{\"password\":\"correct horse\"}").assertStatus(200);
    for (int i = 0; i < 4; i++) {
      shares.access(token, "{\"password\":\"guess " + i + "\"}").assertStatus(401);
    }
    HandlerResponse locking = shares.access(token, "{\"password\":\"guess 4\"}");
    locking.assertStatus(429);
    assertEquals(List.of("GetItem", "BatchGetItem", "UpdateItem", "UpdateItem"), locking.dynamoCalls());
    int retryAfter = Integer.parseInt(locking.header("Retry-After"));
    assertTrue(retryAfter > 890 && retryAfter <= 900, "about 15 minutes: " + retryAfter);

    // Locked: even the right password waits, and no access is counted.
    HandlerResponse locked = shares.access(token, "{\"password\":\"correct horse\"}");
    locked.assertStatus(429);
    assertEquals(List.of("GetItem", "BatchGetItem"), locked.dynamoCalls());
    JsonNode listed = shares.list(acme.owner(), doc.id()).json().path("items").get(0);
    assertEquals(2, listed.path("access_count").asInt());
    assertTrue(listed.hasNonNull("locked_until"));
    // The details stay visible while locked.
    shares.describe(token).assertStatus(200);

    // The lock ends by itself (here: moved into the past), or when the owner sets a new password.
    shares.setShareAttribute(acme.id(), created.text("id"), "locked_until",
        AttributeValue.fromS(Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS).toString()));
    shares.access(token, "{\"password\":\"correct horse\"}").assertStatus(200);
    for (int i = 0; i < 5; i++) {
      shares.access(token, "{\"password\":\"again " + i + "\"}");
    }
    shares.access(token, "{\"password\":\"correct horse\"}").assertStatus(429);
    HandlerResponse reset = shares.patch(acme.owner(), created.text("id"), null, "{\"password\":\"new one\"}");
    reset.assertStatus(200);
    assertTrue(reset.json().path("locked_until").isNull());
    shares.access(token, "{\"password\":\"correct horse\"}").assertStatus(401);
    shares.access(token, "{\"password\":\"new one\"}").assertStatus(200);
  }

  @Test
  void fiftyParallelAccessesToALinkOfTenGiveExactlyTen() throws Exception {
    Seeded doc = document();
    HandlerResponse created = shares.create(acme.owner(), doc.id(),
        "{\"permission_level\":\"download\",\"max_access_count\":10}");
    String token = created.text("token");
    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        results.add(pool.submit(() -> api.handler.handleRequest(HttpEvents.route("POST /v1/public/shares/{token}/access")
            .pathParam("token", token).body("{}").build(), null).getStatusCode()));
      }
      Map<Integer, Long> statuses = new TreeMap<>();
      for (Future<Integer> result : results) {
        statuses.merge(result.get(), 1L, Long::sum);
      }
      assertEquals(Map.of(200, 10L, 410, 40L), statuses);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(10, shares.list(acme.owner(), doc.id()).json().path("items").get(0).path("access_count").asInt());
    assertEquals(10, shares.activity(acme.owner(), doc.id(), "action", "downloaded", "limit", "100").json()
        .path("items").size());
    assertEquals(10, shares.events("share.accessed", created.text("id")).size());
  }

  // ---------------------------------------------------------------- GET /share/{token}

  @Test
  void thePublicPageShowsTheLinkEscapedUnderAStrictPolicy() {
    Seeded doc = document();
    String token = shares.token(acme.owner(), doc.id(),
        "{\"permission_level\":\"download\",\"password\":\"pw\",\"expires_at\":\"2099-01-01T00:00:00Z\"}");
    APIGatewayV2HTTPResponse page = page(token);
    assertEquals(200, page.getStatusCode());
    Map<String, String> headers = page.getHeaders();
    assertEquals("text/html; charset=utf-8", headers.get("Content-Type"));
    String policy = headers.get("Content-Security-Policy");
    assertTrue(policy.startsWith("default-src 'none'; script-src 'sha256-"), policy);
    assertFalse(policy.contains("unsafe"), policy);
    assertEquals("no-store", headers.get("Cache-Control"));
    assertEquals("no-referrer", headers.get("Referrer-Policy"));
    String html = page.getBody();
    assertTrue(html.contains("<h1>Board &lt;b&gt;pack&lt;/b&gt; &amp; notes</h1>"), html);
    assertFalse(html.contains("<b>pack"), "the title is escaped");
    assertTrue(html.contains("type=\"password\""));
    assertTrue(html.contains("2099-01-01 00:00:00.000 UTC"));
    assertTrue(html.contains("data-access=\"/v1/public/shares/" + token + "/access\""));
    assertEquals(0, shares.list(acme.owner(), doc.id()).json().path("items").get(0).path("access_count").asInt());

    String viewOnly = shares.token(acme.owner(), doc.id(), "{\"permission_level\":\"view\"}");
    String viewPage = page(viewOnly).getBody();
    assertFalse(viewPage.contains("id=\"download\""), "a view link has no download button");
    assertFalse(viewPage.contains("type=\"password\""));

    APIGatewayV2HTTPResponse unknown = page(ShareTokens.newToken());
    assertEquals(404, unknown.getStatusCode());
    assertTrue(unknown.getBody().contains("This link does not exist"));
    HandlerResponse created = shares.create(acme.owner(), doc.id(), "{\"permission_level\":\"download\"}");
    shares.revoke(acme.owner(), created.text("id"), null).assertStatus(204);
    APIGatewayV2HTTPResponse gone = page(created.text("token"));
    assertEquals(410, gone.getStatusCode());
    assertTrue(gone.getBody().contains("This link is no longer available"));
    assertEquals("text/html; charset=utf-8", gone.getHeaders().get("Content-Type"));
  }

  /** The page through the handler, checked against the document (its body is HTML, not JSON). */
  private APIGatewayV2HTTPResponse page(String token) {
    APIGatewayV2HTTPResponse response = api.handler.handleRequest(HttpEvents.route("GET /share/{token}")
        .pathParam("token", token).build(), null);
    OpenApiContract.load().assertResponse("GET /share/{token}", response);
    return response;
  }

  private static String sha256Of(String url) throws Exception {
    HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode(), new String(download.body()));
    return DocumentSeeds.sha256(download.body());
  }
}
