package com.coditect.commerce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.billing.model.PaymentStatus;
import com.coditect.commerce.model.OrderStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How an order follows its payment: forward only, whatever order the payment's statuses arrive in. */
class OrderTransitionsTest {

  @Test
  void aPendingOrderTakesItsPaymentsOutcome() {
    assertEquals(Optional.of(OrderStatus.PAID), OrderTransitions.next(OrderStatus.PENDING, PaymentStatus.SUCCEEDED));
    assertEquals(Optional.of(OrderStatus.FAILED), OrderTransitions.next(OrderStatus.PENDING, PaymentStatus.FAILED));
    assertEquals(Optional.of(OrderStatus.CANCELLED), OrderTransitions.next(OrderStatus.PENDING, PaymentStatus.CANCELLED));
    assertEquals(Optional.empty(), OrderTransitions.next(OrderStatus.PENDING, PaymentStatus.PROCESSING));
  }

  @Test
  void aFailedOrderMayStillBePaidButAPaidOneOnlyRefunded() {
    assertEquals(Optional.of(OrderStatus.PAID), OrderTransitions.next(OrderStatus.FAILED, PaymentStatus.SUCCEEDED));
    assertEquals(Optional.empty(), OrderTransitions.next(OrderStatus.PAID, PaymentStatus.FAILED));
    assertEquals(Optional.empty(), OrderTransitions.next(OrderStatus.PAID, PaymentStatus.CANCELLED));
    assertEquals(Optional.of(OrderStatus.REFUNDED), OrderTransitions.next(OrderStatus.PAID, PaymentStatus.REFUNDED));
    for (PaymentStatus payment : PaymentStatus.values()) {
      assertEquals(Optional.empty(), OrderTransitions.next(OrderStatus.REFUNDED, payment), payment.name());
      assertEquals(Optional.empty(), OrderTransitions.next(OrderStatus.CANCELLED, payment), payment.name());
    }
  }

  @Test
  void everyOrderOfAPaymentsStatusesEndsPaid() {
    List<PaymentStatus> statuses = List.of(PaymentStatus.PROCESSING, PaymentStatus.FAILED, PaymentStatus.SUCCEEDED,
        PaymentStatus.PROCESSING);
    Random random = new Random(11);
    for (int round = 0; round < 100; round++) {
      List<PaymentStatus> shuffled = new ArrayList<>(statuses);
      Collections.shuffle(shuffled, random);
      OrderStatus order = OrderStatus.PENDING;
      for (PaymentStatus status : shuffled) {
        order = OrderTransitions.next(order, status).orElse(order);
      }
      assertEquals(OrderStatus.PAID, order, shuffled.toString());
    }
  }
}
