package com.coditect.billing.api;

import com.coditect.billing.data.StripeSubscriptions;
import com.coditect.billing.data.SubscriptionItem;

/**
 * A subscription as Stripe last reported it. {@code proration_preview} is in the answer to a plan
 * change only: what it invoices now (credits for the unused part of the old plan included).
 */
public record SubscriptionResponse(String id, String productId, String status, String currentPeriodStart,
    String currentPeriodEnd, String trialStart, String trialEnd, Integer billingCycleAnchor, boolean cancelAtPeriodEnd,
    String canceledAt, String stripeSubscriptionId, String createdAt, String updatedAt, Proration prorationPreview) {

  /** A plan change's invoice now: its amount due and subtotal, its currency, and the instant it was prorated at. */
  public record Proration(long amountDueCents, long subtotalCents, String currency, long prorationDate) {

    public static Proration from(StripeSubscriptions.Proration p) {
      return new Proration(p.amountDueCents(), p.subtotalCents(), p.currency(), p.prorationDate());
    }
  }

  public static SubscriptionResponse from(SubscriptionItem item) {
    return new SubscriptionResponse(item.id(), item.productId(), item.status().apiName(), item.currentPeriodStart(),
        item.currentPeriodEnd(), item.trialStart(), item.trialEnd(), item.billingCycleAnchor(), item.cancelAtPeriodEnd(),
        item.canceledAt(), item.stripeSubscriptionId(), item.createdAt(), item.updatedAt(), null);
  }

  public SubscriptionResponse withProration(Proration proration) {
    return new SubscriptionResponse(id, productId, status, currentPeriodStart, currentPeriodEnd, trialStart, trialEnd,
        billingCycleAnchor, cancelAtPeriodEnd, canceledAt, stripeSubscriptionId, createdAt, updatedAt, proration);
  }
}
