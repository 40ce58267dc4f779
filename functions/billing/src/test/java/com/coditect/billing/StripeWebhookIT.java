package com.coditect.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.billing.SeededPayments.Seeded;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.StripeMock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /v1/webhooks/stripe} on moto and stripe-mock: the signature first, each event stored
 * once, answered at once, and applied off the request path by the events handler the template's
 * rule picks; late, repeated and reordered deliveries end where in-order ones do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeWebhookIT {

  private BillingApi api;
  private StripeWebhooks webhooks;
  private BillingEvents events;
  private SeededPayments payments;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new BillingApi("stripe-webhook");
    webhooks = new StripeWebhooks(api);
    events = new BillingEvents(api);
    payments = new SeededPayments(api, webhooks, events);
    acme = api.env.seedTenant("ACME");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aSignedSucceededEventIsStoredAtOnceAndMarksThePaymentSucceeded() {
    Seeded payment = payments.pending(acme.id(), 10_825);
    events.pump();
    String event = webhooks.intentEvent("payment_intent.succeeded", payment.intentId(), "succeeded", now(), i -> { });

    HandlerResponse received = webhooks.deliver(event);
    received.assertStatus(200);
    assertEquals(false, received.json().path("duplicate").asBoolean(true));
    assertEquals(List.of("TransactWriteItems"), received.dynamoCalls(), "stored with its outbox event, nothing else");
    assertEquals("pending", payment(payment).text("status"), "nothing is applied on the request path");

    assertEquals(1, events.pump());
    HandlerResponse paid = payment(payment);
    assertEquals("succeeded", paid.text("status"));
    assertNotNull(paid.text("succeeded_at"));
    assertNotNull(paid.text("stripe_charge_id"));
    assertNotNull(paid.text("card_brand"), "the card comes from the charge, fetched from Stripe: " + paid.raw());
    assertEquals(4, paid.text("card_last4").length());
    assertEquals(1, outbox("payment.succeeded", payment.id()).size());
  }

  @Test
  void aReplayedEventAnswers200AndChangesNothing() {
    Seeded payment = payments.succeeded(acme.id(), 5_000);
    String event = webhooks.intentEvent("payment_intent.succeeded", payment.intentId(), "succeeded", now(), i -> { });
    webhooks.deliver(event).assertStatus(200);
    events.pump();
    String etag = payment(payment).header("ETag");
    int outboxBefore = api.env.outboxEvents().size();

    HandlerResponse replay = webhooks.deliver(event);
    replay.assertStatus(200);
    assertTrue(replay.json().path("duplicate").asBoolean(false));
    assertEquals(0, events.pump(), "a duplicate puts nothing on the bus");
    assertEquals(outboxBefore, api.env.outboxEvents().size());
    assertEquals(etag, payment(payment).header("ETag"));
  }

  @Test
  void aLateProcessingAfterSucceededChangesNothing() {
    Seeded payment = payments.succeeded(acme.id(), 2_500);
    String etag = payment(payment).header("ETag");
    webhooks.deliver(webhooks.intentEvent("payment_intent.processing", payment.intentId(), "processing", now() - 60,
        i -> { })).assertStatus(200);
    assertEquals(1, events.pump());
    assertEquals("succeeded", payment(payment).text("status"));
    assertEquals(etag, payment(payment).header("ETag"));
  }

  @Test
  void aFailedAttemptRecordsTheCodeMessageAndCard() {
    Seeded payment = payments.pending(acme.id(), 7_000);
    webhooks.deliver(webhooks.intentEvent("payment_intent.payment_failed", payment.intentId(), "requires_payment_method",
        now(), intent -> {
          var error = intent.putObject("last_payment_error");
          error.put("code", "card_declined");
          error.put("message", "Your card was declined.");
          error.putObject("payment_method").putObject("card").put("brand", "mastercard").put("last4", "0341");
        })).assertStatus(200);
    events.pump();
    HandlerResponse failed = payment(payment);
    assertEquals("failed", failed.text("status"));
    assertEquals("card_declined", failed.text("failure_code"));
    assertEquals("Your card was declined.", failed.text("failure_message"));
    assertEquals("mastercard", failed.text("card_brand"));
    assertEquals("0341", failed.text("card_last4"));
  }

  @Test
  void reorderedAndDuplicatedDeliveriesLeaveTheSameFinalState() {
    long t = now() - 100;
    Random random = new Random(15);
    for (int round = 0; round < 4; round++) {
      Seeded payment = payments.pending(acme.id(), 1_000);
      List<String> deliveries = new ArrayList<>(List.of(
          webhooks.intentEvent("payment_intent.processing", payment.intentId(), "processing", t, i -> { }),
          webhooks.intentEvent("payment_intent.payment_failed", payment.intentId(), "requires_payment_method", t + 10,
              i -> i.putObject("last_payment_error").put("code", "card_declined")),
          webhooks.intentEvent("payment_intent.processing", payment.intentId(), "processing", t + 20, i -> { }),
          webhooks.intentEvent("payment_intent.succeeded", payment.intentId(), "succeeded", t + 30, i -> { })));
      deliveries.addAll(List.copyOf(deliveries));
      Collections.shuffle(deliveries, random);
      for (String delivery : deliveries) {
        webhooks.deliver(delivery).assertStatus(200);
        events.pump();
      }
      HandlerResponse end = payment(payment);
      assertEquals("succeeded", end.text("status"), "round " + round);
      assertEquals(1, outbox("payment.succeeded", payment.id()).size(), "succeeded once, round " + round);
    }
  }

  @Test
  void aMissingForgedOrStaleSignatureIs400AndStoresNothing() {
    Seeded payment = payments.pending(acme.id(), 3_000);
    events.pump();
    String event = webhooks.intentEvent("payment_intent.succeeded", payment.intentId(), "succeeded", now(), i -> { });
    int outboxBefore = api.env.outboxEvents().size();

    assertEquals(List.of("Stripe-Signature"), bad(webhooks.deliverSigned(event, null)));
    assertEquals(List.of("Stripe-Signature"), bad(webhooks.deliver(event, "whsec_someone_else")));
    assertEquals(List.of("Stripe-Signature"), bad(webhooks.deliverSigned(event,
        StripeWebhooks.signature(event, StripeMock.WEBHOOK_SECRET, Instant.now().getEpochSecond() - 301))));
    assertEquals(List.of("Stripe-Signature"), bad(webhooks.deliverSigned(event.replace("succeeded", "canceled"),
        StripeWebhooks.signature(event, StripeMock.WEBHOOK_SECRET, now()))), "a body changed after signing");
    assertEquals(List.of("body"), bad(webhooks.deliver("{not json")));
    assertEquals(List.of("body"), bad(webhooks.deliver("{\"id\":\"not-an-event\"}")));

    assertEquals(outboxBefore, api.env.outboxEvents().size(), "nothing was stored or put on the bus");
    assertEquals(0, events.pump());
    assertEquals("pending", payment(payment).text("status"));
  }

  @Test
  void malformedSignatureHeadersAre400NotErrors() {
    String event = webhooks.event("customer.created", "/v1/customers/cus_malformed", now(), c -> { });
    for (String header : List.of("abc", "t=abc,v1=00", "t=,v1=", "t=" + now(), "v1=00", "t=99999999999999999999,v1=00",
        "t=-5,v1=zz", ",,,", "t=" + now() + ",v1=" + "f".repeat(2000), "t=1\u0000,v1=00")) {
      assertEquals(List.of("Stripe-Signature"), bad(webhooks.deliverSigned(event, header)), header);
    }
  }

  @Test
  void eitherSecretOfARotationAndAnyV1SignatureOfTheHeaderIsAccepted() {
    String rotated = webhooks.event("customer.created", "/v1/customers/cus_rotation", now(), c -> { });
    webhooks.deliver(rotated, StripeMock.ROTATED_WEBHOOK_SECRET).assertStatus(200);

    String twoSignatures = webhooks.event("customer.created", "/v1/customers/cus_two", now(), c -> { });
    long t = now();
    String header = "t=" + t + ",v1=" + StripeWebhooks.v1(twoSignatures, "whsec_retired", t) + ",v1="
        + StripeWebhooks.v1(twoSignatures, StripeMock.WEBHOOK_SECRET, t);
    webhooks.deliverSigned(twoSignatures, header).assertStatus(200);
  }

  @Test
  void unknownEventTypesAnswer200AndAreIgnored() {
    HandlerResponse received = webhooks.deliver(webhooks.event("customer.created", "/v1/customers/cus_unknown", now(),
        c -> { }));
    received.assertStatus(200);
    assertEquals(1, events.pump());
  }

  @Test
  void anIntentOfNoPaymentOfOursIsIgnored() {
    webhooks.deliver(webhooks.intentEvent("payment_intent.succeeded", "pi_someone_elses", "succeeded", now(), i -> { }))
        .assertStatus(200);
    assertEquals(1, events.pump());
  }

  // ---------------------------------------------------------------- helpers

  private HandlerResponse payment(Seeded payment) {
    HandlerResponse read = api.call(HttpEvents.route("GET /v1/payments/{payment_id}").claims(acme.owner())
        .pathParam("payment_id", payment.id()).build());
    read.assertStatus(200);
    return read;
  }

  private List<JsonNode> outbox(String action, String resourceId) {
    return api.env.outboxEvents().stream()
        .filter(event -> action.equals(event.path("action").asText()) && resourceId.equals(event.path("resource_id").asText()))
        .toList();
  }

  private static List<String> bad(HandlerResponse response) {
    assertEquals(400, response.status(), response.raw());
    return response.errorFields();
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
