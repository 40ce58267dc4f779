package com.coditect.billing.domain;

import com.coditect.billing.api.PaymentFilters;
import com.coditect.billing.api.PaymentResponse;
import com.coditect.billing.data.PaymentItem;
import com.coditect.billing.data.PaymentRepository;
import com.coditect.billing.data.StripeObjectItem;
import com.coditect.billing.data.StripeObjectRepository;
import com.coditect.billing.data.StripePayments;
import com.coditect.billing.model.PaymentMethod;
import com.coditect.billing.model.PaymentStatus;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Payments: their reads, the pending payment a checkout records with its PaymentIntent, and what
 * Stripe's PaymentIntent events make of them ({@link PaymentTransitions} decides; a late or repeated
 * event changes nothing).
 */
@Singleton
public final class PaymentService {

  static final String TYPE = "payment";
  private static final int ATTEMPTS = 5;
  private static final Actor STRIPE = Actor.system("stripe-webhook");
  private static final Log LOG = Log.forClass(PaymentService.class);

  private final PaymentRepository payments;
  private final StripeObjectRepository stripeObjects;
  private final StripePayments stripe;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  PaymentService(PaymentRepository payments, StripeObjectRepository stripeObjects, StripePayments stripe,
      Transactions transactions, Outbox outbox, Clock clock) {
    this.payments = payments;
    this.stripeObjects = stripeObjects;
    this.stripe = stripe;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  public ResultPage<PaymentResponse> list(Caller caller, PaymentFilters filters, PageRequest page) {
    return payments.list(caller.tenantId(), filters.status(), page).map(PaymentResponse::from);
  }

  public Versioned<PaymentResponse> get(Caller caller, String paymentId) {
    PaymentItem payment = payments.find(caller.tenantId(), paymentId, false).orElseThrow(PaymentService::notFound);
    return new Versioned<>(PaymentResponse.from(payment), payment.version());
  }

  /** A new pending card payment of a PaymentIntent, keyed and indexed, not yet written. */
  public static PaymentItem pending(TenantId tenant, String paymentId, String orderId, String intentId, long amountCents,
      String currency, String now) {
    return PaymentRepository.indexed(tenant, PaymentItem.builder()
        .meta(PaymentRepository.newMeta(tenant, paymentId, now))
        .id(paymentId)
        .orderId(orderId)
        .stripePaymentIntentId(intentId)
        .amountCents(amountCents)
        .currency(currency)
        .status(PaymentStatus.PENDING)
        .paymentMethod(PaymentMethod.CARD)
        .refundedCents(0L)
        .stripeEventCreated(0L)
        .build());
  }

  /** Adds a pending payment to the caller's transaction: the payment, its PaymentIntent's pointer, its event. */
  public void record(WriteTransaction tx, TenantId tenant, Actor actor, PaymentItem payment) {
    payments.create(tx, payment, () -> new IllegalStateException("payment id collision"));
    stripeObjects.point(tx, payment.stripePaymentIntentId(), tenant, TYPE, payment.id(), "stripe_payment_intent_id",
        payment.createdAt());
    outbox.record(tx, tenant, actor, TYPE + ".created", TYPE, payment.id(), null, PaymentResponse.from(payment));
  }

  /**
   * Applies one PaymentIntent event to the payment it names; returns whether it changed it. An
   * intent that is not one of ours (a subscription's invoice, another integration's) is skipped.
   */
  public boolean apply(IntentEvent event) {
    Optional<StripeObjectItem> pointer = stripeObjects.find(event.intentId());
    if (pointer.isEmpty() || !TYPE.equals(pointer.get().resourceType())) {
      LOG.info("payment intent event for no payment of ours", "stripe_id", event.intentId());
      return false;
    }
    TenantId tenant = new TenantId(pointer.get().tenantId());
    String paymentId = pointer.get().resourceId();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      PaymentItem payment = payments.find(tenant, paymentId, true)
          .orElseThrow(() -> new IllegalStateException("payment " + paymentId + " of a pointer is missing"));
      Optional<PaymentStatus> next = PaymentTransitions.next(payment.status(), payment.stripeEventCreated(),
          event.status(), event.created());
      if (next.isEmpty()) {
        return false;
      }
      PaymentItem changed = moved(tenant, payment, next.get(), event);
      WriteTransaction tx = transactions.begin();
      payments.replace(tx, changed, payment.version(), () -> new ConflictException("payment changed concurrently"));
      outbox.record(tx, tenant, STRIPE, TYPE + "." + next.get().apiName(), TYPE, paymentId,
          PaymentResponse.from(payment), PaymentResponse.from(changed));
      try {
        tx.commit();
        return true;
      } catch (ConflictException raced) {
        // A refund or another event wrote the payment between our read and write: read it again.
      }
    }
    throw new IllegalStateException("payment " + paymentId + " stayed contended; the event will be redelivered");
  }

  private PaymentItem moved(TenantId tenant, PaymentItem payment, PaymentStatus status, IntentEvent event) {
    String now = Timestamps.now(clock);
    PaymentItem changed = payment.withStatus(status)
        .withStripeEventCreated(Math.max(payment.stripeEventCreated(), event.created()))
        .nextVersion(now);
    if (status == PaymentStatus.SUCCEEDED) {
      changed = changed.withSucceededAt(now).withFailureCode(null).withFailureMessage(null);
      if (event.latestChargeId() != null) {
        changed = changed.withStripeChargeId(event.latestChargeId());
        Optional<StripePayments.Card> card = stripe.cardOf(event.latestChargeId());
        if (card.isPresent()) {
          changed = changed.withCardBrand(card.get().brand()).withCardLast4(card.get().last4());
        }
      }
    } else if (status == PaymentStatus.FAILED) {
      changed = changed.withFailureCode(truncate(event.failureCode(), 50))
          .withFailureMessage(truncate(event.failureMessage(), 500));
      if (event.cardLast4() != null) {
        changed = changed.withCardBrand(truncate(event.cardBrand(), 20)).withCardLast4(event.cardLast4());
      }
    }
    return PaymentRepository.indexed(tenant, changed);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  static NotFoundException notFound() {
    return new NotFoundException("The payment was not found.");
  }
}
