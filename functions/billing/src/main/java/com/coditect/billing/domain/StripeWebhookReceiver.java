package com.coditect.billing.domain;

import com.coditect.billing.data.StripeEventRepository;
import com.coditect.shared.config.Secrets;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code POST /v1/webhooks/stripe}: the signature first (stripe-java's verifier, its 300 s
 * tolerance; any of the endpoint's current signing secrets, and any {@code v1} signature of the
 * header), then the raw event stored once per event id with a {@code stripe.event_received} outbox
 * event in the same transaction. Nothing else happens on the request path: the bus brings the event
 * back to this function's events handler, which applies it.
 */
@Singleton
public final class StripeWebhookReceiver {

  /** Stripe's own default: a signed timestamp older than this is a replay. */
  static final long TOLERANCE_SECONDS = 300;
  static final String RECEIVED = "stripe.event_received";
  private static final Actor STRIPE = Actor.system("stripe-webhook");

  /** What the webhook answers: the event's id and whether it was new. */
  public record Receipt(String eventId, boolean duplicate) {}

  private final StripeEventRepository events;
  private final Secrets secrets;
  private final StripeConfig config;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  StripeWebhookReceiver(StripeEventRepository events, Secrets secrets, StripeConfig config, Transactions transactions,
      Outbox outbox, Clock clock) {
    this.events = events;
    this.secrets = secrets;
    this.config = config;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  public Receipt receive(String payload, String signatureHeader) {
    verify(payload, signatureHeader);
    JsonNode event = parse(payload);
    String id = text(event.path("id"));
    String type = text(event.path("type"));
    if (id == null || !id.startsWith("evt_") || id.length() > 255 || type == null || type.length() > 100
        || !event.path("created").canConvertToExactIntegral()) {
      throw BadRequestException.forField("body", "is not a Stripe event (id, type and created are required)");
    }
    Instant now = clock.instant();
    WriteTransaction tx = transactions.begin();
    events.receive(tx, id, type, event.path("created").asLong(), payload, now, Timestamps.format(now),
        AlreadyReceived::new);
    outbox.recordWithDetail(tx, TenantId.PLATFORM, STRIPE, RECEIVED, "stripe_event", id,
        Map.of("type", new FieldChange(null, type)), Map.of("stripe_event_id", id, "stripe_type", type));
    try {
      tx.commit();
      return new Receipt(id, false);
    } catch (AlreadyReceived duplicate) {
      return new Receipt(id, true);
    }
  }

  /** Stripe-java's verifier, with each of the endpoint's secrets in turn; nothing is read before it passes. */
  private void verify(String payload, String signatureHeader) {
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw BadRequestException.forField("Stripe-Signature", "is required");
    }
    for (String secret : signingSecrets()) {
      try {
        if (Webhook.Signature.verifyHeader(payload, signatureHeader, secret, TOLERANCE_SECONDS, clock)) {
          return;
        }
      } catch (SignatureVerificationException wrongSecretOrForged) {
        // try the endpoint's other current secret, if any
      } catch (IllegalArgumentException malformed) {
        // stripe-java reads a non-numeric t= with Long.parseLong: a malformed header verifies nothing.
        break;
      }
    }
    throw BadRequestException.forField("Stripe-Signature",
        "does not verify: forged, signed with another secret, or older than " + TOLERANCE_SECONDS + " s");
  }

  private static JsonNode parse(String payload) {
    try {
      JsonNode event = JsonText.parse(payload);
      if (!event.isObject()) {
        throw BadRequestException.forField("body", "must be a JSON object");
      }
      return event;
    } catch (JsonProcessingException e) {
      throw BadRequestException.forField("body", "is not valid JSON");
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  /** The endpoint's signing secrets: one, or two while it is rotated (one per line or comma-separated). */
  private List<String> signingSecrets() {
    return Arrays.stream(secrets.value(config.webhookSecret()).split("[,\\r\\n]+"))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The event's id was received before: the delivery is answered 200 and changes nothing. */
  private static final class AlreadyReceived extends RuntimeException {
    AlreadyReceived() {
      super("stripe event already received", null, false, false);
    }
  }
}
