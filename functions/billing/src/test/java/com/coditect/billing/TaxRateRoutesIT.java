package com.coditect.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.billing.data.TaxRateItem;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.StripeMock;
import com.coditect.testing.TestInterceptors;
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
 * {@code GET|POST /v1/tax-rates}, {@code GET|PATCH /v1/tax-rates/{tax_rate_id}} on moto and
 * stripe-mock: public reads, platform administrators' writes, each with its Stripe twin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaxRateRoutesIT {

  private static final Map<String, String> ADMIN = HttpEvents.platformAdminClaims("00000000-0000-7000-8000-000000000001");

  private BillingApi api;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new BillingApi("tax-rates");
    acme = api.env.seedTenant("ACME");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aPlatformAdminCreatesARateWithItsStripeTwinInOneTransaction() {
    HandlerResponse created = create(ADMIN, rate("VAT (19%)", "19.00", "DE", null, "vat"));
    created.assertStatus(201);
    String id = created.text("id");
    assertEquals("/v1/tax-rates/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertTrue(created.text("stripe_tax_rate_id").startsWith("txr_"), created.raw());
    assertEquals("19", created.text("percentage"), "stored without trailing zeros");
    assertEquals("vat", created.text("tax_type"));
    assertFalse(created.json().path("inclusive").asBoolean(true));
    assertTrue(created.json().path("active").asBoolean(false));
    assertTrue(created.json().path("state_code").isNull());
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());

    HandlerResponse read = get(null, id);
    read.assertStatus(200);
    assertEquals(List.of("GetItem"), read.dynamoCalls());
    assertEquals(created.json(), read.json());

    List<JsonNode> events = events("tax_rate.created", id);
    assertEquals(1, events.size());
    assertEquals(TenantId.PLATFORM.value(), events.get(0).path("tenant_id").asText(),
        "platform changes go to the platform's own audit trail");
  }

  @Test
  void everyoneReadsRatesWithoutAToken() {
    String us = newRate("US sales tax", "0", "US", null);
    String ny = newRate("NY sales tax", "8.875", "US", "NY");
    String ca = newRate("CA sales tax", "7.25", "US", "CA");
    String inactive = newRate("Old NY tax", "8.5", "US", "NY");
    patch(ADMIN, inactive, null, "{\"active\":false}").assertStatus(200);

    HandlerResponse country = list(null, "country_code", "US");
    assertEquals(List.of("Query"), country.dynamoCalls());
    assertTrue(ids(country).containsAll(List.of(us, ny, ca, inactive)));
    assertEquals(List.of(ny, inactive), ids(list(null, "country_code", "US", "state_code", "NY")));
    assertEquals(List.of(ny), ids(list(null, "country_code", "US", "state_code", "NY", "active", "true")));
    assertTrue(ids(list(null, "active", "false")).contains(inactive));
    assertEquals(List.of(ny), ids(list(null, "state_code", "NY", "active", "true")), "a state code in any country");
    assertFalse(ids(list(null, "active", "true")).contains(inactive));
    assertEquals("8.875", get(null, ny).text("percentage"), "three decimal places stay exact");
  }

  @Test
  void applicableRatesAreTheCountrysAndTheStatesActiveOnes() {
    String country = newRate("JP consumption tax", "10", "JP", null);
    String tokyo = newRate("Tokyo levy", "1", "JP", "13");
    newRate("Osaka levy", "2", "JP", "27");
    String old = newRate("Old Tokyo levy", "0.5", "JP", "13");
    patch(ADMIN, old, null, "{\"active\":false}").assertStatus(200);

    var repository = api.component.taxRates();
    assertEquals(List.of(country, tokyo), repository.applicable("JP", "13").stream().map(TaxRateItem::id).sorted().toList());
    assertEquals(List.of(country), repository.applicable("JP", null).stream().map(TaxRateItem::id).toList());
    assertEquals(List.of(), repository.applicable("IS", null), "no rate of this class is Icelandic");
  }

  @Test
  void onlyPlatformAdminsWriteRates() {
    String id = newRate("Writable", "5", "CA", "ON");
    for (Map<String, String> claims : List.of(acme.owner(), acme.admin())) {
      HandlerResponse created = create(claims, rate("No", "1", "US", null, "sales_tax"));
      assertEquals(403, created.status(), created.raw());
      assertTrue(created.dynamoCalls().isEmpty());
      assertEquals(403, patch(claims, id, null, "{\"active\":false}").status());
    }
    assertEquals(401, create(null, rate("No", "1", "US", null, "sales_tax")).status());
    assertEquals(401, patch(null, id, null, "{\"active\":false}").status());
    assertTrue(get(null, id).json().path("active").asBoolean(false));
  }

  @Test
  void badBodiesAre400NamingEachField() {
    assertEquals(List.of("display_name", "percentage", "jurisdiction", "country_code", "tax_type"), bad(create(ADMIN, "{}")));
    for (String percentage : List.of("\"101\"", "\"-1\"", "\"8.87501\"", "\"abc\"", "20", "\"1e2\"")) {
      assertEquals(List.of("percentage"), bad(create(ADMIN, rate("X", "0", "US", null, "vat")
          .replace("\"percentage\":\"0\"", "\"percentage\":" + percentage))), percentage);
    }
    assertEquals(List.of("tax_type"), bad(create(ADMIN, rate("X", "1", "US", null, "income_tax"))));
    assertEquals(List.of("state_code"), bad(create(ADMIN, rate("X", "1", "US", "ny", "sales_tax"))));
    assertEquals(List.of("country_code"), bad(create(ADMIN, rate("X", "1", "XX", null, "vat"))));

    String id = newRate("Fixed", "20", "FR", null);
    assertEquals(List.of("percentage"), bad(patch(ADMIN, id, null, "{\"percentage\":\"21\"}")));
    assertEquals(List.of("inclusive"), bad(patch(ADMIN, id, null, "{\"inclusive\":true}")));
    assertEquals(List.of("body"), bad(patch(ADMIN, id, null, "{}")));
    assertEquals(List.of("tax_rate_id"), bad(get(null, "not-a-uuid")));
    assertEquals(List.of("state_code"), bad(list(null, "state_code", "ny")));
    assertEquals(List.of("country_code"), bad(list(null, "country_code", "usa")));
    assertEquals("\"1\"", get(null, id).header("ETag"), "a refused update changes nothing");
  }

  @Test
  void anUnknownRateIs404() {
    String unknown = Ids.newId();
    assertEquals(404, get(null, unknown).status());
    assertEquals(404, patch(ADMIN, unknown, null, "{\"active\":false}").status());
  }

  @Test
  void patchChangesWhatStripeLetsChangeAtTheVersionRead() {
    String id = newRate("GST", "10", "AU", null);
    HandlerResponse changed = patch(ADMIN, id, "\"1\"", "{\"display_name\":\"GST (10%)\",\"active\":false,\"tax_type\":\"gst\"}");
    changed.assertStatus(200);
    assertEquals(List.of("GetItem", "TransactWriteItems"), changed.dynamoCalls());
    assertEquals("\"2\"", changed.header("ETag"));
    assertEquals("GST (10%)", changed.text("display_name"));
    assertFalse(changed.json().path("active").asBoolean(true));
    assertEquals(412, patch(ADMIN, id, "\"1\"", "{\"active\":true}").status());
    assertEquals(1, events("tax_rate.updated", id).size());
  }

  @Test
  void anIdempotencyKeyMakesOneRateAndOneStripeTwin() {
    String key = "rate-" + UUID.randomUUID();
    String body = rate("Replayed", "12.5", "IE", null, "vat");
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/tax-rates").claims(ADMIN).header("Idempotency-Key", key)
        .body(body).build());
    HandlerResponse again = api.call(HttpEvents.route("POST /v1/tax-rates").claims(ADMIN).header("Idempotency-Key", key)
        .body(body).build());
    first.assertStatus(201);
    again.assertStatus(201);
    assertEquals(first.text("id"), again.text("id"));
    assertEquals(first.text("stripe_tax_rate_id"), again.text("stripe_tax_rate_id"));
  }

  @Test
  void whenStripeRefusesNothingIsWritten() {
    DynamoDbCallCounter calls = new DynamoDbCallCounter();
    StripeConfig reachable = StripeMock.config();
    StripeConfig nowhere = new StripeConfig(reachable.apiKeySecret(), reachable.webhookSecret(),
        Optional.of(URI.create("http://127.0.0.1:9")));
    BillingHandler offline = DaggerTestBillingComponent.factory()
        .create(api.env.appConfig(), nowhere, TestInterceptors.of(calls)).handler();
    HandlerResponse refused = new ContractClient(offline, calls).call(HttpEvents.route("POST /v1/tax-rates").claims(ADMIN)
        .body(rate("Unreachable", "3", "NL", null, "vat")).build());
    assertEquals(502, refused.status(), refused.raw());
    assertEquals(List.of(), refused.dynamoCalls());
    assertTrue(list(null, "country_code", "NL").json().path("items").isEmpty());
    assertNotEquals(0, api.env.outboxEvents().size());
    assertTrue(api.env.outboxEvents().stream().noneMatch(e -> e.toString().contains("Unreachable")));
  }

  // ---------------------------------------------------------------- helpers

  private static String rate(String name, String percentage, String country, String state, String type) {
    return "{\"display_name\":\"" + name + "\",\"percentage\":\"" + percentage + "\",\"jurisdiction\":\"" + country
        + (state == null ? "" : "-" + state) + "\",\"country_code\":\"" + country + "\""
        + (state == null ? "" : ",\"state_code\":\"" + state + "\"") + ",\"tax_type\":\"" + type + "\"}";
  }

  private String newRate(String name, String percentage, String country, String state) {
    HandlerResponse created = create(ADMIN, rate(name, percentage, country, state, "sales_tax"));
    created.assertStatus(201);
    return created.text("id");
  }

  private List<JsonNode> events(String action, String resourceId) {
    return api.env.outboxEvents().stream()
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
    return api.call(withClaims(HttpEvents.route("POST /v1/tax-rates").body(body), claims).build());
  }

  private HandlerResponse list(Map<String, String> claims, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/tax-rates"), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse get(Map<String, String> claims, String id) {
    return api.call(withClaims(HttpEvents.route("GET /v1/tax-rates/{tax_rate_id}").pathParam("tax_rate_id", id), claims)
        .build());
  }

  private HandlerResponse patch(Map<String, String> claims, String id, String ifMatch, String body) {
    var event = withClaims(HttpEvents.route("PATCH /v1/tax-rates/{tax_rate_id}").pathParam("tax_rate_id", id).body(body),
        claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private static HttpEvents.Builder withClaims(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }
}
