package com.coditect.commerce.data;

import com.coditect.billing.data.StripeFailures;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/** A checkout's side of Stripe: the PaymentIntent for an order's total, created with the idempotency key it is given. */
@Singleton
public final class StripeCheckout {

  /** What the browser needs to pay: the intent's id, and its client secret for Stripe.js. */
  public record Intent(String id, String clientSecret) {}

  private final Lazy<StripeClient> stripe;

  @Inject
  StripeCheckout(Lazy<StripeClient> stripe) {
    this.stripe = stripe;
  }

  /**
   * A PaymentIntent for {@code amountCents} of {@code currency}, any payment method the account
   * enables; the order and tenant ride along as metadata, which the webhook's events carry back.
   */
  public Intent createIntent(String tenantId, String orderId, long amountCents, String currency, String idempotencyKey) {
    PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
        .setAmount(amountCents)
        .setCurrency(currency)
        .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
        .putMetadata("coditect_tenant_id", tenantId)
        .putMetadata("coditect_order_id", orderId)
        .build();
    try {
      PaymentIntent intent = stripe.get().v1().paymentIntents().create(params,
          RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
      return new Intent(intent.getId(), intent.getClientSecret());
    } catch (StripeException e) {
      throw StripeFailures.failed(e, "payment");
    }
  }
}
