package com.coditect.billing.data;

import com.coditect.billing.model.RefundReason;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import dagger.Lazy;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The payments' side of Stripe: refunds of PaymentIntents and the card a charge was paid with.
 * Every call that changes Stripe carries the idempotency key it is given.
 */
@Singleton
public final class StripePayments {

  /** What Stripe answered to a refund: its id and status ({@code pending}, {@code succeeded}, {@code failed}...). */
  public record StripeRefund(String id, String status) {}

  /** The card of a charge, when it was paid by card. */
  public record Card(String brand, String last4) {}

  private final Lazy<StripeClient> stripe;

  @Inject
  StripePayments(Lazy<StripeClient> stripe) {
    this.stripe = stripe;
  }

  /** Refunds {@code amountCents} of a PaymentIntent; our refund's id rides along as metadata. */
  public StripeRefund refund(String paymentIntentId, long amountCents, RefundReason reason, String refundId,
      String idempotencyKey) {
    RefundCreateParams.Builder params = RefundCreateParams.builder()
        .setPaymentIntent(paymentIntentId)
        .setAmount(amountCents)
        .putMetadata("coditect_refund_id", refundId);
    if (reason != null) {
      params.setReason(RefundCreateParams.Reason.valueOf(reason.name()));
    }
    try {
      Refund refund = stripe.get().v1().refunds().create(params.build(),
          RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
      return new StripeRefund(refund.getId(), refund.getStatus());
    } catch (StripeException e) {
      throw StripeFailures.failed(e, "refund");
    }
  }

  /** The card a charge was paid with, fetched from Stripe (events carry only the charge's id). */
  public Optional<Card> cardOf(String chargeId) {
    try {
      Charge charge = stripe.get().v1().charges().retrieve(chargeId);
      if (charge.getPaymentMethodDetails() == null || charge.getPaymentMethodDetails().getCard() == null) {
        return Optional.empty();
      }
      Charge.PaymentMethodDetails.Card card = charge.getPaymentMethodDetails().getCard();
      return Optional.of(new Card(card.getBrand(), card.getLast4()));
    } catch (StripeException e) {
      throw new IllegalStateException("Stripe did not answer for charge " + chargeId + " (" + e.getCode() + ")", e);
    }
  }
}
