package com.coditect.billing;

import com.coditect.shared.json.Json;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.StripeMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Stripe's webhook deliveries, made as Stripe makes them: the event's {@code data.object} is
 * stripe-mock's own fixture of the object (Stripe's OpenAPI fixtures), changed where the test says,
 * and the delivery is signed like Stripe signs ({@code t=..,v1=HMAC-SHA256(secret, "t.payload")},
 * stripe-java's own HMAC).
 */
final class StripeWebhooks {

  private final BillingApi api;

  StripeWebhooks(BillingApi api) {
    this.api = api;
  }

  /** A new event of {@code type} about stripe-mock's fixture of {@code objectPath}, changed by {@code change}. */
  String event(String type, String objectPath, long created, Consumer<ObjectNode> change) {
    ObjectNode object = (ObjectNode) fixture(objectPath);
    change.accept(object);
    ObjectNode event = Json.newMapper().createObjectNode();
    event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
    event.put("object", "event");
    event.put("api_version", Stripe.API_VERSION);
    event.put("created", created);
    event.putObject("data").set("object", object);
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    event.putObject("request").putNull("id").putNull("idempotency_key");
    event.put("type", type);
    return event.toString();
  }

  /** A {@code payment_intent.*} event of the intent {@code intentId} in status {@code status}. */
  String intentEvent(String type, String intentId, String status, long created, Consumer<ObjectNode> change) {
    return event(type, "/v1/payment_intents/" + intentId, created, intent -> {
      intent.put("id", intentId);
      intent.put("status", status);
      // A succeeded intent always names its charge (stripe-mock's fixture has none).
      if ("succeeded".equals(status)) {
        intent.put("latest_charge", "ch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
      }
      change.accept(intent);
    });
  }

  /** Posts {@code payload} to the webhook, signed now with {@code secret}. */
  HandlerResponse deliver(String payload, String secret) {
    return deliverSigned(payload, signature(payload, secret, Instant.now().getEpochSecond()));
  }

  HandlerResponse deliver(String payload) {
    return deliver(payload, StripeMock.WEBHOOK_SECRET);
  }

  /** Posts {@code payload} with exactly this {@code Stripe-Signature} header (none when null). */
  HandlerResponse deliverSigned(String payload, String signatureHeader) {
    HttpEvents.Builder event = HttpEvents.route(StripeWebhookRoutes.ROUTE).body(payload);
    if (signatureHeader != null) {
      event.header("Stripe-Signature", signatureHeader);
    }
    return api.call(event.build());
  }

  /** Stripe's signature header: {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.payload">}. */
  static String signature(String payload, String secret, long timestamp) {
    return "t=" + timestamp + ",v1=" + v1(payload, secret, timestamp);
  }

  static String v1(String payload, String secret, long timestamp) {
    try {
      return Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** stripe-mock's fixture of an object, as its API answers a retrieve. */
  private static JsonNode fixture(String path) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(StripeMock.apiBase() + path))
          .header("Authorization", "Bearer " + StripeMock.API_KEY)
          .header("Stripe-Version", Stripe.API_VERSION).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("stripe-mock answered " + response.statusCode() + ": " + response.body());
      }
      return Json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
