package com.coditect.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.billing.SeededPayments.Seeded;
import com.coditect.shared.config.StripeConfig;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.StripeMock;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.WriteGate;
import java.net.URI;
import java.util.ArrayList;
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
 * {@code GET /v1/payments}, {@code GET /v1/payments/{payment_id}}, {@code POST .../refunds} and
 * {@code GET /v1/refunds} on moto and stripe-mock: owners, admins and the billing role; refunds
 * never exceed the payment, even when ten race.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentRoutesIT {

  private BillingApi api;
  private SeededPayments payments;
  private SeededTenant acme;
  private SeededTenant globex;
  private Map<String, String> acmeBilling;

  @BeforeAll
  void start() {
    api = new BillingApi("payments");
    StripeWebhooks webhooks = new StripeWebhooks(api);
    payments = new SeededPayments(api, webhooks, new BillingEvents(api));
    acme = api.env.seedTenant("ACME");
    globex = api.env.seedTenant("GLOBEX");
    acmeBilling = api.billingUser(acme);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- reads

  @Test
  void theBillingRoleReadsPaymentsNewestFirstInOneCall() {
    SeededTenant tenant = api.env.seedTenant("READ");
    Seeded older = payments.succeeded(tenant.id(), 1_000);
    Seeded newer = payments.pending(tenant.id(), 2_000);
    Map<String, String> billing = api.billingUser(tenant);

    HandlerResponse all = list(billing);
    assertEquals(List.of(newer.id(), older.id()), ids(all));
    assertEquals(List.of("Query"), all.dynamoCalls());
    assertEquals(List.of(older.id()), ids(list(billing, "status", "succeeded")));
    assertEquals(List.of(newer.id()), ids(list(billing, "status", "pending")));

    HandlerResponse one = get(billing, older.id());
    one.assertStatus(200);
    assertEquals(List.of("GetItem"), one.dynamoCalls());
    assertEquals(older.intentId(), one.text("stripe_payment_intent_id"));
    assertEquals(1_000, one.json().path("amount_cents").asLong());
    assertEquals("card", one.text("payment_method"));
  }

  @Test
  void membersAndViewersMayNotSeeOrRefundPayments() {
    Seeded payment = payments.succeeded(acme.id(), 1_000);
    for (Map<String, String> claims : List.of(acme.member(), acme.viewer())) {
      for (HandlerResponse refused : List.of(list(claims), get(claims, payment.id()), refunds(claims),
          refund(claims, payment.id(), key(), "{}"))) {
        assertEquals(403, refused.status(), refused.raw());
        assertTrue(refused.dynamoCalls().isEmpty());
      }
    }
    for (HandlerResponse anonymous : List.of(list(null), get(null, payment.id()), refunds(null),
        refund(null, payment.id(), key(), "{}"))) {
      assertEquals(401, anonymous.status(), anonymous.raw());
    }
  }

  @Test
  void anotherTenantsPaymentIsNotFound() {
    Seeded payment = payments.succeeded(acme.id(), 1_000);
    assertEquals(404, get(globex.owner(), payment.id()).status());
    assertEquals(404, refund(globex.owner(), payment.id(), key(), "{\"amount_cents\":100}").status());
    assertTrue(ids(list(globex.owner())).isEmpty());
    assertTrue(ids(refunds(globex.owner(), "payment_id", payment.id())).isEmpty());
    assertEquals(0, get(acme.owner(), payment.id()).json().path("refunded_cents").asLong());
  }

  @Test
  void badInputIs400NamingTheField() {
    Seeded payment = payments.succeeded(acme.id(), 1_000);
    assertEquals(List.of("status"), bad(list(acme.owner(), "status", "paid")));
    assertEquals(List.of("payment_id"), bad(get(acme.owner(), "not-a-uuid")));
    assertEquals(List.of("payment_id"), bad(refunds(acme.owner(), "payment_id", "nope")));
    assertEquals(List.of("Idempotency-Key"), bad(refund(acme.owner(), payment.id(), null, "{\"amount_cents\":100}")));
    assertEquals(List.of("amount_cents"), bad(refund(acme.owner(), payment.id(), key(), "{\"amount_cents\":-5}")));
    assertEquals(List.of("amount_cents"), bad(refund(acme.owner(), payment.id(), key(), "{\"amount_cents\":0}")));
    assertEquals(List.of("amount_cents"), bad(refund(acme.owner(), payment.id(), key(), "{\"amount_cents\":\"10\"}")));
    assertEquals(List.of("reason"), bad(refund(acme.owner(), payment.id(), key(), "{\"reason\":\"changed_mind\"}")));
    assertEquals(List.of("body"), bad(refund(acme.owner(), payment.id(), key(), "{oops")));
    assertEquals(0, get(acme.owner(), payment.id()).json().path("refunded_cents").asLong(), "nothing was reserved");
  }

  // ---------------------------------------------------------------- refunds

  @Test
  void aPartialRefundIsReservedThenTakenByStripe() {
    Seeded payment = payments.succeeded(acme.id(), 10_000);
    HandlerResponse refunded = refund(acmeBilling, payment.id(), key(),
        "{\"amount_cents\":3000,\"reason\":\"requested_by_customer\"}");
    refunded.assertStatus(201);
    assertEquals("succeeded", refunded.text("status"));
    assertTrue(refunded.text("stripe_refund_id").startsWith("re_"), refunded.raw());
    assertEquals(3_000, refunded.json().path("amount_cents").asLong());
    assertEquals("requested_by_customer", refunded.text("reason"));
    assertNotNull(refunded.text("succeeded_at"));
    // reservation (the payment and the idempotency record in one read, one transaction), then after
    // Stripe the settlement (the payment and the refund in one read, one transaction)
    assertEquals(List.of("BatchGetItem", "TransactWriteItems", "BatchGetItem", "TransactWriteItems"),
        refunded.dynamoCalls());

    HandlerResponse after = get(acme.owner(), payment.id());
    assertEquals(3_000, after.json().path("refunded_cents").asLong());
    assertEquals("succeeded", after.text("status"), "partly refunded is still succeeded");
    HandlerResponse ofPayment = refunds(acme.owner(), "payment_id", payment.id());
    assertEquals(List.of(refunded.text("id")), ids(ofPayment));
    assertEquals(List.of("Query"), ofPayment.dynamoCalls());
    HandlerResponse ofTenant = refunds(acmeBilling);
    assertTrue(ids(ofTenant).contains(refunded.text("id")));
    assertEquals(List.of("Query"), ofTenant.dynamoCalls());
  }

  @Test
  void aRefundOfWhatIsLeftMakesThePaymentRefunded() {
    Seeded payment = payments.succeeded(acme.id(), 5_000);
    refund(acme.owner(), payment.id(), key(), "{\"amount_cents\":2000}").assertStatus(201);
    HandlerResponse rest = refund(acme.owner(), payment.id(), key(), "{}");
    rest.assertStatus(201);
    assertEquals(3_000, rest.json().path("amount_cents").asLong());
    HandlerResponse after = get(acme.owner(), payment.id());
    assertEquals("refunded", after.text("status"));
    assertNotNull(after.text("refunded_at"));
    assertEquals(5_000, after.json().path("refunded_cents").asLong());
  }

  @Test
  void aRefundOverWhatIsLeftIs422AndChangesNothing() {
    Seeded payment = payments.succeeded(acme.id(), 1_000);
    refund(acme.owner(), payment.id(), key(), "{\"amount_cents\":600}").assertStatus(201);
    HandlerResponse over = refund(acme.owner(), payment.id(), key(), "{\"amount_cents\":401}");
    assertEquals(422, over.status(), over.raw());
    assertEquals(List.of("amount_cents"), over.errorFields());
    assertEquals(600, get(acme.owner(), payment.id()).json().path("refunded_cents").asLong());
    assertEquals(1, ids(refunds(acme.owner(), "payment_id", payment.id())).size());
  }

  @Test
  void onlyASucceededPaymentIsRefunded() {
    Seeded pending = payments.pending(acme.id(), 1_000);
    HandlerResponse refused = refund(acme.owner(), pending.id(), key(), "{}");
    assertEquals(409, refused.status(), refused.raw());
  }

  @Test
  void aReplayedIdempotencyKeyRefundsOnce() {
    Seeded payment = payments.succeeded(acme.id(), 1_000);
    String key = key();
    HandlerResponse first = refund(acme.owner(), payment.id(), key, "{\"amount_cents\":100}");
    HandlerResponse again = refund(acme.owner(), payment.id(), key, "{\"amount_cents\":100}");
    first.assertStatus(201);
    again.assertStatus(201);
    assertEquals(first.text("id"), again.text("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(100, get(acme.owner(), payment.id()).json().path("refunded_cents").asLong());
    assertEquals(422, refund(acme.owner(), payment.id(), key, "{\"amount_cents\":200}").status(),
        "the key with another body");
  }

  @Test
  void whenStripeRefusesTheReservationIsReleasedAndTheRefundFailed() {
    Seeded payment = payments.succeeded(acme.id(), 1_000);
    StripeConfig reachable = StripeMock.config();
    DynamoDbCallCounter calls = new DynamoDbCallCounter();
    BillingHandler offline = DaggerTestBillingComponent.factory().create(api.env.appConfig(),
        new StripeConfig(reachable.apiKeySecret(), reachable.webhookSecret(), Optional.of(URI.create("http://127.0.0.1:9"))),
        TestInterceptors.of(calls)).handler();
    HandlerResponse refused = new ContractClient(offline, calls).call(HttpEvents.route(
        "POST /v1/payments/{payment_id}/refunds").claims(acme.owner()).pathParam("payment_id", payment.id())
        .header("Idempotency-Key", key()).body("{\"amount_cents\":400}").build());
    assertEquals(502, refused.status(), refused.raw());
    assertEquals(0, get(acme.owner(), payment.id()).json().path("refunded_cents").asLong(), "released");
    List<String> statuses = StreamSupport.stream(refunds(acme.owner(), "payment_id", payment.id()).json().path("items")
        .spliterator(), false).map(r -> r.path("status").asText()).toList();
    assertEquals(List.of("failed"), statuses);
    refund(acme.owner(), payment.id(), key(), "{\"amount_cents\":1000}").assertStatus(201);
  }

  @Test
  void tenParallelRefundsOfThirtyPercentGiveAtMostThree() throws Exception {
    Seeded payment = payments.succeeded(acme.id(), 10_000);
    List<APIGatewayV2HTTPEvent> racers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      racers.add(HttpEvents.route("POST /v1/payments/{payment_id}/refunds").claims(acme.owner())
          .pathParam("payment_id", payment.id()).header("Idempotency-Key", key()).body("{\"amount_cents\":3000}").build());
    }
    List<Integer> statuses = race(racers).stream().map(APIGatewayV2HTTPResponse::getStatusCode).sorted().toList();
    assertEquals(List.of(201, 201, 201, 422, 422, 422, 422, 422, 422, 422), statuses);
    HandlerResponse after = get(acme.owner(), payment.id());
    assertEquals(9_000, after.json().path("refunded_cents").asLong());
    assertEquals(3, ids(refunds(acme.owner(), "payment_id", payment.id())).size());
  }

  // ---------------------------------------------------------------- helpers

  /** Runs the requests at once: every one has read (the payment with its idempotency record) before any writes. */
  private List<APIGatewayV2HTTPResponse> race(List<APIGatewayV2HTTPEvent> events) throws Exception {
    return WriteGate.race(interceptors -> DaggerTestBillingComponent.factory().create(api.env.appConfig(),
        StripeMock.config(), interceptors).handler(), events, events.size());
  }


  private static String key() {
    return "refund-" + UUID.randomUUID();
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

  private HandlerResponse list(Map<String, String> claims, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/payments"), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse get(Map<String, String> claims, String id) {
    return api.call(withClaims(HttpEvents.route("GET /v1/payments/{payment_id}").pathParam("payment_id", id), claims)
        .build());
  }

  private HandlerResponse refunds(Map<String, String> claims, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/refunds"), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse refund(Map<String, String> claims, String paymentId, String key, String body) {
    var event = withClaims(HttpEvents.route("POST /v1/payments/{payment_id}/refunds").pathParam("payment_id", paymentId)
        .body(body), claims);
    if (key != null) {
      event.header("Idempotency-Key", key);
    }
    return api.call(event.build());
  }

  private static HttpEvents.Builder withClaims(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }
}
