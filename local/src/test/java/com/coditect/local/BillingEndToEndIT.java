package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.billing.DaggerTestBillingComponent;
import com.coditect.billing.TestBillingComponent;
import com.coditect.billing.domain.PaymentService;
import com.coditect.local.LocalApiHarness.Response;
import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.events.Actor;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.TestInterceptors;
import com.stripe.net.Webhook;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Stripe's webhook through the local runtime: a signed {@code payment_intent.succeeded} posted to
 * the gateway is stored and answered at once, its {@code stripe.event_received} reaches
 * BillingEventsFunction by the template's rule, and the payment is succeeded; the same delivery
 * again is a duplicate that changes nothing. Then a refund through the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(20);

  private LocalApiHarness harness;
  private Tenant acme;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    acme = harness.createTenant("Acme Billing");
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  @ExercisesRules("BillingEventsFunctionStripeEventReceived")
  void aSignedSucceededWebhookSucceedsThePaymentOffTheRequestPathAndAReplayChangesNothing() {
    String payment = pendingPayment(acme, 8_000);
    String intent = "pi_" + payment.replace("-", "");
    String event = "{\"id\":\"evt_" + Ids.newId().replace("-", "") + "\",\"object\":\"event\",\"type\":"
        + "\"payment_intent.succeeded\",\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"object\":"
        + "{\"id\":\"" + intent + "\",\"object\":\"payment_intent\",\"status\":\"succeeded\",\"latest_charge\":"
        + "\"ch_e2e\"}}}";

    Response received = webhook(event);
    received.expect(200);
    assertEquals(false, received.json().path("duplicate").asBoolean(true));
    LocalApiHarness.eventually("the payment succeeded", EVENTUALLY, () ->
        "succeeded".equals(harness.get("/v1/payments/" + payment, acme.ownerToken()).expect(200).text("status")));
    String etag = harness.get("/v1/payments/" + payment, acme.ownerToken()).expect(200).header("ETag");

    Response replay = webhook(event);
    replay.expect(200);
    assertTrue(replay.json().path("duplicate").asBoolean(false));
    LocalApiHarness.pause(Duration.ofSeconds(2));
    assertEquals(etag, harness.get("/v1/payments/" + payment, acme.ownerToken()).expect(200).header("ETag"));

    Response refund = harness.request("POST", "/v1/payments/" + payment + "/refunds").token(acme.ownerToken())
        .header("Idempotency-Key", "e2e-" + payment).body("{\"amount_cents\":2500}").send();
    refund.expect(201);
    assertEquals(2_500, harness.get("/v1/payments/" + payment, acme.ownerToken()).expect(200).json()
        .path("refunded_cents").asLong());
  }

  /**
   * A guest's cart claimed and checked out through the gateway, its PaymentIntent succeeded by a
   * signed webhook: billing's {@code payment.succeeded} reaches CommerceEventsFunction by the
   * template's rule and the order is paid; a full refund makes it refunded the same way.
   */
  @Test
  @ExercisesRules("CommerceEventsFunctionPaymentChanged")
  void anOrderFollowsItsPaymentThroughTheRules() {
    String product = harness.create("/v1/products", harness.platformAdminToken(), "{\"sku\":\"E2E-"
        + Ids.newId().substring(0, 8) + "\",\"name\":\"E2E mug\",\"price_cents\":1500,\"currency\":\"usd\"}");
    harness.create("/v1/billing-addresses", acme.ownerToken(), "{\"full_name\":\"Accounts\",\"address_line1\":"
        + "\"1 Main St\",\"city\":\"Springfield\",\"postal_code\":\"49007\",\"country_code\":\"US\","
        + "\"is_default\":true}");
    Response cart = harness.request("POST", "/v1/carts").body("{\"items\":[{\"product_id\":\"" + product
        + "\",\"quantity\":2}]}").send().expect(201);
    String cartId = cart.text("id");
    harness.request("POST", "/v1/carts/" + cartId + "/claim").token(acme.ownerToken())
        .header("X-Cart-Secret", cart.text("cart_secret")).send().expect(200);
    Response order = harness.request("POST", "/v1/carts/" + cartId + "/checkout").token(acme.ownerToken())
        .header("Idempotency-Key", "e2e-order-" + cartId).body("{}").send().expect(201);
    assertEquals("pending", order.text("status"));
    String intent = order.text("stripe_payment_intent_id");

    webhook(intentEvent(intent, "payment_intent.succeeded", "succeeded")).expect(200);
    LocalApiHarness.eventually("the order is paid", EVENTUALLY, () ->
        "paid".equals(harness.get("/v1/orders/" + cartId, acme.ownerToken()).expect(200).text("status")));
    assertTrue(harness.get("/v1/orders/" + cartId, acme.ownerToken()).expect(200).text("paid_at") != null);

    String payment = order.text("payment_id");
    long total = order.json().path("total_cents").asLong();
    harness.request("POST", "/v1/payments/" + payment + "/refunds").token(acme.ownerToken())
        .header("Idempotency-Key", "e2e-refund-" + payment).body("{\"amount_cents\":" + total + "}").send().expect(201);
    LocalApiHarness.eventually("the order is refunded", EVENTUALLY, () ->
        "refunded".equals(harness.get("/v1/orders/" + cartId, acme.ownerToken()).expect(200).text("status")));
  }

  private static String intentEvent(String intent, String type, String status) {
    return "{\"id\":\"evt_" + Ids.newId().replace("-", "") + "\",\"object\":\"event\",\"type\":\"" + type
        + "\",\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\"" + intent
        + "\",\"object\":\"payment_intent\",\"status\":\"" + status + "\",\"latest_charge\":\"ch_e2e\"}}}";
  }

  @Test
  void aForgedWebhookIs400() {
    Response forged = harness.request("POST", "/v1/webhooks/stripe").header("Stripe-Signature", "t=1,v1=00")
        .body("{\"id\":\"evt_forged\",\"type\":\"payment_intent.succeeded\",\"created\":1}").send();
    forged.expect(400);
  }

  private Response webhook(String payload) {
    long now = Instant.now().getEpochSecond();
    try {
      String v1 = Webhook.Util.computeHmacSha256(harness.api().stripeWebhookSecret(), now + "." + payload);
      return harness.request("POST", "/v1/webhooks/stripe").header("Stripe-Signature", "t=" + now + ",v1=" + v1)
          .body(payload).send();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A pending payment as checkout makes one, through the billing function's own code. */
  private static String pendingPayment(Tenant tenant, long amountCents) {
    TestBillingComponent billing = DaggerTestBillingComponent.factory().create(AppConfig.fromEnvironment(),
        StripeConfig.fromEnvironment(), TestInterceptors.none());
    TenantId tenantId = new TenantId(tenant.id());
    String id = Ids.newId();
    WriteTransaction tx = billing.transactions().begin();
    billing.paymentService().record(tx, tenantId, Actor.system("e2e-checkout"), PaymentService.pending(tenantId, id, null,
        "pi_" + id.replace("-", ""), amountCents, "usd", Timestamps.now(Clock.systemUTC())));
    tx.commit();
    return id;
  }
}
