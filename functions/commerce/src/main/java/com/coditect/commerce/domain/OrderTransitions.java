package com.coditect.commerce.domain;

import com.coditect.billing.model.PaymentStatus;
import com.coditect.commerce.model.OrderStatus;
import java.util.Optional;

/**
 * How an order follows its payment. A pending order becomes paid, failed or cancelled as its
 * payment does; a failed one may still be paid (the buyer tried another card) or cancelled; a paid
 * one only becomes refunded; refunded and cancelled are final. A payment status that would move the
 * order back (a late "failed" after "paid") changes nothing, so events in any order end the same.
 */
public final class OrderTransitions {

  private OrderTransitions() {}

  /** The order's next status given its payment's, or empty when the payment's does not move it. */
  public static Optional<OrderStatus> next(OrderStatus order, PaymentStatus payment) {
    OrderStatus target = switch (payment) {
      case SUCCEEDED -> OrderStatus.PAID;
      case FAILED -> OrderStatus.FAILED;
      case CANCELLED -> OrderStatus.CANCELLED;
      case REFUNDED -> OrderStatus.REFUNDED;
      case PENDING, PROCESSING -> null;
    };
    if (target == null || target == order) {
      return Optional.empty();
    }
    boolean allowed = switch (order) {
      case PENDING -> true;
      case FAILED -> target == OrderStatus.PAID || target == OrderStatus.CANCELLED;
      case PAID -> target == OrderStatus.REFUNDED;
      case REFUNDED, CANCELLED -> false;
    };
    return allowed ? Optional.of(target) : Optional.empty();
  }
}
