package com.coditect.billing.domain;

import static com.coditect.billing.model.PaymentStatus.CANCELLED;
import static com.coditect.billing.model.PaymentStatus.FAILED;
import static com.coditect.billing.model.PaymentStatus.PENDING;
import static com.coditect.billing.model.PaymentStatus.PROCESSING;
import static com.coditect.billing.model.PaymentStatus.REFUNDED;
import static com.coditect.billing.model.PaymentStatus.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.billing.model.PaymentStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The PaymentIntent events' order rule, alone and over every order of a few deliveries. */
class PaymentTransitionsTest {

  @Test
  void aPendingPaymentFollowsItsFirstEvent() {
    assertEquals(Optional.of(PROCESSING), PaymentTransitions.next(PENDING, 0, PROCESSING, 100));
    assertEquals(Optional.of(SUCCEEDED), PaymentTransitions.next(PENDING, 0, SUCCEEDED, 100));
    assertEquals(Optional.of(FAILED), PaymentTransitions.next(PENDING, 0, FAILED, 100));
  }

  @Test
  void aLateProcessingAfterSucceededChangesNothing() {
    assertEquals(Optional.empty(), PaymentTransitions.next(SUCCEEDED, 200, PROCESSING, 100));
    assertEquals(Optional.empty(), PaymentTransitions.next(SUCCEEDED, 200, PROCESSING, 300), "succeeded is final");
  }

  @Test
  void finalStatusesAbsorbEveryPaymentIntentEvent() {
    for (PaymentStatus done : List.of(SUCCEEDED, CANCELLED, REFUNDED)) {
      for (PaymentStatus target : PaymentStatus.values()) {
        assertEquals(Optional.empty(), PaymentTransitions.next(done, 100, target, 500), done + " -> " + target);
      }
    }
  }

  @Test
  void anOlderEventIsIgnoredAndATieGoesToTheFurtherStatus() {
    assertEquals(Optional.empty(), PaymentTransitions.next(FAILED, 200, PROCESSING, 199));
    assertEquals(Optional.empty(), PaymentTransitions.next(FAILED, 200, PROCESSING, 200));
    assertEquals(Optional.of(FAILED), PaymentTransitions.next(PROCESSING, 200, FAILED, 200));
    assertEquals(Optional.empty(), PaymentTransitions.next(PROCESSING, 200, PROCESSING, 300), "same status: nothing to do");
  }

  @Test
  void aFailedPaymentMayBeRetriedByANewerAttempt() {
    assertEquals(Optional.of(PROCESSING), PaymentTransitions.next(FAILED, 200, PROCESSING, 201));
    assertEquals(Optional.of(SUCCEEDED), PaymentTransitions.next(FAILED, 200, SUCCEEDED, 201));
  }

  /** Every order of a realistic delivery set ends in the same status: what in order gives. */
  @Test
  void everyDeliveryOrderEndsWhereInOrderDoes() {
    List<Delivery> deliveries = List.of(new Delivery(PROCESSING, 100), new Delivery(FAILED, 110),
        new Delivery(PROCESSING, 120), new Delivery(SUCCEEDED, 130), new Delivery(PROCESSING, 130));
    PaymentStatus inOrder = apply(deliveries);
    assertEquals(SUCCEEDED, inOrder);
    for (List<Delivery> order : permutations(deliveries)) {
      List<Delivery> twice = new ArrayList<>(order);
      twice.addAll(order);
      assertEquals(inOrder, apply(order), order.toString());
      assertEquals(inOrder, apply(twice), "duplicated: " + order);
    }
  }

  @Test
  void aFailureThatIsNeverRetriedStaysFailedWhateverTheOrder() {
    List<Delivery> deliveries = List.of(new Delivery(PROCESSING, 100), new Delivery(FAILED, 100));
    for (List<Delivery> order : permutations(deliveries)) {
      assertEquals(FAILED, apply(order), order.toString());
    }
  }

  private record Delivery(PaymentStatus target, long created) {}

  private static PaymentStatus apply(List<Delivery> deliveries) {
    PaymentStatus status = PENDING;
    long watermark = 0;
    for (Delivery delivery : deliveries) {
      Optional<PaymentStatus> next = PaymentTransitions.next(status, watermark, delivery.target(), delivery.created());
      if (next.isPresent()) {
        status = next.get();
        watermark = Math.max(watermark, delivery.created());
      }
    }
    return status;
  }

  private static List<List<Delivery>> permutations(List<Delivery> items) {
    if (items.size() <= 1) {
      return List.of(items);
    }
    List<List<Delivery>> all = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<Delivery> rest = new ArrayList<>(items);
      Delivery first = rest.remove(i);
      for (List<Delivery> tail : permutations(rest)) {
        List<Delivery> order = new ArrayList<>();
        order.add(first);
        order.addAll(tail);
        all.add(order);
      }
    }
    Collections.shuffle(all, new Random(7));
    return all;
  }
}
