package com.coditect.billing;

import com.coditect.billing.domain.PaymentService;
import com.coditect.shared.events.Actor;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Payments made as checkout will make them (a pending payment of a PaymentIntent, in one
 * transaction with its pointer and event), and succeeded the way Stripe succeeds them: a signed
 * {@code payment_intent.succeeded} through the webhook, applied by the events handler the
 * template's rule picks.
 */
final class SeededPayments {

  /** A seeded payment: ours, and its PaymentIntent's id at Stripe. */
  record Seeded(String id, String intentId) {}

  private final BillingApi api;
  private final StripeWebhooks webhooks;
  private final BillingEvents events;

  SeededPayments(BillingApi api, StripeWebhooks webhooks, BillingEvents events) {
    this.api = api;
    this.webhooks = webhooks;
    this.events = events;
  }

  Seeded pending(String tenantId, long amountCents) {
    String id = Ids.newId();
    String intentId = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    WriteTransaction tx = api.component.transactions().begin();
    api.component.paymentService().record(tx, new TenantId(tenantId), Actor.system("test-checkout"),
        PaymentService.pending(new TenantId(tenantId), id, null, intentId, amountCents, "usd",
            Timestamps.now(Clock.systemUTC())));
    tx.commit();
    return new Seeded(id, intentId);
  }

  Seeded succeeded(String tenantId, long amountCents) {
    Seeded payment = pending(tenantId, amountCents);
    HandlerResponse delivered = webhooks.deliver(webhooks.intentEvent("payment_intent.succeeded", payment.intentId(),
        "succeeded", Instant.now().getEpochSecond(), intent -> intent.put("amount", amountCents)));
    delivered.assertStatus(200);
    events.pump();
    return payment;
  }
}
