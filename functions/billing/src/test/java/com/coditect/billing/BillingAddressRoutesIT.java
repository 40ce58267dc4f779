package com.coditect.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.json.Json;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.StripeMock;
import com.coditect.testing.WriteGate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET|POST /v1/billing-addresses} and {@code GET|PATCH|DELETE /v1/billing-addresses/{address_id}}
 * on moto. Owners, admins and the billing role read and write; a tenant has at most one default
 * address, moved in one transaction, also when writers race.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingAddressRoutesIT {

  private static final String NOT_A_UUID = "not-a-uuid";

  private BillingApi api;
  private SeededTenant acme;
  private SeededTenant globex;
  private Map<String, String> acmeBilling;

  @BeforeAll
  void start() {
    api = new BillingApi("billing-addresses");
    acme = api.env.seedTenant("ACME");
    globex = api.env.seedTenant("GLOBEX");
    acmeBilling = api.billingUser(acme);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- POST /v1/billing-addresses

  @Test
  void billingUserAddsAnAddressInOneTransactionWithItsEvent() {
    HandlerResponse created = create(acmeBilling, body("Ada Lovelace", "GB", false)
        .replace("}", ",\"company_name\":\"Analytical Engines\",\"state\":\"London\",\"phone\":\"+44 20 7946 0000\"}"));

    created.assertStatus(201);
    String id = created.text("id");
    assertEquals("/v1/billing-addresses/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals("billing", created.text("address_type"));
    assertEquals("Ada Lovelace", created.text("full_name"));
    assertEquals("Analytical Engines", created.text("company_name"));
    assertEquals("GB", created.text("country_code"));
    assertFalse(created.json().path("is_default").asBoolean(true));
    assertTrue(created.json().path("address_line2").isNull());
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());

    HandlerResponse read = get(acme.owner(), id);
    read.assertStatus(200);
    assertEquals(List.of("GetItem"), read.dynamoCalls());
    assertEquals(created.json(), read.json());
    assertEquals(1, events("billing_address.created", id).size());
  }

  @Test
  void ownersAndAdminsMayToo() {
    create(acme.owner(), body("Olive Owner", "US", false)).assertStatus(201);
    create(acme.admin(), body("Adam Admin", "CA", false)).assertStatus(201);
  }

  @Test
  void membersAndViewersMayNotReadOrWriteAddresses() {
    String id = newAddress(acme, "Hidden", "US", false);
    for (Map<String, String> claims : List.of(acme.member(), acme.viewer())) {
      List<HandlerResponse> refused = List.of(create(claims, body("No", "US", false)), list(claims), get(claims, id),
          patch(claims, id, null, "{\"city\":\"Elsewhere\"}"), delete(claims, id, null));
      for (HandlerResponse response : refused) {
        assertEquals(403, response.status(), response.raw());
        assertTrue(response.dynamoCalls().isEmpty(), "a refused request must not touch the table");
      }
    }
  }

  @Test
  void withoutATokenEveryRouteIs401() {
    String id = newAddress(acme, "Anon", "US", false);
    List<HandlerResponse> anonymous = List.of(create(null, body("No", "US", false)), list(null), get(null, id),
        patch(null, id, null, "{\"city\":\"X\"}"), delete(null, id, null));
    for (HandlerResponse response : anonymous) {
      assertEquals(401, response.status(), response.raw());
      assertTrue(response.dynamoCalls().isEmpty());
    }
  }

  @Test
  void anotherTenantsAddressIsNotFound() {
    String id = newAddress(acme, "Private", "US", true);
    assertEquals(404, get(globex.owner(), id).status());
    assertEquals(404, patch(globex.owner(), id, null, "{\"city\":\"Stolen\"}").status());
    assertEquals(404, delete(globex.owner(), id, null).status());
    assertTrue(ids(list(globex.owner())).isEmpty() || !ids(list(globex.owner())).contains(id));
    HandlerResponse still = get(acme.owner(), id);
    assertEquals("Springfield", still.text("city"));
    assertEquals("\"1\"", still.header("ETag"));
  }

  @Test
  void badBodiesAre400NamingEachFieldAndWriteNothing() {
    var owner = acme.owner();
    assertEquals(List.of("body"), bad(create(owner, "{not json")));
    assertEquals(List.of("full_name", "address_line1", "city", "postal_code", "country_code"), bad(create(owner, "{}")));
    assertEquals(List.of("country_code"), bad(create(owner, body("X", "XX", false))));
    assertEquals(List.of("country_code"), bad(create(owner, body("X", "us", false))));
    assertEquals(List.of("address_type"), bad(create(owner, body("X", "US", false).replace("}", ",\"address_type\":\"home\"}"))));
    assertEquals(List.of("is_default"), bad(create(owner, body("X", "US", false).replace("false", "\"yes\""))));
    assertEquals(List.of("full_name"), bad(create(owner, body("x".repeat(256), "US", false))));
    assertEquals(List.of("full_name"), bad(create(owner, body("   ", "US", false))));
    assertEquals(List.of("phone"), bad(create(owner, body("X", "US", false).replace("}", ",\"phone\":\"" + "1".repeat(51) + "\"}"))));

    String id = newAddress(acme, "Steady", "US", false);
    assertEquals(List.of("body"), bad(patch(owner, id, null, "{}")));
    assertEquals(List.of("city"), bad(patch(owner, id, null, "{\"city\":null}")));
    assertEquals(List.of("country_code"), bad(patch(owner, id, null, "{\"country_code\":\"ZZ\"}")));
    assertEquals(List.of("address_id"), bad(get(owner, NOT_A_UUID)));
    assertEquals(List.of("address_id"), bad(patch(owner, NOT_A_UUID, null, "{\"city\":\"X\"}")));
    assertEquals(List.of("address_id"), bad(delete(owner, NOT_A_UUID, null)));
    assertEquals(List.of("address_type"), bad(list(owner, "address_type", "home")));
    assertEquals(List.of("is_default"), bad(list(owner, "is_default", "maybe")));
    HandlerResponse unchanged = get(owner, id);
    assertEquals("\"1\"", unchanged.header("ETag"), "a refused update must change nothing");
    assertEquals(0, events("billing_address.updated", id).size());
  }

  @Test
  void anIdempotencyKeyReplaysTheCreation() {
    String key = "address-" + UUID.randomUUID();
    String body = body("Replayed", "DE", false);
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/billing-addresses").claims(acme.owner())
        .header("Idempotency-Key", key).body(body).build());
    HandlerResponse again = api.call(HttpEvents.route("POST /v1/billing-addresses").claims(acme.owner())
        .header("Idempotency-Key", key).body(body).build());
    first.assertStatus(201);
    again.assertStatus(201);
    assertEquals(first.text("id"), again.text("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
  }

  // ---------------------------------------------------------------- the one default

  @Test
  void aNewDefaultTakesTheDefaultFromTheOldOneInTheSameTransaction() {
    SeededTenant tenant = api.env.seedTenant("DEF");
    HandlerResponse first = create(tenant.owner(), body("First", "US", true));
    first.assertStatus(201);
    assertEquals(List.of("GetItem", "TransactWriteItems"), first.dynamoCalls());
    assertTrue(first.json().path("is_default").asBoolean());

    HandlerResponse second = create(tenant.owner(), body("Second", "US", true));
    second.assertStatus(201);
    assertEquals(List.of("GetItem", "TransactWriteItems"), second.dynamoCalls());

    HandlerResponse old = get(tenant.owner(), first.text("id"));
    assertFalse(old.json().path("is_default").asBoolean(true));
    assertEquals("\"2\"", old.header("ETag"));
    assertEquals(List.of(second.text("id")), defaults(tenant));
    List<JsonNode> flipped = events("billing_address.updated", first.text("id"));
    assertEquals(1, flipped.size());
    assertEquals(Json.readTree("{\"old\":true,\"new\":false}"), flipped.get(0).path("changes").path("is_default"));
  }

  @Test
  void patchingIsDefaultMovesOrClearsTheDefault() {
    SeededTenant tenant = api.env.seedTenant("MOVE");
    String a = newAddress(tenant, "A", "US", true);
    String b = newAddress(tenant, "B", "US", false);

    HandlerResponse moved = patch(tenant.owner(), b, "\"1\"", "{\"is_default\":true}");
    moved.assertStatus(200);
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), moved.dynamoCalls(), "the address and the pointer in one read");
    assertEquals(List.of(b), defaults(tenant));
    assertFalse(get(tenant.owner(), a).json().path("is_default").asBoolean(true));

    HandlerResponse cleared = patch(tenant.owner(), b, null, "{\"is_default\":false}");
    cleared.assertStatus(200);
    assertEquals(List.of("GetItem", "TransactWriteItems"), cleared.dynamoCalls());
    assertEquals(List.of(), defaults(tenant));

    // With no default left, a new one needs no address to give it up.
    patch(tenant.owner(), a, null, "{\"is_default\":true}").assertStatus(200);
    assertEquals(List.of(a), defaults(tenant));
  }

  @Test
  void deletingTheDefaultLeavesTheTenantWithoutOne() {
    SeededTenant tenant = api.env.seedTenant("DEL");
    String a = newAddress(tenant, "A", "FR", true);
    HandlerResponse deleted = delete(tenant.owner(), a, "\"1\"");
    assertEquals(204, deleted.status(), deleted.raw());
    assertEquals(List.of("GetItem", "TransactWriteItems"), deleted.dynamoCalls());
    assertEquals(404, get(tenant.owner(), a).status());
    assertEquals(List.of(), defaults(tenant));
    assertEquals(List.of(), ids(list(tenant.owner())));
    assertEquals(1, events("billing_address.deleted", a).size());

    String b = newAddress(tenant, "B", "FR", true);
    assertEquals(List.of(b), defaults(tenant));
  }

  @Test
  void aStaleIfMatchIs412AndChangesNothing() {
    String id = newAddress(acme, "Versioned", "US", false);
    patch(acme.owner(), id, "\"1\"", "{\"city\":\"Shelbyville\"}").assertStatus(200);
    HandlerResponse stale = patch(acme.owner(), id, "\"1\"", "{\"city\":\"Capital City\"}");
    assertEquals(412, stale.status(), stale.raw());
    assertEquals(412, delete(acme.owner(), id, "\"1\"").status());
    assertEquals("Shelbyville", get(acme.owner(), id).text("city"));
  }

  @Test
  void listsFilterByTypeAndDefault() {
    SeededTenant tenant = api.env.seedTenant("LIST");
    String billing = newAddress(tenant, "Bill", "US", true);
    HandlerResponse shipping = create(tenant.owner(), body("Ship", "US", false).replace("}", ",\"address_type\":\"shipping\"}"));
    shipping.assertStatus(201);
    String ship = shipping.text("id");

    HandlerResponse all = list(tenant.owner());
    assertEquals(List.of(billing, ship), ids(all));
    assertEquals(List.of("Query"), all.dynamoCalls());
    assertEquals(List.of(ship), ids(list(tenant.owner(), "address_type", "shipping")));
    assertEquals(List.of(billing), ids(list(tenant.owner(), "address_type", "billing")));
    HandlerResponse onlyDefault = list(tenant.owner(), "is_default", "true");
    assertEquals(List.of(billing), ids(onlyDefault));
    assertEquals(List.of("Query"), onlyDefault.dynamoCalls());
    assertEquals(List.of(ship), ids(list(tenant.owner(), "is_default", "false")));
    assertEquals(List.of(), ids(list(tenant.owner(), "is_default", "true", "address_type", "shipping")));
  }

  @Test
  void racingNewDefaultsLeaveExactlyOneDefault() throws Exception {
    SeededTenant tenant = api.env.seedTenant("RACE");
    String original = newAddress(tenant, "Original", "US", true);
    List<APIGatewayV2HTTPEvent> racers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      racers.add(HttpEvents.route("POST /v1/billing-addresses").claims(tenant.owner())
          .body(body("Racer " + i, "US", true)).build());
    }
    List<Integer> statuses = race(racers).stream().map(APIGatewayV2HTTPResponse::getStatusCode).sorted().toList();
    assertEquals(List.of(201, 409, 409, 409, 409, 409), statuses);

    List<String> defaults = defaults(tenant);
    assertEquals(1, defaults.size());
    long flagged = StreamSupport.stream(list(tenant.owner()).json().path("items").spliterator(), false)
        .filter(address -> address.path("is_default").asBoolean()).count();
    assertEquals(1, flagged, "exactly one address says it is the default");
    assertFalse(get(tenant.owner(), original).json().path("is_default").asBoolean(true));
    assertEquals(2, ids(list(tenant.owner())).size(), "a refused racer wrote nothing");
  }

  @Test
  void racingPatchesToDifferentAddressesLetOneWin() throws Exception {
    SeededTenant tenant = api.env.seedTenant("RACE2");
    newAddress(tenant, "Original", "US", true);
    String left = newAddress(tenant, "Left", "US", false);
    String right = newAddress(tenant, "Right", "US", false);
    List<APIGatewayV2HTTPEvent> racers = new ArrayList<>();
    for (String id : List.of(left, right)) {
      racers.add(HttpEvents.route("PATCH /v1/billing-addresses/{address_id}").claims(tenant.owner())
          .pathParam("address_id", id).body("{\"is_default\":true}").build());
    }
    List<APIGatewayV2HTTPResponse> responses = race(racers, 2);
    List<Integer> statuses = responses.stream().map(APIGatewayV2HTTPResponse::getStatusCode).sorted().toList();
    assertEquals(List.of(200, 409), statuses);
    String winner = responses.get(0).getStatusCode() == 200 ? left : right;
    assertEquals(List.of(winner), defaults(tenant));
  }

  // ---------------------------------------------------------------- helpers

  /** Runs the requests at once, every one having read before any writes; each makes one read unless told. */
  private List<APIGatewayV2HTTPResponse> race(List<APIGatewayV2HTTPEvent> events) throws Exception {
    return race(events, events.size());
  }

  private List<APIGatewayV2HTTPResponse> race(List<APIGatewayV2HTTPEvent> events, int reads) throws Exception {
    return WriteGate.race(interceptors -> DaggerTestBillingComponent.factory().create(api.env.appConfig(),
        StripeMock.config(), interceptors).handler(), events, reads);
  }


  private static String body(String name, String country, boolean isDefault) {
    return "{\"full_name\":\"" + name + "\",\"address_line1\":\"742 Evergreen Terrace\",\"city\":\"Springfield\","
        + "\"postal_code\":\"49007\",\"country_code\":\"" + country + "\",\"is_default\":" + isDefault + "}";
  }

  private String newAddress(SeededTenant tenant, String name, String country, boolean isDefault) {
    HandlerResponse created = create(tenant.owner(), body(name, country, isDefault));
    created.assertStatus(201);
    return created.text("id");
  }

  private List<String> defaults(SeededTenant tenant) {
    return ids(list(tenant.owner(), "is_default", "true"));
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
    return api.call(withClaims(HttpEvents.route("POST /v1/billing-addresses").body(body), claims).build());
  }

  private HandlerResponse list(Map<String, String> claims, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/billing-addresses"), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse get(Map<String, String> claims, String id) {
    return api.call(withClaims(HttpEvents.route("GET /v1/billing-addresses/{address_id}").pathParam("address_id", id),
        claims).build());
  }

  private HandlerResponse patch(Map<String, String> claims, String id, String ifMatch, String body) {
    var event = withClaims(HttpEvents.route("PATCH /v1/billing-addresses/{address_id}").pathParam("address_id", id)
        .body(body), claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  private HandlerResponse delete(Map<String, String> claims, String id, String ifMatch) {
    var event = withClaims(HttpEvents.route("DELETE /v1/billing-addresses/{address_id}").pathParam("address_id", id),
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
