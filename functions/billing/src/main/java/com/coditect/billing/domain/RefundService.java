package com.coditect.billing.domain;

import com.coditect.billing.api.CreateRefundRequest;
import com.coditect.billing.api.PaymentResponse;
import com.coditect.billing.api.RefundResponse;
import com.coditect.billing.data.PaymentItem;
import com.coditect.billing.data.PaymentRepository;
import com.coditect.billing.data.RefundItem;
import com.coditect.billing.data.RefundRepository;
import com.coditect.billing.data.StripeObjectItem;
import com.coditect.billing.data.StripeObjectRepository;
import com.coditect.billing.data.StripePayments;
import com.coditect.billing.model.PaymentStatus;
import com.coditect.billing.model.RefundStatus;
import com.coditect.shared.error.BadGatewayException;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Refunds, never more than was paid, even when requests race: a refund first reserves its amount
 * on the payment ({@code refunded_cents}, written at the version read, re-read and retried when
 * another refund got there first), and only then asks Stripe, with an idempotency key derived from
 * the request's. If Stripe refuses, the reservation is released and the refund is failed; if Stripe
 * takes it, the refund records Stripe's id and status, and a payment refunded in full becomes
 * {@code refunded}. Stripe's refund events finish what a crash between the two left pending.
 */
@Singleton
public final class RefundService {

  static final String TYPE = "refund";
  private static final int ATTEMPTS = 12;
  private static final Actor STRIPE = Actor.system("stripe-webhook");
  private static final Log LOG = Log.forClass(RefundService.class);

