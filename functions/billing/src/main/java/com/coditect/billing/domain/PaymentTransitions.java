package com.coditect.billing.domain;

import com.coditect.billing.model.PaymentStatus;
import java.util.Optional;

/**
 * Which PaymentIntent event may move a payment, so that late, repeated and reordered deliveries end
 * where in-order ones do. Succeeded, cancelled and refunded are final for PaymentIntent events
 * (refunds move a payment on their own path). Otherwise an event applies only if it is newer than
 * the newest applied ({@code created}, Stripe's seconds), or as new and further along; a failed
 * payment may still be retried by its customer, so from failed a newer event may go anywhere.
 */
public final class PaymentTransitions {

  private PaymentTransitions() {}

  /**
   * The status {@code current} moves to on an event saying {@code target} at {@code created}, given
   * the newest applied event's time {@code watermark}; empty when the event changes nothing.
   */
  public static Optional<PaymentStatus> next(PaymentStatus current, long watermark, PaymentStatus target, long created) {
    if (isFinal(current) || target == current || created < watermark) {
      return Optional.empty();
    }
    if (created == watermark && rank(target) <= rank(current)) {
      return Optional.empty();
    }
    if (current != PaymentStatus.FAILED && rank(target) < rank(current)) {
      return Optional.empty();
    }
    return Optional.of(target);
  }

  /** No PaymentIntent event moves a payment out of these. */
  public static boolean isFinal(PaymentStatus status) {
    return status == PaymentStatus.SUCCEEDED || status == PaymentStatus.CANCELLED || status == PaymentStatus.REFUNDED;
  }

  private static int rank(PaymentStatus status) {
    return switch (status) {
      case PENDING -> 0;
      case PROCESSING -> 1;
      case FAILED -> 2;
      case SUCCEEDED, CANCELLED -> 3;
      case REFUNDED -> 4;
    };
  }
}
