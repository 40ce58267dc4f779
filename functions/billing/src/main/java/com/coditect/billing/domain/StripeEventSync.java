package com.coditect.billing.domain;

import com.coditect.billing.data.StripeEventItem;
import com.coditect.billing.data.StripeEventRepository;
import com.coditect.billing.model.PaymentStatus;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.log.Log;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Applies a received Stripe event to what it is about, off the request path (the rule on
 * {@code stripe.event_received} runs it). It reads the event as the webhook stored it, never as the
 * bus carried it; each kind is applied by its service, which decides from the table whether the
 * event still changes anything, so repeated, late and reordered deliveries end where in-order ones
 * do. Kinds it does not handle are acknowledged and ignored.
 */
@Singleton
public final class StripeEventSync {

  private static final Log LOG = Log.forClass(StripeEventSync.class);

  private final StripeEventRepository events;
  private final PaymentService payments;
  private final RefundService refunds;
  private final SubscriptionService subscriptions;
  private final InvoiceService invoices;

  @Inject
  StripeEventSync(StripeEventRepository events, PaymentService payments, RefundService refunds,
      SubscriptionService subscriptions, InvoiceService invoices) {
    this.events = events;
    this.payments = payments;
    this.refunds = refunds;
    this.subscriptions = subscriptions;
    this.invoices = invoices;
  }

  /** Applies the stored event {@code eventId}; returns whether anything changed. */
  public boolean apply(String eventId) {
    Optional<StripeEventItem> stored = events.find(eventId);
    if (stored.isEmpty()) {
      // Its receipt committed before the bus event existed, so only TTL removes it: long done.
      LOG.info("stripe event no longer stored", "stripe_event_id", eventId);
      return false;
    }
    StripeEventItem event = stored.get();
    JsonNode object = parse(StripeEventRepository.payload(event)).path("data").path("object");
    String type = event.type();
    Optional<PaymentStatus> intentStatus = intentStatus(type);
    if (intentStatus.isPresent()) {
      return payments.apply(intentEvent(object, intentStatus.get(), event.created()));
    }
    if ("refund.updated".equals(type)) {
      return refunds.apply(refundEvent(object));
    }
    if ("charge.refunded".equals(type)) {
      boolean changed = false;
      for (JsonNode refund : object.path("refunds").path("data")) {
        changed |= refunds.apply(refundEvent(refund));
      }
      return changed;
    }
    if (SUBSCRIPTION_TYPES.contains(type)) {
      return subscriptions.apply(subscriptionEvent(object, event.created(),
          "customer.subscription.trial_will_end".equals(type), "customer.subscription.deleted".equals(type)));
    }
    if (INVOICE_TYPES.contains(type)) {
      return invoices.apply(invoiceEvent(object, event.created(), "invoice.payment_failed".equals(type)));
    }
    LOG.info("stripe event kind not handled", "stripe_event_id", eventId, "stripe_type", type);
    return false;
  }

  private static final Set<String> SUBSCRIPTION_TYPES = Set.of("customer.subscription.created",
      "customer.subscription.updated", "customer.subscription.deleted", "customer.subscription.trial_will_end");
  private static final Set<String> INVOICE_TYPES = Set.of("invoice.created", "invoice.finalized", "invoice.paid",
      "invoice.payment_failed");

  /**
   * A subscription as the event carries it. Since Stripe's 2025 API versions the current period is
   * on the subscription's items; older payloads have it on the subscription.
   */
  private static SubscriptionEvent subscriptionEvent(JsonNode subscription, long created, boolean trialWillEnd,
      boolean deleted) {
    JsonNode item = subscription.path("items").path("data").path(0);
    String status = deleted ? "canceled" : text(subscription.path("status"));
    return new SubscriptionEvent(subscription.path("id").asText(), status, created,
        seconds(item.path("current_period_start"), subscription.path("current_period_start")),
        seconds(item.path("current_period_end"), subscription.path("current_period_end")),
        seconds(subscription.path("trial_start"), null), seconds(subscription.path("trial_end"), null),
        subscription.path("cancel_at_period_end").asBoolean(false), seconds(subscription.path("canceled_at"), null),
        trialWillEnd);
  }

  /** An invoice as the event carries it; its subscription is under {@code parent} since Stripe's 2025 API versions. */
  private static InvoiceEvent invoiceEvent(JsonNode invoice, long created, boolean paymentFailed) {
    String subscription = text(invoice.path("parent").path("subscription_details").path("subscription"));
    if (subscription == null) {
      subscription = text(invoice.path("subscription"));
    }
    JsonNode customer = invoice.path("customer");
    return new InvoiceEvent(invoice.path("id").asText(), customer.isTextual() ? customer.asText()
        : text(customer.path("id")), subscription, text(invoice.path("number")), text(invoice.path("status")),
        invoice.path("amount_due").asLong(0), invoice.path("amount_paid").asLong(0), text(invoice.path("currency")),
        text(invoice.path("hosted_invoice_url")), seconds(invoice.path("period_start"), null),
        seconds(invoice.path("period_end"), null), created, paymentFailed);
  }

  private static Long seconds(JsonNode node, JsonNode fallback) {
    if (node.isNumber()) {
      return node.asLong();
    }
    return fallback != null && fallback.isNumber() ? fallback.asLong() : null;
  }

  private static Optional<PaymentStatus> intentStatus(String type) {
    return Optional.ofNullable(switch (type) {
      case "payment_intent.succeeded" -> PaymentStatus.SUCCEEDED;
      case "payment_intent.payment_failed" -> PaymentStatus.FAILED;
      case "payment_intent.processing" -> PaymentStatus.PROCESSING;
      case "payment_intent.canceled" -> PaymentStatus.CANCELLED;
      default -> null;
    });
  }

  private static IntentEvent intentEvent(JsonNode intent, PaymentStatus status, long created) {
    JsonNode error = intent.path("last_payment_error");
    JsonNode card = error.path("payment_method").path("card");
    return new IntentEvent(intent.path("id").asText(), status, created, text(intent.path("latest_charge")),
        text(error.path("code")),
        text(error.path("message")), text(card.path("brand")), text(card.path("last4")));
  }

  private static RefundEvent refundEvent(JsonNode refund) {
    return new RefundEvent(refund.path("id").asText(), text(refund.path("payment_intent")),
        text(refund.path("metadata").path("coditect_refund_id")), RefundService.statusOf(text(refund.path("status"))));
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  private static JsonNode parse(String payload) {
    try {
      return JsonText.parse(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored Stripe event is not JSON", e);
    }
  }
}
