package com.coditect.billing.data;

import com.coditect.shared.error.UnprocessableException;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Subscriptions' side of Stripe: the tenant's customer, its subscriptions, a plan change's
 * proration preview and the change itself, and cancellation. Every call that changes Stripe
 * carries the idempotency key it is given.
 */
@Singleton
public final class StripeSubscriptions {

  /** What Stripe answered about a subscription (times in epoch seconds; null when Stripe gave none). */
  public record StripeSubscription(String id, String itemId, String status, Long currentPeriodStart,
      Long currentPeriodEnd, Long trialStart, Long trialEnd, boolean cancelAtPeriodEnd, Long canceledAt) {}

  /** What a plan change would invoice now: the amount due (credits for unused time included) and its currency. */
  public record Proration(long amountDueCents, long subtotalCents, String currency, long prorationDate) {}

  private final Lazy<StripeClient> stripe;

  @Inject
  StripeSubscriptions(Lazy<StripeClient> stripe) {
    this.stripe = stripe;
  }

  /** The tenant's Stripe customer (one per tenant: the key is the tenant's). */
  public String createCustomer(String tenantId, String name, String email, String idempotencyKey) {
    CustomerCreateParams.Builder params = CustomerCreateParams.builder().setName(name)
        .putMetadata("coditect_tenant_id", tenantId);
    if (email != null) {
      params.setEmail(email);
    }
    try {
      Customer customer = stripe.get().v1().customers().create(params.build(), options(idempotencyKey));
      return customer.getId();
    } catch (StripeException e) {
      throw StripeFailures.failed(e, "customer");
    }
  }

  /**
   * A subscription of {@code customerId} to one price, with a trial of {@code trialDays} (null: none)
   * and its billing cycle anchored to a day of the month (null: Stripe's default, the start).
   */
  public StripeSubscription create(String customerId, String priceId, Integer trialDays, Integer anchorDay,
      String tenantId, String subscriptionId, String idempotencyKey) {
    SubscriptionCreateParams.Builder params = SubscriptionCreateParams.builder()
        .setCustomer(customerId)
        .addItem(SubscriptionCreateParams.Item.builder().setPrice(priceId).build())
        .putMetadata("coditect_tenant_id", tenantId)
        .putMetadata("coditect_subscription_id", subscriptionId);
    if (trialDays != null) {
      params.setTrialPeriodDays(trialDays.longValue());
    }
    if (anchorDay != null) {
      params.setBillingCycleAnchorConfig(SubscriptionCreateParams.BillingCycleAnchorConfig.builder()
          .setDayOfMonth(anchorDay.longValue()).build());
    }
    try {
      return of(stripe.get().v1().subscriptions().create(params.build(), options(idempotencyKey)));
    } catch (StripeException e) {
      throw refusedOrFailed(e, "subscription");
    }
  }

  /** What moving the subscription's item to {@code newPriceId} at {@code prorationDate} would invoice. */
  public Proration preview(String customerId, String subscriptionId, String itemId, String newPriceId,
      long prorationDate) {
    InvoiceCreatePreviewParams params = InvoiceCreatePreviewParams.builder()
        .setCustomer(customerId)
        .setSubscription(subscriptionId)
        .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
            .addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder().setId(itemId).setPrice(newPriceId)
                .build())
            .setProrationBehavior(InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.CREATE_PRORATIONS)
            .setProrationDate(prorationDate)
            .build())
        .build();
    try {
      Invoice invoice = stripe.get().v1().invoices().createPreview(params);
      return new Proration(orZero(invoice.getAmountDue()), orZero(invoice.getSubtotal()), invoice.getCurrency(),
          prorationDate);
    } catch (StripeException e) {
      throw refusedOrFailed(e, "proration preview");
    }
  }

  /** Moves the item to {@code newPriceId}, prorated as of {@code prorationDate} (the preview's). */
  public StripeSubscription changePrice(String subscriptionId, String itemId, String newPriceId, long prorationDate,
      String idempotencyKey) {
    SubscriptionUpdateParams params = SubscriptionUpdateParams.builder()
        .addItem(SubscriptionUpdateParams.Item.builder().setId(itemId).setPrice(newPriceId).build())
        .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
        .setProrationDate(prorationDate)
        .build();
    try {
      return of(stripe.get().v1().subscriptions().update(subscriptionId, params, options(idempotencyKey)));
    } catch (StripeException e) {
      throw refusedOrFailed(e, "plan change");
    }
  }

  /** Cancels now, or marks the subscription to end at its period's end. */
  public StripeSubscription cancel(String subscriptionId, boolean atPeriodEnd, String idempotencyKey) {
    try {
      Subscription answer = atPeriodEnd
          ? stripe.get().v1().subscriptions().update(subscriptionId,
              SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build(), options(idempotencyKey))
          : stripe.get().v1().subscriptions().cancel(subscriptionId, SubscriptionCancelParams.builder().build(),
              options(idempotencyKey));
      return of(answer);
    } catch (StripeException e) {
      throw refusedOrFailed(e, "cancellation");
    }
  }

  private static StripeSubscription of(Subscription s) {
    var item = s.getItems() == null || s.getItems().getData() == null || s.getItems().getData().isEmpty()
        ? null : s.getItems().getData().get(0);
    return new StripeSubscription(s.getId(), item == null ? null : item.getId(), s.getStatus(),
        item == null ? null : item.getCurrentPeriodStart(), item == null ? null : item.getCurrentPeriodEnd(),
        s.getTrialStart(), s.getTrialEnd(), Boolean.TRUE.equals(s.getCancelAtPeriodEnd()), s.getCanceledAt());
  }

  /** Stripe refusing the request itself (a bad anchor with a trial, say) is the caller's 422; anything else a 502. */
  private static RuntimeException refusedOrFailed(StripeException e, String what) {
    if (e instanceof InvalidRequestException && e.getStatusCode() != null && e.getStatusCode() == 400) {
      return UnprocessableException.forField(e.getStripeError() != null && e.getStripeError().getParam() != null
          ? e.getStripeError().getParam() : "body", "Stripe refused the " + what
          + (e.getCode() == null ? "" : " (" + e.getCode() + ")"));
    }
    return StripeFailures.failed(e, what);
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static RequestOptions options(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }
}
