package com.coditect.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.StripeMock;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET|POST /v1/products}, {@code GET|PATCH /v1/products/{product_id}} on moto and stripe-mock:
 * the public catalog, written by platform administrators, each product with its Stripe twins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductRoutesIT {

  private static final Map<String, String> ADMIN = HttpEvents.platformAdminClaims("00000000-0000-7000-8000-000000000c01");

  private AwsTestEnvironment env;
  private DynamoDbCallCounter calls;
  private ContractClient client;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    env = AwsTestEnvironment.create("products");
    calls = new DynamoDbCallCounter();
    client = new ContractClient(DaggerTestCommerceComponent.factory().create(env.appConfig(), StripeMock.config(),
        TestTokens.config(), TestInterceptors.of(calls)).handler(), calls);
    acme = env.seedTenant("ACME");
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @Test
  void aPlatformAdminAddsAProductWithItsStripeProductAndPrice() {
    HandlerResponse created = create(ADMIN, product(sku(), "Team plan", 4_900, "usd", "month"));
    created.assertStatus(201);
    String id = created.text("id");
    assertEquals("/v1/products/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertTrue(created.text("stripe_product_id").startsWith("prod_"), created.raw());
    assertTrue(created.text("stripe_price_id").startsWith("price_"), created.raw());
    assertEquals("month", created.text("interval"));
    assertTrue(created.json().path("active").asBoolean(false));
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());

    HandlerResponse read = get(null, id);
    read.assertStatus(200);
    assertEquals(List.of("GetItem"), read.dynamoCalls());
    assertEquals(created.json(), read.json());
    List<JsonNode> events = events("product.created", id);
    assertEquals(1, events.size());
    assertEquals(TenantId.PLATFORM.value(), events.get(0).path("tenant_id").asText());
  }

  @Test
  void anyoneBrowsesTheCatalogWithoutAToken() {
    String mug = newProduct("Mug", 1_200, "one_time");
    String plan = newProduct("Pro plan", 9_900, "year");
    String retired = newProduct("Old mug", 900, "one_time");
    patch(ADMIN, retired, null, "{\"active\":false}").assertStatus(200);

    HandlerResponse all = list(null);
    assertEquals(List.of("Query"), all.dynamoCalls());
    assertTrue(ids(all).containsAll(List.of(mug, plan, retired)));
    assertTrue(ids(list(null, "interval", "year")).contains(plan));
    assertFalse(ids(list(null, "interval", "year")).contains(mug));
    assertFalse(ids(list(null, "active", "true")).contains(retired));
    assertTrue(ids(list(null, "active", "false", "interval", "one_time")).contains(retired));
    assertTrue(ids(list(acme.member())).contains(mug), "a signed-in user reads the same catalog");
  }

  @Test
  void onlyPlatformAdminsChangeTheCatalog() {
    String id = newProduct("Locked", 500, "one_time");
    for (Map<String, String> claims : List.of(acme.owner(), acme.admin(), acme.member())) {
      HandlerResponse denied = create(claims, product(sku(), "No", 1, "usd", "one_time"));
      assertEquals(403, denied.status(), denied.raw());
      assertTrue(denied.dynamoCalls().isEmpty());
      assertEquals(403, patch(claims, id, null, "{\"name\":\"Hijacked\"}").status());
    }
    assertEquals(401, create(null, product(sku(), "No", 1, "usd", "one_time")).status());
    assertEquals(401, patch(null, id, null, "{\"name\":\"Hijacked\"}").status());
    assertEquals("Locked", get(null, id).text("name"));
  }

  @Test
  void aSkuIsUniqueAcrossThePlatform() {
    String sku = sku();
    create(ADMIN, product(sku, "First", 100, "usd", "one_time")).assertStatus(201);
    HandlerResponse clash = create(ADMIN, product(sku, "Second", 100, "usd", "one_time"));
    assertEquals(409, clash.status(), clash.raw());
    assertEquals(List.of("sku"), clash.errorFields());
  }

  @Test
  void badInputIs400NamingTheFieldAndUnknownIdsAre404() {
    assertEquals(List.of("sku", "name", "price_cents", "currency"), bad(create(ADMIN, "{}")));
    assertEquals(List.of("currency"), bad(create(ADMIN, product(sku(), "X", 1, "dollars", "one_time"))));
    assertEquals(List.of("interval"), bad(create(ADMIN, product(sku(), "X", 1, "usd", "week"))));
    assertEquals(List.of("price_cents"), bad(create(ADMIN, product(sku(), "X", -1, "usd", "one_time"))));
    String id = newProduct("Steady", 700, "one_time");
    assertEquals(List.of("sku"), bad(patch(ADMIN, id, null, "{\"sku\":\"OTHER\"}")));
    assertEquals(List.of("body"), bad(patch(ADMIN, id, null, "{}")));
    assertEquals(List.of("product_id"), bad(get(null, "not-a-uuid")));
    assertEquals(List.of("interval"), bad(list(null, "interval", "weekly")));
    assertEquals(404, get(null, Ids.newId()).status());
    assertEquals(404, patch(ADMIN, Ids.newId(), null, "{\"name\":\"X\"}").status());
    assertEquals("\"1\"", get(null, id).header("ETag"));
  }

  @Test
  void aNewAmountIsANewStripePriceAndOtherChangesKeepIt() {
    String id = newProduct("Seat", 1_000, "month");
    String firstPrice = get(null, id).text("stripe_price_id");

    HandlerResponse renamed = patch(ADMIN, id, "\"1\"", "{\"name\":\"Seat (monthly)\",\"description\":\"Per user\"}");
    renamed.assertStatus(200);
    assertEquals(firstPrice, renamed.text("stripe_price_id"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), renamed.dynamoCalls());

    HandlerResponse repriced = patch(ADMIN, id, "\"2\"", "{\"price_cents\":1200}");
    repriced.assertStatus(200);
    assertNotEquals(firstPrice, repriced.text("stripe_price_id"));
    assertEquals(1_200, repriced.json().path("price_cents").asLong());
    assertEquals(412, patch(ADMIN, id, "\"2\"", "{\"name\":\"Stale\"}").status());
  }

  @Test
  void whenStripeRefusesNothingIsWritten() {
    StripeConfig reachable = StripeMock.config();
    DynamoDbCallCounter offlineCalls = new DynamoDbCallCounter();
    ContractClient offline = new ContractClient(DaggerTestCommerceComponent.factory().create(env.appConfig(),
        new StripeConfig(reachable.apiKeySecret(), reachable.webhookSecret(), Optional.of(URI.create("http://127.0.0.1:9"))),
        TestTokens.config(), TestInterceptors.of(offlineCalls)).handler(), offlineCalls);
    String sku = sku();
    HandlerResponse refused = offline.call(HttpEvents.route("POST /v1/products").claims(ADMIN)
        .body(product(sku, "Unreachable", 100, "usd", "one_time")).build());
    assertEquals(502, refused.status(), refused.raw());
    assertEquals(List.of(), refused.dynamoCalls());
    create(ADMIN, product(sku, "Reachable", 100, "usd", "one_time")).assertStatus(201);
  }

  @Test
  void anIdempotencyKeyMakesOneProduct() {
    String key = "product-" + UUID.randomUUID();
    String body = product(sku(), "Replayed", 300, "eur", "one_time");
    HandlerResponse first = client.call(HttpEvents.route("POST /v1/products").claims(ADMIN).header("Idempotency-Key", key)
        .body(body).build());
    HandlerResponse again = client.call(HttpEvents.route("POST /v1/products").claims(ADMIN).header("Idempotency-Key", key)
        .body(body).build());
    first.assertStatus(201);
    again.assertStatus(201);
    assertEquals(first.text("id"), again.text("id"));
  }

  // ---------------------------------------------------------------- helpers

  private static String sku() {
    return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String product(String sku, String name, long cents, String currency, String interval) {
    return "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"price_cents\":" + cents + ",\"currency\":\"" + currency
        + "\",\"interval\":\"" + interval + "\"}";
  }

  private String newProduct(String name, long cents, String interval) {
    HandlerResponse created = create(ADMIN, product(sku(), name, cents, "usd", interval));
    created.assertStatus(201);
    return created.text("id");
  }

  private List<JsonNode> events(String action, String resourceId) {
    return env.outboxEvents().stream()
        .filter(event -> action.equals(event.path("action").asText()) && resourceId.equals(event.path("resource_id").asText()))
        .toList();
  }

  private static List<String> ids(HandlerResponse response) {
    response.assertStatus(200);
    return StreamSupport.stream(response.json().path("items").spliterator(), false).map(item -> item.path("id").asText())
        .toList();
  }

  private static List<String> bad(HandlerResponse response) {
    assertEquals(400, response.status(), response.raw());
    return response.errorFields();
  }

  private HandlerResponse create(Map<String, String> claims, String body) {
    return client.call(withClaims(HttpEvents.route("POST /v1/products").body(body), claims).build());
  }

  private HandlerResponse list(Map<String, String> claims, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/products"), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return client.call(event.build());
  }

  private HandlerResponse get(Map<String, String> claims, String id) {
    return client.call(withClaims(HttpEvents.route("GET /v1/products/{product_id}").pathParam("product_id", id), claims)
        .build());
  }

  private HandlerResponse patch(Map<String, String> claims, String id, String ifMatch, String body) {
    var event = withClaims(HttpEvents.route("PATCH /v1/products/{product_id}").pathParam("product_id", id).body(body),
        claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return client.call(event.build());
  }

  private static HttpEvents.Builder withClaims(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }
}
