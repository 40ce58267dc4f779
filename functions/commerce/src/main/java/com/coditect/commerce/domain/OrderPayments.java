package com.coditect.commerce.domain;

import com.coditect.billing.data.PaymentItem;
import com.coditect.billing.data.PaymentRepository;
import com.coditect.commerce.api.OrderResponse;
import com.coditect.commerce.data.OrderItem;
import com.coditect.commerce.data.OrderRepository;
import com.coditect.commerce.model.OrderStatus;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * An order follows its payment: billing's {@code payment.<status>} events (the rule of
 * CommerceEventsFunction) name the payment; its order moves by {@link OrderTransitions}, at the
 * version read, with an {@code order.<status>} event. The payment is read as stored, never taken
 * from the bus event, so a repeated or late delivery changes nothing.
 */
@Singleton
public final class OrderPayments {

  private static final Log LOG = Log.forClass(OrderPayments.class);
  private static final Actor PAYMENTS = Actor.system("order-payments");
  private static final int ATTEMPTS = 5;

  private final PaymentRepository payments;
  private final OrderRepository orders;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  OrderPayments(PaymentRepository payments, OrderRepository orders, Transactions transactions, Outbox outbox,
      Clock clock) {
    this.payments = payments;
    this.orders = orders;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Moves the order of payment {@code paymentId} as the payment now stands; returns whether it changed. */
  public boolean apply(TenantId tenant, String paymentId) {
    Optional<PaymentItem> payment = payments.find(tenant, paymentId, true);
    if (payment.isEmpty() || payment.get().orderId() == null) {
      LOG.info("payment of no order", "payment_id", paymentId);
      return false;
    }
    String orderId = payment.get().orderId();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      OrderItem order = orders.find(tenant, orderId).orElse(null);
      if (order == null) {
        LOG.info("order of a payment is gone", "order_id", orderId);
        return false;
      }
      Optional<OrderStatus> next = OrderTransitions.next(order.status(), payment.get().status());
      if (next.isEmpty()) {
        return false;
      }
      String now = Timestamps.now(clock);
      OrderItem moved = order.withStatus(next.get()).withPaidAt(next.get() == OrderStatus.PAID ? now : order.paidAt())
          .nextVersion(now);
      WriteTransaction tx = transactions.begin();
      orders.replace(tx, OrderRepository.indexed(tenant, moved), order.version(),
          () -> new ConflictException("order changed concurrently"));
      outbox.record(tx, tenant, PAYMENTS, CheckoutService.TYPE + "." + next.get().apiName(), CheckoutService.TYPE,
          orderId, OrderResponse.from(order), OrderResponse.from(moved));
      try {
        tx.commit();
        return true;
      } catch (ConflictException raced) {
        // Another delivery moved the order between our read and write: read it again.
      }
    }
    throw new IllegalStateException("order " + orderId + " stayed contended; the event will be redelivered");
  }
}