  private final PaymentRepository payments;
  private final RefundRepository refunds;
  private final StripeObjectRepository stripeObjects;
  private final StripePayments stripe;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  RefundService(PaymentRepository payments, RefundRepository refunds, StripeObjectRepository stripeObjects,
      StripePayments stripe, Transactions transactions, Outbox outbox, Clock clock) {
    this.payments = payments;
    this.refunds = refunds;
    this.stripeObjects = stripeObjects;
    this.stripe = stripe;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** {@code ?payment_id=}: that payment's refunds (its partition); else the tenant's. Newest first. */
  public ResultPage<RefundResponse> list(Caller caller, Optional<String> paymentId, PageRequest page) {
    TenantId tenant = caller.tenantId();
    return paymentId.map(id -> refunds.listByPayment(tenant, id, page))
        .orElseGet(() -> refunds.listByTenant(tenant, page))
        .map(RefundResponse::from);
  }

  public Created<RefundResponse> create(Caller caller, String paymentId, CreateRefundRequest request,
      Idempotency.Lookup idempotency) {
    TenantId tenant = caller.tenantId();
    String refundId = Ids.newId();
    // The payment and the request's idempotency record in one read; a retried request ends with its first response.
    PaymentRepository.PaymentAndRecord first = payments.findWithRecord(tenant, paymentId, idempotency.recordKey());
    IdempotencyClaim claim = idempotency.claim(first.record());
    Reserved reserved = reserve(caller, paymentId, refundId, request, claim, first.payment());
    StripePayments.StripeRefund answer;
    try {
      answer = stripe.refund(reserved.payment().stripePaymentIntentId(), reserved.refund().amountCents(),
          request.reason(), refundId, claim.derivedKey("refund").orElse("refund:" + refundId));
    } catch (BadGatewayException refused) {
      settle(tenant, caller.actor(), paymentId, refundId, null, RefundStatus.FAILED);
      throw refused;
    }
    RefundItem done = settle(tenant, caller.actor(), paymentId, refundId, answer.id(), statusOf(answer.status()));
    return new Created<>(location(paymentId), RefundResponse.from(done), done.version());
  }

  /** Applies a Stripe refund event; returns whether it changed our refund. */
  public boolean apply(RefundEvent event) {
    Optional<Target> target = targetOf(event);
    if (target.isEmpty()) {
      LOG.info("refund event for no refund of ours", "stripe_id", event.stripeRefundId());
      return false;
    }
    Optional<RefundItem> refund = refunds.find(target.get().tenant(), target.get().paymentId(), target.get().refundId());
    if (refund.isEmpty() || isSettled(refund.get().status()) || refund.get().status() == event.status()) {
      return false;
    }
    settle(target.get().tenant(), STRIPE, target.get().paymentId(), target.get().refundId(), event.stripeRefundId(),
        event.status());
    return true;
  }

  /** The reservation: the payment's refunded amount raised and the pending refund, in one transaction. */
  private Reserved reserve(Caller caller, String paymentId, String refundId, CreateRefundRequest request,
      IdempotencyClaim claim, Optional<PaymentItem> firstRead) {
    TenantId tenant = caller.tenantId();
    Optional<PaymentItem> read = firstRead;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        read = payments.find(tenant, paymentId, true);
      }
      PaymentItem payment = read.orElseThrow(PaymentService::notFound);
      long remaining = payment.amountCents() - payment.refundedCents();
      if (payment.status() != PaymentStatus.SUCCEEDED && payment.status() != PaymentStatus.REFUNDED) {
        throw new ConflictException("Only a succeeded payment can be refunded; this one is "
            + payment.status().apiName() + ".");
      }
      long amount = request.amountCents() == null ? remaining : request.amountCents();
      if (amount > remaining || amount <= 0) {
        throw UnprocessableException.forField("amount_cents", "exceeds what is left to refund of this payment ("
            + remaining + " " + payment.currency() + " cents)");
      }
      String now = Timestamps.now(clock);
      RefundItem refund = RefundRepository.indexed(tenant, RefundItem.builder()
          .meta(RefundRepository.newMeta(tenant, paymentId, refundId, now))
          .id(refundId)
          .paymentId(paymentId)
          .amountCents(amount)
          .currency(payment.currency())
          .reason(request.reason())
          .status(RefundStatus.PENDING)
          .refundedBy(caller.userId())
          .build());
      WriteTransaction tx = transactions.begin();
      payments.replace(tx, payment.withRefundedCents(payment.refundedCents() + amount).nextVersion(now),
          payment.version(), PaymentMoved::new);
      refunds.create(tx, refund, () -> new IllegalStateException("refund id collision"));
      outbox.record(tx, tenant, caller.actor(), TYPE + ".created", TYPE, refundId, null, RefundResponse.from(refund));
      claim.attach(tx, new Created<>(location(paymentId), RefundResponse.from(refund), refund.version()));
      try {
        tx.commit();
        return new Reserved(payment, refund);
      } catch (PaymentMoved raced) {
        // Another refund (or a Stripe event) wrote the payment since we read it: read it again.
      }
    }
    throw new ConflictException("The payment was refunded concurrently by many requests; try again.");
  }

  /**
   * Records where a refund ended: Stripe's id (when it answered) and the status. A failed or
   * cancelled refund releases its reservation; a succeeded one may complete the payment's refund.
   */
  private RefundItem settle(TenantId tenant, Actor actor, String paymentId, String refundId, String stripeRefundId,
      RefundStatus status) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      PaymentRepository.PaymentAndRefund read = payments.findWithRefund(tenant, paymentId, refundId);
      PaymentItem payment = read.payment().orElseThrow(PaymentService::notFound);
      RefundItem refund = read.refund()
          .orElseThrow(() -> new IllegalStateException("refund " + refundId + " is missing"));
      String now = Timestamps.now(clock);
      RefundItem settled = refund.withStatus(status).nextVersion(now);
      if (stripeRefundId != null && refund.stripeRefundId() == null) {
        settled = settled.withStripeRefundId(stripeRefundId);
      }
      if (status == RefundStatus.SUCCEEDED) {
        settled = settled.withSucceededAt(now);
      }
      long refunded = payment.refundedCents() - (releases(status) ? refund.amountCents() : 0);
      PaymentItem paid = payment.withRefundedCents(refunded);
      if (status == RefundStatus.SUCCEEDED && refunded == payment.amountCents()) {
        paid = paid.withStatus(PaymentStatus.REFUNDED).withRefundedAt(now);
      } else if (payment.status() == PaymentStatus.REFUNDED && refunded < payment.amountCents()) {
        paid = paid.withStatus(PaymentStatus.SUCCEEDED).withRefundedAt(null);
      }
      WriteTransaction tx = transactions.begin();
      refunds.replace(tx, settled, refund.version(), () -> new ConflictException("refund changed concurrently"));
      if (settled.stripeRefundId() != null && refund.stripeRefundId() == null) {
        stripeObjects.point(tx, settled.stripeRefundId(), tenant, TYPE, refundId, "stripe_refund_id", now);
      }
      outbox.record(tx, tenant, actor, TYPE + "." + status.apiName(), TYPE, refundId, RefundResponse.from(refund),
          RefundResponse.from(settled));
      if (!paid.equals(payment)) {
        PaymentItem changed = PaymentRepository.indexed(tenant, paid.nextVersion(now));
        payments.replace(tx, changed, payment.version(), PaymentMoved::new);
        if (changed.status() != payment.status()) {
          outbox.record(tx, tenant, actor, PaymentService.TYPE + "." + changed.status().apiName(), PaymentService.TYPE,
              paymentId, PaymentResponse.from(payment),
              PaymentResponse.from(changed));
        }
      }
      try {
        tx.commit();
        return settled;
      } catch (PaymentMoved raced) {
        // Another refund settled or reserved meanwhile: read both again.
      }
    }
    throw new IllegalStateException("refund " + refundId + " could not be settled; Stripe's event will settle it");
  }

  /** The refund an event is about: by its Stripe id's pointer, or (settled by no request yet) by its metadata. */
  private Optional<Target> targetOf(RefundEvent event) {
    Optional<StripeObjectItem> pointer = stripeObjects.find(event.stripeRefundId());
    if (pointer.isPresent() && TYPE.equals(pointer.get().resourceType())) {
      Optional<StripeObjectItem> refundOf = Optional.empty();
      // The refund's own pointer names the refund, not its payment: the refund's payment comes from the intent.
      if (event.paymentIntentId() != null) {
        refundOf = stripeObjects.find(event.paymentIntentId());
      }
      return refundOf.map(intent -> new Target(new TenantId(intent.tenantId()), intent.resourceId(),
          pointer.get().resourceId()));
    }
    if (event.refundId() == null || event.paymentIntentId() == null) {
      return Optional.empty();
    }
    return stripeObjects.find(event.paymentIntentId())
        .filter(intent -> PaymentService.TYPE.equals(intent.resourceType()))
        .map(intent -> new Target(new TenantId(intent.tenantId()), intent.resourceId(), event.refundId()));
  }

  private static boolean isSettled(RefundStatus status) {
    return status == RefundStatus.SUCCEEDED || status == RefundStatus.FAILED || status == RefundStatus.CANCELLED;
  }

  private static boolean releases(RefundStatus status) {
    return status == RefundStatus.FAILED || status == RefundStatus.CANCELLED;
  }

  /** Stripe's refund statuses; {@code requires_action} is still pending for us. */
  static RefundStatus statusOf(String stripeStatus) {
    return switch (stripeStatus == null ? "" : stripeStatus) {
      case "succeeded" -> RefundStatus.SUCCEEDED;
      case "failed" -> RefundStatus.FAILED;
      case "canceled" -> RefundStatus.CANCELLED;
      default -> RefundStatus.PENDING;
    };
  }

  private static String location(String paymentId) {
    return "/v1/refunds?payment_id=" + paymentId;
  }

  private record Reserved(PaymentItem payment, RefundItem refund) {}

  private record Target(TenantId tenant, String paymentId, String refundId) {}

  /** The payment was written since it was read: a lost race, retried here, never shown. */
  private static final class PaymentMoved extends RuntimeException {
    PaymentMoved() {
      super("payment changed concurrently", null, false, false);
    }
  }
}
